/* po-item.c: a power item, its rules and its lifecycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-item"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "po-domain.h"
#include "po-error.h"
#include "po-item.h"
#include "po-util.h"

static const struct
{
  const char *key;
  const char *label;
} fields[PO_N_FIELDS] = {
  [PO_FIELD_CODE]              = { "code",              N_("Code") },
  [PO_FIELD_NAME]              = { "name",              N_("Name") },
  [PO_FIELD_TYPE]              = { "type",              N_("Type") },
  [PO_FIELD_DEPARTMENT]        = { "department",        N_("Implementing body") },
  [PO_FIELD_BASIS_LAW]         = { "basis_law",         N_("Law") },
  [PO_FIELD_BASIS_ARTICLE]     = { "basis_article",     N_("Article") },
  [PO_FIELD_BASIS_TEXT]        = { "basis_text",        N_("Text of the legal basis") },
  [PO_FIELD_FEE_BASIS]         = { "fee_basis",         N_("Fee basis") },
  [PO_FIELD_FEE_STANDARD]      = { "fee_standard",      N_("Fee standard") },
  [PO_FIELD_STATUTORY_LIMIT]   = { "statutory_limit",   N_("Statutory time limit") },
  [PO_FIELD_COMMITTED_LIMIT]   = { "committed_limit",   N_("Committed time limit") },
  [PO_FIELD_HANDLING_UNIT]     = { "handling_unit",     N_("Handling unit") },
  [PO_FIELD_PLACE]             = { "place",             N_("Place") },
  [PO_FIELD_PHONE]             = { "phone",             N_("Phone") },
  [PO_FIELD_SUPERVISION_PHONE] = { "supervision_phone", N_("Supervision phone") },
  [PO_FIELD_NOTES]             = { "notes",             N_("Other notes") },
};

const char *
po_field_key (PoField field)
{
  g_return_val_if_fail (field < PO_N_FIELDS, "");
  return fields[field].key;
}

const char *
po_field_label (PoField field)
{
  if (field >= PO_N_FIELDS)
    return _("Companions");
  return g_dgettext (GETTEXT_PACKAGE, fields[field].label);
}

static PoField
field_from_key (const char *key)
{
  for (guint i = 0; i < PO_N_FIELDS; i++)
    if (g_str_equal (fields[i].key, key))
      return (PoField) i;
  return PO_N_FIELDS;
}

void
po_item_clear (PoItem *item)
{
  g_clear_pointer (&item->code, g_free);
  g_clear_pointer (&item->name, g_free);
  g_clear_pointer (&item->type, g_free);
  g_clear_pointer (&item->department, g_free);
  g_clear_pointer (&item->status, g_free);
  g_clear_pointer (&item->basis_law, g_free);
  g_clear_pointer (&item->basis_article, g_free);
  g_clear_pointer (&item->basis_text, g_free);
  g_clear_pointer (&item->fee_basis, g_free);
  g_clear_pointer (&item->fee_standard, g_free);
  g_clear_pointer (&item->handling_unit, g_free);
  g_clear_pointer (&item->place, g_free);
  g_clear_pointer (&item->phone, g_free);
  g_clear_pointer (&item->supervision_phone, g_free);
  g_clear_pointer (&item->notes, g_free);
}

/* Every string field of PoItem, to fill or copy them all alike. */
static char **
string_slot (PoItem  *item,
             PoField  field)
{
  switch (field)
    {
    case PO_FIELD_CODE: return &item->code;
    case PO_FIELD_NAME: return &item->name;
    case PO_FIELD_TYPE: return &item->type;
    case PO_FIELD_DEPARTMENT: return &item->department;
    case PO_FIELD_BASIS_LAW: return &item->basis_law;
    case PO_FIELD_BASIS_ARTICLE: return &item->basis_article;
    case PO_FIELD_BASIS_TEXT: return &item->basis_text;
    case PO_FIELD_FEE_BASIS: return &item->fee_basis;
    case PO_FIELD_FEE_STANDARD: return &item->fee_standard;
    case PO_FIELD_HANDLING_UNIT: return &item->handling_unit;
    case PO_FIELD_PLACE: return &item->place;
    case PO_FIELD_PHONE: return &item->phone;
    case PO_FIELD_SUPERVISION_PHONE: return &item->supervision_phone;
    case PO_FIELD_NOTES: return &item->notes;
    case PO_FIELD_STATUTORY_LIMIT:
    case PO_FIELD_COMMITTED_LIMIT:
    case PO_N_FIELDS:
    default:
      return NULL;
    }
}

PoItem *
po_item_new (void)
{
  PoItem *item = g_new0 (PoItem, 1);

  for (guint f = 0; f < PO_N_FIELDS; f++)
    {
      char **slot = string_slot (item, (PoField) f);
      if (slot)
        *slot = g_strdup ("");
    }
  item->status = g_strdup ("draft");
  g_free (item->type);
  item->type = g_strdup ("license");
  return item;
}

void
po_item_free (PoItem *item)
{
  if (item == NULL)
    return;
  po_item_clear (item);
  g_free (item);
}

PoItem *
po_item_copy (const PoItem *item)
{
  PoItem *copy = g_new0 (PoItem, 1);

  *copy = *item;
  for (guint f = 0; f < PO_N_FIELDS; f++)
    {
      char **slot = string_slot (copy, (PoField) f);
      if (slot)
        *slot = g_strdup (*slot);
    }
  copy->status = g_strdup (item->status);
  return copy;
}

/**
 * po_item_get_field:
 *
 * Returns: (transfer full): the field as text, limits as numbers
 *   ("" when unset)
 */
char *
po_item_get_field (const PoItem *item,
                   PoField       field)
{
  char **slot;

  if (field == PO_FIELD_STATUTORY_LIMIT)
    return item->statutory_limit > 0 ? g_strdup_printf ("%d", item->statutory_limit) : g_strdup ("");
  if (field == PO_FIELD_COMMITTED_LIMIT)
    return item->committed_limit > 0 ? g_strdup_printf ("%d", item->committed_limit) : g_strdup ("");
  slot = string_slot ((PoItem *) item, field);
  return g_strdup (slot && *slot ? *slot : "");
}

void
po_finding_free (PoFinding *finding)
{
  g_free (finding->message);
  g_free (finding);
}

GPtrArray *
po_findings_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) po_finding_free);
}

static void
add_finding (GPtrArray  *findings,
             PoField     field,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_finding (GPtrArray  *findings,
             PoField     field,
             const char *format,
             ...)
{
  PoFinding *f = g_new0 (PoFinding, 1);
  va_list args;

  va_start (args, format);
  f->field = field;
  f->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (findings, f);
}

static void
add_missing (GPtrArray  *findings,
             PoField     field,
             const char *message)
{
  add_finding (findings, field, "%s", message);
  ((PoFinding *) g_ptr_array_index (findings, findings->len - 1))->missing = TRUE;
}

/**
 * po_phone_is_valid:
 *
 * A landline with its area code (0571-87654321, 057187654321, with an
 * optional extension -123), a mobile number (13812345678), or a public
 * service number (12345, 12315), optionally with an area code. Several
 * numbers may be separated by “、”, “，”, “,” or “;”.
 */
gboolean
po_phone_is_valid (const char *phone)
{
  static GRegex *one = NULL;
  g_auto(GStrv) parts = NULL;

  if (g_once_init_enter (&one))
    {
      GRegex *re = g_regex_new ("^(0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}(-[0-9]{1,6})?"
                                "|(0[1-9][0-9]{1,2}-)?1[0-9]{4}"
                                "|1[3-9][0-9]{9}"
                                "|[48]00-?[0-9]{3}-?[0-9]{4})$",
                                G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&one, re);
    }

  if (phone == NULL || *phone == '\0')
    return FALSE;
  parts = g_regex_split_simple ("\\s*(?:、|，|,|;|；)\\s*", phone, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *p = g_strstrip (g_strdup (parts[i]));

      if (*p == '\0')
        continue;
      if (!g_regex_match (one, p, 0, NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/* Types whose handling has a statutory time limit the public relies on. */
static gboolean
type_has_limit (const char *type)
{
  static const char *const with_limit[] = { "license", "other-approval", "penalty",
                                            "confirmation", "payment", "adjudication", NULL };
  return g_strv_contains (with_limit, type);
}

/* Types an applicant applies for at a place, paying a fee or none. */
static gboolean
type_is_application (const char *type)
{
  return g_strcmp0 (type, "license") == 0 || g_strcmp0 (type, "other-approval") == 0 ||
         g_strcmp0 (type, "confirmation") == 0 || g_strcmp0 (type, "payment") == 0;
}

/**
 * po_item_validate:
 * @findings: (element-type PoFinding): receives one finding per problem
 *
 * The field rules of an item: required fields for its type (规定 九(七)2
 * lists what must be published), phone formats, time limits as positive
 * working days with the committed one within the statutory one.
 */
void
po_item_validate (const PoItem *item,
                  GPtrArray    *findings)
{
  guint n_types;
  const PoEnumEntry *types = po_item_types (&n_types);

  if (is_blank (item->code))
    add_missing (findings, PO_FIELD_CODE, _("The code is missing; give the item the code of the catalogue."));
  if (is_blank (item->name))
    add_missing (findings, PO_FIELD_NAME, _("The name is missing."));
  if (po_enum_lookup (types, n_types, item->type) == NULL)
    add_finding (findings, PO_FIELD_TYPE, _("“%s” is not one of the nine types of administrative power."),
                 item->type ? item->type : "");
  if (item->department_id <= 0)
    add_missing (findings, PO_FIELD_DEPARTMENT, _("The implementing body is missing; choose a department."));
  if (is_blank (item->basis_law))
    add_missing (findings, PO_FIELD_BASIS_LAW,
                 _("The legal basis is missing; name the law, regulation or rule that sets up this power."));
  if (g_strcmp0 (item->type, "penalty") == 0 && is_blank (item->basis_article))
    add_missing (findings, PO_FIELD_BASIS_ARTICLE,
                 _("A penalty needs the article that punishes the violation."));
  if (is_blank (item->handling_unit))
    add_missing (findings, PO_FIELD_HANDLING_UNIT, _("The handling unit is missing."));
  if (type_is_application (item->type))
    {
      if (is_blank (item->place))
        add_missing (findings, PO_FIELD_PLACE, _("The place where applications are handled is missing."));
      if (is_blank (item->fee_standard))
        add_missing (findings, PO_FIELD_FEE_STANDARD,
                     _("The fee standard is missing; write “不收费” when no fee is charged."));
    }
  if (!is_blank (item->fee_standard) && is_blank (item->fee_basis) &&
      strstr (item->fee_standard, "不收费") == NULL && strstr (item->fee_standard, "免费") == NULL)
    add_missing (findings, PO_FIELD_FEE_BASIS, _("A fee is charged, so its legal basis must be given."));

  if (is_blank (item->phone))
    add_missing (findings, PO_FIELD_PHONE, _("The contact phone is missing."));
  else if (!po_phone_is_valid (item->phone))
    add_finding (findings, PO_FIELD_PHONE,
                 _("“%s” is not a phone number; write it like 0571-87654321, 13812345678 or 12345."), item->phone);
  if (is_blank (item->supervision_phone))
    add_missing (findings, PO_FIELD_SUPERVISION_PHONE, _("The supervision phone is missing."));
  else if (!po_phone_is_valid (item->supervision_phone))
    add_finding (findings, PO_FIELD_SUPERVISION_PHONE,
                 _("“%s” is not a phone number; write it like 0571-87654321, 13812345678 or 12345."),
                 item->supervision_phone);

  if (item->statutory_limit < 0)
    add_finding (findings, PO_FIELD_STATUTORY_LIMIT, _("The statutory time limit must be a positive number of working days."));
  else if (item->statutory_limit == 0 && type_has_limit (item->type))
    add_missing (findings, PO_FIELD_STATUTORY_LIMIT, _("The statutory time limit is missing; give it in working days."));
  if (item->committed_limit < 0)
    add_finding (findings, PO_FIELD_COMMITTED_LIMIT, _("The committed time limit must be a positive number of working days."));
  else if (item->committed_limit == 0 && type_is_application (item->type))
    add_missing (findings, PO_FIELD_COMMITTED_LIMIT, _("The committed time limit is missing; give it in working days."));
  if (item->committed_limit > 0 && item->statutory_limit > 0 && item->committed_limit > item->statutory_limit)
    add_finding (findings, PO_FIELD_COMMITTED_LIMIT,
                 _("The committed time limit (%d working days) is longer than the statutory one (%d); "
                   "a department may promise less time than the law allows, never more."),
                 item->committed_limit, item->statutory_limit);
}

/**
 * po_item_completeness:
 *
 * What is still missing before @item can be published: its field
 * findings, then the companions the regulation requires to be published
 * with it (规定 九(六)(七)): the external flowchart, and for a penalty a
 * discretion benchmark.
 */
gboolean
po_item_completeness (PoDatabase   *db,
                      const PoItem *item,
                      GPtrArray    *findings,
                      GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 nodes = 0, benchmarks = 0;

  po_item_validate (item, findings);
  if (item->id <= 0)
    return TRUE;

  stmt = po_database_prepare (db,
                              "SELECT (SELECT count(*) FROM flow_nodes n JOIN flowcharts c ON c.id = n.flowchart_id "
                              "        WHERE c.item_id = ?1 AND c.kind = 'external'), "
                              "       (SELECT count(*) FROM discretion_benchmarks WHERE item_id = ?1)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      nodes = sqlite3_column_int64 (stmt, 0);
      benchmarks = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (nodes == 0)
    add_missing (findings, PO_N_FIELDS,
                 _("The external flowchart is missing; every power item is published with one."));
  if (g_strcmp0 (item->type, "penalty") == 0 && benchmarks == 0)
    add_missing (findings, PO_N_FIELDS,
                 _("The discretion benchmark is missing; a penalty is published with its benchmark."));
  return TRUE;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  return g_strdup (text ? text : "");
}

#define ITEM_COLUMNS \
  "i.id, i.code, i.name, i.type, i.department_id, d.name, i.status, i.basis_law, i.basis_article, " \
  "i.basis_text, i.fee_basis, i.fee_standard, i.statutory_limit, i.committed_limit, i.handling_unit, " \
  "i.place, i.phone, i.supervision_phone, i.notes, i.published_version "

static PoItem *
read_item (sqlite3_stmt *stmt)
{
  PoItem *item = g_new0 (PoItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->code = column_text (stmt, 1);
  item->name = column_text (stmt, 2);
  item->type = column_text (stmt, 3);
  item->department_id = sqlite3_column_int64 (stmt, 4);
  item->department = column_text (stmt, 5);
  item->status = column_text (stmt, 6);
  item->basis_law = column_text (stmt, 7);
  item->basis_article = column_text (stmt, 8);
  item->basis_text = column_text (stmt, 9);
  item->fee_basis = column_text (stmt, 10);
  item->fee_standard = column_text (stmt, 11);
  item->statutory_limit = sqlite3_column_int (stmt, 12);
  item->committed_limit = sqlite3_column_int (stmt, 13);
  item->handling_unit = column_text (stmt, 14);
  item->place = column_text (stmt, 15);
  item->phone = column_text (stmt, 16);
  item->supervision_phone = column_text (stmt, 17);
  item->notes = column_text (stmt, 18);
  item->published_version = sqlite3_column_int (stmt, 19);
  return item;
}

static PoItem *
load_where (PoDatabase  *db,
            const char  *sql,
            const char  *code,
            gint64       id,
            GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db, sql, error);
  PoItem *item = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (code)
    sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = read_item (stmt);
  else if (rc == SQLITE_DONE)
    {
      if (code)
        g_set_error (error, PO_ERROR, PO_ERROR_NOT_FOUND, _("No power item has the code “%s”"), code);
      else
        g_set_error (error, PO_ERROR, PO_ERROR_NOT_FOUND, _("No power item has the number %lld"), (long long) id);
    }
  else
    po_database_set_error (db, rc, error, _("read the power item"));
  sqlite3_reset (stmt);
  return item;
}

/**
 * po_item_load:
 *
 * Returns: (transfer full): the item with @code, or %NULL with
 *   %PO_ERROR_NOT_FOUND
 */
PoItem *
po_item_load (PoDatabase  *db,
              const char  *code,
              GError     **error)
{
  g_return_val_if_fail (code != NULL, NULL);

  return load_where (db,
                     "SELECT " ITEM_COLUMNS "FROM power_items i JOIN departments d ON d.id = i.department_id "
                     "WHERE i.code = ?1",
                     code, 0, error);
}

PoItem *
po_item_load_by_id (PoDatabase  *db,
                    gint64       id,
                    GError     **error)
{
  return load_where (db,
                     "SELECT " ITEM_COLUMNS "FROM power_items i JOIN departments d ON d.id = i.department_id "
                     "WHERE i.id = ?1",
                     NULL, id, error);
}

static void
bind_limit (sqlite3_stmt *stmt,
            int           col,
            int           value)
{
  if (value > 0)
    sqlite3_bind_int (stmt, col, value);
  else
    sqlite3_bind_null (stmt, col);
}

/* Binds the editable fields as ?2 … ?17 in PoField order (department as its id). */
static void
bind_fields (sqlite3_stmt *stmt,
             const PoItem *item)
{
  sqlite3_bind_text (stmt, 2, item->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, item->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, item->type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, item->department_id);
  sqlite3_bind_text (stmt, 6, item->basis_law, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, item->basis_article, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, item->basis_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, item->fee_basis, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, item->fee_standard, -1, SQLITE_TRANSIENT);
  bind_limit (stmt, 11, item->statutory_limit);
  bind_limit (stmt, 12, item->committed_limit);
  sqlite3_bind_text (stmt, 13, item->handling_unit, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, item->place, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, item->phone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 16, item->supervision_phone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 17, item->notes, -1, SQLITE_TRANSIENT);
}

static gboolean
write_failed (PoDatabase   *db,
              const PoItem *item,
              GError      **error,
              GError       *local)
{
  /* The schema's UNIQUE code is the usual reason; say so plainly. */
  if (g_error_matches (local, PO_ERROR, PO_ERROR_CONSTRAINT) && strstr (local->message, "power_items.code"))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_CONSTRAINT,
                   _("The code “%s” is already used by another power item"), item->code);
      g_error_free (local);
      return FALSE;
    }
  g_propagate_error (error, local);
  return FALSE;
}

/**
 * po_item_insert:
 * @item: the item; its id and status ("draft" unless set) are filled in
 * @created_on: the day the item is entered
 *
 * Stores a new item with its current status. Callers check
 * po_item_validate() first where the user may still fix the fields.
 */
gboolean
po_item_insert (PoDatabase  *db,
                PoItem      *item,
                const char  *created_on,
                GError     **error)
{
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);

  stmt = po_database_prepare (db,
                              "INSERT INTO power_items (status, code, name, type, department_id, basis_law, "
                              "  basis_article, basis_text, fee_basis, fee_standard, statutory_limit, "
                              "  committed_limit, handling_unit, place, phone, supervision_phone, notes, created_on) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, item->status ? item->status : "draft", -1, SQLITE_TRANSIENT);
  bind_fields (stmt, item);
  sqlite3_bind_text (stmt, 18, created_on, -1, SQLITE_TRANSIENT);
  if (!po_database_step_done (db, stmt, &local))
    return write_failed (db, item, error, g_steal_pointer (&local));
  item->id = sqlite3_last_insert_rowid (po_database_get_handle (db));
  if (item->status == NULL)
    item->status = g_strdup ("draft");
  return TRUE;
}

/**
 * po_item_write:
 *
 * Writes the fields of @item over the stored row, whatever its status:
 * for the lifecycle functions (po_item_update_draft(), the review
 * decisions), which decide when that is allowed.
 */
gboolean
po_item_write (PoDatabase   *db,
               const PoItem *item,
               GError      **error)
{
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt;

  stmt = po_database_prepare (db,
                              "UPDATE power_items SET code = ?2, name = ?3, type = ?4, department_id = ?5, "
                              "  basis_law = ?6, basis_article = ?7, basis_text = ?8, fee_basis = ?9, "
                              "  fee_standard = ?10, statutory_limit = ?11, committed_limit = ?12, "
                              "  handling_unit = ?13, place = ?14, phone = ?15, supervision_phone = ?16, notes = ?17 "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  bind_fields (stmt, item);
  if (!po_database_step_done (db, stmt, &local))
    return write_failed (db, item, error, g_steal_pointer (&local));
  return TRUE;
}

/**
 * po_item_status_allows:
 * @action: "edit", "submit", "publish", "adjust" (file a change or an
 *   abolition of a published item), or "decide" (a review decision)
 *
 * The lifecycle of the regulation (规定 九(二)(三)): only a draft is
 * edited in place; a draft goes to legality review; only an approved
 * item is published; a published item changes or is abolished only
 * through review again, its published version staying in force
 * meanwhile; an abolished item is final.
 */
gboolean
po_item_status_allows (const char *status,
                       const char *action)
{
  if (g_strcmp0 (action, "edit") == 0 || g_strcmp0 (action, "submit") == 0)
    return g_strcmp0 (status, "draft") == 0;
  if (g_strcmp0 (action, "publish") == 0)
    return g_strcmp0 (status, "approved") == 0;
  if (g_strcmp0 (action, "adjust") == 0)
    return g_strcmp0 (status, "published") == 0;
  if (g_strcmp0 (action, "decide") == 0)
    return g_strcmp0 (status, "in-review") == 0 || g_strcmp0 (status, "adjusting") == 0;
  return FALSE;
}

gboolean
po_item_refuse (const PoItem *item,
                const char   *action,
                GError      **error)
{
  guint n;
  const PoEnumEntry *statuses = po_item_statuses (&n);

  g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
               g_str_equal (action, "edit")
               ? _("“%s” is %s: only a draft is edited directly; a published item changes through legality review")
               : g_str_equal (action, "publish")
               ? _("“%s” is %s: only an item approved by legality review can be published")
               : _("“%s” is %s: that step is not allowed now"),
               item->code, po_enum_label (statuses, n, item->status));
  return FALSE;
}

/**
 * po_item_set_status:
 *
 * Moves an item along its lifecycle; for the review decisions.
 */
gboolean
po_item_set_status (PoDatabase  *db,
                    gint64       item_id,
                    const char  *status,
                    GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db, "UPDATE power_items SET status = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_TRANSIENT);
  return po_database_step_done (db, stmt, error);
}

/**
 * po_item_update_draft:
 *
 * Saves the fields of a draft item. Anything else is refused: a
 * published item changes through legality review.
 */
gboolean
po_item_update_draft (PoDatabase   *db,
                      const PoItem *item,
                      GError      **error)
{
  g_autoptr(PoItem) stored = NULL;

  g_return_val_if_fail (item->id > 0, FALSE);

  stored = po_item_load_by_id (db, item->id, error);
  if (stored == NULL)
    return FALSE;
  if (!po_item_status_allows (stored->status, "edit"))
    return po_item_refuse (stored, "edit", error);
  return po_item_write (db, item, error);
}

/**
 * po_item_to_json:
 *
 * Returns: (transfer full): the item's public fields as a JSON object,
 *   the form in which versions are kept and proposals are filed
 */
char *
po_item_to_json (const PoItem *item)
{
  GString *out = g_string_new ("{");

  for (guint f = 0; f < PO_N_FIELDS; f++)
    {
      g_autofree char *value = po_item_get_field (item, (PoField) f);

      if (f > 0)
        g_string_append (out, ", ");
      po_json_append_string (out, fields[f].key);
      g_string_append (out, ": ");
      if (f == PO_FIELD_STATUTORY_LIMIT || f == PO_FIELD_COMMITTED_LIMIT)
        g_string_append (out, *value ? value : "null");
      else
        po_json_append_string (out, value);
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/**
 * po_department_find:
 * @code_or_name: a department's code or its full name
 *
 * Returns: the department's id, 0 when there is none, -1 on error
 */
gint64
po_department_find (PoDatabase  *db,
                    const char  *code_or_name,
                    GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db, "SELECT id FROM departments WHERE code = ?1 OR name = ?1", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, code_or_name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    id = -1, po_database_set_error (db, rc, error, _("find the department"));
  sqlite3_reset (stmt);
  return id;
}

void
po_department_free (PoDepartment *department)
{
  if (department == NULL)
    return;
  g_free (department->code);
  g_free (department->name);
  g_free (department);
}

/**
 * po_departments_list:
 *
 * Returns: (transfer container) (element-type PoDepartment): every
 *   department, city ones first, then by code
 */
GPtrArray *
po_departments_list (PoDatabase  *db,
                     GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) po_department_free);
  sqlite3_stmt *stmt = po_database_prepare (db,
                                            "SELECT id, code, name FROM departments "
                                            "ORDER BY level = 'county', region, code",
                                            error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoDepartment *d = g_new0 (PoDepartment, 1);

      d->id = sqlite3_column_int64 (stmt, 0);
      d->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      d->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (out, d);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      po_database_set_error (db, rc, error, _("read the departments"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * po_item_apply_json:
 * @json: an object with some of the fields of po_item_to_json()
 *
 * Sets the fields @json names on @item: a proposal applied to the
 * current version. The department must exist.
 */
gboolean
po_item_apply_json (PoItem      *item,
                    PoDatabase  *db,
                    const char  *json,
                    GError     **error)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  /* Read the pairs first: looking up a department uses the connection. */
  stmt = po_database_prepare (db, "SELECT key, coalesce (value, '') FROM json_each (?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (pairs, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (pairs, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("The proposal is not a JSON object of item fields"));
      return FALSE;
    }

  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *value = g_ptr_array_index (pairs, i + 1);
      PoField f = field_from_key (g_ptr_array_index (pairs, i));
      char **slot;

      if (f == PO_FIELD_STATUTORY_LIMIT)
        item->statutory_limit = atoi (value);
      else if (f == PO_FIELD_COMMITTED_LIMIT)
        item->committed_limit = atoi (value);
      else if (f == PO_FIELD_DEPARTMENT)
        {
          gint64 id = po_department_find (db, value, error);

          if (id < 0)
            return FALSE;
          if (id == 0)
            {
              g_set_error (error, PO_ERROR, PO_ERROR_NOT_FOUND,
                           _("The proposal names the department “%s”, which does not exist"), value);
              return FALSE;
            }
          item->department_id = id;
          g_free (item->department);
          item->department = g_strdup (value);
        }
      else if ((slot = string_slot (item, f)) != NULL)
        {
          g_free (*slot);
          *slot = g_strdup (value);
        }
    }
  return TRUE;
}

/**
 * po_item_publish:
 *
 * Publishes an approved item: its fields become a new version, kept for
 * good, and the item is published. Anything missing before publication
 * (po_item_completeness()) refuses it.
 */
gboolean
po_item_publish (PoDatabase  *db,
                 gint64       item_id,
                 PoDate       published_on,
                 GError     **error)
{
  g_autoptr(PoItem) item = NULL;
  g_autoptr(GPtrArray) findings = po_findings_new ();
  g_autofree char *json = NULL;
  char day[11];
  sqlite3_stmt *stmt;
  int version;

  item = po_item_load_by_id (db, item_id, error);
  if (item == NULL)
    return FALSE;
  if (!po_item_status_allows (item->status, "publish"))
    return po_item_refuse (item, "publish", error);
  if (!po_item_completeness (db, item, findings, error))
    return FALSE;
  if (findings->len > 0)
    {
      PoFinding *first = g_ptr_array_index (findings, 0);

      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” cannot be published yet: %s (%u thing is missing in all)",
                                "“%s” cannot be published yet: %s (%u things are missing in all)",
                                findings->len),
                   item->code, first->message, findings->len);
      return FALSE;
    }

  version = item->published_version + 1;
  json = po_item_to_json (item);
  po_date_format_buf (published_on, day);

  if (!po_database_exec (db, "SAVEPOINT publish", error))
    return FALSE;
  stmt = po_database_prepare (db,
                              "INSERT INTO power_item_versions (item_id, version, published_on, content) "
                              "VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_int (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, json, -1, SQLITE_TRANSIENT);
  if (!po_database_step_done (db, stmt, error))
    goto fail;
  stmt = po_database_prepare (db,
                              "UPDATE power_items SET status = 'published', published_version = ?2 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_int (stmt, 2, version);
  if (!po_database_step_done (db, stmt, error) ||
      !po_database_exec (db, "RELEASE publish", error))
    goto fail;
  return TRUE;

fail:
  po_database_exec (db, "ROLLBACK TO publish; RELEASE publish", NULL);
  return FALSE;
}

void
po_item_version_free (PoItemVersion *version)
{
  g_free (version->published_on);
  g_free (version->content);
  g_free (version);
}

/**
 * po_item_versions:
 *
 * Returns: (transfer full) (element-type PoItemVersion): every published
 *   version, oldest first
 */
GPtrArray *
po_item_versions (PoDatabase  *db,
                  gint64       item_id,
                  GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) po_item_version_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = po_database_prepare (db,
                              "SELECT version, published_on, content FROM power_item_versions "
                              "WHERE item_id = ?1 ORDER BY version",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoItemVersion *v = g_new0 (PoItemVersion, 1);

      v->version = sqlite3_column_int (stmt, 0);
      v->published_on = column_text (stmt, 1);
      v->content = column_text (stmt, 2);
      g_ptr_array_add (out, v);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the published versions")), NULL;
  return g_steal_pointer (&out);
}

void
po_field_change_free (PoFieldChange *change)
{
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

static char *
json_field (PoDatabase *db,
            const char *json,
            const char *key)
{
  sqlite3_stmt *stmt = po_database_prepare (db, "SELECT json_extract (?1, '$.' || ?2)", NULL);
  char *out = NULL;

  if (stmt == NULL || json == NULL)
    return g_strdup ("");
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    out = column_text (stmt, 0);
  sqlite3_reset (stmt);
  return out ? out : g_strdup ("");
}

/**
 * po_item_diff:
 * @before_json: (nullable): one version's content, or %NULL for none
 * @after_json: the other's
 *
 * Returns: (transfer full) (element-type PoFieldChange): the fields that
 *   differ, in field order
 */
GPtrArray *
po_item_diff (PoDatabase *db,
              const char *before_json,
              const char *after_json)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) po_field_change_free);

  for (guint f = 0; f < PO_N_FIELDS; f++)
    {
      g_autofree char *a = json_field (db, before_json, fields[f].key);
      g_autofree char *b = json_field (db, after_json, fields[f].key);

      if (!g_str_equal (a, b))
        {
          PoFieldChange *c = g_new0 (PoFieldChange, 1);

          c->field = (PoField) f;
          c->before = g_steal_pointer (&a);
          c->after = g_steal_pointer (&b);
          g_ptr_array_add (out, c);
        }
    }
  return out;
}
