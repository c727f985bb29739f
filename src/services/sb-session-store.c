/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include "sb-password.h"
#include "sb-session-store.h"

/* SbSessionStore: "Remember me" for one workspace, so that the UI only calls it.
 *
 * The token comes from the model (sb_workspace_create_remember_token(); the database keeps a
 * hash of it) and goes to the keyring only, under the database's UUID and the employee's email.
 * One sign-in is remembered per database: remembering clears the previous one first. Every
 * step is asynchronous: the model's token calls hash or verify with Argon2id in a thread, and
 * the keyring calls are bounded by the keyring's timeout. */

struct _SbSessionStore
{
  GObject      parent_instance;

  SbWorkspace *workspace;
  SbKeyring   *keyring;
};

enum
{
  PROP_0,
  PROP_WORKSPACE,
  PROP_KEYRING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbSessionStore, sb_session_store, G_TYPE_OBJECT)

typedef struct
{
  char     *database_id;
  char     *email;
  SbSecret *token;
  GError   *error;      /* kept while a token that could not be kept is revoked */
} StepData;

static void
step_data_free (gpointer data)
{
  StepData *step = data;

  g_free (step->database_id);
  g_free (step->email);
  g_clear_pointer (&step->token, sb_secret_unref);
  g_clear_error (&step->error);
  g_free (step);
}

static GTask *
step_task_new (SbSessionStore      *self,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  StepData *step = g_new0 (StepData, 1);
  SbEmployee *employee = sb_workspace_get_current_employee (self->workspace);

  g_task_set_source_tag (task, source_tag);
  step->database_id = g_strdup (sb_database_get_uuid (sb_workspace_get_database (self->workspace)));
  if (employee != NULL)
    step->email = g_strdup (sb_employee_get_email (employee));
  g_task_set_task_data (task, step, step_data_free);

  return task;
}

/* Remember */

static void
on_unkept_token_revoked (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StepData *step = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!sb_workspace_revoke_token_finish (SB_WORKSPACE (source), result, &error))
    g_debug ("Could not revoke a remember-me token: %s", error->message);

  g_task_return_error (task, g_steal_pointer (&step->error));
}

/* Fails @task with @error once its token, which the keyring could not take, is revoked:
 * without the keyring copy nobody can use it, and a live token nobody holds is one too many.
 * No cancellable: a cancelled remember still takes its token back. */
static void
fail_revoking_token (GTask  *task,
                     GError *error)
{
  SbSessionStore *self = g_task_get_source_object (task);
  StepData *step = g_task_get_task_data (task);

  g_assert (step->error == NULL);
  step->error = error;
  sb_workspace_revoke_token_async (self->workspace, sb_secret_get_text (step->token), NULL,
                                   on_unkept_token_revoked, g_object_ref (task));
}

static void
on_remember_stored (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!sb_keyring_store_finish (SB_KEYRING (source), result, &error))
    {
      fail_revoking_token (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_remember_cleared (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SbSessionStore *self = g_task_get_source_object (task);
  StepData *step = g_task_get_task_data (task);
  GError *error = NULL;

  if (!sb_keyring_clear_finish (SB_KEYRING (source), result, &error))
    {
      fail_revoking_token (task, error);
      return;
    }

  sb_keyring_store_async (self->keyring, SB_KEYRING_KIND_SESSION, step->database_id,
                          step->email, sb_secret_get_text (step->token),
                          g_task_get_cancellable (task), on_remember_stored,
                          g_object_ref (task));
}

static void
clear_before_storing (GTask *task)
{
  SbSessionStore *self = g_task_get_source_object (task);
  StepData *step = g_task_get_task_data (task);

  sb_keyring_clear_async (self->keyring, SB_KEYRING_KIND_SESSION, step->database_id, NULL,
                          g_task_get_cancellable (task), on_remember_cleared,
                          g_object_ref (task));
}

static void
on_previous_token_revoked (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!sb_workspace_revoke_token_finish (SB_WORKSPACE (source), result, &error))
    g_debug ("Could not revoke the sign-in remembered before: %s", error->message);

  clear_before_storing (task);
}

/* The sign-in remembered for this database so far, if any: its token is replaced, so it is
 * revoked before its keyring copy goes. */
static void
on_remember_looked_up (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SbSessionStore *self = g_task_get_source_object (task);
  g_autoptr(SbSecret) previous = NULL;
  g_autoptr(GError) error = NULL;

  previous = sb_keyring_lookup_finish (SB_KEYRING (source), result, &error);
  if (previous != NULL)
    {
      sb_workspace_revoke_token_async (self->workspace, sb_secret_get_text (previous), NULL,
                                       on_previous_token_revoked, g_object_ref (task));
      return;
    }
  if (error != NULL)
    g_debug ("Could not look up the sign-in remembered before: %s", error->message);

  clear_before_storing (task);
}

static void
on_remember_token_created (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SbSessionStore *self = g_task_get_source_object (task);
  StepData *step = g_task_get_task_data (task);
  GError *error = NULL;
  char *token;

  token = sb_workspace_create_remember_token_finish (SB_WORKSPACE (source), result, &error);
  if (token == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  step->token = sb_secret_new (token);
  sb_password_wipe_free (token);

  sb_keyring_lookup_async (self->keyring, SB_KEYRING_KIND_SESSION, step->database_id, NULL,
                           g_task_get_cancellable (task), on_remember_looked_up,
                           g_object_ref (task));
}

/**
 * sb_session_store_remember_async:
 *
 * After a sign-in with "Remember me": makes a remember-me token for the signed-in employee and
 * stores it in the keyring, in place of any sign-in remembered for this database (whose token
 * is revoked). If the keyring cannot take it, the token is revoked again and the call fails
 * (%SB_KEYRING_ERROR_UNAVAILABLE or %SB_KEYRING_ERROR_FAILED); the person stays signed in.
 */
void
sb_session_store_remember_async (SbSessionStore      *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SB_IS_SESSION_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = step_task_new (self, sb_session_store_remember_async, cancellable, callback, user_data);
  sb_workspace_create_remember_token_async (self->workspace, cancellable,
                                            on_remember_token_created, g_object_ref (task));
}

gboolean
sb_session_store_remember_finish (SbSessionStore  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (SB_IS_SESSION_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        sb_session_store_remember_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Restore */

static void
on_restore_refused_cleared (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* The database has refused the token for good; a copy left in the keyring is refused
   * again next time and cleared then. */
  if (!sb_keyring_clear_finish (SB_KEYRING (source), result, &error))
    g_debug ("Could not clear a refused remember-me token: %s", error->message);

  g_task_return_int (task, SB_SESSION_RESTORE_REFUSED);
}

static void
on_restore_token_checked (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SbSessionStore *self = g_task_get_source_object (task);
  StepData *step = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (sb_workspace_login_with_token_finish (SB_WORKSPACE (source), result, &error))
    {
      g_task_return_int (task, SB_SESSION_RESTORE_SIGNED_IN);
      return;
    }

  if (!g_error_matches (error, SB_MODEL_ERROR, SB_MODEL_ERROR_TOKEN_INVALID))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("The remembered sign-in was refused: %s", error->message);
  sb_keyring_clear_async (self->keyring, SB_KEYRING_KIND_SESSION, step->database_id, NULL,
                          g_task_get_cancellable (task), on_restore_refused_cleared,
                          g_object_ref (task));
}

static void
on_restore_looked_up (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SbSessionStore *self = g_task_get_source_object (task);
  g_autoptr(SbSecret) token = NULL;
  g_autoptr(GError) error = NULL;

  token = sb_keyring_lookup_finish (SB_KEYRING (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (token == NULL)
    {
      g_task_return_int (task, SB_SESSION_RESTORE_NOT_REMEMBERED);
      return;
    }

  sb_workspace_login_with_token_async (self->workspace, sb_secret_get_text (token),
                                       g_task_get_cancellable (task), on_restore_token_checked,
                                       g_object_ref (task));
}

/**
 * sb_session_store_restore_async:
 *
 * At start: looks up the sign-in remembered for this database and signs the workspace in with
 * it. An expired or revoked token is refused by the database and cleared from the keyring.
 */
void
sb_session_store_restore_async (SbSessionStore      *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StepData *step;

  g_return_if_fail (SB_IS_SESSION_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = step_task_new (self, sb_session_store_restore_async, cancellable, callback, user_data);
  step = g_task_get_task_data (task);
  sb_keyring_lookup_async (self->keyring, SB_KEYRING_KIND_SESSION, step->database_id, NULL,
                           cancellable, on_restore_looked_up, g_object_ref (task));
}

/**
 * sb_session_store_restore_finish:
 *
 * Returns: what happened. On an error (%SB_KEYRING_ERROR_UNAVAILABLE: show the sign-in page,
 *   with "Remember me" off; %SB_KEYRING_ERROR_FAILED; a database error) it returns
 *   %SB_SESSION_RESTORE_NOT_REMEMBERED with @error set, and nobody is signed in.
 */
SbSessionRestore
sb_session_store_restore_finish (SbSessionStore  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  gssize outcome;

  g_return_val_if_fail (SB_IS_SESSION_STORE (self), SB_SESSION_RESTORE_NOT_REMEMBERED);
  g_return_val_if_fail (g_task_is_valid (result, self), SB_SESSION_RESTORE_NOT_REMEMBERED);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        sb_session_store_restore_async, SB_SESSION_RESTORE_NOT_REMEMBERED);

  outcome = g_task_propagate_int (G_TASK (result), error);
  if (outcome < 0)
    return SB_SESSION_RESTORE_NOT_REMEMBERED;
  return (SbSessionRestore) outcome;
}

/* Sign out and forget */

static void
on_forget_cleared (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (sb_keyring_clear_finish (SB_KEYRING (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_sign_out_cleared (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* Signed out either way; the token is revoked, so a copy left behind is refused at the next
   * start and cleared then. */
  if (!sb_keyring_clear_finish (SB_KEYRING (source), result, &error))
    g_debug ("Could not clear the remembered sign-in: %s", error->message);

  g_task_return_boolean (task, TRUE);
}

static void
on_sign_out_revoked (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SbSessionStore *self = g_task_get_source_object (task);
  StepData *step = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!sb_workspace_revoke_token_finish (SB_WORKSPACE (source), result, &error))
    g_debug ("Could not revoke the remembered sign-in: %s", error->message);

  sb_keyring_clear_async (self->keyring, SB_KEYRING_KIND_SESSION, step->database_id,
                          step->email, g_task_get_cancellable (task), on_sign_out_cleared,
                          g_object_ref (task));
}

static void
on_sign_out_looked_up (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SbSessionStore *self = g_task_get_source_object (task);
  g_autoptr(SbSecret) token = NULL;
  g_autoptr(GError) error = NULL;

  token = sb_keyring_lookup_finish (SB_KEYRING (source), result, &error);
  if (error != NULL)
    {
      g_debug ("Could not look up the remembered sign-in: %s", error->message);
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (token == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Remembered earlier, signed in with the password this time: that token dies too. No
   * cancellable, so that a cancelled sign-out still revokes it. */
  sb_workspace_revoke_token_async (self->workspace, sb_secret_get_text (token), NULL,
                                   on_sign_out_revoked, g_object_ref (task));
}

/**
 * sb_session_store_sign_out_async:
 *
 * Signs out: revokes the token of this sign-in in the database (sb_workspace_sign_out()),
 * then revokes and clears the sign-in this employee has remembered for this database. Fails
 * only when the workspace cannot sign out; a keyring that cannot be reached does not keep
 * anyone signed in.
 */
void
sb_session_store_sign_out_async (SbSessionStore      *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  StepData *step;

  g_return_if_fail (SB_IS_SESSION_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = step_task_new (self, sb_session_store_sign_out_async, cancellable, callback, user_data);
  step = g_task_get_task_data (task);

  if (!sb_workspace_sign_out (self->workspace, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sb_keyring_lookup_async (self->keyring, SB_KEYRING_KIND_SESSION, step->database_id,
                           step->email, cancellable, on_sign_out_looked_up,
                           g_object_ref (task));
}

gboolean
sb_session_store_sign_out_finish (SbSessionStore  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (SB_IS_SESSION_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        sb_session_store_sign_out_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sb_session_store_forget_async:
 *
 * Clears the sign-in remembered for this database from the keyring, e.g. after a password
 * change (which has already revoked every token of that employee in the database) or when the
 * person turns "Remember me" off.
 */
void
sb_session_store_forget_async (SbSessionStore      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StepData *step;

  g_return_if_fail (SB_IS_SESSION_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = step_task_new (self, sb_session_store_forget_async, cancellable, callback, user_data);
  step = g_task_get_task_data (task);
  sb_keyring_clear_async (self->keyring, SB_KEYRING_KIND_SESSION, step->database_id, NULL,
                          cancellable, on_forget_cleared, g_object_ref (task));
}

gboolean
sb_session_store_forget_finish (SbSessionStore  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (SB_IS_SESSION_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        sb_session_store_forget_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GObject */

static void
sb_session_store_dispose (GObject *object)
{
  SbSessionStore *self = SB_SESSION_STORE (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->keyring);

  G_OBJECT_CLASS (sb_session_store_parent_class)->dispose (object);
}

static void
sb_session_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SbSessionStore *self = SB_SESSION_STORE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_KEYRING:
      g_value_set_object (value, self->keyring);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_session_store_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SbSessionStore *self = SB_SESSION_STORE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_KEYRING:
      self->keyring = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_session_store_class_init (SbSessionStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_session_store_dispose;
  object_class->get_property = sb_session_store_get_property;
  object_class->set_property = sb_session_store_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         SB_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEYRING] =
    g_param_spec_object ("keyring", NULL, NULL,
                         SB_TYPE_KEYRING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_session_store_init (SbSessionStore *self)
{
}

SbSessionStore *
sb_session_store_new (SbWorkspace *workspace,
                      SbKeyring   *keyring)
{
  g_return_val_if_fail (SB_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (SB_IS_KEYRING (keyring), NULL);

  return g_object_new (SB_TYPE_SESSION_STORE,
                       "workspace", workspace,
                       "keyring", keyring,
                       NULL);
}

/**
 * sb_session_store_get_workspace:
 *
 * Returns: (transfer none): the workspace it signs in
 */
SbWorkspace *
sb_session_store_get_workspace (SbSessionStore *self)
{
  g_return_val_if_fail (SB_IS_SESSION_STORE (self), NULL);

  return self->workspace;
}

/**
 * sb_session_store_get_keyring:
 *
 * Returns: (transfer none): the keyring it keeps the token in
 */
SbKeyring *
sb_session_store_get_keyring (SbSessionStore *self)
{
  g_return_val_if_fail (SB_IS_SESSION_STORE (self), NULL);

  return self->keyring;
}
