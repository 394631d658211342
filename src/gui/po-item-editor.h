/* po-item-editor.h: every field of a power item, its lifecycle and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "po-database.h"
#include "po-item.h"

G_BEGIN_DECLS

#define PO_TYPE_ITEM_EDITOR (po_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (PoItemEditor, po_item_editor, PO, ITEM_EDITOR, GtkWidget)

GtkWidget    *po_item_editor_new                 (void);
void          po_item_editor_set_database        (PoItemEditor  *self,
                                                  PoDatabase    *database);
void          po_item_editor_set_departments     (PoItemEditor  *self,
                                                  GtkStringList *names,
                                                  GArray        *ids);
void          po_item_editor_set_item            (PoItemEditor  *self,
                                                  const PoItem  *item);
const PoItem *po_item_editor_get_item            (PoItemEditor  *self);
const PoItem *po_item_editor_get_original        (PoItemEditor  *self);
gboolean      po_item_editor_get_dirty           (PoItemEditor  *self);
gboolean      po_item_editor_get_proposing       (PoItemEditor  *self);
void          po_item_editor_begin_proposal      (PoItemEditor  *self);
void          po_item_editor_end_proposal        (PoItemEditor  *self);
char         *po_item_editor_dup_changes_json    (PoItemEditor  *self);
char         *po_item_editor_dup_changes_summary (PoItemEditor  *self);
GPtrArray    *po_item_editor_get_findings        (PoItemEditor  *self);
int           po_item_editor_get_in_force_version (PoItemEditor *self,
                                                   const char  **published_on);
void          po_item_editor_focus_field         (PoItemEditor  *self,
                                                  PoField        field);
void          po_item_editor_focus_first         (PoItemEditor  *self);
GtkWidget    *po_item_editor_get_field_widget    (PoItemEditor  *self,
                                                  PoField        field);
GtkLabel     *po_item_editor_get_field_caption   (PoItemEditor  *self,
                                                  PoField        field);
GtkWidget    *po_item_editor_get_action_button   (PoItemEditor  *self,
                                                  const char    *action);
void          po_item_editor_show_history        (PoItemEditor  *self);
GtkListBox   *po_item_editor_get_diff_list       (PoItemEditor  *self);

G_END_DECLS
