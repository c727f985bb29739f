/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* How fast the board is with many tasks: the model against plain sqlite3 calls doing the same
 * work on the same file. A benchmark, not a test: it prints figures and asserts nothing about
 * time (only that the calls succeed).
 *
 *   bench-board [--profile] [--keep] [SIZE…]      (sizes default to 1000 10000 100000)
 *
 * Each size runs in its own forked process, so that its peak RSS (VmHWM) is its own. The
 * database is built quickly: the project, its members and stories through the workspace, then
 * the tasks (spread evenly over the four columns) with raw SQL in one transaction. Then, in the
 * model and bare: opening the board (the columns, their counts and the first 50 cards of each),
 * moving cards (the same random sequence for both), adding a task at the top of a column; the
 * model alone also lists the stories with their progress and filters the board by a story.
 * --profile adds a breakdown of the model's time per SQL statement (sqlite3_trace_v2); --keep
 * leaves the database files behind and prints where they are. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "sb-test-util.h"
#include "sb-workspace-private.h"

#define N_COLUMNS       SB_TEST_N_COLUMNS
#define N_STORIES       10
#define N_OPENS         20
#define N_MOVES         1000
#define N_ADDS          100
#define FIRST_CARDS     50      /* cards made per column when the board opens */
#define VISIBLE         200     /* moves pick among the first VISIBLE cards and places */
#define RANK_STEP       1024.0
#define MOVE_SEED       4242
#define PHASE_BUDGET_NS (60 * G_GINT64_CONSTANT (1000000000))

#define TARGET_SIZE     100000
#define TARGET_OPEN_MS  20.0
#define TARGET_MOVE_MS  1.0
#define TARGET_RATIO    2.0

typedef struct
{
  guint src_column;
  guint src_position;
  guint dst_column;
  guint dst_position;
} PlannedMove;

typedef struct
{
  guint        n_tasks;
  guint        n_deleted;
  guint        n_comments;
  gboolean     profile;
  char        *dir;
  char        *path;
  SbDatabase  *db;
  SbWorkspace *ws;
  sqlite3     *bare;
  gint64       manager_id;
  gint64       member_id;
  gint64       project_id;
  gint64       column_ids[N_COLUMNS];
  gint64       story_ids[N_STORIES];
  GArray      *plan;    /* of PlannedMove */
} Bench;

/* The figures of one phase, in nanoseconds per operation. */
typedef struct
{
  GArray *samples;      /* of gint64 */
  guint   wanted;
} Timings;

/* Per SQL text: how often it ran and for how long (--profile). */
typedef struct
{
  guint  count;
  gint64 ns;
} StatementTime;

static gboolean keep_database;    /* --keep: leave the files for a look with sqlite3 */
static GHashTable *profile_table;  /* SQL text → StatementTime*, while profiling */
static GHashTable *profile_starts; /* sqlite3_stmt* → start time in ns, of the running ones */

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                  */

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void
timings_init (Timings *timings,
              guint    wanted)
{
  timings->samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  timings->wanted = wanted;
}

static void
timings_clear (Timings *timings)
{
  g_clear_pointer (&timings->samples, g_array_unref);
}

static void
timings_add (Timings *timings,
             gint64   ns)
{
  g_array_append_val (timings->samples, ns);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The @fraction quantile in milliseconds (0.5 = median), NAN when there is no sample. */
static double
timings_quantile_ms (const Timings *timings,
                     double         fraction)
{
  g_autoptr(GArray) sorted = NULL;
  guint index;

  if (timings->samples->len == 0)
    return NAN;

  sorted = g_array_copy (timings->samples);
  g_array_sort (sorted, compare_int64);
  index = MIN ((guint) (fraction * sorted->len), sorted->len - 1);
  if (fraction == 0.5 && sorted->len % 2 == 0)
    return (g_array_index (sorted, gint64, sorted->len / 2 - 1) +
            g_array_index (sorted, gint64, sorted->len / 2)) / 2e6;
  return g_array_index (sorted, gint64, index) / 1e6;
}

static gboolean
over_budget (gint64 phase_start)
{
  return now_ns () - phase_start > PHASE_BUDGET_NS;
}

/* A field of /proc/self/status in KiB ("VmRSS", "VmHWM"), or -1. */
static gint64
read_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;
  gsize field_length = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, field_length) == 0 && lines[i][field_length] == ':')
      return g_ascii_strtoll (lines[i] + field_length + 1, NULL, 10);
  return -1;
}

/* Resets VmHWM to the current RSS (Linux ≥ 4.0), so that a forked child's peak is its own. */
static void
reset_peak_rss (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY);

  if (fd >= 0)
    {
      if (write (fd, "5", 1) != 1)
        g_printerr ("could not reset VmHWM: %s\n", g_strerror (errno));
      close (fd);
    }
}

static char *
format_count (guint n)
{
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *out = g_string_new (NULL);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static void
step_done (sqlite3      *handle,
           sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("cannot run “%s”: %s", sqlite3_sql (stmt), sqlite3_errmsg (handle));
  sqlite3_reset (stmt);
}

/* ---------------------------------------------------------------------------------------- */
/* Building the database                                                                    */

static const char * const verbs[] = {
  "Fix", "Design", "Review", "Write", "Test", "Refactor", "Document", "Measure", "Ship",
};
static const char * const things[] = {
  "the login page", "the task card", "drag and drop", "the search index", "the sync code",
  "keyboard navigation", "the release notes", "the onboarding flow", "the settings dialog",
  "the activity log", "dark mode", "the invite email",
};

static void
bench_create_project (Bench *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProject) project = NULL;

  b->manager_id = sb_test_signup (b->ws, "Dana Manager", "dana@example.org");
  b->member_id = sb_test_signup (b->ws, "Milo Member", "milo@example.org");
  _sb_workspace_sign_in_for_testing (b->ws, b->manager_id);

  project = sb_workspace_create_project (b->ws, "WEB", "Website redesign", "The new site",
                                         SB_PROJECT_STATUS_ACTIVE, b->manager_id,
                                         &b->member_id, 1, &error);
  g_assert_no_error (error);
  b->project_id = sb_project_get_id (project);

  for (guint i = 0; i < N_STORIES; i++)
    {
      g_autofree char *title = g_strdup_printf ("Story %u: %s %s", i + 1,
                                                verbs[i % G_N_ELEMENTS (verbs)],
                                                things[i % G_N_ELEMENTS (things)]);

      b->story_ids[i] = sb_test_create_story (b->ws, b->project_id, title, NULL,
                                              (int) (i % 8) + 1);
    }

  sb_test_get_column_ids (b->ws, b->project_id, b->column_ids);
}

/* The tasks, with raw SQL in one transaction on the model's connection: every fourth task in
 * each column, ranks RANK_STEP apart; a third assigned to each employee, some with a story,
 * a due date (some past), comments; a "created" activity row each. One task in 500 more is
 * deleted (kept for Undo), lying between the others. */
static void
bench_insert_tasks (Bench *b)
{
  sqlite3 *handle = sb_database_get_handle (b->db);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  sqlite3_stmt *next_number;
  sqlite3_stmt *task;
  sqlite3_stmt *activity;
  sqlite3_stmt *comment;
  sqlite3_stmt *bump;
  gint64 number;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint total;

  b->n_deleted = b->n_tasks / 500;
  total = b->n_tasks + b->n_deleted;

  sb_test_exec (handle, "BEGIN IMMEDIATE");

  next_number = sb_test_prepare (handle, "SELECT next_number FROM projects WHERE id = ?1");
  sqlite3_bind_int64 (next_number, 1, b->project_id);
  g_assert_cmpint (sqlite3_step (next_number), ==, SQLITE_ROW);
  number = sqlite3_column_int64 (next_number, 0);
  sqlite3_finalize (next_number);

  task = sb_test_prepare (handle,
                          "INSERT INTO tasks (project_id, number, column_id, rank, title,"
                          " description, story_id, assignee_id, priority, due_date, created_at,"
                          " updated_at, deleted_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12)");
  activity = sb_test_prepare (handle,
                              "INSERT INTO activity (project_id, task_id, actor_id, field,"
                              " created_at) VALUES (?1, ?2, ?3, 'created', ?4)");
  comment = sb_test_prepare (handle,
                             "INSERT INTO comments (task_id, author_id, body, created_at)"
                             " VALUES (?1, ?2, ?3, ?4)");

  for (guint i = 0; i < total; i++)
    {
      gboolean deleted = i >= b->n_tasks;
      guint slot = deleted ? (i - b->n_tasks) * 500 : i;   /* deleted ones lie among the rest */
      guint column = slot % N_COLUMNS;
      double rank = (slot / N_COLUMNS + 1) * RANK_STEP + (deleted ? RANK_STEP / 2 : 0);
      char title[128];
      gint64 created = now - (gint64) (total - i) * 60;
      gint64 task_id;

      g_snprintf (title, sizeof title, "%s %s (%u)", verbs[i % G_N_ELEMENTS (verbs)],
                  things[(i / 7) % G_N_ELEMENTS (things)], i + 1);

      sqlite3_bind_int64 (task, 1, b->project_id);
      sqlite3_bind_int64 (task, 2, number++);
      sqlite3_bind_int64 (task, 3, b->column_ids[column]);
      sqlite3_bind_double (task, 4, rank);
      sqlite3_bind_text (task, 5, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (task, 6, i % 4 == 0 ? "Steps to reproduce, notes and links, as a "
                         "real description would have them." : "", -1, SQLITE_STATIC);
      if (i % 13 < N_STORIES)
        sqlite3_bind_int64 (task, 7, b->story_ids[i % 13]);
      else
        sqlite3_bind_null (task, 7);
      if (i % 3 == 0)
        sqlite3_bind_int64 (task, 8, b->manager_id);
      else if (i % 3 == 1)
        sqlite3_bind_int64 (task, 8, b->member_id);
      else
        sqlite3_bind_null (task, 8);
      sqlite3_bind_int (task, 9, (int) (i % 4));
      if (i % 5 == 0)
        {
          g_autoptr(GDateTime) due = g_date_time_add_days (today, (int) ((i / 5) % 61) - 30);
          g_autofree char *text = g_date_time_format (due, "%Y-%m-%d");

          sqlite3_bind_text (task, 10, text, -1, SQLITE_TRANSIENT);
        }
      else
        {
          sqlite3_bind_null (task, 10);
        }
      sqlite3_bind_int64 (task, 11, created);
      if (deleted)
        sqlite3_bind_int64 (task, 12, now);
      else
        sqlite3_bind_null (task, 12);
      step_done (handle, task);
      task_id = sqlite3_last_insert_rowid (handle);

      sqlite3_bind_int64 (activity, 1, b->project_id);
      sqlite3_bind_int64 (activity, 2, task_id);
      sqlite3_bind_int64 (activity, 3, b->manager_id);
      sqlite3_bind_int64 (activity, 4, created);
      step_done (handle, activity);

      for (guint k = 0; i % 10 == 0 && k < 1 + i % 3; k++)
        {
          sqlite3_bind_int64 (comment, 1, task_id);
          sqlite3_bind_int64 (comment, 2, k % 2 == 0 ? b->member_id : b->manager_id);
          sqlite3_bind_text (comment, 3, "Looks good to me, one question inline.", -1,
                             SQLITE_STATIC);
          sqlite3_bind_int64 (comment, 4, created + 60);
          step_done (handle, comment);
          b->n_comments++;
        }
    }

  bump = sb_test_prepare (handle, "UPDATE projects SET next_number = ?2 WHERE id = ?1");
  sqlite3_bind_int64 (bump, 1, b->project_id);
  sqlite3_bind_int64 (bump, 2, number);
  step_done (handle, bump);

  sqlite3_finalize (task);
  sqlite3_finalize (activity);
  sqlite3_finalize (comment);
  sqlite3_finalize (bump);
  sb_test_exec (handle, "COMMIT");
  sb_test_exec (handle, "PRAGMA wal_checkpoint(TRUNCATE)");
}

static GArray *
plan_moves (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (MOVE_SEED);
  GArray *plan = g_array_sized_new (FALSE, FALSE, sizeof (PlannedMove), N_MOVES);

  for (guint i = 0; i < N_MOVES; i++)
    {
      PlannedMove move;

      move.src_column = g_rand_int_range (rand, 0, N_COLUMNS);
      move.src_position = g_rand_int_range (rand, 0, VISIBLE);
      move.dst_column = g_rand_int_range (rand, 0, N_COLUMNS);
      move.dst_position = g_rand_int_range (rand, 0, VISIBLE);
      g_array_append_val (plan, move);
    }
  return plan;
}

/* ---------------------------------------------------------------------------------------- */
/* The model                                                                                */

static void
profile_cb_free (gpointer data)
{
  g_free (data);
}

/* SQLite's own profile figure has a resolution of a millisecond or so: time each run of a
 * statement from its first step (TRACE_STMT) to its end (TRACE_PROFILE) ourselves. The time
 * includes what the model does between steps, e.g. making objects from rows. */
static int
profile_trace_cb (unsigned int  type,
                  void         *context,
                  void         *p,
                  void         *x)
{
  const char *sql = sqlite3_sql (p);
  StatementTime *time;
  gpointer start;

  if (profile_table == NULL || sql == NULL)
    return 0;

  if (type == SQLITE_TRACE_STMT)
    {
      /* Also reported for each trigger sub-program: keep the first start. */
      if (!g_hash_table_contains (profile_starts, p))
        g_hash_table_insert (profile_starts, p, GSIZE_TO_POINTER ((gsize) now_ns ()));
      return 0;
    }
  if (type != SQLITE_TRACE_PROFILE ||
      !g_hash_table_steal_extended (profile_starts, p, NULL, &start))
    return 0;

  time = g_hash_table_lookup (profile_table, sql);
  if (time == NULL)
    {
      time = g_new0 (StatementTime, 1);
      g_hash_table_insert (profile_table, g_strdup (sql), time);
    }
  time->count++;
  time->ns += now_ns () - (gint64) GPOINTER_TO_SIZE (start);
  return 0;
}

static void
profile_begin (Bench *b)
{
  profile_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, profile_cb_free);
  profile_starts = g_hash_table_new (NULL, NULL);
  sqlite3_trace_v2 (sb_database_get_handle (b->db), SQLITE_TRACE_STMT | SQLITE_TRACE_PROFILE,
                    profile_trace_cb, NULL);
}

static int
compare_statement_time (gconstpointer a,
                        gconstpointer b)
{
  const StatementTime *x = g_hash_table_lookup (profile_table, *(const char * const *) a);
  const StatementTime *y = g_hash_table_lookup (profile_table, *(const char * const *) b);

  return x->ns > y->ns ? -1 : x->ns < y->ns;
}

/* Prints where the time of @n_ops operations taking @wall_ns in all went. */
static void
profile_end (Bench      *b,
             const char *what,
             guint       n_ops,
             gint64      wall_ns)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  StatementTime *time;
  gint64 sql_ns = 0;

  sqlite3_trace_v2 (sb_database_get_handle (b->db), 0, NULL, NULL);

  g_hash_table_iter_init (&iter, profile_table);
  while (g_hash_table_iter_next (&iter, &key, (gpointer *) &time))
    {
      g_ptr_array_add (keys, key);
      sql_ns += time->ns;
    }
  g_ptr_array_sort (keys, compare_statement_time);

  printf ("  profile of %s (%u operations, traced): %.3f ms per operation, of which SQL "
          "%.3f ms (%.0f%%)\n", what, n_ops, wall_ns / 1e6 / n_ops, sql_ns / 1e6 / n_ops,
          wall_ns > 0 ? 100.0 * sql_ns / wall_ns : 0.0);
  for (guint i = 0; i < keys->len && i < 8; i++)
    {
      const char *sql = g_ptr_array_index (keys, i);
      g_autofree char *flat = g_strdup (sql);

      time = g_hash_table_lookup (profile_table, sql);
      g_strdelimit (flat, "\n\t", ' ');
      if (strlen (flat) > 200)
        strcpy (flat + 197, "...");
      printf ("    %8.3f ms/op %7.2f runs/op  %s\n", time->ns / 1e6 / n_ops,
              (double) time->count / n_ops, flat);
    }

  g_clear_pointer (&profile_table, g_hash_table_unref);
  g_clear_pointer (&profile_starts, g_hash_table_unref);
}

/* Opens the board and makes the first cards of each column, as the window does; returns the
 * time of sb_workspace_open_board() alone in @open_call_ns. */
static gint64
model_open_once (Bench  *b,
                 gint64 *open_call_ns)
{
  g_autoptr(GError) error = NULL;
  SbBoard *board;
  gint64 start = now_ns ();
  gint64 end;
  guint n_columns;

  board = sb_workspace_open_board (b->ws, b->project_id, &error);
  g_assert_no_error (error);
  *open_call_ns = now_ns () - start;

  n_columns = g_list_model_get_n_items (G_LIST_MODEL (board));
  g_assert_cmpuint (n_columns, ==, N_COLUMNS);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (G_LIST_MODEL (board), c);
      GListModel *tasks = sb_column_get_tasks (column);
      guint n_tasks = g_list_model_get_n_items (tasks);

      for (guint i = 0; i < n_tasks && i < FIRST_CARDS; i++)
        {
          SbTask *task = g_list_model_get_item (tasks, i);

          g_assert_true (SB_IS_TASK (task));
          g_object_unref (task);
        }
    }
  end = now_ns ();

  g_object_unref (board);
  return end - start;
}

static void
model_open (Bench   *b,
            Timings *opens,
            Timings *open_calls,
            guint    n)
{
  gint64 phase_start = now_ns ();
  gint64 open_call_ns;

  model_open_once (b, &open_call_ns);   /* warm-up */
  for (guint i = 0; i < n && !over_budget (phase_start); i++)
    {
      timings_add (opens, model_open_once (b, &open_call_ns));
      if (open_calls != NULL)
        timings_add (open_calls, open_call_ns);
    }
}

/* The stories page: every story of the project with its task and done counts. */
static void
model_list_stories (Bench   *b,
                    Timings *lists,
                    guint    n)
{
  gint64 phase_start = now_ns ();

  for (guint i = 0; i <= n && !over_budget (phase_start); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) stories = NULL;
      gint64 start = now_ns ();

      stories = sb_workspace_list_stories (b->ws, b->project_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (stories), ==, N_STORIES);
      if (i > 0)   /* the first is a warm-up */
        timings_add (lists, now_ns () - start);
    }
}

/* The board filtered by one story: set the filter on an open board (each column counts that
 * story's cards again) and make the first cards of each column. */
static void
model_filter_story (Bench   *b,
                    Timings *filters,
                    guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = sb_workspace_open_board (b->ws, b->project_id, &error);
  GListModel *stories;
  gint64 phase_start = now_ns ();

  g_assert_no_error (error);
  stories = sb_board_get_stories (board);
  for (guint i = 0; i <= n && !over_budget (phase_start); i++)
    {
      g_autoptr(SbStory) story = g_list_model_get_item (stories, i % N_STORIES);
      gint64 start = now_ns ();

      sb_board_set_story_filter (board, sb_story_get_id (story));
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          g_autoptr(SbColumn) column = g_list_model_get_item (G_LIST_MODEL (board), c);
          GListModel *tasks = sb_column_get_tasks (column);
          guint n_tasks = g_list_model_get_n_items (tasks);

          for (guint k = 0; k < n_tasks && k < FIRST_CARDS; k++)
            g_object_unref (g_list_model_get_item (tasks, k));
        }
      if (i > 0)
        timings_add (filters, now_ns () - start);
    }
}

static gint64
model_move_once (Bench             *b,
                 SbBoard           *board,
                 const PlannedMove *move)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbColumn) source = g_list_model_get_item (G_LIST_MODEL (board), move->src_column);
  g_autoptr(SbColumn) target = g_list_model_get_item (G_LIST_MODEL (board), move->dst_column);
  g_autoptr(SbTask) task = NULL;
  GListModel *tasks = sb_column_get_tasks (source);
  guint n_tasks = g_list_model_get_n_items (tasks);
  gint64 start;
  gint64 end;
  gboolean ok;

  if (n_tasks == 0)
    return -1;
  /* A card the person can see: one of the first ones of its column. */
  task = g_list_model_get_item (tasks, move->src_position % MIN (n_tasks, VISIBLE));

  start = now_ns ();
  ok = sb_board_move_task (board, task, target, move->dst_position, &error);
  end = now_ns ();
  g_assert_no_error (error);
  g_assert_true (ok);

  return end - start;
}

static void
model_move (Bench   *b,
            Timings *moves,
            guint    first,
            guint    n)
{
  g_autoptr(SbBoard) board = sb_test_open_board (b->ws, b->project_id);
  gint64 phase_start = now_ns ();

  for (guint i = first; i < first + n && !over_budget (phase_start); i++)
    {
      gint64 ns = model_move_once (b, board, &g_array_index (b->plan, PlannedMove, i % N_MOVES));

      if (ns >= 0)
        timings_add (moves, ns);
    }
}

static void
model_add (Bench   *b,
           Timings *adds,
           guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = sb_test_open_board (b->ws, b->project_id);
  gint64 phase_start = now_ns ();

  for (guint i = 0; i < n && !over_budget (phase_start); i++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (G_LIST_MODEL (board), i % N_COLUMNS);
      g_autofree char *title = g_strdup_printf ("Added by the model %u", i);
      g_autoptr(SbTask) task = NULL;
      gint64 start = now_ns ();

      task = sb_board_add_task (board, column, 0, title, &error);
      timings_add (adds, now_ns () - start);
      g_assert_no_error (error);
      g_assert_nonnull (task);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Bare sqlite3: the same work as naive code would write it, statements prepared each time  */

/* What a card shows. */
typedef struct
{
  gint64  id;
  gint64  number;
  char   *key;
  gint64  column_id;
  double  rank;
  char   *title;
  char   *description;
  gint64  story_id;
  gint64  story_number;
  char   *story_title;
  gint64  assignee_id;
  char   *assignee_name;
  char   *assignee_email;
  int     priority;
  char   *due_date;
  gboolean overdue;
  guint   comment_count;
  gint64  created_at;
  gint64  updated_at;
} BareCard;

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
bare_card_clear (BareCard *card)
{
  g_free (card->key);
  g_free (card->title);
  g_free (card->description);
  g_free (card->story_title);
  g_free (card->assignee_name);
  g_free (card->assignee_email);
  g_free (card->due_date);
}

static void
bare_connect (Bench *b)
{
  if (sqlite3_open_v2 (b->path, &b->bare, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL)
      != SQLITE_OK)
    g_error ("cannot open %s: %s", b->path, sqlite3_errmsg (b->bare));
  sqlite3_busy_timeout (b->bare, 5000);
  sb_test_exec (b->bare,
                "PRAGMA journal_mode = WAL;"
                "PRAGMA synchronous = NORMAL;"
                "PRAGMA foreign_keys = ON;"
                "PRAGMA temp_store = MEMORY;");
}

static gint64
bare_open_once (Bench *b)
{
  sqlite3 *db = b->bare;
  sqlite3_stmt *project;
  sqlite3_stmt *stories;
  sqlite3_stmt *columns;
  sqlite3_stmt *count;
  sqlite3_stmt *cards;
  gint64 start = now_ns ();
  gint64 column_ids[16];
  guint n_columns = 0;
  guint counts[16];
  gsize checksum = 0;

  sb_test_exec (db, "BEGIN");

  /* The header: the project and its manager. */
  project = sb_test_prepare (db, "SELECT p.key, p.name, p.description, p.status, e.name, e.email"
                             " FROM projects p JOIN employees e ON e.id = p.manager_id"
                             " WHERE p.id = ?1");
  sqlite3_bind_int64 (project, 1, b->project_id);
  g_assert_cmpint (sqlite3_step (project), ==, SQLITE_ROW);
  checksum += strlen ((const char *) sqlite3_column_text (project, 1));
  sqlite3_finalize (project);

  /* The story filter: the stories' keys and titles. */
  stories = sb_test_prepare (db, "SELECT id, number, title FROM stories WHERE project_id = ?1"
                             " ORDER BY number");
  sqlite3_bind_int64 (stories, 1, b->project_id);
  while (sqlite3_step (stories) == SQLITE_ROW)
    checksum += strlen ((const char *) sqlite3_column_text (stories, 2));
  sqlite3_finalize (stories);

  columns = sb_test_prepare (db, "SELECT id, name, position, is_done FROM columns"
                             " WHERE project_id = ?1 ORDER BY position");
  sqlite3_bind_int64 (columns, 1, b->project_id);
  while (sqlite3_step (columns) == SQLITE_ROW && n_columns < G_N_ELEMENTS (column_ids))
    column_ids[n_columns++] = sqlite3_column_int64 (columns, 0);
  sqlite3_finalize (columns);
  g_assert_cmpuint (n_columns, ==, N_COLUMNS);

  count = sb_test_prepare (db, "SELECT count(*) FROM tasks WHERE project_id = ?1 AND column_id = ?2"
                           " AND deleted_at IS NULL");
  cards = sb_test_prepare (db,
                           "SELECT t.id, t.number, p.key, t.column_id, t.rank, t.title,"
                           " t.description, t.story_id, s.number, s.title, t.assignee_id, e.name,"
                           " e.email, t.priority, t.due_date,"
                           " (t.due_date IS NOT NULL AND t.due_date < date('now', 'localtime')"
                           "  AND c.is_done = 0),"
                           " (SELECT count(*) FROM comments m WHERE m.task_id = t.id),"
                           " t.created_at, t.updated_at"
                           " FROM tasks t JOIN projects p ON p.id = t.project_id"
                           " JOIN columns c ON c.id = t.column_id"
                           " LEFT JOIN stories s ON s.id = t.story_id"
                           " LEFT JOIN employees e ON e.id = t.assignee_id"
                           " WHERE t.project_id = ?1 AND t.column_id = ?2 AND t.deleted_at IS NULL"
                           " ORDER BY t.rank LIMIT ?3");

  for (guint c = 0; c < n_columns; c++)
    {
      BareCard batch[FIRST_CARDS];
      guint n_cards = 0;

      sqlite3_reset (count);
      sqlite3_bind_int64 (count, 1, b->project_id);
      sqlite3_bind_int64 (count, 2, column_ids[c]);
      g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
      counts[c] = sqlite3_column_int (count, 0);

      sqlite3_reset (cards);
      sqlite3_bind_int64 (cards, 1, b->project_id);
      sqlite3_bind_int64 (cards, 2, column_ids[c]);
      sqlite3_bind_int (cards, 3, FIRST_CARDS);
      while (sqlite3_step (cards) == SQLITE_ROW && n_cards < FIRST_CARDS)
        {
          BareCard *card = &batch[n_cards++];

          card->id = sqlite3_column_int64 (cards, 0);
          card->number = sqlite3_column_int64 (cards, 1);
          card->key = dup_column_text (cards, 2);
          card->column_id = sqlite3_column_int64 (cards, 3);
          card->rank = sqlite3_column_double (cards, 4);
          card->title = dup_column_text (cards, 5);
          card->description = dup_column_text (cards, 6);
          card->story_id = sqlite3_column_int64 (cards, 7);
          card->story_number = sqlite3_column_int64 (cards, 8);
          card->story_title = dup_column_text (cards, 9);
          card->assignee_id = sqlite3_column_int64 (cards, 10);
          card->assignee_name = dup_column_text (cards, 11);
          card->assignee_email = dup_column_text (cards, 12);
          card->priority = sqlite3_column_int (cards, 13);
          card->due_date = dup_column_text (cards, 14);
          card->overdue = sqlite3_column_int (cards, 15);
          card->comment_count = sqlite3_column_int (cards, 16);
          card->created_at = sqlite3_column_int64 (cards, 17);
          card->updated_at = sqlite3_column_int64 (cards, 18);
        }
      g_assert_cmpuint (n_cards, ==, MIN (counts[c], FIRST_CARDS));
      for (guint i = 0; i < n_cards; i++)
        {
          checksum += strlen (batch[i].title);
          bare_card_clear (&batch[i]);
        }
    }
  sqlite3_finalize (count);
  sqlite3_finalize (cards);

  sb_test_exec (db, "COMMIT");
  g_assert_cmpuint (checksum, >, 0);

  return now_ns () - start;
}

static void
bare_open (Bench   *b,
           Timings *opens)
{
  gint64 phase_start = now_ns ();

  bare_open_once (b);   /* warm-up */
  for (guint i = 0; i < opens->wanted && !over_budget (phase_start); i++)
    timings_add (opens, bare_open_once (b));
}

static char *
bare_column_name (sqlite3 *db,
                  gint64   column_id)
{
  sqlite3_stmt *stmt = sb_test_prepare (db, "SELECT name FROM columns WHERE id = ?1");
  char *name;

  sqlite3_bind_int64 (stmt, 1, column_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  name = dup_column_text (stmt, 0);
  sqlite3_finalize (stmt);
  return name;
}

/* The rank for a task put at *@position of @column_id, not counting @task_id; past the end,
 * *@position becomes the end. */
static double
bare_rank_at (Bench  *b,
              gint64  column_id,
              gint64  task_id,
              guint  *position_inout)
{
  guint position = *position_inout;
  sqlite3 *db = b->bare;
  sqlite3_stmt *neighbours;
  double ranks[2];
  guint n = 0;

  neighbours = sb_test_prepare (db, "SELECT rank FROM tasks"
                                " WHERE project_id = ?1 AND column_id = ?2"
                                " AND deleted_at IS NULL AND id != ?3"
                                " ORDER BY rank LIMIT 2 OFFSET ?4");
  sqlite3_bind_int64 (neighbours, 1, b->project_id);
  sqlite3_bind_int64 (neighbours, 2, column_id);
  sqlite3_bind_int64 (neighbours, 3, task_id);
  sqlite3_bind_int (neighbours, 4, position == 0 ? 0 : (int) position - 1);
  while (n < 2 && sqlite3_step (neighbours) == SQLITE_ROW)
    ranks[n++] = sqlite3_column_double (neighbours, 0);
  sqlite3_finalize (neighbours);

  if (position == 0)
    return n > 0 ? ranks[0] - RANK_STEP : RANK_STEP;
  if (n == 2)
    return (ranks[0] + ranks[1]) / 2;
  if (n == 1)
    return ranks[0] + RANK_STEP;

  /* Past the end: after the last one. */
  neighbours = sb_test_prepare (db, "SELECT max(rank), count(*) FROM tasks WHERE project_id = ?1"
                                " AND column_id = ?2 AND deleted_at IS NULL AND id != ?3");
  sqlite3_bind_int64 (neighbours, 1, b->project_id);
  sqlite3_bind_int64 (neighbours, 2, column_id);
  sqlite3_bind_int64 (neighbours, 3, task_id);
  g_assert_cmpint (sqlite3_step (neighbours), ==, SQLITE_ROW);
  ranks[0] = sqlite3_column_type (neighbours, 0) == SQLITE_NULL
             ? 0 : sqlite3_column_double (neighbours, 0);
  *position_inout = sqlite3_column_int (neighbours, 1);
  sqlite3_finalize (neighbours);
  return ranks[0] + RANK_STEP;
}

static void
bare_insert_activity (Bench      *b,
                      gint64      task_id,
                      const char *field,
                      const char *old_value,
                      const char *new_value,
                      gint64      now)
{
  sqlite3_stmt *stmt = sb_test_prepare (b->bare,
                                        "INSERT INTO activity (project_id, task_id, actor_id,"
                                        " field, old_value, new_value, created_at)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");

  sqlite3_bind_int64 (stmt, 1, b->project_id);
  sqlite3_bind_int64 (stmt, 2, task_id);
  sqlite3_bind_int64 (stmt, 3, b->manager_id);
  sqlite3_bind_text (stmt, 4, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, old_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, new_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, now);
  step_done (b->bare, stmt);
  sqlite3_finalize (stmt);
}

/* The same logical move as sb_board_move_task(): the neighbours' ranks at that place, the
 * update, one activity row ("column", or "position" when the place changed), one transaction. */
static void
bare_move_task (Bench  *b,
                gint64  task_id,
                gint64  column_id,
                guint   position)
{
  sqlite3 *db = b->bare;
  sqlite3_stmt *stmt;
  gint64 old_column_id;
  double old_rank;
  double rank;
  guint old_position = 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  sb_test_exec (db, "BEGIN IMMEDIATE");

  stmt = sb_test_prepare (db, "SELECT column_id, rank FROM tasks"
                          " WHERE id = ?1 AND deleted_at IS NULL");
  sqlite3_bind_int64 (stmt, 1, task_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  old_column_id = sqlite3_column_int64 (stmt, 0);
  old_rank = sqlite3_column_double (stmt, 1);
  sqlite3_finalize (stmt);

  rank = bare_rank_at (b, column_id, task_id, &position);

  if (old_column_id == column_id)
    {
      /* A reorder: the old and new places (1-based) go into the activity row. */
      stmt = sb_test_prepare (db, "SELECT count(*) FROM tasks"
                              " WHERE project_id = ?1 AND column_id = ?2"
                              " AND deleted_at IS NULL AND rank < ?3");
      sqlite3_bind_int64 (stmt, 1, b->project_id);
      sqlite3_bind_int64 (stmt, 2, column_id);
      sqlite3_bind_double (stmt, 3, old_rank);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      old_position = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
    }

  if (old_column_id != column_id || old_position != position)
    {

      stmt = sb_test_prepare (db, "UPDATE tasks SET column_id = ?2, rank = ?3, updated_at = ?4"
                              " WHERE id = ?1");
      sqlite3_bind_int64 (stmt, 1, task_id);
      sqlite3_bind_int64 (stmt, 2, column_id);
      sqlite3_bind_double (stmt, 3, rank);
      sqlite3_bind_int64 (stmt, 4, now);
      step_done (db, stmt);
      sqlite3_finalize (stmt);

      if (old_column_id != column_id)
        {
          g_autofree char *old_name = bare_column_name (db, old_column_id);
          g_autofree char *new_name = bare_column_name (db, column_id);

          bare_insert_activity (b, task_id, "column", old_name, new_name, now);
        }
      else
        {
          char old_text[16];
          char new_text[16];

          g_snprintf (old_text, sizeof old_text, "%u", old_position + 1);
          g_snprintf (new_text, sizeof new_text, "%u", position + 1);
          bare_insert_activity (b, task_id, "position", old_text, new_text, now);
        }
    }

  sb_test_exec (db, "COMMIT");
}

/* The card at @position of column @column_id (what the person sees there), untimed. */
static gint64
bare_visible_task (Bench  *b,
                   gint64  column_id,
                   guint   position)
{
  sqlite3_stmt *stmt = sb_test_prepare (b->bare,
                                        "SELECT id FROM tasks"
                                        " WHERE project_id = ?1 AND column_id = ?2"
                                        " AND deleted_at IS NULL ORDER BY rank LIMIT ?3");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;

  sqlite3_bind_int64 (stmt, 1, b->project_id);
  sqlite3_bind_int64 (stmt, 2, column_id);
  sqlite3_bind_int (stmt, 3, VISIBLE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);

  if (ids->len == 0)
    return 0;
  return g_array_index (ids, gint64, position % ids->len);
}

static void
bare_move (Bench   *b,
           Timings *moves)
{
  gint64 phase_start = now_ns ();

  for (guint i = 0; i < moves->wanted && !over_budget (phase_start); i++)
    {
      const PlannedMove *move = &g_array_index (b->plan, PlannedMove, i);
      gint64 task_id = bare_visible_task (b, b->column_ids[move->src_column], move->src_position);
      gint64 start;

      if (task_id == 0)
        continue;
      start = now_ns ();
      bare_move_task (b, task_id, b->column_ids[move->dst_column], move->dst_position);
      timings_add (moves, now_ns () - start);
    }
}

/* The same as sb_board_add_task() at the top of a column: the next number, a rank before the
 * first card, the row and its "created" activity, one transaction. */
static void
bare_add_task (Bench      *b,
               gint64      column_id,
               const char *title)
{
  sqlite3 *db = b->bare;
  sqlite3_stmt *stmt;
  gint64 number;
  double rank;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  sb_test_exec (db, "BEGIN IMMEDIATE");

  stmt = sb_test_prepare (db, "UPDATE projects SET next_number = next_number + 1 WHERE id = ?1"
                          " RETURNING next_number - 1");
  sqlite3_bind_int64 (stmt, 1, b->project_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  number = sqlite3_column_int64 (stmt, 0);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  rank = bare_rank_at (b, column_id, 0, &(guint) { 0 });

  stmt = sb_test_prepare (db, "INSERT INTO tasks (project_id, number, column_id, rank, title,"
                          " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
  sqlite3_bind_int64 (stmt, 1, b->project_id);
  sqlite3_bind_int64 (stmt, 2, number);
  sqlite3_bind_int64 (stmt, 3, column_id);
  sqlite3_bind_double (stmt, 4, rank);
  sqlite3_bind_text (stmt, 5, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, now);
  step_done (db, stmt);
  sqlite3_finalize (stmt);

  bare_insert_activity (b, sqlite3_last_insert_rowid (db), "created", NULL, NULL, now);

  sb_test_exec (db, "COMMIT");
}

static void
bare_add (Bench   *b,
          Timings *adds)
{
  gint64 phase_start = now_ns ();

  for (guint i = 0; i < adds->wanted && !over_budget (phase_start); i++)
    {
      g_autofree char *title = g_strdup_printf ("Added bare %u", i);
      gint64 start = now_ns ();

      bare_add_task (b, b->column_ids[i % N_COLUMNS], title);
      timings_add (adds, now_ns () - start);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Reporting                                                                                */

static void
print_row (const char    *metric,
           const Timings *model,
           const Timings *bare,
           double         fraction)
{
  double m = timings_quantile_ms (model, fraction);
  double s = bare != NULL ? timings_quantile_ms (bare, fraction) : NAN;
  g_autofree char *label = NULL;
  g_autofree char *bare_text = NULL;
  g_autofree char *ratio_text = NULL;

  if (fraction == 0.5)
    label = g_strdup_printf ("%s (median of %u)", metric, model->samples->len);
  else
    label = g_strdup_printf ("  %s p%.0f", metric, fraction * 100);
  if (model->samples->len < model->wanted)
    {
      g_autofree char *cut = g_strdup_printf ("%s [time budget: %u of %u]", label,
                                              model->samples->len, model->wanted);

      g_free (label);
      label = g_steal_pointer (&cut);
    }

  bare_text = isnan (s) ? g_strdup ("") : g_strdup_printf ("%9.3f ms", s);
  ratio_text = isnan (s) || s <= 0 ? g_strdup ("") : g_strdup_printf ("%7.2f×", m / s);
  printf ("%-46s %9.3f ms  %12s  %10s\n", label, m, bare_text, ratio_text);
}

static void
print_target (const char *what,
              double      value,
              const char *unit,
              double      limit)
{
  printf ("  %-34s %9.3f %-3s  (≤ %g)  %s\n", what, value, unit, limit,
          !isnan (value) && value <= limit ? "PASS" : "MISS");
}

/* ---------------------------------------------------------------------------------------- */
/* One size, in its own process                                                             */

static int
run_size (guint    n_tasks,
          gboolean profile)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count_text = format_count (n_tasks);
  Bench bench = { 0, };
  Bench *b = &bench;
  Timings model_opens, model_open_calls, model_moves, model_adds, model_lists, model_filters;
  Timings bare_opens, bare_moves, bare_adds;
  gint64 start;
  gint64 build_ns;
  gint64 rss_before, rss_after, model_rss_kib, bare_rss_kib, hwm_build, hwm_model;

  reset_peak_rss ();

  b->n_tasks = n_tasks;
  b->profile = profile;
  b->dir = sb_test_make_tmpdir ();
  b->path = g_build_filename (b->dir, "bench.db", NULL);
  b->plan = plan_moves ();

  start = now_ns ();
  b->db = sb_database_open (b->path, &error);
  g_assert_no_error (error);
  b->ws = sb_workspace_new (b->db);
  bench_create_project (b);
  bench_insert_tasks (b);
  build_ns = now_ns () - start;

  /* The build's peak is mostly Argon2id (64 MiB per signup): measure the board work alone,
   * on a fresh connection whose page cache is as cold as the bare one's will be. */
  hwm_build = read_status_kib ("VmHWM");
  g_clear_object (&b->ws);
  sb_database_close (b->db);
  g_clear_object (&b->db);
  reset_peak_rss ();
  b->db = sb_database_open (b->path, &error);
  g_assert_no_error (error);
  b->ws = sb_workspace_new (b->db);
  _sb_workspace_sign_in_for_testing (b->ws, b->manager_id);

  timings_init (&model_opens, N_OPENS);
  timings_init (&model_open_calls, N_OPENS);
  timings_init (&model_moves, N_MOVES);
  timings_init (&model_adds, N_ADDS);
  timings_init (&model_lists, N_OPENS);
  timings_init (&model_filters, N_OPENS);
  timings_init (&bare_opens, N_OPENS);
  timings_init (&bare_moves, N_MOVES);
  timings_init (&bare_adds, N_ADDS);

  /* The model first, alone in the process, for its RSS growth. */
  rss_before = read_status_kib ("VmRSS");
  model_open (b, &model_opens, &model_open_calls, N_OPENS);
  model_move (b, &model_moves, 0, N_MOVES);
  model_add (b, &model_adds, N_ADDS);
  model_list_stories (b, &model_lists, N_OPENS);
  model_filter_story (b, &model_filters, N_OPENS);
  rss_after = read_status_kib ("VmRSS");
  model_rss_kib = rss_after - rss_before;
  hwm_model = read_status_kib ("VmHWM");

  /* Then bare sqlite3 on its own connection, the model's being idle. */
  rss_before = read_status_kib ("VmRSS");
  bare_connect (b);
  bare_open (b, &bare_opens);
  bare_move (b, &bare_moves);
  bare_add (b, &bare_adds);
  rss_after = read_status_kib ("VmRSS");
  bare_rss_kib = rss_after - rss_before;

  printf ("\n== %s tasks: %u per column (+ %u deleted), %d stories, %u comments; "
          "built in %.2f s ==\n", count_text, n_tasks / N_COLUMNS, b->n_deleted, N_STORIES,
          b->n_comments, build_ns / 1e9);
  printf ("%-46s %12s  %12s  %10s\n", "metric", "model", "bare sqlite3", "model/bare");
  print_row ("open board", &model_opens, &bare_opens, 0.5);
  print_row ("open board", &model_opens, &bare_opens, 0.9);
  print_row ("  sb_workspace_open_board() alone", &model_open_calls, NULL, 0.5);
  print_row ("move a card", &model_moves, &bare_moves, 0.5);
  print_row ("move a card", &model_moves, &bare_moves, 0.9);
  print_row ("add a task at the top", &model_adds, &bare_adds, 0.5);
  print_row ("list stories with progress", &model_lists, NULL, 0.5);
  print_row ("filter the open board by a story", &model_filters, NULL, 0.5);
  printf ("%-46s %8.1f MiB  %8.1f MiB  %10s\n", "RSS growth during the phase",
          model_rss_kib / 1024.0, bare_rss_kib / 1024.0, "");
  printf ("%-46s %8.1f MiB  %12s\n", "peak RSS: the model phase (VmHWM)",
          hwm_model / 1024.0, "");
  printf ("%-46s %8.1f MiB  %12s\n", "peak RSS: the model and bare phases (VmHWM)",
          read_status_kib ("VmHWM") / 1024.0, "");
  printf ("%-46s %8.1f MiB  %12s\n", "peak RSS: the build, Argon2id signups incl.",
          hwm_build / 1024.0, "");

  if (n_tasks == TARGET_SIZE)
    {
      double open_ms = timings_quantile_ms (&model_opens, 0.5);
      double move_ms = timings_quantile_ms (&model_moves, 0.5);

      printf ("targets at 100 000 tasks (informational):\n");
      print_target ("open ≤ 20 ms", open_ms, "ms", TARGET_OPEN_MS);
      print_target ("open ≤ 2× bare", open_ms / timings_quantile_ms (&bare_opens, 0.5), "×",
                    TARGET_RATIO);
      print_target ("move ≤ 1 ms", move_ms, "ms", TARGET_MOVE_MS);
      print_target ("move ≤ 2× bare", move_ms / timings_quantile_ms (&bare_moves, 0.5), "×",
                    TARGET_RATIO);
    }

  if (profile)
    {
      Timings extra;
      gint64 wall;

      timings_init (&extra, 5);
      profile_begin (b);
      wall = now_ns ();
      model_open (b, &extra, NULL, 5);
      wall = now_ns () - wall;
      profile_end (b, "opening the board", extra.samples->len + 1, wall);
      timings_clear (&extra);

      timings_init (&extra, 200);
      profile_begin (b);
      wall = now_ns ();
      model_move (b, &extra, 0, 200);
      wall = now_ns () - wall;
      profile_end (b, "moving a card (with the board's own opening)", extra.samples->len, wall);
      timings_clear (&extra);
    }
  fflush (stdout);

  timings_clear (&model_opens);
  timings_clear (&model_open_calls);
  timings_clear (&model_moves);
  timings_clear (&model_adds);
  timings_clear (&model_lists);
  timings_clear (&model_filters);
  timings_clear (&bare_opens);
  timings_clear (&bare_moves);
  timings_clear (&bare_adds);

  sqlite3_close (b->bare);
  g_clear_object (&b->ws);
  sb_database_close (b->db);
  g_clear_object (&b->db);
  g_clear_pointer (&b->plan, g_array_unref);
  if (keep_database)
    printf ("kept %s\n", b->path);
  else
    sb_test_rm_rf (b->dir);
  g_free (b->dir);
  g_free (b->path);

  return 0;
}

int
main (int    argc,
      char **argv)
{
  static const guint default_sizes[] = { 1000, 10000, 100000 };
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean profile = FALSE;
  int failures = 0;

  for (int i = 1; i < argc; i++)
    {
      guint64 size;

      if (g_str_equal (argv[i], "--profile"))
        {
          profile = TRUE;
          continue;
        }
      if (g_str_equal (argv[i], "--keep"))
        {
          keep_database = TRUE;
          continue;
        }
      if (!g_ascii_string_to_unsigned (argv[i], 10, N_COLUMNS, 10000000, &size, NULL))
        {
          fprintf (stderr, "usage: %s [--profile] [--keep] [SIZE…]  "
                   "(sizes of %d to 10 000 000 tasks)\n", argv[0], N_COLUMNS);
          return 2;
        }
      g_array_append_vals (sizes, &(guint) { (guint) size }, 1);
    }
  if (sizes->len == 0)
    g_array_append_vals (sizes, default_sizes, G_N_ELEMENTS (default_sizes));

  printf ("Sprintboard board benchmark: the model (sb-model) against bare sqlite3 on the same "
          "file\nSQLite %s, GLib %u.%u.%u. Times are per operation; bare statements are "
          "prepared afresh each time,\nas naive code would. Open = open the board, count each "
          "column and make its first %d cards.\n", sqlite3_libversion (), glib_major_version,
          glib_minor_version, glib_micro_version, FIRST_CARDS);
  fflush (stdout);

  /* One process per size: its VmHWM is its own. Nothing in this process has started a
   * thread before the fork. */
  for (guint i = 0; i < sizes->len; i++)
    {
      guint size = g_array_index (sizes, guint, i);
      pid_t pid = fork ();
      int status = 0;

      if (pid < 0)
        {
          perror ("fork");
          return 1;
        }
      if (pid == 0)
        {
          int rc = run_size (size, profile);

          fflush (stdout);
          _exit (rc);
        }
      if (waitpid (pid, &status, 0) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
        {
          fprintf (stderr, "the run with %u tasks failed (status %d)\n", size, status);
          failures++;
        }
    }

  return failures == 0 ? 0 : 1;
}
