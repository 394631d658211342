/* po-discretion-bar.c: how the tiers of a benchmark divide its statutory range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One segment per tier in its own colour, gaps hatched grey, overlaps
 * and parts outside the statute red, with the statutory minimum and
 * maximum marked below. The segments come from
 * po_discretion_bar_segments(); the bar only draws them.
 */
#define G_LOG_DOMAIN "po-discretion-bar"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "po-discretion-bar.h"

#define BAR_HEIGHT 32
#define TICK_HEIGHT 6
#define LABEL_GAP 2

struct _PoDiscretionBar
{
  GtkWidget    parent_instance;

  PoBenchmark *benchmark;
  GArray      *segments;
  double       scale_min;
  double       scale_max;
};

G_DEFINE_FINAL_TYPE (PoDiscretionBar, po_discretion_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BENCHMARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Distinct, calm colours, least severe tier first. */
static const GdkRGBA tier_colors[] = {
  { 0.21, 0.52, 0.89, 1.0 },   /* blue */
  { 0.18, 0.76, 0.49, 1.0 },   /* green */
  { 0.96, 0.76, 0.07, 1.0 },   /* yellow */
  { 1.00, 0.47, 0.00, 1.0 },   /* orange */
  { 0.57, 0.25, 0.67, 1.0 },   /* purple */
  { 0.13, 0.62, 0.64, 1.0 },   /* teal */
};
static const GdkRGBA red = { 0.88, 0.11, 0.14, 1.0 };
static const GdkRGBA grey = { 0.6, 0.6, 0.6, 0.35 };

/* Thousands separators, the same in every locale. */
static char *
group_digits (double amount)
{
  g_autofree char *plain = po_discretion_format_amount (amount);
  const char *point = strchr (plain, '.');
  gsize int_len = point != NULL ? (gsize) (point - plain) : strlen (plain);
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, plain[i]);
    }
  if (point != NULL)
    g_string_append (out, point);
  return g_string_free (out, FALSE);
}

/**
 * po_discretion_format_amount_label:
 * @amount: an amount, set
 * @unit: its unit
 *
 * Returns: (transfer full): the amount as a reader wants it: "1,000 yuan",
 *   "1.5 ten-thousand yuan" (万元) from 10,000 up, "2 times the illegal gains"
 */
char *
po_discretion_format_amount_label (double           amount,
                                   PoDiscretionUnit unit)
{
  g_autofree char *digits = NULL;

  if (!po_discretion_is_set (amount))
    return g_strdup ("—");
  if (unit != PO_DISCRETION_UNIT_YUAN && unit != PO_DISCRETION_UNIT_INHERIT)
    return po_discretion_format_with_unit (amount, unit);

  if (amount >= 10000.0)
    {
      digits = group_digits (amount / 10000.0);
      /* Translators: an amount in units of ten thousand yuan, 万元 */
      return g_strdup_printf (_("%s ten-thousand yuan"), digits);
    }

  digits = group_digits (amount);
  /* Translators: an amount of money, 元 */
  return g_strdup_printf (_("%s yuan"), digits);
}

static const char *
tier_name (PoDiscretionBar *self,
           int              tier)
{
  if (tier < 0 || (guint) tier >= po_benchmark_get_n_tiers (self->benchmark))
    return "";
  return po_benchmark_tier_get_name (po_benchmark_get_tier (self->benchmark, tier));
}

/**
 * po_discretion_bar_describe_segment:
 * @self: a bar
 * @index: a segment
 *
 * Returns: (transfer full): a sentence for the tooltip and the
 *   accessible description
 */
char *
po_discretion_bar_describe_segment (PoDiscretionBar *self,
                                    guint            index)
{
  const PoDiscretionSegment *s;
  PoDiscretionUnit unit;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (PO_IS_DISCRETION_BAR (self), NULL);
  g_return_val_if_fail (self->segments != NULL && index < self->segments->len, NULL);

  s = &g_array_index (self->segments, PoDiscretionSegment, index);
  unit = po_benchmark_get_unit (self->benchmark);
  from = po_discretion_format_amount_label (s->from, unit);
  to = po_discretion_format_amount_label (s->to, unit);

  switch (s->kind)
    {
    case PO_DISCRETION_SEGMENT_TIER:
      /* Translators: a tier of a discretion benchmark: name, from, to */
      return g_strdup_printf (_("%s: %s to %s"), tier_name (self, s->tier), from, to);

    case PO_DISCRETION_SEGMENT_GAP:
      return g_strdup_printf (_("Not covered by any tier: %s to %s"), from, to);

    case PO_DISCRETION_SEGMENT_OVERLAP:
      return g_strdup_printf (_("“%s” and “%s” overlap: %s to %s"),
                              tier_name (self, s->other), tier_name (self, s->tier), from, to);

    case PO_DISCRETION_SEGMENT_OUTSIDE:
    default:
      return g_strdup_printf (_("Outside the statutory range: %s to %s"), from, to);
    }
}

static void
update_segments (PoDiscretionBar *self)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_clear_pointer (&self->segments, g_array_unref);
  if (self->benchmark != NULL)
    self->segments = po_discretion_bar_segments (self->benchmark, &self->scale_min, &self->scale_max);

  for (guint i = 0; self->segments != NULL && i < self->segments->len; i++)
    {
      g_autofree char *text = po_discretion_bar_describe_segment (self, i);

      if (description->len > 0)
        g_string_append (description, "; ");
      g_string_append (description, text);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_benchmark_changed_cb (PoDiscretionBar *self)
{
  update_segments (self);
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_centered_text (PoDiscretionBar *self,
                    cairo_t         *cr,
                    const char      *text,
                    double           x0,
                    double           x1,
                    double           y,
                    gboolean         clip)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w, h;
  double x;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (clip && w > x1 - x0 - 4)
    {
      pango_layout_set_width (layout, MAX (0, (int) ((x1 - x0 - 4) * PANGO_SCALE)));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (x1 - x0 < 16)
        return;
    }

  x = (x0 + x1 - w) / 2.0;
  if (!clip)
    x = CLAMP (x, 0, gtk_widget_get_width (GTK_WIDGET (self)) - w);
  cairo_move_to (cr, x, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static void
hatch (cairo_t *cr,
       double   x0,
       double   x1,
       double   height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x0, 0, x1 - x0, height);
  cairo_clip (cr);
  cairo_set_line_width (cr, 1.5);
  for (double x = x0 - height; x < x1; x += 6)
    {
      cairo_move_to (cr, x, height);
      cairo_line_to (cr, x + height, 0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
po_discretion_bar_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PoDiscretionBar *self = PO_DISCRETION_BAR (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA fg;
  PoDiscretionUnit unit;
  cairo_t *cr;

  if (self->segments == NULL || self->segments->len == 0 || width <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  unit = po_benchmark_get_unit (self->benchmark);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  for (guint i = 0; i < self->segments->len; i++)
    {
      const PoDiscretionSegment *s = &g_array_index (self->segments, PoDiscretionSegment, i);
      double x0 = s->start * width;
      double x1 = MAX (s->end * width, x0 + 2);

      switch (s->kind)
        {
        case PO_DISCRETION_SEGMENT_TIER:
          set_source (cr, &tier_colors[s->tier % G_N_ELEMENTS (tier_colors)], 0.85);
          cairo_rectangle (cr, x0, 0, x1 - x0, BAR_HEIGHT);
          cairo_fill (cr);
          cairo_set_source_rgba (cr, 1, 1, 1, 1);
          draw_centered_text (self, cr, tier_name (self, s->tier), x0, x1, BAR_HEIGHT / 2.0, TRUE);
          break;

        case PO_DISCRETION_SEGMENT_GAP:
          set_source (cr, &grey, 1.0);
          cairo_rectangle (cr, x0, 0, x1 - x0, BAR_HEIGHT);
          cairo_fill (cr);
          set_source (cr, &fg, 0.45);
          hatch (cr, x0, x1, BAR_HEIGHT);
          break;

        case PO_DISCRETION_SEGMENT_OVERLAP:
          set_source (cr, &red, 1.0);
          cairo_rectangle (cr, x0, 0, x1 - x0, BAR_HEIGHT);
          cairo_fill (cr);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.6);
          hatch (cr, x0, x1, BAR_HEIGHT);
          break;

        case PO_DISCRETION_SEGMENT_OUTSIDE:
        default:
          set_source (cr, &red, 0.35);
          cairo_rectangle (cr, x0, 0, x1 - x0, BAR_HEIGHT);
          cairo_fill (cr);
          set_source (cr, &red, 0.9);
          hatch (cr, x0, x1, BAR_HEIGHT);
          break;
        }
    }

  /* The statute's bounds: a tick and an amount below the bar. */
  if (po_benchmark_has_fine (self->benchmark) && self->scale_max > self->scale_min)
    {
      double bounds[2];

      bounds[0] = po_discretion_is_set (po_benchmark_get_range_min (self->benchmark))
                  ? po_benchmark_get_range_min (self->benchmark) : 0.0;
      bounds[1] = po_benchmark_get_range_max (self->benchmark);

      for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
        {
          g_autofree char *text = NULL;
          double x;

          if (!po_discretion_is_set (bounds[i]))
            continue;
          x = (bounds[i] - self->scale_min) / (self->scale_max - self->scale_min) * width;
          x = CLAMP (x, 1, width - 1);
          set_source (cr, &fg, 0.8);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, x, 0);
          cairo_line_to (cr, x, BAR_HEIGHT + TICK_HEIGHT);
          cairo_stroke (cr);
          text = po_discretion_format_amount_label (bounds[i], unit);
          draw_centered_text (self, cr, text, x, x,
                              BAR_HEIGHT + TICK_HEIGHT + LABEL_GAP + 9, FALSE);
        }
    }

  cairo_destroy (cr);
}

static void
po_discretion_bar_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
    }
  else
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "0");
      int h;

      pango_layout_get_pixel_size (layout, NULL, &h);
      *minimum = *natural = BAR_HEIGHT + TICK_HEIGHT + LABEL_GAP + h + 2;
    }
}

static gboolean
on_query_tooltip_cb (PoDiscretionBar *self,
                     int              x,
                     int              y,
                     gboolean         keyboard_mode,
                     GtkTooltip      *tooltip)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->segments == NULL || width <= 0)
    return FALSE;

  /* The last segment that holds the point: overlaps come after tiers. */
  for (guint i = self->segments->len; i > 0; i--)
    {
      const PoDiscretionSegment *s = &g_array_index (self->segments, PoDiscretionSegment, i - 1);

      if (x >= s->start * width && x <= MAX (s->end * width, s->start * width + 2))
        {
          g_autofree char *text = po_discretion_bar_describe_segment (self, i - 1);

          gtk_tooltip_set_text (tooltip, text);
          return TRUE;
        }
    }
  return FALSE;
}

static void
po_discretion_bar_dispose (GObject *object)
{
  PoDiscretionBar *self = (PoDiscretionBar *)object;

  po_discretion_bar_set_benchmark (self, NULL);

  G_OBJECT_CLASS (po_discretion_bar_parent_class)->dispose (object);
}

static void
po_discretion_bar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PoDiscretionBar *self = PO_DISCRETION_BAR (object);

  switch (prop_id)
    {
    case PROP_BENCHMARK:
      g_value_set_object (value, self->benchmark);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_discretion_bar_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PoDiscretionBar *self = PO_DISCRETION_BAR (object);

  switch (prop_id)
    {
    case PROP_BENCHMARK:
      po_discretion_bar_set_benchmark (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_discretion_bar_class_init (PoDiscretionBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = po_discretion_bar_dispose;
  object_class->get_property = po_discretion_bar_get_property;
  object_class->set_property = po_discretion_bar_set_property;

  widget_class->snapshot = po_discretion_bar_snapshot;
  widget_class->measure = po_discretion_bar_measure;

  /**
   * PoDiscretionBar:benchmark:
   *
   * The benchmark drawn, followed through its `changed` signal.
   */
  properties[PROP_BENCHMARK] =
    g_param_spec_object ("benchmark", NULL, NULL,
                         PO_TYPE_BENCHMARK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "discretion-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
po_discretion_bar_init (PoDiscretionBar *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("How the tiers divide the statutory range"),
                                  -1);
}

GtkWidget *
po_discretion_bar_new (void)
{
  return g_object_new (PO_TYPE_DISCRETION_BAR, NULL);
}

/**
 * po_discretion_bar_get_benchmark:
 *
 * Returns: (transfer none) (nullable): the benchmark drawn
 */
PoBenchmark *
po_discretion_bar_get_benchmark (PoDiscretionBar *self)
{
  g_return_val_if_fail (PO_IS_DISCRETION_BAR (self), NULL);

  return self->benchmark;
}

void
po_discretion_bar_set_benchmark (PoDiscretionBar *self,
                                 PoBenchmark     *benchmark)
{
  g_return_if_fail (PO_IS_DISCRETION_BAR (self));
  g_return_if_fail (benchmark == NULL || PO_IS_BENCHMARK (benchmark));

  if (self->benchmark == benchmark)
    return;

  if (self->benchmark != NULL)
    g_signal_handlers_disconnect_by_func (self->benchmark, on_benchmark_changed_cb, self);
  g_set_object (&self->benchmark, benchmark);
  if (benchmark != NULL)
    g_signal_connect_swapped (benchmark, "changed", G_CALLBACK (on_benchmark_changed_cb), self);

  update_segments (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BENCHMARK]);
}

/**
 * po_discretion_bar_get_n_segments:
 *
 * Returns: how many segments the bar draws
 */
guint
po_discretion_bar_get_n_segments (PoDiscretionBar *self)
{
  g_return_val_if_fail (PO_IS_DISCRETION_BAR (self), 0);

  return self->segments != NULL ? self->segments->len : 0;
}
