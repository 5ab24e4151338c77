/* test-live-latency.c: how long what another workstation saves takes to show in the window
 * (live refresh over a shared SQLite file), measured: from the return of the other store's save
 * (its commit) to the new value in a mapped row of the pane. Prints the median and the worst of
 * LATENCY_CHANGES changes for the customers list and for the complaint board, and fails past
 * the 3 seconds the issue allows a shared SQLite file.
 *
 * With KEFU_TEST_BACKEND=postgres both stores are on a database of the throwaway PostgreSQL
 * server of the store tests (tests/store/kefu-test-pg.h) instead of a SQLite file.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-live-latency"

#include "config.h"

#include "complaints/kefu-complaints-pane-private.h"
#include "customers/kefu-customers-pane.h"

#include "../store/kefu-test-pg.h"
#include "test-complaint-company.h"

#define LATENCY_CHANGES 20
/* What the issue asks: within 3 s on a shared SQLite file, within 1 s on PostgreSQL. */
#define SQLITE_LIMIT_US (3 * G_USEC_PER_SEC)
#define POSTGRES_LIMIT_US (1 * G_USEC_PER_SEC)

static gboolean
label_shown (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
on_postgres (void)
{
  return g_strcmp0 (g_getenv ("KEFU_TEST_BACKEND"), "postgres") == 0;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Prints the figures of `times` (µs) for `what`, and checks the worst. */
static void
report (const char *what,
        GArray     *times)
{
  double median;

  g_array_sort (times, compare_times);
  median = times->len % 2 == 1
           ? g_array_index (times, gint64, times->len / 2)
           : (g_array_index (times, gint64, times->len / 2 - 1) +
              g_array_index (times, gint64, times->len / 2)) / 2.0;
  g_test_message ("live refresh latency, %s, %s, %u changes: median %.0f ms, best %.0f ms, "
                  "worst %.0f ms", what, on_postgres () ? "PostgreSQL" : "SQLite", times->len,
                  median / 1000.0,
                  g_array_index (times, gint64, 0) / 1000.0,
                  g_array_index (times, gint64, times->len - 1) / 1000.0);
  g_assert_cmpint (g_array_index (times, gint64, times->len - 1), <,
                   on_postgres () ? POSTGRES_LIMIT_US : SQLITE_LIMIT_US);
}

typedef struct
{
  char       *dir;
  KefuStore  *store;
  KefuStore  *other;
  Dairy       dairy;
  KefuWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *location = NULL;
  g_autoptr(GError) error = NULL;

  kefu_test_reset_settings ();
  fixture->dir = kefu_test_make_dir ();
  location = on_postgres () ? kefu_test_pg_new_database ()
                            : g_build_filename (fixture->dir, "kefu.db", NULL);
  fixture->store = kefu_store_open (location, NULL, &error);
  g_assert_no_error (error);
  dairy_setup (fixture->store, &fixture->dairy);
  kefu_store_set_actor (fixture->store, fixture->dairy.cs_manager);
  fixture->other = kefu_store_open (location, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_actor (fixture->other, fixture->dairy.clerk);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  kefu_test_flush ();
  g_clear_object (&fixture->other);
  g_clear_object (&fixture->store);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
present (Fixture    *fixture,
         const char *pane)
{
  kefu_test_remember_staff (fixture->store, fixture->dairy.cs_manager);
  fixture->window = kefu_test_present_window (NULL, fixture->store, 1200, 800);
  g_assert_true (kefu_window_select_pane (fixture->window, pane));
  kefu_test_flush ();
  kefu_test_wait_until (!kefu_window_get_busy (fixture->window));
}

/* A customer on screen renamed elsewhere, again and again, at uneven moments of the watcher's
 * second. */
static void
test_customers_list (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *pane;

  kefu_customer_set_name (customer, "张三 0");
  kefu_customer_set_phones (customer, (const char *[]) { "13800138000", NULL });
  g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  present (fixture, "customers");
  pane = kefu_test_find_mapped (GTK_WIDGET (fixture->window), KEFU_TYPE_CUSTOMERS_PANE);
  kefu_test_wait_until (label_shown (pane, "张三 0"));

  for (guint i = 1; i <= LATENCY_CHANGES; i++)
    {
      g_autoptr(KefuCustomer) stored = NULL;
      g_autofree char *name = g_strdup_printf ("张三 %u", i);
      gint64 saved, shown;

      stored = kefu_store_get_customer (fixture->other, kefu_record_get_id (KEFU_RECORD (customer)),
                                        NULL, &error);
      g_assert_no_error (error);
      kefu_customer_set_name (stored, name);
      g_assert_true (kefu_store_update_customer (fixture->other, stored, NULL, &error));
      g_assert_no_error (error);
      saved = g_get_monotonic_time ();
      kefu_test_wait_until (label_shown (pane, name));
      shown = g_get_monotonic_time () - saved;
      g_array_append_val (times, shown);
      /* The next save at another moment of the watcher's look. */
      g_usleep (g_random_int_range (0, 200) * 1000);
    }
  report ("customers list", times);
}

/* A complaint saved elsewhere, again and again, until its card is on the board. */
static void
test_complaint_board (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  KefuComplaintsPane *pane;

  present (fixture, "complaints");
  pane = KEFU_COMPLAINTS_PANE (kefu_test_find_mapped (GTK_WIDGET (fixture->window),
                                                      KEFU_TYPE_COMPLAINTS_PANE));
  for (guint i = 1; i <= LATENCY_CHANGES; i++)
    {
      gint64 id, saved, shown;

      id = dairy_complaint (fixture->other, &fixture->dairy, fixture->dairy.clerk, "孙七",
                            KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE);
      saved = g_get_monotonic_time ();
      kefu_test_wait_until (_kefu_complaints_pane_find_card (pane, id) != NULL);
      shown = g_get_monotonic_time () - saved;
      g_array_append_val (times, shown);
      g_usleep (g_random_int_range (0, 200) * 1000);
    }
  report ("complaint board", times);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  kefu_test_choose_language (FALSE);
  data_home = kefu_test_init (&argc, &argv);
  kefu_test_choose_language (TRUE);

  g_test_add ("/kefu/live-latency/customers-list", Fixture, NULL, fixture_set_up,
              test_customers_list, fixture_tear_down);
  g_test_add ("/kefu/live-latency/complaint-board", Fixture, NULL, fixture_set_up,
              test_complaint_board, fixture_tear_down);
  return kefu_test_run (data_home);
}
