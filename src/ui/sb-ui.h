/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

#include "sb-model.h"

G_BEGIN_DECLS

/* Registers the UI's GResource (templates, style) once; safe to call again. SbApplication
 * calls it at startup; tests that build widgets without the application call it after
 * gtk_test_init() and adw_init(). */
void   sb_ui_init           (void);

/* A database id kept on a widget or toast under @key (ids are 64-bit: not in a pointer). */
void   sb_ui_set_object_id  (gpointer    object,
                             const char *key,
                             gint64      id);
gint64 sb_ui_get_object_id  (gpointer    object,
                             const char *key);

/* A toast showing @text as it is: AdwToast titles are Pango markup, so a project called
 * "R&D" or an error quoting one is escaped here. */
AdwToast *sb_ui_toast_new   (const char *text);

/* A question before deleting what cannot be brought back: @heading, @body, "Cancel" (the
 * default, also Escape) and @delete_label (the "delete" response, destructive). The caller
 * connects ::response and presents it. */
GtkWidget *sb_ui_delete_dialog_new (GtkWindow  *parent,
                                    const char *heading,
                                    const char *body,
                                    const char *delete_label);

/* For an editor closed with edits not saved: asks "Save Changes?" with @body (once: a second
 * call while it is open presents it again). Cancel (also Escape) keeps editing; Discard
 * activates @discard_action and Save @save_action on @editor, after the question has gone
 * (a dialog whose parent is destroyed in its ::response faults in GTK 4.8). */
void       sb_ui_ask_to_save        (GtkWindow  *editor,
                                     const char *body,
                                     const char *save_action,
                                     const char *discard_action);

/* Called after Undo on a deleted task: with the task back, or with why it could not be. */
typedef void (*SbUiUndoneFunc) (SbTask       *task,
                                const GError *error,
                                gpointer      user_data);

/* Deletes @task (the model lets only the project's manager) and returns the toast that says so,
 * "Deleted WEB-3", with Undo, for the caller to show; @undone (nullable) runs after Undo. NULL
 * with @error when the model refused. @destroy frees @user_data when the toast goes, or at
 * once on a refusal. */
AdwToast *sb_ui_delete_task (SbWorkspace    *workspace,
                             SbTask         *task,
                             SbUiUndoneFunc  undone,
                             gpointer        user_data,
                             GDestroyNotify  destroy,
                             GError        **error);

G_END_DECLS
