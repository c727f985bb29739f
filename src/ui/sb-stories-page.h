/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <adwaita.h>

#include "sb-model.h"

G_BEGIN_DECLS

#define SB_TYPE_STORIES_PAGE (sb_stories_page_get_type ())
G_DECLARE_FINAL_TYPE (SbStoriesPage, sb_stories_page, SB, STORIES_PAGE, AdwBin)

void sb_stories_page_set_project (SbStoriesPage *self,
                                  SbWorkspace   *workspace,
                                  SbProject     *project);
void sb_stories_page_reload      (SbStoriesPage *self);

G_END_DECLS
