/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n.h>

#include "sb-task.h"
#include "sb-board-view-private.h"
#include "sb-editor-format.h"

struct _SbTaskCard
{
  GtkWidget      parent_instance;

  SbTask        *task;
  gulong         notify_handler;
  char          *column_name;
  GtkListItem   *list_item;      /* weak: the list item showing this card, if any */
  GtkWidget     *menu;           /* the open context menu, parented to this card */
  SbBoardView   *view;           /* weak: the board view this card is in, while rooted */
  gulong         can_delete_handler;
  double         drag_x;         /* where the drag started, so the card stays under the */
  double         drag_y;         /* pointer at that same spot */

  /* Template children */
  GtkLabel      *key_label;
  GtkLabel      *priority_label;
  GtkLabel      *title_label;
  GtkLabel      *story_label;
  GtkBox        *footer;
  /* Initials on a coloured disc: a label, because an AdwAvatar per card was about 40 % of
   * the cost of opening a big board. */
  GtkLabel      *avatar;
  GtkLabel      *due_label;
  GtkBox        *comments_box;
  GtkLabel      *comments_label;
  GtkDragSource *drag_source;
};

enum
{
  PROP_0,
  PROP_TASK,
  PROP_COLUMN_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbTaskCard, sb_task_card, GTK_TYPE_WIDGET)

static const char *const priority_classes[] = {
  "priority-low", "priority-medium", "priority-high", "priority-critical",
};

/* "WEB-12: Fix login, To Do, High priority, due 2026-12-01, overdue", for screen readers. */
char *
_sb_task_card_describe (SbTaskCard *self)
{
  SbTask *task = self->task;
  GString *text = g_string_new (NULL);
  guint comments = sb_task_get_comment_count (task);

  /* Translators: a task's key and title, for screen readers. */
  g_string_append_printf (text, _("%s: %s"), sb_task_get_key (task), sb_task_get_title (task));
  if (self->column_name != NULL)
    g_string_append_printf (text, ", %s", self->column_name);
  /* Translators: %s is a priority (Low, Medium, High, Critical). */
  g_string_append_printf (text, _(", %s priority"),
                          sb_editor_format_priority (sb_task_get_priority (task)));
  if (sb_task_get_assignee_name (task) != NULL)
    /* Translators: %s is a person's name. */
    g_string_append_printf (text, _(", assigned to %s"), sb_task_get_assignee_name (task));
  if (sb_task_get_due_date (task) != NULL)
    {
      g_autofree char *due = sb_editor_format_date (sb_task_get_due_date (task));

      /* Translators: %s is a date, as in "4 Nov 2026". */
      g_string_append_printf (text, _(", due %s"), due != NULL ? due : "");
    }
  if (sb_task_get_overdue (task))
    g_string_append (text, _(", overdue"));
  if (sb_task_get_story_key (task) != NULL)
    /* Translators: %s is a story's key, like WEB-4. */
    g_string_append_printf (text, _(", story %s"), sb_task_get_story_key (task));
  if (comments > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, ", %u comment", ", %u comments",
                                         comments),
                            comments);
  return g_string_free (text, FALSE);
}

/* The first letters of the first and the last word, upper-case: "Ada Okafor" → "AO". */
static char *
dup_initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name, " \t", -1);
  g_autoptr(GString) initials = g_string_new (NULL);
  const char *first = NULL;
  const char *last = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && g_utf8_validate (words[i], -1, NULL))
      {
        if (first == NULL)
          first = words[i];
        else
          last = words[i];
      }
  if (first != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (first)));
  if (last != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (last)));
  return g_string_free (g_steal_pointer (&initials), FALSE);
}

#define N_AVATAR_COLORS 8

static void
set_avatar (GtkLabel   *avatar,
            const char *name)
{
  g_autofree char *initials = NULL;
  char color[] = "sb-avatar-color0";

  gtk_widget_set_visible (GTK_WIDGET (avatar), name != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (avatar), name);
  if (name == NULL)
    return;

  initials = dup_initials (name);
  gtk_label_set_text (avatar, initials);
  for (guint i = 0; i < N_AVATAR_COLORS; i++)
    {
      color[sizeof color - 2] = (char) ('0' + i);
      gtk_widget_remove_css_class (GTK_WIDGET (avatar), color);
    }
  /* The same person, the same colour, on every card. */
  color[sizeof color - 2] = (char) ('0' + g_str_hash (name) % N_AVATAR_COLORS);
  gtk_widget_add_css_class (GTK_WIDGET (avatar), color);
}

static void
sb_task_card_sync (SbTaskCard *self)
{
  SbTask *task = self->task;
  g_autofree char *description = NULL;
  g_autofree char *comments = NULL;
  g_autofree char *story = NULL;
  const char *assignee;
  SbPriority priority;

  /* No task, or a blank stand-in (id 0) for one another process removed: an empty card until
   * the board reads its columns again. */
  if (task == NULL || sb_task_get_id (task) == 0)
    {
      gtk_label_set_text (self->key_label, "");
      gtk_label_set_text (self->title_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->priority_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->story_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->footer), FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  gtk_label_set_text (self->key_label, sb_task_get_key (task));
  gtk_label_set_text (self->title_label, sb_task_get_title (task));

  priority = sb_task_get_priority (task);
  gtk_label_set_text (self->priority_label, sb_editor_format_priority (priority));
  gtk_widget_set_visible (GTK_WIDGET (self->priority_label), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (priority_classes); i++)
    {
      if (i == (guint) priority)
        gtk_widget_add_css_class (GTK_WIDGET (self->priority_label), priority_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->priority_label), priority_classes[i]);
    }

  if (sb_task_get_story_key (task) != NULL)
    {
      /* Translators: a story's key and title on a card: "WEB-4 · Checkout". */
      story = g_strdup_printf (_("%s · %s"), sb_task_get_story_key (task),
                               sb_task_get_story_title (task) ? sb_task_get_story_title (task)
                                                              : "");
      gtk_label_set_text (self->story_label, story);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->story_label), story != NULL);

  assignee = sb_task_get_assignee_name (task);
  set_avatar (self->avatar, assignee);

  {
    /* The date as the editor shows it ("4 Nov 2026"), not as it is stored. */
    g_autofree char *due = sb_task_get_due_date (task) != NULL
                           ? sb_editor_format_date (sb_task_get_due_date (task)) : NULL;

    gtk_label_set_text (self->due_label, due != NULL ? due : "");
  }
  if (sb_task_get_overdue (task))
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "error");

  comments = g_strdup_printf ("%u", sb_task_get_comment_count (task));
  gtk_label_set_text (self->comments_label, comments);
  gtk_widget_set_visible (GTK_WIDGET (self->comments_box), sb_task_get_comment_count (task) > 0);

  /* No empty line at the bottom of a card that has nothing to show there. */
  gtk_widget_set_visible (GTK_WIDGET (self->footer),
                          assignee != NULL || sb_task_get_due_date (task) != NULL
                          || sb_task_get_comment_count (task) > 0);

  description = _sb_task_card_describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
on_task_notify (SbTask     *task,
                GParamSpec *pspec,
                SbTaskCard *self)
{
  sb_task_card_sync (self);
}

static GdkContentProvider *
on_drag_source_prepare (GtkDragSource *source,
                        double         x,
                        double         y,
                        SbTaskCard    *self)
{
  /* A stand-in for a task another process removed (id 0) cannot be moved. */
  if (self->task == NULL || sb_task_get_id (self->task) == 0)
    return NULL;
  self->drag_x = x;
  self->drag_y = y;
  return gdk_content_provider_new_typed (SB_TYPE_TASK, self->task);
}

static void
on_drag_source_drag_begin (GtkDragSource *source,
                           GdkDrag       *drag,
                           SbTaskCard    *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  g_autoptr(GdkPaintable) icon = gdk_paintable_get_current_image (paintable);

  /* GtkDragSource is no GtkGestureDrag: the start point is the one ::prepare was given. */
  gtk_drag_source_set_icon (source, icon, (int) self->drag_x, (int) self->drag_y);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
}

static void
on_drag_source_drag_end (GtkDragSource *source,
                         GdkDrag       *drag,
                         gboolean       delete_data,
                         SbTaskCard    *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

static void
on_secondary_click_pressed (GtkGestureClick *gesture,
                            int              n_press,
                            double           x,
                            double           y,
                            SbTaskCard      *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  sb_task_card_popup_menu (self, x, y);
}

static void
on_long_press_pressed (GtkGestureLongPress *gesture,
                       double               x,
                       double               y,
                       SbTaskCard          *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  sb_task_card_popup_menu (self, x, y);
}

static gboolean
unparent_menu_idle (gpointer user_data)
{
  g_autoptr(GtkWidget) menu = user_data;

  if (gtk_widget_get_parent (menu) != NULL && !gtk_widget_get_visible (menu))
    {
      SbTaskCard *self = SB_TASK_CARD (gtk_widget_get_parent (menu));

      if (self->menu == menu)
        self->menu = NULL;
      gtk_widget_unparent (menu);
    }
  return G_SOURCE_REMOVE;
}

static void
on_menu_closed (GtkPopover *menu,
                SbTaskCard *self)
{
  /* Later: the menu item that closed the menu may still be activating its action. */
  g_idle_add (unparent_menu_idle, g_object_ref (menu));
}

static void
sb_task_card_menu_popup_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  SbTaskCard *self = SB_TASK_CARD (widget);

  sb_task_card_popup_menu (self, gtk_widget_get_width (widget) / 2.0,
                           gtk_widget_get_height (widget) / 2.0);
}

/* The task to act on, held (a move unbinds this card), and the view that does it. */
static SbTask *
dup_actionable_task (SbTaskCard   *self,
                     SbBoardView **view)
{
  if (self->view == NULL || self->task == NULL || sb_task_get_id (self->task) == 0)
    return NULL;
  *view = self->view;
  return g_object_ref (self->task);
}

static void
sb_task_card_move_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  static const struct
  {
    const char *name;
    int         columns;
    int         places;
  } moves[] = {
    { "board.move-left", -1, 0 },
    { "board.move-right", 1, 0 },
    { "board.move-up", 0, -1 },
    { "board.move-down", 0, 1 },
  };
  SbBoardView *view = NULL;
  g_autoptr(SbTask) task = dup_actionable_task (SB_TASK_CARD (widget), &view);

  if (task == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    if (g_str_equal (action_name, moves[i].name))
      _sb_board_view_move_task_by (view, task, moves[i].columns, moves[i].places);
}

static void
sb_task_card_move_to_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SbBoardView *view = NULL;
  g_autoptr(SbTask) task = dup_actionable_task (SB_TASK_CARD (widget), &view);

  if (task != NULL)
    _sb_board_view_move_task_to (view, task, g_variant_get_int64 (parameter));
}

static void
sb_task_card_open_task_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  SbBoardView *view = NULL;
  g_autoptr(SbTask) task = dup_actionable_task (SB_TASK_CARD (widget), &view);

  if (task != NULL)
    _sb_board_view_activate_task (view, task);
}

static void
sb_task_card_delete_task_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  SbTaskCard *self = SB_TASK_CARD (widget);
  SbBoardView *view = NULL;
  g_autoptr(SbTask) task = dup_actionable_task (self, &view);

  sb_task_card_close_menu (self);
  if (task != NULL)
    _sb_board_view_delete_task (view, task);
}

static void
sync_can_delete (SbTaskCard *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.delete-task",
                                 self->view != NULL && _sb_board_view_get_can_delete (self->view));
}

static void
on_view_can_delete_notify (SbBoardView *view,
                           GParamSpec  *pspec,
                           SbTaskCard  *self)
{
  sync_can_delete (self);
}

static void
sb_task_card_root (GtkWidget *widget)
{
  SbTaskCard *self = SB_TASK_CARD (widget);
  GtkWidget *view;

  GTK_WIDGET_CLASS (sb_task_card_parent_class)->root (widget);

  view = gtk_widget_get_ancestor (widget, SB_TYPE_BOARD_VIEW);
  g_set_weak_pointer (&self->view, view != NULL ? SB_BOARD_VIEW (view) : NULL);
  if (self->view != NULL)
    self->can_delete_handler = g_signal_connect (self->view, "notify::can-delete",
                                                 G_CALLBACK (on_view_can_delete_notify), self);
  sync_can_delete (self);
}

static void
sb_task_card_unroot (GtkWidget *widget)
{
  SbTaskCard *self = SB_TASK_CARD (widget);

  if (self->view != NULL)
    g_clear_signal_handler (&self->can_delete_handler, self->view);
  g_clear_weak_pointer (&self->view);
  sync_can_delete (self);

  GTK_WIDGET_CLASS (sb_task_card_parent_class)->unroot (widget);
}

static void
sb_task_card_dispose (GObject *object)
{
  SbTaskCard *self = SB_TASK_CARD (object);
  GtkWidget *child;

  sb_task_card_set_task (self, NULL);
  if (self->view != NULL)
    g_clear_signal_handler (&self->can_delete_handler, self->view);
  g_clear_weak_pointer (&self->view);
  g_clear_weak_pointer (&self->list_item);
  self->menu = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_TASK_CARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sb_task_card_parent_class)->dispose (object);
}

static void
sb_task_card_finalize (GObject *object)
{
  SbTaskCard *self = SB_TASK_CARD (object);

  g_free (self->column_name);

  G_OBJECT_CLASS (sb_task_card_parent_class)->finalize (object);
}

static void
sb_task_card_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SbTaskCard *self = SB_TASK_CARD (object);

  switch (prop_id)
    {
    case PROP_TASK:
      g_value_set_object (value, self->task);
      break;
    case PROP_COLUMN_NAME:
      g_value_set_string (value, self->column_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_task_card_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SbTaskCard *self = SB_TASK_CARD (object);

  switch (prop_id)
    {
    case PROP_TASK:
      sb_task_card_set_task (self, g_value_get_object (value));
      break;
    case PROP_COLUMN_NAME:
      sb_task_card_set_column_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_task_card_class_init (SbTaskCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_task_card_dispose;
  object_class->finalize = sb_task_card_finalize;
  object_class->get_property = sb_task_card_get_property;
  object_class->set_property = sb_task_card_set_property;

  widget_class->root = sb_task_card_root;
  widget_class->unroot = sb_task_card_unroot;

  properties[PROP_TASK] =
    g_param_spec_object ("task", NULL, NULL,
                         SB_TYPE_TASK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN_NAME] =
    g_param_spec_string ("column-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/sprintboard/Sprintboard/sb-task-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SbTaskCard, key_label);
  gtk_widget_class_bind_template_child (widget_class, SbTaskCard, priority_label);
  gtk_widget_class_bind_template_child (widget_class, SbTaskCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, SbTaskCard, story_label);
  gtk_widget_class_bind_template_child (widget_class, SbTaskCard, footer);
  gtk_widget_class_bind_template_child (widget_class, SbTaskCard, avatar);
  gtk_widget_class_bind_template_child (widget_class, SbTaskCard, due_label);
  gtk_widget_class_bind_template_child (widget_class, SbTaskCard, comments_box);
  gtk_widget_class_bind_template_child (widget_class, SbTaskCard, comments_label);
  gtk_widget_class_bind_template_child (widget_class, SbTaskCard, drag_source);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_source_prepare);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_source_drag_begin);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_source_drag_end);
  gtk_widget_class_bind_template_callback (widget_class, on_secondary_click_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_long_press_pressed);

  gtk_widget_class_install_action (widget_class, "menu.popup", NULL,
                                   sb_task_card_menu_popup_action);

  /* What a card can do, for the keys the window binds (from the focused widget up: only a
   * focused card, or its menu, finds them) and for the context menu. */
  gtk_widget_class_install_action (widget_class, "board.move-left", NULL,
                                   sb_task_card_move_action);
  gtk_widget_class_install_action (widget_class, "board.move-right", NULL,
                                   sb_task_card_move_action);
  gtk_widget_class_install_action (widget_class, "board.move-up", NULL,
                                   sb_task_card_move_action);
  gtk_widget_class_install_action (widget_class, "board.move-down", NULL,
                                   sb_task_card_move_action);
  gtk_widget_class_install_action (widget_class, "board.move-to", "x",
                                   sb_task_card_move_to_action);
  gtk_widget_class_install_action (widget_class, "board.open-task", NULL,
                                   sb_task_card_open_task_action);
  gtk_widget_class_install_action (widget_class, "board.delete-task", NULL,
                                   sb_task_card_delete_task_action);

  /* The context menu keys, as every GTK widget with a context menu binds them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "menu.popup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "menu.popup", NULL);

  gtk_widget_class_set_css_name (widget_class, "taskcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
sb_task_card_init (SbTaskCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.delete-task", FALSE);
}

GtkWidget *
sb_task_card_new (void)
{
  return g_object_new (SB_TYPE_TASK_CARD, NULL);
}

SbTask *
sb_task_card_get_task (SbTaskCard *self)
{
  g_return_val_if_fail (SB_IS_TASK_CARD (self), NULL);

  return self->task;
}

void
sb_task_card_set_task (SbTaskCard *self,
                       SbTask     *task)
{
  g_return_if_fail (SB_IS_TASK_CARD (self));
  g_return_if_fail (task == NULL || SB_IS_TASK (task));

  if (self->task == task)
    return;

  sb_task_card_close_menu (self);
  if (self->task != NULL)
    g_clear_signal_handler (&self->notify_handler, self->task);
  g_set_object (&self->task, task);
  if (task != NULL)
    self->notify_handler = g_signal_connect (task, "notify",
                                             G_CALLBACK (on_task_notify), self);
  sb_task_card_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK]);
}

const char *
sb_task_card_get_column_name (SbTaskCard *self)
{
  g_return_val_if_fail (SB_IS_TASK_CARD (self), NULL);

  return self->column_name;
}

void
sb_task_card_set_column_name (SbTaskCard *self,
                              const char *column_name)
{
  g_return_if_fail (SB_IS_TASK_CARD (self));

  if (g_strcmp0 (self->column_name, column_name) == 0)
    return;

  g_free (self->column_name);
  self->column_name = g_strdup (column_name);
  sb_task_card_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_NAME]);
}

/**
 * sb_task_card_get_list_item:
 *
 * Returns: (transfer none) (nullable): the list item that shows this card
 */
GtkListItem *
sb_task_card_get_list_item (SbTaskCard *self)
{
  g_return_val_if_fail (SB_IS_TASK_CARD (self), NULL);

  return self->list_item;
}

void
sb_task_card_set_list_item (SbTaskCard  *self,
                            GtkListItem *list_item)
{
  g_return_if_fail (SB_IS_TASK_CARD (self));

  g_set_weak_pointer (&self->list_item, list_item);
}

/**
 * sb_task_card_popup_menu:
 * @x: where to point, in the card's coordinates
 * @y: where to point
 *
 * Opens the card's context menu: Open, Move to ▸ (the board's other columns), Delete. The
 * menu's items are actions of the enclosing #SbBoardView, which then act on this card.
 */
void
sb_task_card_popup_menu (SbTaskCard *self,
                         double      x,
                         double      y)
{
  g_autoptr(GMenuModel) model = NULL;
  GtkWidget *view;
  GtkWidget *delete_button;

  g_return_if_fail (SB_IS_TASK_CARD (self));

  view = gtk_widget_get_ancestor (GTK_WIDGET (self), SB_TYPE_BOARD_VIEW);
  if (view == NULL || self->task == NULL || sb_task_get_id (self->task) == 0)
    return;

  sb_task_card_close_menu (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  model = _sb_board_view_create_card_menu (SB_BOARD_VIEW (view), self->task);
  self->menu = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });

  /* A real button rather than a menu item, so that the disabled Delete can say why. */
  delete_button = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_add_css_class (delete_button, "menu-button");
  gtk_widget_add_css_class (delete_button, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "board.delete-task");
  if (!_sb_board_view_get_can_delete (SB_BOARD_VIEW (view)))
    gtk_widget_set_tooltip_text (delete_button,
                                 _("Only the project's manager can delete tasks"));
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (self->menu), delete_button, "delete");

  g_signal_connect_object (self->menu, "closed", G_CALLBACK (on_menu_closed), self, 0);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

void
sb_task_card_close_menu (SbTaskCard *self)
{
  g_return_if_fail (SB_IS_TASK_CARD (self));

  if (self->menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->menu));
}
