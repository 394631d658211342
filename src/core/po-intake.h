/* po-intake.h: cases and petitions from the departments' systems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-database.h"
#include "po-date.h"
#include "po-types.h"

G_BEGIN_DECLS

typedef struct
{
  guint created;      /* rows new to the office */
  guint updated;      /* rows that were there and changed */
  guint unchanged;    /* rows that were there as the file has them */
  guint suspensions;  /* suspended periods and extensions written */
} PoIntakeSummary;

gboolean  po_cases_import           (PoDatabase       *db,
                                     const char       *text,
                                     gsize             length,
                                     const char       *origin,
                                     PoDate            today,
                                     PoIntakeSummary  *summary,
                                     GCancellable     *cancellable,
                                     PoProgressFunc    progress,
                                     gpointer          user_data,
                                     GError          **error);
gboolean  po_petitions_import       (PoDatabase       *db,
                                     const char       *text,
                                     gsize             length,
                                     const char       *origin,
                                     PoDate            today,
                                     PoIntakeSummary  *summary,
                                     GCancellable     *cancellable,
                                     PoProgressFunc    progress,
                                     gpointer          user_data,
                                     GError          **error);
gboolean  po_intake_import_file     (PoDatabase       *db,
                                     const char       *what,
                                     const char       *path,
                                     PoDate            today,
                                     PoIntakeSummary  *summary,
                                     GCancellable     *cancellable,
                                     PoProgressFunc    progress,
                                     gpointer          user_data,
                                     GError          **error);

char     *po_steps_normalize        (const char       *steps);

/**
 * PoPetition:
 * @due_on: (nullable): the reply deadline
 * @days_left: working days left to the deadline as of the filter's day
 *   (of the reply, once replied); negative when over
 * @level: "red", "yellow" or "" (po_deadline_level())
 */
typedef struct
{
  gint64  id;
  char   *ref;
  char   *kind;
  gint64  department_id;
  char   *department;
  char   *received_on;
  char   *replied_on;
  char   *subject;
  char   *channel;
  char   *assignee;
  char   *answer;
  char   *closed_on;
  char   *due_on;
  int     days_left;
  char   *level;
} PoPetition;

void        po_petition_free        (PoPetition *petition);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoPetition, po_petition_free)

/**
 * PoPetitionFilter:
 * @kind: (nullable): "consultation" or "complaint"
 * @department_id: one department, or 0
 * @open_only: only those not yet closed
 * @today: the day levels are computed as of
 * @yellow_days: the yellow threshold
 * @limit: at most this many, newest received first; 0 for all
 * @yellow_share: when above 0, yellow once this percentage of the time to
 *   reply is used, instead of @yellow_days
 */
typedef struct
{
  const char *kind;
  gint64      department_id;
  gboolean    open_only;
  PoDate      today;
  int         yellow_days;
  guint       limit;
  int         yellow_share;
} PoPetitionFilter;

GPtrArray  *po_petitions_list       (PoDatabase              *db,
                                     const PoPetitionFilter  *filter,
                                     GError                 **error);
PoPetition *po_petition_get         (PoDatabase              *db,
                                     gint64                   id,
                                     PoDate                   today,
                                     int                      yellow_days,
                                     GError                 **error);
PoPetition *po_petition_get_share   (PoDatabase              *db,
                                     gint64                   id,
                                     PoDate                   today,
                                     int                      yellow_days,
                                     int                      yellow_share,
                                     GError                 **error);

/* By hand, in the application. */
gint64    po_petition_register      (PoDatabase       *db,
                                     const char       *ref,
                                     const char       *kind,
                                     gint64            department_id,
                                     PoDate            received_on,
                                     const char       *subject,
                                     const char       *channel,
                                     PoDate            today,
                                     GError          **error);
char     *po_petition_next_ref      (PoDatabase       *db,
                                     const char       *kind,
                                     PoDate            received_on);
gboolean  po_petition_assign        (PoDatabase       *db,
                                     gint64            id,
                                     const char       *assignee,
                                     GError          **error);
gboolean  po_petition_answer        (PoDatabase       *db,
                                     gint64            id,
                                     PoDate            replied_on,
                                     const char       *answer,
                                     PoDate            today,
                                     GError          **error);
gboolean  po_petition_close         (PoDatabase       *db,
                                     gint64            id,
                                     PoDate            closed_on,
                                     GError          **error);
gint64    po_case_add_suspension    (PoDatabase       *db,
                                     gint64            case_id,
                                     const char       *kind,
                                     PoDate            start_on,
                                     PoDate            end_on,
                                     int               days,
                                     const char       *reason,
                                     GError          **error);

G_END_DECLS
