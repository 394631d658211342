/* po-petitions-page.h: consultations and complaints (咨询投诉)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-page.h"

G_BEGIN_DECLS

#define PO_TYPE_PETITIONS_PAGE (po_petitions_page_get_type ())

G_DECLARE_FINAL_TYPE (PoPetitionsPage, po_petitions_page, PO, PETITIONS_PAGE, PoPage)

GtkWidget  *po_petitions_page_new          (PoDatabase      *database);
gboolean    po_petitions_page_get_busy     (PoPetitionsPage *self);
GListModel *po_petitions_page_get_petitions (PoPetitionsPage *self);
gboolean    po_petitions_page_select       (PoPetitionsPage *self,
                                            gint64           id);
gint64      po_petitions_page_get_selected (PoPetitionsPage *self);

G_END_DECLS
