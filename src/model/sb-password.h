/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Argon2id through libsodium, at no less than its INTERACTIVE limits. Hashing takes tens of
 * milliseconds on purpose: call these off the main thread where a person waits. */
char     *sb_password_hash          (const char  *password,
                                     GError     **error);
gboolean  sb_password_verify        (const char  *hash,
                                     const char  *password);
gboolean  sb_password_needs_rehash  (const char  *hash);

/* @n_bytes random bytes from the system's CSPRNG, as unpadded base64url text. */
char     *sb_password_random_token  (gsize        n_bytes);

/* Overwrites @str with zeroes and frees it; for anything that held a secret. */
void      sb_password_wipe_free     (char        *str);

G_END_DECLS
