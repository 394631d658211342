/* po-item-print.h: a catalogue entry on A4, printed or as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "po-item.h"

G_BEGIN_DECLS

GtkPrintOperation *po_item_print_operation_new (const PoItem  *item,
                                                int            version,
                                                const char    *published_on);
gboolean           po_item_print_export_pdf    (const PoItem  *item,
                                                int            version,
                                                const char    *published_on,
                                                const char    *path,
                                                GError       **error);

G_END_DECLS
