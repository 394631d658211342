/* test-window.c: the main window on a small demo office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "po-application.h"
#include "po-audit.h"
#include "po-audit-model.h"
#include "po-audit-page.h"
#include "po-audit-row.h"
#include "po-database.h"
#include "po-demo.h"
#include "po-gui-test-util.h"
#include "po-overview.h"
#include "po-overview-page.h"
#include "po-preferences-window.h"
#include "po-test-util.h"
#include "po-window.h"

/* The sidebar's entries, in order. */
static const char * const page_names[] = {
  "overview",
  "catalogue",
  "review",
  "discretion",
  "flowcharts",
  "supervision",
  "petitions",
  "assessment",
  "accountability",
  "audit-log",
  "calendar",
};

static char *tmpdir;
static PoDatabase *database;
static PoApplication *application;
static PoWindow *window;

static gboolean
overview_loaded (gpointer data)
{
  return po_overview_page_get_loaded (PO_OVERVIEW_PAGE (data));
}

/* Finds a label below @widget carrying @css_class and, if @text is not
 * %NULL, showing @text. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *css_class,
            const char *text)
{
  if (GTK_IS_LABEL (widget) &&
      gtk_widget_has_css_class (widget, css_class) &&
      (text == NULL || g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, css_class, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_sidebar_every_page (void)
{
  GtkListBox *sidebar = po_window_get_sidebar (window);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, (int) i);
      PoPage *page;

      g_assert_nonnull (row);
      g_signal_emit_by_name (row, "activate");
      po_gui_test_run_for (50);

      g_assert_cmpstr (po_window_get_visible_page (window), ==, page_names[i]);
      g_assert_true (gtk_list_box_get_selected_row (sidebar) == row);

      page = po_window_get_page (window, page_names[i]);
      g_assert_nonnull (page);
      g_assert_true (PO_IS_PAGE (page));
      /* The template was built: an unknown type in a .ui file leaves it
       * without children. */
      g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (page)));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, po_page_get_title (page));
    }

  g_assert_null (gtk_list_box_get_row_at_index (sidebar, G_N_ELEMENTS (page_names)));
}

static void
test_sidebar_shortcut_actions (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page_names[i]));
      g_assert_cmpstr (po_window_get_visible_page (window), ==, page_names[i]);
    }

  po_window_show_page (window, "overview");
  g_assert_cmpstr (po_window_get_visible_page (window), ==, "overview");
}

static void
test_help_overlay (void)
{
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
}

static void
test_overview_figures (void)
{
  PoPage *page = po_window_get_page (window, "overview");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  PoOverview overview;

  g_assert_true (po_overview_load (database, po_date_today (), &overview, &error));
  g_assert_no_error (error);
  g_assert_cmpint (overview.items_total, ==, 60);

  po_window_show_page (window, "overview");
  g_assert_true (po_gui_test_wait_for (overview_loaded, page));

  expected = g_strdup_printf ("%" G_GINT64_FORMAT, overview.items_total);
  g_assert_nonnull (find_label (GTK_WIDGET (page), "figure", expected));

  /* Reloading keeps the figures. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  po_gui_test_run_for (500);
  g_assert_nonnull (find_label (GTK_WIDGET (page), "figure", expected));
}

static gboolean
verify_done (gpointer data)
{
  return find_label (GTK_WIDGET (data), "success", NULL) != NULL ||
         find_label (GTK_WIDGET (data), "error", NULL) != NULL;
}

static void
test_audit_model (void)
{
  PoPage *page;
  GListModel *model;
  g_autoptr(GError) error = NULL;
  g_autoptr(PoAuditRow) first = NULL;
  g_autoptr(PoAuditRow) last = NULL;
  gint64 count;
  guint n;

  po_window_show_page (window, "audit-log");
  po_gui_test_run_for (100);

  page = po_window_get_page (window, "audit-log");
  g_assert_true (PO_IS_AUDIT_PAGE (page));
  model = po_audit_page_get_model (PO_AUDIT_PAGE (page));

  count = po_audit_count (database, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, >, 0);

  n = g_list_model_get_n_items (model);
  g_assert_cmpint (n, ==, count);
  g_assert_true (g_list_model_get_item_type (model) == PO_TYPE_AUDIT_ROW);

  /* The newest entry comes first. */
  first = g_list_model_get_item (model, 0);
  g_assert_cmpint (po_audit_row_get_seq (first), ==, count);
  g_assert_false (po_audit_row_get_missing (first));
  g_assert_false (po_audit_row_get_unread (first));
  last = g_list_model_get_item (model, n - 1);
  g_assert_cmpint (po_audit_row_get_seq (last), ==, 1);
  g_assert_nonnull (po_audit_row_get_after (last));
  g_assert_null (g_list_model_get_item (model, n));

  /* Rows are read a page at a time, not all at once. */
  g_assert_cmpuint (po_audit_model_get_n_cached (PO_AUDIT_MODEL (model)), <=, 16 * 200);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.verify", NULL));
  g_assert_true (po_gui_test_wait_for (verify_done, page));
  g_assert_nonnull (find_label (GTK_WIDGET (page), "success", NULL));
}

static gint64
first_seq (GListModel *model)
{
  g_autoptr(PoAuditRow) row = g_list_model_get_item (model, 0);

  return row ? po_audit_row_get_seq (row) : -1;
}

static void
test_audit_newest_first (void)
{
  PoPage *page;
  GListModel *model;
  g_autoptr(GError) error = NULL;
  gint64 count;

  po_window_show_page (window, "audit-log");
  po_gui_test_run_for (100);
  page = po_window_get_page (window, "audit-log");
  model = po_audit_page_get_model (PO_AUDIT_PAGE (page));

  count = po_audit_count (database, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (model), ==, count);

  /* Newest first by default, and the toggle turns the list around. */
  g_assert_true (po_audit_model_get_newest_first (PO_AUDIT_MODEL (model)));
  g_assert_cmpint (first_seq (model), ==, count);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.newest-first", NULL));
  g_assert_false (po_audit_model_get_newest_first (PO_AUDIT_MODEL (model)));
  g_assert_cmpint (first_seq (model), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.newest-first", NULL));
  g_assert_cmpint (first_seq (model), ==, count);

  /* A change made elsewhere shows at the top after a reload. */
  g_assert_true (po_database_exec (database, "UPDATE departments SET name = name || ' ' WHERE id = "
                                             "(SELECT min(id) FROM departments)", &error));
  g_assert_no_error (error);
  g_assert_cmpint (po_audit_count (database, NULL), >, count);
  count = po_audit_count (database, NULL);
  po_page_reload (page);
  g_assert_cmpint (g_list_model_get_n_items (model), ==, count);
  g_assert_cmpint (first_seq (model), ==, count);
}

/* A read that fails is not a gap in the log: no row may claim an entry
 * was removed. */
static void
test_audit_read_error (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "unreadable.db", NULL);
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(PoAuditModel) model = NULL;
  g_autoptr(PoAuditRow) row = NULL;
  g_autoptr(GError) error = NULL;
  PoDemoOptions options;
  guint n;

  db = po_database_open (path, &error);
  g_assert_no_error (error);
  po_demo_options_init (&options);
  options.items = 3;
  options.cases = 2;
  options.petitions = 1;
  g_assert_true (po_demo_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  model = po_audit_model_new (db);
  g_assert_true (po_audit_model_reload (model, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 0);
  g_assert_null (po_audit_model_get_load_error (model));

  /* The log is out of reach while the rows are read. */
  g_assert_true (po_database_exec (db, "ALTER TABLE audit_log RENAME TO audit_log_away", &error));
  g_assert_no_error (error);

  row = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (po_audit_row_get_unread (row));
  g_assert_false (po_audit_row_get_missing (row));
  g_assert_cmpint (po_audit_row_get_seq (row), ==, n);
  g_assert_nonnull (po_audit_model_get_load_error (model));
  g_clear_object (&row);

  /* Back within reach: a reload reads the rows again. */
  g_assert_true (po_database_exec (db, "ALTER TABLE audit_log_away RENAME TO audit_log", &error));
  g_assert_no_error (error);
  g_assert_true (po_audit_model_reload (model, &error));
  g_assert_no_error (error);
  g_assert_null (po_audit_model_get_load_error (model));
  row = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_false (po_audit_row_get_unread (row));
  g_assert_false (po_audit_row_get_missing (row));
  g_assert_cmpint (po_audit_row_get_seq (row), ==, n);
}

static gboolean
office_yellow_days_is (gpointer data)
{
  PoScanOptions options;

  return po_scan_options_load (&options, database, po_date_today (), NULL) &&
         options.yellow_days == GPOINTER_TO_INT (data);
}

static gboolean
office_yellow_share_is (gpointer data)
{
  PoScanOptions options;

  return po_scan_options_load (&options, database, po_date_today (), NULL) &&
         options.yellow_share == GPOINTER_TO_INT (data);
}

static gboolean
office_has_alerts (gpointer data)
{
  return po_database_query_int (database, "SELECT count(*) FROM alerts", NULL) > 0;
}

static void
test_preferences (void)
{
  GtkWindow *preferences;
  GSettings *settings = po_application_get_settings (application);
  GObject *yellow_mode;
  GObject *working_hours;
  GObject *threshold;
  GObject *database_row;

  g_assert_nonnull (settings);
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  po_gui_test_run_for (100);

  preferences = po_gui_test_find_any_toplevel (PO_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));

  /* The supervision scan reads the yellow mode, and notifications about
   * red alerts keep to working hours: both are shown. */
  yellow_mode = gtk_widget_get_template_child (GTK_WIDGET (preferences), PO_TYPE_PREFERENCES_WINDOW,
                                               "yellow_mode_row");
  g_assert_true (GTK_IS_WIDGET (yellow_mode));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (yellow_mode)));
  working_hours = gtk_widget_get_template_child (GTK_WIDGET (preferences), PO_TYPE_PREFERENCES_WINDOW,
                                                 "working_hours_switch");
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (working_hours)));
  threshold = gtk_widget_get_template_child (GTK_WIDGET (preferences), PO_TYPE_PREFERENCES_WINDOW,
                                             "threshold_spin");
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (threshold)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (threshold)));

  /* The thresholds are the office's: shown as stored, and a change is
   * written to it (off the main thread, once the clicks pause). */
  {
    PoScanOptions options;
    GObject *share = gtk_widget_get_template_child (GTK_WIDGET (preferences), PO_TYPE_PREFERENCES_WINDOW, "share_spin");
    GObject *share_row = gtk_widget_get_template_child (GTK_WIDGET (preferences), PO_TYPE_PREFERENCES_WINDOW, "share_row");

    g_assert_cmpint (po_database_query_int (database, "SELECT count(*) FROM alerts", NULL), ==, 0);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (threshold)), ==, PO_SCAN_DEFAULT_YELLOW_DAYS);
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (yellow_mode)), ==, 0);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (share_row)));

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (threshold), 3);
    g_assert_true (po_preferences_window_flush (PO_PREFERENCES_WINDOW (preferences)));
    g_assert_true (po_gui_test_wait_for (office_yellow_days_is, GINT_TO_POINTER (3)));
    /* The main window was told: the monitoring pane checked the rules. */
    g_assert_true (po_gui_test_wait_for (office_has_alerts, NULL));

    adw_combo_row_set_selected (ADW_COMBO_ROW (yellow_mode), 1);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (share_row)));
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (share), 70);
    g_assert_true (po_preferences_window_flush (PO_PREFERENCES_WINDOW (preferences)));
    g_assert_true (po_gui_test_wait_for (office_yellow_share_is, GINT_TO_POINTER (70)));
    g_assert_true (po_scan_options_load (&options, database, po_date_today (), NULL));
    g_assert_cmpint (options.yellow_days, ==, 3);

    /* Back to the defaults, written as the window closes. */
    adw_combo_row_set_selected (ADW_COMBO_ROW (yellow_mode), 0);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (threshold), PO_SCAN_DEFAULT_YELLOW_DAYS);
  }

  /* The file shown is the one in use, not the setting's default. */
  database_row = gtk_widget_get_template_child (GTK_WIDGET (preferences), PO_TYPE_PREFERENCES_WINDOW,
                                                "database_row");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (database_row)),
                            po_database_get_path (database)));

  g_object_ref (preferences);
  gtk_window_destroy (preferences);
  g_assert_true (po_gui_test_wait_for (office_yellow_share_is, GINT_TO_POINTER (0)));
  po_gui_test_run_for (50);
  g_assert_finalize_object (preferences);
  g_assert_true (office_yellow_days_is (GINT_TO_POINTER (PO_SCAN_DEFAULT_YELLOW_DAYS)));
}

static void
test_about (void)
{
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  po_gui_test_run_for (100);

  about = po_gui_test_find_any_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  gtk_window_destroy (about);
  po_gui_test_run_for (50);
  g_assert_null (po_gui_test_find_any_toplevel (ADW_TYPE_ABOUT_WINDOW));
}

typedef struct
{
  GtkWidget  *page;
  const char *text;
} LabelWait;

static gboolean
figure_shown (gpointer data)
{
  LabelWait *wait = data;

  return find_label (wait->page, "figure", wait->text) != NULL;
}

/* Presses Cancel once the worker has said it is done, that is after it
 * committed: too late to cancel anything. */
static void
on_demo_fraction_cb (GtkProgressBar *bar,
                     GParamSpec     *pspec,
                     PoPage         *overview)
{
  if (gtk_progress_bar_get_fraction (bar) >= 1.0)
    gtk_widget_activate_action (GTK_WIDGET (overview), "page.cancel-demo", NULL);
}

/* An empty office offers demo data, written by a worker thread. */
static void
test_overview_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoDatabase) empty = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "empty.db", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GArray) entries = NULL;
  PoDemoOptions options;
  GtkWidget *progress;
  PoWindow *second;
  PoPage *overview;
  GtkLabel *figure;
  GtkStack *stack;
  LabelWait wait;

  empty = po_database_open (path, &error);
  g_assert_no_error (error);

  second = po_window_new (GTK_APPLICATION (application), empty);
  overview = po_window_get_page (second, "overview");
  gtk_window_present (GTK_WINDOW (second));
  g_assert_true (po_gui_test_wait_for (overview_loaded, overview));

  figure = find_label (GTK_WIDGET (overview), "figure", NULL);
  g_assert_nonnull (figure);
  stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (figure), GTK_TYPE_STACK));
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  progress = find_widget (GTK_WIDGET (overview), GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (progress);
  g_signal_connect (progress, "notify::fraction", G_CALLBACK (on_demo_fraction_cb), overview);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (overview), "page.generate-demo", NULL));
  po_demo_options_init (&options);
  expected = g_strdup_printf ("%u", options.items);
  wait.page = GTK_WIDGET (overview);
  wait.text = expected;
  g_assert_true (po_gui_test_wait_for (figure_shown, &wait));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "figures");
  g_signal_handlers_disconnect_by_func (progress, on_demo_fraction_cb, overview);

  /* The data is there, and the page says so despite the late Cancel. */
  g_assert_true (po_gui_test_has_label (GTK_WIDGET (second), "The database was filled with demo data.", TRUE));
  g_assert_false (po_gui_test_has_label (GTK_WIDGET (second), "Creating demo data was cancelled; the database is unchanged.", TRUE));

  /* The audit log names the demo, not the user who pressed the button. */
  entries = g_array_new (FALSE, TRUE, sizeof (PoAuditEntry));
  g_array_set_clear_func (entries, (GDestroyNotify) po_audit_entry_clear);
  g_assert_true (po_audit_read (empty, po_audit_count (empty, NULL), 1, entries, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (g_array_index (entries, PoAuditEntry, 0).actor, ==, "demo");

  gtk_window_destroy (GTK_WINDOW (second));
  po_gui_test_run_for (100);
}

static void
test_finalize (void)
{
  PoWindow *second = po_window_new (GTK_APPLICATION (application), database);
  PoPage *overview = po_window_get_page (second, "overview");

  gtk_window_present (GTK_WINDOW (second));
  g_assert_true (po_gui_test_wait_for (overview_loaded, overview));
  po_gui_test_run_for (200);

  g_object_ref (second);
  gtk_window_destroy (GTK_WINDOW (second));
  po_gui_test_run_for (200);
  g_assert_finalize_object (second);
}

static void
setup_office (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  tmpdir = g_dir_make_tmp ("test-window-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (tmpdir, "office.db", NULL);
  database = po_database_open (path, &error);
  g_assert_no_error (error);

  po_test_fill_demo (database, 60, 200, 50, 7, NULL);
}

static void
remove_office (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  po_gui_test_hold_notifications (APP_ID);

  setup_office ();

  application = po_application_new_for_database (database);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (application));
  window = PO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  g_assert_true (PO_IS_WINDOW (window));
  g_object_ref (window);
  po_gui_test_run_for (200);

  g_test_add_func ("/window/sidebar/every-page", test_sidebar_every_page);
  g_test_add_func ("/window/sidebar/shortcut-actions", test_sidebar_shortcut_actions);
  g_test_add_func ("/window/help-overlay", test_help_overlay);
  g_test_add_func ("/window/overview/figures", test_overview_figures);
  g_test_add_func ("/window/overview/demo", test_overview_demo);
  g_test_add_func ("/window/audit/model", test_audit_model);
  g_test_add_func ("/window/audit/newest-first", test_audit_newest_first);
  g_test_add_func ("/window/audit/read-error", test_audit_read_error);
  g_test_add_func ("/window/preferences", test_preferences);
  g_test_add_func ("/window/about", test_about);
  g_test_add_func ("/window/finalize", test_finalize);

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  po_gui_test_run_for (200);
  g_clear_object (&window);
  g_clear_object (&application);
  g_clear_object (&database);
  remove_office ();

  return ret;
}
