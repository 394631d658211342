/* bench-flowchart.c: laying out, drawing and validating a large chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by hand: build/tests/bench/bench-flowchart [RUNS]. A chart of 200
 * nodes and 300 edges: our layout (Graphviz through libgvc) and drawing
 * (cairo, to SVG, PDF and PNG) beside the time `dot -Tsvg` takes on the
 * same graph written as a .gv file, and validation. Prints medians in
 * milliseconds and the ratios.
 */
#include <glib/gstdio.h>
#include <stdio.h>

#include "po-flowchart.h"

#define N_NODES 200
#define N_EDGES 300

static PoFlowchart *
big_chart (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PoFlowchart *chart = po_flowchart_new (PO_FLOWCHART_EXTERNAL);
  guint ids[N_NODES];
  guint edges = 0;

  for (guint i = 0; i < N_NODES; i++)
    {
      PoFlowNodeKind kind = i == 0 ? PO_FLOW_NODE_START
                          : i == N_NODES - 1 ? PO_FLOW_NODE_END
                          : i % 10 == 5 ? PO_FLOW_NODE_DECISION
                          : PO_FLOW_NODE_STEP;
      g_autofree char *label = g_strdup_printf ("第%u步：审查申请材料并提出意见", i + 1);

      ids[i] = po_flowchart_add_node (chart, kind, label);
      if (kind == PO_FLOW_NODE_STEP)
        po_flowchart_set_node_time_limit (chart, ids[i], 0);
    }

  /* The main line, then forward branches near it, then a few returns. */
  for (guint i = 0; i + 1 < N_NODES; i++, edges++)
    {
      g_hash_table_add (pairs, g_strdup_printf ("%u-%u", i, i + 1));
      po_flowchart_connect (chart, ids[i], ids[i + 1], i % 10 == 5 ? "符合" : NULL, FALSE);
    }
  while (edges < N_EDGES)
    {
      guint from = (guint) g_rand_int_range (rand, 1, N_NODES - 2);
      gboolean back = edges % 10 == 0;
      guint step = (guint) g_rand_int_range (rand, back ? 1 : 2, back ? (gint32) MIN (from, 5) + 1 : 7);
      guint to = back ? from - step : MIN (from + step, N_NODES - 1);
      char *key = g_strdup_printf ("%u-%u", from, to);

      if (to == 0 || to == from || g_hash_table_contains (pairs, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (pairs, key);
      po_flowchart_connect (chart, ids[from], ids[to],
                            back ? "补正" : from % 10 == 5 ? "不符合" : NULL, back);
      edges++;
    }
  return chart;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

typedef gboolean (*Work) (PoFlowchart *chart, gpointer data);

/* Milliseconds, the median of @runs. */
static double
measure (PoFlowchart *chart,
         guint        runs,
         Work         work,
         gpointer     data)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!work (chart, data))
        {
          fprintf (stderr, "bench-flowchart: the work failed\n");
          exit (1);
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  return median (times);
}

static gboolean
do_layout (PoFlowchart *chart,
           gpointer     data)
{
  g_autoptr(PoFlowLayout) layout = po_flowchart_layout (chart, NULL);

  return layout != NULL;
}

static gboolean
do_draw (PoFlowchart *chart,
         gpointer     data)
{
  PoFlowLayout *layout = data;
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  po_flow_layout_draw (layout, cr, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return TRUE;
}

static gboolean
do_render (PoFlowchart *chart,
           gpointer     data)
{
  g_autoptr(GBytes) bytes = po_flowchart_render_bytes (chart, GPOINTER_TO_INT (data), PO_FLOW_PAPER_A3, NULL);

  return bytes != NULL;
}

static gboolean
do_validate (PoFlowchart *chart,
             gpointer     data)
{
  g_autoptr(GPtrArray) findings = po_flowchart_validate (chart);

  return findings != NULL;
}

static gboolean
do_dot (PoFlowchart *chart,
        gpointer     data)
{
  const char *const *argv = data;
  int status = 0;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PoFlowchart) chart = big_chart ();
  g_autoptr(PoFlowLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dot_text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *gv = NULL;
  g_autofree char *svg = NULL;
  guint runs = argc > 1 ? (guint) MAX (1, atoi (argv[1])) : 7;
  double t_layout, t_draw, t_svg, t_pdf, t_png, t_dot, t_validate;

  if ((dir = g_dir_make_tmp ("po-bench-XXXXXX", &error)) == NULL ||
      (dot_text = po_flowchart_to_dot (chart, &error)) == NULL ||
      (layout = po_flowchart_layout (chart, &error)) == NULL)
    {
      fprintf (stderr, "bench-flowchart: %s\n", error->message);
      return 1;
    }
  gv = g_build_filename (dir, "chart.gv", NULL);
  svg = g_build_filename (dir, "chart.svg", NULL);
  g_file_set_contents (gv, dot_text, -1, NULL);

  printf ("chart: %u nodes, %u edges; layout %.0f × %.0f pt; %u runs, medians\n",
          po_flowchart_get_n_nodes (chart), po_flowchart_get_n_edges (chart),
          layout->width, layout->height, runs);

  /* Warm up: plugins, fonts. */
  do_layout (chart, NULL);

  t_layout = measure (chart, runs, do_layout, NULL);
  t_draw = measure (chart, runs, do_draw, layout);
  t_svg = measure (chart, runs, do_render, GINT_TO_POINTER (PO_FLOW_FORMAT_SVG));
  t_pdf = measure (chart, runs, do_render, GINT_TO_POINTER (PO_FLOW_FORMAT_PDF));
  t_png = measure (chart, MIN (runs, 3), do_render, GINT_TO_POINTER (PO_FLOW_FORMAT_PNG));
  t_validate = measure (chart, runs * 20, do_validate, NULL);

  if (g_find_program_in_path ("dot") != NULL)
    {
      const char *dot_argv[] = { "dot", "-Tsvg", gv, "-o", svg, NULL };
      t_dot = measure (chart, runs, do_dot, dot_argv);
    }
  else
    t_dot = -1;

  printf ("our layout (measure text + Graphviz dot)   %8.1f ms\n", t_layout);
  printf ("our drawing of the laid-out chart (cairo)  %8.1f ms\n", t_draw);
  printf ("layout + drawing + title block, SVG        %8.1f ms\n", t_svg);
  printf ("layout + drawing + title block, PDF (A3)   %8.1f ms\n", t_pdf);
  printf ("layout + drawing + title block, PNG        %8.1f ms\n", t_png);
  if (t_dot >= 0)
    {
      printf ("dot -Tsvg on the same graph (.gv file)     %8.1f ms\n", t_dot);
      printf ("ratio our layout+drawing / dot -Tsvg       %8.2f\n", (t_layout + t_draw) / t_dot);
      printf ("ratio our SVG file / dot -Tsvg             %8.2f\n", t_svg / t_dot);
    }
  else
    printf ("dot -Tsvg: dot(1) is not installed\n");
  printf ("validation                                 %8.2f ms\n", t_validate);
  printf ("ratio validation / our layout              %8.4f\n", t_validate / t_layout);

  g_unlink (gv);
  g_unlink (svg);
  g_rmdir (dir);
  return 0;
}
