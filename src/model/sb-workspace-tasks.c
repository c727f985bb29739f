/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sb-validate.h"
#include "sb-workspace-private.h"

/* Tasks, their places on the board, their history and their comments.
 *
 * A task's place is a fractional rank within its column: moving it writes that one row with a
 * rank halfway between its new neighbours, so nothing else is renumbered. Only when doubles
 * run out of room between two neighbours (after ~50 inserts at one spot) is the column's
 * spacing rebuilt, in the same transaction. */

#define RANK_STEP 1024.0

static const char * const priority_names[] = { "low", "medium", "high", "critical" };

static gboolean
set_not_found (GError     **error,
               const char  *message)
{
  g_set_error_literal (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND, message);
  return FALSE;
}

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT, message);
  return FALSE;
}

/* What the transactions know of a task row. */
typedef struct
{
  gint64  id;
  gint64  project_id;
  gint64  column_id;
  double  rank;
  gint64  story_id;
  gint64  assignee_id;
  int     priority;
  char   *title;
  char   *description;
  char   *due_date;
} TaskRow;

static void
task_row_clear (TaskRow *row)
{
  g_clear_pointer (&row->title, g_free);
  g_clear_pointer (&row->description, g_free);
  g_clear_pointer (&row->due_date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TaskRow, task_row_clear)

static gboolean
read_task_row (SbDatabase  *db,
               gint64       task_id,
               gboolean     deleted,
               TaskRow     *row,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (db,
                              "SELECT id, project_id, column_id, rank, coalesce (story_id, 0), "
                              "  coalesce (assignee_id, 0), priority, title, description, "
                              "  due_date, deleted_at IS NOT NULL "
                              "FROM tasks WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && (sqlite3_column_int (stmt, 10) != 0) == deleted)
    {
      row->id = sqlite3_column_int64 (stmt, 0);
      row->project_id = sqlite3_column_int64 (stmt, 1);
      row->column_id = sqlite3_column_int64 (stmt, 2);
      row->rank = sqlite3_column_double (stmt, 3);
      row->story_id = sqlite3_column_int64 (stmt, 4);
      row->assignee_id = sqlite3_column_int64 (stmt, 5);
      row->priority = sqlite3_column_int (stmt, 6);
      row->title = _sb_column_dup_text (stmt, 7);
      row->description = _sb_column_dup_text (stmt, 8);
      row->due_date = _sb_column_dup_text (stmt, 9);
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sb_database_set_error (db, rc, error);
      return FALSE;
    }
  return set_not_found (error, deleted ? _("There is no deleted task to bring back.")
                                       : _("This task does not exist any more."));
}

/* Signed in, the task exists (not deleted, unless @deleted), and the employee may touch it. */
static gboolean
require_task (SbWorkspace  *self,
              gint64        task_id,
              gboolean      deleted,
              gboolean      manager_only,
              TaskRow      *row,
              GError      **error)
{
  return _sb_workspace_require_signed_in (self, error) &&
         read_task_row (self->db, task_id, deleted, row, error) &&
         _sb_workspace_require_member (self, row->project_id, manager_only, error);
}

/* What the history shows of a column, a story and an assignee (NULL for none). */

static char *
column_name (SbDatabase *db,
             gint64      column_id)
{
  return sb_database_query_text (db, "SELECT name FROM columns WHERE id = ?1", column_id);
}

static char *
story_key (SbDatabase *db,
           gint64      story_id)
{
  return sb_database_query_text (db,
                                 "SELECT p.key || '-' || s.number FROM stories s "
                                 "JOIN projects p ON p.id = s.project_id WHERE s.id = ?1",
                                 story_id);
}

static char *
employee_name (SbDatabase *db,
               gint64      employee_id)
{
  return sb_database_query_text (db, "SELECT name FROM employees WHERE id = ?1", employee_id);
}

static gboolean
add_activity (SbWorkspace  *self,
              gint64        project_id,
              gint64        task_id,
              const char   *field,
              const char   *old_value,
              const char   *new_value,
              GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = sb_database_prepare (self->db,
                              "INSERT INTO activity (project_id, task_id, actor_id, field, "
                              "  old_value, new_value, created_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, task_id);
  sqlite3_bind_int64 (stmt, 3, self->current->id);
  sqlite3_bind_text (stmt, 4, field, -1, SQLITE_STATIC);
  _sb_bind_text (stmt, 5, old_value);
  _sb_bind_text (stmt, 6, new_value);
  sqlite3_bind_int64 (stmt, 7, _sb_now ());
  return sb_database_step_done (self->db, stmt, error);
}

/* Checks of a draft's references against the project */

static gboolean
check_column (SbWorkspace  *self,
              gint64        project_id,
              gint64       *column_id,
              GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 found = 0;

  if (*column_id == 0)
    {
      stmt = sb_database_prepare (self->db,
                                  "SELECT id FROM columns WHERE project_id = ?1 "
                                  "ORDER BY position LIMIT 1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, project_id);
    }
  else
    {
      stmt = sb_database_prepare (self->db,
                                  "SELECT id FROM columns WHERE id = ?2 AND project_id = ?1",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, project_id);
      sqlite3_bind_int64 (stmt, 2, *column_id);
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    found = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (found == 0)
    return set_invalid (error, _("The chosen column is not one of this project’s columns."));
  *column_id = found;
  return TRUE;
}

static gboolean
check_story (SbWorkspace  *self,
             gint64        project_id,
             gint64        story_id,
             GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (story_id == 0)
    return TRUE;
  stmt = sb_database_prepare (self->db,
                              "SELECT 1 FROM stories WHERE id = ?1 AND project_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  sqlite3_bind_int64 (stmt, 2, project_id);
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!ok)
    return set_invalid (error, _("The chosen story is not one of this project’s stories."));
  return TRUE;
}

static gboolean
check_assignee (SbWorkspace  *self,
                gint64        project_id,
                gint64        assignee_id,
                GError      **error)
{
  if (assignee_id == 0 || _sb_workspace_is_member (self, project_id, assignee_id, NULL))
    return TRUE;
  return set_invalid (error, _("A task can only be assigned to a member of its project."));
}

static gboolean
validate_draft_fields (const SbTaskDraft  *draft,
                       GError            **error)
{
  return sb_validate_line (_("Title"), draft->title, -1, error) &&
         sb_validate_text (_("Description"), draft->description != NULL ? draft->description : "",
                           -1, error) &&
         sb_validate_priority (draft->priority, error) &&
         (draft->due_date == NULL || sb_validate_date (_("Due date"), draft->due_date, error));
}

/* Places in a column */

typedef struct
{
  gint64 id;
  double rank;
} Neighbour;

/* The position of the task (@rank, @task_id) in its column: how many tasks come before it. */
static guint
count_before (SbDatabase *db,
              gint64      project_id,
              gint64      column_id,
              double      rank,
              gint64      task_id)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  stmt = sb_database_prepare (db,
                              "SELECT count(*) FROM tasks WHERE project_id = ?1 "
                              "AND column_id = ?2 AND deleted_at IS NULL "
                              "AND (rank < ?3 OR (rank = ?3 AND id < ?4)) AND id != ?4", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, column_id);
  sqlite3_bind_double (stmt, 3, rank);
  sqlite3_bind_int64 (stmt, 4, task_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

static gboolean
read_rank (SbDatabase *db,
           gint64      task_id,
           gint64      column_id,
           double     *rank)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sb_database_prepare (db,
                              "SELECT rank FROM tasks WHERE id = ?1 AND column_id = ?2 "
                              "AND deleted_at IS NULL", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task_id);
  sqlite3_bind_int64 (stmt, 2, column_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *rank = sqlite3_column_double (stmt, 0);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

/* Finds the tasks around @position in the column, not counting @task_id; returns the position
 * actually used (clamped to the end). */
static guint
find_neighbours (SbDatabase *db,
                 gint64      project_id,
                 gint64      column_id,
                 gint64      task_id,
                 guint       position,
                 Neighbour  *prev,
                 Neighbour  *next)
{
  sqlite3_stmt *stmt;
  guint used = position;

  prev->id = next->id = 0;

  if (position > 0)
    {
      /* The task before the place, and the one after it. */
      stmt = sb_database_prepare (db,
                                  "SELECT id, rank FROM tasks WHERE project_id = ?1 "
                                  "AND column_id = ?2 AND deleted_at IS NULL AND id != ?3 "
                                  "ORDER BY rank, id LIMIT 2 OFFSET ?4", NULL);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, project_id);
      sqlite3_bind_int64 (stmt, 2, column_id);
      sqlite3_bind_int64 (stmt, 3, task_id);
      sqlite3_bind_int64 (stmt, 4, (gint64) position - 1);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          prev->id = sqlite3_column_int64 (stmt, 0);
          prev->rank = sqlite3_column_double (stmt, 1);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              next->id = sqlite3_column_int64 (stmt, 0);
              next->rank = sqlite3_column_double (stmt, 1);
            }
        }
      sqlite3_reset (stmt);

      if (prev->id != 0)
        return used;
    }

  if (position == 0)
    {
      stmt = sb_database_prepare (db,
                                  "SELECT id, rank FROM tasks WHERE project_id = ?1 "
                                  "AND column_id = ?2 AND deleted_at IS NULL AND id != ?3 "
                                  "ORDER BY rank, id LIMIT 1", NULL);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, project_id);
      sqlite3_bind_int64 (stmt, 2, column_id);
      sqlite3_bind_int64 (stmt, 3, task_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          next->id = sqlite3_column_int64 (stmt, 0);
          next->rank = sqlite3_column_double (stmt, 1);
        }
      sqlite3_reset (stmt);
      return 0;
    }

  /* Past the end: after the last task. */
  stmt = sb_database_prepare (db,
                              "SELECT id, rank, (SELECT count(*) FROM tasks WHERE project_id = ?1 "
                              "  AND column_id = ?2 AND deleted_at IS NULL AND id != ?3) "
                              "FROM tasks WHERE project_id = ?1 "
                              "AND column_id = ?2 AND deleted_at IS NULL AND id != ?3 "
                              "ORDER BY rank DESC, id DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, column_id);
  sqlite3_bind_int64 (stmt, 3, task_id);
  used = 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      prev->id = sqlite3_column_int64 (stmt, 0);
      prev->rank = sqlite3_column_double (stmt, 1);
      used = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  return used;
}

static gboolean
rank_between (const Neighbour *prev,
              const Neighbour *next,
              double          *rank)
{
  if (prev->id == 0 && next->id == 0)
    *rank = RANK_STEP;
  else if (prev->id == 0)
    *rank = next->rank - RANK_STEP;
  else if (next->id == 0)
    *rank = prev->rank + RANK_STEP;
  else
    *rank = prev->rank + (next->rank - prev->rank) / 2;

  /* No double left strictly between them: the caller respaces the column. */
  return (prev->id == 0 || *rank > prev->rank) && (next->id == 0 || *rank < next->rank) &&
         isfinite (*rank);
}

static gboolean
respace_column (SbDatabase  *db,
                gint64       project_id,
                gint64       column_id,
                GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sb_database_prepare (db,
                              "UPDATE tasks SET rank = r.n * 1024.0 FROM ("
                              "  SELECT id, row_number () OVER (ORDER BY rank, id) AS n "
                              "  FROM tasks WHERE project_id = ?1 AND column_id = ?2 "
                              "  AND deleted_at IS NULL) AS r WHERE tasks.id = r.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, column_id);
  return sb_database_step_done (db, stmt, error);
}

/* Chooses a rank for @request's place in @column_id of @project_id. Fills in the position
 * used. Uses the neighbour hints when they are still neighbours in this column. */
static gboolean
choose_rank (SbWorkspace   *self,
             gint64         project_id,
             SbMoveRequest *request,
             double        *rank,
             GError       **error)
{
  Neighbour prev = { 0 }, next = { 0 };
  gboolean hinted = FALSE;

  if (request->have_neighbours)
    {
      hinted = (request->prev_id == 0 ||
                read_rank (self->db, request->prev_id, request->column_id, &prev.rank)) &&
               (request->next_id == 0 ||
                read_rank (self->db, request->next_id, request->column_id, &next.rank));
      prev.id = request->prev_id;
      next.id = request->next_id;
      hinted = hinted && (prev.id == 0 || next.id == 0 || prev.rank < next.rank);
    }

  if (!hinted)
    request->position = find_neighbours (self->db, project_id, request->column_id,
                                         request->task_id, request->position, &prev, &next);

  if (rank_between (&prev, &next, rank))
    return TRUE;

  if (!respace_column (self->db, project_id, request->column_id, error))
    return FALSE;
  request->position = find_neighbours (self->db, project_id, request->column_id,
                                       request->task_id, request->position, &prev, &next);
  if (rank_between (&prev, &next, rank))
    return TRUE;

  g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_FAILED,
               _("Could not find a place for the task in its column."));
  return FALSE;
}

/* Moving */

typedef struct
{
  SbWorkspace   *self;
  SbMoveRequest *request;
  gint64         old_column_id;
  guint          old_position;
  gboolean       changed;
} MoveData;

static gboolean
move_in_transaction (SbDatabase  *db,
                     gpointer     user_data,
                     GError     **error)
{
  MoveData *data = user_data;
  SbMoveRequest *request = data->request;
  g_auto(TaskRow) row = { 0 };
  g_autofree char *old_name = NULL;
  g_autofree char *new_name = NULL;
  sqlite3_stmt *stmt;
  double rank;

  if (!require_task (data->self, request->task_id, FALSE, FALSE, &row, error) ||
      !check_column (data->self, row.project_id, &request->column_id, error))
    return FALSE;

  data->old_column_id = row.column_id;
  data->old_position = request->old_position != G_MAXUINT
                         ? request->old_position
                         : count_before (db, row.project_id, row.column_id, row.rank, row.id);

  if (request->position == G_MAXUINT)
    request->position = G_MAXINT;   /* the end: clamped by find_neighbours() */

  if (!choose_rank (data->self, row.project_id, request, &rank, error))
    return FALSE;

  /* Dropped where it already was. */
  if (row.column_id == request->column_id && data->old_position == request->position)
    return TRUE;

  stmt = sb_database_prepare (db,
                              "UPDATE tasks SET column_id = ?2, rank = ?3, updated_at = ?4 "
                              "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row.id);
  sqlite3_bind_int64 (stmt, 2, request->column_id);
  sqlite3_bind_double (stmt, 3, rank);
  sqlite3_bind_int64 (stmt, 4, _sb_now ());
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;

  /* Hints gave the neighbours but not the place: count it now that the rank is written. */
  if (request->position >= G_MAXINT)
    request->position = count_before (db, row.project_id, request->column_id, rank, row.id);

  data->changed = TRUE;
  if (row.column_id != request->column_id)
    {
      old_name = column_name (db, row.column_id);
      new_name = column_name (db, request->column_id);
      return add_activity (data->self, row.project_id, row.id, "column", old_name, new_name,
                           error);
    }
  else
    {
      g_autofree char *from = g_strdup_printf ("%u", data->old_position + 1);
      g_autofree char *to = g_strdup_printf ("%u", request->position + 1);

      return add_activity (data->self, row.project_id, row.id, "position", from, to, error);
    }
}

/**
 * _sb_workspace_move:
 *
 * Moves a task to a place in a column in one transaction, then updates the task object and
 * emits ::task-moved. On return, @request->position is the place it took.
 */
gboolean
_sb_workspace_move (SbWorkspace    *self,
                    SbMoveRequest  *request,
                    GError        **error)
{
  MoveData data = { self, request, 0, 0, FALSE };
  g_autoptr(SbTask) task = NULL;

  if (!sb_database_write (self->db, move_in_transaction, &data, error))
    return FALSE;
  if (!data.changed)
    return TRUE;

  task = _sb_workspace_refresh_task (self, request->task_id, NULL);
  if (task != NULL)
    _sb_workspace_emit_task_moved (self, task, data.old_column_id, data.old_position,
                                   request->column_id, request->position);
  return TRUE;
}

/**
 * sb_workspace_move_task:
 * @column_id: the column to move to, in the task's project
 * @position: the place in that column, counting its tasks without this one; past the end
 *   means the end
 *
 * Moves a task to another column or another place in its column.
 */
gboolean
sb_workspace_move_task (SbWorkspace  *self,
                        gint64        task_id,
                        gint64        column_id,
                        guint         position,
                        GError      **error)
{
  SbMoveRequest request = { task_id, column_id, position, 0, 0, FALSE, G_MAXUINT };

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  if (column_id == 0)
    return set_invalid (error, _("The chosen column is not one of this project’s columns."));
  return _sb_workspace_move (self, &request, error);
}

/* Creating */

typedef struct
{
  SbWorkspace       *self;
  gint64             project_id;
  SbTaskDraft        draft;
  SbMoveRequest     *where;
  gint64             task_id;
} InsertData;

static gboolean
insert_in_transaction (SbDatabase  *db,
                       gpointer     user_data,
                       GError     **error)
{
  InsertData *data = user_data;
  sqlite3_stmt *stmt;
  gint64 number;
  gint64 now = _sb_now ();
  double rank;

  if (!_sb_workspace_require_member (data->self, data->project_id, FALSE, error) ||
      !validate_draft_fields (&data->draft, error) ||
      !check_column (data->self, data->project_id, &data->draft.column_id, error) ||
      !check_story (data->self, data->project_id, data->draft.story_id, error) ||
      !check_assignee (data->self, data->project_id, data->draft.assignee_id, error))
    return FALSE;

  data->where->task_id = 0;
  data->where->column_id = data->draft.column_id;
  if (data->where->position == G_MAXUINT)
    data->where->position = G_MAXINT;
  if (!choose_rank (data->self, data->project_id, data->where, &rank, error))
    return FALSE;

  stmt = sb_database_prepare (db,
                              "UPDATE projects SET next_number = next_number + 1 "
                              "WHERE id = ?1 RETURNING next_number - 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->project_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sb_database_set_error (db, sqlite3_reset (stmt), error);
      return FALSE;
    }
  number = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  stmt = sb_database_prepare (db,
                              "INSERT INTO tasks (project_id, number, column_id, rank, title, "
                              "  description, story_id, assignee_id, priority, due_date, "
                              "  created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->project_id);
  sqlite3_bind_int64 (stmt, 2, number);
  sqlite3_bind_int64 (stmt, 3, data->draft.column_id);
  sqlite3_bind_double (stmt, 4, rank);
  sqlite3_bind_text (stmt, 5, data->draft.title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, data->draft.description != NULL ? data->draft.description : "",
                     -1, SQLITE_TRANSIENT);
  if (data->draft.story_id != 0)
    sqlite3_bind_int64 (stmt, 7, data->draft.story_id);
  if (data->draft.assignee_id != 0)
    sqlite3_bind_int64 (stmt, 8, data->draft.assignee_id);
  sqlite3_bind_int (stmt, 9, data->draft.priority);
  _sb_bind_text (stmt, 10, data->draft.due_date);
  sqlite3_bind_int64 (stmt, 11, now);
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;

  data->task_id = sqlite3_last_insert_rowid (sb_database_get_handle (db));
  if (data->where->position >= G_MAXINT)
    data->where->position = count_before (db, data->project_id, data->draft.column_id, rank,
                                          data->task_id);
  return add_activity (data->self, data->project_id, data->task_id, "created", NULL,
                       data->draft.title, error);
}

SbTask *
_sb_workspace_insert (SbWorkspace        *self,
                      gint64              project_id,
                      const SbTaskDraft  *draft,
                      SbMoveRequest      *where,
                      GError            **error)
{
  InsertData data = { self, project_id, *draft, where, 0 };
  SbTask *task;

  if (!_sb_workspace_require_signed_in (self, error) ||
      !sb_database_write (self->db, insert_in_transaction, &data, error))
    return NULL;

  task = _sb_workspace_refresh_task (self, data.task_id, error);
  if (task != NULL)
    _sb_workspace_emit_task_moved (self, task, 0, 0, where->column_id, where->position);
  return task;
}

/**
 * sb_workspace_create_task:
 *
 * Creates a task at the end of the draft's column (the first column when it has none).
 *
 * Returns: (transfer full): the task
 */
SbTask *
sb_workspace_create_task (SbWorkspace        *self,
                          gint64              project_id,
                          const SbTaskDraft  *draft,
                          GError            **error)
{
  SbMoveRequest where = { 0, 0, G_MAXUINT, 0, 0, FALSE, G_MAXUINT };

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  return _sb_workspace_insert (self, project_id, draft, &where, error);
}

/**
 * sb_workspace_insert_task:
 * @position: the place in the column; past the end means the end
 *
 * Like sb_workspace_create_task(), at a given place in the column.
 *
 * Returns: (transfer full): the task
 */
SbTask *
sb_workspace_insert_task (SbWorkspace        *self,
                          gint64              project_id,
                          const SbTaskDraft  *draft,
                          guint               position,
                          GError            **error)
{
  SbMoveRequest where = { 0, 0, position, 0, 0, FALSE, G_MAXUINT };

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  return _sb_workspace_insert (self, project_id, draft, &where, error);
}

/**
 * sb_workspace_get_task:
 *
 * Returns: (transfer full): the task; the same object for as long as someone holds it
 */
SbTask *
sb_workspace_get_task (SbWorkspace  *self,
                       gint64        task_id,
                       GError      **error)
{
  g_auto(TaskRow) row = { 0 };

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!require_task (self, task_id, FALSE, FALSE, &row, error))
    return NULL;
  return _sb_workspace_refresh_task (self, task_id, error);
}

/* Changing fields */

typedef enum
{
  FIELD_TITLE       = 1 << 0,
  FIELD_DESCRIPTION = 1 << 1,
  FIELD_STORY       = 1 << 2,
  FIELD_ASSIGNEE    = 1 << 3,
  FIELD_PRIORITY    = 1 << 4,
  FIELD_DUE_DATE    = 1 << 5,
  FIELD_COLUMN      = 1 << 6,
  FIELD_ALL         = 0x7f,
} Field;

typedef struct
{
  SbWorkspace *self;
  gint64       task_id;
  SbTaskDraft  draft;
  Field        fields;
  gboolean     changed;
  gboolean     moved;
  gint64       old_column_id;
  guint        old_position;
  guint        new_position;
} UpdateData;

static gboolean
update_in_transaction (SbDatabase  *db,
                       gpointer     user_data,
                       GError     **error)
{
  UpdateData *data = user_data;
  SbTaskDraft *draft = &data->draft;
  g_auto(TaskRow) row = { 0 };
  sqlite3_stmt *stmt;
  Field fields = data->fields;

  if (!require_task (data->self, data->task_id, FALSE, FALSE, &row, error))
    return FALSE;

  /* Fields not being changed keep the row's value, so the checks below see the whole task. */
  if (!(fields & FIELD_TITLE))
    draft->title = row.title;
  if (!(fields & FIELD_DESCRIPTION))
    draft->description = row.description;
  if (draft->description == NULL)
    draft->description = "";
  if (!(fields & FIELD_STORY))
    draft->story_id = row.story_id;
  if (!(fields & FIELD_ASSIGNEE))
    draft->assignee_id = row.assignee_id;
  if (!(fields & FIELD_PRIORITY))
    draft->priority = row.priority;
  if (!(fields & FIELD_DUE_DATE))
    draft->due_date = row.due_date;
  if (!(fields & FIELD_COLUMN) || draft->column_id == 0)
    draft->column_id = row.column_id;

  if (!validate_draft_fields (draft, error) ||
      !check_column (data->self, row.project_id, &draft->column_id, error) ||
      !check_story (data->self, row.project_id, draft->story_id, error) ||
      (draft->assignee_id != row.assignee_id &&
       !check_assignee (data->self, row.project_id, draft->assignee_id, error)))
    return FALSE;

#define CHANGED_TEXT(a, b) (g_strcmp0 ((a), (b)) != 0)

  if (CHANGED_TEXT (draft->title, row.title) &&
      !add_activity (data->self, row.project_id, row.id, "title", row.title, draft->title, error))
    return FALSE;
  if (CHANGED_TEXT (draft->description, row.description) &&
      !add_activity (data->self, row.project_id, row.id, "description", row.description,
                     draft->description, error))
    return FALSE;
  if (draft->story_id != row.story_id)
    {
      g_autofree char *old_key = story_key (db, row.story_id);
      g_autofree char *new_key = story_key (db, draft->story_id);

      if (!add_activity (data->self, row.project_id, row.id, "story", old_key, new_key, error))
        return FALSE;
    }
  if (draft->assignee_id != row.assignee_id)
    {
      g_autofree char *old_name = employee_name (db, row.assignee_id);
      g_autofree char *new_name = employee_name (db, draft->assignee_id);

      if (!add_activity (data->self, row.project_id, row.id, "assignee", old_name, new_name,
                         error))
        return FALSE;
    }
  if ((int) draft->priority != row.priority &&
      !add_activity (data->self, row.project_id, row.id, "priority",
                     priority_names[row.priority], priority_names[draft->priority], error))
    return FALSE;
  if (CHANGED_TEXT (draft->due_date, row.due_date) &&
      !add_activity (data->self, row.project_id, row.id, "due_date", row.due_date,
                     draft->due_date, error))
    return FALSE;

#undef CHANGED_TEXT

  data->changed = g_strcmp0 (draft->title, row.title) != 0 ||
                  g_strcmp0 (draft->description, row.description) != 0 ||
                  draft->story_id != row.story_id || draft->assignee_id != row.assignee_id ||
                  (int) draft->priority != row.priority ||
                  g_strcmp0 (draft->due_date, row.due_date) != 0;

  if (data->changed)
    {
      stmt = sb_database_prepare (db,
                                  "UPDATE tasks SET title = ?2, description = ?3, story_id = ?4, "
                                  "  assignee_id = ?5, priority = ?6, due_date = ?7, "
                                  "  updated_at = ?8 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row.id);
      sqlite3_bind_text (stmt, 2, draft->title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, draft->description, -1, SQLITE_TRANSIENT);
      if (draft->story_id != 0)
        sqlite3_bind_int64 (stmt, 4, draft->story_id);
      if (draft->assignee_id != 0)
        sqlite3_bind_int64 (stmt, 5, draft->assignee_id);
      sqlite3_bind_int (stmt, 6, draft->priority);
      _sb_bind_text (stmt, 7, draft->due_date);
      sqlite3_bind_int64 (stmt, 8, _sb_now ());
      if (!sb_database_step_done (db, stmt, error))
        return FALSE;
    }

  if (draft->column_id != row.column_id)
    {
      SbMoveRequest request = { row.id, draft->column_id, G_MAXUINT, 0, 0, FALSE, G_MAXUINT };
      MoveData move = { data->self, &request, 0, 0, FALSE };

      /* Joins this transaction. */
      if (!move_in_transaction (db, &move, error))
        return FALSE;
      data->moved = move.changed;
      data->old_column_id = move.old_column_id;
      data->old_position = move.old_position;
      data->new_position = request.position;
    }

  return TRUE;
}

static gboolean
update_fields (SbWorkspace        *self,
               gint64              task_id,
               const SbTaskDraft  *draft,
               Field               fields,
               GError            **error)
{
  UpdateData data = { self, task_id, *draft, fields, FALSE, FALSE, 0, 0, 0 };
  g_autoptr(SbTask) task = NULL;

  if (!sb_database_write (self->db, update_in_transaction, &data, error))
    return FALSE;

  if (data.changed || data.moved)
    task = _sb_workspace_refresh_task (self, task_id, NULL);
  if (task != NULL && data.moved)
    _sb_workspace_emit_task_moved (self, task, data.old_column_id, data.old_position,
                                   task->column_id, data.new_position);
  return TRUE;
}

/**
 * sb_workspace_update_task:
 *
 * Saves the task editor: every field of @draft that differs from the task is changed, each
 * change recorded in the task's history, in one transaction. A different column moves the
 * task to the end of that column; a column of 0 keeps it where it is.
 */
gboolean
sb_workspace_update_task (SbWorkspace        *self,
                          gint64              task_id,
                          const SbTaskDraft  *draft,
                          GError            **error)
{
  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  return update_fields (self, task_id, draft, FIELD_ALL, error);
}

gboolean
sb_workspace_set_task_title (SbWorkspace  *self,
                             gint64        task_id,
                             const char   *title,
                             GError      **error)
{
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  draft.title = title;
  return update_fields (self, task_id, &draft, FIELD_TITLE, error);
}

gboolean
sb_workspace_set_task_description (SbWorkspace  *self,
                                   gint64        task_id,
                                   const char   *description,
                                   GError      **error)
{
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  draft.description = description != NULL ? description : "";
  return update_fields (self, task_id, &draft, FIELD_DESCRIPTION, error);
}

gboolean
sb_workspace_set_task_story (SbWorkspace  *self,
                             gint64        task_id,
                             gint64        story_id,
                             GError      **error)
{
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  draft.story_id = story_id;
  return update_fields (self, task_id, &draft, FIELD_STORY, error);
}

gboolean
sb_workspace_set_task_assignee (SbWorkspace  *self,
                                gint64        task_id,
                                gint64        assignee_id,
                                GError      **error)
{
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  draft.assignee_id = assignee_id;
  return update_fields (self, task_id, &draft, FIELD_ASSIGNEE, error);
}

gboolean
sb_workspace_set_task_priority (SbWorkspace  *self,
                                gint64        task_id,
                                SbPriority    priority,
                                GError      **error)
{
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  draft.priority = priority;
  return update_fields (self, task_id, &draft, FIELD_PRIORITY, error);
}

/**
 * sb_workspace_set_task_due_date:
 * @due_date: (nullable): "YYYY-MM-DD", or %NULL for none
 */
gboolean
sb_workspace_set_task_due_date (SbWorkspace  *self,
                                gint64        task_id,
                                const char   *due_date,
                                GError      **error)
{
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  draft.due_date = due_date;
  return update_fields (self, task_id, &draft, FIELD_DUE_DATE, error);
}

/* Deleting and restoring */

typedef struct
{
  SbWorkspace *self;
  gint64       task_id;
  gboolean     restore;
  gint64       project_id;
  gint64       column_id;
  guint        position;
} DeleteData;

static gboolean
delete_in_transaction (SbDatabase  *db,
                       gpointer     user_data,
                       GError     **error)
{
  DeleteData *data = user_data;
  g_auto(TaskRow) row = { 0 };
  sqlite3_stmt *stmt;

  if (!require_task (data->self, data->task_id, data->restore, TRUE, &row, error))
    return FALSE;

  data->project_id = row.project_id;
  data->column_id = row.column_id;
  if (!data->restore)
    data->position = count_before (db, row.project_id, row.column_id, row.rank, row.id);

  stmt = sb_database_prepare (db, "UPDATE tasks SET deleted_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row.id);
  if (data->restore)
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_int64 (stmt, 2, _sb_now ());
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;

  if (data->restore)
    data->position = count_before (db, row.project_id, row.column_id, row.rank, row.id);

  return add_activity (data->self, row.project_id, row.id,
                       data->restore ? "restored" : "deleted", NULL, NULL, error);
}

/**
 * sb_workspace_delete_task:
 *
 * Deletes a task; only the project's manager may. It can be brought back with
 * sb_workspace_restore_task(), in its place and with its comments.
 */
gboolean
sb_workspace_delete_task (SbWorkspace  *self,
                          gint64        task_id,
                          GError      **error)
{
  DeleteData data = { self, task_id, FALSE, 0, 0, 0 };
  SbTask *task;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  if (!sb_database_write (self->db, delete_in_transaction, &data, error))
    return FALSE;

  task = g_hash_table_lookup (self->tasks, &task_id);
  if (task != NULL)
    {
      g_autoptr(SbTask) held = g_object_ref (task);

      _sb_workspace_emit_task_moved (self, held, data.column_id, data.position, 0, 0);
    }
  else
    {
      /* Nobody shows it; boards still need to hear that a row left the column. */
      g_autoptr(SbTask) ghost = _sb_task_new ();

      ghost->id = task_id;
      ghost->project_id = data.project_id;
      ghost->column_id = data.column_id;
      _sb_workspace_emit_task_moved (self, ghost, data.column_id, data.position, 0, 0);
    }
  return TRUE;
}

/**
 * sb_workspace_restore_task:
 *
 * Undoes sb_workspace_delete_task(); only the project's manager may.
 */
gboolean
sb_workspace_restore_task (SbWorkspace  *self,
                           gint64        task_id,
                           GError      **error)
{
  DeleteData data = { self, task_id, TRUE, 0, 0, 0 };
  g_autoptr(SbTask) task = NULL;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  if (!sb_database_write (self->db, delete_in_transaction, &data, error))
    return FALSE;

  task = _sb_workspace_refresh_task (self, task_id, NULL);
  if (task != NULL)
    _sb_workspace_emit_task_moved (self, task, 0, 0, data.column_id, data.position);
  return TRUE;
}

/* Lists */

/**
 * sb_workspace_list_my_open_tasks:
 *
 * The dashboard's "my open tasks": tasks assigned to the signed-in employee that are not in a
 * Done column, most urgent first, then by due date.
 *
 * Returns: (transfer full): a list of #SbTask
 */
GListModel *
sb_workspace_list_my_open_tasks (SbWorkspace  *self,
                                 GError      **error)
{
  return sb_workspace_list_my_open_tasks_top (self, 0, NULL, error);
}

/**
 * sb_workspace_list_my_open_tasks_top:
 * @limit: at most this many tasks (0: all)
 * @n_open: (out) (optional): how many open tasks there are in all
 *
 * The first @limit of sb_workspace_list_my_open_tasks(): what a dashboard shows when someone
 * has thousands.
 *
 * Returns: (transfer full): a list of #SbTask
 */
GListModel *
sb_workspace_list_my_open_tasks_top (SbWorkspace  *self,
                                     guint         limit,
                                     guint        *n_open,
                                     GError      **error)
{
  g_autoptr(GListModel) tasks = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!_sb_workspace_require_signed_in (self, error))
    return NULL;

  stmt = sb_database_prepare (self->db,
                              SB_TASK_SELECT
                              "JOIN project_members me ON me.project_id = t.project_id "
                              "  AND me.employee_id = ?1 "
                              "WHERE t.assignee_id = ?1 AND t.deleted_at IS NULL "
                              "AND c.is_done = 0 "
                              "ORDER BY t.priority DESC, t.due_date IS NULL, t.due_date, t.id "
                              "LIMIT ?2",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->current->id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  tasks = _sb_workspace_collect (self, stmt, SB_TYPE_TASK, _sb_workspace_task_row, self, error);
  if (tasks == NULL)
    return NULL;

  if (n_open != NULL)
    {
      gint64 count = 0;

      if (limit == 0 || g_list_model_get_n_items (tasks) < limit)
        count = g_list_model_get_n_items (tasks);
      else
        sb_database_query_int64 (self->db,
                                 "SELECT count(*) FROM tasks t "
                                 "JOIN columns c ON c.id = t.column_id "
                                 "JOIN project_members me ON me.project_id = t.project_id "
                                 "  AND me.employee_id = ?1 "
                                 "WHERE t.assignee_id = ?1 AND t.deleted_at IS NULL "
                                 "AND c.is_done = 0",
                                 self->current->id, &count);
      *n_open = (guint) count;
    }
  return g_steal_pointer (&tasks);
}

static gpointer
activity_from_row (sqlite3_stmt *stmt,
                   gpointer      user_data)
{
  SbActivity *activity = _sb_activity_new ();

  activity->id = sqlite3_column_int64 (stmt, 0);
  activity->task_id = sqlite3_column_int64 (stmt, 1);
  activity->actor_id = sqlite3_column_int64 (stmt, 2);
  activity->actor_name = _sb_column_dup_text (stmt, 3);
  activity->field = _sb_column_dup_text (stmt, 4);
  activity->old_value = _sb_column_dup_text (stmt, 5);
  activity->new_value = _sb_column_dup_text (stmt, 6);
  activity->created_at = sqlite3_column_int64 (stmt, 7);
  return activity;
}

/**
 * sb_workspace_list_activity:
 *
 * Returns: (transfer full): the task's history, oldest first
 */
GListModel *
sb_workspace_list_activity (SbWorkspace  *self,
                            gint64        task_id,
                            GError      **error)
{
  g_auto(TaskRow) row = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!require_task (self, task_id, FALSE, FALSE, &row, error))
    return NULL;

  stmt = sb_database_prepare (self->db,
                              "SELECT a.id, a.task_id, a.actor_id, e.name, a.field, a.old_value, "
                              "  a.new_value, a.created_at "
                              "FROM activity a JOIN employees e ON e.id = a.actor_id "
                              "WHERE a.task_id = ?1 ORDER BY a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, task_id);
  return _sb_workspace_collect (self, stmt, SB_TYPE_ACTIVITY, activity_from_row, NULL, error);
}

/* Comments */

#define COMMENT_SELECT \
  "SELECT c.id, c.task_id, c.author_id, e.name, c.body, c.created_at, coalesce (c.edited_at, 0)" \
  " FROM comments c JOIN employees e ON e.id = c.author_id "

static gpointer
comment_from_row (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  SbComment *comment = _sb_comment_new ();

  comment->id = sqlite3_column_int64 (stmt, 0);
  comment->task_id = sqlite3_column_int64 (stmt, 1);
  comment->author_id = sqlite3_column_int64 (stmt, 2);
  comment->author_name = _sb_column_dup_text (stmt, 3);
  comment->body = _sb_column_dup_text (stmt, 4);
  comment->created_at = sqlite3_column_int64 (stmt, 5);
  comment->edited_at = sqlite3_column_int64 (stmt, 6);
  return comment;
}

static SbComment *
query_comment (SbWorkspace  *self,
               gint64        comment_id,
               GError      **error)
{
  return _sb_workspace_query_one (self, COMMENT_SELECT "WHERE c.id = ?1", comment_id,
                                  comment_from_row, _("This comment does not exist any more."),
                                  error);
}

static gboolean
validate_comment (const char  *body,
                  GError     **error)
{
  if (!sb_validate_text (_("Comment"), body, -1, error))
    return FALSE;

  for (const char *p = body; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return set_invalid (error, _("Comment cannot be empty."));
}

typedef struct
{
  SbWorkspace *self;
  gint64       task_id;
  gint64       comment_id;
  const char  *body;
  gboolean     remove;
} CommentData;

static gboolean
add_comment_in_transaction (SbDatabase  *db,
                            gpointer     user_data,
                            GError     **error)
{
  CommentData *data = user_data;
  g_auto(TaskRow) row = { 0 };
  sqlite3_stmt *stmt;

  if (!require_task (data->self, data->task_id, FALSE, FALSE, &row, error) ||
      !validate_comment (data->body, error))
    return FALSE;

  stmt = sb_database_prepare (db,
                              "INSERT INTO comments (task_id, author_id, body, created_at) "
                              "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->task_id);
  sqlite3_bind_int64 (stmt, 2, data->self->current->id);
  sqlite3_bind_text (stmt, 3, data->body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, _sb_now ());
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;
  data->comment_id = sqlite3_last_insert_rowid (sb_database_get_handle (db));
  return TRUE;
}

/**
 * sb_workspace_add_comment:
 *
 * Returns: (transfer full): the new comment, by the signed-in employee
 */
SbComment *
sb_workspace_add_comment (SbWorkspace  *self,
                          gint64        task_id,
                          const char   *body,
                          GError      **error)
{
  CommentData data = { self, task_id, 0, body, FALSE };
  g_autoptr(SbTask) task = NULL;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!sb_database_write (self->db, add_comment_in_transaction, &data, error))
    return NULL;

  task = _sb_workspace_refresh_task (self, task_id, NULL);   /* its comment count */
  return query_comment (self, data.comment_id, error);
}

static gboolean
change_comment_in_transaction (SbDatabase  *db,
                               gpointer     user_data,
                               GError     **error)
{
  CommentData *data = user_data;
  g_autoptr(SbComment) comment = NULL;
  g_auto(TaskRow) row = { 0 };
  sqlite3_stmt *stmt;

  if (!_sb_workspace_require_signed_in (data->self, error))
    return FALSE;
  comment = query_comment (data->self, data->comment_id, error);
  if (comment == NULL ||
      !require_task (data->self, comment->task_id, FALSE, FALSE, &row, error))
    return FALSE;
  data->task_id = comment->task_id;

  if (comment->author_id != data->self->current->id)
    {
      g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED,
                   data->remove ? _("Only its author can delete a comment.")
                                : _("Only its author can edit a comment."));
      return FALSE;
    }

  if (data->remove)
    return sb_database_run_with_id (db, "DELETE FROM comments WHERE id = ?1", data->comment_id,
                                    error);

  if (!validate_comment (data->body, error))
    return FALSE;
  stmt = sb_database_prepare (db,
                              "UPDATE comments SET body = ?2, edited_at = ?3 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->comment_id);
  sqlite3_bind_text (stmt, 2, data->body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, _sb_now ());
  return sb_database_step_done (db, stmt, error);
}

/**
 * sb_workspace_edit_comment:
 *
 * Changes a comment's text; only its author may.
 */
gboolean
sb_workspace_edit_comment (SbWorkspace  *self,
                           gint64        comment_id,
                           const char   *body,
                           GError      **error)
{
  CommentData data = { self, 0, comment_id, body, FALSE };

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  return sb_database_write (self->db, change_comment_in_transaction, &data, error);
}

/**
 * sb_workspace_delete_comment:
 *
 * Deletes a comment; only its author may.
 */
gboolean
sb_workspace_delete_comment (SbWorkspace  *self,
                             gint64        comment_id,
                             GError      **error)
{
  CommentData data = { self, 0, comment_id, NULL, TRUE };
  g_autoptr(SbTask) task = NULL;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  if (!sb_database_write (self->db, change_comment_in_transaction, &data, error))
    return FALSE;

  task = _sb_workspace_refresh_task (self, data.task_id, NULL);
  return TRUE;
}

/**
 * sb_workspace_list_comments:
 *
 * Returns: (transfer full): the task's comments, oldest first
 */
GListModel *
sb_workspace_list_comments (SbWorkspace  *self,
                            gint64        task_id,
                            GError      **error)
{
  g_auto(TaskRow) row = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!require_task (self, task_id, FALSE, FALSE, &row, error))
    return NULL;

  stmt = sb_database_prepare (self->db, COMMENT_SELECT "WHERE c.task_id = ?1 ORDER BY c.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, task_id);
  return _sb_workspace_collect (self, stmt, SB_TYPE_COMMENT, comment_from_row, NULL, error);
}
