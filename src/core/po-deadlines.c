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

typedef struct
{
  PoDatabase   *db;
  PoCalendar   *calendar;
  sqlite3_stmt *insert;
} Writer;

static gboolean
store (Writer      *w,
       const char  *subject,
       gint64       subject_id,
       const char  *kind,
       PoDate       due,
       gboolean     provisional,
       GError     **error)
{
  char day[11];

  po_date_format_buf (due, day);
  sqlite3_reset (w->insert);
  sqlite3_bind_text (w->insert, 1, subject, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (w->insert, 2, subject_id);
  sqlite3_bind_text (w->insert, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->insert, 4, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (w->insert, 5, provisional ? 1 : 0);
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
  return store (w, subject, id, kind, due, provisional, error);
}

static gboolean
refresh_reviews (Writer  *w,
                 gint64   only_id,
                 GError **error)
{
  sqlite3_stmt *stmt = po_database_prepare (w->db,
                                            "SELECT id, effective_on, received_on FROM review_requests "
                                            "WHERE ?1 = 0 OR id = ?1",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, only_id);
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
  sqlite3_stmt *stmt = po_database_prepare (w->db, "SELECT id, kind, received_on FROM petitions", error);
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
  sqlite3_stmt *stmt = po_database_prepare (w->db, "SELECT id, issued_on, limit_days FROM supervision_orders", error);
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

/* Working days the decision deadline moves: suspended periods the law
 * excludes (counted inclusive of both ends) plus approved extensions. */
static int
suspended_days (Writer *w,
                gint64  case_id)
{
  sqlite3_stmt *stmt = po_database_prepare (w->db,
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
               !po_calendar_count (w->calendar, start - 1, end, &n, NULL, NULL))
        n = 0;
      total += MAX (n, 0);
    }
  sqlite3_reset (stmt);
  return total;
}

static gboolean
refresh_cases (Writer         *w,
               GCancellable   *cancellable,
               PoProgressFunc  progress,
               gpointer        user_data,
               GError        **error)
{
  gint64 total = po_database_query_int (w->db, "SELECT count(*) FROM cases", error);
  sqlite3_stmt *stmt;
  gint64 done = 0;
  int rc;

  if (total < 0)
    return FALSE;
  stmt = po_database_prepare (w->db,
                              "SELECT c.id, i.type, c.onsite_on, c.accepted_on, "
                              "       coalesce (i.committed_limit, i.statutory_limit), "
                              "       max (coalesce (c.accepted_on, ''), coalesce (c.decided_on, ''), "
                              "            coalesce (c.closed_on, '')), "
                              "       EXISTS (SELECT 1 FROM case_suspensions s WHERE s.case_id = c.id) "
                              "FROM cases AS c LEFT JOIN power_items AS i ON i.id = c.item_id",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *type = (const char *) sqlite3_column_text (stmt, 1);
      const char *latest = (const char *) sqlite3_column_text (stmt, 5);

      if (g_strcmp0 (type, "penalty") == 0 &&
          !store_within (w, "case", id, "entry", column_date (stmt, 2), PO_CASE_ENTRY_DAYS, error))
        goto fail;

      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          int limit = sqlite3_column_int (stmt, 4);

          if (sqlite3_column_int (stmt, 6))
            limit += suspended_days (w, id);
          if (!store_within (w, "case", id, "decision", column_date (stmt, 3), limit, error))
            goto fail;
        }

      if (latest != NULL && *latest != '\0' &&
          !store_within (w, "case", id, "report", po_date_parse (latest, NULL), PO_CASE_REPORT_DAYS, error))
        goto fail;

      if ((++done & 0x3fff) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto fail;
          if (progress)
            progress ((double) done / MAX (total, 1), user_data);
        }
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || po_database_set_error (w->db, rc, error, _("compute deadlines"));

fail:
  sqlite3_reset (stmt);
  return FALSE;
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
  g_autoptr(PoCalendar) calendar = po_database_get_calendar (db, error);
  sqlite3_stmt *del;
  Writer w = { db, calendar, NULL };

  if (calendar == NULL)
    return FALSE;
  del = po_database_prepare (db, "DELETE FROM deadlines WHERE subject = 'review' AND subject_id = ?1", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, review_id);
  if (!po_database_step_done (db, del, error))
    return FALSE;
  w.insert = po_database_prepare (db,
                                  "INSERT INTO deadlines (subject, subject_id, kind, due_on, provisional) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5)",
                                  error);
  return w.insert != NULL && refresh_reviews (&w, review_id, error);
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
  Writer w = { db, NULL, NULL };

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);

  calendar = po_database_get_calendar (db, error);
  if (calendar == NULL)
    return FALSE;
  w.calendar = calendar;

  if (!po_database_exec (db, "SAVEPOINT deadlines_refresh; DELETE FROM deadlines;", error))
    return FALSE;

  w.insert = po_database_prepare (db,
                                  "INSERT INTO deadlines (subject, subject_id, kind, due_on, provisional) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5)",
                                  error);
  if (w.insert == NULL ||
      !refresh_reviews (&w, 0, error) ||
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
