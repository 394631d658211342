/* po-audit-row.c: one entry of the audit log, as a list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-audit-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "po-audit-row.h"

struct _PoAuditRow
{
  GObject       parent_instance;

  PoAuditEntry  entry;
  char         *time;
  guint         missing : 1;
  guint         unread : 1;
};

G_DEFINE_FINAL_TYPE (PoAuditRow, po_audit_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEQ,
  PROP_TIME,
  PROP_ACTOR,
  PROP_TABLE,
  PROP_TABLE_LABEL,
  PROP_ROW_ID,
  PROP_OPERATION,
  PROP_OPERATION_LABEL,
  PROP_BEFORE,
  PROP_AFTER,
  PROP_MISSING,
  PROP_UNREAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The tables of data/sql/001-schema.sql, as users name them. */
static const struct
{
  const char *table;
  const char *label;
} table_labels[] = {
  { "departments",            N_("Departments") },
  { "posts",                  N_("Posts") },
  { "power_items",            N_("Power items") },
  { "power_item_versions",    N_("Published versions") },
  { "review_requests",        N_("Review requests") },
  { "discretion_benchmarks",  N_("Discretion benchmarks") },
  { "discretion_tiers",       N_("Discretion tiers") },
  { "flowcharts",             N_("Flowcharts") },
  { "flow_nodes",             N_("Flowchart steps") },
  { "flow_edges",             N_("Flowchart connections") },
  { "cases",                  N_("Cases") },
  { "case_suspensions",       N_("Excluded periods") },
  { "petitions",              N_("Consultations and complaints") },
  { "alerts",                 N_("Alerts") },
  { "supervision_orders",     N_("Supervision orders") },
  { "accountability_records", N_("Accountability records") },
  { "calendar_years",         N_("Calendar years") },
  { "calendar_exceptions",    N_("Holiday schedule") },
};

/**
 * po_audit_table_label:
 * @table: a table name as the log records it
 *
 * Returns: the translated name of the table, or @table when unknown
 */
const char *
po_audit_table_label (const char *table)
{
  if (table == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (table_labels); i++)
    if (g_str_equal (table_labels[i].table, table))
      return _(table_labels[i].label);

  return table;
}

/**
 * po_audit_operation_label:
 * @operation: INSERT, UPDATE or DELETE
 *
 * Returns: the translated name of the change
 */
const char *
po_audit_operation_label (const char *operation)
{
  if (g_strcmp0 (operation, "INSERT") == 0)
    return _("Created");
  if (g_strcmp0 (operation, "UPDATE") == 0)
    return _("Changed");
  if (g_strcmp0 (operation, "DELETE") == 0)
    return _("Deleted");
  return operation ? operation : "";
}

static void
po_audit_row_finalize (GObject *object)
{
  PoAuditRow *self = (PoAuditRow *)object;

  po_audit_entry_clear (&self->entry);
  g_clear_pointer (&self->time, g_free);

  G_OBJECT_CLASS (po_audit_row_parent_class)->finalize (object);
}

static void
po_audit_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PoAuditRow *self = PO_AUDIT_ROW (object);

  switch (prop_id)
    {
    case PROP_SEQ:
      g_value_set_int64 (value, self->entry.seq);
      break;

    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;

    case PROP_ACTOR:
      g_value_set_string (value, self->entry.actor);
      break;

    case PROP_TABLE:
      g_value_set_string (value, self->entry.table);
      break;

    case PROP_TABLE_LABEL:
      g_value_set_string (value, self->entry.table ? po_audit_table_label (self->entry.table) : "");
      break;

    case PROP_ROW_ID:
      g_value_set_int64 (value, self->entry.row_id);
      break;

    case PROP_OPERATION:
      g_value_set_string (value, self->entry.op);
      break;

    case PROP_OPERATION_LABEL:
      if (self->missing)
        g_value_set_string (value, _("Missing"));
      else if (self->unread)
        g_value_set_string (value, _("Not Read"));
      else
        g_value_set_string (value, po_audit_operation_label (self->entry.op));
      break;

    case PROP_BEFORE:
      g_value_set_string (value, self->entry.before);
      break;

    case PROP_AFTER:
      g_value_set_string (value, self->entry.after);
      break;

    case PROP_MISSING:
      g_value_set_boolean (value, self->missing);
      break;

    case PROP_UNREAD:
      g_value_set_boolean (value, self->unread);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_audit_row_class_init (PoAuditRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = po_audit_row_finalize;
  object_class->get_property = po_audit_row_get_property;

  properties[PROP_SEQ] = g_param_spec_int64 ("seq", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TIME] = g_param_spec_string ("time", NULL, NULL, NULL, flags);
  properties[PROP_ACTOR] = g_param_spec_string ("actor", NULL, NULL, NULL, flags);
  properties[PROP_TABLE] = g_param_spec_string ("table", NULL, NULL, NULL, flags);
  properties[PROP_TABLE_LABEL] = g_param_spec_string ("table-label", NULL, NULL, NULL, flags);
  properties[PROP_ROW_ID] = g_param_spec_int64 ("row-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_OPERATION] = g_param_spec_string ("operation", NULL, NULL, NULL, flags);
  properties[PROP_OPERATION_LABEL] = g_param_spec_string ("operation-label", NULL, NULL, NULL, flags);
  properties[PROP_BEFORE] = g_param_spec_string ("before", NULL, NULL, NULL, flags);
  properties[PROP_AFTER] = g_param_spec_string ("after", NULL, NULL, NULL, flags);
  properties[PROP_MISSING] = g_param_spec_boolean ("missing", NULL, NULL, FALSE, flags);
  properties[PROP_UNREAD] = g_param_spec_boolean ("unread", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
po_audit_row_init (PoAuditRow *self)
{
}

/**
 * po_audit_row_new_take:
 * @entry: an entry read with po_audit_read(); its strings are taken
 *   and @entry is left cleared
 *
 * Returns: (transfer full): a row
 */
PoAuditRow *
po_audit_row_new_take (PoAuditEntry *entry)
{
  PoAuditRow *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (PO_TYPE_AUDIT_ROW, NULL);
  self->entry = *entry;
  memset (entry, 0, sizeof *entry);

  /* "2024-05-06T09:30:00+08:00" is shown as "2024-05-06 09:30:00": all
   * times are China Standard Time. */
  if (self->entry.at != NULL)
    {
      self->time = g_strndup (self->entry.at, 19);
      if (strlen (self->time) > 10 && self->time[10] == 'T')
        self->time[10] = ' ';
    }

  return self;
}

/**
 * po_audit_row_new_missing:
 * @seq: the number of an entry that is not in the log
 *
 * Returns: (transfer full): a row standing for a missing entry
 */
PoAuditRow *
po_audit_row_new_missing (gint64 seq)
{
  PoAuditRow *self = g_object_new (PO_TYPE_AUDIT_ROW, NULL);

  self->entry.seq = seq;
  self->missing = TRUE;
  return self;
}

/**
 * po_audit_row_new_unread:
 * @seq: the number of an entry that could not be read
 *
 * Unlike a missing entry, this says nothing about the log: reading it
 * failed (the database was busy, or the disk failed), and it may well be
 * there.
 *
 * Returns: (transfer full): a row standing for an entry not read
 */
PoAuditRow *
po_audit_row_new_unread (gint64 seq)
{
  PoAuditRow *self = g_object_new (PO_TYPE_AUDIT_ROW, NULL);

  self->entry.seq = seq;
  self->unread = TRUE;
  return self;
}

gint64
po_audit_row_get_seq (PoAuditRow *self)
{
  g_return_val_if_fail (PO_IS_AUDIT_ROW (self), 0);

  return self->entry.seq;
}

const char *
po_audit_row_get_time (PoAuditRow *self)
{
  g_return_val_if_fail (PO_IS_AUDIT_ROW (self), NULL);

  return self->time;
}

const char *
po_audit_row_get_actor (PoAuditRow *self)
{
  g_return_val_if_fail (PO_IS_AUDIT_ROW (self), NULL);

  return self->entry.actor;
}

const char *
po_audit_row_get_table (PoAuditRow *self)
{
  g_return_val_if_fail (PO_IS_AUDIT_ROW (self), NULL);

  return self->entry.table;
}

gint64
po_audit_row_get_row_id (PoAuditRow *self)
{
  g_return_val_if_fail (PO_IS_AUDIT_ROW (self), 0);

  return self->entry.row_id;
}

const char *
po_audit_row_get_operation (PoAuditRow *self)
{
  g_return_val_if_fail (PO_IS_AUDIT_ROW (self), NULL);

  return self->entry.op;
}

/**
 * po_audit_row_get_before:
 *
 * Returns: (nullable): the row as JSON before the change; %NULL when it
 *   was created
 */
const char *
po_audit_row_get_before (PoAuditRow *self)
{
  g_return_val_if_fail (PO_IS_AUDIT_ROW (self), NULL);

  return self->entry.before;
}

/**
 * po_audit_row_get_after:
 *
 * Returns: (nullable): the row as JSON after the change; %NULL when it
 *   was deleted
 */
const char *
po_audit_row_get_after (PoAuditRow *self)
{
  g_return_val_if_fail (PO_IS_AUDIT_ROW (self), NULL);

  return self->entry.after;
}

/**
 * po_audit_row_get_missing:
 *
 * Returns: whether the log has no entry with this number
 */
gboolean
po_audit_row_get_missing (PoAuditRow *self)
{
  g_return_val_if_fail (PO_IS_AUDIT_ROW (self), FALSE);

  return self->missing;
}

/**
 * po_audit_row_get_unread:
 *
 * Returns: whether reading the entry failed, so nothing is known of it
 */
gboolean
po_audit_row_get_unread (PoAuditRow *self)
{
  g_return_val_if_fail (PO_IS_AUDIT_ROW (self), FALSE);

  return self->unread;
}
