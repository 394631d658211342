/* po-catalogue-page-private.h: what the files of PoCataloguePage share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "po-catalogue.h"
#include "po-catalogue-model.h"
#include "po-catalogue-page.h"
#include "po-item-editor.h"

G_BEGIN_DECLS

struct _PoCataloguePage
{
  PoPage              parent_instance;

  char               *description;

  PoCatalogueModel   *model;
  GtkSingleSelection *selection;
  PoCatalogue        *catalogue;
  GtkStringList      *department_names;     /* for choosing an implementing body */
  GArray             *department_ids;       /* gint64, parallel */
  GtkStringList      *department_filter_names;
  GtkStringList      *type_filter_names;
  GtkStringList      *status_filter_names;
  GObject            *probes[2];            /* compared to read the column view's sort */
  int                 probed_column;

  GCancellable       *load_cancellable;
  GCancellable       *search_cancellable;
  GCancellable       *write_cancellable;
  GCancellable       *import_cancellable;
  GtkNativeDialog    *file_chooser;
  GtkPrintOperation  *print_operation;

  PoCatalogueSort     sort;
  gboolean            descending;
  gint64              pending_select_id;    /* select once listed */
  gint64              after_save_show_id;   /* show once the draft is saved */
  gint64              keystroke_time;       /* µs, of the last search edit */
  double              search_ms;
  double              update_ms;
  guint               n_results;            /* search results shown so far */

  guint               disposed : 1;
  guint               loading : 1;
  guint               reload_pending : 1;
  guint               loaded : 1;
  guint               searching : 1;
  guint               writing : 1;
  guint               importing : 1;
  guint               exporting : 1;
  guint               updating_model : 1;
  guint               refresh_editor : 1;
  guint               scroll_to_top : 1;    /* the user asked for another list */

  /* Template widgets */
  AdwWindowTitle     *window_title;
  AdwFlap            *flap;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *type_filter;
  GtkDropDown        *department_filter;
  GtkDropDown        *status_filter;
  GtkRevealer        *import_revealer;
  GtkLabel           *import_label;
  GtkProgressBar     *import_progress;
  GtkStack           *list_stack;
  GtkSpinner         *spinner;
  GtkColumnView      *column_view;
  AdwStatusPage      *no_match_page;
  AdwStatusPage      *error_page;
  PoItemEditor       *editor;
};

gboolean    _po_catalogue_page_is_cancelled_error      (const GError    *error);
GtkWindow  *_po_catalogue_page_get_parent_window       (PoCataloguePage *self);
void        _po_catalogue_page_show_toast              (PoCataloguePage *self,
                                                        const char      *message);
void        _po_catalogue_page_set_busy_changed        (PoCataloguePage *self);
PoDatabase *_po_catalogue_page_dup_database            (PoCataloguePage  *self,
                                                        GError          **error);
void        _po_catalogue_page_show_item               (PoCataloguePage *self,
                                                        gint64           id);
gint64      _po_catalogue_page_editor_item_id          (PoCataloguePage *self);
void        _po_catalogue_page_select_position_quietly (PoCataloguePage *self,
                                                        guint            position);
void        _po_catalogue_page_update_actions          (PoCataloguePage *self);
void        _po_catalogue_page_start_loading           (PoCataloguePage *self);
void        _po_catalogue_page_class_init_actions      (GtkWidgetClass  *widget_class);

G_END_DECLS
