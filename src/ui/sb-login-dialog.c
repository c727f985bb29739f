/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n.h>

#include "sb-login-dialog.h"

/* The sign-in and create-account dialog shown when nobody is signed in. Password hashing runs
 * in a thread (the workspace's _async calls); the dialog only shows a spinner meanwhile.
 * ::signed-in is emitted once the workspace has a signed-in employee. */
struct _SbLoginDialog
{
  AdwWindow       parent_instance;

  SbWorkspace    *workspace;
  GCancellable   *cancellable;
  gboolean        busy;

  GtkButton      *back_button;
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  AdwEntryRow    *sign_in_email;
  GtkLabel       *sign_in_email_error;
  AdwEntryRow    *sign_in_password;
  GtkLabel       *sign_in_password_error;
  GtkCheckButton *remember_check;
  GtkLabel       *remember_unavailable_label;
  GtkButton      *sign_in_button;
  GtkSpinner     *sign_in_spinner;
  AdwEntryRow    *sign_up_name;
  GtkLabel       *sign_up_name_error;
  AdwEntryRow    *sign_up_email;
  GtkLabel       *sign_up_email_error;
  AdwEntryRow    *sign_up_password;
  AdwEntryRow    *sign_up_confirm;
  GtkLabel       *sign_up_password_error;
  GtkButton      *sign_up_button;
  GtkSpinner     *sign_up_spinner;
};

enum
{
  PROP_0,
  PROP_WORKSPACE,
  PROP_BUSY,
  N_PROPS
};

enum
{
  SIGNED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbLoginDialog, sb_login_dialog, ADW_TYPE_WINDOW)

/* Shows @message under a field (and marks its row), or hides it when @message is NULL. */
static void
show_field_error (GtkLabel   *label,
                  GtkWidget  *row,
                  const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : "",
                                  -1);
}

static void
clear_errors (SbLoginDialog *self)
{
  show_field_error (self->sign_in_email_error, GTK_WIDGET (self->sign_in_email), NULL);
  show_field_error (self->sign_in_password_error, GTK_WIDGET (self->sign_in_password), NULL);
  show_field_error (self->sign_up_name_error, GTK_WIDGET (self->sign_up_name), NULL);
  show_field_error (self->sign_up_email_error, GTK_WIDGET (self->sign_up_email), NULL);
  show_field_error (self->sign_up_password_error, GTK_WIDGET (self->sign_up_password), NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->sign_up_confirm), "error");
}

static gboolean
is_sign_up_page (SbLoginDialog *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "sign-up") == 0;
}

static void
update_actions (SbLoginDialog *self)
{
  gboolean sign_up = is_sign_up_page (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.sign-in", !self->busy && !sign_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.sign-up", !self->busy && sign_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.show-sign-up", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.show-sign-in", !self->busy);
}

static void
set_busy (SbLoginDialog *self,
          gboolean       busy)
{
  GtkSpinner *spinner = is_sign_up_page (self) ? self->sign_up_spinner : self->sign_in_spinner;
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (self->busy == busy)
    return;
  self->busy = busy;

  gtk_widget_set_visible (GTK_WIDGET (spinner), busy);
  gtk_spinner_set_spinning (spinner, busy);
  /* The entries keep their text but cannot change while the password is hashed. */
  gtk_widget_set_sensitive (page, !busy);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
signed_in (SbLoginDialog *self,
           gboolean       remember)
{
  set_busy (self, FALSE);
  g_signal_emit (self, signals[SIGNED_IN], 0, remember);
}

/* The model's one generic message for a failed sign-in, under the password. */
static void
on_login_finished (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SbLoginDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sb_workspace_login_finish (SB_WORKSPACE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_field_error (self->sign_in_password_error, GTK_WIDGET (self->sign_in_password),
                        error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->sign_in_password));
      return;
    }

  signed_in (self, gtk_widget_get_visible (GTK_WIDGET (self->remember_check))
                   && gtk_check_button_get_active (self->remember_check));
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SbLoginDialog *self = SB_LOGIN_DIALOG (widget);
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->sign_in_email));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->sign_in_password));
  gboolean ok = TRUE;

  clear_errors (self);
  if (*email == '\0')
    {
      show_field_error (self->sign_in_email_error, GTK_WIDGET (self->sign_in_email),
                        _("Enter the email address of your account"));
      ok = FALSE;
    }
  if (*password == '\0')
    {
      show_field_error (self->sign_in_password_error, GTK_WIDGET (self->sign_in_password),
                        _("Enter your password"));
      ok = FALSE;
    }
  if (!ok)
    {
      gtk_widget_grab_focus (*email == '\0' ? GTK_WIDGET (self->sign_in_email)
                                            : GTK_WIDGET (self->sign_in_password));
      return;
    }

  set_busy (self, TRUE);
  sb_workspace_login_async (self->workspace, email, password, self->cancellable,
                            on_login_finished, g_object_ref (self));
}

static void
on_sign_up_finished (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SbLoginDialog) self = user_data;
  g_autoptr(SbEmployee) employee = NULL;
  g_autoptr(GError) error = NULL;

  employee = sb_workspace_signup_finish (SB_WORKSPACE (source), result, &error);
  if (employee == NULL)
    {
      GtkLabel *label = self->sign_up_name_error;
      GtkWidget *row = GTK_WIDGET (self->sign_up_name);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      /* The model's message names the problem; put it under the field it concerns. */
      if (g_error_matches (error, SB_MODEL_ERROR, SB_MODEL_ERROR_DUPLICATE)
          || sb_validate_email (gtk_editable_get_text (GTK_EDITABLE (self->sign_up_email)), -1,
                                NULL) == FALSE)
        {
          label = self->sign_up_email_error;
          row = GTK_WIDGET (self->sign_up_email);
        }
      show_field_error (label, row, error->message);
      gtk_widget_grab_focus (row);
      return;
    }

  /* A new account signs in at once, with the password just typed (a second hash). */
  sb_workspace_login_async (self->workspace, sb_employee_get_email (employee),
                            gtk_editable_get_text (GTK_EDITABLE (self->sign_up_password)),
                            self->cancellable, on_login_finished, g_object_ref (self));
}

static void
sign_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SbLoginDialog *self = SB_LOGIN_DIALOG (widget);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->sign_up_name));
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->sign_up_email));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->sign_up_password));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->sign_up_confirm));
  g_autoptr(GError) error = NULL;
  GtkWidget *first_bad = NULL;

  clear_errors (self);
  if (!sb_validate_line (_("Name"), name, -1, &error))
    {
      show_field_error (self->sign_up_name_error, GTK_WIDGET (self->sign_up_name),
                        error->message);
      first_bad = GTK_WIDGET (self->sign_up_name);
      g_clear_error (&error);
    }
  if (!sb_validate_email (email, -1, &error))
    {
      show_field_error (self->sign_up_email_error, GTK_WIDGET (self->sign_up_email),
                        error->message);
      first_bad = first_bad != NULL ? first_bad : GTK_WIDGET (self->sign_up_email);
      g_clear_error (&error);
    }
  if (!sb_validate_password (password, -1, &error))
    {
      show_field_error (self->sign_up_password_error, GTK_WIDGET (self->sign_up_password),
                        error->message);
      first_bad = first_bad != NULL ? first_bad : GTK_WIDGET (self->sign_up_password);
      g_clear_error (&error);
    }
  else if (g_strcmp0 (password, confirm) != 0)
    {
      show_field_error (self->sign_up_password_error, GTK_WIDGET (self->sign_up_confirm),
                        _("The two passwords are not the same"));
      first_bad = first_bad != NULL ? first_bad : GTK_WIDGET (self->sign_up_confirm);
    }
  if (first_bad != NULL)
    {
      gtk_widget_grab_focus (first_bad);
      return;
    }

  set_busy (self, TRUE);
  sb_workspace_signup_async (self->workspace, name, email, password, self->cancellable,
                             on_sign_up_finished, g_object_ref (self));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SbLoginDialog *self = SB_LOGIN_DIALOG (widget);
  gboolean sign_up = g_str_equal (action_name, "login.show-sign-up");

  clear_errors (self);
  gtk_stack_set_visible_child_name (self->stack, sign_up ? "sign-up" : "sign-in");
  if (sign_up && gtk_editable_get_text (GTK_EDITABLE (self->sign_up_email))[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->sign_up_email),
                           gtk_editable_get_text (GTK_EDITABLE (self->sign_in_email)));
  gtk_widget_grab_focus (sign_up ? GTK_WIDGET (self->sign_up_name)
                                 : GTK_WIDGET (self->sign_in_email));
}

static void
on_stack_visible_child_name_changed (SbLoginDialog *self)
{
  gboolean sign_up = is_sign_up_page (self);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), sign_up);
  gtk_window_set_title (GTK_WINDOW (self), sign_up ? _("Create Account — Sprintboard")
                                                   : _("Sign In — Sprintboard"));
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 sign_up ? GTK_WIDGET (self->sign_up_button)
                                         : GTK_WIDGET (self->sign_in_button));
  update_actions (self);
}

/* Typing into a field clears the error shown under it. */
static void
on_field_changed (SbLoginDialog *self,
                  GtkEditable   *editable)
{
  GtkWidget *row = GTK_WIDGET (editable);

  if (!gtk_widget_has_css_class (row, "error"))
    return;
  if (row == GTK_WIDGET (self->sign_in_email))
    show_field_error (self->sign_in_email_error, row, NULL);
  else if (row == GTK_WIDGET (self->sign_in_password))
    show_field_error (self->sign_in_password_error, row, NULL);
  else if (row == GTK_WIDGET (self->sign_up_name))
    show_field_error (self->sign_up_name_error, row, NULL);
  else if (row == GTK_WIDGET (self->sign_up_email))
    show_field_error (self->sign_up_email_error, row, NULL);
  else
    {
      show_field_error (self->sign_up_password_error, GTK_WIDGET (self->sign_up_password), NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->sign_up_confirm), "error");
    }
}

static void
sb_login_dialog_dispose (GObject *object)
{
  SbLoginDialog *self = SB_LOGIN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (sb_login_dialog_parent_class)->dispose (object);
}

static void
sb_login_dialog_finalize (GObject *object)
{
  SbLoginDialog *self = SB_LOGIN_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (sb_login_dialog_parent_class)->finalize (object);
}

static void
sb_login_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SbLoginDialog *self = SB_LOGIN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_login_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SbLoginDialog *self = SB_LOGIN_DIALOG (object);

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
sb_login_dialog_class_init (SbLoginDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_login_dialog_dispose;
  object_class->finalize = sb_login_dialog_finalize;
  object_class->get_property = sb_login_dialog_get_property;
  object_class->set_property = sb_login_dialog_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         SB_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbLoginDialog::signed-in:
   * @remember: whether "Remember me" was ticked (and offered)
   *
   * The workspace now has a signed-in employee.
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sprintboard/Sprintboard/"
                                               "sb-login-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_in_email);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_in_email_error);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_in_password);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_in_password_error);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, remember_check);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, remember_unavailable_label);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_in_spinner);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_up_name);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_up_name_error);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_up_email);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_up_email_error);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_up_password);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_up_confirm);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_up_password_error);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_up_button);
  gtk_widget_class_bind_template_child (widget_class, SbLoginDialog, sign_up_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "login.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "login.sign-up", NULL, sign_up_action);
  gtk_widget_class_install_action (widget_class, "login.show-sign-up", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "login.show-sign-in", NULL, show_page_action);
}

static void
sb_login_dialog_init (SbLoginDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  on_stack_visible_child_name_changed (self);
#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * sb_login_dialog_new:
 * @workspace: the workspace to sign in to
 *
 * Returns: (transfer floating): the dialog, not yet shown
 */
GtkWidget *
sb_login_dialog_new (SbWorkspace *workspace)
{
  g_return_val_if_fail (SB_IS_WORKSPACE (workspace), NULL);

  return g_object_new (SB_TYPE_LOGIN_DIALOG, "workspace", workspace, NULL);
}

SbWorkspace *
sb_login_dialog_get_workspace (SbLoginDialog *self)
{
  g_return_val_if_fail (SB_IS_LOGIN_DIALOG (self), NULL);

  return self->workspace;
}

/**
 * sb_login_dialog_set_remember_available:
 * @self: the dialog
 * @available: whether a keyring can keep a sign-in token
 * @reason: (nullable): when not, a sentence saying why, shown in place of the check box
 *
 * "Remember me" needs the system keyring; without one it is hidden and @reason says why.
 */
void
sb_login_dialog_set_remember_available (SbLoginDialog *self,
                                        gboolean       available,
                                        const char    *reason)
{
  g_return_if_fail (SB_IS_LOGIN_DIALOG (self));

  gtk_widget_set_visible (GTK_WIDGET (self->remember_check), available);
  if (!available)
    gtk_check_button_set_active (self->remember_check, FALSE);
  gtk_label_set_text (self->remember_unavailable_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->remember_unavailable_label),
                          !available && reason != NULL);
}

gboolean
sb_login_dialog_get_busy (SbLoginDialog *self)
{
  g_return_val_if_fail (SB_IS_LOGIN_DIALOG (self), FALSE);

  return self->busy;
}
