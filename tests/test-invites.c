/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* The invite outbox as the model sees it: the queue SbOutbox drains (claim, sent, retry,
 * failed, recovery after a crash) and what people may see and do with invites. */

#include <string.h>

#include "sb-test-util.h"

/* Project WEB by Dana with Milo and Olga: two invites (Dana made it, so none for her). */
static gint64
create_project_with_invites (SbTestFixture *fixture)
{
  gint64 members[] = { fixture->member_id, fixture->outsider_id };

  return sb_test_create_project_as (fixture, fixture->manager_id, "WEB", "Website redesign",
                                    fixture->manager_id, members, G_N_ELEMENTS (members));
}

static gint64
invite_id_of (SbTestFixture *fixture,
              gint64         employee_id)
{
  return sb_test_query_int (fixture->db, "SELECT id FROM outbox WHERE employee_id = %"
                            G_GINT64_FORMAT, employee_id);
}

static void
test_queue_claim_and_settle (SbTestFixture *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbInvite) first = NULL;
  g_autoptr(SbInvite) second = NULL;
  g_autoptr(SbInvite) none = NULL;
  g_autoptr(SbInvite) again = NULL;
  g_autofree char *message_id = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 due = 0;

  create_project_with_invites (fixture);
  g_assert_true (sb_invite_queue_next_due (fixture->db, &due));
  g_assert_cmpint (due, <=, now);

  /* Nothing is due in the past. */
  none = sb_invite_queue_claim_next (fixture->db, now - 3600, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  first = sb_invite_queue_claim_next (fixture->db, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpint (sb_invite_get_state (first), ==, SB_INVITE_STATE_SENDING);
  g_assert_cmpuint (sb_invite_get_attempts (first), ==, 1);
  g_assert_cmpstr (sb_invite_get_project_key (first), ==, "WEB");
  g_assert_cmpstr (sb_invite_get_project_name (first), ==, "Website redesign");
  g_assert_cmpstr (sb_invite_get_manager_name (first), ==, "Dana Manager");
  g_assert_cmpstr (sb_invite_get_manager_email (first), ==, "dana@example.org");
  g_assert_cmpuint (strlen (sb_invite_get_message_id (first)), >, 0);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE state = 1"), ==, 1);

  second = sb_invite_queue_claim_next (fixture->db, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_assert_cmpint (sb_invite_get_id (second), !=, sb_invite_get_id (first));
  g_clear_object (&none);
  none = sb_invite_queue_claim_next (fixture->db, now, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (sb_invite_queue_mark_sent (fixture->db, first, &error));
  g_assert_no_error (error);
  g_assert_true (sb_invite_queue_mark_retry (fixture->db, second, now + 60,
                                             "450 4.2.1 Mailbox busy", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE state = 2"), ==, 1);
  g_assert_true (sb_invite_queue_next_due (fixture->db, &due));
  g_assert_cmpint (due, ==, now + 60);

  /* Due again a minute later: the same Message-ID, one more attempt. */
  again = sb_invite_queue_claim_next (fixture->db, now + 60, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpint (sb_invite_get_id (again), ==, sb_invite_get_id (second));
  g_assert_cmpuint (sb_invite_get_attempts (again), ==, 2);
  g_assert_cmpstr (sb_invite_get_message_id (again), ==, sb_invite_get_message_id (second));
  g_assert_cmpstr (sb_invite_get_last_error (again), ==, "450 4.2.1 Mailbox busy");

  g_assert_true (sb_invite_queue_mark_failed (fixture->db, again,
                                              "550 5.1.1 No such user", &error));
  g_assert_no_error (error);
  g_assert_false (sb_invite_queue_next_due (fixture->db, &due));
  message_id = sb_test_query_text (fixture->db, "SELECT last_error FROM outbox WHERE state = 3");
  g_assert_cmpstr (message_id, ==, "550 5.1.1 No such user");
}

/* A sender that stops while sending: its invite is queued again once the lease has run out,
 * never while another process may still be sending it. */
static void
test_queue_recover (SbTestFixture *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbInvite) claimed = NULL;
  g_autoptr(SbInvite) reclaimed = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 due = 0;
  guint n;

  create_project_with_invites (fixture);
  claimed = sb_invite_queue_claim_next (fixture->db, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (claimed);
  g_assert_cmpint (sb_invite_get_next_attempt_at (claimed), ==, now + SB_INVITE_QUEUE_LEASE);

  /* The process dies here; another starts at once. The lease holds: nothing is put back, and
   * the other invite is the only one to claim. */
  sb_test_reopen (fixture);
  n = sb_invite_queue_recover (fixture->db, now + 60, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE state = 1"), ==, 1);
  {
    g_autoptr(SbInvite) other = sb_invite_queue_claim_next (fixture->db, now + 60, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sb_invite_get_id (other), !=, sb_invite_get_id (claimed));
    g_assert_true (sb_invite_queue_mark_sent (fixture->db, other, &error));
    g_assert_no_error (error);
  }
  g_assert_null (sb_invite_queue_claim_next (fixture->db, now + 60, &error));
  g_assert_no_error (error);
  /* The outbox wakes when the lease runs out. */
  g_assert_true (sb_invite_queue_next_due (fixture->db, &due));
  g_assert_cmpint (due, ==, now + SB_INVITE_QUEUE_LEASE);

  /* Once it has run out, the invite is due again, with its Message-ID. */
  n = sb_invite_queue_recover (fixture->db, now + SB_INVITE_QUEUE_LEASE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE state = 0"), ==, 1);
  reclaimed = sb_invite_queue_claim_next (fixture->db, now + SB_INVITE_QUEUE_LEASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_invite_get_id (reclaimed), ==, sb_invite_get_id (claimed));
  g_assert_cmpstr (sb_invite_get_message_id (reclaimed), ==,
                   sb_invite_get_message_id (claimed));
  g_assert_cmpuint (sb_invite_get_attempts (reclaimed), ==, 2);

  /* The first claim's sender comes back late: its lease is gone, so whatever it writes down
   * changes nothing, and the new claim is still the one to settle. */
  {
    g_autofree char *before = sb_test_dump (fixture->db);

    g_assert_false (sb_invite_queue_mark_sent (fixture->db, claimed, &error));
    sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);
    g_assert_false (sb_invite_queue_mark_retry (fixture->db, claimed, now + 1, "late", &error));
    sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);
    g_assert_false (sb_invite_queue_mark_failed (fixture->db, claimed, "late", &error));
    sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);
    sb_test_assert_unchanged (fixture->db, before);
  }

  /* A settled invite is not put back. */
  g_assert_true (sb_invite_queue_mark_sent (fixture->db, reclaimed, &error));
  g_assert_cmpuint (sb_invite_queue_recover (fixture->db, G_MAXINT64, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_list_invites (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) invites = NULL;
  g_autoptr(GListModel) refused = NULL;
  g_autofree char *names = NULL;
  g_autoptr(SbInvite) milo = NULL;
  gint64 project_id = create_project_with_invites (fixture);
  gint64 other_id = sb_test_signup (fixture->ws, "Pat Other", "pat@example.org");
  gint64 private_members[] = { other_id };

  /* A member sees each member's invite, by name. */
  sb_test_sign_in (fixture, fixture->member_id);
  invites = sb_workspace_list_invites (fixture->ws, project_id, &error);
  g_assert_no_error (error);
  names = sb_test_join_property (invites, SB_TYPE_INVITE, "employee-name", ", ");
  g_assert_cmpstr (names, ==, "Milo Member, Olga Outsider");
  milo = g_list_model_get_item (invites, 0);
  g_assert_cmpstr (sb_invite_get_employee_email (milo), ==, "milo@example.org");
  g_assert_cmpint (sb_invite_get_state (milo), ==, SB_INVITE_STATE_QUEUED);
  g_assert_cmpuint (sb_invite_get_attempts (milo), ==, 0);
  g_assert_null (sb_invite_get_last_error (milo));

  /* A removed member's invite is not listed; added again, only the new one is. */
  sb_test_sign_in (fixture, fixture->manager_id);
  g_assert_true (sb_workspace_remove_member (fixture->ws, project_id, fixture->outsider_id,
                                             &error));
  g_assert_no_error (error);
  g_clear_object (&invites);
  invites = sb_workspace_list_invites (fixture->ws, project_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (invites), ==, 1);
  g_assert_true (sb_workspace_add_members (fixture->ws, project_id, &fixture->outsider_id, 1,
                                           &error));
  g_assert_no_error (error);
  g_clear_object (&invites);
  invites = sb_workspace_list_invites (fixture->ws, project_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (invites), ==, 2);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE employee_id = %" G_GINT64_FORMAT,
                                       fixture->outsider_id), ==, 2);

  /* Someone outside another project may not look; nobody signed in may not either. */
  sb_test_create_project_as (fixture, other_id, "PRV", "Private", other_id, private_members, 0);
  sb_test_sign_in (fixture, fixture->member_id);
  refused = sb_workspace_list_invites (fixture->ws, sb_test_query_int (fixture->db,
                                       "SELECT id FROM projects WHERE key = 'PRV'"), &error);
  g_assert_null (refused);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
  sb_test_sign_in (fixture, 0);
  refused = sb_workspace_list_invites (fixture->ws, project_id, &error);
  g_assert_null (refused);
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);
}

static void
test_retry_invite (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbInvite) claimed = NULL;
  g_autofree char *before = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 milo_invite;
  gint64 olga_invite;

  create_project_with_invites (fixture);
  milo_invite = invite_id_of (fixture, fixture->member_id);
  olga_invite = invite_id_of (fixture, fixture->outsider_id);
  sb_test_exec (sb_database_get_handle (fixture->db),
                "UPDATE outbox SET state = 3, attempts = 5, next_attempt_at = 0, "
                "  last_error = '550 5.1.1 No such user'");
  before = sb_test_dump (fixture->db);

  /* Only the manager may retry: not a member, nor anyone signed out. */
  sb_test_sign_in (fixture, fixture->member_id);
  g_assert_false (sb_workspace_retry_invite (fixture->ws, milo_invite, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_PERMISSION_DENIED);
  sb_test_sign_in (fixture, 0);
  g_assert_false (sb_workspace_retry_invite (fixture->ws, milo_invite, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_SIGNED_IN);
  sb_test_sign_in (fixture, fixture->manager_id);
  g_assert_false (sb_workspace_retry_invite (fixture->ws, 9999, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND);
  sb_test_assert_unchanged (fixture->db, before);

  /* The manager puts it back: due now, attempts from zero, error cleared. */
  g_assert_true (sb_workspace_retry_invite (fixture->ws, milo_invite, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_test_query_int (fixture->db, "SELECT state FROM outbox WHERE id = %"
                                      G_GINT64_FORMAT, milo_invite), ==, SB_INVITE_STATE_QUEUED);
  g_assert_cmpint (sb_test_query_int (fixture->db, "SELECT attempts FROM outbox WHERE id = %"
                                      G_GINT64_FORMAT, milo_invite), ==, 0);
  g_assert_cmpint (sb_test_query_int (fixture->db, "SELECT next_attempt_at FROM outbox WHERE id = %"
                                      G_GINT64_FORMAT, milo_invite), >=, now);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE id = %" G_GINT64_FORMAT
                                       " AND last_error IS NULL", milo_invite), ==, 1);
  g_assert_cmpint (sb_test_query_int (fixture->db, "SELECT state FROM outbox WHERE id = %"
                                      G_GINT64_FORMAT, olga_invite), ==, SB_INVITE_STATE_FAILED);

  /* One that is being sent, or was sent, is not retried. */
  claimed = sb_invite_queue_claim_next (fixture->db, now + 1, &error);
  g_assert_cmpint (sb_invite_get_id (claimed), ==, milo_invite);
  g_assert_false (sb_workspace_retry_invite (fixture->ws, milo_invite, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
  g_assert_true (sb_invite_queue_mark_sent (fixture->db, claimed, &error));
  g_assert_false (sb_workspace_retry_invite (fixture->ws, milo_invite, &error));
  sb_test_assert_error_clear (error, SB_MODEL_ERROR, SB_MODEL_ERROR_INVALID_INPUT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  sb_test_add ("/invites/queue/claim-and-settle", test_queue_claim_and_settle);
  sb_test_add ("/invites/queue/recover", test_queue_recover);
  sb_test_add ("/invites/list", test_list_invites);
  sb_test_add ("/invites/retry", test_retry_invite);

  return g_test_run ();
}
