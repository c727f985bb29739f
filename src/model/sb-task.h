/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_TASK (sb_task_get_type ())
G_DECLARE_FINAL_TYPE (SbTask, sb_task, SB, TASK, GObject)

/* The story and assignee ids are 0 and their names NULL when the task has none; the due date
 * is "YYYY-MM-DD" or NULL. */
gint64      sb_task_get_id             (SbTask *self);
gint64      sb_task_get_project_id     (SbTask *self);
gint64      sb_task_get_number         (SbTask *self);
const char *sb_task_get_key            (SbTask *self);
gint64      sb_task_get_column_id      (SbTask *self);
double      sb_task_get_rank           (SbTask *self);
const char *sb_task_get_title          (SbTask *self);
const char *sb_task_get_description    (SbTask *self);
gint64      sb_task_get_story_id       (SbTask *self);
const char *sb_task_get_story_key      (SbTask *self);
const char *sb_task_get_story_title    (SbTask *self);
gint64      sb_task_get_assignee_id    (SbTask *self);
const char *sb_task_get_assignee_name  (SbTask *self);
const char *sb_task_get_assignee_email (SbTask *self);
SbPriority  sb_task_get_priority       (SbTask *self);
const char *sb_task_get_due_date       (SbTask *self);
gboolean    sb_task_get_overdue        (SbTask *self);
guint       sb_task_get_comment_count  (SbTask *self);
gint64      sb_task_get_created_at     (SbTask *self);
gint64      sb_task_get_updated_at     (SbTask *self);

G_END_DECLS
