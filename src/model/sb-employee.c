/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#include "config.h"

#include "sb-records-private.h"

G_DEFINE_FINAL_TYPE (SbEmployee, sb_employee, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sb_employee_finalize (GObject *object)
{
  SbEmployee *self = SB_EMPLOYEE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (sb_employee_parent_class)->finalize (object);
}

static void
sb_employee_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SbEmployee *self = SB_EMPLOYEE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_employee_class_init (SbEmployeeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_employee_finalize;
  object_class->get_property = sb_employee_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_employee_init (SbEmployee *self)
{
}

SbEmployee *
_sb_employee_new (void)
{
  return g_object_new (SB_TYPE_EMPLOYEE, NULL);
}

gint64
sb_employee_get_id (SbEmployee *self)
{
  g_return_val_if_fail (SB_IS_EMPLOYEE (self), 0);

  return self->id;
}

const char *
sb_employee_get_name (SbEmployee *self)
{
  g_return_val_if_fail (SB_IS_EMPLOYEE (self), NULL);

  return self->name;
}

const char *
sb_employee_get_email (SbEmployee *self)
{
  g_return_val_if_fail (SB_IS_EMPLOYEE (self), NULL);

  return self->email;
}

gint64
sb_employee_get_created_at (SbEmployee *self)
{
  g_return_val_if_fail (SB_IS_EMPLOYEE (self), 0);

  return self->created_at;
}
