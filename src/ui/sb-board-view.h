/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_BOARD_VIEW (sb_board_view_get_type ())
G_DECLARE_FINAL_TYPE (SbBoardView, sb_board_view, SB, BOARD_VIEW, AdwBin)

/* A project's board: its columns side by side in a horizontal scroller, each a list of task
 * cards. Cards move by drag and drop and through actions of the card itself, so that they
 * are found from the focused card (or from its context menu) up, and from nowhere else:
 *
 *   board.move-left, board.move-right   to the previous / next column, same place
 *   board.move-up, board.move-down      one place within the column
 *   board.move-to (x: column id)        to the end of that column
 *   board.open-task                     emits ::task-activated
 *   board.delete-task                   deletes it (disabled unless the project's manager)
 *
 * and one action of the view: board.add-task (x: column id), which opens that column's
 * "new task" popover. Moves and deletes show an Undo toast in the nearest AdwToastOverlay
 * ancestor, if any. The view binds no shortcuts: the window does, to these action names,
 * activated from its focus widget. */
GtkWidget *sb_board_view_new        (SbBoard     *board);
SbBoard   *sb_board_view_get_board  (SbBoardView *self);
void       sb_board_view_set_board  (SbBoardView *self,
                                     SbBoard     *board);
void       sb_board_view_focus_task (SbBoardView *self,
                                     SbTask      *task);
void       sb_board_view_focus_first (SbBoardView *self);

G_END_DECLS
