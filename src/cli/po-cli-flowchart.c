/* po-cli-flowchart.c: power-oversight-cli flowchart …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   flowchart render ITEM_CODE [--internal] --format pdf|svg|png [--paper a4|a3] -o FILE
 *   flowchart validate ITEM_CODE [--internal]
 *   flowchart import ITEM_CODE FILE.json [--internal]
 *   flowchart export ITEM_CODE FILE.json|- [--internal]
 *
 * validate prints "ok" and exits 0 when the chart keeps every rule;
 * otherwise it prints one finding a line on stdout, as
 * RULE <tab> PLACE <tab> MESSAGE (PLACE is "node N", "edge N",
 * "external-node N" or "chart"), says how many on stderr and exits 1.
 */
#define G_LOG_DOMAIN "po-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "po-cli.h"
#include "po-error.h"
#include "po-flowchart.h"
#include "po-util.h"

typedef struct
{
  PoFlowchartKind  kind;
  const char      *format;
  const char      *paper;
  const char      *output;
  const char      *args[2];
  guint            n_args;
} Options;

/* Options may come anywhere after the subcommand. Returns 0, or the
 * usage exit status after saying what is wrong. */
static int
parse_options (const char  *sub,
               int          argc,
               char       **argv,
               gboolean     render,
               Options     *o)
{
  for (int i = 0; i < argc; i++)
    {
      const char *a = argv[i];

      if (g_str_equal (a, "--internal"))
        o->kind = PO_FLOWCHART_INTERNAL;
      else if (render && (g_str_equal (a, "--format") || g_str_equal (a, "--paper") || g_str_equal (a, "-o")))
        {
          if (i + 1 >= argc)
            return po_cli_usage (_("“%s” needs a value"), a);
          if (g_str_equal (a, "--format"))
            o->format = argv[++i];
          else if (g_str_equal (a, "--paper"))
            o->paper = argv[++i];
          else
            o->output = argv[++i];
        }
      else if (render && g_str_has_prefix (a, "--format="))
        o->format = a + 9;
      else if (render && g_str_has_prefix (a, "--paper="))
        o->paper = a + 8;
      else if (a[0] == '-' && a[1] != '\0')
        return po_cli_usage (_("flowchart %s does not know the option “%s”"), sub, a);
      else if (o->n_args < G_N_ELEMENTS (o->args))
        o->args[o->n_args++] = a;
      else
        return po_cli_usage (_("flowchart %s: one argument too many, “%s”"), sub, a);
    }
  return 0;
}

static const char *
kind_name (PoFlowchartKind kind)
{
  return kind == PO_FLOWCHART_INTERNAL ? _("internal") : _("external");
}

/* A note on stderr after success, like the calendar's provisional note. */
static void
note_findings (PoFlowchart *chart)
{
  g_autoptr(GPtrArray) findings = po_flowchart_validate (chart);

  if (findings->len > 0)
    fprintf (stderr,
             g_dngettext (GETTEXT_PACKAGE,
                          "power-oversight-cli: note: the %s flowchart has %u finding; "
                          "“flowchart validate” lists it\n",
                          "power-oversight-cli: note: the %s flowchart has %u findings; "
                          "“flowchart validate” lists them\n",
                          findings->len),
             kind_name (po_flowchart_get_kind (chart)), findings->len);
}

static int
render (PoCli   *cli,
        Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoFlowchart) chart = NULL;
  const char *format = o->format;
  PoFlowFormat fmt;
  PoFlowPaper paper = PO_FLOW_PAPER_A4;
  PoDatabase *db;

  if (o->n_args != 1 || o->output == NULL)
    return po_cli_usage (_("usage: flowchart render ITEM_CODE [--internal] --format pdf|svg|png "
                           "[--paper a4|a3] -o FILE"));
  /* Without --format, the file's extension says it. */
  if (format == NULL)
    {
      const char *dot = strrchr (o->output, '.');
      format = dot ? dot + 1 : "";
    }
  if (g_ascii_strcasecmp (format, "pdf") == 0)
    fmt = PO_FLOW_FORMAT_PDF;
  else if (g_ascii_strcasecmp (format, "svg") == 0)
    fmt = PO_FLOW_FORMAT_SVG;
  else if (g_ascii_strcasecmp (format, "png") == 0)
    fmt = PO_FLOW_FORMAT_PNG;
  else if (o->format == NULL)
    return po_cli_usage (_("say --format pdf, svg or png"));
  else
    return po_cli_usage (_("the format must be pdf, svg or png, not “%s”"), format);
  if (o->paper != NULL)
    {
      if (g_ascii_strcasecmp (o->paper, "a4") == 0)
        paper = PO_FLOW_PAPER_A4;
      else if (g_ascii_strcasecmp (o->paper, "a3") == 0)
        paper = PO_FLOW_PAPER_A3;
      else
        return po_cli_usage (_("the paper must be a4 or a3, not “%s”"), o->paper);
    }

  if ((db = po_cli_database (cli, &error)) == NULL ||
      (chart = po_flowchart_load (db, o->args[0], o->kind, &error)) == NULL ||
      !po_flowchart_render (chart, fmt, paper, o->output, &error))
    return po_cli_fail (g_steal_pointer (&error));

  note_findings (chart);
  return PO_CLI_OK;
}

static int
validate (PoCli   *cli,
          Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoFlowchart) chart = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  const PoItem *item;
  PoDatabase *db;

  if (o->n_args != 1)
    return po_cli_usage (_("usage: flowchart validate ITEM_CODE [--internal]"));

  if ((db = po_cli_database (cli, &error)) == NULL ||
      (chart = po_flowchart_load (db, o->args[0], o->kind, &error)) == NULL)
    return po_cli_fail (g_steal_pointer (&error));

  findings = po_flowchart_validate (chart);
  if (findings->len == 0)
    {
      puts ("ok");
      return PO_CLI_OK;
    }

  for (guint i = 0; i < findings->len; i++)
    {
      PoFlowFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *message = g_strdelimit (g_strdup (f->message), "\t\r\n", ' ');

      if (f->place == PO_FLOW_PLACE_CHART)
        printf ("%s\tchart\t%s\n", f->rule, message);
      else
        printf ("%s\t%s%s %u\t%s\n", f->rule,
                f->chart != po_flowchart_get_kind (chart) ? "external-" : "",
                f->place == PO_FLOW_PLACE_NODE ? "node" : "edge", f->id, message);
    }
  item = po_flowchart_get_item (chart);
  fprintf (stderr,
           g_dngettext (GETTEXT_PACKAGE,
                        "power-oversight-cli: the %s flowchart of “%s” breaks a rule %u time\n",
                        "power-oversight-cli: the %s flowchart of “%s” breaks a rule %u times\n",
                        findings->len),
           kind_name (o->kind), item->code, findings->len);
  return PO_CLI_FAILED;
}

static int
import (PoCli   *cli,
        Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoFlowchart) chart = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  PoDatabase *db;

  if (o->n_args != 2)
    return po_cli_usage (_("usage: flowchart import ITEM_CODE FILE.json [--internal]"));

  if (!po_read_text_file (o->args[1], &text, &length, &error) ||
      (db = po_cli_database (cli, &error)) == NULL ||
      (chart = po_flowchart_import_json (db, o->args[0], o->kind, text, (gssize) length, o->args[1],
                                         &error)) == NULL)
    return po_cli_fail (g_steal_pointer (&error));

  if (!po_database_begin (db, &error))
    return po_cli_fail (g_steal_pointer (&error));
  /* Refuses an item that is not a draft: that change goes through
   * legality review. */
  if (!po_flowchart_save (db, chart, &error) || !po_database_commit (db, &error))
    {
      po_database_rollback (db);
      return po_cli_fail (g_steal_pointer (&error));
    }

  printf ("imported %u nodes, %u edges\n", po_flowchart_get_n_nodes (chart), po_flowchart_get_n_edges (chart));
  note_findings (chart);
  return PO_CLI_OK;
}

static int
export (PoCli   *cli,
        Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoFlowchart) chart = NULL;
  g_autofree char *json = NULL;
  PoDatabase *db;

  if (o->n_args != 2)
    return po_cli_usage (_("usage: flowchart export ITEM_CODE FILE.json|- [--internal]"));

  if ((db = po_cli_database (cli, &error)) == NULL ||
      (chart = po_flowchart_load (db, o->args[0], o->kind, &error)) == NULL)
    return po_cli_fail (g_steal_pointer (&error));

  json = po_flowchart_to_json (chart);
  if (g_str_equal (o->args[1], "-"))
    {
      fputs (json, stdout);
      return PO_CLI_OK;
    }
  if (!g_file_set_contents (o->args[1], json, -1, &error))
    return po_cli_fail (g_steal_pointer (&error));
  return PO_CLI_OK;
}

int
po_cli_flowchart (PoCli  *cli,
                  int     argc,
                  char  **argv)
{
  const char *sub = argc > 0 ? argv[0] : NULL;
  Options o = { PO_FLOWCHART_EXTERNAL, NULL, NULL, NULL, { NULL, NULL }, 0 };
  gboolean is_render;
  int status;

  if (sub == NULL)
    return po_cli_usage (_("flowchart needs a subcommand: render, validate, import or export"));
  if (!g_str_equal (sub, "render") && !g_str_equal (sub, "validate") &&
      !g_str_equal (sub, "import") && !g_str_equal (sub, "export"))
    return po_cli_usage (_("unknown flowchart subcommand “%s”"), sub);

  is_render = g_str_equal (sub, "render");
  if ((status = parse_options (sub, argc - 1, argv + 1, is_render, &o)) != 0)
    return status;

  if (is_render)
    return render (cli, &o);
  if (g_str_equal (sub, "validate"))
    return validate (cli, &o);
  if (g_str_equal (sub, "import"))
    return import (cli, &o);
  return export (cli, &o);
}
