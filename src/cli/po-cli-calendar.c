/* po-cli-calendar.c: power-oversight-cli calendar …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "po-calendar-store.h"
#include "po-cli.h"
#include "po-supervision.h"
#include "po-error.h"

static int
is_workday (PoCli *cli,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoCalendar) calendar = NULL;
  PoDate day;
  gboolean workday;
  PoDatabase *db;

  if ((day = po_date_parse (argv[0], &error)) == PO_DATE_INVALID ||
      (db = po_cli_calendar_database (cli, &error)) == NULL ||
      (calendar = po_database_get_calendar (db, &error)) == NULL)
    return po_cli_fail (g_steal_pointer (&error));

  workday = po_calendar_is_workday (calendar, day, NULL, &error);
  if (error != NULL)
    return po_cli_fail (g_steal_pointer (&error));

  po_cli_note_provisional (calendar, day, day);
  puts (workday ? "yes" : "no");
  return PO_CLI_OK;
}

static int
add (PoCli *cli,
     char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoCalendar) calendar = NULL;
  char buf[11];
  PoDate day, result;
  PoDatabase *db;
  gint64 n;

  if ((day = po_date_parse (argv[0], &error)) == PO_DATE_INVALID ||
      !po_cli_parse_int (argv[1], "N", -1000000, 1000000, &n, &error) ||
      (db = po_cli_calendar_database (cli, &error)) == NULL ||
      (calendar = po_database_get_calendar (db, &error)) == NULL ||
      (result = po_calendar_add (calendar, day, (int) n, NULL, &error)) == PO_DATE_INVALID)
    return po_cli_fail (g_steal_pointer (&error));

  po_cli_note_provisional (calendar, day, result);
  po_date_format_buf (result, buf);
  puts (buf);
  return PO_CLI_OK;
}

static int
count (PoCli *cli,
       char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoCalendar) calendar = NULL;
  PoDate from, to;
  PoDatabase *db;
  int n = 0;

  if ((from = po_date_parse (argv[0], &error)) == PO_DATE_INVALID ||
      (to = po_date_parse (argv[1], &error)) == PO_DATE_INVALID ||
      (db = po_cli_calendar_database (cli, &error)) == NULL ||
      (calendar = po_database_get_calendar (db, &error)) == NULL ||
      !po_calendar_count (calendar, from, to, &n, NULL, &error))
    return po_cli_fail (g_steal_pointer (&error));

  po_cli_note_provisional (calendar, from, to);
  printf ("%d\n", n);
  return PO_CLI_OK;
}

static int
import (PoCli      *cli,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GString) list = g_string_new (NULL);
  PoDatabase *db;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (&error, PO_ERROR, PO_ERROR_NOT_FOUND, _("Could not read “%s”: no such file"), path);
      return po_cli_fail (g_steal_pointer (&error));
    }
  if ((db = po_cli_database (cli, &error)) == NULL)
    return po_cli_fail (g_steal_pointer (&error));

  if (!po_database_begin (db, &error))
    return po_cli_fail (g_steal_pointer (&error));
  if (!po_calendar_store_import_file (db, path, years, &error))
    {
      po_database_rollback (db);
      return po_cli_fail (g_steal_pointer (&error));
    }
  /* Every deadline was recomputed; once the office keeps alerts, they
   * follow at once. */
  if (po_database_query_int (db, "SELECT count(*) FROM alerts", NULL) > 0)
    {
      PoScanOptions options;
      PoScanSummary summary;

      po_scan_options_init (&options, po_date_today ());
      if (!po_supervision_scan (db, &options, &summary, NULL, NULL, NULL, &error))
        {
          po_database_rollback (db);
          return po_cli_fail (g_steal_pointer (&error));
        }
      fprintf (stderr, _("scan: %u raised (%u red), %u updated, %u superseded, %u resolved; %u open\n"),
               summary.raised, summary.raised_red, summary.updated, summary.superseded, summary.resolved,
               summary.open);
    }
  if (!po_database_commit (db, &error))
    {
      po_database_rollback (db);
      return po_cli_fail (g_steal_pointer (&error));
    }

  for (guint i = 0; i < years->len; i++)
    g_string_append_printf (list, "%s%d", i ? " " : "", g_array_index (years, int, i));
  printf ("imported %s\n", list->str);
  return PO_CLI_OK;
}

static int
export (PoCli      *cli,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  PoDatabase *db;

  if ((db = po_cli_calendar_database (cli, &error)) == NULL ||
      (json = po_calendar_store_export_json (db, &error)) == NULL)
    return po_cli_fail (g_steal_pointer (&error));

  if (path == NULL || g_str_equal (path, "-"))
    {
      fputs (json, stdout);
      return PO_CLI_OK;
    }
  if (!g_file_set_contents (path, json, -1, &error))
    return po_cli_fail (g_steal_pointer (&error));
  return PO_CLI_OK;
}

int
po_cli_calendar (PoCli  *cli,
                 int     argc,
                 char  **argv)
{
  const char *sub = argc > 0 ? argv[0] : NULL;

  if (sub == NULL)
    return po_cli_usage (_("calendar needs a subcommand: is-workday, add, count, import or export"));

  if (g_str_equal (sub, "is-workday"))
    return argc == 2 ? is_workday (cli, argv + 1) : po_cli_usage (_("usage: calendar is-workday DATE"));
  if (g_str_equal (sub, "add"))
    return argc == 3 ? add (cli, argv + 1) : po_cli_usage (_("usage: calendar add DATE N"));
  if (g_str_equal (sub, "count"))
    return argc == 3 ? count (cli, argv + 1) : po_cli_usage (_("usage: calendar count FROM TO"));
  if (g_str_equal (sub, "import"))
    return argc == 2 ? import (cli, argv[1]) : po_cli_usage (_("usage: calendar import FILE.ics|FILE.json"));
  if (g_str_equal (sub, "export"))
    return argc <= 2 ? export (cli, argc == 2 ? argv[1] : NULL) : po_cli_usage (_("usage: calendar export [FILE]"));

  return po_cli_usage (_("unknown calendar subcommand “%s”"), sub);
}
