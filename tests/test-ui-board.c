/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* The board view: columns and counts, drops (to another column and within one), the keyboard
 * and menu actions, delete and Undo, adding a task, in-place updates, screenshots. Each case
 * builds a GtkWindow → AdwToastOverlay → SbBoardView over a fresh fixture database, and
 * checks that the window is finalized when closed. */

#include "config.h"

#include "sb-board-view-private.h"
#include "sb-ui-test-util.h"

#ifdef SB_TEST_HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#endif

typedef struct
{
  SbTestFixture *fixture;
  gint64         project_id;
  gint64         column_ids[SB_TEST_N_COLUMNS];
  SbBoard       *board;
  GtkWindow     *window;
  AdwToastOverlay *overlay;
  SbBoardView   *view;
} Board;

/* Opens the project's board, as whoever is signed in, in a window @width wide. */
static void
board_open_sized (Board         *b,
                  SbTestFixture *fixture,
                  gint64         project_id,
                  int            width,
                  int            height)
{
  b->fixture = fixture;
  b->project_id = project_id;
  sb_test_get_column_ids (fixture->ws, project_id, b->column_ids);
  b->board = sb_test_open_board (fixture->ws, project_id);

  b->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (b->window, width, height);
  b->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  b->view = SB_BOARD_VIEW (sb_board_view_new (b->board));
  adw_toast_overlay_set_child (b->overlay, GTK_WIDGET (b->view));
  gtk_window_set_child (b->window, GTK_WIDGET (b->overlay));
  sb_ui_test_show_window (b->window);
}

static void
board_open (Board         *b,
            SbTestFixture *fixture,
            gint64         project_id)
{
  board_open_sized (b, fixture, project_id, 1280, 720);
}

static void
board_close (Board *b)
{
  g_autoptr(SbBoard) board = g_steal_pointer (&b->board);

  sb_ui_test_destroy_window (g_steal_pointer (&b->window));
  b->view = NULL;
  b->overlay = NULL;
}

static SbBoardColumn *
board_column (Board *b,
              guint  index)
{
  SbBoardColumn *column = _sb_board_view_get_column_widget (b->view, b->column_ids[index]);

  g_assert_nonnull (column);
  return column;
}

static SbTask *
board_task (Board  *b,
            gint64  task_id)
{
  /* The workspace's canonical object: the one the board's lists hold. */
  SbTask *task = sb_test_get_task (b->fixture->ws, task_id);

  g_object_unref (task);
  return task;
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

/* The card of @task in column @index, after waiting for the list view to make it. */
static SbTaskCard *
board_card (Board  *b,
            guint   index,
            gint64  task_id)
{
  CardQuery query = { board_column (b, index), NULL };
  g_autoptr(SbTask) task = sb_test_get_task (b->fixture->ws, task_id);

  query.task = task;
  g_assert_true (sb_ui_test_wait_until (card_exists, &query, 2000));
  return SB_TASK_CARD (sb_board_column_find_card (query.column, task));
}

static char *
board_signature (Board *b)
{
  return sb_test_board_signature (b->fixture->ws, b->project_id);
}

typedef struct
{
  GtkWindow *window;
  gint64     task_id;
} FocusQuery;

static gboolean
focus_is_on_task (gpointer data)
{
  FocusQuery *query = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (query->window));
  GtkWidget *card = focus != NULL ? gtk_widget_get_ancestor (focus, SB_TYPE_TASK_CARD) : NULL;
  SbTask *task = card != NULL ? sb_task_card_get_task (SB_TASK_CARD (card)) : NULL;

  return task != NULL && sb_task_get_id (task) == query->task_id;
}

static void
assert_focus_on (Board  *b,
                 gint64  task_id)
{
  FocusQuery query = { b->window, task_id };

  g_assert_true (sb_ui_test_wait_until (focus_is_on_task, &query, 3000));
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelQuery;

static gboolean
label_shown (gpointer data)
{
  LabelQuery *query = data;

  return sb_ui_test_find_widget (query->root, GTK_TYPE_LABEL, query->text) != NULL;
}

static void
assert_toast (Board      *b,
              const char *title)
{
  LabelQuery query = { GTK_WIDGET (b->overlay), title };

  g_assert_true (sb_ui_test_wait_until (label_shown, &query, 3000));
}

static void
click_undo (Board *b)
{
  GtkWidget *button = sb_ui_test_find_widget (GTK_WIDGET (b->overlay), GTK_TYPE_BUTTON, "_Undo");

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  sb_ui_test_spin (50);
}

/* Drops @task_id on column @index at @y of its drop target, as a drag would. */
static gboolean
drop_task (Board  *b,
           guint   index,
           gint64  task_id,
           double  y)
{
  GtkDropTarget *target = sb_board_column_get_drop_target (board_column (b, index));
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, SB_TYPE_TASK);
  g_value_set_object (&value, board_task (b, task_id));
  g_signal_emit_by_name (target, "drop", &value, 20.0, y, &accepted);
  return accepted;
}

/* The y of a card's upper or lower half in its column's drop target coordinates. */
static double
card_y (Board    *b,
        guint     index,
        gint64    task_id,
        gboolean  lower_half)
{
  SbTaskCard *card;
  GtkWidget *area;
  graphene_rect_t bounds;

  /* Let the lists lay out their rows after the last change. */
  sb_ui_test_spin (50);
  card = board_card (b, index, task_id);
  area = gtk_event_controller_get_widget (
    GTK_EVENT_CONTROLLER (sb_board_column_get_drop_target (board_column (b, index))));

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card), area, &bounds));
  return bounds.origin.y + bounds.size.height * (lower_half ? 0.75 : 0.25);
}

/* WEB-1 WEB-2 WEB-3 in To Do, WEB-4 WEB-5 in In Progress. */
static gint64
create_two_column_project (SbTestFixture *fixture,
                           gint64        *task_ids)
{
  static const char *titles[] = {
    "Sketch the landing page", "Pick a font", "Write the copy", "Fix login", "Set up CI",
  };
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 column_ids[SB_TEST_N_COLUMNS];

  sb_test_get_column_ids (fixture->ws, project_id, column_ids);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    task_ids[i] = sb_test_create_task (fixture->ws, project_id, titles[i],
                                       column_ids[i < 3 ? 0 : 1]);
  return project_id;
}

#define SIGNATURE_START "To Do: WEB-1 WEB-2 WEB-3 | In Progress: WEB-4 WEB-5 | In Review: | Done:"

static void
test_columns_and_counts (SbTestFixture *fixture,
                         gconstpointer  user_data)
{
  gint64 tasks[5];
  gint64 project_id = create_two_column_project (fixture, tasks);
  Board b = { 0 };
  const char *names[] = { "To Do", "In Progress", "In Review", "Done" };
  const char *counts[] = { "3", "2", "0", "0" };

  board_open (&b, fixture, project_id);

  for (guint i = 0; i < SB_TEST_N_COLUMNS; i++)
    {
      SbBoardColumn *column = board_column (&b, i);
      GtkWidget *list_view = GTK_WIDGET (sb_board_column_get_list_view (column));

      g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (column), GTK_TYPE_LABEL, names[i]));
      g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (column), GTK_TYPE_LABEL, counts[i]));
      /* The list view is the scrolled window's own child, or it would not recycle rows. */
      g_assert_true (GTK_IS_SCROLLED_WINDOW (gtk_widget_get_parent (list_view)));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (column)), >=, 300);
    }
  for (guint i = 0; i < 5; i++)
    {
      SbTaskCard *card = board_card (&b, i < 3 ? 0 : 1, tasks[i]);

      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (card)));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "card"));
    }
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (b.view), GTK_TYPE_LABEL, "Fix login"));
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (b.view), GTK_TYPE_LABEL, "WEB-5"));

  /* A task added through the workspace shows up, and the count follows. */
  sb_test_create_task (fixture->ws, project_id, "Order coffee", b.column_ids[2]);
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (board_column (&b, 2)),
                                            GTK_TYPE_LABEL, "1"));
  board_card (&b, 2, sb_test_query_int (fixture->db, "SELECT id FROM tasks WHERE number = 6"));

  board_close (&b);
}

static void
test_drop_to_other_column (SbTestFixture *fixture,
                           gconstpointer  user_data)
{
  gint64 tasks[5];
  gint64 project_id = create_two_column_project (fixture, tasks);
  g_autofree char *after_drop = NULL;
  g_autofree char *after_second = NULL;
  g_autofree char *after_undo = NULL;
  Board b = { 0 };

  board_open (&b, fixture, project_id);

  /* WEB-1 onto the upper half of WEB-5: between WEB-4 and WEB-5. */
  g_assert_true (drop_task (&b, 1, tasks[0], card_y (&b, 1, tasks[4], FALSE)));
  after_drop = board_signature (&b);
  g_assert_cmpstr (after_drop, ==,
                   "To Do: WEB-2 WEB-3 | In Progress: WEB-4 WEB-1 WEB-5 | In Review: | Done:");
  assert_toast (&b, "Moved WEB-1 to In Progress");
  assert_focus_on (&b, tasks[0]);
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (board_column (&b, 0)),
                                            GTK_TYPE_LABEL, "2"));
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (board_column (&b, 1)),
                                            GTK_TYPE_LABEL, "3"));

  /* WEB-2 into the empty Done column. */
  g_assert_true (drop_task (&b, 3, tasks[1], 10));
  after_second = board_signature (&b);
  g_assert_cmpstr (after_second, ==,
                   "To Do: WEB-3 | In Progress: WEB-4 WEB-1 WEB-5 | In Review: | Done: WEB-2");
  assert_toast (&b, "Moved WEB-2 to Done");

  /* Undo puts WEB-2 back where it was. */
  click_undo (&b);
  after_undo = board_signature (&b);
  g_assert_cmpstr (after_undo, ==,
                   "To Do: WEB-2 WEB-3 | In Progress: WEB-4 WEB-1 WEB-5 | In Review: | Done:");
  assert_focus_on (&b, tasks[1]);

  /* Something that is not a task of this board is refused. */
  {
    g_auto(GValue) value = G_VALUE_INIT;
    gboolean accepted = TRUE;

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "WEB-1");
    g_signal_emit_by_name (sb_board_column_get_drop_target (board_column (&b, 2)), "drop",
                           &value, 10.0, 10.0, &accepted);
    g_assert_false (accepted);
  }

  board_close (&b);
}

#ifdef SB_TEST_HAVE_XTEST
/* The real pointer, through the X server's XTest extension: what a person's mouse does, so
 * that GTK's own drag machinery (GtkDragSource, the X drag protocol, GtkDropTarget) runs. */

static gboolean
xtest_available (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  int event_base, error_base, major, minor;

  return GDK_IS_X11_DISPLAY (display) &&
         XTestQueryExtension (gdk_x11_display_get_xdisplay (display), &event_base, &error_base,
                              &major, &minor);
}

/* Moves the pointer to (@x, @y) in @widget's coordinates. */
static void
pointer_move (GtkWidget *widget,
              double     x,
              double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  graphene_point_t point;
  double surface_x, surface_y;
  int root_x, root_y;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (xdisplay), (int) (point.x + surface_x),
                         (int) (point.y + surface_y), &root_x, &root_y, &child);
  XTestFakeMotionEvent (xdisplay, -1, root_x, root_y, CurrentTime);
  XFlush (xdisplay);
  sb_ui_test_spin (20);
}

static void
pointer_button (GtkWidget *widget,
                gboolean   press)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));

  XTestFakeButtonEvent (xdisplay, 1, press, CurrentTime);
  XFlush (xdisplay);
  sb_ui_test_spin (50);
}

typedef struct
{
  Board      *board;
  const char *signature;
} SignatureQuery;

static gboolean
signature_is (gpointer data)
{
  SignatureQuery *query = data;
  g_autofree char *signature = board_signature (query->board);

  return g_strcmp0 (signature, query->signature) == 0;
}

/* A card dragged with the pointer, as a person does: pressed, moved over to the next column
 * in steps, released over the lower half of WEB-4. With G_DEBUG=fatal-warnings any warning
 * on the way (the drag icon, the drop) fails the test. */
static void
test_pointer_drag (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  gint64 tasks[5];
  gint64 project_id;
  SignatureQuery query = { NULL, NULL };
  GtkWidget *source;
  GtkWidget *area;
  graphene_rect_t start;
  graphene_point_t end;
  Board b = { 0 };

  if (!xtest_available ())
    {
      g_test_skip ("needs an X11 display with the XTest extension");
      return;
    }

  project_id = create_two_column_project (fixture, tasks);
  board_open (&b, fixture, project_id);
  gtk_window_present (b.window);
  sb_ui_test_spin (100);

  source = GTK_WIDGET (board_card (&b, 0, tasks[0]));
  area = gtk_event_controller_get_widget (
    GTK_EVENT_CONTROLLER (sb_board_column_get_drop_target (board_column (&b, 1))));
  g_assert_true (gtk_widget_compute_bounds (source, GTK_WIDGET (b.window), &start));
  g_assert_true (gtk_widget_compute_point (area, GTK_WIDGET (b.window),
                                           &GRAPHENE_POINT_INIT (
                                             40, card_y (&b, 1, tasks[3], TRUE)),
                                           &end));

  pointer_move (GTK_WIDGET (b.window), start.origin.x + 40, start.origin.y + 20);
  pointer_button (GTK_WIDGET (b.window), TRUE);
  for (guint i = 1; i <= 12; i++)
    pointer_move (GTK_WIDGET (b.window),
                  start.origin.x + 40 + (end.x - start.origin.x - 40) * i / 12,
                  start.origin.y + 20 + (end.y - start.origin.y - 20) * i / 12);
  sb_ui_test_spin (100);
  pointer_button (GTK_WIDGET (b.window), FALSE);

  query.board = &b;
  query.signature = "To Do: WEB-2 WEB-3 | In Progress: WEB-4 WEB-1 WEB-5 | In Review: | Done:";
  g_assert_true (sb_ui_test_wait_until (signature_is, &query, 5000));
  assert_toast (&b, "Moved WEB-1 to In Progress");
  /* The dragged card looks like the others again. */
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (board_card (&b, 1, tasks[0])),
                                            "dragging"));

  board_close (&b);
}
#endif

static void
test_drop_within_column (SbTestFixture *fixture,
                         gconstpointer  user_data)
{
  gint64 tasks[5];
  gint64 project_id = create_two_column_project (fixture, tasks);
  g_autofree char *down = NULL;
  g_autofree char *up = NULL;
  g_autofree char *end = NULL;
  g_autofree char *same = NULL;
  Board b = { 0 };
  int height;

  board_open (&b, fixture, project_id);

  /* Down past itself: WEB-1 onto the lower half of WEB-2 lands after WEB-2. */
  g_assert_true (drop_task (&b, 0, tasks[0], card_y (&b, 0, tasks[1], TRUE)));
  down = board_signature (&b);
  g_assert_cmpstr (down, ==,
                   "To Do: WEB-2 WEB-1 WEB-3 | In Progress: WEB-4 WEB-5 | In Review: | Done:");
  assert_toast (&b, "Moved WEB-1 to To Do");

  /* Up: WEB-3 onto the upper half of WEB-2 (now the first) goes to the top. */
  g_assert_true (drop_task (&b, 0, tasks[2], card_y (&b, 0, tasks[1], FALSE)));
  up = board_signature (&b);
  g_assert_cmpstr (up, ==,
                   "To Do: WEB-3 WEB-2 WEB-1 | In Progress: WEB-4 WEB-5 | In Review: | Done:");

  /* Below every card: the end. */
  height = gtk_widget_get_height (gtk_event_controller_get_widget (
    GTK_EVENT_CONTROLLER (sb_board_column_get_drop_target (board_column (&b, 0)))));
  g_assert_cmpuint (sb_board_column_get_drop_index (board_column (&b, 0), height - 5), ==, 3);
  g_assert_true (drop_task (&b, 0, tasks[2], height - 5));
  end = board_signature (&b);
  g_assert_cmpstr (end, ==,
                   "To Do: WEB-2 WEB-1 WEB-3 | In Progress: WEB-4 WEB-5 | In Review: | Done:");

  /* Onto itself: nothing changes. */
  g_assert_true (drop_task (&b, 0, tasks[0], card_y (&b, 0, tasks[0], FALSE)));
  same = board_signature (&b);
  g_assert_cmpstr (same, ==, end);

  board_close (&b);
}

/* As the window's shortcuts do: the action, looked up from the focus widget up. */
static gboolean
activate_from_focus (Board      *b,
                     const char *action)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (b->window));

  return focus != NULL && gtk_widget_activate_action (focus, action, NULL);
}

static void
activate_on_card (Board      *b,
                  guint       index,
                  gint64      task_id,
                  const char *action)
{
  SbTaskCard *card = board_card (b, index, task_id);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (card)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), action, NULL));
}

static void
assert_signature (Board      *b,
                  const char *expected)
{
  g_autofree char *signature = board_signature (b);

  g_assert_cmpstr (signature, ==, expected);
}

static void
test_keyboard_moves (SbTestFixture *fixture,
                     gconstpointer  user_data)
{
  gint64 tasks[5];
  gint64 project_id = create_two_column_project (fixture, tasks);
  Board b = { 0 };

  board_open (&b, fixture, project_id);

  /* WEB-2 to the next column keeps its place (the second). */
  activate_on_card (&b, 0, tasks[1], "board.move-right");
  assert_signature (&b, "To Do: WEB-1 WEB-3 | In Progress: WEB-4 WEB-2 WEB-5 | In Review: | Done:");
  assert_focus_on (&b, tasks[1]);
  assert_toast (&b, "Moved WEB-2 to In Progress");

  /* The focused card moves again, without looking for it. */
  g_assert_true (activate_from_focus (&b, "board.move-down"));
  assert_signature (&b, "To Do: WEB-1 WEB-3 | In Progress: WEB-4 WEB-5 WEB-2 | In Review: | Done:");
  assert_focus_on (&b, tasks[1]);

  /* At the bottom, down does nothing. */
  g_assert_true (activate_from_focus (&b, "board.move-down"));
  assert_signature (&b, "To Do: WEB-1 WEB-3 | In Progress: WEB-4 WEB-5 WEB-2 | In Review: | Done:");

  activate_on_card (&b, 1, tasks[1], "board.move-up");
  assert_signature (&b, "To Do: WEB-1 WEB-3 | In Progress: WEB-4 WEB-2 WEB-5 | In Review: | Done:");
  assert_focus_on (&b, tasks[1]);
  g_assert_true (activate_from_focus (&b, "board.move-up"));
  assert_signature (&b, "To Do: WEB-1 WEB-3 | In Progress: WEB-2 WEB-4 WEB-5 | In Review: | Done:");
  assert_focus_on (&b, tasks[1]);

  activate_on_card (&b, 1, tasks[1], "board.move-left");
  assert_signature (&b, "To Do: WEB-2 WEB-1 WEB-3 | In Progress: WEB-4 WEB-5 | In Review: | Done:");
  assert_focus_on (&b, tasks[1]);

  /* At the first column, left does nothing. */
  g_assert_true (activate_from_focus (&b, "board.move-left"));
  assert_signature (&b, "To Do: WEB-2 WEB-1 WEB-3 | In Progress: WEB-4 WEB-5 | In Review: | Done:");

  /* Three to the right: the last column. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (activate_from_focus (&b, "board.move-right"));
  assert_signature (&b, "To Do: WEB-1 WEB-3 | In Progress: WEB-4 WEB-5 | In Review: | Done: WEB-2");
  assert_focus_on (&b, tasks[1]);

  board_close (&b);
}

static void
test_move_to_menu (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  gint64 tasks[5];
  gint64 project_id = create_two_column_project (fixture, tasks);
  Board b = { 0 };
  SbTaskCard *card;
  GtkWidget *menu;

  board_open (&b, fixture, project_id);

  /* The context menu lists the other columns. */
  card = board_card (&b, 1, tasks[3]);
  sb_task_card_popup_menu (card, 10, 10);
  menu = sb_ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_POPOVER_MENU, NULL);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (menu));

  /* Its "Done" item: board.move-to with the column's id, on the card whose menu it is. */
  g_assert_true (gtk_widget_activate_action (menu, "board.move-to", "x", b.column_ids[3]));
  assert_signature (&b, "To Do: WEB-1 WEB-2 WEB-3 | In Progress: WEB-5 | In Review: | Done: WEB-4");
  assert_toast (&b, "Moved WEB-4 to Done");
  assert_focus_on (&b, tasks[3]);

  /* On the focused card, to the end of a column. */
  gtk_widget_grab_focus (GTK_WIDGET (board_card (&b, 0, tasks[0])));
  g_assert_true (gtk_widget_activate_action (gtk_root_get_focus (GTK_ROOT (b.window)),
                                             "board.move-to", "x", b.column_ids[1]));
  assert_signature (&b, "To Do: WEB-2 WEB-3 | In Progress: WEB-5 WEB-1 | In Review: | Done: WEB-4");
  assert_focus_on (&b, tasks[0]);

  board_close (&b);
}

static void
on_task_activated (SbBoardView *view,
                   SbTask      *task,
                   SbTask     **opened)
{
  g_set_object (opened, task);
}

static void
test_open_task (SbTestFixture *fixture,
                gconstpointer  user_data)
{
  gint64 tasks[5];
  gint64 project_id = create_two_column_project (fixture, tasks);
  g_autoptr(SbTask) opened = NULL;
  Board b = { 0 };

  board_open (&b, fixture, project_id);
  g_signal_connect (b.view, "task-activated", G_CALLBACK (on_task_activated), &opened);

  activate_on_card (&b, 0, tasks[2], "board.open-task");
  g_assert_nonnull (opened);
  g_assert_cmpint (sb_task_get_id (opened), ==, tasks[2]);

  /* Enter or a double click on a row: the list view's ::activate. */
  g_signal_emit_by_name (sb_board_column_get_list_view (board_column (&b, 1)), "activate", 1);
  g_assert_cmpint (sb_task_get_id (opened), ==, tasks[4]);

  board_close (&b);
}

static void
test_delete_as_member (SbTestFixture *fixture,
                       gconstpointer  user_data)
{
  gint64 tasks[5];
  gint64 project_id = create_two_column_project (fixture, tasks);
  Board b = { 0 };
  SbTaskCard *card;
  GtkWidget *button;

  sb_test_sign_in (fixture, fixture->member_id);
  board_open (&b, fixture, project_id);

  card = board_card (&b, 0, tasks[2]);
  sb_task_card_popup_menu (card, 10, 10);
  button = sb_ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_BUTTON, "_Delete");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   "Only the project's manager can delete tasks");
  sb_task_card_close_menu (card);

  /* The action is disabled: activating it does nothing. */
  gtk_widget_grab_focus (GTK_WIDGET (card));
  gtk_widget_activate_action (GTK_WIDGET (card), "board.delete-task", NULL);
  sb_ui_test_spin (50);
  assert_signature (&b, SIGNATURE_START);

  /* The manager signs in at the same window: Delete is enabled on the cards shown. */
  sb_test_sign_in (fixture, fixture->manager_id);
  sb_task_card_popup_menu (card, 10, 10);
  button = sb_ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_BUTTON, "_Delete");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_null (gtk_widget_get_tooltip_text (button));
  sb_task_card_close_menu (card);

  board_close (&b);
}

static void
test_delete_as_manager_and_undo (SbTestFixture *fixture,
                                 gconstpointer  user_data)
{
  gint64 tasks[5];
  gint64 project_id = create_two_column_project (fixture, tasks);
  Board b = { 0 };
  SbTaskCard *card;
  GtkWidget *button;

  board_open (&b, fixture, project_id);

  card = board_card (&b, 0, tasks[1]);
  sb_task_card_popup_menu (card, 10, 10);
  button = sb_ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_BUTTON, "_Delete");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_null (gtk_widget_get_tooltip_text (button));

  /* The menu's Delete, as a click would. */
  g_signal_emit_by_name (button, "clicked");
  assert_signature (&b, "To Do: WEB-1 WEB-3 | In Progress: WEB-4 WEB-5 | In Review: | Done:");
  assert_toast (&b, "Deleted WEB-2");
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (board_column (&b, 0)),
                                            GTK_TYPE_LABEL, "2"));
  /* The focus moves to the card that took its place. */
  assert_focus_on (&b, tasks[2]);

  click_undo (&b);
  assert_signature (&b, SIGNATURE_START);
  assert_focus_on (&b, tasks[1]);
  board_card (&b, 0, tasks[1]);

  board_close (&b);
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_add_task (SbTestFixture *fixture,
               gconstpointer  user_data)
{
  gint64 tasks[5];
  gint64 project_id = create_two_column_project (fixture, tasks);
  Board b = { 0 };
  SbBoardColumn *column;
  GtkWidget *entry;
  GtkWidget *popover;
  gint64 new_id;

  board_open (&b, fixture, project_id);
  column = board_column (&b, 2);

  /* The "+" of In Review: its button's action, with the column's id. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (column), "board.add-task", "x",
                                             b.column_ids[2]));
  popover = sb_ui_test_find_widget (GTK_WIDGET (column), GTK_TYPE_POPOVER, NULL);
  g_assert_nonnull (popover);
  g_assert_true (sb_ui_test_wait_until (popover_shown, popover, 2000));
  entry = sb_ui_test_find_widget (popover, GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (entry);

  /* The card actions are not found from the entry: the window's Return and Delete keys go on
   * to it. */
  g_assert_true (gtk_widget_grab_focus (entry));
  g_assert_false (activate_from_focus (&b, "board.open-task"));
  g_assert_false (activate_from_focus (&b, "board.delete-task"));
  g_assert_false (activate_from_focus (&b, "board.move-left"));

  /* Blank titles are not added. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_signal_emit_by_name (entry, "activate");
  assert_signature (&b, SIGNATURE_START);

  gtk_editable_set_text (GTK_EDITABLE (entry), "Review the copy");
  g_signal_emit_by_name (entry, "activate");
  assert_signature (&b, "To Do: WEB-1 WEB-2 WEB-3 | In Progress: WEB-4 WEB-5"
                        " | In Review: WEB-6 | Done:");
  new_id = sb_test_query_int (fixture->db, "SELECT id FROM tasks WHERE title = 'Review the copy'");
  assert_focus_on (&b, new_id);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (column), GTK_TYPE_LABEL, "1"));

  /* A second one goes to the end. */
  sb_board_column_show_add_popover (column);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Proofread");
  g_assert_true (gtk_widget_activate_action (entry, "column.add-task", NULL));
  assert_signature (&b, "To Do: WEB-1 WEB-2 WEB-3 | In Progress: WEB-4 WEB-5"
                        " | In Review: WEB-6 WEB-7 | Done:");

  board_close (&b);
}

static void
test_card_follows_task (SbTestFixture *fixture,
                        gconstpointer  user_data)
{
  gint64 tasks[5];
  gint64 project_id = create_two_column_project (fixture, tasks);
  g_autoptr(GError) error = NULL;
  Board b = { 0 };
  SbTaskCard *card;
  GtkWidget *due;
  SbTaskDraft draft;
  SbTask *task;

  board_open (&b, fixture, project_id);
  card = board_card (&b, 1, tasks[3]);
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_LABEL, "Fix login"));

  g_assert_true (sb_workspace_set_task_title (fixture->ws, tasks[3], "Fix the login form", &error));
  g_assert_no_error (error);
  /* The same card, redrawn in place. */
  g_assert_true (board_card (&b, 1, tasks[3]) == card);
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_LABEL,
                                            "Fix the login form"));
  g_assert_null (sb_ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_LABEL, "Fix login"));

  /* An overdue due date is shown in the error style; an assignee gets an avatar. */
  task = board_task (&b, tasks[3]);
  draft = sb_test_draft_from_task (task);
  draft.due_date = "2020-01-31";
  draft.assignee_id = fixture->member_id;
  draft.priority = SB_PRIORITY_CRITICAL;
  g_assert_true (sb_workspace_update_task (fixture->ws, tasks[3], &draft, &error));
  g_assert_no_error (error);
  due = sb_ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_LABEL, "31 Jan 2020");
  g_assert_nonnull (due);
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_LABEL, "Critical"));
  {
    /* Milo Member's initials, with his name as the tooltip. */
    GtkWidget *avatar = sb_ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_LABEL, "MM");

    g_assert_nonnull (avatar);
    g_assert_true (gtk_widget_get_visible (avatar));
    g_assert_true (gtk_widget_has_css_class (avatar, "sb-avatar"));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (avatar), ==, "Milo Member");
  }

  /* Comments are counted on the card. */
  sb_test_add_comment (fixture->ws, tasks[3], "On it.");
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_LABEL, "1"));

  /* What a screen reader says. */
  {
    g_autofree char *label = _sb_task_card_describe (card);

    g_assert_cmpstr (label, ==, "WEB-4: Fix the login form, In Progress, Critical priority, "
                                "assigned to Milo Member, due 31 Jan 2020, overdue, 1 comment");
  }

  /* The drag carries the task itself. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (card));
    g_autoptr(GdkContentProvider) content = NULL;
    g_auto(GValue) value = G_VALUE_INIT;
    GtkDragSource *source = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DRAG_SOURCE (controller))
          source = GTK_DRAG_SOURCE (controller);
      }
    g_assert_nonnull (source);
    g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
    g_assert_nonnull (content);
    g_value_init (&value, SB_TYPE_TASK);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_true (g_value_get_object (&value) == task);
  }

  board_close (&b);
}

static void
test_story_filter (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  gint64 tasks[5];
  gint64 project_id = create_two_column_project (fixture, tasks);
  g_autoptr(GError) error = NULL;
  Board b = { 0 };
  gint64 story_id;

  story_id = sb_test_create_story (fixture->ws, project_id, "Sign-in", NULL, 3);
  g_assert_true (sb_workspace_set_task_story (fixture->ws, tasks[2], story_id, &error));
  g_assert_no_error (error);
  board_open (&b, fixture, project_id);

  sb_board_set_story_filter (b.board, story_id);
  sb_ui_test_spin (50);
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (board_column (&b, 0)),
                                            GTK_TYPE_LABEL, "1"));
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (board_column (&b, 1)),
                                            GTK_TYPE_LABEL, "0"));
  board_card (&b, 0, tasks[2]);
  g_assert_null (sb_board_column_find_card (board_column (&b, 0), board_task (&b, tasks[0])));

  sb_board_set_story_filter (b.board, 0);
  sb_ui_test_spin (50);
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (board_column (&b, 0)),
                                            GTK_TYPE_LABEL, "3"));
  board_card (&b, 0, tasks[0]);

  board_close (&b);
}

static gboolean
adjustment_moved (gpointer data)
{
  return gtk_adjustment_get_value (GTK_ADJUSTMENT (data)) > 0;
}

static void
test_drop_indicator_and_autoscroll (SbTestFixture *fixture,
                                    gconstpointer  user_data)
{
  gint64 tasks[5];
  gint64 project_id = create_two_column_project (fixture, tasks);
  g_autofree char *screenshot = NULL;
  GtkDropTarget *target;
  GtkWidget *indicator;
  GtkWidget *area;
  GtkAdjustment *adjustment;
  GdkDragAction action = 0;
  Board b = { 0 };
  double y;
  double value;
  int height;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("Filler %u", i + 1);

      sb_test_create_task (fixture->ws, project_id, title, 0);
    }
  board_open (&b, fixture, project_id);
  target = sb_board_column_get_drop_target (board_column (&b, 1));
  area = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  indicator = sb_ui_test_find_widget (area, GTK_TYPE_BOX, "drop_indicator");
  g_assert_nonnull (indicator);
  g_assert_false (gtk_widget_get_visible (indicator));

  /* Hovering over WEB-4's lower half: the line is drawn between WEB-4 and WEB-5. */
  y = card_y (&b, 1, tasks[3], TRUE);
  g_signal_emit_by_name (target, "enter", 20.0, y, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
  g_signal_emit_by_name (target, "motion", 20.0, y, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
  g_assert_true (gtk_widget_get_visible (indicator));
  g_assert_cmpuint (sb_board_column_get_drop_index (board_column (&b, 1), y), ==, 1);
  {
    graphene_rect_t card;
    int line = gtk_widget_get_margin_top (indicator);

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (board_card (&b, 1, tasks[3])), area,
                                              &card));
    g_assert_cmpint (line, >, card.origin.y + card.size.height / 2);
    g_assert_cmpint (line, <, card.origin.y + card.size.height + 12);
  }
  sb_ui_test_spin (100);
  screenshot = sb_ui_test_screenshot (GTK_WIDGET (b.window), "board-drop-indicator");
  g_signal_emit_by_name (target, "leave");
  g_assert_false (gtk_widget_get_visible (indicator));

  /* Near the bottom edge of the long To Do column, it scrolls by itself, and stops on leave. */
  target = sb_board_column_get_drop_target (board_column (&b, 0));
  area = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  adjustment = gtk_scrollable_get_vadjustment (
    GTK_SCROLLABLE (sb_board_column_get_list_view (board_column (&b, 0))));
  height = gtk_widget_get_height (area);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_signal_emit_by_name (target, "enter", 20.0, (double) height - 4, &action);
  g_assert_true (sb_ui_test_wait_until (adjustment_moved, adjustment, 3000));
  g_signal_emit_by_name (target, "leave");
  sb_ui_test_spin (50);
  value = gtk_adjustment_get_value (adjustment);
  sb_ui_test_spin (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);

  /* Near the top edge it scrolls back. */
  g_signal_emit_by_name (target, "enter", 20.0, 4.0, &action);
  sb_ui_test_spin (200);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, value);
  g_signal_emit_by_name (target, "leave");

  board_close (&b);
}

/* Whether the column's list view has been given every task of its column (SbBoardColumn hands
 * them over a few a frame after the first frame). */
static gboolean
list_has_every_task (gpointer data)
{
  GtkListView *list_view = data;
  SbBoardColumn *column = SB_BOARD_COLUMN (gtk_widget_get_ancestor (GTK_WIDGET (list_view),
                                                                    SB_TYPE_BOARD_COLUMN));
  SbColumn *model = sb_board_column_get_column (column);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view)))
         == g_list_model_get_n_items (sb_column_get_tasks (model));
}

/* A long column shows its first cards on the first frame, then gets the rest over the frames
 * after it, while its count says how many there are from the start; a card past the first
 * ones can be focused at once. */
static void
test_rows_over_frames (SbTestFixture *fixture,
                       gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  g_autoptr(SbTask) last = NULL;
  GtkListView *list_view;
  gint64 last_id = 0;
  guint given;
  Board b = { 0 };

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("Task %03u", i);

      last_id = sb_test_create_task (fixture->ws, project_id, title, 0);
    }
  board_open (&b, fixture, project_id);
  list_view = sb_board_column_get_list_view (board_column (&b, 0));
  given = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view)));
  g_assert_cmpuint (given, >, 0);
  g_assert_cmpuint (given, <, 300);
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (board_column (&b, 0)),
                                            GTK_TYPE_LABEL, "300"));
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (list_view), GTK_TYPE_LABEL,
                                            "Task 000"));
  g_assert_true (sb_ui_test_wait_until (list_has_every_task, list_view, 3000));
  board_close (&b);

  /* Focusing the last card before the list has it gives the list every task first. */
  board_open (&b, fixture, project_id);
  list_view = sb_board_column_get_list_view (board_column (&b, 0));
  g_assert_false (list_has_every_task (list_view));
  last = sb_test_get_task (fixture->ws, last_id);
  sb_board_view_focus_task (b.view, last);
  g_assert_true (list_has_every_task (list_view));
  assert_focus_on (&b, last_id);
  board_close (&b);
}

/* Another process deletes tasks behind the open board: the cards of the gone tasks are blank
 * stand-ins for a moment (no warning, no stray text), then the board reads its columns again
 * and the view follows. */
static void
test_another_writer (SbTestFixture *fixture,
                     gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  g_autoptr(SbDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  LabelQuery query = { NULL, "250" };
  GtkListView *list_view;
  Board b = { 0 };

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("Task %03u", i);

      sb_test_create_task (fixture->ws, project_id, title, 0);
    }
  board_open (&b, fixture, project_id);
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (board_column (&b, 0)),
                                            GTK_TYPE_LABEL, "300"));

  other = sb_database_open (fixture->path, &error);
  g_assert_no_error (error);
  sb_test_exec (sb_database_get_handle (other),
                "UPDATE tasks SET deleted_at = 1 WHERE title GLOB 'Task 2[0-4]?'");

  /* Scrolling to the end reads past the first chunk, which notices the change. The list view
   * is given its tasks over the first frames; scroll once it has all of them. */
  list_view = sb_board_column_get_list_view (board_column (&b, 0));
  g_assert_true (sb_ui_test_wait_until (list_has_every_task, list_view, 3000));
  gtk_widget_activate_action (GTK_WIDGET (list_view), "list.scroll-to-item", "u", 299);
  query.root = GTK_WIDGET (board_column (&b, 0));
  g_assert_true (sb_ui_test_wait_until (label_shown, &query, 3000));
  sb_ui_test_spin (100);
  g_assert_null (sb_ui_test_find_widget (GTK_WIDGET (b.view), GTK_TYPE_LABEL, "Task 249"));
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (b.view), GTK_TYPE_LABEL, "Task 299"));

  board_close (&b);
}

/* A board that looks used: stories, assignees, every priority, due dates (some past),
 * comments, and cards in every column. */
static gint64
create_demo_project (SbTestFixture *fixture)
{
  static const char *titles[] = {
    "Sketch the landing page", "Pick a font pairing", "Write the pricing copy",
    "Fix login on Safari", "Set up continuous integration", "Compress hero images",
    "Accessibility audit of the sign-up form", "Translate the footer", "Cookie banner",
    "Dark style for the dashboard", "Newsletter sign-up endpoint", "404 page",
    "Load test the search API", "Move DNS to the new host", "Review analytics events",
    "Update the privacy policy", "Blog index pagination", "Keyboard shortcuts help",
    "Replace the carousel", "Fix the broken RSS feed", "Optimise web fonts loading",
    "Customer quotes section", "Write release notes", "Favicon in every size",
    "Check contrast ratios", "Remove unused CSS", "Contact form spam filter",
    "Press kit download", "Sitemap generation", "Social preview images",
  };
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 column_ids[SB_TEST_N_COLUMNS];
  gint64 stories[3];
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();

  sb_test_get_column_ids (fixture->ws, project_id, column_ids);
  stories[0] = sb_test_create_story (fixture->ws, project_id, "Checkout", NULL, 5);
  stories[1] = sb_test_create_story (fixture->ws, project_id, "Sign-in", NULL, 3);
  stories[2] = sb_test_create_story (fixture->ws, project_id, "Launch", NULL, 8);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      SbTaskDraft draft = SB_TASK_DRAFT_INIT;
      g_autoptr(GDateTime) due = g_date_time_add_days (today, (int) (i % 7) * 5 - 12);
      g_autofree char *due_text = g_date_time_format (due, "%Y-%m-%d");
      gint64 id;

      draft.title = titles[i];
      draft.column_id = column_ids[(i * 7) % 11 % SB_TEST_N_COLUMNS];
      draft.priority = (SbPriority) ((i * 5) % 4);
      draft.story_id = i % 4 < 3 ? stories[i % 4] : 0;
      draft.assignee_id = i % 3 == 0 ? fixture->manager_id
                          : i % 3 == 1 ? fixture->member_id : 0;
      draft.due_date = i % 2 == 0 ? due_text : NULL;
      id = sb_test_create_task_from_draft (fixture->ws, project_id, &draft);
      for (guint k = 0; k < i % 4; k++)
        sb_test_add_comment (fixture->ws, id, "Looks good to me.");
    }
  return project_id;
}

static void
test_screenshots (SbTestFixture *fixture,
                  gconstpointer  user_data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = NULL;
  g_autofree char *dark = NULL;
  g_autofree char *narrow = NULL;
  gint64 project_id = create_demo_project (fixture);
  Board b = { 0 };

  board_open (&b, fixture, project_id);
  sb_ui_test_spin (200);
  light = sb_ui_test_screenshot (GTK_WIDGET (b.window), "board-view");
  g_assert_true (g_file_test (light, G_FILE_TEST_EXISTS));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  sb_ui_test_spin (200);
  dark = sb_ui_test_screenshot (GTK_WIDGET (b.window), "board-view-dark");
  g_assert_true (g_file_test (dark, G_FILE_TEST_EXISTS));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  board_close (&b);

  /* At 360 px the columns keep their width and scroll sideways. */
  board_open_sized (&b, fixture, project_id, 360, 640);
  sb_ui_test_spin (200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (b.window)), <=, 400);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (board_column (&b, 0))), >=, 300);
  narrow = sb_ui_test_screenshot (GTK_WIDGET (b.window), "board-view-narrow");
  board_close (&b);
}

int
main (int    argc,
      char **argv)
{
  sb_ui_test_init (&argc, &argv);

  sb_test_add ("/ui/board/columns-and-counts", test_columns_and_counts);
  sb_test_add ("/ui/board/drop-to-other-column", test_drop_to_other_column);
  sb_test_add ("/ui/board/drop-within-column", test_drop_within_column);
#ifdef SB_TEST_HAVE_XTEST
  sb_test_add ("/ui/board/pointer-drag", test_pointer_drag);
#endif
  sb_test_add ("/ui/board/keyboard-moves", test_keyboard_moves);
  sb_test_add ("/ui/board/move-to-menu", test_move_to_menu);
  sb_test_add ("/ui/board/open-task", test_open_task);
  sb_test_add ("/ui/board/delete-as-member", test_delete_as_member);
  sb_test_add ("/ui/board/delete-as-manager-and-undo", test_delete_as_manager_and_undo);
  sb_test_add ("/ui/board/add-task", test_add_task);
  sb_test_add ("/ui/board/card-follows-task", test_card_follows_task);
  sb_test_add ("/ui/board/story-filter", test_story_filter);
  sb_test_add ("/ui/board/drop-indicator-and-autoscroll", test_drop_indicator_and_autoscroll);
  sb_test_add ("/ui/board/another-writer", test_another_writer);
  sb_test_add ("/ui/board/rows-over-frames", test_rows_over_frames);
  sb_test_add ("/ui/board/screenshots", test_screenshots);

  return g_test_run ();
}
