/* po-cli-discretion.c: power-oversight-cli discretion …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   discretion import ITEM FILE.json
 *   discretion export ITEM FILE.json        (FILE “-”: stdout)
 *   discretion validate ITEM [--max-gap YUAN]
 *   discretion check ITEM FINE_YUAN [--tier NAME] [--base YUAN] [--benchmark N]
 *   discretion compare VIOLATION [--format csv|table]
 *
 * compare writes CSV by default: department,region,level,item_code,unit,
 * statutory_min,statutory_max, then "NAME_min,NAME_max" for each tier name
 * found, least severe first; one row per department's benchmark. Amounts
 * are in the row's unit ("yuan", "times-gains", "times-value"); an empty
 * field is an amount not set: a maximum-only minimum, or a tier that sets
 * no fine or that the department does not have.
 *
 * Exit statuses: 0 done (validate: "ok", valid; check: the fine fits);
 * 1 a finding or a fine that fits no tier or lies outside the statutory
 * range (one line each on stdout), or bad input (one line on stderr,
 * nothing written); 2 a command line it does not understand.
 */
#define G_LOG_DOMAIN "po-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "po-cli.h"
#include "po-discretion.h"
#include "po-error.h"
#include "po-util.h"

/* The department's allowance (GSettings max-tier-gap-yuan), as the
 * application uses it; 0 when the schema is not installed. */
static double
settings_max_gap (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source == NULL ||
      (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL ||
      !g_settings_schema_has_key (schema, "max-tier-gap-yuan"))
    return 0.0;
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_double (settings, "max-tier-gap-yuan");
}

static int
import (PoCli      *cli,
        const char *item_code,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autofree char *contents = NULL;
  guint n_tiers = 0, n_findings = 0;
  gsize length = 0;
  PoDatabase *db;

  /* The file is read before the database is opened, so that a missing
   * file creates no office either. */
  if (!po_read_text_file (path, &contents, &length, &error) ||
      (db = po_cli_database (cli, &error)) == NULL ||
      !po_discretion_import_json (db, item_code, contents, length, path, &error) ||
      (benchmarks = po_discretion_load (db, item_code, &error)) == NULL)
    return po_cli_fail (g_steal_pointer (&error));

  for (guint i = 0; i < benchmarks->len; i++)
    {
      PoBenchmark *b = g_ptr_array_index (benchmarks, i);
      g_autoptr(GPtrArray) findings = po_discretion_validate (b, settings_max_gap ());

      n_tiers += po_benchmark_get_n_tiers (b);
      n_findings += findings->len;
    }
  printf ("imported %u %s, %u %s\n",
          benchmarks->len, benchmarks->len == 1 ? "benchmark" : "benchmarks",
          n_tiers, n_tiers == 1 ? "tier" : "tiers");
  if (n_findings > 0)
    fprintf (stderr, _("power-oversight-cli: the draft is not finished yet; see “discretion validate %s”\n"),
             item_code);
  return PO_CLI_OK;
}

static int
export (PoCli      *cli,
        const char *item_code,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  PoDatabase *db;

  if ((db = po_cli_database_read (cli, &error)) == NULL ||
      (json = po_discretion_export_json (db, item_code, &error)) == NULL)
    return po_cli_fail (g_steal_pointer (&error));

  if (g_str_equal (path, "-"))
    {
      fputs (json, stdout);
      return PO_CLI_OK;
    }
  if (!g_file_set_contents (path, json, -1, &error))
    return po_cli_fail (g_steal_pointer (&error));
  return PO_CLI_OK;
}

static int
validate (PoCli  *cli,
          int     argc,
          char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  const char *item_code = argv[0];
  double max_gap = PO_DISCRETION_UNSET;
  guint n_findings = 0;
  PoDatabase *db;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--max-gap") && i + 1 < argc)
        {
          if (!po_discretion_parse_amount (argv[++i], "--max-gap", &max_gap, &error))
            return po_cli_fail (g_steal_pointer (&error));
        }
      else
        return po_cli_usage (_("usage: discretion validate ITEM [--max-gap YUAN]"));
    }
  if (!po_discretion_is_set (max_gap))
    max_gap = settings_max_gap ();

  if ((db = po_cli_database_read (cli, &error)) == NULL ||
      (benchmarks = po_discretion_load (db, item_code, &error)) == NULL)
    return po_cli_fail (g_steal_pointer (&error));

  if (benchmarks->len == 0)
    {
      printf ("missing: ");
      printf (_("Item “%s” has no discretion benchmark; import one with “discretion import”."), item_code);
      putchar ('\n');
      return PO_CLI_FAILED;
    }

  for (guint i = 0; i < benchmarks->len; i++)
    {
      PoBenchmark *b = g_ptr_array_index (benchmarks, i);
      g_autoptr(GPtrArray) findings = po_discretion_validate (b, max_gap);
      g_autofree char *prefix = benchmarks->len > 1
                                ? g_strdup_printf (_("Benchmark %u (“%s”): "), i + 1, po_benchmark_get_violation (b))
                                : g_strdup ("");

      for (guint j = 0; j < findings->len; j++)
        {
          PoDiscretionFinding *f = g_ptr_array_index (findings, j);
          g_autofree char *line = g_strdup_printf ("%s%s", prefix, f->message);

          g_strdelimit (line, "\n", ' ');
          printf ("%s: %s\n", po_discretion_rule_key (f->rule), line);
        }
      n_findings += findings->len;
    }

  if (n_findings > 0)
    return PO_CLI_FAILED;
  puts ("ok");
  return PO_CLI_OK;
}

static int
check (PoCli  *cli,
       int     argc,
       char  **argv)
{
  static const char usage[] = N_("usage: discretion check ITEM FINE_YUAN [--tier NAME] [--base YUAN] [--benchmark N]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autofree char *sentence = NULL;
  const char *item_code = argv[0];
  const char *tier = NULL;
  double fine = 0, base = PO_DISCRETION_UNSET;
  gint64 which = 0;
  PoDiscretionFit fit;
  PoBenchmark *b;
  PoDatabase *db;

  for (int i = 2; i < argc; i++)
    {
      if (i + 1 >= argc)
        return po_cli_usage ("%s", _(usage));
      if (g_str_equal (argv[i], "--tier"))
        tier = argv[++i];
      else if (g_str_equal (argv[i], "--base"))
        {
          if (!po_discretion_parse_amount (argv[++i], "--base", &base, &error))
            return po_cli_fail (g_steal_pointer (&error));
        }
      else if (g_str_equal (argv[i], "--benchmark"))
        {
          if (!po_cli_parse_int (argv[++i], "--benchmark", 1, G_MAXINT, &which, &error))
            return po_cli_fail (g_steal_pointer (&error));
        }
      else
        return po_cli_usage ("%s", _(usage));
    }
  if (!po_discretion_parse_amount (argv[1], "FINE_YUAN", &fine, &error))
    return po_cli_fail (g_steal_pointer (&error));

  if ((db = po_cli_database_read (cli, &error)) == NULL ||
      (benchmarks = po_discretion_load (db, item_code, &error)) == NULL)
    return po_cli_fail (g_steal_pointer (&error));

  if (benchmarks->len == 0)
    g_set_error (&error, PO_ERROR, PO_ERROR_NOT_FOUND,
                 _("Item “%s” has no discretion benchmark to check a fine against"), item_code);
  else if (which > (gint64) benchmarks->len)
    g_set_error (&error, PO_ERROR, PO_ERROR_NOT_FOUND,
                 _("Item “%s” has %u discretion benchmarks; --benchmark must be from 1 to %u"),
                 item_code, benchmarks->len, benchmarks->len);
  else if (which == 0 && benchmarks->len > 1)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < benchmarks->len; i++)
        g_string_append_printf (list, "%s%u “%s”", i ? ", " : "", i + 1,
                                po_benchmark_get_violation (g_ptr_array_index (benchmarks, i)));
      g_set_error (&error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("Item “%s” has %u discretion benchmarks; choose one with --benchmark N: %s"),
                   item_code, benchmarks->len, list->str);
    }
  if (error != NULL)
    return po_cli_fail (g_steal_pointer (&error));

  b = g_ptr_array_index (benchmarks, which > 0 ? which - 1 : 0);
  if (!po_discretion_check_fine (b, fine, base, tier, &fit, &error))
    return po_cli_fail (g_steal_pointer (&error));

  sentence = po_discretion_describe_fit (b, fine, base, &fit);
  printf ("%s: %s\n", po_discretion_fit_key (fit.kind), sentence);
  return fit.kind == PO_DISCRETION_FIT_TIER ? PO_CLI_OK : PO_CLI_FAILED;
}

/* An amount for a CSV field: empty when unset. */
static char *
csv_amount (double amount)
{
  return po_discretion_is_set (amount) ? po_discretion_format_amount (amount) : g_strdup ("");
}

/* The columns a terminal gives @text: CJK characters take two. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* A range for the table: "1000–3000", "≤5000", "–" when unset. */
static char *
table_range (double min,
             double max)
{
  g_autofree char *a = po_discretion_format_amount (min);
  g_autofree char *b = po_discretion_format_amount (max);

  if (!po_discretion_is_set (min) && !po_discretion_is_set (max))
    return g_strdup ("–");
  if (!po_discretion_is_set (min))
    return g_strdup_printf ("≤%s", b);
  if (!po_discretion_is_set (max))
    return g_strdup_printf ("≥%s", a);
  return g_strdup_printf ("%s–%s", a, b);
}

static int
compare (PoCli  *cli,
         int     argc,
         char  **argv)
{
  static const char usage[] = N_("usage: discretion compare VIOLATION [--format csv|table]");
  g_autoptr(GError) error = NULL;
  g_autoptr(PoDiscretionComparison) c = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *violation = g_strstrip (g_strdup (argv[0]));
  const char *format = "csv";
  PoDatabase *db;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--format") && i + 1 < argc)
        {
          format = argv[++i];
          if (!g_str_equal (format, "csv") && !g_str_equal (format, "table"))
            return po_cli_usage (_("--format takes csv or table, not “%s”"), format);
        }
      else
        return po_cli_usage ("%s", _(usage));
    }
  if (*violation == '\0')
    return po_cli_usage ("%s", _(usage));

  if ((db = po_cli_database_read (cli, &error)) == NULL ||
      (c = po_discretion_compare (db, violation, &error)) == NULL)
    return po_cli_fail (g_steal_pointer (&error));

  if (c->rows->len == 0)
    {
      g_set_error (&error, PO_ERROR, PO_ERROR_NOT_FOUND,
                   _("No department has a discretion benchmark for the violation “%s”"), violation);
      return po_cli_fail (g_steal_pointer (&error));
    }

  if (g_str_equal (format, "csv"))
    {
      g_string_append (out, "department,region,level,item_code,unit,statutory_min,statutory_max");
      for (guint t = 0; t < c->tier_names->len; t++)
        {
          const char *name = g_ptr_array_index (c->tier_names, t);
          g_autofree char *min = g_strconcat (name, "_min", NULL);
          g_autofree char *max = g_strconcat (name, "_max", NULL);

          g_string_append_c (out, ',');
          po_csv_append_field (out, min);
          g_string_append_c (out, ',');
          po_csv_append_field (out, max);
        }
      g_string_append_c (out, '\n');

      for (guint r = 0; r < c->rows->len; r++)
        {
          PoDiscretionComparisonRow *row = g_ptr_array_index (c->rows, r);
          g_autofree char *min = csv_amount (row->range_min);
          g_autofree char *max = csv_amount (row->range_max);

          po_csv_append_field (out, row->department);
          g_string_append_c (out, ',');
          po_csv_append_field (out, row->region);
          g_string_append_c (out, ',');
          po_csv_append_field (out, row->level);
          g_string_append_c (out, ',');
          po_csv_append_field (out, row->item_code);
          g_string_append_printf (out, ",%s,%s,%s", po_discretion_unit_key (row->unit), min, max);
          for (guint t = 0; t < c->tier_names->len; t++)
            {
              g_autofree char *tmin = csv_amount (row->tier_min[t]);
              g_autofree char *tmax = csv_amount (row->tier_max[t]);

              g_string_append_printf (out, ",%s,%s", tmin, tmax);
            }
          g_string_append_c (out, '\n');
        }
    }
  else
    {
      /* One text cell per column, padded to the widest. */
      guint n_columns = 5 + c->tier_names->len;
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree guint *widths = g_new0 (guint, n_columns);

      g_ptr_array_add (cells, g_strdup (_("Department")));
      g_ptr_array_add (cells, g_strdup (_("Region")));
      g_ptr_array_add (cells, g_strdup (_("Item")));
      g_ptr_array_add (cells, g_strdup (_("Unit")));
      g_ptr_array_add (cells, g_strdup (_("Statutory range")));
      for (guint t = 0; t < c->tier_names->len; t++)
        g_ptr_array_add (cells, g_strdup (g_ptr_array_index (c->tier_names, t)));
      for (guint r = 0; r < c->rows->len; r++)
        {
          PoDiscretionComparisonRow *row = g_ptr_array_index (c->rows, r);

          g_ptr_array_add (cells, g_strdup (row->department));
          g_ptr_array_add (cells, g_strdup (row->region));
          g_ptr_array_add (cells, g_strdup (row->item_code));
          g_ptr_array_add (cells, g_strdup (po_discretion_unit_key (row->unit)));
          g_ptr_array_add (cells, table_range (row->range_min, row->range_max));
          for (guint t = 0; t < c->tier_names->len; t++)
            g_ptr_array_add (cells, table_range (row->tier_min[t], row->tier_max[t]));
        }
      for (guint i = 0; i < cells->len; i++)
        widths[i % n_columns] = MAX (widths[i % n_columns], display_width (g_ptr_array_index (cells, i)));
      for (guint i = 0; i < cells->len; i++)
        {
          const char *cell = g_ptr_array_index (cells, i);
          guint column = i % n_columns;

          g_string_append (out, cell);
          if (column + 1 == n_columns)
            g_string_append_c (out, '\n');
          else
            for (guint pad = display_width (cell); pad < widths[column] + 2; pad++)
              g_string_append_c (out, ' ');
        }
    }
  fputs (out->str, stdout);
  return PO_CLI_OK;
}

int
po_cli_discretion (PoCli  *cli,
                   int     argc,
                   char  **argv)
{
  const char *sub = argc > 0 ? argv[0] : NULL;

  if (sub == NULL)
    return po_cli_usage (_("discretion needs a subcommand: import, export, validate, check or compare"));

  if (g_str_equal (sub, "import"))
    return argc == 3 ? import (cli, argv[1], argv[2])
                     : po_cli_usage (_("usage: discretion import ITEM FILE.json"));
  if (g_str_equal (sub, "export"))
    return argc == 3 ? export (cli, argv[1], argv[2])
                     : po_cli_usage (_("usage: discretion export ITEM FILE.json"));
  if (g_str_equal (sub, "validate"))
    return argc >= 2 ? validate (cli, argc - 1, argv + 1)
                     : po_cli_usage (_("usage: discretion validate ITEM [--max-gap YUAN]"));
  if (g_str_equal (sub, "check"))
    return argc >= 3 ? check (cli, argc - 1, argv + 1)
                     : po_cli_usage (_("usage: discretion check ITEM FINE_YUAN [--tier NAME] [--base YUAN] "
                                       "[--benchmark N]"));
  if (g_str_equal (sub, "compare"))
    return argc >= 2 ? compare (cli, argc - 1, argv + 1)
                     : po_cli_usage (_("usage: discretion compare VIOLATION [--format csv|table]"));

  return po_cli_usage (_("unknown discretion subcommand “%s”"), sub);
}
