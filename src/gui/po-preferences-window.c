/* po-preferences-window.c: the settings of this account, and the office's thresholds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "po-alert-notify.h"
#include "po-database.h"
#include "po-preferences-window.h"
#include "po-supervision.h"

/* How long the thresholds wait for the next click before they are written. */
#define SAVE_DELAY_MS 400

/* Every control of this account is bound to its GSettings key; nothing
 * here is applied by hand. The thresholds that turn a deadline yellow
 * belong to the office instead (po_office_set_yellow()), shared by
 * everyone who opens its database: they are read when the window opens
 * and written, off the main thread, a moment after the last change, and
 * then the main window's pages read their figures again. The database path is the one setting read only at start-up,
 * so the window is told which file is in use now, and a file chosen is
 * opened once, off the main thread, before it is kept. */

struct _PoPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  char                 *database_path;    /* the file in use */
  gboolean              database_from_command_line;
  GtkFileChooserNative *chooser;
  GCancellable         *check_cancellable; /* a chosen file being opened */
  PoDatabase           *database;         /* the office, for its thresholds */
  guint                 save_source;       /* the thresholds, written after a pause */
  gboolean              loading_thresholds;
  gboolean              saving;            /* one write at a time, in order */
  gboolean              save_again;        /* changed while it was written */

  /* Template widgets */
  AdwComboRow          *yellow_mode_row;
  GtkWidget            *share_row;
  GtkSpinButton        *threshold_spin;
  GtkSpinButton        *share_spin;
  GtkSwitch            *working_hours_switch;
  GtkSpinButton        *hours_start_spin;
  GtkSpinButton        *hours_end_spin;
  GtkAdjustment        *hours_end_adjustment;
  AdwEntryRow          *actor_row;
  AdwActionRow         *database_row;
};

G_DEFINE_FINAL_TYPE (PoPreferencesWindow, po_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DATABASE_PATH,
  PROP_DATABASE_FROM_COMMAND_LINE,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The end of working hours stays after their beginning. */
static void
update_hours_end_lower (PoPreferencesWindow *self)
{
  double start = gtk_spin_button_get_value (self->hours_start_spin);

  gtk_adjustment_set_lower (self->hours_end_adjustment, start + 1);
  if (gtk_adjustment_get_value (self->hours_end_adjustment) < start + 1)
    gtk_adjustment_set_value (self->hours_end_adjustment, start + 1);
}

/* The working hours are kept in minutes after midnight and shown as
 * HH:MM. */
static gboolean
on_time_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = po_format_minute_of_day (gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_time_input_cb (GtkSpinButton *spin,
                  double        *value)
{
  int minute = po_parse_minute_of_day (gtk_editable_get_text (GTK_EDITABLE (spin)));

  if (minute < 0)
    return GTK_INPUT_ERROR;
  *value = minute;
  return TRUE;
}

/* The share only matters when yellow goes by the share of time used
 * (the combo row's second item). */
static void
update_share_row (PoPreferencesWindow *self)
{
  gtk_widget_set_visible (self->share_row, adw_combo_row_get_selected (self->yellow_mode_row) == 1);
}

typedef struct
{
  char *path;
  char *actor;
  int   yellow_days;
  int   yellow_share;
} ThresholdWrite;

static void
threshold_write_free (ThresholdWrite *write)
{
  g_free (write->path);
  g_free (write->actor);
  g_free (write);
}

static void
save_thresholds_worker (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  ThresholdWrite *write = task_data;
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if ((db = po_database_open_as (write->path, write->actor, &error)) == NULL ||
      !po_database_begin (db, &error) ||
      !po_office_set_yellow (db, write->yellow_days, write->yellow_share, &error) ||
      !po_database_commit (db, &error))
    {
      if (db != NULL)
        po_database_rollback (db);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static gboolean save_thresholds_cb (gpointer user_data);

static void
on_thresholds_saved_cb (GObject      *source_object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(PoPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  GApplication *application = g_application_get_default ();

  self->saving = FALSE;
  if (application != NULL)
    g_application_release (application);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  /* What changed while it was written is written after it. */
  if (self->save_again)
    {
      self->save_again = FALSE;
      save_thresholds_cb (self);
    }
  if (error != NULL)
    return;
  /* Every level shown may have changed. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.office-changed", NULL);
}

static gboolean
save_thresholds_cb (gpointer user_data)
{
  PoPreferencesWindow *self = user_data;
  g_autoptr(GTask) task = NULL;
  GApplication *application = g_application_get_default ();
  ThresholdWrite *write;

  self->save_source = 0;
  if (self->saving)
    {
      self->save_again = TRUE;
      return G_SOURCE_REMOVE;
    }
  write = g_new0 (ThresholdWrite, 1);
  write->path = g_strdup (po_database_get_path (self->database));
  write->actor = g_strdup (po_database_get_actor (self->database));
  write->yellow_days = gtk_spin_button_get_value_as_int (self->threshold_spin);
  write->yellow_share = adw_combo_row_get_selected (self->yellow_mode_row) == 1
                          ? gtk_spin_button_get_value_as_int (self->share_spin) : 0;

  /* The application lives until the office has them, even if it is
   * quit at once. */
  self->saving = TRUE;
  if (application != NULL)
    g_application_hold (application);
  task = g_task_new (NULL, NULL, on_thresholds_saved_cb, g_object_ref (self));
  g_task_set_source_tag (task, save_thresholds_cb);
  g_task_set_task_data (task, write, (GDestroyNotify) threshold_write_free);
  g_task_run_in_thread (task, save_thresholds_worker);
  return G_SOURCE_REMOVE;
}

/* A spin button changes once per click: the office is written once the
 * clicks pause. */
static void
on_threshold_changed_cb (PoPreferencesWindow *self)
{
  update_share_row (self);
  if (self->loading_thresholds || self->database == NULL)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_thresholds_cb, self);
}

static void
load_thresholds (PoPreferencesWindow *self)
{
  PoScanOptions options;

  po_scan_options_init (&options, po_date_today ());
  if (self->database != NULL && !po_scan_options_load (&options, self->database, po_date_today (), NULL))
    po_scan_options_init (&options, po_date_today ());

  self->loading_thresholds = TRUE;
  gtk_spin_button_set_value (self->threshold_spin, options.yellow_days);
  if (options.yellow_share > 0)
    gtk_spin_button_set_value (self->share_spin, options.yellow_share);
  adw_combo_row_set_selected (self->yellow_mode_row, options.yellow_share > 0 ? 1 : 0);
  self->loading_thresholds = FALSE;
  gtk_widget_set_sensitive (gtk_widget_get_parent (self->share_row), self->database != NULL);
}

/**
 * po_preferences_window_flush:
 *
 * Writes the thresholds now if a change is waiting, for tests.
 *
 * Returns: whether one was waiting
 */
gboolean
po_preferences_window_flush (PoPreferencesWindow *self)
{
  g_return_val_if_fail (PO_IS_PREFERENCES_WINDOW (self), FALSE);

  if (self->save_source == 0)
    return FALSE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  save_thresholds_cb (self);
  return TRUE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *ca = g_canonicalize_filename (a, NULL);
  g_autofree char *cb = g_canonicalize_filename (b, NULL);

  return g_str_equal (ca, cb);
}

static void
update_database_row (PoPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "database-path");
  g_autofree char *next = path[0] != '\0' ? g_strdup (path) : po_database_default_path ();
  g_autofree char *subtitle = NULL;
  const char *in_use = self->database_path != NULL ? self->database_path : next;

  if (self->database_from_command_line)
    /* Translators: the first %s is the database file in use, given with the
     * --db option; the second the one opened when started without it */
    subtitle = g_strdup_printf (_("%s\nOpened with --db. Started without it, the application opens %s."),
                                in_use, next);
  else if (!same_file (in_use, next))
    /* Translators: the first %s is the database file in use, the second the
     * one chosen, which is opened when the application is started again */
    subtitle = g_strdup_printf (_("%s\nFrom the next start: %s"), in_use, next);
  else if (path[0] == '\0')
    /* Translators: %s is the path of the default database file */
    subtitle = g_strdup_printf (_("The default file, %s"), in_use);
  else
    subtitle = g_strdup (in_use);

  adw_action_row_set_subtitle (self->database_row, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.reset-database", path[0] != '\0');
}

/* Checking a chosen file
 *
 * The task has no source object and holds nothing of the window: a task
 * run in a thread may drop its last reference on the worker thread. The
 * window's reference travels as the callback's data, dropped on the main
 * thread. */

static void
check_database_worker (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = po_database_open (path, &error);
  if (db == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_database_checked_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(PoPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *path = g_task_get_task_data (G_TASK (result));
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* The window cancels when it closes. */
  if (self->check_cancellable == NULL)
    return;

  g_clear_object (&self->check_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.choose-database", TRUE);

  if (!ok)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }

  g_settings_set_string (self->settings, "database-path", path);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("The new database file is used when the application is started again.")));
}

/* Opening a file runs its migrations and may wait on a busy database. */
static void
check_database (PoPreferencesWindow *self,
                const char          *path)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (self->check_cancellable == NULL);

  self->check_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.choose-database", FALSE);

  task = g_task_new (NULL, self->check_cancellable, on_database_checked_cb, g_object_ref (self));
  g_task_set_source_tag (task, check_database);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, check_database_worker);
}

static void
on_chooser_response_cb (PoPreferencesWindow  *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->check_cancellable == NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        check_database (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
choose_database_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PoPreferencesWindow *self = PO_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL || self->check_cancellable != NULL)
    return;

  gtk_file_filter_set_name (databases, _("Office databases"));
  gtk_file_filter_add_suffix (databases, "db");
  gtk_file_filter_add_suffix (databases, "sqlite");
  gtk_file_filter_add_mime_type (databases, "application/vnd.sqlite3");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Choose the Database File"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"),
                                               _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), databases);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reset_database_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PoPreferencesWindow *self = PO_PREFERENCES_WINDOW (widget);

  g_settings_reset (self->settings, "database-path");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("The default database file is used when the application is started again.")));
}

static void
po_preferences_window_constructed (GObject *object)
{
  PoPreferencesWindow *self = (PoPreferencesWindow *)object;

  G_OBJECT_CLASS (po_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));

  load_thresholds (self);
  g_signal_connect_object (self->yellow_mode_row, "notify::selected",
                           G_CALLBACK (on_threshold_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->threshold_spin, "value-changed",
                           G_CALLBACK (on_threshold_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->share_spin, "value-changed",
                           G_CALLBACK (on_threshold_changed_cb), self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "notify-working-hours-only",
                   self->working_hours_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "working-day-start",
                   gtk_spin_button_get_adjustment (self->hours_start_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  update_hours_end_lower (self);
  g_settings_bind (self->settings, "working-day-end",
                   self->hours_end_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect (self->hours_start_spin, "output", G_CALLBACK (on_time_output_cb), NULL);
  g_signal_connect (self->hours_start_spin, "input", G_CALLBACK (on_time_input_cb), NULL);
  g_signal_connect (self->hours_end_spin, "output", G_CALLBACK (on_time_output_cb), NULL);
  g_signal_connect (self->hours_end_spin, "input", G_CALLBACK (on_time_input_cb), NULL);
  on_time_output_cb (self->hours_start_spin);
  on_time_output_cb (self->hours_end_spin);
  update_share_row (self);
  g_settings_bind (self->settings, "actor-name",
                   self->actor_row, "text",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->hours_start_spin, "value-changed",
                           G_CALLBACK (update_hours_end_lower), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::database-path",
                           G_CALLBACK (update_database_row), self,
                           G_CONNECT_SWAPPED);
  update_database_row (self);
}

static void
po_preferences_window_dispose (GObject *object)
{
  PoPreferencesWindow *self = (PoPreferencesWindow *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  /* A change still waiting is written as the window closes. */
  if (self->save_source != 0)
    po_preferences_window_flush (self);

  G_OBJECT_CLASS (po_preferences_window_parent_class)->dispose (object);
}

static void
po_preferences_window_finalize (GObject *object)
{
  PoPreferencesWindow *self = (PoPreferencesWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->database);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (po_preferences_window_parent_class)->finalize (object);
}

static void
po_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PoPreferencesWindow *self = PO_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    case PROP_DATABASE_FROM_COMMAND_LINE:
      g_value_set_boolean (value, self->database_from_command_line);
      break;

    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PoPreferencesWindow *self = PO_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;

    case PROP_DATABASE_FROM_COMMAND_LINE:
      self->database_from_command_line = g_value_get_boolean (value);
      break;

    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_preferences_window_class_init (PoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = po_preferences_window_constructed;
  object_class->dispose = po_preferences_window_dispose;
  object_class->finalize = po_preferences_window_finalize;
  object_class->get_property = po_preferences_window_get_property;
  object_class->set_property = po_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PoPreferencesWindow:database-path:
   *
   * The database file the application has open, or %NULL when not known.
   */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PoPreferencesWindow:database-from-command-line:
   *
   * Whether the file in use was given with --db rather than by the
   * setting.
   */
  properties[PROP_DATABASE_FROM_COMMAND_LINE] =
    g_param_spec_boolean ("database-from-command-line", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PoPreferencesWindow:database:
   *
   * The office open, whose thresholds the window shows and sets; %NULL
   * leaves them insensitive.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         PO_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/poweroversight/PowerOversight/po-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PoPreferencesWindow, yellow_mode_row);
  gtk_widget_class_bind_template_child (widget_class, PoPreferencesWindow, share_row);
  gtk_widget_class_bind_template_child (widget_class, PoPreferencesWindow, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, PoPreferencesWindow, share_spin);
  gtk_widget_class_bind_template_child (widget_class, PoPreferencesWindow, working_hours_switch);
  gtk_widget_class_bind_template_child (widget_class, PoPreferencesWindow, hours_start_spin);
  gtk_widget_class_bind_template_child (widget_class, PoPreferencesWindow, hours_end_spin);
  gtk_widget_class_bind_template_child (widget_class, PoPreferencesWindow, hours_end_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PoPreferencesWindow, actor_row);
  gtk_widget_class_bind_template_child (widget_class, PoPreferencesWindow, database_row);

  gtk_widget_class_install_action (widget_class, "prefs.choose-database", NULL, choose_database_action);
  gtk_widget_class_install_action (widget_class, "prefs.reset-database", NULL, reset_database_action);
}

static void
po_preferences_window_init (PoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * po_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: the application's settings
 * @database: (nullable): the office open, for its thresholds
 * @database_path: (nullable): the database file in use
 * @database_from_command_line: whether that file was given with --db
 *
 * Returns: (transfer none): a new preferences window
 */
GtkWidget *
po_preferences_window_new (GtkWindow  *parent,
                           GSettings  *settings,
                           PoDatabase *database,
                           const char *database_path,
                           gboolean    database_from_command_line)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PO_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       "database", database,
                       "database-path", database_path,
                       "database-from-command-line", database_from_command_line,
                       NULL);
}
