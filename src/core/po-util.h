/* po-util.h: small helpers shared by the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void      po_json_append_string (GString     *out,
                                 const char  *text);
void      po_csv_append_field   (GString     *out,
                                 const char  *value);
char     *po_json_indent        (const char  *json);
gboolean  po_read_text_file     (const char  *path,
                                 char       **contents,
                                 gsize       *length,
                                 GError     **error);

G_END_DECLS
