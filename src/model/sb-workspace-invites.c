/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-workspace-private.h"

/* Invites as people see them: each member's invite state, and Retry. Sending is SbOutbox's
 * (src/services), over sb-invite-queue.h. */

/**
 * sb_workspace_list_invites:
 *
 * The invite of each current member of the project (the latest one when a member was removed
 * and added again), by member name. Members who were never invited (whoever created the
 * project) are not in it. Any member of the project may look.
 *
 * Returns: (transfer full): a #GListModel of #SbInvite
 */
GListModel *
sb_workspace_list_invites (SbWorkspace  *self,
                           gint64        project_id,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_WORKSPACE (self), NULL);

  if (!_sb_workspace_require_member (self, project_id, FALSE, error))
    return NULL;

  stmt = sb_database_prepare (self->db,
                              SB_INVITE_SELECT
                              "WHERE o.project_id = ?1 "
                              "  AND EXISTS (SELECT 1 FROM project_members pm "
                              "    WHERE pm.project_id = o.project_id "
                              "    AND pm.employee_id = o.employee_id) "
                              "  AND o.id = (SELECT max(o2.id) FROM outbox o2 "
                              "    WHERE o2.project_id = o.project_id "
                              "    AND o2.employee_id = o.employee_id) "
                              "ORDER BY e.name COLLATE NOCASE, e.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  return _sb_workspace_collect (self, stmt, SB_TYPE_INVITE, _sb_invite_row, NULL, error);
}

typedef struct
{
  SbWorkspace *self;
  gint64       invite_id;
} RetryData;

static gboolean
retry_in_transaction (SbDatabase  *db,
                      gpointer     user_data,
                      GError     **error)
{
  RetryData *data = user_data;
  sqlite3_stmt *stmt;
  gint64 project_id = 0;
  int state = -1;
  int rc;

  stmt = sb_database_prepare (db, "SELECT project_id, state FROM outbox WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->invite_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      project_id = sqlite3_column_int64 (stmt, 0);
      state = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sb_database_set_error (db, rc, error);
      return FALSE;
    }
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND,
                           _("This invite does not exist any more."));
      return FALSE;
    }

  if (!_sb_workspace_require_member (data->self, project_id, TRUE, error))
    return FALSE;

  switch ((SbInviteState) state)
    {
    case SB_INVITE_STATE_QUEUED:
    case SB_INVITE_STATE_FAILED:
      break;

    case SB_INVITE_STATE_SENDING:
      g_set_error_literal (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT,
                           _("This invite is being sent right now."));
      return FALSE;

    case SB_INVITE_STATE_SENT:
    default:
      g_set_error_literal (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT,
                           _("This invite has already been sent."));
      return FALSE;
    }

  stmt = sb_database_prepare (db,
                              "UPDATE outbox SET state = 0, attempts = 0, next_attempt_at = ?2, "
                              "  last_error = NULL WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->invite_id);
  sqlite3_bind_int64 (stmt, 2, _sb_now ());
  return sb_database_step_done (db, stmt, error);
}

/**
 * sb_workspace_retry_invite:
 * @invite_id: an invite of sb_workspace_list_invites()
 *
 * Puts a failed invite (or one waiting for its next attempt) back in the queue, due now, with
 * its attempts counted from zero again. Only the project's manager may. The outbox picks it
 * up on its next run (sb_outbox_wake() makes that now).
 */
gboolean
sb_workspace_retry_invite (SbWorkspace  *self,
                           gint64        invite_id,
                           GError      **error)
{
  RetryData data = { self, invite_id };

  g_return_val_if_fail (SB_IS_WORKSPACE (self), FALSE);

  if (!_sb_workspace_require_signed_in (self, error))
    return FALSE;
  return sb_database_write (self->db, retry_in_transaction, &data, error);
}
