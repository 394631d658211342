/* po-catalogue-io.h: the catalogue as CSV and JSON files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-database.h"
#include "po-types.h"

G_BEGIN_DECLS

typedef struct
{
  guint      items;            /* items written */
  guint      published;        /* of which published */
  GPtrArray *new_departments;  /* (element-type utf8): names of departments created */
} PoImportSummary;

void      po_import_summary_clear    (PoImportSummary *summary);

gboolean  po_catalogue_import_file   (PoDatabase      *db,
                                      const char      *path,
                                      PoDate           today,
                                      PoImportSummary *summary,
                                      GCancellable    *cancellable,
                                      PoProgressFunc   progress,
                                      gpointer         user_data,
                                      GError         **error);
gboolean  po_catalogue_import_csv    (PoDatabase      *db,
                                      const char      *text,
                                      gsize            length,
                                      const char      *origin,
                                      PoDate           today,
                                      PoImportSummary *summary,
                                      GCancellable    *cancellable,
                                      PoProgressFunc   progress,
                                      gpointer         user_data,
                                      GError         **error);
gboolean  po_catalogue_import_json   (PoDatabase      *db,
                                      const char      *text,
                                      gsize            length,
                                      const char      *origin,
                                      PoDate           today,
                                      PoImportSummary *summary,
                                      GCancellable    *cancellable,
                                      PoProgressFunc   progress,
                                      gpointer         user_data,
                                      GError         **error);
char     *po_catalogue_export_csv    (PoDatabase      *db,
                                      GError         **error);
char     *po_catalogue_export_json   (PoDatabase      *db,
                                      GError         **error);
gboolean  po_catalogue_export_file   (PoDatabase      *db,
                                      const char      *path,
                                      GError         **error);

G_END_DECLS
