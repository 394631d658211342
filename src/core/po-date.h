/* po-date.h: civil dates in China Standard Time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PoDate:
 *
 * A civil date, counted in days since 1970-01-01 (day 0). It is a plain
 * value: compare with `<`, add days with `+`. Ranges built from it state
 * their ends; see po_calendar_count() for the project's counting rule.
 */
typedef gint32 PoDate;

#define PO_DATE_INVALID G_MININT32

PoDate    po_date_from_ymd     (int          year,
                                int          month,
                                int          day);
void      po_date_to_ymd       (PoDate       date,
                                int         *year,
                                int         *month,
                                int         *day);
int       po_date_year         (PoDate       date);
/* 1 = Monday … 7 = Sunday (ISO 8601) */
int       po_date_weekday      (PoDate       date);
gboolean  po_date_is_weekend   (PoDate       date);
gboolean  po_date_valid_ymd    (int          year,
                                int          month,
                                int          day);
PoDate    po_date_parse        (const char  *text,
                                GError     **error);
char     *po_date_format       (PoDate       date);
void      po_date_format_buf   (PoDate       date,
                                char         buf[11]);
PoDate    po_date_today        (void);

G_END_DECLS
