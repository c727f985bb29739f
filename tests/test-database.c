/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* SbDatabase: opening, configuration, migrations and their backups, transactions, the
 * statement cache, and that everything survives closing and reopening. */

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sb-test-util.h"

/* Helpers */

static gint64
handle_query_int (sqlite3    *handle,
                  const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (handle));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
handle_query_text (sqlite3    *handle,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (handle));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static gint64
query_int (SbDatabase *db,
           const char *sql)
{
  return handle_query_int (sb_database_get_handle (db), sql);
}

/* Makes a database file with plain sqlite3, as another program would. */
static void
make_raw_database (const char *path,
                   const char *sql)
{
  sqlite3 *handle = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("Cannot run “%s”: %s", sql, errmsg);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
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
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema "
                                              "WHERE type = 'table' AND name = '%s'",
                                              schema_tables[i]);

      g_test_message ("table %s", schema_tables[i]);
      g_assert_cmpint (handle_query_int (handle, sql), ==, 1);
    }
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
test_open_pragmas (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) db = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sprintboard.db", NULL);
  g_autofree char *mode = NULL;
  sqlite3 *handle;

  db = sb_database_open (path, &error);
  g_assert_no_error (error);
  handle = sb_database_get_handle (db);

  mode = handle_query_text (handle, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (handle_query_int (handle, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (handle_query_int (handle, "PRAGMA synchronous"), ==, 1);
  g_assert_cmpint (handle_query_int (handle, "PRAGMA busy_timeout"), >, 0);

  /* Foreign keys are really enforced. */
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO project_members (project_id, employee_id, added_at)"
                                 " VALUES (424242, 434343, 0)",
                                 NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (handle_query_int (handle, "SELECT count(*) FROM project_members"), ==, 0);

  sb_database_close (db);
  g_clear_object (&db);
  sb_test_rm_rf (dir);
}

static void
test_open_schema_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) db = NULL;
  g_autoptr(SbDatabase) again = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sprintboard.db", NULL);
  int latest = sb_database_get_latest_schema_version ();

  g_assert_cmpint (latest, >=, 1);

  db = sb_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, latest);
  g_assert_cmpint (sb_database_get_schema_version (db), ==, latest);
  assert_has_schema (sb_database_get_handle (db));
  sb_database_close (db);
  g_clear_object (&db);

  /* Reopening an up-to-date file changes nothing and makes no backup. */
  again = sb_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_database_get_schema_version (again), ==, latest);
  g_assert_cmpint (query_int (again, "PRAGMA user_version"), ==, latest);
  {
    g_autoptr(GPtrArray) backups = find_files (dir, "sprintboard.db.v", ".bak");

    g_assert_cmpuint (backups->len, ==, 0);
  }
  sb_database_close (again);
  g_clear_object (&again);
  sb_test_rm_rf (dir);
}

static void
test_uuid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) db = NULL;
  g_autoptr(SbDatabase) other = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "one.db", NULL);
  g_autofree char *other_path = g_build_filename (dir, "two.db", NULL);
  g_autofree char *uuid = NULL;

  db = sb_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sb_database_get_uuid (db));
  g_assert_true (g_uuid_string_is_valid (sb_database_get_uuid (db)));
  uuid = g_strdup (sb_database_get_uuid (db));

  other = sb_database_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (sb_database_get_uuid (other)));
  g_assert_cmpstr (sb_database_get_uuid (other), !=, uuid);

  sb_database_close (db);
  g_clear_object (&db);
  db = sb_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_database_get_uuid (db), ==, uuid);

  sb_database_close (db);
  sb_database_close (other);
  g_clear_object (&db);
  g_clear_object (&other);
  sb_test_rm_rf (dir);
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
  kept = handle_query_text (backup, "SELECT x FROM legacy");
  g_assert_cmpstr (kept, ==, "hello from before");
  g_assert_cmpint (handle_query_int (backup, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (handle_query_int (backup, "SELECT count(*) FROM sqlite_schema "
                                             "WHERE name = 'employees'"), ==, 0);
  sqlite3_close (backup);

  /* The file itself is migrated, and keeps what it had. */
  assert_has_schema (sb_database_get_handle (db));
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==,
                   sb_database_get_latest_schema_version ());
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM legacy"), ==, 1);
  g_assert_true (g_uuid_string_is_valid (sb_database_get_uuid (db)));

  sb_database_close (db);
  g_clear_object (&db);
  sb_test_rm_rf (dir);
}

static void
test_migrate_empty_no_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) db = NULL;
  g_autoptr(SbDatabase) empty_file_db = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.db", NULL);

  db = sb_database_open (path, &error);
  g_assert_no_error (error);
  assert_has_schema (sb_database_get_handle (db));

  /* A zero-byte file is empty too. */
  g_assert_true (g_file_set_contents (empty_path, "", 0, &error));
  g_assert_no_error (error);
  empty_file_db = sb_database_open (empty_path, &error);
  g_assert_no_error (error);
  assert_has_schema (sb_database_get_handle (empty_file_db));

  files = find_files (dir, "", ".bak");
  g_assert_cmpuint (files->len, ==, 0);

  sb_database_close (db);
  sb_database_close (empty_file_db);
  g_clear_object (&db);
  g_clear_object (&empty_file_db);
  sb_test_rm_rf (dir);
}

static void
check_too_new (const char *journal_mode_sql)
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
  before = read_bytes (path);

  db = sb_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_TOO_NEW);
  g_assert_cmpstr (error->message, !=, "");

  /* Not migrated, not backed up. */
  backups = find_files (dir, "", ".bak");
  g_assert_cmpuint (backups->len, ==, 0);
  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (handle_query_int (handle, "PRAGMA user_version"), ==, 999);
  g_assert_cmpint (handle_query_int (handle, "SELECT count(*) FROM sqlite_schema"), ==, 1);
  g_assert_cmpint (handle_query_int (handle, "SELECT count(*) FROM future_things"), ==, 1);
  sqlite3_close (handle);

  /* Byte for byte the same file. Reported with g_test_fail_printf() rather than an abort so
   * that the rest of the program still runs, and saying where the bytes differ. */
  after = read_bytes (path);
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
test_open_too_new (void)
{
  /* As a newer Sprintboard would leave it: in WAL mode. */
  check_too_new ("PRAGMA journal_mode = WAL;");
}

static void
test_open_too_new_rollback_journal (void)
{
  /* The same, for a file still in the default rollback-journal mode. */
  check_too_new ("");
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
  after = read_bytes (path);
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
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM meta WHERE key = '%s'", key);

  return query_int (db, sql);
}

static void
test_write_rollback (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) db = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "tx.db", NULL);
  WriteData failing = { "failing", TRUE, FALSE, FALSE, FALSE, FALSE };
  WriteData working = { "working", FALSE, FALSE, FALSE, FALSE, FALSE };

  db = sb_database_open (path, &error);
  g_assert_no_error (error);

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

  sb_database_close (db);
  g_clear_object (&db);
  sb_test_rm_rf (dir);
}

static void
test_write_nested (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) db = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "tx.db", NULL);
  WriteData outer_fails = { "outer", TRUE, TRUE, FALSE, FALSE, FALSE };
  WriteData inner_fails = { "outer", FALSE, TRUE, TRUE, FALSE, FALSE };
  WriteData both_work = { "outer", FALSE, TRUE, FALSE, FALSE, FALSE };

  db = sb_database_open (path, &error);
  g_assert_no_error (error);

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

  sb_database_close (db);
  g_clear_object (&db);
  sb_test_rm_rf (dir);
}

static void
test_prepare_cached (void)
{
  static const char sql[] = "SELECT value FROM meta WHERE key = ?1";
  static const char other_sql[] = "SELECT count(*) FROM meta";
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) db = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cache.db", NULL);
  sqlite3_stmt *first, *second, *other, *bad;

  db = sb_database_open (path, &error);
  g_assert_no_error (error);

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

  sb_database_close (db);
  g_clear_object (&db);
  sb_test_rm_rf (dir);
}

/* Persistence */

static char *
column_keys (SbColumn *column)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *tasks = sb_column_get_tasks (column);

  g_assert_nonnull (tasks);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(SbTask) task = g_list_model_get_item (tasks, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, sb_task_get_key (task));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
board_signature (SbWorkspace *ws,
                 gint64       project_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  board = sb_workspace_open_board (ws, project_id, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (board)); i++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (G_LIST_MODEL (board), i);
      g_autofree char *keys = column_keys (column);

      if (i > 0)
        g_string_append (out, " | ");
      g_string_append_printf (out, "%s:%s%s", sb_column_get_name (column),
                              *keys != '\0' ? " " : "", keys);
    }

  /* The stories, too. */
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
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  draft.title = title;
  draft.column_id = column_id;
  draft.story_id = story_id;
  task = sb_workspace_create_task (fixture->ws, project_id, &draft, &error);
  g_assert_no_error (error);

  return sb_task_get_id (task);
}

static gint64
insert_task (SbTestFixture *fixture,
             gint64         project_id,
             const char    *title,
             gint64         column_id,
             guint          position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  draft.title = title;
  draft.column_id = column_id;
  task = sb_workspace_insert_task (fixture->ws, project_id, &draft, position, &error);
  g_assert_no_error (error);

  return sb_task_get_id (task);
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
add_comment (SbTestFixture *fixture,
             gint64         task_id,
             const char    *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbComment) comment = sb_workspace_add_comment (fixture->ws, task_id, body, &error);

  g_assert_no_error (error);
  g_assert_nonnull (comment);
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
  gint64 col[4];
  gint64 s1, s2, t3, t4, t5, t6, t7;

  {
    g_autoptr(GListModel) columns = sb_workspace_list_columns (fixture->ws, project_id, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 4; i++)
      {
        g_autoptr(SbColumn) column = g_list_model_get_item (columns, i);

        col[i] = sb_column_get_id (column);
      }
  }

  {
    g_autoptr(SbStory) story1 = sb_workspace_create_story (fixture->ws, project_id, "Checkout",
                                                           "Paying", 5, &error);
    g_autoptr(SbStory) story2 = NULL;

    g_assert_no_error (error);
    story2 = sb_workspace_create_story (fixture->ws, project_id, "Search", NULL, 8, &error);
    g_assert_no_error (error);
    s1 = sb_story_get_id (story1);                      /* WEB-1 */
    s2 = sb_story_get_id (story2);                      /* WEB-2 */
  }

  t3 = make_task (fixture, project_id, "T3", col[0], s1);       /* To Do: 3 */
  t4 = make_task (fixture, project_id, "T4", col[0], s1);       /* To Do: 3 4 */
  t5 = make_task (fixture, project_id, "T5", col[0], s2);       /* To Do: 3 4 5 */
  t6 = make_task (fixture, project_id, "T6", col[1], 0);        /* In Progress: 6 */
  t7 = insert_task (fixture, project_id, "T7", col[0], 0);      /* To Do: 7 3 4 5 */
  insert_task (fixture, project_id, "T8", col[1], 1);           /* In Progress: 6 8 */
  move_task (fixture, t5, col[1], 0);                           /* To Do: 7 3 4; IP: 5 6 8 */
  move_task (fixture, t3, col[0], 2);                           /* To Do: 7 4 3 */
  move_task (fixture, t6, col[3], 0);                           /* IP: 5 8; Done: 6 */
  make_task (fixture, project_id, "T9", col[2], 0);             /* In Review: 9 */
  move_task (fixture, t7, col[2], 0);                           /* To Do: 4 3; Review: 7 9 */

  g_assert_true (sb_workspace_set_task_assignee (fixture->ws, t4, fixture->member_id, &error));
  g_assert_true (sb_workspace_set_task_priority (fixture->ws, t4, SB_PRIORITY_CRITICAL, &error));
  g_assert_true (sb_workspace_set_task_due_date (fixture->ws, t4, "2030-12-24", &error));
  g_assert_true (sb_workspace_set_task_description (fixture->ws, t4, "Details\nhere", &error));
  g_assert_no_error (error);

  add_comment (fixture, t4, "First on T4");
  sb_test_sign_in (fixture, fixture->member_id);
  add_comment (fixture, t4, "Second on T4");
  add_comment (fixture, t6, "Done and dusted");

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
  g_test_add_func ("/database/open/pragmas", test_open_pragmas);
  g_test_add_func ("/database/open/schema-version", test_open_schema_version);
  g_test_add_func ("/database/open/uuid", test_uuid);
  g_test_add_func ("/database/open/unwritable", test_open_unwritable);
  g_test_add_func ("/database/open/not-a-database", test_open_not_a_database);
  g_test_add_func ("/database/migrate/backup", test_migrate_backup);
  g_test_add_func ("/database/migrate/empty-no-backup", test_migrate_empty_no_backup);
  g_test_add_func ("/database/write/rollback", test_write_rollback);
  g_test_add_func ("/database/write/nested", test_write_nested);
  g_test_add_func ("/database/prepare/cached", test_prepare_cached);
  g_test_add ("/database/persistence", SbTestFixture, NULL, sb_test_fixture_setup,
              test_persistence, sb_test_fixture_teardown);
  /* Last: under TAP, GLib stops the program after a failed case. */
  g_test_add_func ("/database/too-new/wal", test_open_too_new);
  g_test_add_func ("/database/too-new/rollback-journal", test_open_too_new_rollback_journal);

  return g_test_run ();
}
