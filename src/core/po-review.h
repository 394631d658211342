/* po-review.h: legality review (合法性审核)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-database.h"
#include "po-deadlines.h"

G_BEGIN_DECLS

/**
 * PoReviewFiling:
 * @kind: "create", "modify", "abolish", "discretion" or "flowchart"
 * @item_code: the item concerned (for "create", the draft being submitted)
 * @title: (nullable): a title; the item's name and the kind when %NULL
 * @proposal: (nullable): JSON: for "modify" the changed fields, for
 *   "discretion" and "flowchart" the new benchmark or chart; for "create"
 *   the draft's fields are taken when %NULL
 * @legal_basis: the legal basis of the change
 * @effective_on: the day the underlying law change takes effect, or
 *   %PO_DATE_INVALID when there is none (a new item with no law change)
 * @filed_on: the day the department filed
 * @received_on: the day the legal office received it
 */
typedef struct
{
  const char *kind;
  const char *item_code;
  const char *title;
  const char *proposal;
  const char *legal_basis;
  PoDate      effective_on;
  PoDate      filed_on;
  PoDate      received_on;
} PoReviewFiling;

typedef enum
{
  PO_OUTCOME_APPROVED,
  PO_OUTCOME_APPROVED_WITH_CHANGES,
  PO_OUTCOME_RETURNED,
  PO_OUTCOME_REJECTED,
} PoOutcome;

typedef struct
{
  gint64    id;
  char     *kind;
  char     *state;
  char     *title;
  char     *item_code;
  char     *item_name;
  char     *department;
  char     *legal_basis;
  char     *proposal;
  char     *opinion;
  PoDate    filed_on;
  PoDate    received_on;
  PoDate    effective_on;      /* PO_DATE_INVALID when none */
  PoDate    filing_deadline;   /* PO_DATE_INVALID when no effective date */
  PoDate    reply_deadline;
  PoDate    decided_on;        /* PO_DATE_INVALID while open */
  gboolean  late_filed;        /* filed after the filing deadline */
  gboolean  provisional;       /* a deadline rests on an unpublished year */
  int       days_left;         /* working days to the reply deadline */
  PoLevel   level;
} PoReview;

gboolean    po_review_file         (PoDatabase           *db,
                                    const PoReviewFiling *filing,
                                    gint64               *id,
                                    GError              **error);
gboolean    po_review_decide       (PoDatabase           *db,
                                    gint64                id,
                                    PoOutcome             outcome,
                                    const char           *opinion,
                                    const char           *changed_proposal,
                                    PoDate                decided_on,
                                    const char           *reviewer,
                                    GError              **error);

void        po_review_free         (PoReview             *review);
PoReview   *po_review_load         (PoDatabase           *db,
                                    gint64                id,
                                    PoDate                today,
                                    int                   yellow_days,
                                    GError              **error);
GPtrArray  *po_review_list         (PoDatabase           *db,
                                    PoDate                today,
                                    PoDate                due_before,
                                    int                   yellow_days,
                                    GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoReview, po_review_free)

G_END_DECLS
