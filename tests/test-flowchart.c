/* test-flowchart.c: flowcharts: model, rules, storage, files, layout,
 * rendering and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <math.h>
#include <sys/wait.h>

#include "po-error.h"
#include "po-flowchart.h"
#include "po-test-util.h"

typedef struct
{
  char       *dir;
  char       *db_path;
  PoDatabase *db;
} Fixture;

#define ITEM "XK-001"
#define ITEM_NAME "建筑工程施工许可证核发"

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = po_test_make_dir ();
  f->db_path = g_build_filename (f->dir, "office.db", NULL);
  f->db = po_test_open (f->dir, "office.db");
  g_assert_true (po_database_exec (f->db,
    "INSERT INTO departments (code, name) VALUES ('D1', '市住房和城乡建设局');"
    "INSERT INTO power_items (code, name, type, department_id, statutory_limit, committed_limit, created_on, "
    "                         basis_law, basis_article, supervision_phone) "
    "VALUES ('" ITEM "', '" ITEM_NAME "', 'license', 1, 20, 18, '2026-01-05', "
    "        '《中华人民共和国建筑法》', '第七条', '0571-87000000');"
    "INSERT INTO power_items (code, name, type, department_id, statutory_limit, committed_limit, created_on, status) "
    "VALUES ('CF-001', '对违法建设行为的行政处罚', 'penalty', 1, 90, 70, '2026-01-05', 'published');",
    &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  po_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static PoItem *
test_item (int statutory,
           int committed)
{
  PoItem *item = g_new0 (PoItem, 1);

  item->id = 1;
  item->code = g_strdup (ITEM);
  item->name = g_strdup (ITEM_NAME);
  item->type = g_strdup ("license");
  item->status = g_strdup ("draft");
  item->department = g_strdup ("市住房和城乡建设局");
  item->basis_law = g_strdup ("《中华人民共和国建筑法》");
  item->basis_article = g_strdup ("第七条");
  item->supervision_phone = g_strdup ("0571-87000000");
  item->statutory_limit = statutory;
  item->committed_limit = committed;
  return item;
}

static guint
node_by_label (PoFlowchart *chart,
               const char  *label)
{
  for (guint i = 0; i < po_flowchart_get_n_nodes (chart); i++)
    if (g_str_equal (po_flowchart_get_node (chart, i)->label, label))
      return po_flowchart_get_node (chart, i)->id;
  g_assert_not_reached ();
}

static guint
edge_between (PoFlowchart *chart,
              guint        from,
              guint        to)
{
  for (guint i = 0; i < po_flowchart_get_n_edges (chart); i++)
    {
      const PoFlowEdge *e = po_flowchart_get_edge (chart, i);
      if (e->from == from && e->to == to)
        return e->id;
    }
  g_assert_not_reached ();
}

/* The model */

static void
count_changed (PoFlowchart *chart,
               guint       *n)
{
  (*n)++;
}

static void
test_model_undo (void)
{
  g_autoptr(PoFlowchart) chart = po_flowchart_new (PO_FLOWCHART_EXTERNAL);
  guint changed = 0;
  guint a, b, e;

  g_signal_connect (chart, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_false (po_flowchart_can_undo (chart));
  g_assert_false (po_flowchart_get_modified (chart));

  a = po_flowchart_add_node (chart, PO_FLOW_NODE_START, "开始");
  b = po_flowchart_add_node (chart, PO_FLOW_NODE_STEP, "受理");
  e = po_flowchart_connect (chart, a, b, NULL, FALSE);
  g_assert_cmpuint (a, !=, b);
  g_assert_cmpuint (e, >, 0);
  g_assert_cmpuint (po_flowchart_connect (chart, a, 999, NULL, FALSE), ==, 0);
  g_assert_true (po_flowchart_get_modified (chart));
  g_assert_cmpuint (changed, ==, 3);

  g_assert_true (po_flowchart_set_node_label (chart, b, "受理审查"));
  g_assert_true (po_flowchart_set_node_label (chart, b, "受理审查"));   /* no change, no step */
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpstr (po_flowchart_find_node (chart, b)->label, ==, "受理审查");

  /* Removing a node takes its edges with it, as one step. */
  g_assert_true (po_flowchart_remove_node (chart, b));
  g_assert_cmpuint (po_flowchart_get_n_nodes (chart), ==, 1);
  g_assert_cmpuint (po_flowchart_get_n_edges (chart), ==, 0);
  g_assert_true (po_flowchart_undo (chart));
  g_assert_cmpuint (po_flowchart_get_n_nodes (chart), ==, 2);
  g_assert_cmpuint (po_flowchart_get_n_edges (chart), ==, 1);
  g_assert_cmpstr (po_flowchart_find_node (chart, b)->label, ==, "受理审查");

  g_assert_true (po_flowchart_undo (chart));
  g_assert_cmpstr (po_flowchart_find_node (chart, b)->label, ==, "受理");
  g_assert_true (po_flowchart_can_redo (chart));
  g_assert_true (po_flowchart_redo (chart));
  g_assert_cmpstr (po_flowchart_find_node (chart, b)->label, ==, "受理审查");

  /* A group is one step. */
  po_flowchart_begin_group (chart);
  po_flowchart_set_node_post (chart, b, "受理岗");
  po_flowchart_set_node_duty (chart, b, "接收申请材料");
  po_flowchart_set_node_time_limit (chart, b, 2);
  po_flowchart_end_group (chart);
  g_assert_cmpint (po_flowchart_find_node (chart, b)->time_limit, ==, 2);
  g_assert_true (po_flowchart_undo (chart));
  g_assert_null (po_flowchart_find_node (chart, b)->post);
  g_assert_cmpstr (po_flowchart_find_node (chart, b)->duty, ==, "");
  g_assert_cmpint (po_flowchart_find_node (chart, b)->time_limit, ==, -1);

  /* A new change drops what could be redone. */
  g_assert_true (po_flowchart_can_redo (chart));
  po_flowchart_set_edge_label (chart, e, "符合");
  g_assert_false (po_flowchart_can_redo (chart));

  while (po_flowchart_undo (chart))
    ;
  g_assert_cmpuint (po_flowchart_get_n_nodes (chart), ==, 0);
  g_assert_false (po_flowchart_get_modified (chart));
}

static void
test_model_ids_unique (void)
{
  g_autoptr(PoFlowchart) chart = po_flowchart_new (PO_FLOWCHART_EXTERNAL);
  guint a = po_flowchart_add_node (chart, PO_FLOW_NODE_STEP, "a");
  guint b;

  po_flowchart_undo (chart);
  b = po_flowchart_add_node (chart, PO_FLOW_NODE_STEP, "b");
  /* An id is never used twice in a chart's life, so saved rows follow
   * their node through the history. */
  g_assert_cmpuint (a, !=, b);
}

/* The templates */

static void
assert_clean (PoFlowchart *chart)
{
  g_autoptr(GPtrArray) findings = po_flowchart_validate (chart);

  for (guint i = 0; i < findings->len; i++)
    g_printerr ("unexpected finding: %s\n", ((PoFlowFinding *) g_ptr_array_index (findings, i))->message);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_templates (void)
{
  static const char *const license[] = { "申请", "受理", "补正", "不予受理", "审查", "决定", "送达", NULL };
  static const char *const penalty[] = { "立案", "调查取证", "审查", "告知", "陈述申辩/听证", "决定", "送达", "执行", NULL };
  g_autoptr(PoItem) item = test_item (20, 18);
  g_autoptr(PoItem) penalty_item = test_item (90, 70);

  for (guint t = 0; t < 2; t++)
    {
      g_autoptr(PoFlowchart) ext = po_flowchart_new_from_template (t, PO_FLOWCHART_EXTERNAL, NULL);
      g_autoptr(PoFlowchart) in = po_flowchart_new_from_template (t, PO_FLOWCHART_INTERNAL, ext);
      const char *const *labels = t == PO_FLOW_TEMPLATE_LICENSE ? license : penalty;
      gboolean has_return = FALSE;

      po_flowchart_set_item (ext, t == PO_FLOW_TEMPLATE_LICENSE ? item : penalty_item);
      po_flowchart_set_item (in, t == PO_FLOW_TEMPLATE_LICENSE ? item : penalty_item);
      for (guint i = 0; labels[i]; i++)
        node_by_label (ext, labels[i]);
      for (guint i = 0; i < po_flowchart_get_n_edges (ext); i++)
        has_return |= po_flowchart_get_edge (ext, i)->is_return;
      g_assert_true (has_return);
      g_assert_false (po_flowchart_can_undo (ext));
      g_assert_false (po_flowchart_get_modified (in));
      g_assert_true (po_flowchart_get_external (in) == ext);

      assert_clean (ext);
      assert_clean (in);
    }

  {
    g_autoptr(PoFlowchart) ext = po_flowchart_new_from_template (PO_FLOW_TEMPLATE_LICENSE, PO_FLOWCHART_EXTERNAL, NULL);
    guint accept = node_by_label (ext, "受理");
    guint correct = node_by_label (ext, "补正");

    /* 补正 goes back to 受理 as a return; 不予受理 ends the procedure. */
    g_assert_true (po_flowchart_find_edge (ext, edge_between (ext, correct, accept))->is_return);
    g_assert_cmpint (po_flowchart_find_node (ext, node_by_label (ext, "不予受理"))->kind, ==, PO_FLOW_NODE_END);
  }
}

/* The rules, each both ways */

typedef struct
{
  PoFlowchart *ext;
  PoFlowchart *in;
  guint s, a, d, b, c, e;           /* external: 开始 受理 审查(decision) 决定 补正 办结 */
  guint is, ia, id, ib, ic, ie;     /* internal */
} Charts;

static void
charts_clear (Charts *c)
{
  g_clear_object (&c->in);
  g_clear_object (&c->ext);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Charts, charts_clear)

/* A small chart pair that keeps every rule. */
static Charts
make_charts (void)
{
  g_autoptr(PoItem) item = test_item (20, 15);
  Charts c = { 0 };
  PoFlowchart *x, *n;

  x = c.ext = po_flowchart_new (PO_FLOWCHART_EXTERNAL);
  c.s = po_flowchart_add_node (x, PO_FLOW_NODE_START, "开始");
  c.a = po_flowchart_add_node (x, PO_FLOW_NODE_STEP, "受理");
  c.d = po_flowchart_add_node (x, PO_FLOW_NODE_DECISION, "审查");
  c.b = po_flowchart_add_node (x, PO_FLOW_NODE_STEP, "决定");
  c.c = po_flowchart_add_node (x, PO_FLOW_NODE_STEP, "补正");
  c.e = po_flowchart_add_node (x, PO_FLOW_NODE_END, "办结");
  po_flowchart_connect (x, c.s, c.a, NULL, FALSE);
  po_flowchart_connect (x, c.a, c.d, NULL, FALSE);
  po_flowchart_connect (x, c.d, c.b, "符合", FALSE);
  po_flowchart_connect (x, c.d, c.c, "不符合", FALSE);
  po_flowchart_connect (x, c.c, c.a, "补正", TRUE);
  po_flowchart_connect (x, c.b, c.e, NULL, FALSE);
  po_flowchart_set_item (x, item);

  n = c.in = po_flowchart_new (PO_FLOWCHART_INTERNAL);
  po_flowchart_set_external (n, x);
  po_flowchart_set_item (n, item);
  c.is = po_flowchart_add_node (n, PO_FLOW_NODE_START, "开始");
  c.ia = po_flowchart_add_node (n, PO_FLOW_NODE_STEP, "接收材料");
  c.id = po_flowchart_add_node (n, PO_FLOW_NODE_DECISION, "是否符合");
  c.ib = po_flowchart_add_node (n, PO_FLOW_NODE_STEP, "作出决定");
  c.ic = po_flowchart_add_node (n, PO_FLOW_NODE_STEP, "告知补正");
  c.ie = po_flowchart_add_node (n, PO_FLOW_NODE_END, "办结");
  po_flowchart_connect (n, c.is, c.ia, NULL, FALSE);
  po_flowchart_connect (n, c.ia, c.id, NULL, FALSE);
  po_flowchart_connect (n, c.id, c.ib, "符合", FALSE);
  po_flowchart_connect (n, c.id, c.ic, "不符合", FALSE);
  po_flowchart_connect (n, c.ic, c.ia, "补正", TRUE);
  po_flowchart_connect (n, c.ib, c.ie, NULL, FALSE);
  {
    struct { guint id; const char *post; const char *duty; int days; guint ext; } steps[] = {
      { c.ia, "受理岗", "接收、登记申请材料", 3, c.a },
      { c.ib, "决定岗", "作出决定", 5, c.b },
      /* On the return's loop: its days never lie on a way to the end. */
      { c.ic, "受理岗", "一次告知补正内容", 30, c.c },
    };
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        po_flowchart_set_node_post (n, steps[i].id, steps[i].post);
        po_flowchart_set_node_duty (n, steps[i].id, steps[i].duty);
        po_flowchart_set_node_time_limit (n, steps[i].id, steps[i].days);
        po_flowchart_set_node_external (n, steps[i].id, steps[i].ext);
      }
    po_flowchart_set_node_external (n, c.id, c.d);
  }
  return c;
}

typedef struct
{
  const char     *rule;
  /* Breaks the rule; returns the place the finding must name. */
  guint         (*breaks) (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart);
  /* Keeps it, close to breaking it (NULL: the plain charts keep it). */
  void          (*keeps) (Charts *c);
} RuleCase;

#define PLACE(p, k, id) (*place = (p), *chart = (k), (id))

static guint
no_start (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  po_flowchart_set_node_kind (c->ext, c->s, PO_FLOW_NODE_STEP);
  return PLACE (PO_FLOW_PLACE_CHART, PO_FLOWCHART_EXTERNAL, 0);
}

static guint
two_starts (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  guint s2 = po_flowchart_add_node (c->ext, PO_FLOW_NODE_START, "另一个开始");

  po_flowchart_connect (c->ext, s2, c->a, NULL, FALSE);
  return PLACE (PO_FLOW_PLACE_NODE, PO_FLOWCHART_EXTERNAL, s2);
}

static guint
no_end (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  po_flowchart_set_node_kind (c->ext, c->e, PO_FLOW_NODE_STEP);
  return PLACE (PO_FLOW_PLACE_CHART, PO_FLOWCHART_EXTERNAL, 0);
}

static void
keeps_two_ends (Charts *c)
{
  guint e2 = po_flowchart_add_node (c->ext, PO_FLOW_NODE_END, "不予受理");

  po_flowchart_connect (c->ext, c->d, e2, "不予受理", FALSE);
}

static guint
empty_label (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  po_flowchart_set_node_label (c->ext, c->b, "  \n ");
  return PLACE (PO_FLOW_PLACE_NODE, PO_FLOWCHART_EXTERNAL, c->b);
}

static guint
into_start (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  return PLACE (PO_FLOW_PLACE_EDGE, PO_FLOWCHART_EXTERNAL, po_flowchart_connect (c->ext, c->c, c->s, "重新申请", TRUE));
}

static guint
out_of_end (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  return PLACE (PO_FLOW_PLACE_EDGE, PO_FLOWCHART_EXTERNAL, po_flowchart_connect (c->ext, c->e, c->a, "复议", TRUE));
}

static guint
self_loop (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  return PLACE (PO_FLOW_PLACE_EDGE, PO_FLOWCHART_EXTERNAL, po_flowchart_connect (c->ext, c->b, c->b, "再议", TRUE));
}

static guint
duplicate_edge (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  return PLACE (PO_FLOW_PLACE_EDGE, PO_FLOWCHART_EXTERNAL, po_flowchart_connect (c->ext, c->b, c->e, NULL, FALSE));
}

static void
keeps_parallel_ways (Charts *c)
{
  /* Two edges in opposite directions are not duplicates. */
  po_flowchart_connect (c->ext, c->a, c->c, NULL, FALSE);
}

static guint
unreachable (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  guint x = po_flowchart_add_node (c->ext, PO_FLOW_NODE_STEP, "孤立步骤");

  po_flowchart_connect (c->ext, x, c->e, NULL, FALSE);
  return PLACE (PO_FLOW_PLACE_NODE, PO_FLOWCHART_EXTERNAL, x);
}

static guint
no_way_to_end (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  guint x = po_flowchart_add_node (c->ext, PO_FLOW_NODE_STEP, "死胡同");

  po_flowchart_connect (c->ext, c->a, x, NULL, FALSE);
  return PLACE (PO_FLOW_PLACE_NODE, PO_FLOWCHART_EXTERNAL, x);
}

static guint
decision_one_way (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  po_flowchart_remove_node (c->ext, c->c);
  return PLACE (PO_FLOW_PLACE_NODE, PO_FLOWCHART_EXTERNAL, c->d);
}

static guint
decision_unlabelled (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  guint e = edge_between (c->ext, c->d, c->b);

  po_flowchart_set_edge_label (c->ext, e, "");
  return PLACE (PO_FLOW_PLACE_EDGE, PO_FLOWCHART_EXTERNAL, e);
}

static guint
return_unlabelled (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  guint e = edge_between (c->ext, c->c, c->a);

  po_flowchart_set_edge_label (c->ext, e, "");
  return PLACE (PO_FLOW_PLACE_EDGE, PO_FLOWCHART_EXTERNAL, e);
}

static guint
loop_without_return (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  guint e = edge_between (c->ext, c->c, c->a);

  po_flowchart_set_edge_return (c->ext, e, FALSE);
  return PLACE (PO_FLOW_PLACE_EDGE, PO_FLOWCHART_EXTERNAL, e);
}

static guint
step_post (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  po_flowchart_set_node_post (c->in, c->ib, NULL);
  return PLACE (PO_FLOW_PLACE_NODE, PO_FLOWCHART_INTERNAL, c->ib);
}

static guint
step_duty (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  po_flowchart_set_node_duty (c->in, c->ib, " ");
  return PLACE (PO_FLOW_PLACE_NODE, PO_FLOWCHART_INTERNAL, c->ib);
}

static guint
step_time_limit (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  po_flowchart_set_node_time_limit (c->in, c->ib, -1);
  return PLACE (PO_FLOW_PLACE_NODE, PO_FLOWCHART_INTERNAL, c->ib);
}

static void
keeps_zero_days (Charts *c)
{
  po_flowchart_set_node_time_limit (c->in, c->ib, 0);
}

static guint
step_no_external (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  po_flowchart_set_node_external (c->in, c->ia, 0);
  return PLACE (PO_FLOW_PLACE_NODE, PO_FLOWCHART_INTERNAL, c->ia);
}

static guint
step_external_gone (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  po_flowchart_set_node_external (c->in, c->ib, 4242);
  return PLACE (PO_FLOW_PLACE_NODE, PO_FLOWCHART_INTERNAL, c->ib);
}

static guint
step_external_is_start (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  po_flowchart_set_node_external (c->in, c->ib, c->s);
  return PLACE (PO_FLOW_PLACE_NODE, PO_FLOWCHART_INTERNAL, c->ib);
}

static guint
uncovered (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  guint x = po_flowchart_add_node (c->ext, PO_FLOW_NODE_STEP, "公示");

  po_flowchart_remove_edge (c->ext, edge_between (c->ext, c->b, c->e));
  po_flowchart_connect (c->ext, c->b, x, NULL, FALSE);
  po_flowchart_connect (c->ext, x, c->e, NULL, FALSE);
  return PLACE (PO_FLOW_PLACE_NODE, PO_FLOWCHART_EXTERNAL, x);
}

static void
keeps_covered_twice (Charts *c)
{
  guint x = po_flowchart_add_node (c->in, PO_FLOW_NODE_STEP, "法制审核");

  po_flowchart_remove_edge (c->in, edge_between (c->in, c->ib, c->ie));
  po_flowchart_connect (c->in, c->ib, x, NULL, FALSE);
  po_flowchart_connect (c->in, x, c->ie, NULL, FALSE);
  po_flowchart_set_node_post (c->in, x, "法制审核岗");
  po_flowchart_set_node_duty (c->in, x, "合法性审核");
  po_flowchart_set_node_time_limit (c->in, x, 7);   /* 3 + 5 + 7 = 15: just within */
  po_flowchart_set_node_external (c->in, x, c->b);
}

static guint
committed_over_statutory (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  g_autoptr(PoItem) item = test_item (10, 12);

  po_flowchart_set_item (c->in, item);
  po_flowchart_set_node_time_limit (c->in, c->ia, 1);
  po_flowchart_set_node_time_limit (c->in, c->ib, 1);
  return PLACE (PO_FLOW_PLACE_CHART, PO_FLOWCHART_INTERNAL, 0);
}

static guint
over_committed (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  po_flowchart_set_node_time_limit (c->in, c->ib, 13);   /* 3 + 13 = 16 > 15, ≤ 20 */
  return PLACE (PO_FLOW_PLACE_NODE, PO_FLOWCHART_INTERNAL, c->ie);
}

static void
keeps_exactly_committed (Charts *c)
{
  po_flowchart_set_node_time_limit (c->in, c->ib, 12);   /* 3 + 12 = 15 */
}

static guint
over_statutory (Charts *c, PoFlowPlace *place, PoFlowchartKind *chart)
{
  g_autoptr(PoItem) item = test_item (20, 0);   /* no committed limit */

  po_flowchart_set_item (c->in, item);
  po_flowchart_set_node_time_limit (c->in, c->ib, 18);  /* 21 > 20 */
  return PLACE (PO_FLOW_PLACE_NODE, PO_FLOWCHART_INTERNAL, c->ie);
}

static void
keeps_statutory (Charts *c)
{
  g_autoptr(PoItem) item = test_item (20, 0);

  po_flowchart_set_item (c->in, item);
  po_flowchart_set_node_time_limit (c->in, c->ib, 17);  /* 20 */
}

static const RuleCase rule_cases[] = {
  { "one-start", no_start, NULL },
  { "one-start", two_starts, NULL },
  { "no-end", no_end, keeps_two_ends },
  { "empty-label", empty_label, NULL },
  { "edge-into-start", into_start, NULL },
  { "edge-out-of-end", out_of_end, NULL },
  { "self-loop", self_loop, NULL },
  { "duplicate-edge", duplicate_edge, keeps_parallel_ways },
  { "unreachable", unreachable, NULL },
  { "no-way-to-end", no_way_to_end, NULL },
  { "decision-branches", decision_one_way, keeps_two_ends },
  { "decision-edge-label", decision_unlabelled, NULL },
  { "return-edge-label", return_unlabelled, NULL },
  { "loop-without-return", loop_without_return, NULL },
  { "step-post", step_post, NULL },
  { "step-duty", step_duty, NULL },
  { "step-time-limit", step_time_limit, keeps_zero_days },
  { "step-external", step_no_external, NULL },
  { "step-external", step_external_gone, NULL },
  { "step-external", step_external_is_start, NULL },
  { "external-step-uncovered", uncovered, keeps_covered_twice },
  { "committed-over-statutory", committed_over_statutory, NULL },
  { "time-over-committed", over_committed, keeps_exactly_committed },
  { "time-over-statutory", over_statutory, keeps_statutory },
};

static gboolean
has_finding (GPtrArray       *findings,
             const char      *rule,
             PoFlowPlace      place,
             guint            id,
             PoFlowchartKind  chart)
{
  for (guint i = 0; i < findings->len; i++)
    {
      PoFlowFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->rule, rule) && f->place == place && f->id == id && f->chart == chart)
        return TRUE;
    }
  return FALSE;
}

static void
test_rule (gconstpointer data)
{
  const RuleCase *rc = data;
  PoFlowPlace place = PO_FLOW_PLACE_CHART;
  PoFlowchartKind kind = PO_FLOWCHART_EXTERNAL;
  g_autoptr(GPtrArray) findings = NULL;
  guint id;

  /* Kept: the charts, and the variant closest to breaking the rule. */
  {
    g_auto(Charts) c = make_charts ();

    assert_clean (c.ext);
    assert_clean (c.in);
    if (rc->keeps != NULL)
      {
        rc->keeps (&c);
        assert_clean (c.ext);
        assert_clean (c.in);
      }
  }

  /* Broken: caught, with the rule and the place. */
  {
    g_auto(Charts) c = make_charts ();
    const char *name = NULL;
    gboolean named = FALSE;

    id = rc->breaks (&c, &place, &kind);
    findings = po_flowchart_validate (kind == PO_FLOWCHART_INTERNAL || g_str_has_prefix (rc->rule, "step-") ||
                                      g_str_equal (rc->rule, "external-step-uncovered") ||
                                      g_str_has_prefix (rc->rule, "time-") ||
                                      g_str_equal (rc->rule, "committed-over-statutory")
                                      ? c.in : c.ext);
    if (!has_finding (findings, rc->rule, place, id, kind))
      {
        for (guint i = 0; i < findings->len; i++)
          {
            PoFlowFinding *f = g_ptr_array_index (findings, i);
            g_printerr ("got %s %d %u: %s\n", f->rule, f->place, f->id, f->message);
          }
        g_error ("expected a finding %s at %d %u", rc->rule, place, id);
      }

    /* Each message names its rule. */
    name = po_flowchart_rule_name (rc->rule);
    g_assert_nonnull (name);
    for (guint i = 0; i < findings->len; i++)
      {
        PoFlowFinding *f = g_ptr_array_index (findings, i);
        if (g_str_equal (f->rule, rc->rule) && strstr (f->message, name) != NULL)
          named = TRUE;
      }
    g_assert_true (named);
  }
}

static void
test_rules_listed (void)
{
  guint n;
  const char *const *codes = po_flowchart_rules (&n);

  /* Every rule is tested above. */
  for (guint i = 0; i < n; i++)
    {
      gboolean tested = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (rule_cases); k++)
        tested |= g_str_equal (rule_cases[k].rule, codes[i]);
      if (!tested)
        g_error ("rule %s has no test", codes[i]);
      g_assert_nonnull (po_flowchart_rule_name (codes[i]));
    }
}

static void
test_messages (void)
{
  g_auto(Charts) c = make_charts ();
  g_autoptr(GPtrArray) findings = NULL;
  PoFlowFinding *f;

  po_flowchart_set_node_time_limit (c.in, c.ib, 20);
  findings = po_flowchart_validate (c.in);
  g_assert_cmpuint (findings->len, ==, 2);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->rule, ==, "time-over-committed");
  /* The way, its days, the limit and what to do. */
  g_assert_nonnull (strstr (f->message, "“开始” → “接收材料” → “是否符合” → “作出决定” → “办结”"));
  g_assert_nonnull (strstr (f->message, "23"));
  g_assert_nonnull (strstr (f->message, "15"));
  g_assert_nonnull (strstr (f->message, "Shorten"));
  f = g_ptr_array_index (findings, 1);
  g_assert_cmpstr (f->rule, ==, "time-over-statutory");
  g_assert_nonnull (strstr (f->message, "20"));

  /* A loop names its nodes and the edge to mark. */
  po_flowchart_set_edge_return (c.ext, edge_between (c.ext, c.c, c.a), FALSE);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = po_flowchart_validate (c.ext);
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_nonnull (strstr (f->message, "“受理” → “审查” → “补正” → “受理”"));
  g_assert_nonnull (strstr (f->message, "“补正” → “受理”"));
  g_assert_nonnull (strstr (f->message, "return"));
}

/* Storage */

static gint64
count (Fixture    *f,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = po_database_query_int (f->db, sql, &error);

  g_assert_no_error (error);
  return n;
}

static void
save_templates (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoFlowchart) ext = po_flowchart_load (f->db, ITEM, PO_FLOWCHART_EXTERNAL, &error);
  g_autoptr(PoFlowchart) tmpl = po_flowchart_new_from_template (PO_FLOW_TEMPLATE_LICENSE, PO_FLOWCHART_EXTERNAL, NULL);
  g_autoptr(PoFlowchart) in = NULL;
  g_autoptr(PoFlowchart) itmpl = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (po_flowchart_get_version (ext), ==, 0);
  po_flowchart_replace (ext, tmpl);
  g_assert_true (po_flowchart_save (f->db, ext, &error));
  g_assert_no_error (error);
  g_assert_false (po_flowchart_get_modified (ext));
  g_assert_cmpint (po_flowchart_get_version (ext), ==, 1);

  in = po_flowchart_load (f->db, ITEM, PO_FLOWCHART_INTERNAL, &error);
  g_assert_no_error (error);
  itmpl = po_flowchart_new_from_template (PO_FLOW_TEMPLATE_LICENSE, PO_FLOWCHART_INTERNAL,
                                          po_flowchart_get_external (in));
  po_flowchart_replace (in, itmpl);
  g_assert_true (po_flowchart_save (f->db, in, &error));
  g_assert_no_error (error);
}

static void
test_save_load (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoFlowchart) ext = NULL;
  g_autoptr(PoFlowchart) in = NULL;
  gint64 accept_row, audit_before;
  guint accept, examine;

  save_templates (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM flowcharts"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM posts WHERE name = '受理岗'"), ==, 1);

  in = po_flowchart_load (f->db, ITEM, PO_FLOWCHART_INTERNAL, &error);
  g_assert_no_error (error);
  ext = g_object_ref (po_flowchart_get_external (in));
  g_assert_cmpuint (po_flowchart_get_n_nodes (ext), ==, 11);
  g_assert_cmpuint (po_flowchart_get_n_edges (ext), ==, 12);
  g_assert_cmpuint (po_flowchart_get_n_nodes (in), ==, 14);
  g_assert_cmpstr (po_flowchart_get_item (in)->name, ==, ITEM_NAME);
  g_assert_nonnull (po_flowchart_get_updated_on (ext));
  g_assert_false (po_flowchart_get_modified (in));
  /* The links to external steps survive storage. */
  g_assert_cmpuint (po_flowchart_find_node (in, node_by_label (in, "实质审查"))->external_node, ==,
                    node_by_label (ext, "审查"));
  g_assert_cmpstr (po_flowchart_find_node (in, node_by_label (in, "实质审查"))->post, ==, "审查岗");
  g_assert_cmpint (po_flowchart_find_node (in, node_by_label (in, "实质审查"))->time_limit, ==, 8);
  assert_clean (ext);
  assert_clean (in);

  /* A rename and a removal: the other rows stay, the version rises,
   * and the audit log records only what changed. */
  accept = node_by_label (ext, "受理");
  examine = node_by_label (ext, "审查");
  accept_row = accept;
  audit_before = count (f, "SELECT count(*) FROM audit_log");
  po_flowchart_set_node_label (ext, examine, "审查（含现场核查）");
  g_assert_true (po_flowchart_save (f->db, ext, &error));
  g_assert_no_error (error);
  g_assert_cmpint (po_flowchart_get_version (ext), ==, 2);
  /* One node row and the chart's version. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log") - audit_before, ==, 2);

  {
    g_autoptr(PoFlowchart) again = po_flowchart_load (f->db, ITEM, PO_FLOWCHART_EXTERNAL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (node_by_label (again, "受理"), ==, (guint) accept_row);
    g_assert_cmpuint (node_by_label (again, "审查（含现场核查）"), ==, examine);
  }

  /* Removing an external step its internal steps belong to leaves them
   * without one; the internal chart's rules then say so. */
  g_assert_true (po_flowchart_remove_node (ext, examine));
  {
    guint examine_ext = po_flowchart_add_node (ext, PO_FLOW_NODE_STEP, "审查");
    po_flowchart_connect (ext, accept, examine_ext, "材料齐全、符合法定形式", FALSE);
    po_flowchart_connect (ext, examine_ext, node_by_label (ext, "决定"), NULL, FALSE);
  }
  g_assert_true (po_flowchart_save (f->db, ext, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PoFlowchart) in2 = po_flowchart_load (f->db, ITEM, PO_FLOWCHART_INTERNAL, &error);
    g_autoptr(GPtrArray) findings = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (po_flowchart_find_node (in2, node_by_label (in2, "实质审查"))->external_node, ==, 0);
    findings = po_flowchart_validate (in2);
    g_assert_true (has_finding (findings, "step-external", PO_FLOW_PLACE_NODE, node_by_label (in2, "实质审查"),
                                PO_FLOWCHART_INTERNAL));
    g_assert_true (has_finding (findings, "external-step-uncovered", PO_FLOW_PLACE_NODE,
                                node_by_label (po_flowchart_get_external (in2), "审查"), PO_FLOWCHART_EXTERNAL));
  }

  /* A new node, saved, then undone and saved again: its row goes. */
  {
    guint x = po_flowchart_add_node (ext, PO_FLOW_NODE_STEP, "临时");
    gint64 before = count (f, "SELECT count(*) FROM flow_nodes");

    g_assert_cmpuint (x, >, 0);
    g_assert_true (po_flowchart_save (f->db, ext, &error));
    g_assert_cmpint (count (f, "SELECT count(*) FROM flow_nodes"), ==, before + 1);
    g_assert_true (po_flowchart_undo (ext));
    g_assert_true (po_flowchart_get_modified (ext));
    g_assert_true (po_flowchart_save (f->db, ext, &error));
    g_assert_cmpint (count (f, "SELECT count(*) FROM flow_nodes"), ==, before);
    g_assert_true (po_flowchart_redo (ext));
    g_assert_true (po_flowchart_save (f->db, ext, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count(*) FROM flow_nodes"), ==, before + 1);
  }
}

static void
test_save_refuses_published (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoFlowchart) chart = po_flowchart_load (f->db, "CF-001", PO_FLOWCHART_EXTERNAL, &error);
  g_autoptr(PoFlowchart) tmpl = po_flowchart_new_from_template (PO_FLOW_TEMPLATE_PENALTY, PO_FLOWCHART_EXTERNAL, NULL);
  g_autofree char *json = NULL;
  gint64 audit_before = count (f, "SELECT count(*) FROM audit_log");

  g_assert_no_error (error);
  g_assert_true (po_flowchart_item_needs_review (po_flowchart_get_item (chart)));
  po_flowchart_replace (chart, tmpl);
  g_assert_false (po_flowchart_save (f->db, chart, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "legality review"));
  g_assert_nonnull (strstr (error->message, "CF-001"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM flow_nodes"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, audit_before);
  g_clear_error (&error);

  /* What the legality review does once the change is approved. */
  json = po_flowchart_to_json (chart);
  g_assert_true (po_flowchart_apply_proposal (f->db, "CF-001", json, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM flow_nodes"), ==, 12);

  /* A draft item saves directly. */
  {
    g_autoptr(PoFlowchart) draft = po_flowchart_load (f->db, ITEM, PO_FLOWCHART_EXTERNAL, &error);

    g_assert_false (po_flowchart_item_needs_review (po_flowchart_get_item (draft)));
  }
}

static void
test_unknown_item (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoFlowchart) chart = po_flowchart_load (f->db, "NO-SUCH", PO_FLOWCHART_EXTERNAL, &error);

  g_assert_null (chart);
  g_assert_error (error, PO_ERROR, PO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NO-SUCH"));
}

/* Files */

static const char hostile[] =
  "\"quoted\" {braces} <b>angle</b> \\N \\G back\\slash\nnew line\ttab & ; -> -- // #";

static void
test_json_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoFlowchart) ext = po_flowchart_new_from_template (PO_FLOW_TEMPLATE_PENALTY, PO_FLOWCHART_EXTERNAL, NULL);
  g_autoptr(PoFlowchart) in = po_flowchart_new_from_template (PO_FLOW_TEMPLATE_PENALTY, PO_FLOWCHART_INTERNAL, ext);
  g_autoptr(PoFlowchart) ext2 = NULL;
  g_autoptr(PoFlowchart) in2 = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json2 = NULL;
  g_autofree char *ijson = NULL;
  g_autofree char *ijson2 = NULL;

  po_flowchart_set_node_label (ext, node_by_label (ext, "告知"), hostile);
  json = po_flowchart_to_json (ext);
  ext2 = po_flowchart_new_from_json (json, -1, "ext.json", PO_FLOWCHART_EXTERNAL, NULL, &error);
  g_assert_no_error (error);
  json2 = po_flowchart_to_json (ext2);
  g_assert_cmpstr (json, ==, json2);
  g_assert_cmpstr (po_flowchart_find_node (ext2, node_by_label (ext2, hostile))->label, ==, hostile);

  ijson = po_flowchart_to_json (in);
  in2 = po_flowchart_new_from_json (ijson, -1, "in.json", PO_FLOWCHART_INTERNAL, ext2, &error);
  g_assert_no_error (error);
  ijson2 = po_flowchart_to_json (in2);
  g_assert_cmpstr (ijson, ==, ijson2);
  g_assert_nonnull (strstr (ijson, "\"kind\": \"internal\""));
  g_assert_nonnull (strstr (ijson, "\"time_limit\": 20"));
  g_assert_nonnull (strstr (ijson, "\"post\": \"承办岗\""));
  assert_clean (ext2);
}

typedef struct
{
  const char *json;
  const char *says;
} BadFile;

static const BadFile bad_files[] = {
  { "{ not json", "test.json: not valid JSON" },
  { "[1, 2]", "test.json: not valid JSON" },
  { "{ \"format\": \"something\", \"nodes\": [] }", "test.json: format:" },
  { "{ \"format\": \"power-oversight-flowchart\", \"version\": 2, \"nodes\": [] }", "test.json: version:" },
  { "{ \"format\": \"power-oversight-flowchart\", \"kind\": \"internal\", \"nodes\": [] }", "test.json: kind:" },
  { "{ \"format\": \"power-oversight-flowchart\" }", "no “nodes”" },
  { "{ \"format\": \"power-oversight-flowchart\", \"nodes\": {} }", "test.json: nodes:" },
  { "{ \"format\": \"power-oversight-flowchart\", \"colour\": 1, \"nodes\": [] }", "test.json: colour:" },
  { "{ \"format\": \"power-oversight-flowchart\", \"nodes\": [ { \"id\": 1, \"kind\": \"start\", \"label\": \"开始\" },"
    "  { \"id\": 2, \"kind\": \"step\", \"label\": \"a\" }, { \"id\": 3, \"kind\": \"step\", \"label\": \"b\" },"
    "  { \"id\": 4, \"kind\": \"stage\", \"label\": \"c\" } ] }", "test.json: nodes[3].kind: “stage”" },
  { "{ \"format\": \"power-oversight-flowchart\", \"nodes\": [ { \"id\": 0, \"kind\": \"start\" } ] }",
    "test.json: nodes[0].id:" },
  { "{ \"format\": \"power-oversight-flowchart\", \"nodes\": [ { \"id\": 1, \"kind\": \"start\" },"
    "  { \"id\": 1, \"kind\": \"end\" } ] }", "test.json: nodes[1].id:" },
  { "{ \"format\": \"power-oversight-flowchart\", \"nodes\": [ { \"kind\": \"start\" } ] }", "test.json: nodes[0]:" },
  { "{ \"format\": \"power-oversight-flowchart\", \"nodes\": [ { \"id\": 1, \"kind\": \"step\", \"time_limit\": -2 } ] }",
    "test.json: nodes[0].time_limit:" },
  { "{ \"format\": \"power-oversight-flowchart\", \"nodes\": [ { \"id\": 1, \"kind\": \"step\", \"timelimit\": 2 } ] }",
    "test.json: nodes[0].timelimit: unknown key" },
  { "{ \"format\": \"power-oversight-flowchart\", \"nodes\": [ { \"id\": 1, \"kind\": \"step\", \"label\": 5 } ] }",
    "test.json: nodes[0].label: must be text" },
  { "{ \"format\": \"power-oversight-flowchart\", \"nodes\": [ { \"id\": 1, \"kind\": \"step\", \"external\": 3 } ] }",
    "test.json: nodes[0].external:" },
  { "{ \"format\": \"power-oversight-flowchart\", \"nodes\": [ { \"id\": 1, \"kind\": \"start\" } ],"
    "  \"edges\": [ { \"from\": 1, \"to\": 9 } ] }", "test.json: edges[0].to: no node has the id 9" },
  { "{ \"format\": \"power-oversight-flowchart\", \"nodes\": [ { \"id\": 1, \"kind\": \"start\" } ],"
    "  \"edges\": [ { \"from\": 1, \"to\": 1, \"return\": \"yes\" } ] }", "test.json: edges[0].return:" },
  { "{ \"format\": \"power-oversight-flowchart\", \"nodes\": [ { \"id\": 1, \"kind\": \"start\" } ],"
    "  \"edges\": [ { \"to\": 1 } ] }", "test.json: edges[0]: the edge has no “from”" },
};

static void
test_import_errors (Fixture       *f,
                    gconstpointer  data)
{
  gint64 nodes_before, audit_before;

  save_templates (f);
  nodes_before = count (f, "SELECT count(*) FROM flow_nodes");
  audit_before = count (f, "SELECT count(*) FROM audit_log");

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PoFlowchart) chart = po_flowchart_import_json (f->db, ITEM, PO_FLOWCHART_EXTERNAL, bad_files[i].json,
                                                                -1, "test.json", &error);

      g_assert_null (chart);
      g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
      if (strstr (error->message, bad_files[i].says) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, bad_files[i].says);
    }

  /* An internal chart's steps must belong to stored external steps. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PoFlowchart) chart =
      po_flowchart_import_json (f->db, ITEM, PO_FLOWCHART_INTERNAL,
                                "{ \"format\": \"power-oversight-flowchart\", \"kind\": \"internal\", \"nodes\": ["
                                "  { \"id\": 1, \"kind\": \"start\" },"
                                "  { \"id\": 2, \"kind\": \"step\", \"external\": 99999 } ] }",
                                -1, "test.json", &error);
    g_assert_null (chart);
    g_assert_nonnull (strstr (error->message, "test.json: nodes[1].external: the external flowchart has no node"));
  }

  g_assert_cmpint (count (f, "SELECT count(*) FROM flow_nodes"), ==, nodes_before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, audit_before);
}

static void
test_import_export_db (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoFlowchart) stored = NULL;
  g_autoptr(PoFlowchart) imported = NULL;
  g_autoptr(PoFlowchart) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json2 = NULL;
  gint64 audit_before;

  save_templates (f);
  stored = po_flowchart_load (f->db, ITEM, PO_FLOWCHART_INTERNAL, &error);
  json = po_flowchart_to_json (stored);
  /* An export of a stored chart names rows: importing it back changes
   * nothing, not even the audit log. */
  audit_before = count (f, "SELECT count(*) FROM audit_log");
  imported = po_flowchart_import_json (f->db, ITEM, PO_FLOWCHART_INTERNAL, json, -1, "in.json", &error);
  g_assert_no_error (error);
  g_assert_true (po_flowchart_save (f->db, imported, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, audit_before);
  again = po_flowchart_load (f->db, ITEM, PO_FLOWCHART_INTERNAL, &error);
  json2 = po_flowchart_to_json (again);
  g_assert_cmpstr (json, ==, json2);
}

/* Layout */

static PoFlowchart *
hostile_chart (void)
{
  g_autoptr(GString) long_label = g_string_new (NULL);
  g_autoptr(PoItem) item = test_item (20, 15);
  PoFlowchart *chart = po_flowchart_new (PO_FLOWCHART_INTERNAL);
  guint s, a, d, b, c, e;

  while (g_utf8_strlen (long_label->str, -1) < 200)
    g_string_append (long_label, "行政许可申请材料齐全符合法定形式的应当受理，");
  g_free (item->name);
  item->name = g_strdup ("名称 \"<带{符号}>\" \\ 项目");
  po_flowchart_set_item (chart, item);
  s = po_flowchart_add_node (chart, PO_FLOW_NODE_START, "开始 \"start\"");
  a = po_flowchart_add_node (chart, PO_FLOW_NODE_STEP, hostile);
  d = po_flowchart_add_node (chart, PO_FLOW_NODE_DECISION, long_label->str);
  b = po_flowchart_add_node (chart, PO_FLOW_NODE_STEP, "<TABLE><TR><TD>html?</TD></TR></TABLE>");
  c = po_flowchart_add_node (chart, PO_FLOW_NODE_STEP, long_label->str);
  e = po_flowchart_add_node (chart, PO_FLOW_NODE_END, "}; digraph x { a -> b");
  po_flowchart_set_node_post (chart, a, "岗位 \"<x>\" {y}");
  po_flowchart_set_node_duty (chart, a, hostile);
  po_flowchart_set_node_time_limit (chart, a, 3);
  po_flowchart_set_node_post (chart, c, "\\N\\G");
  po_flowchart_connect (chart, s, a, "\"", FALSE);
  po_flowchart_connect (chart, a, d, "<>", FALSE);
  po_flowchart_connect (chart, d, b, hostile, FALSE);
  po_flowchart_connect (chart, d, c, long_label->str, FALSE);
  po_flowchart_connect (chart, c, a, "补正\n退回", TRUE);
  po_flowchart_connect (chart, b, e, "{}", FALSE);
  po_flowchart_connect (chart, c, e, NULL, FALSE);
  po_flowchart_connect (chart, b, b, "self", FALSE);
  return chart;
}

static double
box_distance (const PoFlowLayoutNode *n,
              PoFlowPoint             p)
{
  double dx = MAX (MAX (n->x - p.x, 0), p.x - (n->x + n->width));
  double dy = MAX (MAX (n->y - p.y, 0), p.y - (n->y + n->height));

  return hypot (dx, dy);
}

static void
assert_layout_sane (PoFlowchart  *chart,
                    PoFlowLayout *layout)
{
  g_assert_cmpuint (layout->n_nodes, ==, po_flowchart_get_n_nodes (chart));
  g_assert_cmpuint (layout->n_edges, ==, po_flowchart_get_n_edges (chart));
  g_assert_cmpfloat (layout->width, >, 0);
  g_assert_cmpfloat (layout->height, >, 0);

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const PoFlowLayoutNode *n = &layout->nodes[i];

      g_assert_cmpfloat (n->width, >, 10);
      g_assert_cmpfloat (n->height, >, 10);
      g_assert_cmpfloat (n->x, >=, -0.5);
      g_assert_cmpfloat (n->y, >=, -0.5);
      g_assert_cmpfloat (n->x + n->width, <=, layout->width + 0.5);
      g_assert_cmpfloat (n->y + n->height, <=, layout->height + 0.5);
      /* Hit-testing finds the node at its centre. */
      g_assert_cmpuint (po_flow_layout_node_at (layout, n->x + n->width / 2, n->y + n->height / 2), ==, n->id);
    }
  g_assert_cmpuint (po_flow_layout_node_at (layout, -100, -100), ==, 0);

  for (guint i = 0; i < layout->n_edges; i++)
    {
      const PoFlowLayoutEdge *e = &layout->edges[i];
      const PoFlowLayoutNode *from = po_flow_layout_find_node (layout, e->from);
      const PoFlowLayoutNode *to = po_flow_layout_find_node (layout, e->to);
      PoFlowPoint end;

      g_assert_nonnull (from);
      g_assert_nonnull (to);
      g_assert_cmpuint (e->n_points, >=, 4);
      g_assert_cmpuint ((e->n_points - 1) % 3, ==, 0);
      /* Edges leave their tail and reach their head, returns included. */
      g_assert_cmpfloat (box_distance (from, e->points[0]), <=, 3.0);
      end = e->has_arrow ? e->arrow_tip : e->points[e->n_points - 1];
      g_assert_cmpfloat (box_distance (to, end), <=, 3.0);
      for (guint k = 0; k < e->n_points; k++)
        {
          g_assert_cmpfloat (e->points[k].x, >=, -1);
          g_assert_cmpfloat (e->points[k].x, <=, layout->width + 1);
          g_assert_cmpfloat (e->points[k].y, >=, -1);
          g_assert_cmpfloat (e->points[k].y, <=, layout->height + 1);
        }
      if (e->has_label)
        {
          g_assert_cmpfloat (e->label_x, >=, -0.5);
          g_assert_cmpfloat (e->label_x + e->label_width, <=, layout->width + 0.5);
          /* The label is an edge's handle too. */
          g_assert_cmpuint (po_flow_layout_edge_at (layout, e->label_x + e->label_width / 2,
                                                    e->label_y + e->label_height / 2, 2.0), ==, e->id);
        }
    }

  for (guint l = 0; l < layout->n_lanes; l++)
    {
      const PoFlowLayoutLane *lane = &layout->lanes[l];

      g_assert_cmpfloat (lane->x, >=, -0.5);
      g_assert_cmpfloat (lane->x + lane->width, <=, layout->width + 0.5);
      for (guint i = 0; i < layout->n_nodes; i++)
        {
          const PoFlowNode *n = po_flowchart_find_node (chart, layout->nodes[i].id);
          const PoFlowLayoutNode *ln = &layout->nodes[i];

          if (g_strcmp0 (n->post, lane->post) != 0)
            continue;
          /* A post's steps lie in its lane. */
          g_assert_cmpfloat (ln->x, >=, lane->x);
          g_assert_cmpfloat (ln->x + ln->width, <=, lane->x + lane->width);
          g_assert_cmpfloat (ln->y, >=, lane->y);
          g_assert_cmpfloat (ln->y + ln->height, <=, lane->y + lane->height);
        }
    }
}

static void
test_layout_templates (void)
{
  for (guint t = 0; t < 2; t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PoFlowchart) ext = po_flowchart_new_from_template (t, PO_FLOWCHART_EXTERNAL, NULL);
      g_autoptr(PoFlowchart) in = po_flowchart_new_from_template (t, PO_FLOWCHART_INTERNAL, ext);
      g_autoptr(PoFlowLayout) a = po_flowchart_layout (ext, &error);
      g_autoptr(PoFlowLayout) b = po_flowchart_layout (in, &error);

      g_assert_no_error (error);
      assert_layout_sane (ext, a);
      assert_layout_sane (in, b);
      g_assert_cmpuint (a->n_lanes, ==, 0);
      g_assert_cmpuint (b->n_lanes, >=, 4);

      /* Top to bottom: the start above the first step, the end lowest. */
      {
        const PoFlowLayoutNode *s = po_flow_layout_find_node (a, node_by_label (ext, "开始"));
        const PoFlowLayoutNode *e = po_flow_layout_find_node (a, node_by_label (ext, t ? "结案" : "办结"));
        const PoFlowLayoutNode *first = po_flow_layout_find_node (a, node_by_label (ext, t ? "立案" : "申请"));

        g_assert_cmpfloat (s->y + s->height, <, first->y);
        for (guint i = 0; i < a->n_nodes; i++)
          g_assert_cmpfloat (a->nodes[i].y, <=, e->y);
      }
    }
}

static void
test_layout_hostile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoFlowchart) chart = hostile_chart ();
  g_autoptr(PoFlowLayout) layout = po_flowchart_layout (chart, &error);
  g_autofree char *dot = NULL;
  g_autofree char *dot_program = g_find_program_in_path ("dot");

  g_assert_no_error (error);
  assert_layout_sane (chart, layout);
  g_assert_cmpuint (layout->n_lanes, ==, 2);
  g_assert_cmpstr (po_flow_layout_find_node (layout, 2)->text, ==, hostile);

  /* The DOT text for dot(1) keeps every label intact and parses. */
  dot = po_flowchart_to_dot (chart, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (dot, "rankdir=TB"));
  g_assert_nonnull (strstr (dot, "Noto Sans CJK SC"));
  if (dot_program != NULL)
    {
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), "po-test-hostile.gv", NULL);
      g_autofree char *out = NULL;
      const char *argv[] = { "dot", "-Tplain", path, NULL };
      int status = 0;

      g_assert_true (g_file_set_contents (path, dot, -1, NULL));
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &out, NULL, &status, &error));
      g_unlink (path);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      /* Six nodes, as built: no label became a node of its own. */
      {
        guint nodes = 0;
        g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

        for (guint i = 0; lines[i]; i++)
          nodes += g_str_has_prefix (lines[i], "node ");
        g_assert_cmpuint (nodes, ==, 6);
      }
    }
}

/* Rendering */

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

static guint
count_pdf_pages (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  guint pages = 0;

  for (gsize i = 0; i + 11 < size; i++)
    if (memcmp (data + i, "/Type /Page", 11) == 0 && data[i + 11] != 's')
      pages++;
  return pages;
}

static gboolean
bytes_contain (GBytes     *bytes,
               const void *needle,
               gsize       length)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

static char *
run_tool (const char *tool,
          const char *arg,
          const char *path)
{
  const char *argv[] = { tool, arg, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_autofree char *found = g_find_program_in_path (tool);

  if (found == NULL)
    return NULL;
  if (arg == NULL)
    argv[1] = path, argv[2] = NULL;
  else if (g_str_equal (tool, "pdfinfo"))
    argv[3] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
check_pdf (PoFlowchart *chart,
           PoFlowPaper  paper,
           const char  *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  const char *name = po_flowchart_get_item (chart)->name;
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (name, -1, NULL, NULL, NULL);
  g_autoptr(GString) hex = g_string_new ("FEFF");

  g_assert_true (po_flowchart_render (chart, PO_FLOW_FORMAT_PDF, paper, path, &error));
  g_assert_no_error (error);
  pdf = read_bytes (path);
  g_assert_true (bytes_contain (pdf, "%PDF-", 5));
  g_assert_cmpuint (count_pdf_pages (pdf), ==, 1);

  /* The item's name is the document's title (UTF-16BE, in hex). */
  for (const gunichar2 *p = utf16; *p; p++)
    g_string_append_printf (hex, "%04X", *p);
  g_assert_true (bytes_contain (pdf, hex->str, hex->len));

  if ((info = run_tool ("pdfinfo", NULL, path)) != NULL)
    {
      g_assert_nonnull (strstr (info, "Pages:           1\n"));
      g_assert_nonnull (strstr (info, paper == PO_FLOW_PAPER_A3 ? "(A3)" : "(A4)"));
    }
  /* The text is real text, in a CJK font: it comes back out. */
  if ((text = run_tool ("pdftotext", "-q", path)) != NULL)
    g_assert_nonnull (strstr (text, name));
}

static void
test_render (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = po_test_make_dir ();
  g_autoptr(PoFlowchart) chart = NULL;

  if (GPOINTER_TO_INT (data))
    chart = hostile_chart ();
  else
    {
      g_autoptr(PoFlowchart) ext = po_flowchart_new_from_template (PO_FLOW_TEMPLATE_LICENSE, PO_FLOWCHART_EXTERNAL, NULL);
      g_autoptr(PoItem) item = test_item (20, 18);

      chart = po_flowchart_new_from_template (PO_FLOW_TEMPLATE_LICENSE, PO_FLOWCHART_INTERNAL, ext);
      po_flowchart_set_item (chart, item);
    }

  check_pdf (chart, PO_FLOW_PAPER_A4, dir);
  check_pdf (chart, PO_FLOW_PAPER_A3, dir);

  {
    g_autoptr(GBytes) svg = po_flowchart_render_bytes (chart, PO_FLOW_FORMAT_SVG, PO_FLOW_PAPER_A4, &error);
    gsize size;
    const char *text;

    g_assert_no_error (error);
    text = g_bytes_get_data (svg, &size);
    g_assert_true (g_str_has_prefix (text, "<?xml"));
    g_assert_true (g_utf8_validate (text, (gssize) size, NULL));
    g_assert_true (bytes_contain (svg, "</svg>", 6));
  }

  {
    g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
    cairo_surface_t *png;
    int dark = 0;

    g_assert_true (po_flowchart_render (chart, PO_FLOW_FORMAT_PNG, PO_FLOW_PAPER_A4, path, &error));
    g_assert_no_error (error);
    png = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (png), >, 400);
    g_assert_cmpint (cairo_image_surface_get_height (png), >, 400);
    /* Something was drawn: dark pixels of lines and text. */
    cairo_surface_flush (png);
    for (int y = 0; y < cairo_image_surface_get_height (png); y += 3)
      {
        const guint32 *row = (const guint32 *) (gpointer) (cairo_image_surface_get_data (png) +
                                                           y * cairo_image_surface_get_stride (png));
        for (int x = 0; x < cairo_image_surface_get_width (png); x += 3)
          dark += (row[x] & 0xff) < 0x60;
      }
    g_assert_cmpint (dark, >, 1000);
    cairo_surface_destroy (png);
  }

  {
    /* Nothing to draw is an error, and leaves no file. */
    g_autoptr(PoFlowchart) empty = po_flowchart_new (PO_FLOWCHART_EXTERNAL);
    g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);

    g_assert_false (po_flowchart_render (empty, PO_FLOW_FORMAT_PDF, PO_FLOW_PAPER_A4, path, &error));
    g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  po_test_remove_dir (dir);
}

static void
on_layout_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PoFlowLayout **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = po_flowchart_layout_finish (PO_FLOWCHART (source), result, &error);
  g_assert_no_error (error);
}

static void
test_layout_async (void)
{
  g_autoptr(PoFlowchart) chart = po_flowchart_new_from_template (PO_FLOW_TEMPLATE_PENALTY, PO_FLOWCHART_EXTERNAL, NULL);
  PoFlowLayout *layout = NULL;
  guint first = node_by_label (chart, "立案");

  po_flowchart_layout_async (chart, NULL, on_layout_done, &layout);
  /* The worker has its own copy: changing the chart now is safe. */
  po_flowchart_set_node_label (chart, first, "立案（改）");
  while (layout == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_layout_sane (chart, layout);
  g_assert_cmpstr (po_flow_layout_find_node (layout, first)->text, ==, "立案");
  po_flow_layout_unref (layout);
}

/* The CLI */

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

static Run
cli (Fixture    *f,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Run r = { 0 };
  int wait_status = 0;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (char *) g_getenv ("PO_CLI"));
  g_assert_nonnull (argv->pdata[0]);
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, f->db_path);
  g_ptr_array_add (argv, (char *) first);
  va_start (ap, first);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
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

static void
assert_ok (Run *r)
{
  if (r->status != 0)
    g_error ("the CLI failed (%d): %s", r->status, r->err);
}

static void
assert_failed (Run        *r,
               int         status,
               const char *says)
{
  g_assert_cmpint (r->status, ==, status);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_cmpuint (count_lines (r->err), ==, 1);
  g_assert_true (g_str_has_prefix (r->err, "power-oversight-cli: "));
  if (says != NULL && strstr (r->err, says) == NULL)
    g_error ("“%s” does not say “%s”", r->err, says);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(PoFlowchart) ext = po_flowchart_new_from_template (PO_FLOW_TEMPLATE_LICENSE, PO_FLOWCHART_EXTERNAL, NULL);
  g_autofree char *ext_json = po_flowchart_to_json (ext);
  g_autofree char *ext_path = g_build_filename (f->dir, "ext.json", NULL);
  g_autofree char *out_path = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *in_path = g_build_filename (f->dir, "in.json", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *pdf_path = g_build_filename (f->dir, "chart.pdf", NULL);
  g_autofree char *svg_path = g_build_filename (f->dir, "chart.svg", NULL);
  g_autofree char *png_path = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char *missing_path = g_build_filename (f->dir, "missing.pdf", NULL);
  gint64 nodes_before, audit_before;

  /* The fixture's connection is closed so the CLI has the file alone. */
  g_clear_object (&f->db);
  g_assert_true (g_file_set_contents (ext_path, ext_json, -1, NULL));

  {
    g_auto(Run) r = cli (f, "flowchart", "import", ITEM, ext_path, NULL);
    assert_ok (&r);
    g_assert_cmpstr (r.out, ==, "imported 11 nodes, 12 edges\n");
  }
  {
    g_auto(Run) r = cli (f, "flowchart", "validate", ITEM, NULL);
    assert_ok (&r);
    g_assert_cmpstr (r.out, ==, "ok\n");
    g_assert_cmpstr (r.err, ==, "");
  }

  /* The internal chart from the template, linked through an export of
   * the stored external chart. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PoDatabase) db = po_database_open (f->db_path, &error);
    g_autoptr(PoFlowchart) stored = po_flowchart_load (db, ITEM, PO_FLOWCHART_INTERNAL, &error);
    g_autoptr(PoFlowchart) in = po_flowchart_new_from_template (PO_FLOW_TEMPLATE_LICENSE, PO_FLOWCHART_INTERNAL,
                                                                po_flowchart_get_external (stored));
    g_autofree char *json = po_flowchart_to_json (in);

    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (in_path, json, -1, NULL));
  }
  {
    g_auto(Run) r = cli (f, "flowchart", "import", ITEM, in_path, "--internal", NULL);
    assert_ok (&r);
    g_assert_cmpstr (r.out, ==, "imported 14 nodes, 15 edges\n");
  }
  {
    g_auto(Run) r = cli (f, "flowchart", "validate", ITEM, "--internal", NULL);
    assert_ok (&r);
    g_assert_cmpstr (r.out, ==, "ok\n");
  }

  /* Export, and export again through an import: the same file. */
  {
    g_auto(Run) r = cli (f, "flowchart", "export", ITEM, out_path, NULL);
    g_auto(Run) r2 = cli (f, "flowchart", "export", ITEM, "-", NULL);
    g_autofree char *written = NULL;

    assert_ok (&r);
    g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
    g_assert_cmpstr (written, ==, r2.out);
    g_assert_nonnull (strstr (written, "\"item\": \"" ITEM "\""));
  }

  /* Render, in each format; the format may follow from the name. */
  {
    g_auto(Run) a = cli (f, "flowchart", "render", ITEM, "--format", "pdf", "-o", pdf_path, NULL);
    g_auto(Run) b = cli (f, "flowchart", "render", ITEM, "--internal", "--format", "svg", "-o", svg_path, NULL);
    g_auto(Run) c = cli (f, "flowchart", "render", ITEM, "-o", png_path, "--paper", "a3", NULL);

    assert_ok (&a);
    assert_ok (&b);
    assert_ok (&c);
    g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (svg_path, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (png_path, G_FILE_TEST_IS_REGULAR));
  }

  /* A broken chart: exit 1, one finding a line on stdout, one line on
   * stderr; the import itself succeeds with a note. */
  {
    g_auto(GStrv) parts = g_strsplit (ext_json, "\"kind\": \"end\"", -1);
    g_autofree char *broken = g_strjoinv ("\"kind\": \"step\"", parts);

    g_assert_cmpuint (g_strv_length (parts), ==, 3);
    g_assert_true (g_file_set_contents (bad_path, broken, -1, NULL));
  }
  {
    g_auto(Run) r = cli (f, "flowchart", "import", ITEM, bad_path, NULL);
    assert_ok (&r);
    g_assert_nonnull (strstr (r.err, "note"));
  }
  {
    g_auto(Run) r = cli (f, "flowchart", "validate", ITEM, NULL);
    g_auto(GStrv) lines = g_strsplit (r.out, "\n", -1);

    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpuint (count_lines (r.out), >=, 1);
    for (guint i = 0; lines[i] && *lines[i]; i++)
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
        g_assert_cmpuint (g_strv_length (fields), ==, 3);
      }
    g_assert_nonnull (strstr (r.out, "no-end\tchart\tRule"));
    g_assert_cmpuint (count_lines (r.err), ==, 1);
  }

  /* Failures: one line, nothing written. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PoDatabase) db = po_database_open (f->db_path, &error);

    nodes_before = po_database_query_int (db, "SELECT count(*) FROM flow_nodes", NULL);
    audit_before = po_database_query_int (db, "SELECT count(*) FROM audit_log", NULL);
  }
  {
    g_auto(Run) r = cli (f, "flowchart", "validate", "NO-SUCH", NULL);
    assert_failed (&r, 1, "NO-SUCH");
  }
  {
    g_auto(Run) r = cli (f, "flowchart", "render", "NO-SUCH", "--format", "pdf", "-o", missing_path, NULL);
    assert_failed (&r, 1, "NO-SUCH");
    g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));
  }
  {
    g_assert_true (g_file_set_contents (bad_path,
                                        "{ \"format\": \"power-oversight-flowchart\", \"nodes\": ["
                                        " { \"id\": 1, \"kind\": \"start\" }, { \"id\": 2, \"kind\": \"step\" },"
                                        " { \"id\": 3, \"kind\": \"step\" }, { \"id\": 4, \"kind\": \"middle\" } ] }",
                                        -1, NULL));
  }
  {
    g_auto(Run) r = cli (f, "flowchart", "import", ITEM, bad_path, NULL);
    g_autofree char *place = g_strconcat (bad_path, ": nodes[3].kind:", NULL);
    assert_failed (&r, 1, place);
  }
  {
    g_auto(Run) r = cli (f, "flowchart", "import", "CF-001", ext_path, NULL);
    assert_failed (&r, 1, "legality review");
  }
  {
    g_auto(Run) r = cli (f, "flowchart", "render", ITEM, "--format", "gif", "-o", missing_path, NULL);
    assert_failed (&r, 2, "gif");
  }
  {
    g_auto(Run) r = cli (f, "flowchart", "render", ITEM, "--format", "pdf", NULL);
    assert_failed (&r, 2, NULL);
  }
  {
    g_auto(Run) r = cli (f, "flowchart", "draw", ITEM, NULL);
    assert_failed (&r, 2, "draw");
  }
  {
    g_auto(Run) r = cli (f, "flowchart", "validate", ITEM, "--colour", NULL);
    assert_failed (&r, 2, "--colour");
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PoDatabase) db = po_database_open (f->db_path, &error);

    g_assert_cmpint (po_database_query_int (db, "SELECT count(*) FROM flow_nodes", NULL), ==, nodes_before);
    g_assert_cmpint (po_database_query_int (db, "SELECT count(*) FROM audit_log", NULL), ==, audit_before);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flowchart/model/undo-redo", test_model_undo);
  g_test_add_func ("/flowchart/model/ids-unique", test_model_ids_unique);
  g_test_add_func ("/flowchart/templates/validate-clean", test_templates);
  g_test_add_func ("/flowchart/validate/every-rule-tested", test_rules_listed);
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/flowchart/validate/%s/%u", rule_cases[i].rule, i);
      g_test_add_data_func (path, &rule_cases[i], test_rule);
    }
  g_test_add_func ("/flowchart/validate/messages", test_messages);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/flowchart/db/save-load", test_save_load);
  ADD ("/flowchart/db/refuses-published", test_save_refuses_published);
  ADD ("/flowchart/db/unknown-item", test_unknown_item);
  ADD ("/flowchart/json/import-errors-write-nothing", test_import_errors);
  ADD ("/flowchart/json/db-round-trip", test_import_export_db);
  ADD ("/flowchart/cli", test_cli);
#undef ADD

  g_test_add_func ("/flowchart/json/round-trip", test_json_round_trip);
  g_test_add_func ("/flowchart/layout/templates", test_layout_templates);
  g_test_add_func ("/flowchart/layout/hostile-labels", test_layout_hostile);
  g_test_add_func ("/flowchart/layout/async", test_layout_async);
  g_test_add_data_func ("/flowchart/render/template", GINT_TO_POINTER (0), test_render);
  g_test_add_data_func ("/flowchart/render/hostile-labels", GINT_TO_POINTER (1), test_render);

  return g_test_run ();
}
