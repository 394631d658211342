/* po-catalogue-model.h: the rows of a catalogue search, made when shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "po-catalogue.h"

G_BEGIN_DECLS

#define PO_TYPE_CATALOGUE_MODEL (po_catalogue_model_get_type ())

G_DECLARE_FINAL_TYPE (PoCatalogueModel, po_catalogue_model, PO, CATALOGUE_MODEL, GObject)

PoCatalogueModel *po_catalogue_model_new            (void);
void              po_catalogue_model_set            (PoCatalogueModel *self,
                                                     PoCatalogue      *catalogue,
                                                     GArray           *indexes,
                                                     guint             n_now);
gboolean          po_catalogue_model_get_settled    (PoCatalogueModel *self);
guint             po_catalogue_model_get_n_results  (PoCatalogueModel *self);
PoCatalogue      *po_catalogue_model_get_catalogue  (PoCatalogueModel *self);
guint             po_catalogue_model_find_id        (PoCatalogueModel *self,
                                                     gint64            id);
guint             po_catalogue_model_get_n_live_rows (PoCatalogueModel *self);
guint             po_catalogue_model_get_n_stale_rows (PoCatalogueModel *self);

G_END_DECLS
