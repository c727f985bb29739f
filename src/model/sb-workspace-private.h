/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

/* What the workspace's own files (sb-workspace*.c) and the board share. */

#include <sqlite3.h>

#include "sb-records-private.h"
#include "sb-workspace.h"

G_BEGIN_DECLS

struct _SbWorkspace
{
  GObject      parent_instance;

  SbDatabase  *db;
  SbEmployee  *current;
  gint64       current_session_id;  /* the remember-me session of this sign-in, or 0 */
  GHashTable  *tasks;               /* task id → SbTask*, weak: the canonical objects */
  GPtrArray   *frozen;              /* tasks whose ::notify waits for a statement's reset */
};

/* Columns and joins that make an SbTask from a row; see _sb_workspace_task_from_row(). */
#define SB_TASK_SELECT \
  "SELECT t.id, t.project_id, t.number, p.key, t.column_id, t.rank, t.title, t.description," \
  " t.story_id, s.number, s.title, t.assignee_id, e.name, e.email, t.priority, t.due_date," \
  " (t.due_date IS NOT NULL AND t.due_date < date('now', 'localtime') AND c.is_done = 0)," \
  " (SELECT count(*) FROM comments m WHERE m.task_id = t.id), t.created_at, t.updated_at" \
  " FROM tasks t JOIN projects p ON p.id = t.project_id JOIN columns c ON c.id = t.column_id" \
  " LEFT JOIN stories s ON s.id = t.story_id LEFT JOIN employees e ON e.id = t.assignee_id "

/* Columns and joins that make an SbInvite from a row; see _sb_invite_row(). */
#define SB_INVITE_SELECT \
  "SELECT o.id, o.project_id, p.key, p.name, o.employee_id, e.name, e.email, m.name, m.email," \
  " o.message_id, o.state, o.attempts, o.next_attempt_at, o.last_error, o.created_at" \
  " FROM outbox o JOIN projects p ON p.id = o.project_id" \
  " JOIN employees e ON e.id = o.employee_id JOIN employees m ON m.id = p.manager_id "

/* What a move or an insert needs to say where a task went; positions count the tasks of the
 * column in rank order, without story filter. G_MAXUINT means "not known, compute it". */
typedef struct
{
  gint64 task_id;
  gint64 column_id;
  guint  position;      /* wanted place in the column (without the task itself), clamped */
  gint64 prev_id;       /* optional hint: the neighbours at that place, 0 when unknown */
  gint64 next_id;
  gboolean have_neighbours;
  guint  old_position;  /* optional hint */
} SbMoveRequest;

gint64      _sb_now                        (void);
void        _sb_workspace_sign_in_for_testing (SbWorkspace  *self,
                                               gint64        employee_id);
void        _sb_workspace_set_current      (SbWorkspace  *self,
                                            SbEmployee   *employee,
                                            gint64        session_id);
gboolean    _sb_workspace_require_signed_in (SbWorkspace *self,
                                             GError     **error);
gboolean    _sb_workspace_require_member   (SbWorkspace  *self,
                                            gint64        project_id,
                                            gboolean      manager_only,
                                            GError      **error);
gboolean    _sb_workspace_is_member        (SbWorkspace  *self,
                                            gint64        project_id,
                                            gint64        employee_id,
                                            GError      **error);

SbEmployee *_sb_employee_from_row          (sqlite3_stmt *stmt,
                                            int           first);
SbTask     *_sb_workspace_task_from_row    (SbWorkspace  *self,
                                            sqlite3_stmt *stmt);
void        _sb_workspace_thaw_tasks       (SbWorkspace  *self);
SbTask     *_sb_workspace_lookup_task      (SbWorkspace  *self,
                                            gint64        task_id,
                                            GError      **error);
SbTask     *_sb_workspace_refresh_task     (SbWorkspace  *self,
                                            gint64        task_id,
                                            GError      **error);
void        _sb_workspace_refresh_story_tasks (SbWorkspace *self,
                                               gint64       story_id);
GListModel *_sb_workspace_query_columns    (SbWorkspace  *self,
                                            gint64        project_id,
                                            GError      **error);
GListModel *_sb_workspace_query_stories    (SbWorkspace  *self,
                                            gint64        project_id,
                                            gboolean      with_counts,
                                            GError      **error);
SbProject  *_sb_workspace_query_project    (SbWorkspace  *self,
                                            gint64        project_id,
                                            gboolean      with_counts,
                                            GError      **error);

gboolean    _sb_workspace_move             (SbWorkspace   *self,
                                            SbMoveRequest *request,
                                            GError       **error);
SbTask     *_sb_workspace_insert           (SbWorkspace   *self,
                                            gint64         project_id,
                                            const SbTaskDraft *draft,
                                            SbMoveRequest *where,
                                            GError       **error);

void        _sb_workspace_emit_task_moved  (SbWorkspace  *self,
                                            SbTask       *task,
                                            gint64        old_column_id,
                                            guint         old_position,
                                            gint64        new_column_id,
                                            guint         new_position);
void        _sb_workspace_emit_projects_changed (SbWorkspace *self);
void        _sb_workspace_emit_stories_changed  (SbWorkspace *self,
                                                 gint64       project_id);

/* Makes a record of the row @stmt is on; returns %NULL to leave the row out. */
typedef gpointer (*SbRowFunc) (sqlite3_stmt *stmt,
                               gpointer      user_data);

GListModel *_sb_workspace_collect          (SbWorkspace  *self,
                                            sqlite3_stmt *stmt,
                                            GType         item_type,
                                            SbRowFunc     from_row,
                                            gpointer      user_data,
                                            GError      **error);
gpointer    _sb_workspace_query_one        (SbWorkspace  *self,
                                            const char   *sql,
                                            gint64        id,
                                            SbRowFunc     from_row,
                                            const char   *not_found,
                                            GError      **error);
gpointer    _sb_employee_row               (sqlite3_stmt *stmt,
                                            gpointer      user_data);
gpointer    _sb_invite_row                 (sqlite3_stmt *stmt,
                                            gpointer      user_data);
gpointer    _sb_workspace_task_row         (sqlite3_stmt *stmt,
                                            gpointer      user_data);

/* Shorthands for binding a string that may be NULL, and reading one back. */
void        _sb_bind_text                  (sqlite3_stmt *stmt,
                                            int           index,
                                            const char   *text);
char       *_sb_column_dup_text            (sqlite3_stmt *stmt,
                                            int           index);

G_END_DECLS

G_BEGIN_DECLS
/* For tests: how many task objects are alive in this workspace. */
guint       _sb_workspace_count_live_tasks (SbWorkspace *self);
G_END_DECLS
