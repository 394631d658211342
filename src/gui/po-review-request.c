/* po-review-request.c: one request of the reviewers' queue, ready to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The queue is read on a worker thread. Everything the page shows about a
 * request is gathered there too, with the worker's connection: the item's
 * version in force and the item as the proposal would make it, field by
 * field. The main thread then only lays out strings.
 */
#define G_LOG_DOMAIN "po-review-request"

#include "config.h"

#include "po-review-request.h"

#include "po-discretion.h"

struct _PoReviewRequest
{
  GObject    parent_instance;

  PoReview  *review;
  char      *item_status;
  char     **in_force;          /* PO_N_FIELDS values, or NULL when nothing is in force */
  int        in_force_version;  /* 0 when the catalogue row stands for it */
  char      *in_force_date;
  char     **proposed;          /* PO_N_FIELDS values, or NULL when not a field proposal */
  char      *problem;           /* why the proposal cannot be shown, or NULL */
  GPtrArray *benchmarks_in_force;  /* (element-type PoBenchmark), discretion requests */
  GPtrArray *benchmarks_proposed;  /* (element-type PoBenchmark), discretion requests */
};

G_DEFINE_FINAL_TYPE (PoReviewRequest, po_review_request, G_TYPE_OBJECT)

static void
po_review_request_finalize (GObject *object)
{
  PoReviewRequest *self = (PoReviewRequest *)object;

  g_clear_pointer (&self->review, po_review_free);
  g_clear_pointer (&self->item_status, g_free);
  g_clear_pointer (&self->in_force, g_strfreev);
  g_clear_pointer (&self->in_force_date, g_free);
  g_clear_pointer (&self->proposed, g_strfreev);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->benchmarks_in_force, g_ptr_array_unref);
  g_clear_pointer (&self->benchmarks_proposed, g_ptr_array_unref);

  G_OBJECT_CLASS (po_review_request_parent_class)->finalize (object);
}

static void
po_review_request_class_init (PoReviewRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = po_review_request_finalize;
}

static void
po_review_request_init (PoReviewRequest *self)
{
}

/* The value of every field in @json, in field order; "" when unset. */
static char **
split_fields (PoDatabase *db,
              const char *json)
{
  g_autoptr(GPtrArray) all = po_item_diff (db, NULL, json);
  char **values = g_new0 (char *, PO_N_FIELDS + 1);

  for (guint i = 0; i < all->len; i++)
    {
      PoFieldChange *change = g_ptr_array_index (all, i);

      if (change->field < PO_N_FIELDS)
        values[change->field] = g_steal_pointer (&change->after);
    }
  for (guint f = 0; f < PO_N_FIELDS; f++)
    if (values[f] == NULL)
      values[f] = g_strdup ("");
  return values;
}

static gboolean
is_field_kind (const char *kind)
{
  return g_strcmp0 (kind, "create") == 0 ||
         g_strcmp0 (kind, "modify") == 0 ||
         g_strcmp0 (kind, "abolish") == 0;
}

/* A discretion benchmark adjustment: the item's benchmarks as they stand
 * and as filed. A proposal that does not read is still shown as text, so
 * this is no problem of the request's. */
static void
compare_discretion (PoReviewRequest *self,
                    PoDatabase      *db)
{
  const PoReview *review = self->review;
  g_autoptr(GPtrArray) in_force = NULL;
  g_autoptr(GPtrArray) proposed = NULL;
  g_autoptr(GError) error = NULL;

  in_force = po_discretion_load (db, review->item_code, &error);
  if (in_force == NULL)
    {
      g_debug ("Request %" G_GINT64_FORMAT ": %s", review->id, error->message);
      return;
    }
  if (review->proposal == NULL)
    return;
  proposed = po_discretion_parse_json (db, review->proposal, -1, "proposal", &error);
  if (proposed == NULL)
    {
      g_debug ("Request %" G_GINT64_FORMAT ": %s", review->id, error->message);
      return;
    }
  self->benchmarks_in_force = g_steal_pointer (&in_force);
  self->benchmarks_proposed = g_steal_pointer (&proposed);
}

/* The item as it stands and as the proposal would make it. The decision
 * applies the proposal to the catalogue row in the same way. */
static void
compare (PoReviewRequest *self,
         PoDatabase      *db)
{
  const PoReview *review = self->review;
  g_autoptr(PoItem) item = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (review->kind, "discretion") == 0)
    {
      compare_discretion (self, db);
      return;
    }
  if (!is_field_kind (review->kind))
    return;

  item = po_item_load (db, review->item_code, &error);
  if (item == NULL)
    {
      self->problem = g_strdup (error->message);
      return;
    }
  self->item_status = g_strdup (item->status);

  versions = po_item_versions (db, item->id, &error);
  if (versions == NULL)
    {
      self->problem = g_strdup (error->message);
      return;
    }

  if (versions->len > 0)
    {
      PoItemVersion *last = g_ptr_array_index (versions, versions->len - 1);

      self->in_force = split_fields (db, last->content);
      self->in_force_version = last->version;
      self->in_force_date = g_strdup (last->published_on);
    }
  else if (g_strcmp0 (item->status, "published") == 0 || g_strcmp0 (item->status, "adjusting") == 0)
    {
      /* Published before the application kept versions: the catalogue
       * row holds what is in force until a change is approved. */
      g_autofree char *json = po_item_to_json (item);

      self->in_force = split_fields (db, json);
    }

  if (g_strcmp0 (review->kind, "abolish") != 0)
    {
      g_autoptr(PoItem) proposed = po_item_copy (item);
      g_autofree char *json = NULL;

      if (!po_item_apply_json (proposed, db, review->proposal, &error))
        {
          self->problem = g_strdup (error->message);
          return;
        }
      json = po_item_to_json (proposed);
      self->proposed = split_fields (db, json);
    }
}

/**
 * po_review_request_load_queue:
 * @db: a connection of the calling thread
 * @today: the day working days left are counted from
 * @yellow_days: the yellow threshold, in working days
 *
 * Reads the open requests, the one due first on top, with what the page
 * shows of each. Meant for a worker thread with a connection of its own.
 *
 * Returns: (transfer full) (element-type PoReviewRequest): the requests,
 *   or %NULL with @error set
 */
GPtrArray *
po_review_request_load_queue (PoDatabase  *db,
                              PoDate       today,
                              int          yellow_days,
                              GError     **error)
{
  g_autoptr(GPtrArray) reviews = NULL;
  GPtrArray *out;

  g_return_val_if_fail (PO_IS_DATABASE (db), NULL);

  reviews = po_review_list (db, today, PO_DATE_INVALID, yellow_days, error);
  if (reviews == NULL)
    return NULL;

  out = g_ptr_array_new_full (reviews->len, g_object_unref);
  for (guint i = 0; i < reviews->len; i++)
    {
      PoReviewRequest *self = g_object_new (PO_TYPE_REVIEW_REQUEST, NULL);

      /* po_review_free() takes the NULL left behind. */
      self->review = g_steal_pointer (&reviews->pdata[i]);
      compare (self, db);
      g_ptr_array_add (out, self);
    }
  return out;
}

/**
 * po_review_request_get_review:
 *
 * Returns: (transfer none): the request as the core reads it
 */
const PoReview *
po_review_request_get_review (PoReviewRequest *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_REQUEST (self), NULL);

  return self->review;
}

gint64
po_review_request_get_id (PoReviewRequest *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_REQUEST (self), 0);

  return self->review->id;
}

/**
 * po_review_request_get_item_status:
 *
 * Returns: (nullable): the status key of the item concerned
 */
const char *
po_review_request_get_item_status (PoReviewRequest *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_REQUEST (self), NULL);

  return self->item_status;
}

gboolean
po_review_request_has_in_force (PoReviewRequest *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_REQUEST (self), FALSE);

  return self->in_force != NULL;
}

/**
 * po_review_request_get_in_force_version:
 *
 * Returns: the number of the published version in force, or 0 when the
 *   item was published before versions were kept
 */
int
po_review_request_get_in_force_version (PoReviewRequest *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_REQUEST (self), 0);

  return self->in_force_version;
}

/**
 * po_review_request_get_in_force_date:
 *
 * Returns: (nullable): the day the version in force was published
 */
const char *
po_review_request_get_in_force_date (PoReviewRequest *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_REQUEST (self), NULL);

  return self->in_force_date;
}

/**
 * po_review_request_get_in_force:
 *
 * Returns: (nullable): the field's value in force, as stored (a type is
 *   its key, a limit its number of working days; "" when unset), or
 *   %NULL when nothing is in force
 */
const char *
po_review_request_get_in_force (PoReviewRequest *self,
                                PoField          field)
{
  g_return_val_if_fail (PO_IS_REVIEW_REQUEST (self), NULL);
  g_return_val_if_fail (field < PO_N_FIELDS, NULL);

  return self->in_force ? self->in_force[field] : NULL;
}

gboolean
po_review_request_has_proposed (PoReviewRequest *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_REQUEST (self), FALSE);

  return self->proposed != NULL;
}

/**
 * po_review_request_get_proposed:
 *
 * Returns: (nullable): the field's value once the proposal is applied,
 *   or %NULL when the request proposes no item fields
 */
const char *
po_review_request_get_proposed (PoReviewRequest *self,
                                PoField          field)
{
  g_return_val_if_fail (PO_IS_REVIEW_REQUEST (self), NULL);
  g_return_val_if_fail (field < PO_N_FIELDS, NULL);

  return self->proposed ? self->proposed[field] : NULL;
}

/**
 * po_review_request_is_changed:
 *
 * Returns: whether the proposal changes @field of the version in force
 */
gboolean
po_review_request_is_changed (PoReviewRequest *self,
                              PoField          field)
{
  g_return_val_if_fail (PO_IS_REVIEW_REQUEST (self), FALSE);
  g_return_val_if_fail (field < PO_N_FIELDS, FALSE);

  if (self->in_force == NULL || self->proposed == NULL)
    return FALSE;
  return g_strcmp0 (self->in_force[field], self->proposed[field]) != 0;
}

/**
 * po_review_request_get_problem:
 *
 * Returns: (nullable): a sentence saying why the proposal cannot be
 *   compared with the item, or %NULL
 */
const char *
po_review_request_get_problem (PoReviewRequest *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_REQUEST (self), NULL);

  return self->problem;
}

gboolean
po_review_request_has_benchmarks (PoReviewRequest *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_REQUEST (self), FALSE);

  return self->benchmarks_proposed != NULL;
}

/**
 * po_review_request_get_benchmarks_in_force:
 *
 * Returns: (transfer none) (nullable) (element-type PoBenchmark): the
 *   item's discretion benchmarks as they stand, or %NULL when the
 *   request is no discretion benchmark adjustment or its proposal could
 *   not be read
 */
GPtrArray *
po_review_request_get_benchmarks_in_force (PoReviewRequest *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_REQUEST (self), NULL);

  return self->benchmarks_in_force;
}

/**
 * po_review_request_get_benchmarks_proposed:
 *
 * Returns: (transfer none) (nullable) (element-type PoBenchmark): the
 *   discretion benchmarks as filed, or %NULL
 */
GPtrArray *
po_review_request_get_benchmarks_proposed (PoReviewRequest *self)
{
  g_return_val_if_fail (PO_IS_REVIEW_REQUEST (self), NULL);

  return self->benchmarks_proposed;
}
