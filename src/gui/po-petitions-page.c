/* po-petitions-page.c: consultations and complaints (咨询投诉)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 规定 十(二)6: a consultation is answered within 3 working days of
 * receipt, a complaint within 10. This page registers those received by
 * hand, assigns them, records the reply and closes them; each row shows
 * the working days left or over as the core counts them, yellow and red
 * as in the review queue. Deadlines are the core's: registering one
 * computes its deadline there.
 *
 * As on the monitoring pane, work runs on worker threads with their own
 * connections; tasks carry no reference to the page in their data.
 */
#define G_LOG_DOMAIN "po-petitions-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "po-alert-dialogs.h"
#include "po-catalogue.h"
#include "po-domain.h"
#include "po-error.h"
#include "po-intake.h"
#include "po-item.h"
#include "po-petition-dialogs.h"
#include "po-petition-object.h"
#include "po-petitions-page.h"

/* With closed ones shown too, the newest this many. */
#define ALL_LIMIT 2000

typedef enum
{
  WRITE_REGISTER,
  WRITE_ASSIGN,
  WRITE_ANSWER,
  WRITE_CLOSE,
} WriteKind;

struct _PoPetitionsPage
{
  PoPage               parent_instance;

  GListStore          *petitions;
  GtkSortListModel    *sorted;
  GtkSingleSelection  *selection;
  PoPetitionObject    *shown;
  gint64               select_after_load;

  GCancellable        *load_cancellable;
  GCancellable        *write_cancellable;
  GCancellable        *dialog_cancellable;

  guint                loading : 1;
  guint                reload_pending : 1;
  guint                loaded : 1;
  guint                busy : 1;
  guint                filling : 1;
  guint                disposed : 1;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *back_button;
  GtkStack            *content_stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_status_page;
  AdwLeaflet          *leaflet;
  GtkDropDown         *kind_filter;
  GtkCheckButton      *open_only_check;
  GtkLabel            *shown_label;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *days_column;
  GtkColumnViewColumn *ref_column;
  GtkColumnViewColumn *subject_column;
  GtkColumnViewColumn *due_column;
  GtkStack            *detail_stack;
  GtkWidget           *detail_box;
  GtkLabel            *detail_title;
  GtkLabel            *detail_subtitle;
  GtkLabel            *detail_days_label;
  GtkLabel            *received_label;
  AdwActionRow        *due_row;
  GtkLabel            *due_label;
  GtkLabel            *replied_label;
  GtkLabel            *closed_label;
  AdwActionRow        *channel_row;
  AdwActionRow        *assignee_row;
  AdwActionRow        *answer_row;
};

G_DEFINE_FINAL_TYPE (PoPetitionsPage, po_petitions_page, PO_TYPE_PAGE)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_loading  (PoPetitionsPage  *self);
static void update_actions (PoPetitionsPage  *self);
static void show_petition  (PoPetitionsPage  *self,
                            PoPetitionObject *petition);

static gboolean
is_cancelled_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, PO_ERROR, PO_ERROR_CANCELLED);
}

static gboolean
has_date (const char *date)
{
  return date != NULL && *date != '\0';
}

static void
update_busy (PoPetitionsPage *self)
{
  gboolean busy = self->loading || self->write_cancellable != NULL;

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static GtkWindow *
parent_window (PoPetitionsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error_dialog (PoPetitionsPage *self,
                   const char      *heading,
                   const GError    *error)
{
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message, _("Nothing was recorded."));

  po_page_show_error_dialog (PO_PAGE (self), heading, body);
}

static const char *
kind_label (const char *kind)
{
  guint n;
  const PoEnumEntry *kinds = po_petition_kinds (&n);

  return po_enum_label (kinds, n, kind);
}

static void
set_badge_style (GtkWidget  *widget,
                 const char *style)
{
  gtk_widget_remove_css_class (widget, "warning");
  gtk_widget_remove_css_class (widget, "error");
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
}

/* Workers */

typedef struct
{
  char                   *path;
  char                   *actor;
  PoDate                  today;
  int                     yellow_days;
  int                     yellow_share;

  /* Loading */
  char                   *kind;
  gboolean                open_only;

  /* Writing */
  WriteKind               write;
  gint64                  id;
  char                   *text;
  PoDate                  date;
  PoPetitionRegistration *registration;
} WorkerData;

static void
worker_data_free (WorkerData *data)
{
  g_free (data->path);
  g_free (data->actor);
  g_free (data->kind);
  g_free (data->text);
  g_clear_pointer (&data->registration, po_petition_registration_free);
  g_free (data);
}

static WorkerData *
worker_data_new (PoPetitionsPage *self)
{
  PoDatabase *db = po_page_get_database (PO_PAGE (self));
  WorkerData *data = g_new0 (WorkerData, 1);

  data->path = g_strdup (po_database_get_path (db));
  data->actor = g_strdup (po_database_get_actor (db));
  data->today = po_date_today ();
  {
    PoScanOptions office;

    /* The same thresholds the scan uses: days left, or a share used. */
    po_page_load_scan_options (PO_PAGE (self), data->today, &office);
    data->yellow_days = office.yellow_days;
    data->yellow_share = office.yellow_share;
  }
  return data;
}

static GTask *
worker_task_new (PoPetitionsPage     *self,
                 WorkerData          *data,
                 GCancellable        *cancellable,
                 gpointer             source_tag,
                 GAsyncReadyCallback  callback)
{
  GTask *task = g_task_new (NULL, cancellable, callback, g_object_ref (self));

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) worker_data_free);
  return task;
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  WorkerData *data = task_data;
  PoPetitionFilter filter = { data->kind, 0, data->open_only, data->today, data->yellow_days,
                              data->open_only ? 0 : ALL_LIMIT, data->yellow_share };
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(GPtrArray) petitions = NULL;
  g_autoptr(GError) error = NULL;

  if (!(db = po_database_open_as (data->path, data->actor, &error)) ||
      !(petitions = po_petitions_list (db, &filter, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&petitions), (GDestroyNotify) g_ptr_array_unref);
}

/* The list */

static const char *
selected_kind (PoPetitionsPage *self)
{
  guint n;
  const PoEnumEntry *kinds = po_petition_kinds (&n);
  guint selected = gtk_drop_down_get_selected (self->kind_filter);

  return selected > 0 && selected <= n ? kinds[selected - 1].key : NULL;
}

static guint
find_petition (PoPetitionsPage *self,
               gint64           id)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoPetitionObject) petition = g_list_model_get_item (model, i);

      if (po_petition_object_get_id (petition) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
update_title (PoPetitionsPage *self,
              GPtrArray       *petitions)
{
  guint open = 0, overdue = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < petitions->len; i++)
    {
      PoPetitionObject *object = g_ptr_array_index (petitions, i);
      const PoPetition *p = po_petition_object_get_petition (object);

      if (has_date (p->closed_on))
        continue;
      open++;
      if (!has_date (p->replied_on) && g_strcmp0 (p->level, "red") == 0)
        overdue++;
    }
  if (open > 0 && overdue > 0)
    /* Translators: open consultations and complaints, and how many of them are past their reply deadline */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open · %u overdue", "%u open · %u overdue", overdue),
                                open, overdue);
  else if (open > 0)
    /* Translators: open consultations and complaints */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open", "%u open", open), open);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
show_list (PoPetitionsPage *self,
           GPtrArray       *petitions)
{
  gint64 shown_id = self->select_after_load ? self->select_after_load
                                            : self->shown ? po_petition_object_get_id (self->shown) : 0;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *shown = NULL;
  guint position;

  for (guint i = 0; i < petitions->len; i++)
    g_ptr_array_add (objects, po_petition_object_new (g_steal_pointer (&petitions->pdata[i])));
  g_ptr_array_set_free_func (petitions, NULL);
  g_ptr_array_set_size (petitions, 0);

  self->filling = TRUE;
  g_list_store_splice (self->petitions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->petitions)),
                       objects->pdata, objects->len);
  update_title (self, objects);

  if (!gtk_check_button_get_active (self->open_only_check) && objects->len >= ALL_LIMIT)
    /* Translators: the list shows only the newest N */
    shown = g_strdup_printf (_("The newest %u shown"), objects->len);
  else
    /* Translators: how many consultations and complaints the list shows */
    shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u shown", "%u shown", objects->len), objects->len);
  gtk_label_set_label (self->shown_label, shown);

  gtk_stack_set_visible_child_name (self->content_stack, "petitions");
  gtk_stack_set_visible_child_name (self->list_stack, objects->len > 0 ? "list" : "empty");

  position = shown_id != 0 ? find_petition (self, shown_id) : GTK_INVALID_LIST_POSITION;
  if (position == GTK_INVALID_LIST_POSITION && objects->len > 0)
    position = 0;
  self->select_after_load = 0;
  gtk_single_selection_set_selected (self->selection, position);
  self->filling = FALSE;
  show_petition (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PoPetitionsPage) self = user_data;
  g_autoptr(GPtrArray) petitions = NULL;
  g_autoptr(GError) error = NULL;

  petitions = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->disposed || (petitions == NULL && is_cancelled_error (error)))
    return;

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->load_cancellable);

  if (petitions != NULL)
    {
      self->loaded = TRUE;
      show_list (self, petitions);
    }
  else
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_status_page, markup);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }

  if (self->reload_pending)
    start_loading (self);
  update_busy (self);
}

static void
start_loading (PoPetitionsPage *self)
{
  g_autoptr(GTask) task = NULL;
  WorkerData *data;

  self->reload_pending = FALSE;
  if (self->loading)
    {
      self->reload_pending = TRUE;
      return;
    }

  self->loading = TRUE;
  update_busy (self);
  if (!self->loaded)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
    }

  data = worker_data_new (self);
  data->kind = g_strdup (selected_kind (self));
  data->open_only = gtk_check_button_get_active (self->open_only_check);
  self->load_cancellable = g_cancellable_new ();
  task = worker_task_new (self, data, self->load_cancellable, start_loading, on_loaded_cb);
  g_task_run_in_thread (task, load_worker);
}

/* The detail pane */

static void
set_date_label (GtkLabel   *label,
                const char *date)
{
  gtk_label_set_label (label, has_date (date) ? date : "—");
}

static void
set_row_text (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && *text != '\0' ? text : "—");
}

static void
show_petition (PoPetitionsPage  *self,
               PoPetitionObject *object)
{
  const PoPetition *p;
  g_autofree char *subtitle = NULL;
  g_autofree char *days = NULL;
  g_autofree char *rule = NULL;

  g_set_object (&self->shown, object);
  update_actions (self);

  if (object == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  p = po_petition_object_get_petition (object);
  gtk_label_set_label (self->detail_title, has_date (p->subject) ? p->subject : p->ref);
  /* Translators: consultation or complaint, its reference, the department */
  subtitle = g_strdup_printf (_("%s %s · %s"), kind_label (p->kind), p->ref, p->department ? p->department : "—");
  gtk_label_set_label (self->detail_subtitle, subtitle);

  days = has_date (p->closed_on) ? g_strdup (_("Closed")) : po_petition_format_days (p);
  gtk_label_set_label (self->detail_days_label, days);
  set_badge_style (GTK_WIDGET (self->detail_days_label), po_petition_badge_style (p));

  set_date_label (self->received_label, p->received_on);
  set_date_label (self->due_label, p->due_on);
  set_date_label (self->replied_label, p->replied_on);
  set_date_label (self->closed_label, p->closed_on);
  /* Translators: the time limit for a reply, counted from the day after receipt */
  rule = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Within %d working day of receipt, the day of receipt not counted",
                                       "Within %d working days of receipt, the day of receipt not counted",
                                       g_strcmp0 (p->kind, "complaint") == 0 ? 10 : 3),
                          g_strcmp0 (p->kind, "complaint") == 0 ? 10 : 3);
  adw_action_row_set_subtitle (self->due_row, rule);
  set_row_text (self->channel_row, p->channel);
  set_row_text (self->assignee_row, p->assignee);
  set_row_text (self->answer_row, p->answer);

  gtk_stack_set_visible_child_name (self->detail_stack, "petition");
}

static void
on_selected_item_cb (PoPetitionsPage    *self,
                     GParamSpec         *pspec,
                     GtkSingleSelection *selection)
{
  /* Removing the columns on dispose resorts the list. */
  if (!self->filling && !self->disposed)
    show_petition (self, gtk_single_selection_get_selected_item (selection));
}

static void
update_actions (PoPetitionsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const PoPetition *p = self->shown ? po_petition_object_get_petition (self->shown) : NULL;
  gboolean idle = self->write_cancellable == NULL && self->dialog_cancellable == NULL;
  gboolean open = p != NULL && !has_date (p->closed_on);

  gtk_widget_action_set_enabled (widget, "page.register", idle);
  gtk_widget_action_set_enabled (widget, "page.assign", idle && open);
  gtk_widget_action_set_enabled (widget, "page.answer", idle && open && !has_date (p->replied_on));
  gtk_widget_action_set_enabled (widget, "page.close", idle && open && has_date (p->replied_on));
}

/* Writing */

static void
write_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WorkerData *data = task_data;
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 result = 0;

  if ((db = po_database_open_as (data->path, data->actor, &error)) != NULL)
    {
      switch (data->write)
        {
        case WRITE_REGISTER:
          {
            PoPetitionRegistration *r = data->registration;
            g_autofree char *ref = r->ref ? g_strdup (r->ref) : po_petition_next_ref (db, r->kind, r->received_on);

            result = po_petition_register (db, ref, r->kind, r->department_id, r->received_on,
                                           r->subject, r->channel, data->today, &error);
            /* The toast names the reference given. */
            if (result > 0)
              {
                g_free (data->text);
                data->text = g_steal_pointer (&ref);
              }
          }
          break;

        case WRITE_ASSIGN:
          result = po_petition_assign (db, data->id, data->text, &error);
          break;

        case WRITE_ANSWER:
          result = po_petition_answer (db, data->id, data->date, data->text, data->today, &error);
          break;

        case WRITE_CLOSE:
          result = po_petition_close (db, data->id, data->today, &error);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (result <= 0)
    {
      if (error == NULL)
        g_set_error_literal (&error, PO_ERROR, PO_ERROR_FAILED, _("Nothing was recorded."));
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_int (task, (gssize) result);
}

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PoPetitionsPage) self = user_data;
  WorkerData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gssize written;

  written = g_task_propagate_int (G_TASK (result), &error);
  if (self->disposed)
    return;

  g_clear_object (&self->write_cancellable);
  update_busy (self);
  update_actions (self);

  if (error != NULL)
    {
      show_error_dialog (self,
                         data->write == WRITE_REGISTER ? _("The Consultation or Complaint Was Not Registered")
                                                       : _("The Consultation or Complaint Was Not Updated"),
                         error);
      return;
    }

  switch (data->write)
    {
    case WRITE_REGISTER:
      /* Translators: %s is the reference of a consultation or complaint */
      message = g_strdup_printf (_("Registered as %s; its reply deadline is counted."), data->text);
      self->select_after_load = written;
      break;

    case WRITE_ASSIGN:
      message = g_strdup (_("Assigned."));
      break;

    case WRITE_ANSWER:
      message = g_strdup (_("The reply was recorded."));
      break;

    case WRITE_CLOSE:
    default:
      message = g_strdup (_("Closed."));
      break;
    }
  po_page_show_toast (PO_PAGE (self), message);
  start_loading (self);
}

static void
start_write (PoPetitionsPage *self,
             WorkerData      *data)
{
  g_autoptr(GTask) task = NULL;

  self->write_cancellable = g_cancellable_new ();
  update_busy (self);
  update_actions (self);
  task = worker_task_new (self, data, self->write_cancellable, start_write, on_written_cb);
  g_task_run_in_thread (task, write_worker);
}

typedef struct
{
  PoPetitionsPage *page;
  WriteKind        kind;
  gint64           id;
} AskData;

static void
on_answered_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AskData *ask = user_data;
  g_autoptr(PoPetitionsPage) self = ask->page;
  g_autoptr(PoAlertDialogAnswer) answer = NULL;
  WorkerData *data;

  answer = po_alert_dialog_run_finish (result, NULL);
  if (self->disposed)
    {
      g_free (ask);
      return;
    }
  g_clear_object (&self->dialog_cancellable);
  update_actions (self);
  if (answer == NULL || self->write_cancellable != NULL)
    {
      g_free (ask);
      return;
    }

  data = worker_data_new (self);
  data->write = ask->kind;
  data->id = ask->id;
  data->text = g_steal_pointer (&answer->text);
  data->date = answer->date;
  g_free (ask);
  start_write (self, data);
}

static void
ask (PoPetitionsPage   *self,
     PoAlertDialogKind  dialog_kind,
     WriteKind          write_kind)
{
  const PoPetition *p;
  g_autofree char *subject = NULL;
  AskData *data;

  if (self->shown == NULL || self->dialog_cancellable != NULL)
    return;

  p = po_petition_object_get_petition (self->shown);
  /* Translators: consultation or complaint, its reference and subject, in a dialog */
  subject = g_strdup_printf (_("%s %s: %s"), kind_label (p->kind), p->ref, p->subject ? p->subject : "");

  data = g_new0 (AskData, 1);
  data->page = g_object_ref (self);
  data->kind = write_kind;
  data->id = p->id;
  self->dialog_cancellable = g_cancellable_new ();
  update_actions (self);
  po_alert_dialog_run (parent_window (self), dialog_kind, subject,
                       dialog_kind == PO_ALERT_DIALOG_ASSIGN ? p->assignee : NULL,
                       self->dialog_cancellable, on_answered_cb, data);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ask (PO_PETITIONS_PAGE (widget), PO_ALERT_DIALOG_ASSIGN, WRITE_ASSIGN);
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ask (PO_PETITIONS_PAGE (widget), PO_ALERT_DIALOG_ANSWER_PETITION, WRITE_ANSWER);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PoPetitionsPage *self = PO_PETITIONS_PAGE (widget);
  WorkerData *data;

  if (self->shown == NULL || self->write_cancellable != NULL)
    return;

  data = worker_data_new (self);
  data->write = WRITE_CLOSE;
  data->id = po_petition_object_get_id (self->shown);
  start_write (self, data);
}

/* Registering: the departments are read first, off the main thread. */

typedef struct
{
  GPtrArray *names;
  GArray    *ids;
} Departments;

static void
departments_free (Departments *departments)
{
  g_clear_pointer (&departments->names, g_ptr_array_unref);
  g_clear_pointer (&departments->ids, g_array_unref);
  g_free (departments);
}

/* Every department of the office. */
static void
departments_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  WorkerData *data = task_data;
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  Departments *departments;

  if (!(db = po_database_open_as (data->path, data->actor, &error)) ||
      !(list = po_departments_list (db, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  departments = g_new0 (Departments, 1);
  departments->names = g_ptr_array_new_with_free_func (g_free);
  departments->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < list->len; i++)
    {
      const PoDepartment *d = g_ptr_array_index (list, i);

      g_array_append_val (departments->ids, d->id);
      g_ptr_array_add (departments->names, g_strdup (d->name));
    }
  g_task_return_pointer (task, departments, (GDestroyNotify) departments_free);
}

static void
on_registration_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PoPetitionsPage) self = user_data;
  g_autoptr(PoPetitionRegistration) registration = NULL;
  WorkerData *data;

  registration = po_petition_dialog_register_finish (result, NULL);
  if (self->disposed)
    return;
  g_clear_object (&self->dialog_cancellable);
  update_actions (self);
  if (registration == NULL || self->write_cancellable != NULL)
    return;

  data = worker_data_new (self);
  data->write = WRITE_REGISTER;
  data->registration = g_steal_pointer (&registration);
  start_write (self, data);
}

static void
on_departments_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PoPetitionsPage) self = user_data;
  Departments *departments;
  g_autoptr(GError) error = NULL;

  departments = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->disposed || (departments == NULL && is_cancelled_error (error)))
    {
      g_clear_pointer (&departments, departments_free);
      return;
    }

  if (departments == NULL)
    {
      g_clear_object (&self->dialog_cancellable);
      update_actions (self);
      show_error_dialog (self, _("The Departments Could Not Be Read"), error);
      return;
    }
  if (departments->ids->len == 0)
    {
      g_clear_object (&self->dialog_cancellable);
      update_actions (self);
      departments_free (departments);
      po_page_show_toast (PO_PAGE (self), _("The office has no departments yet: import the catalogue first, which creates them."));
      return;
    }

  po_petition_dialog_register (parent_window (self), departments->names, departments->ids,
                               self->dialog_cancellable, on_registration_cb, g_object_ref (self));
  departments_free (departments);
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PoPetitionsPage *self = PO_PETITIONS_PAGE (widget);
  g_autoptr(GTask) task = NULL;

  if (self->dialog_cancellable != NULL || self->write_cancellable != NULL)
    return;

  self->dialog_cancellable = g_cancellable_new ();
  update_actions (self);
  task = worker_task_new (self, worker_data_new (self), self->dialog_cancellable, register_action, on_departments_cb);
  g_task_run_in_thread (task, departments_worker);
}

/* The column view */

typedef enum
{
  COLUMN_DAYS,
  COLUMN_REF,        /* and the kind below */
  COLUMN_SUBJECT,    /* and the department below */
  COLUMN_DUE,
} Column;

static GtkWidget *
create_cell_label (gboolean ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (ellipsize)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
    }
  return label;
}

/* Two lines keep the table narrow enough to stand beside the detail. */
static void
on_setup_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child;

  if (column == COLUMN_REF || column == COLUMN_SUBJECT)
    {
      GtkWidget *second = create_cell_label (TRUE);

      child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_box_append (GTK_BOX (child), create_cell_label (column == COLUMN_SUBJECT));
      gtk_widget_add_css_class (second, "caption");
      gtk_widget_add_css_class (second, "dim-label");
      gtk_box_append (GTK_BOX (child), second);
      if (column == COLUMN_REF)
        gtk_widget_add_css_class (gtk_widget_get_first_child (child), "numeric");
    }
  else
    {
      child = create_cell_label (FALSE);
      gtk_widget_add_css_class (child, "numeric");
      if (column == COLUMN_DAYS)
        {
          gtk_widget_set_halign (child, GTK_ALIGN_START);
          gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (child, "deadline-badge");
        }
    }
  gtk_list_item_set_child (list_item, child);
}

static void
set_lines (GtkWidget  *box,
           const char *first,
           const char *second)
{
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *bottom = gtk_widget_get_next_sibling (top);

  gtk_label_set_label (GTK_LABEL (top), first);
  gtk_label_set_label (GTK_LABEL (bottom), second);
  gtk_widget_set_tooltip_text (top, first);
  gtk_widget_set_tooltip_text (bottom, second);
}

static void
on_bind_cell_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  const PoPetition *p = po_petition_object_get_petition (gtk_list_item_get_item (list_item));
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_DAYS:
      text = has_date (p->closed_on) ? g_strdup (_("Closed")) : po_petition_format_days (p);
      gtk_label_set_label (GTK_LABEL (child), text);
      set_badge_style (child, po_petition_badge_style (p));
      break;

    case COLUMN_REF:
      set_lines (child, p->ref, kind_label (p->kind));
      break;

    case COLUMN_SUBJECT:
      set_lines (child, p->subject, p->department);
      break;

    case COLUMN_DUE:
    default:
      set_date_label (GTK_LABEL (child), p->due_on);
      break;
    }
}

static void
setup_column (GtkColumnViewColumn *column,
              Column               which,
              const char          *property,
              gboolean             numeric)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;
  GtkExpression *expression = gtk_property_expression_new (PO_TYPE_PETITION_OBJECT, NULL, property);

  if (numeric)
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
  else
    sorter = GTK_SORTER (gtk_string_sorter_new (expression));

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cell_cb), GINT_TO_POINTER (which));
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cell_cb), GINT_TO_POINTER (which));
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, sorter);
}

/* Navigation */

static void
on_leaflet_changed_cb (PoPetitionsPage *self)
{
  gtk_widget_set_visible (self->back_button,
                          po_page_get_folded (PO_PAGE (self)) || po_page_leaflet_shows_detail_alone (self->leaflet));
}

static void
on_column_view_activate_cb (PoPetitionsPage *self,
                            guint            position,
                            GtkColumnView   *view)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_child_focus (self->detail_box, GTK_DIR_TAB_FORWARD);
}

static void
on_filter_changed_cb (PoPetitionsPage *self)
{
  if (!self->filling && !self->disposed)
    start_loading (self);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PoPetitionsPage *self = PO_PETITIONS_PAGE (widget);

  po_page_leaflet_go_back (PO_PAGE (self), self->leaflet, GTK_WIDGET (self->column_view));
}

/* PoPage */

static void
po_petitions_page_reload (PoPage *page)
{
  start_loading (PO_PETITIONS_PAGE (page));
}

static void
po_petitions_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (po_petitions_page_parent_class)->map (widget);

  /* Imports and the CLI change them too. */
  po_page_reload (PO_PAGE (widget));
}

static void
po_petitions_page_constructed (GObject *object)
{
  PoPetitionsPage *self = (PoPetitionsPage *)object;
  g_autoptr(GtkStringList) kinds_model = gtk_string_list_new (NULL);
  guint n;
  const PoEnumEntry *kinds = po_petition_kinds (&n);

  G_OBJECT_CLASS (po_petitions_page_parent_class)->constructed (object);

  setup_column (self->days_column, COLUMN_DAYS, "urgency", TRUE);
  setup_column (self->ref_column, COLUMN_REF, "ref", FALSE);
  setup_column (self->subject_column, COLUMN_SUBJECT, "subject", FALSE);
  setup_column (self->due_column, COLUMN_DUE, "due-on", FALSE);

  self->petitions = g_list_store_new (PO_TYPE_PETITION_OBJECT);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->petitions)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  /* Those awaiting a reply, the least time left first, as in the review
   * queue; then those replied. */
  gtk_column_view_sort_by_column (self->column_view, self->days_column, GTK_SORT_ASCENDING);

  g_object_bind_property (self->leaflet, "folded", self->column_view, "single-click-activate",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "notify::folded", G_CALLBACK (on_leaflet_changed_cb), NULL);

  gtk_string_list_append (kinds_model, _("Consultations and complaints"));
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (kinds_model, po_enum_label (kinds, n, kinds[i].key));
  self->filling = TRUE;
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds_model));
  self->filling = FALSE;

  show_petition (self, NULL);
}

static void
po_petitions_page_dispose (GObject *object)
{
  PoPetitionsPage *self = (PoPetitionsPage *)object;

  self->disposed = TRUE;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->dialog_cancellable);
  g_clear_object (&self->dialog_cancellable);
  g_clear_object (&self->write_cancellable);


  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  G_OBJECT_CLASS (po_petitions_page_parent_class)->dispose (object);

  self->column_view = NULL;
  g_clear_object (&self->shown);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->petitions);
}

static void
po_petitions_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PoPetitionsPage *self = PO_PETITIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_petitions_page_class_init (PoPetitionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PoPageClass *page_class = PO_PAGE_CLASS (klass);

  object_class->constructed = po_petitions_page_constructed;
  object_class->dispose = po_petitions_page_dispose;
  object_class->get_property = po_petitions_page_get_property;

  widget_class->map = po_petitions_page_map;

  page_class->reload = po_petitions_page_reload;

  /**
   * PoPetitionsPage:busy:
   *
   * Whether the list is being read or a change recorded.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/poweroversight/PowerOversight/po-petitions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, error_status_page);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, open_only_check);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, days_column);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, ref_column);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, subject_column);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, due_column);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, detail_subtitle);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, detail_days_label);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, received_label);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, due_row);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, due_label);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, replied_label);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, closed_label);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, assignee_row);
  gtk_widget_class_bind_template_child (widget_class, PoPetitionsPage, answer_row);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "page.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "page.register", NULL, register_action);
  gtk_widget_class_install_action (widget_class, "page.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "page.answer", NULL, answer_action);
  gtk_widget_class_install_action (widget_class, "page.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "page.register", NULL);
}


static void
po_petitions_page_init (PoPetitionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * po_petitions_page_new:
 * @database: the main thread's connection
 *
 * Returns: (transfer floating): a new consultations and complaints page
 */
GtkWidget *
po_petitions_page_new (PoDatabase *database)
{
  g_return_val_if_fail (PO_IS_DATABASE (database), NULL);

  return g_object_new (PO_TYPE_PETITIONS_PAGE,
                       "database", database,
                       "title", _("Consultations & Complaints"),
                       "icon-name", "mail-unread-symbolic",
                       NULL);
}

/**
 * po_petitions_page_get_busy:
 *
 * Returns: whether the list is being read or a change recorded
 */
gboolean
po_petitions_page_get_busy (PoPetitionsPage *self)
{
  g_return_val_if_fail (PO_IS_PETITIONS_PAGE (self), FALSE);

  return self->busy;
}

/**
 * po_petitions_page_get_petitions:
 *
 * Returns: (transfer none): the consultations and complaints shown,
 *   #PoPetitionObject items in the order shown
 */
GListModel *
po_petitions_page_get_petitions (PoPetitionsPage *self)
{
  g_return_val_if_fail (PO_IS_PETITIONS_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

/**
 * po_petitions_page_select:
 * @id: one in the list
 *
 * Returns: whether the list holds it
 */
gboolean
po_petitions_page_select (PoPetitionsPage *self,
                          gint64           id)
{
  guint position;

  g_return_val_if_fail (PO_IS_PETITIONS_PAGE (self), FALSE);

  position = find_petition (self, id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/**
 * po_petitions_page_get_selected:
 *
 * Returns: the one shown in the detail pane, or 0
 */
gint64
po_petitions_page_get_selected (PoPetitionsPage *self)
{
  g_return_val_if_fail (PO_IS_PETITIONS_PAGE (self), 0);

  return self->shown ? po_petition_object_get_id (self->shown) : 0;
}
