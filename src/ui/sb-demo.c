/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include "sb-demo.h"

/* The sample data is in English on purpose: it is what a user would type, not UI text. */

typedef struct
{
  const char *name;
  const char *email;
} DemoEmployee;

static const DemoEmployee demo_employees[] = {
  { "Ada Okafor", SB_DEMO_MANAGER_EMAIL },
  { "Ben Carter", "ben@example.org" },
  { "Chen Wei", "chen@example.org" },
  { "Dalia Haddad", "dalia@example.org" },
  { "Erik Lund", "erik@example.org" },
  { "Fatima Noor", "fatima@example.org" },
};

enum { ADA, BEN, CHEN, DALIA, ERIK, FATIMA, N_EMPLOYEES };

typedef struct
{
  const char     *key;
  const char     *name;
  const char     *description;
  SbProjectStatus status;
  guint           manager;
  guint           members[3];   /* indexes into demo_employees, not the manager */
  const char     *stories[3];
  const char     *tasks[22];
} DemoProject;

static const DemoProject demo_projects[] = {
  {
    "WEB", "Website redesign",
    "A new public website: faster pages, a clearer structure and an accessible design.",
    SB_PROJECT_STATUS_ACTIVE, ADA, { BEN, CHEN, DALIA },
    { "Landing page", "Accessibility audit", "Blog migration" },
    {
      "Draft the new information architecture", "Pick a type scale", "Hero section copy",
      "Responsive navigation menu", "Dark style for every page", "Contrast check of the palette",
      "Alt text for product images", "Keyboard navigation through the menu",
      "Move the blog posts to the new templates", "Redirects for old blog URLs",
      "RSS feed for the blog", "Compress the hero images", "Cookie-free analytics",
      "Footer links and legal pages", "Contact form with spam protection",
      "404 page", "Lighthouse score above 95", "Screen reader pass of the checkout",
      "Translate the landing page", "Launch checklist", NULL,
    },
  },
  {
    "APP", "Mobile app",
    "The companion app for phones: sign in, see your tasks, get reminders.",
    SB_PROJECT_STATUS_ACTIVE, ADA, { ERIK, FATIMA, BEN },
    { "Onboarding", "Offline mode", NULL },
    {
      "Welcome screens", "Sign-in with a one-time code", "Push notification permissions",
      "Cache the task list for offline use", "Sync conflicts: last writer wins?",
      "Retry queue for changes made offline", "Settings page", "Crash reporting opt-in",
      "Adaptive layout for tablets", "App icon variants", "Store screenshots",
      "Beta test with ten users", "Battery use under 2 % a day", "Reminder times per task",
      "Haptic feedback on drag", "Privacy policy review", "Release notes for 1.0",
      "Fix the splash screen flicker", NULL,
    },
  },
  {
    "OPS", "Server migration",
    "Moving the build servers to the new data centre without downtime.",
    SB_PROJECT_STATUS_PLANNED, CHEN, { ADA, ERIK, DALIA },
    { "Inventory", "Cut-over", NULL },
    {
      "List every service and its owner", "Measure disk and network use",
      "Order the new hardware", "Set up monitoring on the new hosts",
      "Rehearse the database switch-over", "Lower DNS TTLs a week before",
      "Write the rollback plan", "Migrate the artifact store",
      "Move the CI runners", "Decommission the old racks", "Update the runbooks",
      "Post-migration review", NULL,
    },
  },
};

static const char *demo_comments[] = {
  "I can take this one after the stand-up.",
  "Blocked until the design review on Thursday.",
  "First draft is up, feedback welcome.",
  "Tested on Firefox and Epiphany, both fine.",
  "Can we split this into two tasks?",
  "Done on my side, moving it to review.",
};

/* Today + @days as YYYY-MM-DD. */
static char *
demo_date (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gboolean
demo_fill_project (SbWorkspace        *workspace,
                   const DemoProject  *demo,
                   const gint64       *employee_ids,
                   GPtrArray          *commented_tasks,
                   GError            **error)
{
  g_autoptr(SbProject) project = NULL;
  g_autoptr(GListModel) columns = NULL;
  gint64 member_ids[G_N_ELEMENTS (demo->members)];
  gint64 story_ids[G_N_ELEMENTS (demo->stories)] = { 0 };
  gint64 assignees[G_N_ELEMENTS (demo->members) + 1];
  guint n_members = 0;
  guint n_assignees = 0;
  guint n_stories = 0;
  guint n_columns;
  guint n_tasks = 0;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (demo->members); i++)
    member_ids[n_members++] = employee_ids[demo->members[i]];

  project = sb_workspace_create_project (workspace, demo->key, demo->name, demo->description,
                                         demo->status, employee_ids[demo->manager],
                                         member_ids, n_members, error);
  if (project == NULL)
    return FALSE;

  assignees[n_assignees++] = employee_ids[demo->manager];
  for (i = 0; i < n_members; i++)
    if (member_ids[i] != employee_ids[demo->manager])
      assignees[n_assignees++] = member_ids[i];

  for (i = 0; i < G_N_ELEMENTS (demo->stories) && demo->stories[i] != NULL; i++)
    {
      g_autoptr(SbStory) story = NULL;

      story = sb_workspace_create_story (workspace, sb_project_get_id (project),
                                         demo->stories[i], NULL, (int) (3 + 2 * i), error);
      if (story == NULL)
        return FALSE;
      story_ids[n_stories++] = sb_story_get_id (story);
    }

  columns = sb_workspace_list_columns (workspace, sb_project_get_id (project), error);
  if (columns == NULL)
    return FALSE;
  n_columns = g_list_model_get_n_items (columns);

  while (n_tasks < G_N_ELEMENTS (demo->tasks) && demo->tasks[n_tasks] != NULL)
    n_tasks++;
  for (i = 0; i < n_tasks; i++)
    {
      g_autoptr(SbColumn) column = NULL;
      g_autoptr(SbTask) task = NULL;
      g_autofree char *due_date = NULL;
      SbTaskDraft draft = SB_TASK_DRAFT_INIT;
      /* Early tasks are further along: Done, In Review, In Progress, then To Do. */
      guint column_index = n_columns - 1 - MIN (n_columns - 1, i * n_columns / n_tasks);

      column = g_list_model_get_item (columns, column_index);
      /* Every third task is due: some already overdue (not in Done), some soon. */
      if (i % 3 == 0)
        due_date = demo_date ((int) (i % 2 == 0 ? -(int) (i % 5) - 2 : (int) i + 3));

      draft.title = demo->tasks[i];
      draft.description = i % 4 == 0 ? "Notes from the planning meeting are in the wiki." : NULL;
      draft.story_id = n_stories > 0 && i % 2 == 0 ? story_ids[(i / 2) % n_stories] : 0;
      draft.assignee_id = i % 5 == 4 ? 0 : assignees[i % n_assignees];
      draft.priority = (SbPriority) ((i + i / 3) % 4);
      draft.due_date = due_date;
      draft.column_id = sb_column_get_id (column);

      task = sb_workspace_create_task (workspace, sb_project_get_id (project), &draft, error);
      if (task == NULL)
        return FALSE;
      if (i % 3 == 1)
        g_ptr_array_add (commented_tasks, g_object_ref (task));
    }

  return TRUE;
}

/* Comments on every second task of @tasks from @offset, skipping those of @skip_project. */
static gboolean
demo_add_comments (SbWorkspace  *workspace,
                   GPtrArray    *tasks,
                   guint         offset,
                   const char   *skip_project,
                   GError      **error)
{
  for (guint i = offset; i < tasks->len; i += 2)
    {
      g_autoptr(SbComment) comment = NULL;
      SbTask *task = g_ptr_array_index (tasks, i);

      if (skip_project != NULL && g_str_has_prefix (sb_task_get_key (task), skip_project))
        continue;

      comment = sb_workspace_add_comment (workspace, sb_task_get_id (task),
                                          demo_comments[i % G_N_ELEMENTS (demo_comments)],
                                          error);
      if (comment == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
sb_demo_fill (SbWorkspace  *workspace,
              GError      **error)
{
  g_autoptr(GPtrArray) commented_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 employee_ids[N_EMPLOYEES];
  guint i;

  g_return_val_if_fail (SB_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (i = 0; i < N_EMPLOYEES; i++)
    {
      g_autoptr(SbEmployee) employee = NULL;

      employee = sb_workspace_signup (workspace, demo_employees[i].name,
                                      demo_employees[i].email, SB_DEMO_PASSWORD, error);
      if (employee == NULL)
        return FALSE;
      employee_ids[i] = sb_employee_get_id (employee);
    }

  if (!sb_workspace_login (workspace, SB_DEMO_MANAGER_EMAIL, SB_DEMO_PASSWORD, error))
    return FALSE;
  for (i = 0; i < G_N_ELEMENTS (demo_projects); i++)
    if (!demo_fill_project (workspace, &demo_projects[i], employee_ids, commented_tasks, error))
      return FALSE;

  if (!demo_add_comments (workspace, commented_tasks, 0, NULL, error))
    return FALSE;
  /* Ben is a member of WEB and APP, not of OPS. */
  if (!sb_workspace_login (workspace, demo_employees[BEN].email, SB_DEMO_PASSWORD, error))
    return FALSE;
  if (!demo_add_comments (workspace, commented_tasks, 1, "OPS-", error))
    return FALSE;

  return sb_workspace_login (workspace, SB_DEMO_MANAGER_EMAIL, SB_DEMO_PASSWORD, error);
}
