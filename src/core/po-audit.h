/* po-audit.h: the append-only, hash-chained audit log (全程留痕)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-database.h"

G_BEGIN_DECLS

void      po_audit_register_functions (PoDatabase  *db);
gboolean  po_audit_install_triggers   (PoDatabase  *db,
                                       GError     **error);
gboolean  po_audit_is_business_table  (const char  *table);
char     *po_audit_entry_hash         (const char  *prev_hash,
                                       gint64       seq,
                                       const char  *at,
                                       const char  *actor,
                                       const char  *table,
                                       gint64       row_id,
                                       const char  *op,
                                       const char  *before,
                                       const char  *after);
gboolean  po_audit_verify             (PoDatabase   *db,
                                       gint64       *n_entries,
                                       GCancellable *cancellable,
                                       GError      **error);

gboolean  po_audit_head               (PoDatabase   *db,
                                       gint64       *seq,
                                       char        **hash,
                                       GError      **error);
gboolean  po_audit_check_anchor       (PoDatabase   *db,
                                       gint64        seq,
                                       const char   *hash,
                                       GError      **error);

typedef struct
{
  gint64  seq;
  char   *at;
  char   *actor;
  char   *table;
  gint64  row_id;
  char   *op;
  char   *before;   /* JSON of the row before, or NULL for an INSERT */
  char   *after;    /* JSON of the row after, or NULL for a DELETE */
  char   *hash;
} PoAuditEntry;

void      po_audit_entry_clear        (PoAuditEntry *entry);
gint64    po_audit_count              (PoDatabase   *db,
                                       GError      **error);
gboolean  po_audit_read               (PoDatabase   *db,
                                       gint64        first_seq,
                                       guint         n,
                                       GArray       *entries,
                                       GError      **error);

G_END_DECLS
