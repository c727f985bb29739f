/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sb-application.h"
#include "sb-demo.h"
#include "sb-keyring.h"
#include "sb-login-dialog.h"
#include "sb-outbox.h"
#include "sb-preferences-window.h"
#include "sb-session-store.h"
#include "sb-smtp-settings.h"
#include "sb-ui.h"
#include "sb-window.h"

/* Owns the database and the workspace; shows the login dialog until someone is signed in,
 * then the main window; back to the login dialog on sign-out. */
struct _SbApplication
{
  AdwApplication  parent_instance;

  /* From --database, absolute; NULL means the default location. */
  char           *database_path;
  /* --demo: a throw-away database in this folder, removed at shutdown. */
  gboolean        demo;
  char           *demo_dir;

  SbDatabase     *database;
  SbWorkspace    *workspace;
  SbKeyring      *keyring;
  SbSessionStore *session_store;
  /* The mail settings and the outbox; NULL when the settings schema is not installed. */
  GSettings      *settings;
  SbOutbox       *outbox;
  guint           settings_timeout_id;
  GCancellable   *cancellable;
  /* Why "Remember me" is off (no usable keyring), once the probe said so. */
  char           *keyring_reason;
  gboolean        keyring_probed;
  gboolean        keyring_available;
  /* Set while the remembered sign-in is being looked up at start. */
  gboolean        restoring;

  /* Weak: each window is owned by GTK's window list. */
  GtkWindow      *login_dialog;
  GtkWindow      *main_window;
};

G_DEFINE_FINAL_TYPE (SbApplication, sb_application, ADW_TYPE_APPLICATION)

static const GOptionEntry sb_application_options[] = {
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "database", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the board database at PATH instead of the default one"), N_("PATH") },
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Try Sprintboard on a throw-away database with sample projects, signed in as the "
       "demo manager"), NULL },
  { NULL }
};

/* The database the window works on: --database, or the default one under $XDG_DATA_HOME. */
static char *
sb_application_dup_database_path (SbApplication *self)
{
  if (self->database_path != NULL)
    return g_strdup (self->database_path);
  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "sprintboard.db", NULL);
}

static gboolean
open_database (SbApplication  *self,
               GError        **error)
{
  g_autofree char *path = NULL;
  gboolean fill_demo = FALSE;

  if (self->workspace != NULL)
    return TRUE;

  if (self->demo && self->database_path == NULL)
    {
      self->demo_dir = g_dir_make_tmp ("sprintboard-demo-XXXXXX", error);
      if (self->demo_dir == NULL)
        return FALSE;
      self->database_path = g_build_filename (self->demo_dir, "demo.db", NULL);
      fill_demo = TRUE;
    }

  path = sb_application_dup_database_path (self);
  self->database = sb_database_open (path, error);
  if (self->database == NULL)
    return FALSE;
  self->workspace = sb_workspace_new (self->database);

  if (fill_demo && !sb_demo_fill (self->workspace, error))
    return FALSE;
  return TRUE;
}

/* The SMTP password from the keyring (or this run's memory) goes to the outbox, which then
 * sends what is due. */
static void
on_smtp_password_looked_up (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(SbApplication) self = user_data;
  g_autoptr(SbSecret) password = NULL;
  g_autoptr(GError) error = NULL;

  password = sb_keyring_lookup_smtp_password_finish (SB_KEYRING (source), result, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No SMTP password from the keyring: %s", error->message);
  if (self->outbox == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  sb_outbox_set_password (self->outbox, password != NULL ? sb_secret_get_text (password) : NULL);
  sb_outbox_wake (self->outbox);
}

static void
load_smtp_settings (SbApplication *self)
{
  g_autoptr(SbSmtpSettings) smtp_settings = NULL;

  if (self->outbox == NULL)
    return;
  smtp_settings = sb_smtp_settings_new_from_gsettings (self->settings);
  sb_outbox_set_settings (self->outbox, smtp_settings);
  sb_keyring_lookup_smtp_password_async (self->keyring, sb_smtp_settings_get_host (smtp_settings),
                                         sb_smtp_settings_get_effective_port (smtp_settings),
                                         sb_smtp_settings_get_username (smtp_settings),
                                         self->cancellable, on_smtp_password_looked_up,
                                         g_object_ref (self));
}

static gboolean
on_settings_settled (gpointer user_data)
{
  SbApplication *self = user_data;

  self->settings_timeout_id = 0;
  load_smtp_settings (self);
  return G_SOURCE_REMOVE;
}

/* The Preferences write the settings as they are typed: read them (and look the matching
 * password up) once the typing has paused. A password belongs to its server and account, so
 * the outbox never keeps one across a change of either. */
static void
on_settings_changed (SbApplication *self)
{
  g_clear_handle_id (&self->settings_timeout_id, g_source_remove);
  self->settings_timeout_id = g_timeout_add (500, on_settings_settled, self);
}

/* Invites go out from the start: the outbox drains what earlier runs queued. The demo has no
 * server to send to and sends nothing. */
static void
start_outbox (SbApplication *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->outbox != NULL || self->demo)
    return;
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            SB_SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed: invites will not be sent",
                 SB_SETTINGS_SCHEMA_ID);
      return;
    }
  self->settings = g_settings_new (SB_SETTINGS_SCHEMA_ID);
  self->outbox = sb_outbox_new (self->database);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self,
                           G_CONNECT_SWAPPED);
  load_smtp_settings (self);
  sb_outbox_start (self->outbox);
}

typedef struct
{
  SbApplication       *self;
  SbPreferencesWindow *window;   /* weak */
} PasswordStore;

static void
on_smtp_password_stored (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  PasswordStore *data = user_data;
  g_autoptr(GError) error = NULL;
  SbSecretStorage storage = SB_SECRET_STORAGE_KEYRING;

  if (!sb_keyring_store_smtp_password_finish (SB_KEYRING (source), result, &storage, &error))
    g_warning ("Could not keep the SMTP password: %s", error->message);
  else if (data->window != NULL)
    sb_preferences_window_set_password_note (data->window,
                                             storage == SB_SECRET_STORAGE_KEYRING
                                             ? _("The password is kept in the system keyring.")
                                             : _("The system keyring is not available: the "
                                                 "password is kept in memory until Sprintboard "
                                                 "quits."));
  if (data->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (data->window), (gpointer *) &data->window);
  g_object_unref (data->self);
  g_free (data);
}

static void
on_preferences_password_applied (SbApplication       *self,
                                 const char          *password,
                                 SbPreferencesWindow *window)
{
  g_autoptr(SbSmtpSettings) smtp_settings = sb_smtp_settings_new_from_gsettings (self->settings);
  PasswordStore *data = g_new0 (PasswordStore, 1);

  if (self->outbox != NULL)
    {
      sb_outbox_set_password (self->outbox, *password != '\0' ? password : NULL);
      sb_outbox_wake (self->outbox);
    }

  /* An empty password forgets the one kept for this server and account. */
  if (*password == '\0')
    {
      g_free (data);
      sb_keyring_clear_smtp_password_async (self->keyring,
                                            sb_smtp_settings_get_host (smtp_settings),
                                            sb_smtp_settings_get_effective_port (smtp_settings),
                                            sb_smtp_settings_get_username (smtp_settings),
                                            self->cancellable, NULL, NULL);
      return;
    }

  data->self = g_object_ref (self);
  data->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &data->window);
  sb_keyring_store_smtp_password_async (self->keyring, sb_smtp_settings_get_host (smtp_settings),
                                        sb_smtp_settings_get_effective_port (smtp_settings),
                                        sb_smtp_settings_get_username (smtp_settings),
                                        password, self->cancellable, on_smtp_password_stored,
                                        data);
}

static void
on_preferences_password_looked_up (GObject      *source,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  g_autoptr(GtkWidget) window = g_weak_ref_get (user_data);
  g_autoptr(SbSecret) password = NULL;

  password = sb_keyring_lookup_smtp_password_finish (SB_KEYRING (source), result, NULL);
  if (window != NULL && password != NULL)
    sb_preferences_window_set_password (SB_PREFERENCES_WINDOW (window),
                                        sb_secret_get_text (password));
  g_weak_ref_clear (user_data);
  g_free (user_data);
}

static void
on_window_show_preferences (SbApplication *self,
                            SbWindow      *window)
{
  SbEmployee *employee = sb_workspace_get_current_employee (self->workspace);
  GtkWidget *preferences;
  g_autoptr(SbSmtpClient) client = NULL;

  if (self->settings == NULL || employee == NULL)
    {
      sb_window_add_toast (window, sb_ui_toast_new (self->demo
                                                  ? _("The demo sends no email")
                                                  : _("Email settings are not installed")));
      return;
    }

  client = self->outbox != NULL ? g_object_ref (sb_outbox_get_client (self->outbox))
                                : sb_smtp_client_new ();
  preferences = sb_preferences_window_new (self->settings, client,
                                           sb_employee_get_email (employee));
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  g_signal_connect_object (preferences, "password-applied",
                           G_CALLBACK (on_preferences_password_applied), self, G_CONNECT_SWAPPED);

  /* The kept password, for "Send a Test Email" (the entry itself stays empty). */
  {
    g_autoptr(SbSmtpSettings) smtp_settings = sb_smtp_settings_new_from_gsettings (self->settings);
    GWeakRef *weak = g_new0 (GWeakRef, 1);

    g_weak_ref_init (weak, preferences);
    sb_keyring_lookup_smtp_password_async (self->keyring,
                                           sb_smtp_settings_get_host (smtp_settings),
                                           sb_smtp_settings_get_effective_port (smtp_settings),
                                           sb_smtp_settings_get_username (smtp_settings),
                                           self->cancellable, on_preferences_password_looked_up,
                                           weak);
  }
  gtk_window_present (GTK_WINDOW (preferences));
}

static void show_login_dialog (SbApplication *self);

static void
on_sign_out_finished (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SbApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Fails only when the database cannot sign out; the keyring's problems are its own. */
  if (!sb_session_store_sign_out_finish (SB_SESSION_STORE (source), result, &error))
    g_warning ("Signing out failed: %s", error->message);
  show_login_dialog (self);
  if (self->main_window != NULL)
    gtk_window_destroy (self->main_window);
  g_application_release (G_APPLICATION (self));
}

/* Sign out: the database session and the remembered token (database and keyring) go. */
static void
on_window_sign_out_requested (SbApplication *self)
{
  g_application_hold (G_APPLICATION (self));
  sb_session_store_sign_out_async (self->session_store, self->cancellable,
                                   on_sign_out_finished, g_object_ref (self));
}

static void
show_main_window (SbApplication *self)
{
  SbWindow *window;

  if (self->main_window != NULL)
    {
      gtk_window_present (self->main_window);
      return;
    }

  window = sb_window_new (GTK_APPLICATION (self), self->workspace);
  sb_window_set_outbox (window, self->outbox);
  g_signal_connect_object (window, "show-preferences",
                           G_CALLBACK (on_window_show_preferences), self, G_CONNECT_SWAPPED);
  self->main_window = GTK_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->main_window);
  g_signal_connect_object (window, "sign-out-requested",
                           G_CALLBACK (on_window_sign_out_requested), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_remember_finished (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SbApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  /* The token was revoked again when the keyring could not take it: the person stays signed
   * in for this run only, which is all a toast needs to say. */
  if (!sb_session_store_remember_finish (SB_SESSION_STORE (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && self->main_window != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("You will have to sign in again next time: %s"),
                                               error->message);

      sb_window_add_toast (SB_WINDOW (self->main_window), sb_ui_toast_new (text));
    }
  g_application_release (G_APPLICATION (self));
}

static void
on_login_dialog_signed_in (SbApplication *self,
                           gboolean       remember)
{
  GtkWindow *dialog = self->login_dialog;

  show_main_window (self);
  if (dialog != NULL)
    gtk_window_destroy (dialog);

  if (remember)
    {
      g_application_hold (G_APPLICATION (self));
      sb_session_store_remember_async (self->session_store, self->cancellable,
                                       on_remember_finished, g_object_ref (self));
    }
}

static void
update_login_dialog_keyring (SbApplication *self)
{
  if (self->login_dialog != NULL && self->keyring_probed)
    sb_login_dialog_set_remember_available (SB_LOGIN_DIALOG (self->login_dialog),
                                            self->keyring_available, self->keyring_reason);
}

static void
on_keyring_probed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SbApplication) self = user_data;
  g_autofree char *reason = NULL;

  self->keyring_available = sb_keyring_probe_finish (SB_KEYRING (source), result, &reason);
  if (reason != NULL)
    {
      self->keyring_probed = TRUE;
      g_free (self->keyring_reason);
      self->keyring_reason = g_steal_pointer (&reason);
    }
  else
    {
      self->keyring_probed = self->keyring_available;
    }
  update_login_dialog_keyring (self);
}

static void
show_login_dialog (SbApplication *self)
{
  GtkWidget *dialog;

  if (self->login_dialog != NULL)
    {
      gtk_window_present (self->login_dialog);
      return;
    }

  dialog = sb_login_dialog_new (self->workspace);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  self->login_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->login_dialog);
  update_login_dialog_keyring (self);
  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (on_login_dialog_signed_in), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A window that says why the database could not be opened. */
static void
show_error_window (SbApplication *self,
                   const GError  *error)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status_page = adw_status_page_new ();
  /* The description is markup; the message (with a file's path in it) is text. */
  g_autofree char *description = g_markup_escape_text (error->message, -1);

  gtk_window_set_title (GTK_WINDOW (window), _("Sprintboard"));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 420);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status_page), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status_page),
                             _("The Board Database Could Not Be Opened"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status_page), description);
  gtk_widget_set_vexpand (status_page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status_page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static int
sb_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  SbApplication *self = SB_APPLICATION (application);
  const char    *database_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &database_path))
    {
      if (database_path[0] == '\0')
        {
          g_printerr ("%s\n", _("--database needs a file name"));
          return EXIT_FAILURE;
        }
      /* Made absolute now, while the working directory is still the caller's. */
      sb_application_set_database_path (self, database_path);
    }

  if (g_variant_dict_contains (options, "demo"))
    {
      if (database_path != NULL)
        {
          g_printerr ("%s\n", _("--demo makes its own database; leave out --database"));
          return EXIT_FAILURE;
        }
      self->demo = TRUE;
      /* A demo never joins (or becomes) the instance that holds the user's own boards. */
      g_application_set_flags (application,
                               g_application_get_flags (application)
                               | G_APPLICATION_NON_UNIQUE);
    }

  /* Go on: register, then activate here or in the running instance. */
  return -1;
}

static void
sb_application_startup (GApplication *application)
{
  /* Before AdwApplication's startup, which loads style.css from the resources. */
  sb_ui_init ();

  G_APPLICATION_CLASS (sb_application_parent_class)->startup (application);
}

static void
on_restore_finished (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SbApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  SbSessionRestore restore;

  restore = sb_session_store_restore_finish (SB_SESSION_STORE (source), result, &error);
  self->restoring = FALSE;
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No remembered sign-in: %s", error->message);

  if (restore == SB_SESSION_RESTORE_SIGNED_IN)
    show_main_window (self);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_login_dialog (self);
  g_application_release (G_APPLICATION (self));
}

static void
sb_application_activate (GApplication *application)
{
  SbApplication *self = SB_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  if (self->restoring)
    return;   /* a window comes when the keyring answers */
  if (self->main_window != NULL || self->login_dialog != NULL)
    {
      gtk_window_present (self->main_window != NULL ? self->main_window : self->login_dialog);
      return;
    }

  if (!open_database (self, &error))
    {
      show_error_window (self, error);
      return;
    }

  start_outbox (self);
  if (self->session_store == NULL)
    {
      self->session_store = sb_session_store_new (self->workspace, self->keyring);
      if (self->demo)
        {
          /* A throw-away database has nothing worth a token in the user's keyring. */
          self->keyring_probed = TRUE;
          self->keyring_reason = g_strdup (_("The demo does not remember sign-ins."));
        }
      else
        {
          sb_keyring_probe_async (self->keyring, self->cancellable, on_keyring_probed,
                                  g_object_ref (self));
        }
    }

  if (sb_workspace_get_current_employee (self->workspace) != NULL)
    {
      show_main_window (self);
      return;
    }

  /* A remembered sign-in first (bounded by the keyring's timeout), else the login dialog. */
  self->restoring = TRUE;
  g_application_hold (application);
  sb_session_store_restore_async (self->session_store, self->cancellable, on_restore_finished,
                                  g_object_ref (self));
}

static void
sb_application_shutdown (GApplication *application)
{
  SbApplication *self = SB_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->settings_timeout_id, g_source_remove);
  if (self->outbox != NULL)
    sb_outbox_stop (self->outbox);
  G_APPLICATION_CLASS (sb_application_parent_class)->shutdown (application);

  g_clear_object (&self->session_store);
  g_clear_object (&self->workspace);
  g_clear_object (&self->database);
  if (self->demo_dir != NULL)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (self->database_path, suffixes[i], NULL);

          g_unlink (file);
        }
      g_rmdir (self->demo_dir);
    }
}

static void
sb_application_finalize (GObject *object)
{
  SbApplication *self = SB_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->demo_dir, g_free);
  g_clear_pointer (&self->keyring_reason, g_free);
  g_clear_handle_id (&self->settings_timeout_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session_store);
  g_clear_object (&self->outbox);
  g_clear_object (&self->settings);
  g_clear_object (&self->keyring);
  g_clear_object (&self->workspace);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sb_application_parent_class)->finalize (object);
}

static void
sb_application_class_init (SbApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sb_application_finalize;

  application_class->handle_local_options = sb_application_handle_local_options;
  application_class->startup = sb_application_startup;
  application_class->activate = sb_application_activate;
  application_class->shutdown = sb_application_shutdown;
}

static void
sb_application_init (SbApplication *self)
{
  self->cancellable = g_cancellable_new ();
  self->keyring = sb_keyring_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), sb_application_options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A scrum board for the GNOME desktop."));
}

/**
 * sb_application_new:
 *
 * Returns: (transfer full): the application, not yet running
 */
SbApplication *
sb_application_new (void)
{
  return g_object_new (SB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* The same resources for the .Devel build. */
                       "resource-base-path", "/io/github/sprintboard/Sprintboard",
                       NULL);
}

/**
 * sb_application_get_database_path:
 * @self: the application
 *
 * Returns: (nullable): the absolute path given with `--database`, or %NULL for the default
 */
const char *
sb_application_get_database_path (SbApplication *self)
{
  g_return_val_if_fail (SB_IS_APPLICATION (self), NULL);

  return self->database_path;
}

/**
 * sb_application_set_database_path:
 * @path: (nullable): a database file; relative to the working directory if not absolute
 *
 * What `--database` sets. Takes effect when the application is activated.
 */
void
sb_application_set_database_path (SbApplication *self,
                                  const char    *path)
{
  g_return_if_fail (SB_IS_APPLICATION (self));

  g_free (self->database_path);
  self->database_path = path != NULL ? g_canonicalize_filename (path, NULL) : NULL;
}

/**
 * sb_application_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace, once activated
 */
SbWorkspace *
sb_application_get_workspace (SbApplication *self)
{
  g_return_val_if_fail (SB_IS_APPLICATION (self), NULL);

  return self->workspace;
}

/**
 * sb_application_get_keyring:
 *
 * Returns: (transfer none): the keyring (remember-me tokens, the SMTP password)
 */
SbKeyring *
sb_application_get_keyring (SbApplication *self)
{
  g_return_val_if_fail (SB_IS_APPLICATION (self), NULL);

  return self->keyring;
}

/**
 * sb_application_get_restoring:
 *
 * Returns: whether the remembered sign-in is still being looked up
 */
gboolean
sb_application_get_restoring (SbApplication *self)
{
  g_return_val_if_fail (SB_IS_APPLICATION (self), FALSE);

  return self->restoring;
}

/**
 * sb_application_get_login_dialog:
 *
 * Returns: (transfer none) (nullable): the login dialog while it is shown
 */
GtkWindow *
sb_application_get_login_dialog (SbApplication *self)
{
  g_return_val_if_fail (SB_IS_APPLICATION (self), NULL);

  return self->login_dialog;
}

/**
 * sb_application_get_main_window:
 *
 * Returns: (transfer none) (nullable): the main window while it is shown
 */
GtkWindow *
sb_application_get_main_window (SbApplication *self)
{
  g_return_val_if_fail (SB_IS_APPLICATION (self), NULL);

  return self->main_window;
}
