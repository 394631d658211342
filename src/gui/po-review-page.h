/* po-review-page.h: the legal office's queue of review requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-page.h"

G_BEGIN_DECLS

#define PO_TYPE_REVIEW_PAGE (po_review_page_get_type ())

G_DECLARE_FINAL_TYPE (PoReviewPage, po_review_page, PO, REVIEW_PAGE, PoPage)

GtkWidget  *po_review_page_new          (PoDatabase   *database);
gboolean    po_review_page_get_busy     (PoReviewPage *self);
GListModel *po_review_page_get_queue    (PoReviewPage *self);
gboolean    po_review_page_select       (PoReviewPage *self,
                                         gint64        id);
gint64      po_review_page_get_selected (PoReviewPage *self);

G_END_DECLS
