/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_INVITE (sb_invite_get_type ())
G_DECLARE_FINAL_TYPE (SbInvite, sb_invite, SB, INVITE, GObject)

gint64         sb_invite_get_id              (SbInvite *self);
gint64         sb_invite_get_project_id      (SbInvite *self);
const char    *sb_invite_get_project_key     (SbInvite *self);
const char    *sb_invite_get_project_name    (SbInvite *self);
gint64         sb_invite_get_employee_id     (SbInvite *self);
const char    *sb_invite_get_employee_name   (SbInvite *self);
const char    *sb_invite_get_employee_email  (SbInvite *self);
const char    *sb_invite_get_manager_name    (SbInvite *self);
const char    *sb_invite_get_manager_email   (SbInvite *self);
const char    *sb_invite_get_message_id      (SbInvite *self);
SbInviteState  sb_invite_get_state           (SbInvite *self);
guint          sb_invite_get_attempts        (SbInvite *self);
gint64         sb_invite_get_next_attempt_at (SbInvite *self);
const char    *sb_invite_get_last_error      (SbInvite *self);
gint64         sb_invite_get_created_at      (SbInvite *self);

G_END_DECLS
