/* po-cli-supervision.c: power-oversight-cli cases, petitions, scan, alert, order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "po-cli.h"
#include "po-domain.h"
#include "po-error.h"
#include "po-intake.h"
#include "po-supervision.h"
#include "po-util.h"

static int
import (PoCli      *cli,
        const char *what,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  PoIntakeSummary summary = { 0 };
  PoDatabase *db;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (&error, PO_ERROR, PO_ERROR_NOT_FOUND, _("Could not read “%s”: no such file"), path);
      return po_cli_fail (g_steal_pointer (&error));
    }
  if ((db = po_cli_database (cli, &error)) == NULL || !po_database_begin (db, &error))
    return po_cli_fail (g_steal_pointer (&error));
  if (!po_intake_import_file (db, what, path, po_date_today (), &summary, NULL, NULL, NULL, &error) ||
      !po_database_commit (db, &error))
    {
      po_database_rollback (db);
      return po_cli_fail (g_steal_pointer (&error));
    }
  printf ("%s: %u new, %u updated, %u unchanged", what, summary.created, summary.updated, summary.unchanged);
  if (g_str_equal (what, "cases"))
    printf (", %u suspensions written", summary.suspensions);
  putchar ('\n');
  return PO_CLI_OK;
}

static const char *const alert_columns[] = {
  "rule", "level", "subject", "ref", "department", "due_on", "working_days_over", NULL
};

static int
print_alerts (GPtrArray  *alerts,
              const char *format)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (g_str_equal (format, "json"))
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < alerts->len; i++)
        {
          PoAlert *a = g_ptr_array_index (alerts, i);

          g_string_append (out, i ? ",\n  {\"rule\": " : "\n  {\"rule\": ");
          po_json_append_string (out, a->rule);
          g_string_append (out, ", \"level\": ");
          po_json_append_string (out, a->level);
          g_string_append (out, ", \"subject\": ");
          po_json_append_string (out, a->subject);
          g_string_append (out, ", \"ref\": ");
          po_json_append_string (out, a->ref);
          g_string_append (out, ", \"department\": ");
          po_json_append_string (out, a->department);
          g_string_append (out, ", \"due_on\": ");
          if (a->due_on)
            po_json_append_string (out, a->due_on);
          else
            g_string_append (out, "null");
          g_string_append_printf (out, ", \"working_days_over\": %d, \"alert\": %lld}",
                                  a->working_days_over, (long long) a->id);
        }
      g_string_append (out, alerts->len ? "\n]\n" : "]\n");
    }
  else if (g_str_equal (format, "table"))
    {
      g_string_append_printf (out, "%-6s %-22s %-7s %-9s %-24s %-10s %5s  %s\n", "alert", "rule", "level",
                              "subject", "ref", "due_on", "over", "department");
      for (guint i = 0; i < alerts->len; i++)
        {
          PoAlert *a = g_ptr_array_index (alerts, i);

          g_string_append_printf (out, "%-6lld %-22s %-7s %-9s %-24s %-10s %5d  %s\n", (long long) a->id, a->rule,
                                  a->level, a->subject, a->ref, a->due_on ? a->due_on : "", a->working_days_over,
                                  a->department);
        }
    }
  else
    {
      for (guint c = 0; alert_columns[c]; c++)
        g_string_append_printf (out, "%s%s", c ? "," : "", alert_columns[c]);
      g_string_append_c (out, '\n');
      for (guint i = 0; i < alerts->len; i++)
        {
          PoAlert *a = g_ptr_array_index (alerts, i);
          g_autofree char *over = g_strdup_printf ("%d", a->working_days_over);
          const char *values[] = { a->rule, a->level, a->subject, a->ref, a->department,
                                   a->due_on ? a->due_on : "", over };

          for (guint c = 0; c < G_N_ELEMENTS (values); c++)
            {
              if (c)
                g_string_append_c (out, ',');
              po_csv_append_field (out, values[c]);
            }
          g_string_append_c (out, '\n');
        }
    }
  fputs (out->str, stdout);
  return PO_CLI_OK;
}

static int
scan (PoCli  *cli,
      int     argc,
      char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  const char *format = "csv";
  PoScanOptions options;
  PoScanSummary summary;
  PoDatabase *db;
  PoDate today = po_date_today ();
  gint64 days = -1, share = -1;

  for (int i = 0; i < argc; i += 2)
    {
      const char *opt = argv[i];

      if (i + 1 >= argc)
        return po_cli_usage (_("“%s” needs a value"), opt);
      if (g_str_equal (opt, "--today"))
        {
          if ((today = po_date_parse (argv[i + 1], &error)) == PO_DATE_INVALID)
            return po_cli_fail (g_steal_pointer (&error));
        }
      else if (g_str_equal (opt, "--format"))
        {
          format = argv[i + 1];
          if (!g_str_equal (format, "csv") && !g_str_equal (format, "json") && !g_str_equal (format, "table"))
            return po_cli_usage (_("--format takes csv, json or table, not “%s”"), format);
        }
      else if (g_str_equal (opt, "--yellow-days"))
        {
          if (!po_cli_parse_int (argv[i + 1], "--yellow-days", 0, PO_SCAN_MAX_YELLOW_DAYS, &days, &error))
            return po_cli_fail (g_steal_pointer (&error));
        }
      else if (g_str_equal (opt, "--yellow-share"))
        {
          if (!po_cli_parse_int (argv[i + 1], "--yellow-share", 1, 100, &share, &error))
            return po_cli_fail (g_steal_pointer (&error));
        }
      else
        return po_cli_usage (_("scan does not know the option “%s”"), opt);
    }

  if ((db = po_cli_database_read (cli, &error)) == NULL ||
      !po_scan_options_load (&options, db, today, &error))
    return po_cli_fail (g_steal_pointer (&error));
  /* The office's thresholds, unless this run is told others: days left
   * given alone count days left. */
  if (days >= 0)
    {
      options.yellow_days = (int) days;
      options.yellow_share = 0;
    }
  if (share >= 0)
    options.yellow_share = (int) share;
  if (!po_supervision_scan (db, &options, &summary, NULL, NULL, NULL, &error) ||
      (alerts = po_alerts_list (db, NULL, &error)) == NULL)
    return po_cli_fail (g_steal_pointer (&error));

  fprintf (stderr, _("scan: %u raised (%u red), %u updated, %u superseded, %u resolved; %u open\n"),
           summary.raised, summary.raised_red, summary.updated, summary.superseded, summary.resolved, summary.open);
  if (summary.skipped_no_flowchart > 0)
    fprintf (stderr, _("scan: %u cases not checked against a flowchart: their item has no published external flowchart\n"),
             summary.skipped_no_flowchart);
  if (summary.skipped_no_benchmark > 0)
    fprintf (stderr, _("scan: %u fines not checked: their item has no discretion benchmark in yuan\n"),
             summary.skipped_no_benchmark);
  return print_alerts (alerts, format);
}

static gboolean
parse_id (const char  *text,
          gint64      *id,
          GError     **error)
{
  return po_cli_parse_int (text, "ID", 1, G_MAXINT64, id, error);
}

/* alert show ID | explain ID TEXT | close ID REASON | order ID DAYS DEMAND */
static int
alert (PoCli  *cli,
       int     argc,
       char  **argv)
{
  g_autoptr(GError) error = NULL;
  const char *sub = argc > 0 ? argv[0] : "";
  PoDate today = po_date_today ();
  PoDatabase *db;
  gint64 id, days;

  if (argc < 2)
    return po_cli_usage (_("usage: alert show ID | alert explain ID TEXT | alert close ID REASON | "
                           "alert order ID WORKING_DAYS DEMAND"));
  if (!parse_id (argv[1], &id, &error))
    return po_cli_fail (g_steal_pointer (&error));

  if (g_str_equal (sub, "show") && argc == 2)
    {
      g_autoptr(PoAlert) a = NULL;
      g_autoptr(GPtrArray) lines = NULL;

      if ((db = po_cli_database_read (cli, &error)) == NULL ||
          (a = po_alert_get (db, id, &error)) == NULL ||
          (lines = po_alert_describe (db, a, today, &error)) == NULL)
        return po_cli_fail (g_steal_pointer (&error));
      {
        guint n_levels, n_states;
        const PoEnumEntry *levels = po_alert_levels (&n_levels);
        const PoEnumEntry *states = po_alert_states (&n_states);

        printf ("%s: %s\n", _("Level"), po_enum_label (levels, n_levels, a->level));
        printf ("%s: %s\n", _("State"), po_enum_label (states, n_states, a->state));
      }
      for (guint i = 0; i < lines->len; i++)
        {
          PoDetailLine *l = g_ptr_array_index (lines, i);
          printf ("%s: %s\n", l->label, l->value);
        }
      return PO_CLI_OK;
    }
  if ((db = po_cli_database_read (cli, &error)) == NULL)
    return po_cli_fail (g_steal_pointer (&error));
  if (g_str_equal (sub, "explain") && argc == 3)
    {
      if (!po_alert_explain (db, id, argv[2], today, &error))
        return po_cli_fail (g_steal_pointer (&error));
      return PO_CLI_OK;
    }
  if (g_str_equal (sub, "close") && argc == 3)
    {
      if (!po_alert_close (db, id, argv[2], today, &error))
        return po_cli_fail (g_steal_pointer (&error));
      return PO_CLI_OK;
    }
  if (g_str_equal (sub, "order") && argc == 4)
    {
      gint64 order;

      if (!po_cli_parse_int (argv[2], "WORKING_DAYS", 1, 365, &days, &error) ||
          (order = po_alert_issue_order (db, id, (int) days, argv[3], today, &error)) == 0)
        return po_cli_fail (g_steal_pointer (&error));
      printf ("%lld\n", (long long) order);
      return PO_CLI_OK;
    }
  return po_cli_usage (_("usage: alert show ID | alert explain ID TEXT | alert close ID REASON | "
                         "alert order ID WORKING_DAYS DEMAND"));
}

static int
order (PoCli  *cli,
       int     argc,
       char  **argv)
{
  g_autoptr(GError) error = NULL;
  PoDatabase *db;
  gint64 id;

  if (argc != 3 || !g_str_equal (argv[0], "answer"))
    return po_cli_usage (_("usage: order answer ORDER_ID TEXT"));
  if (!parse_id (argv[1], &id, &error) ||
      (db = po_cli_database_read (cli, &error)) == NULL ||
      !po_order_answer (db, id, po_date_today (), argv[2], po_date_today (), &error))
    return po_cli_fail (g_steal_pointer (&error));
  return PO_CLI_OK;
}

int
po_cli_supervision (PoCli      *cli,
                    const char *command,
                    int         argc,
                    char      **argv)
{
  if (g_str_equal (command, "cases") || g_str_equal (command, "petitions"))
    {
      if (argc == 2 && g_str_equal (argv[0], "import"))
        return import (cli, command, argv[1]);
      return po_cli_usage (_("usage: %s import FILE.csv|FILE.json"), command);
    }
  if (g_str_equal (command, "scan"))
    return scan (cli, argc, argv);
  if (g_str_equal (command, "alert"))
    return alert (cli, argc, argv);
  return order (cli, argc, argv);
}
