/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

/* Everything the rest of the app uses from the model, in one include. */

#include "sb-types.h"
#include "sb-validate.h"
#include "sb-database.h"
#include "sb-employee.h"
#include "sb-project.h"
#include "sb-column.h"
#include "sb-story.h"
#include "sb-task.h"
#include "sb-comment.h"
#include "sb-activity.h"
#include "sb-invite.h"
#include "sb-invite-queue.h"
#include "sb-workspace.h"
#include "sb-board.h"
