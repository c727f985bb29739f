/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

#include "sb-smtp-client.h"

G_BEGIN_DECLS

#define SB_TYPE_PREFERENCES_WINDOW (sb_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SbPreferencesWindow, sb_preferences_window, SB, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *sb_preferences_window_new                (GSettings           *settings,
                                                     SbSmtpClient        *client,
                                                     const char          *test_recipient);
void       sb_preferences_window_set_password       (SbPreferencesWindow *self,
                                                     const char          *password);
void       sb_preferences_window_set_password_note  (SbPreferencesWindow *self,
                                                     const char          *note);
gboolean   sb_preferences_window_get_busy           (SbPreferencesWindow *self);
const char *sb_preferences_window_get_test_result   (SbPreferencesWindow *self);

G_END_DECLS
