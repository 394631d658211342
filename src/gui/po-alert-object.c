/* po-alert-object.c: one alert as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monitoring pane's column view sorts by these properties through
 * property expressions; they are read-only views of the core's PoAlert.
 */
#define G_LOG_DOMAIN "po-alert-object"

#include "config.h"

#include "po-alert-object.h"
#include "po-domain.h"

struct _PoAlertObject
{
  GObject  parent_instance;

  PoAlert *alert;
};

G_DEFINE_FINAL_TYPE (PoAlertObject, po_alert_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_RULE_LABEL,
  PROP_LEVEL_RANK,
  PROP_REF,
  PROP_DEPARTMENT,
  PROP_DUE_ON,
  PROP_WORKING_DAYS_OVER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
po_alert_object_finalize (GObject *object)
{
  PoAlertObject *self = (PoAlertObject *)object;

  g_clear_pointer (&self->alert, po_alert_free);

  G_OBJECT_CLASS (po_alert_object_parent_class)->finalize (object);
}

static void
po_alert_object_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PoAlertObject *self = PO_ALERT_OBJECT (object);
  const PoAlert *a = self->alert;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, a->id);
      break;

    case PROP_RULE_LABEL:
      g_value_set_string (value, po_alert_object_get_rule_label (self));
      break;

    case PROP_LEVEL_RANK:
      g_value_set_int (value, po_alert_object_is_red (self) ? 2 : 1);
      break;

    case PROP_REF:
      g_value_set_string (value, a->ref ? a->ref : "");
      break;

    case PROP_DEPARTMENT:
      g_value_set_string (value, a->department ? a->department : "");
      break;

    case PROP_DUE_ON:
      g_value_set_string (value, a->due_on ? a->due_on : "");
      break;

    case PROP_WORKING_DAYS_OVER:
      g_value_set_int (value, a->working_days_over);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_alert_object_class_init (PoAlertObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = po_alert_object_finalize;
  object_class->get_property = po_alert_object_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_RULE_LABEL] = g_param_spec_string ("rule-label", NULL, NULL, NULL, flags);
  /**
   * PoAlertObject:level-rank:
   *
   * 2 for red, 1 for yellow: sorted descending, red first.
   */
  properties[PROP_LEVEL_RANK] = g_param_spec_int ("level-rank", NULL, NULL, 0, 2, 0, flags);
  properties[PROP_REF] = g_param_spec_string ("ref", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  /**
   * PoAlertObject:due-on:
   *
   * The deadline as YYYY-MM-DD, which sorts as text; empty for rules
   * without one.
   */
  properties[PROP_DUE_ON] = g_param_spec_string ("due-on", NULL, NULL, NULL, flags);
  properties[PROP_WORKING_DAYS_OVER] = g_param_spec_int ("working-days-over", NULL, NULL,
                                                         G_MININT, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
po_alert_object_init (PoAlertObject *self)
{
}

/**
 * po_alert_object_new:
 * @alert: (transfer full): the alert
 *
 * Returns: (transfer full): an item holding @alert
 */
PoAlertObject *
po_alert_object_new (PoAlert *alert)
{
  PoAlertObject *self;

  g_return_val_if_fail (alert != NULL, NULL);

  self = g_object_new (PO_TYPE_ALERT_OBJECT, NULL);
  self->alert = alert;
  return self;
}

/**
 * po_alert_object_get_alert:
 *
 * Returns: (transfer none): the alert
 */
const PoAlert *
po_alert_object_get_alert (PoAlertObject *self)
{
  g_return_val_if_fail (PO_IS_ALERT_OBJECT (self), NULL);

  return self->alert;
}

gint64
po_alert_object_get_id (PoAlertObject *self)
{
  g_return_val_if_fail (PO_IS_ALERT_OBJECT (self), 0);

  return self->alert->id;
}

/**
 * po_alert_object_get_rule_label:
 *
 * Returns: the rule's name, translated
 */
const char *
po_alert_object_get_rule_label (PoAlertObject *self)
{
  const PoEnumEntry *rules;
  guint n;

  g_return_val_if_fail (PO_IS_ALERT_OBJECT (self), NULL);

  rules = po_alert_rules (&n);
  return po_enum_label (rules, n, self->alert->rule);
}

gboolean
po_alert_object_is_red (PoAlertObject *self)
{
  g_return_val_if_fail (PO_IS_ALERT_OBJECT (self), FALSE);

  return g_strcmp0 (self->alert->level, "red") == 0;
}
