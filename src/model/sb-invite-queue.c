/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-invite-queue.h"
#include "sb-workspace-private.h"

/* The outbox table as a queue. A row goes QUEUED → SENDING (claimed, one more attempt) → SENT,
 * FAILED, or back to QUEUED with a later next_attempt_at. While a row is SENDING, its
 * next_attempt_at is the end of the sender's lease (SB_INVITE_QUEUE_LEASE seconds after the
 * claim). A process that dies while sending leaves the row so; sb_invite_queue_recover() puts
 * it back in the queue once the lease has run out, never while another process may still be
 * sending it (at least once: the Message-ID stays the same, so a mail that did go out and goes
 * out again is recognisably one mail). */

gpointer
_sb_invite_row (sqlite3_stmt *stmt,
                gpointer      user_data)
{
  SbInvite *invite = _sb_invite_new ();

  invite->id = sqlite3_column_int64 (stmt, 0);
  invite->project_id = sqlite3_column_int64 (stmt, 1);
  invite->project_key = _sb_column_dup_text (stmt, 2);
  invite->project_name = _sb_column_dup_text (stmt, 3);
  invite->employee_id = sqlite3_column_int64 (stmt, 4);
  invite->employee_name = _sb_column_dup_text (stmt, 5);
  invite->employee_email = _sb_column_dup_text (stmt, 6);
  invite->manager_name = _sb_column_dup_text (stmt, 7);
  invite->manager_email = _sb_column_dup_text (stmt, 8);
  invite->message_id = _sb_column_dup_text (stmt, 9);
  invite->state = CLAMP (sqlite3_column_int (stmt, 10), SB_INVITE_STATE_QUEUED,
                         SB_INVITE_STATE_FAILED);
  invite->attempts = MAX (sqlite3_column_int (stmt, 11), 0);
  invite->next_attempt_at = sqlite3_column_int64 (stmt, 12);
  invite->last_error = _sb_column_dup_text (stmt, 13);
  invite->created_at = sqlite3_column_int64 (stmt, 14);
  return invite;
}

typedef struct
{
  gint64    now;
  guint     n_recovered;
  SbInvite *invite;
} ClaimData;

static gboolean
recover_in_transaction (SbDatabase  *db,
                        gpointer     user_data,
                        GError     **error)
{
  ClaimData *data = user_data;
  sqlite3_stmt *stmt;

  stmt = sb_database_prepare (db,
                              "UPDATE outbox SET state = 0, next_attempt_at = ?1 "
                              "WHERE state = 1 AND next_attempt_at <= ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->now);
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;
  data->n_recovered = sqlite3_changes (sb_database_get_handle (db));
  return TRUE;
}

/**
 * sb_invite_queue_recover:
 * @now: unix seconds
 *
 * Puts every invite whose sender stopped while sending it (left SENDING, its lease run out by
 * @now) back in the queue, due now. An invite another process is still sending (its lease not
 * run out) is left alone. The outbox calls it before each run.
 *
 * Returns: how many invites were put back; 0 with @error set on failure
 */
guint
sb_invite_queue_recover (SbDatabase  *database,
                         gint64       now,
                         GError     **error)
{
  ClaimData data = { now, 0, NULL };

  g_return_val_if_fail (SB_IS_DATABASE (database), 0);

  /* Nearly always there is nothing to put back: a read, not a write lock, says so. */
  if (!sb_database_query_int64 (database,
                                "SELECT 1 FROM outbox "
                                "WHERE state = 1 AND next_attempt_at <= ?1 LIMIT 1",
                                now, NULL))
    return 0;

  if (!sb_database_write (database, recover_in_transaction, &data, error))
    return 0;
  return data.n_recovered;
}

static gboolean
claim_in_transaction (SbDatabase  *db,
                      gpointer     user_data,
                      GError     **error)
{
  ClaimData *data = user_data;
  sqlite3_stmt *stmt;
  /* Callers may pass G_MAXINT64 for "whatever is queued". */
  gint64 lease_end = data->now <= G_MAXINT64 - SB_INVITE_QUEUE_LEASE
                       ? data->now + SB_INVITE_QUEUE_LEASE : G_MAXINT64;
  int rc;

  stmt = sb_database_prepare (db,
                              SB_INVITE_SELECT
                              "WHERE o.state = 0 AND o.next_attempt_at <= ?1 "
                              "ORDER BY o.next_attempt_at, o.id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->now);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    data->invite = _sb_invite_row (stmt, NULL);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sb_database_set_error (db, rc, error);
      return FALSE;
    }
  if (data->invite == NULL)
    return TRUE;

  stmt = sb_database_prepare (db,
                              "UPDATE outbox SET state = 1, attempts = attempts + 1, "
                              "  next_attempt_at = ?2 "
                              "WHERE id = ?1", error);
  if (stmt == NULL)
    {
      g_clear_object (&data->invite);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, data->invite->id);
  sqlite3_bind_int64 (stmt, 2, lease_end);
  if (!sb_database_step_done (db, stmt, error))
    {
      g_clear_object (&data->invite);
      return FALSE;
    }
  data->invite->state = SB_INVITE_STATE_SENDING;
  data->invite->attempts++;
  data->invite->next_attempt_at = lease_end;
  return TRUE;
}

/**
 * sb_invite_queue_claim_next:
 * @now: unix seconds: invites due at or before it are candidates
 *
 * Takes the invite that has been due longest, marks it SENDING and counts the attempt, in one
 * transaction (so two outboxes on one file never take the same invite). The claim is a lease
 * of %SB_INVITE_QUEUE_LEASE seconds: settle the invite before it runs out.
 *
 * Returns: (transfer full) (nullable): the claimed invite, or %NULL when none is due (then
 *   @error is not set) or on failure
 */
SbInvite *
sb_invite_queue_claim_next (SbDatabase  *database,
                            gint64       now,
                            GError     **error)
{
  ClaimData data = { now, 0, NULL };

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  if (!sb_database_write (database, claim_in_transaction, &data, error))
    return NULL;
  return data.invite;
}

typedef struct
{
  gint64         invite_id;
  gint64         lease_end;
  SbInviteState  state;
  gint64         next_attempt_at;
  const char    *reason;
} FinishData;

static gboolean
finish_in_transaction (SbDatabase  *db,
                       gpointer     user_data,
                       GError     **error)
{
  FinishData *data = user_data;
  sqlite3_stmt *stmt;

  /* Only our own claim is ours to settle: the row still SENDING under the lease we took. If
   * the lease ran out and another Sprintboard claimed the invite again, that one settles it;
   * a project deleted meanwhile took its invites along. */
  stmt = sb_database_prepare (db,
                              "UPDATE outbox SET state = ?2, "
                              "  next_attempt_at = coalesce (?3, next_attempt_at), "
                              "  last_error = ?4 "
                              "WHERE id = ?1 AND state = 1 AND next_attempt_at = ?5", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->invite_id);
  sqlite3_bind_int (stmt, 2, data->state);
  if (data->next_attempt_at > 0)
    sqlite3_bind_int64 (stmt, 3, data->next_attempt_at);
  else
    sqlite3_bind_null (stmt, 3);
  _sb_bind_text (stmt, 4, data->reason);
  sqlite3_bind_int64 (stmt, 5, data->lease_end);
  if (!sb_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (sb_database_get_handle (db)) == 0)
    {
      g_set_error (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND,
                   _("This invite is no longer being sent from here."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
finish_invite (SbDatabase     *database,
               SbInvite       *claim,
               SbInviteState   state,
               gint64          next_attempt_at,
               const char     *reason,
               GError        **error)
{
  FinishData data = {
    sb_invite_get_id (claim), sb_invite_get_next_attempt_at (claim),
    state, next_attempt_at, reason
  };

  g_return_val_if_fail (SB_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (sb_invite_get_state (claim) == SB_INVITE_STATE_SENDING, FALSE);

  return sb_database_write (database, finish_in_transaction, &data, error);
}

/**
 * sb_invite_queue_mark_sent:
 * @claim: what sb_invite_queue_claim_next() returned
 *
 * The server took the invite: it is SENT, and its last error is cleared.
 *
 * The sb_invite_queue_mark_*() calls settle @claim only while it holds: they fail with
 * %SB_MODEL_ERROR_NOT_FOUND, changing nothing, when its lease ran out and the invite was
 * claimed again (by another Sprintboard on the same file), or the invite is gone.
 */
gboolean
sb_invite_queue_mark_sent (SbDatabase  *database,
                           SbInvite    *claim,
                           GError     **error)
{
  return finish_invite (database, claim, SB_INVITE_STATE_SENT, 0, NULL, error);
}

/**
 * sb_invite_queue_mark_retry:
 * @next_attempt_at: unix seconds: when to try again
 * @reason: what went wrong (the server's reply, or the network error), kept for the UI
 *
 * Puts a claimed invite back in the queue, due at @next_attempt_at.
 */
gboolean
sb_invite_queue_mark_retry (SbDatabase  *database,
                            SbInvite    *claim,
                            gint64       next_attempt_at,
                            const char  *reason,
                            GError     **error)
{
  g_return_val_if_fail (next_attempt_at > 0, FALSE);

  return finish_invite (database, claim, SB_INVITE_STATE_QUEUED, next_attempt_at, reason,
                        error);
}

/**
 * sb_invite_queue_mark_failed:
 * @reason: why (the server's reply), kept for the UI
 *
 * Gives up on a claimed invite; only sb_workspace_retry_invite() puts it back.
 */
gboolean
sb_invite_queue_mark_failed (SbDatabase  *database,
                             SbInvite    *claim,
                             const char  *reason,
                             GError     **error)
{
  return finish_invite (database, claim, SB_INVITE_STATE_FAILED, 0, reason, error);
}

/**
 * sb_invite_queue_next_due:
 * @next_attempt_at: (out): when the next queued invite is due, or the next lease of an invite
 *   being sent runs out (may be in the past)
 *
 * Returns: whether any invite is queued or being sent
 */
gboolean
sb_invite_queue_next_due (SbDatabase *database,
                          gint64     *next_attempt_at)
{
  g_return_val_if_fail (SB_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (next_attempt_at != NULL, FALSE);

  return sb_database_query_int64 (database,
                                  "SELECT min(next_attempt_at) FROM outbox "
                                  "WHERE state <= ?1 HAVING count(*) > 0",
                                  SB_INVITE_STATE_SENDING, next_attempt_at);
}

/**
 * sb_invite_queue_get:
 *
 * Returns: (transfer full): the invite as it is now
 */
SbInvite *
sb_invite_queue_get (SbDatabase  *database,
                     gint64       invite_id,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  SbInvite *invite = NULL;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database, SB_INVITE_SELECT "WHERE o.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invite_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    invite = _sb_invite_row (stmt, NULL);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND,
                         _("This invite does not exist any more."));
  else
    sb_database_set_error (database, rc, error);
  sqlite3_reset (stmt);
  return invite;
}
