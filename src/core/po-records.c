/* po-records.c: rows of a CSV or JSON file, one record at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importers (catalogue, cases, petitions) read their files here and
 * only check and write records. CSV: UTF-8 (a byte-order mark is
 * allowed), a header row, RFC 4180 quoting. JSON: an array of objects, or
 * an object holding that array under a named member; values are text or
 * numbers, and only the fields a format names may be arrays.
 */
#define G_LOG_DOMAIN "po-records"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "po-error.h"
#include "po-records.h"

const char *
po_record_get (const PoRecord *record,
               const char     *column)
{
  const char *v = g_hash_table_lookup (record->fields, column);
  return v ? v : "";
}

/**
 * po_record_error:
 * @column: (nullable): the field at fault
 *
 * Sets “WHERE: COLUMN: MESSAGE”. Returns: %FALSE
 */
gboolean
po_record_error (GError         **error,
                 const PoRecord  *record,
                 const char      *column,
                 const char      *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (column)
    g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, "%s: %s: %s", record->where, column, message);
  else
    g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, "%s: %s", record->where, message);
  return FALSE;
}

static gboolean
known_column (const PoRecordFormat *format,
              const char           *name)
{
  return g_strv_contains ((const char *const *) format->required, name) ||
         (format->optional && g_strv_contains ((const char *const *) format->optional, name));
}

/* RFC 4180: fields separated by commas, records by CRLF or LF; a quoted
 * field may hold commas, line breaks and doubled quotes. */
typedef struct
{
  const char *p;
  const char *end;
  guint       line;
} CsvReader;

static gboolean
csv_next (CsvReader   *r,
          GPtrArray   *fields,
          guint       *record_line,
          const char  *origin,
          GError     **error)
{
  GString *field = g_string_new (NULL);

  g_ptr_array_set_size (fields, 0);
  *record_line = r->line;

  for (;;)
    {
      if (r->p < r->end && *r->p == '"')
        {
          guint opened = r->line;

          r->p++;
          for (;;)
            {
              if (r->p >= r->end)
                {
                  g_string_free (field, TRUE);
                  g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                               _("%s:%u: a quoted field opened on this line is never closed"), origin, opened);
                  return FALSE;
                }
              if (*r->p == '"')
                {
                  if (r->p + 1 < r->end && r->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      r->p += 2;
                      continue;
                    }
                  r->p++;
                  break;
                }
              if (*r->p == '\n')
                r->line++;
              g_string_append_c (field, *r->p++);
            }
          if (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            {
              g_string_free (field, TRUE);
              g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                           _("%s:%u: text follows a closing quote; a quote inside a quoted field is written twice (\"\")"),
                           origin, r->line);
              return FALSE;
            }
        }
      else
        {
          const char *start = r->p;

          while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            {
              if (*r->p == '"')
                {
                  g_string_free (field, TRUE);
                  g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                               _("%s:%u: a quote inside a field that does not start with one; quote the whole field"),
                               origin, r->line);
                  return FALSE;
                }
              r->p++;
            }
          g_string_append_len (field, start, r->p - start);
        }

      g_ptr_array_add (fields, g_string_free (field, FALSE));
      field = g_string_new (NULL);

      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == '\r')
        r->p++;
      if (r->p < r->end && *r->p == '\n')
        r->p++;
      r->line++;
      break;
    }
  g_string_free (field, TRUE);
  return TRUE;
}

static gboolean
blank_record (GPtrArray *fields)
{
  return fields->len == 1 && *(const char *) g_ptr_array_index (fields, 0) == '\0';
}

/**
 * po_records_read_csv:
 * @origin: the file's name, for messages
 *
 * Checks the header against @format and calls @func for every record
 * until it fails. Blank lines are skipped.
 */
gboolean
po_records_read_csv (const char            *text,
                     gsize                  length,
                     const char            *origin,
                     const PoRecordFormat  *format,
                     PoRecordFunc           func,
                     gpointer               user_data,
                     GError               **error)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) table = g_hash_table_new (g_str_hash, g_str_equal);
  CsvReader r = { text, text + length, 1 };
  const char *start;
  guint line;

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    r.p += 3;
  start = r.p;

  if (!csv_next (&r, header, &line, origin, error))
    return FALSE;
  if (blank_record (header))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s:1: the first line must name the columns; it is empty"), origin);
      return FALSE;
    }
  for (guint i = 0; i < header->len; i++)
    {
      char *h = g_ptr_array_index (header, i);

      g_strstrip (h);
      if (!known_column (format, h))
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                       _("%s:1: the column “%s” is not one this file may have"), origin, h);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (h, g_ptr_array_index (header, j)))
          {
            g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("%s:1: the column “%s” appears twice"), origin, h);
            return FALSE;
          }
    }
  for (guint i = 0; format->required[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < header->len && !found; j++)
        found = g_str_equal (format->required[i], g_ptr_array_index (header, j));
      if (!found)
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                       _("%s:1: the column “%s” is missing"), origin, format->required[i]);
          return FALSE;
        }
    }

  while (r.p < r.end)
    {
      g_autofree char *where = NULL;
      PoRecord record;

      if (!csv_next (&r, fields, &line, origin, error))
        return FALSE;
      if (blank_record (fields))
        continue;
      where = g_strdup_printf ("%s:%u", origin, line);
      record.fields = table;
      record.where = where;
      record.fraction = (double) (r.p - start) / MAX (1, r.end - start);
      if (fields->len != header->len)
        return po_record_error (error, &record, NULL, _("%u fields where the header has %u"), fields->len, header->len);
      g_hash_table_remove_all (table);
      for (guint i = 0; i < header->len; i++)
        g_hash_table_insert (table, g_ptr_array_index (header, i), g_ptr_array_index (fields, i));
      if (!func (&record, user_data, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * po_records_read_json:
 *
 * Calls @func for every object of the file's array until it fails.
 */
gboolean
po_records_read_json (PoDatabase           *db,
                      const char           *text,
                      gsize                 length,
                      const char           *origin,
                      const PoRecordFormat *format,
                      PoRecordFunc          func,
                      gpointer              user_data,
                      GError              **error)
{
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    text += 3, length -= 3;
  json = g_strndup (text, length);

  stmt = po_database_prepare (db, "SELECT json_valid (?1), json_type (?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || !sqlite3_column_int (stmt, 0))
    {
      sqlite3_reset (stmt);
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("%s: not valid JSON"), origin);
      return FALSE;
    }
  path = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "array") == 0
         ? g_strdup ("$") : g_strdup_printf ("$.%s", format->json_member);
  sqlite3_reset (stmt);

  stmt = po_database_prepare (db, "SELECT json_type (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "array") != 0)
    {
      sqlite3_reset (stmt);
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s: the file must hold an array of objects, or an object with the array under “%s”"),
                   origin, format->json_member);
      return FALSE;
    }
  sqlite3_reset (stmt);

  stmt = po_database_prepare (db, "SELECT type, value FROM json_each (?1, ?2) ORDER BY key", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "object") != 0)
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("%s: %s[%u] is not an object"),
                       origin, format->json_member, objects->len);
          sqlite3_reset (stmt);
          return FALSE;
        }
      g_ptr_array_add (objects, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  g_clear_pointer (&json, g_free);

  for (guint i = 0; i < objects->len; i++)
    {
      g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autofree char *where = g_strdup_printf ("%s: %s[%u]", origin, format->json_member, i);
      PoRecord record = { table, where, (double) i / objects->len };
      gboolean ok = TRUE;

      stmt = po_database_prepare (db, "SELECT key, type, value FROM json_each (?1)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (objects, i), -1, SQLITE_STATIC);
      while (ok && sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *key = (const char *) sqlite3_column_text (stmt, 0);
          const char *type = (const char *) sqlite3_column_text (stmt, 1);
          const char *value = (const char *) sqlite3_column_text (stmt, 2);

          if (!known_column (format, key))
            ok = po_record_error (error, &record, key, _("not a field this file may have"));
          else if (g_str_equal (type, "object") ||
                   (g_str_equal (type, "array") &&
                    !(format->arrays && g_strv_contains ((const char *const *) format->arrays, key))))
            ok = po_record_error (error, &record, key, _("must be text or a number"));
          else if (!g_str_equal (type, "null"))
            g_hash_table_insert (table, g_strdup (key), g_strdup (value ? value : ""));
        }
      sqlite3_reset (stmt);
      if (!ok || !func (&record, user_data, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
po_records_is_json (const char *text,
                    gsize       length)
{
  const char *p = text;
  const char *end = text + length;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p < end && (*p == '{' || *p == '[');
}

/**
 * po_records_read:
 *
 * CSV or JSON, told apart by the first character that is not blank.
 */
gboolean
po_records_read (PoDatabase            *db,
                 const char            *text,
                 gsize                  length,
                 const char            *origin,
                 const PoRecordFormat  *format,
                 PoRecordFunc           func,
                 gpointer               user_data,
                 GError               **error)
{
  if (po_records_is_json (text, length))
    return po_records_read_json (db, text, length, origin, format, func, user_data, error);
  return po_records_read_csv (text, length, origin, format, func, user_data, error);
}
