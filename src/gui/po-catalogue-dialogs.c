/* po-catalogue-dialogs.c: the questions the catalogue asks before a write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-catalogue-dialogs"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "po-catalogue-dialogs.h"
#include "po-domain.h"

/* Each dialog is an AdwMessageDialog with a small form as its extra
 * child, run as a GTask: the answer, or G_IO_ERROR_CANCELLED when the
 * user declines. The answering button stays insensitive until the form
 * holds what the core will accept (dates it can read, the text it
 * needs), so the user is told before anything is written. Entries carry
 * widget names ("code", "legal-basis", …) so that tests find them. */

typedef struct
{
  AdwMessageDialog *dialog;
  const char       *response;     /* the one that answers */

  /* New item */
  GtkStringList    *names;
  GArray           *ids;
  AdwComboRow      *department_row;
  AdwComboRow      *type_row;
  GtkEditable      *code_row;
  GtkEditable      *name_row;

  /* Filing */
  GtkEditable      *basis_row;
  GtkEditable      *effective_row;
  GtkEditable      *filed_row;
  GtkLabel         *error_label;
} DialogData;

static void
dialog_data_free (DialogData *data)
{
  g_clear_object (&data->names);
  g_clear_pointer (&data->ids, g_array_unref);
  g_free (data);
}

void
po_filing_answer_free (PoFilingAnswer *answer)
{
  if (answer == NULL)
    return;

  g_free (answer->legal_basis);
  g_free (answer);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return copy[0] == '\0';
}

static GtkWidget *
create_entry_row (const char *title,
                  const char *name,
                  const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_name (row, name);
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), TRUE);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  return row;
}

static GtkWidget *
create_form (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWindow *
present_dialog (AdwMessageDialog *dialog,
                GtkWindow        *parent)
{
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* New item */

static void
update_new_item_response (DialogData *data)
{
  gboolean ready;

  ready = adw_combo_row_get_selected (data->department_row) != GTK_INVALID_LIST_POSITION &&
          adw_combo_row_get_selected (data->type_row) != GTK_INVALID_LIST_POSITION &&
          !is_blank (gtk_editable_get_text (data->code_row)) &&
          !is_blank (gtk_editable_get_text (data->name_row));
  adw_message_dialog_set_response_enabled (data->dialog, data->response, ready);
}

static void
on_new_item_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         GTask            *task)
{
  DialogData *data = g_task_get_task_data (task);
  g_autoptr(PoItem) item = NULL;
  const PoEnumEntry *types;
  guint n_types;
  guint department;
  guint type;

  if (g_strcmp0 (response, data->response) != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("No item was created"));
      g_object_unref (task);
      return;
    }

  types = po_item_types (&n_types);
  department = adw_combo_row_get_selected (data->department_row);
  type = adw_combo_row_get_selected (data->type_row);

  item = po_item_new ();
  g_free (item->code);
  item->code = g_strstrip (g_strdup (gtk_editable_get_text (data->code_row)));
  g_free (item->name);
  item->name = g_strstrip (g_strdup (gtk_editable_get_text (data->name_row)));
  g_free (item->type);
  item->type = g_strdup (types[MIN (type, n_types - 1)].key);
  if (department < data->ids->len)
    {
      item->department_id = g_array_index (data->ids, gint64, department);
      g_free (item->department);
      item->department = g_strdup (gtk_string_list_get_string (data->names, department));
    }

  g_task_return_pointer (task, g_steal_pointer (&item), (GDestroyNotify) po_item_free);
  g_object_unref (task);
}

/**
 * po_new_item_dialog_run_async:
 * @parent: (nullable): the window to stay above
 * @department_names: the departments to choose the implementing body from
 * @department_ids: (element-type gint64): their ids
 *
 * Asks for what a new draft needs first: implementing body, code, name
 * and type.
 */
void
po_new_item_dialog_run_async (GtkWindow           *parent,
                              GtkStringList       *department_names,
                              GArray              *department_ids,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GtkStringList) types_list = gtk_string_list_new (NULL);
  DialogData *data = g_new0 (DialogData, 1);
  GTask *task;
  GtkWidget *form;
  GtkWidget *row;
  const PoEnumEntry *types;
  guint n_types;

  g_return_if_fail (GTK_IS_STRING_LIST (department_names));
  g_return_if_fail (department_ids != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, po_new_item_dialog_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) dialog_data_free);

  data->names = g_object_ref (department_names);
  data->ids = g_array_ref (department_ids);
  data->response = "create";
  data->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("New Power Item"), NULL));
  adw_message_dialog_set_body (data->dialog,
                               _("The item starts as a draft. Fill in the other fields afterwards, then submit it for legality review."));

  form = create_form ();

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Implementing _body"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (department_names));
  gtk_widget_set_name (row, "department");
  data->department_row = ADW_COMBO_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (form), row);

  row = create_entry_row (_("_Code"), "code", NULL);
  data->code_row = GTK_EDITABLE (row);
  gtk_list_box_append (GTK_LIST_BOX (form), row);

  row = create_entry_row (_("_Name"), "name", NULL);
  data->name_row = GTK_EDITABLE (row);
  gtk_list_box_append (GTK_LIST_BOX (form), row);

  types = po_item_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    gtk_string_list_append (types_list, po_enum_label (types, n_types, types[i].key));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Type"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (types_list));
  gtk_widget_set_name (row, "type");
  data->type_row = ADW_COMBO_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (form), row);

  adw_message_dialog_set_extra_child (data->dialog, form);
  adw_message_dialog_add_responses (data->dialog,
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate Draft"),
                                    NULL);
  adw_message_dialog_set_response_appearance (data->dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (data->dialog, "create");
  adw_message_dialog_set_close_response (data->dialog, "cancel");

  g_signal_connect_swapped (data->department_row, "notify::selected", G_CALLBACK (update_new_item_response), data);
  g_signal_connect_swapped (data->type_row, "notify::selected", G_CALLBACK (update_new_item_response), data);
  g_signal_connect_swapped (data->code_row, "changed", G_CALLBACK (update_new_item_response), data);
  g_signal_connect_swapped (data->name_row, "changed", G_CALLBACK (update_new_item_response), data);
  g_signal_connect (data->dialog, "response", G_CALLBACK (on_new_item_response_cb), task);
  update_new_item_response (data);

  present_dialog (data->dialog, parent);
  gtk_widget_grab_focus (GTK_WIDGET (data->code_row));
}

/**
 * po_new_item_dialog_run_finish:
 *
 * Returns: (transfer full): the new draft, not yet stored, or %NULL with
 *   @error set (%G_IO_ERROR_CANCELLED when declined)
 */
PoItem *
po_new_item_dialog_run_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == po_new_item_dialog_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Filing for legality review */

static gboolean
read_filing (DialogData      *data,
             PoFilingAnswer  *answer,
             GError         **error)
{
  const char *basis = gtk_editable_get_text (data->basis_row);
  const char *effective = gtk_editable_get_text (data->effective_row);
  const char *filed = gtk_editable_get_text (data->filed_row);
  g_autofree char *effective_text = g_strstrip (g_strdup (effective));
  g_autofree char *filed_text = g_strstrip (g_strdup (filed));

  if (effective_text[0] != '\0')
    {
      answer->effective_on = po_date_parse (effective_text, error);
      if (answer->effective_on == PO_DATE_INVALID)
        return FALSE;
    }
  else
    {
      answer->effective_on = PO_DATE_INVALID;
    }

  answer->filed_on = po_date_parse (filed_text, error);
  if (answer->filed_on == PO_DATE_INVALID)
    return FALSE;

  if (is_blank (basis))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Give the legal basis of the request."));
      return FALSE;
    }

  answer->legal_basis = g_strstrip (g_strdup (basis));
  return TRUE;
}

static void
update_filing_response (DialogData *data)
{
  PoFilingAnswer answer = { NULL, PO_DATE_INVALID, PO_DATE_INVALID };
  g_autoptr(GError) error = NULL;
  gboolean ready = read_filing (data, &answer, &error);

  g_free (answer.legal_basis);
  adw_message_dialog_set_response_enabled (data->dialog, data->response, ready);

  /* A blank legal basis needs no scolding: the button says enough
   * until something was typed that cannot be read. */
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
    {
      gtk_label_set_label (data->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (data->error_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (data->error_label), FALSE);
    }
}

static void
on_filing_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GTask            *task)
{
  DialogData *data = g_task_get_task_data (task);
  g_autoptr(PoFilingAnswer) answer = g_new0 (PoFilingAnswer, 1);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, data->response) != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Nothing was filed"));
      g_object_unref (task);
      return;
    }

  if (!read_filing (data, answer, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&answer), (GDestroyNotify) po_filing_answer_free);
  g_object_unref (task);
}

/**
 * po_filing_dialog_run_async:
 * @parent: (nullable): the window to stay above
 * @kind: "create", "modify" or "abolish"
 * @item: the item concerned
 * @changes: (nullable): for "modify", the changes in words, one a line
 *
 * Asks for what a review request carries besides the proposal: its legal
 * basis, the day the law change takes effect (if any) and the filing day.
 */
void
po_filing_dialog_run_async (GtkWindow           *parent,
                            const char          *kind,
                            const PoItem        *item,
                            const char          *changes,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  DialogData *data = g_new0 (DialogData, 1);
  g_autofree char *body = NULL;
  g_autofree char *today = po_date_format (po_date_today ());
  g_autofree char *basis = NULL;
  const char *heading;
  const char *answer_label;
  GtkWidget *box;
  GtkWidget *form;
  GtkWidget *row;
  GtkWidget *label;
  GTask *task;

  g_return_if_fail (kind != NULL);
  g_return_if_fail (item != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, po_filing_dialog_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) dialog_data_free);

  if (g_str_equal (kind, "create"))
    {
      heading = _("Submit for Legality Review?");
      /* Translators: %s is the name of a power item */
      body = g_strdup_printf (_("“%s” goes to the legal office, which replies within 10 working days of receipt. "
                                "The draft cannot be edited while it is under review."),
                              item->name);
      answer_label = _("_Submit");
      if (!is_blank (item->basis_law))
        basis = g_strdup_printf ("《%s》%s", item->basis_law, item->basis_article);
    }
  else if (g_str_equal (kind, "modify"))
    {
      heading = _("File the Change for Legality Review?");
      /* Translators: %s is the name of a power item, then the changes, one a line */
      body = g_strdup_printf (_("The proposed change to “%s”:\n\n%s\n\n"
                                "The published version stays in force until the legal office has decided."),
                              item->name, changes != NULL ? changes : "");
      answer_label = _("_File Change");
    }
  else
    {
      heading = _("Propose the Abolition?");
      /* Translators: %s is the name of a power item */
      body = g_strdup_printf (_("The abolition of “%s” goes to legality review. "
                                "The item stays in force until the legal office has decided."),
                              item->name);
      answer_label = _("_Propose Abolition");
    }

  data->response = "file";
  data->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, NULL));
  adw_message_dialog_set_body (data->dialog, body);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  form = create_form ();

  row = create_entry_row (_("_Legal basis of the request"), "legal-basis", basis);
  data->basis_row = GTK_EDITABLE (row);
  gtk_list_box_append (GTK_LIST_BOX (form), row);

  row = create_entry_row (_("Law takes _effect on (YYYY-MM-DD, optional)"), "effective-on", NULL);
  data->effective_row = GTK_EDITABLE (row);
  gtk_list_box_append (GTK_LIST_BOX (form), row);

  row = create_entry_row (_("_Filed on"), "filed-on", today);
  data->filed_row = GTK_EDITABLE (row);
  gtk_list_box_append (GTK_LIST_BOX (form), row);
  gtk_box_append (GTK_BOX (box), form);

  label = gtk_label_new (_("A request must be filed no later than the 15th working day before the law change takes effect; "
                           "a later one is marked as filed late."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_name (label, "error");
  gtk_widget_set_visible (label, FALSE);
  data->error_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (box), label);

  adw_message_dialog_set_extra_child (data->dialog, box);
  adw_message_dialog_add_responses (data->dialog,
                                    "cancel", _("_Cancel"),
                                    "file", answer_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (data->dialog, "file",
                                              g_str_equal (kind, "abolish") ? ADW_RESPONSE_DESTRUCTIVE
                                                                            : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (data->dialog, "file");
  adw_message_dialog_set_close_response (data->dialog, "cancel");

  g_signal_connect_swapped (data->basis_row, "changed", G_CALLBACK (update_filing_response), data);
  g_signal_connect_swapped (data->effective_row, "changed", G_CALLBACK (update_filing_response), data);
  g_signal_connect_swapped (data->filed_row, "changed", G_CALLBACK (update_filing_response), data);
  g_signal_connect (data->dialog, "response", G_CALLBACK (on_filing_response_cb), task);
  update_filing_response (data);

  present_dialog (data->dialog, parent);
  gtk_widget_grab_focus (GTK_WIDGET (data->basis_row));
}

/**
 * po_filing_dialog_run_finish:
 *
 * Returns: (transfer full): the answers, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when declined)
 */
PoFilingAnswer *
po_filing_dialog_run_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == po_filing_dialog_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
