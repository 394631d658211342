/* test-intake.c: cases and petitions from the departments' systems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "po-demo.h"
#include "po-error.h"
#include "po-intake.h"
#include "po-test-util.h"

typedef struct
{
  char       *dir;
  PoDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoDemoOptions o = { .items = 60, .cases = 0, .petitions = 0, .seed = 7 };

  o.today = po_test_date ("2026-11-27");
  f->dir = po_test_make_dir ();
  f->db = po_test_open (f->dir, "office.db");
  g_assert_true (po_demo_generate (f->db, &o, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  po_test_remove_dir (f->dir);
  g_free (f->dir);
}

static const char header[] =
  "case_ref,item_code,department,onsite_on,entered_on,accepted_on,decided_on,reported_on,closed_on,fine_yuan,tier,steps\n";

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

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/intake/cases-reimport", Fixture, NULL, fixture_set_up, test_cases_reimport, fixture_tear_down);

  return g_test_run ();
}
