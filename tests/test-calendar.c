/* test-calendar.c: the working-day calendar and its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "po-calendar-store.h"
#include "po-deadlines.h"
#include "po-demo.h"
#include "po-error.h"
#include "po-test-util.h"

typedef struct
{
  char       *dir;
  PoDatabase *db;
  PoCalendar *cal;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = po_test_make_dir ();
  f->db = po_test_open (f->dir, "office.db");
  f->cal = po_database_get_calendar (f->db, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->cal, po_calendar_unref);
  g_clear_object (&f->db);
  po_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
reload (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&f->cal, po_calendar_unref);
  f->cal = po_database_get_calendar (f->db, &error);
  g_assert_no_error (error);
}

static gboolean
workday (Fixture    *f,
         const char *day)
{
  g_autoptr(GError) error = NULL;
  gboolean w = po_calendar_is_workday (f->cal, po_test_date (day), NULL, &error);

  g_assert_no_error (error);
  return w;
}

static void
assert_add (Fixture    *f,
            const char *from,
            int         n,
            const char *expected)
{
  g_autoptr(GError) error = NULL;
  PoDate d = po_calendar_add (f->cal, po_test_date (from), n, NULL, &error);

  g_assert_no_error (error);
  po_test_assert_date (d, expected);
}

static int
count (Fixture    *f,
       const char *from,
       const char *to)
{
  g_autoptr(GError) error = NULL;
  int n = -999;

  g_assert_true (po_calendar_count (f->cal, po_test_date (from), po_test_date (to), &n, NULL, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_shipped_years (Fixture       *f,
                    gconstpointer  data)
{
  for (int y = 2004; y <= 2026; y++)
    g_assert_true (po_calendar_is_published (f->cal, y));
  g_assert_false (po_calendar_is_published (f->cal, 2027));
  g_assert_cmpint (po_calendar_last_published (f->cal), ==, 2026);
}

static void
test_makeup_workdays (Fixture       *f,
                      gconstpointer  data)
{
  /* 2026: Saturday 02-14 and 02-28 (春节), Sunday 01-04 (元旦),
   * Saturday 05-09 (劳动节), Sunday 09-20 and Saturday 10-10 (国庆). */
  g_assert_true (workday (f, "2026-01-04"));
  g_assert_true (workday (f, "2026-02-14"));
  g_assert_true (workday (f, "2026-02-28"));
  g_assert_true (workday (f, "2026-05-09"));
  g_assert_true (workday (f, "2026-09-20"));
  g_assert_true (workday (f, "2026-10-10"));
  /* An ordinary weekend stays off. */
  g_assert_false (workday (f, "2026-03-07"));
  g_assert_false (workday (f, "2026-10-11"));
}

static void
test_long_holidays (Fixture       *f,
                    gconstpointer  data)
{
  PoDayKind kind;
  const char *name = NULL;

  /* 春节 2026-02-15 … 02-23, 国庆 2026-10-01 … 10-07 */
  for (PoDate d = po_test_date ("2026-02-15"); d <= po_test_date ("2026-02-23"); d++)
    g_assert_false (po_calendar_is_workday (f->cal, d, NULL, NULL));
  for (PoDate d = po_test_date ("2026-10-01"); d <= po_test_date ("2026-10-07"); d++)
    g_assert_false (po_calendar_is_workday (f->cal, d, NULL, NULL));
  g_assert_true (workday (f, "2026-02-13"));
  g_assert_true (workday (f, "2026-02-24"));
  g_assert_true (workday (f, "2026-10-08"));

  g_assert_true (po_calendar_day_info (f->cal, po_test_date ("2026-02-17"), &kind, &name, NULL, NULL));
  g_assert_cmpint (kind, ==, PO_DAY_HOLIDAY);
  g_assert_cmpstr (name, ==, "春节");
  g_assert_true (po_calendar_day_info (f->cal, po_test_date ("2026-10-10"), &kind, &name, NULL, NULL));
  g_assert_cmpint (kind, ==, PO_DAY_MAKEUP_WORKDAY);
}

static void
test_add_across_holidays (Fixture       *f,
                          gconstpointer  data)
{
  assert_add (f, "2026-09-30", 1, "2026-10-08");
  assert_add (f, "2026-09-30", 3, "2026-10-10");   /* the makeup Saturday counts */
  assert_add (f, "2026-10-08", -1, "2026-09-30");
  assert_add (f, "2026-10-10", -2, "2026-10-08");
  assert_add (f, "2026-02-13", 1, "2026-02-14");
  assert_add (f, "2026-02-14", 1, "2026-02-24");
  assert_add (f, "2026-02-24", -1, "2026-02-14");
  assert_add (f, "2026-06-15", 0, "2026-06-15");
  /* Day D itself is never counted, even when it is a working day. */
  assert_add (f, "2026-06-15", 1, "2026-06-16");
  /* From a holiday, the first working day after it. */
  assert_add (f, "2026-10-03", 1, "2026-10-08");
}

static void
test_regulation_deadlines (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean provisional = TRUE;

  /* A law taking effect on Friday 2026-10-09, right after 国庆: counted
   * back over 10-08, the holiday, 中秋 09-25…27 and the makeup Sunday
   * 09-20, the 15th working day before it is 2026-09-11. */
  po_test_assert_date (po_deadline_filing (f->cal, po_test_date ("2026-10-09"), &provisional, &error),
                       "2026-09-11");
  g_assert_no_error (error);
  g_assert_false (provisional);

  /* Received on 2026-09-28: ten working days are 09-29, 09-30, 10-08,
   * 10-09, 10-10 (Saturday, a working day), 10-12 … 10-16. */
  po_test_assert_date (po_deadline_within (f->cal, po_test_date ("2026-09-28"), PO_REVIEW_REPLY_DAYS, NULL, &error),
                       "2026-10-16");
  g_assert_no_error (error);
}

static void
test_count (Fixture       *f,
            gconstpointer  data)
{
  g_assert_cmpint (count (f, "2026-09-30", "2026-10-09"), ==, 2);
  g_assert_cmpint (count (f, "2026-09-30", "2026-10-10"), ==, 3);
  g_assert_cmpint (count (f, "2026-02-13", "2026-02-24"), ==, 2);
  g_assert_cmpint (count (f, "2026-06-15", "2026-06-15"), ==, 0);
  g_assert_cmpint (count (f, "2026-10-10", "2026-09-30"), ==, -3);
  /* Whole years: 2026 has 365 days, 104 weekend days, 6 makeup working
   * days and 19 holiday weekdays: 261 - 19 + 6 = 248. */
  g_assert_cmpint (count (f, "2025-12-31", "2026-12-31"), ==, 248);
}

/* The constant-time answers agree with walking day by day. */
static void
test_against_walking (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);
  PoDate lo = po_test_date ("2005-01-01");
  PoDate hi = po_test_date ("2032-12-31");

  for (int i = 0; i < 3000; i++)
    {
      PoDate from = g_rand_int_range (rand, lo, hi);
      int n = g_rand_int_range (rand, -250, 251);
      PoDate expect = from;
      PoDate got;
      int steps = 0;
      int counted = 0;

      if (n == 0)
        continue;
      while (steps < ABS (n))
        {
          expect += n > 0 ? 1 : -1;
          if (po_calendar_is_workday (f->cal, expect, NULL, NULL))
            steps++;
        }
      got = po_calendar_add (f->cal, from, n, NULL, NULL);
      g_assert_cmpint (got, ==, expect);

      /* count: working days in (from, to], negated when to is earlier */
      for (PoDate d = MIN (from, expect) + 1; d <= MAX (from, expect); d++)
        counted += po_calendar_is_workday (f->cal, d, NULL, NULL) ? 1 : 0;
      if (expect < from)
        counted = -counted;
      {
        int c = 0;
        g_assert_true (po_calendar_count (f->cal, from, expect, &c, NULL, NULL));
        g_assert_cmpint (c, ==, counted);
        if (n > 0)
          g_assert_cmpint (c, ==, n);
      }
    }
}

static void
test_out_of_range (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int n;

  g_assert_false (po_calendar_is_workday (f->cal, po_test_date ("2003-12-31"), NULL, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_cmpint (po_calendar_add (f->cal, po_test_date ("2004-01-05"), -5, NULL, &error), ==, PO_DATE_INVALID);
  g_assert_error (error, PO_ERROR, PO_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (po_calendar_count (f->cal, po_test_date ("1999-01-01"), po_test_date ("2026-01-01"), &n, NULL, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_OUT_OF_RANGE);
}

static void
test_provisional (Fixture       *f,
                  gconstpointer  data)
{
  gboolean provisional = FALSE;

  /* 2027-01-01 is a Friday: by the Monday–Friday rule a working day,
   * provisionally, until 2027's schedule says otherwise. */
  g_assert_true (po_calendar_is_workday (f->cal, po_test_date ("2027-01-01"), &provisional, NULL));
  g_assert_true (provisional);
  g_assert_true (po_calendar_is_workday (f->cal, po_test_date ("2026-12-31"), &provisional, NULL));
  g_assert_false (provisional);

  po_test_assert_date (po_calendar_add (f->cal, po_test_date ("2026-12-30"), 2, &provisional, NULL), "2027-01-01");
  g_assert_true (provisional);
  po_test_assert_date (po_calendar_add (f->cal, po_test_date ("2026-12-28"), 2, &provisional, NULL), "2026-12-30");
  g_assert_false (provisional);
}

static const char json_2027[] =
  "{ \"format\": \"power-oversight-calendar\", \"version\": 1, \"years\": [\n"
  "  { \"year\": 2027, \"source\": \"测试用安排\",\n"
  "    \"holidays\": [ { \"name\": \"元旦\", \"from\": \"2027-01-01\", \"to\": \"2027-01-03\" } ],\n"
  "    \"workdays\": [ { \"name\": \"元旦\", \"date\": \"2027-01-09\" } ] } ] }\n";

static void
import_json (Fixture    *f,
             const char *text,
             GError    **error)
{
  g_assert_true (po_database_begin (f->db, NULL));
  if (po_calendar_store_import_json (f->db, text, strlen (text), "test.json", NULL, error))
    g_assert_true (po_database_commit (f->db, NULL));
  else
    po_database_rollback (f->db);
  reload (f);
}

static void
test_import_recomputes (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean provisional = FALSE;
  sqlite3_stmt *stmt;

  /* A request received on 2026-12-24 is due ten working days later:
   * provisionally 2027-01-07 by the Monday–Friday rule. */
  g_assert_true (po_database_exec (f->db,
    "INSERT INTO departments (code, name) VALUES ('D1', '市测试局');"
    "INSERT INTO review_requests (kind, department_id, title, filed_on, received_on) "
    "VALUES ('create', 1, '测试', '2026-12-24', '2026-12-24');", &error));
  g_assert_no_error (error);
  g_assert_true (po_deadlines_refresh_all (f->db, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  stmt = po_database_prepare (f->db, "SELECT due_on, provisional FROM deadlines WHERE subject = 'review' AND kind = 'reply'", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "2027-01-07");
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  sqlite3_reset (stmt);

  import_json (f, json_2027, &error);
  g_assert_no_error (error);
  g_assert_true (po_calendar_is_published (f->cal, 2027));
  g_assert_false (po_calendar_is_workday (f->cal, po_test_date ("2027-01-01"), &provisional, NULL));
  g_assert_false (provisional);
  g_assert_true (workday (f, "2027-01-09"));

  /* The stored deadline moved past the three days of 元旦 and is final. */
  stmt = po_database_prepare (f->db, "SELECT due_on, provisional FROM deadlines WHERE subject = 'review' AND kind = 'reply'", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "2027-01-08");
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  sqlite3_reset (stmt);
}

static void
test_import_bad_json (Fixture       *f,
                      gconstpointer  data)
{
  static const struct { const char *text; const char *says; } cases[] = {
    { "{ \"format\": \"power-oversight-calendar\", \"years\": [ { \"year\": 2027, "
      "\"holidays\": [ { \"name\": \"元旦\", \"from\": \"2027-02-30\", \"to\": \"2027-03-01\" } ] } ] }",
      "years[0].holidays[0].from" },
    { "{ \"format\": \"power-oversight-calendar\", \"years\": [ { \"year\": 1999 } ] }", "years[0].year" },
    { "{ \"format\": \"something-else\" }", "format" },
    { "{ not json", "not valid JSON" },
    { "{ \"format\": \"power-oversight-calendar\", \"years\": [ { \"year\": 2027, "
      "\"holidays\": [ { \"name\": \"x\", \"from\": \"2027-02-03\", \"to\": \"2027-02-01\" } ] } ] }",
      "holidays[0]" },
  };
  gint64 before = po_database_query_int (f->db, "SELECT count(*) FROM calendar_exceptions", NULL);
  gint64 audit_before = po_database_query_int (f->db, "SELECT count(*) FROM audit_log", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      import_json (f, cases[i].text, &error);
      g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "test.json"));
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM calendar_exceptions", NULL), ==, before);
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM audit_log", NULL), ==, audit_before);
  g_assert_false (po_calendar_is_published (f->cal, 2027));
}

static void
test_import_ics (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "2027.ics", NULL);
  static const char ics[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//test//EN\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20270206\r\n"
    "DTEND;VALUE=DATE:20270215\r\n"
    "SUMMARY:春节 休\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20270220\r\n"
    "SUMMARY:春节 补班\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20270501\r\n"
    "DTEND;VALUE=DATE:20270506\r\n"
    "SUMMARY:劳动\r\n"
    " 节\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  PoDayKind kind;
  const char *name;

  g_assert_true (g_file_set_contents (path, ics, -1, NULL));
  g_assert_true (po_database_begin (f->db, NULL));
  g_assert_true (po_calendar_store_import_file (f->db, path, years, &error));
  g_assert_no_error (error);
  g_assert_true (po_database_commit (f->db, NULL));
  reload (f);

  g_assert_cmpuint (years->len, ==, 1);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2027);
  g_assert_false (workday (f, "2027-02-08"));   /* a Monday in 春节 */
  g_assert_false (workday (f, "2027-02-14"));   /* DTEND is exclusive… */
  g_assert_true (workday (f, "2027-02-15"));    /* …so the 15th is back at work */
  g_assert_true (workday (f, "2027-02-20"));    /* 补班 Saturday */
  g_assert_true (po_calendar_day_info (f->cal, po_test_date ("2027-02-20"), &kind, &name, NULL, NULL));
  g_assert_cmpint (kind, ==, PO_DAY_MAKEUP_WORKDAY);
  g_assert_cmpstr (name, ==, "春节");
  g_assert_true (po_calendar_day_info (f->cal, po_test_date ("2027-05-03"), &kind, &name, NULL, NULL));
  g_assert_cmpstr (name, ==, "劳动节");        /* the folded line was unfolded */
}

static void
test_import_bad_ics (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "bad.ics", NULL);
  static const char ics[] =
    "BEGIN:VCALENDAR\n"
    "BEGIN:VEVENT\n"
    "DTSTART;VALUE=DATE:20270206\n"
    "SUMMARY:春节\n"
    "END:VEVENT\n"
    "BEGIN:VEVENT\n"
    "DTSTART;VALUE=DATE:20271341\n"
    "END:VEVENT\n"
    "END:VCALENDAR\n";

  g_assert_true (g_file_set_contents (path, ics, -1, NULL));
  g_assert_true (po_database_begin (f->db, NULL));
  g_assert_false (po_calendar_store_import_file (f->db, path, NULL, &error));
  po_database_rollback (f->db);
  reload (f);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  /* Names the file and the line of the broken event. */
  g_assert_nonnull (strstr (error->message, "bad.ics:6"));
  g_assert_nonnull (strstr (error->message, "20271341"));
  g_assert_false (po_calendar_is_published (f->cal, 2027));
}

static gboolean
import_ics_text (Fixture    *f,
                 const char *ics,
                 GError    **error)
{
  g_autofree char *path = g_build_filename (f->dir, "feed.ics", NULL);
  gboolean ok;

  g_assert_true (g_file_set_contents (path, ics, -1, NULL));
  g_assert_true (po_database_begin (f->db, NULL));
  ok = po_calendar_store_import_file (f->db, path, NULL, error);
  if (ok)
    g_assert_true (po_database_commit (f->db, NULL));
  else
    po_database_rollback (f->db);
  reload (f);
  return ok;
}

/* A 补班 day in late December belongs to the next year's 元旦: importing
 * 2027 must not replace 2026 for its sake. */
static void
test_import_ics_makeup_day_of_next_year (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 stored_2026 = po_database_query_int (f->db, "SELECT count(*) FROM calendar_exceptions WHERE year = 2026", NULL);

  g_assert_true (import_ics_text (f,
    "BEGIN:VCALENDAR\n"
    "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20270104\nSUMMARY:元旦\nEND:VEVENT\n"
    "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261227\nSUMMARY:元旦 补班\nEND:VEVENT\n"
    "END:VCALENDAR\n", &error));
  g_assert_no_error (error);
  g_assert_true (workday (f, "2026-12-27"));       /* a Sunday made a working day */
  g_assert_false (workday (f, "2026-10-05"));      /* 2026's National Day is still a holiday */
  g_assert_cmpint (po_database_query_int (f->db, "SELECT year FROM calendar_exceptions WHERE day = '2026-12-27'", NULL), ==, 2027);
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM calendar_exceptions WHERE year = 2026", NULL), ==, stored_2026);
}

/* A feed with a few days of a published year does not wipe that year. */
static void
test_import_ics_partial_year_refused (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (import_ics_text (f,
    "BEGIN:VCALENDAR\n"
    "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20190101\nSUMMARY:元旦\nEND:VEVENT\n"
    "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20181229\nSUMMARY:元旦 补班\nEND:VEVENT\n"
    "END:VCALENDAR\n", &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "2019"));
  g_assert_nonnull (strstr (error->message, "feed.ics"));
  g_assert_false (workday (f, "2019-02-05"));      /* 春节 2019 untouched */
  g_assert_false (workday (f, "2018-10-01"));      /* 国庆 2018 untouched */
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = po_calendar_store_export_json (f->db, &error);
  g_autoptr(PoDatabase) other = NULL;
  g_autoptr(PoCalendar) cal2 = NULL;
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"year\": 2026"));

  /* Into a second office whose calendar was emptied first. */
  other = po_test_open (f->dir, "other.db");
  g_assert_true (po_database_exec (other, "DELETE FROM calendar_exceptions; DELETE FROM calendar_years;", &error));
  g_assert_no_error (error);
  g_assert_true (po_database_begin (other, NULL));
  g_assert_true (po_calendar_store_import_json (other, json, strlen (json), "export.json", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (po_database_commit (other, NULL));

  again = po_calendar_store_export_json (other, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, json);

  cal2 = po_database_get_calendar (other, &error);
  for (PoDate d = po_test_date ("2004-01-01"); d <= po_test_date ("2026-12-31"); d++)
    g_assert_cmpint (po_calendar_is_workday (cal2, d, NULL, NULL), ==, po_calendar_is_workday (f->cal, d, NULL, NULL));
}

static void
test_missing_year (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Schedules ship to 2026. */
  g_assert_cmpint (po_calendar_missing_year (f->cal, po_test_date ("2026-09-30")), ==, 0);
  g_assert_cmpint (po_calendar_missing_year (f->cal, po_test_date ("2026-10-01")), ==, 2027);
  g_assert_cmpint (po_calendar_missing_year (f->cal, po_test_date ("2026-12-31")), ==, 2027);
  g_assert_cmpint (po_calendar_missing_year (f->cal, po_test_date ("2027-03-01")), ==, 2027);
  g_assert_cmpint (po_calendar_missing_year (f->cal, po_test_date ("2025-11-27")), ==, 0);
  import_json (f, json_2027, &error);
  g_assert_no_error (error);
  g_assert_cmpint (po_calendar_missing_year (f->cal, po_test_date ("2026-11-27")), ==, 0);
  g_assert_cmpint (po_calendar_missing_year (f->cal, po_test_date ("2027-10-08")), ==, 2028);
}

/* The stored deadlines against a recomputation of all of them: a change
 * that recomputes only some must leave the same table. */
static void
assert_deadlines_complete (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (po_database_exec (f->db,
                                   "DROP TABLE IF EXISTS temp.kept;"
                                   "CREATE TEMP TABLE kept AS SELECT * FROM deadlines;", &error));
  g_assert_no_error (error);
  g_assert_true (po_deadlines_refresh_all (f->db, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (po_database_query_int (f->db,
                                          "SELECT (SELECT count(*) FROM (SELECT * FROM temp.kept EXCEPT SELECT * FROM deadlines)) "
                                          "     + (SELECT count(*) FROM (SELECT * FROM deadlines EXCEPT SELECT * FROM temp.kept))",
                                          NULL),
                   ==, 0);
}

static char *
due_of (Fixture    *f,
        const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT due_on || ':' || provisional FROM deadlines WHERE %s", where);
  sqlite3_stmt *stmt = po_database_prepare (f->db, sql, NULL);
  char *due = NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    due = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return due;
}

static void
demo_office (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  po_test_fill_demo (f->db, 60, 800, 200, 5, "2026-11-27");
  /* Requests received across 2026-11-20, well before it, and at the year's
   * end, whose reply is due in the unpublished 2027. */
  g_assert_true (po_database_exec (f->db,
    "INSERT INTO review_requests (kind, department_id, title, filed_on, received_on) VALUES "
    "('create', 1, '跨越', '2026-11-16', '2026-11-16'), ('create', 1, '之前', '2026-10-20', '2026-10-20'), "
    "('create', 1, '跨年', '2026-12-24', '2026-12-24');", &error));
  g_assert_no_error (error);
  g_assert_true (po_deadlines_refresh_all (f->db, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_edit_by_hand (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GArray) years = NULL;
  g_autofree char *across = NULL, *before = NULL, *next_year = NULL;
  gint64 audit;
  guint n;

  demo_office (f);
  across = due_of (f, "subject = 'review' AND kind = 'reply' AND subject_id = (SELECT id FROM review_requests WHERE title = '跨越')");
  before = due_of (f, "subject = 'review' AND kind = 'reply' AND subject_id = (SELECT id FROM review_requests WHERE title = '之前')");
  next_year = due_of (f, "subject = 'review' AND kind = 'reply' AND subject_id = (SELECT id FROM review_requests WHERE title = '跨年')");
  g_assert_cmpstr (across, ==, "2026-11-30:0");
  g_assert_cmpstr (before, ==, "2026-11-03:0");
  g_assert_cmpstr (next_year, ==, "2027-01-07:1");

  /* A day off by hand: what is counted across it moves, the rest stays. */
  g_assert_true (po_calendar_store_add_period (f->db, 2026, po_test_date ("2026-11-20"), po_test_date ("2026-11-20"),
                                               FALSE, "  防汛停工  ", &error));
  g_assert_no_error (error);
  reload (f);
  g_assert_false (workday (f, "2026-11-20"));
  g_clear_pointer (&across, g_free);
  across = due_of (f, "subject = 'review' AND kind = 'reply' AND subject_id = (SELECT id FROM review_requests WHERE title = '跨越')");
  g_assert_cmpstr (across, ==, "2026-12-01:0");
  g_clear_pointer (&before, g_free);
  before = due_of (f, "subject = 'review' AND kind = 'reply' AND subject_id = (SELECT id FROM review_requests WHERE title = '之前')");
  g_assert_cmpstr (before, ==, "2026-11-03:0");
  assert_deadlines_complete (f);

  periods = po_calendar_store_list_periods (f->db, 2026, &error);
  g_assert_no_error (error);
  n = 0;
  for (guint i = 0; i < periods->len; i++)
    {
      PoCalendarPeriod *p = &g_array_index (periods, PoCalendarPeriod, i);

      if (i > 0)
        g_assert_cmpint (p->first, >, g_array_index (periods, PoCalendarPeriod, i - 1).last);
      if (p->first == po_test_date ("2026-11-20"))
        {
          g_assert_cmpstr (p->name, ==, "防汛停工");
          g_assert_false (p->workday);
          n++;
        }
      if (p->first == po_test_date ("2026-10-01"))
        {
          /* Seven days of 国庆节, one period. */
          g_assert_cmpint (p->last, ==, po_test_date ("2026-10-07"));
          n++;
        }
      if (p->first == po_test_date ("2026-10-10"))
        {
          g_assert_true (p->workday);
          g_assert_cmpint (p->last, ==, p->first);
          n++;
        }
    }
  g_assert_cmpuint (n, ==, 3);

  /* Refused, each with its reason, changing nothing. */
  audit = po_database_query_int (f->db, "SELECT count(*) FROM audit_log", NULL);
  g_assert_false (po_calendar_store_add_period (f->db, 2026, po_test_date ("2026-11-23"), po_test_date ("2026-11-23"),
                                                TRUE, "补班", &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "2026-11-23"));
  g_clear_error (&error);
  g_assert_false (po_calendar_store_add_period (f->db, 2026, po_test_date ("2026-12-01"), po_test_date ("2026-12-02"),
                                                FALSE, "   ", &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (po_calendar_store_add_period (f->db, 2026, po_test_date ("2026-12-05"), po_test_date ("2026-12-01"),
                                                FALSE, "倒序", &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (po_calendar_store_add_period (f->db, 2026, po_test_date ("2028-01-01"), po_test_date ("2028-01-01"),
                                                FALSE, "远", &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (po_calendar_store_add_period (f->db, 2026, po_test_date ("2027-05-01"), po_test_date ("2027-05-05"),
                                                FALSE, "劳动节", &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (po_calendar_store_add_period (f->db, 2003, po_test_date ("2003-05-01"), po_test_date ("2003-05-01"),
                                                FALSE, "劳动节", &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (po_calendar_store_remove_period (f->db, po_test_date ("2026-11-24"), po_test_date ("2026-11-26"), &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM audit_log", NULL), ==, audit);

  /* Removed: back where it was. */
  g_assert_true (po_calendar_store_remove_period (f->db, po_test_date ("2026-11-20"), po_test_date ("2026-11-20"), &error));
  g_assert_no_error (error);
  reload (f);
  g_assert_true (workday (f, "2026-11-20"));
  g_clear_pointer (&across, g_free);
  across = due_of (f, "subject = 'review' AND kind = 'reply' AND subject_id = (SELECT id FROM review_requests WHERE title = '跨越')");
  g_assert_cmpstr (across, ==, "2026-11-30:0");
  assert_deadlines_complete (f);

  /* The first days of 2027 entered by hand publish its schedule: the
   * reply due in it is no longer provisional, and moves past 元旦. */
  g_assert_false (po_calendar_is_published (f->cal, 2027));
  g_assert_true (po_calendar_store_add_period (f->db, 2027, po_test_date ("2027-01-01"), po_test_date ("2027-01-03"),
                                               FALSE, "元旦", &error));
  g_assert_no_error (error);
  reload (f);
  g_assert_true (po_calendar_is_published (f->cal, 2027));
  g_clear_pointer (&next_year, g_free);
  next_year = due_of (f, "subject = 'review' AND kind = 'reply' AND subject_id = (SELECT id FROM review_requests WHERE title = '跨年')");
  g_assert_cmpstr (next_year, ==, "2027-01-08:0");
  assert_deadlines_complete (f);

  years = po_calendar_store_list_years (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (years, PoCalendarYear, 0).year, ==, PO_CALENDAR_FIRST_YEAR);
  g_assert_cmpint (g_array_index (years, PoCalendarYear, years->len - 1).year, ==, 2027);
  g_assert_cmpuint (g_array_index (years, PoCalendarYear, years->len - 1).n_holidays, ==, 3);
  g_assert_cmpuint (g_array_index (years, PoCalendarYear, years->len - 1).n_workdays, ==, 0);

  /* Emptied again, the year entered by hand has no schedule: provisional
   * again. A shipped year keeps its schedule however many days go. */
  g_assert_true (po_calendar_store_remove_period (f->db, po_test_date ("2027-01-01"), po_test_date ("2027-01-03"), &error));
  g_assert_no_error (error);
  reload (f);
  g_assert_false (po_calendar_is_published (f->cal, 2027));
  g_clear_pointer (&next_year, g_free);
  next_year = due_of (f, "subject = 'review' AND kind = 'reply' AND subject_id = (SELECT id FROM review_requests WHERE title = '跨年')");
  g_assert_cmpstr (next_year, ==, "2027-01-07:1");
  assert_deadlines_complete (f);

  /* Undo puts back a period as it was, even one imported without a name. */
  g_assert_true (po_database_exec (f->db, "UPDATE calendar_exceptions SET name = '' WHERE day = '2026-05-01'", &error));
  g_assert_true (po_calendar_store_remove_period (f->db, po_test_date ("2026-05-01"), po_test_date ("2026-05-01"), &error));
  g_assert_true (po_calendar_store_restore_period (f->db, 2026, po_test_date ("2026-05-01"), po_test_date ("2026-05-01"),
                                                   FALSE, "", &error));
  g_assert_no_error (error);
  reload (f);
  g_assert_false (workday (f, "2026-05-01"));
  g_assert_true (po_calendar_is_published (f->cal, 2026));
}

/* A case suspended after its first due day: a day off inside the
 * suspension moves the deadline, though it lies past the deadline's own
 * count. */
static void
test_edit_inside_suspension (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id;

  demo_office (f);
  id = po_database_query_int (f->db,
                              "SELECT subject_id FROM deadlines WHERE subject = 'case' AND kind = 'decision' "
                              "AND start_on >= '2026-10-12' AND due_on <= '2026-11-05' ORDER BY subject_id LIMIT 1",
                              NULL);
  g_assert_cmpint (id, >, 0);
  /* Testing from 11-16 to 11-27: ten working days more. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO case_suspensions (case_id, kind, start_on, end_on) "
                                            "VALUES (%" G_GINT64_FORMAT ", 'testing', '2026-11-16', '2026-11-27')", id);
    g_assert_true (po_database_exec (f->db, sql, &error));
  }
  g_assert_true (po_deadlines_refresh_one (f->db, "case", id, &error));
  g_assert_no_error (error);
  {
    g_autofree char *where = g_strdup_printf ("subject = 'case' AND kind = 'decision' AND subject_id = %" G_GINT64_FORMAT, id);
    g_autofree char *check = NULL;

    before = due_of (f, where);
    g_assert_cmpstr (before, <, "2026-11-26");
    /* 11-26, inside the testing and past the deadline: one suspended
     * working day fewer. */
    g_assert_true (po_calendar_store_add_period (f->db, 2026, po_test_date ("2026-11-26"), po_test_date ("2026-11-26"),
                                                 FALSE, "停电", &error));
    g_assert_no_error (error);
    after = due_of (f, where);
    g_assert_cmpstr (after, <, before);
    assert_deadlines_complete (f);
    check = due_of (f, where);
    g_assert_cmpstr (check, ==, after);
  }
}

/* An import recomputes what it moved, and nothing when it moved nothing. */
static void
test_import_recomputes_what_moved (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GString) changed = NULL;
  guint n = 0;
  PoDate spans[2];

  demo_office (f);
  json = po_calendar_store_export_json (f->db, &error);
  g_assert_no_error (error);

  /* The same schedules again: no day changed. */
  g_assert_true (po_database_exec (f->db, "UPDATE deadlines SET due_on = '2000-01-03' WHERE subject = 'case'", &error));
  import_json (f, json, &error);
  g_assert_no_error (error);
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM deadlines WHERE due_on = '2000-01-03'", NULL), >, 100);
  g_assert_true (po_deadlines_refresh_all (f->db, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* 2026 with 国庆节 a day longer: some deadlines move, each one as a
   * full recomputation would move it, and far from all are recomputed. */
  changed = g_string_new (json);
  g_assert_cmpuint (g_string_replace (changed, "\"from\": \"2026-10-01\", \"to\": \"2026-10-07\"",
                                      "\"from\": \"2026-10-01\", \"to\": \"2026-10-08\"", 1), ==, 1);
  import_json (f, changed->str, &error);
  g_assert_no_error (error);
  g_assert_false (workday (f, "2026-10-08"));
  assert_deadlines_complete (f);

  spans[0] = spans[1] = po_test_date ("2026-10-08");
  g_assert_true (po_deadlines_refresh_changed_days (f->db, spans, 1, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpint (n, <, po_database_query_int (f->db, "SELECT count(*) FROM cases", NULL) / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/calendar/shipped-years", test_shipped_years);
  ADD ("/calendar/is-workday/makeup-days", test_makeup_workdays);
  ADD ("/calendar/is-workday/long-holidays", test_long_holidays);
  ADD ("/calendar/add/across-holidays", test_add_across_holidays);
  ADD ("/calendar/add/regulation-deadlines", test_regulation_deadlines);
  ADD ("/calendar/count/basic", test_count);
  ADD ("/calendar/agrees-with-walking", test_against_walking);
  ADD ("/calendar/out-of-range", test_out_of_range);
  ADD ("/calendar/provisional", test_provisional);
  ADD ("/calendar/import/recomputes-deadlines", test_import_recomputes);
  ADD ("/calendar/import/bad-json", test_import_bad_json);
  ADD ("/calendar/import/ics", test_import_ics);
  ADD ("/calendar/import/bad-ics", test_import_bad_ics);
  ADD ("/calendar/import/ics-makeup-day-of-next-year", test_import_ics_makeup_day_of_next_year);
  ADD ("/calendar/import/ics-partial-year-refused", test_import_ics_partial_year_refused);
  ADD ("/calendar/export/round-trip", test_export_round_trip);
  ADD ("/calendar/edit-by-hand", test_edit_by_hand);
  ADD ("/calendar/missing-year", test_missing_year);
  ADD ("/calendar/edit-inside-suspension", test_edit_inside_suspension);
  ADD ("/calendar/import/recomputes-what-moved", test_import_recomputes_what_moved);
#undef ADD

  return g_test_run ();
}
