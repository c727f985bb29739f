/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-types.h"
#include "sb-smtp-client.h"
#include "sb-smtp-settings.h"

G_BEGIN_DECLS

/* At most this many attempts; then the invite is FAILED (sb_workspace_retry_invite() puts it
 * back). */
#define SB_OUTBOX_MAX_ATTEMPTS 5

#define SB_TYPE_OUTBOX (sb_outbox_get_type ())
G_DECLARE_FINAL_TYPE (SbOutbox, sb_outbox, SB, OUTBOX, GObject)

SbOutbox       *sb_outbox_new            (SbDatabase           *database);
SbSmtpClient   *sb_outbox_get_client     (SbOutbox             *self);
void            sb_outbox_set_settings   (SbOutbox             *self,
                                          SbSmtpSettings       *settings);
SbSmtpSettings *sb_outbox_get_settings   (SbOutbox             *self);
void            sb_outbox_set_password   (SbOutbox             *self,
                                          const char           *password);
gint64          sb_outbox_get_retry_delay (guint               attempts);

void            sb_outbox_run_once_async (SbOutbox             *self,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean        sb_outbox_run_once_finish (SbOutbox            *self,
                                           GAsyncResult        *result,
                                           guint               *n_sent,
                                           GError             **error);

void            sb_outbox_start          (SbOutbox             *self);
void            sb_outbox_stop           (SbOutbox             *self);
void            sb_outbox_wake           (SbOutbox             *self);
gboolean        sb_outbox_is_running     (SbOutbox             *self);

G_END_DECLS
