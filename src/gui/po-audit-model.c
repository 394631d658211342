/* po-audit-model.c: the audit log as a list that reads rows when shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-audit-model"

#include "config.h"

#include "po-audit.h"
#include "po-audit-model.h"
#include "po-audit-row.h"

/* A log of a million entries must not become a million objects: the
 * model knows only how many entries there are, and reads them a page at
 * a time when a view asks for one, keeping the few pages used last.
 * Entries are numbered from 1 without gaps, so the item at a position is
 * the entry counted from the newest (or the oldest) end; pages are keyed
 * by entry number and serve either order. A gap (which po_audit_verify()
 * reports as tampering) shows as a row marked missing.
 *
 * Reading can fail too (the database is busy, the disk fails). That says
 * nothing about the log, so the rows of such a page are marked unread, not
 * missing, and the model keeps the error for the page to show; the page
 * stays as it is until po_audit_model_reload() tries again, so a failing
 * disk is not asked once for each row drawn.
 *
 * Reads use the main thread's connection: a page is one indexed range
 * query. */

#define PAGE_SIZE 200
#define MAX_CACHED_PAGES 16

struct _PoAuditModel
{
  GObject     parent_instance;

  PoDatabase *database;
  guint       n_items;
  GHashTable *pages;   /* page number → GPtrArray of PoAuditRow */
  GQueue      recent;  /* page numbers, the one used last first */
  GError     *load_error;
  guint       newest_first : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PoAuditModel, po_audit_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_NEWEST_FIRST,
  PROP_LOAD_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
po_audit_model_get_item_type (GListModel *model)
{
  return PO_TYPE_AUDIT_ROW;
}

static guint
po_audit_model_get_n_items (GListModel *model)
{
  return PO_AUDIT_MODEL (model)->n_items;
}

static void
set_load_error (PoAuditModel *self,
                GError       *error)
{
  if (self->load_error == NULL && error == NULL)
    return;

  g_clear_error (&self->load_error);
  self->load_error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
}

static GPtrArray *
read_page (PoAuditModel *self,
           guint         page)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (PoAuditEntry));
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;
  gint64 first_seq = (gint64) page * PAGE_SIZE + 1;
  guint n = MIN (PAGE_SIZE, self->n_items - page * PAGE_SIZE);

  g_array_set_clear_func (entries, (GDestroyNotify) po_audit_entry_clear);

  rows = g_ptr_array_new_full (n, g_object_unref);
  g_ptr_array_set_size (rows, n);

  if (!po_audit_read (self->database, first_seq, n, entries, &error))
    {
      g_debug ("Could not read the audit log from entry %" G_GINT64_FORMAT ": %s",
               first_seq, error->message);
      for (guint i = 0; i < n; i++)
        g_ptr_array_index (rows, i) = po_audit_row_new_unread (first_seq + i);
      set_load_error (self, g_steal_pointer (&error));
      return rows;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      PoAuditEntry *entry = &g_array_index (entries, PoAuditEntry, i);
      gint64 offset = entry->seq - first_seq;

      if (offset >= 0 && offset < n && g_ptr_array_index (rows, offset) == NULL)
        g_ptr_array_index (rows, offset) = po_audit_row_new_take (entry);
    }

  /* The read succeeded, so what it did not return is not in the log. */
  for (guint i = 0; i < n; i++)
    if (g_ptr_array_index (rows, i) == NULL)
      g_ptr_array_index (rows, i) = po_audit_row_new_missing (first_seq + i);

  return rows;
}

static gpointer
po_audit_model_get_item (GListModel *model,
                         guint       position)
{
  PoAuditModel *self = PO_AUDIT_MODEL (model);
  guint index;
  guint page;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  /* Entry numbers start at 1: the entry at @position is number
   * n_items - position from the newest end, position + 1 from the oldest. */
  index = self->newest_first ? self->n_items - 1 - position : position;
  page = index / PAGE_SIZE;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows != NULL)
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
    }
  else
    {
      rows = read_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);

      while (g_queue_get_length (&self->recent) >= MAX_CACHED_PAGES)
        g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));
    }
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));

  return g_object_ref (g_ptr_array_index (rows, index % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = po_audit_model_get_item_type;
  iface->get_n_items = po_audit_model_get_n_items;
  iface->get_item = po_audit_model_get_item;
}

static void
po_audit_model_finalize (GObject *object)
{
  PoAuditModel *self = (PoAuditModel *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->recent);
  g_clear_error (&self->load_error);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (po_audit_model_parent_class)->finalize (object);
}

static void
po_audit_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PoAuditModel *self = PO_AUDIT_MODEL (object);

  switch (prop_id)
    {
    case PROP_NEWEST_FIRST:
      g_value_set_boolean (value, self->newest_first);
      break;

    case PROP_LOAD_ERROR:
      g_value_set_boxed (value, self->load_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_audit_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PoAuditModel *self = PO_AUDIT_MODEL (object);

  switch (prop_id)
    {
    case PROP_NEWEST_FIRST:
      po_audit_model_set_newest_first (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_audit_model_class_init (PoAuditModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = po_audit_model_finalize;
  object_class->get_property = po_audit_model_get_property;
  object_class->set_property = po_audit_model_set_property;

  /**
   * PoAuditModel:newest-first:
   *
   * Whether the newest entry comes first, as an analyst reads the log.
   */
  properties[PROP_NEWEST_FIRST] =
    g_param_spec_boolean ("newest-first", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PoAuditModel:load-error:
   *
   * Why entries could not be read, or %NULL. Rows of such entries are
   * marked unread until the next po_audit_model_reload().
   */
  properties[PROP_LOAD_ERROR] =
    g_param_spec_boxed ("load-error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
po_audit_model_init (PoAuditModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
  self->newest_first = TRUE;
}

/**
 * po_audit_model_new:
 * @database: a connection used on the main thread only
 *
 * The model is empty until po_audit_model_reload().
 *
 * Returns: (transfer full): a new model of #PoAuditRow items
 */
PoAuditModel *
po_audit_model_new (PoDatabase *database)
{
  PoAuditModel *self;

  g_return_val_if_fail (PO_IS_DATABASE (database), NULL);

  self = g_object_new (PO_TYPE_AUDIT_MODEL, NULL);
  self->database = g_object_ref (database);
  return self;
}

/**
 * po_audit_model_reload:
 *
 * Counts the entries again and forgets the pages read, so entries that
 * could not be read are tried again. The log only grows: the entries
 * already listed stay, and new ones are added at the newest end.
 *
 * Returns: %TRUE on success, or %FALSE with @error set
 */
gboolean
po_audit_model_reload (PoAuditModel  *self,
                       GError       **error)
{
  gint64 count;
  guint old_n;
  guint new_n;
  gboolean had_error;

  g_return_val_if_fail (PO_IS_AUDIT_MODEL (self), FALSE);

  count = po_audit_count (self->database, error);
  if (count < 0)
    return FALSE;

  old_n = self->n_items;
  new_n = (guint) CLAMP (count, 0, G_MAXUINT);
  had_error = self->load_error != NULL;

  /* The last page read may have been partial. */
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  self->n_items = new_n;
  set_load_error (self, NULL);

  if (had_error || new_n < old_n)
    /* Rows shown as unread may read now: show them all again. */
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self),
                                self->newest_first ? 0 : old_n,
                                0, new_n - old_n);

  return TRUE;
}

/**
 * po_audit_model_get_newest_first:
 *
 * Returns: whether the newest entry is the first item
 */
gboolean
po_audit_model_get_newest_first (PoAuditModel *self)
{
  g_return_val_if_fail (PO_IS_AUDIT_MODEL (self), FALSE);

  return self->newest_first;
}

/**
 * po_audit_model_set_newest_first:
 * @newest_first: whether the newest entry comes first
 *
 * Turns the list around; the pages already read stay.
 */
void
po_audit_model_set_newest_first (PoAuditModel *self,
                                 gboolean      newest_first)
{
  g_return_if_fail (PO_IS_AUDIT_MODEL (self));

  newest_first = !!newest_first;
  if (self->newest_first == newest_first)
    return;

  self->newest_first = newest_first;
  if (self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->n_items, self->n_items);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEWEST_FIRST]);
}

/**
 * po_audit_model_get_load_error:
 *
 * Returns: (transfer none) (nullable): why entries could not be read
 *   since the last reload, or %NULL when every entry read was read
 */
const GError *
po_audit_model_get_load_error (PoAuditModel *self)
{
  g_return_val_if_fail (PO_IS_AUDIT_MODEL (self), NULL);

  return self->load_error;
}

/**
 * po_audit_model_get_n_cached:
 *
 * Returns: how many rows are held in memory, for tests
 */
guint
po_audit_model_get_n_cached (PoAuditModel *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (PO_IS_AUDIT_MODEL (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((GPtrArray *) value)->len;
  return n;
}
