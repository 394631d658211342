/* po-calendar-store.h: the calendar kept in the database, and its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-database.h"

G_BEGIN_DECLS

PoCalendar *po_calendar_store_load        (PoDatabase   *db,
                                           GError      **error);
gboolean    po_calendar_store_import_json (PoDatabase   *db,
                                           const char   *text,
                                           gsize         length,
                                           const char   *origin,
                                           GArray       *years,
                                           GError      **error);
gboolean    po_calendar_store_import_ics  (PoDatabase   *db,
                                           const char   *text,
                                           gsize         length,
                                           const char   *origin,
                                           GArray       *years,
                                           GError      **error);
gboolean    po_calendar_store_import_file (PoDatabase   *db,
                                           const char   *path,
                                           GArray       *years,
                                           GError      **error);
char       *po_calendar_store_export_json (PoDatabase   *db,
                                           GError      **error);

G_END_DECLS
