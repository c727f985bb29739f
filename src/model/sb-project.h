/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_PROJECT (sb_project_get_type ())
G_DECLARE_FINAL_TYPE (SbProject, sb_project, SB, PROJECT, GObject)

/* The string getters return NULL when the field is unset. sb_project_get_columns() returns
 * the project's own list of #SbColumn (transfer none); it may be empty. */
gint64          sb_project_get_id            (SbProject *self);
const char     *sb_project_get_key           (SbProject *self);
const char     *sb_project_get_name          (SbProject *self);
const char     *sb_project_get_description   (SbProject *self);
SbProjectStatus sb_project_get_status        (SbProject *self);
gint64          sb_project_get_manager_id    (SbProject *self);
const char     *sb_project_get_manager_name  (SbProject *self);
const char     *sb_project_get_manager_email (SbProject *self);
gint64          sb_project_get_created_at    (SbProject *self);
guint           sb_project_get_member_count  (SbProject *self);
guint           sb_project_get_task_count    (SbProject *self);
guint           sb_project_get_overdue_count (SbProject *self);
GListModel     *sb_project_get_columns       (SbProject *self);

G_END_DECLS
