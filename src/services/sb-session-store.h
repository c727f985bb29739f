/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-keyring.h"
#include "sb-model.h"

G_BEGIN_DECLS

/**
 * SbSessionRestore:
 * @SB_SESSION_RESTORE_SIGNED_IN: a remembered sign-in was found and the workspace is signed in
 * @SB_SESSION_RESTORE_NOT_REMEMBERED: nothing is remembered for this database
 * @SB_SESSION_RESTORE_REFUSED: the remembered token had expired or was revoked (signed out
 *   elsewhere, password changed): the database refused it and it was cleared from the keyring
 */
typedef enum
{
  SB_SESSION_RESTORE_SIGNED_IN,
  SB_SESSION_RESTORE_NOT_REMEMBERED,
  SB_SESSION_RESTORE_REFUSED,
} SbSessionRestore;

#define SB_TYPE_SESSION_STORE (sb_session_store_get_type ())
G_DECLARE_FINAL_TYPE (SbSessionStore, sb_session_store, SB, SESSION_STORE, GObject)

SbSessionStore   *sb_session_store_new             (SbWorkspace          *workspace,
                                                    SbKeyring            *keyring);
SbWorkspace      *sb_session_store_get_workspace   (SbSessionStore       *self);
SbKeyring        *sb_session_store_get_keyring     (SbSessionStore       *self);

void              sb_session_store_remember_async  (SbSessionStore       *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean          sb_session_store_remember_finish (SbSessionStore       *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void              sb_session_store_restore_async   (SbSessionStore       *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SbSessionRestore  sb_session_store_restore_finish  (SbSessionStore       *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void              sb_session_store_sign_out_async  (SbSessionStore       *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean          sb_session_store_sign_out_finish (SbSessionStore       *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void              sb_session_store_forget_async    (SbSessionStore       *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean          sb_session_store_forget_finish   (SbSessionStore       *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
