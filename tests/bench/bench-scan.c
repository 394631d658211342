/* bench-scan.c: the supervision scan over a province-scale office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by hand, never by the test suite:
 *   _build/src/cli/power-oversight-cli --db /tmp/big.db demo --items 100000 --cases 1000000 --petitions 100000
 *   _build/tests/bench/bench-scan /tmp/big.db [TODAY]
 * Works on a copy of DB. Prints the time SQLite needs just to read the
 * columns the rules involve, then a first scan (raising every alert), a
 * rescan the same day (changing nothing) and a scan the next day
 * (lateness grows), each with its ratio to that bare read.
 */
#include <glib/gstdio.h>
#include <stdio.h>

#include "po-supervision.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The columns the rules read, without the rules. */
static const char *const bare_sql[] = {
  "SELECT count(*), max (d.due_on), max (d.start_on), max (d.days), max (t.entered_on), max (t.department_id) "
  "FROM deadlines d JOIN cases t ON t.id = d.subject_id WHERE d.kind = 'entry' AND d.subject = 'case'",
  "SELECT count(*), max (d.due_on), max (d.start_on), max (d.days), max (t.reported_on), max (t.department_id) "
  "FROM deadlines d JOIN cases t ON t.id = d.subject_id WHERE d.kind = 'report' AND d.subject = 'case'",
  "SELECT count(*), max (d.due_on), max (d.start_on), max (d.days), max (t.decided_on), max (t.department_id) "
  "FROM deadlines d JOIN cases t ON t.id = d.subject_id WHERE d.kind = 'decision' AND d.subject = 'case'",
  "SELECT count(*), max (d.due_on), max (d.start_on), max (d.days), max (t.replied_on), max (t.kind) "
  "FROM deadlines d JOIN petitions t ON t.id = d.subject_id WHERE d.kind = 'reply' AND d.subject = 'petition'",
  "SELECT count(*), max (d.due_on), max (t.filed_on), max (t.decided_on), max (t.state) "
  "FROM deadlines d JOIN review_requests t ON t.id = d.subject_id WHERE d.subject = 'review'",
  "SELECT count(*), max (c.item_id), max (c.accepted_on), max (c.onsite_on), max (c.entered_on), "
  "  max (c.decided_on), max (c.closed_on), max (c.steps), max (c.fine_yuan), max (c.tier) FROM cases c",
  "SELECT count(*), max (state), max (level), max (rule), max (subject_id) FROM alerts",
};

static double
bare_read (PoDatabase *db)
{
  double t0 = now_ms ();

  for (guint i = 0; i < G_N_ELEMENTS (bare_sql); i++)
    g_assert (po_database_query_int (db, bare_sql[i], NULL) >= 0);
  return now_ms () - t0;
}

static double
timed_scan (PoDatabase    *db,
            PoDate         today,
            PoScanSummary *summary)
{
  g_autoptr(GError) error = NULL;
  PoScanOptions options;
  double t0;

  po_scan_options_init (&options, today);
  t0 = now_ms ();
  if (!po_supervision_scan (db, &options, summary, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  return now_ms () - t0;
}

static void
report (const char          *what,
        double               ms,
        double               bare,
        const PoScanSummary *s)
{
  printf ("%-34s %9.0f ms  ×%5.2f   raised %u (red %u), updated %u, superseded %u, resolved %u, open %u\n",
          what, ms, ms / bare, s->raised, s->raised_red, s->updated, s->superseded, s->resolved, s->open);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoDatabase) source = NULL;
  g_autoptr(PoDatabase) db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *vacuum = NULL;
  PoScanSummary s;
  PoDate today;
  double bare, ms;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-scan DB [TODAY]\n");
      return 2;
    }
  today = argc > 2 ? po_date_parse (argv[2], &error) : po_date_today ();
  if (today == PO_DATE_INVALID)
    g_error ("%s", error->message);

  dir = g_dir_make_tmp ("bench-scan-XXXXXX", &error);
  g_assert_no_error (error);
  copy = g_build_filename (dir, "office.db", NULL);
  source = po_database_open_existing (argv[1], &error);
  if (source == NULL)
    g_error ("%s", error->message);
  vacuum = g_strdup_printf ("VACUUM INTO '%s'", copy);
  if (!po_database_exec (source, vacuum, &error))
    g_error ("%s", error->message);
  g_clear_object (&source);
  db = po_database_open_existing (copy, &error);
  g_assert_no_error (error);

  printf ("cases %lld, petitions %lld, review requests %lld, deadlines %lld, alerts before %lld\n",
          (long long) po_database_query_int (db, "SELECT count(*) FROM cases", NULL),
          (long long) po_database_query_int (db, "SELECT count(*) FROM petitions", NULL),
          (long long) po_database_query_int (db, "SELECT count(*) FROM review_requests", NULL),
          (long long) po_database_query_int (db, "SELECT count(*) FROM deadlines", NULL),
          (long long) po_database_query_int (db, "SELECT count(*) FROM alerts", NULL));

  bare_read (db);   /* warm the cache */
  bare = bare_read (db);
  printf ("%-34s %9.0f ms  ×%5.2f\n", "bare read of the columns involved", bare, 1.0);

  ms = timed_scan (db, today, &s);
  report ("first scan (raises every alert)", ms, bare, &s);
  ms = timed_scan (db, today, &s);
  report ("rescan, same day (changes nothing)", ms, bare, &s);
  ms = timed_scan (db, today + 1, &s);
  report ("scan the next day", ms, bare, &s);
  bare = bare_read (db);
  printf ("%-34s %9.0f ms  (with the alerts now there)\n", "bare read again", bare);

  g_clear_object (&db);
  for (const char *suffix = ""; suffix != NULL; suffix = *suffix ? NULL : "-wal")
    {
      g_autofree char *file = g_strconcat (copy, suffix, NULL);
      g_unlink (file);
    }
  {
    g_autofree char *shm = g_strconcat (copy, "-shm", NULL);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
