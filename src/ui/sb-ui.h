/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Registers the UI's GResource (templates, style) once; safe to call again. SbApplication
 * calls it at startup; tests that build widgets without the application call it after
 * gtk_test_init() and adw_init(). */
void   sb_ui_init           (void);

/* A database id kept on a widget or toast under @key (ids are 64-bit: not in a pointer). */
void   sb_ui_set_object_id  (gpointer    object,
                             const char *key,
                             gint64      id);
gint64 sb_ui_get_object_id  (gpointer    object,
                             const char *key);

G_END_DECLS
