/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

/* The outbox table as a queue, for SbOutbox (src/services): the data side of sending invites.
 * These calls are not use cases of a signed-in person but of the app itself, so they take the
 * database and check no permissions; what a person may do with invites is in SbWorkspace
 * (sb_workspace_list_invites(), sb_workspace_retry_invite()). Each call is one transaction. */

#include <gio/gio.h>

#include "sb-types.h"

G_BEGIN_DECLS

/* How long a claim holds an invite, in seconds: far longer than an SMTP session takes (a 30 s
 * connect and a 60 s limit on each of about a dozen replies). Those limits are per step, so a
 * server that answers slowly enough can outlast it; then another Sprintboard on the file may
 * claim the invite again, the late sender's sb_invite_queue_mark_*() change nothing, and the
 * recipient may get the invite twice, with the same Message-ID. */
#define SB_INVITE_QUEUE_LEASE (15 * 60)

guint     sb_invite_queue_recover     (SbDatabase  *database,
                                       gint64       now,
                                       GError     **error);
SbInvite *sb_invite_queue_claim_next  (SbDatabase  *database,
                                       gint64       now,
                                       GError     **error);
gboolean  sb_invite_queue_mark_sent   (SbDatabase  *database,
                                       SbInvite    *claim,
                                       GError     **error);
gboolean  sb_invite_queue_mark_retry  (SbDatabase  *database,
                                       SbInvite    *claim,
                                       gint64       next_attempt_at,
                                       const char  *reason,
                                       GError     **error);
gboolean  sb_invite_queue_mark_failed (SbDatabase  *database,
                                       SbInvite    *claim,
                                       const char  *reason,
                                       GError     **error);
gboolean  sb_invite_queue_next_due    (SbDatabase  *database,
                                       gint64      *next_attempt_at);
SbInvite *sb_invite_queue_get         (SbDatabase  *database,
                                       gint64       invite_id,
                                       GError     **error);

G_END_DECLS
