/* po-alert-notify.c: when and how the application tells of new red alerts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A desktop notification about a red alert is for the analyst at work:
 * on a working day of the office's calendar (holidays off, makeup
 * Saturdays on), between the start and the end of the working day, in
 * China Standard Time whatever the machine's zone. The decision is a
 * pure function of the calendar and the time, so that it can be tested.
 */
#define G_LOG_DOMAIN "po-alert-notify"

#include "config.h"

#include <glib/gi18n.h>

#include "po-alert-notify.h"
#include "po-date.h"

/* How far ahead po_alert_notify_next_start() looks: longer than any
 * run of days off the State Council has published (Spring Festival). */
#define MAX_DAYS_AHEAD 40

static GDateTime *
to_china_time (GDateTime *now)
{
  /* CST has kept +08:00 without daylight saving since 1991. */
  g_autoptr(GTimeZone) cst = g_time_zone_new_offset (8 * 60 * 60);

  return g_date_time_to_timezone (now, cst);
}

static gboolean
is_workday (PoCalendar *calendar,
            PoDate      day)
{
  g_autoptr(GError) error = NULL;
  gboolean workday;

  workday = po_calendar_is_workday (calendar, day, NULL, &error);
  if (error != NULL)
    {
      /* Outside the calendar's years: the Monday–Friday rule. */
      g_debug ("No calendar for the day: %s", error->message);
      return !po_date_is_weekend (day);
    }
  return workday;
}

static PoDate
date_of (GDateTime *time)
{
  return po_date_from_ymd (g_date_time_get_year (time),
                           g_date_time_get_month (time),
                           g_date_time_get_day_of_month (time));
}

/**
 * po_alert_notify_in_working_hours:
 * @calendar: the office's working-day calendar
 * @now: the time to judge
 * @start_minute: when the working day starts, in minutes after midnight
 * @end_minute: when it ends (excluded)
 *
 * Returns: whether @now, in China Standard Time, falls on a working day
 *   between @start_minute and @end_minute
 */
gboolean
po_alert_notify_in_working_hours (PoCalendar *calendar,
                                  GDateTime  *now,
                                  int         start_minute,
                                  int         end_minute)
{
  g_autoptr(GDateTime) local = NULL;
  int minute;

  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  local = to_china_time (now);
  minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  if (minute < start_minute || minute >= end_minute)
    return FALSE;
  return is_workday (calendar, date_of (local));
}

/**
 * po_alert_notify_next_start:
 *
 * Returns: (transfer full) (nullable): @now when it is within working
 *   hours, else the start of the next working period; %NULL when none
 *   comes within the next weeks (an empty working day)
 */
GDateTime *
po_alert_notify_next_start (PoCalendar *calendar,
                            GDateTime  *now,
                            int         start_minute,
                            int         end_minute)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) cst = g_time_zone_new_offset (8 * 60 * 60);
  PoDate today;
  int minute;

  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (start_minute >= end_minute)
    return NULL;
  if (po_alert_notify_in_working_hours (calendar, now, start_minute, end_minute))
    return g_date_time_ref (now);

  local = to_china_time (now);
  today = date_of (local);
  minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);

  for (int i = minute < start_minute ? 0 : 1; i <= MAX_DAYS_AHEAD; i++)
    {
      PoDate day = today + i;
      int y, m, d;

      if (!is_workday (calendar, day))
        continue;
      po_date_to_ymd (day, &y, &m, &d);
      return g_date_time_new (cst, y, m, d, start_minute / 60, start_minute % 60, 0);
    }
  return NULL;
}

/**
 * po_alert_notification_new:
 * @n_red: the number of new red alerts, at least 1
 * @example: (nullable): one of them, the latest, in a line
 *
 * One notification for all the red alerts a scan raised; it opens the
 * monitoring pane.
 *
 * Returns: (transfer full): the notification
 */
GNotification *
po_alert_notification_new (guint       n_red,
                           const char *example)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GNotification *notification;

  g_return_val_if_fail (n_red > 0, NULL);

  /* Translators: the title of a desktop notification */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new red alert", "%u new red alerts", n_red), n_red);
  if (example != NULL && n_red > 1)
    /* Translators: a red alert in a line, then how many more there are */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, and %u more.", "%s, and %u more.", n_red - 1),
                            example, n_red - 1);
  else if (example != NULL)
    body = g_strdup (example);
  else
    body = g_strdup (_("Open Electronic Supervision to see them."));

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.show-page", "s", "supervision");
  g_notification_add_button_with_target (notification, _("Show Alerts"), "app.show-page", "s", "supervision");
  return notification;
}

/**
 * po_format_minute_of_day:
 * @minute: minutes after midnight, 0 to 1440
 *
 * Returns: (transfer full): the time as HH:MM
 */
char *
po_format_minute_of_day (int minute)
{
  minute = CLAMP (minute, 0, 24 * 60);
  return g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
}

/**
 * po_parse_minute_of_day:
 * @text: a time as H:MM or HH:MM, 00:00 to 24:00
 *
 * Returns: minutes after midnight, or -1 when @text is not a time
 */
int
po_parse_minute_of_day (const char *text)
{
  g_autofree char *copy = NULL;
  const char *p;
  int hours = 0, minutes = 0, n_hour_digits = 0;

  if (text == NULL)
    return -1;
  copy = g_strstrip (g_strdup (text));
  for (p = copy; g_ascii_isdigit (*p); p++, n_hour_digits++)
    hours = hours * 10 + (*p - '0');
  if (n_hour_digits < 1 || n_hour_digits > 2 || *p != ':')
    return -1;
  p++;
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || p[2] != '\0')
    return -1;
  minutes = (p[0] - '0') * 10 + (p[1] - '0');
  if (hours > 24 || minutes > 59 || (hours == 24 && minutes > 0))
    return -1;
  return hours * 60 + minutes;
}
