/* po-preferences-window.h: the settings of this account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "po-database.h"

G_BEGIN_DECLS

#define PO_TYPE_PREFERENCES_WINDOW (po_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PoPreferencesWindow, po_preferences_window, PO, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *po_preferences_window_new   (GtkWindow           *parent,
                                        GSettings           *settings,
                                        PoDatabase          *database,
                                        const char          *database_path,
                                        gboolean             database_from_command_line);
gboolean   po_preferences_window_flush (PoPreferencesWindow *self);

G_END_DECLS
