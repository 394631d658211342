/* po-intake.c: cases and petitions from the departments' systems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cases: CSV with the columns case_ref, item_code, department, onsite_on,
 * entered_on, accepted_on, decided_on, reported_on, closed_on, fine_yuan,
 * tier and steps, and optionally suspensions; or JSON, {"cases": […]} or
 * the bare array, with the same fields. A case is known by its department
 * and case_ref: importing it again updates it, never duplicates it.
 *
 * Suspended periods (time the law excludes) and approved extensions: in
 * CSV the optional column “suspensions” holds entries separated by “;”,
 * each KIND:START~END:REASON for a period (END may be left out while it
 * runs) or KIND:START+DAYS:REASON for an extension (延期); in JSON the
 * field “suspensions” is an array of objects {kind, start_on, end_on,
 * days, reason}. KIND is a key (hearing, testing, inspection, appraisal,
 * expert-review, correction, extension) or its Chinese name (听证, 检验,
 * 检测, 鉴定, 专家评审, 补正, 延期). When a file has the field, it replaces
 * the case's list; when it has not, the list stays as it was.
 *
 * Petitions: ref, kind (consultation/complaint or 咨询/投诉), department,
 * received_on, replied_on, subject, channel; optionally assignee, answer,
 * closed_on. Known by department and ref.
 *
 * An import is one savepoint: the first bad row stops it, names its line
 * (or position) and field, and nothing is written. Deadlines of the rows
 * it wrote are computed before it ends.
 */
#define G_LOG_DOMAIN "po-intake"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "po-deadlines.h"
#include "po-domain.h"
#include "po-error.h"
#include "po-intake.h"
#include "po-item.h"
#include "po-records.h"
#include "po-util.h"

static const char *const case_columns[] = {
  "case_ref", "item_code", "department", "onsite_on", "entered_on", "accepted_on",
  "decided_on", "reported_on", "closed_on", "fine_yuan", "tier", "steps", NULL
};
static const char *const case_optional[] = { "suspensions", NULL };
static const char *const case_arrays[] = { "suspensions", NULL };
static const PoRecordFormat case_format = { case_columns, case_optional, case_arrays, "cases" };

static const char *const petition_columns[] = {
  "ref", "kind", "department", "received_on", "replied_on", "subject", "channel", NULL
};
static const char *const petition_optional[] = { "assignee", "answer", "closed_on", NULL };
static const PoRecordFormat petition_format = { petition_columns, petition_optional, NULL, "petitions" };

typedef struct
{
  PoDatabase      *db;
  PoDate           today;
  PoIntakeSummary *summary;
  GHashTable      *items;        /* code → id */
  GHashTable      *departments;  /* code or name → id */
  GCancellable    *cancellable;
  PoProgressFunc   progress;
  gpointer         user_data;
  guint            done;
  GHashTable      *seen;         /* ids written by this file: a second time is an error */
  GHashTable      *suspensions;  /* staged case's rowid → GArray of Suspension */
} Intake;

/* A date column: empty gives PO_DATE_INVALID and a NULL text. */
static gboolean
take_date (Intake          *in,
           const PoRecord  *record,
           const char      *column,
           gboolean         required,
           PoDate          *date,
           const char     **text,
           GError         **error)
{
  const char *value = po_record_get (record, column);
  g_autoptr(GError) local = NULL;

  *date = PO_DATE_INVALID;
  *text = NULL;
  if (*value == '\0')
    return !required || po_record_error (error, record, column, _("the date is missing"));
  *date = po_date_parse (value, &local);
  if (*date == PO_DATE_INVALID)
    return po_record_error (error, record, column, "%s", local->message);
  if (*date > in->today)
    return po_record_error (error, record, column, _("%s is after today"), value);
  *text = value;
  return TRUE;
}

static gboolean
not_before (const PoRecord  *record,
            const char      *column,
            PoDate           date,
            const char      *earlier_column,
            PoDate           earlier,
            GError         **error)
{
  if (date == PO_DATE_INVALID || earlier == PO_DATE_INVALID || date >= earlier)
    return TRUE;
  return po_record_error (error, record, column, _("the date is before %s"), earlier_column);
}

static gint64
department_of (Intake          *in,
               const PoRecord  *record,
               GError         **error)
{
  const char *value = po_record_get (record, "department");
  gpointer found;
  gint64 id;

  if (*value == '\0')
    return po_record_error (error, record, "department", _("the department is empty")), -1;
  if (g_hash_table_lookup_extended (in->departments, value, NULL, &found))
    return GPOINTER_TO_SIZE (found);
  id = po_department_find (in->db, value, error);
  if (id < 0)
    return -1;
  if (id == 0)
    return po_record_error (error, record, "department",
                            _("no department has the code or name “%s”"), value), -1;
  g_hash_table_insert (in->departments, g_strdup (value), GSIZE_TO_POINTER ((gsize) id));
  return id;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean
intake_step (Intake          *in,
             const PoRecord  *record,
             GError         **error)
{
  if ((++in->done & 0x3ff) == 0)
    {
      if (g_cancellable_set_error_if_cancelled (in->cancellable, error))
        return FALSE;
      if (in->progress)
        in->progress (0.9 * record->fraction, in->user_data);
    }
  return TRUE;
}

/* Returns the row's id when it exists, 0 when not, -1 on error. */
static gint64
find_row (Intake      *in,
          const char  *sql,
          gint64       department_id,
          const char  *ref,
          GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (in->db, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, department_id);
  sqlite3_bind_text (stmt, 2, ref, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    id = -1, po_database_set_error (in->db, rc, error, _("look up a row"));
  sqlite3_reset (stmt);
  return id;
}

/* A row the file names twice is an error: the file cannot mean both. */
static gboolean
first_time (Intake          *in,
            const PoRecord  *record,
            const char      *column,
            gint64           id,
            GError         **error)
{
  if (g_hash_table_add (in->seen, GSIZE_TO_POINTER ((gsize) id)))
    return TRUE;
  return po_record_error (error, record, column,
                          _("“%s” of this department appears earlier in the same file"),
                          po_record_get (record, column));
}

/* The written row: created, updated or unchanged, as the statement says. */
static gboolean
count_write (Intake  *in,
             gboolean existed)
{
  if (!existed)
    in->summary->created++;
  else if (sqlite3_changes (po_database_get_handle (in->db)) > 0)
    in->summary->updated++;
  else
    {
      in->summary->unchanged++;
      return FALSE;
    }
  return TRUE;
}

/**
 * po_steps_normalize:
 *
 * “立案 > 调查取证＞审查” → “立案>调查取证>审查”: steps split on “>” (also
 * the full-width “＞” and “→”), trimmed, empty ones dropped.
 */
char *
po_steps_normalize (const char *steps)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (steps ? steps : "");
  g_auto(GStrv) parts = NULL;

  g_string_replace (text, "＞", ">", 0);
  g_string_replace (text, "→", ">", 0);
  parts = g_strsplit (text->str, ">", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '>');
      g_string_append (out, parts[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  const char *kind;       /* the stable key */
  PoDate      start;
  PoDate      end;
  int         days;
  char       *reason;
} Suspension;

static void
suspension_clear (gpointer data)
{
  g_free (((Suspension *) data)->reason);
}

static gboolean
check_suspension (const PoRecord  *record,
                  guint            n,
                  const char      *kind,
                  const char      *start,
                  const char      *end,
                  const char      *days,
                  const char      *reason,
                  GArray          *out,
                  GError         **error)
{
  const PoEnumEntry *kinds;
  const PoEnumEntry *entry;
  g_autofree char *field = g_strdup_printf ("suspensions[%u]", n);
  g_autoptr(GError) local = NULL;
  Suspension s = { NULL, PO_DATE_INVALID, PO_DATE_INVALID, 0, NULL };
  guint n_kinds;

  kinds = po_suspension_kinds (&n_kinds);
  entry = po_enum_lookup (kinds, n_kinds, kind);
  if (entry == NULL)
    return po_record_error (error, record, field,
                            _("“%s” is not a kind of suspension (听证, 检验, 检测, 鉴定, 专家评审, 补正, 延期)"), kind);
  s.kind = entry->key;
  s.start = po_date_parse (start, &local);
  if (s.start == PO_DATE_INVALID)
    return po_record_error (error, record, field, _("the start: %s"), local->message);
  if (end != NULL && *end != '\0')
    {
      s.end = po_date_parse (end, &local);
      if (s.end == PO_DATE_INVALID)
        return po_record_error (error, record, field, _("the end: %s"), local->message);
      if (s.end < s.start)
        return po_record_error (error, record, field, _("the period ends before it starts"));
    }
  if (days != NULL && *days != '\0')
    {
      guint64 d;

      if (!g_ascii_string_to_unsigned (days, 10, 1, 3650, &d, NULL))
        return po_record_error (error, record, field, _("“%s” is not a number of working days"), days);
      s.days = (int) d;
    }
  if (g_str_equal (s.kind, "extension") && s.days == 0)
    return po_record_error (error, record, field, _("an extension needs its number of working days"));
  s.reason = g_strdup (reason ? reason : "");
  g_array_append_val (out, s);
  return TRUE;
}

/* “听证:2026-03-02~2026-03-10:理由; 延期:2026-04-01+10:理由” */
static gboolean
parse_suspensions_csv (const PoRecord  *record,
                       const char      *text,
                       GArray          *out,
                       GError         **error)
{
  g_autoptr(GString) t = g_string_new (text);
  g_auto(GStrv) entries = NULL;
  guint n = 0;

  g_string_replace (t, "；", ";", 0);
  g_string_replace (t, "：", ":", 0);
  entries = g_strsplit (t->str, ";", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *start = NULL;
      const char *end = NULL;
      const char *days = NULL;
      char *sep;

      g_strstrip (entries[i]);
      if (*entries[i] == '\0')
        continue;
      parts = g_strsplit (entries[i], ":", 3);
      if (g_strv_length (parts) < 2)
        {
          g_autofree char *field = g_strdup_printf ("suspensions[%u]", n);
          return po_record_error (error, record, field,
                                  _("“%s” is not KIND:START~END:REASON or KIND:START+DAYS:REASON"), entries[i]);
        }
      start = g_strstrip (g_strdup (parts[1]));
      if ((sep = strchr (start, '~')) != NULL)
        *sep = '\0', end = g_strstrip (sep + 1);
      else if ((sep = strchr (start, '+')) != NULL)
        *sep = '\0', days = g_strstrip (sep + 1);
      g_strstrip (start);
      if (!check_suspension (record, n++, g_strstrip (parts[0]), start, end, days,
                             parts[2] ? g_strstrip (parts[2]) : "", out, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_suspensions_json (Intake          *in,
                        const PoRecord  *record,
                        const char      *json,
                        GArray          *out,
                        GError         **error)
{
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  stmt = po_database_prepare (in->db,
                              "SELECT type, "
                              "  CASE WHEN type = 'object' THEN json_extract (value, '$.kind') END, "
                              "  CASE WHEN type = 'object' THEN json_extract (value, '$.start_on') END, "
                              "  CASE WHEN type = 'object' THEN json_extract (value, '$.end_on') END, "
                              "  CASE WHEN type = 'object' THEN json_extract (value, '$.days') END, "
                              "  CASE WHEN type = 'object' THEN json_extract (value, '$.reason') END "
                              "FROM json_each (?1) ORDER BY key",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text[5];

      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "object") != 0)
        {
          g_autofree char *field = g_strdup_printf ("suspensions[%u]", n);
          sqlite3_reset (stmt);
          return po_record_error (error, record, field, _("must be an object"));
        }
      for (int i = 0; i < 5; i++)
        text[i] = (const char *) sqlite3_column_text (stmt, i + 1);
      if (!check_suspension (record, n++, text[0] ? text[0] : "", text[1] ? text[1] : "",
                             text[2], text[3], text[4], out, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || po_database_set_error (in->db, rc, error, _("read the suspensions"));
}

/* The list as one text, to tell whether an import changes it. */
static char *
suspensions_text (GArray *list)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      Suspension *p = &g_array_index (list, Suspension, i);
      char a[11] = "", b[11] = "";

      po_date_format_buf (p->start, a);
      if (p->end != PO_DATE_INVALID)
        po_date_format_buf (p->end, b);
      g_string_append_printf (s, "%s|%s|%s|%d|%s\n", p->kind, a, b, p->days, p->reason);
    }
  return g_string_free (s, FALSE);
}

static char *
stored_suspensions_text (Intake *in,
                         gint64  case_id)
{
  sqlite3_stmt *stmt = po_database_prepare (in->db,
                                            "SELECT kind, start_on, coalesce (end_on, ''), coalesce (days, 0), reason "
                                            "FROM case_suspensions WHERE case_id = ?1 ORDER BY id",
                                            NULL);
  GString *s = g_string_new (NULL);

  if (stmt == NULL)
    return g_string_free (s, FALSE);
  sqlite3_bind_int64 (stmt, 1, case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (s, "%s|%s|%s|%d|%s\n",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2), sqlite3_column_int (stmt, 3),
                            sqlite3_column_text (stmt, 4));
  sqlite3_reset (stmt);
  return g_string_free (s, FALSE);
}

static gboolean
insert_suspension (PoDatabase  *db,
                   gint64       case_id,
                   Suspension  *s,
                   GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db,
                                            "INSERT INTO case_suspensions (case_id, kind, start_on, end_on, days, reason) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                            error);
  char a[11], b[11];

  if (stmt == NULL)
    return FALSE;
  po_date_format_buf (s->start, a);
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, s->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, a, -1, SQLITE_TRANSIENT);
  if (s->end != PO_DATE_INVALID)
    {
      po_date_format_buf (s->end, b);
      sqlite3_bind_text (stmt, 4, b, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (stmt, 4);
  if (s->days > 0)
    sqlite3_bind_int (stmt, 5, s->days);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, s->reason, -1, SQLITE_TRANSIENT);
  return po_database_step_done (db, stmt, error);
}

/* Replaces the case's list when it differs; returns whether it did. */
static gboolean
write_suspensions (Intake   *in,
                   gint64    case_id,
                   GArray   *list,
                   gboolean *changed,
                   GError  **error)
{
  g_autofree char *now = stored_suspensions_text (in, case_id);
  g_autofree char *wanted = suspensions_text (list);
  sqlite3_stmt *stmt;

  *changed = FALSE;
  if (g_str_equal (now, wanted))
    return TRUE;
  stmt = po_database_prepare (in->db, "DELETE FROM case_suspensions WHERE case_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (!po_database_step_done (in->db, stmt, error))
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      if (!insert_suspension (in->db, case_id, &g_array_index (list, Suspension, i), error))
        return FALSE;
      in->summary->suspensions++;
    }
  *changed = TRUE;
  return TRUE;
}

enum { C_ONSITE, C_ENTERED, C_ACCEPTED, C_DECIDED, C_REPORTED, C_CLOSED, N_CASE_DATES };
static const char *const case_date_columns[N_CASE_DATES] = {
  "onsite_on", "entered_on", "accepted_on", "decided_on", "reported_on", "closed_on"
};

static gboolean
import_case (const PoRecord  *record,
             gpointer         user_data,
             GError         **error)
{
  Intake *in = user_data;
  g_autoptr(GArray) suspensions = NULL;
  g_autofree char *steps = NULL;
  const char *ref = po_record_get (record, "case_ref");
  const char *item_code = po_record_get (record, "item_code");
  const char *fine_text = po_record_get (record, "fine_yuan");
  const char *tier = po_record_get (record, "tier");
  const char *date_text[N_CASE_DATES];
  PoDate dates[N_CASE_DATES];
  gpointer item_id = NULL;
  gint64 department_id;
  double fine = -1;
  sqlite3_stmt *stmt;

  if (*ref == '\0')
    return po_record_error (error, record, "case_ref", _("the case reference is empty"));
  if (strlen (ref) > 64)
    return po_record_error (error, record, "case_ref", _("the case reference is longer than 64 bytes"));
  department_id = department_of (in, record, error);
  if (department_id < 0)
    return FALSE;
  if (*item_code == '\0')
    return po_record_error (error, record, "item_code", _("the power item's code is empty"));
  /* An unknown code is kept: the scan reports it as an unapproved item. */
  g_hash_table_lookup_extended (in->items, item_code, NULL, &item_id);

  for (int i = 0; i < N_CASE_DATES; i++)
    if (!take_date (in, record, case_date_columns[i], FALSE, &dates[i], &date_text[i], error))
      return FALSE;
  if (!not_before (record, "decided_on", dates[C_DECIDED], "accepted_on", dates[C_ACCEPTED], error) ||
      !not_before (record, "closed_on", dates[C_CLOSED], "decided_on", dates[C_DECIDED], error) ||
      !not_before (record, "closed_on", dates[C_CLOSED], "accepted_on", dates[C_ACCEPTED], error))
    return FALSE;

  if (*fine_text != '\0')
    {
      char *end = NULL;

      fine = g_ascii_strtod (fine_text, &end);
      if (end == fine_text || *end != '\0' || !(fine >= 0) || fine > 1e13 ||
          strspn (fine_text, "0123456789.") != strlen (fine_text) || strchr (fine_text, '.') != strrchr (fine_text, '.'))
        return po_record_error (error, record, "fine_yuan",
                                _("“%s” is not an amount in yuan; write digits, e.g. 5000 or 4999.50"), fine_text);
    }
  steps = po_steps_normalize (po_record_get (record, "steps"));

  if (g_hash_table_contains (record->fields, "suspensions"))
    {
      const char *text = po_record_get (record, "suspensions");

      suspensions = g_array_new (FALSE, TRUE, sizeof (Suspension));
      g_array_set_clear_func (suspensions, suspension_clear);
      if (*text == '[' ? !parse_suspensions_json (in, record, text, suspensions, error)
                       : !parse_suspensions_csv (record, text, suspensions, error))
        return FALSE;
    }

  /* Staged; written for all rows at once when the file has been read. */
  stmt = po_database_prepare (in->db,
                              "INSERT INTO temp.intake_cases (department_id, case_ref, item_code, item_id, onsite_on, "
                              "  entered_on, accepted_on, decided_on, reported_on, closed_on, fine_yuan, tier, steps, "
                              "  origin) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, department_id);
  sqlite3_bind_text (stmt, 2, ref, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, item_code, -1, SQLITE_TRANSIENT);
  if (item_id != NULL)
    sqlite3_bind_int64 (stmt, 4, GPOINTER_TO_SIZE (item_id));
  else
    sqlite3_bind_null (stmt, 4);
  for (int i = 0; i < N_CASE_DATES; i++)
    bind_text_or_null (stmt, 5 + i, date_text[i]);
  if (fine >= 0)
    sqlite3_bind_double (stmt, 11, fine);
  else
    sqlite3_bind_null (stmt, 11);
  sqlite3_bind_text (stmt, 12, tier, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, steps, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, record->where, -1, SQLITE_TRANSIENT);
  {
    int rc = sqlite3_step (stmt);

    sqlite3_reset (stmt);
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
      return po_record_error (error, record, "case_ref",
                              _("“%s” of this department appears earlier in the same file"), ref);
    if (rc != SQLITE_DONE)
      return po_database_set_error (in->db, rc, error, _("read the cases"));
  }
  if (suspensions != NULL)
    g_hash_table_insert (in->suspensions,
                         GSIZE_TO_POINTER ((gsize) sqlite3_last_insert_rowid (po_database_get_handle (in->db))),
                         g_steal_pointer (&suspensions));
  return intake_step (in, record, error);
}

/* The staged cases written at once: those that changed updated, new ones
 * inserted, both listed for the deadline refresh; then the suspensions
 * files gave. */
static gboolean
write_staged_cases (Intake  *in,
                    guint    staged,
                    GError **error)
{
  sqlite3 *handle = po_database_get_handle (in->db);
  GHashTableIter iter;
  gpointer key, value;
  gint64 last;

#define DIFFERS \
  "(c.item_code IS NOT s.item_code OR c.item_id IS NOT s.item_id OR c.onsite_on IS NOT s.onsite_on " \
  " OR c.entered_on IS NOT s.entered_on OR c.accepted_on IS NOT s.accepted_on OR c.decided_on IS NOT s.decided_on " \
  " OR c.reported_on IS NOT s.reported_on OR c.closed_on IS NOT s.closed_on OR c.fine_yuan IS NOT s.fine_yuan " \
  " OR c.tier IS NOT s.tier OR c.steps IS NOT s.steps)"
  if (!po_database_exec (in->db,
                         "INSERT INTO temp.po_touched (id) "
                         "SELECT c.id FROM temp.intake_cases AS s JOIN cases AS c "
                         "  ON c.department_id = s.department_id AND c.case_ref = s.case_ref WHERE " DIFFERS,
                         error))
    return FALSE;
  in->summary->updated = (guint) sqlite3_changes (handle);
#undef DIFFERS
  if (in->summary->updated > 0 &&
      !po_database_exec (in->db,
                         "UPDATE cases SET item_code = s.item_code, item_id = s.item_id, onsite_on = s.onsite_on, "
                         "  entered_on = s.entered_on, accepted_on = s.accepted_on, decided_on = s.decided_on, "
                         "  reported_on = s.reported_on, closed_on = s.closed_on, fine_yuan = s.fine_yuan, "
                         "  tier = s.tier, steps = s.steps "
                         "FROM temp.intake_cases AS s "
                         "WHERE cases.department_id = s.department_id AND cases.case_ref = s.case_ref "
                         "  AND cases.id IN (SELECT id FROM temp.po_touched)",
                         error))
    return FALSE;
  if (in->progress)
    in->progress (0.7, in->user_data);

  last = po_database_query_int (in->db, "SELECT coalesce (max (id), 0) FROM cases", error);
  if (last < 0 ||
      !po_database_exec (in->db,
                         "INSERT INTO cases (department_id, case_ref, item_code, item_id, onsite_on, entered_on, "
                         "  accepted_on, decided_on, reported_on, closed_on, fine_yuan, tier, steps) "
                         "SELECT s.department_id, s.case_ref, s.item_code, s.item_id, s.onsite_on, s.entered_on, "
                         "  s.accepted_on, s.decided_on, s.reported_on, s.closed_on, s.fine_yuan, s.tier, s.steps "
                         "FROM temp.intake_cases AS s "
                         "WHERE NOT EXISTS (SELECT 1 FROM cases AS c WHERE c.department_id = s.department_id "
                         "                  AND c.case_ref = s.case_ref) "
                         "ORDER BY s.rowid",
                         error))
    return FALSE;
  in->summary->created = (guint) sqlite3_changes (handle);
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO temp.po_touched (id) SELECT id FROM cases WHERE id > %lld",
                                            (long long) last);
    if (!po_database_exec (in->db, sql, error))
      return FALSE;
  }
  in->summary->unchanged = staged - in->summary->created - in->summary->updated;
  if (in->progress)
    in->progress (0.8, in->user_data);

  g_hash_table_iter_init (&iter, in->suspensions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      sqlite3_stmt *stmt = po_database_prepare (in->db,
                                                "SELECT c.id, c.id IN (SELECT id FROM temp.po_touched) "
                                                "FROM temp.intake_cases AS s JOIN cases AS c "
                                                "  ON c.department_id = s.department_id AND c.case_ref = s.case_ref "
                                                "WHERE s.rowid = ?1",
                                                error);
      gboolean changed = FALSE, touched;
      gint64 id;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, (gint64) GPOINTER_TO_SIZE (key));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          return po_database_set_error (in->db, SQLITE_INTERNAL, error, _("write the suspensions"));
        }
      id = sqlite3_column_int64 (stmt, 0);
      touched = sqlite3_column_int (stmt, 1);
      sqlite3_reset (stmt);
      if (!write_suspensions (in, id, value, &changed, error))
        return FALSE;
      if (changed && !touched)
        {
          in->summary->unchanged--;
          in->summary->updated++;
          if (!po_deadlines_touch (in->db, id, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_petition (const PoRecord  *record,
                 gpointer         user_data,
                 GError         **error)
{
  Intake *in = user_data;
  const PoEnumEntry *kinds;
  const PoEnumEntry *kind;
  const char *ref = po_record_get (record, "ref");
  const char *received_text, *replied_text, *closed_text;
  PoDate received, replied, closed;
  gint64 department_id, id;
  gboolean existed;
  sqlite3_stmt *stmt;
  guint n_kinds;

  if (*ref == '\0')
    return po_record_error (error, record, "ref", _("the reference is empty"));
  if (strlen (ref) > 64)
    return po_record_error (error, record, "ref", _("the reference is longer than 64 bytes"));
  kinds = po_petition_kinds (&n_kinds);
  kind = po_enum_lookup (kinds, n_kinds, po_record_get (record, "kind"));
  if (kind == NULL)
    return po_record_error (error, record, "kind", _("“%s” is neither “consultation” (咨询) nor “complaint” (投诉)"),
                            po_record_get (record, "kind"));
  department_id = department_of (in, record, error);
  if (department_id < 0)
    return FALSE;
  if (!take_date (in, record, "received_on", TRUE, &received, &received_text, error) ||
      !take_date (in, record, "replied_on", FALSE, &replied, &replied_text, error) ||
      !take_date (in, record, "closed_on", FALSE, &closed, &closed_text, error) ||
      !not_before (record, "replied_on", replied, "received_on", received, error) ||
      !not_before (record, "closed_on", closed, "received_on", received, error) ||
      !not_before (record, "closed_on", closed, "replied_on", replied, error))
    return FALSE;
  if (closed != PO_DATE_INVALID && replied == PO_DATE_INVALID)
    return po_record_error (error, record, "closed_on", _("only an answered consultation or complaint can be closed"));

  id = find_row (in, "SELECT id FROM petitions WHERE department_id = ?1 AND ref = ?2", department_id, ref, error);
  if (id < 0)
    return FALSE;
  existed = id > 0;
  if (existed && !first_time (in, record, "ref", id, error))
    return FALSE;
  if (!existed)
    stmt = po_database_prepare (in->db,
                                "INSERT INTO petitions (department_id, ref, kind, received_on, replied_on, subject, "
                                "  channel, assignee, answer, closed_on) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                error);
  else
    stmt = po_database_prepare (in->db,
                                "UPDATE petitions SET kind = ?3, received_on = ?4, replied_on = ?5, subject = ?6, "
                                "  channel = ?7, assignee = coalesce (?8, assignee), answer = coalesce (?9, answer), "
                                "  closed_on = coalesce (?10, closed_on) "
                                "WHERE id = ?11 AND (kind IS NOT ?3 OR received_on IS NOT ?4 OR replied_on IS NOT ?5 "
                                "  OR subject IS NOT ?6 OR channel IS NOT ?7 OR assignee IS NOT coalesce (?8, assignee) "
                                "  OR answer IS NOT coalesce (?9, answer) OR closed_on IS NOT coalesce (?10, closed_on))",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, department_id);
  sqlite3_bind_text (stmt, 2, ref, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kind->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, received_text, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 5, replied_text);
  sqlite3_bind_text (stmt, 6, po_record_get (record, "subject"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, po_record_get (record, "channel"), -1, SQLITE_TRANSIENT);
  if (existed)
    {
      bind_text_or_null (stmt, 8, g_hash_table_lookup (record->fields, "assignee"));
      bind_text_or_null (stmt, 9, g_hash_table_lookup (record->fields, "answer"));
      bind_text_or_null (stmt, 10, closed_text);
      sqlite3_bind_int64 (stmt, 11, id);
    }
  else
    {
      sqlite3_bind_text (stmt, 8, po_record_get (record, "assignee"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, po_record_get (record, "answer"), -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 10, closed_text);
    }
  if (!po_database_step_done (in->db, stmt, error))
    return FALSE;
  if (!existed)
    {
      id = sqlite3_last_insert_rowid (po_database_get_handle (in->db));
      g_hash_table_add (in->seen, GSIZE_TO_POINTER ((gsize) id));
    }
  if (count_write (in, existed) && !po_deadlines_touch (in->db, id, error))
    return FALSE;
  return intake_step (in, record, error);
}

static gboolean
load_items (Intake  *in,
            GError **error)
{
  sqlite3_stmt *stmt = po_database_prepare (in->db, "SELECT code, id FROM power_items", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (in->items, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1)));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || po_database_set_error (in->db, rc, error, _("read the catalogue"));
}

static gboolean
intake_run (PoDatabase            *db,
            const char            *subject,
            const PoRecordFormat  *format,
            PoRecordFunc           func,
            const char            *text,
            gsize                  length,
            const char            *origin,
            PoDate                 today,
            PoIntakeSummary       *summary,
            GCancellable          *cancellable,
            PoProgressFunc         progress,
            gpointer               user_data,
            GError               **error)
{
  Intake in = { db, today, summary, NULL, NULL, cancellable, progress, user_data, 0, NULL, NULL };
  gboolean ok;

  memset (summary, 0, sizeof *summary);
  /* A million rows insert into indexes in no useful order: keep them in
   * memory while the import lasts. */
  if (!po_database_exec (db, "PRAGMA cache_size = -524288; SAVEPOINT intake", error))
    return FALSE;
  in.items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  in.departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  in.seen = g_hash_table_new (NULL, NULL);
  in.suspensions = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);

  ok = po_deadlines_touch_begin (db, error) &&
       po_database_exec (db,
                         "CREATE TEMP TABLE IF NOT EXISTS intake_cases ("
                         "  department_id INTEGER, case_ref TEXT, item_code TEXT, item_id INTEGER, onsite_on TEXT, "
                         "  entered_on TEXT, accepted_on TEXT, decided_on TEXT, reported_on TEXT, closed_on TEXT, "
                         "  fine_yuan REAL, tier TEXT, steps TEXT, origin TEXT, UNIQUE (department_id, case_ref));"
                         "DELETE FROM temp.intake_cases;",
                         error) &&
       load_items (&in, error) &&
       po_records_read (db, text, length, origin, format, func, &in, error);
  if (ok && g_str_equal (subject, "case") && in.done > 0)
    ok = write_staged_cases (&in, in.done, error);
  if (ok && in.done == 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("%s holds no row"), origin);
      ok = FALSE;
    }
  ok = ok && po_deadlines_refresh_touched (db, subject, cancellable, NULL, NULL, error);
  ok = ok && po_database_exec (db, "DELETE FROM temp.po_touched; DELETE FROM temp.intake_cases; RELEASE intake",
                               error);

  g_hash_table_unref (in.items);
  g_hash_table_unref (in.departments);
  g_hash_table_unref (in.seen);
  g_hash_table_unref (in.suspensions);
  po_database_exec (db, "PRAGMA cache_size = -65536", NULL);
  if (!ok)
    {
      po_database_exec (db, "ROLLBACK TO intake; RELEASE intake", NULL);
      memset (summary, 0, sizeof *summary);
      return FALSE;
    }
  if (progress)
    progress (1.0, user_data);
  return TRUE;
}

/**
 * po_cases_import:
 * @origin: the file's name, for messages
 * @today: dates after it are refused
 *
 * Imports cases in CSV or JSON, all or nothing.
 */
gboolean
po_cases_import (PoDatabase       *db,
                 const char       *text,
                 gsize             length,
                 const char       *origin,
                 PoDate            today,
                 PoIntakeSummary  *summary,
                 GCancellable     *cancellable,
                 PoProgressFunc    progress,
                 gpointer          user_data,
                 GError          **error)
{
  return intake_run (db, "case", &case_format, import_case, text, length, origin, today, summary,
                     cancellable, progress, user_data, error);
}

/**
 * po_petitions_import:
 *
 * Imports consultations and complaints in CSV or JSON, all or nothing.
 */
gboolean
po_petitions_import (PoDatabase       *db,
                     const char       *text,
                     gsize             length,
                     const char       *origin,
                     PoDate            today,
                     PoIntakeSummary  *summary,
                     GCancellable     *cancellable,
                     PoProgressFunc    progress,
                     gpointer          user_data,
                     GError          **error)
{
  return intake_run (db, "petition", &petition_format, import_petition, text, length, origin, today, summary,
                     cancellable, progress, user_data, error);
}

/**
 * po_intake_import_file:
 * @what: "cases" or "petitions"
 */
gboolean
po_intake_import_file (PoDatabase       *db,
                       const char       *what,
                       const char       *path,
                       PoDate            today,
                       PoIntakeSummary  *summary,
                       GCancellable     *cancellable,
                       PoProgressFunc    progress,
                       gpointer          user_data,
                       GError          **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!po_read_text_file (path, &contents, &length, error))
    return FALSE;
  if (g_str_equal (what, "cases"))
    return po_cases_import (db, contents, length, path, today, summary, cancellable, progress, user_data, error);
  return po_petitions_import (db, contents, length, path, today, summary, cancellable, progress, user_data, error);
}

/**
 * po_petition_next_ref:
 *
 * A fresh reference for a petition registered by hand: ZX (咨询) or TS
 * (投诉), the day, and a number, e.g. ZX20261127-003.
 */
char *
po_petition_next_ref (PoDatabase  *db,
                      const char  *kind,
                      PoDate       received_on)
{
  sqlite3_stmt *stmt = po_database_prepare (db,
                                            "SELECT coalesce (max (CAST (substr (ref, length (?1) + 1) AS INTEGER)), 0) "
                                            "FROM petitions WHERE substr (ref, 1, length (?1)) = ?1",
                                            NULL);
  g_autofree char *day = po_date_format (received_on);
  g_autofree char *prefix = NULL;
  g_auto(GStrv) parts = g_strsplit (day, "-", 3);
  gint64 n = 0;

  prefix = g_strdup_printf ("%s%s%s%s-", g_strcmp0 (kind, "complaint") == 0 ? "TS" : "ZX", parts[0], parts[1], parts[2]);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return g_strdup_printf ("%s%03lld", prefix, (long long) n + 1);
}

/**
 * po_petition_register:
 *
 * Registers a consultation or complaint received by hand; its reply
 * deadline is computed at once. Returns: its id, or 0 on error
 */
gint64
po_petition_register (PoDatabase  *db,
                      const char  *ref,
                      const char  *kind,
                      gint64       department_id,
                      PoDate       received_on,
                      const char  *subject,
                      const char  *channel,
                      PoDate       today,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  char day[11];
  gint64 id;

  if (ref == NULL || *ref == '\0')
    return g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("The reference is empty.")), 0;
  if (g_strcmp0 (kind, "consultation") != 0 && g_strcmp0 (kind, "complaint") != 0)
    return g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("Choose whether it is a consultation or a complaint.")), 0;
  if (received_on == PO_DATE_INVALID || received_on > today)
    return g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("The day it was received cannot be after today.")), 0;
  {
    sqlite3_stmt *dup = po_database_prepare (db, "SELECT 1 FROM petitions WHERE department_id = ?1 AND ref = ?2", error);
    gboolean taken;

    if (dup == NULL)
      return 0;
    sqlite3_bind_int64 (dup, 1, department_id);
    sqlite3_bind_text (dup, 2, ref, -1, SQLITE_TRANSIENT);
    taken = sqlite3_step (dup) == SQLITE_ROW;
    sqlite3_reset (dup);
    if (taken)
      return g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                          _("The department already has a consultation or complaint numbered “%s”."), ref), 0;
  }
  if (!po_database_exec (db, "SAVEPOINT petition_register", error))
    return 0;
  stmt = po_database_prepare (db,
                              "INSERT INTO petitions (ref, kind, department_id, received_on, subject, channel) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  po_date_format_buf (received_on, day);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, department_id);
      sqlite3_bind_text (stmt, 4, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, subject ? subject : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, channel ? channel : "", -1, SQLITE_TRANSIENT);
    }
  if (stmt == NULL || !po_database_step_done (db, stmt, error) ||
      !po_deadlines_refresh_one (db, "petition", id = sqlite3_last_insert_rowid (po_database_get_handle (db)), error) ||
      !po_database_exec (db, "RELEASE petition_register", error))
    {
      po_database_exec (db, "ROLLBACK TO petition_register; RELEASE petition_register", NULL);
      return 0;
    }
  return id;
}

static gboolean
update_petition (PoDatabase  *db,
                 const char  *sql,
                 gint64       id,
                 const char  *a,
                 const char  *b,
                 GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text_or_null (stmt, 2, a);
  bind_text_or_null (stmt, 3, b);
  if (!po_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (po_database_get_handle (db)) == 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_NOT_FOUND, _("The consultation or complaint is no longer there."));
      return FALSE;
    }
  return TRUE;
}

gboolean
po_petition_assign (PoDatabase  *db,
                    gint64       id,
                    const char  *assignee,
                    GError     **error)
{
  return update_petition (db, "UPDATE petitions SET assignee = ?2 WHERE id = ?1", id, assignee ? assignee : "", NULL, error);
}

/**
 * po_petition_answer:
 *
 * Records the reply: the day it was given and what it said.
 */
gboolean
po_petition_answer (PoDatabase  *db,
                    gint64       id,
                    PoDate       replied_on,
                    const char  *answer,
                    PoDate       today,
                    GError     **error)
{
  char day[11];

  if (answer == NULL || *answer == '\0')
    return g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("Write the answer that was given.")), FALSE;
  if (replied_on == PO_DATE_INVALID || replied_on > today)
    return g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("The day of the reply cannot be after today.")), FALSE;
  po_date_format_buf (replied_on, day);
  {
    sqlite3_stmt *stmt = po_database_prepare (db, "SELECT received_on FROM petitions WHERE id = ?1", error);
    gboolean before = FALSE;

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      before = g_strcmp0 (day, (const char *) sqlite3_column_text (stmt, 0)) < 0;
    sqlite3_reset (stmt);
    if (before)
      return g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                          _("The reply cannot come before the day it was received.")), FALSE;
  }
  return update_petition (db, "UPDATE petitions SET replied_on = ?2, answer = ?3 WHERE id = ?1", id, day, answer, error);
}

/**
 * po_petition_close:
 *
 * Closes an answered consultation or complaint.
 */
gboolean
po_petition_close (PoDatabase  *db,
                   gint64       id,
                   PoDate       closed_on,
                   GError     **error)
{
  g_autoptr(GError) local = NULL;
  char day[11];

  if (closed_on == PO_DATE_INVALID || closed_on > po_date_today ())
    return g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("The day it was closed cannot be after today.")), FALSE;
  po_date_format_buf (closed_on, day);
  if (update_petition (db, "UPDATE petitions SET closed_on = ?2 WHERE id = ?1 AND replied_on IS NOT NULL "
                           "AND replied_on <= ?2 AND closed_on IS NULL",
                       id, day, NULL, &local))
    return TRUE;
  if (g_error_matches (local, PO_ERROR, PO_ERROR_NOT_FOUND))
    g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                 _("Only an open consultation or complaint answered on or before that day can be closed."));
  else
    g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/**
 * po_case_add_suspension:
 * @end_on: %PO_DATE_INVALID while the period runs
 * @days: an extension's working days; 0 for a period with an end
 *
 * Records time the law excludes, or an approved extension, and moves the
 * case's deadline. Returns: the new row's id, or 0 on error
 */
gint64
po_case_add_suspension (PoDatabase  *db,
                        gint64       case_id,
                        const char  *kind,
                        PoDate       start_on,
                        PoDate       end_on,
                        int          days,
                        const char  *reason,
                        GError     **error)
{
  Suspension s = { NULL, start_on, end_on, days, (char *) (reason ? reason : "") };
  const PoEnumEntry *kinds;
  const PoEnumEntry *entry;
  gint64 id = 0;
  guint n;

  kinds = po_suspension_kinds (&n);
  entry = po_enum_lookup (kinds, n, kind);
  if (entry == NULL)
    return g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                        _("“%s” is not a kind of suspension (听证, 检验, 检测, 鉴定, 专家评审, 补正, 延期)."),
                        kind ? kind : ""), 0;
  s.kind = entry->key;

  if (start_on == PO_DATE_INVALID)
    return g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("Give the day the period starts.")), 0;
  if (end_on != PO_DATE_INVALID && end_on < start_on)
    return g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("The period ends before it starts.")), 0;
  if (g_str_equal (s.kind, "extension") && days <= 0)
    return g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT, _("An extension needs its number of working days.")), 0;
  if (!po_database_exec (db, "SAVEPOINT suspension", error))
    return 0;
  if (!insert_suspension (db, case_id, &s, error) ||
      !(id = sqlite3_last_insert_rowid (po_database_get_handle (db))) ||
      !po_deadlines_refresh_one (db, "case", case_id, error) ||
      !po_database_exec (db, "RELEASE suspension", error))
    {
      po_database_exec (db, "ROLLBACK TO suspension; RELEASE suspension", NULL);
      return 0;
    }
  return id;
}

void
po_petition_free (PoPetition *p)
{
  if (p == NULL)
    return;
  g_free (p->ref);
  g_free (p->kind);
  g_free (p->department);
  g_free (p->received_on);
  g_free (p->replied_on);
  g_free (p->subject);
  g_free (p->channel);
  g_free (p->assignee);
  g_free (p->answer);
  g_free (p->closed_on);
  g_free (p->due_on);
  g_free (p->level);
  g_free (p);
}

#define PETITION_SELECT \
  "SELECT p.id, p.ref, p.kind, p.department_id, d.name, p.received_on, p.replied_on, p.subject, " \
  "       p.channel, p.assignee, p.answer, p.closed_on, dl.due_on " \
  "FROM petitions AS p JOIN departments AS d ON d.id = p.department_id " \
  "LEFT JOIN deadlines AS dl ON dl.subject = 'petition' AND dl.subject_id = p.id AND dl.kind = 'reply' "

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static PoPetition *
petition_from_row (sqlite3_stmt *stmt,
                   PoCalendar   *calendar,
                   PoDate        today,
                   int           yellow_days,
                   int           yellow_share)
{
  PoPetition *p = g_new0 (PoPetition, 1);
  PoLevel level = PO_LEVEL_NONE;

  p->id = sqlite3_column_int64 (stmt, 0);
  p->ref = column_dup (stmt, 1);
  p->kind = column_dup (stmt, 2);
  p->department_id = sqlite3_column_int64 (stmt, 3);
  p->department = column_dup (stmt, 4);
  p->received_on = column_dup (stmt, 5);
  p->replied_on = column_dup (stmt, 6);
  p->subject = column_dup (stmt, 7);
  p->channel = column_dup (stmt, 8);
  p->assignee = column_dup (stmt, 9);
  p->answer = column_dup (stmt, 10);
  p->closed_on = column_dup (stmt, 11);
  p->due_on = column_dup (stmt, 12);
  if (p->due_on != NULL)
    level = po_deadline_level_share (calendar, today, po_date_parse (p->received_on, NULL),
                                     po_date_parse (p->due_on, NULL),
                                     p->replied_on ? po_date_parse (p->replied_on, NULL) : PO_DATE_INVALID,
                                     yellow_days, yellow_share, &p->days_left);
  p->level = g_strdup (level == PO_LEVEL_RED ? "red" : level == PO_LEVEL_YELLOW ? "yellow" : "");
  return p;
}

/**
 * po_petitions_list:
 *
 * Consultations and complaints, newest received first, each with its
 * reply deadline and level as of @filter->today.
 */
GPtrArray *
po_petitions_list (PoDatabase              *db,
                   const PoPetitionFilter  *filter,
                   GError                 **error)
{
  g_autoptr(PoCalendar) calendar = po_database_get_calendar (db, error);
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (calendar == NULL)
    return NULL;
  stmt = po_database_prepare (db,
                              PETITION_SELECT
                              "WHERE (?1 IS NULL OR p.kind = ?1) AND (?2 = 0 OR p.department_id = ?2) "
                              "  AND (?3 = 0 OR p.closed_on IS NULL) "
                              "ORDER BY p.received_on DESC, p.id DESC LIMIT ?4",
                              error);
  if (stmt == NULL)
    return NULL;
  bind_text_or_null (stmt, 1, filter->kind);
  sqlite3_bind_int64 (stmt, 2, filter->department_id);
  sqlite3_bind_int (stmt, 3, filter->open_only ? 1 : 0);
  sqlite3_bind_int64 (stmt, 4, filter->limit > 0 ? (gint64) filter->limit : -1);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) po_petition_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, petition_from_row (stmt, calendar, filter->today, filter->yellow_days,
                                              filter->yellow_share));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      po_database_set_error (db, rc, error, _("read the consultations and complaints"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

PoPetition *
po_petition_get (PoDatabase  *db,
                 gint64       id,
                 PoDate       today,
                 int          yellow_days,
                 GError     **error)
{
  return po_petition_get_share (db, id, today, yellow_days, 0, error);
}

PoPetition *
po_petition_get_share (PoDatabase  *db,
                       gint64       id,
                       PoDate       today,
                       int          yellow_days,
                       int          yellow_share,
                       GError     **error)
{
  g_autoptr(PoCalendar) calendar = po_database_get_calendar (db, error);
  sqlite3_stmt *stmt;
  PoPetition *p = NULL;

  if (calendar == NULL)
    return NULL;
  stmt = po_database_prepare (db, PETITION_SELECT "WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    p = petition_from_row (stmt, calendar, today, yellow_days, yellow_share);
  else
    g_set_error (error, PO_ERROR, PO_ERROR_NOT_FOUND, _("The consultation or complaint is no longer there."));
  sqlite3_reset (stmt);
  return p;
}
