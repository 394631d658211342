/* test-calendar-page.c: the working-day calendar page in the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "po-application.h"
#include "po-calendar-page.h"
#include "po-calendar-store.h"
#include "po-deadlines.h"
#include "po-demo.h"
#include "po-gui-test-util.h"
#include "po-supervision-page.h"
#include "po-test-util.h"
#include "po-window.h"

/* A Friday in November: the State Council has not yet published 2027. */
#define TODAY "2026-11-27"

static char *tmpdir;
static PoDatabase *database;
static PoApplication *application;
static PoWindow *window;
static PoCalendarPage *page;

static gpointer
template_child (const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), PO_TYPE_CALENDAR_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
idle (gpointer data)
{
  PoSupervisionPage *supervision = PO_SUPERVISION_PAGE (po_window_get_page (window, "supervision"));

  return !po_calendar_page_get_busy (page) && !po_supervision_page_get_busy (supervision);
}

static void
wait_idle (void)
{
  /* A task may be queued but not started: let it start first. */
  po_gui_test_run_for (20);
  g_assert_true (po_gui_test_wait_for (idle, NULL));
}

/* The rows shown, as “title|subtitle”, in order. */
static GPtrArray *
shown_rows (void)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *list = template_child ("period_list");

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      g_ptr_array_add (rows, g_strdup_printf ("%s|%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                                              adw_action_row_get_subtitle (ADW_ACTION_ROW (child))));
  return rows;
}

static GtkWidget *
find_row (const char *title)
{
  GtkWidget *list = template_child ("period_list");

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
      return child;
  return NULL;
}

/* The first button under @widget with this action, or this label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action_name,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) &&
      ((action_name != NULL && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0) ||
       (label != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action_name, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
workday (const char *day)
{
  g_autoptr(PoCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  gboolean result;

  po_database_calendar_changed (database);
  calendar = po_database_get_calendar (database, &error);
  g_assert_no_error (error);
  result = po_calendar_is_workday (calendar, po_test_date (day), NULL, &error);
  g_assert_no_error (error);
  return result;
}

static char *
reply_due (const char *title)
{
  g_autofree char *sql = g_strdup_printf ("SELECT due_on || ':' || provisional FROM deadlines "
                                          "WHERE subject = 'review' AND kind = 'reply' AND subject_id = "
                                          "(SELECT id FROM review_requests WHERE title = '%s')",
                                          title);
  sqlite3_stmt *stmt = po_database_prepare (database, sql, NULL);
  char *due = NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    due = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return due;
}

static void
test_shows_year (void)
{
  g_autoptr(GArray) periods = po_calendar_store_list_periods (database, 2026, NULL);
  g_autoptr(GPtrArray) rows = shown_rows ();
  GtkDropDown *dropdown = template_child ("year_dropdown");
  GtkStringList *years = GTK_STRING_LIST (gtk_drop_down_get_model (dropdown));
  gboolean found = FALSE;

  /* This year, every period of the core's list, in its order. */
  g_assert_cmpint (po_calendar_page_get_year (page), ==, 2026);
  g_assert_cmpstr (gtk_string_list_get_string (years, gtk_drop_down_get_selected (dropdown)), ==, "2026");
  g_assert_cmpuint (rows->len, ==, periods->len);
  g_assert_cmpuint (rows->len, >, 10);
  for (guint i = 0; i < periods->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (rows, i), g_array_index (periods, PoCalendarPeriod, i).name));
  /* 国庆节, seven days in one row; its make-up Saturday on its own. */
  for (guint i = 0; i < rows->len; i++)
    found |= strstr (g_ptr_array_index (rows, i), "2026-10-01") != NULL &&
             strstr (g_ptr_array_index (rows, i), "2026-10-07") != NULL &&
             strstr (g_ptr_array_index (rows, i), "7") != NULL;
  g_assert_true (found);

  /* In November, 2027 is missing: said, and offered. */
  g_assert_true (gtk_widget_get_visible (template_child ("missing_group")));
  g_assert_nonnull (strstr (gtk_label_get_label (template_child ("missing_label")), "2027"));
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (years, 0), "2027"));
  g_assert_cmpstr (gtk_string_list_get_string (years, 0), !=, "2027");
  g_assert_cmpstr (gtk_string_list_get_string (years, g_list_model_get_n_items (G_LIST_MODEL (years)) - 1), ==, "2004");

  /* Another year, from the dropdown. */
  gtk_drop_down_set_selected (dropdown, 2);
  g_assert_cmpint (po_calendar_page_get_year (page), ==, 2025);
  g_assert_true (find_row ("劳动节") != NULL);
  po_calendar_page_show_year (page, 2026);
  g_assert_cmpint (po_calendar_page_get_year (page), ==, 2026);
}

static void
test_add_days_off (void)
{
  AdwMessageDialog *dialog;
  g_autofree char *before = reply_due ("跨越");
  g_autofree char *after = NULL;
  gint64 alerts = po_database_query_int (database, "SELECT count(*) FROM alerts", NULL);

  g_assert_cmpstr (before, ==, "2026-11-30:0");
  g_assert_true (workday ("2026-11-20"));
  g_assert_cmpint (alerts, ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (page), "page.add-days-off", NULL);
  dialog = po_gui_test_wait_dialog ();
  /* Not before a name and both days are given, the last not before the first. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "text"), "防汛停工");
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "date"), "2026-11-20");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "end"), "2026-11-19");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "end"), "2026-11-20");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  po_gui_test_respond (dialog, "apply");
  wait_idle ();

  /* Stored; shown; the deadline counted across it moved. */
  g_assert_false (workday ("2026-11-20"));
  g_assert_nonnull (find_row ("防汛停工"));
  after = reply_due ("跨越");
  g_assert_cmpstr (after, ==, "2026-12-01:0");
  /* The window's other pages were told: the monitoring pane scanned. */
  g_assert_cmpint (po_database_query_int (database, "SELECT count(*) FROM alerts", NULL), >, 0);
}

static void
test_makeup_day_on_weekday_refused (void)
{
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) before = shown_rows ();
  g_autoptr(GPtrArray) after = NULL;

  gtk_widget_activate_action (GTK_WIDGET (page), "page.add-makeup-day", NULL);
  dialog = po_gui_test_wait_dialog ();
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "text"), "防汛停工");
  g_assert_null (po_gui_test_find_named (GTK_WIDGET (dialog), "end"));
  /* Not filled in yet: not sendable, but not shown as a mistake either. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  g_assert_false (gtk_widget_has_css_class (po_gui_test_find_named (GTK_WIDGET (dialog), "date"), "error"));
  /* 2026-11-23 is a Monday. */
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "date"), "2026-11-23");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  g_assert_true (gtk_widget_has_css_class (po_gui_test_find_named (GTK_WIDGET (dialog), "date"), "error"));
  po_gui_test_set_text (po_gui_test_find_named (GTK_WIDGET (dialog), "date"), "2026-11-28");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  po_gui_test_respond (dialog, "cancel");
  wait_idle ();
  g_assert_true (workday ("2026-11-23"));
  g_assert_false (workday ("2026-11-28"));
  after = shown_rows ();
  g_assert_cmpuint (after->len, ==, before->len);

  /* The core refuses what the form would not send: removing days the
   * calendar does not have. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.remove", "(ssbsi)",
                                             "2026-11-23", "2026-11-24", FALSE, "无此假日", 2026));
  dialog = po_gui_test_wait_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Calendar Could Not Be Changed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2026-11-23"));
  po_gui_test_respond (dialog, "close");
  wait_idle ();
  g_assert_true (workday ("2026-11-23"));
}

static void
test_remove_and_undo (void)
{
  GtkWidget *row = find_row ("防汛停工");
  GtkWidget *button;
  GtkWidget *undo;
  g_autofree char *due = NULL;

  g_assert_nonnull (row);
  button = find_button (row, "page.remove", NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_idle ();
  g_assert_null (find_row ("防汛停工"));
  g_assert_true (workday ("2026-11-20"));
  due = reply_due ("跨越");
  g_assert_cmpstr (due, ==, "2026-11-30:0");

  /* The toast's Undo, clicked. */
  undo = find_button (GTK_WIDGET (window), NULL, "_Undo");
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_signal_emit_by_name (undo, "clicked");
  wait_idle ();
  g_assert_nonnull (find_row ("防汛停工"));
  g_assert_false (workday ("2026-11-20"));
}

static char *
write_file (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_import (void)
{
  g_autofree char *path = write_file ("2027.json",
    "{ \"format\": \"power-oversight-calendar\", \"version\": 1, \"years\": [\n"
    "  { \"year\": 2027, \"source\": \"测试用 2027 年安排\",\n"
    "    \"holidays\": [ { \"name\": \"元旦\", \"from\": \"2027-01-01\", \"to\": \"2027-01-03\" } ],\n"
    "    \"workdays\": [ { \"name\": \"元旦\", \"date\": \"2027-01-09\" } ] } ] }\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = reply_due ("跨年");
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpstr (before, ==, "2027-01-07:1");
  po_calendar_page_import (page, file);
  g_assert_true (po_calendar_page_get_busy (page));
  wait_idle ();

  /* The year imported is shown, and nothing is missing any more. */
  g_assert_cmpint (po_calendar_page_get_year (page), ==, 2027);
  rows = shown_rows ();
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_nonnull (find_row ("元旦"));
  g_assert_false (gtk_widget_get_visible (template_child ("missing_group")));
  after = reply_due ("跨年");
  g_assert_cmpstr (after, ==, "2027-01-08:0");
}

/* Every year, as the command line exports them. */
static void
test_export (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "exported.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = po_calendar_store_export_json (database, NULL);
  g_autofree char *contents = NULL;

  po_calendar_page_export (page, file);
  wait_idle ();
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (expected);
  g_assert_cmpstr (contents, ==, expected);
  g_assert_nonnull (strstr (contents, "\"year\": 2027"));
}

/* Cancelled at once, an import leaves the calendar as it was. */
static void
test_import_cancelled (void)
{
  g_autofree char *path = write_file ("2028.json",
    "{ \"format\": \"power-oversight-calendar\", \"version\": 1, \"years\": [\n"
    "  { \"year\": 2028, \"source\": \"测试\",\n"
    "    \"holidays\": [ { \"name\": \"元旦\", \"from\": \"2028-01-01\", \"to\": \"2028-01-03\" } ],\n"
    "    \"workdays\": [] } ] }\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 audit = po_database_query_int (database, "SELECT count(*) FROM audit_log", NULL);

  /* The office is locked for writing, so the worker waits until the
   * cancel is in: the outcome does not depend on timing. */
  g_assert_true (po_database_exec (database, "BEGIN IMMEDIATE", NULL));
  po_calendar_page_import (page, file);
  g_assert_true (po_calendar_page_get_busy (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.cancel", NULL));
  g_assert_true (po_database_exec (database, "ROLLBACK", NULL));
  wait_idle ();
  g_assert_false (po_calendar_page_get_busy (page));
  g_assert_cmpint (po_database_query_int (database, "SELECT count(*) FROM calendar_years WHERE year = 2028", NULL), ==, 0);
  g_assert_cmpint (po_database_query_int (database, "SELECT count(*) FROM audit_log", NULL), ==, audit);
  /* Not an error to read: said in a toast. */
  g_assert_null (po_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_import_bad_file (void)
{
  g_autofree char *path = write_file ("broken.json", "{ \"format\": \"power-oversight-calendar\", \"years\": [ { \"year\": 2028 ");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 years = po_database_query_int (database, "SELECT count(*) FROM calendar_years", NULL);

  AdwMessageDialog *dialog;

  po_calendar_page_import (page, file);
  /* One sentence naming the file, and nothing written. */
  dialog = po_gui_test_wait_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Schedule Could Not Be Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.json"));
  po_gui_test_respond (dialog, "close");
  wait_idle ();
  g_assert_cmpint (po_database_query_int (database, "SELECT count(*) FROM calendar_years", NULL), ==, years);
  g_assert_cmpint (po_calendar_page_get_year (page), ==, 2027);
}

static void
setup_office (void)
{
  g_autoptr(GError) error = NULL;

  tmpdir = po_test_make_dir ();
  database = po_test_open (tmpdir, "office.db");
  po_test_fill_demo (database, 40, 200, 60, 3, TODAY);
  /* Requests received across 2026-11-20, and at the year's end with the
   * reply due in the unpublished 2027. */
  g_assert_true (po_database_exec (database,
    "INSERT INTO review_requests (kind, department_id, title, filed_on, received_on) VALUES "
    "('create', 1, '跨越', '2026-11-16', '2026-11-16'), ('create', 1, '跨年', '2026-12-24', '2026-12-24');"
    "DELETE FROM alerts;", &error));
  g_assert_no_error (error);
  g_assert_true (po_deadlines_refresh_all (database, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_setenv ("PO_TODAY", TODAY, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  po_gui_test_hold_notifications (APP_ID);
  setup_office ();
  application = po_application_new_for_database (database);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (application));
  window = PO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  g_assert_true (PO_IS_WINDOW (window));
  g_object_ref (window);
  po_window_show_page (window, "calendar");
  page = PO_CALENDAR_PAGE (po_window_get_page (window, "calendar"));
  g_assert_nonnull (page);
  wait_idle ();

  g_test_add_func ("/calendar-page/shows-year", test_shows_year);
  g_test_add_func ("/calendar-page/add-days-off", test_add_days_off);
  g_test_add_func ("/calendar-page/makeup-day-on-weekday-refused", test_makeup_day_on_weekday_refused);
  g_test_add_func ("/calendar-page/remove-and-undo", test_remove_and_undo);
  g_test_add_func ("/calendar-page/import", test_import);
  g_test_add_func ("/calendar-page/import-bad-file", test_import_bad_file);
  g_test_add_func ("/calendar-page/import-cancelled", test_import_cancelled);
  g_test_add_func ("/calendar-page/export", test_export);

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  po_gui_test_run_for (200);
  g_assert_finalize_object (window);
  g_clear_object (&application);
  g_clear_object (&database);
  po_test_remove_dir (tmpdir);
  g_free (tmpdir);

  return ret;
}
