/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* The application, the login dialog, the main window, the dashboard and the stories page,
 * driven through their actions in-process under the headless session. */

#include "config.h"

#include "sb-application.h"
#include "sb-dashboard.h"
#include "sb-demo.h"
#include "sb-login-dialog.h"
#include "sb-project-editor.h"
#include "sb-stories-page.h"
#include "sb-task-card.h"
#include "sb-ui-test-util.h"
#include "sb-window.h"

typedef struct
{
  gboolean signed_in;
  gboolean remember;
} LoginResult;

static void
on_signed_in (SbLoginDialog *dialog,
              gboolean       remember,
              LoginResult   *result)
{
  result->signed_in = TRUE;
  result->remember = remember;
}

static gboolean
login_settled (gpointer data)
{
  SbLoginDialog *dialog = data;

  return !sb_login_dialog_get_busy (dialog);
}

static GtkWidget *
find_visible_label (GtkWidget  *root,
                    const char *text)
{
  GtkWidget *label = sb_ui_test_find_widget (root, GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_is_visible (label) ? label : NULL;
}

static GtkWidget *
new_login_dialog (SbTestFixture *fixture,
                  LoginResult   *result)
{
  GtkWidget *dialog = sb_login_dialog_new (fixture->ws);

  g_signal_connect (dialog, "signed-in", G_CALLBACK (on_signed_in), result);
  sb_ui_test_show_window (GTK_WINDOW (dialog));
  return dialog;
}

/* Sign-in with a wrong password: one generic error under the password, nobody signed in;
 * then the right one signs in. */
static void
test_login_sign_in (SbTestFixture *fixture,
                    gconstpointer  user_data)
{
  LoginResult result = { 0 };
  GtkWidget *dialog = new_login_dialog (fixture, &result);
  g_autofree char *shot = NULL;

  sb_ui_test_set_text (dialog, "sign_in_email", "dana@example.org");
  sb_ui_test_set_text (dialog, "sign_in_password", "not the password");
  g_assert_true (gtk_widget_activate_action (dialog, "login.sign-in", NULL));
  g_assert_true (sb_login_dialog_get_busy (SB_LOGIN_DIALOG (dialog)));
  g_assert_true (sb_ui_test_wait_until (login_settled, dialog, 10000));
  g_assert_false (result.signed_in);
  g_assert_null (sb_workspace_get_current_employee (fixture->ws));
  g_assert_true (gtk_widget_get_visible (sb_ui_test_find_widget (dialog, GTK_TYPE_LABEL,
                                                                 "sign_in_password_error")));
  g_assert_true (gtk_widget_has_css_class (sb_ui_test_find_widget (dialog, GTK_TYPE_WIDGET,
                                                                   "sign_in_password"),
                                           "error"));
  shot = sb_ui_test_screenshot (dialog, "login-dialog-error");

  /* Typing clears the error; the right password signs in, remember me was not ticked. */
  sb_ui_test_set_text (dialog, "sign_in_password", SB_TEST_PASSWORD);
  g_assert_false (gtk_widget_get_visible (sb_ui_test_find_widget (dialog, GTK_TYPE_LABEL,
                                                                  "sign_in_password_error")));
  g_assert_true (gtk_widget_activate_action (dialog, "login.sign-in", NULL));
  g_assert_true (sb_ui_test_wait_until (login_settled, dialog, 10000));
  g_assert_true (result.signed_in);
  g_assert_false (result.remember);
  g_assert_cmpint (sb_workspace_get_current_employee_id (fixture->ws), ==, fixture->manager_id);

  sb_ui_test_destroy_window (GTK_WINDOW (dialog));
}

/* Empty fields are refused before any hashing, each error under its own field. */
static void
test_login_empty_fields (SbTestFixture *fixture,
                         gconstpointer  user_data)
{
  LoginResult result = { 0 };
  GtkWidget *dialog = new_login_dialog (fixture, &result);

  g_assert_true (gtk_widget_activate_action (dialog, "login.sign-in", NULL));
  g_assert_false (sb_login_dialog_get_busy (SB_LOGIN_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_visible (sb_ui_test_find_widget (dialog, GTK_TYPE_LABEL,
                                                                 "sign_in_email_error")));
  g_assert_true (gtk_widget_get_visible (sb_ui_test_find_widget (dialog, GTK_TYPE_LABEL,
                                                                 "sign_in_password_error")));
  g_assert_false (result.signed_in);
  sb_ui_test_destroy_window (GTK_WINDOW (dialog));
}

/* Create account: bad input inline (no hashing), a taken email under the email, then a new
 * account that is signed in at once. */
static void
test_login_sign_up (SbTestFixture *fixture,
                    gconstpointer  user_data)
{
  LoginResult result = { 0 };
  GtkWidget *dialog = new_login_dialog (fixture, &result);
  g_autofree char *shot = NULL;
  g_autofree char *before = sb_test_dump (fixture->db);

  g_assert_true (gtk_widget_activate_action (dialog, "login.show-sign-up", NULL));
  sb_ui_test_set_text (dialog, "sign_up_name", "Nora New");
  sb_ui_test_set_text (dialog, "sign_up_email", "not an email");
  sb_ui_test_set_text (dialog, "sign_up_password", "short");
  sb_ui_test_set_text (dialog, "sign_up_confirm", "short");
  g_assert_true (gtk_widget_activate_action (dialog, "login.sign-up", NULL));
  g_assert_false (sb_login_dialog_get_busy (SB_LOGIN_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_visible (sb_ui_test_find_widget (dialog, GTK_TYPE_LABEL,
                                                                 "sign_up_email_error")));
  g_assert_true (gtk_widget_get_visible (sb_ui_test_find_widget (dialog, GTK_TYPE_LABEL,
                                                                 "sign_up_password_error")));
  g_assert_false (gtk_widget_get_visible (sb_ui_test_find_widget (dialog, GTK_TYPE_LABEL,
                                                                  "sign_up_name_error")));

  /* The passwords differ. */
  sb_ui_test_set_text (dialog, "sign_up_email", "nora@example.org");
  sb_ui_test_set_text (dialog, "sign_up_password", "long enough password");
  sb_ui_test_set_text (dialog, "sign_up_confirm", "long enough passw0rd");
  g_assert_true (gtk_widget_activate_action (dialog, "login.sign-up", NULL));
  g_assert_false (sb_login_dialog_get_busy (SB_LOGIN_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_visible (sb_ui_test_find_widget (dialog, GTK_TYPE_LABEL,
                                                                 "sign_up_password_error")));
  sb_test_assert_unchanged (fixture->db, before);
  shot = sb_ui_test_screenshot (dialog, "login-dialog-sign-up-errors");

  /* A taken email: the model's message, under the email. */
  sb_ui_test_set_text (dialog, "sign_up_email", "DANA@example.org");
  sb_ui_test_set_text (dialog, "sign_up_confirm", "long enough password");
  g_assert_true (gtk_widget_activate_action (dialog, "login.sign-up", NULL));
  g_assert_true (sb_ui_test_wait_until (login_settled, dialog, 10000));
  g_assert_false (result.signed_in);
  g_assert_true (gtk_widget_get_visible (sb_ui_test_find_widget (dialog, GTK_TYPE_LABEL,
                                                                 "sign_up_email_error")));
  sb_test_assert_unchanged (fixture->db, before);

  sb_ui_test_set_text (dialog, "sign_up_email", "nora@example.org");
  g_assert_true (gtk_widget_activate_action (dialog, "login.sign-up", NULL));
  g_assert_true (sb_ui_test_wait_until (login_settled, dialog, 20000));
  g_assert_true (result.signed_in);
  g_assert_cmpstr (sb_employee_get_name (sb_workspace_get_current_employee (fixture->ws)), ==,
                   "Nora New");
  sb_ui_test_destroy_window (GTK_WINDOW (dialog));
}

/* Without a keyring, Remember me is hidden and a sentence says why. */
static void
test_login_remember_unavailable (SbTestFixture *fixture,
                                 gconstpointer  user_data)
{
  LoginResult result = { 0 };
  GtkWidget *dialog = new_login_dialog (fixture, &result);
  const char *reason = "Remember me needs the system keyring, which is not running.";
  GtkWidget *check = sb_ui_test_find_widget (dialog, GTK_TYPE_CHECK_BUTTON, "remember_check");

  g_assert_true (gtk_widget_get_visible (check));
  sb_login_dialog_set_remember_available (SB_LOGIN_DIALOG (dialog), FALSE, reason);
  g_assert_false (gtk_widget_get_visible (check));
  g_assert_nonnull (find_visible_label (dialog, reason));

  /* Ticked before it went away: it does not count. */
  sb_login_dialog_set_remember_available (SB_LOGIN_DIALOG (dialog), TRUE, NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_null (find_visible_label (dialog, reason));
  sb_ui_test_set_text (dialog, "sign_in_email", "milo@example.org");
  sb_ui_test_set_text (dialog, "sign_in_password", SB_TEST_PASSWORD);
  g_assert_true (gtk_widget_activate_action (dialog, "login.sign-in", NULL));
  g_assert_true (sb_ui_test_wait_until (login_settled, dialog, 10000));
  g_assert_true (result.signed_in);
  g_assert_true (result.remember);
  sb_ui_test_destroy_window (GTK_WINDOW (dialog));
}

static SbWindow *
new_window (SbTestFixture *fixture)
{
  SbWindow *window = sb_window_new (NULL, fixture->ws);

  sb_ui_test_show_window (GTK_WINDOW (window));
  return window;
}

/* The sidebar lists the member's projects; selecting one opens its board; the dashboard shows
 * each project's counts and the open tasks. */
static void
test_window_projects (SbTestFixture *fixture,
                      gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 columns[SB_TEST_N_COLUMNS];
  SbWindow *window;
  GtkWidget *dashboard;
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  sb_test_get_column_ids (fixture->ws, project_id, columns);
  draft.title = "Overdue thing";
  draft.assignee_id = fixture->manager_id;
  draft.due_date = "2001-01-01";
  draft.column_id = columns[1];
  sb_test_create_task_from_draft (fixture->ws, project_id, &draft);
  sb_test_create_task (fixture->ws, project_id, "Other thing", columns[0]);

  window = new_window (fixture);
  dashboard = sb_ui_test_find_widget (GTK_WIDGET (window), SB_TYPE_DASHBOARD, NULL);
  g_assert_nonnull (dashboard);
  g_assert_nonnull (find_visible_label (dashboard, "Website redesign"));
  g_assert_nonnull (find_visible_label (dashboard, "1 task overdue"));
  g_assert_nonnull (find_visible_label (dashboard, "0 of 2 tasks done"));
  g_assert_nonnull (sb_ui_test_find_widget (dashboard, ADW_TYPE_ACTION_ROW,
                                            "WEB-1  Overdue thing"));
  g_assert_null (sb_window_get_board (window));

  g_assert_true (sb_window_show_project (window, project_id));
  g_assert_nonnull (sb_window_get_board (window));
  g_assert_cmpint (sb_window_get_project_id (window), ==, project_id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Website redesign");

  /* A project made elsewhere appears in the sidebar (projects-changed). */
  g_assert_null (sb_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Second"));
  {
    g_autoptr(SbProject) second = NULL;
    g_autoptr(GError) error = NULL;

    second = sb_workspace_create_project (fixture->ws, "SEC", "Second", NULL,
                                          SB_PROJECT_STATUS_PLANNED, fixture->manager_id,
                                          NULL, 0, &error);
    g_assert_no_error (error);
  }
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Second"));
  g_assert_cmpint (sb_window_get_project_id (window), ==, project_id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.show-dashboard", NULL));
  g_assert_null (sb_window_get_board (window));
  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
focus_in_card (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && (SB_IS_TASK_CARD (focus)
                           || gtk_widget_get_ancestor (focus, SB_TYPE_TASK_CARD) != NULL);
}

/* From the keyboard: the arrows move through the sidebar, showing each project; Return on a
 * project goes into its board (the first card has the focus), on Dashboard into the
 * dashboard. */
static void
test_window_keyboard_into_project (SbTestFixture *fixture,
                                   gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  GtkListBox *sidebar;
  GtkListBoxRow *row;
  GtkWidget *focus;
  SbWindow *window;

  sb_test_create_task (fixture->ws, project_id, "First thing", 0);
  window = new_window (fixture);
  sidebar = GTK_LIST_BOX (sb_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX,
                                                  "sidebar_list"));
  g_assert_nonnull (sidebar);

  row = gtk_list_box_get_row_at_index (sidebar, 1);
  g_assert_nonnull (row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  gtk_list_box_select_row (sidebar, row);
  g_assert_cmpint (sb_window_get_project_id (window), ==, project_id);
  /* Selecting shows the project and leaves the focus in the sidebar. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (row));

  g_signal_emit_by_name (sidebar, "row-activated", row);
  g_assert_true (sb_ui_test_wait_until (focus_in_card, window, 3000));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (sb_ui_test_find_widget (SB_IS_TASK_CARD (focus)
                                            ? focus
                                            : gtk_widget_get_ancestor (focus, SB_TYPE_TASK_CARD),
                                            GTK_TYPE_LABEL, "First thing"));

  row = gtk_list_box_get_row_at_index (sidebar, 0);
  gtk_list_box_select_row (sidebar, row);
  g_signal_emit_by_name (sidebar, "row-activated", row);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, SB_TYPE_DASHBOARD));

  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

static GtkWidget *
find_project_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (SB_IS_PROJECT_EDITOR (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* Project settings from the window: a saved change shows in the header at once; deleting the
 * open project takes the window back to the dashboard and says so. */
static void
test_window_edit_and_delete_project (SbTestFixture *fixture,
                                     gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  SbWindow *window = new_window (fixture);
  GtkWidget *editor;

  g_assert_true (sb_window_show_project (window, project_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.edit-project", NULL));
  editor = find_project_editor ();
  g_assert_nonnull (editor);
  sb_ui_test_set_text (editor, "Name", "R&D portal");
  g_assert_true (gtk_widget_activate_action (editor, "project.save", NULL));
  sb_ui_test_spin (50);
  g_assert_null (find_project_editor ());
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "R&D portal");
  g_assert_nonnull (find_visible_label (GTK_WIDGET (window), "R&D portal"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.edit-project", NULL));
  editor = find_project_editor ();
  g_assert_true (gtk_widget_activate_action (editor, "project.delete", NULL));
  sb_ui_test_answer_message_dialog (sb_ui_test_find_message_dialog ("Delete Project WEB?"),
                                    "_Delete Project");
  sb_ui_test_spin (50);
  g_assert_null (find_project_editor ());
  g_assert_null (sb_window_get_board (window));
  g_assert_cmpint (sb_window_get_project_id (window), ==, 0);
  g_assert_null (sb_ui_test_find_widget (sb_ui_test_find_widget (GTK_WIDGET (window),
                                                                 GTK_TYPE_LIST_BOX,
                                                                 "sidebar_list"),
                                         GTK_TYPE_LABEL, "R&D portal"));
  g_assert_nonnull (find_visible_label (GTK_WIDGET (window), "No Projects Yet"));
  /* The toast's title is markup: the name's "&" shows as it is. */
  g_assert_nonnull (find_visible_label (GTK_WIDGET (window), "Project “R&D portal” deleted"));
  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

/* Someone with hundreds of open tasks: the dashboard lists the 50 most urgent and says how many
 * more there are. */
static void
test_window_many_open_tasks (SbTestFixture *fixture,
                             gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  SbWindow *window;
  GtkWidget *list;
  guint rows = 0;

  for (int i = 0; i < 120; i++)
    {
      SbTaskDraft draft = SB_TASK_DRAFT_INIT;
      g_autofree char *title = g_strdup_printf ("Chore %d", i);

      draft.title = title;
      draft.assignee_id = fixture->manager_id;
      sb_test_create_task_from_draft (fixture->ws, project_id, &draft);
    }
  window = new_window (fixture);
  list = sb_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "my_tasks_list");
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, 51);
  g_assert_nonnull (sb_ui_test_find_widget (list, ADW_TYPE_ACTION_ROW,
                                            "70 more open tasks on the boards"));
  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

/* An outsider sees neither the project in the sidebar nor its board. */
static void
test_window_outsider (SbTestFixture *fixture,
                      gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, TRUE);
  SbWindow *window;

  sb_test_sign_in (fixture, fixture->outsider_id);
  window = new_window (fixture);
  g_assert_null (sb_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                         "Website redesign"));
  g_assert_false (sb_window_show_project (window, project_id));
  g_assert_null (sb_window_get_board (window));
  g_assert_nonnull (find_visible_label (GTK_WIDGET (window), "No Projects Yet"));
  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

/* The stories page lists progress; "Show on Board" filters the board to that story. */
static void
test_window_stories (SbTestFixture *fixture,
                     gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 story_id = sb_test_create_story (fixture->ws, project_id, "Landing page", NULL, 5);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  SbWindow *window;
  GtkWidget *page;

  draft.title = "Hero copy";
  draft.story_id = story_id;
  sb_test_create_task_from_draft (fixture->ws, project_id, &draft);
  sb_test_create_task (fixture->ws, project_id, "Unrelated", 0);

  window = new_window (fixture);
  g_assert_true (sb_window_show_project (window, project_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.show-stories", NULL));
  page = sb_ui_test_find_widget (GTK_WIDGET (window), SB_TYPE_STORIES_PAGE, NULL);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sb_ui_test_find_widget (
                     page, ADW_TYPE_ACTION_ROW, "WEB-1  Landing page"))),
                   ==, "0 of 1 task done · 5 points");
  g_assert_true (gtk_widget_activate_action (page, "stories.show-on-board", "x", story_id));
  g_assert_cmpint (sb_board_get_story_filter (sb_window_get_board (window)), ==, story_id);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (
                      sb_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN,
                                              "story_filter"))), ==, 1);
  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

static GtkWidget *
story_row (GtkWidget  *page,
           const char *title)
{
  return sb_ui_test_find_widget (page, ADW_TYPE_ACTION_ROW, title);
}

static GtkWidget *
open_stories_page (SbWindow *window,
                   gint64    project_id)
{
  g_assert_true (sb_window_show_project (window, project_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.show-stories", NULL));
  sb_ui_test_spin (50);
  return sb_ui_test_find_widget (GTK_WIDGET (window), SB_TYPE_STORIES_PAGE, NULL);
}

/* New Story takes a title, points and a description; a row opens the same dialog to edit
 * them; the board's story filter lists the new story at once. */
static void
test_stories_create_and_edit (SbTestFixture *fixture,
                              gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  SbWindow *window;
  GtkWidget *page;
  GtkWidget *dialog;
  GtkWidget *points;
  GtkWidget *description;
  GtkWidget *row;
  gint64 story_id;

  window = new_window (fixture);
  page = open_stories_page (window, project_id);
  g_assert_nonnull (story_row (page, "No stories yet. A story groups the tasks of one feature."));

  g_assert_true (gtk_widget_activate_action (page, "stories.new", NULL));
  dialog = sb_ui_test_find_message_dialog ("New Story");
  g_assert_nonnull (dialog);
  /* No title, no Create. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "save"));
  sb_ui_test_set_text (dialog, "Title", "Checkout & payment");
  /* Typed, not confirmed with Enter: it counts all the same. */
  points = sb_ui_test_find_widget (dialog, GTK_TYPE_SPIN_BUTTON, NULL);
  gtk_editable_set_text (GTK_EDITABLE (points), "8");
  description = sb_ui_test_find_widget (dialog, GTK_TYPE_TEXT_VIEW, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (description)),
                            "Cards and invoices.\nNo wallets yet.", -1);
  sb_ui_test_answer_message_dialog (dialog, "C_reate");

  story_id = sb_test_query_int (fixture->db, "SELECT id FROM stories WHERE project_id = %"
                                G_GINT64_FORMAT, project_id);
  {
    g_autofree char *text = sb_test_query_text (fixture->db, "SELECT title || '|' || points || "
                                                "'|' || description FROM stories");

    g_assert_cmpstr (text, ==, "Checkout & payment|8|Cards and invoices.\nNo wallets yet.");
  }
  row = story_row (page, "WEB-1  Checkout & payment");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "0 of 0 tasks done · 8 points");
  /* The board's filter has it already. */
  g_assert_true (gtk_widget_get_visible (sb_ui_test_find_widget (GTK_WIDGET (window),
                                                                 GTK_TYPE_DROP_DOWN,
                                                                 "story_filter")));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (
                      sb_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN,
                                              "story_filter")))), ==, 2);

  /* The row opens the editor, filled in. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "stories.edit");
  g_assert_true (gtk_widget_activate_action (page, "stories.edit", "x", story_id));
  dialog = sb_ui_test_find_message_dialog ("Edit Story");
  g_assert_nonnull (dialog);
  g_free (sb_ui_test_screenshot (GTK_WIDGET (window), "stories"));
  g_free (sb_ui_test_screenshot (dialog, "story-dialog"));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, "WEB-1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sb_ui_test_find_widget (
                     dialog, ADW_TYPE_ENTRY_ROW, "Title"))), ==, "Checkout & payment");
  points = sb_ui_test_find_widget (dialog, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (points)), ==, 8);
  sb_ui_test_set_text (dialog, "Title", "Checkout");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (points), 5);
  /* Cancel keeps the story as it was. */
  sb_ui_test_answer_message_dialog (dialog, "_Cancel");
  g_assert_nonnull (story_row (page, "WEB-1  Checkout & payment"));

  g_assert_true (gtk_widget_activate_action (page, "stories.edit", "x", story_id));
  dialog = sb_ui_test_find_message_dialog ("Edit Story");
  sb_ui_test_set_text (dialog, "Title", "Checkout");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sb_ui_test_find_widget (
                               dialog, GTK_TYPE_SPIN_BUTTON, NULL)), 5);
  sb_ui_test_answer_message_dialog (dialog, "_Save");
  g_assert_nonnull (story_row (page, "WEB-1  Checkout"));
  g_assert_cmpint (sb_test_query_int (fixture->db, "SELECT points FROM stories"), ==, 5);
  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

/* The progress follows the board: a task moved to Done shows when the page is shown again. */
static void
test_stories_progress_follows_board (SbTestFixture *fixture,
                                     gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 story_id = sb_test_create_story (fixture->ws, project_id, "Landing page", NULL, 3);
  gint64 columns[SB_TEST_N_COLUMNS];
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  g_autoptr(GError) error = NULL;
  SbWindow *window;
  GtkWidget *page;
  gint64 task_id;

  draft.title = "Hero copy";
  draft.story_id = story_id;
  task_id = sb_test_create_task_from_draft (fixture->ws, project_id, &draft);
  sb_test_get_column_ids (fixture->ws, project_id, columns);

  window = new_window (fixture);
  page = open_stories_page (window, project_id);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (story_row (
                     page, "WEB-1  Landing page"))), ==, "0 of 1 task done · 3 points");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.show-board", NULL));
  sb_ui_test_spin (50);
  g_assert_true (sb_workspace_move_task (fixture->ws, task_id, columns[3], 0, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.show-stories", NULL));
  sb_ui_test_spin (50);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (story_row (
                     page, "WEB-1  Landing page"))), ==, "1 of 1 task done · 3 points");
  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

/* Only the manager deletes a story, after saying yes; its tasks stay, without a story, and a
 * board filtered by it shows everything again. */
static void
test_stories_delete (SbTestFixture *fixture,
                     gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 story_id = sb_test_create_story (fixture->ws, project_id, "Landing page", NULL, 3);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  g_autofree char *before = NULL;
  SbWindow *window;
  GtkWidget *page;
  GtkWidget *button;
  GtkWidget *dialog;

  draft.title = "Hero copy";
  draft.story_id = story_id;
  sb_test_create_task_from_draft (fixture->ws, project_id, &draft);
  sb_test_create_task (fixture->ws, project_id, "Unrelated", 0);

  /* A member sees the button disabled, and why. */
  sb_test_sign_in (fixture, fixture->member_id);
  before = sb_test_dump (fixture->db);
  window = new_window (fixture);
  page = open_stories_page (window, project_id);
  button = sb_ui_test_find_widget (story_row (page, "WEB-1  Landing page"), GTK_TYPE_BUTTON,
                                   "Only the project's manager can delete stories");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));
  /* The action is disabled: activating it anyway asks nothing. */
  gtk_widget_activate_action (page, "stories.delete", "x", story_id);
  g_assert_null (sb_ui_test_find_message_dialog (NULL));
  sb_ui_test_destroy_window (GTK_WINDOW (window));
  sb_test_assert_unchanged (fixture->db, before);

  /* The manager, with the board filtered by the story. */
  sb_test_sign_in (fixture, fixture->manager_id);
  window = new_window (fixture);
  page = open_stories_page (window, project_id);
  g_assert_true (gtk_widget_activate_action (page, "stories.show-on-board", "x", story_id));
  g_assert_cmpint (sb_board_get_story_filter (sb_window_get_board (window)), ==, story_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.show-stories", NULL));
  sb_ui_test_spin (50);
  button = sb_ui_test_find_widget (story_row (page, "WEB-1  Landing page"), GTK_TYPE_BUTTON,
                                   "Delete Story");
  g_assert_true (gtk_widget_is_sensitive (button));

  /* Asked first; Cancel, the default, keeps it. */
  g_assert_true (gtk_widget_activate_action (page, "stories.delete", "x", story_id));
  dialog = sb_ui_test_find_message_dialog ("Delete Story WEB-1?");
  g_assert_nonnull (dialog);
  g_free (sb_ui_test_screenshot (dialog, "story-delete-dialog"));
  sb_ui_test_assert_delete_dialog (dialog, "“Landing page” will be deleted for every member. "
                                           "Its 1 task stays on the board, without a story.");
  sb_ui_test_answer_message_dialog (dialog, "_Cancel");
  g_assert_cmpint (sb_test_count_rows (fixture->db, "stories"), ==, 1);

  g_assert_true (gtk_widget_activate_action (page, "stories.delete", "x", story_id));
  sb_ui_test_answer_message_dialog (sb_ui_test_find_message_dialog ("Delete Story WEB-1?"),
                                    "_Delete");
  g_assert_cmpint (sb_test_count_rows (fixture->db, "stories"), ==, 0);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE story_id IS NULL"), ==, 2);
  g_assert_null (story_row (page, "WEB-1  Landing page"));
  g_assert_nonnull (story_row (page, "No stories yet. A story groups the tasks of one feature."));
  /* The board shows every task again, and the filter is hidden with no story left. */
  g_assert_cmpint (sb_board_get_story_filter (sb_window_get_board (window)), ==, 0);
  g_assert_false (gtk_widget_get_visible (sb_ui_test_find_widget (GTK_WIDGET (window),
                                                                  GTK_TYPE_WIDGET,
                                                                  "board_bar")));
  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

/* Someone else's Sprintboard writes to the same file: when the window is active again it shows
 * their new project and their new card. */
static void
test_window_another_writer (SbTestFixture *fixture,
                            gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) other_db = sb_database_open (fixture->path, &error);
  g_autoptr(SbWorkspace) other = NULL;
  g_autoptr(SbProject) second = NULL;
  SbWindow *window;
  SbColumn *column;

  g_assert_no_error (error);
  window = new_window (fixture);
  g_assert_true (sb_window_show_project (window, project_id));
  column = g_list_model_get_item (G_LIST_MODEL (sb_window_get_board (window)), 0);
  g_object_unref (column);   /* the board keeps it */
  g_assert_cmpuint (g_list_model_get_n_items (sb_column_get_tasks (column)), ==, 0);

  other = sb_workspace_new (other_db);
  g_assert_true (sb_workspace_login (other, "milo@example.org", SB_TEST_PASSWORD, &error));
  sb_test_create_task (other, project_id, "From the other process", 0);
  second = sb_workspace_create_project (other, "SEC", "Second", NULL, SB_PROJECT_STATUS_ACTIVE,
                                        fixture->member_id, NULL, 0, &error);
  g_assert_no_error (error);
  sb_test_sign_in (fixture, fixture->manager_id);
  {
    gint64 ids[] = { fixture->manager_id };

    g_assert_true (sb_workspace_add_members (other, sb_project_get_id (second), ids, 1, &error));
  }

  /* The window comes back to the front. */
  g_assert_true (gtk_window_is_active (GTK_WINDOW (window)));
  g_object_notify (G_OBJECT (window), "is-active");
  sb_ui_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (sb_column_get_tasks (column)), ==, 1);
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Second"));
  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

/* The first GtkLabel under @root whose shown text contains @text. */
static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
find_error_window (gpointer data)
{
  GtkWidget **found = data;
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (gtk_widget_get_visible (l->data) &&
          sb_ui_test_find_widget (l->data, GTK_TYPE_LABEL,
                                  "The Board Database Could Not Be Opened") != NULL)
        {
          *found = l->data;
          return TRUE;
        }
    }
  return FALSE;
}

/* A file that is no board database: a window says so, with the path as it is (a folder
 * named "R&D <2026>" is text, not markup: no warning, no blank line). */
static void
test_database_error_window (void)
{
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "R&D <2026>", NULL);
  g_autofree char *path = g_build_filename (folder, "board.db", NULL);
  g_autoptr(GError) error = NULL;
  SbApplication *app = sb_application_new ();
  GtkWidget *window = NULL;
  GtkWidget *label;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "This is not an SQLite database, not even close. "
                                      "It is long enough to be read as a header, though.",
                                      -1, &error));
  g_assert_no_error (error);

  g_application_set_application_id (G_APPLICATION (app), APPLICATION_ID ".TestError");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  sb_application_set_database_path (app, path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  g_assert_true (sb_ui_test_wait_until (find_error_window, &window, 15000));
  g_assert_null (sb_application_get_main_window (app));
  g_assert_null (sb_application_get_login_dialog (app));

  /* The description names the file, "&" and "<" included. */
  {
    GtkWidget *page = sb_ui_test_find_widget (window, ADW_TYPE_STATUS_PAGE, NULL);
    const char *description;

    g_assert_nonnull (page);
    description = adw_status_page_get_description (ADW_STATUS_PAGE (page));
    g_assert_nonnull (strstr (description, "R&amp;D &lt;2026&gt;"));
  }
  label = find_label_containing (window, "R&D <2026>");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));

  sb_ui_test_destroy_window (GTK_WINDOW (window));
  sb_ui_test_spin (50);
  g_object_unref (app);
  sb_test_rm_rf (dir);
}

/* The demo data: three projects, about 50 tasks over every column, overdue ones, comments. */
static void
test_demo_data (void)
{
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) db = sb_database_open (path, &error);
  g_autoptr(SbWorkspace) ws = NULL;
  g_autoptr(GListModel) projects = NULL;
  guint tasks = 0;
  guint overdue = 0;

  g_assert_no_error (error);
  ws = sb_workspace_new (db);
  g_assert_true (sb_demo_fill (ws, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sb_employee_get_email (sb_workspace_get_current_employee (ws)), ==,
                   SB_DEMO_MANAGER_EMAIL);

  projects = sb_workspace_list_projects (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SbProject) project = g_list_model_get_item (projects, i);
      GListModel *columns = sb_project_get_columns (project);

      tasks += sb_project_get_task_count (project);
      overdue += sb_project_get_overdue_count (project);
      for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
        {
          g_autoptr(SbColumn) column = g_list_model_get_item (columns, c);

          g_assert_cmpuint (sb_column_get_task_count (column), >, 0);
        }
    }
  g_assert_cmpuint (tasks, >=, 45);
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpint (sb_test_count_rows (db, "comments"), >, 5);
  g_assert_cmpint (sb_test_count_rows (db, "stories"), >=, 6);
  g_assert_cmpint (sb_test_count_rows (db, "tasks WHERE assignee_id IS NOT NULL "
                                           "AND due_date IS NOT NULL"), >, 5);

  g_clear_object (&ws);
  g_clear_object (&db);
  sb_test_rm_rf (dir);
}

/* The screenshots a person looks at: the login dialog, the dashboard with the demo data, the
 * window at 360 px, and the dark style. */
static void
test_screenshots (void)
{
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) db = sb_database_open (path, &error);
  g_autoptr(SbWorkspace) ws = NULL;
  g_autofree char *shot = NULL;
  GtkWidget *dialog;
  SbWindow *window;

  g_assert_no_error (error);
  ws = sb_workspace_new (db);
  g_assert_true (sb_demo_fill (ws, &error));

  dialog = sb_login_dialog_new (ws);
  sb_ui_test_show_window (GTK_WINDOW (dialog));
  g_free (shot);
  shot = sb_ui_test_screenshot (dialog, "login-dialog");
  sb_ui_test_destroy_window (GTK_WINDOW (dialog));

  window = sb_window_new (NULL, ws);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  sb_ui_test_show_window (GTK_WINDOW (window));
  g_free (shot);
  shot = sb_ui_test_screenshot (GTK_WIDGET (window), "dashboard");

  {
    g_autoptr(GListModel) projects = sb_workspace_list_projects (ws, NULL);
    g_autoptr(SbProject) web = g_list_model_get_item (projects, 2);

    g_assert_cmpstr (sb_project_get_key (web), ==, "WEB");
    g_assert_true (sb_window_show_project (window, sb_project_get_id (web)));
    sb_ui_test_spin (200);
    g_free (shot);
    shot = sb_ui_test_screenshot (GTK_WIDGET (window), "board");

    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
    sb_ui_test_spin (200);
    g_free (shot);
    shot = sb_ui_test_screenshot (GTK_WIDGET (window), "board-dark");
    sb_window_show_dashboard (window);
    sb_ui_test_spin (200);
    g_free (shot);
    shot = sb_ui_test_screenshot (GTK_WIDGET (window), "dashboard-dark");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_LIGHT);
  }
  sb_ui_test_destroy_window (GTK_WINDOW (window));

  /* 360 px: the sidebar folds away and the content takes the width. */
  window = sb_window_new (NULL, ws);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  sb_ui_test_show_window (GTK_WINDOW (window));
  sb_ui_test_spin (200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (sb_ui_test_find_widget (
                   GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL))));
  g_free (shot);
  shot = sb_ui_test_screenshot (GTK_WIDGET (window), "window-360-sidebar");
  {
    g_autoptr(GListModel) projects = sb_workspace_list_projects (ws, NULL);
    g_autoptr(SbProject) web = g_list_model_get_item (projects, 2);

    g_assert_true (sb_window_show_project (window, sb_project_get_id (web)));
    /* What activating the project's row in the folded sidebar does. AdwLeaflet 1.2 allocates
     * the page it leaves at 0×-1 when animations are off (a GTK warning): animate here. */
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
    g_signal_emit_by_name (sb_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX,
                                                   "sidebar_list"),
                           "row-activated",
                           gtk_list_box_get_selected_row (GTK_LIST_BOX (sb_ui_test_find_widget (
                             GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "sidebar_list"))));
    sb_ui_test_spin (600);
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
    g_free (shot);
    shot = sb_ui_test_screenshot (GTK_WIDGET (window), "window-360");
  }
  sb_ui_test_destroy_window (GTK_WINDOW (window));

  g_clear_object (&ws);
  g_clear_object (&db);
  sb_test_rm_rf (dir);
}

static gboolean
app_has_login_dialog (gpointer data)
{
  return sb_application_get_login_dialog (data) != NULL;
}

static gboolean
remember_stored (gpointer data)
{
  SbDatabase *db = data;

  return sb_test_count_rows (db, "sessions WHERE revoked_at IS NULL") == 1;
}

/* The application: the login dialog first; signing in with "Remember me" replaces it with the
 * main window and keeps a token in the keyring, so the next start signs in without asking;
 * signing out revokes and clears it, and the start after that asks again. */
static void
test_application_flow (SbTestFixture *fixture,
                       gconstpointer  user_data)
{
  SbApplication *app;
  GtkWindow *dialog;
  GtkWindow *window;
  GtkWidget *remember;

  if (g_getenv ("SB_TEST_KEYRING_PASSWORD") == NULL)
    {
      g_test_skip ("needs the keyring of build-aux/test's session");
      return;
    }

  app = sb_ui_test_start_application (fixture->path);
  dialog = sb_application_get_login_dialog (app);
  g_assert_nonnull (dialog);
  g_assert_null (sb_application_get_main_window (app));
  sb_ui_test_show_window (dialog);
  /* The probe found the session's keyring: Remember me is offered. */
  remember = sb_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON,
                                     "remember_check");
  g_assert_true (gtk_widget_get_visible (remember));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (remember), TRUE);
  sb_ui_test_set_text (GTK_WIDGET (dialog), "sign_in_email", "milo@example.org");
  sb_ui_test_set_text (GTK_WIDGET (dialog), "sign_in_password", SB_TEST_PASSWORD);
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "login.sign-in", NULL));
  g_assert_true (sb_ui_test_wait_until (login_settled, dialog, 10000));
  g_assert_true (sb_ui_test_wait_until (remember_stored, fixture->db, 10000));
  sb_ui_test_spin (50);
  g_assert_finalize_object (dialog);
  g_assert_null (sb_application_get_login_dialog (app));
  g_assert_nonnull (sb_application_get_main_window (app));
  g_assert_cmpint (sb_workspace_get_current_employee_id (sb_application_get_workspace (app)),
                   ==, fixture->member_id);
  sb_ui_test_stop_application (app);

  /* The next start signs in from the keyring. */
  app = sb_ui_test_start_application (fixture->path);
  g_assert_nonnull (sb_application_get_main_window (app));
  g_assert_null (sb_application_get_login_dialog (app));
  g_assert_cmpint (sb_workspace_get_current_employee_id (sb_application_get_workspace (app)),
                   ==, fixture->member_id);

  window = sb_application_get_main_window (app);
  g_object_ref (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.sign-out", NULL));
  g_assert_true (sb_ui_test_wait_until (app_has_login_dialog, app, 10000));
  sb_ui_test_spin (50);
  g_assert_finalize_object (window);
  g_assert_null (sb_workspace_get_current_employee (sb_application_get_workspace (app)));
  g_assert_cmpint (sb_test_count_rows (fixture->db, "sessions WHERE revoked_at IS NULL"), ==, 0);
  sb_ui_test_stop_application (app);

  /* Signed out: the next start asks again. */
  app = sb_ui_test_start_application (fixture->path);
  g_assert_nonnull (sb_application_get_login_dialog (app));
  g_assert_false (sb_application_get_main_window (app) != NULL);
  sb_ui_test_stop_application (app);
}

int
main (int   argc,
      char *argv[])
{
  sb_ui_test_init (&argc, &argv);

  sb_test_add ("/ui/login/sign-in", test_login_sign_in);
  sb_test_add ("/ui/login/empty-fields", test_login_empty_fields);
  sb_test_add ("/ui/login/sign-up", test_login_sign_up);
  sb_test_add ("/ui/login/remember-unavailable", test_login_remember_unavailable);
  sb_test_add ("/ui/window/projects", test_window_projects);
  sb_test_add ("/ui/window/keyboard-into-project", test_window_keyboard_into_project);
  sb_test_add ("/ui/window/outsider", test_window_outsider);
  sb_test_add ("/ui/window/many-open-tasks", test_window_many_open_tasks);
  sb_test_add ("/ui/window/stories", test_window_stories);
  sb_test_add ("/ui/window/edit-and-delete-project", test_window_edit_and_delete_project);
  sb_test_add ("/ui/stories/create-and-edit", test_stories_create_and_edit);
  sb_test_add ("/ui/stories/progress-follows-board", test_stories_progress_follows_board);
  sb_test_add ("/ui/stories/delete", test_stories_delete);
  sb_test_add ("/ui/window/another-writer", test_window_another_writer);
  sb_test_add ("/ui/application/flow", test_application_flow);
  g_test_add_func ("/ui/application/database-error", test_database_error_window);
  g_test_add_func ("/ui/demo/data", test_demo_data);
  g_test_add_func ("/ui/screenshots", test_screenshots);

  return g_test_run ();
}
