/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

#include "sb-keyring.h"
#include "sb-model.h"

G_BEGIN_DECLS

#define SB_TYPE_APPLICATION (sb_application_get_type ())
G_DECLARE_FINAL_TYPE (SbApplication, sb_application, SB, APPLICATION, AdwApplication)

SbApplication *sb_application_new               (void);
const char    *sb_application_get_database_path (SbApplication *self);
void           sb_application_set_database_path (SbApplication *self,
                                                 const char    *path);
SbWorkspace   *sb_application_get_workspace     (SbApplication *self);
SbKeyring     *sb_application_get_keyring       (SbApplication *self);
gboolean       sb_application_get_restoring     (SbApplication *self);
GtkWindow     *sb_application_get_login_dialog  (SbApplication *self);
GtkWindow     *sb_application_get_main_window   (SbApplication *self);

G_END_DECLS
