/* po-application.h: the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "po-database.h"

G_BEGIN_DECLS

#define PO_TYPE_APPLICATION (po_application_get_type ())

G_DECLARE_FINAL_TYPE (PoApplication, po_application, PO, APPLICATION, AdwApplication)

PoApplication *po_application_new               (void);
PoApplication *po_application_new_for_database  (PoDatabase    *database);
PoDatabase    *po_application_get_database      (PoApplication *self);
const char    *po_application_get_database_path (PoApplication *self);
GSettings     *po_application_get_settings      (PoApplication *self);
void           po_application_set_scan_at_startup (PoApplication *self,
                                                   gboolean       scan);
guint          po_application_get_pending_red   (PoApplication *self);

G_END_DECLS
