/* po-test-util.h: helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "po-database.h"
#include "po-demo.h"

/* A fresh folder for one test's files, removed with its contents. */
static inline char *
po_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("po-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
po_test_remove_dir (const char *dir)
{
  const char *name;
  GDir *d = g_dir_open (dir, 0, NULL);

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_dir_close (d);
  g_rmdir (dir);
}

static inline PoDatabase *
po_test_open (const char *dir,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  PoDatabase *db = po_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static inline PoDate
po_test_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  PoDate d = po_date_parse (text, &error);

  g_assert_no_error (error);
  return d;
}

static inline void
po_test_assert_date (PoDate      date,
                     const char *expected)
{
  char buf[11];

  po_date_format_buf (date, buf);
  g_assert_cmpstr (buf, ==, expected);
}

/* Fills @db with a demo office of this size, the same for the same @seed,
 * as of @today (YYYY-MM-DD), or of the real day when %NULL. */
static inline void
po_test_fill_demo (PoDatabase *db,
                   guint       items,
                   guint       cases,
                   guint       petitions,
                   guint32     seed,
                   const char *today)
{
  g_autoptr(GError) error = NULL;
  PoDemoOptions options;

  po_demo_options_init (&options);
  options.items = items;
  options.cases = cases;
  options.petitions = petitions;
  options.seed = seed;
  if (today != NULL)
    options.today = po_test_date (today);
  g_assert_true (po_demo_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}
