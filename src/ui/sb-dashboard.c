/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n.h>

#include "sb-dashboard.h"
#include "sb-editor-format.h"
#include "sb-ui.h"

/* The page shown when no project is selected: each project's progress (cards per column,
 * overdue count, manager) and the signed-in employee's open tasks. */
struct _SbDashboard
{
  AdwBin        parent_instance;

  SbWorkspace  *workspace;

  GtkStack     *stack;
  GtkFlowBox   *projects_box;
  GtkListBox   *my_tasks_list;
};

enum
{
  PROJECT_ACTIVATED,
  TASK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbDashboard, sb_dashboard, ADW_TYPE_BIN)

/* How many of "my open tasks" the dashboard lists, most urgent first. */
#define MAX_OPEN_TASKS 50

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One project: key, name, manager; a bar of the done share; the cards per column; overdue. */
static GtkWidget *
make_project_card (SbProject *project)
{
  GListModel *columns = sb_project_get_columns (project);
  guint n_columns = columns != NULL ? g_list_model_get_n_items (columns) : 0;
  guint total = sb_project_get_task_count (project);
  guint overdue = sb_project_get_overdue_count (project);
  guint done = 0;
  g_autoptr(GString) counts = g_string_new (NULL);
  g_autoptr(GString) accessible = g_string_new (NULL);
  g_autofree char *manager = NULL;
  g_autofree char *progress = NULL;
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *key = make_label (sb_project_get_key (project), "project-key");
  GtkWidget *bar;

  gtk_label_set_ellipsize (GTK_LABEL (key), PANGO_ELLIPSIZE_NONE);
  gtk_box_append (GTK_BOX (title_box), key);
  gtk_box_append (GTK_BOX (title_box), make_label (sb_project_get_name (project), "heading"));
  gtk_box_append (GTK_BOX (box), title_box);

  /* Translators: %s is a person's name. */
  manager = g_strdup_printf (_("Managed by %s"), sb_project_get_manager_name (project));
  gtk_box_append (GTK_BOX (box), make_label (manager, "dim-label"));

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (columns, i);

      if (sb_column_get_is_done (column))
        done += sb_column_get_task_count (column);
      /* Translators: a board column and its number of cards, e.g. "To Do 4". */
      g_string_append_printf (counts, "%s%s %u", i > 0 ? " · " : "",
                              sb_column_get_name (column), sb_column_get_task_count (column));
    }

  bar = gtk_level_bar_new_for_interval (0, MAX (total, 1));
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), done);
  gtk_widget_set_margin_top (bar, 6);
  gtk_box_append (GTK_BOX (box), bar);

  /* Translators: progress of a project, e.g. "7 of 20 tasks done". */
  progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u task done",
                                           "%u of %u tasks done", total), done, total);
  gtk_box_append (GTK_BOX (box), make_label (progress, NULL));
  {
    GtkWidget *label = make_label (counts->str, "caption");

    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_box_append (GTK_BOX (box), label);
  }
  if (overdue > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task overdue",
                                                            "%u tasks overdue", overdue),
                                               overdue);

      gtk_box_append (GTK_BOX (box), make_label (text, "error"));
      g_string_append_printf (accessible, "%s. ", text);
    }

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  gtk_widget_add_css_class (child, "card");
  gtk_widget_add_css_class (child, "project-card");
  sb_ui_set_object_id (child, "sb-project-id", sb_project_get_id (project));

  g_string_prepend (accessible, ". ");
  g_string_prepend (accessible, counts->str);
  g_string_prepend (accessible, ", ");
  g_string_prepend (accessible, progress);
  g_string_prepend (accessible, ": ");
  g_string_prepend (accessible, sb_project_get_name (project));
  g_string_prepend (accessible, " ");
  g_string_prepend (accessible, sb_project_get_key (project));
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible->str, -1);
  return child;
}

static GtkWidget *
make_task_row (SbTask *task)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s  %s", sb_task_get_key (task),
                                            sb_task_get_title (task));
  g_autofree char *subtitle = NULL;

  if (sb_task_get_due_date (task) != NULL)
    {
      g_autofree char *due = sb_editor_format_date (sb_task_get_due_date (task));

      /* Translators: "Due 1 Dec 2026 · High priority" */
      subtitle = g_strdup_printf (_("Due %s · %s priority"), due != NULL ? due : "",
                                  sb_editor_format_priority (sb_task_get_priority (task)));
    }
  else
    subtitle = g_strdup_printf (_("%s priority"),
                                sb_editor_format_priority (sb_task_get_priority (task)));

  /* Plain text before the title is set: a title is parsed as markup when it is set. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (sb_task_get_overdue (task))
    {
      GtkWidget *badge = gtk_label_new (_("Overdue"));

      gtk_widget_add_css_class (badge, "error");
      gtk_widget_add_css_class (badge, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "sb-task", g_object_ref (task), g_object_unref);
  return row;
}

static void
remove_all (GtkWidget *container,
            void     (*remove) (gpointer container,
                                GtkWidget *child))
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    remove (container, child);
}

static void
on_projects_box_child_activated (SbDashboard     *self,
                                 GtkFlowBoxChild *child)
{
  gint64 project_id = sb_ui_get_object_id (child, "sb-project-id");

  g_signal_emit (self, signals[PROJECT_ACTIVATED], 0, project_id);
}

static void
on_my_tasks_list_row_activated (SbDashboard   *self,
                                GtkListBoxRow *row)
{
  SbTask *task = g_object_get_data (G_OBJECT (row), "sb-task");

  if (task != NULL)
    g_signal_emit (self, signals[TASK_ACTIVATED], 0, task);
}

static void
sb_dashboard_dispose (GObject *object)
{
  SbDashboard *self = SB_DASHBOARD (object);

  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (sb_dashboard_parent_class)->dispose (object);
}

static void
sb_dashboard_class_init (SbDashboardClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_dashboard_dispose;

  /* SbDashboard::project-activated: a project card was activated. */
  signals[PROJECT_ACTIVATED] =
    g_signal_new ("project-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* SbDashboard::task-activated: one of "my open tasks" was activated. */
  signals[TASK_ACTIVATED] =
    g_signal_new ("task-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SB_TYPE_TASK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sprintboard/Sprintboard/"
                                               "sb-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, SbDashboard, stack);
  gtk_widget_class_bind_template_child (widget_class, SbDashboard, projects_box);
  gtk_widget_class_bind_template_child (widget_class, SbDashboard, my_tasks_list);
  gtk_widget_class_bind_template_callback (widget_class, on_projects_box_child_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_my_tasks_list_row_activated);
}

static void
sb_dashboard_init (SbDashboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
sb_dashboard_set_workspace (SbDashboard *self,
                            SbWorkspace *workspace)
{
  g_return_if_fail (SB_IS_DASHBOARD (self));
  g_return_if_fail (workspace == NULL || SB_IS_WORKSPACE (workspace));

  /* Read when shown: the window calls sb_dashboard_reload() as it shows the dashboard. */
  g_set_object (&self->workspace, workspace);
}

/**
 * sb_dashboard_reload:
 *
 * Reads the projects and the open tasks again (two queries; the counts come with the
 * projects).
 */
void
sb_dashboard_reload (SbDashboard *self)
{
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(GError) error = NULL;
  guint n_projects;
  guint n_tasks;
  guint n_open = 0;

  g_return_if_fail (SB_IS_DASHBOARD (self));

  remove_all (GTK_WIDGET (self->projects_box), (gpointer) gtk_flow_box_remove);
  remove_all (GTK_WIDGET (self->my_tasks_list), (gpointer) gtk_list_box_remove);
  if (self->workspace == NULL || sb_workspace_get_current_employee (self->workspace) == NULL)
    return;

  projects = sb_workspace_list_projects (self->workspace, &error);
  if (projects == NULL)
    {
      g_warning ("Could not list the projects: %s", error->message);
      return;
    }
  n_projects = g_list_model_get_n_items (projects);
  for (guint i = 0; i < n_projects; i++)
    {
      g_autoptr(SbProject) project = g_list_model_get_item (projects, i);

      gtk_flow_box_append (self->projects_box, make_project_card (project));
    }
  gtk_stack_set_visible_child_name (self->stack, n_projects > 0 ? "projects" : "empty");

  /* The most urgent ones: someone may have thousands, and a row each would take seconds. */
  tasks = sb_workspace_list_my_open_tasks_top (self->workspace, MAX_OPEN_TASKS, &n_open, &error);
  if (tasks == NULL)
    {
      g_warning ("Could not list the open tasks: %s", error->message);
      return;
    }
  n_tasks = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(SbTask) task = g_list_model_get_item (tasks, i);

      gtk_list_box_append (self->my_tasks_list, make_task_row (task));
    }
  if (n_open > n_tasks)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = NULL;

      /* Translators: after the most urgent of someone's open tasks, the number not shown. */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more open task on the boards",
                                           "%u more open tasks on the boards",
                                           n_open - n_tasks),
                              n_open - n_tasks);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->my_tasks_list, row);
    }
  if (n_tasks == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Nothing assigned to you is open"));
      gtk_list_box_append (self->my_tasks_list, row);
    }
}
