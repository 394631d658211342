/* po-alert-dialogs.h: the small forms analysts fill in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "po-date.h"

G_BEGIN_DECLS

/**
 * PoAlertDialogKind:
 * @PO_ALERT_DIALOG_EXPLAIN: an explanation of an alert
 * @PO_ALERT_DIALOG_ORDER: a 督办 order: its limit in working days and demand
 * @PO_ALERT_DIALOG_ANSWER_ORDER: the department's answer to an order and its day
 * @PO_ALERT_DIALOG_CLOSE: the reason an alert is closed
 * @PO_ALERT_DIALOG_ASSIGN: who handles a consultation or complaint
 * @PO_ALERT_DIALOG_ANSWER_PETITION: the reply to a consultation or complaint and its day
 * @PO_ALERT_DIALOG_SUSPENSION: time the law excludes from a case's limit, or an
 *   approved extension: its kind, start, end or working days, and reason
 * @PO_ALERT_DIALOG_DAYS_OFF: days off of the working-day calendar: the
 *   holiday's name, first and last day
 * @PO_ALERT_DIALOG_MAKEUP_DAY: a make-up working day (调休上班): the holiday it
 *   makes up for, and the day, a Saturday or Sunday
 */
typedef enum
{
  PO_ALERT_DIALOG_EXPLAIN,
  PO_ALERT_DIALOG_ORDER,
  PO_ALERT_DIALOG_ANSWER_ORDER,
  PO_ALERT_DIALOG_CLOSE,
  PO_ALERT_DIALOG_ASSIGN,
  PO_ALERT_DIALOG_ANSWER_PETITION,
  PO_ALERT_DIALOG_SUSPENSION,
  PO_ALERT_DIALOG_DAYS_OFF,
  PO_ALERT_DIALOG_MAKEUP_DAY,
} PoAlertDialogKind;

/**
 * PoAlertDialogAnswer:
 * @text: what was written, stripped
 * @days: the order's limit in working days
 * @date: the day given, for answers; the first day of a suspension or of
 *   days off; the make-up working day
 * @end: the last day of a suspension, or %PO_DATE_INVALID while it runs;
 *   the last day off
 * @kind: a suspension's kind, a key of po_suspension_kinds()
 */
typedef struct
{
  char       *text;
  int         days;
  PoDate      date;
  PoDate      end;
  const char *kind;
} PoAlertDialogAnswer;

void                 po_alert_dialog_answer_free (PoAlertDialogAnswer  *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoAlertDialogAnswer, po_alert_dialog_answer_free)

GtkWindow           *po_alert_dialog_run         (GtkWindow            *parent,
                                                  PoAlertDialogKind     kind,
                                                  const char           *subject,
                                                  const char           *initial_text,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
PoAlertDialogAnswer *po_alert_dialog_run_finish  (GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
