/* test-intake.c: cases and petitions from the departments' systems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are those of the 2026 calendar: 09-25..09-27 and 10-01..10-07
 * are days off, Sunday 09-20 and Saturday 10-10 are working days. The
 * office's "today" is Friday 2026-11-27. Expected deadlines below are
 * counted by hand from that calendar, never taken from the code.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "po-demo.h"
#include "po-error.h"
#include "po-intake.h"
#include "po-item.h"
#include "po-supervision.h"
#include "po-test-util.h"

#define TODAY "2026-11-27"

typedef struct
{
  char       *dir;
  PoDatabase *db;
  /* A published license (published before 2026) whose committed limit
   * the set-up makes 5 working days, and its department; a second
   * department for filters. */
  char       *item;
  char       *dept;
  char       *dept_name;
  gint64      dept_id;
  char       *dept2;
  char       *dept2_name;
  gint64      dept2_id;
} Fixture;

/* The first column of the first row, or NULL; ?1 and ?2 are bound to
 * @a and @b when they are given. */
static char *
query_text (PoDatabase *db,
            const char *sql,
            const char *a,
            const char *b)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = po_database_prepare (db, sql, &error);
  char *text = NULL;

  g_assert_no_error (error);
  if (a != NULL)
    sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static gint64
query_int (PoDatabase *db,
           const char *sql,
           const char *a,
           const char *b)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = po_database_prepare (db, sql, &error);
  gint64 n = -1;

  g_assert_no_error (error);
  if (a != NULL)
    sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* The demo office is generated once and its file copied for each test:
 * under AddressSanitizer generating it takes seconds. */
static char *template_dir;
static char *template_file;

static const char *
template_path (void)
{
  if (template_file == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PoDatabase) db = NULL;
      g_autofree char *wal = NULL;
      PoDemoOptions o = { .items = 60, .cases = 0, .petitions = 0, .seed = 7 };

      o.today = po_test_date (TODAY);
      template_dir = po_test_make_dir ();
      db = po_test_open (template_dir, "office.db");
      g_assert_true (po_demo_generate (db, &o, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      template_file = g_strdup (po_database_get_path (db));
      /* Closing the last connection folds the write-ahead log into the file. */
      g_clear_object (&db);
      wal = g_strconcat (template_file, "-wal", NULL);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
  return template_file;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;
  sqlite3_stmt *stmt;

  f->dir = po_test_make_dir ();
  path = g_build_filename (f->dir, "office.db", NULL);
  g_assert_true (g_file_get_contents (template_path (), &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  f->db = po_test_open (f->dir, "office.db");
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM power_items", NULL, NULL), ==, 60);

  stmt = po_database_prepare (f->db,
                              "SELECT i.code, d.code, d.name, d.id FROM power_items AS i "
                              "JOIN departments AS d ON d.id = i.department_id "
                              "WHERE i.type = 'license' AND i.status = 'published' "
                              "  AND EXISTS (SELECT 1 FROM power_item_versions AS v WHERE v.item_id = i.id "
                              "              AND v.published_on <= '2026-01-01') "
                              "  AND NOT EXISTS (SELECT 1 FROM review_requests AS r WHERE r.item_id = i.id "
                              "                  AND r.kind = 'abolish') "
                              "ORDER BY i.id LIMIT 1",
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  f->item = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  f->dept = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  f->dept_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  f->dept_id = sqlite3_column_int64 (stmt, 3);
  sqlite3_reset (stmt);

  stmt = po_database_prepare (f->db, "UPDATE power_items SET committed_limit = 5 WHERE code = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, f->item, -1, SQLITE_TRANSIENT);
  g_assert_true (po_database_step_done (f->db, stmt, &error));
  g_assert_no_error (error);

  stmt = po_database_prepare (f->db, "SELECT code, name, id FROM departments WHERE code <> ?1 ORDER BY id LIMIT 1",
                              &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, f->dept, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  f->dept2 = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  f->dept2_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  f->dept2_id = sqlite3_column_int64 (stmt, 2);
  sqlite3_reset (stmt);

  /* The fixture starts with no cases and no petitions. */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases", NULL, NULL), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM petitions", NULL, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  po_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->item);
  g_free (f->dept);
  g_free (f->dept_name);
  g_free (f->dept2);
  g_free (f->dept2_name);
}

static const char header[] =
  "case_ref,item_code,department,onsite_on,entered_on,accepted_on,decided_on,reported_on,closed_on,fine_yuan,tier,steps\n";
static const char petitions_header[] = "ref,kind,department,received_on,replied_on,subject,channel\n";

/* Texts name the fixture's things by placeholders: @H the cases header,
 * @P the petitions header, @I the item's code, @D and @N the department's
 * code and name, @E and @M the other department's. */
static char *
fill (Fixture    *f,
      const char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_string_replace (s, "@H", header, 0);
  g_string_replace (s, "@P", petitions_header, 0);
  g_string_replace (s, "@I", f->item, 0);
  g_string_replace (s, "@D", f->dept, 0);
  g_string_replace (s, "@N", f->dept_name, 0);
  g_string_replace (s, "@E", f->dept2, 0);
  g_string_replace (s, "@M", f->dept2_name, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
import (Fixture          *f,
        const char       *what,
        const char       *text,
        const char       *origin,
        PoIntakeSummary  *summary,
        GError          **error)
{
  g_autofree char *t = fill (f, text);

  if (g_str_equal (what, "cases"))
    return po_cases_import (f->db, t, strlen (t), origin, po_test_date (TODAY), summary, NULL, NULL, NULL, error);
  return po_petitions_import (f->db, t, strlen (t), origin, po_test_date (TODAY), summary, NULL, NULL, NULL, error);
}

static void
assert_summary (const PoIntakeSummary *s,
                guint                  created,
                guint                  updated,
                guint                  unchanged,
                guint                  suspensions)
{
  g_assert_cmpuint (s->created, ==, created);
  g_assert_cmpuint (s->updated, ==, updated);
  g_assert_cmpuint (s->unchanged, ==, unchanged);
  g_assert_cmpuint (s->suspensions, ==, suspensions);
}

static void
import_ok (Fixture          *f,
           const char       *what,
           const char       *text,
           PoIntakeSummary  *summary)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (import (f, what, text, "ok.csv", summary, &error));
  g_assert_no_error (error);
}

typedef struct
{
  gint64 cases;
  gint64 petitions;
  gint64 suspensions;
  gint64 deadlines;
  gint64 audit;
} Counts;

static Counts
counts_take (Fixture *f)
{
  Counts c;

  c.cases = query_int (f->db, "SELECT count(*) FROM cases", NULL, NULL);
  c.petitions = query_int (f->db, "SELECT count(*) FROM petitions", NULL, NULL);
  c.suspensions = query_int (f->db, "SELECT count(*) FROM case_suspensions", NULL, NULL);
  c.deadlines = query_int (f->db, "SELECT count(*) FROM deadlines", NULL, NULL);
  c.audit = query_int (f->db, "SELECT count(*) FROM audit_log", NULL, NULL);
  return c;
}

static void
counts_assert_equal (const Counts *a,
                     const Counts *b)
{
  g_assert_cmpint (a->cases, ==, b->cases);
  g_assert_cmpint (a->petitions, ==, b->petitions);
  g_assert_cmpint (a->suspensions, ==, b->suspensions);
  g_assert_cmpint (a->deadlines, ==, b->deadlines);
  g_assert_cmpint (a->audit, ==, b->audit);
}

static void
assert_says (const GError      *error,
             const char *const *says)
{
  g_assert_nonnull (error);
  for (guint i = 0; says[i] != NULL; i++)
    if (strstr (error->message, says[i]) == NULL)
      g_error ("expected “%s” in: %s", says[i], error->message);
}

/* The import fails, names what @says, and writes nothing. */
static void
import_fails (Fixture           *f,
              const char        *what,
              const char        *text,
              const char        *origin,
              const char *const *says)
{
  g_autoptr(GError) error = NULL;
  PoIntakeSummary s = { 7, 7, 7, 7 };
  Counts before = counts_take (f);
  Counts after;

  g_assert_false (import (f, what, text, origin, &s, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  assert_says (error, says);
  assert_summary (&s, 0, 0, 0, 0);
  after = counts_take (f);
  counts_assert_equal (&before, &after);
}

static char *
case_due (Fixture    *f,
          const char *case_ref,
          const char *kind)
{
  return query_text (f->db,
                     "SELECT d.due_on FROM deadlines AS d JOIN cases AS c ON c.id = d.subject_id "
                     "WHERE d.subject = 'case' AND c.case_ref = ?1 AND d.kind = ?2",
                     case_ref, kind);
}

static char *
petition_due (Fixture    *f,
              const char *ref)
{
  return query_text (f->db,
                     "SELECT d.due_on FROM deadlines AS d JOIN petitions AS p ON p.id = d.subject_id "
                     "WHERE d.subject = 'petition' AND d.kind = 'reply' AND p.ref = ?1",
                     ref, NULL);
}

static void
assert_case_due (Fixture    *f,
                 const char *case_ref,
                 const char *expected)
{
  g_autofree char *due = case_due (f, case_ref, "decision");

  if (g_strcmp0 (due, expected) != 0)
    g_error ("decision deadline of %s: expected %s, got %s", case_ref, expected, due ? due : "(none)");
}

/* A first import creates, a second with one change updates that one and
 * duplicates nothing; deadlines are stored for what was written. */
static void
test_cases_reimport (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *item = NULL;
  g_autofree char *dept = NULL;
  g_autofree char *csv1 = NULL;
  g_autofree char *csv2 = NULL;
  PoIntakeSummary s;
  sqlite3_stmt *stmt;

  stmt = po_database_prepare (f->db,
                              "SELECT i.code, d.code FROM power_items i JOIN departments d ON d.id = i.department_id "
                              "WHERE i.type = 'license' AND i.status = 'published' LIMIT 1",
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  item = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  dept = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  csv1 = g_strdup_printf ("%sA-1,%s,%s,,2026-11-02,2026-11-02,,,,,,申请>受理\n"
                          "A-2,%s,%s,,2026-11-03,2026-11-03,2026-11-10,2026-11-11,,,,申请 > 受理 ＞ 审查\n",
                          header, item, dept, item, dept);
  g_assert_true (po_cases_import (f->db, csv1, strlen (csv1), "a.csv", po_test_date ("2026-11-27"), &s,
                                  NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.created, ==, 2);
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM cases", NULL), ==, 2);
  g_assert_cmpint (po_database_query_int (f->db,
                   "SELECT count(*) FROM deadlines WHERE subject = 'case' AND kind = 'decision'", NULL), ==, 2);
  g_assert_cmpint (po_database_query_int (f->db,
                   "SELECT count(*) FROM cases WHERE steps = '申请>受理>审查'", NULL), ==, 1);

  csv2 = g_strdup_printf ("%sA-1,%s,%s,,2026-11-02,2026-11-02,2026-11-20,,,,,申请>受理\n"
                          "A-2,%s,%s,,2026-11-03,2026-11-03,2026-11-10,2026-11-11,,,,申请>受理>审查\n",
                          header, item, dept, item, dept);
  g_assert_true (po_cases_import (f->db, csv2, strlen (csv2), "b.csv", po_test_date ("2026-11-27"), &s,
                                  NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.created, ==, 0);
  g_assert_cmpuint (s.updated, ==, 1);
  g_assert_cmpuint (s.unchanged, ==, 1);
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM cases", NULL), ==, 2);
  g_assert_cmpint (po_database_query_int (f->db,
                   "SELECT count(*) FROM cases WHERE case_ref = 'A-1' AND decided_on = '2026-11-20'", NULL), ==, 1);
}

/* Cases: reading the files ------------------------------------------------ */

/* A byte-order mark, CRLF line ends, and quoted fields holding commas,
 * doubled quotes and a line break; the steps are normalized. */
static void
test_cases_csv_quoting (Fixture       *f,
                        gconstpointer  data)
{
  PoIntakeSummary s;
  g_autofree char *tier = NULL;
  g_autofree char *steps = NULL;

  import_ok (f, "cases",
             "\xEF\xBB\xBF"
             "case_ref,item_code,department,onsite_on,entered_on,accepted_on,decided_on,reported_on,closed_on,"
             "fine_yuan,tier,steps\r\n"
             "Q-1,@I,@D,,,2026-09-28,2026-10-09,2026-10-09,,4999.50,\"较重, \"\"特别\"\"\nB\",\"立案, 调查 > 审查\"\r\n"
             "\r\n"
             "\"Q,2\",@I,@N,,,2026-09-29,,2026-09-29,,,,\r\n",
             &s);
  assert_summary (&s, 2, 0, 0, 0);

  tier = query_text (f->db, "SELECT tier FROM cases WHERE case_ref = 'Q-1'", NULL, NULL);
  g_assert_cmpstr (tier, ==, "较重, \"特别\"\nB");
  steps = query_text (f->db, "SELECT steps FROM cases WHERE case_ref = 'Q-1'", NULL, NULL);
  g_assert_cmpstr (steps, ==, "立案, 调查>审查");
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases WHERE case_ref = 'Q-1' AND fine_yuan = 4999.5 "
                              "AND accepted_on = '2026-09-28' AND decided_on = '2026-10-09' "
                              "AND onsite_on IS NULL AND entered_on IS NULL AND closed_on IS NULL", NULL, NULL), ==, 1);
  /* The department by its name lands on the same department. */
  g_assert_cmpint (query_int (f->db, "SELECT department_id FROM cases WHERE case_ref = 'Q,2'", NULL, NULL),
                   ==, f->dept_id);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases WHERE case_ref = 'Q,2' AND fine_yuan IS NULL "
                              "AND tier = '' AND steps = ''", NULL, NULL), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases WHERE item_id = "
                              "(SELECT id FROM power_items WHERE code = ?1)", f->item, NULL), ==, 2);
}

/* A quoted field spanning two lines: the next record's line is counted
 * right in a message. */
static void
test_cases_csv_line_numbers (Fixture       *f,
                             gconstpointer  data)
{
  static const char *const says[] = { "lines.csv:5: accepted_on:", "2026-13-01", NULL };

  import_fails (f, "cases",
                "@H"
                "L-1,@I,@D,,,2026-09-28,,,,,\"two\nlines\",\n"
                "L-2,@I,@D,,,2026-09-28,,,,,,\n"
                "L-3,@I,@D,,,2026-13-01,,,,,,\n",
                "lines.csv", says);
}

/* Both JSON shapes; numbers, nulls and the Chinese kind names. */
static void
test_cases_json (Fixture       *f,
                 gconstpointer  data)
{
  PoIntakeSummary s;

  import_ok (f, "cases",
             "{\"cases\": [\n"
             "  {\"case_ref\": \"J-1\", \"item_code\": \"@I\", \"department\": \"@D\", \"onsite_on\": null,\n"
             "   \"entered_on\": \"\", \"accepted_on\": \"2026-09-28\", \"decided_on\": \"2026-10-09\",\n"
             "   \"reported_on\": \"2026-10-09\", \"closed_on\": null, \"fine_yuan\": 4999.5, \"tier\": \"一般\",\n"
             "   \"steps\": \"申请 → 受理 → 决定\"},\n"
             "  {\"case_ref\": \"J-2\", \"item_code\": \"@I\", \"department\": \"@N\", \"accepted_on\": \"2026-09-29\"}\n"
             "]}\n",
             &s);
  assert_summary (&s, 2, 0, 0, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases WHERE case_ref = 'J-1' AND fine_yuan = 4999.5 "
                              "AND tier = '一般' AND steps = '申请>受理>决定' AND onsite_on IS NULL "
                              "AND entered_on IS NULL AND decided_on = '2026-10-09'", NULL, NULL), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases WHERE case_ref = 'J-2' AND department_id = "
                              "(SELECT id FROM departments WHERE code = ?1) AND decided_on IS NULL",
                              f->dept, NULL), ==, 1);
  assert_case_due (f, "J-1", "2026-10-10");

  /* The bare array; J-2 again, now decided: one update, no new row. */
  import_ok (f, "cases",
             "  [{\"case_ref\": \"J-2\", \"item_code\": \"@I\", \"department\": \"@D\", \"accepted_on\": \"2026-09-29\",\n"
             "    \"decided_on\": \"2026-10-12\"},\n"
             "   {\"case_ref\": \"J-3\", \"item_code\": \"@I\", \"department\": \"@E\", \"accepted_on\": \"2026-09-30\"}]",
             &s);
  assert_summary (&s, 1, 1, 0, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases", NULL, NULL), ==, 3);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases WHERE case_ref = 'J-2' "
                              "AND decided_on = '2026-10-12'", NULL, NULL), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT department_id FROM cases WHERE case_ref = 'J-3'", NULL, NULL),
                   ==, f->dept2_id);
}

/* Cases: refusals ---------------------------------------------------------- */

/* The first two rows are good (the last entry proves it); the third is
 * bad, on line 4. */
#define GOOD_ROWS \
  "A-1,@I,@D,,,2026-09-28,,,,,,\n" \
  "A-2,@I,@D,,,2026-09-29,2026-10-09,2026-10-09,,500,一般,申请>受理>决定\n"
#define GOOD_ROWS_S \
  "A-1,@I,@D,,,2026-09-28,,,,,,,\n" \
  "A-2,@I,@D,,,2026-09-29,2026-10-09,2026-10-09,,500,一般,申请>受理>决定,听证:2026-09-30~2026-10-08:x\n"
#define HEADER_S \
  "case_ref,item_code,department,onsite_on,entered_on,accepted_on,decided_on,reported_on,closed_on,fine_yuan,tier," \
  "steps,suspensions\n"

typedef struct
{
  const char *text;
  const char *says[4];
} Bad;

static const Bad bad_case_files[] = {
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-02-30,,,,,,\n", { "bad.csv:4: accepted_on:", "2026-02-30" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,2026-11-28,,,,,\n", { "bad.csv:4: decided_on:", "after today" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,2026-11-30,,,,,,,,\n", { "bad.csv:4: onsite_on:", "2026-11-30" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,2026-11-19,,,,,\n", { "bad.csv:4: decided_on:", "accepted_on" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,2026-11-20,,2026-11-19,,,\n", { "bad.csv:4: closed_on:", "decided_on" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,,,2026-11-19,,,\n", { "bad.csv:4: closed_on:", "accepted_on" } },
  { "@H" GOOD_ROWS "A-3,@I,2026-11-20,,,,,,,,,\n", { "bad.csv:4: department:" } },
  { "@H" GOOD_ROWS "A-3,@I,无此部门,,,2026-11-20,,,,,,\n", { "bad.csv:4: department:", "无此部门" } },
  { "@H" GOOD_ROWS "A-3,@I,,,,2026-11-20,,,,,,\n", { "bad.csv:4: department:" } },
  { "@H" GOOD_ROWS ",@I,@D,,,2026-11-20,,,,,,\n", { "bad.csv:4: case_ref:" } },
  { "@H" GOOD_ROWS "A-3,,@D,,,2026-11-20,,,,,,\n", { "bad.csv:4: item_code:" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,,,,-5,,\n", { "bad.csv:4: fine_yuan:", "-5" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,,,,五千,,\n", { "bad.csv:4: fine_yuan:", "五千" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,,,,5000元,,\n", { "bad.csv:4: fine_yuan:", "5000元" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,,,,0x10,,\n", { "bad.csv:4: fine_yuan:", "0x10" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,,,,1e3,,\n", { "bad.csv:4: fine_yuan:", "1e3" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,,,,1.2.3,,\n", { "bad.csv:4: fine_yuan:", "1.2.3" } },
  { "", { "bad.csv:1:", "empty" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,,,,,\"一般,\n", { "bad.csv:4:", "never closed" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,,,,,\"一般\"x,\n", { "bad.csv:4:", "quote" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,,,,,一\"般,\n", { "bad.csv:4:", "quote" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,,,,,\n", { "bad.csv:4:", "11 fields", "12" } },
  { "@H" GOOD_ROWS "A-3,@I,@D,,,2026-11-20,,,,,,,\n", { "bad.csv:4:", "13 fields", "12" } },
  { "@H" GOOD_ROWS "A-1,@I,@D,,,2026-09-28,,,,,,\n", { "bad.csv:4: case_ref:", "A-1" } },
  /* The same case, its department once by code and once by name. */
  { "@H" GOOD_ROWS "A-2,@I,@N,,,2026-09-29,,,,,,\n", { "bad.csv:4: case_ref:", "A-2" } },
  { "case_ref,item_code,department,onsite_on,entered_on,accepted_on,decided_on,reported_on,closed_on,fine_yuan,steps\n"
    "A-1,@I,@D,,,2026-09-28,,,,,\n",
    { "bad.csv:1:", "tier", "missing" } },
  { "case_ref,item_code,department,onsite_on,entered_on,accepted_on,decided_on,reported_on,closed_on,fine_yuan,tier,"
    "steps,colour\n" GOOD_ROWS,
    { "bad.csv:1:", "colour" } },
  { "case_ref,item_code,department,onsite_on,entered_on,accepted_on,decided_on,reported_on,closed_on,fine_yuan,tier,"
    "steps,tier\n" GOOD_ROWS,
    { "bad.csv:1:", "tier", "twice" } },
  { "@H", { "bad.csv", "no row" } },
  { HEADER_S GOOD_ROWS_S "A-3,@I,@D,,,2026-11-20,,,,,,,听证:2026-10-08~2026-10-09:x;午休:2026-10-12~2026-10-13:y\n",
    { "bad.csv:4: suspensions[1]:", "午休" } },
  { HEADER_S GOOD_ROWS_S "A-3,@I,@D,,,2026-11-20,,,,,,,延期:2026-10-08:没写天数\n",
    { "bad.csv:4: suspensions[0]:", "extension" } },
  { HEADER_S GOOD_ROWS_S "A-3,@I,@D,,,2026-11-20,,,,,,,extension:2026-10-08~2026-10-09:x\n",
    { "bad.csv:4: suspensions[0]:", "extension" } },
  { HEADER_S GOOD_ROWS_S "A-3,@I,@D,,,2026-11-20,,,,,,,延期:2026-10-08+0:x\n",
    { "bad.csv:4: suspensions[0]:", "“0”" } },
  { HEADER_S GOOD_ROWS_S "A-3,@I,@D,,,2026-11-20,,,,,,,延期:2026-10-08+三:x\n",
    { "bad.csv:4: suspensions[0]:", "三" } },
  { HEADER_S GOOD_ROWS_S "A-3,@I,@D,,,2026-11-20,,,,,,,听证:2026-10-09~2026-10-08:x\n",
    { "bad.csv:4: suspensions[0]:", "ends before it starts" } },
  { HEADER_S GOOD_ROWS_S "A-3,@I,@D,,,2026-11-20,,,,,,,听证:2026-10-32~2026-11-01:x\n",
    { "bad.csv:4: suspensions[0]:", "2026-10-32" } },
  { HEADER_S GOOD_ROWS_S "A-3,@I,@D,,,2026-11-20,,,,,,,听证:2026-10-08~2026-10-9:x\n",
    { "bad.csv:4: suspensions[0]:", "2026-10-9" } },
  { HEADER_S GOOD_ROWS_S "A-3,@I,@D,,,2026-11-20,,,,,,,听证\n", { "bad.csv:4: suspensions[0]:", "听证" } },
};

static void
test_cases_bad_csv (Fixture       *f,
                    gconstpointer  data)
{
  PoIntakeSummary s;

  for (guint i = 0; i < G_N_ELEMENTS (bad_case_files); i++)
    {
      g_test_message ("bad file %u", i);
      import_fails (f, "cases", bad_case_files[i].text, "bad.csv", bad_case_files[i].says);
    }
  /* Without their third rows the files import: the rows kept were good. */
  import_ok (f, "cases", HEADER_S GOOD_ROWS_S, &s);
  assert_summary (&s, 2, 0, 0, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases", NULL, NULL), ==, 2);
}

#define J_GOOD \
  "{\"case_ref\": \"A-1\", \"item_code\": \"@I\", \"department\": \"@D\", \"accepted_on\": \"2026-09-28\"}, " \
  "{\"case_ref\": \"A-2\", \"item_code\": \"@I\", \"department\": \"@D\", \"accepted_on\": \"2026-09-29\", " \
  " \"fine_yuan\": 500, \"suspensions\": [{\"kind\": \"hearing\", \"start_on\": \"2026-09-30\", " \
  " \"end_on\": \"2026-10-08\", \"reason\": \"x\"}]}"
#define J_BAD(rest) \
  "{\"case_ref\": \"A-3\", \"item_code\": \"@I\", \"department\": \"@D\", \"accepted_on\": \"2026-11-20\"" rest "}"

static const Bad bad_case_json[] = {
  { "[" J_GOOD ", {\"case_ref\": \"A-3\", \"item_code\": \"@I\", \"department\": \"@D\", \"accepted_on\": \"2026-02-30\"}]",
    { "bad.json: cases[2]: accepted_on:", "2026-02-30" } },
  { "{\"cases\": [" J_GOOD ", " J_BAD (", \"decided_on\": \"2026-11-19\"") "]}",
    { "bad.json: cases[2]: decided_on:", "accepted_on" } },
  { "[" J_GOOD ", " J_BAD (", \"tier\": {\"level\": 1}") "]", { "bad.json: cases[2]: tier:" } },
  { "[" J_GOOD ", " J_BAD (", \"steps\": [\"申请\", \"受理\"]") "]", { "bad.json: cases[2]: steps:" } },
  { "[" J_GOOD ", " J_BAD (", \"colour\": \"red\"") "]", { "bad.json: cases[2]: colour:" } },
  { "[" J_GOOD ", " J_BAD (", \"fine_yuan\": -1") "]", { "bad.json: cases[2]: fine_yuan:" } },
  { "[" J_GOOD ", " J_BAD (", \"suspensions\": {\"kind\": \"hearing\"}") "]", { "bad.json: cases[2]: suspensions:" } },
  { "[" J_GOOD ", " J_BAD (", \"suspensions\": [5]") "]",
    { "bad.json: cases[2]: suspensions[0]:", "object" } },
  { "[" J_GOOD ", " J_BAD (", \"suspensions\": [{\"kind\": \"hearing\", \"start_on\": \"2026-10-08\"}, "
                           "{\"kind\": \"nap\", \"start_on\": \"2026-10-08\"}]") "]",
    { "bad.json: cases[2]: suspensions[1]:", "nap" } },
  { "[" J_GOOD ", " J_BAD (", \"suspensions\": [{\"kind\": \"extension\", \"start_on\": \"2026-10-08\"}]") "]",
    { "bad.json: cases[2]: suspensions[0]:", "extension" } },
  { "[" J_GOOD ", " J_BAD (", \"suspensions\": [{\"kind\": \"hearing\", \"start_on\": \"2026-10-09\", "
                           "\"end_on\": \"2026-10-08\"}]") "]",
    { "bad.json: cases[2]: suspensions[0]:", "ends before it starts" } },
  { "[" J_GOOD ", " J_BAD (", \"suspensions\": [{\"kind\": \"hearing\", \"end_on\": \"2026-10-08\"}]") "]",
    { "bad.json: cases[2]: suspensions[0]:", "start" } },
  { "[" J_GOOD ", 5]", { "bad.json", "cases[2]", "not an object" } },
  { "[" J_GOOD ", " J_BAD (", \"suspensions\": [\"听证:2026-10-08~2026-10-09:x\"]") "]",
    { "bad.json: cases[2]: suspensions[0]:", "object" } },
  { "{\"cases\": {\"a\": " J_BAD ("") "}}", { "bad.json", "array" } },
  { "[" J_GOOD ", " J_GOOD "]", { "bad.json: cases[2]: case_ref:", "A-1" } },
  { "{\"cases\": \"A-1\"}", { "bad.json" } },
  { "{\"petitions\": [" J_GOOD "]}", { "bad.json" } },
  { "[" J_GOOD ", ", { "bad.json", "not valid JSON" } },
  { "[]", { "bad.json", "no row" } },
};

static void
test_cases_bad_json (Fixture       *f,
                     gconstpointer  data)
{
  PoIntakeSummary s;

  for (guint i = 0; i < G_N_ELEMENTS (bad_case_json); i++)
    {
      g_test_message ("bad file %u", i);
      import_fails (f, "cases", bad_case_json[i].text, "bad.json", bad_case_json[i].says);
    }
  import_ok (f, "cases", "[" J_GOOD "]", &s);
  assert_summary (&s, 2, 0, 0, 1);
}

/* A bad row after rows that update existing cases leaves those cases as
 * they were, suspensions included. */
static void
test_cases_all_or_nothing_updates (Fixture       *f,
                                   gconstpointer  data)
{
  static const char *const says[] = { "bad.csv:4: accepted_on:", NULL };
  PoIntakeSummary s;
  g_autofree char *decided = NULL;
  g_autofree char *kind = NULL;

  import_ok (f, "cases",
             HEADER_S
             "U-1,@I,@D,,,2026-09-28,,,,,,,听证:2026-09-29~2026-10-09:x\n"
             "U-2,@I,@D,,,2026-09-28,,,,,,,\n",
             &s);
  assert_summary (&s, 2, 0, 0, 1);
  assert_case_due (f, "U-1", "2026-10-15");
  assert_case_due (f, "U-2", "2026-10-10");

  import_fails (f, "cases",
                HEADER_S
                "U-1,@I,@D,,,2026-09-28,2026-10-12,,,,,,\n"
                "U-2,@I,@D,,,2026-09-28,,,,,,,延期:2026-10-08+10:y\n"
                "U-3,@I,@D,,,2026-09-31,,,,,,,\n",
                "bad.csv", says);
  decided = query_text (f->db, "SELECT decided_on FROM cases WHERE case_ref = 'U-1'", NULL, NULL);
  g_assert_null (decided);
  kind = query_text (f->db, "SELECT s.kind FROM case_suspensions AS s JOIN cases AS c ON c.id = s.case_id "
                            "WHERE c.case_ref = 'U-1'", NULL, NULL);
  g_assert_cmpstr (kind, ==, "hearing");
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_suspensions", NULL, NULL), ==, 1);
  assert_case_due (f, "U-1", "2026-10-15");
  assert_case_due (f, "U-2", "2026-10-10");
}

/* Cases: importing again ---------------------------------------------------- */

/* The same file twice: nothing changes, not even the audit log; one
 * changed row is updated; the count of cases never grows. */
static void
test_cases_reimport_unchanged (Fixture       *f,
                               gconstpointer  data)
{
  static const char file[] =
    HEADER_S
    "R-1,@I,@D,,,2026-09-28,,2026-09-28,,,,,听证:2026-09-29~2026-10-09:专家论证\n"
    "R-2,@I,@D,,,2026-09-29,2026-10-09,2026-10-09,,1200.5,一般,申请>受理>决定,\n";
  PoIntakeSummary s;
  Counts first, second;
  g_autofree char *reported = NULL;

  import_ok (f, "cases", file, &s);
  assert_summary (&s, 2, 0, 0, 1);
  first = counts_take (f);
  g_assert_cmpint (first.cases, ==, 2);

  import_ok (f, "cases", file, &s);
  assert_summary (&s, 0, 0, 2, 0);
  second = counts_take (f);
  counts_assert_equal (&first, &second);
  assert_case_due (f, "R-1", "2026-10-15");

  /* R-1 is now decided; R-2 the same. */
  import_ok (f, "cases",
             HEADER_S
             "R-1,@I,@D,,,2026-09-28,2026-10-14,2026-10-15,,,,申请>决定,听证:2026-09-29~2026-10-09:专家论证\n"
             "R-2,@I,@D,,,2026-09-29,2026-10-09,2026-10-09,,1200.5,一般,申请>受理>决定,\n",
             &s);
  assert_summary (&s, 0, 1, 1, 0);
  second = counts_take (f);
  g_assert_cmpint (second.cases, ==, 2);
  g_assert_cmpint (second.suspensions, ==, 1);
  g_assert_cmpint (second.audit, >, first.audit);
  reported = query_text (f->db, "SELECT reported_on FROM cases WHERE case_ref = 'R-1'", NULL, NULL);
  g_assert_cmpstr (reported, ==, "2026-10-15");
  /* The report deadline follows the new latest date: 3 working days
   * after the decision of 10-14. */
  {
    g_autofree char *due = case_due (f, "R-1", "report");
    g_assert_cmpstr (due, ==, "2026-10-19");
  }
}

/* The suspensions column, when a file has it, replaces a case's list;
 * when it has not, the list stays. */
static void
test_cases_suspensions_replace_keep (Fixture       *f,
                                     gconstpointer  data)
{
  PoIntakeSummary s;
  gint64 last_id;

  import_ok (f, "cases", HEADER_S "K-1,@I,@D,,,2026-09-28,,,,,,,听证:2026-09-29~2026-10-09:a; 延期:2026-10-12+3:b\n", &s);
  assert_summary (&s, 1, 0, 0, 2);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_suspensions WHERE kind = 'hearing' "
                              "AND start_on = '2026-09-29' AND end_on = '2026-10-09' AND days IS NULL AND reason = 'a'",
                              NULL, NULL), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_suspensions WHERE kind = 'extension' "
                              "AND start_on = '2026-10-12' AND end_on IS NULL AND days = 3 AND reason = 'b'",
                              NULL, NULL), ==, 1);
  assert_case_due (f, "K-1", "2026-10-20");
  last_id = query_int (f->db, "SELECT max (id) FROM case_suspensions", NULL, NULL);

  /* The same list: nothing written. */
  import_ok (f, "cases", HEADER_S "K-1,@I,@D,,,2026-09-28,,,,,,,hearing:2026-09-29~2026-10-09:a;extension:2026-10-12+3:b\n", &s);
  assert_summary (&s, 0, 0, 1, 0);
  g_assert_cmpint (query_int (f->db, "SELECT max (id) FROM case_suspensions", NULL, NULL), ==, last_id);

  /* No column: the list stays. */
  import_ok (f, "cases", "@HK-1,@I,@D,,,2026-09-28,,,,,,\n", &s);
  assert_summary (&s, 0, 0, 1, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_suspensions", NULL, NULL), ==, 2);
  assert_case_due (f, "K-1", "2026-10-20");

  /* JSON without the field, or with it null: the list stays too. */
  import_ok (f, "cases", "[{\"case_ref\": \"K-1\", \"item_code\": \"@I\", \"department\": \"@D\", "
                         "\"accepted_on\": \"2026-09-28\", \"suspensions\": null}]", &s);
  assert_summary (&s, 0, 0, 1, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_suspensions", NULL, NULL), ==, 2);

  /* Only the extension is left: 5 + 3 working days after 09-28. */
  import_ok (f, "cases", HEADER_S "K-1,@I,@D,,,2026-09-28,,,,,,,延期:2026-10-12+3:b\n", &s);
  assert_summary (&s, 0, 1, 0, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_suspensions", NULL, NULL), ==, 1);
  assert_case_due (f, "K-1", "2026-10-14");

  /* An empty cell empties the list. */
  import_ok (f, "cases", HEADER_S "K-1,@I,@D,,,2026-09-28,,,,,,,\n", &s);
  assert_summary (&s, 0, 1, 0, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_suspensions", NULL, NULL), ==, 0);
  assert_case_due (f, "K-1", "2026-10-10");

  /* JSON: an array replaces the list, an empty one empties it. */
  import_ok (f, "cases", "[{\"case_ref\": \"K-1\", \"item_code\": \"@I\", \"department\": \"@D\", "
                         "\"accepted_on\": \"2026-09-28\", \"suspensions\": [{\"kind\": \"专家评审\", "
                         "\"start_on\": \"2026-10-08\", \"end_on\": \"2026-10-10\", \"reason\": \"r\"}]}]", &s);
  assert_summary (&s, 0, 1, 0, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_suspensions WHERE kind = 'expert-review' "
                              "AND end_on = '2026-10-10'", NULL, NULL), ==, 1);
  /* 10-08, 10-09 and Saturday 10-10: 3 working days, 5 + 3 in all. */
  assert_case_due (f, "K-1", "2026-10-14");
  import_ok (f, "cases", "[{\"case_ref\": \"K-1\", \"item_code\": \"@I\", \"department\": \"@D\", "
                         "\"accepted_on\": \"2026-09-28\", \"suspensions\": []}]", &s);
  assert_summary (&s, 0, 1, 0, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_suspensions", NULL, NULL), ==, 0);
  assert_case_due (f, "K-1", "2026-10-10");
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases", NULL, NULL), ==, 1);
}

/* Suspended periods move the decision deadline by their working days,
 * start to end both counted; extensions by their days. The item's
 * limit is 5 working days: from Monday 09-28 that is Saturday 10-10
 * (09-29, 09-30, 10-08, 10-09, 10-10). */
static void
test_cases_suspensions_move_deadline (Fixture       *f,
                                      gconstpointer  data)
{
  static const struct {
    const char *ref;
    const char *due;
  } expected[] = {
    { "S-0", "2026-10-10" },   /* none */
    { "S-1", "2026-10-15" },   /* 09-29..10-09: 4 working days */
    { "S-2", "2026-10-20" },   /* the same and an extension of 3 */
    { "S-3", "2026-10-10" },   /* a day of the holiday: 0 */
    { "S-4", "2026-10-12" },   /* the makeup Saturday: 1 */
    { "S-5", "2026-10-10" },   /* still running, no days given: 0 */
    { "S-6", "2026-10-13" },   /* still running, 2 days given */
    { "S-7", "2026-10-20" },   /* S-2 in JSON */
  };
  PoIntakeSummary s;

  import_ok (f, "cases",
             "@H"
             "S-0,@I,@D,,,2026-09-28,,,,,,\n"
             "S-1,@I,@D,,,2026-09-28,,,,,,\n"
             "S-2,@I,@D,,,2026-09-28,,,,,,\n"
             "S-3,@I,@D,,,2026-09-28,,,,,,\n"
             "S-4,@I,@D,,,2026-09-28,,,,,,\n"
             "S-5,@I,@D,,,2026-09-28,,,,,,\n"
             "S-6,@I,@D,,,2026-09-28,,,,,,\n"
             "S-7,@I,@D,,,2026-09-28,,,,,,\n",
             &s);
  assert_summary (&s, 8, 0, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_case_due (f, expected[i].ref, "2026-10-10");

  import_ok (f, "cases",
             HEADER_S
             "S-0,@I,@D,,,2026-09-28,,,,,,,\n"
             "S-1,@I,@D,,,2026-09-28,,,,,,,听证:2026-09-29~2026-10-09:专家\n"
             "S-2,@I,@D,,,2026-09-28,,,,,,,\"hearing:2026-09-29 ~ 2026-10-09:x, y; 延期:2026-10-12+3:批准\"\n"
             "S-3,@I,@D,,,2026-09-28,,,,,,,检验:2026-10-03~2026-10-03:假日\n"
             "S-4,@I,@D,,,2026-09-28,,,,,,,检测：2026-10-10~2026-10-10：周六；\n"
             "S-5,@I,@D,,,2026-09-28,,,,,,,鉴定:2026-10-08:进行中\n"
             "S-6,@I,@D,,,2026-09-28,,,,,,,鉴定:2026-10-08+2:进行中\n",
             &s);
  assert_summary (&s, 0, 6, 1, 7);
  import_ok (f, "cases",
             "{\"cases\": [{\"case_ref\": \"S-7\", \"item_code\": \"@I\", \"department\": \"@D\", "
             "\"accepted_on\": \"2026-09-28\", \"suspensions\": ["
             "{\"kind\": \"听证\", \"start_on\": \"2026-09-29\", \"end_on\": \"2026-10-09\", \"reason\": \"r\"}, "
             "{\"kind\": \"extension\", \"start_on\": \"2026-10-12\", \"days\": 3}]}]}",
             &s);
  assert_summary (&s, 0, 1, 0, 2);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_case_due (f, expected[i].ref, expected[i].due);
  /* The deadline keeps its start and its length, suspensions included. */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM deadlines AS d JOIN cases AS c ON c.id = d.subject_id "
                              "WHERE d.subject = 'case' AND d.kind = 'decision' AND c.case_ref = 'S-2' "
                              "AND d.start_on = '2026-09-28' AND d.days = 12", NULL, NULL), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_suspensions AS s JOIN cases AS c ON c.id = s.case_id "
                              "WHERE c.case_ref = 'S-4' AND s.kind = 'inspection' AND s.reason = '周六'",
                              NULL, NULL), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_suspensions AS s JOIN cases AS c ON c.id = s.case_id "
                              "WHERE c.case_ref = 'S-2' AND s.kind = 'hearing' AND s.reason = 'x, y'",
                              NULL, NULL), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_suspensions AS s JOIN cases AS c ON c.id = s.case_id "
                              "WHERE c.case_ref = 'S-7' AND s.kind = 'extension' AND s.days = 3 AND s.reason = ''",
                              NULL, NULL), ==, 1);
}

/* By hand: each suspension moves the deadline at once; refusals write
 * nothing. */
static void
test_cases_add_suspension (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoIntakeSummary s;
  gint64 case_id, id;
  Counts before, after;

  import_ok (f, "cases", "@HH-1,@I,@D,,,2026-09-28,,,,,,\n", &s);
  case_id = query_int (f->db, "SELECT id FROM cases WHERE case_ref = 'H-1'", NULL, NULL);
  assert_case_due (f, "H-1", "2026-10-10");

  id = po_case_add_suspension (f->db, case_id, "hearing", po_test_date ("2026-09-29"), po_test_date ("2026-10-09"),
                               0, "听证会", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_suspensions WHERE kind = 'hearing' "
                              "AND start_on = '2026-09-29' AND end_on = '2026-10-09' AND reason = '听证会'",
                              NULL, NULL), ==, 1);
  assert_case_due (f, "H-1", "2026-10-15");

  id = po_case_add_suspension (f->db, case_id, "extension", po_test_date ("2026-10-12"), PO_DATE_INVALID,
                               3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  assert_case_due (f, "H-1", "2026-10-20");

  before = counts_take (f);
  g_assert_cmpint (po_case_add_suspension (f->db, case_id, "hearing", po_test_date ("2026-10-09"),
                                           po_test_date ("2026-10-08"), 0, "", &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (po_case_add_suspension (f->db, case_id, "extension", po_test_date ("2026-10-09"),
                                           PO_DATE_INVALID, 0, "", &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (po_case_add_suspension (f->db, case_id, "hearing", PO_DATE_INVALID,
                                           po_test_date ("2026-10-08"), 0, "", &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (po_case_add_suspension (f->db, case_id, "nap", po_test_date ("2026-10-08"),
                                           po_test_date ("2026-10-09"), 0, "", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (po_case_add_suspension (f->db, case_id + 1000, "hearing", po_test_date ("2026-10-08"),
                                           po_test_date ("2026-10-09"), 0, "", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = counts_take (f);
  counts_assert_equal (&before, &after);
  assert_case_due (f, "H-1", "2026-10-20");

  /* An import without the column keeps what was added by hand. */
  import_ok (f, "cases", "@HH-1,@I,@D,,,2026-09-28,,,,,,\n", &s);
  assert_summary (&s, 0, 0, 1, 0);
  assert_case_due (f, "H-1", "2026-10-20");
}

/* An item code the catalogue does not know is kept; the scan reports
 * the case as an unapproved item, and not the case with a known item. */
static void
test_cases_unknown_item (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  PoAlertFilter filter = { .rule = "unapproved-item" };
  PoScanOptions options;
  PoScanSummary summary;
  PoIntakeSummary s;
  g_autofree char *code = NULL;
  g_autofree char *report = NULL;
  guint found = 0;

  import_ok (f, "cases",
             "@H"
             "N-1,SJ-NOSUCH-XK-999999,@D,,,2026-11-02,,2026-11-02,,,,\n"
             "N-2,@I,@D,,,2026-11-02,,2026-11-02,,,,\n",
             &s);
  assert_summary (&s, 2, 0, 0, 0);
  code = query_text (f->db, "SELECT item_code FROM cases WHERE case_ref = 'N-1' AND item_id IS NULL", NULL, NULL);
  g_assert_cmpstr (code, ==, "SJ-NOSUCH-XK-999999");
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases WHERE case_ref = 'N-2' AND item_id IS NOT NULL",
                              NULL, NULL), ==, 1);
  /* No limit is known, so no decision deadline; the report one is. */
  {
    g_autofree char *decision = case_due (f, "N-1", "decision");
    g_assert_null (decision);
  }
  report = case_due (f, "N-1", "report");
  g_assert_cmpstr (report, ==, "2026-11-05");

  po_scan_options_init (&options, po_test_date (TODAY));
  g_assert_true (po_supervision_scan (f->db, &options, &summary, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  alerts = po_alerts_list (f->db, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < alerts->len; i++)
    {
      PoAlert *a = g_ptr_array_index (alerts, i);

      if (!g_str_equal (a->subject, "case"))
        continue;
      g_assert_cmpstr (a->ref, ==, "N-1");
      g_assert_cmpstr (a->level, ==, "red");
      g_assert_cmpint (a->department_id, ==, f->dept_id);
      found++;
    }
  g_assert_cmpuint (found, ==, 1);
}

/* Petitions: import ---------------------------------------------------------- */

static void
test_petitions_csv (Fixture       *f,
                    gconstpointer  data)
{
  PoIntakeSummary s;
  g_autofree char *due1 = NULL;
  g_autofree char *due2 = NULL;
  g_autofree char *due3 = NULL;
  g_autofree char *due4 = NULL;
  g_autofree char *subject = NULL;

  import_ok (f, "petitions",
             "\xEF\xBB\xBF"
             "ref,kind,department,received_on,replied_on,subject,channel,assignee,answer,closed_on\n"
             "P-1,咨询,@D,2026-09-30,,\"办证, 要带什么\",电话,,,\n"
             "P-2,投诉,@D,2026-09-30,2026-10-09,态度差,网站,张三,\"已核实\n已整改\",2026-10-12\n"
             "P-3,consultation,@N,2026-11-25,,问,窗口,,,\n"
             "P-4,complaint,@E,2026-11-26,,诉,信件,,,\n",
             &s);
  assert_summary (&s, 4, 0, 0, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM petitions WHERE kind = 'consultation'", NULL, NULL), ==, 2);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM petitions WHERE kind = 'complaint'", NULL, NULL), ==, 2);
  subject = query_text (f->db, "SELECT subject FROM petitions WHERE ref = 'P-1'", NULL, NULL);
  g_assert_cmpstr (subject, ==, "办证, 要带什么");
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM petitions WHERE ref = 'P-2' AND assignee = '张三' "
                              "AND answer = '已核实\n已整改' AND replied_on = '2026-10-09' AND closed_on = '2026-10-12' "
                              "AND channel = '网站'", NULL, NULL), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT department_id FROM petitions WHERE ref = 'P-3'", NULL, NULL), ==, f->dept_id);
  g_assert_cmpint (query_int (f->db, "SELECT department_id FROM petitions WHERE ref = 'P-4'", NULL, NULL), ==, f->dept2_id);

  /* 3 working days for a consultation, 10 for a complaint. */
  due1 = petition_due (f, "P-1");
  g_assert_cmpstr (due1, ==, "2026-10-10");
  due2 = petition_due (f, "P-2");
  g_assert_cmpstr (due2, ==, "2026-10-20");
  due3 = petition_due (f, "P-3");
  g_assert_cmpstr (due3, ==, "2026-11-30");
  due4 = petition_due (f, "P-4");
  g_assert_cmpstr (due4, ==, "2026-12-10");
}

static void
test_petitions_json (Fixture       *f,
                     gconstpointer  data)
{
  PoIntakeSummary s;
  g_autofree char *due = NULL;

  import_ok (f, "petitions",
             "{\"petitions\": [{\"ref\": \"PJ-1\", \"kind\": \"投诉\", \"department\": \"@D\", "
             "\"received_on\": \"2026-09-30\", \"replied_on\": null, \"subject\": \"诉\", \"channel\": \"网站\"}]}",
             &s);
  assert_summary (&s, 1, 0, 0, 0);
  due = petition_due (f, "PJ-1");
  g_assert_cmpstr (due, ==, "2026-10-20");

  import_ok (f, "petitions",
             "[{\"ref\": \"PJ-1\", \"kind\": \"complaint\", \"department\": \"@N\", \"received_on\": \"2026-09-30\", "
             "  \"replied_on\": \"2026-10-12\", \"subject\": \"诉\", \"channel\": \"网站\", \"answer\": \"已办\"},"
             " {\"ref\": \"PJ-2\", \"kind\": \"consultation\", \"department\": \"@E\", \"received_on\": \"2026-11-02\"}]",
             &s);
  assert_summary (&s, 1, 1, 0, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM petitions", NULL, NULL), ==, 2);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM petitions WHERE ref = 'PJ-1' AND replied_on = '2026-10-12' "
                              "AND answer = '已办'", NULL, NULL), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM petitions WHERE ref = 'PJ-2' AND subject = '' "
                              "AND channel = '' AND kind = 'consultation'", NULL, NULL), ==, 1);
}

/* Again: the same file changes nothing; a changed field updates; the
 * optional columns, when absent, keep what was set by hand. */
static void
test_petitions_reimport (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char file[] = "@PPR-1,咨询,@D,2026-11-20,,问,电话\nPR-2,投诉,@D,2026-11-20,,诉,网站\n";
  PoIntakeSummary s;
  Counts first, second;
  g_autofree char *assignee = NULL;
  g_autofree char *assignee2 = NULL;
  gint64 id;

  import_ok (f, "petitions", file, &s);
  assert_summary (&s, 2, 0, 0, 0);
  id = query_int (f->db, "SELECT id FROM petitions WHERE ref = 'PR-1'", NULL, NULL);
  g_assert_true (po_petition_assign (f->db, id, "王五", &error));
  g_assert_no_error (error);
  first = counts_take (f);

  import_ok (f, "petitions", file, &s);
  assert_summary (&s, 0, 0, 2, 0);
  second = counts_take (f);
  counts_assert_equal (&first, &second);
  assignee = query_text (f->db, "SELECT assignee FROM petitions WHERE ref = 'PR-1'", NULL, NULL);
  g_assert_cmpstr (assignee, ==, "王五");

  import_ok (f, "petitions", "@PPR-1,咨询,@D,2026-11-20,2026-11-23,问,电话\nPR-2,投诉,@D,2026-11-20,,诉,网站\n", &s);
  assert_summary (&s, 0, 1, 1, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM petitions WHERE ref = 'PR-1' AND replied_on = '2026-11-23' "
                              "AND assignee = '王五'", NULL, NULL), ==, 1);

  import_ok (f, "petitions",
             "ref,kind,department,received_on,replied_on,subject,channel,assignee\n"
             "PR-1,咨询,@D,2026-11-20,2026-11-23,问,电话,李四\n", &s);
  assert_summary (&s, 0, 1, 0, 0);
  assignee2 = query_text (f->db, "SELECT assignee FROM petitions WHERE ref = 'PR-1'", NULL, NULL);
  g_assert_cmpstr (assignee2, ==, "李四");
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM petitions", NULL, NULL), ==, 2);
}

#define P_GOOD "P-1,咨询,@D,2026-11-20,,问,电话\nP-2,complaint,@D,2026-11-20,2026-11-23,诉,网站\n"

static const Bad bad_petition_files[] = {
  { "@P" P_GOOD "P-3,建议,@D,2026-11-20,,,\n", { "bad.csv:4: kind:", "建议" } },
  { "@P" P_GOOD "P-3,,@D,2026-11-20,,,\n", { "bad.csv:4: kind:" } },
  { "@P" P_GOOD "P-3,投诉,@D,2026-11-20,2026-11-19,,\n", { "bad.csv:4: replied_on:", "received_on" } },
  { "@P" P_GOOD "P-3,投诉,@D,,,,\n", { "bad.csv:4: received_on:" } },
  { "@P" P_GOOD "P-3,投诉,@D,2026-11-28,,,\n", { "bad.csv:4: received_on:", "after today" } },
  { "@P" P_GOOD "P-3,投诉,@D,2026-11-20,2026-11-30,,\n", { "bad.csv:4: replied_on:", "after today" } },
  { "ref,kind,department,received_on,replied_on,subject,channel,closed_on\n"
    "P-1,咨询,@D,2026-11-20,2026-11-21,问,电话,2026-11-22\n"
    "P-2,咨询,@D,2026-11-20,2026-11-21,问,电话,\n"
    "P-3,咨询,@D,2026-11-20,,问,电话,2026-11-22\n",
    { "bad.csv:4: closed_on:", "answered" } },
  { "@P" P_GOOD "P-3,投诉,@D,2026-02-29,,,\n", { "bad.csv:4: received_on:", "2026-02-29" } },
  { "@P" P_GOOD "P-3,投诉,无此部门,2026-11-20,,,\n", { "bad.csv:4: department:", "无此部门" } },
  { "@P" P_GOOD ",投诉,@D,2026-11-20,,,\n", { "bad.csv:4: ref:" } },
  { "@P" P_GOOD "P-1,咨询,@D,2026-11-20,,问,电话\n", { "bad.csv:4: ref:", "P-1" } },
  { "ref,kind,department,received_on,replied_on,subject\n" "P-1,咨询,@D,2026-11-20,,问\n",
    { "bad.csv:1:", "channel", "missing" } },
  { "ref,kind,department,received_on,replied_on,subject,channel,mood\n" "P-1,咨询,@D,2026-11-20,,问,电话,ok\n",
    { "bad.csv:1:", "mood" } },
  { "[{\"ref\": \"P-1\", \"kind\": \"咨询\", \"department\": \"@D\", \"received_on\": \"2026-11-20\"},"
    " {\"ref\": \"P-2\", \"kind\": \"咨询\", \"department\": \"@D\", \"received_on\": \"2026-11-20\"},"
    " {\"ref\": \"P-3\", \"kind\": \"咨询\", \"department\": \"@D\", \"received_on\": \"2026-11-20\", \"subject\": {}}]",
    { "bad.json: petitions[2]: subject:" } },
  { "{\"petitions\": [{\"ref\": \"P-1\", \"kind\": \"咨询\", \"department\": \"@D\", \"received_on\": \"2026-11-20\"},"
    " {\"ref\": \"P-2\", \"kind\": \"咨询\", \"department\": \"@D\", \"received_on\": \"2026-11-20\"},"
    " {\"ref\": \"P-3\", \"kind\": \"advice\", \"department\": \"@D\", \"received_on\": \"2026-11-20\"}]}",
    { "bad.json: petitions[2]: kind:", "advice" } },
};

static void
test_petitions_bad (Fixture       *f,
                    gconstpointer  data)
{
  PoIntakeSummary s;

  for (guint i = 0; i < G_N_ELEMENTS (bad_petition_files); i++)
    {
      const char *text = bad_petition_files[i].text;

      g_test_message ("bad file %u", i);
      import_fails (f, "petitions", text, strchr ("[{", text[0]) ? "bad.json" : "bad.csv", bad_petition_files[i].says);
    }
  import_ok (f, "petitions", "@P" P_GOOD, &s);
  assert_summary (&s, 2, 0, 0, 0);
}

/* Petitions by hand ------------------------------------------------------- */

static gint64
register_petition (Fixture    *f,
                   const char *ref,
                   const char *kind,
                   gint64      department_id,
                   const char *received_on)
{
  g_autoptr(GError) error = NULL;
  gint64 id = po_petition_register (f->db, ref, kind, department_id, po_test_date (received_on), "主题", "电话",
                                    po_test_date (TODAY), &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_petition_next_ref (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *a = po_petition_next_ref (f->db, "consultation", po_test_date (TODAY));
  g_autofree char *b = po_petition_next_ref (f->db, "complaint", po_test_date (TODAY));
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;
  g_autofree char *g = NULL;

  g_assert_cmpstr (a, ==, "ZX20261127-001");
  g_assert_cmpstr (b, ==, "TS20261127-001");

  register_petition (f, a, "consultation", f->dept_id, TODAY);
  c = po_petition_next_ref (f->db, "consultation", po_test_date (TODAY));
  g_assert_cmpstr (c, ==, "ZX20261127-002");
  /* The other kind and another day count apart. */
  d = po_petition_next_ref (f->db, "complaint", po_test_date (TODAY));
  g_assert_cmpstr (d, ==, "TS20261127-001");
  e = po_petition_next_ref (f->db, "consultation", po_test_date ("2026-11-26"));
  g_assert_cmpstr (e, ==, "ZX20261126-001");
  /* Another department's petitions share the numbering. */
  register_petition (f, c, "consultation", f->dept2_id, TODAY);
  g = po_petition_next_ref (f->db, "consultation", po_test_date (TODAY));
  g_assert_cmpstr (g, ==, "ZX20261127-003");
}

/* The next reference follows the highest number, not the count. */
static void
test_petition_next_ref_gap (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  PoIntakeSummary s;

  import_ok (f, "petitions", "@PZX20261127-002,咨询,@D,2026-11-27,,问,电话\n", &s);
  next = po_petition_next_ref (f->db, "consultation", po_test_date (TODAY));
  g_assert_cmpstr (next, ==, "ZX20261127-003");
  g_assert_cmpint (po_petition_register (f->db, next, "consultation", f->dept_id, po_test_date (TODAY), "问", "电话",
                                         po_test_date (TODAY), &error), >, 0);
  g_assert_no_error (error);
  /* A number already taken in the department is refused with a sentence. */
  g_assert_cmpint (po_petition_register (f->db, "ZX20261127-002", "consultation", f->dept_id, po_test_date (TODAY),
                                         "问", "电话", po_test_date (TODAY), &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "ZX20261127-002"));
  g_assert_null (strstr (error->message, "UNIQUE"));
}

/* A JSON file may begin with a byte-order mark, as a CSV file may. */
static void
test_json_bom (Fixture       *f,
               gconstpointer  data)
{
  PoIntakeSummary s;

  import_ok (f, "cases", "\xEF\xBB\xBF[{\"case_ref\": \"B-1\", \"item_code\": \"@I\", \"department\": \"@D\", "
                         "\"accepted_on\": \"2026-09-28\"}]", &s);
  assert_summary (&s, 1, 0, 0, 0);
}

/* Suspensions by hand: Chinese kind names as in files; an unknown kind
 * is a sentence, not a database error. */
static void
test_suspension_kinds_by_hand (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoIntakeSummary s;
  gint64 id;

  import_ok (f, "cases", "@HK-1,@I,@D,,,2026-09-28,,,,,,\n", &s);
  id = query_int (f->db, "SELECT id FROM cases WHERE case_ref = 'K-1'", NULL, NULL);
  g_assert_cmpint (po_case_add_suspension (f->db, id, "听证", po_test_date ("2026-09-29"), po_test_date ("2026-09-30"),
                                           0, "当事人申请", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_suspensions WHERE kind = 'hearing'", NULL, NULL), ==, 1);
  g_assert_cmpint (po_case_add_suspension (f->db, id, "午休", po_test_date ("2026-09-29"), po_test_date ("2026-09-30"),
                                           0, "", &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "午休"));
  g_assert_null (strstr (error->message, "CHECK"));
}

/* Every department is listed, whether or not it has items or petitions. */
static void
test_departments_list (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean found = FALSE;

  g_assert_true (po_database_exec (f->db, "INSERT INTO departments (code, name) VALUES ('NEW1', '新设办公室')", &error));
  list = po_departments_list (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (list->len, ==, query_int (f->db, "SELECT count(*) FROM departments", NULL, NULL));
  for (guint i = 0; i < list->len; i++)
    {
      const PoDepartment *d = g_ptr_array_index (list, i);

      if (g_str_equal (d->code, "NEW1"))
        found = g_str_equal (d->name, "新设办公室") && d->id > 0;
    }
  g_assert_true (found);
}

/* Yellow by a share of the time used: a complaint (10 working days)
 * received Monday 11-02 has used 8 of 10 on 11-12, 7 on 11-11. */
static void
test_petitions_yellow_share (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoIntakeSummary s;

  import_ok (f, "petitions", "@PY-1,投诉,@D,2026-11-02,,问,电话\n", &s);
  for (int pass = 0; pass < 2; pass++)
    {
      PoPetitionFilter filter = { NULL, f->dept_id, TRUE, po_test_date (pass ? "2026-11-12" : "2026-11-11"), 1, 0, 80 };
      g_autoptr(GPtrArray) list = po_petitions_list (f->db, &filter, &error);
      const PoPetition *p = NULL;

      g_assert_no_error (error);
      for (guint i = 0; i < list->len; i++)
        if (g_str_equal (((PoPetition *) g_ptr_array_index (list, i))->ref, "Y-1"))
          p = g_ptr_array_index (list, i);
      g_assert_nonnull (p);
      g_assert_cmpstr (p->level, ==, pass ? "yellow" : "");
    }
}

/* A petition is closed once, and not on a day to come. */
static void
test_petition_close_once (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = register_petition (f, "C-1", "complaint", f->dept_id, "2026-10-08");

  g_assert_true (po_petition_answer (f->db, id, po_test_date ("2026-10-09"), "已答复", po_test_date (TODAY), &error));
  g_assert_no_error (error);
  g_assert_false (po_petition_close (f->db, id, po_date_today () + 1, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (po_petition_close (f->db, id, po_test_date ("2026-10-10"), &error));
  g_assert_no_error (error);
  g_assert_false (po_petition_close (f->db, id, po_test_date ("2026-10-12"), &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM petitions WHERE ref = 'C-1' AND closed_on = '2026-10-10'",
                              NULL, NULL), ==, 1);
}

static void
test_petition_register (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *due1 = NULL;
  g_autofree char *due2 = NULL;
  Counts before, after;
  gint64 id;

  id = register_petition (f, "ZX-1", "consultation", f->dept_id, "2026-09-30");
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM petitions WHERE ref = 'ZX-1' AND kind = 'consultation' "
                              "AND received_on = '2026-09-30' AND subject = '主题' AND channel = '电话' "
                              "AND replied_on IS NULL AND closed_on IS NULL", NULL, NULL), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT id FROM petitions WHERE ref = 'ZX-1'", NULL, NULL), ==, id);
  due1 = petition_due (f, "ZX-1");
  g_assert_cmpstr (due1, ==, "2026-10-10");
  register_petition (f, "TS-1", "complaint", f->dept_id, "2026-09-30");
  due2 = petition_due (f, "TS-1");
  g_assert_cmpstr (due2, ==, "2026-10-20");
  /* Received today is allowed. */
  register_petition (f, "ZX-2", "consultation", f->dept_id, TODAY);

  before = counts_take (f);
  g_assert_cmpint (po_petition_register (f->db, "", "consultation", f->dept_id, po_test_date ("2026-11-20"),
                                         "", "", po_test_date (TODAY), &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (po_petition_register (f->db, NULL, "consultation", f->dept_id, po_test_date ("2026-11-20"),
                                         "", "", po_test_date (TODAY), &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (po_petition_register (f->db, "X-1", "suggestion", f->dept_id, po_test_date ("2026-11-20"),
                                         "", "", po_test_date (TODAY), &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (po_petition_register (f->db, "X-1", NULL, f->dept_id, po_test_date ("2026-11-20"),
                                         "", "", po_test_date (TODAY), &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (po_petition_register (f->db, "X-1", "complaint", f->dept_id, po_test_date ("2026-11-28"),
                                         "", "", po_test_date (TODAY), &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (po_petition_register (f->db, "X-1", "complaint", f->dept_id, PO_DATE_INVALID,
                                         "", "", po_test_date (TODAY), &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  /* The same reference in the same department. */
  g_assert_cmpint (po_petition_register (f->db, "ZX-1", "complaint", f->dept_id, po_test_date ("2026-11-20"),
                                         "", "", po_test_date (TODAY), &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = counts_take (f);
  counts_assert_equal (&before, &after);

  /* The same reference in another department is another petition. */
  register_petition (f, "ZX-1", "consultation", f->dept2_id, "2026-11-20");
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM petitions WHERE ref = 'ZX-1'", NULL, NULL), ==, 2);
}

static void
test_petition_assign_answer_close (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoPetition) p = NULL;
  gint64 id, other;

  id = register_petition (f, "A-1", "complaint", f->dept_id, "2026-09-30");
  other = register_petition (f, "A-2", "consultation", f->dept_id, "2026-11-20");

  g_assert_true (po_petition_assign (f->db, id, "王五", &error));
  g_assert_no_error (error);
  g_assert_false (po_petition_assign (f->db, other + 1000, "王五", &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Refused answers write nothing. */
  g_assert_false (po_petition_answer (f->db, id, po_test_date ("2026-10-09"), "", po_test_date (TODAY), &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (po_petition_answer (f->db, id, po_test_date ("2026-10-09"), NULL, po_test_date (TODAY), &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (po_petition_answer (f->db, id, po_test_date ("2026-09-29"), "答", po_test_date (TODAY), &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (po_petition_answer (f->db, id, po_test_date ("2026-11-28"), "答", po_test_date (TODAY), &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (po_petition_answer (f->db, other + 1000, po_test_date ("2026-11-20"), "答", po_test_date (TODAY),
                                      &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM petitions WHERE replied_on IS NOT NULL OR answer <> ''",
                              NULL, NULL), ==, 0);

  /* Closing needs an answer given on or before that day. */
  g_assert_false (po_petition_close (f->db, id, po_test_date ("2026-10-12"), &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* The day it was received is allowed. */
  g_assert_true (po_petition_answer (f->db, id, po_test_date ("2026-09-30"), "先答", po_test_date (TODAY), &error));
  g_assert_no_error (error);
  g_assert_true (po_petition_answer (f->db, id, po_test_date ("2026-10-09"), "已核实并整改", po_test_date (TODAY), &error));
  g_assert_no_error (error);
  g_assert_false (po_petition_close (f->db, id, po_test_date ("2026-10-08"), &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (po_petition_close (f->db, other, po_test_date ("2026-11-24"), &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM petitions WHERE closed_on IS NOT NULL", NULL, NULL), ==, 0);
  g_assert_true (po_petition_close (f->db, id, po_test_date ("2026-10-12"), &error));
  g_assert_no_error (error);

  p = po_petition_get (f->db, id, po_test_date (TODAY), 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_cmpint (p->id, ==, id);
  g_assert_cmpstr (p->ref, ==, "A-1");
  g_assert_cmpstr (p->kind, ==, "complaint");
  g_assert_cmpint (p->department_id, ==, f->dept_id);
  g_assert_cmpstr (p->department, ==, f->dept_name);
  g_assert_cmpstr (p->received_on, ==, "2026-09-30");
  g_assert_cmpstr (p->replied_on, ==, "2026-10-09");
  g_assert_cmpstr (p->answer, ==, "已核实并整改");
  g_assert_cmpstr (p->assignee, ==, "王五");
  g_assert_cmpstr (p->closed_on, ==, "2026-10-12");
  g_assert_cmpstr (p->subject, ==, "主题");
  g_assert_cmpstr (p->channel, ==, "电话");
  /* Due 10-20, answered 10-09: on time, with 8 working days to spare
   * (10-10, 10-12..10-16, 10-19, 10-20). */
  g_assert_cmpstr (p->due_on, ==, "2026-10-20");
  g_assert_cmpint (p->days_left, ==, 8);
  g_assert_cmpstr (p->level, ==, "");
}

static void
test_petition_get_missing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoPetition) p = po_petition_get (f->db, 4242, po_test_date (TODAY), 1, &error);

  g_assert_null (p);
  g_assert_error (error, PO_ERROR, PO_ERROR_NOT_FOUND);
}

static char *
refs_of (GPtrArray *list)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      PoPetition *p = g_ptr_array_index (list, i);

      g_string_append_printf (s, "%s%s", i ? "," : "", p->ref);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static GPtrArray *
list_petitions (Fixture    *f,
                const char *kind,
                gint64      department_id,
                gboolean    open_only,
                int         yellow_days,
                guint       limit)
{
  g_autoptr(GError) error = NULL;
  PoPetitionFilter filter = { kind, department_id, open_only, po_test_date (TODAY), yellow_days, limit };
  GPtrArray *list = po_petitions_list (f->db, &filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static PoPetition *
find_petition (GPtrArray  *list,
               const char *ref)
{
  for (guint i = 0; i < list->len; i++)
    {
      PoPetition *p = g_ptr_array_index (list, i);

      if (g_str_equal (p->ref, ref))
        return p;
    }
  g_error ("%s is not in the list", ref);
  return NULL;
}

/* As of Friday 11-27, yellow at 1 working day left:
 *   L-1 consultation received 11-25, due 11-30: 1 left, yellow;
 *   L-2 consultation received 11-20, due 11-25: 2 over (11-26, 11-27), red;
 *   L-3 complaint (other department) received 11-26, due 12-10: 9 left;
 *   L-4 consultation (other department) received 11-19, due 11-24,
 *       answered 11-24 and closed: on time, 0 left;
 *   L-5 complaint received 11-10, due 11-24, answered 11-26: red, -2. */
static void
test_petitions_list (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *refs = NULL;
  gint64 l4, l5;
  static const struct {
    const char *ref;
    const char *due;
    int         days_left;
    const char *level;
  } expected[] = {
    { "L-1", "2026-11-30", 1, "yellow" },
    { "L-2", "2026-11-25", -2, "red" },
    { "L-3", "2026-12-10", 9, "" },
    { "L-4", "2026-11-24", 0, "" },
    { "L-5", "2026-11-24", -2, "red" },
  };

  register_petition (f, "L-1", "consultation", f->dept_id, "2026-11-25");
  register_petition (f, "L-2", "consultation", f->dept_id, "2026-11-20");
  register_petition (f, "L-3", "complaint", f->dept2_id, "2026-11-26");
  l4 = register_petition (f, "L-4", "consultation", f->dept2_id, "2026-11-19");
  l5 = register_petition (f, "L-5", "complaint", f->dept_id, "2026-11-10");
  g_assert_true (po_petition_answer (f->db, l4, po_test_date ("2026-11-24"), "答", po_test_date (TODAY), &error));
  g_assert_true (po_petition_close (f->db, l4, po_test_date ("2026-11-25"), &error));
  g_assert_true (po_petition_answer (f->db, l5, po_test_date ("2026-11-26"), "答", po_test_date (TODAY), &error));
  g_assert_no_error (error);

  all = list_petitions (f, NULL, 0, FALSE, 1, 0);
  refs = refs_of (all);
  g_assert_cmpstr (refs, ==, "L-3,L-1,L-2,L-4,L-5");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      PoPetition *p = find_petition (all, expected[i].ref);

      g_test_message ("%s", expected[i].ref);
      g_assert_cmpstr (p->due_on, ==, expected[i].due);
      g_assert_cmpint (p->days_left, ==, expected[i].days_left);
      g_assert_cmpstr (p->level, ==, expected[i].level);
    }

  {
    g_autoptr(GPtrArray) l = list_petitions (f, "complaint", 0, FALSE, 1, 0);
    g_autofree char *r = refs_of (l);
    g_assert_cmpstr (r, ==, "L-3,L-5");
  }
  {
    g_autoptr(GPtrArray) l = list_petitions (f, "consultation", 0, FALSE, 1, 0);
    g_autofree char *r = refs_of (l);
    g_assert_cmpstr (r, ==, "L-1,L-2,L-4");
  }
  {
    g_autoptr(GPtrArray) l = list_petitions (f, NULL, f->dept_id, FALSE, 1, 0);
    g_autofree char *r = refs_of (l);
    g_assert_cmpstr (r, ==, "L-1,L-2,L-5");
  }
  {
    g_autoptr(GPtrArray) l = list_petitions (f, "consultation", f->dept2_id, FALSE, 1, 0);
    g_autofree char *r = refs_of (l);
    g_assert_cmpstr (r, ==, "L-4");
  }
  {
    g_autoptr(GPtrArray) l = list_petitions (f, NULL, 0, TRUE, 1, 0);
    g_autofree char *r = refs_of (l);
    g_assert_cmpstr (r, ==, "L-3,L-1,L-2,L-5");
  }
  {
    g_autoptr(GPtrArray) l = list_petitions (f, NULL, 0, FALSE, 1, 2);
    g_autofree char *r = refs_of (l);
    g_assert_cmpstr (r, ==, "L-3,L-1");
  }
  {
    g_autoptr(GPtrArray) l = list_petitions (f, "complaint", f->dept2_id, TRUE, 1, 0);
    g_autofree char *r = refs_of (l);
    g_assert_cmpstr (r, ==, "L-3");
  }
  /* The threshold is the filter's: at 0, L-1 is not yet yellow; at 9,
   * L-3 is. */
  {
    g_autoptr(GPtrArray) l = list_petitions (f, NULL, 0, FALSE, 0, 0);
    g_assert_cmpstr (find_petition (l, "L-1")->level, ==, "");
    g_assert_cmpstr (find_petition (l, "L-2")->level, ==, "red");
  }
  {
    g_autoptr(GPtrArray) l = list_petitions (f, NULL, 0, FALSE, 9, 0);
    g_assert_cmpstr (find_petition (l, "L-3")->level, ==, "yellow");
    g_assert_cmpstr (find_petition (l, "L-4")->level, ==, "");
  }
}

/* The command line ----------------------------------------------------------- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the CLI on the fixture's database, its today pinned to TODAY. */
static Run
cli (Fixture    *f,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "PO_TODAY", TODAY, TRUE);
  Run r = { 0 };
  int wait_status = 0;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (char *) g_getenv ("PO_CLI"));
  g_assert_nonnull (argv->pdata[0]);
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (char *) po_database_get_path (f->db));
  g_ptr_array_add (argv, (char *) first);
  va_start (ap, first);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  r.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return r;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

/* A failure is one line on stderr, nothing on stdout. */
static void
assert_failed (Run               *r,
               int                status,
               const char *const *says)
{
  g_assert_cmpint (r->status, ==, status);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_cmpuint (count_lines (r->err), ==, 1);
  g_assert_true (g_str_has_prefix (r->err, "power-oversight-cli: "));
  for (guint i = 0; says && says[i]; i++)
    if (strstr (r->err, says[i]) == NULL)
      g_error ("expected “%s” in: %s", says[i], r->err);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *t = fill (f, text);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, t, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_cli_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *cases = write_file (f, "cases.csv",
                                       HEADER_S
                                       "C-1,@I,@D,,,2026-09-28,,2026-09-28,,,,,听证:2026-09-29~2026-10-09:x\n"
                                       "C-2,@I,@N,,,2026-11-02,,,,,,,\n");
  g_autofree char *petitions = write_file (f, "petitions.json",
                                           "{\"petitions\": [{\"ref\": \"P-1\", \"kind\": \"咨询\", "
                                           "\"department\": \"@D\", \"received_on\": \"2026-11-20\"}]}");
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  static const char *const no_file[] = { "missing.csv", NULL };

  {
    g_auto(Run) r = cli (f, "cases", "import", cases, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "cases: 2 new, 0 updated, 0 unchanged, 1 suspensions written\n");
    g_assert_cmpstr (r.err, ==, "");
  }
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases", NULL, NULL), ==, 2);
  assert_case_due (f, "C-1", "2026-10-15");
  {
    g_auto(Run) r = cli (f, "cases", "import", cases, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "cases: 0 new, 0 updated, 2 unchanged, 0 suspensions written\n");
  }
  {
    g_auto(Run) r = cli (f, "petitions", "import", petitions, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "petitions: 1 new, 0 updated, 0 unchanged\n");
    g_assert_cmpstr (r.err, ==, "");
  }
  {
    g_autofree char *due = petition_due (f, "P-1");
    g_assert_cmpstr (due, ==, "2026-11-25");
  }
  {
    g_auto(Run) r = cli (f, "cases", "import", missing, NULL);
    assert_failed (&r, 1, no_file);
  }
  {
    g_auto(Run) r = cli (f, "cases", "import", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_cmpstr (r.out, ==, "");
  }
}

/* A bad third row: exit 1, one sentence naming the file, line and
 * field, and nothing written. */
static void
test_cli_import_bad (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *bad = write_file (f, "bad.csv", "@H" GOOD_ROWS "A-3,@I,@D,,,2026-02-30,,,,,,\n");
  g_autofree char *bad_petitions = write_file (f, "bad-petitions.csv", "@P" P_GOOD "P-3,建议,@D,2026-11-20,,,\n");
  g_autofree char *where = g_strdup_printf ("%s:4", bad);
  g_autofree char *where_p = g_strdup_printf ("%s:4", bad_petitions);
  const char *const says[] = { where, "accepted_on", "2026-02-30", NULL };
  const char *const says_p[] = { where_p, "kind", "建议", NULL };
  Counts before = counts_take (f);
  Counts after;

  {
    g_auto(Run) r = cli (f, "cases", "import", bad, NULL);
    assert_failed (&r, 1, says);
  }
  {
    g_auto(Run) r = cli (f, "petitions", "import", bad_petitions, NULL);
    assert_failed (&r, 1, says_p);
  }
  after = counts_take (f);
  counts_assert_equal (&before, &after);
}

static char **
lines_of (const char *text)
{
  g_autofree char *t = g_strdup (text);

  g_assert_true (g_str_has_suffix (t, "\n"));
  t[strlen (t) - 1] = '\0';
  return g_strsplit (t, "\n", -1);
}

/* The scan's rows about cases, in order, joined by "|". */
static char *
case_rows (const char *csv)
{
  g_auto(GStrv) lines = lines_of (csv);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 1; lines[i] != NULL; i++)
    if (strstr (lines[i], ",case,") != NULL)
      g_string_append_printf (s, "%s%s", s->len ? "|" : "", lines[i]);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gint64
json_query (Fixture    *f,
            const char *sql,
            const char *json)
{
  return query_int (f->db, sql, json, NULL);
}

/* The office's thresholds, set from the command line, decide the scan of
 * whoever runs it; --yellow-days decides one run. C-OK is due 12-03, 4
 * working days after 11-27. */
static void
test_cli_settings (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cases = write_file (f, "cases.csv", "@H" "C-OK,@I,@D,,,2026-11-26,,2026-11-26,,,,\n");
  static const char *const bad_days[] = { "yellow-days", "31", NULL };

  {
    g_auto(Run) r = cli (f, "cases", "import", cases, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = cli (f, "settings", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "yellow-days 1\nyellow-share 0\n");
  }
  {
    g_auto(Run) r = cli (f, "settings", "yellow-days", "31", NULL);
    assert_failed (&r, 1, bad_days);
  }
  {
    g_auto(Run) r = cli (f, "settings", "yellow-days", "4", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "yellow-days 4\nyellow-share 0\n");
  }
  {
    g_auto(Run) r = cli (f, "scan", "--today", TODAY, NULL);
    g_autofree char *rows = case_rows (r.out);
    g_autofree char *expected = g_strdup_printf ("overdue-case,yellow,case,C-OK,%s,2026-12-03,0", f->dept_name);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (rows, ==, expected);
  }
  {
    g_auto(Run) r = cli (f, "scan", "--today", TODAY, "--yellow-days", "1", NULL);
    g_autofree char *rows = case_rows (r.out);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (rows, ==, "");
  }
  /* A share instead: C-OK has used 1 of its 5 working days (20 %). */
  {
    g_auto(Run) r = cli (f, "settings", "yellow-share", "20", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "yellow-days 4\nyellow-share 20\n");
  }
  {
    g_auto(Run) r = cli (f, "scan", "--today", TODAY, NULL);
    g_autofree char *rows = case_rows (r.out);
    g_autofree char *expected = g_strdup_printf ("overdue-case,yellow,case,C-OK,%s,2026-12-03,0", f->dept_name);

    g_assert_cmpstr (rows, ==, expected);
  }
  {
    g_auto(Run) r = cli (f, "settings", "yellow-share", "21", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = cli (f, "scan", "--today", TODAY, NULL);
    g_autofree char *rows = case_rows (r.out);

    g_assert_cmpstr (rows, ==, "");
  }
  {
    static const char *const unknown[] = { "colour", NULL };
    g_auto(Run) r = cli (f, "settings", "colour", "red", NULL);

    assert_failed (&r, 2, unknown);
  }
}

/* The demo office has review requests that raise alerts of their own;
 * the case rows are known exactly:
 *   C-LATE accepted 09-28, limit 5: due 10-10, undecided; 35 working
 *     days over by 11-27 (10-12..11-27, seven full weeks);
 *   C-UNK names an unknown item;
 *   C-OK accepted 11-26 is due 12-03, 4 working days away: no alert. */
static void
test_cli_scan (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *cases = write_file (f, "cases.csv",
                                       "@H"
                                       "C-LATE,@I,@D,,,2026-09-28,,2026-09-28,,,,\n"
                                       "C-UNK,SJ-NOSUCH-XK-999999,@D,,,2026-11-02,,2026-11-02,,,,\n"
                                       "C-OK,@I,@D,,,2026-11-26,,2026-11-26,,,,\n");
  g_autofree char *expected = NULL;
  g_autofree char *expected_after_close = NULL;
  g_autofree char *baseline_rows = NULL;
  g_auto(GStrv) baseline = NULL;
  g_autofree char *first_rows = NULL;
  gint64 unk_alert, late_alert;

  {
    g_auto(Run) r = cli (f, "scan", "--today", TODAY, "--format", "csv", NULL);
    g_assert_cmpint (r.status, ==, 0);
    baseline = lines_of (r.out);
    baseline_rows = case_rows (r.out);
  }
  g_assert_cmpstr (baseline[0], ==, "rule,level,subject,ref,department,due_on,working_days_over");
  g_assert_cmpstr (baseline_rows, ==, "");
  {
    g_auto(Run) r = cli (f, "cases", "import", cases, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }

  expected = g_strdup_printf ("overdue-case,red,case,C-LATE,%s,2026-10-10,35|unapproved-item,red,case,C-UNK,%s,,0",
                              f->dept_name, f->dept_name);
  {
    g_auto(Run) r = cli (f, "scan", "--today", TODAY, "--format", "csv", NULL);
    g_auto(GStrv) lines = NULL;
    g_autofree char *rows = NULL;
    guint others = 0;

    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_prefix (r.out, "rule,level,subject,ref,department,due_on,working_days_over\n"));
    rows = case_rows (r.out);
    g_assert_cmpstr (rows, ==, expected);
    /* The other rows are the ones the office had before. */
    lines = lines_of (r.out);
    for (guint i = 1; lines[i] != NULL; i++)
      if (strstr (lines[i], ",case,") == NULL)
        {
          g_assert_true (g_strv_contains ((const char *const *) baseline, lines[i]));
          others++;
        }
    g_assert_cmpuint (others, ==, g_strv_length (baseline) - 1);
    g_assert_nonnull (strstr (r.err, "scan: 2 raised (2 red)"));
    first_rows = g_strdup (r.out);
  }

  /* Again: the same rows, nothing new raised. */
  {
    g_auto(Run) r = cli (f, "scan", "--today", TODAY, "--format", "csv", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, first_rows);
    g_assert_nonnull (strstr (r.err, "scan: 0 raised"));
  }

  /* JSON: valid, the same rows, each with its alert's id. */
  {
    g_auto(Run) r = cli (f, "scan", "--today", TODAY, "--format", "json", NULL);
    g_auto(GStrv) lines = lines_of (first_rows);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (json_query (f, "SELECT json_valid (?1)", r.out), ==, 1);
    g_assert_cmpint (json_query (f, "SELECT json_type (?1) = 'array'", r.out), ==, 1);
    g_assert_cmpint (json_query (f, "SELECT json_array_length (?1)", r.out), ==, g_strv_length (lines) - 1);
    g_assert_cmpint (json_query (f, "SELECT count(*) FROM json_each (?1) WHERE "
                                    "json_extract (value, '$.rule') = 'overdue-case' AND "
                                    "json_extract (value, '$.level') = 'red' AND "
                                    "json_extract (value, '$.subject') = 'case' AND "
                                    "json_extract (value, '$.ref') = 'C-LATE' AND "
                                    "json_extract (value, '$.due_on') = '2026-10-10' AND "
                                    "json_extract (value, '$.working_days_over') = 35", r.out), ==, 1);
    g_assert_cmpint (json_query (f, "SELECT count(*) FROM json_each (?1) WHERE "
                                    "json_extract (value, '$.rule') = 'unapproved-item' AND "
                                    "json_extract (value, '$.ref') = 'C-UNK' AND "
                                    "json_type (value, '$.due_on') = 'null'", r.out), ==, 1);
    g_assert_cmpint (json_query (f, "SELECT count(*) FROM json_each (?1) WHERE "
                                    "json_extract (value, '$.ref') = 'C-OK'", r.out), ==, 0);
    unk_alert = json_query (f, "SELECT json_extract (value, '$.alert') FROM json_each (?1) "
                               "WHERE json_extract (value, '$.ref') = 'C-UNK'", r.out);
    late_alert = json_query (f, "SELECT json_extract (value, '$.alert') FROM json_each (?1) "
                                "WHERE json_extract (value, '$.ref') = 'C-LATE'", r.out);
  }
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, unk_alert);
    g_autofree char *rule = query_text (f->db, "SELECT a.rule || ' ' || c.case_ref FROM alerts AS a "
                                               "JOIN cases AS c ON c.id = a.subject_id WHERE a.id = ?1", id, NULL);
    g_assert_cmpstr (rule, ==, "unapproved-item C-UNK");
  }

  /* Closed with a reason, the alert is no longer listed, nor raised again. */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, unk_alert);
    static const char *const empty_reason[] = { NULL };
    static const char *const not_open[] = { "no longer open", NULL };

    {
      g_auto(Run) r = cli (f, "alert", "close", id, "  ", NULL);
      assert_failed (&r, 1, empty_reason);
    }
    {
      g_auto(Run) r = cli (f, "alert", "close", id, "事项已在目录中，编码录入有误", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.out, ==, "");
    }
    g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM alerts WHERE id = ?1 AND state = 'closed' "
                                "AND close_reason = '事项已在目录中，编码录入有误' AND updated_on = '" TODAY "'",
                                id, NULL), ==, 1);
    {
      g_auto(Run) r = cli (f, "alert", "close", id, "again", NULL);
      assert_failed (&r, 1, not_open);
    }
  }
  expected_after_close = g_strdup_printf ("overdue-case,red,case,C-LATE,%s,2026-10-10,35", f->dept_name);
  for (int i = 0; i < 2; i++)
    {
      g_auto(Run) r = cli (f, "scan", "--today", TODAY, NULL);
      g_autofree char *rows = case_rows (r.out);

      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (rows, ==, expected_after_close);
    }
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM alerts WHERE rule = 'unapproved-item' "
                              "AND subject = 'case'", NULL, NULL), ==, 1);

  /* show, explain, order, answer on the overdue case's alert. */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, late_alert);
    g_autofree char *order_id = NULL;
    g_autofree char *due = NULL;

    {
      g_auto(Run) r = cli (f, "alert", "show", id, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_str_has_prefix (r.out, "Level: Red\nState: Open\n"));
      g_assert_nonnull (strstr (r.out, "\nCase: C-LATE\n"));
    }
    {
      g_auto(Run) r = cli (f, "alert", "explain", id, "等待专家意见", NULL);
      g_assert_cmpint (r.status, ==, 0);
    }
    g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM alerts WHERE id = ?1 AND state = 'explained' "
                                "AND explanation = '等待专家意见'", id, NULL), ==, 1);
    {
      g_auto(Run) r = cli (f, "alert", "order", id, "5", "三日内作出决定", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_regex_match_simple ("^[1-9][0-9]*\n$", r.out, 0, 0));
      order_id = g_strndup (r.out, strlen (r.out) - 1);
    }
    g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM supervision_orders WHERE id = ?1 AND alert_id = ?2 "
                                "AND issued_on = '" TODAY "' AND limit_days = 5 AND demand = '三日内作出决定' "
                                "AND answered_on IS NULL", order_id, id), ==, 1);
    g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM alerts WHERE id = ?1 AND state = 'ordered'", id, NULL),
                     ==, 1);
    /* 5 working days after Friday 11-27: 11-30, 12-01..12-04. */
    due = query_text (f->db, "SELECT due_on FROM deadlines WHERE subject = 'order' AND kind = 'answer' "
                             "AND subject_id = ?1", order_id, NULL);
    g_assert_cmpstr (due, ==, "2026-12-04");
    {
      g_auto(Run) r = cli (f, "order", "answer", order_id, "已作出决定", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.out, ==, "");
    }
    g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM supervision_orders WHERE id = ?1 "
                                "AND answered_on = '" TODAY "' AND answer = '已作出决定'", order_id, NULL), ==, 1);
    {
      g_auto(Run) r = cli (f, "order", "answer", order_id, "again", NULL);
      assert_failed (&r, 1, NULL);
    }
    {
      g_auto(Run) r = cli (f, "alert", "show", "abc", NULL);
      assert_failed (&r, 1, NULL);
    }
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/intake/cases-reimport", test_cases_reimport);
  ADD ("/intake/cases/csv/quoting", test_cases_csv_quoting);
  ADD ("/intake/cases/csv/line-numbers", test_cases_csv_line_numbers);
  ADD ("/intake/cases/json", test_cases_json);
  ADD ("/intake/cases/bad/csv", test_cases_bad_csv);
  ADD ("/intake/cases/bad/json", test_cases_bad_json);
  ADD ("/intake/cases/bad/keeps-updates", test_cases_all_or_nothing_updates);
  ADD ("/intake/cases/reimport/unchanged", test_cases_reimport_unchanged);
  ADD ("/intake/cases/suspensions/replace-keep", test_cases_suspensions_replace_keep);
  ADD ("/intake/cases/suspensions/move-deadline", test_cases_suspensions_move_deadline);
  ADD ("/intake/cases/suspensions/by-hand", test_cases_add_suspension);
  ADD ("/intake/cases/unknown-item", test_cases_unknown_item);
  ADD ("/intake/petitions/csv", test_petitions_csv);
  ADD ("/intake/petitions/json", test_petitions_json);
  ADD ("/intake/petitions/reimport", test_petitions_reimport);
  ADD ("/intake/petitions/bad", test_petitions_bad);
  ADD ("/intake/petition/next-ref", test_petition_next_ref);
  ADD ("/intake/petition/register", test_petition_register);
  ADD ("/intake/petition/next-ref-gap", test_petition_next_ref_gap);
  ADD ("/intake/petition/close-once", test_petition_close_once);
  ADD ("/intake/departments/list", test_departments_list);
  ADD ("/intake/petitions/yellow-share", test_petitions_yellow_share);
  ADD ("/intake/cases/json-bom", test_json_bom);
  ADD ("/intake/cases/suspension-kinds-by-hand", test_suspension_kinds_by_hand);
  ADD ("/intake/petition/assign-answer-close", test_petition_assign_answer_close);
  ADD ("/intake/petition/get-missing", test_petition_get_missing);
  ADD ("/intake/petitions/list", test_petitions_list);
  ADD ("/intake/cli/import", test_cli_import);
  ADD ("/intake/cli/import-bad", test_cli_import_bad);
  ADD ("/intake/cli/scan", test_cli_scan);
  ADD ("/intake/cli/settings", test_cli_settings);
#undef ADD

  status = g_test_run ();
  if (template_dir != NULL)
    po_test_remove_dir (template_dir);
  g_free (template_dir);
  g_free (template_file);
  return status;
}
