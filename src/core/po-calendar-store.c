/* po-calendar-store.c: the calendar kept in the database, and its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A schedule file brings whole years: importing a year replaces that
 * year's exceptions, since the State Council publishes a year at once.
 * The deadlines the change can move, those counted across a day whose
 * kind changed or across a year newly published, are then recomputed in
 * the same transaction.
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

/* What the calendar says of the days it names, and which years it has,
 * read before and after a change: the days whose kind changed, and the
 * years newly published, are all a change can move a deadline across. */
typedef struct
{
  GHashTable *days;    /* PoDate → 1 holiday, 2 working day */
  GHashTable *years;   /* year → year */
} CalendarState;

static void
calendar_state_clear (CalendarState *state)
{
  g_clear_pointer (&state->days, g_hash_table_unref);
  g_clear_pointer (&state->years, g_hash_table_unref);
}

static gboolean
calendar_state_read (PoDatabase     *db,
                     CalendarState  *state,
                     GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  state->days = g_hash_table_new (NULL, NULL);
  state->years = g_hash_table_new (NULL, NULL);

  stmt = po_database_prepare (db, "SELECT day, kind FROM calendar_exceptions", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoDate day = po_date_parse ((const char *) sqlite3_column_text (stmt, 0), NULL);
      int kind = g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "workday") ? 2 : 1;

      g_hash_table_insert (state->days, GINT_TO_POINTER (day), GINT_TO_POINTER (kind));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the calendar"));

  stmt = po_database_prepare (db, "SELECT year FROM calendar_years", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);

      g_hash_table_add (state->years, GINT_TO_POINTER (year));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the calendar"));
  return TRUE;
}

static void
add_span (GArray *spans,
          PoDate  first,
          PoDate  last)
{
  g_array_append_val (spans, first);
  g_array_append_val (spans, last);
}

/* Days in @a whose kind @b does not share. */
static void
add_changed_days (GArray     *spans,
                  GHashTable *a,
                  GHashTable *b)
{
  GHashTableIter iter;
  gpointer day, kind;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &day, &kind))
    if (g_hash_table_lookup (b, day) != kind)
      add_span (spans, GPOINTER_TO_INT (day), GPOINTER_TO_INT (day));
}

/* Recomputes the deadlines a change since @before can have moved. */
static gboolean
recompute_changed (PoDatabase     *db,
                   CalendarState  *before,
                   GError        **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (PoDate));
  CalendarState after = { NULL, NULL };
  GHashTableIter iter;
  gpointer year;
  gboolean ok;

  po_database_calendar_changed (db);
  if (!calendar_state_read (db, &after, error))
    {
      calendar_state_clear (&after);
      return FALSE;
    }
  add_changed_days (spans, before->days, after.days);
  add_changed_days (spans, after.days, before->days);
  /* A year published, or withdrawn: its deadlines stop (or start) being
   * provisional, holiday or not. */
  g_hash_table_iter_init (&iter, after.years);
  while (g_hash_table_iter_next (&iter, &year, NULL))
    if (!g_hash_table_contains (before->years, year))
      add_span (spans, po_date_from_ymd (GPOINTER_TO_INT (year), 1, 1), po_date_from_ymd (GPOINTER_TO_INT (year), 12, 31));
  g_hash_table_iter_init (&iter, before->years);
  while (g_hash_table_iter_next (&iter, &year, NULL))
    if (!g_hash_table_contains (after.years, year))
      add_span (spans, po_date_from_ymd (GPOINTER_TO_INT (year), 1, 1), po_date_from_ymd (GPOINTER_TO_INT (year), 12, 31));
  calendar_state_clear (&after);

  ok = po_deadlines_refresh_changed_days (db, (PoDate *) (gpointer) spans->data, spans->len / 2,
                                          NULL, NULL, NULL, NULL, error);
  return ok;
}

static gboolean
store_schedules (PoDatabase  *db,
                 GPtrArray   *schedules,
                 const char  *origin,
                 GArray      *years_out,
                 GError     **error)
{
  CalendarState before = { NULL, NULL };
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
  if (!calendar_state_read (db, &before, error))
    goto fail;

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

  if (!recompute_changed (db, &before, error) ||
      !po_database_exec (db, "RELEASE calendar_import", error))
    goto fail;
  calendar_state_clear (&before);
  return TRUE;

fail:
  po_database_exec (db, "ROLLBACK TO calendar_import; RELEASE calendar_import", NULL);
  po_database_calendar_changed (db);
  calendar_state_clear (&before);
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

static void
calendar_year_clear (gpointer data)
{
  PoCalendarYear *y = data;

  g_clear_pointer (&y->source, g_free);
}

/**
 * po_calendar_store_list_years:
 *
 * Returns: (transfer full) (element-type PoCalendarYear): the years whose
 *   schedule the office has, in order, with how many days off and make-up
 *   working days each names
 */
GArray *
po_calendar_store_list_years (PoDatabase  *db,
                              GError     **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, TRUE, sizeof (PoCalendarYear));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (years, calendar_year_clear);
  stmt = po_database_prepare (db,
                              "SELECT y.year, y.source, "
                              "       (SELECT count(*) FROM calendar_exceptions e WHERE e.year = y.year AND e.kind = 'holiday'), "
                              "       (SELECT count(*) FROM calendar_exceptions e WHERE e.year = y.year AND e.kind = 'workday') "
                              "FROM calendar_years AS y ORDER BY y.year",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoCalendarYear y = {
        .year = sqlite3_column_int (stmt, 0),
        .source = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        .n_holidays = (guint) sqlite3_column_int (stmt, 2),
        .n_workdays = (guint) sqlite3_column_int (stmt, 3),
      };
      g_array_append_val (years, y);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the calendar")), NULL;
  return g_steal_pointer (&years);
}

static void
calendar_period_clear (gpointer data)
{
  PoCalendarPeriod *p = data;

  g_clear_pointer (&p->name, g_free);
}

/**
 * po_calendar_store_list_periods:
 * @year: a year of the calendar
 *
 * Returns: (transfer full) (element-type PoCalendarPeriod): the days off
 *   of @year's schedule, consecutive days of one name joined into a
 *   period, and its make-up working days one by one, in date order
 */
GArray *
po_calendar_store_list_periods (PoDatabase  *db,
                                int          year,
                                GError     **error)
{
  g_autoptr(GArray) periods = g_array_new (FALSE, TRUE, sizeof (PoCalendarPeriod));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (periods, calendar_period_clear);
  stmt = po_database_prepare (db, "SELECT day, kind, name FROM calendar_exceptions WHERE year = ?1 ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoDate day = po_date_parse ((const char *) sqlite3_column_text (stmt, 0), NULL);
      gboolean workday = g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "workday");
      const char *name = (const char *) sqlite3_column_text (stmt, 2);
      PoCalendarPeriod *last = periods->len > 0 ? &g_array_index (periods, PoCalendarPeriod, periods->len - 1) : NULL;
      PoCalendarPeriod p;

      if (last != NULL && !workday && !last->workday && last->last + 1 == day && g_strcmp0 (last->name, name) == 0)
        {
          last->last = day;
          continue;
        }
      p.first = p.last = day;
      p.workday = workday;
      p.name = g_strdup (name);
      g_array_append_val (periods, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the calendar")), NULL;
  return g_steal_pointer (&periods);
}

static gboolean
check_period (int          year,
              PoDate       first,
              PoDate       last,
              gboolean     workday,
              const char  *name,
              gboolean     require_name,
              GError     **error)
{
  char a[11], b[11];

  if (year < PO_CALENDAR_FIRST_YEAR || year > 9999)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_OUT_OF_RANGE,
                   _("The calendar begins in %d; there is no schedule for %d"), PO_CALENDAR_FIRST_YEAR, year);
      return FALSE;
    }
  if (first == PO_DATE_INVALID || last == PO_DATE_INVALID || last < first)
    {
      g_set_error_literal (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("The last day comes before the first"));
      return FALSE;
    }
  po_date_format_buf (first, a);
  po_date_format_buf (last, b);
  /* A year's notice holds its own days, and for 元旦 the last days of
   * the December before (a holiday, or a Saturday worked for it). */
  if (first < po_date_from_ymd (year - 1, 12, 1) || last > po_date_from_ymd (year, 12, 31))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s to %s is not part of the schedule of %d, which holds that year’s days and the last days of the December before"),
                   a, b, year);
      return FALSE;
    }
  if (last - first >= 31)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s to %s is longer than a month; no published holiday is"), a, b);
      return FALSE;
    }
  if (require_name && (name == NULL || *name == '\0'))
    {
      g_set_error_literal (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                           workday ? _("Name the holiday this working day makes up for, such as 国庆节")
                                   : _("Name the holiday, such as 国庆节"));
      return FALSE;
    }
  for (PoDate d = first; workday && d <= last; d++)
    {
      if (!po_date_is_weekend (d))
        {
          po_date_format_buf (d, a);
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                       _("%s is a weekday; a make-up working day falls on a Saturday or Sunday"), a);
          return FALSE;
        }
    }
  return TRUE;
}

/* Runs @edit between a snapshot of the calendar and the recomputation of
 * the deadlines it moved, all or nothing. */
static gboolean
edit_calendar (PoDatabase  *db,
               const char  *sql,
               int          year,
               PoDate       first,
               PoDate       last,
               const char  *kind,
               const char  *name,
               guint       *n_changed,
               GError     **error)
{
  CalendarState before = { NULL, NULL };
  sqlite3_stmt *stmt;
  char day[11];

  if (!po_database_exec (db, "SAVEPOINT calendar_edit", error))
    return FALSE;
  if (!calendar_state_read (db, &before, error))
    goto fail;

  if (kind != NULL)
    {
      stmt = po_database_prepare (db, "INSERT INTO calendar_years (year) VALUES (?1) ON CONFLICT (year) DO NOTHING", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int (stmt, 1, year);
      if (!po_database_step_done (db, stmt, error))
        goto fail;
    }

  *n_changed = 0;
  for (PoDate d = first; d <= last; d++)
    {
      po_date_format_buf (d, day);
      stmt = po_database_prepare (db, "DELETE FROM calendar_exceptions WHERE day = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
      if (!po_database_step_done (db, stmt, error))
        goto fail;
      *n_changed += (guint) sqlite3_changes (po_database_get_handle (db));
      if (sql == NULL)
        continue;
      stmt = po_database_prepare (db, sql, error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, year);
      sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, name, -1, SQLITE_TRANSIENT);
      if (!po_database_step_done (db, stmt, error))
        goto fail;
    }

  /* A year entered by hand and emptied again has no schedule any more:
   * its deadlines are provisional again. */
  if (sql == NULL &&
      !po_database_exec (db,
                         "DELETE FROM calendar_years WHERE source = '' AND NOT EXISTS "
                         "(SELECT 1 FROM calendar_exceptions AS e WHERE e.year = calendar_years.year)",
                         error))
    goto fail;

  if (!recompute_changed (db, &before, error) ||
      !po_database_exec (db, "RELEASE calendar_edit", error))
    goto fail;
  calendar_state_clear (&before);
  return TRUE;

fail:
  po_database_exec (db, "ROLLBACK TO calendar_edit; RELEASE calendar_edit", NULL);
  po_database_calendar_changed (db);
  calendar_state_clear (&before);
  return FALSE;
}

/**
 * po_calendar_store_add_period:
 * @year: the year whose schedule the days belong to (元旦 may begin in
 *   the December before)
 * @workday: %TRUE for make-up working days (调休上班), each a Saturday or
 *   Sunday; %FALSE for days off
 * @name: the holiday's name, or for a make-up day the holiday it makes up
 *   for
 *
 * Enters days of a schedule by hand, replacing what the calendar said of
 * them. A year without a schedule gets one: its deadlines are no longer
 * provisional. The deadlines counted across the days are recomputed, in
 * the same savepoint.
 */
static gboolean
add_period (PoDatabase  *db,
            int          year,
            PoDate       first,
            PoDate       last,
            gboolean     workday,
            const char  *name,
            gboolean     require_name,
            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  guint replaced;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);

  if (!check_period (year, first, last, workday, trimmed, require_name, error))
    return FALSE;
  return edit_calendar (db, "INSERT INTO calendar_exceptions (day, year, kind, name) VALUES (?1, ?2, ?3, ?4)",
                        year, first, last, workday ? "workday" : "holiday", trimmed, &replaced, error);
}

gboolean
po_calendar_store_add_period (PoDatabase  *db,
                              int          year,
                              PoDate       first,
                              PoDate       last,
                              gboolean     workday,
                              const char  *name,
                              GError     **error)
{
  return add_period (db, year, first, last, workday, name, TRUE, error);
}

/**
 * po_calendar_store_restore_period:
 *
 * Puts back a period po_calendar_store_remove_period() removed, as
 * po_calendar_store_list_periods() gave it, for Undo: as
 * po_calendar_store_add_period(), but a period imported without a name
 * comes back without one.
 */
gboolean
po_calendar_store_restore_period (PoDatabase  *db,
                                  int          year,
                                  PoDate       first,
                                  PoDate       last,
                                  gboolean     workday,
                                  const char  *name,
                                  GError     **error)
{
  return add_period (db, year, first, last, workday, name, FALSE, error);
}

/**
 * po_calendar_store_remove_period:
 *
 * Removes the days off and make-up working days from @first to @last:
 * they follow the Monday–Friday rule again. A year entered by hand whose
 * last day is removed has no schedule any more. The deadlines counted
 * across them are recomputed, in the same savepoint.
 */
gboolean
po_calendar_store_remove_period (PoDatabase  *db,
                                 PoDate       first,
                                 PoDate       last,
                                 GError     **error)
{
  char a[11], b[11];
  guint removed = 0;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);

  if (first == PO_DATE_INVALID || last == PO_DATE_INVALID || last < first)
    {
      g_set_error_literal (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("The last day comes before the first"));
      return FALSE;
    }
  if (last - first > 366)
    {
      g_set_error_literal (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                           _("Remove the days of one year at a time, at most"));
      return FALSE;
    }
  if (!edit_calendar (db, NULL, 0, first, last, NULL, NULL, &removed, error))
    return FALSE;
  if (removed == 0)
    {
      po_date_format_buf (first, a);
      po_date_format_buf (last, b);
      g_set_error (error, PO_ERROR, PO_ERROR_NOT_FOUND,
                   _("The calendar has no day off or make-up working day from %s to %s"), a, b);
      return FALSE;
    }
  return TRUE;
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
  g_autoptr(GArray) years = po_calendar_store_list_years (db, error);

  if (years == NULL)
    return NULL;

  for (guint i = 0; i < years->len; i++)
    {
      PoCalendarYear *y = &g_array_index (years, PoCalendarYear, i);
      g_autoptr(GArray) periods = po_calendar_store_list_periods (db, y->year, error);

      if (periods == NULL)
        return NULL;
      g_string_append_printf (out, "%s\n    {\n      \"year\": %d,\n      \"source\": ", i ? "," : "", y->year);
      po_json_append_string (out, y->source);

      /* Days off, then make-up working days. */
      for (int workdays = 0; workdays <= 1; workdays++)
        {
          gboolean first = TRUE;

          g_string_append (out, workdays ? ",\n      \"workdays\": [" : ",\n      \"holidays\": [");
          for (guint j = 0; j < periods->len; j++)
            {
              PoCalendarPeriod *p = &g_array_index (periods, PoCalendarPeriod, j);
              char a[11], b[11];

              if (p->workday != workdays)
                continue;
              po_date_format_buf (p->first, a);
              po_date_format_buf (p->last, b);
              g_string_append_printf (out, "%s\n        { \"name\": ", first ? "" : ",");
              po_json_append_string (out, p->name);
              if (workdays)
                g_string_append_printf (out, ", \"date\": \"%s\" }", a);
              else
                g_string_append_printf (out, ", \"from\": \"%s\", \"to\": \"%s\" }", a, b);
              first = FALSE;
            }
          g_string_append (out, first ? "]" : "\n      ]");
        }
      g_string_append (out, "\n    }");
    }
  g_string_append (out, "\n  ]\n}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
