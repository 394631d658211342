/* po-petition-object.c: one consultation or complaint as a list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The petitions page's column view sorts by these properties through
 * property expressions. The figures (deadline, working days left, level)
 * are the core's; this only words them.
 */
#define G_LOG_DOMAIN "po-petition-object"

#include "config.h"

#include <glib/gi18n.h>

#include "po-domain.h"
#include "po-petition-object.h"

struct _PoPetitionObject
{
  GObject     parent_instance;

  PoPetition *petition;
};

G_DEFINE_FINAL_TYPE (PoPetitionObject, po_petition_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REF,
  PROP_KIND_LABEL,
  PROP_SUBJECT,
  PROP_DEPARTMENT,
  PROP_RECEIVED_ON,
  PROP_DUE_ON,
  PROP_DAYS_LEFT,
  PROP_URGENCY,
  PROP_ASSIGNEE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static gboolean
has_date (const char *date)
{
  return date != NULL && *date != '\0';
}

/* Working days left never come near a million. */
#define URGENCY_STEP 1000000

static int
po_petition_urgency (const PoPetition *p)
{
  int days = CLAMP (p->days_left, -URGENCY_STEP / 2, URGENCY_STEP / 2);

  if (has_date (p->closed_on))
    return 2 * URGENCY_STEP + days;
  if (has_date (p->replied_on))
    return URGENCY_STEP + days;
  return days;
}

static void
po_petition_object_finalize (GObject *object)
{
  PoPetitionObject *self = (PoPetitionObject *)object;

  g_clear_pointer (&self->petition, po_petition_free);

  G_OBJECT_CLASS (po_petition_object_parent_class)->finalize (object);
}

static void
po_petition_object_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PoPetitionObject *self = PO_PETITION_OBJECT (object);
  const PoPetition *p = self->petition;
  guint n;
  const PoEnumEntry *kinds;

  switch (prop_id)
    {
    case PROP_REF:
      g_value_set_string (value, or_empty (p->ref));
      break;

    case PROP_KIND_LABEL:
      kinds = po_petition_kinds (&n);
      g_value_set_string (value, po_enum_label (kinds, n, p->kind));
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, or_empty (p->subject));
      break;

    case PROP_DEPARTMENT:
      g_value_set_string (value, or_empty (p->department));
      break;

    case PROP_RECEIVED_ON:
      g_value_set_string (value, or_empty (p->received_on));
      break;

    case PROP_DUE_ON:
      g_value_set_string (value, or_empty (p->due_on));
      break;

    case PROP_DAYS_LEFT:
      g_value_set_int (value, p->days_left);
      break;

    case PROP_URGENCY:
      g_value_set_int (value, po_petition_urgency (p));
      break;

    case PROP_ASSIGNEE:
      g_value_set_string (value, or_empty (p->assignee));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_petition_object_class_init (PoPetitionObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = po_petition_object_finalize;
  object_class->get_property = po_petition_object_get_property;

  properties[PROP_REF] = g_param_spec_string ("ref", NULL, NULL, NULL, flags);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, flags);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED_ON] = g_param_spec_string ("received-on", NULL, NULL, NULL, flags);
  properties[PROP_DUE_ON] = g_param_spec_string ("due-on", NULL, NULL, NULL, flags);
  /**
   * PoPetitionObject:days-left:
   *
   * Working days left to the reply deadline (as of the reply, once
   * replied); negative when over.
   */
  properties[PROP_DAYS_LEFT] = g_param_spec_int ("days-left", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  /**
   * PoPetitionObject:urgency:
   *
   * Sorted ascending: those awaiting a reply, the least time left first,
   * then those replied, then those closed.
   */
  properties[PROP_URGENCY] = g_param_spec_int ("urgency", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_ASSIGNEE] = g_param_spec_string ("assignee", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
po_petition_object_init (PoPetitionObject *self)
{
}

/**
 * po_petition_object_new:
 * @petition: (transfer full): the consultation or complaint
 *
 * Returns: (transfer full): an item holding @petition
 */
PoPetitionObject *
po_petition_object_new (PoPetition *petition)
{
  PoPetitionObject *self;

  g_return_val_if_fail (petition != NULL, NULL);

  self = g_object_new (PO_TYPE_PETITION_OBJECT, NULL);
  self->petition = petition;
  return self;
}

/**
 * po_petition_object_get_petition:
 *
 * Returns: (transfer none): the consultation or complaint
 */
const PoPetition *
po_petition_object_get_petition (PoPetitionObject *self)
{
  g_return_val_if_fail (PO_IS_PETITION_OBJECT (self), NULL);

  return self->petition;
}

gint64
po_petition_object_get_id (PoPetitionObject *self)
{
  g_return_val_if_fail (PO_IS_PETITION_OBJECT (self), 0);

  return self->petition->id;
}


/**
 * po_petition_format_days:
 *
 * Returns: (transfer full): where the petition stands against its reply
 *   deadline, in a few words
 */
char *
po_petition_format_days (const PoPetition *petition)
{
  int days;

  g_return_val_if_fail (petition != NULL, NULL);

  days = petition->days_left;
  if (has_date (petition->replied_on))
    {
      if (days >= 0)
        return g_strdup (_("Replied on time"));
      /* Translators: a reply given this many working days after its deadline */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Replied %d working day late",
                                           "Replied %d working days late", -days),
                              -days);
    }
  if (!has_date (petition->due_on))
    return g_strdup ("—");
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days > 0)
    /* Translators: working days left to reply */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day left", "%d working days left", days),
                            days);
  /* Translators: working days past the reply deadline, not yet replied */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day overdue", "%d working days overdue", -days),
                          -days);
}

/**
 * po_petition_badge_style:
 *
 * Returns: (nullable): "error" for red, "warning" for yellow, as the
 *   review queue shows them
 */
const char *
po_petition_badge_style (const PoPetition *petition)
{
  g_return_val_if_fail (petition != NULL, NULL);

  if (g_strcmp0 (petition->level, "red") == 0)
    return "error";
  if (g_strcmp0 (petition->level, "yellow") == 0)
    return "warning";
  return NULL;
}
