/* po-review-row.c: a request in the reviewers' queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-review-row"

#include "config.h"

#include <glib/gi18n.h>

#include "po-review-row.h"

struct _PoReviewRow
{
  GtkWidget        parent_instance;

  PoReviewRequest *request;

  /* Template widgets */
  GtkLabel        *title_label;
  GtkLabel        *days_label;
  GtkLabel        *meta_label;
  GtkLabel        *dates_label;
  GtkWidget       *filing_box;
  GtkLabel        *filing_label;
  GtkWidget       *late_label;
  GtkWidget       *provisional_label;
};

G_DEFINE_FINAL_TYPE (PoReviewRow, po_review_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REQUEST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The row's own classes, for its accent; the badge carries the theme's
 * "warning" and "error" classes. */
static const char * const level_row_classes[] = { NULL, "due-soon", "overdue" };

/**
 * po_review_level_style:
 *
 * Returns: (nullable): the style class for a deadline at @level:
 *   "warning" when yellow, "error" when red
 */
const char *
po_review_level_style (PoLevel level)
{
  switch (level)
    {
    case PO_LEVEL_YELLOW:
      return "warning";
    case PO_LEVEL_RED:
      return "error";
    case PO_LEVEL_NONE:
    default:
      return NULL;
    }
}

/**
 * po_review_format_days_left:
 *
 * Returns: (transfer full): the working days left to the reply deadline,
 *   or overdue, as a short phrase
 */
char *
po_review_format_days_left (const PoReview *review)
{
  int days = review->days_left;

  g_return_val_if_fail (review != NULL, NULL);

  if (days < 0)
    /* Translators: a review request's reply deadline passed this many working days ago */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d working day overdue",
                                         "%d working days overdue",
                                         (gulong) -days),
                            -days);
  if (review->level == PO_LEVEL_RED)
    /* The deadline was yesterday and today is not a working day. */
    return g_strdup (_("Overdue"));
  if (days == 0)
    return g_strdup (_("Due today"));
  /* Translators: working days left before a review request's reply deadline */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d working day left",
                                       "%d working days left",
                                       (gulong) days),
                          days);
}

static void
set_style (GtkWidget          *widget,
           const char * const *classes,
           guint               n_classes,
           const char         *style)
{
  for (guint i = 0; i < n_classes; i++)
    if (classes[i] != NULL)
      gtk_widget_remove_css_class (widget, classes[i]);
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
}

static void
update (PoReviewRow *self)
{
  static const char * const badge_classes[] = { "warning", "error" };
  const PoReview *review;
  g_autofree char *days = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *received = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *dates = NULL;
  const char *item;

  if (self->request == NULL)
    return;

  review = po_review_request_get_review (self->request);

  gtk_label_set_label (self->title_label, review->title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), review->title);

  days = po_review_format_days_left (review);
  gtk_label_set_label (self->days_label, days);
  set_style (GTK_WIDGET (self->days_label), badge_classes, G_N_ELEMENTS (badge_classes),
             po_review_level_style (review->level));
  set_style (GTK_WIDGET (self), level_row_classes, G_N_ELEMENTS (level_row_classes),
             level_row_classes[review->level]);

  /* The title names the item and the kind of request. */
  item = *review->item_code ? review->item_code : review->item_name;
  /* Translators: item code · department, in the review queue */
  meta = g_strdup_printf (_("%s · %s"), item, review->department);
  gtk_label_set_label (self->meta_label, meta);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->meta_label), meta);

  received = po_date_format (review->received_on);
  reply = po_date_format (review->reply_deadline);
  /* Translators: the day a review request was received and its reply deadline */
  dates = g_strdup_printf (_("Received %s · reply due %s"), received, reply);
  gtk_label_set_label (self->dates_label, dates);

  if (review->filing_deadline != PO_DATE_INVALID)
    {
      g_autofree char *filing = po_date_format (review->filing_deadline);
      g_autofree char *text = NULL;

      /* Translators: the last day the department could file the request */
      text = g_strdup_printf (_("Filing deadline %s"), filing);
      gtk_label_set_label (self->filing_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filing_label), review->filing_deadline != PO_DATE_INVALID);
  gtk_widget_set_visible (self->late_label, review->late_filed);
  gtk_widget_set_visible (self->provisional_label, review->provisional);
  gtk_widget_set_visible (self->filing_box,
                          review->filing_deadline != PO_DATE_INVALID || review->provisional);
}

static void
po_review_row_dispose (GObject *object)
{
  PoReviewRow *self = (PoReviewRow *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->request);

  G_OBJECT_CLASS (po_review_row_parent_class)->dispose (object);
}

static void
po_review_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PoReviewRow *self = PO_REVIEW_ROW (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_review_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PoReviewRow *self = PO_REVIEW_ROW (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      po_review_row_set_request (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_review_row_class_init (PoReviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = po_review_row_dispose;
  object_class->get_property = po_review_row_get_property;
  object_class->set_property = po_review_row_set_property;

  properties[PROP_REQUEST] =
    g_param_spec_object ("request", NULL, NULL,
                         PO_TYPE_REVIEW_REQUEST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reviewrow");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/poweroversight/PowerOversight/po-review-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PoReviewRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewRow, days_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewRow, dates_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewRow, filing_box);
  gtk_widget_class_bind_template_child (widget_class, PoReviewRow, filing_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewRow, late_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewRow, provisional_label);
}

static void
po_review_row_init (PoReviewRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
po_review_row_new (void)
{
  return g_object_new (PO_TYPE_REVIEW_ROW, NULL);
}

/**
 * po_review_row_get_request:
 *
 * Returns: (transfer none) (nullable): the request shown
 */
PoReviewRequest *
po_review_row_get_request (PoReviewRow *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_ROW (self), NULL);

  return self->request;
}

/**
 * po_review_row_set_request:
 * @request: (nullable): the request to show
 */
void
po_review_row_set_request (PoReviewRow     *self,
                           PoReviewRequest *request)
{
  g_return_if_fail (PO_IS_REVIEW_ROW (self));
  g_return_if_fail (!request || PO_IS_REVIEW_REQUEST (request));

  if (!g_set_object (&self->request, request))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST]);
}
