/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include "sb-test-util.h"
#include "sb-workspace-private.h"

/* SbBoard: the lazy column models, moves and the ::items-changed they emit. */

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  GArray *changes;   /* of Change */
} Recorder;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  Change change = { position, removed, added };

  g_array_append_val (recorder->changes, change);
}

static Recorder *
recorder_new (GListModel *model)
{
  Recorder *recorder = g_new0 (Recorder, 1);

  recorder->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), recorder);
  return recorder;
}

static void
recorder_free (GListModel *model,
               Recorder   *recorder)
{
  g_signal_handlers_disconnect_by_data (model, recorder);
  g_array_unref (recorder->changes);
  g_free (recorder);
}

static SbColumn *
board_column (SbBoard *board,
              guint    index)
{
  g_autoptr(SbColumn) column = g_list_model_get_item (G_LIST_MODEL (board), index);

  /* The board keeps its columns; a borrowed pointer is fine for a test's length. */
  return column;
}

static GListModel *
column_model (SbBoard *board,
              guint    index)
{
  return sb_column_get_tasks (board_column (board, index));
}

/* Moves @task to @position of the column @index, which must succeed. */
static void
move_task (SbBoard *board,
           SbTask  *task,
           guint    index,
           guint    position)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_board_move_task (board, task, board_column (board, index), position, &error));
  g_assert_no_error (error);
}

/* Adds @n tasks "C<index>-T0".."C<index>-T<n-1>" to the column @index, in that order. */
static void
add_tasks (SbTestFixture *fixture,
           gint64         project_id,
           guint          index,
           guint          n)
{
  gint64 column_ids[SB_TEST_N_COLUMNS];

  sb_test_get_column_ids (fixture->ws, project_id, column_ids);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("C%u-T%u", index, i);

      sb_test_create_task (fixture->ws, project_id, title, column_ids[index]);
    }
}

static char *
column_titles (GListModel *model)
{
  return sb_test_join_property (model, SB_TYPE_TASK, "title", " ");
}

/* Each task's place in the file, "column_id:rank", by task id. */
static GHashTable *
task_places (SbTestFixture *fixture)
{
  GHashTable *places = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt = sb_test_prepare (sb_database_get_handle (fixture->db),
                                        "SELECT id, column_id, rank FROM tasks");

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (places, id, g_strdup_printf ("%lld:%.17g",
                                                        (long long) sqlite3_column_int64 (stmt, 1),
                                                        sqlite3_column_double (stmt, 2)));
    }
  sqlite3_finalize (stmt);

  return places;
}

static gint64
open_project (SbTestFixture *fixture)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);

  return project_id;
}

static void
test_board_open_is_lazy (SbTestFixture *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(SbBoard) board = NULL;
  gint64 project_id = open_project (fixture);
  GListModel *todo;

  add_tasks (fixture, project_id, 0, 600);
  add_tasks (fixture, project_id, 2, 10);

  /* Nothing holds a task now: none should be alive. */
  g_assert_cmpuint (_sb_workspace_count_live_tasks (fixture->ws), ==, 0);

  board = sb_test_open_board (fixture->ws, project_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (board)), ==, 4);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (board)) == SB_TYPE_COLUMN);

  todo = column_model (board, 0);
  g_assert_true (g_list_model_get_item_type (todo) == SB_TYPE_TASK);
  g_assert_cmpuint (g_list_model_get_n_items (todo), ==, 600);
  g_assert_cmpuint (g_list_model_get_n_items (column_model (board, 1)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (column_model (board, 2)), ==, 10);
  g_assert_cmpuint (sb_column_get_task_count (board_column (board, 0)), ==, 600);
  g_assert_cmpuint (_sb_workspace_count_live_tasks (fixture->ws), ==, 0);

  {
    g_autoptr(SbTask) a = g_list_model_get_item (todo, 0);
    g_autoptr(SbTask) b = g_list_model_get_item (todo, 599);
    g_autoptr(SbTask) again = g_list_model_get_item (todo, 599);
    gpointer past_end = g_list_model_get_item (todo, 600);

    g_assert_cmpstr (sb_task_get_title (a), ==, "C0-T0");
    g_assert_cmpstr (sb_task_get_title (b), ==, "C0-T599");
    g_assert_true (b == again);
    g_assert_null (past_end);
    g_assert_cmpuint (_sb_workspace_count_live_tasks (fixture->ws), ==, 2);
  }
  g_assert_cmpuint (_sb_workspace_count_live_tasks (fixture->ws), ==, 0);
}

static void
test_board_move_between_columns (SbTestFixture *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(SbBoard) board = NULL;
  g_autoptr(SbTask) task = NULL;
  g_autoptr(SbTask) moved = NULL;
  gint64 project_id = open_project (fixture);
  Recorder *columns_rec, *from_rec, *to_rec, *other_rec;
  GListModel *from, *to, *other;
  g_autofree char *from_titles = NULL;
  g_autofree char *to_titles = NULL;

  add_tasks (fixture, project_id, 0, 5);
  add_tasks (fixture, project_id, 1, 3);
  board = sb_test_open_board (fixture->ws, project_id);
  from = column_model (board, 0);
  to = column_model (board, 1);
  other = column_model (board, 2);
  columns_rec = recorder_new (G_LIST_MODEL (board));
  from_rec = recorder_new (from);
  to_rec = recorder_new (to);
  other_rec = recorder_new (other);

  task = g_list_model_get_item (from, 2);
  move_task (board, task, 1, 1);

  g_assert_cmpuint (columns_rec->changes->len, ==, 0);
  g_assert_cmpuint (other_rec->changes->len, ==, 0);
  g_assert_cmpuint (from_rec->changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (from_rec->changes, Change, 0).position, ==, 2);
  g_assert_cmpuint (g_array_index (from_rec->changes, Change, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (from_rec->changes, Change, 0).added, ==, 0);
  g_assert_cmpuint (to_rec->changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (to_rec->changes, Change, 0).position, ==, 1);
  g_assert_cmpuint (g_array_index (to_rec->changes, Change, 0).removed, ==, 0);
  g_assert_cmpuint (g_array_index (to_rec->changes, Change, 0).added, ==, 1);

  from_titles = column_titles (from);
  to_titles = column_titles (to);
  g_assert_cmpstr (from_titles, ==, "C0-T0 C0-T1 C0-T3 C0-T4");
  g_assert_cmpstr (to_titles, ==, "C1-T0 C0-T2 C1-T1 C1-T2");

  /* The dragged object is the one now shown, updated in place. */
  moved = g_list_model_get_item (to, 1);
  g_assert_true (moved == task);
  g_assert_cmpint (sb_task_get_column_id (task), ==, sb_column_get_id (board_column (board, 1)));
  g_assert_cmpuint (sb_column_get_task_count (board_column (board, 0)), ==, 4);
  g_assert_cmpuint (sb_column_get_task_count (board_column (board, 1)), ==, 4);

  recorder_free (G_LIST_MODEL (board), columns_rec);
  recorder_free (from, from_rec);
  recorder_free (to, to_rec);
  recorder_free (other, other_rec);
}

static void
test_board_move_within_column (SbTestFixture *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;
  gint64 project_id = open_project (fixture);
  GListModel *model;
  Recorder *rec;

  add_tasks (fixture, project_id, 0, 6);
  board = sb_test_open_board (fixture->ws, project_id);
  model = column_model (board, 0);
  rec = recorder_new (model);

  {
    g_autoptr(SbTask) task = g_list_model_get_item (model, 1);
    g_autofree char *titles = NULL;

    move_task (board, task, 0, 4);
    titles = column_titles (model);
    g_assert_cmpstr (titles, ==, "C0-T0 C0-T2 C0-T3 C0-T4 C0-T1 C0-T5");
  }

  /* One emission covering what moved. */
  g_assert_cmpuint (rec->changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (rec->changes, Change, 0).position, ==, 1);
  g_assert_cmpuint (g_array_index (rec->changes, Change, 0).removed, ==, 4);
  g_assert_cmpuint (g_array_index (rec->changes, Change, 0).added, ==, 4);

  {
    g_autoptr(SbTask) task = g_list_model_get_item (model, 5);
    g_autofree char *titles = NULL;

    move_task (board, task, 0, 0);
    titles = column_titles (model);
    g_assert_cmpstr (titles, ==, "C0-T5 C0-T0 C0-T2 C0-T3 C0-T4 C0-T1");
  }

  /* Dropping a card where it is changes nothing and writes nothing. */
  {
    g_autoptr(SbTask) task = g_list_model_get_item (model, 2);
    g_autoptr(GListModel) before = sb_workspace_list_activity (fixture->ws,
                                                               sb_task_get_id (task), &error);
    g_autoptr(GListModel) after = NULL;
    guint emitted = rec->changes->len;

    move_task (board, task, 0, 2);
    after = sb_workspace_list_activity (fixture->ws, sb_task_get_id (task), &error);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
    g_assert_cmpuint (rec->changes->len, ==, emitted);
  }

  recorder_free (model, rec);
}

static void
test_board_move_clamps_and_writes_one_row (SbTestFixture *fixture,
                                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;
  g_autoptr(SbTask) task = NULL;
  g_autofree char *titles = NULL;
  gint64 project_id = open_project (fixture);
  g_autoptr(GHashTable) places_before = NULL;
  g_autoptr(GHashTable) places_after = NULL;
  GHashTableIter iter;
  gpointer id, place;
  guint differing = 0;

  add_tasks (fixture, project_id, 0, 4);
  add_tasks (fixture, project_id, 3, 4);
  board = sb_test_open_board (fixture->ws, project_id);
  places_before = task_places (fixture);

  task = g_list_model_get_item (column_model (board, 0), 0);
  move_task (board, task, 3, 1000);
  titles = column_titles (column_model (board, 3));
  g_assert_cmpstr (titles, ==, "C3-T0 C3-T1 C3-T2 C3-T3 C0-T0");

  /* Fractional ranks: exactly one task row changed its place. */
  places_after = task_places (fixture);
  g_assert_cmpuint (g_hash_table_size (places_after), ==, g_hash_table_size (places_before));
  g_hash_table_iter_init (&iter, places_after);
  while (g_hash_table_iter_next (&iter, &id, &place))
    if (g_strcmp0 (place, g_hash_table_lookup (places_before, id)) != 0)
      differing++;
  g_assert_cmpuint (differing, ==, 1);

  {
    g_autoptr(GListModel) activity = sb_workspace_list_activity (fixture->ws,
                                                                 sb_task_get_id (task), &error);
    guint n = g_list_model_get_n_items (activity);
    g_autoptr(SbActivity) last = g_list_model_get_item (activity, n - 1);

    g_assert_cmpstr (sb_activity_get_field (last), ==, "column");
    g_assert_cmpstr (sb_activity_get_old_value (last), ==, "To Do");
    g_assert_cmpstr (sb_activity_get_new_value (last), ==, "Done");
  }
}

static void
test_board_add_task_positions (SbTestFixture *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;
  gint64 project_id = open_project (fixture);
  GListModel *model;
  Recorder *rec;
  g_autofree char *titles = NULL;

  add_tasks (fixture, project_id, 1, 3);
  board = sb_test_open_board (fixture->ws, project_id);
  model = column_model (board, 1);
  rec = recorder_new (model);

  {
    g_autoptr(SbTask) first = sb_board_add_task (board, board_column (board, 1), 0, "first",
                                                 &error);
    g_autoptr(SbTask) middle = sb_board_add_task (board, board_column (board, 1), 2, "middle",
                                                  &error);
    g_autoptr(SbTask) last = sb_board_add_task (board, board_column (board, 1), 99, "last",
                                                &error);

    g_assert_no_error (error);
    g_assert_nonnull (first);
    g_assert_cmpstr (sb_task_get_key (last), ==, "WEB-6");
  }

  titles = column_titles (model);
  g_assert_cmpstr (titles, ==, "first C1-T0 middle C1-T1 C1-T2 last");
  g_assert_cmpuint (rec->changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (rec->changes, Change, 0).position, ==, 0);
  g_assert_cmpuint (g_array_index (rec->changes, Change, 1).position, ==, 2);
  g_assert_cmpuint (g_array_index (rec->changes, Change, 2).position, ==, 5);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (g_array_index (rec->changes, Change, i).removed, ==, 0);
      g_assert_cmpuint (g_array_index (rec->changes, Change, i).added, ==, 1);
    }

  /* An empty title is refused and the column is as it was. */
  g_assert_null (sb_board_add_task (board, board_column (board, 1), 0, "  ", &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);

  recorder_free (model, rec);
}

static void
test_board_respaces_when_ranks_run_out (SbTestFixture *fixture,
                                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;
  gint64 project_id = open_project (fixture);
  GListModel *model;

  add_tasks (fixture, project_id, 0, 2);
  board = sb_test_open_board (fixture->ws, project_id);
  model = column_model (board, 0);

  /* Always between the first and the second: halving the gap 120 times needs respacing. */
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *title = g_strdup_printf ("N%03u", i);
      g_autoptr(SbTask) task = sb_board_add_task (board, board_column (board, 0), 1, title,
                                                  &error);

      g_assert_no_error (error);
    }

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 122);
  {
    g_autoptr(SbTask) first = g_list_model_get_item (model, 0);
    g_autoptr(SbTask) second = g_list_model_get_item (model, 1);
    g_autoptr(SbTask) before_last = g_list_model_get_item (model, 120);
    g_autoptr(SbTask) last = g_list_model_get_item (model, 121);

    g_assert_cmpstr (sb_task_get_title (first), ==, "C0-T0");
    g_assert_cmpstr (sb_task_get_title (second), ==, "N119");
    g_assert_cmpstr (sb_task_get_title (before_last), ==, "N000");
    g_assert_cmpstr (sb_task_get_title (last), ==, "C0-T1");
  }

  g_assert_cmpint (sb_test_query_int (fixture->db, "SELECT count(DISTINCT rank) FROM tasks"), ==,
                   122);
}

static void
test_board_story_filter (SbTestFixture *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;
  g_autoptr(SbStory) story = NULL;
  gint64 project_id = open_project (fixture);
  GListModel *todo;
  g_autofree char *titles = NULL;

  story = sb_workspace_create_story (fixture->ws, project_id, "Checkout", NULL, 5, &error);
  g_assert_no_error (error);
  add_tasks (fixture, project_id, 0, 6);
  for (guint i = 0; i < 6; i += 2)
    {
      g_autoptr(GListModel) columns = sb_workspace_list_columns (fixture->ws, project_id, NULL);
      g_autoptr(SbBoard) tmp = sb_test_open_board (fixture->ws, project_id);
      g_autoptr(SbTask) task = g_list_model_get_item (sb_column_get_tasks (board_column (tmp, 0)),
                                                      i);

      g_assert_true (sb_workspace_set_task_story (fixture->ws, sb_task_get_id (task),
                                                  sb_story_get_id (story), &error));
      g_assert_no_error (error);
    }

  board = sb_test_open_board (fixture->ws, project_id);
  g_assert_cmpuint (g_list_model_get_n_items (sb_board_get_stories (board)), ==, 1);
  todo = column_model (board, 0);
  g_assert_cmpuint (g_list_model_get_n_items (todo), ==, 6);

  sb_board_set_story_filter (board, sb_story_get_id (story));
  g_assert_cmpint (sb_board_get_story_filter (board), ==, sb_story_get_id (story));
  titles = column_titles (todo);
  g_assert_cmpstr (titles, ==, "C0-T0 C0-T2 C0-T4");
  g_clear_pointer (&titles, g_free);

  /* Move the last shown card first in the filtered view: it lands before C0-T0. */
  {
    g_autoptr(SbTask) task = g_list_model_get_item (todo, 2);

    move_task (board, task, 0, 0);
  }
  titles = column_titles (todo);
  g_assert_cmpstr (titles, ==, "C0-T4 C0-T0 C0-T2");
  g_clear_pointer (&titles, g_free);

  /* A task added while filtered belongs to the story. */
  {
    g_autoptr(SbTask) task = sb_board_add_task (board, board_column (board, 0), 1, "story task",
                                                &error);

    g_assert_no_error (error);
    g_assert_cmpint (sb_task_get_story_id (task), ==, sb_story_get_id (story));
  }
  titles = column_titles (todo);
  g_assert_cmpstr (titles, ==, "C0-T4 story task C0-T0 C0-T2");
  g_clear_pointer (&titles, g_free);

  sb_board_set_story_filter (board, 0);
  titles = column_titles (todo);
  g_assert_cmpstr (titles, ==, "C0-T4 story task C0-T0 C0-T1 C0-T2 C0-T3 C0-T5");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Filtered by a story that is then deleted, here or by another process: the board shows every
 * task again rather than an empty filter nobody can pick any more. */
static void
test_board_story_filter_cleared_when_story_deleted (SbTestFixture *fixture,
                                                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;
  g_autoptr(SbStory) story = NULL;
  g_autoptr(SbStory) other_story = NULL;
  g_autoptr(SbDatabase) other = NULL;
  gint64 project_id = open_project (fixture);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  g_autofree char *titles = NULL;
  guint notified = 0;
  GListModel *todo;

  story = sb_workspace_create_story (fixture->ws, project_id, "Checkout", NULL, 5, &error);
  g_assert_no_error (error);
  other_story = sb_workspace_create_story (fixture->ws, project_id, "Search", NULL, 3, &error);
  g_assert_no_error (error);
  draft.title = "in story";
  draft.story_id = sb_story_get_id (story);
  sb_test_create_task_from_draft (fixture->ws, project_id, &draft);
  draft.title = "in other story";
  draft.story_id = sb_story_get_id (other_story);
  sb_test_create_task_from_draft (fixture->ws, project_id, &draft);
  sb_test_create_task (fixture->ws, project_id, "no story", 0);

  board = sb_test_open_board (fixture->ws, project_id);
  todo = column_model (board, 0);
  g_signal_connect (board, "notify::story-filter", G_CALLBACK (count_notify), &notified);

  /* Deleting another story keeps the filter. */
  sb_board_set_story_filter (board, sb_story_get_id (story));
  g_assert_true (sb_workspace_delete_story (fixture->ws, sb_story_get_id (other_story), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_board_get_story_filter (board), ==, sb_story_get_id (story));
  titles = column_titles (todo);
  g_assert_cmpstr (titles, ==, "in story");
  g_clear_pointer (&titles, g_free);
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (sb_workspace_delete_story (fixture->ws, sb_story_get_id (story), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sb_board_get_stories (board)), ==, 0);
  g_assert_cmpint (sb_board_get_story_filter (board), ==, 0);
  g_assert_cmpuint (notified, ==, 2);
  titles = column_titles (todo);
  g_assert_cmpstr (titles, ==, "in story in other story no story");
  g_clear_pointer (&titles, g_free);

  /* The same when another process deletes it: seen at the next reload. */
  g_clear_object (&story);
  story = sb_workspace_create_story (fixture->ws, project_id, "Payments", NULL, 1, &error);
  g_assert_no_error (error);
  sb_board_set_story_filter (board, sb_story_get_id (story));
  other = sb_database_open (fixture->path, &error);
  g_assert_no_error (error);
  sb_test_exec (sb_database_get_handle (other), "DELETE FROM stories");
  {
    /* Read once: clearing the filter reads the columns, and the reload not again. */
    Recorder *recorder = recorder_new (todo);

    g_assert_true (sb_board_reload (board, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (recorder->changes->len, ==, 1);
    recorder_free (todo, recorder);
  }
  g_assert_cmpint (sb_board_get_story_filter (board), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (todo), ==, 3);
}

/* A rename or a new manager, through the workspace or by another process: the board's project
 * header follows, with notify::project. */
static void
test_board_project_header_follows (SbTestFixture *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;
  g_autoptr(SbDatabase) other = NULL;
  gint64 project_id = open_project (fixture);
  guint notified = 0;

  board = sb_test_open_board (fixture->ws, project_id);
  g_signal_connect (board, "notify::project", G_CALLBACK (count_notify), &notified);
  g_assert_cmpstr (sb_project_get_name (sb_board_get_project (board)), ==, "Website redesign");

  g_assert_true (sb_workspace_save_project (fixture->ws, project_id, "Website relaunch", NULL,
                                            SB_PROJECT_STATUS_PLANNED, fixture->member_id,
                                            NULL, 0, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (sb_project_get_name (sb_board_get_project (board)), ==, "Website relaunch");
  g_assert_cmpint (sb_project_get_status (sb_board_get_project (board)), ==,
                   SB_PROJECT_STATUS_PLANNED);
  g_assert_cmpint (sb_project_get_manager_id (sb_board_get_project (board)), ==,
                   fixture->member_id);

  other = sb_database_open (fixture->path, &error);
  g_assert_no_error (error);
  sb_test_exec (sb_database_get_handle (other), "UPDATE projects SET name = 'Elsewhere'");
  g_assert_true (sb_board_reload (board, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sb_project_get_name (sb_board_get_project (board)), ==, "Elsewhere");
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_board_follows_workspace_changes (SbTestFixture *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;
  g_autoptr(SbTask) task = NULL;
  gint64 project_id = open_project (fixture);
  GListModel *todo;
  Recorder *rec;
  g_autofree char *titles = NULL;

  add_tasks (fixture, project_id, 0, 4);
  board = sb_test_open_board (fixture->ws, project_id);
  todo = column_model (board, 0);
  rec = recorder_new (todo);

  task = g_list_model_get_item (todo, 1);
  g_assert_true (sb_workspace_delete_task (fixture->ws, sb_task_get_id (task), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (todo), ==, 3);
  g_assert_cmpuint (rec->changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (rec->changes, Change, 0).position, ==, 1);
  g_assert_cmpuint (g_array_index (rec->changes, Change, 0).removed, ==, 1);

  g_assert_true (sb_workspace_restore_task (fixture->ws, sb_task_get_id (task), &error));
  g_assert_no_error (error);
  titles = column_titles (todo);
  g_assert_cmpstr (titles, ==, "C0-T0 C0-T1 C0-T2 C0-T3");
  g_assert_cmpuint (rec->changes->len, ==, 2);
  g_assert_cmpuint (g_array_index (rec->changes, Change, 1).position, ==, 1);
  g_assert_cmpuint (g_array_index (rec->changes, Change, 1).added, ==, 1);

  /* A title changed elsewhere shows on the card object the board handed out. */
  g_assert_true (sb_workspace_set_task_title (fixture->ws, sb_task_get_id (task), "Renamed",
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sb_task_get_title (task), ==, "Renamed");

  /* A task created through the workspace appears at the end of its column. */
  add_tasks (fixture, project_id, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (todo), ==, 5);
  g_assert_cmpuint (g_array_index (rec->changes, Change, 2).position, ==, 4);

  recorder_free (todo, rec);
}

/* Applies every ::items-changed to a shadow copy of the ids, then compares the shadow with
 * the models after a long series of random moves: the emissions describe the changes exactly. */
typedef struct
{
  GListModel *model;
  GArray     *ids;
} Shadow;

static GArray *
model_ids (GListModel *model)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbTask) task = g_list_model_get_item (model, i);
      gint64 id = sb_task_get_id (task);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
on_shadow_changed (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Shadow     *shadow)
{
  g_array_remove_range (shadow->ids, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(SbTask) task = g_list_model_get_item (model, position + i);
      gint64 id = sb_task_get_id (task);

      g_array_insert_val (shadow->ids, position + i, id);
    }
}

static void
test_board_items_changed_is_exact (SbTestFixture *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;
  gint64 project_id = open_project (fixture);
  Shadow shadows[4];
  GRand *rand = g_rand_new_with_seed (42);

  for (guint c = 0; c < 4; c++)
    add_tasks (fixture, project_id, c, 70);
  board = sb_test_open_board (fixture->ws, project_id);

  for (guint c = 0; c < 4; c++)
    {
      shadows[c].model = column_model (board, c);
      shadows[c].ids = model_ids (shadows[c].model);
      g_signal_connect (shadows[c].model, "items-changed", G_CALLBACK (on_shadow_changed),
                        &shadows[c]);
    }

  for (guint i = 0; i < 300; i++)
    {
      guint from = g_rand_int_range (rand, 0, 4);
      guint to = g_rand_int_range (rand, 0, 4);
      guint n = g_list_model_get_n_items (shadows[from].model);
      g_autoptr(SbTask) task = NULL;

      if (n == 0)
        continue;
      task = g_list_model_get_item (shadows[from].model, g_rand_int_range (rand, 0, n));
      g_assert_true (sb_board_move_task (board, task, board_column (board, to),
                                         g_rand_int_range (rand, 0, 80), &error));
      g_assert_no_error (error);
    }

  for (guint c = 0; c < 4; c++)
    {
      g_autoptr(GArray) actual = model_ids (shadows[c].model);

      g_assert_cmpuint (actual->len, ==, shadows[c].ids->len);
      g_assert_cmpmem (actual->data, actual->len * sizeof (gint64),
                       shadows[c].ids->data, shadows[c].ids->len * sizeof (gint64));
      g_signal_handlers_disconnect_by_data (shadows[c].model, &shadows[c]);
      g_array_unref (shadows[c].ids);
    }
  g_rand_free (rand);
}

static void
test_board_find_task_and_finalize (SbTestFixture *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  SbBoard *board;
  g_autoptr(GListModel) done = NULL;
  g_autoptr(SbTask) task = NULL;
  SbColumn *column = NULL;
  guint position = 0;
  gint64 project_id = open_project (fixture);

  add_tasks (fixture, project_id, 3, 300);
  board = sb_test_open_board (fixture->ws, project_id);

  {
    g_autoptr(SbTask) shown = g_list_model_get_item (column_model (board, 3), 290);

    /* Forget it, so that the lookup below reads it afresh. */
    gint64 id = sb_task_get_id (shown);

    g_clear_object (&shown);
    task = sb_workspace_get_task (fixture->ws, id, &error);
    g_assert_no_error (error);
  }
  g_assert_true (sb_board_find_task (board, task, &column, &position));
  g_assert_true (column == board_column (board, 3));
  g_assert_cmpuint (position, ==, 290);

  /* A column model kept after its board is gone is empty-handed, not dangling. */
  done = g_object_ref (column_model (board, 3));
  g_assert_finalize_object (board);
  g_assert_null (g_list_model_get_item (done, 0));
}

static void
test_board_refused_for_outsider (SbTestFixture *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;
  gint64 project_id = open_project (fixture);

  sb_test_sign_in (fixture, fixture->outsider_id);
  board = sb_workspace_open_board (fixture->ws, project_id, &error);
  g_assert_null (board);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);

  sb_test_sign_in (fixture, 0);
  board = sb_workspace_open_board (fixture->ws, project_id, &error);
  g_assert_null (board);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);

  sb_test_sign_in (fixture, fixture->member_id);
  board = sb_workspace_open_board (fixture->ws, project_id + 1000, &error);
  g_assert_null (board);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);
}

static void
test_board_order_survives_reopen (SbTestFixture *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 project_id = open_project (fixture);
  g_autofree char *before[4] = { NULL };

  for (guint c = 0; c < 4; c++)
    add_tasks (fixture, project_id, c, 20);

  {
    g_autoptr(SbBoard) board = sb_test_open_board (fixture->ws, project_id);
    GRand *rand = g_rand_new_with_seed (7);

    for (guint i = 0; i < 50; i++)
      {
        GListModel *from = column_model (board, g_rand_int_range (rand, 0, 4));
        guint n = g_list_model_get_n_items (from);
        g_autoptr(SbTask) task = NULL;

        if (n == 0)
          continue;
        task = g_list_model_get_item (from, g_rand_int_range (rand, 0, n));
        g_assert_true (sb_board_move_task (board, task,
                                           board_column (board, g_rand_int_range (rand, 0, 4)),
                                           g_rand_int_range (rand, 0, 30), &error));
        g_assert_no_error (error);
      }
    g_rand_free (rand);
    for (guint c = 0; c < 4; c++)
      before[c] = column_titles (column_model (board, c));
  }

  sb_test_reopen (fixture);
  sb_test_sign_in (fixture, fixture->member_id);
  {
    g_autoptr(SbBoard) board = sb_test_open_board (fixture->ws, project_id);

    for (guint c = 0; c < 4; c++)
      {
        g_autofree char *after = column_titles (column_model (board, c));

        g_assert_cmpstr (after, ==, before[c]);
        g_free (before[c]);
        before[c] = NULL;
      }
  }
}

/* Another connection (as another process would) deletes tasks behind an open board: the board
 * hands out stand-ins rather than NULL, then reads its columns again on the next main-loop turn
 * and says so with ::items-changed. */
static void
test_board_reloads_after_another_writer (SbTestFixture *fixture,
                                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;
  g_autoptr(SbDatabase) other = NULL;
  g_autoptr(SbTask) stand_in = NULL;
  g_autofree char *titles = NULL;
  gint64 project_id = open_project (fixture);
  GListModel *todo;
  Recorder *rec;

  add_tasks (fixture, project_id, 0, 300);
  board = sb_workspace_open_board (fixture->ws, project_id, &error);
  g_assert_no_error (error);
  todo = column_model (board, 0);
  g_assert_cmpuint (g_list_model_get_n_items (todo), ==, 300);
  rec = recorder_new (todo);

  other = sb_database_open (fixture->path, &error);
  g_assert_no_error (error);
  sb_test_exec (sb_database_get_handle (other),
                "UPDATE tasks SET deleted_at = 1 WHERE title GLOB 'C0-T2[0-9][0-9]'");

  /* Past the first chunk, which was read with the counts: those rows are gone now. */
  stand_in = g_list_model_get_item (todo, 299);
  g_assert_nonnull (stand_in);
  g_assert_cmpint (sb_task_get_id (stand_in), ==, 0);
  g_assert_cmpuint (rec->changes->len, ==, 0);

  for (guint i = 0; i < 100 && rec->changes->len == 0; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpuint (rec->changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (rec->changes, Change, 0).position, ==, 0);
  g_assert_cmpuint (g_array_index (rec->changes, Change, 0).removed, ==, 300);
  g_assert_cmpuint (g_array_index (rec->changes, Change, 0).added, ==, 200);
  g_assert_cmpuint (sb_column_get_task_count (board_column (board, 0)), ==, 200);
  {
    g_autoptr(SbTask) last = g_list_model_get_item (todo, 199);

    g_assert_cmpstr (sb_task_get_title (last), ==, "C0-T199");
  }

  recorder_free (todo, rec);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  sb_test_add ("/board/open-is-lazy", test_board_open_is_lazy);
  sb_test_add ("/board/move-between-columns", test_board_move_between_columns);
  sb_test_add ("/board/move-within-column", test_board_move_within_column);
  sb_test_add ("/board/move-clamps-and-writes-one-row", test_board_move_clamps_and_writes_one_row);
  sb_test_add ("/board/add-task-positions", test_board_add_task_positions);
  sb_test_add ("/board/respaces-when-ranks-run-out", test_board_respaces_when_ranks_run_out);
  sb_test_add ("/board/story-filter", test_board_story_filter);
  sb_test_add ("/board/story-filter-cleared-when-story-deleted",
               test_board_story_filter_cleared_when_story_deleted);
  sb_test_add ("/board/project-header-follows", test_board_project_header_follows);
  sb_test_add ("/board/follows-workspace-changes", test_board_follows_workspace_changes);
  sb_test_add ("/board/items-changed-is-exact", test_board_items_changed_is_exact);
  sb_test_add ("/board/find-task-and-finalize", test_board_find_task_and_finalize);
  sb_test_add ("/board/refused-for-outsider", test_board_refused_for_outsider);
  sb_test_add ("/board/order-survives-reopen", test_board_order_survives_reopen);
  sb_test_add ("/board/reloads-after-another-writer", test_board_reloads_after_another_writer);

  return g_test_run ();
}
