/* po-overview-page.h: the figures of the office at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-page.h"

G_BEGIN_DECLS

#define PO_TYPE_OVERVIEW_PAGE (po_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (PoOverviewPage, po_overview_page, PO, OVERVIEW_PAGE, PoPage)

GtkWidget *po_overview_page_new        (PoDatabase     *database);
gboolean   po_overview_page_get_loaded (PoOverviewPage *self);

G_END_DECLS
