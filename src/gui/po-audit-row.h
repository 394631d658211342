/* po-audit-row.h: one entry of the audit log, as a list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "po-audit.h"

G_BEGIN_DECLS

#define PO_TYPE_AUDIT_ROW (po_audit_row_get_type ())

G_DECLARE_FINAL_TYPE (PoAuditRow, po_audit_row, PO, AUDIT_ROW, GObject)

PoAuditRow *po_audit_row_new_take       (PoAuditEntry *entry);
PoAuditRow *po_audit_row_new_missing    (gint64        seq);
PoAuditRow *po_audit_row_new_unread     (gint64        seq);
gint64      po_audit_row_get_seq        (PoAuditRow   *self);
const char *po_audit_row_get_time       (PoAuditRow   *self);
const char *po_audit_row_get_actor      (PoAuditRow   *self);
const char *po_audit_row_get_table      (PoAuditRow   *self);
gint64      po_audit_row_get_row_id     (PoAuditRow   *self);
const char *po_audit_row_get_operation  (PoAuditRow   *self);
const char *po_audit_row_get_before     (PoAuditRow   *self);
const char *po_audit_row_get_after      (PoAuditRow   *self);
gboolean    po_audit_row_get_missing    (PoAuditRow   *self);
gboolean    po_audit_row_get_unread     (PoAuditRow   *self);

const char *po_audit_table_label        (const char   *table);
const char *po_audit_operation_label    (const char   *operation);

G_END_DECLS
