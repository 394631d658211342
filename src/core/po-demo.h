/* po-demo.h: a realistic synthetic office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-database.h"
#include "po-types.h"

G_BEGIN_DECLS

typedef struct
{
  guint   items;       /* power items, spread over all nine types */
  guint   cases;       /* cases over the last year */
  guint   petitions;   /* consultations and complaints over the last year */
  guint32 seed;        /* the same seed and today give the same data */
  PoDate  today;       /* the day the data is "as of" */
} PoDemoOptions;

void     po_demo_options_init (PoDemoOptions        *options);
gboolean po_demo_generate     (PoDatabase           *db,
                               const PoDemoOptions  *options,
                               GCancellable         *cancellable,
                               PoProgressFunc        progress,
                               gpointer              user_data,
                               GError              **error);

G_END_DECLS
