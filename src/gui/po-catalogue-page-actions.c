/* po-catalogue-page-actions.c: what the catalogue page writes, imports,
 * exports and prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-catalogue-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "po-catalogue-dialogs.h"
#include "po-catalogue-io.h"
#include "po-catalogue-model.h"
#include "po-catalogue-page-private.h"
#include "po-error.h"
#include "po-item-print.h"
#include "po-review.h"

/* Every write runs on a worker with a connection of its own, in one
 * transaction that is rolled back on failure, and is followed by a
 * reload of the catalogue that keeps the item selected. The core says
 * what is allowed; a refusal reaches the user as its sentence. */

/* Writing */

typedef enum
{
  WRITE_SAVE,
  WRITE_INSERT,
  WRITE_SUBMIT,
  WRITE_PUBLISH,
  WRITE_MODIFY,
  WRITE_ABOLISH,
} WriteKind;

typedef struct
{
  WriteKind       kind;
  PoDatabase     *db;
  PoItem         *item;         /* to save or insert first */
  gint64          item_id;
  char           *item_code;
  char           *item_name;
  char           *proposal;
  PoFilingAnswer *answer;
  PoDate          today;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_object (&data->db);
  g_clear_pointer (&data->item, po_item_free);
  g_free (data->item_code);
  g_free (data->item_name);
  g_free (data->proposal);
  g_clear_pointer (&data->answer, po_filing_answer_free);
  g_free (data);
}

static gboolean
file_review (WriteData  *data,
             const char *kind,
             GError    **error)
{
  PoReviewFiling filing = {
    .kind = kind,
    .item_code = data->item_code,
    .proposal = data->proposal,
    .legal_basis = data->answer->legal_basis,
    .effective_on = data->answer->effective_on,
    .filed_on = data->answer->filed_on,
    /* Filed through the application, a request reaches the legal
     * office the day it is filed. */
    .received_on = data->answer->filed_on,
  };

  return po_review_file (data->db, &filing, NULL, error);
}

static gboolean
run_write (WriteData  *data,
           GError    **error)
{
  char today[11];

  po_date_format_buf (data->today, today);

  switch (data->kind)
    {
    case WRITE_SAVE:
      return po_item_update_draft (data->db, data->item, error);

    case WRITE_INSERT:
      if (!po_item_insert (data->db, data->item, today, error))
        return FALSE;
      data->item_id = data->item->id;
      return TRUE;

    case WRITE_SUBMIT:
      if (data->item != NULL && !po_item_update_draft (data->db, data->item, error))
        return FALSE;
      return file_review (data, "create", error);

    case WRITE_PUBLISH:
      return po_item_publish (data->db, data->item_id, data->today, error);

    case WRITE_MODIFY:
      return file_review (data, "modify", error);

    case WRITE_ABOLISH:
      return file_review (data, "abolish", error);

    default:
      g_assert_not_reached ();
    }
}

static void
write_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (!po_database_begin (data->db, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!run_write (data, &error) || !po_database_commit (data->db, &error))
    {
      po_database_rollback (data->db);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* Takes @data. */
static void
write_async (PoCataloguePage     *self,
             WriteData           *data,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  /* A write that started finishes: it is one transaction. */
  g_task_set_return_on_cancel (task, FALSE);

  data->db = _po_catalogue_page_dup_database (self, &error);
  if (data->db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, write_worker);
}

static WriteData *
write_finish (PoCataloguePage  *self,
              GAsyncResult     *result,
              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == write_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

static char *
dup_success_message (const WriteData *data)
{
  switch (data->kind)
    {
    case WRITE_SAVE:
      /* Translators: %s is the name of a power item */
      return g_strdup_printf (_("The draft “%s” was saved."), data->item_name);

    case WRITE_INSERT:
      return g_strdup_printf (_("The draft “%s” was created. Fill in its fields, then submit it for legality review."),
                              data->item_name);

    case WRITE_SUBMIT:
      return g_strdup_printf (_("“%s” was submitted for legality review."), data->item_name);

    case WRITE_PUBLISH:
      return g_strdup_printf (_("“%s” is published and in force."), data->item_name);

    case WRITE_MODIFY:
      return g_strdup_printf (_("The change to “%s” was filed for legality review."), data->item_name);

    case WRITE_ABOLISH:
      return g_strdup_printf (_("The abolition of “%s” was filed for legality review."), data->item_name);

    default:
      g_assert_not_reached ();
    }
}

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 show_after = self->after_save_show_id;
  WriteData *data;

  data = write_finish (self, result, &error);
  self->after_save_show_id = 0;
  if (self->disposed)
    return;

  self->writing = FALSE;
  g_clear_object (&self->write_cancellable);

  if (data == NULL)
    {
      _po_catalogue_page_show_toast (self, error->message);
      /* The selection went ahead to the next item; go back to the one
       * still being edited. */
      if (show_after > 0)
        _po_catalogue_page_select_position_quietly (self, po_catalogue_model_find_id (self->model, _po_catalogue_page_editor_item_id (self)));
      _po_catalogue_page_update_actions (self);
      _po_catalogue_page_set_busy_changed (self);
      return;
    }

  message = dup_success_message (data);
  _po_catalogue_page_show_toast (self, message);

  if (data->kind == WRITE_MODIFY)
    po_item_editor_end_proposal (self->editor);

  /* Show the stored item (for a save, the next one chosen meanwhile),
   * then read the catalogue again, keeping it selected. */
  self->pending_select_id = show_after > 0 ? show_after : data->item_id;
  if (self->pending_select_id > 0)
    _po_catalogue_page_show_item (self, self->pending_select_id);
  self->refresh_editor = TRUE;
  _po_catalogue_page_update_actions (self);
  _po_catalogue_page_start_loading (self);
}

static void
start_write (PoCataloguePage *self,
             WriteData       *data)
{
  if (self->writing)
    {
      write_data_free (data);
      return;
    }

  data->today = po_date_today ();
  self->writing = TRUE;
  self->write_cancellable = g_cancellable_new ();
  _po_catalogue_page_update_actions (self);
  write_async (self, data, self->write_cancellable, on_written_cb, NULL);
  _po_catalogue_page_set_busy_changed (self);
}

static WriteData *
write_data_for (const PoItem *item,
                WriteKind     kind)
{
  WriteData *data = g_new0 (WriteData, 1);

  data->kind = kind;
  data->item_id = item->id;
  data->item_code = g_strdup (item->code);
  data->item_name = g_strdup (item->name);
  return data;
}

/* The first finding that is a wrong value rather than a missing one. */
static PoFinding *
first_error (GPtrArray *findings,
             gboolean   missing_too)
{
  for (guint i = 0; i < findings->len; i++)
    {
      PoFinding *finding = g_ptr_array_index (findings, i);

      if (missing_too || !finding->missing)
        return finding;
    }

  return NULL;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (widget);
  const PoItem *item = po_item_editor_get_item (self->editor);
  PoFinding *wrong;
  WriteData *data;

  if (item == NULL || !po_item_editor_get_dirty (self->editor))
    return;

  /* A draft may be incomplete, but not wrong. */
  wrong = first_error (po_item_editor_get_findings (self->editor), FALSE);
  if (wrong != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Correct the fields marked in red before saving: %s"),
                                                  wrong->message);

      self->after_save_show_id = 0;
      _po_catalogue_page_select_position_quietly (self, po_catalogue_model_find_id (self->model, _po_catalogue_page_editor_item_id (self)));
      _po_catalogue_page_show_toast (self, message);
      po_item_editor_focus_field (self->editor, wrong->field < PO_N_FIELDS ? wrong->field : PO_FIELD_CODE);
      return;
    }

  data = write_data_for (item, WRITE_SAVE);
  data->item = po_item_copy (item);
  start_write (self, data);
}

static void
on_new_item_answered_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(PoCataloguePage) self = user_data;
  g_autoptr(PoItem) item = NULL;
  g_autoptr(GError) error = NULL;
  WriteData *data;

  item = po_new_item_dialog_run_finish (result, &error);
  if (item == NULL || self->disposed)
    return;

  data = write_data_for (item, WRITE_INSERT);
  data->item = g_steal_pointer (&item);
  start_write (self, data);
}

static void
new_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (widget);

  if (self->department_names == NULL || self->writing)
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->department_names)) == 0)
    {
      _po_catalogue_page_show_toast (self, _("The office has no departments yet: import the catalogue first, which creates them."));
      return;
    }

  po_new_item_dialog_run_async (_po_catalogue_page_get_parent_window (self),
                                self->department_names,
                                self->department_ids,
                                NULL,
                                on_new_item_answered_cb,
                                g_object_ref (self));
}

typedef struct
{
  PoCataloguePage *page;
  WriteData       *data;
} FilingContext;

static void
on_filing_answered_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autofree FilingContext *context = user_data;
  g_autoptr(PoCataloguePage) self = context->page;
  g_autoptr(GError) error = NULL;
  PoFilingAnswer *answer;

  answer = po_filing_dialog_run_finish (result, &error);
  if (answer == NULL || self->disposed)
    {
      write_data_free (context->data);
      return;
    }

  context->data->answer = answer;
  start_write (self, context->data);
}

static void
ask_filing (PoCataloguePage *self,
            const char      *kind,
            const char      *changes,
            WriteData       *data)
{
  FilingContext *context = g_new0 (FilingContext, 1);

  context->page = g_object_ref (self);
  context->data = data;
  po_filing_dialog_run_async (_po_catalogue_page_get_parent_window (self),
                              kind,
                              po_item_editor_get_item (self->editor),
                              changes,
                              NULL,
                              on_filing_answered_cb,
                              context);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (widget);
  const PoItem *item = po_item_editor_get_item (self->editor);
  PoFinding *finding;
  WriteData *data;

  if (item == NULL)
    return;

  /* The core refuses an incomplete draft; say what to complete before
   * asking anything. */
  finding = first_error (po_item_editor_get_findings (self->editor), TRUE);
  if (finding != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Complete the draft before submitting it: %s"), finding->message);

      _po_catalogue_page_show_toast (self, message);
      po_item_editor_focus_field (self->editor, finding->field < PO_N_FIELDS ? finding->field : PO_FIELD_CODE);
      return;
    }

  data = write_data_for (item, WRITE_SUBMIT);
  /* Unsaved edits are saved in the same transaction as the filing. */
  if (po_item_editor_get_dirty (self->editor))
    data->item = po_item_copy (item);
  ask_filing (self, "create", NULL, data);
}

static void
on_publish_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  g_autoptr(PoCataloguePage) self = user_data;
  const PoItem *item;

  if (self->disposed || !g_str_equal (response, "publish"))
    return;

  item = po_item_editor_get_original (self->editor);
  if (item != NULL)
    start_write (self, write_data_for (item, WRITE_PUBLISH));
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (widget);
  const PoItem *item = po_item_editor_get_original (self->editor);
  GtkWidget *dialog;

  if (item == NULL)
    return;

  /* Translators: %s is the name of a power item */
  dialog = adw_message_dialog_new (_po_catalogue_page_get_parent_window (self), _("Publish the Item?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Publication puts “%s” in force, as approved, and keeps this version for good."),
                                  item->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "publish", _("_Publish"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "publish", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "publish");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_publish_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_change_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (widget);
  const PoItem *original = po_item_editor_get_original (self->editor);
  g_autofree char *json = NULL;
  g_autofree char *summary = NULL;
  PoFinding *finding;
  WriteData *data;

  if (original == NULL || !po_item_editor_get_proposing (self->editor))
    return;

  json = po_item_editor_dup_changes_json (self->editor);
  if (json == NULL)
    {
      _po_catalogue_page_show_toast (self, _("Change at least one field before filing the change."));
      return;
    }

  finding = first_error (po_item_editor_get_findings (self->editor), TRUE);
  if (finding != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The proposed change is not valid: %s"), finding->message);

      _po_catalogue_page_show_toast (self, message);
      po_item_editor_focus_field (self->editor, finding->field < PO_N_FIELDS ? finding->field : PO_FIELD_CODE);
      return;
    }

  summary = po_item_editor_dup_changes_summary (self->editor);
  data = write_data_for (original, WRITE_MODIFY);
  data->proposal = g_steal_pointer (&json);
  ask_filing (self, "modify", summary, data);
}

static void
propose_abolition_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (widget);
  const PoItem *original = po_item_editor_get_original (self->editor);

  if (original == NULL)
    return;

  ask_filing (self, "abolish", NULL, write_data_for (original, WRITE_ABOLISH));
}

/* Import and export */

typedef struct
{
  PoDatabase      *db;
  char            *path;
  PoDate           today;
  PoImportSummary  summary;
  GMainContext    *main_context;
  PoCataloguePage *page;       /* for progress reports */
  double           reported;   /* touched by the worker only */
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->db);
  g_free (data->path);
  po_import_summary_clear (&data->summary);
  g_clear_pointer (&data->main_context, g_main_context_unref);
  g_clear_object (&data->page);
  g_free (data);
}

typedef struct
{
  PoCataloguePage *page;
  double           fraction;
} ProgressReport;

static void
progress_report_free (ProgressReport *report)
{
  g_clear_object (&report->page);
  g_free (report);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  ProgressReport *report = user_data;

  if (!report->page->disposed && report->page->importing)
    gtk_progress_bar_set_fraction (report->page->import_progress, report->fraction);
  return G_SOURCE_REMOVE;
}

/* Called on the worker thread: hand the fraction to the main loop. */
static void
on_import_progress_cb (double   fraction,
                       gpointer user_data)
{
  ImportData *data = user_data;
  g_autoptr(GSource) source = NULL;
  ProgressReport *report;

  if (fraction < 1.0 && fraction - data->reported < 0.01)
    return;
  data->reported = fraction;

  report = g_new0 (ProgressReport, 1);
  report->page = g_object_ref (data->page);
  report->fraction = fraction;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, show_progress_cb, report, (GDestroyNotify) progress_report_free);
  g_source_set_static_name (source, "[po-catalogue-import-progress]");
  g_source_attach (source, data->main_context);
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (!po_database_begin (data->db, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* All or nothing: a bad row rolls back every row before it. */
  if (!po_catalogue_import_file (data->db, data->path, data->today, &data->summary,
                                 cancellable, on_import_progress_cb, data, &error) ||
      !po_database_commit (data->db, &error))
    {
      po_database_rollback (data->db);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
import_async (PoCataloguePage     *self,
              const char          *path,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ImportData *data = g_new0 (ImportData, 1);

  data->path = g_strdup (path);
  data->today = po_date_today ();
  data->main_context = g_main_context_ref_thread_default ();
  data->page = g_object_ref (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_set_return_on_cancel (task, FALSE);

  data->db = _po_catalogue_page_dup_database (self, &error);
  if (data->db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, import_worker);
}

static const PoImportSummary *
import_finish (PoCataloguePage  *self,
               GAsyncResult     *result,
               GError          **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == import_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  return &data->summary;
}

static char *
dup_import_summary (const PoImportSummary *summary,
                    const char            *name)
{
  g_autofree char *items = g_strdup_printf ("%'u", summary->items);
  g_autofree char *published = g_strdup_printf ("%'u", summary->published);

  /* Translators: the numbers of items imported and, of them, published; then a file name */
  return g_strdup_printf (ngettext ("%s item (%s published) was imported from “%s”.",
                                    "%s items (%s published) were imported from “%s”.",
                                    summary->items),
                          items, published, name);
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (object);
  g_autofree char *name = user_data;
  g_autoptr(GError) error = NULL;
  const PoImportSummary *summary;

  summary = import_finish (self, result, &error);
  if (self->disposed)
    return;

  self->importing = FALSE;
  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  _po_catalogue_page_update_actions (self);
  _po_catalogue_page_set_busy_changed (self);

  if (summary == NULL && _po_catalogue_page_is_cancelled_error (error))
    {
      _po_catalogue_page_show_toast (self, _("The import was cancelled. Nothing was written."));
      return;
    }

  if (summary == NULL)
    {
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message,
                                               _("Nothing was imported: correct the file and import it again."));

      po_page_show_error_dialog (PO_PAGE (self), _("The Catalogue Could Not Be Imported"), body);
      return;
    }

  {
    g_autofree char *text = dup_import_summary (summary, name);
    guint n_new = summary->new_departments->len;

    if (n_new == 0)
      {
        _po_catalogue_page_show_toast (self, text);
      }
    else
      {
        g_autoptr(GString) body = g_string_new (text);
        GtkWidget *dialog;

        g_string_append (body, "\n\n");
        g_string_append_printf (body,
                                /* Translators: followed by the names of the departments, one a line */
                                ngettext ("The file named a department that did not exist, which was created:",
                                          "The file named %u departments that did not exist, which were created:",
                                          n_new),
                                n_new);
        for (guint i = 0; i < n_new; i++)
          g_string_append_printf (body, "\n%s", (const char *) g_ptr_array_index (summary->new_departments, i));
        g_string_append (body, "\n\n");
        g_string_append (body, _("Check that their names are right."));

        dialog = adw_message_dialog_new (_po_catalogue_page_get_parent_window (self), _("Catalogue Imported"), body->str);
        adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
        adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
        gtk_window_present (GTK_WINDOW (dialog));
      }
  }

  self->refresh_editor = TRUE;
  _po_catalogue_page_start_loading (self);
}

/**
 * po_catalogue_page_import:
 * @file: a catalogue as CSV or JSON (see po_catalogue_import_file())
 *
 * Imports @file in the background, all or nothing, showing progress
 * with a Cancel button, then what was imported or why nothing was.
 */
void
po_catalogue_page_import (PoCataloguePage *self,
                          GFile           *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (PO_IS_CATALOGUE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  if (path == NULL || self->importing)
    return;

  self->importing = TRUE;
  /* Translators: %s is a file name */
  label = g_strdup_printf (_("Importing “%s”…"), name);
  gtk_label_set_label (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);

  self->import_cancellable = g_cancellable_new ();
  _po_catalogue_page_update_actions (self);
  import_async (self, path, self->import_cancellable, on_imported_cb, g_steal_pointer (&name));
  _po_catalogue_page_set_busy_changed (self);
}

static GtkFileFilter *
create_filter (const char *name,
               const char *pattern,
               const char *second_pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (second_pattern != NULL)
    gtk_file_filter_add_pattern (filter, second_pattern);
  return filter;
}

static void
on_import_chosen_cb (PoCataloguePage *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->file_chooser);

  if (file != NULL && !self->disposed)
    po_catalogue_page_import (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (widget);
  GtkFileChooserNative *chooser;

  if (self->importing || self->file_chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Catalogue"),
                                         _po_catalogue_page_get_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"),
                                         _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser),
                               create_filter (_("Catalogue files (CSV, JSON)"), "*.csv", "*.json"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), create_filter (_("CSV files"), "*.csv", NULL));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), create_filter (_("JSON files"), "*.json", NULL));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chosen_cb), self, G_CONNECT_SWAPPED);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (widget);

  g_cancellable_cancel (self->import_cancellable);
}

typedef struct
{
  PoDatabase *db;
  char       *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->db);
  g_free (data->path);
  g_free (data);
}

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (!po_catalogue_export_file (data->db, data->path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_async (PoCataloguePage     *self,
              const char          *path,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportData *data = g_new0 (ExportData, 1);

  data->path = g_strdup (path);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);

  data->db = _po_catalogue_page_dup_database (self, &error);
  if (data->db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, export_worker);
}

static gboolean
export_finish (PoCataloguePage  *self,
               GAsyncResult     *result,
               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (object);
  g_autofree char *name = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!export_finish (self, result, &error))
    {
      if (!self->disposed)
        {
          self->exporting = FALSE;
          _po_catalogue_page_set_busy_changed (self);
          po_page_show_error_dialog (PO_PAGE (self), _("The Catalogue Could Not Be Exported"), error->message);
        }
      return;
    }

  if (self->disposed)
    return;
  self->exporting = FALSE;
  _po_catalogue_page_set_busy_changed (self);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("The catalogue was exported to “%s”."), name);
  _po_catalogue_page_show_toast (self, message);
}

/* The format follows the name: .json, else CSV (the name gets .csv). */
static char *
dup_export_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *lower = NULL;

  if (path == NULL)
    return NULL;

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".json") || g_str_has_suffix (lower, ".csv"))
    return g_steal_pointer (&path);
  return g_strconcat (path, ".csv", NULL);
}

/**
 * po_catalogue_page_export:
 * @file: where to write the catalogue: JSON when its name ends in
 *   .json, else CSV (.csv is added to a name without it)
 *
 * Writes the whole catalogue in the background.
 */
void
po_catalogue_page_export (PoCataloguePage *self,
                          GFile           *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (PO_IS_CATALOGUE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((path = dup_export_path (file)) == NULL)
    return;

  self->exporting = TRUE;
  _po_catalogue_page_set_busy_changed (self);
  export_async (self, path, NULL, on_exported_cb, g_path_get_basename (path));
}

static void
on_export_chosen_cb (PoCataloguePage *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->file_chooser);

  if (file != NULL && !self->disposed)
    po_catalogue_page_export (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (widget);
  GtkFileChooserNative *chooser;

  if (self->file_chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Catalogue"),
                                         _po_catalogue_page_get_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), create_filter (_("CSV files"), "*.csv", NULL));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), create_filter (_("JSON files"), "*.json", NULL));
  /* Translators: the suggested name of an exported catalogue */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("catalogue.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chosen_cb), self, G_CONNECT_SWAPPED);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

/* Printing */

static void
on_print_done_cb (PoCataloguePage         *self,
                  GtkPrintOperationResult  result,
                  GtkPrintOperation       *operation)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && !self->disposed)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      po_page_show_error_dialog (PO_PAGE (self), _("The Item Could Not Be Printed"), error ? error->message : "");
    }
  g_clear_object (&self->print_operation);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (widget);
  const PoItem *item = po_item_editor_get_original (self->editor);
  g_autoptr(GError) error = NULL;
  const char *published_on = NULL;
  GtkPrintOperationResult result;
  int version;

  if (item == NULL || self->print_operation != NULL)
    return;

  version = po_item_editor_get_in_force_version (self->editor, &published_on);
  self->print_operation = po_item_print_operation_new (item, version, published_on);
  gtk_print_operation_set_allow_async (self->print_operation, TRUE);
  g_signal_connect_object (self->print_operation, "done", G_CALLBACK (on_print_done_cb), self, G_CONNECT_SWAPPED);
  result = gtk_print_operation_run (self->print_operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    _po_catalogue_page_get_parent_window (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      po_page_show_error_dialog (PO_PAGE (self), _("The Item Could Not Be Printed"), error->message);
      g_clear_object (&self->print_operation);
    }
  else if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      g_clear_object (&self->print_operation);
    }
}

static void
on_pdf_chosen_cb (PoCataloguePage *self,
                  int              response,
                  GtkNativeDialog *chooser)
{
  const PoItem *item = po_item_editor_get_original (self->editor);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *published_on = NULL;
  int version;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->file_chooser);

  if (file == NULL || item == NULL || self->disposed || (path = g_file_get_path (file)) == NULL)
    return;
  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      char *with_suffix = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_suffix;
    }

  version = po_item_editor_get_in_force_version (self->editor, &published_on);
  if (!po_item_print_export_pdf (item, version, published_on, path, &error))
    {
      po_page_show_error_dialog (PO_PAGE (self), _("The PDF Could Not Be Written"), error->message);
    }
  else
    {
      g_autofree char *name = g_path_get_basename (path);
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("The item was saved as “%s”."), name);

      _po_catalogue_page_show_toast (self, message);
    }
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PoCataloguePage *self = PO_CATALOGUE_PAGE (widget);
  const PoItem *item = po_item_editor_get_original (self->editor);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (item == NULL || self->file_chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Item as PDF"),
                                         _po_catalogue_page_get_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), create_filter (_("PDF documents"), "*.pdf", NULL));
  name = g_strdup_printf ("%s.pdf", item->code);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_pdf_chosen_cb), self, G_CONNECT_SWAPPED);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

void
_po_catalogue_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.new-item", NULL, new_item_action);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "page.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "page.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "page.file-change", NULL, file_change_action);
  gtk_widget_class_install_action (widget_class, "page.propose-abolition", NULL, propose_abolition_action);
  gtk_widget_class_install_action (widget_class, "page.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "page.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "page.export-pdf", NULL, export_pdf_action);
}
