/* po-supervision.h: the rules engine of electronic supervision (电子监察)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-database.h"
#include "po-date.h"
#include "po-types.h"

G_BEGIN_DECLS

/**
 * PoScanOptions:
 * @today: the day the scan runs as of
 * @yellow_days: yellow when at most this many working days are left
 * @yellow_share: when above 0, yellow instead once this percentage of
 *   the time limit is used
 */
typedef struct
{
  PoDate today;
  int    yellow_days;
  int    yellow_share;
} PoScanOptions;

#define PO_SCAN_DEFAULT_YELLOW_DAYS 1
#define PO_SCAN_MAX_YELLOW_DAYS     30

typedef struct
{
  guint  raised;                /* alerts new in this scan */
  guint  raised_red;            /* of which red */
  guint  updated;               /* open alerts whose lateness changed */
  guint  superseded;            /* yellow alerts now red */
  guint  resolved;              /* alerts whose cause is gone */
  guint  open;                  /* open after the scan */
  guint  skipped_no_flowchart;  /* cases whose item has no published external flowchart */
  guint  skipped_no_benchmark;  /* cases with a fine whose item has no benchmark in yuan */
  gint64 last_id_before;        /* new alerts have greater ids */
} PoScanSummary;

void        po_scan_options_init   (PoScanOptions        *options,
                                    PoDate                today);
gboolean    po_scan_options_load   (PoScanOptions        *options,
                                    PoDatabase           *db,
                                    PoDate                today,
                                    GError              **error);
gboolean    po_office_set_yellow   (PoDatabase           *db,
                                    int                   yellow_days,
                                    int                   yellow_share,
                                    GError              **error);
gboolean    po_supervision_scan    (PoDatabase           *db,
                                    const PoScanOptions  *options,
                                    PoScanSummary        *summary,
                                    GCancellable         *cancellable,
                                    PoProgressFunc        progress,
                                    gpointer              user_data,
                                    GError              **error);

/**
 * PoAlert:
 * @ref: the case_ref, the petition's ref, or the request's or order's number
 * @department: the department's name
 * @due_on: (nullable): the deadline, for rules that have one
 * @order_id: the alert's latest supervision order still unanswered (an
 *   overdue-order alert's own order), or 0
 */
typedef struct
{
  gint64  id;
  char   *rule;
  char   *level;
  char   *subject;
  gint64  subject_id;
  char   *ref;
  gint64  department_id;
  char   *department;
  char   *due_on;
  int     working_days_over;
  char   *state;
  char   *raised_on;
  char   *updated_on;
  char   *explanation;
  char   *close_reason;
  gint64  order_id;
} PoAlert;

void        po_alert_free          (PoAlert              *alert);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoAlert, po_alert_free)

/**
 * PoAlertFilter:
 * @rule: (nullable): one rule's code
 * @level: (nullable): "red" or "yellow"
 * @department_id: one department, or 0
 * @all_states: also closed, resolved and superseded alerts
 */
typedef struct
{
  const char *rule;
  const char *level;
  gint64      department_id;
  gboolean    all_states;
} PoAlertFilter;

gboolean    po_alert_state_is_open (const char           *state);
GPtrArray  *po_alerts_list         (PoDatabase           *db,
                                    const PoAlertFilter  *filter,
                                    GError              **error);
PoAlert    *po_alert_get           (PoDatabase           *db,
                                    gint64                id,
                                    GError              **error);

/**
 * PoAlertCount:
 * @key: a rule's code, or a department's id as text
 * @label: the rule's or department's name, translated
 */
typedef struct
{
  char  *key;
  char  *label;
  guint  red;
  guint  yellow;
} PoAlertCount;

void        po_alert_count_free    (PoAlertCount         *count);
GPtrArray  *po_alerts_count        (PoDatabase           *db,
                                    gboolean              by_department,
                                    GError              **error);

/* What analysts do with an alert. */
gboolean    po_alert_explain       (PoDatabase           *db,
                                    gint64                id,
                                    const char           *explanation,
                                    PoDate                today,
                                    GError              **error);
gint64      po_alert_issue_order   (PoDatabase           *db,
                                    gint64                id,
                                    int                   limit_days,
                                    const char           *demand,
                                    PoDate                today,
                                    GError              **error);
gboolean    po_order_answer        (PoDatabase           *db,
                                    gint64                order_id,
                                    PoDate                answered_on,
                                    const char           *answer,
                                    PoDate                today,
                                    GError              **error);
gboolean    po_alert_close         (PoDatabase           *db,
                                    gint64                id,
                                    const char           *reason,
                                    PoDate                today,
                                    GError              **error);

/**
 * PoAlertEvent:
 * @at: when (ISO 8601, China Standard Time)
 * @actor: who
 * @text: what happened, translated
 */
typedef struct
{
  char *at;
  char *actor;
  char *text;
} PoAlertEvent;

void        po_alert_event_free    (PoAlertEvent         *event);
GPtrArray  *po_alert_history       (PoDatabase           *db,
                                    gint64                id,
                                    GError              **error);

/**
 * PoDetailLine:
 * @label: what the line tells, translated
 * @value: the figure or text
 */
typedef struct
{
  char *label;
  char *value;
} PoDetailLine;

void        po_detail_line_free    (PoDetailLine         *line);
GPtrArray  *po_alert_describe      (PoDatabase           *db,
                                    const PoAlert        *alert,
                                    PoDate                today,
                                    GError              **error);

G_END_DECLS
