/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* SbDatabase: opening, configuration, migrations and their backups, transactions, the
 * statement cache, and that everything survives closing and reopening. */

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sb-test-util.h"

/* Helpers */

/* Makes a database file with plain sqlite3, as another program would. */
static void
make_raw_database (const char *path,
                   const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  sb_test_exec (handle, sql);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

/* The names in @dir that start with @prefix and end with @suffix. */
static GPtrArray *
find_files (const char *dir,
            const char *prefix,
            const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, suffix))
      g_ptr_array_add (found, g_strdup (name));

  return found;
}

static const char * const schema_tables[] = {
  "meta", "employees", "projects", "project_members", "columns", "stories", "tasks",
  "comments", "activity", "sessions", "outbox",
};

static void
assert_has_schema (sqlite3 *handle)
{
  for (guint i = 0; i < G_N_ELEMENTS (schema_tables); i++)
    {
      g_test_message ("table %s", schema_tables[i]);
      g_assert_cmpint (sb_test_handle_query_int (handle, "SELECT count(*) FROM sqlite_schema "
                                                 "WHERE type = 'table' AND name = '%s'",
                                                 schema_tables[i]), ==, 1);
    }
}

/* A database file of its own, named by the test's data, in a new temporary folder: opened for
 * the test, closed and removed after it. */
typedef struct
{
  char       *dir;
  char       *path;
  SbDatabase *db;
} DbFixture;

static void
db_fixture_setup (DbFixture     *fixture,
                  gconstpointer  name)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = sb_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, (const char *) name, NULL);
  fixture->db = sb_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
}

static void
db_fixture_teardown (DbFixture     *fixture,
                     gconstpointer  name)
{
  if (fixture->db != NULL)
    sb_database_close (fixture->db);
  g_clear_object (&fixture->db);
  sb_test_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

/* Closes the fixture's database and opens its file again. */
static void
db_fixture_reopen (DbFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  sb_database_close (fixture->db);
  g_clear_object (&fixture->db);
  fixture->db = sb_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
}

/* Opening */

static void
test_open_creates_file_and_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) db = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *nested = g_build_filename (dir, "deep", "er", NULL);
  g_autofree char *path = g_build_filename (nested, "sprintboard.db", NULL);

  g_assert_false (g_file_test (nested, G_FILE_TEST_EXISTS));

  db = sb_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (SB_IS_DATABASE (db));

  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (sb_database_get_path (db), ==, path);
  g_assert_nonnull (sb_database_get_handle (db));
  g_assert_false (sb_database_in_transaction (db));

  sb_database_close (db);
  g_clear_object (&db);
  sb_test_rm_rf (dir);
}

static void
test_open_pragmas (DbFixture     *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *mode = NULL;
  sqlite3 *handle = sb_database_get_handle (fixture->db);

  mode = sb_test_handle_query_text (handle, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (sb_test_handle_query_int (handle, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (sb_test_handle_query_int (handle, "PRAGMA synchronous"), ==, 1);
  g_assert_cmpint (sb_test_handle_query_int (handle, "PRAGMA busy_timeout"), >, 0);

  /* Foreign keys are really enforced. */
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO project_members (project_id, employee_id, added_at)"
                                 " VALUES (424242, 434343, 0)",
                                 NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "project_members"), ==, 0);
}

static void
test_open_schema_version (DbFixture     *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GPtrArray) backups = NULL;
  int latest = sb_database_get_latest_schema_version ();

  g_assert_cmpint (latest, >=, 1);

  g_assert_cmpint (sb_test_query_int (fixture->db, "PRAGMA user_version"), ==, latest);
  g_assert_cmpint (sb_database_get_schema_version (fixture->db), ==, latest);
  assert_has_schema (sb_database_get_handle (fixture->db));

  /* Reopening an up-to-date file changes nothing and makes no backup. */
  db_fixture_reopen (fixture);
  g_assert_cmpint (sb_database_get_schema_version (fixture->db), ==, latest);
  g_assert_cmpint (sb_test_query_int (fixture->db, "PRAGMA user_version"), ==, latest);
  backups = find_files (fixture->dir, "sprintboard.db.v", ".bak");
  g_assert_cmpuint (backups->len, ==, 0);
}

static void
test_uuid (DbFixture     *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) other = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "two.db", NULL);
  g_autofree char *uuid = NULL;

  g_assert_nonnull (sb_database_get_uuid (fixture->db));
  g_assert_true (g_uuid_string_is_valid (sb_database_get_uuid (fixture->db)));
  uuid = g_strdup (sb_database_get_uuid (fixture->db));

  other = sb_database_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (sb_database_get_uuid (other)));
  g_assert_cmpstr (sb_database_get_uuid (other), !=, uuid);

  db_fixture_reopen (fixture);
  g_assert_cmpstr (sb_database_get_uuid (fixture->db), ==, uuid);

  sb_database_close (other);
}

/* Migrations */

static void
test_migrate_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) db = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "legacy.db", NULL);
  g_autofree char *backup_path = NULL;
  g_autofree char *kept = NULL;
  sqlite3 *backup = NULL;

  make_raw_database (path,
                     "PRAGMA user_version = 0;"
                     "CREATE TABLE legacy (x TEXT);"
                     "INSERT INTO legacy VALUES ('hello from before');");

  db = sb_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  /* "<path>.v0-<stamp>.bak" beside the file. */
  backups = find_files (dir, "legacy.db.v0-", ".bak");
  g_assert_cmpuint (backups->len, ==, 1);
  backup_path = g_build_filename (dir, g_ptr_array_index (backups, 0), NULL);

  g_assert_cmpint (sqlite3_open_v2 (backup_path, &backup, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  kept = sb_test_handle_query_text (backup, "SELECT x FROM legacy");
  g_assert_cmpstr (kept, ==, "hello from before");
  g_assert_cmpint (sb_test_handle_query_int (backup, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (sb_test_handle_query_int (backup, "SELECT count(*) FROM sqlite_schema "
                                                     "WHERE name = 'employees'"), ==, 0);
  sqlite3_close (backup);

  /* The file itself is migrated, and keeps what it had. */
  assert_has_schema (sb_database_get_handle (db));
  g_assert_cmpint (sb_test_query_int (db, "PRAGMA user_version"), ==,
                   sb_database_get_latest_schema_version ());
  g_assert_cmpint (sb_test_query_int (db, "SELECT count(*) FROM legacy"), ==, 1);
  g_assert_true (g_uuid_string_is_valid (sb_database_get_uuid (db)));

  sb_database_close (db);
  g_clear_object (&db);
  sb_test_rm_rf (dir);
}

/* A version 1 file gets migration 2: the covering story index, after a backup. */
static void
test_migrate_story_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) db = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autofree char *index_sql = NULL;
  sqlite3_stmt *plan;
  GString *steps = g_string_new (NULL);

  /* A current file, taken back to what migration 1 made. */
  db = sb_database_open (path, &error);
  g_assert_no_error (error);
  sb_database_close (db);
  g_clear_object (&db);
  make_raw_database (path,
                     "DROP INDEX tasks_story;"
                     "CREATE INDEX tasks_story ON tasks (story_id) WHERE story_id IS NOT NULL;"
                     "PRAGMA user_version = 1;");

  db = sb_database_open (path, &error);
  g_assert_no_error (error);
  backups = find_files (dir, "v1.db.v1-", ".bak");
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (sb_test_query_int (db, "PRAGMA user_version"), ==, 2);
  index_sql = sb_test_query_text (db, "SELECT sql FROM sqlite_schema WHERE name = 'tasks_story'");
  g_assert_cmpstr (index_sql, ==, "CREATE INDEX tasks_story ON tasks (story_id, deleted_at, "
                                  "column_id) WHERE story_id IS NOT NULL");

  /* Both of the story list's counts read the index alone. */
  plan = sb_test_prepare (sb_database_get_handle (db),
                          "EXPLAIN QUERY PLAN SELECT"
                          " (SELECT count(*) FROM tasks t WHERE t.story_id = s.id"
                          "  AND t.deleted_at IS NULL),"
                          " (SELECT count(*) FROM tasks t JOIN columns c ON c.id = t.column_id"
                          "  WHERE t.story_id = s.id AND t.deleted_at IS NULL AND c.is_done = 1)"
                          " FROM stories s WHERE s.project_id = 1");
  while (sqlite3_step (plan) == SQLITE_ROW)
    g_string_append_printf (steps, "%s\n", (const char *) sqlite3_column_text (plan, 3));
  sqlite3_finalize (plan);
  g_test_message ("%s", steps->str);
  g_assert_nonnull (strstr (steps->str, "COVERING INDEX tasks_story (story_id=? AND "
                                        "deleted_at=?)"));
  g_assert_null (strstr (steps->str, "USING INDEX tasks_story"));
  g_string_free (steps, TRUE);

  sb_database_close (db);
  g_clear_object (&db);
  sb_test_rm_rf (dir);
}

static void
test_migrate_empty_no_backup (DbFixture     *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) empty_file_db = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *empty_path = g_build_filename (fixture->dir, "empty.db", NULL);

  assert_has_schema (sb_database_get_handle (fixture->db));

  /* A zero-byte file is empty too. */
  g_assert_true (g_file_set_contents (empty_path, "", 0, &error));
  g_assert_no_error (error);
  empty_file_db = sb_database_open (empty_path, &error);
  g_assert_no_error (error);
  assert_has_schema (sb_database_get_handle (empty_file_db));

  files = find_files (fixture->dir, "", ".bak");
  g_assert_cmpuint (files->len, ==, 0);

  sb_database_close (empty_file_db);
}

/* A file that a newer Sprintboard made (the test's data: how it set the journal mode) is
 * refused, and left exactly as it was. */
static void
test_open_too_new (gconstpointer journal_mode_sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *sql = g_strconcat (journal_mode_sql,
                                      "CREATE TABLE future_things (x TEXT);"
                                      "INSERT INTO future_things VALUES ('from the future');"
                                      "PRAGMA user_version = 999;", NULL);
  SbDatabase *db;
  sqlite3 *handle = NULL;

  make_raw_database (path, sql);
  before = sb_test_read_file_bytes (path, FALSE);

  db = sb_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_TOO_NEW);
  g_assert_cmpstr (error->message, !=, "");

  /* Not migrated, not backed up. */
  backups = find_files (dir, "", ".bak");
  g_assert_cmpuint (backups->len, ==, 0);
  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sb_test_handle_query_int (handle, "PRAGMA user_version"), ==, 999);
  g_assert_cmpint (sb_test_handle_query_int (handle, "SELECT count(*) FROM sqlite_schema"), ==, 1);
  g_assert_cmpint (sb_test_handle_query_int (handle, "SELECT count(*) FROM future_things"), ==, 1);
  sqlite3_close (handle);

  /* Byte for byte the same file. Reported with g_test_fail_printf() rather than an abort so
   * that the rest of the program still runs, and saying where the bytes differ. */
  after = sb_test_read_file_bytes (path, FALSE);
  if (!g_bytes_equal (before, after))
    {
      const guint8 *a = g_bytes_get_data (before, NULL);
      const guint8 *b = g_bytes_get_data (after, NULL);
      gsize n = MIN (g_bytes_get_size (before), g_bytes_get_size (after));
      g_autoptr(GString) diff = g_string_new (NULL);
      guint shown = 0;

      for (gsize i = 0; i < n && shown < 8; i++)
        if (a[i] != b[i])
          {
            g_string_append_printf (diff, " [%" G_GSIZE_FORMAT "]: %u→%u", i, a[i], b[i]);
            shown++;
          }
      g_test_fail_printf ("Refusing a too new database changed the file (%" G_GSIZE_FORMAT
                          " → %" G_GSIZE_FORMAT " bytes; differing offsets:%s)",
                          g_bytes_get_size (before), g_bytes_get_size (after), diff->str);
    }

  sb_test_rm_rf (dir);
}

static void
test_open_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  SbDatabase *db;

  db = sb_database_open ("/proc/nope/x.db", &error);
  g_assert_null (db);
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_OPEN);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  db = sb_database_open ("/proc/x.db", &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SB_DATABASE_ERROR);
}

static void
test_open_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) garbage = g_string_new (NULL);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "garbage.db", NULL);
  SbDatabase *db;

  while (garbage->len < 8192)
    g_string_append (garbage, "This is not a database file, just words. ");
  g_assert_true (g_file_set_contents (path, garbage->str, garbage->len, &error));
  g_assert_no_error (error);

  db = sb_database_open (path, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SB_DATABASE_ERROR);
  g_assert_cmpstr (error->message, !=, "");

  /* The file is left as it was. */
  after = sb_test_read_file_bytes (path, FALSE);
  g_assert_cmpmem (garbage->str, garbage->len,
                   g_bytes_get_data (after, NULL), g_bytes_get_size (after));

  sb_test_rm_rf (dir);
}

/* Transactions */

typedef struct
{
  const char *key;
  gboolean    fail;
  gboolean    nest;
  gboolean    inner_fail;
  gboolean    saw_transaction;
  gboolean    inner_saw_transaction;
} WriteData;

static gboolean
insert_meta (SbDatabase  *db,
             const char  *key,
             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sb_database_prepare (db, "INSERT INTO meta (key, value) VALUES (?1, 'test')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return sb_database_step_done (db, stmt, error);
}

static gboolean
inner_write (SbDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  WriteData *data = user_data;

  data->inner_saw_transaction = sb_database_in_transaction (db) &&
                                sqlite3_get_autocommit (sb_database_get_handle (db)) == 0;
  if (!insert_meta (db, "inner", error))
    return FALSE;
  if (data->inner_fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "inner failure");
      return FALSE;
    }
  return TRUE;
}

static gboolean
outer_write (SbDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  WriteData *data = user_data;

  data->saw_transaction = sb_database_in_transaction (db) &&
                          sqlite3_get_autocommit (sb_database_get_handle (db)) == 0;
  if (!insert_meta (db, data->key, error))
    return FALSE;
  if (data->nest && !sb_database_write (db, inner_write, data, error))
    return FALSE;
  /* Still inside the outer transaction after the inner one returned. */
  g_assert_cmpint (sqlite3_get_autocommit (sb_database_get_handle (db)), ==, 0);
  if (data->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "boom");
      return FALSE;
    }
  return TRUE;
}

static gint64
count_meta (SbDatabase *db,
            const char *key)
{
  return sb_test_count_rows (db, "meta WHERE key = '%s'", key);
}

static void
test_write_rollback (DbFixture     *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  SbDatabase *db = fixture->db;
  WriteData failing = { "failing", TRUE, FALSE, FALSE, FALSE, FALSE };
  WriteData working = { "working", FALSE, FALSE, FALSE, FALSE, FALSE };

  g_assert_false (sb_database_write (db, outer_write, &failing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "boom");
  g_clear_error (&error);
  g_assert_true (failing.saw_transaction);
  g_assert_cmpint (count_meta (db, "failing"), ==, 0);
  g_assert_false (sb_database_in_transaction (db));
  g_assert_cmpint (sqlite3_get_autocommit (sb_database_get_handle (db)), !=, 0);

  g_assert_true (sb_database_write (db, outer_write, &working, &error));
  g_assert_no_error (error);
  g_assert_true (working.saw_transaction);
  g_assert_cmpint (count_meta (db, "working"), ==, 1);
  g_assert_false (sb_database_in_transaction (db));

  /* A failing statement (duplicate key) rolls back too, with a database error. */
  working.fail = FALSE;
  g_assert_false (sb_database_write (db, outer_write, &working, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == SB_DATABASE_ERROR);
  g_clear_error (&error);
  g_assert_cmpint (count_meta (db, "working"), ==, 1);
  g_assert_false (sb_database_in_transaction (db));
}

static void
test_write_nested (DbFixture     *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  SbDatabase *db = fixture->db;
  WriteData outer_fails = { "outer", TRUE, TRUE, FALSE, FALSE, FALSE };
  WriteData inner_fails = { "outer", FALSE, TRUE, TRUE, FALSE, FALSE };
  WriteData both_work = { "outer", FALSE, TRUE, FALSE, FALSE, FALSE };

  /* The inner write succeeded, but the outer failure rolls it back as well. */
  g_assert_false (sb_database_write (db, outer_write, &outer_fails, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (outer_fails.inner_saw_transaction);
  g_assert_cmpint (count_meta (db, "outer"), ==, 0);
  g_assert_cmpint (count_meta (db, "inner"), ==, 0);

  /* The inner failure reaches the caller, and nothing is kept. */
  g_assert_false (sb_database_write (db, outer_write, &inner_fails, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "inner failure");
  g_clear_error (&error);
  g_assert_cmpint (count_meta (db, "outer"), ==, 0);
  g_assert_cmpint (count_meta (db, "inner"), ==, 0);
  g_assert_false (sb_database_in_transaction (db));

  g_assert_true (sb_database_write (db, outer_write, &both_work, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_meta (db, "outer"), ==, 1);
  g_assert_cmpint (count_meta (db, "inner"), ==, 1);
  g_assert_false (sb_database_in_transaction (db));
  g_assert_cmpint (sqlite3_get_autocommit (sb_database_get_handle (db)), !=, 0);
}

static void
test_prepare_cached (DbFixture     *fixture,
                    gconstpointer  user_data)
{
  static const char sql[] = "SELECT value FROM meta WHERE key = ?1";
  static const char other_sql[] = "SELECT count(*) FROM meta";
  g_autoptr(GError) error = NULL;
  SbDatabase *db = fixture->db;
  sqlite3_stmt *first, *second, *other, *bad;

  first = sb_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  sqlite3_bind_text (first, 1, "uuid", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (first, 0), ==, sb_database_get_uuid (db));
  /* Left mid-way on purpose: the next prepare resets it. */

  second = sb_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (first == second);
  /* Bindings were cleared: no row for a NULL key. */
  g_assert_cmpint (sqlite3_step (second), ==, SQLITE_DONE);
  sqlite3_reset (second);

  other = sb_database_prepare (db, other_sql, &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);
  g_assert_true (other != first);
  sqlite3_reset (other);

  bad = sb_database_prepare (db, "SELECT nonsense FROM nowhere", &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SB_DATABASE_ERROR);
}

/* Persistence */

/* The board's columns (see sb_test_board_signature()), then its stories. */
static char *
board_signature (SbWorkspace *ws,
                 gint64       project_id)
{
  g_autoptr(SbBoard) board = sb_test_open_board (ws, project_id);
  g_autofree char *columns = sb_test_board_signature (ws, project_id);
  g_autoptr(GString) out = g_string_new (columns);

  g_string_append (out, " || stories:");
  for (guint i = 0; i < g_list_model_get_n_items (sb_board_get_stories (board)); i++)
    {
      g_autoptr(SbStory) story = g_list_model_get_item (sb_board_get_stories (board), i);

      g_string_append_printf (out, " %s=%s(%d)", sb_story_get_key (story),
                              sb_story_get_title (story), sb_story_get_points (story));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
comment_bodies (SbWorkspace *ws,
                gint64       task_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) comments = sb_workspace_list_comments (ws, task_id, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(SbComment) comment = g_list_model_get_item (comments, i);

      g_string_append_printf (out, "[%s: %s]", sb_comment_get_author_name (comment),
                              sb_comment_get_body (comment));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
make_task (SbTestFixture *fixture,
           gint64         project_id,
           const char    *title,
           gint64         column_id,
           gint64         story_id)
{
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  draft.title = title;
  draft.column_id = column_id;
  draft.story_id = story_id;

  return sb_test_create_task_from_draft (fixture->ws, project_id, &draft);
}

static void
move_task (SbTestFixture *fixture,
           gint64         task_id,
           gint64         column_id,
           guint          position)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_workspace_move_task (fixture->ws, task_id, column_id, position, &error));
  g_assert_no_error (error);
}

static void
test_persistence (SbTestFixture *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *board_before = NULL;
  g_autofree char *board_after = NULL;
  g_autofree char *comments4_before = NULL;
  g_autofree char *comments6_before = NULL;
  g_autofree char *comments4_after = NULL;
  g_autofree char *comments6_after = NULL;
  g_autofree char *uuid = g_strdup (sb_database_get_uuid (fixture->db));
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 col[SB_TEST_N_COLUMNS];
  gint64 s1, s2, t3, t4, t5, t6, t7;

  sb_test_get_column_ids (fixture->ws, project_id, col);
  s1 = sb_test_create_story (fixture->ws, project_id, "Checkout", "Paying", 5);   /* WEB-1 */
  s2 = sb_test_create_story (fixture->ws, project_id, "Search", NULL, 8);         /* WEB-2 */

  t3 = make_task (fixture, project_id, "T3", col[0], s1);              /* To Do: 3 */
  t4 = make_task (fixture, project_id, "T4", col[0], s1);              /* To Do: 3 4 */
  t5 = make_task (fixture, project_id, "T5", col[0], s2);              /* To Do: 3 4 5 */
  t6 = make_task (fixture, project_id, "T6", col[1], 0);               /* In Progress: 6 */
  t7 = sb_test_insert_task (fixture->ws, project_id, "T7", col[0], 0); /* To Do: 7 3 4 5 */
  sb_test_insert_task (fixture->ws, project_id, "T8", col[1], 1);      /* In Progress: 6 8 */
  move_task (fixture, t5, col[1], 0);                                  /* To Do: 7 3 4; IP: 5 6 8 */
  move_task (fixture, t3, col[0], 2);                                  /* To Do: 7 4 3 */
  move_task (fixture, t6, col[3], 0);                                  /* IP: 5 8; Done: 6 */
  make_task (fixture, project_id, "T9", col[2], 0);                    /* In Review: 9 */
  move_task (fixture, t7, col[2], 0);                                  /* To Do: 4 3; Review: 7 9 */

  g_assert_true (sb_workspace_set_task_assignee (fixture->ws, t4, fixture->member_id, &error));
  g_assert_true (sb_workspace_set_task_priority (fixture->ws, t4, SB_PRIORITY_CRITICAL, &error));
  g_assert_true (sb_workspace_set_task_due_date (fixture->ws, t4, "2030-12-24", &error));
  g_assert_true (sb_workspace_set_task_description (fixture->ws, t4, "Details\nhere", &error));
  g_assert_no_error (error);

  sb_test_add_comment (fixture->ws, t4, "First on T4");
  sb_test_sign_in (fixture, fixture->member_id);
  sb_test_add_comment (fixture->ws, t4, "Second on T4");
  sb_test_add_comment (fixture->ws, t6, "Done and dusted");

  board_before = board_signature (fixture->ws, project_id);
  g_assert_cmpstr (board_before, ==,
                   "To Do: WEB-4 WEB-3 | In Progress: WEB-5 WEB-8 | In Review: WEB-7 WEB-9"
                   " | Done: WEB-6 || stories: WEB-1=Checkout(5) WEB-2=Search(8)");
  comments4_before = comment_bodies (fixture->ws, t4);
  g_assert_cmpstr (comments4_before, ==,
                   "[Dana Manager: First on T4][Milo Member: Second on T4]");
  comments6_before = comment_bodies (fixture->ws, t6);
  g_assert_cmpstr (comments6_before, ==, "[Milo Member: Done and dusted]");

  sb_test_reopen (fixture);
  g_assert_null (sb_workspace_get_current_employee (fixture->ws));
  g_assert_cmpstr (sb_database_get_uuid (fixture->db), ==, uuid);

  /* Sign in again, for real. */
  g_assert_true (sb_workspace_login (fixture->ws, "dana@example.org", SB_TEST_PASSWORD, &error));
  g_assert_no_error (error);

  board_after = board_signature (fixture->ws, project_id);
  g_assert_cmpstr (board_after, ==, board_before);
  comments4_after = comment_bodies (fixture->ws, t4);
  g_assert_cmpstr (comments4_after, ==, comments4_before);
  comments6_after = comment_bodies (fixture->ws, t6);
  g_assert_cmpstr (comments6_after, ==, comments6_before);

  {
    g_autoptr(SbTask) task = sb_workspace_get_task (fixture->ws, t4, &error);
    g_autoptr(SbProject) project = NULL;
    g_autoptr(GListModel) activity = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (sb_task_get_key (task), ==, "WEB-4");
    g_assert_cmpstr (sb_task_get_title (task), ==, "T4");
    g_assert_cmpstr (sb_task_get_description (task), ==, "Details\nhere");
    g_assert_cmpint (sb_task_get_story_id (task), ==, s1);
    g_assert_cmpstr (sb_task_get_story_key (task), ==, "WEB-1");
    g_assert_cmpint (sb_task_get_assignee_id (task), ==, fixture->member_id);
    g_assert_cmpstr (sb_task_get_assignee_name (task), ==, "Milo Member");
    g_assert_cmpint (sb_task_get_priority (task), ==, SB_PRIORITY_CRITICAL);
    g_assert_cmpstr (sb_task_get_due_date (task), ==, "2030-12-24");
    g_assert_cmpint (sb_task_get_column_id (task), ==, col[0]);
    g_assert_cmpuint (sb_task_get_comment_count (task), ==, 2);

    activity = sb_workspace_list_activity (fixture->ws, t4, &error);
    g_assert_no_error (error);
    /* created, assignee, priority, due_date, description */
    g_assert_cmpuint (g_list_model_get_n_items (activity), ==, 5);

    project = sb_workspace_get_project (fixture->ws, project_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sb_project_get_name (project), ==, "Website redesign");
    g_assert_cmpuint (sb_project_get_task_count (project), ==, 7);
    g_assert_cmpuint (sb_project_get_member_count (project), ==, 2);
  }

  /* Numbering continues where it stopped. */
  {
    g_autoptr(SbTask) next = NULL;
    SbTaskDraft draft = SB_TASK_DRAFT_INIT;

    draft.title = "After reopen";
    next = sb_workspace_create_task (fixture->ws, project_id, &draft, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sb_task_get_key (next), ==, "WEB-10");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/open/creates-file-and-folder", test_open_creates_file_and_folder);
  g_test_add ("/database/open/pragmas", DbFixture, "sprintboard.db", db_fixture_setup,
              test_open_pragmas, db_fixture_teardown);
  g_test_add ("/database/open/schema-version", DbFixture, "sprintboard.db", db_fixture_setup,
              test_open_schema_version, db_fixture_teardown);
  g_test_add ("/database/open/uuid", DbFixture, "one.db", db_fixture_setup, test_uuid,
              db_fixture_teardown);
  g_test_add_func ("/database/open/unwritable", test_open_unwritable);
  g_test_add_func ("/database/open/not-a-database", test_open_not_a_database);
  g_test_add_func ("/database/migrate/backup", test_migrate_backup);
  g_test_add_func ("/database/migrate/story-counts", test_migrate_story_counts);
  g_test_add ("/database/migrate/empty-no-backup", DbFixture, "fresh.db", db_fixture_setup,
              test_migrate_empty_no_backup, db_fixture_teardown);
  g_test_add ("/database/write/rollback", DbFixture, "tx.db", db_fixture_setup,
              test_write_rollback, db_fixture_teardown);
  g_test_add ("/database/write/nested", DbFixture, "tx.db", db_fixture_setup, test_write_nested,
              db_fixture_teardown);
  g_test_add ("/database/prepare/cached", DbFixture, "cache.db", db_fixture_setup,
              test_prepare_cached, db_fixture_teardown);
  sb_test_add ("/database/persistence", test_persistence);
  /* Last: under TAP, GLib stops the program after a failed case. In WAL mode, as a newer
   * Sprintboard would leave the file, and in the default rollback-journal mode. */
  g_test_add_data_func ("/database/too-new/wal", "PRAGMA journal_mode = WAL;", test_open_too_new);
  g_test_add_data_func ("/database/too-new/rollback-journal", "", test_open_too_new);

  return g_test_run ();
}
