/* po-deadlines.c: every deadline of the regulation, computed once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deadlines are stored in the `deadlines` table, indexed by kind and day,
 * so that what is due or overdue is a range query. They are derived data:
 * recomputed from the audited rows whenever the calendar changes.
 */
#define G_LOG_DOMAIN "po-deadlines"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "po-deadlines.h"
#include "po-error.h"

/**
 * po_deadline_filing:
 *
 * "No later than 15 working days before the effective date": the 15th
 * working day before @effective_on, which itself is not counted.
 */
PoDate
po_deadline_filing (PoCalendar  *calendar,
                    PoDate       effective_on,
                    gboolean    *provisional,
                    GError     **error)
{
  return po_calendar_add (calendar, effective_on, -PO_FILING_LEAD_DAYS, provisional, error);
}

/**
 * po_deadline_within:
 *
 * "Within N working days of D": the Nth working day after @from, which
 * itself is not counted.
 */
PoDate
po_deadline_within (PoCalendar  *calendar,
                    PoDate       from,
                    int          working_days,
                    gboolean    *provisional,
                    GError     **error)
{
  return po_calendar_add (calendar, from, working_days, provisional, error);
}

int
po_petition_reply_days (const char *kind)
{
  return g_strcmp0 (kind, "complaint") == 0 ? PO_COMPLAINT_REPLY_DAYS : PO_CONSULTATION_REPLY_DAYS;
}

/**
 * po_working_days_left:
 *
 * Returns: the working days after @today up to and including @due; 0 on
 *   the day itself; negative when @due has passed (minus the working
 *   days after @due up to and including @today)
 */
int
po_working_days_left (PoCalendar *calendar,
                      PoDate      today,
                      PoDate      due)
{
  int n = 0;

  if (!po_calendar_count (calendar, today, due, &n, NULL, NULL))
    return due >= today ? 0 : -1;
  return n;
}

/**
 * po_deadline_level:
 * @done_on: the day the thing was done, or %PO_DATE_INVALID while open
 * @yellow_days: yellow when no more than this many working days are left
 * @days_left: (out) (optional): po_working_days_left() as of @today, or
 *   of @done_on once done
 *
 * Red once the deadline has passed, whether or not the thing was done
 * later; yellow while it is open with at most @yellow_days left; nothing
 * when it was done on time or has time enough.
 */
PoLevel
po_deadline_level (PoCalendar *calendar,
                   PoDate      today,
                   PoDate      due,
                   PoDate      done_on,
                   int         yellow_days,
                   int        *days_left)
{
  PoDate as_of = done_on != PO_DATE_INVALID ? done_on : today;
  int left = po_working_days_left (calendar, as_of, due);

  if (days_left)
    *days_left = left;
  if (as_of > due)
    return PO_LEVEL_RED;
  if (done_on == PO_DATE_INVALID && left <= yellow_days)
    return PO_LEVEL_YELLOW;
  return PO_LEVEL_NONE;
}

/* Which rows a refresh recomputes: one, those listed in temp.po_touched,
 * or all. The filter is pasted after a query's FROM clause. */
/**
 * po_deadline_level_share:
 * @start: the day the time limit is counted from
 * @yellow_share: when above 0, yellow once this percentage of the working
 *   days from @start to @due is used, instead of @yellow_days
 *
 * po_deadline_level() with the threshold the scan also takes: a number
 * of working days left, or a share of the time limit used.
 */
PoLevel
po_deadline_level_share (PoCalendar *calendar,
                         PoDate      today,
                         PoDate      start,
                         PoDate      due,
                         PoDate      done_on,
                         int         yellow_days,
                         int         yellow_share,
                         int        *days_left)
{
  PoLevel level;
  int limit = 0, used = 0;

  if (yellow_share <= 0 || start == PO_DATE_INVALID)
    return po_deadline_level (calendar, today, due, done_on, yellow_days, days_left);
  level = po_deadline_level (calendar, today, due, done_on, -1, days_left);
  if (level != PO_LEVEL_NONE || done_on != PO_DATE_INVALID)
    return level;
  if (po_calendar_count (calendar, start, due, &limit, NULL, NULL) &&
      po_calendar_count (calendar, start, today, &used, NULL, NULL) &&
      limit > 0 && used * 100 >= yellow_share * limit)
    return PO_LEVEL_YELLOW;
  return PO_LEVEL_NONE;
}

typedef enum
{
  SCOPE_ONE,
  SCOPE_TOUCHED,
  SCOPE_ALL,
} Scope;

typedef struct
{
  PoDatabase   *db;
  PoCalendar   *calendar;
  sqlite3_stmt *insert;
  Scope         scope;
  gint64        id;
} Writer;

static gboolean
store (Writer      *w,
       const char  *subject,
       gint64       subject_id,
       const char  *kind,
       PoDate       from,
       int          days,
       PoDate       due,
       gboolean     provisional,
       GError     **error)
{
  char day[11];
  char start[11];

  po_date_format_buf (due, day);
  po_date_format_buf (from, start);
  sqlite3_reset (w->insert);
  sqlite3_bind_text (w->insert, 1, subject, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (w->insert, 2, subject_id);
  sqlite3_bind_text (w->insert, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->insert, 4, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (w->insert, 5, provisional ? 1 : 0);
  sqlite3_bind_text (w->insert, 6, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (w->insert, 7, days);
  return po_database_step_done (w->db, w->insert, error);
}

static PoDate
column_date (sqlite3_stmt *stmt,
             int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return PO_DATE_INVALID;
  return po_date_parse ((const char *) sqlite3_column_text (stmt, col), NULL);
}

/* Store the Nth working day after @from, when @from is known and the
 * result lies inside the calendar; dates outside it have no deadline. */
static gboolean
store_within (Writer      *w,
              const char  *subject,
              gint64       id,
              const char  *kind,
              PoDate       from,
              int          days,
              GError     **error)
{
  gboolean provisional = FALSE;
  PoDate due;

  if (from == PO_DATE_INVALID)
    return TRUE;
  due = po_calendar_add (w->calendar, from, days, &provisional, NULL);
  if (due == PO_DATE_INVALID)
    return TRUE;
  return store (w, subject, id, kind, from, days, due, provisional, error);
}

/* @select ends in “FROM table AS alias”; the scope's filter follows. */
static sqlite3_stmt *
prepare_scoped (Writer      *w,
                const char  *select,
                const char  *alias,
                GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  switch (w->scope)
    {
    case SCOPE_ONE:
      sql = g_strdup_printf ("%s WHERE %s.id = ?1", select, alias);
      break;
    case SCOPE_TOUCHED:
      sql = g_strdup_printf ("%s WHERE %s.id IN (SELECT id FROM temp.po_touched)", select, alias);
      break;
    case SCOPE_ALL:
    default:
      sql = g_strdup (select);
      break;
    }
  stmt = po_database_prepare (w->db, sql, error);
  if (stmt != NULL && w->scope == SCOPE_ONE)
    sqlite3_bind_int64 (stmt, 1, w->id);
  return stmt;
}

static gboolean
refresh_reviews (Writer  *w,
                 GError **error)
{
  sqlite3_stmt *stmt = prepare_scoped (w, "SELECT r.id, r.effective_on, r.received_on FROM review_requests AS r",
                                       "r", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!store_within (w, "review", id, "filing", column_date (stmt, 1), -PO_FILING_LEAD_DAYS, error) ||
          !store_within (w, "review", id, "reply", column_date (stmt, 2), PO_REVIEW_REPLY_DAYS, error))
        return sqlite3_reset (stmt), FALSE;
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || po_database_set_error (w->db, rc, error, _("compute deadlines"));
}

static gboolean
refresh_petitions (Writer  *w,
                   GError **error)
{
  sqlite3_stmt *stmt = prepare_scoped (w, "SELECT p.id, p.kind, p.received_on FROM petitions AS p", "p", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!store_within (w, "petition", sqlite3_column_int64 (stmt, 0), "reply", column_date (stmt, 2),
                         po_petition_reply_days ((const char *) sqlite3_column_text (stmt, 1)), error))
        return sqlite3_reset (stmt), FALSE;
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || po_database_set_error (w->db, rc, error, _("compute deadlines"));
}

static gboolean
refresh_orders (Writer  *w,
                GError **error)
{
  sqlite3_stmt *stmt = prepare_scoped (w, "SELECT o.id, o.issued_on, o.limit_days FROM supervision_orders AS o",
                                       "o", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!store_within (w, "order", sqlite3_column_int64 (stmt, 0), "answer", column_date (stmt, 1),
                         sqlite3_column_int (stmt, 2), error))
        return sqlite3_reset (stmt), FALSE;
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || po_database_set_error (w->db, rc, error, _("compute deadlines"));
}

/**
 * po_case_suspended_days:
 *
 * Working days a case's decision deadline moves: suspended periods the
 * law excludes (the working days from start to end, both counted) plus
 * approved extensions (their days). A period still running (no end)
 * counts the days it has been given, if any.
 */
int
po_case_suspended_days (PoDatabase *db,
                        PoCalendar *calendar,
                        gint64      case_id)
{
  sqlite3_stmt *stmt = po_database_prepare (db,
                                            "SELECT kind, start_on, end_on, days FROM case_suspensions "
                                            "WHERE case_id = ?1",
                                            NULL);
  int total = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PoDate start = column_date (stmt, 1);
      PoDate end = column_date (stmt, 2);
      int n = 0;

      if (g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "extension") ||
          end == PO_DATE_INVALID)
        n = sqlite3_column_int (stmt, 3);
      else if (start == PO_DATE_INVALID ||
               !po_calendar_count (calendar, start - 1, end, &n, NULL, NULL))
        n = 0;
      total += MAX (n, 0);
    }
  sqlite3_reset (stmt);
  return total;
}

/* po_due(FROM, N): the Nth working day after FROM as text, or NULL when
 * FROM is NULL or the result leaves the calendar. */
static void
sql_due (sqlite3_context  *ctx,
         int               argc,
         sqlite3_value   **argv)
{
  Writer *w = sqlite3_user_data (ctx);
  PoDate from, due;
  char day[11];

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL || sqlite3_value_type (argv[1]) == SQLITE_NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  from = po_date_parse ((const char *) sqlite3_value_text (argv[0]), NULL);
  due = from == PO_DATE_INVALID ? PO_DATE_INVALID
                                : po_calendar_add (w->calendar, from, sqlite3_value_int (argv[1]), NULL, NULL);
  if (due == PO_DATE_INVALID)
    {
      sqlite3_result_null (ctx);
      return;
    }
  po_date_format_buf (due, day);
  sqlite3_result_text (ctx, day, 10, SQLITE_TRANSIENT);
}

/* po_provisional(FROM, TO): 1 when a year between lacks a schedule. */
static void
sql_provisional (sqlite3_context  *ctx,
                 int               argc,
                 sqlite3_value   **argv)
{
  Writer *w = sqlite3_user_data (ctx);
  PoDate from = po_date_parse ((const char *) sqlite3_value_text (argv[0]), NULL);
  PoDate to = po_date_parse ((const char *) sqlite3_value_text (argv[1]), NULL);

  sqlite3_result_int (ctx, from != PO_DATE_INVALID && to != PO_DATE_INVALID &&
                           po_calendar_is_provisional (w->calendar, from, to));
}

/* po_suspended(CASE): po_case_suspended_days(). */
static void
sql_suspended (sqlite3_context  *ctx,
               int               argc,
               sqlite3_value   **argv)
{
  Writer *w = sqlite3_user_data (ctx);

  sqlite3_result_int (ctx, po_case_suspended_days (w->db, w->calendar, sqlite3_value_int64 (argv[0])));
}

/* A case's three deadlines, written by one statement each for all the
 * cases in scope: entry, 1 working day after on-site enforcement (a
 * penalty only); decision, the item's committed limit (its statutory one
 * without) plus suspended days, after acceptance; report, 3 after the
 * latest of accepted, decided, closed. */
static const char *const case_deadline_sql[] = {
  "INSERT INTO deadlines (subject, subject_id, kind, due_on, provisional, start_on, days) "
  "SELECT 'case', x.id, 'entry', x.due, po_provisional (x.start, x.due), x.start, x.n FROM ("
  "  SELECT c.id AS id, c.onsite_on AS start, 1 AS n, po_due (c.onsite_on, 1) AS due "
  "  FROM cases AS c JOIN power_items AS i ON i.id = c.item_id "
  "  WHERE i.type = 'penalty' AND c.onsite_on IS NOT NULL @SCOPE@) AS x WHERE x.due IS NOT NULL",

  "INSERT INTO deadlines (subject, subject_id, kind, due_on, provisional, start_on, days) "
  "SELECT 'case', x.id, 'decision', x.due, po_provisional (x.start, x.due), x.start, x.n FROM ("
  "  SELECT y.id AS id, y.start AS start, y.n AS n, po_due (y.start, y.n) AS due FROM ("
  "    SELECT c.id AS id, c.accepted_on AS start, "
  "      coalesce (i.committed_limit, i.statutory_limit) "
  "      + CASE WHEN EXISTS (SELECT 1 FROM case_suspensions s WHERE s.case_id = c.id) "
  "             THEN po_suspended (c.id) ELSE 0 END AS n "
  "    FROM cases AS c JOIN power_items AS i ON i.id = c.item_id "
  "    WHERE c.accepted_on IS NOT NULL AND coalesce (i.committed_limit, i.statutory_limit) IS NOT NULL @SCOPE@ "
  "    LIMIT -1) AS y LIMIT -1) AS x WHERE x.due IS NOT NULL",

  "INSERT INTO deadlines (subject, subject_id, kind, due_on, provisional, start_on, days) "
  "SELECT 'case', x.id, 'report', x.due, po_provisional (x.start, x.due), x.start, x.n FROM ("
  "  SELECT y.id AS id, y.start AS start, 3 AS n, po_due (y.start, 3) AS due FROM ("
  "    SELECT c.id AS id, nullif (max (coalesce (c.accepted_on, ''), coalesce (c.decided_on, ''), "
  "                                    coalesce (c.closed_on, '')), '') AS start "
  "    FROM cases AS c WHERE 1 @SCOPE@ LIMIT -1) AS y WHERE y.start IS NOT NULL LIMIT -1) AS x "
  "WHERE x.due IS NOT NULL",
};

static gboolean
refresh_cases (Writer         *w,
               GCancellable   *cancellable,
               PoProgressFunc  progress,
               gpointer        user_data,
               GError        **error)
{
  sqlite3 *handle = po_database_get_handle (w->db);
  const char *scope = w->scope == SCOPE_ONE ? "AND c.id = ?1"
                    : w->scope == SCOPE_TOUCHED ? "AND c.id IN (SELECT id FROM temp.po_touched)" : "";
  gboolean ok = TRUE;

  sqlite3_create_function_v2 (handle, "po_due", 2, SQLITE_UTF8, w, sql_due, NULL, NULL, NULL);
  sqlite3_create_function_v2 (handle, "po_provisional", 2, SQLITE_UTF8, w, sql_provisional, NULL, NULL, NULL);
  sqlite3_create_function_v2 (handle, "po_suspended", 1, SQLITE_UTF8, w, sql_suspended, NULL, NULL, NULL);

  for (guint i = 0; ok && i < G_N_ELEMENTS (case_deadline_sql); i++)
    {
      g_autoptr(GString) sql = g_string_new (case_deadline_sql[i]);
      sqlite3_stmt *stmt;
      int rc;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      g_string_replace (sql, "@SCOPE@", scope, 0);
      rc = sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          if (w->scope == SCOPE_ONE)
            sqlite3_bind_int64 (stmt, 1, w->id);
          rc = sqlite3_step (stmt);
          sqlite3_finalize (stmt);
        }
      if (rc != SQLITE_DONE && rc != SQLITE_OK)
        ok = po_database_set_error (w->db, rc, error, _("compute deadlines"));
      if (progress)
        progress ((double) (i + 1) / G_N_ELEMENTS (case_deadline_sql), user_data);
    }

  sqlite3_create_function_v2 (handle, "po_due", 2, SQLITE_UTF8, NULL, NULL, NULL, NULL, NULL);
  sqlite3_create_function_v2 (handle, "po_provisional", 2, SQLITE_UTF8, NULL, NULL, NULL, NULL, NULL);
  sqlite3_create_function_v2 (handle, "po_suspended", 1, SQLITE_UTF8, NULL, NULL, NULL, NULL, NULL);
  return ok;
}

static const char insert_sql[] =
  "INSERT INTO deadlines (subject, subject_id, kind, due_on, provisional, start_on, days) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

/**
 * po_deadlines_touch_begin:
 *
 * Starts (or empties) the temporary list of rows an import writes, so
 * that po_deadlines_refresh_touched() recomputes only theirs.
 */
gboolean
po_deadlines_touch_begin (PoDatabase  *db,
                          GError     **error)
{
  return po_database_exec (db,
                           "CREATE TEMP TABLE IF NOT EXISTS po_touched (id INTEGER PRIMARY KEY);"
                           "DELETE FROM temp.po_touched;",
                           error);
}

/**
 * po_deadlines_touch:
 *
 * Adds one row to the list po_deadlines_touch_begin() started.
 */
gboolean
po_deadlines_touch (PoDatabase  *db,
                    gint64       id,
                    GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db, "INSERT OR IGNORE INTO temp.po_touched (id) VALUES (?1)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return po_database_step_done (db, stmt, error);
}

/* Every kind of deadline, so that a row's are found by the key
 * (subject, kind, subject_id) without reading the others'. */
#define KINDS "('entry', 'decision', 'report', 'reply', 'filing', 'answer')"

static gboolean
refresh_scoped (PoDatabase     *db,
                const char     *subject,
                Scope           scope,
                gint64          id,
                GCancellable   *cancellable,
                PoProgressFunc  progress,
                gpointer        user_data,
                GError        **error)
{
  g_autoptr(PoCalendar) calendar = po_database_get_calendar (db, error);
  Writer w = { db, calendar, NULL, scope, id };
  sqlite3_stmt *del;

  if (calendar == NULL)
    return FALSE;
  if (scope == SCOPE_ONE)
    {
      del = po_database_prepare (db, "DELETE FROM deadlines WHERE subject = ?1 AND kind IN " KINDS " AND subject_id = ?2",
                                 error);
      if (del == NULL)
        return FALSE;
      sqlite3_bind_int64 (del, 2, id);
    }
  else
    {
      del = po_database_prepare (db,
                                 "DELETE FROM deadlines WHERE subject = ?1 AND kind IN " KINDS " "
                                 "AND subject_id IN (SELECT id FROM temp.po_touched)",
                                 error);
      if (del == NULL)
        return FALSE;
    }
  sqlite3_bind_text (del, 1, subject, -1, SQLITE_STATIC);
  if (!po_database_step_done (db, del, error))
    return FALSE;

  w.insert = po_database_prepare (db, insert_sql, error);
  if (w.insert == NULL)
    return FALSE;
  if (g_str_equal (subject, "case"))
    return refresh_cases (&w, cancellable, progress, user_data, error);
  if (g_str_equal (subject, "petition"))
    return refresh_petitions (&w, error);
  if (g_str_equal (subject, "order"))
    return refresh_orders (&w, error);
  return refresh_reviews (&w, error);
}

/**
 * po_deadlines_refresh_touched:
 * @subject: "case", "petition", "review" or "order"
 *
 * Recomputes the deadlines of the rows in the list
 * po_deadlines_touch_begin() started.
 */
gboolean
po_deadlines_refresh_touched (PoDatabase     *db,
                              const char     *subject,
                              GCancellable   *cancellable,
                              PoProgressFunc  progress,
                              gpointer        user_data,
                              GError        **error)
{
  return refresh_scoped (db, subject, SCOPE_TOUCHED, 0, cancellable, progress, user_data, error);
}

/**
 * po_deadlines_refresh_one:
 * @subject: "case", "petition", "review" or "order"
 *
 * Computes and stores the deadlines of one row, after it was written.
 */
gboolean
po_deadlines_refresh_one (PoDatabase  *db,
                          const char  *subject,
                          gint64       id,
                          GError     **error)
{
  return refresh_scoped (db, subject, SCOPE_ONE, id, NULL, NULL, NULL, error);
}

/**
 * po_deadlines_refresh_review:
 *
 * Computes and stores the filing and reply deadlines of one request.
 */
gboolean
po_deadlines_refresh_review (PoDatabase  *db,
                             gint64       review_id,
                             GError     **error)
{
  return po_deadlines_refresh_one (db, "review", review_id, error);
}

/* Migration 2 imports the calendar before migration 4 gives deadlines
 * their present shape; migration 4 then computes them all. */
static gboolean
deadlines_have_start (PoDatabase *db)
{
  return po_database_query_int (db, "SELECT count(*) FROM pragma_table_info ('deadlines') WHERE name = 'start_on'",
                                NULL) > 0;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const PoDate *x = a, *y = b;

  return (x[0] > y[0]) - (x[0] < y[0]);
}

/* The spans sorted and joined where they overlap or touch, into
 * temp.po_changed_days, so that the one span that can hold a day is the
 * last one starting on or before it. */
static gboolean
store_spans (PoDatabase    *db,
             const PoDate  *spans,
             guint          n_spans,
             GError       **error)
{
  g_autofree PoDate *sorted = g_memdup2 (spans, sizeof (PoDate) * 2 * n_spans);
  sqlite3_stmt *insert;
  guint i = 0;

  qsort (sorted, n_spans, sizeof (PoDate) * 2, compare_spans);
  if (!po_database_exec (db,
                         "CREATE TEMP TABLE IF NOT EXISTS po_changed_days (first TEXT PRIMARY KEY, last TEXT NOT NULL);"
                         "DELETE FROM temp.po_changed_days;",
                         error))
    return FALSE;
  insert = po_database_prepare (db, "INSERT INTO temp.po_changed_days (first, last) VALUES (?1, ?2)", error);
  if (insert == NULL)
    return FALSE;

  while (i < n_spans)
    {
      PoDate first = sorted[2 * i], last = sorted[2 * i + 1];
      char a[11], b[11];

      for (i++; i < n_spans && sorted[2 * i] <= last + 1; i++)
        last = MAX (last, sorted[2 * i + 1]);
      po_date_format_buf (first, a);
      po_date_format_buf (last, b);
      sqlite3_bind_text (insert, 1, a, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 2, b, -1, SQLITE_TRANSIENT);
      if (!po_database_step_done (db, insert, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * po_deadlines_refresh_changed_days:
 * @spans: (array length=n_spans): pairs of days, first and last, whose
 *   kind (working day or not) changed, or whose year was published
 * @n_recomputed: (out) (optional): how many rows had their deadlines
 *   computed again
 *
 * After a change to the calendar: recomputes the deadlines whose count of
 * working days crosses one of @spans, and no other. A day outside a
 * deadline's count, between the day it is counted from and the day it
 * falls due, cannot move it; so a new holiday touches what is open across
 * it, not the office's whole history. A case with a suspended period
 * across a span is recomputed too, as those periods are counted.
 */
gboolean
po_deadlines_refresh_changed_days (PoDatabase     *db,
                                   const PoDate   *spans,
                                   guint           n_spans,
                                   GCancellable   *cancellable,
                                   PoProgressFunc  progress,
                                   gpointer        user_data,
                                   guint          *n_recomputed,
                                   GError        **error)
{
  static const char *const subjects[] = { "review", "petition", "order", "case" };
  guint total = 0;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);

  if (n_recomputed)
    *n_recomputed = 0;
  if (n_spans == 0 || !deadlines_have_start (db))
    return TRUE;
  if (!po_database_exec (db, "SAVEPOINT deadlines_changed_days", error))
    return FALSE;
  if (!store_spans (db, spans, n_spans, error))
    goto fail;

  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      gboolean is_case = g_str_equal (subjects[i], "case");
      sqlite3_stmt *touch;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !po_deadlines_touch_begin (db, error))
        goto fail;

      /* A deadline counts from start_on forward, or back from it (filing):
       * its days lie between the two, both ends included. One look-up in
       * the spans per deadline. */
      touch = po_database_prepare (db,
                                   "INSERT OR IGNORE INTO temp.po_touched (id) "
                                   "SELECT d.subject_id FROM deadlines AS d "
                                   "WHERE d.subject = ?1 AND d.kind IN " KINDS " "
                                   "  AND (d.start_on IS NULL OR "
                                   "       (SELECT s.last FROM temp.po_changed_days AS s "
                                   "        WHERE s.first <= max (d.start_on, d.due_on) ORDER BY s.first DESC LIMIT 1) "
                                   "       >= min (d.start_on, d.due_on))",
                                   error);
      if (touch == NULL)
        goto fail;
      sqlite3_bind_text (touch, 1, subjects[i], -1, SQLITE_STATIC);
      if (!po_database_step_done (db, touch, error))
        goto fail;
      /* A filing deadline counted back into 2003 has no row; a new
       * make-up day may give it one. */
      if (g_str_equal (subjects[i], "review") &&
          !po_database_exec (db,
                             "INSERT OR IGNORE INTO temp.po_touched (id) "
                             "SELECT r.id FROM review_requests AS r WHERE r.effective_on IS NOT NULL AND NOT EXISTS "
                             "(SELECT 1 FROM deadlines AS d WHERE d.subject = 'review' AND d.kind = 'filing' "
                             " AND d.subject_id = r.id)",
                             error))
        goto fail;
      if (is_case &&
          !po_database_exec (db,
                             "INSERT OR IGNORE INTO temp.po_touched (id) "
                             "SELECT x.case_id FROM case_suspensions AS x "
                             "WHERE (SELECT s.last FROM temp.po_changed_days AS s "
                             "       WHERE s.first <= coalesce (x.end_on, x.start_on) ORDER BY s.first DESC LIMIT 1) "
                             "      >= x.start_on",
                             error))
        goto fail;

      total += (guint) MAX (po_database_query_int (db, "SELECT count(*) FROM temp.po_touched", NULL), 0);
      if (!refresh_scoped (db, subjects[i], SCOPE_TOUCHED, 0, cancellable,
                           is_case ? progress : NULL, user_data, error))
        goto fail;
    }

  if (!po_database_exec (db, "DELETE FROM temp.po_touched; RELEASE deadlines_changed_days", error))
    goto fail;
  if (progress)
    progress (1.0, user_data);
  if (n_recomputed)
    *n_recomputed = total;
  return TRUE;

fail:
  po_database_exec (db, "ROLLBACK TO deadlines_changed_days; RELEASE deadlines_changed_days", NULL);
  return FALSE;
}

/**
 * po_deadlines_refresh_all:
 *
 * Recomputes every stored deadline from the current calendar, in one
 * savepoint: afterwards all are new, or on failure all are as before.
 */
gboolean
po_deadlines_refresh_all (PoDatabase      *db,
                          GCancellable    *cancellable,
                          PoProgressFunc   progress,
                          gpointer         user_data,
                          GError         **error)
{
  g_autoptr(PoCalendar) calendar = NULL;
  Writer w = { db, NULL, NULL, SCOPE_ALL, 0 };

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);

  if (!deadlines_have_start (db))
    return TRUE;

  calendar = po_database_get_calendar (db, error);
  if (calendar == NULL)
    return FALSE;
  w.calendar = calendar;

  if (!po_database_exec (db, "SAVEPOINT deadlines_refresh; DELETE FROM deadlines;", error))
    return FALSE;

  w.insert = po_database_prepare (db, insert_sql, error);
  if (w.insert == NULL ||
      !refresh_reviews (&w, error) ||
      !refresh_petitions (&w, error) ||
      !refresh_orders (&w, error) ||
      !refresh_cases (&w, cancellable, progress, user_data, error) ||
      !po_database_exec (db, "RELEASE deadlines_refresh", error))
    {
      po_database_exec (db, "ROLLBACK TO deadlines_refresh; RELEASE deadlines_refresh", NULL);
      return FALSE;
    }

  if (progress)
    progress (1.0, user_data);
  return TRUE;
}
