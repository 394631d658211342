/* po-review.c: legality review (合法性审核)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 规定 九(五): a department files a change no later than the 15th working
 * day before the law change takes effect; the legal office replies within
 * 10 working days of receipt. A decision and its effect on the catalogue
 * are one transaction.
 */
#define G_LOG_DOMAIN "po-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "po-discretion.h"
#include "po-domain.h"
#include "po-error.h"
#include "po-flowchart.h"
#include "po-item.h"
#include "po-review.h"

static gboolean
bind_date_or_null (sqlite3_stmt *stmt,
                   int           col,
                   PoDate        date)
{
  char buf[11];

  if (date == PO_DATE_INVALID)
    return sqlite3_bind_null (stmt, col) == SQLITE_OK;
  po_date_format_buf (date, buf);
  return sqlite3_bind_text (stmt, col, buf, -1, SQLITE_TRANSIENT) == SQLITE_OK;
}

static const char *
kind_label (const char *kind)
{
  guint n;
  const PoEnumEntry *kinds = po_review_kinds (&n);

  return po_enum_label (kinds, n, kind);
}

/**
 * po_review_file:
 * @id: (out) (optional): the new request's number
 *
 * Files a request for legality review and moves its item along: a draft
 * goes under review; a published item's change or abolition is under
 * review while its published version stays in force. Its deadlines are
 * computed and stored.
 */
gboolean
po_review_file (PoDatabase           *db,
                const PoReviewFiling *filing,
                gint64               *id,
                GError              **error)
{
  g_autoptr(PoItem) item = NULL;
  g_autofree char *proposal = NULL;
  g_autofree char *title = NULL;
  const char *kind = filing->kind;
  const char *next_status = NULL;
  sqlite3_stmt *stmt;
  guint n_kinds;
  gint64 new_id;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);

  const PoEnumEntry *kinds = po_review_kinds (&n_kinds);

  if (po_enum_lookup (kinds, n_kinds, kind) == NULL)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("“%s” is not a kind of review request"), kind);
      return FALSE;
    }
  if (filing->filed_on == PO_DATE_INVALID || filing->received_on == PO_DATE_INVALID)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("A request needs the day it was filed and the day it was received"));
      return FALSE;
    }
  if (filing->received_on < filing->filed_on)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("A request cannot be received before it was filed"));
      return FALSE;
    }

  item = po_item_load (db, filing->item_code, error);
  if (item == NULL)
    return FALSE;

  if (g_str_equal (kind, "create"))
    {
      g_autoptr(GPtrArray) findings = po_findings_new ();

      if (!po_item_status_allows (item->status, "submit"))
        return po_item_refuse (item, "submit", error);
      po_item_validate (item, findings);
      if (findings->len > 0)
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                       _("“%s” is not ready for legality review: %s"),
                       item->code, ((PoFinding *) g_ptr_array_index (findings, 0))->message);
          return FALSE;
        }
      proposal = filing->proposal ? g_strdup (filing->proposal) : po_item_to_json (item);
      next_status = "in-review";
    }
  else if (g_str_equal (kind, "modify") || g_str_equal (kind, "abolish"))
    {
      if (!po_item_status_allows (item->status, "adjust"))
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                       _("Only a published item can be changed or abolished through review; “%s” is not published, or already under review"),
                       item->code);
          return FALSE;
        }
      if (g_str_equal (kind, "modify"))
        {
          g_autoptr(PoItem) changed = po_item_copy (item);
          g_autoptr(GPtrArray) findings = po_findings_new ();

          if (filing->proposal == NULL || !po_item_apply_json (changed, db, filing->proposal, error))
            {
              if (error && *error == NULL)
                g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("A change needs the proposed fields"));
              return FALSE;
            }
          po_item_validate (changed, findings);
          if (findings->len > 0)
            {
              g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("The proposed change is not valid: %s"),
                           ((PoFinding *) g_ptr_array_index (findings, 0))->message);
              return FALSE;
            }
        }
      proposal = g_strdup (filing->proposal ? filing->proposal : "{}");
      next_status = "adjusting";
    }
  else
    {
      if (g_str_equal (item->status, "abolished"))
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("“%s” has been abolished"), item->code);
          return FALSE;
        }
      if (filing->proposal == NULL)
        {
          g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("An adjustment needs the proposed content"));
          return FALSE;
        }
      proposal = g_strdup (filing->proposal);
    }

  title = filing->title ? g_strdup (filing->title) : g_strdup_printf ("%s（%s）", item->name, kind_label (kind));

  if (!po_database_exec (db, "SAVEPOINT review_file", error))
    return FALSE;
  stmt = po_database_prepare (db,
                              "INSERT INTO review_requests (kind, item_id, department_id, title, proposal, "
                              "  legal_basis, effective_on, filed_on, received_on) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, item->id);
  sqlite3_bind_int64 (stmt, 3, item->department_id);
  sqlite3_bind_text (stmt, 4, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, proposal, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, filing->legal_basis ? filing->legal_basis : "", -1, SQLITE_TRANSIENT);
  bind_date_or_null (stmt, 7, filing->effective_on);
  bind_date_or_null (stmt, 8, filing->filed_on);
  bind_date_or_null (stmt, 9, filing->received_on);
  if (!po_database_step_done (db, stmt, error))
    goto fail;
  new_id = sqlite3_last_insert_rowid (po_database_get_handle (db));

  if ((next_status != NULL && !po_item_set_status (db, item->id, next_status, error)) ||
      !po_deadlines_refresh_review (db, new_id, error) ||
      !po_database_exec (db, "RELEASE review_file", error))
    goto fail;

  if (id)
    *id = new_id;
  return TRUE;

fail:
  po_database_exec (db, "ROLLBACK TO review_file; RELEASE review_file", NULL);
  return FALSE;
}

static const char *
outcome_state (PoOutcome outcome)
{
  switch (outcome)
    {
    case PO_OUTCOME_APPROVED: return "approved";
    case PO_OUTCOME_APPROVED_WITH_CHANGES: return "approved-with-changes";
    case PO_OUTCOME_RETURNED: return "returned";
    case PO_OUTCOME_REJECTED: return "rejected";
    default: g_return_val_if_reached ("rejected");
    }
}

/* The catalogue side of a decision. */
static gboolean
apply_decision (PoDatabase  *db,
                PoReview    *review,
                PoOutcome    outcome,
                const char  *proposal,
                GError     **error)
{
  gboolean approved = outcome == PO_OUTCOME_APPROVED || outcome == PO_OUTCOME_APPROVED_WITH_CHANGES;
  g_autoptr(PoItem) item = po_item_load (db, review->item_code, error);
  g_autoptr(GPtrArray) findings = po_findings_new ();
  const char *kind = review->kind;

  if (item == NULL)
    return FALSE;

  if (g_str_equal (kind, "discretion") || g_str_equal (kind, "flowchart"))
    {
      if (!approved)
        return TRUE;
      if (g_str_equal (kind, "discretion"))
        return po_discretion_apply_proposal (db, item->code, proposal, error);
      return po_flowchart_apply_proposal (db, item->code, proposal, error);
    }

  if (!po_item_status_allows (item->status, "decide"))
    return po_item_refuse (item, "decide", error);

  if (!approved)
    /* Back to where it was: a draft to its clerk, a published item as published. */
    return po_item_set_status (db, item->id, g_str_equal (kind, "create") ? "draft" : "published", error);

  if (g_str_equal (kind, "abolish"))
    return po_item_set_status (db, item->id, "abolished", error);

  if (!po_item_apply_json (item, db, proposal, error))
    return FALSE;
  po_item_validate (item, findings);
  if (findings->len > 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("The approved content is not valid: %s"),
                   ((PoFinding *) g_ptr_array_index (findings, 0))->message);
      return FALSE;
    }
  return po_item_write (db, item, error) && po_item_set_status (db, item->id, "approved", error);
}

/**
 * po_review_decide:
 * @opinion: the written opinion; required
 * @changed_proposal: (nullable): for %PO_OUTCOME_APPROVED_WITH_CHANGES,
 *   the proposal as the legal office changed it
 *
 * Decides an open request and applies it to the catalogue, all in one
 * transaction: an approved creation or change updates the item, which
 * the department then publishes; an approved abolition abolishes it; a
 * return or rejection gives the item back as it was.
 */
gboolean
po_review_decide (PoDatabase  *db,
                  gint64       id,
                  PoOutcome    outcome,
                  const char  *opinion,
                  const char  *changed_proposal,
                  PoDate       decided_on,
                  const char  *reviewer,
                  GError     **error)
{
  g_autoptr(PoReview) review = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (opinion ? opinion : ""));
  const char *proposal;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);

  review = po_review_load (db, id, decided_on, 0, error);
  if (review == NULL)
    return FALSE;
  if (!g_str_equal (review->state, "open"))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("Request %lld has already been decided"), (long long) id);
      return FALSE;
    }
  if (*stripped == '\0')
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("A decision needs a written opinion"));
      return FALSE;
    }
  if (decided_on == PO_DATE_INVALID || decided_on < review->received_on)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("A decision cannot come before the request was received"));
      return FALSE;
    }
  if (outcome == PO_OUTCOME_APPROVED_WITH_CHANGES && changed_proposal == NULL)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("An approval with changes needs the changed proposal"));
      return FALSE;
    }
  proposal = outcome == PO_OUTCOME_APPROVED_WITH_CHANGES ? changed_proposal : review->proposal;

  if (!po_database_exec (db, "SAVEPOINT review_decide", error))
    return FALSE;
  stmt = po_database_prepare (db,
                              "UPDATE review_requests SET state = ?2, opinion = ?3, decided_on = ?4, reviewer = ?5, "
                              "  proposal = ?6 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, outcome_state (outcome), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, stripped, -1, SQLITE_TRANSIENT);
  bind_date_or_null (stmt, 4, decided_on);
  sqlite3_bind_text (stmt, 5, reviewer ? reviewer : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, proposal, -1, SQLITE_TRANSIENT);
  if (!po_database_step_done (db, stmt, error) ||
      !apply_decision (db, review, outcome, proposal, error) ||
      !po_database_exec (db, "RELEASE review_decide", error))
    goto fail;
  return TRUE;

fail:
  po_database_exec (db, "ROLLBACK TO review_decide; RELEASE review_decide", NULL);
  return FALSE;
}

void
po_review_free (PoReview *review)
{
  if (review == NULL)
    return;
  g_free (review->kind);
  g_free (review->state);
  g_free (review->title);
  g_free (review->item_code);
  g_free (review->item_name);
  g_free (review->department);
  g_free (review->legal_basis);
  g_free (review->proposal);
  g_free (review->opinion);
  g_free (review);
}

#define REVIEW_SELECT \
  "SELECT r.id, r.kind, r.state, r.title, coalesce (i.code, ''), coalesce (i.name, ''), d.name, r.legal_basis, " \
  "  r.proposal, r.opinion, r.filed_on, r.received_on, r.effective_on, f.due_on, p.due_on, r.decided_on, " \
  "  coalesce (f.provisional, 0) OR coalesce (p.provisional, 0) " \
  "FROM review_requests r " \
  "  JOIN departments d ON d.id = r.department_id " \
  "  LEFT JOIN power_items i ON i.id = r.item_id " \
  "  LEFT JOIN deadlines f ON f.subject = 'review' AND f.subject_id = r.id AND f.kind = 'filing' " \
  "  LEFT JOIN deadlines p ON p.subject = 'review' AND p.subject_id = r.id AND p.kind = 'reply' "

static char *
text_at (sqlite3_stmt *stmt,
         int           col)
{
  const char *t = (const char *) sqlite3_column_text (stmt, col);
  return g_strdup (t ? t : "");
}

static PoDate
date_at (sqlite3_stmt *stmt,
         int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return PO_DATE_INVALID;
  return po_date_parse ((const char *) sqlite3_column_text (stmt, col), NULL);
}

static PoReview *
read_review (sqlite3_stmt *stmt,
             PoCalendar   *calendar,
             PoDate        today,
             int           yellow_days)
{
  PoReview *r = g_new0 (PoReview, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->kind = text_at (stmt, 1);
  r->state = text_at (stmt, 2);
  r->title = text_at (stmt, 3);
  r->item_code = text_at (stmt, 4);
  r->item_name = text_at (stmt, 5);
  r->department = text_at (stmt, 6);
  r->legal_basis = text_at (stmt, 7);
  r->proposal = text_at (stmt, 8);
  r->opinion = text_at (stmt, 9);
  r->filed_on = date_at (stmt, 10);
  r->received_on = date_at (stmt, 11);
  r->effective_on = date_at (stmt, 12);
  r->filing_deadline = date_at (stmt, 13);
  r->reply_deadline = date_at (stmt, 14);
  r->decided_on = date_at (stmt, 15);
  r->provisional = sqlite3_column_int (stmt, 16);
  r->late_filed = r->filing_deadline != PO_DATE_INVALID && r->filed_on > r->filing_deadline;
  if (r->reply_deadline != PO_DATE_INVALID)
    r->level = po_deadline_level (calendar, today, r->reply_deadline, r->decided_on, yellow_days, &r->days_left);
  return r;
}

/**
 * po_review_load:
 * @today: the day working days left are counted from
 * @yellow_days: the yellow threshold, in working days
 *
 * Returns: (transfer full): the request, or %NULL with @error set
 */
PoReview *
po_review_load (PoDatabase  *db,
                gint64       id,
                PoDate       today,
                int          yellow_days,
                GError     **error)
{
  g_autoptr(PoCalendar) calendar = po_database_get_calendar (db, error);
  sqlite3_stmt *stmt;
  PoReview *review = NULL;
  int rc;

  if (calendar == NULL)
    return NULL;
  stmt = po_database_prepare (db, REVIEW_SELECT "WHERE r.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    review = read_review (stmt, calendar, today, yellow_days);
  else if (rc == SQLITE_DONE)
    g_set_error (error, PO_ERROR, PO_ERROR_NOT_FOUND, _("There is no review request %lld"), (long long) id);
  else
    po_database_set_error (db, rc, error, _("read the review request"));
  sqlite3_reset (stmt);
  return review;
}

/**
 * po_review_list:
 * @due_before: (nullable): only requests whose reply is due before this
 *   day, or %PO_DATE_INVALID for all
 *
 * The reviewers' queue: open requests, the one due first on top.
 *
 * Returns: (transfer full) (element-type PoReview): the requests
 */
GPtrArray *
po_review_list (PoDatabase  *db,
                PoDate       today,
                PoDate       due_before,
                int          yellow_days,
                GError     **error)
{
  g_autoptr(PoCalendar) calendar = po_database_get_calendar (db, error);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) po_review_free);
  sqlite3_stmt *stmt;
  int rc;

  if (calendar == NULL)
    return NULL;
  stmt = po_database_prepare (db,
                              REVIEW_SELECT
                              "WHERE r.state = 'open' AND (?1 IS NULL OR p.due_on < ?1) "
                              "ORDER BY p.due_on, r.received_on, r.id",
                              error);
  if (stmt == NULL)
    return NULL;
  bind_date_or_null (stmt, 1, due_before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, read_review (stmt, calendar, today, yellow_days));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return po_database_set_error (db, rc, error, _("read the review requests")), NULL;
  return g_steal_pointer (&out);
}
