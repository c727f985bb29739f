/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Registers the UI's GResource (templates, style) once; safe to call again. SbApplication
 * calls it at startup; tests that build widgets without the application call it after
 * gtk_test_init() and adw_init(). */
void sb_ui_init (void);

G_END_DECLS
