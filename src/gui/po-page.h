/* po-page.h: a page of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "po-database.h"
#include "po-supervision.h"

G_BEGIN_DECLS

#define PO_TYPE_PAGE (po_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (PoPage, po_page, PO, PAGE, GtkWidget)

/**
 * PoPageClass:
 * @reload: reads the page's figures again, for win.reload; %NULL when the
 *   page shows nothing that can change
 */
struct _PoPageClass
{
  GtkWidgetClass parent_class;

  void (*reload) (PoPage *self);
};

PoDatabase *po_page_get_database  (PoPage     *self);
const char *po_page_get_title     (PoPage     *self);
const char *po_page_get_icon_name (PoPage     *self);
gboolean    po_page_get_folded    (PoPage     *self);
void        po_page_set_folded    (PoPage     *self,
                                   gboolean    folded);
void        po_page_reload        (PoPage     *self);
void        po_page_show_toast    (PoPage     *self,
                                   const char *message);
AdwToast   *po_page_show_toast_with_button (PoPage     *self,
                                            const char *message,
                                            const char *button_label);

void        po_page_load_scan_options      (PoPage        *self,
                                            PoDate         today,
                                            PoScanOptions *options);
void        po_page_show_error_dialog      (PoPage     *self,
                                            const char *heading,
                                            const char *body);

gboolean    po_page_leaflet_shows_detail_alone (AdwLeaflet *leaflet);
void        po_page_leaflet_go_back            (PoPage     *self,
                                                AdwLeaflet *leaflet,
                                                GtkWidget  *list);

G_END_DECLS
