/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The GSettings schema that holds them (data/io.github.sprintboard.Sprintboard.gschema.xml).
 * It keeps the base app id in the development profile too: a .Devel build shares its SMTP
 * settings with an installed one, as it shares nothing else that matters. */
#define SB_SETTINGS_SCHEMA_ID "io.github.sprintboard.Sprintboard"

/**
 * SbSmtpSecurity:
 * @SB_SMTP_SECURITY_NONE: cleartext; only to a loopback host (a local relay, a test server)
 * @SB_SMTP_SECURITY_STARTTLS: cleartext greeting, then STARTTLS before anything else (587)
 * @SB_SMTP_SECURITY_TLS: TLS from the first byte (implicit TLS, 465)
 *
 * How the connection to the SMTP server is protected. The values are the schema's enum.
 */
typedef enum
{
  SB_SMTP_SECURITY_NONE = 0,
  SB_SMTP_SECURITY_STARTTLS = 1,
  SB_SMTP_SECURITY_TLS = 2,
} SbSmtpSecurity;

#define SB_TYPE_SMTP_SECURITY (sb_smtp_security_get_type ())
GType sb_smtp_security_get_type (void);

#define SB_TYPE_SMTP_SETTINGS (sb_smtp_settings_get_type ())
G_DECLARE_FINAL_TYPE (SbSmtpSettings, sb_smtp_settings, SB, SMTP_SETTINGS, GObject)

SbSmtpSettings *sb_smtp_settings_new                (const char      *host,
                                                     guint16          port,
                                                     SbSmtpSecurity   security);
SbSmtpSettings *sb_smtp_settings_new_from_gsettings (GSettings       *gsettings);
SbSmtpSettings *sb_smtp_settings_copy               (SbSmtpSettings  *self);

const char     *sb_smtp_settings_get_host           (SbSmtpSettings  *self);
guint16         sb_smtp_settings_get_port           (SbSmtpSettings  *self);
guint16         sb_smtp_settings_get_effective_port (SbSmtpSettings  *self);
SbSmtpSecurity  sb_smtp_settings_get_security       (SbSmtpSettings  *self);
const char     *sb_smtp_settings_get_username       (SbSmtpSettings  *self);
void            sb_smtp_settings_set_username       (SbSmtpSettings  *self,
                                                     const char      *username);
const char     *sb_smtp_settings_get_sender_address (SbSmtpSettings  *self);
void            sb_smtp_settings_set_sender_address (SbSmtpSettings  *self,
                                                     const char      *sender_address);
const char     *sb_smtp_settings_get_sender_name    (SbSmtpSettings  *self);
void            sb_smtp_settings_set_sender_name    (SbSmtpSettings  *self,
                                                     const char      *sender_name);
gboolean        sb_smtp_settings_is_complete        (SbSmtpSettings  *self);

G_END_DECLS
