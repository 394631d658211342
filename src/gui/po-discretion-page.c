/* po-discretion-page.c: the discretion benchmarks (裁量基准) page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 规定 九(四): a department sets benchmarks for its discretionary powers
 * and 九(五): every adjustment passes legality review. The page lists the
 * items (penalties first), edits the benchmarks of the chosen one, shows
 * live what validation finds and how the tiers divide the statutory
 * range, and offers the discretion calculator. Every rule is the core's
 * (po-discretion.h); the page only shows and edits.
 */
#define G_LOG_DOMAIN "po-discretion-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "po-catalogue.h"
#include "po-discretion-bar.h"
#include "po-discretion-page.h"
#include "po-domain.h"
#include "po-error.h"
#include "po-review.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_CIRCUMSTANCES,
  COLUMN_MIN,
  COLUMN_MAX,
  COLUMN_SANCTIONS,
  N_COLUMNS
} TierColumn;

struct _PoDiscretionPage
{
  PoPage               parent_instance;

  GSettings           *settings;
  PoCatalogue         *catalogue;
  GHashTable          *entries;          /* code → const PoCatalogueEntry * */
  GtkStringList       *items;            /* codes of the items listed */
  GtkSingleSelection  *item_selection;
  GCancellable        *load_cancellable;
  GCancellable        *item_cancellable;
  GCancellable        *save_cancellable;

  char                *item_code;        /* the item being edited */
  gboolean             item_is_draft;
  GPtrArray           *benchmarks;       /* of PoBenchmark */
  PoBenchmark         *benchmark;        /* the one shown */
  GtkSingleSelection  *tier_selection;
  GtkStringList       *benchmark_names;
  GtkWidget           *factor_rows[PO_DISCRETION_N_FACTORS];
  char                *circumstances_key; /* the calculator's list, joined */

  guint                loading : 1;
  guint                dirty : 1;        /* edited since read or saved */
  guint                filling : 1;      /* fields are being filled, not typed in */

  /* Template widgets */
  GtkWidget           *back_button;
  GtkWidget           *save_button;
  GtkWidget           *file_button;
  GtkWidget           *compare_button;
  GtkStack            *content_stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_status_page;
  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkCheckButton      *all_types_check;
  GtkStack            *item_stack;
  GtkListView         *item_list;
  GtkStack            *detail_stack;
  GtkSpinner          *detail_spinner;
  GtkLabel            *item_title;
  GtkLabel            *item_subtitle;
  GtkDropDown         *benchmark_dropdown;
  AdwEntryRow         *violation_row;
  AdwEntryRow         *defining_row;
  AdwEntryRow         *penalty_row;
  AdwComboRow         *unit_row;
  AdwEntryRow         *min_row;
  AdwEntryRow         *max_row;
  AdwEntryRow         *sanctions_row;
  AdwPreferencesGroup *factors_group;
  PoDiscretionBar     *bar;
  GtkColumnView       *tier_view;
  AdwPreferencesGroup *validation_group;
  GtkListBox          *findings_list;
  GtkFlowBox          *circumstances_box;
  GtkLabel            *outcome_label;
  AdwEntryRow         *fine_row;
  GtkLabel            *fit_label;
};

G_DEFINE_FINAL_TYPE (PoDiscretionPage, po_discretion_page, PO_TYPE_PAGE)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_loading     (PoDiscretionPage *self);
static void show_benchmark    (PoDiscretionPage *self,
                               PoBenchmark      *benchmark);
static void update_validation (PoDiscretionPage *self);
static void update_calculator (PoDiscretionPage *self);

static gboolean
is_cancelled_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, PO_ERROR, PO_ERROR_CANCELLED);
}

gboolean
po_discretion_page_get_busy (PoDiscretionPage *self)
{
  g_return_val_if_fail (PO_IS_DISCRETION_PAGE (self), FALSE);

  return self->loading || self->item_cancellable != NULL || self->save_cancellable != NULL;
}

static void
notify_busy (PoDiscretionPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Workers: each gets a connection of its own (po_database_dup) */

typedef struct
{
  PoDatabase *db;
  char       *code;
  GPtrArray  *benchmarks;
  char       *proposal;
  char       *legal_basis;
  PoDate      filed_on;
} WorkerData;

static void
worker_data_free (WorkerData *data)
{
  g_clear_object (&data->db);
  g_clear_pointer (&data->code, g_free);
  g_clear_pointer (&data->benchmarks, g_ptr_array_unref);
  g_clear_pointer (&data->proposal, g_free);
  g_clear_pointer (&data->legal_basis, g_free);
  g_free (data);
}

static WorkerData *
worker_data_new (PoDiscretionPage  *self,
                 GError           **error)
{
  g_autoptr(PoDatabase) db = po_database_dup (po_page_get_database (PO_PAGE (self)), error);
  WorkerData *data;

  if (db == NULL)
    return NULL;

  data = g_new0 (WorkerData, 1);
  data->db = g_steal_pointer (&db);
  return data;
}

static void
load_catalogue_worker (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  WorkerData *data = task_data;
  g_autoptr(GError) error = NULL;
  PoCatalogue *catalogue = po_catalogue_load (data->db, cancellable, &error);

  if (catalogue == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, catalogue, (GDestroyNotify) po_catalogue_unref);
}

static void
load_catalogue_async (PoDiscretionPage    *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  WorkerData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, load_catalogue_async);
  if (!(data = worker_data_new (self, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, data, (GDestroyNotify) worker_data_free);
  g_task_run_in_thread (task, load_catalogue_worker);
}

static PoCatalogue *
load_catalogue_finish (PoDiscretionPage  *self,
                       GAsyncResult      *result,
                       GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == load_catalogue_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
load_benchmarks_worker (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  WorkerData *data = task_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *benchmarks = po_discretion_load (data->db, data->code, &error);

  if (benchmarks == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, benchmarks, (GDestroyNotify) g_ptr_array_unref);
}

static void
load_benchmarks_async (PoDiscretionPage    *self,
                       const char          *code,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  WorkerData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, load_benchmarks_async);
  if (!(data = worker_data_new (self, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->code = g_strdup (code);
  g_task_set_task_data (task, data, (GDestroyNotify) worker_data_free);
  g_task_run_in_thread (task, load_benchmarks_worker);
}

static GPtrArray *
load_benchmarks_finish (PoDiscretionPage  *self,
                        GAsyncResult      *result,
                        GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == load_benchmarks_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
save_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  WorkerData *data = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (data->proposal != NULL)
    {
      PoReviewFiling filing = {
        .kind = "discretion",
        .item_code = data->code,
        .proposal = data->proposal,
        .legal_basis = data->legal_basis,
        .effective_on = PO_DATE_INVALID,
        .filed_on = data->filed_on,
        .received_on = data->filed_on,
      };

      ok = po_review_file (data->db, &filing, NULL, &error);
    }
  else
    {
      ok = po_discretion_save (data->db, data->code, data->benchmarks, &error);
    }

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Saves a draft's benchmarks, or, when @data has a proposal, files it for
 * legality review. */
static void
save_async (PoDiscretionPage    *self,
            WorkerData          *data,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) worker_data_free);
  g_task_run_in_thread (task, save_worker);
}

static gboolean
save_finish (PoDiscretionPage  *self,
             GAsyncResult      *result,
             GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
compare_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  WorkerData *data = task_data;
  g_autoptr(GError) error = NULL;
  PoDiscretionComparison *comparison = po_discretion_compare (data->db, data->code, &error);

  if (comparison == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, comparison, (GDestroyNotify) po_discretion_comparison_free);
}

/* The benchmarks of @violation in every department (the regional
 * comparison), read on a connection of its own. */
static void
compare_async (PoDiscretionPage    *self,
               const char          *violation,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  WorkerData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, compare_async);
  if (!(data = worker_data_new (self, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->code = g_strdup (violation);
  g_task_set_task_data (task, data, (GDestroyNotify) worker_data_free);
  g_task_run_in_thread (task, compare_worker);
}

static PoDiscretionComparison *
compare_finish (PoDiscretionPage  *self,
                GAsyncResult      *result,
                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == compare_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The item list */

/* Whether the benchmark shown names its violation: what a regional
 * comparison looks for. */
static gboolean
has_violation (PoDiscretionPage *self)
{
  g_autofree char *violation = NULL;

  if (self->benchmark == NULL)
    return FALSE;
  violation = g_strstrip (g_strdup (po_benchmark_get_violation (self->benchmark)));
  return *violation != '\0';
}

static void
update_actions (PoDiscretionPage *self)
{
  gboolean have = self->benchmark != NULL;
  gboolean saving = self->save_cancellable != NULL;
  guint selected = gtk_single_selection_get_selected (self->tier_selection);
  guint n = have ? po_benchmark_get_n_tiers (self->benchmark) : 0;
  gboolean has_selection = have && selected != GTK_INVALID_LIST_POSITION && selected < n;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save", have && self->item_is_draft && !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.file", have && !self->item_is_draft && !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.propose", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.compare", has_violation (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-tier", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.remove-tier", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.move-up", has_selection && selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.move-down", has_selection && selected + 1 < n);

  gtk_widget_set_visible (self->save_button, !have || self->item_is_draft);
  gtk_widget_set_visible (self->file_button, have && !self->item_is_draft);
}

static void
refilter (PoDiscretionPage *self)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  PoCatalogueQuery query = { 0 };
  const char *text;
  guint selected = GTK_INVALID_LIST_POSITION;

  if (self->catalogue == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  query.text = *text != '\0' ? text : NULL;
  query.type = gtk_check_button_get_active (self->all_types_check) ? NULL : "penalty";
  query.sort = PO_CATALOGUE_SORT_CODE;
  found = po_catalogue_search (self->catalogue, &query, NULL);

  codes = g_ptr_array_new ();
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      const PoCatalogueEntry *entry = po_catalogue_get_entry (self->catalogue, g_array_index (found, guint, i));

      if (g_strcmp0 (entry->code, self->item_code) == 0)
        selected = i;
      g_ptr_array_add (codes, (gpointer) entry->code);
    }
  g_ptr_array_add (codes, NULL);

  gtk_string_list_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                          (const char * const *) codes->pdata);
  gtk_single_selection_set_selected (self->item_selection, selected);
  gtk_stack_set_visible_child_name (self->item_stack, codes->len > 1 ? "list" : "empty");
}

static void
on_search_changed_cb (PoDiscretionPage *self)
{
  refilter (self);
}

static gboolean
scroll_to_selected_cb (gpointer user_data)
{
  PoDiscretionPage *self = user_data;
  guint selected;

  if (self->item_list == NULL)
    return G_SOURCE_REMOVE;
  selected = gtk_single_selection_get_selected (self->item_selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->item_list), "list.scroll-to-item", "u", selected);
  return G_SOURCE_REMOVE;
}

static void
on_load_catalogue_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  PoDiscretionPage *self = PO_DISCRETION_PAGE (object);
  g_autoptr(PoCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;

  catalogue = load_catalogue_finish (self, result, &error);
  if (is_cancelled_error (error))
    return;

  g_clear_object (&self->load_cancellable);
  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);

  if (catalogue == NULL)
    {
      adw_status_page_set_description (self->error_status_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      notify_busy (self);
      return;
    }

  g_clear_pointer (&self->catalogue, po_catalogue_unref);
  self->catalogue = g_steal_pointer (&catalogue);
  g_hash_table_remove_all (self->entries);
  for (guint i = 0; i < po_catalogue_get_n_entries (self->catalogue); i++)
    {
      const PoCatalogueEntry *entry = po_catalogue_get_entry (self->catalogue, i);

      g_hash_table_insert (self->entries, (gpointer) entry->code, (gpointer) entry);
    }

  refilter (self);
  gtk_stack_set_visible_child_name (self->content_stack, "main");

  /* PO_DISCRETION_ITEM=CODE opens an item at once, for developers and
   * screenshots, as PO_START_PAGE opens the page. */
  if (self->item_code == NULL && g_getenv ("PO_DISCRETION_ITEM") != NULL &&
      po_discretion_page_select_item (self, g_getenv ("PO_DISCRETION_ITEM")))
    {
      /* GTK 4.8 has no gtk_list_view_scroll_to(); the list's own action
       * works once the list has its size. */
      g_timeout_add_full (G_PRIORITY_DEFAULT, 500, scroll_to_selected_cb,
                          g_object_ref (self), g_object_unref);
    }
  notify_busy (self);
}

static void
start_loading (PoDiscretionPage *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  self->loading = TRUE;

  if (self->catalogue == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
    }

  load_catalogue_async (self, self->load_cancellable, on_load_catalogue_cb, NULL);
  notify_busy (self);
}

static void
on_item_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *code = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (code), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (code), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), code);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (list_item, box);
}

static const char *
status_label (const char *status)
{
  guint n;
  const PoEnumEntry *statuses = po_item_statuses (&n);

  return po_enum_label (statuses, n, status);
}

static void
on_item_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 PoDiscretionPage         *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *code = gtk_widget_get_next_sibling (name);
  const char *key = gtk_string_object_get_string (gtk_list_item_get_item (list_item));
  const PoCatalogueEntry *entry = g_hash_table_lookup (self->entries, key);
  g_autofree char *subtitle = NULL;

  if (entry == NULL)
    return;
  /* Translators: an item's code, department and status in the list */
  subtitle = g_strdup_printf (_("%s · %s · %s"), entry->code, entry->department, status_label (entry->status));
  gtk_label_set_label (GTK_LABEL (name), entry->name);
  gtk_label_set_label (GTK_LABEL (code), subtitle);
}

/* The benchmark editor */

static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  /* Filling a field is not an edit the user can undo into. */
  gtk_editable_set_enable_undo (editable, FALSE);
  gtk_editable_set_text (editable, text != NULL ? text : "");
  gtk_editable_set_enable_undo (editable, TRUE);
}

static char *
amount_text (double amount)
{
  return po_discretion_is_set (amount) ? po_discretion_format_amount (amount) : g_strdup ("");
}

/* An amount typed in a field: empty is unset; %FALSE when it does not parse. */
static gboolean
parse_field_amount (GtkEditable *editable,
                    const char  *what,
                    double      *amount)
{
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (*stripped == '\0')
    *amount = PO_DISCRETION_UNSET;
  else
    ok = po_discretion_parse_amount (stripped, what, amount, &error);

  if (ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (editable), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (editable), error->message);
    }
  return ok;
}

static void
on_statute_changed_cb (PoDiscretionPage *self,
                       GtkEditable      *editable)
{
  PoBenchmark *b = self->benchmark;
  const char *text = gtk_editable_get_text (editable);
  double amount;

  if (self->filling || b == NULL)
    return;

  if (editable == GTK_EDITABLE (self->violation_row))
    po_benchmark_set_violation (b, text);
  else if (editable == GTK_EDITABLE (self->defining_row))
    po_benchmark_set_defining_provision (b, text);
  else if (editable == GTK_EDITABLE (self->penalty_row))
    po_benchmark_set_penalty_provision (b, text);
  else if (editable == GTK_EDITABLE (self->sanctions_row))
    po_benchmark_set_other_sanctions (b, text);
  else if (editable == GTK_EDITABLE (self->min_row))
    {
      if (parse_field_amount (editable, _("The statutory minimum"), &amount))
        po_benchmark_set_range_min (b, amount);
    }
  else if (editable == GTK_EDITABLE (self->max_row))
    {
      if (parse_field_amount (editable, _("The statutory maximum"), &amount))
        po_benchmark_set_range_max (b, amount);
    }
  else
    {
      for (guint i = 0; i < PO_DISCRETION_N_FACTORS; i++)
        if (editable == GTK_EDITABLE (self->factor_rows[i]))
          po_benchmark_set_factor (b, i, text);
    }
}

static void
on_unit_selected_cb (PoDiscretionPage *self)
{
  guint selected = adw_combo_row_get_selected (self->unit_row);

  if (self->filling || self->benchmark == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  po_benchmark_set_unit (self->benchmark, (PoDiscretionUnit) selected);
}

/* Tier cells: an entry per cell, editing the tier it is bound to. */

static void
on_cell_changed_cb (GtkEditable      *editable,
                    PoDiscretionPage *self)
{
  PoBenchmarkTier *tier = g_object_get_data (G_OBJECT (editable), "po-tier");
  TierColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "po-column"));
  const char *text = gtk_editable_get_text (editable);
  double amount;

  if (self->filling || tier == NULL)
    return;

  switch (column)
    {
    case COLUMN_NAME:
      po_benchmark_tier_set_name (tier, text);
      break;

    case COLUMN_CIRCUMSTANCES:
      po_benchmark_tier_set_circumstances (tier, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (editable), *text != '\0' ? text : NULL);
      break;

    case COLUMN_MIN:
      if (parse_field_amount (editable, _("A tier’s minimum"), &amount))
        po_benchmark_tier_set_fine_min (tier, amount);
      break;

    case COLUMN_MAX:
      if (parse_field_amount (editable, _("A tier’s maximum"), &amount))
        po_benchmark_tier_set_fine_max (tier, amount);
      break;

    case COLUMN_SANCTIONS:
    case N_COLUMNS:
    default:
      po_benchmark_tier_set_other_sanctions (tier, text);
      break;
    }
}

static void
on_cell_focus_enter_cb (GtkEventControllerFocus *controller,
                        PoDiscretionPage        *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkListItem *list_item = g_object_get_data (G_OBJECT (entry), "po-list-item");
  guint position;

  if (list_item == NULL)
    return;
  position = gtk_list_item_get_position (list_item);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->tier_selection, position);
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  PoDiscretionPage         *self)
{
  TierColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "po-column"));
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_set_has_frame (GTK_ENTRY (entry), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), TRUE);
  if (column == COLUMN_MIN || column == COLUMN_MAX)
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
    }
  else
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), column == COLUMN_NAME ? 6 : 10);
    }
  g_object_set_data (G_OBJECT (entry), "po-column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (entry), "po-list-item", list_item);
  g_signal_connect (entry, "changed", G_CALLBACK (on_cell_changed_cb), self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter_cb), self);
  gtk_widget_add_controller (entry, focus);
  gtk_list_item_set_child (list_item, entry);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 PoDiscretionPage         *self)
{
  TierColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "po-column"));
  GtkWidget *entry = gtk_list_item_get_child (list_item);
  PoBenchmarkTier *tier = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  const char *column_title = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      text = g_strdup (po_benchmark_tier_get_name (tier));
      column_title = _("Name");
      break;

    case COLUMN_CIRCUMSTANCES:
      text = g_strdup (po_benchmark_tier_get_circumstances (tier));
      column_title = _("Circumstances");
      break;

    case COLUMN_MIN:
      text = amount_text (po_benchmark_tier_get_fine_min (tier));
      column_title = _("Minimum");
      break;

    case COLUMN_MAX:
      text = amount_text (po_benchmark_tier_get_fine_max (tier));
      column_title = _("Maximum");
      break;

    case COLUMN_SANCTIONS:
    case N_COLUMNS:
    default:
      text = g_strdup (po_benchmark_tier_get_other_sanctions (tier));
      column_title = _("Other sanctions");
      break;
    }

  self->filling = TRUE;
  set_editable_text (GTK_EDITABLE (entry), text);
  self->filling = FALSE;
  gtk_widget_remove_css_class (entry, "error");
  /* Long circumstances do not fit their cell: the tooltip has them all. */
  gtk_widget_set_tooltip_text (entry, column == COLUMN_CIRCUMSTANCES && *text != '\0' ? text : NULL);
  g_object_set_data (G_OBJECT (entry), "po-tier", tier);

  /* Translators: the accessible name of a cell: column, tier position */
  label = g_strdup_printf (_("%s of tier %u"), column_title, gtk_list_item_get_position (list_item) + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
on_cell_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   PoDiscretionPage         *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "po-tier", NULL);
}

static void
add_tier_columns (PoDiscretionPage *self)
{
  static const struct
  {
    TierColumn  column;
    const char *title;
    gboolean    expand;
    int         width;
  } columns[] = {
    { COLUMN_NAME,          N_("Tier"),            FALSE, 90 },
    { COLUMN_CIRCUMSTANCES, N_("Circumstances"),   TRUE,  -1 },
    { COLUMN_MIN,           N_("Minimum"),         FALSE, 100 },
    { COLUMN_MAX,           N_("Maximum"),         FALSE, 100 },
    { COLUMN_SANCTIONS,     N_("Other Sanctions"), FALSE, 140 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "po-column", GINT_TO_POINTER (columns[i].column));
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbind_cb), self);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->tier_view, column);
    }
}

/* Validation */

static void
update_validation (PoDiscretionPage *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);

  if (self->benchmark == NULL)
    return;

  findings = po_discretion_validate (self->benchmark,
                                     g_settings_get_double (self->settings, "max-tier-gap-yuan"));
  for (guint i = 0; i < findings->len; i++)
    {
      const PoDiscretionFinding *finding = findings->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;
      gboolean blocks = po_discretion_rule_blocks_saving (finding->rule);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      g_object_set_data (G_OBJECT (row), "po-rule", (gpointer) po_discretion_rule_key (finding->rule));
      icon = gtk_image_new_from_icon_name (blocks ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, blocks ? "error" : "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), finding->tier >= 0);
      g_object_set_data (G_OBJECT (row), "po-tier", GINT_TO_POINTER (finding->tier));
      gtk_list_box_append (self->findings_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->findings_list), findings->len > 0);
  if (findings->len == 0)
    adw_preferences_group_set_description (self->validation_group, _("No problems found: the benchmark meets every rule."));
  else
    adw_preferences_group_set_description (self->validation_group,
                                           _("Select a finding to select its tier. Errors stop saving; warnings describe a draft not yet finished."));
}

/* The cell showing the name of @tier, if its row is on screen. */
static GtkWidget *
find_name_cell (GtkWidget       *widget,
                PoBenchmarkTier *tier)
{
  if (GTK_IS_ENTRY (widget) &&
      g_object_get_data (G_OBJECT (widget), "po-tier") == tier &&
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "po-column")) == COLUMN_NAME)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_name_cell (child, tier);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_finding_activated_cb (PoDiscretionPage *self,
                         GtkListBoxRow    *row)
{
  int tier = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "po-tier"));
  GtkWidget *cell;

  if (tier < 0 || self->benchmark == NULL || (guint) tier >= po_benchmark_get_n_tiers (self->benchmark))
    return;

  po_discretion_page_select_tier (self, (guint) tier);
  /* Focusing the tier's first cell keeps the selection on it. */
  cell = find_name_cell (GTK_WIDGET (self->tier_view), po_benchmark_get_tier (self->benchmark, (guint) tier));
  if (cell != NULL)
    gtk_widget_grab_focus (cell);
}

/* The calculator */

static void
on_calculator_changed_cb (PoDiscretionPage *self)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome_text = NULL;
  PoDiscretionOutcome outcome;
  const char *fine_text;
  double fine;

  if (self->benchmark == NULL)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->circumstances_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_ptr_array_add (chosen, g_object_get_data (G_OBJECT (check), "po-text"));
    }
  g_ptr_array_add (chosen, NULL);

  if (po_discretion_calculate (self->benchmark, (const char * const *) chosen->pdata, &outcome, &error))
    outcome_text = po_discretion_describe_outcome (self->benchmark, &outcome);
  else
    outcome_text = g_strdup (error->message);
  gtk_label_set_label (self->outcome_label, outcome_text);
  g_clear_error (&error);

  fine_text = gtk_editable_get_text (GTK_EDITABLE (self->fine_row));
  gtk_widget_set_visible (GTK_WIDGET (self->fit_label), *fine_text != '\0');
  if (*fine_text == '\0')
    {
      gtk_label_set_label (self->fit_label, "");
      return;
    }

  if (po_benchmark_get_unit (self->benchmark) != PO_DISCRETION_UNIT_YUAN)
    {
      gtk_label_set_label (self->fit_label, _("The range is in multiples: the command line’s “discretion check” takes the base amount."));
      return;
    }

  if (parse_field_amount (GTK_EDITABLE (self->fine_row), _("The fine"), &fine) &&
      po_discretion_is_set (fine))
    {
      PoDiscretionFit fit;

      if (po_discretion_check_fine (self->benchmark, fine, PO_DISCRETION_UNSET, NULL, &fit, &error))
        {
          g_autofree char *text = po_discretion_describe_fit (self->benchmark, fine, PO_DISCRETION_UNSET, &fit);

          gtk_label_set_label (self->fit_label, text);
        }
      else
        {
          gtk_label_set_label (self->fit_label, error->message);
        }
    }
  else
    {
      gtk_label_set_label (self->fit_label, _("Enter the fine in yuan, at most two decimals."));
    }
}

static void
update_calculator (PoDiscretionPage *self)
{
  g_autoptr(GPtrArray) circumstances = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  GtkWidget *child;

  if (self->benchmark == NULL)
    return;

  circumstances = po_discretion_list_circumstances (self->benchmark);
  for (guint i = 0; i < circumstances->len; i++)
    {
      const PoDiscretionCircumstance *c = circumstances->pdata[i];

      g_string_append_printf (key, "%d\x1f%s\x1e", c->tier, c->text);
    }

  /* Rebuilt only when the list changes, so ticks survive other edits. */
  if (g_strcmp0 (key->str, self->circumstances_key) != 0)
    {
      g_free (self->circumstances_key);
      self->circumstances_key = g_strdup (key->str);

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->circumstances_box))) != NULL)
        gtk_flow_box_remove (self->circumstances_box, child);

      for (guint i = 0; i < circumstances->len; i++)
        {
          const PoDiscretionCircumstance *c = circumstances->pdata[i];
          GtkWidget *check = gtk_check_button_new_with_label (c->text);
          GtkWidget *label = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));

          if (GTK_IS_LABEL (label))
            {
              gtk_label_set_wrap (GTK_LABEL (label), TRUE);
              gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
              gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
            }
          g_object_set_data_full (G_OBJECT (check), "po-text", g_strdup (c->text), g_free);
          g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_calculator_changed_cb), self);
          gtk_flow_box_append (self->circumstances_box, check);
        }
    }

  on_calculator_changed_cb (self);
}

static void
on_benchmark_changed_cb (PoDiscretionPage *self)
{
  self->dirty = TRUE;
  update_validation (self);
  update_calculator (self);
  update_actions (self);
}

static void
on_tier_selected_cb (PoDiscretionPage *self)
{
  update_actions (self);
}

static void
fill_statute (PoDiscretionPage *self)
{
  PoBenchmark *b = self->benchmark;
  g_autofree char *min = amount_text (po_benchmark_get_range_min (b));
  g_autofree char *max = amount_text (po_benchmark_get_range_max (b));

  self->filling = TRUE;
  set_editable_text (GTK_EDITABLE (self->violation_row), po_benchmark_get_violation (b));
  set_editable_text (GTK_EDITABLE (self->defining_row), po_benchmark_get_defining_provision (b));
  set_editable_text (GTK_EDITABLE (self->penalty_row), po_benchmark_get_penalty_provision (b));
  set_editable_text (GTK_EDITABLE (self->sanctions_row), po_benchmark_get_other_sanctions (b));
  set_editable_text (GTK_EDITABLE (self->min_row), min);
  set_editable_text (GTK_EDITABLE (self->max_row), max);
  adw_combo_row_set_selected (self->unit_row, (guint) po_benchmark_get_unit (b));
  for (guint i = 0; i < PO_DISCRETION_N_FACTORS; i++)
    set_editable_text (GTK_EDITABLE (self->factor_rows[i]), po_benchmark_get_factor (b, i));
  gtk_widget_remove_css_class (GTK_WIDGET (self->min_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->max_row), "error");
  self->filling = FALSE;
}

static void
show_benchmark (PoDiscretionPage *self,
                PoBenchmark      *benchmark)
{
  if (self->benchmark != NULL)
    g_signal_handlers_disconnect_by_func (self->benchmark, on_benchmark_changed_cb, self);
  g_set_object (&self->benchmark, benchmark);

  gtk_single_selection_set_model (self->tier_selection, G_LIST_MODEL (benchmark));
  po_discretion_bar_set_benchmark (self->bar, benchmark);
  g_clear_pointer (&self->circumstances_key, g_free);

  if (benchmark != NULL)
    {
      g_signal_connect_swapped (benchmark, "changed", G_CALLBACK (on_benchmark_changed_cb), self);
      fill_statute (self);
    }

  on_benchmark_changed_cb (self);
}

static void
on_benchmark_selected_cb (PoDiscretionPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->benchmark_dropdown);

  if (self->filling || self->benchmarks == NULL || selected >= self->benchmarks->len)
    return;
  show_benchmark (self, self->benchmarks->pdata[selected]);
}

static void
on_load_benchmarks_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  PoDiscretionPage *self = PO_DISCRETION_PAGE (object);
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;

  benchmarks = load_benchmarks_finish (self, result, &error);
  if (is_cancelled_error (error))
    return;

  g_clear_object (&self->item_cancellable);
  gtk_spinner_stop (self->detail_spinner);

  if (benchmarks == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      po_page_show_error_dialog (PO_PAGE (self), _("The Benchmarks Could Not Be Read"), error->message);
      notify_busy (self);
      return;
    }

  /* An item with no benchmark yet gets an empty one to fill in. */
  if (benchmarks->len == 0)
    {
      PoBenchmark *b = po_benchmark_new ();
      const PoCatalogueEntry *entry = g_hash_table_lookup (self->entries, self->item_code);

      if (entry != NULL)
        po_benchmark_set_penalty_provision (b, entry->basis);
      g_ptr_array_add (benchmarks, b);
    }

  g_clear_pointer (&self->benchmarks, g_ptr_array_unref);
  self->benchmarks = g_steal_pointer (&benchmarks);

  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->benchmarks->len; i++)
    {
      const char *violation = po_benchmark_get_violation (self->benchmarks->pdata[i]);

      g_ptr_array_add (names, *violation != '\0'
                              ? g_strdup (violation)
                              : g_strdup_printf (_("Benchmark %u"), i + 1));
    }
  g_ptr_array_add (names, NULL);

  self->filling = TRUE;
  gtk_string_list_splice (self->benchmark_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->benchmark_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->benchmark_dropdown, 0);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->benchmark_dropdown), self->benchmarks->len > 1);

  show_benchmark (self, self->benchmarks->pdata[0]);
  self->dirty = FALSE;
  gtk_stack_set_visible_child_name (self->detail_stack, "editor");
  notify_busy (self);
}

static void
open_item (PoDiscretionPage *self,
           const char       *code)
{
  const PoCatalogueEntry *entry = g_hash_table_lookup (self->entries, code);
  g_autofree char *subtitle = NULL;

  g_return_if_fail (entry != NULL);

  g_cancellable_cancel (self->item_cancellable);
  g_clear_object (&self->item_cancellable);
  show_benchmark (self, NULL);
  g_clear_pointer (&self->benchmarks, g_ptr_array_unref);

  g_free (self->item_code);
  self->item_code = g_strdup (code);
  self->item_is_draft = g_strcmp0 (entry->status, "draft") == 0;

  gtk_label_set_label (self->item_title, entry->name);
  if (self->item_is_draft)
    /* Translators: code, department and status of the item edited */
    subtitle = g_strdup_printf (_("%s · %s · %s: saved directly"), entry->code, entry->department, status_label (entry->status));
  else
    subtitle = g_strdup_printf (_("%s · %s · %s: changes go through legality review"),
                                entry->code, entry->department, status_label (entry->status));
  gtk_label_set_label (self->item_subtitle, subtitle);

  self->item_cancellable = g_cancellable_new ();
  gtk_spinner_start (self->detail_spinner);
  gtk_stack_set_visible_child_name (self->detail_stack, "loading");
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
  load_benchmarks_async (self, code, self->item_cancellable, on_load_benchmarks_cb, NULL);
  update_actions (self);
  notify_busy (self);
}

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PoDiscretionPage *self)
{
  const char *code = g_object_get_data (G_OBJECT (dialog), "po-code");

  if (g_strcmp0 (response, "discard") == 0 && g_hash_table_contains (self->entries, code))
    open_item (self, code);
}

static void
on_item_list_activate_cb (PoDiscretionPage *self,
                          guint             position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *code;
  GtkWidget *dialog;

  if (item == NULL)
    return;
  code = gtk_string_object_get_string (item);
  if (g_strcmp0 (code, self->item_code) == 0)
    {
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
      return;
    }
  if (!self->dirty)
    {
      open_item (self, code);
      return;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Discard Changes?"),
                                   _("The benchmarks being edited have changes that are not saved or filed."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "po-code", g_strdup (code), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_leaflet_changed_cb (PoDiscretionPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean detail = adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->detail_stack);

  gtk_widget_set_visible (self->back_button, folded && detail);
}

/* Actions */

static void
on_save_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  PoDiscretionPage *self = PO_DISCRETION_PAGE (object);
  gboolean filing = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;

  if (!save_finish (self, result, &error) && is_cancelled_error (error))
    return;

  g_clear_object (&self->save_cancellable);
  update_actions (self);
  notify_busy (self);

  if (error != NULL)
    po_page_show_error_dialog (PO_PAGE (self),
                               filing ? _("The Benchmarks Could Not Be Filed") : _("The Benchmarks Could Not Be Saved"),
                               error->message);
  else
    {
      self->dirty = FALSE;
      po_page_show_toast (PO_PAGE (self),
                          filing ? _("Filed for legality review") : _("Benchmarks saved"));
    }
}

static GPtrArray *
copy_benchmarks (PoDiscretionPage *self)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);

  /* The worker gets copies: the editor's stay on the main thread. */
  for (guint i = 0; i < self->benchmarks->len; i++)
    g_ptr_array_add (copies, po_benchmark_copy (self->benchmarks->pdata[i]));
  return copies;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PoDiscretionPage *self = PO_DISCRETION_PAGE (widget);
  g_autoptr(GError) error = NULL;
  WorkerData *data;

  if (self->benchmarks == NULL || !self->item_is_draft || self->save_cancellable != NULL)
    return;

  if (!(data = worker_data_new (self, &error)))
    {
      po_page_show_error_dialog (PO_PAGE (self), _("The Benchmarks Could Not Be Saved"), error->message);
      return;
    }
  data->code = g_strdup (self->item_code);
  data->benchmarks = copy_benchmarks (self);

  self->save_cancellable = g_cancellable_new ();
  save_async (self, data, self->save_cancellable, on_save_cb, GINT_TO_POINTER (FALSE));
  update_actions (self);
  notify_busy (self);
}

static void
on_file_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PoDiscretionPage *self)
{
  GtkEditable *basis = g_object_get_data (G_OBJECT (dialog), "po-basis");
  GtkEditable *filed = g_object_get_data (G_OBJECT (dialog), "po-filed");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  WorkerData *data;
  PoDate filed_on;

  if (g_strcmp0 (response, "file") != 0 || self->benchmarks == NULL || self->save_cancellable != NULL)
    return;

  filed_on = po_date_parse (gtk_editable_get_text (filed), &error);
  if (error == NULL && !(data = worker_data_new (self, &error)))
    filed_on = PO_DATE_INVALID;
  if (error != NULL)
    {
      po_page_show_error_dialog (PO_PAGE (self), _("The Benchmarks Could Not Be Filed"), error->message);
      return;
    }

  copies = copy_benchmarks (self);
  data->code = g_strdup (self->item_code);
  data->proposal = po_discretion_to_json (self->item_code, copies);
  data->legal_basis = g_strstrip (g_strdup (gtk_editable_get_text (basis)));
  data->filed_on = filed_on;

  self->save_cancellable = g_cancellable_new ();
  save_async (self, data, self->save_cancellable, on_save_cb, GINT_TO_POINTER (TRUE));
  update_actions (self);
  notify_busy (self);
}

static void
on_basis_changed_cb (GtkEditable      *basis,
                     AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (basis)));

  adw_message_dialog_set_response_enabled (dialog, "file", *text != '\0');
}

static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PoDiscretionPage *self = PO_DISCRETION_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *list, *basis, *filed;
  char today[11];

  if (self->benchmarks == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("File for Legality Review?"),
                                   _("Adjusting the benchmarks of an item in force needs legality review (规定 九(五)). The legal office sees the benchmarks in force beside these."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  basis = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (basis), _("Legal Basis of the Adjustment"));
  filed = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (filed), _("Filed On (YYYY-MM-DD)"));
  po_date_format_buf (po_date_today (), today);
  gtk_editable_set_text (GTK_EDITABLE (filed), today);
  gtk_list_box_append (GTK_LIST_BOX (list), basis);
  gtk_list_box_append (GTK_LIST_BOX (list), filed);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "file", _("_File"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "file", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "file", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "file");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "po-basis", basis);
  g_object_set_data (G_OBJECT (dialog), "po-filed", filed);
  g_signal_connect (basis, "changed", G_CALLBACK (on_basis_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_file_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
unused_tier_name (PoBenchmark *b)
{
  for (guint i = po_benchmark_get_n_tiers (b) + 1; ; i++)
    {
      /* Translators: the name of a tier just added, to be renamed */
      g_autofree char *name = g_strdup_printf (_("Tier %u"), i);

      if (po_benchmark_find_tier (b, name) < 0)
        return g_steal_pointer (&name);
    }
}

static void
add_tier_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PoDiscretionPage *self = PO_DISCRETION_PAGE (widget);
  g_autoptr(PoBenchmarkTier) tier = NULL;
  g_autofree char *name = NULL;
  guint selected, position;

  if (self->benchmark == NULL)
    return;

  name = unused_tier_name (self->benchmark);
  tier = po_benchmark_tier_new (name, "", PO_DISCRETION_UNSET, PO_DISCRETION_UNSET);
  selected = gtk_single_selection_get_selected (self->tier_selection);
  position = selected != GTK_INVALID_LIST_POSITION ? selected + 1 : po_benchmark_get_n_tiers (self->benchmark);
  po_benchmark_insert_tier (self->benchmark, (int) position, tier);
  po_discretion_page_select_tier (self, position);
}

static void
remove_tier_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PoDiscretionPage *self = PO_DISCRETION_PAGE (widget);
  guint selected = gtk_single_selection_get_selected (self->tier_selection);

  if (self->benchmark == NULL || selected >= po_benchmark_get_n_tiers (self->benchmark))
    return;
  po_benchmark_remove_tier (self->benchmark, selected);
  update_actions (self);
}

static void
move_tier_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PoDiscretionPage *self = PO_DISCRETION_PAGE (widget);
  guint selected = gtk_single_selection_get_selected (self->tier_selection);
  guint n;
  guint to;

  if (self->benchmark == NULL)
    return;
  n = po_benchmark_get_n_tiers (self->benchmark);
  if (selected >= n)
    return;

  if (g_str_equal (action_name, "page.move-up"))
    {
      if (selected == 0)
        return;
      to = selected - 1;
    }
  else
    {
      if (selected + 1 >= n)
        return;
      to = selected + 1;
    }

  po_benchmark_move_tier (self->benchmark, selected, to);
  po_discretion_page_select_tier (self, to);
}

static void
on_propose_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PoDiscretionPage *self)
{
  PoDiscretionProposeRule rule = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "po-rule"));
  g_autoptr(GPtrArray) tiers = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "replace") != 0 || self->benchmark == NULL)
    return;

  if (!(tiers = po_discretion_propose_tiers (self->benchmark, rule, &error)))
    {
      po_page_show_error_dialog (PO_PAGE (self), _("No Tiers Could Be Proposed"), error->message);
      return;
    }
  po_benchmark_set_tiers (self->benchmark, tiers);
  po_page_show_toast (PO_PAGE (self), _("Tiers proposed: name their circumstances, then save"));
}

static void
propose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoDiscretionPage *self = PO_DISCRETION_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  int rule = g_variant_get_int32 (parameter);
  GtkWidget *dialog;

  if (self->benchmark == NULL || rule < PO_DISCRETION_PROPOSE_AUTO || rule > PO_DISCRETION_PROPOSE_MULTIPLES)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Replace the Tiers?"),
                                   _("The proposed tiers replace the ones shown. Until you save, choosing the item again brings back the saved tiers."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "po-rule", GINT_TO_POINTER (rule));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_propose_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The regional comparison: a window of its own, one row per department's
 * benchmark for the violation, one column per tier name. */

enum
{
  COMPARE_DEPARTMENT,
  COMPARE_REGION,
  COMPARE_RANGE,
  COMPARE_FIRST_TIER,
};

typedef struct
{
  GtkStack               *stack;
  AdwStatusPage          *empty_page;
  AdwStatusPage          *error_page;
  GtkColumnView          *view;
  GCancellable           *cancellable;
  PoDiscretionComparison *comparison;
  char                   *item_code;     /* the item being edited… */
  char                   *department;    /* …and its department: highlighted */
} CompareView;

static void
compare_view_free (CompareView *view)
{
  g_cancellable_cancel (view->cancellable);
  g_clear_object (&view->cancellable);
  g_clear_pointer (&view->comparison, po_discretion_comparison_free);
  g_clear_pointer (&view->item_code, g_free);
  g_clear_pointer (&view->department, g_free);
  g_free (view);
}

static gboolean
compare_row_is_current (CompareView                     *view,
                        const PoDiscretionComparisonRow *row)
{
  return g_strcmp0 (row->item_code, view->item_code) == 0 ||
         g_strcmp0 (row->department, view->department) == 0;
}

static void
on_compare_cell_setup_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (list_item, label);
}

static void
on_compare_cell_bind_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         CompareView              *view)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "po-column"));
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (gtk_list_item_get_item (list_item)), NULL, 10);
  const PoDiscretionComparisonRow *row;
  g_autofree char *text = NULL;

  if (view->comparison == NULL || index >= view->comparison->rows->len)
    return;
  row = g_ptr_array_index (view->comparison->rows, index);

  switch (column)
    {
    case COMPARE_DEPARTMENT:
      text = g_strdup (row->department);
      break;

    case COMPARE_REGION:
      text = g_strdup (row->region != NULL && *row->region != '\0' ? row->region : "—");
      break;

    case COMPARE_RANGE:
      text = po_discretion_format_range (row->range_min, row->range_max, row->unit);
      break;

    default:
      {
        guint t = (guint) (column - COMPARE_FIRST_TIER);

        /* Unset both ways: a tier without a fine, or none of that name. */
        if (!po_discretion_is_set (row->tier_min[t]) && !po_discretion_is_set (row->tier_max[t]))
          text = g_strdup ("—");
        else
          text = po_discretion_format_range (row->tier_min[t], row->tier_max[t], row->unit);
      }
      break;
    }
  gtk_label_set_label (GTK_LABEL (label), text);

  /* The department whose benchmark is being edited: bold, in the accent
   * colour ("heading" would also enlarge it and rewrap the row). */
  if (compare_row_is_current (view, row))
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
      gtk_widget_add_css_class (label, "accent");
    }
  else
    {
      gtk_label_set_attributes (GTK_LABEL (label), NULL);
      gtk_widget_remove_css_class (label, "accent");
    }
}

static void
add_compare_column (CompareView *view,
                    int          column,
                    const char  *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "po-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (on_compare_cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_compare_cell_bind_cb), view);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column == COMPARE_DEPARTMENT);
  gtk_column_view_append_column (view->view, view_column);
}

static void
on_compare_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PoDiscretionPage *self = PO_DISCRETION_PAGE (object);
  g_autoptr(GtkWindow) window = user_data;
  g_autoptr(PoDiscretionComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) rows = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  CompareView *view;

  comparison = compare_finish (self, result, &error);
  if (is_cancelled_error (error))
    return;
  view = g_object_get_data (G_OBJECT (window), "po-compare-view");
  if (view == NULL)
    return;

  if (comparison == NULL)
    {
      adw_status_page_set_description (view->error_page, error->message);
      gtk_stack_set_visible_child_name (view->stack, "error");
      return;
    }

  if (comparison->rows->len < 2)
    {
      g_autofree char *description = NULL;

      if (comparison->rows->len == 0)
        {
          adw_status_page_set_title (view->empty_page, _("No Saved Benchmark Names This Violation"));
          description = g_strdup_printf (_("No department has saved a benchmark for “%s”. Save this one first; benchmarks of other departments for the same violation then appear here side by side."),
                                         comparison->violation);
        }
      else
        {
          const PoDiscretionComparisonRow *row = g_ptr_array_index (comparison->rows, 0);

          adw_status_page_set_title (view->empty_page, _("No Other Department Has This Benchmark"));
          description = g_strdup_printf (_("Only %s has a benchmark for “%s”. When other departments set one for the same violation, they appear here side by side."),
                                         row->department, comparison->violation);
        }
      adw_status_page_set_description (view->empty_page, description);
      gtk_stack_set_visible_child_name (view->stack, "empty");
      return;
    }

  view->comparison = g_steal_pointer (&comparison);
  add_compare_column (view, COMPARE_DEPARTMENT, _("Department"));
  add_compare_column (view, COMPARE_REGION, _("Region"));
  add_compare_column (view, COMPARE_RANGE, _("Statutory Range"));
  for (guint t = 0; t < view->comparison->tier_names->len; t++)
    add_compare_column (view, COMPARE_FIRST_TIER + (int) t, g_ptr_array_index (view->comparison->tier_names, t));

  rows = gtk_string_list_new (NULL);
  for (guint r = 0; r < view->comparison->rows->len; r++)
    {
      char index[16];

      g_snprintf (index, sizeof index, "%u", r);
      gtk_string_list_append (rows, index);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (view->view, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (view->stack, "table");
}

static void
on_compare_window_destroy_cb (GtkWidget *window)
{
  CompareView *view = g_object_get_data (G_OBJECT (window), "po-compare-view");

  if (view != NULL)
    g_cancellable_cancel (view->cancellable);
}

static GtkWidget *
compare_status_page (const char *icon_name)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), icon_name);
  return status;
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoDiscretionPage *self = PO_DISCRETION_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const PoCatalogueEntry *entry;
  g_autofree char *violation = NULL;
  GtkWidget *window, *box, *header, *title, *stack, *spinner, *scrolled, *column_view;
  GtkEventController *shortcuts;
  CompareView *view;

  if (!has_violation (self))
    return;
  violation = g_strstrip (g_strdup (po_benchmark_get_violation (self->benchmark)));
  entry = self->item_code != NULL ? g_hash_table_lookup (self->entries, self->item_code) : NULL;

  window = gtk_window_new ();
  gtk_widget_set_name (window, "compare-window");
  gtk_window_set_title (GTK_WINDOW (window), _("Regional Comparison"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 420);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (_("Regional Comparison"), violation);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  stack = gtk_stack_new ();
  gtk_widget_set_name (stack, "compare-stack");
  gtk_widget_set_vexpand (stack, TRUE);
  spinner = gtk_spinner_new ();
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_stack_add_named (GTK_STACK (stack), spinner, "loading");

  view = g_new0 (CompareView, 1);
  view->stack = GTK_STACK (stack);
  view->empty_page = ADW_STATUS_PAGE (compare_status_page ("dialog-information-symbolic"));
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (view->empty_page), "empty");
  view->error_page = ADW_STATUS_PAGE (compare_status_page ("dialog-error-symbolic"));
  adw_status_page_set_title (view->error_page, _("The Benchmarks Could Not Be Compared"));
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (view->error_page), "error");

  column_view = gtk_column_view_new (NULL);
  gtk_widget_set_name (column_view, "compare-view");
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (column_view), TRUE);
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (column_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Benchmarks by department"),
                                  -1);
  view->view = GTK_COLUMN_VIEW (column_view);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), column_view);
  gtk_stack_add_named (GTK_STACK (stack), scrolled, "table");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "loading");
  gtk_box_append (GTK_BOX (box), stack);
  gtk_window_set_child (GTK_WINDOW (window), box);

  view->cancellable = g_cancellable_new ();
  view->item_code = g_strdup (self->item_code);
  view->department = entry != NULL ? g_strdup (entry->department) : NULL;
  g_object_set_data_full (G_OBJECT (window), "po-compare-view", view, (GDestroyNotify) compare_view_free);
  g_signal_connect (window, "destroy", G_CALLBACK (on_compare_window_destroy_cb), NULL);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  compare_async (self, violation, view->cancellable, on_compare_cb, g_object_ref (window));
  gtk_window_present (GTK_WINDOW (window));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoDiscretionPage *self = PO_DISCRETION_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
po_discretion_page_reload (PoPage *page)
{
  start_loading (PO_DISCRETION_PAGE (page));
}

static void
on_max_gap_changed_cb (PoDiscretionPage *self)
{
  update_validation (self);
}

/* GObject */

static void
add_factor_rows (PoDiscretionPage *self)
{
  for (guint i = 0; i < PO_DISCRETION_N_FACTORS; i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), po_discretion_factor_label (i));
      gtk_editable_set_enable_undo (GTK_EDITABLE (row), TRUE);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_statute_changed_cb), self);
      adw_preferences_group_add (self->factors_group, row);
      self->factor_rows[i] = row;
    }
}

static void
po_discretion_page_constructed (GObject *object)
{
  PoDiscretionPage *self = (PoDiscretionPage *)object;

  G_OBJECT_CLASS (po_discretion_page_parent_class)->constructed (object);

  start_loading (self);
}

static void
po_discretion_page_dispose (GObject *object)
{
  PoDiscretionPage *self = (PoDiscretionPage *)object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->item_cancellable);
  g_clear_object (&self->item_cancellable);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  if (self->benchmark != NULL)
    g_signal_handlers_disconnect_by_func (self->benchmark, on_benchmark_changed_cb, self);
  if (self->item_list != NULL)
    gtk_list_view_set_model (self->item_list, NULL);
  if (self->tier_view != NULL)
    gtk_column_view_set_model (self->tier_view, NULL);

  G_OBJECT_CLASS (po_discretion_page_parent_class)->dispose (object);

  self->item_list = NULL;
  self->tier_view = NULL;
  g_clear_object (&self->benchmark);
  g_clear_pointer (&self->benchmarks, g_ptr_array_unref);
  g_clear_object (&self->tier_selection);
  g_clear_object (&self->item_selection);
  g_clear_object (&self->benchmark_names);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->catalogue, po_catalogue_unref);
  g_clear_pointer (&self->item_code, g_free);
  g_clear_pointer (&self->circumstances_key, g_free);
}

static void
po_discretion_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PoDiscretionPage *self = PO_DISCRETION_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, po_discretion_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_discretion_page_set_property (GObject      *object,
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
po_discretion_page_class_init (PoDiscretionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PoPageClass *page_class = PO_PAGE_CLASS (klass);

  object_class->constructed = po_discretion_page_constructed;
  object_class->dispose = po_discretion_page_dispose;
  object_class->get_property = po_discretion_page_get_property;
  object_class->set_property = po_discretion_page_set_property;

  page_class->reload = po_discretion_page_reload;

  /**
   * PoDiscretionPage:busy:
   *
   * Whether the catalogue or a benchmark is being read, or one saved.
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

  g_type_ensure (PO_TYPE_DISCRETION_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/poweroversight/PowerOversight/po-discretion-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, file_button);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, compare_button);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, error_status_page);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, all_types_check);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, item_stack);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, item_list);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, detail_spinner);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, item_title);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, item_subtitle);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, benchmark_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, violation_row);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, defining_row);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, penalty_row);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, unit_row);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, min_row);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, max_row);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, sanctions_row);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, factors_group);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, bar);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, tier_view);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, validation_group);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, findings_list);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, circumstances_box);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, fine_row);
  gtk_widget_class_bind_template_child (widget_class, PoDiscretionPage, fit_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_benchmark_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calculator_changed_cb);

  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "page.file", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "page.add-tier", NULL, add_tier_action);
  gtk_widget_class_install_action (widget_class, "page.remove-tier", NULL, remove_tier_action);
  gtk_widget_class_install_action (widget_class, "page.move-up", NULL, move_tier_action);
  gtk_widget_class_install_action (widget_class, "page.move-down", NULL, move_tier_action);
  gtk_widget_class_install_action (widget_class, "page.propose", "i", propose_action);
  gtk_widget_class_install_action (widget_class, "page.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "page.go-back", NULL, go_back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "page.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "page.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "page.move-down", NULL);
}

static void
po_discretion_page_init (PoDiscretionPage *self)
{
  GtkListItemFactory *factory;
  g_autoptr(GtkStringList) units = NULL;
  GtkEditable *statute_fields[6];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::max-tier-gap-yuan",
                            G_CALLBACK (on_max_gap_changed_cb), self);

  self->entries = g_hash_table_new (g_str_hash, g_str_equal);

  self->items = gtk_string_list_new (NULL);
  self->item_selection = gtk_single_selection_new (G_LIST_MODEL (self->items));
  gtk_single_selection_set_autoselect (self->item_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->item_selection, TRUE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_item_bind_cb), self);
  gtk_list_view_set_factory (self->item_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->item_list, GTK_SELECTION_MODEL (self->item_selection));

  self->tier_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->tier_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->tier_selection, TRUE);
  g_signal_connect_swapped (self->tier_selection, "notify::selected",
                            G_CALLBACK (on_tier_selected_cb), self);
  gtk_column_view_set_model (self->tier_view, GTK_SELECTION_MODEL (self->tier_selection));
  add_tier_columns (self);

  self->benchmark_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->benchmark_dropdown, G_LIST_MODEL (self->benchmark_names));

  units = gtk_string_list_new (NULL);
  gtk_string_list_append (units, _("Yuan"));
  gtk_string_list_append (units, _("Multiples of the illegal gains"));
  gtk_string_list_append (units, _("Multiples of the value involved"));
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (units));

  statute_fields[0] = GTK_EDITABLE (self->violation_row);
  statute_fields[1] = GTK_EDITABLE (self->defining_row);
  statute_fields[2] = GTK_EDITABLE (self->penalty_row);
  statute_fields[3] = GTK_EDITABLE (self->min_row);
  statute_fields[4] = GTK_EDITABLE (self->max_row);
  statute_fields[5] = GTK_EDITABLE (self->sanctions_row);
  for (guint i = 0; i < G_N_ELEMENTS (statute_fields); i++)
    {
      gtk_editable_set_enable_undo (statute_fields[i], TRUE);
      g_signal_connect_swapped (statute_fields[i], "changed", G_CALLBACK (on_statute_changed_cb), self);
    }
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->fine_row), TRUE);
  add_factor_rows (self);

  update_actions (self);
}

/**
 * po_discretion_page_new:
 * @database: the main thread's connection
 *
 * Returns: (transfer floating): a new discretion benchmarks page
 */
GtkWidget *
po_discretion_page_new (PoDatabase *database)
{
  g_return_val_if_fail (PO_IS_DATABASE (database), NULL);

  return g_object_new (PO_TYPE_DISCRETION_PAGE,
                       "database", database,
                       "title", _("Discretion Benchmarks"),
                       "icon-name", "view-sort-ascending-symbolic",
                       NULL);
}

/**
 * po_discretion_page_get_items:
 *
 * Returns: (transfer none): the codes of the items listed (GtkStringObject)
 */
GListModel *
po_discretion_page_get_items (PoDiscretionPage *self)
{
  g_return_val_if_fail (PO_IS_DISCRETION_PAGE (self), NULL);

  return G_LIST_MODEL (self->items);
}

/**
 * po_discretion_page_select_item:
 * @code: an item's code, in the list
 *
 * Selects the item and starts reading its benchmarks.
 *
 * Returns: %FALSE when the list does not show the item
 */
gboolean
po_discretion_page_select_item (PoDiscretionPage *self,
                                const char       *code)
{
  guint n;

  g_return_val_if_fail (PO_IS_DISCRETION_PAGE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (self->items, i), code) == 0)
        {
          gtk_single_selection_set_selected (self->item_selection, i);
          open_item (self, code);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * po_discretion_page_get_item_code:
 *
 * Returns: (nullable): the code of the item being edited
 */
const char *
po_discretion_page_get_item_code (PoDiscretionPage *self)
{
  g_return_val_if_fail (PO_IS_DISCRETION_PAGE (self), NULL);

  return self->item_code;
}

/**
 * po_discretion_page_get_benchmark:
 *
 * Returns: (transfer none) (nullable): the benchmark being edited
 */
PoBenchmark *
po_discretion_page_get_benchmark (PoDiscretionPage *self)
{
  g_return_val_if_fail (PO_IS_DISCRETION_PAGE (self), NULL);

  return self->benchmark;
}

void
po_discretion_page_select_tier (PoDiscretionPage *self,
                                guint             position)
{
  g_return_if_fail (PO_IS_DISCRETION_PAGE (self));

  gtk_single_selection_set_selected (self->tier_selection, position);
  update_actions (self);
}

guint
po_discretion_page_get_selected_tier (PoDiscretionPage *self)
{
  g_return_val_if_fail (PO_IS_DISCRETION_PAGE (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->tier_selection);
}
