/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-invite.h"
#include "sb-mail-message.h"

/* An RFC 5322 message: Date, Message-ID, From, Reply-To, To, Subject (RFC 2047 encoded words
 * when not plain ASCII) and a text body with an optional HTML alternative, both
 * quoted-printable so that no line is longer than 76 octets whatever the text. Lines end in
 * CRLF; dot-stuffing is the SMTP client's business, not the message's. Every header value
 * and address is checked when the message is turned into bytes: a CR, LF or other control
 * character in one is an error, so nothing a person typed can add a header. */

struct _SbMailMessage
{
  GObject    parent_instance;

  char      *from_address;
  char      *from_name;
  char      *reply_to_address;
  char      *reply_to_name;
  GPtrArray *to_addresses;     /* of char*, NULL-terminated */
  GPtrArray *to_names;         /* of char* or NULL, one for each address */
  char      *subject;
  char      *text;
  char      *html;
  char      *message_id;       /* "local@domain", without the angle brackets */
  GDateTime *date;
};

G_DEFINE_FINAL_TYPE (SbMailMessage, sb_mail_message, G_TYPE_OBJECT)
G_DEFINE_QUARK (sb-mail-message-error-quark, sb_mail_message_error)

/* Bytes of UTF-8 in one encoded word: 45 make 60 characters of base64, 72 with the wrapping,
 * under the 75 RFC 2047 allows. */
#define ENCODED_WORD_BYTES 45
#define ENCODED_WORD_OVERHEAD 12   /* "=?UTF-8?B?" and "?=" */
/* Header lines we fold stay within this (the hard limit is 998). */
#define MAX_LINE_CHARS 76
/* Quoted-printable lines are at most 76 characters, the soft line break's "=" included. */
#define QP_LINE_CHARS 75

static gboolean G_GNUC_PRINTF (2, 3)
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (SB_MAIL_MESSAGE_ERROR,
                                                SB_MAIL_MESSAGE_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

/* A header value a person may have typed: UTF-8, and no CR, LF or other control character
 * (which is how one would smuggle in a header of their own). */
static gboolean
check_header_value (const char  *field,
                    const char  *value,
                    GError     **error)
{
  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    /* Translators: %s is a part of the mail: sender, sender name, subject, reply-to, recipient,
     * text. */
    return invalid (error, _("The %s of the mail is not valid text."), field);
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if ((c < 0x20 && c != '\t') || c == 0x7f)
        /* Translators: %s is a part of the mail: sender, sender name, subject, reply-to,
         * recipient, text. */
        return invalid (error,
                        _("The %s of the mail contains a line break or a control character."),
                        field);
    }
  return TRUE;
}

/* An address as it goes into an SMTP envelope and a header: plain ASCII local@domain, nothing
 * that would need quoting. Stricter than RFC 5321, as the model's email validation is. */
static gboolean
check_address (const char  *field,
               const char  *address,
               GError     **error)
{
  const char *at;

  if (address == NULL || *address == '\0')
    /* Translators: %s is whose address: sender, reply-to or recipient. */
    return invalid (error, _("The mail has no %s address."), field);
  if (!check_header_value (field, address, error))
    return FALSE;
  for (const char *p = address; *p != '\0'; p++)
    {
      if (*p <= ' ' || *p > '~' || strchr ("<>()[],;:\\\"", *p) != NULL)
        /* Translators: %s is whose address: sender, reply-to or recipient. */
        return invalid (error, _("The %s address of the mail is not an email address."),
                        field);
    }
  at = strchr (address, '@');
  if (at == NULL || at == address || at[1] == '\0' || strchr (at + 1, '@') != NULL)
    /* Translators: %s is whose address: sender, reply-to or recipient. */
    return invalid (error, _("The %s address of the mail is not an email address."), field);
  return TRUE;
}

static gboolean
is_plain_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || (guchar) *p > 0x7e)
      return FALSE;
  return TRUE;
}

/* How far the last line of @out is. */
static gsize
current_column (GString *out)
{
  const char *newline = g_strrstr_len (out->str, out->len, "\n");

  return newline != NULL ? out->len - (newline + 1 - out->str) : out->len;
}

/* @text as RFC 2047 encoded words ("=?UTF-8?B?…?="), split between whole characters, the
 * first sized to fit the rest of the current line, the others each on a folded line of its
 * own, so that no line is longer than 76 characters. */
static void
append_encoded_words (GString    *out,
                      const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      gsize column = current_column (out);
      const char *end = p;
      g_autofree char *base64 = NULL;
      gsize max_bytes;

      if (p != text || column + ENCODED_WORD_OVERHEAD + 8 > MAX_LINE_CHARS)
        {
          g_string_append (out, "\r\n ");
          column = 1;
        }
      max_bytes = MIN (ENCODED_WORD_BYTES,
                       (MAX_LINE_CHARS - column - ENCODED_WORD_OVERHEAD) / 4 * 3);

      /* Take whole characters while they fit; at least one. */
      end = g_utf8_next_char (p);
      while (*end != '\0')
        {
          const char *next = g_utf8_next_char (end);

          if ((gsize) (next - p) > max_bytes)
            break;
          end = next;
        }

      base64 = g_base64_encode ((const guchar *) p, end - p);
      g_string_append_printf (out, "=?UTF-8?B?%s?=", base64);
      p = end;
    }
}

/* "Display Name" <address>, the name quoted or encoded as it needs. */
static void
append_mailbox (GString    *out,
                const char *address,
                const char *display_name)
{
  if (display_name == NULL || *display_name == '\0')
    {
      g_string_append (out, address);
      return;
    }

  if (is_plain_ascii (display_name))
    {
      g_string_append_c (out, '"');
      for (const char *p = display_name; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    {
      append_encoded_words (out, display_name);
    }
  if (current_column (out) + strlen (address) + 3 > MAX_LINE_CHARS)
    g_string_append (out, "\r\n");
  g_string_append_printf (out, " <%s>", address);
}

static char *
format_date (GDateTime *date)
{
  static const char * const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  gint64 offset = g_date_time_get_utc_offset (date) / G_TIME_SPAN_MINUTE;
  char sign = offset < 0 ? '-' : '+';

  /* Not g_date_time_format(): %a and %b would follow the locale, and RFC 5322 is English. */
  offset = ABS (offset);
  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                          days[g_date_time_get_day_of_week (date) - 1],
                          g_date_time_get_day_of_month (date),
                          months[g_date_time_get_month (date) - 1],
                          g_date_time_get_year (date),
                          g_date_time_get_hour (date),
                          g_date_time_get_minute (date),
                          g_date_time_get_second (date),
                          sign, (int) (offset / 60), (int) (offset % 60));
}

/* One line of text, quoted-printable, with soft line breaks; @line has no line break. */
static void
append_quoted_printable_line (GString    *out,
                              const char *line,
                              gsize       length)
{
  guint column = 0;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) line[i];
      gboolean last = i + 1 == length;
      char piece[4];
      guint piece_length;

      if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last))
        {
          piece[0] = (char) c;
          piece[1] = '\0';
          piece_length = 1;
        }
      else
        {
          g_snprintf (piece, sizeof piece, "=%02X", c);
          piece_length = 3;
        }

      if (column + piece_length > QP_LINE_CHARS)
        {
          g_string_append (out, "=\r\n");
          column = 0;
        }
      g_string_append (out, piece);
      column += piece_length;
    }
  g_string_append (out, "\r\n");
}

/* @text, whose lines may end in LF, CRLF or CR, as quoted-printable lines ending in CRLF. */
static void
append_quoted_printable (GString    *out,
                         const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      gsize length = strcspn (p, "\r\n");

      append_quoted_printable_line (out, p, length);
      p += length;
      if (p[0] == '\r' && p[1] == '\n')
        p += 2;
      else if (*p != '\0')
        p++;
    }
}

static void
append_part (GString    *out,
             const char *content_type,
             const char *body)
{
  g_string_append_printf (out,
                          "Content-Type: %s; charset=UTF-8\r\n"
                          "Content-Transfer-Encoding: quoted-printable\r\n"
                          "\r\n",
                          content_type);
  append_quoted_printable (out, body);
}

static const char *
address_domain (const char *address)
{
  const char *at = address != NULL ? strrchr (address, '@') : NULL;

  return at != NULL ? at + 1 : NULL;
}

static void
sb_mail_message_finalize (GObject *object)
{
  SbMailMessage *self = SB_MAIL_MESSAGE (object);

  g_clear_pointer (&self->from_address, g_free);
  g_clear_pointer (&self->from_name, g_free);
  g_clear_pointer (&self->reply_to_address, g_free);
  g_clear_pointer (&self->reply_to_name, g_free);
  g_clear_pointer (&self->to_addresses, g_ptr_array_unref);
  g_clear_pointer (&self->to_names, g_ptr_array_unref);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->html, g_free);
  g_clear_pointer (&self->message_id, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (sb_mail_message_parent_class)->finalize (object);
}

static void
sb_mail_message_class_init (SbMailMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_mail_message_finalize;
}

static void
sb_mail_message_init (SbMailMessage *self)
{
  self->to_addresses = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->to_names = g_ptr_array_new_with_free_func (g_free);
}

/**
 * sb_mail_message_new:
 *
 * Returns: (transfer full): an empty message, to fill with the setters
 */
SbMailMessage *
sb_mail_message_new (void)
{
  return g_object_new (SB_TYPE_MAIL_MESSAGE, NULL);
}

/**
 * sb_mail_message_new_invite:
 * @invite: the invite, as sb_invite_queue_claim_next() gave it
 * @settings: for the sender address
 *
 * The invite email: from the configured sender address with the project manager's name,
 * Reply-To the manager, to the new member, with the invite's own Message-ID (the same for
 * every attempt) on the sender's domain.
 *
 * Returns: (transfer full): the message, or %NULL when the sender address is not usable
 */
SbMailMessage *
sb_mail_message_new_invite (SbInvite        *invite,
                            SbSmtpSettings  *settings,
                            GError         **error)
{
  g_autoptr(SbMailMessage) self = NULL;
  g_autofree char *project = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *greeting = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autofree char *message_id = NULL;
  g_autofree char *html_greeting = NULL;
  g_autofree char *html_sentence = NULL;
  g_autofree char *html_footer = NULL;
  const char *sender_address;

  g_return_val_if_fail (SB_IS_INVITE (invite), NULL);
  g_return_val_if_fail (SB_IS_SMTP_SETTINGS (settings), NULL);

  sender_address = sb_smtp_settings_get_sender_address (settings);
  if (!check_address (_("sender"), sender_address, error))
    return NULL;

  project = g_strdup_printf ("%s — %s", sb_invite_get_project_key (invite),
                             sb_invite_get_project_name (invite));
  /* Translators: the subject and first line of the invite email: "You have been added to
   * WEB — Website redesign by Dana Manager". The first %s is the project's key and name,
   * the second the name of the project's manager. */
  sentence = g_strdup_printf (_("You have been added to %s by %s"), project,
                              sb_invite_get_manager_name (invite));
  /* Translators: the greeting of the invite email; %s is the new member's name. */
  greeting = g_strdup_printf (_("Hello %s,"), sb_invite_get_employee_name (invite));
  text = g_strdup_printf ("%s\n\n%s.\n\n%s\n", greeting, sentence,
                          _("Open Sprintboard to see the project’s board and your tasks."));

  html_greeting = g_markup_escape_text (greeting, -1);
  html_sentence = g_markup_escape_text (sentence, -1);
  html_footer = g_markup_escape_text (_("Open Sprintboard to see the project’s board and your "
                                        "tasks."), -1);
  html = g_strdup_printf ("<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"></head>\n"
                          "<body>\n<p>%s</p>\n<p><strong>%s.</strong></p>\n<p>%s</p>\n"
                          "</body>\n</html>\n",
                          html_greeting, html_sentence, html_footer);

  message_id = g_strdup_printf ("%s@%s", sb_invite_get_message_id (invite),
                                address_domain (sender_address));

  self = sb_mail_message_new ();
  sb_mail_message_set_from (self, sender_address, sb_invite_get_manager_name (invite));
  sb_mail_message_set_reply_to (self, sb_invite_get_manager_email (invite),
                                sb_invite_get_manager_name (invite));
  sb_mail_message_add_to (self, sb_invite_get_employee_email (invite),
                          sb_invite_get_employee_name (invite));
  sb_mail_message_set_subject (self, sentence);
  sb_mail_message_set_body (self, text, html);
  sb_mail_message_set_message_id (self, message_id);
  return g_steal_pointer (&self);
}

/**
 * sb_mail_message_new_test:
 * @to_address: where to send it (the person trying the settings)
 *
 * The Preferences' "Send test email": from the configured sender, to @to_address.
 *
 * Returns: (transfer full): the message, or %NULL when an address is not usable
 */
SbMailMessage *
sb_mail_message_new_test (SbSmtpSettings  *settings,
                          const char      *to_address,
                          GError         **error)
{
  g_autoptr(SbMailMessage) self = NULL;
  const char *sender_address;

  g_return_val_if_fail (SB_IS_SMTP_SETTINGS (settings), NULL);

  sender_address = sb_smtp_settings_get_sender_address (settings);
  if (!check_address (_("sender"), sender_address, error) ||
      !check_address (_("recipient"), to_address, error))
    return NULL;

  self = sb_mail_message_new ();
  sb_mail_message_set_from (self, sender_address, sb_smtp_settings_get_sender_name (settings));
  sb_mail_message_add_to (self, to_address, NULL);
  sb_mail_message_set_subject (self, _("Sprintboard test email"));
  sb_mail_message_set_body (self, _("This is a test email from Sprintboard. If you can read "
                                    "it, invites will reach your team.\n"), NULL);
  return g_steal_pointer (&self);
}

void
sb_mail_message_set_from (SbMailMessage *self,
                          const char    *address,
                          const char    *display_name)
{
  g_return_if_fail (SB_IS_MAIL_MESSAGE (self));

  g_free (self->from_address);
  self->from_address = g_strdup (address);
  g_free (self->from_name);
  self->from_name = g_strdup (display_name);
}

const char *
sb_mail_message_get_from_address (SbMailMessage *self)
{
  g_return_val_if_fail (SB_IS_MAIL_MESSAGE (self), NULL);

  return self->from_address;
}

void
sb_mail_message_set_reply_to (SbMailMessage *self,
                              const char    *address,
                              const char    *display_name)
{
  g_return_if_fail (SB_IS_MAIL_MESSAGE (self));

  g_free (self->reply_to_address);
  self->reply_to_address = g_strdup (address);
  g_free (self->reply_to_name);
  self->reply_to_name = g_strdup (display_name);
}

void
sb_mail_message_add_to (SbMailMessage *self,
                        const char    *address,
                        const char    *display_name)
{
  g_return_if_fail (SB_IS_MAIL_MESSAGE (self));
  g_return_if_fail (address != NULL);

  g_ptr_array_add (self->to_addresses, g_strdup (address));
  g_ptr_array_add (self->to_names, g_strdup (display_name));
}

/**
 * sb_mail_message_get_recipients:
 *
 * Returns: (transfer none) (array zero-terminated=1): the To addresses, the SMTP envelope's
 *   recipients
 */
const char * const *
sb_mail_message_get_recipients (SbMailMessage *self)
{
  g_return_val_if_fail (SB_IS_MAIL_MESSAGE (self), NULL);

  return (const char * const *) self->to_addresses->pdata;
}

void
sb_mail_message_set_subject (SbMailMessage *self,
                             const char    *subject)
{
  g_return_if_fail (SB_IS_MAIL_MESSAGE (self));

  g_free (self->subject);
  self->subject = g_strdup (subject);
}

/**
 * sb_mail_message_set_body:
 * @text: the plain text, lines separated by LF (or CRLF)
 * @html: (nullable): an HTML alternative of the same
 */
void
sb_mail_message_set_body (SbMailMessage *self,
                          const char    *text,
                          const char    *html)
{
  g_return_if_fail (SB_IS_MAIL_MESSAGE (self));

  g_free (self->text);
  self->text = g_strdup (text);
  g_free (self->html);
  self->html = g_strdup (html);
}

/**
 * sb_mail_message_set_message_id:
 * @message_id: "local@domain", without angle brackets; unset, one is made on the sender's
 *   domain
 */
void
sb_mail_message_set_message_id (SbMailMessage *self,
                                const char    *message_id)
{
  g_return_if_fail (SB_IS_MAIL_MESSAGE (self));

  g_free (self->message_id);
  self->message_id = g_strdup (message_id);
}

const char *
sb_mail_message_get_message_id (SbMailMessage *self)
{
  g_return_val_if_fail (SB_IS_MAIL_MESSAGE (self), NULL);

  return self->message_id;
}

/**
 * sb_mail_message_set_date:
 * @date: (nullable): the Date header; unset, the time of sb_mail_message_to_bytes()
 */
void
sb_mail_message_set_date (SbMailMessage *self,
                          GDateTime     *date)
{
  g_return_if_fail (SB_IS_MAIL_MESSAGE (self));

  g_clear_pointer (&self->date, g_date_time_unref);
  if (date != NULL)
    self->date = g_date_time_ref (date);
}

static gboolean
validate (SbMailMessage  *self,
          GError        **error)
{
  /* Translators: the parts of a mail, each put into "The %s of the mail is not valid text."
   * and the like. */
  if (!check_address (_("sender"), self->from_address, error) ||
      !check_header_value (_("sender name"), self->from_name, error) ||
      !check_header_value (_("subject"), self->subject, error))
    return FALSE;
  if (self->reply_to_address != NULL &&
      (!check_address (_("reply-to"), self->reply_to_address, error) ||
       !check_header_value (_("reply-to name"), self->reply_to_name, error)))
    return FALSE;
  if (self->to_addresses->len == 0)
    /* Translators: %s is whose address: sender, reply-to or recipient. */
    return invalid (error, _("The mail has no %s address."), _("recipient"));
  for (guint i = 0; i < self->to_addresses->len; i++)
    {
      if (!check_address (_("recipient"), g_ptr_array_index (self->to_addresses, i), error) ||
          !check_header_value (_("recipient name"), g_ptr_array_index (self->to_names, i),
                               error))
        return FALSE;
    }
  if (self->message_id != NULL && !check_address ("Message-ID", self->message_id, error))
    return FALSE;
  if (self->text == NULL || !g_utf8_validate (self->text, -1, NULL))
    /* Translators: %s is a part of the mail: sender, sender name, subject, reply-to, recipient,
     * text. */
    return invalid (error, _("The %s of the mail is not valid text."), _("text"));
  if (self->html != NULL && !g_utf8_validate (self->html, -1, NULL))
    /* Translators: %s is a part of the mail: sender, sender name, subject, reply-to, recipient,
     * text. */
    return invalid (error, _("The %s of the mail is not valid text."), "HTML");
  return TRUE;
}

/**
 * sb_mail_message_to_bytes:
 *
 * The message as it goes after SMTP's DATA (before dot-stuffing): CRLF line ends, no line
 * longer than 998 octets, 7-bit. Checks every header value and address first.
 *
 * Returns: (transfer full): the message, or %NULL with @error set when a value is not usable
 */
GBytes *
sb_mail_message_to_bytes (SbMailMessage  *self,
                          GError        **error)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *generated_id = NULL;
  g_autofree char *boundary = NULL;
  const char *message_id;

  g_return_val_if_fail (SB_IS_MAIL_MESSAGE (self), NULL);

  if (!validate (self, error))
    return NULL;

  if (self->date == NULL)
    now = g_date_time_new_now_local ();
  date = format_date (self->date != NULL ? self->date : now);

  message_id = self->message_id;
  if (message_id == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      generated_id = g_strdup_printf ("%s@%s", uuid, address_domain (self->from_address));
      message_id = generated_id;
    }

  out = g_string_new (NULL);
  g_string_append_printf (out, "Date: %s\r\n", date);
  g_string_append_printf (out, "Message-ID: <%s>\r\n", message_id);

  g_string_append (out, "From: ");
  append_mailbox (out, self->from_address, self->from_name);
  g_string_append (out, "\r\n");

  if (self->reply_to_address != NULL)
    {
      g_string_append (out, "Reply-To: ");
      append_mailbox (out, self->reply_to_address, self->reply_to_name);
      g_string_append (out, "\r\n");
    }

  g_string_append (out, "To: ");
  for (guint i = 0; i < self->to_addresses->len; i++)
    {
      if (i > 0)
        g_string_append (out, ",\r\n ");
      append_mailbox (out, g_ptr_array_index (self->to_addresses, i),
                      g_ptr_array_index (self->to_names, i));
    }
  g_string_append (out, "\r\n");

  g_string_append (out, "Subject: ");
  if (self->subject != NULL && is_plain_ascii (self->subject) && strlen (self->subject) <= 900)
    g_string_append (out, self->subject);
  else if (self->subject != NULL)
    append_encoded_words (out, self->subject);
  g_string_append (out, "\r\n");

  g_string_append (out, "MIME-Version: 1.0\r\n");
  g_string_append (out, "Auto-Submitted: auto-generated\r\n");

  if (self->html == NULL)
    {
      append_part (out, "text/plain", self->text);
      return g_string_free_to_bytes (g_steal_pointer (&out));
    }

  /* "=_" cannot occur in quoted-printable text, so the boundary never does either. */
  {
    g_autofree char *uuid = g_uuid_string_random ();

    boundary = g_strdup_printf ("=_sprintboard_%s", uuid);
  }
  g_string_append_printf (out,
                          "Content-Type: multipart/alternative;\r\n boundary=\"%s\"\r\n"
                          "\r\n"
                          "This is a message in two formats, text and HTML.\r\n"
                          "\r\n"
                          "--%s\r\n",
                          boundary, boundary);
  /* The CRLF before a boundary belongs to the boundary (RFC 2046), hence one more after each
   * part: the text's own last line break survives. */
  append_part (out, "text/plain", self->text);
  g_string_append_printf (out, "\r\n--%s\r\n", boundary);
  append_part (out, "text/html", self->html);
  g_string_append_printf (out, "\r\n--%s--\r\n", boundary);

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
