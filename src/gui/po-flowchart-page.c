/* po-flowchart-page.c: the flowchart editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 规定 九(六): every item has an external flowchart, the procedure the
 * public sees, and an internal one that breaks each external step down to
 * the posts that do it. This page picks an item, shows either chart laid
 * out by the core, edits it through the chart's own undoable changes and
 * lists what the core's validation finds. It implements no rule and no
 * layout itself. A draft item's chart is saved directly; a change to any
 * other item's chart is filed for legality review.
 */
#define G_LOG_DOMAIN "po-flowchart-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "po-catalogue.h"
#include "po-date.h"
#include "po-error.h"
#include "po-flowchart-page.h"
#include "po-review.h"

struct _PoFlowchartPage
{
  PoPage              parent_instance;

  PoCatalogue        *catalogue;
  GtkStringList      *items;            /* catalogue indexes, as strings */
  GtkSingleSelection *item_selection;
  GCancellable       *catalogue_cancellable;
  GCancellable       *search_cancellable;
  GCancellable       *load_cancellable;
  GCancellable       *task_cancellable;  /* saving or filing */
  char               *item_code;
  PoFlowchartKind     kind;
  PoFlowchart        *chart;
  GPtrArray          *findings;
  GtkStringList      *external_labels;   /* the external combo's choices */
  GArray             *external_ids;      /* their node ids, 0 for none */

  guint               back_idle;

  guint               busy : 1;
  guint               filling : 1;       /* the side panel is being filled */
  guint               selecting : 1;     /* the item list is being set */

  AdwWindowTitle     *window_title;
  GtkWidget          *back_button;
  GtkToggleButton    *external_button;
  GtkToggleButton    *internal_button;
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkListView        *item_list;
  GtkStack           *item_stack;
  GtkStack           *content_stack;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *error_page;
  GtkWidget          *modified_label;
  GtkScrolledWindow  *scroller;
  PoFlowchartView    *view;
  GtkWidget          *node_group;
  AdwEntryRow        *label_row;
  GtkWidget          *internal_group;
  AdwEntryRow        *post_row;
  AdwEntryRow        *duty_row;
  GtkSpinButton      *limit_spin;
  AdwComboRow        *external_row;
  GtkWidget          *edge_group;
  AdwEntryRow        *edge_label_row;
  GtkSwitch          *return_switch;
  GtkWidget          *selection_hint;
  AdwPreferencesGroup *findings_group;
  GtkListBox         *findings_list;
};

G_DEFINE_FINAL_TYPE (PoFlowchartPage, po_flowchart_page, PO_TYPE_PAGE)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions  (PoFlowchartPage *self);
static void update_panel    (PoFlowchartPage *self);
static void start_loading   (PoFlowchartPage *self);
static void select_listed_item (PoFlowchartPage *self);

static gboolean
is_cancelled_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, PO_ERROR, PO_ERROR_CANCELLED);
}

static void
set_busy (PoFlowchartPage *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static const PoCatalogueEntry *
entry_for_string (PoFlowchartPage *self,
                  const char      *index_text)
{
  guint64 index;

  if (self->catalogue == NULL || index_text == NULL ||
      !g_ascii_string_to_unsigned (index_text, 10, 0, G_MAXUINT, &index, NULL) ||
      index >= po_catalogue_get_n_entries (self->catalogue))
    return NULL;
  return po_catalogue_get_entry (self->catalogue, index);
}

/* The catalogue and its search */

static void
load_catalogue_worker (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  PoDatabase *db = task_data;
  g_autoptr(GError) error = NULL;
  PoCatalogue *catalogue = po_catalogue_load (db, cancellable, &error);

  if (catalogue == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, catalogue, (GDestroyNotify) po_catalogue_unref);
}

typedef struct
{
  PoCatalogue *catalogue;
  char        *text;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_clear_pointer (&data->catalogue, po_catalogue_unref);
  g_clear_pointer (&data->text, g_free);
  g_free (data);
}

/* The worker holds its own reference: a reload may replace the page's
 * catalogue while it searches. */
static void
search_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  PoCatalogueQuery query = { 0, };
  GArray *found;

  query.text = data->text;
  query.sort = PO_CATALOGUE_SORT_CODE;
  found = po_catalogue_search (data->catalogue, &query, cancellable);
  if (found == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else
    g_task_return_pointer (task, found, (GDestroyNotify) g_array_unref);
}

static void
on_search_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (object);
  g_autoptr(GArray) found = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  g_autoptr(GError) error = NULL;

  found = g_task_propagate_pointer (G_TASK (result), &error);
  if (found == NULL)
    return;

  g_clear_object (&self->search_cancellable);
  strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (strings, g_strdup_printf ("%u", g_array_index (found, guint, i)));
  g_ptr_array_add (strings, NULL);

  self->selecting = TRUE;
  gtk_string_list_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                          (const char * const *) strings->pdata);
  gtk_single_selection_set_selected (self->item_selection, GTK_INVALID_LIST_POSITION);
  select_listed_item (self);
  self->selecting = FALSE;

  gtk_stack_set_visible_child_name (self->item_stack, found->len > 0 ? "list" : "none");
}

static void
start_search (PoFlowchartPage *self)
{
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  if (self->catalogue == NULL)
    return;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->search_cancellable, on_search_done_cb, NULL);
  g_task_set_source_tag (task, start_search);
  data = g_new0 (SearchData, 1);
  data->catalogue = po_catalogue_ref (self->catalogue);
  data->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_worker);
}

static void
on_catalogue_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (object);
  g_autoptr(PoCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;

  catalogue = g_task_propagate_pointer (G_TASK (result), &error);
  if (catalogue == NULL)
    {
      if (!is_cancelled_error (error))
        po_page_show_error_dialog (PO_PAGE (self), _("The Catalogue Could Not Be Read"), error->message);
      return;
    }

  g_clear_object (&self->catalogue_cancellable);
  g_clear_pointer (&self->catalogue, po_catalogue_unref);
  self->catalogue = g_steal_pointer (&catalogue);
  start_search (self);
}

static void
start_catalogue (PoFlowchartPage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  PoDatabase *db;

  db = po_database_dup (po_page_get_database (PO_PAGE (self)), &error);
  if (db == NULL)
    {
      po_page_show_error_dialog (PO_PAGE (self), _("The Catalogue Could Not Be Read"), error->message);
      return;
    }

  g_cancellable_cancel (self->catalogue_cancellable);
  g_clear_object (&self->catalogue_cancellable);
  self->catalogue_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->catalogue_cancellable, on_catalogue_loaded_cb, NULL);
  g_task_set_source_tag (task, start_catalogue);
  g_task_set_task_data (task, db, g_object_unref);
  g_task_run_in_thread (task, load_catalogue_worker);
}

static void
on_search_changed_cb (PoFlowchartPage *self)
{
  start_search (self);
}

static void
on_item_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "flowchart-item");
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
on_item_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PoFlowchartPage          *self)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  const PoCatalogueEntry *entry = entry_for_string (self, gtk_string_object_get_string (string));
  g_autofree char *text = NULL;

  if (entry == NULL)
    return;

  if (entry->department != NULL)
    text = g_strdup_printf ("%s · %s", entry->code, entry->department);
  else
    text = g_strdup (entry->code);
  gtk_label_set_label (GTK_LABEL (name), entry->name);
  gtk_label_set_label (GTK_LABEL (detail), text);
}

/* Loading a chart */

static void
load_chart_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PoDatabase *db = task_data;
  g_autoptr(GError) error = NULL;
  PoFlowchart *chart;
  const char *code = g_object_get_data (G_OBJECT (task), "item-code");
  PoFlowchartKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "kind"));

  chart = po_flowchart_load (db, code, kind, &error);
  if (chart == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, chart, g_object_unref);
}

static void
update_title (PoFlowchartPage *self)
{
  const PoItem *item = self->chart != NULL ? po_flowchart_get_item (self->chart) : NULL;
  gboolean modified = self->chart != NULL && po_flowchart_get_modified (self->chart);

  if (item != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf ("%s%s", item->name, modified ? " •" : "");

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->window_title, NULL);

  gtk_widget_set_visible (self->modified_label, modified);
}

static void
update_content (PoFlowchartPage *self)
{
  if (self->chart == NULL)
    return;

  if (po_flowchart_get_n_nodes (self->chart) == 0)
    {
      adw_status_page_set_title (self->empty_page,
                                 self->kind == PO_FLOWCHART_EXTERNAL
                                 ? _("This item has no external flowchart yet")
                                 : _("This item has no internal flowchart yet"));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "chart");
}

static void
on_finding_row_activated_cb (GtkListBox      *list,
                             GtkListBoxRow   *row,
                             PoFlowchartPage *self)
{
  int index = gtk_list_box_row_get_index (row);
  const PoFlowFinding *finding;

  if (self->findings == NULL || index < 0 || (guint) index >= self->findings->len)
    return;

  finding = self->findings->pdata[index];
  if (finding->chart != self->kind)
    return;

  if (finding->place == PO_FLOW_PLACE_NODE)
    po_flowchart_view_select_node (self->view, finding->id);
  else if (finding->place == PO_FLOW_PLACE_EDGE)
    po_flowchart_view_select_edge (self->view, finding->id);
  else
    return;
  po_flowchart_view_scroll_to_selection (self->view);
}

static void
update_findings (PoFlowchartPage *self)
{
  g_autoptr(GArray) flagged = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  if (self->chart == NULL)
    return;

  self->findings = po_flowchart_validate (self->chart);
  for (guint i = 0; i < self->findings->len; i++)
    {
      const PoFlowFinding *finding = self->findings->pdata[i];
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), po_flowchart_rule_name (finding->rule));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), finding->message);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row),
                                        finding->chart == self->kind && finding->place != PO_FLOW_PLACE_CHART);
      gtk_list_box_append (self->findings_list, row);

      if (finding->place == PO_FLOW_PLACE_NODE && finding->chart == self->kind)
        g_array_append_val (flagged, finding->id);
    }

  if (self->findings->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No problems found"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->findings_list, row);
      adw_preferences_group_set_description (self->findings_group, NULL);
    }
  else
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings",
                                                             self->findings->len),
                                                self->findings->len);

      adw_preferences_group_set_description (self->findings_group, count);
    }

  po_flowchart_view_set_flagged (self->view, flagged);
}

static void
on_chart_changed_cb (PoFlowchartPage *self)
{
  update_content (self);
  update_findings (self);
  update_title (self);
  update_panel (self);
  update_actions (self);
}

static void
set_chart (PoFlowchartPage *self,
           PoFlowchart     *chart)
{
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    {
      g_signal_connect_swapped (chart, "changed", G_CALLBACK (on_chart_changed_cb), self);
      g_signal_connect_swapped (chart, "notify::modified", G_CALLBACK (update_title), self);
    }
  po_flowchart_view_set_chart (self->view, chart);
  on_chart_changed_cb (self);
}

static void
on_chart_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (object);
  g_autoptr(PoFlowchart) chart = NULL;
  g_autoptr(GError) error = NULL;

  chart = g_task_propagate_pointer (G_TASK (result), &error);
  if (chart == NULL && is_cancelled_error (error))
    return;

  g_clear_object (&self->load_cancellable);
  set_busy (self, FALSE);

  if (chart == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      set_chart (self, NULL);
      return;
    }

  set_chart (self, chart);
  po_flowchart_view_zoom_to_fit (self->view);
}

static void
start_loading (PoFlowchartPage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  PoDatabase *db;

  if (self->item_code == NULL)
    return;

  db = po_database_dup (po_page_get_database (PO_PAGE (self)), &error);
  if (db == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  set_chart (self, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  set_busy (self, TRUE);

  task = g_task_new (self, self->load_cancellable, on_chart_loaded_cb, NULL);
  g_task_set_source_tag (task, start_loading);
  g_task_set_task_data (task, db, g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "item-code", g_strdup (self->item_code), g_free);
  g_object_set_data (G_OBJECT (task), "kind", GINT_TO_POINTER (self->kind));
  g_task_run_in_thread (task, load_chart_worker);
}

/* Marks the open item in the list, when it is listed. */
static void
select_listed_item (PoFlowchartPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      const PoCatalogueEntry *entry = entry_for_string (self, gtk_string_list_get_string (self->items, i));

      if (entry != NULL && g_strcmp0 (entry->code, self->item_code) == 0)
        {
          if (gtk_single_selection_get_selected (self->item_selection) != i)
            gtk_single_selection_set_selected (self->item_selection, i);
          return;
        }
    }
}

/**
 * po_flowchart_page_open:
 *
 * Shows one of an item's charts, without asking about unsaved changes.
 */
void
po_flowchart_page_open (PoFlowchartPage *self,
                        const char      *item_code,
                        PoFlowchartKind  kind)
{
  g_return_if_fail (PO_IS_FLOWCHART_PAGE (self));
  g_return_if_fail (item_code != NULL);

  if (self->busy && self->task_cancellable != NULL)
    return;   /* saving or filing: the chart stays until it is done */

  g_free (self->item_code);
  self->item_code = g_strdup (item_code);
  self->kind = kind;

  self->selecting = TRUE;
  gtk_toggle_button_set_active (kind == PO_FLOWCHART_EXTERNAL ? self->external_button : self->internal_button, TRUE);
  self->selecting = FALSE;

  select_listed_item (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  start_loading (self);
}

/* Asks before dropping unsaved changes; @then runs when they may go. */
typedef void (*ThenFunc) (PoFlowchartPage *self);

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PoFlowchartPage  *self)
{
  ThenFunc then = (ThenFunc) g_object_get_data (G_OBJECT (dialog), "then");

  if (g_strcmp0 (response, "discard") == 0)
    then (self);
}

static void
confirm_discard (PoFlowchartPage *self,
                 ThenFunc         then)
{
  GtkRoot *root;
  GtkWidget *dialog;

  if (self->chart == NULL || !po_flowchart_get_modified (self->chart))
    {
      then (self);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Discard Unsaved Changes?"),
                                   _("The flowchart has changes that are not saved. If you go on, they are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "then", (gpointer) then);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_selected_item (PoFlowchartPage *self)
{
  GtkStringObject *string = gtk_single_selection_get_selected_item (self->item_selection);
  const PoCatalogueEntry *entry;

  if (string == NULL)
    return;
  entry = entry_for_string (self, gtk_string_object_get_string (string));
  if (entry != NULL)
    po_flowchart_page_open (self, entry->code,
                            gtk_toggle_button_get_active (self->internal_button)
                            ? PO_FLOWCHART_INTERNAL : PO_FLOWCHART_EXTERNAL);
}

static void
on_item_activated_cb (GtkListView     *list,
                      guint            position,
                      PoFlowchartPage *self)
{
  gtk_single_selection_set_selected (self->item_selection, position);
  confirm_discard (self, open_selected_item);
}

static void
switch_kind (PoFlowchartPage *self)
{
  g_autofree char *code = g_strdup (self->item_code);

  if (code != NULL)
    po_flowchart_page_open (self, code,
                            self->kind == PO_FLOWCHART_EXTERNAL ? PO_FLOWCHART_INTERNAL : PO_FLOWCHART_EXTERNAL);
}

static void
on_kind_toggled_cb (GtkToggleButton *button,
                    PoFlowchartPage *self)
{
  PoFlowchartKind kind;

  if (self->selecting || !gtk_toggle_button_get_active (button))
    return;

  kind = button == self->internal_button ? PO_FLOWCHART_INTERNAL : PO_FLOWCHART_EXTERNAL;
  if (kind == self->kind)
    return;
  if (self->item_code == NULL)
    {
      self->kind = kind;
      return;
    }

  /* The buttons show the chart shown until the user agrees to leave it. */
  self->selecting = TRUE;
  gtk_toggle_button_set_active (self->kind == PO_FLOWCHART_EXTERNAL ? self->external_button : self->internal_button,
                                TRUE);
  self->selecting = FALSE;
  confirm_discard (self, switch_kind);
}

/* The side panel */

static const PoFlowNode *
selected_node (PoFlowchartPage *self)
{
  guint id = po_flowchart_view_get_selected_node (self->view);

  return self->chart != NULL && id != 0 ? po_flowchart_find_node (self->chart, id) : NULL;
}

static const PoFlowEdge *
selected_edge (PoFlowchartPage *self)
{
  guint id = po_flowchart_view_get_selected_edge (self->view);

  return self->chart != NULL && id != 0 ? po_flowchart_find_edge (self->chart, id) : NULL;
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill_external_choices (PoFlowchartPage *self,
                       const PoFlowNode *node)
{
  PoFlowchart *external = po_flowchart_get_external (self->chart);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint selected = 0;

  g_array_set_size (self->external_ids, 0);
  g_ptr_array_add (labels, (char *) _("None"));
  g_array_append_val (self->external_ids, selected);

  for (guint i = 0; external != NULL && i < po_flowchart_get_n_nodes (external); i++)
    {
      const PoFlowNode *step = po_flowchart_get_node (external, i);

      if (step->kind == PO_FLOW_NODE_START || step->kind == PO_FLOW_NODE_END)
        continue;
      if (step->id == node->external_node)
        selected = self->external_ids->len;
      g_ptr_array_add (labels, step->label);
      g_array_append_val (self->external_ids, step->id);
    }
  g_ptr_array_add (labels, NULL);

  gtk_string_list_splice (self->external_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->external_labels)),
                          (const char * const *) labels->pdata);
  adw_combo_row_set_selected (self->external_row, selected);
}

static void
update_panel (PoFlowchartPage *self)
{
  const PoFlowNode *node = selected_node (self);
  const PoFlowEdge *edge = selected_edge (self);

  self->filling = TRUE;

  gtk_widget_set_visible (self->node_group, node != NULL);
  gtk_widget_set_visible (self->internal_group, node != NULL && self->kind == PO_FLOWCHART_INTERNAL);
  gtk_widget_set_visible (self->edge_group, edge != NULL);
  gtk_widget_set_visible (self->selection_hint, node == NULL && edge == NULL);

  if (node != NULL)
    {
      set_entry_text (self->label_row, node->label);
      if (self->kind == PO_FLOWCHART_INTERNAL)
        {
          set_entry_text (self->post_row, node->post);
          set_entry_text (self->duty_row, node->duty);
          gtk_spin_button_set_value (self->limit_spin, node->time_limit);
          fill_external_choices (self, node);
        }
    }

  if (edge != NULL)
    {
      set_entry_text (self->edge_label_row, edge->label);
      gtk_switch_set_active (self->return_switch, edge->is_return);
    }

  self->filling = FALSE;
}

static void
on_selection_changed_cb (PoFlowchartPage *self)
{
  update_panel (self);
  update_actions (self);
}

static void
on_label_applied_cb (PoFlowchartPage *self)
{
  const PoFlowNode *node = selected_node (self);

  if (!self->filling && node != NULL)
    po_flowchart_set_node_label (self->chart, node->id, gtk_editable_get_text (GTK_EDITABLE (self->label_row)));
}

static void
on_post_applied_cb (PoFlowchartPage *self)
{
  const PoFlowNode *node = selected_node (self);

  if (!self->filling && node != NULL)
    po_flowchart_set_node_post (self->chart, node->id, gtk_editable_get_text (GTK_EDITABLE (self->post_row)));
}

static void
on_duty_applied_cb (PoFlowchartPage *self)
{
  const PoFlowNode *node = selected_node (self);

  if (!self->filling && node != NULL)
    po_flowchart_set_node_duty (self->chart, node->id, gtk_editable_get_text (GTK_EDITABLE (self->duty_row)));
}

static void
on_limit_changed_cb (PoFlowchartPage *self)
{
  const PoFlowNode *node = selected_node (self);
  int value = gtk_spin_button_get_value_as_int (self->limit_spin);

  if (!self->filling && node != NULL && node->time_limit != value)
    po_flowchart_set_node_time_limit (self->chart, node->id, value);
}

static void
on_external_selected_cb (PoFlowchartPage *self)
{
  const PoFlowNode *node = selected_node (self);
  guint selected = adw_combo_row_get_selected (self->external_row);

  if (self->filling || node == NULL || selected >= self->external_ids->len)
    return;
  if (node->external_node != g_array_index (self->external_ids, guint, selected))
    po_flowchart_set_node_external (self->chart, node->id, g_array_index (self->external_ids, guint, selected));
}

static void
on_edge_label_applied_cb (PoFlowchartPage *self)
{
  const PoFlowEdge *edge = selected_edge (self);

  if (!self->filling && edge != NULL)
    po_flowchart_set_edge_label (self->chart, edge->id, gtk_editable_get_text (GTK_EDITABLE (self->edge_label_row)));
}

static void
on_return_toggled_cb (PoFlowchartPage *self)
{
  const PoFlowEdge *edge = selected_edge (self);
  gboolean active = gtk_switch_get_active (self->return_switch);

  if (!self->filling && edge != NULL && edge->is_return != active)
    po_flowchart_set_edge_return (self->chart, edge->id, active);
}

/* Actions */

static void
update_actions (PoFlowchartPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = self->chart != NULL && !self->busy;
  gboolean has_node = editable && selected_node (self) != NULL;
  gboolean has_edge = editable && selected_edge (self) != NULL;
  gboolean has_nodes = editable && po_flowchart_get_n_nodes (self->chart) > 0;

  gtk_widget_action_set_enabled (widget, "page.add-step", editable);
  gtk_widget_action_set_enabled (widget, "page.add-decision", editable);
  gtk_widget_action_set_enabled (widget, "page.add-end", editable);
  gtk_widget_action_set_enabled (widget, "page.rename", has_node);
  gtk_widget_action_set_enabled (widget, "page.delete", has_node || has_edge);
  gtk_widget_action_set_enabled (widget, "page.connect", has_node && po_flowchart_get_n_nodes (self->chart) > 1);
  gtk_widget_action_set_enabled (widget, "page.undo", editable && po_flowchart_can_undo (self->chart));
  gtk_widget_action_set_enabled (widget, "page.redo", editable && po_flowchart_can_redo (self->chart));
  gtk_widget_action_set_enabled (widget, "page.template", editable);
  gtk_widget_action_set_enabled (widget, "page.save", editable);
  gtk_widget_action_set_enabled (widget, "page.export", has_nodes);
  gtk_widget_action_set_enabled (widget, "page.print", has_nodes);
  gtk_widget_action_set_enabled (widget, "page.zoom-in", has_nodes);
  gtk_widget_action_set_enabled (widget, "page.zoom-out", has_nodes);
  gtk_widget_action_set_enabled (widget, "page.zoom-fit", has_nodes);
}

static void
add_node (PoFlowchartPage *self,
          PoFlowNodeKind   kind,
          const char      *label)
{
  const PoFlowNode *after = selected_node (self);
  guint after_id = after != NULL && after->kind != PO_FLOW_NODE_END ? after->id : 0;
  guint id;

  po_flowchart_begin_group (self->chart);
  id = po_flowchart_add_node (self->chart, kind, label);
  if (after_id != 0)
    po_flowchart_connect (self->chart, after_id, id, "", FALSE);
  po_flowchart_end_group (self->chart);

  po_flowchart_view_select_node (self->view, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  add_node (PO_FLOWCHART_PAGE (widget), PO_FLOW_NODE_STEP, _("New step"));
}

static void
add_decision_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  add_node (PO_FLOWCHART_PAGE (widget), PO_FLOW_NODE_DECISION, _("New decision"));
}

static void
add_end_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  add_node (PO_FLOWCHART_PAGE (widget), PO_FLOW_NODE_END, _("End"));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->label_row));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (widget);
  const PoFlowNode *node = selected_node (self);
  const PoFlowEdge *edge = selected_edge (self);

  if (node != NULL)
    po_flowchart_remove_node (self->chart, node->id);
  else if (edge != NULL)
    po_flowchart_remove_edge (self->chart, edge->id);
}

static void
on_connect_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PoFlowchartPage  *self)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GArray *targets = g_object_get_data (G_OBJECT (dialog), "targets");
  guint from = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "from"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint id;

  if (g_strcmp0 (response, "connect") != 0 || self->chart == NULL || selected >= targets->len ||
      po_flowchart_find_node (self->chart, from) == NULL)
    return;

  id = po_flowchart_connect (self->chart, from, g_array_index (targets, guint, selected), "", FALSE);
  if (id != 0)
    po_flowchart_view_select_edge (self->view, id);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (widget);
  const PoFlowNode *from = selected_node (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *targets = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *dropdown;

  if (from == NULL)
    return;

  for (guint i = 0; i < po_flowchart_get_n_nodes (self->chart); i++)
    {
      const PoFlowNode *node = po_flowchart_get_node (self->chart, i);

      if (node->id == from->id)
        continue;
      gtk_string_list_append (labels, node->label);
      g_array_append_val (targets, node->id);
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Connect to…"), NULL);
  /* Translators: %s is a flowchart step, e.g. 受理 */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("Draw an arrow from “%s” to:"), from->label);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Target step"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "connect", _("C_onnect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "connect", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "connect");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "targets", targets, (GDestroyNotify) g_array_unref);
  g_object_set_data (G_OBJECT (dialog), "from", GUINT_TO_POINTER (from->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_connect_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (dropdown);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (widget);

  if (self->chart != NULL && !self->busy)
    po_flowchart_undo (self->chart);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (widget);

  if (self->chart != NULL && !self->busy)
    po_flowchart_redo (self->chart);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (widget);
  double zoom = po_flowchart_view_get_zoom (self->view);

  if (g_str_equal (action_name, "page.zoom-in"))
    po_flowchart_view_set_zoom (self->view, zoom * 1.25);
  else if (g_str_equal (action_name, "page.zoom-out"))
    po_flowchart_view_set_zoom (self->view, zoom / 1.25);
  else
    po_flowchart_view_zoom_to_fit (self->view);
}

static void
template_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  PoFlowTemplate template_ = g_str_equal (name, "penalty") ? PO_FLOW_TEMPLATE_PENALTY : PO_FLOW_TEMPLATE_LICENSE;
  g_autoptr(PoFlowchart) from = NULL;

  if (self->chart == NULL)
    return;

  from = po_flowchart_new_from_template (template_, self->kind, po_flowchart_get_external (self->chart));
  po_flowchart_replace (self->chart, from);
  po_flowchart_view_zoom_to_fit (self->view);
}

/* Saving, or filing for legality review */

typedef struct
{
  PoDatabase  *db;
  PoFlowchart *chart;
  char        *item_code;
  char        *proposal;
  char        *legal_basis;
  PoDate       filed_on;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->db);
  g_clear_object (&data->chart);
  g_clear_pointer (&data->item_code, g_free);
  g_clear_pointer (&data->proposal, g_free);
  g_clear_pointer (&data->legal_basis, g_free);
  g_free (data);
}

/* Saves a copy: the chart itself belongs to the main thread. The chart
 * read back carries the rows' ids and a clean state. */
static void
save_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GError) error = NULL;
  PoFlowchart *saved;

  if (!po_flowchart_save (data->db, data->chart, &error) ||
      (saved = po_flowchart_load (data->db, data->item_code, po_flowchart_get_kind (data->chart), &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, saved, g_object_unref);
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (object);
  g_autoptr(PoFlowchart) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_object (&self->task_cancellable);
  set_busy (self, FALSE);

  if (saved == NULL)
    {
      if (!is_cancelled_error (error))
        po_page_show_error_dialog (PO_PAGE (self), _("The Flowchart Was Not Saved"), error->message);
      return;
    }

  /* The user may have gone to another chart meanwhile. */
  if (self->chart != NULL && po_flowchart_get_kind (saved) == self->kind &&
      g_strcmp0 (self->item_code, po_flowchart_get_item (saved)->code) == 0)
    set_chart (self, saved);
  po_page_show_toast (PO_PAGE (self), _("Flowchart saved"));
}

static void
file_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GError) error = NULL;
  PoReviewFiling filing = { 0, };
  gint64 id = 0;

  filing.kind = "flowchart";
  filing.item_code = data->item_code;
  filing.proposal = data->proposal;
  filing.legal_basis = data->legal_basis;
  filing.effective_on = PO_DATE_INVALID;
  filing.filed_on = data->filed_on;
  filing.received_on = data->filed_on;

  if (!po_review_file (data->db, &filing, &id, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_filed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (object);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->task_cancellable);
  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!is_cancelled_error (error))
        po_page_show_error_dialog (PO_PAGE (self), _("The Change Was Not Filed"), error->message);
      return;
    }

  po_page_show_toast (PO_PAGE (self), _("Filed for legality review; the chart changes when the review approves it"));
}

static SaveData *
save_data_new (PoFlowchartPage  *self,
               GError          **error)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->db = po_database_dup (po_page_get_database (PO_PAGE (self)), error);
  if (data->db == NULL)
    {
      save_data_free (data);
      return NULL;
    }
  data->chart = po_flowchart_copy (self->chart);
  data->item_code = g_strdup (self->item_code);
  return data;
}

static void
run_task (PoFlowchartPage *self,
          SaveData        *data,
          gpointer         source_tag,
          GTaskThreadFunc  worker,
          GAsyncReadyCallback callback)
{
  g_autoptr(GTask) task = NULL;

  self->task_cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  task = g_task_new (self, self->task_cancellable, callback, NULL);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, worker);
}

static void
on_file_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PoFlowchartPage  *self)
{
  GtkEditable *basis_entry = g_object_get_data (G_OBJECT (dialog), "basis");
  GtkEditable *date_entry = g_object_get_data (G_OBJECT (dialog), "date");
  g_autoptr(GError) error = NULL;
  g_autofree char *basis = NULL;
  SaveData *data;
  PoDate filed_on;

  if (g_strcmp0 (response, "file") != 0 || self->chart == NULL || self->busy)
    return;

  basis = g_strstrip (g_strdup (gtk_editable_get_text (basis_entry)));
  filed_on = po_date_parse (gtk_editable_get_text (date_entry), &error);
  if (error == NULL && basis[0] == '\0')
    g_set_error_literal (&error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                         _("Name the legal basis of the change, e.g. the law and article that changed."));
  if (error != NULL || (data = save_data_new (self, &error)) == NULL)
    {
      po_page_show_error_dialog (PO_PAGE (self), _("The Change Was Not Filed"), error->message);
      return;
    }

  data->proposal = po_flowchart_to_json (self->chart);
  data->legal_basis = g_steal_pointer (&basis);
  data->filed_on = filed_on;
  run_task (self, data, on_file_response_cb, file_worker, on_filed_cb);
}

static void
ask_filing (PoFlowchartPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *today = po_date_format (po_date_today ());
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *basis;
  GtkWidget *date;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("File for Legality Review?"),
                                   _("This item is not a draft: a change to its flowchart takes effect only "
                                     "when the legal office approves it."));

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  basis = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (basis), _("Legal basis"));
  date = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date), _("Filed on (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (date), today);
  gtk_list_box_append (GTK_LIST_BOX (list), basis);
  gtk_list_box_append (GTK_LIST_BOX (list), date);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "file", _("_File"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "file", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "file");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "basis", basis);
  g_object_set_data (G_OBJECT (dialog), "date", date);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_file_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (basis);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (widget);
  const PoItem *item;
  g_autoptr(GError) error = NULL;
  SaveData *data;

  if (self->chart == NULL || self->busy)
    return;

  item = po_flowchart_get_item (self->chart);
  if (item != NULL && po_flowchart_item_needs_review (item))
    {
      ask_filing (self);
      return;
    }

  if ((data = save_data_new (self, &error)) == NULL)
    {
      po_page_show_error_dialog (PO_PAGE (self), _("The Flowchart Was Not Saved"), error->message);
      return;
    }
  run_task (self, data, save_action, save_worker, on_saved_cb);
}

/* Export and print */

typedef struct
{
  PoFlowchart  *chart;
  PoFlowFormat  format;
  char         *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->chart);
  g_clear_pointer (&data->path, g_free);
  g_free (data);
}

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (!po_flowchart_render (data->chart, data->format, PO_FLOW_PAPER_A4, data->path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * po_flowchart_page_export_async:
 * @path: the file to write
 *
 * Renders the chart shown, as it is now, to a file on another thread.
 */
void
po_flowchart_page_export_async (PoFlowchartPage     *self,
                                PoFlowFormat         format,
                                const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (PO_IS_FLOWCHART_PAGE (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, po_flowchart_page_export_async);

  if (self->chart == NULL)
    {
      g_task_return_new_error (task, PO_ERROR, PO_ERROR_INVALID_INPUT, _("No flowchart is open."));
      return;
    }

  data = g_new0 (ExportData, 1);
  data->chart = po_flowchart_copy (self->chart);
  data->format = format;
  data->path = g_strdup (path);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_worker);
}

gboolean
po_flowchart_page_export_finish (PoFlowchartPage  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (PO_IS_FLOWCHART_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == po_flowchart_page_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (object);
  g_autoptr(GError) error = NULL;

  if (!po_flowchart_page_export_finish (self, result, &error))
    po_page_show_error_dialog (PO_PAGE (self), _("The Flowchart Was Not Exported"), error->message);
  else
    po_page_show_toast (PO_PAGE (self), _("Flowchart exported"));
}

static void
on_export_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     PoFlowchartPage *self)
{
  PoFlowFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        po_flowchart_page_export_async (self, format, path, NULL, on_exported_cb, NULL);
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  PoFlowFormat format;

  if (self->chart == NULL)
    return;

  if (g_str_equal (extension, "svg"))
    format = PO_FLOW_FORMAT_SVG;
  else if (g_str_equal (extension, "png"))
    format = PO_FLOW_FORMAT_PNG;
  else
    format = PO_FLOW_FORMAT_PDF;

  chooser = gtk_file_chooser_native_new (_("Export Flowchart"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s-%s.%s", self->item_code, po_flowchart_kind_key (self->kind), extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 gpointer           user_data)
{
  PoFlowLayout *layout = g_object_get_data (G_OBJECT (operation), "layout");
  PoFlowchart *chart = g_object_get_data (G_OBJECT (operation), "chart");

  po_flowchart_draw_page (chart, layout,
                          gtk_print_context_get_cairo_context (context),
                          gtk_print_context_get_width (context),
                          gtk_print_context_get_height (context));
}

/**
 * po_flowchart_page_new_print_operation:
 *
 * A print of the chart shown, as it is now, on one page with the title
 * block: A4 unless the user picks another paper in the print dialog.
 *
 * Returns: (transfer full) (nullable): the operation, %NULL while no
 *   layout of a chart is at hand
 */
GtkPrintOperation *
po_flowchart_page_new_print_operation (PoFlowchartPage *self)
{
  PoFlowLayout *layout;
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *job = NULL;
  const PoItem *item;

  g_return_val_if_fail (PO_IS_FLOWCHART_PAGE (self), NULL);

  layout = po_flowchart_view_get_layout (self->view);
  if (self->chart == NULL || layout == NULL)
    return NULL;

  item = po_flowchart_get_item (self->chart);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  operation = gtk_print_operation_new ();
  /* Translators: a print job's name; %s is the item's code */
  job = g_strdup_printf (_("Flowchart %s"), item != NULL ? item->code : "");
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* The print may outlive an edit: it keeps what it prints. */
  g_object_set_data_full (G_OBJECT (operation), "layout", po_flow_layout_ref (layout),
                          (GDestroyNotify) po_flow_layout_unref);
  g_object_set_data_full (G_OBJECT (operation), "chart", po_flowchart_copy (self->chart), g_object_unref);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), NULL);
  return operation;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = po_flowchart_page_new_print_operation (self);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (operation == NULL)
    return;

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    po_page_show_error_dialog (PO_PAGE (self), _("The Flowchart Was Not Printed"), error->message);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  adw_leaflet_navigate (PO_FLOWCHART_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Building the page */

static GtkWidget *
tool_button (const char *icon_name,
             const char *tooltip,
             const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
labelled_button (const char *label,
                 const char *tooltip,
                 const char *action_name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
build_sidebar (PoFlowchartPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller;
  GtkListItemFactory *factory;
  GtkWidget *none;

  gtk_widget_add_css_class (box, "flowchart-items");
  gtk_widget_set_size_request (box, 220, -1);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search items"), NULL);
  gtk_widget_set_margin_start (GTK_WIDGET (self->search_entry), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->search_entry), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self->search_entry), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->search_entry), 6);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  self->items = gtk_string_list_new (NULL);
  self->item_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_single_selection_set_autoselect (self->item_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->item_selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_item_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_item_bind_cb), self);
  self->item_list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->item_selection)),
                                                      factory));
  gtk_list_view_set_single_click_activate (self->item_list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->item_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->item_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Power items"), -1);
  g_signal_connect (self->item_list, "activate", G_CALLBACK (on_item_activated_cb), self);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->item_list));

  none = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Items"));
  gtk_widget_add_css_class (none, "compact");

  self->item_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->item_stack), TRUE);
  gtk_stack_add_named (self->item_stack, scroller, "list");
  gtk_stack_add_named (self->item_stack, none, "none");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->item_stack));
  return box;
}

static GtkWidget *
build_panel (PoFlowchartPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *row;
  GtkWidget *group;

  gtk_widget_add_css_class (box, "flowchart-panel");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, 260, -1);

  self->selection_hint = gtk_label_new (_("Select a step or an arrow to edit it. "
                                          "Arrow keys move between steps."));
  gtk_label_set_wrap (GTK_LABEL (self->selection_hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->selection_hint), 0.0);
  gtk_widget_add_css_class (self->selection_hint, "dim-label");
  gtk_box_append (GTK_BOX (box), self->selection_hint);

  /* The selected node */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Step"));
  self->node_group = group;
  self->label_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->label_row), _("Name"));
  adw_entry_row_set_show_apply_button (self->label_row, TRUE);
  g_signal_connect_swapped (self->label_row, "apply", G_CALLBACK (on_label_applied_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->label_row));
  gtk_box_append (GTK_BOX (box), group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Post and Time Limit"));
  self->internal_group = group;
  self->post_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->post_row), _("Post"));
  adw_entry_row_set_show_apply_button (self->post_row, TRUE);
  g_signal_connect_swapped (self->post_row, "apply", G_CALLBACK (on_post_applied_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->post_row));

  self->duty_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->duty_row), _("Duty"));
  adw_entry_row_set_show_apply_button (self->duty_row, TRUE);
  g_signal_connect_swapped (self->duty_row, "apply", G_CALLBACK (on_duty_applied_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->duty_row));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Time limit (working days)"));
  self->limit_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (-1, 365, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->limit_spin), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->limit_spin), _("−1 means not set"));
  g_signal_connect_swapped (self->limit_spin, "value-changed", G_CALLBACK (on_limit_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->limit_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->limit_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->external_labels = gtk_string_list_new (NULL);
  self->external_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->external_row), _("External step"));
  adw_combo_row_set_model (self->external_row, G_LIST_MODEL (self->external_labels));
  g_signal_connect_swapped (self->external_row, "notify::selected", G_CALLBACK (on_external_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->external_row));
  gtk_box_append (GTK_BOX (box), group);

  /* The selected edge */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Arrow"));
  self->edge_group = group;
  self->edge_label_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->edge_label_row), _("Label"));
  adw_entry_row_set_show_apply_button (self->edge_label_row, TRUE);
  g_signal_connect_swapped (self->edge_label_row, "apply", G_CALLBACK (on_edge_label_applied_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->edge_label_row));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Return edge"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Sends the work back, e.g. 补正 or 退回"));
  self->return_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->return_switch), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->return_switch, "notify::active", G_CALLBACK (on_return_toggled_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->return_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->return_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (GTK_BOX (box), group);

  /* The findings */
  self->findings_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->findings_group, _("Validation"));
  self->findings_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->findings_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->findings_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Validation findings"), -1);
  g_signal_connect (self->findings_list, "row-activated", G_CALLBACK (on_finding_row_activated_cb), self);
  adw_preferences_group_add (self->findings_group, GTK_WIDGET (self->findings_list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->findings_group));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  return scroller;
}

static GtkWidget *
build_editor (PoFlowchartPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *paned;
  GtkWidget *overlay;
  GtkWidget *zoom;
  GtkWidget *status;
  GtkWidget *buttons;
  GtkWidget *button;
  GtkWidget *spinner;
  GtkEventController *shortcuts;

  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (toolbar, "toolbar");
  gtk_widget_add_css_class (toolbar, "flowchart-toolbar");
  gtk_box_append (GTK_BOX (toolbar), labelled_button (_("Add _Step"), _("Add a step after the selected one"), "page.add-step"));
  gtk_box_append (GTK_BOX (toolbar), labelled_button (_("Add _Decision"), _("Add a decision after the selected step"), "page.add-decision"));
  gtk_box_append (GTK_BOX (toolbar), labelled_button (_("Add _End"), _("Add an end after the selected step"), "page.add-end"));
  gtk_box_append (GTK_BOX (toolbar), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (toolbar), tool_button ("document-edit-symbolic", _("Rename (F2)"), "page.rename"));
  gtk_box_append (GTK_BOX (toolbar), tool_button ("insert-link-symbolic", _("Connect to… (C)"), "page.connect"));
  gtk_box_append (GTK_BOX (toolbar), tool_button ("user-trash-symbolic", _("Delete (Delete)"), "page.delete"));
  gtk_box_append (GTK_BOX (toolbar), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (toolbar), tool_button ("edit-undo-symbolic", _("Undo (Ctrl+Z)"), "page.undo"));
  gtk_box_append (GTK_BOX (toolbar), tool_button ("edit-redo-symbolic", _("Redo (Ctrl+Shift+Z)"), "page.redo"));

  self->modified_label = gtk_label_new (_("Unsaved changes"));
  gtk_widget_add_css_class (self->modified_label, "dim-label");
  gtk_widget_set_hexpand (self->modified_label, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (self->modified_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_halign (self->modified_label, GTK_ALIGN_END);
  gtk_widget_set_margin_end (self->modified_label, 6);
  gtk_widget_set_visible (self->modified_label, FALSE);
  gtk_box_append (GTK_BOX (toolbar), self->modified_label);
  gtk_box_append (GTK_BOX (box), toolbar);

  self->content_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->content_stack), TRUE);

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-drawing-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Choose an Item"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Pick a power item on the left to draw, check and print its flowcharts."));
  gtk_stack_add_named (self->content_stack, status, "none");

  spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->content_stack, spinner, "loading");

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _("The Flowchart Could Not Be Read"));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->error_page), "error");

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "x-office-drawing-symbolic");
  adw_status_page_set_description (self->empty_page,
                                   _("Start from the statutory procedure of a licence or a penalty, "
                                     "or add the first step yourself."));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  button = gtk_button_new_with_mnemonic (_("_Licence Template"));
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), "page.template::license");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Penalty Template"));
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), "page.template::penalty");
  gtk_widget_add_css_class (button, "pill");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("Add _First Step"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "page.add-step");
  gtk_widget_add_css_class (button, "pill");
  gtk_box_append (GTK_BOX (buttons), button);
  adw_status_page_set_child (self->empty_page, buttons);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->empty_page), "empty");

  self->view = PO_FLOWCHART_VIEW (po_flowchart_view_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->view), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->view), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Flowchart"), -1);
  g_signal_connect_swapped (self->view, "notify::selected-node", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->view, "notify::selected-edge", G_CALLBACK (on_selection_changed_cb), self);

  /* Keys that act on the selection only while the canvas has the focus,
   * so that they never steal Delete or C from a text field. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("page.delete")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_BackSpace, 0),
                                                          gtk_named_action_new ("page.delete")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_c, 0),
                                                          gtk_named_action_new ("page.connect")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                                          gtk_named_action_new ("page.rename")));
  gtk_widget_add_controller (GTK_WIDGET (self->view), shortcuts);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->view));
  gtk_widget_set_hexpand (GTK_WIDGET (self->scroller), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->scroller), "flowchart-canvas");

  /* Zoom floats over the canvas, as in image viewers, leaving the
   * toolbar to the editing commands. */
  zoom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (zoom, "linked");
  gtk_widget_add_css_class (zoom, "osd");
  gtk_widget_add_css_class (zoom, "flowchart-zoom");
  gtk_widget_set_halign (zoom, GTK_ALIGN_END);
  gtk_widget_set_valign (zoom, GTK_ALIGN_END);
  button = tool_button ("zoom-out-symbolic", _("Zoom Out (Ctrl+−)"), "page.zoom-out");
  gtk_widget_remove_css_class (button, "flat");
  gtk_box_append (GTK_BOX (zoom), button);
  button = tool_button ("zoom-fit-best-symbolic", _("Fit (Ctrl+0)"), "page.zoom-fit");
  gtk_widget_remove_css_class (button, "flat");
  gtk_box_append (GTK_BOX (zoom), button);
  button = tool_button ("zoom-in-symbolic", _("Zoom In (Ctrl+plus)"), "page.zoom-in");
  gtk_widget_remove_css_class (button, "flat");
  gtk_box_append (GTK_BOX (zoom), button);
  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->scroller));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), zoom);

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (paned), overlay);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_end_child (GTK_PANED (paned), build_panel (self));
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (self->scroller), 240, 200);
  gtk_stack_add_named (self->content_stack, paned, "chart");

  gtk_stack_set_visible_child_name (self->content_stack, "none");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->content_stack));
  return box;
}

static GtkWidget *
build_header (PoFlowchartPage *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *kinds = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *save;
  GtkWidget *menu_button;
  g_autoptr(GMenu) menu = g_menu_new ();

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Flowcharts"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  g_object_bind_property (self, "folded", header, "show-start-title-buttons", G_BINDING_SYNC_CREATE);

  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), "page.go-back");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);

  gtk_widget_add_css_class (kinds, "linked");
  self->external_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("E_xternal")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->external_button), _("The statutory procedure the public sees"));
  self->internal_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Internal")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->internal_button), _("Each step broken down to the posts that do it"));
  gtk_toggle_button_set_group (self->internal_button, self->external_button);
  gtk_toggle_button_set_active (self->external_button, TRUE);
  g_signal_connect (self->external_button, "toggled", G_CALLBACK (on_kind_toggled_cb), self);
  g_signal_connect (self->internal_button, "toggled", G_CALLBACK (on_kind_toggled_cb), self);
  gtk_box_append (GTK_BOX (kinds), GTK_WIDGET (self->external_button));
  gtk_box_append (GTK_BOX (kinds), GTK_WIDGET (self->internal_button));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), kinds);

  g_menu_append (menu, _("Export as _PDF…"), "page.export::pdf");
  g_menu_append (menu, _("Export as _SVG…"), "page.export::svg");
  g_menu_append (menu, _("Export as P_NG…"), "page.export::png");
  g_menu_append (menu, _("_Print…"), "page.print");
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "document-send-symbolic");
  gtk_widget_set_tooltip_text (menu_button, _("Export and Print"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu_button);

  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_tooltip_text (save, _("Save a draft item’s chart, or file the change of any other item for legality review (Ctrl+S)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "page.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  return header;
}

static gboolean
update_back_button (gpointer user_data)
{
  PoFlowchartPage *self = user_data;

  self->back_idle = 0;
  gtk_widget_set_visible (self->back_button,
                          adw_leaflet_get_folded (self->leaflet) &&
                          adw_leaflet_get_visible_child (self->leaflet) != gtk_widget_get_first_child (GTK_WIDGET (self->leaflet)));
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being allocated; the header bar may
 * change only afterwards. */
static void
on_leaflet_changed_cb (PoFlowchartPage *self)
{
  if (self->back_idle == 0)
    self->back_idle = g_idle_add (update_back_button, self);
}

static void
po_flowchart_page_constructed (GObject *object)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (object);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *sidebar;

  G_OBJECT_CLASS (po_flowchart_page_parent_class)->constructed (object);

  gtk_box_append (GTK_BOX (box), build_header (self));

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  /* Fold only when the panes cannot shrink further, not as soon as a
   * label would like more room. */
  adw_leaflet_set_fold_threshold_policy (self->leaflet, ADW_FOLD_THRESHOLD_POLICY_MINIMUM);
  gtk_widget_set_vexpand (GTK_WIDGET (self->leaflet), TRUE);
  sidebar = build_sidebar (self);
  adw_leaflet_append (self->leaflet, sidebar);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL)),
                                    FALSE);
  adw_leaflet_append (self->leaflet, build_editor (self));
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_leaflet_changed_cb), self);
  g_signal_connect_swapped (self->leaflet, "notify::visible-child", G_CALLBACK (on_leaflet_changed_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->leaflet));

  gtk_widget_set_parent (box, GTK_WIDGET (self));
  update_back_button (self);
  update_panel (self);
  update_actions (self);
  start_catalogue (self);

  /* PO_FLOWCHART_ITEM=CODE opens an item's chart at once, for developers
   * and screenshots, like PO_START_PAGE. */
  if (g_getenv ("PO_FLOWCHART_ITEM") != NULL)
    po_flowchart_page_open (self, g_getenv ("PO_FLOWCHART_ITEM"),
                            g_strcmp0 (g_getenv ("PO_FLOWCHART_KIND"), "internal") == 0
                            ? PO_FLOWCHART_INTERNAL : PO_FLOWCHART_EXTERNAL);
}

static void
po_flowchart_page_reload (PoPage *page)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (page);

  start_catalogue (self);
  if (self->chart != NULL && !po_flowchart_get_modified (self->chart))
    start_loading (self);
}

static void
po_flowchart_page_dispose (GObject *object)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (object);

  g_cancellable_cancel (self->catalogue_cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->task_cancellable);
  g_clear_object (&self->catalogue_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->task_cancellable);
  g_clear_handle_id (&self->back_idle, g_source_remove);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (po_flowchart_page_parent_class)->dispose (object);
}

static void
po_flowchart_page_finalize (GObject *object)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (object);

  g_clear_pointer (&self->catalogue, po_catalogue_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->item_selection);
  g_clear_object (&self->external_labels);
  g_clear_pointer (&self->external_ids, g_array_unref);
  g_clear_pointer (&self->item_code, g_free);

  G_OBJECT_CLASS (po_flowchart_page_parent_class)->finalize (object);
}

static void
po_flowchart_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PoFlowchartPage *self = PO_FLOWCHART_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_flowchart_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      /* The sidebar's words for a page still to come; this page is here. */
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_flowchart_page_class_init (PoFlowchartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PoPageClass *page_class = PO_PAGE_CLASS (klass);

  object_class->constructed = po_flowchart_page_constructed;
  object_class->dispose = po_flowchart_page_dispose;
  object_class->finalize = po_flowchart_page_finalize;
  object_class->get_property = po_flowchart_page_get_property;
  object_class->set_property = po_flowchart_page_set_property;

  page_class->reload = po_flowchart_page_reload;

  /**
   * PoFlowchartPage:busy:
   *
   * Whether a chart is being read, saved or filed.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* PoWindow passes the description of a placeholder page to the page of
   * its entry; accepted and ignored until the entry drops it. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "page.add-step", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "page.add-decision", NULL, add_decision_action);
  gtk_widget_class_install_action (widget_class, "page.add-end", NULL, add_end_action);
  gtk_widget_class_install_action (widget_class, "page.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "page.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "page.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "page.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "page.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "page.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "page.template", "s", template_action);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "page.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "page.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "page.go-back", NULL, go_back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "page.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "page.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "page.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "page.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "page.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "page.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "page.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "page.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "page.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "page.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "page.save", NULL);

  gtk_widget_class_set_css_name (widget_class, "flowchart-page");
}

static void
po_flowchart_page_init (PoFlowchartPage *self)
{
  self->external_ids = g_array_new (FALSE, FALSE, sizeof (guint));
}

GtkWidget *
po_flowchart_page_new (PoDatabase *database)
{
  g_return_val_if_fail (PO_IS_DATABASE (database), NULL);

  return g_object_new (PO_TYPE_FLOWCHART_PAGE,
                       "database", database,
                       "title", _("Flowcharts"),
                       NULL);
}

gboolean
po_flowchart_page_get_busy (PoFlowchartPage *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART_PAGE (self), FALSE);

  return self->busy;
}

/**
 * po_flowchart_page_get_view:
 *
 * Returns: (transfer none): the canvas
 */
PoFlowchartView *
po_flowchart_page_get_view (PoFlowchartPage *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART_PAGE (self), NULL);

  return self->view;
}

/**
 * po_flowchart_page_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart being edited
 */
PoFlowchart *
po_flowchart_page_get_chart (PoFlowchartPage *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART_PAGE (self), NULL);

  return self->chart;
}

/**
 * po_flowchart_page_get_items:
 *
 * Returns: (transfer none): the items listed, as catalogue indexes
 */
GListModel *
po_flowchart_page_get_items (PoFlowchartPage *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART_PAGE (self), NULL);

  return G_LIST_MODEL (self->items);
}

/**
 * po_flowchart_page_get_findings:
 *
 * Returns: (transfer none) (nullable) (element-type PoFlowFinding): what
 *   validation found in the chart as it is now
 */
GPtrArray *
po_flowchart_page_get_findings (PoFlowchartPage *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART_PAGE (self), NULL);

  return self->findings;
}

/**
 * po_flowchart_page_get_findings_list:
 *
 * Returns: (transfer none): the list the findings are shown in
 */
GtkListBox *
po_flowchart_page_get_findings_list (PoFlowchartPage *self)
{
  g_return_val_if_fail (PO_IS_FLOWCHART_PAGE (self), NULL);

  return self->findings_list;
}
