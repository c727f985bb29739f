/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* The permission matrix: every project call made as the project's manager, a member, an
 * outsider and nobody, one test case each. A refused call fails with the documented code and
 * leaves the database byte for byte as it was; an allowed call succeeds and has its effect. */

#include <string.h>

#include "sb-test-util.h"

typedef enum
{
  ROLE_MANAGER,
  ROLE_MEMBER,
  ROLE_OUTSIDER,
  ROLE_SIGNED_OUT,
  N_ROLES
} Role;

static const char * const role_names[N_ROLES] = {
  "manager", "member", "outsider", "signed-out",
};

/* Who may make a call. */
typedef enum
{
  WHO_MEMBERS,     /* every member of the project, the manager included */
  WHO_MANAGER,     /* the project's manager only */
  WHO_AUTHOR,      /* the comment's author (the member) only: not even the manager */
  WHO_SIGNED_IN,   /* anybody signed in (account calls) */
} Who;

/* Project WEB: manager Dana, member Milo, Olga outside it. One story; a task in To Do with no
 * story, no assignee and one comment written by Milo; a deleted task. Nobody signed in. */
typedef struct
{
  SbTestFixture f;
  gint64        project_id;
  gint64        columns[SB_TEST_N_COLUMNS];
  gint64        story_id;
  gint64        task_id;
  gint64        deleted_task_id;
  gint64        comment_id;
  SbBoard      *board;        /* opened by the manager, for the board calls */
  SbTask       *board_task;   /* the task, as the board's To Do column holds it */
} Env;

typedef gboolean (*CallFunc) (Env     *env,
                              GError **error);

typedef struct
{
  const char *name;
  Who         who;
  gboolean    needs_board;
  CallFunc    call;         /* makes the call; when it succeeds, asserts its effect */
} Call;

typedef struct
{
  const Call *call;
  Role        role;
} PermCase;

static void
env_setup (Env           *env,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;

  sb_test_fixture_setup (&env->f, NULL);
  env->project_id = sb_test_create_project (&env->f, FALSE);
  sb_test_get_column_ids (env->f.ws, env->project_id, env->columns);
  env->story_id = sb_test_create_story (env->f.ws, env->project_id, "Sign-up flow", "", 5);

  env->task_id = sb_test_create_task (env->f.ws, env->project_id, "Write the copy", 0);
  task = sb_test_get_task (env->f.ws, env->task_id);
  g_assert_cmpint (sb_task_get_column_id (task), ==, env->columns[0]);

  env->deleted_task_id = sb_test_create_task (env->f.ws, env->project_id, "Old banner", 0);
  g_assert_true (sb_workspace_delete_task (env->f.ws, env->deleted_task_id, &error));
  g_assert_no_error (error);

  sb_test_sign_in (&env->f, env->f.member_id);
  env->comment_id = sb_test_add_comment (env->f.ws, env->task_id, "Looks good to me");

  sb_test_sign_in (&env->f, 0);
}

static void
env_teardown (Env           *env,
              gconstpointer  user_data)
{
  g_clear_object (&env->board_task);
  g_clear_object (&env->board);
  sb_test_fixture_teardown (&env->f, NULL);
}

static guint
n_items_and_free (GListModel *model,
                  GError     *error)
{
  guint n;

  g_assert_no_error (error);
  g_assert_nonnull (model);
  n = g_list_model_get_n_items (model);
  g_object_unref (model);
  return n;
}

static guint
count_members (Env *env)
{
  GError *error = NULL;
  GListModel *model = sb_workspace_list_members (env->f.ws, env->project_id, &error);

  return n_items_and_free (model, error);
}

static guint
count_stories (Env *env)
{
  GError *error = NULL;
  GListModel *model = sb_workspace_list_stories (env->f.ws, env->project_id, &error);

  return n_items_and_free (model, error);
}

static guint
count_comments (Env *env)
{
  GError *error = NULL;
  GListModel *model = sb_workspace_list_comments (env->f.ws, env->task_id, &error);

  return n_items_and_free (model, error);
}

/* Project calls */

static gboolean
call_update_project (Env *env, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SbProject) project = NULL;

  if (!sb_workspace_update_project (env->f.ws, env->project_id, "Website relaunch", "Phase two",
                                    SB_PROJECT_STATUS_ON_HOLD, env->f.manager_id, error))
    return FALSE;

  project = sb_workspace_get_project (env->f.ws, env->project_id, &local_error);
  g_assert_no_error (local_error);
  g_assert_cmpstr (sb_project_get_name (project), ==, "Website relaunch");
  g_assert_cmpstr (sb_project_get_description (project), ==, "Phase two");
  g_assert_cmpint (sb_project_get_status (project), ==, SB_PROJECT_STATUS_ON_HOLD);
  return TRUE;
}

static gboolean
call_delete_project (Env *env, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SbProject) project = NULL;

  if (!sb_workspace_delete_project (env->f.ws, env->project_id, error))
    return FALSE;

  project = sb_workspace_get_project (env->f.ws, env->project_id, &local_error);
  g_assert_error (local_error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);
  g_assert_null (project);
  return TRUE;
}

static gboolean
call_add_members (Env *env, GError **error)
{
  const gint64 ids[] = { env->f.outsider_id };

  if (!sb_workspace_add_members (env->f.ws, env->project_id, ids, G_N_ELEMENTS (ids), error))
    return FALSE;

  g_assert_cmpuint (count_members (env), ==, 3);
  return TRUE;
}

static gboolean
call_save_project (Env *env, GError **error)
{
  const gint64 add[] = { env->f.outsider_id };
  const gint64 remove[] = { env->f.member_id };

  if (!sb_workspace_save_project (env->f.ws, env->project_id, "Website relaunch", NULL,
                                  SB_PROJECT_STATUS_ACTIVE, env->f.manager_id,
                                  add, G_N_ELEMENTS (add), remove, G_N_ELEMENTS (remove), error))
    return FALSE;

  g_assert_cmpuint (count_members (env), ==, 2);
  return TRUE;
}

static gboolean
call_remove_member (Env *env, GError **error)
{
  if (!sb_workspace_remove_member (env->f.ws, env->project_id, env->f.member_id, error))
    return FALSE;

  g_assert_cmpuint (count_members (env), ==, 1);
  return TRUE;
}

/* Stories */

static gboolean
call_create_story (Env *env, GError **error)
{
  g_autoptr(SbStory) story = NULL;

  story = sb_workspace_create_story (env->f.ws, env->project_id, "Checkout", "Pay by card", 3,
                                     error);
  if (story == NULL)
    return FALSE;

  g_assert_cmpstr (sb_story_get_title (story), ==, "Checkout");
  g_assert_true (g_str_has_prefix (sb_story_get_key (story), "WEB-"));
  g_assert_cmpuint (count_stories (env), ==, 2);
  return TRUE;
}

static gboolean
call_update_story (Env *env, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GListModel) stories = NULL;
  g_autoptr(SbStory) story = NULL;

  if (!sb_workspace_update_story (env->f.ws, env->story_id, "Sign-up and sign-in", "Both", 8,
                                  error))
    return FALSE;

  stories = sb_workspace_list_stories (env->f.ws, env->project_id, &local_error);
  g_assert_no_error (local_error);
  story = g_list_model_get_item (stories, 0);
  g_assert_cmpint (sb_story_get_id (story), ==, env->story_id);
  g_assert_cmpstr (sb_story_get_title (story), ==, "Sign-up and sign-in");
  g_assert_cmpint (sb_story_get_points (story), ==, 8);
  return TRUE;
}

static gboolean
call_delete_story (Env *env, GError **error)
{
  if (!sb_workspace_delete_story (env->f.ws, env->story_id, error))
    return FALSE;

  g_assert_cmpuint (count_stories (env), ==, 0);
  return TRUE;
}

/* Tasks */

static gboolean
call_create_task (Env *env, GError **error)
{
  g_autoptr(SbTask) created = NULL;
  g_autoptr(SbTask) task = NULL;
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  draft.title = "Pick the fonts";
  created = sb_workspace_create_task (env->f.ws, env->project_id, &draft, error);
  if (created == NULL)
    return FALSE;

  task = sb_test_get_task (env->f.ws, sb_task_get_id (created));
  g_assert_cmpstr (sb_task_get_title (task), ==, "Pick the fonts");
  g_assert_cmpint (sb_task_get_column_id (task), ==, env->columns[0]);
  return TRUE;
}

static gboolean
call_insert_task (Env *env, GError **error)
{
  g_autoptr(SbTask) created = NULL;
  g_autoptr(SbTask) first = NULL;
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  draft.title = "Urgent fix";
  created = sb_workspace_insert_task (env->f.ws, env->project_id, &draft, 0, error);
  if (created == NULL)
    return FALSE;

  /* Inserted at the top: before the task that was there. */
  first = sb_test_get_task (env->f.ws, env->task_id);
  g_assert_cmpstr (sb_task_get_title (created), ==, "Urgent fix");
  g_assert_cmpint (sb_task_get_column_id (created), ==, env->columns[0]);
  g_assert_cmpfloat (sb_task_get_rank (created), <, sb_task_get_rank (first));
  return TRUE;
}

static gboolean
call_update_task (Env *env, GError **error)
{
  g_autoptr(SbTask) task = NULL;
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  draft.title = "Write all the copy";
  draft.description = "Every page";
  draft.priority = SB_PRIORITY_HIGH;
  draft.column_id = env->columns[0];
  if (!sb_workspace_update_task (env->f.ws, env->task_id, &draft, error))
    return FALSE;

  task = sb_test_get_task (env->f.ws, env->task_id);
  g_assert_cmpstr (sb_task_get_title (task), ==, "Write all the copy");
  g_assert_cmpstr (sb_task_get_description (task), ==, "Every page");
  g_assert_cmpint (sb_task_get_priority (task), ==, SB_PRIORITY_HIGH);
  return TRUE;
}

static gboolean
call_set_task_title (Env *env, GError **error)
{
  g_autoptr(SbTask) task = NULL;

  if (!sb_workspace_set_task_title (env->f.ws, env->task_id, "Renamed", error))
    return FALSE;

  task = sb_test_get_task (env->f.ws, env->task_id);
  g_assert_cmpstr (sb_task_get_title (task), ==, "Renamed");
  return TRUE;
}

static gboolean
call_set_task_description (Env *env, GError **error)
{
  g_autoptr(SbTask) task = NULL;

  if (!sb_workspace_set_task_description (env->f.ws, env->task_id, "Line one\nLine two", error))
    return FALSE;

  task = sb_test_get_task (env->f.ws, env->task_id);
  g_assert_cmpstr (sb_task_get_description (task), ==, "Line one\nLine two");
  return TRUE;
}

static gboolean
call_set_task_story (Env *env, GError **error)
{
  g_autoptr(SbTask) task = NULL;

  if (!sb_workspace_set_task_story (env->f.ws, env->task_id, env->story_id, error))
    return FALSE;

  task = sb_test_get_task (env->f.ws, env->task_id);
  g_assert_cmpint (sb_task_get_story_id (task), ==, env->story_id);
  return TRUE;
}

static gboolean
call_set_task_assignee (Env *env, GError **error)
{
  g_autoptr(SbTask) task = NULL;

  if (!sb_workspace_set_task_assignee (env->f.ws, env->task_id, env->f.member_id, error))
    return FALSE;

  task = sb_test_get_task (env->f.ws, env->task_id);
  g_assert_cmpint (sb_task_get_assignee_id (task), ==, env->f.member_id);
  g_assert_cmpstr (sb_task_get_assignee_name (task), ==, "Milo Member");
  return TRUE;
}

static gboolean
call_set_task_priority (Env *env, GError **error)
{
  g_autoptr(SbTask) task = NULL;

  if (!sb_workspace_set_task_priority (env->f.ws, env->task_id, SB_PRIORITY_CRITICAL, error))
    return FALSE;

  task = sb_test_get_task (env->f.ws, env->task_id);
  g_assert_cmpint (sb_task_get_priority (task), ==, SB_PRIORITY_CRITICAL);
  return TRUE;
}

static gboolean
call_set_task_due_date (Env *env, GError **error)
{
  g_autoptr(SbTask) task = NULL;

  if (!sb_workspace_set_task_due_date (env->f.ws, env->task_id, "2030-01-15", error))
    return FALSE;

  task = sb_test_get_task (env->f.ws, env->task_id);
  g_assert_cmpstr (sb_task_get_due_date (task), ==, "2030-01-15");
  return TRUE;
}

static gboolean
call_move_task (Env *env, GError **error)
{
  g_autoptr(SbTask) task = NULL;

  if (!sb_workspace_move_task (env->f.ws, env->task_id, env->columns[1], 0, error))
    return FALSE;

  task = sb_test_get_task (env->f.ws, env->task_id);
  g_assert_cmpint (sb_task_get_column_id (task), ==, env->columns[1]);
  return TRUE;
}

static gboolean
call_delete_task (Env *env, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SbTask) task = NULL;

  if (!sb_workspace_delete_task (env->f.ws, env->task_id, error))
    return FALSE;

  task = sb_workspace_get_task (env->f.ws, env->task_id, &local_error);
  g_assert_error (local_error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);
  g_assert_null (task);
  return TRUE;
}

static gboolean
call_restore_task (Env *env, GError **error)
{
  g_autoptr(SbTask) task = NULL;

  if (!sb_workspace_restore_task (env->f.ws, env->deleted_task_id, error))
    return FALSE;

  task = sb_test_get_task (env->f.ws, env->deleted_task_id);
  g_assert_cmpstr (sb_task_get_title (task), ==, "Old banner");
  return TRUE;
}

/* Comments */

static gboolean
call_add_comment (Env *env, GError **error)
{
  g_autoptr(SbComment) comment = NULL;

  comment = sb_workspace_add_comment (env->f.ws, env->task_id, "One more thing", error);
  if (comment == NULL)
    return FALSE;

  g_assert_cmpstr (sb_comment_get_body (comment), ==, "One more thing");
  g_assert_cmpint (sb_comment_get_author_id (comment), ==,
                   sb_workspace_get_current_employee_id (env->f.ws));
  g_assert_cmpuint (count_comments (env), ==, 2);
  return TRUE;
}

static gboolean
call_edit_comment (Env *env, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GListModel) comments = NULL;
  g_autoptr(SbComment) comment = NULL;

  if (!sb_workspace_edit_comment (env->f.ws, env->comment_id, "Looks great", error))
    return FALSE;

  comments = sb_workspace_list_comments (env->f.ws, env->task_id, &local_error);
  g_assert_no_error (local_error);
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 1);
  comment = g_list_model_get_item (comments, 0);
  g_assert_cmpstr (sb_comment_get_body (comment), ==, "Looks great");
  g_assert_cmpint (sb_comment_get_edited_at (comment), >, 0);
  return TRUE;
}

static gboolean
call_delete_comment (Env *env, GError **error)
{
  if (!sb_workspace_delete_comment (env->f.ws, env->comment_id, error))
    return FALSE;

  g_assert_cmpuint (count_comments (env), ==, 0);
  return TRUE;
}

/* The board (opened by the manager before the user changes) */

static gboolean
call_board_move_task (Env *env, GError **error)
{
  SbColumn *todo = sb_board_get_column_by_id (env->board, env->columns[0]);
  SbColumn *doing = sb_board_get_column_by_id (env->board, env->columns[1]);
  g_autoptr(SbTask) task = NULL;

  if (!sb_board_move_task (env->board, env->board_task, doing, 0, error))
    {
      /* The board still shows the task where it was. */
      g_assert_cmpuint (g_list_model_get_n_items (sb_column_get_tasks (todo)), ==, 1);
      g_assert_cmpuint (g_list_model_get_n_items (sb_column_get_tasks (doing)), ==, 0);
      g_assert_cmpint (sb_task_get_column_id (env->board_task), ==, env->columns[0]);
      return FALSE;
    }

  g_assert_cmpuint (g_list_model_get_n_items (sb_column_get_tasks (todo)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sb_column_get_tasks (doing)), ==, 1);
  task = sb_test_get_task (env->f.ws, env->task_id);
  g_assert_cmpint (sb_task_get_column_id (task), ==, env->columns[1]);
  return TRUE;
}

static gboolean
call_board_add_task (Env *env, GError **error)
{
  SbColumn *todo = sb_board_get_column_by_id (env->board, env->columns[0]);
  g_autoptr(SbTask) task = NULL;

  task = sb_board_add_task (env->board, todo, 0, "From the board", error);
  if (task == NULL)
    {
      g_assert_cmpuint (g_list_model_get_n_items (sb_column_get_tasks (todo)), ==, 1);
      return FALSE;
    }

  g_assert_cmpstr (sb_task_get_title (task), ==, "From the board");
  g_assert_cmpint (sb_task_get_column_id (task), ==, env->columns[0]);
  g_assert_cmpuint (g_list_model_get_n_items (sb_column_get_tasks (todo)), ==, 2);
  return TRUE;
}

/* Account calls */

static gboolean
call_create_remember_token (Env *env, GError **error)
{
  g_autofree char *token = sb_workspace_create_remember_token (env->f.ws, error);

  if (token == NULL)
    return FALSE;

  g_assert_cmpuint (strlen (token), >=, 16);
  return TRUE;
}

static gboolean
call_change_password (Env *env, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  SbEmployee *me = sb_workspace_get_current_employee (env->f.ws);
  g_autofree char *email = me != NULL ? g_strdup (sb_employee_get_email (me)) : NULL;

  if (!sb_workspace_change_password (env->f.ws, SB_TEST_PASSWORD, "a new password 123", error))
    return FALSE;

  g_assert_nonnull (email);
  g_assert_true (sb_workspace_login (env->f.ws, email, "a new password 123", &local_error));
  g_assert_no_error (local_error);
  return TRUE;
}

/* Reads */

static gboolean
call_get_project (Env *env, GError **error)
{
  g_autoptr(SbProject) project = sb_workspace_get_project (env->f.ws, env->project_id, error);

  if (project == NULL)
    return FALSE;
  g_assert_cmpstr (sb_project_get_key (project), ==, "WEB");
  return TRUE;
}

static gboolean
call_list_members (Env *env, GError **error)
{
  g_autoptr(GListModel) members = sb_workspace_list_members (env->f.ws, env->project_id, error);

  if (members == NULL)
    return FALSE;
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 2);
  return TRUE;
}

static gboolean
call_list_columns (Env *env, GError **error)
{
  g_autoptr(GListModel) columns = sb_workspace_list_columns (env->f.ws, env->project_id, error);

  if (columns == NULL)
    return FALSE;
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 4);
  return TRUE;
}

static gboolean
call_list_stories (Env *env, GError **error)
{
  g_autoptr(GListModel) stories = sb_workspace_list_stories (env->f.ws, env->project_id, error);

  if (stories == NULL)
    return FALSE;
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 1);
  return TRUE;
}

static gboolean
call_get_task (Env *env, GError **error)
{
  g_autoptr(SbTask) task = sb_workspace_get_task (env->f.ws, env->task_id, error);

  if (task == NULL)
    return FALSE;
  g_assert_cmpstr (sb_task_get_title (task), ==, "Write the copy");
  return TRUE;
}

static gboolean
call_list_comments (Env *env, GError **error)
{
  g_autoptr(GListModel) comments = sb_workspace_list_comments (env->f.ws, env->task_id, error);
  g_autoptr(SbComment) comment = NULL;

  if (comments == NULL)
    return FALSE;
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 1);
  comment = g_list_model_get_item (comments, 0);
  g_assert_cmpstr (sb_comment_get_body (comment), ==, "Looks good to me");
  return TRUE;
}

static gboolean
call_list_activity (Env *env, GError **error)
{
  g_autoptr(GListModel) activity = sb_workspace_list_activity (env->f.ws, env->task_id, error);
  g_autoptr(SbActivity) first = NULL;

  if (activity == NULL)
    return FALSE;
  g_assert_cmpuint (g_list_model_get_n_items (activity), >=, 1);
  first = g_list_model_get_item (activity, 0);
  g_assert_cmpstr (sb_activity_get_field (first), ==, "created");
  return TRUE;
}

static gboolean
call_open_board (Env *env, GError **error)
{
  g_autoptr(SbBoard) board = sb_workspace_open_board (env->f.ws, env->project_id, error);

  if (board == NULL)
    return FALSE;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (board)), ==, 4);
  return TRUE;
}

static const Call calls[] = {
  { "update_project", WHO_MANAGER, FALSE, call_update_project },
  { "delete_project", WHO_MANAGER, FALSE, call_delete_project },
  { "add_members", WHO_MANAGER, FALSE, call_add_members },
  { "remove_member", WHO_MANAGER, FALSE, call_remove_member },
  { "save_project", WHO_MANAGER, FALSE, call_save_project },
  { "create_story", WHO_MEMBERS, FALSE, call_create_story },
  { "update_story", WHO_MEMBERS, FALSE, call_update_story },
  { "delete_story", WHO_MANAGER, FALSE, call_delete_story },
  { "create_task", WHO_MEMBERS, FALSE, call_create_task },
  { "insert_task", WHO_MEMBERS, FALSE, call_insert_task },
  { "update_task", WHO_MEMBERS, FALSE, call_update_task },
  { "set_task_title", WHO_MEMBERS, FALSE, call_set_task_title },
  { "set_task_description", WHO_MEMBERS, FALSE, call_set_task_description },
  { "set_task_story", WHO_MEMBERS, FALSE, call_set_task_story },
  { "set_task_assignee", WHO_MEMBERS, FALSE, call_set_task_assignee },
  { "set_task_priority", WHO_MEMBERS, FALSE, call_set_task_priority },
  { "set_task_due_date", WHO_MEMBERS, FALSE, call_set_task_due_date },
  { "move_task", WHO_MEMBERS, FALSE, call_move_task },
  { "delete_task", WHO_MANAGER, FALSE, call_delete_task },
  { "restore_task", WHO_MANAGER, FALSE, call_restore_task },
  { "add_comment", WHO_MEMBERS, FALSE, call_add_comment },
  { "edit_comment", WHO_AUTHOR, FALSE, call_edit_comment },
  { "delete_comment", WHO_AUTHOR, FALSE, call_delete_comment },
  { "board_move_task", WHO_MEMBERS, TRUE, call_board_move_task },
  { "board_add_task", WHO_MEMBERS, TRUE, call_board_add_task },
  { "create_remember_token", WHO_SIGNED_IN, FALSE, call_create_remember_token },
  { "change_password", WHO_SIGNED_IN, FALSE, call_change_password },

  { "get_project", WHO_MEMBERS, FALSE, call_get_project },
  { "list_members", WHO_MEMBERS, FALSE, call_list_members },
  { "list_columns", WHO_MEMBERS, FALSE, call_list_columns },
  { "list_stories", WHO_MEMBERS, FALSE, call_list_stories },
  { "get_task", WHO_MEMBERS, FALSE, call_get_task },
  { "list_comments", WHO_MEMBERS, FALSE, call_list_comments },
  { "list_activity", WHO_MEMBERS, FALSE, call_list_activity },
  { "open_board", WHO_MEMBERS, FALSE, call_open_board },
};

static PermCase cases[G_N_ELEMENTS (calls) * N_ROLES];

/* The error a call must fail with, or -1 when it must succeed. */
static int
expected_error (Who  who,
                Role role)
{
  if (role == ROLE_SIGNED_OUT)
    return SB_MODEL_ERROR_NOT_SIGNED_IN;

  switch (who)
    {
    case WHO_SIGNED_IN:
      return -1;
    case WHO_MEMBERS:
      return role == ROLE_OUTSIDER ? SB_MODEL_ERROR_PERMISSION_DENIED : -1;
    case WHO_MANAGER:
      return role == ROLE_MANAGER ? -1 : SB_MODEL_ERROR_PERMISSION_DENIED;
    case WHO_AUTHOR:
      return role == ROLE_MEMBER ? -1 : SB_MODEL_ERROR_PERMISSION_DENIED;
    default:
      g_assert_not_reached ();
    }
}

static gint64
role_employee (Env  *env,
               Role  role)
{
  switch (role)
    {
    case ROLE_MANAGER:
      return env->f.manager_id;
    case ROLE_MEMBER:
      return env->f.member_id;
    case ROLE_OUTSIDER:
      return env->f.outsider_id;
    case ROLE_SIGNED_OUT:
      return 0;
    case N_ROLES:
    default:
      g_assert_not_reached ();
    }
}

static void
open_board_as_manager (Env *env)
{
  SbColumn *todo;
  GListModel *tasks;

  sb_test_sign_in (&env->f, env->f.manager_id);
  env->board = sb_test_open_board (env->f.ws, env->project_id);

  todo = sb_board_get_column_by_id (env->board, env->columns[0]);
  g_assert_nonnull (todo);
  tasks = sb_column_get_tasks (todo);
  g_assert_nonnull (tasks);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 1);
  env->board_task = g_list_model_get_item (tasks, 0);
  g_assert_cmpint (sb_task_get_id (env->board_task), ==, env->task_id);
}

static void
test_permission (Env           *env,
                 gconstpointer  user_data)
{
  const PermCase *c = user_data;
  int expected = expected_error (c->call->who, c->role);
  gint64 employee_id = role_employee (env, c->role);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;
  g_autofree char *before = NULL;
  g_autofree char *task_before = NULL;
  g_autofree char *task_after = NULL;
  gboolean ok;

  if (c->call->needs_board)
    open_board_as_manager (env);

  /* Hold the canonical task object across the call, as an open task editor would. */
  sb_test_sign_in (&env->f, env->f.manager_id);
  task = sb_test_get_task (env->f.ws, env->task_id);
  task_before = sb_test_describe_task (task);

  sb_test_sign_in (&env->f, employee_id);
  before = sb_test_dump (env->f.db);

  ok = c->call->call (env, &error);

  if (expected < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("%s as %s: %s", c->call->name, role_names[c->role], error->message);
  g_assert_error (error, SB_MODEL_ERROR, expected);

  sb_test_assert_unchanged (env->f.db, before);
  task_after = sb_test_describe_task (task);
  g_assert_cmpstr (task_before, ==, task_after);
  g_assert_cmpint (sb_workspace_get_current_employee_id (env->f.ws), ==, employee_id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      for (Role role = 0; role < N_ROLES; role++)
        {
          PermCase *c = &cases[i * N_ROLES + role];
          g_autofree char *path = NULL;

          c->call = &calls[i];
          c->role = role;
          path = g_strdup_printf ("/permissions/%s/%s", calls[i].name, role_names[role]);
          g_test_add (path, Env, c, env_setup, test_permission, env_teardown);
        }
    }

  return g_test_run ();
}
