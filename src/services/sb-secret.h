/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SbSecret:
 *
 * A password or token held in memory only: a copy in memory that is locked against swapping
 * where the system allows it, overwritten with zeroes when the last reference goes. Nothing
 * else is kept, so a secret in an #SbSecret never reaches a file, a setting or a log unless
 * someone copies the text out.
 */
typedef struct _SbSecret SbSecret;

#define SB_TYPE_SECRET (sb_secret_get_type ())
GType       sb_secret_get_type   (void) G_GNUC_CONST;

SbSecret   *sb_secret_new        (const char *text);
SbSecret   *sb_secret_ref        (SbSecret   *self);
void        sb_secret_unref      (SbSecret   *self);
const char *sb_secret_get_text   (SbSecret   *self);
gsize       sb_secret_get_length (SbSecret   *self);
gboolean    sb_secret_equal_text (SbSecret   *self,
                                  const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbSecret, sb_secret_unref)

G_END_DECLS
