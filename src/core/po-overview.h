/* po-overview.h: the figures of the first page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-database.h"

G_BEGIN_DECLS

#define PO_N_ITEM_STATUSES 6

typedef struct
{
  PoDate   today;
  PoDate   week_start;            /* Monday of today's week */
  PoDate   week_end;              /* Sunday of today's week */
  gint64   departments;
  gint64   items_total;
  gint64   items_by_status[PO_N_ITEM_STATUSES];   /* in po_item_statuses() order */
  gint64   reviews_open;
  gint64   reviews_due_this_week; /* open, reply deadline from today to Sunday */
  gint64   reviews_overdue;       /* open, reply deadline before today */
  gint64   alerts_red;
  gint64   alerts_yellow;
  gint64   cases_total;
  gint64   cases_overdue;         /* undecided past the decision deadline */
  gint64   petitions_open;
  gint64   petitions_overdue;     /* unanswered past the reply deadline */
  int      calendar_last_year;    /* last year with a published schedule */
  gboolean today_provisional;     /* today's year has no published schedule */
} PoOverview;

gboolean po_overview_load (PoDatabase  *db,
                           PoDate       today,
                           PoOverview  *out,
                           GError     **error);

G_END_DECLS
