/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* Projects, their members and invite outbox, employees, and the dashboard list. */

#include <string.h>

#include "sb-test-util.h"

/* Helpers */

/* The names of the project's members, joined with ", ". */
static char *
member_names (SbTestFixture *fixture,
              gint64         project_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) members = sb_workspace_list_members (fixture->ws, project_id, &error);

  g_assert_no_error (error);
  return sb_test_join_property (members, SB_TYPE_EMPLOYEE, "name", ", ");
}

/* The keys of the projects that whoever is signed in sees, space separated. */
static char *
project_keys (SbTestFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) projects = sb_workspace_list_projects (fixture->ws, &error);

  g_assert_no_error (error);
  return sb_test_join_property (projects, SB_TYPE_PROJECT, "key", " ");
}

static gint64
column_id_at (SbTestFixture *fixture,
              gint64         project_id,
              guint          position)
{
  gint64 column_ids[SB_TEST_N_COLUMNS];

  sb_test_get_column_ids (fixture->ws, project_id, column_ids);
  return column_ids[position];
}

static gint64
create_task (SbTestFixture *fixture,
             gint64         project_id,
             const char    *title,
             gint64         assignee_id,
             const char    *due_date,
             gint64         column_id)
{
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  draft.title = title;
  draft.assignee_id = assignee_id;
  draft.due_date = due_date;
  draft.column_id = column_id;

  return sb_test_create_task_from_draft (fixture->ws, project_id, &draft);
}

/* Signs in as @creator_id and creates the project @key, named "Project". */
static gint64
create_project_as (SbTestFixture *fixture,
                   gint64         creator_id,
                   const char    *key,
                   gint64         manager_id,
                   const gint64  *member_ids,
                   gsize          n_members)
{
  return sb_test_create_project_as (fixture, creator_id, key, "Project", manager_id, member_ids,
                                    n_members);
}

static void
assert_outbox_row (SbTestFixture *fixture,
                   gint64         project_id,
                   gint64         employee_id)
{
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE project_id = %" G_GINT64_FORMAT
                                       " AND employee_id = %" G_GINT64_FORMAT
                                       " AND state = 0 AND length(message_id) > 0",
                                       project_id, employee_id), ==, 1);
}

/* Creating projects */

static void
test_create_project (SbTestFixture *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProject) project = NULL;
  g_autoptr(SbProject) fetched = NULL;
  g_autoptr(GListModel) columns = NULL;
  g_autofree char *names = NULL;
  const char *expected_columns[] = { "To Do", "In Progress", "In Review", "Done" };
  guint last_position = 0;

  sb_test_sign_in (fixture, fixture->manager_id);
  project = sb_workspace_create_project (fixture->ws, "APP", "Mobile app", "The phone client",
                                         SB_PROJECT_STATUS_PLANNED, fixture->manager_id,
                                         &fixture->member_id, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  g_assert_cmpint (sb_project_get_id (project), >, 0);
  g_assert_cmpstr (sb_project_get_key (project), ==, "APP");
  g_assert_cmpstr (sb_project_get_name (project), ==, "Mobile app");
  g_assert_cmpstr (sb_project_get_description (project), ==, "The phone client");
  g_assert_cmpint (sb_project_get_status (project), ==, SB_PROJECT_STATUS_PLANNED);
  g_assert_cmpint (sb_project_get_manager_id (project), ==, fixture->manager_id);
  g_assert_cmpstr (sb_project_get_manager_name (project), ==, "Dana Manager");
  g_assert_cmpstr (sb_project_get_manager_email (project), ==, "dana@example.org");
  g_assert_cmpint (sb_project_get_created_at (project), >, 0);

  /* Read back through get_project. */
  fetched = sb_workspace_get_project (fixture->ws, sb_project_get_id (project), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_project_get_key (fetched), ==, "APP");
  g_assert_cmpstr (sb_project_get_name (fetched), ==, "Mobile app");
  g_assert_cmpstr (sb_project_get_description (fetched), ==, "The phone client");
  g_assert_cmpint (sb_project_get_status (fetched), ==, SB_PROJECT_STATUS_PLANNED);
  g_assert_cmpint (sb_project_get_member_count (fetched), ==, 2);
  g_assert_cmpint (sb_project_get_task_count (fetched), ==, 0);
  g_assert_cmpint (sb_project_get_overdue_count (fetched), ==, 0);

  columns = sb_workspace_list_columns (fixture->ws, sb_project_get_id (project), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (columns, i);

      g_assert_cmpstr (sb_column_get_name (column), ==, expected_columns[i]);
      g_assert_cmpint (sb_column_get_project_id (column), ==, sb_project_get_id (project));
      g_assert_cmpint (sb_column_get_is_done (column), ==, i == 3);
      g_assert_cmpuint (sb_column_get_task_count (column), ==, 0);
      if (i > 0)
        g_assert_cmpuint (sb_column_get_position (column), >, last_position);
      last_position = sb_column_get_position (column);
    }

  names = member_names (fixture, sb_project_get_id (project));
  g_assert_cmpstr (names, ==, "Dana Manager, Milo Member");

  /* A NULL description is stored as empty. */
  {
    g_autoptr(SbProject) plain = NULL;

    plain = sb_workspace_create_project (fixture->ws, "PLAIN", "Plain", NULL,
                                         SB_PROJECT_STATUS_COMPLETED, fixture->manager_id,
                                         NULL, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sb_project_get_description (plain), ==, "");
    g_assert_cmpint (sb_project_get_status (plain), ==, SB_PROJECT_STATUS_COMPLETED);
    g_assert_cmpint (sb_test_count_rows (fixture->db, "project_members WHERE project_id = %"
                                         G_GINT64_FORMAT, sb_project_get_id (plain)), ==, 1);
  }
}

static void
test_create_project_refused (SbTestFixture *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 unknown = 999999;
  gint64 with_unknown[] = { 0, 999999 };
  SbProject *project;

  with_unknown[0] = fixture->member_id;

  project = sb_workspace_create_project (fixture->ws, "NEW", "New", NULL,
                                         SB_PROJECT_STATUS_ACTIVE, fixture->manager_id,
                                         NULL, 0, &error);
  g_assert_null (project);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);

  sb_test_create_project (fixture, FALSE);
  before = sb_test_dump (fixture->db);

  project = sb_workspace_create_project (fixture->ws, "web", "Lower case key", NULL,
                                         SB_PROJECT_STATUS_ACTIVE, fixture->manager_id,
                                         NULL, 0, &error);
  g_assert_null (project);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);

  project = sb_workspace_create_project (fixture->ws, "WEB", "Taken key", NULL,
                                         SB_PROJECT_STATUS_ACTIVE, fixture->manager_id,
                                         NULL, 0, &error);
  g_assert_null (project);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_DUPLICATE);

  project = sb_workspace_create_project (fixture->ws, "NEW", "Two\nlines", NULL,
                                         SB_PROJECT_STATUS_ACTIVE, fixture->manager_id,
                                         NULL, 0, &error);
  g_assert_null (project);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);

  project = sb_workspace_create_project (fixture->ws, "NEW", "New", NULL, 4,
                                         fixture->manager_id, NULL, 0, &error);
  g_assert_null (project);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);

  project = sb_workspace_create_project (fixture->ws, "NEW", "New", NULL,
                                         SB_PROJECT_STATUS_ACTIVE, unknown, NULL, 0, &error);
  g_assert_null (project);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);

  project = sb_workspace_create_project (fixture->ws, "NEW", "New", NULL,
                                         SB_PROJECT_STATUS_ACTIVE, fixture->manager_id,
                                         with_unknown, 2, &error);
  g_assert_null (project);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);

  sb_test_assert_unchanged (fixture->db, before);
}

static void
test_create_project_duplicate_ids (SbTestFixture *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProject) project = NULL;
  gint64 ids[] = { 0, 0, 0 };

  ids[0] = fixture->member_id;
  ids[1] = fixture->member_id;
  ids[2] = fixture->manager_id;

  sb_test_sign_in (fixture, fixture->manager_id);
  project = sb_workspace_create_project (fixture->ws, "DUP", "Duplicates", NULL,
                                         SB_PROJECT_STATUS_ACTIVE, fixture->manager_id,
                                         ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sb_project_get_member_count (project), ==, 2);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "project_members"), ==, 2);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox"), ==, 1);
  assert_outbox_row (fixture, sb_project_get_id (project), fixture->member_id);
}

/* The invite outbox */

static void
test_outbox_on_create (SbTestFixture *fixture,
                       gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);

  /* The manager created it with one member: one invite, for the member. */
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox"), ==, 1);
  assert_outbox_row (fixture, project_id, fixture->member_id);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE employee_id = %"
                                       G_GINT64_FORMAT, fixture->manager_id), ==, 0);
}

static void
test_outbox_creator_not_manager (SbTestFixture *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  gint64 project_id;

  /* Milo creates a project managed by Dana, with Olga as a member. */
  project_id = create_project_as (fixture, fixture->member_id, "OPS", fixture->manager_id,
                                  &fixture->outsider_id, 1);

  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox"), ==, 2);
  assert_outbox_row (fixture, project_id, fixture->manager_id);
  assert_outbox_row (fixture, project_id, fixture->outsider_id);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE employee_id = %"
                                       G_GINT64_FORMAT, fixture->member_id), ==, 0);
  g_assert_cmpint (sb_test_query_int (fixture->db, "SELECT count(DISTINCT message_id) FROM outbox"),
                   ==, 2);

  /* The creator is a member too, and Dana is the manager. */
  names = member_names (fixture, project_id);
  g_assert_cmpstr (names, ==, "Dana Manager, Milo Member, Olga Outsider");

  {
    g_autoptr(SbProject) project = sb_workspace_get_project (fixture->ws, project_id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sb_project_get_manager_id (project), ==, fixture->manager_id);
    g_assert_cmpuint (sb_project_get_member_count (project), ==, 3);
  }
}

static void
test_add_members (SbTestFixture *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *before = NULL;
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 again[] = { 0, 0 };
  gint64 unknown[] = { 0, 999999 };

  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox"), ==, 1);

  g_assert_true (sb_workspace_add_members (fixture->ws, project_id, &fixture->outsider_id, 1,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox"), ==, 2);
  assert_outbox_row (fixture, project_id, fixture->outsider_id);
  g_assert_cmpint (sb_test_query_int (fixture->db, "SELECT count(DISTINCT message_id) FROM outbox"),
                   ==, 2);

  names = member_names (fixture, project_id);
  g_assert_cmpstr (names, ==, "Dana Manager, Milo Member, Olga Outsider");

  /* Re-adding existing members is ignored: no new invite. */
  again[0] = fixture->outsider_id;
  again[1] = fixture->member_id;
  before = sb_test_dump (fixture->db);
  g_assert_true (sb_workspace_add_members (fixture->ws, project_id, again, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox"), ==, 2);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "project_members WHERE project_id = %"
                                       G_GINT64_FORMAT, project_id), ==, 3);

  /* An unknown employee: NOT_FOUND and nothing changes. */
  unknown[0] = fixture->outsider_id;
  g_assert_false (sb_workspace_add_members (fixture->ws, project_id, unknown, 2, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);
  sb_test_assert_unchanged (fixture->db, before);

  /* Only the manager adds members. */
  sb_test_sign_in (fixture, fixture->member_id);
  g_assert_false (sb_workspace_add_members (fixture->ws, project_id, &fixture->outsider_id, 1,
                                            &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
}

static void
test_remove_member_unassigns (SbTestFixture *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;
  g_autoptr(SbTask) other_task = NULL;
  g_autofree char *names = NULL;
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 other_project, task_id, other_task_id, dana_task_id;

  task_id = create_task (fixture, project_id, "Milo's task", fixture->member_id, NULL, 0);
  dana_task_id = create_task (fixture, project_id, "Dana's task", fixture->manager_id, NULL, 0);
  other_project = create_project_as (fixture, fixture->manager_id, "OTHER", fixture->manager_id,
                                     &fixture->member_id, 1);
  other_task_id = create_task (fixture, other_project, "Elsewhere", fixture->member_id, NULL, 0);

  g_assert_true (sb_workspace_remove_member (fixture->ws, project_id, fixture->member_id,
                                             &error));
  g_assert_no_error (error);

  names = member_names (fixture, project_id);
  g_assert_cmpstr (names, ==, "Dana Manager");

  task = sb_workspace_get_task (fixture->ws, task_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_task_get_assignee_id (task), ==, 0);
  g_assert_null (sb_task_get_assignee_name (task));
  g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE id = %" G_GINT64_FORMAT
                                       " AND assignee_id IS NULL", task_id), ==, 1);
  g_assert_cmpint (sb_test_query_int (fixture->db,
                                      "SELECT assignee_id FROM tasks WHERE id = %" G_GINT64_FORMAT,
                                      dana_task_id), ==, fixture->manager_id);

  /* Their task in another project keeps its assignee. */
  other_task = sb_workspace_get_task (fixture->ws, other_task_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_task_get_assignee_id (other_task), ==, fixture->member_id);

  /* Milo can no longer see the project. */
  sb_test_sign_in (fixture, fixture->member_id);
  {
    SbProject *project = sb_workspace_get_project (fixture->ws, project_id, &error);

    g_assert_null (project);
    sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
  }
}

static void
test_remove_member_refused (SbTestFixture *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 project_id = sb_test_create_project (fixture, FALSE);

  before = sb_test_dump (fixture->db);

  g_assert_false (sb_workspace_remove_member (fixture->ws, project_id, fixture->manager_id,
                                              &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);

  g_assert_false (sb_workspace_remove_member (fixture->ws, project_id, fixture->outsider_id,
                                              &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);

  sb_test_sign_in (fixture, fixture->member_id);
  g_assert_false (sb_workspace_remove_member (fixture->ws, project_id, fixture->member_id,
                                              &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);

  sb_test_assert_unchanged (fixture->db, before);
}

/* Listing and reading projects */

static void
test_list_projects (SbTestFixture *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(SbProject) web = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *milo_keys = NULL;
  g_autofree char *olga_keys = NULL;
  gint64 web_id = sb_test_create_project (fixture, FALSE);
  gint64 api_id, deleted_id;
  GListModel *columns;
  const guint expected_counts[] = { 1, 2, 0, 1 };

  api_id = create_project_as (fixture, fixture->manager_id, "API", fixture->manager_id, NULL, 0);
  create_project_as (fixture, fixture->outsider_id, "OLG", fixture->outsider_id, NULL, 0);
  g_assert_cmpint (api_id, >, 0);

  sb_test_sign_in (fixture, fixture->manager_id);
  /* Overdue: due long ago, not done. */
  create_task (fixture, web_id, "Late", fixture->member_id, "2000-01-01", 0);
  /* Due long ago but done: not overdue. */
  create_task (fixture, web_id, "Late but done", 0, "2000-01-01",
               column_id_at (fixture, web_id, 3));
  /* No due date, in progress. */
  create_task (fixture, web_id, "Ongoing", 0, NULL, column_id_at (fixture, web_id, 1));
  /* Due far in the future. */
  create_task (fixture, web_id, "Later", 0, "2999-12-31", column_id_at (fixture, web_id, 1));
  /* Deleted tasks do not count. */
  deleted_id = create_task (fixture, web_id, "Gone", 0, "2000-01-01", 0);
  g_assert_true (sb_workspace_delete_task (fixture->ws, deleted_id, &error));
  g_assert_no_error (error);

  projects = sb_workspace_list_projects (fixture->ws, &error);
  g_assert_no_error (error);
  keys = sb_test_join_property (projects, SB_TYPE_PROJECT, "key", " ");
  g_assert_cmpstr (keys, ==, "API WEB");

  web = g_list_model_get_item (projects, 1);
  g_assert_cmpint (sb_project_get_id (web), ==, web_id);
  g_assert_cmpstr (sb_project_get_name (web), ==, "Website redesign");
  g_assert_cmpstr (sb_project_get_manager_name (web), ==, "Dana Manager");
  g_assert_cmpstr (sb_project_get_manager_email (web), ==, "dana@example.org");
  g_assert_cmpuint (sb_project_get_task_count (web), ==, 4);
  g_assert_cmpuint (sb_project_get_overdue_count (web), ==, 1);
  g_assert_cmpuint (sb_project_get_member_count (web), ==, 2);

  columns = sb_project_get_columns (web);
  g_assert_nonnull (columns);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (columns, i);
      g_assert_cmpuint (sb_column_get_task_count (column), ==, expected_counts[i]);
    }

  {
    g_autoptr(SbProject) api = g_list_model_get_item (projects, 0);

    g_assert_cmpuint (sb_project_get_task_count (api), ==, 0);
    g_assert_cmpuint (sb_project_get_overdue_count (api), ==, 0);
    g_assert_cmpuint (sb_project_get_member_count (api), ==, 1);
  }

  /* Milo sees only WEB, Olga only OLG. */
  sb_test_sign_in (fixture, fixture->member_id);
  milo_keys = project_keys (fixture);
  g_assert_cmpstr (milo_keys, ==, "WEB");
  sb_test_sign_in (fixture, fixture->outsider_id);
  olga_keys = project_keys (fixture);
  g_assert_cmpstr (olga_keys, ==, "OLG");

  sb_test_sign_in (fixture, 0);
  {
    GListModel *none = sb_workspace_list_projects (fixture->ws, &error);

    g_assert_null (none);
    sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);
  }
}

static void
test_get_project_access (SbTestFixture *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 project_id = sb_test_create_project (fixture, TRUE);
  SbProject *project;

  sb_test_sign_in (fixture, fixture->outsider_id);
  project = sb_workspace_get_project (fixture->ws, project_id, &error);
  g_assert_null (project);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);

  project = sb_workspace_get_project (fixture->ws, 999999, &error);
  g_assert_null (project);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);

  {
    GListModel *members = sb_workspace_list_members (fixture->ws, project_id, &error);

    g_assert_null (members);
    sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
  }
  {
    GListModel *columns = sb_workspace_list_columns (fixture->ws, project_id, &error);

    g_assert_null (columns);
    sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
  }

  sb_test_sign_in (fixture, fixture->member_id);
  {
    g_autoptr(SbProject) mine = sb_workspace_get_project (fixture->ws, project_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sb_project_get_key (mine), ==, "WEB");
    g_assert_cmpstr (sb_project_get_description (mine), ==, "The new site");
    g_assert_cmpuint (g_list_model_get_n_items (sb_project_get_columns (mine)), ==, 4);
  }

  sb_test_sign_in (fixture, 0);
  project = sb_workspace_get_project (fixture->ws, project_id, &error);
  g_assert_null (project);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);
}

static void
test_update_project (SbTestFixture *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProject) project = NULL;
  g_autofree char *names = NULL;
  g_autofree char *before = NULL;
  gint64 project_id = sb_test_create_project (fixture, FALSE);

  /* A member is not the manager. */
  sb_test_sign_in (fixture, fixture->member_id);
  before = sb_test_dump (fixture->db);
  g_assert_false (sb_workspace_update_project (fixture->ws, project_id, "Hijacked", NULL,
                                               SB_PROJECT_STATUS_ACTIVE, fixture->member_id,
                                               &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);

  sb_test_sign_in (fixture, fixture->manager_id);
  g_assert_false (sb_workspace_update_project (fixture->ws, project_id, "Name", NULL,
                                               SB_PROJECT_STATUS_ACTIVE, 999999, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);
  g_assert_false (sb_workspace_update_project (fixture->ws, project_id, "", NULL,
                                               SB_PROJECT_STATUS_ACTIVE, fixture->manager_id,
                                               &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  sb_test_assert_unchanged (fixture->db, before);

  /* Hand the project over to Olga, who is not a member yet. */
  g_assert_true (sb_workspace_update_project (fixture->ws, project_id, "Website v2",
                                              "Second attempt", SB_PROJECT_STATUS_ON_HOLD,
                                              fixture->outsider_id, &error));
  g_assert_no_error (error);

  project = sb_workspace_get_project (fixture->ws, project_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_project_get_key (project), ==, "WEB");
  g_assert_cmpstr (sb_project_get_name (project), ==, "Website v2");
  g_assert_cmpstr (sb_project_get_description (project), ==, "Second attempt");
  g_assert_cmpint (sb_project_get_status (project), ==, SB_PROJECT_STATUS_ON_HOLD);
  g_assert_cmpint (sb_project_get_manager_id (project), ==, fixture->outsider_id);
  g_assert_cmpstr (sb_project_get_manager_name (project), ==, "Olga Outsider");
  g_assert_cmpuint (sb_project_get_member_count (project), ==, 3);

  names = member_names (fixture, project_id);
  g_assert_cmpstr (names, ==, "Dana Manager, Milo Member, Olga Outsider");

  /* Dana is no longer the manager. */
  g_assert_false (sb_workspace_update_project (fixture->ws, project_id, "Back", NULL,
                                               SB_PROJECT_STATUS_ACTIVE, fixture->manager_id,
                                               &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);

  /* Olga is. */
  sb_test_sign_in (fixture, fixture->outsider_id);
  g_assert_true (sb_workspace_update_project (fixture->ws, project_id, "Website v3", NULL,
                                              SB_PROJECT_STATUS_ACTIVE, fixture->outsider_id,
                                              &error));
  g_assert_no_error (error);
}

static void
test_delete_project_cascades (SbTestFixture *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStory) story = NULL;
  g_autoptr(SbComment) comment = NULL;
  g_autofree char *before = NULL;
  g_autofree char *keys = NULL;
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 keep_id, task_id;
  SbProject *gone;

  keep_id = create_project_as (fixture, fixture->manager_id, "KEEP", fixture->manager_id,
                               &fixture->outsider_id, 1);
  create_task (fixture, keep_id, "Stays", 0, NULL, 0);

  story = sb_workspace_create_story (fixture->ws, project_id, "Story", NULL, 3, &error);
  g_assert_no_error (error);
  task_id = create_task (fixture, project_id, "Task", fixture->member_id, NULL, 0);
  create_task (fixture, project_id, "Done task", 0, NULL, column_id_at (fixture, project_id, 3));
  comment = sb_workspace_add_comment (fixture->ws, task_id, "A comment", &error);
  g_assert_no_error (error);

  /* Only the manager deletes. */
  sb_test_sign_in (fixture, fixture->member_id);
  before = sb_test_dump (fixture->db);
  g_assert_false (sb_workspace_delete_project (fixture->ws, project_id, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
  sb_test_assert_unchanged (fixture->db, before);

  sb_test_sign_in (fixture, fixture->manager_id);
  g_assert_true (sb_workspace_delete_project (fixture->ws, project_id, &error));
  g_assert_no_error (error);

#define COUNT_OF(table) \
  sb_test_count_rows (fixture->db, table " WHERE project_id = %" G_GINT64_FORMAT, project_id)
  g_assert_cmpint (sb_test_count_rows (fixture->db, "projects WHERE id = %"
                                       G_GINT64_FORMAT, project_id), ==, 0);
  g_assert_cmpint (COUNT_OF ("tasks"), ==, 0);
  g_assert_cmpint (COUNT_OF ("stories"), ==, 0);
  g_assert_cmpint (COUNT_OF ("columns"), ==, 0);
  g_assert_cmpint (COUNT_OF ("project_members"), ==, 0);
  g_assert_cmpint (COUNT_OF ("outbox"), ==, 0);
  g_assert_cmpint (COUNT_OF ("activity"), ==, 0);
#undef COUNT_OF
  g_assert_cmpint (sb_test_count_rows (fixture->db, "comments WHERE task_id = %"
                                       G_GINT64_FORMAT, task_id), ==, 0);

  /* The other project is untouched. */
  g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE project_id = %"
                                       G_GINT64_FORMAT, keep_id), ==, 1);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "columns WHERE project_id = %"
                                       G_GINT64_FORMAT, keep_id), ==, 4);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE project_id = %"
                                       G_GINT64_FORMAT, keep_id), ==, 1);

  gone = sb_workspace_get_project (fixture->ws, project_id, &error);
  g_assert_null (gone);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);

  keys = project_keys (fixture);
  g_assert_cmpstr (keys, ==, "KEEP");

  /* The key is free again. */
  g_assert_true (sb_workspace_is_project_key_free (fixture->ws, "WEB"));
}

static void
test_is_project_key_free (SbTestFixture *fixture,
                          gconstpointer  user_data)
{
  sb_test_create_project (fixture, FALSE);

  g_assert_false (sb_workspace_is_project_key_free (fixture->ws, "WEB"));
  g_assert_true (sb_workspace_is_project_key_free (fixture->ws, "NEW"));
  g_assert_true (sb_workspace_is_project_key_free (fixture->ws, "WEB2"));
  g_assert_true (sb_workspace_is_project_key_free (fixture->ws, "AB"));
  g_assert_true (sb_workspace_is_project_key_free (fixture->ws, "ABCDEFGHIJ"));
  /* Invalid keys are never free. */
  g_assert_false (sb_workspace_is_project_key_free (fixture->ws, "web"));
  g_assert_false (sb_workspace_is_project_key_free (fixture->ws, "A"));
  g_assert_false (sb_workspace_is_project_key_free (fixture->ws, "1AB"));
  g_assert_false (sb_workspace_is_project_key_free (fixture->ws, "ABCDEFGHIJK"));
  g_assert_false (sb_workspace_is_project_key_free (fixture->ws, "AB-C"));
  g_assert_false (sb_workspace_is_project_key_free (fixture->ws, ""));
}

/* Employees */

static char *
search_names (SbTestFixture *fixture,
              const char    *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) employees = sb_workspace_list_employees (fixture->ws, search, &error);

  g_assert_no_error (error);
  g_assert_nonnull (employees);
  return sb_test_join_property (employees, SB_TYPE_EMPLOYEE, "name", ", ");
}

static void
test_list_employees (SbTestFixture *fixture,
                     gconstpointer  user_data)
{
  struct {
    const char *search;
    const char *expected;
  } cases[] = {
    { NULL, "Dana Manager, Milo Member, Olga Outsider" },
    { "", "Dana Manager, Milo Member, Olga Outsider" },
    { "milo", "Milo Member" },
    { "MEMBER", "Milo Member" },
    { "ana M", "Dana Manager" },
    { "olga@", "Olga Outsider" },
    { "EXAMPLE.ORG", "Dana Manager, Milo Member, Olga Outsider" },
    { "anag", "Dana Manager" },
    { "zzz", "" },
  };

  sb_test_sign_in (fixture, fixture->outsider_id);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *names = search_names (fixture, cases[i].search);

      g_test_message ("search “%s”", cases[i].search ? cases[i].search : "(null)");
      g_assert_cmpstr (names, ==, cases[i].expected);
    }
}

static void
test_get_employee (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbEmployee) employee = NULL;
  SbEmployee *missing;

  sb_test_sign_in (fixture, fixture->member_id);
  employee = sb_workspace_get_employee (fixture->ws, fixture->outsider_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_employee_get_id (employee), ==, fixture->outsider_id);
  g_assert_cmpstr (sb_employee_get_name (employee), ==, "Olga Outsider");
  g_assert_cmpstr (sb_employee_get_email (employee), ==, "olga@example.org");

  missing = sb_workspace_get_employee (fixture->ws, 999999, &error);
  g_assert_null (missing);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);
}

static void
test_employees_need_sign_in (SbTestFixture *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GListModel *employees;
  SbEmployee *employee;

  employees = sb_workspace_list_employees (fixture->ws, NULL, &error);
  g_assert_null (employees);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);

  employees = sb_workspace_list_employees (fixture->ws, "dana", &error);
  g_assert_null (employees);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);

  employee = sb_workspace_get_employee (fixture->ws, fixture->manager_id, &error);
  g_assert_null (employee);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);
}

/* The dashboard */

static void
test_list_my_open_tasks (SbTestFixture *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 other_project, deleted_id, open_id, elsewhere_id, review_id;

  open_id = create_task (fixture, project_id, "Mine, to do", fixture->member_id, NULL, 0);
  review_id = create_task (fixture, project_id, "Mine, in review", fixture->member_id,
                           "2000-01-01", column_id_at (fixture, project_id, 2));
  create_task (fixture, project_id, "Mine, done", fixture->member_id, NULL,
               column_id_at (fixture, project_id, 3));
  deleted_id = create_task (fixture, project_id, "Mine, deleted", fixture->member_id, NULL, 0);
  create_task (fixture, project_id, "Dana's", fixture->manager_id, NULL, 0);
  create_task (fixture, project_id, "Nobody's", 0, NULL, 0);
  g_assert_true (sb_workspace_delete_task (fixture->ws, deleted_id, &error));
  g_assert_no_error (error);

  other_project = create_project_as (fixture, fixture->manager_id, "OTHER", fixture->manager_id,
                                     &fixture->member_id, 1);
  elsewhere_id = create_task (fixture, other_project, "Mine, elsewhere", fixture->member_id,
                              NULL, 0);

  sb_test_sign_in (fixture, fixture->member_id);
  tasks = sb_workspace_list_my_open_tasks (fixture->ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 3);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(SbTask) task = g_list_model_get_item (tasks, i);
      gint64 id = sb_task_get_id (task);

      g_assert_cmpint (sb_task_get_assignee_id (task), ==, fixture->member_id);
      g_assert_true (id == open_id || id == review_id || id == elsewhere_id);
      g_ptr_array_add (titles, (gpointer) sb_task_get_title (task));
      if (id == review_id)
        g_assert_true (sb_task_get_overdue (task));
    }
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Mine, to do", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Mine, in review", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Mine, elsewhere", g_str_equal, NULL));

  /* Dana has one. */
  sb_test_sign_in (fixture, fixture->manager_id);
  {
    g_autoptr(GListModel) hers = sb_workspace_list_my_open_tasks (fixture->ws, &error);
    g_autoptr(SbTask) task = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (hers), ==, 1);
    task = g_list_model_get_item (hers, 0);
    g_assert_cmpstr (sb_task_get_title (task), ==, "Dana's");
  }

  sb_test_sign_in (fixture, 0);
  {
    GListModel *none = sb_workspace_list_my_open_tasks (fixture->ws, &error);

    g_assert_null (none);
    sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);
  }
}

/* The project editor's save: members join and leave and the fields change in one
 * transaction; a refusal at the last step leaves everything, in the file and in memory, as it
 * was. */
static void
test_save_project (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 add[] = { fixture->outsider_id };
  gint64 remove[] = { fixture->member_id };
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;
  g_autoptr(SbProject) project = NULL;
  g_autofree char *before = NULL;
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  gint64 task_id;

  draft.title = "Milo's";
  draft.assignee_id = fixture->member_id;
  task_id = sb_test_create_task_from_draft (fixture->ws, project_id, &draft);
  task = sb_test_get_task (fixture->ws, task_id);
  before = sb_test_dump (fixture->db);

  /* An empty name is refused after the membership steps ran: all of it is rolled back. */
  g_assert_false (sb_workspace_save_project (fixture->ws, project_id, "", NULL,
                                             SB_PROJECT_STATUS_ACTIVE, fixture->manager_id,
                                             add, 1, remove, 1, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  sb_test_assert_unchanged (fixture->db, before);
  g_assert_cmpint (sb_task_get_assignee_id (task), ==, fixture->member_id);

  /* All at once: Olga joins (invited) and manages, Milo leaves (his task unassigned). */
  g_assert_true (sb_workspace_save_project (fixture->ws, project_id, "Website relaunch", "New",
                                            SB_PROJECT_STATUS_ON_HOLD, fixture->outsider_id,
                                            add, 1, remove, 1, &error));
  g_assert_no_error (error);
  project = sb_workspace_get_project (fixture->ws, project_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_project_get_name (project), ==, "Website relaunch");
  g_assert_cmpint (sb_project_get_status (project), ==, SB_PROJECT_STATUS_ON_HOLD);
  g_assert_cmpint (sb_project_get_manager_id (project), ==, fixture->outsider_id);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "project_members WHERE project_id = %"
                                       G_GINT64_FORMAT " AND employee_id = %" G_GINT64_FORMAT,
                                       project_id, fixture->member_id), ==, 0);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE employee_id = %"
                                       G_GINT64_FORMAT, fixture->outsider_id), ==, 1);
  g_assert_cmpint (sb_task_get_assignee_id (task), ==, 0);

  /* Dana no longer manages: she may not change membership. */
  g_assert_false (sb_workspace_save_project (fixture->ws, project_id, "Website relaunch", NULL,
                                             SB_PROJECT_STATUS_ACTIVE, fixture->outsider_id,
                                             remove, 1, NULL, 0, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
}

/* The dashboard's top of "my open tasks": the first @limit in the same order, and the count of
 * all of them (Done and other people's tasks not counted). */
static void
test_list_my_open_tasks_top (SbTestFixture *fixture,
                             gconstpointer  user_data)
{
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 columns[SB_TEST_N_COLUMNS];
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) top = NULL;
  g_autoptr(GError) error = NULL;
  guint n_open = 0;

  sb_test_get_column_ids (fixture->ws, project_id, columns);
  for (int i = 0; i < 7; i++)
    {
      SbTaskDraft draft = SB_TASK_DRAFT_INIT;
      g_autofree char *title = g_strdup_printf ("Task %d", i);

      draft.title = title;
      draft.assignee_id = i == 6 ? fixture->member_id : fixture->manager_id;
      draft.priority = (SbPriority) (i % 4);
      draft.column_id = i == 5 ? columns[SB_TEST_N_COLUMNS - 1] : columns[0];
      sb_test_create_task_from_draft (fixture->ws, project_id, &draft);
    }

  all = sb_workspace_list_my_open_tasks (fixture->ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 5);

  top = sb_workspace_list_my_open_tasks_top (fixture->ws, 3, &n_open, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, 3);
  g_assert_cmpuint (n_open, ==, 5);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SbTask) a = g_list_model_get_item (all, i);
      g_autoptr(SbTask) b = g_list_model_get_item (top, i);

      g_assert_true (a == b);
    }

  g_clear_object (&top);
  top = sb_workspace_list_my_open_tasks_top (fixture->ws, 50, &n_open, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, 5);
  g_assert_cmpuint (n_open, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  sb_test_add ("/projects/create/happy", test_create_project);
  sb_test_add ("/projects/create/refused", test_create_project_refused);
  sb_test_add ("/projects/create/duplicate-ids", test_create_project_duplicate_ids);
  sb_test_add ("/projects/outbox/on-create", test_outbox_on_create);
  sb_test_add ("/projects/outbox/creator-not-manager", test_outbox_creator_not_manager);
  sb_test_add ("/projects/members/add", test_add_members);
  sb_test_add ("/projects/members/remove-unassigns", test_remove_member_unassigns);
  sb_test_add ("/projects/members/remove-refused", test_remove_member_refused);
  sb_test_add ("/projects/list", test_list_projects);
  sb_test_add ("/projects/get/access", test_get_project_access);
  sb_test_add ("/projects/update", test_update_project);
  sb_test_add ("/projects/delete/cascades", test_delete_project_cascades);
  sb_test_add ("/projects/key-free", test_is_project_key_free);
  sb_test_add ("/projects/employees/list", test_list_employees);
  sb_test_add ("/projects/employees/get", test_get_employee);
  sb_test_add ("/projects/employees/need-sign-in", test_employees_need_sign_in);
  sb_test_add ("/projects/dashboard/my-open-tasks", test_list_my_open_tasks);
  sb_test_add ("/projects/save", test_save_project);
  sb_test_add ("/projects/dashboard/my-open-tasks-top", test_list_my_open_tasks_top);

  return g_test_run ();
}
