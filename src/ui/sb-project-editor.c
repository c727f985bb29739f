/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sb-editor-format.h"
#include "sb-project-editor.h"
#include "sb-ui.h"
#include "sb-validate.h"
#include "sb-workspace.h"

/* The widgets of one employee's row in the member list; the list owns them. */
typedef struct
{
  gint64          employee_id;
  AdwActionRow   *row;
  GtkCheckButton *check;
  GtkWidget      *invite_box;
  GtkImage       *invite_icon;
  GtkLabel       *invite_label;
  GtkButton      *retry_button;
} MemberRow;

struct _SbProjectEditor
{
  AdwWindow        parent_instance;

  SbWorkspace     *workspace;
  SbProject       *project;
  gint64           manager_id;
  /* The signed-in employee: the creator of a new project, the manager editing one. Always a
   * member, like the manager. */
  gint64           self_id;
  gboolean         can_edit;
  /* Whether the person typed a key; until then the key follows the name. */
  gboolean         key_edited;
  gboolean         suggesting_key;
  gboolean         name_touched;
  /* employee id → MemberRow */
  GHashTable      *members;
  /* The ids that were members when the editor opened. */
  GHashTable      *initial_members;
  /* The ids the member search matches, or NULL to show everyone. */
  GHashTable      *member_filter;
  /* The fields as loaded (fields_fingerprint()), to tell whether anything was edited. */
  char            *loaded_fields;
  /* Set once closing needs no question: saved, deleted or cancelled. */
  gboolean         may_close;

  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  GtkLabel        *readonly_label;
  GtkLabel        *error_label;
  AdwEntryRow     *name_row;
  AdwEntryRow     *key_row;
  GtkLabel        *name_error;
  GtkLabel        *key_error;
  GtkTextView     *description_view;
  AdwComboRow     *status_row;
  AdwActionRow    *manager_row;
  GtkMenuButton   *manager_button;
  GtkPopover      *manager_popover;
  GtkSearchEntry  *manager_search;
  GtkListBox      *manager_list;
  AdwPreferencesGroup *members_group;
  GtkSearchEntry  *member_search;
  GtkListBox      *members_list;
  AdwPreferencesGroup *delete_group;
  GtkButton       *delete_button;
};

enum
{
  PROP_0,
  PROP_WORKSPACE,
  PROP_PROJECT,
  N_PROPS
};

enum
{
  SIGNAL_SAVED,
  SIGNAL_RETRY_INVITE,
  SIGNAL_DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbProjectEditor, sb_project_editor, ADW_TYPE_WINDOW)

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
show_row_error (GtkWidget  *row,
                GtkLabel   *label,
                const char *message)
{
  show_error (label, message);
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static gboolean
is_locked_member (SbProjectEditor *self,
                  gint64           employee_id)
{
  return employee_id == self->manager_id || employee_id == self->self_id;
}

static gboolean
sb_project_editor_is_new (SbProjectEditor *self)
{
  return self->project == NULL;
}

/* Checks the name and key as they are typed, shows what is wrong under them, and enables
 * Save when both are acceptable. */
static void
sb_project_editor_validate (SbProjectEditor *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
  g_autoptr(GError) name_error = NULL;
  g_autofree char *key_message = NULL;
  gboolean name_ok;
  gboolean key_ok = TRUE;

  name_ok = sb_validate_line (_("Name"), name, -1, &name_error);
  show_row_error (GTK_WIDGET (self->name_row), self->name_error,
                  !name_ok && self->name_touched ? name_error->message : NULL);

  if (sb_project_editor_is_new (self))
    {
      if (*key == '\0')
        key_ok = FALSE;
      else if (!sb_validate_project_key (key, -1, NULL))
        {
          key_ok = FALSE;
          key_message = g_strdup (_("2 to 10 letters or digits, starting with a letter"));
        }
      else if (!sb_workspace_is_project_key_free (self->workspace, key))
        {
          key_ok = FALSE;
          /* Translators: %s is a project key such as "WEB". */
          key_message = g_strdup_printf (_("%s is taken"), key);
        }
    }
  show_row_error (GTK_WIDGET (self->key_row), self->key_error, key_message);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.save",
                                 self->can_edit && name_ok && key_ok);
}

static void
sb_project_editor_update_locks (SbProjectEditor *self)
{
  GHashTableIter iter;
  MemberRow *member;

  g_hash_table_iter_init (&iter, self->members);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &member))
    {
      gboolean locked = is_locked_member (self, member->employee_id);
      const char *tooltip;

      if (locked)
        gtk_check_button_set_active (member->check, TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (member->check), self->can_edit && !locked);
      if (member->employee_id == self->manager_id)
        tooltip = _("The manager is always a member");
      else if (locked)
        tooltip = _("You are a member of the projects you create or manage");
      else
        tooltip = NULL;
      gtk_widget_set_tooltip_text (GTK_WIDGET (member->check), tooltip);
    }
}

static void
sb_project_editor_show_manager (SbProjectEditor *self)
{
  g_autoptr(SbEmployee) manager = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *accessible = NULL;

  manager = sb_workspace_get_employee (self->workspace, self->manager_id, &error);
  if (manager == NULL)
    {
      show_error (self->error_label, error->message);
      return;
    }
  gtk_menu_button_set_label (self->manager_button, sb_employee_get_name (manager));
  /* Translators: the manager button as a screen reader names it; %s is a person's name. */
  accessible = g_strdup_printf (_("Manager: %s"), sb_employee_get_name (manager));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->manager_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  adw_action_row_set_subtitle (self->manager_row, sb_employee_get_email (manager));
}

static MemberRow *
sb_project_editor_add_member_row (SbProjectEditor *self,
                                  SbEmployee      *employee)
{
  MemberRow *member = g_new0 (MemberRow, 1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *retry = gtk_button_new_with_mnemonic (_("_Retry"));
  g_autofree char *check_label = NULL;

  member->employee_id = sb_employee_get_id (employee);
  member->row = ADW_ACTION_ROW (row);
  member->check = GTK_CHECK_BUTTON (check);
  member->invite_box = box;
  member->invite_icon = GTK_IMAGE (icon);
  member->invite_label = GTK_LABEL (label);
  member->retry_button = GTK_BUTTON (retry);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sb_employee_get_name (employee));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sb_employee_get_email (employee));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* Translators: the check box that makes an employee a member; %s is their name. */
  check_label = g_strdup_printf (_("%s is a member"), sb_employee_get_name (employee));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  check_label, -1);

  /* The invite state: hidden until the owner reports one. */
  gtk_widget_add_css_class (box, "sb-invite-state");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (retry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (retry, "flat");
  gtk_widget_set_visible (retry, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (retry), "project.retry-invite");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (retry),
                                          g_variant_new_int64 (member->employee_id));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), retry);
  gtk_widget_set_visible (box, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  gtk_widget_add_css_class (row, "sb-member-row");
  /* For the search filter; the struct lives in self->members, longer than the row. */
  g_object_set_data (G_OBJECT (row), "sb-member-row", member);
  gtk_list_box_append (self->members_list, row);
  g_hash_table_insert (self->members, &member->employee_id, member);
  return member;
}

static gboolean
filter_member_row (GtkListBoxRow *row,
                   gpointer       user_data)
{
  SbProjectEditor *self = user_data;
  MemberRow *member = g_object_get_data (G_OBJECT (row), "sb-member-row");

  if (self->member_filter == NULL || member == NULL)
    return TRUE;
  return g_hash_table_contains (self->member_filter, &member->employee_id);
}

/* Employee ids as a set, for the searches. */
static GHashTable *
employee_id_set (GListModel *employees)
{
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (employees); i++)
    {
      g_autoptr(SbEmployee) employee = g_list_model_get_item (employees, i);

      g_hash_table_add (set, g_memdup2 (&(gint64) { sb_employee_get_id (employee) },
                                        sizeof (gint64)));
    }
  return set;
}

static gboolean
sb_project_editor_load_members (SbProjectEditor  *self,
                                GError          **error)
{
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GListModel) shown = NULL;

  if (!sb_project_editor_is_new (self))
    {
      members = sb_workspace_list_members (self->workspace, sb_project_get_id (self->project),
                                           error);
      if (members == NULL)
        return FALSE;
      self->initial_members = employee_id_set (members);
    }
  else
    self->initial_members = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Who may change membership picks among every employee; the others see the members. */
  if (self->can_edit || members == NULL)
    shown = sb_workspace_list_employees (self->workspace, NULL, error);
  else
    shown = g_object_ref (members);
  if (shown == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(SbEmployee) employee = g_list_model_get_item (shown, i);
      MemberRow *member = sb_project_editor_add_member_row (self, employee);

      gtk_check_button_set_active (member->check,
                                   g_hash_table_contains (self->initial_members,
                                                          &member->employee_id));
    }
  return TRUE;
}

static void
sb_project_editor_load (SbProjectEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean is_new = sb_project_editor_is_new (self);

  self->self_id = sb_workspace_get_current_employee_id (self->workspace);

  for (SbProjectStatus status = SB_PROJECT_STATUS_PLANNED;
       status <= SB_PROJECT_STATUS_COMPLETED; status++)
    gtk_string_list_append (statuses, sb_editor_format_project_status (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  if (is_new)
    {
      self->manager_id = self->self_id;
      self->can_edit = self->self_id != 0;
      adw_combo_row_set_selected (self->status_row, SB_PROJECT_STATUS_ACTIVE);
    }
  else
    {
      const char *description = sb_project_get_description (self->project);

      self->manager_id = sb_project_get_manager_id (self->project);
      self->can_edit = self->self_id != 0 && self->self_id == self->manager_id;

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Project"));
      adw_window_title_set_title (self->window_title, _("Edit Project"));
      adw_window_title_set_subtitle (self->window_title, sb_project_get_key (self->project));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), sb_project_get_name (self->project));
      gtk_editable_set_text (GTK_EDITABLE (self->key_row), sb_project_get_key (self->project));
      /* A key is in every task's name: it is chosen once. */
      gtk_editable_set_editable (GTK_EDITABLE (self->key_row), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self->key_row), "sb-readonly");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                description != NULL ? description : "", -1);
      adw_combo_row_set_selected (self->status_row, sb_project_get_status (self->project));
    }

  if (!self->can_edit && !is_new)
    {
      g_autofree char *why = NULL;

      /* Translators: %s is the name of the project's manager. */
      why = g_strdup_printf (_("Only the project's manager, %s, can change this project and "
                               "its members."),
                             sb_project_get_manager_name (self->project));
      show_error (self->readonly_label, why);
      gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), FALSE);
      gtk_text_view_set_editable (self->description_view, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->manager_button), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.set-manager", FALSE);
      adw_preferences_group_set_description (self->members_group, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->delete_button),
                                   _("Only the project's manager can delete it"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->delete_group), !is_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.delete", !is_new && self->can_edit);

  sb_project_editor_show_manager (self);
  if (!sb_project_editor_load_members (self, &error))
    {
      show_error (self->error_label, error->message);
      self->can_edit = FALSE;
    }
  sb_project_editor_update_locks (self);
  sb_project_editor_validate (self);
}

static void
on_name_row_changed (SbProjectEditor *self)
{
  self->name_touched = TRUE;

  if (sb_project_editor_is_new (self) && !self->key_edited)
    {
      g_autofree char *key =
        sb_suggest_project_key (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

      self->suggesting_key = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->key_row), key != NULL ? key : "");
      self->suggesting_key = FALSE;
    }
  sb_project_editor_validate (self);
}

static void
on_key_row_changed (SbProjectEditor *self)
{
  if (!self->suggesting_key)
    {
      /* Emptying the key hands it back to the suggestion. */
      self->key_edited = *gtk_editable_get_text (GTK_EDITABLE (self->key_row)) != '\0';
    }
  sb_project_editor_validate (self);
}

/* Keys are upper-case: whatever is typed or pasted goes in capitalised. */
static void
on_key_text_insert_text (GtkEditable     *editable,
                         const char      *text,
                         int              length,
                         int             *position,
                         SbProjectEditor *self)
{
  g_autofree char *upper = g_utf8_strup (text, length);

  if (strlen (upper) == (gsize) length && strncmp (upper, text, length) == 0)
    return;

  g_signal_handlers_block_by_func (editable, on_key_text_insert_text, self);
  gtk_editable_insert_text (editable, upper, -1, position);
  g_signal_handlers_unblock_by_func (editable, on_key_text_insert_text, self);
  g_signal_stop_emission_by_name (editable, "insert-text");
}

static void
sb_project_editor_fill_manager_list (SbProjectEditor *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->manager_search));
  g_autoptr(GListModel) employees = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->manager_list))) != NULL)
    gtk_list_box_remove (self->manager_list, child);

  employees = sb_workspace_list_employees (self->workspace, search, &error);
  if (employees == NULL)
    {
      show_error (self->error_label, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (employees); i++)
    {
      g_autoptr(SbEmployee) employee = g_list_model_get_item (employees, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sb_employee_get_name (employee));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sb_employee_get_email (employee));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "project.set-manager");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_int64 (sb_employee_get_id (employee)));
      if (sb_employee_get_id (employee) == self->manager_id)
        {
          GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

          gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Current manager"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
        }
      gtk_list_box_append (self->manager_list, row);
    }
}

static void
on_manager_popover_show (SbProjectEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->manager_search), "");
  sb_project_editor_fill_manager_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->manager_search));
}

static void
on_manager_search_changed (SbProjectEditor *self)
{
  sb_project_editor_fill_manager_list (self);
}

static void
on_member_search_changed (SbProjectEditor *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->member_search));
  g_autoptr(GListModel) matches = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->member_filter, g_hash_table_unref);
  if (*search != '\0')
    {
      matches = sb_workspace_list_employees (self->workspace, search, &error);
      if (matches == NULL)
        show_error (self->error_label, error->message);
      else
        self->member_filter = employee_id_set (matches);
    }
  gtk_list_box_invalidate_filter (self->members_list);
}

/* The ids of the ticked (or, with @ticked FALSE, unticked) rows that are not locked. */
static GArray *
collect_members (SbProjectEditor *self,
                 gboolean         ticked)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  MemberRow *member;

  g_hash_table_iter_init (&iter, self->members);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &member))
    if (!is_locked_member (self, member->employee_id) &&
        gtk_check_button_get_active (member->check) == ticked)
      g_array_append_val (ids, member->employee_id);
  return ids;
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The edited fields (and the ticked members) as one string, compared with the one taken after
 * loading. */
static char *
fields_fingerprint (SbProjectEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  g_autoptr(GArray) members = collect_members (self, TRUE);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *description = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_string_printf (text, "%s\037%s\037%s\037%u\037%" G_GINT64_FORMAT,
                   gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                   gtk_editable_get_text (GTK_EDITABLE (self->key_row)), description,
                   adw_combo_row_get_selected (self->status_row), self->manager_id);
  g_array_sort (members, compare_ids);
  for (guint i = 0; i < members->len; i++)
    g_string_append_printf (text, "\037%" G_GINT64_FORMAT, g_array_index (members, gint64, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * sb_project_editor_has_unsaved_changes:
 *
 * Returns: whether a field or a member differs from what the editor loaded
 */
gboolean
sb_project_editor_has_unsaved_changes (SbProjectEditor *self)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (SB_IS_PROJECT_EDITOR (self), FALSE);

  if (self->loaded_fields == NULL || !self->can_edit)
    return FALSE;
  now = fields_fingerprint (self);
  return g_strcmp0 (now, self->loaded_fields) != 0;
}

static gboolean
sb_project_editor_close_request (GtkWindow *window)
{
  SbProjectEditor *self = SB_PROJECT_EDITOR (window);

  if (!self->may_close && sb_project_editor_has_unsaved_changes (self))
    {
      /* Closing with edits not saved (Escape, the window's close button): ask first. */
      sb_ui_ask_to_save (window,
                         sb_project_editor_is_new (self)
                         ? _("The new project is not created yet. If you close without "
                             "creating it, what you entered is lost.")
                         : _("The changes to this project are not saved yet. If you close "
                             "without saving, they are lost."),
                         "project.save", "project.cancel");
      return TRUE;
    }
  return GTK_WINDOW_CLASS (sb_project_editor_parent_class)->close_request (window);
}

/* The Cancel button: leaving without saving, as asked. */
static void
project_cancel_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SB_PROJECT_EDITOR (widget)->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (widget));
}

static void
project_set_manager_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SbProjectEditor *self = SB_PROJECT_EDITOR (widget);
  gint64 employee_id = g_variant_get_int64 (parameter);
  MemberRow *member;

  if (!self->can_edit)
    return;

  self->manager_id = employee_id;
  sb_project_editor_show_manager (self);
  /* The new manager becomes a member; the previous one stays ticked until unticked. */
  member = g_hash_table_lookup (self->members, &employee_id);
  if (member != NULL)
    gtk_check_button_set_active (member->check, TRUE);
  sb_project_editor_update_locks (self);
  gtk_menu_button_popdown (self->manager_button);
}

static void
project_retry_invite_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_RETRY_INVITE], 0, g_variant_get_int64 (parameter));
}

static gboolean
sb_project_editor_create (SbProjectEditor  *self,
                          const char       *name,
                          const char       *description,
                          SbProjectStatus   status,
                          gint64           *project_id,
                          GError          **error)
{
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
  g_autoptr(GArray) members = collect_members (self, TRUE);
  g_autoptr(SbProject) project = NULL;

  project = sb_workspace_create_project (self->workspace, key, name, description, status,
                                         self->manager_id, (const gint64 *) members->data,
                                         members->len, error);
  if (project == NULL)
    return FALSE;
  *project_id = sb_project_get_id (project);
  return TRUE;
}

static gboolean
sb_project_editor_update (SbProjectEditor  *self,
                          const char       *name,
                          const char       *description,
                          SbProjectStatus   status,
                          GError          **error)
{
  gint64 project_id = sb_project_get_id (self->project);
  g_autoptr(GArray) ticked = collect_members (self, TRUE);
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) unticked = collect_members (self, FALSE);
  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < ticked->len; i++)
    if (!g_hash_table_contains (self->initial_members, &g_array_index (ticked, gint64, i)))
      g_array_append_val (added, g_array_index (ticked, gint64, i));

  /* One transaction: members who join and leave, then the fields and the manager. */
  for (guint i = 0; i < unticked->len; i++)
    {
      gint64 employee_id = g_array_index (unticked, gint64, i);

      if (g_hash_table_contains (self->initial_members, &employee_id))
        g_array_append_val (removed, employee_id);
    }
  return sb_workspace_save_project (self->workspace, project_id, name, description, status,
                                    self->manager_id, (const gint64 *) added->data, added->len,
                                    (const gint64 *) removed->data, removed->len, error);
}

static void
project_save_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SbProjectEditor *self = SB_PROJECT_EDITOR (widget);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  SbProjectStatus status = (SbProjectStatus) adw_combo_row_get_selected (self->status_row);
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  gint64 project_id = 0;
  gboolean saved;

  show_error (self->error_label, NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (sb_project_editor_is_new (self))
    saved = sb_project_editor_create (self, name, description, status, &project_id, &error);
  else
    {
      project_id = sb_project_get_id (self->project);
      saved = sb_project_editor_update (self, name, description, status, &error);
    }

  if (!saved)
    {
      if (g_error_matches (error, SB_MODEL_ERROR, SB_MODEL_ERROR_DUPLICATE))
        show_row_error (GTK_WIDGET (self->key_row), self->key_error, error->message);
      else
        show_error (self->error_label, error->message);
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, project_id);
  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static gboolean
close_when_idle (gpointer window)
{
  gtk_window_close (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
on_delete_dialog_response (AdwMessageDialog *dialog,
                           const char       *response,
                           SbProjectEditor  *self)
{
  g_autoptr(GError) error = NULL;
  gint64 project_id = sb_project_get_id (self->project);

  if (!g_str_equal (response, "delete"))
    return;

  show_error (self->error_label, NULL);
  if (!sb_workspace_delete_project (self->workspace, project_id, &error))
    {
      show_error (self->error_label, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_DELETED], 0, project_id);
  self->may_close = TRUE;
  /* Closed once the dialog, which is transient for it, has gone: GTK 4.8 faults when a
   * transient parent is finalized under a window still closing. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_when_idle, g_object_ref (self), g_object_unref);
}

/* A project cannot be brought back: ask first, saying what goes with it. */
static void
project_delete_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SbProjectEditor *self = SB_PROJECT_EDITOR (widget);
  g_autoptr(SbProject) counted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n_tasks;

  if (self->project == NULL || !self->can_edit)
    return;

  /* The editor's project may come without its counts (a board's header). */
  counted = sb_workspace_get_project (self->workspace, sb_project_get_id (self->project),
                                      &error);
  if (counted == NULL)
    {
      show_error (self->error_label, error->message);
      return;
    }
  n_tasks = sb_project_get_task_count (counted);

  /* Translators: %s is a project's key, "WEB". */
  heading = g_strdup_printf (_("Delete Project %s?"), sb_project_get_key (counted));
  /* Translators: %1$s is the project's name, %2$u the number of its tasks. */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%1$s” and its %2$u task, its stories and their "
                                       "comments will be deleted for every member. This "
                                       "cannot be undone.",
                                       "“%1$s” and its %2$u tasks, its stories and their "
                                       "comments will be deleted for every member. This "
                                       "cannot be undone.",
                                       n_tasks),
                          sb_project_get_name (counted), n_tasks);
  dialog = sb_ui_delete_dialog_new (GTK_WINDOW (self), heading, body, _("_Delete Project"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sb_project_editor_constructed (GObject *object)
{
  SbProjectEditor *self = SB_PROJECT_EDITOR (object);
  GtkEditable *key_text;

  G_OBJECT_CLASS (sb_project_editor_parent_class)->constructed (object);

  g_assert (SB_IS_WORKSPACE (self->workspace));

  gtk_list_box_set_filter_func (self->members_list, filter_member_row, self, NULL);
  sb_project_editor_load (self);
  self->loaded_fields = fields_fingerprint (self);
  /* Typing goes to the name, not to Cancel, the first button in the header. */
  if (self->can_edit)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_name_row_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->key_row, "changed", G_CALLBACK (on_key_row_changed), self,
                           G_CONNECT_SWAPPED);
  key_text = gtk_editable_get_delegate (GTK_EDITABLE (self->key_row));
  g_signal_connect_object (key_text, "insert-text", G_CALLBACK (on_key_text_insert_text), self,
                           0);
}

static void
sb_project_editor_dispose (GObject *object)
{
  SbProjectEditor *self = SB_PROJECT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_PROJECT_EDITOR);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_object (&self->project);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (sb_project_editor_parent_class)->dispose (object);
}

static void
sb_project_editor_finalize (GObject *object)
{
  SbProjectEditor *self = SB_PROJECT_EDITOR (object);

  g_clear_pointer (&self->initial_members, g_hash_table_unref);
  g_clear_pointer (&self->member_filter, g_hash_table_unref);
  g_clear_pointer (&self->loaded_fields, g_free);

  G_OBJECT_CLASS (sb_project_editor_parent_class)->finalize (object);
}

static void
sb_project_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SbProjectEditor *self = SB_PROJECT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_project_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SbProjectEditor *self = SB_PROJECT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_project_editor_class_init (SbProjectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sb_project_editor_constructed;
  object_class->dispose = sb_project_editor_dispose;
  object_class->finalize = sb_project_editor_finalize;
  object_class->get_property = sb_project_editor_get_property;
  object_class->set_property = sb_project_editor_set_property;
  window_class->close_request = sb_project_editor_close_request;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, SB_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, SB_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbProjectEditor::saved:
   * @project_id: the project created or changed
   *
   * Emitted after a successful save, just before the editor closes.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * SbProjectEditor::retry-invite:
   * @employee_id: the member whose invite failed
   *
   * Retry was pressed on a failed invite; the owner retries it through the model and
   * reports the new state with sb_project_editor_set_invite_state().
   */
  signals[SIGNAL_RETRY_INVITE] =
    g_signal_new ("retry-invite", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * SbProjectEditor::deleted:
   * @project_id: the project deleted
   *
   * Emitted after the manager confirmed and the project was deleted, just before the editor
   * closes.
   */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sprintboard/Sprintboard/"
                                               "sb-project-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, readonly_label);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, key_row);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, key_error);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, manager_row);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, manager_button);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, manager_popover);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, manager_search);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, manager_list);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, members_group);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, member_search);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, members_list);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, SbProjectEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_manager_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_manager_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_member_search_changed);

  gtk_widget_class_install_action (widget_class, "project.cancel", NULL, project_cancel_action);
  gtk_widget_class_install_action (widget_class, "project.save", NULL, project_save_action);
  gtk_widget_class_install_action (widget_class, "project.set-manager", "x",
                                   project_set_manager_action);
  gtk_widget_class_install_action (widget_class, "project.retry-invite", "x",
                                   project_retry_invite_action);
  gtk_widget_class_install_action (widget_class, "project.delete", NULL, project_delete_action);

  /* Shortcuts */
  /* Escape closes as the window's close button does: asking first when there are edits. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "project.save", NULL);
}

static void
sb_project_editor_init (SbProjectEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->members = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
}

GtkWidget *
sb_project_editor_new (SbWorkspace *workspace,
                       SbProject   *project)
{
  g_return_val_if_fail (SB_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (project == NULL || SB_IS_PROJECT (project), NULL);

  return g_object_new (SB_TYPE_PROJECT_EDITOR, "workspace", workspace, "project", project, NULL);
}

SbProject *
sb_project_editor_get_project (SbProjectEditor *self)
{
  g_return_val_if_fail (SB_IS_PROJECT_EDITOR (self), NULL);

  return self->project;
}

void
sb_project_editor_set_invite_state (SbProjectEditor *self,
                                    gint64           employee_id,
                                    SbInviteState    state,
                                    const char      *last_error,
                                    gboolean         can_retry)
{
  MemberRow *member;
  const char *icon_name;
  const char *text;
  const char *css_class = NULL;

  g_return_if_fail (SB_IS_PROJECT_EDITOR (self));

  member = g_hash_table_lookup (self->members, &employee_id);
  if (member == NULL)
    return;

  switch (state)
    {
    case SB_INVITE_STATE_QUEUED:
      icon_name = "mail-unread-symbolic";
      text = _("Invite queued");
      break;
    case SB_INVITE_STATE_SENDING:
      icon_name = "mail-send-symbolic";
      text = _("Sending invite…");
      break;
    case SB_INVITE_STATE_SENT:
      icon_name = "emblem-ok-symbolic";
      text = _("Invited");
      css_class = "success";
      break;
    case SB_INVITE_STATE_FAILED:
      icon_name = "dialog-warning-symbolic";
      text = _("Invite failed");
      css_class = "error";
      break;
    default:
      g_return_if_reached ();
    }

  gtk_image_set_from_icon_name (member->invite_icon, icon_name);
  gtk_label_set_text (member->invite_label, text);
  /* The icon and words take the colour; Retry stays a plain button. */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *widget = i == 0 ? GTK_WIDGET (member->invite_icon)
                                 : GTK_WIDGET (member->invite_label);

      gtk_widget_remove_css_class (widget, "success");
      gtk_widget_remove_css_class (widget, "error");
      if (css_class != NULL)
        gtk_widget_add_css_class (widget, css_class);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (member->invite_box, "sb-invite-reported");
  else
    gtk_widget_remove_css_class (member->invite_box, "sb-invite-reported");
  gtk_widget_set_tooltip_text (member->invite_box,
                               state == SB_INVITE_STATE_FAILED ? last_error : NULL);
  gtk_widget_set_visible (GTK_WIDGET (member->retry_button),
                          state == SB_INVITE_STATE_FAILED && can_retry);
  gtk_widget_set_visible (member->invite_box, TRUE);
}
