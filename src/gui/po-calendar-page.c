/* po-calendar-page.c: the working-day calendar, year by year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One year's schedule at a time: its days off, joined into periods, and
 * its make-up working days, as the State Council's notice lists them.
 * A clerk imports the next year's notice as a file, or enters its days by
 * hand, and removes a day entered by mistake (with Undo). Reading a year
 * takes a few hundred rows and stays on the main thread; every change
 * recomputes the deadlines counted across the days it changed, on a
 * worker with a connection of its own, and then the window's other pages
 * read their figures again and the alerts are checked.
 */
#define G_LOG_DOMAIN "po-calendar-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "po-alert-dialogs.h"
#include "po-calendar-page.h"
#include "po-calendar-store.h"

struct _PoCalendarPage
{
  PoPage                parent_instance;

  GArray               *years;          /* int: the dropdown's years, newest first */
  int                   year;           /* the year shown */
  GCancellable         *cancellable;    /* a write, or a dialog */
  GtkFileChooserNative *chooser;
  gboolean              busy;
  gboolean              filling_dropdown;
  gboolean              asking_workday;   /* which form is open */
  gboolean              disposed;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkDropDown          *year_dropdown;
  GtkRevealer          *busy_revealer;
  GtkSpinner           *busy_spinner;
  GtkLabel             *busy_label;
  GtkWidget            *missing_group;
  GtkLabel             *missing_label;
  AdwPreferencesGroup  *year_group;
  GtkListBox           *period_list;
};

G_DEFINE_FINAL_TYPE (PoCalendarPage, po_calendar_page, PO_TYPE_PAGE)

typedef enum
{
  WRITE_IMPORT,
  WRITE_ADD,
  WRITE_REMOVE,
  WRITE_RESTORE,
  WRITE_EXPORT,   /* not a write to the office: the calendar to a file */
} WriteKind;

/* What a worker writes, and what the page says when it is done. */
typedef struct
{
  char      *path;
  char      *actor;
  WriteKind  kind;
  char      *file;
  int        year;
  PoDate     first;
  PoDate     last;
  gboolean   workday;
  char      *name;
  GArray    *imported;   /* int: the years a file brought */
} Write;

static void
write_free (Write *write)
{
  g_free (write->path);
  g_free (write->actor);
  g_free (write->file);
  g_free (write->name);
  g_clear_pointer (&write->imported, g_array_unref);
  g_free (write);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Write, write_free)

static void update_actions (PoCalendarPage *self);
static void on_undo_clicked_cb (AdwToast       *toast,
                                PoCalendarPage *self);

/* Reading */

static char *
format_day (PoDate day)
{
  g_autofree char *iso = po_date_format (day);
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *weekday = NULL;
  int y, m, d;

  po_date_to_ymd (day, &y, &m, &d);
  time = g_date_time_new_local (y, m, d, 12, 0, 0);
  weekday = time ? g_date_time_format (time, "%A") : g_strdup ("");
  /* Translators: a date and its weekday, e.g. 2026-10-10 星期六 */
  return g_strdup_printf (_("%s %s"), iso, weekday);
}

static char *
describe_period (const PoCalendarPeriod *p)
{
  g_autofree char *first = format_day (p->first);
  g_autofree char *last = NULL;
  guint n = (guint) (p->last - p->first + 1);

  if (p->workday)
    /* Translators: %s is a date and its weekday */
    return g_strdup_printf (_("%s · make-up working day"), first);
  if (n == 1)
    /* Translators: %s is a date and its weekday */
    return g_strdup_printf (_("%s · 1 day off"), first);
  last = format_day (p->last);
  /* Translators: the first and last day of a holiday, and how many days it has */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to %s · %u day off", "%s to %s · %u days off", n),
                          first, last, n);
}

static GtkWidget *
create_period_row (PoCalendarPage         *self,
                   const PoCalendarPeriod *p)
{
  g_autofree char *subtitle = describe_period (p);
  g_autofree char *first = po_date_format (p->first);
  g_autofree char *last = po_date_format (p->last);
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *tag = gtk_label_new (p->workday ? C_("calendar tag", "Work") : C_("calendar tag", "Off"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* Translators: a holiday imported without a name */
  const char *name = *p->name != '\0' ? p->name : _("Unnamed");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "tag-badge");
  gtk_widget_add_css_class (tag, p->workday ? "provisional" : "success");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), tag);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  /* Translators: the button that removes a holiday, %s its name */
  label = g_strdup_printf (_("Remove “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "page.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(ssbsi)", first, last, p->workday, p->name, self->year);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
show_year (PoCalendarPage *self)
{
  PoDatabase *db = po_page_get_database (PO_PAGE (self));
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const PoCalendarYear *info = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->period_list))) != NULL)
    gtk_list_box_remove (self->period_list, child);

  if (self->year == 0)
    return;
  if ((years = po_calendar_store_list_years (db, &error)) == NULL ||
      (periods = po_calendar_store_list_periods (db, self->year, &error)) == NULL)
    {
      po_page_show_toast (PO_PAGE (self), error->message);
      return;
    }
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, PoCalendarYear, i).year == self->year)
      info = &g_array_index (years, PoCalendarYear, i);

  /* Translators: %d is a year */
  title = g_strdup_printf (_("Schedule of %d"), self->year);
  adw_preferences_group_set_title (self->year_group, title);
  if (info == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("No schedule for %d yet: deadlines in it count Monday to Friday and are "
                                                 "marked provisional until its days off and make-up working days are "
                                                 "imported or entered."),
                                               self->year);
      adw_preferences_group_set_description (self->year_group, text);
    }
  else if (info->source != NULL && *info->source != '\0')
    {
      /* Translators: %s is where a schedule came from, such as the notice's title */
      g_autofree char *text = g_strdup_printf (_("From %s"), info->source);
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      adw_preferences_group_set_description (self->year_group, escaped);
    }
  else
    adw_preferences_group_set_description (self->year_group, _("Entered in the application."));

  for (guint i = 0; i < periods->len; i++)
    gtk_list_box_append (self->period_list, create_period_row (self, &g_array_index (periods, PoCalendarPeriod, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->period_list), periods->len > 0);
}

static int
compare_years_descending (gconstpointer a,
                          gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (y > x) - (y < x);
}

/* Reads the years again, keeps the one shown if it is still there (or
 * goes to @year when given), and shows it. */
static void
load (PoCalendarPage *self,
      int             year)
{
  PoDatabase *db = po_page_get_database (PO_PAGE (self));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(PoCalendar) calendar = NULL;
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  PoDate today = po_date_today ();
  int this_year, month, day, missing;
  guint selected = 0;

  po_date_to_ymd (today, &this_year, &month, &day);
  /* The calendar as stored now, should another program have imported
   * one since this connection read it (a few hundred rows). */
  po_database_calendar_changed (db);
  if ((stored = po_calendar_store_list_years (db, &error)) == NULL ||
      (calendar = po_database_get_calendar (db, &error)) == NULL)
    {
      po_page_show_toast (PO_PAGE (self), error->message);
      return;
    }

  g_array_set_size (self->years, 0);
  for (guint i = 0; i < stored->len; i++)
    g_array_append_val (self->years, g_array_index (stored, PoCalendarYear, i).year);
  /* The year to enter next is offered too, and the one asked for. */
  missing = po_calendar_missing_year (calendar, today);
  if (missing == 0)
    missing = MAX (po_calendar_last_published (calendar), this_year - 1) + 1;
  if (!po_calendar_is_published (calendar, missing))
    g_array_append_val (self->years, missing);
  if (year != 0 && !po_calendar_is_published (calendar, year) && year != missing)
    g_array_append_val (self->years, year);
  g_array_sort (self->years, compare_years_descending);

  if (year == 0)
    year = self->year != 0 ? self->year : this_year;
  for (guint i = 0; i < self->years->len; i++)
    {
      int y = g_array_index (self->years, int, i);
      g_autofree char *label = po_calendar_is_published (calendar, y) ? g_strdup_printf ("%d", y)
                                 /* Translators: a year whose schedule is not entered yet */
                                 : g_strdup_printf (_("%d (none yet)"), y);

      gtk_string_list_append (labels, label);
      if (y == year)
        selected = i;
    }
  self->year = self->years->len > 0 ? g_array_index (self->years, int, selected) : 0;

  self->filling_dropdown = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->filling_dropdown = FALSE;

  if (stored->len > 0)
    /* Translators: the first and last year of the schedules the office has */
    subtitle = g_strdup_printf (_("Schedules from %d to %d"), g_array_index (stored, PoCalendarYear, 0).year,
                                g_array_index (stored, PoCalendarYear, stored->len - 1).year);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");

  missing = po_calendar_missing_year (calendar, today);
  if (missing != 0)
    {
      g_autofree char *text = g_strdup_printf (_("The schedule of %d is not entered. Deadlines that fall in %d count "
                                                 "Monday to Friday and are marked provisional until it is."),
                                               missing, missing);
      gtk_label_set_label (self->missing_label, text);
    }
  gtk_widget_set_visible (self->missing_group, missing != 0);

  show_year (self);
}

static void
on_year_selected_cb (PoCalendarPage *self)
{
  guint i = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->filling_dropdown || i >= self->years->len)
    return;
  self->year = g_array_index (self->years, int, i);
  show_year (self);
}

/* Writing */

static void
set_busy (PoCalendarPage *self,
          const char     *label)
{
  self->busy = label != NULL;
  if (label != NULL)
    gtk_label_set_label (self->busy_label, label);
  gtk_spinner_set_spinning (self->busy_spinner, self->busy);
  gtk_revealer_set_reveal_child (self->busy_revealer, self->busy);
  update_actions (self);
}

/* Called on the main thread when Cancel is pressed: the statement running
 * on the worker's connection stops, and the worker rolls back. */
static void
on_write_cancelled_cb (GCancellable *cancellable,
                       PoDatabase   *db)
{
  sqlite3_interrupt (po_database_get_handle (db));
}

static void
write_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Write *write = task_data;
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gulong handler = 0;
  gboolean ok;

  if (write->kind == WRITE_EXPORT)
    {
      g_autofree char *json = NULL;

      if ((db = po_database_open_as (write->path, write->actor, &error)) == NULL ||
          (json = po_calendar_store_export_json (db, &error)) == NULL ||
          !g_file_set_contents (write->file, json, -1, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  if ((db = po_database_open_as (write->path, write->actor, &error)) == NULL ||
      !po_database_begin (db, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (on_write_cancelled_cb), db, NULL);
  /* A cancel that came while the office was being opened: stop now. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_cancellable_disconnect (cancellable, handler);
      po_database_rollback (db);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return;
    }
  switch (write->kind)
    {
    case WRITE_IMPORT:
      ok = po_calendar_store_import_file (db, write->file, write->imported, &error);
      break;
    case WRITE_ADD:
      ok = po_calendar_store_add_period (db, write->year, write->first, write->last, write->workday, write->name, &error);
      break;
    case WRITE_RESTORE:
      ok = po_calendar_store_restore_period (db, write->year, write->first, write->last, write->workday, write->name,
                                             &error);
      break;
    case WRITE_REMOVE:
    default:
      ok = po_calendar_store_remove_period (db, write->first, write->last, &error);
      break;
    }
  /* Once it is cancelled, nothing is kept, whatever was done. */
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, &error))
    ok = FALSE;
  ok = ok && po_database_commit (db, &error);
  g_cancellable_disconnect (cancellable, handler);
  if (!ok)
    {
      po_database_rollback (db);
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_clear_error (&error);
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_written_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PoCalendarPage) self = user_data;
  Write *write = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *first = po_date_format (write->first);
  g_autofree char *last = po_date_format (write->last);
  int year = write->year;

  if (self->disposed)
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        po_page_show_toast (PO_PAGE (self), _("Cancelled. The calendar and the deadlines are as they were."));
      else
        po_page_show_error_dialog (PO_PAGE (self),
                                   write->kind == WRITE_IMPORT ? _("The Schedule Could Not Be Imported")
                                   : write->kind == WRITE_EXPORT ? _("The Calendar Could Not Be Exported")
                                   : _("The Calendar Could Not Be Changed"),
                                   error->message);
      return;
    }
  if (write->kind == WRITE_EXPORT)
    {
      g_autofree char *name = g_path_get_basename (write->file);

      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Exported the calendar to “%s”"), name);
      po_page_show_toast (PO_PAGE (self), message);
      return;
    }

  switch (write->kind)
    {
    case WRITE_IMPORT:
      {
        g_autoptr(GString) list = g_string_new (NULL);

        for (guint i = 0; i < write->imported->len; i++)
          g_string_append_printf (list, "%s%d", i ? _(", ") : "", g_array_index (write->imported, int, i));
        year = write->imported->len > 0 ? g_array_index (write->imported, int, write->imported->len - 1) : 0;
        /* Translators: %s lists years */
        message = g_strdup_printf (_("Imported the schedules of %s"), list->str);
        po_page_show_toast (PO_PAGE (self), message);
      }
      break;
    case WRITE_ADD:
    case WRITE_RESTORE:
      message = write->first == write->last
                  /* Translators: a holiday's name and a day */
                  ? g_strdup_printf (_("Added “%s”, %s"), write->name, first)
                  /* Translators: a holiday's name and its first and last day */
                  : g_strdup_printf (_("Added “%s”, %s to %s"), write->name, first, last);
      po_page_show_toast (PO_PAGE (self), message);
      break;
    case WRITE_REMOVE:
    default:
      message = write->first == write->last
                  /* Translators: a holiday's name and a day */
                  ? g_strdup_printf (_("Removed “%s”, %s"), write->name, first)
                  /* Translators: a holiday's name and its first and last day */
                  : g_strdup_printf (_("Removed “%s”, %s to %s"), write->name, first, last);
      {
        AdwToast *toast = po_page_show_toast_with_button (PO_PAGE (self), message, _("_Undo"));
        Write *undo = g_new0 (Write, 1);

        /* Undo puts the period back as it was. */
        undo->kind = WRITE_RESTORE;
        undo->year = write->year;
        undo->first = write->first;
        undo->last = write->last;
        undo->workday = write->workday;
        undo->name = g_strdup (write->name);
        if (toast != NULL)
          {
            g_object_set_data_full (G_OBJECT (toast), "po-undo", undo, (GDestroyNotify) write_free);
            g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
          }
        else
          write_free (undo);
      }
      break;
    }

  load (self, year);
  /* The deadlines moved: the other pages read them again, and the alerts
   * follow. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.office-changed", NULL);
}

static void
run_write (PoCalendarPage *self,
           Write          *write,
           const char     *label)
{
  PoDatabase *db = po_page_get_database (PO_PAGE (self));
  g_autoptr(GTask) task = NULL;

  write->path = g_strdup (po_database_get_path (db));
  write->actor = g_strdup (po_database_get_actor (db));
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, on_written_cb, g_object_ref (self));
  g_task_set_source_tag (task, run_write);
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);
  g_task_set_return_on_cancel (task, FALSE);
  /* A cancel that comes after the commit is too late: the worker says
   * what happened. */
  g_task_set_check_cancellable (task, FALSE);
  set_busy (self, label);
  g_task_run_in_thread (task, write_worker);
}

/**
 * po_calendar_page_import:
 * @file: an iCalendar file or the project's calendar JSON
 *
 * Imports the schedules in @file in the background, all or nothing.
 */
void
po_calendar_page_import (PoCalendarPage *self,
                         GFile          *file)
{
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *label = NULL;
  Write *write;

  g_return_if_fail (PO_IS_CALENDAR_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Not while a form is open, nor while another change is written. */
  if (self->busy || self->cancellable != NULL || (path = g_file_get_path (file)) == NULL)
    return;
  basename = g_file_get_basename (file);
  write = g_new0 (Write, 1);
  write->kind = WRITE_IMPORT;
  write->file = g_steal_pointer (&path);
  write->imported = g_array_new (FALSE, FALSE, sizeof (int));
  /* Translators: %s is a file name */
  label = g_strdup_printf (_("Importing “%s” and recomputing the deadlines it moves…"), basename);
  run_write (self, write, label);
}

/**
 * po_calendar_page_export:
 * @file: where to write the calendar, in the project's JSON
 *
 * Writes every year's schedule to @file in the background, as the
 * command line's `calendar export` does.
 */
void
po_calendar_page_export (PoCalendarPage *self,
                         GFile          *file)
{
  g_autofree char *path = NULL;
  Write *write;

  g_return_if_fail (PO_IS_CALENDAR_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy || self->cancellable != NULL || (path = g_file_get_path (file)) == NULL)
    return;
  write = g_new0 (Write, 1);
  write->kind = WRITE_EXPORT;
  write->file = g_steal_pointer (&path);
  run_write (self, write, _("Exporting the calendar…"));
}

static void
write_period (PoCalendarPage *self,
              WriteKind       kind,
              int             year,
              PoDate          first,
              PoDate          last,
              gboolean        workday,
              const char     *name)
{
  Write *write;

  if (self->busy || self->cancellable != NULL)
    return;
  write = g_new0 (Write, 1);
  write->kind = kind;
  write->year = year;
  write->first = first;
  write->last = last;
  write->workday = workday;
  write->name = g_strdup (name);
  run_write (self, write, _("Recomputing the deadlines counted across these days…"));
}

static void
on_undo_clicked_cb (AdwToast       *toast,
                    PoCalendarPage *self)
{
  Write *undo = g_object_get_data (G_OBJECT (toast), "po-undo");

  if (undo != NULL)
    write_period (self, WRITE_RESTORE, undo->year, undo->first, undo->last, undo->workday, undo->name);
}

/* Actions */

/* The file chosen to import or, with "export" set on the chooser, to
 * export to. */
static void
on_file_chosen_cb (PoCalendarPage  *self,
                   int              response,
                   GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;
  gboolean export = g_object_get_data (G_OBJECT (chooser), "export") != NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL && export)
    po_calendar_page_export (self, file);
  else if (file != NULL)
    po_calendar_page_import (self, file);
  update_actions (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PoCalendarPage *self = PO_CALENDAR_PAGE (widget);

  if (self->busy || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export the Calendar"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the file name offered for an exported calendar */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("calendar.json"));
  g_object_set_data (G_OBJECT (self->chooser), "export", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_file_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
  update_actions (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PoCalendarPage *self = PO_CALENDAR_PAGE (widget);
  GtkFileFilter *filter;

  if (self->busy || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Import a Schedule"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Calendars (iCalendar, JSON)"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_file_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
  update_actions (self);
}

static void
on_dialog_answered_cb (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(PoCalendarPage) self = user_data;
  g_autoptr(PoAlertDialogAnswer) answer = po_alert_dialog_run_finish (result, NULL);
  gboolean workday = self->asking_workday;

  g_clear_object (&self->cancellable);
  update_actions (self);
  if (answer == NULL)
    return;
  write_period (self, WRITE_ADD, self->year, answer->date, workday ? answer->date : answer->end, workday, answer->text);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  PoCalendarPage *self = PO_CALENDAR_PAGE (widget);
  gboolean workday = g_str_equal (action_name, "page.add-makeup-day");
  g_autofree char *subject = NULL;

  if (self->busy || self->cancellable != NULL || self->year == 0)
    return;
  /* Translators: %d is a year */
  subject = g_strdup_printf (_("Schedule of %d"), self->year);
  self->cancellable = g_cancellable_new ();
  self->asking_workday = workday;
  po_alert_dialog_run (GTK_WINDOW (gtk_widget_get_root (widget)),
                       workday ? PO_ALERT_DIALOG_MAKEUP_DAY : PO_ALERT_DIALOG_DAYS_OFF,
                       subject, NULL, self->cancellable, on_dialog_answered_cb, g_object_ref (self));
  update_actions (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PoCalendarPage *self = PO_CALENDAR_PAGE (widget);

  if (self->busy)
    g_cancellable_cancel (self->cancellable);
}

/* page.remove: (first, last, workday, name, year) of a period shown. */
static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PoCalendarPage *self = PO_CALENDAR_PAGE (widget);
  const char *first, *last, *name;
  gboolean workday;
  int year;

  g_variant_get (param, "(&s&sb&si)", &first, &last, &workday, &name, &year);
  write_period (self, WRITE_REMOVE, year, po_date_parse (first, NULL), po_date_parse (last, NULL), workday, name);
}

static void
update_actions (PoCalendarPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean idle = !self->busy && self->cancellable == NULL && self->chooser == NULL;

  gtk_widget_action_set_enabled (widget, "page.import", idle);
  gtk_widget_action_set_enabled (widget, "page.export", idle);
  gtk_widget_action_set_enabled (widget, "page.add-days-off", idle && self->year != 0);
  gtk_widget_action_set_enabled (widget, "page.add-makeup-day", idle && self->year != 0);
  gtk_widget_action_set_enabled (widget, "page.remove", idle);
  gtk_widget_action_set_enabled (widget, "page.cancel", self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->year_dropdown), !self->busy);
}

static void
po_calendar_page_reload (PoPage *page)
{
  PoCalendarPage *self = PO_CALENDAR_PAGE (page);

  if (!self->busy)
    load (self, 0);
}

static void
po_calendar_page_constructed (GObject *object)
{
  PoCalendarPage *self = PO_CALENDAR_PAGE (object);

  G_OBJECT_CLASS (po_calendar_page_parent_class)->constructed (object);

  load (self, 0);
  update_actions (self);
}

static void
po_calendar_page_dispose (GObject *object)
{
  PoCalendarPage *self = PO_CALENDAR_PAGE (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (po_calendar_page_parent_class)->dispose (object);
}

static void
po_calendar_page_finalize (GObject *object)
{
  PoCalendarPage *self = PO_CALENDAR_PAGE (object);

  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (po_calendar_page_parent_class)->finalize (object);
}

static void
po_calendar_page_class_init (PoCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PoPageClass *page_class = PO_PAGE_CLASS (klass);

  object_class->constructed = po_calendar_page_constructed;
  object_class->dispose = po_calendar_page_dispose;
  object_class->finalize = po_calendar_page_finalize;

  page_class->reload = po_calendar_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/poweroversight/PowerOversight/po-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoCalendarPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, PoCalendarPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PoCalendarPage, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, PoCalendarPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, PoCalendarPage, busy_label);
  gtk_widget_class_bind_template_child (widget_class, PoCalendarPage, missing_group);
  gtk_widget_class_bind_template_child (widget_class, PoCalendarPage, missing_label);
  gtk_widget_class_bind_template_child (widget_class, PoCalendarPage, year_group);
  gtk_widget_class_bind_template_child (widget_class, PoCalendarPage, period_list);
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected_cb);

  gtk_widget_class_install_action (widget_class, "page.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.add-days-off", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "page.add-makeup-day", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "page.remove", "(ssbsi)", remove_action);
  gtk_widget_class_install_action (widget_class, "page.cancel", NULL, cancel_action);
}

static void
po_calendar_page_init (PoCalendarPage *self)
{
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * po_calendar_page_new:
 * @database: the main thread's connection
 *
 * Returns: (transfer floating): a new calendar page
 */
GtkWidget *
po_calendar_page_new (PoDatabase *database)
{
  g_return_val_if_fail (PO_IS_DATABASE (database), NULL);

  return g_object_new (PO_TYPE_CALENDAR_PAGE,
                       "database", database,
                       "title", _("Working-Day Calendar"),
                       "icon-name", "x-office-calendar-symbolic",
                       NULL);
}

/**
 * po_calendar_page_get_year:
 *
 * Returns: the year shown
 */
int
po_calendar_page_get_year (PoCalendarPage *self)
{
  g_return_val_if_fail (PO_IS_CALENDAR_PAGE (self), 0);

  return self->year;
}

/**
 * po_calendar_page_show_year:
 *
 * Shows @year's schedule, or the lack of one.
 */
void
po_calendar_page_show_year (PoCalendarPage *self,
                            int             year)
{
  g_return_if_fail (PO_IS_CALENDAR_PAGE (self));

  load (self, year);
}

/**
 * po_calendar_page_get_busy:
 *
 * Returns: whether a change is being written
 */
gboolean
po_calendar_page_get_busy (PoCalendarPage *self)
{
  g_return_val_if_fail (PO_IS_CALENDAR_PAGE (self), FALSE);

  return self->busy;
}
