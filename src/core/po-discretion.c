/* po-discretion.c: discretion benchmarks (裁量基准): model, storage, files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 规定 九(四): each department that holds discretionary power sets
 * benchmarks from four kinds of factors, and 九(五): every adjustment
 * passes legality review. This file keeps the in-memory model an editor
 * works on (PoBenchmark, a GListModel of PoBenchmarkTier), stores it, and
 * reads and writes the JSON below. The rules (validation, proposals, the
 * calculator) are in po-discretion-validate.c.
 *
 * ## Discretion benchmark JSON
 *
 * ```json
 * {
 *   "format": "power-oversight-discretion",
 *   "version": 1,
 *   "item": "330100-CF-0001",
 *   "benchmarks": [
 *     {
 *       "violation": "未取得施工许可证擅自施工",
 *       "defining_provision": "《建筑工程施工许可管理办法》第三条",
 *       "penalty_provision": "《建筑工程施工许可管理办法》第十二条",
 *       "unit": "yuan",
 *       "min": 10000,
 *       "max": 30000,
 *       "other_sanctions": "责令停止施工，限期改正",
 *       "factors": {
 *         "purpose": "维护建筑市场秩序，保障工程质量安全",
 *         "regional": "本市建筑业产值较高，取中上限",
 *         "facts": "按工程规模、施工进度和整改情况区分",
 *         "other": ""
 *       },
 *       "tiers": [
 *         { "name": "从轻", "circumstances": "主动停止施工并及时补办手续的",
 *           "min": 10000, "max": 15000, "other_sanctions": "" },
 *         { "name": "一般", "circumstances": "无从轻、从重情形的",
 *           "min": 15000, "max": 22000, "other_sanctions": "" },
 *         { "name": "从重", "circumstances": "拒不停止施工的；造成质量安全事故的",
 *           "min": 22000, "max": 30000, "other_sanctions": "" }
 *       ]
 *     }
 *   ]
 * }
 * ```
 *
 * - `format` is required and must be "power-oversight-discretion";
 *   `version`, when present, must be 1. `item` is written on export for
 *   the reader and ignored on import: the command names the target item,
 *   so one department's file can seed another's benchmark.
 * - `benchmarks`: one or more, in the order they are kept. `violation` is
 *   required; every other text field may be left out (empty).
 * - `unit`: "yuan" (the default), "times-gains" (multiples of the illegal
 *   gains) or "times-value" (multiples of the value involved). A tier may
 *   repeat `unit`; if it differs from the benchmark's, the file is refused.
 * - `min`, `max`: JSON numbers, at most two decimals, from 0 up to
 *   10^12, or null. A maximum-only fine (处…以下罚款) has `"min": null`
 *   (or 0: both read the same, and the file keeps what it says); a
 *   provision with no fine has both null. A tier has both or neither
 *   (neither: a tier without a fine, such as 不予处罚, placed first).
 * - `tiers` go from the least to the most severe; `name` is required and
 *   unique within the benchmark.
 * - Unknown fields are refused, so that a misspelt one is not silently
 *   lost.
 *
 * Importing replaces all benchmarks of the item, in one transaction, and
 * only for a draft item: afterwards an adjustment goes through legality
 * review. A file that is not valid JSON, has a non-numeric amount, a
 * negative or reversed range, a tier outside the statutory range, or an
 * inconsistent unit is refused with a message naming the file and the
 * place (e.g. `benchmarks[0].tiers[2].max`), and nothing is written.
 * Findings that only mean the draft is unfinished (gaps, overlaps, order,
 * missing circumstances, too few tiers) do not stop an import;
 * `discretion validate` lists them.
 */
#define G_LOG_DOMAIN "po-discretion"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <float.h>
#include <stdlib.h>

#include "po-discretion.h"
#include "po-domain.h"
#include "po-error.h"
#include "po-util.h"

#define FORMAT_NAME "power-oversight-discretion"

static gboolean
amount_changed (double a,
                double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) != isnan (b);
  return a != b;
}

static gboolean
replace_string (char       **slot,
                const char  *value)
{
  if (g_strcmp0 (*slot, value ? value : "") == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value ? value : "");
  return TRUE;
}

/* Units ------------------------------------------------------------------ */

static const GEnumValue unit_values[] = {
  { PO_DISCRETION_UNIT_INHERIT, "PO_DISCRETION_UNIT_INHERIT", "inherit" },
  { PO_DISCRETION_UNIT_YUAN, "PO_DISCRETION_UNIT_YUAN", "yuan" },
  { PO_DISCRETION_UNIT_TIMES_GAINS, "PO_DISCRETION_UNIT_TIMES_GAINS", "times-gains" },
  { PO_DISCRETION_UNIT_TIMES_VALUE, "PO_DISCRETION_UNIT_TIMES_VALUE", "times-value" },
  { 0, NULL, NULL },
};

GType
po_discretion_unit_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType t = g_enum_register_static (g_intern_static_string ("PoDiscretionUnit"), unit_values);
      g_once_init_leave (&type_id, t);
    }
  return type_id;
}

/**
 * po_discretion_unit_key:
 *
 * Returns: the stable key of @unit as the database and files write it
 */
const char *
po_discretion_unit_key (PoDiscretionUnit unit)
{
  for (guint i = 0; unit_values[i].value_nick != NULL; i++)
    if (unit_values[i].value == (int) unit)
      return unit_values[i].value_nick;
  g_return_val_if_reached ("yuan");
}

/**
 * po_discretion_unit_from_key:
 * @key: "yuan", "times-gains" or "times-value"
 *
 * Returns: whether @key names a unit of a statutory range
 */
gboolean
po_discretion_unit_from_key (const char       *key,
                             PoDiscretionUnit *unit)
{
  for (guint i = 0; unit_values[i].value_nick != NULL; i++)
    if (unit_values[i].value != PO_DISCRETION_UNIT_INHERIT &&
        g_strcmp0 (unit_values[i].value_nick, key) == 0)
      {
        *unit = unit_values[i].value;
        return TRUE;
      }
  return FALSE;
}

/* Amounts ---------------------------------------------------------------- */

/* Whether @amount has at most two decimals, up to rounding of the double. */
static gboolean
is_hundredths (double amount)
{
  double v = amount * 100.0;

  return fabs (v - round (v)) <= MAX (1e-6, 4 * DBL_EPSILON * fabs (v));
}

/**
 * po_discretion_parse_amount:
 * @text: what the user typed: digits with at most two decimals, such as
 *   `1500` or `1500.50`
 * @what: what the amount is, for the message (e.g. "FINE_YUAN")
 * @amount: (out): the amount
 *
 * Parses an amount as the command line and the editor take it: no sign,
 * no exponent, no thousands separators, at most two decimals, at most
 * %PO_DISCRETION_MAX_AMOUNT.
 *
 * Returns: whether @text is such an amount; otherwise @error says why
 */
gboolean
po_discretion_parse_amount (const char  *text,
                            const char  *what,
                            double      *amount,
                            GError     **error)
{
  const char *p = text;
  guint digits = 0, decimals = 0;
  gboolean point = FALSE;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (amount != NULL, FALSE);

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '-')
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s cannot be negative, and “%s” is"), what, text);
      return FALSE;
    }
  for (; *p != '\0' && !g_ascii_isspace (*p); p++)
    {
      if (g_ascii_isdigit (*p))
        {
          digits++;
          decimals += point ? 1 : 0;
        }
      else if (*p == '.' && !point)
        point = TRUE;
      else
        break;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' || digits == 0 || decimals > 2 || (point && decimals == 0))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s must be an amount such as 1500 or 1500.50 (digits, at most two decimals), not “%s”"),
                   what, text);
      return FALSE;
    }
  value = g_ascii_strtod (text, NULL);
  if (value > PO_DISCRETION_MAX_AMOUNT)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s is larger than any fine this program handles (at most 1000000000000), not “%s”"),
                   what, text);
      return FALSE;
    }
  *amount = value;
  return TRUE;
}

/**
 * po_discretion_format_amount:
 *
 * Returns: (transfer full): @amount with at most two decimals and no
 *   trailing zeros, the same in every locale ("1500", "2.5"); "null"
 *   when unset, as JSON writes it
 */
char *
po_discretion_format_amount (double amount)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;
  gsize len;

  if (isnan (amount))
    return g_strdup ("null");
  g_ascii_formatd (buf, sizeof buf, "%.2f", round (amount * 100.0) / 100.0);
  dot = strchr (buf, '.');
  if (dot != NULL)
    {
      len = strlen (buf);
      while (len > 0 && buf[len - 1] == '0')
        buf[--len] = '\0';
      if (len > 0 && buf[len - 1] == '.')
        buf[--len] = '\0';
    }
  if (g_str_equal (buf, "-0"))
    return g_strdup ("0");
  return g_strdup (buf);
}

/**
 * po_discretion_format_with_unit:
 *
 * Returns: (transfer full): "1500 yuan", "2.5 times the illegal gains"…
 */
char *
po_discretion_format_with_unit (double           amount,
                                PoDiscretionUnit unit)
{
  g_autofree char *a = po_discretion_format_amount (amount);

  switch (unit)
    {
    case PO_DISCRETION_UNIT_TIMES_GAINS:
      return g_strdup_printf (_("%s times the illegal gains"), a);
    case PO_DISCRETION_UNIT_TIMES_VALUE:
      return g_strdup_printf (_("%s times the value involved"), a);
    case PO_DISCRETION_UNIT_INHERIT:
    case PO_DISCRETION_UNIT_YUAN:
    default:
      return g_strdup_printf (_("%s yuan"), a);
    }
}

/**
 * po_discretion_format_range:
 *
 * Returns: (transfer full): "1000–3000 yuan", "up to 5000 yuan" for a
 *   maximum-only range, or "no fine" when neither bound is set
 */
char *
po_discretion_format_range (double           min,
                            double           max,
                            PoDiscretionUnit unit)
{
  g_autofree char *a = po_discretion_format_amount (min);
  g_autofree char *b = po_discretion_format_amount (max);

  if (isnan (min) && isnan (max))
    return g_strdup (_("no fine"));
  if (isnan (min))
    {
      switch (unit)
        {
        case PO_DISCRETION_UNIT_TIMES_GAINS:
          return g_strdup_printf (_("up to %s times the illegal gains"), b);
        case PO_DISCRETION_UNIT_TIMES_VALUE:
          return g_strdup_printf (_("up to %s times the value involved"), b);
        default:
          return g_strdup_printf (_("up to %s yuan"), b);
        }
    }
  if (isnan (max))
    {
      switch (unit)
        {
        case PO_DISCRETION_UNIT_TIMES_GAINS:
          return g_strdup_printf (_("from %s times the illegal gains, with no maximum"), a);
        case PO_DISCRETION_UNIT_TIMES_VALUE:
          return g_strdup_printf (_("from %s times the value involved, with no maximum"), a);
        default:
          return g_strdup_printf (_("from %s yuan, with no maximum"), a);
        }
    }
  switch (unit)
    {
    case PO_DISCRETION_UNIT_TIMES_GAINS:
      return g_strdup_printf (_("%s–%s times the illegal gains"), a, b);
    case PO_DISCRETION_UNIT_TIMES_VALUE:
      return g_strdup_printf (_("%s–%s times the value involved"), a, b);
    default:
      return g_strdup_printf (_("%s–%s yuan"), a, b);
    }
}

/* PoBenchmarkTier -------------------------------------------------------- */

struct _PoBenchmarkTier
{
  GObject           parent_instance;

  char             *name;
  char             *circumstances;
  double            fine_min;
  double            fine_max;
  char             *other_sanctions;
  PoDiscretionUnit  unit;
  PoBenchmark      *owner;   /* not a reference: the benchmark holds us */
};

G_DEFINE_FINAL_TYPE (PoBenchmarkTier, po_benchmark_tier, G_TYPE_OBJECT)

enum {
  TIER_PROP_0,
  TIER_PROP_NAME,
  TIER_PROP_CIRCUMSTANCES,
  TIER_PROP_FINE_MIN,
  TIER_PROP_FINE_MAX,
  TIER_PROP_OTHER_SANCTIONS,
  TIER_PROP_UNIT,
  TIER_N_PROPS
};

static GParamSpec *tier_properties[TIER_N_PROPS];

static void
po_benchmark_tier_finalize (GObject *object)
{
  PoBenchmarkTier *self = (PoBenchmarkTier *) object;

  g_free (self->name);
  g_free (self->circumstances);
  g_free (self->other_sanctions);

  G_OBJECT_CLASS (po_benchmark_tier_parent_class)->finalize (object);
}

static void
po_benchmark_tier_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PoBenchmarkTier *self = PO_BENCHMARK_TIER (object);

  switch (prop_id)
    {
    case TIER_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case TIER_PROP_CIRCUMSTANCES:
      g_value_set_string (value, self->circumstances);
      break;
    case TIER_PROP_FINE_MIN:
      g_value_set_double (value, self->fine_min);
      break;
    case TIER_PROP_FINE_MAX:
      g_value_set_double (value, self->fine_max);
      break;
    case TIER_PROP_OTHER_SANCTIONS:
      g_value_set_string (value, self->other_sanctions);
      break;
    case TIER_PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_benchmark_tier_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PoBenchmarkTier *self = PO_BENCHMARK_TIER (object);

  switch (prop_id)
    {
    case TIER_PROP_NAME:
      po_benchmark_tier_set_name (self, g_value_get_string (value));
      break;
    case TIER_PROP_CIRCUMSTANCES:
      po_benchmark_tier_set_circumstances (self, g_value_get_string (value));
      break;
    case TIER_PROP_OTHER_SANCTIONS:
      po_benchmark_tier_set_other_sanctions (self, g_value_get_string (value));
      break;
    case TIER_PROP_UNIT:
      po_benchmark_tier_set_unit (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
amount_param (const char *name,
              const char *nick,
              const char *blurb)
{
  /* Read-only: GParamSpecDouble refuses NAN, which means "not set", so
   * amounts are written with the C setters; the property is there to be
   * read, bound and notified. New objects start unset, whatever the
   * declared default. */
  return g_param_spec_double (name, nick, blurb, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
string_param (const char *name,
              const char *nick,
              const char *blurb)
{
  return g_param_spec_string (name, nick, blurb, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
po_benchmark_tier_class_init (PoBenchmarkTierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = po_benchmark_tier_finalize;
  object_class->get_property = po_benchmark_tier_get_property;
  object_class->set_property = po_benchmark_tier_set_property;

  tier_properties[TIER_PROP_NAME] =
    string_param ("name", NULL, "The tier's name, e.g. 从轻");
  tier_properties[TIER_PROP_CIRCUMSTANCES] =
    string_param ("circumstances", NULL, "When the tier applies (情形)");
  tier_properties[TIER_PROP_FINE_MIN] =
    amount_param ("fine-min", NULL, "The lowest fine, in the benchmark's unit; NAN when there is no fine (set it with po_benchmark_tier_set_fine_min())");
  tier_properties[TIER_PROP_FINE_MAX] =
    amount_param ("fine-max", NULL, "The highest fine, in the benchmark's unit; NAN when there is no fine");
  tier_properties[TIER_PROP_OTHER_SANCTIONS] =
    string_param ("other-sanctions", NULL, "Sanctions besides the fine");
  tier_properties[TIER_PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, "The unit the tier states, when it states one",
                       PO_TYPE_DISCRETION_UNIT, PO_DISCRETION_UNIT_INHERIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, TIER_N_PROPS, tier_properties);
}

static void
po_benchmark_tier_init (PoBenchmarkTier *self)
{
  self->name = g_strdup ("");
  self->circumstances = g_strdup ("");
  self->other_sanctions = g_strdup ("");
  self->fine_min = PO_DISCRETION_UNSET;
  self->fine_max = PO_DISCRETION_UNSET;
  self->unit = PO_DISCRETION_UNIT_INHERIT;
}

/**
 * po_benchmark_tier_new:
 * @name: (nullable): the tier's name
 * @circumstances: (nullable): when it applies
 * @fine_min: the lowest fine, or %PO_DISCRETION_UNSET
 * @fine_max: the highest fine, or %PO_DISCRETION_UNSET
 *
 * Returns: (transfer full): a new tier
 */
PoBenchmarkTier *
po_benchmark_tier_new (const char *name,
                       const char *circumstances,
                       double      fine_min,
                       double      fine_max)
{
  PoBenchmarkTier *self = g_object_new (PO_TYPE_BENCHMARK_TIER, NULL);

  replace_string (&self->name, name);
  replace_string (&self->circumstances, circumstances);
  self->fine_min = fine_min;
  self->fine_max = fine_max;
  return self;
}

/**
 * po_benchmark_tier_copy:
 *
 * Returns: (transfer full): a copy that belongs to no benchmark
 */
PoBenchmarkTier *
po_benchmark_tier_copy (PoBenchmarkTier *self)
{
  PoBenchmarkTier *copy;

  g_return_val_if_fail (PO_IS_BENCHMARK_TIER (self), NULL);

  copy = po_benchmark_tier_new (self->name, self->circumstances, self->fine_min, self->fine_max);
  replace_string (&copy->other_sanctions, self->other_sanctions);
  copy->unit = self->unit;
  return copy;
}

#define TIER_STRING_ACCESSORS(field, prop)                                   \
  const char *                                                               \
  po_benchmark_tier_get_##field (PoBenchmarkTier *self)                      \
  {                                                                          \
    g_return_val_if_fail (PO_IS_BENCHMARK_TIER (self), NULL);                \
    return self->field;                                                      \
  }                                                                          \
  void                                                                       \
  po_benchmark_tier_set_##field (PoBenchmarkTier *self,                      \
                                 const char      *value)                     \
  {                                                                          \
    g_return_if_fail (PO_IS_BENCHMARK_TIER (self));                          \
    if (replace_string (&self->field, value))                                \
      g_object_notify_by_pspec (G_OBJECT (self), tier_properties[prop]);     \
  }

TIER_STRING_ACCESSORS (name, TIER_PROP_NAME)
TIER_STRING_ACCESSORS (circumstances, TIER_PROP_CIRCUMSTANCES)
TIER_STRING_ACCESSORS (other_sanctions, TIER_PROP_OTHER_SANCTIONS)

#define TIER_AMOUNT_ACCESSORS(field, prop)                                   \
  double                                                                     \
  po_benchmark_tier_get_##field (PoBenchmarkTier *self)                      \
  {                                                                          \
    g_return_val_if_fail (PO_IS_BENCHMARK_TIER (self), PO_DISCRETION_UNSET); \
    return self->field;                                                      \
  }                                                                          \
  void                                                                       \
  po_benchmark_tier_set_##field (PoBenchmarkTier *self,                      \
                                 double           value)                     \
  {                                                                          \
    g_return_if_fail (PO_IS_BENCHMARK_TIER (self));                          \
    if (amount_changed (self->field, value))                                 \
      {                                                                      \
        self->field = value;                                                 \
        g_object_notify_by_pspec (G_OBJECT (self), tier_properties[prop]);   \
      }                                                                      \
  }

TIER_AMOUNT_ACCESSORS (fine_min, TIER_PROP_FINE_MIN)
TIER_AMOUNT_ACCESSORS (fine_max, TIER_PROP_FINE_MAX)

/**
 * po_benchmark_tier_has_fine:
 *
 * Returns: whether the tier sets a fine (both bounds set)
 */
gboolean
po_benchmark_tier_has_fine (PoBenchmarkTier *self)
{
  g_return_val_if_fail (PO_IS_BENCHMARK_TIER (self), FALSE);

  return !isnan (self->fine_min) && !isnan (self->fine_max);
}

PoDiscretionUnit
po_benchmark_tier_get_unit (PoBenchmarkTier *self)
{
  g_return_val_if_fail (PO_IS_BENCHMARK_TIER (self), PO_DISCRETION_UNIT_INHERIT);

  return self->unit;
}

/**
 * po_benchmark_tier_set_unit:
 * @unit: the unit the tier states, or %PO_DISCRETION_UNIT_INHERIT
 *
 * The database keeps no unit per tier: a stated unit is only checked
 * against the benchmark's ("units" rule).
 */
void
po_benchmark_tier_set_unit (PoBenchmarkTier  *self,
                            PoDiscretionUnit  unit)
{
  g_return_if_fail (PO_IS_BENCHMARK_TIER (self));

  if (self->unit != unit)
    {
      self->unit = unit;
      g_object_notify_by_pspec (G_OBJECT (self), tier_properties[TIER_PROP_UNIT]);
    }
}

/* PoBenchmark ------------------------------------------------------------ */

struct _PoBenchmark
{
  GObject           parent_instance;

  gint64            id;
  char             *violation;
  char             *defining_provision;
  char             *penalty_provision;
  PoDiscretionUnit  unit;
  double            range_min;
  double            range_max;
  char             *other_sanctions;
  char             *factors[PO_DISCRETION_N_FACTORS];
  GPtrArray        *tiers;   /* PoBenchmarkTier, least severe first */
};

static void po_benchmark_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PoBenchmark, po_benchmark, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, po_benchmark_list_model_init))

enum {
  PROP_0,
  PROP_ID,
  PROP_VIOLATION,
  PROP_DEFINING_PROVISION,
  PROP_PENALTY_PROVISION,
  PROP_UNIT,
  PROP_RANGE_MIN,
  PROP_RANGE_MAX,
  PROP_OTHER_SANCTIONS,
  PROP_FACTOR_PURPOSE,
  PROP_FACTOR_REGIONAL,
  PROP_FACTOR_FACTS,
  PROP_FACTOR_OTHER,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GType
po_benchmark_get_item_type (GListModel *model)
{
  return PO_TYPE_BENCHMARK_TIER;
}

static guint
po_benchmark_get_n_items (GListModel *model)
{
  return PO_BENCHMARK (model)->tiers->len;
}

static gpointer
po_benchmark_get_item (GListModel *model,
                       guint       position)
{
  PoBenchmark *self = PO_BENCHMARK (model);

  if (position >= self->tiers->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->tiers, position));
}

static void
po_benchmark_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = po_benchmark_get_item_type;
  iface->get_n_items = po_benchmark_get_n_items;
  iface->get_item = po_benchmark_get_item;
}

static void
on_tier_notify_cb (PoBenchmark *self,
                   GParamSpec  *pspec,
                   gpointer     tier)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
adopt_tier (PoBenchmark     *self,
            PoBenchmarkTier *tier)
{
  tier->owner = self;
  g_signal_connect_object (tier, "notify", G_CALLBACK (on_tier_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
release_tier (gpointer data)
{
  PoBenchmarkTier *tier = data;

  if (tier->owner != NULL)
    g_signal_handlers_disconnect_by_data (tier, tier->owner);
  tier->owner = NULL;
  g_object_unref (tier);
}

static void
po_benchmark_dispose (GObject *object)
{
  PoBenchmark *self = (PoBenchmark *) object;

  if (self->tiers != NULL)
    g_ptr_array_set_size (self->tiers, 0);

  G_OBJECT_CLASS (po_benchmark_parent_class)->dispose (object);
}

static void
po_benchmark_finalize (GObject *object)
{
  PoBenchmark *self = (PoBenchmark *) object;

  g_clear_pointer (&self->tiers, g_ptr_array_unref);
  g_free (self->violation);
  g_free (self->defining_provision);
  g_free (self->penalty_provision);
  g_free (self->other_sanctions);
  for (guint i = 0; i < PO_DISCRETION_N_FACTORS; i++)
    g_free (self->factors[i]);

  G_OBJECT_CLASS (po_benchmark_parent_class)->finalize (object);
}

/* Every property change but the id (given by a save) is a change of the
 * benchmark's content. */
static void
po_benchmark_notify (GObject    *object,
                     GParamSpec *pspec)
{
  if (G_OBJECT_CLASS (po_benchmark_parent_class)->notify != NULL)
    G_OBJECT_CLASS (po_benchmark_parent_class)->notify (object, pspec);
  if (pspec != properties[PROP_ID])
    g_signal_emit (object, signals[SIGNAL_CHANGED], 0);
}

static void
po_benchmark_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PoBenchmark *self = PO_BENCHMARK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_VIOLATION:
      g_value_set_string (value, self->violation);
      break;
    case PROP_DEFINING_PROVISION:
      g_value_set_string (value, self->defining_provision);
      break;
    case PROP_PENALTY_PROVISION:
      g_value_set_string (value, self->penalty_provision);
      break;
    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    case PROP_RANGE_MIN:
      g_value_set_double (value, self->range_min);
      break;
    case PROP_RANGE_MAX:
      g_value_set_double (value, self->range_max);
      break;
    case PROP_OTHER_SANCTIONS:
      g_value_set_string (value, self->other_sanctions);
      break;
    case PROP_FACTOR_PURPOSE:
    case PROP_FACTOR_REGIONAL:
    case PROP_FACTOR_FACTS:
    case PROP_FACTOR_OTHER:
      g_value_set_string (value, self->factors[prop_id - PROP_FACTOR_PURPOSE]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_benchmark_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PoBenchmark *self = PO_BENCHMARK (object);

  switch (prop_id)
    {
    case PROP_VIOLATION:
      po_benchmark_set_violation (self, g_value_get_string (value));
      break;
    case PROP_DEFINING_PROVISION:
      po_benchmark_set_defining_provision (self, g_value_get_string (value));
      break;
    case PROP_PENALTY_PROVISION:
      po_benchmark_set_penalty_provision (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      po_benchmark_set_unit (self, g_value_get_enum (value));
      break;
    case PROP_OTHER_SANCTIONS:
      po_benchmark_set_other_sanctions (self, g_value_get_string (value));
      break;
    case PROP_FACTOR_PURPOSE:
    case PROP_FACTOR_REGIONAL:
    case PROP_FACTOR_FACTS:
    case PROP_FACTOR_OTHER:
      po_benchmark_set_factor (self, prop_id - PROP_FACTOR_PURPOSE, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_benchmark_class_init (PoBenchmarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = po_benchmark_dispose;
  object_class->finalize = po_benchmark_finalize;
  object_class->get_property = po_benchmark_get_property;
  object_class->set_property = po_benchmark_set_property;
  object_class->notify = po_benchmark_notify;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "The database row; 0 until stored",
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIOLATION] =
    string_param ("violation", NULL, "The violation punished (违法行为)");
  properties[PROP_DEFINING_PROVISION] =
    string_param ("defining-provision", NULL, "The provision that defines the violation");
  properties[PROP_PENALTY_PROVISION] =
    string_param ("penalty-provision", NULL, "The provision that punishes it");
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, "The unit of the statutory range and its tiers",
                       PO_TYPE_DISCRETION_UNIT, PO_DISCRETION_UNIT_YUAN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANGE_MIN] =
    amount_param ("range-min", NULL, "The statutory minimum; NAN for a maximum-only fine or none");
  properties[PROP_RANGE_MAX] =
    amount_param ("range-max", NULL, "The statutory maximum; NAN when the provision sets no fine");
  properties[PROP_OTHER_SANCTIONS] =
    string_param ("other-sanctions", NULL, "Other statutory sanctions: warning, confiscation, suspension…");
  properties[PROP_FACTOR_PURPOSE] =
    string_param ("factor-purpose", NULL, "规定 九(四)(1): legislative purpose and principles");
  properties[PROP_FACTOR_REGIONAL] =
    string_param ("factor-regional", NULL, "规定 九(四)(2): regional differences");
  properties[PROP_FACTOR_FACTS] =
    string_param ("factor-facts", NULL, "规定 九(四)(3): facts, nature, circumstances, social impact");
  properties[PROP_FACTOR_OTHER] =
    string_param ("factor-other", NULL, "规定 九(四)(4): other factors");

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PoBenchmark::changed:
   *
   * Emitted after any change of content: a property of the benchmark
   * (not its id) or of one of its tiers, or tiers added, removed or
   * moved. An editor re-validates and redraws here.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
po_benchmark_init (PoBenchmark *self)
{
  self->violation = g_strdup ("");
  self->defining_provision = g_strdup ("");
  self->penalty_provision = g_strdup ("");
  self->other_sanctions = g_strdup ("");
  for (guint i = 0; i < PO_DISCRETION_N_FACTORS; i++)
    self->factors[i] = g_strdup ("");
  self->unit = PO_DISCRETION_UNIT_YUAN;
  self->range_min = PO_DISCRETION_UNSET;
  self->range_max = PO_DISCRETION_UNSET;
  self->tiers = g_ptr_array_new_with_free_func (release_tier);
}

/**
 * po_benchmark_new:
 *
 * Returns: (transfer full): an empty benchmark in yuan with no range
 */
PoBenchmark *
po_benchmark_new (void)
{
  return g_object_new (PO_TYPE_BENCHMARK, NULL);
}

/**
 * po_benchmark_copy:
 *
 * A deep copy, tiers included, keeping the id: an editor edits a copy and
 * a reviewer compares it with what is stored.
 *
 * Returns: (transfer full): the copy
 */
PoBenchmark *
po_benchmark_copy (PoBenchmark *self)
{
  PoBenchmark *copy;

  g_return_val_if_fail (PO_IS_BENCHMARK (self), NULL);

  copy = po_benchmark_new ();
  copy->id = self->id;
  replace_string (&copy->violation, self->violation);
  replace_string (&copy->defining_provision, self->defining_provision);
  replace_string (&copy->penalty_provision, self->penalty_provision);
  replace_string (&copy->other_sanctions, self->other_sanctions);
  for (guint i = 0; i < PO_DISCRETION_N_FACTORS; i++)
    replace_string (&copy->factors[i], self->factors[i]);
  copy->unit = self->unit;
  copy->range_min = self->range_min;
  copy->range_max = self->range_max;
  for (guint i = 0; i < self->tiers->len; i++)
    {
      PoBenchmarkTier *tier = po_benchmark_tier_copy (g_ptr_array_index (self->tiers, i));

      adopt_tier (copy, tier);
      g_ptr_array_add (copy->tiers, tier);
    }
  return copy;
}

/**
 * po_benchmark_get_id:
 *
 * Returns: the benchmark's row in the database, 0 until it is stored
 */
gint64
po_benchmark_get_id (PoBenchmark *self)
{
  g_return_val_if_fail (PO_IS_BENCHMARK (self), 0);

  return self->id;
}

static void
set_id (PoBenchmark *self,
        gint64       id)
{
  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

#define BENCHMARK_STRING_ACCESSORS(field, setter_arg, prop)                  \
  const char *                                                               \
  po_benchmark_get_##field (PoBenchmark *self)                               \
  {                                                                          \
    g_return_val_if_fail (PO_IS_BENCHMARK (self), NULL);                     \
    return self->field;                                                      \
  }                                                                          \
  void                                                                       \
  po_benchmark_set_##field (PoBenchmark *self,                               \
                            const char  *setter_arg)                         \
  {                                                                          \
    g_return_if_fail (PO_IS_BENCHMARK (self));                               \
    if (replace_string (&self->field, setter_arg))                           \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);          \
  }

BENCHMARK_STRING_ACCESSORS (violation, violation, PROP_VIOLATION)
BENCHMARK_STRING_ACCESSORS (defining_provision, provision, PROP_DEFINING_PROVISION)
BENCHMARK_STRING_ACCESSORS (penalty_provision, provision, PROP_PENALTY_PROVISION)
BENCHMARK_STRING_ACCESSORS (other_sanctions, other_sanctions, PROP_OTHER_SANCTIONS)

PoDiscretionUnit
po_benchmark_get_unit (PoBenchmark *self)
{
  g_return_val_if_fail (PO_IS_BENCHMARK (self), PO_DISCRETION_UNIT_YUAN);

  return self->unit;
}

/**
 * po_benchmark_set_unit:
 * @unit: a unit other than %PO_DISCRETION_UNIT_INHERIT
 */
void
po_benchmark_set_unit (PoBenchmark      *self,
                       PoDiscretionUnit  unit)
{
  g_return_if_fail (PO_IS_BENCHMARK (self));
  g_return_if_fail (unit >= PO_DISCRETION_UNIT_YUAN && unit <= PO_DISCRETION_UNIT_TIMES_VALUE);

  if (self->unit != unit)
    {
      self->unit = unit;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
    }
}

double
po_benchmark_get_range_min (PoBenchmark *self)
{
  g_return_val_if_fail (PO_IS_BENCHMARK (self), PO_DISCRETION_UNSET);

  return self->range_min;
}

double
po_benchmark_get_range_max (PoBenchmark *self)
{
  g_return_val_if_fail (PO_IS_BENCHMARK (self), PO_DISCRETION_UNSET);

  return self->range_max;
}

/**
 * po_benchmark_set_range_min:
 * @range_min: the statutory minimum, or %PO_DISCRETION_UNSET for a
 *   maximum-only fine (or no fine)
 */
void
po_benchmark_set_range_min (PoBenchmark *self,
                            double       range_min)
{
  g_return_if_fail (PO_IS_BENCHMARK (self));

  if (amount_changed (self->range_min, range_min))
    {
      self->range_min = range_min;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE_MIN]);
    }
}

/**
 * po_benchmark_set_range_max:
 * @range_max: the statutory maximum, or %PO_DISCRETION_UNSET when the
 *   provision sets no fine
 */
void
po_benchmark_set_range_max (PoBenchmark *self,
                            double       range_max)
{
  g_return_if_fail (PO_IS_BENCHMARK (self));

  if (amount_changed (self->range_max, range_max))
    {
      self->range_max = range_max;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE_MAX]);
    }
}

void
po_benchmark_set_range (PoBenchmark *self,
                        double       range_min,
                        double       range_max)
{
  g_return_if_fail (PO_IS_BENCHMARK (self));

  g_object_freeze_notify (G_OBJECT (self));
  po_benchmark_set_range_min (self, range_min);
  po_benchmark_set_range_max (self, range_max);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * po_benchmark_has_fine:
 *
 * Returns: whether the statute sets a fine: a maximum is set
 */
gboolean
po_benchmark_has_fine (PoBenchmark *self)
{
  g_return_val_if_fail (PO_IS_BENCHMARK (self), FALSE);

  return !isnan (self->range_max);
}

/**
 * po_benchmark_is_maximum_only:
 *
 * Returns: whether the fine is maximum-only (处…以下罚款): a maximum above
 *   zero and a minimum that is unset or 0
 */
gboolean
po_benchmark_is_maximum_only (PoBenchmark *self)
{
  g_return_val_if_fail (PO_IS_BENCHMARK (self), FALSE);

  return !isnan (self->range_max) && self->range_max > 0 &&
         (isnan (self->range_min) || self->range_min == 0);
}

const char *
po_benchmark_get_factor (PoBenchmark        *self,
                         PoDiscretionFactor  factor)
{
  g_return_val_if_fail (PO_IS_BENCHMARK (self), NULL);
  g_return_val_if_fail (factor < PO_DISCRETION_N_FACTORS, NULL);

  return self->factors[factor];
}

void
po_benchmark_set_factor (PoBenchmark        *self,
                         PoDiscretionFactor  factor,
                         const char         *note)
{
  g_return_if_fail (PO_IS_BENCHMARK (self));
  g_return_if_fail (factor < PO_DISCRETION_N_FACTORS);

  if (replace_string (&self->factors[factor], note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACTOR_PURPOSE + factor]);
}

/**
 * po_discretion_factor_label:
 *
 * Returns: the translated name of a kind of factor of 规定 九(四)
 */
const char *
po_discretion_factor_label (PoDiscretionFactor factor)
{
  switch (factor)
    {
    case PO_DISCRETION_FACTOR_PURPOSE:
      return _("Legislative purpose and legal principles");
    case PO_DISCRETION_FACTOR_REGIONAL:
      return _("Regional economic, social and cultural differences");
    case PO_DISCRETION_FACTOR_FACTS:
      return _("Facts, nature, circumstances and social impact");
    case PO_DISCRETION_FACTOR_OTHER:
      return _("Other factors affecting reasonable discretion");
    case PO_DISCRETION_N_FACTORS:
    default:
      g_return_val_if_reached ("");
    }
}

guint
po_benchmark_get_n_tiers (PoBenchmark *self)
{
  g_return_val_if_fail (PO_IS_BENCHMARK (self), 0);

  return self->tiers->len;
}

/**
 * po_benchmark_get_tier:
 * @position: 0 for the least severe tier
 *
 * Returns: (transfer none): the tier
 */
PoBenchmarkTier *
po_benchmark_get_tier (PoBenchmark *self,
                       guint        position)
{
  g_return_val_if_fail (PO_IS_BENCHMARK (self), NULL);
  g_return_val_if_fail (position < self->tiers->len, NULL);

  return g_ptr_array_index (self->tiers, position);
}

/**
 * po_benchmark_insert_tier:
 * @position: where, or -1 to append
 * @tier: (transfer none): a tier that belongs to no benchmark yet
 */
void
po_benchmark_insert_tier (PoBenchmark     *self,
                          int              position,
                          PoBenchmarkTier *tier)
{
  g_return_if_fail (PO_IS_BENCHMARK (self));
  g_return_if_fail (PO_IS_BENCHMARK_TIER (tier));
  g_return_if_fail (tier->owner == NULL);

  if (position < 0 || (guint) position > self->tiers->len)
    position = self->tiers->len;
  adopt_tier (self, tier);
  g_ptr_array_insert (self->tiers, position, g_object_ref (tier));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
po_benchmark_append_tier (PoBenchmark     *self,
                          PoBenchmarkTier *tier)
{
  po_benchmark_insert_tier (self, -1, tier);
}

void
po_benchmark_remove_tier (PoBenchmark *self,
                          guint        position)
{
  g_return_if_fail (PO_IS_BENCHMARK (self));
  g_return_if_fail (position < self->tiers->len);

  g_ptr_array_remove_index (self->tiers, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * po_benchmark_move_tier:
 * @from: the tier's position
 * @to: its new position
 *
 * Reorders the tiers: the tier at @from ends up at @to.
 */
void
po_benchmark_move_tier (PoBenchmark *self,
                        guint        from,
                        guint        to)
{
  gpointer tier;

  g_return_if_fail (PO_IS_BENCHMARK (self));
  g_return_if_fail (from < self->tiers->len && to < self->tiers->len);

  if (from == to)
    return;
  tier = g_ptr_array_steal_index (self->tiers, from);
  g_ptr_array_insert (self->tiers, to, tier);
  g_list_model_items_changed (G_LIST_MODEL (self), MIN (from, to),
                              MAX (from, to) - MIN (from, to) + 1,
                              MAX (from, to) - MIN (from, to) + 1);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * po_benchmark_set_tiers:
 * @tiers: (element-type PoBenchmarkTier) (transfer none): the new tiers,
 *   e.g. from po_discretion_propose_tiers(); each belongs to no benchmark
 *   or already to this one (to reorder them all at once)
 *
 * Replaces all tiers at once, with one items-changed.
 */
void
po_benchmark_set_tiers (PoBenchmark *self,
                        GPtrArray   *tiers)
{
  g_autoptr(GPtrArray) fresh = NULL;
  guint removed;

  g_return_if_fail (PO_IS_BENCHMARK (self));
  g_return_if_fail (tiers != NULL);

  for (guint i = 0; i < tiers->len; i++)
    {
      PoBenchmarkTier *tier = g_ptr_array_index (tiers, i);

      g_return_if_fail (PO_IS_BENCHMARK_TIER (tier));
      g_return_if_fail (tier->owner == NULL || tier->owner == self);
    }

  /* Our own tiers may be among them, held only by us: keep them alive
   * while the old list is released. */
  fresh = g_ptr_array_new_full (tiers->len, g_object_unref);
  for (guint i = 0; i < tiers->len; i++)
    g_ptr_array_add (fresh, g_object_ref (g_ptr_array_index (tiers, i)));

  removed = self->tiers->len;
  g_ptr_array_set_size (self->tiers, 0);
  for (guint i = 0; i < fresh->len; i++)
    {
      PoBenchmarkTier *tier = g_ptr_array_index (fresh, i);

      adopt_tier (self, tier);
      g_ptr_array_add (self->tiers, g_object_ref (tier));
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->tiers->len);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * po_benchmark_find_tier:
 * @name: a tier's name, compared after trimming white space
 *
 * Returns: the position of the first tier of that name, or -1
 */
int
po_benchmark_find_tier (PoBenchmark *self,
                        const char  *name)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (PO_IS_BENCHMARK (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  wanted = g_strstrip (g_strdup (name));
  for (guint i = 0; i < self->tiers->len; i++)
    {
      PoBenchmarkTier *tier = g_ptr_array_index (self->tiers, i);
      g_autofree char *have = g_strstrip (g_strdup (tier->name));

      if (g_str_equal (have, wanted))
        return (int) i;
    }
  return -1;
}

/* Storage ---------------------------------------------------------------- */

static gboolean
find_item (PoDatabase  *db,
           const char  *code,
           gint64      *id,
           char       **status,
           GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db, "SELECT id, status FROM power_items WHERE code = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      if (status != NULL)
        *status = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("look up the power item"));
  g_set_error (error, PO_ERROR, PO_ERROR_NOT_FOUND, _("There is no power item with the code “%s”"), code);
  return FALSE;
}

/* Benchmarks change freely while the item is a draft; afterwards only an
 * approved legality review changes them (规定 九(四), 九(五)). */
static gboolean
check_draft (const char  *code,
             const char  *status,
             GError     **error)
{
  guint n;
  const PoEnumEntry *statuses = po_item_statuses (&n);

  if (g_str_equal (status, "draft"))
    return TRUE;
  if (g_str_equal (status, "abolished"))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("Item “%s” is abolished; its discretion benchmarks can no longer be changed"), code);
      return FALSE;
    }
  g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
               _("Item “%s” is not a draft (its status is “%s”): an adjustment of its discretion benchmarks "
                 "must be filed for legality review as a discretion benchmark adjustment request"),
               code, po_enum_label (statuses, n, status));
  return FALSE;
}

static double
column_amount (sqlite3_stmt *stmt,
               int           col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? PO_DISCRETION_UNSET : sqlite3_column_double (stmt, col);
}

static void
bind_amount (sqlite3_stmt *stmt,
             int           col,
             double        amount)
{
  if (isnan (amount))
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_double (stmt, col, amount);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           col,
           const char   *text)
{
  sqlite3_bind_text (stmt, col, text ? text : "", -1, SQLITE_TRANSIENT);
}

static gboolean
load_tiers (PoDatabase   *db,
            PoBenchmark  *benchmark,
            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = po_database_prepare (db,
                              "SELECT name, circumstances, fine_min, fine_max, other_sanctions "
                              "FROM discretion_tiers WHERE benchmark_id = ?1 ORDER BY position",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, benchmark->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoBenchmarkTier *tier = po_benchmark_tier_new ((const char *) sqlite3_column_text (stmt, 0),
                                                     (const char *) sqlite3_column_text (stmt, 1),
                                                     column_amount (stmt, 2),
                                                     column_amount (stmt, 3));

      replace_string (&tier->other_sanctions, (const char *) sqlite3_column_text (stmt, 4));
      adopt_tier (benchmark, tier);
      g_ptr_array_add (benchmark->tiers, tier);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the discretion tiers"));
  return TRUE;
}

static GPtrArray *
load_for_item (PoDatabase  *db,
               gint64       item_id,
               GError     **error)
{
  g_autoptr(GPtrArray) benchmarks = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = po_database_prepare (db,
                              "SELECT id, violation, defining_provision, penalty_provision, unit, "
                              "       range_min, range_max, other_sanctions, factor_purpose, "
                              "       factor_regional, factor_facts, factor_other "
                              "FROM discretion_benchmarks WHERE item_id = ?1 ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoBenchmark *b = po_benchmark_new ();
      PoDiscretionUnit unit = PO_DISCRETION_UNIT_YUAN;

      b->id = sqlite3_column_int64 (stmt, 0);
      replace_string (&b->violation, (const char *) sqlite3_column_text (stmt, 1));
      replace_string (&b->defining_provision, (const char *) sqlite3_column_text (stmt, 2));
      replace_string (&b->penalty_provision, (const char *) sqlite3_column_text (stmt, 3));
      po_discretion_unit_from_key ((const char *) sqlite3_column_text (stmt, 4), &unit);
      b->unit = unit;
      b->range_min = column_amount (stmt, 5);
      b->range_max = column_amount (stmt, 6);
      replace_string (&b->other_sanctions, (const char *) sqlite3_column_text (stmt, 7));
      for (guint f = 0; f < PO_DISCRETION_N_FACTORS; f++)
        replace_string (&b->factors[f], (const char *) sqlite3_column_text (stmt, 8 + f));
      g_ptr_array_add (benchmarks, b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the discretion benchmarks")), NULL;

  for (guint i = 0; i < benchmarks->len; i++)
    if (!load_tiers (db, g_ptr_array_index (benchmarks, i), error))
      return NULL;
  return g_steal_pointer (&benchmarks);
}

/**
 * po_discretion_load:
 * @item_code: the power item's code
 *
 * Loads every benchmark of an item, each with its tiers, in the order
 * they were stored.
 *
 * Returns: (transfer full) (element-type PoBenchmark): the benchmarks,
 *   possibly none; %NULL with @error set (%PO_ERROR_NOT_FOUND for an
 *   unknown item)
 */
GPtrArray *
po_discretion_load (PoDatabase  *db,
                    const char  *item_code,
                    GError     **error)
{
  gint64 item_id;

  g_return_val_if_fail (PO_IS_DATABASE (db), NULL);
  g_return_val_if_fail (item_code != NULL, NULL);

  if (!find_item (db, item_code, &item_id, NULL, error))
    return NULL;
  return load_for_item (db, item_id, error);
}

/* The first finding that makes a benchmark unfit to store, as an error. */
static gboolean
check_storable (GPtrArray   *benchmarks,
                const char  *origin,
                GError     **error)
{
  for (guint i = 0; i < benchmarks->len; i++)
    {
      PoBenchmark *b = g_ptr_array_index (benchmarks, i);
      g_autoptr(GPtrArray) findings = po_discretion_validate (b, 0.0);

      for (guint j = 0; j < findings->len; j++)
        {
          PoDiscretionFinding *f = g_ptr_array_index (findings, j);

          if (!po_discretion_rule_blocks_saving (f->rule))
            continue;
          if (origin != NULL && f->tier >= 0)
            g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, "%s: benchmarks[%u].tiers[%d]: %s",
                         origin, i, f->tier, f->message);
          else if (origin != NULL)
            g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, "%s: benchmarks[%u]: %s",
                         origin, i, f->message);
          else if (benchmarks->len > 1)
            g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("Benchmark %u (“%s”): %s"),
                         i + 1, b->violation, f->message);
          else
            g_set_error_literal (error, PO_ERROR, PO_ERROR_INVALID_INPUT, f->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_benchmark (PoDatabase   *db,
                 gint64        item_id,
                 gint64        row,
                 PoBenchmark  *b,
                 gint64       *id_out,
                 GError      **error)
{
  sqlite3_stmt *stmt;

  if (row != 0)
    /* The WHERE clause leaves an unchanged row alone, so the audit log
     * records only real changes. */
    stmt = po_database_prepare (db,
                                "UPDATE discretion_benchmarks SET violation = ?2, defining_provision = ?3, "
                                "  penalty_provision = ?4, unit = ?5, range_min = ?6, range_max = ?7, "
                                "  other_sanctions = ?8, factor_purpose = ?9, factor_regional = ?10, "
                                "  factor_facts = ?11, factor_other = ?12 "
                                "WHERE id = ?1 AND (violation IS NOT ?2 OR defining_provision IS NOT ?3 "
                                "  OR penalty_provision IS NOT ?4 OR unit IS NOT ?5 OR range_min IS NOT ?6 "
                                "  OR range_max IS NOT ?7 OR other_sanctions IS NOT ?8 "
                                "  OR factor_purpose IS NOT ?9 OR factor_regional IS NOT ?10 "
                                "  OR factor_facts IS NOT ?11 OR factor_other IS NOT ?12)",
                                error);
  else
    stmt = po_database_prepare (db,
                                "INSERT INTO discretion_benchmarks (item_id, violation, defining_provision, "
                                "  penalty_provision, unit, range_min, range_max, other_sanctions, "
                                "  factor_purpose, factor_regional, factor_facts, factor_other) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row != 0 ? row : item_id);
  bind_text (stmt, 2, b->violation);
  bind_text (stmt, 3, b->defining_provision);
  bind_text (stmt, 4, b->penalty_provision);
  bind_text (stmt, 5, po_discretion_unit_key (b->unit));
  bind_amount (stmt, 6, b->range_min);
  bind_amount (stmt, 7, b->range_max);
  bind_text (stmt, 8, b->other_sanctions);
  for (guint f = 0; f < PO_DISCRETION_N_FACTORS; f++)
    bind_text (stmt, 9 + f, b->factors[f]);
  if (!po_database_step_done (db, stmt, error))
    return FALSE;
  *id_out = row != 0 ? row : sqlite3_last_insert_rowid (po_database_get_handle (db));

  for (guint p = 0; p < b->tiers->len; p++)
    {
      PoBenchmarkTier *tier = g_ptr_array_index (b->tiers, p);

      stmt = po_database_prepare (db,
                                  "INSERT INTO discretion_tiers (benchmark_id, position, name, circumstances, "
                                  "  fine_min, fine_max, other_sanctions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                  "ON CONFLICT (benchmark_id, position) DO UPDATE SET name = excluded.name, "
                                  "  circumstances = excluded.circumstances, fine_min = excluded.fine_min, "
                                  "  fine_max = excluded.fine_max, other_sanctions = excluded.other_sanctions "
                                  "WHERE name IS NOT excluded.name OR circumstances IS NOT excluded.circumstances "
                                  "  OR fine_min IS NOT excluded.fine_min OR fine_max IS NOT excluded.fine_max "
                                  "  OR other_sanctions IS NOT excluded.other_sanctions",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *id_out);
      sqlite3_bind_int (stmt, 2, (int) p);
      bind_text (stmt, 3, tier->name);
      bind_text (stmt, 4, tier->circumstances);
      bind_amount (stmt, 5, tier->fine_min);
      bind_amount (stmt, 6, tier->fine_max);
      bind_text (stmt, 7, tier->other_sanctions);
      if (!po_database_step_done (db, stmt, error))
        return FALSE;
    }

  stmt = po_database_prepare (db, "DELETE FROM discretion_tiers WHERE benchmark_id = ?1 AND position >= ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *id_out);
  sqlite3_bind_int (stmt, 2, (int) b->tiers->len);
  return po_database_step_done (db, stmt, error);
}

static gboolean
delete_benchmark (PoDatabase  *db,
                  gint64       row,
                  GError     **error)
{
  /* Tiers first and explicitly, rather than by the cascade, so the log
   * shows each deleted row. */
  sqlite3_stmt *stmt = po_database_prepare (db, "DELETE FROM discretion_tiers WHERE benchmark_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row);
  if (!po_database_step_done (db, stmt, error))
    return FALSE;
  stmt = po_database_prepare (db, "DELETE FROM discretion_benchmarks WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row);
  return po_database_step_done (db, stmt, error);
}

/* Pairs each benchmark with an existing row: its own id when that row is
 * still the item's, else the remaining rows in order; the rest are new. */
static gboolean
store (PoDatabase   *db,
       gint64        item_id,
       GPtrArray    *benchmarks,
       GArray       *ids_out,
       GError      **error)
{
  g_autoptr(GArray) existing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) rows = g_array_sized_new (FALSE, TRUE, sizeof (gint64), benchmarks->len);
  g_autofree gboolean *claimed = NULL;
  sqlite3_stmt *stmt;
  guint next = 0;
  int rc;

  stmt = po_database_prepare (db, "SELECT id FROM discretion_benchmarks WHERE item_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (existing, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the discretion benchmarks"));

  claimed = g_new0 (gboolean, existing->len + 1);
  g_array_set_size (rows, benchmarks->len);
  for (guint i = 0; i < benchmarks->len; i++)
    {
      PoBenchmark *b = g_ptr_array_index (benchmarks, i);

      for (guint e = 0; e < existing->len; e++)
        if (!claimed[e] && g_array_index (existing, gint64, e) == b->id)
          {
            claimed[e] = TRUE;
            g_array_index (rows, gint64, i) = b->id;
            break;
          }
    }
  for (guint i = 0; i < benchmarks->len; i++)
    {
      if (g_array_index (rows, gint64, i) != 0)
        continue;
      while (next < existing->len && claimed[next])
        next++;
      if (next < existing->len)
        {
          claimed[next] = TRUE;
          g_array_index (rows, gint64, i) = g_array_index (existing, gint64, next);
        }
    }

  for (guint e = 0; e < existing->len; e++)
    if (!claimed[e] && !delete_benchmark (db, g_array_index (existing, gint64, e), error))
      return FALSE;

  for (guint i = 0; i < benchmarks->len; i++)
    {
      gint64 id = 0;

      if (!write_benchmark (db, item_id, g_array_index (rows, gint64, i), g_ptr_array_index (benchmarks, i),
                            &id, error))
        return FALSE;
      g_array_append_val (ids_out, id);
    }
  return TRUE;
}

static gboolean
save (PoDatabase   *db,
      const char   *item_code,
      GPtrArray    *benchmarks,
      gboolean      only_drafts,
      GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *status = NULL;
  gboolean own = sqlite3_get_autocommit (po_database_get_handle (db));
  gint64 item_id;

  if (!check_storable (benchmarks, NULL, error))
    return FALSE;

  /* Our own transaction, or a savepoint inside the caller's (the legality
   * review applies an approved adjustment within its decision). */
  if (own ? !po_database_begin (db, error) : !po_database_exec (db, "SAVEPOINT discretion_save", error))
    return FALSE;

  if (!find_item (db, item_code, &item_id, &status, error) ||
      (only_drafts && !check_draft (item_code, status, error)) ||
      !store (db, item_id, benchmarks, ids, error) ||
      (own ? !po_database_commit (db, error) : !po_database_exec (db, "RELEASE discretion_save", error)))
    {
      if (own)
        po_database_rollback (db);
      else
        po_database_exec (db, "ROLLBACK TO discretion_save; RELEASE discretion_save", NULL);
      return FALSE;
    }

  for (guint i = 0; i < benchmarks->len; i++)
    set_id (g_ptr_array_index (benchmarks, i), g_array_index (ids, gint64, i));
  return TRUE;
}

/**
 * po_discretion_save:
 * @item_code: the power item's code
 * @benchmarks: (element-type PoBenchmark): all of the item's benchmarks
 *
 * Replaces the item's benchmarks with @benchmarks, in one transaction (a
 * savepoint when the caller has one open). Only a draft item's
 * benchmarks change this way; for any other the error says the
 * adjustment must be filed for legality review. Data that cannot be
 * stored sensibly (po_discretion_rule_blocks_saving()) is refused;
 * unfinished drafts are stored. Unchanged rows are not rewritten. On
 * success each benchmark's id is its row.
 *
 * Returns: whether the benchmarks were stored; nothing is written otherwise
 */
gboolean
po_discretion_save (PoDatabase  *db,
                    const char  *item_code,
                    GPtrArray   *benchmarks,
                    GError     **error)
{
  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (item_code != NULL, FALSE);
  g_return_val_if_fail (benchmarks != NULL, FALSE);

  return save (db, item_code, benchmarks, TRUE, error);
}

/**
 * po_discretion_save_unchecked:
 *
 * As po_discretion_save(), without the check that the item is a draft:
 * for the legality review, which applies an approved adjustment to an
 * approved or published item. Data that cannot be stored is still refused.
 */
gboolean
po_discretion_save_unchecked (PoDatabase  *db,
                              const char  *item_code,
                              GPtrArray   *benchmarks,
                              GError     **error)
{
  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (item_code != NULL, FALSE);
  g_return_val_if_fail (benchmarks != NULL, FALSE);

  return save (db, item_code, benchmarks, FALSE, error);
}

/* JSON ------------------------------------------------------------------- */

typedef struct
{
  char   *type;     /* json_type(): null, true, false, integer, real, text, array, object */
  char   *text;     /* the value as text: unquoted for text, JSON for containers */
  double  number;
} JsonValue;

static void
json_value_free (gpointer data)
{
  JsonValue *v = data;

  g_free (v->type);
  g_free (v->text);
  g_free (v);
}

static JsonValue *
json_value_from_row (sqlite3_stmt *stmt,
                     int           type_col,
                     int           value_col)
{
  JsonValue *v = g_new0 (JsonValue, 1);

  v->type = g_strdup ((const char *) sqlite3_column_text (stmt, type_col));
  v->text = g_strdup ((const char *) sqlite3_column_text (stmt, value_col));
  v->number = sqlite3_column_double (stmt, value_col);
  return v;
}

/* How a value that has the wrong type is named in a message. */
static char *
json_value_describe (const JsonValue *v)
{
  if (g_str_equal (v->type, "text"))
    return g_strdup_printf ("“%s”", v->text);
  if (g_str_equal (v->type, "array"))
    return g_strdup (_("a list"));
  if (g_str_equal (v->type, "object"))
    return g_strdup (_("an object"));
  return g_strdup (v->text ? v->text : v->type);
}

/* The fields of a JSON object, refusing unknown and repeated ones. */
static GHashTable *
json_object_fields (PoDatabase          *db,
                    const char          *json,
                    const char          *where,
                    const char * const  *allowed,
                    GError             **error)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, json_value_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = po_database_prepare (db, "SELECT key, type, value FROM json_each (?1)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      if (!g_strv_contains (allowed, key))
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("%s: unknown field “%s”"), where, key);
          sqlite3_reset (stmt);
          return NULL;
        }
      if (g_hash_table_contains (fields, key))
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("%s: the field “%s” appears twice"), where, key);
          sqlite3_reset (stmt);
          return NULL;
        }
      g_hash_table_insert (fields, g_strdup (key), json_value_from_row (stmt, 1, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the JSON")), NULL;
  return g_steal_pointer (&fields);
}

static GPtrArray *
json_array_values (PoDatabase  *db,
                   const char  *json,
                   GError     **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (json_value_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = po_database_prepare (db, "SELECT type, value FROM json_each (?1) ORDER BY key", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, json_value_from_row (stmt, 0, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the JSON")), NULL;
  return g_steal_pointer (&values);
}

static gboolean
json_get_text (GHashTable  *fields,
               const char  *name,
               const char  *where,
               gboolean     required,
               char       **out,
               GError     **error)
{
  JsonValue *v = g_hash_table_lookup (fields, name);

  if (v == NULL)
    {
      if (required)
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("%s: “%s” is missing"), where, name);
          return FALSE;
        }
      return TRUE;
    }
  if (!g_str_equal (v->type, "text"))
    {
      g_autofree char *what = json_value_describe (v);

      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s.%s: must be text in quotes, not %s"), where, name, what);
      return FALSE;
    }
  g_free (*out);
  *out = g_strdup (v->text);
  return TRUE;
}

static gboolean
json_get_amount (GHashTable  *fields,
                 const char  *name,
                 const char  *where,
                 double      *out,
                 GError     **error)
{
  JsonValue *v = g_hash_table_lookup (fields, name);

  *out = PO_DISCRETION_UNSET;
  if (v == NULL || g_str_equal (v->type, "null"))
    return TRUE;
  if (!g_str_equal (v->type, "integer") && !g_str_equal (v->type, "real"))
    {
      g_autofree char *what = json_value_describe (v);

      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s.%s: must be a number or null, not %s"), where, name, what);
      return FALSE;
    }
  if (!isfinite (v->number) || fabs (v->number) > PO_DISCRETION_MAX_AMOUNT)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s.%s: %s is larger than any fine this program handles (at most 1000000000000)"),
                   where, name, v->text);
      return FALSE;
    }
  if (!is_hundredths (v->number))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s.%s: %s has more than two decimals; amounts are kept to the fen (0.01)"),
                   where, name, v->text);
      return FALSE;
    }
  *out = v->number;
  return TRUE;
}

static gboolean
json_get_unit (GHashTable        *fields,
               const char        *where,
               PoDiscretionUnit  *unit,
               GError           **error)
{
  g_autofree char *key = NULL;

  if (!json_get_text (fields, "unit", where, FALSE, &key, error))
    return FALSE;
  if (key != NULL && !po_discretion_unit_from_key (key, unit))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s.unit: must be “yuan”, “times-gains” or “times-value”, not “%s”"), where, key);
      return FALSE;
    }
  return TRUE;
}

static const char * const tier_fields[] = {
  "name", "circumstances", "min", "max", "other_sanctions", "unit", NULL
};
static const char * const factor_fields[] = { "purpose", "regional", "facts", "other", NULL };
static const char * const benchmark_fields[] = {
  "violation", "defining_provision", "penalty_provision", "unit", "min", "max",
  "other_sanctions", "factors", "tiers", NULL
};
static const char * const top_fields[] = { "format", "version", "item", "benchmarks", NULL };

static PoBenchmarkTier *
parse_tier (PoDatabase       *db,
            const JsonValue  *value,
            const char       *where,
            GError          **error)
{
  g_autoptr(PoBenchmarkTier) tier = po_benchmark_tier_new (NULL, NULL, PO_DISCRETION_UNSET, PO_DISCRETION_UNSET);
  g_autoptr(GHashTable) fields = NULL;
  PoDiscretionUnit unit = PO_DISCRETION_UNIT_INHERIT;

  if (!g_str_equal (value->type, "object"))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("%s: must be an object { … }"), where);
      return NULL;
    }
  if ((fields = json_object_fields (db, value->text, where, tier_fields, error)) == NULL ||
      !json_get_text (fields, "name", where, TRUE, &tier->name, error) ||
      !json_get_text (fields, "circumstances", where, FALSE, &tier->circumstances, error) ||
      !json_get_text (fields, "other_sanctions", where, FALSE, &tier->other_sanctions, error) ||
      !json_get_amount (fields, "min", where, &tier->fine_min, error) ||
      !json_get_amount (fields, "max", where, &tier->fine_max, error) ||
      !json_get_unit (fields, where, &unit, error))
    return NULL;
  tier->unit = unit;
  return g_steal_pointer (&tier);
}

static PoBenchmark *
parse_benchmark (PoDatabase       *db,
                 const JsonValue  *value,
                 const char       *where,
                 GError          **error)
{
  g_autoptr(PoBenchmark) b = po_benchmark_new ();
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GPtrArray) tiers = NULL;
  PoDiscretionUnit unit = PO_DISCRETION_UNIT_YUAN;
  JsonValue *v;

  if (!g_str_equal (value->type, "object"))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("%s: must be an object { … }"), where);
      return NULL;
    }
  if ((fields = json_object_fields (db, value->text, where, benchmark_fields, error)) == NULL ||
      !json_get_text (fields, "violation", where, TRUE, &b->violation, error) ||
      !json_get_text (fields, "defining_provision", where, FALSE, &b->defining_provision, error) ||
      !json_get_text (fields, "penalty_provision", where, FALSE, &b->penalty_provision, error) ||
      !json_get_text (fields, "other_sanctions", where, FALSE, &b->other_sanctions, error) ||
      !json_get_unit (fields, where, &unit, error) ||
      !json_get_amount (fields, "min", where, &b->range_min, error) ||
      !json_get_amount (fields, "max", where, &b->range_max, error))
    return NULL;
  b->unit = unit;

  if ((v = g_hash_table_lookup (fields, "factors")) != NULL && !g_str_equal (v->type, "null"))
    {
      g_autofree char *fwhere = g_strdup_printf ("%s.factors", where);
      g_autoptr(GHashTable) factors = NULL;

      if (!g_str_equal (v->type, "object"))
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("%s: must be an object { … }"), fwhere);
          return NULL;
        }
      if ((factors = json_object_fields (db, v->text, fwhere, factor_fields, error)) == NULL)
        return NULL;
      for (guint f = 0; f < PO_DISCRETION_N_FACTORS; f++)
        if (!json_get_text (factors, factor_fields[f], fwhere, FALSE, &b->factors[f], error))
          return NULL;
    }

  if ((v = g_hash_table_lookup (fields, "tiers")) != NULL && !g_str_equal (v->type, "null"))
    {
      if (!g_str_equal (v->type, "array"))
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("%s.tiers: must be a list [ … ]"), where);
          return NULL;
        }
      if ((tiers = json_array_values (db, v->text, error)) == NULL)
        return NULL;
      for (guint i = 0; i < tiers->len; i++)
        {
          g_autofree char *twhere = g_strdup_printf ("%s.tiers[%u]", where, i);
          PoBenchmarkTier *tier = parse_tier (db, g_ptr_array_index (tiers, i), twhere, error);

          if (tier == NULL)
            return NULL;
          adopt_tier (b, tier);
          g_ptr_array_add (b->tiers, tier);
        }
    }
  return g_steal_pointer (&b);
}

/**
 * po_discretion_parse_json:
 * @text: the discretion benchmark JSON (see the top of po-discretion.c)
 * @length: its length, or -1 when nul-terminated
 * @origin: where it comes from (a file name), for messages
 *
 * Reads benchmarks from JSON without storing them: for import, and for
 * a legality review request's proposal. Amounts are checked as numbers;
 * whether they make a sound benchmark is po_discretion_validate()'s job.
 *
 * Returns: (transfer full) (element-type PoBenchmark): one or more
 *   benchmarks, or %NULL with @error naming @origin and the place
 */
GPtrArray *
po_discretion_parse_json (PoDatabase   *db,
                          const char   *text,
                          gssize        length,
                          const char   *origin,
                          GError      **error)
{
  g_autofree char *json = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) benchmarks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *format = NULL;
  sqlite3_stmt *stmt;
  JsonValue *v;
  gboolean valid;

  g_return_val_if_fail (PO_IS_DATABASE (db), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  json = length < 0 ? g_strdup (text) : g_strndup (text, length);

  stmt = po_database_prepare (db, "SELECT json_valid (?1) AND json_type (?1) = 'object'", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  valid = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (!valid)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("%s: not valid JSON, or not a JSON object"), origin);
      return NULL;
    }

  if ((fields = json_object_fields (db, json, origin, top_fields, error)) == NULL)
    return NULL;
  if (!json_get_text (fields, "format", origin, FALSE, &format, error))
    return NULL;
  if (g_strcmp0 (format, FORMAT_NAME) != 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s: “format” must be “%s”"), origin, FORMAT_NAME);
      return NULL;
    }
  if ((v = g_hash_table_lookup (fields, "version")) != NULL &&
      (!g_str_equal (v->type, "integer") || v->number != 1))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s: “version” %s is not one this program reads (1); it may come from a newer program"),
                   origin, v->text);
      return NULL;
    }

  v = g_hash_table_lookup (fields, "benchmarks");
  if (v == NULL || !g_str_equal (v->type, "array"))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s: “benchmarks” must be a list of one or more benchmarks"), origin);
      return NULL;
    }
  if ((values = json_array_values (db, v->text, error)) == NULL)
    return NULL;
  if (values->len == 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s: “benchmarks” is empty; the file must hold at least one benchmark"), origin);
      return NULL;
    }
  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s: benchmarks[%u]", origin, i);
      PoBenchmark *b = parse_benchmark (db, g_ptr_array_index (values, i), where, error);

      if (b == NULL)
        return NULL;
      g_ptr_array_add (benchmarks, b);
    }
  return g_steal_pointer (&benchmarks);
}

static void
append_field (GString    *out,
              const char *indent,
              const char *name,
              const char *text,
              gboolean    last)
{
  g_string_append_printf (out, "%s\"%s\": ", indent, name);
  po_json_append_string (out, text);
  g_string_append (out, last ? "\n" : ",\n");
}

static void
append_amount (GString    *out,
               const char *indent,
               const char *name,
               double      amount,
               gboolean    last)
{
  g_autofree char *text = po_discretion_format_amount (amount);

  g_string_append_printf (out, "%s\"%s\": %s%s", indent, name, text, last ? "\n" : ",\n");
}

/**
 * po_discretion_to_json:
 * @item_code: (nullable): the item, written for the reader
 * @benchmarks: (element-type PoBenchmark): the benchmarks
 *
 * Writes benchmarks in the discretion benchmark JSON, as export writes a
 * file and a legality review request carries its proposal.
 *
 * Returns: (transfer full): the JSON text
 */
char *
po_discretion_to_json (const char *item_code,
                       GPtrArray  *benchmarks)
{
  GString *out;

  g_return_val_if_fail (benchmarks != NULL, NULL);

  out = g_string_new ("{\n  \"format\": \"" FORMAT_NAME "\",\n  \"version\": 1,\n");

  if (item_code != NULL)
    append_field (out, "  ", "item", item_code, FALSE);
  g_string_append (out, "  \"benchmarks\": [");
  for (guint i = 0; i < benchmarks->len; i++)
    {
      PoBenchmark *b = g_ptr_array_index (benchmarks, i);
      const char *in = "      ";

      g_string_append (out, i == 0 ? "\n    {\n" : ",\n    {\n");
      append_field (out, in, "violation", b->violation, FALSE);
      append_field (out, in, "defining_provision", b->defining_provision, FALSE);
      append_field (out, in, "penalty_provision", b->penalty_provision, FALSE);
      append_field (out, in, "unit", po_discretion_unit_key (b->unit), FALSE);
      append_amount (out, in, "min", b->range_min, FALSE);
      append_amount (out, in, "max", b->range_max, FALSE);
      append_field (out, in, "other_sanctions", b->other_sanctions, FALSE);
      g_string_append (out, "      \"factors\": {\n");
      for (guint f = 0; f < PO_DISCRETION_N_FACTORS; f++)
        append_field (out, "        ", factor_fields[f], b->factors[f], f + 1 == PO_DISCRETION_N_FACTORS);
      g_string_append (out, "      },\n      \"tiers\": [");
      for (guint t = 0; t < b->tiers->len; t++)
        {
          PoBenchmarkTier *tier = g_ptr_array_index (b->tiers, t);
          const char *tin = "          ";
          gboolean has_unit = tier->unit != PO_DISCRETION_UNIT_INHERIT;

          g_string_append (out, t == 0 ? "\n        {\n" : ",\n        {\n");
          append_field (out, tin, "name", tier->name, FALSE);
          append_field (out, tin, "circumstances", tier->circumstances, FALSE);
          append_amount (out, tin, "min", tier->fine_min, FALSE);
          append_amount (out, tin, "max", tier->fine_max, FALSE);
          append_field (out, tin, "other_sanctions", tier->other_sanctions, !has_unit);
          if (has_unit)
            append_field (out, tin, "unit", po_discretion_unit_key (tier->unit), TRUE);
          g_string_append (out, "        }");
        }
      g_string_append (out, b->tiers->len > 0 ? "\n      ]\n    }" : "]\n    }");
    }
  g_string_append (out, benchmarks->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free (out, FALSE);
}

/**
 * po_discretion_import_json:
 * @item_code: the item whose benchmarks the file replaces
 * @text: the discretion benchmark JSON
 * @length: its length, or -1 when nul-terminated
 * @origin: the file's name, for messages
 *
 * Replaces a draft item's benchmarks with those of the file, all or
 * nothing. See the top of po-discretion.c for the format and what is
 * refused.
 */
gboolean
po_discretion_import_json (PoDatabase  *db,
                           const char  *item_code,
                           const char  *text,
                           gssize       length,
                           const char  *origin,
                           GError     **error)
{
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autofree char *status = NULL;
  gint64 item_id;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (item_code != NULL, FALSE);

  /* The item first: an approved item's benchmarks go through review
   * however good the file is. save() checks again in its transaction. */
  if (!find_item (db, item_code, &item_id, &status, error) ||
      !check_draft (item_code, status, error))
    return FALSE;
  if ((benchmarks = po_discretion_parse_json (db, text, length, origin, error)) == NULL ||
      !check_storable (benchmarks, origin, error))
    return FALSE;
  return save (db, item_code, benchmarks, TRUE, error);
}

/**
 * po_discretion_import_file:
 *
 * po_discretion_import_json() on the contents of @path.
 */
gboolean
po_discretion_import_file (PoDatabase  *db,
                           const char  *item_code,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!po_read_text_file (path, &contents, &length, error))
    return FALSE;
  return po_discretion_import_json (db, item_code, contents, length, path, error);
}

/**
 * po_discretion_export_json:
 *
 * Returns: (transfer full): the item's benchmarks as discretion benchmark
 *   JSON, or %NULL with @error set: an unknown item, or one without a
 *   benchmark (there would be nothing an import could take back)
 */
char *
po_discretion_export_json (PoDatabase  *db,
                           const char  *item_code,
                           GError     **error)
{
  g_autoptr(GPtrArray) benchmarks = po_discretion_load (db, item_code, error);

  if (benchmarks == NULL)
    return NULL;
  if (benchmarks->len == 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_NOT_FOUND,
                   _("Item “%s” has no discretion benchmark to export"), item_code);
      return NULL;
    }
  return po_discretion_to_json (item_code, benchmarks);
}

/**
 * po_discretion_apply_proposal:
 * @item_code: the item the approved request concerns
 * @proposal: the request's proposal: discretion benchmark JSON, as
 *   po_discretion_to_json() writes it
 *
 * Applies an approved discretion benchmark adjustment; the legality
 * review calls it when such an adjustment is approved. It runs inside
 * the decision's transaction and skips the draft check.
 */
gboolean
po_discretion_apply_proposal (PoDatabase  *db,
                              const char  *item_code,
                              const char  *proposal,
                              GError     **error)
{
  g_autoptr(GPtrArray) benchmarks = NULL;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (item_code != NULL, FALSE);

  if (proposal == NULL)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("The request carries no proposed benchmark"));
      return FALSE;
    }
  if ((benchmarks = po_discretion_parse_json (db, proposal, -1, _("the proposal"), error)) == NULL ||
      !check_storable (benchmarks, _("the proposal"), error))
    return FALSE;
  return save (db, item_code, benchmarks, FALSE, error);
}

/* Regional comparison ---------------------------------------------------- */

typedef struct
{
  char   *name;
  double  min;
  double  max;
} RawTier;

static void
raw_tier_free (gpointer data)
{
  RawTier *t = data;

  g_free (t->name);
  g_free (t);
}

static void
comparison_row_free (gpointer data)
{
  PoDiscretionComparisonRow *row = data;

  g_free (row->department);
  g_free (row->region);
  g_free (row->level);
  g_free (row->item_code);
  g_free (row->item_name);
  g_free (row->tier_min);
  g_free (row->tier_max);
  g_free (row);
}

void
po_discretion_comparison_free (PoDiscretionComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_free (comparison->violation);
  g_clear_pointer (&comparison->tier_names, g_ptr_array_unref);
  g_clear_pointer (&comparison->rows, g_ptr_array_unref);
  g_free (comparison);
}

static int
find_name (GPtrArray  *names,
           const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return (int) i;
  return -1;
}

/**
 * po_discretion_compare:
 * @violation: the violation, as the benchmarks name it (compared after
 *   trimming spaces, tabs and line ends)
 *
 * The same violation's benchmarks across departments and counties, side
 * by side: one row per benchmark of an item that is not abolished, by
 * region and department; one column per tier name, in the order the
 * departments use them (a name only some use goes after the name that
 * precedes it there).
 *
 * Returns: (transfer full): the comparison, possibly with no rows; or
 *   %NULL with @error set
 */
PoDiscretionComparison *
po_discretion_compare (PoDatabase  *db,
                       const char  *violation,
                       GError     **error)
{
  g_autoptr(PoDiscretionComparison) c = g_new0 (PoDiscretionComparison, 1);
  g_autoptr(GPtrArray) raw = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PO_IS_DATABASE (db), NULL);
  g_return_val_if_fail (violation != NULL, NULL);

  c->violation = g_strstrip (g_strdup (violation));
  c->tier_names = g_ptr_array_new_with_free_func (g_free);
  c->rows = g_ptr_array_new_with_free_func (comparison_row_free);

  stmt = po_database_prepare (db,
                              "SELECT d.name, d.region, d.level, i.code, i.name, b.unit, b.range_min, "
                              "       b.range_max, b.id "
                              "FROM discretion_benchmarks b "
                              "JOIN power_items i ON i.id = b.item_id "
                              "JOIN departments d ON d.id = i.department_id "
                              "WHERE trim (b.violation, ' ' || char (9, 10, 13)) = ?1 AND i.status <> 'abolished' "
                              "ORDER BY d.region, d.name, i.code, b.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, c->violation, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoDiscretionComparisonRow *row = g_new0 (PoDiscretionComparisonRow, 1);
      PoDiscretionUnit unit = PO_DISCRETION_UNIT_YUAN;
      gint64 id = sqlite3_column_int64 (stmt, 8);

      row->department = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->region = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->level = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->item_code = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->item_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      po_discretion_unit_from_key ((const char *) sqlite3_column_text (stmt, 5), &unit);
      row->unit = unit;
      row->range_min = column_amount (stmt, 6);
      row->range_max = column_amount (stmt, 7);
      g_ptr_array_add (c->rows, row);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("compare the discretion benchmarks")), NULL;

  for (guint r = 0; r < c->rows->len; r++)
    {
      GPtrArray *tiers = g_ptr_array_new_with_free_func (raw_tier_free);
      int last = -1;

      g_ptr_array_add (raw, tiers);
      stmt = po_database_prepare (db,
                                  "SELECT trim (name, ' ' || char (9, 10, 13)), fine_min, fine_max FROM discretion_tiers "
                                  "WHERE benchmark_id = ?1 ORDER BY position",
                                  error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, r));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          RawTier *t = g_new0 (RawTier, 1);
          int at;

          t->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          t->min = column_amount (stmt, 1);
          t->max = column_amount (stmt, 2);
          g_ptr_array_add (tiers, t);

          at = find_name (c->tier_names, t->name);
          if (at < 0)
            {
              at = last + 1;
              g_ptr_array_insert (c->tier_names, at, g_strdup (t->name));
            }
          last = MAX (last, at);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return po_database_set_error (db, rc, error, _("compare the discretion benchmarks")), NULL;
    }

  for (guint r = 0; r < c->rows->len; r++)
    {
      PoDiscretionComparisonRow *row = g_ptr_array_index (c->rows, r);
      GPtrArray *tiers = g_ptr_array_index (raw, r);

      row->tier_min = g_new (double, MAX (c->tier_names->len, 1));
      row->tier_max = g_new (double, MAX (c->tier_names->len, 1));
      for (guint col = 0; col < c->tier_names->len; col++)
        row->tier_min[col] = row->tier_max[col] = PO_DISCRETION_UNSET;
      /* Backwards, so that of two tiers with one name the first counts. */
      for (guint t = tiers->len; t-- > 0;)
        {
          RawTier *tier = g_ptr_array_index (tiers, t);
          int col = find_name (c->tier_names, tier->name);

          row->tier_min[col] = tier->min;
          row->tier_max[col] = tier->max;
        }
    }
  return g_steal_pointer (&c);
}
