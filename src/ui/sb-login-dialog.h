/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

#include "sb-model.h"

G_BEGIN_DECLS

#define SB_TYPE_LOGIN_DIALOG (sb_login_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SbLoginDialog, sb_login_dialog, SB, LOGIN_DIALOG, AdwWindow)

GtkWidget *sb_login_dialog_new                    (SbWorkspace   *workspace);
SbWorkspace *sb_login_dialog_get_workspace        (SbLoginDialog *self);
void       sb_login_dialog_set_remember_available (SbLoginDialog *self,
                                                   gboolean       available,
                                                   const char    *reason);
gboolean   sb_login_dialog_get_busy               (SbLoginDialog *self);

G_END_DECLS
