/* po-review-row.h: a request in the reviewers' queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "po-review-request.h"

G_BEGIN_DECLS

#define PO_TYPE_REVIEW_ROW (po_review_row_get_type ())

G_DECLARE_FINAL_TYPE (PoReviewRow, po_review_row, PO, REVIEW_ROW, GtkWidget)

GtkWidget       *po_review_row_new           (void);
PoReviewRequest *po_review_row_get_request   (PoReviewRow     *self);
void             po_review_row_set_request   (PoReviewRow     *self,
                                              PoReviewRequest *request);

char            *po_review_format_days_left  (const PoReview  *review);
const char      *po_review_level_style       (PoLevel          level);

G_END_DECLS
