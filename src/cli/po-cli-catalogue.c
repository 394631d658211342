/* po-cli-catalogue.c: power-oversight-cli catalogue …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "po-catalogue-io.h"
#include "po-cli.h"
#include "po-error.h"

static int
import (PoCli      *cli,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  PoImportSummary summary = { 0 };
  PoDatabase *db;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (&error, PO_ERROR, PO_ERROR_NOT_FOUND, _("Could not read “%s”: no such file"), path);
      return po_cli_fail (g_steal_pointer (&error));
    }
  if ((db = po_cli_database (cli, &error)) == NULL || !po_database_begin (db, &error))
    return po_cli_fail (g_steal_pointer (&error));
  if (!po_catalogue_import_file (db, path, po_date_today (), &summary, NULL, NULL, NULL, &error) ||
      !po_database_commit (db, &error))
    {
      po_database_rollback (db);
      po_import_summary_clear (&summary);
      return po_cli_fail (g_steal_pointer (&error));
    }

  printf ("imported %u items (%u published)\n", summary.items, summary.published);
  for (guint i = 0; i < summary.new_departments->len; i++)
    printf ("new department %s\n", (const char *) g_ptr_array_index (summary.new_departments, i));
  po_import_summary_clear (&summary);
  return PO_CLI_OK;
}

static int
export (PoCli      *cli,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  PoDatabase *db;

  if ((db = po_cli_database_read (cli, &error)) == NULL ||
      !po_catalogue_export_file (db, path, &error))
    return po_cli_fail (g_steal_pointer (&error));
  return PO_CLI_OK;
}

int
po_cli_catalogue (PoCli  *cli,
                  int     argc,
                  char  **argv)
{
  const char *sub = argc > 0 ? argv[0] : NULL;

  if (sub != NULL && g_str_equal (sub, "import"))
    return argc == 2 ? import (cli, argv[1]) : po_cli_usage (_("usage: catalogue import FILE.csv|FILE.json"));
  if (sub != NULL && g_str_equal (sub, "export"))
    return argc == 2 ? export (cli, argv[1]) : po_cli_usage (_("usage: catalogue export FILE.csv|FILE.json"));
  return po_cli_usage (_("catalogue needs a subcommand: import or export"));
}
