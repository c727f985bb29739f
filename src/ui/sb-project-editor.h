/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_PROJECT_EDITOR (sb_project_editor_get_type ())
G_DECLARE_FINAL_TYPE (SbProjectEditor, sb_project_editor, SB, PROJECT_EDITOR, AdwWindow)

/* A modal window creating a project (@project NULL) or editing one. The caller sets the
 * transient parent and presents it. Save creates the project, or updates it and adds and
 * removes members, then emits ::saved (gint64 project_id) and closes. For anyone but the
 * project's manager an existing project is shown read-only, with a sentence saying why.
 * Cancel leaves without saving; Escape and the window's close button ask "Save Changes?"
 * first when a field or a member was changed. */
GtkWidget *sb_project_editor_new              (SbWorkspace     *workspace,
                                               SbProject       *project);
SbProject *sb_project_editor_get_project      (SbProjectEditor *self);
gboolean   sb_project_editor_has_unsaved_changes (SbProjectEditor *self);

/* The invite seam: shows the invite state of the member @employee_id on their row (a label,
 * an icon, and a Retry button when @state is %SB_INVITE_STATE_FAILED and @can_retry, with
 * @last_error as its tooltip). Retry activates project.retry-invite (int64 employee id),
 * which emits ::retry-invite (gint64 employee_id) for the owner to retry through the model.
 * Does nothing for an employee who has no row. */
void       sb_project_editor_set_invite_state (SbProjectEditor *self,
                                               gint64           employee_id,
                                               SbInviteState    state,
                                               const char      *last_error,
                                               gboolean         can_retry);

G_END_DECLS
