/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include "sb-comment-row.h"
#include "sb-editor-format.h"
#include "sb-project-editor.h"
#include "sb-task-editor.h"
#include "sb-ui-test-util.h"

/* Helpers */

static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *label)
{
  GtkWidget *widget = sb_ui_test_find_widget (root, type, label);

  if (widget == NULL)
    g_error ("no %s “%s” in the window", g_type_name (type), label ? label : "(any)");
  return widget;
}

static const char *
entry_text (GtkWidget  *root,
            const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (find (root, ADW_TYPE_ENTRY_ROW, title)));
}

static void
set_entry_text (GtkWidget  *root,
                const char *title,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (root, ADW_TYPE_ENTRY_ROW, title)), text);
}

static const char *
combo_text (GtkWidget  *root,
            const char *title)
{
  AdwComboRow *row = ADW_COMBO_ROW (find (root, ADW_TYPE_COMBO_ROW, title));

  return gtk_string_object_get_string (adw_combo_row_get_selected_item (row));
}

static void
combo_select (GtkWidget  *root,
              const char *title,
              const char *text)
{
  AdwComboRow *row = ADW_COMBO_ROW (find (root, ADW_TYPE_COMBO_ROW, title));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("no “%s” in the combo row “%s”", text, title);
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkWidget *
open_task_editor (SbTestFixture *fixture,
                  gint64         task_id)
{
  g_autoptr(SbTask) task = sb_test_get_task (fixture->ws, task_id);
  GtkWidget *editor = sb_task_editor_new (fixture->ws, task);

  sb_ui_test_show_window (GTK_WINDOW (editor));
  return editor;
}

static GtkWidget *
open_project_editor (SbTestFixture *fixture,
                     gint64         project_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProject) project = NULL;
  GtkWidget *editor;

  if (project_id != 0)
    {
      project = sb_workspace_get_project (fixture->ws, project_id, &error);
      g_assert_no_error (error);
    }
  editor = sb_project_editor_new (fixture->ws, project);
  sb_ui_test_show_window (GTK_WINDOW (editor));
  return editor;
}

/* Takes a reference, lets an editor close itself, and asserts that it is gone. */
static void
assert_closes_itself (GtkWidget *window,
                      void     (*close) (GtkWidget *window))
{
  g_object_ref (window);
  close (window);
  sb_ui_test_spin (50);
  g_assert_false (gtk_widget_get_visible (window));
  g_assert_finalize_object (window);
}

static void
activate_save_task (GtkWidget *window)
{
  g_assert_true (gtk_widget_activate_action (window, "task.save", NULL));
}

static void
activate_delete_task (GtkWidget *window)
{
  g_assert_true (gtk_widget_activate_action (window, "task.delete", NULL));
}

static void
activate_save_project (GtkWidget *window)
{
  g_assert_true (gtk_widget_activate_action (window, "project.save", NULL));
}

static gboolean
label_shows (GtkWidget  *root,
             const char *id,
             const char *text)
{
  GtkWidget *label = find (root, GTK_TYPE_LABEL, id);

  return gtk_widget_get_visible (label) &&
         (text == NULL || g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0);
}

static gboolean
action_enabled (GtkWidget  *root,
                GType       type,
                const char *button_label)
{
  return gtk_widget_get_sensitive (find (root, type, button_label));
}

/* The list box rows of @list, in order. */
static GPtrArray *
list_rows (GtkWidget *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
      g_ptr_array_add (rows, child);
  return rows;
}

/* Scrolls the editor's page to its end (the members, the newest comment). */
static void
scroll_to_end (GtkWidget *editor)
{
  GtkWidget *page = find (editor, ADW_TYPE_PREFERENCES_PAGE, NULL);
  GtkAdjustment *adjustment;

  sb_ui_test_spin (50);
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (find (page, GTK_TYPE_SCROLLED_WINDOW, NULL)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  sb_ui_test_spin (100);
}

static gint64
create_full_task (SbTestFixture *fixture,
                  gint64         project_id,
                  gint64        *story_id)
{
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  *story_id = sb_test_create_story (fixture->ws, project_id, "Sign-up", NULL, 3);
  draft.title = "Write the sign-up form";
  draft.description = "Email, password, confirm.";
  draft.story_id = *story_id;
  draft.assignee_id = fixture->member_id;
  draft.priority = SB_PRIORITY_HIGH;
  draft.due_date = "2026-12-24";
  return sb_test_create_task_from_draft (fixture->ws, project_id, &draft);
}

/* Task editor */

static void
test_task_editor_shows_fields (SbTestFixture *fixture,
                               gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 story_id;
  gint64 task_id = create_full_task (fixture, project_id, &story_id);
  GtkWidget *editor = open_task_editor (fixture, task_id);
  g_autofree char *description = NULL;
  g_autofree char *due = sb_editor_format_date ("2026-12-24");
  GtkMenuButton *due_button;

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_cmpstr (entry_text (editor, "Title"), ==, "Write the sign-up form");
  description = text_view_text (GTK_TEXT_VIEW (find (editor, GTK_TYPE_TEXT_VIEW,
                                                     "description_view")));
  g_assert_cmpstr (description, ==, "Email, password, confirm.");
  g_assert_cmpstr (combo_text (editor, "Story"), ==, "WEB-1 · Sign-up");
  g_assert_cmpstr (combo_text (editor, "Assignee"), ==, "Milo Member");
  g_assert_cmpstr (combo_text (editor, "Priority"), ==, "High");
  g_assert_cmpstr (combo_text (editor, "Status"), ==, "To Do");
  due_button = GTK_MENU_BUTTON (find (editor, GTK_TYPE_MENU_BUTTON, "due_button"));
  g_assert_cmpstr (gtk_menu_button_get_label (due_button), ==, due);
  g_assert_false (label_shows (editor, "title_error", NULL));

  sb_ui_test_screenshot (editor, "task-editor");
  sb_ui_test_destroy_window (GTK_WINDOW (editor));
}

static void
test_task_editor_saves_every_field (SbTestFixture *fixture,
                                    gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 story_id;
  gint64 task_id = create_full_task (fixture, project_id, &story_id);
  gint64 other_story = sb_test_create_story (fixture->ws, project_id, "Checkout", NULL, 5);
  gint64 column_ids[SB_TEST_N_COLUMNS];
  gint64 activity_before;
  GtkWidget *editor;
  g_autoptr(SbTask) task = NULL;
  g_autofree char *fields = NULL;

  sb_test_get_column_ids (fixture->ws, project_id, column_ids);
  activity_before = sb_test_count_rows (fixture->db, "activity WHERE task_id = %" G_GINT64_FORMAT,
                                        task_id);
  editor = open_task_editor (fixture, task_id);

  set_entry_text (editor, "Title", "Build the sign-up form");
  combo_select (editor, "Priority", "Low");
  combo_select (editor, "Assignee", "Dana Manager");
  combo_select (editor, "Story", "WEB-3 · Checkout");
  combo_select (editor, "Status", "In Review");
  g_assert_true (gtk_widget_activate_action (editor, "task.set-due-date", "s", "2027-01-15"));
  assert_closes_itself (editor, activate_save_task);

  task = sb_test_get_task (fixture->ws, task_id);
  g_assert_cmpstr (sb_task_get_title (task), ==, "Build the sign-up form");
  g_assert_cmpint (sb_task_get_priority (task), ==, SB_PRIORITY_LOW);
  g_assert_cmpint (sb_task_get_assignee_id (task), ==, fixture->manager_id);
  g_assert_cmpint (sb_task_get_story_id (task), ==, other_story);
  g_assert_cmpint (sb_task_get_column_id (task), ==, column_ids[2]);
  g_assert_cmpstr (sb_task_get_due_date (task), ==, "2027-01-15");
  g_assert_cmpstr (sb_task_get_description (task), ==, "Email, password, confirm.");

  /* One history row per changed field, and nothing for the description left alone. */
  g_assert_cmpint (sb_test_count_rows (fixture->db, "activity WHERE task_id = %" G_GINT64_FORMAT,
                                       task_id), ==, activity_before + 6);
  fields = sb_test_query_text (fixture->db,
                               "SELECT group_concat (field, ' ') FROM (SELECT field FROM activity "
                               "WHERE task_id = %" G_GINT64_FORMAT " AND field <> 'created' "
                               "ORDER BY field)", task_id);
  g_assert_cmpstr (fields, ==, "assignee column due_date priority story title");
}

static void
test_task_editor_clears_due_date (SbTestFixture *fixture,
                                  gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 story_id;
  gint64 task_id = create_full_task (fixture, project_id, &story_id);
  GtkWidget *editor = open_task_editor (fixture, task_id);
  GtkWidget *due_button = find (editor, GTK_TYPE_MENU_BUTTON, "due_button");
  g_autoptr(SbTask) task = NULL;

  /* A date in the past, in a column that is not done: red. */
  g_assert_true (gtk_widget_activate_action (editor, "task.set-due-date", "s", "2001-02-03"));
  g_assert_true (gtk_widget_has_css_class (due_button, "error"));
  combo_select (editor, "Status", "Done");
  g_assert_false (gtk_widget_has_css_class (due_button, "error"));

  g_assert_true (gtk_widget_activate_action (editor, "task.clear-due-date", NULL));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (due_button)), ==, "None");
  assert_closes_itself (editor, activate_save_task);

  task = sb_test_get_task (fixture->ws, task_id);
  g_assert_null (sb_task_get_due_date (task));
}

static void
test_task_editor_empty_title (SbTestFixture *fixture,
                              gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 task_id = sb_test_create_task (fixture->ws, project_id, "Keep me", 0);
  GtkWidget *editor = open_task_editor (fixture, task_id);
  g_autofree char *before = sb_test_dump (fixture->db);

  set_entry_text (editor, "Title", "");
  combo_select (editor, "Priority", "Critical");
  activate_save_task (editor);

  /* Still open, the message under the title, and nothing written. */
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_true (label_shows (editor, "title_error", "Title cannot be empty."));
  g_assert_true (gtk_widget_has_css_class (find (editor, ADW_TYPE_ENTRY_ROW, "Title"), "error"));
  sb_test_assert_unchanged (fixture->db, before);

  /* Typing again clears the message. */
  set_entry_text (editor, "Title", "K");
  g_assert_false (label_shows (editor, "title_error", NULL));

  sb_ui_test_destroy_window (GTK_WINDOW (editor));
  sb_test_assert_unchanged (fixture->db, before);
}

static void
activate_cancel_task (GtkWidget *window)
{
  g_assert_true (gtk_widget_activate_action (window, "task.cancel", NULL));
}

static void
test_task_editor_cancel_discards (SbTestFixture *fixture,
                                  gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 task_id = sb_test_create_task (fixture->ws, project_id, "Leave me", 0);
  GtkWidget *editor = open_task_editor (fixture, task_id);
  g_autofree char *before = sb_test_dump (fixture->db);

  set_entry_text (editor, "Title", "Changed my mind");
  combo_select (editor, "Assignee", "Milo Member");
  assert_closes_itself (editor, activate_cancel_task);
  sb_test_assert_unchanged (fixture->db, before);
}

static void
activate_window_close (GtkWidget *window)
{
  /* What Escape and the window's close button do. */
  g_assert_true (gtk_widget_activate_action (window, "window.close", NULL));
}

/* Waits (at most 2 s) until @editor (watched with a weak pointer) is finalized. */
static void
wait_finalized (GtkWidget **editor)
{
  for (guint i = 0; i < 200 && *editor != NULL; i++)
    sb_ui_test_spin (10);
  g_assert_null (*editor);
}

/* Closing with edits not saved asks first: Cancel keeps editing, Discard leaves the task as it
 * was, Save saves (and stays open when the model refuses). Without edits, or with the Cancel
 * button, it closes at once. */
static void
test_task_editor_asks_before_losing_edits (SbTestFixture *fixture,
                                           gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 task_id = sb_test_create_task (fixture->ws, project_id, "Keep me", 0);
  g_autofree char *before = sb_test_dump (fixture->db);
  g_autofree char *screenshot = NULL;
  g_autoptr(SbTask) task = NULL;
  GtkWidget *editor;
  GtkWidget *dialog;

  /* Nothing edited (or edited back): no question. Typing goes to the title first. */
  editor = open_task_editor (fixture, task_id);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)),
                                         find (editor, ADW_TYPE_ENTRY_ROW, "Title")));
  g_assert_false (sb_task_editor_has_unsaved_changes (SB_TASK_EDITOR (editor)));
  set_entry_text (editor, "Title", "Changed");
  set_entry_text (editor, "Title", "Keep me");
  g_assert_false (sb_task_editor_has_unsaved_changes (SB_TASK_EDITOR (editor)));
  assert_closes_itself (editor, activate_window_close);
  g_assert_null (sb_ui_test_find_message_dialog ("Save Changes?"));

  /* An edit, then close: asked; Cancel keeps the editor and the edit. */
  editor = open_task_editor (fixture, task_id);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_entry_text (editor, "Title", "Changed my mind");
  g_assert_true (sb_task_editor_has_unsaved_changes (SB_TASK_EDITOR (editor)));
  activate_window_close (editor);
  sb_ui_test_spin (50);
  dialog = sb_ui_test_find_message_dialog ("Save Changes?");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The changes to WEB-1 are not saved yet. If you close without saving, "
                   "they are lost.");
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "save");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                                               "discard"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  screenshot = sb_ui_test_screenshot (dialog, "task-editor-save-changes");
  sb_ui_test_answer_message_dialog (dialog, "_Cancel");
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (editor, ADW_TYPE_ENTRY_ROW,
                                                              "Title"))),
                   ==, "Changed my mind");

  /* Closing again, a second time does not stack a second question; Discard. */
  activate_window_close (editor);
  activate_window_close (editor);
  sb_ui_test_spin (50);
  sb_ui_test_answer_message_dialog (sb_ui_test_find_message_dialog ("Save Changes?"),
                                    "_Discard");
  g_assert_null (sb_ui_test_find_message_dialog ("Save Changes?"));
  wait_finalized (&editor);
  sb_test_assert_unchanged (fixture->db, before);

  /* Save from the question: saved and closed. */
  editor = open_task_editor (fixture, task_id);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  combo_select (editor, "Priority", "High");
  activate_window_close (editor);
  sb_ui_test_spin (50);
  sb_ui_test_answer_message_dialog (sb_ui_test_find_message_dialog ("Save Changes?"), "_Save");
  wait_finalized (&editor);
  task = sb_test_get_task (fixture->ws, task_id);
  g_assert_cmpint (sb_task_get_priority (task), ==, SB_PRIORITY_HIGH);

  /* Save refused (an empty title): the editor stays, saying why; Cancel then leaves. */
  editor = open_task_editor (fixture, task_id);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_entry_text (editor, "Title", "");
  activate_window_close (editor);
  sb_ui_test_spin (50);
  sb_ui_test_answer_message_dialog (sb_ui_test_find_message_dialog ("Save Changes?"), "_Save");
  sb_ui_test_spin (50);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_true (gtk_widget_has_css_class (find (editor, ADW_TYPE_ENTRY_ROW, "Title"), "error"));
  activate_cancel_task (editor);
  g_assert_null (sb_ui_test_find_message_dialog ("Save Changes?"));
  wait_finalized (&editor);
  g_clear_object (&task);
  task = sb_test_get_task (fixture->ws, task_id);
  g_assert_cmpstr (sb_task_get_title (task), ==, "Keep me");
}

static void
test_task_editor_adds_comment (SbTestFixture *fixture,
                               gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 task_id = sb_test_create_task (fixture->ws, project_id, "Talk about it", 0);
  GtkWidget *editor = open_task_editor (fixture, task_id);
  GtkWidget *entry = find (editor, GTK_TYPE_ENTRY, "comment_entry");
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *body = NULL;

  /* Nothing to send yet. */
  g_assert_false (action_enabled (editor, GTK_TYPE_BUTTON, "C_omment"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Looks good to me");
  g_assert_true (action_enabled (editor, GTK_TYPE_BUTTON, "C_omment"));
  g_assert_true (gtk_widget_activate_action (editor, "task.add-comment", NULL));

  g_assert_cmpint (sb_test_count_rows (fixture->db, "comments WHERE task_id = %" G_GINT64_FORMAT,
                                       task_id), ==, 1);
  body = sb_test_query_text (fixture->db, "SELECT body FROM comments WHERE task_id = %"
                             G_GINT64_FORMAT, task_id);
  g_assert_cmpstr (body, ==, "Looks good to me");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  rows = list_rows (find (editor, GTK_TYPE_LIST_BOX, "comments_list"));
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (sb_ui_test_find_widget (rows->pdata[0], GTK_TYPE_LABEL, "Looks good to me"));
  g_assert_nonnull (sb_ui_test_find_widget (rows->pdata[0], GTK_TYPE_LABEL, "Dana Manager"));
  g_assert_nonnull (sb_ui_test_find_widget (rows->pdata[0], GTK_TYPE_LABEL, "just now"));

  /* Five minutes later, with the editor still open. */
  _sb_task_editor_refresh_times (SB_TASK_EDITOR (editor),
                                 g_get_real_time () / G_USEC_PER_SEC + 5 * 60 + 10);
  g_assert_nonnull (sb_ui_test_find_widget (rows->pdata[0], GTK_TYPE_LABEL, "5 min ago"));
  g_assert_null (sb_ui_test_find_widget (rows->pdata[0], GTK_TYPE_LABEL, "just now"));

  sb_ui_test_destroy_window (GTK_WINDOW (editor));
}

static void
test_task_editor_edits_and_deletes_own_comment (SbTestFixture *fixture,
                                                gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 task_id = sb_test_create_task (fixture->ws, project_id, "Discuss", 0);
  gint64 comment_id = sb_test_add_comment (fixture->ws, task_id, "First thought");
  GtkWidget *editor = open_task_editor (fixture, task_id);
  GtkWidget *list = find (editor, GTK_TYPE_LIST_BOX, "comments_list");
  g_autoptr(GPtrArray) rows = list_rows (list);
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *row;
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  g_assert_cmpuint (rows->len, ==, 1);
  row = rows->pdata[0];
  g_assert_true (SB_IS_COMMENT_ROW (row));
  g_assert_true (gtk_widget_get_visible (find (row, GTK_TYPE_BUTTON, "Edit Comment")));
  g_assert_true (gtk_widget_get_visible (find (row, GTK_TYPE_BUTTON, "Delete Comment")));

  g_assert_true (gtk_widget_activate_action (row, "comment.edit", NULL));
  g_assert_true (sb_comment_row_get_editing (SB_COMMENT_ROW (row)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (row, GTK_TYPE_TEXT_VIEW,
                                                                           "edit_view"))),
                            "Second thought", -1);
  g_assert_true (gtk_widget_activate_action (row, "comment.save-edit", NULL));

  body = sb_test_query_text (fixture->db, "SELECT body FROM comments WHERE id = %"
                             G_GINT64_FORMAT, comment_id);
  g_assert_cmpstr (body, ==, "Second thought");
  g_assert_cmpint (sb_test_query_int (fixture->db, "SELECT edited_at IS NOT NULL FROM comments "
                                      "WHERE id = %" G_GINT64_FORMAT, comment_id), ==, 1);

  /* The thread was read again: a new row, shown as edited. */
  rows = (g_ptr_array_unref (rows), list_rows (list));
  g_assert_cmpuint (rows->len, ==, 1);
  row = rows->pdata[0];
  g_assert_false (sb_comment_row_get_editing (SB_COMMENT_ROW (row)));
  g_assert_nonnull (sb_ui_test_find_widget (row, GTK_TYPE_LABEL, "Second thought"));
  g_assert_nonnull (sb_ui_test_find_widget (row, GTK_TYPE_LABEL, "just now · edited"));

  /* Deleting asks first; Cancel keeps it. */
  g_assert_true (gtk_widget_activate_action (row, "comment.delete", NULL));
  dialog = sb_ui_test_find_message_dialog ("Delete Comment?");
  g_assert_nonnull (dialog);
  sb_ui_test_assert_delete_dialog (dialog, "“Second thought” will be deleted for everyone. "
                                           "This cannot be undone.");
  sb_ui_test_answer_message_dialog (dialog, "_Cancel");
  g_assert_cmpint (sb_test_count_rows (fixture->db, "comments WHERE id = %" G_GINT64_FORMAT,
                                       comment_id), ==, 1);

  g_assert_true (gtk_widget_activate_action (row, "comment.delete", NULL));
  sb_ui_test_answer_message_dialog (sb_ui_test_find_message_dialog ("Delete Comment?"),
                                    "_Delete");
  g_assert_cmpint (sb_test_count_rows (fixture->db, "comments WHERE id = %" G_GINT64_FORMAT,
                                       comment_id), ==, 0);
  after = list_rows (list);
  g_assert_cmpuint (after->len, ==, 0);
  sb_ui_test_destroy_window (GTK_WINDOW (editor));

  /* The question quotes the first line, up to 60 characters. */
  sb_test_add_comment (fixture->ws, task_id, "Größere Änderung\nmit Details");
  sb_test_add_comment (fixture->ws, task_id,
                       "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé");
  editor = open_task_editor (fixture, task_id);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list_rows (find (editor, GTK_TYPE_LIST_BOX, "comments_list"));
  g_assert_cmpuint (rows->len, ==, 2);
  {
    /* Each row quotes its own comment: one question for each, in either order. */
    const char *expected[] = {
      "“Größere Änderung…” will be deleted for everyone. This cannot be undone.",
      "“éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé…” will be deleted for "
      "everyone. This cannot be undone.",
    };
    gboolean seen[G_N_ELEMENTS (expected)] = { FALSE, FALSE };

    for (guint i = 0; i < rows->len; i++)
      {
        const char *question;
        gboolean matched = FALSE;

        g_assert_true (gtk_widget_activate_action (rows->pdata[i], "comment.delete", NULL));
        dialog = sb_ui_test_find_message_dialog ("Delete Comment?");
        g_assert_nonnull (dialog);
        question = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
        for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
          {
            if (g_str_equal (question, expected[e]))
              {
                g_assert_false (seen[e]);
                seen[e] = matched = TRUE;
              }
          }
        g_test_message ("Asked: %s", question);
        g_assert_true (matched);
        sb_ui_test_answer_message_dialog (dialog, "_Cancel");
      }
    g_assert_true (seen[0] && seen[1]);
  }
  sb_ui_test_destroy_window (GTK_WINDOW (editor));
}

static void
test_task_editor_others_comment_is_read_only (SbTestFixture *fixture,
                                              gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 task_id = sb_test_create_task (fixture->ws, project_id, "Discuss", 0);
  GtkWidget *editor;
  GtkWidget *row;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *before = NULL;

  sb_test_sign_in (fixture, fixture->member_id);
  sb_test_add_comment (fixture->ws, task_id, "Milo was here");
  sb_test_sign_in (fixture, fixture->manager_id);
  before = sb_test_dump (fixture->db);

  editor = open_task_editor (fixture, task_id);
  rows = list_rows (find (editor, GTK_TYPE_LIST_BOX, "comments_list"));
  g_assert_cmpuint (rows->len, ==, 1);
  row = rows->pdata[0];
  g_assert_nonnull (sb_ui_test_find_widget (row, GTK_TYPE_LABEL, "Milo Member"));
  g_assert_false (gtk_widget_get_visible (find (row, GTK_TYPE_BUTTON, "Edit Comment")));
  g_assert_false (gtk_widget_get_visible (find (row, GTK_TYPE_BUTTON, "Delete Comment")));
  g_assert_false (gtk_widget_get_sensitive (find (row, GTK_TYPE_BUTTON, "Edit Comment")));
  g_assert_false (gtk_widget_get_sensitive (find (row, GTK_TYPE_BUTTON, "Delete Comment")));

  /* The disabled actions do nothing. */
  gtk_widget_activate_action (row, "comment.edit", NULL);
  gtk_widget_activate_action (row, "comment.delete", NULL);
  g_assert_false (sb_comment_row_get_editing (SB_COMMENT_ROW (row)));
  sb_test_assert_unchanged (fixture->db, before);

  sb_ui_test_destroy_window (GTK_WINDOW (editor));
}

static void
test_task_editor_lists_activity (SbTestFixture *fixture,
                                 gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 task_id = sb_test_create_task (fixture->ws, project_id, "Track me", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *editor;

  sb_workspace_set_task_priority (fixture->ws, task_id, SB_PRIORITY_HIGH, &error);
  g_assert_no_error (error);
  sb_workspace_set_task_assignee (fixture->ws, task_id, fixture->member_id, &error);
  g_assert_no_error (error);
  /* Text from the database is never taken as markup. */
  sb_workspace_set_task_title (fixture->ws, task_id, "R&D <draft>", &error);
  g_assert_no_error (error);

  editor = open_task_editor (fixture, task_id);
  rows = list_rows (find (editor, GTK_TYPE_LIST_BOX, "activity_list"));

  /* Newest first. */
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==,
                   "Dana Manager renamed the task from “Track me” to “R&D <draft>”");
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[1]), ==,
                   "Dana Manager assigned the task to Milo Member");
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[2]), ==,
                   "Dana Manager changed the priority from Medium to High");
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[3]), ==,
                   "Dana Manager created the task");
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==, "just now");

  /* Left open for two hours, it says so (it looks again each minute). */
  _sb_task_editor_refresh_times (SB_TASK_EDITOR (editor),
                                 g_get_real_time () / G_USEC_PER_SEC + 2 * 60 * 60 + 30);
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==, "2 h ago");
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[3]), ==, "2 h ago");

  sb_ui_test_destroy_window (GTK_WINDOW (editor));
}

static void
on_delete_requested (SbTaskEditor *editor,
                     SbTask       *task,
                     gpointer      user_data)
{
  *(gint64 *) user_data = sb_task_get_id (task);
}

static void
test_task_editor_delete_for_manager_only (SbTestFixture *fixture,
                                          gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 task_id = sb_test_create_task (fixture->ws, project_id, "Maybe delete", 0);
  GtkWidget *editor;
  GtkWidget *button;
  gint64 requested = 0;

  /* A member: disabled, and the tooltip says why. */
  sb_test_sign_in (fixture, fixture->member_id);
  editor = open_task_editor (fixture, task_id);
  button = find (editor, GTK_TYPE_BUTTON, "_Delete Task");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   "Only the project's manager can delete tasks");
  g_signal_connect (editor, "delete-requested", G_CALLBACK (on_delete_requested), &requested);
  gtk_widget_activate_action (editor, "task.delete", NULL);
  g_assert_cmpint (requested, ==, 0);
  g_assert_true (gtk_widget_get_visible (editor));
  sb_ui_test_destroy_window (GTK_WINDOW (editor));

  /* The manager: enabled; the editor asks its owner to delete and closes. */
  sb_test_sign_in (fixture, fixture->manager_id);
  editor = open_task_editor (fixture, task_id);
  button = find (editor, GTK_TYPE_BUTTON, "_Delete Task");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_null (gtk_widget_get_tooltip_text (button));
  g_signal_connect (editor, "delete-requested", G_CALLBACK (on_delete_requested), &requested);
  assert_closes_itself (editor, activate_delete_task);
  g_assert_cmpint (requested, ==, task_id);

  /* Deleting is the owner's job (with Undo): the task is still there. */
  g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE id = %" G_GINT64_FORMAT
                                       " AND deleted_at IS NULL", task_id), ==, 1);
}

static void
test_task_editor_dark (SbTestFixture *fixture,
                       gconstpointer  user_data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 story_id;
  gint64 task_id = create_full_task (fixture, project_id, &story_id);
  GtkWidget *editor;

  /* Overdue, so the red date shows against the dark background. */
  g_autoptr(GError) error = NULL;
  sb_workspace_set_task_due_date (fixture->ws, task_id, "2026-01-05", &error);
  g_assert_no_error (error);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  editor = open_task_editor (fixture, task_id);
  g_assert_true (adw_style_manager_get_dark (style));
  sb_ui_test_screenshot (editor, "task-editor-dark");
  sb_ui_test_destroy_window (GTK_WINDOW (editor));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static gboolean
switcher_bar_revealed (gpointer data)
{
  return adw_view_switcher_bar_get_reveal (data);
}

static void
test_task_editor_narrow (SbTestFixture *fixture,
                         gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 story_id;
  gint64 task_id = create_full_task (fixture, project_id, &story_id);
  g_autoptr(SbTask) task = sb_test_get_task (fixture->ws, task_id);
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;
  AdwViewSwitcherBar *bar;
  AdwViewStack *stack;

  sb_test_add_comment (fixture->ws, task_id, "Can we reuse the login form's validation?");
  sb_test_sign_in (fixture, fixture->member_id);
  sb_test_add_comment (fixture->ws, task_id, "Yes: the email check is in sb-validate already.");
  sb_workspace_set_task_priority (fixture->ws, task_id, SB_PRIORITY_CRITICAL, &error);
  g_assert_no_error (error);
  sb_test_sign_in (fixture, fixture->manager_id);

  editor = sb_task_editor_new (fixture->ws, task);
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 640);
  sb_ui_test_show_window (GTK_WINDOW (editor));
  g_assert_cmpint (gtk_widget_get_width (editor), <=, 360);

  /* Too narrow for the switcher in the header: it moves to the bottom. */
  bar = ADW_VIEW_SWITCHER_BAR (find (editor, ADW_TYPE_VIEW_SWITCHER_BAR, NULL));
  g_assert_true (sb_ui_test_wait_until (switcher_bar_revealed, bar, 5000));
  sb_ui_test_spin (50);
  sb_ui_test_screenshot (editor, "task-editor-narrow");

  stack = ADW_VIEW_STACK (find (editor, ADW_TYPE_VIEW_STACK, NULL));
  adw_view_stack_set_visible_child_name (stack, "comments");
  sb_ui_test_spin (100);
  sb_ui_test_screenshot (editor, "task-editor-comments");
  adw_view_stack_set_visible_child_name (stack, "activity");
  sb_ui_test_spin (100);
  sb_ui_test_screenshot (editor, "task-editor-activity");

  sb_ui_test_destroy_window (GTK_WINDOW (editor));
}

/* Project editor */

static void
test_project_editor_suggests_key (SbTestFixture *fixture,
                                  gconstpointer  user_data)
{
  GtkWidget *editor;

  sb_test_sign_in (fixture, fixture->manager_id);
  editor = open_project_editor (fixture, 0);

  /* Initials of a name of several words, the first letters of one word. */
  set_entry_text (editor, "Name", "Website redesign");
  g_assert_cmpstr (entry_text (editor, "Key"), ==, "WR");
  set_entry_text (editor, "Name", "Payroll");
  g_assert_cmpstr (entry_text (editor, "Key"), ==, "PAYR");

  /* A key typed by hand goes upper-case and no longer follows the name. */
  set_entry_text (editor, "Key", "pay2");
  g_assert_cmpstr (entry_text (editor, "Key"), ==, "PAY2");
  set_entry_text (editor, "Name", "Payroll system");
  g_assert_cmpstr (entry_text (editor, "Key"), ==, "PAY2");
  g_assert_true (action_enabled (editor, GTK_TYPE_BUTTON, "_Save"));

  /* Emptied, it follows the name again. */
  set_entry_text (editor, "Key", "");
  set_entry_text (editor, "Name", "Payroll system v2");
  g_assert_cmpstr (entry_text (editor, "Key"), ==, "PSV");

  sb_ui_test_destroy_window (GTK_WINDOW (editor));
}

static void
test_project_editor_checks_key (SbTestFixture *fixture,
                                gconstpointer  user_data)
{
  GtkWidget *editor;
  g_autofree char *before = NULL;

  sb_test_create_project (fixture, FALSE);
  before = sb_test_dump (fixture->db);
  editor = open_project_editor (fixture, 0);

  set_entry_text (editor, "Name", "Web shop");
  set_entry_text (editor, "Key", "WEB");
  g_assert_true (label_shows (editor, "key_error", "WEB is taken"));
  g_assert_true (gtk_widget_has_css_class (find (editor, ADW_TYPE_ENTRY_ROW, "Key"), "error"));
  g_assert_false (action_enabled (editor, GTK_TYPE_BUTTON, "_Save"));
  gtk_widget_activate_action (editor, "project.save", NULL);
  g_assert_true (gtk_widget_get_visible (editor));

  set_entry_text (editor, "Key", "9LIVES");
  g_assert_true (label_shows (editor, "key_error",
                              "2 to 10 letters or digits, starting with a letter"));
  g_assert_false (action_enabled (editor, GTK_TYPE_BUTTON, "_Save"));

  set_entry_text (editor, "Key", "SHOP");
  g_assert_false (label_shows (editor, "key_error", NULL));
  g_assert_true (action_enabled (editor, GTK_TYPE_BUTTON, "_Save"));

  /* No name, no save, and the message says so once the name was touched. */
  set_entry_text (editor, "Name", "");
  g_assert_true (label_shows (editor, "name_error", "Name cannot be empty."));
  g_assert_false (action_enabled (editor, GTK_TYPE_BUTTON, "_Save"));

  sb_ui_test_destroy_window (GTK_WINDOW (editor));
  sb_test_assert_unchanged (fixture->db, before);
}

static void
on_saved (SbProjectEditor *editor,
          gint64           project_id,
          gpointer         user_data)
{
  *(gint64 *) user_data = project_id;
}

static void
set_member (GtkWidget  *editor,
            const char *name,
            gboolean    member)
{
  GtkWidget *list = find (editor, GTK_TYPE_LIST_BOX, "members_list");
  GtkWidget *row = find (list, ADW_TYPE_ACTION_ROW, name);
  GtkWidget *check = find (row, GTK_TYPE_CHECK_BUTTON, NULL);

  g_assert_true (gtk_widget_get_sensitive (check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), member);
}

static GtkWidget *
member_check (GtkWidget  *editor,
              const char *name)
{
  GtkWidget *list = find (editor, GTK_TYPE_LIST_BOX, "members_list");

  return find (find (list, ADW_TYPE_ACTION_ROW, name), GTK_TYPE_CHECK_BUTTON, NULL);
}

static void
test_project_editor_creates_project (SbTestFixture *fixture,
                                     gconstpointer  user_data)
{
  GtkWidget *editor;
  GtkMenuButton *manager_button;
  GtkWidget *search;
  GPtrArray *picks;
  gint64 saved_id = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProject) project = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autofree char *names = NULL;

  sb_test_sign_in (fixture, fixture->manager_id);
  editor = open_project_editor (fixture, 0);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved_id);

  /* The creator manages by default, and is a member that cannot be unticked. */
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (find (editor, GTK_TYPE_MENU_BUTTON,
                                                                     "manager_button"))),
                   ==, "Dana Manager");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (member_check (editor,
                                                                              "Dana Manager"))));
  g_assert_false (gtk_widget_get_sensitive (member_check (editor, "Dana Manager")));

  set_entry_text (editor, "Name", "Mobile app");
  g_assert_cmpstr (entry_text (editor, "Key"), ==, "MA");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (editor,
                                                                           GTK_TYPE_TEXT_VIEW,
                                                                           "description_view"))),
                            "Phones first", -1);
  combo_select (editor, "Status", "Planned");

  /* Milo manages, picked from the searchable list: his row is ticked and locked; Olga
   * joins by hand. */
  manager_button = GTK_MENU_BUTTON (find (editor, GTK_TYPE_MENU_BUTTON, "manager_button"));
  gtk_menu_button_popup (manager_button);
  sb_ui_test_spin (50);
  search = find (editor, GTK_TYPE_SEARCH_ENTRY, "manager_search");
  picks = list_rows (find (editor, GTK_TYPE_LIST_BOX, "manager_list"));
  g_assert_cmpuint (picks->len, ==, 3);
  g_ptr_array_unref (picks);
  gtk_editable_set_text (GTK_EDITABLE (search), "milo@");
  g_signal_emit_by_name (search, "search-changed");
  picks = list_rows (find (editor, GTK_TYPE_LIST_BOX, "manager_list"));
  g_assert_cmpuint (picks->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (picks->pdata[0]), ==, "Milo Member");
  gtk_widget_activate (picks->pdata[0]);
  g_ptr_array_unref (picks);
  sb_ui_test_spin (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (
    gtk_menu_button_get_popover (manager_button))));
  g_assert_cmpstr (gtk_menu_button_get_label (manager_button), ==, "Milo Member");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find (editor, ADW_TYPE_ACTION_ROW,
                                                                      "Manager"))),
                   ==, "milo@example.org");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (member_check (editor,
                                                                              "Milo Member"))));
  g_assert_false (gtk_widget_get_sensitive (member_check (editor, "Milo Member")));
  set_member (editor, "Olga Outsider", TRUE);

  assert_closes_itself (editor, activate_save_project);
  g_assert_cmpint (saved_id, >, 0);

  project = sb_workspace_get_project (fixture->ws, saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_project_get_key (project), ==, "MA");
  g_assert_cmpstr (sb_project_get_name (project), ==, "Mobile app");
  g_assert_cmpstr (sb_project_get_description (project), ==, "Phones first");
  g_assert_cmpint (sb_project_get_status (project), ==, SB_PROJECT_STATUS_PLANNED);
  g_assert_cmpint (sb_project_get_manager_id (project), ==, fixture->member_id);
  members = sb_workspace_list_members (fixture->ws, saved_id, &error);
  g_assert_no_error (error);
  names = sb_test_join_property (members, SB_TYPE_EMPLOYEE, "name", ", ");
  g_assert_cmpstr (names, ==, "Dana Manager, Milo Member, Olga Outsider");
}

static void
test_project_editor_edits_members (SbTestFixture *fixture,
                                   gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  GtkWidget *editor = open_project_editor (fixture, project_id);
  GtkWidget *key_row = find (editor, ADW_TYPE_ENTRY_ROW, "Key");
  GtkWidget *list = find (editor, GTK_TYPE_LIST_BOX, "members_list");
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProject) project = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree char *names = NULL;
  gint64 saved_id = 0;

  g_assert_cmpstr (entry_text (editor, "Name"), ==, "Website redesign");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (key_row)), ==, "WEB");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (key_row)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (member_check (editor,
                                                                              "Milo Member"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (member_check (editor,
                                                                               "Olga Outsider"))));

  /* The search narrows the list through the model's employee search. */
  gtk_editable_set_text (GTK_EDITABLE (find (editor, GTK_TYPE_SEARCH_ENTRY, "member_search")),
                         "OLGA");
  g_signal_emit_by_name (find (editor, GTK_TYPE_SEARCH_ENTRY, "member_search"), "search-changed");
  shown = list_rows (list);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (shown->pdata[0]), ==, "Olga Outsider");

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved_id);
  set_entry_text (editor, "Name", "Website relaunch");
  set_member (editor, "Milo Member", FALSE);
  assert_closes_itself (editor, activate_save_project);
  g_assert_cmpint (saved_id, ==, project_id);

  project = sb_workspace_get_project (fixture->ws, project_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_project_get_name (project), ==, "Website relaunch");
  members = sb_workspace_list_members (fixture->ws, project_id, &error);
  g_assert_no_error (error);
  names = sb_test_join_property (members, SB_TYPE_EMPLOYEE, "name", ", ");
  g_assert_cmpstr (names, ==, "Dana Manager");
}

/* A project editor closed with a change asks first, as the task editor does: a member ticked
 * counts; Discard keeps the project as it was; a read-only editor never asks. */
static void
test_project_editor_asks_before_losing_edits (SbTestFixture *fixture,
                                              gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  g_autofree char *before = sb_test_dump (fixture->db);
  GtkWidget *editor;
  GtkWidget *dialog;

  editor = open_project_editor (fixture, project_id);
  g_assert_false (sb_project_editor_has_unsaved_changes (SB_PROJECT_EDITOR (editor)));
  set_member (editor, "Olga Outsider", TRUE);
  g_assert_true (sb_project_editor_has_unsaved_changes (SB_PROJECT_EDITOR (editor)));
  set_member (editor, "Olga Outsider", FALSE);
  g_assert_false (sb_project_editor_has_unsaved_changes (SB_PROJECT_EDITOR (editor)));
  assert_closes_itself (editor, activate_window_close);

  editor = open_project_editor (fixture, project_id);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_entry_text (editor, "Name", "Website relaunch");
  activate_window_close (editor);
  sb_ui_test_spin (50);
  dialog = sb_ui_test_find_message_dialog ("Save Changes?");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The changes to this project are not saved yet. If you close without "
                   "saving, they are lost.");
  sb_ui_test_answer_message_dialog (dialog, "_Discard");
  wait_finalized (&editor);
  sb_test_assert_unchanged (fixture->db, before);

  /* A new project: typing goes to the name first; Save from the question creates it. */
  editor = open_project_editor (fixture, 0);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)),
                                         find (editor, ADW_TYPE_ENTRY_ROW, "Name")));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_entry_text (editor, "Name", "Mobile app");
  activate_window_close (editor);
  sb_ui_test_spin (50);
  dialog = sb_ui_test_find_message_dialog ("Save Changes?");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The new project is not created yet. If you close without creating it, "
                   "what you entered is lost.");
  sb_ui_test_answer_message_dialog (dialog, "_Save");
  wait_finalized (&editor);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "projects WHERE key = 'MA'"), ==, 1);

  /* Read-only for a member: nothing to lose, no question. */
  sb_test_sign_in (fixture, fixture->member_id);
  editor = open_project_editor (fixture, project_id);
  g_assert_false (sb_project_editor_has_unsaved_changes (SB_PROJECT_EDITOR (editor)));
  assert_closes_itself (editor, activate_window_close);
}

static void
test_project_editor_read_only_for_member (SbTestFixture *fixture,
                                          gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  GtkWidget *editor;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *before = NULL;

  sb_test_sign_in (fixture, fixture->member_id);
  before = sb_test_dump (fixture->db);
  editor = open_project_editor (fixture, project_id);

  g_assert_true (label_shows (editor, "readonly_label",
                              "Only the project's manager, Dana Manager, can change this "
                              "project and its members."));
  g_assert_false (action_enabled (editor, GTK_TYPE_BUTTON, "_Save"));
  g_assert_false (gtk_widget_get_sensitive (find (editor, ADW_TYPE_ENTRY_ROW, "Name")));
  g_assert_false (gtk_widget_get_sensitive (find (editor, ADW_TYPE_COMBO_ROW, "Status")));
  g_assert_false (gtk_widget_get_sensitive (find (editor, GTK_TYPE_MENU_BUTTON,
                                                  "manager_button")));

  /* Only the members are listed, each locked. */
  rows = list_rows (find (editor, GTK_TYPE_LIST_BOX, "members_list"));
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_false (gtk_widget_get_sensitive (member_check (editor, "Dana Manager")));
  g_assert_false (gtk_widget_get_sensitive (member_check (editor, "Milo Member")));

  gtk_widget_activate_action (editor, "project.save", NULL);
  gtk_widget_activate_action (editor, "project.set-manager", "x", fixture->member_id);
  g_assert_true (gtk_widget_get_visible (editor));
  sb_ui_test_destroy_window (GTK_WINDOW (editor));
  sb_test_assert_unchanged (fixture->db, before);
}

static void
on_project_deleted (SbProjectEditor *editor,
                    gint64           project_id,
                    gpointer         user_data)
{
  *(gint64 *) user_data = project_id;
}

/* Delete Project: not offered for a new project, disabled (with the reason) for a member, and
 * for the manager only after a confirmation that says what goes with it. */
static void
test_project_editor_delete (SbTestFixture *fixture,
                            gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  g_autofree char *before = NULL;
  GtkWidget *editor;
  GtkWidget *button;
  GtkWidget *dialog;
  gint64 deleted = 0;

  sb_test_create_task (fixture->ws, project_id, "Hero copy", 0);
  sb_test_create_task (fixture->ws, project_id, "Footer", 0);
  sb_test_create_story (fixture->ws, project_id, "Landing page", NULL, 3);

  editor = open_project_editor (fixture, 0);
  g_assert_false (gtk_widget_get_visible (find (editor, ADW_TYPE_PREFERENCES_GROUP,
                                                "delete_group")));
  sb_ui_test_destroy_window (GTK_WINDOW (editor));

  sb_test_sign_in (fixture, fixture->member_id);
  before = sb_test_dump (fixture->db);
  editor = open_project_editor (fixture, project_id);
  button = find (editor, GTK_TYPE_BUTTON, "_Delete Project…");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   "Only the project's manager can delete it");
  gtk_widget_activate_action (editor, "project.delete", NULL);
  g_assert_null (sb_ui_test_find_message_dialog (NULL));
  sb_ui_test_destroy_window (GTK_WINDOW (editor));
  sb_test_assert_unchanged (fixture->db, before);

  sb_test_sign_in (fixture, fixture->manager_id);
  g_clear_pointer (&before, g_free);
  before = sb_test_dump (fixture->db);
  editor = open_project_editor (fixture, project_id);
  g_signal_connect (editor, "deleted", G_CALLBACK (on_project_deleted), &deleted);
  g_assert_true (gtk_widget_is_sensitive (find (editor, GTK_TYPE_BUTTON, "_Delete Project…")));

  /* Cancel, the default answer, keeps everything and the editor open. */
  g_assert_true (gtk_widget_activate_action (editor, "project.delete", NULL));
  dialog = sb_ui_test_find_message_dialog ("Delete Project WEB?");
  g_assert_nonnull (dialog);
  g_free (sb_ui_test_screenshot (dialog, "project-delete-dialog"));
  sb_ui_test_assert_delete_dialog (dialog, "“Website redesign” and its 2 tasks, its stories and "
                                           "their comments will be deleted for every member. "
                                           "This cannot be undone.");
  sb_ui_test_answer_message_dialog (dialog, "_Cancel");
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_cmpint (deleted, ==, 0);
  sb_test_assert_unchanged (fixture->db, before);

  /* Delete: the project and all in it are gone, and the editor closes. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (editor, "project.delete", NULL));
  sb_ui_test_answer_message_dialog (sb_ui_test_find_message_dialog ("Delete Project WEB?"),
                                    "_Delete Project");
  g_assert_cmpint (deleted, ==, project_id);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "projects"), ==, 0);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks"), ==, 0);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "stories"), ==, 0);
  for (guint i = 0; i < 100 && editor != NULL; i++)
    sb_ui_test_spin (10);
  g_assert_null (editor);
}

static void
on_retry_invite (SbProjectEditor *editor,
                 gint64           employee_id,
                 gpointer         user_data)
{
  *(gint64 *) user_data = employee_id;
}

static void
test_project_editor_invite_states (SbTestFixture *fixture,
                                   gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  GtkWidget *editor = open_project_editor (fixture, project_id);
  GtkWidget *list = find (editor, GTK_TYPE_LIST_BOX, "members_list");
  GtkWidget *milo = find (list, ADW_TYPE_ACTION_ROW, "Milo Member");
  GtkWidget *retry = find (milo, GTK_TYPE_BUTTON, "_Retry");
  GtkWidget *state;
  GtkWidget *label;
  gint64 retried = 0;

  /* Nothing shown until the owner reports a state. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (retry)));

  sb_project_editor_set_invite_state (SB_PROJECT_EDITOR (editor), fixture->member_id,
                                      SB_INVITE_STATE_FAILED, "550 No such mailbox", TRUE);
  state = gtk_widget_get_parent (retry);
  g_assert_true (gtk_widget_get_visible (state));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (state), ==, "550 No such mailbox");
  label = find (milo, GTK_TYPE_LABEL, "Invite failed");
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_true (gtk_widget_get_visible (retry));
  scroll_to_end (editor);
  sb_ui_test_screenshot (editor, "project-editor");

  g_signal_connect (editor, "retry-invite", G_CALLBACK (on_retry_invite), &retried);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (retry)), ==,
                   "project.retry-invite");
  g_assert_true (gtk_widget_activate_action (editor, "project.retry-invite", "x",
                                             fixture->member_id));
  g_assert_cmpint (retried, ==, fixture->member_id);

  sb_project_editor_set_invite_state (SB_PROJECT_EDITOR (editor), fixture->member_id,
                                      SB_INVITE_STATE_SENT, NULL, FALSE);
  g_assert_false (gtk_widget_get_visible (retry));
  g_assert_false (gtk_widget_has_css_class (label, "error"));
  g_assert_true (gtk_widget_has_css_class (label, "success"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Invited");

  /* An employee without a row is ignored. */
  sb_project_editor_set_invite_state (SB_PROJECT_EDITOR (editor), 999999,
                                      SB_INVITE_STATE_FAILED, "nobody", TRUE);

  sb_ui_test_destroy_window (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

  sb_ui_test_init (&argc, &argv);
  /* AdwApplication loads style.css; these windows are shown without one. */
  gtk_css_provider_load_from_resource (style, "/io/github/sprintboard/Sprintboard/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  sb_test_add ("/editors/task/shows-fields", test_task_editor_shows_fields);
  sb_test_add ("/editors/task/saves-every-field", test_task_editor_saves_every_field);
  sb_test_add ("/editors/task/clears-due-date", test_task_editor_clears_due_date);
  sb_test_add ("/editors/task/empty-title", test_task_editor_empty_title);
  sb_test_add ("/editors/task/cancel-discards", test_task_editor_cancel_discards);
  sb_test_add ("/editors/task/asks-before-losing-edits",
               test_task_editor_asks_before_losing_edits);
  sb_test_add ("/editors/task/adds-comment", test_task_editor_adds_comment);
  sb_test_add ("/editors/task/edits-and-deletes-own-comment",
               test_task_editor_edits_and_deletes_own_comment);
  sb_test_add ("/editors/task/others-comment-is-read-only",
               test_task_editor_others_comment_is_read_only);
  sb_test_add ("/editors/task/lists-activity", test_task_editor_lists_activity);
  sb_test_add ("/editors/task/delete-for-manager-only", test_task_editor_delete_for_manager_only);
  sb_test_add ("/editors/task/dark", test_task_editor_dark);
  sb_test_add ("/editors/task/narrow", test_task_editor_narrow);
  sb_test_add ("/editors/project/suggests-key", test_project_editor_suggests_key);
  sb_test_add ("/editors/project/checks-key", test_project_editor_checks_key);
  sb_test_add ("/editors/project/creates-project", test_project_editor_creates_project);
  sb_test_add ("/editors/project/edits-members", test_project_editor_edits_members);
  sb_test_add ("/editors/project/asks-before-losing-edits",
               test_project_editor_asks_before_losing_edits);
  sb_test_add ("/editors/project/read-only-for-member", test_project_editor_read_only_for_member);
  sb_test_add ("/editors/project/invite-states", test_project_editor_invite_states);
  sb_test_add ("/editors/project/delete", test_project_editor_delete);

  return g_test_run ();
}
