/* po-supervision-page.c: the monitoring pane of electronic supervision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 规定 十: the first thing a supervision analyst sees. At the top, the
 * open red and yellow alerts counted by rule and by department; below,
 * the alerts themselves, the latest first, filtered by department, rule
 * and level; beside them, the alert chosen with its dates and the
 * deadline arithmetic spelled out by the core, its history, and what an
 * analyst does with it: explain, issue a 督办 order, record the order's
 * answer, close.
 *
 * Everything is read and written on worker threads, each with a
 * connection of its own; a scan and an import show their progress and
 * can be cancelled. The tasks have no source object and hold no
 * reference to the page in their data: a task run in a thread may drop
 * its last reference there. The page's reference travels as the
 * callback's data and is dropped on the main thread.
 */
#define G_LOG_DOMAIN "po-supervision-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "po-alert-dialogs.h"
#include "po-alert-object.h"
#include "po-domain.h"
#include "po-error.h"
#include "po-intake.h"
#include "po-supervision.h"
#include "po-supervision-page.h"

/* How often the progress bar reads the worker's progress. */
#define PROGRESS_INTERVAL_MS 100

typedef enum
{
  WRITE_EXPLAIN,
  WRITE_ORDER,
  WRITE_ANSWER_ORDER,
  WRITE_CLOSE,
  WRITE_SUSPENSION,
} WriteKind;

struct _PoSupervisionPage
{
  PoPage               parent_instance;

  GListStore          *alerts;
  GtkSortListModel    *sorted;
  GtkSingleSelection  *selection;
  GtkStringList       *department_names;
  GArray              *department_ids;      /* gint64; 0 = every department */
  PoAlertObject       *shown;
  GtkSizeGroup        *caption_group;       /* the detail's captions, aligned */
  guint                red_total;
  guint                yellow_total;

  GCancellable        *load_cancellable;
  GCancellable        *detail_cancellable;
  GCancellable        *work_cancellable;    /* a scan or an import */
  GCancellable        *write_cancellable;
  GCancellable        *dialog_cancellable;
  int                 *progress;            /* atomic, per mille; shared with the worker */
  guint                progress_source;
  GtkNativeDialog     *file_chooser;

  guint                loading : 1;
  guint                reload_pending : 1;
  guint                loaded : 1;
  guint                scanning : 1;
  guint                scan_asked : 1;
  guint                scan_pending : 1;    /* asked for while one ran */      /* by the analyst, not in the background */
  guint                importing : 1;
  guint                busy : 1;
  guint                filling : 1;         /* filters being rebuilt, not chosen */
  guint                disposed : 1;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *back_button;
  GtkWidget           *scan_button;
  GtkRevealer         *progress_revealer;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkStack            *content_stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_status_page;
  AdwLeaflet          *leaflet;
  GtkLabel            *red_total_label;
  GtkLabel            *yellow_total_label;
  GtkListBox          *rule_counts_list;
  GtkListBox          *department_counts_list;
  GtkDropDown         *department_filter;
  GtkDropDown         *rule_filter;
  GtkDropDown         *level_filter;
  GtkLabel            *shown_label;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *level_column;
  GtkColumnViewColumn *rule_column;
  GtkColumnViewColumn *ref_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *over_column;
  GtkStack            *detail_stack;
  GtkWidget           *detail_box;
  GtkLabel            *detail_title;
  GtkLabel            *detail_subtitle;
  GtkLabel            *detail_level_label;
  GtkLabel            *detail_state_label;
  GtkLabel            *detail_over_label;
  GtkStack            *describe_stack;
  GtkSpinner          *describe_spinner;
  GtkListBox          *describe_list;
  GtkLabel            *describe_error_label;
  GtkListBox          *history_list;
  GtkWidget           *answer_button;
};

G_DEFINE_FINAL_TYPE (PoSupervisionPage, po_supervision_page, PO_TYPE_PAGE)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ALERTS_RAISED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The level filter's entries after "All levels". */
static const char * const filter_levels[] = { "red", "yellow" };

static void start_loading  (PoSupervisionPage *self);
static void update_actions (PoSupervisionPage *self);
static void show_alert     (PoSupervisionPage *self,
                            PoAlertObject     *alert);

static gboolean
is_cancelled_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, PO_ERROR, PO_ERROR_CANCELLED);
}

static void
update_busy (PoSupervisionPage *self)
{
  gboolean busy = self->loading || self->scanning || self->importing ||
                  self->write_cancellable != NULL || self->detail_cancellable != NULL;

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static GtkWindow *
parent_window (PoSupervisionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static const char *
rule_label (const char *rule)
{
  guint n;
  const PoEnumEntry *rules = po_alert_rules (&n);

  return po_enum_label (rules, n, rule);
}

static const char *
level_label (const char *level)
{
  guint n;
  const PoEnumEntry *levels = po_alert_levels (&n);

  return po_enum_label (levels, n, level);
}

static const char *
state_label (const char *state)
{
  guint n;
  const PoEnumEntry *states = po_alert_states (&n);

  return po_enum_label (states, n, state);
}

static void
set_level_style (GtkWidget  *widget,
                 const char *level)
{
  gtk_widget_remove_css_class (widget, "red");
  gtk_widget_remove_css_class (widget, "yellow");
  if (g_strcmp0 (level, "red") == 0 || g_strcmp0 (level, "yellow") == 0)
    gtk_widget_add_css_class (widget, level);
}

/* Workers */

typedef struct
{
  char          *path;
  char          *actor;
  PoDate         today;

  /* Loading */
  char          *rule;
  char          *level;
  gint64         department_id;

  /* Detail */
  gint64         id;

  /* Writing */
  WriteKind      write;
  char          *text;
  int            days;
  PoDate         date;
  PoDate         end;
  const char    *kind;

  /* Scanning and importing */
  PoScanOptions  scan_options;
  char          *what;
  char          *file;
  int           *progress;
} WorkerData;

static void
worker_data_free (WorkerData *data)
{
  g_free (data->path);
  g_free (data->actor);
  g_free (data->rule);
  g_free (data->level);
  g_free (data->text);
  g_free (data->what);
  g_free (data->file);
  g_clear_pointer (&data->progress, g_atomic_rc_box_release);
  g_free (data);
}

static WorkerData *
worker_data_new (PoSupervisionPage *self)
{
  PoDatabase *db = po_page_get_database (PO_PAGE (self));
  WorkerData *data = g_new0 (WorkerData, 1);

  data->path = g_strdup (po_database_get_path (db));
  data->actor = g_strdup (po_database_get_actor (db));
  data->today = po_date_today ();
  return data;
}

static GTask *
worker_task_new (PoSupervisionPage   *self,
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

/* Called on the worker thread: the main loop reads it on a timer. */
static void
on_worker_progress_cb (double   fraction,
                       gpointer user_data)
{
  int *progress = user_data;

  g_atomic_int_set (progress, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

/* Loading the counts and the alerts */

typedef struct
{
  GPtrArray *by_rule;
  GPtrArray *by_department;
  GPtrArray *alerts;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->by_rule, g_ptr_array_unref);
  g_clear_pointer (&result->by_department, g_ptr_array_unref);
  g_clear_pointer (&result->alerts, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  WorkerData *data = task_data;
  PoAlertFilter filter = { data->rule, data->level, data->department_id, FALSE };
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);
  g_autoptr(GError) error = NULL;

  if (!(db = po_database_open_as (data->path, data->actor, &error)) ||
      !(result->by_rule = po_alerts_count (db, FALSE, &error)) ||
      !(result->by_department = po_alerts_count (db, TRUE, &error)) ||
      !(result->alerts = po_alerts_list (db, &filter, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) load_result_free);
}

/* The filter as chosen: NULL and 0 for "all". */
static const char *
selected_rule (PoSupervisionPage *self)
{
  guint n;
  const PoEnumEntry *rules = po_alert_rules (&n);
  guint selected = gtk_drop_down_get_selected (self->rule_filter);

  return selected > 0 && selected <= n ? rules[selected - 1].key : NULL;
}

static const char *
selected_level (PoSupervisionPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->level_filter);

  return selected > 0 && selected <= G_N_ELEMENTS (filter_levels) ? filter_levels[selected - 1] : NULL;
}

static gint64
selected_department (PoSupervisionPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->department_filter);

  return selected < self->department_ids->len ? g_array_index (self->department_ids, gint64, selected) : 0;
}

static void
fill_count_list (PoSupervisionPage *self,
                 GtkListBox        *list,
                 GPtrArray         *counts,
                 gboolean           by_department)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; i < counts->len; i++)
    {
      PoAlertCount *count = g_ptr_array_index (counts, i);
      const char *label_text = by_department ? count->label : rule_label (count->key);

      if (label_text == NULL || *label_text == '\0')
        label_text = _("No department");
      GtkWidget *row, *box, *label;
      g_autofree char *accessible = NULL;

      if (count->red == 0 && count->yellow == 0)
        continue;

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      label = gtk_label_new (label_text);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_tooltip_text (label, label_text);
      gtk_box_append (GTK_BOX (box), label);

      for (guint l = 0; l < 2; l++)
        {
          guint value = l == 0 ? count->red : count->yellow;
          g_autofree char *text = g_strdup_printf ("%u", value);
          GtkWidget *pill = gtk_label_new (text);

          gtk_widget_add_css_class (pill, "count-pill");
          gtk_widget_add_css_class (pill, "numeric");
          if (value > 0)
            gtk_widget_add_css_class (pill, l == 0 ? "red" : "yellow");
          gtk_widget_set_tooltip_text (pill, l == 0 ? _("Red") : _("Yellow"));
          gtk_box_append (GTK_BOX (box), pill);
        }

      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "key", g_strdup (count->key ? count->key : ""), g_free);
      g_object_set_data (G_OBJECT (row), "by-department", GINT_TO_POINTER (by_department));
      /* Translators: a rule or department, then its numbers of open red and yellow alerts */
      accessible = g_strdup_printf (_("%s: %u red, %u yellow"), label_text, count->red, count->yellow);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_widget_set_tooltip_text (row, _("Show only these alerts"));
      gtk_list_box_append (list, row);
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (list)) == NULL)
    {
      GtkWidget *label = gtk_label_new (_("None"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_set_placeholder (list, label);
    }
}

/* The department filter lists the departments with open alerts, and
 * keeps the one chosen even when its alerts are gone. */
static void
fill_department_filter (PoSupervisionPage *self,
                        GPtrArray         *by_department)
{
  gint64 chosen = selected_department (self);
  g_autofree char *chosen_name = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint position = 0;

  if (chosen != 0)
    chosen_name = g_strdup (gtk_string_list_get_string (self->department_names,
                                                        gtk_drop_down_get_selected (self->department_filter)));

  g_array_set_size (self->department_ids, 0);
  g_array_append_val (self->department_ids, (gint64) { 0 });
  gtk_string_list_append (names, _("All departments"));
  for (guint i = 0; i < by_department->len; i++)
    {
      PoAlertCount *count = g_ptr_array_index (by_department, i);
      gint64 id = count->key ? g_ascii_strtoll (count->key, NULL, 10) : 0;

      /* Alerts that name no department are counted, not filtered. */
      if (id == 0)
        continue;
      if (id == chosen)
        position = self->department_ids->len;
      g_array_append_val (self->department_ids, id);
      gtk_string_list_append (names, count->label);
    }
  if (chosen != 0 && position == 0)
    {
      position = self->department_ids->len;
      g_array_append_val (self->department_ids, chosen);
      gtk_string_list_append (names, chosen_name);
    }

  self->filling = TRUE;
  g_set_object (&self->department_names, names);
  gtk_drop_down_set_model (self->department_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->department_filter, position);
  self->filling = FALSE;
}

static gboolean
filtered (PoSupervisionPage *self)
{
  return selected_department (self) != 0 || selected_rule (self) != NULL || selected_level (self) != NULL;
}

static guint
find_alert (PoSupervisionPage *self,
            gint64             id)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoAlertObject) alert = g_list_model_get_item (model, i);

      if (po_alert_object_get_id (alert) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
update_title (PoSupervisionPage *self)
{
  guint open = self->red_total + self->yellow_total;
  g_autofree char *subtitle = NULL;

  if (open > 0)
    /* Translators: the numbers of open alerts and, of them, red ones, in the header bar */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open alert · %u red", "%u open alerts · %u red", open),
                                open, self->red_total);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
show_loaded (PoSupervisionPage *self,
             LoadResult        *result)
{
  gint64 shown_id = self->shown ? po_alert_object_get_id (self->shown) : 0;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *red = NULL;
  g_autofree char *yellow = NULL;
  g_autofree char *shown = NULL;
  guint n_alerts;
  guint position;

  self->red_total = self->yellow_total = 0;
  for (guint i = 0; i < result->by_rule->len; i++)
    {
      PoAlertCount *count = g_ptr_array_index (result->by_rule, i);

      self->red_total += count->red;
      self->yellow_total += count->yellow;
    }
  red = g_strdup_printf ("%u", self->red_total);
  yellow = g_strdup_printf ("%u", self->yellow_total);
  gtk_label_set_label (self->red_total_label, red);
  gtk_label_set_label (self->yellow_total_label, yellow);
  fill_count_list (self, self->rule_counts_list, result->by_rule, FALSE);
  fill_count_list (self, self->department_counts_list, result->by_department, TRUE);
  fill_department_filter (self, result->by_department);
  update_title (self);

  /* The alerts change hands: the store owns them now. */
  for (guint i = 0; i < result->alerts->len; i++)
    g_ptr_array_add (objects, po_alert_object_new (g_steal_pointer (&result->alerts->pdata[i])));
  g_ptr_array_set_free_func (result->alerts, NULL);
  g_ptr_array_set_size (result->alerts, 0);

  self->filling = TRUE;
  g_list_store_splice (self->alerts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->alerts)),
                       objects->pdata, objects->len);
  n_alerts = objects->len;

  /* Translators: how many alerts the list shows */
  shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u shown", "%u shown", n_alerts), n_alerts);
  gtk_label_set_label (self->shown_label, shown);

  if (self->red_total + self->yellow_total == 0 && !filtered (self))
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->filling = FALSE;
      show_alert (self, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->content_stack, "alerts");
  gtk_stack_set_visible_child_name (self->list_stack, n_alerts > 0 ? "list" : "no-match");

  /* The same alert again, with fresh figures; else the latest. */
  position = shown_id != 0 ? find_alert (self, shown_id) : GTK_INVALID_LIST_POSITION;
  if (position == GTK_INVALID_LIST_POSITION && n_alerts > 0)
    position = 0;
  gtk_single_selection_set_selected (self->selection, position);
  self->filling = FALSE;
  show_alert (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PoSupervisionPage) self = user_data;
  g_autoptr(LoadResult) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->disposed || (loaded == NULL && is_cancelled_error (error)))
    return;

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->load_cancellable);

  if (loaded != NULL)
    {
      self->loaded = TRUE;
      show_loaded (self, loaded);
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
  update_actions (self);
}

static void
start_loading (PoSupervisionPage *self)
{
  WorkerData *data;
  g_autoptr(GTask) task = NULL;

  self->reload_pending = FALSE;
  if (self->loading)
    {
      /* A filter chosen while reading: read again with it. */
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
  data->rule = g_strdup (selected_rule (self));
  data->level = g_strdup (selected_level (self));
  data->department_id = selected_department (self);

  self->load_cancellable = g_cancellable_new ();
  task = worker_task_new (self, data, self->load_cancellable, start_loading, on_loaded_cb);
  g_task_run_in_thread (task, load_worker);
}

/* The detail pane */

typedef struct
{
  PoAlert   *alert;
  GPtrArray *lines;
  GPtrArray *history;
} DetailResult;

static void
detail_result_free (DetailResult *result)
{
  g_clear_pointer (&result->alert, po_alert_free);
  g_clear_pointer (&result->lines, g_ptr_array_unref);
  g_clear_pointer (&result->history, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DetailResult, detail_result_free)

static void
detail_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  WorkerData *data = task_data;
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(DetailResult) result = g_new0 (DetailResult, 1);
  g_autoptr(GError) error = NULL;

  if (!(db = po_database_open_as (data->path, data->actor, &error)) ||
      !(result->alert = po_alert_get (db, data->id, &error)) ||
      !(result->lines = po_alert_describe (db, result->alert, data->today, &error)) ||
      !(result->history = po_alert_history (db, data->id, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) detail_result_free);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A row of a caption and its text: side by side, the captions aligned
 * by @group, a long text wrapping in its own column; without a group,
 * the caption small above the text. */
static GtkWidget *
create_line_row (GtkSizeGroup *group,
                 const char   *caption,
                 const char   *text,
                 const char   *name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (group ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL,
                                group ? 12 : 2);
  GtkWidget *left = gtk_label_new (caption);
  GtkWidget *right = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (left), 0.0);
  gtk_widget_set_valign (left, GTK_ALIGN_START);
  gtk_widget_add_css_class (left, "dim-label");
  if (group != NULL)
    /* On one line: a caption is a few words, and the text beside it
     * wraps instead. */
    gtk_size_group_add_widget (group, left);
  else
    {
      gtk_label_set_wrap (GTK_LABEL (left), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (left), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (left, "caption");
    }

  gtk_label_set_xalign (GTK_LABEL (right), 0.0);
  gtk_label_set_wrap (GTK_LABEL (right), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (right), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (right), TRUE);
  /* A wrapping label asks for its whole text's width otherwise. */
  gtk_label_set_width_chars (GTK_LABEL (right), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (right), 12);
  gtk_widget_set_hexpand (right, TRUE);
  gtk_widget_set_name (right, name);
  gtk_box_append (GTK_BOX (box), left);
  gtk_box_append (GTK_BOX (box), right);
  gtk_widget_add_css_class (box, "detail-line");

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
show_detail (PoSupervisionPage *self,
             DetailResult      *detail)
{
  clear_list (self->describe_list);
  for (guint i = 0; i < detail->lines->len; i++)
    {
      PoDetailLine *line = g_ptr_array_index (detail->lines, i);

      gtk_list_box_append (self->describe_list, create_line_row (self->caption_group, line->label, line->value, "detail-value"));
    }
  gtk_stack_set_visible_child_name (self->describe_stack, "lines");

  clear_list (self->history_list);
  for (guint i = 0; i < detail->history->len; i++)
    {
      PoAlertEvent *event = g_ptr_array_index (detail->history, i);
      g_autofree char *when = NULL;

      /* Translators: when something happened to an alert, and who did it */
      when = g_strdup_printf (_("%s · %s"), event->at, event->actor);
      gtk_list_box_append (self->history_list, create_line_row (NULL, when, event->text, "event"));
    }
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->history_list), ADW_TYPE_PREFERENCES_GROUP),
                          detail->history->len > 0);
}

static void
on_detail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PoSupervisionPage) self = user_data;
  WorkerData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(DetailResult) detail = NULL;
  g_autoptr(GError) error = NULL;

  detail = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->disposed || (detail == NULL && is_cancelled_error (error)))
    return;

  g_clear_object (&self->detail_cancellable);
  gtk_spinner_stop (self->describe_spinner);

  if (self->shown != NULL && po_alert_object_get_id (self->shown) == data->id)
    {
      if (detail != NULL)
        show_detail (self, detail);
      else
        {
          gtk_label_set_label (self->describe_error_label, error->message);
          gtk_stack_set_visible_child_name (self->describe_stack, "error");
        }
    }
  update_busy (self);
}

static void
load_detail (PoSupervisionPage *self)
{
  WorkerData *data;
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  if (self->shown == NULL)
    {
      update_busy (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->describe_stack, "loading");
  gtk_spinner_start (self->describe_spinner);

  data = worker_data_new (self);
  data->id = po_alert_object_get_id (self->shown);
  self->detail_cancellable = g_cancellable_new ();
  task = worker_task_new (self, data, self->detail_cancellable, load_detail, on_detail_loaded_cb);
  g_task_run_in_thread (task, detail_worker);
  update_busy (self);
}

/* The order an answer can be recorded for: the one an overdue-order
 * alert is about, or the latest unanswered one issued about the alert. */
static gint64
order_of (const PoAlert *alert)
{
  return alert->order_id;
}

static void
show_alert (PoSupervisionPage *self,
            PoAlertObject     *object)
{
  gboolean same;
  const PoAlert *alert;
  guint n_subjects;
  const PoEnumEntry *subjects = po_alert_subjects (&n_subjects);
  g_autofree char *subtitle = NULL;
  g_autofree char *over = NULL;

  same = object != NULL && self->shown != NULL &&
         po_alert_object_get_id (object) == po_alert_object_get_id (self->shown);
  g_set_object (&self->shown, object);
  update_actions (self);

  if (object == NULL)
    {
      g_cancellable_cancel (self->detail_cancellable);
      g_clear_object (&self->detail_cancellable);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      update_busy (self);
      return;
    }

  alert = po_alert_object_get_alert (object);
  gtk_label_set_label (self->detail_title, po_alert_object_get_rule_label (object));
  /* Translators: what the alert is about (case, consultation or complaint…), its reference, the department */
  subtitle = g_strdup_printf (_("%s %s · %s"),
                              po_enum_label (subjects, n_subjects, alert->subject),
                              alert->ref ? alert->ref : "",
                              alert->department ? alert->department : "—");
  gtk_label_set_label (self->detail_subtitle, subtitle);
  gtk_label_set_label (self->detail_level_label, level_label (alert->level));
  set_level_style (GTK_WIDGET (self->detail_level_label), alert->level);
  gtk_label_set_label (self->detail_state_label, state_label (alert->state));

  if (alert->due_on != NULL && *alert->due_on != '\0' && alert->working_days_over > 0)
    /* Translators: the deadline and how many working days it is past */
    over = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Due %s · %d working day over",
                                         "Due %s · %d working days over",
                                         alert->working_days_over),
                            alert->due_on, alert->working_days_over);
  else if (alert->due_on != NULL && *alert->due_on != '\0')
    /* Translators: the deadline of an alert not yet past it */
    over = g_strdup_printf (_("Due %s"), alert->due_on);
  else
    over = g_strdup (_("No deadline: a finding of the record itself"));
  gtk_label_set_label (self->detail_over_label, over);

  gtk_stack_set_visible_child_name (self->detail_stack, "alert");
  if (!same || self->detail_cancellable == NULL)
    load_detail (self);
}

static void
on_selected_item_cb (PoSupervisionPage  *self,
                     GParamSpec         *pspec,
                     GtkSingleSelection *selection)
{
  /* Removing the columns on dispose resorts the list. */
  if (!self->filling && !self->disposed)
    show_alert (self, gtk_single_selection_get_selected_item (selection));
}

static void
update_actions (PoSupervisionPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const PoAlert *alert = self->shown ? po_alert_object_get_alert (self->shown) : NULL;
  gboolean working = self->scanning || self->importing;
  gboolean can_act = alert != NULL && po_alert_state_is_open (alert->state) && self->write_cancellable == NULL;

  gtk_widget_action_set_enabled (widget, "page.scan", !working);
  gtk_widget_action_set_enabled (widget, "page.import", !working && self->file_chooser == NULL);
  gtk_widget_action_set_enabled (widget, "page.cancel", working);
  gtk_widget_action_set_enabled (widget, "page.explain", can_act);
  gtk_widget_action_set_enabled (widget, "page.issue-order", can_act && g_strcmp0 (alert->subject, "order") != 0);
  gtk_widget_action_set_enabled (widget, "page.answer-order", can_act && order_of (alert) != 0);
  gtk_widget_action_set_enabled (widget, "page.close-alert", can_act);
  gtk_widget_action_set_enabled (widget, "page.record-suspension", can_act && g_strcmp0 (alert->subject, "case") == 0);
}

/* Recording what the analyst did */

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
        case WRITE_EXPLAIN:
          result = po_alert_explain (db, data->id, data->text, data->today, &error);
          break;

        case WRITE_ORDER:
          result = po_alert_issue_order (db, data->id, data->days, data->text, data->today, &error);
          break;

        case WRITE_ANSWER_ORDER:
          result = po_order_answer (db, data->id, data->date, data->text, data->today, &error);
          break;

        case WRITE_CLOSE:
          result = po_alert_close (db, data->id, data->text, data->today, &error);
          break;

        case WRITE_SUSPENSION:
          {
            PoScanSummary summary;

            /* The deadline moves, and the alerts follow it at once. */
            result = po_case_add_suspension (db, data->id, data->kind, data->date, data->end, data->days,
                                             data->text, &error);
            if (result > 0 && !po_supervision_scan (db, &data->scan_options, &summary, cancellable, NULL, NULL, &error))
              result = 0;
          }
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

static const char *
written_message (WriteKind kind)
{
  switch (kind)
    {
    case WRITE_EXPLAIN:
      return _("The explanation was recorded.");
    case WRITE_ORDER:
      return _("The supervision order was issued; its deadline is watched.");
    case WRITE_ANSWER_ORDER:
      return _("The answer to the supervision order was recorded.");
    case WRITE_CLOSE:
      return _("The alert was closed.");
    case WRITE_SUSPENSION:
      return _("The suspension was recorded; the case’s deadline and its alerts follow it.");
    default:
      g_assert_not_reached ();
    }
}

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PoSupervisionPage) self = user_data;
  WorkerData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_int (G_TASK (result), &error);
  if (self->disposed)
    return;

  g_clear_object (&self->write_cancellable);
  update_busy (self);
  update_actions (self);

  if (error != NULL)
    {
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message, _("Nothing was recorded."));

      po_page_show_error_dialog (PO_PAGE (self), _("The Alert Could Not Be Updated"), body);
      return;
    }

  po_page_show_toast (PO_PAGE (self), written_message (data->write));
  /* The counts, the list and the history all change; a closed alert
   * leaves the list and the latest one takes its place. */
  start_loading (self);
}

typedef struct
{
  PoSupervisionPage *page;
  WriteKind          kind;
  gint64             id;
} AskData;

static void
on_dialog_answered_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  AskData *ask = user_data;
  g_autoptr(PoSupervisionPage) self = ask->page;
  g_autoptr(PoAlertDialogAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  WorkerData *data;

  answer = po_alert_dialog_run_finish (result, &error);
  if (!self->disposed)
    g_clear_object (&self->dialog_cancellable);
  if (answer == NULL || self->disposed || self->write_cancellable != NULL)
    {
      g_free (ask);
      return;
    }

  data = worker_data_new (self);
  data->write = ask->kind;
  data->id = ask->id;
  data->text = g_steal_pointer (&answer->text);
  data->days = answer->days;
  data->date = answer->date;
  data->end = answer->end;
  data->kind = answer->kind;
  if (ask->kind == WRITE_SUSPENSION)
    po_page_load_scan_options (PO_PAGE (self), data->today, &data->scan_options);
  g_free (ask);

  self->write_cancellable = g_cancellable_new ();
  update_busy (self);
  update_actions (self);
  task = worker_task_new (self, data, self->write_cancellable, on_dialog_answered_cb, on_written_cb);
  g_task_run_in_thread (task, write_worker);
}

static void
ask (PoSupervisionPage *self,
     PoAlertDialogKind  dialog_kind,
     WriteKind          write_kind)
{
  const PoAlert *alert;
  g_autofree char *subject = NULL;
  AskData *data;

  if (self->shown == NULL || self->dialog_cancellable != NULL)
    return;

  alert = po_alert_object_get_alert (self->shown);
  /* Translators: the rule, the reference and the department of an alert, in a dialog */
  subject = g_strdup_printf (_("%s · %s · %s"), po_alert_object_get_rule_label (self->shown),
                             alert->ref ? alert->ref : "", alert->department ? alert->department : "—");

  data = g_new0 (AskData, 1);
  data->page = g_object_ref (self);
  data->kind = write_kind;
  data->id = write_kind == WRITE_ANSWER_ORDER ? order_of (alert)
           : write_kind == WRITE_SUSPENSION ? alert->subject_id
           : alert->id;
  self->dialog_cancellable = g_cancellable_new ();
  po_alert_dialog_run (parent_window (self), dialog_kind, subject,
                       dialog_kind == PO_ALERT_DIALOG_EXPLAIN ? alert->explanation : NULL,
                       self->dialog_cancellable, on_dialog_answered_cb, data);
}

static void
explain_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ask (PO_SUPERVISION_PAGE (widget), PO_ALERT_DIALOG_EXPLAIN, WRITE_EXPLAIN);
}

static void
issue_order_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ask (PO_SUPERVISION_PAGE (widget), PO_ALERT_DIALOG_ORDER, WRITE_ORDER);
}

static void
answer_order_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ask (PO_SUPERVISION_PAGE (widget), PO_ALERT_DIALOG_ANSWER_ORDER, WRITE_ANSWER_ORDER);
}

static void
record_suspension_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  ask (PO_SUPERVISION_PAGE (widget), PO_ALERT_DIALOG_SUSPENSION, WRITE_SUSPENSION);
}

static void
close_alert_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ask (PO_SUPERVISION_PAGE (widget), PO_ALERT_DIALOG_CLOSE, WRITE_CLOSE);
}

/* Scanning and importing, with progress */

static gboolean
on_progress_timeout_cb (gpointer user_data)
{
  PoSupervisionPage *self = user_data;

  if (self->progress != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (self->progress) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static int *
begin_work (PoSupervisionPage *self,
            const char        *label)
{
  self->progress = g_atomic_rc_box_new0 (int);
  gtk_label_set_label (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, on_progress_timeout_cb, self);
  self->work_cancellable = g_cancellable_new ();
  update_busy (self);
  update_actions (self);
  return g_atomic_rc_box_acquire (self->progress);
}

static void
end_work (PoSupervisionPage *self)
{
  self->scanning = FALSE;
  self->scan_asked = FALSE;
  self->importing = FALSE;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->progress, g_atomic_rc_box_release);
  g_clear_object (&self->work_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  update_busy (self);
  update_actions (self);
  if (self->scan_pending && !self->disposed)
    po_supervision_page_scan (self);
}

typedef struct
{
  PoScanSummary summary;
  guint         new_red;
  char         *example;   /* the latest new red alert, in a line */
} ScanResult;

static void
scan_result_free (ScanResult *result)
{
  g_free (result->example);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScanResult, scan_result_free)

static void
scan_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  WorkerData *data = task_data;
  PoAlertFilter red = { NULL, "red", 0, FALSE };
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(ScanResult) result = g_new0 (ScanResult, 1);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  const PoAlert *latest = NULL;

  if (!(db = po_database_open_as (data->path, data->actor, &error)) ||
      !po_supervision_scan (db, &data->scan_options, &result->summary, cancellable,
                            on_worker_progress_cb, data->progress, &error) ||
      !(alerts = po_alerts_list (db, &red, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* New red alerts: raised red, or escalated from yellow, in this scan. */
  for (guint i = 0; i < alerts->len; i++)
    {
      const PoAlert *alert = g_ptr_array_index (alerts, i);

      if (alert->id <= result->summary.last_id_before)
        continue;
      result->new_red++;
      if (latest == NULL || alert->working_days_over > latest->working_days_over)
        latest = alert;
    }
  if (latest != NULL)
    /* Translators: a red alert in a notification: the rule, the reference, the department */
    result->example = g_strdup_printf (_("%s: %s, %s"), rule_label (latest->rule),
                                       latest->ref ? latest->ref : "", latest->department ? latest->department : "");

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) scan_result_free);
}

static char *
scan_message (const PoScanSummary *summary)
{
  g_autofree char *raised = NULL;
  g_autofree char *open = NULL;

  /* Translators: the number of alerts a scan raised; part of a longer sentence */
  raised = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new alert", "%u new alerts", summary->raised),
                            summary->raised);
  /* Translators: the number of alerts open after a scan; part of a longer sentence */
  open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open", "%u open", summary->open), summary->open);
  /* Translators: "%s" are "N new alerts", then "N open"; %u is the number of alerts resolved */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Scan finished: %s, %u resolved, %s.",
                                       "Scan finished: %s, %u resolved, %s.",
                                       summary->resolved),
                          raised, summary->resolved, open);
}

static void
on_scanned_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PoSupervisionPage) self = user_data;
  g_autoptr(ScanResult) scan = NULL;
  g_autoptr(GError) error = NULL;
  gboolean asked;

  scan = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->disposed)
    return;

  asked = self->scan_asked;
  end_work (self);

  if (scan == NULL && is_cancelled_error (error))
    po_page_show_toast (PO_PAGE (self), _("The scan was cancelled. No alert was changed."));
  else if (scan == NULL)
    {
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message, _("No alert was changed."));

      po_page_show_error_dialog (PO_PAGE (self), _("The Scan Failed"), body);
    }
  else
    {
      g_autofree char *message = scan_message (&scan->summary);

      g_debug ("Scan: %u raised (%u red), %u new red by id, %u resolved, %u open",
               scan->summary.raised, scan->summary.raised_red, scan->new_red,
               scan->summary.resolved, scan->summary.open);
      /* A scan asked for says how it went; one run in the background
       * only when something changed. */
      if (asked || scan->summary.raised > 0 || scan->summary.resolved > 0 ||
          scan->summary.superseded > 0)
        po_page_show_toast (PO_PAGE (self), message);
      if (scan->new_red > 0)
        g_signal_emit (self, signals[ALERTS_RAISED], 0, scan->new_red, scan->example);
    }

  start_loading (self);
}

/**
 * po_supervision_page_scan:
 *
 * Runs every rule as of today in the background, showing progress, then
 * reads the alerts again. New red alerts are announced with
 * #PoSupervisionPage::alerts-raised. Asked for while a scan or an import
 * runs, it runs once they are done: what changed since they began is
 * checked too.
 */
void
po_supervision_page_scan (PoSupervisionPage *self)
{
  g_autoptr(GTask) task = NULL;
  WorkerData *data;

  g_return_if_fail (PO_IS_SUPERVISION_PAGE (self));

  if (self->disposed)
    return;
  if (self->scanning || self->importing)
    {
      self->scan_pending = TRUE;
      return;
    }
  self->scan_pending = FALSE;

  data = worker_data_new (self);
  po_page_load_scan_options (PO_PAGE (self), data->today, &data->scan_options);

  self->scanning = TRUE;
  data->progress = begin_work (self, _("Checking every rule…"));
  task = worker_task_new (self, data, self->work_cancellable, po_supervision_page_scan, on_scanned_cb);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, scan_worker);
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  WorkerData *data = task_data;
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  PoIntakeSummary *summary = g_new0 (PoIntakeSummary, 1);

  /* All or nothing: the core writes the file's rows in one savepoint. */
  if (!(db = po_database_open_as (data->path, data->actor, &error)) ||
      !po_intake_import_file (db, data->what, data->file, data->today, summary, cancellable,
                              on_worker_progress_cb, data->progress, &error))
    {
      g_free (summary);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, summary, g_free);
}

static char *
import_message (const char            *what,
                const char            *name,
                const PoIntakeSummary *summary)
{
  guint rows = summary->created + summary->updated + summary->unchanged;

  if (g_str_equal (what, "cases"))
    /* Translators: the number of cases in a file, its name, then how many were new, changed and unchanged */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u case imported from “%s”: %u new, %u updated, %u unchanged.",
                                         "%u cases imported from “%s”: %u new, %u updated, %u unchanged.",
                                         rows),
                            rows, name, summary->created, summary->updated, summary->unchanged);
  /* Translators: the number of consultations and complaints in a file, its name, then how many were new, changed and unchanged */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u consultation or complaint imported from “%s”: %u new, %u updated, %u unchanged.",
                                       "%u consultations and complaints imported from “%s”: %u new, %u updated, %u unchanged.",
                                       rows),
                          rows, name, summary->created, summary->updated, summary->unchanged);
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PoSupervisionPage) self = user_data;
  WorkerData *data = g_task_get_task_data (G_TASK (result));
  g_autofree PoIntakeSummary *summary = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  summary = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->disposed)
    return;

  end_work (self);
  name = g_path_get_basename (data->file);

  if (summary == NULL && is_cancelled_error (error))
    {
      po_page_show_toast (PO_PAGE (self), _("The import was cancelled. Nothing was written."));
      return;
    }
  if (summary == NULL)
    {
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message,
                                               _("Nothing was imported: correct the file and import it again."));

      po_page_show_error_dialog (PO_PAGE (self), _("The File Could Not Be Imported"), body);
      return;
    }

  {
    g_autofree char *message = import_message (data->what, name, summary);

    po_page_show_toast (PO_PAGE (self), message);
  }
  /* What was imported is checked at once (unless a scan asked for during
   * the import has just begun). */
  if (!self->scanning)
    po_supervision_page_scan (self);
}

/**
 * po_supervision_page_import:
 * @what: "cases" or "petitions"
 * @file: a CSV or JSON file in the documented format
 *
 * Imports @file in the background, all or nothing, showing progress
 * with a Cancel button, then scans.
 */
void
po_supervision_page_import (PoSupervisionPage *self,
                            const char        *what,
                            GFile             *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GTask) task = NULL;
  WorkerData *data;

  g_return_if_fail (PO_IS_SUPERVISION_PAGE (self));
  g_return_if_fail (g_strcmp0 (what, "cases") == 0 || g_strcmp0 (what, "petitions") == 0);
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL || self->scanning || self->importing || self->disposed)
    return;

  name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  label = g_strdup_printf (_("Importing “%s”…"), name);

  data = worker_data_new (self);
  data->what = g_strdup (what);
  data->file = g_steal_pointer (&path);

  self->importing = TRUE;
  data->progress = begin_work (self, label);
  task = worker_task_new (self, data, self->work_cancellable, po_supervision_page_import, on_imported_cb);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, import_worker);
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
on_import_chosen_cb (PoSupervisionPage *self,
                     int                response,
                     GtkNativeDialog   *chooser)
{
  g_autoptr(GFile) file = NULL;
  const char *what = g_object_get_data (G_OBJECT (chooser), "what");

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && !self->disposed)
    po_supervision_page_import (self, what, file);
  g_clear_object (&self->file_chooser);
  update_actions (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PoSupervisionPage *self = PO_SUPERVISION_PAGE (widget);
  const char *what = g_variant_get_string (param, NULL);
  gboolean cases = g_str_equal (what, "cases");
  GtkFileChooserNative *chooser;

  if (self->scanning || self->importing || self->file_chooser != NULL)
    return;
  if (!cases && !g_str_equal (what, "petitions"))
    return;

  chooser = gtk_file_chooser_native_new (cases ? _("Import Cases") : _("Import Consultations and Complaints"),
                                         parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"),
                                         _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser),
                               create_filter (_("Case and petition files (CSV, JSON)"), "*.csv", "*.json"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), create_filter (_("CSV files"), "*.csv", NULL));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), create_filter (_("JSON files"), "*.json", NULL));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "what", (gpointer) (cases ? "cases" : "petitions"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chosen_cb), self, G_CONNECT_SWAPPED);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  update_actions (self);
  gtk_native_dialog_show (self->file_chooser);
}

static void
scan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PoSupervisionPage *self = PO_SUPERVISION_PAGE (widget);

  if (self->scanning || self->importing)
    return;
  po_supervision_page_scan (self);
  self->scan_asked = TRUE;
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PoSupervisionPage *self = PO_SUPERVISION_PAGE (widget);

  g_cancellable_cancel (self->work_cancellable);
}

/* Filters */

static void
on_filter_changed_cb (PoSupervisionPage *self)
{
  if (self->filling || self->disposed)
    return;
  start_loading (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  po_supervision_page_set_filter (PO_SUPERVISION_PAGE (widget), 0, NULL, NULL);
}

/* A click on a count shows only those alerts; a second click, all. */
static void
on_count_activated_cb (PoSupervisionPage *self,
                       GtkListBoxRow     *row,
                       GtkListBox        *list)
{
  const char *key = g_object_get_data (G_OBJECT (row), "key");

  if (key == NULL || *key == '\0')
    return;

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "by-department")))
    {
      gint64 id = g_ascii_strtoll (key, NULL, 10);

      po_supervision_page_set_filter (self, selected_department (self) == id ? 0 : id,
                                      selected_rule (self), selected_level (self));
    }
  else
    po_supervision_page_set_filter (self, selected_department (self),
                                    g_strcmp0 (selected_rule (self), key) == 0 ? NULL : key,
                                    selected_level (self));
}

/* The column view */

typedef enum
{
  COLUMN_LEVEL,
  COLUMN_RULE,
  COLUMN_REF,        /* and the department below */
  COLUMN_DUE,
  COLUMN_OVER,
} Column;

static GtkWidget *
create_cell_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  return label;
}

static void
on_setup_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child = create_cell_label ();

  switch (column)
    {
    case COLUMN_LEVEL:
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (child, "level-pill");
      break;

    case COLUMN_RULE:
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (child), 6);
      break;

    case COLUMN_REF:
      {
        /* The reference, and its department below: read whole, or it
         * identifies nothing; the department may be cut short. */
        GtkWidget *department = create_cell_label ();

        gtk_widget_add_css_class (child, "numeric");
        gtk_label_set_ellipsize (GTK_LABEL (department), PANGO_ELLIPSIZE_END);
        gtk_label_set_width_chars (GTK_LABEL (department), 6);
        gtk_widget_add_css_class (department, "caption");
        gtk_widget_add_css_class (department, "dim-label");
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

          gtk_box_append (GTK_BOX (box), child);
          gtk_box_append (GTK_BOX (box), department);
          child = box;
        }
      }
      break;

    case COLUMN_OVER:
      gtk_label_set_xalign (GTK_LABEL (child), 1.0);
      gtk_widget_add_css_class (child, "numeric");
      break;

    case COLUMN_DUE:
    default:
      gtk_widget_add_css_class (child, "numeric");
      break;
    }
  gtk_list_item_set_child (list_item, child);
}

static void
on_bind_cell_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  PoAlertObject *object = gtk_list_item_get_item (list_item);
  const PoAlert *alert = po_alert_object_get_alert (object);
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_LEVEL:
      gtk_label_set_label (GTK_LABEL (child), level_label (alert->level));
      set_level_style (child, alert->level);
      break;

    case COLUMN_RULE:
      gtk_label_set_label (GTK_LABEL (child), po_alert_object_get_rule_label (object));
      gtk_widget_set_tooltip_text (child, po_alert_object_get_rule_label (object));
      break;

    case COLUMN_REF:
      {
        GtkWidget *ref = gtk_widget_get_first_child (child);
        GtkWidget *department = gtk_widget_get_next_sibling (ref);

        gtk_label_set_label (GTK_LABEL (ref), alert->ref);
        gtk_label_set_label (GTK_LABEL (department), alert->department ? alert->department : "—");
        gtk_widget_set_tooltip_text (department, alert->department);
      }
      break;

    case COLUMN_DUE:
      gtk_label_set_label (GTK_LABEL (child), alert->due_on && *alert->due_on ? alert->due_on : "—");
      break;

    case COLUMN_OVER:
    default:
      text = g_strdup_printf ("%d", alert->working_days_over);
      gtk_label_set_label (GTK_LABEL (child), text);
      break;
    }
}

static void
setup_column (GtkColumnViewColumn *column,
              Column               which,
              GtkSorter           *sorter)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cell_cb), GINT_TO_POINTER (which));
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cell_cb), GINT_TO_POINTER (which));
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
}

static GtkSorter *
string_sorter (const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (PO_TYPE_ALERT_OBJECT, NULL, property)));
}

static GtkSorter *
numeric_sorter (const char *property)
{
  return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (PO_TYPE_ALERT_OBJECT, NULL, property)));
}

/* Navigation */

static void
on_leaflet_changed_cb (PoSupervisionPage *self)
{
  gtk_widget_set_visible (self->back_button,
                          po_page_get_folded (PO_PAGE (self)) || po_page_leaflet_shows_detail_alone (self->leaflet));
}

static void
on_column_view_activate_cb (PoSupervisionPage *self,
                            guint              position,
                            GtkColumnView     *view)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_child_focus (self->detail_box, GTK_DIR_TAB_FORWARD);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PoSupervisionPage *self = PO_SUPERVISION_PAGE (widget);

  po_page_leaflet_go_back (PO_PAGE (self), self->leaflet, GTK_WIDGET (self->column_view));
}

/* PoPage */

static void
po_supervision_page_reload (PoPage *page)
{
  start_loading (PO_SUPERVISION_PAGE (page));
}

static void
po_supervision_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (po_supervision_page_parent_class)->map (widget);

  /* Cases arrive and alerts change elsewhere too (the CLI, other
   * analysts): read them again whenever the pane is shown. */
  po_page_reload (PO_PAGE (widget));
}

static void
fill_static_filters (PoSupervisionPage *self)
{
  g_autoptr(GtkStringList) rules = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  guint n;
  const PoEnumEntry *entries = po_alert_rules (&n);

  gtk_string_list_append (rules, _("All rules"));
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (rules, po_enum_label (entries, n, entries[i].key));
  gtk_string_list_append (levels, _("All levels"));
  for (guint i = 0; i < G_N_ELEMENTS (filter_levels); i++)
    gtk_string_list_append (levels, level_label (filter_levels[i]));

  self->filling = TRUE;
  gtk_drop_down_set_model (self->rule_filter, G_LIST_MODEL (rules));
  gtk_drop_down_set_model (self->level_filter, G_LIST_MODEL (levels));
  self->department_names = gtk_string_list_new ((const char * const[]) { _("All departments"), NULL });
  g_array_append_val (self->department_ids, (gint64) { 0 });
  gtk_drop_down_set_model (self->department_filter, G_LIST_MODEL (self->department_names));
  self->filling = FALSE;
}

static void
po_supervision_page_constructed (GObject *object)
{
  PoSupervisionPage *self = (PoSupervisionPage *)object;

  G_OBJECT_CLASS (po_supervision_page_parent_class)->constructed (object);

  setup_column (self->level_column, COLUMN_LEVEL, numeric_sorter ("level-rank"));
  setup_column (self->rule_column, COLUMN_RULE, string_sorter ("rule-label"));
  setup_column (self->ref_column, COLUMN_REF, string_sorter ("ref"));
  setup_column (self->due_column, COLUMN_DUE, string_sorter ("due-on"));
  setup_column (self->over_column, COLUMN_OVER, numeric_sorter ("working-days-over"));

  self->alerts = g_list_store_new (PO_TYPE_ALERT_OBJECT);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->alerts)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  /* The latest first: most working days over. */
  gtk_column_view_sort_by_column (self->column_view, self->over_column, GTK_SORT_DESCENDING);

  g_object_bind_property (self->leaflet, "folded", self->column_view, "single-click-activate",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "notify::folded", G_CALLBACK (on_leaflet_changed_cb), NULL);

  fill_static_filters (self);
  show_alert (self, NULL);
  update_actions (self);
}

static void
po_supervision_page_dispose (GObject *object)
{
  PoSupervisionPage *self = (PoSupervisionPage *)object;

  self->disposed = TRUE;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  g_cancellable_cancel (self->work_cancellable);
  g_clear_object (&self->work_cancellable);
  g_cancellable_cancel (self->dialog_cancellable);
  g_clear_object (&self->dialog_cancellable);
  /* A write is not cancelled: it is short, and the analyst meant it. */
  g_clear_object (&self->write_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->progress, g_atomic_rc_box_release);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);


  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  G_OBJECT_CLASS (po_supervision_page_parent_class)->dispose (object);

  self->column_view = NULL;
  g_clear_object (&self->shown);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->alerts);
  g_clear_object (&self->department_names);
  g_clear_pointer (&self->department_ids, g_array_unref);
  g_clear_object (&self->caption_group);
}

static void
po_supervision_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PoSupervisionPage *self = PO_SUPERVISION_PAGE (object);

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
po_supervision_page_class_init (PoSupervisionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PoPageClass *page_class = PO_PAGE_CLASS (klass);

  object_class->constructed = po_supervision_page_constructed;
  object_class->dispose = po_supervision_page_dispose;
  object_class->get_property = po_supervision_page_get_property;

  widget_class->map = po_supervision_page_map;

  page_class->reload = po_supervision_page_reload;

  /**
   * PoSupervisionPage:busy:
   *
   * Whether alerts are being read, scanned, imported or written.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PoSupervisionPage::alerts-raised:
   * @n_red: the number of red alerts new in the scan, raised or escalated
   * @example: (nullable): the latest of them, in a line
   *
   * Emitted after a scan that raised red alerts.
   */
  signals[ALERTS_RAISED] =
    g_signal_new ("alerts-raised",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/poweroversight/PowerOversight/po-supervision-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, scan_button);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, error_status_page);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, red_total_label);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, yellow_total_label);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, rule_counts_list);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, department_counts_list);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, department_filter);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, rule_filter);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, level_filter);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, level_column);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, rule_column);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, ref_column);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, due_column);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, over_column);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, detail_subtitle);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, detail_level_label);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, detail_state_label);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, detail_over_label);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, describe_stack);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, describe_spinner);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, describe_list);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, describe_error_label);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, PoSupervisionPage, answer_button);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_count_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "page.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "page.scan", NULL, scan_action);
  gtk_widget_class_install_action (widget_class, "page.import", "s", import_action);
  gtk_widget_class_install_action (widget_class, "page.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "page.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "page.explain", NULL, explain_action);
  gtk_widget_class_install_action (widget_class, "page.issue-order", NULL, issue_order_action);
  gtk_widget_class_install_action (widget_class, "page.answer-order", NULL, answer_order_action);
  gtk_widget_class_install_action (widget_class, "page.record-suspension", NULL, record_suspension_action);
  gtk_widget_class_install_action (widget_class, "page.close-alert", NULL, close_alert_action);

}

static void
po_supervision_page_init (PoSupervisionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->caption_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
}

/**
 * po_supervision_page_new:
 * @database: the main thread's connection
 *
 * Returns: (transfer floating): a new monitoring pane
 */
GtkWidget *
po_supervision_page_new (PoDatabase *database)
{
  g_return_val_if_fail (PO_IS_DATABASE (database), NULL);

  return g_object_new (PO_TYPE_SUPERVISION_PAGE,
                       "database", database,
                       "title", _("Electronic Supervision"),
                       "icon-name", "alarm-symbolic",
                       NULL);
}

/**
 * po_supervision_page_get_busy:
 *
 * Returns: whether alerts are being read, scanned, imported or written
 */
gboolean
po_supervision_page_get_busy (PoSupervisionPage *self)
{
  g_return_val_if_fail (PO_IS_SUPERVISION_PAGE (self), FALSE);

  return self->busy;
}

/**
 * po_supervision_page_get_alerts:
 *
 * Returns: (transfer none): the alerts shown, #PoAlertObject items in
 *   the order shown
 */
GListModel *
po_supervision_page_get_alerts (PoSupervisionPage *self)
{
  g_return_val_if_fail (PO_IS_SUPERVISION_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

/**
 * po_supervision_page_get_totals:
 * @red: (out) (optional): open red alerts, whatever the filter
 * @yellow: (out) (optional): open yellow alerts
 */
void
po_supervision_page_get_totals (PoSupervisionPage *self,
                                guint             *red,
                                guint             *yellow)
{
  g_return_if_fail (PO_IS_SUPERVISION_PAGE (self));

  if (red != NULL)
    *red = self->red_total;
  if (yellow != NULL)
    *yellow = self->yellow_total;
}

/**
 * po_supervision_page_set_filter:
 * @department_id: one department, or 0 for all
 * @rule: (nullable): one rule's code
 * @level: (nullable): "red" or "yellow"
 *
 * Chooses the filters and reads the alerts again.
 */
void
po_supervision_page_set_filter (PoSupervisionPage *self,
                                gint64             department_id,
                                const char        *rule,
                                const char        *level)
{
  guint n;
  const PoEnumEntry *rules = po_alert_rules (&n);
  guint rule_position = 0;
  guint level_position = 0;
  guint department_position = 0;

  g_return_if_fail (PO_IS_SUPERVISION_PAGE (self));

  for (guint i = 0; rule != NULL && i < n; i++)
    if (g_str_equal (rules[i].key, rule))
      rule_position = i + 1;
  for (guint i = 0; level != NULL && i < G_N_ELEMENTS (filter_levels); i++)
    if (g_str_equal (filter_levels[i], level))
      level_position = i + 1;
  for (guint i = 0; i < self->department_ids->len; i++)
    if (g_array_index (self->department_ids, gint64, i) == department_id)
      department_position = i;

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->department_filter, department_position);
  gtk_drop_down_set_selected (self->rule_filter, rule_position);
  gtk_drop_down_set_selected (self->level_filter, level_position);
  self->filling = FALSE;
  start_loading (self);
}

/**
 * po_supervision_page_select:
 * @id: an alert in the list
 *
 * Selects the alert and shows it in the detail pane.
 *
 * Returns: whether the list holds the alert
 */
gboolean
po_supervision_page_select (PoSupervisionPage *self,
                            gint64             id)
{
  guint position;

  g_return_val_if_fail (PO_IS_SUPERVISION_PAGE (self), FALSE);

  position = find_alert (self, id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/**
 * po_supervision_page_get_selected:
 *
 * Returns: the alert shown in the detail pane, or 0
 */
gint64
po_supervision_page_get_selected (PoSupervisionPage *self)
{
  g_return_val_if_fail (PO_IS_SUPERVISION_PAGE (self), 0);

  return self->shown ? po_alert_object_get_id (self->shown) : 0;
}
