/* po-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "po-database.h"
#include "po-page.h"

G_BEGIN_DECLS

#define PO_TYPE_WINDOW (po_window_get_type ())

G_DECLARE_FINAL_TYPE (PoWindow, po_window, PO, WINDOW, AdwApplicationWindow)

PoWindow   *po_window_new              (GtkApplication *application,
                                        PoDatabase     *database);
PoDatabase *po_window_get_database     (PoWindow       *self);
void        po_window_show_page        (PoWindow       *self,
                                        const char     *name);
PoPage     *po_window_get_page         (PoWindow       *self,
                                        const char     *name);
const char *po_window_get_visible_page (PoWindow       *self);
GtkListBox *po_window_get_sidebar      (PoWindow       *self);
void        po_window_add_toast        (PoWindow       *self,
                                        const char     *message);

G_END_DECLS
