/* test-catalogue-page.c: the power catalogue page on a small office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "po-catalogue-model.h"
#include "po-catalogue-page.h"
#include "po-catalogue-row.h"
#include "po-demo.h"
#include "po-domain.h"
#include "po-gui-test-util.h"
#include "po-item.h"
#include "po-item-editor.h"
#include "po-item-print.h"
#include "po-test-util.h"

#define N_ITEMS 600

static char *tmpdir;
static PoDatabase *database;
static GtkWidget *window;
static PoCataloguePage *page;
static guint model_changes;

static gboolean
page_idle (gpointer data)
{
  return !po_catalogue_page_get_busy (PO_CATALOGUE_PAGE (data));
}

static gboolean
page_busy (gpointer data)
{
  return po_catalogue_page_get_busy (PO_CATALOGUE_PAGE (data));
}

/* Waits for a write started by a dialog's answer, and the reload after it. */
static void
wait_for_write (void)
{
  g_assert_true (po_gui_test_wait_for (page_busy, page));
  g_assert_true (po_gui_test_wait_for (page_idle, page));
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  model_changes++;
}

static gboolean
model_updated (gpointer data)
{
  guint before = GPOINTER_TO_UINT (data);

  return po_catalogue_page_get_n_results (page) > before && !po_catalogue_page_get_busy (page);
}

/* Waits for the list to show the result of what was just changed. */
static void
wait_for_update (guint before)
{
  g_assert_true (po_gui_test_wait_for (model_updated, GUINT_TO_POINTER (before)));
}

static gint64
count_sql (const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = po_database_query_int (database, sql, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
find_item (const char *status,
           const char *type)
{
  g_autofree char *sql = NULL;

  if (type != NULL)
    sql = g_strdup_printf ("SELECT coalesce (min (id), 0) FROM power_items WHERE status = '%s' AND type = '%s'",
                           status, type);
  else
    sql = g_strdup_printf ("SELECT coalesce (min (id), 0) FROM power_items WHERE status = '%s'", status);
  return count_sql (sql);
}

static guint
n_rows (void)
{
  return g_list_model_get_n_items (po_catalogue_page_get_model (page));
}

static PoCatalogueRow *
get_row (guint position)
{
  return g_list_model_get_item (po_catalogue_page_get_model (page), position);
}

static void
set_search (const char *text)
{
  guint before = po_catalogue_page_get_n_results (page);

  gtk_editable_set_text (po_catalogue_page_get_search_entry (page), text);
  wait_for_update (before);
}

static void
select_filter (const char *name,
               guint       position)
{
  guint before = po_catalogue_page_get_n_results (page);

  gtk_drop_down_set_selected (po_catalogue_page_get_filter (page, name), position);
  wait_for_update (before);
}

static PoItemEditor *
show_item (gint64 id)
{
  PoItemEditor *editor = po_catalogue_page_get_editor (page);

  g_assert_cmpint (id, >, 0);
  g_assert_true (po_catalogue_page_select_item (page, id));
  po_gui_test_run_for (50);
  g_assert_nonnull (po_item_editor_get_original (editor));
  g_assert_cmpint (po_item_editor_get_original (editor)->id, ==, id);
  return editor;
}

static AdwStatusPage *
find_visible_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget))
    return ADW_STATUS_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_visible_status_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
answer_dialog (AdwMessageDialog *dialog,
               const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  if (po_gui_test_find_dialog () == dialog)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

typedef struct
{
  GtkWidget *row;
  double     y;
  guint      position;
} ShownRow;

static int
compare_shown_rows (gconstpointer a,
                    gconstpointer b)
{
  const ShownRow *ra = a;
  const ShownRow *rb = b;

  return (ra->y > rb->y) - (ra->y < rb->y);
}

static GtkWidget *
find_list_view (GtkWidget *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  g_assert_not_reached ();
}

/* The rows are all one line high: a row's position in the list is its
 * offset from the list's top, where the list is scrolled to, counted in
 * rows. The view need not show the top of the list. */
static void
collect_shown_rows (GtkWidget *widget,
                    GtkWidget *view,
                    GArray    *rows)
{
  if (GTK_IS_INSCRIPTION (widget))
    {
      /* cell → column view cell → row */
      GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (widget));
      GtkWidget *list_view = find_list_view (view);
      GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
      graphene_point_t point;
      graphene_point_t in_list;
      double offset;
      int height = gtk_widget_get_height (row);
      guint position = G_MAXUINT;

      for (guint i = 0; i < rows->len; i++)
        if (g_array_index (rows, ShownRow, i).row == row)
          return;
      g_assert_true (gtk_widget_compute_point (row, view, &GRAPHENE_POINT_INIT (0, 0), &point));
      g_assert_true (gtk_widget_compute_point (row, list_view, &GRAPHENE_POINT_INIT (0, 0), &in_list));
      if (point.y < 0 || point.y >= gtk_widget_get_height (view))
        return;

      /* Rows start at whole multiples of their height; one that does
       * not, or is not laid out yet, has no position (G_MAXUINT). */
      offset = in_list.y + gtk_adjustment_get_value (adjustment);
      if (height > 0 && offset >= 0 && fabs (offset - height * round (offset / height)) < 0.5)
        position = (guint) round (offset / height);
      g_array_append_val (rows, ((ShownRow) { row, point.y, position }));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child))
      collect_shown_rows (child, view, rows);
}

/* What the rows on screen show, from the top: one array of the seven
 * cells' texts per row, and in @positions (if not %NULL) the position
 * in the list of each. */
static GPtrArray *
shown_rows (GArray **positions)
{
  GtkWidget *view = GTK_WIDGET (po_catalogue_page_get_column_view (page));
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (ShownRow));
  GPtrArray *texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  collect_shown_rows (view, view, rows);
  g_array_sort (rows, compare_shown_rows);
  if (positions != NULL)
    *positions = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < rows->len; i++)
    {
      if (positions != NULL)
        g_array_append_val (*positions, g_array_index (rows, ShownRow, i).position);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (GtkWidget *cell = gtk_widget_get_first_child (g_array_index (rows, ShownRow, i).row);
           cell != NULL;
           cell = gtk_widget_get_next_sibling (cell))
        {
          GtkWidget *child = gtk_widget_get_first_child (cell);

          g_assert_true (GTK_IS_INSCRIPTION (child));
          g_strv_builder_add (builder, gtk_inscription_get_text (GTK_INSCRIPTION (child)));
        }
      g_ptr_array_add (texts, g_strv_builder_end (builder));
    }
  return texts;
}

/* Whether every row on screen shows the item at its position. */
static gboolean
shown_rows_match (gpointer data)
{
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GPtrArray) texts = shown_rows (&positions);

  if (texts->len == 0 || texts->len > n_rows ())
    return FALSE;
  for (guint i = 0; i < texts->len; i++)
    {
      char **cells = g_ptr_array_index (texts, i);
      guint position = g_array_index (positions, guint, i);
      g_autoptr(PoCatalogueRow) row = NULL;

      if (position >= n_rows ())
        return FALSE;
      row = get_row (position);

      if (g_strv_length (cells) != 7 || g_strcmp0 (cells[0], po_catalogue_row_get_code (row)) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Every row on screen shows the item at its position, none an item of
 * an earlier list, once the list has settled: it grows and shrinks over
 * a few frames, and a slow machine (a sanitizer build) takes longer. */
static void
check_shown_rows (void)
{
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GPtrArray) texts = NULL;

  g_assert_true (po_gui_test_wait_for (page_idle, page));
  po_gui_test_wait_for (shown_rows_match, NULL);
  texts = shown_rows (&positions);
  g_assert_cmpuint (texts->len, >, 0);
  g_assert_cmpuint (texts->len, <=, n_rows ());
  for (guint i = 0; i < texts->len; i++)
    {
      char **cells = g_ptr_array_index (texts, i);
      guint position = g_array_index (positions, guint, i);
      g_autoptr(PoCatalogueRow) row = NULL;

      /* One row a position, in order. */
      if (i > 0)
        g_assert_cmpuint (position, ==, g_array_index (positions, guint, i - 1) + 1);
      g_assert_cmpuint (position, <, n_rows ());
      row = get_row (position);

      g_assert_cmpuint (g_strv_length (cells), ==, 7);
      g_assert_cmpstr (cells[0], ==, po_catalogue_row_get_code (row));
      g_assert_cmpstr (cells[1], ==, po_catalogue_row_get_name (row));
      g_assert_cmpstr (cells[2], ==, po_catalogue_row_get_type_label (row));
      g_assert_cmpstr (cells[3], ==, po_catalogue_row_get_department (row));
      g_assert_cmpstr (cells[4], ==, po_catalogue_row_get_status_label (row));
    }
}

/* Tests */

static void
test_load_all_items (void)
{
  gint64 total = count_sql ("SELECT count(*) FROM power_items");
  g_autofree char *expected = g_strdup_printf ("%'" G_GINT64_FORMAT, total);
  PoCatalogueModel *model = PO_CATALOGUE_MODEL (po_catalogue_page_get_model (page));

  g_assert_true (po_gui_test_wait_for (page_idle, page));
  g_assert_cmpint (n_rows (), ==, total);
  g_assert_nonnull (strstr (po_catalogue_page_get_count_text (page), expected));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == PO_TYPE_CATALOGUE_ROW);

  /* Row objects exist only for the rows the view keeps (GTK keeps up to
   * 200 around what is on screen), not for every item. */
  g_assert_cmpuint (po_catalogue_model_get_n_live_rows (model), <=, 250);
  g_assert_cmpuint (po_catalogue_model_get_n_live_rows (model), <, total);
  g_assert_cmpuint (po_catalogue_model_get_n_live_rows (model), >, 0);

  /* The same position gives the same row while it lives. */
  {
    g_autoptr(PoCatalogueRow) a = get_row (0);
    g_autoptr(PoCatalogueRow) b = get_row (0);

    g_assert_true (a == b);
  }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), (guint) total));
}

static gboolean
row_contains (PoCatalogueRow *row,
              const char     *word)
{
  return strstr (po_catalogue_row_get_code (row), word) != NULL ||
         strstr (po_catalogue_row_get_name (row), word) != NULL ||
         strstr (po_catalogue_row_get_basis (row), word) != NULL;
}

static void
check_search (const char *word)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM power_items WHERE "
                                          "instr (code, '%1$s') OR instr (name, '%1$s') OR "
                                          "instr (basis_law, '%1$s') OR instr (basis_article, '%1$s') OR "
                                          "instr (basis_text, '%1$s')",
                                          word);
  gint64 expected = count_sql (sql);
  guint changes;
  guint n;

  if (gtk_editable_get_text (po_catalogue_page_get_search_entry (page))[0] != '\0')
    set_search ("");
  changes = model_changes;

  set_search (word);
  /* The result arrives at once, not item by item: at most a few steps
   * of the length, spread over frames where GTK builds or destroys
   * rows. */
  g_assert_cmpuint (model_changes - changes, <=, 10);
  n = n_rows ();
  g_assert_cmpint (n, >, 0);
  g_assert_cmpint (n, ==, expected);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoCatalogueRow) row = get_row (i);

      g_assert_true (row_contains (row, word));
    }
}

static void
test_search_two_characters (void)
{
  check_search ("许可");
  check_search ("处罚");
  set_search ("");
  g_assert_cmpint (n_rows (), ==, count_sql ("SELECT count(*) FROM power_items"));
}

static void
test_search_one_character (void)
{
  check_search ("罚");
  set_search ("");
}

/* A search typed with the list scrolled far down shows its results from
 * the top, every row right. */
static void
test_search_after_scrolling (void)
{
  g_autoptr(PoCatalogueRow) last = get_row (n_rows () - 1);

  g_assert_true (po_catalogue_page_select_item (page, po_catalogue_row_get_id (last)));
  po_gui_test_run_for (100);
  check_search ("许");
  g_assert_true (po_catalogue_model_get_settled (PO_CATALOGUE_MODEL (po_catalogue_page_get_model (page))));
  set_search ("");
}

static void
test_search_no_match (void)
{
  AdwStatusPage *status;
  guint before;

  set_search ("没有这个事项XYZ");
  g_assert_cmpint (n_rows (), ==, 0);

  /* Typing goes from the list to "no match" at once, not fading. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (po_catalogue_page_get_column_view (page))));

  status = find_visible_status_page (GTK_WIDGET (page));
  g_assert_nonnull (status);
  g_assert_nonnull (strstr (adw_status_page_get_title (status), "没有这个事项XYZ"));
  g_assert_nonnull (adw_status_page_get_description (status));

  /* Escape in the search clears it. */
  before = po_catalogue_page_get_n_results (page);
  g_signal_emit_by_name (po_catalogue_page_get_search_entry (page), "stop-search");
  wait_for_update (before);
  g_assert_cmpstr (gtk_editable_get_text (po_catalogue_page_get_search_entry (page)), ==, "");
  g_assert_cmpint (n_rows (), ==, count_sql ("SELECT count(*) FROM power_items"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (po_catalogue_page_get_column_view (page))));
}

/* The cells follow their rows through searches that narrow the list,
 * empty it and fill it again: what is on screen is the list's top. */
static void
test_search_shown_rows (void)
{
  check_shown_rows ();
  set_search ("许可");
  check_shown_rows ();
  set_search ("许");
  check_shown_rows ();
  set_search ("没有这个事项XYZ");
  g_assert_cmpint (n_rows (), ==, 0);
  set_search ("许");
  check_shown_rows ();
  set_search ("");
  check_shown_rows ();
}

static void
test_filter_type (void)
{
  const PoEnumEntry *types;
  guint n_types;
  guint penalty = 0;
  guint n;

  types = po_item_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    if (g_str_equal (types[i].key, "penalty"))
      penalty = i;

  select_filter ("type", penalty + 1);
  n = n_rows ();
  g_assert_cmpint (n, >, 0);
  g_assert_cmpint (n, <, count_sql ("SELECT count(*) FROM power_items"));
  g_assert_cmpint (n, ==, count_sql ("SELECT count(*) FROM power_items WHERE type = 'penalty'"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoCatalogueRow) row = get_row (i);

      g_assert_cmpstr (po_catalogue_row_get_type_key (row), ==, "penalty");
    }

  /* Filters and search combine. */
  set_search ("罚");
  for (guint i = 0; i < n_rows (); i++)
    {
      g_autoptr(PoCatalogueRow) row = get_row (i);

      g_assert_cmpstr (po_catalogue_row_get_type_key (row), ==, "penalty");
      g_assert_true (row_contains (row, "罚"));
    }
  set_search ("");
  select_filter ("type", 0);
  g_assert_cmpint (n_rows (), ==, count_sql ("SELECT count(*) FROM power_items"));
}

static void
test_filter_status (void)
{
  const PoEnumEntry *statuses;
  guint n_statuses;
  guint draft = 0;

  statuses = po_item_statuses (&n_statuses);
  for (guint i = 0; i < n_statuses; i++)
    if (g_str_equal (statuses[i].key, "draft"))
      draft = i;

  select_filter ("status", draft + 1);
  g_assert_cmpint (n_rows (), ==, count_sql ("SELECT count(*) FROM power_items WHERE status = 'draft'"));
  for (guint i = 0; i < n_rows (); i++)
    {
      g_autoptr(PoCatalogueRow) row = get_row (i);

      g_assert_cmpstr (po_catalogue_row_get_status (row), ==, "draft");
    }
  select_filter ("status", 0);
}

static void
test_sort_by_column (void)
{
  GtkColumnView *view = po_catalogue_page_get_column_view (page);
  g_autoptr(GtkColumnViewColumn) statutory = g_list_model_get_item (gtk_column_view_get_columns (view), 5);
  guint before = po_catalogue_page_get_n_results (page);
  int last = G_MAXINT;

  gtk_column_view_sort_by_column (view, statutory, GTK_SORT_DESCENDING);
  wait_for_update (before);

  g_assert_cmpint (n_rows (), ==, count_sql ("SELECT count(*) FROM power_items"));
  for (guint i = 0; i < n_rows (); i++)
    {
      g_autoptr(PoCatalogueRow) row = get_row (i);
      int limit = po_catalogue_row_get_statutory_limit (row);

      g_assert_cmpint (limit, <=, last);
      last = limit;
    }

  /* Back to the catalogue's own order, by code. */
  before = po_catalogue_page_get_n_results (page);
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  wait_for_update (before);
  {
    g_autoptr(PoCatalogueRow) first = get_row (0);
    g_autoptr(PoCatalogueRow) second = get_row (1);

    g_assert_cmpint (strcmp (po_catalogue_row_get_code (first), po_catalogue_row_get_code (second)), <, 0);
  }
}

static void
test_lifecycle_buttons (void)
{
  static const char * const statuses[] = { "draft", "in-review", "approved", "published", "adjusting", "abolished" };
  static const struct
  {
    const char *button;
    const char *action;
  } buttons[] = {
    { "save",              "edit" },
    { "submit",            "submit" },
    { "publish",           "publish" },
    { "propose-change",    "adjust" },
    { "propose-abolition", "adjust" },
  };

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      gint64 id = find_item (statuses[s], NULL);
      PoItemEditor *editor;

      if (id == 0)
        continue;
      editor = show_item (id);

      for (guint b = 0; b < G_N_ELEMENTS (buttons); b++)
        {
          GtkWidget *button = po_item_editor_get_action_button (editor, buttons[b].button);

          g_assert_nonnull (button);
          g_assert_cmpint (gtk_widget_get_visible (button), ==,
                           po_item_status_allows (statuses[s], buttons[b].action));
        }
      g_assert_false (gtk_widget_get_visible (po_item_editor_get_action_button (editor, "file-change")));
    }

  /* Spelled out for the draft: submit shows, publish does not. */
  {
    PoItemEditor *editor = show_item (find_item ("draft", NULL));

    g_assert_true (gtk_widget_get_visible (po_item_editor_get_action_button (editor, "submit")));
    g_assert_false (gtk_widget_get_visible (po_item_editor_get_action_button (editor, "publish")));
  }
}

static void
test_editor_validation (void)
{
  PoItemEditor *editor = show_item (find_item ("draft", "license"));
  GtkWidget *phone = po_item_editor_get_field_widget (editor, PO_FIELD_PHONE);
  GtkLabel *caption = po_item_editor_get_field_caption (editor, PO_FIELD_PHONE);
  g_autofree char *original = g_strdup (gtk_editable_get_text (GTK_EDITABLE (phone)));
  GtkWidget *text;
  int position = 0;

  /* A draft is edited in place. */
  g_assert_true (GTK_IS_EDITABLE (phone));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (phone)));
  g_assert_true (gtk_widget_get_mapped (phone));
  g_assert_true (gtk_editable_get_enable_undo (GTK_EDITABLE (phone)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (caption)));
  g_assert_true (po_phone_is_valid (original));

  /* Typed as a user types, so that it can be undone. */
  gtk_editable_delete_text (GTK_EDITABLE (phone), 0, -1);
  gtk_editable_insert_text (GTK_EDITABLE (phone), "12ab", -1, &position);
  g_assert_true (po_item_editor_get_dirty (editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (caption)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (caption), "error"));
  g_assert_true (gtk_widget_has_css_class (phone, "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (caption), "12ab"));

  /* Ctrl+Z in the field brings back what was there. */
  text = gtk_widget_get_first_child (phone);
  while (text != NULL && !GTK_IS_TEXT (text))
    text = gtk_widget_get_next_sibling (text);
  g_assert_nonnull (text);
  for (guint i = 0; i < 4 && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (phone)), original) != 0; i++)
    g_assert_true (gtk_widget_activate_action (text, "text.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, original);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (caption)));
  g_assert_false (po_item_editor_get_dirty (editor));

  /* Committed above statutory is named at the committed field. */
  {
    GtkWidget *committed = po_item_editor_get_field_widget (editor, PO_FIELD_COMMITTED_LIMIT);
    GtkWidget *statutory = po_item_editor_get_field_widget (editor, PO_FIELD_STATUTORY_LIMIT);
    GtkLabel *committed_caption = po_item_editor_get_field_caption (editor, PO_FIELD_COMMITTED_LIMIT);
    g_autofree char *old_statutory = g_strdup (gtk_editable_get_text (GTK_EDITABLE (statutory)));
    g_autofree char *old_committed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (committed)));

    gtk_editable_set_text (GTK_EDITABLE (statutory), "10");
    gtk_editable_set_text (GTK_EDITABLE (committed), "15");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (committed_caption)));
    g_assert_true (gtk_widget_has_css_class (committed, "error"));

    gtk_editable_set_text (GTK_EDITABLE (statutory), old_statutory);
    gtk_editable_set_text (GTK_EDITABLE (committed), old_committed);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (committed_caption)));
    g_assert_false (po_item_editor_get_dirty (editor));
  }
}

static void
test_editor_read_only (void)
{
  PoItemEditor *editor = show_item (find_item ("published", NULL));
  GtkWidget *phone = po_item_editor_get_field_widget (editor, PO_FIELD_PHONE);

  /* A published item reads as a document: the entries are not shown. */
  g_assert_false (gtk_widget_get_mapped (phone));
  g_assert_false (gtk_widget_get_visible (po_item_editor_get_action_button (editor, "save")));
}

static void
test_save_draft (void)
{
  gint64 id = find_item ("draft", NULL);
  PoItemEditor *editor = show_item (id);
  GtkWidget *place = po_item_editor_get_field_widget (editor, PO_FIELD_PLACE);
  g_autoptr(PoItem) stored = NULL;
  g_autoptr(GError) error = NULL;

  gtk_editable_set_text (GTK_EDITABLE (place), "市民中心二楼18号窗口");
  g_assert_true (po_item_editor_get_dirty (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.save", NULL));
  wait_for_write ();

  stored = po_item_load_by_id (database, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->place, ==, "市民中心二楼18号窗口");
  g_assert_false (po_item_editor_get_dirty (editor));
  g_assert_cmpint (po_item_editor_get_original (editor)->id, ==, id);
  g_assert_cmpuint (gtk_single_selection_get_selected (po_catalogue_page_get_selection (page)), !=,
                    GTK_INVALID_LIST_POSITION);
}

static void
test_submit_draft (void)
{
  gint64 id = find_item ("draft", NULL);
  PoItemEditor *editor = show_item (id);
  AdwMessageDialog *dialog;
  g_autoptr(PoItem) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  g_assert_cmpuint (po_item_editor_get_findings (editor)->len, ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.submit", NULL));
  po_gui_test_run_for (50);
  dialog = po_gui_test_find_dialog ();
  g_assert_nonnull (dialog);

  /* A date that cannot be read keeps the dialog from answering. */
  gtk_editable_set_text (GTK_EDITABLE (po_gui_test_find_named (GTK_WIDGET (dialog), "effective-on")), "2026-02-30");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "file"));
  g_assert_true (gtk_widget_get_visible (po_gui_test_find_named (GTK_WIDGET (dialog), "error")));
  gtk_editable_set_text (GTK_EDITABLE (po_gui_test_find_named (GTK_WIDGET (dialog), "effective-on")), "");

  answer_dialog (dialog, "file");
  wait_for_write ();

  stored = po_item_load_by_id (database, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->status, ==, "in-review");
  g_assert_cmpstr (po_item_editor_get_original (editor)->status, ==, "in-review");
  g_assert_false (gtk_widget_get_visible (po_item_editor_get_action_button (editor, "submit")));
  sql = g_strdup_printf ("SELECT count(*) FROM review_requests WHERE kind = 'create' AND state = 'open' "
                         "AND item_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (count_sql (sql), >=, 1);
}

static void
test_propose_change (void)
{
  gint64 id = find_item ("published", NULL);
  PoItemEditor *editor = show_item (id);
  g_autofree char *old_phone = g_strdup (po_item_editor_get_original (editor)->phone);
  g_autofree char *proposal_sql = NULL;
  g_autoptr(PoItem) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *phone;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.begin-proposal", NULL));
  g_assert_true (po_item_editor_get_proposing (editor));
  g_assert_true (gtk_widget_get_visible (po_item_editor_get_action_button (editor, "file-change")));
  phone = po_item_editor_get_field_widget (editor, PO_FIELD_PHONE);
  g_assert_true (gtk_widget_get_mapped (phone));
  gtk_editable_set_text (GTK_EDITABLE (phone), "0571-88886666");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.file-change", NULL));
  po_gui_test_run_for (50);
  dialog = po_gui_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "file"));
  gtk_editable_set_text (GTK_EDITABLE (po_gui_test_find_named (GTK_WIDGET (dialog), "legal-basis")), "《杭州市政务服务条例》第十条");
  answer_dialog (dialog, "file");
  wait_for_write ();

  /* The change is under review; the published version stays in force. */
  stored = po_item_load_by_id (database, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->status, ==, "adjusting");
  g_assert_cmpstr (stored->phone, ==, old_phone);
  g_assert_false (po_item_editor_get_proposing (editor));
  g_assert_cmpstr (po_item_editor_get_original (editor)->status, ==, "adjusting");
  g_assert_cmpstr (po_item_editor_get_original (editor)->phone, ==, old_phone);

  /* The proposal holds the changed field and nothing else. */
  proposal_sql = g_strdup_printf ("SELECT count(*) FROM review_requests WHERE kind = 'modify' AND item_id = %"
                                  G_GINT64_FORMAT " AND json_extract (proposal, '$.phone') = '0571-88886666' "
                                  "AND (SELECT count(*) FROM json_each (proposal)) = 1",
                                  id);
  g_assert_cmpint (count_sql (proposal_sql), ==, 1);
}

static void
test_history_diff (void)
{
  gint64 id = find_item ("published", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  PoItemEditor *editor;
  GtkListBox *diff;
  guint rows = 0;

  /* A second version, as a change approved and published would make. */
  sql = g_strdup_printf ("INSERT INTO power_item_versions (item_id, version, published_on, content) "
                         "SELECT item_id, 2, '2026-01-05', json_set (content, '$.name', '新名称的事项') "
                         "FROM power_item_versions WHERE item_id = %" G_GINT64_FORMAT " AND version = 1",
                         id);
  g_assert_true (po_database_exec (database, sql, &error));
  g_assert_no_error (error);

  editor = show_item (id);
  po_item_editor_show_history (editor);
  po_gui_test_run_for (50);

  diff = po_item_editor_get_diff_list (editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (diff)));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (diff));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      rows++;
  g_assert_cmpuint (rows, ==, 1);
}

static void
test_print_pdf (void)
{
  PoItemEditor *editor = show_item (find_item ("published", NULL));
  g_autofree char *path = g_build_filename (tmpdir, "item.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *published_on = NULL;
  gsize length = 0;
  guint pages = 0;
  int version;

  version = po_item_editor_get_in_force_version (editor, &published_on);
  g_assert_cmpint (version, >, 0);
  g_assert_nonnull (published_on);
  g_assert_true (po_item_print_export_pdf (po_item_editor_get_original (editor), version, published_on, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);

  /* The file holds binary streams: search it byte by byte, not as a
   * string that ends at the first NUL. */
  for (gsize i = 0; i + strlen ("/Type /Pages") <= length; i++)
    if (memcmp (contents + i, "/Type /Page", strlen ("/Type /Page")) == 0 &&
        contents[i + strlen ("/Type /Page")] != 's')
      pages++;
  g_assert_cmpuint (pages, ==, 1);
}

static void
test_new_item (void)
{
  gint64 before = count_sql ("SELECT count(*) FROM power_items");
  AdwMessageDialog *dialog;
  PoItemEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.new-item", NULL));
  po_gui_test_run_for (50);
  dialog = po_gui_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (po_gui_test_find_named (GTK_WIDGET (dialog), "department")), 0);
  gtk_editable_set_text (GTK_EDITABLE (po_gui_test_find_named (GTK_WIDGET (dialog), "code")), "TEST-XK-000001");
  gtk_editable_set_text (GTK_EDITABLE (po_gui_test_find_named (GTK_WIDGET (dialog), "name")), "测试用的行政许可");
  answer_dialog (dialog, "create");
  wait_for_write ();

  g_assert_cmpint (count_sql ("SELECT count(*) FROM power_items"), ==, before + 1);
  g_assert_cmpint (count_sql ("SELECT count(*) FROM power_items WHERE code = 'TEST-XK-000001' AND status = 'draft'"), ==, 1);
  g_assert_cmpint (n_rows (), ==, before + 1);

  /* The new draft is selected and open for editing. */
  editor = po_catalogue_page_get_editor (page);
  g_assert_cmpstr (po_item_editor_get_original (editor)->code, ==, "TEST-XK-000001");
  g_assert_true (gtk_widget_get_visible (po_item_editor_get_action_button (editor, "save")));
  g_assert_cmpuint (gtk_single_selection_get_selected (po_catalogue_page_get_selection (page)), !=,
                    GTK_INVALID_LIST_POSITION);
}

static void
test_unsaved_changes (void)
{
  gint64 draft = find_item ("draft", NULL);
  gint64 other = find_item ("published", NULL);
  PoItemEditor *editor = show_item (draft);
  GtkSingleSelection *selection = po_catalogue_page_get_selection (page);
  guint draft_position = gtk_single_selection_get_selected (selection);
  AdwMessageDialog *dialog;

  gtk_editable_set_text (GTK_EDITABLE (po_item_editor_get_field_widget (editor, PO_FIELD_PLACE)), "未保存的地点");
  g_assert_true (po_item_editor_get_dirty (editor));

  /* Choosing another item asks first; Cancel stays on the draft. */
  g_assert_true (po_catalogue_page_select_item (page, other));
  po_gui_test_run_for (50);
  dialog = po_gui_test_find_dialog ();
  g_assert_nonnull (dialog);
  answer_dialog (dialog, "cancel");
  po_gui_test_run_for (50);
  g_assert_cmpint (po_item_editor_get_original (editor)->id, ==, draft);
  g_assert_true (po_item_editor_get_dirty (editor));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, draft_position);

  /* Discard shows the other item, and the draft stays as stored. */
  g_assert_true (po_catalogue_page_select_item (page, other));
  po_gui_test_run_for (50);
  dialog = po_gui_test_find_dialog ();
  g_assert_nonnull (dialog);
  answer_dialog (dialog, "discard");
  po_gui_test_run_for (50);
  g_assert_cmpint (po_item_editor_get_original (editor)->id, ==, other);
  g_assert_false (po_item_editor_get_dirty (editor));
  g_assert_cmpint (count_sql ("SELECT count(*) FROM power_items WHERE place = '未保存的地点'"), ==, 0);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS) && !po_catalogue_page_get_busy (page);
}

#define CSV_HEADER "code,name,type,department,legal_basis,fee_basis,fee_standard,statutory_limit,committed_limit," \
                   "handling_unit,place,phone,supervision_phone,status,published_on\r\n"

static void
test_import_export (void)
{
  g_autofree char *export_path = g_build_filename (tmpdir, "catalogue.csv", NULL);
  g_autofree char *bad_path = g_build_filename (tmpdir, "bad.csv", NULL);
  g_autofree char *good_path = g_build_filename (tmpdir, "good.csv", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good_file = g_file_new_for_path (good_path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = count_sql ("SELECT count(*) FROM power_items");
  AdwMessageDialog *dialog;

  /* Export, in the background. */
  po_catalogue_page_export (page, export_file);
  g_assert_true (po_gui_test_wait_for (file_exists, export_path));
  g_assert_true (g_file_get_contents (export_path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "code,name,type,department,legal_basis") ||
                 g_str_has_prefix (contents, "\xEF\xBB\xBF" "code,name,type,department,legal_basis"));

  /* A file missing a column: a dialog names the file and the column,
   * and nothing is written. */
  g_assert_true (g_file_set_contents (bad_path,
                                      "code,name,type,department\r\nX-1,名称,行政许可,市新设部门\r\n", -1, &error));
  g_assert_no_error (error);
  po_catalogue_page_import (page, bad_file);
  g_assert_true (po_gui_test_wait_for (page_idle, page));
  po_gui_test_run_for (50);
  dialog = po_gui_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "bad.csv"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "legal_basis"));
  answer_dialog (dialog, "close");
  g_assert_cmpint (count_sql ("SELECT count(*) FROM power_items"), ==, before);

  /* A good file with a department that is new: the summary names it. */
  g_assert_true (g_file_set_contents (good_path,
                                      CSV_HEADER
                                      "IMP-XK-1,导入的行政许可,行政许可,市新设部门,《某法》第一条,,不收费,20,10,"
                                      "审批科,窗口,0571-87654321,12345,draft,\r\n"
                                      "IMP-CF-2,导入的行政处罚,行政处罚,市新设部门,《某法》第二条,,,60,45,"
                                      "稽查科,窗口,0571-87654322,12345,published,2025-06-30\r\n",
                                      -1, &error));
  g_assert_no_error (error);
  po_catalogue_page_import (page, good_file);
  wait_for_write ();
  po_gui_test_run_for (50);
  dialog = po_gui_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "市新设部门"));
  answer_dialog (dialog, "close");
  g_assert_cmpint (count_sql ("SELECT count(*) FROM power_items"), ==, before + 2);
  g_assert_cmpint (n_rows (), ==, before + 2);
}

static void
test_keyboard_focus_search (void)
{
  GtkWidget *entry = GTK_WIDGET (po_catalogue_page_get_search_entry (page));

  gtk_widget_grab_focus (GTK_WIDGET (po_catalogue_page_get_column_view (page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.focus-search", NULL));
  po_gui_test_run_for (20);
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_focus (gtk_widget_get_first_child (entry)) ||
                 gtk_widget_get_focus_child (entry) != NULL);
}

static void
test_finalize (void)
{
  GtkWidget *second = gtk_window_new ();
  GtkWidget *other = po_catalogue_page_new (database);

  g_object_ref (other);
  gtk_window_set_child (GTK_WINDOW (second), other);
  gtk_window_present (GTK_WINDOW (second));
  g_assert_true (po_gui_test_wait_for (page_idle, other));
  po_gui_test_run_for (100);

  gtk_window_destroy (GTK_WINDOW (second));
  po_gui_test_run_for (100);
  g_assert_finalize_object (other);
}

static void
setup_office (void)
{
  tmpdir = po_test_make_dir ();
  database = po_test_open (tmpdir, "office.db");
  po_test_fill_demo (database, N_ITEMS, 0, 0, 11, NULL);
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

  page = PO_CATALOGUE_PAGE (po_catalogue_page_new (database));
  g_object_ref_sink (page);
  g_signal_connect (po_catalogue_page_get_model (page), "items-changed", G_CALLBACK (on_items_changed_cb), NULL);

  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));

  g_test_add_func ("/catalogue-page/load/all-items", test_load_all_items);
  g_test_add_func ("/catalogue-page/search/two-characters", test_search_two_characters);
  g_test_add_func ("/catalogue-page/search/one-character", test_search_one_character);
  g_test_add_func ("/catalogue-page/search/after-scrolling", test_search_after_scrolling);
  g_test_add_func ("/catalogue-page/search/no-match", test_search_no_match);
  g_test_add_func ("/catalogue-page/search/shown-rows", test_search_shown_rows);
  g_test_add_func ("/catalogue-page/filter/type", test_filter_type);
  g_test_add_func ("/catalogue-page/filter/status", test_filter_status);
  g_test_add_func ("/catalogue-page/sort/column", test_sort_by_column);
  g_test_add_func ("/catalogue-page/editor/lifecycle-buttons", test_lifecycle_buttons);
  g_test_add_func ("/catalogue-page/editor/validation", test_editor_validation);
  g_test_add_func ("/catalogue-page/editor/read-only", test_editor_read_only);
  g_test_add_func ("/catalogue-page/editor/unsaved-changes", test_unsaved_changes);
  g_test_add_func ("/catalogue-page/lifecycle/save", test_save_draft);
  g_test_add_func ("/catalogue-page/lifecycle/submit", test_submit_draft);
  g_test_add_func ("/catalogue-page/lifecycle/propose-change", test_propose_change);
  g_test_add_func ("/catalogue-page/history/diff", test_history_diff);
  g_test_add_func ("/catalogue-page/print/pdf", test_print_pdf);
  g_test_add_func ("/catalogue-page/lifecycle/new-item", test_new_item);
  g_test_add_func ("/catalogue-page/io/import-export", test_import_export);
  g_test_add_func ("/catalogue-page/keyboard/focus-search", test_keyboard_focus_search);
  g_test_add_func ("/catalogue-page/page/finalize", test_finalize);

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  po_gui_test_run_for (100);
  g_clear_object (&page);
  g_clear_object (&database);
  po_test_remove_dir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);

  return ret;
}
