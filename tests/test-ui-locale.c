/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* The app in German: the login dialog, the main window and the model's messages, from the
 * catalogue this build tree made of po/de.po (BUILDDIR/po/de/LC_MESSAGES/sprintboard.mo). */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sb-dashboard.h"
#include "sb-login-dialog.h"
#include "sb-ui-test-util.h"
#include "sb-validate.h"
#include "sb-window.h"

/* Why German could not be switched on, or NULL when it is. */
static char *no_german_reason;

/* glibc's gettext honours LANGUAGE in any locale but "C" and "POSIX", so C.UTF-8 (which every
 * Debian 12 has, in libc-bin) with LANGUAGE=de gives German without generating de_DE.UTF-8;
 * de_DE.UTF-8 is the fallback for a libc without C.UTF-8. LANGUAGE is set in main() before
 * GTK starts threads; gtk_test_init() has set the locale (to en_US.UTF-8 if it exists, else
 * left it at "C"), so this sets it again. */
static void
use_german (void)
{
  static const char * const locales[] = { "C.UTF-8", "de_DE.UTF-8" };
  g_autofree char *mo = g_build_filename (SB_TEST_LOCALEDIR, "de", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);
  const char *locale = NULL;

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      no_german_reason = g_strdup_printf ("%s was not built (the sprintboard-gmo target)", mo);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (locales) && locale == NULL; i++)
    locale = setlocale (LC_ALL, locales[i]);
  if (locale == NULL)
    {
      no_german_reason = g_strdup ("neither C.UTF-8 nor de_DE.UTF-8 is a locale here");
      return;
    }

  /* As main.c does, with the build tree's catalogues instead of the installed ones. */
  bindtextdomain (GETTEXT_PACKAGE, SB_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* A failure rather than a skip: CI has C.UTF-8 and builds the catalogue, so either missing
 * means the chain is broken. */
static gboolean
german_or_fail (void)
{
  if (no_german_reason == NULL)
    return TRUE;
  g_test_message ("%s", no_german_reason);
  g_test_fail ();
  return FALSE;
}

static GtkWidget *
find_visible_label (GtkWidget  *root,
                    const char *text)
{
  GtkWidget *label = sb_ui_test_find_widget (root, GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_get_visible (label) ? label : NULL;
}

static void
assert_visible_label (GtkWidget  *root,
                      const char *text)
{
  if (find_visible_label (root, text) == NULL)
    g_error ("no visible label “%s”", text);
}

static gboolean
login_settled (gpointer data)
{
  return !sb_login_dialog_get_busy (data);
}

/* The catalogue itself: plain, with context, plural, and a model (sb-model, gi18n-lib) and a
 * UI (gi18n) string. */
static void
test_catalogue (void)
{
  g_autoptr(GError) error = NULL;

  if (!german_or_fail ())
    return;

  g_assert_cmpstr (_("Sign In"), ==, "Anmelden");
  g_assert_cmpstr (_("Dashboard"), ==, "Übersicht");
  g_assert_cmpstr (C_("priority", "High"), ==, "Hoch");
  g_assert_cmpstr (C_("project status", "On Hold"), ==, "Pausiert");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u task overdue", "%u tasks overdue", 1),
                   ==, "%u Aufgabe überfällig");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u task overdue", "%u tasks overdue", 3),
                   ==, "%u Aufgaben überfällig");

  /* A model message, its field name translated too. */
  g_assert_false (sb_validate_line (_("Title"), "   ", -1, &error));
  g_assert_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "Titel darf nicht leer sein.");
}

/* The login dialog: its template strings, a field error of the UI, and the model's message
 * for a wrong password. */
static void
test_login_dialog (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  GtkWidget *dialog;
  g_autofree char *shot = NULL;
  g_autofree char *error_shot = NULL;
  GtkWidget *error_label;

  if (!german_or_fail ())
    return;

  dialog = sb_login_dialog_new (fixture->ws);
  sb_ui_test_show_window (GTK_WINDOW (dialog));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Anmelden — Sprintboard");
  assert_visible_label (dialog, "Willkommen bei Sprintboard");
  assert_visible_label (dialog, "Melde dich an, um deine Projekte und Boards zu sehen.");
  assert_visible_label (dialog, "Anmelden");
  assert_visible_label (dialog, "Auf diesem Computer angemeldet bleiben");
  assert_visible_label (dialog, "Konto erstellen …");
  g_assert_nonnull (sb_ui_test_find_widget (dialog, ADW_TYPE_PREFERENCES_ROW, "E-Mail"));
  g_assert_nonnull (sb_ui_test_find_widget (dialog, ADW_TYPE_PREFERENCES_ROW, "Passwort"));
  g_assert_null (sb_ui_test_find_widget (dialog, GTK_TYPE_LABEL, "Welcome to Sprintboard"));
  shot = sb_ui_test_screenshot (dialog, "login-dialog-de");

  /* Empty fields: the UI's own messages. */
  g_assert_true (gtk_widget_activate_action (dialog, "login.sign-in", NULL));
  assert_visible_label (dialog, "Gib die E-Mail-Adresse deines Kontos ein");
  assert_visible_label (dialog, "Gib dein Passwort ein");

  /* A wrong password: the model's message, under the password. */
  sb_ui_test_set_text (dialog, "sign_in_email", "dana@example.org");
  sb_ui_test_set_text (dialog, "sign_in_password", "not the password");
  g_assert_true (gtk_widget_activate_action (dialog, "login.sign-in", NULL));
  g_assert_true (sb_ui_test_wait_until (login_settled, dialog, 20000));
  error_label = sb_ui_test_find_widget (dialog, GTK_TYPE_LABEL, "sign_in_password_error");
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "Die E-Mail-Adresse oder das Passwort ist falsch.");
  error_shot = sb_ui_test_screenshot (dialog, "login-dialog-error-de");

  /* The other page. */
  g_assert_true (gtk_widget_activate_action (dialog, "login.show-sign-up", NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==,
                   "Konto erstellen — Sprintboard");
  assert_visible_label (dialog, "Ein Konto erstellen");
  g_assert_nonnull (sb_ui_test_find_widget (dialog, ADW_TYPE_PREFERENCES_ROW,
                                            "Passwort (mindestens 8 Zeichen)"));

  sb_ui_test_destroy_window (GTK_WINDOW (dialog));
}

/* The main window: the sidebar, the dashboard (plurals, a project status with context), and a
 * board whose columns the model named in German when it made the project. */
static void
test_window (SbTestFixture *fixture,
             gconstpointer  user_data)
{
  gint64 project_id;
  gint64 columns[SB_TEST_N_COLUMNS];
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  SbWindow *window;
  GtkWidget *dashboard;
  g_autofree char *shot = NULL;
  g_autofree char *board_shot = NULL;

  if (!german_or_fail ())
    return;

  project_id = sb_test_create_project (fixture, FALSE);
  sb_test_get_column_ids (fixture->ws, project_id, columns);
  draft.title = "Overdue thing";
  draft.assignee_id = fixture->manager_id;
  draft.due_date = "2001-01-01";
  draft.priority = SB_PRIORITY_HIGH;
  draft.column_id = columns[1];
  sb_test_create_task_from_draft (fixture->ws, project_id, &draft);
  sb_test_create_task (fixture->ws, project_id, "Other thing", columns[0]);

  window = sb_window_new (NULL, fixture->ws);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  sb_ui_test_show_window (GTK_WINDOW (window));

  assert_visible_label (GTK_WIDGET (window), "Übersicht");
  assert_visible_label (GTK_WIDGET (window), "Aktiv");
  g_assert_null (sb_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Dashboard"));

  dashboard = sb_ui_test_find_widget (GTK_WIDGET (window), SB_TYPE_DASHBOARD, NULL);
  g_assert_nonnull (dashboard);
  assert_visible_label (dashboard, "Deine Projekte");
  assert_visible_label (dashboard, "Meine offenen Aufgaben");
  assert_visible_label (dashboard, "Geleitet von Dana Manager");
  assert_visible_label (dashboard, "0 von 2 Aufgaben erledigt");
  assert_visible_label (dashboard, "1 Aufgabe überfällig");
  assert_visible_label (dashboard, "Zu erledigen 1 · In Arbeit 1 · In Prüfung 0 · Erledigt 0");
  g_assert_nonnull (sb_ui_test_find_widget (dashboard, ADW_TYPE_ACTION_ROW,
                                            "WEB-1  Overdue thing"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sb_ui_test_find_widget (
                     dashboard, ADW_TYPE_ACTION_ROW, "WEB-1  Overdue thing"))),
                   ==, "Fällig am 1. Jan 2001 · Priorität Hoch");
  shot = sb_ui_test_screenshot (GTK_WIDGET (window), "dashboard-de");

  g_assert_true (sb_window_show_project (window, project_id));
  sb_ui_test_spin (100);
  assert_visible_label (GTK_WIDGET (window), "Zu erledigen");
  assert_visible_label (GTK_WIDGET (window), "In Arbeit");
  board_shot = sb_ui_test_screenshot (GTK_WIDGET (window), "board-de");

  sb_ui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "de", TRUE);
  sb_ui_test_init (&argc, &argv);
  use_german ();

  g_test_add_func ("/ui/locale/catalogue", test_catalogue);
  sb_test_add ("/ui/locale/login-dialog", test_login_dialog);
  sb_test_add ("/ui/locale/window", test_window);

  return g_test_run ();
}
