/* po-flowchart.c: an item's flowcharts in memory, in the database and in
 * files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every power item has an external flowchart (the statutory procedure)
 * and an internal one that breaks each external step down to the posts
 * that do it (规定 九(六)). A #PoFlowchart is one of them in memory: the
 * editor changes it through setters that keep an undo history, the core
 * validates it (po-flowchart-validate.c), lays it out with Graphviz and
 * draws it (po-flowchart-layout.c), and stores it here.
 *
 * Ids. A chart loaded from the database uses the rows' ids as node and
 * edge ids, so a file exported from it, a finding and the database all
 * name the same node. Nodes added in memory get the next free id; the
 * row they get when saved may differ, and the chart keeps both, so the
 * editor's ids never change under it.
 *
 * Flowchart files (JSON), format version 1
 * ----------------------------------------
 *
 *   {
 *     "format": "power-oversight-flowchart",     required
 *     "version": 1,                               optional; 1
 *     "item": "XK-001",                           optional; informative only
 *     "kind": "external",                         optional; "external" or
 *                                                 "internal"; when present it
 *                                                 must be the kind imported
 *     "nodes": [                                  required
 *       { "id": 1, "kind": "start", "label": "开始" },
 *       { "id": 2, "kind": "step", "label": "受理",
 *         "post": "受理岗",                       internal chart: the post
 *         "duty": "接收申请材料，当场作出是否受理的决定",
 *         "time_limit": 2,                        working days, 0 or more
 *         "external": 12 },                       internal chart: the id of
 *                                                 the external chart's node
 *                                                 this step belongs to
 *       …
 *     ],
 *     "edges": [                                  optional
 *       { "id": 1, "from": 1, "to": 2,            "id" optional
 *         "label": "符合",                        optional, "" by default
 *         "return": false },                      optional; true for a
 *                                                 return (补正, 退回)
 *       …
 *     ]
 *   }
 *
 * Node "kind" is one of "start", "step", "decision", "end". Ids are whole
 * numbers above 0, unique among the nodes (and among the edges); edges
 * name nodes by id. "post", "duty", "time_limit" and "external" may be
 * left out or null. Any other key is an error, so that a misspelt one is
 * not silently dropped. An export of a stored chart uses the rows' ids,
 * and the "external" of an internal chart's nodes are ids in the export
 * of the external chart. Importing replaces the chart as a whole: a node
 * whose id is a row of that chart keeps its row; every other node is new.
 * A post that the item's department does not have yet is added to it.
 * Import checks the file's structure, not the flowchart rules (use
 * `flowchart validate`); it is all or nothing, and each error names the
 * place, e.g. `chart.json: nodes[3].kind: …`.
 */
#define G_LOG_DOMAIN "po-flowchart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "po-domain.h"
#include "po-error.h"
#include "po-flowchart-private.h"
#include "po-util.h"

#define UNDO_DEPTH 500

typedef struct
{
  PoFlowNode  pub;
  gint64      db_id;   /* its row, 0 when not stored yet */
} Node;

typedef struct
{
  PoFlowEdge  pub;
  gint64      db_id;
} Edge;

/* One version of the chart's content; the undo history is a stack of
 * them. A serial tells whether the content is the one last saved. */
typedef struct
{
  GPtrArray *nodes;    /* Node */
  GPtrArray *edges;    /* Edge */
  guint      serial;
} State;

struct _PoFlowchart
{
  GObject          parent_instance;

  PoFlowchartKind  kind;
  PoItem          *item;
  PoFlowchart     *external;
  int              version;
  char            *updated_on;

  State           *state;
  GPtrArray       *undo;     /* State, oldest first */
  GPtrArray       *redo;     /* State, next to redo last */
  guint            clean_serial;
  guint            next_node_id;
  guint            next_edge_id;
  guint            group_depth;
  gboolean         group_recorded;
};

G_DEFINE_FINAL_TYPE (PoFlowchart, po_flowchart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static gint last_serial;

/* Serials are handed out from any thread: a chart may be read on one. */
static guint
next_serial (void)
{
  return (guint) g_atomic_int_add (&last_serial, 1) + 1;
}

static const char *const node_kind_keys[] = { "start", "step", "decision", "end" };
static const char *const node_kind_labels[] = { N_("start"), N_("step"), N_("decision"), N_("end") };

/* Enumerations */

/**
 * po_flowchart_kind_key:
 *
 * Returns: "external" or "internal", as the database and files write it
 */
const char *
po_flowchart_kind_key (PoFlowchartKind kind)
{
  return kind == PO_FLOWCHART_INTERNAL ? "internal" : "external";
}

/**
 * po_flow_node_kind_key:
 *
 * Returns: "start", "step", "decision" or "end"
 */
const char *
po_flow_node_kind_key (PoFlowNodeKind kind)
{
  g_return_val_if_fail (kind <= PO_FLOW_NODE_END, NULL);

  return node_kind_keys[kind];
}

/**
 * po_flow_node_kind_from_key:
 * @key: "start", "step", "decision" or "end"
 *
 * Returns: whether @key names a node kind
 */
gboolean
po_flow_node_kind_from_key (const char     *key,
                            PoFlowNodeKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (node_kind_keys); i++)
    if (g_strcmp0 (key, node_kind_keys[i]) == 0)
      {
        *kind = (PoFlowNodeKind) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * po_flow_node_kind_label:
 *
 * Returns: the kind's name for people, translated
 */
const char *
po_flow_node_kind_label (PoFlowNodeKind kind)
{
  g_return_val_if_fail (kind <= PO_FLOW_NODE_END, NULL);

  return _(node_kind_labels[kind]);
}

/* States */

static void
node_free (gpointer data)
{
  Node *n = data;

  g_free (n->pub.label);
  g_free (n->pub.post);
  g_free (n->pub.duty);
  g_free (n);
}

static void
edge_free (gpointer data)
{
  Edge *e = data;

  g_free (e->pub.label);
  g_free (e);
}

static Node *
node_copy (const Node *n)
{
  Node *copy = g_new (Node, 1);

  *copy = *n;
  copy->pub.label = g_strdup (n->pub.label);
  copy->pub.post = g_strdup (n->pub.post);
  copy->pub.duty = g_strdup (n->pub.duty);
  return copy;
}

static Edge *
edge_copy (const Edge *e)
{
  Edge *copy = g_new (Edge, 1);

  *copy = *e;
  copy->pub.label = g_strdup (e->pub.label);
  return copy;
}

static State *
state_new (void)
{
  State *s = g_new0 (State, 1);

  s->nodes = g_ptr_array_new_with_free_func (node_free);
  s->edges = g_ptr_array_new_with_free_func (edge_free);
  s->serial = next_serial ();
  return s;
}

static void
state_free (gpointer data)
{
  State *s = data;

  g_ptr_array_unref (s->nodes);
  g_ptr_array_unref (s->edges);
  g_free (s);
}

static State *
state_copy (const State *s)
{
  State *copy = g_new0 (State, 1);

  copy->nodes = g_ptr_array_new_full (s->nodes->len, node_free);
  copy->edges = g_ptr_array_new_full (s->edges->len, edge_free);
  for (guint i = 0; i < s->nodes->len; i++)
    g_ptr_array_add (copy->nodes, node_copy (g_ptr_array_index (s->nodes, i)));
  for (guint i = 0; i < s->edges->len; i++)
    g_ptr_array_add (copy->edges, edge_copy (g_ptr_array_index (s->edges, i)));
  copy->serial = s->serial;
  return copy;
}

static Node *
state_find_node (State *s,
                 guint  id)
{
  for (guint i = 0; i < s->nodes->len; i++)
    {
      Node *n = g_ptr_array_index (s->nodes, i);
      if (n->pub.id == id)
        return n;
    }
  return NULL;
}

static Edge *
state_find_edge (State *s,
                 guint  id)
{
  for (guint i = 0; i < s->edges->len; i++)
    {
      Edge *e = g_ptr_array_index (s->edges, i);
      if (e->pub.id == id)
        return e;
    }
  return NULL;
}

/* GObject */

static void
po_flowchart_finalize (GObject *object)
{
  PoFlowchart *self = (PoFlowchart *) object;

  g_clear_pointer (&self->state, state_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->item, po_item_free);
  g_clear_object (&self->external);
  g_free (self->updated_on);

  G_OBJECT_CLASS (po_flowchart_parent_class)->finalize (object);
}

static void
po_flowchart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PoFlowchart *self = PO_FLOWCHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, po_flowchart_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, po_flowchart_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, po_flowchart_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_flowchart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PoFlowchart *self = PO_FLOWCHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value) == PO_FLOWCHART_INTERNAL ? PO_FLOWCHART_INTERNAL
                                                                    : PO_FLOWCHART_EXTERNAL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_flowchart_class_init (PoFlowchartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = po_flowchart_finalize;
  object_class->get_property = po_flowchart_get_property;
  object_class->set_property = po_flowchart_set_property;

  /**
   * PoFlowchart:kind:
   *
   * A #PoFlowchartKind: external or internal.
   */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      PO_FLOWCHART_EXTERNAL, PO_FLOWCHART_INTERNAL, PO_FLOWCHART_EXTERNAL,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PoFlowchart:modified:
   *
   * Whether the content differs from what was last loaded or saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PoFlowchart::changed:
   *
   * The nodes or edges changed: by an edit, an undo or redo, a
   * replacement, or a save that stored new rows.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
po_flowchart_init (PoFlowchart *self)
{
  self->state = state_new ();
  self->clean_serial = self->state->serial;
  self->undo = g_ptr_array_new_with_free_func (state_free);
  self->redo = g_ptr_array_new_with_free_func (state_free);
  self->next_node_id = 1;
  self->next_edge_id = 1;
}

/**
 * po_flowchart_new:
 *
 * Returns: (transfer full): an empty chart
 */
PoFlowchart *
po_flowchart_new (PoFlowchartKind kind)
{
  return g_object_new (PO_TYPE_FLOWCHART, "kind", (int) kind, NULL);
}

/**
 * po_flowchart_get_kind:
 *
 * Returns: whether the chart is the external or the internal one
 */
PoFlowchartKind
po_flowchart_get_kind (PoFlowchart *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), PO_FLOWCHART_EXTERNAL);

  return self->kind;
}

/**
 * po_flowchart_get_item:
 *
 * Returns: (nullable) (transfer none): the item the chart belongs to;
 *   its limits are what validation sums time limits against, its fields
 *   fill the title block
 */
const PoItem *
po_flowchart_get_item (PoFlowchart *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), NULL);

  return self->item;
}

/**
 * po_flowchart_set_item:
 * @item: (nullable): copied
 */
void
po_flowchart_set_item (PoFlowchart  *self,
                       const PoItem *item)
{
  g_return_if_fail (PO_IS_FLOWCHART (self));

  g_clear_pointer (&self->item, po_item_free);
  if (item != NULL)
    self->item = po_item_copy (item);
}

/**
 * po_flowchart_get_external:
 *
 * Returns: (nullable) (transfer none): for an internal chart, the
 *   external chart its steps belong to
 */
PoFlowchart *
po_flowchart_get_external (PoFlowchart *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), NULL);

  return self->external;
}

/**
 * po_flowchart_set_external:
 * @external: (nullable): the item's external chart
 *
 * Links an internal chart to the external chart its steps belong to: the
 * `external_node` of its nodes are ids in @external. Validation checks
 * coverage against it and saving maps the ids to its rows.
 */
void
po_flowchart_set_external (PoFlowchart *self,
                           PoFlowchart *external)
{
  g_return_if_fail (PO_IS_FLOWCHART (self));
  g_return_if_fail (external == NULL || PO_IS_FLOWCHART (external));
  g_return_if_fail (external == NULL || external->kind == PO_FLOWCHART_EXTERNAL);
  g_return_if_fail (external != self);

  g_set_object (&self->external, external);
}

/**
 * po_flowchart_get_version:
 *
 * Returns: the stored chart's version, raised by each save that changed
 *   it; 0 for a chart never stored
 */
int
po_flowchart_get_version (PoFlowchart *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), 0);

  return self->version;
}

/**
 * po_flowchart_get_updated_on:
 *
 * Returns: (nullable): the day (YYYY-MM-DD) the stored version was
 *   saved, from the audit log
 */
const char *
po_flowchart_get_updated_on (PoFlowchart *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), NULL);

  return self->updated_on;
}

/**
 * po_flowchart_get_modified:
 *
 * Returns: whether the content differs from what was last loaded or
 *   saved (#PoFlowchart:modified)
 */
gboolean
po_flowchart_get_modified (PoFlowchart *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), FALSE);

  return self->state->serial != self->clean_serial;
}

/**
 * po_flowchart_get_n_nodes:
 *
 * Returns: the number of nodes, for po_flowchart_get_node()
 */
guint
po_flowchart_get_n_nodes (PoFlowchart *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), 0);

  return self->state->nodes->len;
}

/**
 * po_flowchart_get_node:
 * @index: from 0 to po_flowchart_get_n_nodes() - 1
 *
 * Returns: (transfer none): the node, valid until the chart changes
 */
const PoFlowNode *
po_flowchart_get_node (PoFlowchart *self,
                       guint        index)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), NULL);
  g_return_val_if_fail (index < self->state->nodes->len, NULL);

  return &((Node *) g_ptr_array_index (self->state->nodes, index))->pub;
}

/**
 * po_flowchart_find_node:
 *
 * Returns: (nullable) (transfer none): the node with @id, valid until
 *   the chart changes
 */
const PoFlowNode *
po_flowchart_find_node (PoFlowchart *self,
                        guint        id)
{
  Node *n;

  g_return_val_if_fail (PO_IS_FLOWCHART (self), NULL);

  n = state_find_node (self->state, id);
  return n ? &n->pub : NULL;
}

/**
 * po_flowchart_get_n_edges:
 *
 * Returns: the number of edges, for po_flowchart_get_edge()
 */
guint
po_flowchart_get_n_edges (PoFlowchart *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), 0);

  return self->state->edges->len;
}

/**
 * po_flowchart_get_edge:
 *
 * Returns: (transfer none): the edge, valid until the chart changes
 */
const PoFlowEdge *
po_flowchart_get_edge (PoFlowchart *self,
                       guint        index)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), NULL);
  g_return_val_if_fail (index < self->state->edges->len, NULL);

  return &((Edge *) g_ptr_array_index (self->state->edges, index))->pub;
}

/**
 * po_flowchart_find_edge:
 *
 * Returns: (nullable) (transfer none): the edge with @id
 */
const PoFlowEdge *
po_flowchart_find_edge (PoFlowchart *self,
                        guint        id)
{
  Edge *e;

  g_return_val_if_fail (PO_IS_FLOWCHART (self), NULL);

  e = state_find_edge (self->state, id);
  return e ? &e->pub : NULL;
}

char *
po_flowchart_describe_node (PoFlowchart *self,
                            guint        id)
{
  const PoFlowNode *n = po_flowchart_find_node (self, id);
  g_autofree char *flat = NULL;

  if (n == NULL)
    return g_strdup_printf (_("node %u"), id);

  flat = g_strstrip (g_strdelimit (g_strdup (n->label), "\r\n\t", ' '));
  if (*flat == '\0')
    /* TRANSLATORS: a node without a label, e.g. “the step 7” */
    return g_strdup_printf (_("the %s %u"), po_flow_node_kind_label (n->kind), n->id);
  if (g_utf8_strlen (flat, -1) > 24)
    {
      g_autofree char *head = g_utf8_substring (flat, 0, 23);
      return g_strdup_printf ("“%s…”", head);
    }
  return g_strdup_printf ("“%s”", flat);
}

/* Changes and their history */

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
} Flags;

static Flags
flags_now (PoFlowchart *self)
{
  Flags f = { po_flowchart_can_undo (self), po_flowchart_can_redo (self), po_flowchart_get_modified (self) };
  return f;
}

static void
changed (PoFlowchart *self,
         Flags        before)
{
  Flags after = flags_now (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (after.can_undo != before.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (after.can_redo != before.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (after.modified != before.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Called before each change: records the content as it was, once per
 * group, and gives the new content a serial of its own. */
static Flags
begin_change (PoFlowchart *self)
{
  Flags before = flags_now (self);

  if (self->group_depth == 0 || !self->group_recorded)
    {
      g_ptr_array_add (self->undo, state_copy (self->state));
      if (self->undo->len > UNDO_DEPTH)
        g_ptr_array_remove_index (self->undo, 0);
      g_ptr_array_set_size (self->redo, 0);
      self->group_recorded = self->group_depth > 0;
    }
  self->state->serial = next_serial ();
  return before;
}

/**
 * po_flowchart_begin_group:
 *
 * Makes the changes up to the matching po_flowchart_end_group() one
 * step of undo. Groups nest.
 */
void
po_flowchart_begin_group (PoFlowchart *self)
{
  g_return_if_fail (PO_IS_FLOWCHART (self));

  if (self->group_depth++ == 0)
    self->group_recorded = FALSE;
}

/**
 * po_flowchart_end_group:
 *
 * Ends the group po_flowchart_begin_group() began.
 */
void
po_flowchart_end_group (PoFlowchart *self)
{
  g_return_if_fail (PO_IS_FLOWCHART (self));
  g_return_if_fail (self->group_depth > 0);

  self->group_depth--;
}

/**
 * po_flowchart_can_undo:
 *
 * Returns: whether there is a change to undo (#PoFlowchart:can-undo)
 */
gboolean
po_flowchart_can_undo (PoFlowchart *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), FALSE);

  return self->undo->len > 0;
}

/**
 * po_flowchart_can_redo:
 *
 * Returns: whether there is an undone change to redo (#PoFlowchart:can-redo)
 */
gboolean
po_flowchart_can_redo (PoFlowchart *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), FALSE);

  return self->redo->len > 0;
}

static gboolean
step_history (PoFlowchart *self,
              GPtrArray   *from,
              GPtrArray   *to)
{
  Flags before;

  if (from->len == 0 || self->group_depth > 0)
    return FALSE;
  before = flags_now (self);
  g_ptr_array_add (to, self->state);
  self->state = g_ptr_array_steal_index (from, from->len - 1);
  changed (self, before);
  return TRUE;
}

/**
 * po_flowchart_undo:
 *
 * Returns: whether there was a change to undo
 */
gboolean
po_flowchart_undo (PoFlowchart *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), FALSE);

  return step_history (self, self->undo, self->redo);
}

/**
 * po_flowchart_redo:
 *
 * Returns: whether there was an undone change to redo
 */
gboolean
po_flowchart_redo (PoFlowchart *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), FALSE);

  return step_history (self, self->redo, self->undo);
}

static void
clear_history (PoFlowchart *self)
{
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
}

static void
mark_clean (PoFlowchart *self)
{
  self->clean_serial = self->state->serial;
}

static char *
dup_or_empty (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

/**
 * po_flowchart_add_node:
 * @label: (nullable): the node's label
 *
 * Returns: the new node's id
 */
guint
po_flowchart_add_node (PoFlowchart    *self,
                       PoFlowNodeKind  kind,
                       const char     *label)
{
  Flags before;
  Node *n;

  g_return_val_if_fail (PO_IS_FLOWCHART (self), 0);
  g_return_val_if_fail (kind <= PO_FLOW_NODE_END, 0);

  before = begin_change (self);
  n = g_new0 (Node, 1);
  n->pub.id = self->next_node_id++;
  n->pub.kind = kind;
  n->pub.label = dup_or_empty (label);
  n->pub.duty = g_strdup ("");
  n->pub.time_limit = -1;
  g_ptr_array_add (self->state->nodes, n);
  changed (self, before);
  return n->pub.id;
}

/**
 * po_flowchart_remove_node:
 *
 * Removes the node and every edge that touches it, as one change.
 *
 * Returns: whether there was such a node
 */
gboolean
po_flowchart_remove_node (PoFlowchart *self,
                          guint        id)
{
  Flags before;
  Node *n;

  g_return_val_if_fail (PO_IS_FLOWCHART (self), FALSE);

  if ((n = state_find_node (self->state, id)) == NULL)
    return FALSE;
  before = begin_change (self);
  for (guint i = self->state->edges->len; i-- > 0;)
    {
      Edge *e = g_ptr_array_index (self->state->edges, i);
      if (e->pub.from == id || e->pub.to == id)
        g_ptr_array_remove_index (self->state->edges, i);
    }
  g_ptr_array_remove (self->state->nodes, state_find_node (self->state, id));
  changed (self, before);
  return TRUE;
}

/* The setters share one shape: find the node, leave when nothing would
 * change, else record and change. */
#define NODE_SETTER_BEGIN(same)                                   \
  Node *n;                                                        \
  Flags before;                                                   \
  g_return_val_if_fail (PO_IS_FLOWCHART (self), FALSE);           \
  if ((n = state_find_node (self->state, id)) == NULL)            \
    return FALSE;                                                 \
  if (same)                                                       \
    return TRUE;                                                  \
  before = begin_change (self);                                   \
  n = state_find_node (self->state, id);

#define EDGE_SETTER_BEGIN(same)                                   \
  Edge *e;                                                        \
  Flags before;                                                   \
  g_return_val_if_fail (PO_IS_FLOWCHART (self), FALSE);           \
  if ((e = state_find_edge (self->state, id)) == NULL)            \
    return FALSE;                                                 \
  if (same)                                                       \
    return TRUE;                                                  \
  before = begin_change (self);                                   \
  e = state_find_edge (self->state, id);

/**
 * po_flowchart_set_node_kind:
 *
 * Returns: whether there is such a node
 */
gboolean
po_flowchart_set_node_kind (PoFlowchart    *self,
                            guint           id,
                            PoFlowNodeKind  kind)
{
  g_return_val_if_fail (kind <= PO_FLOW_NODE_END, FALSE);
  {
    NODE_SETTER_BEGIN (n->pub.kind == kind)
    n->pub.kind = kind;
    changed (self, before);
  }
  return TRUE;
}

/**
 * po_flowchart_set_node_label:
 * @label: (nullable): the new label
 *
 * Returns: whether there is such a node
 */
gboolean
po_flowchart_set_node_label (PoFlowchart *self,
                             guint        id,
                             const char  *label)
{
  NODE_SETTER_BEGIN (g_strcmp0 (n->pub.label, label ? label : "") == 0)
  g_free (n->pub.label);
  n->pub.label = dup_or_empty (label);
  changed (self, before);
  return TRUE;
}

/**
 * po_flowchart_set_node_post:
 * @post: (nullable): the post's name; %NULL or empty for none
 *
 * Assigns an internal step to a post (岗位) of the item's department; a
 * post the department does not have yet is added to it when the chart
 * is saved.
 *
 * Returns: whether there is such a node
 */
gboolean
po_flowchart_set_node_post (PoFlowchart *self,
                            guint        id,
                            const char  *post)
{
  const char *value = post != NULL && *post != '\0' ? post : NULL;

  {
    NODE_SETTER_BEGIN (g_strcmp0 (n->pub.post, value) == 0)
    g_free (n->pub.post);
    n->pub.post = g_strdup (value);
    n->pub.post_id = 0;
    changed (self, before);
  }
  return TRUE;
}

/**
 * po_flowchart_set_node_duty:
 * @duty: (nullable): what the post does in this step
 *
 * Returns: whether there is such a node
 */
gboolean
po_flowchart_set_node_duty (PoFlowchart *self,
                            guint        id,
                            const char  *duty)
{
  NODE_SETTER_BEGIN (g_strcmp0 (n->pub.duty, duty ? duty : "") == 0)
  g_free (n->pub.duty);
  n->pub.duty = dup_or_empty (duty);
  changed (self, before);
  return TRUE;
}

/**
 * po_flowchart_set_node_time_limit:
 * @working_days: 0 or more, or -1 for none
 *
 * Returns: whether there is such a node
 */
gboolean
po_flowchart_set_node_time_limit (PoFlowchart *self,
                                  guint        id,
                                  int          working_days)
{
  int value = MAX (working_days, -1);

  {
    NODE_SETTER_BEGIN (n->pub.time_limit == value)
    n->pub.time_limit = value;
    changed (self, before);
  }
  return TRUE;
}

/**
 * po_flowchart_set_node_external:
 * @external_node: the id of a node of the external chart, 0 for none
 *
 * Says which external step an internal step belongs to.
 *
 * Returns: whether there is such a node
 */
gboolean
po_flowchart_set_node_external (PoFlowchart *self,
                                guint        id,
                                guint        external_node)
{
  NODE_SETTER_BEGIN (n->pub.external_node == external_node)
  n->pub.external_node = external_node;
  changed (self, before);
  return TRUE;
}

/**
 * po_flowchart_connect:
 * @label: (nullable): the edge's label
 *
 * Adds an edge. A duplicate or a self-loop is allowed here, as in a
 * drawing in progress; validation reports it.
 *
 * Returns: the new edge's id, or 0 when @from or @to is not a node
 */
guint
po_flowchart_connect (PoFlowchart *self,
                      guint        from,
                      guint        to,
                      const char  *label,
                      gboolean     is_return)
{
  Flags before;
  Edge *e;

  g_return_val_if_fail (PO_IS_FLOWCHART (self), 0);

  if (state_find_node (self->state, from) == NULL || state_find_node (self->state, to) == NULL)
    return 0;
  before = begin_change (self);
  e = g_new0 (Edge, 1);
  e->pub.id = self->next_edge_id++;
  e->pub.from = from;
  e->pub.to = to;
  e->pub.label = dup_or_empty (label);
  e->pub.is_return = !!is_return;
  g_ptr_array_add (self->state->edges, e);
  changed (self, before);
  return e->pub.id;
}

/**
 * po_flowchart_remove_edge:
 *
 * Returns: whether there was such an edge
 */
gboolean
po_flowchart_remove_edge (PoFlowchart *self,
                          guint        id)
{
  Flags before;

  g_return_val_if_fail (PO_IS_FLOWCHART (self), FALSE);

  if (state_find_edge (self->state, id) == NULL)
    return FALSE;
  before = begin_change (self);
  g_ptr_array_remove (self->state->edges, state_find_edge (self->state, id));
  changed (self, before);
  return TRUE;
}

/**
 * po_flowchart_set_edge_label:
 * @label: (nullable): e.g. 符合, 不符合, 补正
 *
 * Returns: whether there is such an edge
 */
gboolean
po_flowchart_set_edge_label (PoFlowchart *self,
                             guint        id,
                             const char  *label)
{
  EDGE_SETTER_BEGIN (g_strcmp0 (e->pub.label, label ? label : "") == 0)
  g_free (e->pub.label);
  e->pub.label = dup_or_empty (label);
  changed (self, before);
  return TRUE;
}

/**
 * po_flowchart_set_edge_return:
 *
 * Marks an edge as a return (补正, 退回), or not.
 *
 * Returns: whether there is such an edge
 */
gboolean
po_flowchart_set_edge_return (PoFlowchart *self,
                              guint        id,
                              gboolean     is_return)
{
  EDGE_SETTER_BEGIN (e->pub.is_return == !!is_return)
  e->pub.is_return = !!is_return;
  changed (self, before);
  return TRUE;
}

/**
 * po_flowchart_set_edge_ends:
 *
 * Reconnects an edge.
 *
 * Returns: whether there is such an edge and both nodes exist
 */
gboolean
po_flowchart_set_edge_ends (PoFlowchart *self,
                            guint        id,
                            guint        from,
                            guint        to)
{
  g_return_val_if_fail (PO_IS_FLOWCHART (self), FALSE);

  if (state_find_node (self->state, from) == NULL || state_find_node (self->state, to) == NULL)
    return FALSE;
  {
    EDGE_SETTER_BEGIN (e->pub.from == from && e->pub.to == to)
    e->pub.from = from;
    e->pub.to = to;
    changed (self, before);
  }
  return TRUE;
}

/**
 * po_flowchart_replace:
 * @other: the chart whose nodes and edges replace this chart's
 *
 * Replaces the content, as one change that can be undone: for starting
 * from a template, or taking in an imported file. Ids are @other's.
 */
void
po_flowchart_replace (PoFlowchart *self,
                      PoFlowchart *other)
{
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  Flags before;

  g_return_if_fail (PO_IS_FLOWCHART (self));
  g_return_if_fail (PO_IS_FLOWCHART (other));

  before = begin_change (self);
  nodes = g_steal_pointer (&self->state->nodes);
  edges = g_steal_pointer (&self->state->edges);
  {
    State *copy = state_copy (other->state);

    self->state->nodes = g_steal_pointer (&copy->nodes);
    self->state->edges = g_steal_pointer (&copy->edges);
    g_free (copy);
  }
  /* Ids stay unique over the chart's whole history. */
  self->next_node_id = MAX (self->next_node_id, other->next_node_id);
  self->next_edge_id = MAX (self->next_edge_id, other->next_edge_id);
  changed (self, before);
}

/**
 * po_flowchart_copy:
 *
 * Returns: (transfer full): a chart with the same content, item and
 *   external chart, and no history: for work on another thread
 */
PoFlowchart *
po_flowchart_copy (PoFlowchart *self)
{
  PoFlowchart *copy;

  g_return_val_if_fail (PO_IS_FLOWCHART (self), NULL);

  copy = po_flowchart_new (self->kind);
  state_free (copy->state);
  copy->state = state_copy (self->state);
  copy->clean_serial = self->clean_serial;
  copy->next_node_id = self->next_node_id;
  copy->next_edge_id = self->next_edge_id;
  copy->version = self->version;
  copy->updated_on = g_strdup (self->updated_on);
  po_flowchart_set_item (copy, self->item);
  if (self->external != NULL)
    copy->external = g_object_ref (self->external);
  return copy;
}

/* Adds a node as a file or the database has it, id included. */
static Node *
take_node (PoFlowchart    *self,
           guint           id,
           PoFlowNodeKind  kind,
           const char     *label)
{
  Node *n = g_new0 (Node, 1);

  n->pub.id = id;
  n->pub.kind = kind;
  n->pub.label = dup_or_empty (label);
  n->pub.duty = g_strdup ("");
  n->pub.time_limit = -1;
  g_ptr_array_add (self->state->nodes, n);
  self->next_node_id = MAX (self->next_node_id, id + 1);
  return n;
}

static Edge *
take_edge (PoFlowchart *self,
           guint        id,
           guint        from,
           guint        to,
           const char  *label,
           gboolean     is_return)
{
  Edge *e = g_new0 (Edge, 1);

  e->pub.id = id;
  e->pub.from = from;
  e->pub.to = to;
  e->pub.label = dup_or_empty (label);
  e->pub.is_return = is_return;
  g_ptr_array_add (self->state->edges, e);
  self->next_edge_id = MAX (self->next_edge_id, id + 1);
  return e;
}

/* Templates */

typedef struct
{
  const char     *key;
  PoFlowNodeKind  kind;
  const char     *label;
} TemplateNode;

typedef struct
{
  const char *from;
  const char *to;
  const char *label;
  gboolean    is_return;
} TemplateEdge;

/* Internal steps: the external step (by label) each belongs to. */
typedef struct
{
  const char     *key;
  PoFlowNodeKind  kind;
  const char     *label;
  const char     *post;
  const char     *duty;
  int             time_limit;
  const char     *external;
} TemplateStep;

/* 行政许可法 第三十二条 … 第四十四条 */
static const TemplateNode license_nodes[] = {
  { "start",    PO_FLOW_NODE_START,    "开始" },
  { "apply",    PO_FLOW_NODE_STEP,     "申请" },
  { "accept",   PO_FLOW_NODE_DECISION, "受理" },
  { "correct",  PO_FLOW_NODE_STEP,     "补正" },
  { "refuse",   PO_FLOW_NODE_END,      "不予受理" },
  { "examine",  PO_FLOW_NODE_STEP,     "审查" },
  { "decide",   PO_FLOW_NODE_DECISION, "决定" },
  { "grant",    PO_FLOW_NODE_STEP,     "准予许可" },
  { "deny",     PO_FLOW_NODE_STEP,     "不予许可（说明理由，告知申请行政复议或者提起行政诉讼的权利）" },
  { "deliver",  PO_FLOW_NODE_STEP,     "送达" },
  { "end",      PO_FLOW_NODE_END,      "办结" },
};

static const TemplateEdge license_edges[] = {
  { "start",   "apply" },
  { "apply",   "accept" },
  { "accept",  "correct", "材料不齐全或者不符合法定形式" },
  { "correct", "accept",  "补正", TRUE },
  { "accept",  "refuse",  "不属于本机关职权范围或者依法不需要取得许可" },
  { "accept",  "examine", "材料齐全、符合法定形式" },
  { "examine", "decide" },
  { "decide",  "grant",   "符合法定条件、标准" },
  { "decide",  "deny",    "不符合法定条件、标准" },
  { "grant",   "deliver" },
  { "deny",    "deliver" },
  { "deliver", "end" },
};

static const TemplateStep license_steps[] = {
  { "start",   PO_FLOW_NODE_START,    "开始" },
  { "receive", PO_FLOW_NODE_STEP,     "接收申请材料", "受理岗", "接收、登记申请材料，核对申请人身份", 1, "申请" },
  { "check",   PO_FLOW_NODE_DECISION, "材料是否齐全、符合法定形式", "受理岗", NULL, -1, "受理" },
  { "notify",  PO_FLOW_NODE_STEP,     "一次性告知补正", "受理岗", "出具补正材料通知书，一次告知需要补正的全部内容", 1, "补正" },
  { "refuse",  PO_FLOW_NODE_STEP,     "出具不予受理决定书", "受理岗", "说明不予受理的理由，告知向有关行政机关申请", 1, "受理" },
  { "refused", PO_FLOW_NODE_END,      "不予受理" },
  { "accept",  PO_FLOW_NODE_STEP,     "受理登记", "受理岗", "出具受理通知书，移交审查", 1, "受理" },
  { "examine", PO_FLOW_NODE_STEP,     "实质审查", "审查岗", "审查申请材料，需要时核查现场，提出审查意见", 8, "审查" },
  { "legal",   PO_FLOW_NODE_STEP,     "法制审核", "法制审核岗", "对拟作出的许可决定进行合法性审核", 3, "决定" },
  { "decide",  PO_FLOW_NODE_DECISION, "作出决定", "决定岗", NULL, -1, "决定" },
  { "grant",   PO_FLOW_NODE_STEP,     "制作准予许可决定书", "决定岗", "签发准予行政许可决定，颁发许可证件", 2, "准予许可" },
  { "deny",    PO_FLOW_NODE_STEP,     "制作不予许可决定书", "决定岗", "签发不予行政许可决定，说明理由并告知救济权利", 2, "不予许可（说明理由，告知申请行政复议或者提起行政诉讼的权利）" },
  { "deliver", PO_FLOW_NODE_STEP,     "送达决定文书", "送达岗", "送达决定文书，归档", 2, "送达" },
  { "end",     PO_FLOW_NODE_END,      "办结" },
};

static const TemplateEdge license_step_edges[] = {
  { "start",   "receive" },
  { "receive", "check" },
  { "check",   "notify",  "材料不齐全或者不符合法定形式" },
  { "notify",  "check",   "申请人补正", TRUE },
  { "check",   "refuse",  "不属于受理范围" },
  { "refuse",  "refused" },
  { "check",   "accept",  "材料齐全、符合法定形式" },
  { "accept",  "examine" },
  { "examine", "legal" },
  { "legal",   "decide" },
  { "decide",  "grant",   "准予许可" },
  { "decide",  "deny",    "不予许可" },
  { "grant",   "deliver" },
  { "deny",    "deliver" },
  { "deliver", "end" },
};

/* 行政处罚法 第五十四条 … 第七十二条: the general procedure. */
static const TemplateNode penalty_nodes[] = {
  { "start",   PO_FLOW_NODE_START,    "开始" },
  { "file",    PO_FLOW_NODE_STEP,     "立案" },
  { "inquire", PO_FLOW_NODE_STEP,     "调查取证" },
  { "review",  PO_FLOW_NODE_STEP,     "审查" },
  { "inform",  PO_FLOW_NODE_STEP,     "告知" },
  { "reply",   PO_FLOW_NODE_DECISION, "陈述申辩/听证" },
  { "state",   PO_FLOW_NODE_STEP,     "陈述申辩" },
  { "hearing", PO_FLOW_NODE_STEP,     "听证" },
  { "decide",  PO_FLOW_NODE_STEP,     "决定" },
  { "deliver", PO_FLOW_NODE_STEP,     "送达" },
  { "enforce", PO_FLOW_NODE_STEP,     "执行" },
  { "end",     PO_FLOW_NODE_END,      "结案" },
};

static const TemplateEdge penalty_edges[] = {
  { "start",   "file" },
  { "file",    "inquire" },
  { "inquire", "review" },
  { "review",  "inquire", "事实不清、证据不足：补充调查", TRUE },
  { "review",  "inform" },
  { "inform",  "reply" },
  { "reply",   "state",   "当事人陈述、申辩" },
  { "reply",   "hearing", "当事人要求听证" },
  { "reply",   "decide",  "当事人放弃" },
  { "state",   "decide" },
  { "hearing", "decide" },
  { "decide",  "deliver" },
  { "deliver", "enforce" },
  { "enforce", "end" },
};

static const TemplateStep penalty_steps[] = {
  { "start",   PO_FLOW_NODE_START,    "开始" },
  { "form",    PO_FLOW_NODE_STEP,     "填写立案审批表", "承办岗", "核查案件线索，填写立案审批表", 2, "立案" },
  { "approve", PO_FLOW_NODE_STEP,     "立案审批", "决定岗", "审批是否立案，指定两名以上执法人员承办", 1, "立案" },
  { "inquire", PO_FLOW_NODE_STEP,     "调查取证", "承办岗", "出示执法证件，调查收集证据，制作笔录", 20, "调查取证" },
  { "review",  PO_FLOW_NODE_STEP,     "案件审核", "法制审核岗", "审核事实、证据、依据、程序和裁量，提出处理意见", 5, "审查" },
  { "inform",  PO_FLOW_NODE_STEP,     "送达告知书", "送达岗", "告知拟作出的处罚及事实、理由、依据和陈述、申辩、听证权利", 3, "告知" },
  { "reply",   PO_FLOW_NODE_DECISION, "当事人是否陈述申辩或要求听证", NULL, NULL, -1, "陈述申辩/听证" },
  { "state",   PO_FLOW_NODE_STEP,     "听取陈述申辩", "承办岗", "记录并复核当事人提出的事实、理由和证据", 3, "陈述申辩" },
  { "hearing", PO_FLOW_NODE_STEP,     "组织听证", "法制审核岗", "通知当事人，组织听证，制作听证笔录", 10, "听证" },
  { "decide",  PO_FLOW_NODE_STEP,     "作出处罚决定", "决定岗", "负责人审查决定；情节复杂或者重大的集体讨论决定", 3, "决定" },
  { "deliver", PO_FLOW_NODE_STEP,     "送达处罚决定书", "送达岗", "宣告后当场交付或者七日内送达当事人", 5, "送达" },
  { "enforce", PO_FLOW_NODE_STEP,     "督促执行", "承办岗", "督促履行，逾期不履行的依法强制执行或者申请强制执行", 15, "执行" },
  { "end",     PO_FLOW_NODE_END,      "结案" },
};

static const TemplateEdge penalty_step_edges[] = {
  { "start",   "form" },
  { "form",    "approve" },
  { "approve", "inquire" },
  { "inquire", "review" },
  { "review",  "inquire", "补充调查", TRUE },
  { "review",  "inform" },
  { "inform",  "reply" },
  { "reply",   "state",   "陈述、申辩" },
  { "reply",   "hearing", "要求听证" },
  { "reply",   "decide",  "放弃" },
  { "state",   "decide" },
  { "hearing", "decide" },
  { "decide",  "deliver" },
  { "deliver", "enforce" },
  { "enforce", "end" },
};

static void
template_connect (PoFlowchart        *self,
                  GHashTable         *ids,
                  const TemplateEdge *edges,
                  guint               n)
{
  for (guint i = 0; i < n; i++)
    po_flowchart_connect (self,
                          GPOINTER_TO_UINT (g_hash_table_lookup (ids, edges[i].from)),
                          GPOINTER_TO_UINT (g_hash_table_lookup (ids, edges[i].to)),
                          edges[i].label, edges[i].is_return);
}

static guint
external_by_label (PoFlowchart *external,
                   const char  *label)
{
  if (external == NULL || label == NULL)
    return 0;
  for (guint i = 0; i < external->state->nodes->len; i++)
    {
      Node *n = g_ptr_array_index (external->state->nodes, i);
      if (g_str_equal (n->pub.label, label))
        return n->pub.id;
    }
  return 0;
}

/**
 * po_flowchart_new_from_template:
 * @external: (nullable): for an internal chart, the external chart its
 *   steps belong to; they are matched to its steps by label, so the
 *   external chart of the same template matches all of them
 *
 * Returns: (transfer full): the template's chart: for @kind external,
 *   the statutory procedure; for internal, a breakdown of it to posts
 *   with duties and time limits, as an example to adapt
 */
PoFlowchart *
po_flowchart_new_from_template (PoFlowTemplate   template_,
                                PoFlowchartKind  kind,
                                PoFlowchart     *external)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  PoFlowchart *self;

  g_return_val_if_fail (template_ <= PO_FLOW_TEMPLATE_PENALTY, NULL);
  g_return_val_if_fail (external == NULL || PO_IS_FLOWCHART (external), NULL);

  self = po_flowchart_new (kind);
  if (kind == PO_FLOWCHART_EXTERNAL)
    {
      const TemplateNode *nodes = template_ == PO_FLOW_TEMPLATE_LICENSE ? license_nodes : penalty_nodes;
      guint n_nodes = template_ == PO_FLOW_TEMPLATE_LICENSE ? G_N_ELEMENTS (license_nodes) : G_N_ELEMENTS (penalty_nodes);

      for (guint i = 0; i < n_nodes; i++)
        g_hash_table_insert (ids, (gpointer) nodes[i].key,
                             GUINT_TO_POINTER (po_flowchart_add_node (self, nodes[i].kind, nodes[i].label)));
      if (template_ == PO_FLOW_TEMPLATE_LICENSE)
        template_connect (self, ids, license_edges, G_N_ELEMENTS (license_edges));
      else
        template_connect (self, ids, penalty_edges, G_N_ELEMENTS (penalty_edges));
    }
  else
    {
      const TemplateStep *steps = template_ == PO_FLOW_TEMPLATE_LICENSE ? license_steps : penalty_steps;
      guint n_steps = template_ == PO_FLOW_TEMPLATE_LICENSE ? G_N_ELEMENTS (license_steps) : G_N_ELEMENTS (penalty_steps);

      po_flowchart_set_external (self, external);
      for (guint i = 0; i < n_steps; i++)
        {
          guint id = po_flowchart_add_node (self, steps[i].kind, steps[i].label);

          g_hash_table_insert (ids, (gpointer) steps[i].key, GUINT_TO_POINTER (id));
          po_flowchart_set_node_post (self, id, steps[i].post);
          po_flowchart_set_node_duty (self, id, steps[i].duty);
          if (steps[i].post != NULL)
            po_flowchart_set_node_time_limit (self, id, steps[i].time_limit);
          po_flowchart_set_node_external (self, id, external_by_label (external, steps[i].external));
        }
      if (template_ == PO_FLOW_TEMPLATE_LICENSE)
        template_connect (self, ids, license_step_edges, G_N_ELEMENTS (license_step_edges));
      else
        template_connect (self, ids, penalty_step_edges, G_N_ELEMENTS (penalty_step_edges));
    }
  clear_history (self);
  mark_clean (self);
  return self;
}

/* The database */

static gint64
find_chart_row (PoDatabase      *db,
                gint64           item_id,
                PoFlowchartKind  kind,
                int             *version,
                GError         **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db, "SELECT id, version FROM flowcharts WHERE item_id = ?1 AND kind = ?2", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, po_flowchart_kind_key (kind), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (version != NULL)
        *version = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the flowchart")), -1;
  return id;
}

static char *
chart_updated_on (PoDatabase *db,
                  gint64      chart_id)
{
  sqlite3_stmt *stmt = po_database_prepare (db,
                                            "SELECT substr (max (at), 1, 10) FROM audit_log "
                                            "WHERE tbl = 'flowcharts' AND row_id = ?1",
                                            NULL);
  char *day = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, chart_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    day = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return day;
}

/* The ids of the rows of one chart, as a set. */
static GHashTable *
chart_row_ids (PoDatabase  *db,
               const char  *sql,
               gint64       chart_id,
               GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = po_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, chart_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the flowchart")), NULL;
  return g_steal_pointer (&ids);
}

static gboolean
id_fits (gint64       id,
         GError     **error)
{
  if (id > 0 && id <= G_MAXUINT)
    return TRUE;
  g_set_error (error, PO_ERROR, PO_ERROR_FAILED,
               _("The flowchart has a row id (%lld) this program cannot handle"), (long long) id);
  return FALSE;
}

static gboolean
load_content (PoDatabase  *db,
              PoFlowchart *self,
              gint64       chart_id,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = po_database_prepare (db,
                              "SELECT n.id, n.kind, n.label, n.post_id, p.name, n.duty, n.time_limit, n.external_node_id "
                              "FROM flow_nodes n LEFT JOIN posts p ON p.id = n.post_id "
                              "WHERE n.flowchart_id = ?1 ORDER BY n.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chart_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      PoFlowNodeKind kind = PO_FLOW_NODE_STEP;
      Node *n;

      if (!id_fits (id, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      po_flow_node_kind_from_key ((const char *) sqlite3_column_text (stmt, 1), &kind);
      n = take_node (self, (guint) id, kind, (const char *) sqlite3_column_text (stmt, 2));
      n->db_id = id;
      n->pub.post_id = sqlite3_column_int64 (stmt, 3);
      n->pub.post = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_free (n->pub.duty);
      n->pub.duty = dup_or_empty ((const char *) sqlite3_column_text (stmt, 5));
      n->pub.time_limit = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 6);
      /* The external chart was loaded with its rows' ids too. */
      n->pub.external_node = (guint) CLAMP (sqlite3_column_int64 (stmt, 7), 0, G_MAXUINT);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the flowchart"));

  stmt = po_database_prepare (db,
                              "SELECT id, from_node, to_node, label, is_return FROM flow_edges "
                              "WHERE flowchart_id = ?1 ORDER BY id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chart_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Edge *e;

      if (!id_fits (id, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      e = take_edge (self, (guint) id,
                     (guint) sqlite3_column_int64 (stmt, 1), (guint) sqlite3_column_int64 (stmt, 2),
                     (const char *) sqlite3_column_text (stmt, 3), sqlite3_column_int (stmt, 4) != 0);
      e->db_id = id;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the flowchart"));
  return TRUE;
}

static PoFlowchart *
load_chart (PoDatabase      *db,
            const PoItem    *item,
            PoFlowchartKind  kind,
            GError         **error)
{
  g_autoptr(PoFlowchart) self = po_flowchart_new (kind);
  gint64 chart_id;

  po_flowchart_set_item (self, item);
  chart_id = find_chart_row (db, item->id, kind, &self->version, error);
  if (chart_id < 0)
    return NULL;
  if (chart_id > 0)
    {
      if (!load_content (db, self, chart_id, error))
        return NULL;
      self->updated_on = chart_updated_on (db, chart_id);
    }
  self->state->serial = next_serial ();
  mark_clean (self);
  return g_steal_pointer (&self);
}

/**
 * po_flowchart_load:
 * @item_code: the power item's code
 *
 * Loads one of an item's charts; an item without that chart yet gives an
 * empty one (version 0). An internal chart comes linked to the item's
 * external chart, loaded with it (po_flowchart_get_external()): an editor
 * showing both should edit that one.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 *   (%PO_ERROR_NOT_FOUND for an unknown item)
 */
PoFlowchart *
po_flowchart_load (PoDatabase       *db,
                   const char       *item_code,
                   PoFlowchartKind   kind,
                   GError          **error)
{
  g_autoptr(PoItem) item = NULL;
  g_autoptr(PoFlowchart) self = NULL;

  g_return_val_if_fail (PO_IS_DATABASE (db), NULL);
  g_return_val_if_fail (item_code != NULL, NULL);

  if ((item = po_item_load (db, item_code, error)) == NULL)
    return NULL;
  if ((self = load_chart (db, item, kind, error)) == NULL)
    return NULL;
  if (kind == PO_FLOWCHART_INTERNAL)
    {
      g_autoptr(PoFlowchart) external = load_chart (db, item, PO_FLOWCHART_EXTERNAL, error);

      if (external == NULL)
        return NULL;
      po_flowchart_set_external (self, external);
    }
  return g_steal_pointer (&self);
}

/**
 * po_flowchart_item_needs_review:
 *
 * Returns: whether a change to the item's flowcharts must be filed for
 *   legality review rather than saved: true for every item that is no
 *   longer a draft
 */
gboolean
po_flowchart_item_needs_review (const PoItem *item)
{
  g_return_val_if_fail (item != NULL, TRUE);

  return g_strcmp0 (item->status, "draft") != 0;
}

static gint64
resolve_post (PoDatabase  *db,
              gint64       department_id,
              const char  *name,
              GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db, "SELECT id FROM posts WHERE department_id = ?1 AND name = ?2", error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, department_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id > 0)
    return id;

  stmt = po_database_prepare (db, "INSERT INTO posts (department_id, name) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, department_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (!po_database_step_done (db, stmt, error))
    return -1;
  return sqlite3_last_insert_rowid (po_database_get_handle (db));
}

static gboolean
exec_id (PoDatabase  *db,
         const char  *sql,
         gint64       id,
         int         *changes,
         GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!po_database_step_done (db, stmt, error))
    return FALSE;
  if (changes != NULL)
    *changes += sqlite3_changes (po_database_get_handle (db));
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           col,
                   gint64        value)
{
  if (value > 0)
    sqlite3_bind_int64 (stmt, col, value);
  else
    sqlite3_bind_null (stmt, col);
}

/* The new rows of one save, applied to the chart once it is stored. */
typedef struct
{
  guint   id;
  gint64  db_id;
} Stored;

static void
apply_stored (GPtrArray *states,
              GArray    *nodes,
              GArray    *edges)
{
  for (guint s = 0; s < states->len; s++)
    {
      State *state = g_ptr_array_index (states, s);

      for (guint i = 0; i < nodes->len; i++)
        {
          Stored *st = &g_array_index (nodes, Stored, i);
          Node *n = state_find_node (state, st->id);
          if (n != NULL && n->db_id == 0)
            n->db_id = st->db_id;
        }
      for (guint i = 0; i < edges->len; i++)
        {
          Stored *st = &g_array_index (edges, Stored, i);
          Edge *e = state_find_edge (state, st->id);
          if (e != NULL && e->db_id == 0)
            e->db_id = st->db_id;
        }
    }
}

static gboolean
store_chart (PoDatabase  *db,
             PoFlowchart *self,
             GArray      *stored_nodes,
             GArray      *stored_edges,
             GError     **error)
{
  g_autoptr(GHashTable) old_nodes = NULL;
  g_autoptr(GHashTable) old_edges = NULL;
  g_autoptr(GHashTable) external_rows = NULL;
  g_autoptr(GHashTable) node_rows = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);   /* id → row */
  g_autoptr(GHashTable) posts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const PoItem *item = self->item;
  State *state = self->state;
  sqlite3_stmt *stmt;
  gboolean created = FALSE;
  int changes = 0;
  int unlinked = 0;
  gint64 chart_id;
  GHashTableIter iter;
  gpointer key;

  chart_id = find_chart_row (db, item->id, self->kind, NULL, error);
  if (chart_id < 0)
    return FALSE;
  if (chart_id == 0)
    {
      stmt = po_database_prepare (db, "INSERT INTO flowcharts (item_id, kind, version) VALUES (?1, ?2, 1)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item->id);
      sqlite3_bind_text (stmt, 2, po_flowchart_kind_key (self->kind), -1, SQLITE_STATIC);
      if (!po_database_step_done (db, stmt, error))
        return FALSE;
      chart_id = sqlite3_last_insert_rowid (po_database_get_handle (db));
      created = TRUE;
    }

  if ((old_nodes = chart_row_ids (db, "SELECT id FROM flow_nodes WHERE flowchart_id = ?1", chart_id, error)) == NULL ||
      (old_edges = chart_row_ids (db, "SELECT id FROM flow_edges WHERE flowchart_id = ?1", chart_id, error)) == NULL)
    return FALSE;

  if (self->kind == PO_FLOWCHART_INTERNAL)
    {
      gint64 external_id = find_chart_row (db, item->id, PO_FLOWCHART_EXTERNAL, NULL, error);

      if (external_id < 0)
        return FALSE;
      external_rows = chart_row_ids (db, "SELECT id FROM flow_nodes WHERE flowchart_id = ?1", external_id, error);
      if (external_rows == NULL)
        return FALSE;
    }

  /* Edges that are gone, then nodes that are gone. An internal step that
   * belonged to a removed external step loses that link; validation of
   * the internal chart then asks for a new one. */
  g_hash_table_iter_init (&iter, old_edges);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean kept = FALSE;

      for (guint i = 0; i < state->edges->len && !kept; i++)
        kept = ((Edge *) g_ptr_array_index (state->edges, i))->db_id == *(gint64 *) key;
      if (!kept && !exec_id (db, "DELETE FROM flow_edges WHERE id = ?1", *(gint64 *) key, &changes, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, old_nodes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean kept = FALSE;

      for (guint i = 0; i < state->nodes->len && !kept; i++)
        kept = ((Node *) g_ptr_array_index (state->nodes, i))->db_id == *(gint64 *) key;
      if (kept)
        continue;
      if (self->kind == PO_FLOWCHART_EXTERNAL &&
          !exec_id (db, "UPDATE flow_nodes SET external_node_id = NULL WHERE external_node_id = ?1",
                    *(gint64 *) key, &unlinked, error))
        return FALSE;
      if (!exec_id (db, "DELETE FROM flow_nodes WHERE id = ?1", *(gint64 *) key, &changes, error))
        return FALSE;
    }

  for (guint i = 0; i < state->nodes->len; i++)
    {
      Node *n = g_ptr_array_index (state->nodes, i);
      gint64 post_id = 0;
      gint64 external_row = 0;
      gint64 row;

      if (n->pub.post != NULL)
        {
          gint64 *cached = g_hash_table_lookup (posts, n->pub.post);

          if (cached == NULL)
            {
              gint64 id = resolve_post (db, item->department_id, n->pub.post, error);

              if (id < 0)
                return FALSE;
              cached = g_memdup2 (&id, sizeof id);
              g_hash_table_insert (posts, n->pub.post, cached);
            }
          post_id = *cached;
        }

      if (self->kind == PO_FLOWCHART_INTERNAL && n->pub.external_node != 0)
        {
          if (self->external != NULL)
            {
              Node *x = state_find_node (self->external->state, n->pub.external_node);

              if (x != NULL && x->db_id == 0)
                {
                  g_autofree char *step = po_flowchart_describe_node (self, n->pub.id);
                  g_autofree char *ext = po_flowchart_describe_node (self->external, x->pub.id);

                  g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                               _("The internal step %s belongs to the external step %s, which is not saved yet; "
                                 "save the external flowchart first."),
                               step, ext);
                  return FALSE;
                }
              external_row = x != NULL ? x->db_id : 0;
            }
          else
            external_row = n->pub.external_node;

          /* A link to a step that is no longer there is dropped, as when
           * the external step is removed. */
          if (!g_hash_table_contains (external_rows, &external_row))
            external_row = 0;
        }

      if (n->db_id > 0 && g_hash_table_contains (old_nodes, &n->db_id))
        {
          /* Only rows that change are written: the audit log shows
           * what a save changed, not the whole chart again. */
          stmt = po_database_prepare (db,
                                      "UPDATE flow_nodes SET kind = ?2, label = ?3, post_id = ?4, duty = ?5, "
                                      "time_limit = ?6, external_node_id = ?7 "
                                      "WHERE id = ?1 AND (kind IS NOT ?2 OR label IS NOT ?3 OR post_id IS NOT ?4 "
                                      "OR duty IS NOT ?5 OR time_limit IS NOT ?6 OR external_node_id IS NOT ?7)",
                                      error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, n->db_id);
        }
      else
        {
          stmt = po_database_prepare (db,
                                      "INSERT INTO flow_nodes (flowchart_id, kind, label, post_id, duty, time_limit, "
                                      "external_node_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                      error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, chart_id);
        }
      sqlite3_bind_text (stmt, 2, po_flow_node_kind_key (n->pub.kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, n->pub.label, -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 4, post_id);
      sqlite3_bind_text (stmt, 5, n->pub.duty, -1, SQLITE_TRANSIENT);
      if (n->pub.time_limit >= 0)
        sqlite3_bind_int (stmt, 6, n->pub.time_limit);
      else
        sqlite3_bind_null (stmt, 6);
      bind_text_or_null (stmt, 7, external_row);
      if (!po_database_step_done (db, stmt, error))
        return FALSE;
      changes += sqlite3_changes (po_database_get_handle (db));

      row = n->db_id;
      if (!(n->db_id > 0 && g_hash_table_contains (old_nodes, &n->db_id)))
        {
          Stored st = { n->pub.id, sqlite3_last_insert_rowid (po_database_get_handle (db)) };

          row = st.db_id;
          g_array_append_val (stored_nodes, st);
        }
      n->pub.post_id = post_id;
      g_hash_table_insert (node_rows, GUINT_TO_POINTER (n->pub.id), g_memdup2 (&row, sizeof row));
    }

  for (guint i = 0; i < state->edges->len; i++)
    {
      Edge *e = g_ptr_array_index (state->edges, i);
      gint64 *from = g_hash_table_lookup (node_rows, GUINT_TO_POINTER (e->pub.from));
      gint64 *to = g_hash_table_lookup (node_rows, GUINT_TO_POINTER (e->pub.to));
      gboolean update = e->db_id > 0 && g_hash_table_contains (old_edges, &e->db_id);

      g_assert (from != NULL && to != NULL);
      if (update)
        {
          stmt = po_database_prepare (db,
                                      "UPDATE flow_edges SET from_node = ?2, to_node = ?3, label = ?4, is_return = ?5 "
                                      "WHERE id = ?1 AND (from_node IS NOT ?2 OR to_node IS NOT ?3 OR label IS NOT ?4 "
                                      "OR is_return IS NOT ?5)",
                                      error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, e->db_id);
        }
      else
        {
          stmt = po_database_prepare (db,
                                      "INSERT INTO flow_edges (flowchart_id, from_node, to_node, label, is_return) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5)",
                                      error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, chart_id);
        }
      sqlite3_bind_int64 (stmt, 2, *from);
      sqlite3_bind_int64 (stmt, 3, *to);
      sqlite3_bind_text (stmt, 4, e->pub.label, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, e->pub.is_return ? 1 : 0);
      if (!po_database_step_done (db, stmt, error))
        return FALSE;
      changes += sqlite3_changes (po_database_get_handle (db));
      if (!update)
        {
          Stored st = { e->pub.id, sqlite3_last_insert_rowid (po_database_get_handle (db)) };
          g_array_append_val (stored_edges, st);
        }
    }

  if (changes > 0 && !created &&
      !exec_id (db, "UPDATE flowcharts SET version = version + 1 WHERE id = ?1", chart_id, NULL, error))
    return FALSE;
  if (unlinked > 0 &&
      !exec_id (db, "UPDATE flowcharts SET version = version + 1 WHERE item_id = ?1 AND kind = 'internal'",
                item->id, NULL, error))
    return FALSE;

  if (find_chart_row (db, item->id, self->kind, &self->version, error) < 0)
    return FALSE;
  g_free (self->updated_on);
  self->updated_on = chart_updated_on (db, chart_id);
  return TRUE;
}

/**
 * po_flowchart_save_unchecked:
 *
 * Stores the chart as its item's chart of its kind, replacing the stored
 * nodes and edges in one transaction (a savepoint, so it may run inside
 * the caller's transaction): rows of nodes and edges that are still in
 * the chart are kept and changed only where they differ; rows of nodes
 * that are gone are deleted. The chart's version is raised when anything
 * changed. Posts the department does not have yet are added. For an
 * internal chart every `external_node` must be a stored node of the
 * item's external chart.
 *
 * Unlike po_flowchart_save() it does not ask whether the item's status
 * allows the change: the legality review calls it to apply an approved
 * flowchart change (po_flowchart_apply_proposal()).
 *
 * Returns: whether the chart was stored
 */
gboolean
po_flowchart_save_unchecked (PoDatabase   *db,
                             PoFlowchart  *self,
                             GError      **error)
{
  g_autoptr(GArray) stored_nodes = g_array_new (FALSE, FALSE, sizeof (Stored));
  g_autoptr(GArray) stored_edges = g_array_new (FALSE, FALSE, sizeof (Stored));
  Flags before;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (PO_IS_FLOWCHART (self), FALSE);

  if (self->item == NULL || self->item->id <= 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("The flowchart belongs to no stored power item, so it cannot be saved."));
      return FALSE;
    }

  if (!po_database_exec (db, "SAVEPOINT flowchart_save", error))
    return FALSE;
  if (!store_chart (db, self, stored_nodes, stored_edges, error) ||
      !po_database_exec (db, "RELEASE flowchart_save", error))
    {
      po_database_exec (db, "ROLLBACK TO flowchart_save; RELEASE flowchart_save", NULL);
      return FALSE;
    }

  /* The new rows' ids, everywhere in the history, so that an undo
   * followed by a save keeps them. */
  before = flags_now (self);
  {
    g_autoptr(GPtrArray) states = g_ptr_array_new ();

    g_ptr_array_add (states, self->state);
    g_ptr_array_extend (states, self->undo, NULL, NULL);
    g_ptr_array_extend (states, self->redo, NULL, NULL);
    apply_stored (states, stored_nodes, stored_edges);
  }
  mark_clean (self);
  changed (self, before);
  return TRUE;
}

/**
 * po_flowchart_save:
 *
 * Saves a draft item's chart (see po_flowchart_save_unchecked()). An item
 * that is no longer a draft is refused: a change to the flowchart of a
 * published item must be filed for legality review, whose approval
 * stores it.
 *
 * Returns: whether the chart was stored
 */
gboolean
po_flowchart_save (PoDatabase   *db,
                   PoFlowchart  *self,
                   GError      **error)
{
  g_autoptr(PoItem) current = NULL;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (PO_IS_FLOWCHART (self), FALSE);

  if (self->item == NULL || self->item->id <= 0)
    return po_flowchart_save_unchecked (db, self, error);

  /* The stored status decides, not the copy the chart was loaded with. */
  if ((current = po_item_load_by_id (db, self->item->id, error)) == NULL)
    return FALSE;
  if (po_flowchart_item_needs_review (current))
    {
      guint n;
      const PoEnumEntry *statuses = po_item_statuses (&n);

      g_set_error (error, PO_ERROR, PO_ERROR_FAILED,
                   _("The item “%s” (%s) is not a draft but “%s”: a change to its flowchart "
                     "must be filed for legality review, and is applied when approved."),
                   current->name, current->code, po_enum_label (statuses, n, current->status));
      return FALSE;
    }
  return po_flowchart_save_unchecked (db, self, error);
}

/* Files */

/**
 * po_flowchart_to_json:
 *
 * Returns: (transfer full): the chart as a flowchart file (see the top
 *   of po-flowchart.c)
 */
char *
po_flowchart_to_json (PoFlowchart *self)
{
  GString *out;

  g_return_val_if_fail (PO_IS_FLOWCHART (self), NULL);

  out = g_string_new ("{\n  \"format\": \"power-oversight-flowchart\",\n  \"version\": 1,\n");
  if (self->item != NULL && self->item->code != NULL)
    {
      g_string_append (out, "  \"item\": ");
      po_json_append_string (out, self->item->code);
      g_string_append (out, ",\n");
    }
  g_string_append_printf (out, "  \"kind\": \"%s\",\n  \"nodes\": [", po_flowchart_kind_key (self->kind));
  for (guint i = 0; i < self->state->nodes->len; i++)
    {
      const PoFlowNode *n = &((Node *) g_ptr_array_index (self->state->nodes, i))->pub;

      g_string_append_printf (out, "%s\n    { \"id\": %u, \"kind\": \"%s\", \"label\": ",
                              i ? "," : "", n->id, po_flow_node_kind_key (n->kind));
      po_json_append_string (out, n->label);
      if (n->post != NULL)
        {
          g_string_append (out, ", \"post\": ");
          po_json_append_string (out, n->post);
        }
      if (*n->duty != '\0')
        {
          g_string_append (out, ", \"duty\": ");
          po_json_append_string (out, n->duty);
        }
      if (n->time_limit >= 0)
        g_string_append_printf (out, ", \"time_limit\": %d", n->time_limit);
      if (n->external_node != 0)
        g_string_append_printf (out, ", \"external\": %u", n->external_node);
      g_string_append (out, " }");
    }
  g_string_append (out, self->state->nodes->len ? "\n  ],\n  \"edges\": [" : "],\n  \"edges\": [");
  for (guint i = 0; i < self->state->edges->len; i++)
    {
      const PoFlowEdge *e = &((Edge *) g_ptr_array_index (self->state->edges, i))->pub;

      g_string_append_printf (out, "%s\n    { \"id\": %u, \"from\": %u, \"to\": %u, \"label\": ",
                              i ? "," : "", e->id, e->from, e->to);
      po_json_append_string (out, e->label);
      g_string_append_printf (out, ", \"return\": %s }", e->is_return ? "true" : "false");
    }
  g_string_append (out, self->state->edges->len ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free (out, FALSE);
}

/* Parsing, with SQLite's JSON functions on a private in-memory
 * connection, so that reading a file touches no office database. */

typedef struct
{
  sqlite3    *handle;
  const char *origin;
} Parser;

typedef struct
{
  char   *key;
  char   *type;    /* json_type(): null, true, false, integer, real, text, array, object */
  gint64  integer;
  char   *text;    /* the atom, or the JSON text of an array or object */
} Member;

static void
member_clear (gpointer data)
{
  Member *m = data;

  g_free (m->key);
  g_free (m->type);
  g_free (m->text);
}

/* The members of an object, or the elements of an array (keys "0", "1" …). */
static GArray *
parse_members (Parser      *p,
               const char  *json)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (Member));
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (out, member_clear);
  if (sqlite3_prepare_v2 (p->handle, "SELECT key, type, atom, value FROM json_each (?1) ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
    return out;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Member m = { 0 };

      m.key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      m.type = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      m.integer = sqlite3_column_int64 (stmt, 2);
      if (g_str_equal (m.type, "array") || g_str_equal (m.type, "object"))
        m.text = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      else
        m.text = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_array_append_val (out, m);
    }
  sqlite3_finalize (stmt);
  return out;
}

static gboolean
fail_at (GError     **error,
         Parser      *p,
         const char  *where,
         const char  *format,
         ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail_at (GError     **error,
         Parser      *p,
         const char  *where,
         const char  *format,
         ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  if (where != NULL)
    g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, "%s: %s: %s", p->origin, where, detail);
  else
    g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, "%s: %s", p->origin, detail);
  return FALSE;
}

static gboolean
member_id (Parser      *p,
           Member      *m,
           const char  *where,
           guint       *id,
           GError     **error)
{
  if (!g_str_equal (m->type, "integer") || m->integer <= 0 || m->integer > G_MAXUINT)
    return fail_at (error, p, where, _("must be a whole number above 0"));
  *id = (guint) m->integer;
  return TRUE;
}

static gboolean
member_text (Parser      *p,
             Member      *m,
             const char  *where,
             gboolean     nullable,
             char       **out,
             GError     **error)
{
  if (nullable && g_str_equal (m->type, "null"))
    {
      g_clear_pointer (out, g_free);
      return TRUE;
    }
  if (!g_str_equal (m->type, "text"))
    return fail_at (error, p, where, _("must be text"));
  g_free (*out);
  *out = g_strdup (m->text);
  return TRUE;
}

static gboolean
parse_node (Parser       *p,
            PoFlowchart  *self,
            PoFlowchart  *external,
            const char   *json,
            guint         index,
            GHashTable   *seen,
            GError      **error)
{
  g_autoptr(GArray) members = parse_members (p, json);
  g_autofree char *label = NULL;
  g_autofree char *post = NULL;
  g_autofree char *duty = NULL;
  g_autofree char *kind_key = NULL;
  g_autofree char *here = g_strdup_printf ("nodes[%u]", index);
  PoFlowNodeKind kind = PO_FLOW_NODE_STEP;
  guint id = 0, ext = 0;
  int time_limit = -1;
  Node *n;

  for (guint i = 0; i < members->len; i++)
    {
      Member *m = &g_array_index (members, Member, i);
      g_autofree char *where = g_strdup_printf ("%s.%s", here, m->key);

      if (g_str_equal (m->key, "id"))
        {
          if (!member_id (p, m, where, &id, error))
            return FALSE;
        }
      else if (g_str_equal (m->key, "kind"))
        {
          if (!member_text (p, m, where, FALSE, &kind_key, error))
            return FALSE;
          if (!po_flow_node_kind_from_key (kind_key, &kind))
            return fail_at (error, p, where, _("“%s” is not a kind of node; use start, step, decision or end"),
                            kind_key);
        }
      else if (g_str_equal (m->key, "label"))
        {
          if (!member_text (p, m, where, FALSE, &label, error))
            return FALSE;
        }
      else if (g_str_equal (m->key, "post"))
        {
          if (!member_text (p, m, where, TRUE, &post, error))
            return FALSE;
        }
      else if (g_str_equal (m->key, "duty"))
        {
          if (!member_text (p, m, where, TRUE, &duty, error))
            return FALSE;
        }
      else if (g_str_equal (m->key, "time_limit"))
        {
          if (g_str_equal (m->type, "null"))
            time_limit = -1;
          else if (!g_str_equal (m->type, "integer") || m->integer < 0 || m->integer > 10000)
            return fail_at (error, p, where, _("must be a number of working days from 0 to 10000, or null"));
          else
            time_limit = (int) m->integer;
        }
      else if (g_str_equal (m->key, "external"))
        {
          if (g_str_equal (m->type, "null"))
            ext = 0;
          else if (self->kind != PO_FLOWCHART_INTERNAL)
            return fail_at (error, p, where, _("only the steps of an internal flowchart belong to external steps"));
          else if (!member_id (p, m, where, &ext, error))
            return FALSE;
          else if (external != NULL && po_flowchart_find_node (external, ext) == NULL)
            return fail_at (error, p, where, _("the external flowchart has no node with the id %u"), ext);
        }
      else
        return fail_at (error, p, where,
                        _("unknown key; a node has id, kind, label, post, duty, time_limit and external"));
    }

  if (id == 0)
    return fail_at (error, p, here, _("the node has no “id”"));
  if (kind_key == NULL)
    return fail_at (error, p, here, _("the node has no “kind”"));
  if (g_hash_table_contains (seen, GUINT_TO_POINTER (id)))
    {
      g_autofree char *where = g_strdup_printf ("%s.id", here);
      return fail_at (error, p, where, _("another node already has the id %u"), id);
    }
  g_hash_table_add (seen, GUINT_TO_POINTER (id));

  n = take_node (self, id, kind, label);
  n->pub.post = post != NULL && *post != '\0' ? g_steal_pointer (&post) : NULL;
  if (duty != NULL)
    {
      g_free (n->pub.duty);
      n->pub.duty = g_steal_pointer (&duty);
    }
  n->pub.time_limit = time_limit;
  n->pub.external_node = ext;
  return TRUE;
}

static gboolean
parse_edge (Parser       *p,
            PoFlowchart  *self,
            const char   *json,
            guint         index,
            GHashTable   *nodes,
            GHashTable   *seen,
            GError      **error)
{
  g_autoptr(GArray) members = parse_members (p, json);
  g_autofree char *label = NULL;
  g_autofree char *here = g_strdup_printf ("edges[%u]", index);
  guint id = 0, from = 0, to = 0;
  gboolean is_return = FALSE;

  for (guint i = 0; i < members->len; i++)
    {
      Member *m = &g_array_index (members, Member, i);
      g_autofree char *where = g_strdup_printf ("%s.%s", here, m->key);

      if (g_str_equal (m->key, "id"))
        {
          if (!member_id (p, m, where, &id, error))
            return FALSE;
          if (g_hash_table_contains (seen, GUINT_TO_POINTER (id)))
            return fail_at (error, p, where, _("another edge already has the id %u"), id);
        }
      else if (g_str_equal (m->key, "from") || g_str_equal (m->key, "to"))
        {
          guint *slot = g_str_equal (m->key, "from") ? &from : &to;

          if (!member_id (p, m, where, slot, error))
            return FALSE;
          if (!g_hash_table_contains (nodes, GUINT_TO_POINTER (*slot)))
            return fail_at (error, p, where, _("no node has the id %u"), *slot);
        }
      else if (g_str_equal (m->key, "label"))
        {
          if (!member_text (p, m, where, TRUE, &label, error))
            return FALSE;
        }
      else if (g_str_equal (m->key, "return"))
        {
          if (!g_str_equal (m->type, "true") && !g_str_equal (m->type, "false"))
            return fail_at (error, p, where, _("must be true or false"));
          is_return = g_str_equal (m->type, "true");
        }
      else
        return fail_at (error, p, where, _("unknown key; an edge has id, from, to, label and return"));
    }

  if (from == 0)
    return fail_at (error, p, here, _("the edge has no “from”"));
  if (to == 0)
    return fail_at (error, p, here, _("the edge has no “to”"));
  if (id != 0)
    g_hash_table_add (seen, GUINT_TO_POINTER (id));
  /* Edges without an id are numbered after the parse. */
  take_edge (self, id, from, to, label, is_return);
  return TRUE;
}

static gboolean
parse_chart (Parser       *p,
             PoFlowchart  *self,
             PoFlowchart  *external,
             const char   *json,
             GError      **error)
{
  g_autoptr(GArray) top = NULL;
  g_autoptr(GHashTable) node_ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) edge_ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  const char *nodes_json = NULL;
  const char *edges_json = NULL;
  gboolean format_ok = FALSE;
  sqlite3_stmt *stmt = NULL;
  gboolean valid = FALSE;

  if (sqlite3_prepare_v2 (p->handle, "SELECT json_valid (?1) AND json_type (?1) = 'object'", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
      valid = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
    }
  sqlite3_finalize (stmt);
  if (!valid)
    return fail_at (error, p, NULL, _("not valid JSON, or not a JSON object"));

  top = parse_members (p, json);
  for (guint i = 0; i < top->len; i++)
    {
      Member *m = &g_array_index (top, Member, i);

      if (g_str_equal (m->key, "format"))
        format_ok = g_str_equal (m->type, "text") && g_str_equal (m->text, "power-oversight-flowchart");
      else if (g_str_equal (m->key, "version"))
        {
          if (!g_str_equal (m->type, "integer") || m->integer < 1)
            return fail_at (error, p, "version", _("must be a whole number above 0"));
          if (m->integer > 1)
            return fail_at (error, p, "version",
                            _("the file was written in format version %d; this program reads version 1"),
                            (int) MIN (m->integer, G_MAXINT));
        }
      else if (g_str_equal (m->key, "item"))
        ;   /* informative: a chart may be copied from one item to another */
      else if (g_str_equal (m->key, "kind"))
        {
          const char *want = po_flowchart_kind_key (self->kind);

          if (!g_str_equal (m->type, "text") ||
              (!g_str_equal (m->text, "external") && !g_str_equal (m->text, "internal")))
            return fail_at (error, p, "kind", _("must be “external” or “internal”"));
          if (!g_str_equal (m->text, want))
            return fail_at (error, p, "kind",
                            self->kind == PO_FLOWCHART_INTERNAL
                            ? _("the file holds an external flowchart, but the internal one is being read")
                            : _("the file holds an internal flowchart, but the external one is being read"));
        }
      else if (g_str_equal (m->key, "nodes"))
        {
          if (!g_str_equal (m->type, "array"))
            return fail_at (error, p, "nodes", _("must be a list of nodes"));
          nodes_json = m->text;
        }
      else if (g_str_equal (m->key, "edges"))
        {
          if (!g_str_equal (m->type, "array"))
            return fail_at (error, p, "edges", _("must be a list of edges"));
          edges_json = m->text;
        }
      else
        return fail_at (error, p, m->key,
                        _("unknown key; a flowchart file has format, version, item, kind, nodes and edges"));
    }

  if (!format_ok)
    return fail_at (error, p, "format", _("must be “power-oversight-flowchart”"));
  if (nodes_json == NULL)
    return fail_at (error, p, NULL, _("the file has no “nodes”"));

  {
    g_autoptr(GArray) nodes = parse_members (p, nodes_json);

    for (guint i = 0; i < nodes->len; i++)
      {
        Member *m = &g_array_index (nodes, Member, i);

        if (!g_str_equal (m->type, "object"))
          {
            g_autofree char *where = g_strdup_printf ("nodes[%u]", i);
            return fail_at (error, p, where, _("must be an object"));
          }
        if (!parse_node (p, self, external, m->text, i, node_ids, error))
          return FALSE;
      }
  }

  if (edges_json != NULL)
    {
      g_autoptr(GArray) edges = parse_members (p, edges_json);

      for (guint i = 0; i < edges->len; i++)
        {
          Member *m = &g_array_index (edges, Member, i);

          if (!g_str_equal (m->type, "object"))
            {
              g_autofree char *where = g_strdup_printf ("edges[%u]", i);
              return fail_at (error, p, where, _("must be an object"));
            }
          if (!parse_edge (p, self, m->text, i, node_ids, edge_ids, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < self->state->edges->len; i++)
    {
      Edge *e = g_ptr_array_index (self->state->edges, i);
      if (e->pub.id == 0)
        e->pub.id = self->next_edge_id++;
    }
  return TRUE;
}

/**
 * po_flowchart_new_from_json:
 * @length: the length of @text, or -1 when it ends with a NUL
 * @origin: the file's name, for messages
 * @external: (nullable): for an internal chart, the external chart its
 *   steps' `external` ids must name
 *
 * Reads a flowchart file (see the top of po-flowchart.c). Errors name
 * the place: `origin: nodes[3].kind: …`. The chart belongs to no item.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
PoFlowchart *
po_flowchart_new_from_json (const char       *text,
                            gssize            length,
                            const char       *origin,
                            PoFlowchartKind   kind,
                            PoFlowchart      *external,
                            GError          **error)
{
  g_autoptr(PoFlowchart) self = NULL;
  g_autofree char *json = NULL;
  Parser p = { NULL, origin ? origin : "JSON" };
  gboolean ok;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (external == NULL || PO_IS_FLOWCHART (external), NULL);

  json = length < 0 ? g_strdup (text) : g_strndup (text, (gsize) length);
  if (!g_utf8_validate (json, -1, NULL))
    {
      fail_at (error, &p, NULL, _("not UTF-8 text"));
      return NULL;
    }
  if (sqlite3_open_v2 (":memory:", &p.handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_FAILED, _("Could not start reading JSON: %s"),
                   p.handle ? sqlite3_errmsg (p.handle) : "out of memory");
      sqlite3_close (p.handle);
      return NULL;
    }

  self = po_flowchart_new (kind);
  if (kind == PO_FLOWCHART_INTERNAL)
    po_flowchart_set_external (self, external);
  ok = parse_chart (&p, self, external, json, error);
  sqlite3_close (p.handle);
  if (!ok)
    return NULL;

  self->state->serial = next_serial ();
  return g_steal_pointer (&self);
}

/**
 * po_flowchart_import_json:
 * @item_code: the item whose chart the file replaces
 * @origin: the file's name, for messages
 *
 * Reads a flowchart file for an item: an internal chart's `external` ids
 * must be nodes of the item's stored external chart, and nodes and edges
 * whose ids are rows of the item's stored chart keep those rows when the
 * result is saved. Nothing is written: save the result with
 * po_flowchart_save().
 *
 * Returns: (transfer full): the chart, bound to the item and (internal)
 *   linked to its stored external chart; or %NULL with @error set
 */
PoFlowchart *
po_flowchart_import_json (PoDatabase       *db,
                          const char       *item_code,
                          PoFlowchartKind   kind,
                          const char       *text,
                          gssize            length,
                          const char       *origin,
                          GError          **error)
{
  g_autoptr(PoFlowchart) stored = NULL;
  g_autoptr(PoFlowchart) self = NULL;
  PoFlowchart *external;

  g_return_val_if_fail (PO_IS_DATABASE (db), NULL);
  g_return_val_if_fail (item_code != NULL, NULL);

  if ((stored = po_flowchart_load (db, item_code, kind, error)) == NULL)
    return NULL;
  external = stored->external;
  if ((self = po_flowchart_new_from_json (text, length, origin, kind, external, error)) == NULL)
    return NULL;

  po_flowchart_set_item (self, stored->item);
  self->version = stored->version;
  self->updated_on = g_strdup (stored->updated_on);
  for (guint i = 0; i < self->state->nodes->len; i++)
    {
      Node *n = g_ptr_array_index (self->state->nodes, i);
      Node *old = state_find_node (stored->state, n->pub.id);
      if (old != NULL)
        n->db_id = old->db_id;
    }
  for (guint i = 0; i < self->state->edges->len; i++)
    {
      Edge *e = g_ptr_array_index (self->state->edges, i);
      Edge *old = state_find_edge (stored->state, e->pub.id);
      if (old != NULL)
        e->db_id = old->db_id;
    }
  return g_steal_pointer (&self);
}

/**
 * po_flowchart_apply_proposal:
 * @item_code: the item concerned
 * @proposal: a flowchart file (see the top of po-flowchart.c) whose
 *   "kind" says which chart it replaces
 *
 * Applies an approved flowchart change; the legality review calls it
 * when a flowchart adjustment is approved, inside the decision's
 * transaction.
 *
 * Returns: whether the chart was stored
 */
gboolean
po_flowchart_apply_proposal (PoDatabase  *db,
                             const char  *item_code,
                             const char  *proposal,
                             GError     **error)
{
  g_autoptr(PoFlowchart) chart = NULL;
  g_autofree char *kind = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (proposal != NULL, FALSE);

  stmt = po_database_prepare (db, "SELECT CASE WHEN json_valid (?1) THEN json_extract (?1, '$.kind') END", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, proposal, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
    kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (g_strcmp0 (kind, "external") != 0 && g_strcmp0 (kind, "internal") != 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("The proposed flowchart does not say whether it is the external or the internal one "
                     "(“kind”); it cannot be applied."));
      return FALSE;
    }

  chart = po_flowchart_import_json (db, item_code,
                                    g_str_equal (kind, "internal") ? PO_FLOWCHART_INTERNAL : PO_FLOWCHART_EXTERNAL,
                                    proposal, -1, _("the proposed flowchart"), error);
  return chart != NULL && po_flowchart_save_unchecked (db, chart, error);
}
