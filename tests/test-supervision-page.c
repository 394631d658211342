/* test-supervision-page.c: the monitoring pane and the consultations and
 * complaints page on a demo office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "po-alert-notify.h"
#include "po-alert-object.h"
#include "po-application.h"
#include "po-demo.h"
#include "po-domain.h"
#include "po-gui-test-util.h"
#include "po-intake.h"
#include "po-petition-object.h"
#include "po-petitions-page.h"
#include "po-supervision.h"
#include "po-domain.h"
#include "po-supervision-page.h"
#include "po-test-util.h"
#include "po-window.h"

/* Thursday, two weeks after the 2026 National Day holiday (10-01 to
 * 10-07) and its makeup Saturday (10-10). */
#define TODAY "2026-10-15"

static char *tmpdir;
static PoDatabase *database;
static GtkWidget *window;
static PoSupervisionPage *page;
static GtkWidget *petitions_window;
static PoPetitionsPage *petitions_page;
static guint raised_signals;
static guint raised_red;

static gpointer
template_child (const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), PO_TYPE_SUPERVISION_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static gpointer
petitions_child (const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (petitions_page), PO_TYPE_PETITIONS_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
page_idle (gpointer data)
{
  return !po_supervision_page_get_busy (PO_SUPERVISION_PAGE (data));
}

static void
wait_idle (void)
{
  /* A task may be queued but not started: let it start first. */
  po_gui_test_run_for (20);
  g_assert_true (po_gui_test_wait_for (page_idle, page));
}

static gboolean
petitions_idle (gpointer data)
{
  return !po_petitions_page_get_busy (petitions_page);
}

static void
wait_petitions_idle (void)
{
  po_gui_test_run_for (20);
  g_assert_true (po_gui_test_wait_for (petitions_idle, NULL));
}

static guint
n_shown (void)
{
  return g_list_model_get_n_items (po_supervision_page_get_alerts (page));
}

static const PoAlert *
shown_alert (guint position)
{
  g_autoptr(PoAlertObject) object = g_list_model_get_item (po_supervision_page_get_alerts (page), position);

  g_assert_nonnull (object);
  return po_alert_object_get_alert (object);   /* the list keeps it */
}

static PoAlert *
load_alert (gint64 id)
{
  g_autoptr(GError) error = NULL;
  PoAlert *alert = po_alert_get (database, id, &error);

  g_assert_no_error (error);
  return alert;
}

static void
count_totals (GPtrArray *counts,
              guint     *red,
              guint     *yellow)
{
  *red = *yellow = 0;
  for (guint i = 0; i < counts->len; i++)
    {
      PoAlertCount *count = g_ptr_array_index (counts, i);

      *red += count->red;
      *yellow += count->yellow;
    }
}

static GPtrArray *
core_counts (gboolean by_department)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *counts = po_alerts_count (database, by_department, &error);

  g_assert_no_error (error);
  return counts;
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

/* The first open alert of @rule shown, as a position, or -1. */
static int
find_shown (const char *rule,
            const char *level)
{
  for (guint i = 0; i < n_shown (); i++)
    {
      const PoAlert *alert = shown_alert (i);

      if ((rule == NULL || g_str_equal (alert->rule, rule)) && (level == NULL || g_str_equal (alert->level, level)))
        return (int) i;
    }
  return -1;
}

static gint64
select_first (const char *rule,
              const char *level)
{
  int position = find_shown (rule, level);
  gint64 id;

  g_assert_cmpint (position, >=, 0);
  id = shown_alert ((guint) position)->id;
  g_assert_true (po_supervision_page_select (page, id));
  wait_idle ();
  g_assert_cmpint (po_supervision_page_get_selected (page), ==, id);
  return id;
}

/* The pane after a scan shows the core's counts, every open alert, the
 * latest (most working days over) first. */
static void
test_scan_counts (void)
{
  g_autoptr(GPtrArray) by_rule = core_counts (FALSE);
  g_autoptr(GPtrArray) by_department = core_counts (TRUE);
  g_autofree char *red_text = NULL;
  guint red, yellow, page_red, page_yellow;

  count_totals (by_rule, &red, &yellow);
  g_assert_cmpuint (red, >, 0);
  g_assert_cmpuint (yellow, >, 0);
  po_supervision_page_get_totals (page, &page_red, &page_yellow);
  g_assert_cmpuint (page_red, ==, red);
  g_assert_cmpuint (page_yellow, ==, yellow);

  red_text = g_strdup_printf ("%u", red);
  g_assert_cmpstr (gtk_label_get_label (template_child ("red_total_label")), ==, red_text);
  g_assert_cmpuint (n_rows (template_child ("rule_counts_list")), ==, by_rule->len);
  g_assert_cmpuint (n_rows (template_child ("department_counts_list")), ==, by_department->len);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child ("content_stack")), ==, "alerts");

  g_assert_cmpuint (n_shown (), ==, red + yellow);
  for (guint i = 1; i < n_shown (); i++)
    g_assert_cmpint (shown_alert (i - 1)->working_days_over, >=, shown_alert (i)->working_days_over);
  /* The latest is shown in the detail pane. */
  g_assert_cmpint (po_supervision_page_get_selected (page), ==, shown_alert (0)->id);
  g_assert_cmpuint (raised_signals, ==, 1);
  g_assert_cmpuint (raised_red, ==, red);
}

/* Clicking a column header sorts by it; a second click reverses. */
static void
test_sort_by_column (void)
{
  GtkColumnView *view = template_child ("column_view");
  GtkColumnViewColumn *due = template_child ("due_column");
  GtkColumnViewColumn *over = template_child ("over_column");

  gtk_column_view_sort_by_column (view, due, GTK_SORT_ASCENDING);
  po_gui_test_run_for (50);
  for (guint i = 1; i < n_shown (); i++)
    g_assert_cmpstr (shown_alert (i - 1)->due_on ? shown_alert (i - 1)->due_on : "", <=,
                     shown_alert (i)->due_on ? shown_alert (i)->due_on : "");

  gtk_column_view_sort_by_column (view, over, GTK_SORT_DESCENDING);
  po_gui_test_run_for (50);
  for (guint i = 1; i < n_shown (); i++)
    g_assert_cmpint (shown_alert (i - 1)->working_days_over, >=, shown_alert (i)->working_days_over);
}

/* The level drop-down narrows the list to red, then yellow alerts. */
static void
test_filter_level (void)
{
  GtkDropDown *level = template_child ("level_filter");
  g_autofree char *shown = NULL;
  guint red, yellow;

  po_supervision_page_get_totals (page, &red, &yellow);

  gtk_drop_down_set_selected (level, 1);   /* red */
  wait_idle ();
  g_assert_cmpuint (n_shown (), ==, red);
  for (guint i = 0; i < n_shown (); i++)
    g_assert_cmpstr (shown_alert (i)->level, ==, "red");
  shown = g_strdup_printf ("%u shown", red);
  g_assert_cmpstr (gtk_label_get_label (template_child ("shown_label")), ==, shown);

  gtk_drop_down_set_selected (level, 2);   /* yellow */
  wait_idle ();
  g_assert_cmpuint (n_shown (), ==, yellow);
  for (guint i = 0; i < n_shown (); i++)
    g_assert_cmpstr (shown_alert (i)->level, ==, "yellow");
  /* The totals above stay those of every open alert. */
  g_assert_cmpuint (red + yellow, >, n_shown ());

  gtk_widget_activate_action (GTK_WIDGET (page), "page.clear-filters", NULL);
  wait_idle ();
  g_assert_cmpuint (n_shown (), ==, red + yellow);
}

/* A click on a department's count shows its alerts; a rule narrows them
 * further; a second click on the department shows all departments. */
static void
test_filter_department_and_rule (void)
{
  g_autoptr(GPtrArray) by_department = core_counts (TRUE);
  GtkListBox *list = template_child ("department_counts_list");
  PoAlertCount *top = g_ptr_array_index (by_department, 0);
  gint64 department_id = g_ascii_strtoll (top->key, NULL, 10);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
  const char *rule = NULL;
  guint n_department;
  guint n_rule = 0;

  g_signal_emit_by_name (list, "row-activated", row);
  wait_idle ();
  n_department = n_shown ();
  g_assert_cmpuint (n_department, ==, top->red + top->yellow);
  for (guint i = 0; i < n_shown (); i++)
    g_assert_cmpint (shown_alert (i)->department_id, ==, department_id);
  g_assert_cmpuint (gtk_drop_down_get_selected (template_child ("department_filter")), >, 0);

  rule = shown_alert (0)->rule;
  for (guint i = 0; i < n_shown (); i++)
    n_rule += g_str_equal (shown_alert (i)->rule, rule);
  {
    g_autofree char *key = g_strdup (rule);

    po_supervision_page_set_filter (page, department_id, key, NULL);
    wait_idle ();
    g_assert_cmpuint (n_shown (), ==, n_rule);
    for (guint i = 0; i < n_shown (); i++)
      {
        g_assert_cmpint (shown_alert (i)->department_id, ==, department_id);
        g_assert_cmpstr (shown_alert (i)->rule, ==, key);
      }
  }

  /* The counts do not follow the filter. */
  g_assert_cmpuint (n_rows (list), ==, by_department->len);

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  wait_idle ();
  g_assert_cmpuint (gtk_drop_down_get_selected (template_child ("department_filter")), ==, 0);
  g_assert_cmpuint (n_shown (), >, n_department);

  po_supervision_page_set_filter (page, 0, NULL, NULL);
  wait_idle ();
}

/* The detail pane shows the core's lines: the dates, the deadline
 * counted, the working days over and the days off skipped. */
static void
test_detail_arithmetic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoAlert) alert = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *over = NULL;
  GtkWidget *describe = template_child ("describe_list");
  gboolean skipped = FALSE;
  gint64 id;

  id = select_first ("overdue-case", "red");
  alert = load_alert (id);
  g_assert_nonnull (alert->due_on);
  g_assert_cmpint (alert->working_days_over, >, 0);

  lines = po_alert_describe (database, alert, po_date_today (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, >, 3);
  for (guint i = 0; i < lines->len; i++)
    {
      PoDetailLine *line = g_ptr_array_index (lines, i);

      g_assert_true (po_gui_test_has_label (describe, line->label, TRUE));
      g_assert_true (po_gui_test_has_label (describe, line->value, TRUE));
      skipped |= g_str_equal (line->label, "Days off skipped");
    }
  /* Over a long holiday: the National Day is among the days skipped. */
  g_assert_true (po_gui_test_has_label (describe, alert->due_on, TRUE));
  if (skipped)
    g_assert_true (po_gui_test_has_label (describe, "2026-", FALSE));

  over = g_strdup_printf ("%d", alert->working_days_over);
  g_assert_true (po_gui_test_has_label (describe, over, TRUE));
  g_assert_true (po_gui_test_has_label (template_child ("detail_over_label"), alert->due_on, FALSE));
  g_assert_true (gtk_widget_has_css_class (template_child ("detail_level_label"), "red"));
  /* Raised by the scan: its history says so. */
  g_assert_cmpuint (n_rows (template_child ("history_list")), >=, 1);
}

/* An explanation: the answering button waits for text; the core records
 * it and the history shows it. */
static void
test_explain (void)
{
  AdwMessageDialog *dialog;
  g_autoptr(PoAlert) alert = NULL;
  GtkWidget *text;
  gint64 id;

  id = select_first ("late-report", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.explain", NULL));
  dialog = po_gui_test_wait_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  text = po_gui_test_find_named (GTK_WIDGET (dialog), "text");
  g_assert_true (GTK_IS_TEXT_VIEW (text));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  po_gui_test_set_text (text, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  po_gui_test_set_text (text, "系统对接故障，数据延迟报送，已修复。");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  po_gui_test_respond (dialog, "apply");
  wait_idle ();

  alert = load_alert (id);
  g_assert_cmpstr (alert->state, ==, "explained");
  g_assert_cmpstr (alert->explanation, ==, "系统对接故障，数据延迟报送，已修复。");
  /* Still open: still in the list, still shown. */
  g_assert_cmpint (po_supervision_page_get_selected (page), ==, id);
  g_assert_true (po_gui_test_has_label (template_child ("history_list"), "系统对接故障", FALSE));
  g_assert_true (po_gui_test_has_label (template_child ("describe_list"), "系统对接故障，数据延迟报送，已修复。", TRUE));
}

/* Declining a form writes nothing. */
static void
test_explain_cancel (void)
{
  AdwMessageDialog *dialog;
  g_autoptr(PoAlert) alert = NULL;
  gint64 id;

  id = select_first ("overdue-complaint", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.explain", NULL));
  dialog = po_gui_test_wait_dialog ();
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "text"), "不应记录");
  po_gui_test_respond (dialog, "cancel");
  wait_idle ();

  alert = load_alert (id);
  g_assert_cmpstr (alert->state, ==, "open");
  g_assert_cmpstr (alert->explanation, ==, "");
}

/* A 督办 order with its own limit, then its answer. */
static void
test_order_and_answer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoAlert) alert = NULL;
  g_autoptr(GPtrArray) history = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *days;
  gboolean answered = FALSE;
  gint64 id;

  id = select_first ("overdue-case", "red");
  g_assert_false (gtk_widget_is_sensitive (template_child ("answer_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.issue-order", NULL));
  dialog = po_gui_test_wait_dialog ();
  days = po_gui_test_find_named (GTK_WIDGET (dialog), "days");
  g_assert_true (GTK_IS_SPIN_BUTTON (days));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (days), 3);
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "text"), "请于3个工作日内办结并书面说明超期原因。");
  po_gui_test_respond (dialog, "apply");
  wait_idle ();

  alert = load_alert (id);
  g_assert_cmpstr (alert->state, ==, "ordered");
  g_assert_true (po_gui_test_has_label (template_child ("history_list"), "请于3个工作日内办结", FALSE));
  g_assert_true (gtk_widget_is_sensitive (template_child ("answer_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.answer-order", NULL));
  dialog = po_gui_test_wait_dialog ();
  /* The day answered: today unless changed, and never after today. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (po_gui_test_find_named (GTK_WIDGET (dialog), "date"))), ==, TODAY);
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "text"), "已办结，超期系申请人补正材料所致。");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "date"), "2026-10-16");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "date"), TODAY);
  po_gui_test_respond (dialog, "apply");
  wait_idle ();

  history = po_alert_history (database, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    answered |= strstr (((PoAlertEvent *) g_ptr_array_index (history, i))->text, "已办结") != NULL;
  g_assert_true (answered);
}

/* Closing takes the alert out of the pane and the counts. */
static void
test_close (void)
{
  g_autoptr(PoAlert) alert = NULL;
  AdwMessageDialog *dialog;
  guint red, yellow, red_after, yellow_after;
  gint64 id;

  po_supervision_page_get_totals (page, &red, &yellow);
  id = select_first ("unapproved-item", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.close-alert", NULL));
  dialog = po_gui_test_wait_dialog ();
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "text"), "已补录完整，核实无误。");
  po_gui_test_respond (dialog, "apply");
  wait_idle ();

  alert = load_alert (id);
  g_assert_cmpstr (alert->state, ==, "closed");
  g_assert_cmpstr (alert->close_reason, ==, "已补录完整，核实无误。");
  po_supervision_page_get_totals (page, &red_after, &yellow_after);
  g_assert_cmpuint (red_after + yellow_after, ==, red + yellow - 1);
  g_assert_cmpuint (n_shown (), ==, red_after + yellow_after);
  g_assert_false (po_supervision_page_select (page, id));
  g_assert_cmpint (po_supervision_page_get_selected (page), !=, id);
}

/* An approved extension as long as a late case's lateness: recorded, the
 * deadline moves, and the scan that follows resolves the alert. */
static void
test_suspension (void)
{
  g_autoptr(PoAlert) before = NULL;
  g_autoptr(PoAlert) after = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *kind;
  gint64 id, suspensions;
  guint n;

  /* A case a few days late: an extension of a month or more is unusual. */
  id = 0;
  for (guint i = 0; i < n_shown () && id == 0; i++)
    {
      const PoAlert *a = shown_alert (i);

      if (g_str_equal (a->rule, "overdue-case") && g_str_equal (a->level, "red") &&
          a->working_days_over > 0 && a->working_days_over <= 20)
        id = a->id;
    }
  g_assert_cmpint (id, >, 0);
  g_assert_true (po_supervision_page_select (page, id));
  wait_idle ();
  before = load_alert (id);
  suspensions = po_database_query_int (database, "SELECT count(*) FROM case_suspensions", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.record-suspension", NULL));
  dialog = po_gui_test_wait_dialog ();
  kind = po_gui_test_find_named (GTK_WIDGET (dialog), "kind");
  po_suspension_kinds (&n);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), n - 1);   /* 延期, the last kind */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (po_gui_test_find_named (GTK_WIDGET (dialog), "days")),
                             before->working_days_over);
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "text"), "经负责人批准延长办理期限");
  po_gui_test_respond (dialog, "apply");
  wait_idle ();

  g_assert_cmpint (po_database_query_int (database, "SELECT count(*) FROM case_suspensions", NULL), ==, suspensions + 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM case_suspensions WHERE case_id = %lld "
                                            "AND kind = 'extension' AND days = %d",
                                            (long long) before->subject_id, before->working_days_over);
    g_assert_cmpint (po_database_query_int (database, sql, NULL), ==, 1);
  }
  after = load_alert (id);
  g_assert_cmpstr (after->state, ==, "resolved");
  g_assert_false (po_supervision_page_select (page, id));
}

/* The core refuses to explain an alert closed behind the page's back:
 * the page says why, and nothing is written. */
static void
test_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoAlert) alert = NULL;
  AdwMessageDialog *dialog;
  gint64 id;

  id = select_first ("overdue-consultation", NULL);
  g_assert_true (po_alert_close (database, id, "另行处理", po_date_today (), &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.explain", NULL));
  dialog = po_gui_test_wait_dialog ();
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "text"), "说明");
  po_gui_test_respond (dialog, "apply");
  dialog = po_gui_test_wait_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Alert Could Not Be Updated");
  po_gui_test_respond (dialog, "close");
  wait_idle ();

  alert = load_alert (id);
  g_assert_cmpstr (alert->state, ==, "closed");
  g_assert_cmpstr (alert->explanation, ==, "");
  po_page_reload (PO_PAGE (page));
  wait_idle ();
}

static GFile *
write_file (const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static gboolean
has_alert_for (gpointer ref)
{
  if (po_supervision_page_get_busy (page))
    return FALSE;
  for (guint i = 0; i < n_shown (); i++)
    if (g_strcmp0 (shown_alert (i)->ref, ref) == 0)
      return TRUE;
  return FALSE;
}

/* A file of petitions imported: a consultation not answered in 3
 * working days is found by the scan that follows, red, announced. */
static void
test_import (void)
{
  g_autoptr(GPtrArray) by_department = core_counts (TRUE);
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  guint signals_before = raised_signals;
  PoAlertCount *count = g_ptr_array_index (by_department, 0);
  int position;

  /* Received on Friday 10-09: the 3 working days are the makeup
   * Saturday 10-10, Monday 10-12 and Tuesday 10-13. */
  text = g_strdup_printf ("ref,kind,department,received_on,replied_on,subject,channel\n"
                          "ZX-TEST-1,consultation,%s,2026-10-09,,咨询营业执照办理,12345热线\n",
                          count->label);
  file = write_file ("petitions.csv", text);
  po_supervision_page_import (page, "petitions", file);
  g_assert_true (gtk_revealer_get_reveal_child (template_child ("progress_revealer")));
  g_assert_false (gtk_widget_is_sensitive (template_child ("scan_button")));
  g_assert_true (po_gui_test_wait_for (has_alert_for, (gpointer) "ZX-TEST-1"));
  wait_idle ();
  g_assert_false (gtk_revealer_get_reveal_child (template_child ("progress_revealer")));
  g_assert_true (gtk_widget_is_sensitive (template_child ("scan_button")));

  for (position = 0; position < (int) n_shown (); position++)
    if (g_strcmp0 (shown_alert ((guint) position)->ref, "ZX-TEST-1") == 0)
      break;
  g_assert_cmpstr (shown_alert ((guint) position)->rule, ==, "overdue-consultation");
  g_assert_cmpstr (shown_alert ((guint) position)->level, ==, "red");
  g_assert_cmpstr (shown_alert ((guint) position)->due_on, ==, "2026-10-13");
  /* Over on Wednesday 10-14 and Thursday 10-15. */
  g_assert_cmpint (shown_alert ((guint) position)->working_days_over, ==, 2);
  g_assert_cmpuint (raised_signals, ==, signals_before + 1);
  g_assert_cmpuint (raised_red, ==, 1);
}

/* A bad file: the page says which row, and nothing is imported. */
static void
test_import_bad_file (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gint64 n;

  file = write_file ("bad.csv",
                     "ref,kind,department,received_on,replied_on,subject,channel\n"
                     "ZX-TEST-2,consultation,市公安局,2026-10-12,,咨询,窗口\n"
                     "ZX-TEST-3,advice,市公安局,2026-10-12,,咨询,窗口\n");
  po_supervision_page_import (page, "petitions", file);
  dialog = po_gui_test_wait_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The File Could Not Be Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3"));
  po_gui_test_respond (dialog, "close");
  wait_idle ();

  n = po_database_query_int (database, "SELECT count(*) FROM petitions WHERE ref LIKE 'ZX-TEST-%'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
}

static GDateTime *
cst (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);

  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

static gboolean
in_hours (GDateTime *time)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoCalendar) calendar = po_database_get_calendar (database, &error);
  gboolean in;

  g_assert_no_error (error);
  in = po_alert_notify_in_working_hours (calendar, time, PO_WORKING_DAY_START_DEFAULT, PO_WORKING_DAY_END_DEFAULT);
  g_date_time_unref (time);
  return in;
}

/* Notifications only on working days of the calendar, 08:30–17:30 CST. */
static void
test_notify_working_hours (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoCalendar) calendar = po_database_get_calendar (database, &error);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) evening = cst (2026, 9, 30, 18, 0);
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) morning = cst (2026, 10, 15, 9, 0);
  g_autoptr(GDateTime) same = NULL;
  g_autofree char *next_text = NULL;

  g_assert_no_error (error);
  g_assert_false (in_hours (cst (2026, 10, 15, 8, 29)));
  g_assert_true (in_hours (cst (2026, 10, 15, 8, 30)));
  g_assert_true (in_hours (cst (2026, 10, 15, 17, 29)));
  g_assert_false (in_hours (cst (2026, 10, 15, 17, 30)));
  /* A Saturday; a Thursday of the National Day holiday; the makeup
   * Saturday after it. */
  g_assert_false (in_hours (cst (2026, 10, 17, 10, 0)));
  g_assert_false (in_hours (cst (2026, 10, 1, 10, 0)));
  g_assert_true (in_hours (cst (2026, 10, 10, 10, 0)));
  /* 01:00 UTC is 09:00 in Beijing; 10:00 UTC is 18:00 there. */
  g_assert_true (in_hours (g_date_time_new (utc, 2026, 10, 15, 1, 0, 0)));
  g_assert_false (in_hours (g_date_time_new (utc, 2026, 10, 15, 10, 0, 0)));

  /* Held back on the eve of the holiday: sent when work starts again,
   * after the seven days off. */
  next = po_alert_notify_next_start (calendar, evening, PO_WORKING_DAY_START_DEFAULT, PO_WORKING_DAY_END_DEFAULT);
  g_assert_nonnull (next);
  next_text = g_date_time_format (next, "%Y-%m-%d %H:%M");
  g_assert_cmpstr (next_text, ==, "2026-10-08 08:30");
  same = po_alert_notify_next_start (calendar, morning, PO_WORKING_DAY_START_DEFAULT, PO_WORKING_DAY_END_DEFAULT);
  g_assert_true (g_date_time_equal (same, morning));

  g_assert_cmpint (po_parse_minute_of_day ("08:30"), ==, 510);
  g_assert_cmpint (po_parse_minute_of_day ("8:30"), ==, 510);
  g_assert_cmpint (po_parse_minute_of_day ("24:00"), ==, 1440);
  g_assert_cmpint (po_parse_minute_of_day ("24:30"), ==, -1);
  g_assert_cmpint (po_parse_minute_of_day ("8:3"), ==, -1);
  g_assert_cmpint (po_parse_minute_of_day ("+8:30"), ==, -1);
  g_assert_cmpint (po_parse_minute_of_day ("17"), ==, -1);
  {
    g_autofree char *text = po_format_minute_of_day (1050);

    g_assert_cmpstr (text, ==, "17:30");
  }
}

static void
test_notification (void)
{
  g_autoptr(GNotification) one = po_alert_notification_new (1, "Case not decided in time: 许决字〔2026〕1号, 市公安局");
  g_autoptr(GNotification) many = po_alert_notification_new (5, "Case not decided in time: 许决字〔2026〕1号, 市公安局");

  g_assert_true (G_IS_NOTIFICATION (one));
  g_assert_true (G_IS_NOTIFICATION (many));
}

/* An office with nothing to watch says so. */
static void
test_empty_office (void)
{
  g_autoptr(PoDatabase) empty = po_test_open (tmpdir, "empty.db");
  GtkWidget *empty_window = gtk_window_new ();
  GtkWidget *empty_page = po_supervision_page_new (empty);
  GObject *stack;

  gtk_window_set_child (GTK_WINDOW (empty_window), empty_page);
  g_object_ref (empty_page);
  gtk_window_present (GTK_WINDOW (empty_window));
  po_gui_test_run_for (20);
  g_assert_true (po_gui_test_wait_for (page_idle, empty_page));
  stack = gtk_widget_get_template_child (empty_page, PO_TYPE_SUPERVISION_PAGE, "content_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  gtk_window_destroy (GTK_WINDOW (empty_window));
  po_gui_test_run_for (50);
  g_assert_finalize_object (empty_page);
}

static gboolean
scanned (gpointer data)
{
  PoSupervisionPage *pane = data;
  guint red, yellow;

  po_supervision_page_get_totals (pane, &red, &yellow);
  return !po_supervision_page_get_busy (pane) && red + yellow > 0;
}

static gboolean
pane_lists_late_complaint (gpointer data)
{
  PoSupervisionPage *pane = data;
  GListModel *alerts = po_supervision_page_get_alerts (pane);

  if (po_supervision_page_get_busy (pane))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(PoAlertObject) object = g_list_model_get_item (alerts, i);

      if (g_strcmp0 (po_alert_object_get_alert (object)->ref, "LATE-1") == 0)
        return TRUE;
    }
  return FALSE;
}

/* The application scans once its window is shown; the new red alerts
 * are told of in working hours only, and held back until then. */
static void
test_application_startup_scan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoDatabase) office = po_test_open (tmpdir, "app.db");
  g_autoptr(PoApplication) application = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(PoCalendar) calendar = NULL;
  g_autoptr(GDateTime) now = NULL;
  GtkWindow *app_window;
  PoPage *pane;
  guint red, yellow;

  po_test_fill_demo (office, 30, 150, 40, 3, TODAY);

  /* Working hours of one minute after midnight: now is outside them. */
  g_settings_set_boolean (settings, "notify-working-hours-only", TRUE);
  g_settings_set_int (settings, "working-day-start", 0);
  g_settings_set_int (settings, "working-day-end", 1);

  g_setenv ("PO_RESCAN_SECONDS", "1", TRUE);
  application = po_application_new_for_database (office);
  po_application_set_scan_at_startup (application, TRUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (application));
  app_window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_assert_true (PO_IS_WINDOW (app_window));
  pane = po_window_get_page (PO_WINDOW (app_window), "supervision");
  g_assert_true (PO_IS_SUPERVISION_PAGE (pane));
  po_gui_test_run_for (20);
  g_assert_true (po_gui_test_wait_for (scanned, pane));

  counts = po_alerts_count (office, FALSE, &error);
  g_assert_no_error (error);
  count_totals (counts, &red, &yellow);
  g_assert_cmpuint (red, >, 0);

  calendar = po_database_get_calendar (office, &error);
  g_assert_no_error (error);
  now = g_date_time_new_now_local ();
  if (!po_alert_notify_in_working_hours (calendar, now, 0, 1))
    g_assert_cmpuint (po_application_get_pending_red (application), ==, red);

  /* While it runs, the rules run again: a complaint imported behind the
   * window's back and long overdue appears without anyone asking. */
  {
    g_autofree char *dept = NULL;
    g_autofree char *csv = NULL;
    PoIntakeSummary summary;
    sqlite3_stmt *stmt = po_database_prepare (office, "SELECT code FROM departments LIMIT 1", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    dept = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
    csv = g_strdup_printf ("ref,kind,department,received_on,replied_on,subject,channel\n"
                           "LATE-1,complaint,%s,2026-09-01,,无人答复,电话\n", dept);
    g_assert_true (po_petitions_import (office, csv, strlen (csv), "late.csv", po_date_today (), &summary,
                                        NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (po_gui_test_wait_for (pane_lists_late_complaint, pane));
  }
  g_unsetenv ("PO_RESCAN_SECONDS");

  g_settings_reset (settings, "working-day-start");
  g_settings_reset (settings, "working-day-end");
  gtk_window_destroy (app_window);
  po_gui_test_run_for (50);
}

/* Consultations and complaints */

static guint
n_petitions (void)
{
  return g_list_model_get_n_items (po_petitions_page_get_petitions (petitions_page));
}

static const PoPetition *
shown_petition (guint position)
{
  g_autoptr(PoPetitionObject) object = g_list_model_get_item (po_petitions_page_get_petitions (petitions_page), position);

  g_assert_nonnull (object);
  return po_petition_object_get_petition (object);
}

static const PoPetition *
selected_petition (void)
{
  gint64 id = po_petitions_page_get_selected (petitions_page);

  for (guint i = 0; i < n_petitions (); i++)
    if (shown_petition (i)->id == id)
      return shown_petition (i);
  g_assert_not_reached ();
  return NULL;
}

static PoPetition *
load_petition (gint64 id)
{
  g_autoptr(GError) error = NULL;
  PoPetition *petition = po_petition_get (database, id, po_date_today (), 1, &error);

  g_assert_no_error (error);
  return petition;
}

/* The open ones, least time left first; an overdue one is red. */
static void
test_petitions_list (void)
{
  gboolean red = FALSE;

  /* The consultation imported on the monitoring pane is there. */
  po_page_reload (PO_PAGE (petitions_page));
  wait_petitions_idle ();
  g_assert_cmpuint (n_petitions (), >, 0);
  for (guint i = 0; i < n_petitions (); i++)
    {
      const PoPetition *p = shown_petition (i);

      g_assert_null (p->closed_on);
      /* Those awaiting a reply first, the least time left first; then
       * those replied. */
      if (i > 0 && shown_petition (i - 1)->replied_on != NULL)
        g_assert_nonnull (p->replied_on);
      if (i > 0 && p->replied_on == NULL)
        g_assert_cmpint (shown_petition (i - 1)->days_left, <=, p->days_left);
      if (g_strcmp0 (p->ref, "ZX-TEST-1") == 0)
        {
          g_autofree char *days = po_petition_format_days (p);

          /* Due on 10-13; Wednesday and Thursday since. */
          g_assert_cmpstr (p->due_on, ==, "2026-10-13");
          g_assert_cmpint (p->days_left, ==, -2);
          g_assert_cmpstr (p->level, ==, "red");
          g_assert_cmpstr (days, ==, "2 working days overdue");
          g_assert_cmpstr (po_petition_badge_style (p), ==, "error");
          g_assert_true (po_petitions_page_select (petitions_page, p->id));
          po_gui_test_run_for (20);
          g_assert_cmpstr (gtk_label_get_label (petitions_child ("detail_days_label")), ==, days);
          g_assert_true (gtk_widget_has_css_class (petitions_child ("detail_days_label"), "error"));
          red = TRUE;
        }
    }
  g_assert_true (red);
}

static void
test_petitions_register (void)
{
  AdwMessageDialog *dialog;
  g_autoptr(PoPetition) stored = NULL;
  const PoPetition *p;
  GtkWidget *subject;
  guint n_before = n_petitions ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (petitions_page), "page.register", NULL));
  dialog = po_gui_test_wait_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (po_gui_test_find_named (GTK_WIDGET (dialog), "received-on"))), ==, TODAY);
  adw_combo_row_set_selected (ADW_COMBO_ROW (po_gui_test_find_named (GTK_WIDGET (dialog), "kind")), 1);   /* complaint */
  adw_combo_row_set_selected (ADW_COMBO_ROW (po_gui_test_find_named (GTK_WIDGET (dialog), "department")), 0);
  subject = po_gui_test_find_named (GTK_WIDGET (dialog), "subject");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "register"));
  po_gui_test_set_text (subject, "投诉窗口工作人员服务态度差");
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "channel"), "12345热线");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "register"));
  po_gui_test_respond (dialog, "register");
  wait_petitions_idle ();

  g_assert_cmpuint (n_petitions (), ==, n_before + 1);
  p = selected_petition ();
  g_assert_true (g_str_has_prefix (p->ref, "TS20261015-"));
  g_assert_cmpstr (p->kind, ==, "complaint");
  g_assert_cmpstr (p->received_on, ==, TODAY);
  /* 10 working days, the day of receipt not counted. */
  g_assert_cmpstr (p->due_on, ==, "2026-10-29");
  g_assert_cmpint (p->days_left, ==, 10);
  g_assert_cmpstr (gtk_label_get_label (petitions_child ("detail_days_label")), ==, "10 working days left");
  g_assert_false (gtk_widget_has_css_class (petitions_child ("detail_days_label"), "error"));
  g_assert_cmpstr (gtk_label_get_label (petitions_child ("due_label")), ==, "2026-10-29");

  stored = load_petition (p->id);
  g_assert_cmpstr (stored->subject, ==, "投诉窗口工作人员服务态度差");
  g_assert_cmpstr (stored->channel, ==, "12345热线");
}

static void
test_petitions_assign_answer_close (void)
{
  AdwMessageDialog *dialog;
  gint64 id = po_petitions_page_get_selected (petitions_page);
  g_autoptr(PoPetition) assigned = NULL;
  g_autoptr(PoPetition) answered = NULL;
  g_autoptr(PoPetition) closed = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (petitions_page), "page.assign", NULL));
  dialog = po_gui_test_wait_dialog ();
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "text"), "政务服务中心 王敏");
  po_gui_test_respond (dialog, "apply");
  wait_petitions_idle ();
  assigned = load_petition (id);
  g_assert_cmpstr (assigned->assignee, ==, "政务服务中心 王敏");
  g_assert_cmpint (po_petitions_page_get_selected (petitions_page), ==, id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (petitions_page), "page.answer", NULL));
  dialog = po_gui_test_wait_dialog ();
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "text"), "已核实并对相关人员批评教育，向投诉人致歉。");
  po_gui_test_respond (dialog, "apply");
  wait_petitions_idle ();
  answered = load_petition (id);
  g_assert_cmpstr (answered->replied_on, ==, TODAY);
  g_assert_cmpstr (answered->answer, ==, "已核实并对相关人员批评教育，向投诉人致歉。");
  g_assert_cmpstr (gtk_label_get_label (petitions_child ("detail_days_label")), ==, "Replied on time");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (petitions_page), "page.close", NULL));
  wait_petitions_idle ();
  closed = load_petition (id);
  g_assert_cmpstr (closed->closed_on, ==, TODAY);
  /* Open only: it has left the list. */
  g_assert_false (po_petitions_page_select (petitions_page, id));

  gtk_check_button_set_active (petitions_child ("open_only_check"), FALSE);
  wait_petitions_idle ();
  g_assert_true (po_petitions_page_select (petitions_page, id));
  po_gui_test_run_for (20);
  g_assert_cmpstr (gtk_label_get_label (petitions_child ("detail_days_label")), ==, "Closed");
  gtk_check_button_set_active (petitions_child ("open_only_check"), TRUE);
  wait_petitions_idle ();
}

static void
on_alerts_raised_cb (PoSupervisionPage *emitter,
                     guint              n_red,
                     const char        *example)
{
  raised_signals++;
  raised_red = n_red;
  g_assert_nonnull (example);
}

static void
setup_office (void)
{
  tmpdir = po_test_make_dir ();
  database = po_test_open (tmpdir, "office.db");
  po_test_fill_demo (database, 60, 400, 120, 7, TODAY);
}

static GtkWidget *
create_window (GtkWidget *child)
{
  GtkWidget *toplevel = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  gtk_window_set_default_size (GTK_WINDOW (toplevel), 1200, 760);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  gtk_window_set_child (GTK_WINDOW (toplevel), overlay);
  g_object_ref (toplevel);
  g_object_ref (child);
  gtk_window_present (GTK_WINDOW (toplevel));
  return toplevel;
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_setenv ("PO_TODAY", TODAY, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  setup_office ();

  page = PO_SUPERVISION_PAGE (po_supervision_page_new (database));
  g_signal_connect (page, "alerts-raised", G_CALLBACK (on_alerts_raised_cb), NULL);
  window = create_window (GTK_WIDGET (page));
  wait_idle ();
  /* No alerts before the first scan. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child ("content_stack")), ==, "empty");
  po_supervision_page_scan (page);
  wait_idle ();

  petitions_page = PO_PETITIONS_PAGE (po_petitions_page_new (database));
  petitions_window = create_window (GTK_WIDGET (petitions_page));
  wait_petitions_idle ();

  g_test_add_func ("/supervision-page/scan/counts", test_scan_counts);
  g_test_add_func ("/supervision-page/list/sort-by-column", test_sort_by_column);
  g_test_add_func ("/supervision-page/filter/level", test_filter_level);
  g_test_add_func ("/supervision-page/filter/department-and-rule", test_filter_department_and_rule);
  g_test_add_func ("/supervision-page/detail/arithmetic", test_detail_arithmetic);
  g_test_add_func ("/supervision-page/act/explain", test_explain);
  g_test_add_func ("/supervision-page/act/explain-cancelled", test_explain_cancel);
  g_test_add_func ("/supervision-page/act/order-and-answer", test_order_and_answer);
  g_test_add_func ("/supervision-page/act/close", test_close);
  g_test_add_func ("/supervision-page/act/suspension", test_suspension);
  g_test_add_func ("/supervision-page/act/refused", test_refused);
  g_test_add_func ("/supervision-page/import/petitions", test_import);
  g_test_add_func ("/supervision-page/import/bad-file", test_import_bad_file);
  g_test_add_func ("/supervision-page/empty-office", test_empty_office);
  g_test_add_func ("/supervision-page/notify/working-hours", test_notify_working_hours);
  g_test_add_func ("/supervision-page/notify/notification", test_notification);
  g_test_add_func ("/supervision-page/application/startup-scan", test_application_startup_scan);
  g_test_add_func ("/petitions-page/list", test_petitions_list);
  g_test_add_func ("/petitions-page/register", test_petitions_register);
  g_test_add_func ("/petitions-page/assign-answer-close", test_petitions_assign_answer_close);

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (petitions_window));
  po_gui_test_run_for (100);
  g_assert_finalize_object (window);
  g_assert_finalize_object (page);
  g_assert_finalize_object (petitions_window);
  g_assert_finalize_object (petitions_page);
  g_clear_object (&database);
  po_test_remove_dir (tmpdir);
  g_free (tmpdir);

  return ret;
}
