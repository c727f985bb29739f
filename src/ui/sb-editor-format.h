/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <glib.h>

#include "sb-types.h"

G_BEGIN_DECLS

/* Text the editors show, translated. Times are Unix seconds, dates "YYYY-MM-DD". */

const char *sb_editor_format_priority       (SbPriority       priority);
const char *sb_editor_format_project_status (SbProjectStatus  status);

/* "just now", "5 min ago", "2 h ago", "3 d ago", then the date ("4 Nov 2026"). */
char       *sb_editor_format_relative_time  (gint64           unix_seconds,
                                             gint64           now);
/* "4 Nov 2026, 14:05" in local time, for tooltips. */
char       *sb_editor_format_absolute_time  (gint64           unix_seconds);
/* "4 Nov 2026" for a date, or NULL when @date is not a valid "YYYY-MM-DD". */
char       *sb_editor_format_date           (const char      *date);
/* Whether @date ("YYYY-MM-DD") is before today (local time). */
gboolean    sb_editor_date_is_past          (const char      *date);

/* One line of a task's history: "Dana changed the priority from Low to High". */
char       *sb_editor_format_activity       (SbActivity      *activity);

G_END_DECLS
