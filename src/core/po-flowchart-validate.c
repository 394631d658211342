/* po-flowchart-validate.c: the rules a flowchart keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each broken rule is a finding that names the rule, the node or edge,
 * and what to do, so the editor can list them and select the place. The
 * rules are those of issue 4 (规定 九(六)): one start, an end, every node
 * on a way from the start to an end, decisions that branch with labels,
 * loops only through returns (补正, 退回), internal steps with a post, a
 * duty, a time limit and an external step, every external step broken
 * down, and time limits that add up, along every way through the chart
 * with returns left out, to no more than the item's committed limit and
 * no more than its statutory limit.
 */
#define G_LOG_DOMAIN "po-flowchart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "po-flowchart-private.h"

typedef struct
{
  const char *code;
  const char *name;
} Rule;

/* In the order findings are listed. */
static const Rule rules[] = {
  { "one-start",               N_("exactly one start") },
  { "no-end",                  N_("at least one end") },
  { "empty-label",             N_("every node has a label") },
  { "edge-into-start",         N_("nothing enters the start") },
  { "edge-out-of-end",         N_("nothing leaves an end") },
  { "self-loop",               N_("no edge from a node to itself") },
  { "duplicate-edge",          N_("no duplicate edges") },
  { "unreachable",             N_("every node can be reached from the start") },
  { "no-way-to-end",           N_("every node leads to an end") },
  { "decision-branches",       N_("a decision has two or more ways out") },
  { "decision-edge-label",     N_("every way out of a decision is labelled") },
  { "return-edge-label",       N_("every return is labelled") },
  { "loop-without-return",     N_("a loop only through a return") },
  { "step-post",               N_("an internal step has a post") },
  { "step-duty",               N_("an internal step has a duty") },
  { "step-time-limit",         N_("an internal step has a time limit") },
  { "step-external",           N_("an internal step belongs to an external step") },
  { "external-step-uncovered", N_("every external step is broken down") },
  { "committed-over-statutory", N_("the committed limit is within the statutory limit") },
  { "time-over-committed",     N_("time limits add up to no more than the committed limit") },
  { "time-over-statutory",     N_("time limits add up to no more than the statutory limit") },
};

/**
 * po_flowchart_rules:
 * @n: (out): the number of rules
 *
 * Returns: (array length=n) (transfer none): the codes of the rules
 *   po_flowchart_validate() applies, in the order it reports them
 */
const char *const *
po_flowchart_rules (guint *n)
{
  static const char *codes[G_N_ELEMENTS (rules) + 1];

  if (codes[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
      codes[i] = rules[i].code;
  *n = G_N_ELEMENTS (rules);
  return codes;
}

/**
 * po_flowchart_rule_name:
 * @rule: a rule's code
 *
 * Returns: (nullable): the rule's name, translated
 */
const char *
po_flowchart_rule_name (const char *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_strcmp0 (rules[i].code, rule) == 0)
      return _(rules[i].name);
  return NULL;
}

/**
 * po_flow_finding_free:
 * @finding: (nullable) (transfer full): a finding
 */
void
po_flow_finding_free (PoFlowFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->message);
  g_free (finding);
}

typedef struct
{
  PoFlowchart     *chart;
  GPtrArray       *findings;
  guint            n_nodes;
  guint            n_edges;
  const PoFlowNode **nodes;      /* by index */
  const PoFlowEdge **edges;
  guint           *from;         /* edge → index of its tail */
  guint           *to;           /* edge → index of its head */
} Check;

static void add (Check           *c,
                 const char      *rule,
                 PoFlowPlace      place,
                 guint            id,
                 PoFlowchartKind  chart,
                 const char      *format,
                 ...) G_GNUC_PRINTF (6, 7);

static void
add (Check           *c,
     const char      *rule,
     PoFlowPlace      place,
     guint            id,
     PoFlowchartKind  chart,
     const char      *format,
     ...)
{
  PoFlowFinding *f = g_new0 (PoFlowFinding, 1);
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  f->rule = rule;
  f->place = place;
  f->id = id;
  f->chart = chart;
  /* TRANSLATORS: “Rule “exactly one start”: the chart has no start. …” */
  f->message = g_strdup_printf (_("Rule “%s”: %s"), po_flowchart_rule_name (rule), detail);
  g_ptr_array_add (c->findings, f);
}

#define NODE(c, i) (c)->nodes[i]

static char *
name_of (Check *c,
         guint  i)
{
  return po_flowchart_describe_node (c->chart, c->nodes[i]->id);
}

static char *
name_edge (Check *c,
           guint  e)
{
  g_autofree char *a = name_of (c, c->from[e]);
  g_autofree char *b = name_of (c, c->to[e]);

  /* TRANSLATORS: an edge: “审查” → “决定” */
  return g_strdup_printf (_("%s → %s"), a, b);
}

/* “A” → “B” → “C”; a long way keeps its first and last three. */
static char *
join_way (GPtrArray *names)
{
  GString *way = g_string_new (NULL);

  for (guint j = 0; j < names->len; j++)
    {
      if (names->len > 8 && j >= 3 && j < names->len - 3)
        {
          if (j == 3)
            g_string_append (way, _(" → …"));
          continue;
        }
      g_string_append_printf (way, "%s%s", j ? _(" → ") : "", (char *) g_ptr_array_index (names, j));
    }
  return g_string_free (way, FALSE);
}

static gboolean
blank (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Marks every node reached from the marked ones, along edges forward
 * (or backward). */
static void
spread (Check    *c,
        gboolean *mark,
        gboolean  forward)
{
  g_autofree guint *stack = g_new (guint, c->n_nodes + 1);
  guint top = 0;

  for (guint i = 0; i < c->n_nodes; i++)
    if (mark[i])
      stack[top++] = i;
  while (top > 0)
    {
      guint v = stack[--top];

      for (guint e = 0; e < c->n_edges; e++)
        {
          guint a = forward ? c->from[e] : c->to[e];
          guint b = forward ? c->to[e] : c->from[e];

          if (a == v && !mark[b])
            {
              mark[b] = TRUE;
              stack[top++] = b;
            }
        }
    }
}

static void
check_shape (Check *c,
             guint *n_starts,
             guint *n_ends)
{
  guint first_start = G_MAXUINT;
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *n_starts = *n_ends = 0;
  for (guint i = 0; i < c->n_nodes; i++)
    {
      if (NODE (c, i)->kind == PO_FLOW_NODE_START)
        {
          if (first_start == G_MAXUINT)
            first_start = i;
          else
            {
              g_autofree char *name = name_of (c, i);
              g_autofree char *first = name_of (c, first_start);

              add (c, "one-start", PO_FLOW_PLACE_NODE, NODE (c, i)->id, po_flowchart_get_kind (c->chart),
                   _("%s is a second start; the chart already starts at %s. Make it a step, or remove it."),
                   name, first);
            }
          (*n_starts)++;
        }
      else if (NODE (c, i)->kind == PO_FLOW_NODE_END)
        (*n_ends)++;
    }
  if (*n_starts == 0)
    add (c, "one-start", PO_FLOW_PLACE_CHART, 0, po_flowchart_get_kind (c->chart),
         _("the chart has no start. Add a node of the kind “start” where the procedure begins."));
  if (*n_ends == 0)
    add (c, "no-end", PO_FLOW_PLACE_CHART, 0, po_flowchart_get_kind (c->chart),
         _("the chart has no end. Add a node of the kind “end” where the procedure finishes, "
           "and connect the last steps to it."));

  for (guint i = 0; i < c->n_nodes; i++)
    if (blank (NODE (c, i)->label))
      {
        g_autofree char *name = name_of (c, i);

        add (c, "empty-label", PO_FLOW_PLACE_NODE, NODE (c, i)->id, po_flowchart_get_kind (c->chart),
             _("%s has no label. Type what happens in it."), name);
      }

  for (guint e = 0; e < c->n_edges; e++)
    {
      g_autofree char *edge = name_edge (c, e);

      if (NODE (c, c->to[e])->kind == PO_FLOW_NODE_START)
        add (c, "edge-into-start", PO_FLOW_PLACE_EDGE, c->edges[e]->id, po_flowchart_get_kind (c->chart),
             _("the edge %s leads into the start. Point it at the step after the start instead, or remove it."),
             edge);
      if (NODE (c, c->from[e])->kind == PO_FLOW_NODE_END)
        add (c, "edge-out-of-end", PO_FLOW_PLACE_EDGE, c->edges[e]->id, po_flowchart_get_kind (c->chart),
             _("the edge %s leaves an end. Remove it, or make the end a step and add an end after it."),
             edge);
    }

  for (guint e = 0; e < c->n_edges; e++)
    if (c->from[e] == c->to[e])
      {
        g_autofree char *name = name_of (c, c->from[e]);

        add (c, "self-loop", PO_FLOW_PLACE_EDGE, c->edges[e]->id, po_flowchart_get_kind (c->chart),
             _("an edge leads from %s back to itself. Remove it; to send work back, "
               "add a return to an earlier step."),
             name);
      }

  for (guint e = 0; e < c->n_edges; e++)
    {
      char *key = g_strdup_printf ("%u-%u", c->from[e], c->to[e]);

      if (g_hash_table_contains (pairs, key))
        {
          g_autofree char *edge = name_edge (c, e);

          add (c, "duplicate-edge", PO_FLOW_PLACE_EDGE, c->edges[e]->id, po_flowchart_get_kind (c->chart),
               _("the edge %s repeats another edge between the same nodes. Remove one of them."), edge);
          g_free (key);
        }
      else
        g_hash_table_add (pairs, key);
    }
}

static void
check_paths (Check *c,
             guint  n_starts,
             guint  n_ends)
{
  g_autofree gboolean *reached = g_new0 (gboolean, c->n_nodes);
  g_autofree gboolean *leads = g_new0 (gboolean, c->n_nodes);

  if (n_starts > 0)
    {
      for (guint i = 0; i < c->n_nodes; i++)
        reached[i] = NODE (c, i)->kind == PO_FLOW_NODE_START;
      spread (c, reached, TRUE);
      for (guint i = 0; i < c->n_nodes; i++)
        if (!reached[i])
          {
            g_autofree char *name = name_of (c, i);

            add (c, "unreachable", PO_FLOW_PLACE_NODE, NODE (c, i)->id, po_flowchart_get_kind (c->chart),
                 _("%s cannot be reached from the start. Connect the step before it to it, or remove it."),
                 name);
          }
    }

  if (n_ends > 0)
    {
      for (guint i = 0; i < c->n_nodes; i++)
        leads[i] = NODE (c, i)->kind == PO_FLOW_NODE_END;
      spread (c, leads, FALSE);
      for (guint i = 0; i < c->n_nodes; i++)
        if (!leads[i])
          {
            g_autofree char *name = name_of (c, i);

            add (c, "no-way-to-end", PO_FLOW_PLACE_NODE, NODE (c, i)->id, po_flowchart_get_kind (c->chart),
                 _("from %s there is no way to an end. Connect it to the step that follows it, or to an end."),
                 name);
          }
    }
}

static void
check_labels (Check *c)
{
  for (guint i = 0; i < c->n_nodes; i++)
    {
      guint out = 0;

      if (NODE (c, i)->kind != PO_FLOW_NODE_DECISION)
        continue;
      for (guint e = 0; e < c->n_edges; e++)
        out += c->from[e] == i && c->to[e] != i;
      if (out < 2)
        {
          g_autofree char *name = name_of (c, i);

          add (c, "decision-branches", PO_FLOW_PLACE_NODE, NODE (c, i)->id, po_flowchart_get_kind (c->chart),
               g_dngettext (GETTEXT_PACKAGE,
                            "the decision %s has %u way out. Give it an edge for each outcome, "
                            "or make it a step.",
                            "the decision %s has %u ways out. Give it an edge for each outcome, "
                            "or make it a step.",
                            out),
               name, out);
        }
    }

  for (guint e = 0; e < c->n_edges; e++)
    {
      if (!blank (c->edges[e]->label))
        continue;
      if (NODE (c, c->from[e])->kind == PO_FLOW_NODE_DECISION)
        {
          g_autofree char *edge = name_edge (c, e);

          add (c, "decision-edge-label", PO_FLOW_PLACE_EDGE, c->edges[e]->id, po_flowchart_get_kind (c->chart),
               _("the edge %s leaves a decision without a label. Label it with the outcome that takes it, "
                 "such as 符合 or 不符合."),
               edge);
        }
      else if (c->edges[e]->is_return)
        {
          g_autofree char *edge = name_edge (c, e);

          add (c, "return-edge-label", PO_FLOW_PLACE_EDGE, c->edges[e]->id, po_flowchart_get_kind (c->chart),
               _("the return %s has no label. Say why work goes back, such as 补正 or 退回."),
               edge);
        }
    }
}

/* Depth-first search over the edges that are not returns: each edge
 * that closes a loop is reported with the loop it closes. Marking those
 * edges as returns leaves a chart without loops. Returns whether the
 * chart, returns left out, has no loop. */
static gboolean
check_loops (Check *c)
{
  g_autofree guint8 *color = g_new0 (guint8, c->n_nodes);   /* 0 new, 1 on the path, 2 done */
  g_autofree guint *path = g_new (guint, c->n_nodes);         /* nodes on the current path */
  g_autofree guint *next_edge = g_new0 (guint, c->n_nodes);
  gboolean acyclic = TRUE;

  for (guint root = 0; root < c->n_nodes; root++)
    {
      guint depth = 0;

      if (color[root] != 0)
        continue;
      path[depth++] = root;
      color[root] = 1;
      while (depth > 0)
        {
          guint v = path[depth - 1];
          guint e = next_edge[v];

          for (; e < c->n_edges; e++)
            if (c->from[e] == v && !c->edges[e]->is_return && c->to[e] != v)
              break;
          if (e >= c->n_edges)
            {
              color[v] = 2;
              depth--;
              continue;
            }
          next_edge[v] = e + 1;

          if (color[c->to[e]] == 0)
            {
              color[c->to[e]] = 1;
              path[depth++] = c->to[e];
            }
          else if (color[c->to[e]] == 1)
            {
              g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
              g_autofree char *edge = name_edge (c, e);
              g_autofree char *loop = NULL;
              guint k = depth;

              while (k > 0 && path[k - 1] != c->to[e])
                k--;
              for (guint j = k - 1; j < depth; j++)
                g_ptr_array_add (names, name_of (c, path[j]));
              g_ptr_array_add (names, name_of (c, c->to[e]));
              loop = join_way (names);
              add (c, "loop-without-return", PO_FLOW_PLACE_EDGE, c->edges[e]->id, po_flowchart_get_kind (c->chart),
                   _("%s form a loop. Mark the edge %s as a return (补正, 退回) if work is sent back there, "
                     "or remove it."),
                   loop, edge);
              acyclic = FALSE;
            }
        }
    }
  return acyclic;
}

static void
check_internal (Check *c)
{
  PoFlowchart *external = po_flowchart_get_external (c->chart);
  g_autoptr(GHashTable) covered = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < c->n_nodes; i++)
    {
      const PoFlowNode *n = NODE (c, i);
      g_autofree char *name = NULL;

      if (n->external_node != 0)
        g_hash_table_add (covered, GUINT_TO_POINTER (n->external_node));
      if (n->kind != PO_FLOW_NODE_STEP)
        continue;

      name = name_of (c, i);
      if (blank (n->post))
        add (c, "step-post", PO_FLOW_PLACE_NODE, n->id, PO_FLOWCHART_INTERNAL,
             _("the internal step %s is assigned to no post. Choose the post (岗位) that does it."), name);
      if (blank (n->duty))
        add (c, "step-duty", PO_FLOW_PLACE_NODE, n->id, PO_FLOWCHART_INTERNAL,
             _("the internal step %s has no duty. Write what its post does in this step."), name);
      if (n->time_limit < 0)
        add (c, "step-time-limit", PO_FLOW_PLACE_NODE, n->id, PO_FLOWCHART_INTERNAL,
             _("the internal step %s has no time limit. Enter it in working days (0 when it is done at once)."),
             name);

      if (n->external_node == 0)
        add (c, "step-external", PO_FLOW_PLACE_NODE, n->id, PO_FLOWCHART_INTERNAL,
             _("the internal step %s belongs to no external step. Choose the step of the external flowchart "
               "it is part of."),
             name);
      else if (external != NULL)
        {
          const PoFlowNode *x = po_flowchart_find_node (external, n->external_node);

          if (x == NULL)
            add (c, "step-external", PO_FLOW_PLACE_NODE, n->id, PO_FLOWCHART_INTERNAL,
                 _("the internal step %s belongs to an external step that no longer exists. Choose the step "
                   "of the external flowchart it is part of."),
                 name);
          else if (x->kind == PO_FLOW_NODE_START || x->kind == PO_FLOW_NODE_END)
            {
              g_autofree char *xname = po_flowchart_describe_node (external, x->id);

              add (c, "step-external", PO_FLOW_PLACE_NODE, n->id, PO_FLOWCHART_INTERNAL,
                   _("the internal step %s belongs to %s, the %s of the external flowchart, which is not a step. "
                     "Choose the step it is part of."),
                   name, xname, po_flow_node_kind_label (x->kind));
            }
        }
    }

  if (external == NULL)
    return;
  for (guint i = 0; i < po_flowchart_get_n_nodes (external); i++)
    {
      const PoFlowNode *x = po_flowchart_get_node (external, i);

      if (x->kind == PO_FLOW_NODE_STEP && !g_hash_table_contains (covered, GUINT_TO_POINTER (x->id)))
        {
          g_autofree char *xname = po_flowchart_describe_node (external, x->id);

          add (c, "external-step-uncovered", PO_FLOW_PLACE_NODE, x->id, PO_FLOWCHART_EXTERNAL,
               _("the external step %s has no internal step. Add the internal steps that carry it out, "
                 "or assign existing ones to it."),
               xname);
        }
    }
}

/* The longest way from the start to an end, returns left out, weighed by
 * the nodes' time limits; the chart has no loop without a return here. */
static void
check_time (Check *c)
{
  const PoItem *item = po_flowchart_get_item (c->chart);
  g_autofree int *indegree = g_new0 (int, c->n_nodes);
  g_autofree gint64 *total = g_new (gint64, c->n_nodes);
  g_autofree guint *prev = g_new (guint, c->n_nodes);
  g_autofree guint *queue = g_new (guint, c->n_nodes);
  guint head = 0, tail = 0;
  guint worst = G_MAXUINT;
  int committed, statutory;

  if (item == NULL)
    return;
  committed = item->committed_limit;
  statutory = item->statutory_limit;

  if (committed > 0 && statutory > 0 && committed > statutory)
    add (c, "committed-over-statutory", PO_FLOW_PLACE_CHART, 0, po_flowchart_get_kind (c->chart),
         _("the item promises %d working days but the law allows %d. Lower the committed limit in the catalogue."),
         committed, statutory);
  if (committed <= 0 && statutory <= 0)
    return;

  for (guint e = 0; e < c->n_edges; e++)
    if (!c->edges[e]->is_return && c->from[e] != c->to[e])
      indegree[c->to[e]]++;
  for (guint i = 0; i < c->n_nodes; i++)
    {
      total[i] = -1;
      prev[i] = G_MAXUINT;
      if (indegree[i] == 0)
        queue[tail++] = i;
      if (NODE (c, i)->kind == PO_FLOW_NODE_START)
        total[i] = MAX (NODE (c, i)->time_limit, 0);
    }
  /* Topological order; only ways that begin at a start count. */
  while (head < tail)
    {
      guint v = queue[head++];

      for (guint e = 0; e < c->n_edges; e++)
        {
          guint w = c->to[e];

          if (c->from[e] != v || c->edges[e]->is_return || w == v)
            continue;
          if (total[v] >= 0 && total[v] + MAX (NODE (c, w)->time_limit, 0) > total[w])
            {
              total[w] = total[v] + MAX (NODE (c, w)->time_limit, 0);
              prev[w] = v;
            }
          if (--indegree[w] == 0)
            queue[tail++] = w;
        }
    }

  for (guint i = 0; i < c->n_nodes; i++)
    if (NODE (c, i)->kind == PO_FLOW_NODE_END && total[i] >= 0 &&
        (worst == G_MAXUINT || total[i] > total[worst]))
      worst = i;
  if (worst == G_MAXUINT)
    return;

  {
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *way = NULL;
    gint64 days = total[worst];

    for (guint v = worst; v != G_MAXUINT; v = prev[v])
      g_ptr_array_insert (names, 0, name_of (c, v));
    way = join_way (names);

    if (committed > 0 && days > committed)
      add (c, "time-over-committed", PO_FLOW_PLACE_NODE, NODE (c, worst)->id, po_flowchart_get_kind (c->chart),
           _("along the way %s the time limits add up to %d working days, more than the %d the item "
             "commits to. Shorten the steps' time limits."),
           way, (int) days, committed);
    if (statutory > 0 && days > statutory)
      add (c, "time-over-statutory", PO_FLOW_PLACE_NODE, NODE (c, worst)->id, po_flowchart_get_kind (c->chart),
           _("along the way %s the time limits add up to %d working days, more than the %d the law allows. "
             "Shorten the steps' time limits."),
           way, (int) days, statutory);
  }
}

/**
 * po_flowchart_validate:
 *
 * Applies every rule (po_flowchart_rules()) to the chart. An internal
 * chart is checked against its external chart (po_flowchart_set_external())
 * and both against the item's limits (po_flowchart_set_item()); without
 * them those rules are skipped.
 *
 * Returns: (transfer container) (element-type PoFlowFinding): the
 *   findings, rule by rule (an internal chart's steps node by node),
 *   empty when the chart keeps every rule
 */
GPtrArray *
po_flowchart_validate (PoFlowchart *self)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree const PoFlowNode **nodes = NULL;
  g_autofree const PoFlowEdge **edges = NULL;
  g_autofree guint *from = NULL;
  g_autofree guint *to = NULL;
  GPtrArray *findings;
  Check c = { 0 };
  guint n_starts, n_ends;
  gboolean acyclic;

  g_return_val_if_fail (PO_IS_FLOWCHART (self), NULL);

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) po_flow_finding_free);
  c.chart = self;
  c.findings = findings;
  c.n_nodes = po_flowchart_get_n_nodes (self);
  c.nodes = nodes = g_new (const PoFlowNode *, c.n_nodes + 1);
  for (guint i = 0; i < c.n_nodes; i++)
    {
      nodes[i] = po_flowchart_get_node (self, i);
      g_hash_table_insert (index, GUINT_TO_POINTER (nodes[i]->id), GUINT_TO_POINTER (i + 1));
    }

  /* The model keeps edges between existing nodes; an edge that is not
   * (there is none) would be left out rather than crash the check. */
  edges = g_new (const PoFlowEdge *, po_flowchart_get_n_edges (self) + 1);
  from = g_new (guint, po_flowchart_get_n_edges (self) + 1);
  to = g_new (guint, po_flowchart_get_n_edges (self) + 1);
  for (guint e = 0; e < po_flowchart_get_n_edges (self); e++)
    {
      const PoFlowEdge *edge = po_flowchart_get_edge (self, e);
      guint a = GPOINTER_TO_UINT (g_hash_table_lookup (index, GUINT_TO_POINTER (edge->from)));
      guint b = GPOINTER_TO_UINT (g_hash_table_lookup (index, GUINT_TO_POINTER (edge->to)));

      if (a == 0 || b == 0)
        continue;
      edges[c.n_edges] = edge;
      from[c.n_edges] = a - 1;
      to[c.n_edges] = b - 1;
      c.n_edges++;
    }
  c.edges = edges;
  c.from = from;
  c.to = to;

  check_shape (&c, &n_starts, &n_ends);
  check_paths (&c, n_starts, n_ends);
  check_labels (&c);
  acyclic = check_loops (&c);
  if (po_flowchart_get_kind (self) == PO_FLOWCHART_INTERNAL)
    check_internal (&c);
  if (acyclic)
    check_time (&c);

  return findings;
}
