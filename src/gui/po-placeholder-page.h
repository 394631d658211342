/* po-placeholder-page.h: an area that a later feature fills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-page.h"

G_BEGIN_DECLS

#define PO_TYPE_PLACEHOLDER_PAGE (po_placeholder_page_get_type ())

G_DECLARE_FINAL_TYPE (PoPlaceholderPage, po_placeholder_page, PO, PLACEHOLDER_PAGE, PoPage)

GtkWidget *po_placeholder_page_new (const char *title,
                                    const char *icon_name,
                                    const char *description);

G_END_DECLS
