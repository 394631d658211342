/* test-demo.c: the demo office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "po-audit.h"
#include "po-demo.h"
#include "po-error.h"
#include "po-overview.h"
#include "po-test-util.h"

static PoDemoOptions
small_options (guint32 seed)
{
  PoDemoOptions o;

  po_demo_options_init (&o);
  o.items = 300;
  o.cases = 1500;
  o.petitions = 400;
  o.seed = seed;
  o.today = po_test_date ("2026-11-27");
  return o;
}

static char *
digest (PoDatabase *db)
{
  /* Everything but the audit log, whose times differ between runs. */
  static const char *const queries[] = {
    "SELECT group_concat (code || name || level, '|') FROM (SELECT * FROM departments ORDER BY id)",
    "SELECT group_concat (code || name || type || status || statutory_limit || committed_limit || created_on, '|') "
    "FROM (SELECT * FROM power_items ORDER BY id)",
    "SELECT group_concat (case_ref || item_code || coalesce (onsite_on, '') || accepted_on || coalesce (decided_on, '') "
    "|| coalesce (fine_yuan, '') || steps, '|') FROM (SELECT * FROM cases ORDER BY id)",
    "SELECT group_concat (ref || kind || received_on || coalesce (replied_on, ''), '|') FROM (SELECT * FROM petitions ORDER BY id)",
    "SELECT group_concat (subject || subject_id || kind || due_on, '|') FROM deadlines",
  };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = po_database_prepare (db, queries[i], NULL);

      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_type (stmt, 0), !=, SQLITE_NULL);
      g_checksum_update (sum, sqlite3_column_text (stmt, 0), -1);
      sqlite3_reset (stmt);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
generate (PoDatabase          *db,
          const PoDemoOptions *o)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (po_demo_generate (db, o, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_deterministic (void)
{
  g_autofree char *dir = po_test_make_dir ();
  g_autoptr(PoDatabase) a = po_test_open (dir, "a.db");
  g_autoptr(PoDatabase) b = po_test_open (dir, "b.db");
  g_autoptr(PoDatabase) c = po_test_open (dir, "c.db");
  PoDemoOptions o1 = small_options (42);
  PoDemoOptions o2 = small_options (43);
  g_autofree char *da = NULL, *db_ = NULL, *dc = NULL;

  generate (a, &o1);
  generate (b, &o1);
  generate (c, &o2);
  da = digest (a);
  db_ = digest (b);
  dc = digest (c);
  g_assert_cmpstr (da, ==, db_);
  g_assert_cmpstr (da, !=, dc);

  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  po_test_remove_dir (dir);
}

static void
test_realistic (void)
{
  g_autofree char *dir = po_test_make_dir ();
  g_autoptr(PoDatabase) db = po_test_open (dir, "office.db");
  g_autoptr(GError) error = NULL;
  PoDemoOptions o = small_options (1);
  PoOverview ov;
  gint64 n;

  generate (db, &o);

  g_assert_cmpint (po_database_query_int (db, "SELECT count(*) FROM power_items", NULL), ==, 300);
  g_assert_cmpint (po_database_query_int (db, "SELECT count(*) FROM cases", NULL), ==, 1500);
  g_assert_cmpint (po_database_query_int (db, "SELECT count(*) FROM petitions", NULL), ==, 400);
  /* All nine types, city and county departments, both petition kinds. */
  g_assert_cmpint (po_database_query_int (db, "SELECT count(DISTINCT type) FROM power_items", NULL), ==, 9);
  g_assert_cmpint (po_database_query_int (db, "SELECT count(DISTINCT level) FROM departments", NULL), ==, 2);
  g_assert_cmpint (po_database_query_int (db, "SELECT count(DISTINCT kind) FROM petitions", NULL), ==, 2);
  /* Dates within the year before today, none in the future. */
  g_assert_cmpint (po_database_query_int (db,
    "SELECT count(*) FROM cases WHERE accepted_on < '2025-11-26' OR accepted_on > '2026-11-27' "
    "OR decided_on > '2026-11-27' OR reported_on > '2026-11-27'", NULL), ==, 0);
  /* Penalties carry their on-site date and, once decided, a fine. */
  g_assert_cmpint (po_database_query_int (db,
    "SELECT count(*) FROM cases c JOIN power_items i ON i.id = c.item_id "
    "WHERE i.type = 'penalty' AND c.onsite_on IS NULL", NULL), ==, 0);
  g_assert_cmpint (po_database_query_int (db, "SELECT count(*) FROM cases WHERE fine_yuan > 0", NULL), >, 100);
  /* Chinese names, and a living office: some late, most on time. */
  g_assert_cmpint (po_database_query_int (db, "SELECT count(*) FROM power_items WHERE name LIKE '对%的行政处罚'", NULL), >, 50);

  g_assert_true (po_overview_load (db, o.today, &ov, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov.items_total, ==, 300);
  g_assert_cmpint (ov.cases_total, ==, 1500);
  g_assert_cmpint (ov.reviews_open, >, 0);
  g_assert_cmpint (ov.cases_overdue, >, 0);
  g_assert_cmpint (ov.cases_overdue, <, 300);
  g_assert_cmpint (ov.calendar_last_year, ==, 2026);
  g_assert_false (ov.today_provisional);
  n = 0;
  for (guint i = 0; i < PO_N_ITEM_STATUSES; i++)
    n += ov.items_by_status[i];
  g_assert_cmpint (n, ==, 300);

  /* Every row went through the audit triggers. */
  g_assert_true (po_audit_verify (db, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, >, 300 + 1500 + 400);

  g_clear_object (&db);
  po_test_remove_dir (dir);
}

static void
test_refuses_full_office (void)
{
  g_autofree char *dir = po_test_make_dir ();
  g_autoptr(PoDatabase) db = po_test_open (dir, "office.db");
  g_autoptr(GError) error = NULL;
  PoDemoOptions o = small_options (1);
  gint64 audit;

  generate (db, &o);
  audit = po_audit_count (db, NULL);
  g_assert_false (po_demo_generate (db, &o, NULL, NULL, NULL, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_assert_cmpint (po_audit_count (db, NULL), ==, audit);

  g_clear_object (&db);
  po_test_remove_dir (dir);
}

static void
cancel_at_half (double   fraction,
                gpointer user_data)
{
  if (fraction > 0.5)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autofree char *dir = po_test_make_dir ();
  g_autoptr(PoDatabase) db = po_test_open (dir, "office.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  PoDemoOptions o = small_options (1);
  gint64 audit = po_audit_count (db, NULL);

  o.cases = 20000;
  g_assert_false (po_demo_generate (db, &o, cancellable, cancel_at_half, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Nothing half-written. */
  g_assert_cmpint (po_database_query_int (db, "SELECT count(*) FROM departments", NULL), ==, 0);
  g_assert_cmpint (po_database_query_int (db, "SELECT count(*) FROM cases", NULL), ==, 0);
  g_assert_cmpint (po_audit_count (db, NULL), ==, audit);

  g_clear_object (&db);
  po_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/realistic", test_realistic);
  g_test_add_func ("/demo/refuses-full-office", test_refuses_full_office);
  g_test_add_func ("/demo/cancel", test_cancel);

  return g_test_run ();
}
