/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n.h>

#include "sb-board-view-private.h"
#include "sb-board-view.h"
#include "sb-dashboard.h"
#include "sb-editor-format.h"
#include "sb-invite.h"
#include "sb-outbox.h"
#include "sb-project-editor.h"
#include "sb-stories-page.h"
#include "sb-task-editor.h"
#include "sb-ui.h"
#include "sb-window.h"

/* The main window: a sidebar of the signed-in employee's projects (and the dashboard), and the
 * selected project's board and stories. Every keyboard shortcut of the app is in
 * sb_window_shortcuts[]; the cards' actions (board.*) are reached from the focus. */
struct _SbWindow
{
  AdwApplicationWindow  parent_instance;

  SbWorkspace          *workspace;
  /* Sends the invites; NULL when the app has no mail settings (and in some tests). */
  SbOutbox             *outbox;
  SbBoard              *board;
  GtkWidget            *board_view;
  gint64                project_id;
  gboolean              showing_dashboard;
  /* PRAGMA data_version when the window last read: it changes only when another process
   * (someone else's Sprintboard on the same file) commits. */
  gint64                seen_data_version;
  /* The story ids behind story_filter's items; [0] is 0, "All stories". */
  GArray               *filter_story_ids;
  gboolean              updating_filter;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *sidebar_title;
  GtkStack             *content_stack;
  SbDashboard          *dashboard;
  AdwViewSwitcherTitle *project_switcher_title;
  GtkButton            *members_button;
  GtkBox               *member_avatars;
  GtkLabel             *project_title;
  GtkLabel             *project_subtitle;
  GtkBox               *board_bar;
  GtkDropDown          *story_filter;
  AdwViewStack         *project_stack;
  AdwBin               *board_bin;
  SbStoriesPage        *stories_page;
};

enum
{
  PROP_0,
  PROP_WORKSPACE,
  PROP_PROJECT_ID,
  N_PROPS
};

enum
{
  SIGNED_OUT,
  SHOW_PREFERENCES,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbWindow, sb_window, ADW_TYPE_APPLICATION_WINDOW)

#define MAX_AVATARS 4

static GtkWidget *
make_sidebar_row (const char *key,
                  const char *title,
                  const char *subtitle,
                  gint64      project_id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *badge;
  GtkWidget *label;
  g_autofree char *accessible = NULL;

  if (key != NULL)
    {
      badge = gtk_label_new (key);
      gtk_label_set_width_chars (GTK_LABEL (badge), 5);
      gtk_widget_add_css_class (badge, "project-key");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
    }
  else
    {
      badge = gtk_image_new_from_icon_name ("go-home-symbolic");
    }
  gtk_box_append (GTK_BOX (box), badge);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), label);
  if (subtitle != NULL)
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (labels), label);
    }
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), labels);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  sb_ui_set_object_id (row, "sb-project-id", project_id);

  accessible = key != NULL ? g_strdup_printf ("%s %s, %s", key, title, subtitle)
                           : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

static gint64
row_project_id (GtkListBoxRow *row)
{
  return sb_ui_get_object_id (row, "sb-project-id");
}

static GtkListBoxRow *
find_sidebar_row (SbWindow *self,
                  gint64    project_id)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

      if (row == NULL || row_project_id (row) == project_id)
        return row;
    }
}

static void
select_sidebar_row (SbWindow *self,
                    gint64    project_id)
{
  GtkListBoxRow *row = find_sidebar_row (self, project_id);

  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
}

/* Reads the projects again (after a change): the sidebar and the dashboard. */
static void
reload_projects (SbWindow *self)
{
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  gint64 selected = self->project_id;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
    gtk_list_box_remove (self->sidebar_list, child);

  gtk_list_box_append (self->sidebar_list, make_sidebar_row (NULL, _("Dashboard"), NULL, 0));

  projects = sb_workspace_list_projects (self->workspace, &error);
  if (projects == NULL)
    {
      g_warning ("Could not list the projects: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (projects);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbProject) project = g_list_model_get_item (projects, i);

      gtk_list_box_append (self->sidebar_list,
                           make_sidebar_row (sb_project_get_key (project),
                                             sb_project_get_name (project),
                                             sb_editor_format_project_status (
                                               sb_project_get_status (project)),
                                             sb_project_get_id (project)));
    }

  if (selected != 0 && find_sidebar_row (self, selected) == NULL)
    selected = 0;   /* the project is gone, or the user is no longer a member */
  /* The rows are new, so this selects one: the dashboard's row shows (and reads) the
   * dashboard once, a project's row keeps its open board. */
  select_sidebar_row (self, selected);
}

static void
update_member_avatars (SbWindow *self)
{
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->member_avatars))) != NULL)
    gtk_box_remove (self->member_avatars, child);

  members = sb_workspace_list_members (self->workspace, self->project_id, NULL);
  n = members != NULL ? g_list_model_get_n_items (members) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbEmployee) employee = g_list_model_get_item (members, i);

      if (i < MAX_AVATARS)
        {
          GtkWidget *avatar = adw_avatar_new (24, sb_employee_get_name (employee), TRUE);

          gtk_widget_set_tooltip_text (avatar, sb_employee_get_name (employee));
          gtk_box_append (self->member_avatars, avatar);
        }
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", sb_employee_get_name (employee));
    }
  if (n > MAX_AVATARS)
    {
      g_autofree char *more = g_strdup_printf ("+%u", n - MAX_AVATARS);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (self->member_avatars, label);
    }

  {
    /* Translators: %s is a list of people's names. */
    g_autofree char *label = g_strdup_printf (_("Project settings and members: %s"), names->str);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->members_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
}

static void
update_story_filter (SbWindow *self)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  GListModel *stories = self->board != NULL ? sb_board_get_stories (self->board) : NULL;
  gint64 current = self->board != NULL ? sb_board_get_story_filter (self->board) : 0;
  guint selected = 0;
  guint n = stories != NULL ? g_list_model_get_n_items (stories) : 0;
  gint64 none = 0;

  g_array_set_size (self->filter_story_ids, 0);
  gtk_string_list_append (items, _("All Stories"));
  g_array_append_val (self->filter_story_ids, none);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbStory) story = g_list_model_get_item (stories, i);
      g_autofree char *text = g_strdup_printf ("%s %s", sb_story_get_key (story),
                                               sb_story_get_title (story));
      gint64 id = sb_story_get_id (story);

      gtk_string_list_append (items, text);
      g_array_append_val (self->filter_story_ids, id);
      if (id == current)
        selected = i + 1;
    }

  self->updating_filter = TRUE;
  gtk_drop_down_set_model (self->story_filter, G_LIST_MODEL (items));
  gtk_drop_down_set_selected (self->story_filter, selected);
  self->updating_filter = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->board_bar), n > 0);
}

/* Shows the board's filter in the drop-down, without building its list again. */
static void
on_board_story_filter_changed (SbWindow *self)
{
  gint64 current = sb_board_get_story_filter (self->board);

  for (guint i = 0; i < self->filter_story_ids->len; i++)
    if (g_array_index (self->filter_story_ids, gint64, i) == current)
      {
        if (gtk_drop_down_get_selected (self->story_filter) != i)
          {
            self->updating_filter = TRUE;
            gtk_drop_down_set_selected (self->story_filter, i);
            self->updating_filter = FALSE;
          }
        return;
      }
  update_story_filter (self);
}

static void
update_project_header (SbWindow  *self,
                       SbProject *project)
{
  /* Translators: the subtitle of a board: the project key and its manager's name. */
  g_autofree char *subtitle = g_strdup_printf (_("%s · Managed by %s"),
                                               sb_project_get_key (project),
                                               sb_project_get_manager_name (project));

  adw_view_switcher_title_set_title (self->project_switcher_title, sb_project_get_name (project));
  adw_view_switcher_title_set_subtitle (self->project_switcher_title, subtitle);
  /* The switcher takes the header's title when the window is wide: the name goes here too. */
  gtk_label_set_text (self->project_title, sb_project_get_name (project));
  gtk_label_set_text (self->project_subtitle, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), sb_project_get_name (project));
  update_member_avatars (self);
}

/* Renamed, another manager, other members: the board has read the project again. */
static void
on_board_project_changed (SbWindow *self)
{
  SbProject *project = sb_board_get_project (self->board);

  update_project_header (self, project);
  sb_stories_page_set_project (self->stories_page, self->workspace, project);
}

static void
on_task_editor_delete_requested (SbWindow *self,
                                 SbTask   *task)
{
  sb_window_delete_task (self, task);
}

static void
on_board_view_task_activated (SbWindow *self,
                              SbTask   *task)
{
  sb_window_open_task (self, task);
}

/* The board widget of the project. */
static GtkWidget *
create_board_widget (SbWindow *self,
                     SbBoard  *board)
{
  GtkWidget *view = sb_board_view_new (board);

  g_signal_connect_object (view, "task-activated", G_CALLBACK (on_board_view_task_activated),
                           self, G_CONNECT_SWAPPED);
  return view;
}

static void
close_project (SbWindow *self)
{
  if (self->board != NULL)
    {
      g_signal_handlers_disconnect_by_data (sb_board_get_stories (self->board), self);
      g_signal_handlers_disconnect_by_data (self->board, self);
    }
  adw_bin_set_child (self->board_bin, NULL);
  self->board_view = NULL;
  g_clear_object (&self->board);
  self->project_id = 0;
  sb_stories_page_set_project (self->stories_page, self->workspace, NULL);
}

static void
update_project_actions (SbWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.edit-project", self->project_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.show-board", self->project_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.show-stories", self->project_id != 0);
}

static gboolean
invert_boolean (gpointer unused,
                gboolean value)
{
  return !value;
}

/* Back in the window after someone else wrote to the file: show what they did. */
static void
on_is_active_changed (SbWindow *self)
{
  gint64 version;
  g_autoptr(GError) error = NULL;

  if (!gtk_window_is_active (GTK_WINDOW (self)))
    return;
  version = sb_database_data_version (sb_workspace_get_database (self->workspace));
  if (version == self->seen_data_version)
    return;
  self->seen_data_version = version;
  if (self->board != NULL && !sb_board_reload (self->board, &error))
    g_debug ("Could not read the board again: %s", error->message);
  reload_projects (self);
  if (self->project_id != 0)
    sb_stories_page_reload (self->stories_page);
}

static void
on_leaflet_folded_changed (SbWindow *self)
{
  /* Folded with nothing to show yet: the sidebar is the useful page. */
  if (adw_leaflet_get_folded (self->leaflet)
      && gtk_list_box_get_selected_row (self->sidebar_list) == NULL)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (gtk_widget_get_parent (
                                     GTK_WIDGET (self->sidebar_list))));
}

static void
on_sidebar_list_row_selected (SbWindow      *self,
                              GtkListBoxRow *row)
{
  gint64 project_id;

  if (row == NULL)
    return;
  project_id = row_project_id (row);
  if (project_id == 0)
    {
      /* sb_window_show_dashboard() selects this row itself, and has read the dashboard. */
      if (!self->showing_dashboard)
        sb_window_show_dashboard (self);
    }
  else if (project_id != self->project_id || self->board == NULL)
    sb_window_show_project (self, project_id);
}

/* Return (or a click) on a row goes into what it shows: the board's first card, or the
 * dashboard. Arrow keys only move through the rows, showing each. */
static void
on_sidebar_list_row_activated (SbWindow      *self,
                               GtkListBoxRow *row)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
  if (row_project_id (row) != 0 && self->board_view != NULL)
    sb_board_view_focus_first (SB_BOARD_VIEW (self->board_view));
  else if (row_project_id (row) == 0)
    gtk_widget_child_focus (GTK_WIDGET (self->dashboard), GTK_DIR_TAB_FORWARD);
}

static void
on_story_filter_selected_changed (SbWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->story_filter);

  if (self->updating_filter || self->board == NULL || selected >= self->filter_story_ids->len)
    return;
  sb_board_set_story_filter (self->board, g_array_index (self->filter_story_ids, gint64,
                                                          selected));
}

static void
on_stories_page_story_activated (SbWindow *self,
                                 gint64    story_id)
{
  if (self->board == NULL)
    return;
  sb_board_set_story_filter (self->board, story_id);
  adw_view_stack_set_visible_child_name (self->project_stack, "board");
}

static void
on_dashboard_project_activated (SbWindow *self,
                                gint64    project_id)
{
  sb_window_show_project (self, project_id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
}

static void
on_dashboard_task_activated (SbWindow *self,
                             SbTask   *task)
{
  sb_window_open_task (self, task);
}

/* Actions */

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_dashboard_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  sb_window_show_dashboard (SB_WINDOW (widget));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->project_stack,
                                         g_str_equal (action_name, "window.show-stories")
                                         ? "stories" : "board");
}

/* Each member's invite state, as the model has it now, in the editor's member list. */
static void
refresh_invites (SbWindow        *self,
                 SbProjectEditor *editor)
{
  SbProject *project = sb_project_editor_get_project (editor);
  g_autoptr(GListModel) invites = NULL;
  gboolean is_manager;
  guint n;

  if (project == NULL)
    return;
  invites = sb_workspace_list_invites (self->workspace, sb_project_get_id (project), NULL);
  if (invites == NULL)
    return;
  is_manager = sb_project_get_manager_id (project)
               == sb_workspace_get_current_employee_id (self->workspace);
  n = g_list_model_get_n_items (invites);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbInvite) invite = g_list_model_get_item (invites, i);
      SbInviteState state = sb_invite_get_state (invite);

      sb_project_editor_set_invite_state (editor, sb_invite_get_employee_id (invite), state,
                                          sb_invite_get_last_error (invite),
                                          is_manager && state == SB_INVITE_STATE_FAILED);
    }
}

static void
on_outbox_invite_changed (SbProjectEditor *editor,
                          gint64           invite_id,
                          gint64           project_id,
                          int              state)
{
  SbProject *project = sb_project_editor_get_project (editor);
  SbWindow *self = SB_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (editor)));

  if (project != NULL && sb_project_get_id (project) == project_id && SB_IS_WINDOW (self))
    refresh_invites (self, editor);
}

static void
on_project_editor_retry_invite (SbWindow        *self,
                                gint64           employee_id,
                                SbProjectEditor *editor)
{
  SbProject *project = sb_project_editor_get_project (editor);
  g_autoptr(GListModel) invites = NULL;
  g_autoptr(GError) error = NULL;

  if (project == NULL)
    return;
  invites = sb_workspace_list_invites (self->workspace, sb_project_get_id (project), &error);
  for (guint i = 0; invites != NULL && i < g_list_model_get_n_items (invites); i++)
    {
      g_autoptr(SbInvite) invite = g_list_model_get_item (invites, i);

      if (sb_invite_get_employee_id (invite) != employee_id)
        continue;
      if (!sb_workspace_retry_invite (self->workspace, sb_invite_get_id (invite), &error))
        break;
      if (self->outbox != NULL)
        sb_outbox_wake (self->outbox);
    }
  if (error != NULL)
    sb_window_add_toast (self, sb_ui_toast_new (error->message));
  refresh_invites (self, editor);
}

static void
on_project_editor_saved (SbWindow *self,
                         gint64    project_id)
{
  /* New members have invites queued. */
  if (self->outbox != NULL)
    sb_outbox_wake (self->outbox);

  /* An open project's header follows its board's notify::project. */
  if (project_id != self->project_id)
    sb_window_show_project (self, project_id);
}

/* The workspace's projects-changed has already taken the sidebar (and, if this project was
 * open, the content) back to the dashboard: this says what happened. */
static void
on_project_editor_deleted (SbWindow        *self,
                           gint64           project_id,
                           SbProjectEditor *editor)
{
  g_autofree char *message = NULL;

  /* Translators: %s is the name of the project just deleted. */
  message = g_strdup_printf (_("Project “%s” deleted"),
                             sb_project_get_name (sb_project_editor_get_project (editor)));
  sb_window_add_toast (self, sb_ui_toast_new (message));
}

static void
edit_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  SbProject *project = NULL;
  GtkWidget *editor;

  if (g_str_equal (action_name, "window.edit-project"))
    {
      if (self->board == NULL)
        return;
      project = sb_board_get_project (self->board);
    }

  editor = sb_project_editor_new (self->workspace, project);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_project_editor_saved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_project_editor_deleted), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "retry-invite", G_CALLBACK (on_project_editor_retry_invite),
                           self, G_CONNECT_SWAPPED);
  if (self->outbox != NULL)
    g_signal_connect_object (self->outbox, "invite-changed",
                             G_CALLBACK (on_outbox_invite_changed), editor, G_CONNECT_SWAPPED);
  refresh_invites (self, SB_PROJECT_EDITOR (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[SHOW_PREFERENCES], 0);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNED_OUT], 0);
}

static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource ("/io/github/sprintboard/Sprintboard/"
                                           "sb-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_set_modal (shortcuts, TRUE);
  gtk_window_present (shortcuts);
}

static void
about_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  static const char *developers[] = { "The Sprintboard developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", widget,
                        "modal", TRUE,
                        "application-name", _("Sprintboard"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("A scrum board for the GNOME desktop that keeps "
                                      "everything on your computer."),
                        "developer-name", _("The Sprintboard developers"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one a line, to be credited. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
quit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (widget));

  if (application != NULL)
    g_application_quit (G_APPLICATION (application));
  else
    gtk_window_close (GTK_WINDOW (widget));
}

/* A board shortcut: the board's action (board.move-left, …), looked up from the focus widget
 * up, so that it acts on the focused card. Not handled (and the key goes on) when the focus
 * is not in a board. */
static gboolean
activate_from_focus (GtkWidget *widget,
                     gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));
  const char *action_name = user_data;

  if (focus == NULL)
    return FALSE;
  return gtk_widget_activate_action (focus, action_name, NULL);
}

static gboolean
on_focus_shortcut (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  return activate_from_focus (widget, user_data);
}

/* Every keyboard shortcut of Sprintboard, in one place; sb-shortcuts-window.ui lists the same.
 * The card moves run in the capture phase: GtkListView takes Ctrl+Shift+arrows for itself
 * before a window binding would see them. They act only when a card has the focus (the
 * action is the card's), so text fields keep their own Ctrl+Shift+arrows and Delete. Return
 * on a card is the list view's row activation (SbBoardView::task-activated). The cards' context
 * menu keys (Menu, Shift+F10) are bound by the card, as every GTK widget with a menu does. */
static const struct
{
  guint            keyval;
  GdkModifierType  modifiers;
  const char      *action;
  gboolean         from_focus;
} sb_window_shortcuts[] = {
  { GDK_KEY_n, GDK_CONTROL_MASK, "window.new-project", FALSE },
  { GDK_KEY_e, GDK_CONTROL_MASK, "window.edit-project", FALSE },
  { GDK_KEY_1, GDK_CONTROL_MASK, "window.show-board", FALSE },
  { GDK_KEY_2, GDK_CONTROL_MASK, "window.show-stories", FALSE },
  { GDK_KEY_Home, GDK_ALT_MASK, "window.show-dashboard", FALSE },
  { GDK_KEY_comma, GDK_CONTROL_MASK, "window.preferences", FALSE },
  { GDK_KEY_question, GDK_CONTROL_MASK, "window.show-shortcuts", FALSE },
  { GDK_KEY_w, GDK_CONTROL_MASK, "window.close", FALSE },
  { GDK_KEY_q, GDK_CONTROL_MASK, "window.quit", FALSE },
  { GDK_KEY_Left, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "board.move-left", TRUE },
  { GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "board.move-right", TRUE },
  { GDK_KEY_Up, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "board.move-up", TRUE },
  { GDK_KEY_Down, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "board.move-down", TRUE },
  { GDK_KEY_Delete, 0, "board.delete-task", TRUE },
  { GDK_KEY_KP_Delete, 0, "board.delete-task", TRUE },
};

static void
add_focus_shortcuts (SbWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (sb_window_shortcuts); i++)
    {
      if (!sb_window_shortcuts[i].from_focus)
        continue;
      gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (controller),
        gtk_shortcut_new (gtk_keyval_trigger_new (sb_window_shortcuts[i].keyval,
                                                  sb_window_shortcuts[i].modifiers),
                          gtk_callback_action_new (on_focus_shortcut,
                                                   (gpointer) sb_window_shortcuts[i].action,
                                                   NULL)));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
sb_window_dispose (GObject *object)
{
  SbWindow *self = SB_WINDOW (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  close_project (self);

  G_OBJECT_CLASS (sb_window_parent_class)->dispose (object);
}

static void
sb_window_finalize (GObject *object)
{
  SbWindow *self = SB_WINDOW (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->outbox);
  g_clear_pointer (&self->filter_story_ids, g_array_unref);

  G_OBJECT_CLASS (sb_window_parent_class)->finalize (object);
}

static void
sb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SbWindow *self = SB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SbWindow *self = SB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_window_constructed (GObject *object)
{
  SbWindow *self = SB_WINDOW (object);
  SbEmployee *employee;

  G_OBJECT_CLASS (sb_window_parent_class)->constructed (object);

  g_return_if_fail (SB_IS_WORKSPACE (self->workspace));

  employee = sb_workspace_get_current_employee (self->workspace);
  if (employee != NULL)
    adw_window_title_set_subtitle (self->sidebar_title, sb_employee_get_name (employee));

  sb_dashboard_set_workspace (self->dashboard, self->workspace);
  g_signal_connect_object (self->workspace, "projects-changed",
                           G_CALLBACK (reload_projects), self, G_CONNECT_SWAPPED);
  self->seen_data_version =
    sb_database_data_version (sb_workspace_get_database (self->workspace));
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed), NULL);
  reload_projects (self);
  update_project_actions (self);
}

static void
sb_window_class_init (SbWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_window_dispose;
  object_class->finalize = sb_window_finalize;
  object_class->get_property = sb_window_get_property;
  object_class->set_property = sb_window_set_property;
  object_class->constructed = sb_window_constructed;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         SB_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* SbWindow::sign-out-requested: the user chose Sign Out (the application signs out). */
  signals[SIGNED_OUT] =
    g_signal_new ("sign-out-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* SbWindow::show-preferences: the preferences window. */
  signals[SHOW_PREFERENCES] =
    g_signal_new ("show-preferences", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SB_TYPE_DASHBOARD);
  g_type_ensure (SB_TYPE_STORIES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sprintboard/Sprintboard/sb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, dashboard);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, project_switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, members_button);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, member_avatars);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, project_title);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, project_subtitle);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, board_bar);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, story_filter);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, project_stack);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, board_bin);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, stories_page);
  gtk_widget_class_bind_template_callback (widget_class, invert_boolean);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_story_filter_selected_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stories_page_story_activated);

  gtk_widget_class_install_action (widget_class, "window.show-sidebar", NULL,
                                   show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "window.show-dashboard", NULL,
                                   show_dashboard_action);
  gtk_widget_class_install_action (widget_class, "window.show-board", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "window.show-stories", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "window.new-project", NULL,
                                   edit_project_action);
  gtk_widget_class_install_action (widget_class, "window.edit-project", NULL,
                                   edit_project_action);
  gtk_widget_class_install_action (widget_class, "window.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "window.show-shortcuts", NULL,
                                   show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "window.about", NULL, about_action);
  gtk_widget_class_install_action (widget_class, "window.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "window.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "window.quit", NULL, quit_action);

  /* The window's own shortcuts; the cards' ones go to a capture-phase controller in
   * sb_window_init(). Both come from sb_window_shortcuts[]. */
  for (guint i = 0; i < G_N_ELEMENTS (sb_window_shortcuts); i++)
    if (!sb_window_shortcuts[i].from_focus)
      gtk_widget_class_add_binding_action (widget_class, sb_window_shortcuts[i].keyval,
                                           sb_window_shortcuts[i].modifiers,
                                           sb_window_shortcuts[i].action, NULL);
}

static void
sb_window_init (SbWindow *self)
{
  self->filter_story_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  add_focus_shortcuts (self);

  g_signal_connect_object (self->dashboard, "project-activated",
                           G_CALLBACK (on_dashboard_project_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dashboard, "task-activated",
                           G_CALLBACK (on_dashboard_task_activated), self, G_CONNECT_SWAPPED);
#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * sb_window_new:
 * @application: (nullable): the application
 * @workspace: a workspace with someone signed in
 *
 * Returns: (transfer floating): the main window, not yet shown
 */
SbWindow *
sb_window_new (GtkApplication *application,
               SbWorkspace    *workspace)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SB_IS_WORKSPACE (workspace), NULL);

  return g_object_new (SB_TYPE_WINDOW,
                       "application", application,
                       "workspace", workspace,
                       NULL);
}

SbWorkspace *
sb_window_get_workspace (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->workspace;
}

gint64
sb_window_get_project_id (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), 0);

  return self->project_id;
}

/**
 * sb_window_show_project:
 * @self: the window
 * @project_id: a project the signed-in employee belongs to
 *
 * Opens the project's board (and selects it in the sidebar). On failure (the project is gone,
 * or not visible) a toast says why and the dashboard is shown.
 *
 * Returns: whether the board opened
 */
gboolean
sb_window_show_project (SbWindow *self,
                        gint64    project_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;

  g_return_val_if_fail (SB_IS_WINDOW (self), FALSE);

  board = sb_workspace_open_board (self->workspace, project_id, &error);
  if (board == NULL)
    {
      sb_window_add_toast (self, sb_ui_toast_new (error->message));
      sb_window_show_dashboard (self);
      return FALSE;
    }

  close_project (self);
  self->board = g_steal_pointer (&board);
  self->project_id = project_id;
  self->board_view = create_board_widget (self, self->board);
  adw_bin_set_child (self->board_bin, self->board_view);

  update_project_header (self, sb_board_get_project (self->board));
  /* The board keeps its stories up to date, and drops a filter whose story is deleted. */
  g_signal_connect_object (sb_board_get_stories (self->board), "items-changed",
                           G_CALLBACK (update_story_filter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->board, "notify::story-filter",
                           G_CALLBACK (on_board_story_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->board, "notify::project",
                           G_CALLBACK (on_board_project_changed), self, G_CONNECT_SWAPPED);
  update_story_filter (self);
  sb_stories_page_set_project (self->stories_page, self->workspace,
                               sb_board_get_project (self->board));
  adw_view_stack_set_visible_child_name (self->project_stack, "board");
  gtk_stack_set_visible_child_name (self->content_stack, "project");
  select_sidebar_row (self, project_id);
  update_project_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_ID]);
  return TRUE;
}

void
sb_window_show_dashboard (SbWindow *self)
{
  g_return_if_fail (SB_IS_WINDOW (self));

  if (self->project_id != 0)
    {
      close_project (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_ID]);
    }
  sb_dashboard_reload (self->dashboard);
  gtk_window_set_title (GTK_WINDOW (self), _("Sprintboard"));
  gtk_stack_set_visible_child_name (self->content_stack, "dashboard");
  self->showing_dashboard = TRUE;
  select_sidebar_row (self, 0);
  self->showing_dashboard = FALSE;
  update_project_actions (self);
}

/**
 * sb_window_get_board:
 *
 * Returns: (transfer none) (nullable): the open project's board
 */
SbBoard *
sb_window_get_board (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->board;
}

/**
 * sb_window_get_board_view:
 *
 * Returns: (transfer none) (nullable): the open project's board widget
 */
GtkWidget *
sb_window_get_board_view (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->board_view;
}

/**
 * sb_window_open_task:
 * @task: a task of a project the signed-in employee belongs to
 *
 * Opens the task editor for @task.
 *
 * Returns: (transfer none): the editor
 */
GtkWidget *
sb_window_open_task (SbWindow *self,
                     SbTask   *task)
{
  GtkWidget *editor;

  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);
  g_return_val_if_fail (SB_IS_TASK (task), NULL);

  editor = sb_task_editor_new (self->workspace, task);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "delete-requested",
                           G_CALLBACK (on_task_editor_delete_requested), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

/* Undo of a task deleted off the open board: only a refusal has something to show. */
static void
on_task_undeleted (SbTask       *task,
                   const GError *error,
                   gpointer      data)
{
  g_autoptr(SbWindow) self = g_weak_ref_get (data);

  if (self != NULL && error != NULL)
    sb_window_add_toast (self, sb_ui_toast_new (error->message));
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/**
 * sb_window_delete_task:
 * @task: the task to delete
 *
 * Deletes @task (the model lets only the project's manager) and offers Undo in a toast; a
 * refusal is shown in a toast too.
 *
 * Returns: whether the task was deleted
 */
gboolean
sb_window_delete_task (SbWindow *self,
                       SbTask   *task)
{
  g_autoptr(GError) error = NULL;
  GWeakRef *window_ref;
  AdwToast *toast;

  g_return_val_if_fail (SB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (SB_IS_TASK (task), FALSE);

  /* On the open board, the board view deletes it: its Undo also puts the focus back. */
  if (self->board_view != NULL && sb_task_get_project_id (task) == self->project_id)
    {
      _sb_board_view_delete_task (SB_BOARD_VIEW (self->board_view), task);
      return sb_task_get_id (task) != 0
             && !sb_board_find_task (self->board, task, NULL, NULL);
    }

  window_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (window_ref, self);
  toast = sb_ui_delete_task (self->workspace, task, on_task_undeleted, window_ref,
                             weak_ref_free, &error);
  if (toast == NULL)
    {
      sb_window_add_toast (self, sb_ui_toast_new (error->message));
      return FALSE;
    }
  sb_window_add_toast (self, toast);
  return TRUE;
}

/**
 * sb_window_set_outbox:
 * @outbox: (nullable): the outbox that sends the invites
 *
 * The window wakes it when invites are queued or retried, and shows its progress in the
 * project editor.
 */
void
sb_window_set_outbox (SbWindow *self,
                      SbOutbox *outbox)
{
  g_return_if_fail (SB_IS_WINDOW (self));

  g_set_object (&self->outbox, outbox);
}

/**
 * sb_window_add_toast:
 * @toast: (transfer full): the toast
 */
void
sb_window_add_toast (SbWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (SB_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
