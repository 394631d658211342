/* test-item.c: power items: their rules, lifecycle and versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "po-error.h"
#include "po-item.h"
#include "po-review.h"
#include "po-test-util.h"

typedef struct
{
  char       *dir;
  PoDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = po_test_make_dir ();
  f->db = po_test_open (f->dir, "office.db");
  g_assert_true (po_database_exec (f->db,
    "INSERT INTO departments (code, name) VALUES ('SCJG', '市市场监督管理局');", NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  po_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* A licence with every field a licence needs. */
static PoItem *
good_licence (const char *code)
{
  PoItem *item = po_item_new ();

#define SET(field, value) G_STMT_START { g_free (item->field); item->field = g_strdup (value); } G_STMT_END
  SET (code, code);
  SET (name, "食品经营许可");
  SET (type, "license");
  SET (basis_law, "中华人民共和国食品安全法");
  SET (basis_article, "第三十五条");
  SET (basis_text, "国家对食品生产经营实行许可制度。");
  SET (fee_standard, "不收费");
  SET (handling_unit, "行政审批科");
  SET (place, "市政务服务中心12号窗口");
  SET (phone, "0571-87654321");
  SET (supervision_phone, "0571-12345");
#undef SET
  item->department_id = 1;
  item->statutory_limit = 20;
  item->committed_limit = 10;
  return item;
}

static gboolean
has_finding (GPtrArray *findings,
             PoField    field)
{
  for (guint i = 0; i < findings->len; i++)
    if (((PoFinding *) g_ptr_array_index (findings, i))->field == field)
      return TRUE;
  return FALSE;
}

static void
test_validate (void)
{
  g_autoptr(PoItem) item = good_licence ("XK-1");
  g_autoptr(GPtrArray) findings = po_findings_new ();

  po_item_validate (item, findings);
  g_assert_cmpuint (findings->len, ==, 0);

  /* committed above statutory */
  item->committed_limit = 25;
  po_item_validate (item, findings);
  g_assert_true (has_finding (findings, PO_FIELD_COMMITTED_LIMIT));
  g_ptr_array_set_size (findings, 0);
  item->committed_limit = 20;   /* equal is allowed */
  po_item_validate (item, findings);
  g_assert_cmpuint (findings->len, ==, 0);

  /* a phone that is not one */
  g_free (item->phone);
  item->phone = g_strdup ("87654");
  po_item_validate (item, findings);
  g_assert_true (has_finding (findings, PO_FIELD_PHONE));
  g_assert_false (((PoFinding *) g_ptr_array_index (findings, 0))->missing);
  g_ptr_array_set_size (findings, 0);

  /* required for a licence: place; not for a penalty, which needs its article instead */
  g_free (item->phone);
  item->phone = g_strdup ("13812345678");
  g_free (item->place);
  item->place = g_strdup ("  ");
  po_item_validate (item, findings);
  g_assert_true (has_finding (findings, PO_FIELD_PLACE));
  g_ptr_array_set_size (findings, 0);
  g_free (item->type);
  item->type = g_strdup ("penalty");
  g_free (item->basis_article);
  item->basis_article = g_strdup ("");
  po_item_validate (item, findings);
  g_assert_false (has_finding (findings, PO_FIELD_PLACE));
  g_assert_true (has_finding (findings, PO_FIELD_BASIS_ARTICLE));
  g_ptr_array_set_size (findings, 0);

  /* a fee without its basis */
  g_free (item->type);
  item->type = g_strdup ("license");
  g_free (item->place);
  item->place = g_strdup ("窗口");
  g_free (item->basis_article);
  item->basis_article = g_strdup ("第三十五条");
  g_free (item->fee_standard);
  item->fee_standard = g_strdup ("每件50元");
  po_item_validate (item, findings);
  g_assert_true (has_finding (findings, PO_FIELD_FEE_BASIS));
}

static void
test_phones (void)
{
  static const char *const good[] = { "0571-87654321", "057187654321", "010-6512345", "0571-87654321-802",
                                      "13812345678", "12345", "0571-12345", "400-123-4567",
                                      "0571-87654321、13812345678" };
  static const char *const bad[] = { "", "87654", "1234567890123", "0571-0123456", "phone", "0571-8765432a" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (po_phone_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (po_phone_is_valid (bad[i]));
}

static gint64
file_review (Fixture    *f,
             const char *kind,
             const char *code,
             const char *proposal,
             GError    **error)
{
  PoReviewFiling filing = { kind, code, NULL, proposal, "《中华人民共和国食品安全法》第三十五条",
                            po_test_date ("2026-11-09"), po_test_date ("2026-10-12"), po_test_date ("2026-10-12") };
  gint64 id = 0;

  if (!po_review_file (f->db, &filing, &id, error))
    return 0;
  return id;
}

static void
decide (Fixture    *f,
        gint64      id,
        PoOutcome   outcome,
        const char *changed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (po_review_decide (f->db, id, outcome, "经审查，符合法律规定。", changed,
                                   po_test_date ("2026-10-20"), "王审核", &error));
  g_assert_no_error (error);
}

static char *
status_of (Fixture    *f,
           const char *code)
{
  g_autoptr(PoItem) item = po_item_load (f->db, code, NULL);
  return g_strdup (item->status);
}

static void
add_companions (Fixture *f,
                gint64   item_id)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO flowcharts (item_id, kind) VALUES (%1$lld, 'external');"
    "INSERT INTO flow_nodes (flowchart_id, kind, label) VALUES (last_insert_rowid (), 'start', '申请');",
    (long long) item_id);
  g_assert_true (po_database_exec (f->db, sql, NULL));
}

static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PoItem) item = good_licence ("XK-1");
  g_autoptr(GError) error = NULL;
  g_autofree char *s = NULL;
  gint64 id;

  g_assert_true (po_item_insert (f->db, item, "2026-10-09", &error));
  g_assert_no_error (error);
  g_assert_cmpstr ((s = status_of (f, "XK-1")), ==, "draft");
  g_clear_pointer (&s, g_free);

  /* A draft is edited in place; it cannot be published unreviewed. */
  item->committed_limit = 8;
  g_assert_true (po_item_update_draft (f->db, item, &error));
  g_assert_no_error (error);
  g_assert_false (po_item_publish (f->db, item->id, po_test_date ("2026-10-12"), &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Submitted: under review, no longer editable, not publishable. */
  id = file_review (f, "create", "XK-1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr ((s = status_of (f, "XK-1")), ==, "in-review");
  g_clear_pointer (&s, g_free);
  g_assert_false (po_item_update_draft (f->db, item, &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (file_review (f, "create", "XK-1", NULL, &error), ==, 0);   /* no second submission */
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Returned: a draft again. Submitted again and approved. */
  decide (f, id, PO_OUTCOME_RETURNED, NULL);
  g_assert_cmpstr ((s = status_of (f, "XK-1")), ==, "draft");
  g_clear_pointer (&s, g_free);
  id = file_review (f, "create", "XK-1", NULL, &error);
  g_assert_no_error (error);
  decide (f, id, PO_OUTCOME_APPROVED, NULL);
  g_assert_cmpstr ((s = status_of (f, "XK-1")), ==, "approved");
  g_clear_pointer (&s, g_free);

  /* Approved, but incomplete: no external flowchart yet. */
  g_assert_false (po_item_publish (f->db, item->id, po_test_date ("2026-10-21"), &error));
  g_assert_nonnull (strstr (error->message, "XK-1"));
  g_clear_error (&error);
  add_companions (f, item->id);
  g_assert_true (po_item_publish (f->db, item->id, po_test_date ("2026-10-21"), &error));
  g_assert_no_error (error);
  g_assert_cmpstr ((s = status_of (f, "XK-1")), ==, "published");
  g_clear_pointer (&s, g_free);
  /* Published once is enough. */
  g_assert_false (po_item_publish (f->db, item->id, po_test_date ("2026-10-22"), &error));
  g_clear_error (&error);
  g_assert_false (po_item_update_draft (f->db, item, &error));
  g_clear_error (&error);
}

static void
publish_new (Fixture    *f,
             const char *code,
             gint64     *item_id)
{
  g_autoptr(PoItem) item = good_licence (code);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (po_item_insert (f->db, item, "2026-10-09", &error));
  id = file_review (f, "create", code, NULL, &error);
  g_assert_no_error (error);
  decide (f, id, PO_OUTCOME_APPROVED, NULL);
  add_companions (f, item->id);
  g_assert_true (po_item_publish (f->db, item->id, po_test_date ("2026-10-21"), &error));
  g_assert_no_error (error);
  *item_id = item->id;
}

static void
test_change_keeps_published_version (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) diff = NULL;
  g_autoptr(PoItem) now = NULL;
  g_autofree char *s = NULL;
  gint64 item_id, id;

  publish_new (f, "XK-2", &item_id);

  /* A change goes through review; the published version stays in force. */
  id = file_review (f, "modify", "XK-2", "{\"committed_limit\": 5, \"place\": \"市民中心3楼\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr ((s = status_of (f, "XK-2")), ==, "adjusting");
  g_clear_pointer (&s, g_free);
  now = po_item_load (f->db, "XK-2", NULL);
  g_assert_cmpint (now->committed_limit, ==, 10);
  g_clear_pointer (&now, po_item_free);

  /* An invalid change is refused at filing. */
  g_assert_cmpint (file_review (f, "modify", "XK-2", "{\"committed_limit\": 50}", &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Approved with changes: the legal office's version is applied. */
  decide (f, id, PO_OUTCOME_APPROVED_WITH_CHANGES, "{\"committed_limit\": 6, \"place\": \"市民中心3楼\"}");
  now = po_item_load (f->db, "XK-2", NULL);
  g_assert_cmpint (now->committed_limit, ==, 6);
  g_assert_cmpstr (now->status, ==, "approved");
  g_assert_true (po_item_publish (f->db, item_id, po_test_date ("2026-10-28"), &error));
  g_assert_no_error (error);

  /* Both versions are kept; the history shows what changed, field by field. */
  versions = po_item_versions (f->db, item_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (((PoItemVersion *) versions->pdata[0])->version, ==, 1);
  g_assert_cmpstr (((PoItemVersion *) versions->pdata[1])->published_on, ==, "2026-10-28");
  diff = po_item_diff (f->db, ((PoItemVersion *) versions->pdata[0])->content,
                       ((PoItemVersion *) versions->pdata[1])->content);
  g_assert_cmpuint (diff->len, ==, 2);
  g_assert_cmpint (((PoFieldChange *) diff->pdata[0])->field, ==, PO_FIELD_COMMITTED_LIMIT);
  g_assert_cmpstr (((PoFieldChange *) diff->pdata[0])->before, ==, "10");
  g_assert_cmpstr (((PoFieldChange *) diff->pdata[0])->after, ==, "6");
  g_assert_cmpint (((PoFieldChange *) diff->pdata[1])->field, ==, PO_FIELD_PLACE);
  g_assert_cmpstr (((PoFieldChange *) diff->pdata[1])->after, ==, "市民中心3楼");
}

static void
test_rejected_change_restores (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoItem) now = NULL;
  gint64 item_id, id;

  publish_new (f, "XK-3", &item_id);
  id = file_review (f, "modify", "XK-3", "{\"committed_limit\": 5}", &error);
  g_assert_no_error (error);
  decide (f, id, PO_OUTCOME_REJECTED, NULL);
  now = po_item_load (f->db, "XK-3", NULL);
  g_assert_cmpstr (now->status, ==, "published");
  g_assert_cmpint (now->committed_limit, ==, 10);
  g_assert_cmpint (now->published_version, ==, 1);
}

static void
test_abolish (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *s = NULL;
  gint64 item_id, id;

  publish_new (f, "XK-4", &item_id);
  /* Abolishing a draft is not a thing: a draft is simply not published. */
  id = file_review (f, "abolish", "XK-4", NULL, &error);
  g_assert_no_error (error);
  decide (f, id, PO_OUTCOME_APPROVED, NULL);
  g_assert_cmpstr ((s = status_of (f, "XK-4")), ==, "abolished");
  /* Abolished is final. */
  g_assert_cmpint (file_review (f, "modify", "XK-4", "{\"committed_limit\": 5}", &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (file_review (f, "abolish", "XK-4", NULL, &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
}

static void
test_decision_rules (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PoItem) item = good_licence ("XK-5");
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (po_item_insert (f->db, item, "2026-10-09", NULL));
  id = file_review (f, "create", "XK-5", NULL, &error);
  /* No opinion, no decision. */
  g_assert_false (po_review_decide (f->db, id, PO_OUTCOME_APPROVED, "  ", NULL, po_test_date ("2026-10-20"), "", &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  /* Not before receipt. */
  g_assert_false (po_review_decide (f->db, id, PO_OUTCOME_APPROVED, "同意", NULL, po_test_date ("2026-10-01"), "", &error));
  g_clear_error (&error);
  /* Changes need the changed proposal. */
  g_assert_false (po_review_decide (f->db, id, PO_OUTCOME_APPROVED_WITH_CHANGES, "同意", NULL, po_test_date ("2026-10-20"), "", &error));
  g_clear_error (&error);
  decide (f, id, PO_OUTCOME_APPROVED, NULL);
  /* Decided once. */
  g_assert_false (po_review_decide (f->db, id, PO_OUTCOME_REJECTED, "不同意", NULL, po_test_date ("2026-10-21"), "", &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
}

static void
test_incomplete_draft_not_submitted (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(PoItem) item = good_licence ("XK-6");
  g_autoptr(GError) error = NULL;
  g_autofree char *s = NULL;

  g_free (item->supervision_phone);
  item->supervision_phone = g_strdup ("");
  g_assert_true (po_item_insert (f->db, item, "2026-10-09", NULL));
  g_assert_cmpint (file_review (f, "create", "XK-6", NULL, &error), ==, 0);
  g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
  g_assert_cmpstr ((s = status_of (f, "XK-6")), ==, "draft");
}

static void
test_duplicate_code (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PoItem) a = good_licence ("XK-7");
  g_autoptr(PoItem) b = good_licence ("XK-7");
  g_autoptr(GError) error = NULL;

  g_assert_true (po_item_insert (f->db, a, "2026-10-09", NULL));
  g_assert_false (po_item_insert (f->db, b, "2026-10-09", &error));
  g_assert_error (error, PO_ERROR, PO_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "XK-7"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/item/validate", test_validate);
  g_test_add_func ("/item/phones", test_phones);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/item/lifecycle/create-review-publish", test_lifecycle);
  ADD ("/item/lifecycle/change-keeps-published-version", test_change_keeps_published_version);
  ADD ("/item/lifecycle/rejected-change-restores", test_rejected_change_restores);
  ADD ("/item/lifecycle/abolish", test_abolish);
  ADD ("/item/lifecycle/decision-rules", test_decision_rules);
  ADD ("/item/lifecycle/incomplete-draft-not-submitted", test_incomplete_draft_not_submitted);
  ADD ("/item/duplicate-code", test_duplicate_code);
#undef ADD

  return g_test_run ();
}
