/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

/* What the services tests share: the loopback SMTP server that build-aux/test-session starts
 * (tests/smtp-server.py), a scripted SMTP peer inside the test, and readers for the messages
 * the server saved. */

#include <gio/gio.h>

#include "sb-mail-message.h"
#include "sb-outbox.h"
#include "sb-smtp-client.h"
#include "sb-smtp-settings.h"

G_BEGIN_DECLS

/* The sender of every test message. */
#define SB_TEST_SENDER "sprintboard@example.org"

/* Whether the session's SMTP server is there (the SB_TEST_SMTP_* variables); when not, marks
 * the test skipped with the reason and returns FALSE. */
gboolean        sb_test_smtp_require_server   (void);

/* Settings for the session's server: STARTTLS or implicit TLS, its account, our sender. */
SbSmtpSettings *sb_test_smtp_server_settings  (SbSmtpSecurity   security);
const char     *sb_test_smtp_server_password  (void);
/* A client that trusts the session's certificate, with short timeouts. */
SbSmtpClient   *sb_test_smtp_client_new       (void);
void            sb_test_smtp_trust_server     (SbSmtpClient    *client);

/* Sends @message and waits (bounded) for the result. */
GPtrArray      *sb_test_smtp_send             (SbSmtpClient    *client,
                                               SbSmtpSettings  *settings,
                                               const char      *password,
                                               SbMailMessage   *message,
                                               GError         **error);
/* Runs the outbox once and waits (bounded); returns how many were sent. */
guint           sb_test_outbox_run            (SbOutbox        *outbox);

/* Iterates the default main context until *@done (at most @seconds; asserts on timeout). */
void            sb_test_wait_until            (gboolean        *done,
                                               guint            seconds);

/* The paths of the saved messages (NNNN.eml) that contain @needle, in order. */
GPtrArray      *sb_test_smtp_find_messages    (const char      *needle);
/* The message's envelope: "MAIL FROM\nRCPT\nRCPT…\n". */
char           *sb_test_smtp_read_envelope    (const char      *eml_path);
/* The message as Python's email package reads it (tests/parse-mail.py). */
GKeyFile       *sb_test_smtp_parse            (const char      *eml_path);

/* A loopback port where nothing listens. */
guint16         sb_test_closed_port           (void);

/**
 * SbTestPeerScript:
 *
 * How the scripted peer behaves. It never speaks TLS and never offers STARTTLS; it offers
 * AUTH PLAIN LOGIN (but see %SB_TEST_PEER_AUTH_LOGIN_ONLY).
 */
typedef enum
{
  SB_TEST_PEER_OK,               /* takes everything */
  SB_TEST_PEER_GREETING_421,     /* 421 instead of the greeting, then hangs up */
  SB_TEST_PEER_RCPT_450,         /* 450 to every RCPT */
  SB_TEST_PEER_RCPT_550_OLGA,    /* 550 to RCPT of any olga@ address, 250 to the others */
  SB_TEST_PEER_DROP_IN_DATA,     /* hangs up after two lines of DATA */
  SB_TEST_PEER_AUTH_535,         /* 535 to AUTH */
  SB_TEST_PEER_SILENT,           /* accepts and says nothing */
  SB_TEST_PEER_AUTH_LOGIN_ONLY,  /* offers only AUTH LOGIN, and takes any credentials */
} SbTestPeerScript;

typedef struct _SbTestPeer SbTestPeer;

/* Starts a peer on 127.0.0.1, on its own thread and main context. */
SbTestPeer *sb_test_peer_new              (SbTestPeerScript  script);
void        sb_test_peer_free             (SbTestPeer       *peer);
guint16     sb_test_peer_get_port         (SbTestPeer       *peer);
/* Settings for the peer with the given security (username "peer-user" when @with_auth). */
SbSmtpSettings *sb_test_peer_settings     (SbTestPeer       *peer,
                                           SbSmtpSecurity    security,
                                           gboolean          with_auth);
guint       sb_test_peer_count_connections (SbTestPeer      *peer);
/* Every command line the peer received, each followed by "\n". */
char       *sb_test_peer_get_transcript   (SbTestPeer       *peer);
/* The DATA it received (still dot-stuffed, lines ending in CRLF), in order. */
GPtrArray  *sb_test_peer_get_messages     (SbTestPeer       *peer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbTestPeer, sb_test_peer_free)

G_END_DECLS
