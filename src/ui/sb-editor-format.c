/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "sb-activity.h"
#include "sb-editor-format.h"

const char *
sb_editor_format_priority (SbPriority priority)
{
  switch (priority)
    {
    case SB_PRIORITY_LOW:
      return C_ ("priority", "Low");
    case SB_PRIORITY_MEDIUM:
      return C_ ("priority", "Medium");
    case SB_PRIORITY_HIGH:
      return C_ ("priority", "High");
    case SB_PRIORITY_CRITICAL:
      return C_ ("priority", "Critical");
    default:
      return _("Unknown");
    }
}

const char *
sb_editor_format_project_status (SbProjectStatus status)
{
  switch (status)
    {
    case SB_PROJECT_STATUS_PLANNED:
      return C_ ("project status", "Planned");
    case SB_PROJECT_STATUS_ACTIVE:
      return C_ ("project status", "Active");
    case SB_PROJECT_STATUS_ON_HOLD:
      return C_ ("project status", "On Hold");
    case SB_PROJECT_STATUS_COMPLETED:
      return C_ ("project status", "Completed");
    default:
      return _("Unknown");
    }
}

static char *
format_day (GDateTime *date_time)
{
  /* Translators: a date as in "4 Nov 2026"; see g_date_time_format() for the codes. */
  return g_date_time_format (date_time, _("%-d %b %Y"));
}

char *
sb_editor_format_relative_time (gint64 unix_seconds,
                                gint64 now)
{
  gint64 age = now - unix_seconds;
  g_autoptr(GDateTime) date_time = NULL;

  if (age < 60)
    return g_strdup (_("just now"));
  if (age < 60 * 60)
    {
      int minutes = (int) (age / 60);

      /* Translators: a short time ago, in minutes. */
      return g_strdup_printf (ngettext ("%d min ago", "%d min ago", minutes), minutes);
    }
  if (age < 24 * 60 * 60)
    {
      int hours = (int) (age / (60 * 60));

      /* Translators: a short time ago, in hours. */
      return g_strdup_printf (ngettext ("%d h ago", "%d h ago", hours), hours);
    }
  if (age < 7 * 24 * 60 * 60)
    {
      int days = (int) (age / (24 * 60 * 60));

      /* Translators: a short time ago, in days. */
      return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);
    }

  date_time = g_date_time_new_from_unix_local (unix_seconds);
  return date_time != NULL ? format_day (date_time) : g_strdup ("");
}

char *
sb_editor_format_absolute_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_local (unix_seconds);

  if (date_time == NULL)
    return g_strdup ("");
  /* Translators: a date and time as in "4 Nov 2026, 14:05"; see g_date_time_format(). */
  return g_date_time_format (date_time, _("%-d %b %Y, %H:%M"));
}

static GDateTime *
parse_date (const char *date)
{
  int year, month, day;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;
  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

char *
sb_editor_format_date (const char *date)
{
  g_autoptr(GDateTime) date_time = parse_date (date);

  return date_time != NULL ? format_day (date_time) : NULL;
}

gboolean
sb_editor_date_is_past (const char *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  /* "YYYY-MM-DD" sorts as text the way it sorts as a date. */
  return date != NULL && g_strcmp0 (date, today) < 0;
}

static const char *
priority_from_value (const char *value)
{
  static const char * const names[] = { "low", "medium", "high", "critical" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (value, names[i]) == 0)
      return sb_editor_format_priority ((SbPriority) i);
  return value;
}

/* The formats below are fixed, translated strings chosen in this file, never from the
 * database. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

static char *
format_change (const char *actor,
               const char *old_value,
               const char *new_value,
               const char *set_format,
               const char *cleared_format,
               const char *changed_format)
{
  if (old_value == NULL || *old_value == '\0')
    return g_strdup_printf (set_format, actor, new_value);
  if (new_value == NULL || *new_value == '\0')
    return g_strdup_printf (cleared_format, actor, old_value);
  return g_strdup_printf (changed_format, actor, old_value, new_value);
}

char *
sb_editor_format_activity (SbActivity *activity)
{
  const char *actor = sb_activity_get_actor_name (activity);
  const char *field = sb_activity_get_field (activity);
  const char *old_value = sb_activity_get_old_value (activity);
  const char *new_value = sb_activity_get_new_value (activity);

  if (g_strcmp0 (field, "created") == 0)
    /* Translators: %s is the name of the person who did it. */
    return g_strdup_printf (_("%s created the task"), actor);
  if (g_strcmp0 (field, "deleted") == 0)
    /* Translators: %s is the name of the person who did it. */
    return g_strdup_printf (_("%s deleted the task"), actor);
  if (g_strcmp0 (field, "restored") == 0)
    /* Translators: %s is the name of the person who did it. */
    return g_strdup_printf (_("%s restored the task"), actor);
  if (g_strcmp0 (field, "description") == 0)
    /* Translators: %s is the name of the person who did it. */
    return g_strdup_printf (_("%s changed the description"), actor);
  if (g_strcmp0 (field, "title") == 0)
    /* Translators: %s is the name of the person who did it, then the old and the new title. */
    return g_strdup_printf (_("%s renamed the task from “%s” to “%s”"), actor,
                            old_value ? old_value : "", new_value ? new_value : "");
  if (g_strcmp0 (field, "priority") == 0)
    /* Translators: %s is the name of the person who did it, then the old and the new priority
     * (Low, Medium, High, Critical). */
    return g_strdup_printf (_("%s changed the priority from %s to %s"), actor,
                            priority_from_value (old_value), priority_from_value (new_value));
  if (g_strcmp0 (field, "column") == 0)
    /* Translators: %s is the name of the person who did it, then the old and the new column. */
    return g_strdup_printf (_("%s moved the task from %s to %s"), actor,
                            old_value ? old_value : "", new_value ? new_value : "");
  if (g_strcmp0 (field, "position") == 0)
    /* Translators: %s is the name of the person who did it, then the old and the new position
     * (1, 2, …). */
    return g_strdup_printf (_("%s moved the task from place %s to %s in its column"), actor,
                            old_value ? old_value : "", new_value ? new_value : "");
  if (g_strcmp0 (field, "assignee") == 0)
    return format_change (actor, old_value, new_value,
                          _("%s assigned the task to %s"),
                          _("%s unassigned %s"),
                          _("%s reassigned the task from %s to %s"));
  if (g_strcmp0 (field, "story") == 0)
    return format_change (actor, old_value, new_value,
                          _("%s added the task to story %s"),
                          _("%s removed the task from story %s"),
                          _("%s moved the task from story %s to %s"));
  if (g_strcmp0 (field, "due_date") == 0)
    {
      g_autofree char *old_date = sb_editor_format_date (old_value);
      g_autofree char *new_date = sb_editor_format_date (new_value);

      return format_change (actor, old_date, new_date,
                            _("%s set the due date to %s"),
                            _("%s removed the due date %s"),
                            _("%s changed the due date from %s to %s"));
    }
  /* Translators: %s is the name of the person who did it, then the name of what changed. */
  return g_strdup_printf (_("%s changed %s"), actor, field ? field : "");
}

#pragma GCC diagnostic pop
