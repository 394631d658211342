/* po-calendar.h: the working-day calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "po-date.h"

G_BEGIN_DECLS

/* The first year of the State Council's published schedules; earlier
 * dates are refused. */
#define PO_CALENDAR_FIRST_YEAR 2004

/* The month from which the next year's schedule is expected. */
#define PO_CALENDAR_NEXT_YEAR_MONTH 10

typedef enum
{
  PO_DAY_WORKDAY,          /* Monday–Friday, no exception */
  PO_DAY_WEEKEND,          /* Saturday or Sunday, no exception */
  PO_DAY_HOLIDAY,          /* a published holiday */
  PO_DAY_MAKEUP_WORKDAY,   /* a weekend day made a working day (调休上班) */
} PoDayKind;

typedef struct
{
  PoDate      day;
  gboolean    workday;   /* TRUE: 调休上班; FALSE: 放假 */
  const char *name;
} PoCalendarException;

typedef struct _PoCalendar PoCalendar;

PoCalendar *po_calendar_new              (const PoCalendarException *exceptions,
                                          guint                      n_exceptions,
                                          const int                 *published_years,
                                          guint                      n_published_years);
PoCalendar *po_calendar_ref              (PoCalendar   *self);
void        po_calendar_unref            (PoCalendar   *self);

gboolean    po_calendar_is_published     (PoCalendar   *self,
                                          int           year);
int         po_calendar_last_published   (PoCalendar   *self);
int         po_calendar_missing_year     (PoCalendar   *self,
                                          PoDate        today);
gboolean    po_calendar_is_provisional   (PoCalendar   *self,
                                          PoDate        from,
                                          PoDate        to);

gboolean    po_calendar_day_info         (PoCalendar   *self,
                                          PoDate        day,
                                          PoDayKind    *kind,
                                          const char  **name,
                                          gboolean     *provisional,
                                          GError      **error);
gboolean    po_calendar_is_workday       (PoCalendar   *self,
                                          PoDate        day,
                                          gboolean     *provisional,
                                          GError      **error);
PoDate      po_calendar_add              (PoCalendar   *self,
                                          PoDate        day,
                                          int           n,
                                          gboolean     *provisional,
                                          GError      **error);
gboolean    po_calendar_count            (PoCalendar   *self,
                                          PoDate        from,
                                          PoDate        to,
                                          int          *count,
                                          gboolean     *provisional,
                                          GError      **error);
GPtrArray  *po_calendar_holidays_between (PoCalendar   *self,
                                          PoDate        from,
                                          PoDate        to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoCalendar, po_calendar_unref)

G_END_DECLS
