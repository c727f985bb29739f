/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-workspace-private.h"

/* SbWorkspace is the one door to every use case. This file holds the object itself, the
 * permission checks and the row readers; the use cases are in sb-workspace-accounts.c,
 * sb-workspace-projects.c and sb-workspace-tasks.c. */

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_CURRENT_EMPLOYEE,
  N_PROPS
};

enum {
  TASK_MOVED,
  PROJECTS_CHANGED,
  STORIES_CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (SbWorkspace, sb_workspace, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

gint64
_sb_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
_sb_bind_text (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
_sb_column_dup_text (sqlite3_stmt *stmt,
                     int           index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  return g_strdup (text);
}

/**
 * _sb_workspace_collect:
 * @stmt: a prepared query with its parameters bound
 *
 * Steps through @stmt and makes a list of the records @from_row makes of its rows.
 *
 * Returns: (transfer full): the list, or %NULL with @error set
 */
GListModel *
_sb_workspace_collect (SbWorkspace  *self,
                       sqlite3_stmt *stmt,
                       GType         item_type,
                       SbRowFunc     from_row,
                       gpointer      user_data,
                       GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (item_type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) item = from_row (stmt, user_data);

      if (item != NULL)
        g_list_store_append (store, item);
    }
  sqlite3_reset (stmt);
  _sb_workspace_thaw_tasks (self);

  if (rc != SQLITE_DONE)
    {
      sb_database_set_error (self->db, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * _sb_workspace_query_one:
 * @sql: a query whose only parameter is ?1 (a string literal)
 * @not_found: the message of the %SB_MODEL_ERROR_NOT_FOUND error when there is no row
 *
 * Returns: (transfer full): the record @from_row makes of the first row, or %NULL
 */
gpointer
_sb_workspace_query_one (SbWorkspace  *self,
                         const char   *sql,
                         gint64        id,
                         SbRowFunc     from_row,
                         const char   *not_found,
                         GError      **error)
{
  sqlite3_stmt *stmt = sb_database_prepare (self->db, sql, error);
  gpointer record = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = from_row (stmt, self);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND, not_found);
  else
    sb_database_set_error (self->db, rc, error);
  sqlite3_reset (stmt);
  _sb_workspace_thaw_tasks (self);
  return record;
}

/* Private: the workspace's own signals, emitted after a transaction committed. */

void
_sb_workspace_emit_task_moved (SbWorkspace *self,
                               SbTask      *task,
                               gint64       old_column_id,
                               guint        old_position,
                               gint64       new_column_id,
                               guint        new_position)
{
  g_signal_emit (self, signals[TASK_MOVED], 0, task, old_column_id, old_position, new_column_id,
                 new_position);
}

void
_sb_workspace_emit_projects_changed (SbWorkspace *self)
{
  g_signal_emit (self, signals[PROJECTS_CHANGED], 0);
}

void
_sb_workspace_emit_stories_changed (SbWorkspace *self,
                                    gint64       project_id)
{
  g_signal_emit (self, signals[STORIES_CHANGED], 0, project_id);
}

/* Who is signed in */

void
_sb_workspace_set_current (SbWorkspace *self,
                           SbEmployee  *employee,
                           gint64       session_id)
{
  self->current_session_id = session_id;
  if (g_set_object (&self->current, employee))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_EMPLOYEE]);
}

/**
 * _sb_workspace_sign_in_for_testing:
 *
 * Signs in as @employee_id (0 signs out) without a password, so that tests need not pay for
 * Argon2id at every switch of user. Not part of the public API.
 */
void
_sb_workspace_sign_in_for_testing (SbWorkspace *self,
                                   gint64       employee_id)
{
  g_autoptr(SbEmployee) employee = NULL;

  if (employee_id != 0)
    {
      employee = _sb_workspace_query_one (self,
                                          "SELECT id, name, email, created_at FROM employees "
                                          "WHERE id = ?1",
                                          employee_id, _sb_employee_row, "", NULL);
      g_assert (employee != NULL);
    }

  _sb_workspace_set_current (self, employee, 0);
}

gboolean
_sb_workspace_require_signed_in (SbWorkspace  *self,
                                 GError      **error)
{
  if (self->current == NULL)
    {
      g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN,
                   _("Sign in to do this."));
      return FALSE;
    }
  return TRUE;
}

gboolean
_sb_workspace_is_member (SbWorkspace  *self,
                         gint64        project_id,
                         gint64        employee_id,
                         GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = sb_database_prepare (self->db,
                              "SELECT 1 FROM project_members "
                              "WHERE project_id = ?1 AND employee_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/**
 * _sb_workspace_require_member:
 * @manager_only: whether only the project's manager may go on
 *
 * The permission check every project call makes: someone is signed in, the project exists,
 * and the signed-in employee is a member (or its manager).
 */
gboolean
_sb_workspace_require_member (SbWorkspace  *self,
                              gint64        project_id,
                              gboolean      manager_only,
                              GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 manager_id = 0;
  gboolean member = FALSE;
  gboolean exists = FALSE;
  gint64 me;

  if (!_sb_workspace_require_signed_in (self, error))
    return FALSE;

  me = self->current->id;
  stmt = sb_database_prepare (self->db,
                              "SELECT p.manager_id, EXISTS (SELECT 1 FROM project_members m "
                              "  WHERE m.project_id = p.id AND m.employee_id = ?2) "
                              "FROM projects p WHERE p.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, me);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      exists = TRUE;
      manager_id = sqlite3_column_int64 (stmt, 0);
      member = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  if (!exists)
    {
      g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND,
                   _("This project does not exist any more."));
      return FALSE;
    }
  if (!member && manager_id != me)
    {
      g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED,
                   _("Only members of this project can see or change it."));
      return FALSE;
    }
  if (manager_only && manager_id != me)
    {
      g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED,
                   _("Only the project’s manager can do this."));
      return FALSE;
    }
  return TRUE;
}

/* Rows into records */

SbEmployee *
_sb_employee_from_row (sqlite3_stmt *stmt,
                       int           first)
{
  SbEmployee *employee = _sb_employee_new ();

  employee->id = sqlite3_column_int64 (stmt, first);
  employee->name = _sb_column_dup_text (stmt, first + 1);
  employee->email = _sb_column_dup_text (stmt, first + 2);
  employee->created_at = sqlite3_column_int64 (stmt, first + 3);
  return employee;
}

gpointer
_sb_employee_row (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  return _sb_employee_from_row (stmt, 0);
}

static void
on_task_finalized (gpointer  data,
                   GObject  *where_the_object_was)
{
  SbWorkspace *self = data;

  /* Weak notifies run during dispose, so the id is still there to read. */
  g_hash_table_remove (self->tasks, &((SbTask *) where_the_object_was)->id);
}

static SbTask *
task_from_row (sqlite3_stmt *stmt)
{
  SbTask *task = _sb_task_new ();
  const char *key;

  task->id = sqlite3_column_int64 (stmt, 0);
  task->project_id = sqlite3_column_int64 (stmt, 1);
  task->number = sqlite3_column_int64 (stmt, 2);
  key = (const char *) sqlite3_column_text (stmt, 3);
  task->key = g_strdup_printf ("%s-%" G_GINT64_FORMAT, key, task->number);
  task->column_id = sqlite3_column_int64 (stmt, 4);
  task->rank = sqlite3_column_double (stmt, 5);
  task->title = _sb_column_dup_text (stmt, 6);
  task->description = _sb_column_dup_text (stmt, 7);
  task->story_id = sqlite3_column_int64 (stmt, 8);
  if (task->story_id != 0)
    {
      task->story_key = g_strdup_printf ("%s-%" G_GINT64_FORMAT, key,
                                         (gint64) sqlite3_column_int64 (stmt, 9));
      task->story_title = _sb_column_dup_text (stmt, 10);
    }
  task->assignee_id = sqlite3_column_int64 (stmt, 11);
  task->assignee_name = _sb_column_dup_text (stmt, 12);
  task->assignee_email = _sb_column_dup_text (stmt, 13);
  task->priority = sqlite3_column_int (stmt, 14);
  task->due_date = _sb_column_dup_text (stmt, 15);
  task->overdue = sqlite3_column_int (stmt, 16) != 0;
  task->comment_count = sqlite3_column_int (stmt, 17);
  task->created_at = sqlite3_column_int64 (stmt, 18);
  task->updated_at = sqlite3_column_int64 (stmt, 19);
  return task;
}

/**
 * _sb_workspace_thaw_tasks:
 *
 * Lets the task objects that _sb_workspace_task_from_row() updated emit their ::notify; call it
 * once the statement that read them is reset.
 */
void
_sb_workspace_thaw_tasks (SbWorkspace *self)
{
  g_autoptr(GPtrArray) frozen = NULL;

  if (self->frozen->len == 0)
    return;

  frozen = g_steal_pointer (&self->frozen);
  self->frozen = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < frozen->len; i++)
    g_object_thaw_notify (g_ptr_array_index (frozen, i));
}

/**
 * _sb_workspace_task_from_row:
 *
 * The canonical task object for the row @stmt is on (selected with %SB_TASK_SELECT): the one
 * already handed out, brought up to date, or a new one that becomes canonical.
 */
SbTask *
_sb_workspace_task_from_row (SbWorkspace  *self,
                             sqlite3_stmt *stmt)
{
  g_autoptr(SbTask) fresh = task_from_row (stmt);
  SbTask *known = g_hash_table_lookup (self->tasks, &fresh->id);

  if (known != NULL)
    {
      /* Its ::notify waits until the statement is done with (_sb_workspace_thaw_tasks()): a
       * handler that queried the workspace now would reset the statement under our feet. */
      g_object_freeze_notify (G_OBJECT (known));
      g_ptr_array_add (self->frozen, g_object_ref (known));
      _sb_task_update_from (known, fresh);
      return g_object_ref (known);
    }

  g_hash_table_insert (self->tasks, &fresh->id, fresh);
  g_object_weak_ref (G_OBJECT (fresh), on_task_finalized, self);
  return g_steal_pointer (&fresh);
}

/* An #SbRowFunc: the canonical task of a %SB_TASK_SELECT row; @user_data is the workspace. */
gpointer
_sb_workspace_task_row (sqlite3_stmt *stmt,
                        gpointer      user_data)
{
  return _sb_workspace_task_from_row (user_data, stmt);
}

/**
 * _sb_workspace_refresh_task:
 *
 * Reads the task again (for example after a change) and returns its canonical object, or
 * %NULL with %SB_MODEL_ERROR_NOT_FOUND when it is unknown or deleted. No permission check.
 */
SbTask *
_sb_workspace_refresh_task (SbWorkspace  *self,
                            gint64        task_id,
                            GError      **error)
{
  sqlite3_stmt *stmt;
  SbTask *task = NULL;
  int rc;

  stmt = sb_database_prepare (self->db,
                              SB_TASK_SELECT "WHERE t.id = ?1 AND t.deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, task_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    task = _sb_workspace_task_from_row (self, stmt);
  else if (rc != SQLITE_DONE)
    sb_database_set_error (self->db, rc, error);
  else
    g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND,
                 _("This task does not exist any more."));
  sqlite3_reset (stmt);
  _sb_workspace_thaw_tasks (self);
  return task;
}

/**
 * _sb_workspace_lookup_task:
 *
 * Like _sb_workspace_refresh_task(), but returns the object already in memory without
 * reading it again: the board asks for the cards it shows this way.
 */
SbTask *
_sb_workspace_lookup_task (SbWorkspace  *self,
                           gint64        task_id,
                           GError      **error)
{
  SbTask *known = g_hash_table_lookup (self->tasks, &task_id);

  if (known != NULL)
    return g_object_ref (known);
  return _sb_workspace_refresh_task (self, task_id, error);
}

void
_sb_workspace_refresh_story_tasks (SbWorkspace *self,
                                   gint64       story_id)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  /* Held while refreshing: a notify handler may drop the last other reference. */
  g_hash_table_iter_init (&iter, self->tasks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((SbTask *) value)->story_id == story_id)
      g_ptr_array_add (tasks, g_object_ref (value));

  for (guint i = 0; i < tasks->len; i++)
    {
      SbTask *task = g_ptr_array_index (tasks, i);
      g_autoptr(SbTask) fresh = _sb_workspace_refresh_task (self, task->id, NULL);
    }
}

/* Public API */

/**
 * sb_workspace_new:
 * @database: an open database
 *
 * A workspace over @database, with nobody signed in.
 */
SbWorkspace *
sb_workspace_new (SbDatabase *database)
{
  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  return g_object_new (SB_TYPE_WORKSPACE, "database", database, NULL);
}

SbDatabase *
sb_workspace_get_database (SbWorkspace *self)
{
  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  return self->db;
}

/**
 * sb_workspace_get_current_employee:
 *
 * Returns: (transfer none) (nullable): who is signed in, or %NULL
 */
SbEmployee *
sb_workspace_get_current_employee (SbWorkspace *self)
{
  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  return self->current;
}

gint64
sb_workspace_get_current_employee_id (SbWorkspace *self)
{
  g_return_val_if_fail (SB_IS_WORKSPACE (self), 0);

  return self->current != NULL ? self->current->id : 0;
}

static void
sb_workspace_dispose (GObject *object)
{
  SbWorkspace *self = (SbWorkspace *) object;

  if (self->tasks != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->tasks);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, on_task_finalized, self);
      g_hash_table_remove_all (self->tasks);
    }

  g_clear_object (&self->current);

  G_OBJECT_CLASS (sb_workspace_parent_class)->dispose (object);
}

static void
sb_workspace_finalize (GObject *object)
{
  SbWorkspace *self = (SbWorkspace *) object;

  g_clear_pointer (&self->tasks, g_hash_table_unref);
  g_clear_pointer (&self->frozen, g_ptr_array_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (sb_workspace_parent_class)->finalize (object);
}

static void
sb_workspace_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SbWorkspace *self = SB_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;

    case PROP_CURRENT_EMPLOYEE:
      g_value_set_object (value, self->current);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_workspace_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SbWorkspace *self = SB_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_workspace_class_init (SbWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_workspace_dispose;
  object_class->finalize = sb_workspace_finalize;
  object_class->get_property = sb_workspace_get_property;
  object_class->set_property = sb_workspace_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         SB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CURRENT_EMPLOYEE] =
    g_param_spec_object ("current-employee", NULL, NULL,
                         SB_TYPE_EMPLOYEE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbWorkspace::task-moved:
   * @old_column_id: where the task was, or 0 when it was just created or restored
   * @new_column_id: where it is now, or 0 when it was deleted
   *
   * A task left a place in a column or took one: boards apply it to their column models.
   * Positions count the tasks of the column in rank order.
   */
  signals[TASK_MOVED] =
    g_signal_new ("task-moved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 5,
                  SB_TYPE_TASK, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_INT64, G_TYPE_UINT);

  /**
   * SbWorkspace::projects-changed:
   *
   * A project was created, changed or deleted, or its members changed.
   */
  signals[PROJECTS_CHANGED] =
    g_signal_new ("projects-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SbWorkspace::stories-changed:
   *
   * A story of the project was created, changed or deleted.
   */
  signals[STORIES_CHANGED] =
    g_signal_new ("stories-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
sb_workspace_init (SbWorkspace *self)
{
  self->tasks = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->frozen = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * _sb_workspace_count_live_tasks:
 *
 * How many task objects exist: the tests check with it that a board makes only the ones
 * that are asked for.
 */
guint
_sb_workspace_count_live_tasks (SbWorkspace *self)
{
  return g_hash_table_size (self->tasks);
}
