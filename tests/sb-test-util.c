/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#define _GNU_SOURCE /* memmem() */

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sb-test-util.h"
#include "sb-workspace-private.h"

/* The template database, made once per test program: signing up costs three Argon2id
 * hashes, far too slow to pay in every test. */
typedef struct
{
  char   *dir;
  char   *path;
  pid_t   owner;        /* only the process that made it removes it */
  gint64  manager_id;
  gint64  member_id;
  gint64  outsider_id;
} Template;

static Template template;

static void
template_remove (void)
{
  if (template.dir != NULL && template.owner == getpid ())
    sb_test_rm_rf (template.dir);
  g_clear_pointer (&template.dir, g_free);
  g_clear_pointer (&template.path, g_free);
}

static const Template *
ensure_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) db = NULL;
  g_autoptr(SbWorkspace) ws = NULL;

  if (template.path != NULL)
    return &template;

  template.dir = sb_test_make_tmpdir ();
  template.path = g_build_filename (template.dir, "template.db", NULL);
  template.owner = getpid ();
  atexit (template_remove);

  db = sb_database_open (template.path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  ws = sb_workspace_new (db);

  template.manager_id = sb_test_signup (ws, "Dana Manager", "dana@example.org");
  template.member_id = sb_test_signup (ws, "Milo Member", "milo@example.org");
  template.outsider_id = sb_test_signup (ws, "Olga Outsider", "olga@example.org");

  /* Closing the last connection checkpoints the WAL into the main file (and deletes the
   * -wal file), so that a plain copy of the main file holds everything. */
  g_clear_object (&ws);
  sb_database_close (db);
  g_clear_object (&db);

  return &template;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

static void
fixture_open (SbTestFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->db = sb_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
  fixture->ws = sb_workspace_new (fixture->db);
  g_assert_nonnull (fixture->ws);
}

static void
fixture_close (SbTestFixture *fixture)
{
  g_clear_object (&fixture->ws);
  if (fixture->db != NULL)
    sb_database_close (fixture->db);
  g_clear_object (&fixture->db);
}

void
sb_test_fixture_setup (SbTestFixture *fixture,
                       gconstpointer  user_data)
{
  const Template *tmpl = ensure_template ();
  g_autofree char *template_wal = g_strconcat (tmpl->path, "-wal", NULL);

  fixture->dir = sb_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "sprintboard.db", NULL);

  copy_file (tmpl->path, fixture->path);
  /* Normally gone after the close; should a checkpoint ever be left over, the pair of files
   * is still a consistent database. */
  if (g_file_test (template_wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

      copy_file (template_wal, wal);
    }

  fixture->manager_id = tmpl->manager_id;
  fixture->member_id = tmpl->member_id;
  fixture->outsider_id = tmpl->outsider_id;

  fixture_open (fixture);
}

void
sb_test_fixture_teardown (SbTestFixture *fixture,
                          gconstpointer  user_data)
{
  fixture_close (fixture);
  if (fixture->dir != NULL)
    sb_test_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

void
sb_test_sign_in (SbTestFixture *fixture,
                 gint64         employee_id)
{
  g_assert_nonnull (fixture->ws);
  g_assert_cmpint (employee_id, >=, 0);

  _sb_workspace_sign_in_for_testing (fixture->ws, employee_id);
  g_assert_cmpint (sb_workspace_get_current_employee_id (fixture->ws), ==, employee_id);
  if (employee_id == 0)
    g_assert_null (sb_workspace_get_current_employee (fixture->ws));
  else
    g_assert_nonnull (sb_workspace_get_current_employee (fixture->ws));
}

gint64
sb_test_create_project (SbTestFixture *fixture,
                        gboolean       sign_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProject) project = NULL;
  gint64 project_id;

  sb_test_sign_in (fixture, fixture->manager_id);

  project = sb_workspace_create_project (fixture->ws, "WEB", "Website redesign", "The new site",
                                         SB_PROJECT_STATUS_ACTIVE, fixture->manager_id,
                                         &fixture->member_id, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpstr (sb_project_get_key (project), ==, "WEB");
  project_id = sb_project_get_id (project);
  g_assert_cmpint (project_id, >, 0);

  if (sign_out)
    sb_test_sign_in (fixture, 0);

  return project_id;
}

void
sb_test_reopen (SbTestFixture *fixture)
{
  fixture_close (fixture);
  fixture_open (fixture);
}

static void
dump_value (GString      *out,
            sqlite3_stmt *stmt,
            int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_string_append (out, "NULL");
      break;

    case SQLITE_INTEGER:
      g_string_append_printf (out, "integer:%" G_GINT64_FORMAT,
                              (gint64) sqlite3_column_int64 (stmt, column));
      break;

    case SQLITE_FLOAT:
      g_string_append_printf (out, "real:%.17g", sqlite3_column_double (stmt, column));
      break;

    case SQLITE_TEXT:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, column);
        int length = sqlite3_column_bytes (stmt, column);
        g_autofree char *copy = g_strndup (text, length);
        g_autofree char *escaped = g_strescape (copy, NULL);

        /* The byte count catches a NUL that g_strndup() would have cut the text at. */
        g_string_append_printf (out, "text(%d):\"%s\"", length, escaped);
      }
      break;

    case SQLITE_BLOB:
    default:
      {
        const guint8 *blob = sqlite3_column_blob (stmt, column);
        int length = sqlite3_column_bytes (stmt, column);

        g_string_append_printf (out, "blob(%d):", length);
        for (int i = 0; i < length; i++)
          g_string_append_printf (out, "%02x", blob[i]);
      }
      break;
    }
}

static void
dump_query (GString    *out,
            sqlite3    *handle,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("sb_test_dump: cannot prepare “%s”: %s", sql, sqlite3_errmsg (handle));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int n_columns = sqlite3_column_count (stmt);

      g_string_append (out, "  (");
      for (int i = 0; i < n_columns; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          g_string_append_printf (out, "%s=", sqlite3_column_name (stmt, i));
          dump_value (out, stmt, i);
        }
      g_string_append (out, ")\n");
    }
  if (rc != SQLITE_DONE)
    g_error ("sb_test_dump: cannot run “%s”: %s", sql, sqlite3_errmsg (handle));

  sqlite3_finalize (stmt);
}

static int
count_columns (sqlite3    *handle,
               const char *table)
{
  sqlite3_stmt *stmt = NULL;
  char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", table);
  int n_columns;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("sb_test_dump: cannot read table “%s”: %s", table, sqlite3_errmsg (handle));
  n_columns = sqlite3_column_count (stmt);
  sqlite3_finalize (stmt);
  sqlite3_free (sql);

  return n_columns;
}

char *
sb_test_dump (SbDatabase *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) without_rowid = g_array_new (FALSE, FALSE, sizeof (gboolean));
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_true (SB_IS_DATABASE (db));
  handle = sb_database_get_handle (db);
  g_assert_nonnull (handle);

  g_string_append (out, "user_version:\n");
  dump_query (out, handle, "PRAGMA user_version");

  g_string_append (out, "schema:\n");
  dump_query (out, handle,
              "SELECT type, name, tbl_name, sql FROM sqlite_schema "
              "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT s.name, l.wr FROM sqlite_schema AS s "
                           "JOIN pragma_table_list AS l ON l.name = s.name AND l.schema = 'main' "
                           "WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite_%' "
                           "ORDER BY s.name",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("sb_test_dump: cannot list the tables: %s", sqlite3_errmsg (handle));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean wr = sqlite3_column_int (stmt, 1) != 0;

      g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_array_append_val (without_rowid, wr);
    }
  if (rc != SQLITE_DONE)
    g_error ("sb_test_dump: cannot list the tables: %s", sqlite3_errmsg (handle));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      char *sql;

      if (g_array_index (without_rowid, gboolean, i))
        {
          /* No rowid: order by every column, which is a total order on distinct rows. */
          g_autoptr(GString) order = g_string_new (NULL);
          int n_columns = count_columns (handle, table);

          for (int c = 1; c <= n_columns; c++)
            g_string_append_printf (order, "%s%d", c > 1 ? ", " : "", c);
          sql = sqlite3_mprintf ("SELECT * FROM \"%w\" ORDER BY %s", table, order->str);
        }
      else
        {
          sql = sqlite3_mprintf ("SELECT rowid AS \"(rowid)\", * FROM \"%w\" ORDER BY rowid",
                                 table);
        }

      g_string_append_printf (out, "table %s:\n", table);
      dump_query (out, handle, sql);
      sqlite3_free (sql);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
sb_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  dir = g_dir_make_tmp ("sb-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (dir);

  return dir;
}

void
sb_test_rm_rf (const char *path)
{
  g_return_if_fail (path != NULL);

  /* Never follow a symbolic link out of the folder being removed. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      if (dir != NULL)
        {
          while ((name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *child = g_build_filename (path, name, NULL);

              sb_test_rm_rf (child);
            }
        }
      if (g_rmdir (path) != 0)
        g_warning ("Could not remove the folder %s: %s", path, g_strerror (errno));
    }
  else if (g_remove (path) != 0 && errno != ENOENT)
    {
      g_warning ("Could not remove %s: %s", path, g_strerror (errno));
    }
}

GBytes *
sb_test_read_file_bytes (const char *path,
                         gboolean    with_wal)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *wal_path = NULL;
  gsize length = 0;
  GByteArray *bytes;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  bytes = g_byte_array_sized_new (length);
  g_byte_array_append (bytes, (const guint8 *) contents, length);

  wal_path = g_strconcat (path, "-wal", NULL);
  if (with_wal && g_file_test (wal_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *wal = NULL;
      gsize wal_length = 0;

      g_file_get_contents (wal_path, &wal, &wal_length, &error);
      g_assert_no_error (error);
      g_byte_array_append (bytes, (const guint8 *) wal, wal_length);
    }

  return g_byte_array_free_to_bytes (bytes);
}

gboolean
sb_test_bytes_contain (GBytes     *haystack,
                       const char *needle)
{
  gsize size = 0;
  gconstpointer data;
  gsize needle_length;

  g_return_val_if_fail (haystack != NULL, FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);

  data = g_bytes_get_data (haystack, &size);
  needle_length = strlen (needle);
  if (needle_length == 0)
    return TRUE;
  if (data == NULL || size < needle_length)
    return FALSE;

  return memmem (data, size, needle, needle_length) != NULL;
}

/* Plain SQL */

sqlite3_stmt *
sb_test_prepare (sqlite3    *handle,
                 const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (handle));
  return stmt;
}

void
sb_test_exec (sqlite3    *handle,
              const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("Cannot run “%s”: %s", sql, message);
}

/* Prepares what @format makes and steps it to its first row. */
static sqlite3_stmt *
query_first_row (sqlite3    *handle,
                 const char *format,
                 va_list     args) G_GNUC_PRINTF (2, 0);

static sqlite3_stmt *
query_first_row (sqlite3    *handle,
                 const char *format,
                 va_list     args)
{
  g_autofree char *sql = g_strdup_vprintf (format, args);
  sqlite3_stmt *stmt = sb_test_prepare (handle, sql);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

static gint64
query_int_va (sqlite3    *handle,
              const char *format,
              va_list     args) G_GNUC_PRINTF (2, 0);

static gint64
query_int_va (sqlite3    *handle,
              const char *format,
              va_list     args)
{
  sqlite3_stmt *stmt = query_first_row (handle, format, args);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text_va (sqlite3    *handle,
               const char *format,
               va_list     args) G_GNUC_PRINTF (2, 0);

static char *
query_text_va (sqlite3    *handle,
               const char *format,
               va_list     args)
{
  sqlite3_stmt *stmt = query_first_row (handle, format, args);
  char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  return value;
}

gint64
sb_test_handle_query_int (sqlite3    *handle,
                          const char *format,
                          ...)
{
  va_list args;
  gint64 value;

  va_start (args, format);
  value = query_int_va (handle, format, args);
  va_end (args);
  return value;
}

char *
sb_test_handle_query_text (sqlite3    *handle,
                           const char *format,
                           ...)
{
  va_list args;
  char *value;

  va_start (args, format);
  value = query_text_va (handle, format, args);
  va_end (args);
  return value;
}

gint64
sb_test_query_int (SbDatabase *db,
                   const char *format,
                   ...)
{
  va_list args;
  gint64 value;

  va_start (args, format);
  value = query_int_va (sb_database_get_handle (db), format, args);
  va_end (args);
  return value;
}

char *
sb_test_query_text (SbDatabase *db,
                    const char *format,
                    ...)
{
  va_list args;
  char *value;

  va_start (args, format);
  value = query_text_va (sb_database_get_handle (db), format, args);
  va_end (args);
  return value;
}

gint64
sb_test_count_rows (SbDatabase *db,
                    const char *format,
                    ...)
{
  g_autofree char *from = NULL;
  va_list args;

  va_start (args, format);
  from = g_strdup_vprintf (format, args);
  va_end (args);
  return sb_test_query_int (db, "SELECT count(*) FROM %s", from);
}

/* Through the workspace */

gint64
sb_test_signup (SbWorkspace *ws,
                const char  *name,
                const char  *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbEmployee) employee = NULL;

  employee = sb_workspace_signup (ws, name, email, SB_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (employee);
  g_assert_cmpint (sb_employee_get_id (employee), >, 0);

  return sb_employee_get_id (employee);
}

gint64
sb_test_create_project_as (SbTestFixture *fixture,
                           gint64         creator_id,
                           const char    *key,
                           const char    *name,
                           gint64         manager_id,
                           const gint64  *member_ids,
                           gsize          n_members)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProject) project = NULL;

  sb_test_sign_in (fixture, creator_id);
  project = sb_workspace_create_project (fixture->ws, key, name, NULL, SB_PROJECT_STATUS_ACTIVE,
                                         manager_id, member_ids, n_members, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  return sb_project_get_id (project);
}

void
sb_test_get_column_ids (SbWorkspace *ws,
                        gint64       project_id,
                        gint64      *column_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) columns = sb_workspace_list_columns (ws, project_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (columns);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, SB_TEST_N_COLUMNS);
  for (guint i = 0; i < SB_TEST_N_COLUMNS; i++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (columns, i);

      column_ids[i] = sb_column_get_id (column);
      g_assert_cmpint (column_ids[i], >, 0);
    }
}

gint64
sb_test_create_story (SbWorkspace *ws,
                      gint64       project_id,
                      const char  *title,
                      const char  *description,
                      int          points)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStory) story = NULL;

  story = sb_workspace_create_story (ws, project_id, title, description, points, &error);
  g_assert_no_error (error);
  g_assert_nonnull (story);

  return sb_story_get_id (story);
}

/* Creates the task, or inserts it at @position when @insert; returns its id. */
static gint64
add_task (SbWorkspace       *ws,
          gint64             project_id,
          const SbTaskDraft *draft,
          gboolean           insert,
          guint              position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;

  if (insert)
    task = sb_workspace_insert_task (ws, project_id, draft, position, &error);
  else
    task = sb_workspace_create_task (ws, project_id, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (task);

  return sb_task_get_id (task);
}

gint64
sb_test_create_task_from_draft (SbWorkspace       *ws,
                                gint64             project_id,
                                const SbTaskDraft *draft)
{
  return add_task (ws, project_id, draft, FALSE, 0);
}

gint64
sb_test_create_task (SbWorkspace *ws,
                     gint64       project_id,
                     const char  *title,
                     gint64       column_id)
{
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  draft.title = title;
  draft.column_id = column_id;

  return add_task (ws, project_id, &draft, FALSE, 0);
}

gint64
sb_test_insert_task (SbWorkspace *ws,
                     gint64       project_id,
                     const char  *title,
                     gint64       column_id,
                     guint        position)
{
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  draft.title = title;
  draft.column_id = column_id;

  return add_task (ws, project_id, &draft, TRUE, position);
}

gint64
sb_test_add_comment (SbWorkspace *ws,
                     gint64       task_id,
                     const char  *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbComment) comment = sb_workspace_add_comment (ws, task_id, body, &error);

  g_assert_no_error (error);
  g_assert_nonnull (comment);

  return sb_comment_get_id (comment);
}

SbTask *
sb_test_get_task (SbWorkspace *ws,
                  gint64       task_id)
{
  g_autoptr(GError) error = NULL;
  SbTask *task = sb_workspace_get_task (ws, task_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (task);

  return task;
}

SbTaskDraft
sb_test_draft_from_task (SbTask *task)
{
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  draft.title = sb_task_get_title (task);
  draft.description = sb_task_get_description (task);
  draft.story_id = sb_task_get_story_id (task);
  draft.assignee_id = sb_task_get_assignee_id (task);
  draft.priority = sb_task_get_priority (task);
  draft.due_date = sb_task_get_due_date (task);
  draft.column_id = sb_task_get_column_id (task);

  return draft;
}

char *
sb_test_describe_task (SbTask *task)
{
  return g_strdup_printf ("%s|%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%d|%s|%"
                          G_GINT64_FORMAT "|%.17g|%u",
                          sb_task_get_key (task), sb_task_get_title (task),
                          sb_task_get_description (task), sb_task_get_story_id (task),
                          sb_task_get_assignee_id (task), (int) sb_task_get_priority (task),
                          sb_task_get_due_date (task) ? sb_task_get_due_date (task) : "(none)",
                          sb_task_get_column_id (task), sb_task_get_rank (task),
                          sb_task_get_comment_count (task));
}

SbBoard *
sb_test_open_board (SbWorkspace *ws,
                    gint64       project_id)
{
  g_autoptr(GError) error = NULL;
  SbBoard *board = sb_workspace_open_board (ws, project_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (board);

  return board;
}

char *
sb_test_column_keys (SbColumn *column)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *tasks = sb_column_get_tasks (column);

  g_assert_nonnull (tasks);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(SbTask) task = g_list_model_get_item (tasks, i);

      g_assert_true (SB_IS_TASK (task));
      g_assert_cmpint (sb_task_get_column_id (task), ==, sb_column_get_id (column));
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, sb_task_get_key (task));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
sb_test_board_signature (SbWorkspace *ws,
                         gint64       project_id)
{
  g_autoptr(SbBoard) board = sb_test_open_board (ws, project_id);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (board)); i++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (G_LIST_MODEL (board), i);
      g_autofree char *keys = sb_test_column_keys (column);

      if (i > 0)
        g_string_append (out, " | ");
      g_string_append_printf (out, "%s:%s%s", sb_column_get_name (column),
                              *keys != '\0' ? " " : "", keys);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
sb_test_join_property (GListModel *model,
                       GType       type,
                       const char *property,
                       const char *separator)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *value = NULL;

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (item, type));
      g_object_get (item, property, &value, NULL);
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, value);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
sb_test_count_notify_cb (GObject    *object,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

char *
sb_test_repeat (const char *unit,
                gsize       n)
{
  GString *s = g_string_sized_new (strlen (unit) * n + 1);

  for (gsize i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}
