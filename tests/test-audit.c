/* test-audit.c: the hash-chained audit log and its verification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "po-audit.h"
#include "po-error.h"
#include "po-test-util.h"
#include "po-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PoDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = po_test_make_dir ();
  f->path = g_build_filename (f->dir, "office.db", NULL);
  f->db = po_test_open (f->dir, "office.db");
  po_database_set_actor (f->db, "李法制");
  g_assert_true (po_database_exec (f->db,
    "INSERT INTO departments (code, name) VALUES ('SCJG', '市市场监督管理局');"
    "INSERT INTO departments (code, name) VALUES ('STHJ', '市生态环境局');"
    "INSERT INTO power_items (code, name, type, department_id, created_on, statutory_limit, committed_limit) "
    "  VALUES ('XK-1', '食品经营许可', 'license', 1, '2026-03-02', 20, 10);"
    "UPDATE power_items SET committed_limit = 8 WHERE code = 'XK-1';"
    "INSERT INTO petitions (ref, kind, department_id, received_on) VALUES ('TS1', 'complaint', 2, '2026-03-02');"
    "DELETE FROM petitions WHERE ref = 'TS1';",
    &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  po_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *verify_fails (Fixture *f);
static gint64 last_seq (Fixture *f, const char *where);

/* What someone with a plain sqlite3 shell can do to the file. */
static void
tamper (Fixture    *f,
        const char *sql)
{
  sqlite3 *raw = NULL;
  char *msg = NULL;

  g_clear_object (&f->db);
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  if (sqlite3_exec (raw, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
  sqlite3_close (raw);
  f->db = po_test_open (f->dir, "office.db");
  /* A careful tamperer puts the triggers back afterwards. */
  po_audit_install_triggers (f->db, NULL);
}

/* Someone who knows the algorithm rewrites an entry and every hash after
 * it: the chain is consistent again, and only an anchor kept outside the
 * file shows the rewrite. */
static void
test_forged_chain_caught_by_anchor (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *head_hash = NULL;
  g_autofree char *prev = NULL;
  gint64 head = 0, target, n = 0;
  sqlite3_stmt *stmt;

  g_assert_true (po_audit_head (f->db, &head, &head_hash, &error));
  g_assert_cmpint (head, ==, po_audit_count (f->db, NULL));
  g_assert_cmpuint (strlen (head_hash), ==, 64);
  g_assert_true (po_audit_check_anchor (f->db, head, head_hash, &error));
  g_assert_no_error (error);

  target = last_seq (f, "tbl = 'power_items' AND op = 'UPDATE'");
  g_assert_true (po_database_exec (f->db, "DROP TRIGGER audit_log_no_update", NULL));
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE audit_log SET after = replace (after, '\"committed_limit\":8', "
                                            "'\"committed_limit\":5') WHERE seq = %lld;"
                                            "UPDATE power_items SET committed_limit = 5 WHERE code = 'XK-1'",
                                            (long long) target);
    g_assert_true (po_database_exec (f->db, "DROP TRIGGER audit_power_items_update", NULL));
    g_assert_true (po_database_exec (f->db, sql, NULL));
  }
  /* Re-seal every entry from the forged one on. */
  stmt = po_database_prepare (f->db, "SELECT seq, at, actor, tbl, row_id, op, before, after, prev_hash FROM audit_log "
                                     "WHERE seq >= ?1 ORDER BY seq", NULL);
  sqlite3_bind_int64 (stmt, 1, target);
  {
    g_autoptr(GPtrArray) updates = g_ptr_array_new_with_free_func (g_free);

    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_autofree char *hash = NULL;
        gint64 seq = sqlite3_column_int64 (stmt, 0);

        if (prev == NULL)
          prev = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
        hash = po_audit_entry_hash (prev, seq, (const char *) sqlite3_column_text (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 2), (const char *) sqlite3_column_text (stmt, 3),
                                    sqlite3_column_int64 (stmt, 4), (const char *) sqlite3_column_text (stmt, 5),
                                    (const char *) sqlite3_column_text (stmt, 6), (const char *) sqlite3_column_text (stmt, 7));
        g_ptr_array_add (updates, g_strdup_printf ("UPDATE audit_log SET prev_hash = '%s', hash = '%s' WHERE seq = %lld;",
                                                   prev, hash, (long long) seq));
        g_free (prev);
        prev = g_steal_pointer (&hash);
      }
    sqlite3_reset (stmt);
    for (guint i = 0; i < updates->len; i++)
      g_assert_true (po_database_exec (f->db, g_ptr_array_index (updates, i), NULL));
  }
  g_assert_true (po_audit_install_triggers (f->db, NULL));

  /* The forgery holds together… */
  g_assert_true (po_audit_verify (f->db, &n, NULL, &error));
  g_assert_no_error (error);
  /* …but not against the head recorded before it. */
  g_assert_false (po_audit_check_anchor (f->db, head, head_hash, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "rewritten"));
}

static void
test_trigger_removed (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *message = NULL;
  sqlite3 *raw = NULL;

  g_clear_object (&f->db);
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DROP TRIGGER audit_calendar_exceptions_delete", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  f->db = po_test_open (f->dir, "office.db");
  message = verify_fails (f);
  g_assert_nonnull (strstr (message, "audit_calendar_exceptions_delete"));
}

static void
test_strange_column (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *message = NULL;

  tamper (f, "ALTER TABLE posts ADD COLUMN \"x') OR 1 --\" TEXT");
  message = verify_fails (f);
  g_assert_nonnull (strstr (message, "never makes"));
}

static char *
verify_fails (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_false (po_audit_verify (f->db, &n, NULL, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_TAMPERED);
  g_assert_cmpint (n, ==, -1);
  return g_strdup (error->message);
}

static gint64
last_seq (Fixture    *f,
          const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max (seq) FROM audit_log WHERE %s", where);
  return po_database_query_int (f->db, sql, NULL);
}

static void
test_intact (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  g_assert_true (po_audit_verify (f->db, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, po_database_query_int (f->db, "SELECT count(*) FROM audit_log", NULL));
  g_assert_cmpint (n, ==, po_audit_count (f->db, NULL));
  g_assert_cmpint (n, >, 6);
}

static void
test_records (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (PoAuditEntry));
  gint64 seq = last_seq (f, "tbl = 'power_items' AND op = 'UPDATE'");
  PoAuditEntry *e;

  g_array_set_clear_func (entries, (GDestroyNotify) po_audit_entry_clear);
  g_assert_true (po_audit_read (f->db, seq, 1, entries, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  e = &g_array_index (entries, PoAuditEntry, 0);
  g_assert_cmpint (e->seq, ==, seq);
  g_assert_cmpstr (e->actor, ==, "李法制");
  g_assert_cmpstr (e->table, ==, "power_items");
  g_assert_cmpstr (e->op, ==, "UPDATE");
  g_assert_nonnull (strstr (e->before, "\"committed_limit\":10"));
  g_assert_nonnull (strstr (e->after, "\"committed_limit\":8"));
  g_assert_nonnull (strstr (e->after, "食品经营许可"));
  g_assert_true (g_str_has_prefix (e->at, "20"));
  g_assert_cmpuint (strlen (e->hash), ==, 64);

  /* The delete keeps the row as it was. */
  g_array_set_size (entries, 0);
  g_assert_true (po_audit_read (f->db, last_seq (f, "op = 'DELETE'"), 1, entries, &error));
  e = &g_array_index (entries, PoAuditEntry, 0);
  g_assert_cmpstr (e->table, ==, "petitions");
  g_assert_null (e->after);
  g_assert_nonnull (strstr (e->before, "TS1"));
}

static void
test_append_only (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 n = po_audit_count (f->db, NULL);

  g_assert_false (po_database_exec (f->db, "UPDATE audit_log SET actor = 'nobody' WHERE seq = 3", &error));
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);
  g_assert_false (po_database_exec (f->db, "DELETE FROM audit_log WHERE seq = 3", &error));
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);
  g_assert_cmpint (po_audit_count (f->db, NULL), ==, n);
  g_assert_true (po_audit_verify (f->db, NULL, NULL, &error));
}

static void
test_plain_shell_cannot_write (Fixture       *f,
                               gconstpointer  data)
{
  sqlite3 *raw = NULL;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE departments SET name = '改名' WHERE id = 1", NULL, NULL, &msg), !=, SQLITE_OK);
  g_assert_nonnull (strstr (msg, "po_now"));
  sqlite3_free (msg);
  sqlite3_close (raw);
}

static void
test_altered_entry (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *message = NULL;
  g_autofree char *expect = NULL;
  gint64 seq = last_seq (f, "tbl = 'power_items' AND op = 'INSERT'");
  g_autofree char *sql = g_strdup_printf ("DROP TRIGGER audit_log_no_update;"
                                          "UPDATE audit_log SET after = replace (after, '食品', '药品') "
                                          "WHERE seq = %" G_GINT64_FORMAT, seq);

  tamper (f, sql);
  message = verify_fails (f);
  expect = g_strdup_printf ("audit entry %" G_GINT64_FORMAT " ", seq);
  g_assert_nonnull (strstr (message, expect));
  g_assert_nonnull (strstr (message, "altered"));
}

static void
test_removed_entry (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *message = NULL;
  g_autofree char *expect = NULL;
  gint64 seq = last_seq (f, "tbl = 'departments'");
  g_autofree char *sql = g_strdup_printf ("DROP TRIGGER audit_log_no_delete;"
                                          "DELETE FROM audit_log WHERE seq = %" G_GINT64_FORMAT, seq);

  tamper (f, sql);
  message = verify_fails (f);
  expect = g_strdup_printf ("audit entry %" G_GINT64_FORMAT " was removed", seq);
  g_assert_nonnull (strstr (message, expect));
}

static void
test_removed_tail (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *message = NULL;
  g_autofree char *expect = NULL;
  gint64 last = po_audit_count (f->db, NULL);
  g_autofree char *sql = g_strdup_printf ("DROP TRIGGER audit_log_no_delete;"
                                          "DELETE FROM audit_log WHERE seq >= %" G_GINT64_FORMAT, last - 1);

  tamper (f, sql);
  message = verify_fails (f);
  expect = g_strdup_printf ("from %" G_GINT64_FORMAT " on were removed", last - 1);
  g_assert_nonnull (strstr (message, expect));
}

static void
test_row_changed (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *message = NULL;

  tamper (f, "DROP TRIGGER audit_power_items_update;"
             "UPDATE power_items SET committed_limit = 20 WHERE code = 'XK-1';");
  message = verify_fails (f);
  g_assert_nonnull (strstr (message, "power_items row 1 differs"));
}

static void
test_row_inserted (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *message = NULL;

  tamper (f, "DROP TRIGGER audit_departments_insert;"
             "INSERT INTO departments (id, code, name) VALUES (7, 'GHOST', '不存在的部门');");
  message = verify_fails (f);
  g_assert_nonnull (strstr (message, "departments row 7 has no audit entry"));
}

static void
test_row_deleted (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *message = NULL;

  tamper (f, "DROP TRIGGER audit_power_items_delete;"
             "DELETE FROM power_items WHERE code = 'XK-1';");
  message = verify_fails (f);
  g_assert_nonnull (strstr (message, "power_items row 1 was deleted"));
}

/* The before/after of an entry as the audit page shows it. */
static void
test_json_indent (void)
{
  g_autofree char *out = po_json_indent ("{\"name\":\"对\\\"过期,\\\"食品\",\"limits\":[20,10],\"empty\":{}}");

  g_assert_cmpstr (out, ==,
                   "{\n"
                   "  \"name\": \"对\\\"过期,\\\"食品\",\n"
                   "  \"limits\": [\n"
                   "    20,\n"
                   "    10\n"
                   "  ],\n"
                   "  \"empty\": {}\n"
                   "}");
  g_assert_null (po_json_indent (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/json-indent", test_json_indent);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/audit/intact", test_intact);
  ADD ("/audit/records-rows", test_records);
  ADD ("/audit/append-only", test_append_only);
  ADD ("/audit/plain-shell-cannot-write", test_plain_shell_cannot_write);
  ADD ("/audit/tampered/altered-entry", test_altered_entry);
  ADD ("/audit/tampered/removed-entry", test_removed_entry);
  ADD ("/audit/tampered/removed-tail", test_removed_tail);
  ADD ("/audit/tampered/row-changed", test_row_changed);
  ADD ("/audit/tampered/row-inserted", test_row_inserted);
  ADD ("/audit/tampered/row-deleted", test_row_deleted);
  ADD ("/audit/tampered/trigger-removed", test_trigger_removed);
  ADD ("/audit/tampered/forged-chain-caught-by-anchor", test_forged_chain_caught_by_anchor);
  ADD ("/audit/tampered/strange-column", test_strange_column);
#undef ADD

  return g_test_run ();
}
