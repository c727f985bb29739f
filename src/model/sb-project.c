/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#include "config.h"

#include "sb-records-private.h"

G_DEFINE_FINAL_TYPE (SbProject, sb_project, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_MANAGER_ID,
  PROP_MANAGER_NAME,
  PROP_MANAGER_EMAIL,
  PROP_CREATED_AT,
  PROP_MEMBER_COUNT,
  PROP_TASK_COUNT,
  PROP_OVERDUE_COUNT,
  PROP_COLUMNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sb_project_finalize (GObject *object)
{
  SbProject *self = SB_PROJECT (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->manager_name, g_free);
  g_clear_pointer (&self->manager_email, g_free);
  g_clear_object (&self->columns);

  G_OBJECT_CLASS (sb_project_parent_class)->finalize (object);
}

static void
sb_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SbProject *self = SB_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_STATUS:
      g_value_set_int (value, (int) self->status);
      break;

    case PROP_MANAGER_ID:
      g_value_set_int64 (value, self->manager_id);
      break;

    case PROP_MANAGER_NAME:
      g_value_set_string (value, self->manager_name);
      break;

    case PROP_MANAGER_EMAIL:
      g_value_set_string (value, self->manager_email);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_MEMBER_COUNT:
      g_value_set_uint (value, self->member_count);
      break;

    case PROP_TASK_COUNT:
      g_value_set_uint (value, self->task_count);
      break;

    case PROP_OVERDUE_COUNT:
      g_value_set_uint (value, self->overdue_count);
      break;

    case PROP_COLUMNS:
      g_value_set_object (value, self->columns);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_project_class_init (SbProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_project_finalize;
  object_class->get_property = sb_project_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      SB_PROJECT_STATUS_PLANNED, SB_PROJECT_STATUS_COMPLETED,
                      SB_PROJECT_STATUS_PLANNED,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_MANAGER_ID] =
    g_param_spec_int64 ("manager-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_MANAGER_NAME] =
    g_param_spec_string ("manager-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_MANAGER_EMAIL] =
    g_param_spec_string ("manager-email", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_MEMBER_COUNT] =
    g_param_spec_uint ("member-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TASK_COUNT] =
    g_param_spec_uint ("task-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_OVERDUE_COUNT] =
    g_param_spec_uint ("overdue-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_COLUMNS] =
    g_param_spec_object ("columns", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_project_init (SbProject *self)
{
  self->columns = g_list_store_new (SB_TYPE_COLUMN);
}

SbProject *
_sb_project_new (void)
{
  return g_object_new (SB_TYPE_PROJECT, NULL);
}

gint64
sb_project_get_id (SbProject *self)
{
  g_return_val_if_fail (SB_IS_PROJECT (self), 0);

  return self->id;
}

const char *
sb_project_get_key (SbProject *self)
{
  g_return_val_if_fail (SB_IS_PROJECT (self), NULL);

  return self->key;
}

const char *
sb_project_get_name (SbProject *self)
{
  g_return_val_if_fail (SB_IS_PROJECT (self), NULL);

  return self->name;
}

const char *
sb_project_get_description (SbProject *self)
{
  g_return_val_if_fail (SB_IS_PROJECT (self), NULL);

  return self->description;
}

SbProjectStatus
sb_project_get_status (SbProject *self)
{
  g_return_val_if_fail (SB_IS_PROJECT (self), SB_PROJECT_STATUS_PLANNED);

  return self->status;
}

gint64
sb_project_get_manager_id (SbProject *self)
{
  g_return_val_if_fail (SB_IS_PROJECT (self), 0);

  return self->manager_id;
}

const char *
sb_project_get_manager_name (SbProject *self)
{
  g_return_val_if_fail (SB_IS_PROJECT (self), NULL);

  return self->manager_name;
}

const char *
sb_project_get_manager_email (SbProject *self)
{
  g_return_val_if_fail (SB_IS_PROJECT (self), NULL);

  return self->manager_email;
}

gint64
sb_project_get_created_at (SbProject *self)
{
  g_return_val_if_fail (SB_IS_PROJECT (self), 0);

  return self->created_at;
}

guint
sb_project_get_member_count (SbProject *self)
{
  g_return_val_if_fail (SB_IS_PROJECT (self), 0);

  return self->member_count;
}

guint
sb_project_get_task_count (SbProject *self)
{
  g_return_val_if_fail (SB_IS_PROJECT (self), 0);

  return self->task_count;
}

guint
sb_project_get_overdue_count (SbProject *self)
{
  g_return_val_if_fail (SB_IS_PROJECT (self), 0);

  return self->overdue_count;
}

GListModel *
sb_project_get_columns (SbProject *self)
{
  g_return_val_if_fail (SB_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->columns);
}
