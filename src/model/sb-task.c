/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#include "config.h"

#include "sb-records-private.h"

G_DEFINE_FINAL_TYPE (SbTask, sb_task, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_PROJECT_ID,
  PROP_NUMBER,
  PROP_KEY,
  PROP_COLUMN_ID,
  PROP_RANK,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_STORY_ID,
  PROP_STORY_KEY,
  PROP_STORY_TITLE,
  PROP_ASSIGNEE_ID,
  PROP_ASSIGNEE_NAME,
  PROP_ASSIGNEE_EMAIL,
  PROP_PRIORITY,
  PROP_DUE_DATE,
  PROP_OVERDUE,
  PROP_COMMENT_COUNT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sb_task_finalize (GObject *object)
{
  SbTask *self = SB_TASK (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->story_key, g_free);
  g_clear_pointer (&self->story_title, g_free);
  g_clear_pointer (&self->assignee_name, g_free);
  g_clear_pointer (&self->assignee_email, g_free);
  g_clear_pointer (&self->due_date, g_free);

  G_OBJECT_CLASS (sb_task_parent_class)->finalize (object);
}

static void
sb_task_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SbTask *self = SB_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;

    case PROP_NUMBER:
      g_value_set_int64 (value, self->number);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_COLUMN_ID:
      g_value_set_int64 (value, self->column_id);
      break;

    case PROP_RANK:
      g_value_set_double (value, self->rank);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_STORY_ID:
      g_value_set_int64 (value, self->story_id);
      break;

    case PROP_STORY_KEY:
      g_value_set_string (value, self->story_key);
      break;

    case PROP_STORY_TITLE:
      g_value_set_string (value, self->story_title);
      break;

    case PROP_ASSIGNEE_ID:
      g_value_set_int64 (value, self->assignee_id);
      break;

    case PROP_ASSIGNEE_NAME:
      g_value_set_string (value, self->assignee_name);
      break;

    case PROP_ASSIGNEE_EMAIL:
      g_value_set_string (value, self->assignee_email);
      break;

    case PROP_PRIORITY:
      g_value_set_int (value, (int) self->priority);
      break;

    case PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;

    case PROP_COMMENT_COUNT:
      g_value_set_uint (value, self->comment_count);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
update_string (SbTask     *self,
               char      **field,
               const char *value,
               guint       prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update_int64 (SbTask *self,
              gint64 *field,
              gint64  value,
              guint   prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update_uint (SbTask *self,
             guint  *field,
             guint   value,
             guint   prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
sb_task_class_init (SbTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_task_finalize;
  object_class->get_property = sb_task_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_NUMBER] =
    g_param_spec_int64 ("number", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_COLUMN_ID] =
    g_param_spec_int64 ("column-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_RANK] =
    g_param_spec_double ("rank", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_STORY_ID] =
    g_param_spec_int64 ("story-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_STORY_KEY] =
    g_param_spec_string ("story-key", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_STORY_TITLE] =
    g_param_spec_string ("story-title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_ASSIGNEE_ID] =
    g_param_spec_int64 ("assignee-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_ASSIGNEE_NAME] =
    g_param_spec_string ("assignee-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_ASSIGNEE_EMAIL] =
    g_param_spec_string ("assignee-email", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PRIORITY] =
    g_param_spec_int ("priority", NULL, NULL,
                      SB_PRIORITY_LOW, SB_PRIORITY_CRITICAL, SB_PRIORITY_LOW,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_COMMENT_COUNT] =
    g_param_spec_uint ("comment-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_task_init (SbTask *self)
{
}

SbTask *
_sb_task_new (void)
{
  return g_object_new (SB_TYPE_TASK, NULL);
}

gint64
sb_task_get_id (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), 0);

  return self->id;
}

gint64
sb_task_get_project_id (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), 0);

  return self->project_id;
}

gint64
sb_task_get_number (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), 0);

  return self->number;
}

const char *
sb_task_get_key (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), NULL);

  return self->key;
}

gint64
sb_task_get_column_id (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), 0);

  return self->column_id;
}

double
sb_task_get_rank (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), 0.0);

  return self->rank;
}

const char *
sb_task_get_title (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), NULL);

  return self->title;
}

const char *
sb_task_get_description (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), NULL);

  return self->description;
}

gint64
sb_task_get_story_id (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), 0);

  return self->story_id;
}

const char *
sb_task_get_story_key (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), NULL);

  return self->story_key;
}

const char *
sb_task_get_story_title (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), NULL);

  return self->story_title;
}

gint64
sb_task_get_assignee_id (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), 0);

  return self->assignee_id;
}

const char *
sb_task_get_assignee_name (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), NULL);

  return self->assignee_name;
}

const char *
sb_task_get_assignee_email (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), NULL);

  return self->assignee_email;
}

SbPriority
sb_task_get_priority (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), SB_PRIORITY_LOW);

  return self->priority;
}

const char *
sb_task_get_due_date (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), NULL);

  return self->due_date;
}

gboolean
sb_task_get_overdue (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), FALSE);

  return self->overdue;
}

guint
sb_task_get_comment_count (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), 0);

  return self->comment_count;
}

gint64
sb_task_get_created_at (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), 0);

  return self->created_at;
}

gint64
sb_task_get_updated_at (SbTask *self)
{
  g_return_val_if_fail (SB_IS_TASK (self), 0);

  return self->updated_at;
}

void
_sb_task_update_from (SbTask *self,
                      SbTask *fresh)
{
  g_return_if_fail (SB_IS_TASK (self));
  g_return_if_fail (SB_IS_TASK (fresh));
  g_return_if_fail (self->id == fresh->id);

  if (self == fresh)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  update_int64 (self, &self->project_id, fresh->project_id, PROP_PROJECT_ID);
  update_int64 (self, &self->number, fresh->number, PROP_NUMBER);
  update_string (self, &self->key, fresh->key, PROP_KEY);
  update_int64 (self, &self->column_id, fresh->column_id, PROP_COLUMN_ID);

  if (self->rank != fresh->rank)
    {
      self->rank = fresh->rank;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANK]);
    }

  update_string (self, &self->title, fresh->title, PROP_TITLE);
  update_string (self, &self->description, fresh->description, PROP_DESCRIPTION);
  update_int64 (self, &self->story_id, fresh->story_id, PROP_STORY_ID);
  update_string (self, &self->story_key, fresh->story_key, PROP_STORY_KEY);
  update_string (self, &self->story_title, fresh->story_title, PROP_STORY_TITLE);
  update_int64 (self, &self->assignee_id, fresh->assignee_id, PROP_ASSIGNEE_ID);
  update_string (self, &self->assignee_name, fresh->assignee_name, PROP_ASSIGNEE_NAME);
  update_string (self, &self->assignee_email, fresh->assignee_email, PROP_ASSIGNEE_EMAIL);

  if (self->priority != fresh->priority)
    {
      self->priority = fresh->priority;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIORITY]);
    }

  update_string (self, &self->due_date, fresh->due_date, PROP_DUE_DATE);

  if (self->overdue != fresh->overdue)
    {
      self->overdue = fresh->overdue;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
    }

  update_uint (self, &self->comment_count, fresh->comment_count, PROP_COMMENT_COUNT);
  update_int64 (self, &self->created_at, fresh->created_at, PROP_CREATED_AT);
  update_int64 (self, &self->updated_at, fresh->updated_at, PROP_UPDATED_AT);

  g_object_thaw_notify (G_OBJECT (self));
}
