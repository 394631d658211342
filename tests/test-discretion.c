/* test-discretion.c: discretion benchmarks: rules, calculator, storage, files, CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "po-audit.h"
#include "po-discretion.h"
#include "po-error.h"
#include "po-test-util.h"

#define UNSET PO_DISCRETION_UNSET

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
  g_assert_true (po_database_exec (f->db,
    "INSERT INTO departments (code, name, level, region) VALUES "
    "  ('SJ', '市市场监管局', 'city', '市本级'),"
    "  ('XH', '西湖区市场监管局', 'county', '西湖区'),"
    "  ('YH', '余杭区市场监管局', 'county', '余杭区');"
    "INSERT INTO power_items (code, name, type, department_id, status, created_on) VALUES "
    "  ('D-1', '对未公示信息的处罚', 'penalty', 1, 'draft', '2026-01-05'),"
    "  ('D-2', '对未公示信息的处罚（二）', 'penalty', 1, 'draft', '2026-01-05'),"
    "  ('P-1', '对擅自施工的处罚', 'penalty', 1, 'published', '2026-01-05'),"
    "  ('X-1', '对未公示信息的处罚', 'penalty', 2, 'draft', '2026-01-05'),"
    "  ('Y-1', '对未公示信息的处罚', 'penalty', 3, 'draft', '2026-01-05'),"
    "  ('Y-9', '已取消的事项', 'penalty', 3, 'abolished', '2026-01-05');",
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
count (PoDatabase *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = po_database_query_int (db, sql, &error);

  g_assert_no_error (error);
  return n;
}

static PoBenchmarkTier *
tier (const char *name,
      const char *circumstances,
      double      min,
      double      max)
{
  return po_benchmark_tier_new (name, circumstances, min, max);
}

static void
add_tier (PoBenchmark *b,
          const char  *name,
          const char  *circumstances,
          double       min,
          double       max)
{
  g_autoptr(PoBenchmarkTier) t = tier (name, circumstances, min, max);

  po_benchmark_append_tier (b, t);
}

/* 500–5000 yuan in three touching tiers: valid as it stands. */
static PoBenchmark *
standard (void)
{
  PoBenchmark *b = po_benchmark_new ();

  po_benchmark_set_violation (b, "未按规定公示信息");
  po_benchmark_set_penalty_provision (b, "第五十条");
  po_benchmark_set_range (b, 500, 5000);
  add_tier (b, "从轻", "主动改正的；初次违法的", 500, 1000);
  add_tier (b, "一般", "无从轻、从重情形的", 1000, 3000);
  add_tier (b, "从重", "拒不改正的\n一年内再次违法的", 3000, 5000);
  return b;
}

static GPtrArray *
validate (PoBenchmark *b,
          double       gap)
{
  GPtrArray *findings = po_discretion_validate (b, gap);

  for (guint i = 0; i < findings->len; i++)
    {
      PoDiscretionFinding *x = g_ptr_array_index (findings, i);
      g_test_message ("finding %s (tier %d): %s", po_discretion_rule_key (x->rule), x->tier, x->message);
    }
  return findings;
}

/* The finding of @rule for @tier (-1: the benchmark), or NULL. */
static PoDiscretionFinding *
find_rule (GPtrArray        *findings,
           PoDiscretionRule  rule,
           int               tier_index)
{
  for (guint i = 0; i < findings->len; i++)
    {
      PoDiscretionFinding *x = g_ptr_array_index (findings, i);

      if (x->rule == rule && x->tier == tier_index)
        return x;
    }
  return NULL;
}

static void
assert_clean (PoBenchmark *b,
              double       gap)
{
  g_autoptr(GPtrArray) findings = validate (b, gap);

  g_assert_cmpuint (findings->len, ==, 0);
}

/* Exactly one finding of @rule, for @tier_index, whose sentence says @says. */
static void
assert_finding (PoBenchmark      *b,
                double            gap,
                PoDiscretionRule  rule,
                int               tier_index,
                const char       *says)
{
  g_autoptr(GPtrArray) findings = validate (b, gap);
  PoDiscretionFinding *x = find_rule (findings, rule, tier_index);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += ((PoDiscretionFinding *) g_ptr_array_index (findings, i))->rule == rule;
  g_assert_nonnull (x);
  g_assert_cmpuint (n, ==, 1);
  if (says != NULL)
    g_assert_nonnull (strstr (x->message, says));
}

/* Validation: each rule both ways ---------------------------------------- */

static void
test_validate_clean (void)
{
  g_autoptr(PoBenchmark) b = standard ();
  g_autoptr(PoBenchmark) m = po_benchmark_new ();
  g_autoptr(PoBenchmark) none = po_benchmark_new ();
  g_autoptr(PoBenchmark) fixed = po_benchmark_new ();

  assert_clean (b, 0);
  assert_clean (b, 1000);

  /* 处5000元以下罚款, with a tier without a fine first. */
  po_benchmark_set_violation (m, "违规经营");
  po_benchmark_set_range (m, UNSET, 5000);
  add_tier (m, "不予处罚", "初次违法且危害后果轻微并及时改正的", UNSET, UNSET);
  add_tier (m, "从轻", "主动改正的", 0, 2000);
  add_tier (m, "从重", "拒不改正的", 2000, 5000);
  assert_clean (m, 0);

  /* A provision with only other sanctions, and a fixed fine. */
  po_benchmark_set_violation (none, "未按规定备案");
  po_benchmark_set_other_sanctions (none, "责令改正；警告");
  add_tier (none, "警告", "逾期不改正的", UNSET, UNSET);
  assert_clean (none, 0);
  po_benchmark_set_violation (fixed, "未携带证件");
  po_benchmark_set_range (fixed, 200, 200);
  add_tier (fixed, "一般", "未携带的", 200, 200);
  assert_clean (fixed, 0);
}

static void
test_validate_violation (void)
{
  g_autoptr(PoBenchmark) b = standard ();

  po_benchmark_set_violation (b, "   ");
  assert_finding (b, 0, PO_DISCRETION_RULE_VIOLATION, -1, "violation");
  po_benchmark_set_violation (b, "未按规定公示信息");
  assert_clean (b, 0);
}

static void
test_validate_negative (void)
{
  g_autoptr(PoBenchmark) b = standard ();

  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (b, 0), -100);
  assert_finding (b, 0, PO_DISCRETION_RULE_NEGATIVE, 0, "Tier 1 “从轻”");
  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (b, 0), 500);
  assert_clean (b, 0);

  po_benchmark_set_range_min (b, -1);
  assert_finding (b, 0, PO_DISCRETION_RULE_NEGATIVE, -1, "statutory minimum");
  po_benchmark_set_range_min (b, 500);
  assert_clean (b, 0);
}

static void
test_validate_reversed (void)
{
  g_autoptr(PoBenchmark) b = standard ();

  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (b, 1), 3500);
  assert_finding (b, 0, PO_DISCRETION_RULE_REVERSED, 1, "Tier 2 “一般”");
  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (b, 1), 1000);
  assert_clean (b, 0);

  po_benchmark_set_range (b, 6000, 5000);
  assert_finding (b, 0, PO_DISCRETION_RULE_REVERSED, -1, "swap");
  po_benchmark_set_range (b, 500, 5000);
  assert_clean (b, 0);
}

static void
test_validate_incomplete (void)
{
  g_autoptr(PoBenchmark) b = standard ();

  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 2), UNSET);
  assert_finding (b, 0, PO_DISCRETION_RULE_INCOMPLETE, 2, "minimum but no maximum");
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 2), 5000);
  assert_clean (b, 0);

  po_benchmark_set_range_max (b, UNSET);
  assert_finding (b, 0, PO_DISCRETION_RULE_INCOMPLETE, -1, "no maximum");
  po_benchmark_set_range_max (b, 5000);
  assert_clean (b, 0);
}

static void
test_validate_outside_statute (void)
{
  g_autoptr(PoBenchmark) b = standard ();
  g_autoptr(PoBenchmark) none = po_benchmark_new ();

  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 2), 6000);
  assert_finding (b, 0, PO_DISCRETION_RULE_OUTSIDE_STATUTE, 2, "above the statutory maximum of 5000 yuan");
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 2), 5000);
  assert_clean (b, 0);

  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (b, 0), 499.99);
  assert_finding (b, 0, PO_DISCRETION_RULE_OUTSIDE_STATUTE, 0, "raise its minimum to 500 yuan");
  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (b, 0), 500);
  assert_clean (b, 0);

  /* A fine where the provision sets none. */
  po_benchmark_set_violation (none, "未按规定备案");
  add_tier (none, "警告", "逾期不改正的", 0, 100);
  assert_finding (none, 0, PO_DISCRETION_RULE_OUTSIDE_STATUTE, 0, "sets none");
  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (none, 0), UNSET);
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (none, 0), UNSET);
  assert_clean (none, 0);
}

static void
test_validate_units (void)
{
  g_autoptr(PoBenchmark) b = standard ();

  po_benchmark_tier_set_unit (po_benchmark_get_tier (b, 1), PO_DISCRETION_UNIT_TIMES_GAINS);
  assert_finding (b, 0, PO_DISCRETION_RULE_UNITS, 1, "multiples of the illegal gains");
  po_benchmark_tier_set_unit (po_benchmark_get_tier (b, 1), PO_DISCRETION_UNIT_YUAN);
  assert_clean (b, 0);
  po_benchmark_tier_set_unit (po_benchmark_get_tier (b, 1), PO_DISCRETION_UNIT_INHERIT);
  assert_clean (b, 0);
}

static void
test_validate_tier_name (void)
{
  g_autoptr(PoBenchmark) b = standard ();

  po_benchmark_tier_set_name (po_benchmark_get_tier (b, 1), "");
  assert_finding (b, 0, PO_DISCRETION_RULE_TIER_NAME, 1, "Tier 2 has no name");
  po_benchmark_tier_set_name (po_benchmark_get_tier (b, 1), "从轻 ");
  assert_finding (b, 0, PO_DISCRETION_RULE_TIER_NAME, 1, "Tiers 1 and 2 are both named “从轻”");
  po_benchmark_tier_set_name (po_benchmark_get_tier (b, 1), "一般");
  assert_clean (b, 0);
}

static void
test_validate_order (void)
{
  g_autoptr(PoBenchmark) b = standard ();

  po_benchmark_move_tier (b, 2, 0);
  assert_finding (b, 0, PO_DISCRETION_RULE_ORDER, 1, "Tier 2 “从轻”");
  po_benchmark_move_tier (b, 0, 2);
  assert_clean (b, 0);

  /* A range that goes down at its top end only: 2000–2500 after 1000–3000. */
  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (b, 2), 2000);
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 2), 2500);
  {
    g_autoptr(GPtrArray) findings = validate (b, 0);
    g_assert_nonnull (find_rule (findings, PO_DISCRETION_RULE_ORDER, 2));
    g_assert_null (find_rule (findings, PO_DISCRETION_RULE_OVERLAP, 2));
  }
  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (b, 2), 3000);
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 2), 5000);
  assert_clean (b, 0);

  /* A tier without a fine after tiers with one. */
  add_tier (b, "不予处罚", "初次违法且危害后果轻微的", UNSET, UNSET);
  assert_finding (b, 0, PO_DISCRETION_RULE_ORDER, 3, "first");
  po_benchmark_move_tier (b, 3, 0);
  assert_clean (b, 0);
}

static void
test_validate_overlap (void)
{
  g_autoptr(PoBenchmark) b = standard ();

  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 0), 1200);
  assert_finding (b, 0, PO_DISCRETION_RULE_OVERLAP, 1, "from 1000 yuan to 1200 yuan");
  /* Touching is not overlapping: the shared 1000 belongs to the lower tier. */
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 0), 1000);
  assert_clean (b, 0);
}

static void
test_validate_gap (void)
{
  g_autoptr(PoBenchmark) b = standard ();
  g_autoptr(PoBenchmark) times = po_benchmark_new ();

  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (b, 1), 2000);
  assert_finding (b, 0, PO_DISCRETION_RULE_GAP, 1, "gap of 1000 yuan");
  assert_finding (b, 999.99, PO_DISCRETION_RULE_GAP, 1, "more than the 999.99 yuan allowed");
  assert_clean (b, 1000);
  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (b, 1), 1000);
  assert_clean (b, 0);

  /* The ends of the statutory range. */
  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (b, 0), 800);
  assert_finding (b, 0, PO_DISCRETION_RULE_GAP, 0, "starts at 500 yuan");
  assert_clean (b, 300);
  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (b, 0), 500);
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 2), 4000);
  assert_finding (b, 0, PO_DISCRETION_RULE_GAP, 2, "ends at 5000 yuan");
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 2), 5000);
  assert_clean (b, 0);

  /* A yuan allowance does not stretch a range in multiples. */
  po_benchmark_set_violation (times, "违法经营");
  po_benchmark_set_unit (times, PO_DISCRETION_UNIT_TIMES_GAINS);
  po_benchmark_set_range (times, 1, 5);
  add_tier (times, "从轻", "主动改正的", 1, 2);
  add_tier (times, "从重", "拒不改正的", 2.5, 5);
  assert_finding (times, 1000000, PO_DISCRETION_RULE_GAP, 1, "tiers must touch");
  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (times, 1), 2);
  assert_clean (times, 0);
}

static void
test_validate_circumstances (void)
{
  g_autoptr(PoBenchmark) b = standard ();

  po_benchmark_tier_set_circumstances (po_benchmark_get_tier (b, 2), " \n ");
  assert_finding (b, 0, PO_DISCRETION_RULE_CIRCUMSTANCES, 2, "Tier 3 “从重”");
  po_benchmark_tier_set_circumstances (po_benchmark_get_tier (b, 2), "拒不改正的");
  assert_clean (b, 0);
}

static void
test_validate_tier_count (void)
{
  g_autoptr(PoBenchmark) b = po_benchmark_new ();
  g_autoptr(PoBenchmark) none = po_benchmark_new ();

  po_benchmark_set_violation (b, "未按规定公示信息");
  po_benchmark_set_range (b, 500, 5000);
  add_tier (b, "一般", "违法的", 500, 5000);
  assert_finding (b, 0, PO_DISCRETION_RULE_TIER_COUNT, -1, "only one tier");
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 0), 2000);
  add_tier (b, "从重", "拒不改正的", 2000, 5000);
  assert_clean (b, 0);

  /* No fine in the statute: one tier is enough, none is not. */
  po_benchmark_set_violation (none, "未按规定备案");
  assert_finding (none, 0, PO_DISCRETION_RULE_TIER_COUNT, -1, "no tiers");
  add_tier (none, "警告", "逾期不改正的", UNSET, UNSET);
  assert_clean (none, 0);
}

static void
test_rule_keys (void)
{
  g_assert_cmpstr (po_discretion_rule_key (PO_DISCRETION_RULE_OUTSIDE_STATUTE), ==, "outside-statute");
  g_assert_cmpstr (po_discretion_rule_key (PO_DISCRETION_RULE_TIER_COUNT), ==, "tier-count");
  g_assert_true (po_discretion_rule_blocks_saving (PO_DISCRETION_RULE_NEGATIVE));
  g_assert_true (po_discretion_rule_blocks_saving (PO_DISCRETION_RULE_OUTSIDE_STATUTE));
  g_assert_true (po_discretion_rule_blocks_saving (PO_DISCRETION_RULE_UNITS));
  g_assert_false (po_discretion_rule_blocks_saving (PO_DISCRETION_RULE_GAP));
  g_assert_false (po_discretion_rule_blocks_saving (PO_DISCRETION_RULE_CIRCUMSTANCES));
  g_assert_false (po_discretion_rule_blocks_saving (PO_DISCRETION_RULE_OVERLAP));
}

/* The calculator at tier boundaries -------------------------------------- */

static PoDiscretionFit
fit_of (PoBenchmark *b,
        double       fine,
        double       base,
        const char  *tier_name)
{
  g_autoptr(GError) error = NULL;
  PoDiscretionFit fit;

  g_assert_true (po_discretion_check_fine (b, fine, base, tier_name, &fit, &error));
  g_assert_no_error (error);
  return fit;
}

static void
assert_fit (PoBenchmark         *b,
            double               fine,
            const char          *tier_name,
            PoDiscretionFitKind  kind,
            int                  tier_index)
{
  PoDiscretionFit fit = fit_of (b, fine, UNSET, tier_name);

  g_test_message ("fine %.2f, tier %s", fine, tier_name ? tier_name : "(any)");
  g_assert_cmpint (fit.kind, ==, kind);
  g_assert_cmpint (fit.tier, ==, tier_index);
}

static void
test_check_boundaries (void)
{
  g_autoptr(PoBenchmark) b = standard ();   /* 500–1000, 1000–3000, 3000–5000 */

  assert_fit (b, 499.99, NULL, PO_DISCRETION_FIT_BELOW_STATUTE, -1);
  assert_fit (b, 500, NULL, PO_DISCRETION_FIT_TIER, 0);        /* inclusive minimum */
  assert_fit (b, 999.99, NULL, PO_DISCRETION_FIT_TIER, 0);
  assert_fit (b, 1000, NULL, PO_DISCRETION_FIT_TIER, 0);       /* shared: the lower tier */
  assert_fit (b, 1000.01, NULL, PO_DISCRETION_FIT_TIER, 1);
  assert_fit (b, 3000, NULL, PO_DISCRETION_FIT_TIER, 1);       /* shared: the lower tier */
  assert_fit (b, 3000.01, NULL, PO_DISCRETION_FIT_TIER, 2);
  assert_fit (b, 5000, NULL, PO_DISCRETION_FIT_TIER, 2);       /* inclusive maximum */
  assert_fit (b, 5000.01, NULL, PO_DISCRETION_FIT_ABOVE_STATUTE, -1);
  assert_fit (b, 100000, NULL, PO_DISCRETION_FIT_ABOVE_STATUTE, -1);

  /* A named tier holds both of its ends, the shared one too. */
  assert_fit (b, 1000, "一般", PO_DISCRETION_FIT_TIER, 0);
  assert_fit (b, 1000, "从轻", PO_DISCRETION_FIT_TIER, 0);
  assert_fit (b, 3000, "从重", PO_DISCRETION_FIT_TIER, 1);
  assert_fit (b, 999.99, "一般", PO_DISCRETION_FIT_WRONG_TIER, 0);
  assert_fit (b, 5000.01, "从重", PO_DISCRETION_FIT_ABOVE_STATUTE, -1);
  assert_fit (b, 400, "从轻", PO_DISCRETION_FIT_BELOW_STATUTE, -1);
  g_assert_cmpint (fit_of (b, 2000, UNSET, " 从重 ").named, ==, 2);
}

static void
test_check_gap_and_no_fine (void)
{
  g_autoptr(PoBenchmark) b = standard ();
  g_autoptr(PoBenchmark) m = po_benchmark_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  PoDiscretionFit fit;

  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (b, 1), 2000);   /* gap 1000–2000 */
  assert_fit (b, 1000, NULL, PO_DISCRETION_FIT_TIER, 0);
  assert_fit (b, 1000.01, NULL, PO_DISCRETION_FIT_NO_TIER, -1);
  assert_fit (b, 1999.99, NULL, PO_DISCRETION_FIT_NO_TIER, -1);
  assert_fit (b, 2000, NULL, PO_DISCRETION_FIT_TIER, 1);
  assert_fit (b, 1500, "一般", PO_DISCRETION_FIT_WRONG_TIER, -1);
  fit = fit_of (b, 1500, UNSET, NULL);
  sentence = po_discretion_describe_fit (b, 1500, UNSET, &fit);
  g_assert_nonnull (strstr (sentence, "fits no tier"));

  /* A maximum-only fine with 不予处罚 first: 0 is no fine. */
  po_benchmark_set_violation (m, "违规经营");
  po_benchmark_set_range (m, 0, 5000);
  add_tier (m, "不予处罚", "初次违法且及时改正的", UNSET, UNSET);
  add_tier (m, "从轻", "主动改正的", 0, 1000);
  add_tier (m, "从重", "拒不改正的", 1000, 5000);
  assert_fit (m, 0, NULL, PO_DISCRETION_FIT_TIER, 0);
  assert_fit (m, 0, "从轻", PO_DISCRETION_FIT_TIER, 0);
  assert_fit (m, 0.01, NULL, PO_DISCRETION_FIT_TIER, 1);
  assert_fit (m, 0.01, "不予处罚", PO_DISCRETION_FIT_WRONG_TIER, 1);

  g_assert_false (po_discretion_check_fine (b, -1, UNSET, NULL, &fit, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (po_discretion_check_fine (b, 100, UNSET, "特别严重", &fit, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“从轻”, “一般”, “从重”"));
  g_clear_error (&error);
  g_assert_false (po_discretion_check_fine (b, 100, 1000, NULL, &fit, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
}

static void
test_check_multiples (void)
{
  g_autoptr(PoBenchmark) b = po_benchmark_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  PoDiscretionFit fit;

  /* 处违法所得一倍以上五倍以下罚款; the illegal gains were 1000 yuan. */
  po_benchmark_set_violation (b, "无照经营");
  po_benchmark_set_unit (b, PO_DISCRETION_UNIT_TIMES_GAINS);
  po_benchmark_set_range (b, 1, 5);
  add_tier (b, "从轻", "主动改正的", 1, 2);
  add_tier (b, "一般", "无从轻、从重情形的", 2, 3.5);
  add_tier (b, "从重", "拒不改正的", 3.5, 5);

  g_assert_cmpint (fit_of (b, 999.99, 1000, NULL).kind, ==, PO_DISCRETION_FIT_BELOW_STATUTE);
  g_assert_cmpint (fit_of (b, 1000, 1000, NULL).tier, ==, 0);
  g_assert_cmpint (fit_of (b, 2000, 1000, NULL).tier, ==, 0);
  g_assert_cmpint (fit_of (b, 2000.01, 1000, NULL).tier, ==, 1);
  g_assert_cmpint (fit_of (b, 3500, 1000, NULL).tier, ==, 1);
  g_assert_cmpint (fit_of (b, 5000, 1000, NULL).tier, ==, 2);
  g_assert_cmpint (fit_of (b, 5000.01, 1000, NULL).kind, ==, PO_DISCRETION_FIT_ABOVE_STATUTE);
  /* Products of doubles are compared to the fen: 2 × 333.33 is a hair
   * below 666.66 as a double, 2 × (0.1 + 0.2) a hair above 0.6. */
  g_assert_cmpint (fit_of (b, 666.66, 333.33, NULL).tier, ==, 0);
  g_assert_cmpint (fit_of (b, 666.67, 333.33, NULL).tier, ==, 1);
  g_assert_cmpint (fit_of (b, 0.3, 0.1 + 0.2, NULL).kind, ==, PO_DISCRETION_FIT_TIER);
  g_assert_cmpint (fit_of (b, 0.6, 0.1 + 0.2, NULL).tier, ==, 0);

  fit = fit_of (b, 2500, 1000, "从重");
  g_assert_cmpint (fit.kind, ==, PO_DISCRETION_FIT_WRONG_TIER);
  sentence = po_discretion_describe_fit (b, 2500, 1000, &fit);
  g_assert_nonnull (strstr (sentence, "3500–5000 yuan"));

  g_assert_false (po_discretion_check_fine (b, 2000, UNSET, NULL, &fit, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "illegal gains"));
}

static void
test_calculate (void)
{
  g_autoptr(PoBenchmark) b = standard ();
  g_autoptr(GPtrArray) all = po_discretion_list_circumstances (b);
  g_autoptr(GError) error = NULL;
  g_autofree char *one = NULL;
  g_autofree char *both = NULL;
  g_autofree char *nothing = NULL;
  PoDiscretionOutcome o;

  /* Split at "；" and at line ends. */
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpstr (((PoDiscretionCircumstance *) all->pdata[0])->text, ==, "主动改正的");
  g_assert_cmpstr (((PoDiscretionCircumstance *) all->pdata[1])->text, ==, "初次违法的");
  g_assert_cmpint (((PoDiscretionCircumstance *) all->pdata[4])->tier, ==, 2);
  g_assert_cmpstr (((PoDiscretionCircumstance *) all->pdata[4])->text, ==, "一年内再次违法的");

  {
    const char *chosen[] = { "初次违法的", " 主动改正的 ", NULL };
    g_assert_true (po_discretion_calculate (b, chosen, &o, &error));
    g_assert_no_error (error);
    g_assert_cmpint (o.tier, ==, 0);
    g_assert_cmpfloat (o.fine_min, ==, 500);
    g_assert_cmpfloat (o.fine_max, ==, 1000);
    one = po_discretion_describe_outcome (b, &o);
    g_assert_nonnull (strstr (one, "Tier 1 “从轻” applies: 500–1000 yuan"));
  }
  {
    const char *chosen[] = { "主动改正的", "一年内再次违法的", NULL };
    g_assert_true (po_discretion_calculate (b, chosen, &o, &error));
    g_assert_cmpint (o.tier, ==, -1);
    g_assert_cmpint (o.first, ==, 0);
    g_assert_cmpint (o.last, ==, 2);
    g_assert_cmpfloat (o.fine_min, ==, 500);
    g_assert_cmpfloat (o.fine_max, ==, 5000);
    both = po_discretion_describe_outcome (b, &o);
    g_assert_nonnull (strstr (both, "weigh them"));
  }
  g_assert_true (po_discretion_calculate (b, NULL, &o, &error));
  g_assert_cmpint (o.tier, ==, -1);
  g_assert_cmpint (o.first, ==, -1);
  g_assert_false (po_discretion_is_set (o.fine_min));
  nothing = po_discretion_describe_outcome (b, &o);
  g_assert_nonnull (strstr (nothing, "No circumstance"));
  {
    const char *chosen[] = { "酒后驾驶的", NULL };
    g_assert_false (po_discretion_calculate (b, chosen, &o, &error));
    g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
    g_assert_nonnull (strstr (error->message, "酒后驾驶的"));
  }
}

/* Proposals -------------------------------------------------------------- */

static GPtrArray *
propose (PoBenchmark             *b,
         PoDiscretionProposeRule  rule)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *tiers = po_discretion_propose_tiers (b, rule, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tiers);
  po_benchmark_set_tiers (b, tiers);
  return tiers;
}

static void
assert_bounds (PoBenchmark  *b,
               const double *bounds,
               guint         n_tiers)
{
  g_assert_cmpuint (po_benchmark_get_n_tiers (b), ==, n_tiers);
  for (guint i = 0; i < n_tiers; i++)
    {
      PoBenchmarkTier *t = po_benchmark_get_tier (b, i);
      g_assert_cmpfloat_with_epsilon (po_benchmark_tier_get_fine_min (t), bounds[i], 1e-9);
      g_assert_cmpfloat_with_epsilon (po_benchmark_tier_get_fine_max (t), bounds[i + 1], 1e-9);
    }
}

static PoBenchmark *
statute (double           min,
         double           max,
         PoDiscretionUnit unit)
{
  PoBenchmark *b = po_benchmark_new ();

  po_benchmark_set_violation (b, "违法行为");
  po_benchmark_set_unit (b, unit);
  po_benchmark_set_range (b, min, max);
  return b;
}

static void
test_propose_equal_thirds (void)
{
  g_autoptr(PoBenchmark) b = statute (1000, 3000, PO_DISCRETION_UNIT_YUAN);
  g_autoptr(GPtrArray) tiers = NULL;
  static const double bounds[] = { 1000, 1666.67, 2333.33, 3000 };

  g_assert_cmpint (po_discretion_propose_rule_for (b), ==, PO_DISCRETION_PROPOSE_EQUAL_THIRDS);
  tiers = propose (b, PO_DISCRETION_PROPOSE_AUTO);
  assert_bounds (b, bounds, 3);
  g_assert_cmpstr (po_benchmark_tier_get_name (po_benchmark_get_tier (b, 0)), ==, "从轻");
  g_assert_cmpstr (po_benchmark_tier_get_name (po_benchmark_get_tier (b, 2)), ==, "从重");
  assert_clean (b, 0);
}

static void
test_propose_maximum_shares (void)
{
  g_autoptr(PoBenchmark) b = statute (UNSET, 5000, PO_DISCRETION_UNIT_YUAN);
  g_autoptr(PoBenchmark) zero = statute (0, 3333, PO_DISCRETION_UNIT_YUAN);
  g_autoptr(PoBenchmark) ranged = statute (1000, 3000, PO_DISCRETION_UNIT_YUAN);
  g_autoptr(GPtrArray) t1 = NULL;
  g_autoptr(GPtrArray) t2 = NULL;
  g_autoptr(GError) error = NULL;
  static const double bounds[] = { 0, 1000, 2000, 3000, 5000 };
  static const double odd[] = { 0, 666.6, 1333.2, 1999.8, 3333 };

  g_assert_cmpint (po_discretion_propose_rule_for (b), ==, PO_DISCRETION_PROPOSE_MAXIMUM_SHARES);
  t1 = propose (b, PO_DISCRETION_PROPOSE_AUTO);
  assert_bounds (b, bounds, 4);
  g_assert_cmpstr (po_benchmark_tier_get_name (po_benchmark_get_tier (b, 0)), ==, "从轻");
  g_assert_cmpstr (po_benchmark_tier_get_name (po_benchmark_get_tier (b, 2)), ==, "一般");
  assert_clean (b, 0);

  /* min 0 reads as maximum-only too. */
  g_assert_cmpint (po_discretion_propose_rule_for (zero), ==, PO_DISCRETION_PROPOSE_MAXIMUM_SHARES);
  t2 = propose (zero, PO_DISCRETION_PROPOSE_MAXIMUM_SHARES);
  assert_bounds (zero, odd, 4);
  assert_clean (zero, 0);

  g_assert_null (po_discretion_propose_tiers (ranged, PO_DISCRETION_PROPOSE_MAXIMUM_SHARES, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "1000 yuan"));
}

static void
test_propose_multiples (void)
{
  static const struct { double min, max; PoDiscretionUnit unit; double b1, b2; } cases[] = {
    { 1000, 4000, PO_DISCRETION_UNIT_YUAN, 1500, 2500 },
    { 1, 5, PO_DISCRETION_UNIT_TIMES_GAINS, 1.5, 3 },
    { 10, 10000, PO_DISCRETION_UNIT_YUAN, 100, 1000 },
    { 2000, 20000, PO_DISCRETION_UNIT_YUAN, 4000, 9000 },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PoBenchmark) b = statute (cases[i].min, cases[i].max, cases[i].unit);
      g_autoptr(GPtrArray) tiers = NULL;
      double bounds[] = { cases[i].min, cases[i].b1, cases[i].b2, cases[i].max };

      g_assert_cmpint (po_discretion_propose_rule_for (b), ==, PO_DISCRETION_PROPOSE_MULTIPLES);
      tiers = propose (b, PO_DISCRETION_PROPOSE_AUTO);
      assert_bounds (b, bounds, 3);
      assert_clean (b, 0);
    }

  {
    g_autoptr(PoBenchmark) b = statute (1000, 3999.99, PO_DISCRETION_UNIT_YUAN);
    g_assert_cmpint (po_discretion_propose_rule_for (b), ==, PO_DISCRETION_PROPOSE_EQUAL_THIRDS);
    g_assert_null (po_discretion_propose_tiers (b, PO_DISCRETION_PROPOSE_MULTIPLES, &error));
    g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
    g_clear_error (&error);
  }
  {
    g_autoptr(PoBenchmark) b = statute (UNSET, UNSET, PO_DISCRETION_UNIT_YUAN);
    g_assert_null (po_discretion_propose_tiers (b, PO_DISCRETION_PROPOSE_AUTO, &error));
    g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  }
}

/* Every rule on many ranges: what is proposed validates clean. */
static void
test_propose_always_clean (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);

  for (guint i = 0; i < 600; i++)
    {
      double min = g_rand_int_range (rand, 0, 3) == 0 ? UNSET : g_rand_int_range (rand, 1, 500000) / 100.0;
      double max = (po_discretion_is_set (min) ? min : 0) + g_rand_int_range (rand, 1, 2000000) / 100.0;
      g_autoptr(PoBenchmark) b = statute (min, max, i % 2 ? PO_DISCRETION_UNIT_YUAN : PO_DISCRETION_UNIT_TIMES_VALUE);

      for (PoDiscretionProposeRule rule = PO_DISCRETION_PROPOSE_AUTO; rule <= PO_DISCRETION_PROPOSE_MULTIPLES; rule++)
        {
          g_autoptr(GPtrArray) tiers = po_discretion_propose_tiers (b, rule, NULL);

          if (tiers == NULL)
            {
              /* Only a rule that does not fit the range may refuse. */
              g_assert_true (rule == PO_DISCRETION_PROPOSE_MAXIMUM_SHARES || rule == PO_DISCRETION_PROPOSE_MULTIPLES);
              continue;
            }
          po_benchmark_set_tiers (b, tiers);
          g_test_message ("range %.2f–%.2f, rule %d", min, max, rule);
          assert_clean (b, 0);
        }
    }
}

/* The bar ---------------------------------------------------------------- */

static void
test_bar_segments (void)
{
  g_autoptr(PoBenchmark) b = po_benchmark_new ();
  g_autoptr(GArray) segments = NULL;
  double lo = 0, hi = 0;
  PoDiscretionSegment *s;

  po_benchmark_set_range (b, 500, 5000);
  add_tier (b, "从轻", "x", 200, 1000);      /* below the statute */
  add_tier (b, "一般", "x", 1500, 3000);     /* a gap before it */
  add_tier (b, "从重", "x", 2500, 5000);     /* overlaps 一般 */
  segments = po_discretion_bar_segments (b, &lo, &hi);

  g_assert_cmpfloat (lo, ==, 200);
  g_assert_cmpfloat (hi, ==, 5000);
  g_assert_cmpuint (segments->len, ==, 6);

  s = &g_array_index (segments, PoDiscretionSegment, 0);
  g_assert_cmpint (s->kind, ==, PO_DISCRETION_SEGMENT_OUTSIDE);
  g_assert_cmpfloat (s->from, ==, 200);
  g_assert_cmpfloat (s->to, ==, 500);
  g_assert_cmpfloat (s->start, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (s->end, 300.0 / 4800.0, 1e-12);

  for (guint i = 1; i <= 3; i++)
    {
      s = &g_array_index (segments, PoDiscretionSegment, i);
      g_assert_cmpint (s->kind, ==, PO_DISCRETION_SEGMENT_TIER);
      g_assert_cmpint (s->tier, ==, (int) i - 1);
    }
  s = &g_array_index (segments, PoDiscretionSegment, 3);
  g_assert_cmpfloat (s->end, ==, 1.0);

  s = &g_array_index (segments, PoDiscretionSegment, 4);
  g_assert_cmpint (s->kind, ==, PO_DISCRETION_SEGMENT_GAP);
  g_assert_cmpfloat (s->from, ==, 1000);
  g_assert_cmpfloat (s->to, ==, 1500);

  s = &g_array_index (segments, PoDiscretionSegment, 5);
  g_assert_cmpint (s->kind, ==, PO_DISCRETION_SEGMENT_OVERLAP);
  g_assert_cmpint (s->tier, ==, 2);
  g_assert_cmpint (s->other, ==, 1);
  g_assert_cmpfloat (s->from, ==, 2500);
  g_assert_cmpfloat (s->to, ==, 3000);
}

static void
test_bar_touching (void)
{
  g_autoptr(PoBenchmark) b = standard ();
  g_autoptr(GArray) segments = po_discretion_bar_segments (b, NULL, NULL);

  /* Three tiers, nothing else: touching tiers neither overlap nor leave gaps. */
  g_assert_cmpuint (segments->len, ==, 3);
  for (guint i = 0; i < segments->len; i++)
    g_assert_cmpint (g_array_index (segments, PoDiscretionSegment, i).kind, ==, PO_DISCRETION_SEGMENT_TIER);
  g_assert_cmpfloat (g_array_index (segments, PoDiscretionSegment, 1).start, ==, 500.0 / 4500.0);
}

/* The model -------------------------------------------------------------- */

typedef struct
{
  guint changed;
  guint position, removed, added;
} Counter;

static void
on_changed_cb (PoBenchmark *b,
               Counter     *c)
{
  c->changed++;
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Counter    *c)
{
  c->position = position;
  c->removed = removed;
  c->added = added;
}

static void
test_model_signals (void)
{
  g_autoptr(PoBenchmark) b = standard ();
  g_autoptr(PoBenchmark) copy = NULL;
  g_autoptr(PoBenchmarkTier) kept = NULL;
  g_autoptr(PoBenchmarkTier) first = NULL;
  Counter c = { 0 };

  g_signal_connect (b, "changed", G_CALLBACK (on_changed_cb), &c);
  g_signal_connect (b, "items-changed", G_CALLBACK (on_items_changed_cb), &c);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (b)) == PO_TYPE_BENCHMARK_TIER);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (b), 0);
  g_assert_true (first == po_benchmark_get_tier (b, 0));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (b), 3));

  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 1), 3100);
  g_assert_cmpuint (c.changed, ==, 1);
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 1), 3100);   /* no change */
  g_assert_cmpuint (c.changed, ==, 1);
  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (b, 1), PO_DISCRETION_UNSET);
  {
    double v = 0;
    g_object_get (po_benchmark_get_tier (b, 1), "fine-min", &v, NULL);
    g_assert_false (po_discretion_is_set (v));
  }
  g_assert_cmpuint (c.changed, ==, 2);
  po_benchmark_set_range_max (b, 6000);
  g_assert_cmpuint (c.changed, ==, 3);
  po_benchmark_set_factor (b, PO_DISCRETION_FACTOR_REGIONAL, "本地经济水平较高");
  g_assert_cmpuint (c.changed, ==, 4);
  g_object_set (b, "unit", PO_DISCRETION_UNIT_TIMES_VALUE, NULL);
  g_assert_cmpint (po_benchmark_get_unit (b), ==, PO_DISCRETION_UNIT_TIMES_VALUE);
  g_assert_cmpuint (c.changed, ==, 5);

  po_benchmark_move_tier (b, 2, 0);
  g_assert_cmpuint (c.changed, ==, 6);
  g_assert_cmpuint (c.position, ==, 0);
  g_assert_cmpuint (c.removed, ==, 3);
  g_assert_cmpuint (c.added, ==, 3);
  g_assert_cmpstr (po_benchmark_tier_get_name (po_benchmark_get_tier (b, 0)), ==, "从重");

  kept = g_object_ref (po_benchmark_get_tier (b, 0));
  po_benchmark_remove_tier (b, 0);
  g_assert_cmpuint (c.changed, ==, 7);
  g_assert_cmpuint (c.removed, ==, 1);
  po_benchmark_tier_set_name (kept, "删掉的");     /* no longer ours */
  g_assert_cmpuint (c.changed, ==, 7);
  po_benchmark_insert_tier (b, 1, kept);
  g_assert_cmpuint (c.changed, ==, 8);
  g_assert_cmpuint (c.position, ==, 1);
  g_assert_cmpuint (c.added, ==, 1);
  g_assert_cmpint (po_benchmark_find_tier (b, "删掉的"), ==, 1);

  /* All at once, reordered: the same tiers, one items-changed. */
  {
    g_autoptr(GPtrArray) reversed = g_ptr_array_new ();

    for (guint i = po_benchmark_get_n_tiers (b); i-- > 0;)
      g_ptr_array_add (reversed, po_benchmark_get_tier (b, i));
    po_benchmark_set_tiers (b, reversed);
    g_assert_cmpuint (c.changed, ==, 9);
    g_assert_cmpuint (c.removed, ==, 3);
    g_assert_cmpuint (c.added, ==, 3);
    g_assert_cmpint (po_benchmark_find_tier (b, "删掉的"), ==, 1);
    g_assert_cmpstr (po_benchmark_tier_get_name (po_benchmark_get_tier (b, 0)), ==, "一般");
    po_benchmark_tier_set_name (po_benchmark_get_tier (b, 0), "一般（改）");   /* still connected */
    g_assert_cmpuint (c.changed, ==, 10);
  }

  /* A copy is deep. */
  copy = po_benchmark_copy (b);
  po_benchmark_tier_set_name (po_benchmark_get_tier (copy, 1), "副本");
  g_assert_cmpstr (po_benchmark_tier_get_name (kept), ==, "删掉的");
  g_assert_cmpuint (c.changed, ==, 10);
  g_assert_cmpfloat (po_benchmark_get_range_max (copy), ==, 6000);
}

static void
test_amounts (void)
{
  static const struct { const char *text; double value; } good[] = {
    { "1500", 1500 }, { "1500.5", 1500.5 }, { "1500.50", 1500.5 }, { " 7 ", 7 }, { "0", 0 }, { "0.01", 0.01 },
  };
  static const char *const bad[] = { "-5", "1e3", "abc", "", "1.234", "1.", "1,000", "1000000000001", "12k" };
  static const struct { double value; const char *text; } formats[] = {
    { 1500, "1500" }, { 2.5, "2.5" }, { 666.666, "666.67" }, { 0.1 + 0.2, "0.3" }, { 1e12, "1000000000000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      double v = -1;

      g_assert_true (po_discretion_parse_amount (good[i].text, "FINE", &v, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (v, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double v = -1;

      g_assert_false (po_discretion_parse_amount (bad[i], "FINE", &v, &error));
      g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "FINE"));
      g_assert_cmpfloat (v, ==, -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *text = po_discretion_format_amount (formats[i].value);
      g_assert_cmpstr (text, ==, formats[i].text);
    }
}

/* Storage and files ------------------------------------------------------ */

/* Exactly what export writes, so a round trip can compare text. */
static const char canonical[] =
  "{\n"
  "  \"format\": \"power-oversight-discretion\",\n"
  "  \"version\": 1,\n"
  "  \"item\": \"D-1\",\n"
  "  \"benchmarks\": [\n"
  "    {\n"
  "      \"violation\": \"未按规定公示信息\",\n"
  "      \"defining_provision\": \"《条例》第十条\",\n"
  "      \"penalty_provision\": \"《条例》第五十条\",\n"
  "      \"unit\": \"yuan\",\n"
  "      \"min\": 500,\n"
  "      \"max\": 5000,\n"
  "      \"other_sanctions\": \"责令改正\",\n"
  "      \"factors\": {\n"
  "        \"purpose\": \"保障公众知情权\",\n"
  "        \"regional\": \"本市经济水平较高\",\n"
  "        \"facts\": \"按公示缺漏程度区分\",\n"
  "        \"other\": \"引号\\\"与\\n换行\"\n"
  "      },\n"
  "      \"tiers\": [\n"
  "        {\n"
  "          \"name\": \"不予处罚\",\n"
  "          \"circumstances\": \"初次违法且及时改正的\",\n"
  "          \"min\": null,\n"
  "          \"max\": null,\n"
  "          \"other_sanctions\": \"警告\"\n"
  "        },\n"
  "        {\n"
  "          \"name\": \"从轻\",\n"
  "          \"circumstances\": \"主动改正的\",\n"
  "          \"min\": 500,\n"
  "          \"max\": 1000.5,\n"
  "          \"other_sanctions\": \"\"\n"
  "        },\n"
  "        {\n"
  "          \"name\": \"从重\",\n"
  "          \"circumstances\": \"拒不改正的\",\n"
  "          \"min\": 1000.5,\n"
  "          \"max\": 5000,\n"
  "          \"other_sanctions\": \"\"\n"
  "        }\n"
  "      ]\n"
  "    },\n"
  "    {\n"
  "      \"violation\": \"无照经营\",\n"
  "      \"defining_provision\": \"\",\n"
  "      \"penalty_provision\": \"\",\n"
  "      \"unit\": \"times-gains\",\n"
  "      \"min\": null,\n"
  "      \"max\": 5,\n"
  "      \"other_sanctions\": \"没收违法所得\",\n"
  "      \"factors\": {\n"
  "        \"purpose\": \"\",\n"
  "        \"regional\": \"\",\n"
  "        \"facts\": \"\",\n"
  "        \"other\": \"\"\n"
  "      },\n"
  "      \"tiers\": []\n"
  "    }\n"
  "  ]\n"
  "}\n";

static void
import_text (Fixture    *f,
             const char *item,
             const char *text,
             GError    **error)
{
  po_discretion_import_json (f->db, item, text, -1, "test.json", error);
}

static void
test_json_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GString) expected2 = NULL;

  import_text (f, "D-1", canonical, &error);
  g_assert_no_error (error);
  out = po_discretion_export_json (f->db, "D-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, canonical);

  /* The exported file seeds another item: "item" is ignored on import. */
  import_text (f, "D-2", out, &error);
  g_assert_no_error (error);
  out2 = po_discretion_export_json (f->db, "D-2", &error);
  g_assert_no_error (error);
  expected2 = g_string_new (canonical);
  g_string_replace (expected2, "\"item\": \"D-1\"", "\"item\": \"D-2\"", 1);
  g_assert_cmpstr (out2, ==, expected2->str);

  /* In memory, without the database. */
  parsed = po_discretion_parse_json (f->db, canonical, -1, "test.json", &error);
  g_assert_no_error (error);
  again = po_discretion_to_json ("D-1", parsed);
  g_assert_cmpstr (again, ==, canonical);

  loaded = po_discretion_load (f->db, "D-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 2);
  g_assert_true (po_benchmark_is_maximum_only (g_ptr_array_index (loaded, 1)));
  g_assert_false (po_discretion_is_set (po_benchmark_get_range_min (g_ptr_array_index (loaded, 1))));
  g_assert_cmpint (po_benchmark_get_unit (g_ptr_array_index (loaded, 1)), ==, PO_DISCRETION_UNIT_TIMES_GAINS);
  g_assert_cmpstr (po_benchmark_get_factor (g_ptr_array_index (loaded, 0), PO_DISCRETION_FACTOR_OTHER), ==,
                   "引号\"与\n换行");
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM discretion_tiers"), ==, 6);
}

static void
test_import_bad (Fixture       *f,
                 gconstpointer  data)
{
  static const struct { const char *text; const char *says; } cases[] = {
    { "{ not json", "test.json: not valid JSON" },
    { "[1, 2]", "not a JSON object" },
    { "{ \"format\": \"power-oversight-calendar\", \"benchmarks\": [] }", "“format” must be" },
    { "{ \"format\": \"power-oversight-discretion\", \"version\": 2, \"benchmarks\": [] }", "“version” 2" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [] }", "“benchmarks” is empty" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": {} }", "“benchmarks” must be a list" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmark\": [] }", "unknown field “benchmark”" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"min\": 1, \"max\": 2 } ] }",
      "benchmarks[0]: “violation” is missing" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"\" } ] }",
      "benchmarks[0]: The benchmark does not say which violation" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"min\": 500, "
      "\"max\": 5000, \"tiers\": [ { \"name\": \"从轻\", \"min\": \"abc\", \"max\": 1000 } ] } ] }",
      "benchmarks[0].tiers[0].min: must be a number or null, not “abc”" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"min\": 500, "
      "\"max\": \"5000\" } ] }",
      "benchmarks[0].max: must be a number or null, not “5000”" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"min\": 500, "
      "\"max\": 5000, \"tiers\": [ { \"name\": \"从轻\", \"min\": -500, \"max\": 1000 } ] } ] }",
      "benchmarks[0].tiers[0]: Tier 1 “从轻”: its minimum, -500 yuan, is negative" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"min\": 5000, "
      "\"max\": 500 } ] }",
      "benchmarks[0]: The statutory minimum, 5000 yuan, is above the statutory maximum" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"min\": 500, "
      "\"max\": 5000, \"tiers\": [ { \"name\": \"从轻\", \"min\": 1000, \"max\": 500 } ] } ] }",
      "benchmarks[0].tiers[0]: Tier 1 “从轻”: its minimum, 1000 yuan, is above its maximum" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"min\": 500, "
      "\"max\": 5000, \"tiers\": [ { \"name\": \"从轻\", \"min\": 500, \"max\": 1000 }, "
      "{ \"name\": \"从重\", \"min\": 1000, \"max\": 8000 } ] } ] }",
      "benchmarks[0].tiers[1]: Tier 2 “从重” (1000–8000 yuan) reaches above the statutory maximum of 5000 yuan" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"min\": 500, "
      "\"max\": 5000, \"tiers\": [ { \"name\": \"从轻\", \"min\": 500, \"max\": 1000, \"unit\": \"times-value\" } ] } ] }",
      "benchmarks[0].tiers[0]: Tier 1 “从轻” is stated in multiples of the value involved" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"unit\": \"元\" } ] }",
      "benchmarks[0].unit: must be “yuan”" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"min\": 500, "
      "\"max\": 5000.125 } ] }",
      "benchmarks[0].max: 5000.125 has more than two decimals" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"min\": 500, "
      "\"max\": 5000, \"tiers\": [ { \"name\": \"从轻\", \"cirumstances\": \"x\" } ] } ] }",
      "benchmarks[0].tiers[0]: unknown field “cirumstances”" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", "
      "\"tiers\": [ { \"circumstances\": \"x\" } ] } ] }",
      "benchmarks[0].tiers[0]: “name” is missing" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"min\": 500, "
      "\"max\": 5000, \"tiers\": [ { \"name\": \"从轻\", \"min\": 500, \"max\": 1000 }, "
      "{ \"name\": \"从轻\", \"min\": 1000, \"max\": 5000 } ] } ] }",
      "benchmarks[0].tiers[1]: Tiers 1 and 2 are both named" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"min\": 500, "
      "\"max\": 5000, \"tiers\": [ { \"name\": \"从轻\", \"min\": 500 } ] } ] }",
      "benchmarks[0].tiers[0]: Tier 1 “从轻” has a minimum but no maximum" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"tiers\": 3 } ] }",
      "benchmarks[0].tiers: must be a list" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"violation\": \"w\" } ] }",
      "benchmarks[0]: the field “violation” appears twice" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", "
      "\"factors\": { \"purpose\": 3 } } ] }",
      "benchmarks[0].factors.purpose: must be text in quotes, not 3" },
    { "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"max\": 1e13 } ] }",
      "benchmarks[0].max" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 audit_before, tiers_before;

  /* Something stored already, which a failed import must leave alone. */
  import_text (f, "D-1", canonical, &error);
  g_assert_no_error (error);
  before = po_discretion_export_json (f->db, "D-1", NULL);
  audit_before = count (f->db, "SELECT count(*) FROM audit_log");
  tiers_before = count (f->db, "SELECT count(*) FROM discretion_tiers");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) local_error = NULL;

      g_test_message ("case %u: %s", i, cases[i].text);
      import_text (f, "D-1", cases[i].text, &local_error);
      g_assert_error (local_error, PO_ERROR, PO_ERROR_INVALID_INPUT);
      g_test_message ("says: %s", local_error->message);
      g_assert_true (g_str_has_prefix (local_error->message, "test.json"));
      g_assert_nonnull (strstr (local_error->message, cases[i].says));
    }

  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit_log"), ==, audit_before);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM discretion_tiers"), ==, tiers_before);
  {
    g_autofree char *after = po_discretion_export_json (f->db, "D-1", NULL);
    g_assert_cmpstr (after, ==, before);
  }
  /* Nothing is left open either. */
  g_assert_true (sqlite3_get_autocommit (po_database_get_handle (f->db)));
}

static void
test_import_items (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 audit_before = count (f->db, "SELECT count(*) FROM audit_log");

  import_text (f, "NO-SUCH", canonical, &error);
  g_assert_error (error, PO_ERROR, PO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NO-SUCH"));
  g_clear_error (&error);

  /* An approved or published item: only through legality review. */
  import_text (f, "P-1", canonical, &error);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "“P-1”"));
  g_assert_nonnull (strstr (error->message, "legality review"));
  g_clear_error (&error);

  import_text (f, "Y-9", canonical, &error);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "abolished"));
  g_clear_error (&error);

  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit_log"), ==, audit_before);
  g_assert_null (po_discretion_export_json (f->db, "P-1", &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_NOT_FOUND);
}

static void
test_review_applies (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autofree char *proposal = NULL;

  g_ptr_array_add (benchmarks, standard ());
  g_assert_false (po_discretion_save (f->db, "P-1", benchmarks, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* The review module applies an approved proposal inside its own
   * transaction: a rollback there undoes the benchmark too. */
  proposal = po_discretion_to_json ("P-1", benchmarks);
  g_assert_true (po_database_begin (f->db, NULL));
  g_assert_true (po_discretion_apply_proposal (f->db, "P-1", proposal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM discretion_benchmarks"), ==, 1);
  po_database_rollback (f->db);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM discretion_benchmarks"), ==, 0);

  g_assert_true (po_database_begin (f->db, NULL));
  g_assert_true (po_discretion_apply_proposal (f->db, "P-1", proposal, &error));
  g_assert_true (po_database_commit (f->db, NULL));
  loaded = po_discretion_load (f->db, "P-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpuint (po_benchmark_get_n_tiers (g_ptr_array_index (loaded, 0)), ==, 3);

  /* A bad proposal fails inside the caller's transaction and leaves it usable. */
  g_assert_true (po_database_begin (f->db, NULL));
  g_assert_false (po_discretion_apply_proposal (f->db, "P-1", "{ \"format\": 1 }", &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_assert_false (sqlite3_get_autocommit (po_database_get_handle (f->db)));
  g_assert_true (po_database_commit (f->db, NULL));

  /* save_unchecked is the same without the draft check. */
  g_clear_error (&error);
  po_benchmark_set_violation (g_ptr_array_index (benchmarks, 0), "改过的违法行为");
  g_assert_true (po_discretion_save_unchecked (f->db, "P-1", benchmarks, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM discretion_benchmarks WHERE violation = '改过的违法行为'"), ==, 1);
}

static void
test_save_writes_only_changes (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) loaded = NULL;
  gint64 audit, first_id, second_id;
  PoBenchmark *b;

  g_ptr_array_add (benchmarks, standard ());
  g_ptr_array_add (benchmarks, standard ());
  po_benchmark_set_violation (g_ptr_array_index (benchmarks, 1), "第二种违法行为");
  g_assert_true (po_discretion_save (f->db, "D-1", benchmarks, &error));
  g_assert_no_error (error);
  {
    Counter c = { 0 };
    g_autoptr(PoBenchmark) fresh = standard ();
    g_autoptr(GPtrArray) one = g_ptr_array_new ();

    g_ptr_array_add (one, fresh);
    g_signal_connect (fresh, "changed", G_CALLBACK (on_changed_cb), &c);
    g_assert_true (po_discretion_save (f->db, "D-2", one, &error));
    g_assert_cmpint (po_benchmark_get_id (fresh), >, 0);
    g_assert_cmpuint (c.changed, ==, 0);
  }
  first_id = po_benchmark_get_id (g_ptr_array_index (benchmarks, 0));
  second_id = po_benchmark_get_id (g_ptr_array_index (benchmarks, 1));
  g_assert_cmpint (first_id, >, 0);
  g_assert_cmpint (second_id, >, first_id);
  audit = count (f->db, "SELECT count(*) FROM audit_log");
  g_assert_cmpint (audit, >=, 8);   /* 2 benchmarks + 6 tiers */

  /* The same again: nothing to write, nothing in the log. */
  g_assert_true (po_discretion_save (f->db, "D-1", benchmarks, &error));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit_log"), ==, audit);

  /* One tier changed: one UPDATE. */
  loaded = po_discretion_load (f->db, "D-1", &error);
  g_assert_no_error (error);
  b = g_ptr_array_index (loaded, 1);
  g_assert_cmpint (po_benchmark_get_id (b), ==, second_id);
  po_benchmark_tier_set_circumstances (po_benchmark_get_tier (b, 1), "情节一般的");
  g_assert_true (po_discretion_save (f->db, "D-1", loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit_log"), ==, audit + 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log) "
                                 "AND tbl = 'discretion_tiers' AND op = 'UPDATE'"), ==, 1);

  /* Dropping the first benchmark keeps the second's row (matched by id). */
  g_ptr_array_remove_index (loaded, 0);
  g_assert_true (po_discretion_save (f->db, "D-1", loaded, &error));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM discretion_benchmarks WHERE item_id = 1"), ==, 1);
  g_assert_cmpint (po_database_query_int (f->db, "SELECT id FROM discretion_benchmarks WHERE item_id = 1", NULL), ==, second_id);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM discretion_tiers JOIN discretion_benchmarks b ON b.id = benchmark_id WHERE b.item_id = 1"), ==, 3);

  /* A tier removed: its row goes, the others stay. */
  po_benchmark_remove_tier (b, 2);
  g_assert_true (po_discretion_save (f->db, "D-1", loaded, &error));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM discretion_tiers JOIN discretion_benchmarks b ON b.id = benchmark_id WHERE b.item_id = 1"), ==, 2);

  /* Unfinished drafts are stored; broken data is not. */
  po_benchmark_tier_set_circumstances (po_benchmark_get_tier (b, 0), "");
  g_assert_true (po_discretion_save (f->db, "D-1", loaded, &error));
  g_assert_no_error (error);
  audit = count (f->db, "SELECT count(*) FROM audit_log");
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 1), 9000);
  g_assert_false (po_discretion_save (f->db, "D-1", loaded, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Tier 2 “一般”"));
  g_clear_error (&error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit_log"), ==, audit);

  {
    gint64 n = 0;
    g_assert_true (po_audit_verify (f->db, &n, NULL, &error));
    g_assert_no_error (error);
  }
}

static void
save_one (Fixture    *f,
          const char *item,
          PoBenchmark *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  g_ptr_array_add (list, b);
  g_assert_true (po_discretion_save_unchecked (f->db, item, list, &error));
  g_assert_no_error (error);
}

static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoDiscretionComparison) c = NULL;
  g_autoptr(PoBenchmark) city = standard ();
  g_autoptr(PoBenchmark) xihu = standard ();
  g_autoptr(PoBenchmark) yuhang = standard ();
  g_autoptr(PoBenchmark) gone = standard ();
  g_autoptr(PoBenchmark) other = standard ();
  PoDiscretionComparisonRow *row;

  /* 西湖区 starts with 不予处罚; 余杭区 splits 一般 with 较轻. */
  {
    g_autoptr(PoBenchmarkTier) t = tier ("不予处罚", "初次违法的", UNSET, UNSET);
    po_benchmark_insert_tier (xihu, 0, t);
  }
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (yuhang, 0), 800);
  {
    g_autoptr(PoBenchmarkTier) t = tier ("较轻", "情节较轻的", 800, 1000);
    po_benchmark_insert_tier (yuhang, 1, t);
  }
  po_benchmark_set_violation (other, "另一种违法行为");
  po_benchmark_set_violation (yuhang, "未按规定公示信息\n");
  save_one (f, "D-1", city);
  save_one (f, "X-1", xihu);
  save_one (f, "Y-1", yuhang);
  save_one (f, "Y-9", gone);    /* abolished: left out */
  save_one (f, "D-2", other);   /* another violation: left out */

  c = po_discretion_compare (f->db, " 未按规定公示信息 ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->violation, ==, "未按规定公示信息");
  g_assert_cmpuint (c->rows->len, ==, 3);

  /* Columns: every name, least severe first. */
  g_assert_cmpuint (c->tier_names->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (c->tier_names, 0), ==, "不予处罚");
  g_assert_cmpstr (g_ptr_array_index (c->tier_names, 1), ==, "从轻");
  g_assert_cmpstr (g_ptr_array_index (c->tier_names, 2), ==, "较轻");
  g_assert_cmpstr (g_ptr_array_index (c->tier_names, 3), ==, "一般");
  g_assert_cmpstr (g_ptr_array_index (c->tier_names, 4), ==, "从重");

  /* Rows by region (余杭区, 市本级, 西湖区 in code point order). */
  row = g_ptr_array_index (c->rows, 0);
  g_assert_cmpstr (row->region, ==, "余杭区");
  g_assert_cmpstr (row->department, ==, "余杭区市场监管局");
  g_assert_cmpstr (row->level, ==, "county");
  g_assert_cmpstr (row->item_code, ==, "Y-1");
  g_assert_cmpfloat (row->tier_min[1], ==, 500);
  g_assert_cmpfloat (row->tier_max[1], ==, 800);
  g_assert_cmpfloat (row->tier_min[2], ==, 800);
  g_assert_false (po_discretion_is_set (row->tier_min[0]));

  row = g_ptr_array_index (c->rows, 1);
  g_assert_cmpstr (row->region, ==, "市本级");
  g_assert_cmpfloat (row->range_min, ==, 500);
  g_assert_cmpfloat (row->range_max, ==, 5000);
  g_assert_cmpfloat (row->tier_max[1], ==, 1000);
  g_assert_false (po_discretion_is_set (row->tier_min[2]));
  g_assert_cmpfloat (row->tier_min[4], ==, 3000);

  row = g_ptr_array_index (c->rows, 2);
  g_assert_cmpstr (row->region, ==, "西湖区");
  g_assert_cmpstr (row->item_code, ==, "X-1");
  g_assert_false (po_discretion_is_set (row->tier_min[0]));   /* 不予处罚: a tier without a fine */
  g_assert_cmpfloat (row->tier_max[3], ==, 3000);

  g_clear_pointer (&c, po_discretion_comparison_free);
  c = po_discretion_compare (f->db, "没有这种违法行为", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->rows->len, ==, 0);
  g_assert_cmpuint (c->tier_names->len, ==, 0);
}

/* The command line ------------------------------------------------------- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* The CLI on the fixture's database (closed meanwhile); NULL-terminated. */
static Run
cli (Fixture    *f,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Run r = { 0 };
  int wait_status = 0;
  const char *arg;
  va_list ap;

  g_clear_object (&f->db);
  g_ptr_array_add (argv, (char *) g_getenv ("PO_CLI"));
  g_assert_nonnull (argv->pdata[0]);
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, f->path);
  g_ptr_array_add (argv, (char *) first);
  va_start (ap, first);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  r.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", r.status, r.out, r.err);
  f->db = po_test_open (f->dir, "office.db");
  return r;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
assert_failed (Run        *r,
               int         status,
               const char *says)
{
  g_assert_cmpint (r->status, ==, status);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_cmpuint (count_lines (r->err), ==, 1);
  g_assert_true (g_str_has_prefix (r->err, "power-oversight-cli: "));
  if (says)
    g_assert_nonnull (strstr (r->err, says));
}

static void
test_cli_round (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "in.json", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *exported = NULL;
  g_autoptr(GString) draft = g_string_new (canonical);

  /* The canonical file with a gap (1000.5 → 1200) and no circumstances
   * in 从重: importable, but not yet valid. */
  g_string_replace (draft, "\"min\": 1000.5,", "\"min\": 1200,", 1);
  g_string_replace (draft, "\"circumstances\": \"拒不改正的\"", "\"circumstances\": \"\"", 1);
  g_assert_true (g_file_set_contents (file, draft->str, -1, NULL));

  {
    g_auto(Run) r = cli (f, "discretion", "import", "D-1", file, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "imported 2 benchmarks, 3 tiers\n");
    g_assert_nonnull (strstr (r.err, "discretion validate D-1"));
  }
  {
    g_auto(Run) r = cli (f, "discretion", "validate", "D-1", NULL);
    g_auto(GStrv) lines = g_strsplit (r.out, "\n", -1);

    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.err, ==, "");
    g_assert_cmpuint (count_lines (r.out), ==, 3);
    g_assert_true (g_str_has_prefix (lines[0], "circumstances: Benchmark 1 (“未按规定公示信息”): Tier 3 “从重”"));
    g_assert_true (g_str_has_prefix (lines[1], "gap: Benchmark 1 (“未按规定公示信息”): Tier 3 “从重”"));
    g_assert_nonnull (strstr (lines[1], "gap of 199.5 yuan"));
    g_assert_true (g_str_has_prefix (lines[2], "tier-count: Benchmark 2 (“无照经营”)"));
  }
  {
    /* An allowance of 200 yuan closes the gap. */
    g_auto(Run) r = cli (f, "discretion", "validate", "D-1", "--max-gap", "200", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpuint (count_lines (r.out), ==, 2);
    g_assert_null (strstr (r.out, "gap:"));
  }

  /* Made whole, through the core (a draft item). */
  {
    g_autoptr(GError) error = NULL;
    import_text (f, "D-1", canonical, &error);
    g_assert_no_error (error);
    import_text (f, "D-2", "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", "
                           "\"min\": 500, \"max\": 5000, \"tiers\": [ "
                           "{ \"name\": \"从轻\", \"circumstances\": \"a\", \"min\": 500, \"max\": 1000 }, "
                           "{ \"name\": \"一般\", \"circumstances\": \"b\", \"min\": 1000, \"max\": 3000 }, "
                           "{ \"name\": \"从重\", \"circumstances\": \"c\", \"min\": 3000, \"max\": 5000 } ] } ] }",
                 &error);
    g_assert_no_error (error);
  }
  {
    g_auto(Run) r = cli (f, "discretion", "validate", "D-2", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "ok\n");
    g_assert_cmpstr (r.err, ==, "");
  }

  /* check: exit 0 when it fits, 1 when not; the shared boundary goes low. */
  {
    g_auto(Run) a = cli (f, "discretion", "check", "D-2", "1000", NULL);
    g_auto(Run) b = cli (f, "discretion", "check", "D-2", "1000.01", NULL);
    g_auto(Run) c = cli (f, "discretion", "check", "D-2", "5000.01", NULL);
    g_auto(Run) d = cli (f, "discretion", "check", "D-2", "499.99", NULL);
    g_auto(Run) e = cli (f, "discretion", "check", "D-2", "1000", "--tier", "一般", NULL);
    g_auto(Run) g = cli (f, "discretion", "check", "D-2", "999.99", "--tier", "一般", NULL);

    g_assert_cmpint (a.status, ==, 0);
    g_assert_cmpstr (a.out, ==, "fits: 1000 yuan fits tier 1 “从轻” (500–1000 yuan).\n");
    g_assert_cmpint (b.status, ==, 0);
    g_assert_cmpstr (b.out, ==, "fits: 1000.01 yuan fits tier 2 “一般” (1000–3000 yuan).\n");
    g_assert_cmpint (c.status, ==, 1);
    g_assert_true (g_str_has_prefix (c.out, "above-statute: "));
    g_assert_cmpint (d.status, ==, 1);
    g_assert_true (g_str_has_prefix (d.out, "below-statute: "));
    g_assert_cmpint (e.status, ==, 0);
    g_assert_cmpstr (e.out, ==, "fits: 1000 yuan lies within tier 2 “一般” (1000–3000 yuan).\n");
    g_assert_cmpint (g.status, ==, 1);
    g_assert_true (g_str_has_prefix (g.out, "wrong-tier: "));
    g_assert_nonnull (strstr (g.out, "it fits tier 1 “从轻”"));
  }
  /* Two benchmarks: the choice is needed; in multiples, so is the base. */
  {
    g_auto(Run) a = cli (f, "discretion", "check", "D-1", "1000", NULL);
    g_auto(Run) b = cli (f, "discretion", "check", "D-1", "1000", "--benchmark", "2", NULL);
    g_auto(Run) c = cli (f, "discretion", "check", "D-1", "4000", "--benchmark", "2", "--base", "1000", NULL);
    g_auto(Run) d = cli (f, "discretion", "check", "D-1", "6000", "--benchmark", "2", "--base", "1000", NULL);
    g_auto(Run) e = cli (f, "discretion", "check", "D-1", "700", "--benchmark", "1", "--tier", "从轻", NULL);

    assert_failed (&a, 1, "--benchmark N");
    assert_failed (&b, 1, "illegal gains");
    g_assert_cmpint (c.status, ==, 1);   /* no tiers yet */
    g_assert_true (g_str_has_prefix (c.out, "no-tier: "));
    g_assert_cmpint (d.status, ==, 1);
    g_assert_true (g_str_has_prefix (d.out, "above-statute: "));
    g_assert_nonnull (strstr (d.out, "5000 yuan"));
    g_assert_cmpint (e.status, ==, 0);
  }

  {
    g_auto(Run) r = cli (f, "discretion", "export", "D-1", out, NULL);
    g_auto(Run) s = cli (f, "discretion", "export", "D-1", "-", NULL);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
    g_assert_cmpstr (exported, ==, canonical);
    g_assert_cmpstr (s.out, ==, canonical);
  }
  {
    g_auto(Run) r = cli (f, "audit", "verify", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
}

static void
test_cli_bad_input (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *good = g_build_filename (f->dir, "good.json", NULL);
  g_autofree char *malformed = g_build_filename (f->dir, "malformed.json", NULL);
  g_autofree char *negative = g_build_filename (f->dir, "negative.json", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.json", NULL);
  g_autofree char *out = g_build_filename (f->dir, "never.json", NULL);
  gint64 audit;

  g_assert_true (g_file_set_contents (good, canonical, -1, NULL));
  g_assert_true (g_file_set_contents (malformed, "{ \"format\": \"power-oversight-discretion\", ", -1, NULL));
  g_assert_true (g_file_set_contents (negative,
    "{ \"format\": \"power-oversight-discretion\", \"benchmarks\": [ { \"violation\": \"v\", \"min\": 500, "
    "\"max\": 5000, \"tiers\": [ { \"name\": \"从轻\", \"circumstances\": \"a\", \"min\": -1, \"max\": 1000 } ] } ] }",
    -1, NULL));
  audit = count (f->db, "SELECT count(*) FROM audit_log");

  {
    g_auto(Run) r = cli (f, "discretion", "import", "NO-SUCH", good, NULL);
    assert_failed (&r, 1, "There is no power item with the code “NO-SUCH”");
  }
  {
    g_auto(Run) r = cli (f, "discretion", "import", "D-1", malformed, NULL);
    assert_failed (&r, 1, "malformed.json: not valid JSON");
  }
  {
    g_auto(Run) r = cli (f, "discretion", "import", "D-1", negative, NULL);
    assert_failed (&r, 1, "negative.json: benchmarks[0].tiers[0]: Tier 1 “从轻”: its minimum, -1 yuan, is negative");
  }
  {
    g_auto(Run) r = cli (f, "discretion", "import", "D-1", missing, NULL);
    assert_failed (&r, 1, "missing.json");
  }
  {
    g_auto(Run) r = cli (f, "discretion", "import", "P-1", good, NULL);
    assert_failed (&r, 1, "must be filed for legality review");
  }
  {
    g_auto(Run) r = cli (f, "discretion", "check", "D-1", "12k", NULL);
    assert_failed (&r, 1, "“12k”");
  }
  {
    g_auto(Run) r = cli (f, "discretion", "check", "D-1", "-5", NULL);
    assert_failed (&r, 1, "negative");
  }
  {
    g_auto(Run) r = cli (f, "discretion", "check", "NO-SUCH", "100", NULL);
    assert_failed (&r, 1, "NO-SUCH");
  }
  {
    g_auto(Run) r = cli (f, "discretion", "check", "D-1", "100", NULL);
    assert_failed (&r, 1, "no discretion benchmark");
  }
  {
    g_auto(Run) r = cli (f, "discretion", "validate", "D-1", "--max-gap", "lots", NULL);
    assert_failed (&r, 1, "--max-gap");
  }
  {
    g_auto(Run) r = cli (f, "discretion", "export", "D-1", out, NULL);
    assert_failed (&r, 1, "no discretion benchmark to export");
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) r = cli (f, "discretion", "validate", "D-1", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_true (g_str_has_prefix (r.out, "missing: "));
  }
  /* Command lines it does not understand: exit 2. */
  {
    g_auto(Run) a = cli (f, "discretion", NULL);
    g_auto(Run) b = cli (f, "discretion", "import", "D-1", NULL);
    g_auto(Run) c = cli (f, "discretion", "check", "D-1", "100", "--tier", NULL);
    g_auto(Run) d = cli (f, "discretion", "check", "D-1", "100", "--colour", "red", NULL);
    g_auto(Run) e = cli (f, "discretion", "frobnicate", NULL);
    g_auto(Run) g = cli (f, "discretion", "validate", "D-1", "--strict", NULL);

    assert_failed (&a, 2, "subcommand");
    assert_failed (&b, 2, "discretion import ITEM FILE.json");
    assert_failed (&c, 2, "discretion check");
    assert_failed (&d, 2, "discretion check");
    assert_failed (&e, 2, "frobnicate");
    assert_failed (&g, 2, "discretion validate");
  }

  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit_log"), ==, audit);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM discretion_benchmarks"), ==, 0);
}

static void
test_cli_compare (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PoBenchmark) city = standard ();
  g_autoptr(PoBenchmark) xihu = standard ();

  /* 西湖区 is harder on 从重 and leaves 一般 without a maximum share. */
  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (xihu, 2), 3500);
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (xihu, 1), 3500);
  save_one (f, "D-1", city);
  save_one (f, "X-1", xihu);

  {
    g_auto(Run) r = cli (f, "discretion", "compare", "未按规定公示信息", NULL);
    g_auto(GStrv) lines = g_strsplit (r.out, "\n", -1);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
    g_assert_cmpuint (count_lines (r.out), ==, 3);
    g_assert_cmpstr (lines[0], ==, "department,region,level,item_code,unit,statutory_min,statutory_max,"
                                   "从轻_min,从轻_max,一般_min,一般_max,从重_min,从重_max");
    /* By region: 市本级 before 西湖区. */
    g_assert_cmpstr (lines[1], ==, "市市场监管局,市本级,city,D-1,yuan,500,5000,500,1000,1000,3000,3000,5000");
    g_assert_cmpstr (lines[2], ==, "西湖区市场监管局,西湖区,county,X-1,yuan,500,5000,500,1000,1000,3500,3500,5000");
  }
  {
    g_auto(Run) r = cli (f, "discretion", "compare", " 未按规定公示信息 ", "--format", "table", NULL);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpuint (count_lines (r.out), ==, 3);
    g_assert_nonnull (strstr (r.out, "1000–3500"));
    g_assert_nonnull (strstr (r.out, "西湖区市场监管局"));
  }
  {
    g_auto(Run) r = cli (f, "discretion", "compare", "没有这种违法行为", NULL);
    assert_failed (&r, 1, "没有这种违法行为");
  }
  {
    g_auto(Run) r = cli (f, "discretion", "compare", "未按规定公示信息", "--format", "xml", NULL);
    assert_failed (&r, 2, NULL);
  }
  {
    g_auto(Run) r = cli (f, "discretion", "compare", NULL);
    assert_failed (&r, 2, NULL);
  }
}

static void
test_cli_help (Fixture       *f,
               gconstpointer  data)
{
  g_auto(Run) r = cli (f, "--help", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "discretion import ITEM FILE.json"));
  g_assert_nonnull (strstr (r.out, "discretion check ITEM FINE_YUAN"));
  g_assert_nonnull (strstr (r.out, "discretion compare VIOLATION"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/discretion/validate/clean", test_validate_clean);
  g_test_add_func ("/discretion/validate/violation", test_validate_violation);
  g_test_add_func ("/discretion/validate/negative", test_validate_negative);
  g_test_add_func ("/discretion/validate/reversed", test_validate_reversed);
  g_test_add_func ("/discretion/validate/incomplete", test_validate_incomplete);
  g_test_add_func ("/discretion/validate/outside-statute", test_validate_outside_statute);
  g_test_add_func ("/discretion/validate/units", test_validate_units);
  g_test_add_func ("/discretion/validate/tier-name", test_validate_tier_name);
  g_test_add_func ("/discretion/validate/order", test_validate_order);
  g_test_add_func ("/discretion/validate/overlap", test_validate_overlap);
  g_test_add_func ("/discretion/validate/gap", test_validate_gap);
  g_test_add_func ("/discretion/validate/circumstances", test_validate_circumstances);
  g_test_add_func ("/discretion/validate/tier-count", test_validate_tier_count);
  g_test_add_func ("/discretion/validate/rule-keys", test_rule_keys);
  g_test_add_func ("/discretion/check/boundaries", test_check_boundaries);
  g_test_add_func ("/discretion/check/gap-and-no-fine", test_check_gap_and_no_fine);
  g_test_add_func ("/discretion/check/multiples", test_check_multiples);
  g_test_add_func ("/discretion/calculate", test_calculate);
  g_test_add_func ("/discretion/propose/equal-thirds", test_propose_equal_thirds);
  g_test_add_func ("/discretion/propose/maximum-shares", test_propose_maximum_shares);
  g_test_add_func ("/discretion/propose/multiples", test_propose_multiples);
  g_test_add_func ("/discretion/propose/always-clean", test_propose_always_clean);
  g_test_add_func ("/discretion/bar/segments", test_bar_segments);
  g_test_add_func ("/discretion/bar/touching", test_bar_touching);
  g_test_add_func ("/discretion/model/signals", test_model_signals);
  g_test_add_func ("/discretion/amounts", test_amounts);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/discretion/json/round-trip", test_json_round_trip);
  ADD ("/discretion/import/bad", test_import_bad);
  ADD ("/discretion/import/items", test_import_items);
  ADD ("/discretion/review/applies", test_review_applies);
  ADD ("/discretion/save/only-changes", test_save_writes_only_changes);
  ADD ("/discretion/compare", test_compare);
  ADD ("/discretion/cli/round", test_cli_round);
  ADD ("/discretion/cli/bad-input", test_cli_bad_input);
  ADD ("/discretion/cli/compare", test_cli_compare);
  ADD ("/discretion/cli/help", test_cli_help);
#undef ADD

  return g_test_run ();
}
