/* po-calendar-store.c: the calendar kept in the database, and its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A schedule file brings whole years: importing a year replaces that
 * year's exceptions, since the State Council publishes a year at once.
 * Every deadline is then recomputed in the same transaction.
 */
#define G_LOG_DOMAIN "po-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>

#include "po-calendar-store.h"
#include "po-deadlines.h"
#include "po-error.h"
#include "po-util.h"

typedef struct
{
  PoDate  day;
  gboolean workday;
  char   *name;
} Exception;

typedef struct
{
  int     year;
  char   *source;
  GArray *exceptions;   /* Exception */
} YearSchedule;

static void
exception_clear (gpointer data)
{
  Exception *e = data;

  g_free (e->name);
}

static void
year_schedule_free (gpointer data)
{
  YearSchedule *y = data;

  g_free (y->source);
  g_array_unref (y->exceptions);
  g_free (y);
}

static void
replace_str (char       **slot,
             const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

static YearSchedule *
schedule_for (GPtrArray  *schedules,
              int         year,
              const char *source)
{
  YearSchedule *y;

  for (guint i = 0; i < schedules->len; i++)
    {
      y = g_ptr_array_index (schedules, i);
      if (y->year == year)
        return y;
    }
  y = g_new0 (YearSchedule, 1);
  y->year = year;
  y->source = g_strdup (source ? source : "");
  y->exceptions = g_array_new (FALSE, TRUE, sizeof (Exception));
  g_array_set_clear_func (y->exceptions, exception_clear);
  g_ptr_array_add (schedules, y);
  return y;
}

static void
schedule_add (YearSchedule *y,
              PoDate        day,
              gboolean      workday,
              const char   *name)
{
  Exception e = { day, workday, g_strdup (name ? name : "") };

  g_array_append_val (y->exceptions, e);
}

PoCalendar *
po_calendar_store_load (PoDatabase  *db,
                        GError     **error)
{
  g_autoptr(GArray) exceptions = g_array_new (FALSE, FALSE, sizeof (PoCalendarException));
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GStringChunk) names = g_string_chunk_new (1024);
  sqlite3_stmt *stmt;
  int rc;

  stmt = po_database_prepare (db, "SELECT year FROM calendar_years ORDER BY year", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);
      g_array_append_val (years, year);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the calendar")), NULL;

  stmt = po_database_prepare (db, "SELECT day, kind, name FROM calendar_exceptions ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoCalendarException e;

      e.day = po_date_parse ((const char *) sqlite3_column_text (stmt, 0), NULL);
      e.workday = g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "workday");
      e.name = g_string_chunk_insert (names, (const char *) sqlite3_column_text (stmt, 2));
      if (e.day != PO_DATE_INVALID)
        g_array_append_val (exceptions, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the calendar")), NULL;

  return po_calendar_new ((PoCalendarException *) (gpointer) exceptions->data, exceptions->len,
                          (int *) (gpointer) years->data, years->len);
}

static gboolean
store_schedules (PoDatabase  *db,
                 GPtrArray   *schedules,
                 const char  *origin,
                 GArray      *years_out,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  if (schedules->len == 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s holds no year of holidays or working days"), origin);
      return FALSE;
    }

  /* A year in a file replaces the stored year. A file that holds a
   * handful of days of a published year is a partial file, not a new
   * schedule: replacing would silently turn holidays into working days. */
  for (guint i = 0; i < schedules->len; i++)
    {
      YearSchedule *y = g_ptr_array_index (schedules, i);
      gint64 stored;

      stmt = po_database_prepare (db, "SELECT count(*) FROM calendar_exceptions WHERE year = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, y->year);
      stored = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (stored > 0 && (gint64) y->exceptions->len * 2 < stored)
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                       _("%s holds only %u days of %d’s schedule, where the office has %lld; "
                         "a year is imported whole, so give the complete year "
                         "(or mark the events of another year with X-PO-YEAR)"),
                       origin, y->exceptions->len, y->year, (long long) stored);
          return FALSE;
        }
    }

  if (!po_database_exec (db, "SAVEPOINT calendar_import", error))
    return FALSE;

  for (guint i = 0; i < schedules->len; i++)
    {
      YearSchedule *y = g_ptr_array_index (schedules, i);
      char day[11];

      /* Whole years are replaced; no REPLACE conflict clause, whose
       * silent deletes would escape the audit triggers. */
      stmt = po_database_prepare (db, "DELETE FROM calendar_exceptions WHERE year = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int (stmt, 1, y->year);
      if (!po_database_step_done (db, stmt, error))
        goto fail;

      stmt = po_database_prepare (db,
                                  "INSERT INTO calendar_years (year, source) VALUES (?1, ?2) "
                                  "ON CONFLICT (year) DO UPDATE SET source = excluded.source "
                                  "WHERE source IS NOT excluded.source",
                                  error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int (stmt, 1, y->year);
      sqlite3_bind_text (stmt, 2, y->source, -1, SQLITE_TRANSIENT);
      if (!po_database_step_done (db, stmt, error))
        goto fail;

      for (guint j = 0; j < y->exceptions->len; j++)
        {
          Exception *e = &g_array_index (y->exceptions, Exception, j);

          po_date_format_buf (e->day, day);

          stmt = po_database_prepare (db, "DELETE FROM calendar_exceptions WHERE day = ?1", error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
          if (!po_database_step_done (db, stmt, error))
            goto fail;

          stmt = po_database_prepare (db,
                                      "INSERT INTO calendar_exceptions (day, year, kind, name) "
                                      "VALUES (?1, ?2, ?3, ?4)",
                                      error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 2, y->year);
          sqlite3_bind_text (stmt, 3, e->workday ? "workday" : "holiday", -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, e->name, -1, SQLITE_TRANSIENT);
          if (!po_database_step_done (db, stmt, error))
            goto fail;
        }
      if (years_out != NULL)
        g_array_append_val (years_out, y->year);
    }

  po_database_calendar_changed (db);
  if (!po_deadlines_refresh_all (db, NULL, NULL, NULL, error))
    goto fail;

  if (!po_database_exec (db, "RELEASE calendar_import", error))
    goto fail;
  return TRUE;

fail:
  po_database_exec (db, "ROLLBACK TO calendar_import; RELEASE calendar_import", NULL);
  po_database_calendar_changed (db);
  return FALSE;
}

/* A JSON value read through SQLite's JSON functions. */
static char *
json_text (PoDatabase *db,
           const char *json,
           const char *path,
           int        *type_ok)
{
  sqlite3_stmt *stmt = po_database_prepare (db, "SELECT json_type (?1, ?2), json_extract (?1, ?2)", NULL);
  char *out = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);

      if (type_ok)
        *type_ok = g_str_equal (type, "integer") ? 'i' : g_str_equal (type, "text") ? 't' : '?';
      out = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  else if (type_ok)
    *type_ok = 0;
  sqlite3_reset (stmt);
  return out;
}

static GPtrArray *
json_elements (PoDatabase *db,
               const char *json,
               const char *path)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = po_database_prepare (db, "SELECT value FROM json_each (?1, ?2) ORDER BY key", NULL);

  if (stmt == NULL)
    return out;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return out;
}

static PoDate
json_date (PoDatabase  *db,
           const char  *json,
           const char  *field,
           const char  *where,
           GError     **error)
{
  g_autofree char *path = g_strconcat ("$.", field, NULL);
  g_autofree char *text = json_text (db, json, path, NULL);
  g_autoptr(GError) local_error = NULL;
  PoDate day;

  if (text == NULL)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("%s: “%s” is missing"), where, field);
      return PO_DATE_INVALID;
    }
  day = po_date_parse (text, &local_error);
  if (day == PO_DATE_INVALID)
    g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, "%s.%s: %s", where, field, local_error->message);
  return day;
}

/**
 * po_calendar_store_import_json:
 * @origin: the file's name, for messages
 * @years: (nullable) (element-type int): receives the years imported
 *
 * Imports the project's calendar JSON (see README: "Calendar files").
 */
gboolean
po_calendar_store_import_json (PoDatabase  *db,
                               const char  *text,
                               gsize        length,
                               const char  *origin,
                               GArray      *years,
                               GError     **error)
{
  g_autoptr(GPtrArray) schedules = g_ptr_array_new_with_free_func (year_schedule_free);
  g_autoptr(GPtrArray) year_values = NULL;
  g_autofree char *json = g_strndup (text, length);
  g_autofree char *format = NULL;
  sqlite3_stmt *stmt;
  gboolean valid;

  stmt = po_database_prepare (db, "SELECT json_valid (?1) AND json_type (?1) = 'object'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  valid = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (!valid)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s: not valid JSON, or not a JSON object"), origin);
      return FALSE;
    }

  format = json_text (db, json, "$.format", NULL);
  if (g_strcmp0 (format, "power-oversight-calendar") != 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s: “format” must be “power-oversight-calendar”"), origin);
      return FALSE;
    }

  year_values = json_elements (db, json, "$.years");
  for (guint i = 0; i < year_values->len; i++)
    {
      const char *yv = g_ptr_array_index (year_values, i);
      g_autofree char *where = g_strdup_printf ("%s: years[%u]", origin, i);
      g_autofree char *year_text = NULL;
      g_autofree char *source = NULL;
      g_autoptr(GPtrArray) holidays = NULL;
      g_autoptr(GPtrArray) workdays = NULL;
      YearSchedule *y;
      int type = 0;
      int year;

      year_text = json_text (db, yv, "$.year", &type);
      year = year_text ? atoi (year_text) : 0;
      if (type != 'i' || year < PO_CALENDAR_FIRST_YEAR || year > 9999)
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                       _("%s.year: must be a year from %d on"), where, PO_CALENDAR_FIRST_YEAR);
          return FALSE;
        }
      source = json_text (db, yv, "$.source", NULL);
      y = schedule_for (schedules, year, source);

      holidays = json_elements (db, yv, "$.holidays");
      for (guint j = 0; j < holidays->len; j++)
        {
          const char *hv = g_ptr_array_index (holidays, j);
          g_autofree char *hwhere = g_strdup_printf ("%s.holidays[%u]", where, j);
          g_autofree char *name = json_text (db, hv, "$.name", NULL);
          PoDate from, to;

          if ((from = json_date (db, hv, "from", hwhere, error)) == PO_DATE_INVALID ||
              (to = json_date (db, hv, "to", hwhere, error)) == PO_DATE_INVALID)
            return FALSE;
          if (to < from || to - from > 60)
            {
              g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                           _("%s: “to” must be on or after “from”, at most 60 days later"), hwhere);
              return FALSE;
            }
          for (PoDate d = from; d <= to; d++)
            schedule_add (y, d, FALSE, name);
        }

      workdays = json_elements (db, yv, "$.workdays");
      for (guint j = 0; j < workdays->len; j++)
        {
          const char *wv = g_ptr_array_index (workdays, j);
          g_autofree char *wwhere = g_strdup_printf ("%s.workdays[%u]", where, j);
          g_autofree char *name = json_text (db, wv, "$.name", NULL);
          PoDate day;

          if ((day = json_date (db, wv, "date", wwhere, error)) == PO_DATE_INVALID)
            return FALSE;
          schedule_add (y, day, TRUE, name);
        }
    }

  return store_schedules (db, schedules, origin, years, error);
}

static char *
ics_unescape (const char *value)
{
  GString *s = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (s, (*p == 'n' || *p == 'N') ? '\n' : *p);
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static PoDate
ics_date (const char  *value,
          const char  *origin,
          guint        line,
          const char  *property,
          GError     **error)
{
  int y, m, d;

  if (strlen (value) < 8 ||
      sscanf (value, "%4d%2d%2d", &y, &m, &d) != 3 ||
      !po_date_valid_ymd (y, m, d))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s:%u: %s “%s” is not a date (YYYYMMDD)"), origin, line, property, value);
      return PO_DATE_INVALID;
    }
  return po_date_from_ymd (y, m, d);
}

typedef struct
{
  PoDate    from;
  PoDate    to;
  gboolean  workday;
  char     *name;
  int       year_override;
} IcsEvent;

static void
ics_event_clear (gpointer data)
{
  g_free (((IcsEvent *) data)->name);
}

/* The schedule an event belongs to: a holiday to the year of its last day;
 * a makeup working day to the year of the holiday it makes up for (a
 * holiday of the same name in the file within 45 days), since 补班 days
 * often fall in the year before (a Saturday in late December for 元旦). */
static int
ics_event_year (GArray   *events,
                IcsEvent *ev)
{
  PoDate best = PO_DATE_INVALID;

  if (!ev->workday)
    return po_date_year (ev->to);
  for (guint i = 0; i < events->len; i++)
    {
      IcsEvent *h = &g_array_index (events, IcsEvent, i);
      PoDate distance;

      if (h->workday || g_strcmp0 (h->name, ev->name) != 0)
        continue;
      distance = ABS (h->from - ev->from);
      if (distance <= 45 && (best == PO_DATE_INVALID || distance < ABS (best - ev->from)))
        best = h->to;
    }
  return po_date_year (best != PO_DATE_INVALID ? best : ev->from);
}

static gboolean
ics_is_workday (const char *summary,
                const char *categories,
                const char *kind)
{
  if (kind != NULL)
    return g_ascii_strcasecmp (kind, "workday") == 0;
  if (categories != NULL && (strstr (categories, "WORKDAY") || strstr (categories, "workday") ||
                             strstr (categories, "补班") || strstr (categories, "上班")))
    return TRUE;
  return summary != NULL && (strstr (summary, "补班") || strstr (summary, "上班") ||
                             g_str_has_suffix (summary, "班"));
}

/* "春节（补班）", "春节 休", "国庆节放假" → the holiday's own name. */
static char *
ics_holiday_name (const char *summary)
{
  static const char *const marks[] = { "（补班）", "(补班)", "（休）", "(休)", "补班", "上班", "放假", " 班", " 休", NULL };
  g_autofree char *name = g_strstrip (g_strdup (summary ? summary : ""));

  for (guint i = 0; marks[i]; i++)
    if (g_str_has_suffix (name, marks[i]))
      {
        name[strlen (name) - strlen (marks[i])] = '\0';
        g_strstrip (name);
        break;
      }
  return g_steal_pointer (&name);
}

/**
 * po_calendar_store_import_ics:
 *
 * Imports all-day VEVENTs of an iCalendar file. An event is a makeup
 * working day when X-PO-KIND is `workday`, when CATEGORIES says WORKDAY,
 * 补班 or 上班, or when its SUMMARY does; otherwise it is a holiday period
 * from DTSTART up to DTEND (exclusive; one day when absent). It belongs
 * to the schedule of X-PO-YEAR, or else of the year its last day falls in.
 */
gboolean
po_calendar_store_import_ics (PoDatabase  *db,
                              const char  *text,
                              gsize        length,
                              const char  *origin,
                              GArray      *years,
                              GError     **error)
{
  g_autoptr(GPtrArray) schedules = g_ptr_array_new_with_free_func (year_schedule_free);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (IcsEvent));
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) line_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) raw = NULL;
  g_autofree char *copy = g_strndup (text, length);

  g_array_set_clear_func (events, ics_event_clear);
  g_autofree char *summary = NULL;
  g_autofree char *categories = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *dtstart = NULL;
  g_autofree char *dtend = NULL;
  gboolean in_event = FALSE;
  gboolean seen_calendar = FALSE;
  guint event_line = 0;
  int year_override = 0;

  /* Unfold: a line that starts with a space or tab continues the last. */
  raw = g_strsplit (copy, "\n", -1);
  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *l = raw[i];
      gsize n = strlen (l);

      if (n > 0 && l[n - 1] == '\r')
        l[n - 1] = '\0';
      if ((l[0] == ' ' || l[0] == '\t') && lines->len > 0)
        {
          char *prev = g_ptr_array_index (lines, lines->len - 1);
          lines->pdata[lines->len - 1] = g_strconcat (prev, l + 1, NULL);
          g_free (prev);
          continue;
        }
      g_ptr_array_add (lines, g_strdup (l));
      {
        guint number = i + 1;
        g_array_append_val (line_numbers, number);
      }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const char *l = g_ptr_array_index (lines, i);
      guint line = g_array_index (line_numbers, guint, i);
      const char *colon = strchr (l, ':');
      g_autofree char *prop = NULL;
      const char *value;

      if (*l == '\0')
        continue;
      if (colon == NULL)
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                       _("%s:%u: not an iCalendar line (NAME:VALUE)"), origin, line);
          return FALSE;
        }
      prop = g_ascii_strup (l, colon - l);
      if (strchr (prop, ';'))
        *strchr (prop, ';') = '\0';
      value = colon + 1;

      if (g_str_equal (prop, "BEGIN") && g_str_equal (value, "VCALENDAR"))
        seen_calendar = TRUE;
      else if (g_str_equal (prop, "BEGIN") && g_str_equal (value, "VEVENT"))
        {
          in_event = TRUE;
          event_line = line;
          g_clear_pointer (&summary, g_free);
          g_clear_pointer (&categories, g_free);
          g_clear_pointer (&kind, g_free);
          g_clear_pointer (&dtstart, g_free);
          g_clear_pointer (&dtend, g_free);
          year_override = 0;
        }
      else if (in_event && g_str_equal (prop, "END") && g_str_equal (value, "VEVENT"))
        {
          PoDate from, to;
          gboolean workday;
          g_autofree char *name = NULL;

          in_event = FALSE;
          if (dtstart == NULL)
            {
              g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                           _("%s:%u: the event has no DTSTART"), origin, event_line);
              return FALSE;
            }
          if ((from = ics_date (dtstart, origin, event_line, "DTSTART", error)) == PO_DATE_INVALID)
            return FALSE;
          to = from;
          if (dtend != NULL)
            {
              if ((to = ics_date (dtend, origin, event_line, "DTEND", error)) == PO_DATE_INVALID)
                return FALSE;
              to -= 1;   /* DTEND of an all-day event is exclusive */
              if (to < from || to - from > 60)
                {
                  g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                               _("%s:%u: DTEND must follow DTSTART by at most 60 days"), origin, event_line);
                  return FALSE;
                }
            }
          if (po_date_year (from) < PO_CALENDAR_FIRST_YEAR)
            continue;   /* feeds often reach back further than the calendar does */

          workday = ics_is_workday (summary, categories, kind);
          name = ics_holiday_name (summary);
          {
            IcsEvent ev = { from, to, workday, g_steal_pointer (&name), year_override };
            g_array_append_val (events, ev);
          }
        }
      else if (in_event && g_str_equal (prop, "DTSTART"))
        replace_str (&dtstart, value);
      else if (in_event && g_str_equal (prop, "DTEND"))
        replace_str (&dtend, value);
      else if (in_event && g_str_equal (prop, "SUMMARY"))
        {
          g_free (summary);
          summary = ics_unescape (value);
        }
      else if (in_event && g_str_equal (prop, "CATEGORIES"))
        replace_str (&categories, value);
      else if (in_event && g_str_equal (prop, "X-PO-KIND"))
        replace_str (&kind, value);
      else if (in_event && g_str_equal (prop, "X-PO-YEAR"))
        {
          year_override = atoi (value);
          if (year_override < PO_CALENDAR_FIRST_YEAR || year_override > 9999)
            {
              g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                           _("%s:%u: X-PO-YEAR “%s” is not a year from %d on"),
                           origin, line, value, PO_CALENDAR_FIRST_YEAR);
              return FALSE;
            }
        }
    }

  if (!seen_calendar)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s: not an iCalendar file (no BEGIN:VCALENDAR)"), origin);
      return FALSE;
    }
  if (in_event)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s:%u: the event is never closed with END:VEVENT"), origin, event_line);
      return FALSE;
    }

  for (guint i = 0; i < events->len; i++)
    {
      IcsEvent *ev = &g_array_index (events, IcsEvent, i);
      int year = ev->year_override ? ev->year_override : ics_event_year (events, ev);
      YearSchedule *y = schedule_for (schedules, year, NULL);

      for (PoDate d = ev->from; d <= ev->to; d++)
        schedule_add (y, d, ev->workday, ev->name);
    }

  return store_schedules (db, schedules, origin, years, error);
}

/**
 * po_calendar_store_import_file:
 *
 * Imports FILE.ics or FILE.json, told apart by content.
 */
gboolean
po_calendar_store_import_file (PoDatabase  *db,
                               const char  *path,
                               GArray      *years,
                               GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *p;

  if (!po_read_text_file (path, &contents, &length, error))
    return FALSE;

  for (p = contents; *p && g_ascii_isspace (*p); p++)
    ;
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  if (*p == '{')
    return po_calendar_store_import_json (db, contents, length, path, years, error);
  if (g_ascii_strncasecmp (p, "BEGIN:VCALENDAR", 15) == 0)
    return po_calendar_store_import_ics (db, contents, length, path, years, error);

  g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
               _("%s: neither an iCalendar file nor the project’s calendar JSON"), path);
  return FALSE;
}

/**
 * po_calendar_store_export_json:
 *
 * Returns: (transfer full): the stored calendar in the project's JSON,
 *   holidays joined into periods of consecutive days with one name
 */
char *
po_calendar_store_export_json (PoDatabase  *db,
                               GError     **error)
{
  g_autoptr(GString) out = g_string_new ("{\n  \"format\": \"power-oversight-calendar\",\n  \"version\": 1,\n  \"years\": [");
  sqlite3_stmt *years;
  int rc;
  gboolean first_year = TRUE;

  years = po_database_prepare (db, "SELECT year, source FROM calendar_years ORDER BY year", error);
  if (years == NULL)
    return NULL;

  while ((rc = sqlite3_step (years)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (years, 0);
      sqlite3_stmt *days;
      PoDate run_from = PO_DATE_INVALID, run_to = PO_DATE_INVALID;
      g_autofree char *run_name = NULL;
      gboolean first = TRUE;
      char a[11], b[11];

      g_string_append_printf (out, "%s\n    {\n      \"year\": %d,\n      \"source\": ", first_year ? "" : ",", year);
      po_json_append_string (out, (const char *) sqlite3_column_text (years, 1));
      g_string_append (out, ",\n      \"holidays\": [");
      first_year = FALSE;

      days = po_database_prepare (db,
                                  "SELECT day, name FROM calendar_exceptions "
                                  "WHERE year = ?1 AND kind = 'holiday' ORDER BY day",
                                  error);
      if (days == NULL)
        goto fail;
      sqlite3_bind_int (days, 1, year);
      for (;;)
        {
          gboolean row = sqlite3_step (days) == SQLITE_ROW;
          PoDate d = row ? po_date_parse ((const char *) sqlite3_column_text (days, 0), NULL) : PO_DATE_INVALID;
          const char *name = row ? (const char *) sqlite3_column_text (days, 1) : NULL;

          if (row && run_from != PO_DATE_INVALID && d == run_to + 1 && g_strcmp0 (name, run_name) == 0)
            {
              run_to = d;
              continue;
            }
          if (run_from != PO_DATE_INVALID)
            {
              po_date_format_buf (run_from, a);
              po_date_format_buf (run_to, b);
              g_string_append_printf (out, "%s\n        { \"name\": ", first ? "" : ",");
              po_json_append_string (out, run_name);
              g_string_append_printf (out, ", \"from\": \"%s\", \"to\": \"%s\" }", a, b);
              first = FALSE;
            }
          if (!row)
            break;
          run_from = run_to = d;
          replace_str (&run_name, name);
        }
      sqlite3_reset (days);
      g_string_append (out, first ? "],\n      \"workdays\": [" : "\n      ],\n      \"workdays\": [");

      days = po_database_prepare (db,
                                  "SELECT day, name FROM calendar_exceptions "
                                  "WHERE year = ?1 AND kind = 'workday' ORDER BY day",
                                  error);
      if (days == NULL)
        goto fail;
      sqlite3_bind_int (days, 1, year);
      first = TRUE;
      while (sqlite3_step (days) == SQLITE_ROW)
        {
          g_string_append_printf (out, "%s\n        { \"name\": ", first ? "" : ",");
          po_json_append_string (out, (const char *) sqlite3_column_text (days, 1));
          g_string_append_printf (out, ", \"date\": \"%s\" }", (const char *) sqlite3_column_text (days, 0));
          first = FALSE;
        }
      sqlite3_reset (days);
      g_string_append (out, first ? "]\n    }" : "\n      ]\n    }");
    }
  sqlite3_reset (years);
  if (rc != SQLITE_DONE)
    {
      po_database_set_error (db, rc, error, _("read the calendar"));
      return NULL;
    }
  g_string_append (out, "\n  ]\n}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);

fail:
  sqlite3_reset (years);
  return NULL;
}
