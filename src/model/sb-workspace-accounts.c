/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-password.h"
#include "sb-validate.h"
#include "sb-workspace-private.h"

/* Accounts: signup, login, remember-me tokens, sign out, password changes.
 *
 * A remember-me token is "sb1.SELECTOR.VERIFIER": the selector finds the session row, the
 * verifier is kept only as an Argon2id hash, so the file never holds a usable token. */

#define TOKEN_PREFIX "sb1"
#define SELECTOR_BYTES 12
#define VERIFIER_BYTES 32

static gboolean
authentication_failed (GError **error)
{
  /* One message for an unknown email and a wrong password, so that nobody learns which
   * addresses have an account. */
  g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_AUTHENTICATION_FAILED,
               _("The email or the password is not right."));
  return FALSE;
}

static gboolean
token_invalid (GError **error)
{
  g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_TOKEN_INVALID,
               _("The remembered sign-in is no longer valid. Sign in with your password."));
  return FALSE;
}

static SbEmployee *
query_employee (SbWorkspace  *self,
                gint64        employee_id,
                GError      **error)
{
  return _sb_workspace_query_one (self,
                                  "SELECT id, name, email, created_at FROM employees "
                                  "WHERE id = ?1",
                                  employee_id, _sb_employee_row,
                                  _("This employee does not exist."), error);
}

/* Signup */

typedef struct
{
  char   *name;
  char   *email;
  char   *password;
  char   *hash;
  gint64  id;
} SignupData;

static void
signup_data_free (SignupData *data)
{
  g_free (data->name);
  g_free (data->email);
  sb_password_wipe_free (data->password);
  g_free (data->hash);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignupData, signup_data_free)

static gboolean
validate_signup (SbWorkspace  *self,
                 const char   *name,
                 const char   *email,
                 const char   *password,
                 GError      **error)
{
  return sb_validate_line (_("Name"), name, -1, error) &&
         sb_validate_email (email, -1, error) &&
         sb_validate_password (password, -1, error);
}

static gboolean
email_taken (SbDatabase  *db,
             const char  *email,
             GError     **error)
{
  sqlite3_stmt *stmt = sb_database_prepare (db, "SELECT 1 FROM employees WHERE email = ?1",
                                            NULL);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_DUPLICATE,
                 _("There is already an account for %s."), email);
  return taken;
}

static gboolean
insert_employee (SbDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  SignupData *data = user_data;
  sqlite3_stmt *stmt;

  /* Checked again inside the transaction: another process may have taken it meanwhile. */
  if (email_taken (db, data->email, error))
    return FALSE;

  stmt = sb_database_prepare (db,
                              "INSERT INTO employees (name, email, password_hash, created_at) "
                              "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, data->email, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, data->hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, _sb_now ());
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;

  data->id = sqlite3_last_insert_rowid (sb_database_get_handle (db));
  return TRUE;
}

static SbEmployee *
finish_signup (SbWorkspace  *self,
               SignupData   *data,
               GError      **error)
{
  if (!sb_database_write (self->db, insert_employee, data, error))
    return NULL;
  return query_employee (self, data->id, error);
}

/**
 * sb_workspace_signup:
 *
 * Creates an account. The password is kept only as an Argon2id hash. Does not sign in.
 *
 * Returns: (transfer full): the new employee
 */
SbEmployee *
sb_workspace_signup (SbWorkspace  *self,
                     const char   *name,
                     const char   *email,
                     const char   *password,
                     GError      **error)
{
  g_autoptr(SignupData) data = NULL;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!validate_signup (self, name, email, password, error) || email_taken (self->db, email, error))
    return NULL;

  data = g_new0 (SignupData, 1);
  data->name = g_strdup (name);
  data->email = g_strdup (email);
  data->hash = sb_password_hash (password, error);
  if (data->hash == NULL)
    return NULL;

  return finish_signup (self, data, error);
}

static void
signup_hash_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  SignupData *data = task_data;
  GError *error = NULL;

  data->hash = sb_password_hash (data->password, &error);
  if (data->hash == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * sb_workspace_signup_async:
 *
 * Like sb_workspace_signup(), with the slow hashing in a worker thread; the database is
 * written on the caller's thread when it is done.
 */
void
sb_workspace_signup_async (SbWorkspace         *self,
                           const char          *name,
                           const char          *email,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SignupData *data;

  g_return_if_fail (SB_IS_WORKSPACE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_workspace_signup_async);

  if (!validate_signup (self, name, email, password, &error) ||
      email_taken (self->db, email, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (SignupData, 1);
  data->name = g_strdup (name);
  data->email = g_strdup (email);
  data->password = g_strdup (password);
  g_task_set_task_data (task, data, (GDestroyNotify) signup_data_free);
  g_task_run_in_thread (task, signup_hash_thread);
}

/**
 * sb_workspace_signup_finish:
 *
 * Returns: (transfer full): the new employee, or %NULL with @error set
 */
SbEmployee *
sb_workspace_signup_finish (SbWorkspace   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == sb_workspace_signup_async, NULL);

  if (!g_task_propagate_boolean (task, error))
    return NULL;
  return finish_signup (self, g_task_get_task_data (task), error);
}

/* Login */

typedef struct
{
  gint64  id;
  char   *hash;
  char   *password;
  char   *new_hash;    /* set when the stored hash was made with weaker parameters */
  gboolean ok;
} LoginData;

static void
login_data_free (LoginData *data)
{
  g_free (data->hash);
  sb_password_wipe_free (data->password);
  g_free (data->new_hash);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoginData, login_data_free)

/* A hash to verify against when the email is unknown, so that an unknown email costs as much
 * time as a wrong password. */
static const char *
dummy_hash (void)
{
  static gsize initialized = 0;
  static char *hash = NULL;

  if (g_once_init_enter (&initialized))
    {
      hash = sb_password_hash ("not a password of anyone", NULL);
      g_once_init_leave (&initialized, 1);
    }
  return hash;
}

static LoginData *
login_data_new (SbWorkspace *self,
                const char  *email,
                const char  *password)
{
  LoginData *data = g_new0 (LoginData, 1);
  sqlite3_stmt *stmt;

  data->password = g_strdup (password != NULL ? password : "");
  if (email == NULL || password == NULL)
    return data;

  stmt = sb_database_prepare (self->db,
                              "SELECT id, password_hash FROM employees WHERE email = ?1", NULL);
  if (stmt == NULL)
    return data;
  sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      data->id = sqlite3_column_int64 (stmt, 0);
      data->hash = _sb_column_dup_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  return data;
}

static void
login_verify (LoginData *data)
{
  if (data->hash == NULL)
    {
      sb_password_verify (dummy_hash (), data->password);
      data->ok = FALSE;
      return;
    }

  data->ok = sb_password_verify (data->hash, data->password);
  if (data->ok && sb_password_needs_rehash (data->hash))
    data->new_hash = sb_password_hash (data->password, NULL);
}

static gboolean
store_rehash (SbDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  LoginData *data = user_data;
  sqlite3_stmt *stmt;

  stmt = sb_database_prepare (db,
                              "UPDATE employees SET password_hash = ?2 "
                              "WHERE id = ?1 AND password_hash = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  sqlite3_bind_text (stmt, 2, data->new_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, data->hash, -1, SQLITE_TRANSIENT);
  return sb_database_step_done (db, stmt, error);
}

static gboolean
login_complete (SbWorkspace  *self,
                LoginData    *data,
                GError      **error)
{
  g_autoptr(SbEmployee) employee = NULL;

  /* A sign-in attempt ends the session there was, whatever its outcome: whoever is at the
   * keyboard is trying to be someone else. */
  if (!data->ok)
    {
      _sb_workspace_set_current (self, NULL, 0);
      return authentication_failed (error);
    }

  if (data->new_hash != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      /* A failed upgrade of the hash does not stop the sign-in. */
      if (!sb_database_write (self->db, store_rehash, data, &local_error))
        g_warning ("Could not upgrade a password hash: %s", local_error->message);
    }

  employee = query_employee (self, data->id, error);
  if (employee == NULL)
    return FALSE;

  _sb_workspace_set_current (self, employee, 0);
  return TRUE;
}

/**
 * sb_workspace_login:
 *
 * Signs in with email and password. An unknown email and a wrong password give the same
 * %SB_MODEL_ERROR_AUTHENTICATION_FAILED error, after the same amount of work.
 */
gboolean
sb_workspace_login (SbWorkspace  *self,
                    const char   *email,
                    const char   *password,
                    GError      **error)
{
  g_autoptr(LoginData) data = NULL;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  data = login_data_new (self, email, password);
  login_verify (data);
  return login_complete (self, data, error);
}

static void
login_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  login_verify (task_data);
  g_task_return_boolean (task, TRUE);
}

void
sb_workspace_login_async (SbWorkspace         *self,
                          const char          *email,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SB_IS_WORKSPACE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_workspace_login_async);
  g_task_set_task_data (task, login_data_new (self, email, password),
                        (GDestroyNotify) login_data_free);
  g_task_run_in_thread (task, login_thread);
}

gboolean
sb_workspace_login_finish (SbWorkspace   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (task) == sb_workspace_login_async, FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  return login_complete (self, g_task_get_task_data (task), error);
}

/* Remember-me tokens
 *
 * Each call has a synchronous form and an _async one that runs the Argon2id work (a hash or a
 * verify, tens of milliseconds by design) in a thread. The thread touches no database: the
 * rows are read before it and written after it, on the caller's thread, as with login. */

typedef struct
{
  gint64  employee_id;
  char   *selector;
  char   *verifier;         /* wiped when freed */
  char   *verifier_hash;
  gint64  session_id;
} SessionData;

static void
session_data_free (SessionData *data)
{
  g_free (data->selector);
  sb_password_wipe_free (data->verifier);
  g_free (data->verifier_hash);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SessionData, session_data_free)

static SessionData *
session_data_new (SbWorkspace *self)
{
  SessionData *data = g_new0 (SessionData, 1);

  data->employee_id = self->current->id;
  data->selector = sb_password_random_token (SELECTOR_BYTES);
  data->verifier = sb_password_random_token (VERIFIER_BYTES);
  return data;
}

static gboolean
session_data_hash (SessionData  *data,
                   GError      **error)
{
  data->verifier_hash = sb_password_hash (data->verifier, error);
  return data->verifier_hash != NULL;
}

static gboolean
insert_session (SbDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  SessionData *data = user_data;
  sqlite3_stmt *stmt;
  gint64 now = _sb_now ();

  stmt = sb_database_prepare (db,
                              "INSERT INTO sessions (employee_id, selector, verifier_hash, "
                              "  created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->employee_id);
  sqlite3_bind_text (stmt, 2, data->selector, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, data->verifier_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, now + SB_REMEMBER_TOKEN_LIFETIME);
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;
  data->session_id = sqlite3_last_insert_rowid (sb_database_get_handle (db));
  return TRUE;
}

/* Stores the hashed token of @data and returns the token itself. */
static char *
session_data_complete (SbWorkspace  *self,
                       SessionData  *data,
                       GError      **error)
{
  if (!_sb_workspace_require_signed_in (self, error))
    return NULL;
  if (self->current->id != data->employee_id)
    {
      /* Signed out, and in as someone else, while the hash was made. */
      g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN,
                   _("Someone else signed in meanwhile, so this sign-in is not remembered."));
      return NULL;
    }
  if (!sb_database_write (self->db, insert_session, data, error))
    return NULL;

  self->current_session_id = data->session_id;
  return g_strconcat (TOKEN_PREFIX ".", data->selector, ".", data->verifier, NULL);
}

/**
 * sb_workspace_create_remember_token:
 *
 * Makes a token that signs the current employee in again for %SB_REMEMBER_TOKEN_LIFETIME
 * seconds, for the system keyring to keep. The database keeps only a hash of its secret part.
 * Signing out revokes it. sb_workspace_create_remember_token_async() hashes in a thread.
 *
 * Returns: (transfer full): the token; wipe it when done
 */
char *
sb_workspace_create_remember_token (SbWorkspace  *self,
                                    GError      **error)
{
  g_autoptr(SessionData) data = NULL;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!_sb_workspace_require_signed_in (self, error))
    return NULL;

  data = session_data_new (self);
  if (!session_data_hash (data, error))
    return NULL;
  return session_data_complete (self, data, error);
}

static void
create_token_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;

  if (session_data_hash (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sb_workspace_create_remember_token_async (SbWorkspace         *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (SB_IS_WORKSPACE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_workspace_create_remember_token_async);
  if (!_sb_workspace_require_signed_in (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, session_data_new (self), (GDestroyNotify) session_data_free);
  g_task_run_in_thread (task, create_token_thread);
}

/**
 * sb_workspace_create_remember_token_finish:
 *
 * Stores the token made by sb_workspace_create_remember_token_async(). Fails with
 * %SB_MODEL_ERROR_NOT_SIGNED_IN when the employee who asked has signed out meanwhile.
 *
 * Returns: (transfer full): the token; wipe it when done
 */
char *
sb_workspace_create_remember_token_finish (SbWorkspace   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) ==
                        sb_workspace_create_remember_token_async, NULL);

  if (!g_task_propagate_boolean (task, error))
    return NULL;
  return session_data_complete (self, g_task_get_task_data (task), error);
}

/* Checking a token: TokenCheck is read (token_check_new), verified (token_check_verify, the
 * part that can run in a thread) and concluded (token_check_complete). */

typedef struct
{
  char     *selector;
  char     *verifier;       /* wiped when freed */
  gboolean  found;
  gboolean  verified;
  gint64    session_id;
  gint64    employee_id;
  char     *verifier_hash;
} TokenCheck;

static void
token_check_free (TokenCheck *check)
{
  g_free (check->selector);
  sb_password_wipe_free (check->verifier);
  g_free (check->verifier_hash);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TokenCheck, token_check_free)

static gboolean
parse_token (const char  *token,
             char       **selector,
             char       **verifier)
{
  g_auto(GStrv) parts = NULL;

  if (token == NULL || strlen (token) > 256)
    return FALSE;
  parts = g_strsplit (token, ".", -1);
  if (g_strv_length (parts) != 3 || g_strcmp0 (parts[0], TOKEN_PREFIX) != 0 ||
      *parts[1] == '\0' || *parts[2] == '\0')
    {
      if (g_strv_length (parts) == 3)
        sb_password_wipe_free (g_steal_pointer (&parts[2]));
      return FALSE;
    }

  *selector = g_strdup (parts[1]);
  *verifier = g_steal_pointer (&parts[2]);
  return TRUE;
}

typedef struct
{
  gint64 session_id;
  gint64 employee_id;
  gint64 expires_at;
  gint64 revoked_at;
  char  *verifier_hash;
} SessionRow;

static gboolean
find_session (SbWorkspace  *self,
              const char   *selector,
              SessionRow   *row)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sb_database_prepare (self->db,
                              "SELECT id, employee_id, expires_at, coalesce (revoked_at, 0), "
                              "  verifier_hash FROM sessions WHERE selector = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, selector, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row->session_id = sqlite3_column_int64 (stmt, 0);
      row->employee_id = sqlite3_column_int64 (stmt, 1);
      row->expires_at = sqlite3_column_int64 (stmt, 2);
      row->revoked_at = sqlite3_column_int64 (stmt, 3);
      row->verifier_hash = _sb_column_dup_text (stmt, 4);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

static TokenCheck *
token_check_new (SbWorkspace *self,
                 const char  *token)
{
  TokenCheck *check = g_new0 (TokenCheck, 1);
  SessionRow row = { 0 };

  if (!parse_token (token, &check->selector, &check->verifier))
    return check;
  if (find_session (self, check->selector, &row))
    {
      check->found = TRUE;
      check->session_id = row.session_id;
      check->employee_id = row.employee_id;
      check->verifier_hash = g_steal_pointer (&row.verifier_hash);
    }
  return check;
}

static void
token_check_verify (TokenCheck *check)
{
  check->verified = check->found && sb_password_verify (check->verifier_hash, check->verifier);
}

static gboolean
delete_session (SbDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  gint64 *session_id = user_data;

  return sb_database_run_with_id (db, "DELETE FROM sessions WHERE id = ?1", *session_id, error);
}

/* Whether the verified token is still good. The row is read again, since another process may
 * have revoked or replaced it while the verifier was checked; an expired or revoked session
 * is deleted. */
static gboolean
token_check_complete (SbWorkspace  *self,
                      TokenCheck   *check,
                      GError      **error)
{
  SessionRow row = { 0 };
  gboolean same;

  if (!check->verified)
    return token_invalid (error);

  if (!find_session (self, check->selector, &row))
    return token_invalid (error);
  same = row.session_id == check->session_id &&
         g_strcmp0 (row.verifier_hash, check->verifier_hash) == 0;
  g_free (row.verifier_hash);
  if (!same)
    return token_invalid (error);

  if (row.revoked_at != 0 || row.expires_at <= _sb_now ())
    {
      sb_database_write (self->db, delete_session, &row.session_id, NULL);
      return token_invalid (error);
    }

  return TRUE;
}

static void
token_check_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  token_check_verify (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
token_check_run_async (SbWorkspace         *self,
                       const char          *token,
                       gpointer             source_tag,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, token_check_new (self, token), (GDestroyNotify) token_check_free);
  g_task_run_in_thread (task, token_check_thread);
}

/* The TokenCheck of a finished token_check_run_async(), or NULL with @error set. */
static TokenCheck *
token_check_run_finish (SbWorkspace   *self,
                        GAsyncResult  *result,
                        gpointer       source_tag,
                        GError       **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == source_tag, NULL);

  if (!g_task_propagate_boolean (task, error))
    return NULL;
  return g_task_get_task_data (task);
}

static gboolean
login_with_token_complete (SbWorkspace  *self,
                           TokenCheck   *check,
                           GError      **error)
{
  g_autoptr(SbEmployee) employee = NULL;
  gboolean ok;

  ok = token_check_complete (self, check, error);
  if (ok)
    {
      employee = query_employee (self, check->employee_id, error);
      ok = employee != NULL;
    }
  _sb_workspace_set_current (self, ok ? employee : NULL, ok ? check->session_id : 0);
  return ok;
}

/**
 * sb_workspace_login_with_token:
 *
 * Signs in with a token from sb_workspace_create_remember_token(). An unknown, malformed,
 * expired or revoked token gives %SB_MODEL_ERROR_TOKEN_INVALID (and an expired or revoked
 * one is forgotten): the caller then clears it from the keyring.
 * sb_workspace_login_with_token_async() verifies it in a thread.
 */
gboolean
sb_workspace_login_with_token (SbWorkspace  *self,
                               const char   *token,
                               GError      **error)
{
  g_autoptr(TokenCheck) check = NULL;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  check = token_check_new (self, token);
  token_check_verify (check);
  return login_with_token_complete (self, check, error);
}

void
sb_workspace_login_with_token_async (SbWorkspace         *self,
                                     const char          *token,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (SB_IS_WORKSPACE (self));

  token_check_run_async (self, token, sb_workspace_login_with_token_async, cancellable,
                         callback, user_data);
}

gboolean
sb_workspace_login_with_token_finish (SbWorkspace   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  TokenCheck *check;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  check = token_check_run_finish (self, result, sb_workspace_login_with_token_async, error);
  return check != NULL && login_with_token_complete (self, check, error);
}

static gboolean
revoke_session (SbDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  gint64 *session_id = user_data;
  sqlite3_stmt *stmt;

  stmt = sb_database_prepare (db,
                              "UPDATE sessions SET revoked_at = ?2 "
                              "WHERE id = ?1 AND revoked_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *session_id);
  sqlite3_bind_int64 (stmt, 2, _sb_now ());
  return sb_database_step_done (db, stmt, error);
}

static gboolean
revoke_token_complete (SbWorkspace  *self,
                       TokenCheck   *check,
                       GError      **error)
{
  return token_check_complete (self, check, error) &&
         sb_database_write (self->db, revoke_session, &check->session_id, error);
}

/**
 * sb_workspace_revoke_token:
 *
 * Revokes @token so that it never signs in again. It needs no sign-in: holding the token is
 * enough. sb_workspace_revoke_token_async() verifies it in a thread.
 */
gboolean
sb_workspace_revoke_token (SbWorkspace  *self,
                           const char   *token,
                           GError      **error)
{
  g_autoptr(TokenCheck) check = NULL;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  check = token_check_new (self, token);
  token_check_verify (check);
  return revoke_token_complete (self, check, error);
}

void
sb_workspace_revoke_token_async (SbWorkspace         *self,
                                 const char          *token,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (SB_IS_WORKSPACE (self));

  token_check_run_async (self, token, sb_workspace_revoke_token_async, cancellable, callback,
                         user_data);
}

gboolean
sb_workspace_revoke_token_finish (SbWorkspace   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  TokenCheck *check;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  check = token_check_run_finish (self, result, sb_workspace_revoke_token_async, error);
  return check != NULL && revoke_token_complete (self, check, error);
}

/**
 * sb_workspace_sign_out:
 *
 * Revokes the remember-me token of this sign-in, if any, and signs out.
 */
gboolean
sb_workspace_sign_out (SbWorkspace  *self,
                       GError      **error)
{
  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  if (!_sb_workspace_require_signed_in (self, error))
    return FALSE;

  if (self->current_session_id != 0 &&
      !sb_database_write (self->db, revoke_session, &self->current_session_id, error))
    return FALSE;

  _sb_workspace_set_current (self, NULL, 0);
  return TRUE;
}

/* Password changes */

typedef struct
{
  gint64      employee_id;
  const char *old_hash;
  const char *new_hash;
} PasswordChange;

static gboolean
store_password (SbDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  PasswordChange *change = user_data;
  sqlite3_stmt *stmt;

  stmt = sb_database_prepare (db,
                              "UPDATE employees SET password_hash = ?2 "
                              "WHERE id = ?1 AND password_hash = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->employee_id);
  sqlite3_bind_text (stmt, 2, change->new_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, change->old_hash, -1, SQLITE_TRANSIENT);
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (sb_database_get_handle (db)) == 0)
    return authentication_failed (error);   /* changed meanwhile by someone else */

  /* Every remembered sign-in of this employee ends with the old password. */
  stmt = sb_database_prepare (db,
                              "UPDATE sessions SET revoked_at = ?2 "
                              "WHERE employee_id = ?1 AND revoked_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->employee_id);
  sqlite3_bind_int64 (stmt, 2, _sb_now ());
  return sb_database_step_done (db, stmt, error);
}

/**
 * sb_workspace_change_password:
 *
 * Changes the signed-in employee's password after checking the old one, and revokes every
 * remember-me token of theirs.
 */
gboolean
sb_workspace_change_password (SbWorkspace  *self,
                              const char   *old_password,
                              const char   *new_password,
                              GError      **error)
{
  g_autofree char *stored = NULL;
  g_autofree char *new_hash = NULL;
  PasswordChange change;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  if (!_sb_workspace_require_signed_in (self, error))
    return FALSE;

  stmt = sb_database_prepare (self->db, "SELECT password_hash FROM employees WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->current->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    stored = _sb_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  if (stored == NULL || !sb_password_verify (stored, old_password))
    return authentication_failed (error);
  if (!sb_validate_password (new_password, -1, error))
    return FALSE;

  new_hash = sb_password_hash (new_password, error);
  if (new_hash == NULL)
    return FALSE;

  change.employee_id = self->current->id;
  change.old_hash = stored;
  change.new_hash = new_hash;
  if (!sb_database_write (self->db, store_password, &change, error))
    return FALSE;

  self->current_session_id = 0;
  return TRUE;
}

/* Employees */

/* An #SbRowFunc: the employee, when @user_data (case-folded search text) is NULL or in their
 * name or email. */
static gpointer
employee_matching_row (sqlite3_stmt *stmt,
                       gpointer      user_data)
{
  const char *folded = user_data;
  g_autoptr(SbEmployee) employee = _sb_employee_from_row (stmt, 0);
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  if (folded == NULL)
    return g_steal_pointer (&employee);

  name = g_utf8_casefold (employee->name, -1);
  email = g_utf8_casefold (employee->email, -1);
  if (strstr (name, folded) == NULL && strstr (email, folded) == NULL)
    return NULL;
  return g_steal_pointer (&employee);
}

/**
 * sb_workspace_list_employees:
 * @search: (nullable): part of a name or an email, matched without regard to case
 *
 * Returns: (transfer full): the employees, by name
 */
GListModel *
sb_workspace_list_employees (SbWorkspace  *self,
                             const char   *search,
                             GError      **error)
{
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!_sb_workspace_require_signed_in (self, error))
    return NULL;

  if (search != NULL && *search != '\0')
    {
      if (!g_utf8_validate (search, -1, NULL))
        {
          g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT,
                       _("The search text is not valid UTF-8."));
          return NULL;
        }
      folded = g_utf8_casefold (search, -1);
    }

  stmt = sb_database_prepare (self->db,
                              "SELECT id, name, email, created_at FROM employees "
                              "ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;

  /* Filtered here rather than with LIKE: case folding beyond ASCII, and no wildcards in
   * what the person typed. */
  return _sb_workspace_collect (self, stmt, SB_TYPE_EMPLOYEE, employee_matching_row, folded,
                                error);
}

/**
 * sb_workspace_get_employee:
 *
 * Returns: (transfer full): the employee, or %NULL with %SB_MODEL_ERROR_NOT_FOUND
 */
SbEmployee *
sb_workspace_get_employee (SbWorkspace  *self,
                           gint64        employee_id,
                           GError      **error)
{
  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!_sb_workspace_require_signed_in (self, error))
    return NULL;
  return query_employee (self, employee_id, error);
}
