/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sb-comment-row.h"
#include "sb-editor-format.h"
#include "sb-task-editor.h"
#include "sb-ui.h"
#include "sb-validate.h"
#include "sb-workspace.h"

struct _SbTaskEditor
{
  AdwWindow           parent_instance;

  SbWorkspace        *workspace;
  SbTask             *task;
  gint64              manager_id;
  /* The due date as edited: "YYYY-MM-DD" or NULL. */
  char               *due_date;
  /* The ids behind the items of the combo rows, in the same order (0: none). */
  GArray             *story_ids;
  GArray             *assignee_ids;
  GArray             *column_ids;
  GArray             *column_done;
  GListStore         *comments;
  GListStore         *activity;
  /* Set while the calendar is moved to the edited date, so that is not taken as a pick. */
  gboolean            syncing_calendar;
  /* The fields as loaded (fields_fingerprint()), to tell whether anything was edited. */
  char               *loaded_fields;
  /* Set once closing needs no question: saved, deleted, discarded or cancelled. */
  gboolean            may_close;

  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  guint               reveal_bar_source;
  guint               refresh_times_source;
  GtkButton          *save_button;
  AdwViewStack       *stack;
  AdwPreferencesGroup *task_group;
  GtkLabel           *error_label;
  AdwEntryRow        *title_row;
  GtkLabel           *title_error;
  GtkTextView        *description_view;
  AdwComboRow        *column_row;
  AdwComboRow        *assignee_row;
  AdwComboRow        *priority_row;
  AdwComboRow        *story_row;
  AdwActionRow       *due_row;
  GtkMenuButton      *due_button;
  GtkCalendar        *calendar;
  GtkButton          *clear_due_button;
  GtkButton          *delete_button;
  AdwViewStackPage   *comments_page;
  GtkListBox         *comments_list;
  GtkEntry           *comment_entry;
  GtkButton          *comment_button;
  GtkLabel           *comment_error;
  GtkListBox         *activity_list;
};

enum
{
  PROP_0,
  PROP_WORKSPACE,
  PROP_TASK,
  N_PROPS
};

enum
{
  SIGNAL_DELETE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbTaskEditor, sb_task_editor, ADW_TYPE_WINDOW)

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
show_title_error (SbTaskEditor *self,
                  const char   *message)
{
  show_error (self->title_error, message);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

static void
append_choice (GtkStringList *strings,
               GArray        *ids,
               const char    *label,
               gint64         id)
{
  gtk_string_list_append (strings, label);
  g_array_append_val (ids, id);
}

static gboolean
selected_column_is_done (SbTaskEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->column_row);

  return selected < self->column_done->len &&
         g_array_index (self->column_done, gboolean, selected);
}

/* Moves the calendar to the edited date (or today) without taking that as a pick. */
static void
sb_task_editor_sync_calendar (SbTaskEditor *self)
{
  g_autoptr(GDateTime) date_time = NULL;
  int year, month, day;

  if (self->due_date != NULL && sscanf (self->due_date, "%4d-%2d-%2d", &year, &month, &day) == 3)
    date_time = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date_time == NULL)
    date_time = g_date_time_new_now_local ();

  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, date_time);
  self->syncing_calendar = FALSE;
}

static void
sb_task_editor_update_due_date (SbTaskEditor *self)
{
  g_autofree char *date = sb_editor_format_date (self->due_date);
  const char *label = date != NULL ? date : _("None");
  /* Translators: the due date button as a screen reader names it; %s is a date or "None". */
  g_autofree char *accessible = g_strdup_printf (_("Due date: %s"), label);
  gboolean overdue = self->due_date != NULL && sb_editor_date_is_past (self->due_date) &&
                     !selected_column_is_done (self);

  gtk_menu_button_set_label (self->due_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->due_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  adw_action_row_set_subtitle (self->due_row, overdue ? _("Overdue") : "");
  if (overdue)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->due_button), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "sb-overdue");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_button), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "sb-overdue");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "task.clear-due-date",
                                 self->due_date != NULL);
  sb_task_editor_sync_calendar (self);
}

static GtkWidget *
create_activity_row (gpointer item,
                     gpointer user_data)
{
  SbActivity *activity = item;
  gint64 created_at = sb_activity_get_created_at (activity);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *text = sb_editor_format_activity (activity);
  g_autofree char *relative = sb_editor_format_relative_time (created_at, now);
  g_autofree char *absolute = sb_editor_format_absolute_time (created_at);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), relative);
  sb_ui_set_object_id (row, "created-at", created_at);
  gtk_widget_set_tooltip_text (row, absolute);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "sb-activity-row");
  return row;
}

static void
sb_task_editor_reload_activity (SbTaskEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) activity = NULL;
  g_autoptr(GPtrArray) newest_first = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  activity = sb_workspace_list_activity (self->workspace, sb_task_get_id (self->task), &error);
  if (activity == NULL)
    {
      show_error (self->error_label, error->message);
      return;
    }

  n = g_list_model_get_n_items (activity);
  for (guint i = n; i > 0; i--)
    g_ptr_array_add (newest_first, g_list_model_get_item (activity, i - 1));
  g_list_store_splice (self->activity, 0, g_list_model_get_n_items (G_LIST_MODEL (self->activity)),
                       newest_first->pdata, newest_first->len);
}

static void
sb_task_editor_reload_comments (SbTaskEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) comments = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  show_error (self->comment_error, NULL);
  comments = sb_workspace_list_comments (self->workspace, sb_task_get_id (self->task), &error);
  if (comments == NULL)
    {
      show_error (self->comment_error, error->message);
      return;
    }

  n = g_list_model_get_n_items (comments);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (comments, i));
  g_list_store_splice (self->comments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->comments)),
                       items->pdata, items->len);
  adw_view_stack_page_set_badge_number (self->comments_page, n);
}

static void
on_comment_row_edit_saved (SbCommentRow *row,
                           const char   *body,
                           SbTaskEditor *self)
{
  g_autoptr(GError) error = NULL;
  SbComment *comment = sb_comment_row_get_comment (row);

  if (!sb_workspace_edit_comment (self->workspace, sb_comment_get_id (comment), body, &error))
    {
      sb_comment_row_set_error (row, error->message);
      return;
    }
  sb_task_editor_reload_comments (self);
}

static void
on_delete_comment_response (AdwMessageDialog *dialog,
                            const char       *response,
                            SbTaskEditor     *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!sb_workspace_delete_comment (self->workspace,
                                    sb_ui_get_object_id (dialog, "sb-comment-id"), &error))
    {
      show_error (self->comment_error, error->message);
      return;
    }
  sb_task_editor_reload_comments (self);
}

/* A deleted comment cannot come back: ask first, quoting its start. */
static void
on_comment_row_delete_requested (SbCommentRow *row,
                                 SbTaskEditor *self)
{
  SbComment *comment = sb_comment_row_get_comment (row);
  const char *text = sb_comment_get_body (comment);
  gsize line_bytes = strcspn (text, "\n");
  g_autofree char *first_line = g_strndup (text, line_bytes);
  glong line_chars = g_utf8_strlen (first_line, -1);
  g_autofree char *quote = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* The first line, at most 60 characters; "…" when there is more. */
  if (line_chars > 60 || text[line_bytes] != '\0')
    {
      g_autofree char *start = g_utf8_substring (first_line, 0, MIN (line_chars, 60));

      quote = g_strconcat (start, "…", NULL);
    }
  else
    quote = g_steal_pointer (&first_line);
  /* Translators: %s is the start of the comment. */
  body = g_strdup_printf (_("“%s” will be deleted for everyone. This cannot be undone."), quote);
  dialog = sb_ui_delete_dialog_new (GTK_WINDOW (self), _("Delete Comment?"), body, _("_Delete"));
  sb_ui_set_object_id (dialog, "sb-comment-id", sb_comment_get_id (comment));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_comment_response), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_comment_row (gpointer item,
                    gpointer user_data)
{
  SbTaskEditor *self = user_data;
  SbComment *comment = item;
  gboolean mine = sb_comment_get_author_id (comment) ==
                  sb_workspace_get_current_employee_id (self->workspace);
  GtkWidget *row = sb_comment_row_new (comment, mine, g_get_real_time () / G_USEC_PER_SEC);

  g_signal_connect_object (row, "edit-saved", G_CALLBACK (on_comment_row_edit_saved), self, 0);
  g_signal_connect_object (row, "delete-requested",
                           G_CALLBACK (on_comment_row_delete_requested), self, 0);
  return row;
}

static gboolean
sb_task_editor_load_choices (SbTaskEditor  *self,
                             GError       **error)
{
  gint64 project_id = sb_task_get_project_id (self->task);
  g_autoptr(GListModel) stories = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GListModel) columns = NULL;
  g_autoptr(GtkStringList) story_strings = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) assignee_strings = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) priority_strings = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) column_strings = gtk_string_list_new (NULL);
  g_autoptr(SbProject) project = NULL;

  project = sb_workspace_get_project (self->workspace, project_id, error);
  if (project == NULL)
    return FALSE;
  self->manager_id = sb_project_get_manager_id (project);

  stories = sb_workspace_list_stories (self->workspace, project_id, error);
  if (stories == NULL)
    return FALSE;
  members = sb_workspace_list_members (self->workspace, project_id, error);
  if (members == NULL)
    return FALSE;
  columns = sb_workspace_list_columns (self->workspace, project_id, error);
  if (columns == NULL)
    return FALSE;

  append_choice (story_strings, self->story_ids, _("None"), 0);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(SbStory) story = g_list_model_get_item (stories, i);
      /* Translators: a story in a list: its key and title, "WEB-3 · Sign-up page". */
      g_autofree char *label = g_strdup_printf (_("%s · %s"), sb_story_get_key (story),
                                                sb_story_get_title (story));

      append_choice (story_strings, self->story_ids, label, sb_story_get_id (story));
    }

  append_choice (assignee_strings, self->assignee_ids, _("Unassigned"), 0);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SbEmployee) member = g_list_model_get_item (members, i);

      append_choice (assignee_strings, self->assignee_ids, sb_employee_get_name (member),
                     sb_employee_get_id (member));
    }

  for (SbPriority priority = SB_PRIORITY_LOW; priority <= SB_PRIORITY_CRITICAL; priority++)
    gtk_string_list_append (priority_strings, sb_editor_format_priority (priority));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (columns, i);
      gboolean done = sb_column_get_is_done (column);

      append_choice (column_strings, self->column_ids, sb_column_get_name (column),
                     sb_column_get_id (column));
      g_array_append_val (self->column_done, done);
    }

  adw_combo_row_set_model (self->story_row, G_LIST_MODEL (story_strings));
  adw_combo_row_set_model (self->assignee_row, G_LIST_MODEL (assignee_strings));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priority_strings));
  adw_combo_row_set_model (self->column_row, G_LIST_MODEL (column_strings));
  return TRUE;
}

static void
sb_task_editor_load (SbTaskEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *description = sb_task_get_description (self->task);
  g_autofree char *created = sb_editor_format_absolute_time (sb_task_get_created_at (self->task));
  g_autofree char *created_text = NULL;
  gboolean is_manager;

  adw_view_switcher_title_set_title (self->switcher_title, sb_task_get_key (self->task));
  adw_preferences_group_set_title (self->task_group, sb_task_get_key (self->task));
  /* Translators: %s is a date and time. */
  created_text = g_strdup_printf (_("Created %s"), created);
  adw_preferences_group_set_description (self->task_group, created_text);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), sb_task_get_title (self->task));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            description != NULL ? description : "", -1);

  if (!sb_task_editor_load_choices (self, &error))
    {
      /* The task cannot be saved without its project's choices: say why, allow only Cancel. */
      show_error (self->error_label, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "task.save", FALSE);
    }
  adw_combo_row_set_selected (self->story_row,
                              find_id (self->story_ids, sb_task_get_story_id (self->task)));
  adw_combo_row_set_selected (self->assignee_row,
                              find_id (self->assignee_ids, sb_task_get_assignee_id (self->task)));
  adw_combo_row_set_selected (self->priority_row, sb_task_get_priority (self->task));
  adw_combo_row_set_selected (self->column_row,
                              find_id (self->column_ids, sb_task_get_column_id (self->task)));

  g_free (self->due_date);
  self->due_date = g_strdup (sb_task_get_due_date (self->task));
  sb_task_editor_update_due_date (self);

  /* The model refuses anyone else too; the button says why instead of vanishing. */
  is_manager = self->manager_id != 0 &&
               self->manager_id == sb_workspace_get_current_employee_id (self->workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "task.delete", is_manager);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->delete_button),
                               is_manager ? NULL
                                          : _("Only the project's manager can delete tasks"));

  sb_task_editor_reload_comments (self);
  sb_task_editor_reload_activity (self);
}

static gboolean
reveal_switcher_bar (gpointer user_data)
{
  SbTaskEditor *self = user_data;
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  self->reveal_bar_source = 0;
  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
  return G_SOURCE_REMOVE;
}

/* The tabs move to a bar at the bottom when the header is too narrow for them. Not from a
 * binding: the title changes while the window is being allocated, and revealing the bar in
 * the middle of that allocates it with a negative height (GTK 4.8). */
static void
on_switcher_title_visible (SbTaskEditor *self)
{
  if (self->reveal_bar_source == 0)
    self->reveal_bar_source = g_idle_add (reveal_switcher_bar, self);
}

static void
on_title_row_changed (SbTaskEditor *self)
{
  show_title_error (self, NULL);
}

static void
on_column_row_selected (SbTaskEditor *self)
{
  sb_task_editor_update_due_date (self);
}

static void
on_calendar_day_selected (GtkCalendar  *calendar,
                          SbTaskEditor *self)
{
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *date = NULL;

  if (self->syncing_calendar)
    return;

  date_time = gtk_calendar_get_date (calendar);
  date = g_date_time_format (date_time, "%Y-%m-%d");
  gtk_widget_activate_action (GTK_WIDGET (self), "task.set-due-date", "s", date);
  gtk_menu_button_popdown (self->due_button);
}

static void
on_comment_entry_changed (SbTaskEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->comment_entry));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "task.add-comment", *text != '\0');
}

static void
on_comment_entry_activate (SbTaskEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "task.add-comment", NULL);
}

/* The task's fields as they stand in the editor; returns the description (owned), which
 * @draft points to. */
static char *
read_draft (SbTaskEditor *self,
            SbTaskDraft  *draft)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;
  char *description;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  draft->title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  draft->description = description;
  draft->story_id = selected_id (self->story_row, self->story_ids);
  draft->assignee_id = selected_id (self->assignee_row, self->assignee_ids);
  draft->priority = (SbPriority) adw_combo_row_get_selected (self->priority_row);
  draft->due_date = self->due_date;
  draft->column_id = selected_id (self->column_row, self->column_ids);
  return description;
}

/* The edited fields as one string, compared with the one taken after loading. */
static char *
fields_fingerprint (SbTaskEditor *self)
{
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  g_autofree char *description = read_draft (self, &draft);

  return g_strdup_printf ("%s\037%s\037%" G_GINT64_FORMAT "\037%" G_GINT64_FORMAT "\037%d\037%s"
                          "\037%" G_GINT64_FORMAT,
                          draft.title, description, draft.story_id, draft.assignee_id,
                          (int) draft.priority, draft.due_date != NULL ? draft.due_date : "",
                          draft.column_id);
}

/**
 * sb_task_editor_has_unsaved_changes:
 *
 * Returns: whether a field differs from what the editor loaded
 */
gboolean
sb_task_editor_has_unsaved_changes (SbTaskEditor *self)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (SB_IS_TASK_EDITOR (self), FALSE);

  if (self->loaded_fields == NULL)
    return FALSE;
  now = fields_fingerprint (self);
  return g_strcmp0 (now, self->loaded_fields) != 0;
}

/* Closing with edits not saved (Escape, the window's close button): ask first. */
static void
ask_to_save (SbTaskEditor *self)
{
  g_autofree char *body = NULL;

  /* Translators: %s is a task's key, e.g. WEB-12. */
  body = g_strdup_printf (_("The changes to %s are not saved yet. If you close without "
                            "saving, they are lost."),
                          sb_task_get_key (self->task));
  sb_ui_ask_to_save (GTK_WINDOW (self), body, "task.save", "task.cancel");
}

static gboolean
sb_task_editor_close_request (GtkWindow *window)
{
  SbTaskEditor *self = SB_TASK_EDITOR (window);

  if (!self->may_close && sb_task_editor_has_unsaved_changes (self))
    {
      ask_to_save (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (sb_task_editor_parent_class)->close_request (window);
}

/* The Cancel button: leaving without saving, as asked. */
static void
task_cancel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SB_TASK_EDITOR (widget)->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (widget));
}

static void
task_save_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SbTaskEditor *self = SB_TASK_EDITOR (widget);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = read_draft (self, &draft);
  const char *title = draft.title;

  show_error (self->error_label, NULL);

  /* The model checks again; this puts the message under the field it concerns. */
  if (!sb_validate_line (_("Title"), title, -1, &error))
    {
      show_title_error (self, error->message);
      adw_view_stack_set_visible_child_name (self->stack, "details");
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return;
    }

  if (!sb_workspace_update_task (self->workspace, sb_task_get_id (self->task), &draft, &error))
    {
      show_error (self->error_label, error->message);
      adw_view_stack_set_visible_child_name (self->stack, "details");
      return;
    }

  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
task_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SbTaskEditor *self = SB_TASK_EDITOR (widget);

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_DELETE_REQUESTED], 0, self->task);
  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
task_set_due_date_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SbTaskEditor *self = SB_TASK_EDITOR (widget);
  const char *date = g_variant_get_string (parameter, NULL);

  g_free (self->due_date);
  self->due_date = *date != '\0' ? g_strdup (date) : NULL;
  sb_task_editor_update_due_date (self);
}

static void
task_clear_due_date_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "task.set-due-date", "s", "");
}

static void
task_add_comment_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SbTaskEditor *self = SB_TASK_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbComment) comment = NULL;
  const char *body = gtk_editable_get_text (GTK_EDITABLE (self->comment_entry));

  if (*body == '\0')
    return;

  comment = sb_workspace_add_comment (self->workspace, sb_task_get_id (self->task), body, &error);
  if (comment == NULL)
    {
      show_error (self->comment_error, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), "");
  sb_task_editor_reload_comments (self);
}

/**
 * _sb_task_editor_refresh_times:
 * @now: unix seconds
 *
 * Says again how long ago each comment and change was made, as seen at @now: an editor left
 * open does not keep saying "just now". Runs each minute; tests call it with a later @now.
 */
void
_sb_task_editor_refresh_times (SbTaskEditor *self,
                               gint64        now)
{
  GtkWidget *row;

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->comments_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (SB_IS_COMMENT_ROW (row))
      sb_comment_row_update_time (SB_COMMENT_ROW (row), now);

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->activity_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      {
        g_autofree char *relative =
          sb_editor_format_relative_time (sb_ui_get_object_id (row, "created-at"), now);

        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), relative);
      }
}

static gboolean
refresh_times_timeout (gpointer user_data)
{
  _sb_task_editor_refresh_times (user_data, g_get_real_time () / G_USEC_PER_SEC);
  return G_SOURCE_CONTINUE;
}

static void
sb_task_editor_constructed (GObject *object)
{
  SbTaskEditor *self = SB_TASK_EDITOR (object);

  G_OBJECT_CLASS (sb_task_editor_parent_class)->constructed (object);

  g_assert (SB_IS_WORKSPACE (self->workspace));
  g_assert (SB_IS_TASK (self->task));

  gtk_list_box_bind_model (self->comments_list, G_LIST_MODEL (self->comments),
                           create_comment_row, self, NULL);
  gtk_list_box_bind_model (self->activity_list, G_LIST_MODEL (self->activity),
                           create_activity_row, NULL, NULL);
  sb_task_editor_load (self);
  self->loaded_fields = fields_fingerprint (self);
  /* Typing goes to the title, not to Cancel, the first button in the header. */
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  self->refresh_times_source = g_timeout_add_seconds (60, refresh_times_timeout, self);

  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (on_title_row_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_row, "notify::selected",
                           G_CALLBACK (on_column_row_selected), self, G_CONNECT_SWAPPED);
}

static void
sb_task_editor_dispose (GObject *object)
{
  SbTaskEditor *self = SB_TASK_EDITOR (object);

  g_clear_handle_id (&self->refresh_times_source, g_source_remove);
  g_clear_handle_id (&self->reveal_bar_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_TASK_EDITOR);
  g_clear_object (&self->comments);
  g_clear_object (&self->activity);
  g_clear_object (&self->task);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (sb_task_editor_parent_class)->dispose (object);
}

static void
sb_task_editor_finalize (GObject *object)
{
  SbTaskEditor *self = SB_TASK_EDITOR (object);

  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->loaded_fields, g_free);
  g_clear_pointer (&self->story_ids, g_array_unref);
  g_clear_pointer (&self->assignee_ids, g_array_unref);
  g_clear_pointer (&self->column_ids, g_array_unref);
  g_clear_pointer (&self->column_done, g_array_unref);

  G_OBJECT_CLASS (sb_task_editor_parent_class)->finalize (object);
}

static void
sb_task_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SbTaskEditor *self = SB_TASK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_TASK:
      g_value_set_object (value, self->task);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_task_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SbTaskEditor *self = SB_TASK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_TASK:
      self->task = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_task_editor_class_init (SbTaskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sb_task_editor_constructed;
  object_class->dispose = sb_task_editor_dispose;
  object_class->finalize = sb_task_editor_finalize;
  object_class->get_property = sb_task_editor_get_property;
  object_class->set_property = sb_task_editor_set_property;
  window_class->close_request = sb_task_editor_close_request;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, SB_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TASK] =
    g_param_spec_object ("task", NULL, NULL, SB_TYPE_TASK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbTaskEditor::delete-requested:
   * @task: the edited task
   *
   * The manager pressed Delete. The editor has deleted nothing and closes right after; the
   * handler deletes (sb_workspace_delete_task()) and offers Undo.
   */
  signals[SIGNAL_DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, SB_TYPE_TASK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sprintboard/Sprintboard/"
                                               "sb-task-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, task_group);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, title_error);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, column_row);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, assignee_row);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, story_row);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, due_button);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, clear_due_button);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, comments_page);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, comments_list);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, comment_button);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, comment_error);
  gtk_widget_class_bind_template_child (widget_class, SbTaskEditor, activity_list);
  gtk_widget_class_bind_template_callback (widget_class, on_switcher_title_visible);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_comment_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_comment_entry_activate);

  gtk_widget_class_install_action (widget_class, "task.cancel", NULL, task_cancel_action);
  gtk_widget_class_install_action (widget_class, "task.save", NULL, task_save_action);
  gtk_widget_class_install_action (widget_class, "task.delete", NULL, task_delete_action);
  gtk_widget_class_install_action (widget_class, "task.set-due-date", "s",
                                   task_set_due_date_action);
  gtk_widget_class_install_action (widget_class, "task.clear-due-date", NULL,
                                   task_clear_due_date_action);
  gtk_widget_class_install_action (widget_class, "task.add-comment", NULL,
                                   task_add_comment_action);

  /* Shortcuts */
  /* Escape closes as the window's close button does: asking first when there are edits. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "task.save",
                                       NULL);
}

static void
sb_task_editor_init (SbTaskEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->story_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->assignee_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->column_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->column_done = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->comments = g_list_store_new (SB_TYPE_COMMENT);
  self->activity = g_list_store_new (SB_TYPE_ACTIVITY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "task.add-comment", FALSE);
}

GtkWidget *
sb_task_editor_new (SbWorkspace *workspace,
                    SbTask      *task)
{
  g_return_val_if_fail (SB_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (SB_IS_TASK (task), NULL);

  return g_object_new (SB_TYPE_TASK_EDITOR, "workspace", workspace, "task", task, NULL);
}

SbTask *
sb_task_editor_get_task (SbTaskEditor *self)
{
  g_return_val_if_fail (SB_IS_TASK_EDITOR (self), NULL);

  return self->task;
}
