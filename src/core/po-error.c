/* po-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "po-error.h"

G_DEFINE_QUARK (po-error-quark, po_error)
