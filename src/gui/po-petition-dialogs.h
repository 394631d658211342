/* po-petition-dialogs.h: registering a consultation or complaint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "po-date.h"

G_BEGIN_DECLS

/**
 * PoPetitionRegistration:
 * @ref: (nullable): the reference given, or %NULL for the next free one
 * @kind: "consultation" or "complaint"
 */
typedef struct
{
  char   *ref;
  char   *kind;
  gint64  department_id;
  PoDate  received_on;
  char   *subject;
  char   *channel;
} PoPetitionRegistration;

void                    po_petition_registration_free   (PoPetitionRegistration *registration);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoPetitionRegistration, po_petition_registration_free)

GtkWindow              *po_petition_dialog_register        (GtkWindow           *parent,
                                                            GPtrArray           *department_names,
                                                            GArray              *department_ids,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
PoPetitionRegistration *po_petition_dialog_register_finish (GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS
