/* test-discretion-page.c: the discretion benchmarks page on a small office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "po-discretion.h"
#include "po-discretion-bar.h"
#include "po-discretion-page.h"
#include "po-gui-test-util.h"
#include "po-test-util.h"

/* Columns of the tier table, as po-discretion-page.c numbers them. */
#define COLUMN_MAX 3

static const char benchmark_json[] =
  "{\"format\": \"power-oversight-discretion\", \"version\": 1, \"benchmarks\": [{"
  "  \"violation\": \"未公示信息\", \"unit\": \"yuan\", \"min\": 1000, \"max\": 10000,"
  "  \"tiers\": ["
  "    {\"name\": \"从轻\", \"circumstances\": \"主动改正的\", \"min\": 1000, \"max\": 3000},"
  "    {\"name\": \"一般\", \"circumstances\": \"无从轻、从重情形的\", \"min\": 3000, \"max\": 6000},"
  "    {\"name\": \"从重\", \"circumstances\": \"拒不改正的；屡次违法的\", \"min\": 6000, \"max\": 10000}"
  "  ]}]}";

static char *tmpdir;
static PoDatabase *database;
static GtkWidget *window;
static PoDiscretionPage *page;

static gboolean
page_idle (gpointer data)
{
  return !po_discretion_page_get_busy (page);
}

static void
wait_idle (void)
{
  g_assert_true (po_gui_test_wait_for (page_idle, NULL));
  po_gui_test_run_for (50);
}

static gpointer
template_child (const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), PO_TYPE_DISCRETION_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
collect_max_entries (GtkWidget *widget,
                     GPtrArray *entries)
{
  if (GTK_IS_ENTRY (widget) &&
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "po-column")) == COLUMN_MAX &&
      g_object_get_data (G_OBJECT (widget), "po-tier") != NULL)
    g_ptr_array_add (entries, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_max_entries (child, entries);
}

static GtkWidget *
max_entry_of (PoBenchmarkTier *tier)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  collect_max_entries (GTK_WIDGET (template_child ("tier_view")), entries);
  for (guint i = 0; i < entries->len; i++)
    if (g_object_get_data (entries->pdata[i], "po-tier") == tier)
      return entries->pdata[i];
  return NULL;
}

static guint
count_rows_of_rule (const char *rule)
{
  GtkWidget *list = template_child ("findings_list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "po-rule"), rule) == 0)
      n++;
  return n;
}

static void
open_item (void)
{
  if (g_strcmp0 (po_discretion_page_get_item_code (page), "D-1") == 0)
    return;
  g_assert_true (po_discretion_page_select_item (page, "D-1"));
  wait_idle ();
  g_assert_nonnull (po_discretion_page_get_benchmark (page));
}

static void
test_item_list (void)
{
  GtkCheckButton *all_types = template_child ("all_types_check");
  GListModel *items = po_discretion_page_get_items (page);

  /* Penalties by default; the licence item only with all types. */
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  gtk_check_button_set_active (all_types, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 4);
  gtk_check_button_set_active (all_types, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);

  gtk_editable_set_text (GTK_EDITABLE (template_child ("search_entry")), "公示");
  po_gui_test_run_for (400);   /* the search entry waits before it says search-changed */
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (template_child ("search_entry")), "");
  po_gui_test_run_for (400);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
}

static void
test_tiers_shown (void)
{
  GtkColumnView *view;
  PoBenchmark *b;

  open_item ();
  b = po_discretion_page_get_benchmark (page);
  view = template_child ("tier_view");
  g_assert_cmpuint (po_benchmark_get_n_tiers (b), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child ("violation_row"))), ==, "未公示信息");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child ("max_row"))), ==, "10000");

  /* The table's cells are bound, one maximum per tier, undo on. */
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *entry = max_entry_of (po_benchmark_get_tier (b, i));

      g_assert_nonnull (entry);
      g_assert_true (gtk_editable_get_enable_undo (GTK_EDITABLE (entry)));
    }

  /* A clean benchmark: nothing to report. */
  g_assert_cmpuint (count_children (template_child ("findings_list")), ==, 0);
}

static void
test_overlap_finding (void)
{
  PoBenchmark *b;
  PoBenchmarkTier *first;
  GtkWidget *entry;
  GtkWidget *list;
  g_autoptr(GPtrArray) findings = NULL;
  GtkWidget *overlap_row = NULL;

  open_item ();
  b = po_discretion_page_get_benchmark (page);
  first = po_benchmark_get_tier (b, 0);
  entry = max_entry_of (first);
  g_assert_nonnull (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), "4000");
  g_assert_cmpfloat (po_benchmark_tier_get_fine_max (first), ==, 4000.0);

  /* The list shows what the core finds, one row a finding. */
  findings = po_discretion_validate (b, 0.0);
  list = template_child ("findings_list");
  g_assert_cmpuint (findings->len, >, 0);
  g_assert_cmpuint (count_children (list), ==, findings->len);
  g_assert_cmpuint (count_rows_of_rule ("overlap"), ==, 1);

  /* Activating the finding selects the tier it names. */
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "po-rule"), "overlap") == 0)
      overlap_row = row;
  g_assert_nonnull (overlap_row);
  po_discretion_page_select_tier (page, GTK_INVALID_LIST_POSITION);
  g_signal_emit_by_name (overlap_row, "activate");
  for (guint i = 0; i < findings->len; i++)
    {
      const PoDiscretionFinding *f = findings->pdata[i];

      if (f->rule == PO_DISCRETION_RULE_OVERLAP)
        g_assert_cmpuint (po_discretion_page_get_selected_tier (page), ==, (guint) f->tier);
    }

  /* A bad amount is refused and the model keeps the last good one. */
  {
    int position = 4;

    gtk_editable_insert_text (GTK_EDITABLE (entry), "千", -1, &position);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "4000千");
    g_assert_true (gtk_widget_has_css_class (entry, "error"));
    g_assert_cmpfloat (po_benchmark_tier_get_fine_max (first), ==, 4000.0);
    gtk_editable_delete_text (GTK_EDITABLE (entry), 4, 5);
  }
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
}

static void
test_bar_segments (void)
{
  PoDiscretionBar *bar = template_child ("bar");
  PoBenchmark *b;
  g_autoptr(GArray) segments = NULL;
  double lo, hi;

  open_item ();
  b = po_discretion_page_get_benchmark (page);
  g_assert_true (po_discretion_bar_get_benchmark (bar) == b);
  segments = po_discretion_bar_segments (b, &lo, &hi);
  g_assert_cmpuint (po_discretion_bar_get_n_segments (bar), ==, segments->len);

  /* It follows the model. */
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 2), 12000);
  g_clear_pointer (&segments, g_array_unref);
  segments = po_discretion_bar_segments (b, &lo, &hi);
  g_assert_cmpuint (po_discretion_bar_get_n_segments (bar), ==, segments->len);
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (b, 2), 10000);

  for (guint i = 0; i < po_discretion_bar_get_n_segments (bar); i++)
    {
      g_autofree char *text = po_discretion_bar_describe_segment (bar, i);
      g_assert_nonnull (text);
    }
  po_gui_test_run_for (50);   /* drawn once without a warning */
}

static void
test_undo (void)
{
  GtkEditable *row;
  GtkEditable *text;
  g_autofree char *before = NULL;

  open_item ();
  row = template_child ("violation_row");
  text = gtk_editable_get_delegate (row);
  before = g_strdup (gtk_editable_get_text (row));
  g_assert_true (gtk_editable_get_enable_undo (text));

  /* Filling the field is not undoable; an edit is, and undoing it
   * reaches the model. */
  {
    int position = -1;
    g_autofree char *after = g_strconcat (before, "的", NULL);

    gtk_editable_set_position (row, -1);
    position = gtk_editable_get_position (row);
    gtk_editable_insert_text (row, "的", -1, &position);
    g_assert_cmpstr (po_benchmark_get_violation (po_discretion_page_get_benchmark (page)), ==, after);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (text), "text.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (row), ==, before);
  g_assert_cmpstr (po_benchmark_get_violation (po_discretion_page_get_benchmark (page)), ==, before);
}

static void
test_tier_actions (void)
{
  PoBenchmark *b;
  g_autofree char *moved = NULL;

  open_item ();
  b = po_discretion_page_get_benchmark (page);

  po_discretion_page_select_tier (page, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.add-tier", NULL));
  g_assert_cmpuint (po_benchmark_get_n_tiers (b), ==, 4);
  g_assert_cmpuint (po_discretion_page_get_selected_tier (page), ==, 3);

  moved = g_strdup (po_benchmark_tier_get_name (po_benchmark_get_tier (b, 3)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.move-up", NULL));
  g_assert_cmpstr (po_benchmark_tier_get_name (po_benchmark_get_tier (b, 2)), ==, moved);
  g_assert_cmpuint (po_discretion_page_get_selected_tier (page), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.remove-tier", NULL));
  g_assert_cmpuint (po_benchmark_get_n_tiers (b), ==, 3);
  g_assert_cmpstr (po_benchmark_tier_get_name (po_benchmark_get_tier (b, 2)), ==, "从重");
}

static void
test_save (void)
{
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  PoBenchmark *saved;

  open_item ();
  gtk_editable_set_text (GTK_EDITABLE (template_child ("violation_row")), "未按规定公示信息");
  g_assert_cmpstr (po_benchmark_get_violation (po_discretion_page_get_benchmark (page)), ==, "未按规定公示信息");

  gtk_editable_set_text (GTK_EDITABLE (max_entry_of (po_benchmark_get_tier (po_discretion_page_get_benchmark (page), 0))), "4000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.save", NULL));
  g_assert_true (po_discretion_page_get_busy (page));
  wait_idle ();

  loaded = po_discretion_load (database, "D-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  saved = loaded->pdata[0];
  g_assert_cmpstr (po_benchmark_get_violation (saved), ==, "未按规定公示信息");
  g_assert_cmpuint (po_benchmark_get_n_tiers (saved), ==, 3);
  g_assert_cmpfloat (po_benchmark_tier_get_fine_max (po_benchmark_get_tier (saved, 0)), ==, 4000.0);
}

static void
test_calculator (void)
{
  GtkWidget *box;
  GtkWidget *check = NULL;
  GtkLabel *outcome;
  g_autoptr(GPtrArray) circumstances = NULL;

  open_item ();
  circumstances = po_discretion_list_circumstances (po_discretion_page_get_benchmark (page));
  box = template_child ("circumstances_box");
  g_assert_cmpuint (count_children (box), ==, circumstances->len);

  /* The first circumstance belongs to the first tier. */
  check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (gtk_widget_get_first_child (box)));
  outcome = template_child ("outcome_label");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpstr (gtk_label_get_label (outcome), !=, "");
  g_assert_nonnull (strstr (gtk_label_get_label (outcome), "从轻"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);

  gtk_editable_set_text (GTK_EDITABLE (template_child ("fine_row")), "8000");
  g_assert_nonnull (strstr (gtk_label_get_label (template_child ("fit_label")), "从重"));
  gtk_editable_set_text (GTK_EDITABLE (template_child ("fine_row")), "");
}

/* As a click on a button would: the response, then the dialog closes.
 * Unlike po_gui_test_respond(), it does not then wait for no message
 * dialog to be shown. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_propose (void)
{
  PoBenchmark *b;
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  double first_max;

  open_item ();
  b = po_discretion_page_get_benchmark (page);
  expected = po_discretion_propose_tiers (b, PO_DISCRETION_PROPOSE_EQUAL_THIRDS, &error);
  g_assert_no_error (error);

  /* Cancelling leaves the tiers alone. */
  first_max = po_benchmark_tier_get_fine_max (po_benchmark_get_tier (b, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.propose", "i", PO_DISCRETION_PROPOSE_EQUAL_THIRDS));
  dialog = po_gui_test_find_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "cancel");
  po_gui_test_run_for (50);
  g_assert_cmpuint (po_benchmark_get_n_tiers (b), ==, 3);
  g_assert_cmpfloat (po_benchmark_tier_get_fine_max (po_benchmark_get_tier (b, 0)), ==, first_max);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.propose", "i", PO_DISCRETION_PROPOSE_EQUAL_THIRDS));
  dialog = po_gui_test_find_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "replace");
  po_gui_test_run_for (50);
  g_assert_cmpuint (po_benchmark_get_n_tiers (b), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpfloat (po_benchmark_tier_get_fine_max (po_benchmark_get_tier (b, i)), ==,
                       po_benchmark_tier_get_fine_max (expected->pdata[i]));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (template_child ("tier_view")))), ==, expected->len);
}

static void
test_file_for_review (void)
{
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;
  GtkWidget *basis;

  g_assert_true (po_discretion_page_select_item (page, "P-1"));
  wait_idle ();
  g_assert_cmpuint (po_benchmark_get_n_tiers (po_discretion_page_get_benchmark (page)), ==, 3);
  g_assert_false (gtk_widget_get_visible (template_child ("save_button")));
  g_assert_true (gtk_widget_get_visible (template_child ("file_button")));

  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (po_discretion_page_get_benchmark (page), 2), 9000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.file", NULL));
  dialog = po_gui_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "file"));
  basis = find_entry_row (GTK_WIDGET (dialog), "Legal Basis of the Adjustment");
  g_assert_nonnull (basis);
  gtk_editable_set_text (GTK_EDITABLE (basis), "《行政处罚法》修订");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "file"));
  respond (dialog, "file");
  g_assert_true (po_discretion_page_get_busy (page));
  wait_idle ();

  g_assert_cmpint (po_database_query_int (database,
                                          "SELECT count(*) FROM review_requests WHERE kind = 'discretion'",
                                          &error), ==, 1);
  g_assert_no_error (error);
}

static guint
item_position (const char *code)
{
  GListModel *items = po_discretion_page_get_items (page);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), code) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static void
test_unsaved_changes (void)
{
  GtkWidget *list = template_child ("item_list");
  AdwMessageDialog *dialog;

  g_assert_true (po_discretion_page_select_item (page, "D-2"));
  wait_idle ();
  g_assert_true (po_discretion_page_select_item (page, "D-1"));
  wait_idle ();

  /* Unchanged: choosing another item needs no question. */
  g_signal_emit_by_name (list, "activate", item_position ("D-2"));
  g_assert_null (po_gui_test_find_dialog ());
  wait_idle ();
  g_assert_cmpstr (po_discretion_page_get_item_code (page), ==, "D-2");

  gtk_editable_set_text (GTK_EDITABLE (template_child ("violation_row")), "未经许可擅自施工");
  g_signal_emit_by_name (list, "activate", item_position ("D-1"));
  dialog = po_gui_test_find_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "cancel");
  po_gui_test_run_for (50);
  g_assert_cmpstr (po_discretion_page_get_item_code (page), ==, "D-2");

  g_signal_emit_by_name (list, "activate", item_position ("D-1"));
  dialog = po_gui_test_find_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  wait_idle ();
  g_assert_cmpstr (po_discretion_page_get_item_code (page), ==, "D-1");
}

static void
collect_accent_labels (GtkWidget *widget,
                       GPtrArray *texts,
                       gboolean   accent)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "accent") == accent)
    g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_accent_labels (child, texts, accent);
}

static gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (texts->pdata[i], text) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
comparison_loaded (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (data)), "loading") != 0;
}

/* Opens the comparison and waits for it to leave "loading". */
static GtkWindow *
open_comparison (const char **state)
{
  g_autoptr(GList) toplevels = NULL;
  GtkWindow *compare = NULL;
  GtkStack *stack;

  g_assert_true (gtk_widget_get_sensitive (template_child ("compare_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.compare", NULL));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), "compare-window") == 0)
      compare = l->data;
  g_assert_nonnull (compare);
  g_assert_true (gtk_window_get_modal (compare));
  g_assert_true (gtk_window_get_transient_for (compare) == GTK_WINDOW (window));

  stack = GTK_STACK (po_gui_test_find_named (GTK_WIDGET (compare), "compare-stack"));
  g_assert_nonnull (stack);
  g_assert_true (po_gui_test_wait_for (comparison_loaded, stack));
  po_gui_test_run_for (200);   /* laid out, rows bound */
  *state = gtk_stack_get_visible_child_name (stack);
  return compare;
}

static void
close_comparison (GtkWindow *compare)
{
  gpointer weak = compare;

  g_object_add_weak_pointer (G_OBJECT (compare), &weak);
  gtk_window_destroy (compare);
  po_gui_test_run_for (100);
  g_assert_null (weak);
}

static void
test_compare_regions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) accented = g_ptr_array_new ();
  g_autoptr(GPtrArray) plain = g_ptr_array_new ();
  GtkColumnView *view;
  GListModel *columns;
  GtkWindow *compare;
  const char *state;
  PoBenchmark *xihu;

  /* Two departments with benchmarks for one violation, the county's
   * harder on 从重; and a violation only the county has. */
  po_database_exec (database,
    "INSERT INTO departments (code, name, level, region) VALUES ('XH', '西湖区市场监管局', 'county', '西湖区');"
    "INSERT INTO power_items (code, name, type, department_id, status, created_on) VALUES "
    "  ('S-9', '对未报送年度报告的处罚', 'penalty', 1, 'draft', '2026-01-05'),"
    "  ('X-1', '对未报送年度报告的处罚', 'penalty', 2, 'draft', '2026-01-05'),"
    "  ('X-2', '对擅自变更经营场所的处罚', 'penalty', 2, 'draft', '2026-01-05');",
    &error);
  g_assert_no_error (error);
  benchmarks = po_discretion_load (database, "P-1", &error);
  g_assert_no_error (error);
  xihu = benchmarks->pdata[0];
  po_benchmark_set_violation (xihu, "未按规定报送年度报告");
  g_assert_true (po_discretion_save_unchecked (database, "S-9", benchmarks, &error));
  po_benchmark_tier_set_fine_max (po_benchmark_get_tier (xihu, 1), 7000);
  po_benchmark_tier_set_fine_min (po_benchmark_get_tier (xihu, 2), 7000);
  g_assert_true (po_discretion_save_unchecked (database, "X-1", benchmarks, &error));
  po_benchmark_set_violation (xihu, "擅自变更经营场所");
  g_assert_true (po_discretion_save_unchecked (database, "X-2", benchmarks, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.reload", NULL));
  wait_idle ();
  g_assert_true (po_discretion_page_select_item (page, "S-9"));
  wait_idle ();
  compare = open_comparison (&state);
  g_assert_cmpstr (state, ==, "table");

  /* Two rows; department, region, statutory range and one column per tier. */
  view = GTK_COLUMN_VIEW (po_gui_test_find_named (GTK_WIDGET (compare), "compare-view"));
  g_assert_nonnull (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 2);
  columns = gtk_column_view_get_columns (view);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 3 + 3);
  {
    static const char *const tiers[] = { "从轻", "一般", "从重" };

    for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 3 + i);

        g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, tiers[i]);
      }
  }

  /* The current department's row stands out; the county's does not. */
  collect_accent_labels (GTK_WIDGET (view), accented, TRUE);
  collect_accent_labels (GTK_WIDGET (view), plain, FALSE);
  g_assert_true (has_text (accented, "市市场监管局"));
  g_assert_false (has_text (accented, "西湖区市场监管局"));
  g_assert_true (has_text (plain, "西湖区市场监管局"));
  g_assert_true (has_text (plain, "3000–7000 yuan"));
  g_assert_true (has_text (accented, "3000–6000 yuan"));
  close_comparison (compare);

  /* Only one department has X-2's violation: the empty state. */
  g_assert_true (po_discretion_page_select_item (page, "X-2"));
  wait_idle ();
  compare = open_comparison (&state);
  g_assert_cmpstr (state, ==, "empty");
  close_comparison (compare);

  /* No violation named: nothing to compare. */
  gtk_editable_set_text (GTK_EDITABLE (template_child ("violation_row")), "");
  g_assert_false (gtk_widget_get_sensitive (template_child ("compare_button")));
  gtk_editable_set_text (GTK_EDITABLE (template_child ("violation_row")), "擅自变更经营场所");
  g_assert_true (gtk_widget_get_sensitive (template_child ("compare_button")));
}

static void
setup_office (void)
{
  g_autoptr(GError) error = NULL;

  tmpdir = po_test_make_dir ();
  database = po_test_open (tmpdir, "office.db");
  po_database_exec (database,
    "INSERT INTO departments (code, name, level, region) VALUES ('SJ', '市市场监管局', 'city', '市本级');"
    "INSERT INTO power_items (code, name, type, department_id, status, created_on) VALUES "
    "  ('D-1', '对未公示信息的处罚', 'penalty', 1, 'draft', '2026-01-05'),"
    "  ('D-2', '对擅自施工的处罚', 'penalty', 1, 'draft', '2026-01-05'),"
    "  ('L-1', '施工许可', 'license', 1, 'draft', '2026-01-05'),"
    "  ('P-1', '对未公示信息的处罚（已公布）', 'penalty', 1, 'published', '2026-01-05');",
    &error);
  g_assert_no_error (error);
  po_discretion_import_json (database, "D-1", benchmark_json, -1, "test", &error);
  g_assert_no_error (error);
  /* A published item's benchmark came in before publication. */
  {
    g_autoptr(GPtrArray) benchmarks = po_discretion_load (database, "D-1", &error);

    g_assert_no_error (error);
    po_discretion_save_unchecked (database, "P-1", benchmarks, &error);
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  GtkWidget *overlay;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  setup_office ();

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  overlay = adw_toast_overlay_new ();
  page = PO_DISCRETION_PAGE (po_discretion_page_new (database));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  g_object_ref (window);
  g_object_ref (page);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();

  g_test_add_func ("/discretion-page/items/filter", test_item_list);
  g_test_add_func ("/discretion-page/editor/tiers", test_tiers_shown);
  g_test_add_func ("/discretion-page/validation/overlap", test_overlap_finding);
  g_test_add_func ("/discretion-page/bar/segments", test_bar_segments);
  g_test_add_func ("/discretion-page/editor/tier-actions", test_tier_actions);
  g_test_add_func ("/discretion-page/editor/undo", test_undo);
  g_test_add_func ("/discretion-page/editor/save", test_save);
  g_test_add_func ("/discretion-page/calculator", test_calculator);
  g_test_add_func ("/discretion-page/propose", test_propose);
  g_test_add_func ("/discretion-page/file-for-review", test_file_for_review);
  g_test_add_func ("/discretion-page/unsaved-changes", test_unsaved_changes);
  g_test_add_func ("/discretion-page/compare/regions", test_compare_regions);

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
