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
 * Entries are numbered from 1 without gaps, so item i is entry i + 1; a
 * gap (which po_audit_verify() reports as tampering) shows as a row
 * marked missing. Reads use the main thread's connection: a page is one
 * indexed range query. */

#define PAGE_SIZE 200
#define MAX_CACHED_PAGES 16

struct _PoAuditModel
{
  GObject     parent_instance;

  PoDatabase *database;
  guint       n_items;
  GHashTable *pages;   /* page number → GPtrArray of PoAuditRow */
  GQueue      recent;  /* page numbers, the one used last first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PoAuditModel, po_audit_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

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
    g_warning ("Could not read the audit log from entry %" G_GINT64_FORMAT ": %s",
               first_seq, error->message);

  for (guint i = 0; i < entries->len; i++)
    {
      PoAuditEntry *entry = &g_array_index (entries, PoAuditEntry, i);
      gint64 offset = entry->seq - first_seq;

      if (offset >= 0 && offset < n && g_ptr_array_index (rows, offset) == NULL)
        g_ptr_array_index (rows, offset) = po_audit_row_new_take (entry);
    }

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
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

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

  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
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
  g_clear_object (&self->database);

  G_OBJECT_CLASS (po_audit_model_parent_class)->finalize (object);
}

static void
po_audit_model_class_init (PoAuditModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = po_audit_model_finalize;
}

static void
po_audit_model_init (PoAuditModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
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
 * Counts the entries again. The log only grows, so the entries already
 * listed stay and new ones are added at the end.
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

  g_return_val_if_fail (PO_IS_AUDIT_MODEL (self), FALSE);

  count = po_audit_count (self->database, error);
  if (count < 0)
    return FALSE;

  old_n = self->n_items;
  new_n = (guint) CLAMP (count, 0, G_MAXUINT);

  /* The last page read may have been partial. */
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  self->n_items = new_n;

  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);

  return TRUE;
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
