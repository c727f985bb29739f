/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sb-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (SbApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = sb_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
