/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#include "config.h"

#include "sb-records-private.h"

G_DEFINE_FINAL_TYPE (SbColumn, sb_column, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_PROJECT_ID,
  PROP_NAME,
  PROP_POSITION,
  PROP_IS_DONE,
  PROP_TASK_COUNT,
  PROP_TASKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sb_column_finalize (GObject *object)
{
  SbColumn *self = SB_COLUMN (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->tasks);

  G_OBJECT_CLASS (sb_column_parent_class)->finalize (object);
}

static void
sb_column_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SbColumn *self = SB_COLUMN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_IS_DONE:
      g_value_set_boolean (value, self->is_done);
      break;

    case PROP_TASK_COUNT:
      g_value_set_uint (value, self->task_count);
      break;

    case PROP_TASKS:
      g_value_set_object (value, self->tasks);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_column_class_init (SbColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_column_finalize;
  object_class->get_property = sb_column_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_IS_DONE] =
    g_param_spec_boolean ("is-done", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TASK_COUNT] =
    g_param_spec_uint ("task-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TASKS] =
    g_param_spec_object ("tasks", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_column_init (SbColumn *self)
{
}

SbColumn *
_sb_column_new (void)
{
  return g_object_new (SB_TYPE_COLUMN, NULL);
}

gint64
sb_column_get_id (SbColumn *self)
{
  g_return_val_if_fail (SB_IS_COLUMN (self), 0);

  return self->id;
}

gint64
sb_column_get_project_id (SbColumn *self)
{
  g_return_val_if_fail (SB_IS_COLUMN (self), 0);

  return self->project_id;
}

const char *
sb_column_get_name (SbColumn *self)
{
  g_return_val_if_fail (SB_IS_COLUMN (self), NULL);

  return self->name;
}

guint
sb_column_get_position (SbColumn *self)
{
  g_return_val_if_fail (SB_IS_COLUMN (self), 0);

  return self->position;
}

gboolean
sb_column_get_is_done (SbColumn *self)
{
  g_return_val_if_fail (SB_IS_COLUMN (self), FALSE);

  return self->is_done;
}

guint
sb_column_get_task_count (SbColumn *self)
{
  g_return_val_if_fail (SB_IS_COLUMN (self), 0);

  return self->task_count;
}

GListModel *
sb_column_get_tasks (SbColumn *self)
{
  g_return_val_if_fail (SB_IS_COLUMN (self), NULL);

  return self->tasks;
}

void
_sb_column_set_tasks (SbColumn   *self,
                      GListModel *tasks)
{
  g_return_if_fail (SB_IS_COLUMN (self));
  g_return_if_fail (tasks == NULL || G_IS_LIST_MODEL (tasks));

  if (g_set_object (&self->tasks, tasks))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASKS]);
}

void
_sb_column_set_task_count (SbColumn *self,
                           guint     task_count)
{
  g_return_if_fail (SB_IS_COLUMN (self));

  if (self->task_count == task_count)
    return;

  self->task_count = task_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_COUNT]);
}
