/* test-flowchart-page.c: the flowchart editor on a one-item office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "po-date.h"
#include "po-flowchart.h"
#include "po-flowchart-page.h"
#include "po-flowchart-view.h"
#include "po-gui-test-util.h"
#include "po-review.h"
#include "po-test-util.h"

#define ITEM "XK-001"
#define PUBLISHED "XK-002"

static char *tmpdir;
static PoDatabase *database;
static GtkWidget *window;
static PoFlowchartPage *page;
static guint template_nodes;

static PoFlowchartView *
view (void)
{
  return po_flowchart_page_get_view (page);
}

static PoFlowchart *
chart (void)
{
  return po_flowchart_page_get_chart (page);
}

static gboolean
items_listed (gpointer data)
{
  return g_list_model_get_n_items (po_flowchart_page_get_items (page)) > 0;
}

static gboolean
idle (gpointer data)
{
  return !po_flowchart_page_get_busy (page);
}

/* A layout of the chart as it is now: its node count matches. */
static gboolean
laid_out (gpointer data)
{
  PoFlowLayout *layout = po_flowchart_view_get_layout (view ());

  return chart () != NULL && layout != NULL &&
         layout->n_nodes == po_flowchart_get_n_nodes (chart ()) &&
         layout->n_edges == po_flowchart_get_n_edges (chart ());
}

static void
wait_for_layout (void)
{
  g_assert_true (po_gui_test_wait_for (laid_out, NULL));
}

static void
activate (const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (page), action, parameter));
}

static gboolean
has_finding (const char *rule)
{
  GPtrArray *findings = po_flowchart_page_get_findings (page);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (g_str_equal (((PoFlowFinding *) findings->pdata[i])->rule, rule))
      return TRUE;
  return FALSE;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;
  return n;
}

static guint
start_node (void)
{
  for (guint i = 0; i < po_flowchart_get_n_nodes (chart ()); i++)
    if (po_flowchart_get_node (chart (), i)->kind == PO_FLOW_NODE_START)
      return po_flowchart_get_node (chart (), i)->id;
  return 0;
}

static void
test_constructs (void)
{
  g_assert_true (PO_IS_FLOWCHART_PAGE (page));
  g_assert_true (po_gui_test_wait_for (items_listed, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (po_flowchart_page_get_items (page)), ==, 2);
}

static void
test_open_item (void)
{
  po_flowchart_page_open (page, ITEM, PO_FLOWCHART_EXTERNAL);
  g_assert_true (po_gui_test_wait_for (idle, NULL));
  g_assert_nonnull (chart ());
  g_assert_true (po_flowchart_view_get_chart (view ()) == chart ());
  g_assert_cmpuint (po_flowchart_get_n_nodes (chart ()), ==, template_nodes);
  wait_for_layout ();
  g_assert_false (po_flowchart_get_modified (chart ()));
}

static void
test_select_at (void)
{
  PoFlowLayout *layout = po_flowchart_view_get_layout (view ());
  const PoFlowLayoutNode *node = &layout->nodes[1];
  double zoom = po_flowchart_view_get_zoom (view ());

  /* The view draws the chart at its zoom, 16 points in from the corner. */
  g_assert_true (po_flowchart_view_select_at (view (),
                                              (node->x + node->width / 2 + 16) * zoom,
                                              (node->y + node->height / 2 + 16) * zoom));
  g_assert_cmpuint (po_flowchart_view_get_selected_node (view ()), ==, node->id);
  g_assert_cmpuint (po_flowchart_view_get_selected_edge (view ()), ==, 0);

  /* The keyboard walks to another node. */
  po_flowchart_view_select_next (view (), 1);
  g_assert_cmpuint (po_flowchart_view_get_selected_node (view ()), !=, 0);
}

static void
test_add_undo (void)
{
  guint before = po_flowchart_get_n_nodes (chart ());
  guint edges = po_flowchart_get_n_edges (chart ());

  g_assert_false (po_flowchart_can_redo (chart ()));
  activate ("page.add-step", NULL);
  g_assert_cmpuint (po_flowchart_get_n_nodes (chart ()), ==, before + 1);
  g_assert_cmpuint (po_flowchart_get_n_edges (chart ()), ==, edges + 1);
  g_assert_true (po_flowchart_get_modified (chart ()));
  wait_for_layout ();

  activate ("page.undo", NULL);
  g_assert_cmpuint (po_flowchart_get_n_nodes (chart ()), ==, before);
  g_assert_cmpuint (po_flowchart_get_n_edges (chart ()), ==, edges);
  g_assert_false (po_flowchart_get_modified (chart ()));
  activate ("page.redo", NULL);
  g_assert_cmpuint (po_flowchart_get_n_nodes (chart ()), ==, before + 1);
  activate ("page.undo", NULL);
  wait_for_layout ();
}

static void
test_delete_start (void)
{
  GtkListBox *list = po_flowchart_page_get_findings_list (page);
  guint start = start_node ();

  g_assert_cmpuint (start, !=, 0);
  g_assert_false (has_finding ("one-start"));

  po_flowchart_view_select_node (view (), start);
  activate ("page.delete", NULL);
  g_assert_null (po_flowchart_find_node (chart (), start));
  g_assert_true (has_finding ("one-start"));
  g_assert_cmpuint (count_rows (list), ==, po_flowchart_page_get_findings (page)->len);
  wait_for_layout ();


  activate ("page.undo", NULL);
  g_assert_nonnull (po_flowchart_find_node (chart (), start));
  g_assert_false (has_finding ("one-start"));
}

/* A step added with nothing selected hangs unconnected; activating the
 * finding about it selects it. */
static void
test_finding_selects (void)
{
  GtkListBox *list = po_flowchart_page_get_findings_list (page);
  GPtrArray *findings;
  guint id;
  guint i;

  po_flowchart_view_select_node (view (), 0);
  activate ("page.add-step", NULL);
  id = po_flowchart_view_get_selected_node (view ());
  g_assert_cmpuint (id, !=, 0);
  po_flowchart_view_select_node (view (), 0);

  findings = po_flowchart_page_get_findings (page);
  for (i = 0; i < findings->len; i++)
    if (((PoFlowFinding *) findings->pdata[i])->place == PO_FLOW_PLACE_NODE &&
        ((PoFlowFinding *) findings->pdata[i])->id == id)
      break;
  g_assert_cmpuint (i, <, findings->len);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, i));
  g_assert_cmpuint (po_flowchart_view_get_selected_node (view ()), ==, id);
  wait_for_layout ();

  activate ("page.undo", NULL);
  g_assert_cmpuint (po_flowchart_view_get_selected_node (view ()), ==, 0);
  wait_for_layout ();
}

static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (title == NULL || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The side panel edits the selected arrow's label and return flag. */
static void
test_edge_panel (void)
{
  const PoFlowEdge *edge = po_flowchart_get_edge (chart (), 0);
  guint id = edge->id;
  gboolean was_return = edge->is_return;
  GtkWidget *row;
  GtkWidget *toggle;

  po_flowchart_view_select_edge (view (), id);
  row = find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Label");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)));
  gtk_editable_set_text (GTK_EDITABLE (row), "补正后重新提交");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (po_flowchart_find_edge (chart (), id)->label, ==, "补正后重新提交");

  toggle = find_widget (GTK_WIDGET (page), GTK_TYPE_SWITCH, NULL);
  g_assert_nonnull (toggle);
  gtk_switch_set_active (GTK_SWITCH (toggle), !was_return);
  g_assert_cmpint (po_flowchart_find_edge (chart (), id)->is_return, ==, !was_return);

  activate ("page.undo", NULL);
  activate ("page.undo", NULL);
  g_assert_false (po_flowchart_get_modified (chart ()));
  wait_for_layout ();
}

/* Connect: select the source, pick the target in the dialog. */
static void
test_connect (void)
{
  guint edges = po_flowchart_get_n_edges (chart ());
  GtkWindow *dialog;

  po_flowchart_view_select_node (view (), start_node ());
  activate ("page.connect", NULL);
  dialog = po_gui_test_find_any_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))),
                              po_flowchart_get_n_nodes (chart ()) - 2);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "connect");
  gtk_window_destroy (dialog);
  g_assert_cmpuint (po_flowchart_get_n_edges (chart ()), ==, edges + 1);
  g_assert_cmpuint (po_flowchart_view_get_selected_edge (view ()), !=, 0);
  wait_for_layout ();

  activate ("page.undo", NULL);
  g_assert_cmpuint (po_flowchart_get_n_edges (chart ()), ==, edges);
  wait_for_layout ();
}

static void
test_save (void)
{
  g_autoptr(PoFlowchart) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  activate ("page.add-step", NULL);
  n = po_flowchart_get_n_nodes (chart ());
  activate ("page.save", NULL);
  g_assert_true (po_gui_test_wait_for (idle, NULL));
  g_assert_false (po_flowchart_get_modified (chart ()));
  g_assert_cmpuint (po_flowchart_get_n_nodes (chart ()), ==, n);

  stored = po_flowchart_load (database, ITEM, PO_FLOWCHART_EXTERNAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (po_flowchart_get_n_nodes (stored), ==, n);
  wait_for_layout ();
}

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  int *done = user_data;

  g_assert_true (po_flowchart_page_export_finish (PO_FLOWCHART_PAGE (object), result, &error));
  g_assert_no_error (error);
  *done = 1;
}

static gboolean
is_set (gpointer data)
{
  return *(int *) data != 0;
}

static void
test_export_pdf (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "chart.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  int done = 0;

  po_flowchart_page_export_async (page, PO_FLOW_FORMAT_PDF, path, NULL, on_exported_cb, &done);
  g_assert_true (po_gui_test_wait_for (is_set, &done));
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);
}

/* PDF is binary: a search that does not stop at a zero byte. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_print (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "print.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = po_flowchart_page_new_print_operation (page);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_nonnull (operation);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (length > 4 && memcmp (contents, "%PDF", 4) == 0);
  g_assert_true (contains_bytes (contents, length, "/Type /Page"));
}

static void
test_internal_empty (void)
{
  po_flowchart_page_open (page, ITEM, PO_FLOWCHART_INTERNAL);
  g_assert_true (po_gui_test_wait_for (idle, NULL));
  g_assert_cmpint (po_flowchart_get_kind (chart ()), ==, PO_FLOWCHART_INTERNAL);
  g_assert_cmpuint (po_flowchart_get_n_nodes (chart ()), ==, 0);

  activate ("page.template", g_variant_new_string ("license"));
  g_assert_cmpuint (po_flowchart_get_n_nodes (chart ()), >, 0);
  wait_for_layout ();
  activate ("page.undo", NULL);
  g_assert_cmpuint (po_flowchart_get_n_nodes (chart ()), ==, 0);
}

static gboolean
count_is (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = po_review_list (database, po_date_today (), PO_DATE_INVALID, 1, &error);

  g_assert_no_error (error);
  return reviews->len == GPOINTER_TO_UINT (data);
}

/* A published item's chart is not saved but filed for legality review. */
static void
test_file_for_review (void)
{
  g_autoptr(PoFlowchart) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  po_flowchart_page_open (page, PUBLISHED, PO_FLOWCHART_EXTERNAL);
  g_assert_true (po_gui_test_wait_for (idle, NULL));
  g_assert_cmpuint (po_flowchart_get_n_nodes (chart ()), ==, 0);
  activate ("page.template", g_variant_new_string ("license"));
  g_assert_cmpuint (po_flowchart_get_n_nodes (chart ()), ==, template_nodes);
  g_assert_true (count_is (GUINT_TO_POINTER (0)));

  activate ("page.save", NULL);
  dialog = po_gui_test_find_any_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "basis"), "《城镇燃气管理条例》第十五条");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "file");
  gtk_window_destroy (dialog);
  g_assert_true (po_gui_test_wait_for (idle, NULL));
  g_assert_true (count_is (GUINT_TO_POINTER (1)));

  /* Nothing changes until the review approves it. */
  stored = po_flowchart_load (database, PUBLISHED, PO_FLOWCHART_EXTERNAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (po_flowchart_get_n_nodes (stored), ==, 0);

  activate ("page.undo", NULL);
  g_assert_false (po_flowchart_get_modified (chart ()));
  wait_for_layout ();
}

static void
setup_office (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoFlowchart) stored = NULL;
  g_autoptr(PoFlowchart) from = NULL;

  tmpdir = po_test_make_dir ();
  database = po_test_open (tmpdir, "office.db");
  g_assert_true (po_database_exec (database,
    "INSERT INTO departments (code, name) VALUES ('D1', '市住房和城乡建设局');"
    "INSERT INTO power_items (code, name, type, department_id, statutory_limit, committed_limit, created_on, "
    "                         basis_law, basis_article, supervision_phone) "
    "VALUES ('" ITEM "', '建筑工程施工许可证核发', 'license', 1, 20, 18, '2026-01-05', "
    "        '《中华人民共和国建筑法》', '第七条', '0571-87000000');"
    "INSERT INTO power_items (code, name, type, department_id, statutory_limit, committed_limit, created_on, "
    "                         basis_law, basis_article, supervision_phone, status) "
    "VALUES ('" PUBLISHED "', '燃气经营许可', 'license', 1, 20, 15, '2026-01-05', "
    "        '《城镇燃气管理条例》', '第十五条', '0571-87000000', 'published');",
    &error));
  g_assert_no_error (error);

  stored = po_flowchart_load (database, ITEM, PO_FLOWCHART_EXTERNAL, &error);
  g_assert_no_error (error);
  from = po_flowchart_new_from_template (PO_FLOW_TEMPLATE_LICENSE, PO_FLOWCHART_EXTERNAL, NULL);
  po_flowchart_replace (stored, from);
  g_assert_true (po_flowchart_save (database, stored, &error));
  g_assert_no_error (error);
  template_nodes = po_flowchart_get_n_nodes (from);
  g_assert_cmpuint (template_nodes, >, 2);
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
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  overlay = adw_toast_overlay_new ();
  page = PO_FLOWCHART_PAGE (po_flowchart_page_new (database));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  g_object_ref (window);
  g_object_ref (page);
  gtk_window_present (GTK_WINDOW (window));
  po_gui_test_run_for (100);

  g_test_add_func ("/flowchart-page/constructs", test_constructs);
  g_test_add_func ("/flowchart-page/open-item", test_open_item);
  g_test_add_func ("/flowchart-page/select-at", test_select_at);
  g_test_add_func ("/flowchart-page/add-undo", test_add_undo);
  g_test_add_func ("/flowchart-page/delete-start", test_delete_start);
  g_test_add_func ("/flowchart-page/finding-selects", test_finding_selects);
  g_test_add_func ("/flowchart-page/edge-panel", test_edge_panel);
  g_test_add_func ("/flowchart-page/connect", test_connect);
  g_test_add_func ("/flowchart-page/save", test_save);
  g_test_add_func ("/flowchart-page/export-pdf", test_export_pdf);
  g_test_add_func ("/flowchart-page/print", test_print);
  g_test_add_func ("/flowchart-page/internal-empty", test_internal_empty);
  g_test_add_func ("/flowchart-page/file-for-review", test_file_for_review);

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
