/* po-item.h: a power item, its rules and its lifecycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-database.h"

G_BEGIN_DECLS

/**
 * PoItem:
 *
 * One power item (行政权力事项) as the catalogue keeps it. Strings are
 * never %NULL once loaded (empty when unset); limits are 0 when unset.
 */
typedef struct
{
  gint64  id;                 /* 0 for an item not yet stored */
  char   *code;
  char   *name;
  char   *type;               /* a key of po_item_types() */
  gint64  department_id;
  char   *department;         /* the department's name, for display */
  char   *status;             /* a key of po_item_statuses() */
  char   *basis_law;
  char   *basis_article;
  char   *basis_text;
  char   *fee_basis;
  char   *fee_standard;
  int     statutory_limit;    /* working days */
  int     committed_limit;    /* working days */
  char   *handling_unit;
  char   *place;
  char   *phone;
  char   *supervision_phone;
  char   *notes;
  int     published_version;  /* 0 when never published */
} PoItem;

/* The fields of an item, in the order forms and files show them. */
typedef enum
{
  PO_FIELD_CODE,
  PO_FIELD_NAME,
  PO_FIELD_TYPE,
  PO_FIELD_DEPARTMENT,
  PO_FIELD_BASIS_LAW,
  PO_FIELD_BASIS_ARTICLE,
  PO_FIELD_BASIS_TEXT,
  PO_FIELD_FEE_BASIS,
  PO_FIELD_FEE_STANDARD,
  PO_FIELD_STATUTORY_LIMIT,
  PO_FIELD_COMMITTED_LIMIT,
  PO_FIELD_HANDLING_UNIT,
  PO_FIELD_PLACE,
  PO_FIELD_PHONE,
  PO_FIELD_SUPERVISION_PHONE,
  PO_FIELD_NOTES,
  PO_N_FIELDS,
} PoField;

typedef struct
{
  PoField   field;           /* PO_N_FIELDS for a companion (flowchart, benchmark) */
  gboolean  missing;         /* only that something required is still empty */
  char     *message;         /* a sentence: what is wrong and what to do */
} PoFinding;

void         po_item_clear            (PoItem       *item);
PoItem      *po_item_new              (void);
void         po_item_free             (PoItem       *item);
PoItem      *po_item_copy             (const PoItem *item);
const char  *po_field_key             (PoField       field);
const char  *po_field_label           (PoField       field);
char        *po_item_get_field        (const PoItem *item,
                                       PoField       field);
void         po_finding_free          (PoFinding    *finding);
GPtrArray   *po_findings_new          (void);

gboolean     po_phone_is_valid        (const char   *phone);
void         po_item_validate         (const PoItem *item,
                                       GPtrArray    *findings);
gboolean     po_item_completeness     (PoDatabase   *db,
                                       const PoItem *item,
                                       GPtrArray    *findings,
                                       GError      **error);

PoItem      *po_item_load             (PoDatabase   *db,
                                       const char   *code,
                                       GError      **error);
PoItem      *po_item_load_by_id       (PoDatabase   *db,
                                       gint64        id,
                                       GError      **error);
gboolean     po_item_insert           (PoDatabase   *db,
                                       PoItem       *item,
                                       const char   *created_on,
                                       GError      **error);
gboolean     po_item_update_draft     (PoDatabase   *db,
                                       const PoItem *item,
                                       GError      **error);
char        *po_item_to_json          (const PoItem *item);
gboolean     po_item_apply_json       (PoItem       *item,
                                       PoDatabase   *db,
                                       const char   *json,
                                       GError      **error);
gboolean     po_item_publish          (PoDatabase   *db,
                                       gint64        item_id,
                                       PoDate        published_on,
                                       GError      **error);

gboolean     po_item_status_allows    (const char   *status,
                                       const char   *action);
gboolean     po_item_refuse           (const PoItem *item,
                                       const char   *action,
                                       GError      **error);
gboolean     po_item_write            (PoDatabase   *db,
                                       const PoItem *item,
                                       GError      **error);
gboolean     po_item_set_status       (PoDatabase   *db,
                                       gint64        item_id,
                                       const char   *status,
                                       GError      **error);

typedef struct
{
  int     version;
  char   *published_on;
  char   *content;      /* JSON of the public fields */
} PoItemVersion;

void         po_item_version_free     (PoItemVersion *version);
GPtrArray   *po_item_versions         (PoDatabase   *db,
                                       gint64        item_id,
                                       GError      **error);

typedef struct
{
  PoField  field;
  char    *before;
  char    *after;
} PoFieldChange;

void         po_field_change_free     (PoFieldChange *change);
GPtrArray   *po_item_diff             (PoDatabase   *db,
                                       const char   *before_json,
                                       const char   *after_json);

gint64       po_department_find       (PoDatabase   *db,
                                       const char   *code_or_name,
                                       GError      **error);

/**
 * PoDepartment:
 * @name: the department's full name, e.g. 市市场监督管理局
 */
typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
} PoDepartment;

void         po_department_free       (PoDepartment *department);
GPtrArray   *po_departments_list      (PoDatabase   *db,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoItem, po_item_free)

G_END_DECLS
