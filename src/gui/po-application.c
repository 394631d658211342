/* po-application.c: the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-application"

#include "config.h"

#include <glib/gi18n.h>

#include "po-alert-notify.h"
#include "po-application.h"
#include "po-preferences-window.h"
#include "po-supervision-page.h"
#include "po-window.h"

/* Held-back notifications are looked at again at least this often, so
 * that a suspended machine or a changed clock does not delay them. */
#define MAX_NOTIFY_WAIT_SECONDS (60 * 60)

struct _PoApplication
{
  AdwApplication  parent_instance;

  PoDatabase     *database;
  GSettings      *settings;
  char           *database_path;   /* from --db */

  gboolean        scan_at_startup;
  guint           pending_red;     /* new red alerts not yet told of */
  char           *pending_example;
  guint           notify_source;
  guint           rescan_source;   /* the scan again while the application runs */
};

/* Deadlines pass and other offices import while the application runs:
 * the rules run again this often. */
#define RESCAN_INTERVAL_SECONDS (30 * 60)

G_DEFINE_FINAL_TYPE (PoApplication, po_application, ADW_TYPE_APPLICATION)

static void
on_actor_name_changed_cb (PoApplication *self,
                          const char    *key,
                          GSettings     *settings)
{
  g_autofree char *actor = g_settings_get_string (settings, "actor-name");

  if (self->database != NULL)
    po_database_set_actor (self->database, actor);
}

/* Where the database comes from: --db, the setting, or the default. */
typedef enum
{
  DATABASE_FROM_COMMAND_LINE,
  DATABASE_FROM_SETTING,
  DATABASE_DEFAULT,
} DatabaseSource;

static char *
dup_database_path (PoApplication  *self,
                   DatabaseSource *source)
{
  g_autofree char *configured = NULL;

  if (self->database_path != NULL)
    {
      *source = DATABASE_FROM_COMMAND_LINE;
      return g_strdup (self->database_path);
    }

  configured = g_settings_get_string (self->settings, "database-path");
  if (configured[0] != '\0')
    {
      *source = DATABASE_FROM_SETTING;
      return g_steal_pointer (&configured);
    }

  *source = DATABASE_DEFAULT;
  return po_database_default_path ();
}

static gboolean open_database (PoApplication *self);

/* Desktop notifications about new red alerts */

static gboolean
pane_in_view (PoApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return PO_IS_WINDOW (window) && gtk_window_is_active (window) &&
         g_strcmp0 (po_window_get_visible_page (PO_WINDOW (window)), "supervision") == 0;
}

static gboolean on_notify_timeout_cb (gpointer user_data);

/* Sends the notification for the red alerts held back, now or, outside
 * working hours, when the next working period starts. */
static void
flush_notifications (PoApplication *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GNotification) notification = NULL;

  g_clear_handle_id (&self->notify_source, g_source_remove);
  if (self->pending_red == 0)
    return;

  if (g_settings_get_boolean (self->settings, "notify-working-hours-only"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PoCalendar) calendar = po_database_get_calendar (self->database, &error);
      int start = g_settings_get_int (self->settings, "working-day-start");
      int end = g_settings_get_int (self->settings, "working-day-end");

      if (calendar == NULL)
        g_debug ("No calendar to judge working hours by: %s", error->message);
      else if (!po_alert_notify_in_working_hours (calendar, now, start, end))
        {
          g_autoptr(GDateTime) next = po_alert_notify_next_start (calendar, now, start, end);
          GTimeSpan wait = next ? g_date_time_difference (next, now) / G_TIME_SPAN_SECOND : MAX_NOTIFY_WAIT_SECONDS;

          g_debug ("%u new red alerts held back until working hours", self->pending_red);
          self->notify_source = g_timeout_add_seconds ((guint) CLAMP (wait, 1, MAX_NOTIFY_WAIT_SECONDS),
                                                       on_notify_timeout_cb, self);
          return;
        }
    }

  /* The analyst looking at the pane sees them there already. */
  if (!pane_in_view (self) && g_application_get_is_registered (G_APPLICATION (self)))
    {
      notification = po_alert_notification_new (self->pending_red, self->pending_example);
      g_application_send_notification (G_APPLICATION (self), "new-red-alerts", notification);
    }
  self->pending_red = 0;
  g_clear_pointer (&self->pending_example, g_free);
}

static gboolean
on_notify_timeout_cb (gpointer user_data)
{
  PoApplication *self = user_data;

  self->notify_source = 0;
  flush_notifications (self);
  return G_SOURCE_REMOVE;
}

static void
on_alerts_raised_cb (PoApplication     *self,
                     guint              n_red,
                     const char        *example,
                     PoSupervisionPage *page)
{
  self->pending_red += n_red;
  g_free (self->pending_example);
  self->pending_example = g_strdup (example);
  flush_notifications (self);
}

static gboolean
rescan_cb (gpointer user_data)
{
  PoApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  PoPage *page = PO_IS_WINDOW (window) ? po_window_get_page (PO_WINDOW (window), "supervision") : NULL;

  self->rescan_source = 0;
  if (PO_IS_SUPERVISION_PAGE (page))
    po_supervision_page_scan (PO_SUPERVISION_PAGE (page));
  return G_SOURCE_REMOVE;
}

/* The next scan is due an interval after the pane was last busy, so that
 * scans never follow each other back to back on a slow machine. */
static void
on_pane_busy_cb (PoApplication *self,
                 GParamSpec    *pspec,
                 PoPage        *page)
{
  const char *env;
  guint64 seconds = RESCAN_INTERVAL_SECONDS;

  if (po_supervision_page_get_busy (PO_SUPERVISION_PAGE (page)) || self->rescan_source != 0)
    return;
  /* PO_RESCAN_SECONDS shortens the interval, for tests. */
  env = g_getenv ("PO_RESCAN_SECONDS");
  if (env != NULL)
    g_ascii_string_to_unsigned (env, 10, 1, RESCAN_INTERVAL_SECONDS, &seconds, NULL);
  self->rescan_source = g_timeout_add_seconds ((guint) seconds, rescan_cb, self);
}

static void
on_window_mapped_cb (PoApplication *self,
                     GtkWidget     *window)
{
  PoPage *page = po_window_get_page (PO_WINDOW (window), "supervision");

  g_signal_handlers_disconnect_by_func (window, on_window_mapped_cb, self);
  /* The pane is current from the start: what was imported or became
   * late since the last run is found at once, and again every half hour. */
  if (PO_IS_SUPERVISION_PAGE (page))
    {
      g_signal_connect_object (page, "notify::busy", G_CALLBACK (on_pane_busy_cb), self, G_CONNECT_SWAPPED);
      po_supervision_page_scan (PO_SUPERVISION_PAGE (page));
    }
}

static void
present_main_window (PoApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!PO_IS_WINDOW (window))
    {
      PoPage *page;

      window = GTK_WINDOW (po_window_new (GTK_APPLICATION (self), self->database));
      page = po_window_get_page (PO_WINDOW (window), "supervision");
      if (PO_IS_SUPERVISION_PAGE (page))
        g_signal_connect_object (page, "alerts-raised", G_CALLBACK (on_alerts_raised_cb), self,
                                 G_CONNECT_SWAPPED);
      if (self->scan_at_startup)
        g_signal_connect_object (window, "map", G_CALLBACK (on_window_mapped_cb), self,
                                 G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  gtk_window_present (window);
}

static void
on_open_error_response_cb (PoApplication    *self,
                           const char       *response,
                           AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "default") == 0)
    {
      /* The main window (or, should the default file fail too, another
       * dialog) is shown before this one closes, so the application
       * keeps a window throughout. */
      g_settings_reset (self->settings, "database-path");
      if (open_database (self))
        present_main_window (self);
      return;
    }

  g_application_quit (G_APPLICATION (self));
}

static void
show_open_error (PoApplication  *self,
                 const char     *path,
                 DatabaseSource  source,
                 const GError   *error)
{
  g_autofree char *sentence = NULL;
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL,
                                                       _("The Database Could Not Be Opened"),
                                                       NULL));
  /* Translators: %s is the path of a file */
  sentence = g_strdup_printf (_("The office database in “%s” could not be opened."), path);
  adw_message_dialog_format_body (dialog, "%s\n\n%s", sentence, error->message);
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  /* A file chosen in Preferences may have moved or gone: offer the
   * default one rather than leave no way in but editing the setting. */
  if (source == DATABASE_FROM_SETTING)
    {
      adw_message_dialog_add_response (dialog, "default", _("_Use the Default Database"));
      adw_message_dialog_set_response_appearance (dialog, "default", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (dialog, "quit");
  adw_message_dialog_set_close_response (dialog, "quit");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_open_error_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
open_database (PoApplication *self)
{
  DatabaseSource source;
  g_autofree char *path = dup_database_path (self, &source);
  g_autofree char *actor = NULL;
  g_autoptr(GError) error = NULL;

  self->database = po_database_open (path, &error);
  if (self->database == NULL)
    {
      g_debug ("Could not open %s: %s", path, error->message);
      show_open_error (self, path, source, error);
      return FALSE;
    }

  actor = g_settings_get_string (self->settings, "actor-name");
  po_database_set_actor (self->database, actor);
  return TRUE;
}

static int
po_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  PoApplication *self = PO_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &path) && path[0] != '\0')
    {
      self->database_path = g_canonicalize_filename (path, NULL);
      /* Another office's database gets a process of its own, rather than
       * a window of the instance already running on the first one. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return G_APPLICATION_CLASS (po_application_parent_class)->handle_local_options (app, options);
}

static void
po_application_activate (GApplication *app)
{
  PoApplication *self = PO_APPLICATION (app);

  if (self->database == NULL && !open_database (self))
    return;

  present_main_window (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PoApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing, rather than quitting outright, lets each window save its
   * size. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  PoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (po_preferences_window_new (parent, self->settings, self->database,
                                                             po_application_get_database_path (self),
                                                             self->database_path != NULL)));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  PoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* Shown as they are: translated here, not where the array is made. */
  const char *developers[] = {
    _("The Power Oversight developers"),
    NULL
  };

  gtk_window_present (g_object_new (ADW_TYPE_ABOUT_WINDOW,
                                    "transient-for", parent,
                                    "modal", TRUE,
                                    "application-name", _("Power Oversight"),
                                    "application-icon", APP_ID,
                                    "developer-name", _("The Power Oversight developers"),
                                    "version", PACKAGE_VERSION,
                                    "comments", _("Keeps a city’s administrative power running online, openly and on time: "
                                                  "the power catalogue, legality review, discretion benchmarks, flowcharts, "
                                                  "electronic supervision and a full, verifiable trace of every change."),
                                    "developers", developers,
                                    /* Translators: your names, one per line */
                                    "translator-credits", _("translator-credits"),
                                    "license-type", GTK_LICENSE_GPL_3_0,
                                    NULL));
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  PoApplication *self = user_data;
  GtkWindow *window;

  if (self->database == NULL)
    return;

  present_main_window (self);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (PO_IS_WINDOW (window))
    po_window_show_page (PO_WINDOW (window), g_variant_get_string (param, NULL));
}

static const GActionEntry app_actions[] = {
  { .name = "show-page", .activate = show_page_action, .parameter_type = "s" },
  { .name = "quit", .activate = quit_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
};

static void
po_application_startup (GApplication *app)
{
  PoApplication *self = PO_APPLICATION (app);

  G_APPLICATION_CLASS (po_application_parent_class)->startup (app);

  g_set_application_name (_("Power Oversight"));
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::actor-name",
                           G_CALLBACK (on_actor_name_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->database != NULL)
    on_actor_name_changed_cb (self, "actor-name", self->settings);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<primary>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<primary>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<primary>question", NULL });
}

static void
po_application_dispose (GObject *object)
{
  PoApplication *self = (PoApplication *)object;

  g_clear_handle_id (&self->notify_source, g_source_remove);
  g_clear_handle_id (&self->rescan_source, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (po_application_parent_class)->dispose (object);
}

static void
po_application_finalize (GObject *object)
{
  PoApplication *self = (PoApplication *)object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->pending_example, g_free);

  G_OBJECT_CLASS (po_application_parent_class)->finalize (object);
}

static void
po_application_class_init (PoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = po_application_dispose;
  object_class->finalize = po_application_finalize;

  app_class->handle_local_options = po_application_handle_local_options;
  app_class->startup = po_application_startup;
  app_class->activate = po_application_activate;
}

static void
po_application_init (PoApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the office database FILE instead of the configured one"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

/**
 * po_application_new:
 *
 * Returns: (transfer full): the application, which opens the database
 *   named by --db or the settings when activated, and scans for alerts
 *   once its window is shown
 */
PoApplication *
po_application_new (void)
{
  PoApplication *self;

  self = g_object_new (PO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/poweroversight/PowerOversight",
                       NULL);
  self->scan_at_startup = TRUE;
  return self;
}

/**
 * po_application_new_for_database:
 * @database: an open database
 *
 * An application on @database that neither reads the command line nor
 * talks to a running instance, nor scans at start-up, for tests.
 *
 * Returns: (transfer full): the application
 */
PoApplication *
po_application_new_for_database (PoDatabase *database)
{
  PoApplication *self;

  g_return_val_if_fail (PO_IS_DATABASE (database), NULL);

  self = g_object_new (PO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/poweroversight/PowerOversight",
                       NULL);
  self->database = g_object_ref (database);
  return self;
}

/**
 * po_application_get_database:
 *
 * Returns: (transfer none) (nullable): the open database
 */
PoDatabase *
po_application_get_database (PoApplication *self)
{
  g_return_val_if_fail (PO_IS_APPLICATION (self), NULL);

  return self->database;
}

/**
 * po_application_get_database_path:
 *
 * Returns: (transfer none) (nullable): the path of the database file in
 *   use, which may differ from the setting (--db, or a file chosen since)
 */
const char *
po_application_get_database_path (PoApplication *self)
{
  g_return_val_if_fail (PO_IS_APPLICATION (self), NULL);

  return self->database != NULL ? po_database_get_path (self->database) : NULL;
}

/**
 * po_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, once started
 */
GSettings *
po_application_get_settings (PoApplication *self)
{
  g_return_val_if_fail (PO_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * po_application_set_scan_at_startup:
 * @scan: whether the first window runs a supervision scan once shown
 */
void
po_application_set_scan_at_startup (PoApplication *self,
                                    gboolean       scan)
{
  g_return_if_fail (PO_IS_APPLICATION (self));

  self->scan_at_startup = !!scan;
}

/**
 * po_application_get_pending_red:
 *
 * Returns: the new red alerts held back for a notification until
 *   working hours
 */
guint
po_application_get_pending_red (PoApplication *self)
{
  g_return_val_if_fail (PO_IS_APPLICATION (self), 0);

  return self->pending_red;
}
