/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

#include "sb-application.h"
#include "sb-test-util.h"

G_BEGIN_DECLS

/* gtk_test_init() + adw_init() + the UI's resources and style sheet; call first in main().
 * Forces the light style and a fixed font so screenshots compare across runs. */
void       sb_ui_test_init             (int          *argc,
                                        char       ***argv);

/* Iterates the default main context until @condition (evaluated with @data) is true or
 * @timeout_ms passed; returns whether it became true. Never blocks longer than the timeout. */
gboolean   sb_ui_test_wait_until       (gboolean    (*condition) (gpointer data),
                                        gpointer      data,
                                        guint         timeout_ms);

/* Iterates the default main context for @ms milliseconds (lets frames, idles and timeouts
 * run). */
void       sb_ui_test_spin             (guint         ms);

/* Presents @window and waits (at most 5 s) until it is mapped and has drawn a frame. */
void       sb_ui_test_show_window      (GtkWindow    *window);

/* Queues a redraw of @widget (mapped) and waits (at most 5 s) until its frame was painted. */
void       sb_ui_test_wait_for_frame   (GtkWidget    *widget);

/* Renders @widget (after its first frame) into SCREENSHOT_DIR/@name.png, where SCREENSHOT_DIR
 * is $G_TEST_BUILDDIR/screenshots; returns the file's path. */
char      *sb_ui_test_screenshot       (GtkWidget    *widget,
                                        const char   *name);

/* Closes @window (gtk_window_destroy) and asserts it is finalized: no one kept a reference
 * to it. Takes the caller's reference if it held one (@window must not be used after). */
void       sb_ui_test_destroy_window   (GtkWindow    *window);

/* The first descendant of @root (depth first, @root included) of @type whose accessible /
 * buildable name or label equals @label (NULL: any), or NULL. Matches GtkButton labels,
 * GtkLabel text, AdwPreferencesRow titles and tooltip texts. */
GtkWidget *sb_ui_test_find_widget      (GtkWidget    *root,
                                        GType         type,
                                        const char   *label);

/* The visible AdwMessageDialog whose heading is @heading (NULL: any), or NULL. */
GtkWidget *sb_ui_test_find_message_dialog   (const char *heading);

/* Asserts that @dialog asks before deleting: @body, Cancel the default, Delete destructive. */
void       sb_ui_test_assert_delete_dialog  (GtkWidget  *dialog,
                                             const char *body);

/* Activates @dialog's response button labelled @label ("_Delete"), as a click does, and
 * waits (at most 2 s) until the dialog has closed. Asserts the button is enabled. */
void       sb_ui_test_answer_message_dialog (GtkWidget  *dialog,
                                             const char *label);

/* Sets the text of the editable with that id (sb_ui_test_find_widget()) under @root; asserts
 * there is one. */
void       sb_ui_test_set_text         (GtkWidget    *root,
                                        const char   *id,
                                        const char   *text);

/* Starts the application on @path as `sprintboard --database PATH` would (each under an app id
 * of its own: a registered application stays exported on the bus), and waits (at most 15 s)
 * until it shows the main window or a login dialog that is not busy. */
SbApplication *sb_ui_test_start_application (const char    *path);

/* Destroys the application's windows (asserting they finalize) and drops it. */
void       sb_ui_test_stop_application (SbApplication *app);

G_END_DECLS
