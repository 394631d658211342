/* po-catalogue.c: the whole catalogue in memory, filtered and searched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People search the catalogue by one or two Chinese characters (许可,
 * 处罚, 罚款). FTS5's trigram tokenizer finds nothing under three
 * characters and unicode61 does not split Chinese, so the catalogue is
 * held in memory, each item's searchable text in one string, and a query
 * is a substring scan: 100,000 items are a few megabytes and a scan of
 * them takes milliseconds, on a worker thread. The catalogue is immutable
 * once loaded; a change loads a new one.
 */
#define G_LOG_DOMAIN "po-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "po-catalogue.h"
#include "po-domain.h"

struct _PoCatalogue
{
  gatomicrefcount   ref_count;
  GArray           *entries;     /* PoCatalogueEntry */
  GPtrArray        *haystacks;   /* per entry: code, name and basis, ASCII folded */
  GStringChunk     *strings;
  GMutex            keys_lock;
  char            **name_keys;   /* collation keys, made on the first sort by name */
  char            **department_keys;
};

PoCatalogue *
po_catalogue_ref (PoCatalogue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
free_keys (char **keys,
           guint  n)
{
  if (keys == NULL)
    return;
  for (guint i = 0; i < n; i++)
    g_free (keys[i]);
  g_free (keys);
}

void
po_catalogue_unref (PoCatalogue *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  free_keys (self->name_keys, self->entries->len);
  free_keys (self->department_keys, self->entries->len);
  g_array_unref (self->entries);
  g_ptr_array_unref (self->haystacks);
  g_string_chunk_free (self->strings);
  g_mutex_clear (&self->keys_lock);
  g_free (self);
}

/**
 * po_catalogue_load:
 *
 * Reads every item once; meant for a worker thread.
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set
 */
PoCatalogue *
po_catalogue_load (PoDatabase    *db,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(PoCatalogue) self = g_new0 (PoCatalogue, 1);
  g_autoptr(GString) hay = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->keys_lock);
  self->entries = g_array_new (FALSE, TRUE, sizeof (PoCatalogueEntry));
  self->haystacks = g_ptr_array_new ();
  self->strings = g_string_chunk_new (1 << 20);

  stmt = po_database_prepare (db,
                              "SELECT i.id, i.department_id, i.code, i.name, i.type, i.status, d.name, "
                              "  trim (i.basis_law || ' ' || i.basis_article || ' ' || i.basis_text), "
                              "  coalesce (i.statutory_limit, 0), coalesce (i.committed_limit, 0) "
                              "FROM power_items i JOIN departments d ON d.id = i.department_id ORDER BY i.code",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoCatalogueEntry e;
      char *folded;

      e.id = sqlite3_column_int64 (stmt, 0);
      e.department_id = sqlite3_column_int64 (stmt, 1);
      e.code = g_string_chunk_insert (self->strings, (const char *) sqlite3_column_text (stmt, 2));
      e.name = g_string_chunk_insert (self->strings, (const char *) sqlite3_column_text (stmt, 3));
      e.type = g_string_chunk_insert_const (self->strings, (const char *) sqlite3_column_text (stmt, 4));
      e.status = g_string_chunk_insert_const (self->strings, (const char *) sqlite3_column_text (stmt, 5));
      e.department = g_string_chunk_insert_const (self->strings, (const char *) sqlite3_column_text (stmt, 6));
      e.basis = g_string_chunk_insert (self->strings, (const char *) sqlite3_column_text (stmt, 7));
      e.statutory_limit = sqlite3_column_int (stmt, 8);
      e.committed_limit = sqlite3_column_int (stmt, 9);
      g_array_append_val (self->entries, e);

      g_string_truncate (hay, 0);
      g_string_append (hay, e.code);
      g_string_append_c (hay, '\n');
      g_string_append (hay, e.name);
      g_string_append_c (hay, '\n');
      g_string_append (hay, e.basis);
      folded = g_string_chunk_insert_len (self->strings, hay->str, (gssize) hay->len);
      for (char *p = folded; *p; p++)
        *p = g_ascii_tolower (*p);
      g_ptr_array_add (self->haystacks, folded);

      if ((self->entries->len & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the catalogue")), NULL;
  return g_steal_pointer (&self);
}

guint
po_catalogue_get_n_entries (PoCatalogue *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

const PoCatalogueEntry *
po_catalogue_get_entry (PoCatalogue *self,
                        guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return &g_array_index (self->entries, PoCatalogueEntry, index);
}

static void
ensure_keys (PoCatalogue *self)
{
  g_mutex_lock (&self->keys_lock);
  if (self->name_keys == NULL)
    {
      guint n = self->entries->len;
      char **names = g_new (char *, n);
      char **departments = g_new (char *, n);

      for (guint i = 0; i < n; i++)
        {
          const PoCatalogueEntry *e = &g_array_index (self->entries, PoCatalogueEntry, i);
          names[i] = g_utf8_collate_key (e->name, -1);
          departments[i] = g_utf8_collate_key (e->department, -1);
        }
      self->department_keys = departments;
      self->name_keys = names;
    }
  g_mutex_unlock (&self->keys_lock);
}

typedef struct
{
  PoCatalogue     *self;
  PoCatalogueSort  sort;
  int              sign;
} SortContext;

static int
compare_int (int a,
             int b)
{
  return (a > b) - (a < b);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  SortContext *ctx = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  const PoCatalogueEntry *ea = &g_array_index (ctx->self->entries, PoCatalogueEntry, ia);
  const PoCatalogueEntry *eb = &g_array_index (ctx->self->entries, PoCatalogueEntry, ib);
  int c = 0;

  switch (ctx->sort)
    {
    case PO_CATALOGUE_SORT_NAME:
      c = strcmp (ctx->self->name_keys[ia], ctx->self->name_keys[ib]);
      break;
    case PO_CATALOGUE_SORT_DEPARTMENT:
      c = strcmp (ctx->self->department_keys[ia], ctx->self->department_keys[ib]);
      break;
    case PO_CATALOGUE_SORT_TYPE:
      c = strcmp (ea->type, eb->type);
      break;
    case PO_CATALOGUE_SORT_STATUS:
      c = strcmp (ea->status, eb->status);
      break;
    case PO_CATALOGUE_SORT_STATUTORY:
      c = compare_int (ea->statutory_limit, eb->statutory_limit);
      break;
    case PO_CATALOGUE_SORT_COMMITTED:
      c = compare_int (ea->committed_limit, eb->committed_limit);
      break;
    case PO_CATALOGUE_SORT_CODE:
    default:
      break;
    }
  if (c == 0)
    c = compare_int ((int) ia, (int) ib);   /* loaded in code order: a stable tie-break */
  return c * ctx->sign;
}

/**
 * po_catalogue_search:
 *
 * Filters and sorts the catalogue; safe to call from any thread.
 *
 * Returns: (transfer full) (element-type guint): the indexes of the
 *   matching entries in the order asked for, or %NULL when cancelled
 */
GArray *
po_catalogue_search (PoCatalogue            *self,
                     const PoCatalogueQuery *query,
                     GCancellable           *cancellable)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) words = NULL;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (query->text != NULL)
    {
      g_autofree char *folded = g_ascii_strdown (query->text, -1);
      g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
      g_auto(GStrv) parts = g_regex_split_simple ("[\\s\\x{3000}]+", folded, 0, 0);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_ptr_array_add (kept, g_strdup (parts[i]));
      g_ptr_array_add (kept, NULL);
      words = (char **) g_ptr_array_free (g_steal_pointer (&kept), FALSE);
    }

  n = self->entries->len;
  for (guint i = 0; i < n; i++)
    {
      const PoCatalogueEntry *e = &g_array_index (self->entries, PoCatalogueEntry, i);
      const char *hay = g_ptr_array_index (self->haystacks, i);
      gboolean match = TRUE;

      if ((i & 0x3fff) == 0 && g_cancellable_is_cancelled (cancellable))
        return NULL;
      if ((query->type && strcmp (query->type, e->type) != 0) ||
          (query->status && strcmp (query->status, e->status) != 0) ||
          (query->department_id > 0 && query->department_id != e->department_id))
        continue;
      for (guint w = 0; words != NULL && words[w] != NULL && match; w++)
        match = strstr (hay, words[w]) != NULL;
      if (match)
        g_array_append_val (out, i);
    }

  if (query->sort != PO_CATALOGUE_SORT_CODE || query->descending)
    {
      SortContext ctx = { self, query->sort, query->descending ? -1 : 1 };

      if (query->sort == PO_CATALOGUE_SORT_NAME || query->sort == PO_CATALOGUE_SORT_DEPARTMENT)
        ensure_keys (self);
      if (g_cancellable_is_cancelled (cancellable))
        return NULL;
      g_array_sort_with_data (out, compare_entries, &ctx);
    }
  return g_steal_pointer (&out);
}
