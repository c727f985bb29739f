/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* How the board view copes with a big board: a window showing a 10 000-task project. A
 * benchmark, not a test: it prints figures and asserts nothing about time.
 *
 *   bench-board-view [N_TASKS]      (default 10000)
 *
 * Needs a display (run it in the headless session: xvfb-run -a dbus-run-session -- meson test
 * -C _build-test --benchmark board-view). The tasks are inserted with plain SQL in one
 * transaction on the model's connection (3/10, 3/10, 2/10 and 2/10 of them in the four
 * columns; assignees, priorities, stories, due dates and comments on some). Then:
 *
 *   1. open: from before sb_workspace_open_board() and the window's creation to the end of
 *      the window's first frame (the frame clock's ::after-paint); then until every column has
 *      all the rows it keeps (its cards, or GTK's 200 odd), made a few a frame, with the
 *      longest time between two of those frames;
 *   2. scroll: the biggest column from top to bottom, half a page per frame (the vertical
 *      adjustment set from a tick callback), recording for each frame the time from the tick
 *      to ::after-paint (the frame's work: layout, binding new cards, drawing) and the time
 *      between two frames. Median, 95th percentile and maximum, in milliseconds. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "sb-board-view-private.h"
#include "sb-ui-test-util.h"

#define DEFAULT_TASKS 10000
#define MAX_FRAMES    50000
#define N_STORIES     5

typedef struct
{
  SbTestFixture  fixture;
  gint64         project_id;
  gint64         column_ids[SB_TEST_N_COLUMNS];
  gint64         story_ids[N_STORIES];
  guint          column_sizes[SB_TEST_N_COLUMNS];

  GtkWindow     *window;
  SbBoardView   *view;
  SbBoard       *board;

  gint64         first_paint;   /* µs, 0 until the first frame is drawn */

  /* The columns' rows, made over the frames after the first (SbBoardColumn) */
  gboolean       filling;
  gint64         fill_last_paint;
  double         fill_max_interval;  /* ms, the longest time between two of those frames */
  guint          fill_frames;

  /* Scrolling */
  GtkAdjustment *adjustment;
  gboolean       scrolling;
  gboolean       done;
  gint64         tick_time;     /* µs, when this frame's tick set the adjustment */
  gint64         last_paint;    /* µs, the previous scrolling frame's ::after-paint */
  GArray        *work;          /* of double, ms */
  GArray        *intervals;     /* of double, ms */
  guint          max_rows;      /* the most rows the list view held at once */
} Bench;

static void
step_done (sqlite3      *handle,
           sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("SQLite: %s", sqlite3_errmsg (handle));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
bench_fill (Bench *b,
            guint  n_tasks)
{
  sqlite3 *handle = sb_database_get_handle (b->fixture.db);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  static const guint shares[SB_TEST_N_COLUMNS] = { 3, 3, 2, 2 };
  sqlite3_stmt *task;
  sqlite3_stmt *comment;
  sqlite3_stmt *bump;
  gint64 number;
  guint i = 0;

  b->project_id = sb_test_create_project (&b->fixture, FALSE);
  sb_test_get_column_ids (b->fixture.ws, b->project_id, b->column_ids);
  for (guint s = 0; s < N_STORIES; s++)
    {
      g_autofree char *title = g_strdup_printf ("Story %u", s + 1);

      b->story_ids[s] = sb_test_create_story (b->fixture.ws, b->project_id, title, NULL, 3);
    }
  number = sb_test_query_int (b->fixture.db, "SELECT next_number FROM projects WHERE id = %"
                              G_GINT64_FORMAT, b->project_id);

  sb_test_exec (handle, "BEGIN IMMEDIATE");
  task = sb_test_prepare (handle,
                          "INSERT INTO tasks (project_id, number, column_id, rank, title,"
                          " story_id, assignee_id, priority, due_date, created_at, updated_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)");
  comment = sb_test_prepare (handle,
                             "INSERT INTO comments (task_id, author_id, body, created_at)"
                             " VALUES (?1, ?2, 'Looks good to me.', ?3)");

  for (guint c = 0; c < SB_TEST_N_COLUMNS; c++)
    {
      b->column_sizes[c] = c + 1 < SB_TEST_N_COLUMNS ? n_tasks * shares[c] / 10
                                                     : n_tasks - i;
      for (guint k = 0; k < b->column_sizes[c]; k++, i++)
        {
          g_autofree char *title = g_strdup_printf ("Task %u: %s", i + 1,
                                                    i % 3 == 0 ? "a longer title that wraps "
                                                    "onto a second line of the card" : "short");

          sqlite3_bind_int64 (task, 1, b->project_id);
          sqlite3_bind_int64 (task, 2, number++);
          sqlite3_bind_int64 (task, 3, b->column_ids[c]);
          sqlite3_bind_double (task, 4, (k + 1) * 1024.0);
          sqlite3_bind_text (task, 5, title, -1, SQLITE_TRANSIENT);
          if (i % 2 == 0)
            sqlite3_bind_int64 (task, 6, b->story_ids[i % N_STORIES]);
          if (i % 3 != 2)
            sqlite3_bind_int64 (task, 7, i % 3 == 0 ? b->fixture.manager_id
                                                    : b->fixture.member_id);
          sqlite3_bind_int (task, 8, (int) (i % 4));
          if (i % 5 == 0)
            {
              g_autoptr(GDateTime) due = g_date_time_add_days (today, (int) (i % 61) - 30);
              g_autofree char *text = g_date_time_format (due, "%Y-%m-%d");

              sqlite3_bind_text (task, 9, text, -1, SQLITE_TRANSIENT);
            }
          sqlite3_bind_int64 (task, 10, now);
          step_done (handle, task);

          if (i % 10 == 0)
            {
              sqlite3_bind_int64 (comment, 1, sqlite3_last_insert_rowid (handle));
              sqlite3_bind_int64 (comment, 2, b->fixture.member_id);
              sqlite3_bind_int64 (comment, 3, now);
              step_done (handle, comment);
            }
        }
    }

  bump = sb_test_prepare (handle, "UPDATE projects SET next_number = ?2 WHERE id = ?1");
  sqlite3_bind_int64 (bump, 1, b->project_id);
  sqlite3_bind_int64 (bump, 2, number);
  step_done (handle, bump);
  sqlite3_finalize (task);
  sqlite3_finalize (comment);
  sqlite3_finalize (bump);
  sb_test_exec (handle, "COMMIT");
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_figures (const char *what,
               GArray     *samples)
{
  guint n = samples->len;

  if (n == 0)
    {
      printf ("%-28s no samples\n", what);
      return;
    }
  g_array_sort (samples, compare_double);
  printf ("%-28s median %7.2f ms   p95 %7.2f ms   max %7.2f ms   (%u frames)\n", what,
          g_array_index (samples, double, n / 2),
          g_array_index (samples, double, MIN (n - 1, (guint) (n * 0.95))),
          g_array_index (samples, double, n - 1),
          n);
}

static guint
count_rows (GtkWidget *list_view)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list_view);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *b)
{
  gint64 now = g_get_monotonic_time ();

  if (b->first_paint == 0)
    b->first_paint = now;
  if (b->filling)
    {
      if (b->fill_last_paint != 0)
        b->fill_max_interval = MAX (b->fill_max_interval, (now - b->fill_last_paint) / 1000.0);
      b->fill_last_paint = now;
      b->fill_frames++;
    }
  if (!b->scrolling || b->tick_time == 0)
    return;

  {
    double work = (now - b->tick_time) / 1000.0;

    g_array_append_val (b->work, work);
  }
  /* Between two scrolling frames only, not from the idle time before the first. */
  if (b->last_paint != 0)
    {
      double interval = (now - b->last_paint) / 1000.0;

      g_array_append_val (b->intervals, interval);
    }
  b->tick_time = 0;
  b->last_paint = now;
}

static gboolean
scroll_tick (GtkWidget     *list_view,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  Bench *b = user_data;
  double value = gtk_adjustment_get_value (b->adjustment);
  double page = gtk_adjustment_get_page_size (b->adjustment);
  double upper = gtk_adjustment_get_upper (b->adjustment);

  b->max_rows = MAX (b->max_rows, count_rows (list_view));
  if (value + page >= upper || b->work->len >= MAX_FRAMES)
    {
      b->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  b->tick_time = g_get_monotonic_time ();
  gtk_adjustment_set_value (b->adjustment, value + page / 2);
  return G_SOURCE_CONTINUE;
}

/* Whether every column has as many rows as it will keep: all its cards, or GTK's 200 odd. */
static gboolean
rows_complete (gpointer data)
{
  Bench *b = data;

  for (guint c = 0; c < SB_TEST_N_COLUMNS; c++)
    {
      GtkWidget *list_view = GTK_WIDGET (sb_board_column_get_list_view (
        _sb_board_view_get_column_widget (b->view, b->column_ids[c])));

      if (count_rows (list_view) < MIN (b->column_sizes[c], 200))
        return FALSE;
    }
  return TRUE;
}

static gboolean
first_paint_done (gpointer data)
{
  return ((Bench *) data)->first_paint != 0;
}

static gboolean
scroll_done (gpointer data)
{
  return ((Bench *) data)->done;
}

int
main (int    argc,
      char **argv)
{
  Bench b = { 0 };
  guint n_tasks = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : DEFAULT_TASKS;
  g_autoptr(GError) error = NULL;
  SbBoardColumn *column;
  GtkWidget *list_view;
  GtkWidget *overlay;
  GdkFrameClock *clock;
  gint64 start;
  gint64 opened;
  gint64 fill_start;
  guint biggest = 0;

  /* The benchmark's own arguments are not GTest's. */
  argc = 1;
  sb_ui_test_init (&argc, &argv);
  if (n_tasks == 0)
    n_tasks = DEFAULT_TASKS;

  fill_start = g_get_monotonic_time ();
  sb_test_fixture_setup (&b.fixture, NULL);
  bench_fill (&b, n_tasks);
  printf ("board-view benchmark: %u tasks (columns %u / %u / %u / %u), filled in %.0f ms\n",
          n_tasks, b.column_sizes[0], b.column_sizes[1], b.column_sizes[2], b.column_sizes[3],
          (g_get_monotonic_time () - fill_start) / 1000.0);

  /* 1. From nothing to the first frame. */
  start = g_get_monotonic_time ();
  b.board = sb_workspace_open_board (b.fixture.ws, b.project_id, &error);
  g_assert_no_error (error);
  opened = g_get_monotonic_time ();

  b.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (b.window, 1280, 800);
  overlay = adw_toast_overlay_new ();
  b.view = SB_BOARD_VIEW (sb_board_view_new (b.board));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (b.view));
  gtk_window_set_child (b.window, overlay);
  gtk_window_present (b.window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (b.window));
  g_assert_nonnull (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &b);
  b.filling = TRUE;
  b.fill_last_paint = 0;
  g_assert_true (sb_ui_test_wait_until (first_paint_done, &b, 30000));

  printf ("renderer: %s\n",
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (b.window))));
  printf ("open board (model):          %7.2f ms\n", (opened - start) / 1000.0);
  printf ("start to first frame:        %7.2f ms\n", (b.first_paint - start) / 1000.0);
  for (guint c = 0; c < SB_TEST_N_COLUMNS; c++)
    printf ("rows in column %u after the first frame: %u\n", c,
            count_rows (GTK_WIDGET (sb_board_column_get_list_view (
              _sb_board_view_get_column_widget (b.view, b.column_ids[c])))));
  /* The rest of the rows, made a few a frame. */
  b.fill_frames = 0;
  g_assert_true (sb_ui_test_wait_until (rows_complete, &b, 30000));
  b.filling = FALSE;
  printf ("start to all rows made:      %7.2f ms, over %u more frames, the longest %.2f ms "
          "apart\n", (b.fill_last_paint - start) / 1000.0, b.fill_frames, b.fill_max_interval);

  /* 2. Scroll the biggest column end to end, half a page a frame. */
  for (guint c = 1; c < SB_TEST_N_COLUMNS; c++)
    if (b.column_sizes[c] > b.column_sizes[biggest])
      biggest = c;
  column = _sb_board_view_get_column_widget (b.view, b.column_ids[biggest]);
  list_view = GTK_WIDGET (sb_board_column_get_list_view (column));
  b.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  b.work = g_array_new (FALSE, FALSE, sizeof (double));
  b.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  sb_ui_test_spin (500);

  b.scrolling = TRUE;
  gtk_widget_add_tick_callback (list_view, scroll_tick, &b, NULL);
  g_assert_true (sb_ui_test_wait_until (scroll_done, &b, 600000));
  b.scrolling = FALSE;

  printf ("scrolled column %u (%u tasks) to %.0f of %.0f px\n", biggest,
          b.column_sizes[biggest],
          gtk_adjustment_get_value (b.adjustment) + gtk_adjustment_get_page_size (b.adjustment),
          gtk_adjustment_get_upper (b.adjustment));
  print_figures ("frame work (tick→painted):", b.work);
  print_figures ("frame interval:", b.intervals);
  printf ("rows alive in the list view:  at most %u\n", b.max_rows);

  g_clear_pointer (&b.work, g_array_unref);
  g_clear_pointer (&b.intervals, g_array_unref);
  gtk_window_destroy (b.window);
  sb_ui_test_spin (100);
  g_clear_object (&b.board);
  sb_test_fixture_teardown (&b.fixture, NULL);
  return EXIT_SUCCESS;
}
