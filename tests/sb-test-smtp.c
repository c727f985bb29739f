/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <string.h>

#include "sb-test-smtp.h"

/* How long a test waits for anything at most, in seconds: far above what a run takes, so a
 * hang fails the test instead of blocking the suite until meson's timeout. */
#define WAIT_LIMIT 60

/* The session's server */

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? value : NULL;
}

gboolean
sb_test_smtp_require_server (void)
{
  static const char * const names[] = {
    "SB_TEST_SMTP_STARTTLS_PORT", "SB_TEST_SMTP_TLS_PORT", "SB_TEST_SMTP_CERT",
    "SB_TEST_SMTP_USERNAME", "SB_TEST_SMTP_PASSWORD", "SB_TEST_SMTP_MAILDIR",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (env (names[i]) == NULL)
        {
          g_autofree char *reason =
            g_strdup_printf ("%s is not set: no SMTP test server (run the tests with "
                             "build-aux/test, which starts one)", names[i]);

          g_test_skip (reason);
          return FALSE;
        }
    }
  return TRUE;
}

SbSmtpSettings *
sb_test_smtp_server_settings (SbSmtpSecurity security)
{
  const char *port = env (security == SB_SMTP_SECURITY_TLS ? "SB_TEST_SMTP_TLS_PORT"
                                                            : "SB_TEST_SMTP_STARTTLS_PORT");
  SbSmtpSettings *settings;

  g_assert_nonnull (port);
  settings = sb_smtp_settings_new ("127.0.0.1", (guint16) g_ascii_strtoull (port, NULL, 10),
                                   security);
  sb_smtp_settings_set_username (settings, env ("SB_TEST_SMTP_USERNAME"));
  sb_smtp_settings_set_sender_address (settings, SB_TEST_SENDER);
  sb_smtp_settings_set_sender_name (settings, "Sprintboard Tests");
  return settings;
}

const char *
sb_test_smtp_server_password (void)
{
  return env ("SB_TEST_SMTP_PASSWORD");
}

void
sb_test_smtp_trust_server (SbSmtpClient *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) database = NULL;
  g_autofree char *cert = NULL;

  if (env ("SB_TEST_SMTP_CERT") == NULL)
    return;
  /* GTlsFileDatabase wants an absolute path. */
  cert = g_canonicalize_filename (env ("SB_TEST_SMTP_CERT"), NULL);
  database = g_tls_file_database_new (cert, &error);
  g_assert_no_error (error);
  sb_smtp_client_set_tls_database (client, database);
}

SbSmtpClient *
sb_test_smtp_client_new (void)
{
  SbSmtpClient *client = sb_smtp_client_new ();

  sb_test_smtp_trust_server (client);
  sb_smtp_client_set_timeouts (client, 5, 10);
  return client;
}

void
sb_test_wait_until (gboolean *done,
                    guint     seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!*done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      if (!*done)
        g_usleep (1000);
    }
}

typedef struct
{
  gboolean    done;
  GPtrArray  *rejected;
  GError     *error;
  guint       n_sent;
} Waiter;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->rejected = sb_smtp_client_send_finish (SB_SMTP_CLIENT (source), result,
                                                 &waiter->error);
  waiter->done = TRUE;
}

GPtrArray *
sb_test_smtp_send (SbSmtpClient    *client,
                   SbSmtpSettings  *settings,
                   const char      *password,
                   SbMailMessage   *message,
                   GError         **error)
{
  Waiter waiter = { 0 };

  sb_smtp_client_send_async (client, settings, password, message, NULL, on_sent, &waiter);
  sb_test_wait_until (&waiter.done, WAIT_LIMIT);
  if (waiter.error != NULL)
    g_propagate_error (error, waiter.error);
  return waiter.rejected;
}

static void
on_outbox_ran (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Waiter *waiter = user_data;

  sb_outbox_run_once_finish (SB_OUTBOX (source), result, &waiter->n_sent, &waiter->error);
  waiter->done = TRUE;
}

guint
sb_test_outbox_run (SbOutbox *outbox)
{
  Waiter waiter = { 0 };

  sb_outbox_run_once_async (outbox, NULL, on_outbox_ran, &waiter);
  sb_test_wait_until (&waiter.done, WAIT_LIMIT);
  g_assert_no_error (waiter.error);
  return waiter.n_sent;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
sb_test_smtp_find_messages (const char *needle)
{
  const char *maildir = env ("SB_TEST_SMTP_MAILDIR");
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  g_assert_nonnull (maildir);
  dir = g_dir_open (maildir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;

      if (!g_str_has_suffix (name, ".eml"))
        continue;
      path = g_build_filename (maildir, name, NULL);
      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      if (strstr (contents, needle) != NULL)
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
  g_ptr_array_sort (found, compare_strings);
  return g_steal_pointer (&found);
}

char *
sb_test_smtp_read_envelope (const char *eml_path)
{
  g_autofree char *base = g_strndup (eml_path, strlen (eml_path) - strlen (".eml"));
  g_autofree char *path = g_strconcat (base, ".envelope", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

GKeyFile *
sb_test_smtp_parse (const char *eml_path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "parse-mail.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, eml_path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("parse-mail.py failed on %s: %s", eml_path, err);
  g_key_file_load_from_data (keyfile, out, -1, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&keyfile);
}

guint16
sb_test_closed_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

/* The scripted peer */

struct _SbTestPeer
{
  SbTestPeerScript  script;
  GThread          *thread;
  GMainContext     *context;
  GMainLoop        *loop;
  GSocketService   *service;
  guint16           port;

  GMutex            lock;
  GCond             cond;
  gboolean          ready;
  guint             n_connections;
  GString          *transcript;
  GPtrArray        *messages;
};

static gboolean
peer_write (GOutputStream *output,
            const char    *text)
{
  return g_output_stream_write_all (output, text, strlen (text), NULL, NULL, NULL);
}

/* One line from the client without its line end; NULL at the end or on an error.
 * @crlf: whether it ended in CRLF. */
static char *
peer_read_line (GDataInputStream *input,
                gboolean         *crlf)
{
  gsize length = 0;
  char *line = g_data_input_stream_read_line (input, &length, NULL, NULL);

  if (line == NULL)
    return NULL;
  *crlf = length > 0 && line[length - 1] == '\r';
  if (*crlf)
    line[length - 1] = '\0';
  return line;
}

static void
peer_record (SbTestPeer *peer,
             const char *line)
{
  g_mutex_lock (&peer->lock);
  g_string_append_printf (peer->transcript, "%s\n", line);
  g_mutex_unlock (&peer->lock);
}

static void
peer_converse (SbTestPeer        *peer,
               GSocketConnection *connection)
{
  g_autoptr(GDataInputStream) input = NULL;
  GOutputStream *output = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  gboolean crlf = FALSE;

  input = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  g_data_input_stream_set_newline_type (input, G_DATA_STREAM_NEWLINE_TYPE_LF);

  if (peer->script == SB_TEST_PEER_SILENT)
    {
      /* Say nothing; wait for the client to give up (or our own socket timeout). */
      g_autofree char *line = peer_read_line (input, &crlf);
      return;
    }
  if (peer->script == SB_TEST_PEER_GREETING_421)
    {
      peer_write (output, "421 4.3.2 peer.test Service shutting down, try again later\r\n");
      return;
    }

  /* A multi-line greeting, as some servers send. */
  if (!peer_write (output, "220-peer.test ESMTP scripted peer\r\n220 peer.test ready\r\n"))
    return;

  for (guint n = 0; n < 200; n++)
    {
      g_autofree char *line = peer_read_line (input, &crlf);
      g_autofree char *verb = NULL;
      const char *reply;

      if (line == NULL)
        return;
      peer_record (peer, line);
      verb = g_ascii_strup (line, MIN (strcspn (line, " "), 10));

      if (g_str_equal (verb, "EHLO") && peer->script == SB_TEST_PEER_AUTH_LOGIN_ONLY)
        reply = "250-peer.test greets you\r\n250 AUTH LOGIN\r\n";
      else if (g_str_equal (verb, "EHLO"))
        reply = "250-peer.test greets you\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n"
                "250-8BITMIME\r\n250 AUTH PLAIN LOGIN\r\n";
      else if (g_str_equal (verb, "AUTH") && peer->script == SB_TEST_PEER_AUTH_LOGIN_ONLY)
        {
          /* "Username:", then "Password:", each answered on a line of its own. */
          static const char * const prompts[] = { "334 VXNlcm5hbWU6\r\n",
                                                  "334 UGFzc3dvcmQ6\r\n" };

          for (guint i = 0; i < G_N_ELEMENTS (prompts); i++)
            {
              g_autofree char *answer = NULL;

              if (!peer_write (output, prompts[i]) ||
                  (answer = peer_read_line (input, &crlf)) == NULL)
                return;
              peer_record (peer, answer);
            }
          reply = "235 2.7.0 Authentication successful\r\n";
        }
      else if (g_str_equal (verb, "STARTTLS"))
        reply = "454 4.7.0 TLS not available\r\n";
      else if (g_str_equal (verb, "AUTH"))
        reply = peer->script == SB_TEST_PEER_AUTH_535
                ? "535 5.7.8 Authentication credentials invalid\r\n"
                : "235 2.7.0 Authentication successful\r\n";
      else if (g_str_equal (verb, "MAIL") || g_str_equal (verb, "RSET") ||
               g_str_equal (verb, "NOOP"))
        reply = "250 2.1.0 Ok\r\n";
      else if (g_str_equal (verb, "RCPT") && peer->script == SB_TEST_PEER_RCPT_450)
        reply = "450 4.2.1 Mailbox busy, try again later\r\n";
      else if (g_str_equal (verb, "RCPT") && peer->script == SB_TEST_PEER_RCPT_550_OLGA &&
               strstr (line, "olga@") != NULL)
        reply = "550 5.1.1 <olga@example.org>: Recipient address rejected: User unknown\r\n";
      else if (g_str_equal (verb, "RCPT"))
        reply = "250 2.1.5 Ok\r\n";
      else if (g_str_equal (verb, "QUIT"))
        {
          peer_write (output, "221 2.0.0 Bye\r\n");
          return;
        }
      else if (g_str_equal (verb, "DATA"))
        {
          g_autoptr(GString) data = g_string_new (NULL);

          if (!peer_write (output, "354 End data with <CR><LF>.<CR><LF>\r\n"))
            return;
          for (guint lines = 0; lines < 100000; lines++)
            {
              g_autofree char *data_line = peer_read_line (input, &crlf);

              if (data_line == NULL)
                return;
              if (peer->script == SB_TEST_PEER_DROP_IN_DATA && lines == 1)
                return;
              if (g_str_equal (data_line, "."))
                break;
              g_string_append_printf (data, "%s%s", data_line, crlf ? "\r\n" : "\n");
            }
          g_mutex_lock (&peer->lock);
          g_ptr_array_add (peer->messages, g_string_free (g_steal_pointer (&data), FALSE));
          g_mutex_unlock (&peer->lock);
          reply = "250 2.0.0 Ok: queued as 1A2B3C\r\n";
        }
      else
        reply = "502 5.5.2 Error: command not recognized\r\n";

      if (!peer_write (output, reply))
        return;
    }
}

static gboolean
on_peer_incoming (GSocketService    *service,
                  GSocketConnection *connection,
                  GObject           *source_object,
                  gpointer           user_data)
{
  SbTestPeer *peer = user_data;

  g_mutex_lock (&peer->lock);
  peer->n_connections++;
  g_mutex_unlock (&peer->lock);

  /* Blocking, on the peer's own thread: one client at a time is all the tests need. The
   * timeout bounds a client that never says anything. */
  g_socket_set_timeout (g_socket_connection_get_socket (connection), 20);
  peer_converse (peer, connection);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static gpointer
peer_thread (gpointer user_data)
{
  SbTestPeer *peer = user_data;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (peer->context);

  peer->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (peer->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                 &effective, &error);
  g_assert_no_error (error);
  peer->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_signal_connect (peer->service, "incoming", G_CALLBACK (on_peer_incoming), peer);
  g_socket_service_start (peer->service);

  g_mutex_lock (&peer->lock);
  peer->ready = TRUE;
  g_cond_signal (&peer->cond);
  g_mutex_unlock (&peer->lock);

  g_main_loop_run (peer->loop);

  g_socket_service_stop (peer->service);
  g_socket_listener_close (G_SOCKET_LISTENER (peer->service));
  g_clear_object (&peer->service);
  g_main_context_pop_thread_default (peer->context);
  return NULL;
}

SbTestPeer *
sb_test_peer_new (SbTestPeerScript script)
{
  SbTestPeer *peer = g_new0 (SbTestPeer, 1);

  peer->script = script;
  peer->context = g_main_context_new ();
  peer->loop = g_main_loop_new (peer->context, FALSE);
  peer->transcript = g_string_new (NULL);
  peer->messages = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&peer->lock);
  g_cond_init (&peer->cond);

  peer->thread = g_thread_new ("smtp-peer", peer_thread, peer);
  g_mutex_lock (&peer->lock);
  while (!peer->ready)
    g_cond_wait (&peer->cond, &peer->lock);
  g_mutex_unlock (&peer->lock);
  return peer;
}

static gboolean
quit_peer (gpointer user_data)
{
  SbTestPeer *peer = user_data;

  g_main_loop_quit (peer->loop);
  return G_SOURCE_REMOVE;
}

void
sb_test_peer_free (SbTestPeer *peer)
{
  g_main_context_invoke (peer->context, quit_peer, peer);
  g_thread_join (peer->thread);

  g_main_loop_unref (peer->loop);
  g_main_context_unref (peer->context);
  g_string_free (peer->transcript, TRUE);
  g_ptr_array_unref (peer->messages);
  g_mutex_clear (&peer->lock);
  g_cond_clear (&peer->cond);
  g_free (peer);
}

guint16
sb_test_peer_get_port (SbTestPeer *peer)
{
  return peer->port;
}

SbSmtpSettings *
sb_test_peer_settings (SbTestPeer     *peer,
                       SbSmtpSecurity  security,
                       gboolean        with_auth)
{
  SbSmtpSettings *settings = sb_smtp_settings_new ("127.0.0.1", peer->port, security);

  if (with_auth)
    sb_smtp_settings_set_username (settings, "peer-user");
  sb_smtp_settings_set_sender_address (settings, SB_TEST_SENDER);
  return settings;
}

guint
sb_test_peer_count_connections (SbTestPeer *peer)
{
  guint n;

  g_mutex_lock (&peer->lock);
  n = peer->n_connections;
  g_mutex_unlock (&peer->lock);
  return n;
}

char *
sb_test_peer_get_transcript (SbTestPeer *peer)
{
  char *transcript;

  g_mutex_lock (&peer->lock);
  transcript = g_strdup (peer->transcript->str);
  g_mutex_unlock (&peer->lock);
  return transcript;
}

GPtrArray *
sb_test_peer_get_messages (SbTestPeer *peer)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);

  g_mutex_lock (&peer->lock);
  for (guint i = 0; i < peer->messages->len; i++)
    g_ptr_array_add (messages, g_strdup (g_ptr_array_index (peer->messages, i)));
  g_mutex_unlock (&peer->lock);
  return messages;
}
