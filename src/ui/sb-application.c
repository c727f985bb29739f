/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n.h>

#include "sb-application.h"
#include "sb-database.h"

struct _SbApplication
{
  AdwApplication  parent_instance;

  /* From --database, absolute; NULL means the default location. */
  char           *database_path;
  SbDatabase     *database;
};

G_DEFINE_FINAL_TYPE (SbApplication, sb_application, ADW_TYPE_APPLICATION)

static const GOptionEntry sb_application_options[] = {
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "database", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the board database at PATH instead of the default one"), N_("PATH") },
  { NULL }
};

/* The database the window works on: --database, or the default one under $XDG_DATA_HOME. */
static char *
sb_application_dup_database_path (SbApplication *self)
{
  if (self->database_path != NULL)
    return g_strdup (self->database_path);
  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "sprintboard.db", NULL);
}

static char *
sb_application_describe_database (SbApplication *self)
{
  g_autofree char *path = sb_application_dup_database_path (self);
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    self->database = sb_database_open (path, &error);
  if (self->database == NULL)
    return g_strdup (error->message);

  /* Translators: %s is the path of the database file. */
  return g_strdup_printf (_("The board arrives in the next release. Your boards will be kept "
                            "in %s."), path);
}

static GtkWindow *
sb_application_create_window (SbApplication *self)
{
  g_autofree char *description = sb_application_describe_database (self);
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *status_page;

  window = adw_application_window_new (GTK_APPLICATION (self));
  gtk_window_set_title (GTK_WINDOW (window), "Sprintboard");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (window, "devel");
#endif

  status_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status_page), "view-grid-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status_page), "Sprintboard");
  adw_status_page_set_description (ADW_STATUS_PAGE (status_page), description);
  gtk_widget_set_vexpand (status_page, TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status_page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  return GTK_WINDOW (window);
}

static int
sb_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  SbApplication *self = SB_APPLICATION (application);
  const char    *database_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &database_path))
    {
      if (database_path[0] == '\0')
        {
          g_printerr ("%s\n", _("--database needs a file name"));
          return EXIT_FAILURE;
        }
      g_free (self->database_path);
      /* Made absolute now, while the working directory is still the caller's. */
      self->database_path = g_canonicalize_filename (database_path, NULL);
    }

  /* Go on: register, then activate here or in the running instance. */
  return -1;
}

static void
sb_application_activate (GApplication *application)
{
  SbApplication *self = SB_APPLICATION (application);
  GtkWindow     *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = sb_application_create_window (self);

  gtk_window_present (window);
}

static void
sb_application_finalize (GObject *object)
{
  SbApplication *self = SB_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sb_application_parent_class)->finalize (object);
}

static void
sb_application_class_init (SbApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sb_application_finalize;

  application_class->handle_local_options = sb_application_handle_local_options;
  application_class->activate = sb_application_activate;
}

static void
sb_application_init (SbApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), sb_application_options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A scrum board for the GNOME desktop."));
}

/**
 * sb_application_new:
 *
 * Returns: (transfer full): the application, not yet running
 */
SbApplication *
sb_application_new (void)
{
  return g_object_new (SB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * sb_application_get_database_path:
 * @self: the application
 *
 * Returns: (nullable): the absolute path given with `--database`, or %NULL for the default
 */
const char *
sb_application_get_database_path (SbApplication *self)
{
  g_return_val_if_fail (SB_IS_APPLICATION (self), NULL);

  return self->database_path;
}
