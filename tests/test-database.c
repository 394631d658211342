/* test-database.c: opening, migrating and refusing databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "po-audit.h"
#include "po-error.h"
#include "po-test-util.h"

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
  sqlite3_close (db);
}

static void
test_create (void)
{
  g_autofree char *dir = po_test_make_dir ();
  g_autoptr(PoDatabase) db = po_test_open (dir, "sub/office.db");
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_assert_true (po_database_was_created (db));
  g_assert_cmpint (po_database_get_version (db), ==, PO_SCHEMA_VERSION);
  g_assert_cmpint (po_database_query_int (db, "PRAGMA foreign_keys", NULL), ==, 1);
  g_assert_cmpint (po_database_query_int (db, "PRAGMA user_version", NULL), ==, PO_SCHEMA_VERSION);

  stmt = po_database_prepare (db, "PRAGMA journal_mode", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_reset (stmt);

  /* The whole domain is there. */
  {
    static const char *const tables[] = {
      "departments", "posts", "power_items", "power_item_versions", "review_requests",
      "discretion_benchmarks", "discretion_tiers", "flowcharts", "flow_nodes", "flow_edges",
      "cases", "case_suspensions", "petitions", "alerts", "supervision_orders",
      "accountability_records", "calendar_years", "calendar_exceptions", "deadlines", "audit_log",
    };
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        stmt = po_database_prepare (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1", NULL);
        sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
        sqlite3_reset (stmt);
      }
  }

  g_clear_object (&db);
  db = po_test_open (dir, "sub/office.db");
  g_assert_false (po_database_was_created (db));
  g_clear_object (&db);
  {
    g_autofree char *sub = g_build_filename (dir, "sub", NULL);
    po_test_remove_dir (sub);
  }
  po_test_remove_dir (dir);
}

static void
assert_refused (const char *path,
                int         code,
                const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoDatabase) db = po_database_open (path, &error);

  g_assert_null (db);
  g_assert_error (error, PO_ERROR, code);
  g_assert_nonnull (strstr (error->message, says));
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = po_test_make_dir ();
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (text, "这不是数据库。This is not a database, just some text long enough.\n", -1, NULL));
  assert_refused (text, PO_ERROR_NOT_A_DATABASE, "notes.txt");
  /* …and left as it was. */
  g_assert_true (g_file_get_contents (text, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "这不是数据库"));

  raw_exec (other, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');");
  assert_refused (other, PO_ERROR_NOT_A_DATABASE, "another program");

  assert_refused (dir, PO_ERROR_NOT_A_DATABASE, "folder");
  po_test_remove_dir (dir);
}

static void
test_too_new (void)
{
  g_autofree char *dir = po_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  g_autoptr(PoDatabase) db = po_test_open (dir, "office.db");
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", PO_SCHEMA_VERSION + 1);

  g_assert_true (po_database_exec (db, pragma, NULL));
  g_clear_object (&db);

  assert_refused (path, PO_ERROR_TOO_NEW, "newer");
  po_test_remove_dir (dir);
}

/* A database written by the first schema keeps its rows when the
 * current program opens it, and gains what later migrations add. */
static void
test_migrate_from_1 (void)
{
  g_autofree char *dir = po_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PoDatabase) db = po_database_open_at_version (path, 1, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  g_assert_cmpint (po_database_get_version (db), ==, 1);
  g_assert_cmpint (po_database_query_int (db, "SELECT count(*) FROM calendar_years", NULL), ==, 0);
  g_assert_true (po_database_exec (db, "INSERT INTO departments (code, name) VALUES ('OLD', '旧版本写入的部门')", &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  db = po_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (po_database_get_version (db), ==, PO_SCHEMA_VERSION);
  g_assert_false (po_database_was_created (db));
  g_assert_cmpint (po_database_query_int (db, "SELECT count(*) FROM departments WHERE code = 'OLD'", NULL), ==, 1);
  g_assert_cmpint (po_database_query_int (db, "SELECT count(*) FROM calendar_years", NULL), ==, 2026 - 2004 + 1);
  g_assert_true (po_audit_verify (db, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, >, 1);
  g_clear_object (&db);
  po_test_remove_dir (dir);
}

static void
test_constraints (void)
{
  static const char *const bad[] = {
    /* committed above statutory */
    "INSERT INTO power_items (code, name, type, department_id, created_on, statutory_limit, committed_limit) "
    "VALUES ('X1', '事项', 'license', 1, '2026-01-05', 10, 20)",
    /* not a day */
    "INSERT INTO power_items (code, name, type, department_id, created_on) "
    "VALUES ('X2', '事项', 'license', 1, '2026-02-30')",
    /* unknown type */
    "INSERT INTO power_items (code, name, type, department_id, created_on) "
    "VALUES ('X3', '事项', 'magic', 1, '2026-01-05')",
    /* unknown department */
    "INSERT INTO power_items (code, name, type, department_id, created_on) "
    "VALUES ('X4', '事项', 'license', 99, '2026-01-05')",
    /* a limit of zero working days */
    "INSERT INTO power_items (code, name, type, department_id, created_on, statutory_limit) "
    "VALUES ('X5', '事项', 'license', 1, '2026-01-05', 0)",
    /* replied before received */
    "INSERT INTO petitions (ref, kind, department_id, received_on, replied_on) "
    "VALUES ('P1', 'complaint', 1, '2026-03-02', '2026-03-01')",
  };
  g_autofree char *dir = po_test_make_dir ();
  g_autoptr(PoDatabase) db = po_test_open (dir, "office.db");

  g_assert_true (po_database_exec (db, "INSERT INTO departments (code, name) VALUES ('D', '市测试局')", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      if (po_database_exec (db, bad[i], &error))
        g_error ("accepted: %s", bad[i]);
      g_assert_error (error, PO_ERROR, PO_ERROR_CONSTRAINT);
    }
  g_assert_cmpint (po_database_query_int (db, "SELECT count(*) FROM power_items", NULL), ==, 0);
  g_clear_object (&db);
  po_test_remove_dir (dir);
}

static void
test_dup (void)
{
  g_autofree char *dir = po_test_make_dir ();
  g_autoptr(PoDatabase) db = po_test_open (dir, "office.db");
  g_autoptr(PoDatabase) copy = NULL;
  g_autoptr(GError) error = NULL;

  po_database_set_actor (db, "张三");
  copy = po_database_dup (db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (po_database_get_actor (copy), ==, "张三");
  g_assert_true (po_database_exec (db, "INSERT INTO departments (code, name) VALUES ('D', '市测试局')", NULL));
  g_assert_cmpint (po_database_query_int (copy, "SELECT count(*) FROM departments", NULL), ==, 1);
  g_assert_cmpint (po_database_query_int (copy, "SELECT count(*) FROM audit_log WHERE actor = '张三'", NULL), ==, 1);
  g_clear_object (&copy);
  g_clear_object (&db);
  po_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/create", test_create);
  g_test_add_func ("/database/refuse/not-a-database", test_not_a_database);
  g_test_add_func ("/database/refuse/too-new", test_too_new);
  g_test_add_func ("/database/migrate/from-1", test_migrate_from_1);
  g_test_add_func ("/database/constraints", test_constraints);
  g_test_add_func ("/database/dup", test_dup);

  return g_test_run ();
}
