/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

#include "sb-model.h"
#include "sb-outbox.h"

G_BEGIN_DECLS

#define SB_TYPE_WINDOW (sb_window_get_type ())
G_DECLARE_FINAL_TYPE (SbWindow, sb_window, SB, WINDOW, AdwApplicationWindow)

SbWindow    *sb_window_new                 (GtkApplication *application,
                                            SbWorkspace    *workspace);
SbWorkspace *sb_window_get_workspace       (SbWindow       *self);
gint64       sb_window_get_project_id      (SbWindow       *self);
gboolean     sb_window_show_project        (SbWindow       *self,
                                            gint64          project_id);
void         sb_window_show_dashboard      (SbWindow       *self);
SbBoard     *sb_window_get_board           (SbWindow       *self);
GtkWidget   *sb_window_get_board_view      (SbWindow       *self);
GtkWidget   *sb_window_open_task           (SbWindow       *self,
                                            SbTask         *task);
gboolean     sb_window_delete_task         (SbWindow       *self,
                                            SbTask         *task);
void         sb_window_set_outbox          (SbWindow       *self,
                                            SbOutbox       *outbox);
void         sb_window_add_toast           (SbWindow       *self,
                                            AdwToast       *toast);

G_END_DECLS
