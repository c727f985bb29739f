/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gstdio.h>

#include "sb-login-dialog.h"
#include "sb-ui.h"
#include "sb-ui-test-util.h"

void
sb_ui_test_init (int    *argc,
                 char ***argv)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkSettings *settings;

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  sb_ui_init ();

  /* The application's style sheet, as AdwApplication loads it, so that widgets look the same
   * in tests and screenshots as in the app. */
  gtk_css_provider_load_from_resource (css, "/io/github/sprintboard/Sprintboard/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  settings = gtk_settings_get_default ();
  g_object_set (settings,
                "gtk-enable-animations", FALSE,
                /* No blink timer: without a window manager, GtkText can miss a focus-out
                 * and warns about it from the blink callback. */
                "gtk-cursor-blink", FALSE,
                "gtk-font-name", "Cantarell 11",
                NULL);
}

gboolean
sb_ui_test_wait_until (gboolean (*condition) (gpointer data),
                       gpointer   data,
                       guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () >= deadline)
        return FALSE;
      /* Non-blocking, so the deadline is checked even when nothing is pending. */
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

static gboolean
spin_done (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

void
sb_ui_test_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  sb_ui_test_wait_until (spin_done, &until, ms + 1000);
}

static void
on_frame_clock_after_paint (GdkFrameClock *clock,
                            gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

void
sb_ui_test_wait_for_frame (GtkWidget *widget)
{
  gboolean       painted = FALSE;
  GdkFrameClock *clock;
  gulong         handler;

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint",
                              G_CALLBACK (on_frame_clock_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (sb_ui_test_wait_until (flag_is_set, &painted, 5000));
  g_signal_handler_disconnect (clock, handler);
}

void
sb_ui_test_show_window (GtkWindow *window)
{
  gtk_window_present (window);
  g_assert_true (sb_ui_test_wait_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped,
                                        window, 5000));
  sb_ui_test_wait_for_frame (GTK_WIDGET (window));
}

char *
sb_ui_test_screenshot (GtkWidget  *widget,
                       const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  int width;
  int height;

  /* A fresh frame first, so that the widget has a render node for what it shows now. */
  sb_ui_test_wait_for_frame (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  file = g_strconcat (dir, G_DIR_SEPARATOR_S, name, ".png", NULL);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("screenshot: %s", file);
  return g_steal_pointer (&file);
}

void
sb_ui_test_destroy_window (GtkWindow *window)
{
  /* One reference for g_assert_finalize_object(); the window list holds its own until
   * gtk_window_destroy() drops it. */
  g_object_ref (window);
  gtk_window_destroy (window);
  sb_ui_test_spin (50);
  g_assert_finalize_object (window);
}

static const char *
widget_label (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  return NULL;
}

GtkWidget *
sb_ui_test_find_widget (GtkWidget  *root,
                        GType       type,
                        const char *label)
{
  GtkWidget *child;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *text = widget_label (root);
      const char *tooltip = gtk_widget_get_tooltip_text (root);

      if (label == NULL || g_strcmp0 (text, label) == 0 || g_strcmp0 (tooltip, label) == 0
          || g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), label) == 0)
        return root;
    }

  for (child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sb_ui_test_find_widget (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
sb_ui_test_find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window)
          && (heading == NULL
              || g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                            heading) == 0))
        return window;
    }
  return NULL;
}

void
sb_ui_test_assert_delete_dialog (GtkWidget  *dialog,
                                 const char *body)
{
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  g_assert_cmpstr (adw_message_dialog_get_body (message), ==, body);
  g_assert_cmpstr (adw_message_dialog_get_default_response (message), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (message), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (message, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
}

void
sb_ui_test_answer_message_dialog (GtkWidget  *dialog,
                                  const char *label)
{
  GtkWidget *button = sb_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, label);

  if (button == NULL)
    g_error ("no button “%s” in the dialog “%s”", label,
             adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  /* The dialog closes itself after the response; let it go. */
  for (guint i = 0; i < 200 && dialog != NULL && gtk_widget_get_visible (dialog); i++)
    sb_ui_test_spin (10);
  g_assert_true (dialog == NULL || !gtk_widget_get_visible (dialog));
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
}

void
sb_ui_test_set_text (GtkWidget  *root,
                     const char *id,
                     const char *text)
{
  GtkWidget *widget = sb_ui_test_find_widget (root, GTK_TYPE_EDITABLE, id);

  if (widget == NULL)
    g_error ("no editable “%s” under %s", id, G_OBJECT_TYPE_NAME (root));
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static gboolean
application_settled (gpointer data)
{
  SbApplication *app = data;
  GtkWindow *dialog = sb_application_get_login_dialog (app);

  return !sb_application_get_restoring (app)
         && (sb_application_get_main_window (app) != NULL
             || (dialog != NULL && !sb_login_dialog_get_busy (SB_LOGIN_DIALOG (dialog))));
}

SbApplication *
sb_ui_test_start_application (const char *path)
{
  static guint n_started;
  SbApplication *app = sb_application_new ();
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APPLICATION_ID, ++n_started);
  g_autoptr(GError) error = NULL;

  g_application_set_application_id (G_APPLICATION (app), id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  sb_application_set_database_path (app, path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  g_assert_true (sb_ui_test_wait_until (application_settled, app, 15000));
  return app;
}

void
sb_ui_test_stop_application (SbApplication *app)
{
  GtkWindow *window;

  while ((window = sb_application_get_main_window (app)) != NULL
         || (window = sb_application_get_login_dialog (app)) != NULL)
    sb_ui_test_destroy_window (window);
  /* Not asserted to finalize: GApplication keeps itself alive while registered. */
  sb_ui_test_spin (50);
  g_object_unref (app);
}
