/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* Accounts: signing up, logging in (by password and by remember-me token), signing out and
 * changing the password, and what ends up in the database file. */

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "sb-test-util.h"
#include "sb-workspace-private.h"

#define ASYNC_TIMEOUT_SECONDS 60

/* Helpers */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the default main context until @result is set, for at most a minute. */
static void
wait_for_result (GAsyncResult **result)
{
  gboolean timed_out = FALSE;
  guint timeout_id;

  timeout_id = g_timeout_add_seconds (ASYNC_TIMEOUT_SECONDS, timed_out_cb, &timed_out);
  while (*result == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  g_assert_nonnull (*result);
}

static char *
create_token_as (SbTestFixture *fixture,
                 SbWorkspace   *ws,
                 gint64         employee_id)
{
  g_autoptr(GError) error = NULL;
  char *token;

  _sb_workspace_sign_in_for_testing (ws, employee_id);
  g_assert_cmpint (sb_workspace_get_current_employee_id (ws), ==, employee_id);
  token = sb_workspace_create_remember_token (ws, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_assert_cmpstr (token, !=, "");

  return token;
}

/* Logs in with @token on a brand-new workspace; returns the error (NULL on success). */
static GError *
try_token (SbTestFixture *fixture,
           const char    *token,
           gint64         expected_employee_id)
{
  g_autoptr(SbWorkspace) ws = sb_workspace_new (fixture->db);
  GError *error = NULL;
  gboolean ok;

  ok = sb_workspace_login_with_token (ws, token, &error);
  if (!ok)
    {
      g_assert_nonnull (error);
      g_assert_null (sb_workspace_get_current_employee (ws));
      return error;
    }

  g_assert_no_error (error);
  g_assert_cmpint (sb_workspace_get_current_employee_id (ws), ==, expected_employee_id);
  g_assert_nonnull (sb_workspace_get_current_employee (ws));
  g_assert_cmpint (sb_employee_get_id (sb_workspace_get_current_employee (ws)), ==,
                   expected_employee_id);
  return NULL;
}

static void
assert_token_valid (SbTestFixture *fixture,
                    const char    *token,
                    gint64         employee_id)
{
  g_autoptr(GError) error = try_token (fixture, token, employee_id);

  g_assert_no_error (error);
}

static void
assert_token_invalid (SbTestFixture *fixture,
                      const char    *token)
{
  GError *error = try_token (fixture, token, 0);

  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_TOKEN_INVALID);
}

static void
assert_login_fails (SbWorkspace *ws,
                    const char  *email,
                    const char  *password)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sb_workspace_login (ws, email, password, &error));
  g_assert_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_AUTHENTICATION_FAILED);
  g_assert_null (sb_workspace_get_current_employee (ws));
}

static void
assert_login_works (SbTestFixture *fixture,
                    const char    *email,
                    const char    *password,
                    gint64         employee_id)
{
  g_autoptr(SbWorkspace) ws = sb_workspace_new (fixture->db);
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_workspace_login (ws, email, password, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_workspace_get_current_employee_id (ws), ==, employee_id);
}

/* The employee's password hash as stored. */
static char *
password_hash (SbTestFixture *fixture,
               gint64         employee_id)
{
  return sb_test_query_text (fixture->db, "SELECT password_hash FROM employees WHERE id = %"
                             G_GINT64_FORMAT, employee_id);
}

/* Signup */

static void
test_signup_happy (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbEmployee) employee = NULL;
  g_autoptr(SbEmployee) again = NULL;
  gint64 id;

  employee = sb_workspace_signup (fixture->ws, "Nina New", "nina@example.org",
                                  "a long enough password", &error);
  g_assert_no_error (error);
  g_assert_nonnull (employee);

  id = sb_employee_get_id (employee);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (id, !=, fixture->manager_id);
  g_assert_cmpint (id, !=, fixture->member_id);
  g_assert_cmpint (id, !=, fixture->outsider_id);
  g_assert_cmpstr (sb_employee_get_name (employee), ==, "Nina New");
  g_assert_cmpstr (sb_employee_get_email (employee), ==, "nina@example.org");
  g_assert_cmpint (sb_employee_get_created_at (employee), >, 0);

  /* Signing up does not sign in. */
  g_assert_null (sb_workspace_get_current_employee (fixture->ws));
  g_assert_cmpint (sb_workspace_get_current_employee_id (fixture->ws), ==, 0);

  g_assert_cmpint (sb_test_count_rows (fixture->db, "employees"), ==, 4);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "employees WHERE id = %" G_GINT64_FORMAT
                                       " AND name = 'Nina New' AND email = 'nina@example.org'",
                                       id), ==, 1);

  /* The new account can log in and is visible to others. */
  assert_login_works (fixture, "nina@example.org", "a long enough password", id);

  sb_test_sign_in (fixture, fixture->manager_id);
  again = sb_workspace_get_employee (fixture->ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_employee_get_name (again), ==, "Nina New");
  g_assert_cmpstr (sb_employee_get_email (again), ==, "nina@example.org");
}

static void
test_signup_duplicate_email (SbTestFixture *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbEmployee) employee = NULL;
  g_autofree char *before = sb_test_dump (fixture->db);

  employee = sb_workspace_signup (fixture->ws, "Dana Again", "Dana@EXAMPLE.org",
                                  "another password", &error);
  g_assert_null (employee);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_DUPLICATE);

  employee = sb_workspace_signup (fixture->ws, "Dana Again", "dana@example.org",
                                  "another password", &error);
  g_assert_null (employee);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_DUPLICATE);

  sb_test_assert_unchanged (fixture->db, before);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "employees"), ==, 3);

  /* The original password still works. */
  assert_login_works (fixture, "dana@example.org", SB_TEST_PASSWORD, fixture->manager_id);
}

static void
test_signup_invalid (SbTestFixture *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = sb_test_dump (fixture->db);
  SbEmployee *employee;

  /* Seven characters: one short of the minimum. */
  employee = sb_workspace_signup (fixture->ws, "Shorty", "shorty@example.org", "1234567", &error);
  g_assert_null (employee);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);

  employee = sb_workspace_signup (fixture->ws, "No Email", "not an email", "long password",
                                  &error);
  g_assert_null (employee);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);

  employee = sb_workspace_signup (fixture->ws, "Two\nLines", "two@example.org",
                                  "long password", &error);
  g_assert_null (employee);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);

  sb_test_assert_unchanged (fixture->db, before);
}

static void
test_signup_async (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbEmployee) employee = NULL;
  SbEmployee *duplicate;

  sb_workspace_signup_async (fixture->ws, "Asa Async", "asa@example.org", "async password",
                             NULL, store_result_cb, &result);
  wait_for_result (&result);

  employee = sb_workspace_signup_finish (fixture->ws, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (employee);
  g_assert_cmpint (sb_employee_get_id (employee), >, 0);
  g_assert_cmpstr (sb_employee_get_name (employee), ==, "Asa Async");
  g_assert_cmpstr (sb_employee_get_email (employee), ==, "asa@example.org");
  g_assert_null (sb_workspace_get_current_employee (fixture->ws));
  g_assert_cmpint (sb_test_count_rows (fixture->db, "employees"), ==, 4);

  assert_login_works (fixture, "ASA@example.org", "async password",
                      sb_employee_get_id (employee));

  /* The async path enforces uniqueness too. */
  sb_workspace_signup_async (fixture->ws, "Asa Again", "Asa@Example.Org", "async password",
                             NULL, store_result_cb, &result2);
  wait_for_result (&result2);
  duplicate = sb_workspace_signup_finish (fixture->ws, result2, &error);
  g_assert_null (duplicate);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_DUPLICATE);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "employees"), ==, 4);
}

/* Login */

static void
test_login_ok (SbTestFixture *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  SbEmployee *current;
  guint notified = 0;

  g_assert_null (sb_workspace_get_current_employee (fixture->ws));
  g_signal_connect (fixture->ws, "notify::current-employee", G_CALLBACK (sb_test_count_notify_cb),
                    &notified);

  g_assert_true (sb_workspace_login (fixture->ws, "milo@example.org", SB_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);

  current = sb_workspace_get_current_employee (fixture->ws);
  g_assert_nonnull (current);
  g_assert_cmpint (sb_employee_get_id (current), ==, fixture->member_id);
  g_assert_cmpstr (sb_employee_get_name (current), ==, "Milo Member");
  g_assert_cmpstr (sb_employee_get_email (current), ==, "milo@example.org");
  g_assert_cmpint (sb_workspace_get_current_employee_id (fixture->ws), ==, fixture->member_id);

  g_signal_handlers_disconnect_by_func (fixture->ws, sb_test_count_notify_cb, &notified);
}

static void
test_login_failures_identical (SbTestFixture *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) unknown_error = NULL;
  g_autoptr(GError) wrong_error = NULL;
  g_autofree char *before = sb_test_dump (fixture->db);
  guint notified = 0;

  g_signal_connect (fixture->ws, "notify::current-employee", G_CALLBACK (sb_test_count_notify_cb),
                    &notified);

  g_assert_false (sb_workspace_login (fixture->ws, "nobody@example.org", SB_TEST_PASSWORD,
                                      &unknown_error));
  g_assert_error (unknown_error, SB_MODEL_ERROR, SB_MODEL_ERROR_AUTHENTICATION_FAILED);

  g_assert_false (sb_workspace_login (fixture->ws, "dana@example.org", "wrong password here",
                                      &wrong_error));
  g_assert_error (wrong_error, SB_MODEL_ERROR, SB_MODEL_ERROR_AUTHENTICATION_FAILED);

  /* Nothing tells an attacker which emails exist. */
  g_assert_cmpstr (unknown_error->message, ==, wrong_error->message);
  g_assert_cmpstr (unknown_error->message, !=, "");

  g_assert_null (sb_workspace_get_current_employee (fixture->ws));
  g_assert_cmpuint (notified, ==, 0);
  sb_test_assert_unchanged (fixture->db, before);

  g_signal_handlers_disconnect_by_func (fixture->ws, sb_test_count_notify_cb, &notified);
}

static void
test_login_empty_and_null (SbTestFixture *fixture,
                           gconstpointer  user_data)
{
  assert_login_fails (fixture->ws, NULL, SB_TEST_PASSWORD);
  assert_login_fails (fixture->ws, "", SB_TEST_PASSWORD);
  assert_login_fails (fixture->ws, "dana@example.org", NULL);
  assert_login_fails (fixture->ws, "dana@example.org", "");
  assert_login_fails (fixture->ws, NULL, NULL);
}

static void
test_login_case_insensitive (SbTestFixture *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_workspace_login (fixture->ws, "DANA@Example.ORG", SB_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_workspace_get_current_employee_id (fixture->ws), ==, fixture->manager_id);
  g_assert_cmpstr (sb_employee_get_email (sb_workspace_get_current_employee (fixture->ws)), ==,
                   "dana@example.org");

  /* The password is not case-insensitive. */
  {
    g_autoptr(SbWorkspace) ws = sb_workspace_new (fixture->db);

    assert_login_fails (ws, "dana@example.org", "CORRECT HORSE BATTERY");
  }
}

static void
test_login_async (SbTestFixture *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) bad_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbWorkspace) other = sb_workspace_new (fixture->db);
  guint notified = 0;

  g_signal_connect (fixture->ws, "notify::current-employee", G_CALLBACK (sb_test_count_notify_cb),
                    &notified);

  sb_workspace_login_async (fixture->ws, "olga@example.org", SB_TEST_PASSWORD, NULL,
                            store_result_cb, &result);
  wait_for_result (&result);
  g_assert_true (sb_workspace_login_finish (fixture->ws, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, >=, 1);
  g_assert_cmpint (sb_workspace_get_current_employee_id (fixture->ws), ==, fixture->outsider_id);
  g_assert_cmpstr (sb_employee_get_name (sb_workspace_get_current_employee (fixture->ws)), ==,
                   "Olga Outsider");

  /* A wrong password fails through _finish() the same way. */
  sb_workspace_login_async (other, "olga@example.org", "not the password", NULL,
                            store_result_cb, &bad_result);
  wait_for_result (&bad_result);
  g_assert_false (sb_workspace_login_finish (other, bad_result, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_AUTHENTICATION_FAILED);
  g_assert_null (sb_workspace_get_current_employee (other));

  g_signal_handlers_disconnect_by_func (fixture->ws, sb_test_count_notify_cb, &notified);
}

/* Remember-me tokens */

static void
test_token_needs_sign_in (SbTestFixture *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  token = sb_workspace_create_remember_token (fixture->ws, &error);
  g_assert_null (token);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "sessions"), ==, 0);
}

static void
test_token_login (SbTestFixture *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *token2 = NULL;

  token = create_token_as (fixture, fixture->ws, fixture->member_id);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "sessions WHERE employee_id = %"
                                       G_GINT64_FORMAT, fixture->member_id), ==, 1);

  /* A second token is a different string. */
  token2 = sb_workspace_create_remember_token (fixture->ws, NULL);
  g_assert_nonnull (token2);
  g_assert_cmpstr (token, !=, token2);

  /* A fresh workspace on the same database (the next start of the app) logs in with it. */
  assert_token_valid (fixture, token, fixture->member_id);
  assert_token_valid (fixture, token2, fixture->member_id);
}

static void
test_token_revoke (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbWorkspace) ws = sb_workspace_new (fixture->db);
  g_autofree char *token = NULL;
  g_autofree char *other = NULL;

  token = create_token_as (fixture, fixture->ws, fixture->manager_id);
  other = sb_workspace_create_remember_token (fixture->ws, &error);
  g_assert_no_error (error);

  /* Revoking needs no sign-in. */
  g_assert_true (sb_workspace_revoke_token (ws, token, &error));
  g_assert_no_error (error);

  assert_token_invalid (fixture, token);
  /* The revoked row is gone after the failed attempt; the other token is untouched. */
  g_assert_cmpint (sb_test_count_rows (fixture->db, "sessions"), ==, 1);
  assert_token_valid (fixture, other, fixture->manager_id);

  /* Revoking an unknown or malformed token is an error. */
  g_assert_false (sb_workspace_revoke_token (ws, token, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_TOKEN_INVALID);
  g_assert_false (sb_workspace_revoke_token (ws, "garbage", &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_TOKEN_INVALID);
  assert_token_valid (fixture, other, fixture->manager_id);
}

static void
test_token_garbage (SbTestFixture *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *changed_secret = NULL;
  g_autofree char *changed_selector = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *before = NULL;
  const char *secret;
  char *first_dot;

  token = create_token_as (fixture, fixture->ws, fixture->manager_id);
  secret = strrchr (token, '.');
  g_assert_nonnull (secret);
  secret++;
  g_assert_cmpuint (strlen (secret), >=, 16);
  first_dot = strchr (token, '.');
  g_assert_nonnull (first_dot);

  /* One character of the secret changed (its first one, which no decoding can ignore). */
  changed_secret = g_strdup (token);
  changed_secret[secret - token] = token[secret - token] == 'A' ? 'B' : 'A';

  /* One character of the selector changed (the one after the first dot). */
  changed_selector = g_strdup (token);
  changed_selector[first_dot - token + 1] = first_dot[1] == 'A' ? 'B' : 'A';

  truncated = g_strndup (token, strlen (token) - 1);

  before = sb_test_dump (fixture->db);

  assert_token_invalid (fixture, "");
  assert_token_invalid (fixture, "abc");
  assert_token_invalid (fixture, "sb1.x.y");
  assert_token_invalid (fixture, "...");
  assert_token_invalid (fixture, changed_secret);
  assert_token_invalid (fixture, changed_selector);
  assert_token_invalid (fixture, truncated);

  {
    g_autoptr(SbWorkspace) ws = sb_workspace_new (fixture->db);
    g_autoptr(GError) error = NULL;

    g_assert_false (sb_workspace_login_with_token (ws, NULL, &error));
    g_assert_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_TOKEN_INVALID);
  }

  /* Guessing does not revoke the real token, nor change anything else. */
  sb_test_assert_unchanged (fixture->db, before);
  assert_token_valid (fixture, token, fixture->manager_id);
}

static void
test_token_expired (SbTestFixture *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  gint64 expires_at;

  token = create_token_as (fixture, fixture->ws, fixture->member_id);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "sessions"), ==, 1);

  /* Valid for 30 days from now. */
  expires_at = sb_test_query_int (fixture->db, "SELECT expires_at FROM sessions");
  g_assert_cmpint (expires_at, >=, g_get_real_time () / G_USEC_PER_SEC
                                   + SB_REMEMBER_TOKEN_LIFETIME - 300);
  g_assert_cmpint (expires_at, <=, g_get_real_time () / G_USEC_PER_SEC
                                   + SB_REMEMBER_TOKEN_LIFETIME + 300);

  sb_test_exec (sb_database_get_handle (fixture->db), "UPDATE sessions SET expires_at = 0");

  assert_token_invalid (fixture, token);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "sessions"), ==, 0);
  assert_token_invalid (fixture, token);
}

/* The _async token calls: the Argon2id work is done in a thread, so nothing is written or
 * signed in when the call returns; _finish() does the rest, as the synchronous calls do. */
static void
test_token_async (SbTestFixture *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) created = NULL;
  g_autoptr(GAsyncResult) checked = NULL;
  g_autoptr(GAsyncResult) revoked = NULL;
  g_autoptr(GAsyncResult) bad = NULL;
  g_autoptr(SbWorkspace) ws = sb_workspace_new (fixture->db);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *before = NULL;

  _sb_workspace_sign_in_for_testing (fixture->ws, fixture->member_id);
  sb_workspace_create_remember_token_async (fixture->ws, NULL, store_result_cb,
                                            &created);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "sessions"), ==, 0);
  wait_for_result (&created);
  token = sb_workspace_create_remember_token_finish (fixture->ws, created, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (token, "sb1."));
  g_assert_cmpint (sb_test_count_rows (fixture->db, "sessions WHERE employee_id = %"
                                       G_GINT64_FORMAT, fixture->member_id), ==, 1);
  assert_token_valid (fixture, token, fixture->member_id);

  /* Signing in with it on a new workspace (the next start). */
  sb_workspace_login_with_token_async (ws, token, NULL, store_result_cb, &checked);
  g_assert_null (sb_workspace_get_current_employee (ws));
  wait_for_result (&checked);
  g_assert_true (sb_workspace_login_with_token_finish (ws, checked, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_workspace_get_current_employee_id (ws), ==, fixture->member_id);

  /* A bad token fails through _finish() and leaves nobody signed in. */
  before = sb_test_dump (fixture->db);
  sb_workspace_login_with_token_async (ws, "sb1.nope.nope", NULL, store_result_cb,
                                       &bad);
  wait_for_result (&bad);
  g_assert_false (sb_workspace_login_with_token_finish (ws, bad, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_TOKEN_INVALID);
  g_assert_null (sb_workspace_get_current_employee (ws));
  sb_test_assert_unchanged (fixture->db, before);

  /* Revoking it: the row is marked only once _finish() has run. */
  sb_workspace_revoke_token_async (ws, token, NULL, store_result_cb, &revoked);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "sessions WHERE revoked_at IS NULL"), ==, 1);
  wait_for_result (&revoked);
  g_assert_true (sb_workspace_revoke_token_finish (ws, revoked, &error));
  g_assert_no_error (error);
  assert_token_invalid (fixture, token);
}

/* What changes between the _async call and its _finish() counts: a sign-out before the token
 * is stored, and a revocation (by another process) while a token is being verified. */
static void
test_token_async_races (SbTestFixture *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) created = NULL;
  g_autoptr(GAsyncResult) checked = NULL;
  g_autoptr(SbWorkspace) ws = sb_workspace_new (fixture->db);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *none = NULL;

  /* Signed out while the hash was made: no token, no row. */
  _sb_workspace_sign_in_for_testing (fixture->ws, fixture->member_id);
  sb_workspace_create_remember_token_async (fixture->ws, NULL, store_result_cb,
                                            &created);
  g_assert_true (sb_workspace_sign_out (fixture->ws, &error));
  g_assert_no_error (error);
  wait_for_result (&created);
  none = sb_workspace_create_remember_token_finish (fixture->ws, created, &error);
  g_assert_null (none);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "sessions"), ==, 0);
  g_clear_object (&created);

  /* And in again as someone else: still no token for either. */
  _sb_workspace_sign_in_for_testing (fixture->ws, fixture->member_id);
  sb_workspace_create_remember_token_async (fixture->ws, NULL, store_result_cb,
                                            &created);
  _sb_workspace_sign_in_for_testing (fixture->ws, fixture->manager_id);
  wait_for_result (&created);
  g_assert_null (sb_workspace_create_remember_token_finish (fixture->ws, created, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "sessions"), ==, 0);

  /* Revoked while being verified: the sign-in is refused. */
  token = create_token_as (fixture, fixture->ws, fixture->member_id);
  sb_workspace_login_with_token_async (ws, token, NULL, store_result_cb, &checked);
  g_assert_true (sb_workspace_revoke_token (fixture->ws, token, &error));
  g_assert_no_error (error);
  wait_for_result (&checked);
  g_assert_false (sb_workspace_login_with_token_finish (ws, checked, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_TOKEN_INVALID);
  g_assert_null (sb_workspace_get_current_employee (ws));
}

/* Signing out */

static void
test_sign_out_revokes_used_token (SbTestFixture *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbWorkspace) ws = sb_workspace_new (fixture->db);
  g_autofree char *token = NULL;
  guint notified = 0;

  token = create_token_as (fixture, fixture->ws, fixture->manager_id);

  g_assert_true (sb_workspace_login_with_token (ws, token, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_workspace_get_current_employee_id (ws), ==, fixture->manager_id);

  g_signal_connect (ws, "notify::current-employee", G_CALLBACK (sb_test_count_notify_cb),
                    &notified);
  g_assert_true (sb_workspace_sign_out (ws, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (sb_workspace_get_current_employee (ws));
  g_assert_cmpint (sb_workspace_get_current_employee_id (ws), ==, 0);

  assert_token_invalid (fixture, token);
  g_signal_handlers_disconnect_by_func (ws, sb_test_count_notify_cb, &notified);
}

static void
test_sign_out_revokes_created_token_only (SbTestFixture *fixture,
                                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbWorkspace) ws = sb_workspace_new (fixture->db);
  g_autofree char *kept = NULL;
  g_autofree char *created = NULL;

  /* A token from another sign-in (another device) of the same employee. */
  kept = create_token_as (fixture, fixture->ws, fixture->manager_id);

  created = create_token_as (fixture, ws, fixture->manager_id);
  g_assert_true (sb_workspace_sign_out (ws, &error));
  g_assert_no_error (error);
  g_assert_null (sb_workspace_get_current_employee (ws));

  assert_token_invalid (fixture, created);
  assert_token_valid (fixture, kept, fixture->manager_id);
}

static void
test_sign_out_when_signed_out (SbTestFixture *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sb_workspace_sign_out (fixture->ws, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);

  /* Signing out twice: the second is refused. */
  sb_test_sign_in (fixture, fixture->member_id);
  g_assert_true (sb_workspace_sign_out (fixture->ws, &error));
  g_assert_no_error (error);
  g_assert_false (sb_workspace_sign_out (fixture->ws, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);
}

/* Changing the password */

static void
test_change_password_refused (SbTestFixture *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *before = NULL;

  g_assert_false (sb_workspace_change_password (fixture->ws, SB_TEST_PASSWORD,
                                                "brand new password", &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);

  token = create_token_as (fixture, fixture->ws, fixture->manager_id);
  before = sb_test_dump (fixture->db);

  g_assert_false (sb_workspace_change_password (fixture->ws, "not my password",
                                                "brand new password", &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_AUTHENTICATION_FAILED);

  g_assert_false (sb_workspace_change_password (fixture->ws, SB_TEST_PASSWORD, "short",
                                                &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);

  sb_test_assert_unchanged (fixture->db, before);

  /* Nothing changed: the old password and the token still work. */
  assert_login_works (fixture, "dana@example.org", SB_TEST_PASSWORD, fixture->manager_id);
  assert_token_valid (fixture, token, fixture->manager_id);
}

static void
test_change_password_success (SbTestFixture *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbWorkspace) milo_ws = sb_workspace_new (fixture->db);
  g_autofree char *token1 = NULL;
  g_autofree char *token2 = NULL;
  g_autofree char *milo_token = NULL;
  g_autofree char *old_hash = NULL;
  g_autofree char *new_hash = NULL;

  milo_token = create_token_as (fixture, milo_ws, fixture->member_id);
  token1 = create_token_as (fixture, fixture->ws, fixture->manager_id);
  token2 = sb_workspace_create_remember_token (fixture->ws, &error);
  g_assert_no_error (error);
  old_hash = password_hash (fixture, fixture->manager_id);

  g_assert_true (sb_workspace_change_password (fixture->ws, SB_TEST_PASSWORD,
                                               "a fresh new secret", &error));
  g_assert_no_error (error);

  new_hash = password_hash (fixture, fixture->manager_id);
  g_assert_cmpstr (old_hash, !=, new_hash);
  g_assert_true (g_str_has_prefix (new_hash, "$argon2id$"));

  {
    g_autoptr(SbWorkspace) ws = sb_workspace_new (fixture->db);

    assert_login_fails (ws, "dana@example.org", SB_TEST_PASSWORD);
  }
  assert_login_works (fixture, "dana@example.org", "a fresh new secret", fixture->manager_id);

  /* Every token of that employee is revoked; another employee's is not. */
  assert_token_invalid (fixture, token1);
  assert_token_invalid (fixture, token2);
  assert_token_valid (fixture, milo_token, fixture->member_id);

  /* Milo's password is untouched. */
  assert_login_works (fixture, "milo@example.org", SB_TEST_PASSWORD, fixture->member_id);
}

/* What the file holds */

static void
test_secrets_not_in_file (SbTestFixture *fixture,
                          gconstpointer  user_data)
{
  const char *password = "Quokka-Zebra-Pass-8472";
  g_autoptr(GError) error = NULL;
  g_autoptr(SbEmployee) employee = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) closed_bytes = NULL;
  g_autoptr(GBytes) main_bytes = NULL;
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *verifier = NULL;
  const char *secret;

  employee = sb_workspace_signup (fixture->ws, "Sam Secret", "sam@example.org", password,
                                  &error);
  g_assert_no_error (error);
  g_assert_nonnull (employee);

  token = create_token_as (fixture, fixture->ws, sb_employee_get_id (employee));
  secret = strrchr (token, '.');
  g_assert_nonnull (secret);
  secret++;
  g_assert_cmpuint (strlen (secret), >=, 16);

  hash = password_hash (fixture, sb_employee_get_id (employee));
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  verifier = sb_test_query_text (fixture->db, "SELECT verifier_hash FROM sessions"
                                 " WHERE employee_id = %" G_GINT64_FORMAT,
                                 sb_employee_get_id (employee));
  g_assert_true (g_str_has_prefix (verifier, "$argon2id$"));

  bytes = sb_test_read_file_bytes (fixture->path, TRUE);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
  /* The check itself works: the email is in the file. */
  g_assert_true (sb_test_bytes_contain (bytes, "sam@example.org"));
  g_assert_false (sb_test_bytes_contain (bytes, password));
  g_assert_false (sb_test_bytes_contain (bytes, token));
  g_assert_false (sb_test_bytes_contain (bytes, secret));

  /* After closing, everything is checkpointed into the main file. */
  sb_database_close (fixture->db);
  closed_bytes = sb_test_read_file_bytes (fixture->path, TRUE);
  main_bytes = sb_test_read_file_bytes (fixture->path, FALSE);
  g_assert_true (sb_test_bytes_contain (main_bytes, "sam@example.org"));
  g_assert_false (sb_test_bytes_contain (closed_bytes, password));
  g_assert_false (sb_test_bytes_contain (closed_bytes, token));
  g_assert_false (sb_test_bytes_contain (closed_bytes, secret));
  g_assert_false (sb_test_bytes_contain (main_bytes, password));
  g_assert_false (sb_test_bytes_contain (main_bytes, secret));
}

static void
assert_argon2id_strength (const char *hash)
{
  int version = 0, m = 0, t = 0, p = 0;

  g_assert_nonnull (hash);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_cmpint (sscanf (hash, "$argon2id$v=%d$m=%d,t=%d,p=%d$", &version, &m, &t, &p), ==, 4);
  g_assert_cmpint (version, ==, 19);
  g_assert_cmpint (m, >=, 65536);
  g_assert_cmpint (t, >=, 2);
  g_assert_cmpint (p, >=, 1);
}

static void
test_password_hash_parameters (SbTestFixture *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbEmployee) employee = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *fixture_hash = NULL;
  g_autofree char *other_hash = NULL;

  employee = sb_workspace_signup (fixture->ws, "Hana Hash", "hana@example.org",
                                  "hash me please", &error);
  g_assert_no_error (error);

  hash = password_hash (fixture, sb_employee_get_id (employee));
  assert_argon2id_strength (hash);
  g_assert_null (strstr (hash, "hash me please"));

  fixture_hash = password_hash (fixture, fixture->manager_id);
  assert_argon2id_strength (fixture_hash);

  /* Same password, different salt: the hashes differ. */
  other_hash = password_hash (fixture, fixture->member_id);
  assert_argon2id_strength (other_hash);
  g_assert_cmpstr (fixture_hash, !=, other_hash);
}

/* A hash made with weaker parameters (an older Sprintboard, or a cheaper machine) is replaced
 * at the next successful sign-in by one at the current cost. */
static void
test_login_rehashes_weak_hash (SbTestFixture *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *upgraded = NULL;
  g_autofree char *sql = NULL;
  char weak[crypto_pwhash_STRBYTES];

  g_assert_cmpint (sodium_init (), >=, 0);
  g_assert_cmpint (crypto_pwhash_str_alg (weak, SB_TEST_PASSWORD, strlen (SB_TEST_PASSWORD),
                                          crypto_pwhash_OPSLIMIT_MIN, 8 * 1024 * 1024,
                                          crypto_pwhash_ALG_ARGON2ID13), ==, 0);
  sql = g_strdup_printf ("UPDATE employees SET password_hash = '%s' WHERE id = %" G_GINT64_FORMAT,
                         weak, fixture->member_id);
  sb_test_exec (sb_database_get_handle (fixture->db), sql);

  g_assert_true (sb_workspace_login (fixture->ws, "milo@example.org", SB_TEST_PASSWORD, &error));
  g_assert_no_error (error);

  upgraded = password_hash (fixture, fixture->member_id);
  g_assert_cmpstr (upgraded, !=, weak);
  g_assert_true (g_str_has_prefix (upgraded, "$argon2id$"));
  g_assert_cmpint (crypto_pwhash_str_needs_rehash (upgraded, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                                   crypto_pwhash_MEMLIMIT_INTERACTIVE), ==, 0);

  /* And the same password still opens it. */
  sb_test_sign_in (fixture, 0);
  g_assert_true (sb_workspace_login (fixture->ws, "milo@example.org", SB_TEST_PASSWORD, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  sb_test_add ("/accounts/signup/happy", test_signup_happy);
  sb_test_add ("/accounts/signup/duplicate-email", test_signup_duplicate_email);
  sb_test_add ("/accounts/signup/invalid", test_signup_invalid);
  sb_test_add ("/accounts/signup/async", test_signup_async);
  sb_test_add ("/accounts/login/ok", test_login_ok);
  sb_test_add ("/accounts/login/failures-identical", test_login_failures_identical);
  sb_test_add ("/accounts/login/empty-and-null", test_login_empty_and_null);
  sb_test_add ("/accounts/login/case-insensitive", test_login_case_insensitive);
  sb_test_add ("/accounts/login/async", test_login_async);
  sb_test_add ("/accounts/login/rehashes-weak-hash", test_login_rehashes_weak_hash);
  sb_test_add ("/accounts/token/needs-sign-in", test_token_needs_sign_in);
  sb_test_add ("/accounts/token/login", test_token_login);
  sb_test_add ("/accounts/token/revoke", test_token_revoke);
  sb_test_add ("/accounts/token/garbage", test_token_garbage);
  sb_test_add ("/accounts/token/expired", test_token_expired);
  sb_test_add ("/accounts/token/async", test_token_async);
  sb_test_add ("/accounts/token/async-races", test_token_async_races);
  sb_test_add ("/accounts/sign-out/revokes-used-token", test_sign_out_revokes_used_token);
  sb_test_add ("/accounts/sign-out/revokes-created-token-only",
               test_sign_out_revokes_created_token_only);
  sb_test_add ("/accounts/sign-out/when-signed-out", test_sign_out_when_signed_out);
  sb_test_add ("/accounts/change-password/refused", test_change_password_refused);
  sb_test_add ("/accounts/change-password/success", test_change_password_success);
  sb_test_add ("/accounts/file/no-secrets", test_secrets_not_in_file);
  sb_test_add ("/accounts/file/argon2id-parameters", test_password_hash_parameters);

  return g_test_run ();
}
