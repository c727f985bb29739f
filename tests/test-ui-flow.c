/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* The whole app as a person uses it, in-process: sign up, sign in, create a project with a
 * member, add tasks in two columns, move a card by drag and drop and one by the keyboard,
 * close and reopen, see that a member cannot delete and that the manager can, with Undo. */

#include "config.h"

#include "sb-application.h"
#include "sb-board-column.h"
#include "sb-board-view-private.h"
#include "sb-board-view.h"
#include "sb-invite-queue.h"
#include "sb-login-dialog.h"
#include "sb-outbox.h"
#include "sb-preferences-window.h"
#include "sb-project-editor.h"
#include "sb-task-card.h"
#include "sb-task-editor.h"
#include "sb-test-smtp.h"
#include "sb-ui-test-util.h"
#include "sb-window.h"

#define NORA_PASSWORD "nora's long password"

static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *label)
{
  GtkWidget *widget = sb_ui_test_find_widget (root, type, label);

  if (widget == NULL)
    g_error ("no %s “%s” under %s", g_type_name (type), label ? label : "(any)",
             G_OBJECT_TYPE_NAME (root));
  return widget;
}

static gboolean
app_has_main_window (gpointer data)
{
  GtkWindow *dialog = sb_application_get_login_dialog (data);

  return sb_application_get_main_window (data) != NULL
         && (dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog)));
}

/* Signs in through the login dialog; returns the main window. */
static SbWindow *
sign_in (SbApplication *app,
         const char    *email,
         const char    *password)
{
  GtkWidget *dialog = GTK_WIDGET (sb_application_get_login_dialog (app));

  g_assert_nonnull (dialog);
  sb_ui_test_set_text (dialog, "sign_in_email", email);
  sb_ui_test_set_text (dialog, "sign_in_password", password);
  g_assert_true (gtk_widget_activate_action (dialog, "login.sign-in", NULL));
  g_assert_true (sb_ui_test_wait_until (app_has_main_window, app, 15000));
  sb_ui_test_show_window (sb_application_get_main_window (app));
  return SB_WINDOW (sb_application_get_main_window (app));
}

static gboolean
app_has_login_dialog (gpointer data)
{
  GtkWindow *window = sb_application_get_main_window (data);

  /* The test holds a reference to the old window: gone means not shown any more. */
  return sb_application_get_login_dialog (data) != NULL
         && (window == NULL || !gtk_widget_get_visible (GTK_WIDGET (window)));
}

static void
sign_out (SbApplication *app)
{
  GtkWindow *window = sb_application_get_main_window (app);

  g_object_ref (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.sign-out", NULL));
  g_assert_true (sb_ui_test_wait_until (app_has_login_dialog, app, 10000));
  sb_ui_test_spin (50);
  /* The main window is gone for good, not just hidden. */
  g_assert_finalize_object (window);
}

/* The open toplevel of @type (an editor the window opened). */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* Activates the window's shortcuts for @accelerator as pressing the keys does: each one with
 * that trigger in turn (GtkWindow's own first), until one handles it. */
static gboolean
press_shortcut (GtkWidget  *window,
                const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  gboolean found = FALSE;

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            continue;
          found = TRUE;
          if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  if (!found)
    g_error ("no shortcut %s on %s", accelerator, G_OBJECT_TYPE_NAME (window));
  return FALSE;
}

static SbBoardColumn *
board_column (SbWindow *window,
              guint     index)
{
  SbBoard *board = sb_window_get_board (window);
  g_autoptr(SbColumn) column = g_list_model_get_item (G_LIST_MODEL (board), index);
  SbBoardColumn *widget;

  widget = _sb_board_view_get_column_widget (SB_BOARD_VIEW (sb_window_get_board_view (window)),
                                             sb_column_get_id (column));
  g_assert_nonnull (widget);
  return widget;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The "+" of column @index: its action, then the title in its popover, then Enter. */
static void
add_task (SbWindow   *window,
          guint       index,
          const char *title)
{
  SbBoardColumn *column = board_column (window, index);
  SbColumn *model = sb_board_column_get_column (column);
  GtkWidget *popover;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (column), "board.add-task", "x",
                                             sb_column_get_id (model)));
  popover = find (GTK_WIDGET (column), GTK_TYPE_POPOVER, NULL);
  g_assert_true (sb_ui_test_wait_until (widget_mapped, popover, 2000));
  entry = find (popover, GTK_TYPE_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), title);
  g_signal_emit_by_name (entry, "activate");
  sb_ui_test_spin (50);
}

typedef struct
{
  SbBoardColumn *column;
  SbTask        *task;
} CardQuery;

static gboolean
card_exists (gpointer data)
{
  CardQuery *query = data;

  return sb_board_column_find_card (query->column, query->task) != NULL;
}

static GtkWidget *
card_of (SbWindow *window,
         SbTask   *task)
{
  SbColumn *column = NULL;
  guint position;
  CardQuery query = { NULL, task };

  g_assert_true (sb_board_find_task (sb_window_get_board (window), task, &column, &position));
  query.column = _sb_board_view_get_column_widget (
    SB_BOARD_VIEW (sb_window_get_board_view (window)), sb_column_get_id (column));
  g_assert_true (sb_ui_test_wait_until (card_exists, &query, 3000));
  return sb_board_column_find_card (query.column, task);
}

static SbTask *
task_by_title (SbWorkspace *ws,
               const char  *title)
{
  gint64 id = sb_test_query_int (sb_workspace_get_database (ws),
                                 "SELECT id FROM tasks WHERE title = '%s'", title);

  return sb_test_get_task (ws, id);
}

static gboolean
label_shown (gpointer data)
{
  return sb_ui_test_find_widget (data, GTK_TYPE_LABEL, g_object_get_data (data, "sb-wanted"))
         != NULL;
}

static void
assert_label_shown (GtkWidget  *root,
                    const char *text)
{
  g_object_set_data (G_OBJECT (root), "sb-wanted", (gpointer) text);
  g_assert_true (sb_ui_test_wait_until (label_shown, root, 3000));
}

static void
test_flow (SbTestFixture *fixture,
           gconstpointer  user_data)
{
  SbApplication *app;
  SbWorkspace *ws;
  SbWindow *window;
  GtkWidget *dialog;
  GtkWidget *editor;
  g_autofree char *left = NULL;
  g_autofree char *reopened = NULL;
  gint64 project_id;

  /* Sign up: a new account is signed in at once. */
  app = sb_ui_test_start_application (fixture->path);
  dialog = GTK_WIDGET (sb_application_get_login_dialog (app));
  g_assert_nonnull (dialog);
  sb_ui_test_show_window (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (dialog, "login.show-sign-up", NULL));
  sb_ui_test_set_text (dialog, "sign_up_name", "Nora North");
  sb_ui_test_set_text (dialog, "sign_up_email", "nora@example.org");
  sb_ui_test_set_text (dialog, "sign_up_password", NORA_PASSWORD);
  sb_ui_test_set_text (dialog, "sign_up_confirm", NORA_PASSWORD);
  g_assert_true (gtk_widget_activate_action (dialog, "login.sign-up", NULL));
  g_assert_true (sb_ui_test_wait_until (app_has_main_window, app, 20000));
  ws = sb_application_get_workspace (app);
  g_assert_cmpstr (sb_employee_get_name (sb_workspace_get_current_employee (ws)), ==,
                   "Nora North");

  /* Sign out, and in again with the password. */
  sign_out (app);
  window = sign_in (app, "nora@example.org", NORA_PASSWORD);

  /* New project (Ctrl+N) with Milo as a member: his invite is queued. */
  g_assert_true (press_shortcut (GTK_WIDGET (window), "<Control>n"));
  editor = find_toplevel (SB_TYPE_PROJECT_EDITOR);
  g_assert_nonnull (editor);
  sb_ui_test_show_window (GTK_WINDOW (editor));
  gtk_editable_set_text (GTK_EDITABLE (find (editor, ADW_TYPE_ENTRY_ROW, "Name")), "Flow test");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (editor, ADW_TYPE_ENTRY_ROW, "Key"))),
                   ==, "FT");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (find (find (editor, GTK_TYPE_LIST_BOX,
                                                                   "members_list"),
                                                             ADW_TYPE_ACTION_ROW, "Milo Member"),
                                                       GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  g_object_ref (editor);
  g_assert_true (gtk_widget_activate_action (editor, "project.save", NULL));
  sb_ui_test_spin (50);
  g_assert_finalize_object (editor);
  project_id = sb_window_get_project_id (window);
  g_assert_cmpint (project_id, !=, 0);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "project_members WHERE project_id = %"
                                       G_GINT64_FORMAT, project_id), ==, 2);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE project_id = %" G_GINT64_FORMAT
                                       " AND employee_id = %" G_GINT64_FORMAT,
                                       project_id, fixture->member_id), ==, 1);

  /* Tasks in two columns, through the columns' "+". */
  add_task (window, 0, "Write the brief");
  add_task (window, 0, "Pick a name");
  add_task (window, 0, "Draw the logo");
  add_task (window, 1, "Book the venue");
  {
    g_autofree char *signature = sb_test_board_signature (ws, project_id);

    g_assert_cmpstr (signature, ==,
                     "To Do: FT-1 FT-2 FT-3 | In Progress: FT-4 | In Review: | Done:");
  }

  /* Drag and drop: FT-1 onto Done (its drop target, as a drop does). */
  {
    g_autoptr(SbTask) task = task_by_title (ws, "Write the brief");
    GtkDropTarget *target = sb_board_column_get_drop_target (board_column (window, 3));
    g_auto(GValue) value = G_VALUE_INIT;
    gboolean accepted = FALSE;

    g_value_init (&value, SB_TYPE_TASK);
    g_value_set_object (&value, task);
    g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &accepted);
    g_assert_true (accepted);
    assert_label_shown (GTK_WIDGET (window), "Moved FT-1 to Done");
  }

  /* The keyboard: FT-3 focused, Ctrl+Shift+Right then Ctrl+Shift+Up; it keeps the focus. */
  {
    g_autoptr(SbTask) task = task_by_title (ws, "Draw the logo");

    g_assert_true (gtk_widget_grab_focus (card_of (window, task)));
    g_assert_true (press_shortcut (GTK_WIDGET (window), "<Control><Shift>Right"));
    g_assert_true (press_shortcut (GTK_WIDGET (window), "<Control><Shift>Up"));
    sb_ui_test_spin (50);
    g_assert_true (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                            SB_TYPE_TASK_CARD)
                   == card_of (window, task));
  }
  left = sb_test_board_signature (ws, project_id);
  g_assert_cmpstr (left, ==, "To Do: FT-2 | In Progress: FT-3 FT-4 | In Review: | Done: FT-1");
  sb_ui_test_stop_application (app);

  /* Close and reopen on the same file: the board is as it was left. */
  app = sb_ui_test_start_application (fixture->path);
  window = sign_in (app, "nora@example.org", NORA_PASSWORD);
  ws = sb_application_get_workspace (app);
  g_assert_true (sb_window_show_project (window, project_id));
  reopened = sb_test_board_signature (ws, project_id);
  g_assert_cmpstr (reopened, ==, left);

  /* As a member, Milo cannot delete: the action is off, and the model refuses anyway. */
  sign_out (app);
  window = sign_in (app, "milo@example.org", SB_TEST_PASSWORD);
  g_assert_true (sb_window_show_project (window, project_id));
  {
    g_autoptr(SbTask) task = task_by_title (ws, "Pick a name");
    GtkWidget *card = card_of (window, task);
    gboolean can_delete = TRUE;

    g_object_get (sb_window_get_board_view (window), "can-delete", &can_delete, NULL);
    g_assert_false (can_delete);
    g_assert_true (gtk_widget_grab_focus (card));
    press_shortcut (GTK_WIDGET (window), "Delete");
    sb_ui_test_spin (50);
    g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE deleted_at IS NULL AND "
                                         "project_id = %" G_GINT64_FORMAT, project_id), ==, 4);
  }

  /* As the manager, Nora deletes with the Delete key, and Undo brings the task back. */
  sign_out (app);
  window = sign_in (app, "nora@example.org", NORA_PASSWORD);
  g_assert_true (sb_window_show_project (window, project_id));
  {
    g_autoptr(SbTask) task = task_by_title (ws, "Pick a name");
    GtkWidget *undo;

    g_assert_true (gtk_widget_grab_focus (card_of (window, task)));
    g_assert_true (press_shortcut (GTK_WIDGET (window), "Delete"));
    assert_label_shown (GTK_WIDGET (window), "Deleted FT-2");
    g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE deleted_at IS NULL AND "
                                         "project_id = %" G_GINT64_FORMAT, project_id), ==, 3);
    undo = find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo");
    g_signal_emit_by_name (undo, "clicked");
    sb_ui_test_spin (50);
    g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE deleted_at IS NULL AND "
                                         "project_id = %" G_GINT64_FORMAT, project_id), ==, 4);
    reopened = (g_free (reopened), sb_test_board_signature (ws, project_id));
    g_assert_cmpstr (reopened, ==, left);
  }
  sb_ui_test_stop_application (app);
}

/* Return on a focused card is its row's activation (what the list view's Return binding
 * does): the task editor opens, and finalizes when closed. Delete outside a card (the sidebar)
 * is not taken by the board's shortcut. */
static void
test_open_task_with_return (SbTestFixture *fixture,
                            gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 task_id = sb_test_create_task (fixture->ws, project_id, "Open me", 0);
  g_autoptr(SbTask) task = sb_test_get_task (fixture->ws, task_id);
  SbWindow *window = sb_window_new (NULL, fixture->ws);
  GtkWidget *card;
  GtkWidget *editor;

  sb_ui_test_show_window (GTK_WINDOW (window));
  g_assert_true (sb_window_show_project (window, project_id));
  card = card_of (window, task);
  g_assert_true (gtk_widget_grab_focus (card));
  g_assert_true (gtk_widget_activate_action (card, "list.activate-item", "u", 0));
  editor = find_toplevel (g_type_from_name ("SbTaskEditor"));
  g_assert_nonnull (editor);
  sb_ui_test_destroy_window (GTK_WINDOW (editor));

  gtk_widget_grab_focus (find (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "sidebar_list"));
  g_assert_false (press_shortcut (GTK_WIDGET (window), "Delete"));
  g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE deleted_at IS NULL"), ==, 1);
  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
label_visible (gpointer data)
{
  GtkWidget *label = sb_ui_test_find_widget (data, GTK_TYPE_LABEL,
                                             g_object_get_data (data, "sb-wanted"));

  return label != NULL && gtk_widget_get_mapped (label);
}

/* The invite a member did not get: the project editor says so with the server's words and a
 * Retry (for the manager); Retry queues it again and wakes the outbox, which sends it to the
 * session's SMTP server, and the editor follows to "Invited". */
static void
test_invites_in_editor (SbTestFixture *fixture,
                        gconstpointer  user_data)
{
  gint64 project_id;
  g_autoptr(SbInvite) invite = NULL;
  g_autoptr(SbOutbox) outbox = NULL;
  g_autoptr(SbSmtpSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  SbWindow *window;
  GtkWidget *editor;
  GtkWidget *milo;

  if (!sb_test_smtp_require_server ())
    return;

  project_id = sb_test_create_project (fixture, FALSE);
  invite = sb_invite_queue_claim_next (fixture->db, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_invite_get_employee_id (invite), ==, fixture->member_id);
  g_assert_true (sb_invite_queue_mark_failed (fixture->db, invite,
                                              "550 5.1.1 No such user here", &error));

  outbox = sb_outbox_new (fixture->db);
  settings = sb_test_smtp_server_settings (SB_SMTP_SECURITY_STARTTLS);
  sb_outbox_set_settings (outbox, settings);
  sb_outbox_set_password (outbox, sb_test_smtp_server_password ());
  sb_test_smtp_trust_server (sb_outbox_get_client (outbox));

  window = sb_window_new (NULL, fixture->ws);
  sb_window_set_outbox (window, outbox);
  sb_ui_test_show_window (GTK_WINDOW (window));
  g_assert_true (sb_window_show_project (window, project_id));
  g_assert_true (press_shortcut (GTK_WIDGET (window), "<Control>e"));
  editor = find_toplevel (SB_TYPE_PROJECT_EDITOR);
  g_assert_nonnull (editor);
  sb_ui_test_show_window (GTK_WINDOW (editor));

  milo = find (find (editor, GTK_TYPE_LIST_BOX, "members_list"), ADW_TYPE_ACTION_ROW,
               "Milo Member");
  g_assert_nonnull (find (milo, GTK_TYPE_LABEL, "Invite failed"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_parent (find (milo, GTK_TYPE_BUTTON,
                                                                             "_Retry"))),
                   ==, "550 5.1.1 No such user here");
  g_assert_true (gtk_widget_get_visible (find (milo, GTK_TYPE_BUTTON, "_Retry")));

  sb_outbox_start (outbox);
  g_assert_true (gtk_widget_activate_action (editor, "project.retry-invite", "x",
                                             fixture->member_id));
  g_object_set_data (G_OBJECT (milo), "sb-wanted", (gpointer) "Invited");
  g_assert_true (sb_ui_test_wait_until (label_visible, milo, 20000));
  g_assert_cmpint (sb_test_query_int (fixture->db, "SELECT state FROM outbox WHERE id = %"
                                      G_GINT64_FORMAT, sb_invite_get_id (invite)),
                   ==, SB_INVITE_STATE_SENT);
  sb_outbox_stop (outbox);

  sb_ui_test_destroy_window (GTK_WINDOW (editor));
  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

/* Keyboard Shortcuts and About open from the window's actions and finalize when closed. */
static void
test_shortcuts_and_about (SbTestFixture *fixture,
                          gconstpointer  user_data)
{
  SbWindow *window;
  GtkWidget *other;

  sb_test_sign_in (fixture, fixture->manager_id);
  window = sb_window_new (NULL, fixture->ws);
  sb_ui_test_show_window (GTK_WINDOW (window));

  g_assert_true (press_shortcut (GTK_WIDGET (window), "<Control>question"));
  other = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (other);
  sb_ui_test_show_window (GTK_WINDOW (other));
  g_assert_nonnull (sb_ui_test_find_widget (other, GTK_TYPE_SHORTCUTS_SHORTCUT, NULL));
  sb_ui_test_destroy_window (GTK_WINDOW (other));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.about", NULL));
  other = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (other);
  sb_ui_test_destroy_window (GTK_WINDOW (other));
  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

/* Whether a button says what it does: its own label, a label inside it, or a tooltip (which
 * GTK also gives assistive technologies as the description). */
static gboolean
has_text (GtkWidget *widget)
{
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    return TRUE;
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return TRUE;
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        || (!GTK_IS_BUTTON (child) && has_text (child)))
      return TRUE;
  return FALSE;
}

static void
collect_mute_buttons (GtkWidget *widget,
                      GString   *mute)
{
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
      && gtk_widget_get_visible (widget)
      /* The buttons GTK makes itself (window controls, a calendar's month arrows). */
      && gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) == NULL
      && gtk_widget_get_ancestor (widget, GTK_TYPE_CALENDAR) == NULL
      /* A menu button's own inner toggle: the menu button carries the text. */
      && !(GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))
           && has_text (gtk_widget_get_parent (widget)))
      && !has_text (widget))
    g_string_append_printf (mute, "%s (%s, .%s) in %s; ", G_OBJECT_TYPE_NAME (widget),
                            GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget))
                                                   : "",
                            gtk_widget_get_css_classes (widget)[0] != NULL
                            ? gtk_widget_get_css_classes (widget)[0] : "",
                            G_OBJECT_TYPE_NAME (gtk_widget_get_root (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mute_buttons (child, mute);
}

/* Every button our windows show says what it does (icon-only ones by their tooltip). */
static void
test_buttons_say_what_they_do (SbTestFixture *fixture,
                               gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 task_id = sb_test_create_task (fixture->ws, project_id, "Label me", 0);
  g_autoptr(SbTask) task = sb_test_get_task (fixture->ws, task_id);
  g_autoptr(GString) mute = g_string_new (NULL);
  g_autoptr(GSettings) settings = g_settings_new (SB_SETTINGS_SCHEMA_ID);
  g_autoptr(SbSmtpClient) client = sb_smtp_client_new ();
  GtkWidget *windows[4];

  windows[0] = GTK_WIDGET (sb_window_new (NULL, fixture->ws));
  sb_ui_test_show_window (GTK_WINDOW (windows[0]));
  g_assert_true (sb_window_show_project (SB_WINDOW (windows[0]), project_id));
  card_of (SB_WINDOW (windows[0]), task);
  windows[1] = sb_login_dialog_new (fixture->ws);
  windows[2] = sb_task_editor_new (fixture->ws, task);
  windows[3] = sb_preferences_window_new (settings, client, "dana@example.org");
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      sb_ui_test_show_window (GTK_WINDOW (windows[i]));
      collect_mute_buttons (windows[i], mute);
    }
  g_assert_cmpstr (mute->str, ==, "");
  for (guint i = G_N_ELEMENTS (windows); i > 0; i--)
    sb_ui_test_destroy_window (GTK_WINDOW (windows[i - 1]));
}

/* Deleting from a task editor opened on the dashboard (no board open): the window deletes it
 * with an Undo toast; for a member it says why not, and nothing changes. */
static void
test_delete_from_dashboard (SbTestFixture *fixture,
                            gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 task_id = sb_test_create_task (fixture->ws, project_id, "Delete me", 0);
  g_autoptr(SbTask) task = sb_test_get_task (fixture->ws, task_id);
  SbWindow *window;

  sb_test_sign_in (fixture, fixture->member_id);
  window = sb_window_new (NULL, fixture->ws);
  sb_ui_test_show_window (GTK_WINDOW (window));
  g_assert_false (sb_window_delete_task (window, task));
  g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE deleted_at IS NULL"), ==, 1);
  sb_ui_test_destroy_window (GTK_WINDOW (window));

  sb_test_sign_in (fixture, fixture->manager_id);
  window = sb_window_new (NULL, fixture->ws);
  sb_ui_test_show_window (GTK_WINDOW (window));
  g_assert_true (sb_window_delete_task (window, task));
  assert_label_shown (GTK_WIDGET (window), "Deleted WEB-1");
  g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE deleted_at IS NULL"), ==, 0);
  g_signal_emit_by_name (find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo"), "clicked");
  sb_ui_test_spin (50);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE deleted_at IS NULL"), ==, 1);
  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  sb_ui_test_init (&argc, &argv);

  sb_test_add ("/ui/flow/sign-up-to-undo", test_flow);
  sb_test_add ("/ui/flow/open-task-with-return", test_open_task_with_return);
  sb_test_add ("/ui/flow/invites-in-editor", test_invites_in_editor);
  sb_test_add ("/ui/flow/delete-from-dashboard", test_delete_from_dashboard);
  sb_test_add ("/ui/flow/shortcuts-and-about", test_shortcuts_and_about);
  sb_test_add ("/ui/flow/buttons-say-what-they-do", test_buttons_say_what_they_do);

  return g_test_run ();
}
