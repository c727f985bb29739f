/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_EMPLOYEE (sb_employee_get_type ())
G_DECLARE_FINAL_TYPE (SbEmployee, sb_employee, SB, EMPLOYEE, GObject)

gint64      sb_employee_get_id         (SbEmployee *self);
const char *sb_employee_get_name       (SbEmployee *self);
const char *sb_employee_get_email      (SbEmployee *self);
gint64      sb_employee_get_created_at (SbEmployee *self);

G_END_DECLS
