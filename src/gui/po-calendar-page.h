/* po-calendar-page.h: the working-day calendar, year by year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-page.h"

G_BEGIN_DECLS

#define PO_TYPE_CALENDAR_PAGE (po_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (PoCalendarPage, po_calendar_page, PO, CALENDAR_PAGE, PoPage)

GtkWidget *po_calendar_page_new       (PoDatabase     *database);
void       po_calendar_page_import    (PoCalendarPage *self,
                                       GFile          *file);
void       po_calendar_page_export    (PoCalendarPage *self,
                                       GFile          *file);
int        po_calendar_page_get_year  (PoCalendarPage *self);
void       po_calendar_page_show_year (PoCalendarPage *self,
                                       int             year);
gboolean   po_calendar_page_get_busy  (PoCalendarPage *self);

G_END_DECLS
