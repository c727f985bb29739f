/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_COMMENT (sb_comment_get_type ())
G_DECLARE_FINAL_TYPE (SbComment, sb_comment, SB, COMMENT, GObject)

gint64      sb_comment_get_id          (SbComment *self);
gint64      sb_comment_get_task_id     (SbComment *self);
gint64      sb_comment_get_author_id   (SbComment *self);
const char *sb_comment_get_author_name (SbComment *self);
const char *sb_comment_get_body        (SbComment *self);
gint64      sb_comment_get_created_at  (SbComment *self);
gint64      sb_comment_get_edited_at   (SbComment *self);

G_END_DECLS
