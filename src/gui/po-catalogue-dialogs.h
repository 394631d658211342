/* po-catalogue-dialogs.h: the questions the catalogue asks before a write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "po-date.h"
#include "po-item.h"

G_BEGIN_DECLS

/**
 * PoFilingAnswer:
 * @legal_basis: the legal basis of the request
 * @effective_on: the day the law change takes effect, or %PO_DATE_INVALID
 * @filed_on: the day the department files
 */
typedef struct
{
  char   *legal_basis;
  PoDate  effective_on;
  PoDate  filed_on;
} PoFilingAnswer;

void            po_filing_answer_free            (PoFilingAnswer       *answer);

void            po_new_item_dialog_run_async     (GtkWindow            *parent,
                                                  GtkStringList        *department_names,
                                                  GArray               *department_ids,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
PoItem         *po_new_item_dialog_run_finish    (GAsyncResult         *result,
                                                  GError              **error);

void            po_filing_dialog_run_async       (GtkWindow            *parent,
                                                  const char           *kind,
                                                  const PoItem         *item,
                                                  const char           *changes,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
PoFilingAnswer *po_filing_dialog_run_finish      (GAsyncResult         *result,
                                                  GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoFilingAnswer, po_filing_answer_free)

G_END_DECLS
