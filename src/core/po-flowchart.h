/* po-flowchart.h: an item's flowcharts: model, storage, files, validation,
 * layout and drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "po-database.h"
#include "po-item.h"

G_BEGIN_DECLS

/**
 * PoFlowchartKind:
 * @PO_FLOWCHART_EXTERNAL: the statutory procedure the public sees
 * @PO_FLOWCHART_INTERNAL: each external step broken down to the posts
 *   (岗位) that do it, with duty and time limit
 */
typedef enum
{
  PO_FLOWCHART_EXTERNAL,
  PO_FLOWCHART_INTERNAL,
} PoFlowchartKind;

/**
 * PoFlowNodeKind:
 * @PO_FLOW_NODE_START: where the procedure begins; exactly one
 * @PO_FLOW_NODE_STEP: a step
 * @PO_FLOW_NODE_DECISION: a choice with two or more labelled outcomes
 * @PO_FLOW_NODE_END: where the procedure finishes
 */
typedef enum
{
  PO_FLOW_NODE_START,
  PO_FLOW_NODE_STEP,
  PO_FLOW_NODE_DECISION,
  PO_FLOW_NODE_END,
} PoFlowNodeKind;

/**
 * PoFlowTemplate:
 * @PO_FLOW_TEMPLATE_LICENSE: 行政许可: 申请 → 受理 → 审查 → 决定 → 送达,
 *   with 补正 (a return) and 不予受理
 * @PO_FLOW_TEMPLATE_PENALTY: 行政处罚 general procedure: 立案 → 调查取证 →
 *   审查 → 告知 → 陈述申辩/听证 → 决定 → 送达 → 执行
 */
typedef enum
{
  PO_FLOW_TEMPLATE_LICENSE,
  PO_FLOW_TEMPLATE_PENALTY,
} PoFlowTemplate;

/**
 * PoFlowNode:
 * @id: the node's id in its chart, > 0; a chart loaded from the database
 *   uses the rows' ids, so files and findings name the same node
 * @kind: start, step, decision or end
 * @label: never %NULL
 * @post: (nullable): the post (岗位) that does an internal step
 * @post_id: the post's row, 0 until the chart is stored
 * @duty: what the post does in this step; never %NULL
 * @time_limit: working days, or -1 when not set
 * @external_node: for an internal step, the id of the external chart's
 *   step it belongs to; 0 for none
 *
 * Read-only: change a node through the chart's setters, which keep the
 * undo history. A pointer is valid until the chart next changes.
 */
typedef struct
{
  guint           id;
  PoFlowNodeKind  kind;
  char           *label;
  char           *post;
  gint64          post_id;
  char           *duty;
  int             time_limit;
  guint           external_node;
} PoFlowNode;

/**
 * PoFlowEdge:
 * @id: the edge's id in its chart, > 0
 * @from: the id of the node it leaves
 * @to: the id of the node it enters
 * @label: e.g. 符合 / 不符合 / 补正; never %NULL, may be empty
 * @is_return: the edge sends work back (补正, 退回): the only kind of edge
 *   a loop may run through; left out of time-limit sums
 */
typedef struct
{
  guint     id;
  guint     from;
  guint     to;
  char     *label;
  gboolean  is_return;
} PoFlowEdge;

#define PO_TYPE_FLOWCHART (po_flowchart_get_type ())

G_DECLARE_FINAL_TYPE (PoFlowchart, po_flowchart, PO, FLOWCHART, GObject)

const char     *po_flowchart_kind_key          (PoFlowchartKind  kind);
const char     *po_flow_node_kind_key          (PoFlowNodeKind   kind);
gboolean        po_flow_node_kind_from_key     (const char      *key,
                                                PoFlowNodeKind  *kind);
const char     *po_flow_node_kind_label        (PoFlowNodeKind   kind);

/* The model */
PoFlowchart    *po_flowchart_new               (PoFlowchartKind  kind);
PoFlowchart    *po_flowchart_new_from_template (PoFlowTemplate   template_,
                                                PoFlowchartKind  kind,
                                                PoFlowchart     *external);
PoFlowchart    *po_flowchart_copy              (PoFlowchart     *self);
PoFlowchartKind po_flowchart_get_kind          (PoFlowchart     *self);
const PoItem   *po_flowchart_get_item          (PoFlowchart     *self);
void            po_flowchart_set_item          (PoFlowchart     *self,
                                                const PoItem    *item);
PoFlowchart    *po_flowchart_get_external      (PoFlowchart     *self);
void            po_flowchart_set_external      (PoFlowchart     *self,
                                                PoFlowchart     *external);
int             po_flowchart_get_version       (PoFlowchart     *self);
const char     *po_flowchart_get_updated_on    (PoFlowchart     *self);
gboolean        po_flowchart_get_modified      (PoFlowchart     *self);

guint             po_flowchart_get_n_nodes     (PoFlowchart     *self);
const PoFlowNode *po_flowchart_get_node        (PoFlowchart     *self,
                                                guint            index);
const PoFlowNode *po_flowchart_find_node       (PoFlowchart     *self,
                                                guint            id);
guint             po_flowchart_get_n_edges     (PoFlowchart     *self);
const PoFlowEdge *po_flowchart_get_edge        (PoFlowchart     *self,
                                                guint            index);
const PoFlowEdge *po_flowchart_find_edge       (PoFlowchart     *self,
                                                guint            id);

/* Changes; each is one step of undo unless grouped. */
guint           po_flowchart_add_node          (PoFlowchart     *self,
                                                PoFlowNodeKind   kind,
                                                const char      *label);
gboolean        po_flowchart_remove_node       (PoFlowchart     *self,
                                                guint            id);
gboolean        po_flowchart_set_node_kind     (PoFlowchart     *self,
                                                guint            id,
                                                PoFlowNodeKind   kind);
gboolean        po_flowchart_set_node_label    (PoFlowchart     *self,
                                                guint            id,
                                                const char      *label);
gboolean        po_flowchart_set_node_post     (PoFlowchart     *self,
                                                guint            id,
                                                const char      *post);
gboolean        po_flowchart_set_node_duty     (PoFlowchart     *self,
                                                guint            id,
                                                const char      *duty);
gboolean        po_flowchart_set_node_time_limit (PoFlowchart   *self,
                                                guint            id,
                                                int              working_days);
gboolean        po_flowchart_set_node_external (PoFlowchart     *self,
                                                guint            id,
                                                guint            external_node);
guint           po_flowchart_connect           (PoFlowchart     *self,
                                                guint            from,
                                                guint            to,
                                                const char      *label,
                                                gboolean         is_return);
gboolean        po_flowchart_remove_edge       (PoFlowchart     *self,
                                                guint            id);
gboolean        po_flowchart_set_edge_label    (PoFlowchart     *self,
                                                guint            id,
                                                const char      *label);
gboolean        po_flowchart_set_edge_return   (PoFlowchart     *self,
                                                guint            id,
                                                gboolean         is_return);
gboolean        po_flowchart_set_edge_ends     (PoFlowchart     *self,
                                                guint            id,
                                                guint            from,
                                                guint            to);
void            po_flowchart_replace           (PoFlowchart     *self,
                                                PoFlowchart     *other);
void            po_flowchart_begin_group       (PoFlowchart     *self);
void            po_flowchart_end_group         (PoFlowchart     *self);
gboolean        po_flowchart_can_undo          (PoFlowchart     *self);
gboolean        po_flowchart_can_redo          (PoFlowchart     *self);
gboolean        po_flowchart_undo              (PoFlowchart     *self);
gboolean        po_flowchart_redo              (PoFlowchart     *self);

/* The database */
PoFlowchart    *po_flowchart_load              (PoDatabase      *db,
                                                const char      *item_code,
                                                PoFlowchartKind  kind,
                                                GError         **error);
gboolean        po_flowchart_item_needs_review (const PoItem    *item);
gboolean        po_flowchart_save              (PoDatabase      *db,
                                                PoFlowchart     *self,
                                                GError         **error);
gboolean        po_flowchart_save_unchecked    (PoDatabase      *db,
                                                PoFlowchart     *self,
                                                GError         **error);
gboolean        po_flowchart_apply_proposal    (PoDatabase      *db,
                                                const char      *item_code,
                                                const char      *proposal,
                                                GError         **error);

/* Files */
char           *po_flowchart_to_json           (PoFlowchart     *self);
PoFlowchart    *po_flowchart_new_from_json     (const char      *text,
                                                gssize           length,
                                                const char      *origin,
                                                PoFlowchartKind  kind,
                                                PoFlowchart     *external,
                                                GError         **error);
PoFlowchart    *po_flowchart_import_json       (PoDatabase      *db,
                                                const char      *item_code,
                                                PoFlowchartKind  kind,
                                                const char      *text,
                                                gssize           length,
                                                const char      *origin,
                                                GError         **error);

/* Validation (po-flowchart-validate.c) */

/**
 * PoFlowPlace:
 * @PO_FLOW_PLACE_CHART: the chart as a whole (or the item)
 * @PO_FLOW_PLACE_NODE: a node; #PoFlowFinding.id is its id
 * @PO_FLOW_PLACE_EDGE: an edge; #PoFlowFinding.id is its id
 */
typedef enum
{
  PO_FLOW_PLACE_CHART,
  PO_FLOW_PLACE_NODE,
  PO_FLOW_PLACE_EDGE,
} PoFlowPlace;

/**
 * PoFlowFinding:
 * @rule: the rule's stable code, e.g. `one-start` (see po_flowchart_rules())
 * @place: what @id names
 * @id: the node or edge, 0 for the chart
 * @chart: which chart @id is in: an internal chart's validation also
 *   names external steps that no internal step covers
 * @message: a sentence naming the rule, the place and what to do
 */
typedef struct
{
  const char      *rule;
  PoFlowPlace      place;
  guint            id;
  PoFlowchartKind  chart;
  char            *message;
} PoFlowFinding;

void            po_flow_finding_free           (PoFlowFinding   *finding);
const char *const *po_flowchart_rules          (guint           *n);
const char     *po_flowchart_rule_name         (const char      *rule);
GPtrArray      *po_flowchart_validate          (PoFlowchart     *self);

/* Layout and drawing (po-flowchart-layout.c) */

typedef struct
{
  double x;
  double y;
} PoFlowPoint;

/**
 * PoFlowLayoutNode:
 * @id: the node's id in the chart
 * @x: left edge of the box, in points
 * @y: top edge of the box, in points (y grows downwards)
 * @width: box width; a decision's diamond and a start's or end's
 *   rounded shape are inscribed in it
 * @height: box height
 * @text: what is drawn in the node: the label, then (internal steps) the
 *   duty and time limit as @detail
 */
typedef struct
{
  guint           id;
  PoFlowNodeKind  kind;
  double          x;
  double          y;
  double          width;
  double          height;
  char           *text;
  char           *detail;
} PoFlowLayoutNode;

/**
 * PoFlowLayoutEdge:
 * @points: a cubic Bézier spline: the first point, then three points per
 *   segment (@n_points is 3k + 1), from the tail towards the head
 * @arrow_tip: where the arrowhead points (at the head's border); the
 *   arrowhead's base is the last of @points
 * @has_label: whether @label_x … @label_height hold the label's box
 */
typedef struct
{
  guint         id;
  guint         from;
  guint         to;
  gboolean      is_return;
  PoFlowPoint  *points;
  guint         n_points;
  gboolean      has_arrow;
  PoFlowPoint   arrow_tip;
  gboolean      has_label;
  char         *label;
  double        label_x;
  double        label_y;
  double        label_width;
  double        label_height;
} PoFlowLayoutEdge;

/**
 * PoFlowLayoutLane:
 * @post: the post whose internal steps the lane holds
 * @x: left edge; @y: top edge (y grows downwards)
 * @label_x: centre of the post's name; @label_y likewise
 */
typedef struct
{
  char   *post;
  double  x;
  double  y;
  double  width;
  double  height;
  double  label_x;
  double  label_y;
} PoFlowLayoutLane;

/**
 * PoFlowLayout:
 * @width: the graph's bounding box, from (0, 0), in points
 * @height: likewise
 *
 * A laid-out chart: plain positions a widget draws and hit-tests itself.
 * Immutable and reference counted; safe to hand between threads.
 */
typedef struct
{
  /*< private >*/
  gatomicrefcount   ref_count;
  /*< public >*/
  PoFlowchartKind   kind;
  double            width;
  double            height;
  PoFlowLayoutNode *nodes;
  guint             n_nodes;
  PoFlowLayoutEdge *edges;
  guint             n_edges;
  PoFlowLayoutLane *lanes;
  guint             n_lanes;
} PoFlowLayout;

/**
 * PoFlowDrawOptions:
 * @selected_node: the node drawn as selected, 0 for none
 * @selected_edge: the edge drawn as selected, 0 for none
 * @flagged: (nullable) (element-type guint): ids of nodes drawn as having
 *   a finding
 */
typedef struct
{
  guint   selected_node;
  guint   selected_edge;
  GArray *flagged;
} PoFlowDrawOptions;

/**
 * PoFlowFormat:
 * @PO_FLOW_FORMAT_PDF: one page, A4 or A3, scaled to fit
 * @PO_FLOW_FORMAT_SVG: the chart's natural size
 * @PO_FLOW_FORMAT_PNG: the chart's natural size, at twice the resolution
 *   when the picture stays reasonably small
 */
typedef enum
{
  PO_FLOW_FORMAT_PDF,
  PO_FLOW_FORMAT_SVG,
  PO_FLOW_FORMAT_PNG,
} PoFlowFormat;

typedef enum
{
  PO_FLOW_PAPER_A4,
  PO_FLOW_PAPER_A3,
} PoFlowPaper;

GType           po_flow_layout_get_type        (void) G_GNUC_CONST;
PoFlowLayout   *po_flow_layout_ref             (PoFlowLayout    *layout);
void            po_flow_layout_unref           (PoFlowLayout    *layout);
const PoFlowLayoutNode *po_flow_layout_find_node (PoFlowLayout  *layout,
                                                guint            id);
guint           po_flow_layout_node_at         (PoFlowLayout    *layout,
                                                double           x,
                                                double           y);
guint           po_flow_layout_edge_at         (PoFlowLayout    *layout,
                                                double           x,
                                                double           y,
                                                double           tolerance);

PoFlowLayout   *po_flowchart_layout            (PoFlowchart     *self,
                                                GError         **error);
void            po_flowchart_layout_async      (PoFlowchart     *self,
                                                GCancellable    *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer         user_data);
PoFlowLayout   *po_flowchart_layout_finish     (PoFlowchart     *self,
                                                GAsyncResult    *result,
                                                GError         **error);
char           *po_flowchart_to_dot            (PoFlowchart     *self,
                                                GError         **error);

void            po_flow_layout_draw            (PoFlowLayout            *layout,
                                                cairo_t                 *cr,
                                                const PoFlowDrawOptions *options);
void            po_flowchart_draw_page         (PoFlowchart     *self,
                                                PoFlowLayout    *layout,
                                                cairo_t         *cr,
                                                double           width,
                                                double           height);
GBytes         *po_flowchart_render_bytes      (PoFlowchart     *self,
                                                PoFlowFormat     format,
                                                PoFlowPaper      paper,
                                                GError         **error);
gboolean        po_flowchart_render            (PoFlowchart     *self,
                                                PoFlowFormat     format,
                                                PoFlowPaper      paper,
                                                const char      *path,
                                                GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoFlowFinding, po_flow_finding_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoFlowLayout, po_flow_layout_unref)

G_END_DECLS
