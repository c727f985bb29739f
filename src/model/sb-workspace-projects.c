/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-validate.h"
#include "sb-workspace-private.h"

/* Projects, their members and columns, and stories. */

static const char * const default_columns[] = {
  N_("To Do"),
  N_("In Progress"),
  N_("In Review"),
  N_("Done"),
};

static gboolean
not_found (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND, message);
  return FALSE;
}

static gboolean
employee_exists (SbDatabase *db,
                 gint64      employee_id)
{
  return sb_database_query_int64 (db, "SELECT 1 FROM employees WHERE id = ?1", employee_id, NULL);
}

/* Adds @employee_id to the project and queues their invite; nothing when already a member.
 * @invite is FALSE for the person doing it: nobody needs an email about their own action. */
static gboolean
add_member_row (SbDatabase  *db,
                gint64       project_id,
                gint64       employee_id,
                gint64       invited_by,
                gboolean     invite,
                GError     **error)
{
  g_autofree char *message_id = NULL;
  sqlite3_stmt *stmt;
  gint64 now = _sb_now ();

  stmt = sb_database_prepare (db,
                              "INSERT INTO project_members (project_id, employee_id, added_at) "
                              "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (sb_database_get_handle (db)) == 0 || !invite)
    return TRUE;

  /* The invite goes out in the same transaction as the membership: it is never lost. The
   * Message-ID's local part is fixed now, so that a resend is recognisably the same mail. */
  message_id = g_uuid_string_random ();
  stmt = sb_database_prepare (db,
                              "INSERT INTO outbox (project_id, employee_id, invited_by, "
                              "  message_id, state, attempts, next_attempt_at, created_at) "
                              "VALUES (?1, ?2, ?3, ?4, 0, 0, ?5, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  sqlite3_bind_int64 (stmt, 3, invited_by);
  sqlite3_bind_text (stmt, 4, message_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, now);
  return sb_database_step_done (db, stmt, error);
}

/* Reading projects */

static gpointer
column_from_row (sqlite3_stmt *stmt,
                 gpointer      user_data)
{
  SbColumn *column = _sb_column_new ();

  column->id = sqlite3_column_int64 (stmt, 0);
  column->project_id = sqlite3_column_int64 (stmt, 1);
  column->name = _sb_column_dup_text (stmt, 2);
  column->position = sqlite3_column_int (stmt, 3);
  column->is_done = sqlite3_column_int (stmt, 4) != 0;
  column->task_count = sqlite3_column_int (stmt, 5);
  return column;
}

GListModel *
_sb_workspace_query_columns (SbWorkspace  *self,
                             gint64        project_id,
                             GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = sb_database_prepare (self->db,
                              "SELECT c.id, c.project_id, c.name, c.position, c.is_done, "
                              "  (SELECT count(*) FROM tasks t WHERE t.project_id = c.project_id "
                              "   AND t.column_id = c.id AND t.deleted_at IS NULL) "
                              "FROM columns c WHERE c.project_id = ?1 ORDER BY c.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  return _sb_workspace_collect (self, stmt, SB_TYPE_COLUMN, column_from_row, NULL, error);
}

#define PROJECT_SELECT \
  "SELECT p.id, p.key, p.name, p.description, p.status, p.manager_id, e.name, e.email," \
  " p.created_at," \
  " (SELECT count(*) FROM project_members m WHERE m.project_id = p.id)," \
  " (SELECT count(*) FROM tasks t WHERE t.project_id = p.id AND t.deleted_at IS NULL)," \
  " (SELECT count(*) FROM tasks t JOIN columns c ON c.id = t.column_id" \
  "   WHERE t.project_id = p.id AND t.deleted_at IS NULL AND t.due_date IS NOT NULL" \
  "   AND t.due_date < date('now', 'localtime') AND c.is_done = 0)" \
  " FROM projects p JOIN employees e ON e.id = p.manager_id "

/* The same without the counts that scan the project's tasks: for opening a board. */
#define PROJECT_SELECT_HEADER \
  "SELECT p.id, p.key, p.name, p.description, p.status, p.manager_id, e.name, e.email," \
  " p.created_at," \
  " (SELECT count(*) FROM project_members m WHERE m.project_id = p.id), 0, 0" \
  " FROM projects p JOIN employees e ON e.id = p.manager_id "

static gpointer
project_from_row (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  g_autoptr(SbProject) project = _sb_project_new ();

  project->id = sqlite3_column_int64 (stmt, 0);
  project->key = _sb_column_dup_text (stmt, 1);
  project->name = _sb_column_dup_text (stmt, 2);
  project->description = _sb_column_dup_text (stmt, 3);
  project->status = sqlite3_column_int (stmt, 4);
  project->manager_id = sqlite3_column_int64 (stmt, 5);
  project->manager_name = _sb_column_dup_text (stmt, 6);
  project->manager_email = _sb_column_dup_text (stmt, 7);
  project->created_at = sqlite3_column_int64 (stmt, 8);
  project->member_count = sqlite3_column_int (stmt, 9);
  project->task_count = sqlite3_column_int (stmt, 10);
  project->overdue_count = sqlite3_column_int (stmt, 11);
  return g_steal_pointer (&project);
}

static gboolean
fill_columns (SbWorkspace  *self,
              SbProject    *project,
              GError      **error)
{
  g_autoptr(GListModel) columns = _sb_workspace_query_columns (self, project->id, error);
  guint n;

  if (columns == NULL)
    return FALSE;
  n = g_list_model_get_n_items (columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (columns, i);

      g_list_store_append (project->columns, column);
    }
  return TRUE;
}

/**
 * _sb_workspace_query_project:
 * @with_counts: whether to count tasks (per column, overdue), which reads all of them
 */
SbProject *
_sb_workspace_query_project (SbWorkspace  *self,
                             gint64        project_id,
                             gboolean      with_counts,
                             GError      **error)
{
  g_autoptr(SbProject) project = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (with_counts)
    stmt = sb_database_prepare (self->db, PROJECT_SELECT "WHERE p.id = ?1", error);
  else
    stmt = sb_database_prepare (self->db, PROJECT_SELECT_HEADER "WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    project = project_from_row (stmt, NULL);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      not_found (error, _("This project does not exist any more."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      sb_database_set_error (self->db, rc, error);
      return NULL;
    }
  if (with_counts && !fill_columns (self, project, error))
    return NULL;
  return g_steal_pointer (&project);
}

typedef struct
{
  SbWorkspace *self;
  GListStore  *store;
} ListProjects;

static gboolean
list_projects_in_transaction (SbDatabase  *db,
                              gpointer     user_data,
                              GError     **error)
{
  ListProjects *data = user_data;
  g_autoptr(GListModel) projects = NULL;
  sqlite3_stmt *stmt;
  guint n;

  stmt = sb_database_prepare (db,
                              PROJECT_SELECT
                              "JOIN project_members me ON me.project_id = p.id "
                              "  AND me.employee_id = ?1 ORDER BY p.key", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->self->current->id);
  projects = _sb_workspace_collect (data->self, stmt, SB_TYPE_PROJECT, project_from_row, NULL,
                                    error);
  if (projects == NULL)
    return FALSE;

  n = g_list_model_get_n_items (projects);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbProject) project = g_list_model_get_item (projects, i);

      if (!fill_columns (data->self, project, error))
        return FALSE;
      g_list_store_append (data->store, project);
    }
  return TRUE;
}

/**
 * sb_workspace_list_projects:
 *
 * The dashboard: every project the signed-in employee is a member of, by key, with counts of
 * tasks, overdue tasks and members, and its columns with their task counts.
 *
 * Returns: (transfer full): a list of #SbProject
 */
GListModel *
sb_workspace_list_projects (SbWorkspace  *self,
                            GError      **error)
{
  g_autoptr(GListStore) store = NULL;
  ListProjects data;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!_sb_workspace_require_signed_in (self, error))
    return NULL;

  store = g_list_store_new (SB_TYPE_PROJECT);
  data.self = self;
  data.store = store;
  if (!sb_database_read (self->db, list_projects_in_transaction, &data, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * sb_workspace_get_project:
 *
 * Returns: (transfer full): the project, for its members only
 */
SbProject *
sb_workspace_get_project (SbWorkspace  *self,
                          gint64        project_id,
                          GError      **error)
{
  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!_sb_workspace_require_member (self, project_id, FALSE, error))
    return NULL;
  return _sb_workspace_query_project (self, project_id, TRUE, error);
}

static gboolean
key_taken (SbDatabase *db,
           const char *key)
{
  sqlite3_stmt *stmt = sb_database_prepare (db, "SELECT 1 FROM projects WHERE key = ?1", NULL);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return taken;
}

/**
 * sb_workspace_is_project_key_free:
 *
 * Whether @key is a valid project key that no project has yet; for checking as one types.
 */
gboolean
sb_workspace_is_project_key_free (SbWorkspace *self,
                                  const char  *key)
{
  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  return sb_validate_project_key (key, -1, NULL) && !key_taken (self->db, key);
}

/* Creating, changing and deleting projects */

typedef struct
{
  SbWorkspace     *self;
  const char      *key;
  const char      *name;
  const char      *description;
  SbProjectStatus  status;
  gint64           manager_id;
  const gint64    *member_ids;
  gsize            n_members;
  gint64           project_id;
} ProjectData;

static gboolean
check_employees (SbDatabase    *db,
                 const gint64  *ids,
                 gsize          n_ids,
                 GError       **error)
{
  for (gsize i = 0; i < n_ids; i++)
    if (!employee_exists (db, ids[i]))
      {
        g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND,
                     _("One of the chosen employees does not exist any more."));
        return FALSE;
      }
  return TRUE;
}

static gboolean
create_project_in_transaction (SbDatabase  *db,
                               gpointer     user_data,
                               GError     **error)
{
  ProjectData *data = user_data;
  gint64 me = data->self->current->id;
  sqlite3_stmt *stmt;

  if (key_taken (db, data->key))
    {
      g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_DUPLICATE,
                   _("There is already a project with the key %s."), data->key);
      return FALSE;
    }
  if (!employee_exists (db, data->manager_id))
    return not_found (error, _("The chosen manager does not exist any more."));
  if (!check_employees (db, data->member_ids, data->n_members, error))
    return FALSE;

  stmt = sb_database_prepare (db,
                              "INSERT INTO projects (key, name, description, status, manager_id, "
                              "  next_number, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, data->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, data->description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, data->status);
  sqlite3_bind_int64 (stmt, 5, data->manager_id);
  sqlite3_bind_int64 (stmt, 6, _sb_now ());
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;
  data->project_id = sqlite3_last_insert_rowid (sb_database_get_handle (db));

  for (guint i = 0; i < G_N_ELEMENTS (default_columns); i++)
    {
      stmt = sb_database_prepare (db,
                                  "INSERT INTO columns (project_id, name, position, is_done) "
                                  "VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->project_id);
      sqlite3_bind_text (stmt, 2, _(default_columns[i]), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, i);
      sqlite3_bind_int (stmt, 4, i == G_N_ELEMENTS (default_columns) - 1);
      if (!sb_database_step_done (db, stmt, error))
        return FALSE;
    }

  if (!add_member_row (db, data->project_id, me, me, FALSE, error) ||
      !add_member_row (db, data->project_id, data->manager_id, me, TRUE, error))
    return FALSE;
  for (gsize i = 0; i < data->n_members; i++)
    if (!add_member_row (db, data->project_id, data->member_ids[i], me, TRUE, error))
      return FALSE;

  return TRUE;
}

/**
 * sb_workspace_create_project:
 * @description: (nullable): what the project is about
 * @manager_id: the manager: the signed-in employee or any other
 * @member_ids: (array length=n_members): the other members
 *
 * Creates a project with the default columns. The creator and the manager are members; every
 * member but the creator gets an invite queued in the outbox, in the same transaction.
 *
 * Returns: (transfer full): the project
 */
SbProject *
sb_workspace_create_project (SbWorkspace      *self,
                             const char       *key,
                             const char       *name,
                             const char       *description,
                             SbProjectStatus   status,
                             gint64            manager_id,
                             const gint64     *member_ids,
                             gsize             n_members,
                             GError          **error)
{
  ProjectData data = { 0 };
  SbProject *project;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (member_ids != NULL || n_members == 0, NULL);

  if (description == NULL)
    description = "";

  if (!_sb_workspace_require_signed_in (self, error) ||
      !sb_validate_project_key (key, -1, error) ||
      !sb_validate_line (_("Name"), name, -1, error) ||
      !sb_validate_text (_("Description"), description, -1, error) ||
      !sb_validate_status (status, error))
    return NULL;

  data.self = self;
  data.key = key;
  data.name = name;
  data.description = description;
  data.status = status;
  data.manager_id = manager_id;
  data.member_ids = member_ids;
  data.n_members = n_members;
  if (!sb_database_write (self->db, create_project_in_transaction, &data, error))
    return NULL;

  project = _sb_workspace_query_project (self, data.project_id, TRUE, error);
  _sb_workspace_emit_projects_changed (self);
  return project;
}

static gboolean
update_project_in_transaction (SbDatabase  *db,
                               gpointer     user_data,
                               GError     **error)
{
  ProjectData *data = user_data;
  gint64 me = data->self->current->id;
  sqlite3_stmt *stmt;

  if (!_sb_workspace_require_member (data->self, data->project_id, TRUE, error))
    return FALSE;
  if (!sb_validate_line (_("Name"), data->name, -1, error) ||
      !sb_validate_text (_("Description"), data->description, -1, error) ||
      !sb_validate_status (data->status, error))
    return FALSE;
  if (!employee_exists (db, data->manager_id))
    return not_found (error, _("The chosen manager does not exist any more."));

  stmt = sb_database_prepare (db,
                              "UPDATE projects SET name = ?2, description = ?3, status = ?4, "
                              "  manager_id = ?5 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->project_id);
  sqlite3_bind_text (stmt, 2, data->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, data->description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, data->status);
  sqlite3_bind_int64 (stmt, 5, data->manager_id);
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;

  return add_member_row (db, data->project_id, data->manager_id, me, data->manager_id != me,
                         error);
}

/**
 * sb_workspace_update_project:
 *
 * Changes a project's name, description, status and manager; only its manager may. A new
 * manager becomes a member (and is invited) if they were not one.
 */
gboolean
sb_workspace_update_project (SbWorkspace      *self,
                             gint64            project_id,
                             const char       *name,
                             const char       *description,
                             SbProjectStatus   status,
                             gint64            manager_id,
                             GError          **error)
{
  ProjectData data = { 0 };

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  if (!_sb_workspace_require_signed_in (self, error))
    return FALSE;

  data.self = self;
  data.project_id = project_id;
  data.name = name;
  data.description = description != NULL ? description : "";
  data.status = status;
  data.manager_id = manager_id;
  if (!sb_database_write (self->db, update_project_in_transaction, &data, error))
    return FALSE;

  _sb_workspace_emit_projects_changed (self);
  return TRUE;
}

static gboolean
delete_project_in_transaction (SbDatabase  *db,
                               gpointer     user_data,
                               GError     **error)
{
  ProjectData *data = user_data;

  if (!_sb_workspace_require_member (data->self, data->project_id, TRUE, error))
    return FALSE;

  /* Tasks point at columns without a cascade of their own; go top down. */
  return sb_database_run_with_id (db, "DELETE FROM tasks WHERE project_id = ?1",
                                  data->project_id, error) &&
         sb_database_run_with_id (db, "DELETE FROM projects WHERE id = ?1",
                                  data->project_id, error);
}

/**
 * sb_workspace_delete_project:
 *
 * Deletes a project with everything in it; only its manager may.
 */
gboolean
sb_workspace_delete_project (SbWorkspace  *self,
                             gint64        project_id,
                             GError      **error)
{
  ProjectData data = { 0 };

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  if (!_sb_workspace_require_signed_in (self, error))
    return FALSE;

  data.self = self;
  data.project_id = project_id;
  if (!sb_database_write (self->db, delete_project_in_transaction, &data, error))
    return FALSE;

  _sb_workspace_emit_projects_changed (self);
  return TRUE;
}

/* Members */

typedef struct
{
  SbWorkspace  *self;
  gint64        project_id;
  const gint64 *employee_ids;
  gsize         n_employees;
} MembersData;

static gboolean
add_members_in_transaction (SbDatabase  *db,
                            gpointer     user_data,
                            GError     **error)
{
  MembersData *data = user_data;
  gint64 me = data->self->current->id;

  if (!_sb_workspace_require_member (data->self, data->project_id, TRUE, error) ||
      !check_employees (db, data->employee_ids, data->n_employees, error))
    return FALSE;

  for (gsize i = 0; i < data->n_employees; i++)
    if (!add_member_row (db, data->project_id, data->employee_ids[i], me,
                         data->employee_ids[i] != me, error))
      return FALSE;
  return TRUE;
}

/**
 * sb_workspace_add_members:
 * @employee_ids: (array length=n_employees): who to add
 *
 * Adds members and queues an invite for each new one; only the manager may. Employees who are
 * already members are left as they are.
 */
gboolean
sb_workspace_add_members (SbWorkspace   *self,
                          gint64         project_id,
                          const gint64  *employee_ids,
                          gsize          n_employees,
                          GError       **error)
{
  MembersData data = { self, project_id, employee_ids, n_employees };

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (employee_ids != NULL || n_employees == 0, FALSE);

  if (!_sb_workspace_require_signed_in (self, error) ||
      !sb_database_write (self->db, add_members_in_transaction, &data, error))
    return FALSE;

  _sb_workspace_emit_projects_changed (self);
  return TRUE;
}

static gboolean
remove_member_in_transaction (SbDatabase  *db,
                              gpointer     user_data,
                              GError     **error)
{
  MembersData *data = user_data;
  gint64 employee_id = data->employee_ids[0];
  sqlite3_stmt *stmt;
  g_autoptr(SbProject) project = NULL;

  if (!_sb_workspace_require_member (data->self, data->project_id, TRUE, error))
    return FALSE;
  if (!_sb_workspace_is_member (data->self, data->project_id, employee_id, NULL))
    return not_found (error, _("This employee is not a member of the project."));

  project = _sb_workspace_query_project (data->self, data->project_id, FALSE, error);
  if (project == NULL)
    return FALSE;
  if (project->manager_id == employee_id)
    {
      g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT,
                   _("The manager cannot be removed from the project. Choose another "
                     "manager first."));
      return FALSE;
    }

  /* Their tasks wait for someone else; the history says who had them. */
  stmt = sb_database_prepare (db,
                              "INSERT INTO activity (project_id, task_id, actor_id, field, "
                              "  old_value, new_value, created_at) "
                              "SELECT t.project_id, t.id, ?3, 'assignee', e.name, NULL, ?4 "
                              "FROM tasks t JOIN employees e ON e.id = t.assignee_id "
                              "WHERE t.project_id = ?1 AND t.assignee_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->project_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  sqlite3_bind_int64 (stmt, 3, data->self->current->id);
  sqlite3_bind_int64 (stmt, 4, _sb_now ());
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;

  stmt = sb_database_prepare (db,
                              "UPDATE tasks SET assignee_id = NULL, updated_at = ?3 "
                              "WHERE project_id = ?1 AND assignee_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->project_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  sqlite3_bind_int64 (stmt, 3, _sb_now ());
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;

  stmt = sb_database_prepare (db,
                              "DELETE FROM project_members "
                              "WHERE project_id = ?1 AND employee_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->project_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  return sb_database_step_done (db, stmt, error);
}

/* Reads the project's tasks in memory again: those assigned to @assignee_id, or all of them
 * when it is 0. */
static void
refresh_project_tasks (SbWorkspace *self,
                       gint64       project_id,
                       gint64       assignee_id)
{
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->tasks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SbTask *task = value;

      if (task->project_id == project_id
          && (assignee_id == 0 || task->assignee_id == assignee_id))
        g_ptr_array_add (stale, g_object_ref (task));
    }
  for (guint i = 0; i < stale->len; i++)
    {
      SbTask *task = g_ptr_array_index (stale, i);
      g_autoptr(SbTask) fresh = _sb_workspace_refresh_task (self, task->id, NULL);
    }
}

/**
 * sb_workspace_remove_member:
 *
 * Removes a member (not the manager); only the manager may. Their tasks in the project are
 * unassigned.
 */
gboolean
sb_workspace_remove_member (SbWorkspace  *self,
                            gint64        project_id,
                            gint64        employee_id,
                            GError      **error)
{
  MembersData data = { self, project_id, &employee_id, 1 };

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  if (!_sb_workspace_require_signed_in (self, error) ||
      !sb_database_write (self->db, remove_member_in_transaction, &data, error))
    return FALSE;

  /* Tasks in memory that showed this assignee show nobody now. */
  refresh_project_tasks (self, project_id, employee_id);

  _sb_workspace_emit_projects_changed (self);
  return TRUE;
}

typedef struct
{
  SbWorkspace     *self;
  gint64           project_id;
  const char      *name;
  const char      *description;
  SbProjectStatus  status;
  gint64           manager_id;
  const gint64    *add_ids;
  gsize            n_add;
  const gint64    *remove_ids;
  gsize            n_remove;
} SaveData;

/* Each step is a use case of its own, joining this transaction. Membership goes first: after a
 * change of manager, whoever saves may no longer change it. */
static gboolean
save_project_in_transaction (SbDatabase  *db,
                             gpointer     user_data,
                             GError     **error)
{
  SaveData *data = user_data;

  if (data->n_add > 0 &&
      !sb_workspace_add_members (data->self, data->project_id, data->add_ids, data->n_add,
                                 error))
    return FALSE;
  for (gsize i = 0; i < data->n_remove; i++)
    if (!sb_workspace_remove_member (data->self, data->project_id, data->remove_ids[i], error))
      return FALSE;
  return sb_workspace_update_project (data->self, data->project_id, data->name,
                                      data->description, data->status, data->manager_id, error);
}

/**
 * sb_workspace_save_project:
 * @add_ids: (array length=n_add): employees who join (their invites are queued)
 * @remove_ids: (array length=n_remove): members who leave (their tasks are unassigned)
 *
 * What the project editor saves, as one transaction: the members who join and leave, then the
 * fields and the manager. Any refusal (by the same rules as sb_workspace_add_members(),
 * sb_workspace_remove_member() and sb_workspace_update_project()) leaves the database as it
 * was.
 */
gboolean
sb_workspace_save_project (SbWorkspace      *self,
                           gint64            project_id,
                           const char       *name,
                           const char       *description,
                           SbProjectStatus   status,
                           gint64            manager_id,
                           const gint64     *add_ids,
                           gsize             n_add,
                           const gint64     *remove_ids,
                           gsize             n_remove,
                           GError          **error)
{
  SaveData data = { self, project_id, name, description, status, manager_id,
                    add_ids, n_add, remove_ids, n_remove };

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (add_ids != NULL || n_add == 0, FALSE);
  g_return_val_if_fail (remove_ids != NULL || n_remove == 0, FALSE);

  if (!_sb_workspace_require_signed_in (self, error))
    return FALSE;
  if (!sb_database_write (self->db, save_project_in_transaction, &data, error))
    {
      /* Rolled back: tasks a removal unassigned in memory have their assignee again, and
       * whoever reloaded on ::projects-changed during the transaction reloads once more. */
      refresh_project_tasks (self, project_id, 0);
      _sb_workspace_emit_projects_changed (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * sb_workspace_list_members:
 *
 * Returns: (transfer full): the project's members (the manager included), by name
 */
GListModel *
sb_workspace_list_members (SbWorkspace  *self,
                           gint64        project_id,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!_sb_workspace_require_member (self, project_id, FALSE, error))
    return NULL;

  stmt = sb_database_prepare (self->db,
                              "SELECT e.id, e.name, e.email, e.created_at "
                              "FROM project_members m JOIN employees e ON e.id = m.employee_id "
                              "WHERE m.project_id = ?1 ORDER BY e.name COLLATE NOCASE, e.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  return _sb_workspace_collect (self, stmt, SB_TYPE_EMPLOYEE, _sb_employee_row, NULL, error);
}

/**
 * sb_workspace_list_columns:
 *
 * Returns: (transfer full): the project's columns in order, with their task counts
 */
GListModel *
sb_workspace_list_columns (SbWorkspace  *self,
                           gint64        project_id,
                           GError      **error)
{
  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!_sb_workspace_require_member (self, project_id, FALSE, error))
    return NULL;
  return _sb_workspace_query_columns (self, project_id, error);
}

/* Stories */

static gpointer
story_from_row (sqlite3_stmt *stmt,
                gpointer      user_data)
{
  SbStory *story = _sb_story_new ();

  story->id = sqlite3_column_int64 (stmt, 0);
  story->project_id = sqlite3_column_int64 (stmt, 1);
  story->number = sqlite3_column_int64 (stmt, 2);
  story->key = g_strdup_printf ("%s-%" G_GINT64_FORMAT, sqlite3_column_text (stmt, 3),
                                story->number);
  story->title = _sb_column_dup_text (stmt, 4);
  story->description = _sb_column_dup_text (stmt, 5);
  story->points = sqlite3_column_int (stmt, 6);
  story->task_count = sqlite3_column_int (stmt, 7);
  story->done_count = sqlite3_column_int (stmt, 8);
  story->created_at = sqlite3_column_int64 (stmt, 9);
  return story;
}

#define STORY_SELECT \
  "SELECT s.id, s.project_id, s.number, p.key, s.title, s.description, s.points," \
  " (SELECT count(*) FROM tasks t WHERE t.story_id = s.id AND t.deleted_at IS NULL)," \
  " (SELECT count(*) FROM tasks t JOIN columns c ON c.id = t.column_id" \
  "   WHERE t.story_id = s.id AND t.deleted_at IS NULL AND c.is_done = 1)," \
  " s.created_at FROM stories s JOIN projects p ON p.id = s.project_id "

/**
 * _sb_workspace_query_stories:
 * @with_counts: whether to count each story's tasks and done tasks, which reads them all;
 *   the board needs only keys and titles
 */
#define STORY_SELECT_HEADER \
  "SELECT s.id, s.project_id, s.number, p.key, s.title, s.description, s.points, 0, 0," \
  " s.created_at FROM stories s JOIN projects p ON p.id = s.project_id "

GListModel *
_sb_workspace_query_stories (SbWorkspace  *self,
                             gint64        project_id,
                             gboolean      with_counts,
                             GError      **error)
{
  sqlite3_stmt *stmt;

  if (with_counts)
    stmt = sb_database_prepare (self->db,
                                STORY_SELECT "WHERE s.project_id = ?1 ORDER BY s.number", error);
  else
    stmt = sb_database_prepare (self->db,
                                STORY_SELECT_HEADER "WHERE s.project_id = ?1 ORDER BY s.number",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  return _sb_workspace_collect (self, stmt, SB_TYPE_STORY, story_from_row, NULL, error);
}

static SbStory *
query_story (SbWorkspace  *self,
             gint64        story_id,
             GError      **error)
{
  return _sb_workspace_query_one (self, STORY_SELECT "WHERE s.id = ?1", story_id, story_from_row,
                                  _("This story does not exist any more."), error);
}

static gint64
story_project (SbDatabase *db,
               gint64      story_id)
{
  gint64 project_id = 0;

  sb_database_query_int64 (db, "SELECT project_id FROM stories WHERE id = ?1", story_id,
                           &project_id);
  return project_id;
}

typedef struct
{
  SbWorkspace *self;
  gint64       project_id;
  gint64       story_id;
  const char  *title;
  const char  *description;
  int          points;
} StoryData;

static gboolean
validate_story (StoryData  *data,
                GError    **error)
{
  return sb_validate_line (_("Title"), data->title, -1, error) &&
         sb_validate_text (_("Description"), data->description, -1, error) &&
         sb_validate_points (data->points, error);
}

static gboolean
create_story_in_transaction (SbDatabase  *db,
                             gpointer     user_data,
                             GError     **error)
{
  StoryData *data = user_data;
  sqlite3_stmt *stmt;
  gint64 number;

  if (!_sb_workspace_require_member (data->self, data->project_id, FALSE, error) ||
      !validate_story (data, error))
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
                              "INSERT INTO stories (project_id, number, title, description, "
                              "  points, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->project_id);
  sqlite3_bind_int64 (stmt, 2, number);
  sqlite3_bind_text (stmt, 3, data->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, data->description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, data->points);
  sqlite3_bind_int64 (stmt, 6, _sb_now ());
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;
  data->story_id = sqlite3_last_insert_rowid (sb_database_get_handle (db));
  return TRUE;
}

/**
 * sb_workspace_create_story:
 * @description: (nullable): the story's text
 *
 * Creates a story; its key takes the next number of the project, shared with tasks.
 *
 * Returns: (transfer full): the story
 */
SbStory *
sb_workspace_create_story (SbWorkspace  *self,
                           gint64        project_id,
                           const char   *title,
                           const char   *description,
                           int           points,
                           GError      **error)
{
  StoryData data = { self, project_id, 0, title, description != NULL ? description : "", points };
  SbStory *story;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!_sb_workspace_require_signed_in (self, error) ||
      !sb_database_write (self->db, create_story_in_transaction, &data, error))
    return NULL;

  story = query_story (self, data.story_id, error);
  _sb_workspace_emit_stories_changed (self, project_id);
  return story;
}

static gboolean
require_story (StoryData  *data,
               gboolean    manager_only,
               GError    **error)
{
  if (!_sb_workspace_require_signed_in (data->self, error))
    return FALSE;
  data->project_id = story_project (data->self->db, data->story_id);
  if (data->project_id == 0)
    return not_found (error, _("This story does not exist any more."));
  return _sb_workspace_require_member (data->self, data->project_id, manager_only, error);
}

static gboolean
update_story_in_transaction (SbDatabase  *db,
                             gpointer     user_data,
                             GError     **error)
{
  StoryData *data = user_data;
  sqlite3_stmt *stmt;

  if (!require_story (data, FALSE, error) || !validate_story (data, error))
    return FALSE;

  stmt = sb_database_prepare (db,
                              "UPDATE stories SET title = ?2, description = ?3, points = ?4 "
                              "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->story_id);
  sqlite3_bind_text (stmt, 2, data->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, data->description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, data->points);
  return sb_database_step_done (db, stmt, error);
}

/**
 * sb_workspace_update_story:
 *
 * Changes a story's title, description and points; any member may.
 */
gboolean
sb_workspace_update_story (SbWorkspace  *self,
                           gint64        story_id,
                           const char   *title,
                           const char   *description,
                           int           points,
                           GError      **error)
{
  StoryData data = { self, 0, story_id, title, description != NULL ? description : "", points };

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  if (!sb_database_write (self->db, update_story_in_transaction, &data, error))
    return FALSE;

  _sb_workspace_refresh_story_tasks (self, story_id);
  _sb_workspace_emit_stories_changed (self, data.project_id);
  return TRUE;
}

static gboolean
delete_story_in_transaction (SbDatabase  *db,
                             gpointer     user_data,
                             GError     **error)
{
  StoryData *data = user_data;
  sqlite3_stmt *stmt;

  if (!require_story (data, TRUE, error))
    return FALSE;

  stmt = sb_database_prepare (db,
                              "INSERT INTO activity (project_id, task_id, actor_id, field, "
                              "  old_value, new_value, created_at) "
                              "SELECT t.project_id, t.id, ?2, 'story', p.key || '-' || s.number, "
                              "  NULL, ?3 FROM tasks t JOIN stories s ON s.id = t.story_id "
                              "  JOIN projects p ON p.id = t.project_id WHERE t.story_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->story_id);
  sqlite3_bind_int64 (stmt, 2, data->self->current->id);
  sqlite3_bind_int64 (stmt, 3, _sb_now ());
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;

  return sb_database_run_with_id (db, "DELETE FROM stories WHERE id = ?1", data->story_id,
                                  error);
}

/**
 * sb_workspace_delete_story:
 *
 * Deletes a story; only the manager may. Its tasks stay, without a story.
 */
gboolean
sb_workspace_delete_story (SbWorkspace  *self,
                           gint64        story_id,
                           GError      **error)
{
  StoryData data = { self, 0, story_id, NULL, NULL, 0 };

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  if (!sb_database_write (self->db, delete_story_in_transaction, &data, error))
    return FALSE;

  _sb_workspace_refresh_story_tasks (self, story_id);
  _sb_workspace_emit_stories_changed (self, data.project_id);
  return TRUE;
}

/**
 * sb_workspace_list_stories:
 *
 * Returns: (transfer full): the project's stories by number, with their progress
 */
GListModel *
sb_workspace_list_stories (SbWorkspace  *self,
                           gint64        project_id,
                           GError      **error)
{
  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!_sb_workspace_require_member (self, project_id, FALSE, error))
    return NULL;
  return _sb_workspace_query_stories (self, project_id, TRUE, error);
}
