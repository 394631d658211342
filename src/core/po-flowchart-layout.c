/* po-flowchart-layout.c: laying a flowchart out with Graphviz, drawing it
 * with cairo, and rendering it to PDF, SVG and PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Graphviz (dot, top to bottom) places the nodes and routes the edges;
 * everything is drawn here, from the positions it returns, by the same
 * code for the editor's canvas, the printer and the files. So the node
 * boxes are measured here with Pango first, and Graphviz is only told
 * their sizes: nodes carry no label text, and edge and lane labels are
 * HTML-like placeholders of the measured size. The graph is built with
 * the cgraph API, never as DOT text, so no label can break it: quotes,
 * braces, angle brackets, backslashes, newlines and long Chinese text
 * never reach a parser.
 *
 * Text is set in Noto Sans CJK SC at 72 dpi without hinted metrics, so a
 * point is a point everywhere and the measured boxes hold what is drawn
 * on any surface. Files are drawn with cairo too: the PDF and SVG carry
 * the glyphs they use, so Chinese shows in any viewer, never as tofu.
 *
 * Graphviz keeps global state: one layout runs at a time, under a lock,
 * and po_flowchart_layout_async() runs it on a worker thread.
 */
#define G_LOG_DOMAIN "po-flowchart"

#include "config.h"

#include <graphviz/gvc.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "po-error.h"
#include "po-flowchart-private.h"

#define FONT_FAMILY   "Noto Sans CJK SC"
#define LABEL_SIZE    10.0
#define DETAIL_SIZE   8.0
#define EDGE_SIZE     8.5
#define LANE_SIZE     10.0

#define STEP_WRAP     150.0
#define END_WRAP      130.0
#define DECISION_WRAP 110.0
#define EDGE_WRAP     120.0
#define PAD_X         10.0
#define PAD_Y         7.0

#define PAGE_MARGIN   28.0
#define PNG_MAX_PIXELS 8000.0

static GMutex graphviz_lock;

G_DEFINE_BOXED_TYPE (PoFlowLayout, po_flow_layout, po_flow_layout_ref, po_flow_layout_unref)

/**
 * po_flow_layout_ref:
 *
 * Returns: (transfer full): @layout
 */
PoFlowLayout *
po_flow_layout_ref (PoFlowLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  g_atomic_ref_count_inc (&layout->ref_count);
  return layout;
}

/**
 * po_flow_layout_unref:
 *
 * Drops a reference; the last frees the layout.
 */
void
po_flow_layout_unref (PoFlowLayout *layout)
{
  g_return_if_fail (layout != NULL);

  if (!g_atomic_ref_count_dec (&layout->ref_count))
    return;
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      g_free (layout->nodes[i].text);
      g_free (layout->nodes[i].detail);
    }
  for (guint i = 0; i < layout->n_edges; i++)
    {
      g_free (layout->edges[i].points);
      g_free (layout->edges[i].label);
    }
  for (guint i = 0; i < layout->n_lanes; i++)
    g_free (layout->lanes[i].post);
  g_free (layout->nodes);
  g_free (layout->edges);
  g_free (layout->lanes);
  g_free (layout);
}

/* Text */

/* Pango does not declare a cleanup for its context. */
typedef PangoContext TextContext;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TextContext, g_object_unref)

/* A Pango context that measures in points on no surface in particular:
 * 72 dpi and unhinted metrics. Text is measured and drawn with such a
 * context, whatever the surface and its scale, so that it breaks into
 * the same lines and fills the same boxes on screen, paper and file. */
static PangoContext *
text_context (void)
{
  PangoContext *context;
  cairo_font_options_t *options = cairo_font_options_create ();

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_destroy (options);
  return context;
}

static void text_size (PangoLayout *layout,
                       double      *width,
                       double      *height);

/* @text, then @detail smaller and grey on the lines below it. */
static PangoLayout *
make_text (PangoContext   *context,
           const char     *text,
           const char     *detail,
           double          size,
           gboolean        bold,
           double          wrap,
           PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();
  g_autofree char *main_text = g_utf8_make_valid (text ? text : "", -1);
  g_autofree char *all = NULL;

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (detail != NULL && *detail != '\0')
    {
      g_autofree char *detail_text = g_utf8_make_valid (detail, -1);
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *attr;
      guint start;

      all = g_strconcat (main_text, "\n", detail_text, NULL);
      start = (guint) strlen (main_text) + 1;
      attr = pango_attr_size_new ((int) (DETAIL_SIZE * PANGO_SCALE));
      attr->start_index = start;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_foreground_new (0x4d4d, 0x5555, 0x6060);
      attr->start_index = start;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_weight_new (PANGO_WEIGHT_NORMAL);
      attr->start_index = start;
      pango_attr_list_insert (attrs, attr);
      pango_layout_set_text (layout, all, -1);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    pango_layout_set_text (layout, main_text, -1);

  if (wrap != 0)
    {
      double natural, unused;

      text_size (layout, &natural, &unused);
      /* A negative @wrap is a least width, widened for long text so the
       * box stays about twice as wide as high: a diamond's text. */
      if (wrap < 0)
        wrap = MAX (-wrap, sqrt (natural * 1.4 * size * 2));
      /* Lines of even length rather than a last line of one character:
       * as many lines as @wrap needs, each as long as it takes. */
      if (natural > wrap)
        {
          double lines = ceil (natural / wrap);
          wrap = MIN (wrap, natural / lines + 1.5 * size);
        }
      pango_layout_set_width (layout, (int) (wrap * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

/* Draws @layout with its logical box centred on (cx, cy). */
static void
show_centered (cairo_t     *cr,
               PangoLayout *layout,
               double       cx,
               double       cy)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr,
                 cx - ((double) logical.x + logical.width / 2.0) / PANGO_SCALE,
                 cy - ((double) logical.y + logical.height / 2.0) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static double
node_wrap (PoFlowNodeKind kind)
{
  switch (kind)
    {
    case PO_FLOW_NODE_DECISION:
      return -DECISION_WRAP;
    case PO_FLOW_NODE_START:
    case PO_FLOW_NODE_END:
      return END_WRAP;
    case PO_FLOW_NODE_STEP:
    default:
      return STEP_WRAP;
    }
}

static char *
working_days (int days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days", days), days);
}

/* What an internal step shows under its label: duty and time limit. */
static char *
node_detail (PoFlowchartKind   kind,
             const PoFlowNode *n)
{
  g_autofree char *days = n->time_limit >= 0 ? working_days (n->time_limit) : NULL;
  g_autofree char *duty = g_strstrip (g_strdup (n->duty));

  if (kind == PO_FLOWCHART_INTERNAL && *duty != '\0')
    return days ? g_strconcat (duty, "\n", days, NULL) : g_steal_pointer (&duty);
  return g_steal_pointer (&days);
}

/* The box a node's text needs, in points. */
static void
node_box (PangoContext   *context,
          PoFlowNodeKind  kind,
          const char     *text,
          const char     *detail,
          double         *width,
          double         *height)
{
  g_autoptr(PangoLayout) layout = make_text (context, text, detail, LABEL_SIZE, FALSE, node_wrap (kind),
                                             PANGO_ALIGN_CENTER);
  double tw, th;

  text_size (layout, &tw, &th);
  switch (kind)
    {
    case PO_FLOW_NODE_DECISION:
      /* The text's box is inscribed in the diamond: twice its size. */
      *width = MAX (2 * tw + 2 * PAD_X, 96);
      *height = MAX (2 * th + 2 * PAD_Y, 48);
      break;
    case PO_FLOW_NODE_START:
    case PO_FLOW_NODE_END:
      /* Round ends as wide as half the height. */
      *width = MAX (tw + th + 2 * PAD_X, 80);
      *height = MAX (th + 2 * PAD_Y, 30);
      break;
    case PO_FLOW_NODE_STEP:
    default:
      *width = MAX (tw + 2 * PAD_X, 90);
      *height = MAX (th + 2 * PAD_Y, 36);
      break;
    }
}

/* The graph */

typedef struct
{
  char   *text;
  char   *detail;
  double  width;
  double  height;
} NodeText;

typedef struct
{
  double width;
  double height;
} Size;

static void
node_text_clear (gpointer data)
{
  NodeText *t = data;

  g_free (t->text);
  g_free (t->detail);
}

/* An HTML-like label that holds only an empty box of the given size:
 * Graphviz reserves the room, and no text reaches its parser. */
static void
set_placeholder_label (void   *object,
                       Agraph_t *g,
                       double  width,
                       double  height)
{
  char html[256];
  char *label;

  g_snprintf (html, sizeof html,
              "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>"
              "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" HEIGHT=\"%d\"></TD></TR></TABLE>",
              (int) ceil (CLAMP (width, 1, 60000)), (int) ceil (CLAMP (height, 1, 60000)));
  label = agstrdup_html (g, html);
  agsafeset (object, "label", label, "");
  agstrfree (g, label);
}

/* For DOT text read by people and by dot(1): backslashes would start
 * Graphviz escapes (\N, \G …), line breaks are written \n. */
static char *
escape_label (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
set_inches (void       *object,
            const char *name,
            double      points)
{
  char value[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (value, sizeof value, "%.4f", points / 72.0);
  agsafeset (object, (char *) name, value, "");
}

static void
set_points (void       *object,
            const char *name,
            double      points)
{
  char value[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (value, sizeof value, "%.2f", points);
  agsafeset (object, (char *) name, value, "");
}

/* Builds the chart's graph. @texts has the measured nodes; @edge_sizes and
 * @lane_sizes the measured labels (or NULL when @readable: then labels
 * are the text itself, as DOT for dot(1), and sizes are Graphviz's). */
static Agraph_t *
build_graph (PoFlowchart  *self,
             NodeText     *texts,
             Size         *edge_sizes,
             GPtrArray    *lanes,
             Size         *lane_sizes,
             gboolean      readable,
             Agdisc_t     *disc,
             Agnode_t    **gnodes,
             Agedge_t    **gedges,
             Agraph_t    **glanes)
{
  Agraph_t *g = agopen ((char *) "flowchart", Agdirected, disc);
  guint n_nodes = po_flowchart_get_n_nodes (self);
  guint n_edges = po_flowchart_get_n_edges (self);

  agattr (g, AGRAPH, (char *) "rankdir", (char *) "TB");
  agattr (g, AGRAPH, (char *) "fontname", (char *) FONT_FAMILY);
  agattr (g, AGRAPH, (char *) "nodesep", (char *) "0.35");
  agattr (g, AGRAPH, (char *) "ranksep", (char *) "0.45");
  /* Ranks for the whole graph, not cluster by cluster: a decision
   * outside a lane may sit between two steps of that lane. */
  agattr (g, AGRAPH, (char *) "newrank", (char *) "true");
  agattr (g, AGNODE, (char *) "fontname", (char *) FONT_FAMILY);
  agattr (g, AGEDGE, (char *) "fontname", (char *) FONT_FAMILY);
  if (readable)
    {
      agattr (g, AGNODE, (char *) "fontsize", (char *) "10");
      agattr (g, AGEDGE, (char *) "fontsize", (char *) "8.5");
    }

  for (guint l = 0; l < lanes->len; l++)
    {
      g_autofree char *name = g_strdup_printf ("cluster_%u", l);
      Agraph_t *sg = agsubg (g, name, TRUE);

      glanes[l] = sg;
      set_points (sg, "margin", 10);
      /* The post's name at the lane's top left, out of the way of the
       * edges that come in from above, mostly in the middle. */
      agsafeset (sg, (char *) "labeljust", (char *) "l", (char *) "c");
      if (readable)
        {
          g_autofree char *label = escape_label (g_ptr_array_index (lanes, l));
          agsafeset (sg, (char *) "label", label, "");
        }
      else
        set_placeholder_label (sg, g, lane_sizes[l].width + 12, lane_sizes[l].height + 6);
    }

  for (guint i = 0; i < n_nodes; i++)
    {
      const PoFlowNode *n = po_flowchart_get_node (self, i);
      char name[32];
      Agraph_t *parent = g;
      Agnode_t *node;

      if (po_flowchart_get_kind (self) == PO_FLOWCHART_INTERNAL && n->post != NULL)
        for (guint l = 0; l < lanes->len; l++)
          if (g_str_equal (g_ptr_array_index (lanes, l), n->post))
            parent = glanes[l];

      g_snprintf (name, sizeof name, "n%u", n->id);
      node = agnode (parent, name, TRUE);
      gnodes[i] = node;
      agsafeset (node, (char *) "shape",
                 (char *) (n->kind == PO_FLOW_NODE_DECISION ? "diamond" : "box"), (char *) "box");
      if (n->kind == PO_FLOW_NODE_START || n->kind == PO_FLOW_NODE_END)
        agsafeset (node, (char *) "style", (char *) "rounded", (char *) "");
      if (readable)
        {
          g_autofree char *text = texts[i].detail ? g_strconcat (texts[i].text, "\n", texts[i].detail, NULL)
                                                  : g_strdup (texts[i].text);
          g_autofree char *label = escape_label (text);

          agsafeset (node, (char *) "label", label, (char *) "");
        }
      else
        {
          agsafeset (node, (char *) "label", (char *) "", (char *) "");
          agsafeset (node, (char *) "fixedsize", (char *) "true", (char *) "false");
          set_inches (node, "width", texts[i].width);
          set_inches (node, "height", texts[i].height);
        }
    }

  for (guint i = 0; i < n_edges; i++)
    {
      const PoFlowEdge *e = po_flowchart_get_edge (self, i);
      Agnode_t *tail = NULL, *head = NULL;
      char name[32];
      Agedge_t *edge;

      for (guint k = 0; k < n_nodes; k++)
        {
          guint id = po_flowchart_get_node (self, k)->id;
          if (id == e->from)
            tail = gnodes[k];
          if (id == e->to)
            head = gnodes[k];
        }
      gedges[i] = NULL;
      if (tail == NULL || head == NULL)
        continue;

      g_snprintf (name, sizeof name, "e%u", e->id);
      /* A return is laid out as the forward edge it undoes, with its
       * arrow at the other end: then the returns leave dot a graph
       * without loops, and the procedure reads top to bottom. */
      if (e->is_return && tail != head)
        {
          edge = agedge (g, head, tail, name, TRUE);
          agsafeset (edge, (char *) "dir", (char *) "back", (char *) "forward");
        }
      else
        edge = agedge (g, tail, head, name, TRUE);
      gedges[i] = edge;
      if (e->is_return)
        agsafeset (edge, (char *) "style", (char *) "dashed", (char *) "");
      if (*e->label != '\0')
        {
          if (readable)
            {
              g_autofree char *label = escape_label (e->label);
              agsafeset (edge, (char *) "label", label, (char *) "");
            }
          else
            set_placeholder_label (edge, g, edge_sizes[i].width, edge_sizes[i].height);
        }
    }
  return g;
}

static guint
node_index (PoFlowchart *self,
            guint        id)
{
  for (guint k = 0; k < po_flowchart_get_n_nodes (self); k++)
    if (po_flowchart_get_node (self, k)->id == id)
      return k;
  g_return_val_if_reached (0);
}

/* The posts of an internal chart's steps, in order of first use. */
static GPtrArray *
chart_lanes (PoFlowchart *self)
{
  GPtrArray *lanes = g_ptr_array_new_with_free_func (g_free);

  if (po_flowchart_get_kind (self) != PO_FLOWCHART_INTERNAL)
    return lanes;
  for (guint i = 0; i < po_flowchart_get_n_nodes (self); i++)
    {
      const PoFlowNode *n = po_flowchart_get_node (self, i);
      gboolean seen = FALSE;

      if (n->post == NULL)
        continue;
      for (guint l = 0; l < lanes->len && !seen; l++)
        seen = g_str_equal (g_ptr_array_index (lanes, l), n->post);
      if (!seen)
        g_ptr_array_add (lanes, g_strdup (n->post));
    }
  return lanes;
}

static GString *graphviz_errors;

static int
collect_graphviz_error (char *message)
{
  if (graphviz_errors != NULL)
    g_string_append (graphviz_errors, message);
  return 0;
}

static GVC_t *
graphviz_context (void)
{
  static GVC_t *gvc;

  /* Under graphviz_lock. Kept for the life of the process: loading the
   * plugins again for every layout would cost more than the layout. */
  if (gvc == NULL)
    gvc = gvContext ();
  return gvc;
}

static void
measure_chart (PoFlowchart *self,
               GArray      *texts,
               Size        *edge_sizes,
               GPtrArray   *lanes,
               Size        *lane_sizes)
{
  g_autoptr(TextContext) context = text_context ();

  for (guint i = 0; i < po_flowchart_get_n_nodes (self); i++)
    {
      const PoFlowNode *n = po_flowchart_get_node (self, i);
      NodeText t = { 0 };

      t.text = g_strdup (n->label);
      t.detail = node_detail (po_flowchart_get_kind (self), n);
      node_box (context, n->kind, t.text, t.detail, &t.width, &t.height);
      g_array_append_val (texts, t);
    }
  for (guint i = 0; i < po_flowchart_get_n_edges (self); i++)
    {
      const PoFlowEdge *e = po_flowchart_get_edge (self, i);
      g_autoptr(PangoLayout) layout = make_text (context, e->label, NULL, EDGE_SIZE, FALSE, EDGE_WRAP,
                                                 PANGO_ALIGN_CENTER);

      text_size (layout, &edge_sizes[i].width, &edge_sizes[i].height);
      edge_sizes[i].width += 6;
      edge_sizes[i].height += 4;
    }
  for (guint l = 0; l < lanes->len; l++)
    {
      g_autoptr(PangoLayout) layout = make_text (context, g_ptr_array_index (lanes, l), NULL, LANE_SIZE, TRUE,
                                                 STEP_WRAP, PANGO_ALIGN_CENTER);

      text_size (layout, &lane_sizes[l].width, &lane_sizes[l].height);
    }
}

/**
 * po_flowchart_layout:
 *
 * Lays the chart out with Graphviz (dot, top to bottom; an internal
 * chart's steps grouped in one lane per post). Safe to call from any
 * thread on a chart no other thread is changing; layouts run one at a
 * time.
 *
 * Returns: (transfer full): the layout, or %NULL with @error set
 */
PoFlowLayout *
po_flowchart_layout (PoFlowchart  *self,
                     GError      **error)
{
  g_autoptr(GArray) texts = g_array_new (FALSE, TRUE, sizeof (NodeText));
  g_autoptr(GPtrArray) lanes = NULL;
  g_autofree Size *edge_sizes = NULL;
  g_autofree Size *lane_sizes = NULL;
  g_autofree Agnode_t **gnodes = NULL;
  g_autofree Agedge_t **gedges = NULL;
  g_autofree Agraph_t **glanes = NULL;
  PoFlowLayout *layout;
  guint n_nodes, n_edges;
  Agraph_t *g;
  double llx, ury;
  int rc;

  g_return_val_if_fail (PO_IS_FLOWCHART (self), NULL);

  g_array_set_clear_func (texts, node_text_clear);
  n_nodes = po_flowchart_get_n_nodes (self);
  n_edges = po_flowchart_get_n_edges (self);
  lanes = chart_lanes (self);
  edge_sizes = g_new0 (Size, n_edges + 1);
  lane_sizes = g_new0 (Size, lanes->len + 1);
  gnodes = g_new0 (Agnode_t *, n_nodes + 1);
  gedges = g_new0 (Agedge_t *, n_edges + 1);
  glanes = g_new0 (Agraph_t *, lanes->len + 1);
  measure_chart (self, texts, edge_sizes, lanes, lane_sizes);

  layout = g_new0 (PoFlowLayout, 1);
  g_atomic_ref_count_init (&layout->ref_count);
  layout->kind = po_flowchart_get_kind (self);

  g_mutex_lock (&graphviz_lock);
  graphviz_errors = g_string_new (NULL);
  agseterrf (collect_graphviz_error);
  g = build_graph (self, (NodeText *) (gpointer) texts->data, edge_sizes, lanes, lane_sizes, FALSE, NULL,
                   gnodes, gedges, glanes);
  rc = gvLayout (graphviz_context (), g, "dot");
  if (rc != 0)
    {
      g_autofree char *detail = g_strstrip (g_string_free (graphviz_errors, FALSE));

      graphviz_errors = NULL;
      agseterrf (NULL);
      agclose (g);
      g_mutex_unlock (&graphviz_lock);
      po_flow_layout_unref (layout);
      g_set_error (error, PO_ERROR, PO_ERROR_FAILED, _("Graphviz could not lay out the flowchart: %s"),
                   *detail ? detail : _("no reason given"));
      return NULL;
    }

  /* Graphviz's y grows upwards; ours downwards, from the box's top. */
  llx = GD_bb (g).LL.x;
  ury = GD_bb (g).UR.y;
  layout->width = GD_bb (g).UR.x - llx;
  layout->height = ury - GD_bb (g).LL.y;
#define FLIP_X(px) ((px) - llx)
#define FLIP_Y(py) (ury - (py))

  layout->n_nodes = n_nodes;
  layout->nodes = g_new0 (PoFlowLayoutNode, n_nodes + 1);
  for (guint i = 0; i < n_nodes; i++)
    {
      PoFlowLayoutNode *ln = &layout->nodes[i];
      const PoFlowNode *n = po_flowchart_get_node (self, i);
      NodeText *t = &g_array_index (texts, NodeText, i);
      Agnode_t *node = gnodes[i];

      ln->id = n->id;
      ln->kind = n->kind;
      ln->width = ND_width (node) * 72.0;
      ln->height = ND_height (node) * 72.0;
      ln->x = FLIP_X (ND_coord (node).x) - ln->width / 2;
      ln->y = FLIP_Y (ND_coord (node).y) - ln->height / 2;
      ln->text = g_steal_pointer (&t->text);
      ln->detail = g_steal_pointer (&t->detail);
    }

  layout->edges = g_new0 (PoFlowLayoutEdge, n_edges + 1);
  for (guint i = 0; i < n_edges; i++)
    {
      const PoFlowEdge *e = po_flowchart_get_edge (self, i);
      PoFlowLayoutEdge *le = &layout->edges[layout->n_edges];
      Agedge_t *edge = gedges[i];
      splines *spl;

      if (edge == NULL)
        continue;
      layout->n_edges++;
      le->id = e->id;
      le->from = e->from;
      le->to = e->to;
      le->is_return = e->is_return;
      le->label = g_strdup (e->label);

      spl = ED_spl (edge);
      if (spl != NULL && spl->size > 0 && spl->list[0].size > 0)
        {
          bezier *bz = &spl->list[0];
          /* A return was laid out backwards (see build_graph). */
          gboolean reversed = agtail (edge) != gnodes[node_index (self, e->from)];

          le->n_points = (guint) bz->size;
          le->points = g_new (PoFlowPoint, le->n_points);
          for (guint k = 0; k < le->n_points; k++)
            {
              pointf p = bz->list[reversed ? le->n_points - 1 - k : k];

              le->points[k].x = FLIP_X (p.x);
              le->points[k].y = FLIP_Y (p.y);
            }
          if (reversed ? bz->sflag : bz->eflag)
            {
              pointf tip = reversed ? bz->sp : bz->ep;

              le->has_arrow = TRUE;
              le->arrow_tip.x = FLIP_X (tip.x);
              le->arrow_tip.y = FLIP_Y (tip.y);
            }
        }
      else
        {
          /* No route: a straight line between the centres. */
          Agnode_t *t = gnodes[node_index (self, e->from)], *h = gnodes[node_index (self, e->to)];
          PoFlowPoint a = { FLIP_X (ND_coord (t).x), FLIP_Y (ND_coord (t).y) };
          PoFlowPoint b = { FLIP_X (ND_coord (h).x), FLIP_Y (ND_coord (h).y) };

          le->n_points = 4;
          le->points = g_new (PoFlowPoint, 4);
          for (guint k = 0; k < 4; k++)
            {
              le->points[k].x = a.x + (b.x - a.x) * k / 3.0;
              le->points[k].y = a.y + (b.y - a.y) * k / 3.0;
            }
        }

      if (ED_label (edge) != NULL && ED_label (edge)->set)
        {
          le->has_label = TRUE;
          le->label_width = ED_label (edge)->dimen.x;
          le->label_height = ED_label (edge)->dimen.y;
          le->label_x = FLIP_X (ED_label (edge)->pos.x) - le->label_width / 2;
          le->label_y = FLIP_Y (ED_label (edge)->pos.y) - le->label_height / 2;
        }
    }

  layout->n_lanes = lanes->len;
  layout->lanes = g_new0 (PoFlowLayoutLane, lanes->len + 1);
  for (guint l = 0; l < lanes->len; l++)
    {
      PoFlowLayoutLane *lane = &layout->lanes[l];
      Agraph_t *sg = glanes[l];

      lane->post = g_strdup (g_ptr_array_index (lanes, l));
      lane->x = FLIP_X (GD_bb (sg).LL.x);
      lane->y = FLIP_Y (GD_bb (sg).UR.y);
      lane->width = GD_bb (sg).UR.x - GD_bb (sg).LL.x;
      lane->height = GD_bb (sg).UR.y - GD_bb (sg).LL.y;
      if (GD_label (sg) != NULL)
        {
          lane->label_x = FLIP_X (GD_label (sg)->pos.x);
          lane->label_y = FLIP_Y (GD_label (sg)->pos.y);
        }
      else
        {
          lane->label_x = lane->x + lane->width / 2;
          lane->label_y = lane->y + lane_sizes[l].height;
        }
    }
#undef FLIP_X
#undef FLIP_Y

  gvFreeLayout (graphviz_context (), g);
  agclose (g);
  agseterrf (NULL);
  g_string_free (graphviz_errors, TRUE);
  graphviz_errors = NULL;
  g_mutex_unlock (&graphviz_lock);
  return layout;
}

static void
layout_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  PoFlowLayout *layout;

  if (g_task_return_error_if_cancelled (task))
    return;
  layout = po_flowchart_layout (task_data, &error);
  if (layout == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, layout, (GDestroyNotify) po_flow_layout_unref);
}

/**
 * po_flowchart_layout_async:
 *
 * Lays a copy of the chart, as it is now, out on a worker thread, so the
 * window never waits for a large chart.
 */
void
po_flowchart_layout_async (PoFlowchart         *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PoFlowchart *copy;

  g_return_if_fail (PO_IS_FLOWCHART (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, po_flowchart_layout_async);
  copy = po_flowchart_copy (self);
  /* The worker needs neither; leave the objects to this thread. */
  po_flowchart_set_external (copy, NULL);
  g_task_set_task_data (task, copy, g_object_unref);
  g_task_run_in_thread (task, layout_in_thread);
}

/**
 * po_flowchart_layout_finish:
 *
 * Returns: (transfer full): the layout, or %NULL with @error set
 */
PoFlowLayout *
po_flowchart_layout_finish (PoFlowchart   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == po_flowchart_layout_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static int
put_dot_text (void       *channel,
              const char *text)
{
  g_string_append (channel, text);
  return 0;
}

static int
flush_dot_text (void *channel)
{
  return 0;
}

/**
 * po_flowchart_to_dot:
 *
 * The chart as Graphviz DOT text, labels and all, as dot(1) would lay it
 * out by itself: for looking at, and for comparing with dot(1). The
 * application's own layout (po_flowchart_layout()) does not go through
 * DOT text.
 *
 * Returns: (transfer full): the DOT text, or %NULL with @error set
 */
char *
po_flowchart_to_dot (PoFlowchart  *self,
                     GError      **error)
{
  static Agiodisc_t io = { NULL, put_dot_text, flush_dot_text };
  g_autoptr(GArray) texts = g_array_new (FALSE, TRUE, sizeof (NodeText));
  g_autoptr(GPtrArray) lanes = NULL;
  g_autofree Agnode_t **gnodes = NULL;
  g_autofree Agedge_t **gedges = NULL;
  g_autofree Agraph_t **glanes = NULL;
  GString *out = g_string_new (NULL);
  Agdisc_t disc;
  Agraph_t *g;

  g_return_val_if_fail (PO_IS_FLOWCHART (self), NULL);

  g_array_set_clear_func (texts, node_text_clear);
  lanes = chart_lanes (self);
  gnodes = g_new0 (Agnode_t *, po_flowchart_get_n_nodes (self) + 1);
  gedges = g_new0 (Agedge_t *, po_flowchart_get_n_edges (self) + 1);
  glanes = g_new0 (Agraph_t *, lanes->len + 1);
  for (guint i = 0; i < po_flowchart_get_n_nodes (self); i++)
    {
      const PoFlowNode *n = po_flowchart_get_node (self, i);
      NodeText t = { g_strdup (n->label), node_detail (po_flowchart_get_kind (self), n), 0, 0 };

      g_array_append_val (texts, t);
    }

  disc.mem = &AgMemDisc;
  disc.id = &AgIdDisc;
  disc.io = &io;

  g_mutex_lock (&graphviz_lock);
  g = build_graph (self, (NodeText *) (gpointer) texts->data, NULL, lanes, NULL, TRUE, &disc,
                   gnodes, gedges, glanes);
  if (agwrite (g, out) != 0)
    {
      agclose (g);
      g_mutex_unlock (&graphviz_lock);
      g_string_free (out, TRUE);
      g_set_error (error, PO_ERROR, PO_ERROR_FAILED, _("Graphviz could not write the flowchart as DOT text"));
      return NULL;
    }
  agclose (g);
  g_mutex_unlock (&graphviz_lock);
  return g_string_free (out, FALSE);
}

/* Hit-testing */

/**
 * po_flow_layout_find_node:
 *
 * Returns: (nullable) (transfer none): the laid-out node with @id
 */
const PoFlowLayoutNode *
po_flow_layout_find_node (PoFlowLayout *layout,
                          guint         id)
{
  g_return_val_if_fail (layout != NULL, NULL);

  for (guint i = 0; i < layout->n_nodes; i++)
    if (layout->nodes[i].id == id)
      return &layout->nodes[i];
  return NULL;
}

static gboolean
node_contains (const PoFlowLayoutNode *n,
               double                  x,
               double                  y)
{
  double dx = fabs (x - (n->x + n->width / 2)) / (n->width / 2);
  double dy = fabs (y - (n->y + n->height / 2)) / (n->height / 2);

  if (n->kind == PO_FLOW_NODE_DECISION)
    return dx + dy <= 1.0;
  return dx <= 1.0 && dy <= 1.0;
}

/**
 * po_flow_layout_node_at:
 * @x: in the layout's points, y growing downwards
 *
 * Returns: the id of the node drawn at (@x, @y), or 0
 */
guint
po_flow_layout_node_at (PoFlowLayout *layout,
                        double        x,
                        double        y)
{
  g_return_val_if_fail (layout != NULL, 0);

  for (guint i = layout->n_nodes; i-- > 0;)
    if (node_contains (&layout->nodes[i], x, y))
      return layout->nodes[i].id;
  return 0;
}

static double
segment_distance (PoFlowPoint a,
                  PoFlowPoint b,
                  double      x,
                  double      y)
{
  double vx = b.x - a.x, vy = b.y - a.y;
  double len = vx * vx + vy * vy;
  double t = len > 0 ? ((x - a.x) * vx + (y - a.y) * vy) / len : 0;

  t = CLAMP (t, 0.0, 1.0);
  return hypot (a.x + t * vx - x, a.y + t * vy - y);
}

static PoFlowPoint
bezier_point (const PoFlowPoint *p,
              double             t)
{
  double u = 1 - t;
  PoFlowPoint r;

  r.x = u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x;
  r.y = u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y;
  return r;
}

static double
edge_distance (const PoFlowLayoutEdge *e,
               double                  x,
               double                  y)
{
  double best = G_MAXDOUBLE;

  if (e->has_label && x >= e->label_x && x <= e->label_x + e->label_width &&
      y >= e->label_y && y <= e->label_y + e->label_height)
    return 0;
  for (guint k = 0; k + 3 < e->n_points; k += 3)
    {
      PoFlowPoint prev = e->points[k];

      for (int s = 1; s <= 16; s++)
        {
          PoFlowPoint p = bezier_point (&e->points[k], s / 16.0);

          best = MIN (best, segment_distance (prev, p, x, y));
          prev = p;
        }
    }
  if (e->has_arrow && e->n_points > 0)
    best = MIN (best, segment_distance (e->points[e->n_points - 1], e->arrow_tip, x, y));
  return best;
}

/**
 * po_flow_layout_edge_at:
 * @tolerance: how far from the line, in points, still counts
 *
 * Returns: the id of the edge drawn nearest (@x, @y), its label
 *   included, within @tolerance; or 0
 */
guint
po_flow_layout_edge_at (PoFlowLayout *layout,
                        double        x,
                        double        y,
                        double        tolerance)
{
  double best = tolerance;
  guint id = 0;

  g_return_val_if_fail (layout != NULL, 0);

  for (guint i = 0; i < layout->n_edges; i++)
    {
      double d = edge_distance (&layout->edges[i], x, y);

      if (d <= best)
        {
          best = d;
          id = layout->edges[i].id;
        }
    }
  return id;
}

/* Drawing */

static void
set_color (cairo_t *cr,
           guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static gboolean
is_flagged (const PoFlowDrawOptions *options,
            guint                    id)
{
  if (options == NULL || options->flagged == NULL)
    return FALSE;
  for (guint i = 0; i < options->flagged->len; i++)
    if (g_array_index (options->flagged, guint, i) == id)
      return TRUE;
  return FALSE;
}

static void
draw_arrowhead (cairo_t           *cr,
                PoFlowPoint        base,
                PoFlowPoint        tip)
{
  double dx = tip.x - base.x, dy = tip.y - base.y;
  double len = hypot (dx, dy);
  double nx, ny;

  if (len < 0.01)
    return;
  /* As wide as 0.72 of its length. */
  nx = -dy * 0.36;
  ny = dx * 0.36;
  cairo_move_to (cr, tip.x, tip.y);
  cairo_line_to (cr, base.x + nx, base.y + ny);
  cairo_line_to (cr, base.x - nx, base.y - ny);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/**
 * po_flow_layout_draw:
 * @cr: drawn on in the layout's points (y growing downwards), from (0, 0)
 *   to (@layout->width, @layout->height); transform it to place and scale
 * @options: (nullable): selection and findings to show
 *
 * Draws the laid-out chart: the lanes, the edges with their labels and
 * arrowheads (returns dashed), and the nodes with their text. The editor
 * draws with it on screen, the printer and the files on paper.
 */
void
po_flow_layout_draw (PoFlowLayout            *layout,
                     cairo_t                 *cr,
                     const PoFlowDrawOptions *options)
{
  g_autoptr(TextContext) context = NULL;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  context = text_context ();
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint l = 0; l < layout->n_lanes; l++)
    {
      const PoFlowLayoutLane *lane = &layout->lanes[l];
      g_autoptr(PangoLayout) text = make_text (context, lane->post, NULL, LANE_SIZE, TRUE, STEP_WRAP,
                                               PANGO_ALIGN_CENTER);

      rounded_rect (cr, lane->x, lane->y, lane->width, lane->height, 6);
      set_color (cr, l % 2 ? 0xf1f5fa : 0xf7f4ec);
      cairo_fill_preserve (cr);
      set_color (cr, 0x9aa7b6);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
      set_color (cr, 0x2b3a4a);
      show_centered (cr, text, lane->label_x, lane->label_y);
    }

  for (guint i = 0; i < layout->n_edges; i++)
    {
      const PoFlowLayoutEdge *e = &layout->edges[i];
      gboolean selected = options != NULL && options->selected_edge == e->id;
      guint32 color = selected ? 0x1a73e8 : e->is_return ? 0xb35c00 : 0x46505c;

      if (e->n_points == 0)
        continue;
      set_color (cr, color);
      cairo_set_line_width (cr, selected ? 2.5 : 1.1);
      if (e->is_return)
        cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
      cairo_move_to (cr, e->points[0].x, e->points[0].y);
      for (guint k = 1; k + 2 < e->n_points; k += 3)
        cairo_curve_to (cr, e->points[k].x, e->points[k].y, e->points[k + 1].x, e->points[k + 1].y,
                        e->points[k + 2].x, e->points[k + 2].y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (e->has_arrow)
        draw_arrowhead (cr, e->points[e->n_points - 1], e->arrow_tip);

      if (e->has_label && e->label != NULL && *e->label != '\0')
        {
          g_autoptr(PangoLayout) text = make_text (context, e->label, NULL, EDGE_SIZE, FALSE, EDGE_WRAP,
                                                   PANGO_ALIGN_CENTER);

          cairo_rectangle (cr, e->label_x, e->label_y, e->label_width, e->label_height);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
          cairo_fill (cr);
          set_color (cr, selected ? 0x1a73e8 : e->is_return ? 0x8a4700 : 0x2b2b2b);
          show_centered (cr, text, e->label_x + e->label_width / 2, e->label_y + e->label_height / 2);
        }
    }

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const PoFlowLayoutNode *n = &layout->nodes[i];
      gboolean selected = options != NULL && options->selected_node == n->id;
      gboolean flagged = is_flagged (options, n->id);
      double cx = n->x + n->width / 2, cy = n->y + n->height / 2;
      g_autoptr(PangoLayout) text = make_text (context, n->text, n->detail, LABEL_SIZE, FALSE,
                                               node_wrap (n->kind), PANGO_ALIGN_CENTER);
      guint32 fill, stroke;

      switch (n->kind)
        {
        case PO_FLOW_NODE_START:
        case PO_FLOW_NODE_END:
          rounded_rect (cr, n->x, n->y, n->width, n->height, n->height / 2);
          fill = 0xe3eefb;
          stroke = 0x1c5fa8;
          break;
        case PO_FLOW_NODE_DECISION:
          cairo_move_to (cr, cx, n->y);
          cairo_line_to (cr, n->x + n->width, cy);
          cairo_line_to (cr, cx, n->y + n->height);
          cairo_line_to (cr, n->x, cy);
          cairo_close_path (cr);
          fill = 0xfff6dc;
          stroke = 0x9a6b00;
          break;
        case PO_FLOW_NODE_STEP:
        default:
          rounded_rect (cr, n->x, n->y, n->width, n->height, 3);
          fill = 0xffffff;
          stroke = 0x35404c;
          break;
        }
      set_color (cr, fill);
      cairo_fill_preserve (cr);
      set_color (cr, selected ? 0x1a73e8 : flagged ? 0xc62828 : stroke);
      cairo_set_line_width (cr, selected ? 3.0 : flagged ? 2.2 : 1.2);
      cairo_stroke (cr);

      set_color (cr, 0x14181d);
      show_centered (cr, text, cx, cy);
    }

  cairo_restore (cr);
}

/* The title block */

typedef struct
{
  char *label;
  char *value;
  gboolean wide;
} Field;

static void
field_clear (gpointer data)
{
  Field *f = data;

  g_free (f->label);
  g_free (f->value);
}

static char *
limit_text (int days)
{
  return days > 0 ? working_days (days) : g_strdup (_("not set"));
}

static char *
or_not_set (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  return *copy ? g_steal_pointer (&copy) : g_strdup (_("not set"));
}

static GArray *
title_fields (PoFlowchart *self)
{
  const PoItem *item = po_flowchart_get_item (self);
  GArray *fields = g_array_new (FALSE, TRUE, sizeof (Field));
  g_autofree char *basis = NULL;
  g_autofree char *date = NULL;
  Field f;

  g_array_set_clear_func (fields, field_clear);
  if (item == NULL)
    return fields;

  basis = g_strstrip (g_strdup_printf ("%s %s", item->basis_law ? item->basis_law : "",
                                       item->basis_article ? item->basis_article : ""));
  if (po_flowchart_get_updated_on (self) != NULL)
    date = g_strdup (po_flowchart_get_updated_on (self));
  else
    {
      g_autoptr(GTimeZone) cst = g_time_zone_new_offset (8 * 3600);
      g_autoptr(GDateTime) now = g_date_time_new_now (cst);
      date = g_date_time_format (now, "%Y-%m-%d");
    }

  f = (Field) { g_strdup (_("Item code")), or_not_set (item->code), FALSE };
  g_array_append_val (fields, f);
  f = (Field) { g_strdup (_("Department")), or_not_set (item->department), FALSE };
  g_array_append_val (fields, f);
  f = (Field) { g_strdup (_("Legal basis")), or_not_set (basis), TRUE };
  g_array_append_val (fields, f);
  f = (Field) { g_strdup (_("Statutory limit")), limit_text (item->statutory_limit), FALSE };
  g_array_append_val (fields, f);
  f = (Field) { g_strdup (_("Committed limit")), limit_text (item->committed_limit), FALSE };
  g_array_append_val (fields, f);
  f = (Field) { g_strdup (_("Supervision phone")), or_not_set (item->supervision_phone), FALSE };
  g_array_append_val (fields, f);
  f = (Field) { g_strdup (_("Version")),
                po_flowchart_get_version (self) > 0
                /* TRANSLATORS: the flowchart's version and the day it was saved */
                ? g_strdup_printf (_("%d, saved on %s"), po_flowchart_get_version (self), date)
                /* TRANSLATORS: a chart never saved, and the day it is printed */
                : g_strdup_printf (_("not saved yet (printed on %s)"), date),
                FALSE };
  g_array_append_val (fields, f);
  return fields;
}

static char *
title_text (PoFlowchart *self)
{
  const PoItem *item = po_flowchart_get_item (self);
  const char *kind = po_flowchart_get_kind (self) == PO_FLOWCHART_INTERNAL ? _("Internal flowchart")
                                                                           : _("External flowchart");

  if (item == NULL || item->name == NULL)
    return g_strdup (kind);
  /* TRANSLATORS: the title block's heading: the item's name and the chart */
  return g_strdup_printf (_("%s — %s"), item->name, kind);
}

#define TITLE_SIZE 14.0
#define FIELD_SIZE 8.5
#define CELL_PAD   5.0

/* Lays out, and with @draw draws, the title block at (x, y), @width
 * wide. Returns its height. */
static double
title_block (PoFlowchart  *self,
             cairo_t      *cr,
             PangoContext *context,
             double        x,
             double        y,
             double        width,
             gboolean      draw)
{
  g_autoptr(GArray) fields = title_fields (self);
  g_autofree char *heading = title_text (self);
  g_autoptr(PangoLayout) title = make_text (context, heading, NULL, TITLE_SIZE, TRUE, width - 2 * CELL_PAD,
                                            PANGO_ALIGN_LEFT);
  double tw, th, row_y;
  double half = width / 2;

  text_size (title, &tw, &th);
  if (draw)
    {
      set_color (cr, 0x111111);
      cairo_move_to (cr, x + CELL_PAD, y + CELL_PAD);
      pango_cairo_show_layout (cr, title);
      cairo_new_path (cr);
    }
  row_y = y + th + 2 * CELL_PAD;

  for (guint i = 0; i < fields->len;)
    {
      Field *a = &g_array_index (fields, Field, i);
      Field *b = !a->wide && i + 1 < fields->len && !g_array_index (fields, Field, i + 1).wide
                 ? &g_array_index (fields, Field, i + 1) : NULL;
      double cell_w = b ? half : width;
      double row_h = 0;
      Field *cells[2] = { a, b };

      for (guint c = 0; c < 2 && cells[c]; c++)
        {
          g_autofree char *label = g_strdup_printf (_("%s: "), cells[c]->label);
          g_autofree char *text = g_strconcat (label, cells[c]->value, NULL);
          g_autoptr(PangoLayout) cell = make_text (context, text, NULL, FIELD_SIZE, FALSE,
                                                   cell_w - 2 * CELL_PAD, PANGO_ALIGN_LEFT);
          PangoAttrList *attrs = pango_attr_list_new ();
          PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
          double cw, ch;

          bold->start_index = 0;
          bold->end_index = (guint) strlen (label);
          pango_attr_list_insert (attrs, bold);
          pango_layout_set_attributes (cell, attrs);
          pango_attr_list_unref (attrs);
          text_size (cell, &cw, &ch);
          row_h = MAX (row_h, ch + 2 * CELL_PAD);
          if (draw)
            {
              set_color (cr, 0x222222);
              cairo_move_to (cr, x + c * half + CELL_PAD, row_y + CELL_PAD);
              pango_cairo_show_layout (cr, cell);
              cairo_new_path (cr);
            }
        }
      if (draw)
        {
          set_color (cr, 0x8c96a0);
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, x, row_y);
          cairo_line_to (cr, x + width, row_y);
          if (b != NULL)
            {
              cairo_move_to (cr, x + half, row_y);
              cairo_line_to (cr, x + half, row_y + row_h);
            }
          cairo_stroke (cr);
        }
      row_y += row_h;
      i += b ? 2 : 1;
    }

  if (draw)
    {
      set_color (cr, 0x3c4650);
      cairo_set_line_width (cr, 1.2);
      cairo_rectangle (cr, x, y, width, row_y - y);
      cairo_stroke (cr);
    }
  return row_y - y;
}

/**
 * po_flowchart_draw_page:
 * @layout: the chart's layout (po_flowchart_layout())
 * @width: the page's printable width, in the units of @cr (points)
 * @height: likewise
 *
 * Draws a page for public display: the title block (item name and code,
 * department, legal basis, statutory and committed limits, supervision
 * phone, version and date) across the top, and the chart below it,
 * scaled to fit and centred. For printing (GtkPrintOperation) and for
 * the PDF, SVG and PNG files.
 */
void
po_flowchart_draw_page (PoFlowchart  *self,
                        PoFlowLayout *layout,
                        cairo_t      *cr,
                        double        width,
                        double        height)
{
  g_autoptr(TextContext) context = NULL;
  double inner = width - 2 * PAGE_MARGIN;
  double title_h, top, area_w, area_h, scale;

  g_return_if_fail (PO_IS_FLOWCHART (self));
  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  context = text_context ();
  title_h = title_block (self, cr, context, PAGE_MARGIN, PAGE_MARGIN, inner, TRUE);
  top = PAGE_MARGIN + title_h + 14;
  area_w = inner;
  area_h = height - top - PAGE_MARGIN;
  if (layout->width > 0 && layout->height > 0 && area_w > 0 && area_h > 0)
    {
      scale = MIN (MIN (area_w / layout->width, area_h / layout->height), 1.5);
      cairo_translate (cr, PAGE_MARGIN + (area_w - layout->width * scale) / 2, top);
      cairo_scale (cr, scale, scale);
      po_flow_layout_draw (layout, cr, NULL);
    }
  cairo_restore (cr);
}

/* The size of a page that shows the chart at its natural size. */
static void
natural_page (PoFlowchart  *self,
              PoFlowLayout *layout,
              double       *width,
              double       *height)
{
  g_autoptr(TextContext) context = text_context ();
  double inner = MAX (layout->width, 480);

  *width = ceil (inner + 2 * PAGE_MARGIN);
  *height = ceil (PAGE_MARGIN + title_block (self, NULL, context, 0, 0, inner, FALSE) + 14 +
                  layout->height + PAGE_MARGIN);
}

static cairo_status_t
write_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
finish_surface (cairo_surface_t  *surface,
                cairo_t          *cr,
                GError          **error)
{
  cairo_status_t status = cairo_status (cr);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_FAILED, _("Could not draw the flowchart: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * po_flowchart_render_bytes:
 * @paper: the page size of a PDF (portrait or landscape, whichever shows
 *   the chart larger); SVG and PNG take the chart's natural size
 *
 * Lays the chart out and draws it, with its title block, as a file.
 *
 * Returns: (transfer full): the file's content, or %NULL with @error set
 */
GBytes *
po_flowchart_render_bytes (PoFlowchart   *self,
                           PoFlowFormat   format,
                           PoFlowPaper    paper,
                           GError       **error)
{
  g_autoptr(PoFlowLayout) layout = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  gboolean ok;

  g_return_val_if_fail (PO_IS_FLOWCHART (self), NULL);

  if (po_flowchart_get_n_nodes (self) == 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   po_flowchart_get_kind (self) == PO_FLOWCHART_INTERNAL
                   ? _("The internal flowchart has no steps yet; draw or import it before rendering it.")
                   : _("The external flowchart has no steps yet; draw or import it before rendering it."));
      return NULL;
    }
  if ((layout = po_flowchart_layout (self, error)) == NULL)
    return NULL;

  switch (format)
    {
    case PO_FLOW_FORMAT_PDF:
      {
        double short_side = paper == PO_FLOW_PAPER_A3 ? 841.89 : 595.28;
        double long_side = paper == PO_FLOW_PAPER_A3 ? 1190.55 : 841.89;
        g_autofree char *title = title_text (self);
        gboolean landscape;

        /* Whichever orientation shows the chart larger. */
        landscape = MIN ((long_side - 2 * PAGE_MARGIN) / layout->width, short_side / layout->height) >
                    MIN ((short_side - 2 * PAGE_MARGIN) / layout->width, long_side / layout->height);
        width = landscape ? long_side : short_side;
        height = landscape ? short_side : long_side;
        surface = cairo_pdf_surface_create_for_stream (write_bytes, buffer, width, height);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Power Oversight " PACKAGE_VERSION);
        cr = cairo_create (surface);
        po_flowchart_draw_page (self, layout, cr, width, height);
        ok = finish_surface (surface, cr, error);
        cairo_surface_destroy (surface);
      }
      break;

    case PO_FLOW_FORMAT_SVG:
      natural_page (self, layout, &width, &height);
      surface = cairo_svg_surface_create_for_stream (write_bytes, buffer, width, height);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      po_flowchart_draw_page (self, layout, cr, width, height);
      ok = finish_surface (surface, cr, error);
      cairo_surface_destroy (surface);
      break;

    case PO_FLOW_FORMAT_PNG:
    default:
      {
        double scale;

        natural_page (self, layout, &width, &height);
        scale = MIN (2.0, PNG_MAX_PIXELS / MAX (width, height));
        surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * scale),
                                              (int) ceil (height * scale));
        cr = cairo_create (surface);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_paint (cr);
        cairo_scale (cr, scale, scale);
        po_flowchart_draw_page (self, layout, cr, width, height);
        cairo_surface_flush (surface);
        if (cairo_status (cr) == CAIRO_STATUS_SUCCESS &&
            cairo_surface_write_to_png_stream (surface, write_bytes, buffer) != CAIRO_STATUS_SUCCESS)
          {
            cairo_destroy (cr);
            cairo_surface_destroy (surface);
            g_set_error (error, PO_ERROR, PO_ERROR_FAILED, _("Could not write the flowchart as PNG"));
            return NULL;
          }
        ok = finish_surface (surface, cr, error);
        cairo_surface_destroy (surface);
      }
      break;
    }

  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * po_flowchart_render:
 * @path: the file to write; replaced whole, or left as it was on failure
 *
 * Renders the chart (po_flowchart_render_bytes()) into a file.
 *
 * Returns: whether the file was written
 */
gboolean
po_flowchart_render (PoFlowchart   *self,
                     PoFlowFormat   format,
                     PoFlowPaper    paper,
                     const char    *path,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PO_IS_FLOWCHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((bytes = po_flowchart_render_bytes (self, format, paper, error)) == NULL)
    return FALSE;
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &local_error))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_FAILED, _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
