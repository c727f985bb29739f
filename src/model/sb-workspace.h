/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-types.h"
#include "sb-database.h"
#include "sb-board.h"
#include "sb-employee.h"
#include "sb-project.h"
#include "sb-story.h"
#include "sb-task.h"
#include "sb-comment.h"
#include "sb-activity.h"
#include "sb-invite.h"

G_BEGIN_DECLS

/* How long a remember-me token stays valid. */
#define SB_REMEMBER_TOKEN_LIFETIME (30 * G_TIME_SPAN_DAY / G_TIME_SPAN_SECOND)

/**
 * SbTaskDraft:
 * @title: required, one line
 * @description: may be %NULL (empty)
 * @story_id: a story of the same project, or 0
 * @assignee_id: a member of the project, or 0
 * @priority: an #SbPriority
 * @due_date: "YYYY-MM-DD" or %NULL
 * @column_id: a column of the same project, or 0 for the first column
 *
 * The fields of a task, for creating one or for saving the task editor. Initialise it with
 * %SB_TASK_DRAFT_INIT.
 */
typedef struct
{
  const char *title;
  const char *description;
  gint64      story_id;
  gint64      assignee_id;
  SbPriority  priority;
  const char *due_date;
  gint64      column_id;
} SbTaskDraft;

#define SB_TASK_DRAFT_INIT { NULL, NULL, 0, 0, SB_PRIORITY_MEDIUM, NULL, 0 }

#define SB_TYPE_WORKSPACE (sb_workspace_get_type ())
G_DECLARE_FINAL_TYPE (SbWorkspace, sb_workspace, SB, WORKSPACE, GObject)

SbWorkspace *sb_workspace_new                  (SbDatabase           *database);
SbDatabase  *sb_workspace_get_database         (SbWorkspace          *self);
SbEmployee  *sb_workspace_get_current_employee (SbWorkspace          *self);
gint64       sb_workspace_get_current_employee_id (SbWorkspace       *self);

/* Accounts */
SbEmployee  *sb_workspace_signup               (SbWorkspace          *self,
                                                const char           *name,
                                                const char           *email,
                                                const char           *password,
                                                GError              **error);
void         sb_workspace_signup_async         (SbWorkspace          *self,
                                                const char           *name,
                                                const char           *email,
                                                const char           *password,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
SbEmployee  *sb_workspace_signup_finish        (SbWorkspace          *self,
                                                GAsyncResult         *result,
                                                GError              **error);
gboolean     sb_workspace_login                (SbWorkspace          *self,
                                                const char           *email,
                                                const char           *password,
                                                GError              **error);
void         sb_workspace_login_async          (SbWorkspace          *self,
                                                const char           *email,
                                                const char           *password,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean     sb_workspace_login_finish         (SbWorkspace          *self,
                                                GAsyncResult         *result,
                                                GError              **error);
char        *sb_workspace_create_remember_token (SbWorkspace         *self,
                                                GError              **error);
void         sb_workspace_create_remember_token_async  (SbWorkspace         *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
char        *sb_workspace_create_remember_token_finish (SbWorkspace         *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
gboolean     sb_workspace_login_with_token     (SbWorkspace          *self,
                                                const char           *token,
                                                GError              **error);
void         sb_workspace_login_with_token_async  (SbWorkspace         *self,
                                                   const char          *token,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean     sb_workspace_login_with_token_finish (SbWorkspace         *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
gboolean     sb_workspace_revoke_token         (SbWorkspace          *self,
                                                const char           *token,
                                                GError              **error);
void         sb_workspace_revoke_token_async   (SbWorkspace          *self,
                                                const char           *token,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean     sb_workspace_revoke_token_finish  (SbWorkspace          *self,
                                                GAsyncResult         *result,
                                                GError              **error);
gboolean     sb_workspace_sign_out             (SbWorkspace          *self,
                                                GError              **error);
gboolean     sb_workspace_change_password      (SbWorkspace          *self,
                                                const char           *old_password,
                                                const char           *new_password,
                                                GError              **error);

/* Employees */
GListModel  *sb_workspace_list_employees       (SbWorkspace          *self,
                                                const char           *search,
                                                GError              **error);
SbEmployee  *sb_workspace_get_employee         (SbWorkspace          *self,
                                                gint64                employee_id,
                                                GError              **error);

/* Projects */
GListModel  *sb_workspace_list_projects        (SbWorkspace          *self,
                                                GError              **error);
SbProject   *sb_workspace_get_project          (SbWorkspace          *self,
                                                gint64                project_id,
                                                GError              **error);
SbProject   *sb_workspace_create_project       (SbWorkspace          *self,
                                                const char           *key,
                                                const char           *name,
                                                const char           *description,
                                                SbProjectStatus       status,
                                                gint64                manager_id,
                                                const gint64         *member_ids,
                                                gsize                 n_members,
                                                GError              **error);
gboolean     sb_workspace_update_project       (SbWorkspace          *self,
                                                gint64                project_id,
                                                const char           *name,
                                                const char           *description,
                                                SbProjectStatus       status,
                                                gint64                manager_id,
                                                GError              **error);
gboolean     sb_workspace_save_project         (SbWorkspace          *self,
                                                gint64                project_id,
                                                const char           *name,
                                                const char           *description,
                                                SbProjectStatus       status,
                                                gint64                manager_id,
                                                const gint64         *add_ids,
                                                gsize                 n_add,
                                                const gint64         *remove_ids,
                                                gsize                 n_remove,
                                                GError              **error);
gboolean     sb_workspace_delete_project       (SbWorkspace          *self,
                                                gint64                project_id,
                                                GError              **error);
gboolean     sb_workspace_is_project_key_free  (SbWorkspace          *self,
                                                const char           *key);
gboolean     sb_workspace_add_members          (SbWorkspace          *self,
                                                gint64                project_id,
                                                const gint64         *employee_ids,
                                                gsize                 n_employees,
                                                GError              **error);
gboolean     sb_workspace_remove_member        (SbWorkspace          *self,
                                                gint64                project_id,
                                                gint64                employee_id,
                                                GError              **error);
GListModel  *sb_workspace_list_members         (SbWorkspace          *self,
                                                gint64                project_id,
                                                GError              **error);
GListModel  *sb_workspace_list_columns         (SbWorkspace          *self,
                                                gint64                project_id,
                                                GError              **error);

/* Stories */
SbStory     *sb_workspace_create_story         (SbWorkspace          *self,
                                                gint64                project_id,
                                                const char           *title,
                                                const char           *description,
                                                int                   points,
                                                GError              **error);
gboolean     sb_workspace_update_story         (SbWorkspace          *self,
                                                gint64                story_id,
                                                const char           *title,
                                                const char           *description,
                                                int                   points,
                                                GError              **error);
gboolean     sb_workspace_delete_story         (SbWorkspace          *self,
                                                gint64                story_id,
                                                GError              **error);
GListModel  *sb_workspace_list_stories         (SbWorkspace          *self,
                                                gint64                project_id,
                                                GError              **error);

/* Tasks */
SbTask      *sb_workspace_create_task          (SbWorkspace          *self,
                                                gint64                project_id,
                                                const SbTaskDraft    *draft,
                                                GError              **error);
SbTask      *sb_workspace_insert_task          (SbWorkspace          *self,
                                                gint64                project_id,
                                                const SbTaskDraft    *draft,
                                                guint                 position,
                                                GError              **error);
SbTask      *sb_workspace_get_task             (SbWorkspace          *self,
                                                gint64                task_id,
                                                GError              **error);
gboolean     sb_workspace_update_task          (SbWorkspace          *self,
                                                gint64                task_id,
                                                const SbTaskDraft    *draft,
                                                GError              **error);
gboolean     sb_workspace_set_task_title       (SbWorkspace          *self,
                                                gint64                task_id,
                                                const char           *title,
                                                GError              **error);
gboolean     sb_workspace_set_task_description (SbWorkspace          *self,
                                                gint64                task_id,
                                                const char           *description,
                                                GError              **error);
gboolean     sb_workspace_set_task_story       (SbWorkspace          *self,
                                                gint64                task_id,
                                                gint64                story_id,
                                                GError              **error);
gboolean     sb_workspace_set_task_assignee    (SbWorkspace          *self,
                                                gint64                task_id,
                                                gint64                assignee_id,
                                                GError              **error);
gboolean     sb_workspace_set_task_priority    (SbWorkspace          *self,
                                                gint64                task_id,
                                                SbPriority            priority,
                                                GError              **error);
gboolean     sb_workspace_set_task_due_date    (SbWorkspace          *self,
                                                gint64                task_id,
                                                const char           *due_date,
                                                GError              **error);
gboolean     sb_workspace_move_task            (SbWorkspace          *self,
                                                gint64                task_id,
                                                gint64                column_id,
                                                guint                 position,
                                                GError              **error);
gboolean     sb_workspace_delete_task          (SbWorkspace          *self,
                                                gint64                task_id,
                                                GError              **error);
gboolean     sb_workspace_restore_task         (SbWorkspace          *self,
                                                gint64                task_id,
                                                GError              **error);
GListModel  *sb_workspace_list_my_open_tasks   (SbWorkspace          *self,
                                                GError              **error);
GListModel  *sb_workspace_list_my_open_tasks_top (SbWorkspace        *self,
                                                guint                 limit,
                                                guint                *n_open,
                                                GError              **error);
GListModel  *sb_workspace_list_activity        (SbWorkspace          *self,
                                                gint64                task_id,
                                                GError              **error);

/* Comments */
SbComment   *sb_workspace_add_comment          (SbWorkspace          *self,
                                                gint64                task_id,
                                                const char           *body,
                                                GError              **error);
gboolean     sb_workspace_edit_comment         (SbWorkspace          *self,
                                                gint64                comment_id,
                                                const char           *body,
                                                GError              **error);
gboolean     sb_workspace_delete_comment       (SbWorkspace          *self,
                                                gint64                comment_id,
                                                GError              **error);
GListModel  *sb_workspace_list_comments        (SbWorkspace          *self,
                                                gint64                task_id,
                                                GError              **error);

/* Invites: each member's invite email, as the outbox left it (see sb-invite-queue.h) */
GListModel  *sb_workspace_list_invites         (SbWorkspace          *self,
                                                gint64                project_id,
                                                GError              **error);
gboolean     sb_workspace_retry_invite         (SbWorkspace          *self,
                                                gint64                invite_id,
                                                GError              **error);

/* The scrum page: the project, its columns with their lazily loaded tasks, and its stories,
 * read in one transaction. Comments are read per task with sb_workspace_list_comments(); each
 * task carries its comment count. */
SbBoard     *sb_workspace_open_board           (SbWorkspace          *self,
                                                gint64                project_id,
                                                GError              **error);

G_END_DECLS
