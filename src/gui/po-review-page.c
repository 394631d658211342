/* po-review-page.c: the legal office's queue of review requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 规定 九(五): the legal office replies to a request within 10 working
 * days of receipt. The queue shows the open requests, the one due first
 * on top; the detail pane spells out the deadlines, sets the proposal
 * beside the version in force and records the decision. Deadlines,
 * levels and the decision's effect on the catalogue all come from the
 * core; this page only shows them.
 */
#define G_LOG_DOMAIN "po-review-page"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "po-deadlines.h"
#include "po-discretion.h"
#include "po-domain.h"
#include "po-error.h"
#include "po-review-page.h"
#include "po-review-request.h"
#include "po-review-row.h"
#include "po-util.h"

#define MAX_OUTCOMES 4

struct _PoReviewPage
{
  PoPage               parent_instance;

  GSettings           *settings;
  GListStore          *queue;
  GtkSingleSelection  *selection;
  GCancellable        *load_cancellable;
  GCancellable        *decide_cancellable;
  GHashTable          *drafts;           /* request id → opinion being written */
  PoReviewRequest     *shown;            /* the request in the detail pane */
  GtkWidget           *change_rows[PO_N_FIELDS];
  PoOutcome            outcomes[MAX_OUTCOMES];
  guint                n_outcomes;
  gint64               decided_id;       /* the request just decided */
  guint                decided_position;

  guint                loading : 1;
  guint                reload_pending : 1;
  guint                loaded : 1;
  guint                busy : 1;
  guint                splicing : 1;     /* the queue is being replaced */
  guint                filling : 1;      /* the form is being filled, not typed in */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *back_button;
  GtkStack            *content_stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_status_page;
  AdwLeaflet          *leaflet;
  GtkListView         *list_view;
  GtkStack            *detail_stack;
  GtkScrolledWindow   *detail_scroller;
  GtkWidget           *detail_box;
  GtkLabel            *detail_title;
  GtkLabel            *detail_subtitle;
  GtkLabel            *detail_days_label;
  GtkWidget           *detail_late_label;
  GtkWidget           *detail_provisional_label;
  AdwActionRow        *received_row;
  GtkLabel            *received_label;
  AdwActionRow        *reply_row;
  GtkLabel            *reply_label;
  AdwActionRow        *filing_row;
  GtkLabel            *filing_label;
  GtkLabel            *filing_status_label;
  GtkLabel            *basis_label;
  AdwPreferencesGroup *proposal_group;
  GtkWidget           *comparison_box;
  GtkWidget           *discretion_box;
  GtkWidget           *benchmarks_box;
  GtkExpander         *discretion_expander;
  GtkTextView         *discretion_json_view;
  GtkWidget           *abolish_card;
  GtkLabel            *abolish_label;
  GtkTextView         *proposal_view;
  GtkLabel            *problem_label;
  AdwComboRow         *outcome_row;
  GtkTextView         *opinion_view;
  AdwPreferencesGroup *changes_group;
  GtkTextView         *changes_view;
  GtkLabel            *decide_hint;
  GtkButton           *decide_button;
};

G_DEFINE_FINAL_TYPE (PoReviewPage, po_review_page, PO_TYPE_PAGE)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_loading   (PoReviewPage *self);
static void update_decision (PoReviewPage *self);

/* The outcomes and what the Decide button says for each. The names
 * carry a context: "Approved" is also an item's status, which Chinese
 * words differently (已审核, not 审核通过). */
#define OUTCOME_CONTEXT "review outcome"

static const struct
{
  PoOutcome   outcome;
  const char *label;
  const char *button;
} outcome_infos[] = {
  { PO_OUTCOME_APPROVED,              NC_("review outcome", "Approved"),              N_("_Approve") },
  { PO_OUTCOME_APPROVED_WITH_CHANGES, NC_("review outcome", "Approved with changes"), N_("Approve with _Changes") },
  { PO_OUTCOME_RETURNED,              NC_("review outcome", "Returned for revision"), N_("_Return for Revision") },
  { PO_OUTCOME_REJECTED,              NC_("review outcome", "Rejected"),              N_("Re_ject") },
};

static gboolean
is_cancelled_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, PO_ERROR, PO_ERROR_CANCELLED);
}

static gboolean
is_field_kind (const char *kind)
{
  return g_strcmp0 (kind, "create") == 0 || g_strcmp0 (kind, "modify") == 0;
}

static void
update_busy (PoReviewPage *self)
{
  gboolean busy = self->loading || self->decide_cancellable != NULL;

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Workers: each opens a connection of its own */

typedef struct
{
  char      *path;
  char      *actor;
  PoDate     today;
  int        yellow_days;
  gint64     id;
  PoOutcome  outcome;
  char      *opinion;
  char      *changed_proposal;
} WorkerData;

static void
worker_data_free (WorkerData *data)
{
  g_clear_pointer (&data->path, g_free);
  g_clear_pointer (&data->actor, g_free);
  g_clear_pointer (&data->opinion, g_free);
  g_clear_pointer (&data->changed_proposal, g_free);
  g_free (data);
}

static WorkerData *
worker_data_new (PoReviewPage *self)
{
  PoDatabase *db = po_page_get_database (PO_PAGE (self));
  WorkerData *data = g_new0 (WorkerData, 1);

  data->path = g_strdup (po_database_get_path (db));
  data->actor = g_strdup (po_database_get_actor (db));
  data->today = po_date_today ();
  return data;
}

static void
load_queue_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  WorkerData *data = task_data;
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GError) error = NULL;

  if (!(db = po_database_open_as (data->path, data->actor, &error)) ||
      !(queue = po_review_request_load_queue (db, data->today, data->yellow_days, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&queue), (GDestroyNotify) g_ptr_array_unref);
}

static void
load_queue_async (PoReviewPage        *self,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WorkerData *data = worker_data_new (self);

  {
    PoScanOptions office;

    po_page_load_scan_options (PO_PAGE (self), data->today, &office);
    data->yellow_days = office.yellow_days;
  }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, load_queue_async);
  g_task_set_task_data (task, data, (GDestroyNotify) worker_data_free);
  g_task_run_in_thread (task, load_queue_worker);
}

static GPtrArray *
load_queue_finish (PoReviewPage  *self,
                   GAsyncResult  *result,
                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == load_queue_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
decide_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  WorkerData *data = task_data;
  g_autoptr(PoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  /* One transaction in the core: the decision and its effect on the
   * catalogue are written together or not at all. */
  if (!(db = po_database_open_as (data->path, data->actor, &error)) ||
      !po_review_decide (db, data->id, data->outcome, data->opinion, data->changed_proposal,
                         data->today, data->actor, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
decide_async (PoReviewPage        *self,
              WorkerData          *data,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, decide_async);
  g_task_set_task_data (task, data, (GDestroyNotify) worker_data_free);
  g_task_run_in_thread (task, decide_worker);
}

static gboolean
decide_finish (PoReviewPage  *self,
               GAsyncResult  *result,
               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == decide_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Formatting */


/* A field's stored value as a reader wants it: a type's name, a limit
 * in working days, a dash when empty. */
static char *
display_value (PoField     field,
               const char *raw)
{
  if (raw == NULL || *raw == '\0')
    return g_strdup ("—");

  if (field == PO_FIELD_TYPE)
    {
      guint n;
      const PoEnumEntry *types = po_item_types (&n);

      return g_strdup (po_enum_label (types, n, raw));
    }

  if (field == PO_FIELD_STATUTORY_LIMIT || field == PO_FIELD_COMMITTED_LIMIT)
    {
      int days = atoi (raw);

      /* Translators: a time limit of a power item */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days", (gulong) ABS (days)),
                              days);
    }

  return g_strdup (raw);
}

static char *
reviewer_name (PoReviewPage *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "actor-name");

  /* As po_database_set_actor() does: the login name when none is set. */
  if (*name == '\0')
    return g_strdup (g_get_user_name ());
  return g_steal_pointer (&name);
}

static void
set_badge_style (GtkWidget  *widget,
                 const char *style)
{
  static const char * const styles[] = { "warning", "error", "success" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (widget, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
}

/* The detail pane */

/* One of the ways to show a proposal. Not a GtkStack: a stack gives a
 * child at least its minimum width for the stack's height, which for
 * wrapping labels can exceed the stack's own width. */
static void
show_proposal_part (PoReviewPage *self,
                    GtkWidget    *part)
{
  GtkWidget *parts[] = {
    self->comparison_box,
    self->discretion_box,
    self->abolish_card,
    GTK_WIDGET (self->proposal_view),
    GTK_WIDGET (self->problem_label),
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    gtk_widget_set_visible (parts[i], parts[i] == part);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
comparison_cell (const char *text,
                 gboolean    value)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "comparison-cell");
  if (value)
    {
      /* The same width asked by every value: the two columns share the
       * row evenly, and a long value wraps inside its own column. */
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
      gtk_widget_set_hexpand (label, TRUE);
    }
  else
    gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  /* Not .dim-label: its opacity would fade a highlighted row too. */
  if (g_strcmp0 (text, "—") == 0)
    gtk_widget_add_css_class (label, "empty-value");
  return label;
}

/* A row of the comparison grid. Each cell carries the row's classes, so
 * that a highlight spans the row. */
static void
add_comparison_row (GtkGrid    *grid,
                    int         row,
                    const char *field,
                    const char *in_force,
                    const char *proposed,
                    gboolean    header,
                    gboolean    changed)
{
  GtkWidget *cells[] = {
    comparison_cell (field, FALSE),
    comparison_cell (in_force, TRUE),
    comparison_cell (proposed, TRUE),
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      if (header)
        gtk_widget_add_css_class (cells[i], "header");
      if (changed)
        gtk_widget_add_css_class (cells[i], "changed");
      gtk_grid_attach (grid, cells[i], (int) i, row, 1, 1);
    }

  if (header)
    for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
      gtk_widget_add_css_class (cells[i], "heading");
  else
    gtk_widget_add_css_class (cells[0], "field-name");

  if (changed)
    {
      gtk_widget_add_css_class (cells[2], "proposed-change");
      gtk_accessible_update_property (GTK_ACCESSIBLE (cells[2]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Changed"),
                                      -1);
    }
}

static void
show_comparison (PoReviewPage    *self,
                 PoReviewRequest *request)
{
  gboolean in_force = po_review_request_has_in_force (request);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  guint n_changed = 0;
  g_autofree char *description = NULL;

  add_comparison_row (grid, 0, _("Field"), _("In force (published)"), _("Proposed"), TRUE, FALSE);

  for (guint i = 0; i < PO_N_FIELDS; i++)
    {
      PoField f = (PoField) i;
      g_autofree char *before = display_value (f, po_review_request_get_in_force (request, f));
      g_autofree char *after = display_value (f, po_review_request_get_proposed (request, f));
      gboolean changed = po_review_request_is_changed (request, f);

      n_changed += changed;
      add_comparison_row (grid, (int) i + 1, po_field_label (f), before, after, FALSE, changed);
    }
  clear_box (self->comparison_box);
  gtk_box_append (GTK_BOX (self->comparison_box), GTK_WIDGET (grid));

  if (!in_force)
    description = g_strdup (_("A new item: nothing of it is in force yet. The proposal is the item as the department drafted it."));
  else if (n_changed == 0)
    description = g_strdup (_("The proposal changes no field of the version in force."));
  else
    {
      g_autofree char *count = NULL;
      int version = po_review_request_get_in_force_version (request);

      /* Translators: the number of fields a proposal changes */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u field changes; it is highlighted.",
                                            "%u fields change; they are highlighted.",
                                            n_changed),
                               n_changed);
      if (version > 0)
        /* Translators: "%s" says how many fields change; then the version in force and the day it was published */
        description = g_strdup_printf (_("%s In force: version %d, published on %s."),
                                       count, version, po_review_request_get_in_force_date (request));
      else
        description = g_steal_pointer (&count);
    }
  adw_preferences_group_set_description (self->proposal_group, description);
  show_proposal_part (self, self->comparison_box);
}

/* The benchmark of @benchmarks for @violation, or NULL. */
static PoBenchmark *
find_benchmark (GPtrArray  *benchmarks,
                const char *violation)
{
  for (guint i = 0; i < benchmarks->len; i++)
    {
      PoBenchmark *b = g_ptr_array_index (benchmarks, i);

      if (g_strcmp0 (po_benchmark_get_violation (b), violation) == 0)
        return b;
    }
  return NULL;
}

/* A tier's cell: its range, then its circumstances; "—" for no tier. */
static char *
tier_text (PoBenchmark *benchmark,
           const char  *name)
{
  PoBenchmarkTier *tier;
  g_autofree char *range = NULL;
  const char *circumstances;
  int position;

  if (benchmark == NULL || (position = po_benchmark_find_tier (benchmark, name)) < 0)
    return g_strdup ("—");
  tier = po_benchmark_get_tier (benchmark, (guint) position);
  range = po_discretion_format_range (po_benchmark_tier_get_fine_min (tier),
                                      po_benchmark_tier_get_fine_max (tier),
                                      po_benchmark_get_unit (benchmark));
  circumstances = po_benchmark_tier_get_circumstances (tier);
  if (circumstances == NULL || *circumstances == '\0')
    return g_steal_pointer (&range);
  return g_strdup_printf ("%s\n%s", range, circumstances);
}

static void
add_tier_names (GPtrArray   *names,
                PoBenchmark *benchmark)
{
  if (benchmark == NULL)
    return;
  for (guint i = 0; i < po_benchmark_get_n_tiers (benchmark); i++)
    {
      PoBenchmarkTier *tier = po_benchmark_get_tier (benchmark, i);
      const char *name = po_benchmark_tier_get_name (tier);

      if (name == NULL)
        name = "";
      if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) name);
    }
}

/* One benchmark's grid: the statutory range, then the tiers by name, the
 * ones in force first. Returns the number of changed rows. */
static guint
add_benchmark_grid (PoReviewPage *self,
                    PoBenchmark  *before,
                    PoBenchmark  *after)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *title;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *range_before = NULL;
  g_autofree char *range_after = NULL;
  guint n_changed = 0;
  gboolean changed;
  int row = 0;

  title = comparison_cell (po_benchmark_get_violation (before ? before : after), FALSE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), -1);
  gtk_widget_add_css_class (title, "header");
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (card), title);

  add_comparison_row (grid, row++, _("Tier"), _("In force"), _("Proposed"), TRUE, FALSE);

  range_before = before
    ? po_discretion_format_range (po_benchmark_get_range_min (before),
                                  po_benchmark_get_range_max (before),
                                  po_benchmark_get_unit (before))
    : g_strdup ("—");
  range_after = after
    ? po_discretion_format_range (po_benchmark_get_range_min (after),
                                  po_benchmark_get_range_max (after),
                                  po_benchmark_get_unit (after))
    : g_strdup ("—");
  changed = g_strcmp0 (range_before, range_after) != 0;
  n_changed += changed;
  add_comparison_row (grid, row++, _("Statutory range"), range_before, range_after, FALSE, changed);

  add_tier_names (names, before);
  add_tier_names (names, after);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *text_before = tier_text (before, name);
      g_autofree char *text_after = tier_text (after, name);

      changed = g_strcmp0 (text_before, text_after) != 0;
      n_changed += changed;
      add_comparison_row (grid, row++, name, text_before, text_after, FALSE, changed);
    }

  gtk_box_append (GTK_BOX (card), GTK_WIDGET (grid));
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "review-comparison");
  gtk_box_append (GTK_BOX (self->benchmarks_box), card);
  return n_changed;
}

/* A discretion benchmark adjustment: each benchmark's tiers in force and
 * as proposed, matched by violation; the proposal as filed below. */
static void
show_discretion (PoReviewPage    *self,
                 PoReviewRequest *request)
{
  const PoReview *review = po_review_request_get_review (request);
  GPtrArray *in_force = po_review_request_get_benchmarks_in_force (request);
  GPtrArray *proposed = po_review_request_get_benchmarks_proposed (request);
  g_autofree char *text = po_json_indent (review->proposal);
  guint n_changed = 0;
  const char *description;

  clear_box (self->benchmarks_box);
  for (guint i = 0; i < in_force->len; i++)
    {
      PoBenchmark *before = g_ptr_array_index (in_force, i);

      n_changed += add_benchmark_grid (self, before,
                                       find_benchmark (proposed, po_benchmark_get_violation (before)));
    }
  for (guint i = 0; i < proposed->len; i++)
    {
      PoBenchmark *after = g_ptr_array_index (proposed, i);

      if (find_benchmark (in_force, po_benchmark_get_violation (after)) == NULL)
        n_changed += add_benchmark_grid (self, NULL, after);
    }

  if (in_force->len == 0)
    description = _("No discretion benchmark is in force for this item yet.");
  else if (n_changed == 0)
    description = _("The proposal changes no tier of the benchmarks in force.");
  else
    description = _("The tiers in force and as proposed; changed rows are highlighted.");
  adw_preferences_group_set_description (self->proposal_group, description);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->discretion_json_view), text, -1);
  gtk_expander_set_expanded (self->discretion_expander, FALSE);
  show_proposal_part (self, self->discretion_box);
}

static void
show_proposal (PoReviewPage    *self,
               PoReviewRequest *request)
{
  const PoReview *review = po_review_request_get_review (request);
  const char *problem = po_review_request_get_problem (request);

  if (problem != NULL)
    {
      gtk_label_set_label (self->problem_label, problem);
      adw_preferences_group_set_description (self->proposal_group,
                                             _("The proposal cannot be set beside the item in force."));
      show_proposal_part (self, GTK_WIDGET (self->problem_label));
    }
  else if (g_str_equal (review->kind, "abolish"))
    {
      g_autofree char *text = NULL;

      /* Translators: the item's name and code */
      text = g_strdup_printf (_("If approved, “%s” (%s) is abolished: it leaves the published catalogue, "
                                "and its published versions stay on record."),
                              review->item_name, review->item_code);
      gtk_label_set_label (self->abolish_label, text);
      adw_preferences_group_set_description (self->proposal_group, NULL);
      show_proposal_part (self, self->abolish_card);
    }
  else if (is_field_kind (review->kind) && po_review_request_has_proposed (request))
    show_comparison (self, request);
  else if (g_str_equal (review->kind, "discretion") && po_review_request_has_benchmarks (request))
    show_discretion (self, request);
  else
    {
      g_autofree char *text = po_json_indent (review->proposal);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->proposal_view), text, -1);
      adw_preferences_group_set_description (self->proposal_group,
                                             g_str_equal (review->kind, "discretion")
                                             ? _("The proposed discretion benchmark, as filed.")
                                             : g_str_equal (review->kind, "flowchart")
                                             ? _("The proposed flowchart, as filed.")
                                             : _("The proposed content, as filed."));
      show_proposal_part (self, GTK_WIDGET (self->proposal_view));
    }
}

static void
show_deadlines (PoReviewPage   *self,
                const PoReview *review)
{
  g_autofree char *received = po_date_format (review->received_on);
  g_autofree char *filed = po_date_format (review->filed_on);
  g_autofree char *reply = po_date_format (review->reply_deadline);
  g_autofree char *days = po_review_format_days_left (review);
  g_autofree char *text = NULL;

  gtk_label_set_label (self->received_label, received);
  if (review->filed_on == review->received_on)
    text = g_strdup (_("Filed by the department the same day"));
  else
    /* Translators: the day the department filed the request */
    text = g_strdup_printf (_("Filed by the department on %s"), filed);
  adw_action_row_set_subtitle (self->received_row, text);
  g_clear_pointer (&text, g_free);

  gtk_label_set_label (self->reply_label, reply);
  /* Translators: the rule, then how many working days are left, e.g. "3 working days left" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d working day after receipt · %s",
                                       "%d working days after receipt · %s",
                                       PO_REVIEW_REPLY_DAYS),
                          PO_REVIEW_REPLY_DAYS, days);
  adw_action_row_set_subtitle (self->reply_row, text);
  g_clear_pointer (&text, g_free);

  if (review->filing_deadline != PO_DATE_INVALID)
    {
      g_autofree char *deadline = po_date_format (review->filing_deadline);
      g_autofree char *effective = po_date_format (review->effective_on);

      gtk_label_set_label (self->filing_label, deadline);
      /* Translators: the rule, the day the law change takes effect and the day the request was filed */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d working day before the law change takes effect on %s; filed on %s",
                                           "%d working days before the law change takes effect on %s; filed on %s",
                                           PO_FILING_LEAD_DAYS),
                              PO_FILING_LEAD_DAYS, effective, filed);
      gtk_label_set_label (self->filing_status_label, review->late_filed ? _("Late-filed") : _("On time"));
      set_badge_style (GTK_WIDGET (self->filing_status_label), review->late_filed ? "error" : "success");
    }
  else
    {
      gtk_label_set_label (self->filing_label, "—");
      text = g_strdup (_("No law change takes effect, so there is no filing deadline"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filing_status_label), review->filing_deadline != PO_DATE_INVALID);
  adw_action_row_set_subtitle (self->filing_row, text);
}

/* Fills the decision form for a request newly shown. */
static void
reset_decision (PoReviewPage    *self,
                PoReviewRequest *request)
{
  const PoReview *review = po_review_request_get_review (request);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const char *draft = g_hash_table_lookup (self->drafts, &review->id);
  gboolean fields = is_field_kind (review->kind) && po_review_request_has_proposed (request);
  gboolean adjustment = !is_field_kind (review->kind) && !g_str_equal (review->kind, "abolish");

  self->filling = TRUE;

  self->n_outcomes = 0;
  for (guint i = 0; i < G_N_ELEMENTS (outcome_infos); i++)
    {
      /* An abolition is approved or not; there is nothing to change. A
       * proposal that cannot be read cannot be changed either. */
      if (outcome_infos[i].outcome == PO_OUTCOME_APPROVED_WITH_CHANGES && !fields && !adjustment)
        continue;
      self->outcomes[self->n_outcomes++] = outcome_infos[i].outcome;
      gtk_string_list_append (model, g_dpgettext2 (GETTEXT_PACKAGE, OUTCOME_CONTEXT, outcome_infos[i].label));
    }
  adw_combo_row_set_model (self->outcome_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->outcome_row, 0);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->opinion_view), draft ? draft : "", -1);

  for (guint i = 0; i < PO_N_FIELDS; i++)
    {
      GtkWidget *row = self->change_rows[i];
      const char *value = fields ? po_review_request_get_proposed (request, (PoField) i) : NULL;

      if (row == NULL)
        continue;
      gtk_widget_set_visible (row, fields);
      if (ADW_IS_COMBO_ROW (row))
        {
          guint n;
          const PoEnumEntry *types = po_item_types (&n);
          const PoEnumEntry *type = po_enum_lookup (types, n, value);

          adw_combo_row_set_selected (ADW_COMBO_ROW (row), type ? (guint) (type - types) : 0);
        }
      else
        gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->changes_view), adjustment);
  if (adjustment)
    {
      g_autofree char *text = po_json_indent (review->proposal);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->changes_view), text, -1);
    }

  self->filling = FALSE;
}

static void
show_request (PoReviewPage    *self,
              PoReviewRequest *request)
{
  const PoReview *review;
  gboolean same;
  guint n_kinds;
  const PoEnumEntry *kinds = po_review_kinds (&n_kinds);
  g_autofree char *subtitle = NULL;
  g_autofree char *days = NULL;

  same = request != NULL && self->shown != NULL &&
         po_review_request_get_id (request) == po_review_request_get_id (self->shown);
  g_set_object (&self->shown, request);

  if (request == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      update_decision (self);
      return;
    }

  review = po_review_request_get_review (request);

  gtk_label_set_label (self->detail_title, review->title);
  /* Translators: kind of request · item code and name · department */
  subtitle = g_strdup_printf (_("%s · %s %s · %s"),
                              po_enum_label (kinds, n_kinds, review->kind),
                              review->item_code, review->item_name, review->department);
  gtk_label_set_label (self->detail_subtitle, subtitle);

  days = po_review_format_days_left (review);
  gtk_label_set_label (self->detail_days_label, days);
  set_badge_style (GTK_WIDGET (self->detail_days_label), po_review_level_style (review->level));
  gtk_widget_set_visible (self->detail_late_label, review->late_filed);
  gtk_widget_set_visible (self->detail_provisional_label, review->provisional);

  show_deadlines (self, review);

  if (*review->legal_basis != '\0')
    {
      gtk_label_set_label (self->basis_label, review->legal_basis);
      gtk_widget_remove_css_class (GTK_WIDGET (self->basis_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->basis_label, _("The department gave no legal basis."));
      gtk_widget_add_css_class (GTK_WIDGET (self->basis_label), "dim-label");
    }

  show_proposal (self, request);

  if (!same)
    {
      reset_decision (self, request);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0.0);
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "request");
  update_decision (self);
}

/* The decision form */

static PoOutcome
selected_outcome (PoReviewPage *self)
{
  guint selected = adw_combo_row_get_selected (self->outcome_row);

  if (selected >= self->n_outcomes)
    return PO_OUTCOME_APPROVED;
  return self->outcomes[selected];
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
change_row_value (PoReviewPage *self,
                  PoField       field)
{
  GtkWidget *row = self->change_rows[field];

  if (ADW_IS_COMBO_ROW (row))
    {
      guint n;
      const PoEnumEntry *types = po_item_types (&n);
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

      return g_strdup (selected < n ? types[selected].key : "");
    }
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
is_working_days (const char *text)
{
  gsize len = strlen (text);

  if (len == 0)
    return TRUE;
  if (len > 4)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return atoi (text) > 0;
}

/* The proposal as the legal office changed it, in the form of
 * po_item_to_json(): for a new item every field, for a change the
 * fields that differ from the version in force. %NULL with @problem set
 * to a sentence when it cannot be built yet. */
static char *
build_changed_proposal (PoReviewPage  *self,
                        char         **problem)
{
  PoReviewRequest *request = self->shown;
  const PoReview *review = po_review_request_get_review (request);
  g_autoptr(GString) out = NULL;
  gboolean differs = FALSE;
  gboolean first = TRUE;

  if (!is_field_kind (review->kind))
    {
      g_autofree char *text = g_strstrip (buffer_text (self->changes_view));

      if (*text == '\0')
        {
          *problem = g_strdup (_("Write the changed proposal, or choose another outcome."));
          return NULL;
        }
      return g_steal_pointer (&text);
    }

  out = g_string_new ("{");
  for (guint i = 0; i < PO_N_FIELDS; i++)
    {
      PoField f = (PoField) i;
      const char *proposed = po_review_request_get_proposed (request, f);
      const char *in_force = po_review_request_get_in_force (request, f);
      g_autofree char *value = NULL;

      value = self->change_rows[f] ? change_row_value (self, f) : g_strdup (proposed);
      if (g_strcmp0 (value, proposed) != 0)
        differs = TRUE;

      if ((f == PO_FIELD_STATUTORY_LIMIT || f == PO_FIELD_COMMITTED_LIMIT) && !is_working_days (value))
        {
          /* Translators: %s is a field, e.g. "Statutory time limit" */
          *problem = g_strdup_printf (_("%s must be a whole number of working days."), po_field_label (f));
          return NULL;
        }

      if (g_str_equal (review->kind, "modify") && in_force != NULL && g_str_equal (value, in_force))
        continue;

      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      po_json_append_string (out, po_field_key (f));
      g_string_append (out, ": ");
      /* A JSON number has no leading zeros: "010" is written as 10. */
      if ((f == PO_FIELD_STATUTORY_LIMIT || f == PO_FIELD_COMMITTED_LIMIT) && *value != '\0')
        g_string_append_printf (out, "%d", atoi (value));
      else if (f == PO_FIELD_STATUTORY_LIMIT || f == PO_FIELD_COMMITTED_LIMIT)
        g_string_append (out, "null");
      else
        po_json_append_string (out, value);
    }
  g_string_append_c (out, '}');

  if (!differs)
    {
      *problem = g_strdup (_("Change at least one field, or choose “Approved”."));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whether Decide can run now; otherwise @hint says what is missing. */
static gboolean
can_decide (PoReviewPage  *self,
            char         **hint,
            char         **changed_proposal)
{
  g_autofree char *opinion = NULL;

  if (self->shown == NULL)
    return FALSE;
  if (self->decide_cancellable != NULL)
    {
      *hint = g_strdup (_("Recording the decision…"));
      return FALSE;
    }

  if (selected_outcome (self) == PO_OUTCOME_APPROVED_WITH_CHANGES)
    {
      g_autofree char *changed = build_changed_proposal (self, hint);

      if (changed == NULL)
        return FALSE;
      if (changed_proposal != NULL)
        *changed_proposal = g_steal_pointer (&changed);
    }

  opinion = g_strstrip (buffer_text (self->opinion_view));
  if (*opinion == '\0')
    {
      *hint = g_strdup (_("Write the opinion to decide."));
      return FALSE;
    }

  return TRUE;
}

static void
update_decision (PoReviewPage *self)
{
  g_autofree char *hint = NULL;
  PoOutcome outcome = selected_outcome (self);
  gboolean enabled;

  if (self->filling)
    return;

  enabled = can_decide (self, &hint, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.decide", enabled);

  if (hint == NULL && self->shown != NULL)
    {
      g_autofree char *today = po_date_format (po_date_today ());
      g_autofree char *reviewer = reviewer_name (self);

      /* Translators: the day of the decision and the reviewer's name */
      hint = g_strdup_printf (_("Recorded as decided on %s by %s."), today, reviewer);
    }
  gtk_label_set_label (self->decide_hint, hint);

  for (guint i = 0; i < G_N_ELEMENTS (outcome_infos); i++)
    if (outcome_infos[i].outcome == outcome)
      gtk_button_set_label (self->decide_button, _(outcome_infos[i].button));
  if (outcome == PO_OUTCOME_REJECTED)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->decide_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->decide_button), "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->decide_button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->decide_button), "suggested-action");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->changes_group),
                          self->shown != NULL && outcome == PO_OUTCOME_APPROVED_WITH_CHANGES);
}

static void
on_decision_changed_cb (PoReviewPage *self)
{
  update_decision (self);
}

static void
on_opinion_changed_cb (PoReviewPage  *self,
                       GtkTextBuffer *buffer)
{
  if (!self->filling && self->shown != NULL)
    {
      gint64 *id = g_new (gint64, 1);

      /* Drafts survive switching between requests and reloads. */
      *id = po_review_request_get_id (self->shown);
      g_hash_table_replace (self->drafts, id, buffer_text (self->opinion_view));
    }
  update_decision (self);
}

static const char *
decided_message (PoOutcome   outcome,
                 const char *kind)
{
  if (outcome == PO_OUTCOME_RETURNED)
    return _("Request returned to the department for revision.");
  if (outcome == PO_OUTCOME_REJECTED)
    return _("Request rejected.");
  if (g_str_equal (kind, "abolish"))
    return _("Request approved; the item is abolished.");
  if (!is_field_kind (kind))
    return _("Request approved; the adjustment is in force.");
  if (outcome == PO_OUTCOME_APPROVED_WITH_CHANGES)
    return _("Request approved with changes; the department can now publish the item.");
  return _("Request approved; the department can now publish the item.");
}

static void
show_decide_error (PoReviewPage *self,
                   const GError *error)
{
  /* Translators: %s is the reason, a sentence from the database layer */
  g_autofree char *body = g_strdup_printf (_("%s\n\nNothing was written: the request is still open."),
                                           error->message);

  po_page_show_error_dialog (PO_PAGE (self), _("The Decision Was Not Recorded"), body);
}

static void
on_decided_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PoReviewPage *self = PO_REVIEW_PAGE (object);
  WorkerData *data = g_task_get_task_data (G_TASK (result));
  g_autofree char *kind = user_data;
  g_autoptr(GError) error = NULL;

  /* The page cancels on dispose, and its widgets are gone by then. */
  if (!decide_finish (self, result, &error) && is_cancelled_error (error))
    return;

  g_clear_object (&self->decide_cancellable);

  if (error != NULL)
    {
      update_busy (self);
      show_decide_error (self, error);
      update_decision (self);
      return;
    }

  g_debug ("Request %" G_GINT64_FORMAT " decided", data->id);
  g_hash_table_remove (self->drafts, &data->id);
  po_page_show_toast (PO_PAGE (self), decided_message (data->outcome, kind));
  self->decided_id = data->id;
  /* Still busy until the queue without it is read. */
  start_loading (self);
  update_busy (self);
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PoReviewPage *self = PO_REVIEW_PAGE (widget);
  g_autofree char *hint = NULL;
  g_autofree char *changed = NULL;
  WorkerData *data;

  if (!can_decide (self, &hint, &changed))
    return;

  data = worker_data_new (self);
  data->id = po_review_request_get_id (self->shown);
  data->outcome = selected_outcome (self);
  data->opinion = buffer_text (self->opinion_view);
  data->changed_proposal = g_steal_pointer (&changed);
  self->decided_position = gtk_single_selection_get_selected (self->selection);

  self->decide_cancellable = g_cancellable_new ();
  update_busy (self);
  update_decision (self);
  decide_async (self, data, self->decide_cancellable, on_decided_cb,
                g_strdup (po_review_request_get_review (self->shown)->kind));
}

/* The queue */

static void
update_title (PoReviewPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));
  guint overdue = 0;
  g_autofree char *waiting = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoReviewRequest) request = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      overdue += po_review_request_get_review (request)->level == PO_LEVEL_RED;
    }

  /* Translators: the number of open review requests, in the header bar */
  waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u request awaiting review",
                                          "%u requests awaiting review",
                                          n),
                             n);
  if (overdue > 0)
    /* Translators: "%s" is "N requests awaiting review"; %u of them are past the reply deadline */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u overdue", "%s · %u overdue", overdue),
                                waiting, overdue);
  else
    subtitle = g_steal_pointer (&waiting);
  adw_window_title_set_subtitle (self->window_title, n > 0 ? subtitle : NULL);
}

static guint
find_request (PoReviewPage *self,
              gint64        id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoReviewRequest) request = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      if (po_review_request_get_id (request) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
show_queue (PoReviewPage *self,
            GPtrArray    *requests)
{
  gint64 shown_id = self->shown ? po_review_request_get_id (self->shown) : 0;
  guint old_position = gtk_single_selection_get_selected (self->selection);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->queue));
  guint position;

  self->splicing = TRUE;
  g_list_store_splice (self->queue, 0, n_old, requests->pdata, requests->len);
  self->splicing = FALSE;

  /* The same request again, with fresh figures; after a decision, the
   * one that took its place in the queue. */
  if (self->decided_id != 0 && self->decided_id == shown_id)
    position = MIN (self->decided_position, requests->len - 1);
  else if (shown_id != 0 && (position = find_request (self, shown_id)) != GTK_INVALID_LIST_POSITION)
    ;
  else if (old_position != GTK_INVALID_LIST_POSITION && old_position < requests->len)
    position = old_position;
  else
    position = 0;
  self->decided_id = 0;

  update_title (self);
  if (requests->len == 0)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      show_request (self, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  self->splicing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->splicing = FALSE;
  show_request (self, gtk_single_selection_get_selected_item (self->selection));
  gtk_stack_set_visible_child_name (self->content_stack, "queue");
}

static void
on_queue_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PoReviewPage *self = PO_REVIEW_PAGE (object);
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;

  requests = load_queue_finish (self, result, &error);
  if (requests == NULL && is_cancelled_error (error))
    return;

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->load_cancellable);

  if (requests != NULL)
    {
      self->loaded = TRUE;
      show_queue (self, requests);
    }
  else
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_status_page, markup);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }

  if (self->reload_pending)
    start_loading (self);
  else
    update_busy (self);
}

static void
start_loading (PoReviewPage *self)
{
  self->reload_pending = FALSE;
  if (self->loading)
    {
      self->reload_pending = TRUE;
      return;
    }

  self->loading = TRUE;
  update_busy (self);
  /* The spinner only until the first queue: later reloads keep the old
   * queue on screen until the new one arrives. */
  if (!self->loaded)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
    }

  self->load_cancellable = g_cancellable_new ();
  load_queue_async (self, self->load_cancellable, on_queue_loaded_cb, NULL);
}

static void
on_selected_item_cb (PoReviewPage       *self,
                     GParamSpec         *pspec,
                     GtkSingleSelection *selection)
{
  if (!self->splicing)
    show_request (self, gtk_single_selection_get_selected_item (selection));
}

static void
open_request (PoReviewPage *self)
{
  if (self->shown == NULL)
    return;

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  /* Reading starts at the top: the day the request was received. */
  if (!gtk_widget_grab_focus (GTK_WIDGET (self->received_row)))
    gtk_widget_child_focus (self->detail_box, GTK_DIR_TAB_FORWARD);
}

static void
on_list_view_activate_cb (PoReviewPage *self,
                          guint         position,
                          GtkListView  *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  open_request (self);
}

static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, po_review_row_new ());
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  po_review_row_set_request (PO_REVIEW_ROW (gtk_list_item_get_child (list_item)),
                             gtk_list_item_get_item (list_item));
}

static void
on_unbind_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  po_review_row_set_request (PO_REVIEW_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* Navigation */

static void
on_leaflet_changed_cb (PoReviewPage *self)
{
  gtk_widget_set_visible (self->back_button,
                          po_page_get_folded (PO_PAGE (self)) || po_page_leaflet_shows_detail_alone (self->leaflet));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PoReviewPage *self = PO_REVIEW_PAGE (widget);

  po_page_leaflet_go_back (PO_PAGE (self), self->leaflet, GTK_WIDGET (self->list_view));
}


/* PoPage */

static void
po_review_page_reload (PoPage *page)
{
  start_loading (PO_REVIEW_PAGE (page));
}

static void
po_review_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (po_review_page_parent_class)->map (widget);

  /* Requests are filed and decided elsewhere too: read the queue again
   * whenever the page is shown. */
  po_page_reload (PO_PAGE (widget));
}

static void
add_change_rows (PoReviewPage *self)
{
  for (guint i = 0; i < PO_N_FIELDS; i++)
    {
      PoField f = (PoField) i;
      GtkWidget *row;

      /* The code names the item; a review does not change it. */
      if (f == PO_FIELD_CODE)
        continue;

      if (f == PO_FIELD_TYPE)
        {
          guint n;
          const PoEnumEntry *types = po_item_types (&n);
          g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

          for (guint t = 0; t < n; t++)
            gtk_string_list_append (model, po_enum_label (types, n, types[t].key));
          row = adw_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
          g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_decision_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }
      else
        {
          row = adw_entry_row_new ();
          if (f == PO_FIELD_STATUTORY_LIMIT || f == PO_FIELD_COMMITTED_LIMIT)
            adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
          else if (f == PO_FIELD_PHONE || f == PO_FIELD_SUPERVISION_PHONE)
            adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_PHONE);
          g_signal_connect_object (row, "changed", G_CALLBACK (on_decision_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), po_field_label (f));
      adw_preferences_group_add (self->changes_group, row);
      self->change_rows[f] = row;
    }
}

static void
po_review_page_constructed (GObject *object)
{
  PoReviewPage *self = (PoReviewPage *)object;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  G_OBJECT_CLASS (po_review_page_parent_class)->constructed (object);

  self->queue = g_list_store_new (PO_TYPE_REVIEW_REQUEST);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->queue)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Folded, the queue is a page of its own: a click opens the request. */
  g_object_bind_property (self->leaflet, "folded", self->list_view, "single-click-activate",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "notify::folded", G_CALLBACK (on_leaflet_changed_cb), NULL);

  add_change_rows (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->opinion_view), "changed",
                           G_CALLBACK (on_opinion_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->changes_view), "changed",
                           G_CALLBACK (on_decision_changed_cb), self, G_CONNECT_SWAPPED);

  show_request (self, NULL);
}

static void
po_review_page_dispose (GObject *object)
{
  PoReviewPage *self = (PoReviewPage *)object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->decide_cancellable);
  g_clear_object (&self->decide_cancellable);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  G_OBJECT_CLASS (po_review_page_parent_class)->dispose (object);

  self->list_view = NULL;
  g_clear_object (&self->shown);
  g_clear_object (&self->selection);
  g_clear_object (&self->queue);
  g_clear_pointer (&self->drafts, g_hash_table_unref);
}

static void
po_review_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PoReviewPage *self = PO_REVIEW_PAGE (object);

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
po_review_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      /* The sidebar's words for a page still to come; this page is here. */
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
po_review_page_class_init (PoReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PoPageClass *page_class = PO_PAGE_CLASS (klass);

  object_class->constructed = po_review_page_constructed;
  object_class->dispose = po_review_page_dispose;
  object_class->get_property = po_review_page_get_property;
  object_class->set_property = po_review_page_set_property;

  widget_class->map = po_review_page_map;

  page_class->reload = po_review_page_reload;

  /**
   * PoReviewPage:busy:
   *
   * Whether the queue is being read or a decision recorded.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* PoWindow passes the description of a placeholder page to the page of
   * its entry; accepted and ignored until the entry drops it. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/poweroversight/PowerOversight/po-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, error_status_page);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, detail_subtitle);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, detail_days_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, detail_late_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, detail_provisional_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, received_row);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, received_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, reply_row);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, reply_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, filing_row);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, filing_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, filing_status_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, basis_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, proposal_group);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, comparison_box);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, discretion_box);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, benchmarks_box);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, discretion_expander);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, discretion_json_view);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, abolish_card);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, abolish_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, proposal_view);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, opinion_view);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, changes_group);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, changes_view);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, decide_hint);
  gtk_widget_class_bind_template_child (widget_class, PoReviewPage, decide_button);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_decision_changed_cb);

  gtk_widget_class_install_action (widget_class, "page.decide", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "page.go-back", NULL, go_back_action);

  g_type_ensure (PO_TYPE_REVIEW_ROW);
}

static void
po_review_page_init (PoReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::actor-name",
                            G_CALLBACK (on_decision_changed_cb), self);
}

/**
 * po_review_page_new:
 * @database: the main thread's connection
 *
 * Returns: (transfer floating): a new legality review page
 */
GtkWidget *
po_review_page_new (PoDatabase *database)
{
  g_return_val_if_fail (PO_IS_DATABASE (database), NULL);

  return g_object_new (PO_TYPE_REVIEW_PAGE,
                       "database", database,
                       "title", _("Legality Review"),
                       "icon-name", "emblem-ok-symbolic",
                       NULL);
}

/**
 * po_review_page_get_busy:
 *
 * Returns: whether the queue is being read or a decision recorded
 */
gboolean
po_review_page_get_busy (PoReviewPage *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_PAGE (self), FALSE);

  return self->busy;
}

/**
 * po_review_page_get_queue:
 *
 * Returns: (transfer none): the open requests shown, #PoReviewRequest
 *   items, the one due first on top
 */
GListModel *
po_review_page_get_queue (PoReviewPage *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_PAGE (self), NULL);

  return G_LIST_MODEL (self->queue);
}

/**
 * po_review_page_select:
 * @id: a request in the queue
 *
 * Selects the request and shows it in the detail pane.
 *
 * Returns: whether the queue holds the request
 */
gboolean
po_review_page_select (PoReviewPage *self,
                       gint64        id)
{
  guint position;

  g_return_val_if_fail (PO_IS_REVIEW_PAGE (self), FALSE);

  position = find_request (self, id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/**
 * po_review_page_get_selected:
 *
 * Returns: the request shown in the detail pane, or 0
 */
gint64
po_review_page_get_selected (PoReviewPage *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_PAGE (self), 0);

  return self->shown ? po_review_request_get_id (self->shown) : 0;
}
