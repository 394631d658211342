/* po-discretion-bar.h: how the tiers of a benchmark divide its statutory range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "po-discretion.h"

G_BEGIN_DECLS

#define PO_TYPE_DISCRETION_BAR (po_discretion_bar_get_type ())

G_DECLARE_FINAL_TYPE (PoDiscretionBar, po_discretion_bar, PO, DISCRETION_BAR, GtkWidget)

GtkWidget   *po_discretion_bar_new            (void);
PoBenchmark *po_discretion_bar_get_benchmark  (PoDiscretionBar *self);
void         po_discretion_bar_set_benchmark  (PoDiscretionBar *self,
                                               PoBenchmark     *benchmark);
guint        po_discretion_bar_get_n_segments (PoDiscretionBar *self);
char        *po_discretion_bar_describe_segment (PoDiscretionBar *self,
                                                 guint            index);
char        *po_discretion_format_amount_label (double           amount,
                                                PoDiscretionUnit unit);

G_END_DECLS
