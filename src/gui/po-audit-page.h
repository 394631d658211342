/* po-audit-page.h: the audit log, read and verified
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-page.h"

G_BEGIN_DECLS

#define PO_TYPE_AUDIT_PAGE (po_audit_page_get_type ())

G_DECLARE_FINAL_TYPE (PoAuditPage, po_audit_page, PO, AUDIT_PAGE, PoPage)

GtkWidget  *po_audit_page_new       (PoDatabase  *database);
GListModel *po_audit_page_get_model (PoAuditPage *self);

G_END_DECLS
