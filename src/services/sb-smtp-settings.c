/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */

#include "config.h"

#include "sb-smtp-settings.h"

/* Where and how to send mail: the server, its security, the account and the sender. A plain
 * object so that a test (or the Preferences dialog, before it saves) can make one directly;
 * sb_smtp_settings_new_from_gsettings() reads the app's schema. No password: the caller gives
 * it to each send (the keyring keeps it). */

struct _SbSmtpSettings
{
  GObject         parent_instance;

  char           *host;
  guint16         port;             /* 0: the usual port for @security */
  SbSmtpSecurity  security;
  char           *username;         /* NULL or "": no AUTH */
  char           *sender_address;
  char           *sender_name;
};

enum
{
  PROP_0,
  PROP_HOST,
  PROP_PORT,
  PROP_SECURITY,
  PROP_USERNAME,
  PROP_SENDER_ADDRESS,
  PROP_SENDER_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ENUM_TYPE (SbSmtpSecurity, sb_smtp_security,
                    G_DEFINE_ENUM_VALUE (SB_SMTP_SECURITY_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (SB_SMTP_SECURITY_STARTTLS, "starttls"),
                    G_DEFINE_ENUM_VALUE (SB_SMTP_SECURITY_TLS, "tls"))

G_DEFINE_FINAL_TYPE (SbSmtpSettings, sb_smtp_settings, G_TYPE_OBJECT)

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
sb_smtp_settings_finalize (GObject *object)
{
  SbSmtpSettings *self = SB_SMTP_SETTINGS (object);

  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->sender_address, g_free);
  g_clear_pointer (&self->sender_name, g_free);

  G_OBJECT_CLASS (sb_smtp_settings_parent_class)->finalize (object);
}

static void
sb_smtp_settings_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SbSmtpSettings *self = SB_SMTP_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;

    case PROP_PORT:
      g_value_set_uint (value, self->port);
      break;

    case PROP_SECURITY:
      g_value_set_enum (value, self->security);
      break;

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_SENDER_ADDRESS:
      g_value_set_string (value, self->sender_address);
      break;

    case PROP_SENDER_NAME:
      g_value_set_string (value, self->sender_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_smtp_settings_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SbSmtpSettings *self = SB_SMTP_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_HOST:
      set_string (&self->host, g_value_get_string (value));
      break;

    case PROP_PORT:
      self->port = (guint16) g_value_get_uint (value);
      break;

    case PROP_SECURITY:
      self->security = g_value_get_enum (value);
      break;

    case PROP_USERNAME:
      sb_smtp_settings_set_username (self, g_value_get_string (value));
      break;

    case PROP_SENDER_ADDRESS:
      sb_smtp_settings_set_sender_address (self, g_value_get_string (value));
      break;

    case PROP_SENDER_NAME:
      sb_smtp_settings_set_sender_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_smtp_settings_class_init (SbSmtpSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_smtp_settings_finalize;
  object_class->get_property = sb_smtp_settings_get_property;
  object_class->set_property = sb_smtp_settings_set_property;

  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL,
                       0, G_MAXUINT16, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SECURITY] =
    g_param_spec_enum ("security", NULL, NULL,
                       SB_TYPE_SMTP_SECURITY, SB_SMTP_SECURITY_TLS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SENDER_ADDRESS] =
    g_param_spec_string ("sender-address", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SENDER_NAME] =
    g_param_spec_string ("sender-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_smtp_settings_init (SbSmtpSettings *self)
{
  self->security = SB_SMTP_SECURITY_TLS;
}

/**
 * sb_smtp_settings_new:
 * @host: the server's host name or address
 * @port: its port, or 0 for the usual one of @security (25, 587, 465)
 *
 * Returns: (transfer full): settings with no username and no sender yet
 */
SbSmtpSettings *
sb_smtp_settings_new (const char     *host,
                      guint16         port,
                      SbSmtpSecurity  security)
{
  g_return_val_if_fail (security <= SB_SMTP_SECURITY_TLS, NULL);

  return g_object_new (SB_TYPE_SMTP_SETTINGS,
                       "host", host,
                       "port", (guint) port,
                       "security", security,
                       NULL);
}

/**
 * sb_smtp_settings_new_from_gsettings:
 * @gsettings: a #GSettings of %SB_SETTINGS_SCHEMA_ID
 *
 * Reads the SMTP keys as they are now. Read them again (make new settings) after a change:
 * settings objects are snapshots.
 *
 * Returns: (transfer full): the settings
 */
SbSmtpSettings *
sb_smtp_settings_new_from_gsettings (GSettings *gsettings)
{
  g_autofree char *host = NULL;
  g_autofree char *username = NULL;
  g_autofree char *sender_address = NULL;
  g_autofree char *sender_name = NULL;
  SbSmtpSettings *self;

  g_return_val_if_fail (G_IS_SETTINGS (gsettings), NULL);

  host = g_settings_get_string (gsettings, "smtp-host");
  username = g_settings_get_string (gsettings, "smtp-username");
  sender_address = g_settings_get_string (gsettings, "sender-address");
  sender_name = g_settings_get_string (gsettings, "sender-name");

  self = sb_smtp_settings_new (host,
                               (guint16) g_settings_get_uint (gsettings, "smtp-port"),
                               g_settings_get_enum (gsettings, "smtp-security"));
  sb_smtp_settings_set_username (self, username);
  sb_smtp_settings_set_sender_address (self, sender_address);
  sb_smtp_settings_set_sender_name (self, sender_name);
  return self;
}

/**
 * sb_smtp_settings_copy:
 *
 * Returns: (transfer full): a new object with the same values
 */
SbSmtpSettings *
sb_smtp_settings_copy (SbSmtpSettings *self)
{
  SbSmtpSettings *copy;

  g_return_val_if_fail (SB_IS_SMTP_SETTINGS (self), NULL);

  copy = sb_smtp_settings_new (self->host, self->port, self->security);
  sb_smtp_settings_set_username (copy, self->username);
  sb_smtp_settings_set_sender_address (copy, self->sender_address);
  sb_smtp_settings_set_sender_name (copy, self->sender_name);
  return copy;
}

const char *
sb_smtp_settings_get_host (SbSmtpSettings *self)
{
  g_return_val_if_fail (SB_IS_SMTP_SETTINGS (self), NULL);

  return self->host;
}

/* As configured: 0 means the usual port. */
guint16
sb_smtp_settings_get_port (SbSmtpSettings *self)
{
  g_return_val_if_fail (SB_IS_SMTP_SETTINGS (self), 0);

  return self->port;
}

/* The port to connect to. */
guint16
sb_smtp_settings_get_effective_port (SbSmtpSettings *self)
{
  g_return_val_if_fail (SB_IS_SMTP_SETTINGS (self), 0);

  if (self->port != 0)
    return self->port;

  switch (self->security)
    {
    case SB_SMTP_SECURITY_NONE:
      return 25;
    case SB_SMTP_SECURITY_STARTTLS:
      return 587;
    case SB_SMTP_SECURITY_TLS:
    default:
      return 465;
    }
}

SbSmtpSecurity
sb_smtp_settings_get_security (SbSmtpSettings *self)
{
  g_return_val_if_fail (SB_IS_SMTP_SETTINGS (self), SB_SMTP_SECURITY_TLS);

  return self->security;
}

const char *
sb_smtp_settings_get_username (SbSmtpSettings *self)
{
  g_return_val_if_fail (SB_IS_SMTP_SETTINGS (self), NULL);

  return self->username;
}

void
sb_smtp_settings_set_username (SbSmtpSettings *self,
                               const char     *username)
{
  g_return_if_fail (SB_IS_SMTP_SETTINGS (self));

  if (set_string (&self->username, username))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
}

const char *
sb_smtp_settings_get_sender_address (SbSmtpSettings *self)
{
  g_return_val_if_fail (SB_IS_SMTP_SETTINGS (self), NULL);

  return self->sender_address;
}

void
sb_smtp_settings_set_sender_address (SbSmtpSettings *self,
                                     const char     *sender_address)
{
  g_return_if_fail (SB_IS_SMTP_SETTINGS (self));

  if (set_string (&self->sender_address, sender_address))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENDER_ADDRESS]);
}

/* The display name of test mails; invites show the project manager's name instead. */
const char *
sb_smtp_settings_get_sender_name (SbSmtpSettings *self)
{
  g_return_val_if_fail (SB_IS_SMTP_SETTINGS (self), NULL);

  return self->sender_name;
}

void
sb_smtp_settings_set_sender_name (SbSmtpSettings *self,
                                  const char     *sender_name)
{
  g_return_if_fail (SB_IS_SMTP_SETTINGS (self));

  if (set_string (&self->sender_name, sender_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENDER_NAME]);
}

/**
 * sb_smtp_settings_is_complete:
 *
 * Returns: whether there is a host and a sender address: enough to try sending
 */
gboolean
sb_smtp_settings_is_complete (SbSmtpSettings *self)
{
  g_return_val_if_fail (SB_IS_SMTP_SETTINGS (self), FALSE);

  return self->host != NULL && *self->host != '\0' &&
         self->sender_address != NULL && *self->sender_address != '\0';
}
