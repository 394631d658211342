/* po-cli-review.c: power-oversight-cli review …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "po-cli.h"
#include "po-supervision.h"
#include "po-error.h"
#include "po-review.h"
#include "po-util.h"

static const char *const columns[] = {
  "id", "kind", "item_code", "department", "title", "filed_on", "received_on", "effective_on",
  "filing_deadline", "late_filed", "reply_deadline", "working_days_left", "level", "state",
  "provisional", NULL
};

static const char *
level_word (PoLevel level)
{
  return level == PO_LEVEL_RED ? "red" : level == PO_LEVEL_YELLOW ? "yellow" : "";
}

static void
format_date (PoDate date,
             char   buf[11])
{
  if (date == PO_DATE_INVALID)
    buf[0] = '\0';
  else
    po_date_format_buf (date, buf);
}

/* The values of one request, in the order of columns[]. */
static GPtrArray *
values (PoReview *r)
{
  GPtrArray *v = g_ptr_array_new_with_free_func (g_free);
  char buf[11];

  g_ptr_array_add (v, g_strdup_printf ("%lld", (long long) r->id));
  g_ptr_array_add (v, g_strdup (r->kind));
  g_ptr_array_add (v, g_strdup (r->item_code));
  g_ptr_array_add (v, g_strdup (r->department));
  g_ptr_array_add (v, g_strdup (r->title));
  format_date (r->filed_on, buf);
  g_ptr_array_add (v, g_strdup (buf));
  format_date (r->received_on, buf);
  g_ptr_array_add (v, g_strdup (buf));
  format_date (r->effective_on, buf);
  g_ptr_array_add (v, g_strdup (buf));
  format_date (r->filing_deadline, buf);
  g_ptr_array_add (v, g_strdup (buf));
  g_ptr_array_add (v, g_strdup (r->late_filed ? "yes" : "no"));
  format_date (r->reply_deadline, buf);
  g_ptr_array_add (v, g_strdup (buf));
  g_ptr_array_add (v, g_strdup_printf ("%d", r->days_left));
  g_ptr_array_add (v, g_strdup (level_word (r->level)));
  g_ptr_array_add (v, g_strdup (r->state));
  g_ptr_array_add (v, g_strdup (r->provisional ? "yes" : "no"));
  return v;
}

static int
list (PoCli  *cli,
      int     argc,
      char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  PoDate due_before = PO_DATE_INVALID;
  PoDate today = po_date_today ();
  const char *format = "csv";
  gint64 yellow = -1;
  PoScanOptions office;
  PoDatabase *db;

  for (int i = 0; i < argc; i += 2)
    {
      const char *opt = argv[i];

      if (i + 1 >= argc)
        return po_cli_usage (_("“%s” needs a value"), opt);
      if (g_str_equal (opt, "--due-before"))
        {
          if ((due_before = po_date_parse (argv[i + 1], &error)) == PO_DATE_INVALID)
            return po_cli_fail (g_steal_pointer (&error));
        }
      else if (g_str_equal (opt, "--today"))
        {
          if ((today = po_date_parse (argv[i + 1], &error)) == PO_DATE_INVALID)
            return po_cli_fail (g_steal_pointer (&error));
        }
      else if (g_str_equal (opt, "--format"))
        {
          format = argv[i + 1];
          if (!g_str_equal (format, "csv") && !g_str_equal (format, "json"))
            return po_cli_usage (_("--format takes csv or json, not “%s”"), format);
        }
      else if (g_str_equal (opt, "--yellow-days"))
        {
          if (!po_cli_parse_int (argv[i + 1], "--yellow-days", 0, PO_SCAN_MAX_YELLOW_DAYS, &yellow, &error))
            return po_cli_fail (g_steal_pointer (&error));
        }
      else
        return po_cli_usage (_("review list does not know the option “%s”"), opt);
    }

  /* The office's threshold in working days, unless told another. */
  if ((db = po_cli_database_read (cli, &error)) == NULL ||
      !po_scan_options_load (&office, db, today, &error) ||
      (reviews = po_review_list (db, today, due_before, yellow >= 0 ? (int) yellow : office.yellow_days, &error)) == NULL)
    return po_cli_fail (g_steal_pointer (&error));

  if (g_str_equal (format, "csv"))
    {
      for (guint c = 0; columns[c]; c++)
        g_string_append_printf (out, "%s%s", c ? "," : "", columns[c]);
      g_string_append_c (out, '\n');
      for (guint i = 0; i < reviews->len; i++)
        {
          g_autoptr(GPtrArray) v = values (g_ptr_array_index (reviews, i));

          for (guint c = 0; c < v->len; c++)
            {
              if (c)
                g_string_append_c (out, ',');
              po_csv_append_field (out, g_ptr_array_index (v, c));
            }
          g_string_append_c (out, '\n');
        }
    }
  else
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < reviews->len; i++)
        {
          PoReview *r = g_ptr_array_index (reviews, i);
          g_autoptr(GPtrArray) v = values (r);

          g_string_append (out, i ? ",\n  {" : "\n  {");
          for (guint c = 0; c < v->len; c++)
            {
              const char *value = g_ptr_array_index (v, c);

              g_string_append_printf (out, "%s\"%s\": ", c ? ", " : "", columns[c]);
              if (g_str_equal (columns[c], "id") || g_str_equal (columns[c], "working_days_left"))
                g_string_append (out, value);
              else if (g_str_equal (columns[c], "late_filed") || g_str_equal (columns[c], "provisional"))
                g_string_append (out, g_str_equal (value, "yes") ? "true" : "false");
              else if (*value == '\0' && g_str_has_suffix (columns[c], "_on"))
                g_string_append (out, "null");
              else
                po_json_append_string (out, value);
            }
          g_string_append_c (out, '}');
        }
      g_string_append (out, reviews->len ? "\n]\n" : "]\n");
    }
  fputs (out->str, stdout);
  return PO_CLI_OK;
}

int
po_cli_review (PoCli  *cli,
               int     argc,
               char  **argv)
{
  if (argc >= 1 && g_str_equal (argv[0], "list"))
    return list (cli, argc - 1, argv + 1);
  return po_cli_usage (_("review needs a subcommand: list"));
}
