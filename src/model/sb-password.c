/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "sb-password.h"
#include "sb-types.h"

/* The cost of every new hash: libsodium's INTERACTIVE limits (t=2, m=64 MiB). */
#define HASH_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define HASH_MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE

static void
ensure_sodium (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&initialized, 1);
    }
}

char *
sb_password_hash (const char  *password,
                  GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (password != NULL, NULL);

  ensure_sodium ();

  if (crypto_pwhash_str_alg (hash, password, strlen (password), HASH_OPSLIMIT, HASH_MEMLIMIT,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT,
                   _("There is not enough memory to protect the password."));
      return NULL;
    }

  return g_strdup (hash);
}

gboolean
sb_password_verify (const char *hash,
                    const char *password)
{
  ensure_sodium ();

  if (hash == NULL || password == NULL)
    return FALSE;

  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

gboolean
sb_password_needs_rehash (const char *hash)
{
  ensure_sodium ();

  /* 0: fine; 1: other parameters; -1: not an Argon2id hash at all. */
  return crypto_pwhash_str_needs_rehash (hash, HASH_OPSLIMIT, HASH_MEMLIMIT) != 0;
}

char *
sb_password_random_token (gsize n_bytes)
{
  g_autofree guchar *bytes = g_malloc (n_bytes);
  gsize out_len = sodium_base64_ENCODED_LEN (n_bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  char *out = g_malloc (out_len);

  ensure_sodium ();

  randombytes_buf (bytes, n_bytes);
  sodium_bin2base64 (out, out_len, bytes, n_bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (bytes, n_bytes);
  return out;
}

void
sb_password_wipe_free (char *str)
{
  if (str == NULL)
    return;

  sodium_memzero (str, strlen (str));
  g_free (str);
}
