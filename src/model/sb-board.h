/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-types.h"
#include "sb-column.h"
#include "sb-project.h"
#include "sb-task.h"

G_BEGIN_DECLS

#define SB_TYPE_BOARD (sb_board_get_type ())
G_DECLARE_FINAL_TYPE (SbBoard, sb_board, SB, BOARD, GObject)

/* SbBoard is a GListModel of SbColumn; each column's sb_column_get_tasks() is a GListModel of
 * SbTask in rank order, whose task objects are made only when get_item() asks for them. */

SbWorkspace *sb_board_get_workspace    (SbBoard      *self);
SbProject   *sb_board_get_project      (SbBoard      *self);
GListModel  *sb_board_get_stories      (SbBoard      *self);
SbColumn    *sb_board_get_column_by_id (SbBoard      *self,
                                        gint64        column_id);
gint64       sb_board_get_story_filter (SbBoard      *self);
void         sb_board_set_story_filter (SbBoard      *self,
                                        gint64        story_id);
gboolean     sb_board_move_task        (SbBoard      *self,
                                        SbTask       *task,
                                        SbColumn     *column,
                                        guint         position,
                                        GError      **error);
SbTask      *sb_board_add_task         (SbBoard      *self,
                                        SbColumn     *column,
                                        guint         position,
                                        const char   *title,
                                        GError      **error);
gboolean     sb_board_find_task        (SbBoard      *self,
                                        SbTask       *task,
                                        SbColumn    **column,
                                        guint        *position);
gboolean     sb_board_reload           (SbBoard      *self,
                                        GError      **error);

G_END_DECLS
