/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include "sb-model.h"

G_BEGIN_DECLS

/* Every demo employee's password, so that a person can also sign in as another one. */
#define SB_DEMO_PASSWORD "sprintboard-demo"

/* The demo manager, whom --demo signs in as. */
#define SB_DEMO_MANAGER_EMAIL "ada@example.org"

/* Fills @workspace's (empty) database with sample employees, three projects, their stories,
 * about 60 tasks spread over the columns (assignees, priorities, due dates, some overdue) and
 * comments; leaves the demo manager signed in. Hashes a few passwords: call it off the main
 * thread or accept about a second. */
gboolean sb_demo_fill (SbWorkspace  *workspace,
                       GError      **error);

G_END_DECLS
