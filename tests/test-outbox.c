/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

/* SbOutbox: invites the model queued go out through SMTP, once each, and what went wrong is
 * kept per invite with the server's words; end to end through SbWorkspace and the session's
 * real server, and fault by fault against the scripted peer. */

#include "config.h"

#include <string.h>

#include "sb-test-smtp.h"
#include "sb-test-util.h"

/* Helpers */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gint64
invite_of (SbTestFixture *fixture,
           gint64         employee_id)
{
  return sb_test_query_int (fixture->db, "SELECT id FROM outbox WHERE employee_id = %"
                            G_GINT64_FORMAT " ORDER BY id DESC LIMIT 1", employee_id);
}

static gint64
invite_int (SbTestFixture *fixture,
            gint64         employee_id,
            const char    *column)
{
  return sb_test_query_int (fixture->db, "SELECT %s FROM outbox WHERE id = %" G_GINT64_FORMAT,
                            column, invite_of (fixture, employee_id));
}

static char *
invite_error (SbTestFixture *fixture,
              gint64         employee_id)
{
  return sb_test_query_text (fixture->db, "SELECT last_error FROM outbox WHERE id = %"
                             G_GINT64_FORMAT, invite_of (fixture, employee_id));
}

/* "Time passes": every queued invite is due now. */
static void
make_all_due (SbTestFixture *fixture)
{
  sb_test_exec (sb_database_get_handle (fixture->db),
                "UPDATE outbox SET next_attempt_at = 0 WHERE state = 0");
}

/* Project WEB by Dana with Milo and Olga: two invites. */
static gint64
create_project_two_invites (SbTestFixture *fixture)
{
  gint64 members[] = { fixture->member_id, fixture->outsider_id };

  return sb_test_create_project_as (fixture, fixture->manager_id, "WEB", "Website redesign",
                                    fixture->manager_id, members, G_N_ELEMENTS (members));
}

static SbOutbox *
outbox_for_peer (SbTestFixture  *fixture,
                 SbTestPeer     *peer,
                 gboolean        with_auth)
{
  g_autoptr(SbSmtpSettings) settings = sb_test_peer_settings (peer, SB_SMTP_SECURITY_NONE,
                                                              with_auth);
  SbOutbox *outbox = sb_outbox_new (fixture->db);

  sb_smtp_client_set_timeouts (sb_outbox_get_client (outbox), 5, 5);
  sb_outbox_set_settings (outbox, settings);
  sb_outbox_set_password (outbox, "peer-password");
  return outbox;
}

static void
on_invite_changed (SbOutbox *outbox,
                   gint64    invite_id,
                   gint64    project_id,
                   int       state,
                   gpointer  user_data)
{
  GString *log = user_data;

  g_string_append_printf (log, "%" G_GINT64_FORMAT ":%d ", invite_id, state);
}

/* End to end */

static void
test_end_to_end (SbTestFixture *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(SbSmtpSettings) settings = NULL;
  g_autoptr(SbSmtpSettings) closed = NULL;
  g_autoptr(SbOutbox) outbox = NULL;
  g_autoptr(GListModel) invites = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *message_ids = NULL;
  g_autofree char *last_error = NULL;
  g_auto(GStrv) ids = NULL;
  gint64 pat_id;
  gint64 quinn_id;
  gint64 project_id;
  gint64 members[3];

  if (!sb_test_smtp_require_server ())
    return;

  /* Three members besides the manager who creates it: three invites. */
  pat_id = sb_test_signup (fixture->ws, "Pat Third", "pat@example.org");
  quinn_id = sb_test_signup (fixture->ws, "Quinn Fourth", "quinn@example.org");
  members[0] = fixture->member_id;
  members[1] = fixture->outsider_id;
  members[2] = pat_id;
  project_id = sb_test_create_project_as (fixture, fixture->manager_id, "WEB",
                                          "Website redesign", fixture->manager_id, members,
                                          G_N_ELEMENTS (members));
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE state = 0"), ==, 3);

  settings = sb_test_smtp_server_settings (SB_SMTP_SECURITY_STARTTLS);
  outbox = sb_outbox_new (fixture->db);
  sb_test_smtp_trust_server (sb_outbox_get_client (outbox));
  sb_outbox_set_settings (outbox, settings);
  sb_outbox_set_password (outbox, sb_test_smtp_server_password ());
  g_signal_connect (outbox, "invite-changed", G_CALLBACK (on_invite_changed), log);

  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 3);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE state = 2 AND attempts = 1 "
                                       "AND last_error IS NULL"), ==, 3);
  /* Each invite: sending, then sent. */
  g_assert_cmpuint (strlen (log->str), >, 0);
  g_assert_cmpuint (g_strv_length (ids = g_strsplit (g_strstrip (log->str), " ", -1)), ==, 6);
  g_clear_pointer (&ids, g_strfreev);

  /* The server holds each one exactly once, to the right person. */
  message_ids = sb_test_query_text (fixture->db,
                                    "SELECT group_concat(message_id || ' ' || e.email, ' ') "
                                    "FROM outbox o JOIN employees e ON e.id = o.employee_id");
  ids = g_strsplit (message_ids, " ", -1);
  g_assert_cmpuint (g_strv_length (ids), ==, 6);
  for (guint i = 0; ids[i] != NULL; i += 2)
    {
      g_autofree char *needle = g_strdup_printf ("<%s@example.org>", ids[i]);
      g_autofree char *envelope = NULL;
      g_autofree char *expected = g_strdup_printf (SB_TEST_SENDER "\n%s\n", ids[i + 1]);
      g_autoptr(GPtrArray) found = sb_test_smtp_find_messages (needle);

      g_assert_cmpuint (found->len, ==, 1);
      envelope = sb_test_smtp_read_envelope (g_ptr_array_index (found, 0));
      g_assert_cmpstr (envelope, ==, expected);
    }

  /* Nothing more to send. */
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);

  /* The server goes away; a new member's invite waits in the queue. */
  closed = sb_smtp_settings_new ("127.0.0.1", sb_test_closed_port (),
                                 SB_SMTP_SECURITY_STARTTLS);
  sb_smtp_settings_set_username (closed, sb_smtp_settings_get_username (settings));
  sb_smtp_settings_set_sender_address (closed, SB_TEST_SENDER);
  sb_outbox_set_settings (outbox, closed);
  sb_test_sign_in (fixture, fixture->manager_id);
  g_assert_true (sb_workspace_add_members (fixture->ws, project_id, &quinn_id, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);
  g_assert_cmpint (invite_int (fixture, quinn_id, "state"), ==, SB_INVITE_STATE_QUEUED);
  g_assert_cmpint (invite_int (fixture, quinn_id, "attempts"), ==, 1);
  g_assert_cmpint (invite_int (fixture, quinn_id, "next_attempt_at"), >=, now_seconds () + 50);
  last_error = invite_error (fixture, quinn_id);
  g_assert_nonnull (last_error);

  /* The manager sees it waiting, with the reason. */
  invites = sb_workspace_list_invites (fixture->ws, project_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (invites), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(SbInvite) invite = g_list_model_get_item (invites, i);

      if (sb_invite_get_employee_id (invite) == quinn_id)
        {
          g_assert_cmpint (sb_invite_get_state (invite), ==, SB_INVITE_STATE_QUEUED);
          g_assert_cmpstr (sb_invite_get_last_error (invite), ==, last_error);
        }
      else
        {
          g_assert_cmpint (sb_invite_get_state (invite), ==, SB_INVITE_STATE_SENT);
        }
    }

  /* Not due yet: a run now sends nothing, even with the server back. */
  sb_outbox_set_settings (outbox, settings);
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);

  /* A minute later it goes, once. */
  make_all_due (fixture);
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 1);
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);
  g_assert_cmpint (invite_int (fixture, quinn_id, "state"), ==, SB_INVITE_STATE_SENT);
  {
    g_autofree char *quinn_message = sb_test_query_text (fixture->db,
                                                         "SELECT message_id FROM outbox WHERE "
                                                         "employee_id = %" G_GINT64_FORMAT,
                                                         quinn_id);
    g_autofree char *needle = g_strdup_printf ("<%s@example.org>", quinn_message);
    g_autoptr(GPtrArray) found = sb_test_smtp_find_messages (needle);

    g_assert_cmpuint (found->len, ==, 1);
  }

  g_signal_handlers_disconnect_by_data (outbox, log);
  g_assert_finalize_object (g_steal_pointer (&outbox));
}

/* Faults, one by one */

static void
test_rcpt_450_retries (SbTestFixture *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_RCPT_450);
  g_autoptr(SbOutbox) outbox = NULL;
  g_autofree char *reason = NULL;
  gint64 before = now_seconds ();

  sb_test_create_project (fixture, TRUE);
  outbox = outbox_for_peer (fixture, peer, FALSE);
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);

  g_assert_cmpint (invite_int (fixture, fixture->member_id, "state"), ==,
                   SB_INVITE_STATE_QUEUED);
  g_assert_cmpint (invite_int (fixture, fixture->member_id, "attempts"), ==, 1);
  g_assert_cmpint (invite_int (fixture, fixture->member_id, "next_attempt_at"), >=, before + 60);
  g_assert_cmpint (invite_int (fixture, fixture->member_id, "next_attempt_at"), <=,
                   now_seconds () + 60);
  reason = invite_error (fixture, fixture->member_id);
  g_assert_cmpstr (reason, ==, "450 4.2.1 Mailbox busy, try again later");
}

static void
test_backoff_then_failed (SbTestFixture *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_RCPT_450);
  g_autoptr(SbOutbox) outbox = NULL;
  g_autofree char *reason = NULL;
  const gint64 delays[] = { 60, 5 * 60, 30 * 60, 2 * 60 * 60 };

  sb_test_create_project (fixture, TRUE);
  outbox = outbox_for_peer (fixture, peer, FALSE);

  for (guint attempt = 1; attempt <= SB_OUTBOX_MAX_ATTEMPTS; attempt++)
    {
      gint64 before = now_seconds ();

      make_all_due (fixture);
      g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);
      g_assert_cmpint (invite_int (fixture, fixture->member_id, "attempts"), ==, attempt);
      if (attempt < SB_OUTBOX_MAX_ATTEMPTS)
        {
          gint64 next = invite_int (fixture, fixture->member_id, "next_attempt_at");

          g_assert_cmpint (invite_int (fixture, fixture->member_id, "state"), ==,
                           SB_INVITE_STATE_QUEUED);
          g_assert_cmpint (next, >=, before + delays[attempt - 1]);
          g_assert_cmpint (next, <=, now_seconds () + delays[attempt - 1]);
        }
    }

  g_assert_cmpint (invite_int (fixture, fixture->member_id, "state"), ==,
                   SB_INVITE_STATE_FAILED);
  reason = invite_error (fixture, fixture->member_id);
  g_assert_cmpstr (reason, ==, "450 4.2.1 Mailbox busy, try again later");
  g_assert_cmpuint (sb_test_peer_count_connections (peer), ==, SB_OUTBOX_MAX_ATTEMPTS);

  /* Failed is final: no more runs try it, until the manager retries. */
  make_all_due (fixture);
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);
  g_assert_cmpuint (sb_test_peer_count_connections (peer), ==, SB_OUTBOX_MAX_ATTEMPTS);
}

static void
test_rcpt_550_one_member (SbTestFixture *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_RCPT_550_OLGA);
  g_autoptr(SbOutbox) outbox = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) received = NULL;
  g_autofree char *reason = NULL;

  create_project_two_invites (fixture);
  outbox = outbox_for_peer (fixture, peer, FALSE);
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 1);

  g_assert_cmpint (invite_int (fixture, fixture->member_id, "state"), ==, SB_INVITE_STATE_SENT);
  g_assert_cmpint (invite_int (fixture, fixture->outsider_id, "state"), ==,
                   SB_INVITE_STATE_FAILED);
  g_assert_cmpint (invite_int (fixture, fixture->outsider_id, "attempts"), ==, 1);
  reason = invite_error (fixture, fixture->outsider_id);
  g_assert_cmpstr (reason, ==,
                   "550 5.1.1 <olga@example.org>: Recipient address rejected: User unknown");
  received = sb_test_peer_get_messages (peer);
  g_assert_cmpuint (received->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (received, 0), "To: \"Milo Member\""));

  /* The manager retries it: queued again, due now, attempts from zero. */
  sb_test_sign_in (fixture, fixture->manager_id);
  g_assert_true (sb_workspace_retry_invite (fixture->ws, invite_of (fixture, fixture->outsider_id),
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpint (invite_int (fixture, fixture->outsider_id, "state"), ==,
                   SB_INVITE_STATE_QUEUED);
  g_assert_cmpint (invite_int (fixture, fixture->outsider_id, "attempts"), ==, 0);
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);
  g_assert_cmpint (invite_int (fixture, fixture->outsider_id, "attempts"), ==, 1);
}

static void
test_drop_in_data_stays_queued (SbTestFixture *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_DROP_IN_DATA);
  g_autoptr(SbOutbox) outbox = NULL;
  g_autofree char *reason = NULL;

  sb_test_create_project (fixture, TRUE);
  outbox = outbox_for_peer (fixture, peer, FALSE);
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);

  g_assert_cmpint (invite_int (fixture, fixture->member_id, "state"), ==,
                   SB_INVITE_STATE_QUEUED);
  g_assert_cmpint (invite_int (fixture, fixture->member_id, "attempts"), ==, 1);
  reason = invite_error (fixture, fixture->member_id);
  g_assert_nonnull (reason);
  g_assert_cmpuint (strlen (reason), >, 0);
}

static void
test_auth_535_fails (SbTestFixture *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_AUTH_535);
  g_autoptr(SbOutbox) outbox = NULL;
  g_autofree char *reason = NULL;

  sb_test_create_project (fixture, TRUE);
  outbox = outbox_for_peer (fixture, peer, TRUE);
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);

  g_assert_cmpint (invite_int (fixture, fixture->member_id, "state"), ==,
                   SB_INVITE_STATE_FAILED);
  reason = invite_error (fixture, fixture->member_id);
  g_assert_cmpstr (reason, ==, "535 5.7.8 Authentication credentials invalid");
}

static void
test_silent_server_retries (SbTestFixture *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_SILENT);
  g_autoptr(SbOutbox) outbox = NULL;

  sb_test_create_project (fixture, TRUE);
  outbox = outbox_for_peer (fixture, peer, FALSE);
  sb_smtp_client_set_timeouts (sb_outbox_get_client (outbox), 5, 1);
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);

  g_assert_cmpint (invite_int (fixture, fixture->member_id, "state"), ==,
                   SB_INVITE_STATE_QUEUED);
  g_assert_cmpint (invite_int (fixture, fixture->member_id, "attempts"), ==, 1);
}

static void
test_untrusted_certificate_retries (SbTestFixture *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(SbSmtpSettings) settings = NULL;
  g_autoptr(SbOutbox) outbox = NULL;
  g_autofree char *reason = NULL;

  if (!sb_test_smtp_require_server ())
    return;

  /* The system's trust store only: the server's certificate does not check out. Settings can
   * be fixed, so it is retried rather than failed at once. */
  sb_test_create_project (fixture, TRUE);
  settings = sb_test_smtp_server_settings (SB_SMTP_SECURITY_TLS);
  outbox = sb_outbox_new (fixture->db);
  sb_outbox_set_settings (outbox, settings);
  sb_outbox_set_password (outbox, sb_test_smtp_server_password ());
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);

  g_assert_cmpint (invite_int (fixture, fixture->member_id, "state"), ==,
                   SB_INVITE_STATE_QUEUED);
  g_assert_cmpint (invite_int (fixture, fixture->member_id, "attempts"), ==, 1);
  reason = invite_error (fixture, fixture->member_id);
  g_assert_nonnull (reason);
  g_test_message ("last error: %s", reason);
}

static void
test_crash_while_sending (SbTestFixture *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_OK);
  g_autoptr(SbOutbox) outbox = NULL;
  g_autoptr(SbInvite) claimed = NULL;
  g_autoptr(GPtrArray) received = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *needle = NULL;

  sb_test_create_project (fixture, TRUE);

  /* A previous process claimed it and died while sending. */
  claimed = sb_invite_queue_claim_next (fixture->db, now_seconds (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_invite_get_state (claimed), ==, SB_INVITE_STATE_SENDING);
  sb_test_reopen (fixture);

  /* Within its lease, it may still be sending: a new outbox leaves it alone. */
  outbox = outbox_for_peer (fixture, peer, FALSE);
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);
  g_assert_cmpuint (sb_test_peer_count_connections (peer), ==, 0);
  g_assert_cmpint (invite_int (fixture, fixture->member_id, "state"), ==,
                   SB_INVITE_STATE_SENDING);

  /* Its lease runs out. */
  sb_test_exec (sb_database_get_handle (fixture->db),
                "UPDATE outbox SET next_attempt_at = next_attempt_at - 15 * 60 WHERE state = 1");
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 1);
  g_assert_cmpint (invite_int (fixture, fixture->member_id, "state"), ==, SB_INVITE_STATE_SENT);
  g_assert_cmpint (invite_int (fixture, fixture->member_id, "attempts"), ==, 2);

  /* With the Message-ID it had from the start. */
  received = sb_test_peer_get_messages (peer);
  g_assert_cmpuint (received->len, ==, 1);
  needle = g_strdup_printf ("Message-ID: <%s@example.org>\r\n",
                            sb_invite_get_message_id (claimed));
  g_assert_nonnull (strstr (g_ptr_array_index (received, 0), needle));
}

static void
test_without_settings_waits (SbTestFixture *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(SbOutbox) outbox = sb_outbox_new (fixture->db);
  g_autoptr(SbSmtpSettings) no_sender = sb_smtp_settings_new ("127.0.0.1", 25,
                                                               SB_SMTP_SECURITY_NONE);

  sb_test_create_project (fixture, TRUE);
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);
  sb_outbox_set_settings (outbox, no_sender);
  g_assert_cmpuint (sb_test_outbox_run (outbox), ==, 0);

  /* Nothing claimed, no attempt spent. */
  g_assert_cmpint (invite_int (fixture, fixture->member_id, "state"), ==,
                   SB_INVITE_STATE_QUEUED);
  g_assert_cmpint (invite_int (fixture, fixture->member_id, "attempts"), ==, 0);
}

static void
on_count_sent (SbOutbox *outbox,
               gint64    invite_id,
               gint64    project_id,
               int       state,
               gpointer  user_data)
{
  guint *n_sent = user_data;

  if (state == SB_INVITE_STATE_SENT)
    (*n_sent)++;
}

/* Iterates the main context until *@count reaches @wanted (at most 30 s; asserts then). */
static void
wait_for_count (guint *count,
                guint  wanted)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*count < wanted)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
test_started_mode (SbTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(SbTestPeer) peer = sb_test_peer_new (SB_TEST_PEER_OK);
  g_autoptr(SbOutbox) outbox = NULL;
  g_autoptr(GError) error = NULL;
  gint64 project_id;
  guint n_sent = 0;

  project_id = sb_test_create_project (fixture, FALSE);
  outbox = outbox_for_peer (fixture, peer, FALSE);
  g_signal_connect (outbox, "invite-changed", G_CALLBACK (on_count_sent), &n_sent);

  sb_outbox_start (outbox);

  /* The first invite goes out by itself. */
  wait_for_count (&n_sent, 1);

  /* A new member, a wake: it goes too, without waiting for the minute. */
  g_assert_true (sb_workspace_add_members (fixture->ws, project_id, &fixture->outsider_id, 1,
                                           &error));
  g_assert_no_error (error);
  sb_outbox_wake (outbox);
  wait_for_count (&n_sent, 2);

  sb_outbox_stop (outbox);
  g_assert_cmpint (sb_test_count_rows (fixture->db, "outbox WHERE state = 2"), ==, 2);
  g_signal_handlers_disconnect_by_data (outbox, &n_sent);
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (sb_outbox_is_running (outbox))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      }
  }
  g_assert_finalize_object (g_steal_pointer (&outbox));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  sb_test_add ("/outbox/end-to-end", test_end_to_end);
  sb_test_add ("/outbox/rcpt-450-retries", test_rcpt_450_retries);
  sb_test_add ("/outbox/backoff-then-failed", test_backoff_then_failed);
  sb_test_add ("/outbox/rcpt-550-one-member", test_rcpt_550_one_member);
  sb_test_add ("/outbox/drop-in-data-stays-queued", test_drop_in_data_stays_queued);
  sb_test_add ("/outbox/auth-535-fails", test_auth_535_fails);
  sb_test_add ("/outbox/silent-server-retries", test_silent_server_retries);
  sb_test_add ("/outbox/untrusted-certificate-retries", test_untrusted_certificate_retries);
  sb_test_add ("/outbox/crash-while-sending", test_crash_while_sending);
  sb_test_add ("/outbox/without-settings-waits", test_without_settings_waits);
  sb_test_add ("/outbox/started-mode", test_started_mode);

  return g_test_run ();
}
