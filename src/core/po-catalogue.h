/* po-catalogue.h: the whole catalogue in memory, filtered and searched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-database.h"

G_BEGIN_DECLS

/**
 * PoCatalogueEntry:
 *
 * One item as the catalogue list shows it. Strings belong to the
 * catalogue and live as long as it does.
 */
typedef struct
{
  gint64      id;
  gint64      department_id;
  const char *code;
  const char *name;
  const char *type;          /* a key of po_item_types() */
  const char *status;        /* a key of po_item_statuses() */
  const char *department;
  const char *basis;         /* law and article */
  int         statutory_limit;
  int         committed_limit;
} PoCatalogueEntry;

typedef enum
{
  PO_CATALOGUE_SORT_CODE,
  PO_CATALOGUE_SORT_NAME,
  PO_CATALOGUE_SORT_TYPE,
  PO_CATALOGUE_SORT_DEPARTMENT,
  PO_CATALOGUE_SORT_STATUS,
  PO_CATALOGUE_SORT_STATUTORY,
  PO_CATALOGUE_SORT_COMMITTED,
} PoCatalogueSort;

/**
 * PoCatalogueQuery:
 * @text: (nullable): words that must all occur in the code, name or
 *   legal basis, as substrings: one Chinese character is enough
 * @type: (nullable): only this type
 * @status: (nullable): only this status
 * @department_id: only this department, or 0
 */
typedef struct
{
  const char      *text;
  const char      *type;
  const char      *status;
  gint64           department_id;
  PoCatalogueSort  sort;
  gboolean         descending;
} PoCatalogueQuery;

typedef struct _PoCatalogue PoCatalogue;

PoCatalogue            *po_catalogue_load      (PoDatabase             *db,
                                                GCancellable           *cancellable,
                                                GError                **error);
PoCatalogue            *po_catalogue_ref       (PoCatalogue            *self);
void                    po_catalogue_unref     (PoCatalogue            *self);
guint                   po_catalogue_get_n_entries (PoCatalogue       *self);
const PoCatalogueEntry *po_catalogue_get_entry (PoCatalogue            *self,
                                                guint                   index);
GArray                 *po_catalogue_search    (PoCatalogue            *self,
                                                const PoCatalogueQuery *query,
                                                GCancellable           *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoCatalogue, po_catalogue_unref)

G_END_DECLS
