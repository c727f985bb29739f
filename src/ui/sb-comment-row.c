/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n.h>

#include "sb-comment.h"
#include "sb-comment-row.h"
#include "sb-editor-format.h"

struct _SbCommentRow
{
  GtkListBoxRow  parent_instance;

  SbComment     *comment;
  gboolean       editable;
  gboolean       editing;

  AdwAvatar     *avatar;
  GtkLabel      *author_label;
  GtkLabel      *time_label;
  GtkButton     *edit_button;
  GtkButton     *delete_button;
  GtkStack      *stack;
  GtkLabel      *body_label;
  GtkTextView   *edit_view;
  GtkLabel      *error_label;
};

enum
{
  SIGNAL_EDIT_SAVED,
  SIGNAL_DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbCommentRow, sb_comment_row, GTK_TYPE_LIST_BOX_ROW)

static void
sb_comment_row_update_actions (SbCommentRow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comment.edit",
                                 self->editable && !self->editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comment.delete",
                                 self->editable && !self->editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comment.save-edit", self->editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comment.cancel-edit", self->editing);
}

static void
sb_comment_row_set_editing (SbCommentRow *self,
                            gboolean      editing)
{
  self->editing = editing;
  gtk_stack_set_visible_child_name (self->stack, editing ? "edit" : "view");
  sb_comment_row_set_error (self, NULL);
  if (editing)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->edit_view);

      gtk_text_buffer_set_text (buffer, sb_comment_get_body (self->comment), -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->edit_view));
    }
  sb_comment_row_update_actions (self);
}

static void
comment_edit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sb_comment_row_set_editing (SB_COMMENT_ROW (widget), TRUE);
}

static void
comment_cancel_edit_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  sb_comment_row_set_editing (SB_COMMENT_ROW (widget), FALSE);
}

static void
comment_save_edit_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SbCommentRow *self = SB_COMMENT_ROW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->edit_view);
  GtkTextIter start, end;
  g_autofree char *body = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* The handler may replace this row (the thread is read again); keep it alive meanwhile. */
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_EDIT_SAVED], 0, body);
  g_object_unref (self);
}

static void
comment_delete_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SbCommentRow *self = SB_COMMENT_ROW (widget);

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_DELETE_REQUESTED], 0);
  g_object_unref (self);
}

static void
sb_comment_row_dispose (GObject *object)
{
  SbCommentRow *self = SB_COMMENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_COMMENT_ROW);
  g_clear_object (&self->comment);

  G_OBJECT_CLASS (sb_comment_row_parent_class)->dispose (object);
}

static void
sb_comment_row_class_init (SbCommentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_comment_row_dispose;

  /**
   * SbCommentRow::edit-saved:
   * @body: the edited text
   *
   * The author saved an edit; the handler asks the model and reads the thread again, or
   * shows the model's refusal with sb_comment_row_set_error().
   */
  signals[SIGNAL_EDIT_SAVED] =
    g_signal_new ("edit-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * SbCommentRow::delete-requested:
   *
   * The author asked to delete the comment.
   */
  signals[SIGNAL_DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sprintboard/Sprintboard/"
                                               "sb-comment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SbCommentRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, SbCommentRow, author_label);
  gtk_widget_class_bind_template_child (widget_class, SbCommentRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, SbCommentRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SbCommentRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SbCommentRow, stack);
  gtk_widget_class_bind_template_child (widget_class, SbCommentRow, body_label);
  gtk_widget_class_bind_template_child (widget_class, SbCommentRow, edit_view);
  gtk_widget_class_bind_template_child (widget_class, SbCommentRow, error_label);

  gtk_widget_class_install_action (widget_class, "comment.edit", NULL, comment_edit_action);
  gtk_widget_class_install_action (widget_class, "comment.delete", NULL,
                                   comment_delete_action);
  gtk_widget_class_install_action (widget_class, "comment.save-edit", NULL,
                                   comment_save_edit_action);
  gtk_widget_class_install_action (widget_class, "comment.cancel-edit", NULL,
                                   comment_cancel_edit_action);

  /* Shortcuts */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "comment.save-edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "comment.cancel-edit", NULL);
}

static void
sb_comment_row_init (SbCommentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sb_comment_row_update_actions (self);
}

/**
 * sb_comment_row_update_time:
 * @now: unix seconds
 *
 * Says again how long ago the comment was written ("5 min ago"), as seen at @now.
 */
void
sb_comment_row_update_time (SbCommentRow *self,
                            gint64        now)
{
  SbComment *comment;
  g_autofree char *relative = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (SB_IS_COMMENT_ROW (self));

  comment = self->comment;
  relative = sb_editor_format_relative_time (sb_comment_get_created_at (comment), now);
  if (sb_comment_get_edited_at (comment) > 0)
    {
      /* Translators: when a comment was written, and that it was changed since. */
      g_autofree char *edited = g_strdup_printf (_("%s · edited"), relative);

      g_free (relative);
      relative = g_steal_pointer (&edited);
    }
  gtk_label_set_text (self->time_label, relative);

  /* Translators: a comment as a screen reader names it: author, time. */
  accessible = g_strdup_printf (_("Comment by %s, %s"), sb_comment_get_author_name (comment),
                                relative);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

GtkWidget *
sb_comment_row_new (SbComment *comment,
                    gboolean   editable,
                    gint64     now)
{
  SbCommentRow *self;
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (SB_IS_COMMENT (comment), NULL);

  self = g_object_new (SB_TYPE_COMMENT_ROW, NULL);
  self->comment = g_object_ref (comment);
  self->editable = editable;

  absolute = sb_editor_format_absolute_time (sb_comment_get_created_at (comment));
  adw_avatar_set_text (self->avatar, sb_comment_get_author_name (comment));
  gtk_label_set_text (self->author_label, sb_comment_get_author_name (comment));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), absolute);
  gtk_label_set_text (self->body_label, sb_comment_get_body (comment));
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), editable);
  sb_comment_row_update_time (self, now);

  sb_comment_row_update_actions (self);
  return GTK_WIDGET (self);
}

SbComment *
sb_comment_row_get_comment (SbCommentRow *self)
{
  g_return_val_if_fail (SB_IS_COMMENT_ROW (self), NULL);

  return self->comment;
}

gboolean
sb_comment_row_get_editing (SbCommentRow *self)
{
  g_return_val_if_fail (SB_IS_COMMENT_ROW (self), FALSE);

  return self->editing;
}

void
sb_comment_row_set_error (SbCommentRow *self,
                          const char   *message)
{
  g_return_if_fail (SB_IS_COMMENT_ROW (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}
