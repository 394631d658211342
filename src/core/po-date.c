/* po-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "po-date.h"
#include "po-error.h"

/* Howard Hinnant's days_from_civil / civil_from_days: exact for the
 * proleptic Gregorian calendar, no loops, no tables. */
PoDate
po_date_from_ymd (int year,
                  int month,
                  int day)
{
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
po_date_to_ymd (PoDate  date,
                int    *year,
                int    *month,
                int    *day)
{
  int z = date + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = yoe + era * 400;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp + (mp < 10 ? 3 : -9);

  if (year)
    *year = y + (m <= 2);
  if (month)
    *month = m;
  if (day)
    *day = d;
}

int
po_date_year (PoDate date)
{
  int y;

  po_date_to_ymd (date, &y, NULL, NULL);
  return y;
}

int
po_date_weekday (PoDate date)
{
  /* 1970-01-01 was a Thursday (4). */
  int r = (date + 3) % 7;

  if (r < 0)
    r += 7;
  return r + 1;
}

gboolean
po_date_is_weekend (PoDate date)
{
  return po_date_weekday (date) >= 6;
}

gboolean
po_date_valid_ymd (int year,
                   int month,
                   int day)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
    return FALSE;
  return day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

/**
 * po_date_parse:
 * @text: a date written `YYYY-MM-DD`
 * @error: return location for a #GError
 *
 * Returns: the date, or %PO_DATE_INVALID with @error set
 */
PoDate
po_date_parse (const char  *text,
               GError     **error)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]) ||
      text[4] != '-' ||
      !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6]) ||
      text[7] != '-' ||
      !g_ascii_isdigit (text[8]) || !g_ascii_isdigit (text[9]))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("“%s” is not a date; write it as YYYY-MM-DD"),
                   text ? text : "");
      return PO_DATE_INVALID;
    }

  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');

  if (!po_date_valid_ymd (y, m, d))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("“%s” is not a day of the calendar"), text);
      return PO_DATE_INVALID;
    }

  return po_date_from_ymd (y, m, d);
}

void
po_date_format_buf (PoDate date,
                    char   buf[11])
{
  int y, m, d;

  po_date_to_ymd (date, &y, &m, &d);
  g_snprintf (buf, 11, "%04d-%02d-%02d", y, m, d);
}

char *
po_date_format (PoDate date)
{
  char buf[11];

  po_date_format_buf (date, buf);
  return g_strdup (buf);
}

/**
 * po_date_today:
 *
 * Today's civil date in China Standard Time (UTC+8), whatever the
 * machine's time zone. `PO_TODAY=YYYY-MM-DD` in the environment pins it,
 * for demonstrations and tests.
 */
PoDate
po_date_today (void)
{
  const char *pinned = g_getenv ("PO_TODAY");
  g_autoptr(GTimeZone) cst = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (pinned != NULL && *pinned != '\0')
    {
      PoDate date = po_date_parse (pinned, NULL);

      if (date != PO_DATE_INVALID)
        return date;
      g_warning ("PO_TODAY=%s is not a date; using the real date", pinned);
    }

  cst = g_time_zone_new_offset (8 * 3600);
  now = g_date_time_new_now (cst);
  return po_date_from_ymd (g_date_time_get_year (now),
                           g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now));
}
