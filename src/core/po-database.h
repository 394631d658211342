/* po-database.h: one office's SQLite database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "po-calendar.h"

G_BEGIN_DECLS

#define PO_TYPE_DATABASE (po_database_get_type ())

G_DECLARE_FINAL_TYPE (PoDatabase, po_database, PO, DATABASE, GObject)

/* The schema version this program writes. */
#define PO_SCHEMA_VERSION 5

char        *po_database_default_path    (void);
PoDatabase  *po_database_open            (const char   *path,
                                          GError      **error);
PoDatabase  *po_database_open_existing  (const char   *path,
                                          GError      **error);
PoDatabase  *po_database_open_at_version (const char   *path,
                                          int           version,
                                          GError      **error);
PoDatabase  *po_database_open_as         (const char   *path,
                                          const char   *actor,
                                          GError      **error);
PoDatabase  *po_database_dup             (PoDatabase   *self,
                                          GError      **error);
const char  *po_database_get_path        (PoDatabase   *self);
int          po_database_get_version     (PoDatabase   *self);
gboolean     po_database_was_created     (PoDatabase   *self);

const char  *po_database_get_actor       (PoDatabase   *self);
void         po_database_set_actor       (PoDatabase   *self,
                                          const char   *actor);

sqlite3     *po_database_get_handle      (PoDatabase   *self);
sqlite3_stmt *po_database_prepare        (PoDatabase   *self,
                                          const char   *sql,
                                          GError      **error);
gboolean     po_database_step_done       (PoDatabase   *self,
                                          sqlite3_stmt *stmt,
                                          GError      **error);
gboolean     po_database_exec            (PoDatabase   *self,
                                          const char   *sql,
                                          GError      **error);
gint64       po_database_query_int       (PoDatabase   *self,
                                          const char   *sql,
                                          GError      **error);
gboolean     po_database_begin           (PoDatabase   *self,
                                          GError      **error);
gboolean     po_database_commit          (PoDatabase   *self,
                                          GError      **error);
void         po_database_rollback        (PoDatabase   *self);
gboolean     po_database_set_error       (PoDatabase   *self,
                                          int           rc,
                                          GError      **error,
                                          const char   *what);

PoCalendar  *po_database_get_calendar    (PoDatabase   *self,
                                          GError      **error);
void         po_database_calendar_changed (PoDatabase  *self);

G_END_DECLS
