/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n.h>

#include "sb-board.h"
#include "sb-column.h"
#include "sb-task.h"
#include "sb-board-view-private.h"

/* Auto-scroll while a card is dragged near the top or bottom edge of the list: how close to the
 * edge (px), and the most it scrolls per frame (px). */
#define AUTOSCROLL_EDGE      48.0
#define AUTOSCROLL_MAX_SPEED 24.0

/* GTK 4.8's GtkListView makes a row for up to 200 items (and a few more) as soon as it has
 * them, visible or not: about 0.5 ms each, so 820 cards and half a second before a board with
 * four long columns showed anything. The list is given its first FIRST_ROWS tasks for the
 * first frame, then ROWS_PER_FRAME more on each frame after, until GTK would make no more rows
 * (ALL_ROWS); then all of them. */
#define FIRST_ROWS      16
#define ROWS_PER_FRAME  8
#define ALL_ROWS        208

struct _SbBoardColumn
{
  GtkWidget          parent_instance;

  SbBoard           *board;
  SbColumn          *column;
  GListModel        *tasks;             /* the column's, not ours */
  GtkSliceListModel *shown;             /* its first tasks, growing to all of them */
  GtkNoSelection    *selection;
  guint              grow_id;
  guint              grow_frames;
  GtkDropTarget     *drop_target;
  gulong             items_changed_handler;
  guint              autoscroll_id;
  double             autoscroll_speed;
  double             drag_y;            /* the last drag position, in list_overlay's coordinates */

  /* Template children */
  GtkBox            *header;
  GtkLabel          *name_label;
  GtkLabel          *count_label;
  GtkButton         *add_button;
  GtkOverlay        *list_overlay;
  GtkScrolledWindow *scrolled_window;
  GtkListView       *list_view;
  GtkLabel          *empty_label;
  GtkBox            *drop_indicator;
  GtkPopover        *add_popover;
  GtkEntry          *title_entry;
  GtkButton         *confirm_button;
  GtkLabel          *error_label;
};

enum
{
  PROP_0,
  PROP_BOARD,
  PROP_COLUMN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbBoardColumn, sb_board_column, GTK_TYPE_WIDGET)

static SbBoardView *
get_view (SbBoardColumn *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), SB_TYPE_BOARD_VIEW);

  return view != NULL ? SB_BOARD_VIEW (view) : NULL;
}

static void
update_count (SbBoardColumn *self)
{
  guint n = g_list_model_get_n_items (self->tasks);
  g_autofree char *text = g_strdup_printf ("%u", n);
  g_autofree char *description = NULL;

  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  /* Translators: %s is a column's name, %u how many tasks it holds. */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u task", "%s, %u tasks", n),
                                 sb_column_get_name (self->column), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

/* The cards the list view has made (only those near the visible part exist), each with its
 * row, the list view's child that holds it. */
static SbTaskCard *
row_get_card (GtkWidget *row)
{
  GtkWidget *child = gtk_widget_get_first_child (row);

  return child != NULL && SB_IS_TASK_CARD (child) ? SB_TASK_CARD (child) : NULL;
}

static guint
card_get_position (SbTaskCard *card)
{
  GtkListItem *item = sb_task_card_get_list_item (card);

  return item != NULL ? gtk_list_item_get_position (item) : GTK_INVALID_LIST_POSITION;
}

/* Where a drop at @y would put the task, counting the tasks as shown, and where to draw the
 * line that says so (@line_y, in list_overlay's coordinates). */
static guint
compute_drop_index (SbBoardColumn *self,
                    double         y,
                    double        *line_y)
{
  guint n = g_list_model_get_n_items (self->tasks);
  guint index = GTK_INVALID_LIST_POSITION;
  guint last = GTK_INVALID_LIST_POSITION;
  double index_top = 0;
  double last_bottom = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      SbTaskCard *card = row_get_card (row);
      graphene_rect_t bounds;
      guint position;

      if (card == NULL || !gtk_widget_get_visible (row) || !gtk_widget_get_child_visible (row))
        continue;
      position = card_get_position (card);
      if (position == GTK_INVALID_LIST_POSITION
          || !gtk_widget_compute_bounds (row, GTK_WIDGET (self->list_overlay), &bounds))
        continue;

      if (y < bounds.origin.y + bounds.size.height / 2)
        {
          if (index == GTK_INVALID_LIST_POSITION || position < index)
            {
              index = position;
              index_top = bounds.origin.y;
            }
        }
      else if (last == GTK_INVALID_LIST_POSITION || position > last)
        {
          last = position;
          last_bottom = bounds.origin.y + bounds.size.height;
        }
    }

  if (index == GTK_INVALID_LIST_POSITION)
    {
      /* Below every card there is: after the last one seen, or at the top of an empty list. */
      index = last != GTK_INVALID_LIST_POSITION ? last + 1 : 0;
      index_top = last != GTK_INVALID_LIST_POSITION ? last_bottom : 0;
    }
  if (line_y != NULL)
    *line_y = index_top;
  return MIN (index, n);
}

static void
show_drop_indicator (SbBoardColumn *self,
                     double         y)
{
  double line_y = 0;
  int height = gtk_widget_get_height (GTK_WIDGET (self->list_overlay));
  int line_height;

  compute_drop_index (self, y, &line_y);
  gtk_widget_set_visible (GTK_WIDGET (self->drop_indicator), TRUE);
  gtk_widget_measure (GTK_WIDGET (self->drop_indicator), GTK_ORIENTATION_VERTICAL, -1,
                      &line_height, NULL, NULL, NULL);
  /* The measure counts the margin this function sets. */
  line_height -= gtk_widget_get_margin_top (GTK_WIDGET (self->drop_indicator));
  line_y = CLAMP (line_y - line_height / 2.0, 0, MAX (0, height - line_height));
  gtk_widget_set_margin_top (GTK_WIDGET (self->drop_indicator), (int) line_y);
}

static void
hide_drop_indicator (SbBoardColumn *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->drop_indicator), FALSE);
}

static void
stop_autoscroll (SbBoardColumn *self)
{
  if (self->autoscroll_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
      self->autoscroll_id = 0;
    }
  self->autoscroll_speed = 0;
}

static gboolean
autoscroll_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  SbBoardColumn *self = SB_BOARD_COLUMN (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double before = gtk_adjustment_get_value (adjustment);

  gtk_adjustment_set_value (adjustment, before + self->autoscroll_speed);
  if (gtk_adjustment_get_value (adjustment) == before)
    {
      /* At the end: nothing more to do until the pointer moves again. */
      self->autoscroll_id = 0;
      self->autoscroll_speed = 0;
      return G_SOURCE_REMOVE;
    }
  /* The cards moved under the pointer. */
  show_drop_indicator (self, self->drag_y);
  return G_SOURCE_CONTINUE;
}

static void
update_autoscroll (SbBoardColumn *self,
                   double         y)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self->list_overlay));
  double speed = 0;

  if (y < AUTOSCROLL_EDGE)
    speed = -AUTOSCROLL_MAX_SPEED * (AUTOSCROLL_EDGE - MAX (y, 0)) / AUTOSCROLL_EDGE;
  else if (y > height - AUTOSCROLL_EDGE)
    speed = AUTOSCROLL_MAX_SPEED * (y - (height - AUTOSCROLL_EDGE)) / AUTOSCROLL_EDGE;
  speed = CLAMP (speed, -AUTOSCROLL_MAX_SPEED, AUTOSCROLL_MAX_SPEED);

  if (speed == 0)
    {
      stop_autoscroll (self);
      return;
    }
  self->autoscroll_speed = speed;
  if (self->autoscroll_id == 0)
    self->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_tick,
                                                        NULL, NULL);
}

static void
on_tasks_items_changed (GListModel    *model,
                        guint          position,
                        guint          removed,
                        guint          added,
                        SbBoardColumn *self)
{
  update_count (self);
}

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SbBoardColumn            *self)
{
  GtkWidget *card = sb_task_card_new ();

  sb_task_card_set_list_item (SB_TASK_CARD (card), item);
  gtk_list_item_set_child (item, card);
}

/* Only properties of the task: no query here, whatever the column's size. */
static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 SbBoardColumn            *self)
{
  SbTaskCard *card = SB_TASK_CARD (gtk_list_item_get_child (item));

  sb_task_card_set_column_name (card, sb_column_get_name (self->column));
  sb_task_card_set_task (card, gtk_list_item_get_item (item));
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   SbBoardColumn            *self)
{
  sb_task_card_set_task (SB_TASK_CARD (gtk_list_item_get_child (item)), NULL);
}

static void
on_factory_teardown (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     SbBoardColumn            *self)
{
  GtkWidget *card = gtk_list_item_get_child (item);

  if (card != NULL)
    sb_task_card_set_list_item (SB_TASK_CARD (card), NULL);
  gtk_list_item_set_child (item, NULL);
}

static void
on_list_view_activate (GtkListView   *list_view,
                       guint          position,
                       SbBoardColumn *self)
{
  g_autoptr(SbTask) task = g_list_model_get_item (self->tasks, position);
  SbBoardView *view = get_view (self);

  if (task != NULL && view != NULL && sb_task_get_id (task) != 0)
    _sb_board_view_activate_task (view, task);
}

static GdkDragAction
on_drop_target_enter (GtkDropTarget *target,
                      double         x,
                      double         y,
                      SbBoardColumn *self)
{
  self->drag_y = y;
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-target");
  show_drop_indicator (self, y);
  update_autoscroll (self, y);
  return GDK_ACTION_MOVE;
}

static GdkDragAction
on_drop_target_motion (GtkDropTarget *target,
                       double         x,
                       double         y,
                       SbBoardColumn *self)
{
  self->drag_y = y;
  show_drop_indicator (self, y);
  update_autoscroll (self, y);
  return GDK_ACTION_MOVE;
}

static void
on_drop_target_leave (GtkDropTarget *target,
                      SbBoardColumn *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
  hide_drop_indicator (self);
  stop_autoscroll (self);
}

static gboolean
on_drop_target_drop (GtkDropTarget *target,
                     const GValue  *value,
                     double         x,
                     double         y,
                     SbBoardColumn *self)
{
  SbBoardView *view = get_view (self);
  SbColumn *from = NULL;
  guint from_position = 0;
  guint index;
  SbTask *task;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
  hide_drop_indicator (self);
  stop_autoscroll (self);

  if (view == NULL || !G_VALUE_HOLDS (value, SB_TYPE_TASK))
    return FALSE;
  task = g_value_get_object (value);
  /* Only a task of this board, as shown now (not a stand-in, not filtered out). */
  if (task == NULL || sb_task_get_id (task) == 0
      || !sb_board_find_task (self->board, task, &from, &from_position))
    return FALSE;

  index = compute_drop_index (self, y, NULL);
  if (from == self->column)
    {
      /* Positions count the column without the task itself. */
      if (index > from_position)
        index--;
      if (index == from_position)
        return TRUE;
    }
  return _sb_board_view_move_task (view, task, self->column, index, TRUE);
}

static void
add_task (SbBoardColumn *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  g_autofree char *title = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;
  SbBoardView *view;

  if (title[0] == '\0')
    return;

  task = sb_board_add_task (self->board, self->column, G_MAXUINT, title, &error);
  if (task == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_popover_popdown (self->add_popover);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), "");
  view = get_view (self);
  if (view != NULL)
    sb_board_view_focus_task (view, task);
}

static void
on_title_entry_activate (GtkEntry      *entry,
                         SbBoardColumn *self)
{
  add_task (self);
}

static void
on_title_entry_changed (GtkEditable   *editable,
                        SbBoardColumn *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "column.add-task", title[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
on_add_popover_closed (GtkPopover    *popover,
                       SbBoardColumn *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
sb_board_column_add_task_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  add_task (SB_BOARD_COLUMN (widget));
}

/* The list view is given every task: no more growing. */
static void
show_all_rows (SbBoardColumn *self)
{
  if (self->grow_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->grow_id);
      self->grow_id = 0;
    }
  if (self->shown != NULL && gtk_slice_list_model_get_size (self->shown) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
}

static gboolean
grow_rows (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  SbBoardColumn *self = SB_BOARD_COLUMN (widget);
  guint size = gtk_slice_list_model_get_size (self->shown);

  /* The first tick comes before the first frame: that one keeps FIRST_ROWS. */
  if (self->grow_frames++ == 0)
    return G_SOURCE_CONTINUE;

  size += ROWS_PER_FRAME;
  if (size >= ALL_ROWS || size >= g_list_model_get_n_items (self->tasks))
    {
      self->grow_id = 0;
      gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (self->shown, size);
  return G_SOURCE_CONTINUE;
}

static void
sb_board_column_constructed (GObject *object)
{
  SbBoardColumn *self = SB_BOARD_COLUMN (object);
  g_autofree char *tooltip = NULL;
  const char *name;

  G_OBJECT_CLASS (sb_board_column_parent_class)->constructed (object);

  g_assert (self->board != NULL && self->column != NULL);

  name = sb_column_get_name (self->column);
  gtk_label_set_text (self->name_label, name);

  /* Translators: %s is a column's name. */
  tooltip = g_strdup_printf (_("Add a task to %s"), name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->add_button),
                                          g_variant_new_int64 (sb_column_get_id (self->column)));

  self->tasks = sb_column_get_tasks (self->column);
  g_assert (self->tasks != NULL);
  self->shown = gtk_slice_list_model_new (g_object_ref (self->tasks), 0, FIRST_ROWS);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  self->grow_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), grow_rows, NULL, NULL);
  self->items_changed_handler = g_signal_connect (self->tasks, "items-changed",
                                                  G_CALLBACK (on_tasks_items_changed), self);
  update_count (self);
}

static void
sb_board_column_dispose (GObject *object)
{
  SbBoardColumn *self = SB_BOARD_COLUMN (object);
  GtkWidget *child;

  stop_autoscroll (self);
  if (self->grow_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->grow_id);
      self->grow_id = 0;
    }
  if (self->tasks != NULL)
    g_clear_signal_handler (&self->items_changed_handler, self->tasks);
  self->tasks = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_BOARD_COLUMN);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->column);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (sb_board_column_parent_class)->dispose (object);
}

static void
sb_board_column_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SbBoardColumn *self = SB_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;
    case PROP_COLUMN:
      g_value_set_object (value, self->column);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_board_column_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SbBoardColumn *self = SB_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      self->board = g_value_dup_object (value);
      break;
    case PROP_COLUMN:
      self->column = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_board_column_class_init (SbBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_board_column_constructed;
  object_class->dispose = sb_board_column_dispose;
  object_class->get_property = sb_board_column_get_property;
  object_class->set_property = sb_board_column_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         SB_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] =
    g_param_spec_object ("column", NULL, NULL,
                         SB_TYPE_COLUMN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/sprintboard/Sprintboard/sb-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, SbBoardColumn, header);
  gtk_widget_class_bind_template_child (widget_class, SbBoardColumn, name_label);
  gtk_widget_class_bind_template_child (widget_class, SbBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, SbBoardColumn, add_button);
  gtk_widget_class_bind_template_child (widget_class, SbBoardColumn, list_overlay);
  gtk_widget_class_bind_template_child (widget_class, SbBoardColumn, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SbBoardColumn, list_view);
  gtk_widget_class_bind_template_child (widget_class, SbBoardColumn, empty_label);
  gtk_widget_class_bind_template_child (widget_class, SbBoardColumn, drop_indicator);
  gtk_widget_class_bind_template_child (widget_class, SbBoardColumn, add_popover);
  gtk_widget_class_bind_template_child (widget_class, SbBoardColumn, title_entry);
  gtk_widget_class_bind_template_child (widget_class, SbBoardColumn, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, SbBoardColumn, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_teardown);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_title_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_add_popover_closed);

  gtk_widget_class_install_action (widget_class, "column.add-task", NULL,
                                   sb_board_column_add_task_action);

  gtk_widget_class_set_css_name (widget_class, "boardcolumn");
}

static void
sb_board_column_init (SbBoardColumn *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->drop_target = gtk_drop_target_new (SB_TYPE_TASK, GDK_ACTION_MOVE);
  g_signal_connect (self->drop_target, "enter", G_CALLBACK (on_drop_target_enter), self);
  g_signal_connect (self->drop_target, "motion", G_CALLBACK (on_drop_target_motion), self);
  g_signal_connect (self->drop_target, "leave", G_CALLBACK (on_drop_target_leave), self);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (on_drop_target_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_overlay),
                             GTK_EVENT_CONTROLLER (self->drop_target));

  g_signal_connect (self->title_entry, "changed", G_CALLBACK (on_title_entry_changed), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "column.add-task", FALSE);
}

GtkWidget *
sb_board_column_new (SbBoard  *board,
                     SbColumn *column)
{
  g_return_val_if_fail (SB_IS_BOARD (board), NULL);
  g_return_val_if_fail (SB_IS_COLUMN (column), NULL);

  return g_object_new (SB_TYPE_BOARD_COLUMN,
                       "board", board,
                       "column", column,
                       NULL);
}

SbBoard *
sb_board_column_get_board (SbBoardColumn *self)
{
  g_return_val_if_fail (SB_IS_BOARD_COLUMN (self), NULL);

  return self->board;
}

SbColumn *
sb_board_column_get_column (SbBoardColumn *self)
{
  g_return_val_if_fail (SB_IS_BOARD_COLUMN (self), NULL);

  return self->column;
}

GtkListView *
sb_board_column_get_list_view (SbBoardColumn *self)
{
  g_return_val_if_fail (SB_IS_BOARD_COLUMN (self), NULL);

  return self->list_view;
}

/**
 * sb_board_column_get_drop_target:
 *
 * The column's drop target, on the list area; its coordinates are those of the list area
 * (the list view's scrolled window, with the drop indicator over it).
 *
 * Returns: (transfer none): the drop target
 */
GtkDropTarget *
sb_board_column_get_drop_target (SbBoardColumn *self)
{
  g_return_val_if_fail (SB_IS_BOARD_COLUMN (self), NULL);

  return self->drop_target;
}

/* Where a drop at @y (drop target coordinates) would put a task, counting the tasks shown. */
guint
sb_board_column_get_drop_index (SbBoardColumn *self,
                                double         y)
{
  g_return_val_if_fail (SB_IS_BOARD_COLUMN (self), 0);

  return compute_drop_index (self, y, NULL);
}

void
sb_board_column_show_add_popover (SbBoardColumn *self)
{
  graphene_rect_t bounds;

  g_return_if_fail (SB_IS_BOARD_COLUMN (self));

  if (gtk_widget_compute_bounds (GTK_WIDGET (self->add_button), GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (self->add_popover,
                                 &(GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                                   (int) bounds.size.width,
                                                   (int) bounds.size.height });
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_popover_popup (self->add_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

/**
 * sb_board_column_find_card:
 *
 * Returns: (transfer none) (nullable): the card showing @task, if the list view made one
 */
GtkWidget *
sb_board_column_find_card (SbBoardColumn *self,
                           SbTask        *task)
{
  g_return_val_if_fail (SB_IS_BOARD_COLUMN (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      SbTaskCard *card = row_get_card (row);

      if (card != NULL && sb_task_card_get_task (card) == task)
        return GTK_WIDGET (card);
    }
  return NULL;
}

/* Scrolls the list to @position and focuses @task's card there; FALSE when the list view has
 * not made that card yet (it will on its next layout). */
gboolean
sb_board_column_focus_task (SbBoardColumn *self,
                            SbTask        *task,
                            guint          position)
{
  GtkWidget *card;

  g_return_val_if_fail (SB_IS_BOARD_COLUMN (self), FALSE);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->shown)))
    show_all_rows (self);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              position);
  card = sb_board_column_find_card (self, task);
  return card != NULL && gtk_widget_grab_focus (card);
}
