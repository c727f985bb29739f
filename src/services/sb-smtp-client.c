/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-smtp-client.h"

/* SMTP (RFC 5321) over GIO: one message a connection. The conversation is plain blocking
 * code in a worker thread (g_task_run_in_thread), with a timeout on every connect and read,
 * so a silent server ends in G_IO_ERROR_TIMED_OUT instead of a hang.
 *
 * Security: implicit TLS, or STARTTLS (refused if the server does not offer it, and EHLO
 * again after the handshake), or none to a loopback host only. Certificates are checked
 * against the default GTlsDatabase, or the one given with sb_smtp_client_set_tls_database();
 * there is no way to accept a certificate that does not check out. AUTH (PLAIN, else LOGIN)
 * only on a protected connection, or to loopback. */

/* Bounds on what a server may send in one reply. */
#define MAX_REPLY_LINES 100
#define MAX_REPLY_LINE  2048

struct _SbSmtpClient
{
  GObject       parent_instance;

  GTlsDatabase *tls_database;     /* NULL: the default one */
  guint         connect_timeout;  /* seconds */
  guint         read_timeout;
};

G_DEFINE_FINAL_TYPE (SbSmtpClient, sb_smtp_client, G_TYPE_OBJECT)
G_DEFINE_QUARK (sb-smtp-error-quark, sb_smtp_error)

/* What the worker thread needs, copied so that it shares nothing with the caller. */
typedef struct
{
  char            *host;
  guint16          port;
  SbSmtpSecurity   security;
  char            *username;
  char            *password;
  char            *from;
  GStrv            recipients;
  GBytes          *data;
  GTlsDatabase    *tls_database;
  guint            connect_timeout;
  guint            read_timeout;
} SendData;

/* One conversation. */
typedef struct
{
  SendData          *send;
  GCancellable      *cancellable;
  GSocketConnection *connection;
  GIOStream         *stream;          /* the connection, or the TLS connection over it */
  GDataInputStream  *input;
  gboolean           tls;
  gboolean           loopback;
  char              *ehlo_name;
  gboolean           has_starttls;
  gboolean           has_auth_plain;
  gboolean           has_auth_login;
} Session;

typedef struct
{
  guint      code;
  GPtrArray *lines;                   /* the text after each "250-" / "250 " */
} Reply;

static void
wipe_string (char *string)
{
  if (string != NULL)
    explicit_bzero (string, strlen (string));
  g_free (string);
}

static void
send_data_free (SendData *data)
{
  g_free (data->host);
  g_free (data->username);
  wipe_string (data->password);
  g_free (data->from);
  g_strfreev (data->recipients);
  g_clear_pointer (&data->data, g_bytes_unref);
  g_clear_object (&data->tls_database);
  g_free (data);
}

void
sb_smtp_recipient_free (SbSmtpRecipient *recipient)
{
  if (recipient == NULL)
    return;
  g_free (recipient->address);
  g_free (recipient->reply);
  g_free (recipient);
}

static void
reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->lines, g_ptr_array_unref);
  reply->code = 0;
}

/* "450 4.2.1 Mailbox busy": the code and the text of every line, as the server wrote them. */
static char *
reply_to_string (const Reply *reply)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%u", reply->code);
  for (guint i = 0; i < reply->lines->len; i++)
    {
      const char *line = g_ptr_array_index (reply->lines, i);

      if (*line != '\0')
        g_string_append_printf (text, " %s", line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* An error from a reply that was not what the conversation needed: the server's own words. */
static gboolean
reply_error (const Reply  *reply,
             GError      **error)
{
  g_autofree char *text = reply_to_string (reply);
  SbSmtpError code;

  if (reply->code >= 400 && reply->code < 500)
    code = SB_SMTP_ERROR_TEMPORARY;
  else if (reply->code >= 500)
    code = SB_SMTP_ERROR_PERMANENT;
  else
    code = SB_SMTP_ERROR_PROTOCOL;
  g_set_error_literal (error, SB_SMTP_ERROR, code, text);
  return FALSE;
}

static gboolean
protocol_error (GError     **error,
                const char  *message)
{
  g_set_error_literal (error, SB_SMTP_ERROR, SB_SMTP_ERROR_PROTOCOL, message);
  return FALSE;
}

static gboolean
read_reply (Session  *session,
            Reply    *reply,
            GError  **error)
{
  reply_clear (reply);
  reply->lines = g_ptr_array_new_with_free_func (g_free);

  for (guint n = 0; n < MAX_REPLY_LINES; n++)
    {
      g_autofree char *line = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize length = 0;
      guint code;

      line = g_data_input_stream_read_line (session->input, &length, session->cancellable,
                                            &local_error);
      if (line == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                                 _("The mail server closed the connection."));
          return FALSE;
        }
      if (length > 0 && line[length - 1] == '\r')
        line[--length] = '\0';
      g_debug ("S: %s", line);

      if (length > MAX_REPLY_LINE || length < 3 ||
          !g_ascii_isdigit (line[0]) || !g_ascii_isdigit (line[1]) ||
          !g_ascii_isdigit (line[2]) || (length > 3 && line[3] != ' ' && line[3] != '-') ||
          !g_utf8_validate (line, length, NULL))
        return protocol_error (error, _("The mail server sent a reply that is not SMTP."));

      code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
      if (code < 200 || code > 599 || (n > 0 && code != reply->code))
        return protocol_error (error, _("The mail server sent a reply that is not SMTP."));
      reply->code = code;
      g_ptr_array_add (reply->lines, g_strdup (length > 4 ? line + 4 : ""));

      if (length == 3 || line[3] == ' ')
        return TRUE;
    }

  return protocol_error (error, _("The mail server sent a reply that does not end."));
}

static gboolean
write_text (Session     *session,
            const char  *text,
            gsize        length,
            GError     **error)
{
  GOutputStream *output = g_io_stream_get_output_stream (session->stream);

  return g_output_stream_write_all (output, text, length, NULL, session->cancellable, error) &&
         g_output_stream_flush (output, session->cancellable, error);
}

/* Sends one command line; @secret commands are not logged. */
static gboolean
send_command (Session     *session,
              gboolean     secret,
              const char  *command,
              GError     **error)
{
  g_autofree char *line = g_strconcat (command, "\r\n", NULL);
  gboolean ok;

  g_debug ("C: %s", secret ? "(secret)" : command);
  ok = write_text (session, line, strlen (line), error);
  explicit_bzero (line, strlen (line));
  return ok;
}

/* Sends @command and reads the reply, which must be of @expected_class (2 for 2xx…). */
static gboolean
command (Session     *session,
         const char  *text,
         guint        expected_class,
         Reply       *reply,
         GError     **error)
{
  if (!send_command (session, FALSE, text, error) || !read_reply (session, reply, error))
    return FALSE;
  if (reply->code / 100 != expected_class)
    return reply_error (reply, error);
  return TRUE;
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Replaces the reader by one over the TLS stream, after the handshake. */
static gboolean
start_tls (Session  *session,
           GError  **error)
{
  g_autoptr(GSocketConnectable) identity = NULL;
  g_autoptr(GIOStream) tls = NULL;

  /* Anything the server sent after its "220 Ready" came in cleartext and would be read as if
   * it had come over TLS: refuse (the STARTTLS command injection of CVE-2011-0411). */
  if (session->input != NULL &&
      g_buffered_input_stream_get_available (G_BUFFERED_INPUT_STREAM (session->input)) > 0)
    return protocol_error (error, _("The mail server sent data before the TLS handshake."));

  identity = g_network_address_new (session->send->host, session->send->port);
  tls = g_tls_client_connection_new (G_IO_STREAM (session->connection), identity, error);
  if (tls == NULL)
    return FALSE;
  if (session->send->tls_database != NULL)
    g_tls_connection_set_database (G_TLS_CONNECTION (tls), session->send->tls_database);
  if (!g_tls_connection_handshake (G_TLS_CONNECTION (tls), session->cancellable, error))
    return FALSE;

  if (session->input != NULL)
    g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (session->input), FALSE);
  g_clear_object (&session->input);
  session->input = g_data_input_stream_new (g_io_stream_get_input_stream (tls));
  g_data_input_stream_set_newline_type (session->input, G_DATA_STREAM_NEWLINE_TYPE_LF);
  g_clear_object (&session->stream);
  session->stream = g_steal_pointer (&tls);
  session->tls = TRUE;
  return TRUE;
}

static gboolean
ehlo (Session  *session,
      GError  **error)
{
  g_autofree char *text = g_strdup_printf ("EHLO %s", session->ehlo_name);
  Reply reply = { 0 };
  gboolean ok;

  ok = command (session, text, 2, &reply, error);
  if (ok)
    {
      session->has_starttls = session->has_auth_plain = session->has_auth_login = FALSE;
      for (guint i = 1; i < reply.lines->len; i++)
        {
          g_auto(GStrv) words = g_strsplit_set (g_ptr_array_index (reply.lines, i), " =", -1);

          if (g_ascii_strcasecmp (words[0], "STARTTLS") == 0)
            session->has_starttls = TRUE;
          else if (g_ascii_strcasecmp (words[0], "AUTH") == 0)
            for (guint w = 1; words[w] != NULL; w++)
              {
                if (g_ascii_strcasecmp (words[w], "PLAIN") == 0)
                  session->has_auth_plain = TRUE;
                else if (g_ascii_strcasecmp (words[w], "LOGIN") == 0)
                  session->has_auth_login = TRUE;
              }
        }
    }
  reply_clear (&reply);
  return ok;
}

static char *
base64_secret (const char *text,
               gsize       length)
{
  return g_base64_encode ((const guchar *) text, length);
}

static gboolean
authenticate (Session  *session,
              GError  **error)
{
  const char *username = session->send->username;
  const char *password = session->send->password != NULL ? session->send->password : "";
  Reply reply = { 0 };
  gboolean ok = FALSE;

  if (!session->tls && !session->loopback)
    {
      g_set_error_literal (error, SB_SMTP_ERROR, SB_SMTP_ERROR_AUTH_UNAVAILABLE,
                           _("The password is only sent over a protected connection."));
      return FALSE;
    }

  if (session->has_auth_plain)
    {
      gsize user_length = strlen (username);
      gsize password_length = strlen (password);
      gsize length = user_length + password_length + 2;
      char *credentials = g_malloc0 (length);
      char *encoded;
      char *line;

      memcpy (credentials + 1, username, user_length);
      memcpy (credentials + 2 + user_length, password, password_length);
      encoded = base64_secret (credentials, length);
      line = g_strconcat ("AUTH PLAIN ", encoded, NULL);
      ok = send_command (session, TRUE, line, error) && read_reply (session, &reply, error);
      explicit_bzero (credentials, length);
      g_free (credentials);
      wipe_string (encoded);
      wipe_string (line);
    }
  else if (session->has_auth_login)
    {
      g_autofree char *user64 = base64_secret (username, strlen (username));
      char *password64 = base64_secret (password, strlen (password));

      ok = command (session, "AUTH LOGIN", 3, &reply, error) &&
           send_command (session, TRUE, user64, error) &&
           read_reply (session, &reply, error);
      if (ok && reply.code / 100 == 3)
        ok = send_command (session, TRUE, password64, error) &&
             read_reply (session, &reply, error);
      wipe_string (password64);
    }
  else
    {
      g_set_error_literal (error, SB_SMTP_ERROR, SB_SMTP_ERROR_AUTH_UNAVAILABLE,
                           _("The mail server offers no way to sign in that Sprintboard "
                             "knows (AUTH PLAIN or LOGIN)."));
      return FALSE;
    }

  if (ok && reply.code / 100 != 2)
    ok = reply_error (&reply, error);
  reply_clear (&reply);
  return ok;
}

/* The message with dot-stuffing (a line that starts with "." gets another) and the final
 * ".": the message's lines already end in CRLF. */
static GString *
dot_stuff (GBytes *data)
{
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);
  GString *out = g_string_sized_new (size + size / 50 + 8);
  gboolean line_start = TRUE;

  for (gsize i = 0; i < size; i++)
    {
      if (line_start && bytes[i] == '.')
        g_string_append_c (out, '.');
      g_string_append_c (out, bytes[i]);
      line_start = bytes[i] == '\n';
    }
  if (!line_start)
    g_string_append (out, "\r\n");
  g_string_append (out, ".\r\n");
  return out;
}

static char *
ehlo_name_for (GSocketConnection *connection)
{
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autofree char *address = NULL;

  if (!G_IS_INET_SOCKET_ADDRESS (local))
    return g_strdup ("localhost");
  address = g_inet_address_to_string (
    g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local)));
  if (g_inet_address_get_family (
        g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local))) ==
      G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("[IPv6:%s]", address);
  return g_strdup_printf ("[%s]", address);
}

static gboolean
connect_session (Session  *session,
                 GError  **error)
{
  SendData *send = session->send;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketAddress) remote = NULL;

  g_socket_client_set_timeout (client, send->connect_timeout);
  g_socket_client_set_enable_proxy (client, FALSE);
  session->connection = g_socket_client_connect_to_host (client, send->host, send->port,
                                                         session->cancellable, error);
  if (session->connection == NULL)
    return FALSE;

  /* From here on, the read timeout: how long the server may think. */
  g_socket_set_timeout (g_socket_connection_get_socket (session->connection),
                        send->read_timeout);

  remote = g_socket_connection_get_remote_address (session->connection, NULL);
  session->loopback = G_IS_INET_SOCKET_ADDRESS (remote) &&
                      g_inet_address_get_is_loopback (
                        g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));
  if (send->security == SB_SMTP_SECURITY_NONE && !session->loopback)
    {
      g_set_error_literal (error, SB_SMTP_ERROR, SB_SMTP_ERROR_INSECURE,
                           _("Mail without TLS can only go to this computer (a loopback "
                             "address)."));
      return FALSE;
    }

  session->ehlo_name = ehlo_name_for (session->connection);
  session->stream = G_IO_STREAM (g_object_ref (session->connection));
  if (send->security == SB_SMTP_SECURITY_TLS && !start_tls (session, error))
    return FALSE;
  if (session->input == NULL)
    {
      session->input = g_data_input_stream_new (g_io_stream_get_input_stream (session->stream));
      g_data_input_stream_set_newline_type (session->input, G_DATA_STREAM_NEWLINE_TYPE_LF);
    }
  return TRUE;
}

static GPtrArray *
converse (Session  *session,
          GError  **error)
{
  SendData *send = session->send;
  g_autoptr(GPtrArray) rejected = g_ptr_array_new_with_free_func (
    (GDestroyNotify) sb_smtp_recipient_free);
  g_autofree char *mail_from = NULL;
  g_autoptr(GString) body = NULL;
  Reply reply = { 0 };
  guint accepted = 0;
  gboolean ok = FALSE;

  if (!connect_session (session, error))
    goto out;

  /* The greeting: 220, or 421/554 when the server will not talk. */
  if (!read_reply (session, &reply, error))
    goto out;
  if (reply.code != 220)
    {
      reply_error (&reply, error);
      goto out;
    }

  if (!ehlo (session, error))
    goto out;

  if (send->security == SB_SMTP_SECURITY_STARTTLS)
    {
      if (!session->has_starttls)
        {
          /* Never carry on in cleartext: say goodbye and stop. */
          send_command (session, FALSE, "QUIT", NULL);
          g_set_error_literal (error, SB_SMTP_ERROR, SB_SMTP_ERROR_STARTTLS_UNAVAILABLE,
                               _("The mail server does not offer STARTTLS, so the connection "
                                 "cannot be protected. Choose TLS or check the server."));
          goto out;
        }
      if (!command (session, "STARTTLS", 2, &reply, error) ||
          !start_tls (session, error) ||
          !ehlo (session, error))
        goto out;
    }

  if (send->username != NULL && *send->username != '\0' && !authenticate (session, error))
    goto out;

  mail_from = g_strdup_printf ("MAIL FROM:<%s>", send->from);
  if (!command (session, mail_from, 2, &reply, error))
    goto out;

  for (guint i = 0; send->recipients[i] != NULL; i++)
    {
      g_autofree char *rcpt = g_strdup_printf ("RCPT TO:<%s>", send->recipients[i]);

      if (!send_command (session, FALSE, rcpt, error) || !read_reply (session, &reply, error))
        goto out;
      if (reply.code / 100 == 2)
        {
          accepted++;
        }
      else
        {
          SbSmtpRecipient *recipient = g_new0 (SbSmtpRecipient, 1);

          recipient->address = g_strdup (send->recipients[i]);
          recipient->code = reply.code;
          recipient->reply = reply_to_string (&reply);
          g_ptr_array_add (rejected, recipient);
        }
    }

  if (accepted == 0)
    {
      /* Nobody to send to: the error is the recipients' (a 4xx one if any was temporary). */
      SbSmtpRecipient *worst = g_ptr_array_index (rejected, 0);

      for (guint i = 0; i < rejected->len; i++)
        {
          SbSmtpRecipient *recipient = g_ptr_array_index (rejected, i);

          if (recipient->code / 100 == 4)
            worst = recipient;
        }
      g_set_error_literal (error, SB_SMTP_ERROR,
                           worst->code / 100 == 4 ? SB_SMTP_ERROR_TEMPORARY
                                                  : SB_SMTP_ERROR_PERMANENT,
                           worst->reply);
      send_command (session, FALSE, "QUIT", NULL);
      goto out;
    }

  if (!command (session, "DATA", 3, &reply, error))
    goto out;
  body = dot_stuff (send->data);
  if (!write_text (session, body->str, body->len, error) ||
      !read_reply (session, &reply, error))
    goto out;
  if (reply.code / 100 != 2)
    {
      reply_error (&reply, error);
      goto out;
    }

  /* The message is the server's now; how QUIT goes does not matter. */
  ok = TRUE;
  if (send_command (session, FALSE, "QUIT", NULL))
    read_reply (session, &reply, NULL);

out:
  reply_clear (&reply);
  if (session->stream != NULL)
    g_io_stream_close (session->stream, NULL, NULL);
  return ok ? g_steal_pointer (&rejected) : NULL;
}

static void
send_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Session session = { 0 };
  GError *error = NULL;
  GPtrArray *rejected;

  session.send = task_data;
  session.cancellable = cancellable;
  rejected = converse (&session, &error);

  g_clear_object (&session.input);
  g_clear_object (&session.stream);
  g_clear_object (&session.connection);
  g_free (session.ehlo_name);

  if (rejected == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rejected, (GDestroyNotify) g_ptr_array_unref);
}

static void
sb_smtp_client_dispose (GObject *object)
{
  SbSmtpClient *self = SB_SMTP_CLIENT (object);

  g_clear_object (&self->tls_database);

  G_OBJECT_CLASS (sb_smtp_client_parent_class)->dispose (object);
}

static void
sb_smtp_client_class_init (SbSmtpClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_smtp_client_dispose;
}

static void
sb_smtp_client_init (SbSmtpClient *self)
{
  self->connect_timeout = SB_SMTP_CONNECT_TIMEOUT;
  self->read_timeout = SB_SMTP_READ_TIMEOUT;
}

SbSmtpClient *
sb_smtp_client_new (void)
{
  return g_object_new (SB_TYPE_SMTP_CLIENT, NULL);
}

/**
 * sb_smtp_client_set_tls_database:
 * @database: (nullable): the certificate authorities to trust; %NULL for the system's
 *
 * For tests, which trust their own server's certificate with a #GTlsFileDatabase. The
 * certificate is still checked, host name included.
 */
void
sb_smtp_client_set_tls_database (SbSmtpClient *self,
                                 GTlsDatabase *database)
{
  g_return_if_fail (SB_IS_SMTP_CLIENT (self));
  g_return_if_fail (database == NULL || G_IS_TLS_DATABASE (database));

  g_set_object (&self->tls_database, database);
}

GTlsDatabase *
sb_smtp_client_get_tls_database (SbSmtpClient *self)
{
  g_return_val_if_fail (SB_IS_SMTP_CLIENT (self), NULL);

  return self->tls_database;
}

/**
 * sb_smtp_client_set_timeouts:
 * @connect_seconds: how long connecting may take
 * @read_seconds: how long the server may take to answer, each time
 */
void
sb_smtp_client_set_timeouts (SbSmtpClient *self,
                             guint         connect_seconds,
                             guint         read_seconds)
{
  g_return_if_fail (SB_IS_SMTP_CLIENT (self));
  g_return_if_fail (connect_seconds > 0 && read_seconds > 0);

  self->connect_timeout = connect_seconds;
  self->read_timeout = read_seconds;
}

/**
 * sb_smtp_client_send_async:
 * @settings: the server, security, username; read now, so later changes do not matter
 * @password: (nullable): the password for @settings' username
 * @message: the message; its To addresses are the envelope's recipients
 *
 * Sends @message in one SMTP session of its own, off the main thread. The message is turned
 * into bytes (and checked) first: a header value with a line break fails here, before any
 * connection. Also what the Preferences' "Send test email" calls, with the settings being
 * edited and sb_mail_message_new_test().
 */
void
sb_smtp_client_send_async (SbSmtpClient        *self,
                           SbSmtpSettings      *settings,
                           const char          *password,
                           SbMailMessage       *message,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  SendData *send;
  const char *host;

  g_return_if_fail (SB_IS_SMTP_CLIENT (self));
  g_return_if_fail (SB_IS_SMTP_SETTINGS (settings));
  g_return_if_fail (SB_IS_MAIL_MESSAGE (message));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_smtp_client_send_async);

  host = sb_smtp_settings_get_host (settings);
  if (host == NULL || *host == '\0')
    {
      g_task_return_new_error (task, SB_SMTP_ERROR, SB_SMTP_ERROR_NOT_CONFIGURED,
                               _("No mail server is set up."));
      return;
    }
  if (sb_smtp_settings_get_security (settings) == SB_SMTP_SECURITY_NONE &&
      !is_loopback_host (host))
    {
      g_task_return_new_error (task, SB_SMTP_ERROR, SB_SMTP_ERROR_INSECURE,
                               _("Mail without TLS can only go to this computer (a loopback "
                                 "address)."));
      return;
    }

  data = sb_mail_message_to_bytes (message, &error);
  if (data == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  send = g_new0 (SendData, 1);
  send->host = g_strdup (host);
  send->port = sb_smtp_settings_get_effective_port (settings);
  send->security = sb_smtp_settings_get_security (settings);
  send->username = g_strdup (sb_smtp_settings_get_username (settings));
  send->password = g_strdup (password);
  send->from = g_strdup (sb_mail_message_get_from_address (message));
  send->recipients = g_strdupv ((char **) sb_mail_message_get_recipients (message));
  send->data = g_steal_pointer (&data);
  send->tls_database = self->tls_database != NULL ? g_object_ref (self->tls_database) : NULL;
  send->connect_timeout = self->connect_timeout;
  send->read_timeout = self->read_timeout;
  g_task_set_task_data (task, send, (GDestroyNotify) send_data_free);
  g_task_set_return_on_cancel (task, FALSE);

  g_task_run_in_thread (task, send_in_thread);
}

/**
 * sb_smtp_client_send_finish:
 *
 * Returns: (transfer full) (element-type SbSmtpRecipient): the message was taken for at least
 *   one recipient; the array holds those the server refused (often empty). %NULL with @error
 *   set when the message was not taken at all.
 */
GPtrArray *
sb_smtp_client_send_finish (SbSmtpClient  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (SB_IS_SMTP_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sb_smtp_client_send_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
