/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* Several processes on one database file at the same time, as when two people share the file
 * on one machine (or the app runs twice). The test program re-runs itself as the children:
 * `test-concurrency --child=MODE,EMPLOYEE,PROJECT,SEED,N,TAG,PATH`. Each child opens the
 * file, signs in, writes "ready-TAG" and waits for "go", so that all start together. A writer
 * moves and creates tasks and writes what it did to "result-TAG"; a reader opens the board
 * again and again until "stop" appears. The parent then checks the file with plain SQL.
 *
 * A writer only ever moves its own tasks (the initial tasks whose number has the parity of its
 * tag, and the ones it created), so it knows where each of them must end up, while the two
 * writers still collide on every column and on the number sequence. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sb-test-util.h"
#include "sb-workspace-private.h"

#define N_COLUMNS          SB_TEST_N_COLUMNS
#define INITIAL_TASKS      200
#define HOT_COLUMN         1        /* "In Progress" */
#define START_TIMEOUT_US   (60 * G_USEC_PER_SEC)   /* children opening the file and getting ready */
#define RUN_TIMEOUT_US     (300 * G_USEC_PER_SEC)  /* whole run, well inside meson's 600 s */
#define READER_MAX_OPENS   100000
#define MAX_REPORTED       10       /* errors a child prints before it only counts them */
#define LOCK_HOLD_US       (2 * G_USEC_PER_SEC)    /* under the model's 5 s busy timeout */

typedef enum
{
  CHILD_MODE_WRITER,      /* creates at the end of random columns, moves anywhere */
  CHILD_MODE_HOT_WRITER,  /* inserts and moves just below the top of one column */
  CHILD_MODE_READER,      /* opens the board until told to stop */
} ChildMode;

typedef struct
{
  ChildMode   mode;
  gint64      employee_id;
  gint64      project_id;
  guint32     seed;
  guint       n_ops;
  guint       tag;
  const char *path;
} ChildArgs;

typedef struct
{
  gint64 id;
  gint64 column_id;
} OwnedTask;

/* What a child wrote to its result file. */
typedef struct
{
  guint   inserts;
  guint   cross_moves;    /* moves to another column: each must leave one "column" row */
  guint   same_moves;     /* reorders in the same column: at most one "position" row each */
  guint   errors;
  guint   opens;          /* readers */
  gint64  max_op_us;
  GArray *owned;          /* of OwnedTask: where each of the writer's tasks must be */
} ChildResult;

typedef struct
{
  GSubprocess *process;
  char        *name;
  char        *ready_path;
  char        *result_path;
  gboolean     exited;
} Child;

static char *self_exe;

/* ---------------------------------------------------------------------------------------- */
/* The children                                                                             */

static char *
child_file (const char *db_path,
            const char *what,
            guint       tag)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *name = tag == G_MAXUINT ? g_strdup (what) : g_strdup_printf ("%s-%u", what, tag);

  return g_build_filename (dir, name, NULL);
}

static gboolean
parse_child_args (const char *arg,
                  ChildArgs  *args)
{
  g_auto(GStrv) parts = g_strsplit (arg, ",", 7);

  if (g_strv_length (parts) != 7)
    return FALSE;

  if (g_str_equal (parts[0], "writer"))
    args->mode = CHILD_MODE_WRITER;
  else if (g_str_equal (parts[0], "hot"))
    args->mode = CHILD_MODE_HOT_WRITER;
  else if (g_str_equal (parts[0], "reader"))
    args->mode = CHILD_MODE_READER;
  else
    return FALSE;

  args->employee_id = g_ascii_strtoll (parts[1], NULL, 10);
  args->project_id = g_ascii_strtoll (parts[2], NULL, 10);
  args->seed = (guint32) g_ascii_strtoull (parts[3], NULL, 10);
  args->n_ops = (guint) g_ascii_strtoull (parts[4], NULL, 10);
  args->tag = (guint) g_ascii_strtoull (parts[5], NULL, 10);
  args->path = g_intern_string (parts[6]);

  return args->employee_id > 0 && args->project_id > 0 && args->path[0] != '\0';
}

static void
child_report (guint       *errors,
              const char  *what,
              GError      *error)
{
  (*errors)++;
  if (*errors > MAX_REPORTED)
    return;
  if (error != NULL)
    g_printerr ("child %d: %s failed: %s (%s %d)\n", (int) getpid (), what, error->message,
                g_quark_to_string (error->domain), error->code);
  else
    g_printerr ("child %d: %s failed\n", (int) getpid (), what);
}

static gboolean
child_wait_for_go (const char *go_path)
{
  gint64 deadline = g_get_monotonic_time () + START_TIMEOUT_US;

  while (!g_file_test (go_path, G_FILE_TEST_EXISTS))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (200);
    }
  return TRUE;
}

/* The initial tasks this writer owns: those whose number has the parity of its tag. */
static gboolean
child_load_owned (SbDatabase      *db,
                  const ChildArgs *args,
                  GArray          *owned)
{
  sqlite3 *handle = sb_database_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT id, column_id FROM tasks WHERE project_id = ?1 "
                           "AND deleted_at IS NULL AND number % 2 = ?2 ORDER BY number",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_printerr ("child: cannot read the tasks: %s\n", sqlite3_errmsg (handle));
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, args->project_id);
  sqlite3_bind_int (stmt, 2, args->tag % 2);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OwnedTask task = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (owned, task);
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE;
}

static guint
column_index (const gint64 *column_ids,
              gint64        column_id)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (column_ids[i] == column_id)
      return i;
  g_assert_not_reached ();
}

static void
child_create (SbWorkspace     *ws,
              const ChildArgs *args,
              GRand           *rand,
              const gint64    *column_ids,
              GArray          *owned,
              ChildResult     *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;
  g_autofree char *title = g_strdup_printf ("child %u insert %u", args->tag, result->inserts);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  draft.title = title;
  if (args->mode == CHILD_MODE_HOT_WRITER)
    {
      draft.column_id = column_ids[HOT_COLUMN];
      /* Always just after the first card: each insert halves the gap there, until the
       * doubles run out and the model respaces the column. */
      task = sb_workspace_insert_task (ws, args->project_id, &draft, 1, &error);
    }
  else
    {
      draft.column_id = column_ids[g_rand_int_range (rand, 0, N_COLUMNS)];
      draft.priority = g_rand_int_range (rand, SB_PRIORITY_LOW, SB_PRIORITY_CRITICAL + 1);
      task = sb_workspace_create_task (ws, args->project_id, &draft, &error);
    }

  if (task == NULL)
    {
      child_report (&result->errors, "creating a task", error);
      return;
    }
  if (sb_task_get_column_id (task) != draft.column_id ||
      g_strcmp0 (sb_task_get_title (task), title) != 0)
    {
      child_report (&result->errors, "creating a task (wrong task returned)", NULL);
      return;
    }

  {
    OwnedTask mine = { sb_task_get_id (task), draft.column_id };

    g_array_append_val (owned, mine);
  }
  result->inserts++;
}

static void
child_move (SbWorkspace     *ws,
            const ChildArgs *args,
            GRand           *rand,
            const gint64    *column_ids,
            GArray          *owned,
            ChildResult     *result)
{
  g_autoptr(GError) error = NULL;
  OwnedTask *task = &g_array_index (owned, OwnedTask, g_rand_int_range (rand, 0, owned->len));
  guint current = column_index (column_ids, task->column_id);
  guint target;
  guint position;
  gboolean cross;

  if (args->mode == CHILD_MODE_HOT_WRITER)
    {
      /* Into the top of the hot column, out of it, or around its first places (never the
       * very first, which would open a wide gap again). */
      if (current != HOT_COLUMN)
        {
          target = HOT_COLUMN;
          position = g_rand_int_range (rand, 1, 3);
        }
      else if (g_rand_boolean (rand))
        {
          target = (HOT_COLUMN + g_rand_int_range (rand, 1, N_COLUMNS)) % N_COLUMNS;
          position = 0;
        }
      else
        {
          target = HOT_COLUMN;
          position = g_rand_int_range (rand, 1, 4);
        }
    }
  else
    {
      if (g_rand_int_range (rand, 0, 100) < 75)
        target = (current + g_rand_int_range (rand, 1, N_COLUMNS)) % N_COLUMNS;
      else
        target = current;
      position = g_rand_int_range (rand, 0, 150);
    }
  cross = target != current;

  if (!sb_workspace_move_task (ws, task->id, column_ids[target], position, &error))
    {
      child_report (&result->errors, "moving a task", error);
      return;
    }

  task->column_id = column_ids[target];
  if (cross)
    result->cross_moves++;
  else
    result->same_moves++;
}

static void
child_run_writer (SbWorkspace     *ws,
                  const ChildArgs *args,
                  const gint64    *column_ids,
                  GArray          *owned,
                  ChildResult     *result)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (args->seed);

  for (guint i = 0; i < args->n_ops; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (owned->len == 0 || g_rand_int_range (rand, 0, 100) < 30)
        child_create (ws, args, rand, column_ids, owned, result);
      else
        child_move (ws, args, rand, column_ids, owned, result);

      result->max_op_us = MAX (result->max_op_us, g_get_monotonic_time () - start);
    }
}

/* One look at the board, as the window does when it opens the project. Tasks are only ever
 * added during the run, so the total a reader sees may never go down; the board is read in
 * one transaction, so a task being moved is counted exactly once. */
static void
child_read_board (SbWorkspace     *ws,
                  const ChildArgs *args,
                  guint           *last_total,
                  ChildResult     *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;
  g_autoptr(GListModel) projects = NULL;
  guint n_columns;
  guint total = 0;

  board = sb_workspace_open_board (ws, args->project_id, &error);
  if (board == NULL)
    {
      child_report (&result->errors, "opening the board", error);
      return;
    }

  n_columns = g_list_model_get_n_items (G_LIST_MODEL (board));
  if (n_columns != N_COLUMNS)
    {
      g_printerr ("reader: the board has %u columns\n", n_columns);
      child_report (&result->errors, "counting the columns", NULL);
    }

  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (G_LIST_MODEL (board), c);
      GListModel *tasks = sb_column_get_tasks (column);
      guint n_tasks = g_list_model_get_n_items (tasks);
      g_autoptr(GObject) beyond = NULL;

      total += n_tasks;
      if (n_tasks != sb_column_get_task_count (column))
        {
          g_printerr ("reader: column %u lists %u tasks but says it has %u\n", c, n_tasks,
                      sb_column_get_task_count (column));
          child_report (&result->errors, "reading a column", NULL);
        }

      /* GListModel: get_item() never returns NULL below n_items. */
      for (guint i = 0; i < n_tasks && i < 20; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (tasks, i);

          if (!SB_IS_TASK (item))
            {
              g_printerr ("reader: column %u: item %u of %u is not a task\n", c, i, n_tasks);
              child_report (&result->errors, "getting a task of the board", NULL);
            }
        }
      if (n_tasks > 0)
        {
          g_autoptr(GObject) last = g_list_model_get_item (tasks, n_tasks - 1);

          if (!SB_IS_TASK (last))
            {
              g_printerr ("reader: column %u: its last item (%u of %u) is not a task\n",
                          c, n_tasks - 1, n_tasks);
              child_report (&result->errors, "getting the last task of a column", NULL);
            }
        }
      beyond = g_list_model_get_item (tasks, n_tasks);
      if (beyond != NULL)
        child_report (&result->errors, "a task past the end of a column", NULL);
    }

  if (total < *last_total || total < INITIAL_TASKS)
    {
      g_printerr ("reader: the board shows %u tasks, after %u\n", total, *last_total);
      child_report (&result->errors, "counting the tasks", NULL);
    }
  *last_total = total;

  /* The project list counts tasks too (and is what the sidebar reads meanwhile). */
  projects = sb_workspace_list_projects (ws, &error);
  if (projects == NULL)
    child_report (&result->errors, "listing the projects", error);
  else if (g_list_model_get_n_items (projects) != 1)
    child_report (&result->errors, "listing the projects (wrong count)", NULL);

  result->opens++;
}

static void
child_run_reader (SbWorkspace     *ws,
                  const ChildArgs *args,
                  ChildResult     *result)
{
  g_autofree char *stop_path = child_file (args->path, "stop", G_MAXUINT);
  gint64 deadline = g_get_monotonic_time () + RUN_TIMEOUT_US;
  guint last_total = 0;

  while (!g_file_test (stop_path, G_FILE_TEST_EXISTS) &&
         g_get_monotonic_time () < deadline &&
         result->opens < READER_MAX_OPENS)
    {
      gint64 start = g_get_monotonic_time ();
      guint errors = result->errors;

      child_read_board (ws, args, &last_total, result);
      result->max_op_us = MAX (result->max_op_us, g_get_monotonic_time () - start);
      if (result->errors > errors)
        g_usleep (1000);  /* no busy loop on a persistent failure */
    }

  if (result->opens == 0)
    child_report (&result->errors, "opening the board even once", NULL);
}

static gboolean
child_write_result (const ChildArgs   *args,
                    const ChildResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *path = child_file (args->path, "result", args->tag);

  g_string_append_printf (out, "inserts %u\ncross %u\nsame %u\nerrors %u\nopens %u\n"
                          "max_op_us %" G_GINT64_FORMAT "\n",
                          result->inserts, result->cross_moves, result->same_moves,
                          result->errors, result->opens, result->max_op_us);
  for (guint i = 0; result->owned != NULL && i < result->owned->len; i++)
    {
      const OwnedTask *task = &g_array_index (result->owned, OwnedTask, i);

      g_string_append_printf (out, "task %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                              task->id, task->column_id);
    }

  if (!g_file_set_contents (path, out->str, out->len, &error))
    {
      g_printerr ("child: cannot write %s: %s\n", path, error->message);
      return FALSE;
    }
  return TRUE;
}

static int
child_main (const ChildArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) db = NULL;
  g_autoptr(SbWorkspace) ws = NULL;
  g_autoptr(GListModel) columns = NULL;
  g_autoptr(GArray) owned = g_array_new (FALSE, FALSE, sizeof (OwnedTask));
  g_autofree char *ready_path = child_file (args->path, "ready", args->tag);
  g_autofree char *go_path = child_file (args->path, "go", G_MAXUINT);
  ChildResult result = { 0, };
  gint64 column_ids[N_COLUMNS];

  db = sb_database_open (args->path, &error);
  if (db == NULL)
    {
      g_printerr ("child: cannot open %s: %s\n", args->path, error->message);
      return 2;
    }
  ws = sb_workspace_new (db);
  _sb_workspace_sign_in_for_testing (ws, args->employee_id);
  if (sb_workspace_get_current_employee_id (ws) != args->employee_id)
    {
      g_printerr ("child: cannot sign in as %" G_GINT64_FORMAT "\n", args->employee_id);
      return 2;
    }

  columns = sb_workspace_list_columns (ws, args->project_id, &error);
  if (columns == NULL || g_list_model_get_n_items (columns) != N_COLUMNS)
    {
      g_printerr ("child: cannot list the columns: %s\n",
                  error != NULL ? error->message : "not four of them");
      return 2;
    }
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (columns, i);

      column_ids[i] = sb_column_get_id (column);
    }

  if (args->mode != CHILD_MODE_READER && !child_load_owned (db, args, owned))
    return 2;

  if (!g_file_set_contents (ready_path, "", 0, &error))
    {
      g_printerr ("child: cannot write %s: %s\n", ready_path, error->message);
      return 2;
    }
  if (!child_wait_for_go (go_path))
    {
      g_printerr ("child: no go after %d s\n", (int) (START_TIMEOUT_US / G_USEC_PER_SEC));
      return 2;
    }

  switch (args->mode)
    {
    case CHILD_MODE_WRITER:
    case CHILD_MODE_HOT_WRITER:
      child_run_writer (ws, args, column_ids, owned, &result);
      result.owned = owned;
      break;

    case CHILD_MODE_READER:
      child_run_reader (ws, args, &result);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!child_write_result (args, &result))
    return 2;

  return result.errors == 0 ? 0 : 1;
}

/* ---------------------------------------------------------------------------------------- */
/* The parent: spawning and waiting                                                         */

static Child *
child_spawn (SbTestFixture *fixture,
             const char    *mode,
             gint64         employee_id,
             gint64         project_id,
             guint32        seed,
             guint          n_ops,
             guint          tag)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *option = NULL;
  Child *child = g_new0 (Child, 1);
  const char *argv[3];

  option = g_strdup_printf ("--child=%s,%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%u,%u,%u,%s",
                            mode, employee_id, project_id, seed, n_ops, tag, fixture->path);
  argv[0] = self_exe;
  argv[1] = option;
  argv[2] = NULL;

  /* The children's stdout would land in the TAP stream; they talk through files and stderr. */
  child->process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  child->name = g_strdup_printf ("%s %u", mode, tag);
  child->ready_path = child_file (fixture->path, "ready", tag);
  child->result_path = child_file (fixture->path, "result", tag);

  return child;
}

static void
child_free (Child *child)
{
  g_clear_object (&child->process);
  g_free (child->name);
  g_free (child->ready_path);
  g_free (child->result_path);
  g_free (child);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Child, child_free)

static void
child_exited_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  Child *child = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  child->exited = TRUE;
}

static gboolean
wake_up_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
children_watch (Child **children,
                guint   n_children)
{
  for (guint i = 0; i < n_children; i++)
    g_subprocess_wait_async (children[i]->process, NULL, child_exited_cb, children[i]);
}

static void
children_kill (Child **children,
               guint   n_children)
{
  for (guint i = 0; i < n_children; i++)
    if (!children[i]->exited)
      g_subprocess_force_exit (children[i]->process);
}

/* Waits until every child is ready (@ready) or has exited, until @deadline; the wake-up source
 * keeps the main context from blocking for longer than a few milliseconds. */
static gboolean
children_wait (Child    **children,
               guint      n_children,
               gboolean   ready,
               gint64     deadline)
{
  guint wake_up = g_timeout_add (5, wake_up_cb, NULL);
  gboolean done = FALSE;

  while (g_get_monotonic_time () < deadline)
    {
      done = TRUE;
      for (guint i = 0; i < n_children; i++)
        {
          if (ready && children[i]->exited)
            {
              g_printerr ("%s exited before it was ready\n", children[i]->name);
              g_source_remove (wake_up);
              return FALSE;
            }
          if (ready ? !g_file_test (children[i]->ready_path, G_FILE_TEST_EXISTS)
                    : !children[i]->exited)
            done = FALSE;
        }
      if (done)
        break;
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake_up);
  if (!done)
    {
      for (guint i = 0; i < n_children; i++)
        if (!children[i]->exited)
          g_printerr ("%s did not %s in time; killing it\n", children[i]->name,
                      ready ? "get ready" : "finish");
      children_kill (children, n_children);
    }
  return done;
}

static void
touch (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
}

static void
child_result_clear (ChildResult *result)
{
  g_clear_pointer (&result->owned, g_array_unref);
}

/* Reads what @child wrote, then checks that it exited 0 after no failed call. */
static void
child_collect (Child       *child,
               ChildResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  memset (result, 0, sizeof *result);
  result->owned = g_array_new (FALSE, FALSE, sizeof (OwnedTask));

  g_assert_true (child->exited);
  if (!g_file_get_contents (child->result_path, &contents, NULL, &error))
    g_error ("%s wrote no result (exit status %d): %s", child->name,
             g_subprocess_get_status (child->process), error->message);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      OwnedTask task;
      gint64 value;

      if (sscanf (lines[i], "task %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                  &task.id, &task.column_id) == 2)
        g_array_append_val (result->owned, task);
      else if (sscanf (lines[i], "inserts %" G_GINT64_FORMAT, &value) == 1)
        result->inserts = value;
      else if (sscanf (lines[i], "cross %" G_GINT64_FORMAT, &value) == 1)
        result->cross_moves = value;
      else if (sscanf (lines[i], "same %" G_GINT64_FORMAT, &value) == 1)
        result->same_moves = value;
      else if (sscanf (lines[i], "errors %" G_GINT64_FORMAT, &value) == 1)
        result->errors = value;
      else if (sscanf (lines[i], "opens %" G_GINT64_FORMAT, &value) == 1)
        result->opens = value;
      else if (sscanf (lines[i], "max_op_us %" G_GINT64_FORMAT, &value) == 1)
        result->max_op_us = value;
    }

  g_test_message ("%s: %u inserts, %u moves to another column, %u reorders, %u opens, "
                  "%u errors, slowest call %.1f ms", child->name, result->inserts,
                  result->cross_moves, result->same_moves, result->opens, result->errors,
                  result->max_op_us / 1000.0);

  /* Any error at all (SQLITE_BUSY included) that reached the caller is a failure. It fails
   * the case without ending it, so that the checks of the file still run and the next cases
   * too. */
  if (result->errors != 0)
    g_test_fail_printf ("%s: %u calls failed (the first ones are on its stderr)", child->name,
                        result->errors);
  else if (!g_subprocess_get_if_exited (child->process) ||
           g_subprocess_get_exit_status (child->process) != 0)
    g_test_fail_printf ("%s did not exit with 0 (wait status %d)", child->name,
                        g_subprocess_get_status (child->process));
}

/* ---------------------------------------------------------------------------------------- */
/* The parent: set-up and checks                                                            */

typedef struct
{
  gint64 project_id;
  gint64 column_ids[N_COLUMNS];
} Setup;

/* Project WEB (manager + member) with INITIAL_TASKS tasks spread over its four columns; then
 * the fixture's connection is closed so that only the children touch the file. */
static void
setup_project (SbTestFixture *fixture,
               Setup         *setup)
{
  g_autoptr(GError) error = NULL;

  setup->project_id = sb_test_create_project (fixture, FALSE);
  sb_test_get_column_ids (fixture->ws, setup->project_id, setup->column_ids);

  for (guint i = 0; i < INITIAL_TASKS; i++)
    {
      g_autoptr(SbTask) task = NULL;
      g_autofree char *title = g_strdup_printf ("initial %u", i);
      SbTaskDraft draft = SB_TASK_DRAFT_INIT;

      draft.title = title;
      draft.column_id = setup->column_ids[i % N_COLUMNS];
      draft.assignee_id = i % 3 == 0 ? fixture->member_id : 0;
      task = sb_workspace_create_task (fixture->ws, setup->project_id, &draft, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sb_task_get_number (task), ==, i + 1);
    }

  g_clear_object (&fixture->ws);
  sb_database_close (fixture->db);
  g_clear_object (&fixture->db);
}

/* Reopens the fixture's database (for the checks, and for the teardown). */
static sqlite3 *
reopen_fixture (SbTestFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->db = sb_database_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->ws = sb_workspace_new (fixture->db);
  return sb_database_get_handle (fixture->db);
}

/* The one integer @sql returns, with ?1 and ?2 bound to @a and @b when it has them. */
static gint64
query_int (sqlite3    *handle,
           const char *sql,
           gint64      a,
           gint64      b)
{
  sqlite3_stmt *stmt = sb_test_prepare (handle, sql);
  gint64 value;

  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("no row from “%s”: %s", sql, sqlite3_errmsg (handle));
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
check_tasks (sqlite3           *handle,
             const Setup       *setup,
             const ChildResult *results,
             guint              n_writers)
{
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  gint64 inserts = 0;
  gint64 n_tasks;

  for (guint w = 0; w < n_writers; w++)
    inserts += results[w].inserts;

  /* Every insert made it, once, and nothing else appeared or vanished. */
  n_tasks = query_int (handle, "SELECT count(*) FROM tasks WHERE project_id = ?1 "
                       "AND deleted_at IS NULL", setup->project_id, 0);
  g_assert_cmpint (n_tasks, ==, INITIAL_TASKS + inserts);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM tasks", 0, 0), ==, n_tasks);

  stmt = sb_test_prepare (handle, "SELECT title, count(*) FROM tasks WHERE project_id = ?1 "
                          "AND title LIKE 'child %' GROUP BY title");
  sqlite3_bind_int64 (stmt, 1, setup->project_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
      g_hash_table_add (titles, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (g_hash_table_size (titles), ==, inserts);
  for (guint w = 0; w < n_writers; w++)
    for (guint k = 0; k < results[w].inserts; k++)
      {
        g_autofree char *title = g_strdup_printf ("child %u insert %u", w, k);

        if (!g_hash_table_contains (titles, title))
          g_error ("task “%s” is missing", title);
      }

  /* The two writers shared one number sequence: no gap, no duplicate, next one right. */
  g_assert_cmpint (query_int (handle, "SELECT min(number) FROM tasks WHERE project_id = ?1",
                              setup->project_id, 0), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT max(number) FROM tasks WHERE project_id = ?1",
                              setup->project_id, 0), ==, n_tasks);
  g_assert_cmpint (query_int (handle, "SELECT next_number FROM projects WHERE id = ?1",
                              setup->project_id, 0), ==, n_tasks + 1);

  /* Ranks: finite, and no two tasks of a column share one (the board's order is total). */
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM tasks WHERE project_id = ?1 "
                              "AND NOT (abs(rank) < 1e300)", setup->project_id, 0), ==, 0);
  stmt = sb_test_prepare (handle, "SELECT column_id, rank, count(*) FROM tasks "
                          "WHERE project_id = ?1 AND deleted_at IS NULL "
                          "GROUP BY column_id, rank HAVING count(*) > 1");
  sqlite3_bind_int64 (stmt, 1, setup->project_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_error ("%d tasks of column %" G_GINT64_FORMAT " share the rank %.17g (and maybe more)",
             sqlite3_column_int (stmt, 2), (gint64) sqlite3_column_int64 (stmt, 0),
             sqlite3_column_double (stmt, 1));
  sqlite3_finalize (stmt);
  stmt = sb_test_prepare (handle, "SELECT min(rank - previous) FROM (SELECT rank, "
                          "lag (rank) OVER (PARTITION BY column_id ORDER BY rank) AS previous "
                          "FROM tasks WHERE project_id = ?1 AND deleted_at IS NULL) "
                          "WHERE previous IS NOT NULL");
  sqlite3_bind_int64 (stmt, 1, setup->project_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_test_message ("smallest gap between two ranks of a column: %g",
                  sqlite3_column_double (stmt, 0));
  sqlite3_finalize (stmt);

  /* Every task is where its (only) mover last put it. */
  stmt = sb_test_prepare (handle, "SELECT column_id FROM tasks WHERE id = ?1");
  for (guint w = 0; w < n_writers; w++)
    for (guint i = 0; i < results[w].owned->len; i++)
      {
        const OwnedTask *task = &g_array_index (results[w].owned, OwnedTask, i);

        sqlite3_reset (stmt);
        sqlite3_bind_int64 (stmt, 1, task->id);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        if (sqlite3_column_int64 (stmt, 0) != task->column_id)
          g_error ("task %" G_GINT64_FORMAT " of writer %u is in column %" G_GINT64_FORMAT
                   ", not %" G_GINT64_FORMAT, task->id, w,
                   (gint64) sqlite3_column_int64 (stmt, 0), task->column_id);
      }
  sqlite3_finalize (stmt);
}

static void
check_activity (sqlite3           *handle,
                const Setup       *setup,
                const gint64      *actors,
                const ChildResult *results,
                guint              n_writers)
{
  sqlite3_stmt *stmt;

  for (guint w = 0; w < n_writers; w++)
    {
      /* One "created" row per insert, one "column" row per move to another column, at most
       * one "position" row per reorder, and nothing else. */
      g_assert_cmpint (query_int (handle,
                                  "SELECT count(*) FROM activity a "
                                  "JOIN tasks t ON t.id = a.task_id WHERE a.actor_id = ?1 "
                                  "AND a.field = 'created' AND t.number > ?2",
                                  actors[w], INITIAL_TASKS), ==, results[w].inserts);
      g_assert_cmpint (query_int (handle, "SELECT count(*) FROM activity WHERE actor_id = ?1 "
                                  "AND field = 'column'", actors[w], 0),
                       ==, results[w].cross_moves);
      g_assert_cmpint (query_int (handle, "SELECT count(*) FROM activity WHERE actor_id = ?1 "
                                  "AND field = 'position'", actors[w], 0),
                       <=, results[w].same_moves);
      g_assert_cmpint (query_int (handle, "SELECT count(*) FROM activity WHERE actor_id = ?1 "
                                  "AND field NOT IN ('created', 'column', 'position')",
                                  actors[w], 0), ==, 0);
    }

  /* A reorder that is recorded did change the place; every move row names two different
   * columns of the project. */
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM activity WHERE project_id = ?1 "
                              "AND field = 'position' AND old_value IS new_value",
                              setup->project_id, 0), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM activity WHERE project_id = ?1 "
                              "AND field = 'column' AND (old_value IS new_value "
                              "OR old_value NOT IN (SELECT name FROM columns "
                              "WHERE project_id = ?1) OR new_value NOT IN (SELECT name "
                              "FROM columns WHERE project_id = ?1))",
                              setup->project_id, 0), ==, 0);

  /* The last "column" row of each task names the column it is in. */
  stmt = sb_test_prepare (handle,
                          "SELECT t.id, c.name, (SELECT a.new_value FROM activity a "
                          "WHERE a.task_id = t.id AND a.field = 'column' "
                          "ORDER BY a.id DESC LIMIT 1) FROM tasks t "
                          "JOIN columns c ON c.id = t.column_id WHERE t.project_id = ?1");
  sqlite3_bind_int64 (stmt, 1, setup->project_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *column_name = (const char *) sqlite3_column_text (stmt, 1);
      const char *last_move = (const char *) sqlite3_column_text (stmt, 2);

      if (last_move != NULL && g_strcmp0 (last_move, column_name) != 0)
        g_error ("task %" G_GINT64_FORMAT " is in “%s” but was last moved to “%s”",
                 (gint64) sqlite3_column_int64 (stmt, 0), column_name, last_move);
    }
  sqlite3_finalize (stmt);
}

/* What a board opened afterwards shows matches the file. */
static void
check_board (SbTestFixture *fixture,
             sqlite3       *handle,
             const Setup   *setup)
{
  g_autoptr(SbBoard) board = NULL;

  sb_test_sign_in (fixture, fixture->member_id);
  board = sb_test_open_board (fixture->ws, setup->project_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (board)), ==, N_COLUMNS);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (G_LIST_MODEL (board), c);
      GListModel *tasks = sb_column_get_tasks (column);
      guint n_tasks = g_list_model_get_n_items (tasks);
      double last_rank = -INFINITY;

      g_assert_cmpint (sb_column_get_id (column), ==, setup->column_ids[c]);
      g_assert_cmpint (n_tasks, ==,
                       query_int (handle, "SELECT count(*) FROM tasks WHERE column_id = ?1 "
                                  "AND deleted_at IS NULL", setup->column_ids[c], 0));
      for (guint i = 0; i < n_tasks; i++)
        {
          g_autoptr(SbTask) task = g_list_model_get_item (tasks, i);

          g_assert_nonnull (task);
          g_assert_cmpint (sb_task_get_column_id (task), ==, setup->column_ids[c]);
          g_assert_cmpfloat (sb_task_get_rank (task), >, last_rank);
          last_rank = sb_task_get_rank (task);
        }
    }
}

static void
check_writers (SbTestFixture     *fixture,
               const Setup       *setup,
               const ChildResult *results)
{
  const gint64 actors[2] = { fixture->manager_id, fixture->member_id };
  sqlite3 *handle = reopen_fixture (fixture);

  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM pragma_integrity_check "
                              "WHERE integrity_check != 'ok'", 0, 0), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM pragma_foreign_key_check", 0, 0),
                   ==, 0);
  check_tasks (handle, setup, results, 2);
  check_activity (handle, setup, actors, results, 2);
  check_board (fixture, handle, setup);
}

/* Two writers (the manager and the member), and optionally a reader, started together. */
static void
run_writers (SbTestFixture *fixture,
             const char    *mode,
             guint          n_ops,
             gboolean       with_reader,
             gboolean       hold_lock)
{
  Setup setup = { 0, };
  g_autoptr(Child) writer0 = NULL;
  g_autoptr(Child) writer1 = NULL;
  g_autoptr(Child) reader = NULL;
  g_autofree char *go_path = child_file (fixture->path, "go", G_MAXUINT);
  g_autofree char *stop_path = child_file (fixture->path, "stop", G_MAXUINT);
  ChildResult results[2];
  ChildResult reader_result;
  Child *all[3];
  guint n_all = 2;
  sqlite3 *locker = NULL;
  gint64 start;

  setup_project (fixture, &setup);

  writer0 = child_spawn (fixture, mode, fixture->manager_id, setup.project_id, 17, n_ops, 0);
  writer1 = child_spawn (fixture, mode, fixture->member_id, setup.project_id, 4711, n_ops, 1);
  all[0] = writer0;
  all[1] = writer1;
  if (with_reader)
    {
      reader = child_spawn (fixture, "reader", fixture->manager_id, setup.project_id, 1, 0, 2);
      all[n_all++] = reader;
    }
  children_watch (all, n_all);
  g_assert_true (children_wait (all, n_all, TRUE, g_get_monotonic_time () + START_TIMEOUT_US));

  if (hold_lock)
    {
      /* Another connection holds the write lock as they start: they must wait, not fail. */
      g_assert_cmpint (sqlite3_open (fixture->path, &locker), ==, SQLITE_OK);
      sqlite3_busy_timeout (locker, 5000);
      g_assert_cmpint (sqlite3_exec (locker, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
    }

  start = g_get_monotonic_time ();
  touch (go_path);

  if (hold_lock)
    {
      g_usleep (LOCK_HOLD_US);
      g_assert_cmpint (sqlite3_exec (locker, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
      /* …and then checkpoints the WAL under them, as a third process might. */
      while ((!writer0->exited || !writer1->exited) &&
             g_get_monotonic_time () < start + RUN_TIMEOUT_US)
        {
          sqlite3_exec (locker, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
          g_main_context_iteration (NULL, FALSE);
          g_usleep (20000);
        }
    }

  g_assert_true (children_wait (all, 2, FALSE, start + RUN_TIMEOUT_US));
  g_test_message ("writers took %.2f s", (g_get_monotonic_time () - start) / 1e6);
  if (with_reader)
    {
      touch (stop_path);
      g_assert_true (children_wait (all + 2, 1, FALSE, g_get_monotonic_time () + RUN_TIMEOUT_US));
    }
  if (locker != NULL)
    sqlite3_close (locker);

  child_collect (writer0, &results[0]);
  child_collect (writer1, &results[1]);
  g_assert_cmpuint (results[0].inserts + results[0].cross_moves + results[0].same_moves, ==, n_ops);
  g_assert_cmpuint (results[1].inserts + results[1].cross_moves + results[1].same_moves, ==, n_ops);
  if (hold_lock)
    {
      /* The first call of each had to wait for the lock. */
      g_assert_cmpint (results[0].max_op_us, >=, LOCK_HOLD_US / 2);
      g_assert_cmpint (results[1].max_op_us, >=, LOCK_HOLD_US / 2);
    }

  check_writers (fixture, &setup, results);

  /* The reader last, so that its verdict does not hide the writers'. */
  if (with_reader)
    {
      child_collect (reader, &reader_result);
      g_assert_cmpuint (reader_result.opens, >, 0);
      child_result_clear (&reader_result);
    }

  child_result_clear (&results[0]);
  child_result_clear (&results[1]);
}

/* ---------------------------------------------------------------------------------------- */
/* The cases                                                                                */

typedef struct
{
  const char *path;
  const char *mode;          /* the writers' --child mode */
  guint       n_ops;         /* calls each writer makes */
  gboolean    with_reader;   /* a third process keeps opening the board meanwhile */
  gboolean    hold_lock;     /* another connection holds the write lock as they start */
} RunCase;

static const RunCase cases[] = {
  /* Two processes create and move tasks all over the board at the same time. */
  { "/concurrency/two-writers", "writer", 2000, FALSE, FALSE },
  /* Both writers insert and move at the top of one column: every insert goes just after its
   * first card, so the gap there halves until doubles run out and the model respaces the
   * column, while the other process keeps writing around the same neighbours. */
  { "/concurrency/hot-spot", "hot", 1000, FALSE, FALSE },
  /* A third connection holds the write lock for two seconds as the writers start, then
   * checkpoints the WAL while they run. */
  { "/concurrency/lock-held", "writer", 300, FALSE, TRUE },
  /* Two writers while a third process keeps opening the board. */
  { "/concurrency/writers-and-reader", "writer", 1000, TRUE, FALSE },
};

static void
test_writers (SbTestFixture *fixture,
              gconstpointer  user_data)
{
  const RunCase *c = user_data;

  run_writers (fixture, c->mode, c->n_ops, c->with_reader, c->hold_lock);
}

int
main (int    argc,
      char **argv)
{
  /* A child run of this program: no GTest at all. */
  if (argc == 2 && g_str_has_prefix (argv[1], "--child="))
    {
      ChildArgs args = { 0, };

      if (!parse_child_args (argv[1] + strlen ("--child="), &args))
        {
          g_printerr ("bad option %s\n", argv[1]);
          return 2;
        }
      return child_main (&args);
    }

  if (strchr (argv[0], G_DIR_SEPARATOR) != NULL)
    self_exe = g_canonicalize_filename (argv[0], NULL);
  else
    self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (self_exe);

  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add (cases[i].path, SbTestFixture, &cases[i], sb_test_fixture_setup, test_writers,
                sb_test_fixture_teardown);

  return g_test_run ();
}
