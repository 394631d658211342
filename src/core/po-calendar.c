/* po-calendar.c: working days in constant time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar is the Monday–Friday rule plus exceptions. From
 * 2004-01-01 to the end of the last year that has any exception or
 * published schedule, a prefix sum counts the working days before each
 * day, and a second array lists the working days themselves; past that
 * table the Monday–Friday rule is arithmetic. So "the Nth working day
 * after D" and "working days between" are two lookups, never a walk.
 */
#define G_LOG_DOMAIN "po-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "po-calendar.h"
#include "po-error.h"

struct _PoCalendar
{
  gatomicrefcount ref_count;

  PoDate      origin;      /* 2004-01-01 */
  PoDate      table_end;   /* first day past the table */
  guint8     *kinds;       /* PoDayKind per day in the table */
  gint32     *before;      /* before[i]: working days in [origin, origin + i) */
  PoDate     *workdays;    /* the working days in the table, ascending */
  guint       n_workdays;
  GHashTable *names;       /* PoDate → holiday name, for exceptions */
  GHashTable *published;   /* year → TRUE */
  int         last_published;
};

/* Monday–Friday days in [a, b), a <= b: whole weeks, then at most six days. */
static gint64
count_weekdays (PoDate a,
                PoDate b)
{
  gint64 span = (gint64) b - a;
  gint64 n = (span / 7) * 5;

  for (PoDate d = a + (PoDate) ((span / 7) * 7); d < b; d++)
    if (!po_date_is_weekend (d))
      n++;
  return n;
}

/* The k-th (0-based) Monday–Friday day at or after @start. */
static PoDate
nth_weekday_from (PoDate start,
                  gint64 k)
{
  PoDate d = start;
  gint64 weeks;

  while (po_date_is_weekend (d))
    d++;
  weeks = k / 5;
  k %= 5;
  d += (PoDate) (weeks * 7);
  while (k > 0)
    {
      d++;
      if (!po_date_is_weekend (d))
        k--;
    }
  return d;
}

PoCalendar *
po_calendar_new (const PoCalendarException *exceptions,
                 guint                      n_exceptions,
                 const int                 *published_years,
                 guint                      n_published_years)
{
  PoCalendar *self = g_new0 (PoCalendar, 1);
  int last_year = PO_CALENDAR_FIRST_YEAR;
  guint n_days;
  guint w = 0;

  g_atomic_ref_count_init (&self->ref_count);
  self->origin = po_date_from_ymd (PO_CALENDAR_FIRST_YEAR, 1, 1);
  self->names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->published = g_hash_table_new (NULL, NULL);
  self->last_published = 0;

  for (guint i = 0; i < n_published_years; i++)
    {
      g_hash_table_add (self->published, GINT_TO_POINTER (published_years[i]));
      self->last_published = MAX (self->last_published, published_years[i]);
      last_year = MAX (last_year, published_years[i]);
    }
  for (guint i = 0; i < n_exceptions; i++)
    if (exceptions[i].day >= self->origin)
      last_year = MAX (last_year, po_date_year (exceptions[i].day));

  self->table_end = po_date_from_ymd (last_year + 1, 1, 1);
  n_days = (guint) (self->table_end - self->origin);
  self->kinds = g_new (guint8, n_days);
  self->before = g_new (gint32, n_days + 1);

  for (guint i = 0; i < n_days; i++)
    self->kinds[i] = po_date_is_weekend (self->origin + (PoDate) i) ? PO_DAY_WEEKEND : PO_DAY_WORKDAY;

  for (guint i = 0; i < n_exceptions; i++)
    {
      const PoCalendarException *e = &exceptions[i];

      if (e->day < self->origin)
        continue;
      self->kinds[e->day - self->origin] = e->workday ? PO_DAY_MAKEUP_WORKDAY : PO_DAY_HOLIDAY;
      g_hash_table_replace (self->names, GINT_TO_POINTER (e->day), g_strdup (e->name ? e->name : ""));
    }

  self->before[0] = 0;
  for (guint i = 0; i < n_days; i++)
    {
      gboolean work = self->kinds[i] == PO_DAY_WORKDAY || self->kinds[i] == PO_DAY_MAKEUP_WORKDAY;
      self->before[i + 1] = self->before[i] + (work ? 1 : 0);
    }

  self->n_workdays = (guint) self->before[n_days];
  self->workdays = g_new (PoDate, MAX (self->n_workdays, 1));
  for (guint i = 0; i < n_days; i++)
    if (self->kinds[i] == PO_DAY_WORKDAY || self->kinds[i] == PO_DAY_MAKEUP_WORKDAY)
      self->workdays[w++] = self->origin + (PoDate) i;

  return self;
}

PoCalendar *
po_calendar_ref (PoCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
po_calendar_unref (PoCalendar *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->kinds);
  g_free (self->before);
  g_free (self->workdays);
  g_hash_table_unref (self->names);
  g_hash_table_unref (self->published);
  g_free (self);
}

gboolean
po_calendar_is_published (PoCalendar *self,
                          int         year)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->published, GINT_TO_POINTER (year));
}

/**
 * po_calendar_last_published:
 *
 * Returns: the latest year with a published schedule, or 0 when none
 */
int
po_calendar_last_published (PoCalendar *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->last_published;
}

/**
 * po_calendar_missing_year:
 * @today: the day it is
 *
 * The year whose schedule the office should enter now: @today's year
 * when it has none; from October on, when the State Council publishes
 * the next year's, the next year when it has none.
 *
 * Returns: that year, or 0 when nothing is missing
 */
int
po_calendar_missing_year (PoCalendar *self,
                          PoDate      today)
{
  int year, month, day;

  g_return_val_if_fail (self != NULL, 0);

  po_date_to_ymd (today, &year, &month, &day);
  if (!po_calendar_is_published (self, year))
    return year;
  if (month >= PO_CALENDAR_NEXT_YEAR_MONTH && !po_calendar_is_published (self, year + 1))
    return year + 1;
  return 0;
}

/**
 * po_calendar_is_provisional:
 *
 * Whether any year from @from's to @to's (either order) lacks a
 * published schedule, so that a count over those days follows the
 * Monday–Friday rule only and may change when the schedule arrives.
 */
gboolean
po_calendar_is_provisional (PoCalendar *self,
                            PoDate      from,
                            PoDate      to)
{
  int y1, y2;

  g_return_val_if_fail (self != NULL, TRUE);

  y1 = po_date_year (MIN (from, to));
  y2 = po_date_year (MAX (from, to));
  for (int y = y1; y <= y2; y++)
    if (!po_calendar_is_published (self, y))
      return TRUE;
  return FALSE;
}

static gboolean
check_range (PoCalendar  *self,
             PoDate       day,
             GError     **error)
{
  if (day >= self->origin && po_date_year (day) <= 9999)
    return TRUE;

  if (day < self->origin)
    g_set_error (error, PO_ERROR, PO_ERROR_OUT_OF_RANGE,
                 _("The working-day calendar starts on %d-01-01; earlier dates are refused"),
                 PO_CALENDAR_FIRST_YEAR);
  else
    g_set_error (error, PO_ERROR, PO_ERROR_OUT_OF_RANGE,
                 _("The working-day calendar ends with the year 9999"));
  return FALSE;
}

static inline gboolean
kind_is_work (PoDayKind kind)
{
  return kind == PO_DAY_WORKDAY || kind == PO_DAY_MAKEUP_WORKDAY;
}

/* Working days in [origin, day). */
static gint64
workdays_before (PoCalendar *self,
                 PoDate      day)
{
  if (day <= self->table_end)
    return self->before[day - self->origin];
  return self->n_workdays + count_weekdays (self->table_end, day);
}

/* The k-th (0-based) working day on or after the origin. */
static PoDate
kth_workday (PoCalendar *self,
             gint64      k)
{
  if (k < self->n_workdays)
    return self->workdays[k];
  return nth_weekday_from (self->table_end, k - self->n_workdays);
}

gboolean
po_calendar_day_info (PoCalendar  *self,
                      PoDate       day,
                      PoDayKind   *kind,
                      const char **name,
                      gboolean    *provisional,
                      GError     **error)
{
  PoDayKind k;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!check_range (self, day, error))
    return FALSE;

  if (day < self->table_end)
    k = (PoDayKind) self->kinds[day - self->origin];
  else
    k = po_date_is_weekend (day) ? PO_DAY_WEEKEND : PO_DAY_WORKDAY;

  if (kind)
    *kind = k;
  if (name)
    *name = g_hash_table_lookup (self->names, GINT_TO_POINTER (day));
  if (provisional)
    *provisional = !po_calendar_is_published (self, po_date_year (day));
  return TRUE;
}

gboolean
po_calendar_is_workday (PoCalendar  *self,
                        PoDate       day,
                        gboolean    *provisional,
                        GError     **error)
{
  PoDayKind kind = PO_DAY_WEEKEND;

  if (!po_calendar_day_info (self, day, &kind, NULL, provisional, error))
    return FALSE;
  return kind_is_work (kind);
}

/**
 * po_calendar_add:
 * @day: the day counted from, itself not counted
 * @n: working days; negative counts backwards
 * @provisional: (out) (optional): set when the days counted reach a year
 *   without a published schedule
 *
 * For @n > 0, the @n-th working day after @day ("within N working days
 * of D"); for @n < 0, the |@n|-th working day before @day ("no later than
 * N working days before E"); for 0, @day itself.
 *
 * Returns: the day, or %PO_DATE_INVALID with @error set
 */
PoDate
po_calendar_add (PoCalendar  *self,
                 PoDate       day,
                 int          n,
                 gboolean    *provisional,
                 GError     **error)
{
  gint64 k;
  PoDate result;

  g_return_val_if_fail (self != NULL, PO_DATE_INVALID);

  if (!check_range (self, day, error))
    return PO_DATE_INVALID;

  if (n == 0)
    result = day;
  else
    {
      if (n > 0)
        k = workdays_before (self, day + 1) + n - 1;
      else
        k = workdays_before (self, day) + n;

      if (k < 0)
        {
          g_set_error (error, PO_ERROR, PO_ERROR_OUT_OF_RANGE,
                       _("Counting %d working days back from that date goes before %d-01-01, where the calendar starts"),
                       -n, PO_CALENDAR_FIRST_YEAR);
          return PO_DATE_INVALID;
        }
      result = kth_workday (self, k);
      if (!check_range (self, result, error))
        return PO_DATE_INVALID;
    }

  if (provisional)
    *provisional = po_calendar_is_provisional (self, day, result);
  return result;
}

/**
 * po_calendar_count:
 * @from: the day counted from, itself not counted
 * @to: the last day counted
 * @count: (out): working days in (@from, @to]; negative when @to is
 *   before @from (the working days in (@to, @from], negated)
 */
gboolean
po_calendar_count (PoCalendar  *self,
                   PoDate       from,
                   PoDate       to,
                   int         *count,
                   gboolean    *provisional,
                   GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  if (!check_range (self, from, error) || !check_range (self, to, error))
    return FALSE;

  *count = (int) (workdays_before (self, to + 1) - workdays_before (self, from + 1));
  if (provisional)
    *provisional = po_calendar_is_provisional (self, from, to);
  return TRUE;
}

/**
 * po_calendar_holidays_between:
 *
 * The named days off within [@from, @to], for explaining a deadline.
 *
 * Returns: (transfer container) (element-type utf8): "YYYY-MM-DD name"
 *   strings, one per holiday day
 */
GPtrArray *
po_calendar_holidays_between (PoCalendar *self,
                              PoDate      from,
                              PoDate      to)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (self != NULL, out);

  from = MAX (from, self->origin);
  to = MIN (to, self->table_end - 1);
  for (PoDate d = from; d <= to; d++)
    if (self->kinds[d - self->origin] == PO_DAY_HOLIDAY)
      {
        char buf[11];

        po_date_format_buf (d, buf);
        g_ptr_array_add (out, g_strdup_printf ("%s %s", buf,
                                               (const char *) g_hash_table_lookup (self->names, GINT_TO_POINTER (d))));
      }
  return out;
}
