/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <glib.h>

#include "sb-model.h"

G_BEGIN_DECLS

/* The password every fixture employee has. */
#define SB_TEST_PASSWORD "correct horse battery"

/**
 * SbTestFixture:
 *
 * A fresh database file in a private temporary folder, with three employees already signed
 * up (Argon2id hashing is slow by design, so they are made once per test program in a
 * template file and the template is copied for each test): the manager "Dana Manager"
 * <dana@example.org>, the member "Milo Member" <milo@example.org> and the outsider
 * "Olga Outsider" <olga@example.org>, all with %SB_TEST_PASSWORD. Nobody is signed in.
 */
typedef struct
{
  char        *dir;        /* the test's own temporary folder */
  char        *path;       /* dir/sprintboard.db */
  SbDatabase  *db;
  SbWorkspace *ws;
  gint64       manager_id;
  gint64       member_id;
  gint64       outsider_id;
} SbTestFixture;

void     sb_test_fixture_setup      (SbTestFixture *fixture,
                                     gconstpointer  user_data);
void     sb_test_fixture_teardown   (SbTestFixture *fixture,
                                     gconstpointer  user_data);

/* Adds the test case @path: @func, run on a fresh #SbTestFixture. */
#define sb_test_add(path, func) \
  g_test_add ((path), SbTestFixture, NULL, sb_test_fixture_setup, (func), sb_test_fixture_teardown)

/* Signs the fixture's workspace in as that employee, without hashing (asserts on failure). */
void     sb_test_sign_in            (SbTestFixture *fixture,
                                     gint64         employee_id);

/* Signs in as the manager and creates project "WEB" ("Website redesign") managed by the
 * manager with the member as a member; returns the project id. Signs out again when
 * @sign_out is TRUE. */
gint64   sb_test_create_project     (SbTestFixture *fixture,
                                     gboolean       sign_out);

/* Closes and reopens the fixture's database and workspace (nobody signed in afterwards). */
void     sb_test_reopen             (SbTestFixture *fixture);

/* Every row of every table and the schema version as text, for byte-for-byte comparison of
 * the database before and after a refused call. */
char    *sb_test_dump               (SbDatabase    *db);

/* Asserts that @error is set in @domain with @code, then clears it. */
#define sb_test_assert_error_clear(error, domain, code) \
  G_STMT_START { \
    g_assert_error ((error), (domain), (code)); \
    g_clear_error (&(error)); \
  } G_STMT_END

/* Asserts that sb_test_dump (@db) is still @before: a refused call changed nothing. */
#define sb_test_assert_unchanged(db, before) \
  G_STMT_START { \
    g_autofree char *sb_test_after = sb_test_dump (db); \
    g_assert_cmpstr ((before), ==, sb_test_after); \
  } G_STMT_END

/* A temporary folder removed (recursively) by the caller with sb_test_rm_rf(). */
char    *sb_test_make_tmpdir        (void);
void     sb_test_rm_rf              (const char    *path);

/* The whole file as bytes, for "the secret is not in the file" checks (WAL included when
 * @with_wal). */
GBytes  *sb_test_read_file_bytes    (const char    *path,
                                     gboolean       with_wal);
gboolean sb_test_bytes_contain      (GBytes        *haystack,
                                     const char    *needle);

/* The columns every new project gets: To Do, In Progress, In Review, Done. */
#define SB_TEST_N_COLUMNS 4

/* Plain SQL. A statement SQLite refuses aborts the test program, saying which one it was. */

/* Prepares @sql on @handle; the caller finalizes the statement. */
sqlite3_stmt *sb_test_prepare           (sqlite3     *handle,
                                         const char  *sql);

/* Runs @sql (statements that return nothing wanted) on @handle. */
void          sb_test_exec              (sqlite3     *handle,
                                         const char  *sql);

/* The first column of the first row of the query printf() makes of @format, as an integer;
 * asserts that there is a row. */
gint64        sb_test_handle_query_int  (sqlite3     *handle,
                                         const char  *format,
                                         ...) G_GNUC_PRINTF (2, 3);

/* The same as text, for the caller to free (NULL for a NULL value). */
char         *sb_test_handle_query_text (sqlite3     *handle,
                                         const char  *format,
                                         ...) G_GNUC_PRINTF (2, 3);

/* sb_test_handle_query_int() and sb_test_handle_query_text() on @db's connection. */
gint64        sb_test_query_int         (SbDatabase  *db,
                                         const char  *format,
                                         ...) G_GNUC_PRINTF (2, 3);
char         *sb_test_query_text        (SbDatabase  *db,
                                         const char  *format,
                                         ...) G_GNUC_PRINTF (2, 3);

/* Counts rows: "SELECT count(*) FROM " followed by what printf() makes of @format, a table and
 * maybe a WHERE clause ("tasks WHERE project_id = 3"). */
gint64        sb_test_count_rows        (SbDatabase  *db,
                                         const char  *format,
                                         ...) G_GNUC_PRINTF (2, 3);

/* Through the workspace. Each of these asserts that the calls it makes succeed. */

/* Signs up an employee with %SB_TEST_PASSWORD (one slow Argon2id hash); returns the id. */
gint64       sb_test_signup                 (SbWorkspace       *ws,
                                             const char        *name,
                                             const char        *email);

/* Signs in as @creator_id (who stays signed in) and creates the active project @key named
 * @name, with no description, managed by @manager_id with @member_ids; returns its id. */
gint64       sb_test_create_project_as      (SbTestFixture     *fixture,
                                             gint64             creator_id,
                                             const char        *key,
                                             const char        *name,
                                             gint64             manager_id,
                                             const gint64      *member_ids,
                                             gsize              n_members);

/* Puts the ids of the project's %SB_TEST_N_COLUMNS columns, in board order, in @column_ids. */
void         sb_test_get_column_ids         (SbWorkspace       *ws,
                                             gint64             project_id,
                                             gint64            *column_ids);

/* Creates a story; returns its id. */
gint64       sb_test_create_story           (SbWorkspace       *ws,
                                             gint64             project_id,
                                             const char        *title,
                                             const char        *description,
                                             int                points);

/* Creates a task from @draft with sb_workspace_create_task(); returns its id. */
gint64       sb_test_create_task_from_draft (SbWorkspace       *ws,
                                             gint64             project_id,
                                             const SbTaskDraft *draft);

/* Creates the task @title, with the defaults otherwise, at the end of @column_id (0: of the
 * first column); returns its id. */
gint64       sb_test_create_task            (SbWorkspace       *ws,
                                             gint64             project_id,
                                             const char        *title,
                                             gint64             column_id);

/* The same with sb_workspace_insert_task(), at @position of the column. */
gint64       sb_test_insert_task            (SbWorkspace       *ws,
                                             gint64             project_id,
                                             const char        *title,
                                             gint64             column_id,
                                             guint              position);

/* Adds a comment as whoever is signed in; returns its id. */
gint64       sb_test_add_comment            (SbWorkspace       *ws,
                                             gint64             task_id,
                                             const char        *body);

/* The workspace's (canonical) object for the task, for the caller to unref. */
SbTask      *sb_test_get_task               (SbWorkspace       *ws,
                                             gint64             task_id);

/* The task editor's draft for @task as it is now; the strings are @task's. */
SbTaskDraft  sb_test_draft_from_task        (SbTask            *task);

/* The fields of @task as one line of text, to see that a refused call left it alone. */
char        *sb_test_describe_task          (SbTask            *task);

/* Opens the project's board as whoever is signed in; the caller unrefs it. */
SbBoard     *sb_test_open_board             (SbWorkspace       *ws,
                                             gint64             project_id);

/* The keys of the tasks in @column's list, space separated ("WEB-1 WEB-3"); asserts that each
 * item is a task of that column. */
char        *sb_test_column_keys            (SbColumn          *column);

/* The board as a freshly opened one shows it: "To Do: WEB-1 WEB-2 | In Progress: | …". */
char        *sb_test_board_signature        (SbWorkspace       *ws,
                                             gint64             project_id);

/* The string property @property of each item of @model, joined with @separator; asserts that
 * each item is a @type. */
char        *sb_test_join_property          (GListModel        *model,
                                             GType              type,
                                             const char        *property,
                                             const char        *separator);

/* A ::notify handler that counts the notifications in the guint @user_data points to. */
void         sb_test_count_notify_cb        (GObject           *object,
                                             GParamSpec        *pspec,
                                             gpointer           user_data);

/* @n copies of @unit, as one string. */
char        *sb_test_repeat                 (const char        *unit,
                                             gsize              n);

G_END_DECLS
