/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n.h>

#include "sb-workspace.h"
#include "sb-board-view-private.h"
#include "sb-ui.h"

/* How many frames sb_board_view_focus_task() waits for the list view to make the card. */
#define FOCUS_MAX_FRAMES 30

struct _SbBoardView
{
  AdwBin             parent_instance;

  SbBoard           *board;
  SbWorkspace       *workspace;
  gulong             columns_changed_handler;
  gulong             project_handler;
  gulong             employee_handler;
  gboolean           can_delete;
  AdwToast          *toast;           /* weak: the last toast shown */
  SbTask            *pending_focus;
  guint              pending_focus_id;
  guint              pending_focus_frames;

  /* Template children */
  GtkScrolledWindow *scrolled_window;
  GtkBox            *columns_box;
};

enum
{
  PROP_0,
  PROP_BOARD,
  PROP_CAN_DELETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  TASK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbBoardView, sb_board_view, ADW_TYPE_BIN)

/* What an Undo button needs once the view may be gone. */
typedef struct
{
  SbBoardView *view;    /* weak */
  SbBoard     *board;
  SbTask      *task;
  gint64       column_id;
  guint        position;
} Undo;

static Undo *
undo_new (SbBoardView *view,
          SbTask      *task,
          gint64       column_id,
          guint        position)
{
  Undo *undo = g_new0 (Undo, 1);

  g_set_weak_pointer (&undo->view, view);
  undo->board = g_object_ref (view->board);
  undo->task = g_object_ref (task);
  undo->column_id = column_id;
  undo->position = position;
  return undo;
}

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_weak_pointer (&undo->view);
  g_clear_object (&undo->board);
  g_clear_object (&undo->task);
  g_free (undo);
}

static void
undo_closure_notify (gpointer  data,
                     GClosure *closure)
{
  undo_free (data);
}

static void
show_toast (SbBoardView *self,
            AdwToast    *toast)
{
  g_autoptr(AdwToast) owned = toast;
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    return;
  /* One toast at a time: the newest move is the one to undo. */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_steal_pointer (&owned));
}

static void
show_error_toast (SbBoardView  *self,
                  const GError *error)
{
  show_toast (self, sb_ui_toast_new (error->message));
}

static guint
column_index (SbBoardView *self,
              SbColumn    *column)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->board));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbColumn) other = g_list_model_get_item (G_LIST_MODEL (self->board), i);

      if (other == column)
        return i;
    }
  return G_MAXUINT;
}

static void
update_can_delete (SbBoardView *self)
{
  gint64 me = self->workspace != NULL
                ? sb_workspace_get_current_employee_id (self->workspace) : 0;
  gint64 manager = self->board != NULL
                     ? sb_project_get_manager_id (sb_board_get_project (self->board)) : 0;

  if (self->can_delete == (me != 0 && me == manager))
    return;
  self->can_delete = !self->can_delete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_DELETE]);
}

static void
remove_columns (SbBoardView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_box_remove (self->columns_box, child);
}

static void
rebuild_columns (SbBoardView *self)
{
  guint n;

  remove_columns (self);
  if (self->board == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->board));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (G_LIST_MODEL (self->board), i);

      gtk_box_append (self->columns_box, sb_board_column_new (self->board, column));
    }
}

static void
cancel_pending_focus (SbBoardView *self)
{
  if (self->pending_focus_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_focus_id);
      self->pending_focus_id = 0;
    }
  g_clear_object (&self->pending_focus);
}

/* TRUE when done: the card has focus, or the task is not on the board any more. */
static gboolean
try_focus_task (SbBoardView *self,
                SbTask      *task)
{
  SbBoardColumn *column_widget;
  SbColumn *column = NULL;
  guint position = 0;
  graphene_rect_t bounds;

  if (self->board == NULL || !sb_board_find_task (self->board, task, &column, &position))
    return TRUE;
  column_widget = _sb_board_view_get_column_widget (self, sb_column_get_id (column));
  if (column_widget == NULL)
    return TRUE;

  if (gtk_widget_compute_bounds (GTK_WIDGET (column_widget), GTK_WIDGET (self->columns_box),
                                 &bounds))
    gtk_adjustment_clamp_page (gtk_scrolled_window_get_hadjustment (self->scrolled_window),
                               bounds.origin.x, bounds.origin.x + bounds.size.width);
  return sb_board_column_focus_task (column_widget, task, position);
}

static gboolean
pending_focus_tick (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  SbBoardView *self = SB_BOARD_VIEW (widget);

  if (try_focus_task (self, self->pending_focus)
      || ++self->pending_focus_frames >= FOCUS_MAX_FRAMES)
    {
      self->pending_focus_id = 0;
      g_clear_object (&self->pending_focus);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
on_move_toast_button_clicked (AdwToast *toast,
                              Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  SbColumn *column = sb_board_get_column_by_id (undo->board, undo->column_id);

  if (column == NULL)
    return;
  if (!sb_board_move_task (undo->board, undo->task, column, undo->position, &error))
    {
      if (undo->view != NULL)
        show_error_toast (undo->view, error);
      return;
    }
  if (undo->view != NULL)
    sb_board_view_focus_task (undo->view, undo->task);
}

static void
on_task_undeleted (SbTask       *task,
                   const GError *error,
                   gpointer      data)
{
  Undo *undo = data;

  if (undo->view == NULL)
    return;
  if (error != NULL)
    show_error_toast (undo->view, error);
  else
    sb_board_view_focus_task (undo->view, task);
}

static void
on_board_items_changed (GListModel  *model,
                        guint        position,
                        guint        removed,
                        guint        added,
                        SbBoardView *self)
{
  rebuild_columns (self);
}

static void
on_workspace_current_employee_notify (SbWorkspace *workspace,
                                      GParamSpec  *pspec,
                                      SbBoardView *self)
{
  update_can_delete (self);
}

static void
sb_board_view_add_task_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  SbBoardView *self = SB_BOARD_VIEW (widget);
  SbBoardColumn *column = _sb_board_view_get_column_widget (self,
                                                            g_variant_get_int64 (parameter));

  if (column != NULL)
    sb_board_column_show_add_popover (column);
}

static void
sb_board_view_dispose (GObject *object)
{
  SbBoardView *self = SB_BOARD_VIEW (object);

  cancel_pending_focus (self);
  sb_board_view_set_board (self, NULL);
  g_clear_weak_pointer (&self->toast);
  /* AdwBin unparents its child itself: let it, before the template forgets it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_BOARD_VIEW);

  G_OBJECT_CLASS (sb_board_view_parent_class)->dispose (object);
}

static void
sb_board_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SbBoardView *self = SB_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;
    case PROP_CAN_DELETE:
      g_value_set_boolean (value, self->can_delete);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_board_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SbBoardView *self = SB_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      sb_board_view_set_board (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_board_view_class_init (SbBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_board_view_dispose;
  object_class->get_property = sb_board_view_get_property;
  object_class->set_property = sb_board_view_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         SB_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SbBoardView:can-delete:
   *
   * Whether the signed-in employee manages the project, so that the cards' Delete is enabled.
   */
  properties[PROP_CAN_DELETE] =
    g_param_spec_boolean ("can-delete", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbBoardView::task-activated:
   * @task: the task to open
   *
   * A card was opened: Enter, a double click, or Open in its menu.
   */
  signals[TASK_ACTIVATED] =
    g_signal_new ("task-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SB_TYPE_TASK);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/sprintboard/Sprintboard/sb-board-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SbBoardView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SbBoardView, columns_box);

  /* The card actions (board.move-left, …) are the cards' own: see sb-task-card.c. No
   * shortcuts here: the window binds them all. */
  gtk_widget_class_install_action (widget_class, "board.add-task", "x",
                                   sb_board_view_add_task_action);

  gtk_widget_class_set_css_name (widget_class, "boardview");

  g_type_ensure (SB_TYPE_BOARD_COLUMN);
  g_type_ensure (SB_TYPE_TASK_CARD);
}

static void
sb_board_view_init (SbBoardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sb_board_view_new (SbBoard *board)
{
  g_return_val_if_fail (board == NULL || SB_IS_BOARD (board), NULL);

  return g_object_new (SB_TYPE_BOARD_VIEW, "board", board, NULL);
}

SbBoard *
sb_board_view_get_board (SbBoardView *self)
{
  g_return_val_if_fail (SB_IS_BOARD_VIEW (self), NULL);

  return self->board;
}

void
sb_board_view_set_board (SbBoardView *self,
                         SbBoard     *board)
{
  g_return_if_fail (SB_IS_BOARD_VIEW (self));
  g_return_if_fail (board == NULL || SB_IS_BOARD (board));

  if (self->board == board)
    return;

  cancel_pending_focus (self);
  if (self->board != NULL)
    {
      g_clear_signal_handler (&self->columns_changed_handler, self->board);
      g_clear_signal_handler (&self->project_handler, self->board);
    }
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->employee_handler, self->workspace);
  g_clear_object (&self->workspace);
  g_set_object (&self->board, board);

  if (board != NULL)
    {
      self->workspace = g_object_ref (sb_board_get_workspace (board));
      self->columns_changed_handler =
        g_signal_connect (board, "items-changed", G_CALLBACK (on_board_items_changed), self);
      /* Another manager: Delete follows. */
      self->project_handler =
        g_signal_connect_swapped (board, "notify::project", G_CALLBACK (update_can_delete),
                                  self);
      self->employee_handler =
        g_signal_connect (self->workspace, "notify::current-employee",
                          G_CALLBACK (on_workspace_current_employee_notify), self);
    }
  rebuild_columns (self);
  update_can_delete (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

/**
 * sb_board_view_focus_task:
 * @task: a task of the board
 *
 * Scrolls to @task's card and gives it the keyboard focus (on the next frames if the list has
 * not made the card yet).
 */
void
sb_board_view_focus_task (SbBoardView *self,
                          SbTask      *task)
{
  g_return_if_fail (SB_IS_BOARD_VIEW (self));
  g_return_if_fail (SB_IS_TASK (task));

  cancel_pending_focus (self);
  if (try_focus_task (self, task))
    return;
  self->pending_focus = g_object_ref (task);
  self->pending_focus_frames = 0;
  self->pending_focus_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), pending_focus_tick,
                                                         NULL, NULL);
}

/**
 * sb_board_view_focus_first:
 *
 * Gives the keyboard focus to the first card of the first column that has one (on the next
 * frames if the list has not made it yet), or, on an empty board, to the first column.
 */
void
sb_board_view_focus_first (SbBoardView *self)
{
  g_return_if_fail (SB_IS_BOARD_VIEW (self));

  if (self->board == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->board)); i++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (G_LIST_MODEL (self->board), i);
      GListModel *tasks = sb_column_get_tasks (column);

      if (g_list_model_get_n_items (tasks) > 0)
        {
          g_autoptr(SbTask) task = g_list_model_get_item (tasks, 0);

          sb_board_view_focus_task (self, task);
          return;
        }
    }
  gtk_widget_child_focus (GTK_WIDGET (self->columns_box), GTK_DIR_TAB_FORWARD);
}

/* Private API, for the columns, the cards and the tests. */

gboolean
_sb_board_view_get_can_delete (SbBoardView *self)
{
  return self->can_delete;
}

SbBoardColumn *
_sb_board_view_get_column_widget (SbBoardView *self,
                                  gint64       column_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SbColumn *column = sb_board_column_get_column (SB_BOARD_COLUMN (child));

      if (sb_column_get_id (column) == column_id)
        return SB_BOARD_COLUMN (child);
    }
  return NULL;
}

/* Open, Move to ▸ (the other columns), and a slot for the Delete button. */
GMenuModel *
_sb_board_view_create_card_menu (SbBoardView *self,
                                 SbTask      *task)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open_section = g_menu_new ();
  g_autoptr(GMenu) move_to = g_menu_new ();
  g_autoptr(GMenu) delete_section = g_menu_new ();
  g_autoptr(GMenuItem) delete_item = g_menu_item_new (NULL, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->board));

  g_menu_append (open_section, _("_Open"), "board.open-task");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (G_LIST_MODEL (self->board), i);
      g_autoptr(GMenuItem) item = NULL;

      if (sb_column_get_id (column) == sb_task_get_column_id (task))
        continue;
      item = g_menu_item_new (sb_column_get_name (column), NULL);
      g_menu_item_set_action_and_target_value (item, "board.move-to",
                                               g_variant_new_int64 (sb_column_get_id (column)));
      g_menu_append_item (move_to, item);
    }
  g_menu_append_submenu (open_section, _("_Move To"), G_MENU_MODEL (move_to));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open_section));

  g_menu_item_set_attribute (delete_item, "custom", "s", "delete");
  g_menu_append_item (delete_section, delete_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (delete_section));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

void
_sb_board_view_activate_task (SbBoardView *self,
                              SbTask      *task)
{
  g_signal_emit (self, signals[TASK_ACTIVATED], 0, task);
}

/* Moves @task @columns to the right (left when negative) keeping its place, or @places down
 * (up) in its column; nothing at the edges. */
void
_sb_board_view_move_task_by (SbBoardView *self,
                             SbTask      *task,
                             int          columns,
                             int          places)
{
  g_autoptr(SbColumn) target = NULL;
  SbColumn *column = NULL;
  guint position = 0;
  guint n_columns;
  guint index;

  if (self->board == NULL || !sb_board_find_task (self->board, task, &column, &position))
    return;

  if (places != 0)
    {
      guint n = g_list_model_get_n_items (sb_column_get_tasks (column));

      if ((places < 0 && position == 0) || (places > 0 && position + 1 >= n))
        return;
      /* Positions count the column without the task itself: one down is position + 1. */
      _sb_board_view_move_task (self, task, column, position + places, FALSE);
      return;
    }

  n_columns = g_list_model_get_n_items (G_LIST_MODEL (self->board));
  index = column_index (self, column);
  if ((columns < 0 && index == 0) || (columns > 0 && index + 1 >= n_columns))
    return;
  target = g_list_model_get_item (G_LIST_MODEL (self->board), index + columns);
  _sb_board_view_move_task (self, task, target,
                            MIN (position, g_list_model_get_n_items (sb_column_get_tasks (target))),
                            TRUE);
}

/* Moves @task to the end of the column @column_id. */
void
_sb_board_view_move_task_to (SbBoardView *self,
                             SbTask      *task,
                             gint64       column_id)
{
  SbColumn *column = self->board != NULL ? sb_board_get_column_by_id (self->board, column_id)
                                         : NULL;

  if (column != NULL && sb_task_get_column_id (task) != column_id)
    _sb_board_view_move_task (self, task, column, G_MAXUINT, TRUE);
}

/* Deletes @task (the project's manager only), keeps the focus in its column, and offers Undo. */
void
_sb_board_view_delete_task (SbBoardView *self,
                            SbTask      *task)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) next = NULL;
  SbColumn *column = NULL;
  guint position = 0;
  AdwToast *toast;

  if (!self->can_delete || self->board == NULL
      || !sb_board_find_task (self->board, task, &column, &position))
    return;

  toast = sb_ui_delete_task (self->workspace, task, on_task_undeleted,
                             undo_new (self, task, sb_column_get_id (column), position),
                             undo_free, &error);
  if (toast == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  /* Focus stays in the column: on the card that took the deleted one's place. */
  next = g_list_model_get_item (sb_column_get_tasks (column), position);
  if (next == NULL && position > 0)
    next = g_list_model_get_item (sb_column_get_tasks (column), position - 1);
  if (next != NULL)
    sb_board_view_focus_task (self, next);

  show_toast (self, toast);
}

/* Moves @task with sb_board_move_task(), keeps its card focused, and says so in a toast with
 * Undo when @with_toast. */
gboolean
_sb_board_view_move_task (SbBoardView *self,
                          SbTask      *task,
                          SbColumn    *column,
                          guint        position,
                          gboolean     with_toast)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  SbColumn *from = NULL;
  guint from_position = 0;
  AdwToast *toast;

  if (self->board == NULL || !sb_board_find_task (self->board, task, &from, &from_position))
    return FALSE;
  if (!sb_board_move_task (self->board, task, column, position, &error))
    {
      show_error_toast (self, error);
      return FALSE;
    }
  sb_board_view_focus_task (self, task);
  if (!with_toast)
    return TRUE;

  /* Translators: "Moved WEB-12 to Done": a task's key, then a column's name. */
  title = g_strdup_printf (_("Moved %s to %s"), sb_task_get_key (task),
                           sb_column_get_name (column));
  toast = sb_ui_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_move_toast_button_clicked),
                         undo_new (self, task, sb_column_get_id (from), from_position),
                         undo_closure_notify, 0);
  show_toast (self, toast);
  return TRUE;
}
