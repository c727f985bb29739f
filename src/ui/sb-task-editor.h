/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_TASK_EDITOR (sb_task_editor_get_type ())
G_DECLARE_FINAL_TYPE (SbTaskEditor, sb_task_editor, SB, TASK_EDITOR, AdwWindow)

/* A modal window editing @task: its fields, comment thread and history. The caller sets the
 * transient parent and presents it. Save applies every field with one
 * sb_workspace_update_task() and closes. Delete (enabled for the project's manager only)
 * does not delete: it emits ::delete-requested (SbTask *task) and closes, so the board can
 * delete with an Undo toast. Cancel leaves without saving; Escape and the window's close
 * button ask "Save Changes?" first when a field was edited. */
GtkWidget *sb_task_editor_new          (SbWorkspace  *workspace,
                                        SbTask       *task);
SbTask    *sb_task_editor_get_task     (SbTaskEditor *self);
gboolean   sb_task_editor_has_unsaved_changes (SbTaskEditor *self);

/* For the tests: the comments' and changes' times as seen at @now (unix seconds). */
void       _sb_task_editor_refresh_times (SbTaskEditor *self,
                                          gint64        now);

G_END_DECLS
