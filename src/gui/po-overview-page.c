/* po-overview-page.c: the figures of the office at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-overview-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "po-demo.h"
#include "po-domain.h"
#include "po-error.h"
#include "po-overview.h"
#include "po-overview-page.h"

/* The figures are read, and demo data written, on a worker thread with a
 * connection of its own; the page's connection stays on the main thread.
 *
 * The tasks have no source object and their data holds no reference to
 * the page: a task run in a thread may drop its last reference on the
 * worker thread, and a widget must not be finalized there. The page's
 * reference travels as the callback's data instead, and the callback,
 * which always runs on the main thread, drops it. */

struct _PoOverviewPage
{
  PoPage          parent_instance;

  GCancellable   *cancellable;        /* the figures being read */
  GCancellable   *demo_cancellable;   /* the demo data being written */
  guint           loading : 1;
  guint           reload_pending : 1;
  guint           loaded : 1;
  guint           shown_once : 1;

  GtkLabel       *status_labels[PO_N_ITEM_STATUSES];

  /* Template widgets */
  GtkStack       *content_stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_status_page;
  GtkWidget      *demo_button;
  GtkWidget      *demo_progress_box;
  GtkProgressBar *demo_progress;
  GtkWidget      *provisional_banner;
  GtkLabel       *provisional_label;
  GtkLabel       *items_total_label;
  GtkLabel       *departments_label;
  GtkLabel       *reviews_open_card_label;
  GtkLabel       *alerts_open_label;
  AdwPreferencesGroup *status_group;
  GtkLabel       *reviews_open_label;
  AdwActionRow   *reviews_week_row;
  GtkLabel       *reviews_week_label;
  GtkLabel       *reviews_overdue_label;
  AdwPreferencesGroup *supervision_group;
  GtkLabel       *alerts_red_label;
  GtkLabel       *alerts_yellow_label;
  AdwActionRow   *cases_overdue_row;
  GtkLabel       *cases_overdue_label;
  AdwActionRow   *petitions_overdue_row;
  GtkLabel       *petitions_overdue_label;
  AdwActionRow   *calendar_row;
};

G_DEFINE_FINAL_TYPE (PoOverviewPage, po_overview_page, PO_TYPE_PAGE)

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_loading (PoOverviewPage *self);

/* What a worker needs to open its own connection. */
typedef struct
{
  char          *path;
  char          *actor;
  PoDemoOptions  options;
  GMainContext  *main_context;
  /* For progress reports, or NULL. Not a reference: the callback's data
   * keeps the page alive until the worker is done. */
  PoOverviewPage *page;
  double         reported;    /* touched by the worker only */
} WorkerData;

static void
worker_data_free (WorkerData *data)
{
  g_clear_pointer (&data->path, g_free);
  g_clear_pointer (&data->actor, g_free);
  g_clear_pointer (&data->main_context, g_main_context_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WorkerData, worker_data_free)

static WorkerData *
worker_data_new (PoOverviewPage *self)
{
  PoDatabase *db = po_page_get_database (PO_PAGE (self));
  WorkerData *data = g_new0 (WorkerData, 1);

  data->path = g_strdup (po_database_get_path (db));
  data->actor = g_strdup (po_database_get_actor (db));
  data->main_context = g_main_context_ref_thread_default ();
  return data;
}

static gboolean
is_cancelled_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, PO_ERROR, PO_ERROR_CANCELLED);
}

/* Reading the figures */

static void
load_overview_worker (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  WorkerData *data = task_data;
  g_autoptr(PoDatabase) db = NULL;
  g_autofree PoOverview *overview = g_new0 (PoOverview, 1);
  g_autoptr(GError) error = NULL;

  if (!(db = po_database_open_as (data->path, data->actor, &error)) ||
      !po_overview_load (db, po_date_today (), overview, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&overview), g_free);
}

/* @callback gets @self, with a reference it must drop, as its data. */
static void
load_overview_async (PoOverviewPage      *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (NULL, cancellable, callback, g_object_ref (self));
  g_task_set_source_tag (task, load_overview_async);
  g_task_set_task_data (task, worker_data_new (self), (GDestroyNotify) worker_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_overview_worker);
}

static PoOverview *
load_overview_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == load_overview_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A count with the locale's digit grouping, e.g. 12,345. */
static char *
format_count (gint64 value)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}

static void
set_figure (GtkLabel *label,
            gint64    value)
{
  g_autofree char *text = format_count (value);

  gtk_label_set_label (label, text);
}

static void
set_alarm_figure (GtkLabel   *label,
                  gint64      value,
                  const char *style)
{
  set_figure (label, value);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  if (value > 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), style);
}

static void
show_overview (PoOverviewPage   *self,
               const PoOverview *ov)
{
  g_autofree char *week_start = po_date_format (ov->today);
  g_autofree char *week_end = po_date_format (ov->week_end);
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  if (ov->items_total == 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  set_figure (self->items_total_label, ov->items_total);
  set_figure (self->departments_label, ov->departments);
  set_figure (self->reviews_open_card_label, ov->reviews_open);
  set_alarm_figure (self->alerts_open_label, ov->alerts_red + ov->alerts_yellow,
                    ov->alerts_red > 0 ? "error" : "warning");

  for (guint i = 0; i < PO_N_ITEM_STATUSES; i++)
    set_figure (self->status_labels[i], ov->items_by_status[i]);

  set_figure (self->reviews_open_label, ov->reviews_open);
  set_alarm_figure (self->reviews_week_label, ov->reviews_due_this_week, "warning");
  /* Translators: the dates of Monday and Sunday of this week */
  text = g_strdup_printf (_("Reply deadline from %s to %s"), week_start, week_end);
  adw_action_row_set_subtitle (self->reviews_week_row, text);
  g_clear_pointer (&text, g_free);
  set_alarm_figure (self->reviews_overdue_label, ov->reviews_overdue, "error");

  set_alarm_figure (self->alerts_red_label, ov->alerts_red, "error");
  set_alarm_figure (self->alerts_yellow_label, ov->alerts_yellow, "warning");
  /* Until electronic supervision arrives no scan has run, so no alert
   * means "not looked yet" rather than "nothing late". */
  if (ov->alerts_red + ov->alerts_yellow == 0)
    adw_preferences_group_set_description (self->supervision_group,
                                           _("No alerts: the supervision scan arrives with electronic supervision."));
  else
    adw_preferences_group_set_description (self->supervision_group, NULL);

  set_alarm_figure (self->cases_overdue_label, ov->cases_overdue, "error");
  count = format_count (ov->cases_total);
  /* Translators: %s is a number of cases, e.g. 5,000 */
  text = g_strdup_printf (ngettext ("Not decided within the item’s time limit, out of %s case",
                                    "Not decided within the item’s time limit, out of %s cases",
                                    (gulong) MIN (ov->cases_total, G_MAXLONG)),
                          count);
  adw_action_row_set_subtitle (self->cases_overdue_row, text);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&count, g_free);

  set_alarm_figure (self->petitions_overdue_label, ov->petitions_overdue, "error");
  count = format_count (ov->petitions_open);
  /* Translators: %s is a number of consultations and complaints, e.g. 1,200 */
  text = g_strdup_printf (_("Not answered within 3 or 10 working days; %s awaiting an answer in all"), count);
  adw_action_row_set_subtitle (self->petitions_overdue_row, text);
  g_clear_pointer (&text, g_free);

  if (ov->calendar_last_year > 0)
    text = g_strdup_printf (_("Working-day calendar published through %d"), ov->calendar_last_year);
  else
    text = g_strdup (_("No working-day calendar has been published yet"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->calendar_row), text);
  g_clear_pointer (&text, g_free);

  if (ov->today_provisional)
    {
      text = g_strdup_printf (_("The State Council’s holiday schedule for %d has not been imported. "
                                "Deadlines this year are provisional: they count Monday to Friday "
                                "as working days until the schedule is imported."),
                              po_date_year (ov->today));
      gtk_label_set_label (self->provisional_label, text);
    }
  gtk_widget_set_visible (self->provisional_banner, ov->today_provisional);

  gtk_stack_set_visible_child_name (self->content_stack, "figures");
}

static void
show_error (PoOverviewPage *self,
            const GError   *error)
{
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_status_page, markup);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

static void
on_overview_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(PoOverviewPage) self = user_data;
  g_autofree PoOverview *overview = NULL;
  g_autoptr(GError) error = NULL;

  overview = load_overview_finish (result, &error);
  if (overview == NULL && is_cancelled_error (error))
    return;

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->cancellable);

  if (overview != NULL)
    show_overview (self, overview);
  else
    show_error (self, error);

  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }

  if (self->reload_pending)
    start_loading (self);
}

static void
start_loading (PoOverviewPage *self)
{
  self->reload_pending = FALSE;
  if (self->loading)
    {
      self->reload_pending = TRUE;
      return;
    }

  self->loading = TRUE;
  /* The spinner only until the first figures: later reloads keep the
   * old figures on screen until the new ones arrive. */
  if (!self->loaded)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
    }

  self->cancellable = g_cancellable_new ();
  load_overview_async (self, self->cancellable, on_overview_loaded_cb);
}

/* Demo data */

typedef struct
{
  PoOverviewPage *page;
  double          fraction;
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

  if (report->page->demo_cancellable != NULL)
    gtk_progress_bar_set_fraction (report->page->demo_progress, report->fraction);
  return G_SOURCE_REMOVE;
}

/* Called on the worker thread: hand the fraction to the main loop. The
 * report's reference to the page is dropped when the main loop has shown
 * it, so on the main thread. */
static void
on_demo_progress_cb (double   fraction,
                     gpointer user_data)
{
  WorkerData *data = user_data;
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
  g_source_set_static_name (source, "[po-demo-progress]");
  g_source_attach (source, data->main_context);
}

static void
generate_demo_worker (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  WorkerData *data = task_data;
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!(db = po_database_open_as (data->path, data->actor, &error)) ||
      !po_demo_generate (db, &data->options, cancellable, on_demo_progress_cb, data, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* @callback gets @self, with a reference it must drop, as its data. */
static void
generate_demo_async (PoOverviewPage      *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;
  WorkerData *data = worker_data_new (self);

  po_demo_options_init (&data->options);
  data->page = self;
  /* Like the command line's demo command: the audit log says the demo
   * office was made up, not who pressed the button. */
  g_free (data->actor);
  data->actor = g_strdup ("demo");

  task = g_task_new (NULL, cancellable, callback, g_object_ref (self));
  g_task_set_source_tag (task, generate_demo_async);
  g_task_set_task_data (task, data, (GDestroyNotify) worker_data_free);
  /* Cancel may be pressed after the worker committed: what happened is
   * what the worker returns, not whether Cancel was pressed. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, generate_demo_worker);
}

static gboolean
generate_demo_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == generate_demo_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
set_demo_running (PoOverviewPage *self,
                  gboolean        running)
{
  gtk_widget_set_visible (self->demo_button, !running);
  gtk_widget_set_visible (self->demo_progress_box, running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.generate-demo", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.cancel-demo", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.reload", !running);
}

static void
on_demo_generated_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PoOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = generate_demo_finish (result, &error);

  /* The page cancels on dispose, and its widgets are gone by then. */
  if (self->demo_cancellable == NULL)
    return;

  g_clear_object (&self->demo_cancellable);
  set_demo_running (self, FALSE);

  if (ok)
    po_page_show_toast (PO_PAGE (self), _("The database was filled with demo data."));
  else if (is_cancelled_error (error))
    po_page_show_toast (PO_PAGE (self), _("Creating demo data was cancelled; the database is unchanged."));
  else
    po_page_show_toast (PO_PAGE (self), error->message);

  start_loading (self);
}

static void
generate_demo_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PoOverviewPage *self = PO_OVERVIEW_PAGE (widget);

  if (self->demo_cancellable != NULL)
    return;

  self->demo_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->demo_progress, 0.0);
  set_demo_running (self, TRUE);
  gtk_widget_grab_focus (self->demo_progress_box);
  generate_demo_async (self, self->demo_cancellable, on_demo_generated_cb);
}

static void
cancel_demo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PoOverviewPage *self = PO_OVERVIEW_PAGE (widget);

  if (self->demo_cancellable != NULL)
    g_cancellable_cancel (self->demo_cancellable);
}

static void
po_overview_page_reload (PoPage *page)
{
  PoOverviewPage *self = PO_OVERVIEW_PAGE (page);

  if (self->demo_cancellable == NULL)
    start_loading (self);
}

static void
po_overview_page_map (GtkWidget *widget)
{
  PoOverviewPage *self = PO_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (po_overview_page_parent_class)->map (widget);

  /* Other pages change the figures: read them whenever the page is shown. */
  po_overview_page_reload (PO_PAGE (self));
}

static void
po_overview_page_constructed (GObject *object)
{
  PoOverviewPage *self = (PoOverviewPage *)object;
  const PoEnumEntry *statuses;
  guint n_statuses;

  G_OBJECT_CLASS (po_overview_page_parent_class)->constructed (object);

  statuses = po_item_statuses (&n_statuses);
  g_return_if_fail (n_statuses == PO_N_ITEM_STATUSES);

  for (guint i = 0; i < n_statuses; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new ("–");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     po_enum_label (statuses, n_statuses, statuses[i].key));
      gtk_widget_add_css_class (label, "row-figure");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (self->status_group, row);
      self->status_labels[i] = GTK_LABEL (label);
    }

  set_demo_running (self, FALSE);
}

static void
po_overview_page_dispose (GObject *object)
{
  PoOverviewPage *self = (PoOverviewPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->demo_cancellable);
  g_clear_object (&self->demo_cancellable);

  G_OBJECT_CLASS (po_overview_page_parent_class)->dispose (object);
}

static void
po_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PoOverviewPage *self = PO_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_overview_page_class_init (PoOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PoPageClass *page_class = PO_PAGE_CLASS (klass);

  object_class->constructed = po_overview_page_constructed;
  object_class->dispose = po_overview_page_dispose;
  object_class->get_property = po_overview_page_get_property;

  widget_class->map = po_overview_page_map;

  page_class->reload = po_overview_page_reload;

  /**
   * PoOverviewPage:loaded:
   *
   * Whether the figures have been read at least once (or reading them
   * failed and the page says why).
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/poweroversight/PowerOversight/po-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, error_status_page);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, demo_progress_box);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, demo_progress);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, provisional_banner);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, provisional_label);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, items_total_label);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, departments_label);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, reviews_open_card_label);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, alerts_open_label);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, reviews_open_label);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, reviews_week_row);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, reviews_week_label);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, reviews_overdue_label);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, supervision_group);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, alerts_red_label);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, alerts_yellow_label);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, cases_overdue_row);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, cases_overdue_label);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, petitions_overdue_row);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, petitions_overdue_label);
  gtk_widget_class_bind_template_child (widget_class, PoOverviewPage, calendar_row);

  gtk_widget_class_install_action (widget_class, "page.generate-demo", NULL, generate_demo_action);
  gtk_widget_class_install_action (widget_class, "page.cancel-demo", NULL, cancel_demo_action);
}

static void
po_overview_page_init (PoOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * po_overview_page_new:
 * @database: the main thread's connection
 *
 * Returns: (transfer floating): a new overview page
 */
GtkWidget *
po_overview_page_new (PoDatabase *database)
{
  g_return_val_if_fail (PO_IS_DATABASE (database), NULL);

  return g_object_new (PO_TYPE_OVERVIEW_PAGE,
                       "database", database,
                       "title", _("Overview"),
                       "icon-name", "view-grid-symbolic",
                       NULL);
}

/**
 * po_overview_page_get_loaded:
 *
 * Returns: whether the figures have been read once
 */
gboolean
po_overview_page_get_loaded (PoOverviewPage *self)
{
  g_return_val_if_fail (PO_IS_OVERVIEW_PAGE (self), FALSE);

  return self->loaded;
}
