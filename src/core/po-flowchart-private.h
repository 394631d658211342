/* po-flowchart-private.h: shared between the flowchart's source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-flowchart.h"

G_BEGIN_DECLS

/* A node as it appears in a sentence: “label”, or “step 7” when the label
 * is empty; long labels are shortened. */
char *po_flowchart_describe_node (PoFlowchart *self,
                                  guint        id);

G_END_DECLS
