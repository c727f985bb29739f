/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* The system keyring: SbKeyring against the real gnome-keyring-daemon that build-aux/test
 * starts (unlocked, in a private session bus), the remember-me flow of SbSessionStore, and
 * what happens without a keyring: no bus, no Secret Service, a service that never answers, a
 * locked keyring. Secrets must never reach the database file, the settings or the logs. */

#include "config.h"

#include <string.h>

#include <libsecret/secret.h>

#include "sb-keyring.h"
#include "sb-session-store.h"
#include "sb-test-util.h"

/* Bounds every wait of this program; the keyring's own deadlines are much shorter. */
#define WAIT_LIMIT_SECONDS 30

#define SMTP_PASSWORD "smtp-pass-Zq8!uniquely-findable"
#define SMTP_HOST "mail.example.org"

/* Every secret the tests have seen, and whether one of them was logged. */
static GPtrArray *secrets;
static gboolean secret_logged;

static void
remember_secret (const char *secret)
{
  g_ptr_array_add (secrets, g_strdup (secret));
}

/* Looks at every message, debug ones included, for a secret; prints what the default writer
 * would print. */
static GLogWriterOutput
scan_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      g_autofree char *text = NULL;

      if (g_strcmp0 (fields[i].key, "MESSAGE") != 0 || fields[i].value == NULL)
        continue;
      text = fields[i].length < 0 ? g_strdup (fields[i].value)
                                  : g_strndup (fields[i].value, fields[i].length);
      for (guint s = 0; s < secrets->len; s++)
        if (strstr (text, g_ptr_array_index (secrets, s)) != NULL)
          secret_logged = TRUE;
    }

  if ((log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) != 0 &&
      g_getenv ("G_MESSAGES_DEBUG") == NULL)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* The keyring of build-aux/test's session, or a reason to skip. */
static gboolean
require_keyring (void)
{
  if (g_getenv ("SB_TEST_KEYRING_PASSWORD") == NULL)
    {
      g_test_skip ("No test keyring: run this through build-aux/test, which starts one in a "
                   "private session (this test would otherwise use your own keyring)");
      return FALSE;
    }
  return TRUE;
}

/* Waiting */

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static gboolean
on_wait_limit (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gboolean expired = FALSE;
  guint limit = g_timeout_add_seconds (WAIT_LIMIT_SECONDS, on_wait_limit, &expired);

  while (*slot == NULL && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_source_remove (limit);

  return *slot;
}

/* Synchronous wrappers, for the tests only */

static gboolean
keyring_probe (SbKeyring  *keyring,
               char      **reason)
{
  g_autoptr(GAsyncResult) result = NULL;

  sb_keyring_probe_async (keyring, NULL, on_result, &result);
  return sb_keyring_probe_finish (keyring, wait_for (&result), reason);
}

static gboolean
keyring_store (SbKeyring      *keyring,
               SbKeyringKind   kind,
               const char     *database_id,
               const char     *account,
               const char     *secret,
               GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sb_keyring_store_async (keyring, kind, database_id, account, secret, NULL, on_result,
                          &result);
  return sb_keyring_store_finish (keyring, wait_for (&result), error);
}

static SbSecret *
keyring_lookup (SbKeyring      *keyring,
                SbKeyringKind   kind,
                const char     *database_id,
                const char     *account,
                GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sb_keyring_lookup_async (keyring, kind, database_id, account, NULL, on_result, &result);
  return sb_keyring_lookup_finish (keyring, wait_for (&result), error);
}

static gboolean
keyring_clear (SbKeyring      *keyring,
               SbKeyringKind   kind,
               const char     *database_id,
               const char     *account,
               GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sb_keyring_clear_async (keyring, kind, database_id, account, NULL, on_result, &result);
  return sb_keyring_clear_finish (keyring, wait_for (&result), error);
}

static gboolean
smtp_store (SbKeyring        *keyring,
            guint16           port,
            const char       *username,
            const char       *password,
            SbSecretStorage  *storage,
            GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sb_keyring_store_smtp_password_async (keyring, SMTP_HOST, port, username, password, NULL,
                                        on_result, &result);
  return sb_keyring_store_smtp_password_finish (keyring, wait_for (&result), storage, error);
}

static SbSecret *
smtp_lookup (SbKeyring   *keyring,
             guint16      port,
             const char  *username,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sb_keyring_lookup_smtp_password_async (keyring, SMTP_HOST, port, username, NULL, on_result,
                                         &result);
  return sb_keyring_lookup_smtp_password_finish (keyring, wait_for (&result), error);
}

static gboolean
smtp_clear (SbKeyring   *keyring,
            guint16      port,
            const char  *username,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sb_keyring_clear_smtp_password_async (keyring, SMTP_HOST, port, username, NULL, on_result,
                                        &result);
  return sb_keyring_clear_smtp_password_finish (keyring, wait_for (&result), error);
}

static gboolean
session_remember (SbSessionStore  *store,
                  GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sb_session_store_remember_async (store, NULL, on_result, &result);
  return sb_session_store_remember_finish (store, wait_for (&result), error);
}

static SbSessionRestore
session_restore (SbSessionStore  *store,
                 GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sb_session_store_restore_async (store, NULL, on_result, &result);
  return sb_session_store_restore_finish (store, wait_for (&result), error);
}

static gboolean
session_sign_out (SbSessionStore  *store,
                  GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sb_session_store_sign_out_async (store, NULL, on_result, &result);
  return sb_session_store_sign_out_finish (store, wait_for (&result), error);
}

static gboolean
session_forget (SbSessionStore  *store,
                GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sb_session_store_forget_async (store, NULL, on_result, &result);
  return sb_session_store_forget_finish (store, wait_for (&result), error);
}

/* Fixture: the shared one, with a UUID of its own (the template's copies share one) */

typedef struct
{
  SbTestFixture   base;
  SbKeyring      *keyring;
  SbSessionStore *store;
} KeyringFixture;

static void
give_fresh_uuid (SbTestFixture *base)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *sql = g_strdup_printf ("UPDATE meta SET value = '%s' WHERE key = 'uuid'",
                                          uuid);

  sb_test_exec (sb_database_get_handle (base->db), sql);
  sb_test_reopen (base);
  g_assert_cmpstr (sb_database_get_uuid (base->db), ==, uuid);
}

static void
keyring_fixture_setup (KeyringFixture *fixture,
                       gconstpointer   user_data)
{
  sb_test_fixture_setup (&fixture->base, user_data);
  give_fresh_uuid (&fixture->base);
  fixture->keyring = sb_keyring_new ();
  fixture->store = sb_session_store_new (fixture->base.ws, fixture->keyring);
}

/* The app starts again on the same file: a new workspace and session store. */
static void
restart (KeyringFixture *fixture)
{
  g_clear_object (&fixture->store);
  sb_test_reopen (&fixture->base);
  fixture->store = sb_session_store_new (fixture->base.ws, fixture->keyring);
}

static const char *
fixture_uuid (KeyringFixture *fixture)
{
  return sb_database_get_uuid (fixture->base.db);
}

/* The token the keyring holds for this database (asserts there is one). */
static SbSecret *
remembered_token (KeyringFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SbSecret *token;

  token = keyring_lookup (fixture->keyring, SB_KEYRING_KIND_SESSION, fixture_uuid (fixture),
                          NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_assert_true (g_str_has_prefix (sb_secret_get_text (token), "sb1."));
  remember_secret (sb_secret_get_text (token));

  return token;
}

static void
assert_nothing_remembered (KeyringFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbSecret) token = NULL;

  token = keyring_lookup (fixture->keyring, SB_KEYRING_KIND_SESSION, fixture_uuid (fixture),
                          NULL, &error);
  g_assert_no_error (error);
  g_assert_null (token);
}

/* Neither the database file (WAL included), the settings nor the logs hold a secret seen. */
static void
assert_no_secret_leaked (KeyringFixture *fixture)
{
  g_autoptr(GBytes) bytes = sb_test_read_file_bytes (fixture->base.path, TRUE);
  g_autofree char *keyfile = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings",
                                               "keyfile", NULL);
  g_autofree char *dconf = g_build_filename (g_get_user_config_dir (), "dconf", "user", NULL);

  for (guint i = 0; i < secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (secrets, i);

      g_assert_false (sb_test_bytes_contain (bytes, secret));
      if (g_str_has_prefix (secret, "sb1."))
        {
          /* The verifier (after the second dot) is kept only as an Argon2id hash. */
          const char *verifier = strrchr (secret, '.') + 1;

          g_assert_false (sb_test_bytes_contain (bytes, verifier));
        }
    }

  /* GSETTINGS_BACKEND=memory: nothing may be written to a settings file at all. */
  g_assert_false (g_file_test (keyfile, G_FILE_TEST_EXISTS));
  if (g_file_test (dconf, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GBytes) settings = sb_test_read_file_bytes (dconf, FALSE);

      for (guint i = 0; i < secrets->len; i++)
        g_assert_false (sb_test_bytes_contain (settings, g_ptr_array_index (secrets, i)));
    }

  g_assert_false (secret_logged);
}

static void
keyring_fixture_teardown (KeyringFixture *fixture,
                          gconstpointer   user_data)
{
  /* The subprocesses have no keyring; they check for leaks themselves. */
  if (g_getenv ("SB_TEST_KEYRING_PASSWORD") != NULL && !g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      keyring_clear (fixture->keyring, SB_KEYRING_KIND_SESSION, fixture_uuid (fixture), NULL,
                     &error);
      g_assert_no_error (error);
      assert_no_secret_leaked (fixture);
    }

  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->keyring);
  sb_test_fixture_teardown (&fixture->base, user_data);
}

#define keyring_test_add(path, func) \
  g_test_add ((path), KeyringFixture, NULL, keyring_fixture_setup, (func), \
              keyring_fixture_teardown)

/* Tests with the keyring */

static void
test_probe_available (KeyringFixture *fixture,
                      gconstpointer   user_data)
{
  g_autofree char *reason = NULL;

  if (!require_keyring ())
    return;

  g_assert_true (keyring_probe (fixture->keyring, &reason));
  g_assert_null (reason);
}

static void
test_session_store_lookup_clear (KeyringFixture *fixture,
                                 gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbSecret) found = NULL;
  g_autoptr(SbSecret) other = NULL;
  const char *token = "sb1.selector-one.verifier-one-unique";
  const char *replacement = "sb1.selector-two.verifier-two-unique";

  if (!require_keyring ())
    return;
  remember_secret (token);
  remember_secret (replacement);

  /* Nothing yet: NULL without an error. */
  assert_nothing_remembered (fixture);

  g_assert_true (keyring_store (fixture->keyring, SB_KEYRING_KIND_SESSION,
                                fixture_uuid (fixture), "dana@example.org", token, &error));
  g_assert_no_error (error);

  found = keyring_lookup (fixture->keyring, SB_KEYRING_KIND_SESSION, fixture_uuid (fixture),
                          "dana@example.org", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (sb_secret_get_text (found), ==, token);
  g_clear_pointer (&found, sb_secret_unref);

  /* Any account of this database, and not another account or kind. */
  found = keyring_lookup (fixture->keyring, SB_KEYRING_KIND_SESSION, fixture_uuid (fixture),
                          NULL, &error);
  g_assert_no_error (error);
  g_assert_true (found != NULL && sb_secret_equal_text (found, token));
  g_clear_pointer (&found, sb_secret_unref);
  other = keyring_lookup (fixture->keyring, SB_KEYRING_KIND_SESSION, fixture_uuid (fixture),
                          "milo@example.org", &error);
  g_assert_no_error (error);
  g_assert_null (other);
  other = keyring_lookup (fixture->keyring, SB_KEYRING_KIND_SMTP, fixture_uuid (fixture),
                          "dana@example.org", &error);
  g_assert_no_error (error);
  g_assert_null (other);

  /* Storing again under the same attributes replaces. */
  g_assert_true (keyring_store (fixture->keyring, SB_KEYRING_KIND_SESSION,
                                fixture_uuid (fixture), "dana@example.org", replacement,
                                &error));
  g_assert_no_error (error);
  found = keyring_lookup (fixture->keyring, SB_KEYRING_KIND_SESSION, fixture_uuid (fixture),
                          "dana@example.org", &error);
  g_assert_no_error (error);
  g_assert_true (found != NULL && sb_secret_equal_text (found, replacement));
  g_clear_pointer (&found, sb_secret_unref);

  g_assert_true (keyring_clear (fixture->keyring, SB_KEYRING_KIND_SESSION,
                                fixture_uuid (fixture), "dana@example.org", &error));
  g_assert_no_error (error);
  assert_nothing_remembered (fixture);

  /* Clearing what is not there is fine. */
  g_assert_true (keyring_clear (fixture->keyring, SB_KEYRING_KIND_SESSION,
                                fixture_uuid (fixture), "dana@example.org", &error));
  g_assert_no_error (error);
}

static void
test_smtp_store_lookup_clear (KeyringFixture *fixture,
                              gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbSecret) found = NULL;
  SbSecretStorage storage = SB_SECRET_STORAGE_MEMORY;

  if (!require_keyring ())
    return;
  remember_secret (SMTP_PASSWORD);

  found = smtp_lookup (fixture->keyring, 465, "mailer", &error);
  g_assert_no_error (error);
  g_assert_null (found);

  g_assert_true (smtp_store (fixture->keyring, 465, "mailer", SMTP_PASSWORD, &storage, &error));
  g_assert_no_error (error);
  g_assert_cmpint (storage, ==, SB_SECRET_STORAGE_KEYRING);

  /* A fresh SbKeyring (nothing in its memory) finds it in the keyring. */
  {
    g_autoptr(SbKeyring) other = sb_keyring_new ();

    found = smtp_lookup (other, 465, "mailer", &error);
    g_assert_no_error (error);
    g_assert_true (found != NULL && sb_secret_equal_text (found, SMTP_PASSWORD));
    g_clear_pointer (&found, sb_secret_unref);
  }

  /* By host, port and user name: another port or user is another account. */
  found = smtp_lookup (fixture->keyring, 587, "mailer", &error);
  g_assert_no_error (error);
  g_assert_null (found);
  found = smtp_lookup (fixture->keyring, 465, "someone-else", &error);
  g_assert_no_error (error);
  g_assert_null (found);

  g_assert_true (smtp_clear (fixture->keyring, 465, "mailer", &error));
  g_assert_no_error (error);
  found = smtp_lookup (fixture->keyring, 465, "mailer", &error);
  g_assert_no_error (error);
  g_assert_null (found);
}

/* What the keyring itself shows about an item: its label and attributes, never the secret. */
static void
test_nothing_secret_in_attributes (KeyringFixture *fixture,
                                   gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GHashTable) query = NULL;
  g_autoptr(SbSecret) token = NULL;
  GList *items;
  guint n_items = 0;

  if (!require_keyring ())
    return;
  remember_secret (SMTP_PASSWORD);

  sb_test_sign_in (&fixture->base, fixture->base.manager_id);
  g_assert_true (session_remember (fixture->store, &error));
  g_assert_no_error (error);
  token = remembered_token (fixture);
  g_assert_true (smtp_store (fixture->keyring, 465, "mailer", SMTP_PASSWORD, NULL, &error));
  g_assert_no_error (error);

  service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, NULL, &error);
  g_assert_no_error (error);
  query = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (query, (gpointer) "xdg:schema", (gpointer) APPLICATION_ID_BASE);
  items = secret_service_search_sync (service, NULL, query,
                                      SECRET_SEARCH_ALL, NULL,
                                      &error);
  g_assert_no_error (error);

  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretItem *item = l->data;
      g_autoptr(GHashTable) attributes = secret_item_get_attributes (item);
      g_autofree char *label = secret_item_get_label (item);
      GHashTableIter iter;
      gpointer key, value;

      n_items++;
      g_assert_null (strstr (label, SMTP_PASSWORD));
      g_assert_null (strstr (label, sb_secret_get_text (token)));
      g_hash_table_iter_init (&iter, attributes);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_assert_null (strstr (value, SMTP_PASSWORD));
          g_assert_null (strstr (value, "sb1."));
          g_assert_true (g_str_equal (key, "xdg:schema") || g_str_equal (key, "kind") ||
                         g_str_equal (key, "database") || g_str_equal (key, "account"));
        }
      if (g_strcmp0 (g_hash_table_lookup (attributes, "kind"), "session") == 0)
        {
          g_assert_cmpstr (g_hash_table_lookup (attributes, "database"), ==,
                           fixture_uuid (fixture));
          g_assert_cmpstr (g_hash_table_lookup (attributes, "account"), ==, "dana@example.org");
        }
      else
        {
          g_assert_cmpstr (g_hash_table_lookup (attributes, "kind"), ==, "smtp");
          g_assert_cmpstr (g_hash_table_lookup (attributes, "account"), ==,
                           "mailer@" SMTP_HOST ":465");
          g_assert_null (g_hash_table_lookup (attributes, "database"));
        }
    }
  g_list_free_full (items, g_object_unref);
  g_assert_cmpuint (n_items, ==, 2);

  g_assert_true (smtp_clear (fixture->keyring, 465, "mailer", &error));
  g_assert_no_error (error);
}

static void
test_remember_and_restore (KeyringFixture *fixture,
                           gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbSecret) token = NULL;

  if (!require_keyring ())
    return;

  /* Nothing remembered yet. */
  g_assert_cmpint (session_restore (fixture->store, &error), ==,
                   SB_SESSION_RESTORE_NOT_REMEMBERED);
  g_assert_no_error (error);
  g_assert_null (sb_workspace_get_current_employee (fixture->base.ws));

  sb_test_sign_in (&fixture->base, fixture->base.member_id);
  g_assert_true (session_remember (fixture->store, &error));
  g_assert_no_error (error);
  token = remembered_token (fixture);
  g_assert_cmpint (sb_test_count_rows (fixture->base.db,
                                       "sessions WHERE revoked_at IS NULL AND employee_id = %"
                                       G_GINT64_FORMAT, fixture->base.member_id), ==, 1);

  /* The next start: a new workspace on the same file signs in by itself. */
  restart (fixture);
  g_assert_cmpint (session_restore (fixture->store, &error), ==, SB_SESSION_RESTORE_SIGNED_IN);
  g_assert_no_error (error);
  g_assert_cmpint (sb_workspace_get_current_employee_id (fixture->base.ws), ==,
                   fixture->base.member_id);

  /* Remembering another sign-in replaces this database's one, and revokes its token: a copy
   * of it kept elsewhere no longer signs anyone in. */
  sb_test_sign_in (&fixture->base, fixture->base.manager_id);
  g_assert_true (session_remember (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_test_count_rows (fixture->base.db,
                                       "sessions WHERE revoked_at IS NULL AND employee_id = %"
                                       G_GINT64_FORMAT, fixture->base.member_id), ==, 0);
  g_assert_false (sb_workspace_login_with_token (fixture->base.ws, sb_secret_get_text (token),
                                                 &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&token, sb_secret_unref);
  token = remembered_token (fixture);
  restart (fixture);
  g_assert_cmpint (session_restore (fixture->store, &error), ==, SB_SESSION_RESTORE_SIGNED_IN);
  g_assert_no_error (error);
  g_assert_cmpint (sb_workspace_get_current_employee_id (fixture->base.ws), ==,
                   fixture->base.manager_id);
}

static void
test_two_databases (KeyringFixture *fixture,
                    gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbSessionStore) other_store = NULL;
  g_autoptr(SbSecret) token = NULL;
  g_autoptr(SbSecret) other_token = NULL;
  SbTestFixture other = { 0 };

  if (!require_keyring ())
    return;

  sb_test_fixture_setup (&other, NULL);
  give_fresh_uuid (&other);
  g_assert_cmpstr (sb_database_get_uuid (other.db), !=, fixture_uuid (fixture));
  other_store = sb_session_store_new (other.ws, fixture->keyring);

  /* Remembered in the first database only: the second one sees nothing. */
  sb_test_sign_in (&fixture->base, fixture->base.manager_id);
  g_assert_true (session_remember (fixture->store, &error));
  g_assert_no_error (error);
  token = remembered_token (fixture);
  g_assert_cmpint (session_restore (other_store, &error), ==,
                   SB_SESSION_RESTORE_NOT_REMEMBERED);
  g_assert_no_error (error);
  g_assert_null (sb_workspace_get_current_employee (other.ws));

  /* Both remembered (the same email in both): each database gets its own token back. */
  sb_test_sign_in (&other, other.member_id);
  g_assert_true (session_remember (other_store, &error));
  g_assert_no_error (error);
  other_token = keyring_lookup (fixture->keyring, SB_KEYRING_KIND_SESSION,
                                sb_database_get_uuid (other.db), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (other_token);
  remember_secret (sb_secret_get_text (other_token));
  g_assert_false (sb_secret_equal_text (token, sb_secret_get_text (other_token)));

  restart (fixture);
  g_clear_object (&other_store);
  sb_test_reopen (&other);
  other_store = sb_session_store_new (other.ws, fixture->keyring);
  g_assert_cmpint (session_restore (other_store, &error), ==, SB_SESSION_RESTORE_SIGNED_IN);
  g_assert_no_error (error);
  g_assert_cmpint (sb_workspace_get_current_employee_id (other.ws), ==, other.member_id);
  g_assert_cmpint (session_restore (fixture->store, &error), ==, SB_SESSION_RESTORE_SIGNED_IN);
  g_assert_no_error (error);
  g_assert_cmpint (sb_workspace_get_current_employee_id (fixture->base.ws), ==,
                   fixture->base.manager_id);

  /* The first database's token does not open the second one. */
  g_assert_false (sb_workspace_login_with_token (other.ws, sb_secret_get_text (token), &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_TOKEN_INVALID);

  /* Forgetting one leaves the other. */
  g_assert_true (session_forget (other_store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&token, sb_secret_unref);
  token = remembered_token (fixture);

  g_assert_finalize_object (g_steal_pointer (&other_store));
  sb_test_fixture_teardown (&other, NULL);
}

static void
test_sign_out_clears (KeyringFixture *fixture,
                      gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbSecret) token = NULL;

  if (!require_keyring ())
    return;

  sb_test_sign_in (&fixture->base, fixture->base.manager_id);
  g_assert_true (session_remember (fixture->store, &error));
  g_assert_no_error (error);
  token = remembered_token (fixture);

  g_assert_true (session_sign_out (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_null (sb_workspace_get_current_employee (fixture->base.ws));
  assert_nothing_remembered (fixture);
  /* Revoked in the database too: the copy a thief might have made is useless. */
  g_assert_cmpint (sb_test_count_rows (fixture->base.db, "sessions WHERE revoked_at IS NULL"),
                   ==, 0);
  g_assert_false (sb_workspace_login_with_token (fixture->base.ws, sb_secret_get_text (token),
                                                 &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_TOKEN_INVALID);

  /* Signed in with the password after a remembered sign-in: signing out ends that too. */
  sb_test_sign_in (&fixture->base, fixture->base.manager_id);
  g_assert_true (session_remember (fixture->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&token, sb_secret_unref);
  token = remembered_token (fixture);
  restart (fixture);
  sb_test_sign_in (&fixture->base, fixture->base.manager_id);
  g_assert_true (session_sign_out (fixture->store, &error));
  g_assert_no_error (error);
  assert_nothing_remembered (fixture);
  g_assert_false (sb_workspace_login_with_token (fixture->base.ws, sb_secret_get_text (token),
                                                 &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_TOKEN_INVALID);
}

typedef enum
{
  SPOIL_EXPIRE,
  SPOIL_REVOKE,
  SPOIL_CHANGE_PASSWORD,
} Spoil;

/* A remembered token that the database no longer accepts is refused at start, and cleared. */
static void
test_refused_token_cleared (KeyringFixture *fixture,
                            gconstpointer   user_data)
{
  Spoil spoil = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbSecret) token = NULL;

  if (!require_keyring ())
    return;

  sb_test_sign_in (&fixture->base, fixture->base.member_id);
  g_assert_true (session_remember (fixture->store, &error));
  g_assert_no_error (error);
  token = remembered_token (fixture);

  switch (spoil)
    {
    case SPOIL_EXPIRE:
      /* 30 days later. */
      sb_test_exec (sb_database_get_handle (fixture->base.db),
                    "UPDATE sessions SET expires_at = strftime ('%s', 'now') - 1");
      break;
    case SPOIL_REVOKE:
      /* Signed out on another machine sharing the file. */
      sb_test_exec (sb_database_get_handle (fixture->base.db),
                    "UPDATE sessions SET revoked_at = strftime ('%s', 'now')");
      break;
    case SPOIL_CHANGE_PASSWORD:
      g_assert_true (sb_workspace_change_password (fixture->base.ws, SB_TEST_PASSWORD,
                                                   "a brand new passphrase", &error));
      g_assert_no_error (error);
      remember_secret ("a brand new passphrase");
      break;
    default:
      g_assert_not_reached ();
    }

  restart (fixture);
  g_assert_cmpint (session_restore (fixture->store, &error), ==, SB_SESSION_RESTORE_REFUSED);
  g_assert_no_error (error);
  g_assert_null (sb_workspace_get_current_employee (fixture->base.ws));
  assert_nothing_remembered (fixture);

  /* And the next start has nothing to try. */
  g_assert_cmpint (session_restore (fixture->store, &error), ==,
                   SB_SESSION_RESTORE_NOT_REMEMBERED);
  g_assert_no_error (error);
}

/* The collection libsecret stores in, and a D-Bus call on the test session's keyring. */
static GVariant *
call_keyring (const char         *path,
              const char         *interface,
              const char         *method,
              GVariant           *parameters,
              const GVariantType *reply_type)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", path, interface, method,
                                       parameters, reply_type, G_DBUS_CALL_FLAGS_NONE,
                                       WAIT_LIMIT_SECONDS * 1000, NULL, &error);
  g_assert_no_error (error);
  return reply;
}

static char *
default_collection_path (void)
{
  g_autoptr(GVariant) reply = NULL;
  char *path = NULL;

  reply = call_keyring ("/org/freedesktop/secrets", "org.freedesktop.Secret.Service",
                        "ReadAlias", g_variant_new ("(s)", "default"), G_VARIANT_TYPE ("(o)"));
  g_variant_get (reply, "(o)", &path);
  g_assert_cmpstr (path, !=, "/");
  return path;
}

static void
lock_collection (const char *path)
{
  g_autoptr(GVariant) reply = NULL;
  const char *paths[] = { path, NULL };

  /* gnome-keyring locks without a prompt. */
  reply = call_keyring ("/org/freedesktop/secrets", "org.freedesktop.Secret.Service", "Lock",
                        g_variant_new ("(^ao)", paths), G_VARIANT_TYPE ("(aoo)"));
}

/* Unlocks with the password build-aux/test-session gave the daemon, through gnome-keyring's
 * own interface (the standard Unlock would prompt), over a "plain" session. */
static void
unlock_collection (const char *path)
{
  const char *password = g_getenv ("SB_TEST_KEYRING_PASSWORD");
  g_autoptr(GVariant) opened = NULL;
  g_autoptr(GVariant) output = NULL;
  g_autoptr(GVariant) unlocked = NULL;
  g_autoptr(GVariant) closed = NULL;
  const char *session = NULL;
  GVariant *secret;

  opened = call_keyring ("/org/freedesktop/secrets", "org.freedesktop.Secret.Service",
                         "OpenSession", g_variant_new ("(sv)", "plain", g_variant_new_string ("")),
                         G_VARIANT_TYPE ("(vo)"));
  g_variant_get (opened, "(v&o)", &output, &session);

  secret = g_variant_new ("(o@ay@ays)", session,
                          g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "", 0, 1),
                          g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, password,
                                                     strlen (password), 1),
                          "text/plain");
  unlocked = call_keyring ("/org/freedesktop/secrets",
                           "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
                           "UnlockWithMasterPassword", g_variant_new ("(o@(oayays))", path, secret),
                           G_VARIANT_TYPE ("()"));
  closed = call_keyring (session, "org.freedesktop.Secret.Session", "Close", NULL,
                         G_VARIANT_TYPE ("()"));
}

static void
test_locked_keyring (KeyringFixture *fixture,
                     gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbSecret) token = NULL;
  g_autoptr(SbSecret) found = NULL;
  g_autofree char *collection = NULL;
  g_autofree char *reason = NULL;
  SbSecretStorage storage = SB_SECRET_STORAGE_KEYRING;
  gint64 start;

  if (!require_keyring ())
    return;
  remember_secret (SMTP_PASSWORD);

  sb_test_sign_in (&fixture->base, fixture->base.manager_id);
  g_assert_true (session_remember (fixture->store, &error));
  g_assert_no_error (error);
  token = remembered_token (fixture);
  restart (fixture);

  collection = default_collection_path ();
  lock_collection (collection);
  sb_keyring_set_timeout (fixture->keyring, 2000);
  start = g_get_monotonic_time ();

  /* Unavailable, without a prompt (which under this display would wait forever). */
  g_assert_false (keyring_probe (fixture->keyring, &reason));
  g_assert_nonnull (strstr (reason, "locked"));
  found = keyring_lookup (fixture->keyring, SB_KEYRING_KIND_SESSION, fixture_uuid (fixture),
                          NULL, &error);
  sb_test_assert_error_clear (error, SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE);
  g_assert_null (found);
  g_assert_false (keyring_store (fixture->keyring, SB_KEYRING_KIND_SESSION,
                                 fixture_uuid (fixture), "x@example.org", "sb1.x.y", &error));
  sb_test_assert_error_clear (error, SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE);

  /* Start: the sign-in page instead, nobody signed in. */
  g_assert_cmpint (session_restore (fixture->store, &error), ==,
                   SB_SESSION_RESTORE_NOT_REMEMBERED);
  sb_test_assert_error_clear (error, SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE);
  g_assert_null (sb_workspace_get_current_employee (fixture->base.ws));

  /* The SMTP password is held in memory for this run. */
  g_assert_true (smtp_store (fixture->keyring, 465, "mailer", SMTP_PASSWORD, &storage, &error));
  g_assert_no_error (error);
  g_assert_cmpint (storage, ==, SB_SECRET_STORAGE_MEMORY);
  found = smtp_lookup (fixture->keyring, 465, "mailer", &error);
  g_assert_no_error (error);
  g_assert_true (found != NULL && sb_secret_equal_text (found, SMTP_PASSWORD));
  g_clear_pointer (&found, sb_secret_unref);

  /* No call waited for its deadline, let alone for a prompt. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 6 * 2000 * G_TIME_SPAN_MILLISECOND);

  unlock_collection (collection);
  g_assert_true (keyring_probe (fixture->keyring, NULL));
  g_assert_cmpint (session_restore (fixture->store, &error), ==, SB_SESSION_RESTORE_SIGNED_IN);
  g_assert_no_error (error);

  /* Only the memory held it: the keyring never saw it. */
  {
    g_autoptr(SbKeyring) other = sb_keyring_new ();

    found = smtp_lookup (other, 465, "mailer", &error);
    g_assert_no_error (error);
    g_assert_null (found);
  }
  g_assert_true (smtp_clear (fixture->keyring, 465, "mailer", &error));
  g_assert_no_error (error);
}

/* Without a keyring: run in subprocesses, each with its own (or no) session bus */

static void
check_unavailable_paths (KeyringFixture *fixture,
                         const char     *expected_reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbSecret) found = NULL;
  g_autofree char *reason = NULL;
  SbSecretStorage storage = SB_SECRET_STORAGE_KEYRING;

  remember_secret (SMTP_PASSWORD);

  g_assert_false (keyring_probe (fixture->keyring, &reason));
  g_test_message ("Probe: %s", reason);
  g_assert_nonnull (strstr (reason, expected_reason));

  found = keyring_lookup (fixture->keyring, SB_KEYRING_KIND_SESSION, fixture_uuid (fixture),
                          NULL, &error);
  sb_test_assert_error_clear (error, SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE);
  g_assert_null (found);
  g_assert_false (keyring_clear (fixture->keyring, SB_KEYRING_KIND_SESSION,
                                 fixture_uuid (fixture), NULL, &error));
  sb_test_assert_error_clear (error, SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE);

  /* Start: nothing to restore, the sign-in page. */
  g_assert_cmpint (session_restore (fixture->store, &error), ==,
                   SB_SESSION_RESTORE_NOT_REMEMBERED);
  sb_test_assert_error_clear (error, SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE);
  g_assert_null (sb_workspace_get_current_employee (fixture->base.ws));

  /* Sign in with "Remember me": still signed in, the token revoked again at once. */
  sb_test_sign_in (&fixture->base, fixture->base.manager_id);
  g_assert_false (session_remember (fixture->store, &error));
  sb_test_assert_error_clear (error, SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE);
  g_assert_cmpint (sb_workspace_get_current_employee_id (fixture->base.ws), ==,
                   fixture->base.manager_id);
  g_assert_cmpint (sb_test_count_rows (fixture->base.db, "sessions"), <=, 1);
  g_assert_cmpint (sb_test_count_rows (fixture->base.db, "sessions WHERE revoked_at IS NULL"),
                   ==, 0);

  /* Sign out works without the keyring. */
  g_assert_true (session_sign_out (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_null (sb_workspace_get_current_employee (fixture->base.ws));

  /* The SMTP password: not in the keyring, asked once, then held in memory. */
  found = smtp_lookup (fixture->keyring, 587, "mailer", &error);
  sb_test_assert_error_clear (error, SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE);
  g_assert_null (found);
  g_assert_true (smtp_store (fixture->keyring, 587, "mailer", SMTP_PASSWORD, &storage, &error));
  g_assert_no_error (error);
  g_assert_cmpint (storage, ==, SB_SECRET_STORAGE_MEMORY);
  found = smtp_lookup (fixture->keyring, 587, "mailer", &error);
  g_assert_no_error (error);
  g_assert_true (found != NULL && sb_secret_equal_text (found, SMTP_PASSWORD));
  g_clear_pointer (&found, sb_secret_unref);
  /* Forgotten: gone from memory at once, even though the keyring cannot be asked. */
  g_assert_false (smtp_clear (fixture->keyring, 587, "mailer", &error));
  sb_test_assert_error_clear (error, SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE);
  found = smtp_lookup (fixture->keyring, 587, "mailer", &error);
  sb_test_assert_error_clear (error, SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE);
  g_assert_null (found);

  assert_no_secret_leaked (fixture);
}

static void
test_no_bus (KeyringFixture *fixture,
             gconstpointer   user_data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *address = g_strdup_printf ("unix:path=%s/no-such-bus",
                                                  fixture->base.dir);
      gint64 start = g_get_monotonic_time ();

      /* Before anything asks for the bus; without DISPLAY, no autolaunch either. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
      g_unsetenv ("DISPLAY");
      sb_keyring_set_timeout (fixture->keyring, 2000);

      check_unavailable_paths (fixture, "D-Bus");
      /* Every call failed fast, none waited for its deadline. */
      g_assert_cmpint (g_get_monotonic_time () - start, <, 2000 * G_TIME_SPAN_MILLISECOND);
      return;
    }

  g_test_trap_subprocess (NULL, WAIT_LIMIT_SECONDS * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_no_secret_service (KeyringFixture *fixture,
                        gconstpointer   user_data)
{
  if (g_test_subprocess ())
    {
      /* A private bus with no service to activate. */
      g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);

      g_test_dbus_up (bus);
      sb_keyring_set_timeout (fixture->keyring, 2000);
      check_unavailable_paths (fixture, "no system keyring is running");
      g_test_dbus_down (bus);
      return;
    }

  g_test_trap_subprocess (NULL, WAIT_LIMIT_SECONDS * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A Secret Service that takes every call and never answers. */
static void
on_hung_method_call (GDBusConnection       *connection,
                     const char            *sender,
                     const char            *object_path,
                     const char            *interface_name,
                     const char            *method_name,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation,
                     gpointer               user_data)
{
  GPtrArray *held = user_data;

  g_ptr_array_add (held, invocation);
}

static const char hung_service_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Secret.Service'>"
  "    <method name='ReadAlias'>"
  "      <arg type='s' name='name' direction='in'/>"
  "      <arg type='o' name='collection' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
test_hung_secret_service (KeyringFixture *fixture,
                          gconstpointer   user_data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_autoptr(GDBusConnection) service = NULL;
      g_autoptr(GDBusNodeInfo) node = NULL;
      g_autoptr(GPtrArray) held = g_ptr_array_new ();
      g_autoptr(GVariant) owned = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SbSecret) found = NULL;
      g_autofree char *reason = NULL;
      GDBusInterfaceVTable vtable = { on_hung_method_call, NULL, NULL, { 0 } };
      guint registration;
      gint64 start;

      g_test_dbus_up (bus);
      service = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                        G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                        G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                        NULL, NULL, &error);
      g_assert_no_error (error);
      node = g_dbus_node_info_new_for_xml (hung_service_xml, &error);
      g_assert_no_error (error);
      registration = g_dbus_connection_register_object (service, "/org/freedesktop/secrets",
                                                        node->interfaces[0], &vtable, held, NULL,
                                                        &error);
      g_assert_no_error (error);
      owned = g_dbus_connection_call_sync (service, "org.freedesktop.DBus",
                                           "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                           "RequestName",
                                           g_variant_new ("(su)", "org.freedesktop.secrets", 0),
                                           G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                           NULL, &error);
      g_assert_no_error (error);

      sb_keyring_set_timeout (fixture->keyring, 300);
      start = g_get_monotonic_time ();

      g_assert_false (keyring_probe (fixture->keyring, &reason));
      g_assert_nonnull (strstr (reason, "did not answer in time"));
      found = keyring_lookup (fixture->keyring, SB_KEYRING_KIND_SESSION, fixture_uuid (fixture),
                              NULL, &error);
      g_assert_error (error, SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE);
      g_assert_nonnull (strstr (error->message, "did not answer in time"));
      g_clear_error (&error);
      g_assert_null (found);
      g_assert_cmpint (session_restore (fixture->store, &error), ==,
                       SB_SESSION_RESTORE_NOT_REMEMBERED);
      sb_test_assert_error_clear (error, SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE);
      g_assert_null (sb_workspace_get_current_employee (fixture->base.ws));
      /* Three calls, each ended by its own deadline, not by the caller's patience. */
      g_assert_cmpint (g_get_monotonic_time () - start, <, WAIT_LIMIT_SECONDS * G_USEC_PER_SEC);
      g_assert_cmpuint (held->len, >=, 1);

      for (guint i = 0; i < held->len; i++)
        g_dbus_method_invocation_return_dbus_error (g_ptr_array_index (held, i),
                                                    "org.freedesktop.DBus.Error.Failed", "late");
      g_dbus_connection_unregister_object (service, registration);
      g_dbus_connection_close_sync (service, NULL, NULL);
      g_clear_object (&service);
      /* Let the late answers and the cancelled calls end before the bus goes. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_test_dbus_down (bus);
      return;
    }

  g_test_trap_subprocess (NULL, WAIT_LIMIT_SECONDS * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A caller that gives up gets G_IO_ERROR_CANCELLED, not "unavailable". */
static void
test_cancelled (KeyringFixture *fixture,
                gconstpointer   user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) lookup_result = NULL;
  g_autoptr(GAsyncResult) probe_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbSecret) found = NULL;
  g_autofree char *reason = NULL;

  g_cancellable_cancel (cancellable);

  sb_keyring_lookup_async (fixture->keyring, SB_KEYRING_KIND_SESSION, fixture_uuid (fixture),
                           NULL, cancellable, on_result, &lookup_result);
  found = sb_keyring_lookup_finish (fixture->keyring, wait_for (&lookup_result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (found);

  sb_keyring_probe_async (fixture->keyring, cancellable, on_result, &probe_result);
  g_assert_false (sb_keyring_probe_finish (fixture->keyring, wait_for (&probe_result), &reason));
  g_assert_null (reason);
}

/* SbSecret on its own */

static void
test_secret_value (void)
{
  g_autoptr(SbSecret) secret = sb_secret_new ("hunter2");
  SbSecret *extra;

  g_assert_cmpstr (sb_secret_get_text (secret), ==, "hunter2");
  g_assert_cmpuint (sb_secret_get_length (secret), ==, 7);
  g_assert_true (sb_secret_equal_text (secret, "hunter2"));
  g_assert_false (sb_secret_equal_text (secret, "hunter3"));
  g_assert_false (sb_secret_equal_text (secret, "hunter22"));

  extra = sb_secret_ref (secret);
  g_assert_true (extra == secret);
  sb_secret_unref (extra);
  g_assert_cmpstr (sb_secret_get_text (secret), ==, "hunter2");
}

/* The log check itself: a debug message holding a registered secret is caught. */
static void
test_log_scanner (void)
{
  g_assert_false (secret_logged);
  remember_secret ("canary-not-a-real-secret");
  g_debug ("A message that holds canary-not-a-real-secret");
  g_assert_true (secret_logged);

  secret_logged = FALSE;
  g_ptr_array_remove_index (secrets, secrets->len - 1);
}

int
main (int   argc,
      char *argv[])
{
  secrets = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (scan_log_writer, NULL, NULL);
  g_log_set_debug_enabled (TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keyring/secret/value", test_secret_value);
  g_test_add_func ("/keyring/logs/scanner", test_log_scanner);
  keyring_test_add ("/keyring/probe/available", test_probe_available);
  keyring_test_add ("/keyring/session/store-lookup-clear", test_session_store_lookup_clear);
  keyring_test_add ("/keyring/smtp/store-lookup-clear", test_smtp_store_lookup_clear);
  keyring_test_add ("/keyring/attributes/nothing-secret", test_nothing_secret_in_attributes);
  keyring_test_add ("/keyring/remember/restore", test_remember_and_restore);
  keyring_test_add ("/keyring/remember/two-databases", test_two_databases);
  keyring_test_add ("/keyring/remember/sign-out-clears", test_sign_out_clears);
  g_test_add ("/keyring/remember/expired-refused", KeyringFixture,
              GINT_TO_POINTER (SPOIL_EXPIRE), keyring_fixture_setup,
              test_refused_token_cleared, keyring_fixture_teardown);
  g_test_add ("/keyring/remember/revoked-refused", KeyringFixture,
              GINT_TO_POINTER (SPOIL_REVOKE), keyring_fixture_setup,
              test_refused_token_cleared, keyring_fixture_teardown);
  g_test_add ("/keyring/remember/password-change-refused", KeyringFixture,
              GINT_TO_POINTER (SPOIL_CHANGE_PASSWORD), keyring_fixture_setup,
              test_refused_token_cleared, keyring_fixture_teardown);
  keyring_test_add ("/keyring/cancelled", test_cancelled);
  keyring_test_add ("/keyring/unavailable/locked", test_locked_keyring);
  keyring_test_add ("/keyring/unavailable/no-bus", test_no_bus);
  keyring_test_add ("/keyring/unavailable/no-secret-service", test_no_secret_service);
  keyring_test_add ("/keyring/unavailable/hung-secret-service", test_hung_secret_service);

  return g_test_run ();
}
