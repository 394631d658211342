/* test-supervision.c: the rules engine, each rule at its boundary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The office: one department; a licence item L (committed limit 5
 * working days), a penalty item P (committed 30) with the external
 * flowchart of the general procedure and a benchmark of 1,000–10,000
 * yuan, both published on 2026-01-05; a draft item X. Most dates sit
 * around the 2026 National Day: 10-01 … 10-07 are days off, and Saturday
 * 10-10 is a working day (调休).
 */
#include "config.h"

#include <locale.h>

#include "po-calendar-store.h"
#include "po-catalogue-io.h"
#include "po-deadlines.h"
#include "po-discretion.h"
#include "po-error.h"
#include "po-flowchart.h"
#include "po-intake.h"
#include "po-item.h"
#include "po-supervision.h"
#include "po-test-util.h"

typedef struct
{
  char       *dir;
  PoDatabase *db;
} Fixture;

static const char catalogue_csv[] =
  "code,name,type,department,legal_basis,fee_basis,fee_standard,statutory_limit,committed_limit,"
  "handling_unit,place,phone,supervision_phone,status,published_on\n"
  "L,测试许可,行政许可,测试局,《中华人民共和国行政许可法》第十二条,,,20,5,,,,,published,2026-01-05\n"
  "P,对测试违法行为的行政处罚,行政处罚,测试局,《中华人民共和国行政处罚法》第八条,,,60,30,,,,,published,2026-01-05\n"
  "X,草拟许可,行政许可,测试局,《中华人民共和国行政许可法》第十二条,,,20,5,,,,,draft,\n";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoItem) item = NULL;
  g_autoptr(PoFlowchart) chart = NULL;
  g_autoptr(PoBenchmark) benchmark = po_benchmark_new ();
  g_autoptr(GPtrArray) benchmarks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tiers = NULL;
  PoImportSummary summary = { 0 };

  f->dir = po_test_make_dir ();
  f->db = po_test_open (f->dir, "office.db");
  g_assert_true (po_catalogue_import_csv (f->db, catalogue_csv, strlen (catalogue_csv), "catalogue.csv",
                                          po_test_date ("2026-01-05"), &summary, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  po_import_summary_clear (&summary);

  item = po_item_load (f->db, "P", &error);
  g_assert_no_error (error);
  chart = po_flowchart_new_from_template (PO_FLOW_TEMPLATE_PENALTY, PO_FLOWCHART_EXTERNAL, NULL);
  po_flowchart_set_item (chart, item);
  g_assert_true (po_flowchart_save_unchecked (f->db, chart, &error));
  g_assert_no_error (error);

  po_benchmark_set_violation (benchmark, "测试违法行为");
  po_benchmark_set_unit (benchmark, PO_DISCRETION_UNIT_YUAN);
  po_benchmark_set_range (benchmark, 1000, 10000);
  tiers = po_discretion_propose_tiers (benchmark, PO_DISCRETION_PROPOSE_AUTO, &error);
  g_assert_no_error (error);
  po_benchmark_set_tiers (benchmark, tiers);
  g_ptr_array_add (benchmarks, g_steal_pointer (&benchmark));
  g_assert_true (po_discretion_save_unchecked (f->db, "P", benchmarks, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  po_test_remove_dir (f->dir);
  g_free (f->dir);
}

#define CASE_HEADER \
  "case_ref,item_code,department,onsite_on,entered_on,accepted_on,decided_on,reported_on,closed_on,fine_yuan,tier,steps\n"
#define PETITION_HEADER "ref,kind,department,received_on,replied_on,subject,channel\n"

static void
import_cases (Fixture    *f,
              const char *rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_strconcat (CASE_HEADER, rows, NULL);
  PoIntakeSummary s;

  g_assert_true (po_cases_import (f->db, csv, strlen (csv), "cases.csv", po_test_date ("2026-11-27"), &s,
                                  NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
import_petitions (Fixture    *f,
                  const char *rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_strconcat (PETITION_HEADER, rows, NULL);
  PoIntakeSummary s;

  g_assert_true (po_petitions_import (f->db, csv, strlen (csv), "petitions.csv", po_test_date ("2026-11-27"), &s,
                                      NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static PoScanSummary
scan_share (Fixture    *f,
            const char *today,
            int         share)
{
  g_autoptr(GError) error = NULL;
  PoScanOptions o;
  PoScanSummary s;

  po_scan_options_init (&o, po_test_date (today));
  o.yellow_share = share;
  g_assert_true (po_supervision_scan (f->db, &o, &s, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return s;
}

static PoScanSummary
scan (Fixture    *f,
      const char *today)
{
  return scan_share (f, today, 0);
}

/* The open alert of @rule about the case or petition @ref: its level
 * ("red", "yellow") and lateness, or NULL when there is none. */
static const char *
open_alert (Fixture    *f,
            const char *rule,
            const char *ref,
            int        *over)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  PoAlertFilter filter = { rule, NULL, 0, FALSE };
  const char *level = NULL;

  alerts = po_alerts_list (f->db, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < alerts->len; i++)
    {
      PoAlert *a = g_ptr_array_index (alerts, i);

      if (g_str_equal (a->ref, ref))
        {
          g_assert_null (level);   /* never two open alerts of a rule for one thing */
          level = g_intern_string (a->level);
          if (over)
            *over = a->working_days_over;
        }
    }
  return level;
}

static void
assert_alert (Fixture    *f,
              const char *rule,
              const char *ref,
              const char *level,
              int         over)
{
  int got = -1;
  const char *found = open_alert (f, rule, ref, &got);

  g_assert_cmpstr (found, ==, level);
  if (level != NULL)
    g_assert_cmpint (got, ==, over);
}

/* Received Tuesday 09-29: the 3rd working day after, across the National
 * Day, is Friday 10-09. */
static void
test_consultation (Fixture       *f,
                   gconstpointer  data)
{
  import_petitions (f,
                    "Z-ON,consultation,测试局,2026-09-29,2026-10-09,a,b\n"
                    "Z-LATE,咨询,测试局,2026-09-29,2026-10-10,a,b\n"
                    "Z-OPEN,consultation,测试局,2026-09-29,,a,b\n");

  scan (f, "2026-09-30");
  assert_alert (f, "overdue-consultation", "Z-OPEN", NULL, 0);   /* 2 left */
  scan (f, "2026-10-08");
  assert_alert (f, "overdue-consultation", "Z-OPEN", "yellow", 0);   /* 1 left */
  scan (f, "2026-10-09");
  assert_alert (f, "overdue-consultation", "Z-OPEN", "yellow", 0);   /* the last day */
  assert_alert (f, "overdue-consultation", "Z-ON", NULL, 0);
  /* Saturday 10-10 is a working day: a reply then is one day late. */
  assert_alert (f, "overdue-consultation", "Z-LATE", "red", 1);
  scan (f, "2026-10-12");
  assert_alert (f, "overdue-consultation", "Z-OPEN", "red", 2);
  assert_alert (f, "overdue-consultation", "Z-ON", NULL, 0);
  /* A consultation is not a complaint. */
  assert_alert (f, "overdue-complaint", "Z-LATE", NULL, 0);
}

/* Received 09-29: the 10th working day after is Monday 10-19. */
static void
test_complaint (Fixture       *f,
                gconstpointer  data)
{
  import_petitions (f,
                    "T-ON,complaint,测试局,2026-09-29,2026-10-19,a,b\n"
                    "T-LATE,投诉,测试局,2026-09-29,2026-10-20,a,b\n"
                    "T-OPEN,complaint,测试局,2026-09-29,,a,b\n");
  scan (f, "2026-10-16");
  assert_alert (f, "overdue-complaint", "T-OPEN", "yellow", 0);
  scan (f, "2026-10-21");
  assert_alert (f, "overdue-complaint", "T-ON", NULL, 0);
  assert_alert (f, "overdue-complaint", "T-LATE", "red", 1);
  assert_alert (f, "overdue-complaint", "T-OPEN", "red", 2);
}

/* On site Friday 10-09: to be entered by the next working day, the
 * makeup Saturday 10-10. */
static void
test_late_entry (Fixture       *f,
                 gconstpointer  data)
{
  import_cases (f,
                "E-ON,P,测试局,2026-10-09,2026-10-10,2026-10-10,,,,,,立案\n"
                "E-LATE,P,测试局,2026-10-09,2026-10-12,2026-10-12,,,,,,立案\n"
                "E-OPEN,P,测试局,2026-10-09,,,,,,,,\n");
  scan (f, "2026-10-09");
  assert_alert (f, "late-entry", "E-OPEN", "yellow", 0);
  scan (f, "2026-10-12");
  assert_alert (f, "late-entry", "E-ON", NULL, 0);
  /* Sunday 10-11 is not counted. */
  assert_alert (f, "late-entry", "E-LATE", "red", 1);
  assert_alert (f, "late-entry", "E-OPEN", "red", 1);
  /* A licence case has no entry deadline. */
  import_cases (f, "E-LIC,L,测试局,,2026-10-12,2026-10-12,,,,,,申请\n");
  scan (f, "2026-10-30");
  assert_alert (f, "late-entry", "E-LIC", NULL, 0);
}

/* L's committed limit is 5 working days: accepted 09-29, due Monday
 * 10-12 (09-30, 10-08, 10-09, 10-10, 10-12). */
static void
test_overdue_case (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  import_cases (f,
                "D-ON,L,测试局,,2026-09-29,2026-09-29,2026-10-12,2026-10-12,,,,申请>受理\n"
                "D-LATE,L,测试局,,2026-09-29,2026-09-29,2026-10-13,2026-10-13,,,,申请>受理\n"
                "D-OPEN,L,测试局,,2026-09-29,2026-09-29,,,,,,申请\n");
  scan (f, "2026-10-10");
  assert_alert (f, "overdue-case", "D-OPEN", "yellow", 0);
  scan (f, "2026-10-13");
  assert_alert (f, "overdue-case", "D-ON", NULL, 0);
  assert_alert (f, "overdue-case", "D-LATE", "red", 1);
  assert_alert (f, "overdue-case", "D-OPEN", "red", 1);

  /* A hearing on 10-08 and 10-09 is time the law excludes: the deadline
   * moves two working days, to 10-14, and D-LATE was on time. */
  id = po_database_query_int (f->db, "SELECT id FROM cases WHERE case_ref = 'D-LATE'", NULL);
  g_assert_cmpint (po_case_add_suspension (f->db, id, "hearing", po_test_date ("2026-10-08"),
                                           po_test_date ("2026-10-09"), 0, "听证", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (po_database_query_int (f->db,
                   "SELECT count(*) FROM deadlines d JOIN cases c ON c.id = d.subject_id "
                   "WHERE c.case_ref = 'D-LATE' AND d.kind = 'decision' AND d.due_on = '2026-10-14'", NULL), ==, 1);
  scan (f, "2026-10-13");
  assert_alert (f, "overdue-case", "D-LATE", NULL, 0);
  g_assert_cmpint (po_database_query_int (f->db,
                   "SELECT count(*) FROM alerts a JOIN cases c ON c.id = a.subject_id "
                   "WHERE c.case_ref = 'D-LATE' AND a.rule = 'overdue-case' AND a.state = 'resolved'", NULL), ==, 1);

  /* An approved extension of 3 working days, imported with the case. */
  {
    g_autofree char *with = g_strdup ("case_ref,item_code,department,onsite_on,entered_on,accepted_on,decided_on,"
                                      "reported_on,closed_on,fine_yuan,tier,steps,suspensions\n"
                                      "D-OPEN,L,测试局,,2026-09-29,2026-09-29,,,,,,申请,延期:2026-10-09+3:批准延期\n");
    PoIntakeSummary s;

    g_assert_true (po_cases_import (f->db, with, strlen (with), "ext.csv", po_test_date ("2026-11-27"), &s,
                                    NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (s.updated, ==, 1);
    g_assert_cmpuint (s.suspensions, ==, 1);
  }
  scan (f, "2026-10-14");
  assert_alert (f, "overdue-case", "D-OPEN", "yellow", 0);   /* due 10-15 now */
}

/* Decided 10-09: the data is due at the platform by the 3rd working day
 * after, Tuesday 10-13. */
static void
test_late_report (Fixture       *f,
                  gconstpointer  data)
{
  import_cases (f,
                "R-ON,L,测试局,,2026-09-29,2026-09-29,2026-10-09,2026-10-13,,,,申请>受理\n"
                "R-LATE,L,测试局,,2026-09-29,2026-09-29,2026-10-09,2026-10-14,,,,申请>受理\n"
                "R-STALE,L,测试局,,2026-09-29,2026-09-29,2026-10-09,2026-10-08,,,,申请>受理\n");
  scan (f, "2026-10-12");
  /* Reported before it was decided: the decision is not reported yet. */
  assert_alert (f, "late-report", "R-STALE", "yellow", 0);
  scan (f, "2026-10-15");
  assert_alert (f, "late-report", "R-ON", NULL, 0);
  assert_alert (f, "late-report", "R-LATE", "red", 1);
  assert_alert (f, "late-report", "R-STALE", "red", 2);
}

static gint64
insert_review (Fixture    *f,
               const char *effective_on,
               const char *filed_on,
               const char *received_on,
               const char *decided_on)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = po_database_prepare (f->db,
                              "INSERT INTO review_requests (kind, item_id, department_id, title, effective_on, "
                              "  filed_on, received_on, state, decided_on) "
                              "SELECT 'modify', id, department_id, '调整', ?1, ?2, ?3, "
                              "  CASE WHEN ?4 IS NULL THEN 'open' ELSE 'approved' END, ?4 "
                              "FROM power_items WHERE code = 'L'",
                              &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, effective_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, filed_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, received_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, decided_on, -1, SQLITE_STATIC);
  g_assert_true (po_database_step_done (f->db, stmt, &error));
  id = sqlite3_last_insert_rowid (po_database_get_handle (f->db));
  g_assert_true (po_deadlines_refresh_review (f->db, id, &error));
  g_assert_no_error (error);
  return id;
}

/* The law takes effect 10-20: file by the 15th working day before, 09-22.
 * Received 09-29: the reply is due the 10th working day after, 10-19. */
static void
test_review_rules (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *on = g_strdup_printf ("%lld", (long long) insert_review (f, "2026-10-20", "2026-09-22", "2026-09-29", "2026-10-19"));
  g_autofree char *late = g_strdup_printf ("%lld", (long long) insert_review (f, "2026-10-20", "2026-09-23", "2026-09-29", "2026-10-20"));
  g_autofree char *open = g_strdup_printf ("%lld", (long long) insert_review (f, "2026-10-20", "2026-09-22", "2026-09-29", NULL));

  scan (f, "2026-10-16");
  assert_alert (f, "late-filing", on, NULL, 0);
  assert_alert (f, "late-filing", late, "red", 1);
  assert_alert (f, "overdue-review", open, "yellow", 0);
  scan (f, "2026-10-21");
  assert_alert (f, "overdue-review", on, NULL, 0);
  assert_alert (f, "overdue-review", late, "red", 1);
  assert_alert (f, "overdue-review", open, "red", 2);
}

/* A 督办 order of 2 working days issued Friday 10-09 is due Monday 10-12. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *ref = NULL;
  PoAlert *a;
  gint64 order;

  import_petitions (f, "O-1,complaint,测试局,2026-09-01,,a,b\n");
  scan (f, "2026-10-09");
  alerts = po_alerts_list (f->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 1);
  a = g_ptr_array_index (alerts, 0);
  g_assert_cmpint (a->order_id, ==, 0);
  order = po_alert_issue_order (f->db, a->id, 2, "限期答复投诉人", po_test_date ("2026-10-09"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (order, >, 0);
  ref = g_strdup_printf ("%lld", (long long) order);
  {
    /* The alert now names its unanswered order. */
    g_autoptr(PoAlert) again = po_alert_get (f->db, a->id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (again->order_id, ==, order);
  }

  scan (f, "2026-10-12");
  assert_alert (f, "overdue-order", ref, "yellow", 0);
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM alerts WHERE state = 'ordered'", NULL), ==, 1);
  scan (f, "2026-10-13");
  assert_alert (f, "overdue-order", ref, "red", 1);

  /* Answered on the last day: nothing, and the late alert is resolved. */
  g_assert_true (po_order_answer (f->db, order, po_test_date ("2026-10-12"), "已答复", po_test_date ("2026-10-13"), &error));
  g_assert_no_error (error);
  scan (f, "2026-10-13");
  assert_alert (f, "overdue-order", ref, NULL, 0);
  {
    g_autoptr(PoAlert) answered = po_alert_get (f->db, a->id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (answered->order_id, ==, 0);
  }
  /* Only once. */
  g_assert_false (po_order_answer (f->db, order, po_test_date ("2026-10-13"), "再答复", po_test_date ("2026-10-13"), &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  history = po_alert_history (f->db, a->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 3);   /* raised, order issued, order answered */
}

/* The general procedure: 立案 → 调查取证 → 审查 → 告知 → (陈述申辩 | 听证 | —)
 * → 决定 → 送达 → 执行 → 结案. */
static void
test_process_deviation (Fixture       *f,
                        gconstpointer  data)
{
  PoScanSummary s;

  import_cases (f,
                "P-FULL,P,测试局,2026-03-02,2026-03-03,2026-03-03,2026-03-20,2026-03-23,2026-03-23,2000,,"
                "立案>调查取证>审查>告知>陈述申辩>决定>送达>执行\n"
                "P-RETURN,P,测试局,2026-03-02,2026-03-03,2026-03-03,2026-03-20,2026-03-23,,2000,,"
                "立案>调查取证>审查>调查取证>审查>告知>决定\n"
                "P-SKIP,P,测试局,2026-03-02,2026-03-03,2026-03-03,2026-03-20,2026-03-23,,2000,,"
                "立案>调查取证>告知>决定>送达\n"
                "P-ORDER,P,测试局,2026-03-02,2026-03-03,2026-03-03,2026-03-20,2026-03-23,,2000,,"
                "立案>审查>调查取证>告知>决定\n"
                "P-ADDED,P,测试局,2026-03-02,2026-03-03,2026-03-03,,,,,,立案>调查取证>请示领导>审查\n"
                "P-SHORT,P,测试局,2026-03-02,2026-03-03,2026-03-03,2026-03-20,2026-03-23,2026-03-23,2000,,"
                "立案>调查取证>审查>告知>决定>送达\n"
                "P-OPEN,P,测试局,2026-03-02,2026-03-03,2026-03-03,,,,,,立案>调查取证\n"
                "L-1,L,测试局,,2026-03-03,2026-03-03,2026-03-05,2026-03-05,,,,申请>决定\n");
  s = scan (f, "2026-04-01");
  assert_alert (f, "process-deviation", "P-FULL", NULL, 0);
  assert_alert (f, "process-deviation", "P-RETURN", NULL, 0);   /* back along a return edge */
  assert_alert (f, "process-deviation", "P-OPEN", NULL, 0);     /* still under way */
  assert_alert (f, "process-deviation", "P-SKIP", "red", 0);
  assert_alert (f, "process-deviation", "P-ORDER", "red", 0);
  assert_alert (f, "process-deviation", "P-ADDED", "red", 0);
  /* Closed, but the path stops before the end. */
  assert_alert (f, "process-deviation", "P-SHORT", "red", 0);
  /* L has no flowchart: its case is not judged, and the scan says so. */
  assert_alert (f, "process-deviation", "L-1", NULL, 0);
  g_assert_cmpuint (s.skipped_no_flowchart, ==, 1);
}

static void
test_discretion_breach (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = po_discretion_load (f->db, "P", &error);
  PoBenchmark *b = g_ptr_array_index (benchmarks, 0);
  PoBenchmarkTier *first = po_benchmark_get_tier (b, 0);
  PoBenchmarkTier *last = po_benchmark_get_tier (b, po_benchmark_get_n_tiers (b) - 1);
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  rows = g_strdup_printf ("F-FIT,P,测试局,2026-03-02,2026-03-03,2026-03-03,2026-03-20,,,%.0f,%s,\n"
                          "F-TIER,P,测试局,2026-03-02,2026-03-03,2026-03-03,2026-03-20,,,%.0f,%s,\n"
                          "F-HIGH,P,测试局,2026-03-02,2026-03-03,2026-03-03,2026-03-20,,,10000.01,,\n"
                          "F-EDGE,P,测试局,2026-03-02,2026-03-03,2026-03-03,2026-03-20,,,10000,,\n"
                          "F-NONAME,P,测试局,2026-03-02,2026-03-03,2026-03-03,2026-03-20,,,3000,没有这一档,\n"
                          "F-LIC,L,测试局,,2026-03-03,2026-03-03,2026-03-05,,,500,,\n",
                          po_benchmark_tier_get_fine_min (first), po_benchmark_tier_get_name (first),
                          po_benchmark_tier_get_fine_max (last), po_benchmark_tier_get_name (first));
  import_cases (f, rows);
  scan (f, "2026-04-01");
  assert_alert (f, "discretion-breach", "F-FIT", NULL, 0);
  assert_alert (f, "discretion-breach", "F-TIER", "red", 0);    /* outside the tier it names */
  assert_alert (f, "discretion-breach", "F-HIGH", "red", 0);    /* above the statutory maximum */
  assert_alert (f, "discretion-breach", "F-EDGE", NULL, 0);     /* on it */
  assert_alert (f, "discretion-breach", "F-NONAME", "red", 0);  /* a tier the benchmark lacks */
  assert_alert (f, "discretion-breach", "F-LIC", NULL, 0);      /* no benchmark: not judged */
}

static void
test_unapproved_item (Fixture       *f,
                      gconstpointer  data)
{
  import_cases (f,
                "U-OK,L,测试局,,2026-01-05,2026-01-05,,,,,,申请\n"
                "U-EARLY,L,测试局,,2026-01-02,2026-01-02,,,,,,申请\n"
                "U-DRAFT,X,测试局,,2026-03-02,2026-03-02,,,,,,申请\n"
                "U-NONE,NO-SUCH-ITEM,测试局,,2026-03-02,2026-03-02,,,,,,申请\n");
  scan (f, "2026-03-03");
  assert_alert (f, "unapproved-item", "U-OK", NULL, 0);   /* published that very day */
  assert_alert (f, "unapproved-item", "U-EARLY", "red", 0);
  assert_alert (f, "unapproved-item", "U-DRAFT", "red", 0);
  assert_alert (f, "unapproved-item", "U-NONE", "red", 0);
}

static void
test_incomplete_record (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  PoAlertFilter filter = { "incomplete-record", NULL, 0, FALSE };

  import_cases (f,
                "I-OK,L,测试局,,2026-03-02,2026-03-02,2026-03-04,2026-03-04,2026-03-05,,,申请>受理\n"
                "I-NOSTEPS,L,测试局,,2026-03-02,2026-03-02,2026-03-04,2026-03-04,,,,\n"
                "I-NODECISION,L,测试局,,2026-03-02,2026-03-02,,2026-03-04,2026-03-05,,,申请\n"
                "I-NOONSITE,P,测试局,,2026-03-02,2026-03-02,,,,,,立案\n");
  scan (f, "2026-03-10");
  assert_alert (f, "incomplete-record", "I-OK", NULL, 0);
  assert_alert (f, "incomplete-record", "I-NOSTEPS", "red", 0);
  assert_alert (f, "incomplete-record", "I-NODECISION", "red", 0);
  assert_alert (f, "incomplete-record", "I-NOONSITE", "red", 0);

  /* The description names what is missing. */
  alerts = po_alerts_list (f->db, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < alerts->len; i++)
    {
      PoAlert *a = g_ptr_array_index (alerts, i);
      g_autoptr(GPtrArray) lines = po_alert_describe (f->db, a, po_test_date ("2026-03-10"), &error);
      const char *missing = NULL;

      g_assert_no_error (error);
      for (guint l = 0; l < lines->len; l++)
        if (g_str_equal (((PoDetailLine *) g_ptr_array_index (lines, l))->label, "Missing"))
          missing = ((PoDetailLine *) g_ptr_array_index (lines, l))->value;
      if (g_str_equal (a->ref, "I-NOSTEPS"))
        g_assert_cmpstr (missing, ==, "handling steps");
      else if (g_str_equal (a->ref, "I-NODECISION"))
        g_assert_cmpstr (missing, ==, "decided on");
      else
        g_assert_cmpstr (missing, ==, "on-site enforcement date");
    }
}

/* A rescan changes nothing; a yellow alert gone late is superseded by a
 * red one; a fixed cause resolves its alert; a closed alert stays closed. */
static void
test_rescan (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoScanSummary s;
  gint64 audit, yellow_id, closed_id;

  import_petitions (f,
                    "S-1,consultation,测试局,2026-09-29,,a,b\n"
                    "S-2,consultation,测试局,2026-09-29,,a,b\n"
                    "S-3,consultation,测试局,2026-09-29,,a,b\n");
  s = scan (f, "2026-10-09");
  g_assert_cmpuint (s.raised, ==, 3);
  g_assert_cmpuint (s.raised_red, ==, 0);
  audit = po_database_query_int (f->db, "SELECT count(*) FROM audit_log", NULL);
  s = scan (f, "2026-10-09");
  g_assert_cmpuint (s.raised + s.updated + s.superseded + s.resolved, ==, 0);
  g_assert_cmpuint (s.open, ==, 3);
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM audit_log", NULL), ==, audit);

  /* S-3's yellow alert is closed by an analyst. */
  closed_id = po_database_query_int (f->db,
                                     "SELECT a.id FROM alerts a JOIN petitions p ON p.id = a.subject_id "
                                     "WHERE p.ref = 'S-3'", NULL);
  g_assert_true (po_alert_close (f->db, closed_id, "已电话答复，系统补录", po_test_date ("2026-10-09"), &error));
  g_assert_no_error (error);
  g_assert_false (po_alert_close (f->db, closed_id, "again", po_test_date ("2026-10-09"), &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  s = scan (f, "2026-10-09");
  g_assert_cmpuint (s.raised, ==, 0);

  /* S-1 is answered on time; S-2 not at all. */
  import_petitions (f, "S-1,consultation,测试局,2026-09-29,2026-10-09,a,b\n");
  yellow_id = po_database_query_int (f->db,
                                     "SELECT a.id FROM alerts a JOIN petitions p ON p.id = a.subject_id "
                                     "WHERE p.ref = 'S-2'", NULL);
  s = scan (f, "2026-10-10");
  g_assert_cmpuint (s.resolved, ==, 1);
  g_assert_cmpuint (s.superseded, ==, 1);
  g_assert_cmpuint (s.raised_red, ==, 2);   /* S-2, and S-3 now late: red is new, not the closed yellow */
  assert_alert (f, "overdue-consultation", "S-1", NULL, 0);
  assert_alert (f, "overdue-consultation", "S-2", "red", 1);
  g_assert_cmpint (po_database_query_int (f->db,
                   "SELECT count(*) FROM alerts a JOIN petitions p ON p.id = a.subject_id "
                   "WHERE p.ref = 'S-1' AND a.state = 'resolved'", NULL), ==, 1);
  {
    g_autoptr(PoAlert) old = po_alert_get (f->db, yellow_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (old->state, ==, "superseded");
    g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM alerts a "
                                                   "WHERE a.id = (SELECT superseded_by FROM alerts WHERE state = 'superseded') "
                                                   "AND a.level = 'red'", NULL), ==, 1);
  }
  /* Another day later: the red alert's lateness follows, nothing new. */
  s = scan (f, "2026-10-12");
  g_assert_cmpuint (s.raised, ==, 0);
  g_assert_cmpuint (s.updated, ==, 2);
  assert_alert (f, "overdue-consultation", "S-2", "red", 2);
}

/* Yellow once 80 % of the limit is used: L's 5 days from 09-29 are 80 %
 * used after the 4th, Saturday 10-10. */
static void
test_yellow_share (Fixture       *f,
                   gconstpointer  data)
{
  import_cases (f, "Y-1,L,测试局,,2026-09-29,2026-09-29,,,,,,申请\n");
  scan_share (f, "2026-10-09", 80);
  assert_alert (f, "overdue-case", "Y-1", NULL, 0);
  scan_share (f, "2026-10-10", 80);
  assert_alert (f, "overdue-case", "Y-1", "yellow", 0);
}

/* The office keeps its thresholds: every scan that loads them, whoever
 * runs it, judges alike. */
static void
test_office_thresholds (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoScanOptions o;
  PoScanSummary s;
  gint64 audit;

  import_petitions (f, "Z-OPEN,consultation,测试局,2026-09-29,,a,b\n");
  g_assert_true (po_scan_options_load (&o, f->db, po_test_date ("2026-09-30"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (o.yellow_days, ==, PO_SCAN_DEFAULT_YELLOW_DAYS);
  g_assert_cmpint (o.yellow_share, ==, 0);
  g_assert_true (po_supervision_scan (f->db, &o, &s, NULL, NULL, NULL, &error));
  assert_alert (f, "overdue-consultation", "Z-OPEN", NULL, 0);   /* 2 left */

  g_assert_true (po_office_set_yellow (f->db, 2, 0, &error));
  g_assert_no_error (error);
  g_assert_true (po_scan_options_load (&o, f->db, po_test_date ("2026-09-30"), &error));
  g_assert_cmpint (o.yellow_days, ==, 2);
  g_assert_cmpint (o.today, ==, po_test_date ("2026-09-30"));
  g_assert_true (po_supervision_scan (f->db, &o, &s, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_alert (f, "overdue-consultation", "Z-OPEN", "yellow", 0);

  /* Setting the same again writes nothing; out of range, nothing either. */
  audit = po_database_query_int (f->db, "SELECT count(*) FROM audit_log", NULL);
  g_assert_true (po_office_set_yellow (f->db, 2, 0, &error));
  g_assert_false (po_office_set_yellow (f->db, 31, 0, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (po_office_set_yellow (f->db, 1, 101, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM audit_log", NULL), ==, audit);

  g_assert_true (po_office_set_yellow (f->db, 2, 60, &error));
  g_assert_true (po_scan_options_load (&o, f->db, po_test_date ("2026-09-30"), &error));
  g_assert_cmpint (o.yellow_share, ==, 60);
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM audit_log", NULL), ==, audit + 1);
}

/* The description spells the arithmetic out, with the days off. */
static void
test_describe (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  import_petitions (f, "A-1,consultation,测试局,2026-09-29,2026-10-12,a,b\n");
  scan (f, "2026-10-20");
  alerts = po_alerts_list (f->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 1);
  lines = po_alert_describe (f->db, g_ptr_array_index (alerts, 0), po_test_date ("2026-10-20"), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < lines->len; i++)
    {
      PoDetailLine *l = g_ptr_array_index (lines, i);
      g_string_append_printf (all, "%s=%s\n", l->label, l->value);
    }
  g_assert_nonnull (strstr (all->str, "Received on=2026-09-29\n"));
  g_assert_nonnull (strstr (all->str, "Deadline=2026-10-09\n"));
  g_assert_nonnull (strstr (all->str, "Done on=2026-10-12\n"));
  g_assert_nonnull (strstr (all->str, "Working days over=2\n"));
  g_assert_nonnull (strstr (all->str, "2026-10-01 – 2026-10-07 (7 days)"));
  g_assert_nonnull (strstr (all->str, "1 weekend working day"));
}

/* The calendar changes: the makeup Saturday 10-10 is taken back. The
 * reply to a consultation received Friday 10-09 (3 working days) moves
 * from Tuesday 10-13 to Wednesday 10-14, and its alert follows. */
static void
test_calendar_change (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *changed = NULL;
  sqlite3_stmt *stmt;

  import_petitions (f, "K-1,consultation,测试局,2026-10-09,,a,b\n");
  scan (f, "2026-10-14");
  assert_alert (f, "overdue-consultation", "K-1", "red", 1);

  json = po_calendar_store_export_json (f->db, &error);
  g_assert_no_error (error);
  stmt = po_database_prepare (f->db,
                              "SELECT json_object ('format', 'power-oversight-calendar', 'version', 1, 'years', "
                              "  json_array (json_set (y.value, '$.workdays', "
                              "    (SELECT json_group_array (json (w.value)) FROM json_each (y.value, '$.workdays') AS w "
                              "     WHERE json_extract (w.value, '$.date') <> '2026-10-10')))) "
                              "FROM json_each (?1, '$.years') AS y WHERE json_extract (y.value, '$.year') = 2026",
                              &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  changed = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_assert_nonnull (strstr (json, "2026-10-10"));
  g_assert_null (strstr (changed, "2026-10-10"));

  g_assert_true (po_calendar_store_import_json (f->db, changed, strlen (changed), "changed.json", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (po_database_query_int (f->db,
                   "SELECT count(*) FROM deadlines d JOIN petitions p ON p.id = d.subject_id "
                   "WHERE d.subject = 'petition' AND p.ref = 'K-1' AND d.due_on = '2026-10-14'", NULL), ==, 1);
  scan (f, "2026-10-14");
  assert_alert (f, "overdue-consultation", "K-1", "yellow", 0);
  g_assert_cmpint (po_database_query_int (f->db, "SELECT count(*) FROM alerts WHERE state = 'resolved' AND level = 'red'",
                                          NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/supervision/overdue-consultation", test_consultation);
  ADD ("/supervision/overdue-complaint", test_complaint);
  ADD ("/supervision/late-entry", test_late_entry);
  ADD ("/supervision/overdue-case", test_overdue_case);
  ADD ("/supervision/late-report", test_late_report);
  ADD ("/supervision/review-rules", test_review_rules);
  ADD ("/supervision/overdue-order", test_order);
  ADD ("/supervision/process-deviation", test_process_deviation);
  ADD ("/supervision/discretion-breach", test_discretion_breach);
  ADD ("/supervision/unapproved-item", test_unapproved_item);
  ADD ("/supervision/incomplete-record", test_incomplete_record);
  ADD ("/supervision/rescan", test_rescan);
  ADD ("/supervision/yellow-share", test_yellow_share);
  ADD ("/supervision/office-thresholds", test_office_thresholds);
  ADD ("/supervision/describe", test_describe);
  ADD ("/supervision/calendar-change", test_calendar_change);
#undef ADD

  return g_test_run ();
}
