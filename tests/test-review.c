/* test-review.c: legality review deadlines and the reviewers' queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "po-discretion.h"
#include "po-error.h"
#include "po-flowchart.h"
#include "po-item.h"
#include "po-review.h"
#include "po-test-util.h"

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
  /* Three published items whose changes are filed around 国庆 2026. */
  g_assert_true (po_database_exec (f->db,
    "INSERT INTO departments (code, name) VALUES ('STHJ', '市生态环境局');"
    "INSERT INTO power_items (code, name, type, department_id, status, basis_law, basis_article, "
    "  handling_unit, place, fee_standard, phone, supervision_phone, statutory_limit, committed_limit, created_on) VALUES "
    "('PW-1', '排污许可', 'license', 1, 'published', '排污许可管理条例', '第十五条', '审批科', '窗口', '不收费', "
    "  '0571-87000001', '12345', 20, 15, '2026-01-05'),"
    "('PW-2', '辐射安全许可', 'license', 1, 'published', '放射性同位素与射线装置安全和防护条例', '第八条', '审批科', "
    "  '窗口', '不收费', '0571-87000001', '12345', 20, 15, '2026-01-05'),"
    "('PW-3', '危险废物经营许可', 'license', 1, 'published', '危险废物经营许可证管理办法', '第十条', '审批科', "
    "  '窗口', '不收费', '0571-87000001', '12345', 20, 15, '2026-01-05');",
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

static gint64
file (Fixture    *f,
      const char *code,
      const char *effective,
      const char *filed,
      const char *received)
{
  g_autoptr(GError) error = NULL;
  PoReviewFiling filing = { "modify", code, NULL, "{\"committed_limit\": 12}", "修订后的条例",
                            effective ? po_test_date (effective) : PO_DATE_INVALID,
                            po_test_date (filed), po_test_date (received) };
  gint64 id = 0;

  g_assert_true (po_review_file (f->db, &filing, &id, &error));
  g_assert_no_error (error);
  return id;
}

static PoReview *
load (Fixture    *f,
      gint64      id,
      const char *today)
{
  g_autoptr(GError) error = NULL;
  PoReview *r = po_review_load (f->db, id, po_test_date (today), 1, &error);

  g_assert_no_error (error);
  return r;
}

/* A law taking effect on 2026-10-09, right after 国庆: the 15th working
 * day before it is 2026-09-11 (the makeup Sunday 09-20 counts, 中秋
 * 09-25 and 国庆 10-01…07 do not). */
static void
test_filing_deadline_across_national_day (Fixture       *f,
                                          gconstpointer  data)
{
  gint64 on_time = file (f, "PW-1", "2026-10-09", "2026-09-11", "2026-09-11");
  gint64 late = file (f, "PW-2", "2026-10-09", "2026-09-14", "2026-09-14");
  g_autoptr(PoReview) a = load (f, on_time, "2026-09-15");
  g_autoptr(PoReview) b = load (f, late, "2026-09-15");

  po_test_assert_date (a->filing_deadline, "2026-09-11");
  g_assert_false (a->late_filed);
  po_test_assert_date (b->filing_deadline, "2026-09-11");
  g_assert_true (b->late_filed);
  g_assert_false (a->provisional);
}

/* Received 2026-09-28: the ten working days are 09-29, 09-30, 10-08,
 * 10-09, 10-10 (the makeup Saturday), 10-12 … 10-16. */
static void
test_reply_deadline_and_levels (Fixture       *f,
                                gconstpointer  data)
{
  gint64 id = file (f, "PW-1", "2026-11-30", "2026-09-28", "2026-09-28");
  static const struct { const char *today; int left; PoLevel level; } days[] = {
    { "2026-09-30", 8, PO_LEVEL_NONE },
    { "2026-10-14", 2, PO_LEVEL_NONE },
    { "2026-10-15", 1, PO_LEVEL_YELLOW },   /* one working day left */
    { "2026-10-16", 0, PO_LEVEL_YELLOW },   /* the last day */
    { "2026-10-17", -0, PO_LEVEL_RED },     /* a Saturday: no working day over yet, but past */
    { "2026-10-19", -1, PO_LEVEL_RED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(PoReview) r = load (f, id, days[i].today);

      po_test_assert_date (r->reply_deadline, "2026-10-16");
      g_assert_cmpint (r->days_left, ==, days[i].left);
      g_assert_cmpint (r->level, ==, days[i].level);
    }
}

static void
test_decided_on_time_is_not_red (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = file (f, "PW-1", "2026-11-30", "2026-09-28", "2026-09-28");
  g_autoptr(PoReview) r = NULL;

  g_assert_true (po_review_decide (f->db, id, PO_OUTCOME_APPROVED, "同意", NULL,
                                   po_test_date ("2026-10-16"), "李", &error));
  g_assert_no_error (error);
  r = load (f, id, "2026-11-02");
  g_assert_cmpint (r->level, ==, PO_LEVEL_NONE);
  g_assert_cmpstr (r->state, ==, "approved");
}

static void
test_queue (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) soon = NULL;
  gint64 later = file (f, "PW-1", NULL, "2026-10-12", "2026-10-12");      /* due 10-26 */
  gint64 first = file (f, "PW-2", NULL, "2026-09-28", "2026-09-28");      /* due 10-16 */
  gint64 decided = file (f, "PW-3", NULL, "2026-09-21", "2026-09-21");

  g_assert_true (po_review_decide (f->db, decided, PO_OUTCOME_RETURNED, "请补充法律依据", NULL,
                                   po_test_date ("2026-09-25"), "李", &error));
  all = po_review_list (f->db, po_test_date ("2026-10-15"), PO_DATE_INVALID, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (((PoReview *) all->pdata[0])->id, ==, first);
  g_assert_cmpint (((PoReview *) all->pdata[1])->id, ==, later);
  g_assert_cmpint (((PoReview *) all->pdata[0])->level, ==, PO_LEVEL_YELLOW);
  g_assert_cmpint (((PoReview *) all->pdata[1])->level, ==, PO_LEVEL_NONE);

  soon = po_review_list (f->db, po_test_date ("2026-10-15"), po_test_date ("2026-10-20"), 1, &error);
  g_assert_cmpuint (soon->len, ==, 1);
}

static void
test_bad_filings (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoReviewFiling unknown = { "modify", "NO-SUCH", NULL, "{}", "", PO_DATE_INVALID,
                             po_test_date ("2026-10-12"), po_test_date ("2026-10-12") };
  PoReviewFiling backwards = { "modify", "PW-1", NULL, "{\"committed_limit\": 12}", "", PO_DATE_INVALID,
                               po_test_date ("2026-10-12"), po_test_date ("2026-10-09") };
  PoReviewFiling kind = { "enlarge", "PW-1", NULL, "{}", "", PO_DATE_INVALID,
                          po_test_date ("2026-10-12"), po_test_date ("2026-10-12") };
  gint64 before = po_database_query_int (f->db, "SELECT count(*) FROM review_requests", NULL);

  g_assert_false (po_review_file (f->db, &unknown, NULL, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (po_review_file (f->db, &backwards, NULL, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (po_review_file (f->db, &kind, NULL, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM review_requests", NULL), ==, before);
}

static const char benchmark_json[] =
  "{ \"format\": \"power-oversight-discretion\", \"version\": 1, \"benchmarks\": [ {"
  "  \"violation\": \"超标排放大气污染物\", \"penalty_provision\": \"《中华人民共和国大气污染防治法》第九十九条\","
  "  \"unit\": \"yuan\", \"min\": 100000, \"max\": 1000000,"
  "  \"tiers\": ["
  "    { \"name\": \"从轻\", \"circumstances\": \"超标倍数在0.5倍以下的\", \"min\": 100000, \"max\": 400000 },"
  "    { \"name\": \"一般\", \"circumstances\": \"超标倍数在0.5倍至1倍的\", \"min\": 400000, \"max\": 700000 },"
  "    { \"name\": \"从重\", \"circumstances\": \"超标倍数在1倍以上的\", \"min\": 700000, \"max\": 1000000 } ] } ] }";

/* An adjustment of a published item's benchmark is filed, reviewed, and
 * only on approval becomes the item's benchmark (规定 九(四)(五)). */
static void
test_discretion_round_trip (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  PoReviewFiling filing = { "discretion", "PW-1", NULL, benchmark_json, "《中华人民共和国大气污染防治法》",
                            PO_DATE_INVALID, po_test_date ("2026-10-12"), po_test_date ("2026-10-12") };
  gint64 rejected = 0, approved = 0;

  /* The item is published: its benchmark cannot be replaced directly. */
  benchmarks = po_discretion_parse_json (f->db, benchmark_json, strlen (benchmark_json), "adjust.json", &error);
  g_assert_no_error (error);
  g_assert_false (po_discretion_save (f->db, "PW-1", benchmarks, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&benchmarks, g_ptr_array_unref);

  g_assert_true (po_review_file (f->db, &filing, &rejected, &error));
  g_assert_no_error (error);
  g_assert_true (po_review_decide (f->db, rejected, PO_OUTCOME_REJECTED, "幅度划分依据不足", NULL,
                                   po_test_date ("2026-10-14"), "李", &error));
  g_assert_no_error (error);
  benchmarks = po_discretion_load (f->db, "PW-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (benchmarks->len, ==, 0);
  g_clear_pointer (&benchmarks, g_ptr_array_unref);

  g_assert_true (po_review_file (f->db, &filing, &approved, &error));
  g_assert_true (po_review_decide (f->db, approved, PO_OUTCOME_APPROVED, "同意", NULL,
                                   po_test_date ("2026-10-15"), "李", &error));
  g_assert_no_error (error);
  benchmarks = po_discretion_load (f->db, "PW-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (benchmarks->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (g_ptr_array_index (benchmarks, 0))), ==, 3);
  /* The item itself stays published throughout. */
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM power_items WHERE code = 'PW-1' AND status = 'published'", NULL), ==, 1);
}

/* A flowchart change of a published item takes effect only once approved. */
static void
test_flowchart_round_trip (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoFlowchart) proposed = po_flowchart_new_from_template (PO_FLOW_TEMPLATE_LICENSE, PO_FLOWCHART_EXTERNAL, NULL);
  g_autoptr(PoFlowchart) stored = NULL;
  g_autofree char *json = po_flowchart_to_json (proposed);
  PoReviewFiling filing = { "flowchart", "PW-2", NULL, json, "《中华人民共和国行政许可法》第三十条",
                            PO_DATE_INVALID, po_test_date ("2026-10-12"), po_test_date ("2026-10-12") };
  gint64 id = 0;

  g_assert_true (po_review_file (f->db, &filing, &id, &error));
  g_assert_no_error (error);
  stored = po_flowchart_load (f->db, "PW-2", PO_FLOWCHART_EXTERNAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (po_flowchart_get_n_nodes (stored), ==, 0);   /* nothing yet: under review */
  g_clear_object (&stored);

  g_assert_true (po_review_decide (f->db, id, PO_OUTCOME_APPROVED, "流程符合行政许可法规定", NULL,
                                   po_test_date ("2026-10-13"), "李", &error));
  g_assert_no_error (error);
  stored = po_flowchart_load (f->db, "PW-2", PO_FLOWCHART_EXTERNAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (po_flowchart_get_n_nodes (stored), ==, po_flowchart_get_n_nodes (proposed));
  g_assert_cmpuint (po_flowchart_get_n_nodes (stored), >, 4);
}

static char *
run_cli (Fixture     *f,
         int         *status,
         const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("PO_CLI"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, f->path);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, NULL));
  *status = WEXITSTATUS (wait_status);
  return out;
}

static void
test_cli_list (Fixture       *f,
               gconstpointer  data)
{
  const char *csv_args[] = { "review", "list", "--today", "2026-10-15", NULL };
  const char *json_args[] = { "review", "list", "--today", "2026-10-15", "--format", "json", "--due-before", "2026-10-20", NULL };
  const char *bad_args[] = { "review", "list", "--format", "xml", NULL };
  g_autofree char *csv = NULL, *json = NULL, *bad = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  file (f, "PW-1", "2026-10-09", "2026-09-14", "2026-09-28");
  file (f, "PW-2", NULL, "2026-10-12", "2026-10-12");
  g_clear_object (&f->db);

  csv = run_cli (f, &status, csv_args);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "id,kind,item_code,department,title,filed_on,received_on,effective_on,"
                                 "filing_deadline,late_filed,reply_deadline,working_days_left,level,state,provisional");
  g_assert_true (g_str_has_prefix (lines[1], "1,modify,PW-1,市生态环境局,"));
  g_assert_nonnull (strstr (lines[1], ",2026-09-14,2026-09-28,2026-10-09,2026-09-11,yes,2026-10-16,1,yellow,open,no"));
  g_assert_nonnull (strstr (lines[2], ",no,2026-10-26,7,,open,no"));
  g_assert_cmpstr (lines[3], ==, "");

  json = run_cli (f, &status, json_args);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (json, "\"reply_deadline\": \"2026-10-16\""));
  g_assert_nonnull (strstr (json, "\"late_filed\": true"));
  g_assert_null (strstr (json, "PW-2"));

  bad = run_cli (f, &status, bad_args);
  g_assert_cmpint (status, ==, 2);
  g_assert_cmpstr (bad, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/review/deadline/filing-across-national-day", test_filing_deadline_across_national_day);
  ADD ("/review/deadline/reply-and-levels", test_reply_deadline_and_levels);
  ADD ("/review/deadline/decided-on-time", test_decided_on_time_is_not_red);
  ADD ("/review/queue", test_queue);
  ADD ("/review/bad-filings", test_bad_filings);
  ADD ("/review/cli/list", test_cli_list);
  ADD ("/review/discretion-round-trip", test_discretion_round_trip);
  ADD ("/review/flowchart-round-trip", test_flowchart_round_trip);
#undef ADD

  return g_test_run ();
}
