/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _SbDatabase  SbDatabase;
typedef struct _SbWorkspace SbWorkspace;
typedef struct _SbBoard     SbBoard;
typedef struct _SbEmployee  SbEmployee;
typedef struct _SbProject   SbProject;
typedef struct _SbColumn    SbColumn;
typedef struct _SbStory     SbStory;
typedef struct _SbTask      SbTask;
typedef struct _SbComment   SbComment;
typedef struct _SbActivity  SbActivity;
typedef struct _SbInvite    SbInvite;

/**
 * SbPriority:
 *
 * How urgent a task is. Stored as its integer value.
 */
typedef enum
{
  SB_PRIORITY_LOW = 0,
  SB_PRIORITY_MEDIUM = 1,
  SB_PRIORITY_HIGH = 2,
  SB_PRIORITY_CRITICAL = 3,
} SbPriority;

/**
 * SbProjectStatus:
 *
 * Where a project stands. Stored as its integer value.
 */
typedef enum
{
  SB_PROJECT_STATUS_PLANNED = 0,
  SB_PROJECT_STATUS_ACTIVE = 1,
  SB_PROJECT_STATUS_ON_HOLD = 2,
  SB_PROJECT_STATUS_COMPLETED = 3,
} SbProjectStatus;

/**
 * SbInviteState:
 *
 * The state of one queued invite email in the outbox.
 */
typedef enum
{
  SB_INVITE_STATE_QUEUED = 0,
  SB_INVITE_STATE_SENDING = 1,
  SB_INVITE_STATE_SENT = 2,
  SB_INVITE_STATE_FAILED = 3,
} SbInviteState;

/**
 * SbModelError:
 * @SB_MODEL_ERROR_INVALID_INPUT: a value failed validation
 * @SB_MODEL_ERROR_NOT_FOUND: no such employee, project, task…
 * @SB_MODEL_ERROR_DUPLICATE: the email or project key is taken
 * @SB_MODEL_ERROR_NOT_SIGNED_IN: the call needs a signed-in employee
 * @SB_MODEL_ERROR_PERMISSION_DENIED: signed in, but not allowed to do this
 * @SB_MODEL_ERROR_AUTHENTICATION_FAILED: unknown email or wrong password (one error for both)
 * @SB_MODEL_ERROR_TOKEN_INVALID: a remember-me token that is unknown, expired or revoked
 *
 * Errors of the use cases in #SbWorkspace and #SbBoard.
 */
typedef enum
{
  SB_MODEL_ERROR_INVALID_INPUT,
  SB_MODEL_ERROR_NOT_FOUND,
  SB_MODEL_ERROR_DUPLICATE,
  SB_MODEL_ERROR_NOT_SIGNED_IN,
  SB_MODEL_ERROR_PERMISSION_DENIED,
  SB_MODEL_ERROR_AUTHENTICATION_FAILED,
  SB_MODEL_ERROR_TOKEN_INVALID,
} SbModelError;

#define SB_MODEL_ERROR (sb_model_error_quark ())
GQuark sb_model_error_quark (void);

G_END_DECLS
