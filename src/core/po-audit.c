/* po-audit.c: the append-only, hash-chained audit log (全程留痕)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every business table gets three triggers that copy the row, before and
 * after, as JSON into audit_log, sealed in the same write: each entry
 * holds the previous entry's hash and the SHA-256 of that hash and its
 * own fields. Further triggers refuse any UPDATE or DELETE of the log. Because the triggers call functions
 * that only this program registers, a write from a plain sqlite3 shell
 * fails; whoever drops the triggers to get round that is found by
 * po_audit_verify(), which checks the chain and compares every row with
 * the last state the log recorded for it.
 *
 * A chain kept inside the file can be rebuilt whole by someone who edits
 * the file and knows the algorithm. So the office records the head of
 * the log (po_audit_head(): its number and hash) somewhere else — a
 * report, an email, a paper register — and po_audit_check_anchor() later
 * checks that entry is still in the chain unchanged: any rewrite of an
 * entry up to it changes its hash.
 */
#define G_LOG_DOMAIN "po-audit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "po-audit.h"
#include "po-error.h"

/* The time of a write, to the second: formatted once a second, as one
 * import writes thousands of entries in it. One per connection. */
typedef struct
{
  gint64 second;
  char   text[32];
} Clock;

static void
sql_now (sqlite3_context  *ctx,
         int               argc,
         sqlite3_value   **argv)
{
  Clock *clock = sqlite3_user_data (ctx);
  gint64 second = g_get_real_time () / G_USEC_PER_SEC;

  if (second != clock->second)
    {
      g_autoptr(GTimeZone) cst = g_time_zone_new_offset (8 * 3600);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (second);
      g_autoptr(GDateTime) now = g_date_time_to_timezone (utc, cst);
      g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

      g_strlcpy (clock->text, text, sizeof clock->text);
      clock->second = second;
    }
  sqlite3_result_text (ctx, clock->text, -1, SQLITE_TRANSIENT);
}

static void
sql_actor (sqlite3_context  *ctx,
           int               argc,
           sqlite3_value   **argv)
{
  PoDatabase *db = sqlite3_user_data (ctx);

  sqlite3_result_text (ctx, po_database_get_actor (db), -1, SQLITE_TRANSIENT);
}

static void
checksum_field (GChecksum  *checksum,
                const char *text)
{
  /* Length-prefixed, so no choice of field contents can collide. */
  char prefix[32];

  if (text == NULL)
    {
      g_checksum_update (checksum, (const guchar *) "-;", 2);
      return;
    }
  g_snprintf (prefix, sizeof prefix, "%zu:", strlen (text));
  g_checksum_update (checksum, (const guchar *) prefix, -1);
  g_checksum_update (checksum, (const guchar *) text, -1);
  g_checksum_update (checksum, (const guchar *) ";", 1);
}

static void
entry_checksum (GChecksum  *checksum,
                const char *prev_hash,
                gint64      seq,
                const char *at,
                const char *actor,
                const char *table,
                gint64      row_id,
                const char *op,
                const char *before,
                const char *after)
{
  char num[32];

  checksum_field (checksum, prev_hash);
  g_snprintf (num, sizeof num, "%" G_GINT64_FORMAT, seq);
  checksum_field (checksum, num);
  checksum_field (checksum, at);
  checksum_field (checksum, actor);
  checksum_field (checksum, table);
  g_snprintf (num, sizeof num, "%" G_GINT64_FORMAT, row_id);
  checksum_field (checksum, num);
  checksum_field (checksum, op);
  checksum_field (checksum, before);
  checksum_field (checksum, after);
}

/**
 * po_audit_entry_hash:
 *
 * Returns: (transfer full): the hex SHA-256 that seals one log entry
 */
char *
po_audit_entry_hash (const char *prev_hash,
                     gint64      seq,
                     const char *at,
                     const char *actor,
                     const char *table,
                     gint64      row_id,
                     const char *op,
                     const char *before,
                     const char *after)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  entry_checksum (checksum, prev_hash, seq, at, actor, table, row_id, op, before, after);
  return g_strdup (g_checksum_get_string (checksum));
}

/* po_seal(prev_hash, seq, at, actor, tbl, row_id, op, before, after): one
 * checksum per connection, reset for each entry. */
static void
sql_seal (sqlite3_context  *ctx,
          int               argc,
          sqlite3_value   **argv)
{
  GChecksum *checksum = sqlite3_user_data (ctx);

  g_checksum_reset (checksum);
  entry_checksum (checksum,
                  (const char *) sqlite3_value_text (argv[0]),
                  sqlite3_value_int64 (argv[1]),
                  (const char *) sqlite3_value_text (argv[2]),
                  (const char *) sqlite3_value_text (argv[3]),
                  (const char *) sqlite3_value_text (argv[4]),
                  sqlite3_value_int64 (argv[5]),
                  (const char *) sqlite3_value_text (argv[6]),
                  (const char *) sqlite3_value_text (argv[7]),
                  (const char *) sqlite3_value_text (argv[8]));
  sqlite3_result_text (ctx, g_checksum_get_string (checksum), 64, SQLITE_TRANSIENT);
}

void
po_audit_register_functions (PoDatabase *db)
{
  sqlite3 *handle = po_database_get_handle (db);

  sqlite3_create_function_v2 (handle, "po_now", 0, SQLITE_UTF8, g_new0 (Clock, 1), sql_now, NULL, NULL, g_free);
  sqlite3_create_function_v2 (handle, "po_actor", 0, SQLITE_UTF8, db, sql_actor, NULL, NULL, NULL);
  sqlite3_create_function_v2 (handle, "po_seal", 9, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                              g_checksum_new (G_CHECKSUM_SHA256), sql_seal, NULL, NULL,
                              (void (*) (void *)) g_checksum_free);
}

/**
 * po_audit_is_business_table:
 *
 * Whether writes to @table are audited: every table but the log itself,
 * SQLite's own, and derived data recomputed from audited rows.
 */
gboolean
po_audit_is_business_table (const char *table)
{
  return !g_str_has_prefix (table, "sqlite_") &&
         !g_str_equal (table, "audit_log") &&
         !g_str_equal (table, "deadlines") &&
         strstr (table, "_fts") == NULL;
}

/* Names pasted into generated SQL must be ones this program made: a file
 * edited behind its back could hold a table or column named to break the
 * verification query. */
static gboolean
check_identifier (const char  *name,
                  GError     **error)
{
  if (name[0] != '\0' && !g_ascii_isdigit (name[0]) && strspn (name, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen (name))
    return TRUE;
  g_set_error (error, PO_ERROR, PO_ERROR_TAMPERED,
               _("the database holds a table or column named “%s”, which this program never makes"), name);
  return FALSE;
}

static char **
list_business_tables (PoDatabase  *db,
                      GError     **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = po_database_prepare (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (!po_audit_is_business_table (name))
        continue;
      if (!check_identifier (name, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      po_database_set_error (db, rc, error, _("list the tables"));
      return NULL;
    }
  g_ptr_array_add (tables, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&tables), FALSE);
}

static char **
list_columns (PoDatabase  *db,
              const char  *table,
              GError     **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = po_database_prepare (db, "SELECT name FROM pragma_table_info (?1) ORDER BY cid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (!check_identifier (name, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (columns, g_strdup (name));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      po_database_set_error (db, rc, error, _("list the columns"));
      return NULL;
    }
  g_ptr_array_add (columns, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&columns), FALSE);
}

/* json_object('c1', PREFIX.c1, …): the row as the log records it. Table
 * and column names come from the schema, never from input. */
static char *
row_json_expr (const char *prefix,
               char      **columns)
{
  GString *s = g_string_new ("json_object(");

  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (s, "%s'%s', %s.\"%s\"", i ? ", " : "", columns[i], prefix, columns[i]);
  g_string_append_c (s, ')');
  return g_string_free (s, FALSE);
}

/* One audit entry, numbered after the last and sealed with its hash in
 * the same INSERT. */
static char *
sealed_entry (const char *table,
              const char *row_id,
              const char *op,
              const char *before,
              const char *after)
{
  return g_strdup_printf (
    "INSERT INTO audit_log (seq, at, actor, tbl, row_id, op, before, after, prev_hash, hash)\n"
    "  SELECT e.seq, e.at, e.actor, '%1$s', e.row_id, '%3$s', e.before, e.after, e.prev,\n"
    "         po_seal (e.prev, e.seq, e.at, e.actor, '%1$s', e.row_id, '%3$s', e.before, e.after)\n"
    "  FROM (SELECT coalesce ((SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1), 0) + 1 AS seq,\n"
    "               (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS prev,\n"
    "               po_now () AS at, po_actor () AS actor, %2$s AS row_id,\n"
    "               %4$s AS before, %5$s AS after LIMIT 1) AS e;\n",
    table, row_id, op, before, after);
}

/**
 * po_audit_install_triggers:
 *
 * (Re)creates the audit triggers of every business table for its current
 * columns, and the triggers that seal the log and keep it append-only.
 * Migrations call it after every schema change.
 */
gboolean
po_audit_install_triggers (PoDatabase  *db,
                           GError     **error)
{
  g_auto(GStrv) tables = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);

  tables = list_business_tables (db, error);
  if (tables == NULL)
    return FALSE;

  /* Sealed as written: each entry is inserted with the previous entry's
   * hash and its own, in one write (an earlier schema sealed it with a
   * second, updating trigger). */
  g_string_append (sql,
    "DROP TRIGGER IF EXISTS audit_log_seal;\n"
    "DROP TRIGGER IF EXISTS audit_log_no_update;\n"
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
    "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;\n"
    "DROP TRIGGER IF EXISTS audit_log_no_delete;\n"
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
    "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;\n");

  for (guint i = 0; tables[i] != NULL; i++)
    {
      const char *t = tables[i];
      g_auto(GStrv) columns = list_columns (db, t, error);
      g_autofree char *old_json = NULL;
      g_autofree char *new_json = NULL;

      if (columns == NULL)
        return FALSE;
      old_json = row_json_expr ("OLD", columns);
      new_json = row_json_expr ("NEW", columns);

      g_autofree char *on_insert = sealed_entry (t, "NEW.rowid", "INSERT", "NULL", new_json);
      g_autofree char *on_update = sealed_entry (t, "NEW.rowid", "UPDATE", old_json, new_json);
      g_autofree char *on_delete = sealed_entry (t, "OLD.rowid", "DELETE", old_json, "NULL");

      g_string_append_printf (sql,
        "DROP TRIGGER IF EXISTS audit_%1$s_insert;\n"
        "CREATE TRIGGER audit_%1$s_insert AFTER INSERT ON %1$s BEGIN %2$s END;\n"
        "DROP TRIGGER IF EXISTS audit_%1$s_update;\n"
        "CREATE TRIGGER audit_%1$s_update AFTER UPDATE ON %1$s BEGIN %3$s END;\n"
        "DROP TRIGGER IF EXISTS audit_%1$s_delete;\n"
        "CREATE TRIGGER audit_%1$s_delete AFTER DELETE ON %1$s BEGIN %4$s END;\n",
        t, on_insert, on_update, on_delete);
    }

  return po_database_exec (db, sql->str, error);
}

static gboolean
verify_chain (PoDatabase    *db,
              gint64        *n_entries,
              GCancellable  *cancellable,
              GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *prev = NULL;
  gint64 expected = 1;
  gint64 last_issued;
  int rc;

  stmt = po_database_prepare (db,
                              "SELECT seq, at, actor, tbl, row_id, op, before, after, prev_hash, hash "
                              "FROM audit_log ORDER BY seq",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *tbl = (const char *) sqlite3_column_text (stmt, 3);
      gint64 row_id = sqlite3_column_int64 (stmt, 4);
      const char *op = (const char *) sqlite3_column_text (stmt, 5);
      const char *prev_hash = (const char *) sqlite3_column_text (stmt, 8);
      const char *hash = (const char *) sqlite3_column_text (stmt, 9);
      g_autofree char *expect_hash = NULL;

      if ((seq & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }

      if (seq != expected)
        {
          sqlite3_reset (stmt);
          return g_set_error (error, PO_ERROR, PO_ERROR_TAMPERED,
                              expected + 1 == seq
                              ? _("audit entry %lld was removed from the log")
                              : _("audit entries from %lld on were removed from the log"),
                              (long long) expected), FALSE;
        }

      expect_hash = po_audit_entry_hash (prev, seq,
                                         (const char *) sqlite3_column_text (stmt, 1),
                                         (const char *) sqlite3_column_text (stmt, 2),
                                         tbl, row_id, op,
                                         (const char *) sqlite3_column_text (stmt, 6),
                                         (const char *) sqlite3_column_text (stmt, 7));
      if (g_strcmp0 (prev_hash, prev) != 0 || g_strcmp0 (hash, expect_hash) != 0)
        {
          g_set_error (error, PO_ERROR, PO_ERROR_TAMPERED,
                       _("audit entry %lld (%s of %s row %lld) was altered: its hash does not match its contents"),
                       (long long) seq, op, tbl, (long long) row_id);
          sqlite3_reset (stmt);
          return FALSE;
        }

      g_free (prev);
      prev = g_strdup (hash);
      expected++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the audit log"));

  /* AUTOINCREMENT remembers the last number issued: a cut-off tail shows. */
  last_issued = po_database_query_int (db, "SELECT coalesce (max (seq), 0) FROM sqlite_sequence WHERE name = 'audit_log'", error);
  if (last_issued < 0)
    return FALSE;
  if (last_issued >= expected)
    return g_set_error (error, PO_ERROR, PO_ERROR_TAMPERED,
                        _("audit entries from %lld on were removed from the log"),
                        (long long) expected), FALSE;

  *n_entries = expected - 1;
  return TRUE;
}

static gboolean
verify_table (PoDatabase  *db,
              const char  *table,
              GError     **error)
{
  g_auto(GStrv) columns = list_columns (db, table, error);
  g_autofree char *json = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  if (columns == NULL)
    return FALSE;
  json = row_json_expr ("t", columns);

  /* The last entry of each row against the row; then rows the log never saw. */
  sql = g_strdup_printf (
    "SELECT a.seq, a.op, a.row_id, t.rowid IS NOT NULL FROM "
    "  (SELECT row_id, max (seq) AS seq FROM audit_log WHERE tbl = '%1$s' GROUP BY row_id) AS l "
    "  JOIN audit_log AS a ON a.seq = l.seq "
    "  LEFT JOIN \"%1$s\" AS t ON t.rowid = l.row_id "
    "WHERE (a.op = 'DELETE' AND t.rowid IS NOT NULL) "
    "   OR (a.op <> 'DELETE' AND (t.rowid IS NULL OR %2$s IS NOT a.after)) "
    "UNION ALL "
    "SELECT NULL, NULL, t.rowid, 1 FROM \"%1$s\" AS t "
    "WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE tbl = '%1$s' AND row_id = t.rowid) "
    "ORDER BY 1 NULLS LAST LIMIT 1",
    table, json);

  stmt = po_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 row_id = sqlite3_column_int64 (stmt, 2);
      gboolean exists = sqlite3_column_int (stmt, 3);

      ok = FALSE;
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        g_set_error (error, PO_ERROR, PO_ERROR_TAMPERED,
                     _("%s row %lld has no audit entry: it was written behind the application’s back"),
                     table, (long long) row_id);
      else if (!exists)
        g_set_error (error, PO_ERROR, PO_ERROR_TAMPERED,
                     _("audit entry %lld: %s row %lld was deleted behind the application’s back"),
                     (long long) sqlite3_column_int64 (stmt, 0), table, (long long) row_id);
      else
        g_set_error (error, PO_ERROR, PO_ERROR_TAMPERED,
                     _("audit entry %lld: %s row %lld differs from what the log recorded; "
                       "it was changed behind the application’s back"),
                     (long long) sqlite3_column_int64 (stmt, 0), table, (long long) row_id);
    }
  else if (rc != SQLITE_DONE)
    ok = po_database_set_error (db, rc, error, _("compare the data with the audit log"));
  sqlite3_reset (stmt);
  return ok;
}

/* Without its triggers a table's writes go unrecorded from then on. */
static gboolean
verify_triggers (PoDatabase  *db,
                 char       **tables,
                 GError     **error)
{
  static const char *const log_triggers[] = { "audit_log_no_update", "audit_log_no_delete" };
  static const char *const ops[] = { "insert", "update", "delete" };
  sqlite3_stmt *stmt = po_database_prepare (db, "SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = ?1", error);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (log_triggers); i++)
    g_ptr_array_add (expected, g_strdup (log_triggers[i]));
  for (guint i = 0; tables[i] != NULL; i++)
    for (guint o = 0; o < G_N_ELEMENTS (ops); o++)
      g_ptr_array_add (expected, g_strdup_printf ("audit_%s_%s", tables[i], ops[o]));

  for (guint i = 0; i < expected->len; i++)
    {
      const char *name = g_ptr_array_index (expected, i);
      gboolean found;

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!found)
        {
          g_set_error (error, PO_ERROR, PO_ERROR_TAMPERED,
                       _("the audit trigger %s was removed: changes are no longer all recorded"), name);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * po_audit_verify:
 * @n_entries: (out): the number of entries in an intact log
 *
 * Checks that the log is a complete, unaltered chain, and that every row
 * of every business table is what the log last recorded for it.
 *
 * Returns: %TRUE when all holds; otherwise %FALSE with a %PO_ERROR_TAMPERED
 *   error naming the first bad entry or row
 */
gboolean
po_audit_verify (PoDatabase    *db,
                 gint64        *n_entries,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_auto(GStrv) tables = NULL;
  gint64 n = 0;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);

  if (!po_database_exec (db, "BEGIN", error))
    return FALSE;

  if (!verify_chain (db, &n, cancellable, error))
    goto fail;

  tables = list_business_tables (db, error);
  if (tables == NULL || !verify_triggers (db, tables, error))
    goto fail;
  for (guint i = 0; tables[i] != NULL; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !verify_table (db, tables[i], error))
        goto fail;
    }

  po_database_exec (db, "COMMIT", NULL);
  if (n_entries)
    *n_entries = n;
  return TRUE;

fail:
  po_database_exec (db, "ROLLBACK", NULL);
  return FALSE;
}

void
po_audit_entry_clear (PoAuditEntry *entry)
{
  g_clear_pointer (&entry->at, g_free);
  g_clear_pointer (&entry->actor, g_free);
  g_clear_pointer (&entry->table, g_free);
  g_clear_pointer (&entry->op, g_free);
  g_clear_pointer (&entry->before, g_free);
  g_clear_pointer (&entry->after, g_free);
  g_clear_pointer (&entry->hash, g_free);
}

/**
 * po_audit_count:
 *
 * Returns: the number of the last entry (entries are numbered from 1),
 *   or -1 with @error set
 */
gint64
po_audit_count (PoDatabase  *db,
                GError     **error)
{
  return po_database_query_int (db, "SELECT coalesce (max (seq), 0) FROM audit_log", error);
}

/**
 * po_audit_read:
 * @first_seq: the number of the first entry wanted
 * @n: how many entries at most
 * @entries: (element-type PoAuditEntry): receives the entries in order;
 *   give it po_audit_entry_clear() as its clear function
 *
 * Reads a page of the log, for a list that loads rows as they are shown.
 */
gboolean
po_audit_read (PoDatabase  *db,
               gint64       first_seq,
               guint        n,
               GArray      *entries,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);

  stmt = po_database_prepare (db,
                              "SELECT seq, at, actor, tbl, row_id, op, before, after, hash "
                              "FROM audit_log WHERE seq >= ?1 ORDER BY seq LIMIT ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first_seq);
  sqlite3_bind_int (stmt, 2, (int) n);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoAuditEntry e = {
        .seq = sqlite3_column_int64 (stmt, 0),
        .at = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        .actor = g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
        .table = g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        .row_id = sqlite3_column_int64 (stmt, 4),
        .op = g_strdup ((const char *) sqlite3_column_text (stmt, 5)),
        .before = g_strdup ((const char *) sqlite3_column_text (stmt, 6)),
        .after = g_strdup ((const char *) sqlite3_column_text (stmt, 7)),
        .hash = g_strdup ((const char *) sqlite3_column_text (stmt, 8)),
      };
      g_array_append_val (entries, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the audit log"));
  return TRUE;
}

/**
 * po_audit_head:
 * @seq: (out): the number of the last entry, 0 for an empty log
 * @hash: (out) (transfer full): its hash, "" for an empty log
 *
 * The head of the log, to be recorded outside the database as an anchor.
 */
gboolean
po_audit_head (PoDatabase  *db,
               gint64      *seq,
               char       **hash,
               GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *seq = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  *hash = g_strdup (rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 1) : "");
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the audit log"));
  return TRUE;
}

/**
 * po_audit_check_anchor:
 * @seq: an entry's number, as po_audit_head() gave it at some time
 * @hash: that entry's hash then
 *
 * Whether the log still holds that entry with that hash. Together with
 * po_audit_verify() this shows the log up to @seq was not rewritten.
 */
gboolean
po_audit_check_anchor (PoDatabase  *db,
                       gint64       seq,
                       const char  *hash,
                       GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db, "SELECT hash FROM audit_log WHERE seq = ?1", error);
  g_autofree char *stored = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    stored = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the audit log"));

  if (stored == NULL)
    return g_set_error (error, PO_ERROR, PO_ERROR_TAMPERED,
                        _("audit entry %lld, recorded as an anchor, is no longer in the log"), (long long) seq), FALSE;
  if (g_ascii_strcasecmp (stored, hash) != 0)
    return g_set_error (error, PO_ERROR, PO_ERROR_TAMPERED,
                        _("audit entry %lld does not have the hash recorded as an anchor: "
                          "the log up to it was rewritten"), (long long) seq), FALSE;
  return TRUE;
}
