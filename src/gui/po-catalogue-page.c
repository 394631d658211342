/* po-catalogue-page.c: the power catalogue (权力目录)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-catalogue-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "po-catalogue-model.h"
#include "po-catalogue-page-private.h"
#include "po-catalogue-row.h"
#include "po-domain.h"
#include "po-error.h"
#include "po-item-editor.h"

/* The catalogue is read whole on a worker thread (po_catalogue_load)
 * and kept in memory; every search, filter and sort is one call of
 * po_catalogue_search() on another worker, cancelled by the next
 * keystroke, whose result — indexes, not objects — the list model takes
 * without rebuilding its rows (see PoCatalogueModel). The writes, the
 * import and export, and printing are in po-catalogue-page-actions.c.
 * The page never computes a rule: the editor asks the core, and the core
 * refuses what is not allowed. */

G_DEFINE_FINAL_TYPE (PoCataloguePage, po_catalogue_page, PO_TYPE_PAGE)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns; each column's header sorts by its PoCatalogueSort. */
enum {
  COLUMN_CODE,
  COLUMN_NAME,
  COLUMN_TYPE,
  COLUMN_DEPARTMENT,
  COLUMN_STATUS,
  COLUMN_STATUTORY,
  COLUMN_COMMITTED,
  N_COLUMNS
};

static const struct
{
  const char      *title;
  PoCatalogueSort  sort;
  gboolean         numeric;
  gboolean         expand;
  int              width;
} columns[N_COLUMNS] = {
  [COLUMN_CODE]       = { N_("Code"),              PO_CATALOGUE_SORT_CODE,       FALSE, FALSE, 150 },
  [COLUMN_NAME]       = { N_("Name"),              PO_CATALOGUE_SORT_NAME,       FALSE, TRUE,  170 },
  [COLUMN_TYPE]       = { N_("Type"),              PO_CATALOGUE_SORT_TYPE,       FALSE, FALSE, 130 },
  [COLUMN_DEPARTMENT] = { N_("Implementing Body"), PO_CATALOGUE_SORT_DEPARTMENT, FALSE, FALSE, 140 },
  [COLUMN_STATUS]     = { N_("Status"),            PO_CATALOGUE_SORT_STATUS,     FALSE, FALSE, 100 },
  [COLUMN_STATUTORY]  = { N_("Statutory Limit"),   PO_CATALOGUE_SORT_STATUTORY,  TRUE,  FALSE, 80 },
  [COLUMN_COMMITTED]  = { N_("Committed Limit"),   PO_CATALOGUE_SORT_COMMITTED,  TRUE,  FALSE, 80 },
};

/* More than a tall window shows of the list at once. */
#define ROWS_ON_SCREEN 32

static void start_search (PoCataloguePage *self);

gboolean
_po_catalogue_page_is_cancelled_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, PO_ERROR, PO_ERROR_CANCELLED);
}

GtkWindow *
_po_catalogue_page_get_parent_window (PoCataloguePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_po_catalogue_page_show_toast (PoCataloguePage *self,
                               const char      *message)
{
  g_debug ("Toast: %s", message);
  po_page_show_toast (PO_PAGE (self), message);
}

void
_po_catalogue_page_set_busy_changed (PoCataloguePage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Each worker gets a connection of its own, opened here on the main
 * thread from the page's and then used by the worker alone. */
PoDatabase *
_po_catalogue_page_dup_database (PoCataloguePage  *self,
                                 GError          **error)
{
  return po_database_dup (po_page_get_database (PO_PAGE (self)), error);
}

/* Reading the catalogue */

typedef struct
{
  PoDatabase  *db;
  PoCatalogue *catalogue;
  GPtrArray   *department_names;   /* utf8 */
  GArray      *department_ids;     /* gint64 */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->db);
  g_clear_pointer (&data->catalogue, po_catalogue_unref);
  g_clear_pointer (&data->department_names, g_ptr_array_unref);
  g_clear_pointer (&data->department_ids, g_array_unref);
  g_free (data);
}

/* The departments to choose an implementing body from. The core has no
 * list of them yet; this is the one query the page makes itself. */
static gboolean
read_departments (PoDatabase  *db,
                  LoadData    *data,
                  GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db, "SELECT id, name FROM departments ORDER BY code", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (data->department_ids, id);
      g_ptr_array_add (data->department_names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the departments"));
  return TRUE;
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  data->catalogue = po_catalogue_load (data->db, cancellable, &error);
  if (data->catalogue == NULL || !read_departments (data->db, data, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Read %u items in %.1f ms",
           po_catalogue_get_n_entries (data->catalogue),
           (g_get_monotonic_time () - start) / 1000.0);
  g_task_return_boolean (task, TRUE);
}

static void
load_async (PoCataloguePage     *self,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  LoadData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, load_async);

  data = g_new0 (LoadData, 1);
  data->department_names = g_ptr_array_new_with_free_func (g_free);
  data->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  data->db = _po_catalogue_page_dup_database (self, &error);
  if (data->db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, load_worker);
}

static LoadData *
load_finish (PoCataloguePage  *self,
             GAsyncResult     *result,
             GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == load_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

static gint64
selected_filter_department (PoCataloguePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->department_filter);

  if (self->department_ids == NULL || selected == 0 || selected > self->department_ids->len)
    return 0;
  return g_array_index (self->department_ids, gint64, selected - 1);
}

static void
set_departments (PoCataloguePage *self,
                 LoadData        *data)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) filter_names = gtk_string_list_new (NULL);
  gint64 filtered = selected_filter_department (self);
  guint selected = 0;

  gtk_string_list_append (filter_names, _("All Implementing Bodies"));
  for (guint i = 0; i < data->department_names->len; i++)
    {
      const char *name = g_ptr_array_index (data->department_names, i);

      gtk_string_list_append (names, name);
      gtk_string_list_append (filter_names, name);
      if (g_array_index (data->department_ids, gint64, i) == filtered)
        selected = i + 1;
    }

  g_set_object (&self->department_names, names);
  g_clear_pointer (&self->department_ids, g_array_unref);
  self->department_ids = g_array_ref (data->department_ids);
  g_set_object (&self->department_filter_names, filter_names);

  /* The filter keeps its department across reloads; the search that
   * follows runs once, not once per change. */
  g_signal_handlers_block_matched (self->department_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->department_filter, G_LIST_MODEL (filter_names));
  gtk_drop_down_set_selected (self->department_filter, selected);
  g_signal_handlers_unblock_matched (self->department_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  po_item_editor_set_departments (self->editor, names, self->department_ids);
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (object);
  g_autoptr(GError) error = NULL;
  LoadData *data;

  data = load_finish (self, result, &error);
  if (self->disposed || (data == NULL && _po_catalogue_page_is_cancelled_error (error)))
    return;

  self->loading = FALSE;
  g_clear_object (&self->load_cancellable);
  gtk_spinner_stop (self->spinner);

  if (data == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, markup);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      self->loaded = TRUE;
      _po_catalogue_page_set_busy_changed (self);
      return;
    }

  g_clear_pointer (&self->catalogue, po_catalogue_unref);
  self->catalogue = po_catalogue_ref (data->catalogue);
  set_departments (self, data);
  self->loaded = TRUE;
  _po_catalogue_page_update_actions (self);

  if (self->reload_pending)
    _po_catalogue_page_start_loading (self);
  else
    start_search (self);
}

void
_po_catalogue_page_start_loading (PoCataloguePage *self)
{
  self->reload_pending = FALSE;
  if (self->loading)
    {
      self->reload_pending = TRUE;
      return;
    }

  self->loading = TRUE;
  if (!self->loaded)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
    }

  self->load_cancellable = g_cancellable_new ();
  load_async (self, self->load_cancellable, on_loaded_cb, NULL);
  _po_catalogue_page_set_busy_changed (self);
}

/* Searching */

typedef struct
{
  PoCatalogue     *catalogue;
  char            *text;
  char            *type;
  char            *status;
  gint64           department_id;
  PoCatalogueSort  sort;
  gboolean         descending;
  double           search_ms;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_clear_pointer (&data->catalogue, po_catalogue_unref);
  g_free (data->text);
  g_free (data->type);
  g_free (data->status);
  g_free (data);
}

static void
search_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  PoCatalogueQuery query = {
    .text = data->text,
    .type = data->type,
    .status = data->status,
    .department_id = data->department_id,
    .sort = data->sort,
    .descending = data->descending,
  };
  gint64 start = g_get_monotonic_time ();
  GArray *indexes;

  indexes = po_catalogue_search (data->catalogue, &query, cancellable);
  data->search_ms = (g_get_monotonic_time () - start) / 1000.0;
  if (indexes == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("The search was cancelled"));
  else
    g_task_return_pointer (task, indexes, (GDestroyNotify) g_array_unref);
}

static void
search_async (PoCataloguePage     *self,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchData *data = g_new0 (SearchData, 1);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const PoEnumEntry *entries;
  guint selected;
  guint n;

  data->catalogue = po_catalogue_ref (self->catalogue);
  data->text = text[0] != '\0' ? g_strdup (text) : NULL;

  entries = po_item_types (&n);
  selected = gtk_drop_down_get_selected (self->type_filter);
  if (selected > 0 && selected <= n)
    data->type = g_strdup (entries[selected - 1].key);

  entries = po_item_statuses (&n);
  selected = gtk_drop_down_get_selected (self->status_filter);
  if (selected > 0 && selected <= n)
    data->status = g_strdup (entries[selected - 1].key);

  data->department_id = selected_filter_department (self);
  data->sort = self->sort;
  data->descending = self->descending;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, search_async);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_worker);
}

static GArray *
search_finish (PoCataloguePage  *self,
               GAsyncResult     *result,
               PoCatalogue     **catalogue,
               double           *search_ms,
               GError          **error)
{
  SearchData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == search_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  *catalogue = data->catalogue;
  *search_ms = data->search_ms;
  return g_task_propagate_pointer (G_TASK (result), error);
}

static const char *
dropdown_text (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  return item != NULL ? gtk_string_object_get_string (item) : "";
}

static void
update_count (PoCataloguePage *self)
{
  guint shown = po_catalogue_model_get_n_results (self->model);
  guint total = self->catalogue != NULL ? po_catalogue_get_n_entries (self->catalogue) : 0;
  g_autofree char *shown_text = g_strdup_printf ("%'u", shown);
  g_autofree char *total_text = g_strdup_printf ("%'u", total);
  g_autofree char *text = NULL;

  if (shown == total)
    /* Translators: %s is a number of power items, e.g. 12,345 */
    text = g_strdup_printf (ngettext ("%s item", "%s items", total), total_text);
  else
    /* Translators: the number of items found, then of all items, e.g. 120 of 12,345 items */
    text = g_strdup_printf (ngettext ("%s of %s item", "%s of %s items", total), shown_text, total_text);
  adw_window_title_set_subtitle (self->window_title, text);
}

static void
explain_no_match (PoCataloguePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) filters = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (text[0] != '\0')
    /* Translators: %s is what was searched for */
    title = g_strdup_printf (_("No Item Matches “%s”"), text);
  else
    title = g_strdup (_("No Item Matches the Filters"));

  /* Translators: each of these names one active filter of the catalogue */
  if (gtk_drop_down_get_selected (self->type_filter) > 0)
    g_ptr_array_add (filters, g_strdup_printf (_("of the type “%s”"), dropdown_text (self->type_filter)));
  if (gtk_drop_down_get_selected (self->department_filter) > 0)
    g_ptr_array_add (filters, g_strdup_printf (_("of “%s”"), dropdown_text (self->department_filter)));
  if (gtk_drop_down_get_selected (self->status_filter) > 0)
    g_ptr_array_add (filters, g_strdup_printf (_("in the status “%s”"), dropdown_text (self->status_filter)));

  if (filters->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (filters, NULL);
      /* Translators: the separator between the filters listed */
      joined = g_strjoinv (_(", "), (char **) filters->pdata);
      if (text[0] != '\0')
        /* Translators: %s lists the active filters, e.g. of the type “行政许可”, in the status “草稿” */
        description = g_strdup_printf (_("Only items %s were searched, by code, name and legal basis. "
                                         "Try other words, or clear the filters."),
                                       joined);
      else
        description = g_strdup_printf (_("The catalogue has no item %s."), joined);
    }
  else
    {
      description = g_strdup (_("No code, name or legal basis contains every word searched for. "
                                "Try fewer or shorter words: one or two characters, such as 许可, are enough."));
    }

  {
    g_autofree char *escaped = g_markup_escape_text (description, -1);

    adw_status_page_set_title (self->no_match_page, title);
    adw_status_page_set_description (self->no_match_page, escaped);
  }
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  return NULL;
}

/* gtk_list_view_scroll_to() arrives with GTK 4.12; the list view inside
 * the column view has an action for it already. */
static void
scroll_to_position (PoCataloguePage *self,
                    guint            position)
{
  GtkWidget *list_view = find_list_view (GTK_WIDGET (self->column_view));

  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

/* The model moves the top rows of a new result first: the list must
 * show the top when it does. */
static gboolean
scrolled_to_top (PoCataloguePage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  return g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0 ||
         adjustment == NULL ||
         gtk_adjustment_get_value (adjustment) <= gtk_adjustment_get_lower (adjustment);
}

void
_po_catalogue_page_show_item (PoCataloguePage *self,
                              gint64           id)
{
  g_autoptr(PoItem) item = NULL;
  g_autoptr(GError) error = NULL;

  item = po_item_load_by_id (po_page_get_database (PO_PAGE (self)), id, &error);
  if (item == NULL)
    {
      _po_catalogue_page_show_toast (self, error->message);
      return;
    }

  po_item_editor_set_item (self->editor, item);
  _po_catalogue_page_update_actions (self);
}

gint64
_po_catalogue_page_editor_item_id (PoCataloguePage *self)
{
  const PoItem *item = po_item_editor_get_original (self->editor);

  return item != NULL ? item->id : 0;
}

void
_po_catalogue_page_select_position_quietly (PoCataloguePage *self,
                                            guint            position)
{
  self->updating_model = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating_model = FALSE;
}

static void
restore_selection (PoCataloguePage *self)
{
  gint64 id = self->pending_select_id > 0 ? self->pending_select_id : _po_catalogue_page_editor_item_id (self);
  gboolean pending = self->pending_select_id > 0;
  guint position = po_catalogue_model_find_id (self->model, id);

  self->pending_select_id = 0;
  _po_catalogue_page_select_position_quietly (self, position);
  if (position != GTK_INVALID_LIST_POSITION && pending)
    scroll_to_position (self, position);

  /* After a write, show what was stored; edits in progress stay. */
  if (id > 0 && (pending || self->refresh_editor) && !po_item_editor_get_dirty (self->editor))
    _po_catalogue_page_show_item (self, id);
  self->refresh_editor = FALSE;
}

/* Typing goes back and forth between the list and "no match": that
 * switch is instant. A crossfade would draw the whole list into an
 * offscreen at every frame for its 200 ms, 20–60 ms a frame without a
 * GPU, and snapshot all its rows when it starts. */
static void
show_list_child (PoCataloguePage *self,
                 const char      *name)
{
  const char *shown = gtk_stack_get_visible_child_name (self->list_stack);
  gboolean typing = (g_strcmp0 (shown, "list") == 0 || g_strcmp0 (shown, "no-match") == 0) &&
                    (g_str_equal (name, "list") || g_str_equal (name, "no-match"));

  gtk_stack_set_visible_child_full (self->list_stack, name,
                                    typing ? GTK_STACK_TRANSITION_TYPE_NONE : gtk_stack_get_transition_type (self->list_stack));
}

/* The list reaches its length in steps between frames: say when it is
 * there, for whoever waits for the page to be idle. */
static void
on_model_stepped_cb (PoCataloguePage *self)
{
  if (!self->updating_model && po_catalogue_model_get_settled (self->model))
    _po_catalogue_page_set_busy_changed (self);
}

static void
on_searched_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (object);
  g_autoptr(GError) error = NULL;
  GArray *indexes;
  PoCatalogue *catalogue = NULL;
  double search_ms = 0;
  gint64 start;

  indexes = search_finish (self, result, &catalogue, &search_ms, &error);
  if (self->disposed || indexes == NULL)
    return;   /* cancelled: a newer search is on its way */

  /* A result for an older catalogue is followed by one for the new. */
  if (catalogue != self->catalogue)
    {
      g_array_unref (indexes);
      return;
    }

  self->searching = FALSE;
  g_clear_object (&self->search_cancellable);

  /* A new search shows its first results: the rows on screen get them
   * at once, the rest of those GTK keeps follow between frames. A
   * reload keeps the place in the list, and changes it all at once. */
  start = g_get_monotonic_time ();
  if (self->scroll_to_top && !scrolled_to_top (self))
    scroll_to_position (self, 0);
  self->updating_model = TRUE;
  po_catalogue_model_set (self->model, catalogue, indexes, self->scroll_to_top ? ROWS_ON_SCREEN : G_MAXUINT);
  self->updating_model = FALSE;
  self->scroll_to_top = FALSE;
  restore_selection (self);

  self->search_ms = search_ms;
  self->update_ms = (g_get_monotonic_time () - self->keystroke_time) / 1000.0;
  g_debug ("Search: %u of %u items in %.1f ms on the worker; list replaced in %.1f ms; %.1f ms from the edit",
           po_catalogue_model_get_n_results (self->model),
           po_catalogue_get_n_entries (catalogue),
           search_ms,
           (g_get_monotonic_time () - start) / 1000.0,
           self->update_ms);

  self->n_results++;
  update_count (self);
  if (po_catalogue_get_n_entries (catalogue) == 0)
    show_list_child (self, "empty");
  else if (po_catalogue_model_get_n_results (self->model) == 0)
    {
      explain_no_match (self);
      show_list_child (self, "no-match");
    }
  else
    show_list_child (self, "list");

  _po_catalogue_page_set_busy_changed (self);
}

static void
start_search (PoCataloguePage *self)
{
  if (self->catalogue == NULL || self->disposed)
    return;

  /* The previous search, if still running, is of no use any more. */
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  self->searching = TRUE;
  if (self->keystroke_time == 0)
    self->keystroke_time = g_get_monotonic_time ();
  self->search_cancellable = g_cancellable_new ();
  search_async (self, self->search_cancellable, on_searched_cb, NULL);
  _po_catalogue_page_set_busy_changed (self);
}

static void
on_search_changed_cb (PoCataloguePage *self,
                      GtkSearchEntry  *entry)
{
  self->keystroke_time = g_get_monotonic_time ();
  self->scroll_to_top = TRUE;
  start_search (self);
}

static void
on_stop_search_cb (PoCataloguePage *self,
                   GtkSearchEntry  *entry)
{
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else if (adw_flap_get_folded (self->flap) && adw_flap_get_reveal_flap (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
on_search_activate_cb (PoCataloguePage *self,
                       GtkSearchEntry  *entry)
{
  /* Enter in the search goes to the results, the first one chosen. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_filter_changed_cb (PoCataloguePage *self)
{
  self->keystroke_time = g_get_monotonic_time ();
  self->scroll_to_top = TRUE;
  start_search (self);
}

/* Columns and sorting */

/* Long names and departments are cut short in the list; the whole text
 * shows on hovering, measured only then. */
static gboolean
on_cell_query_tooltip_cb (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  layout = gtk_widget_create_pango_layout (widget, text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  if (width <= gtk_widget_get_width (widget))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A cell is a GtkInscription, not a GtkLabel: a label sizes itself by
 * its text, so every new text in a cell made the list measure its row
 * again, laying the text out for that alone (some 0.1 ms a cell, 20 ms
 * for the rows on screen). An inscription asks for the height of one
 * line whatever its text, and lays the text out only when drawn: a
 * search costs no relayout, and rows off screen nothing until shown. */
static void
on_setup_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), columns[column].numeric ? 1.0 : 0.0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (columns[column].numeric)
    gtk_widget_add_css_class (cell, "numeric");
  if (column == COLUMN_CODE)
    gtk_widget_add_css_class (cell, "monospace");
  if (column == COLUMN_NAME || column == COLUMN_DEPARTMENT)
    {
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
    }
  g_object_set_data (G_OBJECT (list_item), "po-column", GUINT_TO_POINTER (column));
  gtk_list_item_set_child (list_item, cell);
}

static const char *
status_style (const char *status)
{
  if (g_str_equal (status, "in-review") || g_str_equal (status, "adjusting"))
    return "warning";
  if (g_str_equal (status, "approved"))
    return "accent";
  if (g_str_equal (status, "abolished"))
    return "dim-label";
  return NULL;
}

static void
fill_cell (GtkInscription *cell,
           PoCatalogueRow *row,
           guint           column)
{
  char limit[16];
  int days;

  switch (column)
    {
    case COLUMN_CODE:
      gtk_inscription_set_text (cell, po_catalogue_row_get_code (row));
      break;

    case COLUMN_NAME:
      gtk_inscription_set_text (cell, po_catalogue_row_get_name (row));
      break;

    case COLUMN_TYPE:
      gtk_inscription_set_text (cell, po_catalogue_row_get_type_label (row));
      break;

    case COLUMN_DEPARTMENT:
      gtk_inscription_set_text (cell, po_catalogue_row_get_department (row));
      break;

    case COLUMN_STATUS:
      {
        const char *style = status_style (po_catalogue_row_get_status (row));
        const char *old_style = g_object_get_data (G_OBJECT (cell), "po-style");

        gtk_inscription_set_text (cell, po_catalogue_row_get_status_label (row));
        if (g_strcmp0 (style, old_style) != 0)
          {
            if (old_style != NULL)
              gtk_widget_remove_css_class (GTK_WIDGET (cell), old_style);
            if (style != NULL)
              gtk_widget_add_css_class (GTK_WIDGET (cell), style);
            g_object_set_data (G_OBJECT (cell), "po-style", (gpointer) style);
          }
      }
      break;

    case COLUMN_STATUTORY:
    case COLUMN_COMMITTED:
      days = column == COLUMN_STATUTORY ? po_catalogue_row_get_statutory_limit (row)
                                        : po_catalogue_row_get_committed_limit (row);
      if (days > 0)
        g_snprintf (limit, sizeof limit, "%d", days);
      else
        g_strlcpy (limit, "—", sizeof limit);
      gtk_inscription_set_text (cell, limit);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
on_row_changed_cb (PoCatalogueRow *row,
                   GtkListItem    *list_item)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list_item), "po-column"));

  fill_cell (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)), row, column);
}

static void
on_bind_cell_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  PoCatalogueRow *row = gtk_list_item_get_item (list_item);
  gulong handler;

  fill_cell (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)), row, GPOINTER_TO_UINT (user_data));

  /* A new search moves the row to another item in place. */
  handler = g_signal_connect (row, "changed", G_CALLBACK (on_row_changed_cb), list_item);
  g_object_set_data (G_OBJECT (list_item), "po-changed-handler", GSIZE_TO_POINTER ((gsize) handler));
}

static void
on_unbind_cell_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  PoCatalogueRow *row = gtk_list_item_get_item (list_item);
  gulong handler = (gulong) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "po-changed-handler"));

  if (row != NULL && handler != 0)
    g_signal_handler_disconnect (row, handler);
  g_object_set_data (G_OBJECT (list_item), "po-changed-handler", NULL);
}

/* GTK 4.8 cannot tell which column the user sorts by
 * (gtk_column_view_sorter_get_primary_sort_column() is 4.10). The
 * column view's sorter asks its primary column first and stops at the
 * first answer that is not "equal"; every column answers "less" and
 * notes that it was asked, so one comparison tells the column, and the
 * sign tells the direction. The list itself is never sorted by GTK: the
 * sort is one more parameter of po_catalogue_search(). */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  PoCataloguePage *self = g_object_get_data (G_OBJECT (a), "po-page");

  self->probed_column = GPOINTER_TO_INT (user_data);
  return -1;
}

static void
on_sorter_changed_cb (PoCataloguePage *self,
                      GtkSorterChange  change,
                      GtkSorter       *sorter)
{
  GtkOrdering order;

  self->probed_column = -1;
  /* Two objects: a sorter finds any object equal to itself. */
  order = gtk_sorter_compare (sorter, self->probes[0], self->probes[1]);

  if (self->probed_column < 0 || order == GTK_ORDERING_EQUAL)
    {
      self->sort = PO_CATALOGUE_SORT_CODE;
      self->descending = FALSE;
    }
  else
    {
      self->sort = columns[self->probed_column].sort;
      self->descending = order == GTK_ORDERING_LARGER;
    }

  self->keystroke_time = g_get_monotonic_time ();
  self->scroll_to_top = TRUE;
  start_search (self);
}

static void
add_columns (PoCataloguePage *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cell_cb), GUINT_TO_POINTER (i));

      column = gtk_column_view_column_new (_(columns[i].title), g_steal_pointer (&factory));
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (i), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->column_view, column);
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Selection and the editor */

static void
reveal_editor (PoCataloguePage *self,
               gboolean         focus)
{
  adw_flap_set_reveal_flap (self->flap, TRUE);
  if (focus)
    po_item_editor_focus_first (self->editor);
}

typedef struct
{
  PoCataloguePage *page;
  gint64           previous_id;
  gint64           next_id;
} AskData;

static void
on_ask_save_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  g_autofree AskData *data = user_data;
  g_autoptr(PoCataloguePage) self = data->page;

  if (self->disposed)
    return;

  if (g_str_equal (response, "save"))
    {
      self->after_save_show_id = data->next_id;
      gtk_widget_activate_action (GTK_WIDGET (self), "page.save", NULL);
    }
  else if (g_str_equal (response, "discard"))
    {
      _po_catalogue_page_show_item (self, data->next_id);
    }
  else
    {
      _po_catalogue_page_select_position_quietly (self, po_catalogue_model_find_id (self->model, data->previous_id));
    }
}

static void
ask_to_save (PoCataloguePage *self,
             gint64           next_id)
{
  const PoItem *item = po_item_editor_get_original (self->editor);
  GtkWidget *dialog;
  AskData *data;

  dialog = adw_message_dialog_new (_po_catalogue_page_get_parent_window (self), _("Save the Changes?"), NULL);
  /* Translators: %s is the name of a power item */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The draft “%s” has changes that are not saved yet."), item->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (AskData, 1);
  data->page = g_object_ref (self);
  data->previous_id = item->id;
  data->next_id = next_id;
  g_signal_connect (dialog, "response", G_CALLBACK (on_ask_save_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_selected_item_cb (PoCataloguePage    *self,
                     GParamSpec         *pspec,
                     GtkSingleSelection *selection)
{
  PoCatalogueRow *row;
  gint64 id;

  if (self->updating_model || self->disposed)
    return;

  row = gtk_single_selection_get_selected_item (selection);
  if (row == NULL)
    return;

  id = po_catalogue_row_get_id (row);
  if (id != _po_catalogue_page_editor_item_id (self))
    {
      if (po_item_editor_get_dirty (self->editor))
        {
          ask_to_save (self, id);
          return;
        }
      _po_catalogue_page_show_item (self, id);
    }

  /* Beside the list, the item follows the selection; over it (a narrow
   * window), it opens only when asked, with Enter. */
  if (!adw_flap_get_folded (self->flap))
    reveal_editor (self, FALSE);
}

static void
on_column_view_activate_cb (PoCataloguePage *self,
                            guint            position,
                            GtkColumnView   *column_view)
{
  g_autoptr(PoCatalogueRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (row == NULL)
    return;
  if (po_catalogue_row_get_id (row) != _po_catalogue_page_editor_item_id (self) && !po_item_editor_get_dirty (self->editor))
    _po_catalogue_page_show_item (self, po_catalogue_row_get_id (row));
  reveal_editor (self, TRUE);
}

static void
on_flap_folded_cb (PoCataloguePage *self)
{
  if (self->disposed || self->editor == NULL)
    return;

  /* Folding over the list, the editor would hide it: close it until
   * asked for again. */
  if (adw_flap_get_folded (self->flap) && !po_item_editor_get_dirty (self->editor))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
on_editor_changed_cb (PoCataloguePage *self)
{
  _po_catalogue_page_update_actions (self);
}

/* Other actions */

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (widget);

  g_signal_handlers_block_matched (self->type_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_block_matched (self->department_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_block_matched (self->status_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_selected (self->type_filter, 0);
  gtk_drop_down_set_selected (self->department_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  g_signal_handlers_unblock_matched (self->type_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_unblock_matched (self->department_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_unblock_matched (self->status_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    on_filter_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_po_catalogue_page_update_actions (PoCataloguePage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const PoItem *item = po_item_editor_get_original (self->editor);
  const char *status = item != NULL ? item->status : NULL;
  gboolean proposing = po_item_editor_get_proposing (self->editor);
  gboolean idle = !self->writing;

  gtk_widget_action_set_enabled (widget, "page.save",
                                 idle && po_item_status_allows (status, "edit") &&
                                 po_item_editor_get_dirty (self->editor));
  gtk_widget_action_set_enabled (widget, "page.submit", idle && po_item_status_allows (status, "submit"));
  gtk_widget_action_set_enabled (widget, "page.publish", idle && po_item_status_allows (status, "publish"));
  gtk_widget_action_set_enabled (widget, "page.propose-abolition",
                                 idle && !proposing && po_item_status_allows (status, "adjust"));
  gtk_widget_action_set_enabled (widget, "page.file-change", idle && proposing);
  gtk_widget_action_set_enabled (widget, "page.print", item != NULL);
  gtk_widget_action_set_enabled (widget, "page.export-pdf", item != NULL);
  gtk_widget_action_set_enabled (widget, "page.new-item", idle && self->department_names != NULL);
  gtk_widget_action_set_enabled (widget, "page.import", idle && !self->importing);
  gtk_widget_action_set_enabled (widget, "page.cancel-import", self->importing);
  gtk_widget_action_set_enabled (widget, "page.export", self->catalogue != NULL);
}

/* PoPage */

static void
po_catalogue_page_reload (PoPage *page)
{
  _po_catalogue_page_start_loading (PO_CATALOGUE_PAGE (page));
}

static void
po_catalogue_page_map (GtkWidget *widget)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (widget);

  GTK_WIDGET_CLASS (po_catalogue_page_parent_class)->map (widget);

  /* Reviews decided on another page move items along: read again when
   * shown. The list on screen stays until the new one is ready. */
  if (self->loaded && !self->loading)
    _po_catalogue_page_start_loading (self);
}

/* GObject */

static void
po_catalogue_page_constructed (GObject *object)
{
  PoCataloguePage *self = (PoCataloguePage *)object;

  G_OBJECT_CLASS (po_catalogue_page_parent_class)->constructed (object);

  po_item_editor_set_database (self->editor, po_page_get_database (PO_PAGE (self)));
  _po_catalogue_page_update_actions (self);
  _po_catalogue_page_start_loading (self);
}

static void
po_catalogue_page_dispose (GObject *object)
{
  PoCataloguePage *self = (PoCataloguePage *)object;

  self->disposed = TRUE;
  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->write_cancellable);
  g_clear_object (&self->import_cancellable);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  g_clear_object (&self->print_operation);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), PO_TYPE_CATALOGUE_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_pointer (&self->catalogue, po_catalogue_unref);

  G_OBJECT_CLASS (po_catalogue_page_parent_class)->dispose (object);
}

static void
po_catalogue_page_finalize (GObject *object)
{
  PoCataloguePage *self = (PoCataloguePage *)object;

  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->department_names);
  g_clear_pointer (&self->department_ids, g_array_unref);
  g_clear_object (&self->department_filter_names);
  g_clear_object (&self->type_filter_names);
  g_clear_object (&self->status_filter_names);
  g_clear_object (&self->probes[0]);
  g_clear_object (&self->probes[1]);

  G_OBJECT_CLASS (po_catalogue_page_parent_class)->finalize (object);
}

static void
po_catalogue_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, po_catalogue_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_catalogue_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (object);

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
po_catalogue_page_class_init (PoCataloguePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PoPageClass *page_class = PO_PAGE_CLASS (klass);

  object_class->constructed = po_catalogue_page_constructed;
  object_class->dispose = po_catalogue_page_dispose;
  object_class->finalize = po_catalogue_page_finalize;
  object_class->get_property = po_catalogue_page_get_property;
  object_class->set_property = po_catalogue_page_set_property;

  widget_class->map = po_catalogue_page_map;

  page_class->reload = po_catalogue_page_reload;

  /* The window's table of pages describes every area; this page shows
   * what it describes instead, so it only keeps the words. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PO_TYPE_ITEM_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/poweroversight/PowerOversight/po-catalogue-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, flap);
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, type_filter);
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, department_filter);
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, import_label);
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, import_progress);
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PoCataloguePage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flap_folded_cb);

  gtk_widget_class_install_action (widget_class, "page.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "page.clear-filters", NULL, clear_filters_action);
  _po_catalogue_page_class_init_actions (widget_class);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, GDK_CONTROL_MASK),
                                                          gtk_named_action_new (action)));
}

static GtkStringList *
create_enum_filter (const char        *all,
                    const PoEnumEntry *entries,
                    guint              n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, po_enum_label (entries, n, entries[i].key));
  return list;
}

static void
po_catalogue_page_init (PoCataloguePage *self)
{
  GtkEventController *shortcuts;
  const PoEnumEntry *entries;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->probes); i++)
    {
      self->probes[i] = g_object_new (G_TYPE_OBJECT, NULL);
      g_object_set_data (self->probes[i], "po-page", self);
    }

  self->model = po_catalogue_model_new ();
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_stepped_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);

  entries = po_item_types (&n);
  self->type_filter_names = create_enum_filter (_("All Types"), entries, n);
  gtk_drop_down_set_model (self->type_filter, G_LIST_MODEL (self->type_filter_names));
  entries = po_item_statuses (&n);
  self->status_filter_names = create_enum_filter (_("All Statuses"), entries, n);
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (self->status_filter_names));
  self->department_filter_names = gtk_string_list_new ((const char * const[]) { _("All Implementing Bodies"), NULL });
  gtk_drop_down_set_model (self->department_filter, G_LIST_MODEL (self->department_filter_names));
  gtk_drop_down_set_expression (self->department_filter,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  g_signal_connect_object (self->editor, "notify::dirty", G_CALLBACK (on_editor_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::proposing", G_CALLBACK (on_editor_changed_cb), self, G_CONNECT_SWAPPED);

  /* The page's shortcuts work wherever the focus is in the window, but
   * only while the page is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_f, "page.focus-search");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_n, "page.new-item");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_s, "page.save");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_p, "page.print");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/**
 * po_catalogue_page_new:
 * @database: the main thread's connection
 *
 * Returns: (transfer floating): a new catalogue page
 */
GtkWidget *
po_catalogue_page_new (PoDatabase *database)
{
  g_return_val_if_fail (PO_IS_DATABASE (database), NULL);

  return g_object_new (PO_TYPE_CATALOGUE_PAGE,
                       "database", database,
                       "title", _("Power Catalogue"),
                       "icon-name", "view-list-bullet-symbolic",
                       NULL);
}

/**
 * po_catalogue_page_get_busy:
 *
 * Returns: whether the catalogue is being read, searched or written,
 *   so that what is shown may still change
 */
gboolean
po_catalogue_page_get_busy (PoCataloguePage *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_PAGE (self), FALSE);

  return !self->loaded || self->loading || self->searching || self->writing ||
         self->importing || self->exporting || !po_catalogue_model_get_settled (self->model);
}

/**
 * po_catalogue_page_get_model:
 *
 * Returns: (transfer none): the items listed, #PoCatalogueRow
 */
GListModel *
po_catalogue_page_get_model (PoCataloguePage *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_PAGE (self), NULL);

  return G_LIST_MODEL (self->model);
}

/**
 * po_catalogue_page_get_selection:
 *
 * Returns: (transfer none): the selection of the list
 */
GtkSingleSelection *
po_catalogue_page_get_selection (PoCataloguePage *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_PAGE (self), NULL);

  return self->selection;
}

/**
 * po_catalogue_page_get_search_entry:
 *
 * Returns: (transfer none): the search entry
 */
GtkEditable *
po_catalogue_page_get_search_entry (PoCataloguePage *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

/**
 * po_catalogue_page_get_filter:
 * @name: "type", "department" or "status"
 *
 * Returns: (transfer none) (nullable): the filter; its first entry is
 *   "all", the others follow po_item_types(), the departments by code,
 *   and po_item_statuses()
 */
GtkDropDown *
po_catalogue_page_get_filter (PoCataloguePage *self,
                              const char      *name)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_PAGE (self), NULL);

  if (g_strcmp0 (name, "type") == 0)
    return self->type_filter;
  if (g_strcmp0 (name, "department") == 0)
    return self->department_filter;
  if (g_strcmp0 (name, "status") == 0)
    return self->status_filter;
  return NULL;
}

/**
 * po_catalogue_page_get_column_view:
 *
 * Returns: (transfer none): the list
 */
GtkColumnView *
po_catalogue_page_get_column_view (PoCataloguePage *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_PAGE (self), NULL);

  return self->column_view;
}

/**
 * po_catalogue_page_get_editor:
 *
 * Returns: (transfer none): the detail and edit view
 */
PoItemEditor *
po_catalogue_page_get_editor (PoCataloguePage *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_PAGE (self), NULL);

  return self->editor;
}

/**
 * po_catalogue_page_get_count_text:
 *
 * Returns: how many items are listed, in words
 */
const char *
po_catalogue_page_get_count_text (PoCataloguePage *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_PAGE (self), NULL);

  return adw_window_title_get_subtitle (self->window_title);
}

/**
 * po_catalogue_page_select_item:
 * @id: a power item's id
 *
 * Selects the item if it is listed, showing it in the editor.
 *
 * Returns: whether it is listed
 */
gboolean
po_catalogue_page_select_item (PoCataloguePage *self,
                               gint64           id)
{
  guint position;

  g_return_val_if_fail (PO_IS_CATALOGUE_PAGE (self), FALSE);

  position = po_catalogue_model_find_id (self->model, id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  scroll_to_position (self, position);
  return TRUE;
}

/**
 * po_catalogue_page_get_n_results:
 *
 * Returns: how many search results the list has shown, one per search
 *   (typing, filters, sorting, reloading)
 */
guint
po_catalogue_page_get_n_results (PoCataloguePage *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_PAGE (self), 0);

  return self->n_results;
}

/**
 * po_catalogue_page_get_timings:
 * @search_ms: (out): how long the last po_catalogue_search() took
 * @update_ms: (out): how long from the last edit of the search or
 *   filters to the list showing its result
 */
void
po_catalogue_page_get_timings (PoCataloguePage *self,
                               double          *search_ms,
                               double          *update_ms)
{
  g_return_if_fail (PO_IS_CATALOGUE_PAGE (self));

  *search_ms = self->search_ms;
  *update_ms = self->update_ms;
}
