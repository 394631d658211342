/* po-item-editor.c: every field of a power item, its lifecycle and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-item-editor"

#include "config.h"

#include <stdlib.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "po-domain.h"
#include "po-item-editor.h"
#include "po-util.h"

/* The editor shows one item. Every rule comes from the core: the fields
 * are checked with po_item_validate() as they are typed, what is missing
 * before publication with po_item_completeness(), and which lifecycle
 * buttons show with po_item_status_allows(). The editor writes nothing;
 * the buttons activate the page's actions, which do the work on worker
 * threads. A field is a stack of an editing widget and a read-only,
 * selectable label, so that a published item reads like a document and
 * a draft like a form.
 *
 * Undo: each text field has its own history (GtkText and GtkTextBuffer
 * undo, Ctrl+Z / Ctrl+Shift+Z), which starts afresh whenever an item is
 * shown, so loading is never undone. The drop-downs are a single choice
 * that is simply chosen again. */

typedef enum
{
  KIND_ENTRY,
  KIND_TEXT,
  KIND_LIMIT,
  KIND_TYPE,
  KIND_DEPARTMENT,
} FieldKind;

static const FieldKind field_kinds[PO_N_FIELDS] = {
  [PO_FIELD_CODE]              = KIND_ENTRY,
  [PO_FIELD_NAME]              = KIND_ENTRY,
  [PO_FIELD_TYPE]              = KIND_TYPE,
  [PO_FIELD_DEPARTMENT]        = KIND_DEPARTMENT,
  [PO_FIELD_BASIS_LAW]         = KIND_ENTRY,
  [PO_FIELD_BASIS_ARTICLE]     = KIND_ENTRY,
  [PO_FIELD_BASIS_TEXT]        = KIND_TEXT,
  [PO_FIELD_FEE_BASIS]         = KIND_ENTRY,
  [PO_FIELD_FEE_STANDARD]      = KIND_ENTRY,
  [PO_FIELD_STATUTORY_LIMIT]   = KIND_LIMIT,
  [PO_FIELD_COMMITTED_LIMIT]   = KIND_LIMIT,
  [PO_FIELD_HANDLING_UNIT]     = KIND_ENTRY,
  [PO_FIELD_PLACE]             = KIND_ENTRY,
  [PO_FIELD_PHONE]             = KIND_ENTRY,
  [PO_FIELD_SUPERVISION_PHONE] = KIND_ENTRY,
  [PO_FIELD_NOTES]             = KIND_TEXT,
};

/* The form's sections: runs of fields in PoField order. */
static const struct
{
  const char *title;
  PoField     first;
  PoField     last;
} sections[] = {
  { N_("Identification"),        PO_FIELD_CODE,            PO_FIELD_DEPARTMENT },
  { N_("Legal Basis"),           PO_FIELD_BASIS_LAW,       PO_FIELD_BASIS_TEXT },
  { N_("Fees"),                  PO_FIELD_FEE_BASIS,       PO_FIELD_FEE_STANDARD },
  { N_("Time Limits"),           PO_FIELD_STATUTORY_LIMIT, PO_FIELD_COMMITTED_LIMIT },
  { N_("Handling and Contacts"), PO_FIELD_HANDLING_UNIT,   PO_FIELD_SUPERVISION_PHONE },
  { N_("Other"),                 PO_FIELD_NOTES,           PO_FIELD_NOTES },
};

typedef struct
{
  GtkWidget *title;     /* GtkLabel */
  GtkStack  *stack;     /* "edit" and "view" */
  GtkWidget *edit;      /* GtkEntry, GtkTextView or GtkDropDown */
  GtkLabel  *view;
  GtkLabel  *caption;   /* what the rules say about the field */
  gboolean   touched;   /* edited since shown: "missing" is said here too */
} Field;

struct _PoItemEditor
{
  GtkWidget       parent_instance;

  PoDatabase     *database;
  GtkStringList  *department_names;
  GArray         *department_ids;    /* gint64, parallel to the names */
  GtkStringList  *type_names;

  PoItem         *original;          /* as stored */
  PoItem         *item;              /* as shown and edited */
  GPtrArray      *companions;        /* PoFinding: flowchart, benchmark */
  GPtrArray      *findings;          /* PoFinding: po_item_validate() of item */
  GPtrArray      *versions;          /* PoItemVersion */
  guint           loading : 1;
  guint           dirty : 1;
  guint           proposing : 1;

  Field           fields[PO_N_FIELDS];

  /* Template widgets */
  GtkStack       *view_stack;
  GtkLabel       *name_label;
  GtkLabel       *subtitle_label;
  GtkLabel       *status_label;
  GtkLabel       *in_force_label;
  GtkWidget      *banner;
  GtkImage       *banner_icon;
  GtkLabel       *banner_label;
  GtkStack       *section_stack;
  GtkWidget      *completeness_box;
  GtkLabel       *completeness_title;
  GtkLabel       *completeness_description;
  GtkListBox     *completeness_list;
  GtkBox         *form_box;
  GtkLabel       *versions_empty_label;
  GtkListBox     *versions_list;
  GtkWidget      *compare_box;
  GtkDropDown    *compare_from;
  GtkDropDown    *compare_to;
  GtkLabel       *diff_summary;
  GtkListBox     *diff_list;
  GtkWidget      *action_bar;
  GtkWidget      *cancel_proposal_button;
  GtkWidget      *file_change_button;
  GtkWidget      *propose_abolition_button;
  GtkWidget      *propose_change_button;
  GtkWidget      *save_button;
  GtkWidget      *submit_button;
  GtkWidget      *publish_button;
};

G_DEFINE_FINAL_TYPE (PoItemEditor, po_item_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DIRTY,
  PROP_PROPOSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void revalidate (PoItemEditor *self);

/* Helpers */

static const char *
type_label (const char *key)
{
  guint n;
  const PoEnumEntry *types = po_item_types (&n);

  return po_enum_label (types, n, key);
}

/* A field's value as a reader sees it; NULL when it has none. */
static char *
format_value (PoField     field,
              const char *raw)
{
  if (raw == NULL || raw[0] == '\0')
    return NULL;

  if (field == PO_FIELD_TYPE)
    return g_strdup (type_label (raw));

  if (field == PO_FIELD_STATUTORY_LIMIT || field == PO_FIELD_COMMITTED_LIMIT)
    {
      int days = atoi (raw);

      if (days <= 0)
        return NULL;
      /* Translators: a time limit */
      return g_strdup_printf (ngettext ("%d working day", "%d working days", days), days);
    }

  return g_strdup (raw);
}

static void
set_view_text (GtkLabel   *label,
               const char *text)
{
  if (text != NULL && text[0] != '\0')
    {
      gtk_label_set_label (label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      /* Translators: shown for a field that has no value yet */
      gtk_label_set_label (label, _("Not given"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

static void
set_style (GtkWidget  *widget,
           const char *style)
{
  static const char * const styles[] = { "success", "warning", "error", "accent", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (widget, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
}

static const char *
status_style (const char *status)
{
  if (g_strcmp0 (status, "published") == 0)
    return "success";
  if (g_strcmp0 (status, "in-review") == 0 || g_strcmp0 (status, "adjusting") == 0)
    return "warning";
  if (g_strcmp0 (status, "approved") == 0)
    return "accent";
  if (g_strcmp0 (status, "abolished") == 0)
    return "dim-label";
  return NULL;
}

static gboolean
is_editable (PoItemEditor *self)
{
  if (self->item == NULL)
    return FALSE;

  return self->proposing || po_item_status_allows (self->original->status, "edit");
}

static guint
department_position (PoItemEditor *self,
                     gint64        id)
{
  if (self->department_ids == NULL)
    return GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < self->department_ids->len; i++)
    if (g_array_index (self->department_ids, gint64, i) == id)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static char *
dup_text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Working days as typed: empty is unset (0), anything but a plain
 * number is -1, which po_item_validate() refuses as not positive. */
static int
parse_limit (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (copy[0] == '\0')
    return 0;
  for (const char *p = copy; *p; p++)
    if (!g_ascii_isdigit (*p))
      return -1;
  if (strlen (copy) > 6)
    return -1;
  return atoi (copy);
}

/* Reading the form into the working copy */

static void
set_string (char       **slot,
            char        *value)
{
  g_free (*slot);
  *slot = value;
}

static void
read_form (PoItemEditor *self)
{
  PoItem *item = self->item;
  const PoEnumEntry *types;
  guint n_types;
  guint selected;

  types = po_item_types (&n_types);

#define ENTRY_TEXT(f) g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->fields[f].edit)))
#define VIEW_TEXT(f) dup_text_view_text (GTK_TEXT_VIEW (self->fields[f].edit))

  set_string (&item->code, ENTRY_TEXT (PO_FIELD_CODE));
  set_string (&item->name, ENTRY_TEXT (PO_FIELD_NAME));
  set_string (&item->basis_law, ENTRY_TEXT (PO_FIELD_BASIS_LAW));
  set_string (&item->basis_article, ENTRY_TEXT (PO_FIELD_BASIS_ARTICLE));
  set_string (&item->basis_text, VIEW_TEXT (PO_FIELD_BASIS_TEXT));
  set_string (&item->fee_basis, ENTRY_TEXT (PO_FIELD_FEE_BASIS));
  set_string (&item->fee_standard, ENTRY_TEXT (PO_FIELD_FEE_STANDARD));
  set_string (&item->handling_unit, ENTRY_TEXT (PO_FIELD_HANDLING_UNIT));
  set_string (&item->place, ENTRY_TEXT (PO_FIELD_PLACE));
  set_string (&item->phone, ENTRY_TEXT (PO_FIELD_PHONE));
  set_string (&item->supervision_phone, ENTRY_TEXT (PO_FIELD_SUPERVISION_PHONE));
  set_string (&item->notes, VIEW_TEXT (PO_FIELD_NOTES));

#undef ENTRY_TEXT
#undef VIEW_TEXT

  item->statutory_limit = parse_limit (gtk_editable_get_text (GTK_EDITABLE (self->fields[PO_FIELD_STATUTORY_LIMIT].edit)));
  item->committed_limit = parse_limit (gtk_editable_get_text (GTK_EDITABLE (self->fields[PO_FIELD_COMMITTED_LIMIT].edit)));

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->fields[PO_FIELD_TYPE].edit));
  if (selected < n_types)
    set_string (&item->type, g_strdup (types[selected].key));

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->fields[PO_FIELD_DEPARTMENT].edit));
  if (self->department_ids != NULL && selected < self->department_ids->len)
    {
      item->department_id = g_array_index (self->department_ids, gint64, selected);
      set_string (&item->department,
                  g_strdup (gtk_string_list_get_string (self->department_names, selected)));
    }
}

static gboolean
items_differ (const PoItem *a,
              const PoItem *b)
{
  g_autofree char *ja = po_item_to_json (a);
  g_autofree char *jb = po_item_to_json (b);

  return g_strcmp0 (ja, jb) != 0;
}

static void
set_dirty (PoItemEditor *self,
           gboolean      dirty)
{
  dirty = !!dirty;
  if (self->dirty == dirty)
    return;

  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
on_field_changed_cb (PoItemEditor *self,
                     GtkWidget    *widget)
{
  if (self->loading || self->item == NULL)
    return;

  for (guint f = 0; f < PO_N_FIELDS; f++)
    {
      Field *field = &self->fields[f];

      if (field->edit == widget ||
          (GTK_IS_TEXT_VIEW (field->edit) && G_OBJECT (widget) == G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->edit)))))
        field->touched = TRUE;
    }

  read_form (self);
  set_dirty (self, items_differ (self->original, self->item));
  revalidate (self);
}

/* Building the form */

static GtkWidget *
create_edit_widget (PoItemEditor *self,
                    PoField       field)
{
  GtkWidget *widget = NULL;

  switch (field_kinds[field])
    {
    case KIND_ENTRY:
    case KIND_LIMIT:
      widget = gtk_entry_new ();
      gtk_editable_set_enable_undo (GTK_EDITABLE (widget), TRUE);
      gtk_widget_set_hexpand (widget, TRUE);
      if (field_kinds[field] == KIND_LIMIT)
        {
          gtk_entry_set_input_purpose (GTK_ENTRY (widget), GTK_INPUT_PURPOSE_DIGITS);
          /* Translators: the unit after a time-limit entry */
          gtk_entry_set_placeholder_text (GTK_ENTRY (widget), _("Working days"));
          gtk_widget_set_hexpand (widget, FALSE);
          gtk_editable_set_width_chars (GTK_EDITABLE (widget), 12);
        }
      if (field == PO_FIELD_PHONE || field == PO_FIELD_SUPERVISION_PHONE)
        gtk_entry_set_input_purpose (GTK_ENTRY (widget), GTK_INPUT_PURPOSE_PHONE);
      g_signal_connect_object (widget, "changed", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
      break;

    case KIND_TEXT:
      {
        GtkWidget *view = gtk_text_view_new ();
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

        gtk_text_buffer_set_enable_undo (buffer, TRUE);
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
        gtk_widget_set_hexpand (view, TRUE);
        gtk_widget_set_size_request (view, -1, 72);
        g_signal_connect_object (buffer, "changed", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
        widget = view;
      }
      break;

    case KIND_TYPE:
      widget = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->type_names)), NULL);
      gtk_widget_set_hexpand (widget, TRUE);
      g_signal_connect_object (widget, "notify::selected", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
      break;

    case KIND_DEPARTMENT:
      widget = gtk_drop_down_new (NULL, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (widget), TRUE);
      gtk_widget_set_hexpand (widget, TRUE);
      g_signal_connect_object (widget, "notify::selected", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, po_field_label (field),
                                  -1);
  return widget;
}

static void
build_form (PoItemEditor *self)
{
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *heading = gtk_label_new (_(sections[s].title));
      GtkWidget *grid = gtk_grid_new ();
      int row = 0;

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (box), heading);

      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
      gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
      gtk_box_append (GTK_BOX (box), grid);

      for (PoField f = sections[s].first; f <= sections[s].last; f++)
        {
          Field *field = &self->fields[f];
          GtkWidget *edit = create_edit_widget (self, f);
          GtkWidget *view = gtk_label_new (NULL);
          GtkWidget *stack = gtk_stack_new ();
          GtkWidget *caption = gtk_label_new (NULL);
          GtkWidget *title = gtk_label_new (po_field_label (f));

          gtk_label_set_xalign (GTK_LABEL (title), 1.0);
          gtk_label_set_yalign (GTK_LABEL (title), 0.0);
          gtk_label_set_wrap (GTK_LABEL (title), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD);
          gtk_label_set_max_width_chars (GTK_LABEL (title), 10);
          gtk_label_set_width_chars (GTK_LABEL (title), 6);
          gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_RIGHT);
          gtk_widget_set_valign (title, GTK_ALIGN_START);
          gtk_widget_add_css_class (title, "dim-label");

          gtk_label_set_xalign (GTK_LABEL (view), 0.0);
          gtk_label_set_wrap (GTK_LABEL (view), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (view), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_selectable (GTK_LABEL (view), TRUE);
          gtk_widget_set_hexpand (view, TRUE);
          gtk_widget_set_valign (view, GTK_ALIGN_START);
          gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, po_field_label (f),
                                          -1);

          if (GTK_IS_TEXT_VIEW (edit))
            {
              GtkWidget *frame = gtk_frame_new (NULL);

              gtk_frame_set_child (GTK_FRAME (frame), edit);
              gtk_stack_add_named (GTK_STACK (stack), frame, "edit");
            }
          else if (field_kinds[f] == KIND_LIMIT)
            {
              GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

              gtk_widget_set_halign (edit, GTK_ALIGN_START);
              gtk_box_append (GTK_BOX (hbox), edit);
              gtk_stack_add_named (GTK_STACK (stack), hbox, "edit");
            }
          else
            {
              gtk_stack_add_named (GTK_STACK (stack), edit, "edit");
            }
          gtk_stack_add_named (GTK_STACK (stack), view, "view");
          gtk_stack_set_hhomogeneous (GTK_STACK (stack), FALSE);
          gtk_stack_set_vhomogeneous (GTK_STACK (stack), FALSE);
          gtk_widget_set_hexpand (stack, TRUE);

          gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
          gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (caption), PANGO_WRAP_WORD_CHAR);
          gtk_widget_add_css_class (caption, "caption");
          gtk_widget_set_visible (caption, FALSE);
          gtk_widget_set_margin_bottom (caption, 4);

          gtk_grid_attach (GTK_GRID (grid), title, 0, row, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), stack, 1, row, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), caption, 1, row + 1, 1, 1);
          row += 2;

          gtk_label_set_mnemonic_widget (GTK_LABEL (title), edit);

          field->title = title;
          field->stack = GTK_STACK (stack);
          field->edit = edit;
          field->view = GTK_LABEL (view);
          field->caption = GTK_LABEL (caption);
        }

      gtk_box_append (self->form_box, box);
    }
}

static void
set_form_editable (PoItemEditor *self,
                   gboolean      editable)
{
  for (guint f = 0; f < PO_N_FIELDS; f++)
    {
      Field *field = &self->fields[f];

      gtk_stack_set_visible_child_name (field->stack, editable ? "edit" : "view");
      /* Line the title up with the text inside the entry, or with the
       * label beside it. */
      gtk_widget_set_margin_top (field->title, editable ? 8 : 0);
      if (!editable)
        gtk_widget_set_visible (GTK_WIDGET (field->caption), FALSE);
    }
}

static void
fill_form (PoItemEditor *self)
{
  const PoItem *item = self->item;
  const PoEnumEntry *types;
  guint n_types;

  types = po_item_types (&n_types);

  for (guint f = 0; f < PO_N_FIELDS; f++)
    {
      Field *field = &self->fields[f];
      g_autofree char *raw = po_item_get_field (item, (PoField) f);
      g_autofree char *shown = format_value ((PoField) f, raw);

      field->touched = FALSE;
      set_view_text (field->view, shown);

      switch (field_kinds[f])
        {
        case KIND_ENTRY:
        case KIND_LIMIT:
          /* Setting the text is not an edit: it is not undone. */
          gtk_editable_set_text (GTK_EDITABLE (field->edit), raw);
          break;

        case KIND_TEXT:
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->edit)), raw, -1);
          break;

        case KIND_TYPE:
          {
            guint selected = GTK_INVALID_LIST_POSITION;

            for (guint i = 0; i < n_types; i++)
              if (g_strcmp0 (types[i].key, item->type) == 0)
                selected = i;
            gtk_drop_down_set_selected (GTK_DROP_DOWN (field->edit), selected);
          }
          break;

        case KIND_DEPARTMENT:
          gtk_drop_down_set_selected (GTK_DROP_DOWN (field->edit),
                                      department_position (self, item->department_id));
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* Findings */

static GtkWidget *
create_finding_row (const PoFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (finding->missing ? "dialog-warning-symbolic"
                                                                   : "dialog-error-symbolic");

  gtk_widget_add_css_class (icon, finding->missing ? "warning" : "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), po_field_label (finding->field));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), finding->message);
  if (finding->field < PO_N_FIELDS)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  else
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  g_object_set_data (G_OBJECT (row), "po-field", GUINT_TO_POINTER (finding->field));
  return row;
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
update_completeness (PoItemEditor *self)
{
  const char *status = self->original != NULL ? self->original->status : NULL;
  gboolean shown;
  guint count = 0;

  /* What is missing before publication matters until the item is
   * published; afterwards a change is checked when it is filed. */
  shown = !self->proposing &&
          (g_strcmp0 (status, "draft") == 0 ||
           g_strcmp0 (status, "in-review") == 0 ||
           g_strcmp0 (status, "approved") == 0);
  gtk_widget_set_visible (self->completeness_box, shown);
  if (!shown)
    return;

  remove_all_rows (self->completeness_list);
  for (guint i = 0; i < self->findings->len; i++, count++)
    gtk_list_box_append (self->completeness_list, create_finding_row (g_ptr_array_index (self->findings, i)));
  for (guint i = 0; self->companions != NULL && i < self->companions->len; i++, count++)
    gtk_list_box_append (self->completeness_list, create_finding_row (g_ptr_array_index (self->companions, i)));

  if (count == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing is missing"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Every field, the external flowchart and, for a penalty, the discretion benchmark are in place."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->completeness_list, row);
      gtk_label_set_label (self->completeness_title, _("Ready for Publication"));
      gtk_label_set_label (self->completeness_description,
                           _("Once approved by legality review, the item can be published as it stands."));
    }
  else
    {
      g_autofree char *description = NULL;

      gtk_label_set_label (self->completeness_title, _("Missing Before Publication"));
      /* Translators: %u is a number of things missing from a power item */
      description = g_strdup_printf (ngettext ("The item cannot be published until this is put right.",
                                               "The item cannot be published until these %u things are put right.",
                                               count),
                                     count);
      gtk_label_set_label (self->completeness_description, description);
    }
}

static void
update_captions (PoItemEditor *self)
{
  gboolean editable = is_editable (self);
  GString *messages[PO_N_FIELDS] = { NULL };
  gboolean errors[PO_N_FIELDS] = { FALSE };

  for (guint i = 0; i < self->findings->len; i++)
    {
      PoFinding *finding = g_ptr_array_index (self->findings, i);
      PoField f = finding->field;

      if (f >= PO_N_FIELDS)
        continue;
      /* A new draft misses many fields; say so beside a field only once
       * it was edited, and always for a wrong value. The completeness
       * list names them all. */
      if (finding->missing && !self->fields[f].touched && !self->proposing)
        continue;

      if (messages[f] == NULL)
        messages[f] = g_string_new (finding->message);
      else
        g_string_append_printf (messages[f], "\n%s", finding->message);
      errors[f] |= !finding->missing;
    }

  for (guint f = 0; f < PO_N_FIELDS; f++)
    {
      Field *field = &self->fields[f];
      gboolean show = editable && messages[f] != NULL;
      const char *style = errors[f] ? "error" : "warning";

      gtk_label_set_label (field->caption, show ? messages[f]->str : "");
      gtk_widget_set_visible (GTK_WIDGET (field->caption), show);
      set_style (GTK_WIDGET (field->caption), show ? style : NULL);
      gtk_widget_remove_css_class (field->edit, "error");
      gtk_widget_remove_css_class (field->edit, "warning");
      if (show)
        gtk_widget_add_css_class (field->edit, style);

      if (messages[f] != NULL)
        g_string_free (messages[f], TRUE);
    }
}

static void
revalidate (PoItemEditor *self)
{
  g_ptr_array_set_size (self->findings, 0);
  if (self->item == NULL)
    return;

  po_item_validate (self->item, self->findings);
  update_captions (self);
  update_completeness (self);
}

/* Header, banner and buttons */

static const PoItemVersion *
find_version (PoItemEditor *self,
              int           version)
{
  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      const PoItemVersion *v = g_ptr_array_index (self->versions, i);

      if (v->version == version)
        return v;
    }

  return NULL;
}

static void
update_header (PoItemEditor *self)
{
  const PoItem *item = self->original;
  const PoItemVersion *in_force = find_version (self, item->published_version);
  g_autofree char *subtitle = NULL;
  g_autofree char *in_force_text = NULL;
  guint n;
  const PoEnumEntry *statuses = po_item_statuses (&n);

  gtk_label_set_label (self->name_label, item->name);
  subtitle = g_strdup_printf ("%s · %s · %s", item->code, type_label (item->type), item->department);
  gtk_label_set_label (self->subtitle_label, subtitle);

  gtk_label_set_label (self->status_label, po_enum_label (statuses, n, item->status));
  set_style (GTK_WIDGET (self->status_label), status_style (item->status));

  if (in_force != NULL &&
      (g_str_equal (item->status, "published") || g_str_equal (item->status, "adjusting")))
    /* Translators: a version number and the day it was published */
    in_force_text = g_strdup_printf (_("In force: version %d, published on %s"),
                                     in_force->version, in_force->published_on);
  else if (in_force != NULL)
    in_force_text = g_strdup_printf (_("Last published: version %d, on %s"),
                                     in_force->version, in_force->published_on);
  else
    in_force_text = g_strdup (_("Never published"));
  gtk_label_set_label (self->in_force_label, in_force_text);
}

static void
update_banner (PoItemEditor *self)
{
  const char *status = self->original->status;
  const char *text = NULL;
  const char *icon = "dialog-information-symbolic";

  if (self->proposing)
    {
      text = _("Proposing a change. Edit the fields to change, then file the change for legality review. "
               "The published version stays in force until the review is decided.");
      icon = "document-edit-symbolic";
    }
  else if (g_str_equal (status, "in-review"))
    text = _("Under legality review. The draft cannot be edited until the legal office has decided.");
  else if (g_str_equal (status, "approved"))
    text = _("Approved by legality review. Publish it to put it in force.");
  else if (g_str_equal (status, "adjusting"))
    {
      text = _("A change to this item is under legality review. "
               "The published version shown here stays in force until the review is decided.");
      icon = "dialog-warning-symbolic";
    }
  else if (g_str_equal (status, "abolished"))
    text = _("Abolished. The item and every published version are kept for the record.");

  gtk_widget_set_visible (self->banner, text != NULL);
  if (text != NULL)
    {
      gtk_label_set_label (self->banner_label, text);
      gtk_image_set_from_icon_name (self->banner_icon, icon);
    }
}

static void
update_buttons (PoItemEditor *self)
{
  const char *status = self->original != NULL ? self->original->status : NULL;
  gboolean proposing = self->proposing;
  gboolean any;

  gtk_widget_set_visible (self->save_button, !proposing && po_item_status_allows (status, "edit"));
  gtk_widget_set_visible (self->submit_button, !proposing && po_item_status_allows (status, "submit"));
  gtk_widget_set_visible (self->publish_button, !proposing && po_item_status_allows (status, "publish"));
  gtk_widget_set_visible (self->propose_change_button, !proposing && po_item_status_allows (status, "adjust"));
  gtk_widget_set_visible (self->propose_abolition_button, !proposing && po_item_status_allows (status, "adjust"));
  gtk_widget_set_visible (self->cancel_proposal_button, proposing);
  gtk_widget_set_visible (self->file_change_button, proposing);

  any = proposing ||
        po_item_status_allows (status, "edit") ||
        po_item_status_allows (status, "submit") ||
        po_item_status_allows (status, "publish") ||
        po_item_status_allows (status, "adjust");
  gtk_widget_set_visible (self->action_bar, any);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.begin-proposal",
                                 !proposing && po_item_status_allows (status, "adjust"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel-proposal", proposing);
}

/* History */

static GtkWidget *
create_value_label (PoField     field,
                    const char *raw,
                    gboolean    before)
{
  g_autofree char *shown = format_value (field, raw);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  set_view_text (GTK_LABEL (label), shown);
  if (before && shown != NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
      gtk_widget_add_css_class (label, "dim-label");
    }
  return label;
}

static GtkWidget *
create_change_row (const PoFieldChange *change,
                   gboolean             first_publication)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title = gtk_label_new (po_field_label (change->field));
  int r = 1;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_grid_attach (GTK_GRID (grid), title, 0, 0, 2, 1);

  if (!first_publication)
    {
      GtkWidget *before = gtk_label_new (_("Before"));

      gtk_label_set_xalign (GTK_LABEL (before), 0);
      gtk_widget_set_valign (before, GTK_ALIGN_START);
      gtk_widget_add_css_class (before, "dim-label");
      gtk_widget_add_css_class (before, "caption");
      gtk_grid_attach (GTK_GRID (grid), before, 0, r, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), create_value_label (change->field, change->before, TRUE), 1, r, 1, 1);
      r++;
    }

  {
    GtkWidget *after = gtk_label_new (first_publication ? _("Published") : _("After"));

    gtk_label_set_xalign (GTK_LABEL (after), 0);
    gtk_widget_set_valign (after, GTK_ALIGN_START);
    gtk_widget_add_css_class (after, "dim-label");
    gtk_widget_add_css_class (after, "caption");
    gtk_grid_attach (GTK_GRID (grid), after, 0, r, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), create_value_label (change->field, change->after, FALSE), 1, r, 1, 1);
  }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  return row;
}

static void
show_diff (PoItemEditor        *self,
           const PoItemVersion *from,
           const PoItemVersion *to)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *summary = NULL;

  remove_all_rows (self->diff_list);
  gtk_widget_set_visible (GTK_WIDGET (self->diff_list), FALSE);

  if (to == NULL || self->database == NULL)
    {
      gtk_label_set_label (self->diff_summary, "");
      gtk_widget_set_visible (GTK_WIDGET (self->diff_summary), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->diff_summary), TRUE);
  if (from == to)
    {
      gtk_label_set_label (self->diff_summary, _("Choose two different versions to see what changed."));
      return;
    }

  changes = po_item_diff (self->database, from ? from->content : NULL, to->content);
  if (from == NULL)
    /* Translators: a version number and its publication day */
    summary = g_strdup_printf (_("Version %d as first published on %s:"), to->version, to->published_on);
  else if (changes->len == 0)
    summary = g_strdup_printf (_("Versions %d and %d have the same public fields."), from->version, to->version);
  else
    /* Translators: the first %u is a number of fields; then two version numbers */
    summary = g_strdup_printf (ngettext ("%u field changed from version %d to version %d:",
                                         "%u fields changed from version %d to version %d:",
                                         changes->len),
                               changes->len, from->version, to->version);
  gtk_label_set_label (self->diff_summary, summary);

  for (guint i = 0; i < changes->len; i++)
    gtk_list_box_append (self->diff_list, create_change_row (g_ptr_array_index (changes, i), from == NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->diff_list), changes->len > 0);
}

static void
on_compare_changed_cb (PoItemEditor *self)
{
  guint from = gtk_drop_down_get_selected (self->compare_from);
  guint to = gtk_drop_down_get_selected (self->compare_to);

  if (self->loading || self->versions == NULL)
    return;
  if (from >= self->versions->len || to >= self->versions->len)
    return;

  /* Whichever way round they are chosen, show old → new. */
  if (from > to)
    {
      guint tmp = from;

      from = to;
      to = tmp;
    }
  show_diff (self, g_ptr_array_index (self->versions, from), g_ptr_array_index (self->versions, to));
}

static void
fill_history (PoItemEditor *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  guint n = self->versions != NULL ? self->versions->len : 0;
  int in_force = -1;

  if (self->original != NULL &&
      (g_str_equal (self->original->status, "published") || g_str_equal (self->original->status, "adjusting")))
    in_force = self->original->published_version;

  remove_all_rows (self->versions_list);
  gtk_widget_set_visible (GTK_WIDGET (self->versions_empty_label), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->versions_list), n > 0);
  gtk_widget_set_visible (self->compare_box, n > 1);

  /* Newest first in the list; oldest first in the choosers. */
  for (guint i = n; i-- > 0;)
    {
      const PoItemVersion *v = g_ptr_array_index (self->versions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Version %d"), v->version);
      g_autofree char *subtitle = g_strdup_printf (_("Published on %s"), v->published_on);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (v->version == in_force)
        {
          GtkWidget *badge = gtk_label_new (_("In force"));

          gtk_widget_add_css_class (badge, "success");
          gtk_widget_add_css_class (badge, "caption-heading");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
        }
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->versions_list, row);
    }

  for (guint i = 0; i < n; i++)
    {
      const PoItemVersion *v = g_ptr_array_index (self->versions, i);
      /* Translators: a version number and its publication day */
      g_autofree char *choice = g_strdup_printf (_("Version %d (%s)"), v->version, v->published_on);

      gtk_string_list_append (choices, choice);
    }

  self->loading = TRUE;
  gtk_drop_down_set_model (self->compare_from, G_LIST_MODEL (choices));
  gtk_drop_down_set_model (self->compare_to, G_LIST_MODEL (choices));
  if (n > 1)
    {
      gtk_drop_down_set_selected (self->compare_from, n - 2);
      gtk_drop_down_set_selected (self->compare_to, n - 1);
    }
  self->loading = FALSE;

  if (n == 0)
    show_diff (self, NULL, NULL);
  else if (n == 1)
    show_diff (self, NULL, g_ptr_array_index (self->versions, 0));
  else
    show_diff (self, g_ptr_array_index (self->versions, n - 2), g_ptr_array_index (self->versions, n - 1));
}

/* Loading an item */

static void
load_companions_and_versions (PoItemEditor *self)
{
  g_autoptr(GPtrArray) all = po_findings_new ();
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->companions, g_ptr_array_unref);
  g_clear_pointer (&self->versions, g_ptr_array_unref);

  if (self->database == NULL || self->original->id <= 0)
    return;

  /* One indexed look-up each, on the main thread's connection. */
  if (po_item_completeness (self->database, self->original, all, &error))
    {
      self->companions = po_findings_new ();
      for (guint i = 0; i < all->len; i++)
        {
          PoFinding *finding = g_ptr_array_index (all, i);

          if (finding->field >= PO_N_FIELDS)
            {
              PoFinding *copy = g_new0 (PoFinding, 1);

              *copy = *finding;
              copy->message = g_strdup (finding->message);
              g_ptr_array_add (self->companions, copy);
            }
        }
    }
  else
    {
      g_warning ("Could not check the companions of %s: %s", self->original->code, error->message);
      g_clear_error (&error);
    }

  self->versions = po_item_versions (self->database, self->original->id, &error);
  if (self->versions == NULL)
    g_warning ("Could not read the versions of %s: %s", self->original->code, error->message);
}

static void
refresh (PoItemEditor *self)
{
  gboolean editable = is_editable (self);

  set_form_editable (self, editable);
  update_header (self);
  update_banner (self);
  update_buttons (self);
  revalidate (self);
}

/**
 * po_item_editor_set_item:
 * @item: (nullable): the item as stored, copied; %NULL shows none
 *
 * Shows @item, forgetting any edits of the item shown before.
 */
void
po_item_editor_set_item (PoItemEditor *self,
                         const PoItem *item)
{
  g_return_if_fail (PO_IS_ITEM_EDITOR (self));

  g_clear_pointer (&self->original, po_item_free);
  g_clear_pointer (&self->item, po_item_free);
  if (self->proposing)
    {
      self->proposing = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROPOSING]);
    }

  if (item == NULL)
    {
      g_clear_pointer (&self->companions, g_ptr_array_unref);
      g_clear_pointer (&self->versions, g_ptr_array_unref);
      g_ptr_array_set_size (self->findings, 0);
      gtk_stack_set_visible_child_name (self->view_stack, "empty");
      update_buttons (self);
      set_dirty (self, FALSE);
      return;
    }

  self->original = po_item_copy (item);
  self->item = po_item_copy (item);
  load_companions_and_versions (self);

  self->loading = TRUE;
  fill_form (self);
  self->loading = FALSE;
  fill_history (self);

  set_dirty (self, FALSE);
  refresh (self);
  gtk_stack_set_visible_child_name (self->view_stack, "item");
}

/* Proposals */

void
po_item_editor_begin_proposal (PoItemEditor *self)
{
  g_return_if_fail (PO_IS_ITEM_EDITOR (self));

  if (self->original == NULL || self->proposing ||
      !po_item_status_allows (self->original->status, "adjust"))
    return;

  self->proposing = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROPOSING]);
  gtk_stack_set_visible_child_name (self->section_stack, "details");
  refresh (self);
  po_item_editor_focus_first (self);
}

/**
 * po_item_editor_end_proposal:
 *
 * Leaves the proposal, putting back the fields in force.
 */
void
po_item_editor_end_proposal (PoItemEditor *self)
{
  g_autoptr(PoItem) original = NULL;

  g_return_if_fail (PO_IS_ITEM_EDITOR (self));

  if (!self->proposing)
    return;

  original = po_item_copy (self->original);
  po_item_editor_set_item (self, original);
}

static void
begin_proposal_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  po_item_editor_begin_proposal (PO_ITEM_EDITOR (widget));
}

static void
cancel_proposal_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  po_item_editor_end_proposal (PO_ITEM_EDITOR (widget));
}

static void
on_completeness_row_activated_cb (PoItemEditor  *self,
                                  GtkListBoxRow *row,
                                  GtkListBox    *list)
{
  PoField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "po-field"));

  if (field < PO_N_FIELDS)
    po_item_editor_focus_field (self, field);
}

/* GtkWidget */

/* Beside the list or over it, the editor keeps one width whatever it
 * shows: long values wrap rather than widen it, and switching between
 * the details and the history does not make it jump. */
#define NATURAL_WIDTH 440

static void
po_item_editor_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child == NULL)
    return;

  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, NATURAL_WIDTH));
}

static void
po_item_editor_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/* GObject */

static void
po_item_editor_dispose (GObject *object)
{
  PoItemEditor *self = (PoItemEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PO_TYPE_ITEM_EDITOR);

  G_OBJECT_CLASS (po_item_editor_parent_class)->dispose (object);
}

static void
po_item_editor_finalize (GObject *object)
{
  PoItemEditor *self = (PoItemEditor *)object;

  g_clear_object (&self->database);
  g_clear_object (&self->department_names);
  g_clear_pointer (&self->department_ids, g_array_unref);
  g_clear_object (&self->type_names);
  g_clear_pointer (&self->original, po_item_free);
  g_clear_pointer (&self->item, po_item_free);
  g_clear_pointer (&self->companions, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->versions, g_ptr_array_unref);

  G_OBJECT_CLASS (po_item_editor_parent_class)->finalize (object);
}

static void
po_item_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PoItemEditor *self = PO_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_PROPOSING:
      g_value_set_boolean (value, self->proposing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_item_editor_class_init (PoItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = po_item_editor_dispose;
  object_class->finalize = po_item_editor_finalize;
  object_class->get_property = po_item_editor_get_property;

  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PROPOSING] =
    g_param_spec_boolean ("proposing", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = po_item_editor_measure;
  widget_class->size_allocate = po_item_editor_size_allocate;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/poweroversight/PowerOversight/po-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, name_label);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, in_force_label);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, banner);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, section_stack);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, completeness_box);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, completeness_title);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, completeness_description);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, completeness_list);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, versions_empty_label);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, versions_list);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, compare_box);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, compare_from);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, compare_to);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, diff_summary);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, diff_list);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, action_bar);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, cancel_proposal_button);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, file_change_button);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, propose_abolition_button);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, propose_change_button);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, submit_button);
  gtk_widget_class_bind_template_child (widget_class, PoItemEditor, publish_button);
  gtk_widget_class_bind_template_callback (widget_class, on_completeness_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.begin-proposal", NULL, begin_proposal_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel-proposal", NULL, cancel_proposal_action);
}

static void
po_item_editor_init (PoItemEditor *self)
{
  const PoEnumEntry *types;
  guint n_types;

  self->findings = po_findings_new ();
  self->type_names = gtk_string_list_new (NULL);
  types = po_item_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    gtk_string_list_append (self->type_names, po_enum_label (types, n_types, types[i].key));

  gtk_widget_init_template (GTK_WIDGET (self));
  build_form (self);
  update_buttons (self);
}

/**
 * po_item_editor_new:
 *
 * Returns: (transfer floating): a new editor showing no item
 */
GtkWidget *
po_item_editor_new (void)
{
  return g_object_new (PO_TYPE_ITEM_EDITOR, NULL);
}

/**
 * po_item_editor_set_database:
 * @database: the main thread's connection, for the companions of an
 *   item and its versions
 */
void
po_item_editor_set_database (PoItemEditor *self,
                             PoDatabase   *database)
{
  g_return_if_fail (PO_IS_ITEM_EDITOR (self));
  g_return_if_fail (!database || PO_IS_DATABASE (database));

  g_set_object (&self->database, database);
}

/**
 * po_item_editor_set_departments:
 * @names: the departments' names, in the order to offer them
 * @ids: (element-type gint64): their ids, in the same order
 */
void
po_item_editor_set_departments (PoItemEditor  *self,
                                GtkStringList *names,
                                GArray        *ids)
{
  GtkDropDown *dropdown;

  g_return_if_fail (PO_IS_ITEM_EDITOR (self));
  g_return_if_fail (GTK_IS_STRING_LIST (names));
  g_return_if_fail (ids != NULL);

  g_set_object (&self->department_names, names);
  g_clear_pointer (&self->department_ids, g_array_unref);
  self->department_ids = g_array_ref (ids);

  dropdown = GTK_DROP_DOWN (self->fields[PO_FIELD_DEPARTMENT].edit);
  self->loading = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown,
                              self->item != NULL ? department_position (self, self->item->department_id)
                                                 : GTK_INVALID_LIST_POSITION);
  self->loading = FALSE;
}

/**
 * po_item_editor_get_item:
 *
 * Returns: (transfer none) (nullable): the item as edited
 */
const PoItem *
po_item_editor_get_item (PoItemEditor *self)
{
  g_return_val_if_fail (PO_IS_ITEM_EDITOR (self), NULL);

  return self->item;
}

/**
 * po_item_editor_get_original:
 *
 * Returns: (transfer none) (nullable): the item as stored
 */
const PoItem *
po_item_editor_get_original (PoItemEditor *self)
{
  g_return_val_if_fail (PO_IS_ITEM_EDITOR (self), NULL);

  return self->original;
}

gboolean
po_item_editor_get_dirty (PoItemEditor *self)
{
  g_return_val_if_fail (PO_IS_ITEM_EDITOR (self), FALSE);

  return self->dirty;
}

gboolean
po_item_editor_get_proposing (PoItemEditor *self)
{
  g_return_val_if_fail (PO_IS_ITEM_EDITOR (self), FALSE);

  return self->proposing;
}

/**
 * po_item_editor_dup_changes_json:
 *
 * Returns: (transfer full) (nullable): a JSON object of the fields that
 *   differ from the stored item, in the keys of po_item_to_json(), or
 *   %NULL when nothing differs
 */
char *
po_item_editor_dup_changes_json (PoItemEditor *self)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  GString *out;

  g_return_val_if_fail (PO_IS_ITEM_EDITOR (self), NULL);

  if (self->item == NULL || self->database == NULL)
    return NULL;

  before = po_item_to_json (self->original);
  after = po_item_to_json (self->item);
  changes = po_item_diff (self->database, before, after);
  if (changes->len == 0)
    return NULL;

  out = g_string_new ("{");
  for (guint i = 0; i < changes->len; i++)
    {
      PoFieldChange *change = g_ptr_array_index (changes, i);

      if (i > 0)
        g_string_append (out, ", ");
      po_json_append_string (out, po_field_key (change->field));
      g_string_append (out, ": ");
      if (change->field == PO_FIELD_STATUTORY_LIMIT || change->field == PO_FIELD_COMMITTED_LIMIT)
        g_string_append (out, change->after[0] != '\0' ? change->after : "null");
      else
        po_json_append_string (out, change->after);
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/**
 * po_item_editor_dup_changes_summary:
 *
 * Returns: (transfer full) (nullable): one line per changed field, "Label:
 *   before → after", or %NULL when nothing differs
 */
char *
po_item_editor_dup_changes_summary (PoItemEditor *self)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  GString *out;

  g_return_val_if_fail (PO_IS_ITEM_EDITOR (self), NULL);

  if (self->item == NULL || self->database == NULL)
    return NULL;

  before = po_item_to_json (self->original);
  after = po_item_to_json (self->item);
  changes = po_item_diff (self->database, before, after);
  if (changes->len == 0)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < changes->len; i++)
    {
      PoFieldChange *change = g_ptr_array_index (changes, i);
      g_autofree char *from = format_value (change->field, change->before);
      g_autofree char *to = format_value (change->field, change->after);

      if (i > 0)
        g_string_append_c (out, '\n');
      /* Translators: a field, its value in force and its proposed value */
      g_string_append_printf (out, _("%s: %s → %s"), po_field_label (change->field),
                              from ? from : _("Not given"), to ? to : _("Not given"));
    }
  return g_string_free (out, FALSE);
}

/**
 * po_item_editor_get_findings:
 *
 * Returns: (transfer none) (element-type PoFinding): what
 *   po_item_validate() says of the item as edited
 */
GPtrArray *
po_item_editor_get_findings (PoItemEditor *self)
{
  g_return_val_if_fail (PO_IS_ITEM_EDITOR (self), NULL);

  return self->findings;
}

/**
 * po_item_editor_get_in_force_version:
 * @published_on: (out) (optional) (transfer none): the day it was published
 *
 * Returns: the number of the version last published, or 0
 */
int
po_item_editor_get_in_force_version (PoItemEditor  *self,
                                     const char   **published_on)
{
  const PoItemVersion *v;

  g_return_val_if_fail (PO_IS_ITEM_EDITOR (self), 0);

  if (published_on != NULL)
    *published_on = NULL;
  if (self->original == NULL)
    return 0;

  v = find_version (self, self->original->published_version);
  if (v == NULL)
    return 0;
  if (published_on != NULL)
    *published_on = v->published_on;
  return v->version;
}

/**
 * po_item_editor_focus_field:
 *
 * Shows the details and puts the keyboard focus on @field.
 */
void
po_item_editor_focus_field (PoItemEditor *self,
                            PoField       field)
{
  Field *f;

  g_return_if_fail (PO_IS_ITEM_EDITOR (self));
  g_return_if_fail (field < PO_N_FIELDS);

  f = &self->fields[field];
  gtk_stack_set_visible_child_name (self->section_stack, "details");
  if (is_editable (self))
    gtk_widget_grab_focus (f->edit);
  else
    gtk_widget_grab_focus (GTK_WIDGET (f->view));
}

/**
 * po_item_editor_focus_first:
 *
 * Puts the keyboard focus where reading or editing the item starts.
 */
void
po_item_editor_focus_first (PoItemEditor *self)
{
  g_return_if_fail (PO_IS_ITEM_EDITOR (self));

  if (self->item == NULL)
    return;

  if (is_editable (self))
    po_item_editor_focus_field (self, PO_FIELD_CODE);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->name_label));
}

/**
 * po_item_editor_get_field_widget:
 *
 * Returns: (transfer none): the widget that edits @field
 */
GtkWidget *
po_item_editor_get_field_widget (PoItemEditor *self,
                                 PoField       field)
{
  g_return_val_if_fail (PO_IS_ITEM_EDITOR (self), NULL);
  g_return_val_if_fail (field < PO_N_FIELDS, NULL);

  return self->fields[field].edit;
}

/**
 * po_item_editor_get_field_caption:
 *
 * Returns: (transfer none): the label that says what is wrong with @field
 */
GtkLabel *
po_item_editor_get_field_caption (PoItemEditor *self,
                                  PoField       field)
{
  g_return_val_if_fail (PO_IS_ITEM_EDITOR (self), NULL);
  g_return_val_if_fail (field < PO_N_FIELDS, NULL);

  return self->fields[field].caption;
}

/**
 * po_item_editor_get_action_button:
 * @action: "save", "submit", "publish", "propose-change",
 *   "propose-abolition", "cancel-proposal" or "file-change"
 *
 * Returns: (transfer none) (nullable): the button for @action
 */
GtkWidget *
po_item_editor_get_action_button (PoItemEditor *self,
                                  const char   *action)
{
  g_return_val_if_fail (PO_IS_ITEM_EDITOR (self), NULL);

  if (g_strcmp0 (action, "save") == 0)
    return self->save_button;
  if (g_strcmp0 (action, "submit") == 0)
    return self->submit_button;
  if (g_strcmp0 (action, "publish") == 0)
    return self->publish_button;
  if (g_strcmp0 (action, "propose-change") == 0)
    return self->propose_change_button;
  if (g_strcmp0 (action, "propose-abolition") == 0)
    return self->propose_abolition_button;
  if (g_strcmp0 (action, "cancel-proposal") == 0)
    return self->cancel_proposal_button;
  if (g_strcmp0 (action, "file-change") == 0)
    return self->file_change_button;
  return NULL;
}

void
po_item_editor_show_history (PoItemEditor *self)
{
  g_return_if_fail (PO_IS_ITEM_EDITOR (self));

  gtk_stack_set_visible_child_name (self->section_stack, "history");
}

/**
 * po_item_editor_get_diff_list:
 *
 * Returns: (transfer none): the list of changed fields, one row each
 */
GtkListBox *
po_item_editor_get_diff_list (PoItemEditor *self)
{
  g_return_val_if_fail (PO_IS_ITEM_EDITOR (self), NULL);

  return self->diff_list;
}
