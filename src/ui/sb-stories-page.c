/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n.h>

#include "sb-stories-page.h"

/* A project's stories with their progress; "Show on Board" filters the board to one. */
struct _SbStoriesPage
{
  AdwBin       parent_instance;

  SbWorkspace *workspace;
  gint64       project_id;
  /* The stories are read when the page is shown: their progress counts cost tens of ms on a
   * big project, which opening its board need not pay. */
  gboolean     stale;

  GtkListBox  *list;
  /* The open "New Story" dialog's fields, while it is open. */
  AdwEntryRow *new_title;
  AdwEntryRow *new_points;
};

enum
{
  STORY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbStoriesPage, sb_stories_page, ADW_TYPE_BIN)

static GtkWidget *
make_story_row (SbStory *story)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar;
  GtkWidget *button;
  guint total = sb_story_get_task_count (story);
  guint done = sb_story_get_done_count (story);
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
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  bar = gtk_level_bar_new_for_interval (0, MAX (total, 1));
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), done);
  gtk_widget_set_size_request (bar, 100, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  subtitle, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);

  button = gtk_button_new_from_icon_name ("view-grid-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Show on Board"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show on Board"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "stories.show-on-board");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", sb_story_get_id (story));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_on_board_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_signal_emit (widget, signals[STORY_ACTIVATED], 0, g_variant_get_int64 (parameter));
}

static void
on_new_story_response (AdwMessageDialog *dialog,
                       const char       *response,
                       SbStoriesPage    *self)
{
  g_autoptr(SbStory) story = NULL;
  g_autoptr(GError) error = NULL;
  const char *points_text;
  gint64 points = 0;

  if (!g_str_equal (response, "create"))
    return;

  points_text = gtk_editable_get_text (GTK_EDITABLE (self->new_points));
  if (*points_text != '\0' && !g_ascii_string_to_signed (points_text, 10, 0, 1000, &points,
                                                         NULL))
    points = -1;
  story = sb_workspace_create_story (self->workspace, self->project_id,
                                     gtk_editable_get_text (GTK_EDITABLE (self->new_title)),
                                     NULL, (int) points, &error);
  if (story == NULL)
    {
      GtkWidget *toast_overlay = gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                          ADW_TYPE_TOAST_OVERLAY);

      if (toast_overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (toast_overlay),
                                     adw_toast_new (error->message));
      return;
    }
  sb_stories_page_reload (self);
}

static void
on_new_story_title_changed (AdwEntryRow      *row,
                            AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "create",
                                           *gtk_editable_get_text (GTK_EDITABLE (row)) != '\0');
}

static void
new_story_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SbStoriesPage *self = SB_STORIES_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *list;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("New Story"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->new_title = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_title), _("Title"));
  adw_entry_row_set_activates_default (self->new_title, TRUE);
  g_signal_connect_object (self->new_title, "changed",
                           G_CALLBACK (on_new_story_title_changed), dialog, 0);
  self->new_points = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_points), _("Points"));
  gtk_editable_set_text (GTK_EDITABLE (self->new_points), "1");
  adw_entry_row_set_input_purpose (self->new_points, GTK_INPUT_PURPOSE_DIGITS);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->new_title));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->new_points));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_story_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
sb_stories_page_dispose (GObject *object)
{
  SbStoriesPage *self = SB_STORIES_PAGE (object);

  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (sb_stories_page_parent_class)->dispose (object);
}

static void
sb_stories_page_class_init (SbStoriesPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_stories_page_dispose;
  widget_class->map = sb_stories_page_map;

  /* SbStoriesPage::story-activated: "Show on Board" for the story with that id. */
  signals[STORY_ACTIVATED] =
    g_signal_new ("story-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sprintboard/Sprintboard/"
                                               "sb-stories-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SbStoriesPage, list);

  gtk_widget_class_install_action (widget_class, "stories.new", NULL, new_story_action);
  gtk_widget_class_install_action (widget_class, "stories.show-on-board", "x",
                                   show_on_board_action);
}

static void
sb_stories_page_init (SbStoriesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
sb_stories_page_set_project (SbStoriesPage *self,
                             SbWorkspace   *workspace,
                             gint64         project_id)
{
  g_return_if_fail (SB_IS_STORIES_PAGE (self));

  g_set_object (&self->workspace, workspace);
  self->project_id = project_id;
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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stories.new", self->project_id != 0);
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->workspace == NULL || self->project_id == 0)
    return;

  stories = sb_workspace_list_stories (self->workspace, self->project_id, &error);
  if (stories != NULL)
    n = g_list_model_get_n_items (stories);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbStory) story = g_list_model_get_item (stories, i);

      gtk_list_box_append (self->list, make_story_row (story));
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     stories == NULL ? error->message
                                                     : _("No stories yet. A story groups the "
                                                         "tasks of one feature."));
      gtk_list_box_append (self->list, row);
    }
}
