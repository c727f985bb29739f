/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n.h>

#include "sb-stories-page.h"
#include "sb-ui.h"
#include "sb-validate.h"

/* A project's stories with their progress. A row opens the story's editor; "Show on Board"
 * filters the board to it; Delete (the manager's) asks first, since a story cannot be brought
 * back: its tasks stay, without a story. */
struct _SbStoriesPage
{
  AdwBin       parent_instance;

  SbWorkspace *workspace;
  SbProject   *project;
  gulong       stories_changed_id;
  /* The stories are read each time the page is shown (tasks move on the board meanwhile),
   * not before: their progress counts cost tens of ms on a big project, which opening its
   * board need not pay. */
  gboolean     stale;
  /* What the rows show. */
  GListModel  *stories;

  GtkListBox  *list;
};

/* The fields of a story dialog, kept on the dialog; story_id is 0 for a new story. */
typedef struct
{
  gint64         story_id;
  AdwEntryRow   *title;
  GtkSpinButton *points;
  GtkTextView   *description;
} StoryDialog;

enum
{
  STORY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbStoriesPage, sb_stories_page, ADW_TYPE_BIN)

static gint64
project_id (SbStoriesPage *self)
{
  return self->project != NULL ? sb_project_get_id (self->project) : 0;
}

static gboolean
can_delete (SbStoriesPage *self)
{
  gint64 me = self->workspace != NULL
                ? sb_workspace_get_current_employee_id (self->workspace) : 0;

  return self->project != NULL && me != 0 && me == sb_project_get_manager_id (self->project);
}

static void
show_toast (SbStoriesPage *self,
            const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), sb_ui_toast_new (message));
  else
    g_warning ("%s", message);
}

static GtkWidget *
make_icon_button (const char *icon_name,
                  const char *label,
                  const char *action_name,
                  gint64      story_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", story_id);
  return button;
}

static GtkWidget *
make_story_row (SbStoriesPage *self,
                SbStory       *story)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar;
  GtkWidget *button;
  guint total = sb_story_get_task_count (story);
  guint done = sb_story_get_done_count (story);
  gint64 story_id = sb_story_get_id (story);
  g_autofree char *title = g_strdup_printf ("%s  %s", sb_story_get_key (story),
                                            sb_story_get_title (story));
  g_autofree char *subtitle = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *points = NULL;

  /* Each part takes its own plural: "3 of 7 tasks done", "1 point". */
  progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u task done",
                                           "%u of %u tasks done", total), done, total);
  points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d point", "%d points",
                                         (gulong) MAX (sb_story_get_points (story), 0)),
                            sb_story_get_points (story));
  /* Translators: a story's progress and its points: "3 of 7 tasks done · 5 points". */
  subtitle = g_strdup_printf (_("%s · %s"), progress, points);
  /* Plain text before the title is set: a title is parsed as markup when it is set. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The row opens the story's editor (a GtkListBoxRow is a GtkActionable). */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "stories.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", story_id);
  gtk_widget_set_tooltip_text (row, _("Edit the story"));

  bar = gtk_level_bar_new_for_interval (0, MAX (total, 1));
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), done);
  gtk_widget_set_size_request (bar, 80, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  subtitle, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_icon_button ("view-grid-symbolic", _("Show on Board"),
                                               "stories.show-on-board", story_id));
  button = make_icon_button ("user-trash-symbolic", _("Delete Story"), "stories.delete",
                             story_id);
  /* Disabled for members: the tooltip says why, rather than the button going missing. */
  if (!can_delete (self))
    gtk_widget_set_tooltip_text (button, _("Only the project's manager can delete stories"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_on_board_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_signal_emit (widget, signals[STORY_ACTIVATED], 0, g_variant_get_int64 (parameter));
}

/* The story with @story_id as the page shows it, or NULL. */
static SbStory *
find_story (SbStoriesPage *self,
            gint64         story_id)
{
  guint n = self->stories != NULL ? g_list_model_get_n_items (self->stories) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbStory) story = g_list_model_get_item (self->stories, i);

      if (sb_story_get_id (story) == story_id)
        return g_steal_pointer (&story);
    }
  return NULL;
}

static void
on_story_dialog_response (AdwMessageDialog *dialog,
                          const char       *response,
                          SbStoriesPage    *self)
{
  StoryDialog *fields = g_object_get_data (G_OBJECT (dialog), "sb-story-dialog");
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *title;
  int points;
  gboolean saved;

  if (!g_str_equal (response, "save"))
    return;

  title = gtk_editable_get_text (GTK_EDITABLE (fields->title));
  /* Points typed but not yet confirmed with Enter count too. */
  gtk_spin_button_update (fields->points);
  points = gtk_spin_button_get_value_as_int (fields->points);
  buffer = gtk_text_view_get_buffer (fields->description);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (fields->story_id == 0)
    {
      g_autoptr(SbStory) story = sb_workspace_create_story (self->workspace, project_id (self),
                                                            title, description, points,
                                                            &error);

      saved = story != NULL;
    }
  else
    saved = sb_workspace_update_story (self->workspace, fields->story_id, title, description,
                                       points, &error);
  /* The page follows the workspace's stories-changed; only a failure is left to say. */
  if (!saved)
    show_toast (self, error->message);
}

static void
on_story_dialog_title_changed (AdwEntryRow      *row,
                               AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "save",
                                           *gtk_editable_get_text (GTK_EDITABLE (row)) != '\0');
}

/* "New Story" (@story NULL) or "Edit Story": title, points and description. */
static void
open_story_dialog (SbStoriesPage *self,
                   SbStory       *story)
{
  StoryDialog *fields = g_new0 (StoryDialog, 1);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *points_row;
  GtkWidget *label;
  GtkWidget *scrolled;
  const char *description = story != NULL ? sb_story_get_description (story) : NULL;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   story != NULL ? _("Edit Story") : _("New Story"),
                                   story != NULL ? sb_story_get_key (story) : NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", story != NULL ? _("_Save") : _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  fields->story_id = story != NULL ? sb_story_get_id (story) : 0;
  fields->title = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->title), _("Title"));
  adw_entry_row_set_activates_default (fields->title, TRUE);
  if (story != NULL)
    gtk_editable_set_text (GTK_EDITABLE (fields->title), sb_story_get_title (story));
  g_signal_connect_object (fields->title, "changed",
                           G_CALLBACK (on_story_dialog_title_changed), dialog, 0);
  on_story_dialog_title_changed (fields->title, ADW_MESSAGE_DIALOG (dialog));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (fields->title));

  points_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (points_row), _("Points"));
  fields->points = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, SB_MAX_STORY_POINTS,
                                                                         1));
  gtk_spin_button_set_value (fields->points, story != NULL ? sb_story_get_points (story)
                                                                 : 1);
  gtk_widget_set_valign (GTK_WIDGET (fields->points), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (fields->points),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Points"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (points_row), GTK_WIDGET (fields->points));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (points_row),
                                         GTK_WIDGET (fields->points));
  gtk_list_box_append (GTK_LIST_BOX (list), points_row);
  gtk_box_append (GTK_BOX (box), list);

  label = gtk_label_new_with_mnemonic (_("_Description"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  fields->description = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (fields->description, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (fields->description, FALSE);
  gtk_text_view_set_top_margin (fields->description, 12);
  gtk_text_view_set_bottom_margin (fields->description, 12);
  gtk_text_view_set_left_margin (fields->description, 12);
  gtk_text_view_set_right_margin (fields->description, 12);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (fields->description),
                            description != NULL ? description : "", -1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (fields->description));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (fields->description),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 100);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled),
                                 GTK_WIDGET (fields->description));
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data_full (G_OBJECT (dialog), "sb-story-dialog", fields, g_free);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_story_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_story_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_story_dialog (SB_STORIES_PAGE (widget), NULL);
}

static void
edit_story_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SbStoriesPage *self = SB_STORIES_PAGE (widget);
  g_autoptr(SbStory) story = find_story (self, g_variant_get_int64 (parameter));

  if (story == NULL)
    {
      show_toast (self, _("This story does not exist any more."));
      sb_stories_page_reload (self);
      return;
    }
  open_story_dialog (self, story);
}

static void
on_delete_dialog_response (AdwMessageDialog *dialog,
                           const char       *response,
                           SbStoriesPage    *self)
{
  gint64 story_id = sb_ui_get_object_id (dialog, "sb-story-id");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!sb_workspace_delete_story (self->workspace, story_id, &error))
    show_toast (self, error->message);
}

static void
delete_story_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SbStoriesPage *self = SB_STORIES_PAGE (widget);
  g_autoptr(SbStory) story = find_story (self, g_variant_get_int64 (parameter));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint n_tasks;
  GtkWidget *dialog;

  if (story == NULL)
    {
      sb_stories_page_reload (self);
      return;
    }

  n_tasks = sb_story_get_task_count (story);
  /* Translators: %s is a story's key, "WEB-3". */
  heading = g_strdup_printf (_("Delete Story %s?"), sb_story_get_key (story));
  /* Translators: %1$s is the story's title, %2$u the number of its tasks. */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%1$s” will be deleted for every member. Its %2$u task "
                                       "stays on the board, without a story.",
                                       "“%1$s” will be deleted for every member. Its %2$u "
                                       "tasks stay on the board, without a story.",
                                       n_tasks),
                          sb_story_get_title (story), n_tasks);
  dialog = sb_ui_delete_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body,
                                    _("_Delete"));
  sb_ui_set_object_id (dialog, "sb-story-id", sb_story_get_id (story));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_stories_changed (SbWorkspace   *workspace,
                    gint64         changed_project_id,
                    SbStoriesPage *self)
{
  if (changed_project_id == project_id (self))
    sb_stories_page_reload (self);
}

static void
sb_stories_page_map (GtkWidget *widget)
{
  SbStoriesPage *self = SB_STORIES_PAGE (widget);

  GTK_WIDGET_CLASS (sb_stories_page_parent_class)->map (widget);

  if (self->stale)
    sb_stories_page_reload (self);
}

static void
sb_stories_page_unmap (GtkWidget *widget)
{
  SB_STORIES_PAGE (widget)->stale = TRUE;

  GTK_WIDGET_CLASS (sb_stories_page_parent_class)->unmap (widget);
}

static void
sb_stories_page_dispose (GObject *object)
{
  SbStoriesPage *self = SB_STORIES_PAGE (object);

  g_clear_signal_handler (&self->stories_changed_id, self->workspace);
  g_clear_object (&self->workspace);
  g_clear_object (&self->project);
  g_clear_object (&self->stories);

  G_OBJECT_CLASS (sb_stories_page_parent_class)->dispose (object);
}

static void
sb_stories_page_class_init (SbStoriesPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_stories_page_dispose;
  widget_class->map = sb_stories_page_map;
  widget_class->unmap = sb_stories_page_unmap;

  /* SbStoriesPage::story-activated: "Show on Board" for the story with that id. */
  signals[STORY_ACTIVATED] =
    g_signal_new ("story-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sprintboard/Sprintboard/"
                                               "sb-stories-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SbStoriesPage, list);

  gtk_widget_class_install_action (widget_class, "stories.new", NULL, new_story_action);
  gtk_widget_class_install_action (widget_class, "stories.edit", "x", edit_story_action);
  gtk_widget_class_install_action (widget_class, "stories.delete", "x", delete_story_action);
  gtk_widget_class_install_action (widget_class, "stories.show-on-board", "x",
                                   show_on_board_action);
}

static void
sb_stories_page_init (SbStoriesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sb_stories_page_set_project:
 * @project: (nullable): the project whose stories to show; its manager may delete them
 *
 * Shows @project's stories, and follows their changes made through @workspace.
 */
void
sb_stories_page_set_project (SbStoriesPage *self,
                             SbWorkspace   *workspace,
                             SbProject     *project)
{
  g_return_if_fail (SB_IS_STORIES_PAGE (self));

  if (workspace != self->workspace)
    {
      g_clear_signal_handler (&self->stories_changed_id, self->workspace);
      g_set_object (&self->workspace, workspace);
      if (workspace != NULL)
        self->stories_changed_id = g_signal_connect (workspace, "stories-changed",
                                                     G_CALLBACK (on_stories_changed), self);
    }
  g_set_object (&self->project, project);
  sb_stories_page_reload (self);
}

/**
 * sb_stories_page_reload:
 *
 * Reads the stories and their progress again, now if the page is shown, else when it is.
 */
void
sb_stories_page_reload (SbStoriesPage *self)
{
  g_autoptr(GListModel) stories = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n = 0;

  g_return_if_fail (SB_IS_STORIES_PAGE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stories.new", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stories.edit", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stories.delete", can_delete (self));
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_object (&self->stories);
  if (self->workspace == NULL || self->project == NULL)
    return;

  stories = sb_workspace_list_stories (self->workspace, project_id (self), &error);
  if (stories != NULL)
    n = g_list_model_get_n_items (stories);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbStory) story = g_list_model_get_item (stories, i);

      gtk_list_box_append (self->list, make_story_row (self, story));
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      /* An error's words are text, not markup (an "&" would blank the row). */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     stories == NULL ? error->message
                                                     : _("No stories yet. A story groups the "
                                                         "tasks of one feature."));
      gtk_list_box_append (self->list, row);
    }
  self->stories = g_steal_pointer (&stories);
}
