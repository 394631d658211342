/* po-supervision.c: the rules engine of electronic supervision (电子监察)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scan is a set of INSERT … SELECT queries, one per rule, that write
 * what they find into a temporary table; four statements then bring the
 * alerts in line with it. Deadlines come from the `deadlines` table
 * (po-deadlines.c), so no rule counts working days row by row in C: the
 * one function the queries call, po_workdays(), answers from the
 * calendar's prefix sums in constant time, and only for late rows.
 *
 * Levels (规定 十): red once a deadline has passed, whether or not the
 * thing was done later; yellow while it is still open and at most the
 * threshold is left (working days, or a share of the time limit used);
 * nothing when done on time. Rules without a deadline raise red with no
 * due date.
 *
 * Alerts are never deleted. A rescan that finds the same thing at the
 * same level updates it (its lateness grows); a yellow alert whose thing
 * is now late is superseded by a new red one; an alert whose cause is
 * gone is resolved. An alert an analyst closed is not raised again at
 * the same level.
 */
#define G_LOG_DOMAIN "po-supervision"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "po-deadlines.h"
#include "po-discretion.h"
#include "po-domain.h"
#include "po-error.h"
#include "po-flowchart.h"
#include "po-supervision.h"

#define OPEN_STATES "('open', 'explained', 'ordered')"

/**
 * po_scan_options_init:
 *
 * The defaults: yellow with one working day left.
 */
void
po_scan_options_init (PoScanOptions *options,
                      PoDate         today)
{
  options->today = today;
  options->yellow_days = PO_SCAN_DEFAULT_YELLOW_DAYS;
  options->yellow_share = 0;
}

/**
 * po_scan_options_load:
 *
 * The office's thresholds (po_office_set_yellow()), or the defaults where
 * it has none. Every scan of an office uses them, so that the alerts do
 * not depend on who scanned.
 */
gboolean
po_scan_options_load (PoScanOptions  *options,
                      PoDatabase     *db,
                      PoDate          today,
                      GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  po_scan_options_init (options, today);
  stmt = po_database_prepare (db, "SELECT key, value FROM office_settings", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      if (g_str_equal (key, "yellow-days"))
        options->yellow_days = sqlite3_column_int (stmt, 1);
      else if (g_str_equal (key, "yellow-share"))
        options->yellow_share = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || po_database_set_error (db, rc, error, _("read the office’s settings"));
}

/**
 * po_office_set_yellow:
 * @yellow_days: yellow with at most this many working days left, 0 to 30
 * @yellow_share: when above 0, yellow instead once this percentage of the
 *   time limit is used, up to 100
 *
 * Keeps the office's thresholds, for every later scan and list.
 */
gboolean
po_office_set_yellow (PoDatabase  *db,
                      int          yellow_days,
                      int          yellow_share,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  if (yellow_days < 0 || yellow_days > PO_SCAN_MAX_YELLOW_DAYS)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_OUT_OF_RANGE,
                   _("Working days left must be between 0 and %d, not %d"), PO_SCAN_MAX_YELLOW_DAYS, yellow_days);
      return FALSE;
    }
  if (yellow_share < 0 || yellow_share > 100)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_OUT_OF_RANGE,
                   _("The share of the time limit used must be between 1 and 100 percent, or 0 to count working days left; not %d"),
                   yellow_share);
      return FALSE;
    }

  /* Only what changed, so the audit log holds real changes. */
  stmt = po_database_prepare (db,
                              "INSERT INTO office_settings (key, value) VALUES ('yellow-days', ?1), ('yellow-share', ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, yellow_days);
  sqlite3_bind_int (stmt, 2, yellow_share);
  return po_database_step_done (db, stmt, error);
}

gboolean
po_alert_state_is_open (const char *state)
{
  return g_strcmp0 (state, "open") == 0 || g_strcmp0 (state, "explained") == 0 ||
         g_strcmp0 (state, "ordered") == 0;
}

/* Process deviation ------------------------------------------------------ */

/* A published external flowchart, reduced to what a path check needs. */
typedef struct
{
  guint            n;
  PoFlowNodeKind  *kinds;
  char           **labels;   /* up to a bracket: “不予许可（说明理由…）” → “不予许可” */
  GArray         **next;     /* node index → indices it leads to */
  guint            start;
} Chart;

static void
chart_free (gpointer data)
{
  Chart *c = data;

  if (c == NULL)
    return;
  for (guint i = 0; i < c->n; i++)
    {
      g_free (c->labels[i]);
      g_array_unref (c->next[i]);
    }
  g_free (c->labels);
  g_free (c->next);
  g_free (c->kinds);
  g_free (c);
}

static char *
short_label (const char *label)
{
  const char *cut = strstr (label, "（");
  const char *cut2 = strchr (label, '(');

  if (cut2 != NULL && (cut == NULL || cut2 < cut))
    cut = cut2;
  return g_strstrip (cut ? g_strndup (label, cut - label) : g_strdup (label));
}

static Chart *
chart_new (PoFlowchart *flowchart)
{
  Chart *c = g_new0 (Chart, 1);
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);

  c->n = po_flowchart_get_n_nodes (flowchart);
  c->kinds = g_new0 (PoFlowNodeKind, c->n);
  c->labels = g_new0 (char *, c->n);
  c->next = g_new0 (GArray *, c->n);
  c->start = G_MAXUINT;
  for (guint i = 0; i < c->n; i++)
    {
      const PoFlowNode *node = po_flowchart_get_node (flowchart, i);

      c->kinds[i] = node->kind;
      c->labels[i] = short_label (node->label);
      c->next[i] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (index, GUINT_TO_POINTER (node->id), GUINT_TO_POINTER (i + 1));
      if (node->kind == PO_FLOW_NODE_START && c->start == G_MAXUINT)
        c->start = i;
    }
  for (guint i = 0; i < po_flowchart_get_n_edges (flowchart); i++)
    {
      const PoFlowEdge *e = po_flowchart_get_edge (flowchart, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (index, GUINT_TO_POINTER (e->from)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (index, GUINT_TO_POINTER (e->to)));

      if (from > 0 && to > 0)
        g_array_append_val (c->next[from - 1], (guint) { to - 1 });
    }
  return c;
}

/* Start, decision and end nodes may be passed without being named among
 * a case's steps; a step node must be named. */
static gboolean
silent (const Chart *c,
        guint        node)
{
  return c->kinds[node] != PO_FLOW_NODE_STEP;
}

/* Adds to @set every node reachable from it through silent nodes. */
static void
close_silently (const Chart *c,
                gboolean    *set)
{
  gboolean grew = TRUE;

  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < c->n; i++)
        {
          if (!set[i])
            continue;
          for (guint k = 0; k < c->next[i]->len; k++)
            {
              guint to = g_array_index (c->next[i], guint, k);

              if (silent (c, to) && !set[to])
                set[to] = grew = TRUE;
            }
        }
    }
}

/*
 * chart_check_path:
 * @steps: the case's steps, normalised (“立案>调查取证>…”)
 * @finished: the case is closed: its steps must reach an end
 * @failed_at: (out) (optional): the index of the first step that cannot
 *   follow, or the number of steps when the path stops short of an end
 *
 * Whether @steps are a path through the chart from its start: each step
 * follows the one before along an edge, passing decisions silently.
 */
static gboolean
chart_check_path (const Chart *c,
                  const char  *steps,
                  gboolean     finished,
                  guint       *failed_at)
{
  g_auto(GStrv) names = g_strsplit (steps, ">", -1);
  g_autofree gboolean *at = g_new0 (gboolean, c->n);
  g_autofree gboolean *next = g_new0 (gboolean, c->n);
  guint i;

  if (c->start == G_MAXUINT)
    return TRUE;
  at[c->start] = TRUE;
  close_silently (c, at);

  for (i = 0; names[i] != NULL; i++)
    {
      gboolean any = FALSE;

      memset (next, 0, sizeof (gboolean) * c->n);
      for (guint n = 0; n < c->n; n++)
        {
          if (!at[n])
            continue;
          /* A silent node named among the steps matches itself. */
          if (silent (c, n) && g_str_equal (c->labels[n], names[i]) && n != c->start)
            next[n] = any = TRUE;
          for (guint k = 0; k < c->next[n]->len; k++)
            {
              guint to = g_array_index (c->next[n], guint, k);

              if (g_str_equal (c->labels[to], names[i]))
                next[to] = any = TRUE;
            }
        }
      if (!any)
        {
          if (failed_at)
            *failed_at = i;
          return FALSE;
        }
      close_silently (c, next);
      memcpy (at, next, sizeof (gboolean) * c->n);
    }

  if (finished)
    {
      for (guint n = 0; n < c->n; n++)
        if (at[n] && c->kinds[n] == PO_FLOW_NODE_END)
          return TRUE;
      if (failed_at)
        *failed_at = i;
      return FALSE;
    }
  return TRUE;
}

/* Discretion breach ------------------------------------------------------ */

/* The item's benchmarks; a case's tier names the one it was judged by. */
static PoBenchmark *
benchmark_for (GPtrArray  *benchmarks,
               const char *tier)
{
  for (guint i = 0; tier && *tier && i < benchmarks->len; i++)
    if (po_benchmark_find_tier (g_ptr_array_index (benchmarks, i), tier) >= 0)
      return g_ptr_array_index (benchmarks, i);
  return benchmarks->len > 0 ? g_ptr_array_index (benchmarks, 0) : NULL;
}

/* TRUE when the fine breaches; FALSE when it fits. *checkable is FALSE
 * when there is nothing to check against (no benchmark in yuan). */
static gboolean
fine_breaches (GPtrArray  *benchmarks,
               double      fine,
               const char *tier,
               gboolean   *checkable,
               char      **why)
{
  PoBenchmark *b = benchmarks ? benchmark_for (benchmarks, tier) : NULL;
  g_autoptr(GError) error = NULL;
  PoDiscretionFit fit;

  *checkable = FALSE;
  if (b == NULL || po_benchmark_get_unit (b) != PO_DISCRETION_UNIT_YUAN)
    return FALSE;
  *checkable = TRUE;
  if (!po_discretion_check_fine (b, fine, PO_DISCRETION_UNSET, tier && *tier ? tier : NULL, &fit, &error))
    {
      if (why)
        *why = g_strdup (error->message);
      return TRUE;
    }
  if (fit.kind == PO_DISCRETION_FIT_TIER)
    return FALSE;
  if (tier == NULL || *tier == '\0')
    {
      /* No tier named: only the statutory range binds. */
      if (fit.kind == PO_DISCRETION_FIT_NO_TIER)
        return FALSE;
    }
  if (why)
    *why = po_discretion_describe_fit (b, fine, PO_DISCRETION_UNSET, &fit);
  return TRUE;
}

/* The scan's context ----------------------------------------------------- */

typedef struct
{
  PoCalendar *calendar;
  GHashTable *charts;       /* item id → Chart */
  GHashTable *benchmarks;   /* item id → GPtrArray of PoBenchmark */
  GHashTable *paths;        /* "item\x1fclosed\x1fsteps" → verdict + 1 */
  guint       no_flowchart;
  guint       no_benchmark;
} Scan;

static PoDate
value_date (sqlite3_value *v)
{
  if (sqlite3_value_type (v) == SQLITE_NULL)
    return PO_DATE_INVALID;
  return po_date_parse ((const char *) sqlite3_value_text (v), NULL);
}

/* po_workdays(FROM, TO): the working days after FROM up to and including TO. */
static void
sql_workdays (sqlite3_context  *ctx,
              int               argc,
              sqlite3_value   **argv)
{
  Scan *scan = sqlite3_user_data (ctx);
  PoDate from = value_date (argv[0]);
  PoDate to = value_date (argv[1]);
  int n = 0;

  if (from == PO_DATE_INVALID || to == PO_DATE_INVALID ||
      !po_calendar_count (scan->calendar, from, to, &n, NULL, NULL))
    {
      sqlite3_result_null (ctx);
      return;
    }
  sqlite3_result_int (ctx, n);
}

/* po_steps_deviate(ITEM, STEPS, CLOSED): 1 when the steps are not a path
 * through the item's published external flowchart, 0 when they are,
 * NULL when the item has none. */
static void
sql_steps_deviate (sqlite3_context  *ctx,
                   int               argc,
                   sqlite3_value   **argv)
{
  Scan *scan = sqlite3_user_data (ctx);
  gint64 item = sqlite3_value_int64 (argv[0]);
  const char *steps = (const char *) sqlite3_value_text (argv[1]);
  gboolean closed = sqlite3_value_int (argv[2]) != 0;
  g_autofree char *key = NULL;
  Chart *chart = g_hash_table_lookup (scan->charts, &item);
  gpointer verdict;

  if (chart == NULL)
    {
      scan->no_flowchart++;
      sqlite3_result_null (ctx);
      return;
    }
  key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%d\x1f%s", item, closed, steps ? steps : "");
  verdict = g_hash_table_lookup (scan->paths, key);
  if (verdict == NULL)
    {
      verdict = GINT_TO_POINTER (chart_check_path (chart, steps ? steps : "", closed, NULL) ? 1 : 2);
      g_hash_table_insert (scan->paths, g_steal_pointer (&key), verdict);
    }
  sqlite3_result_int (ctx, GPOINTER_TO_INT (verdict) == 2);
}

/* po_fine_breach(ITEM, FINE, TIER): 1, 0, or NULL without a benchmark. */
static void
sql_fine_breach (sqlite3_context  *ctx,
                 int               argc,
                 sqlite3_value   **argv)
{
  Scan *scan = sqlite3_user_data (ctx);
  gint64 item = sqlite3_value_int64 (argv[0]);
  gboolean checkable, breach;

  breach = fine_breaches (g_hash_table_lookup (scan->benchmarks, &item), sqlite3_value_double (argv[1]),
                          (const char *) sqlite3_value_text (argv[2]), &checkable, NULL);
  if (!checkable)
    {
      scan->no_benchmark++;
      sqlite3_result_null (ctx);
      return;
    }
  sqlite3_result_int (ctx, breach);
}

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->calendar, po_calendar_unref);
  g_clear_pointer (&scan->charts, g_hash_table_unref);
  g_clear_pointer (&scan->benchmarks, g_hash_table_unref);
  g_clear_pointer (&scan->paths, g_hash_table_unref);
}

/* Items @sql names (id, code), each with what @load makes of it. */
static gboolean
load_per_item (PoDatabase  *db,
               const char  *sql,
               GHashTable  *into,
               gpointer   (*load) (PoDatabase *db, const char *code, GError **error),
               GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = po_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (codes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the catalogue"));

  for (guint i = 0; i < ids->len; i++)
    {
      gpointer value = load (db, g_ptr_array_index (codes, i), error);

      if (value == NULL)
        return FALSE;
      g_hash_table_insert (into, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)), value);
    }
  return TRUE;
}

static gpointer
load_chart (PoDatabase  *db,
            const char  *code,
            GError     **error)
{
  g_autoptr(PoFlowchart) chart = po_flowchart_load (db, code, PO_FLOWCHART_EXTERNAL, error);

  return chart ? chart_new (chart) : NULL;
}

static gpointer
load_benchmarks (PoDatabase  *db,
                 const char  *code,
                 GError     **error)
{
  return po_discretion_load (db, code, error);
}

/* The rules -------------------------------------------------------------- */

/* Parameters of every rule query: ?1 today, ?2 the last day still yellow
 * (threshold in days), ?3 the share of the limit used that turns yellow
 * (percent; 0 when the threshold is in days). */
#define YELLOW \
  "(CASE WHEN ?3 > 0 THEN d.days > 0 AND po_workdays (d.start_on, ?1) * 100 >= ?3 * d.days " \
  "      ELSE d.due_on <= ?2 END)"

typedef struct
{
  const char *rule;
  const char *subject;
  const char *kind;      /* the deadline's kind */
  const char *table;
  const char *done;      /* SQL: the day the thing was done, or NULL */
  const char *where;     /* SQL: more conditions on t, or "" */
} DeadlineRule;

static const DeadlineRule deadline_rules[] = {
  { "late-entry", "case", "entry", "cases", "t.entered_on", "" },
  /* Reported before the latest date: the latest data is not reported yet. */
  { "late-report", "case", "report", "cases",
    "(CASE WHEN t.reported_on >= d.start_on THEN t.reported_on END)", "" },
  { "overdue-case", "case", "decision", "cases", "t.decided_on", "" },
  { "overdue-consultation", "petition", "reply", "petitions", "t.replied_on", "AND t.kind = 'consultation'" },
  { "overdue-complaint", "petition", "reply", "petitions", "t.replied_on", "AND t.kind = 'complaint'" },
  { "late-filing", "review", "filing", "review_requests", "t.filed_on", "AND t.state <> 'withdrawn'" },
  { "overdue-review", "review", "reply", "review_requests", "t.decided_on", "AND t.state <> 'withdrawn'" },
  { "overdue-order", "order", "answer", "supervision_orders", "t.answered_on", "" },
};

static char *
deadline_rule_sql (const DeadlineRule *r)
{
  return g_strdup_printf (
    "INSERT INTO temp.scan_findings (rule, level, subject, subject_id, department_id, due_on, over) "
    "SELECT '%1$s', "
    "       CASE WHEN %5$s IS NOT NULL OR d.due_on < ?1 THEN 'red' ELSE 'yellow' END, "
    "       '%2$s', t.id, t.department_id, d.due_on, "
    "       CASE WHEN %5$s IS NOT NULL OR d.due_on < ?1 "
    "            THEN coalesce (po_workdays (d.due_on, coalesce (%5$s, ?1)), 0) ELSE 0 END "
    "FROM deadlines AS d JOIN %4$s AS t ON t.id = d.subject_id "
    "WHERE d.kind = '%3$s' AND d.subject = '%2$s' %6$s "
    "  AND (CASE WHEN %5$s IS NOT NULL THEN %5$s > d.due_on "
    "            WHEN d.due_on < ?1 THEN 1 "
    "            ELSE " YELLOW " END)",
    r->rule, r->subject, r->kind, r->table, r->done, r->where);
}

/* The fields a case must have, over c (the case) and PENALTY (whether
 * its item is a penalty): each condition once, used by the scan as a
 * test and by the alert's description to name what is missing. */
#define MISSING_ACCEPTED \
  "c.accepted_on IS NULL AND (c.entered_on IS NOT NULL OR c.decided_on IS NOT NULL OR c.closed_on IS NOT NULL)"
#define MISSING_ONSITE(PENALTY) PENALTY " AND c.onsite_on IS NULL"
#define MISSING_DECIDED "c.closed_on IS NOT NULL AND c.decided_on IS NULL"
#define MISSING_STEPS "c.decided_on IS NOT NULL AND c.steps = ''"
#define MISSING_ANY(PENALTY) \
  "((" MISSING_ACCEPTED ") OR (" MISSING_ONSITE (PENALTY) ") OR (" MISSING_DECIDED ") OR (" MISSING_STEPS "))"
#define MISSING_FIELDS(PENALTY) \
  "ltrim (" \
  "  CASE WHEN " MISSING_ACCEPTED " THEN ' accepted_on' ELSE '' END || " \
  "  CASE WHEN " MISSING_ONSITE (PENALTY) " THEN ' onsite_on' ELSE '' END || " \
  "  CASE WHEN " MISSING_DECIDED " THEN ' decided_on' ELSE '' END || " \
  "  CASE WHEN " MISSING_STEPS " THEN ' steps' ELSE '' END)"

/* What the case rules need to know of each item, read once per scan:
 * whether it is a penalty, when it was first published, and when an
 * approved abolition took effect. */
static const char scan_items_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS scan_items (item_id INTEGER PRIMARY KEY, penalty INTEGER, "
  "  first_published TEXT, abolished_on TEXT);"
  "DELETE FROM temp.scan_items;"
  "INSERT INTO temp.scan_items "
  "SELECT i.id, i.type = 'penalty', "
  "  (SELECT min (v.published_on) FROM power_item_versions v WHERE v.item_id = i.id), "
  "  (SELECT min (r.decided_on) FROM review_requests r WHERE r.item_id = i.id AND r.kind = 'abolish' "
  "   AND r.state IN ('approved', 'approved-with-changes')) "
  "FROM power_items AS i;";

static const char *const other_rules_sql[] = {
  /* The item is unknown, or was not yet published on the day the case
   * was accepted (on site, for a penalty not yet accepted), or had been
   * abolished by then. */
  "INSERT INTO temp.scan_findings (rule, level, subject, subject_id, department_id, due_on, over) "
  "SELECT 'unapproved-item', 'red', 'case', c.id, c.department_id, NULL, 0 "
  "FROM cases AS c LEFT JOIN temp.scan_items AS w ON w.item_id = c.item_id "
  "WHERE c.item_id IS NULL "
  "   OR (coalesce (c.accepted_on, c.onsite_on) IS NOT NULL AND ("
  "       w.first_published IS NULL OR w.first_published > coalesce (c.accepted_on, c.onsite_on) "
  "    OR w.abolished_on < coalesce (c.accepted_on, c.onsite_on)))",

  "INSERT INTO temp.scan_findings (rule, level, subject, subject_id, department_id, due_on, over) "
  "SELECT 'incomplete-record', 'red', 'case', c.id, c.department_id, NULL, 0 "
  "FROM cases AS c LEFT JOIN temp.scan_items AS w ON w.item_id = c.item_id "
  "WHERE " MISSING_ANY ("w.penalty = 1"),

  "INSERT INTO temp.scan_findings (rule, level, subject, subject_id, department_id, due_on, over) "
  "SELECT 'process-deviation', 'red', 'case', c.id, c.department_id, NULL, 0 FROM cases AS c "
  "WHERE c.steps <> '' AND c.item_id IS NOT NULL "
  "  AND po_steps_deviate (c.item_id, c.steps, c.closed_on IS NOT NULL) = 1",

  "INSERT INTO temp.scan_findings (rule, level, subject, subject_id, department_id, due_on, over) "
  "SELECT 'discretion-breach', 'red', 'case', c.id, c.department_id, NULL, 0 FROM cases AS c "
  "WHERE c.fine_yuan IS NOT NULL AND c.item_id IS NOT NULL "
  "  AND po_fine_breach (c.item_id, c.fine_yuan, c.tier) = 1",
};

/* Bringing the alerts in line with the findings; ?1 is today. */
static const char *const reconcile_sql[] = {
  /* 0: the same finding at the same level: its figures follow. Open
   * alerts are walked, each finding looked up by its key. */
  "UPDATE alerts SET "
  "  due_on = (SELECT f.due_on FROM temp.scan_findings AS f WHERE f.rule = alerts.rule "
  "            AND f.subject = alerts.subject AND f.subject_id = alerts.subject_id), "
  "  working_days_over = (SELECT f.over FROM temp.scan_findings AS f WHERE f.rule = alerts.rule "
  "            AND f.subject = alerts.subject AND f.subject_id = alerts.subject_id), "
  "  department_id = (SELECT f.department_id FROM temp.scan_findings AS f WHERE f.rule = alerts.rule "
  "            AND f.subject = alerts.subject AND f.subject_id = alerts.subject_id), "
  "  updated_on = ?1 "
  "WHERE alerts.state IN " OPEN_STATES " "
  "  AND EXISTS (SELECT 1 FROM temp.scan_findings AS f WHERE f.rule = alerts.rule "
  "              AND f.subject = alerts.subject AND f.subject_id = alerts.subject_id AND f.level = alerts.level "
  "              AND (f.due_on IS NOT alerts.due_on OR f.over <> alerts.working_days_over "
  "                   OR f.department_id IS NOT alerts.department_id))",
  /* 1: new findings, unless an analyst closed the same alert. */
  "INSERT INTO alerts (rule, level, subject, subject_id, department_id, due_on, working_days_over, "
  "                    state, raised_on, updated_on) "
  "SELECT f.rule, f.level, f.subject, f.subject_id, f.department_id, f.due_on, f.over, 'open', ?1, ?1 "
  "FROM temp.scan_findings AS f "
  "WHERE NOT EXISTS (SELECT 1 FROM alerts AS a WHERE a.rule = f.rule AND a.subject = f.subject "
  "                  AND a.subject_id = f.subject_id AND a.level = f.level "
  "                  AND a.state NOT IN ('resolved', 'superseded')) "
  "ORDER BY f.over DESC, f.rule, f.subject_id",
  /* 2: a yellow alert whose thing is now late gives way to the red one. */
  "UPDATE alerts SET state = 'superseded', updated_on = ?1, "
  "  superseded_by = (SELECT max (r.id) FROM alerts AS r WHERE r.rule = alerts.rule "
  "                   AND r.subject = alerts.subject AND r.subject_id = alerts.subject_id "
  "                   AND r.level = 'red' AND r.state NOT IN ('resolved', 'superseded')) "
  "WHERE alerts.level = 'yellow' AND alerts.state IN " OPEN_STATES " "
  "  AND EXISTS (SELECT 1 FROM temp.scan_findings AS f WHERE f.rule = alerts.rule "
  "              AND f.subject = alerts.subject AND f.subject_id = alerts.subject_id AND f.level = 'red')",
  /* 3: what is no longer found is resolved. */
  "UPDATE alerts SET state = 'resolved', updated_on = ?1 "
  "WHERE alerts.state IN " OPEN_STATES " "
  "  AND NOT EXISTS (SELECT 1 FROM temp.scan_findings AS f WHERE f.rule = alerts.rule "
  "                  AND f.subject = alerts.subject AND f.subject_id = alerts.subject_id "
  "                  AND f.level = alerts.level)",
};

static gboolean
run_rule (PoDatabase  *db,
          const char  *sql,
          const char  *today,
          const char  *yellow_until,
          int          share,
          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (po_database_get_handle (db), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return po_database_set_error (db, rc, error, _("prepare the supervision rules"));
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, yellow_until, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int (stmt, 3, share);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("run the supervision rules"));
  return TRUE;
}

/**
 * po_supervision_scan:
 *
 * Runs every rule as of @options->today and brings the alerts in line,
 * in one savepoint.
 */
gboolean
po_supervision_scan (PoDatabase           *db,
                     const PoScanOptions  *options,
                     PoScanSummary        *summary,
                     GCancellable         *cancellable,
                     PoProgressFunc        progress,
                     gpointer              user_data,
                     GError              **error)
{
  sqlite3 *handle = po_database_get_handle (db);
  Scan scan = { 0 };
  char today[11], yellow_until[11];
  guint n_steps = G_N_ELEMENTS (deadline_rules) + G_N_ELEMENTS (other_rules_sql) + G_N_ELEMENTS (reconcile_sql);
  guint step = 0;
  gboolean ok = FALSE;
  PoDate until;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);
  memset (summary, 0, sizeof *summary);

  scan.calendar = po_database_get_calendar (db, error);
  if (scan.calendar == NULL)
    return FALSE;
  until = po_calendar_add (scan.calendar, options->today, MAX (options->yellow_days, 0), NULL, error);
  if (until == PO_DATE_INVALID)
    {
      scan_clear (&scan);
      return FALSE;
    }
  po_date_format_buf (options->today, today);
  po_date_format_buf (until, yellow_until);

  scan.charts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, chart_free);
  scan.benchmarks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  scan.paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  sqlite3_create_function_v2 (handle, "po_workdays", 2, SQLITE_UTF8, &scan, sql_workdays, NULL, NULL, NULL);
  sqlite3_create_function_v2 (handle, "po_steps_deviate", 3, SQLITE_UTF8, &scan, sql_steps_deviate, NULL, NULL, NULL);
  sqlite3_create_function_v2 (handle, "po_fine_breach", 3, SQLITE_UTF8, &scan, sql_fine_breach, NULL, NULL, NULL);

  if (!po_database_exec (db,
                         "SAVEPOINT scan;"
                         "CREATE TEMP TABLE IF NOT EXISTS scan_findings ("
                         "  rule TEXT, level TEXT, subject TEXT, subject_id INTEGER, department_id INTEGER, "
                         "  due_on TEXT, over INTEGER, PRIMARY KEY (rule, subject, subject_id)) WITHOUT ROWID;"
                         "DELETE FROM temp.scan_findings;",
                         error))
    goto out;
  summary->last_id_before = po_database_query_int (db, "SELECT coalesce (max (id), 0) FROM alerts", error);
  if (summary->last_id_before < 0 ||
      !load_per_item (db,
                      "SELECT i.id, i.code FROM power_items AS i WHERE i.published_version IS NOT NULL "
                      "  AND EXISTS (SELECT 1 FROM flowcharts f WHERE f.item_id = i.id AND f.kind = 'external')",
                      scan.charts, load_chart, error) ||
      !load_per_item (db,
                      "SELECT i.id, i.code FROM power_items AS i "
                      "WHERE EXISTS (SELECT 1 FROM discretion_benchmarks b WHERE b.item_id = i.id)",
                      scan.benchmarks, load_benchmarks, error) ||
      !po_database_exec (db, scan_items_sql, error))
    goto fail;

  for (guint i = 0; i < G_N_ELEMENTS (deadline_rules); i++)
    {
      g_autofree char *sql = deadline_rule_sql (&deadline_rules[i]);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !run_rule (db, sql, today, yellow_until, MAX (options->yellow_share, 0), error))
        goto fail;
      if (progress)
        progress ((double) ++step / n_steps, user_data);
    }
  for (guint i = 0; i < G_N_ELEMENTS (other_rules_sql); i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !run_rule (db, other_rules_sql[i], today, yellow_until, 0, error))
        goto fail;
      if (progress)
        progress ((double) ++step / n_steps, user_data);
    }
  summary->skipped_no_flowchart = scan.no_flowchart;
  summary->skipped_no_benchmark = scan.no_benchmark;

  for (guint i = 0; i < G_N_ELEMENTS (reconcile_sql); i++)
    {
      guint changes;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !run_rule (db, reconcile_sql[i], today, NULL, 0, error))
        goto fail;
      changes = (guint) sqlite3_changes (handle);
      switch (i)
        {
        case 0: summary->updated = changes; break;
        case 1: summary->raised = changes; break;
        case 2: summary->superseded = changes; break;
        case 3: summary->resolved = changes; break;
        default: break;
        }
      if (progress)
        progress ((double) ++step / n_steps, user_data);
    }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM alerts WHERE id > %lld AND level = 'red'",
                                            (long long) summary->last_id_before);
    gint64 red = po_database_query_int (db, sql, error);
    gint64 open = po_database_query_int (db, "SELECT count(*) FROM alerts WHERE state IN " OPEN_STATES, error);

    if (red < 0 || open < 0)
      goto fail;
    summary->raised_red = (guint) red;
    summary->open = (guint) open;
  }
  if (!po_database_exec (db, "DELETE FROM temp.scan_findings; DELETE FROM temp.scan_items; RELEASE scan", error))
    goto fail;
  ok = TRUE;
  goto out;

fail:
  po_database_exec (db, "ROLLBACK TO scan; RELEASE scan", NULL);
  memset (summary, 0, sizeof *summary);
out:
  sqlite3_create_function_v2 (handle, "po_workdays", 2, SQLITE_UTF8, NULL, NULL, NULL, NULL, NULL);
  sqlite3_create_function_v2 (handle, "po_steps_deviate", 3, SQLITE_UTF8, NULL, NULL, NULL, NULL, NULL);
  sqlite3_create_function_v2 (handle, "po_fine_breach", 3, SQLITE_UTF8, NULL, NULL, NULL, NULL, NULL);
  scan_clear (&scan);
  if (ok && progress)
    progress (1.0, user_data);
  return ok;
}

/* Alerts ----------------------------------------------------------------- */

void
po_alert_free (PoAlert *a)
{
  if (a == NULL)
    return;
  g_free (a->rule);
  g_free (a->level);
  g_free (a->subject);
  g_free (a->ref);
  g_free (a->department);
  g_free (a->due_on);
  g_free (a->state);
  g_free (a->raised_on);
  g_free (a->updated_on);
  g_free (a->explanation);
  g_free (a->close_reason);
  g_free (a);
}

#define ALERT_SELECT \
  "SELECT a.id, a.rule, a.level, a.subject, a.subject_id, " \
  "  CASE a.subject WHEN 'case' THEN (SELECT case_ref FROM cases WHERE id = a.subject_id) " \
  "                 WHEN 'petition' THEN (SELECT ref FROM petitions WHERE id = a.subject_id) " \
  "                 ELSE CAST (a.subject_id AS TEXT) END, " \
  "  a.department_id, coalesce (d.name, ''), a.due_on, a.working_days_over, a.state, a.raised_on, " \
  "  a.updated_on, a.explanation, a.close_reason, " \
  "  CASE WHEN a.subject = 'order' THEN (SELECT o.id FROM supervision_orders o WHERE o.id = a.subject_id " \
  "                                      AND o.answered_on IS NULL) " \
  "       ELSE (SELECT max (o.id) FROM supervision_orders o WHERE o.alert_id = a.id AND o.answered_on IS NULL) END " \
  "FROM alerts AS a LEFT JOIN departments AS d ON d.id = a.department_id "

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static PoAlert *
alert_from_row (sqlite3_stmt *stmt)
{
  PoAlert *a = g_new0 (PoAlert, 1);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->rule = dup_column (stmt, 1);
  a->level = dup_column (stmt, 2);
  a->subject = dup_column (stmt, 3);
  a->subject_id = sqlite3_column_int64 (stmt, 4);
  a->ref = g_strdup (sqlite3_column_text (stmt, 5) ? (const char *) sqlite3_column_text (stmt, 5) : "");
  a->department_id = sqlite3_column_int64 (stmt, 6);
  a->department = dup_column (stmt, 7);
  a->due_on = dup_column (stmt, 8);
  a->working_days_over = sqlite3_column_int (stmt, 9);
  a->state = dup_column (stmt, 10);
  a->raised_on = dup_column (stmt, 11);
  a->updated_on = dup_column (stmt, 12);
  a->explanation = dup_column (stmt, 13);
  a->close_reason = dup_column (stmt, 14);
  a->order_id = sqlite3_column_int64 (stmt, 15);
  return a;
}

/**
 * po_alerts_list:
 * @filter: (nullable): which alerts; %NULL for every open one
 *
 * Returns: (transfer container) (element-type PoAlert): the alerts, the
 *   longest overdue first, then by deadline
 */
GPtrArray *
po_alerts_list (PoDatabase           *db,
                const PoAlertFilter  *filter,
                GError              **error)
{
  static const PoAlertFilter all_open = { NULL, NULL, 0, FALSE };
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (filter == NULL)
    filter = &all_open;
  stmt = po_database_prepare (db,
                              ALERT_SELECT
                              "WHERE (?1 = 1 OR a.state IN " OPEN_STATES ") "
                              "  AND (?2 IS NULL OR a.rule = ?2) AND (?3 IS NULL OR a.level = ?3) "
                              "  AND (?4 = 0 OR a.department_id = ?4) "
                              "ORDER BY a.working_days_over DESC, a.due_on IS NULL, a.due_on, a.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, filter->all_states ? 1 : 0);
  if (filter->rule)
    sqlite3_bind_text (stmt, 2, filter->rule, -1, SQLITE_TRANSIENT);
  if (filter->level)
    sqlite3_bind_text (stmt, 3, filter->level, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, filter->department_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) po_alert_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, alert_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      po_database_set_error (db, rc, error, _("read the alerts"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

PoAlert *
po_alert_get (PoDatabase  *db,
              gint64       id,
              GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db, ALERT_SELECT "WHERE a.id = ?1", error);
  PoAlert *a = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    a = alert_from_row (stmt);
  else
    g_set_error (error, PO_ERROR, PO_ERROR_NOT_FOUND, _("Alert %lld does not exist."), (long long) id);
  sqlite3_reset (stmt);
  return a;
}

void
po_alert_count_free (PoAlertCount *count)
{
  if (count == NULL)
    return;
  g_free (count->key);
  g_free (count->label);
  g_free (count);
}

/**
 * po_alerts_count:
 * @by_department: count per department instead of per rule
 *
 * Returns: (transfer container) (element-type PoAlertCount): open red and
 *   yellow alerts per rule (in the regulation's order) or per department
 *   (most red first); only rows with an alert
 */
GPtrArray *
po_alerts_count (PoDatabase  *db,
                 gboolean     by_department,
                 GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) po_alert_count_free);
  sqlite3_stmt *stmt;
  int rc;

  if (by_department)
    stmt = po_database_prepare (db,
                                "SELECT CAST (a.department_id AS TEXT), coalesce (d.name, ''), "
                                "       sum (a.level = 'red'), sum (a.level = 'yellow') "
                                "FROM alerts AS a LEFT JOIN departments AS d ON d.id = a.department_id "
                                "WHERE a.state IN " OPEN_STATES " "
                                "GROUP BY a.department_id ORDER BY 3 DESC, 4 DESC, 2",
                                error);
  else
    stmt = po_database_prepare (db,
                                "SELECT a.rule, '', sum (a.level = 'red'), sum (a.level = 'yellow') "
                                "FROM alerts AS a WHERE a.state IN " OPEN_STATES " GROUP BY a.rule",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PoAlertCount *c = g_new0 (PoAlertCount, 1);

      c->key = dup_column (stmt, 0);
      c->label = dup_column (stmt, 1);
      c->red = (guint) sqlite3_column_int64 (stmt, 2);
      c->yellow = (guint) sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (out, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      po_database_set_error (db, rc, error, _("count the alerts"));
      return NULL;
    }
  if (!by_department)
    {
      /* In the order of the regulation's table, with translated names. */
      g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) po_alert_count_free);
      guint n_rules;
      const PoEnumEntry *rules = po_alert_rules (&n_rules);

      for (guint r = 0; r < n_rules; r++)
        for (guint i = 0; i < out->len; i++)
          {
            PoAlertCount *c = g_ptr_array_index (out, i);

            if (c != NULL && g_str_equal (c->key, rules[r].key))
              {
                g_free (c->label);
                c->label = g_strdup (g_dgettext (GETTEXT_PACKAGE, rules[r].label));
                g_ptr_array_add (sorted, g_ptr_array_steal_index (out, i));
                break;
              }
          }
      return g_steal_pointer (&sorted);
    }
  return g_steal_pointer (&out);
}

/* Changes an open alert; refuses one that is closed, resolved or
 * superseded. */
static gboolean
update_open_alert (PoDatabase  *db,
                   gint64       id,
                   const char  *sql,
                   const char  *text,
                   PoDate       today,
                   GError     **error)
{
  g_autoptr(PoAlert) alert = po_alert_get (db, id, error);
  sqlite3_stmt *stmt;
  char day[11];

  if (alert == NULL)
    return FALSE;
  if (!po_alert_state_is_open (alert->state))
    {
      guint n;
      const PoEnumEntry *states = po_alert_states (&n);

      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("The alert is no longer open: %s."),
                   po_enum_label (states, n, alert->state));
      return FALSE;
    }
  stmt = po_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  po_date_format_buf (today, day);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  return po_database_step_done (db, stmt, error);
}

static gboolean
need_text (const char  *text,
           const char  *message,
           GError     **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));

  if (*t != '\0')
    return TRUE;
  g_set_error_literal (error, PO_ERROR, PO_ERROR_INVALID_INPUT, message);
  return FALSE;
}

/**
 * po_alert_explain:
 *
 * Records the department's or the analyst's explanation of an open alert.
 */
gboolean
po_alert_explain (PoDatabase  *db,
                  gint64       id,
                  const char  *explanation,
                  PoDate       today,
                  GError     **error)
{
  if (!need_text (explanation, _("Write the explanation."), error))
    return FALSE;
  return update_open_alert (db, id,
                            "UPDATE alerts SET explanation = ?2, updated_on = ?3, "
                            "  state = CASE state WHEN 'open' THEN 'explained' ELSE state END WHERE id = ?1",
                            explanation, today, error);
}

/**
 * po_alert_close:
 *
 * Closes an open alert with the analyst's reason. A closed alert is not
 * raised again at the same level.
 */
gboolean
po_alert_close (PoDatabase  *db,
                gint64       id,
                const char  *reason,
                PoDate       today,
                GError     **error)
{
  if (!need_text (reason, _("Write why the alert is closed."), error))
    return FALSE;
  return update_open_alert (db, id,
                            "UPDATE alerts SET close_reason = ?2, updated_on = ?3, state = 'closed' WHERE id = ?1",
                            reason, today, error);
}

/**
 * po_alert_issue_order:
 * @limit_days: working days the department has to answer
 *
 * Issues a 督办 order about an open alert to its department. The order's
 * own deadline is watched by the rule overdue-order.
 *
 * Returns: the order's id, or 0 on error
 */
gint64
po_alert_issue_order (PoDatabase  *db,
                      gint64       id,
                      int          limit_days,
                      const char  *demand,
                      PoDate       today,
                      GError     **error)
{
  g_autoptr(PoAlert) alert = NULL;
  sqlite3_stmt *stmt;
  gint64 order_id = 0;
  char day[11];

  if (limit_days < 1 || limit_days > 365)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("The time to answer must be between 1 and 365 working days."));
      return 0;
    }
  if (!need_text (demand, _("Write what the department must do."), error))
    return 0;
  alert = po_alert_get (db, id, error);
  if (alert == NULL)
    return 0;
  if (alert->department_id == 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("The alert names no department to order."));
      return 0;
    }
  if (!po_database_exec (db, "SAVEPOINT issue_order", error))
    return 0;
  po_date_format_buf (today, day);
  stmt = po_database_prepare (db,
                              "INSERT INTO supervision_orders (alert_id, department_id, issued_on, limit_days, demand) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, alert->department_id);
      sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, limit_days);
      sqlite3_bind_text (stmt, 5, demand, -1, SQLITE_TRANSIENT);
    }
  if (stmt == NULL || !po_database_step_done (db, stmt, error) ||
      !(order_id = sqlite3_last_insert_rowid (po_database_get_handle (db))) ||
      !po_deadlines_refresh_one (db, "order", order_id, error) ||
      !update_open_alert (db, id, "UPDATE alerts SET state = 'ordered', updated_on = ?3 WHERE id = ?1 AND ?2 IS NOT NULL",
                          "", today, error) ||
      !po_database_exec (db, "RELEASE issue_order", error))
    {
      po_database_exec (db, "ROLLBACK TO issue_order; RELEASE issue_order", NULL);
      return 0;
    }
  return order_id;
}

/**
 * po_order_answer:
 *
 * Records the department's answer to a 督办 order.
 */
gboolean
po_order_answer (PoDatabase  *db,
                 gint64       order_id,
                 PoDate       answered_on,
                 const char  *answer,
                 PoDate       today,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  char day[11];

  if (!need_text (answer, _("Write the department's answer."), error))
    return FALSE;
  if (answered_on == PO_DATE_INVALID || answered_on > today)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("The day of the answer cannot be after today."));
      return FALSE;
    }
  po_date_format_buf (answered_on, day);
  stmt = po_database_prepare (db,
                              "UPDATE supervision_orders SET answered_on = ?2, answer = ?3 "
                              "WHERE id = ?1 AND answered_on IS NULL AND issued_on <= ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, order_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, answer, -1, SQLITE_TRANSIENT);
  if (!po_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (po_database_get_handle (db)) == 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("Order %lld is answered already, does not exist, or was issued after that day."),
                   (long long) order_id);
      return FALSE;
    }
  return TRUE;
}

void
po_alert_event_free (PoAlertEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->at);
  g_free (event->actor);
  g_free (event->text);
  g_free (event);
}

static const char *
state_label (const char *state)
{
  guint n;
  const PoEnumEntry *states = po_alert_states (&n);

  return po_enum_label (states, n, state);
}

/**
 * po_alert_history:
 *
 * What happened to the alert and its orders, oldest first, from the
 * audit log.
 *
 * Returns: (transfer container) (element-type PoAlertEvent)
 */
GPtrArray *
po_alert_history (PoDatabase  *db,
                  gint64       id,
                  GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) po_alert_event_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = po_database_prepare (db,
                              "SELECT l.at, l.actor, l.tbl, l.op, "
                              "  json_extract (l.before, '$.state'), json_extract (l.after, '$.state'), "
                              "  json_extract (l.before, '$.working_days_over'), json_extract (l.after, '$.working_days_over'), "
                              "  json_extract (l.after, '$.explanation'), json_extract (l.before, '$.explanation'), "
                              "  json_extract (l.after, '$.close_reason'), json_extract (l.after, '$.level'), "
                              "  json_extract (l.after, '$.demand'), json_extract (l.after, '$.limit_days'), "
                              "  json_extract (l.after, '$.answer'), json_extract (l.before, '$.answered_on'), "
                              "  json_extract (l.after, '$.answered_on'), l.row_id "
                              "FROM audit_log AS l "
                              "WHERE (l.tbl = 'alerts' AND l.row_id = ?1) "
                              "   OR (l.tbl = 'supervision_orders' "
                              "       AND l.row_id IN (SELECT id FROM supervision_orders WHERE alert_id = ?1)) "
                              "ORDER BY l.seq",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *tbl = (const char *) sqlite3_column_text (stmt, 2);
      const char *op = (const char *) sqlite3_column_text (stmt, 3);
      const char *was = (const char *) sqlite3_column_text (stmt, 4);
      const char *now = (const char *) sqlite3_column_text (stmt, 5);
      const char *explanation = (const char *) sqlite3_column_text (stmt, 8);
      const char *old_explanation = (const char *) sqlite3_column_text (stmt, 9);
      g_autoptr(GString) text = g_string_new (NULL);
      PoAlertEvent *event;

      if (g_str_equal (tbl, "alerts"))
        {
          if (g_str_equal (op, "INSERT"))
            g_string_append_printf (text, g_str_equal (sqlite3_column_text (stmt, 11), "red")
                                          ? _("Raised red, %d working days over")
                                          : _("Raised yellow"),
                                    sqlite3_column_int (stmt, 7));
          else if (g_strcmp0 (was, now) != 0)
            {
              g_string_append_printf (text, _("%s → %s"), state_label (was), state_label (now));
              if (g_strcmp0 (now, "closed") == 0)
                g_string_append_printf (text, _(": %s"), sqlite3_column_text (stmt, 10));
              else if (g_strcmp0 (now, "explained") == 0 && explanation)
                g_string_append_printf (text, _(": %s"), explanation);
            }
          else if (g_strcmp0 (explanation, old_explanation) != 0)
            g_string_append_printf (text, _("Explanation: %s"), explanation);
          else if (sqlite3_column_int (stmt, 6) != sqlite3_column_int (stmt, 7))
            g_string_append_printf (text, _("Now %d working days over"), sqlite3_column_int (stmt, 7));
          else
            continue;
        }
      else if (g_str_equal (op, "INSERT"))
        g_string_append_printf (text, _("Supervision order %lld issued, to answer within %d working days: %s"),
                                (long long) sqlite3_column_int64 (stmt, 17), sqlite3_column_int (stmt, 13),
                                sqlite3_column_text (stmt, 12));
      else if (sqlite3_column_type (stmt, 15) == SQLITE_NULL && sqlite3_column_type (stmt, 16) != SQLITE_NULL)
        g_string_append_printf (text, _("Supervision order %lld answered on %s: %s"),
                                (long long) sqlite3_column_int64 (stmt, 17), sqlite3_column_text (stmt, 16),
                                sqlite3_column_text (stmt, 14));
      else
        continue;

      event = g_new0 (PoAlertEvent, 1);
      event->at = dup_column (stmt, 0);
      event->actor = dup_column (stmt, 1);
      event->text = g_strdup (text->str);
      g_ptr_array_add (out, event);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      po_database_set_error (db, rc, error, _("read the alert's history"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* Describing an alert ---------------------------------------------------- */

void
po_detail_line_free (PoDetailLine *line)
{
  if (line == NULL)
    return;
  g_free (line->label);
  g_free (line->value);
  g_free (line);
}

static void
add_line (GPtrArray  *lines,
          const char *label,
          const char *value)
{
  PoDetailLine *line;

  if (value == NULL || *value == '\0')
    return;
  line = g_new0 (PoDetailLine, 1);
  line->label = g_strdup (label);
  line->value = g_strdup (value);
  g_ptr_array_add (lines, line);
}

static void
add_line_printf (GPtrArray  *lines,
                 const char *label,
                 const char *format,
                 ...) G_GNUC_PRINTF (3, 4);

static void
add_line_printf (GPtrArray  *lines,
                 const char *label,
                 const char *format,
                 ...)
{
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  add_line (lines, label, value);
}

static const DeadlineRule *
deadline_rule_for (const char *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (deadline_rules); i++)
    if (g_str_equal (deadline_rules[i].rule, rule))
      return &deadline_rules[i];
  return NULL;
}

static const char *
counted_from_label (const char *kind)
{
  if (g_str_equal (kind, "entry"))
    return _("On-site enforcement on");
  if (g_str_equal (kind, "report"))
    return _("Latest of accepted, decided, closed");
  if (g_str_equal (kind, "decision"))
    return _("Accepted on");
  if (g_str_equal (kind, "filing"))
    return _("Law takes effect on");
  if (g_str_equal (kind, "answer"))
    return _("Order issued on");
  return _("Received on");
}

/* Runs of the same holiday, “国庆节 2026-10-01 – 2026-10-08”. */
static char *
days_off_text (PoCalendar *calendar,
               PoDate      from,
               PoDate      to)
{
  g_autoptr(GPtrArray) holidays = po_calendar_holidays_between (calendar, from, to);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *run_name = NULL;
  char run_start[11] = "", run_end[11] = "";
  guint run_days = 0;
  int weekend = 0, makeup = 0;

  for (guint i = 0; i <= holidays->len; i++)
    {
      const char *entry = i < holidays->len ? g_ptr_array_index (holidays, i) : NULL;
      const char *name = entry ? entry + 11 : NULL;

      if (run_name != NULL && (entry == NULL || !g_str_equal (name, run_name)))
        {
          if (out->len > 0)
            g_string_append (out, _("; "));
          if (run_days == 1)
            g_string_append_printf (out, _("%s %s"), run_name, run_start);
          else
            g_string_append_printf (out, _("%s %s – %s (%u days)"), run_name, run_start, run_end, run_days);
          g_clear_pointer (&run_name, g_free);
        }
      if (entry == NULL)
        break;
      if (run_name == NULL)
        {
          run_name = g_strdup (name);
          memcpy (run_start, entry, 10);
          run_days = 0;
        }
      memcpy (run_end, entry, 10);
      run_days++;
    }
  for (PoDate d = from; d <= to; d++)
    {
      PoDayKind kind;

      if (!po_calendar_day_info (calendar, d, &kind, NULL, NULL, NULL))
        break;
      weekend += kind == PO_DAY_WEEKEND;
      makeup += kind == PO_DAY_MAKEUP_WORKDAY;
    }
  if (weekend > 0)
    {
      if (out->len > 0)
        g_string_append (out, _("; "));
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d weekend day", "%d weekend days", weekend), weekend);
    }
  if (makeup > 0)
    {
      if (out->len > 0)
        g_string_append (out, _("; "));
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d weekend working day (调休) counted",
                                                "%d weekend working days (调休) counted", makeup), makeup);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
describe_deadline (PoDatabase          *db,
                   PoCalendar          *calendar,
                   const PoAlert       *alert,
                   const DeadlineRule  *rule,
                   PoDate               today,
                   GPtrArray           *lines,
                   GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT d.start_on, d.days, d.due_on, %s, d.provisional "
                                          "FROM deadlines AS d JOIN %s AS t ON t.id = d.subject_id "
                                          "WHERE d.subject = ?1 AND d.kind = ?2 AND d.subject_id = ?3",
                                          rule->done, rule->table);
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (po_database_get_handle (db), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return po_database_set_error (db, rc, error, _("read the deadline"));
  sqlite3_bind_text (stmt, 1, rule->subject, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rule->kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, alert->subject_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *start = (const char *) sqlite3_column_text (stmt, 0);
      int days = sqlite3_column_int (stmt, 1);
      PoDate due = po_date_parse ((const char *) sqlite3_column_text (stmt, 2), NULL);
      const char *done = (const char *) sqlite3_column_text (stmt, 3);
      PoDate start_day = start ? po_date_parse (start, NULL) : PO_DATE_INVALID;
      PoDate end = done ? po_date_parse (done, NULL) : today;
      PoLevel level;
      int left = 0;

      add_line (lines, counted_from_label (rule->kind), start);
      if (days < 0)
        add_line_printf (lines, _("Time limit"), _("no later than the %d-th working day before"), -days);
      else
        add_line_printf (lines, _("Time limit"), g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days", days), days);
      if (g_str_equal (rule->kind, "decision"))
        {
          int suspended = po_case_suspended_days (db, calendar, alert->subject_id);

          if (suspended > 0)
            add_line_printf (lines, _("Of which suspended or extended"),
                             g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days", suspended), suspended);
        }
      add_line_printf (lines, _("Deadline"), "%s%s", sqlite3_column_text (stmt, 2),
                       sqlite3_column_int (stmt, 4) ? _(" (provisional calendar)") : "");
      if (done)
        add_line (lines, _("Done on"), done);
      else
        {
          g_autofree char *t = po_date_format (today);
          add_line_printf (lines, _("Still open on"), "%s", t);
        }
      level = po_deadline_level (calendar, today, due, done ? end : PO_DATE_INVALID, 0, &left);
      if (level == PO_LEVEL_RED)
        add_line_printf (lines, _("Working days over"), "%d", -left);
      else
        add_line_printf (lines, _("Working days left"), "%d", left);
      if (start_day != PO_DATE_INVALID)
        {
          g_autofree char *off = days_off_text (calendar, MIN (start_day, due) + 1, MAX (MAX (start_day, due), end));
          add_line (lines, _("Days off skipped"), off);
        }
    }
  else
    add_line (lines, _("Deadline"), _("none stored: the dates it is counted from are missing"));
  sqlite3_finalize (stmt);
  return TRUE;
}

static const char *
case_field_label (const char *field)
{
  if (g_str_equal (field, "accepted_on"))
    return _("accepted on");
  if (g_str_equal (field, "onsite_on"))
    return _("on-site enforcement date");
  if (g_str_equal (field, "decided_on"))
    return _("decided on");
  if (g_str_equal (field, "steps"))
    return _("handling steps");
  return field;
}

static gboolean
describe_case (PoDatabase     *db,
               const PoAlert  *alert,
               GPtrArray      *lines,
               GError        **error)
{
  sqlite3_stmt *stmt;
  static const char *const date_labels[] = {
    N_("On-site enforcement"), N_("Entered"), N_("Accepted"), N_("Decided"), N_("Reported"), N_("Closed")
  };

  stmt = po_database_prepare (db,
                              "SELECT c.item_code, i.name, c.onsite_on, c.entered_on, c.accepted_on, c.decided_on, "
                              "  c.reported_on, c.closed_on, c.fine_yuan, c.tier, c.steps, c.item_id, i.status, "
                              "  (SELECT min (published_on) FROM power_item_versions v WHERE v.item_id = c.item_id), "
                              "  " MISSING_FIELDS ("i.type = 'penalty'") ", c.closed_on IS NOT NULL "
                              "FROM cases AS c LEFT JOIN power_items AS i ON i.id = c.item_id WHERE c.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, alert->subject_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, PO_ERROR, PO_ERROR_NOT_FOUND, _("The case is no longer there."));
      return FALSE;
    }
  add_line (lines, _("Case"), alert->ref);
  add_line (lines, _("Department"), alert->department);
  add_line_printf (lines, _("Power item"), "%s %s", sqlite3_column_text (stmt, 0),
                   sqlite3_column_text (stmt, 1) ? (const char *) sqlite3_column_text (stmt, 1) : _("(not in the catalogue)"));
  for (int i = 0; i < 6; i++)
    add_line (lines, _(date_labels[i]), (const char *) sqlite3_column_text (stmt, 2 + i));
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    add_line_printf (lines, _("Fine"), _("%.2f yuan"), sqlite3_column_double (stmt, 8));
  add_line (lines, _("Tier"), (const char *) sqlite3_column_text (stmt, 9));
  add_line (lines, _("Steps"), (const char *) sqlite3_column_text (stmt, 10));

  if (g_str_equal (alert->rule, "incomplete-record"))
    {
      g_auto(GStrv) fields = g_strsplit ((const char *) sqlite3_column_text (stmt, 14), " ", -1);
      g_autoptr(GString) missing = g_string_new (NULL);

      for (guint i = 0; fields[i] != NULL; i++)
        if (*fields[i])
          g_string_append_printf (missing, "%s%s", missing->len ? _(", ") : "", case_field_label (fields[i]));
      add_line (lines, _("Missing"), missing->str);
    }
  else if (g_str_equal (alert->rule, "unapproved-item"))
    {
      guint n;
      const PoEnumEntry *statuses = po_item_statuses (&n);

      if (sqlite3_column_type (stmt, 11) == SQLITE_NULL)
        add_line (lines, _("Finding"), _("No power item in the catalogue has this code."));
      else
        {
          add_line (lines, _("Item status"), po_enum_label (statuses, n, (const char *) sqlite3_column_text (stmt, 12)));
          add_line (lines, _("First published on"),
                    sqlite3_column_text (stmt, 13) ? (const char *) sqlite3_column_text (stmt, 13) : _("never"));
          add_line (lines, _("Finding"), _("The item was not approved and published on the day the case was accepted."));
        }
    }
  else if (g_str_equal (alert->rule, "process-deviation"))
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(PoFlowchart) flowchart = po_flowchart_load (db, (const char *) sqlite3_column_text (stmt, 0),
                                                             PO_FLOWCHART_EXTERNAL, &local);
      g_auto(GStrv) names = g_strsplit ((const char *) sqlite3_column_text (stmt, 10), ">", -1);
      gboolean closed = sqlite3_column_int (stmt, 15);

      if (flowchart != NULL)
        {
          Chart *chart = chart_new (flowchart);
          guint at = 0;

          if (!chart_check_path (chart, (const char *) sqlite3_column_text (stmt, 10), closed, &at))
            {
              if (names[at] == NULL)
                add_line (lines, _("Finding"), _("The steps stop before the flowchart's end, though the case is closed."));
              else if (at == 0)
                add_line_printf (lines, _("Finding"), _("The flowchart does not begin with “%s”."), names[at]);
              else
                add_line_printf (lines, _("Finding"), _("In the flowchart “%s” cannot follow “%s”: a step is skipped, added or out of order."),
                                 names[at], names[at - 1]);
            }
          chart_free (chart);
        }
    }
  else if (g_str_equal (alert->rule, "discretion-breach"))
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(GPtrArray) benchmarks = po_discretion_load (db, (const char *) sqlite3_column_text (stmt, 0), &local);
      g_autofree char *why = NULL;
      gboolean checkable;

      if (benchmarks != NULL &&
          fine_breaches (benchmarks, sqlite3_column_double (stmt, 8), (const char *) sqlite3_column_text (stmt, 9),
                         &checkable, &why))
        add_line (lines, _("Finding"), why);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
describe_other (PoDatabase     *db,
                const PoAlert  *alert,
                GPtrArray      *lines,
                GError        **error)
{
  sqlite3_stmt *stmt;
  guint n;
  const PoEnumEntry *kinds;

  if (g_str_equal (alert->subject, "petition"))
    {
      stmt = po_database_prepare (db, "SELECT kind, subject, channel, assignee, answer FROM petitions WHERE id = ?1", error);
      kinds = po_petition_kinds (&n);
    }
  else if (g_str_equal (alert->subject, "review"))
    {
      stmt = po_database_prepare (db, "SELECT kind, title, legal_basis, reviewer, opinion FROM review_requests WHERE id = ?1",
                                  error);
      kinds = po_review_kinds (&n);
    }
  else
    {
      stmt = po_database_prepare (db, "SELECT '', demand, '', '', answer FROM supervision_orders WHERE id = ?1", error);
      kinds = NULL;
      n = 0;
    }
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, alert->subject_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      add_line (lines, _("Reference"), alert->ref);
      add_line (lines, _("Department"), alert->department);
      if (kinds != NULL)
        add_line (lines, _("Kind"), po_enum_label (kinds, n, (const char *) sqlite3_column_text (stmt, 0)));
      add_line (lines, g_str_equal (alert->subject, "order") ? _("Demand") : _("Subject"),
                (const char *) sqlite3_column_text (stmt, 1));
      add_line (lines, _("Channel"), (const char *) sqlite3_column_text (stmt, 2));
      add_line (lines, g_str_equal (alert->subject, "review") ? _("Reviewer") : _("Assigned to"),
                (const char *) sqlite3_column_text (stmt, 3));
      add_line (lines, g_str_equal (alert->subject, "review") ? _("Opinion") : _("Answer"),
                (const char *) sqlite3_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * po_alert_describe:
 * @today: the day “still open” is counted to
 *
 * The alert's subject with its dates, and for a deadline the arithmetic
 * spelled out: counted from, time limit, deadline, done or still open,
 * working days over, and the days off the count skipped.
 *
 * Returns: (transfer container) (element-type PoDetailLine)
 */
GPtrArray *
po_alert_describe (PoDatabase     *db,
                   const PoAlert  *alert,
                   PoDate          today,
                   GError        **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) po_detail_line_free);
  g_autoptr(PoCalendar) calendar = po_database_get_calendar (db, error);
  const DeadlineRule *rule = deadline_rule_for (alert->rule);
  guint n;
  const PoEnumEntry *rules = po_alert_rules (&n);

  if (calendar == NULL)
    return NULL;
  add_line (lines, _("Rule"), po_enum_label (rules, n, alert->rule));
  if (g_str_equal (alert->subject, "case") ? !describe_case (db, alert, lines, error)
                                           : !describe_other (db, alert, lines, error))
    return NULL;
  if (rule != NULL && !describe_deadline (db, calendar, alert, rule, today, lines, error))
    return NULL;
  if (alert->explanation && *alert->explanation)
    add_line (lines, _("Explanation"), alert->explanation);
  if (alert->close_reason && *alert->close_reason)
    add_line (lines, _("Closed because"), alert->close_reason);
  return g_steal_pointer (&lines);
}
