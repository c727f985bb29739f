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

/* A temporary folder removed (recursively) by the caller with sb_test_rm_rf(). */
char    *sb_test_make_tmpdir        (void);
void     sb_test_rm_rf              (const char    *path);

/* The whole file as bytes, for "the secret is not in the file" checks (WAL included when
 * @with_wal). */
GBytes  *sb_test_read_file_bytes    (const char    *path,
                                     gboolean       with_wal);
gboolean sb_test_bytes_contain      (GBytes        *haystack,
                                     const char    *needle);

G_END_DECLS
