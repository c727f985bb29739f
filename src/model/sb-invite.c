/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#include "config.h"

#include "sb-records-private.h"

/* One invite email of the outbox, as a read-only snapshot: who is invited to which project,
 * and how sending it went so far. */

G_DEFINE_FINAL_TYPE (SbInvite, sb_invite, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_PROJECT_ID,
  PROP_PROJECT_KEY,
  PROP_PROJECT_NAME,
  PROP_EMPLOYEE_ID,
  PROP_EMPLOYEE_NAME,
  PROP_EMPLOYEE_EMAIL,
  PROP_MANAGER_NAME,
  PROP_MANAGER_EMAIL,
  PROP_MESSAGE_ID,
  PROP_STATE,
  PROP_ATTEMPTS,
  PROP_NEXT_ATTEMPT_AT,
  PROP_LAST_ERROR,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sb_invite_finalize (GObject *object)
{
  SbInvite *self = SB_INVITE (object);

  g_clear_pointer (&self->project_key, g_free);
  g_clear_pointer (&self->project_name, g_free);
  g_clear_pointer (&self->employee_name, g_free);
  g_clear_pointer (&self->employee_email, g_free);
  g_clear_pointer (&self->manager_name, g_free);
  g_clear_pointer (&self->manager_email, g_free);
  g_clear_pointer (&self->message_id, g_free);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (sb_invite_parent_class)->finalize (object);
}

static void
sb_invite_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SbInvite *self = SB_INVITE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;

    case PROP_PROJECT_KEY:
      g_value_set_string (value, self->project_key);
      break;

    case PROP_PROJECT_NAME:
      g_value_set_string (value, self->project_name);
      break;

    case PROP_EMPLOYEE_ID:
      g_value_set_int64 (value, self->employee_id);
      break;

    case PROP_EMPLOYEE_NAME:
      g_value_set_string (value, self->employee_name);
      break;

    case PROP_EMPLOYEE_EMAIL:
      g_value_set_string (value, self->employee_email);
      break;

    case PROP_MANAGER_NAME:
      g_value_set_string (value, self->manager_name);
      break;

    case PROP_MANAGER_EMAIL:
      g_value_set_string (value, self->manager_email);
      break;

    case PROP_MESSAGE_ID:
      g_value_set_string (value, self->message_id);
      break;

    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_ATTEMPTS:
      g_value_set_uint (value, self->attempts);
      break;

    case PROP_NEXT_ATTEMPT_AT:
      g_value_set_int64 (value, self->next_attempt_at);
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_invite_class_init (SbInviteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_invite_finalize;
  object_class->get_property = sb_invite_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PROJECT_KEY] =
    g_param_spec_string ("project-key", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PROJECT_NAME] =
    g_param_spec_string ("project-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_EMPLOYEE_ID] =
    g_param_spec_int64 ("employee-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_EMPLOYEE_NAME] =
    g_param_spec_string ("employee-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_EMPLOYEE_EMAIL] =
    g_param_spec_string ("employee-email", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_MANAGER_NAME] =
    g_param_spec_string ("manager-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_MANAGER_EMAIL] =
    g_param_spec_string ("manager-email", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_MESSAGE_ID] =
    g_param_spec_string ("message-id", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      SB_INVITE_STATE_QUEUED, SB_INVITE_STATE_FAILED, SB_INVITE_STATE_QUEUED,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_ATTEMPTS] =
    g_param_spec_uint ("attempts", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_NEXT_ATTEMPT_AT] =
    g_param_spec_int64 ("next-attempt-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_invite_init (SbInvite *self)
{
}

SbInvite *
_sb_invite_new (void)
{
  return g_object_new (SB_TYPE_INVITE, NULL);
}

gint64
sb_invite_get_id (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), 0);

  return self->id;
}

gint64
sb_invite_get_project_id (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), 0);

  return self->project_id;
}

const char *
sb_invite_get_project_key (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), NULL);

  return self->project_key;
}

const char *
sb_invite_get_project_name (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), NULL);

  return self->project_name;
}

gint64
sb_invite_get_employee_id (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), 0);

  return self->employee_id;
}

const char *
sb_invite_get_employee_name (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), NULL);

  return self->employee_name;
}

const char *
sb_invite_get_employee_email (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), NULL);

  return self->employee_email;
}

const char *
sb_invite_get_manager_name (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), NULL);

  return self->manager_name;
}

const char *
sb_invite_get_manager_email (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), NULL);

  return self->manager_email;
}

const char *
sb_invite_get_message_id (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), NULL);

  return self->message_id;
}

SbInviteState
sb_invite_get_state (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), SB_INVITE_STATE_QUEUED);

  return self->state;
}

guint
sb_invite_get_attempts (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), 0);

  return self->attempts;
}

gint64
sb_invite_get_next_attempt_at (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), 0);

  return self->next_attempt_at;
}

const char *
sb_invite_get_last_error (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), NULL);

  return self->last_error;
}

gint64
sb_invite_get_created_at (SbInvite *self)
{
  g_return_val_if_fail (SB_IS_INVITE (self), 0);

  return self->created_at;
}
