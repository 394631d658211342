/* test-review-page.c: the legality review page on a small office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "po-discretion.h"
#include "po-gui-test-util.h"
#include "po-item.h"
#include "po-review.h"
#include "po-review-page.h"
#include "po-review-request.h"
#include "po-review-row.h"
#include "po-test-util.h"

/* Today is pinned to Thursday 2026-10-15. With the default yellow
 * threshold of one working day:
 *   PW-1 received 09-14, reply due 09-28: overdue, red;
 *   PW-2 received 09-28, reply due 10-16: one working day left, yellow;
 *   PW-3 received 10-12, reply due 10-26: comfortable;
 *   PW-4 received 10-13, reply due 10-27: comfortable, due last. */
#define TODAY "2026-10-15"

static char *tmpdir;
static PoDatabase *database;
static GtkWidget *window;
static PoReviewPage *page;
static gint64 red_id, yellow_id, calm_id, last_id;

static gpointer
template_child (const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), PO_TYPE_REVIEW_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
queue_has (gpointer data)
{
  return !po_review_page_get_busy (page) &&
         g_list_model_get_n_items (po_review_page_get_queue (page)) == GPOINTER_TO_UINT (data);
}

static void
wait_for_queue (guint n)
{
  g_assert_true (po_gui_test_wait_for (queue_has, GUINT_TO_POINTER (n)));
}

static PoReviewRequest *
queue_item (guint position)
{
  g_autoptr(PoReviewRequest) request = g_list_model_get_item (po_review_page_get_queue (page), position);

  g_assert_nonnull (request);
  return request;   /* the queue keeps it */
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (PO_IS_REVIEW_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static PoReviewRow *
find_row (gint64 id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (page), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      PoReviewRequest *request = po_review_row_get_request (rows->pdata[i]);

      if (request != NULL && po_review_request_get_id (request) == id)
        return rows->pdata[i];
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwPreferencesRow *
find_row_titled (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_PREFERENCES_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesRow *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
set_opinion (const char *text)
{
  GtkTextView *view = template_child ("opinion_view");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static gboolean
decide_sensitive (void)
{
  return gtk_widget_get_sensitive (template_child ("decide_button"));
}

static void
select_request (gint64 id)
{
  g_assert_true (po_review_page_select (page, id));
  g_assert_cmpint (po_review_page_get_selected (page), ==, id);
  po_gui_test_run_for (50);
}

static char *
request_state (gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoReview) review = po_review_load (database, id, po_date_today (), 1, &error);

  g_assert_no_error (error);
  return g_strdup (review->state);
}

static PoItem *
load_item (const char *code)
{
  g_autoptr(GError) error = NULL;
  PoItem *item = po_item_load (database, code, &error);

  g_assert_no_error (error);
  return item;
}

static void
test_queue_order (void)
{
  GListModel *queue = po_review_page_get_queue (page);
  const gint64 expected[] = { red_id, yellow_id, calm_id, last_id };
  const PoLevel levels[] = { PO_LEVEL_RED, PO_LEVEL_YELLOW, PO_LEVEL_NONE, PO_LEVEL_NONE };
  AdwWindowTitle *title = template_child ("window_title");

  g_assert_cmpuint (g_list_model_get_n_items (queue), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const PoReview *review = po_review_request_get_review (queue_item (i));

      g_assert_cmpint (review->id, ==, expected[i]);
      g_assert_cmpint (review->level, ==, levels[i]);
      if (i > 0)
        g_assert_cmpint (po_review_request_get_review (queue_item (i - 1))->reply_deadline, <=, review->reply_deadline);
    }

  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "4 requests awaiting review · 1 overdue");
  /* The one due first is shown. */
  g_assert_cmpint (po_review_page_get_selected (page), ==, red_id);
}

static void
test_queue_styles (void)
{
  static const struct { gint64 *id; const char *badge; const char *row; const char *text; } expect[] = {
    { &red_id,    "error",   "overdue",  "9 working days overdue" },
    { &yellow_id, "warning", "due-soon", "1 working day left" },
    { &calm_id,   NULL,      NULL,       "7 working days left" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      PoReviewRow *row = find_row (*expect[i].id);
      GtkWidget *badge;

      g_assert_nonnull (row);
      badge = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), PO_TYPE_REVIEW_ROW, "days_label"));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, expect[i].text);

      g_assert_true (gtk_widget_has_css_class (badge, "error") == (g_strcmp0 (expect[i].badge, "error") == 0));
      g_assert_true (gtk_widget_has_css_class (badge, "warning") == (g_strcmp0 (expect[i].badge, "warning") == 0));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "overdue") == (g_strcmp0 (expect[i].row, "overdue") == 0));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "due-soon") == (g_strcmp0 (expect[i].row, "due-soon") == 0));
    }
}

static void
test_queue_late_filed (void)
{
  PoReviewRow *late = find_row (red_id);
  PoReviewRow *on_time = find_row (yellow_id);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (late), PO_TYPE_REVIEW_ROW, "late_label"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (on_time), PO_TYPE_REVIEW_ROW, "late_label"))));
}

/* Enter on a row of the queue (the list view's "activate") opens the
 * request: the keyboard focus moves into its detail. */
static void
test_queue_enter_opens (void)
{
  GtkWidget *focus;

  g_signal_emit_by_name (template_child ("list_view"), "activate", 1);
  po_gui_test_run_for (50);
  g_assert_cmpint (po_review_page_get_selected (page), ==, yellow_id);

  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, template_child ("detail_box")));
}

static void
test_detail_comparison (void)
{
  GtkWidget *comparison = template_child ("comparison_box");
  GtkWidget *in_force, *proposed, *unchanged;
  int column_before, row_before, column_after, row_after;
  GtkGrid *grid;

  select_request (yellow_id);
  g_assert_true (gtk_widget_get_visible (comparison));

  /* The committed time limit: 15 in force, 12 proposed, side by side
   * in one highlighted row of the grid. */
  in_force = find_label (comparison, "15 working days");
  proposed = find_label (comparison, "12 working days");
  g_assert_nonnull (in_force);
  g_assert_nonnull (proposed);
  grid = GTK_GRID (gtk_widget_get_parent (proposed));
  g_assert_true (GTK_IS_GRID (grid));
  gtk_grid_query_child (grid, in_force, &column_before, &row_before, NULL, NULL);
  gtk_grid_query_child (grid, proposed, &column_after, &row_after, NULL, NULL);
  g_assert_cmpint (row_before, ==, row_after);
  g_assert_cmpint (column_before, ==, 1);
  g_assert_cmpint (column_after, ==, 2);
  g_assert_true (gtk_widget_has_css_class (in_force, "changed"));
  g_assert_true (gtk_widget_has_css_class (proposed, "changed"));

  /* An unchanged field shows the same value twice, not highlighted. */
  unchanged = find_label (comparison, "辐射安全许可");
  g_assert_nonnull (unchanged);
  g_assert_false (gtk_widget_has_css_class (unchanged, "changed"));

  /* The deadlines, spelled out. */
  g_assert_cmpstr (gtk_label_get_label (template_child ("reply_label")), ==, "2026-10-16");
  g_assert_cmpstr (gtk_label_get_label (template_child ("received_label")), ==, "2026-09-28");
  g_assert_cmpstr (gtk_label_get_label (template_child ("filing_label")), ==, "2026-11-10");
}

static void
test_decide_needs_opinion (void)
{
  select_request (yellow_id);
  set_opinion ("");
  g_assert_false (decide_sensitive ());
  set_opinion ("  \n ");
  g_assert_false (decide_sensitive ());
  set_opinion ("经审查，符合法律规定。");
  g_assert_true (decide_sensitive ());

  /* The draft stays with its request. */
  select_request (calm_id);
  g_assert_false (decide_sensitive ());
  select_request (yellow_id);
  g_assert_true (decide_sensitive ());
  set_opinion ("");
}

static void
test_decide_approve (void)
{
  g_autofree char *state = NULL;
  g_autoptr(PoItem) item = NULL;

  select_request (red_id);
  adw_combo_row_set_selected (template_child ("outcome_row"), 0);
  set_opinion ("经审查，该事项调整符合法律规定，同意。");
  g_assert_true (decide_sensitive ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.decide", NULL));
  wait_for_queue (3);

  state = request_state (red_id);
  g_assert_cmpstr (state, ==, "approved");
  item = load_item ("PW-1");
  g_assert_cmpstr (item->status, ==, "approved");
  g_assert_cmpint (item->committed_limit, ==, 12);

  /* The next one due takes its place. */
  g_assert_cmpint (po_review_page_get_selected (page), ==, yellow_id);
}

static void
test_decide_with_changes (void)
{
  AdwPreferencesRow *committed;
  g_autofree char *state = NULL;
  g_autoptr(PoItem) item = NULL;

  select_request (calm_id);
  /* Approved, approved with changes, returned, rejected */
  adw_combo_row_set_selected (template_child ("outcome_row"), 1);
  g_assert_true (gtk_widget_get_visible (template_child ("changes_group")));
  set_opinion ("承诺时限调整为10个工作日后同意。");
  /* Nothing changed yet: that would be a plain approval. */
  g_assert_false (decide_sensitive ());

  committed = find_row_titled (template_child ("changes_group"), po_field_label (PO_FIELD_COMMITTED_LIMIT));
  g_assert_nonnull (committed);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (committed)), ==, "12");
  gtk_editable_set_text (GTK_EDITABLE (committed), "ten");
  g_assert_false (decide_sensitive ());
  gtk_editable_set_text (GTK_EDITABLE (committed), "010");
  g_assert_true (decide_sensitive ());

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.decide", NULL));
  wait_for_queue (2);

  state = request_state (calm_id);
  g_assert_cmpstr (state, ==, "approved-with-changes");
  item = load_item ("PW-3");
  g_assert_cmpstr (item->status, ==, "approved");
  g_assert_cmpint (item->committed_limit, ==, 10);
  g_assert_cmpint (item->statutory_limit, ==, 20);
}

/* A message dialog exists, whether shown or not. */
static gboolean
dialog_exists (gpointer data)
{
  return po_gui_test_find_any_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_decide_failure (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  GtkWindow *dialog;

  /* Someone put the item back behind the page's back: the core refuses
   * the decision and writes nothing. */
  g_assert_true (po_database_exec (database, "UPDATE power_items SET status = 'published' WHERE code = 'PW-4'", &error));
  g_assert_no_error (error);

  select_request (last_id);
  adw_combo_row_set_selected (template_child ("outcome_row"), 0);
  set_opinion ("同意。");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.decide", NULL));
  g_assert_true (po_gui_test_wait_for (dialog_exists, NULL));
  po_gui_test_run_for (50);
  g_assert_false (po_review_page_get_busy (page));

  state = request_state (last_id);
  g_assert_cmpstr (state, ==, "open");
  g_assert_cmpuint (g_list_model_get_n_items (po_review_page_get_queue (page)), ==, 2);
  /* The opinion is still there to try again. */
  g_assert_true (decide_sensitive ());

  dialog = po_gui_test_find_any_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_destroy (dialog);
  po_gui_test_run_for (50);

  g_assert_true (po_database_exec (database, "UPDATE power_items SET status = 'adjusting' WHERE code = 'PW-4'", &error));
  g_assert_no_error (error);
}

static gboolean
yellow_is_calm (gpointer data)
{
  PoReviewRow *row = find_row (yellow_id);

  return !po_review_page_get_busy (page) && row != NULL &&
         po_review_request_get_review (po_review_row_get_request (row))->level == PO_LEVEL_NONE;
}

/* The office's threshold, as the preferences window writes it; the page
 * reads it again when told (win.office-changed, or a reload). */
static void
set_office_yellow_days (int days)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (po_office_set_yellow (database, days, 0, &error));
  g_assert_no_error (error);
  po_page_reload (PO_PAGE (page));
}

static void
test_settings_yellow_threshold (void)
{
  PoReviewRow *row;
  GtkWidget *badge;

  set_office_yellow_days (0);
  g_assert_true (po_gui_test_wait_for (yellow_is_calm, NULL));
  row = find_row (yellow_id);
  badge = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), PO_TYPE_REVIEW_ROW, "days_label"));
  g_assert_false (gtk_widget_has_css_class (badge, "warning"));

  set_office_yellow_days (1);
  po_gui_test_run_for (50);
  wait_for_queue (2);
  row = find_row (yellow_id);
  badge = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), PO_TYPE_REVIEW_ROW, "days_label"));
  g_assert_true (gtk_widget_has_css_class (badge, "warning"));
}

static void
test_queue_empty (void)
{
  g_autoptr(GError) error = NULL;
  const char *subtitle;

  g_assert_true (po_review_decide (database, yellow_id, PO_OUTCOME_RETURNED, "请补充法律依据。", NULL,
                                   po_date_today (), "李", &error));
  g_assert_no_error (error);
  g_assert_true (po_review_decide (database, last_id, PO_OUTCOME_REJECTED, "无法律依据。", NULL,
                                   po_date_today (), "李", &error));
  g_assert_no_error (error);

  po_page_reload (PO_PAGE (page));
  wait_for_queue (0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child ("content_stack")), ==, "empty");
  subtitle = adw_window_title_get_subtitle (template_child ("window_title"));
  g_assert_true (subtitle == NULL || *subtitle == '\0');
}

static gint64
file_request (const PoReviewFiling *filing)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (po_review_file (database, filing, &id, &error));
  g_assert_no_error (error);
  return id;
}

/* A new item: nothing of it is in force, and there is no law change to
 * count a filing deadline from. */
static void
test_new_item (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoItem) item = NULL;
  g_autofree char *state = NULL;
  PoReviewFiling filing = { "create", "PW-5", NULL, NULL, "《城乡规划法》第三十七条", PO_DATE_INVALID,
                            po_test_date ("2026-10-14"), po_test_date ("2026-10-14") };
  GtkWidget *comparison = template_child ("comparison_box");
  GtkWidget *name;
  gint64 id;

  g_assert_true (po_database_exec (database,
    "INSERT INTO power_items (code, name, type, department_id, status, basis_law, basis_article, "
    "  handling_unit, place, fee_standard, phone, supervision_phone, statutory_limit, committed_limit, created_on) VALUES "
    "('PW-5', '建设用地规划许可', 'license', 1, 'draft', '城乡规划法', '第三十七条', '审批科', "
    "  '窗口', '不收费', '0571-87000001', '12345', 20, 10, '2026-10-01');",
    &error));
  g_assert_no_error (error);
  id = file_request (&filing);

  po_page_reload (PO_PAGE (page));
  wait_for_queue (1);
  select_request (id);

  g_assert_true (gtk_widget_get_visible (comparison));
  name = find_label (comparison, "建设用地规划许可");
  g_assert_nonnull (name);
  g_assert_false (gtk_widget_has_css_class (name, "changed"));
  g_assert_nonnull (find_label (comparison, "10 working days"));
  g_assert_cmpstr (gtk_label_get_label (template_child ("filing_label")), ==, "—");
  g_assert_false (gtk_widget_get_visible (template_child ("filing_status_label")));

  set_opinion ("经审查，该事项符合《城乡规划法》规定，同意设立。");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.decide", NULL));
  wait_for_queue (0);

  state = request_state (id);
  g_assert_cmpstr (state, ==, "approved");
  item = load_item ("PW-5");
  g_assert_cmpstr (item->status, ==, "approved");
}

/* A discretion benchmark adjustment: the proposal as filed, and
 * returned for revision. */
static void
test_adjustment (void)
{
  PoReviewFiling filing = { "discretion", "PW-1", NULL,
                            "{\"tiers\": [{\"name\": \"从轻\", \"max_yuan\": 1000}]}",
                            "《行政处罚法》第三十四条", po_test_date ("2026-12-01"),
                            po_test_date ("2026-10-14"), po_test_date ("2026-10-14") };
  GtkTextView *view = template_child ("proposal_view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = NULL;
  g_autofree char *state = NULL;
  GtkTextIter start, end;
  gint64 id;

  id = file_request (&filing);
  po_page_reload (PO_PAGE (page));
  wait_for_queue (1);
  select_request (id);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_false (gtk_widget_get_visible (template_child ("comparison_box")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "\"tiers\": [\n"));
  g_assert_nonnull (strstr (text, "\"name\": \"从轻\""));

  /* With changes, the proposal is edited as text. */
  adw_combo_row_set_selected (template_child ("outcome_row"), 1);
  g_assert_true (gtk_widget_get_visible (template_child ("changes_view")));

  /* Approved, approved with changes, returned, rejected */
  adw_combo_row_set_selected (template_child ("outcome_row"), 2);
  g_assert_false (gtk_widget_get_visible (template_child ("changes_group")));
  set_opinion ("裁量档次划分依据不足，请补充说明后重新报送。");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.decide", NULL));
  wait_for_queue (0);

  state = request_state (id);
  g_assert_cmpstr (state, ==, "returned");
}

/* A label of @widget whose text starts with @prefix, or NULL. */
static GtkWidget *
find_label_prefix (GtkWidget  *widget,
                   const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_prefix (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
add_tier (PoBenchmark *benchmark,
          const char  *name,
          const char  *circumstances,
          double       fine_min,
          double       fine_max)
{
  g_autoptr(PoBenchmarkTier) tier = po_benchmark_tier_new (name, circumstances, fine_min, fine_max);

  po_benchmark_append_tier (benchmark, tier);
}

/* A discretion benchmark adjustment of a published penalty item: the
 * tiers in force and as proposed side by side, the changed tier
 * highlighted, the proposal as filed folded away below. */
static void
test_discretion_tiers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) modified = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *proposal = NULL;
  g_autofree char *range_before = NULL;
  g_autofree char *range_after = NULL;
  PoBenchmark *benchmark = po_benchmark_new ();
  PoBenchmark *copy;
  PoReviewFiling filing = { "discretion", "CF-1", NULL, NULL, "《行政处罚法》第三十四条", po_test_date ("2026-12-01"),
                            po_test_date ("2026-10-14"), po_test_date ("2026-10-14") };
  GtkWidget *box = template_child ("discretion_box");
  GtkWidget *in_force, *proposed, *unchanged;
  int column_before, row_before, column_after, row_after;
  GtkGrid *grid;
  gint64 id;

  g_assert_true (po_database_exec (database,
    "INSERT INTO power_items (code, name, type, department_id, status, basis_law, basis_article, "
    "  handling_unit, place, fee_standard, phone, supervision_phone, statutory_limit, committed_limit, created_on) VALUES "
    "('CF-1', '对未按规定公示信息的处罚', 'penalty', 1, 'published', '环境保护法', '第六十二条', '执法科', "
    "  '窗口', '不收费', '0571-87000001', '12345', 90, 60, '2026-01-05');",
    &error));
  g_assert_no_error (error);

  po_benchmark_set_violation (benchmark, "未按规定公示信息");
  po_benchmark_set_penalty_provision (benchmark, "第六十二条");
  po_benchmark_set_range (benchmark, 500, 5000);
  add_tier (benchmark, "从轻", "主动改正的", 500, 1000);
  add_tier (benchmark, "一般", "无从轻、从重情形的", 1000, 3000);
  add_tier (benchmark, "从重", "拒不改正的", 3000, 5000);
  g_ptr_array_add (benchmarks, benchmark);
  g_assert_true (po_discretion_save_unchecked (database, "CF-1", benchmarks, &error));
  g_assert_no_error (error);

  /* The general tier narrowed to 1000–2000 yuan, the severe one widened. */
  copy = po_benchmark_copy (benchmark);
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (copy, 1), 2000);
  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (copy, 2), 2000);
  g_ptr_array_add (modified, copy);
  proposal = po_discretion_to_json ("CF-1", modified);
  filing.proposal = proposal;
  id = file_request (&filing);

  po_page_reload (PO_PAGE (page));
  wait_for_queue (1);
  select_request (id);

  g_assert_true (gtk_widget_get_visible (box));
  g_assert_false (gtk_widget_get_visible (template_child ("comparison_box")));
  g_assert_false (gtk_widget_get_visible (template_child ("proposal_view")));

  /* The general tier: 1000–3000 in force, 1000–2000 proposed, side by
   * side in one highlighted row. */
  range_before = po_discretion_format_range (1000, 3000, PO_DISCRETION_UNIT_YUAN);
  range_after = po_discretion_format_range (1000, 2000, PO_DISCRETION_UNIT_YUAN);
  in_force = find_label_prefix (box, range_before);
  proposed = find_label_prefix (box, range_after);
  g_assert_nonnull (in_force);
  g_assert_nonnull (proposed);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (in_force)), "无从轻、从重情形的"));
  grid = GTK_GRID (gtk_widget_get_parent (proposed));
  g_assert_true (GTK_IS_GRID (grid));
  g_assert_true (gtk_widget_get_parent (in_force) == GTK_WIDGET (grid));
  gtk_grid_query_child (grid, in_force, &column_before, &row_before, NULL, NULL);
  gtk_grid_query_child (grid, proposed, &column_after, &row_after, NULL, NULL);
  g_assert_cmpint (row_before, ==, row_after);
  g_assert_cmpint (column_before, ==, 1);
  g_assert_cmpint (column_after, ==, 2);
  g_assert_true (gtk_widget_has_css_class (in_force, "changed"));
  g_assert_true (gtk_widget_has_css_class (proposed, "changed"));
  g_assert_true (gtk_widget_has_css_class (proposed, "proposed-change"));

  /* An unchanged tier, and the statutory range, are not highlighted. */
  unchanged = find_label (box, "从轻");
  g_assert_nonnull (unchanged);
  g_assert_false (gtk_widget_has_css_class (unchanged, "changed"));
  g_assert_nonnull (find_label (box, "Statutory range"));
  g_assert_false (gtk_widget_has_css_class (find_label (box, "Statutory range"), "changed"));

  /* The proposal as filed stays at hand, folded. */
  g_assert_false (gtk_expander_get_expanded (template_child ("discretion_expander")));
}

static gint64
file_change (const char *code,
             const char *effective,
             const char *received)
{
  g_autoptr(GError) error = NULL;
  PoReviewFiling filing = { "modify", code, NULL, "{\"committed_limit\": 12}", "《行政许可法》第十二条",
                            po_test_date (effective), po_test_date (received), po_test_date (received) };
  gint64 id = 0;

  g_assert_true (po_review_file (database, &filing, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
setup_office (void)
{
  g_autoptr(GError) error = NULL;

  tmpdir = po_test_make_dir ();
  database = po_test_open (tmpdir, "office.db");
  g_assert_true (po_database_exec (database,
    "INSERT INTO departments (code, name) VALUES ('STHJ', '市生态环境局');"
    "INSERT INTO power_items (code, name, type, department_id, status, basis_law, basis_article, "
    "  handling_unit, place, fee_standard, phone, supervision_phone, statutory_limit, committed_limit, created_on) VALUES "
    "('PW-1', '排污许可', 'license', 1, 'published', '排污许可管理条例', '第十五条', '审批科', '窗口', '不收费', "
    "  '0571-87000001', '12345', 20, 15, '2026-01-05'),"
    "('PW-2', '辐射安全许可', 'license', 1, 'published', '放射性同位素与射线装置安全和防护条例', '第八条', '审批科', "
    "  '窗口', '不收费', '0571-87000001', '12345', 20, 15, '2026-01-05'),"
    "('PW-3', '危险废物经营许可', 'license', 1, 'published', '危险废物经营许可证管理办法', '第十条', '审批科', "
    "  '窗口', '不收费', '0571-87000001', '12345', 20, 15, '2026-01-05'),"
    "('PW-4', '建设项目环境影响评价文件审批', 'license', 1, 'published', '环境影响评价法', '第二十二条', '审批科', "
    "  '窗口', '不收费', '0571-87000001', '12345', 60, 30, '2026-01-05');",
    &error));
  g_assert_no_error (error);

  /* PW-1 is filed on 09-14 for a law taking effect on 09-30, after its
   * filing deadline: late-filed. */
  red_id = file_change ("PW-1", "2026-09-30", "2026-09-14");
  yellow_id = file_change ("PW-2", "2026-12-01", "2026-09-28");
  calm_id = file_change ("PW-3", "2026-12-01", "2026-10-12");
  last_id = file_change ("PW-4", "2026-12-01", "2026-10-13");
}

int
main (int   argc,
      char *argv[])
{
  GtkWidget *overlay;
  int ret;

  g_setenv ("PO_TODAY", TODAY, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  setup_office ();

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  overlay = adw_toast_overlay_new ();
  page = PO_REVIEW_PAGE (po_review_page_new (database));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  g_object_ref (window);
  g_object_ref (page);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_queue (4);
  po_gui_test_run_for (100);

  g_test_add_func ("/review-page/queue/order", test_queue_order);
  g_test_add_func ("/review-page/queue/styles", test_queue_styles);
  g_test_add_func ("/review-page/queue/late-filed", test_queue_late_filed);
  g_test_add_func ("/review-page/queue/enter-opens", test_queue_enter_opens);
  g_test_add_func ("/review-page/detail/comparison", test_detail_comparison);
  g_test_add_func ("/review-page/decide/needs-opinion", test_decide_needs_opinion);
  g_test_add_func ("/review-page/decide/approve", test_decide_approve);
  g_test_add_func ("/review-page/decide/with-changes", test_decide_with_changes);
  g_test_add_func ("/review-page/decide/failure", test_decide_failure);
  g_test_add_func ("/review-page/settings/yellow-threshold", test_settings_yellow_threshold);
  g_test_add_func ("/review-page/after-decisions/empty-queue", test_queue_empty);
  g_test_add_func ("/review-page/after-decisions/new-item", test_new_item);
  g_test_add_func ("/review-page/after-decisions/adjustment", test_adjustment);
  g_test_add_func ("/review-page/after-decisions/discretion-tiers", test_discretion_tiers);

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  po_gui_test_run_for (100);
  g_assert_finalize_object (window);
  g_assert_finalize_object (page);
  g_clear_object (&database);
  po_test_remove_dir (tmpdir);
  g_free (tmpdir);

  return ret;
}
