/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <string.h>

#include <sodium.h>

#include "sb-secret.h"

struct _SbSecret
{
  gatomicrefcount  ref_count;
  gsize            length;
  char            *text;     /* length + 1 bytes, NUL-terminated */
};

G_DEFINE_BOXED_TYPE (SbSecret, sb_secret, sb_secret_ref, sb_secret_unref)

/**
 * sb_secret_new:
 * @text: the secret, as UTF-8 text
 *
 * Copies @text into memory of its own. The caller still owns (and should wipe) @text.
 *
 * Returns: (transfer full): the secret
 */
SbSecret *
sb_secret_new (const char *text)
{
  SbSecret *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_new0 (SbSecret, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->length = strlen (text);
  self->text = g_malloc (self->length + 1);
  /* Best effort: a failure (RLIMIT_MEMLOCK) only means the page may be swapped. */
  (void) sodium_mlock (self->text, self->length + 1);
  memcpy (self->text, text, self->length + 1);

  return self;
}

SbSecret *
sb_secret_ref (SbSecret *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sb_secret_unref (SbSecret *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  /* sodium_munlock() zeroes the bytes before unlocking them, even when mlock had failed;
   * sodium_memzero() again so the wipe does not depend on that. */
  sodium_memzero (self->text, self->length + 1);
  (void) sodium_munlock (self->text, self->length + 1);
  g_free (self->text);
  g_free (self);
}

/**
 * sb_secret_get_text:
 *
 * Returns: (transfer none): the secret text, valid while @self is; do not copy it somewhere
 *   that is not wiped
 */
const char *
sb_secret_get_text (SbSecret *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

gsize
sb_secret_get_length (SbSecret *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->length;
}

/**
 * sb_secret_equal_text:
 *
 * Compares the secret with @text in constant time (for a given length).
 */
gboolean
sb_secret_equal_text (SbSecret   *self,
                      const char *text)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != self->length)
    return FALSE;
  return sodium_memcmp (self->text, text, self->length) == 0;
}
