/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n.h>

#include "sb-keyring.h"
#include "sb-mail-message.h"
#include "sb-preferences-window.h"
#include "sb-secret.h"
#include "sb-smtp-settings.h"

/* The SMTP settings (GSettings, applied as typed), the password (given to whoever listens to
 * ::password-applied, which keeps it in the keyring) and "Send a Test Email" with its
 * result. */
struct _SbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  SbSmtpClient         *client;
  char                 *test_recipient;
  /* The password the test email uses: the one applied here, or the one the keyring gave. */
  SbSecret             *password;
  /* The server and account @password belongs to (user@host:port): never sent to another. */
  char                 *password_account;
  GCancellable         *cancellable;
  char                 *test_result;
  gboolean              busy;

  AdwEntryRow          *host_row;
  AdwComboRow          *security_row;
  AdwEntryRow          *port_row;
  AdwEntryRow          *username_row;
  AdwEntryRow          *password_row;
  GtkLabel             *password_note;
  AdwEntryRow          *sender_address_row;
  AdwEntryRow          *sender_name_row;
  AdwActionRow         *test_row;
  GtkSpinner           *test_spinner;
};

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum
{
  PASSWORD_APPLIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbPreferencesWindow, sb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
get_port_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  guint32 port = g_variant_get_uint32 (variant);
  g_autofree char *text = port != 0 ? g_strdup_printf ("%u", port) : g_strdup ("");

  g_value_set_string (value, text);
  return TRUE;
}

static GVariant *
set_port_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char *text = g_value_get_string (value);
  guint64 port = 0;

  if (text != NULL && *text != '\0'
      && !g_ascii_string_to_unsigned (text, 10, 1, 65535, &port, NULL))
    return NULL;   /* not a port: the setting keeps its value */
  return g_variant_new_uint32 ((guint32) port);
}

static gboolean
get_security_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_str_equal (nick, "none") ? SB_SMTP_SECURITY_NONE
                           : g_str_equal (nick, "starttls") ? SB_SMTP_SECURITY_STARTTLS
                           : SB_SMTP_SECURITY_TLS);
  return TRUE;
}

static GVariant *
set_security_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  static const char *nicks[] = { "none", "starttls", "tls" };
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (nicks))
    return NULL;
  return g_variant_new_string (nicks[selected]);
}

static void
on_port_row_changed (SbPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->port_row));
  guint64 port;

  if (*text == '\0' || g_ascii_string_to_unsigned (text, 10, 1, 65535, &port, NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (self->port_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->port_row), "error");
}

static void
on_password_row_apply (SbPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  sb_preferences_window_set_password (self, text);
  g_signal_emit (self, signals[PASSWORD_APPLIED], 0, text);
  /* The entry does not keep the password once it is handed over. */
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}

static void
set_busy (SbPreferencesWindow *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), busy);
  gtk_spinner_set_spinning (self->test_spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.send-test-email", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_test_result (SbPreferencesWindow *self,
                  const char          *result,
                  gboolean             ok)
{
  g_free (self->test_result);
  self->test_result = g_strdup (result);
  adw_action_row_set_subtitle (self->test_row, result);
  if (ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->test_row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->test_row), "success");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->test_row), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->test_row), "error");
    }
}

static void
on_send_finished (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SbPreferencesWindow) self = user_data;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  refused = sb_smtp_client_send_finish (SB_SMTP_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (refused == NULL)
    {
      /* Translators: %s is what went wrong, often the server's own words. */
      text = g_strdup_printf (_("Not sent: %s"), error->message);
      show_test_result (self, text, FALSE);
      return;
    }
  if (refused->len > 0)
    {
      SbSmtpRecipient *recipient = g_ptr_array_index (refused, 0);

      text = g_strdup_printf (_("Not sent: %s"), recipient->reply);
      show_test_result (self, text, FALSE);
      return;
    }
  /* Translators: %s is an email address. */
  text = g_strdup_printf (_("Sent to %s"), self->test_recipient);
  show_test_result (self, text, TRUE);
}

static char *
dup_account (SbSmtpSettings *settings)
{
  return sb_keyring_smtp_account (sb_smtp_settings_get_host (settings),
                                  sb_smtp_settings_get_effective_port (settings),
                                  sb_smtp_settings_get_username (settings));
}

static void
send_test_email_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SbPreferencesWindow *self = SB_PREFERENCES_WINDOW (widget);
  g_autoptr(SbSmtpSettings) smtp_settings = NULL;
  g_autoptr(SbMailMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;
  const char *password = NULL;

  smtp_settings = sb_smtp_settings_new_from_gsettings (self->settings);
  account = dup_account (smtp_settings);
  message = sb_mail_message_new_test (smtp_settings, self->test_recipient, &error);
  if (message == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Not sent: %s"), error->message);

      show_test_result (self, text, FALSE);
      return;
    }

  set_busy (self, TRUE);
  adw_action_row_set_subtitle (self->test_row, _("Sending…"));
  if (self->password != NULL && g_strcmp0 (account, self->password_account) == 0)
    password = sb_secret_get_text (self->password);
  sb_smtp_client_send_async (self->client, smtp_settings, password, message, self->cancellable,
                             on_send_finished, g_object_ref (self));
}

static void
sb_preferences_window_dispose (GObject *object)
{
  SbPreferencesWindow *self = SB_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (sb_preferences_window_parent_class)->dispose (object);
}

static void
sb_preferences_window_finalize (GObject *object)
{
  SbPreferencesWindow *self = SB_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->password, sb_secret_unref);
  g_clear_pointer (&self->password_account, g_free);
  g_clear_pointer (&self->test_recipient, g_free);
  g_clear_pointer (&self->test_result, g_free);

  G_OBJECT_CLASS (sb_preferences_window_parent_class)->finalize (object);
}

static void
sb_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SbPreferencesWindow *self = SB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_preferences_window_class_init (SbPreferencesWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_preferences_window_dispose;
  object_class->finalize = sb_preferences_window_finalize;
  object_class->get_property = sb_preferences_window_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbPreferencesWindow::password-applied:
   * @password: the SMTP password just typed (empty: forget it)
   *
   * The listener keeps it (the keyring, or memory for this run).
   */
  signals[PASSWORD_APPLIED] =
    g_signal_new ("password-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sprintboard/Sprintboard/"
                                               "sb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, host_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, security_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, port_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, username_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, password_note);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, sender_address_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, sender_name_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, test_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, test_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_port_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_apply);

  gtk_widget_class_install_action (widget_class, "preferences.send-test-email", NULL,
                                   send_test_email_action);
}

static void
sb_preferences_window_init (SbPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sb_preferences_window_new:
 * @settings: the app's GSettings (schema %SB_SETTINGS_SCHEMA_ID)
 * @client: the SMTP client that sends the test email
 * @test_recipient: where the test email goes (the signed-in employee)
 *
 * Returns: (transfer floating): the window, not yet shown
 */
GtkWidget *
sb_preferences_window_new (GSettings    *settings,
                           SbSmtpClient *client,
                           const char   *test_recipient)
{
  SbPreferencesWindow *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (SB_IS_SMTP_CLIENT (client), NULL);
  g_return_val_if_fail (test_recipient != NULL, NULL);

  self = g_object_new (SB_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  self->client = g_object_ref (client);
  self->test_recipient = g_strdup (test_recipient);

  g_settings_bind (settings, "smtp-host", self->host_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "smtp-port", self->port_row, "text",
                                G_SETTINGS_BIND_DEFAULT, get_port_mapping, set_port_mapping,
                                NULL, NULL);
  g_settings_bind_with_mapping (settings, "smtp-security", self->security_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_security_mapping,
                                set_security_mapping, NULL, NULL);
  g_settings_bind (settings, "smtp-username", self->username_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sender-address", self->sender_address_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sender-name", self->sender_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);

  /* Translators: %s is an email address. */
  description = g_strdup_printf (_("Sends a short message to %s with these settings."),
                                 test_recipient);
  adw_action_row_set_subtitle (self->test_row, description);
  return GTK_WIDGET (self);
}

/**
 * sb_preferences_window_set_password:
 * @password: (nullable): the SMTP password the keyring gave, for the test email
 *
 * Copied into wiped memory; the entry stays empty (the password is never shown). It belongs
 * to the server and account set now: the test email does not send it to another.
 */
void
sb_preferences_window_set_password (SbPreferencesWindow *self,
                                    const char          *password)
{
  g_autoptr(SbSmtpSettings) smtp_settings = NULL;

  g_return_if_fail (SB_IS_PREFERENCES_WINDOW (self));

  g_clear_pointer (&self->password, sb_secret_unref);
  g_clear_pointer (&self->password_account, g_free);
  if (password == NULL || *password == '\0')
    return;
  smtp_settings = sb_smtp_settings_new_from_gsettings (self->settings);
  self->password = sb_secret_new (password);
  self->password_account = dup_account (smtp_settings);
}

/**
 * sb_preferences_window_set_password_note:
 * @note: where the password is kept, e.g. why only in memory
 */
void
sb_preferences_window_set_password_note (SbPreferencesWindow *self,
                                         const char          *note)
{
  g_return_if_fail (SB_IS_PREFERENCES_WINDOW (self));

  gtk_label_set_text (self->password_note, note);
}

gboolean
sb_preferences_window_get_busy (SbPreferencesWindow *self)
{
  g_return_val_if_fail (SB_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->busy;
}

/**
 * sb_preferences_window_get_test_result:
 *
 * Returns: (nullable): what the last test email's result line says
 */
const char *
sb_preferences_window_get_test_result (SbPreferencesWindow *self)
{
  g_return_val_if_fail (SB_IS_PREFERENCES_WINDOW (self), NULL);

  return self->test_result;
}
