/* po-discretion-validate.c: the rules of discretion benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Validation (each finding names the tier and what to do), the bar that
 * shows how tiers divide the statutory range, proposed tiers, and the
 * calculator (裁量计算) that the supervision rules use to tell a fine
 * outside its tier or the statutory range. The boundary convention is
 * stated in po-discretion.h.
 *
 * Amounts are compared in hundredths (fen, or hundredths of a multiple),
 * as integers, so that 0.1 + 0.2 questions never decide a case.
 */
#define G_LOG_DOMAIN "po-discretion"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "po-discretion.h"
#include "po-error.h"

static gint64
cents (double amount)
{
  return llround (amount * 100.0);
}

static double
round_cents (double amount)
{
  return round (amount * 100.0) / 100.0;
}

/* Findings --------------------------------------------------------------- */

void
po_discretion_finding_free (PoDiscretionFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->message);
  g_free (finding);
}

static const char * const rule_keys[] = {
  [PO_DISCRETION_RULE_VIOLATION] = "violation",
  [PO_DISCRETION_RULE_NEGATIVE] = "negative",
  [PO_DISCRETION_RULE_REVERSED] = "reversed",
  [PO_DISCRETION_RULE_INCOMPLETE] = "incomplete",
  [PO_DISCRETION_RULE_OUTSIDE_STATUTE] = "outside-statute",
  [PO_DISCRETION_RULE_UNITS] = "units",
  [PO_DISCRETION_RULE_TIER_NAME] = "tier-name",
  [PO_DISCRETION_RULE_ORDER] = "order",
  [PO_DISCRETION_RULE_OVERLAP] = "overlap",
  [PO_DISCRETION_RULE_GAP] = "gap",
  [PO_DISCRETION_RULE_CIRCUMSTANCES] = "circumstances",
  [PO_DISCRETION_RULE_TIER_COUNT] = "tier-count",
};

/**
 * po_discretion_rule_key:
 *
 * Returns: the stable key of @rule, as `discretion validate` prints it
 */
const char *
po_discretion_rule_key (PoDiscretionRule rule)
{
  g_return_val_if_fail ((guint) rule < G_N_ELEMENTS (rule_keys), "");

  return rule_keys[rule];
}

/**
 * po_discretion_rule_blocks_saving:
 *
 * Returns: whether a finding of @rule makes a benchmark unfit to store
 *   (and a file unfit to import), rather than unfinished
 */
gboolean
po_discretion_rule_blocks_saving (PoDiscretionRule rule)
{
  return rule <= PO_DISCRETION_RULE_TIER_NAME;
}

static void
add_finding (GPtrArray        *findings,
             PoDiscretionRule  rule,
             int               tier,
             char             *message)
{
  PoDiscretionFinding *f = g_new0 (PoDiscretionFinding, 1);

  f->rule = rule;
  f->tier = tier;
  f->message = message;
  g_ptr_array_add (findings, f);
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const PoDiscretionFinding *fa = *(PoDiscretionFinding * const *) a;
  const PoDiscretionFinding *fb = *(PoDiscretionFinding * const *) b;

  return fa->tier - fb->tier;
}

/* "Tier 2 “从轻”" at the start of a sentence, "tier 2 “从轻”" inside one. */
static char *
tier_label (PoBenchmarkTier *tier,
            int              index,
            gboolean         start)
{
  g_autofree char *name = g_strstrip (g_strdup (po_benchmark_tier_get_name (tier)));

  if (*name == '\0')
    return start ? g_strdup_printf (_("Tier %d"), index + 1) : g_strdup_printf (_("tier %d"), index + 1);
  return start ? g_strdup_printf (_("Tier %d “%s”"), index + 1, name)
               : g_strdup_printf (_("tier %d “%s”"), index + 1, name);
}

static const char *
unit_name (PoDiscretionUnit unit)
{
  switch (unit)
    {
    case PO_DISCRETION_UNIT_TIMES_GAINS:
      return _("multiples of the illegal gains");
    case PO_DISCRETION_UNIT_TIMES_VALUE:
      return _("multiples of the value involved");
    case PO_DISCRETION_UNIT_YUAN:
    case PO_DISCRETION_UNIT_INHERIT:
    default:
      return _("yuan");
    }
}

typedef struct
{
  PoBenchmarkTier *tier;
  double           min;
  double           max;
  gboolean         has_fine;   /* both bounds set */
  gboolean         sound;      /* has_fine, not negative, not reversed */
} TierView;

static void
check_tier (GPtrArray        *findings,
            PoBenchmark      *b,
            TierView         *views,
            guint             i)
{
  TierView *v = &views[i];
  PoDiscretionUnit unit = po_benchmark_get_unit (b);
  PoDiscretionUnit tier_unit = po_benchmark_tier_get_unit (v->tier);
  g_autofree char *label = tier_label (v->tier, i, TRUE);
  g_autofree char *name = g_strstrip (g_strdup (po_benchmark_tier_get_name (v->tier)));
  g_autofree char *circumstances = g_strstrip (g_strdup (po_benchmark_tier_get_circumstances (v->tier)));
  gboolean min_set = po_discretion_is_set (v->min);
  gboolean max_set = po_discretion_is_set (v->max);

  if (*name == '\0')
    add_finding (findings, PO_DISCRETION_RULE_TIER_NAME, i,
                 g_strdup_printf (_("Tier %d has no name; name it, for example 从轻 or 从重."), i + 1));
  else
    for (guint j = 0; j < i; j++)
      {
        g_autofree char *other = g_strstrip (g_strdup (po_benchmark_tier_get_name (views[j].tier)));

        if (g_str_equal (name, other))
          {
            add_finding (findings, PO_DISCRETION_RULE_TIER_NAME, i,
                         g_strdup_printf (_("Tiers %u and %u are both named “%s”; give each tier a name of its own."),
                                          j + 1, i + 1, name));
            break;
          }
      }

  if (tier_unit != PO_DISCRETION_UNIT_INHERIT && tier_unit != unit)
    add_finding (findings, PO_DISCRETION_RULE_UNITS, i,
                 g_strdup_printf (_("%s is stated in %s, but the statutory range is in %s; state the tier’s range in %s too."),
                                  label, unit_name (tier_unit), unit_name (unit), unit_name (unit)));

  if (min_set != max_set)
    add_finding (findings, PO_DISCRETION_RULE_INCOMPLETE, i,
                 g_strdup_printf (min_set
                                  ? _("%s has a minimum but no maximum; give both bounds, or neither for a tier without a fine.")
                                  : _("%s has a maximum but no minimum; give both bounds, or neither for a tier without a fine."),
                                  label));

  if (min_set && v->min < 0)
    {
      g_autofree char *a = po_discretion_format_with_unit (v->min, unit);
      add_finding (findings, PO_DISCRETION_RULE_NEGATIVE, i,
                   g_strdup_printf (_("%s: its minimum, %s, is negative; a fine cannot be negative, so enter 0 or more."),
                                    label, a));
    }
  if (max_set && v->max < 0)
    {
      g_autofree char *a = po_discretion_format_with_unit (v->max, unit);
      add_finding (findings, PO_DISCRETION_RULE_NEGATIVE, i,
                   g_strdup_printf (_("%s: its maximum, %s, is negative; a fine cannot be negative, so enter 0 or more."),
                                    label, a));
    }
  if (min_set && max_set && cents (v->min) > cents (v->max))
    {
      g_autofree char *a = po_discretion_format_with_unit (v->min, unit);
      g_autofree char *z = po_discretion_format_with_unit (v->max, unit);
      add_finding (findings, PO_DISCRETION_RULE_REVERSED, i,
                   g_strdup_printf (_("%s: its minimum, %s, is above its maximum, %s; swap them."), label, a, z));
    }

  if (*circumstances == '\0')
    add_finding (findings, PO_DISCRETION_RULE_CIRCUMSTANCES, i,
                 g_strdup_printf (_("%s does not say when it applies; describe its circumstances (情形)."), label));
}

/**
 * po_discretion_validate:
 * @benchmark: the benchmark, as stored or as an editor holds it
 * @max_gap_yuan: the widest gap allowed between adjacent tiers, and
 *   between the statutory bounds and the first and last tier with a fine:
 *   the GSettings key max-tier-gap-yuan; 0 means tiers must touch. A
 *   yuan allowance cannot be measured in multiples, so tiers of a range
 *   in multiples must always touch.
 *
 * Checks every rule of #PoDiscretionRule. Tiers with a broken range
 * (negative, reversed, one bound only) are left out of the order, overlap
 * and gap checks, which would only repeat the same mistake.
 *
 * Returns: (transfer full) (element-type PoDiscretionFinding): the
 *   findings, benchmark-wide ones first, then by tier; empty when valid
 */
GPtrArray *
po_discretion_validate (PoBenchmark *b,
                        double       max_gap_yuan)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) po_discretion_finding_free);
  g_autofree char *violation = NULL;
  g_autofree TierView *views = NULL;
  PoDiscretionUnit unit;
  double smin, smax, lo = 0, hi = 0, allowed;
  gboolean statute_sound = TRUE;
  gboolean statute_fine;
  guint n, n_fine = 0;
  int prev = -1, first = -1, last = -1, fined_before = -1;

  g_return_val_if_fail (PO_IS_BENCHMARK (b), findings);

  unit = po_benchmark_get_unit (b);
  smin = po_benchmark_get_range_min (b);
  smax = po_benchmark_get_range_max (b);
  n = po_benchmark_get_n_tiers (b);
  allowed = unit == PO_DISCRETION_UNIT_YUAN ? MAX (max_gap_yuan, 0.0) : 0.0;

  violation = g_strstrip (g_strdup (po_benchmark_get_violation (b)));
  if (*violation == '\0')
    add_finding (findings, PO_DISCRETION_RULE_VIOLATION, -1,
                 g_strdup (_("The benchmark does not say which violation it punishes; describe the violation (违法行为).")));

  /* The statutory range. */
  if (po_discretion_is_set (smin) && smin < 0)
    {
      g_autofree char *a = po_discretion_format_with_unit (smin, unit);
      add_finding (findings, PO_DISCRETION_RULE_NEGATIVE, -1,
                   g_strdup_printf (_("The statutory minimum, %s, is negative; a fine cannot be negative: enter the "
                                      "minimum the penalty provision sets."), a));
      statute_sound = FALSE;
    }
  if (po_discretion_is_set (smax) && smax < 0)
    {
      g_autofree char *a = po_discretion_format_with_unit (smax, unit);
      add_finding (findings, PO_DISCRETION_RULE_NEGATIVE, -1,
                   g_strdup_printf (_("The statutory maximum, %s, is negative; a fine cannot be negative: enter the "
                                      "maximum the penalty provision sets."), a));
      statute_sound = FALSE;
    }
  if (po_discretion_is_set (smin) && !po_discretion_is_set (smax))
    {
      add_finding (findings, PO_DISCRETION_RULE_INCOMPLETE, -1,
                   g_strdup (_("The statutory range has a minimum but no maximum; enter the maximum the penalty "
                               "provision sets, or clear the minimum if it sets no fine.")));
      statute_sound = FALSE;
    }
  if (po_discretion_is_set (smin) && po_discretion_is_set (smax) && cents (smin) > cents (smax))
    {
      g_autofree char *a = po_discretion_format_with_unit (smin, unit);
      g_autofree char *z = po_discretion_format_with_unit (smax, unit);
      add_finding (findings, PO_DISCRETION_RULE_REVERSED, -1,
                   g_strdup_printf (_("The statutory minimum, %s, is above the statutory maximum, %s; swap them."), a, z));
      statute_sound = FALSE;
    }
  statute_fine = po_discretion_is_set (smax);
  if (statute_sound && statute_fine)
    {
      lo = po_discretion_is_set (smin) ? smin : 0.0;
      hi = smax;
    }

  /* Each tier on its own. */
  views = g_new0 (TierView, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      TierView *v = &views[i];

      v->tier = po_benchmark_get_tier (b, i);
      v->min = po_benchmark_tier_get_fine_min (v->tier);
      v->max = po_benchmark_tier_get_fine_max (v->tier);
      v->has_fine = po_discretion_is_set (v->min) && po_discretion_is_set (v->max);
      v->sound = v->has_fine && v->min >= 0 && v->max >= 0 && cents (v->min) <= cents (v->max);
      check_tier (findings, b, views, i);
      n_fine += v->has_fine ? 1 : 0;

      if (!v->sound || !statute_sound)
        continue;
      if (!statute_fine)
        {
          g_autofree char *label = tier_label (v->tier, i, TRUE);
          g_autofree char *range = po_discretion_format_range (v->min, v->max, unit);
          add_finding (findings, PO_DISCRETION_RULE_OUTSIDE_STATUTE, i,
                       g_strdup_printf (_("%s sets a fine (%s), but the statutory range sets none; clear the tier’s "
                                          "fine, or enter the statutory range."), label, range));
          continue;
        }
      if (cents (v->min) < cents (lo))
        {
          g_autofree char *label = tier_label (v->tier, i, TRUE);
          g_autofree char *range = po_discretion_format_range (v->min, v->max, unit);
          g_autofree char *bound = po_discretion_format_with_unit (lo, unit);
          add_finding (findings, PO_DISCRETION_RULE_OUTSIDE_STATUTE, i,
                       g_strdup_printf (_("%s (%s) reaches below the statutory minimum of %s; raise its minimum to "
                                          "%s or more."), label, range, bound, bound));
        }
      if (cents (v->max) > cents (hi))
        {
          g_autofree char *label = tier_label (v->tier, i, TRUE);
          g_autofree char *range = po_discretion_format_range (v->min, v->max, unit);
          g_autofree char *bound = po_discretion_format_with_unit (hi, unit);
          add_finding (findings, PO_DISCRETION_RULE_OUTSIDE_STATUTE, i,
                       g_strdup_printf (_("%s (%s) reaches above the statutory maximum of %s; lower its maximum to "
                                          "%s or less."), label, range, bound, bound));
        }
    }

  /* The sequence: least severe first, no overlaps, no wide gaps. */
  for (guint i = 0; i < n; i++)
    {
      TierView *v = &views[i];
      g_autofree char *label = tier_label (v->tier, i, TRUE);

      if (!po_discretion_is_set (v->min) && !po_discretion_is_set (v->max))
        {
          if (fined_before >= 0)
            {
              g_autofree char *other = tier_label (views[fined_before].tier, fined_before, FALSE);
              add_finding (findings, PO_DISCRETION_RULE_ORDER, i,
                           g_strdup_printf (_("%s sets no fine but comes after %s, which does; put tiers without a "
                                              "fine, such as 不予处罚, first."), label, other));
            }
          continue;
        }
      if (fined_before < 0)
        fined_before = i;
      if (!v->sound)
        continue;

      if (first < 0)
        first = i;
      last = i;
      if (prev >= 0)
        {
          TierView *p = &views[prev];
          g_autofree char *plabel = tier_label (p->tier, prev, FALSE);
          g_autofree char *prange = po_discretion_format_range (p->min, p->max, unit);
          g_autofree char *range = po_discretion_format_range (v->min, v->max, unit);

          if (cents (v->min) < cents (p->min) || cents (v->max) < cents (p->max))
            add_finding (findings, PO_DISCRETION_RULE_ORDER, i,
                         g_strdup_printf (_("%s (%s) is less severe than %s (%s) before it; order the tiers from the "
                                            "most lenient to the most severe, with ranges that do not go down."),
                                          label, range, plabel, prange));
          else if (cents (v->min) < cents (p->max))
            {
              g_autofree char *a = po_discretion_format_with_unit (v->min, unit);
              g_autofree char *z = po_discretion_format_with_unit (p->max, unit);
              add_finding (findings, PO_DISCRETION_RULE_OVERLAP, i,
                           g_strdup_printf (_("%s (%s) overlaps %s (%s) from %s to %s; let it start at %s, where the "
                                              "tier before it ends."),
                                            label, range, plabel, prange, a, z, z));
            }
          else if (cents (v->min) - cents (p->max) > cents (allowed))
            {
              g_autofree char *gap = po_discretion_format_with_unit (v->min - p->max, unit);
              g_autofree char *ok = po_discretion_format_with_unit (allowed, unit);
              g_autofree char *target = po_discretion_format_with_unit (p->max + allowed, unit);
              add_finding (findings, PO_DISCRETION_RULE_GAP, i,
                           allowed > 0
                           ? g_strdup_printf (_("%s (%s) leaves a gap of %s after %s (%s), more than the %s allowed; "
                                                "lower its minimum to %s or less."),
                                              label, range, gap, plabel, prange, ok, target)
                           : g_strdup_printf (_("%s (%s) leaves a gap of %s after %s (%s), and tiers must touch; "
                                                "lower its minimum to %s."),
                                              label, range, gap, plabel, prange, target));
            }
        }
      prev = i;
    }

  /* The ends of the statutory range. */
  if (statute_sound && statute_fine && first >= 0 &&
      cents (views[first].min) >= cents (lo) &&
      cents (views[first].min) - cents (lo) > cents (allowed))
    {
      g_autofree char *label = tier_label (views[first].tier, first, FALSE);
      g_autofree char *slo = po_discretion_format_with_unit (lo, unit);
      g_autofree char *a = po_discretion_format_with_unit (views[first].min, unit);
      g_autofree char *target = po_discretion_format_with_unit (lo + allowed, unit);
      add_finding (findings, PO_DISCRETION_RULE_GAP, first,
                   g_strdup_printf (_("The statutory range starts at %s, but the first tier with a fine, %s, starts "
                                      "only at %s; lower its minimum to %s."), slo, label, a, target));
    }
  if (statute_sound && statute_fine && last >= 0 &&
      cents (views[last].max) <= cents (hi) &&
      cents (hi) - cents (views[last].max) > cents (allowed))
    {
      g_autofree char *label = tier_label (views[last].tier, last, FALSE);
      g_autofree char *shi = po_discretion_format_with_unit (hi, unit);
      g_autofree char *z = po_discretion_format_with_unit (views[last].max, unit);
      g_autofree char *target = po_discretion_format_with_unit (hi - allowed, unit);
      add_finding (findings, PO_DISCRETION_RULE_GAP, last,
                   g_strdup_printf (_("The statutory range ends at %s, but the last tier, %s, ends already at %s; "
                                      "raise its maximum to %s."), shi, label, z, target));
    }

  /* Enough tiers. */
  if (statute_sound && statute_fine && cents (lo) < cents (hi) && n_fine < 2)
    {
      g_autofree char *range = po_discretion_format_range (lo, hi, unit);
      add_finding (findings, PO_DISCRETION_RULE_TIER_COUNT, -1,
                   g_strdup_printf (n_fine == 0
                                    ? _("The statute gives a range (%s), but no tier sets a fine; divide the range "
                                        "into at least two tiers by circumstances.")
                                    : _("The statute gives a range (%s), but only one tier sets a fine; divide the "
                                        "range into at least two tiers by circumstances."),
                                    range));
    }
  else if (n == 0)
    add_finding (findings, PO_DISCRETION_RULE_TIER_COUNT, -1,
                 g_strdup (_("The benchmark has no tiers; add at least one, saying in which circumstances which "
                             "sanction applies.")));

  g_ptr_array_sort (findings, compare_findings);
  return findings;
}

/* The bar ---------------------------------------------------------------- */

static void
add_segment (GArray                  *segments,
             PoDiscretionSegmentKind  kind,
             int                      tier,
             int                      other,
             double                   from,
             double                   to)
{
  PoDiscretionSegment s = { kind, tier, other, from, to, 0.0, 0.0 };

  g_array_append_val (segments, s);
}

/**
 * po_discretion_bar_segments:
 * @scale_min: (out) (optional): the amount at the bar's left end
 * @scale_max: (out) (optional): the amount at its right end
 *
 * What a range bar draws: the scale spans the statutory range and every
 * tier, so a tier outside the range shows. Segments come in drawing
 * order: the parts of the scale outside the statutory range, then one
 * per tier with a fine (a reversed range is drawn from its smaller to its
 * larger bound), then the parts of the statutory range no tier covers,
 * then the amounts two tiers both claim. Tiers that only touch do not
 * overlap. When the whole scale is one amount, every segment spans the
 * whole bar.
 *
 * Returns: (transfer full) (element-type PoDiscretionSegment): the segments
 */
GArray *
po_discretion_bar_segments (PoBenchmark *b,
                            double      *scale_min,
                            double      *scale_max)
{
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (PoDiscretionSegment));
  g_autofree double *tmin = NULL;
  g_autofree double *tmax = NULL;
  double smin, smax, lo = 0, hi = 0, scale_lo, scale_hi, span;
  gboolean statute, any = FALSE;
  guint n;

  g_return_val_if_fail (PO_IS_BENCHMARK (b), segments);

  n = po_benchmark_get_n_tiers (b);
  tmin = g_new (double, MAX (n, 1));
  tmax = g_new (double, MAX (n, 1));
  smin = po_benchmark_get_range_min (b);
  smax = po_benchmark_get_range_max (b);
  statute = po_discretion_is_set (smax);
  if (statute)
    {
      lo = po_discretion_is_set (smin) ? smin : 0.0;
      hi = smax;
      if (lo > hi)
        {
          double t = lo;
          lo = hi;
          hi = t;
        }
    }
  scale_lo = lo;
  scale_hi = hi;

  for (guint i = 0; i < n; i++)
    {
      PoBenchmarkTier *tier = po_benchmark_get_tier (b, i);
      double a = po_benchmark_tier_get_fine_min (tier);
      double z = po_benchmark_tier_get_fine_max (tier);

      tmin[i] = tmax[i] = PO_DISCRETION_UNSET;
      if (!po_discretion_is_set (a) || !po_discretion_is_set (z))
        continue;
      tmin[i] = MIN (a, z);
      tmax[i] = MAX (a, z);
      if (!statute && !any)
        scale_lo = tmin[i], scale_hi = tmax[i];
      scale_lo = MIN (scale_lo, tmin[i]);
      scale_hi = MAX (scale_hi, tmax[i]);
      any = TRUE;
    }

  if (statute)
    {
      if (scale_lo < lo)
        add_segment (segments, PO_DISCRETION_SEGMENT_OUTSIDE, -1, -1, scale_lo, lo);
      if (hi < scale_hi)
        add_segment (segments, PO_DISCRETION_SEGMENT_OUTSIDE, -1, -1, hi, scale_hi);
    }
  else if (any)
    add_segment (segments, PO_DISCRETION_SEGMENT_OUTSIDE, -1, -1, scale_lo, scale_hi);

  for (guint i = 0; i < n; i++)
    if (po_discretion_is_set (tmin[i]))
      add_segment (segments, PO_DISCRETION_SEGMENT_TIER, i, -1, tmin[i], tmax[i]);

  if (statute)
    {
      /* Sweep the statutory range in order of tier minima. */
      g_autofree guint *order = g_new (guint, MAX (n, 1));
      guint m = 0;
      double covered = lo;

      for (guint i = 0; i < n; i++)
        if (po_discretion_is_set (tmin[i]))
          order[m++] = i;
      /* A handful of tiers: insertion sort by minimum. */
      for (guint i = 1; i < m; i++)
        for (guint j = i; j > 0 && tmin[order[j - 1]] > tmin[order[j]]; j--)
          {
            guint t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
          }
      for (guint k = 0; k < m; k++)
        {
          guint i = order[k];

          if (cents (tmin[i]) > cents (covered) && cents (covered) < cents (hi))
            add_segment (segments, PO_DISCRETION_SEGMENT_GAP, -1, -1, covered, MIN (tmin[i], hi));
          covered = MAX (covered, tmax[i]);
        }
      if (cents (covered) < cents (hi))
        add_segment (segments, PO_DISCRETION_SEGMENT_GAP, -1, -1, covered, hi);
    }

  for (guint j = 0; j < n; j++)
    for (guint i = 0; i < j; i++)
      {
        double from, to;

        if (!po_discretion_is_set (tmin[i]) || !po_discretion_is_set (tmin[j]))
          continue;
        from = MAX (tmin[i], tmin[j]);
        to = MIN (tmax[i], tmax[j]);
        if (cents (from) < cents (to))
          add_segment (segments, PO_DISCRETION_SEGMENT_OVERLAP, j, i, from, to);
      }

  span = scale_hi - scale_lo;
  for (guint k = 0; k < segments->len; k++)
    {
      PoDiscretionSegment *s = &g_array_index (segments, PoDiscretionSegment, k);

      if (span > 0)
        {
          s->start = CLAMP ((s->from - scale_lo) / span, 0.0, 1.0);
          s->end = CLAMP ((s->to - scale_lo) / span, s->start, 1.0);
        }
      else
        {
          s->start = 0.0;
          s->end = 1.0;
        }
    }

  if (scale_min != NULL)
    *scale_min = scale_lo;
  if (scale_max != NULL)
    *scale_max = scale_hi;
  return segments;
}

/* Proposals -------------------------------------------------------------- */

/* The circumstances a proposal starts from, for the clerk to edit. They
 * are stored data, not interface text: they follow 行政处罚法 (第三十二条
 * for 从轻) and the usual benchmark wording, and stay the same whatever the
 * clerk's language, so that benchmarks compare across departments. */
static const char lenient_text[] =
  "主动消除或者减轻违法行为危害后果的；受他人胁迫或者诱骗实施违法行为的；"
  "主动供述行政机关尚未掌握的违法行为的；配合行政机关查处违法行为有立功表现的";
static const char lighter_text[] =
  "违法情节较轻、危害后果较小，且无从重情形的";
static const char ordinary_text[] =
  "违法情节一般，无从轻、从重情形的";
static const char severe_text[] =
  "违法情节恶劣或者造成严重危害后果的；拒不改正或者一年内再次实施同一违法行为的；"
  "妨碍、阻挠执法或者隐匿、销毁违法证据的";

/**
 * po_discretion_propose_rule_for:
 *
 * Returns: the rule that suits the benchmark's statutory range: shares of
 *   the maximum for a maximum-only fine, bands by multiples when the
 *   maximum is four or more times a minimum above zero, equal thirds
 *   otherwise
 */
PoDiscretionProposeRule
po_discretion_propose_rule_for (PoBenchmark *b)
{
  double smin, smax;

  g_return_val_if_fail (PO_IS_BENCHMARK (b), PO_DISCRETION_PROPOSE_EQUAL_THIRDS);

  smin = po_benchmark_get_range_min (b);
  smax = po_benchmark_get_range_max (b);
  if (po_benchmark_is_maximum_only (b))
    return PO_DISCRETION_PROPOSE_MAXIMUM_SHARES;
  if (po_discretion_is_set (smin) && po_discretion_is_set (smax) && smin > 0 &&
      cents (smax) >= 4 * cents (smin))
    return PO_DISCRETION_PROPOSE_MULTIPLES;
  return PO_DISCRETION_PROPOSE_EQUAL_THIRDS;
}

static void
add_proposed (GPtrArray  *tiers,
              const char *name,
              const char *circumstances,
              double      min,
              double      max)
{
  g_ptr_array_add (tiers, po_benchmark_tier_new (name, circumstances, min, max));
}

/* A multiple of the minimum as a clerk would write it: halves below ten,
 * whole numbers above. */
static double
round_multiple (double k)
{
  return k < 10 ? round (k * 2) / 2 : round (k);
}

/**
 * po_discretion_propose_tiers:
 * @rule: how to divide the statutory range
 *
 * Proposes tiers that divide the statutory range, for the clerk to edit:
 *
 * - equal thirds: 从轻, 一般 and 从重, each a third of the range;
 * - shares of the maximum, for a maximum-only fine: 从轻 up to 20 % and
 *   一般 40–60 % of the maximum, as the issue asks; the rest is filled so
 *   that the tiers touch: 较轻 20–40 % and 从重 60–100 %;
 * - bands by multiples, when the maximum is at least four times a minimum
 *   above zero: three bands each spanning the same factor (the cube root
 *   of max/min), their bounds rounded to a half multiple of the minimum
 *   below ten times it and to a whole multiple above, e.g. 1000–1500–2500–
 *   4000 yuan or 1–1.5–3–5 times the illegal gains. Equal thirds of such a
 *   range would put several multiples of the minimum into 从轻 alone.
 *
 * Bounds are rounded to hundredths; adjacent tiers share their bound, so
 * the proposal passes po_discretion_validate() with any allowed gap.
 *
 * Returns: (transfer full) (element-type PoBenchmarkTier): the tiers,
 *   least severe first, for po_benchmark_set_tiers(); or %NULL with
 *   @error saying why the rule does not apply
 */
GPtrArray *
po_discretion_propose_tiers (PoBenchmark              *b,
                             PoDiscretionProposeRule   rule,
                             GError                  **error)
{
  g_autoptr(GPtrArray) tiers = g_ptr_array_new_with_free_func (g_object_unref);
  double smin, smax, lo, hi;
  PoDiscretionUnit unit;

  g_return_val_if_fail (PO_IS_BENCHMARK (b), NULL);

  unit = po_benchmark_get_unit (b);
  smin = po_benchmark_get_range_min (b);
  smax = po_benchmark_get_range_max (b);
  lo = po_discretion_is_set (smin) ? smin : 0.0;
  hi = smax;
  if (!po_discretion_is_set (smax) || lo < 0 || cents (lo) >= cents (hi))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("Enter a statutory range whose maximum is above its minimum first; tiers are proposed by "
                     "dividing it."));
      return NULL;
    }

  if (rule == PO_DISCRETION_PROPOSE_AUTO)
    rule = po_discretion_propose_rule_for (b);

  switch (rule)
    {
    case PO_DISCRETION_PROPOSE_MAXIMUM_SHARES:
      {
        double b1 = round_cents (hi * 0.2), b2 = round_cents (hi * 0.4), b3 = round_cents (hi * 0.6);

        if (!po_benchmark_is_maximum_only (b))
          {
            g_autofree char *a = po_discretion_format_with_unit (smin, unit);
            g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                         _("Shares of the maximum apply to a maximum-only fine (处…以下罚款), but this statutory range "
                           "has a minimum of %s; use equal thirds or bands by multiples."), a);
            return NULL;
          }
        add_proposed (tiers, "从轻", lenient_text, 0, b1);
        add_proposed (tiers, "较轻", lighter_text, b1, b2);
        add_proposed (tiers, "一般", ordinary_text, b2, b3);
        add_proposed (tiers, "从重", severe_text, b3, hi);
      }
      break;

    case PO_DISCRETION_PROPOSE_MULTIPLES:
      {
        double r, k1, k2, b1, b2;

        if (lo <= 0 || cents (hi) < 4 * cents (lo))
          {
            g_autofree char *range = po_discretion_format_range (lo, hi, unit);
            g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                         _("Bands by multiples need a statutory minimum above zero and a maximum at least four "
                           "times it, but the range is %s; use equal thirds."), range);
            return NULL;
          }
        r = cbrt (hi / lo);
        k1 = round_multiple (r);
        k2 = round_multiple (r * r);
        b1 = round_cents (lo * k1);
        b2 = round_cents (lo * k2);
        if (!(cents (lo) < cents (b1) && cents (b1) < cents (b2) && cents (b2) < cents (hi)))
          {
            b1 = round_cents (lo * r);
            b2 = round_cents (lo * r * r);
          }
        add_proposed (tiers, "从轻", lenient_text, lo, b1);
        add_proposed (tiers, "一般", ordinary_text, b1, b2);
        add_proposed (tiers, "从重", severe_text, b2, hi);
      }
      break;

    case PO_DISCRETION_PROPOSE_EQUAL_THIRDS:
    case PO_DISCRETION_PROPOSE_AUTO:
    default:
      {
        double b1 = round_cents (lo + (hi - lo) / 3), b2 = round_cents (lo + 2 * (hi - lo) / 3);

        add_proposed (tiers, "从轻", lenient_text, lo, b1);
        add_proposed (tiers, "一般", ordinary_text, b1, b2);
        add_proposed (tiers, "从重", severe_text, b2, hi);
      }
      break;
    }

  return g_steal_pointer (&tiers);
}

/* The calculator --------------------------------------------------------- */

void
po_discretion_circumstance_free (PoDiscretionCircumstance *circumstance)
{
  if (circumstance == NULL)
    return;
  g_free (circumstance->text);
  g_free (circumstance);
}

/**
 * po_discretion_list_circumstances:
 *
 * The circumstances a calculator offers: each tier's circumstances text
 * split into lines and at "；" or ";", trimmed, empty parts dropped.
 *
 * Returns: (transfer full) (element-type PoDiscretionCircumstance): the
 *   circumstances, by tier and in the order written
 */
GPtrArray *
po_discretion_list_circumstances (PoBenchmark *b)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) po_discretion_circumstance_free);

  g_return_val_if_fail (PO_IS_BENCHMARK (b), out);

  for (guint i = 0; i < po_benchmark_get_n_tiers (b); i++)
    {
      const char *text = po_benchmark_tier_get_circumstances (po_benchmark_get_tier (b, i));
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_autofree char *line = g_strdelimit (g_strdup (lines[l]), ";", '\n');
          g_auto(GStrv) parts = NULL;

          /* "；" is one three-byte character: split on it as a string. */
          {
            g_auto(GStrv) wide = g_strsplit (line, "；", -1);
            g_autofree char *joined = g_strjoinv ("\n", wide);
            parts = g_strsplit (joined, "\n", -1);
          }
          for (guint p = 0; parts[p] != NULL; p++)
            {
              PoDiscretionCircumstance *c;

              g_strstrip (parts[p]);
              if (*parts[p] == '\0')
                continue;
              c = g_new0 (PoDiscretionCircumstance, 1);
              c->tier = i;
              c->text = g_strdup (parts[p]);
              g_ptr_array_add (out, c);
            }
        }
    }
  return out;
}

/**
 * po_discretion_calculate:
 * @chosen: (array zero-terminated=1) (nullable): the circumstances
 *   present in the case, as po_discretion_list_circumstances() gives them
 * @outcome: (out caller-allocates): which tier applies and its range
 *
 * The discretion calculator (裁量计算): when the chosen circumstances all
 * belong to one tier, that tier applies. When they belong to several, the
 * calculator does not choose among them: the clerk weighs them, and the
 * outcome gives the range from the least to the most severe of them.
 *
 * Returns: %FALSE with @error set when a chosen text is not a
 *   circumstance of any tier
 */
gboolean
po_discretion_calculate (PoBenchmark          *b,
                         const char * const   *chosen,
                         PoDiscretionOutcome  *outcome,
                         GError              **error)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (PO_IS_BENCHMARK (b), FALSE);
  g_return_val_if_fail (outcome != NULL, FALSE);

  outcome->tier = outcome->first = outcome->last = -1;
  outcome->fine_min = outcome->fine_max = PO_DISCRETION_UNSET;

  all = po_discretion_list_circumstances (b);
  for (guint k = 0; chosen != NULL && chosen[k] != NULL; k++)
    {
      g_autofree char *wanted = g_strstrip (g_strdup (chosen[k]));
      gboolean found = FALSE;

      for (guint i = 0; i < all->len; i++)
        {
          PoDiscretionCircumstance *c = g_ptr_array_index (all, i);

          if (!g_str_equal (c->text, wanted))
            continue;
          found = TRUE;
          outcome->first = outcome->first < 0 ? c->tier : MIN (outcome->first, c->tier);
          outcome->last = MAX (outcome->last, c->tier);
        }
      if (!found)
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                       _("“%s” is not a circumstance of any tier of this benchmark"), wanted);
          outcome->first = outcome->last = -1;
          return FALSE;
        }
    }

  if (outcome->first < 0)
    return TRUE;
  if (outcome->first == outcome->last)
    outcome->tier = outcome->first;
  for (int i = outcome->first; i <= outcome->last; i++)
    {
      PoBenchmarkTier *tier = po_benchmark_get_tier (b, i);

      if (!po_benchmark_tier_has_fine (tier))
        continue;
      outcome->fine_min = po_discretion_is_set (outcome->fine_min)
                          ? MIN (outcome->fine_min, po_benchmark_tier_get_fine_min (tier))
                          : po_benchmark_tier_get_fine_min (tier);
      outcome->fine_max = po_discretion_is_set (outcome->fine_max)
                          ? MAX (outcome->fine_max, po_benchmark_tier_get_fine_max (tier))
                          : po_benchmark_tier_get_fine_max (tier);
    }
  return TRUE;
}

/**
 * po_discretion_describe_outcome:
 *
 * Returns: (transfer full): the outcome as a sentence for the calculator
 */
char *
po_discretion_describe_outcome (PoBenchmark               *b,
                                const PoDiscretionOutcome *outcome)
{
  g_autofree char *range = NULL;

  g_return_val_if_fail (PO_IS_BENCHMARK (b), NULL);
  g_return_val_if_fail (outcome != NULL, NULL);

  if (outcome->first < 0)
    return g_strdup (_("No circumstance is chosen; choose the circumstances present in the case."));

  range = po_discretion_format_range (outcome->fine_min, outcome->fine_max, po_benchmark_get_unit (b));
  if (outcome->tier >= 0)
    {
      PoBenchmarkTier *tier = po_benchmark_get_tier (b, outcome->tier);
      g_autofree char *label = tier_label (tier, outcome->tier, TRUE);
      const char *other = po_benchmark_tier_get_other_sanctions (tier);

      if (other != NULL && *other != '\0')
        return g_strdup_printf (_("%s applies: %s; other sanctions: %s."), label, range, other);
      return g_strdup_printf (_("%s applies: %s."), label, range);
    }
  else
    {
      g_autofree char *a = tier_label (po_benchmark_get_tier (b, outcome->first), outcome->first, FALSE);
      g_autofree char *z = tier_label (po_benchmark_get_tier (b, outcome->last), outcome->last, FALSE);

      return g_strdup_printf (_("Circumstances of %s and of %s are both present; weigh them: the fine lies within %s."),
                              a, z, range);
    }
}

/* Checking a fine -------------------------------------------------------- */

/**
 * po_discretion_fit_key:
 *
 * Returns: the stable word `discretion check` starts its line with:
 *   "fits", "wrong-tier", "no-tier", "below-statute" or "above-statute"
 */
const char *
po_discretion_fit_key (PoDiscretionFitKind kind)
{
  switch (kind)
    {
    case PO_DISCRETION_FIT_TIER: return "fits";
    case PO_DISCRETION_FIT_WRONG_TIER: return "wrong-tier";
    case PO_DISCRETION_FIT_NO_TIER: return "no-tier";
    case PO_DISCRETION_FIT_BELOW_STATUTE: return "below-statute";
    case PO_DISCRETION_FIT_ABOVE_STATUTE: return "above-statute";
    default: g_return_val_if_reached ("");
    }
}

static gboolean
multiplies (PoDiscretionUnit unit)
{
  return unit == PO_DISCRETION_UNIT_TIMES_GAINS || unit == PO_DISCRETION_UNIT_TIMES_VALUE;
}

/* Whether @fine (in fen) lies in [min, max] × @scale, both ends included. */
static gboolean
within (gint64 fine,
        double min,
        double max,
        double scale)
{
  return cents (min * scale) <= fine && fine <= cents (max * scale);
}

/**
 * po_discretion_check_fine:
 * @fine_yuan: the fine imposed, in yuan, 0 or more
 * @base_yuan: for a range in multiples, the illegal gains or the value
 *   involved, in yuan; %PO_DISCRETION_UNSET for a range in yuan
 * @tier_name: (nullable): the tier the case applied, to check the fine
 *   against; %NULL to ask which tier it fits
 * @fit: (out caller-allocates): the verdict
 *
 * Where a fine lies, by the boundary convention of po-discretion.h:
 * ranges include both ends; on a boundary two tiers share, the fine
 * belongs to the lower tier, unless a tier is named, when it only has to
 * lie within that tier. Outside the statutory range is reported first.
 * Amounts are compared to the fen.
 *
 * Returns: %FALSE with @error set when the question cannot be answered: a
 *   negative fine, a base missing (or given for a range in yuan), an
 *   unknown tier name
 */
gboolean
po_discretion_check_fine (PoBenchmark      *b,
                          double            fine_yuan,
                          double            base_yuan,
                          const char       *tier_name,
                          PoDiscretionFit  *fit,
                          GError          **error)
{
  PoDiscretionUnit unit;
  double smin, smax, scale = 1.0;
  gint64 fine;
  guint n;

  g_return_val_if_fail (PO_IS_BENCHMARK (b), FALSE);
  g_return_val_if_fail (fit != NULL, FALSE);

  fit->kind = PO_DISCRETION_FIT_NO_TIER;
  fit->tier = fit->named = -1;
  unit = po_benchmark_get_unit (b);
  smin = po_benchmark_get_range_min (b);
  smax = po_benchmark_get_range_max (b);
  n = po_benchmark_get_n_tiers (b);

  if (!po_discretion_is_set (fine_yuan) || fine_yuan < 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("A fine cannot be negative"));
      return FALSE;
    }
  if (multiplies (unit))
    {
      if (!po_discretion_is_set (base_yuan) || base_yuan <= 0)
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                       unit == PO_DISCRETION_UNIT_TIMES_GAINS
                       ? _("The benchmark counts in multiples of the illegal gains; give the illegal gains in yuan, "
                           "above 0, to check a fine")
                       : _("The benchmark counts in multiples of the value involved; give the value involved in "
                           "yuan, above 0, to check a fine"));
          return FALSE;
        }
      scale = base_yuan;
    }
  else if (po_discretion_is_set (base_yuan))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("The benchmark’s range is in yuan; there is no amount to multiply"));
      return FALSE;
    }

  if (tier_name != NULL)
    {
      fit->named = po_benchmark_find_tier (b, tier_name);
      if (fit->named < 0)
        {
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint i = 0; i < n; i++)
            g_string_append_printf (names, "%s“%s”", i ? ", " : "",
                                    po_benchmark_tier_get_name (po_benchmark_get_tier (b, i)));
          g_set_error (error, PO_ERROR, PO_ERROR_NOT_FOUND,
                       _("The benchmark has no tier named “%s”; its tiers are %s"),
                       tier_name, n > 0 ? names->str : _("none"));
          return FALSE;
        }
    }

  fine = cents (fine_yuan);

  /* The tier by the convention: a fine of 0 is no fine and fits a tier
   * without one first; otherwise the first (least severe) tier whose
   * range holds it, which on a shared boundary is the lower tier. */
  if (fine == 0)
    for (guint i = 0; i < n && fit->tier < 0; i++)
      if (!po_benchmark_tier_has_fine (po_benchmark_get_tier (b, i)))
        fit->tier = i;
  for (guint i = 0; i < n && fit->tier < 0; i++)
    {
      PoBenchmarkTier *tier = po_benchmark_get_tier (b, i);

      if (po_benchmark_tier_has_fine (tier) &&
          within (fine, po_benchmark_tier_get_fine_min (tier), po_benchmark_tier_get_fine_max (tier), scale))
        fit->tier = i;
    }

  if (po_discretion_is_set (smax))
    {
      double lo = po_discretion_is_set (smin) ? smin : 0.0;

      if (fine < cents (lo * scale))
        {
          fit->kind = PO_DISCRETION_FIT_BELOW_STATUTE;
          return TRUE;
        }
      if (fine > cents (smax * scale))
        {
          fit->kind = PO_DISCRETION_FIT_ABOVE_STATUTE;
          return TRUE;
        }
    }
  else if (fine > 0)
    {
      fit->kind = PO_DISCRETION_FIT_ABOVE_STATUTE;
      return TRUE;
    }

  if (fit->named >= 0)
    {
      PoBenchmarkTier *tier = po_benchmark_get_tier (b, fit->named);
      gboolean in = po_benchmark_tier_has_fine (tier)
                    ? within (fine, po_benchmark_tier_get_fine_min (tier), po_benchmark_tier_get_fine_max (tier), scale)
                    : fine == 0;

      fit->kind = in ? PO_DISCRETION_FIT_TIER : PO_DISCRETION_FIT_WRONG_TIER;
      return TRUE;
    }
  fit->kind = fit->tier >= 0 ? PO_DISCRETION_FIT_TIER : PO_DISCRETION_FIT_NO_TIER;
  return TRUE;
}

/* A range as the check reports it: in multiples, with the yuan it means. */
static char *
range_for_fit (PoBenchmark *b,
               double       min,
               double       max,
               double       scale)
{
  PoDiscretionUnit unit = po_benchmark_get_unit (b);
  g_autofree char *range = po_discretion_format_range (min, max, unit);

  if (multiplies (unit) && po_discretion_is_set (min) && po_discretion_is_set (max))
    {
      g_autofree char *yuan = po_discretion_format_range (min * scale, max * scale, PO_DISCRETION_UNIT_YUAN);
      return g_strdup_printf ("%s, %s", range, yuan);
    }
  return g_steal_pointer (&range);
}

static char *
tier_with_range (PoBenchmark *b,
                 int          index,
                 double       scale)
{
  PoBenchmarkTier *tier = po_benchmark_get_tier (b, index);
  g_autofree char *label = tier_label (tier, index, FALSE);
  g_autofree char *range = range_for_fit (b, po_benchmark_tier_get_fine_min (tier),
                                          po_benchmark_tier_get_fine_max (tier), scale);

  return g_strdup_printf ("%s (%s)", label, range);
}

/**
 * po_discretion_describe_fit:
 * @fine_yuan: the fine checked
 * @base_yuan: the base it was checked with, or %PO_DISCRETION_UNSET
 * @fit: the verdict of po_discretion_check_fine()
 *
 * Returns: (transfer full): the verdict as a sentence
 */
char *
po_discretion_describe_fit (PoBenchmark           *b,
                            double                 fine_yuan,
                            double                 base_yuan,
                            const PoDiscretionFit *fit)
{
  g_autofree char *fine = NULL;
  double scale;

  g_return_val_if_fail (PO_IS_BENCHMARK (b), NULL);
  g_return_val_if_fail (fit != NULL, NULL);

  scale = multiplies (po_benchmark_get_unit (b)) && po_discretion_is_set (base_yuan) ? base_yuan : 1.0;
  fine = po_discretion_format_with_unit (fine_yuan, PO_DISCRETION_UNIT_YUAN);

  switch (fit->kind)
    {
    case PO_DISCRETION_FIT_TIER:
      {
        g_autofree char *t = tier_with_range (b, fit->named >= 0 ? fit->named : fit->tier, scale);
        return fit->named >= 0
               ? g_strdup_printf (_("%s lies within %s."), fine, t)
               : g_strdup_printf (_("%s fits %s."), fine, t);
      }
    case PO_DISCRETION_FIT_WRONG_TIER:
      {
        g_autofree char *named = tier_with_range (b, fit->named, scale);

        if (fit->tier >= 0)
          {
            g_autofree char *t = tier_with_range (b, fit->tier, scale);
            return g_strdup_printf (_("%s lies outside %s; it fits %s."), fine, named, t);
          }
        return g_strdup_printf (_("%s lies outside %s, and fits no tier."), fine, named);
      }
    case PO_DISCRETION_FIT_NO_TIER:
      {
        double smin = po_benchmark_get_range_min (b);
        g_autofree char *range = range_for_fit (b, po_discretion_is_set (smin) ? smin : 0.0,
                                                po_benchmark_get_range_max (b), scale);
        return g_strdup_printf (_("%s lies within the statutory range (%s) but fits no tier; it falls in a gap "
                                  "between tiers."), fine, range);
      }
    case PO_DISCRETION_FIT_BELOW_STATUTE:
      {
        double smin = po_benchmark_get_range_min (b);
        g_autofree char *bound = po_discretion_format_with_unit ((po_discretion_is_set (smin) ? smin : 0.0) * scale,
                                                                 PO_DISCRETION_UNIT_YUAN);
        return g_strdup_printf (_("%s is below the statutory minimum of %s."), fine, bound);
      }
    case PO_DISCRETION_FIT_ABOVE_STATUTE:
    default:
      {
        double smax = po_benchmark_get_range_max (b);
        g_autofree char *bound = NULL;

        if (!po_discretion_is_set (smax))
          return g_strdup_printf (_("%s is a fine, but the penalty provision sets no fine."), fine);
        bound = po_discretion_format_with_unit (smax * scale, PO_DISCRETION_UNIT_YUAN);
        return g_strdup_printf (_("%s is above the statutory maximum of %s."), fine, bound);
      }
    }
}
