/* bench-intake.c: importing a million case rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by hand, never by the test suite:
 *   _build/tests/bench/bench-intake [ROWS]
 * Writes a demo office of 2,000 items to a temporary folder and a CSV of
 * ROWS cases (default 1,000,000) for its items, then times: reading the
 * file and inserting its fields into a bare table (no checks, no audit,
 * no deadlines), the import proper, and importing the same file again
 * (every row unchanged).
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "po-demo.h"
#include "po-intake.h"
#include "po-records.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this process, so that a loaded machine does not hide
 * what the work itself costs. */
static double
cpu_ms (void)
{
  struct rusage u;

  getrusage (RUSAGE_SELF, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
}

static const char *const columns[] = {
  "case_ref", "item_code", "department", "onsite_on", "entered_on", "accepted_on",
  "decided_on", "reported_on", "closed_on", "fine_yuan", "tier", "steps", NULL
};

static gboolean
bare_insert (const PoRecord  *record,
             gpointer         user_data,
             GError         **error)
{
  PoDatabase *db = user_data;
  sqlite3_stmt *stmt = po_database_prepare (db,
                                            "INSERT INTO temp.bare VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  for (int i = 0; columns[i] != NULL; i++)
    sqlite3_bind_text (stmt, i + 1, po_record_get (record, columns[i]), -1, SQLITE_TRANSIENT);
  return po_database_step_done (db, stmt, error);
}

static char *
write_csv (PoDatabase *db,
           const char *dir,
           guint       rows,
           PoDate      today)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) depts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) penalty = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "cases.csv", NULL);
  sqlite3_stmt *stmt;

  stmt = po_database_prepare (db,
                              "SELECT i.code, d.code, i.type = 'penalty' FROM power_items i "
                              "JOIN departments d ON d.id = i.department_id WHERE i.status = 'published'",
                              NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean p = sqlite3_column_int (stmt, 2);

      g_ptr_array_add (items, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (depts, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_array_append_val (penalty, p);
    }
  sqlite3_reset (stmt);

  for (guint c = 0; columns[c]; c++)
    g_string_append_printf (out, "%s%s", c ? "," : "", columns[c]);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < rows; i++)
    {
      guint k = (guint) g_rand_int_range (rand, 0, (gint32) items->len);
      gboolean p = g_array_index (penalty, gboolean, k);
      PoDate start = today - g_rand_int_range (rand, 30, 365);
      char a[11], b[11], c[11];

      po_date_format_buf (start, a);
      po_date_format_buf (start + 1, b);
      po_date_format_buf (start + g_rand_int_range (rand, 3, 25), c);
      g_string_append_printf (out, "B%07u,%s,%s,%s,%s,%s,%s,%s,,%s,%s,%s\n", i,
                              (const char *) g_ptr_array_index (items, k), (const char *) g_ptr_array_index (depts, k),
                              p ? a : "", b, b, c, c, p ? "2000" : "", p ? "一般" : "",
                              p ? "立案>调查取证>审查>告知>决定>送达" : "申请>受理>审查>决定>准予许可>送达");
    }
  if (!g_file_set_contents (path, out->str, (gssize) out->len, &error))
    g_error ("%s", error->message);
  printf ("%u case rows, %.1f MB of CSV\n", rows, out->len / 1e6);
  return path;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoDatabase) db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  PoDemoOptions options;
  PoIntakeSummary s;
  PoRecordFormat format = { columns, NULL, NULL, "cases" };
  guint rows = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  gsize length;
  double t0, c0, bare, import, again, bare_cpu, import_cpu, again_cpu;

  dir = g_dir_make_tmp ("bench-intake-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "office.db", NULL);
  db = po_database_open (path, &error);
  g_assert_no_error (error);
  po_demo_options_init (&options);
  options.items = 2000;
  options.cases = 0;
  options.petitions = 0;
  if (!po_demo_generate (db, &options, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  csv = write_csv (db, dir, rows, options.today);

  /* Bare: parse the file and insert its text into a table without rules. */
  g_assert_true (g_file_get_contents (csv, &text, &length, NULL));
  g_assert_true (po_database_exec (db,
                                   "CREATE TEMP TABLE bare (case_ref, item_code, department, onsite_on, entered_on, "
                                   "accepted_on, decided_on, reported_on, closed_on, fine_yuan, tier, steps); BEGIN",
                                   NULL));
  t0 = now_ms ();
  c0 = cpu_ms ();
  if (!po_records_read_csv (text, length, csv, &format, bare_insert, db, &error))
    g_error ("%s", error->message);
  g_assert_true (po_database_exec (db, "COMMIT", NULL));
  bare = now_ms () - t0;
  bare_cpu = cpu_ms () - c0;
  g_clear_pointer (&text, g_free);
  printf ("%-44s %8.0f ms  ×%5.2f   (CPU %.0f ms)\n", "read + bare insert (no checks, audit, deadlines)", bare, 1.0,
          bare_cpu);

  t0 = now_ms ();
  c0 = cpu_ms ();
  if (!po_database_begin (db, &error) ||
      !po_intake_import_file (db, "cases", csv, options.today, &s, NULL, NULL, NULL, &error) ||
      !po_database_commit (db, &error))
    g_error ("%s", error->message);
  import = now_ms () - t0;
  import_cpu = cpu_ms () - c0;
  printf ("%-44s %8.0f ms  ×%5.2f   (CPU %.0f ms, ×%.2f)  %u new\n", "cases import", import, import / bare,
          import_cpu, import_cpu / bare_cpu, s.created);

  t0 = now_ms ();
  c0 = cpu_ms ();
  if (!po_database_begin (db, &error) ||
      !po_intake_import_file (db, "cases", csv, options.today, &s, NULL, NULL, NULL, &error) ||
      !po_database_commit (db, &error))
    g_error ("%s", error->message);
  again = now_ms () - t0;
  again_cpu = cpu_ms () - c0;
  printf ("%-44s %8.0f ms  ×%5.2f   (CPU %.0f ms, ×%.2f)  %u unchanged\n", "the same file again", again,
          again / bare, again_cpu, again_cpu / bare_cpu, s.unchanged);
  printf ("audit log entries: %lld\n", (long long) po_database_query_int (db, "SELECT count(*) FROM audit_log", NULL));

  g_clear_object (&db);
  {
    const char *files[] = { "office.db", "office.db-wal", "office.db-shm", "cases.csv" };
    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *f = g_build_filename (dir, files[i], NULL);
        g_unlink (f);
      }
  }
  g_rmdir (dir);
  return 0;
}
