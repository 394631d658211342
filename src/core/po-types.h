/* po-types.h: types shared across the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PoProgressFunc:
 * @fraction: work done, 0.0 to 1.0
 *
 * Reports progress of long work; called from the thread doing it.
 */
typedef void (*PoProgressFunc) (double   fraction,
                                gpointer user_data);

G_END_DECLS
