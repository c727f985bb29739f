/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include "sb-types.h"

G_BEGIN_DECLS

/* The limits every entry point shares. */
#define SB_MAX_LINE_CHARS      255          /* single-line fields, in characters */
#define SB_MAX_TEXT_BYTES      (64 * 1024)  /* descriptions and comments, in bytes */
#define SB_MIN_PASSWORD_CHARS  8
#define SB_MAX_PASSWORD_BYTES  1024
#define SB_MIN_DATE_YEAR       1970
#define SB_MAX_DATE_YEAR       2999
#define SB_MAX_STORY_POINTS    1000

/* Every function returns FALSE and sets an SB_MODEL_ERROR_INVALID_INPUT error whose message
 * names @field (a translated, human label such as "Name") when @value is not acceptable.
 * Strings are given with their length in bytes (-1 for NUL-terminated) so that an embedded
 * NUL is caught rather than silently cutting the value. */

gboolean sb_validate_line        (const char  *field,
                                  const char  *value,
                                  gssize       length,
                                  GError     **error);
gboolean sb_validate_text        (const char  *field,
                                  const char  *value,
                                  gssize       length,
                                  GError     **error);
gboolean sb_validate_email       (const char  *value,
                                  gssize       length,
                                  GError     **error);
gboolean sb_validate_password    (const char  *value,
                                  gssize       length,
                                  GError     **error);
gboolean sb_validate_project_key (const char  *value,
                                  gssize       length,
                                  GError     **error);
gboolean sb_validate_date        (const char  *field,
                                  const char  *value,
                                  GError     **error);
gboolean sb_validate_priority    (int          priority,
                                  GError     **error);
gboolean sb_validate_status      (int          status,
                                  GError     **error);
gboolean sb_validate_points      (int          points,
                                  GError     **error);

char    *sb_suggest_project_key  (const char  *name);

G_END_DECLS
