/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_COMMENT_ROW (sb_comment_row_get_type ())
G_DECLARE_FINAL_TYPE (SbCommentRow, sb_comment_row, SB, COMMENT_ROW, GtkListBoxRow)

/* One comment of the task editor's thread. When @editable (the signed-in employee wrote it),
 * its comment.edit and comment.delete actions are enabled and their buttons shown; the row
 * itself changes nothing: it emits ::edit-saved (const char *body) and ::delete-requested for
 * the editor to ask the model, which refuses anyone but the author anyway. */
GtkWidget *sb_comment_row_new        (SbComment    *comment,
                                      gboolean      editable,
                                      gint64        now);
SbComment *sb_comment_row_get_comment (SbCommentRow *self);
void       sb_comment_row_update_time (SbCommentRow *self,
                                       gint64        now);
gboolean   sb_comment_row_get_editing (SbCommentRow *self);
/* Shows @message under the edited text (the model refused it); NULL hides it. */
void       sb_comment_row_set_error   (SbCommentRow *self,
                                       const char   *message);

G_END_DECLS
