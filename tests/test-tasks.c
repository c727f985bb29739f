/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* Stories, tasks, their activity log, comments and the scrum page. */

#include <math.h>
#include <string.h>

#include "sb-test-util.h"

/* Helpers */

typedef struct
{
  gint64 project_id;
  gint64 columns[SB_TEST_N_COLUMNS];   /* To Do, In Progress, In Review, Done */
} Project;

/* WEB, managed by Dana with Milo as member; Dana is signed in. */
static Project
setup_web (SbTestFixture *fixture)
{
  Project project = { 0, };

  project.project_id = sb_test_create_project (fixture, FALSE);
  sb_test_get_column_ids (fixture->ws, project.project_id, project.columns);

  return project;
}

/* OTHER, managed by Dana alone; Dana is signed in. */
static Project
setup_other (SbTestFixture *fixture)
{
  Project project = { 0, };

  project.project_id = sb_test_create_project_as (fixture, fixture->manager_id, "OTHER", "Other",
                                                  fixture->manager_id, NULL, 0);
  sb_test_get_column_ids (fixture->ws, project.project_id, project.columns);

  return project;
}

static char *
task_title (SbTestFixture *fixture,
            gint64         task_id)
{
  g_autoptr(SbTask) task = sb_test_get_task (fixture->ws, task_id);

  return g_strdup (sb_task_get_title (task));
}

static char *
column_signature (SbTestFixture *fixture,
                  gint64         project_id,
                  guint          index)
{
  g_autoptr(SbBoard) board = sb_test_open_board (fixture->ws, project_id);
  g_autoptr(SbColumn) column = g_list_model_get_item (G_LIST_MODEL (board), index);

  g_assert_nonnull (column);

  return sb_test_column_keys (column);
}

static GListModel *
list_activity (SbTestFixture *fixture,
               gint64         task_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *activity = sb_workspace_list_activity (fixture->ws, task_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (activity);

  return activity;
}

static guint
activity_count (SbTestFixture *fixture,
                gint64         task_id)
{
  g_autoptr(GListModel) activity = list_activity (fixture, task_id);

  return g_list_model_get_n_items (activity);
}

/* Asserts that the newest activity row of the task is @field from @old_value to @new_value
 * (NULL @old_value: not checked). */
static void
assert_last_activity (SbTestFixture *fixture,
                      gint64         task_id,
                      const char    *field,
                      const char    *old_value,
                      const char    *new_value)
{
  g_autoptr(GListModel) activity = list_activity (fixture, task_id);
  g_autoptr(SbActivity) last = NULL;
  guint n = g_list_model_get_n_items (activity);

  g_assert_cmpuint (n, >, 0);
  last = g_list_model_get_item (activity, n - 1);
  g_assert_cmpstr (sb_activity_get_field (last), ==, field);
  if (old_value != NULL)
    g_assert_cmpstr (sb_activity_get_old_value (last), ==, old_value);
  g_assert_cmpstr (sb_activity_get_new_value (last), ==, new_value);
  g_assert_cmpint (sb_activity_get_task_id (last), ==, task_id);
}

/* Stories */

static void
test_story_create (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStory) story = NULL;
  g_autoptr(SbStory) second = NULL;
  g_autoptr(SbTask) task = NULL;
  Project web = setup_web (fixture);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  /* Any member creates stories. */
  sb_test_sign_in (fixture, fixture->member_id);
  story = sb_workspace_create_story (fixture->ws, web.project_id, "Checkout", "Pay for things",
                                     8, &error);
  g_assert_no_error (error);
  g_assert_nonnull (story);
  g_assert_cmpint (sb_story_get_id (story), >, 0);
  g_assert_cmpint (sb_story_get_project_id (story), ==, web.project_id);
  g_assert_cmpstr (sb_story_get_key (story), ==, "WEB-1");
  g_assert_cmpint (sb_story_get_number (story), ==, 1);
  g_assert_cmpstr (sb_story_get_title (story), ==, "Checkout");
  g_assert_cmpstr (sb_story_get_description (story), ==, "Pay for things");
  g_assert_cmpint (sb_story_get_points (story), ==, 8);
  g_assert_cmpuint (sb_story_get_task_count (story), ==, 0);
  g_assert_cmpuint (sb_story_get_done_count (story), ==, 0);
  g_assert_cmpint (sb_story_get_created_at (story), >, 0);

  /* Tasks and stories share the numbers. */
  draft.title = "First task";
  task = sb_workspace_create_task (fixture->ws, web.project_id, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_task_get_key (task), ==, "WEB-2");
  g_assert_cmpint (sb_task_get_number (task), ==, 2);

  second = sb_workspace_create_story (fixture->ws, web.project_id, "Search", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_story_get_key (second), ==, "WEB-3");
  g_assert_cmpint (sb_story_get_number (second), ==, 3);
  g_assert_cmpint (sb_story_get_points (second), ==, 0);
}

static void
test_story_refused (SbTestFixture *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  Project web = setup_web (fixture);
  SbStory *story;

  before = sb_test_dump (fixture->db);

  story = sb_workspace_create_story (fixture->ws, web.project_id, "Too big", NULL, 1001, &error);
  g_assert_null (story);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);

  story = sb_workspace_create_story (fixture->ws, web.project_id, "Negative", NULL, -1, &error);
  g_assert_null (story);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);

  story = sb_workspace_create_story (fixture->ws, web.project_id, "", NULL, 1, &error);
  g_assert_null (story);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);

  story = sb_workspace_create_story (fixture->ws, 999999, "Nowhere", NULL, 1, &error);
  g_assert_null (story);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);

  sb_test_sign_in (fixture, fixture->outsider_id);
  story = sb_workspace_create_story (fixture->ws, web.project_id, "Outsider", NULL, 1, &error);
  g_assert_null (story);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);

  sb_test_assert_unchanged (fixture->db, before);

  /* The failures used no number. */
  sb_test_sign_in (fixture, fixture->manager_id);
  {
    g_autoptr(SbStory) first = sb_workspace_create_story (fixture->ws, web.project_id, "First",
                                                          NULL, 1000, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sb_story_get_key (first), ==, "WEB-1");
    g_assert_cmpint (sb_story_get_points (first), ==, 1000);
  }
}

static void
test_story_update (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) stories = NULL;
  g_autoptr(SbStory) story = NULL;
  g_autoptr(SbTask) task = NULL;
  Project web = setup_web (fixture);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  gint64 story_id = sb_test_create_story (fixture->ws, web.project_id, "Login", NULL, 1);

  draft.title = "Form";
  draft.story_id = story_id;
  sb_test_create_task_from_draft (fixture->ws, web.project_id, &draft);

  /* A member may update stories. */
  sb_test_sign_in (fixture, fixture->member_id);
  g_assert_true (sb_workspace_update_story (fixture->ws, story_id, "Sign in", "With a password",
                                            13, &error));
  g_assert_no_error (error);

  stories = sb_workspace_list_stories (fixture->ws, web.project_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 1);
  story = g_list_model_get_item (stories, 0);
  g_assert_cmpint (sb_story_get_id (story), ==, story_id);
  g_assert_cmpstr (sb_story_get_key (story), ==, "WEB-1");
  g_assert_cmpstr (sb_story_get_title (story), ==, "Sign in");
  g_assert_cmpstr (sb_story_get_description (story), ==, "With a password");
  g_assert_cmpint (sb_story_get_points (story), ==, 13);

  task = sb_test_get_task (fixture->ws, sb_test_query_int (fixture->db, "SELECT id FROM tasks"));
  g_assert_cmpstr (sb_task_get_story_title (task), ==, "Sign in");
  g_assert_cmpstr (sb_task_get_story_key (task), ==, "WEB-1");

  g_assert_false (sb_workspace_update_story (fixture->ws, story_id, "Sign in", NULL, 5000,
                                             &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_false (sb_workspace_update_story (fixture->ws, 999999, "Nope", NULL, 1, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);

  sb_test_sign_in (fixture, fixture->outsider_id);
  g_assert_false (sb_workspace_update_story (fixture->ws, story_id, "Mine", NULL, 1, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
}

static void
test_story_delete (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) stories = NULL;
  g_autoptr(SbTask) task = NULL;
  g_autofree char *before = NULL;
  Project web = setup_web (fixture);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  gint64 story_id = sb_test_create_story (fixture->ws, web.project_id, "Doomed", NULL, 1);
  guint notified = 0;

  draft.title = "Orphan to be";
  draft.story_id = story_id;
  sb_test_create_task_from_draft (fixture->ws, web.project_id, &draft);
  task = sb_test_get_task (fixture->ws, sb_test_query_int (fixture->db, "SELECT id FROM tasks"));
  g_assert_cmpint (sb_task_get_story_id (task), ==, story_id);
  g_signal_connect (task, "notify::story-id", G_CALLBACK (sb_test_count_notify_cb), &notified);

  /* Members may not delete stories. */
  sb_test_sign_in (fixture, fixture->member_id);
  before = sb_test_dump (fixture->db);
  g_assert_false (sb_workspace_delete_story (fixture->ws, story_id, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
  sb_test_assert_unchanged (fixture->db, before);

  sb_test_sign_in (fixture, fixture->manager_id);
  g_assert_true (sb_workspace_delete_story (fixture->ws, story_id, &error));
  g_assert_no_error (error);

  /* The task stays, without a story; the object someone holds is updated. */
  g_assert_cmpint (sb_task_get_story_id (task), ==, 0);
  g_assert_null (sb_task_get_story_key (task));
  g_assert_null (sb_task_get_story_title (task));
  g_assert_cmpuint (notified, >=, 1);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE story_id IS NULL"),
                   ==, 1);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "stories"), ==, 0);

  stories = sb_workspace_list_stories (fixture->ws, web.project_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 0);

  g_assert_false (sb_workspace_delete_story (fixture->ws, story_id, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);

  g_signal_handlers_disconnect_by_func (task, sb_test_count_notify_cb, &notified);
}

static void
test_list_stories_counts (SbTestFixture *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) stories = NULL;
  g_autoptr(SbStory) first = NULL;
  g_autoptr(SbStory) second = NULL;
  Project web = setup_web (fixture);
  gint64 empty_id, full_id;
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  empty_id = sb_test_create_story (fixture->ws, web.project_id, "Empty", NULL, 1);
  full_id = sb_test_create_story (fixture->ws, web.project_id, "Full", NULL, 1);

  draft.story_id = full_id;
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *title = g_strdup_printf ("Part %u", i);

      draft.title = title;
      /* Two in To Do, one in In Review, one in Done. */
      draft.column_id = i < 2 ? web.columns[0] : i == 2 ? web.columns[2] : web.columns[3];
      sb_test_create_task_from_draft (fixture->ws, web.project_id, &draft);
    }
  /* A task without story does not count. */
  sb_test_create_task (fixture->ws, web.project_id, "Loose", web.columns[3]);

  stories = sb_workspace_list_stories (fixture->ws, web.project_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 2);

  first = g_list_model_get_item (stories, 0);
  second = g_list_model_get_item (stories, 1);
  g_assert_cmpint (sb_story_get_id (first), ==, empty_id);
  g_assert_cmpstr (sb_story_get_key (first), ==, "WEB-1");
  g_assert_cmpuint (sb_story_get_task_count (first), ==, 0);
  g_assert_cmpuint (sb_story_get_done_count (first), ==, 0);
  g_assert_cmpint (sb_story_get_id (second), ==, full_id);
  g_assert_cmpstr (sb_story_get_key (second), ==, "WEB-2");
  g_assert_cmpuint (sb_story_get_task_count (second), ==, 4);
  g_assert_cmpuint (sb_story_get_done_count (second), ==, 1);

  sb_test_sign_in (fixture, fixture->outsider_id);
  {
    GListModel *refused = sb_workspace_list_stories (fixture->ws, web.project_id, &error);

    g_assert_null (refused);
    sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
  }
}

/* Creating tasks */

static void
test_task_create_every_field (SbTestFixture *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;
  g_autoptr(SbTask) fetched = NULL;
  Project web = setup_web (fixture);
  gint64 story_id = sb_test_create_story (fixture->ws, web.project_id, "Checkout", NULL, 1);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;

  draft.title = "Pay by card";
  draft.description = "Visa and Mastercard\nfirst.";
  draft.story_id = story_id;
  draft.assignee_id = fixture->member_id;
  draft.priority = SB_PRIORITY_HIGH;
  draft.due_date = "2000-01-01";
  draft.column_id = 0;

  task = sb_workspace_create_task (fixture->ws, web.project_id, &draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (task);

  fetched = sb_test_get_task (fixture->ws, sb_task_get_id (task));
  for (guint i = 0; i < 2; i++)
    {
      SbTask *t = i == 0 ? task : fetched;

      g_assert_cmpint (sb_task_get_id (t), >, 0);
      g_assert_cmpint (sb_task_get_project_id (t), ==, web.project_id);
      g_assert_cmpstr (sb_task_get_key (t), ==, "WEB-2");
      g_assert_cmpint (sb_task_get_number (t), ==, 2);
      g_assert_cmpstr (sb_task_get_title (t), ==, "Pay by card");
      g_assert_cmpstr (sb_task_get_description (t), ==, "Visa and Mastercard\nfirst.");
      g_assert_cmpint (sb_task_get_story_id (t), ==, story_id);
      g_assert_cmpstr (sb_task_get_story_key (t), ==, "WEB-1");
      g_assert_cmpstr (sb_task_get_story_title (t), ==, "Checkout");
      g_assert_cmpint (sb_task_get_assignee_id (t), ==, fixture->member_id);
      g_assert_cmpstr (sb_task_get_assignee_name (t), ==, "Milo Member");
      g_assert_cmpstr (sb_task_get_assignee_email (t), ==, "milo@example.org");
      g_assert_cmpint (sb_task_get_priority (t), ==, SB_PRIORITY_HIGH);
      g_assert_cmpstr (sb_task_get_due_date (t), ==, "2000-01-01");
      g_assert_cmpint (sb_task_get_column_id (t), ==, web.columns[0]);
      g_assert_cmpuint (sb_task_get_comment_count (t), ==, 0);
      g_assert_true (sb_task_get_overdue (t));
      g_assert_true (isfinite (sb_task_get_rank (t)));
      g_assert_cmpint (sb_task_get_created_at (t), >, 0);
      g_assert_cmpint (sb_task_get_updated_at (t), >=, sb_task_get_created_at (t));
    }

  /* The row says the same. */
  g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE title = 'Pay by card'"
                                       " AND priority = 2 AND due_date = '2000-01-01'"
                                       " AND deleted_at IS NULL AND assignee_id = %" G_GINT64_FORMAT
                                       " AND story_id = %" G_GINT64_FORMAT,
                                       fixture->member_id, story_id), ==, 1);
}

static void
test_task_create_defaults_and_overdue (SbTestFixture *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) plain = NULL;
  g_autoptr(SbTask) future = NULL;
  g_autoptr(SbTask) done_late = NULL;
  g_autoptr(SbTask) progress = NULL;
  Project web = setup_web (fixture);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  const char *description;

  /* Any member creates tasks. */
  sb_test_sign_in (fixture, fixture->member_id);

  draft.title = "Plain";
  plain = sb_workspace_create_task (fixture->ws, web.project_id, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_task_get_key (plain), ==, "WEB-1");
  description = sb_task_get_description (plain);
  g_assert_true (description == NULL || *description == '\0');
  g_assert_cmpint (sb_task_get_story_id (plain), ==, 0);
  g_assert_null (sb_task_get_story_key (plain));
  g_assert_null (sb_task_get_story_title (plain));
  g_assert_cmpint (sb_task_get_assignee_id (plain), ==, 0);
  g_assert_null (sb_task_get_assignee_name (plain));
  g_assert_null (sb_task_get_assignee_email (plain));
  g_assert_cmpint (sb_task_get_priority (plain), ==, SB_PRIORITY_MEDIUM);
  g_assert_null (sb_task_get_due_date (plain));
  g_assert_false (sb_task_get_overdue (plain));
  g_assert_cmpint (sb_task_get_column_id (plain), ==, web.columns[0]);

  draft.title = "Future";
  draft.due_date = "2999-12-31";
  future = sb_workspace_create_task (fixture->ws, web.project_id, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_task_get_key (future), ==, "WEB-2");
  g_assert_false (sb_task_get_overdue (future));

  draft.title = "Late but done";
  draft.due_date = "2000-01-01";
  draft.column_id = web.columns[3];
  draft.priority = SB_PRIORITY_LOW;
  done_late = sb_workspace_create_task (fixture->ws, web.project_id, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_task_get_column_id (done_late), ==, web.columns[3]);
  g_assert_cmpint (sb_task_get_priority (done_late), ==, SB_PRIORITY_LOW);
  g_assert_false (sb_task_get_overdue (done_late));

  draft.title = "Late in progress";
  draft.column_id = web.columns[1];
  draft.priority = SB_PRIORITY_CRITICAL;
  progress = sb_workspace_create_task (fixture->ws, web.project_id, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_task_get_column_id (progress), ==, web.columns[1]);
  g_assert_cmpint (sb_task_get_priority (progress), ==, SB_PRIORITY_CRITICAL);
  g_assert_true (sb_task_get_overdue (progress));
}

static void
test_task_create_refused (SbTestFixture *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *huge = NULL;
  Project other = setup_other (fixture);
  Project web = setup_web (fixture);
  gint64 other_story = sb_test_create_story (fixture->ws, other.project_id, "Elsewhere", NULL, 1);
  SbTaskDraft drafts[14];
  SbTask *task;

  huge = g_malloc (SB_MAX_TEXT_BYTES + 2);
  memset (huge, 'x', SB_MAX_TEXT_BYTES + 1);
  huge[SB_MAX_TEXT_BYTES + 1] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    {
      SbTaskDraft init = SB_TASK_DRAFT_INIT;

      drafts[i] = init;
      drafts[i].title = "Valid title";
    }
  drafts[0].title = NULL;
  drafts[1].title = "";
  drafts[2].title = "Two\nlines";
  drafts[3].story_id = other_story;
  drafts[4].assignee_id = fixture->outsider_id;
  drafts[5].assignee_id = 999999;
  drafts[6].priority = 4;
  drafts[7].due_date = "2023-02-30";
  drafts[8].due_date = "1969-12-31";
  drafts[9].due_date = "3000-01-01";
  drafts[10].due_date = "2023-1-5";
  drafts[11].column_id = other.columns[0];
  drafts[12].description = huge;
  drafts[13].story_id = 999999;

  before = sb_test_dump (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    {
      g_test_message ("draft %u", i);
      task = sb_workspace_create_task (fixture->ws, web.project_id, &drafts[i], &error);
      g_assert_null (task);
      sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);

      task = sb_workspace_insert_task (fixture->ws, web.project_id, &drafts[i], 0, &error);
      g_assert_null (task);
      sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
    }

  task = sb_workspace_create_task (fixture->ws, 999999, &drafts[13], &error);
  g_assert_null (task);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);

  sb_test_sign_in (fixture, fixture->outsider_id);
  drafts[0].title = "Valid title";
  task = sb_workspace_create_task (fixture->ws, web.project_id, &drafts[0], &error);
  g_assert_null (task);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);

  sb_test_assert_unchanged (fixture->db, before);
}

static void
test_insert_task_position (SbTestFixture *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *todo = NULL;
  g_autofree char *progress = NULL;
  Project web = setup_web (fixture);

  sb_test_create_task (fixture->ws, web.project_id, "A", 0);                   /* WEB-1 */
  sb_test_create_task (fixture->ws, web.project_id, "B", 0);                   /* WEB-2 */
  sb_test_create_task (fixture->ws, web.project_id, "C", web.columns[0]);      /* WEB-3 */
  sb_test_insert_task (fixture->ws, web.project_id, "X", 0, 0);                /* WEB-4 first */
  sb_test_insert_task (fixture->ws, web.project_id, "Y", web.columns[0], 2);   /* WEB-5 third */
  sb_test_insert_task (fixture->ws, web.project_id, "Z", web.columns[0], 99);  /* WEB-6 clamped */
  sb_test_insert_task (fixture->ws, web.project_id, "P", web.columns[1], 5);   /* WEB-7 alone */
  sb_test_insert_task (fixture->ws, web.project_id, "Q", web.columns[1], 0);   /* WEB-8 before it */

  todo = column_signature (fixture, web.project_id, 0);
  g_assert_cmpstr (todo, ==, "WEB-4 WEB-1 WEB-5 WEB-2 WEB-3 WEB-6");
  progress = column_signature (fixture, web.project_id, 1);
  g_assert_cmpstr (progress, ==, "WEB-8 WEB-7");
}

/* Reading and changing tasks */

static void
test_get_task_canonical (SbTestFixture *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) first = NULL;
  g_autoptr(SbTask) second = NULL;
  Project web = setup_web (fixture);
  gint64 task_id = sb_test_create_task (fixture->ws, web.project_id, "Original", 0);
  guint title_notified = 0;
  guint priority_notified = 0;
  SbTask *missing;

  first = sb_test_get_task (fixture->ws, task_id);
  second = sb_test_get_task (fixture->ws, task_id);
  g_assert_true (first == second);

  g_signal_connect (first, "notify::title", G_CALLBACK (sb_test_count_notify_cb),
                    &title_notified);
  g_signal_connect (first, "notify::priority", G_CALLBACK (sb_test_count_notify_cb),
                    &priority_notified);

  g_assert_true (sb_workspace_set_task_title (fixture->ws, task_id, "Renamed", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (title_notified, ==, 1);
  g_assert_cmpuint (priority_notified, ==, 0);
  g_assert_cmpstr (sb_task_get_title (first), ==, "Renamed");

  /* The same value again: nothing changes, nothing is notified. */
  g_assert_true (sb_workspace_set_task_title (fixture->ws, task_id, "Renamed", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (title_notified, ==, 1);

  g_assert_true (sb_workspace_set_task_priority (fixture->ws, task_id, SB_PRIORITY_CRITICAL,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpuint (priority_notified, ==, 1);
  g_assert_cmpuint (title_notified, ==, 1);
  g_assert_cmpint (sb_task_get_priority (first), ==, SB_PRIORITY_CRITICAL);

  missing = sb_workspace_get_task (fixture->ws, 999999, &error);
  g_assert_null (missing);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);

  sb_test_sign_in (fixture, fixture->outsider_id);
  missing = sb_workspace_get_task (fixture->ws, task_id, &error);
  g_assert_null (missing);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);

  g_signal_handlers_disconnect_by_func (first, sb_test_count_notify_cb, &title_notified);
  g_signal_handlers_disconnect_by_func (first, sb_test_count_notify_cb, &priority_notified);
}

static void
test_update_task_three_fields (SbTestFixture *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;
  g_autoptr(GListModel) activity = NULL;
  Project web = setup_web (fixture);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  gint64 task_id;
  guint n_before;
  gboolean seen_title = FALSE, seen_description = FALSE, seen_priority = FALSE;

  draft.title = "Old title";
  draft.description = "Old description";
  draft.assignee_id = fixture->member_id;
  draft.due_date = "2030-06-01";
  task_id = sb_test_create_task_from_draft (fixture->ws, web.project_id, &draft);

  n_before = activity_count (fixture, task_id);
  g_assert_cmpuint (n_before, ==, 1);

  /* A member edits the task in the editor. */
  sb_test_sign_in (fixture, fixture->member_id);
  task = sb_test_get_task (fixture->ws, task_id);
  draft = sb_test_draft_from_task (task);
  draft.title = "New title";
  draft.description = "New description";
  draft.priority = SB_PRIORITY_CRITICAL;
  g_assert_true (sb_workspace_update_task (fixture->ws, task_id, &draft, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (sb_task_get_title (task), ==, "New title");
  g_assert_cmpstr (sb_task_get_description (task), ==, "New description");
  g_assert_cmpint (sb_task_get_priority (task), ==, SB_PRIORITY_CRITICAL);
  g_assert_cmpint (sb_task_get_assignee_id (task), ==, fixture->member_id);
  g_assert_cmpstr (sb_task_get_due_date (task), ==, "2030-06-01");
  g_assert_cmpint (sb_task_get_column_id (task), ==, web.columns[0]);

  activity = list_activity (fixture, task_id);
  g_assert_cmpuint (g_list_model_get_n_items (activity), ==, n_before + 3);
  for (guint i = n_before; i < n_before + 3; i++)
    {
      g_autoptr(SbActivity) row = g_list_model_get_item (activity, i);
      const char *field = sb_activity_get_field (row);

      g_assert_cmpint (sb_activity_get_actor_id (row), ==, fixture->member_id);
      g_assert_cmpstr (sb_activity_get_actor_name (row), ==, "Milo Member");
      if (g_strcmp0 (field, "title") == 0)
        {
          g_assert_false (seen_title);
          seen_title = TRUE;
          g_assert_cmpstr (sb_activity_get_old_value (row), ==, "Old title");
          g_assert_cmpstr (sb_activity_get_new_value (row), ==, "New title");
        }
      else if (g_strcmp0 (field, "description") == 0)
        {
          g_assert_false (seen_description);
          seen_description = TRUE;
          g_assert_cmpstr (sb_activity_get_old_value (row), ==, "Old description");
          g_assert_cmpstr (sb_activity_get_new_value (row), ==, "New description");
        }
      else if (g_strcmp0 (field, "priority") == 0)
        {
          g_assert_false (seen_priority);
          seen_priority = TRUE;
          g_assert_cmpstr (sb_activity_get_old_value (row), ==, "medium");
          g_assert_cmpstr (sb_activity_get_new_value (row), ==, "critical");
        }
      else
        {
          g_error ("Unexpected activity field “%s”", field);
        }
    }
  g_assert_true (seen_title && seen_description && seen_priority);
}

static void
test_update_task_unchanged (SbTestFixture *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;
  g_autofree char *before = NULL;
  Project web = setup_web (fixture);
  gint64 story_id = sb_test_create_story (fixture->ws, web.project_id, "Story", NULL, 1);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  gint64 task_id;
  guint notified = 0;

  draft.title = "Same";
  draft.description = "Same text";
  draft.story_id = story_id;
  draft.assignee_id = fixture->manager_id;
  draft.priority = SB_PRIORITY_LOW;
  draft.due_date = "2030-01-31";
  draft.column_id = web.columns[2];
  task = sb_workspace_create_task (fixture->ws, web.project_id, &draft, &error);
  g_assert_no_error (error);
  task_id = sb_task_get_id (task);
  g_signal_connect (task, "notify", G_CALLBACK (sb_test_count_notify_cb), &notified);

  before = sb_test_dump (fixture->db);
  draft = sb_test_draft_from_task (task);
  g_assert_true (sb_workspace_update_task (fixture->ws, task_id, &draft, &error));
  g_assert_no_error (error);
  sb_test_assert_unchanged (fixture->db, before);
  g_assert_cmpuint (activity_count (fixture, task_id), ==, 1);
  g_assert_cmpuint (notified, ==, 0);

  g_signal_handlers_disconnect_by_func (task, sb_test_count_notify_cb, &notified);
}

static void
test_update_task_column (SbTestFixture *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;
  g_autofree char *board = NULL;
  Project web = setup_web (fixture);
  SbTaskDraft draft;
  gint64 task_id;

  task_id = sb_test_create_task (fixture->ws, web.project_id, "Mover", 0);        /* WEB-1 */
  sb_test_create_task (fixture->ws, web.project_id, "Stays", 0);                  /* WEB-2 */
  sb_test_create_task (fixture->ws, web.project_id, "Review 1", web.columns[2]);  /* WEB-3 */
  sb_test_create_task (fixture->ws, web.project_id, "Review 2", web.columns[2]);  /* WEB-4 */

  task = sb_test_get_task (fixture->ws, task_id);
  draft = sb_test_draft_from_task (task);
  draft.column_id = web.columns[2];
  g_assert_true (sb_workspace_update_task (fixture->ws, task_id, &draft, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sb_task_get_column_id (task), ==, web.columns[2]);
  g_assert_cmpuint (activity_count (fixture, task_id), ==, 2);
  assert_last_activity (fixture, task_id, "column", "To Do", "In Review");

  /* At the end of the new column. */
  board = sb_test_board_signature (fixture->ws, web.project_id);
  g_assert_cmpstr (board, ==,
                   "To Do: WEB-2 | In Progress: | In Review: WEB-3 WEB-4 WEB-1 | Done:");
}

static void
test_setters_activity (SbTestFixture *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;
  Project web = setup_web (fixture);
  gint64 story1 = sb_test_create_story (fixture->ws, web.project_id, "One", NULL, 1);  /* WEB-1 */
  gint64 story2 = sb_test_create_story (fixture->ws, web.project_id, "Two", NULL, 1);  /* WEB-2 */
  gint64 task_id = sb_test_create_task (fixture->ws, web.project_id, "Start", 0);
  guint n = 1;

  task = sb_test_get_task (fixture->ws, task_id);
  g_assert_cmpuint (activity_count (fixture, task_id), ==, n);

#define CHECK(call, field, old_value, new_value) \
  G_STMT_START { \
    g_assert_true (call); \
    g_assert_no_error (error); \
    n++; \
    g_assert_cmpuint (activity_count (fixture, task_id), ==, n); \
    assert_last_activity (fixture, task_id, field, old_value, new_value); \
  } G_STMT_END

  CHECK (sb_workspace_set_task_title (fixture->ws, task_id, "Finish", &error),
         "title", "Start", "Finish");
  g_assert_cmpstr (sb_task_get_title (task), ==, "Finish");

  CHECK (sb_workspace_set_task_description (fixture->ws, task_id, "Some words", &error),
         "description", NULL, "Some words");
  g_assert_cmpstr (sb_task_get_description (task), ==, "Some words");
  CHECK (sb_workspace_set_task_description (fixture->ws, task_id, "Other words", &error),
         "description", "Some words", "Other words");

  CHECK (sb_workspace_set_task_story (fixture->ws, task_id, story1, &error),
         "story", NULL, "WEB-1");
  g_assert_cmpint (sb_task_get_story_id (task), ==, story1);
  g_assert_cmpstr (sb_task_get_story_key (task), ==, "WEB-1");
  CHECK (sb_workspace_set_task_story (fixture->ws, task_id, story2, &error),
         "story", "WEB-1", "WEB-2");
  g_assert_cmpstr (sb_task_get_story_title (task), ==, "Two");

  CHECK (sb_workspace_set_task_assignee (fixture->ws, task_id, fixture->member_id, &error),
         "assignee", NULL, "Milo Member");
  g_assert_cmpint (sb_task_get_assignee_id (task), ==, fixture->member_id);
  g_assert_cmpstr (sb_task_get_assignee_name (task), ==, "Milo Member");
  CHECK (sb_workspace_set_task_assignee (fixture->ws, task_id, fixture->manager_id, &error),
         "assignee", "Milo Member", "Dana Manager");

  CHECK (sb_workspace_set_task_priority (fixture->ws, task_id, SB_PRIORITY_HIGH, &error),
         "priority", "medium", "high");
  CHECK (sb_workspace_set_task_priority (fixture->ws, task_id, SB_PRIORITY_LOW, &error),
         "priority", "high", "low");
  g_assert_cmpint (sb_task_get_priority (task), ==, SB_PRIORITY_LOW);

  CHECK (sb_workspace_set_task_due_date (fixture->ws, task_id, "2031-01-02", &error),
         "due_date", NULL, "2031-01-02");
  CHECK (sb_workspace_set_task_due_date (fixture->ws, task_id, "2031-02-03", &error),
         "due_date", "2031-01-02", "2031-02-03");
  g_assert_cmpstr (sb_task_get_due_date (task), ==, "2031-02-03");

#undef CHECK

  /* Every row names its actor. */
  {
    g_autoptr(GListModel) activity = list_activity (fixture, task_id);

    for (guint i = 0; i < g_list_model_get_n_items (activity); i++)
      {
        g_autoptr(SbActivity) row = g_list_model_get_item (activity, i);

        g_assert_cmpint (sb_activity_get_actor_id (row), ==, fixture->manager_id);
        g_assert_cmpstr (sb_activity_get_actor_name (row), ==, "Dana Manager");
        g_assert_cmpint (sb_activity_get_created_at (row), >, 0);
      }
  }
}

static void
test_setters_same_value (SbTestFixture *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  Project web = setup_web (fixture);
  gint64 story_id = sb_test_create_story (fixture->ws, web.project_id, "Story", NULL, 1);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  gint64 task_id;

  draft.title = "Fixed";
  draft.description = "Text";
  draft.story_id = story_id;
  draft.assignee_id = fixture->member_id;
  draft.priority = SB_PRIORITY_HIGH;
  draft.due_date = "2030-03-03";
  task_id = sb_test_create_task_from_draft (fixture->ws, web.project_id, &draft);

  before = sb_test_dump (fixture->db);
  g_assert_true (sb_workspace_set_task_title (fixture->ws, task_id, "Fixed", &error));
  g_assert_true (sb_workspace_set_task_description (fixture->ws, task_id, "Text", &error));
  g_assert_true (sb_workspace_set_task_story (fixture->ws, task_id, story_id, &error));
  g_assert_true (sb_workspace_set_task_assignee (fixture->ws, task_id, fixture->member_id,
                                                 &error));
  g_assert_true (sb_workspace_set_task_priority (fixture->ws, task_id, SB_PRIORITY_HIGH, &error));
  g_assert_true (sb_workspace_set_task_due_date (fixture->ws, task_id, "2030-03-03", &error));
  g_assert_no_error (error);
  sb_test_assert_unchanged (fixture->db, before);
  g_assert_cmpuint (activity_count (fixture, task_id), ==, 1);
}

static void
test_setters_refused (SbTestFixture *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  Project other = setup_other (fixture);
  Project web = setup_web (fixture);
  gint64 other_story = sb_test_create_story (fixture->ws, other.project_id, "Elsewhere", NULL, 1);
  gint64 task_id = sb_test_create_task (fixture->ws, web.project_id, "Target", 0);

  before = sb_test_dump (fixture->db);

  g_assert_false (sb_workspace_set_task_title (fixture->ws, task_id, "", &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_false (sb_workspace_set_task_story (fixture->ws, task_id, other_story, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_false (sb_workspace_set_task_assignee (fixture->ws, task_id, fixture->outsider_id,
                                                  &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_false (sb_workspace_set_task_priority (fixture->ws, task_id, 9, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_false (sb_workspace_set_task_due_date (fixture->ws, task_id, "2023-02-29", &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_false (sb_workspace_move_task (fixture->ws, task_id, other.columns[1], 0, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_false (sb_workspace_set_task_title (fixture->ws, 999999, "Nope", &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);

  sb_test_sign_in (fixture, fixture->outsider_id);
  g_assert_false (sb_workspace_set_task_title (fixture->ws, task_id, "Mine now", &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);

  sb_test_assert_unchanged (fixture->db, before);
}

static void
test_due_date_null_clears (SbTestFixture *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;
  Project web = setup_web (fixture);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  gint64 task_id;

  draft.title = "Dated";
  draft.due_date = "2000-01-01";
  task_id = sb_test_create_task_from_draft (fixture->ws, web.project_id, &draft);
  task = sb_test_get_task (fixture->ws, task_id);
  g_assert_true (sb_task_get_overdue (task));

  g_assert_true (sb_workspace_set_task_due_date (fixture->ws, task_id, NULL, &error));
  g_assert_no_error (error);

  g_assert_null (sb_task_get_due_date (task));
  g_assert_false (sb_task_get_overdue (task));
  g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE id = %" G_GINT64_FORMAT
                                       " AND due_date IS NULL", task_id), ==, 1);
  g_assert_cmpuint (activity_count (fixture, task_id), ==, 2);
  {
    g_autoptr(GListModel) activity = list_activity (fixture, task_id);
    g_autoptr(SbActivity) last = g_list_model_get_item (activity, 1);
    const char *new_value = sb_activity_get_new_value (last);

    g_assert_cmpstr (sb_activity_get_field (last), ==, "due_date");
    g_assert_cmpstr (sb_activity_get_old_value (last), ==, "2000-01-01");
    g_assert_true (new_value == NULL || *new_value == '\0');
  }

  /* Clearing again writes nothing. */
  g_assert_true (sb_workspace_set_task_due_date (fixture->ws, task_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (activity_count (fixture, task_id), ==, 2);
}

/* Moving tasks */

static void
test_move_to_other_column (SbTestFixture *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTask) task = NULL;
  g_autofree char *board = NULL;
  Project web = setup_web (fixture);
  gint64 a = sb_test_create_task (fixture->ws, web.project_id, "A", 0);    /* WEB-1 */
  guint notified = 0;

  sb_test_create_task (fixture->ws, web.project_id, "B", 0);               /* WEB-2 */
  sb_test_create_task (fixture->ws, web.project_id, "C", web.columns[1]);  /* WEB-3 */
  sb_test_create_task (fixture->ws, web.project_id, "D", web.columns[1]);  /* WEB-4 */

  task = sb_test_get_task (fixture->ws, a);
  g_signal_connect (task, "notify::column-id", G_CALLBACK (sb_test_count_notify_cb), &notified);

  /* A member moves it. */
  sb_test_sign_in (fixture, fixture->member_id);
  g_assert_true (sb_workspace_move_task (fixture->ws, a, web.columns[1], 1, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sb_task_get_column_id (task), ==, web.columns[1]);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (sb_test_query_int (fixture->db, "SELECT column_id FROM tasks WHERE id = %"
                                      G_GINT64_FORMAT, a), ==, web.columns[1]);
  g_assert_cmpuint (activity_count (fixture, a), ==, 2);
  assert_last_activity (fixture, a, "column", "To Do", "In Progress");

  board = sb_test_board_signature (fixture->ws, web.project_id);
  g_assert_cmpstr (board, ==,
                   "To Do: WEB-2 | In Progress: WEB-3 WEB-1 WEB-4 | In Review: | Done:");

  /* Into Done, at the top. */
  g_assert_true (sb_workspace_move_task (fixture->ws, a, web.columns[3], 0, &error));
  g_assert_no_error (error);
  assert_last_activity (fixture, a, "column", "In Progress", "Done");
  g_assert_cmpuint (activity_count (fixture, a), ==, 3);

  g_signal_handlers_disconnect_by_func (task, sb_test_count_notify_cb, &notified);
}

static void
test_move_within_column (SbTestFixture *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *order1 = NULL;
  g_autofree char *order2 = NULL;
  g_autofree char *order3 = NULL;
  Project web = setup_web (fixture);
  gint64 a = sb_test_create_task (fixture->ws, web.project_id, "A", 0);  /* WEB-1 */
  gint64 b = sb_test_create_task (fixture->ws, web.project_id, "B", 0);  /* WEB-2 */
  gint64 c = sb_test_create_task (fixture->ws, web.project_id, "C", 0);  /* WEB-3 */
  double rank_b, rank_c;

  {
    g_autoptr(SbTask) tb = sb_test_get_task (fixture->ws, b);
    g_autoptr(SbTask) tc = sb_test_get_task (fixture->ws, c);

    rank_b = sb_task_get_rank (tb);
    rank_c = sb_task_get_rank (tc);
  }

  /* Position counts without the task itself: [B, C] + A at 2 = B C A. */
  g_assert_true (sb_workspace_move_task (fixture->ws, a, web.columns[0], 2, &error));
  g_assert_no_error (error);
  order1 = column_signature (fixture, web.project_id, 0);
  g_assert_cmpstr (order1, ==, "WEB-2 WEB-3 WEB-1");
  g_assert_cmpuint (activity_count (fixture, a), ==, 2);
  assert_last_activity (fixture, a, "position", "1", "3");

  /* Nothing else is renumbered. */
  {
    g_autoptr(SbTask) tb = sb_test_get_task (fixture->ws, b);
    g_autoptr(SbTask) tc = sb_test_get_task (fixture->ws, c);

    g_assert_cmpfloat (sb_task_get_rank (tb), ==, rank_b);
    g_assert_cmpfloat (sb_task_get_rank (tc), ==, rank_c);
  }
  g_assert_cmpuint (activity_count (fixture, b), ==, 1);
  g_assert_cmpuint (activity_count (fixture, c), ==, 1);

  /* To the middle: [B, C] + A at 1 = B A C. */
  g_assert_true (sb_workspace_move_task (fixture->ws, a, web.columns[0], 1, &error));
  g_assert_no_error (error);
  order2 = column_signature (fixture, web.project_id, 0);
  g_assert_cmpstr (order2, ==, "WEB-2 WEB-1 WEB-3");
  assert_last_activity (fixture, a, "position", "3", "2");

  /* C to the top: [B, A] + C at 0 = C B A. */
  g_assert_true (sb_workspace_move_task (fixture->ws, c, web.columns[0], 0, &error));
  g_assert_no_error (error);
  order3 = column_signature (fixture, web.project_id, 0);
  g_assert_cmpstr (order3, ==, "WEB-3 WEB-2 WEB-1");
  assert_last_activity (fixture, c, "position", "3", "1");
  g_assert_cmpuint (activity_count (fixture, c), ==, 2);
}

static void
test_move_positions_clamp (SbTestFixture *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *order1 = NULL;
  g_autofree char *board = NULL;
  Project web = setup_web (fixture);
  gint64 a = sb_test_create_task (fixture->ws, web.project_id, "A", 0);    /* WEB-1 */
  gint64 b = sb_test_create_task (fixture->ws, web.project_id, "B", 0);    /* WEB-2 */

  sb_test_create_task (fixture->ws, web.project_id, "C", 0);               /* WEB-3 */
  sb_test_create_task (fixture->ws, web.project_id, "D", web.columns[2]);  /* WEB-4 */

  g_assert_true (sb_workspace_move_task (fixture->ws, a, web.columns[0], 99, &error));
  g_assert_no_error (error);
  order1 = column_signature (fixture, web.project_id, 0);
  g_assert_cmpstr (order1, ==, "WEB-2 WEB-3 WEB-1");
  assert_last_activity (fixture, a, "position", "1", "3");

  g_assert_true (sb_workspace_move_task (fixture->ws, b, web.columns[2], G_MAXUINT, &error));
  g_assert_no_error (error);
  sb_test_insert_task (fixture->ws, web.project_id, "E", web.columns[2], 1000);  /* WEB-5 */

  board = sb_test_board_signature (fixture->ws, web.project_id);
  g_assert_cmpstr (board, ==,
                   "To Do: WEB-3 WEB-1 | In Progress: | In Review: WEB-4 WEB-2 WEB-5 | Done:");
}

/* Deleting and restoring tasks */

static void
test_delete_task_hides (SbTestFixture *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *board_before = NULL;
  g_autofree char *board_after = NULL;
  g_autofree char *before = NULL;
  Project web = setup_web (fixture);
  SbTaskDraft draft = SB_TASK_DRAFT_INIT;
  gint64 b;
  SbTask *gone;

  sb_test_create_task (fixture->ws, web.project_id, "A", 0);                 /* WEB-1 */
  draft.title = "B";
  draft.assignee_id = fixture->member_id;
  b = sb_test_create_task_from_draft (fixture->ws, web.project_id, &draft);  /* WEB-2 */
  sb_test_create_task (fixture->ws, web.project_id, "C", 0);                 /* WEB-3 */

  board_before = sb_test_board_signature (fixture->ws, web.project_id);
  g_assert_cmpstr (board_before, ==,
                   "To Do: WEB-1 WEB-2 WEB-3 | In Progress: | In Review: | Done:");

  /* Members may not delete. */
  sb_test_sign_in (fixture, fixture->member_id);
  before = sb_test_dump (fixture->db);
  g_assert_false (sb_workspace_delete_task (fixture->ws, b, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
  sb_test_assert_unchanged (fixture->db, before);
  {
    g_autoptr(GListModel) mine = sb_workspace_list_my_open_tasks (fixture->ws, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 1);
  }

  sb_test_sign_in (fixture, fixture->manager_id);
  g_assert_true (sb_workspace_delete_task (fixture->ws, b, &error));
  g_assert_no_error (error);

  gone = sb_workspace_get_task (fixture->ws, b, &error);
  g_assert_null (gone);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);

  board_after = sb_test_board_signature (fixture->ws, web.project_id);
  g_assert_cmpstr (board_after, ==, "To Do: WEB-1 WEB-3 | In Progress: | In Review: | Done:");

  {
    g_autoptr(SbProject) project = sb_workspace_get_project (fixture->ws, web.project_id,
                                                             &error);
    g_autoptr(SbColumn) todo = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (sb_project_get_task_count (project), ==, 2);
    todo = g_list_model_get_item (sb_project_get_columns (project), 0);
    g_assert_cmpuint (sb_column_get_task_count (todo), ==, 2);
  }

  sb_test_sign_in (fixture, fixture->member_id);
  {
    g_autoptr(GListModel) mine = sb_workspace_list_my_open_tasks (fixture->ws, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 0);
  }
  gone = sb_workspace_get_task (fixture->ws, b, &error);
  g_assert_null (gone);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);

  /* The row is kept for Undo. */
  g_assert_cmpint (sb_test_count_rows (fixture->db, "tasks WHERE id = %"
                                       G_GINT64_FORMAT " AND deleted_at IS NOT NULL", b), ==, 1);
}

static void
test_restore_task (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbComment) comment = NULL;
  g_autoptr(SbTask) task = NULL;
  g_autoptr(GListModel) comments = NULL;
  g_autoptr(GListModel) activity = NULL;
  g_autofree char *board = NULL;
  g_autofree char *before = NULL;
  Project web = setup_web (fixture);
  gint64 b;
  guint n;

  sb_test_create_task (fixture->ws, web.project_id, "A", 0);      /* WEB-1 */
  b = sb_test_create_task (fixture->ws, web.project_id, "B", 0);  /* WEB-2 */
  sb_test_create_task (fixture->ws, web.project_id, "C", 0);      /* WEB-3 */
  comment = sb_workspace_add_comment (fixture->ws, b, "Keep me", &error);
  g_assert_no_error (error);

  g_assert_true (sb_workspace_delete_task (fixture->ws, b, &error));
  g_assert_no_error (error);
  /* Something else happens meanwhile. */
  sb_test_create_task (fixture->ws, web.project_id, "D", 0);      /* WEB-4 */

  /* Members may not restore. */
  sb_test_sign_in (fixture, fixture->member_id);
  before = sb_test_dump (fixture->db);
  g_assert_false (sb_workspace_restore_task (fixture->ws, b, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
  sb_test_assert_unchanged (fixture->db, before);

  sb_test_sign_in (fixture, fixture->manager_id);
  g_assert_true (sb_workspace_restore_task (fixture->ws, b, &error));
  g_assert_no_error (error);

  task = sb_test_get_task (fixture->ws, b);
  g_assert_cmpstr (sb_task_get_title (task), ==, "B");
  g_assert_cmpuint (sb_task_get_comment_count (task), ==, 1);
  board = sb_test_board_signature (fixture->ws, web.project_id);
  g_assert_cmpstr (board, ==,
                   "To Do: WEB-1 WEB-2 WEB-3 WEB-4 | In Progress: | In Review: | Done:");

  comments = sb_workspace_list_comments (fixture->ws, b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 1);
  {
    g_autoptr(SbComment) kept = g_list_model_get_item (comments, 0);

    g_assert_cmpstr (sb_comment_get_body (kept), ==, "Keep me");
  }

  activity = list_activity (fixture, b);
  n = g_list_model_get_n_items (activity);
  g_assert_cmpuint (n, ==, 3);
  {
    g_autoptr(SbActivity) deleted = g_list_model_get_item (activity, n - 2);
    g_autoptr(SbActivity) restored = g_list_model_get_item (activity, n - 1);

    g_assert_cmpstr (sb_activity_get_field (deleted), ==, "deleted");
    g_assert_cmpstr (sb_activity_get_field (restored), ==, "restored");
    g_assert_cmpint (sb_activity_get_actor_id (restored), ==, fixture->manager_id);
  }
}

/* Comments */

static void
test_comments_add_and_list (SbTestFixture *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbComment) first = NULL;
  g_autoptr(SbComment) second = NULL;
  g_autoptr(GListModel) comments = NULL;
  g_autofree char *before = NULL;
  Project web = setup_web (fixture);
  gint64 task_id = sb_test_create_task (fixture->ws, web.project_id, "Discuss", 0);
  SbComment *refused;

  first = sb_workspace_add_comment (fixture->ws, task_id, "First!", &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpint (sb_comment_get_id (first), >, 0);
  g_assert_cmpint (sb_comment_get_task_id (first), ==, task_id);
  g_assert_cmpint (sb_comment_get_author_id (first), ==, fixture->manager_id);
  g_assert_cmpstr (sb_comment_get_author_name (first), ==, "Dana Manager");
  g_assert_cmpstr (sb_comment_get_body (first), ==, "First!");
  g_assert_cmpint (sb_comment_get_created_at (first), >, 0);
  g_assert_cmpint (sb_comment_get_edited_at (first), ==, 0);

  sb_test_sign_in (fixture, fixture->member_id);
  second = sb_workspace_add_comment (fixture->ws, task_id, "Second\nwith two lines", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_comment_get_author_name (second), ==, "Milo Member");

  comments = sb_workspace_list_comments (fixture->ws, task_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 2);
  {
    g_autoptr(SbComment) c0 = g_list_model_get_item (comments, 0);
    g_autoptr(SbComment) c1 = g_list_model_get_item (comments, 1);

    g_assert_cmpint (sb_comment_get_id (c0), ==, sb_comment_get_id (first));
    g_assert_cmpstr (sb_comment_get_body (c0), ==, "First!");
    g_assert_cmpstr (sb_comment_get_author_name (c0), ==, "Dana Manager");
    g_assert_cmpint (sb_comment_get_id (c1), ==, sb_comment_get_id (second));
    g_assert_cmpstr (sb_comment_get_body (c1), ==, "Second\nwith two lines");
    g_assert_cmpstr (sb_comment_get_author_name (c1), ==, "Milo Member");
  }

  {
    g_autoptr(SbTask) task = sb_test_get_task (fixture->ws, task_id);

    g_assert_cmpuint (sb_task_get_comment_count (task), ==, 2);
  }

  before = sb_test_dump (fixture->db);
  refused = sb_workspace_add_comment (fixture->ws, task_id, "  \n\t ", &error);
  g_assert_null (refused);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  refused = sb_workspace_add_comment (fixture->ws, task_id, "", &error);
  g_assert_null (refused);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  refused = sb_workspace_add_comment (fixture->ws, 999999, "Nowhere", &error);
  g_assert_null (refused);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);
  sb_test_sign_in (fixture, fixture->outsider_id);
  refused = sb_workspace_add_comment (fixture->ws, task_id, "Let me in", &error);
  g_assert_null (refused);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
  sb_test_assert_unchanged (fixture->db, before);
}

static void
test_comment_edit (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbComment) comment = NULL;
  g_autoptr(GListModel) comments = NULL;
  g_autoptr(SbComment) edited = NULL;
  Project web = setup_web (fixture);
  gint64 task_id = sb_test_create_task (fixture->ws, web.project_id, "Discuss", 0);

  sb_test_sign_in (fixture, fixture->member_id);
  comment = sb_workspace_add_comment (fixture->ws, task_id, "Typo hre", &error);
  g_assert_no_error (error);

  g_assert_true (sb_workspace_edit_comment (fixture->ws, sb_comment_get_id (comment),
                                            "Typo here", &error));
  g_assert_no_error (error);

  comments = sb_workspace_list_comments (fixture->ws, task_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 1);
  edited = g_list_model_get_item (comments, 0);
  g_assert_cmpint (sb_comment_get_id (edited), ==, sb_comment_get_id (comment));
  g_assert_cmpstr (sb_comment_get_body (edited), ==, "Typo here");
  g_assert_cmpint (sb_comment_get_created_at (edited), ==, sb_comment_get_created_at (comment));
  g_assert_cmpint (sb_comment_get_edited_at (edited), >, 0);
  g_assert_cmpint (sb_comment_get_edited_at (edited), >=, sb_comment_get_created_at (edited));
  g_assert_cmpint (sb_test_count_rows (fixture->db, "comments WHERE body = 'Typo here'"
                                       " AND edited_at IS NOT NULL"), ==, 1);

  g_assert_false (sb_workspace_edit_comment (fixture->ws, sb_comment_get_id (comment), " ",
                                             &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_false (sb_workspace_edit_comment (fixture->ws, 999999, "Nope", &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);
}

static void
test_comment_permissions (SbTestFixture *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbComment) comment = NULL;
  g_autofree char *before = NULL;
  Project web = setup_web (fixture);
  gint64 task_id = sb_test_create_task (fixture->ws, web.project_id, "Discuss", 0);
  gint64 comment_id;
  gint64 others[] = { 0, 0, 0 };

  /* Make Olga a member so that "another member" is not the manager. */
  g_assert_true (sb_workspace_add_members (fixture->ws, web.project_id, &fixture->outsider_id, 1,
                                           &error));
  g_assert_no_error (error);

  sb_test_sign_in (fixture, fixture->member_id);
  comment = sb_workspace_add_comment (fixture->ws, task_id, "Mine", &error);
  g_assert_no_error (error);
  comment_id = sb_comment_get_id (comment);

  before = sb_test_dump (fixture->db);
  others[0] = fixture->manager_id;
  others[1] = fixture->outsider_id;
  for (guint i = 0; i < 2; i++)
    {
      sb_test_sign_in (fixture, others[i]);
      g_assert_false (sb_workspace_edit_comment (fixture->ws, comment_id, "Not yours", &error));
      sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
      g_assert_false (sb_workspace_delete_comment (fixture->ws, comment_id, &error));
      sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
    }
  sb_test_assert_unchanged (fixture->db, before);
}

static void
test_comment_delete (SbTestFixture *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbComment) keep = NULL;
  g_autoptr(SbComment) doomed = NULL;
  g_autoptr(GListModel) comments = NULL;
  Project web = setup_web (fixture);
  gint64 task_id = sb_test_create_task (fixture->ws, web.project_id, "Discuss", 0);

  sb_test_sign_in (fixture, fixture->member_id);
  keep = sb_workspace_add_comment (fixture->ws, task_id, "Keep", &error);
  g_assert_no_error (error);
  doomed = sb_workspace_add_comment (fixture->ws, task_id, "Oops", &error);
  g_assert_no_error (error);

  g_assert_true (sb_workspace_delete_comment (fixture->ws, sb_comment_get_id (doomed), &error));
  g_assert_no_error (error);

  comments = sb_workspace_list_comments (fixture->ws, task_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (comments), ==, 1);
  {
    g_autoptr(SbComment) left = g_list_model_get_item (comments, 0);

    g_assert_cmpstr (sb_comment_get_body (left), ==, "Keep");
  }
  {
    g_autoptr(SbTask) task = sb_test_get_task (fixture->ws, task_id);

    g_assert_cmpuint (sb_task_get_comment_count (task), ==, 1);
  }
  g_assert_cmpint (sb_test_count_rows (fixture->db, "comments"), ==, 1);

  g_assert_false (sb_workspace_delete_comment (fixture->ws, sb_comment_get_id (doomed), &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);
}

/* Activity */

static void
test_activity_created (SbTestFixture *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) activity = NULL;
  g_autoptr(SbActivity) created = NULL;
  g_autofree char *title = NULL;
  Project web = setup_web (fixture);
  gint64 task_id;

  sb_test_sign_in (fixture, fixture->member_id);
  task_id = sb_test_create_task (fixture->ws, web.project_id, "Fresh", 0);
  title = task_title (fixture, task_id);
  g_assert_cmpstr (title, ==, "Fresh");
  g_assert_true (sb_workspace_set_task_title (fixture->ws, task_id, "Fresher", &error));
  g_assert_no_error (error);

  activity = list_activity (fixture, task_id);
  g_assert_cmpuint (g_list_model_get_n_items (activity), ==, 2);
  created = g_list_model_get_item (activity, 0);
  g_assert_cmpstr (sb_activity_get_field (created), ==, "created");
  g_assert_cmpint (sb_activity_get_task_id (created), ==, task_id);
  g_assert_cmpint (sb_activity_get_actor_id (created), ==, fixture->member_id);
  g_assert_cmpstr (sb_activity_get_actor_name (created), ==, "Milo Member");
  g_assert_cmpint (sb_activity_get_created_at (created), >, 0);
  {
    g_autoptr(SbActivity) renamed = g_list_model_get_item (activity, 1);

    g_assert_cmpstr (sb_activity_get_field (renamed), ==, "title");
    g_assert_cmpint (sb_activity_get_id (renamed), >, sb_activity_get_id (created));
  }

  sb_test_sign_in (fixture, fixture->outsider_id);
  {
    GListModel *refused = sb_workspace_list_activity (fixture->ws, task_id, &error);

    g_assert_null (refused);
    sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
  }
}

/* The scrum page */

static void
test_open_board (SbTestFixture *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBoard) board = NULL;
  Project web = setup_web (fixture);
  const char *names[] = { "To Do", "In Progress", "In Review", "Done" };
  const char *expected[] = {
    "WEB-9 WEB-3 WEB-4 WEB-5",
    "WEB-6",
    "",
    "WEB-7 WEB-8",
  };
  gint64 held_id;
  GListModel *stories;

  sb_test_create_story (fixture->ws, web.project_id, "Story one", NULL, 1);    /* WEB-1 */
  sb_test_create_story (fixture->ws, web.project_id, "Story two", NULL, 1);    /* WEB-2 */
  sb_test_create_task (fixture->ws, web.project_id, "T3", 0);                  /* WEB-3 */
  held_id = sb_test_create_task (fixture->ws, web.project_id, "T4", 0);        /* WEB-4 */
  sb_test_create_task (fixture->ws, web.project_id, "T5", 0);                  /* WEB-5 */
  sb_test_create_task (fixture->ws, web.project_id, "T6", web.columns[1]);     /* WEB-6 */
  sb_test_create_task (fixture->ws, web.project_id, "T7", web.columns[3]);     /* WEB-7 */
  sb_test_create_task (fixture->ws, web.project_id, "T8", web.columns[3]);     /* WEB-8 */
  sb_test_insert_task (fixture->ws, web.project_id, "T9", web.columns[0], 0);  /* WEB-9 */

  /* A member opens it. */
  sb_test_sign_in (fixture, fixture->member_id);
  board = sb_workspace_open_board (fixture->ws, web.project_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (board);

  g_assert_cmpstr (sb_project_get_key (sb_board_get_project (board)), ==, "WEB");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (board)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(SbColumn) column = g_list_model_get_item (G_LIST_MODEL (board), i);
      g_autofree char *keys = NULL;

      g_assert_true (SB_IS_COLUMN (column));
      g_assert_cmpstr (sb_column_get_name (column), ==, names[i]);
      g_assert_cmpint (sb_column_get_id (column), ==, web.columns[i]);
      g_assert_cmpint (sb_column_get_is_done (column), ==, i == 3);
      keys = sb_test_column_keys (column);
      g_assert_cmpstr (keys, ==, expected[i]);
    }
  {
    g_autoptr(SbColumn) todo = g_list_model_get_item (G_LIST_MODEL (board), 0);
    g_autoptr(SbColumn) progress = g_list_model_get_item (G_LIST_MODEL (board), 1);
    g_autoptr(SbColumn) review = g_list_model_get_item (G_LIST_MODEL (board), 2);
    g_autoptr(SbColumn) done = g_list_model_get_item (G_LIST_MODEL (board), 3);
    g_autoptr(SbTask) from_board = NULL;
    g_autoptr(SbTask) from_get = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (sb_column_get_tasks (todo)), ==, 4);
    g_assert_cmpuint (g_list_model_get_n_items (sb_column_get_tasks (progress)), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (sb_column_get_tasks (review)), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (sb_column_get_tasks (done)), ==, 2);
    g_assert_true (sb_board_get_column_by_id (board, web.columns[2]) == review);

    /* Task objects are canonical per workspace: the board's card is get_task()'s object. */
    from_board = g_list_model_get_item (sb_column_get_tasks (todo), 2);
    g_assert_cmpint (sb_task_get_id (from_board), ==, held_id);
    g_assert_cmpstr (sb_task_get_title (from_board), ==, "T4");
    from_get = sb_test_get_task (fixture->ws, held_id);
    g_assert_true (from_board == from_get);
  }

  stories = sb_board_get_stories (board);
  g_assert_nonnull (stories);
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 2);
  {
    g_autoptr(SbStory) s0 = g_list_model_get_item (stories, 0);
    g_autoptr(SbStory) s1 = g_list_model_get_item (stories, 1);

    g_assert_cmpstr (sb_story_get_key (s0), ==, "WEB-1");
    g_assert_cmpstr (sb_story_get_title (s0), ==, "Story one");
    g_assert_cmpstr (sb_story_get_key (s1), ==, "WEB-2");
  }
}

static void
test_open_board_refused (SbTestFixture *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Project web = setup_web (fixture);
  SbBoard *board;

  sb_test_sign_in (fixture, fixture->outsider_id);
  board = sb_workspace_open_board (fixture->ws, web.project_id, &error);
  g_assert_null (board);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);

  board = sb_workspace_open_board (fixture->ws, 999999, &error);
  g_assert_null (board);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);

  sb_test_sign_in (fixture, 0);
  board = sb_workspace_open_board (fixture->ws, web.project_id, &error);
  g_assert_null (board);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);
}

/* A ::notify handler that queries the workspace while a list is being read must not disturb
 * the read: notifications wait until the statement is done. */
typedef struct
{
  SbWorkspace *ws;
  guint        calls;
  guint        seen;
} ReentrantData;

static void
on_title_notify_list_again (GObject       *object,
                            GParamSpec    *pspec,
                            ReentrantData *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) again = sb_workspace_list_my_open_tasks (data->ws, &error);

  g_assert_no_error (error);
  data->seen = g_list_model_get_n_items (again);
  data->calls++;
}

static void
test_notify_waits_for_statement (SbTestFixture *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SbTask) held = NULL;
  ReentrantData data = { fixture->ws, 0, 0 };
  gint64 project_id = sb_test_create_project (fixture, FALSE);
  gint64 ids[3];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *title = g_strdup_printf ("Task %u", i);

      ids[i] = sb_test_create_task (fixture->ws, project_id, title, 0);
      g_assert_true (sb_workspace_set_task_assignee (fixture->ws, ids[i], fixture->manager_id,
                                                     &error));
      g_assert_no_error (error);
    }

  held = sb_workspace_get_task (fixture->ws, ids[0], &error);
  g_assert_no_error (error);
  g_signal_connect (held, "notify::title", G_CALLBACK (on_title_notify_list_again), &data);

  /* Another process renames it: the next read updates the held object in place. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE tasks SET title = 'Renamed elsewhere' "
                                            "WHERE id = %" G_GINT64_FORMAT, ids[0]);

    sb_test_exec (sb_database_get_handle (fixture->db), sql);
  }
  list = sb_workspace_list_my_open_tasks (fixture->ws, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpuint (data.calls, ==, 1);
  g_assert_cmpuint (data.seen, ==, 3);
  g_assert_cmpstr (sb_task_get_title (held), ==, "Renamed elsewhere");
  g_signal_handlers_disconnect_by_data (held, &data);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  sb_test_add ("/tasks/story/create", test_story_create);
  sb_test_add ("/tasks/story/refused", test_story_refused);
  sb_test_add ("/tasks/story/update", test_story_update);
  sb_test_add ("/tasks/story/delete", test_story_delete);
  sb_test_add ("/tasks/story/list-counts", test_list_stories_counts);
  sb_test_add ("/tasks/create/every-field", test_task_create_every_field);
  sb_test_add ("/tasks/create/defaults-and-overdue", test_task_create_defaults_and_overdue);
  sb_test_add ("/tasks/create/refused", test_task_create_refused);
  sb_test_add ("/tasks/create/insert-position", test_insert_task_position);
  sb_test_add ("/tasks/get/canonical", test_get_task_canonical);
  sb_test_add ("/tasks/update/three-fields", test_update_task_three_fields);
  sb_test_add ("/tasks/update/unchanged", test_update_task_unchanged);
  sb_test_add ("/tasks/update/column", test_update_task_column);
  sb_test_add ("/tasks/setters/activity", test_setters_activity);
  sb_test_add ("/tasks/setters/same-value", test_setters_same_value);
  sb_test_add ("/tasks/setters/refused", test_setters_refused);
  sb_test_add ("/tasks/setters/due-date-null-clears", test_due_date_null_clears);
  sb_test_add ("/tasks/move/other-column", test_move_to_other_column);
  sb_test_add ("/tasks/move/within-column", test_move_within_column);
  sb_test_add ("/tasks/move/clamp", test_move_positions_clamp);
  sb_test_add ("/tasks/delete/hides", test_delete_task_hides);
  sb_test_add ("/tasks/delete/restore", test_restore_task);
  sb_test_add ("/tasks/comments/add-and-list", test_comments_add_and_list);
  sb_test_add ("/tasks/comments/edit", test_comment_edit);
  sb_test_add ("/tasks/comments/permissions", test_comment_permissions);
  sb_test_add ("/tasks/comments/delete", test_comment_delete);
  sb_test_add ("/tasks/activity/created", test_activity_created);
  sb_test_add ("/tasks/board/open", test_open_board);
  sb_test_add ("/tasks/board/refused", test_open_board_refused);
  sb_test_add ("/tasks/notify-waits-for-statement", test_notify_waits_for_statement);

  return g_test_run ();
}
