/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-types.h"
#include "sb-smtp-settings.h"

G_BEGIN_DECLS

/**
 * SbMailMessageError:
 * @SB_MAIL_MESSAGE_ERROR_INVALID: a header value or address that cannot go into a mail
 *   (CR, LF or NUL in it, not UTF-8, an address that is not one), or a missing sender or
 *   recipient
 */
typedef enum
{
  SB_MAIL_MESSAGE_ERROR_INVALID,
} SbMailMessageError;

#define SB_MAIL_MESSAGE_ERROR (sb_mail_message_error_quark ())
GQuark sb_mail_message_error_quark (void);

#define SB_TYPE_MAIL_MESSAGE (sb_mail_message_get_type ())
G_DECLARE_FINAL_TYPE (SbMailMessage, sb_mail_message, SB, MAIL_MESSAGE, GObject)

SbMailMessage      *sb_mail_message_new              (void);
SbMailMessage      *sb_mail_message_new_invite       (SbInvite        *invite,
                                                      SbSmtpSettings  *settings,
                                                      GError         **error);
SbMailMessage      *sb_mail_message_new_test         (SbSmtpSettings  *settings,
                                                      const char      *to_address,
                                                      GError         **error);

void                sb_mail_message_set_from         (SbMailMessage   *self,
                                                      const char      *address,
                                                      const char      *display_name);
const char         *sb_mail_message_get_from_address (SbMailMessage   *self);
void                sb_mail_message_set_reply_to     (SbMailMessage   *self,
                                                      const char      *address,
                                                      const char      *display_name);
void                sb_mail_message_add_to           (SbMailMessage   *self,
                                                      const char      *address,
                                                      const char      *display_name);
const char * const *sb_mail_message_get_recipients   (SbMailMessage   *self);
void                sb_mail_message_set_subject      (SbMailMessage   *self,
                                                      const char      *subject);
void                sb_mail_message_set_body         (SbMailMessage   *self,
                                                      const char      *text,
                                                      const char      *html);
void                sb_mail_message_set_message_id   (SbMailMessage   *self,
                                                      const char      *message_id);
const char         *sb_mail_message_get_message_id   (SbMailMessage   *self);
void                sb_mail_message_set_date         (SbMailMessage   *self,
                                                      GDateTime       *date);
GBytes             *sb_mail_message_to_bytes         (SbMailMessage   *self,
                                                      GError         **error);

G_END_DECLS
