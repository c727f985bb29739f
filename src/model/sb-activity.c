/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#include "config.h"

#include "sb-records-private.h"

G_DEFINE_FINAL_TYPE (SbActivity, sb_activity, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_TASK_ID,
  PROP_ACTOR_ID,
  PROP_ACTOR_NAME,
  PROP_FIELD,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sb_activity_finalize (GObject *object)
{
  SbActivity *self = SB_ACTIVITY (object);

  g_clear_pointer (&self->actor_name, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->old_value, g_free);
  g_clear_pointer (&self->new_value, g_free);

  G_OBJECT_CLASS (sb_activity_parent_class)->finalize (object);
}

static void
sb_activity_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SbActivity *self = SB_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TASK_ID:
      g_value_set_int64 (value, self->task_id);
      break;

    case PROP_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;

    case PROP_ACTOR_NAME:
      g_value_set_string (value, self->actor_name);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    case PROP_OLD_VALUE:
      g_value_set_string (value, self->old_value);
      break;

    case PROP_NEW_VALUE:
      g_value_set_string (value, self->new_value);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_activity_class_init (SbActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_activity_finalize;
  object_class->get_property = sb_activity_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TASK_ID] =
    g_param_spec_int64 ("task-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_ACTOR_NAME] =
    g_param_spec_string ("actor-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_OLD_VALUE] =
    g_param_spec_string ("old-value", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_NEW_VALUE] =
    g_param_spec_string ("new-value", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_activity_init (SbActivity *self)
{
}

SbActivity *
_sb_activity_new (void)
{
  return g_object_new (SB_TYPE_ACTIVITY, NULL);
}

gint64
sb_activity_get_id (SbActivity *self)
{
  g_return_val_if_fail (SB_IS_ACTIVITY (self), 0);

  return self->id;
}

gint64
sb_activity_get_task_id (SbActivity *self)
{
  g_return_val_if_fail (SB_IS_ACTIVITY (self), 0);

  return self->task_id;
}

gint64
sb_activity_get_actor_id (SbActivity *self)
{
  g_return_val_if_fail (SB_IS_ACTIVITY (self), 0);

  return self->actor_id;
}

const char *
sb_activity_get_actor_name (SbActivity *self)
{
  g_return_val_if_fail (SB_IS_ACTIVITY (self), NULL);

  return self->actor_name;
}

const char *
sb_activity_get_field (SbActivity *self)
{
  g_return_val_if_fail (SB_IS_ACTIVITY (self), NULL);

  return self->field;
}

const char *
sb_activity_get_old_value (SbActivity *self)
{
  g_return_val_if_fail (SB_IS_ACTIVITY (self), NULL);

  return self->old_value;
}

const char *
sb_activity_get_new_value (SbActivity *self)
{
  g_return_val_if_fail (SB_IS_ACTIVITY (self), NULL);

  return self->new_value;
}

gint64
sb_activity_get_created_at (SbActivity *self)
{
  g_return_val_if_fail (SB_IS_ACTIVITY (self), 0);

  return self->created_at;
}
