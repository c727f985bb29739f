/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

/* What the board view, its columns and its cards share (sb-board-view.c, sb-board-column.c,
 * sb-task-card.c), and what the tests reach into. */

#include "sb-board-column.h"
#include "sb-board-view.h"
#include "sb-task-card.h"

G_BEGIN_DECLS

gboolean       _sb_board_view_get_can_delete    (SbBoardView *self);
SbBoardColumn *_sb_board_view_get_column_widget (SbBoardView *self,
                                                 gint64       column_id);
GMenuModel    *_sb_board_view_create_card_menu  (SbBoardView *self,
                                                 SbTask      *task);
void           _sb_board_view_activate_task     (SbBoardView *self,
                                                 SbTask      *task);
gboolean       _sb_board_view_move_task         (SbBoardView *self,
                                                 SbTask      *task,
                                                 SbColumn    *column,
                                                 guint        position,
                                                 gboolean     with_toast);
void           _sb_board_view_move_task_by      (SbBoardView *self,
                                                 SbTask      *task,
                                                 int          columns,
                                                 int          places);
void           _sb_board_view_move_task_to      (SbBoardView *self,
                                                 SbTask      *task,
                                                 gint64       column_id);
void           _sb_board_view_delete_task       (SbBoardView *self,
                                                 SbTask      *task);

/* The card's accessible label: "WEB-12: Fix login, To Do, High priority, due 2026-12-01,
 * overdue". */
char          *_sb_task_card_describe           (SbTaskCard  *self);

G_END_DECLS
