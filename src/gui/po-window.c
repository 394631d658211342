/* po-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-window"

#include "config.h"

#include <glib/gi18n.h>

#include "po-audit-page.h"
#include "po-calendar-page.h"
#include "po-catalogue-page.h"
#include "po-discretion-page.h"
#include "po-flowchart-page.h"
#include "po-overview-page.h"
#include "po-petitions-page.h"
#include "po-placeholder-page.h"
#include "po-review-page.h"
#include "po-supervision-page.h"
#include "po-window.h"

struct _PoWindow
{
  AdwApplicationWindow  parent_instance;

  PoDatabase           *database;
  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *stack;
};

G_DEFINE_FINAL_TYPE (PoWindow, po_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sidebar's entries in order; the same order gives <Alt>1…0. */
typedef struct
{
  const char *name;
  const char *icon_name;
  const char *title;
  const char *description;   /* for the areas a later feature fills */
  GType     (*get_type) (void);
} PoPageInfo;

static const PoPageInfo page_infos[] = {
  { "overview", "view-grid-symbolic",
    N_("Overview"), NULL,
    po_overview_page_get_type },
  { "catalogue", "view-list-bullet-symbolic",
    N_("Power Catalogue"),
    N_("Every power item of the office with its legal basis, time limits and lifecycle: "
       "drafting, legality review, publication and every published version. "
       "It arrives with the power catalogue feature."),
    po_catalogue_page_get_type },
  { "review", "emblem-ok-symbolic",
    N_("Legality Review"),
    N_("Requests to create, change or abolish an item, filed no later than 15 working days "
       "before the law changes and answered with a written opinion within 10 working days. "
       "It arrives with the legality review feature."),
    po_review_page_get_type },
  { "discretion", "view-sort-ascending-symbolic",
    N_("Discretion Benchmarks"),
    N_("For each penalty: the violation, the statutory range and ordered tiers with their "
       "circumstances and fines, checked to stay inside the range without overlapping. "
       "It arrives with the discretion benchmark feature."),
    po_discretion_page_get_type },
  { "flowcharts", "x-office-drawing-symbolic",
    N_("Flowcharts"),
    N_("The external and internal flowchart of every item, drawn here, laid out and checked, "
       "then exported and printed for public display. "
       "It arrives with the flowchart feature."),
    po_flowchart_page_get_type },
  { "supervision", "alarm-symbolic",
    N_("Electronic Supervision"), NULL,
    po_supervision_page_get_type },
  { "petitions", "mail-unread-symbolic",
    N_("Consultations & Complaints"), NULL,
    po_petitions_page_get_type },
  { "assessment", "x-office-presentation-symbolic",
    N_("Assessment"),
    N_("Each department’s on-time rates, alert counts and publication completeness per period, "
       "ranked, charted and exported. "
       "It arrives with the assessment feature."),
    po_placeholder_page_get_type },
  { "accountability", "emblem-important-symbolic",
    N_("Accountability"),
    N_("Records that link each violation named in the regulation to the action taken, and "
       "track the deadlines for putting it right. "
       "It arrives with the accountability feature."),
    po_placeholder_page_get_type },
  { "audit-log", "document-open-recent-symbolic",
    N_("Audit Log"), NULL,
    po_audit_page_get_type },
  { "calendar", "x-office-calendar-symbolic",
    N_("Working-Day Calendar"), NULL,
    po_calendar_page_get_type },
};

static const PoPageInfo *
find_page_info (const char *name,
                guint      *index)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    {
      if (g_strcmp0 (page_infos[i].name, name) == 0)
        {
          if (index != NULL)
            *index = i;
          return &page_infos[i];
        }
    }

  return NULL;
}

static GtkWidget *
create_sidebar_row (const PoPageInfo *info)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon_name));
  label = gtk_label_new (_(info->title));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title),
                                  -1);
  return row;
}

static void
select_page (PoWindow   *self,
             const char *name)
{
  GtkListBoxRow *row;
  guint index;

  if (find_page_info (name, &index) == NULL)
    {
      g_warning ("No page named “%s”", name);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, name);

  row = gtk_list_box_get_row_at_index (self->sidebar, (int) index);
  if (row != gtk_list_box_get_selected_row (self->sidebar))
    gtk_list_box_select_row (self->sidebar, row);
}

/**
 * po_window_show_page:
 * @name: a page name, such as "overview" or "audit-log"
 *
 * Shows the page, and leaves the sidebar for it when the window is
 * folded.
 */
void
po_window_show_page (PoWindow   *self,
                     const char *name)
{
  g_return_if_fail (PO_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  select_page (self, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
on_sidebar_row_selected_cb (PoWindow      *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list_box)
{
  int index;

  if (row == NULL)
    return;

  /* Moving through the sidebar with the keyboard follows the selection
   * but stays in the sidebar when folded; activating a row enters it. */
  index = gtk_list_box_row_get_index (row);
  if (index >= 0 && index < (int) G_N_ELEMENTS (page_infos))
    select_page (self, page_infos[index].name);
}

static void
on_sidebar_row_activated_cb (PoWindow      *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list_box)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && index < (int) G_N_ELEMENTS (page_infos))
    po_window_show_page (self, page_infos[index].name);
}

static void
on_stack_visible_child_cb (PoWindow   *self,
                           GParamSpec *pspec,
                           GtkStack   *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);

  if (PO_IS_PAGE (child))
    gtk_window_set_title (GTK_WINDOW (self), po_page_get_title (PO_PAGE (child)));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PoWindow *self = PO_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  po_window_show_page (self, name);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PoWindow *self = PO_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PoWindow *self = PO_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (PO_IS_PAGE (page))
    po_page_reload (PO_PAGE (page));
}

/* The office's calendar or thresholds changed: every deadline or level
 * may have moved, so the pages that show them read them again, and the
 * alerts are checked. */
static void
office_changed_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  /* The pages that show deadlines, days left or levels. */
  static const char *const dependent[] = { "overview", "review", "petitions", "supervision" };
  PoWindow *self = PO_WINDOW (widget);
  PoPage *supervision = po_window_get_page (self, "supervision");

  for (guint i = 0; i < G_N_ELEMENTS (dependent); i++)
    {
      PoPage *page = po_window_get_page (self, dependent[i]);

      if (page != NULL)
        po_page_reload (page);
    }
  if (PO_IS_SUPERVISION_PAGE (supervision))
    po_supervision_page_scan (PO_SUPERVISION_PAGE (supervision));
}

static void
save_window_state (PoWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
po_window_close_request (GtkWindow *window)
{
  save_window_state (PO_WINDOW (window));

  return GTK_WINDOW_CLASS (po_window_parent_class)->close_request (window);
}

static void
po_window_constructed (GObject *object)
{
  PoWindow *self = (PoWindow *)object;
  const char *start_page;

  G_OBJECT_CLASS (po_window_parent_class)->constructed (object);

  g_return_if_fail (PO_IS_DATABASE (self->database));

  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    {
      const PoPageInfo *info = &page_infos[i];
      GtkWidget *page;

      if (info->description != NULL)
        page = g_object_new (info->get_type (),
                             "database", self->database,
                             "title", _(info->title),
                             "icon-name", info->icon_name,
                             "description", _(info->description),
                             NULL);
      else
        page = g_object_new (info->get_type (),
                             "database", self->database,
                             "title", _(info->title),
                             "icon-name", info->icon_name,
                             NULL);

      g_object_bind_property (self->leaflet, "folded", page, "folded", G_BINDING_SYNC_CREATE);
      gtk_stack_page_set_title (gtk_stack_add_named (self->stack, page, info->name), _(info->title));
      gtk_list_box_append (self->sidebar, create_sidebar_row (info));
    }

  /* PO_START_PAGE=NAME opens another page first, for developers and
   * screenshots. */
  start_page = g_getenv ("PO_START_PAGE");
  if (start_page == NULL || find_page_info (start_page, NULL) == NULL)
    start_page = page_infos[0].name;
  select_page (self, start_page);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
po_window_dispose (GObject *object)
{
  PoWindow *self = (PoWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (po_window_parent_class)->dispose (object);
}

static void
po_window_finalize (GObject *object)
{
  PoWindow *self = (PoWindow *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (po_window_parent_class)->finalize (object);
}

static void
po_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PoWindow *self = PO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PoWindow *self = PO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_window_class_init (PoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const guint digit_keys[] = {
    GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5,
    GDK_KEY_6, GDK_KEY_7, GDK_KEY_8, GDK_KEY_9, GDK_KEY_0,
  };

  /* The first ten pages; the calendar, seldom used, has none. */
  G_STATIC_ASSERT (G_N_ELEMENTS (digit_keys) <= G_N_ELEMENTS (page_infos));

  object_class->constructed = po_window_constructed;
  object_class->dispose = po_window_dispose;
  object_class->finalize = po_window_finalize;
  object_class->get_property = po_window_get_property;
  object_class->set_property = po_window_set_property;

  window_class->close_request = po_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         PO_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/poweroversight/PowerOversight/po-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PoWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PoWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PoWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.office-changed", NULL, office_changed_action);

  for (guint i = 0; i < G_N_ELEMENTS (digit_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, digit_keys[i], GDK_ALT_MASK,
                                           "win.show-page", "s", page_infos[i].name);
      gtk_widget_class_add_binding_action (widget_class, digit_keys[i], GDK_CONTROL_MASK,
                                           "win.show-page", "s", page_infos[i].name);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);

  g_type_ensure (PO_TYPE_OVERVIEW_PAGE);
  g_type_ensure (PO_TYPE_AUDIT_PAGE);
  g_type_ensure (PO_TYPE_PLACEHOLDER_PAGE);
}

static void
po_window_init (PoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/**
 * po_window_new:
 * @application: (nullable): the application
 * @database: the office database, open on the main thread
 *
 * Returns: (transfer none): a new main window
 */
PoWindow *
po_window_new (GtkApplication *application,
               PoDatabase     *database)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PO_IS_DATABASE (database), NULL);

  return g_object_new (PO_TYPE_WINDOW,
                       "application", application,
                       "database", database,
                       NULL);
}

/**
 * po_window_get_database:
 *
 * Returns: (transfer none): the main thread's connection
 */
PoDatabase *
po_window_get_database (PoWindow *self)
{
  g_return_val_if_fail (PO_IS_WINDOW (self), NULL);

  return self->database;
}

/**
 * po_window_get_page:
 * @name: a page name
 *
 * Returns: (transfer none) (nullable): the page called @name
 */
PoPage *
po_window_get_page (PoWindow   *self,
                    const char *name)
{
  GtkWidget *child;

  g_return_val_if_fail (PO_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  child = gtk_stack_get_child_by_name (self->stack, name);
  return PO_IS_PAGE (child) ? PO_PAGE (child) : NULL;
}

/**
 * po_window_get_visible_page:
 *
 * Returns: (nullable): the name of the page shown
 */
const char *
po_window_get_visible_page (PoWindow *self)
{
  g_return_val_if_fail (PO_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * po_window_get_sidebar:
 *
 * Returns: (transfer none): the sidebar, one row per page in order
 */
GtkListBox *
po_window_get_sidebar (PoWindow *self)
{
  g_return_val_if_fail (PO_IS_WINDOW (self), NULL);

  return self->sidebar;
}

/**
 * po_window_add_toast:
 * @message: a sentence for the user
 */
void
po_window_add_toast (PoWindow   *self,
                     const char *message)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (PO_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* A toast's title is Pango markup in libadwaita 1.2. */
  markup = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}
