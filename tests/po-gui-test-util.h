/* po-gui-test-util.h: helpers shared by the tests that run under a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <adwaita.h>

#define PO_GUI_TEST_TIMEOUT_SECONDS 60

typedef gboolean (*PoTestCondition) (gpointer data);

static inline gboolean
po_gui_test_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds or time is up. */
static inline gboolean
po_gui_test_wait_for (PoTestCondition condition,
                      gpointer        data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (PO_GUI_TEST_TIMEOUT_SECONDS, po_gui_test_timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static inline void
po_gui_test_run_for (guint milliseconds)
{
  gboolean timed_out = FALSE;

  g_timeout_add (milliseconds, po_gui_test_timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

/* A visible toplevel of @type, such as a dialog, or NULL. */
static inline GtkWindow *
po_gui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

/* A toplevel of @type, shown or hidden, or NULL: for tests that look
 * for a window whether or not it is visible. */
static inline GtkWindow *
po_gui_test_find_any_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }
  return NULL;
}

/* The visible message dialog now, without waiting for one, or NULL. */
static inline AdwMessageDialog *
po_gui_test_find_dialog (void)
{
  return ADW_MESSAGE_DIALOG (po_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static inline gboolean
po_gui_test_dialog_shown (gpointer data)
{
  return po_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static inline gboolean
po_gui_test_dialog_gone (gpointer data)
{
  return po_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static inline AdwMessageDialog *
po_gui_test_wait_dialog (void)
{
  g_assert_true (po_gui_test_wait_for (po_gui_test_dialog_shown, NULL));
  return ADW_MESSAGE_DIALOG (po_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* As a click on its button does: answer, then close. */
static inline void
po_gui_test_respond (AdwMessageDialog *dialog,
                     const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (po_gui_test_wait_for (po_gui_test_dialog_gone, NULL));
}

/* The first widget under @widget (itself included) named @name. */
static inline GtkWidget *
po_gui_test_find_named (GtkWidget  *widget,
                        const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = po_gui_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a label under @widget shows @text, or (@whole FALSE) text
 * containing it. */
static inline gboolean
po_gui_test_has_label (GtkWidget  *widget,
                       const char *text,
                       gboolean    whole)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_label (GTK_LABEL (widget));

      if (whole ? g_strcmp0 (label, text) == 0 : strstr (label, text) != NULL)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (po_gui_test_has_label (child, text, whole))
      return TRUE;
  return FALSE;
}

static inline void
po_gui_test_set_text (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* New red alerts are told by a desktop notification, which no service
 * receives under the tests' display (GIO's warning would end the test):
 * working hours of one minute, half a day from now, hold them back. */
static inline void
po_gui_test_hold_notifications (const char *application_id)
{
  g_autoptr(GSettings) settings = g_settings_new (application_id);
  g_autoptr(GTimeZone) cst = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) now = g_date_time_new_now (cst);
  int start = (g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now) + 720) % 1439;

  g_settings_set_boolean (settings, "notify-working-hours-only", TRUE);
  g_settings_set_int (settings, "working-day-start", start);
  g_settings_set_int (settings, "working-day-end", start + 1);
}
