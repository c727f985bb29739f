/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#include "config.h"

#include "sb-records-private.h"

G_DEFINE_FINAL_TYPE (SbComment, sb_comment, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_TASK_ID,
  PROP_AUTHOR_ID,
  PROP_AUTHOR_NAME,
  PROP_BODY,
  PROP_CREATED_AT,
  PROP_EDITED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sb_comment_finalize (GObject *object)
{
  SbComment *self = SB_COMMENT (object);

  g_clear_pointer (&self->author_name, g_free);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (sb_comment_parent_class)->finalize (object);
}

static void
sb_comment_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SbComment *self = SB_COMMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TASK_ID:
      g_value_set_int64 (value, self->task_id);
      break;

    case PROP_AUTHOR_ID:
      g_value_set_int64 (value, self->author_id);
      break;

    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_EDITED_AT:
      g_value_set_int64 (value, self->edited_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_comment_class_init (SbCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_comment_finalize;
  object_class->get_property = sb_comment_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TASK_ID] =
    g_param_spec_int64 ("task-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_AUTHOR_ID] =
    g_param_spec_int64 ("author-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_AUTHOR_NAME] =
    g_param_spec_string ("author-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_EDITED_AT] =
    g_param_spec_int64 ("edited-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_comment_init (SbComment *self)
{
}

SbComment *
_sb_comment_new (void)
{
  return g_object_new (SB_TYPE_COMMENT, NULL);
}

gint64
sb_comment_get_id (SbComment *self)
{
  g_return_val_if_fail (SB_IS_COMMENT (self), 0);

  return self->id;
}

gint64
sb_comment_get_task_id (SbComment *self)
{
  g_return_val_if_fail (SB_IS_COMMENT (self), 0);

  return self->task_id;
}

gint64
sb_comment_get_author_id (SbComment *self)
{
  g_return_val_if_fail (SB_IS_COMMENT (self), 0);

  return self->author_id;
}

const char *
sb_comment_get_author_name (SbComment *self)
{
  g_return_val_if_fail (SB_IS_COMMENT (self), NULL);

  return self->author_name;
}

const char *
sb_comment_get_body (SbComment *self)
{
  g_return_val_if_fail (SB_IS_COMMENT (self), NULL);

  return self->body;
}

gint64
sb_comment_get_created_at (SbComment *self)
{
  g_return_val_if_fail (SB_IS_COMMENT (self), 0);

  return self->created_at;
}

gint64
sb_comment_get_edited_at (SbComment *self)
{
  g_return_val_if_fail (SB_IS_COMMENT (self), 0);

  return self->edited_at;
}
