/* po-flowchart-view.h: a laid-out flowchart that can be clicked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "po-flowchart.h"

G_BEGIN_DECLS

#define PO_TYPE_FLOWCHART_VIEW (po_flowchart_view_get_type ())

G_DECLARE_FINAL_TYPE (PoFlowchartView, po_flowchart_view, PO, FLOWCHART_VIEW, GtkWidget)

GtkWidget    *po_flowchart_view_new             (void);
PoFlowchart  *po_flowchart_view_get_chart       (PoFlowchartView *self);
void          po_flowchart_view_set_chart       (PoFlowchartView *self,
                                                 PoFlowchart     *chart);
PoFlowLayout *po_flowchart_view_get_layout      (PoFlowchartView *self);
guint         po_flowchart_view_get_selected_node (PoFlowchartView *self);
guint         po_flowchart_view_get_selected_edge (PoFlowchartView *self);
void          po_flowchart_view_select_node     (PoFlowchartView *self,
                                                 guint            id);
void          po_flowchart_view_select_edge     (PoFlowchartView *self,
                                                 guint            id);
gboolean      po_flowchart_view_select_at       (PoFlowchartView *self,
                                                 double           x,
                                                 double           y);
void          po_flowchart_view_select_next     (PoFlowchartView *self,
                                                 int              step);
void          po_flowchart_view_set_flagged     (PoFlowchartView *self,
                                                 GArray          *flagged);
double        po_flowchart_view_get_zoom        (PoFlowchartView *self);
void          po_flowchart_view_set_zoom        (PoFlowchartView *self,
                                                 double           zoom);
void          po_flowchart_view_zoom_to_fit     (PoFlowchartView *self);
void          po_flowchart_view_scroll_to_selection (PoFlowchartView *self);

G_END_DECLS
