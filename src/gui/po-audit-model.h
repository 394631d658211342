/* po-audit-model.h: the audit log as a list that reads rows when shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "po-database.h"

G_BEGIN_DECLS

#define PO_TYPE_AUDIT_MODEL (po_audit_model_get_type ())

G_DECLARE_FINAL_TYPE (PoAuditModel, po_audit_model, PO, AUDIT_MODEL, GObject)

PoAuditModel *po_audit_model_new              (PoDatabase    *database);
gboolean      po_audit_model_reload           (PoAuditModel  *self,
                                               GError       **error);
gboolean      po_audit_model_get_newest_first (PoAuditModel  *self);
void          po_audit_model_set_newest_first (PoAuditModel  *self,
                                               gboolean       newest_first);
const GError *po_audit_model_get_load_error   (PoAuditModel  *self);
guint         po_audit_model_get_n_cached     (PoAuditModel  *self);

G_END_DECLS
