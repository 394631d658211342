/* po-cli.c: power-oversight-cli, the core without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "po-audit.h"
#include "po-cli.h"
#include "po-demo.h"
#include "po-error.h"
#include "po-supervision.h"

static const char usage_text[] = N_(
  "Usage: power-oversight-cli [--db FILE] COMMAND ...\n"
  "\n"
  "Commands:\n"
  "  calendar is-workday DATE            prints “yes” or “no”\n"
  "  calendar add DATE N                 the Nth working day after DATE (N<0: before)\n"
  "  calendar count FROM TO              working days after FROM up to and including TO\n"
  "  calendar import FILE.ics|FILE.json  replaces the years the file holds\n"
  "  calendar export [FILE]              the stored calendar as JSON\n"
  "  demo [--items N] [--cases N] [--petitions N] [--seed S] [--today DATE]\n"
  "                                      fills an empty office with realistic data\n"
  "  audit verify [--anchor N:HASH]...   “ok N”, or exit 1 naming the first bad entry\n"
  "  audit head                          N:HASH of the last entry, to record elsewhere\n"
  "  catalogue import FILE.csv|FILE.json all or nothing; a bad row is named by line and field\n"
  "  catalogue export FILE.csv|FILE.json the whole catalogue\n"
  "  review list [--due-before DATE] [--format csv|json] [--today DATE] [--yellow-days N]\n"
  "                                      open legality review requests, due first\n"
  "  discretion import ITEM FILE.json    replaces a draft item’s discretion benchmarks\n"
  "  discretion export ITEM FILE.json    the item’s benchmarks as JSON (FILE “-”: stdout)\n"
  "  discretion validate ITEM [--max-gap YUAN]\n"
  "                                      “ok”, or exit 1 with one finding a line\n"
  "  discretion check ITEM FINE_YUAN [--tier NAME] [--base YUAN] [--benchmark N]\n"
  "                                      the tier the fine fits; exit 1 when it fits none\n"
  "  discretion compare VIOLATION [--format csv|table]\n"
  "                                      the violation’s benchmarks across departments, side by side\n"
  "  flowchart render ITEM_CODE [--internal] --format pdf|svg|png [--paper a4|a3] -o FILE\n"
  "                                      the chart with its title block, for public display\n"
  "  flowchart validate ITEM_CODE [--internal]\n"
  "                                      “ok”, or exit 1 with one finding a line\n"
  "  flowchart import ITEM_CODE FILE.json [--internal]\n"
  "                                      replaces a draft item’s external (internal) chart\n"
  "  flowchart export ITEM_CODE FILE.json [--internal]\n"
  "                                      the chart as JSON (FILE “-”: stdout)\n"
  "  cases import FILE.csv|FILE.json     all or nothing; a case already there is updated\n"
  "  petitions import FILE.csv|FILE.json consultations and complaints, likewise\n"
  "  scan [--today DATE] [--format csv|json|table] [--yellow-days N] [--yellow-share PCT]\n"
  "                                      runs every supervision rule, records the alerts,\n"
  "                                      prints the open ones\n"
  "  alert show|explain|close|order ID … one alert: its arithmetic, an explanation,\n"
  "                                      closing with a reason, a supervision order (督办)\n"
  "  order answer ORDER_ID TEXT          the department's answer to an order, today\n"
  "  settings [yellow-days N | yellow-share PCT]\n"
  "                                      the office's thresholds for yellow, shown or set;\n"
  "                                      a share of 0 counts working days left\n"
  "\n"
  "DATE is YYYY-MM-DD. Without --db the office database in the user’s data folder is used.\n");

static char *
database_path (PoCli *cli)
{
  return cli->db_path ? g_strdup (cli->db_path) : po_database_default_path ();
}

/**
 * po_cli_database:
 *
 * The office database for a command that writes: created when missing
 * (and removed again if the command then fails).
 */
PoDatabase *
po_cli_database (PoCli   *cli,
                 GError **error)
{
  if (cli->db == NULL)
    {
      g_autofree char *path = database_path (cli);
      gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);

      cli->db = po_database_open (path, error);
      if (cli->db != NULL)
        po_database_set_actor (cli->db, g_getenv ("PO_ACTOR"));
      if (!existed && g_file_test (path, G_FILE_TEST_EXISTS))
        cli->created = g_steal_pointer (&path);
    }
  return cli->db;
}

/**
 * po_cli_database_read:
 *
 * The office database for a command that only reads: it must exist.
 */
PoDatabase *
po_cli_database_read (PoCli   *cli,
                      GError **error)
{
  if (cli->db == NULL)
    {
      g_autofree char *path = database_path (cli);

      cli->db = po_database_open_existing (path, error);
    }
  return cli->db;
}

/**
 * po_cli_calendar_database:
 *
 * The database whose calendar answers a calendar question: the office's
 * when it exists, else one in memory with the shipped schedules, so a
 * question creates no file.
 */
PoDatabase *
po_cli_calendar_database (PoCli   *cli,
                          GError **error)
{
  g_autofree char *path = database_path (cli);

  if (cli->db == NULL && cli->db_path == NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    cli->db = po_database_open (":memory:", error);
  return po_cli_database_read (cli, error);
}

/**
 * po_cli_fail:
 * @error: (transfer full): what went wrong
 *
 * Prints the error as one line on stderr.
 */
int
po_cli_fail (GError *error)
{
  g_autofree char *line = g_strdup (error ? error->message : _("Failed for an unknown reason"));

  g_strdelimit (line, "\n", ' ');
  fprintf (stderr, "power-oversight-cli: %s\n", line);
  g_clear_error (&error);
  return PO_CLI_FAILED;
}

int
po_cli_usage (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "power-oversight-cli: %s; %s\n", message, _("see “power-oversight-cli --help”"));
  return PO_CLI_USAGE;
}

gboolean
po_cli_parse_int (const char  *text,
                  const char  *what,
                  gint64       min,
                  gint64       max,
                  gint64      *out,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_ascii_string_to_signed (text, 10, min, max, out, &local_error))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s must be a whole number from %lld to %lld, not “%s”"),
                   what, (long long) min, (long long) max, text);
      return FALSE;
    }
  return TRUE;
}

/**
 * po_cli_note_provisional:
 *
 * Says on stderr when an answer rests on a year without a published
 * schedule.
 */
void
po_cli_note_provisional (PoCalendar *calendar,
                         PoDate      from,
                         PoDate      to)
{
  int y1 = po_date_year (MIN (from, to));
  int y2 = po_date_year (MAX (from, to));

  for (int y = y1; y <= y2; y++)
    if (!po_calendar_is_published (calendar, y))
      {
        fprintf (stderr,
                 _("power-oversight-cli: provisional: %d has no published holiday schedule yet; "
                   "the Monday–Friday rule was used\n"),
                 y);
        return;
      }
}

static int
run_demo (PoCli  *cli,
          int     argc,
          char  **argv)
{
  g_autoptr(GError) error = NULL;
  PoDemoOptions options;
  PoDatabase *db;
  gint64 value;

  po_demo_options_init (&options);

  for (int i = 0; i < argc; i++)
    {
      const char *opt = argv[i];

      if (i + 1 >= argc)
        return po_cli_usage (_("“%s” needs a value"), opt);
      if (g_str_equal (opt, "--items") || g_str_equal (opt, "--cases") ||
          g_str_equal (opt, "--petitions") || g_str_equal (opt, "--seed"))
        {
          gint64 max = g_str_equal (opt, "--seed") ? G_MAXUINT32 : 10000000;

          if (!po_cli_parse_int (argv[i + 1], opt, 0, max, &value, &error))
            return po_cli_fail (g_steal_pointer (&error));
          if (g_str_equal (opt, "--items"))
            options.items = (guint) value;
          else if (g_str_equal (opt, "--cases"))
            options.cases = (guint) value;
          else if (g_str_equal (opt, "--petitions"))
            options.petitions = (guint) value;
          else
            options.seed = (guint32) value;
        }
      else if (g_str_equal (opt, "--today"))
        {
          options.today = po_date_parse (argv[i + 1], &error);
          if (options.today == PO_DATE_INVALID)
            return po_cli_fail (g_steal_pointer (&error));
        }
      else
        return po_cli_usage (_("demo does not know the option “%s”"), opt);
      i++;
    }

  db = po_cli_database (cli, &error);
  if (db == NULL)
    return po_cli_fail (g_steal_pointer (&error));
  po_database_set_actor (db, "demo");

  if (!po_demo_generate (db, &options, NULL, NULL, NULL, &error))
    return po_cli_fail (g_steal_pointer (&error));

  fprintf (stderr, _("power-oversight-cli: demo office written to %s: %u items, %u cases, %u petitions (seed %u)\n"),
           po_database_get_path (db), options.items, options.cases, options.petitions, options.seed);
  return PO_CLI_OK;
}

/* --anchor N:HASH, as `audit head` printed it. */
static gboolean
parse_anchor (const char  *text,
              gint64      *seq,
              const char **hash,
              GError     **error)
{
  const char *colon = strchr (text, ':');
  g_autofree char *number = colon ? g_strndup (text, colon - text) : NULL;

  if (colon == NULL || strlen (colon + 1) != 64 ||
      !g_ascii_string_to_signed (number, 10, 1, G_MAXINT64, seq, NULL))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("“%s” is not an anchor; give it as “audit head” printed it: NUMBER:HASH"), text);
      return FALSE;
    }
  *hash = colon + 1;
  return TRUE;
}

/* settings: the office's own settings, shared by everyone who opens it. */
static int
run_settings (PoCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GError) error = NULL;
  PoScanOptions options;
  PoDatabase *db;
  gint64 value;

  if (argc != 0 && argc != 2)
    return po_cli_usage (_("usage: settings [yellow-days N | yellow-share PCT]"));
  if ((db = po_cli_database_read (cli, &error)) == NULL ||
      !po_scan_options_load (&options, db, po_date_today (), &error))
    return po_cli_fail (g_steal_pointer (&error));

  if (argc == 2)
    {
      if (g_str_equal (argv[0], "yellow-days"))
        {
          if (!po_cli_parse_int (argv[1], "yellow-days", 0, PO_SCAN_MAX_YELLOW_DAYS, &value, &error))
            return po_cli_fail (g_steal_pointer (&error));
          options.yellow_days = (int) value;
        }
      else if (g_str_equal (argv[0], "yellow-share"))
        {
          if (!po_cli_parse_int (argv[1], "yellow-share", 0, 100, &value, &error))
            return po_cli_fail (g_steal_pointer (&error));
          options.yellow_share = (int) value;
        }
      else
        return po_cli_usage (_("settings does not know “%s”; it knows yellow-days and yellow-share"), argv[0]);
      if (!po_database_begin (db, &error) ||
          !po_office_set_yellow (db, options.yellow_days, options.yellow_share, &error) ||
          !po_database_commit (db, &error))
        {
          po_database_rollback (db);
          return po_cli_fail (g_steal_pointer (&error));
        }
    }

  printf ("yellow-days %d\nyellow-share %d\n", options.yellow_days, options.yellow_share);
  return PO_CLI_OK;
}

static int
run_audit (PoCli  *cli,
           int     argc,
           char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) anchors = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) hashes = g_ptr_array_new ();
  PoDatabase *db;
  gint64 n = 0;

  if (argc == 1 && g_str_equal (argv[0], "head"))
    {
      g_autofree char *hash = NULL;

      if ((db = po_cli_database_read (cli, &error)) == NULL ||
          !po_audit_head (db, &n, &hash, &error))
        return po_cli_fail (g_steal_pointer (&error));
      printf ("%lld:%s\n", (long long) n, hash);
      return PO_CLI_OK;
    }

  if (argc < 1 || !g_str_equal (argv[0], "verify"))
    return po_cli_usage (_("audit takes a subcommand: verify or head"));
  for (int i = 1; i < argc; i += 2)
    {
      gint64 seq;
      const char *hash;

      if (!g_str_equal (argv[i], "--anchor") || i + 1 >= argc)
        return po_cli_usage (_("audit verify takes only --anchor NUMBER:HASH"));
      if (!parse_anchor (argv[i + 1], &seq, &hash, &error))
        return po_cli_fail (g_steal_pointer (&error));
      g_array_append_val (anchors, seq);
      g_ptr_array_add (hashes, (gpointer) hash);
    }

  db = po_cli_database_read (cli, &error);
  if (db == NULL)
    return po_cli_fail (g_steal_pointer (&error));
  if (!po_audit_verify (db, &n, NULL, &error))
    return po_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < anchors->len; i++)
    if (!po_audit_check_anchor (db, g_array_index (anchors, gint64, i), g_ptr_array_index (hashes, i), &error))
      return po_cli_fail (g_steal_pointer (&error));

  printf ("ok %" G_GINT64_FORMAT "\n", n);
  return PO_CLI_OK;
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PO_LOCALEDIR");
  PoCli cli = { NULL, NULL };
  const char *command;
  int status;
  int i = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          fputs (_(usage_text), stdout);
          return PO_CLI_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          printf ("power-oversight-cli %s\n", PACKAGE_VERSION);
          return PO_CLI_OK;
        }
      else if (g_str_equal (argv[i], "--db"))
        {
          if (++i >= argc)
            return po_cli_usage (_("--db needs a file"));
          cli.db_path = argv[i];
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        cli.db_path = argv[i] + 5;
      else
        return po_cli_usage (_("unknown option “%s”"), argv[i]);
    }

  if (i >= argc)
    return po_cli_usage (_("no command given"));
  if (cli.db_path != NULL && *cli.db_path == '\0')
    return po_cli_usage (_("--db needs a file"));

  command = argv[i++];
  if (g_str_equal (command, "calendar"))
    status = po_cli_calendar (&cli, argc - i, argv + i);
  else if (g_str_equal (command, "demo"))
    status = run_demo (&cli, argc - i, argv + i);
  else if (g_str_equal (command, "catalogue"))
    status = po_cli_catalogue (&cli, argc - i, argv + i);
  else if (g_str_equal (command, "review"))
    status = po_cli_review (&cli, argc - i, argv + i);
  else if (g_str_equal (command, "discretion"))
    status = po_cli_discretion (&cli, argc - i, argv + i);
  else if (g_str_equal (command, "flowchart"))
    status = po_cli_flowchart (&cli, argc - i, argv + i);
  else if (g_str_equal (command, "cases") || g_str_equal (command, "petitions") ||
           g_str_equal (command, "scan") || g_str_equal (command, "alert") || g_str_equal (command, "order"))
    status = po_cli_supervision (&cli, command, argc - i, argv + i);
  else if (g_str_equal (command, "audit"))
    status = run_audit (&cli, argc - i, argv + i);
  else if (g_str_equal (command, "settings"))
    status = run_settings (&cli, argc - i, argv + i);
  else
    status = po_cli_usage (_("unknown command “%s”"), command);

  g_clear_object (&cli.db);
  if (status != PO_CLI_OK && cli.created != NULL)
    {
      /* Nothing half-written: not even an empty office. */
      static const char *const suffixes[] = { "", "-wal", "-shm", NULL };

      for (guint s = 0; suffixes[s]; s++)
        {
          g_autofree char *file = g_strconcat (cli.created, suffixes[s], NULL);
          g_unlink (file);
        }
    }
  g_free (cli.created);
  return status;
}
