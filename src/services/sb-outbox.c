/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-database.h"
#include "sb-invite.h"
#include "sb-invite-queue.h"
#include "sb-mail-message.h"
#include "sb-outbox.h"

/* SbOutbox sends the invites the model queued (sb-invite-queue.h), one at a time, each in an
 * SMTP session of its own:
 *
 * - sent: the server took it (250 after DATA);
 * - a 5xx reply, or a message that cannot be made (a broken address): FAILED, with the
 *   server's words (or ours) as the reason;
 * - anything else (4xx, the network, a timeout, TLS, a server without STARTTLS…): back in the
 *   queue after 1 min, 5 min, 30 min, 2 h; the fifth failure is FAILED. Settings can be fixed
 *   meanwhile, so these are worth another try;
 * - the process stops while sending: the invite stays SENDING in the file, and once its lease
 *   (SB_INVITE_QUEUE_LEASE, 15 min) has run out, the next run of any outbox on the file puts it
 *   back in the queue (sb_invite_queue_recover()); never sooner, so a second Sprintboard on the
 *   same file does not send an invite the first is still sending. The Message-ID is the
 *   invite's own, so a second copy is recognisably the same mail.
 *
 * The database is only touched on the main thread; the SMTP conversation runs in a worker
 * thread (SbSmtpClient). ::invite-changed tells a UI which invite to show again. */

/* How often a started outbox looks for invites when nobody wakes it (another process may
 * queue some), in seconds. */
#define POLL_INTERVAL 60

struct _SbOutbox
{
  GObject          parent_instance;

  SbDatabase      *db;
  SbSmtpClient    *client;
  SbSmtpSettings  *settings;
  char            *password;       /* wiped when replaced or freed */
  gboolean         busy;           /* a run is in progress */

  /* The timer-driven mode of sb_outbox_start(). */
  gboolean         started;
  gboolean         wake_pending;
  guint            timeout_id;
  GCancellable    *cancellable;
};

enum
{
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum
{
  INVITE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbOutbox, sb_outbox, G_TYPE_OBJECT)

typedef struct
{
  guint     budget;      /* invites this run may still take: each invite once at most */
  guint     n_sent;
  SbInvite *invite;      /* the one being sent */
} RunData;

static void run_next (GTask *task);
static void schedule (SbOutbox *self,
                      guint     delay_seconds);

static void
wipe_string (char *string)
{
  if (string != NULL)
    explicit_bzero (string, strlen (string));
  g_free (string);
}

static void
run_data_free (RunData *data)
{
  g_clear_object (&data->invite);
  g_free (data);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
is_permanent (const GError *error)
{
  return g_error_matches (error, SB_SMTP_ERROR, SB_SMTP_ERROR_PERMANENT) ||
         error->domain == SB_MAIL_MESSAGE_ERROR;
}

static void
emit_invite_changed (SbOutbox *self,
                     SbInvite *invite,
                     SbInviteState state)
{
  g_signal_emit (self, signals[INVITE_CHANGED], 0,
                 sb_invite_get_id (invite), sb_invite_get_project_id (invite), (int) state);
}

/* Writes down how sending @invite (our claim) went (@send_error NULL: it went). */
static gboolean
settle (SbOutbox      *self,
        SbInvite      *invite,
        const GError  *send_error,
        GError       **error)
{
  gint64 id = sb_invite_get_id (invite);
  guint attempts = sb_invite_get_attempts (invite);
  g_autoptr(GError) local_error = NULL;
  SbInviteState state;
  gboolean ok;

  if (send_error == NULL)
    {
      state = SB_INVITE_STATE_SENT;
      ok = sb_invite_queue_mark_sent (self->db, invite, &local_error);
    }
  else if (g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Stopped, not failed: due again at once next time, the reason unchanged. */
      state = SB_INVITE_STATE_QUEUED;
      ok = sb_invite_queue_mark_retry (self->db, invite, now_seconds (),
                                       sb_invite_get_last_error (invite), &local_error);
    }
  else if (is_permanent (send_error) || attempts >= SB_OUTBOX_MAX_ATTEMPTS)
    {
      state = SB_INVITE_STATE_FAILED;
      ok = sb_invite_queue_mark_failed (self->db, invite, send_error->message, &local_error);
    }
  else
    {
      state = SB_INVITE_STATE_QUEUED;
      ok = sb_invite_queue_mark_retry (self->db, invite,
                                       now_seconds () + sb_outbox_get_retry_delay (attempts),
                                       send_error->message, &local_error);
    }

  g_debug ("Invite %" G_GINT64_FORMAT " (attempt %u): %s", id, attempts,
           send_error != NULL ? send_error->message : "sent");
  if (g_error_matches (local_error, SB_MODEL_ERROR, SB_MODEL_ERROR_NOT_FOUND))
    {
      /* The lease ran out and another Sprintboard has it now, or its project is gone: not
       * ours to write down any more, and no failure of this run. */
      g_debug ("Invite %" G_GINT64_FORMAT ": %s", id, local_error->message);
      return TRUE;
    }
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  emit_invite_changed (self, invite, state);
  return TRUE;
}

static void
finish_run (GTask  *task,
            GError *error)
{
  SbOutbox *self = g_task_get_source_object (task);
  RunData *data = g_task_get_task_data (task);

  self->busy = FALSE;
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, data->n_sent);
  g_object_unref (task);
}

static void
on_client_sent (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  SbOutbox *self = g_task_get_source_object (task);
  RunData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GError) send_error = NULL;
  GError *error = NULL;

  rejected = sb_smtp_client_send_finish (SB_SMTP_CLIENT (source), result, &send_error);
  if (!settle (self, data->invite, send_error, &error))
    {
      finish_run (task, error);
      return;
    }
  if (send_error == NULL)
    data->n_sent++;
  g_clear_object (&data->invite);

  if (g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      finish_run (task, g_steal_pointer (&send_error));
      return;
    }
  run_next (task);
}

/* Takes the next due invite and sends it; ends the run when there is none. */
static void
run_next (GTask *task)
{
  SbOutbox *self = g_task_get_source_object (task);
  RunData *data = g_task_get_task_data (task);
  g_autoptr(SbMailMessage) message = NULL;
  GError *error = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      finish_run (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                             _("Sending was stopped.")));
      return;
    }

  /* Without a server or a sender, nothing is claimed: no attempt is spent on settings that
   * are not there yet. */
  if (data->budget == 0 || self->settings == NULL ||
      !sb_smtp_settings_is_complete (self->settings))
    {
      finish_run (task, NULL);
      return;
    }
  data->budget--;

  data->invite = sb_invite_queue_claim_next (self->db, now_seconds (), &error);
  if (data->invite == NULL)
    {
      finish_run (task, error);
      return;
    }
  emit_invite_changed (self, data->invite, SB_INVITE_STATE_SENDING);

  message = sb_mail_message_new_invite (data->invite, self->settings, &error);
  if (message == NULL)
    {
      g_autoptr(GError) message_error = error;

      error = NULL;
      if (!settle (self, data->invite, message_error, &error))
        {
          finish_run (task, error);
          return;
        }
      g_clear_object (&data->invite);
      run_next (task);
      return;
    }

  sb_smtp_client_send_async (self->client, self->settings, self->password, message,
                             g_task_get_cancellable (task), on_client_sent, task);
}

static gboolean
on_timeout (gpointer user_data)
{
  SbOutbox *self = user_data;

  self->timeout_id = 0;
  if (self->busy)
    self->wake_pending = TRUE;
  else
    schedule (self, 0);
  return G_SOURCE_REMOVE;
}

static void
on_timer_run_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SbOutbox) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 due;
  guint delay = POLL_INTERVAL;

  if (!sb_outbox_run_once_finish (self, result, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The outbox could not send: %s", error->message);

  if (!self->started)
    return;

  if (self->wake_pending)
    delay = 0;
  else if (sb_invite_queue_next_due (self->db, &due))
    delay = (guint) CLAMP (due - now_seconds (), 1, POLL_INTERVAL);
  self->wake_pending = FALSE;

  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add_seconds (delay, on_timeout, self);
}

/* Runs now (@delay_seconds 0) or later, in the started mode. */
static void
schedule (SbOutbox *self,
          guint     delay_seconds)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (delay_seconds > 0)
    {
      self->timeout_id = g_timeout_add_seconds (delay_seconds, on_timeout, self);
      return;
    }
  sb_outbox_run_once_async (self, self->cancellable, on_timer_run_done, g_object_ref (self));
}

static void
sb_outbox_dispose (GObject *object)
{
  SbOutbox *self = SB_OUTBOX (object);

  sb_outbox_stop (self);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (sb_outbox_parent_class)->dispose (object);
}

static void
sb_outbox_finalize (GObject *object)
{
  SbOutbox *self = SB_OUTBOX (object);

  g_clear_pointer (&self->password, wipe_string);

  G_OBJECT_CLASS (sb_outbox_parent_class)->finalize (object);
}

static void
sb_outbox_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SbOutbox *self = SB_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_outbox_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SbOutbox *self = SB_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_outbox_class_init (SbOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_outbox_dispose;
  object_class->finalize = sb_outbox_finalize;
  object_class->get_property = sb_outbox_get_property;
  object_class->set_property = sb_outbox_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         SB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbOutbox::invite-changed:
   * @invite_id: the invite
   * @project_id: its project, to know whether a shown list needs reading again
   * @state: its #SbInviteState now
   *
   * An invite changed state (sending, sent, failed, or queued again with a new error):
   * read the project's invites again (sb_workspace_list_invites()).
   */
  signals[INVITE_CHANGED] =
    g_signal_new ("invite-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT);
}

static void
sb_outbox_init (SbOutbox *self)
{
  self->client = sb_smtp_client_new ();
}

/**
 * sb_outbox_new:
 *
 * An outbox for the invites of @database; nothing is sent before it has settings
 * (sb_outbox_set_settings()) and is run (sb_outbox_start() or sb_outbox_run_once_async()).
 *
 * Returns: (transfer full): the outbox
 */
SbOutbox *
sb_outbox_new (SbDatabase *database)
{
  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  return g_object_new (SB_TYPE_OUTBOX, "database", database, NULL);
}

/**
 * sb_outbox_get_client:
 *
 * The client the outbox sends with, to set its timeouts or (in tests) its TLS database.
 *
 * Returns: (transfer none): the client
 */
SbSmtpClient *
sb_outbox_get_client (SbOutbox *self)
{
  g_return_val_if_fail (SB_IS_OUTBOX (self), NULL);

  return self->client;
}

/**
 * sb_outbox_set_settings:
 * @settings: (nullable): where to send; %NULL stops sending (invites wait)
 *
 * Used from the next invite on. Read them from GSettings again after the Preferences
 * change them (sb_smtp_settings_new_from_gsettings()).
 */
void
sb_outbox_set_settings (SbOutbox       *self,
                        SbSmtpSettings *settings)
{
  g_return_if_fail (SB_IS_OUTBOX (self));
  g_return_if_fail (settings == NULL || SB_IS_SMTP_SETTINGS (settings));

  g_set_object (&self->settings, settings);
}

SbSmtpSettings *
sb_outbox_get_settings (SbOutbox *self)
{
  g_return_val_if_fail (SB_IS_OUTBOX (self), NULL);

  return self->settings;
}

/**
 * sb_outbox_set_password:
 * @password: (nullable): the SMTP password (from the keyring, or asked once per run)
 *
 * Kept in memory only, and wiped when replaced and when the outbox goes.
 */
void
sb_outbox_set_password (SbOutbox   *self,
                        const char *password)
{
  g_return_if_fail (SB_IS_OUTBOX (self));

  g_clear_pointer (&self->password, wipe_string);
  self->password = g_strdup (password);
}

/**
 * sb_outbox_get_retry_delay:
 * @attempts: the attempts made so far (1 after the first)
 *
 * Returns: how long to wait before the next attempt, in seconds: 1 min, 5 min, 30 min, 2 h
 */
gint64
sb_outbox_get_retry_delay (guint attempts)
{
  static const gint64 delays[] = { 60, 5 * 60, 30 * 60, 2 * 60 * 60 };

  return delays[CLAMP (attempts, 1, G_N_ELEMENTS (delays)) - 1];
}

/**
 * sb_outbox_run_once_async:
 *
 * Sends every invite that is due now, one after the other, then completes. Each run first
 * puts back the invites a stopped sender left SENDING once their lease has run out
 * (sb_invite_queue_recover()). Fails with %G_IO_ERROR_PENDING while
 * another run is going on. Tests use this; the app uses sb_outbox_start().
 */
void
sb_outbox_run_once_async (SbOutbox            *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  RunData *data;

  g_return_if_fail (SB_IS_OUTBOX (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_outbox_run_once_async);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The outbox is already sending."));
      return;
    }

  /* Invites whose sender stopped while sending them (this app before a crash, or another
   * Sprintboard on the file), once their lease has run out. */
  {
    guint n = sb_invite_queue_recover (self->db, now_seconds (), &error);

    if (error != NULL)
      {
        g_task_return_error (task, error);
        return;
      }
    if (n > 0)
      g_debug ("%u invites were left being sent by a stopped sender; queued again", n);
  }

  data = g_new0 (RunData, 1);
  /* Each invite queued now at most once: one that goes back in the queue waits for later. */
  {
    gint64 queued = 0;

    sb_database_query_int64 (self->db, "SELECT count(*) FROM outbox WHERE state = ?1",
                             SB_INVITE_STATE_QUEUED, &queued);
    data->budget = (guint) CLAMP (queued, 0, G_MAXUINT);
  }
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);

  self->busy = TRUE;
  run_next (g_steal_pointer (&task));
}

/**
 * sb_outbox_run_once_finish:
 * @n_sent: (out) (optional): how many invites went out
 *
 * Returns: whether the run went through (invites that could not be sent are not a failure of
 *   the run: their state says so); %FALSE when the database failed or the run was cancelled
 */
gboolean
sb_outbox_run_once_finish (SbOutbox      *self,
                           GAsyncResult  *result,
                           guint         *n_sent,
                           GError       **error)
{
  gssize sent;

  g_return_val_if_fail (SB_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sb_outbox_run_once_async,
                        FALSE);

  sent = g_task_propagate_int (G_TASK (result), error);
  if (n_sent != NULL)
    *n_sent = sent > 0 ? (guint) sent : 0;
  return sent >= 0;
}

/**
 * sb_outbox_start:
 *
 * Sends due invites now and then on its own: when the next one falls due, at least every
 * minute, and at once after sb_outbox_wake(). Runs on the thread-default main context of the
 * caller.
 */
void
sb_outbox_start (SbOutbox *self)
{
  g_return_if_fail (SB_IS_OUTBOX (self));

  if (self->started)
    return;
  self->started = TRUE;
  self->wake_pending = FALSE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->busy)
    self->wake_pending = TRUE;
  else
    schedule (self, 0);
}

/**
 * sb_outbox_stop:
 *
 * Stops the started mode; an invite being sent is put back in the queue.
 */
void
sb_outbox_stop (SbOutbox *self)
{
  g_return_if_fail (SB_IS_OUTBOX (self));

  self->started = FALSE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/**
 * sb_outbox_wake:
 *
 * Something was queued or retried (members added, sb_workspace_retry_invite(), new
 * settings): a started outbox runs now rather than at its next tick.
 */
void
sb_outbox_wake (SbOutbox *self)
{
  g_return_if_fail (SB_IS_OUTBOX (self));

  if (!self->started)
    return;
  if (self->busy)
    self->wake_pending = TRUE;
  else
    schedule (self, 0);
}

gboolean
sb_outbox_is_running (SbOutbox *self)
{
  g_return_val_if_fail (SB_IS_OUTBOX (self), FALSE);

  return self->busy;
}
