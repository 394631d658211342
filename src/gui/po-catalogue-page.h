/* po-catalogue-page.h: the power catalogue (权力目录)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-item-editor.h"
#include "po-page.h"

G_BEGIN_DECLS

#define PO_TYPE_CATALOGUE_PAGE (po_catalogue_page_get_type ())

G_DECLARE_FINAL_TYPE (PoCataloguePage, po_catalogue_page, PO, CATALOGUE_PAGE, PoPage)

GtkWidget      *po_catalogue_page_new               (PoDatabase      *database);
gboolean        po_catalogue_page_get_busy          (PoCataloguePage *self);
GListModel     *po_catalogue_page_get_model         (PoCataloguePage *self);
GtkSingleSelection *po_catalogue_page_get_selection (PoCataloguePage *self);
GtkEditable    *po_catalogue_page_get_search_entry  (PoCataloguePage *self);
GtkDropDown    *po_catalogue_page_get_filter        (PoCataloguePage *self,
                                                     const char      *name);
GtkColumnView  *po_catalogue_page_get_column_view   (PoCataloguePage *self);
PoItemEditor   *po_catalogue_page_get_editor        (PoCataloguePage *self);
const char     *po_catalogue_page_get_count_text    (PoCataloguePage *self);
gboolean        po_catalogue_page_select_item       (PoCataloguePage *self,
                                                     gint64           id);
void            po_catalogue_page_import            (PoCataloguePage *self,
                                                     GFile           *file);
void            po_catalogue_page_export            (PoCataloguePage *self,
                                                     GFile           *file);
guint           po_catalogue_page_get_n_results     (PoCataloguePage *self);
void            po_catalogue_page_get_timings       (PoCataloguePage *self,
                                                     double          *search_ms,
                                                     double          *update_ms);

G_END_DECLS
