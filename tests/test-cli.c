/* test-cli.c: power-oversight-cli as scripts use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "po-test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = po_test_make_dir ();
  f->db = g_build_filename (f->dir, "office.db", NULL);
  /* An empty office; tests of a missing file use another name. */
  g_object_unref (po_test_open (f->dir, "office.db"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  po_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Runs the CLI on the fixture's database with the given arguments
 * (NULL-terminated); --db is added unless the first argument is "-". */
static Run
cli (Fixture    *f,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Run r = { 0 };
  int wait_status = 0;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (char *) g_getenv ("PO_CLI"));
  g_assert_nonnull (argv->pdata[0]);
  if (g_strcmp0 (first, "-") != 0)
    {
      g_ptr_array_add (argv, "--db");
      g_ptr_array_add (argv, f->db);
      g_ptr_array_add (argv, (char *) first);
    }
  va_start (ap, first);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  r.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return r;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

/* A failure is one line on stderr, nothing on stdout, a non-zero exit. */
static void
assert_failed (Run        *r,
               int         status,
               const char *says)
{
  g_assert_cmpint (r->status, ==, status);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_cmpuint (count_lines (r->err), ==, 1);
  g_assert_true (g_str_has_prefix (r->err, "power-oversight-cli: "));
  if (says && strstr (r->err, says) == NULL)
    g_error ("expected “%s” in: %s", says, r->err);
}

static void
test_calendar_words (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Run) a = cli (f, "calendar", "is-workday", "2026-02-14", NULL);
  g_auto(Run) b = cli (f, "calendar", "is-workday", "2026-10-05", NULL);
  g_auto(Run) c = cli (f, "calendar", "add", "2026-09-30", "1", NULL);
  g_auto(Run) d = cli (f, "calendar", "add", "2026-10-09", "-15", NULL);
  g_auto(Run) e = cli (f, "calendar", "count", "2026-09-30", "2026-10-10", NULL);

  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.out, ==, "yes\n");
  g_assert_cmpstr (a.err, ==, "");
  g_assert_cmpstr (b.out, ==, "no\n");
  g_assert_cmpstr (c.out, ==, "2026-10-08\n");
  g_assert_cmpstr (d.out, ==, "2026-09-11\n");
  g_assert_cmpstr (e.out, ==, "3\n");
}

static void
test_provisional_note (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Run) a = cli (f, "calendar", "add", "2026-12-30", "2", NULL);

  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.out, ==, "2027-01-01\n");
  g_assert_nonnull (strstr (a.err, "provisional"));
  g_assert_nonnull (strstr (a.err, "2027"));
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.ics", NULL);

  {
    g_auto(Run) r = cli (f, "calendar", "is-workday", "2026-02-30", NULL);
    assert_failed (&r, 1, "2026-02-30");
  }
  {
    g_auto(Run) r = cli (f, "calendar", "add", "2026-01-05", "many", NULL);
    assert_failed (&r, 1, "many");
  }
  {
    g_auto(Run) r = cli (f, "calendar", "is-workday", "2003-06-02", NULL);
    assert_failed (&r, 1, "2004");
  }
  {
    g_auto(Run) r = cli (f, "frobnicate", NULL);
    assert_failed (&r, 2, "frobnicate");
  }
  {
    g_auto(Run) r = cli (f, "calendar", "import", missing, NULL);
    assert_failed (&r, 1, "missing.ics");
  }
  {
    g_auto(Run) r = cli (f, "audit", NULL);
    assert_failed (&r, 2, NULL);
  }
  {
    g_auto(Run) r = cli (f, "demo", "--items", "-3", NULL);
    assert_failed (&r, 1, "--items");
  }
  /* A file that is not a database is refused and left alone. */
  g_assert_true (g_file_set_contents (text, "not a database, only words in a text file\n", -1, NULL));
  {
    g_auto(Run) r = cli (f, "-", "--db", text, "calendar", "is-workday", "2026-01-05", NULL);
    g_autofree char *after = NULL;

    assert_failed (&r, 1, "not a Power Oversight database");
    g_assert_true (g_file_get_contents (text, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, "not a database, only words in a text file\n");
  }
}

/* A mistyped --db is an error, never a new empty office that then
 * answers "ok"; and a writing command that fails leaves no file behind. */
static void
test_missing_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *typo = g_build_filename (f->dir, "offcie.db", NULL);
  g_autofree char *bad_csv = g_build_filename (f->dir, "bad.csv", NULL);

  {
    g_auto(Run) r = cli (f, "-", "--db", typo, "audit", "verify", NULL);
    assert_failed (&r, 1, "offcie.db");
  }
  {
    g_auto(Run) r = cli (f, "-", "--db", typo, "calendar", "count", "2025-01-01", "2003-01-01", NULL);
    assert_failed (&r, 1, NULL);
  }
  {
    g_auto(Run) r = cli (f, "-", "--db", typo, "review", "list", NULL);
    assert_failed (&r, 1, "offcie.db");
  }
  {
    g_auto(Run) r = cli (f, "-", "--db", typo, "demo", "--today", "2026-13-01", NULL);
    assert_failed (&r, 1, "2026-13-01");
  }
  g_assert_true (g_file_set_contents (bad_csv, "code,name\n", -1, NULL));
  {
    g_auto(Run) r = cli (f, "-", "--db", typo, "catalogue", "import", bad_csv, NULL);
    assert_failed (&r, 1, "bad.csv");
  }
  g_assert_false (g_file_test (typo, G_FILE_TEST_EXISTS));
}

static void
test_import_export (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *ics = g_build_filename (f->dir, "2027.ics", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *exported = NULL;

  g_assert_true (g_file_set_contents (ics,
    "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20270104\n"
    "SUMMARY:元旦\nEND:VEVENT\nEND:VCALENDAR\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad,
    "{\"format\": \"power-oversight-calendar\", \"years\": [{\"year\": 2028, "
    "\"workdays\": [{\"name\": \"x\", \"date\": \"2028-13-01\"}]}]}", -1, NULL));

  {
    g_auto(Run) before = cli (f, "calendar", "is-workday", "2027-01-01", NULL);
    g_auto(Run) imp = cli (f, "calendar", "import", ics, NULL);
    g_auto(Run) after = cli (f, "calendar", "is-workday", "2027-01-01", NULL);

    g_assert_cmpstr (before.out, ==, "yes\n");
    g_assert_nonnull (strstr (before.err, "provisional"));
    g_assert_cmpint (imp.status, ==, 0);
    g_assert_cmpstr (imp.out, ==, "imported 2027\n");
    g_assert_cmpstr (after.out, ==, "no\n");
    g_assert_cmpstr (after.err, ==, "");
  }
  {
    g_auto(Run) r = cli (f, "calendar", "import", bad, NULL);
    g_auto(Run) still = cli (f, "calendar", "is-workday", "2028-01-03", NULL);

    assert_failed (&r, 1, "workdays[0].date");
    g_assert_nonnull (strstr (still.err, "provisional"));   /* 2028 was not imported */
  }
  {
    g_auto(Run) r = cli (f, "calendar", "export", out, NULL);
    g_auto(Run) s = cli (f, "calendar", "export", NULL);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
    g_assert_cmpstr (exported, ==, s.out);
    g_assert_nonnull (strstr (exported, "\"year\": 2027"));
    g_assert_nonnull (strstr (exported, "\"from\": \"2027-01-01\", \"to\": \"2027-01-03\""));
  }
}

static void
test_demo_and_audit (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Run) demo = cli (f, "demo", "--items", "50", "--cases", "200", "--petitions", "30",
                          "--seed", "9", "--today", "2026-11-27", NULL);
  g_auto(Run) again = cli (f, "demo", NULL);
  g_auto(Run) ok = cli (f, "audit", "verify", NULL);
  sqlite3 *raw = NULL;
  gint64 n = 0;

  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpstr (demo.out, ==, "");
  assert_failed (&again, 1, "already");

  g_assert_cmpint (ok.status, ==, 0);
  g_assert_true (g_str_has_prefix (ok.out, "ok "));
  n = g_ascii_strtoll (ok.out + 3, NULL, 10);
  g_assert_cmpint (n, >, 280);
  {
    g_auto(Run) head = cli (f, "audit", "head", NULL);
    g_autofree char *anchor = g_strstrip (g_strdup (head.out));
    g_autofree char *wrong = g_strdup (anchor);
    g_auto(Run) anchored = cli (f, "audit", "verify", "--anchor", anchor, NULL);
    g_auto(Run) malformed = cli (f, "audit", "verify", "--anchor", "12", NULL);

    g_assert_cmpint (head.status, ==, 0);
    g_assert_cmpint (g_ascii_strtoll (anchor, NULL, 10), ==, n);
    g_assert_cmpstr (anchored.out, ==, ok.out);
    assert_failed (&malformed, 1, "NUMBER:HASH");
    wrong[strlen (wrong) - 1] = wrong[strlen (wrong) - 1] == '0' ? '1' : '0';
    {
      g_auto(Run) mismatch = cli (f, "audit", "verify", "--anchor", wrong, NULL);
      assert_failed (&mismatch, 1, "rewritten");
    }
  }

  /* Behind the application’s back: the CLI notices the missing trigger. */
  g_assert_cmpint (sqlite3_open (f->db, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DROP TRIGGER audit_cases_update; UPDATE cases SET fine_yuan = 1 WHERE id = 17",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  {
    g_auto(Run) bad = cli (f, "audit", "verify", NULL);
    assert_failed (&bad, 1, "audit_cases_update");
  }
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_auto(Run) r = cli (f, "-", "--help", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "calendar is-workday DATE"));
  g_assert_nonnull (strstr (r.out, "audit verify"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/calendar/words", test_calendar_words);
  ADD ("/cli/calendar/provisional-note", test_provisional_note);
  ADD ("/cli/bad-input", test_bad_input);
  ADD ("/cli/missing-database", test_missing_database);
  ADD ("/cli/calendar/import-export", test_import_export);
  ADD ("/cli/demo-and-audit", test_demo_and_audit);
  ADD ("/cli/help", test_help);
#undef ADD

  return g_test_run ();
}
