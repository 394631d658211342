/* po-discretion.h: discretion benchmarks (裁量基准)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <math.h>

#include "po-database.h"

G_BEGIN_DECLS

/*
 * Amounts
 *
 * An amount is a double in the benchmark's unit: yuan, or a multiple of the
 * illegal gains or of the value involved. %PO_DISCRETION_UNSET (NAN) means
 * "not set" (NULL in the database, null in JSON). Amounts are significant
 * to two decimals (the fen, or a hundredth of a multiple) and are compared
 * at that precision.
 *
 * The statutory range:
 * - min and max set: 处 min 以上 max 以下罚款.
 * - max only (min unset, or 0): a maximum-only fine, 处 max 以下罚款. Both
 *   spellings mean the same: the range starts at 0. Files and the database
 *   keep whichever was written; null is the preferred spelling.
 * - neither set: the provision sets no fine, only other sanctions; tiers
 *   then carry no fine either.
 * - min without max is not a range; validation asks for the maximum.
 *
 * A tier has both bounds or neither. A tier without a fine (不予处罚, or
 * 警告 only) is the least severe kind and comes before every tier with a
 * fine.
 *
 * Boundary convention (the calculator, `discretion check`, the supervision
 * rules):
 * - Ranges are inclusive at both ends: a tier 1000–3000 yuan holds 1000
 *   and 3000. The statutory range likewise.
 * - Adjacent tiers may share a boundary (the next tier starts where the
 *   previous one ends; that is "touching", not an overlap). A fine exactly
 *   on a shared boundary belongs to the LOWER (less severe) tier, the
 *   reading most favourable to the party.
 * - When the tier is named (a case records 从重, `check --tier 从重`), the
 *   question is only whether the fine lies in that tier's inclusive range,
 *   so a fine on the shared boundary fits either named tier.
 * - A fine of 0 means no fine: it fits a tier without a fine before any
 *   tier whose range starts at 0.
 */
#define PO_DISCRETION_UNSET ((double) NAN)

/* The largest amount accepted anywhere: the GSettings maximum gap too. */
#define PO_DISCRETION_MAX_AMOUNT 1.0e12

static inline gboolean
po_discretion_is_set (double amount)
{
  return !isnan (amount);
}

/**
 * PoDiscretionUnit:
 * @PO_DISCRETION_UNIT_INHERIT: (tiers only) the benchmark's unit
 * @PO_DISCRETION_UNIT_YUAN: a fine in yuan ("yuan")
 * @PO_DISCRETION_UNIT_TIMES_GAINS: multiples of the illegal gains ("times-gains")
 * @PO_DISCRETION_UNIT_TIMES_VALUE: multiples of the value involved ("times-value")
 *
 * The unit of a statutory range and of its tiers. The database keeps the
 * unit per benchmark; a tier's own unit exists only so that a file or an
 * editor that states a different one can be told ("units" rule).
 */
typedef enum
{
  PO_DISCRETION_UNIT_INHERIT = -1,
  PO_DISCRETION_UNIT_YUAN = 0,
  PO_DISCRETION_UNIT_TIMES_GAINS,
  PO_DISCRETION_UNIT_TIMES_VALUE,
} PoDiscretionUnit;

#define PO_TYPE_DISCRETION_UNIT (po_discretion_unit_get_type ())
GType             po_discretion_unit_get_type  (void) G_GNUC_CONST;
const char       *po_discretion_unit_key       (PoDiscretionUnit  unit);
gboolean          po_discretion_unit_from_key  (const char       *key,
                                                PoDiscretionUnit *unit);

gboolean          po_discretion_parse_amount   (const char       *text,
                                                const char       *what,
                                                double           *amount,
                                                GError          **error);
char             *po_discretion_format_amount  (double            amount);
char             *po_discretion_format_with_unit (double          amount,
                                                  PoDiscretionUnit unit);
char             *po_discretion_format_range   (double            min,
                                                double            max,
                                                PoDiscretionUnit  unit);

/* Tiers ------------------------------------------------------------------ */

#define PO_TYPE_BENCHMARK_TIER (po_benchmark_tier_get_type ())
G_DECLARE_FINAL_TYPE (PoBenchmarkTier, po_benchmark_tier, PO, BENCHMARK_TIER, GObject)

PoBenchmarkTier  *po_benchmark_tier_new                 (const char      *name,
                                                         const char      *circumstances,
                                                         double           fine_min,
                                                         double           fine_max);
PoBenchmarkTier  *po_benchmark_tier_copy                (PoBenchmarkTier *self);
const char       *po_benchmark_tier_get_name            (PoBenchmarkTier *self);
void              po_benchmark_tier_set_name            (PoBenchmarkTier *self,
                                                         const char      *name);
const char       *po_benchmark_tier_get_circumstances   (PoBenchmarkTier *self);
void              po_benchmark_tier_set_circumstances   (PoBenchmarkTier *self,
                                                         const char      *circumstances);
double            po_benchmark_tier_get_fine_min        (PoBenchmarkTier *self);
void              po_benchmark_tier_set_fine_min        (PoBenchmarkTier *self,
                                                         double           fine_min);
double            po_benchmark_tier_get_fine_max        (PoBenchmarkTier *self);
void              po_benchmark_tier_set_fine_max        (PoBenchmarkTier *self,
                                                         double           fine_max);
gboolean          po_benchmark_tier_has_fine            (PoBenchmarkTier *self);
const char       *po_benchmark_tier_get_other_sanctions (PoBenchmarkTier *self);
void              po_benchmark_tier_set_other_sanctions (PoBenchmarkTier *self,
                                                         const char      *other_sanctions);
PoDiscretionUnit  po_benchmark_tier_get_unit            (PoBenchmarkTier *self);
void              po_benchmark_tier_set_unit            (PoBenchmarkTier *self,
                                                         PoDiscretionUnit unit);

/* Benchmarks: a GListModel of their tiers, least severe first ------------ */

#define PO_TYPE_BENCHMARK (po_benchmark_get_type ())
G_DECLARE_FINAL_TYPE (PoBenchmark, po_benchmark, PO, BENCHMARK, GObject)

PoBenchmark      *po_benchmark_new                     (void);
PoBenchmark      *po_benchmark_copy                    (PoBenchmark      *self);
gint64            po_benchmark_get_id                  (PoBenchmark      *self);
const char       *po_benchmark_get_violation           (PoBenchmark      *self);
void              po_benchmark_set_violation           (PoBenchmark      *self,
                                                        const char       *violation);
const char       *po_benchmark_get_defining_provision  (PoBenchmark      *self);
void              po_benchmark_set_defining_provision  (PoBenchmark      *self,
                                                        const char       *provision);
const char       *po_benchmark_get_penalty_provision   (PoBenchmark      *self);
void              po_benchmark_set_penalty_provision   (PoBenchmark      *self,
                                                        const char       *provision);
PoDiscretionUnit  po_benchmark_get_unit                (PoBenchmark      *self);
void              po_benchmark_set_unit                (PoBenchmark      *self,
                                                        PoDiscretionUnit  unit);
double            po_benchmark_get_range_min           (PoBenchmark      *self);
void              po_benchmark_set_range_min           (PoBenchmark      *self,
                                                        double            range_min);
double            po_benchmark_get_range_max           (PoBenchmark      *self);
void              po_benchmark_set_range_max           (PoBenchmark      *self,
                                                        double            range_max);
void              po_benchmark_set_range               (PoBenchmark      *self,
                                                        double            range_min,
                                                        double            range_max);
gboolean          po_benchmark_has_fine                (PoBenchmark      *self);
gboolean          po_benchmark_is_maximum_only         (PoBenchmark      *self);
const char       *po_benchmark_get_other_sanctions     (PoBenchmark      *self);
void              po_benchmark_set_other_sanctions     (PoBenchmark      *self,
                                                        const char       *other_sanctions);

/**
 * PoDiscretionFactor:
 *
 * The four kinds of factor of 规定 九(四): (1) legislative purpose and
 * principles, (2) regional economic, social and cultural differences,
 * (3) facts, nature, circumstances and social impact, (4) other factors.
 */
typedef enum
{
  PO_DISCRETION_FACTOR_PURPOSE,
  PO_DISCRETION_FACTOR_REGIONAL,
  PO_DISCRETION_FACTOR_FACTS,
  PO_DISCRETION_FACTOR_OTHER,
  PO_DISCRETION_N_FACTORS,
} PoDiscretionFactor;

const char       *po_benchmark_get_factor              (PoBenchmark       *self,
                                                        PoDiscretionFactor factor);
void              po_benchmark_set_factor              (PoBenchmark       *self,
                                                        PoDiscretionFactor factor,
                                                        const char        *note);
const char       *po_discretion_factor_label           (PoDiscretionFactor factor);

guint             po_benchmark_get_n_tiers             (PoBenchmark      *self);
PoBenchmarkTier  *po_benchmark_get_tier                (PoBenchmark      *self,
                                                        guint             position);
void              po_benchmark_insert_tier             (PoBenchmark      *self,
                                                        int               position,
                                                        PoBenchmarkTier  *tier);
void              po_benchmark_append_tier             (PoBenchmark      *self,
                                                        PoBenchmarkTier  *tier);
void              po_benchmark_remove_tier             (PoBenchmark      *self,
                                                        guint             position);
void              po_benchmark_move_tier               (PoBenchmark      *self,
                                                        guint             from,
                                                        guint             to);
void              po_benchmark_set_tiers               (PoBenchmark      *self,
                                                        GPtrArray        *tiers);
int               po_benchmark_find_tier               (PoBenchmark      *self,
                                                        const char       *name);

/* Storage and files ------------------------------------------------------ */

GPtrArray        *po_discretion_load                   (PoDatabase       *db,
                                                        const char       *item_code,
                                                        GError          **error);
gboolean          po_discretion_save                   (PoDatabase       *db,
                                                        const char       *item_code,
                                                        GPtrArray        *benchmarks,
                                                        GError          **error);
gboolean          po_discretion_save_unchecked         (PoDatabase       *db,
                                                        const char       *item_code,
                                                        GPtrArray        *benchmarks,
                                                        GError          **error);
GPtrArray        *po_discretion_parse_json             (PoDatabase       *db,
                                                        const char       *text,
                                                        gssize            length,
                                                        const char       *origin,
                                                        GError          **error);
char             *po_discretion_to_json                (const char       *item_code,
                                                        GPtrArray        *benchmarks);
gboolean          po_discretion_import_json            (PoDatabase       *db,
                                                        const char       *item_code,
                                                        const char       *text,
                                                        gssize            length,
                                                        const char       *origin,
                                                        GError          **error);
gboolean          po_discretion_import_file            (PoDatabase       *db,
                                                        const char       *item_code,
                                                        const char       *path,
                                                        GError          **error);
char             *po_discretion_export_json            (PoDatabase       *db,
                                                        const char       *item_code,
                                                        GError          **error);
gboolean          po_discretion_apply_proposal         (PoDatabase       *db,
                                                        const char       *item_code,
                                                        const char       *proposal,
                                                        GError          **error);

/* Validation (po-discretion-validate.c) ---------------------------------- */

/**
 * PoDiscretionRule:
 * @PO_DISCRETION_RULE_VIOLATION: the benchmark names its violation ("violation")
 * @PO_DISCRETION_RULE_NEGATIVE: no amount is negative ("negative")
 * @PO_DISCRETION_RULE_REVERSED: no range has its minimum above its maximum ("reversed")
 * @PO_DISCRETION_RULE_INCOMPLETE: a range has both bounds, or (tiers) neither ("incomplete")
 * @PO_DISCRETION_RULE_OUTSIDE_STATUTE: every tier lies inside the statutory range ("outside-statute")
 * @PO_DISCRETION_RULE_UNITS: tiers use the benchmark's unit ("units")
 * @PO_DISCRETION_RULE_TIER_NAME: every tier has a name of its own ("tier-name")
 * @PO_DISCRETION_RULE_ORDER: tiers go from least to most severe, ranges non-decreasing ("order")
 * @PO_DISCRETION_RULE_OVERLAP: adjacent tiers do not overlap; touching is allowed ("overlap")
 * @PO_DISCRETION_RULE_GAP: no gap wider than allowed between tiers, or between
 *   the statutory bounds and the first and last tier ("gap")
 * @PO_DISCRETION_RULE_CIRCUMSTANCES: every tier says when it applies ("circumstances")
 * @PO_DISCRETION_RULE_TIER_COUNT: two or more tiers with a fine where the
 *   statute gives a range, at least one tier otherwise ("tier-count")
 *
 * The rules up to and including @PO_DISCRETION_RULE_TIER_NAME make data
 * that cannot be stored sensibly: saving and importing refuse them
 * (po_discretion_rule_blocks_saving()). The others describe a draft not
 * yet finished: it may be saved, and validation lists what is left.
 */
typedef enum
{
  PO_DISCRETION_RULE_VIOLATION,
  PO_DISCRETION_RULE_NEGATIVE,
  PO_DISCRETION_RULE_REVERSED,
  PO_DISCRETION_RULE_INCOMPLETE,
  PO_DISCRETION_RULE_OUTSIDE_STATUTE,
  PO_DISCRETION_RULE_UNITS,
  PO_DISCRETION_RULE_TIER_NAME,
  PO_DISCRETION_RULE_ORDER,
  PO_DISCRETION_RULE_OVERLAP,
  PO_DISCRETION_RULE_GAP,
  PO_DISCRETION_RULE_CIRCUMSTANCES,
  PO_DISCRETION_RULE_TIER_COUNT,
} PoDiscretionRule;

/**
 * PoDiscretionFinding:
 * @rule: the rule broken
 * @tier: the tier concerned (0-based position), or -1 for the benchmark
 *   as a whole
 * @message: a sentence naming the tier (1-based, with its name) and
 *   saying what to do
 */
typedef struct
{
  PoDiscretionRule  rule;
  int               tier;
  char             *message;
} PoDiscretionFinding;

void              po_discretion_finding_free           (PoDiscretionFinding *finding);
const char       *po_discretion_rule_key               (PoDiscretionRule     rule);
gboolean          po_discretion_rule_blocks_saving     (PoDiscretionRule     rule);
GPtrArray        *po_discretion_validate               (PoBenchmark         *benchmark,
                                                        double               max_gap_yuan);

/* Bar: how the tiers divide the statutory range -------------------------- */

/**
 * PoDiscretionSegmentKind:
 * @PO_DISCRETION_SEGMENT_OUTSIDE: part of the scale outside the statutory range
 * @PO_DISCRETION_SEGMENT_TIER: one tier's range
 * @PO_DISCRETION_SEGMENT_GAP: part of the statutory range no tier covers
 * @PO_DISCRETION_SEGMENT_OVERLAP: amounts two tiers both claim
 */
typedef enum
{
  PO_DISCRETION_SEGMENT_OUTSIDE,
  PO_DISCRETION_SEGMENT_TIER,
  PO_DISCRETION_SEGMENT_GAP,
  PO_DISCRETION_SEGMENT_OVERLAP,
} PoDiscretionSegmentKind;

/**
 * PoDiscretionSegment:
 * @kind: what the segment shows
 * @tier: %PO_DISCRETION_SEGMENT_TIER: its tier; %PO_DISCRETION_SEGMENT_OVERLAP:
 *   the later of the two tiers; otherwise -1
 * @other: %PO_DISCRETION_SEGMENT_OVERLAP: the earlier tier; otherwise -1
 * @from: first amount, in the benchmark's unit
 * @to: last amount
 * @start: where the segment starts, as a fraction of the bar's width
 * @end: where it ends, a fraction from @start to 1.0
 */
typedef struct
{
  PoDiscretionSegmentKind kind;
  int                     tier;
  int                     other;
  double                  from;
  double                  to;
  double                  start;
  double                  end;
} PoDiscretionSegment;

GArray           *po_discretion_bar_segments           (PoBenchmark      *benchmark,
                                                        double           *scale_min,
                                                        double           *scale_max);

/* Proposing tiers -------------------------------------------------------- */

/**
 * PoDiscretionProposeRule:
 * @PO_DISCRETION_PROPOSE_AUTO: the rule that suits the statutory range
 *   (po_discretion_propose_rule_for())
 * @PO_DISCRETION_PROPOSE_EQUAL_THIRDS: 从轻, 一般, 从重 as three equal bands
 * @PO_DISCRETION_PROPOSE_MAXIMUM_SHARES: for a maximum-only fine: 从轻 up
 *   to 20 %, 较轻 20–40 %, 一般 40–60 %, 从重 60–100 % of the maximum
 * @PO_DISCRETION_PROPOSE_MULTIPLES: when the maximum is four or more times
 *   the minimum: three bands, each spanning the same factor
 */
typedef enum
{
  PO_DISCRETION_PROPOSE_AUTO,
  PO_DISCRETION_PROPOSE_EQUAL_THIRDS,
  PO_DISCRETION_PROPOSE_MAXIMUM_SHARES,
  PO_DISCRETION_PROPOSE_MULTIPLES,
} PoDiscretionProposeRule;

PoDiscretionProposeRule po_discretion_propose_rule_for (PoBenchmark      *benchmark);
GPtrArray        *po_discretion_propose_tiers          (PoBenchmark      *benchmark,
                                                        PoDiscretionProposeRule rule,
                                                        GError          **error);

/* The calculator (裁量计算) ---------------------------------------------- */

/**
 * PoDiscretionCircumstance:
 * @tier: the tier whose circumstances text holds it
 * @text: one circumstance: a line, or a part between "；" or ";", trimmed
 */
typedef struct
{
  int   tier;
  char *text;
} PoDiscretionCircumstance;

void              po_discretion_circumstance_free      (PoDiscretionCircumstance *circumstance);
GPtrArray        *po_discretion_list_circumstances     (PoBenchmark      *benchmark);

/**
 * PoDiscretionOutcome:
 * @tier: the tier that applies; -1 when no circumstance was chosen, or
 *   when the chosen ones belong to more than one tier
 * @first: the least severe tier with a chosen circumstance, or -1
 * @last: the most severe tier with a chosen circumstance, or -1
 * @fine_min: the range that applies, in the benchmark's unit: the tier's,
 *   or, when circumstances of several tiers are present, the span of the
 *   tiers from @first to @last; %PO_DISCRETION_UNSET when none of them
 *   sets a fine
 * @fine_max: its maximum
 */
typedef struct
{
  int    tier;
  int    first;
  int    last;
  double fine_min;
  double fine_max;
} PoDiscretionOutcome;

gboolean          po_discretion_calculate              (PoBenchmark         *benchmark,
                                                        const char * const  *chosen,
                                                        PoDiscretionOutcome *outcome,
                                                        GError             **error);
char             *po_discretion_describe_outcome       (PoBenchmark               *benchmark,
                                                        const PoDiscretionOutcome *outcome);

/**
 * PoDiscretionFitKind:
 * @PO_DISCRETION_FIT_TIER: the fine fits a tier (the named one, when one
 *   was named)
 * @PO_DISCRETION_FIT_WRONG_TIER: a tier was named and the fine lies
 *   outside it, though inside the statutory range
 * @PO_DISCRETION_FIT_NO_TIER: inside the statutory range but in no tier
 * @PO_DISCRETION_FIT_BELOW_STATUTE: below the statutory minimum
 * @PO_DISCRETION_FIT_ABOVE_STATUTE: above the statutory maximum, or a
 *   fine where the provision sets none
 */
typedef enum
{
  PO_DISCRETION_FIT_TIER,
  PO_DISCRETION_FIT_WRONG_TIER,
  PO_DISCRETION_FIT_NO_TIER,
  PO_DISCRETION_FIT_BELOW_STATUTE,
  PO_DISCRETION_FIT_ABOVE_STATUTE,
} PoDiscretionFitKind;

/**
 * PoDiscretionFit:
 * @kind: the verdict
 * @tier: the tier the fine fits by the boundary convention, or -1
 * @named: the tier named in the question, or -1
 */
typedef struct
{
  PoDiscretionFitKind kind;
  int                 tier;
  int                 named;
} PoDiscretionFit;

const char       *po_discretion_fit_key                (PoDiscretionFitKind  kind);
gboolean          po_discretion_check_fine             (PoBenchmark      *benchmark,
                                                        double            fine_yuan,
                                                        double            base_yuan,
                                                        const char       *tier_name,
                                                        PoDiscretionFit  *fit,
                                                        GError          **error);
char             *po_discretion_describe_fit           (PoBenchmark           *benchmark,
                                                        double                 fine_yuan,
                                                        double                 base_yuan,
                                                        const PoDiscretionFit *fit);

/* Regional comparison (po-discretion.c) ---------------------------------- */

/**
 * PoDiscretionComparisonRow:
 * @department: the department's name
 * @region: its region (县市区), possibly empty
 * @level: "city" or "county"
 * @item_code: the item holding the benchmark
 * @item_name: its name
 * @unit: the benchmark's unit
 * @range_min: the statutory minimum, or %PO_DISCRETION_UNSET
 * @range_max: the statutory maximum, or %PO_DISCRETION_UNSET
 * @tier_min: (array): per column of the comparison, the tier's minimum,
 *   %PO_DISCRETION_UNSET when this row has no tier of that name or it
 *   sets no fine
 * @tier_max: (array): likewise, the maxima
 */
typedef struct
{
  char             *department;
  char             *region;
  char             *level;
  char             *item_code;
  char             *item_name;
  PoDiscretionUnit  unit;
  double            range_min;
  double            range_max;
  double           *tier_min;
  double           *tier_max;
} PoDiscretionComparisonRow;

/**
 * PoDiscretionComparison:
 * @violation: the violation compared
 * @tier_names: (element-type utf8): the columns: every tier name found,
 *   least severe first
 * @rows: (element-type PoDiscretionComparisonRow): one per benchmark,
 *   by region and department
 */
typedef struct
{
  char      *violation;
  GPtrArray *tier_names;
  GPtrArray *rows;
} PoDiscretionComparison;

void              po_discretion_comparison_free        (PoDiscretionComparison *comparison);
PoDiscretionComparison *po_discretion_compare          (PoDatabase       *db,
                                                        const char       *violation,
                                                        GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoDiscretionFinding, po_discretion_finding_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoDiscretionCircumstance, po_discretion_circumstance_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoDiscretionComparison, po_discretion_comparison_free)

G_END_DECLS
