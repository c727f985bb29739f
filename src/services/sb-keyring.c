/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "sb-keyring.h"

/* SbKeyring: the remember-me tokens and the SMTP password in the system keyring, through
 * libsecret with one static schema.
 *
 * Every call has a deadline (#SbKeyring:timeout): a locked keyring under a display can open a
 * prompt and wait forever, and a Secret Service that hangs must not hang the app. Before a
 * secret is touched, the default collection is checked over D-Bus without prompting: a
 * locked or missing keyring is reported as "unavailable" instead of opening an unlock prompt
 * (cancelling such a prompt half-way upsets gnome-keyring 42 and libsecret 0.20). Inside
 * Flatpak libsecret keeps the secrets in a file it unlocks through the secret portal, so that
 * check is skipped there.
 *
 * The attributes say what a secret is for, never what it is: the kind ("session" or "smtp"),
 * the database's UUID (remember-me tokens only: the SMTP settings are not per database) and
 * the account (an email address, or user@host:port). */

/* The schema is named after the base app id, for the .Devel profile too: an item is keyed by
 * what it unlocks (a database's UUID and an account, or an SMTP account), not by the build that
 * reads it, so a development build opened on the same database agrees with the installed one
 * about which tokens are live. */
#define SCHEMA_NAME APPLICATION_ID_BASE

#define SECRETS_BUS_NAME "org.freedesktop.secrets"
#define SECRETS_PATH "/org/freedesktop/secrets"
#define SECRETS_SERVICE_IFACE "org.freedesktop.Secret.Service"
#define SECRETS_COLLECTION_IFACE "org.freedesktop.Secret.Collection"

struct _SbKeyring
{
  GObject     parent_instance;

  guint       timeout_ms;
  /* SMTP account (user@host:port) → SbSecret, for when the keyring was unavailable. */
  GHashTable *held;
};

enum
{
  PROP_0,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbKeyring, sb_keyring, G_TYPE_OBJECT)

G_DEFINE_QUARK (sb-keyring-error-quark, sb_keyring_error)

typedef enum
{
  REASON_NO_BUS,
  REASON_NO_SERVICE,
  REASON_NO_KEYRING,
  REASON_LOCKED,
  REASON_TIMED_OUT,
} Reason;

/* Why the keyring is unavailable: as an error message, and as the sentence that says why
 * "Remember me" is off. */
static const struct
{
  const char *message;
  const char *remember_me_off;
} reasons[] = {
  [REASON_NO_BUS] = {
    N_("The system keyring cannot be reached: there is no D-Bus session."),
    N_("“Remember me” is off because there is no D-Bus session to reach the system keyring "
       "through."),
  },
  [REASON_NO_SERVICE] = {
    N_("No system keyring is running (nothing provides the Secret Service)."),
    N_("“Remember me” is off because no system keyring is running."),
  },
  [REASON_NO_KEYRING] = {
    N_("The system keyring has no default keyring to keep passwords in."),
    N_("“Remember me” is off because the system keyring has no default keyring."),
  },
  [REASON_LOCKED] = {
    N_("The system keyring is locked."),
    N_("“Remember me” is off because the system keyring is locked. Unlock it and open "
       "Sprintboard again to use it."),
  },
  [REASON_TIMED_OUT] = {
    N_("The system keyring did not answer in time."),
    N_("“Remember me” is off because the system keyring did not answer in time."),
  },
};

static const char *const kind_names[] = {
  [SB_KEYRING_KIND_SESSION] = "session",
  [SB_KEYRING_KIND_SMTP] = "smtp",
};

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static gboolean
in_flatpak (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

typedef enum
{
  OP_PROBE,
  OP_STORE,
  OP_LOOKUP,
  OP_CLEAR,
} OpKind;

typedef struct
{
  OpKind           kind;
  GHashTable      *attributes;
  char            *label;
  SbSecret        *secret;
  guint            timeout_ms;

  /* Cancelled by the deadline or by the caller's cancellable. */
  GCancellable    *cancellable;
  GCancellable    *caller_cancellable;
  gulong           caller_handler;
  GSource         *deadline;

  GDBusConnection *bus;
  gboolean         returned;
  Reason           reason;              /* when the probe fails */
} Operation;

static void
operation_stop_deadline (Operation *op)
{
  if (op->deadline != NULL)
    {
      g_source_destroy (op->deadline);
      g_clear_pointer (&op->deadline, g_source_unref);
    }
}

static void
operation_free (gpointer data)
{
  Operation *op = data;

  operation_stop_deadline (op);
  if (op->caller_cancellable != NULL)
    g_cancellable_disconnect (op->caller_cancellable, op->caller_handler);
  g_clear_object (&op->caller_cancellable);
  g_clear_object (&op->cancellable);
  g_clear_object (&op->bus);
  g_clear_pointer (&op->attributes, g_hash_table_unref);
  g_free (op->label);
  g_clear_pointer (&op->secret, sb_secret_unref);
  g_free (op);
}

static GError *
unavailable_error (Reason reason)
{
  return g_error_new_literal (SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE,
                              _(reasons[reason].message));
}

/* Each operation returns once: the deadline may have answered before libsecret does. */
static gboolean
operation_begin_return (GTask *task)
{
  Operation *op = g_task_get_task_data (task);

  if (op->returned)
    return FALSE;
  op->returned = TRUE;
  operation_stop_deadline (op);
  return TRUE;
}

static void
operation_return_error (GTask  *task,
                        GError *error)
{
  if (operation_begin_return (task))
    g_task_return_error (task, error);
  else
    g_error_free (error);
}

static void
operation_return_unavailable (GTask  *task,
                              Reason  reason)
{
  Operation *op = g_task_get_task_data (task);

  if (!op->returned)
    op->reason = reason;
  operation_return_error (task, unavailable_error (reason));
}

static gboolean
dbus_error_means_no_service (const GError *error)
{
  if (error->domain != G_DBUS_ERROR)
    return FALSE;

  switch ((GDBusError) error->code)
    {
    case G_DBUS_ERROR_SERVICE_UNKNOWN:
    case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
    case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
    case G_DBUS_ERROR_SPAWN_FORK_FAILED:
    case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
    case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
    case G_DBUS_ERROR_SPAWN_FAILED:
    case G_DBUS_ERROR_SPAWN_SETUP_FAILED:
    case G_DBUS_ERROR_SPAWN_CONFIG_INVALID:
    case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
    case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
    case G_DBUS_ERROR_SPAWN_PERMISSIONS_INVALID:
    case G_DBUS_ERROR_SPAWN_FILE_INVALID:
    case G_DBUS_ERROR_SPAWN_NO_MEMORY:
    case G_DBUS_ERROR_UNKNOWN_OBJECT:
      return TRUE;
    case G_DBUS_ERROR_FAILED:
    case G_DBUS_ERROR_NO_MEMORY:
    case G_DBUS_ERROR_NO_REPLY:
    case G_DBUS_ERROR_IO_ERROR:
    case G_DBUS_ERROR_BAD_ADDRESS:
    case G_DBUS_ERROR_NOT_SUPPORTED:
    case G_DBUS_ERROR_LIMITS_EXCEEDED:
    case G_DBUS_ERROR_ACCESS_DENIED:
    case G_DBUS_ERROR_AUTH_FAILED:
    case G_DBUS_ERROR_NO_SERVER:
    case G_DBUS_ERROR_TIMEOUT:
    case G_DBUS_ERROR_NO_NETWORK:
    case G_DBUS_ERROR_ADDRESS_IN_USE:
    case G_DBUS_ERROR_DISCONNECTED:
    case G_DBUS_ERROR_INVALID_ARGS:
    case G_DBUS_ERROR_FILE_NOT_FOUND:
    case G_DBUS_ERROR_FILE_EXISTS:
    case G_DBUS_ERROR_UNKNOWN_METHOD:
    case G_DBUS_ERROR_TIMED_OUT:
    case G_DBUS_ERROR_MATCH_RULE_NOT_FOUND:
    case G_DBUS_ERROR_MATCH_RULE_INVALID:
    case G_DBUS_ERROR_UNIX_PROCESS_ID_UNKNOWN:
    case G_DBUS_ERROR_ADT_AUDIT_DATA_UNKNOWN:
    case G_DBUS_ERROR_OBJECT_PATH_IN_USE:
    case G_DBUS_ERROR_INVALID_SIGNATURE:
    case G_DBUS_ERROR_INVALID_FILE_CONTENT:
    case G_DBUS_ERROR_SELINUX_SECURITY_CONTEXT_UNKNOWN:
    case G_DBUS_ERROR_UNKNOWN_INTERFACE:
    case G_DBUS_ERROR_UNKNOWN_PROPERTY:
    case G_DBUS_ERROR_PROPERTY_READ_ONLY:
    default:
      return FALSE;
    }
}

static gboolean
error_means_timed_out (const GError *error)
{
  return g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NO_REPLY) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_TIMEOUT) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_TIMED_OUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
}

/* Returns @error (taken) as the operation's error: "unavailable" with the reason when it
 * means the keyring cannot be used now, %SB_KEYRING_ERROR_FAILED otherwise. */
static void
operation_return_keyring_error (GTask  *task,
                                GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The deadline has already answered; a caller's cancel is reported by GTask. */
      operation_return_error (task, error);
    }
  else if (dbus_error_means_no_service (error))
    {
      g_debug ("No Secret Service: %s", error->message);
      g_error_free (error);
      operation_return_unavailable (task, REASON_NO_SERVICE);
    }
  else if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    {
      g_error_free (error);
      operation_return_unavailable (task, REASON_LOCKED);
    }
  else if (error_means_timed_out (error))
    {
      g_error_free (error);
      operation_return_unavailable (task, REASON_TIMED_OUT);
    }
  else if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_DISCONNECTED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED))
    {
      g_error_free (error);
      operation_return_unavailable (task, REASON_NO_BUS);
    }
  else
    {
      GError *failed;

      g_dbus_error_strip_remote_error (error);
      failed = g_error_new (SB_KEYRING_ERROR, SB_KEYRING_ERROR_FAILED,
                            _("The system keyring failed: %s"), error->message);
      g_error_free (error);
      operation_return_error (task, failed);
    }
}

static void
on_store_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    operation_return_keyring_error (task, error);
  else if (operation_begin_return (task))
    g_task_return_boolean (task, TRUE);
}

static void
on_lookup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password;

  password = secret_password_lookup_nonpageable_finish (result, &error);
  if (error != NULL)
    {
      operation_return_keyring_error (task, error);
    }
  else if (operation_begin_return (task))
    {
      /* NULL without an error: nothing stored under these attributes. */
      g_task_return_pointer (task, password != NULL ? sb_secret_new (password) : NULL,
                             (GDestroyNotify) sb_secret_unref);
    }
  if (password != NULL)
    secret_password_free (password);
}

static void
on_clear_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error: there was nothing to clear, which is fine. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    operation_return_keyring_error (task, error);
  else if (operation_begin_return (task))
    g_task_return_boolean (task, TRUE);
}

/* The default collection exists and is unlocked (or we are in Flatpak): do the work. */
static void
operation_run (GTask *task)
{
  Operation *op = g_task_get_task_data (task);

  switch (op->kind)
    {
    case OP_PROBE:
      if (operation_begin_return (task))
        g_task_return_boolean (task, TRUE);
      break;
    case OP_STORE:
      secret_password_storev (get_schema (), op->attributes, SECRET_COLLECTION_DEFAULT, op->label,
                              sb_secret_get_text (op->secret), op->cancellable, on_store_done,
                              g_object_ref (task));
      break;
    case OP_LOOKUP:
      secret_password_lookupv (get_schema (), op->attributes, op->cancellable, on_lookup_done,
                               g_object_ref (task));
      break;
    case OP_CLEAR:
      secret_password_clearv (get_schema (), op->attributes, op->cancellable, on_clear_done,
                              g_object_ref (task));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
on_locked_got (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;
  GError *error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      operation_return_keyring_error (task, error);
      return;
    }

  g_variant_get (reply, "(v)", &value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) && g_variant_get_boolean (value))
    {
      operation_return_unavailable (task, REASON_LOCKED);
      return;
    }

  operation_run (task);
}

static void
on_alias_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  Operation *op = g_task_get_task_data (task);
  const char *path = NULL;
  GError *error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      operation_return_keyring_error (task, error);
      return;
    }

  g_variant_get (reply, "(&o)", &path);
  if (g_strcmp0 (path, "/") == 0)
    {
      operation_return_unavailable (task, REASON_NO_KEYRING);
      return;
    }

  g_dbus_connection_call (op->bus, SECRETS_BUS_NAME, path, "org.freedesktop.DBus.Properties",
                          "Get", g_variant_new ("(ss)", SECRETS_COLLECTION_IFACE, "Locked"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, (int) op->timeout_ms,
                          op->cancellable, on_locked_got, g_object_ref (task));
}

static void
on_bus_got (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Operation *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  op->bus = g_bus_get_finish (result, &error);
  if (op->bus == NULL)
    {
      g_debug ("No D-Bus session: %s", error->message);
      operation_return_unavailable (task, REASON_NO_BUS);
      return;
    }
  if (g_cancellable_set_error_if_cancelled (op->cancellable, &error))
    {
      /* The caller gave up (or the deadline answered) while the bus was being set up. */
      operation_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (in_flatpak ())
    {
      operation_run (task);
      return;
    }

  /* Reading the alias also starts the keyring daemon when the bus can activate it. */
  g_dbus_connection_call (op->bus, SECRETS_BUS_NAME, SECRETS_PATH, SECRETS_SERVICE_IFACE,
                          "ReadAlias", g_variant_new ("(s)", "default"), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, (int) op->timeout_ms, op->cancellable,
                          on_alias_read, g_object_ref (task));
}

static gboolean
on_deadline (gpointer user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);
  Operation *op = g_task_get_task_data (task);

  g_debug ("The keyring did not answer within %u ms", op->timeout_ms);
  g_clear_pointer (&op->deadline, g_source_unref);
  operation_return_unavailable (task, REASON_TIMED_OUT);
  /* Also ends what libsecret or D-Bus are still waiting for. */
  g_cancellable_cancel (op->cancellable);

  return G_SOURCE_REMOVE;
}

static void
on_caller_cancelled (GCancellable *caller_cancellable,
                     gpointer      user_data)
{
  GCancellable *cancellable = user_data;

  g_cancellable_cancel (cancellable);
}

static GHashTable *
make_attributes (SbKeyringKind  kind,
                 const char    *database_id,
                 const char    *account)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) "kind", g_strdup (kind_names[kind]));
  if (database_id != NULL)
    g_hash_table_insert (attributes, (gpointer) "database", g_strdup (database_id));
  if (account != NULL)
    g_hash_table_insert (attributes, (gpointer) "account", g_strdup (account));

  return attributes;
}

/* Starts @op (taken) for a new task; the deadline starts now. */
static void
operation_start (SbKeyring           *self,
                 Operation           *op,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, operation_free);

  op->timeout_ms = self->timeout_ms;
  op->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      op->caller_cancellable = g_object_ref (cancellable);
      op->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                                  g_object_ref (op->cancellable),
                                                  g_object_unref);
    }

  op->deadline = g_timeout_source_new (self->timeout_ms);
  g_source_set_static_name (op->deadline, "[sb] keyring deadline");
  g_source_set_callback (op->deadline, on_deadline, g_object_ref (task), g_object_unref);
  g_source_attach (op->deadline, g_main_context_get_thread_default ());

  /* No cancellable: GLib sets the session bus up once for every caller, and a cancel of the
   * first one's would fail the others too. The deadline bounds the wait all the same. */
  g_bus_get (G_BUS_TYPE_SESSION, NULL, on_bus_got, g_object_ref (task));
}

static gboolean
kind_is_valid (SbKeyringKind  kind,
               const char    *database_id)
{
  switch (kind)
    {
    case SB_KEYRING_KIND_SESSION:
      return database_id != NULL;   /* a token signs in to one database only */
    case SB_KEYRING_KIND_SMTP:
      return TRUE;
    default:
      return FALSE;
    }
}

static char *
make_label (SbKeyringKind  kind,
            const char    *account)
{
  switch (kind)
    {
    case SB_KEYRING_KIND_SESSION:
      /* Translators: the name of a saved sign-in in the system keyring; %s is an email */
      return g_strdup_printf (_("Sprintboard sign-in for %s"), account);
    case SB_KEYRING_KIND_SMTP:
      /* Translators: the name of a saved password in the system keyring; %s is
       * user@host:port */
      return g_strdup_printf (_("Sprintboard email password for %s"), account);
    default:
      g_assert_not_reached ();
    }
}

/* SMTP passwords, wrapped over the generic calls */

typedef struct
{
  char     *account;
  SbSecret *password;
} SmtpData;

static void
smtp_data_free (gpointer data)
{
  SmtpData *smtp = data;

  g_free (smtp->account);
  g_clear_pointer (&smtp->password, sb_secret_unref);
  g_free (smtp);
}

static GTask *
smtp_task_new (SbKeyring           *self,
               const char          *host,
               guint16              port,
               const char          *username,
               const char          *password,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  SmtpData *smtp = g_new0 (SmtpData, 1);

  g_task_set_source_tag (task, source_tag);
  smtp->account = sb_keyring_smtp_account (host, port, username);
  if (password != NULL)
    smtp->password = sb_secret_new (password);
  g_task_set_task_data (task, smtp, smtp_data_free);

  return task;
}

static void
on_smtp_stored (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SbKeyring *self = SB_KEYRING (source);
  g_autoptr(GTask) task = user_data;
  SmtpData *smtp = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (sb_keyring_store_finish (self, result, &error))
    {
      g_hash_table_remove (self->held, smtp->account);
      g_task_return_int (task, SB_SECRET_STORAGE_KEYRING);
    }
  else if (g_error_matches (error, SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE))
    {
      g_debug ("Holding the SMTP password in memory: %s", error->message);
      g_hash_table_replace (self->held, g_strdup (smtp->account),
                            sb_secret_ref (smtp->password));
      g_task_return_int (task, SB_SECRET_STORAGE_MEMORY);
    }
  else
    {
      g_task_return_error (task, g_steal_pointer (&error));
    }
}

static void
on_smtp_looked_up (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  SbSecret *password;

  password = sb_keyring_lookup_finish (SB_KEYRING (source), result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, password, (GDestroyNotify) sb_secret_unref);
}

static void
on_smtp_cleared (GObject      *source,
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
sb_keyring_finalize (GObject *object)
{
  SbKeyring *self = SB_KEYRING (object);

  g_clear_pointer (&self->held, g_hash_table_unref);

  G_OBJECT_CLASS (sb_keyring_parent_class)->finalize (object);
}

static void
sb_keyring_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SbKeyring *self = SB_KEYRING (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_keyring_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SbKeyring *self = SB_KEYRING (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      sb_keyring_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_keyring_class_init (SbKeyringClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_keyring_finalize;
  object_class->get_property = sb_keyring_get_property;
  object_class->set_property = sb_keyring_set_property;

  /**
   * SbKeyring:timeout:
   *
   * How long, in milliseconds, one keyring call may take before it fails as unavailable.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, G_MAXINT, SB_KEYRING_DEFAULT_TIMEOUT_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_keyring_init (SbKeyring *self)
{
  self->timeout_ms = SB_KEYRING_DEFAULT_TIMEOUT_MS;
  self->held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) sb_secret_unref);
}

SbKeyring *
sb_keyring_new (void)
{
  return g_object_new (SB_TYPE_KEYRING, NULL);
}

guint
sb_keyring_get_timeout (SbKeyring *self)
{
  g_return_val_if_fail (SB_IS_KEYRING (self), 0);

  return self->timeout_ms;
}

/**
 * sb_keyring_set_timeout:
 * @timeout_ms: milliseconds, at least 1
 *
 * Sets how long each later call may take (%SB_KEYRING_DEFAULT_TIMEOUT_MS by default).
 */
void
sb_keyring_set_timeout (SbKeyring *self,
                        guint      timeout_ms)
{
  g_return_if_fail (SB_IS_KEYRING (self));
  g_return_if_fail (timeout_ms > 0 && timeout_ms <= G_MAXINT);

  if (self->timeout_ms == timeout_ms)
    return;

  self->timeout_ms = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/**
 * sb_keyring_probe_async:
 *
 * Checks, without prompting, that a keyring answers and that its default collection exists
 * and is unlocked. Call it at start to decide whether to offer "Remember me".
 */
void
sb_keyring_probe_async (SbKeyring           *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Operation *op;

  g_return_if_fail (SB_IS_KEYRING (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = g_new0 (Operation, 1);
  op->kind = OP_PROBE;
  operation_start (self, op, sb_keyring_probe_async, cancellable, callback, user_data);
}

/**
 * sb_keyring_probe_finish:
 * @reason: (out) (optional): when the keyring is unavailable, a sentence for the person that
 *   says why "Remember me" is off (%NULL when the call was cancelled)
 *
 * Returns: %TRUE when the keyring can be used
 */
gboolean
sb_keyring_probe_finish (SbKeyring     *self,
                         GAsyncResult  *result,
                         char         **reason)
{
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  Operation *op;

  g_return_val_if_fail (SB_IS_KEYRING (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (task) == sb_keyring_probe_async, FALSE);

  op = g_task_get_task_data (task);
  if (g_task_propagate_boolean (task, &error))
    {
      if (reason != NULL)
        *reason = NULL;
      return TRUE;
    }

  if (reason != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        *reason = NULL;   /* the caller gave up; there is nothing to tell the person */
      else if (g_error_matches (error, SB_KEYRING_ERROR, SB_KEYRING_ERROR_UNAVAILABLE))
        *reason = g_strdup (_(reasons[op->reason].remember_me_off));
      else
        /* Translators: %s is what the keyring said went wrong */
        *reason = g_strdup_printf (_("“Remember me” is off because the system keyring failed: "
                                     "%s"), error->message);
    }
  return FALSE;
}

/**
 * sb_keyring_store_async:
 * @kind: what the secret is
 * @database_id: (nullable): the UUID of the database a session token signs in to (required
 *   for %SB_KEYRING_KIND_SESSION)
 * @account: the email address, or the SMTP account from sb_keyring_smtp_account()
 * @secret: the secret; copied, and wiped from the copy when done
 *
 * Stores @secret in the default keyring, replacing what was stored under the same kind,
 * database and account.
 */
void
sb_keyring_store_async (SbKeyring           *self,
                        SbKeyringKind        kind,
                        const char          *database_id,
                        const char          *account,
                        const char          *secret,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Operation *op;

  g_return_if_fail (SB_IS_KEYRING (self));
  g_return_if_fail (kind_is_valid (kind, database_id));
  g_return_if_fail (account != NULL);
  g_return_if_fail (secret != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = g_new0 (Operation, 1);
  op->kind = OP_STORE;
  op->attributes = make_attributes (kind, database_id, account);
  op->label = make_label (kind, account);
  op->secret = sb_secret_new (secret);
  operation_start (self, op, sb_keyring_store_async, cancellable, callback, user_data);
}

gboolean
sb_keyring_store_finish (SbKeyring     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (SB_IS_KEYRING (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sb_keyring_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sb_keyring_lookup_async:
 * @database_id: (nullable): the database's UUID (required for %SB_KEYRING_KIND_SESSION)
 * @account: (nullable): the account, or %NULL for any account of that kind and database
 *
 * Looks a secret up. Never prompts to unlock the keyring: a locked keyring is "unavailable".
 */
void
sb_keyring_lookup_async (SbKeyring           *self,
                         SbKeyringKind        kind,
                         const char          *database_id,
                         const char          *account,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  Operation *op;

  g_return_if_fail (SB_IS_KEYRING (self));
  g_return_if_fail (kind_is_valid (kind, database_id));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = g_new0 (Operation, 1);
  op->kind = OP_LOOKUP;
  op->attributes = make_attributes (kind, database_id, account);
  operation_start (self, op, sb_keyring_lookup_async, cancellable, callback, user_data);
}

/**
 * sb_keyring_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the secret when found; %NULL without an error when
 *   nothing is stored; %NULL with %SB_KEYRING_ERROR_UNAVAILABLE, %SB_KEYRING_ERROR_FAILED or
 *   %G_IO_ERROR_CANCELLED otherwise
 */
SbSecret *
sb_keyring_lookup_finish (SbKeyring     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (SB_IS_KEYRING (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sb_keyring_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sb_keyring_clear_async:
 * @database_id: (nullable): the database's UUID (required for %SB_KEYRING_KIND_SESSION)
 * @account: (nullable): the account, or %NULL for every account of that kind and database
 *
 * Removes the matching secrets. Finding none is not an error.
 */
void
sb_keyring_clear_async (SbKeyring           *self,
                        SbKeyringKind        kind,
                        const char          *database_id,
                        const char          *account,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Operation *op;

  g_return_if_fail (SB_IS_KEYRING (self));
  g_return_if_fail (kind_is_valid (kind, database_id));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = g_new0 (Operation, 1);
  op->kind = OP_CLEAR;
  op->attributes = make_attributes (kind, database_id, account);
  operation_start (self, op, sb_keyring_clear_async, cancellable, callback, user_data);
}

gboolean
sb_keyring_clear_finish (SbKeyring     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (SB_IS_KEYRING (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sb_keyring_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sb_keyring_smtp_account:
 * @username: the SMTP user name (may be empty)
 *
 * Returns: (transfer full): "@username@@host:@port", the keyring's account attribute
 */
char *
sb_keyring_smtp_account (const char *host,
                         guint16     port,
                         const char *username)
{
  g_return_val_if_fail (host != NULL, NULL);
  g_return_val_if_fail (username != NULL, NULL);

  return g_strdup_printf ("%s@%s:%u", username, host, (guint) port);
}

/**
 * sb_keyring_store_smtp_password_async:
 *
 * Stores the SMTP password in the keyring. When the keyring is unavailable the password is
 * held in this #SbKeyring's memory for the rest of the run instead (wiped when it goes), and
 * the call still succeeds: the finish function says where it went.
 */
void
sb_keyring_store_smtp_password_async (SbKeyring           *self,
                                      const char          *host,
                                      guint16              port,
                                      const char          *username,
                                      const char          *password,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SmtpData *smtp;

  g_return_if_fail (SB_IS_KEYRING (self));
  g_return_if_fail (host != NULL && username != NULL && password != NULL);

  task = smtp_task_new (self, host, port, username, password,
                        sb_keyring_store_smtp_password_async, cancellable, callback, user_data);
  smtp = g_task_get_task_data (task);
  sb_keyring_store_async (self, SB_KEYRING_KIND_SMTP, NULL, smtp->account, password,
                          cancellable, on_smtp_stored, g_object_ref (task));
}

/**
 * sb_keyring_store_smtp_password_finish:
 * @storage: (out) (optional): where the password went
 *
 * Returns: %TRUE when the password is kept (in the keyring or in memory)
 */
gboolean
sb_keyring_store_smtp_password_finish (SbKeyring        *self,
                                       GAsyncResult     *result,
                                       SbSecretStorage  *storage,
                                       GError          **error)
{
  gssize where;

  g_return_val_if_fail (SB_IS_KEYRING (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        sb_keyring_store_smtp_password_async, FALSE);

  where = g_task_propagate_int (G_TASK (result), error);
  if (where < 0)
    return FALSE;
  if (storage != NULL)
    *storage = (SbSecretStorage) where;
  return TRUE;
}

/**
 * sb_keyring_lookup_smtp_password_async:
 *
 * Finds the SMTP password: the copy held in memory for this run if there is one, otherwise
 * the keyring's.
 */
void
sb_keyring_lookup_smtp_password_async (SbKeyring           *self,
                                       const char          *host,
                                       guint16              port,
                                       const char          *username,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SmtpData *smtp;
  SbSecret *held;

  g_return_if_fail (SB_IS_KEYRING (self));
  g_return_if_fail (host != NULL && username != NULL);

  task = smtp_task_new (self, host, port, username, NULL,
                        sb_keyring_lookup_smtp_password_async, cancellable, callback, user_data);
  smtp = g_task_get_task_data (task);

  held = g_hash_table_lookup (self->held, smtp->account);
  if (held != NULL)
    {
      g_task_return_pointer (task, sb_secret_ref (held), (GDestroyNotify) sb_secret_unref);
      return;
    }

  sb_keyring_lookup_async (self, SB_KEYRING_KIND_SMTP, NULL, smtp->account, cancellable,
                           on_smtp_looked_up, g_object_ref (task));
}

/**
 * sb_keyring_lookup_smtp_password_finish:
 *
 * Returns: (transfer full) (nullable): the password; %NULL without an error when none is
 *   kept, and %NULL with %SB_KEYRING_ERROR_UNAVAILABLE when the keyring cannot be asked: in
 *   both cases ask the person, then store what they typed with
 *   sb_keyring_store_smtp_password_async() (which holds it in memory if need be)
 */
SbSecret *
sb_keyring_lookup_smtp_password_finish (SbKeyring     *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (SB_IS_KEYRING (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        sb_keyring_lookup_smtp_password_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sb_keyring_clear_smtp_password_async:
 *
 * Forgets the SMTP password: the copy held in memory at once, then the keyring's.
 */
void
sb_keyring_clear_smtp_password_async (SbKeyring           *self,
                                      const char          *host,
                                      guint16              port,
                                      const char          *username,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SmtpData *smtp;

  g_return_if_fail (SB_IS_KEYRING (self));
  g_return_if_fail (host != NULL && username != NULL);

  task = smtp_task_new (self, host, port, username, NULL,
                        sb_keyring_clear_smtp_password_async, cancellable, callback, user_data);
  smtp = g_task_get_task_data (task);

  g_hash_table_remove (self->held, smtp->account);
  sb_keyring_clear_async (self, SB_KEYRING_KIND_SMTP, NULL, smtp->account, cancellable,
                          on_smtp_cleared, g_object_ref (task));
}

gboolean
sb_keyring_clear_smtp_password_finish (SbKeyring     *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (SB_IS_KEYRING (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        sb_keyring_clear_smtp_password_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
