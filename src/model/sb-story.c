/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#include "config.h"

#include "sb-records-private.h"

G_DEFINE_FINAL_TYPE (SbStory, sb_story, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_PROJECT_ID,
  PROP_KEY,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_POINTS,
  PROP_TASK_COUNT,
  PROP_DONE_COUNT,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sb_story_finalize (GObject *object)
{
  SbStory *self = SB_STORY (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (sb_story_parent_class)->finalize (object);
}

static void
sb_story_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SbStory *self = SB_STORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_NUMBER:
      g_value_set_int64 (value, self->number);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_POINTS:
      g_value_set_int (value, self->points);
      break;

    case PROP_TASK_COUNT:
      g_value_set_uint (value, self->task_count);
      break;

    case PROP_DONE_COUNT:
      g_value_set_uint (value, self->done_count);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_story_class_init (SbStoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_story_finalize;
  object_class->get_property = sb_story_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_NUMBER] =
    g_param_spec_int64 ("number", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_POINTS] =
    g_param_spec_int ("points", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TASK_COUNT] =
    g_param_spec_uint ("task-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_DONE_COUNT] =
    g_param_spec_uint ("done-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_story_init (SbStory *self)
{
}

SbStory *
_sb_story_new (void)
{
  return g_object_new (SB_TYPE_STORY, NULL);
}

gint64
sb_story_get_id (SbStory *self)
{
  g_return_val_if_fail (SB_IS_STORY (self), 0);

  return self->id;
}

gint64
sb_story_get_project_id (SbStory *self)
{
  g_return_val_if_fail (SB_IS_STORY (self), 0);

  return self->project_id;
}

const char *
sb_story_get_key (SbStory *self)
{
  g_return_val_if_fail (SB_IS_STORY (self), NULL);

  return self->key;
}

gint64
sb_story_get_number (SbStory *self)
{
  g_return_val_if_fail (SB_IS_STORY (self), 0);

  return self->number;
}

const char *
sb_story_get_title (SbStory *self)
{
  g_return_val_if_fail (SB_IS_STORY (self), NULL);

  return self->title;
}

const char *
sb_story_get_description (SbStory *self)
{
  g_return_val_if_fail (SB_IS_STORY (self), NULL);

  return self->description;
}

int
sb_story_get_points (SbStory *self)
{
  g_return_val_if_fail (SB_IS_STORY (self), 0);

  return self->points;
}

guint
sb_story_get_task_count (SbStory *self)
{
  g_return_val_if_fail (SB_IS_STORY (self), 0);

  return self->task_count;
}

guint
sb_story_get_done_count (SbStory *self)
{
  g_return_val_if_fail (SB_IS_STORY (self), 0);

  return self->done_count;
}

gint64
sb_story_get_created_at (SbStory *self)
{
  g_return_val_if_fail (SB_IS_STORY (self), 0);

  return self->created_at;
}
