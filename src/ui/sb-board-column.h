/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_BOARD_COLUMN (sb_board_column_get_type ())
G_DECLARE_FINAL_TYPE (SbBoardColumn, sb_board_column, SB, BOARD_COLUMN, GtkWidget)

/* One column of an SbBoardView: a header (name, count, "+") over a GtkListView of the column's
 * tasks, which is a drop target for dragged tasks. */
GtkWidget     *sb_board_column_new              (SbBoard       *board,
                                                 SbColumn      *column);
SbBoard       *sb_board_column_get_board        (SbBoardColumn *self);
SbColumn      *sb_board_column_get_column       (SbBoardColumn *self);
GtkListView   *sb_board_column_get_list_view    (SbBoardColumn *self);
GtkDropTarget *sb_board_column_get_drop_target  (SbBoardColumn *self);
guint          sb_board_column_get_drop_index   (SbBoardColumn *self,
                                                 double         y);
void           sb_board_column_show_add_popover (SbBoardColumn *self);
GtkWidget     *sb_board_column_find_card        (SbBoardColumn *self,
                                                 SbTask        *task);
gboolean       sb_board_column_focus_task       (SbBoardColumn *self,
                                                 SbTask        *task,
                                                 guint          position);

G_END_DECLS
