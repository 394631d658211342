/* po-flowchart-view.c: a laid-out flowchart that can be clicked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core lays the chart out (with Graphviz, off the main thread) and
 * draws it; this widget only scales, scrolls, hit-tests and remembers the
 * selection. Every change of the chart starts a new layout and cancels
 * the one still running, so the window never waits for Graphviz.
 */
#define G_LOG_DOMAIN "po-flowchart-view"

#include "config.h"

#include <math.h>

#include "po-error.h"
#include "po-flowchart-view.h"

#define MARGIN 16.0
#define MIN_ZOOM 0.2
#define MAX_ZOOM 4.0
#define EDGE_TOLERANCE 4.0
#define FIT_SLACK 36.0

struct _PoFlowchartView
{
  GtkWidget     parent_instance;

  PoFlowchart  *chart;
  PoFlowLayout *layout;
  GCancellable *layout_cancellable;
  GArray       *flagged;
  guint         selected_node;
  guint         selected_edge;
  double        zoom;
  gboolean      fit_pending;
  gboolean      fit_mode;          /* refit as the window changes size */
  guint         fit_idle;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
};

G_DEFINE_FINAL_TYPE (PoFlowchartView, po_flowchart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_LAYOUT,
  PROP_SELECTED_NODE,
  PROP_SELECTED_EDGE,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void fit (PoFlowchartView *self);

static void
on_layout_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PoFlowchartView) self = user_data;
  g_autoptr(PoFlowLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  layout = po_flowchart_layout_finish (PO_FLOWCHART (object), result, &error);
  if (layout == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, PO_ERROR, PO_ERROR_CANCELLED))
        g_warning ("The flowchart could not be laid out: %s", error->message);
      return;
    }

  /* A layout of a chart that has been replaced since is stale. */
  if (PO_FLOWCHART (object) != self->chart)
    return;

  g_clear_object (&self->layout_cancellable);
  g_clear_pointer (&self->layout, po_flow_layout_unref);
  self->layout = g_steal_pointer (&layout);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (self->fit_pending)
    fit (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

static void
start_layout (PoFlowchartView *self)
{
  g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);

  if (self->chart == NULL)
    return;

  self->layout_cancellable = g_cancellable_new ();
  po_flowchart_layout_async (self->chart, self->layout_cancellable,
                             on_layout_ready_cb, g_object_ref (self));
}

static void
on_chart_changed_cb (PoFlowchartView *self)
{
  /* Drop a selection the change removed. */
  if (self->selected_node != 0 && po_flowchart_find_node (self->chart, self->selected_node) == NULL)
    po_flowchart_view_select_node (self, 0);
  if (self->selected_edge != 0 && po_flowchart_find_edge (self->chart, self->selected_edge) == NULL)
    po_flowchart_view_select_edge (self, 0);
  start_layout (self);
}

static void
to_chart_coords (PoFlowchartView *self,
                 double           x,
                 double           y,
                 double          *cx,
                 double          *cy)
{
  *cx = x / self->zoom - MARGIN;
  *cy = y / self->zoom - MARGIN;
}

/* The nodes in reading order: top to bottom, then left to right. */
static int
compare_layout_nodes (gconstpointer a,
                      gconstpointer b)
{
  const PoFlowLayoutNode *na = *(const PoFlowLayoutNode * const *) a;
  const PoFlowLayoutNode *nb = *(const PoFlowLayoutNode * const *) b;

  if (fabs (na->y - nb->y) > 1.0)
    return na->y < nb->y ? -1 : 1;
  if (fabs (na->x - nb->x) > 1.0)
    return na->x < nb->x ? -1 : 1;
  return na->id < nb->id ? -1 : na->id > nb->id;
}

static gboolean
move_selection (PoFlowchartView *self,
                int              step,
                gboolean         wrap)
{
  g_autoptr(GPtrArray) order = NULL;
  int current = -1;
  int next;

  if (self->layout == NULL || self->layout->n_nodes == 0)
    return FALSE;

  order = g_ptr_array_new ();
  for (guint i = 0; i < self->layout->n_nodes; i++)
    g_ptr_array_add (order, &self->layout->nodes[i]);
  g_ptr_array_sort (order, compare_layout_nodes);

  for (guint i = 0; i < order->len; i++)
    if (((PoFlowLayoutNode *) order->pdata[i])->id == self->selected_node)
      current = i;

  if (current < 0)
    next = step > 0 ? 0 : (int) order->len - 1;
  else
    next = current + step;

  if (next < 0 || next >= (int) order->len)
    {
      if (!wrap)
        return FALSE;
      next = (next + (int) order->len) % (int) order->len;
    }

  po_flowchart_view_select_node (self, ((PoFlowLayoutNode *) order->pdata[next])->id);
  po_flowchart_view_scroll_to_selection (self);
  return TRUE;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   PoFlowchartView       *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Down:
    case GDK_KEY_KP_Right:
      move_selection (self, 1, TRUE);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Up:
    case GDK_KEY_KP_Left:
      move_selection (self, -1, TRUE);
      return TRUE;

    /* Tab walks the nodes, then lets the focus move on from the last
     * one, so the keyboard is never trapped in the canvas. */
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      return move_selection (self, 1, FALSE);

    case GDK_KEY_ISO_Left_Tab:
      return move_selection (self, -1, FALSE);

    case GDK_KEY_Escape:
      if (self->selected_node == 0 && self->selected_edge == 0)
        return FALSE;
      po_flowchart_view_select_node (self, 0);
      po_flowchart_view_select_edge (self, 0);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_click_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     PoFlowchartView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  po_flowchart_view_select_at (self, x, y);
}

static void
po_flowchart_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  PoFlowchartView *self = PO_FLOWCHART_VIEW (widget);
  double extent = 0.0;

  if (self->layout != NULL)
    extent = orientation == GTK_ORIENTATION_HORIZONTAL ? self->layout->width : self->layout->height;

  *minimum = *natural = (int) ceil ((extent + 2 * MARGIN) * self->zoom);
}

static void
po_flowchart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PoFlowchartView *self = PO_FLOWCHART_VIEW (widget);
  g_autoptr(GArray) flagged = NULL;
  PoFlowDrawOptions options = { 0, };
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* A chart is printed black on white; the canvas shows it as it will
   * hang on the wall. */
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);

  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, MARGIN, MARGIN);

  options.selected_node = self->selected_node;
  options.selected_edge = self->selected_edge;
  options.flagged = self->flagged;
  po_flow_layout_draw (self->layout, cr, &options);
  cairo_destroy (cr);
}

static gboolean
refit_idle_cb (gpointer user_data)
{
  PoFlowchartView *self = user_data;

  self->fit_idle = 0;
  if (self->fit_mode)
    fit (self);
  return G_SOURCE_REMOVE;
}

/* The scroller's page size changes while it is allocated: refit after. */
static void
on_page_size_changed_cb (PoFlowchartView *self)
{
  if (self->fit_mode && self->fit_idle == 0)
    self->fit_idle = g_idle_add (refit_idle_cb, self);
}

static void
watch_adjustment (PoFlowchartView  *self,
                  GtkAdjustment   **slot,
                  GtkAdjustment    *adjustment)
{
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  g_set_object (slot, adjustment);
  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "notify::page-size", G_CALLBACK (on_page_size_changed_cb), self);
}

static void
po_flowchart_view_root (GtkWidget *widget)
{
  PoFlowchartView *self = PO_FLOWCHART_VIEW (widget);
  GtkWidget *scroller;

  GTK_WIDGET_CLASS (po_flowchart_view_parent_class)->root (widget);

  scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller != NULL)
    {
      watch_adjustment (self, &self->hadjustment, gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller)));
      watch_adjustment (self, &self->vadjustment, gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
    }
}

static void
po_flowchart_view_unroot (GtkWidget *widget)
{
  PoFlowchartView *self = PO_FLOWCHART_VIEW (widget);

  watch_adjustment (self, &self->hadjustment, NULL);
  watch_adjustment (self, &self->vadjustment, NULL);
  g_clear_handle_id (&self->fit_idle, g_source_remove);

  GTK_WIDGET_CLASS (po_flowchart_view_parent_class)->unroot (widget);
}

static void
po_flowchart_view_dispose (GObject *object)
{
  PoFlowchartView *self = PO_FLOWCHART_VIEW (object);

  g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->layout, po_flow_layout_unref);
  g_clear_pointer (&self->flagged, g_array_unref);
  g_clear_handle_id (&self->fit_idle, g_source_remove);
  watch_adjustment (self, &self->hadjustment, NULL);
  watch_adjustment (self, &self->vadjustment, NULL);

  G_OBJECT_CLASS (po_flowchart_view_parent_class)->dispose (object);
}

static void
po_flowchart_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PoFlowchartView *self = PO_FLOWCHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    case PROP_LAYOUT:
      g_value_set_boxed (value, self->layout);
      break;

    case PROP_SELECTED_NODE:
      g_value_set_uint (value, self->selected_node);
      break;

    case PROP_SELECTED_EDGE:
      g_value_set_uint (value, self->selected_edge);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_flowchart_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PoFlowchartView *self = PO_FLOWCHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      po_flowchart_view_set_chart (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_NODE:
      po_flowchart_view_select_node (self, g_value_get_uint (value));
      break;

    case PROP_SELECTED_EDGE:
      po_flowchart_view_select_edge (self, g_value_get_uint (value));
      break;

    case PROP_ZOOM:
      po_flowchart_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_flowchart_view_class_init (PoFlowchartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = po_flowchart_view_dispose;
  object_class->get_property = po_flowchart_view_get_property;
  object_class->set_property = po_flowchart_view_set_property;

  widget_class->measure = po_flowchart_view_measure;
  widget_class->snapshot = po_flowchart_view_snapshot;
  widget_class->root = po_flowchart_view_root;
  widget_class->unroot = po_flowchart_view_unroot;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, PO_TYPE_FLOWCHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT] =
    g_param_spec_boxed ("layout", NULL, NULL, po_flow_layout_get_type (),
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_NODE] =
    g_param_spec_uint ("selected-node", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_EDGE] =
    g_param_spec_uint ("selected-edge", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "flowchart-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
po_flowchart_view_init (PoFlowchartView *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->zoom = 1.0;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
po_flowchart_view_new (void)
{
  return g_object_new (PO_TYPE_FLOWCHART_VIEW, NULL);
}

/**
 * po_flowchart_view_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
PoFlowchart *
po_flowchart_view_get_chart (PoFlowchartView *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART_VIEW (self), NULL);

  return self->chart;
}

void
po_flowchart_view_set_chart (PoFlowchartView *self,
                             PoFlowchart     *chart)
{
  g_return_if_fail (PO_IS_FLOWCHART_VIEW (self));
  g_return_if_fail (chart == NULL || PO_IS_FLOWCHART (chart));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    g_signal_connect_swapped (chart, "changed", G_CALLBACK (on_chart_changed_cb), self);

  self->selected_node = 0;
  self->selected_edge = 0;
  g_clear_pointer (&self->layout, po_flow_layout_unref);
  start_layout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_NODE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EDGE]);
}

/**
 * po_flowchart_view_get_layout:
 *
 * Returns: (transfer none) (nullable): the layout of the chart as it was
 *   when last laid out, %NULL until the first layout arrives
 */
PoFlowLayout *
po_flowchart_view_get_layout (PoFlowchartView *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART_VIEW (self), NULL);

  return self->layout;
}

guint
po_flowchart_view_get_selected_node (PoFlowchartView *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART_VIEW (self), 0);

  return self->selected_node;
}

guint
po_flowchart_view_get_selected_edge (PoFlowchartView *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART_VIEW (self), 0);

  return self->selected_edge;
}

/* Selecting a node clears the selected edge and the other way round. */
void
po_flowchart_view_select_node (PoFlowchartView *self,
                               guint            id)
{
  g_return_if_fail (PO_IS_FLOWCHART_VIEW (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (id != 0 && self->selected_edge != 0)
    {
      self->selected_edge = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EDGE]);
    }
  if (self->selected_node != id)
    {
      self->selected_node = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_NODE]);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
po_flowchart_view_select_edge (PoFlowchartView *self,
                               guint            id)
{
  g_return_if_fail (PO_IS_FLOWCHART_VIEW (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (id != 0 && self->selected_node != 0)
    {
      self->selected_node = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_NODE]);
    }
  if (self->selected_edge != id)
    {
      self->selected_edge = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EDGE]);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * po_flowchart_view_select_at:
 * @x: in widget coordinates
 * @y: likewise
 *
 * Selects the node at the point, else the edge near it, else nothing.
 *
 * Returns: whether a node or edge was hit
 */
gboolean
po_flowchart_view_select_at (PoFlowchartView *self,
                             double           x,
                             double           y)
{
  double cx, cy;
  guint id;

  g_return_val_if_fail (PO_IS_FLOWCHART_VIEW (self), FALSE);

  if (self->layout == NULL)
    return FALSE;

  to_chart_coords (self, x, y, &cx, &cy);
  if ((id = po_flow_layout_node_at (self->layout, cx, cy)) != 0)
    {
      po_flowchart_view_select_node (self, id);
      return TRUE;
    }
  if ((id = po_flow_layout_edge_at (self->layout, cx, cy, EDGE_TOLERANCE / self->zoom)) != 0)
    {
      po_flowchart_view_select_edge (self, id);
      return TRUE;
    }
  po_flowchart_view_select_node (self, 0);
  po_flowchart_view_select_edge (self, 0);
  return FALSE;
}

/**
 * po_flowchart_view_select_next:
 * @step: 1 for the next node in reading order, -1 for the previous
 */
void
po_flowchart_view_select_next (PoFlowchartView *self,
                               int              step)
{
  g_return_if_fail (PO_IS_FLOWCHART_VIEW (self));

  move_selection (self, step, TRUE);
}

/**
 * po_flowchart_view_set_flagged:
 * @flagged: (nullable) (element-type guint): the nodes with a finding
 */
void
po_flowchart_view_set_flagged (PoFlowchartView *self,
                               GArray          *flagged)
{
  g_return_if_fail (PO_IS_FLOWCHART_VIEW (self));

  g_clear_pointer (&self->flagged, g_array_unref);
  if (flagged != NULL)
    self->flagged = g_array_ref (flagged);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
po_flowchart_view_get_zoom (PoFlowchartView *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART_VIEW (self), 1.0);

  return self->zoom;
}

static void
apply_zoom (PoFlowchartView *self,
            double           zoom)
{
  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (fabs (self->zoom - zoom) < 1e-6)
    return;

  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
po_flowchart_view_set_zoom (PoFlowchartView *self,
                            double           zoom)
{
  g_return_if_fail (PO_IS_FLOWCHART_VIEW (self));

  self->fit_mode = FALSE;
  apply_zoom (self, zoom);
}

/* Fits the whole chart into the scrolled window the view sits in, never
 * enlarging it beyond its natural size. While a layout is on its way,
 * the fit waits for it. */
void
po_flowchart_view_zoom_to_fit (PoFlowchartView *self)
{
  g_return_if_fail (PO_IS_FLOWCHART_VIEW (self));

  self->fit_mode = TRUE;
  fit (self);
}

static void
fit (PoFlowchartView *self)
{
  GtkWidget *scroller;
  double width, height;

  scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  if (self->layout == NULL || self->layout_cancellable != NULL)
    {
      self->fit_pending = TRUE;
      return;
    }
  self->fit_pending = FALSE;
  if (scroller == NULL)
    return;

  /* Leave room for the view's CSS margin and a scrollbar. */
  width = gtk_widget_get_width (scroller) - FIT_SLACK;
  height = gtk_widget_get_height (scroller) - FIT_SLACK;
  if (width <= 0 || height <= 0)
    return;

  apply_zoom (self,
              MIN (1.0, MIN (width / (self->layout->width + 2 * MARGIN),
                             height / (self->layout->height + 2 * MARGIN))));
}

static void
clamp_adjustment (GtkAdjustment *adjustment,
                  double         lower,
                  double         upper)
{
  if (adjustment != NULL)
    gtk_adjustment_clamp_page (adjustment, lower, upper);
}

void
po_flowchart_view_scroll_to_selection (PoFlowchartView *self)
{
  GtkWidget *scroller;
  double x0, y0, x1, y1;

  g_return_if_fail (PO_IS_FLOWCHART_VIEW (self));

  scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  if (scroller == NULL || self->layout == NULL)
    return;

  if (self->selected_node != 0)
    {
      const PoFlowLayoutNode *node = po_flow_layout_find_node (self->layout, self->selected_node);

      if (node == NULL)
        return;
      x0 = node->x;
      y0 = node->y;
      x1 = node->x + node->width;
      y1 = node->y + node->height;
    }
  else if (self->selected_edge != 0)
    {
      const PoFlowLayoutEdge *edge = NULL;

      for (guint i = 0; i < self->layout->n_edges; i++)
        if (self->layout->edges[i].id == self->selected_edge)
          edge = &self->layout->edges[i];
      if (edge == NULL || edge->n_points == 0)
        return;
      x0 = x1 = edge->points[0].x;
      y0 = y1 = edge->points[0].y;
      for (guint i = 1; i < edge->n_points; i++)
        {
          x0 = MIN (x0, edge->points[i].x);
          x1 = MAX (x1, edge->points[i].x);
          y0 = MIN (y0, edge->points[i].y);
          y1 = MAX (y1, edge->points[i].y);
        }
    }
  else
    return;

  clamp_adjustment (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller)),
                    (x0 + MARGIN / 2) * self->zoom, (x1 + MARGIN * 1.5) * self->zoom);
  clamp_adjustment (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                    (y0 + MARGIN / 2) * self->zoom, (y1 + MARGIN * 1.5) * self->zoom);
}
