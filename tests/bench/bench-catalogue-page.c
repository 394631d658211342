/* bench-catalogue-page.c: search as you type in the catalogue page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by hand under a display, never by the test suite:
 *   xvfb-run -a _build/tests/bench/bench-catalogue-page DB
 * with DB a large office (power-oversight-cli demo --items 100000 --cases 0
 * --petitions 0). Prints, per keystroke, the search time on the worker,
 * the time until the list shows the result, and the longest stall of the
 * main loop (wall time and main-thread CPU), beside the bare SQLite query.
 *
 * A stall is never shorter than a frame of the window, and what a frame
 * costs depends on the renderer more than on the page: without a GPU,
 * GTK's GL renderer runs on llvmpipe, and under Xvfb a frame of this
 * window took some 15 ms however little had changed. So the bench first
 * measures that floor, the stall of changing one character in a label
 * under the page, and names the renderer. GSK_RENDERER=cairo draws on
 * the main thread, and only what changed.
 */
#include "config.h"
#include <adwaita.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "po-catalogue.h"
#include "po-catalogue-page.h"

static gint64 last_tick;
static gint64 max_gap;
static gint64 last_cpu;
static gint64 max_cpu;

/* Where the worst frame spent its time, phase by phase. A frame is one
 * dispatch of the main loop, so it began after the last tick; a phase
 * nobody asked for is not run, and counts 0. */
static gint64 phase_start, phase_us[4], frame_worst, frame_worst_phases[4];
static gboolean in_frame;

static void
on_phase_end_cb (GdkFrameClock *clock, gpointer phase)
{
  gint64 now = g_get_monotonic_time ();
  if (!in_frame)
    {
      memset (phase_us, 0, sizeof phase_us);
      phase_start = last_tick;
      in_frame = TRUE;
    }
  phase_us[GPOINTER_TO_INT (phase)] = now - phase_start;
  phase_start = now;
  if (GPOINTER_TO_INT (phase) == 3)
    {
      in_frame = FALSE;
      if (last_tick != 0 && now - last_tick > frame_worst)
        {
          frame_worst = now - last_tick;
          memcpy (frame_worst_phases, phase_us, sizeof phase_us);
        }
    }
}

static int
compare_gint64 (const void *a, const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();
  if (last_tick && now - last_tick > max_gap)
    max_gap = now - last_tick;
  if (last_tick && cpu - last_cpu > max_cpu)
    max_cpu = cpu - last_cpu;
  last_tick = now;
  last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
run_until_idle (PoCataloguePage *page, guint before)
{
  while (po_catalogue_page_get_n_results (page) <= before || po_catalogue_page_get_busy (page))
    g_main_context_iteration (NULL, TRUE);
}

static void
run_for (int ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (500);
}

static double
sql_ms (PoDatabase *db, const char *word)
{
  sqlite3_stmt *stmt = po_database_prepare (db, "SELECT count(*) FROM power_items WHERE instr (code, ?1) OR instr (name, ?1) "
                                                "OR instr (basis_law, ?1) OR instr (basis_article, ?1) OR instr (basis_text, ?1)", NULL);
  gint64 t = g_get_monotonic_time ();
  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_TRANSIENT);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return (g_get_monotonic_time () - t) / 1000.0;
}

/* Types narrowing words, a new word, a typo that matches nothing and
 * back, clearing, then four fast keystrokes. In the first pass, each
 * keystroke also pays for what is drawn for the first time (glyphs,
 * icons, rows built again after an empty list); the second pass types
 * the same again. */
static void
type_keystrokes (PoCataloguePage *page,
                 gboolean         first_pass,
                 double          *worst_update,
                 gint64          *worst_stall,
                 gint64          *worst_cpu,
                 gint64          *first_stall)
{
  const char *sequences[][4] = { { "许", "许可", "许可证", NULL }, { "罚", "罚款", NULL }, { "处", "处罚", NULL },
                                 { "处罚zz", "处罚", NULL }, { "", NULL } };
  const char *fast[] = { "行", "行政", "行政许", "行政许可", NULL };
  GtkEditable *entry = po_catalogue_page_get_search_entry (page);
  guint before;

  for (guint s = 0; s < G_N_ELEMENTS (sequences); s++)
    for (guint k = 0; sequences[s][k]; k++)
      {
        double search_ms, update_ms;
        before = po_catalogue_page_get_n_results (page);
        max_gap = 0; max_cpu = 0; frame_worst = 0;
        if (g_getenv ("BENCH_MARKS"))
          g_print ("mark %s %.6f\n", sequences[s][k], g_get_monotonic_time () / 1e6);
        gtk_editable_set_text (entry, sequences[s][k]);
        run_until_idle (page, before);
        run_for (100);
        po_catalogue_page_get_timings (page, &search_ms, &update_ms);
        *worst_update = MAX (*worst_update, update_ms);
        if (first_pass && s == 0 && k == 0)
          *first_stall = max_gap;
        else
          {
            *worst_stall = MAX (*worst_stall, max_gap);
            *worst_cpu = MAX (*worst_cpu, max_cpu);
          }
        g_print ("type %-8s → %6u rows: search %.1f ms (worker), keystroke→list %.1f ms, longest main-loop stall %.1f ms wall, %.1f ms main-thread CPU\n",
                 sequences[s][k][0] ? sequences[s][k] : "(clear)", g_list_model_get_n_items (po_catalogue_page_get_model (page)),
                 search_ms, update_ms, max_gap / 1000.0, max_cpu / 1000.0);
        g_print ("    longest frame %.1f ms: until update done %.1f, layout %.1f, paint %.1f, after-paint %.1f\n", frame_worst / 1000.0,
                 frame_worst_phases[0] / 1000.0, frame_worst_phases[1] / 1000.0, frame_worst_phases[2] / 1000.0, frame_worst_phases[3] / 1000.0);
      }

  /* Fast typing: one character every 40 ms without waiting. */
  before = po_catalogue_page_get_n_results (page);
  max_gap = 0; max_cpu = 0;
  for (int i = 0; fast[i]; i++)
    {
      gtk_editable_set_text (entry, fast[i]);
      run_for (40);
    }
  run_until_idle (page, before);
  run_for (100);
  g_print ("fast typing 4 keystrokes 40 ms apart: %u results shown, longest stall %.1f ms wall, %.1f ms main-thread CPU\n",
           po_catalogue_page_get_n_results (page) - before, max_gap / 1000.0, max_cpu / 1000.0);
  *worst_stall = MAX (*worst_stall, max_gap);
  *worst_cpu = MAX (*worst_cpu, max_cpu);

  /* Back to the whole list for the next pass. */
  before = po_catalogue_page_get_n_results (page);
  gtk_editable_set_text (entry, "");
  run_until_idle (page, before);
  run_for (100);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  PoDatabase *db;
  const char *words[] = { "许", "罚", "许可", "处罚", "罚款", "行政许可", "食品", "zz", NULL };
  PoCatalogue *cat;
  gint64 t;
  GtkWidget *window, *overlay, *box, *probe;
  PoCataloguePage *page;

  setvbuf (stdout, NULL, _IONBF, 0);
  gtk_init ();
  adw_init ();
  db = po_database_open (argv[1], &error);
  g_assert_no_error (error);

  for (int r = 0; r < 3; r++)
    {
      PoDatabase *copy;
      t = g_get_monotonic_time ();
      copy = po_database_dup (db, NULL);
      g_print ("po_database_dup on the main thread: %.2f ms\n", (g_get_monotonic_time () - t) / 1000.0);
      g_object_unref (copy);
    }
  t = g_get_monotonic_time ();
  cat = po_catalogue_load (db, NULL, &error);
  g_print ("po_catalogue_load: %u items in %.0f ms\n", po_catalogue_get_n_entries (cat), (g_get_monotonic_time () - t) / 1000.0);

  for (int i = 0; words[i]; i++)
    {
      double best = 1e9, worst = 0;
      guint n = 0;
      for (int r = 0; r < 10; r++)
        {
          PoCatalogueQuery q = { .text = words[i] };
          GArray *a;
          double ms;
          t = g_get_monotonic_time ();
          a = po_catalogue_search (cat, &q, NULL);
          ms = (g_get_monotonic_time () - t) / 1000.0;
          best = MIN (best, ms); worst = MAX (worst, ms); n = a->len;
          g_array_unref (a);
        }
      g_print ("search %-10s %6u hits: %.1f–%.1f ms; bare SQLite instr() query %.1f ms\n", words[i], n, best, worst, sql_ms (db, words[i]));
    }
  {
    PoCatalogueQuery q = { .text = NULL, .sort = PO_CATALOGUE_SORT_NAME };
    for (int r = 0; r < 2; r++)
      {
        GArray *a;
        t = g_get_monotonic_time ();
        a = po_catalogue_search (cat, &q, NULL);
        g_print ("sort all by name (%s): %.1f ms\n", r == 0 ? "first, builds collation keys" : "again", (g_get_monotonic_time () - t) / 1000.0);
        g_array_unref (a);
      }
    q.sort = PO_CATALOGUE_SORT_STATUTORY; q.descending = TRUE;
    t = g_get_monotonic_time ();
    g_array_unref (po_catalogue_search (cat, &q, NULL));
    g_print ("sort all by statutory limit: %.1f ms\n", (g_get_monotonic_time () - t) / 1000.0);
  }

  /* The page */
  t = g_get_monotonic_time ();
  page = PO_CATALOGUE_PAGE (po_catalogue_page_new (db));
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (overlay, TRUE);
  gtk_box_append (GTK_BOX (box), overlay);
  probe = gtk_label_new ("0");
  gtk_box_append (GTK_BOX (box), probe);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  run_until_idle (page, 0);
  g_print ("page: load and show %u items: %.0f ms\n", g_list_model_get_n_items (po_catalogue_page_get_model (page)), (g_get_monotonic_time () - t) / 1000.0);
  run_for (500);
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
    g_signal_connect_after (clock, "update", G_CALLBACK (on_phase_end_cb), GINT_TO_POINTER (0));
    g_signal_connect_after (clock, "layout", G_CALLBACK (on_phase_end_cb), GINT_TO_POINTER (1));
    g_signal_connect_after (clock, "paint", G_CALLBACK (on_phase_end_cb), GINT_TO_POINTER (2));
    g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_phase_end_cb), GINT_TO_POINTER (3));
  }

  g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, NULL, NULL);

  /* The floor: what any frame costs here. */
  {
    gint64 floors[7];
    for (guint r = 0; r < G_N_ELEMENTS (floors); r++)
      {
        char digit[2] = { (char) ('1' + r), 0 };
        run_for (30);
        max_gap = 0; max_cpu = 0;
        gtk_label_set_text (GTK_LABEL (probe), digit);
        run_for (60);
        floors[r] = max_gap;
      }
    qsort (floors, G_N_ELEMENTS (floors), sizeof floors[0], compare_gint64);
    g_print ("renderer %s; floor (one character changed under the page): stall %.1f ms median, %.1f–%.1f ms\n",
             G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
             floors[G_N_ELEMENTS (floors) / 2] / 1000.0, floors[0] / 1000.0, floors[G_N_ELEMENTS (floors) - 1] / 1000.0);
  }
  {
    double worst_update[2] = { 0, 0 };
    gint64 worst_stall[2] = { 0, 0 }, worst_cpu[2] = { 0, 0 }, first_stall = 0;
    for (guint pass = 0; pass < 2; pass++)
      {
        g_print ("%s pass:\n", pass == 0 ? "First" : "Second");
        type_keystrokes (page, pass == 0, &worst_update[pass], &worst_stall[pass], &worst_cpu[pass], &first_stall);
      }
    g_print ("worst keystroke→list: %.1f ms, then %.1f ms\n", worst_update[0], worst_update[1]);
    g_print ("worst keystroke stall, first pass after its first keystroke: %.1f ms wall, %.1f ms main-thread CPU; first keystroke: %.1f ms\n",
             worst_stall[0] / 1000.0, worst_cpu[0] / 1000.0, first_stall / 1000.0);
    g_print ("worst keystroke stall, second pass: %.1f ms wall, %.1f ms main-thread CPU\n", worst_stall[1] / 1000.0, worst_cpu[1] / 1000.0);
  }
  return 0;
}
