/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include "sb-ui.h"
#include "sb-ui-resources.h"

void
sb_ui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Registered by hand: a constructor in a static library's object file would be dropped
       * by the linker when nothing else refers to it. */
      sb_ui_register_resource ();
      g_once_init_leave (&initialized, 1);
    }
}

void
sb_ui_set_object_id (gpointer    object,
                     const char *key,
                     gint64      id)
{
  g_object_set_data_full (G_OBJECT (object), key, g_memdup2 (&id, sizeof id), g_free);
}

/* Returns: the id sb_ui_set_object_id() kept, or 0 */
gint64
sb_ui_get_object_id (gpointer    object,
                     const char *key)
{
  const gint64 *id = g_object_get_data (G_OBJECT (object), key);

  return id != NULL ? *id : 0;
}
