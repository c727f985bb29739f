/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-mail-message.h"
#include "sb-smtp-settings.h"

G_BEGIN_DECLS

/**
 * SbSmtpError:
 * @SB_SMTP_ERROR_TEMPORARY: the server answered 4xx: try again later. The message is the
 *   server's reply ("450 4.2.1 Mailbox busy").
 * @SB_SMTP_ERROR_PERMANENT: the server answered 5xx (a refused recipient, a wrong password…):
 *   trying again will not help. The message is the server's reply.
 * @SB_SMTP_ERROR_PROTOCOL: the server said something that is not SMTP
 * @SB_SMTP_ERROR_STARTTLS_UNAVAILABLE: STARTTLS was asked for and the server does not offer it
 *   (nothing else, and no password, was sent)
 * @SB_SMTP_ERROR_AUTH_UNAVAILABLE: a username is set but the server offers neither AUTH PLAIN
 *   nor LOGIN, or the connection is not protected
 * @SB_SMTP_ERROR_INSECURE: security "none" to a host that is not a loopback address
 * @SB_SMTP_ERROR_NOT_CONFIGURED: no host
 *
 * Errors of #SbSmtpClient besides those of GIO (%G_IO_ERROR for the network, timeouts
 * included, and %G_TLS_ERROR for certificates) and %SB_MAIL_MESSAGE_ERROR.
 */
typedef enum
{
  SB_SMTP_ERROR_TEMPORARY,
  SB_SMTP_ERROR_PERMANENT,
  SB_SMTP_ERROR_PROTOCOL,
  SB_SMTP_ERROR_STARTTLS_UNAVAILABLE,
  SB_SMTP_ERROR_AUTH_UNAVAILABLE,
  SB_SMTP_ERROR_INSECURE,
  SB_SMTP_ERROR_NOT_CONFIGURED,
} SbSmtpError;

#define SB_SMTP_ERROR (sb_smtp_error_quark ())
GQuark sb_smtp_error_quark (void);

/**
 * SbSmtpRecipient:
 * @address: the envelope recipient
 * @code: the server's reply code to its RCPT TO
 * @reply: the server's reply, code included ("550 5.1.1 No such user")
 *
 * A recipient the server refused while taking the message for the others.
 */
typedef struct
{
  char  *address;
  guint  code;
  char  *reply;
} SbSmtpRecipient;

void sb_smtp_recipient_free (SbSmtpRecipient *recipient);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbSmtpRecipient, sb_smtp_recipient_free)

/* The default timeouts, in seconds. */
#define SB_SMTP_CONNECT_TIMEOUT 30
#define SB_SMTP_READ_TIMEOUT    60

#define SB_TYPE_SMTP_CLIENT (sb_smtp_client_get_type ())
G_DECLARE_FINAL_TYPE (SbSmtpClient, sb_smtp_client, SB, SMTP_CLIENT, GObject)

SbSmtpClient *sb_smtp_client_new              (void);
void          sb_smtp_client_set_tls_database (SbSmtpClient         *self,
                                               GTlsDatabase         *database);
GTlsDatabase *sb_smtp_client_get_tls_database (SbSmtpClient         *self);
void          sb_smtp_client_set_timeouts     (SbSmtpClient         *self,
                                               guint                 connect_seconds,
                                               guint                 read_seconds);
void          sb_smtp_client_send_async       (SbSmtpClient         *self,
                                               SbSmtpSettings       *settings,
                                               const char           *password,
                                               SbMailMessage        *message,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GPtrArray    *sb_smtp_client_send_finish      (SbSmtpClient         *self,
                                               GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
