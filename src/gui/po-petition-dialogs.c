/* po-petition-dialogs.c: registering a consultation or complaint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As the other forms: an AdwMessageDialog with the form as its extra
 * child, run as a GTask. "register" stays disabled until the form holds
 * a department, a subject and a day received no later than today. Rows
 * carry widget names for the tests.
 */
#define G_LOG_DOMAIN "po-petition-dialogs"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "po-domain.h"
#include "po-petition-dialogs.h"

typedef struct
{
  AdwMessageDialog *dialog;
  GArray           *department_ids;
  GCancellable     *cancellable;
  AdwComboRow      *kind_row;
  AdwComboRow      *department_row;
  GtkEditable      *received_row;
  GtkEditable      *subject_row;
  GtkEditable      *channel_row;
  GtkEditable      *ref_row;
} DialogData;

static void
dialog_data_free (DialogData *data)
{
  g_clear_pointer (&data->department_ids, g_array_unref);
  g_clear_object (&data->cancellable);
  g_free (data);
}

void
po_petition_registration_free (PoPetitionRegistration *registration)
{
  if (registration == NULL)
    return;

  g_free (registration->ref);
  g_free (registration->kind);
  g_free (registration->subject);
  g_free (registration->channel);
  g_free (registration);
}

static char *
stripped (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

static void
update_response (DialogData *data)
{
  g_autofree char *subject = stripped (data->subject_row);
  PoDate received = po_date_parse (gtk_editable_get_text (data->received_row), NULL);
  gboolean date_ok = received != PO_DATE_INVALID && received <= po_date_today ();

  if (date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (data->received_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (data->received_row), "error");

  adw_message_dialog_set_response_enabled (data->dialog, "register",
                                           date_ok && *subject != '\0' &&
                                           adw_combo_row_get_selected (data->department_row) < data->department_ids->len);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                GTask            *task)
{
  DialogData *data = g_task_get_task_data (task);
  PoPetitionRegistration *registration;
  guint n;
  const PoEnumEntry *kinds = po_petition_kinds (&n);
  guint kind = adw_combo_row_get_selected (data->kind_row);
  g_autofree char *ref = NULL;

  g_signal_handlers_disconnect_by_func (dialog, on_response_cb, task);
  if (data->cancellable != NULL)
    g_signal_handlers_disconnect_by_data (data->cancellable, dialog);

  if (g_strcmp0 (response, "register") != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Nothing was registered"));
      g_object_unref (task);
      return;
    }

  registration = g_new0 (PoPetitionRegistration, 1);
  ref = stripped (data->ref_row);
  registration->ref = *ref != '\0' ? g_steal_pointer (&ref) : NULL;
  registration->kind = g_strdup (kinds[MIN (kind, n - 1)].key);
  registration->department_id = g_array_index (data->department_ids, gint64,
                                               adw_combo_row_get_selected (data->department_row));
  registration->received_on = po_date_parse (gtk_editable_get_text (data->received_row), NULL);
  registration->subject = stripped (data->subject_row);
  registration->channel = stripped (data->channel_row);
  g_task_return_pointer (task, registration, (GDestroyNotify) po_petition_registration_free);
  g_object_unref (task);
}

/* The page that asked has gone: answer for the user, and close. */
static void
on_cancelled_cb (GCancellable     *cancellable,
                 AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
}

static GtkWidget *
create_entry_row (DialogData *data,
                  const char *title,
                  const char *name,
                  const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_name (row, name);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (update_response), data);
  return row;
}

static GtkWidget *
create_combo_row (DialogData    *data,
                  const char    *title,
                  const char    *name,
                  GtkStringList *model)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_name (row, name);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (update_response), data);
  return row;
}

/**
 * po_petition_dialog_register:
 * @parent: (nullable): the window the dialog belongs to
 * @department_names: (element-type utf8): the departments to choose from
 * @department_ids: (element-type gint64): their ids, in the same order
 *
 * Asks for a consultation or complaint received by hand.
 *
 * Returns: (transfer none): the dialog shown
 */
GtkWindow *
po_petition_dialog_register (GtkWindow           *parent,
                             GPtrArray           *department_names,
                             GArray              *department_ids,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GtkStringList) kinds_model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) departments_model = gtk_string_list_new (NULL);
  g_autofree char *today = po_date_format (po_date_today ());
  guint n;
  const PoEnumEntry *kinds = po_petition_kinds (&n);
  DialogData *data;
  GtkWidget *list;
  GTask *task;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (department_names != NULL && department_ids != NULL, NULL);
  g_return_val_if_fail (department_names->len == department_ids->len, NULL);

  data = g_new0 (DialogData, 1);
  data->department_ids = g_array_ref (department_ids);
  data->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Register a Consultation or Complaint"),
                                                             _("A consultation is answered within 3 working days of receipt, "
                                                               "a complaint within 10. Leave the reference empty to number it "
                                                               "by kind and day, such as ZX20261127-003.")));
  gtk_window_set_modal (GTK_WINDOW (data->dialog), TRUE);
  adw_message_dialog_add_response (data->dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (data->dialog, "register", _("_Register"));
  adw_message_dialog_set_response_appearance (data->dialog, "register", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (data->dialog, "register");
  adw_message_dialog_set_close_response (data->dialog, "cancel");

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (kinds_model, po_enum_label (kinds, n, kinds[i].key));
  for (guint i = 0; i < department_names->len; i++)
    gtk_string_list_append (departments_model, g_ptr_array_index (department_names, i));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, 380, -1);

  data->kind_row = ADW_COMBO_ROW (create_combo_row (data, _("_Kind"), "kind", kinds_model));
  data->department_row = ADW_COMBO_ROW (create_combo_row (data, _("_Department"), "department", departments_model));
  data->received_row = GTK_EDITABLE (create_entry_row (data, _("Re_ceived on (YYYY-MM-DD)"), "received-on", today));
  data->subject_row = GTK_EDITABLE (create_entry_row (data, _("_Subject"), "subject", NULL));
  data->channel_row = GTK_EDITABLE (create_entry_row (data, _("C_hannel, such as a hotline or the portal"), "channel", NULL));
  data->ref_row = GTK_EDITABLE (create_entry_row (data, _("_Reference (optional)"), "ref", NULL));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->kind_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->department_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->received_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->subject_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->channel_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->ref_row));
  adw_message_dialog_set_extra_child (data->dialog, list);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, po_petition_dialog_register);
  g_task_set_task_data (task, data, (GDestroyNotify) dialog_data_free);
  g_signal_connect (data->dialog, "response", G_CALLBACK (on_response_cb), task);
  if (cancellable != NULL)
    {
      data->cancellable = g_object_ref (cancellable);
      g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (on_cancelled_cb), data->dialog, 0);
    }

  update_response (data);
  gtk_window_present (GTK_WINDOW (data->dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->subject_row));
  return GTK_WINDOW (data->dialog);
}

/**
 * po_petition_dialog_register_finish:
 *
 * Returns: (transfer full) (nullable): what was entered, or %NULL with
 *   G_IO_ERROR_CANCELLED when the user declined
 */
PoPetitionRegistration *
po_petition_dialog_register_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == po_petition_dialog_register, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
