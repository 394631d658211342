/* po-alert-object.h: one alert as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "po-supervision.h"

G_BEGIN_DECLS

#define PO_TYPE_ALERT_OBJECT (po_alert_object_get_type ())

G_DECLARE_FINAL_TYPE (PoAlertObject, po_alert_object, PO, ALERT_OBJECT, GObject)

PoAlertObject *po_alert_object_new        (PoAlert       *alert);
const PoAlert *po_alert_object_get_alert  (PoAlertObject *self);
gint64         po_alert_object_get_id     (PoAlertObject *self);
const char    *po_alert_object_get_rule_label (PoAlertObject *self);
gboolean       po_alert_object_is_red     (PoAlertObject *self);

G_END_DECLS
