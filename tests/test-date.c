/* test-date.c: civil dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "po-date.h"
#include "po-error.h"
#include "po-test-util.h"

static void
test_round_trip (void)
{
  /* Every day from 1900 to 2100 survives format → parse, and agrees
   * with GLib's own calendar about the day and the weekday. */
  PoDate first = po_date_from_ymd (1900, 1, 1);
  PoDate last = po_date_from_ymd (2100, 12, 31);
  GDate g;

  g_date_clear (&g, 1);
  g_date_set_dmy (&g, 1, 1, 1900);
  for (PoDate d = first; d <= last; d++)
    {
      char buf[11];
      int y, m, day;

      po_date_format_buf (d, buf);
      g_assert_cmpint (po_date_parse (buf, NULL), ==, d);
      po_date_to_ymd (d, &y, &m, &day);
      g_assert_cmpint (y, ==, g_date_get_year (&g));
      g_assert_cmpint (m, ==, g_date_get_month (&g));
      g_assert_cmpint (day, ==, g_date_get_day (&g));
      g_assert_cmpint (po_date_weekday (d), ==, g_date_get_weekday (&g));
      g_date_add_days (&g, 1);
    }
}

static void
test_known_days (void)
{
  g_assert_cmpint (po_date_from_ymd (1970, 1, 1), ==, 0);
  g_assert_cmpint (po_date_weekday (po_test_date ("2026-10-01")), ==, 4);   /* Thursday */
  g_assert_true (po_date_is_weekend (po_test_date ("2026-02-14")));         /* Saturday */
  g_assert_false (po_date_is_weekend (po_test_date ("2026-02-16")));
  po_test_assert_date (po_test_date ("2024-02-28") + 1, "2024-02-29");
  po_test_assert_date (po_test_date ("2026-02-28") + 1, "2026-03-01");
}

static void
test_bad_input (void)
{
  static const char *const bad[] = {
    "", "2026-1-01", "2026/01/01", "2026-02-29", "2026-13-01", "2026-00-10",
    "2026-04-31", "20260101", "2026-01-01x", "abcd-ef-gh",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (po_date_parse (bad[i], &error), ==, PO_DATE_INVALID);
      g_assert_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_today_pinned (void)
{
  g_setenv ("PO_TODAY", "2026-11-27", TRUE);
  po_test_assert_date (po_date_today (), "2026-11-27");
  g_unsetenv ("PO_TODAY");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/round-trip", test_round_trip);
  g_test_add_func ("/date/known-days", test_known_days);
  g_test_add_func ("/date/bad-input", test_bad_input);
  g_test_add_func ("/date/today-pinned", test_today_pinned);

  return g_test_run ();
}
