/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sb-database.h"
#include "sb-model-resources.h"

#define MIGRATIONS_PATH "/io/github/sprintboard/Sprintboard/model/migrations/"
#define BUSY_TIMEOUT_MS 5000
#define MAX_BUSY_RETRIES 50

struct _SbDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *uuid;
  GHashTable *statements;   /* SQL text → sqlite3_stmt*, prepared once and reused */
  int         schema_version;
  guint       depth;        /* nesting of sb_database_write()/read() */
};

G_DEFINE_FINAL_TYPE (SbDatabase, sb_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (sb-database-error-quark, sb_database_error)

/* The migrations, in order; the index + 1 is the user_version they bring the file to. */
static const char * const migrations[] = {
  "001-initial.sql",
  "002-story-counts.sql",
};

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

void
sb_database_set_error (SbDatabase  *self,
                       int          rc,
                       GError     **error)
{
  SbDatabaseError code;
  const char *detail = self != NULL && self->db != NULL ? sqlite3_errmsg (self->db)
                                                        : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = SB_DATABASE_ERROR_BUSY;
      break;
    case SQLITE_CONSTRAINT:
      code = SB_DATABASE_ERROR_CONSTRAINT;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = SB_DATABASE_ERROR_CORRUPT;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      code = SB_DATABASE_ERROR_OPEN;
      break;
    default:
      code = SB_DATABASE_ERROR_FAILED;
      break;
    }

  /* Translators: %s is SQLite's message. */
  g_set_error (error, SB_DATABASE_ERROR, code, _("Database error: %s"), detail);
}

sqlite3_stmt *
sb_database_prepare (SbDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sb_database_set_error (self, rc, error);
      return NULL;
    }

  /* The key is the caller's string: every caller passes a string literal. */
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
sb_database_step_done (SbDatabase    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      sb_database_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * sb_database_run_with_id:
 * @sql: a statement whose only parameter is ?1 (a string literal: it keys the cache)
 *
 * Runs a statement that writes, for one row id, to the end.
 */
gboolean
sb_database_run_with_id (SbDatabase  *self,
                         const char  *sql,
                         gint64       id,
                         GError     **error)
{
  sqlite3_stmt *stmt = sb_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sb_database_step_done (self, stmt, error);
}

/**
 * sb_database_query_int64:
 * @sql: a query whose only parameter is ?1
 * @value: (out) (optional): the first column of the first row
 *
 * Returns: whether there was a row
 */
gboolean
sb_database_query_int64 (SbDatabase *self,
                         const char *sql,
                         gint64      id,
                         gint64     *value)
{
  sqlite3_stmt *stmt = sb_database_prepare (self, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found && value != NULL)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return found;
}

/**
 * sb_database_query_text:
 * @sql: a query whose only parameter is ?1
 *
 * Returns: (transfer full) (nullable): the first column of the first row, or %NULL
 */
char *
sb_database_query_text (SbDatabase *self,
                        const char *sql,
                        gint64      id)
{
  sqlite3_stmt *stmt = sb_database_prepare (self, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

gboolean
sb_database_exec (SbDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sb_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_busy (int rc)
{
  return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

static void
backoff (guint attempt)
{
  /* A little jitter so that two writers that collided do not collide again. */
  g_usleep (1000 * (1 + MIN (attempt, 10)) + g_random_int_range (0, 1000));
}

static gboolean
run_transaction (SbDatabase          *self,
                 const char          *begin,
                 SbDatabaseWriteFunc  func,
                 gpointer             user_data,
                 GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  int rc = SQLITE_OK;
  guint attempt;

  if (self->depth > 0)
    {
      /* Already inside a transaction: the outer one commits or rolls back. */
      gboolean ret;

      self->depth++;
      ret = func (self, user_data, error);
      self->depth--;
      return ret;
    }

  for (attempt = 0; attempt < MAX_BUSY_RETRIES; attempt++)
    {
      rc = sqlite3_exec (self->db, begin, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        break;
      if (!is_busy (rc))
        {
          sb_database_set_error (self, rc, error);
          return FALSE;
        }
      backoff (attempt);
    }
  if (rc != SQLITE_OK)
    {
      sb_database_set_error (self, rc, error);
      return FALSE;
    }

  self->depth++;
  if (!func (self, user_data, &local_error))
    {
      self->depth--;
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->depth--;

  for (attempt = 0; attempt < MAX_BUSY_RETRIES; attempt++)
    {
      rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      if (!is_busy (rc))
        break;
      backoff (attempt);
    }
  if (rc != SQLITE_OK)
    {
      sb_database_set_error (self, rc, error);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_database_write:
 *
 * Runs @func inside `BEGIN IMMEDIATE … COMMIT`, taking the write lock first so that a
 * read-then-write never fails half way with SQLITE_BUSY; waits for (and retries on) a busy
 * database. When @func fails, everything it wrote is rolled back. Nested calls join the
 * outer transaction.
 */
gboolean
sb_database_write (SbDatabase          *self,
                   SbDatabaseWriteFunc  func,
                   gpointer             user_data,
                   GError             **error)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return run_transaction (self, "BEGIN IMMEDIATE", func, user_data, error);
}

/**
 * sb_database_read:
 *
 * Runs @func in a read transaction, so that several queries see one snapshot.
 */
gboolean
sb_database_read (SbDatabase          *self,
                  SbDatabaseWriteFunc  func,
                  gpointer             user_data,
                  GError             **error)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return run_transaction (self, "BEGIN DEFERRED", func, user_data, error);
}

gboolean
sb_database_in_transaction (SbDatabase *self)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), FALSE);

  return self->depth > 0;
}

static int
query_int (SbDatabase *self,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/**
 * sb_database_data_version:
 *
 * A number that changes when another connection (another process) commits to the file; the
 * board compares it to know when what it read may be stale.
 */
gint64
sb_database_data_version (SbDatabase *self)
{
  sqlite3_stmt *stmt;
  gint64 version = -1;

  g_return_val_if_fail (SB_IS_DATABASE (self), -1);

  stmt = sb_database_prepare (self, "PRAGMA data_version", NULL);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

int
sb_database_get_latest_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static gboolean
backup_before_migration (SbDatabase  *self,
                         int          from_version,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *backup = g_strdup_printf ("%s.v%d-%s.bak", self->path, from_version, stamp);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* VACUUM INTO refuses to overwrite a file; two migrations in one second get a suffix. */
  for (guint i = 1; g_file_test (backup, G_FILE_TEST_EXISTS) && i < 100; i++)
    {
      g_free (backup);
      backup = g_strdup_printf ("%s.v%d-%s-%u.bak", self->path, from_version, stamp, i);
    }

  rc = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      /* Translators: the first %s is a file name, the last %s is SQLite's or the system's
       * message. */
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_MIGRATION,
                   _("Could not back up the database to “%s” before upgrading it: %s"),
                   backup, sqlite3_errmsg (self->db));
      return FALSE;
    }

  g_debug ("Backed up %s to %s before migrating from version %d", self->path, backup,
           from_version);
  return TRUE;
}

static gboolean
apply_migration (SbDatabase  *self,
                 guint        index,
                 GError     **error)
{
  g_autofree char *resource = g_strconcat (MIGRATIONS_PATH, migrations[index], NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *pragma = NULL;
  char *errmsg = NULL;
  int rc;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  pragma = g_strdup_printf ("PRAGMA user_version = %u", index + 1);

  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, &errmsg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, pragma, NULL, NULL, &errmsg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, &errmsg);

  if (rc != SQLITE_OK)
    {
      /* Translators: the first %s is a migration file name, like 0002-stories.sql; the last %s
       * is SQLite's or the system's message. */
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_MIGRATION,
                   _("Could not upgrade the database with %s: %s"),
                   migrations[index], errmsg != NULL ? errmsg : sqlite3_errstr (rc));
      sqlite3_free (errmsg);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (SbDatabase  *self,
         GError     **error)
{
  int version = query_int (self, "PRAGMA user_version");
  int latest = sb_database_get_latest_schema_version ();
  gboolean empty = query_int (self, "SELECT count(*) FROM sqlite_schema") == 0;

  if (version < latest && !empty && !backup_before_migration (self, version, error))
    return FALSE;

  for (int i = version; i < latest; i++)
    if (!apply_migration (self, i, error))
      return FALSE;

  self->schema_version = latest;
  return TRUE;
}

static gboolean
load_uuid (SbDatabase  *self,
           GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *fresh = g_uuid_string_random ();

  stmt = sb_database_prepare (self,
                              "INSERT INTO meta (key, value) VALUES ('uuid', ?1) "
                              "ON CONFLICT (key) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fresh, -1, SQLITE_TRANSIENT);
  if (!sb_database_step_done (self, stmt, error))
    return FALSE;

  stmt = sb_database_prepare (self, "SELECT value FROM meta WHERE key = 'uuid'", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return self->uuid != NULL;
}

/* Before anything writes to the file: a newer Sprintboard's database is left untouched. */
static gboolean
check_not_too_new (SbDatabase  *self,
                   GError     **error)
{
  int version = query_int (self, "PRAGMA user_version");
  int latest = sb_database_get_latest_schema_version ();

  if (version > latest)
    {
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer Sprintboard (schema %d; this "
                     "version knows up to %d). Update Sprintboard to open it."),
                   self->path, version, latest);
      return FALSE;
    }
  if (version < 0)
    {
      /* Translators: the first %s is a file name, the last %s is SQLite's or the system's
       * message. */
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_CORRUPT,
                   _("“%s” is not a Sprintboard database: %s"), self->path,
                   sqlite3_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure (SbDatabase  *self,
           GError     **error)
{
  g_autofree char *mode = NULL;
  sqlite3_stmt *stmt = NULL;

  sqlite3_extended_result_codes (self->db, TRUE);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (g_strcmp0 (mode, "wal") != 0)
    {
      /* Translators: the first %s is a file name, the last %s is SQLite's or the system's
       * message. */
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_OPEN,
                   _("Could not switch the database “%s” to write-ahead logging: %s"),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }

  return sb_database_exec (self,
                           "PRAGMA foreign_keys = ON;"
                           "PRAGMA synchronous = NORMAL;"
                           "PRAGMA temp_store = MEMORY;",
                           error);
}

/**
 * sb_database_open:
 * @path: the database file; created (with its folder) when missing
 *
 * Opens the database, brings its schema up to date (backing up a non-empty file first) and
 * returns it ready for use.
 */
SbDatabase *
sb_database_open (const char  *path,
                  GError     **error)
{
  g_autoptr(SbDatabase) self = NULL;
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  g_resources_register (sb_model_get_resource ());

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      /* Translators: the first %s is a folder name, the last %s is SQLite's or the system's
       * message. */
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (SB_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                        SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      /* Translators: the first %s is a file name, the last %s is SQLite's or the system's
       * message. */
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"), path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (!check_not_too_new (self, error) || !configure (self, error) || !migrate (self, error) ||
      !load_uuid (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
sb_database_get_path (SbDatabase *self)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * sb_database_get_uuid:
 *
 * A random id the file keeps for ever, so that secrets kept elsewhere (the keyring) can say
 * which database they belong to.
 */
const char *
sb_database_get_uuid (SbDatabase *self)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), NULL);

  return self->uuid;
}

int
sb_database_get_schema_version (SbDatabase *self)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), 0);

  return self->schema_version;
}

sqlite3 *
sb_database_get_handle (SbDatabase *self)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), NULL);

  return self->db;
}

/**
 * sb_database_close:
 *
 * Finalizes the cached statements and closes the file; later calls fail. Also done when the
 * last reference goes.
 */
void
sb_database_close (SbDatabase *self)
{
  g_return_if_fail (SB_IS_DATABASE (self));

  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

static void
sb_database_finalize (GObject *object)
{
  SbDatabase *self = (SbDatabase *) object;

  sb_database_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->uuid, g_free);

  G_OBJECT_CLASS (sb_database_parent_class)->finalize (object);
}

static void
sb_database_class_init (SbDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_database_finalize;
}

static void
sb_database_init (SbDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
}
