/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n.h>

#include "sb-ui.h"
#include "sb-ui-resources.h"

void
sb_ui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Registered by hand: a constructor in a static library's object file would be dropped
       * by the linker when nothing else refers to it. */
      sb_ui_register_resource ();
      g_once_init_leave (&initialized, 1);
    }
}

void
sb_ui_set_object_id (gpointer    object,
                     const char *key,
                     gint64      id)
{
  g_object_set_data_full (G_OBJECT (object), key, g_memdup2 (&id, sizeof id), g_free);
}

/* Returns: the id sb_ui_set_object_id() kept, or 0 */
gint64
sb_ui_get_object_id (gpointer    object,
                     const char *key)
{
  const gint64 *id = g_object_get_data (G_OBJECT (object), key);

  return id != NULL ? *id : 0;
}

/**
 * sb_ui_toast_new:
 * @text: plain text, not markup
 *
 * Returns: (transfer full): a toast whose title shows @text literally
 */
AdwToast *
sb_ui_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/**
 * sb_ui_delete_dialog_new:
 *
 * Returns: (transfer floating): the dialog, not shown yet
 */
GtkWidget *
sb_ui_delete_dialog_new (GtkWindow  *parent,
                         const char *heading,
                         const char *body,
                         const char *delete_label)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", delete_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  /* Enter does not delete: the safe answer is the default. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

typedef struct
{
  GtkWidget *editor;
  char      *action;
} EditorAction;

static void
editor_action_free (gpointer data)
{
  EditorAction *pending = data;

  g_object_unref (pending->editor);
  g_free (pending->action);
  g_free (pending);
}

static gboolean
activate_editor_action (gpointer data)
{
  EditorAction *pending = data;

  gtk_widget_activate_action (pending->editor, pending->action, NULL);
  return G_SOURCE_REMOVE;
}

#define SAVE_QUESTION_KEY "sb-ui-save-question"

static void
on_save_question_response (AdwMessageDialog *dialog,
                           const char       *response,
                           GtkWidget        *editor)
{
  const char *key = g_str_equal (response, "save") ? "save-action"
                    : g_str_equal (response, "discard") ? "discard-action" : NULL;
  EditorAction *pending;

  g_object_set_data (G_OBJECT (editor), SAVE_QUESTION_KEY, NULL);
  if (key == NULL)
    return;

  pending = g_new0 (EditorAction, 1);
  pending->editor = g_object_ref (editor);
  pending->action = g_strdup (g_object_get_data (G_OBJECT (dialog), key));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, activate_editor_action, pending, editor_action_free);
}

void
sb_ui_ask_to_save (GtkWindow  *editor,
                   const char *body,
                   const char *save_action,
                   const char *discard_action)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (editor));

  dialog = g_object_get_data (G_OBJECT (editor), SAVE_QUESTION_KEY);
  if (dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  dialog = adw_message_dialog_new (editor, _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "save-action", g_strdup (save_action), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "discard-action", g_strdup (discard_action),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_question_response), editor,
                           0);
  /* Not a reference: the dialog goes with its parent, and clears this when answered. */
  g_object_set_data (G_OBJECT (editor), SAVE_QUESTION_KEY, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  SbWorkspace    *workspace;
  gint64          task_id;
  SbUiUndoneFunc  undone;
  gpointer        user_data;
  GDestroyNotify  destroy;
} DeleteUndo;

static void
delete_undo_free (gpointer  data,
                  GClosure *closure)
{
  DeleteUndo *undo = data;

  if (undo->destroy != NULL)
    undo->destroy (undo->user_data);
  g_object_unref (undo->workspace);
  g_free (undo);
}

static void
on_delete_undo_clicked (AdwToast   *toast,
                        DeleteUndo *undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;

  if (sb_workspace_restore_task (undo->workspace, undo->task_id, &error))
    task = sb_workspace_get_task (undo->workspace, undo->task_id, &error);
  if (undo->undone != NULL)
    undo->undone (task, error, undo->user_data);
}

/**
 * sb_ui_delete_task:
 *
 * Returns: (transfer full) (nullable): the toast to show, or NULL with @error set
 */
AdwToast *
sb_ui_delete_task (SbWorkspace    *workspace,
                   SbTask         *task,
                   SbUiUndoneFunc  undone,
                   gpointer        user_data,
                   GDestroyNotify  destroy,
                   GError        **error)
{
  g_autofree char *title = NULL;
  DeleteUndo *undo;
  AdwToast *toast;

  g_return_val_if_fail (SB_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (SB_IS_TASK (task), NULL);

  if (!sb_workspace_delete_task (workspace, sb_task_get_id (task), error))
    {
      if (destroy != NULL)
        destroy (user_data);
      return NULL;
    }

  undo = g_new0 (DeleteUndo, 1);
  undo->workspace = g_object_ref (workspace);
  undo->task_id = sb_task_get_id (task);
  undo->undone = undone;
  undo->user_data = user_data;
  undo->destroy = destroy;

  /* Translators: %s is a task's key, like WEB-3. */
  title = g_strdup_printf (_("Deleted %s"), sb_task_get_key (task));
  toast = sb_ui_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_delete_undo_clicked), undo,
                         delete_undo_free, 0);
  return toast;
}
