/* po-flowchart-page.h: the flowchart editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-flowchart.h"
#include "po-flowchart-view.h"
#include "po-page.h"

G_BEGIN_DECLS

#define PO_TYPE_FLOWCHART_PAGE (po_flowchart_page_get_type ())

G_DECLARE_FINAL_TYPE (PoFlowchartPage, po_flowchart_page, PO, FLOWCHART_PAGE, PoPage)

GtkWidget       *po_flowchart_page_new          (PoDatabase          *database);
gboolean         po_flowchart_page_get_busy     (PoFlowchartPage     *self);
PoFlowchartView *po_flowchart_page_get_view     (PoFlowchartPage     *self);
PoFlowchart     *po_flowchart_page_get_chart    (PoFlowchartPage     *self);
GListModel      *po_flowchart_page_get_items    (PoFlowchartPage     *self);
GPtrArray       *po_flowchart_page_get_findings (PoFlowchartPage     *self);
GtkListBox      *po_flowchart_page_get_findings_list (PoFlowchartPage *self);
void             po_flowchart_page_open         (PoFlowchartPage     *self,
                                                 const char          *item_code,
                                                 PoFlowchartKind      kind);
GtkPrintOperation *po_flowchart_page_new_print_operation (PoFlowchartPage *self);
void             po_flowchart_page_export_async (PoFlowchartPage     *self,
                                                 PoFlowFormat         format,
                                                 const char          *path,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean         po_flowchart_page_export_finish (PoFlowchartPage    *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
