/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n.h>

#include "sb-ui.h"
#include "sb-ui-resources.h"

void
sb_ui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Registered by hand: a constructor in a static library's object file would be dropped
       * by the linker when nothing else refers to it. */
      sb_ui_register_resource ();
      g_once_init_leave (&initialized, 1);
    }
}

void
sb_ui_set_object_id (gpointer    object,
                     const char *key,
                     gint64      id)
{
  g_object_set_data_full (G_OBJECT (object), key, g_memdup2 (&id, sizeof id), g_free);
}

/* Returns: the id sb_ui_set_object_id() kept, or 0 */
gint64
sb_ui_get_object_id (gpointer    object,
                     const char *key)
{
  const gint64 *id = g_object_get_data (G_OBJECT (object), key);

  return id != NULL ? *id : 0;
}

/**
 * sb_ui_toast_new:
 * @text: plain text, not markup
 *
 * Returns: (transfer full): a toast whose title shows @text literally
 */
AdwToast *
sb_ui_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/**
 * sb_ui_delete_dialog_new:
 *
 * Returns: (transfer floating): the dialog, not shown yet
 */
GtkWidget *
sb_ui_delete_dialog_new (GtkWindow  *parent,
                         const char *heading,
                         const char *body,
                         const char *delete_label)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", delete_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  /* Enter does not delete: the safe answer is the default. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}
