/* po-audit-page.c: the audit log, read and verified
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-audit-page"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "po-audit.h"
#include "po-audit-model.h"
#include "po-audit-page.h"
#include "po-util.h"
#include "po-audit-row.h"
#include "po-error.h"

struct _PoAuditPage
{
  PoPage              parent_instance;

  PoAuditModel       *model;
  GtkSingleSelection *selection;
  GCancellable       *verify_cancellable;
  guint               columns_idle_id;
  guint               load_error_idle_id;
  guint               restoring_selection : 1;
  guint               status_is_load_error : 1;

  /* Template widgets */
  GtkStack           *content_stack;
  AdwFlap            *flap;
  GtkScrolledWindow  *log_scroll;
  GtkColumnView      *column_view;
  GtkLabel           *details_title;
  GtkLabel           *details_subtitle;
  GtkWidget          *details_box;
  GtkTextView        *before_view;
  GtkTextView        *after_view;
  GtkRevealer        *status_revealer;
  GtkSpinner         *verify_spinner;
  GtkImage           *verify_icon;
  GtkLabel           *verify_label;
};

G_DEFINE_FINAL_TYPE (PoAuditPage, po_audit_page, PO_TYPE_PAGE)

enum {
  PROP_0,
  PROP_NEWEST_FIRST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns, each showing one property of PoAuditRow. The table
 * column takes the room left and ellipsizes; when the list is narrow the
 * record number, then the actor, are dropped, rather than leaving two
 * columns and a scroll bar. */
static const struct
{
  const char *title;
  const char *property;
  gboolean    numeric;
  gboolean    expand;
  int         width;        /* -1: as wide as the text, shrinking */
  int         min_list;     /* shown only when the list is this wide, or 0 */
} columns[] = {
  { N_("No."),        "seq",             TRUE,  FALSE,  64,   0 },
  { N_("Time"),       "time",            FALSE, FALSE, 140,   0 },
  { N_("Actor"),      "actor",           FALSE, FALSE, 100, 500 },
  { N_("Table"),      "table-label",     FALSE, TRUE,   -1,   0 },
  /* Translators: the number of a record (a row) in its table */
  { N_("Record No."), "row-id",          TRUE,  FALSE,  80, 580 },
  { N_("Operation"),  "operation-label", FALSE, FALSE,  90,   0 },
};


static void
set_json (GtkTextView *view,
          const char  *json,
          const char  *absent)
{
  g_autofree char *text = po_json_indent (json);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : absent, -1);
  if (text != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (view), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (view), "dim-label");
}

static void
show_row (PoAuditPage *self,
          PoAuditRow  *row)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *seq = NULL;
  g_autofree char *row_id = NULL;

  if (row == NULL)
    {
      gtk_label_set_label (self->details_title, _("No Entry Selected"));
      gtk_label_set_label (self->details_subtitle,
                           _("Select an entry to see the record before and after the change."));
      gtk_widget_set_visible (self->details_box, FALSE);
      return;
    }

  seq = g_strdup_printf ("%" G_GINT64_FORMAT, po_audit_row_get_seq (row));
  /* Translators: %s is the number of an entry of the audit log */
  title = g_strdup_printf (_("Entry %s"), seq);
  gtk_label_set_label (self->details_title, title);

  if (po_audit_row_get_missing (row))
    {
      gtk_label_set_label (self->details_subtitle,
                           _("The log has no entry with this number. Verify the log to find out what was removed."));
      gtk_widget_set_visible (self->details_box, FALSE);
      return;
    }

  if (po_audit_row_get_unread (row))
    {
      gtk_label_set_label (self->details_subtitle,
                           _("This entry could not be read. Reload the page to try again."));
      gtk_widget_set_visible (self->details_box, FALSE);
      return;
    }

  row_id = g_strdup_printf ("%" G_GINT64_FORMAT, po_audit_row_get_row_id (row));
  /* Translators: who did what, where and when, e.g. "Changed by wang in
   * Power items, row 12, at 2024-05-06 09:30:00". The arguments are, in
   * order: 1 the operation (Created, Changed or Deleted), 2 the actor's
   * name, 3 the table (Power items…), 4 the number of the record in its
   * table, 5 the date and time. Reorder them with %1$s…%5$s, e.g.
   * "%2$s 于 %5$s 在“%3$s”中%1$s了第 %4$s 条记录". */
  subtitle = g_strdup_printf (_("%s by %s in %s, row %s, at %s"),
                              po_audit_operation_label (po_audit_row_get_operation (row)),
                              po_audit_row_get_actor (row),
                              po_audit_table_label (po_audit_row_get_table (row)),
                              row_id,
                              po_audit_row_get_time (row));
  gtk_label_set_label (self->details_subtitle, subtitle);

  set_json (self->before_view, po_audit_row_get_before (row), _("The record did not exist before: it was created."));
  set_json (self->after_view, po_audit_row_get_after (row), _("The record no longer exists: it was deleted."));
  gtk_widget_set_visible (self->details_box, TRUE);
}

static void
on_selected_item_cb (PoAuditPage        *self,
                     GParamSpec         *pspec,
                     GtkSingleSelection *selection)
{
  PoAuditRow *row = gtk_single_selection_get_selected_item (selection);

  show_row (self, row);

  /* In a narrow window the details are hidden over the list: picking an
   * entry is asking to see them. */
  if (row != NULL && !self->restoring_selection && adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* A change of the whole list (turned around, or read again) is one
 * items-changed of everything, and GtkSingleSelection would look for the
 * selected row through every item, which reads the whole log. So the
 * selection is dropped around such a change and found again by number. */
static gint64
forget_selection (PoAuditPage *self)
{
  PoAuditRow *row = gtk_single_selection_get_selected_item (self->selection);
  gint64 seq = row ? po_audit_row_get_seq (row) : 0;

  self->restoring_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->restoring_selection = FALSE;
  return seq;
}

static void
restore_selection (PoAuditPage *self,
                   gint64       seq)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint position;

  if (seq <= 0 || seq > n)
    return;

  position = po_audit_model_get_newest_first (self->model) ? n - (guint) seq : (guint) seq - 1;
  self->restoring_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->restoring_selection = FALSE;
}

static void
set_newest_first (PoAuditPage *self,
                  gboolean     newest_first)
{
  gint64 seq;

  if (po_audit_model_get_newest_first (self->model) == !!newest_first)
    return;

  seq = forget_selection (self);
  po_audit_model_set_newest_first (self->model, newest_first);
  restore_selection (self, seq);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEWEST_FIRST]);
}

static void
close_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PoAuditPage *self = PO_AUDIT_PAGE (widget);

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* Columns */

static void
on_setup_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "numeric"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
on_bind_cell_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  const char *property = user_data;
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;
  gboolean missing = po_audit_row_get_missing (PO_AUDIT_ROW (item));
  gboolean unread = po_audit_row_get_unread (PO_AUDIT_ROW (item));

  /* A row standing for an entry not in the log, or not read, has only
   * its number and what became of it. */
  if ((missing || unread) &&
      !g_str_equal (property, "seq") && !g_str_equal (property, "operation-label"))
    {
      gtk_label_set_label (GTK_LABEL (label), "");
    }
  else
    {
      g_object_get_property (item, property, &value);
      g_value_init (&text, G_TYPE_STRING);
      g_value_transform (&value, &text);
      gtk_label_set_label (GTK_LABEL (label), g_value_get_string (&text));
    }

  /* Missing is a finding about the log; unread is only a failed read. */
  if (missing)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  if (unread)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
add_columns (PoAuditPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (columns[i].numeric));
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cell_cb), (gpointer) columns[i].property);

      column = gtk_column_view_column_new (_(columns[i].title), g_steal_pointer (&factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->column_view, column);
      g_object_set_data (G_OBJECT (column), "po-column", GUINT_TO_POINTER (i));
    }
}

static gboolean
update_columns_cb (gpointer user_data)
{
  PoAuditPage *self = user_data;
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->log_scroll);
  double width = gtk_adjustment_get_page_size (hadjustment);
  GListModel *columns_model = gtk_column_view_get_columns (self->column_view);

  self->columns_idle_id = 0;

  /* Not allocated yet: keep every column. */
  if (width <= 0)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < g_list_model_get_n_items (columns_model); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns_model, i);
      guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "po-column"));
      gboolean visible = width >= columns[c].min_list;

      if (gtk_column_view_column_get_visible (column) == visible)
        continue;

      /* GTK 4.8 still counts a hidden column's fixed width in the list's
       * minimum, which leaves the expanding column nothing: zero it. */
      gtk_column_view_column_set_fixed_width (column, visible ? columns[c].width : 0);
      gtk_column_view_column_set_visible (column, visible);
    }

  return G_SOURCE_REMOVE;
}

/* The list's width is known while it is allocated, and changing columns
 * then would resize it in the middle of that: look after the frame. */
static void
on_log_scroll_changed_cb (PoAuditPage   *self,
                          GtkAdjustment *hadjustment)
{
  if (self->columns_idle_id == 0)
    self->columns_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_columns_cb, self, NULL);
}

/* Reading */

static void
po_audit_page_reload (PoPage *page)
{
  PoAuditPage *self = PO_AUDIT_PAGE (page);
  g_autoptr(GError) error = NULL;
  gint64 seq;
  gboolean ok;

  /* Rows read again, or a log that shrank, change the whole list. */
  seq = forget_selection (self);
  ok = po_audit_model_reload (self->model, &error);
  restore_selection (self, seq);

  if (!ok)
    {
      po_page_show_toast (page, error->message);
      return;
    }

  /* Whether the entries read this time read well shows on the status
   * line again when they are drawn. */
  if (self->status_is_load_error)
    {
      self->status_is_load_error = FALSE;
      gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
    }

  gtk_stack_set_visible_child_name (self->content_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0 ? "log" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.verify",
                                 self->verify_cancellable == NULL);
}

static void
po_audit_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (po_audit_page_parent_class)->map (widget);

  /* Every change elsewhere adds entries: count again when shown. */
  po_page_reload (PO_PAGE (widget));
}

/* Verifying */

/* The task has no source object and holds nothing of the page: a task
 * run in a thread may drop its last reference on the worker thread, and
 * the page must not be finalized there. The page's reference travels as
 * the callback's data and is dropped on the main thread. */

typedef struct
{
  char   *path;
  gint64  n_entries;
} VerifyData;

static void
verify_data_free (VerifyData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
verify_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyData *data = task_data;
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!(db = po_database_open (data->path, &error)) ||
      !po_audit_verify (db, &data->n_entries, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* @callback gets @self, with a reference it must drop, as its data. */
static void
verify_async (PoAuditPage         *self,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;
  VerifyData *data = g_new0 (VerifyData, 1);

  data->path = g_strdup (po_database_get_path (po_page_get_database (PO_PAGE (self))));

  task = g_task_new (NULL, cancellable, callback, g_object_ref (self));
  g_task_set_source_tag (task, verify_async);
  g_task_set_task_data (task, data, (GDestroyNotify) verify_data_free);
  g_task_run_in_thread (task, verify_worker);
}

static gboolean
verify_finish (GAsyncResult  *result,
               gint64        *n_entries,
               GError       **error)
{
  VerifyData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == verify_async, FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_entries != NULL)
    *n_entries = data->n_entries;
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
set_status (PoAuditPage *self,
            const char  *icon_name,
            const char  *style,
            const char  *text)
{
  const char *styles[] = { "success", "error", "dim-label" };

  gtk_widget_set_visible (GTK_WIDGET (self->verify_spinner), icon_name == NULL);
  gtk_spinner_set_spinning (self->verify_spinner, icon_name == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->verify_icon), icon_name != NULL);
  gtk_image_set_from_icon_name (self->verify_icon, icon_name);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->verify_icon), styles[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (self->verify_label), styles[i]);
    }
  if (style != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->verify_icon), style);
      gtk_widget_add_css_class (GTK_WIDGET (self->verify_label), style);
    }

  gtk_label_set_label (self->verify_label, text);
  gtk_revealer_set_reveal_child (self->status_revealer, TRUE);
  self->status_is_load_error = FALSE;
}

/* A sentence of the core, to be followed by more words. */
static char *
dup_reason (const GError *error)
{
  char *reason = g_strdup (error->message);

  g_strchomp (reason);
  if (g_str_has_suffix (reason, "."))
    reason[strlen (reason) - 1] = '\0';
  return reason;
}

static void
on_verified_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PoAuditPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 n_entries = 0;
  gboolean ok;

  ok = verify_finish (result, &n_entries, &error);

  /* The page cancels on dispose, and its widgets are gone by then. */
  if (self->verify_cancellable == NULL)
    return;

  g_clear_object (&self->verify_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.verify", TRUE);

  if (ok)
    {
      g_autofree char *count = g_strdup_printf ("%'" G_GINT64_FORMAT, n_entries);

      /* Translators: %s is a number of entries, e.g. 12,345 */
      text = g_strdup_printf (ngettext ("The audit log is intact: %s entry verified.",
                                        "The audit log is intact: %s entries verified.",
                                        (gulong) MIN (n_entries, G_MAXLONG)),
                              count);
      set_status (self, "emblem-ok-symbolic", "success", text);
      /* The status line says it; a toast tells those who went elsewhere. */
      if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
        po_page_show_toast (PO_PAGE (self), text);
    }
  else
    {
      g_autofree char *reason = dup_reason (error);

      /* The core's sentence says what is wrong: an entry of the log, or a
       * record changed behind the application's back while the log is
       * intact. So the words around it blame neither. */
      if (g_error_matches (error, PO_ERROR, PO_ERROR_TAMPERED))
        /* Translators: %s says which entry or record is wrong, e.g.
         * "audit entry 12: Power items row 3 differs from what the log recorded" */
        text = g_strdup_printf (_("Verification found a problem: %s."), reason);
      else
        /* Translators: %s says what went wrong */
        text = g_strdup_printf (_("The audit log could not be verified: %s."), reason);
      set_status (self, "dialog-warning-symbolic", "error", text);
      if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
        po_page_show_toast (PO_PAGE (self),
                            g_error_matches (error, PO_ERROR, PO_ERROR_TAMPERED)
                            ? _("Verification of the audit log found a problem.")
                            : _("The audit log could not be verified."));
    }
}

/* Reading failed */

static gboolean
show_load_error_cb (gpointer user_data)
{
  PoAuditPage *self = user_data;
  const GError *error = po_audit_model_get_load_error (self->model);
  g_autofree char *reason = NULL;
  g_autofree char *text = NULL;

  self->load_error_idle_id = 0;

  /* A verification under way or its finding says more. */
  if (error == NULL || self->verify_cancellable != NULL)
    return G_SOURCE_REMOVE;

  reason = dup_reason (error);
  /* Translators: %s is a sentence saying why entries of the audit log
   * could not be read, e.g. "Could not read the audit log: database is locked" */
  text = g_strdup_printf (_("%s. Some entries could not be read; reload the page to try again."), reason);
  set_status (self, "dialog-warning-symbolic", "error", text);
  self->status_is_load_error = TRUE;
  return G_SOURCE_REMOVE;
}

/* The model reads while the list is drawn; the status line changes after
 * that. */
static void
on_load_error_cb (PoAuditPage  *self,
                  GParamSpec   *pspec,
                  PoAuditModel *model)
{
  if (po_audit_model_get_load_error (model) != NULL && self->load_error_idle_id == 0)
    self->load_error_idle_id = g_idle_add (show_load_error_cb, self);
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PoAuditPage *self = PO_AUDIT_PAGE (widget);

  if (self->verify_cancellable != NULL)
    return;

  self->verify_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (widget, "page.verify", FALSE);
  set_status (self, NULL, "dim-label", _("Verifying the audit log…"));
  verify_async (self, self->verify_cancellable, on_verified_cb);
}

static void
po_audit_page_constructed (GObject *object)
{
  PoAuditPage *self = (PoAuditPage *)object;

  G_OBJECT_CLASS (po_audit_page_parent_class)->constructed (object);

  self->model = po_audit_model_new (po_page_get_database (PO_PAGE (self)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->model, "notify::load-error",
                           G_CALLBACK (on_load_error_cb), self,
                           G_CONNECT_SWAPPED);

  add_columns (self);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->log_scroll), "changed",
                           G_CALLBACK (on_log_scroll_changed_cb), self,
                           G_CONNECT_SWAPPED);
  show_row (self, NULL);
}

static void
po_audit_page_dispose (GObject *object)
{
  PoAuditPage *self = (PoAuditPage *)object;

  g_cancellable_cancel (self->verify_cancellable);
  g_clear_object (&self->verify_cancellable);
  g_clear_handle_id (&self->columns_idle_id, g_source_remove);
  g_clear_handle_id (&self->load_error_idle_id, g_source_remove);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  G_OBJECT_CLASS (po_audit_page_parent_class)->dispose (object);

  self->column_view = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
}

static void
po_audit_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PoAuditPage *self = PO_AUDIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_NEWEST_FIRST:
      g_value_set_boolean (value, self->model == NULL || po_audit_model_get_newest_first (self->model));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_audit_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PoAuditPage *self = PO_AUDIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_NEWEST_FIRST:
      if (self->model != NULL)
        set_newest_first (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_audit_page_class_init (PoAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PoPageClass *page_class = PO_PAGE_CLASS (klass);

  object_class->constructed = po_audit_page_constructed;
  object_class->dispose = po_audit_page_dispose;
  object_class->get_property = po_audit_page_get_property;
  object_class->set_property = po_audit_page_set_property;

  widget_class->map = po_audit_page_map;

  page_class->reload = po_audit_page_reload;

  /**
   * PoAuditPage:newest-first:
   *
   * Whether the newest entry is listed first (the default) or the oldest.
   */
  properties[PROP_NEWEST_FIRST] =
    g_param_spec_boolean ("newest-first", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/poweroversight/PowerOversight/po-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoAuditPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PoAuditPage, flap);
  gtk_widget_class_bind_template_child (widget_class, PoAuditPage, log_scroll);
  gtk_widget_class_bind_template_child (widget_class, PoAuditPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PoAuditPage, details_title);
  gtk_widget_class_bind_template_child (widget_class, PoAuditPage, details_subtitle);
  gtk_widget_class_bind_template_child (widget_class, PoAuditPage, details_box);
  gtk_widget_class_bind_template_child (widget_class, PoAuditPage, before_view);
  gtk_widget_class_bind_template_child (widget_class, PoAuditPage, after_view);
  gtk_widget_class_bind_template_child (widget_class, PoAuditPage, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, PoAuditPage, verify_spinner);
  gtk_widget_class_bind_template_child (widget_class, PoAuditPage, verify_icon);
  gtk_widget_class_bind_template_child (widget_class, PoAuditPage, verify_label);

  gtk_widget_class_install_action (widget_class, "page.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "page.close-details", NULL, close_details_action);
  gtk_widget_class_install_property_action (widget_class, "page.newest-first", "newest-first");
}

static void
po_audit_page_init (PoAuditPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * po_audit_page_new:
 * @database: the main thread's connection
 *
 * Returns: (transfer floating): a new audit log page
 */
GtkWidget *
po_audit_page_new (PoDatabase *database)
{
  g_return_val_if_fail (PO_IS_DATABASE (database), NULL);

  return g_object_new (PO_TYPE_AUDIT_PAGE,
                       "database", database,
                       "title", _("Audit Log"),
                       "icon-name", "document-open-recent-symbolic",
                       NULL);
}

/**
 * po_audit_page_get_model:
 *
 * Returns: (transfer none): the entries of the log, #PoAuditRow items
 */
GListModel *
po_audit_page_get_model (PoAuditPage *self)
{
  g_return_val_if_fail (PO_IS_AUDIT_PAGE (self), NULL);

  return G_LIST_MODEL (self->model);
}
