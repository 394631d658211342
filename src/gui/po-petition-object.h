/* po-petition-object.h: one consultation or complaint as a list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "po-intake.h"

G_BEGIN_DECLS

#define PO_TYPE_PETITION_OBJECT (po_petition_object_get_type ())

G_DECLARE_FINAL_TYPE (PoPetitionObject, po_petition_object, PO, PETITION_OBJECT, GObject)

PoPetitionObject *po_petition_object_new          (PoPetition       *petition);
const PoPetition *po_petition_object_get_petition (PoPetitionObject *self);
gint64            po_petition_object_get_id       (PoPetitionObject *self);
char             *po_petition_format_days         (const PoPetition *petition);
const char       *po_petition_badge_style         (const PoPetition *petition);

G_END_DECLS
