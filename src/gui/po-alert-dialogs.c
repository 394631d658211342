/* po-alert-dialogs.c: the small forms analysts and clerks fill in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each form is an AdwMessageDialog with the form as its extra child, run
 * as a GTask: the answer, or G_IO_ERROR_CANCELLED when the user declines.
 * The answering response ("apply") stays disabled until the form holds
 * what the core accepts (some text, a date it can read), so that the
 * user is told before anything is written; the core still checks.
 * Widgets carry names ("text", "days", "date") that tests look for.
 */
#define G_LOG_DOMAIN "po-alert-dialogs"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "po-alert-dialogs.h"
#include "po-domain.h"

#define DEFAULT_ORDER_DAYS 5
#define MAX_ORDER_DAYS     60

typedef struct
{
  AdwMessageDialog  *dialog;
  PoAlertDialogKind  kind;
  GtkTextView       *text_view;
  GtkEditable       *text_row;       /* instead of the text view, for a name */
  GCancellable      *cancellable;
  GtkSpinButton     *days_spin;
  GtkEditable       *date_row;
  GtkEditable       *end_row;
  AdwComboRow       *kind_row;
} DialogData;

static const struct
{
  const char *heading;
  const char *body;
  const char *text_label;
  const char *apply;
} kind_infos[] = {
  [PO_ALERT_DIALOG_EXPLAIN] = {
    N_("Explain the Alert"),
    N_("Record why the deadline was missed or the record deviates, as the department explained it. The alert stays open."),
    N_("Explanation"),
    N_("_Record Explanation"),
  },
  [PO_ALERT_DIALOG_ORDER] = {
    N_("Issue a Supervision Order"),
    N_("The department must answer within the limit, counted in working days from today; an order not answered in time raises an alert of its own."),
    N_("Demand"),
    N_("_Issue Order"),
  },
  [PO_ALERT_DIALOG_ANSWER_ORDER] = {
    N_("Record the Answer to the Order"),
    N_("The department’s answer to the supervision order, and the day it was given."),
    N_("Answer"),
    N_("_Record Answer"),
  },
  [PO_ALERT_DIALOG_CLOSE] = {
    N_("Close the Alert"),
    N_("A closed alert leaves the monitoring pane and is not raised again for the same cause. Its history is kept."),
    N_("Reason"),
    N_("C_lose Alert"),
  },
  [PO_ALERT_DIALOG_ASSIGN] = {
    N_("Assign"),
    N_("The person or office that handles it."),
    NULL,
    N_("_Assign"),
  },
  [PO_ALERT_DIALOG_ANSWER_PETITION] = {
    N_("Record the Reply"),
    N_("The reply given to the person who asked or complained, and the day it was given. The deadline counts to that day."),
    N_("Reply"),
    N_("_Record Reply"),
  },
  [PO_ALERT_DIALOG_SUSPENSION] = {
    N_("Record a Suspension or Extension"),
    N_("Time the law excludes from the case’s limit (hearing, testing, appraisal, expert review, correction) moves its deadline by the working days from start to end; an approved extension by its working days. The alerts follow at once."),
    N_("Reason"),
    N_("_Record"),
  },
  [PO_ALERT_DIALOG_DAYS_OFF] = {
    N_("Add Days Off"),
    N_("Days the schedule gives off, weekends included, such as 国庆节 from October 1 to 7. They replace what the calendar said of those days, and the deadlines counted across them move at once."),
    NULL,
    N_("_Add"),
  },
  [PO_ALERT_DIALOG_MAKEUP_DAY] = {
    N_("Add a Make-Up Working Day"),
    N_("A Saturday or Sunday worked in exchange for a holiday (调休上班). The deadlines counted across it move at once."),
    NULL,
    N_("_Add"),
  },
};

static void
dialog_data_free (DialogData *data)
{
  g_clear_object (&data->cancellable);
  g_free (data);
}

void
po_alert_dialog_answer_free (PoAlertDialogAnswer *answer)
{
  if (answer == NULL)
    return;

  g_free (answer->text);
  g_free (answer);
}

static char *
dup_text (DialogData *data)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (data->text_row != NULL)
    return g_strstrip (g_strdup (gtk_editable_get_text (data->text_row)));
  if (data->text_view == NULL)
    return g_strdup ("");

  buffer = gtk_text_view_get_buffer (data->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static PoDate
read_date (DialogData *data)
{
  if (data->date_row == NULL)
    return PO_DATE_INVALID;
  return po_date_parse (gtk_editable_get_text (data->date_row), NULL);
}

static const char *
selected_kind (DialogData *data)
{
  guint n;
  const PoEnumEntry *kinds = po_suspension_kinds (&n);
  guint i = data->kind_row ? adw_combo_row_get_selected (data->kind_row) : GTK_INVALID_LIST_POSITION;

  return i < n ? kinds[i].key : NULL;
}

/* A suspension's end: empty while it runs, else a day not before its start. */
static gboolean
end_is_valid (DialogData *data)
{
  const char *text;
  PoDate end;

  if (data->end_row == NULL)
    return TRUE;
  text = gtk_editable_get_text (data->end_row);
  if (*text == '\0')
    return TRUE;
  end = po_date_parse (text, NULL);
  return end != PO_DATE_INVALID && (read_date (data) == PO_DATE_INVALID || end >= read_date (data));
}

/* Red when what was typed cannot be taken; a field not yet filled in is
 * not an error, though the form cannot be sent without it. */
static void
mark_error (GtkWidget *row,
            gboolean   valid)
{
  if (valid || *gtk_editable_get_text (GTK_EDITABLE (row)) == '\0')
    gtk_widget_remove_css_class (row, "error");
  else
    gtk_widget_add_css_class (row, "error");
}

static void
update_response (DialogData *data)
{
  g_autofree char *text = dup_text (data);
  gboolean ready = TRUE;

  if (*text == '\0')
    ready = FALSE;
  /* An extension is its working days. */
  if (g_strcmp0 (selected_kind (data), "extension") == 0 && gtk_spin_button_get_value_as_int (data->days_spin) < 1)
    ready = FALSE;
  if (data->end_row != NULL)
    {
      gboolean valid = end_is_valid (data);

      /* Days off end somewhere. */
      if (data->kind == PO_ALERT_DIALOG_DAYS_OFF && *gtk_editable_get_text (data->end_row) == '\0')
        valid = FALSE;

      mark_error (GTK_WIDGET (data->end_row), valid);
      ready = ready && valid;
    }
  if (data->date_row != NULL)
    {
      PoDate date = read_date (data);
      gboolean valid = date != PO_DATE_INVALID;

      /* An answer is given on a day past; a calendar's days are any,
       * a make-up working day a Saturday or Sunday. */
      if (data->kind == PO_ALERT_DIALOG_MAKEUP_DAY)
        valid = valid && po_date_is_weekend (date);
      else if (data->kind != PO_ALERT_DIALOG_DAYS_OFF)
        valid = valid && date <= po_date_today ();

      mark_error (GTK_WIDGET (data->date_row), valid);
      ready = ready && valid;
    }
  adw_message_dialog_set_response_enabled (data->dialog, "apply", ready);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                GTask            *task)
{
  DialogData *data = g_task_get_task_data (task);
  PoAlertDialogAnswer *answer;

  /* Answered once: a later cancellation must not answer again. */
  g_signal_handlers_disconnect_by_func (dialog, on_response_cb, task);
  if (data->cancellable != NULL)
    g_signal_handlers_disconnect_by_data (data->cancellable, dialog);

  if (g_strcmp0 (response, "apply") != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Nothing was recorded"));
      g_object_unref (task);
      return;
    }

  answer = g_new0 (PoAlertDialogAnswer, 1);
  answer->text = dup_text (data);
  answer->days = data->days_spin ? gtk_spin_button_get_value_as_int (data->days_spin) : 0;
  answer->date = read_date (data);
  answer->end = PO_DATE_INVALID;
  if (data->end_row != NULL && *gtk_editable_get_text (data->end_row) != '\0')
    answer->end = po_date_parse (gtk_editable_get_text (data->end_row), NULL);
  answer->kind = selected_kind (data);
  g_task_return_pointer (task, answer, (GDestroyNotify) po_alert_dialog_answer_free);
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
create_text_view (DialogData *data,
                  const char *label_text,
                  const char *initial_text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_widget_set_name (view, "text");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label_text, -1);
  if (initial_text != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), initial_text, -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 110);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_add_css_class (scroller, "dialog-text");

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scroller);

  data->text_view = GTK_TEXT_VIEW (view);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (update_response), data);
  return box;
}

static GtkWidget *
create_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
create_days_row (DialogData *data,
                 const char *title,
                 int         least,
                 int         value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (least, MAX_ORDER_DAYS, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_name (spin, "days");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (update_response), data);
  data->days_spin = GTK_SPIN_BUTTON (spin);
  return row;
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

/**
 * po_alert_dialog_run:
 * @parent: (nullable): the window the dialog belongs to
 * @kind: what the form asks for
 * @subject: (nullable): what it is about, in a line (rule, reference, department)
 * @initial_text: (nullable): what the text starts with, such as an
 *   explanation already recorded or the current assignee
 * @cancellable: (nullable): closes the dialog when cancelled
 *
 * Shows the form; @callback runs once it is answered or declined.
 *
 * Returns: (transfer none): the dialog shown
 */
GtkWindow *
po_alert_dialog_run (GtkWindow           *parent,
                     PoAlertDialogKind    kind,
                     const char          *subject,
                     const char          *initial_text,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autofree char *body = NULL;
  DialogData *data;
  GtkWidget *form;
  GTask *task;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (kind <= PO_ALERT_DIALOG_MAKEUP_DAY, NULL);

  data = g_new0 (DialogData, 1);
  data->kind = kind;

  if (subject != NULL && *subject != '\0')
    body = g_strdup_printf ("%s\n\n%s", subject, _(kind_infos[kind].body));
  else
    body = g_strdup (_(kind_infos[kind].body));
  data->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _(kind_infos[kind].heading), body));
  gtk_window_set_modal (GTK_WINDOW (data->dialog), TRUE);
  adw_message_dialog_add_response (data->dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (data->dialog, "apply", _(kind_infos[kind].apply));
  adw_message_dialog_set_response_appearance (data->dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (data->dialog, "apply");
  adw_message_dialog_set_close_response (data->dialog, "cancel");

  form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_size_request (form, 360, -1);
  if (kind == PO_ALERT_DIALOG_ORDER)
    {
      GtkWidget *list = create_list ();

      gtk_list_box_append (GTK_LIST_BOX (list),
                           create_days_row (data, _("_Limit in working days"), 1, DEFAULT_ORDER_DAYS));
      gtk_box_append (GTK_BOX (form), list);
    }
  else if (kind == PO_ALERT_DIALOG_ANSWER_ORDER || kind == PO_ALERT_DIALOG_ANSWER_PETITION)
    {
      GtkWidget *list = create_list ();
      g_autofree char *today = po_date_format (po_date_today ());
      GtkWidget *row = create_entry_row (data, _("_Day answered (YYYY-MM-DD)"), "date", today);

      data->date_row = GTK_EDITABLE (row);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      gtk_box_append (GTK_BOX (form), list);
    }

  else if (kind == PO_ALERT_DIALOG_SUSPENSION)
    {
      GtkWidget *list = create_list ();
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      g_autofree char *today = po_date_format (po_date_today ());
      GtkWidget *kind_row = adw_combo_row_new ();
      GtkWidget *start = create_entry_row (data, _("_First day (YYYY-MM-DD)"), "date", today);
      GtkWidget *end = create_entry_row (data, _("_Last day (empty while it runs)"), "end", NULL);
      guint n;
      const PoEnumEntry *kinds = po_suspension_kinds (&n);

      for (guint i = 0; i < n; i++)
        {
          const char *label = _(kinds[i].label);
          /* The regulation's own name beside the label, unless the label is it. */
          g_autofree char *name = strstr (label, kinds[i].zh) ? g_strdup (label)
                                                              : g_strdup_printf ("%s（%s）", label, kinds[i].zh);
          gtk_string_list_append (names, name);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("_Kind"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (kind_row), TRUE);
      adw_combo_row_set_model (ADW_COMBO_ROW (kind_row), G_LIST_MODEL (names));
      gtk_widget_set_name (kind_row, "kind");
      data->kind_row = ADW_COMBO_ROW (kind_row);
      data->date_row = GTK_EDITABLE (start);
      data->end_row = GTK_EDITABLE (end);
      gtk_list_box_append (GTK_LIST_BOX (list), kind_row);
      gtk_list_box_append (GTK_LIST_BOX (list), start);
      gtk_list_box_append (GTK_LIST_BOX (list), end);
      gtk_list_box_append (GTK_LIST_BOX (list),
                           create_days_row (data, _("_Working days (an extension, or a period still running)"), 0, 0));
      g_signal_connect_swapped (kind_row, "notify::selected", G_CALLBACK (update_response), data);
      gtk_box_append (GTK_BOX (form), list);
    }

  if (kind == PO_ALERT_DIALOG_ASSIGN)
    {
      GtkWidget *list = create_list ();
      GtkWidget *row = create_entry_row (data, _("_Handled by"), "text", initial_text);

      data->text_row = GTK_EDITABLE (row);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      gtk_box_append (GTK_BOX (form), list);
    }
  else if (kind == PO_ALERT_DIALOG_DAYS_OFF || kind == PO_ALERT_DIALOG_MAKEUP_DAY)
    {
      GtkWidget *list = create_list ();
      gboolean off = kind == PO_ALERT_DIALOG_DAYS_OFF;
      GtkWidget *name = create_entry_row (data, off ? _("_Holiday") : _("_Makes up for the holiday"), "text", initial_text);
      GtkWidget *first = create_entry_row (data, off ? _("_First day (YYYY-MM-DD)") : _("_Day, a Saturday or Sunday (YYYY-MM-DD)"),
                                           "date", NULL);

      data->text_row = GTK_EDITABLE (name);
      data->date_row = GTK_EDITABLE (first);
      gtk_list_box_append (GTK_LIST_BOX (list), name);
      gtk_list_box_append (GTK_LIST_BOX (list), first);
      if (off)
        {
          GtkWidget *last = create_entry_row (data, _("_Last day (YYYY-MM-DD)"), "end", NULL);

          data->end_row = GTK_EDITABLE (last);
          gtk_list_box_append (GTK_LIST_BOX (list), last);
        }
      gtk_box_append (GTK_BOX (form), list);
    }
  else
    gtk_box_append (GTK_BOX (form),
                    create_text_view (data, _(kind_infos[kind].text_label),
                                      kind == PO_ALERT_DIALOG_EXPLAIN ? initial_text : NULL));
  adw_message_dialog_set_extra_child (data->dialog, form);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, po_alert_dialog_run);
  g_task_set_task_data (task, data, (GDestroyNotify) dialog_data_free);
  g_signal_connect (data->dialog, "response", G_CALLBACK (on_response_cb), task);
  if (cancellable != NULL)
    {
      data->cancellable = g_object_ref (cancellable);
      g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (on_cancelled_cb), data->dialog, 0);
    }

  update_response (data);
  gtk_window_present (GTK_WINDOW (data->dialog));
  if (data->text_view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (data->text_view));
  else if (data->text_row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (data->text_row));
  return GTK_WINDOW (data->dialog);
}

/**
 * po_alert_dialog_run_finish:
 *
 * Returns: (transfer full) (nullable): the answer, or %NULL with
 *   G_IO_ERROR_CANCELLED when the user declined
 */
PoAlertDialogAnswer *
po_alert_dialog_run_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == po_alert_dialog_run, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
