/* test-catalogue.c: catalogue files and search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "po-audit.h"
#include "po-catalogue.h"
#include "po-catalogue-io.h"
#include "po-error.h"
#include "po-item.h"
#include "po-test-util.h"

typedef struct
{
  char       *dir;
  PoDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = po_test_make_dir ();
  f->db = po_test_open (f->dir, "office.db");
  g_assert_true (po_database_exec (f->db,
    "INSERT INTO departments (code, name) VALUES ('SCJG', '市市场监督管理局');", NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  po_test_remove_dir (f->dir);
  g_free (f->dir);
}

#define HEADER "code,name,type,department,legal_basis,fee_basis,fee_standard,statutory_limit,committed_limit," \
               "handling_unit,place,phone,supervision_phone,status,published_on\r\n"

/* Quoted fields with commas, quotes and a line break; a byte-order mark;
 * a department named by code, one by name, and one that is new. */
static const char good_csv[] =
  "\xEF\xBB\xBF" HEADER
  "SC-XK-1,食品经营许可,行政许可,SCJG,\"《中华人民共和国食品安全法》第三十五条第一款：国家对食品经营实行许可制度\",,不收费,20,10,"
  "审批科,\"市民中心3楼, 12号窗口\",0571-87654321,12345,published,2025-06-30\r\n"
  "SC-CF-2,\"对销售\"\"过期\"\"食品的行政处罚\",行政处罚,市市场监督管理局,《中华人民共和国食品安全法》第一百二十四条,,,"
  "60,45,稽查科,,0571-87654322,12345,published,\r\n"
  "ST-XK-3,排污许可,行政许可,市生态环境局,\"《排污许可管理条例》第十五条\n依法申请取得排污许可证\",,不收费,20,15,"
  "审批科,窗口,0571-87000001,12345,draft,\r\n";

static gboolean
import_csv (Fixture         *f,
            const char      *text,
            PoImportSummary *summary,
            GError         **error)
{
  return po_catalogue_import_csv (f->db, text, strlen (text), "list.csv", po_test_date ("2026-11-27"),
                                  summary, NULL, NULL, NULL, error);
}

static void
test_import_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoItem) a = NULL, b = NULL, c = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  PoImportSummary summary = { 0 };

  import_csv (f, good_csv, &summary, &error);
  g_assert_no_error (error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.items, ==, 3);
  g_assert_cmpuint (summary.published, ==, 2);
  g_assert_cmpuint (summary.new_departments->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (summary.new_departments, 0), ==, "市生态环境局");
  po_import_summary_clear (&summary);

  a = po_item_load (f->db, "SC-XK-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->type, ==, "license");
  g_assert_cmpstr (a->status, ==, "published");
  g_assert_cmpstr (a->place, ==, "市民中心3楼, 12号窗口");
  g_assert_cmpstr (a->basis_law, ==, "中华人民共和国食品安全法");
  g_assert_cmpstr (a->basis_article, ==, "第三十五条第一款");
  g_assert_cmpint (a->published_version, ==, 1);
  versions = po_item_versions (f->db, a->id, NULL);
  g_assert_cmpstr (((PoItemVersion *) versions->pdata[0])->published_on, ==, "2025-06-30");

  b = po_item_load (f->db, "SC-CF-2", NULL);
  g_assert_cmpstr (b->name, ==, "对销售\"过期\"食品的行政处罚");
  g_assert_cmpstr (b->department, ==, "市市场监督管理局");
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = po_item_versions (f->db, b->id, NULL);
  g_assert_cmpstr (((PoItemVersion *) versions->pdata[0])->published_on, ==, "2026-11-27");   /* the import day */

  c = po_item_load (f->db, "ST-XK-3", NULL);
  g_assert_cmpstr (c->status, ==, "draft");
  g_assert_nonnull (strstr (c->basis_text, "\n依法申请"));
  g_assert_cmpint (c->published_version, ==, 0);
}

static void
assert_refused (Fixture    *f,
                const char *text,
                const char *place,
                const char *says)
{
  g_autoptr(GError) error = NULL;
  PoImportSummary summary = { 0 };
  gint64 items = po_database_query_int (f->db, "SELECT count(*) FROM power_items", NULL);
  gint64 departments = po_database_query_int (f->db, "SELECT count(*) FROM departments", NULL);
  gint64 audit = po_audit_count (f->db, NULL);

  g_assert_false (import_csv (f, text, &summary, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  if (strstr (error->message, place) == NULL || strstr (error->message, says) == NULL)
    g_error ("expected “%s” and “%s” in: %s", place, says, error->message);
  g_assert_cmpuint (summary.items, ==, 0);
  po_import_summary_clear (&summary);

  /* Nothing half-written: not the good rows before it, not a new department. */
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM power_items", NULL), ==, items);
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM departments", NULL), ==, departments);
  g_assert_cmpint (po_audit_count (f->db, NULL), ==, audit);
}

#define ROW(code, rest) code ",名称,行政许可,新部门," rest "\r\n"
#define OK_REST "《某法》第一条,,不收费,20,10,审批科,窗口,0571-87654321,12345,draft,"

static void
test_import_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  assert_refused (f, HEADER ROW ("A1", OK_REST) ROW ("A2", OK_REST)
                  "A3,名称,行政许可,新部门,《某法》第一条,,不收费,20,10,审批科,窗口,8765,12345,draft,\r\n",
                  "list.csv:4", "phone");
  assert_refused (f, HEADER ROW ("A1", OK_REST)
                  "A2,名称,行政许可,新部门,《某法》第一条,,不收费,10,20,审批科,窗口,0571-87654321,12345,draft,\r\n",
                  "list.csv:3", "committed_limit");
  assert_refused (f, HEADER ROW ("A1", OK_REST) ROW ("A1", OK_REST), "list.csv:3", "list.csv:2");
  assert_refused (f, HEADER "A1,名称,行政检查,新部门,《某法》,,,20,10,审批科,窗口,0571-87654321,12345,draft,\r\n",
                  "list.csv:2", "type");
  assert_refused (f, HEADER "A1,名称,行政许可,新部门,《某法》,,不收费,二十,10,审批科,窗口,0571-87654321,12345,draft,\r\n",
                  "list.csv:2", "statutory_limit");
  assert_refused (f, HEADER "A1,名称,行政许可,新部门,《某法》,,不收费,20,10,审批科,窗口,0571-87654321,12345,published,2026-02-30\r\n",
                  "list.csv:2", "published_on");
  assert_refused (f, HEADER "A1,名称,行政许可,新部门,《某法》,,不收费,20,10,审批科,窗口,0571-87654321,12345,approved,\r\n",
                  "list.csv:2", "status");
  assert_refused (f, HEADER "A1,名称,行政许可,,《某法》,,不收费,20,10,审批科,窗口,0571-87654321,12345,draft,\r\n",
                  "list.csv:2", "department");
  /* Broken CSV. */
  assert_refused (f, HEADER ROW ("A1", OK_REST) "A2,\"名称,行政许可,新部门\r\n", "list.csv:3", "never closed");
  assert_refused (f, HEADER "A1,名\"称,行政许可\r\n", "list.csv:2", "quote");
  assert_refused (f, HEADER "A1,名称,行政许可\r\n", "list.csv:2", "3 fields");
  assert_refused (f, "code,name,type,department\r\n" ROW ("A1", OK_REST), "list.csv:1", "legal_basis");
  assert_refused (f, "code,name,colour\r\n", "list.csv:1", "colour");
  assert_refused (f, HEADER, "list.csv", "no power item");
}

static void
test_import_existing_code (Fixture       *f,
                           gconstpointer  data)
{
  PoImportSummary summary = { 0 };

  g_assert_true (import_csv (f, HEADER ROW ("A1", OK_REST), &summary, NULL));
  po_import_summary_clear (&summary);
  assert_refused (f, HEADER ROW ("B1", OK_REST) ROW ("A1", OK_REST), "list.csv:3", "already in the catalogue");
}

static void
test_import_json (Fixture       *f,
                  gconstpointer  data)
{
  static const char good[] =
    "{ \"format\": \"power-oversight-catalogue\", \"version\": 1, \"items\": ["
    "  { \"code\": \"J1\", \"name\": \"建筑工程施工许可\", \"type\": \"行政许可\", \"department\": \"SCJG\","
    "    \"legal_basis\": \"《中华人民共和国建筑法》第七条\", \"fee_basis\": \"\", \"fee_standard\": \"不收费\","
    "    \"statutory_limit\": 15, \"committed_limit\": 7, \"handling_unit\": \"审批科\", \"place\": \"窗口\","
    "    \"phone\": \"0571-87654321\", \"supervision_phone\": \"12345\", \"status\": \"published\" } ] }";
  static const char bad[] =
    "[ { \"code\": \"J2\", \"name\": \"x\", \"type\": \"license\", \"department\": \"SCJG\", \"legal_basis\": \"\","
    "    \"fee_basis\": \"\", \"fee_standard\": \"\", \"statutory_limit\": 15, \"committed_limit\": 7,"
    "    \"handling_unit\": \"\", \"place\": \"\", \"phone\": \"0571-87654321\", \"supervision_phone\": \"12345\", \"status\": \"draft\" },"
    "  { \"code\": \"J3\", \"name\": \"x\", \"type\": \"license\", \"department\": \"SCJG\", \"legal_basis\": \"\","
    "    \"fee_basis\": \"\", \"fee_standard\": \"\", \"statutory_limit\": -1, \"committed_limit\": 7,"
    "    \"handling_unit\": \"\", \"place\": \"\", \"phone\": \"\", \"supervision_phone\": \"\", \"status\": \"draft\" } ]";
  g_autoptr(GError) error = NULL;
  g_autoptr(PoItem) item = NULL;
  PoImportSummary summary = { 0 };

  g_assert_true (po_catalogue_import_json (f->db, good, strlen (good), "list.json", po_test_date ("2026-11-27"),
                                           &summary, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  item = po_item_load (f->db, "J1", NULL);
  g_assert_cmpint (item->committed_limit, ==, 7);
  g_assert_cmpstr (item->status, ==, "published");

  g_assert_false (po_catalogue_import_json (f->db, bad, strlen (bad), "list.json", po_test_date ("2026-11-27"),
                                            &summary, NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "list.json: items[1]: statutory_limit"));
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM power_items", NULL), ==, 1);
  g_clear_error (&error);
  g_assert_false (po_catalogue_import_json (f->db, "[{", 2, "list.json", po_test_date ("2026-11-27"),
                                            &summary, NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "not valid JSON"));
  po_import_summary_clear (&summary);
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL, *again = NULL, *json = NULL, *json_again = NULL;
  g_autoptr(PoDatabase) other = NULL;
  PoImportSummary summary = { 0 };

  import_csv (f, good_csv, &summary, &error);
  g_assert_no_error (error);
  po_import_summary_clear (&summary);
  csv = po_catalogue_export_csv (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "code,name,type,department,legal_basis,"));
  g_assert_nonnull (strstr (csv, "\"市民中心3楼, 12号窗口\""));
  g_assert_nonnull (strstr (csv, ",行政处罚,"));

  other = po_test_open (f->dir, "other.db");
  g_assert_true (po_catalogue_import_csv (other, csv, strlen (csv), "export.csv", po_test_date ("2026-11-27"),
                                          &summary, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.items, ==, 3);
  po_import_summary_clear (&summary);
  again = po_catalogue_export_csv (other, &error);
  g_assert_cmpstr (again, ==, csv);

  json = po_catalogue_export_json (f->db, &error);
  json_again = po_catalogue_export_json (other, &error);
  g_assert_cmpstr (json, ==, json_again);
  g_assert_nonnull (strstr (json, "\"statutory_limit\": 60"));
}

static GArray *
search (PoCatalogue     *cat,
        const char      *text,
        const char      *type,
        PoCatalogueSort  sort,
        gboolean         descending)
{
  PoCatalogueQuery q = { text, type, NULL, 0, sort, descending };
  return po_catalogue_search (cat, &q, NULL);
}

static const char *
code_at (PoCatalogue *cat,
         GArray      *hits,
         guint        i)
{
  return po_catalogue_get_entry (cat, g_array_index (hits, guint, i))->code;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoCatalogue) cat = NULL;
  PoImportSummary summary = { 0 };
  GArray *hits;

  import_csv (f, good_csv, &summary, &error);
  g_assert_no_error (error);
  po_import_summary_clear (&summary);
  g_assert_true (po_database_exec (f->db,
    "UPDATE power_items SET basis_text = '处一万元以上十万元以下罚款' WHERE code = 'SC-CF-2'", &error));
  cat = po_catalogue_load (f->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (po_catalogue_get_n_entries (cat), ==, 3);

  /* Two characters, one character: what FTS5's trigrams cannot find. */
  hits = search (cat, "许可", NULL, PO_CATALOGUE_SORT_CODE, FALSE);
  g_assert_cmpuint (hits->len, ==, 2);   /* the two licences, not the penalty */
  g_array_unref (hits);
  hits = search (cat, "罚款", NULL, PO_CATALOGUE_SORT_CODE, FALSE);   /* only in the legal basis */
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (code_at (cat, hits, 0), ==, "SC-CF-2");
  g_array_unref (hits);
  hits = search (cat, "罚", NULL, PO_CATALOGUE_SORT_CODE, FALSE);
  g_assert_cmpuint (hits->len, ==, 1);
  g_array_unref (hits);
  /* Codes without regard to case; several words must all match. */
  hits = search (cat, "sc-", NULL, PO_CATALOGUE_SORT_CODE, FALSE);
  g_assert_cmpuint (hits->len, ==, 2);
  g_array_unref (hits);
  hits = search (cat, "食品 　经营", NULL, PO_CATALOGUE_SORT_CODE, FALSE);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (code_at (cat, hits, 0), ==, "SC-XK-1");
  g_array_unref (hits);
  hits = search (cat, "不存在的事项", NULL, PO_CATALOGUE_SORT_CODE, FALSE);
  g_assert_cmpuint (hits->len, ==, 0);
  g_array_unref (hits);
  /* Filters and sorting. */
  hits = search (cat, NULL, "penalty", PO_CATALOGUE_SORT_CODE, FALSE);
  g_assert_cmpuint (hits->len, ==, 1);
  g_array_unref (hits);
  hits = search (cat, NULL, NULL, PO_CATALOGUE_SORT_STATUTORY, TRUE);
  g_assert_cmpstr (code_at (cat, hits, 0), ==, "SC-CF-2");
  g_array_unref (hits);
  hits = search (cat, NULL, NULL, PO_CATALOGUE_SORT_CODE, TRUE);
  g_assert_cmpstr (code_at (cat, hits, 0), ==, "ST-XK-3");
  g_assert_cmpstr (code_at (cat, hits, 2), ==, "SC-CF-2");
  g_array_unref (hits);
  {
    PoCatalogueQuery q = { NULL, NULL, "draft", 0, PO_CATALOGUE_SORT_NAME, FALSE };
    hits = po_catalogue_search (cat, &q, NULL);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpstr (code_at (cat, hits, 0), ==, "ST-XK-3");
    g_array_unref (hits);
  }
}

static void
test_search_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PoCatalogue) cat = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  PoCatalogueQuery q = { "许可", NULL, NULL, 0, PO_CATALOGUE_SORT_CODE, FALSE };
  PoImportSummary summary = { 0 };

  g_assert_true (import_csv (f, good_csv, &summary, NULL));
  po_import_summary_clear (&summary);
  cat = po_catalogue_load (f->db, NULL, NULL);
  g_cancellable_cancel (cancellable);
  g_assert_null (po_catalogue_search (cat, &q, cancellable));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/catalogue/import/csv", test_import_csv);
  ADD ("/catalogue/import/all-or-nothing", test_import_all_or_nothing);
  ADD ("/catalogue/import/existing-code", test_import_existing_code);
  ADD ("/catalogue/import/json", test_import_json);
  ADD ("/catalogue/export/round-trip", test_export_round_trip);
  ADD ("/catalogue/search", test_search);
  ADD ("/catalogue/search/cancelled", test_search_cancelled);
#undef ADD

  return g_test_run ();
}
