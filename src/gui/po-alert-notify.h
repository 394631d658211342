/* po-alert-notify.h: when and how the application tells of new red alerts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "po-calendar.h"

G_BEGIN_DECLS

/* 08:30 and 17:30, in minutes after midnight. */
#define PO_WORKING_DAY_START_DEFAULT (8 * 60 + 30)
#define PO_WORKING_DAY_END_DEFAULT   (17 * 60 + 30)

gboolean       po_alert_notify_in_working_hours (PoCalendar *calendar,
                                                 GDateTime  *now,
                                                 int         start_minute,
                                                 int         end_minute);
GDateTime     *po_alert_notify_next_start       (PoCalendar *calendar,
                                                 GDateTime  *now,
                                                 int         start_minute,
                                                 int         end_minute);
GNotification *po_alert_notification_new        (guint       n_red,
                                                 const char *example);
char          *po_format_minute_of_day          (int         minute);
int            po_parse_minute_of_day           (const char *text);

G_END_DECLS
