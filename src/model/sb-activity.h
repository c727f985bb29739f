/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_ACTIVITY (sb_activity_get_type ())
G_DECLARE_FINAL_TYPE (SbActivity, sb_activity, SB, ACTIVITY, GObject)

gint64      sb_activity_get_id         (SbActivity *self);
gint64      sb_activity_get_task_id    (SbActivity *self);
gint64      sb_activity_get_actor_id   (SbActivity *self);
const char *sb_activity_get_actor_name (SbActivity *self);
const char *sb_activity_get_field      (SbActivity *self);
const char *sb_activity_get_old_value  (SbActivity *self);
const char *sb_activity_get_new_value  (SbActivity *self);
gint64      sb_activity_get_created_at (SbActivity *self);

G_END_DECLS
