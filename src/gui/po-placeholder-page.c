/* po-placeholder-page.c: an area that a later feature fills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-placeholder-page"

#include "config.h"

#include <adwaita.h>

#include "po-placeholder-page.h"

/* Says what the area will do for its users, and nothing more: no rows
 * that pretend to be data. */

struct _PoPlaceholderPage
{
  PoPage  parent_instance;

  char   *description;
};

G_DEFINE_FINAL_TYPE (PoPlaceholderPage, po_placeholder_page, PO_TYPE_PAGE)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
po_placeholder_page_finalize (GObject *object)
{
  PoPlaceholderPage *self = (PoPlaceholderPage *)object;

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (po_placeholder_page_parent_class)->finalize (object);
}

static void
po_placeholder_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PoPlaceholderPage *self = PO_PLACEHOLDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_placeholder_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PoPlaceholderPage *self = PO_PLACEHOLDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      if (g_strcmp0 (self->description, g_value_get_string (value)) != 0)
        {
          g_free (self->description);
          self->description = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_placeholder_page_class_init (PoPlaceholderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = po_placeholder_page_finalize;
  object_class->get_property = po_placeholder_page_get_property;
  object_class->set_property = po_placeholder_page_set_property;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/poweroversight/PowerOversight/po-placeholder-page.ui");
}

static void
po_placeholder_page_init (PoPlaceholderPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * po_placeholder_page_new:
 * @title: the area's name, translated
 * @icon_name: its symbolic icon
 * @description: what the area will do for its users, translated
 *
 * Returns: (transfer floating): a page saying what the area will do
 */
GtkWidget *
po_placeholder_page_new (const char *title,
                         const char *icon_name,
                         const char *description)
{
  return g_object_new (PO_TYPE_PLACEHOLDER_PAGE,
                       "title", title,
                       "icon-name", icon_name,
                       "description", description,
                       NULL);
}
