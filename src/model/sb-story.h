/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_STORY (sb_story_get_type ())
G_DECLARE_FINAL_TYPE (SbStory, sb_story, SB, STORY, GObject)

gint64      sb_story_get_id          (SbStory *self);
gint64      sb_story_get_project_id  (SbStory *self);
const char *sb_story_get_key         (SbStory *self);
gint64      sb_story_get_number      (SbStory *self);
const char *sb_story_get_title       (SbStory *self);
const char *sb_story_get_description (SbStory *self);
int         sb_story_get_points      (SbStory *self);
guint       sb_story_get_task_count  (SbStory *self);
guint       sb_story_get_done_count  (SbStory *self);
gint64      sb_story_get_created_at  (SbStory *self);

G_END_DECLS
