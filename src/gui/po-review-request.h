/* po-review-request.h: one request of the reviewers' queue, ready to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "po-item.h"
#include "po-review.h"

G_BEGIN_DECLS

#define PO_TYPE_REVIEW_REQUEST (po_review_request_get_type ())

G_DECLARE_FINAL_TYPE (PoReviewRequest, po_review_request, PO, REVIEW_REQUEST, GObject)

GPtrArray      *po_review_request_load_queue        (PoDatabase      *db,
                                                     PoDate           today,
                                                     int              yellow_days,
                                                     GError         **error);

const PoReview *po_review_request_get_review        (PoReviewRequest *self);
gint64          po_review_request_get_id            (PoReviewRequest *self);
const char     *po_review_request_get_item_status   (PoReviewRequest *self);
gboolean        po_review_request_has_in_force      (PoReviewRequest *self);
int             po_review_request_get_in_force_version (PoReviewRequest *self);
const char     *po_review_request_get_in_force_date (PoReviewRequest *self);
const char     *po_review_request_get_in_force      (PoReviewRequest *self,
                                                     PoField          field);
gboolean        po_review_request_has_proposed      (PoReviewRequest *self);
const char     *po_review_request_get_proposed      (PoReviewRequest *self,
                                                     PoField          field);
gboolean        po_review_request_is_changed        (PoReviewRequest *self,
                                                     PoField          field);
const char     *po_review_request_get_problem       (PoReviewRequest *self);
gboolean        po_review_request_has_benchmarks    (PoReviewRequest *self);
GPtrArray      *po_review_request_get_benchmarks_in_force (PoReviewRequest *self);
GPtrArray      *po_review_request_get_benchmarks_proposed (PoReviewRequest *self);

G_END_DECLS
