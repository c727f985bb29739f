/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-secret.h"

G_BEGIN_DECLS

/**
 * SbKeyringError:
 * @SB_KEYRING_ERROR_UNAVAILABLE: no keyring to use right now: no D-Bus session, nothing
 *   provides the Secret Service, no default keyring, the keyring is locked, or it did not
 *   answer in time. The app carries on without it (no remember-me; the SMTP password is held
 *   in memory for this run).
 * @SB_KEYRING_ERROR_FAILED: the keyring answered with an error of another kind.
 *
 * A lookup that finds nothing is not an error: it returns %NULL without setting one. A call
 * cancelled through the caller's #GCancellable fails with %G_IO_ERROR_CANCELLED.
 */
typedef enum
{
  SB_KEYRING_ERROR_UNAVAILABLE,
  SB_KEYRING_ERROR_FAILED,
} SbKeyringError;

#define SB_KEYRING_ERROR (sb_keyring_error_quark ())
GQuark sb_keyring_error_quark (void);

/**
 * SbKeyringKind:
 * @SB_KEYRING_KIND_SESSION: a remember-me token ("session" in the keyring)
 * @SB_KEYRING_KIND_SMTP: the password of the SMTP account ("smtp" in the keyring)
 */
typedef enum
{
  SB_KEYRING_KIND_SESSION,
  SB_KEYRING_KIND_SMTP,
} SbKeyringKind;

/* How long a keyring call may take before it counts as "unavailable". */
#define SB_KEYRING_DEFAULT_TIMEOUT_MS 5000

/**
 * SbSecretStorage:
 * @SB_SECRET_STORAGE_KEYRING: stored in the system keyring
 * @SB_SECRET_STORAGE_MEMORY: the keyring is unavailable: held in memory for this run only
 */
typedef enum
{
  SB_SECRET_STORAGE_KEYRING,
  SB_SECRET_STORAGE_MEMORY,
} SbSecretStorage;

#define SB_TYPE_KEYRING (sb_keyring_get_type ())
G_DECLARE_FINAL_TYPE (SbKeyring, sb_keyring, SB, KEYRING, GObject)

SbKeyring  *sb_keyring_new                        (void);
guint       sb_keyring_get_timeout                (SbKeyring            *self);
void        sb_keyring_set_timeout                (SbKeyring            *self,
                                                   guint                 timeout_ms);

/* Whether the keyring can be used now; when not, why, in a sentence for the person. */
void        sb_keyring_probe_async                (SbKeyring            *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean    sb_keyring_probe_finish               (SbKeyring            *self,
                                                   GAsyncResult         *result,
                                                   char                **reason);

/* The secrets themselves, found by kind, database id and account. */
void        sb_keyring_store_async                (SbKeyring            *self,
                                                   SbKeyringKind         kind,
                                                   const char           *database_id,
                                                   const char           *account,
                                                   const char           *secret,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean    sb_keyring_store_finish               (SbKeyring            *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void        sb_keyring_lookup_async               (SbKeyring            *self,
                                                   SbKeyringKind         kind,
                                                   const char           *database_id,
                                                   const char           *account,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
SbSecret   *sb_keyring_lookup_finish              (SbKeyring            *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void        sb_keyring_clear_async                (SbKeyring            *self,
                                                   SbKeyringKind         kind,
                                                   const char           *database_id,
                                                   const char           *account,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean    sb_keyring_clear_finish               (SbKeyring            *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* The SMTP password, by server and user name; held in memory when the keyring is unavailable. */
char       *sb_keyring_smtp_account               (const char           *host,
                                                   guint16               port,
                                                   const char           *username);
void        sb_keyring_store_smtp_password_async  (SbKeyring            *self,
                                                   const char           *host,
                                                   guint16               port,
                                                   const char           *username,
                                                   const char           *password,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean    sb_keyring_store_smtp_password_finish (SbKeyring            *self,
                                                   GAsyncResult         *result,
                                                   SbSecretStorage      *storage,
                                                   GError              **error);
void        sb_keyring_lookup_smtp_password_async (SbKeyring            *self,
                                                   const char           *host,
                                                   guint16               port,
                                                   const char           *username,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
SbSecret   *sb_keyring_lookup_smtp_password_finish (SbKeyring           *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void        sb_keyring_clear_smtp_password_async  (SbKeyring            *self,
                                                   const char           *host,
                                                   guint16               port,
                                                   const char           *username,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean    sb_keyring_clear_smtp_password_finish (SbKeyring            *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
