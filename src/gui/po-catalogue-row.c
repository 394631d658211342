/* po-catalogue-row.c: one power item of the catalogue, as a list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-catalogue-row"

#include "config.h"

#include "po-catalogue-row.h"
#include "po-domain.h"

/* A row is a catalogue and an index into it, nothing more: the strings
 * belong to the catalogue, which the row keeps alive. Rows are made only
 * for the positions a view asks for, and a new search result moves the
 * rows that live to their new entries, saying so with "changed" (see
 * PoCatalogueModel). */

struct _PoCatalogueRow
{
  GObject      parent_instance;

  PoCatalogue *catalogue;
  guint        index;
};

G_DEFINE_FINAL_TYPE (PoCatalogueRow, po_catalogue_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_TYPE,
  PROP_TYPE_LABEL,
  PROP_DEPARTMENT,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_BASIS,
  PROP_STATUTORY_LIMIT,
  PROP_COMMITTED_LIMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
po_catalogue_row_finalize (GObject *object)
{
  PoCatalogueRow *self = (PoCatalogueRow *)object;

  g_clear_pointer (&self->catalogue, po_catalogue_unref);

  G_OBJECT_CLASS (po_catalogue_row_parent_class)->finalize (object);
}

static void
po_catalogue_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PoCatalogueRow *self = PO_CATALOGUE_ROW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, po_catalogue_row_get_id (self));
      break;

    case PROP_CODE:
      g_value_set_string (value, po_catalogue_row_get_code (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, po_catalogue_row_get_name (self));
      break;

    case PROP_TYPE:
      g_value_set_string (value, po_catalogue_row_get_type_key (self));
      break;

    case PROP_TYPE_LABEL:
      g_value_set_string (value, po_catalogue_row_get_type_label (self));
      break;

    case PROP_DEPARTMENT:
      g_value_set_string (value, po_catalogue_row_get_department (self));
      break;

    case PROP_STATUS:
      g_value_set_string (value, po_catalogue_row_get_status (self));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, po_catalogue_row_get_status_label (self));
      break;

    case PROP_BASIS:
      g_value_set_string (value, po_catalogue_row_get_basis (self));
      break;

    case PROP_STATUTORY_LIMIT:
      g_value_set_int (value, po_catalogue_row_get_statutory_limit (self));
      break;

    case PROP_COMMITTED_LIMIT:
      g_value_set_int (value, po_catalogue_row_get_committed_limit (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_catalogue_row_class_init (PoCatalogueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = po_catalogue_row_finalize;
  object_class->get_property = po_catalogue_row_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_TYPE] = g_param_spec_string ("type", NULL, NULL, NULL, flags);
  properties[PROP_TYPE_LABEL] = g_param_spec_string ("type-label", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_BASIS] = g_param_spec_string ("basis", NULL, NULL, NULL, flags);
  properties[PROP_STATUTORY_LIMIT] = g_param_spec_int ("statutory-limit", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_COMMITTED_LIMIT] = g_param_spec_int ("committed-limit", NULL, NULL, 0, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PoCatalogueRow::changed:
   *
   * The row now shows another entry: every property changed at once.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
po_catalogue_row_init (PoCatalogueRow *self)
{
}

/**
 * po_catalogue_row_new:
 * @catalogue: the catalogue, kept alive by the row
 * @index: an entry of @catalogue
 *
 * Returns: (transfer full): a new row
 */
PoCatalogueRow *
po_catalogue_row_new (PoCatalogue *catalogue,
                      guint        index)
{
  PoCatalogueRow *self;

  g_return_val_if_fail (catalogue != NULL, NULL);
  g_return_val_if_fail (index < po_catalogue_get_n_entries (catalogue), NULL);

  self = g_object_new (PO_TYPE_CATALOGUE_ROW, NULL);
  self->catalogue = po_catalogue_ref (catalogue);
  self->index = index;
  return self;
}

/**
 * po_catalogue_row_set_entry:
 * @catalogue: the catalogue, kept alive by the row
 * @index: an entry of @catalogue
 *
 * Moves the row to another entry, emitting #PoCatalogueRow::changed
 * when it is a different one.
 */
void
po_catalogue_row_set_entry (PoCatalogueRow *self,
                            PoCatalogue    *catalogue,
                            guint           index)
{
  g_return_if_fail (PO_IS_CATALOGUE_ROW (self));
  g_return_if_fail (catalogue != NULL);
  g_return_if_fail (index < po_catalogue_get_n_entries (catalogue));

  if (self->catalogue == catalogue && self->index == index)
    return;

  if (self->catalogue != catalogue)
    {
      po_catalogue_ref (catalogue);
      g_clear_pointer (&self->catalogue, po_catalogue_unref);
      self->catalogue = catalogue;
    }
  self->index = index;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * po_catalogue_row_set_blank:
 *
 * Empties the row: its position is about to leave the list, and it
 * must not show an item that is not in it any more.
 */
void
po_catalogue_row_set_blank (PoCatalogueRow *self)
{
  g_return_if_fail (PO_IS_CATALOGUE_ROW (self));

  if (self->catalogue == NULL)
    return;

  g_clear_pointer (&self->catalogue, po_catalogue_unref);
  self->index = 0;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * po_catalogue_row_get_entry:
 *
 * Returns: (transfer none): the entry, valid as long as the row; every
 *   string empty for a blank row
 */
const PoCatalogueEntry *
po_catalogue_row_get_entry (PoCatalogueRow *self)
{
  static const PoCatalogueEntry blank = { 0, 0, "", "", "", "", "", "", 0, 0 };

  g_return_val_if_fail (PO_IS_CATALOGUE_ROW (self), NULL);

  if (self->catalogue == NULL)
    return &blank;
  return po_catalogue_get_entry (self->catalogue, self->index);
}

guint
po_catalogue_row_get_index (PoCatalogueRow *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_ROW (self), 0);

  return self->index;
}

gint64
po_catalogue_row_get_id (PoCatalogueRow *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_ROW (self), 0);

  return po_catalogue_row_get_entry (self)->id;
}

const char *
po_catalogue_row_get_code (PoCatalogueRow *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_ROW (self), NULL);

  return po_catalogue_row_get_entry (self)->code;
}

const char *
po_catalogue_row_get_name (PoCatalogueRow *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_ROW (self), NULL);

  return po_catalogue_row_get_entry (self)->name;
}

const char *
po_catalogue_row_get_type_key (PoCatalogueRow *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_ROW (self), NULL);

  return po_catalogue_row_get_entry (self)->type;
}

/**
 * po_catalogue_row_get_type_label:
 *
 * Returns: the item's type as users name it, translated
 */
const char *
po_catalogue_row_get_type_label (PoCatalogueRow *self)
{
  const PoEnumEntry *types;
  guint n;

  g_return_val_if_fail (PO_IS_CATALOGUE_ROW (self), NULL);

  types = po_item_types (&n);
  return po_enum_label (types, n, po_catalogue_row_get_entry (self)->type);
}

const char *
po_catalogue_row_get_department (PoCatalogueRow *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_ROW (self), NULL);

  return po_catalogue_row_get_entry (self)->department;
}

const char *
po_catalogue_row_get_status (PoCatalogueRow *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_ROW (self), NULL);

  return po_catalogue_row_get_entry (self)->status;
}

/**
 * po_catalogue_row_get_status_label:
 *
 * Returns: the item's status as users name it, translated
 */
const char *
po_catalogue_row_get_status_label (PoCatalogueRow *self)
{
  const PoEnumEntry *statuses;
  guint n;

  g_return_val_if_fail (PO_IS_CATALOGUE_ROW (self), NULL);

  statuses = po_item_statuses (&n);
  return po_enum_label (statuses, n, po_catalogue_row_get_entry (self)->status);
}

const char *
po_catalogue_row_get_basis (PoCatalogueRow *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_ROW (self), NULL);

  return po_catalogue_row_get_entry (self)->basis;
}

int
po_catalogue_row_get_statutory_limit (PoCatalogueRow *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_ROW (self), 0);

  return po_catalogue_row_get_entry (self)->statutory_limit;
}

int
po_catalogue_row_get_committed_limit (PoCatalogueRow *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_ROW (self), 0);

  return po_catalogue_row_get_entry (self)->committed_limit;
}
