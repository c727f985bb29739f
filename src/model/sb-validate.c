/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-validate.h"

G_DEFINE_QUARK (sb-model-error-quark, sb_model_error)

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
check_utf8 (const char  *field,
            const char  *value,
            gssize       length,
            gsize       *out_length,
            GError     **error)
{
  gsize len;

  if (value == NULL)
    /* Translators: %s is the name of a field, like Name, Title or Description. */
    return invalid (error, _("%s is missing."), field);

  len = length < 0 ? strlen (value) : (gsize) length;
  if (memchr (value, '\0', len) != NULL)
    /* Translators: %s is the name of a field, like Name, Title or Description. */
    return invalid (error, _("%s contains a NUL character."), field);
  if (!g_utf8_validate_len (value, len, NULL))
    /* Translators: %s is the name of a field, like Name, Title or Description. */
    return invalid (error, _("%s is not valid UTF-8 text."), field);

  *out_length = len;
  return TRUE;
}

static gboolean
is_blank (const char *value,
          gsize       len)
{
  for (const char *p = value; p < value + len; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * sb_validate_line:
 *
 * A single-line field (a name, a title): not blank, at most %SB_MAX_LINE_CHARS characters,
 * valid UTF-8, and no control characters at all (no CR, LF, tab, NUL or DEL).
 */
gboolean
sb_validate_line (const char  *field,
                  const char  *value,
                  gssize       length,
                  GError     **error)
{
  gsize len;

  if (!check_utf8 (field, value, length, &len, error))
    return FALSE;
  if (is_blank (value, len))
    /* Translators: %s is the name of a field, like Name, Title or Description. */
    return invalid (error, _("%s cannot be empty."), field);
  if (g_utf8_strlen (value, len) > SB_MAX_LINE_CHARS)
    /* Translators: %s is the name of a field, like Name, Title or Description; %d a number of
     * characters. */
    return invalid (error, _("%s is too long: at most %d characters."), field, SB_MAX_LINE_CHARS);

  for (const char *p = value; p < value + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        /* Translators: %s is the name of a field, like Name, Title or Description. */
        return invalid (error, _("%s must be on one line, without control characters."), field);
    }

  return TRUE;
}

/**
 * sb_validate_text:
 *
 * A multi-line text (a description, a comment): may be empty, at most %SB_MAX_TEXT_BYTES
 * bytes, valid UTF-8; newlines and tabs are allowed, other control characters are not.
 */
gboolean
sb_validate_text (const char  *field,
                  const char  *value,
                  gssize       length,
                  GError     **error)
{
  gsize len;

  if (!check_utf8 (field, value, length, &len, error))
    return FALSE;
  if (len > SB_MAX_TEXT_BYTES)
    /* Translators: %s is the name of a field, like Name, Title or Description; %d a size in KiB. */
    return invalid (error, _("%s is too long: at most %d KiB."), field, SB_MAX_TEXT_BYTES / 1024);

  for (const char *p = value; p < value + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && c != '\n' && c != '\t' && c != '\r')
        /* Translators: %s is the name of a field, like Name, Title or Description. */
        return invalid (error, _("%s contains a control character."), field);
    }

  return TRUE;
}

static gboolean
is_atext (char c)
{
  return g_ascii_isalnum (c) || strchr ("!#$%&'*+/=?^_`{|}~-", c) != NULL;
}

/**
 * sb_validate_email:
 *
 * An address of the form local@domain.tld as people type them (RFC 5321 dot-atom local part,
 * a DNS name with at least one dot), at most 254 characters. Quoted local parts and IP
 * literals are refused on purpose: they are never what someone meant.
 */
gboolean
sb_validate_email (const char  *value,
                   gssize       length,
                   GError     **error)
{
  const char *field = _("Email");
  const char *at;
  const char *domain;
  gsize len;
  gsize local_len;
  gboolean dot_seen = FALSE;

  if (!check_utf8 (field, value, length, &len, error))
    return FALSE;
  if (len == 0 || is_blank (value, len))
    return invalid (error, _("Email cannot be empty."));
  if (len > 254)
    return invalid (error, _("Email is too long: at most 254 characters."));

  at = memchr (value, '@', len);
  if (at == NULL || memchr (at + 1, '@', len - (at + 1 - value)) != NULL)
    /* Translators: %.*s is what was typed as an email address. */
    return invalid (error, _("“%.*s” is not an email address: it needs exactly one “@”."),
                    (int) MIN (len, 64), value);

  local_len = at - value;
  domain = at + 1;
  if (local_len == 0 || local_len > 64)
    return invalid (error, _("The part of the email before “@” must have 1 to 64 characters."));
  if (value[0] == '.' || at[-1] == '.')
    return invalid (error, _("The part of the email before “@” cannot start or end with a dot."));

  for (const char *p = value; p < at; p++)
    {
      if (*p == '.' && p[1] == '.')
        return invalid (error, _("The email cannot contain two dots in a row."));
      if (*p != '.' && !is_atext (*p))
        return invalid (error, _("The email contains a character that is not allowed there."));
    }

  if (domain >= value + len)
    return invalid (error, _("The email needs a domain after “@”."));

  {
    const char *label = domain;

    for (const char *p = domain; p <= value + len; p++)
      {
        if (p == value + len || *p == '.')
          {
            gsize label_len = p - label;

            if (label_len == 0 || label_len > 63)
              return invalid (error, _("The domain of the email is not valid."));
            if (label[0] == '-' || p[-1] == '-')
              return invalid (error, _("The domain of the email is not valid."));
            if (p < value + len)
              dot_seen = TRUE;
            label = p + 1;
          }
        else if (!g_ascii_isalnum (*p) && *p != '-')
          {
            return invalid (error, _("The domain of the email contains a character that is not "
                                     "allowed."));
          }
      }
  }

  if (!dot_seen)
    return invalid (error, _("The domain of the email needs a dot, as in example.org."));

  return TRUE;
}

/**
 * sb_validate_password:
 *
 * At least %SB_MIN_PASSWORD_CHARS characters and valid UTF-8. Anything else is the user's
 * business: spaces and symbols are welcome.
 */
gboolean
sb_validate_password (const char  *value,
                      gssize       length,
                      GError     **error)
{
  gsize len;

  if (!check_utf8 (_("Password"), value, length, &len, error))
    return FALSE;
  if (g_utf8_strlen (value, len) < SB_MIN_PASSWORD_CHARS)
    return invalid (error, _("The password must have at least %d characters."),
                    SB_MIN_PASSWORD_CHARS);
  if (len > SB_MAX_PASSWORD_BYTES)
    return invalid (error, _("The password is too long."));
  return TRUE;
}

/**
 * sb_validate_project_key:
 *
 * 2 to 10 characters from A–Z and 0–9, starting with a letter, as in “WEB” or “APP2”.
 */
gboolean
sb_validate_project_key (const char  *value,
                         gssize       length,
                         GError     **error)
{
  gsize len;

  if (!check_utf8 (_("Key"), value, length, &len, error))
    return FALSE;
  if (len < 2 || len > 10)
    return invalid (error, _("The project key must have 2 to 10 characters."));
  if (!(value[0] >= 'A' && value[0] <= 'Z'))
    return invalid (error, _("The project key must start with a capital letter A–Z."));
  for (gsize i = 1; i < len; i++)
    if (!((value[i] >= 'A' && value[i] <= 'Z') || (value[i] >= '0' && value[i] <= '9')))
      return invalid (error, _("The project key may only contain capital letters A–Z and digits."));
  return TRUE;
}

/**
 * sb_validate_date:
 *
 * A calendar date written YYYY-MM-DD, with a year from %SB_MIN_DATE_YEAR to %SB_MAX_DATE_YEAR.
 */
gboolean
sb_validate_date (const char  *field,
                  const char  *value,
                  GError     **error)
{
  guint year, month, day;

  if (value == NULL)
    /* Translators: %s is the name of a field, like Name, Title or Description. */
    return invalid (error, _("%s is missing."), field);

  if (strlen (value) != 10 || value[4] != '-' || value[7] != '-' ||
      !g_ascii_isdigit (value[0]) || !g_ascii_isdigit (value[1]) ||
      !g_ascii_isdigit (value[2]) || !g_ascii_isdigit (value[3]) ||
      !g_ascii_isdigit (value[5]) || !g_ascii_isdigit (value[6]) ||
      !g_ascii_isdigit (value[8]) || !g_ascii_isdigit (value[9]))
    /* Translators: %s is the name of a date field, like Due date. */
    return invalid (error, _("%s must be a date written YYYY-MM-DD."), field);

  year = g_ascii_digit_value (value[0]) * 1000 + g_ascii_digit_value (value[1]) * 100 +
         g_ascii_digit_value (value[2]) * 10 + g_ascii_digit_value (value[3]);
  month = g_ascii_digit_value (value[5]) * 10 + g_ascii_digit_value (value[6]);
  day = g_ascii_digit_value (value[8]) * 10 + g_ascii_digit_value (value[9]);

  if (year < SB_MIN_DATE_YEAR || year > SB_MAX_DATE_YEAR)
    /* Translators: %s is the name of a date field, like Due date; then two years. */
    return invalid (error, _("%s must be between the years %d and %d."), field,
                    SB_MIN_DATE_YEAR, SB_MAX_DATE_YEAR);
  if (!g_date_valid_dmy (day, month, year))
    /* Translators: %s is the name of a date field, like Due date. */
    return invalid (error, _("%s is not a day of the calendar."), field);

  return TRUE;
}

gboolean
sb_validate_priority (int      priority,
                      GError **error)
{
  if (priority < SB_PRIORITY_LOW || priority > SB_PRIORITY_CRITICAL)
    return invalid (error, _("The priority %d is not one of Low, Medium, High or Critical."),
                    priority);
  return TRUE;
}

gboolean
sb_validate_status (int      status,
                    GError **error)
{
  if (status < SB_PROJECT_STATUS_PLANNED || status > SB_PROJECT_STATUS_COMPLETED)
    return invalid (error, _("The project status %d is not known."), status);
  return TRUE;
}

gboolean
sb_validate_points (int      points,
                    GError **error)
{
  if (points < 0 || points > SB_MAX_STORY_POINTS)
    return invalid (error, _("Story points must be between 0 and %d."), SB_MAX_STORY_POINTS);
  return TRUE;
}

/**
 * sb_suggest_project_key:
 *
 * A key made from a project's name, for the editor to offer: the initials of a name of
 * several words ("Website redesign" → "WR"), or the first letters of a single word
 * ("Website" → "WEBS"). Returns %NULL when nothing usable is in @name.
 */
char *
sb_suggest_project_key (const char *name)
{
  g_autoptr(GString) initials = g_string_new (NULL);
  g_autoptr(GString) letters = g_string_new (NULL);
  gboolean word_start = TRUE;
  guint words = 0;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *folded = NULL;

      if (!g_unichar_isalnum (c))
        {
          word_start = TRUE;
          continue;
        }

      /* Fold "é" to "E" where a decomposition gives an ASCII base letter. */
      {
        gunichar decomposed[4];
        gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));

        c = n > 0 ? decomposed[0] : c;
      }
      if (c >= 0x80)
        continue;
      c = g_ascii_toupper ((char) c);

      if (letters->len == 0 && !g_ascii_isalpha ((char) c))
        continue;

      if (word_start && (initials->len > 0 || g_ascii_isalpha ((char) c)))
        {
          if (initials->len < 10)
            g_string_append_c (initials, (char) c);
          words++;
        }
      word_start = FALSE;
      if (letters->len < 4)
        g_string_append_c (letters, (char) c);
    }

  if (words >= 2 && initials->len >= 2)
    return g_string_free (g_steal_pointer (&initials), FALSE);
  if (letters->len >= 2)
    return g_string_free (g_steal_pointer (&letters), FALSE);
  return NULL;
}
