/* po-records.h: rows of a CSV or JSON file, one record at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-database.h"

G_BEGIN_DECLS

/**
 * PoRecord:
 * @fields: column → text (a JSON array field → its JSON text)
 * @where: “FILE:LINE” or “FILE: items[N]”, for messages
 * @fraction: how far through the file this record lies, 0.0 to 1.0
 */
typedef struct
{
  GHashTable *fields;
  const char *where;
  double      fraction;
} PoRecord;

typedef gboolean (*PoRecordFunc) (const PoRecord  *record,
                                  gpointer         user_data,
                                  GError         **error);

typedef struct
{
  const char *const *required;      /* columns every file has */
  const char *const *optional;      /* columns a file may have */
  const char *const *arrays;        /* JSON fields that may be arrays (optional) */
  const char        *json_member;   /* "items": the array inside a JSON object */
} PoRecordFormat;

const char *po_record_get       (const PoRecord        *record,
                                 const char            *column);
gboolean    po_record_error     (GError               **error,
                                 const PoRecord        *record,
                                 const char            *column,
                                 const char            *format,
                                 ...) G_GNUC_PRINTF (4, 5);

gboolean    po_records_is_json  (const char            *text,
                                 gsize                  length);
gboolean    po_records_read_csv (const char            *text,
                                 gsize                  length,
                                 const char            *origin,
                                 const PoRecordFormat  *format,
                                 PoRecordFunc           func,
                                 gpointer               user_data,
                                 GError               **error);
gboolean    po_records_read_json (PoDatabase           *db,
                                  const char           *text,
                                  gsize                 length,
                                  const char           *origin,
                                  const PoRecordFormat *format,
                                  PoRecordFunc          func,
                                  gpointer              user_data,
                                  GError              **error);
gboolean    po_records_read     (PoDatabase            *db,
                                 const char            *text,
                                 gsize                  length,
                                 const char            *origin,
                                 const PoRecordFormat  *format,
                                 PoRecordFunc           func,
                                 gpointer               user_data,
                                 GError               **error);

G_END_DECLS
