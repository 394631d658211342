/* po-item-print.c: a catalogue entry on A4, printed or as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-item-print"

#include "config.h"

#include <glib/gi18n.h>

#include "po-date.h"
#include "po-domain.h"
#include "po-error.h"
#include "po-item-print.h"

/* The entry a department posts for the public (规定 九(七)): the item's
 * name as the title, then every public field as a two-column table of
 * label and value, then the supervision phone and the published version.
 * Printing and "Export PDF" run the same drawing; a long entry continues
 * on further pages, the table never being cut through a row.
 *
 * The entry is a public document of a Chinese office, posted in its
 * halls and on its portal: it is printed in Chinese whatever the
 * language of the desktop, with the names the catalogue forms use (as
 * the core keeps the regulation's own names of the types). */

static const char * const zh_labels[PO_N_FIELDS] = {
  [PO_FIELD_CODE]              = "事项编码",
  [PO_FIELD_NAME]              = "事项名称",
  [PO_FIELD_TYPE]              = "事项类型",
  [PO_FIELD_DEPARTMENT]        = "实施主体",
  [PO_FIELD_BASIS_LAW]         = "设定依据",
  [PO_FIELD_BASIS_ARTICLE]     = "依据条款",
  [PO_FIELD_BASIS_TEXT]        = "条款内容",
  [PO_FIELD_FEE_BASIS]         = "收费依据",
  [PO_FIELD_FEE_STANDARD]      = "收费标准",
  [PO_FIELD_STATUTORY_LIMIT]   = "法定办理时限",
  [PO_FIELD_COMMITTED_LIMIT]   = "承诺办理时限",
  [PO_FIELD_HANDLING_UNIT]     = "承办机构",
  [PO_FIELD_PLACE]             = "办理地点",
  [PO_FIELD_PHONE]             = "咨询电话",
  [PO_FIELD_SUPERVISION_PHONE] = "监督电话",
  [PO_FIELD_NOTES]             = "备注",
};

#define FONT_FAMILY    "Noto Sans CJK SC, Noto Sans CJK, Noto Sans, sans-serif"
#define MARGIN_MM      18.0
#define LABEL_SHARE    0.26
#define CELL_PADDING   5.0
#define GAP            12.0

typedef struct
{
  char   *label;
  char   *value;
  double  height;   /* of the row, padding included */
} PrintRow;

typedef struct
{
  PoItem    *item;
  int        version;
  char      *published_on;
  GPtrArray *rows;          /* PrintRow */
  GArray    *page_starts;   /* guint: first row of each page */
  double     title_height;
  double     footer_height;
} PrintData;

static void
print_row_free (PrintRow *row)
{
  g_free (row->label);
  g_free (row->value);
  g_free (row);
}

static void
print_data_free (PrintData *data)
{
  g_clear_pointer (&data->item, po_item_free);
  g_clear_pointer (&data->published_on, g_free);
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_clear_pointer (&data->page_starts, g_array_unref);
  g_free (data);
}

static char *
dup_limit (int days)
{
  if (days <= 0)
    return NULL;

  return g_strdup_printf ("%d个工作日", days);
}

static char *
dup_value (const PoItem *item,
           PoField       field)
{
  char *value = NULL;

  switch (field)
    {
    case PO_FIELD_TYPE:
      {
        guint n;
        const PoEnumEntry *types = po_item_types (&n);
        const PoEnumEntry *type = po_enum_lookup (types, n, item->type);

        /* The regulation's own name of the type, whatever the locale. */
        value = g_strdup (type != NULL ? type->zh : item->type);
      }
      break;

    case PO_FIELD_STATUTORY_LIMIT:
      value = dup_limit (item->statutory_limit);
      break;

    case PO_FIELD_COMMITTED_LIMIT:
      value = dup_limit (item->committed_limit);
      break;

    default:
      value = po_item_get_field (item, field);
      break;
    }

  if (value == NULL || g_strstrip (value)[0] == '\0')
    {
      g_free (value);
      value = g_strdup ("无");
    }

  return value;
}

static PangoLayout *
create_layout (GtkPrintContext *context,
               const char      *text,
               double           size,
               gboolean         bold,
               double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static char *
dup_subtitle (PrintData *data)
{
  guint n;
  const PoEnumEntry *types = po_item_types (&n);
  const PoEnumEntry *type = po_enum_lookup (types, n, data->item->type);

  return g_strdup_printf ("事项编码：%s　　事项类型：%s", data->item->code, type != NULL ? type->zh : data->item->type);
}

static char *
dup_published (PrintData *data)
{
  PoDate day = data->published_on != NULL ? po_date_parse (data->published_on, NULL) : PO_DATE_INVALID;
  int y, m, d;

  if (data->version <= 0 || day == PO_DATE_INVALID)
    return g_strdup ("本事项尚未公布，不具有效力。");

  po_date_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("本事项现行为第%d版，于%d年%d月%d日公布。", data->version, y, m, d);
}

static char *
dup_footer (PrintData *data)
{
  g_autofree char *published = dup_published (data);
  const char *phone = data->item->supervision_phone;

  if (phone == NULL || phone[0] == '\0')
    return g_steal_pointer (&published);

  /* The number the public calls to complain about how the item is
   * handled comes first. */
  return g_strdup_printf ("监督电话：%s\n%s", phone, published);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   gpointer           user_data)
{
  PrintData *data = user_data;
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double label_width = width * LABEL_SHARE - 2 * CELL_PADDING;
  double value_width = width * (1.0 - LABEL_SHARE) - 2 * CELL_PADDING;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *subtitle_text = dup_subtitle (data);
  g_autofree char *footer_text = dup_footer (data);
  guint first_row = 0;
  double used;

  title = create_layout (context, data->item->name, 18, TRUE, width);
  subtitle = create_layout (context, subtitle_text, 10, FALSE, width);
  footer = create_layout (context, footer_text, 10.5, FALSE, width);
  data->title_height = layout_height (title) + 4 + layout_height (subtitle) + GAP;
  data->footer_height = GAP + layout_height (footer) + GAP;

  g_ptr_array_set_size (data->rows, 0);
  for (guint f = 0; f < PO_N_FIELDS; f++)
    {
      PrintRow *row = g_new0 (PrintRow, 1);
      g_autoptr(PangoLayout) label = NULL;
      g_autoptr(PangoLayout) value = NULL;

      row->label = g_strdup (zh_labels[f]);
      row->value = dup_value (data->item, (PoField) f);
      label = create_layout (context, row->label, 10.5, TRUE, label_width);
      value = create_layout (context, row->value, 10.5, FALSE, value_width);
      row->height = MAX (layout_height (label), layout_height (value)) + 2 * CELL_PADDING;
      g_ptr_array_add (data->rows, row);
    }

  /* The title opens the first page, the footer closes the last. */
  g_array_set_size (data->page_starts, 0);
  used = data->title_height;
  g_array_append_val (data->page_starts, first_row);
  for (guint i = 0; i < data->rows->len; i++)
    {
      PrintRow *row = g_ptr_array_index (data->rows, i);
      double needed = row->height + (i + 1 == data->rows->len ? data->footer_height : 0);

      if (used + needed > height && used > 0 && i > 0)
        {
          g_array_append_val (data->page_starts, i);
          used = 0;
        }
      used += row->height;
    }
  if (used + data->footer_height > height)
    g_array_append_val (data->page_starts, data->rows->len);

  gtk_print_operation_set_n_pages (operation, (int) data->page_starts->len);
}

static void
draw_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 gpointer           user_data)
{
  PrintData *data = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double label_column = width * LABEL_SHARE;
  guint first = g_array_index (data->page_starts, guint, page_nr);
  guint last = (guint) page_nr + 1 < data->page_starts->len
               ? g_array_index (data->page_starts, guint, page_nr + 1)
               : data->rows->len;
  gboolean last_page = (guint) page_nr + 1 == data->page_starts->len;
  double y = 0;
  double table_top;

  cairo_set_source_rgb (cr, 0, 0, 0);

  if (page_nr == 0)
    {
      g_autoptr(PangoLayout) title = create_layout (context, data->item->name, 18, TRUE, width);
      g_autofree char *subtitle_text = dup_subtitle (data);
      g_autoptr(PangoLayout) subtitle = create_layout (context, subtitle_text, 10, FALSE, width);

      pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
      pango_layout_set_alignment (subtitle, PANGO_ALIGN_CENTER);
      draw_layout (cr, title, 0, y);
      y += layout_height (title) + 4;
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      draw_layout (cr, subtitle, 0, y);
      cairo_set_source_rgb (cr, 0, 0, 0);
      y += layout_height (subtitle) + GAP;
    }

  table_top = y;
  for (guint i = first; i < last; i++)
    {
      PrintRow *row = g_ptr_array_index (data->rows, i);
      g_autoptr(PangoLayout) label = create_layout (context, row->label, 10.5, TRUE,
                                                    label_column - 2 * CELL_PADDING);
      g_autoptr(PangoLayout) value = create_layout (context, row->value, 10.5, FALSE,
                                                    width - label_column - 2 * CELL_PADDING);

      cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
      cairo_rectangle (cr, 0, y, label_column, row->height);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_layout (cr, label, CELL_PADDING, y + CELL_PADDING);
      draw_layout (cr, value, label_column + CELL_PADDING, y + CELL_PADDING);

      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, width, y);
      cairo_stroke (cr);
      y += row->height;
    }

  if (last > first)
    {
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, width, y);
      cairo_move_to (cr, 0, table_top);
      cairo_line_to (cr, 0, y);
      cairo_move_to (cr, label_column, table_top);
      cairo_line_to (cr, label_column, y);
      cairo_move_to (cr, width, table_top);
      cairo_line_to (cr, width, y);
      cairo_stroke (cr);
    }

  if (last_page)
    {
      g_autofree char *footer_text = dup_footer (data);
      g_autoptr(PangoLayout) footer = create_layout (context, footer_text, 10.5, FALSE, width);

      draw_layout (cr, footer, 0, y + GAP);
    }

  if (data->page_starts->len > 1)
    {
      g_autofree char *text = g_strdup_printf ("第%d页，共%u页", page_nr + 1, data->page_starts->len);
      g_autoptr(PangoLayout) number = create_layout (context, text, 9, FALSE, width);

      pango_layout_set_alignment (number, PANGO_ALIGN_CENTER);
      draw_layout (cr, number, 0, height - layout_height (number));
    }
}

/**
 * po_item_print_operation_new:
 * @item: the item to print
 * @version: its published version in force, or 0 when never published
 * @published_on: (nullable): the day that version was published
 *
 * Returns: (transfer full): a print operation that draws @item on A4
 */
GtkPrintOperation *
po_item_print_operation_new (const PoItem *item,
                             int           version,
                             const char   *published_on)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperation *operation;
  PrintData *data;

  g_return_val_if_fail (item != NULL, NULL);

  data = g_new0 (PrintData, 1);
  data->item = po_item_copy (item);
  data->version = version;
  data->published_on = g_strdup (published_on);
  data->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) print_row_free);
  data->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, MARGIN_MM, GTK_UNIT_MM);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, item->name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_object_set_data_full (G_OBJECT (operation), "po-print-data", data, (GDestroyNotify) print_data_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), data);
  return operation;
}

/**
 * po_item_print_export_pdf:
 * @path: the PDF file to write
 *
 * Draws @item as po_item_print_operation_new() prints it, into @path.
 *
 * Returns: %TRUE on success, or %FALSE with @error set
 */
gboolean
po_item_print_export_pdf (const PoItem  *item,
                          int            version,
                          const char    *published_on,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) local = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = po_item_print_operation_new (item, version, published_on);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &local);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, local ? local->message : "");
      return FALSE;
    }

  return TRUE;
}
