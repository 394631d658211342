/* po-domain.h: the enumerations of the domain, their keys and names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PoEnumEntry:
 * @key: the stable key stored in the database and written in files
 * @zh: the fixed Chinese name the regulation uses, accepted in files
 * @label: the English label, marked for translation (shown translated)
 */
typedef struct
{
  const char *key;
  const char *zh;
  const char *label;
} PoEnumEntry;

const PoEnumEntry *po_item_types         (guint *n);
const PoEnumEntry *po_item_statuses      (guint *n);
const PoEnumEntry *po_review_kinds       (guint *n);
const PoEnumEntry *po_review_states      (guint *n);
const PoEnumEntry *po_alert_rules        (guint *n);
const PoEnumEntry *po_accountability_actions (guint *n);
const PoEnumEntry *po_alert_levels       (guint *n);
const PoEnumEntry *po_alert_states       (guint *n);
const PoEnumEntry *po_alert_subjects     (guint *n);
const PoEnumEntry *po_suspension_kinds   (guint *n);
const PoEnumEntry *po_petition_kinds     (guint *n);

const PoEnumEntry *po_enum_lookup        (const PoEnumEntry *entries,
                                          guint              n,
                                          const char        *key_or_name);
const char        *po_enum_label         (const PoEnumEntry *entries,
                                          guint              n,
                                          const char        *key);

G_END_DECLS
