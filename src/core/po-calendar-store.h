/* po-calendar-store.h: the calendar kept in the database, and its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-database.h"

G_BEGIN_DECLS

/**
 * PoCalendarYear:
 * @source: where the schedule came from, such as the notice's title
 * @n_holidays: days off it names
 * @n_workdays: make-up working days (调休上班) it names
 */
typedef struct
{
  int    year;
  char  *source;
  guint  n_holidays;
  guint  n_workdays;
} PoCalendarYear;

/**
 * PoCalendarPeriod:
 * @last: equal to @first for a make-up working day
 * @name: the holiday's name; for a make-up day, the holiday it makes up for
 */
typedef struct
{
  PoDate    first;
  PoDate    last;
  gboolean  workday;
  char     *name;
} PoCalendarPeriod;

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

GArray     *po_calendar_store_list_years     (PoDatabase  *db,
                                              GError     **error);
GArray     *po_calendar_store_list_periods   (PoDatabase  *db,
                                              int          year,
                                              GError     **error);
gboolean    po_calendar_store_add_period     (PoDatabase  *db,
                                              int          year,
                                              PoDate       first,
                                              PoDate       last,
                                              gboolean     workday,
                                              const char  *name,
                                              GError     **error);
gboolean    po_calendar_store_restore_period (PoDatabase  *db,
                                              int          year,
                                              PoDate       first,
                                              PoDate       last,
                                              gboolean     workday,
                                              const char  *name,
                                              GError     **error);
gboolean    po_calendar_store_remove_period  (PoDatabase  *db,
                                              PoDate       first,
                                              PoDate       last,
                                              GError     **error);

G_END_DECLS
