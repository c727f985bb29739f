/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

#include "sb-model.h"

G_BEGIN_DECLS

#define SB_TYPE_DASHBOARD (sb_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (SbDashboard, sb_dashboard, SB, DASHBOARD, AdwBin)

void sb_dashboard_set_workspace (SbDashboard *self,
                                 SbWorkspace *workspace);
void sb_dashboard_reload        (SbDashboard *self);

G_END_DECLS
