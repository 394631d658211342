/* po-catalogue-io.c: the catalogue as CSV and JSON files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV: UTF-8 (a byte-order mark is allowed), a header row, RFC 4180
 * quoting. The columns code, name, type, department, legal_basis,
 * fee_basis, fee_standard, statutory_limit, committed_limit,
 * handling_unit, place, phone, supervision_phone and status are required;
 * published_on, basis_law, basis_article and notes are optional. JSON: an
 * object {"format": "power-oversight-catalogue", "version": 1, "items":
 * […]} (or just the array) of objects with the same keys.
 *
 * An import is one savepoint: the first bad row stops it, names its line
 * (or position) and field, and nothing is written.
 */
#define G_LOG_DOMAIN "po-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "po-catalogue-io.h"
#include "po-domain.h"
#include "po-error.h"
#include "po-item.h"
#include "po-records.h"
#include "po-util.h"

static const char *const required_columns[] = {
  "code", "name", "type", "department", "legal_basis", "fee_basis", "fee_standard",
  "statutory_limit", "committed_limit", "handling_unit", "place", "phone",
  "supervision_phone", "status", NULL
};
static const char *const optional_columns[] = {
  "published_on", "basis_law", "basis_article", "notes", NULL
};

void
po_import_summary_clear (PoImportSummary *summary)
{
  g_clear_pointer (&summary->new_departments, g_ptr_array_unref);
  summary->items = summary->published = 0;
}

typedef struct
{
  PoDatabase      *db;
  const char      *origin;
  PoDate           today;
  PoImportSummary *summary;
  GHashTable      *codes;        /* code → where it first appeared */
  GHashTable      *departments;  /* code or name → id, including new ones */
  GCancellable    *cancellable;
  PoProgressFunc   progress;
  gpointer         user_data;
  guint            done;
} Import;

static gboolean
parse_limit (const char      *text,
             const PoRecord  *where,
             const char  *column,
             int         *out,
             GError     **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  guint64 n;

  if (*t == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (t, 10, 1, 3650, &n, NULL))
    return po_record_error (error, where, column,
                      _("“%s” is not a time limit; give a whole number of working days, at least 1"), t);
  *out = (int) n;
  return TRUE;
}

/* 《中华人民共和国行政许可法》第三十八条第二款 → the law and the article. */
static void
split_basis (const char  *basis,
             char       **law,
             char       **article)
{
  static GRegex *re = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("《([^》]+)》\\s*(第[^条]{1,10}条(第[^款]{1,6}款)?)?", G_REGEX_OPTIMIZE, 0, NULL));

  if (g_regex_match (re, basis, 0, &match))
    {
      *law = g_match_info_fetch (match, 1);
      *article = g_match_info_fetch (match, 2);
      if (*article == NULL)
        *article = g_strdup ("");
    }
  else
    {
      *law = g_strdup (basis);
      *article = g_strdup ("");
    }
}

static gint64
department_for (Import      *imp,
                const char  *value,
                GError     **error)
{
  gpointer found;
  sqlite3_stmt *stmt;
  g_autofree char *code = NULL;
  gint64 id;
  gboolean looks_like_code = TRUE;

  if (g_hash_table_lookup_extended (imp->departments, value, NULL, &found))
    return GPOINTER_TO_SIZE (found);

  id = po_department_find (imp->db, value, error);
  if (id < 0)
    return -1;
  if (id == 0)
    {
      /* A department the office does not know yet: created, and named in
       * the summary. A short ASCII word is taken for its code. */
      for (const char *p = value; *p; p++)
        if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
          looks_like_code = FALSE;
      looks_like_code = looks_like_code && strlen (value) <= 32;
      code = looks_like_code ? g_strdup (value)
                             : g_strdup_printf ("D%05lld",
                                                (long long) po_database_query_int (imp->db, "SELECT coalesce (max (id), 0) + 1 FROM departments", NULL));
      stmt = po_database_prepare (imp->db, "INSERT INTO departments (code, name) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      if (!po_database_step_done (imp->db, stmt, error))
        return -1;
      id = sqlite3_last_insert_rowid (po_database_get_handle (imp->db));
      g_ptr_array_add (imp->summary->new_departments, g_strdup (value));
    }
  g_hash_table_insert (imp->departments, g_strdup (value), GSIZE_TO_POINTER ((gsize) id));
  return id;
}

static gboolean
code_in_catalogue (Import     *imp,
                   const char *code)
{
  sqlite3_stmt *stmt = po_database_prepare (imp->db, "SELECT 1 FROM power_items WHERE code = ?1", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* One row, as column → text, checked and written. */
static gboolean
import_record (const PoRecord  *record,
               gpointer         user_data,
               GError         **error)
{
  Import *imp = user_data;
  const PoRecord *where = record;
  g_autoptr(PoItem) item = po_item_new ();
  g_autoptr(GPtrArray) findings = po_findings_new ();
  const PoEnumEntry *type;
  const char *status = po_record_get (record, "status");
  const char *published_text = po_record_get (record, "published_on");
  const char *department = po_record_get (record, "department");
  const char *basis = po_record_get (record, "legal_basis");
  PoDate published_on = imp->today;
  gboolean published;
  guint n_types;
  char day[11];

#define TAKE(field, column) G_STMT_START { g_free (item->field); item->field = g_strstrip (g_strdup (po_record_get (record, column))); } G_STMT_END
  TAKE (code, "code");
  TAKE (name, "name");
  TAKE (fee_basis, "fee_basis");
  TAKE (fee_standard, "fee_standard");
  TAKE (handling_unit, "handling_unit");
  TAKE (place, "place");
  TAKE (phone, "phone");
  TAKE (supervision_phone, "supervision_phone");
  TAKE (notes, "notes");
  TAKE (basis_text, "legal_basis");
#undef TAKE

  if (*item->code == '\0')
    return po_record_error (error, where, "code", _("the code is empty"));
  if (strlen (item->code) > 64)
    return po_record_error (error, where, "code", _("the code is longer than 64 bytes"));
  {
    const char *first = g_hash_table_lookup (imp->codes, item->code);
    if (first != NULL)
      return po_record_error (error, where, "code", _("the code “%s” already appears at %s"), item->code, first);
  }
  if (code_in_catalogue (imp, item->code))
    return po_record_error (error, where, "code", _("the code “%s” is already in the catalogue"), item->code);
  g_hash_table_insert (imp->codes, g_strdup (item->code), g_strdup (record->where));

  if (*item->name == '\0')
    return po_record_error (error, where, "name", _("the name is empty"));

  {
    const PoEnumEntry *types = po_item_types (&n_types);
    type = po_enum_lookup (types, n_types, g_strstrip ((char *) po_record_get (record, "type")));
  }
  if (type == NULL)
    return po_record_error (error, where, "type",
                      _("“%s” is not one of the nine types (行政许可, 非行政许可行政审批, 行政处罚, 行政确认, "
                        "行政给付, 行政裁决, 行政征收, 行政强制, 其他行政执法权力)"),
                      po_record_get (record, "type"));
  g_free (item->type);
  item->type = g_strdup (type->key);

  if (*department == '\0')
    return po_record_error (error, where, "department", _("the implementing department is empty"));
  item->department_id = department_for (imp, department, error);
  if (item->department_id < 0)
    return FALSE;
  g_free (item->department);
  item->department = g_strdup (department);

  if (g_hash_table_contains (record->fields, "basis_law"))
    {
      g_free (item->basis_law);
      g_free (item->basis_article);
      item->basis_law = g_strdup (po_record_get (record, "basis_law"));
      item->basis_article = g_strdup (po_record_get (record, "basis_article"));
    }
  else if (*basis != '\0')
    {
      g_free (item->basis_law);
      g_free (item->basis_article);
      split_basis (basis, &item->basis_law, &item->basis_article);
    }

  if (!parse_limit (po_record_get (record, "statutory_limit"), where, "statutory_limit", &item->statutory_limit, error) ||
      !parse_limit (po_record_get (record, "committed_limit"), where, "committed_limit", &item->committed_limit, error))
    return FALSE;

  if (g_str_equal (status, "draft") || g_str_equal (status, "草稿") || *status == '\0')
    published = FALSE;
  else if (g_str_equal (status, "published") || g_str_equal (status, "已公布"))
    published = TRUE;
  else
    return po_record_error (error, where, "status",
                      _("“%s” is not a status an import takes: “draft” for an item still to be reviewed, "
                        "“published” for one approved before this program"),
                      status);

  if (*published_text != '\0')
    {
      g_autoptr(GError) local = NULL;

      if (!published)
        return po_record_error (error, where, "published_on", _("a draft has no publication date"));
      published_on = po_date_parse (published_text, &local);
      if (published_on == PO_DATE_INVALID)
        return po_record_error (error, where, "published_on", "%s", local->message);
      if (published_on > imp->today)
        return po_record_error (error, where, "published_on", _("%s is in the future"), published_text);
    }

  /* Format errors refuse the row; a field that is merely empty does not:
   * the completeness panel names it before publication. */
  po_item_validate (item, findings);
  for (guint i = 0; i < findings->len; i++)
    {
      PoFinding *f = g_ptr_array_index (findings, i);

      if (!f->missing)
        return po_record_error (error, where, po_field_key (f->field), "%s", f->message);
    }

  g_free (item->status);
  item->status = g_strdup (published ? "published" : "draft");
  po_date_format_buf (published ? published_on : imp->today, day);
  {
    g_autoptr(GError) local = NULL;

    if (!po_item_insert (imp->db, item, day, &local))
      return po_record_error (error, where, NULL, "%s", local->message);
  }

  if (published)
    {
      g_autofree char *json = po_item_to_json (item);
      sqlite3_stmt *stmt;

      stmt = po_database_prepare (imp->db,
                                  "INSERT INTO power_item_versions (item_id, version, published_on, content) "
                                  "VALUES (?1, 1, ?2, ?3)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item->id);
      sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
      if (!po_database_step_done (imp->db, stmt, error))
        return FALSE;
      stmt = po_database_prepare (imp->db, "UPDATE power_items SET published_version = 1 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item->id);
      if (!po_database_step_done (imp->db, stmt, error))
        return FALSE;
      imp->summary->published++;
    }
  imp->summary->items++;

  if ((++imp->done & 0x3ff) == 0)
    {
      if (g_cancellable_set_error_if_cancelled (imp->cancellable, error))
        return FALSE;
      if (imp->progress)
        imp->progress (MIN (0.99, record->fraction), imp->user_data);
    }
  return TRUE;
}

static gboolean
import_begin (Import          *imp,
              PoDatabase      *db,
              const char      *origin,
              PoDate           today,
              PoImportSummary *summary,
              GCancellable    *cancellable,
              PoProgressFunc   progress,
              gpointer         user_data,
              GError         **error)
{
  memset (imp, 0, sizeof *imp);
  imp->db = db;
  imp->origin = origin;
  imp->today = today;
  imp->summary = summary;
  imp->cancellable = cancellable;
  imp->progress = progress;
  imp->user_data = user_data;
  imp->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  summary->items = summary->published = 0;
  g_clear_pointer (&summary->new_departments, g_ptr_array_unref);
  summary->new_departments = g_ptr_array_new_with_free_func (g_free);
  return po_database_exec (db, "SAVEPOINT catalogue_import", error);
}

static gboolean
import_end (Import   *imp,
            gboolean  ok,
            GError  **error)
{
  g_hash_table_unref (imp->codes);
  g_hash_table_unref (imp->departments);

  if (ok && imp->summary->items == 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("%s holds no power item"), imp->origin);
      ok = FALSE;
    }
  if (ok && po_database_exec (imp->db, "RELEASE catalogue_import", error))
    {
      if (imp->progress)
        imp->progress (1.0, imp->user_data);
      return TRUE;
    }
  po_database_exec (imp->db, "ROLLBACK TO catalogue_import; RELEASE catalogue_import", NULL);
  g_ptr_array_set_size (imp->summary->new_departments, 0);
  imp->summary->items = imp->summary->published = 0;
  return FALSE;
}

static const PoRecordFormat catalogue_format = {
  required_columns, optional_columns, NULL, "items"
};

static gboolean
import_records (PoDatabase      *db,
                gboolean         json,
                const char      *text,
                gsize            length,
                const char      *origin,
                PoDate           today,
                PoImportSummary *summary,
                GCancellable    *cancellable,
                PoProgressFunc   progress,
                gpointer         user_data,
                GError         **error)
{
  Import imp;
  gboolean ok;

  if (!import_begin (&imp, db, origin, today, summary, cancellable, progress, user_data, error))
    return FALSE;
  if (json)
    ok = po_records_read_json (db, text, length, origin, &catalogue_format, import_record, &imp, error);
  else
    ok = po_records_read_csv (text, length, origin, &catalogue_format, import_record, &imp, error);
  return import_end (&imp, ok, error);
}

/**
 * po_catalogue_import_csv:
 * @origin: the file's name, for messages
 * @today: the day of the import: the publication date where none is given
 *
 * Imports a catalogue in CSV, all or nothing.
 */
gboolean
po_catalogue_import_csv (PoDatabase      *db,
                         const char      *text,
                         gsize            length,
                         const char      *origin,
                         PoDate           today,
                         PoImportSummary *summary,
                         GCancellable    *cancellable,
                         PoProgressFunc   progress,
                         gpointer         user_data,
                         GError         **error)
{
  return import_records (db, FALSE, text, length, origin, today, summary, cancellable, progress, user_data, error);
}

/**
 * po_catalogue_import_json:
 *
 * Imports a catalogue in JSON, all or nothing.
 */
gboolean
po_catalogue_import_json (PoDatabase      *db,
                          const char      *text,
                          gsize            length,
                          const char      *origin,
                          PoDate           today,
                          PoImportSummary *summary,
                          GCancellable    *cancellable,
                          PoProgressFunc   progress,
                          gpointer         user_data,
                          GError         **error)
{
  return import_records (db, TRUE, text, length, origin, today, summary, cancellable, progress, user_data, error);
}

/**
 * po_catalogue_import_file:
 *
 * Imports FILE.csv or FILE.json (told apart by content), all or nothing.
 */
gboolean
po_catalogue_import_file (PoDatabase      *db,
                          const char      *path,
                          PoDate           today,
                          PoImportSummary *summary,
                          GCancellable    *cancellable,
                          PoProgressFunc   progress,
                          gpointer         user_data,
                          GError         **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!po_read_text_file (path, &contents, &length, error))
    return FALSE;
  return import_records (db, po_records_is_json (contents, length), contents, length, path, today,
                         summary, cancellable, progress, user_data, error);
}

static const char *const export_columns[] = {
  "code", "name", "type", "department", "legal_basis", "basis_law", "basis_article",
  "fee_basis", "fee_standard", "statutory_limit", "committed_limit", "handling_unit",
  "place", "phone", "supervision_phone", "notes", "status", "published_on", NULL
};

#define EXPORT_SQL \
  "SELECT i.code, i.name, i.type, d.name, " \
  "  CASE WHEN i.basis_text <> '' THEN i.basis_text " \
  "       ELSE '《' || i.basis_law || '》' || i.basis_article END, " \
  "  i.basis_law, i.basis_article, i.fee_basis, i.fee_standard, " \
  "  coalesce (i.statutory_limit, ''), coalesce (i.committed_limit, ''), i.handling_unit, i.place, " \
  "  i.phone, i.supervision_phone, i.notes, i.status, " \
  "  coalesce ((SELECT published_on FROM power_item_versions v WHERE v.item_id = i.id " \
  "             ORDER BY version DESC LIMIT 1), '') " \
  "FROM power_items i JOIN departments d ON d.id = i.department_id ORDER BY i.code"

static const char *
export_value (sqlite3_stmt *stmt,
              int           col)
{
  const char *v = (const char *) sqlite3_column_text (stmt, col);

  if (col == 2)
    {
      guint n;
      const PoEnumEntry *types = po_item_types (&n);
      const PoEnumEntry *e = po_enum_lookup (types, n, v);
      return e ? e->zh : v;
    }
  return v ? v : "";
}

/**
 * po_catalogue_export_csv:
 *
 * Returns: (transfer full): the whole catalogue as CSV, with a byte-order
 *   mark and CRLF line ends so that spreadsheet programs read it as UTF-8
 */
char *
po_catalogue_export_csv (PoDatabase  *db,
                         GError     **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  sqlite3_stmt *stmt = po_database_prepare (db, EXPORT_SQL, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; export_columns[i]; i++)
    g_string_append_printf (out, "%s%s", i ? "," : "", export_columns[i]);
  g_string_append (out, "\r\n");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 0; export_columns[c]; c++)
        {
          if (c)
            g_string_append_c (out, ',');
          po_csv_append_field (out, export_value (stmt, c));
        }
      g_string_append (out, "\r\n");
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the catalogue")), NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * po_catalogue_export_json:
 *
 * Returns: (transfer full): the whole catalogue as JSON
 */
char *
po_catalogue_export_json (PoDatabase  *db,
                          GError     **error)
{
  g_autoptr(GString) out = g_string_new ("{\n  \"format\": \"power-oversight-catalogue\",\n  \"version\": 1,\n  \"items\": [");
  sqlite3_stmt *stmt = po_database_prepare (db, EXPORT_SQL, error);
  gboolean first = TRUE;
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (out, first ? "\n    {" : ",\n    {");
      first = FALSE;
      for (int c = 0; export_columns[c]; c++)
        {
          const char *v = export_value (stmt, c);

          g_string_append_printf (out, "%s\"%s\": ", c ? ", " : " ", export_columns[c]);
          if ((c == 9 || c == 10))
            g_string_append (out, *v ? v : "null");
          else
            po_json_append_string (out, v);
        }
      g_string_append (out, " }");
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the catalogue")), NULL;
  g_string_append (out, first ? "]\n}\n" : "\n  ]\n}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * po_catalogue_export_file:
 *
 * Writes the catalogue to @path: JSON when it ends in .json, else CSV.
 */
gboolean
po_catalogue_export_file (PoDatabase  *db,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;

  text = g_str_has_suffix (path, ".json") ? po_catalogue_export_json (db, error) : po_catalogue_export_csv (db, error);
  if (text == NULL)
    return FALSE;
  if (!g_file_set_contents (path, text, -1, &local))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_FAILED, _("Could not write “%s”: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}
