/* po-deadlines.h: every deadline of the regulation, computed once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-database.h"
#include "po-types.h"

G_BEGIN_DECLS

/* 规定 九(五): file no later than 15 working days before the law takes
 * effect; the legal office replies within 10 working days of receipt. */
#define PO_FILING_LEAD_DAYS        15
#define PO_REVIEW_REPLY_DAYS       10
/* 规定 十(二)2: penalty cases entered within 1 working day of on-site
 * enforcement; all case data reported within 3 working days. */
#define PO_CASE_ENTRY_DAYS          1
#define PO_CASE_REPORT_DAYS         3
/* 规定 十(二)6: consultations answered in 3, complaints in 10. */
#define PO_CONSULTATION_REPLY_DAYS  3
#define PO_COMPLAINT_REPLY_DAYS    10

PoDate    po_deadline_filing      (PoCalendar  *calendar,
                                   PoDate       effective_on,
                                   gboolean    *provisional,
                                   GError     **error);
PoDate    po_deadline_within      (PoCalendar  *calendar,
                                   PoDate       from,
                                   int          working_days,
                                   gboolean    *provisional,
                                   GError     **error);
int       po_petition_reply_days  (const char  *kind);

typedef enum
{
  PO_LEVEL_NONE,     /* on time, or done on time */
  PO_LEVEL_YELLOW,   /* still open, at most the threshold left */
  PO_LEVEL_RED,      /* past the deadline */
} PoLevel;

int       po_working_days_left    (PoCalendar  *calendar,
                                   PoDate       today,
                                   PoDate       due);
PoLevel   po_deadline_level       (PoCalendar  *calendar,
                                   PoDate       today,
                                   PoDate       due,
                                   PoDate       done_on,
                                   int          yellow_days,
                                   int         *days_left);
int       po_case_suspended_days  (PoDatabase  *db,
                                   PoCalendar  *calendar,
                                   gint64       case_id);

gboolean  po_deadlines_touch_begin (PoDatabase *db,
                                    GError    **error);
gboolean  po_deadlines_touch       (PoDatabase *db,
                                    gint64      id,
                                    GError    **error);
gboolean  po_deadlines_refresh_touched (PoDatabase     *db,
                                        const char     *subject,
                                        GCancellable   *cancellable,
                                        PoProgressFunc  progress,
                                        gpointer        user_data,
                                        GError        **error);
gboolean  po_deadlines_refresh_one (PoDatabase  *db,
                                    const char  *subject,
                                    gint64       id,
                                    GError     **error);
PoLevel   po_deadline_level_share (PoCalendar  *calendar,
                                   PoDate       today,
                                   PoDate       start,
                                   PoDate       due,
                                   PoDate       done_on,
                                   int          yellow_days,
                                   int          yellow_share,
                                   int         *days_left);
gboolean  po_deadlines_refresh_review (PoDatabase *db,
                                       gint64      review_id,
                                       GError    **error);

gboolean  po_deadlines_refresh_changed_days (PoDatabase     *db,
                                             const PoDate   *spans,
                                             guint           n_spans,
                                             GCancellable   *cancellable,
                                             PoProgressFunc  progress,
                                             gpointer        user_data,
                                             guint          *n_recomputed,
                                             GError        **error);
gboolean  po_deadlines_refresh_all (PoDatabase     *db,
                                    GCancellable   *cancellable,
                                    PoProgressFunc  progress,
                                    gpointer        user_data,
                                    GError        **error);

G_END_DECLS
