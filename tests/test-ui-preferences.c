/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* The Preferences: the SMTP settings bound to GSettings (the memory backend), the password
 * handed over and never shown, and "Send a Test Email" against the session's SMTP server. */

#include "config.h"

#include "sb-preferences-window.h"
#include "sb-smtp-settings.h"
#include "sb-test-smtp.h"
#include "sb-ui-test-util.h"

typedef struct
{
  GSettings           *settings;
  SbSmtpClient        *client;
  SbPreferencesWindow *window;
  char                *applied;
} Fixture;

static void
on_password_applied (SbPreferencesWindow *window,
                     const char          *password,
                     Fixture             *fixture)
{
  g_free (fixture->applied);
  fixture->applied = g_strdup (password);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  user_data)
{
  fixture->settings = g_settings_new (SB_SETTINGS_SCHEMA_ID);
  fixture->client = sb_smtp_client_new ();
  sb_smtp_client_set_timeouts (fixture->client, 5, 5);
  fixture->window = SB_PREFERENCES_WINDOW (sb_preferences_window_new (fixture->settings,
                                                                      fixture->client,
                                                                      "dana@example.org"));
  g_signal_connect (fixture->window, "password-applied", G_CALLBACK (on_password_applied),
                    fixture);
  sb_ui_test_show_window (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const char *keys[] = { "smtp-host", "smtp-port", "smtp-security", "smtp-username",
                         "sender-address", "sender-name" };

  sb_ui_test_destroy_window (GTK_WINDOW (fixture->window));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->applied, g_free);
}

static GtkWidget *
find (Fixture    *fixture,
      const char *id)
{
  GtkWidget *widget = sb_ui_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_WIDGET, id);

  g_assert_nonnull (widget);
  return widget;
}

static void
set_text (Fixture    *fixture,
          const char *id,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, id)), text);
}

/* What is typed is the setting at once; a port that is not a number is marked and not
 * taken. */
static void
test_settings_bound (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *host = NULL;
  g_autofree char *shot = NULL;

  set_text (fixture, "host_row", "smtp.example.org");
  host = g_settings_get_string (fixture->settings, "smtp-host");
  g_assert_cmpstr (host, ==, "smtp.example.org");

  set_text (fixture, "port_row", "2525");
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "smtp-port"), ==, 2525);
  set_text (fixture, "port_row", "25x");
  g_assert_true (gtk_widget_has_css_class (find (fixture, "port_row"), "error"));
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "smtp-port"), ==, 2525);
  set_text (fixture, "port_row", "");
  g_assert_false (gtk_widget_has_css_class (find (fixture, "port_row"), "error"));
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "smtp-port"), ==, 0);

  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find (fixture, "security_row"))),
                    ==, SB_SMTP_SECURITY_TLS);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (fixture, "security_row")),
                              SB_SMTP_SECURITY_STARTTLS);
  g_assert_cmpint (g_settings_get_enum (fixture->settings, "smtp-security"), ==,
                   SB_SMTP_SECURITY_STARTTLS);

  /* And the other way: a setting changed elsewhere shows. */
  g_settings_set_string (fixture->settings, "sender-name", "Board Bot");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "sender_name_row"))), ==,
                   "Board Bot");
  shot = sb_ui_test_screenshot (GTK_WIDGET (fixture->window), "preferences");
}

/* Applying the password hands it over and empties the entry: it is never shown again. */
static void
test_password_applied (Fixture       *fixture,
                       gconstpointer  user_data)
{
  set_text (fixture, "password_row", "hunter2 but longer");
  g_signal_emit_by_name (find (fixture, "password_row"), "apply");
  g_assert_cmpstr (fixture->applied, ==, "hunter2 but longer");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "password_row"))), ==, "");
  g_assert_null (g_settings_get_user_value (fixture->settings, "smtp-username"));

  sb_preferences_window_set_password_note (fixture->window, "Kept in memory.");
  g_assert_true (gtk_widget_get_visible (sb_ui_test_find_widget (GTK_WIDGET (fixture->window),
                                                                 GTK_TYPE_LABEL,
                                                                 "Kept in memory.")));
}

static gboolean
not_busy (gpointer data)
{
  return !sb_preferences_window_get_busy (data);
}

static void
configure_server (Fixture    *fixture,
                  const char *password)
{
  g_autoptr(SbSmtpSettings) server = sb_test_smtp_server_settings (SB_SMTP_SECURITY_STARTTLS);
  g_autofree char *port = g_strdup_printf ("%u", sb_smtp_settings_get_port (server));

  sb_test_smtp_trust_server (fixture->client);
  set_text (fixture, "host_row", sb_smtp_settings_get_host (server));
  set_text (fixture, "port_row", port);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (fixture, "security_row")),
                              SB_SMTP_SECURITY_STARTTLS);
  set_text (fixture, "username_row", sb_smtp_settings_get_username (server));
  set_text (fixture, "sender_address_row", SB_TEST_SENDER);
  set_text (fixture, "password_row", password);
  g_signal_emit_by_name (find (fixture, "password_row"), "apply");
}

/* Send a Test Email through the session's server (STARTTLS + AUTH): it arrives, and the
 * window says where it went. */
static void
test_send_test_email (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *envelope = NULL;

  if (!sb_test_smtp_require_server ())
    return;
  before = sb_test_smtp_find_messages ("dana@example.org");
  configure_server (fixture, sb_test_smtp_server_password ());

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "preferences.send-test-email", NULL));
  g_assert_true (sb_preferences_window_get_busy (fixture->window));
  g_assert_true (sb_ui_test_wait_until (not_busy, fixture->window, 20000));
  g_assert_cmpstr (sb_preferences_window_get_test_result (fixture->window), ==,
                   "Sent to dana@example.org");

  after = sb_test_smtp_find_messages ("dana@example.org");
  g_assert_cmpuint (after->len, ==, before->len + 1);
  envelope = sb_test_smtp_read_envelope (g_ptr_array_index (after, after->len - 1));
  g_assert_nonnull (strstr (envelope, "dana@example.org"));
}

/* A wrong password: the server's own words are shown, nothing arrives. */
static void
test_send_test_email_refused (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  const char *result;

  if (!sb_test_smtp_require_server ())
    return;
  before = sb_test_smtp_find_messages ("dana@example.org");
  configure_server (fixture, "not the password");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "preferences.send-test-email", NULL));
  g_assert_true (sb_ui_test_wait_until (not_busy, fixture->window, 20000));
  result = sb_preferences_window_get_test_result (fixture->window);
  g_assert_true (g_str_has_prefix (result, "Not sent: "));
  g_assert_nonnull (strstr (result, "535"));
  after = sb_test_smtp_find_messages ("dana@example.org");
  g_assert_cmpuint (after->len, ==, before->len);
}

/* The password belongs to the server it was given for: after a change of port (here to the
 * same server's implicit-TLS listener, where it would work) it is not sent, and the test
 * email is refused for want of it. */
static void
test_password_not_sent_elsewhere (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(SbSmtpSettings) tls = NULL;
  g_autofree char *port = NULL;

  if (!sb_test_smtp_require_server ())
    return;
  configure_server (fixture, sb_test_smtp_server_password ());
  tls = sb_test_smtp_server_settings (SB_SMTP_SECURITY_TLS);
  port = g_strdup_printf ("%u", sb_smtp_settings_get_port (tls));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (fixture, "security_row")),
                              SB_SMTP_SECURITY_TLS);
  set_text (fixture, "port_row", port);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "preferences.send-test-email", NULL));
  g_assert_true (sb_ui_test_wait_until (not_busy, fixture->window, 20000));
  g_assert_true (g_str_has_prefix (sb_preferences_window_get_test_result (fixture->window),
                                   "Not sent: "));

  /* Given again for this server, it goes. */
  set_text (fixture, "password_row", sb_test_smtp_server_password ());
  g_signal_emit_by_name (find (fixture, "password_row"), "apply");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "preferences.send-test-email", NULL));
  g_assert_true (sb_ui_test_wait_until (not_busy, fixture->window, 20000));
  g_assert_cmpstr (sb_preferences_window_get_test_result (fixture->window), ==,
                   "Sent to dana@example.org");
}

/* No server configured: refused at once, with a sentence. */
static void
test_send_test_email_unconfigured (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "preferences.send-test-email", NULL));
  g_assert_true (sb_ui_test_wait_until (not_busy, fixture->window, 20000));
  g_assert_true (g_str_has_prefix (sb_preferences_window_get_test_result (fixture->window),
                                   "Not sent: "));
}

/* An address is text, not markup: "&" is allowed in one (RFC 5321 atext) and shows as it is,
 * with no warning (G_DEBUG=fatal-warnings) and no blank row. */
static void
test_address_not_markup (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SB_SETTINGS_SCHEMA_ID);
  g_autoptr(SbSmtpClient) client = sb_smtp_client_new ();
  GtkWidget *window = sb_preferences_window_new (settings, client, "r&d<1>@example.org");

  sb_ui_test_show_window (GTK_WINDOW (window));
  g_assert_nonnull (sb_ui_test_find_widget (window, GTK_TYPE_LABEL,
                                            "Sends a short message to r&d<1>@example.org with "
                                            "these settings."));
  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  sb_ui_test_init (&argc, &argv);

  g_test_add ("/ui/preferences/settings-bound", Fixture, NULL, fixture_setup,
              test_settings_bound, fixture_teardown);
  g_test_add ("/ui/preferences/password-applied", Fixture, NULL, fixture_setup,
              test_password_applied, fixture_teardown);
  g_test_add ("/ui/preferences/send-test-email", Fixture, NULL, fixture_setup,
              test_send_test_email, fixture_teardown);
  g_test_add ("/ui/preferences/send-test-email-refused", Fixture, NULL, fixture_setup,
              test_send_test_email_refused, fixture_teardown);
  g_test_add ("/ui/preferences/password-not-sent-elsewhere", Fixture, NULL, fixture_setup,
              test_password_not_sent_elsewhere, fixture_teardown);
  g_test_add ("/ui/preferences/send-test-email-unconfigured", Fixture, NULL, fixture_setup,
              test_send_test_email_unconfigured, fixture_teardown);
  g_test_add_func ("/ui/preferences/address-not-markup", test_address_not_markup);

  return g_test_run ();
}
