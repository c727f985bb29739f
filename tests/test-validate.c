/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* The validators every entry point shares (sb-validate.h), table by table: each table holds
 * good and bad values around the limits, and every case that goes the wrong way is reported
 * by name before the test fails. */

#include <string.h>

#include "sb-test-util.h"

typedef gboolean (*StringValidator) (const char  *value,
                                     gssize       length,
                                     GError     **error);

typedef struct
{
  const char *why;
  const char *value;
  gssize      length;   /* -1: NUL-terminated */
  gboolean    valid;
} StringCase;

#define GOOD(why, value) { why, value, -1, TRUE }
#define BAD(why, value) { why, value, -1, FALSE }
#define GOOD_LEN(why, value, length) { why, value, length, TRUE }
#define BAD_LEN(why, value, length) { why, value, length, FALSE }

/* A printable, bounded rendering of a test value for failure messages. */
static char *
describe (const char *value,
          gssize      length)
{
  g_autofree char *copy = NULL;
  gsize len;

  if (value == NULL)
    return g_strdup ("NULL");

  len = length < 0 ? strlen (value) : (gsize) length;
  /* Show the embedded NUL too: g_strescape() stops at the first one. */
  copy = g_malloc0 (len + 1);
  for (gsize i = 0; i < len; i++)
    copy[i] = value[i] == '\0' ? '0' : value[i];
  if (len > 48)
    {
      g_autofree char *valid_head = g_utf8_make_valid (copy, 40);
      g_autofree char *head = g_strescape (valid_head, NULL);

      return g_strdup_printf ("\"%s...\" (%" G_GSIZE_FORMAT " bytes)", head, len);
    }
  {
    g_autofree char *escaped = g_strescape (copy, NULL);

    return g_strdup_printf ("\"%s\" (%" G_GSIZE_FORMAT " bytes)", escaped, len);
  }
}

/* Lists one wrong case and marks the test failed; the test goes on, so that a run shows every
 * case that is wrong rather than the first one only. */
static void report (const char *format,
                    ...) G_GNUC_PRINTF (1, 2);

static void
report (const char *format,
        ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_test_message ("FAIL: %s", message);
  g_test_fail ();
}

/* Checks one outcome; reports a mismatch without stopping, so that one run lists every case
 * that is wrong. */
static void
check_outcome (const char *what,
               const char *why,
               const char *shown,
               gboolean    expected_valid,
               gboolean    ok,
               GError     *error)
{
  if (expected_valid)
    {
      if (!ok || error != NULL)
        report ("%s: %s %s should be accepted, got: %s", what, why, shown,
                            error != NULL ? error->message : "FALSE without an error");
      return;
    }

  if (ok)
    {
      report ("%s: %s %s should be refused, but was accepted", what, why, shown);
      return;
    }
  if (!g_error_matches (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT))
    {
      report ("%s: %s %s: expected SB_MODEL_ERROR_INVALID_INPUT, got %s", what, why,
                          shown,
                          error != NULL ? g_quark_to_string (error->domain) : "no error");
      return;
    }
  if (error->message == NULL || error->message[0] == '\0')
    report ("%s: %s %s: the error has no message", what, why, shown);
}

static void
run_string_cases (const char       *what,
                  StringValidator   validate,
                  const StringCase *cases,
                  gsize             n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      const StringCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = describe (c->value, c->length);
      gboolean ok;

      ok = validate (c->value, c->length, &error);
      check_outcome (what, c->why, shown, c->valid, ok, error);

      /* The same answer without an error location. */
      if (validate (c->value, c->length, NULL) != ok)
        report ("%s: %s %s: a different answer with error = NULL", what, c->why,
                            shown);
    }
}

static gboolean
validate_line (const char  *value,
               gssize       length,
               GError     **error)
{
  return sb_validate_line ("Title", value, length, error);
}

static gboolean
validate_text (const char  *value,
               gssize       length,
               GError     **error)
{
  return sb_validate_text ("Description", value, length, error);
}

static gboolean
validate_date (const char  *value,
               gssize       length,
               GError     **error)
{
  g_assert_cmpint (length, ==, -1);
  return sb_validate_date ("Due date", value, error);
}

/* Lines */

static void
test_line_good (void)
{
  static const StringCase cases[] = {
    GOOD ("a word", "Website redesign"),
    GOOD ("one character", "a"),
    GOOD ("accented letters", "Équipe Ops"),
    GOOD ("CJK", "日本語のタイトル"),
    GOOD ("an emoji", "Ship it 🚀"),
    GOOD ("SQL metacharacters", "Robert'); DROP TABLE tasks;--"),
    GOOD ("quotes and percent signs", "\"50%\" of %s and %n"),
    GOOD_LEN ("only the given length counts (the LF is past it)", "ab\ncd", 2),
  };

  run_string_cases ("sb_validate_line", validate_line, cases, G_N_ELEMENTS (cases));
}

static void
test_line_bad (void)
{
  static const StringCase cases[] = {
    BAD ("NULL", NULL),
    BAD ("empty", ""),
    BAD ("one space", " "),
    BAD ("only spaces", "    "),
    BAD ("only a tab", "\t"),
    BAD ("only a newline", "\n"),
    BAD ("an LF", "first\nsecond"),
    BAD ("a CR", "first\rsecond"),
    BAD ("a CRLF", "first\r\nsecond"),
    BAD ("a trailing LF", "title\n"),
    BAD ("a tab", "left\tright"),
    BAD ("a DEL", "del\x7f"),
    BAD ("a C0 control character", "bell\x07"),
    BAD ("an escape sequence", "\x1b[31mred"),
    BAD ("a C1 control character (NEL)", "next\xc2\x85line"),
    BAD ("a Unicode line separator", "first\xe2\x80\xa8second"),
    BAD ("a Unicode paragraph separator", "first\xe2\x80\xa9second"),
    BAD ("invalid UTF-8", "\xc3\x28"),
    BAD ("invalid UTF-8 after good text", "caf\xc3"),
    BAD ("an overlong encoding", "\xc0\xaf"),
    BAD ("an encoded UTF-16 surrogate", "\xed\xa0\x80"),
    BAD_LEN ("an embedded NUL", "ab\0cd", 5),
    BAD_LEN ("a trailing NUL inside the length", "abc\0", 4),
  };

  run_string_cases ("sb_validate_line", validate_line, cases, G_N_ELEMENTS (cases));
}

static void
test_line_length (void)
{
  g_autofree char *a255 = sb_test_repeat ("a", 255);
  g_autofree char *a256 = sb_test_repeat ("a", 256);
  g_autofree char *e255 = sb_test_repeat ("é", 255);
  g_autofree char *e256 = sb_test_repeat ("é", 256);
  g_autofree char *rocket255 = sb_test_repeat ("🚀", 255);
  g_autofree char *rocket256 = sb_test_repeat ("🚀", 256);
  g_autofree char *a254 = sb_test_repeat ("a", 254);
  g_autofree char *a254e = g_strconcat (a254, "é", NULL);
  g_autofree char *a255e = g_strconcat (a255, "é", NULL);
  const StringCase cases[] = {
    GOOD ("255 ASCII characters", a255),
    BAD ("256 ASCII characters", a256),
    GOOD ("255 two-byte characters (510 bytes)", e255),
    BAD ("256 two-byte characters", e256),
    GOOD ("255 four-byte characters (1020 bytes)", rocket255),
    BAD ("256 four-byte characters", rocket256),
    GOOD ("254 ASCII and one two-byte character", a254e),
    BAD ("255 ASCII and one two-byte character", a255e),
    GOOD_LEN ("256 characters given with a length of 255", a256, 255),
  };

  g_assert_cmpint (SB_MAX_LINE_CHARS, ==, 255);
  run_string_cases ("sb_validate_line", validate_line, cases, G_N_ELEMENTS (cases));
}

/* Texts */

static void
test_text_good (void)
{
  static const StringCase cases[] = {
    GOOD ("empty", ""),
    GOOD ("only spaces", "   "),
    GOOD ("one line", "The new site"),
    GOOD ("several lines", "first\nsecond\n\nfourth\n"),
    GOOD ("CRLF line ends", "first\r\nsecond\r\n"),
    GOOD ("tabs", "name:\tvalue"),
    GOOD ("accents, CJK and emoji", "Équipe — 日本語 🚀"),
    GOOD ("SQL metacharacters", "'; DELETE FROM comments; --"),
    GOOD_LEN ("only the given length counts (the bell is past it)", "ok\x07", 2),
  };

  run_string_cases ("sb_validate_text", validate_text, cases, G_N_ELEMENTS (cases));
}

static void
test_text_bad (void)
{
  static const StringCase cases[] = {
    BAD ("NULL", NULL),
    BAD ("invalid UTF-8", "\xc3\x28"),
    BAD ("invalid UTF-8 at the end", "text \xe2\x82"),
    BAD ("an encoded UTF-16 surrogate", "\xed\xa0\x80"),
    BAD_LEN ("an embedded NUL", "ab\0cd", 5),
    BAD ("a bell", "ring\x07"),
    BAD ("a DEL", "del\x7f"),
    BAD ("an escape sequence", "\x1b[2J"),
    BAD ("a backspace", "over\bstrike"),
  };

  run_string_cases ("sb_validate_text", validate_text, cases, G_N_ELEMENTS (cases));
}

static void
test_text_length (void)
{
  g_autofree char *max = sb_test_repeat ("a", SB_MAX_TEXT_BYTES);
  g_autofree char *over = sb_test_repeat ("a", SB_MAX_TEXT_BYTES + 1);
  g_autofree char *lines = sb_test_repeat ("line\n", SB_MAX_TEXT_BYTES / 5);   /* 65535 bytes */
  g_autofree char *a65534 = sb_test_repeat ("a", SB_MAX_TEXT_BYTES - 2);
  g_autofree char *a65535 = sb_test_repeat ("a", SB_MAX_TEXT_BYTES - 1);
  g_autofree char *fits = g_strconcat (a65534, "é", NULL);       /* 65536 bytes */
  g_autofree char *spills = g_strconcat (a65535, "é", NULL);     /* 65537 bytes */
  const StringCase cases[] = {
    GOOD ("64 KiB", max),
    BAD ("64 KiB + 1 byte", over),
    GOOD ("13107 lines (65535 bytes)", lines),
    GOOD ("65534 ASCII and a two-byte character (64 KiB)", fits),
    BAD ("65535 ASCII and a two-byte character (64 KiB + 1): the limit is in bytes", spills),
    GOOD_LEN ("64 KiB + 1 given with a length of 64 KiB", over, SB_MAX_TEXT_BYTES),
  };

  g_assert_cmpint (SB_MAX_TEXT_BYTES, ==, 65536);
  g_assert_cmpuint (strlen (lines), ==, 65535);
  run_string_cases ("sb_validate_text", validate_text, cases, G_N_ELEMENTS (cases));
}

/* Emails */

static void
test_email_good (void)
{
  g_autofree char *local64 = sb_test_repeat ("x", 64);
  g_autofree char *max_local = g_strconcat (local64, "@example.org", NULL);
  g_autofree char *l63a = sb_test_repeat ("a", 63);
  g_autofree char *l63b = sb_test_repeat ("b", 63);
  g_autofree char *l57 = sb_test_repeat ("c", 57);
  /* 64 + 1 + (63 + 1 + 63 + 1 + 57 + 4) = 254 characters */
  g_autofree char *max_total = g_strdup_printf ("%s@%s.%s.%s.org", local64, l63a, l63b, l57);
  const StringCase cases[] = {
    GOOD ("the shortest usual form", "a@b.co"),
    GOOD ("dots, a plus tag and a subdomain", "first.last+tag@sub.example.org"),
    GOOD ("capitals", "DANA@EXAMPLE.ORG"),
    GOOD ("an apostrophe", "o'brien@example.org"),
    GOOD ("hyphens, underscores and digits", "user_name-1@my-host2.example.co.uk"),
    GOOD ("a 64-character local part", max_local),
    GOOD ("254 characters in all", max_total),
  };

  g_assert_cmpuint (strlen (max_total), ==, 254);
  run_string_cases ("sb_validate_email", sb_validate_email, cases, G_N_ELEMENTS (cases));
}

static void
test_email_bad (void)
{
  g_autofree char *local64 = sb_test_repeat ("x", 64);
  g_autofree char *local65 = sb_test_repeat ("x", 65);
  g_autofree char *long_local = g_strconcat (local65, "@example.org", NULL);
  g_autofree char *l63a = sb_test_repeat ("a", 63);
  g_autofree char *l63b = sb_test_repeat ("b", 63);
  g_autofree char *l58 = sb_test_repeat ("c", 58);
  g_autofree char *l64 = sb_test_repeat ("d", 64);
  /* 64 + 1 + (63 + 1 + 63 + 1 + 58 + 4) = 255 characters */
  g_autofree char *long_total = g_strdup_printf ("%s@%s.%s.%s.org", local64, l63a, l63b, l58);
  g_autofree char *long_label = g_strdup_printf ("a@%s.org", l64);
  const StringCase cases[] = {
    BAD ("NULL", NULL),
    BAD ("empty", ""),
    BAD ("only spaces", "   "),
    BAD ("no @", "dana.example.org"),
    BAD ("two @", "dana@example@org.com"),
    BAD ("nothing before @", "@example.org"),
    BAD ("nothing after @", "dana@"),
    BAD ("a leading dot", ".dana@example.org"),
    BAD ("a dot right before @", "dana.@example.org"),
    BAD ("two dots in a row", "da..na@example.org"),
    BAD ("no dot in the domain", "dana@localhost"),
    BAD ("a trailing dot", "dana@example.org."),
    BAD ("a dot right after @", "dana@.example.org"),
    BAD ("two dots in the domain", "dana@example..org"),
    BAD ("a domain label starting with '-'", "dana@-example.org"),
    BAD ("a domain label ending with '-'", "dana@example-.org"),
    BAD ("a space in the local part", "da na@example.org"),
    BAD ("a space in the domain", "dana@exa mple.org"),
    BAD ("a leading space", " dana@example.org"),
    BAD ("a trailing space", "dana@example.org "),
    BAD ("an underscore in the domain", "dana@exa_mple.org"),
    BAD ("a quoted local part", "\"dana\"@example.org"),
    BAD ("an IP literal", "dana@[192.168.0.1]"),
    BAD ("a display name", "Dana <dana@example.org>"),
    BAD ("an LF", "dana@example.org\nBcc: x@y.org"),
    BAD ("invalid UTF-8", "d\xc3\x28@example.org"),
    BAD_LEN ("an embedded NUL", "dana@example.org\0.evil.org", 25),
    BAD ("a 65-character local part", long_local),
    BAD ("255 characters in all", long_total),
    BAD ("a 64-character domain label", long_label),
  };

  g_assert_cmpuint (strlen (long_total), ==, 255);
  run_string_cases ("sb_validate_email", sb_validate_email, cases, G_N_ELEMENTS (cases));
}

/* Passwords */

static void
test_password (void)
{
  g_autofree char *max = sb_test_repeat ("p", SB_MAX_PASSWORD_BYTES);
  g_autofree char *over = sb_test_repeat ("p", SB_MAX_PASSWORD_BYTES + 1);
  const StringCase cases[] = {
    GOOD ("8 characters", "12345678"),
    GOOD ("spaces and symbols", "correct horse battery"),
    GOOD ("8 two-byte characters", "éééééééé"),
    GOOD ("1024 bytes", max),
    BAD ("NULL", NULL),
    BAD ("empty", ""),
    BAD ("7 characters", "1234567"),
    BAD ("7 two-byte characters (14 bytes): the minimum is in characters", "ééééééé"),
    BAD ("1025 bytes", over),
    BAD ("invalid UTF-8", "password\xc3\x28"),
    BAD_LEN ("an embedded NUL", "abcd\0efgh", 9),
  };

  g_assert_cmpint (SB_MIN_PASSWORD_CHARS, ==, 8);
  run_string_cases ("sb_validate_password", sb_validate_password, cases, G_N_ELEMENTS (cases));
}

/* Project keys */

static void
test_project_key_good (void)
{
  static const StringCase cases[] = {
    GOOD ("three letters", "WEB"),
    GOOD ("a letter and a digit", "A1"),
    GOOD ("two letters", "AB"),
    GOOD ("ten characters", "ABCDEFGHIJ"),
    GOOD ("letters and digits", "APP2"),
    GOOD ("alternating", "Z9Z9"),
  };

  run_string_cases ("sb_validate_project_key", sb_validate_project_key, cases,
                    G_N_ELEMENTS (cases));
}

static void
test_project_key_bad (void)
{
  static const StringCase cases[] = {
    BAD ("NULL", NULL),
    BAD ("empty", ""),
    BAD ("one letter", "W"),
    BAD ("eleven characters", "ABCDEFGHIJK"),
    BAD ("starting with a digit", "1AB"),
    BAD ("lower case", "web"),
    BAD ("mixed case", "Web"),
    BAD ("a space inside", "WE B"),
    BAD ("a leading space", " WEB"),
    BAD ("a trailing space", "WEB "),
    BAD ("an accented capital", "WÉB"),
    BAD ("a hyphen", "WE-B"),
    BAD ("an underscore", "WE_B"),
    BAD ("SQL metacharacters", "A'; DROP TABLE tasks;--"),
    BAD ("invalid UTF-8", "W\xc3\x28"),
    BAD_LEN ("an embedded NUL", "AB\0C", 4),
  };

  run_string_cases ("sb_validate_project_key", sb_validate_project_key, cases,
                    G_N_ELEMENTS (cases));
}

/* Dates */

static void
test_date_good (void)
{
  static const StringCase cases[] = {
    GOOD ("an ordinary day", "2026-02-28"),
    GOOD ("29 February of a leap year", "2024-02-29"),
    GOOD ("29 February of a 400-year leap year", "2000-02-29"),
    GOOD ("the first day allowed", "1970-01-01"),
    GOOD ("the last day allowed", "2999-12-31"),
    GOOD ("31 December", "2026-12-31"),
    GOOD ("30 April", "2026-04-30"),
  };

  run_string_cases ("sb_validate_date", validate_date, cases, G_N_ELEMENTS (cases));
}

static void
test_date_bad (void)
{
  static const StringCase cases[] = {
    BAD ("NULL", NULL),
    BAD ("empty", ""),
    BAD ("29 February of a common year", "2023-02-29"),
    BAD ("30 February", "2023-02-30"),
    BAD ("29 February of a century that is not a leap year", "2100-02-29"),
    BAD ("the day before 1970", "1969-12-31"),
    BAD ("the year 3000", "3000-01-01"),
    BAD ("the year 0", "0000-01-01"),
    BAD ("month 13", "2026-13-01"),
    BAD ("month 0", "2026-00-01"),
    BAD ("day 0", "2026-01-00"),
    BAD ("day 32", "2026-01-32"),
    BAD ("31 April", "2026-04-31"),
    BAD ("a one-digit month", "2026-1-01"),
    BAD ("a one-digit day", "2026-01-1"),
    BAD ("slashes", "2026/01/01"),
    BAD ("day first", "01-01-2026"),
    BAD ("a word", "tomorrow"),
    BAD ("a leading space", " 2026-01-01"),
    BAD ("a trailing space", "2026-01-01 "),
    BAD ("a time after it", "2026-01-01T00:00"),
    BAD ("a sign", "+026-01-01"),
    BAD ("a letter in the month", "2026-0a-01"),
    BAD ("full-width digits", "２０２６-01-01"),
  };

  run_string_cases ("sb_validate_date", validate_date, cases, G_N_ELEMENTS (cases));
}

/* Integer ranges */

typedef gboolean (*IntValidator) (int      value,
                                  GError **error);

static void
run_int_cases (const char   *what,
               IntValidator  validate,
               const int    *good,
               gsize         n_good,
               const int    *bad,
               gsize         n_bad)
{
  for (gsize i = 0; i < n_good + n_bad; i++)
    {
      gboolean expected_valid = i < n_good;
      int value = expected_valid ? good[i] : bad[i - n_good];
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = g_strdup_printf ("%d", value);
      gboolean ok;

      ok = validate (value, &error);
      check_outcome (what, "the value", shown, expected_valid, ok, error);
    }
}

static void
test_priority (void)
{
  static const int good[] = { SB_PRIORITY_LOW, SB_PRIORITY_MEDIUM, SB_PRIORITY_HIGH,
                              SB_PRIORITY_CRITICAL };
  static const int bad[] = { -1, 4, 7, G_MININT, G_MAXINT };

  g_assert_cmpint (SB_PRIORITY_LOW, ==, 0);
  g_assert_cmpint (SB_PRIORITY_CRITICAL, ==, 3);
  run_int_cases ("sb_validate_priority", sb_validate_priority, good, G_N_ELEMENTS (good),
                 bad, G_N_ELEMENTS (bad));
}

static void
test_status (void)
{
  static const int good[] = { SB_PROJECT_STATUS_PLANNED, SB_PROJECT_STATUS_ACTIVE,
                              SB_PROJECT_STATUS_ON_HOLD, SB_PROJECT_STATUS_COMPLETED };
  static const int bad[] = { -1, 4, 7, G_MININT, G_MAXINT };

  g_assert_cmpint (SB_PROJECT_STATUS_PLANNED, ==, 0);
  g_assert_cmpint (SB_PROJECT_STATUS_COMPLETED, ==, 3);
  run_int_cases ("sb_validate_status", sb_validate_status, good, G_N_ELEMENTS (good),
                 bad, G_N_ELEMENTS (bad));
}

static void
test_points (void)
{
  static const int good[] = { 0, 1, 13, 999, 1000 };
  static const int bad[] = { -1, 1001, G_MININT, G_MAXINT };

  g_assert_cmpint (SB_MAX_STORY_POINTS, ==, 1000);
  run_int_cases ("sb_validate_points", sb_validate_points, good, G_N_ELEMENTS (good),
                 bad, G_N_ELEMENTS (bad));
}

/* Error messages */

static void
test_error_names_field (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sb_validate_line ("Title", "", -1, &error));
  g_assert_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Title"));
  g_clear_error (&error);

  g_assert_false (sb_validate_line ("Name", "a\nb", -1, &error));
  g_assert_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Name"));
  g_clear_error (&error);

  g_assert_false (sb_validate_text ("Description", "\x01", -1, &error));
  g_assert_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Description"));
  g_clear_error (&error);

  g_assert_false (sb_validate_date ("Due date", "2023-02-29", &error));
  g_assert_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Due date"));
  g_clear_error (&error);

  /* A good value leaves the error untouched. */
  g_assert_true (sb_validate_line ("Title", "Fine", -1, &error));
  g_assert_no_error (error);
}

/* Key suggestions */

static void
test_suggest_project_key (void)
{
  static const struct
  {
    const char *name;
    const char *key;   /* NULL: no suggestion */
  } cases[] = {
    { "Website redesign", "WR" },
    { "Website", "WEBS" },
    { "42", NULL },
    { "Équipe Ops", "EO" },
    { "Sprint board app", "SBA" },
    { "  mobile   app  ", "MA" },
    { "Über", "UBER" },
    { "", NULL },
    { "   ", NULL },
    { "!!!", NULL },
    { "x", NULL },
    { "\xc3\x28", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = sb_suggest_project_key (cases[i].name);

      if (g_strcmp0 (key, cases[i].key) != 0)
        report ("sb_suggest_project_key (\"%s\") = %s%s%s, expected %s%s%s",
                            cases[i].name,
                            key ? "\"" : "", key ? key : "NULL", key ? "\"" : "",
                            cases[i].key ? "\"" : "", cases[i].key ? cases[i].key : "NULL",
                            cases[i].key ? "\"" : "");
    }

  /* Whatever it suggests must be a key that sb_validate_project_key() accepts. */
  {
    static const char * const names[] = {
      "Website redesign", "Website", "Équipe Ops", "a b c d e f g h i j k l m",
      "Q3 planning", "Über app 2", "日本 Web", "Mobile-App", "release 2026",
    };

    for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *key = sb_suggest_project_key (names[i]);
        g_autoptr(GError) error = NULL;

        if (key != NULL && !sb_validate_project_key (key, -1, &error))
          report ("sb_suggest_project_key (\"%s\") = \"%s\", which is not a valid "
                              "key: %s", names[i], key, error->message);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/validate/line/good", test_line_good);
  g_test_add_func ("/validate/line/bad", test_line_bad);
  g_test_add_func ("/validate/line/length", test_line_length);
  g_test_add_func ("/validate/text/good", test_text_good);
  g_test_add_func ("/validate/text/bad", test_text_bad);
  g_test_add_func ("/validate/text/length", test_text_length);
  g_test_add_func ("/validate/email/good", test_email_good);
  g_test_add_func ("/validate/email/bad", test_email_bad);
  g_test_add_func ("/validate/password", test_password);
  g_test_add_func ("/validate/project-key/good", test_project_key_good);
  g_test_add_func ("/validate/project-key/bad", test_project_key_bad);
  g_test_add_func ("/validate/date/good", test_date_good);
  g_test_add_func ("/validate/date/bad", test_date_bad);
  g_test_add_func ("/validate/priority", test_priority);
  g_test_add_func ("/validate/status", test_status);
  g_test_add_func ("/validate/points", test_points);
  g_test_add_func ("/validate/error-names-field", test_error_names_field);
  g_test_add_func ("/validate/suggest-project-key", test_suggest_project_key);

  return g_test_run ();
}
