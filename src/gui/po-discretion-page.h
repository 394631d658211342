/* po-discretion-page.h: the discretion benchmarks (裁量基准) page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-discretion.h"
#include "po-page.h"

G_BEGIN_DECLS

#define PO_TYPE_DISCRETION_PAGE (po_discretion_page_get_type ())

G_DECLARE_FINAL_TYPE (PoDiscretionPage, po_discretion_page, PO, DISCRETION_PAGE, PoPage)

GtkWidget   *po_discretion_page_new            (PoDatabase       *database);
gboolean     po_discretion_page_get_busy       (PoDiscretionPage *self);
GListModel  *po_discretion_page_get_items      (PoDiscretionPage *self);
gboolean     po_discretion_page_select_item    (PoDiscretionPage *self,
                                                const char       *code);
const char  *po_discretion_page_get_item_code  (PoDiscretionPage *self);
PoBenchmark *po_discretion_page_get_benchmark  (PoDiscretionPage *self);
void         po_discretion_page_select_tier    (PoDiscretionPage *self,
                                                guint             position);
guint        po_discretion_page_get_selected_tier (PoDiscretionPage *self);

G_END_DECLS
