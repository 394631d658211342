/* po-overview.c: the figures of the first page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each figure is one indexed query over stored deadlines; nothing here
 * computes a deadline. The open things are few and the done ones many, so
 * each count walks the partial index of open rows and looks their
 * deadline up (CROSS JOIN fixes that order: left alone, the planner
 * scanned every past deadline, 35 times slower over a million cases).
 */
#define G_LOG_DOMAIN "po-overview"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "po-domain.h"
#include "po-overview.h"

static gint64
count_with_dates (PoDatabase  *db,
                  const char  *sql,
                  PoDate       a,
                  PoDate       b,
                  GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db, sql, error);
  char da[11], db_[11];
  gint64 n = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  po_date_format_buf (a, da);
  po_date_format_buf (b, db_);
  sqlite3_bind_text (stmt, 1, da, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, db_, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    po_database_set_error (db, rc, error, _("count the figures"));
  sqlite3_reset (stmt);
  return n;
}

/**
 * po_overview_load:
 * @today: the day the figures are for
 *
 * Reads the first page's figures in one read transaction.
 */
gboolean
po_overview_load (PoDatabase  *db,
                  PoDate       today,
                  PoOverview  *out,
                  GError     **error)
{
  g_autoptr(PoCalendar) calendar = NULL;
  const PoEnumEntry *statuses;
  sqlite3_stmt *stmt;
  guint n_statuses;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  out->today = today;
  out->week_start = today - (po_date_weekday (today) - 1);
  out->week_end = out->week_start + 6;

  calendar = po_database_get_calendar (db, error);
  if (calendar == NULL)
    return FALSE;
  out->calendar_last_year = po_calendar_last_published (calendar);
  out->today_provisional = !po_calendar_is_published (calendar, po_date_year (today));

  if (!po_database_exec (db, "BEGIN", error))
    return FALSE;

  if ((out->departments = po_database_query_int (db, "SELECT count(*) FROM departments", error)) < 0)
    goto out;

  statuses = po_item_statuses (&n_statuses);
  g_assert (n_statuses == PO_N_ITEM_STATUSES);
  stmt = po_database_prepare (db, "SELECT status, count(*) FROM power_items GROUP BY status", error);
  if (stmt == NULL)
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 0);
      gint64 n = sqlite3_column_int64 (stmt, 1);

      out->items_total += n;
      for (guint i = 0; i < n_statuses; i++)
        if (g_str_equal (statuses[i].key, status))
          out->items_by_status[i] = n;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      po_database_set_error (db, rc, error, _("count the figures"));
      goto out;
    }

  if ((out->reviews_open = po_database_query_int (db, "SELECT count(*) FROM review_requests WHERE state = 'open'", error)) < 0 ||
      /* From today on: days already past are counted as overdue. */
      (out->reviews_due_this_week = count_with_dates (db,
          "SELECT count(*) FROM review_requests AS r CROSS JOIN deadlines AS d "
          "  ON d.subject = 'review' AND d.subject_id = r.id AND d.kind = 'reply' "
          "WHERE r.state = 'open' AND d.due_on BETWEEN ?1 AND ?2",
          today, out->week_end, error)) < 0 ||
      (out->reviews_overdue = count_with_dates (db,
          "SELECT count(*) FROM review_requests AS r CROSS JOIN deadlines AS d "
          "  ON d.subject = 'review' AND d.subject_id = r.id AND d.kind = 'reply' "
          "WHERE r.state = 'open' AND d.due_on < ?1 AND ?2 IS NOT NULL",
          today, today, error)) < 0 ||
      (out->alerts_red = po_database_query_int (db,
          "SELECT count(*) FROM alerts WHERE state IN ('open', 'explained', 'ordered') AND level = 'red'", error)) < 0 ||
      (out->alerts_yellow = po_database_query_int (db,
          "SELECT count(*) FROM alerts WHERE state IN ('open', 'explained', 'ordered') AND level = 'yellow'", error)) < 0 ||
      (out->cases_total = po_database_query_int (db, "SELECT count(*) FROM cases", error)) < 0 ||
      (out->cases_overdue = count_with_dates (db,
          "SELECT count(*) FROM cases AS c CROSS JOIN deadlines AS d "
          "  ON d.subject = 'case' AND d.subject_id = c.id AND d.kind = 'decision' "
          "WHERE c.decided_on IS NULL AND d.due_on < ?1 AND ?2 IS NOT NULL",
          today, today, error)) < 0 ||
      (out->petitions_open = po_database_query_int (db,
          "SELECT count(*) FROM petitions WHERE replied_on IS NULL", error)) < 0 ||
      (out->petitions_overdue = count_with_dates (db,
          "SELECT count(*) FROM petitions AS p CROSS JOIN deadlines AS d "
          "  ON d.subject = 'petition' AND d.subject_id = p.id AND d.kind = 'reply' "
          "WHERE p.replied_on IS NULL AND d.due_on < ?1 AND ?2 IS NOT NULL",
          today, today, error)) < 0)
    goto out;

  ok = TRUE;

out:
  po_database_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL);
  return ok;
}
