/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* SbMailMessage, SbSmtpSettings and SbSmtpClient: against the session's real SMTP server
 * (aiosmtpd on loopback, STARTTLS and implicit TLS with AUTH) and against a scripted peer
 * that misbehaves on purpose. */

#include "config.h"

#include <string.h>

#include "sb-test-smtp.h"
#include "sb-test-util.h"

/* Helpers */

static SbInvite *
claim_invite (SbTestFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SbInvite *invite;

  sb_test_create_project (fixture, TRUE);
  invite = sb_invite_queue_claim_next (fixture->db, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_nonnull (invite);
  return invite;
}

/* Writes @bytes to a file of the test's own and parses it back with Python's email package. */
static GKeyFile *
parse_bytes (GBytes *bytes)
{
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "message.eml", NULL);
  g_autoptr(GError) error = NULL;
  GKeyFile *parsed;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  parsed = sb_test_smtp_parse (path);
  sb_test_rm_rf (dir);
  return parsed;
}

static char *
get_string (GKeyFile   *keyfile,
            const char *group,
            const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = g_key_file_get_string (keyfile, group, key, &error);

  g_assert_no_error (error);
  return value;
}

/* A part's decoded text with LF line ends. */
static char *
get_part_text (GKeyFile *keyfile,
               guint     part)
{
  g_autofree char *key = g_strdup_printf ("part%u-text", part);
  g_autofree char *text = get_string (keyfile, "mime", key);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  return g_strjoinv ("\n", lines);
}

static void
assert_well_formed (GKeyFile *parsed)
{
  g_assert_cmpint (g_key_file_get_integer (parsed, "lines", "longest", NULL), <=, 78);
  g_assert_cmpint (g_key_file_get_integer (parsed, "lines", "bare-lf", NULL), ==, 0);
  g_assert_cmpint (g_key_file_get_integer (parsed, "lines", "bare-cr", NULL), ==, 0);
}

static SbMailMessage *
make_message (const char *message_id)
{
  SbMailMessage *message = sb_mail_message_new ();

  sb_mail_message_set_from (message, SB_TEST_SENDER, "Sprintboard Tests");
  sb_mail_message_add_to (message, "milo@example.org", "Milo Member");
  sb_mail_message_set_subject (message, "A test");
  sb_mail_message_set_body (message, "Hello.\n", NULL);
  if (message_id != NULL)
    sb_mail_message_set_message_id (message, message_id);
  return message;
}

static char *
unique_message_id (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strdup_printf ("%s@example.org", uuid);
}

/* The message */

static void
test_message_invite (SbTestFixture *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(SbInvite) invite = claim_invite (fixture);
  g_autoptr(SbSmtpSettings) settings = sb_smtp_settings_new ("mail.example.org", 0,
                                                              SB_SMTP_SECURITY_TLS);
  g_autoptr(SbMailMessage) message = NULL;
  g_autoptr(SbMailMessage) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_id = NULL;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;

  sb_smtp_settings_set_sender_address (settings, SB_TEST_SENDER);
  message = sb_mail_message_new_invite (invite, settings, &error);
  g_assert_no_error (error);
  bytes = sb_mail_message_to_bytes (message, &error);
  g_assert_no_error (error);
  parsed = parse_bytes (bytes);
  assert_well_formed (parsed);

  value = get_string (parsed, "headers", "subject");
  g_assert_cmpstr (value, ==, "You have been added to WEB — Website redesign by Dana Manager");
  g_free (value);
  value = get_string (parsed, "headers", "from");
  g_assert_cmpstr (value, ==, "Dana Manager <" SB_TEST_SENDER ">");
  g_free (value);
  value = get_string (parsed, "headers", "reply-to");
  g_assert_cmpstr (value, ==, "Dana Manager <dana@example.org>");
  g_free (value);
  value = get_string (parsed, "headers", "to");
  g_assert_cmpstr (value, ==, "Milo Member <milo@example.org>");
  g_free (value);
  value = get_string (parsed, "headers", "message-id");
  expected_id = g_strdup_printf ("<%s@example.org>", sb_invite_get_message_id (invite));
  g_assert_cmpstr (value, ==, expected_id);
  g_free (value);
  value = get_string (parsed, "headers", "date");
  g_assert_true (g_regex_match_simple ("^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d [A-Z][a-z][a-z] "
                                       "\\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}$", value, 0, 0));
  g_free (value);
  value = get_string (parsed, "headers", "mime-version");
  g_assert_cmpstr (value, ==, "1.0");
  g_free (value);
  value = get_string (parsed, "mime", "content-type");
  g_assert_cmpstr (value, ==, "multipart/alternative");

  g_assert_cmpint (g_key_file_get_integer (parsed, "mime", "parts", NULL), ==, 2);
  text = get_part_text (parsed, 0);
  g_assert_nonnull (strstr (text, "Hello Milo Member,"));
  g_assert_nonnull (strstr (text, "You have been added to WEB — Website redesign by Dana "
                                  "Manager."));
  html = get_part_text (parsed, 1);
  g_assert_nonnull (strstr (html, "<strong>You have been added to WEB — Website redesign by "
                                  "Dana Manager.</strong>"));

  /* Made again (another attempt), it has the same Message-ID. */
  again = sb_mail_message_new_invite (invite, settings, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_mail_message_get_message_id (again), ==,
                   sb_mail_message_get_message_id (message));
}

static void
test_message_encoding (void)
{
  g_autoptr(SbMailMessage) message = sb_mail_message_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_line = sb_test_repeat ("Lorem ipsum dolor sit amet — ", 200);
  g_autofree char *subject = sb_test_repeat ("Café ☕ déjà vu, ", 30);
  g_autofree char *text = g_strdup_printf (".hidden\n..two dots\n.\nA = sign, trailing space \n"
                                           "%s\nend\n", long_line);
  g_autofree char *value = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *raw = NULL;

  sb_mail_message_set_from (message, SB_TEST_SENDER, "Ünïcödé “Quotes”");
  sb_mail_message_add_to (message, "milo@example.org", "Milo \"The\" Member");
  sb_mail_message_add_to (message, "olga@example.org", NULL);
  sb_mail_message_set_subject (message, subject);
  sb_mail_message_set_body (message, text, NULL);
  bytes = sb_mail_message_to_bytes (message, &error);
  g_assert_no_error (error);
  parsed = parse_bytes (bytes);
  assert_well_formed (parsed);

  raw = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (g_str_is_ascii (raw));
  g_assert_nonnull (strstr (raw, "Subject: =?UTF-8?B?"));

  value = get_string (parsed, "headers", "subject");
  g_assert_cmpstr (value, ==, subject);
  g_free (value);
  value = get_string (parsed, "headers", "from");
  g_assert_cmpstr (value, ==, "Ünïcödé “Quotes” <" SB_TEST_SENDER ">");
  g_free (value);
  value = get_string (parsed, "headers", "to");
  g_assert_cmpstr (value, ==, "\"Milo \\\"The\\\" Member\" <milo@example.org>, olga@example.org");
  g_free (value);
  value = get_string (parsed, "mime", "content-type");
  g_assert_cmpstr (value, ==, "text/plain");
  decoded = get_part_text (parsed, 0);
  g_assert_cmpstr (decoded, ==, text);
}

static void
test_message_header_injection (void)
{
  static const struct
  {
    const char *field;
    const char *value;
  } cases[] = {
    { "subject", "Invite\r\nBcc: everyone@example.net" },
    { "subject", "Invite\nX-Evil: yes" },
    { "subject", "Invite\rX-Evil: yes" },
    { "from-name", "Dana\r\nBcc: everyone@example.net" },
    { "to-name", "Milo\nBcc: everyone@example.net" },
    { "reply-to-name", "Dana\r\n" },
    { "from", "sprintboard@example.org\r\nRCPT TO:<everyone@example.net>" },
    { "to", "milo@example.org\r\nRCPT TO:<everyone@example.net>" },
    { "to", "milo@example.org>\r\nBcc: <x@example.net" },
    { "to", "Milo <milo@example.org>" },
    { "reply-to", "dana@example.org\nBcc: x@example.net" },
    { "message-id", "abc@example.org>\r\nBcc: <x@example.net" },
    { "subject", "Tab\tis fine but not \x01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SbMailMessage) message = sb_mail_message_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      const char *field = cases[i].field;
      const char *value = cases[i].value;

      sb_mail_message_set_from (message,
                                g_str_equal (field, "from") ? value : SB_TEST_SENDER,
                                g_str_equal (field, "from-name") ? value : "Dana");
      sb_mail_message_add_to (message, g_str_equal (field, "to") ? value : "milo@example.org",
                              g_str_equal (field, "to-name") ? value : "Milo");
      sb_mail_message_set_reply_to (message,
                                    g_str_equal (field, "reply-to") ? value : "dana@example.org",
                                    g_str_equal (field, "reply-to-name") ? value : NULL);
      sb_mail_message_set_subject (message, g_str_equal (field, "subject") ? value : "Hi");
      sb_mail_message_set_body (message, "Body\n", "<p>Body</p>");
      if (g_str_equal (field, "message-id"))
        sb_mail_message_set_message_id (message, value);

      g_test_message ("case %u: %s", i, field);
      bytes = sb_mail_message_to_bytes (message, &error);
      g_assert_null (bytes);
      g_assert_error (error, SB_MAIL_MESSAGE_ERROR, SB_MAIL_MESSAGE_ERROR_INVALID);
    }
}

static void
test_injection_never_connects (void)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_OK);
  g_autoptr(SbSmtpSettings) settings = sb_test_peer_settings (peer, SB_SMTP_SECURITY_NONE,
                                                              FALSE);
  g_autoptr(SbSmtpClient) client = sb_test_smtp_client_new ();
  g_autoptr(SbMailMessage) message = make_message (NULL);
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GError) error = NULL;

  sb_mail_message_set_subject (message, "Hi\r\nBcc: everyone@example.net");
  rejected = sb_test_smtp_send (client, settings, NULL, message, &error);
  g_assert_null (rejected);
  g_assert_error (error, SB_MAIL_MESSAGE_ERROR, SB_MAIL_MESSAGE_ERROR_INVALID);
  g_assert_cmpuint (sb_test_peer_count_connections (peer), ==, 0);
}

/* Settings */

static void
test_settings_gsettings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) gsettings = NULL;
  g_autoptr(SbSmtpSettings) defaults = NULL;
  g_autoptr(SbSmtpSettings) settings = NULL;
  g_autoptr(SbSmtpSettings) copy = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SB_SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    {
      g_test_skip ("The schema is not compiled where GSETTINGS_SCHEMA_DIR points");
      return;
    }

  gsettings = g_settings_new (SB_SETTINGS_SCHEMA_ID);
  defaults = sb_smtp_settings_new_from_gsettings (gsettings);
  g_assert_cmpint (sb_smtp_settings_get_security (defaults), ==, SB_SMTP_SECURITY_TLS);
  g_assert_cmpuint (sb_smtp_settings_get_port (defaults), ==, 0);
  g_assert_cmpuint (sb_smtp_settings_get_effective_port (defaults), ==, 465);
  g_assert_false (sb_smtp_settings_is_complete (defaults));

  g_settings_set_string (gsettings, "smtp-host", "mail.example.org");
  g_settings_set_uint (gsettings, "smtp-port", 2525);
  g_settings_set_enum (gsettings, "smtp-security", SB_SMTP_SECURITY_STARTTLS);
  g_settings_set_string (gsettings, "smtp-username", "dana");
  g_settings_set_string (gsettings, "sender-address", "team@example.org");
  g_settings_set_string (gsettings, "sender-name", "The Team");
  settings = sb_smtp_settings_new_from_gsettings (gsettings);
  g_assert_cmpstr (sb_smtp_settings_get_host (settings), ==, "mail.example.org");
  g_assert_cmpuint (sb_smtp_settings_get_effective_port (settings), ==, 2525);
  g_assert_cmpint (sb_smtp_settings_get_security (settings), ==, SB_SMTP_SECURITY_STARTTLS);
  g_assert_cmpstr (sb_smtp_settings_get_username (settings), ==, "dana");
  g_assert_cmpstr (sb_smtp_settings_get_sender_address (settings), ==, "team@example.org");
  g_assert_cmpstr (sb_smtp_settings_get_sender_name (settings), ==, "The Team");
  g_assert_true (sb_smtp_settings_is_complete (settings));

  copy = sb_smtp_settings_copy (settings);
  g_assert_cmpstr (sb_smtp_settings_get_username (copy), ==, "dana");
  g_settings_set_uint (gsettings, "smtp-port", 0);
  g_clear_object (&settings);
  settings = sb_smtp_settings_new_from_gsettings (gsettings);
  g_assert_cmpuint (sb_smtp_settings_get_effective_port (settings), ==, 587);
}

/* The real server */

static void
send_to_server (SbSmtpSecurity security)
{
  g_autoptr(SbSmtpSettings) settings = NULL;
  g_autoptr(SbSmtpClient) client = NULL;
  g_autoptr(SbMailMessage) message = NULL;
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GKeyFile) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message_id = unique_message_id ();
  g_autofree char *needle = g_strdup_printf ("<%s>", message_id);
  g_autofree char *envelope = NULL;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  const char *body = ".hidden line\n..two dots\n.\nMiddle\n. space\nend\n";
  const char *subject = "Ajouté à WEB — Refonte du site, déjà ☕";

  if (!sb_test_smtp_require_server ())
    return;

  settings = sb_test_smtp_server_settings (security);
  client = sb_test_smtp_client_new ();
  message = make_message (message_id);
  sb_mail_message_add_to (message, "olga@example.org", "Olga Outsider");
  sb_mail_message_set_subject (message, subject);
  sb_mail_message_set_body (message, body, "<p>Hello</p>");

  rejected = sb_test_smtp_send (client, settings, sb_test_smtp_server_password (), message,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejected->len, ==, 0);

  found = sb_test_smtp_find_messages (needle);
  g_assert_cmpuint (found->len, ==, 1);
  envelope = sb_test_smtp_read_envelope (g_ptr_array_index (found, 0));
  g_assert_cmpstr (envelope, ==, SB_TEST_SENDER "\nmilo@example.org\nolga@example.org\n");

  parsed = sb_test_smtp_parse (g_ptr_array_index (found, 0));
  assert_well_formed (parsed);
  value = get_string (parsed, "headers", "subject");
  g_assert_cmpstr (value, ==, subject);
  g_free (value);
  value = get_string (parsed, "headers", "to");
  g_assert_cmpstr (value, ==, "Milo Member <milo@example.org>, Olga Outsider <olga@example.org>");
  g_free (value);
  value = get_string (parsed, "headers", "message-id");
  g_assert_cmpstr (value, ==, needle);
  g_assert_cmpint (g_key_file_get_integer (parsed, "headers", "subject-count", NULL), ==, 1);

  /* The lines starting with "." arrived as they were written. */
  text = get_part_text (parsed, 0);
  g_assert_cmpstr (text, ==, body);
}

static void
test_server_starttls (void)
{
  send_to_server (SB_SMTP_SECURITY_STARTTLS);
}

static void
test_server_tls (void)
{
  send_to_server (SB_SMTP_SECURITY_TLS);
}

static void
test_server_wrong_password (void)
{
  g_autoptr(SbSmtpSettings) settings = NULL;
  g_autoptr(SbSmtpClient) client = NULL;
  g_autoptr(SbMailMessage) message = NULL;
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message_id = unique_message_id ();

  if (!sb_test_smtp_require_server ())
    return;

  settings = sb_test_smtp_server_settings (SB_SMTP_SECURITY_TLS);
  client = sb_test_smtp_client_new ();
  message = make_message (message_id);
  rejected = sb_test_smtp_send (client, settings, "not the password", message, &error);
  g_assert_null (rejected);
  g_assert_error (error, SB_SMTP_ERROR, SB_SMTP_ERROR_PERMANENT);
  g_assert_true (g_str_has_prefix (error->message, "535"));

  found = sb_test_smtp_find_messages (message_id);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_server_untrusted_certificate (void)
{
  const SbSmtpSecurity securities[] = { SB_SMTP_SECURITY_TLS, SB_SMTP_SECURITY_STARTTLS };

  if (!sb_test_smtp_require_server ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (securities); i++)
    {
      g_autoptr(SbSmtpSettings) settings = sb_test_smtp_server_settings (securities[i]);
      g_autoptr(SbSmtpClient) client = sb_smtp_client_new ();
      g_autoptr(SbMailMessage) message = NULL;
      g_autoptr(GPtrArray) rejected = NULL;
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *message_id = unique_message_id ();

      /* The system's trust store: the server's self-signed certificate is not in it. */
      sb_smtp_client_set_timeouts (client, 5, 10);
      message = make_message (message_id);
      rejected = sb_test_smtp_send (client, settings, sb_test_smtp_server_password (), message,
                                    &error);
      g_assert_null (rejected);
      g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);

      found = sb_test_smtp_find_messages (message_id);
      g_assert_cmpuint (found->len, ==, 0);
    }
}

/* The scripted peer */

/* Sends a small message to a peer running @script; returns the error, if any. */
static GError *
send_to_peer (SbTestPeer      *peer,
              SbSmtpSecurity   security,
              gboolean         with_auth,
              GPtrArray      **rejected_out)
{
  g_autoptr(SbSmtpSettings) settings = sb_test_peer_settings (peer, security, with_auth);
  g_autoptr(SbSmtpClient) client = sb_test_smtp_client_new ();
  g_autoptr(SbMailMessage) message = make_message (NULL);
  GPtrArray *rejected;
  GError *error = NULL;

  sb_smtp_client_set_timeouts (client, 5, 2);
  rejected = sb_test_smtp_send (client, settings, "peer-password", message, &error);
  if (rejected_out != NULL)
    *rejected_out = rejected;
  else if (rejected != NULL)
    g_ptr_array_unref (rejected);
  return error;
}

static void
test_peer_no_starttls (void)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_OK);
  g_autoptr(GError) error = send_to_peer (peer, SB_SMTP_SECURITY_STARTTLS, TRUE, NULL);
  g_autofree char *transcript = NULL;

  g_assert_error (error, SB_SMTP_ERROR, SB_SMTP_ERROR_STARTTLS_UNAVAILABLE);
  transcript = sb_test_peer_get_transcript (peer);
  g_assert_true (g_str_has_prefix (transcript, "EHLO [127.0.0.1]\n"));
  g_assert_null (strstr (transcript, "AUTH"));
  g_assert_null (strstr (transcript, "MAIL"));
  g_assert_null (strstr (transcript, "STARTTLS"));
}

static void
test_peer_greeting_421 (void)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_GREETING_421);
  g_autoptr(GError) error = send_to_peer (peer, SB_SMTP_SECURITY_NONE, FALSE, NULL);

  g_assert_error (error, SB_SMTP_ERROR, SB_SMTP_ERROR_TEMPORARY);
  g_assert_cmpstr (error->message, ==,
                   "421 4.3.2 peer.test Service shutting down, try again later");
}

static void
test_peer_rcpt_450 (void)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_RCPT_450);
  g_autoptr(GError) error = send_to_peer (peer, SB_SMTP_SECURITY_NONE, FALSE, NULL);
  g_autofree char *transcript = NULL;

  g_assert_error (error, SB_SMTP_ERROR, SB_SMTP_ERROR_TEMPORARY);
  g_assert_cmpstr (error->message, ==, "450 4.2.1 Mailbox busy, try again later");
  transcript = sb_test_peer_get_transcript (peer);
  g_assert_null (strstr (transcript, "DATA"));
}

static void
test_peer_rcpt_550_one (void)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_RCPT_550_OLGA);
  g_autoptr(SbSmtpSettings) settings = sb_test_peer_settings (peer, SB_SMTP_SECURITY_NONE,
                                                              FALSE);
  g_autoptr(SbSmtpClient) client = sb_test_smtp_client_new ();
  g_autoptr(SbMailMessage) message = make_message (NULL);
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) received = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *transcript = NULL;
  SbSmtpRecipient *olga;

  sb_mail_message_add_to (message, "olga@example.org", NULL);
  sb_mail_message_add_to (message, "pat@example.org", NULL);
  rejected = sb_test_smtp_send (client, settings, NULL, message, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejected->len, ==, 1);
  olga = g_ptr_array_index (rejected, 0);
  g_assert_cmpstr (olga->address, ==, "olga@example.org");
  g_assert_cmpuint (olga->code, ==, 550);
  g_assert_cmpstr (olga->reply, ==,
                   "550 5.1.1 <olga@example.org>: Recipient address rejected: User unknown");

  transcript = sb_test_peer_get_transcript (peer);
  g_assert_nonnull (strstr (transcript, "RCPT TO:<milo@example.org>\n"
                                        "RCPT TO:<olga@example.org>\n"
                                        "RCPT TO:<pat@example.org>\nDATA\n"));
  received = sb_test_peer_get_messages (peer);
  g_assert_cmpuint (received->len, ==, 1);
}

static void
test_peer_drop_in_data (void)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_DROP_IN_DATA);
  g_autoptr(GError) error = send_to_peer (peer, SB_SMTP_SECURITY_NONE, FALSE, NULL);

  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
}

static void
test_peer_auth_535 (void)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_AUTH_535);
  g_autoptr(GError) error = send_to_peer (peer, SB_SMTP_SECURITY_NONE, TRUE, NULL);
  g_autofree char *transcript = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *credentials = NULL;

  g_assert_error (error, SB_SMTP_ERROR, SB_SMTP_ERROR_PERMANENT);
  g_assert_cmpstr (error->message, ==, "535 5.7.8 Authentication credentials invalid");

  /* AUTH PLAIN on loopback without TLS, with the credentials, and nothing after it. */
  credentials = g_base64_encode ((const guchar *) "\0peer-user\0peer-password",
                                 strlen ("peer-user") + strlen ("peer-password") + 2);
  expected = g_strdup_printf ("AUTH PLAIN %s\n", credentials);
  transcript = sb_test_peer_get_transcript (peer);
  g_assert_nonnull (strstr (transcript, expected));
  g_assert_null (strstr (transcript, "MAIL"));
}

static void
test_peer_auth_login (void)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_AUTH_LOGIN_ONLY);
  g_autoptr(GError) error = send_to_peer (peer, SB_SMTP_SECURITY_NONE, TRUE, NULL);
  g_autofree char *transcript = NULL;
  g_autofree char *user64 = g_base64_encode ((const guchar *) "peer-user", 9);
  g_autofree char *password64 = g_base64_encode ((const guchar *) "peer-password", 13);
  g_autofree char *expected = NULL;

  /* Only LOGIN offered: the username and the password, each on its own line, then MAIL. */
  g_assert_no_error (error);
  expected = g_strdup_printf ("AUTH LOGIN\n%s\n%s\nMAIL FROM:", user64, password64);
  transcript = sb_test_peer_get_transcript (peer);
  g_assert_nonnull (strstr (transcript, expected));
}

static void
test_peer_silent (void)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_SILENT);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = send_to_peer (peer, SB_SMTP_SECURITY_NONE, FALSE, NULL);
  gint64 elapsed = g_get_monotonic_time () - start;

  /* The read timeout is 2 s in send_to_peer(); bounded, not exact. */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_cmpint (elapsed, <, 15 * G_USEC_PER_SEC);
}

static void
test_peer_dialogue (void)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_OK);
  g_autoptr(SbSmtpSettings) settings = sb_test_peer_settings (peer, SB_SMTP_SECURITY_NONE,
                                                              FALSE);
  g_autoptr(SbSmtpClient) client = sb_test_smtp_client_new ();
  g_autoptr(SbMailMessage) message = make_message ("dialogue@example.org");
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) received = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *transcript = NULL;
  const char *data;

  sb_mail_message_set_body (message, ".a\n..b\n.\nc\n", NULL);
  rejected = sb_test_smtp_send (client, settings, NULL, message, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejected->len, ==, 0);

  /* No username: no AUTH. Each command once, in order, and QUIT at the end. */
  transcript = sb_test_peer_get_transcript (peer);
  g_assert_cmpstr (transcript, ==,
                   "EHLO [127.0.0.1]\n"
                   "MAIL FROM:<" SB_TEST_SENDER ">\n"
                   "RCPT TO:<milo@example.org>\n"
                   "DATA\n"
                   "QUIT\n");

  /* On the wire, lines starting with "." have another, and every line ends in CRLF. */
  received = sb_test_peer_get_messages (peer);
  g_assert_cmpuint (received->len, ==, 1);
  data = g_ptr_array_index (received, 0);
  g_assert_nonnull (strstr (data, "\r\n\r\n..a\r\n...b\r\n..\r\nc\r\n"));
  g_assert_nonnull (strstr (data, "Message-ID: <dialogue@example.org>\r\n"));
  for (const char *p = strchr (data, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');
}

/* Refused before talking */

static void
test_refused_insecure (void)
{
  const char *hosts[] = { "192.0.2.1", "mail.example.org", "10.0.0.1" };

  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    {
      g_autoptr(SbSmtpSettings) settings = sb_smtp_settings_new (hosts[i], 25,
                                                                  SB_SMTP_SECURITY_NONE);
      g_autoptr(SbSmtpClient) client = sb_test_smtp_client_new ();
      g_autoptr(SbMailMessage) message = make_message (NULL);
      g_autoptr(GPtrArray) rejected = NULL;
      g_autoptr(GError) error = NULL;

      rejected = sb_test_smtp_send (client, settings, "secret", message, &error);
      g_assert_null (rejected);
      g_assert_error (error, SB_SMTP_ERROR, SB_SMTP_ERROR_INSECURE);
    }
}

static void
test_refused_closed_port (void)
{
  g_autoptr(SbSmtpSettings) settings = sb_smtp_settings_new ("127.0.0.1",
                                                              sb_test_closed_port (),
                                                              SB_SMTP_SECURITY_NONE);
  g_autoptr(SbSmtpSettings) unset = sb_smtp_settings_new ("", 0, SB_SMTP_SECURITY_TLS);
  g_autoptr(SbSmtpClient) client = sb_test_smtp_client_new ();
  g_autoptr(SbMailMessage) message = make_message (NULL);
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GError) error = NULL;

  rejected = sb_test_smtp_send (client, settings, NULL, message, &error);
  g_assert_null (rejected);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_clear_error (&error);

  rejected = sb_test_smtp_send (client, unset, NULL, message, &error);
  g_assert_null (rejected);
  g_assert_error (error, SB_SMTP_ERROR, SB_SMTP_ERROR_NOT_CONFIGURED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  sb_test_add ("/smtp/message/invite", test_message_invite);
  g_test_add_func ("/smtp/message/encoding", test_message_encoding);
  g_test_add_func ("/smtp/message/header-injection", test_message_header_injection);
  g_test_add_func ("/smtp/message/injection-never-connects", test_injection_never_connects);
  g_test_add_func ("/smtp/settings/gsettings", test_settings_gsettings);
  g_test_add_func ("/smtp/server/starttls-auth", test_server_starttls);
  g_test_add_func ("/smtp/server/tls-auth", test_server_tls);
  g_test_add_func ("/smtp/server/wrong-password", test_server_wrong_password);
  g_test_add_func ("/smtp/server/untrusted-certificate", test_server_untrusted_certificate);
  g_test_add_func ("/smtp/peer/no-starttls", test_peer_no_starttls);
  g_test_add_func ("/smtp/peer/greeting-421", test_peer_greeting_421);
  g_test_add_func ("/smtp/peer/rcpt-450", test_peer_rcpt_450);
  g_test_add_func ("/smtp/peer/rcpt-550-one", test_peer_rcpt_550_one);
  g_test_add_func ("/smtp/peer/drop-in-data", test_peer_drop_in_data);
  g_test_add_func ("/smtp/peer/auth-535", test_peer_auth_535);
  g_test_add_func ("/smtp/peer/auth-login", test_peer_auth_login);
  g_test_add_func ("/smtp/peer/silent", test_peer_silent);
  g_test_add_func ("/smtp/peer/dialogue", test_peer_dialogue);
  g_test_add_func ("/smtp/refused/insecure", test_refused_insecure);
  g_test_add_func ("/smtp/refused/closed-port", test_refused_closed_port);

  return g_test_run ();
}
