/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

/* The instance structs of the record types, for the model's own code (the workspace and the
 * board fill them from rows). Records never touch the database themselves; outside the model
 * they are read through their getters and read-only properties only. */

#include <gio/gio.h>

#include "sb-activity.h"
#include "sb-column.h"
#include "sb-comment.h"
#include "sb-employee.h"
#include "sb-invite.h"
#include "sb-project.h"
#include "sb-story.h"
#include "sb-task.h"

G_BEGIN_DECLS

struct _SbEmployee
{
  GObject parent_instance;

  gint64  id;
  char   *name;
  char   *email;
  gint64  created_at;   /* unix seconds, UTC */
};

struct _SbProject
{
  GObject          parent_instance;

  gint64           id;
  char            *key;
  char            *name;
  char            *description;
  SbProjectStatus  status;
  gint64           manager_id;
  char            *manager_name;
  char            *manager_email;
  gint64           created_at;
  guint            member_count;
  guint            task_count;
  guint            overdue_count;
  GListStore      *columns;      /* of SbColumn, with task counts; may be empty */
};

struct _SbColumn
{
  GObject     parent_instance;

  gint64      id;
  gint64      project_id;
  char       *name;
  guint       position;
  gboolean    is_done;
  guint       task_count;
  GListModel *tasks;            /* the board's lazy task list, or NULL outside a board */
};

struct _SbStory
{
  GObject  parent_instance;

  gint64   id;
  gint64   project_id;
  char    *key;
  gint64   number;
  char    *title;
  char    *description;
  int      points;
  guint    task_count;
  guint    done_count;
  gint64   created_at;
};

struct _SbTask
{
  GObject     parent_instance;

  gint64      id;
  gint64      project_id;
  gint64      number;
  char       *key;
  gint64      column_id;
  double      rank;
  char       *title;
  char       *description;
  gint64      story_id;         /* 0 when none */
  char       *story_key;
  char       *story_title;
  gint64      assignee_id;      /* 0 when none */
  char       *assignee_name;
  char       *assignee_email;
  SbPriority  priority;
  char       *due_date;         /* "YYYY-MM-DD" or NULL */
  gboolean    overdue;
  guint       comment_count;
  gint64      created_at;
  gint64      updated_at;
};

struct _SbComment
{
  GObject  parent_instance;

  gint64   id;
  gint64   task_id;
  gint64   author_id;
  char    *author_name;
  char    *body;
  gint64   created_at;
  gint64   edited_at;         /* 0 when never edited */
};

struct _SbActivity
{
  GObject  parent_instance;

  gint64   id;
  gint64   task_id;
  gint64   actor_id;
  char    *actor_name;
  char    *field;
  char    *old_value;
  char    *new_value;
  gint64   created_at;
};

struct _SbInvite
{
  GObject        parent_instance;

  gint64         id;
  gint64         project_id;
  char          *project_key;
  char          *project_name;
  gint64         employee_id;
  char          *employee_name;
  char          *employee_email;
  char          *manager_name;     /* the project's manager now: the sender's display name */
  char          *manager_email;    /* and the Reply-To */
  char          *message_id;       /* the local part; the same for every attempt */
  SbInviteState  state;
  guint          attempts;
  gint64         next_attempt_at;  /* unix seconds, UTC */
  char          *last_error;       /* the server's own words, or NULL */
  gint64         created_at;
};

/* Constructors of empty records, filled by the model. */
SbEmployee *_sb_employee_new (void);
SbProject  *_sb_project_new  (void);
SbColumn   *_sb_column_new   (void);
SbStory    *_sb_story_new    (void);
SbTask     *_sb_task_new     (void);
SbComment  *_sb_comment_new  (void);
SbActivity *_sb_activity_new (void);
SbInvite   *_sb_invite_new   (void);

/* Copies every field of @fresh into @self and emits ::notify for each one that changed, so
 * that a card showing @self redraws. Both must be the same task (same id). */
void        _sb_task_update_from   (SbTask    *self,
                                    SbTask    *fresh);
void        _sb_column_set_tasks   (SbColumn  *self,
                                    GListModel *tasks);
void        _sb_column_set_task_count (SbColumn *self,
                                       guint     task_count);

G_END_DECLS
