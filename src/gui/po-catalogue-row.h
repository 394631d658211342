/* po-catalogue-row.h: one power item of the catalogue, as a list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "po-catalogue.h"

G_BEGIN_DECLS

#define PO_TYPE_CATALOGUE_ROW (po_catalogue_row_get_type ())

G_DECLARE_FINAL_TYPE (PoCatalogueRow, po_catalogue_row, PO, CATALOGUE_ROW, GObject)

PoCatalogueRow         *po_catalogue_row_new                 (PoCatalogue    *catalogue,
                                                              guint           index);
void                    po_catalogue_row_set_entry           (PoCatalogueRow *self,
                                                              PoCatalogue    *catalogue,
                                                              guint           index);
void                    po_catalogue_row_set_blank           (PoCatalogueRow *self);
const PoCatalogueEntry *po_catalogue_row_get_entry           (PoCatalogueRow *self);
guint                   po_catalogue_row_get_index           (PoCatalogueRow *self);
gint64                  po_catalogue_row_get_id              (PoCatalogueRow *self);
const char             *po_catalogue_row_get_code            (PoCatalogueRow *self);
const char             *po_catalogue_row_get_name            (PoCatalogueRow *self);
const char             *po_catalogue_row_get_type_key        (PoCatalogueRow *self);
const char             *po_catalogue_row_get_type_label      (PoCatalogueRow *self);
const char             *po_catalogue_row_get_department      (PoCatalogueRow *self);
const char             *po_catalogue_row_get_status          (PoCatalogueRow *self);
const char             *po_catalogue_row_get_status_label    (PoCatalogueRow *self);
const char             *po_catalogue_row_get_basis           (PoCatalogueRow *self);
int                     po_catalogue_row_get_statutory_limit (PoCatalogueRow *self);
int                     po_catalogue_row_get_committed_limit (PoCatalogueRow *self);

G_END_DECLS
