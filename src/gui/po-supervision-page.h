/* po-supervision-page.h: the monitoring pane of electronic supervision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-page.h"

G_BEGIN_DECLS

#define PO_TYPE_SUPERVISION_PAGE (po_supervision_page_get_type ())

G_DECLARE_FINAL_TYPE (PoSupervisionPage, po_supervision_page, PO, SUPERVISION_PAGE, PoPage)

GtkWidget  *po_supervision_page_new          (PoDatabase        *database);
gboolean    po_supervision_page_get_busy     (PoSupervisionPage *self);
GListModel *po_supervision_page_get_alerts   (PoSupervisionPage *self);
void        po_supervision_page_get_totals   (PoSupervisionPage *self,
                                              guint             *red,
                                              guint             *yellow);
void        po_supervision_page_set_filter   (PoSupervisionPage *self,
                                              gint64             department_id,
                                              const char        *rule,
                                              const char        *level);
gboolean    po_supervision_page_select       (PoSupervisionPage *self,
                                              gint64             id);
gint64      po_supervision_page_get_selected (PoSupervisionPage *self);
void        po_supervision_page_scan         (PoSupervisionPage *self);
void        po_supervision_page_import       (PoSupervisionPage *self,
                                              const char        *what,
                                              GFile             *file);

G_END_DECLS
