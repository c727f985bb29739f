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

/* A toast showing @text as it is: AdwToast titles are Pango markup, so a project called
 * "R&D" or an error quoting one is escaped here. */
AdwToast *sb_ui_toast_new   (const char *text);

/* A question before deleting what cannot be brought back: @heading, @body, "Cancel" (the
 * default, also Escape) and @delete_label (the "delete" response, destructive). The caller
 * connects ::response and presents it. */
GtkWidget *sb_ui_delete_dialog_new (GtkWindow  *parent,
                                    const char *heading,
                                    const char *body,
                                    const char *delete_label);

G_END_DECLS
