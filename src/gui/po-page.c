/* po-page.c: a page of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "po-page.h"

/* Each page brings its own header bar, whose back button and title
 * buttons follow the window's leaflet through the "folded" property. */

typedef struct
{
  PoDatabase *database;
  char       *title;
  char       *icon_name;
  gboolean    folded;
} PoPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (PoPage, po_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() arrives with GLib 2.76. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
po_page_dispose (GObject *object)
{
  PoPage *self = (PoPage *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (po_page_parent_class)->dispose (object);
}

static void
po_page_finalize (GObject *object)
{
  PoPage *self = (PoPage *)object;
  PoPagePrivate *priv = po_page_get_instance_private (self);

  g_clear_object (&priv->database);
  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->icon_name, g_free);

  G_OBJECT_CLASS (po_page_parent_class)->finalize (object);
}

static void
po_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  PoPage *self = PO_PAGE (object);
  PoPagePrivate *priv = po_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, priv->database);
      break;

    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, priv->icon_name);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, priv->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  PoPage *self = PO_PAGE (object);
  PoPagePrivate *priv = po_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DATABASE:
      priv->database = g_value_dup_object (value);
      break;

    case PROP_TITLE:
      if (set_string (&priv->title, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_ICON_NAME:
      if (set_string (&priv->icon_name, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_FOLDED:
      po_page_set_folded (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  po_page_reload (PO_PAGE (widget));
}

static void
po_page_class_init (PoPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = po_page_dispose;
  object_class->finalize = po_page_finalize;
  object_class->get_property = po_page_get_property;
  object_class->set_property = po_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         PO_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Not construct-only, so that bindings in the templates, made before
   * construct properties are set, are told the values. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* page.reload: every page's Reload button, the page's own reload. */
  gtk_widget_class_install_action (widget_class, "page.reload", NULL, reload_action);
}

static void
po_page_init (PoPage *self)
{
  gtk_widget_set_layout_manager (GTK_WIDGET (self), gtk_bin_layout_new ());
}

/**
 * po_page_get_database:
 *
 * Returns: (transfer none) (nullable): the main thread's connection
 */
PoDatabase *
po_page_get_database (PoPage *self)
{
  PoPagePrivate *priv = po_page_get_instance_private (self);

  g_return_val_if_fail (PO_IS_PAGE (self), NULL);

  return priv->database;
}

const char *
po_page_get_title (PoPage *self)
{
  PoPagePrivate *priv = po_page_get_instance_private (self);

  g_return_val_if_fail (PO_IS_PAGE (self), NULL);

  return priv->title;
}

const char *
po_page_get_icon_name (PoPage *self)
{
  PoPagePrivate *priv = po_page_get_instance_private (self);

  g_return_val_if_fail (PO_IS_PAGE (self), NULL);

  return priv->icon_name;
}

gboolean
po_page_get_folded (PoPage *self)
{
  PoPagePrivate *priv = po_page_get_instance_private (self);

  g_return_val_if_fail (PO_IS_PAGE (self), FALSE);

  return priv->folded;
}

/**
 * po_page_set_folded:
 * @folded: whether the window shows this page alone, without the sidebar
 */
void
po_page_set_folded (PoPage   *self,
                    gboolean  folded)
{
  PoPagePrivate *priv = po_page_get_instance_private (self);

  g_return_if_fail (PO_IS_PAGE (self));

  folded = !!folded;
  if (priv->folded == folded)
    return;

  priv->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

/**
 * po_page_reload:
 *
 * Reads what the page shows again, if it shows anything that can change.
 */
void
po_page_reload (PoPage *self)
{
  g_return_if_fail (PO_IS_PAGE (self));

  if (PO_PAGE_GET_CLASS (self)->reload)
    PO_PAGE_GET_CLASS (self)->reload (self);
}

/**
 * po_page_show_toast:
 * @message: a sentence for the user
 *
 * Shows @message in the window's toast overlay.
 */
void
po_page_show_toast (PoPage     *self,
                    const char *message)
{
  po_page_show_toast_with_button (self, message, NULL);
}

/**
 * po_page_show_toast_with_button:
 * @message: a sentence for the user
 * @button_label: the button's label, such as “_Undo”
 *
 * Shows @message in the window's toast overlay, with a button: connect
 * to the toast's #AdwToast::button-clicked (the toast is not inside the
 * page, so the page's actions do not reach it).
 *
 * Returns: (transfer none) (nullable): the toast shown, or %NULL when the
 *   page is in no window with a toast overlay
 */
AdwToast *
po_page_show_toast_with_button (PoPage     *self,
                                const char *message,
                                const char *button_label)
{
  g_autofree char *markup = NULL;
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_val_if_fail (PO_IS_PAGE (self), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_debug ("No toast overlay for: %s", message);
      return NULL;
    }

  /* A toast's title is Pango markup in libadwaita 1.2. */
  markup = g_markup_escape_text (message, -1);
  toast = adw_toast_new (markup);
  /* A toast with a button answers what was just done: shown at once,
   * ahead of those waiting. */
  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return toast;
}

/**
 * po_page_load_scan_options:
 * @today: the day to judge deadlines as of
 *
 * The office's thresholds for yellow (po_scan_options_load()), read on
 * the page's connection, or the defaults when they cannot be read.
 */
void
po_page_load_scan_options (PoPage        *self,
                           PoDate         today,
                           PoScanOptions *options)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PO_IS_PAGE (self));

  if (!po_scan_options_load (options, po_page_get_database (self), today, &error))
    {
      g_warning ("Could not read the office’s thresholds, using the defaults: %s", error->message);
      po_scan_options_init (options, today);
    }
}

/**
 * po_page_show_error_dialog:
 * @heading: what failed, as a title: “The File Could Not Be Imported”
 * @body: why, in a sentence, such as the error's message
 *
 * Tells the user of a failure they must read, in a dialog over the
 * page's window.
 */
void
po_page_show_error_dialog (PoPage     *self,
                           const char *heading,
                           const char *body)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (PO_IS_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * po_page_leaflet_shows_detail_alone:
 *
 * Whether a list-and-detail page, folded narrow, shows its detail (the
 * leaflet child named "detail") instead of its list.
 */
gboolean
po_page_leaflet_shows_detail_alone (AdwLeaflet *leaflet)
{
  return adw_leaflet_get_folded (leaflet) &&
         g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "detail") == 0;
}

/**
 * po_page_leaflet_go_back:
 * @list: the list that takes the focus back
 *
 * page.go-back of a list-and-detail page: from the detail shown alone to
 * the list, otherwise back to the window's sidebar.
 */
void
po_page_leaflet_go_back (PoPage     *self,
                         AdwLeaflet *leaflet,
                         GtkWidget  *list)
{
  if (po_page_leaflet_shows_detail_alone (leaflet))
    {
      adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      gtk_widget_grab_focus (list);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.go-back", NULL);
}
