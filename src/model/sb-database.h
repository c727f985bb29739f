/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Sprintboard developers */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "sb-types.h"

G_BEGIN_DECLS

typedef enum
{
  SB_DATABASE_ERROR_OPEN,
  SB_DATABASE_ERROR_BUSY,
  SB_DATABASE_ERROR_CONSTRAINT,
  SB_DATABASE_ERROR_CORRUPT,
  SB_DATABASE_ERROR_MIGRATION,
  SB_DATABASE_ERROR_TOO_NEW,
  SB_DATABASE_ERROR_FAILED,
} SbDatabaseError;

#define SB_DATABASE_ERROR (sb_database_error_quark ())
GQuark sb_database_error_quark (void);

#define SB_TYPE_DATABASE (sb_database_get_type ())
G_DECLARE_FINAL_TYPE (SbDatabase, sb_database, SB, DATABASE, GObject)

/* The function a write transaction runs; return FALSE with @error set to roll back. */
typedef gboolean (*SbDatabaseWriteFunc) (SbDatabase  *self,
                                         gpointer     user_data,
                                         GError     **error);

SbDatabase   *sb_database_open             (const char           *path,
                                            GError              **error);
const char   *sb_database_get_path         (SbDatabase           *self);
const char   *sb_database_get_uuid         (SbDatabase           *self);
int           sb_database_get_schema_version (SbDatabase         *self);
int           sb_database_get_latest_schema_version (void);
sqlite3      *sb_database_get_handle       (SbDatabase           *self);
sqlite3_stmt *sb_database_prepare          (SbDatabase           *self,
                                            const char           *sql,
                                            GError              **error);
gboolean      sb_database_exec             (SbDatabase           *self,
                                            const char           *sql,
                                            GError              **error);
gboolean      sb_database_step_done        (SbDatabase           *self,
                                            sqlite3_stmt         *stmt,
                                            GError              **error);
gboolean      sb_database_run_with_id      (SbDatabase           *self,
                                            const char           *sql,
                                            gint64                id,
                                            GError              **error);
gboolean      sb_database_query_int64      (SbDatabase           *self,
                                            const char           *sql,
                                            gint64                id,
                                            gint64               *value);
char         *sb_database_query_text       (SbDatabase           *self,
                                            const char           *sql,
                                            gint64                id);
gboolean      sb_database_write            (SbDatabase           *self,
                                            SbDatabaseWriteFunc   func,
                                            gpointer              user_data,
                                            GError              **error);
gboolean      sb_database_read             (SbDatabase           *self,
                                            SbDatabaseWriteFunc   func,
                                            gpointer              user_data,
                                            GError              **error);
gboolean      sb_database_in_transaction   (SbDatabase           *self);
void          sb_database_set_error        (SbDatabase           *self,
                                            int                   rc,
                                            GError              **error);
gint64        sb_database_data_version     (SbDatabase           *self);
void          sb_database_close            (SbDatabase           *self);

G_END_DECLS
