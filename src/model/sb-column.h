/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_COLUMN (sb_column_get_type ())
G_DECLARE_FINAL_TYPE (SbColumn, sb_column, SB, COLUMN, GObject)

/* sb_column_get_tasks() returns the board's list of #SbTask in this column (transfer none),
 * or NULL for a column that is not shown on a board. */
gint64      sb_column_get_id         (SbColumn *self);
gint64      sb_column_get_project_id (SbColumn *self);
const char *sb_column_get_name       (SbColumn *self);
guint       sb_column_get_position   (SbColumn *self);
gboolean    sb_column_get_is_done    (SbColumn *self);
guint       sb_column_get_task_count (SbColumn *self);
GListModel *sb_column_get_tasks      (SbColumn *self);

G_END_DECLS
