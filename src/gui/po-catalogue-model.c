/* po-catalogue-model.c: the rows of a catalogue search, made when shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-catalogue-model"

#include "config.h"

#include <stdlib.h>

#include "po-catalogue-model.h"
#include "po-catalogue-row.h"

/* A search over 100,000 items answers with 100,000 indexes into the
 * catalogue, not with objects: a row object is made only when a view
 * asks for its position, and forgotten when nobody holds it any more.
 * While a row lives, asking again for its position gives the same
 * object.
 *
 * A new search result does not replace the rows. GTK 4.8's list views
 * keep up to 200 rows of widgets; told that every item changed, they
 * throw those away and build 200 new rows of seven cells, which took
 * 100–300 ms on this machine: a keystroke would freeze the window.
 * Instead the rows that live are moved to the entries now at their
 * positions (PoCatalogueRow::changed, and the cells bound to them
 * update their text), and one items-changed says only how the length of
 * the list changed, at its end.
 *
 * Only the first rows, those on screen, move at once; the others follow
 * a dozen at a time when the main loop is idle, between frames. A row
 * asked for before its turn moves then, so nobody sees an old one. (The
 * cells are GtkInscriptions, which lay their text out only when drawn:
 * moving a row off screen costs a few microseconds.)
 *
 * The length changes in steps too, where it costs: when a list of 200
 * rows or more becomes a short one, GTK destroys the widgets of the rows
 * that go, and builds them when a short list grows (some 0.6 ms a row
 * here, building or destroying, measuring and styling: a step of 16 rows
 * took 10 ms beside a frame's drawing, one of 8 takes 5). Rows that go
 * are blanked like any other row, those on screen at once, then leave 8
 * at a time; rows that come arrive 8 at a time (the screen's rows within
 * three frames) up to the
 * 200 GTK keeps, then all the rest at once, as rows beyond those cost
 * nothing. A step waits 16 ms after the one before, a frame at 60 Hz:
 * steps run back to back when idle would leave the next frame to lay
 * out the rows of several. Positions beyond the first 200 have no
 * widgets as long as the view shows the top of the list, which a new
 * search does. */

#define ROWS_PER_IDLE 12
#define VIEW_ROWS     200   /* GTK_LIST_VIEW_MAX_LIST_ITEMS in GTK 4.8 */
#define ROWS_PER_STEP 8
#define STEP_INTERVAL_MS 16   /* a frame at 60 Hz */

struct _PoCatalogueModel
{
  GObject      parent_instance;

  PoCatalogue *catalogue;
  GArray      *indexes;   /* guint: entries of the catalogue, in list order */
  GHashTable  *live;      /* position → PoCatalogueRow, weakly */
  GHashTable  *stale;     /* positions of live rows still to move */
  guint        idle_id;
  guint        n_shown;   /* the length announced, on its way to indexes->len */
  guint        step_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PoCatalogueModel, po_catalogue_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
po_catalogue_model_get_item_type (GListModel *model)
{
  return PO_TYPE_CATALOGUE_ROW;
}

static guint
n_results (PoCatalogueModel *self)
{
  return self->indexes != NULL ? self->indexes->len : 0;
}

static guint
po_catalogue_model_get_n_items (GListModel *model)
{
  return PO_CATALOGUE_MODEL (model)->n_shown;
}

static void
on_row_finalized_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  PoCatalogueModel *self = data;
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  /* Find the row by its address: few rows live at a time (those the
   * view keeps), so this stays cheap. */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (value == (gpointer) where_the_object_was)
        {
          g_hash_table_remove (self->stale, key);
          g_hash_table_iter_remove (&iter);
          break;
        }
    }
}

static void
move_row (PoCatalogueModel *self,
          PoCatalogueRow   *row,
          guint             position)
{
  g_hash_table_remove (self->stale, GUINT_TO_POINTER (position));
  if (position < n_results (self))
    po_catalogue_row_set_entry (row, self->catalogue, g_array_index (self->indexes, guint, position));
  else
    po_catalogue_row_set_blank (row);
}

static gpointer
po_catalogue_model_get_item (GListModel *model,
                             guint       position)
{
  PoCatalogueModel *self = PO_CATALOGUE_MODEL (model);
  PoCatalogueRow *row;
  guint index;

  if (position >= self->n_shown)
    return NULL;

  row = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (row != NULL)
    {
      if (g_hash_table_contains (self->stale, GUINT_TO_POINTER (position)))
        move_row (self, row, position);
      return g_object_ref (row);
    }

  if (position < n_results (self))
    {
      index = g_array_index (self->indexes, guint, position);
      row = po_catalogue_row_new (self->catalogue, index);
    }
  else
    {
      /* A position on its way out of the list. */
      row = g_object_new (PO_TYPE_CATALOGUE_ROW, NULL);
    }
  g_object_weak_ref (G_OBJECT (row), on_row_finalized_cb, self);
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), row);
  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = po_catalogue_model_get_item_type;
  iface->get_n_items = po_catalogue_model_get_n_items;
  iface->get_item = po_catalogue_model_get_item;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = GPOINTER_TO_UINT (*(gconstpointer *) a);
  guint pb = GPOINTER_TO_UINT (*(gconstpointer *) b);

  return (pa > pb) - (pa < pb);
}

static gboolean
move_stale_rows_cb (gpointer user_data)
{
  PoCatalogueModel *self = user_data;
  g_autofree gpointer *positions = NULL;
  guint n;

  /* Top first: the rows nearest to those on screen. */
  positions = g_hash_table_get_keys_as_array (self->stale, &n);
  qsort (positions, n, sizeof (gpointer), compare_positions);

  for (guint i = 0; i < MIN (n, ROWS_PER_IDLE); i++)
    {
      guint position = GPOINTER_TO_UINT (positions[i]);

      move_row (self, g_hash_table_lookup (self->live, positions[i]), position);
    }

  if (g_hash_table_size (self->stale) > 0)
    return G_SOURCE_CONTINUE;

  self->idle_id = 0;
  return G_SOURCE_REMOVE;
}

static void
forget_rows_from (PoCatalogueModel *self,
                  guint             first)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (GPOINTER_TO_UINT (key) < first)
        continue;

      /* Its position goes: the row stays blank for whoever holds it. */
      g_object_weak_unref (G_OBJECT (value), on_row_finalized_cb, self);
      g_hash_table_remove (self->stale, key);
      g_hash_table_iter_remove (&iter);
    }
}

/* Moves the announced length one step towards the result's, or all the
 * way where no widgets are at stake. Returns whether it arrived. */
static gboolean
step_length (PoCatalogueModel *self,
             gboolean          at_once)
{
  guint target = n_results (self);
  guint old_n = self->n_shown;
  guint new_n;

  if (old_n == target)
    return TRUE;

  if (old_n > target)
    {
      /* Rows beyond the first VIEW_ROWS go in one go. */
      if (at_once || old_n > VIEW_ROWS)
        new_n = at_once ? target : MAX (target, VIEW_ROWS);
      else
        new_n = old_n - MIN (ROWS_PER_STEP, old_n - target);
    }
  else
    {
      if (at_once || old_n >= VIEW_ROWS)
        new_n = target;
      else
        new_n = MIN (target, old_n + ROWS_PER_STEP);
    }

  self->n_shown = new_n;
  if (new_n < old_n)
    {
      forget_rows_from (self, new_n);
      g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
    }
  else
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
    }

  return self->n_shown == n_results (self);
}

static gboolean
step_length_cb (gpointer user_data)
{
  PoCatalogueModel *self = user_data;

  if (step_length (self, FALSE))
    {
      self->step_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
forget_live_rows (PoCatalogueModel *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_object_weak_unref (G_OBJECT (value), on_row_finalized_cb, self);
      g_hash_table_iter_remove (&iter);
    }
  g_hash_table_remove_all (self->stale);
}

static void
po_catalogue_model_finalize (GObject *object)
{
  PoCatalogueModel *self = (PoCatalogueModel *)object;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->step_id, g_source_remove);
  forget_live_rows (self);
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->stale, g_hash_table_unref);
  g_clear_pointer (&self->indexes, g_array_unref);
  g_clear_pointer (&self->catalogue, po_catalogue_unref);

  G_OBJECT_CLASS (po_catalogue_model_parent_class)->finalize (object);
}

static void
po_catalogue_model_class_init (PoCatalogueModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = po_catalogue_model_finalize;
}

static void
po_catalogue_model_init (PoCatalogueModel *self)
{
  self->live = g_hash_table_new (NULL, NULL);
  self->stale = g_hash_table_new (NULL, NULL);
}

/**
 * po_catalogue_model_new:
 *
 * Returns: (transfer full): an empty model of #PoCatalogueRow items
 */
PoCatalogueModel *
po_catalogue_model_new (void)
{
  return g_object_new (PO_TYPE_CATALOGUE_MODEL, NULL);
}

/**
 * po_catalogue_model_set:
 * @catalogue: (nullable): the catalogue the indexes point into
 * @indexes: (nullable) (transfer full) (element-type guint): entries of
 *   @catalogue in the order to list them, as po_catalogue_search()
 *   returns them
 * @n_now: how many rows from the top to move at once, the ones the view
 *   shows; %G_MAXUINT for everything at once, length included
 *
 * Shows another list: the rows alive move to their new entries, the
 * first @n_now at once, the others when idle; the length changes at the
 * end of the list, in steps where that spares the view.
 */
void
po_catalogue_model_set (PoCatalogueModel *self,
                        PoCatalogue      *catalogue,
                        GArray           *indexes,
                        guint             n_now)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  gboolean at_once = n_now == G_MAXUINT;

  g_return_if_fail (PO_IS_CATALOGUE_MODEL (self));
  g_return_if_fail (indexes == NULL || catalogue != NULL);

  if (catalogue != self->catalogue)
    {
      if (catalogue != NULL)
        po_catalogue_ref (catalogue);
      g_clear_pointer (&self->catalogue, po_catalogue_unref);
      self->catalogue = catalogue;
    }
  g_clear_pointer (&self->indexes, g_array_unref);
  self->indexes = indexes;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint position = GPOINTER_TO_UINT (key);

      /* Rows off screen wait, those on their way out of the list too:
       * they go blank when their turn comes, or when asked for. */
      if (position < n_now)
        move_row (self, value, position);
      else
        g_hash_table_add (self->stale, key);
    }

  if (g_hash_table_size (self->stale) > 0 && self->idle_id == 0)
    {
      self->idle_id = g_idle_add (move_stale_rows_cb, self);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->idle_id),
                                "[po-catalogue-model-move-rows]");
    }

  /* The first step now, so that the top of the list is right at once. */
  if (!step_length (self, at_once))
    {
      if (self->step_id == 0)
        {
          self->step_id = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, STEP_INTERVAL_MS, step_length_cb, self, NULL);
          g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->step_id),
                                    "[po-catalogue-model-step-length]");
        }
    }
  else
    {
      g_clear_handle_id (&self->step_id, g_source_remove);
    }
}

/**
 * po_catalogue_model_get_settled:
 *
 * Returns: whether the list has its final length and every row its
 *   entry, rather than getting there between frames
 */
gboolean
po_catalogue_model_get_settled (PoCatalogueModel *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_MODEL (self), TRUE);

  return self->n_shown == n_results (self) && g_hash_table_size (self->stale) == 0;
}

/**
 * po_catalogue_model_get_n_results:
 *
 * Returns: the length of the list shown, once settled
 */
guint
po_catalogue_model_get_n_results (PoCatalogueModel *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_MODEL (self), 0);

  return n_results (self);
}

/**
 * po_catalogue_model_get_catalogue:
 *
 * Returns: (transfer none) (nullable): the catalogue listed
 */
PoCatalogue *
po_catalogue_model_get_catalogue (PoCatalogueModel *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_MODEL (self), NULL);

  return self->catalogue;
}

/**
 * po_catalogue_model_find_id:
 * @id: a power item's id
 *
 * Returns: the position of the item, or %GTK_INVALID_LIST_POSITION
 *   (%G_MAXUINT) when it is not listed
 */
guint
po_catalogue_model_find_id (PoCatalogueModel *self,
                            gint64            id)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_MODEL (self), G_MAXUINT);

  if (self->indexes == NULL || id <= 0)
    return G_MAXUINT;

  for (guint i = 0; i < self->indexes->len; i++)
    {
      guint index = g_array_index (self->indexes, guint, i);

      if (po_catalogue_get_entry (self->catalogue, index)->id == id)
        return i;
    }

  return G_MAXUINT;
}

/**
 * po_catalogue_model_get_n_live_rows:
 *
 * Returns: how many row objects exist for this model, for tests
 */
guint
po_catalogue_model_get_n_live_rows (PoCatalogueModel *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_MODEL (self), 0);

  return g_hash_table_size (self->live);
}

/**
 * po_catalogue_model_get_n_stale_rows:
 *
 * Returns: how many live rows still show an entry of the previous list,
 *   waiting for an idle moment to move, for tests
 */
guint
po_catalogue_model_get_n_stale_rows (PoCatalogueModel *self)
{
  g_return_val_if_fail (PO_IS_CATALOGUE_MODEL (self), 0);

  return g_hash_table_size (self->stale);
}
