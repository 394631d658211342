/* main.c: power-oversight, the desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "po-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PoApplication) app = NULL;
  const char *localedir = g_getenv ("PO_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Set by `meson devenv`, so that an uninstalled build is translated. */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = po_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
