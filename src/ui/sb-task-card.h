/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_TASK_CARD (sb_task_card_get_type ())
G_DECLARE_FINAL_TYPE (SbTaskCard, sb_task_card, SB, TASK_CARD, GtkWidget)

/* One card of the board: it shows an SbTask's properties and follows its ::notify. It is a drag
 * source whose payload is the task itself, and it has a context menu ("menu.popup", bound to
 * the Menu key and Shift+F10) that the enclosing SbBoardView fills. */
GtkWidget   *sb_task_card_new             (void);
SbTask      *sb_task_card_get_task        (SbTaskCard  *self);
void         sb_task_card_set_task        (SbTaskCard  *self,
                                           SbTask      *task);
const char  *sb_task_card_get_column_name (SbTaskCard  *self);
void         sb_task_card_set_column_name (SbTaskCard  *self,
                                           const char  *column_name);
GtkListItem *sb_task_card_get_list_item   (SbTaskCard  *self);
void         sb_task_card_set_list_item   (SbTaskCard  *self,
                                           GtkListItem *list_item);
void         sb_task_card_popup_menu      (SbTaskCard  *self,
                                           double       x,
                                           double       y);
void         sb_task_card_close_menu      (SbTaskCard  *self);

G_END_DECLS
