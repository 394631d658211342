/* bench-catalogue.c: loading and searching a province-scale catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by hand, never by the test suite:
 *   _build/tests/bench/bench-catalogue [DB]
 * Without DB, a demo office of 100,000 items is written to a temporary
 * file first (about a minute). Prints each measurement beside the bare
 * SQLite query that reads the same rows, and their ratio.
 */
#include <glib/gstdio.h>
#include <stdio.h>

#include "po-catalogue.h"
#include "po-demo.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
bare_load (PoDatabase *db)
{
  sqlite3_stmt *stmt = po_database_prepare (db,
                                            "SELECT i.id, i.department_id, i.code, i.name, i.type, i.status, d.name, "
                                            "  trim (i.basis_law || ' ' || i.basis_article || ' ' || i.basis_text), "
                                            "  coalesce (i.statutory_limit, 0), coalesce (i.committed_limit, 0) "
                                            "FROM power_items i JOIN departments d ON d.id = i.department_id ORDER BY i.code",
                                            NULL);
  double t0 = now_ms ();
  gsize bytes = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    bytes += (gsize) sqlite3_column_bytes (stmt, 3);
  sqlite3_reset (stmt);
  g_assert (bytes > 0);
  return now_ms () - t0;
}

static double
bare_search (PoDatabase *db,
             const char *text,
             guint      *hits)
{
  sqlite3_stmt *stmt = po_database_prepare (db,
                                            "SELECT id FROM power_items WHERE code LIKE ?1 OR name LIKE ?1 "
                                            "OR (basis_law || ' ' || basis_article || ' ' || basis_text) LIKE ?1",
                                            NULL);
  g_autofree char *pattern = g_strdup_printf ("%%%s%%", text);
  double t0 = now_ms ();

  *hits = 0;
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    (*hits)++;
  sqlite3_reset (stmt);
  return now_ms () - t0;
}

int
main (int   argc,
      char *argv[])
{
  /* What people type, one keystroke at a time. */
  static const char *const typed[] = {
    "许", "许可", "罚", "罚款", "食", "食品", "食品经", "食品经营", "排污", "对销售",
    "x", "xk", "scjg-xk", "第八十", "无照经营", "zz-no-such",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(PoCatalogue) cat = NULL;
  g_autofree char *tmp = NULL;
  double load, bare, worst = 0, worst_bare = 0, total = 0, total_bare = 0;
  const char *worst_query = "";

  if (argc > 1)
    db = po_database_open_existing (argv[1], &error);
  else
    {
      PoDemoOptions options;

      tmp = g_build_filename (g_get_tmp_dir (), "bench-catalogue.db", NULL);
      g_unlink (tmp);
      db = po_database_open (tmp, &error);
      if (db != NULL)
        {
          po_demo_options_init (&options);
          options.items = 100000;
          options.cases = 0;
          options.petitions = 0;
          fprintf (stderr, "writing a demo office of 100,000 items to %s …\n", tmp);
          if (!po_demo_generate (db, &options, NULL, NULL, NULL, &error))
            g_clear_object (&db);
        }
    }
  if (db == NULL)
    {
      fprintf (stderr, "bench-catalogue: %s\n", error->message);
      return 1;
    }

  bare_load (db);   /* warm the page cache for both */
  bare = bare_load (db);
  {
    double t0 = now_ms ();
    cat = po_catalogue_load (db, NULL, &error);
    load = now_ms () - t0;
  }
  g_assert_no_error (error);
  printf ("items: %u\n", po_catalogue_get_n_entries (cat));
  printf ("load:   %8.1f ms   bare SQLite read of the same rows %8.1f ms   ratio %.2f\n", load, bare, load / bare);

  {
    PoCatalogueQuery all = { NULL, NULL, NULL, 0, PO_CATALOGUE_SORT_NAME, FALSE };
    double t0 = now_ms ();
    g_autoptr(GArray) hits = po_catalogue_search (cat, &all, NULL);
    printf ("first sort by name (collation keys made once): %.1f ms for %u rows\n", now_ms () - t0, hits->len);
  }

  printf ("\n%-14s %10s %10s %10s %8s\n", "query", "search ms", "LIKE ms", "hits", "ratio");
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      PoCatalogueQuery q = { typed[i], NULL, NULL, 0, PO_CATALOGUE_SORT_CODE, FALSE };
      g_autoptr(GArray) hits = NULL;
      guint bare_hits = 0;
      double t0 = now_ms ();
      double t, b;

      hits = po_catalogue_search (cat, &q, NULL);
      t = now_ms () - t0;
      b = bare_search (db, typed[i], &bare_hits);
      printf ("%-14s %10.2f %10.2f %10u %8.2f%s\n", typed[i], t, b, hits->len, t / b,
              hits->len == bare_hits ? "" : "   (LIKE folds case of Latin letters differently)");
      total += t;
      total_bare += b;
      if (t > worst)
        {
          worst = t;
          worst_bare = b;
          worst_query = typed[i];
        }
    }
  printf ("\nworst keystroke: %.2f ms (“%s”), bare LIKE scan %.2f ms, ratio %.2f\n",
          worst, worst_query, worst_bare, worst / worst_bare);
  printf ("all keystrokes:  %.2f ms, bare LIKE scans %.2f ms, ratio %.2f\n", total, total_bare, total / total_bare);

  g_clear_object (&db);
  if (tmp)
    g_unlink (tmp);
  return 0;
}
