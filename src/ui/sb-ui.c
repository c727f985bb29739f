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
