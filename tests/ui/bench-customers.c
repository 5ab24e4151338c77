/* bench-customers.c: how fast the customers pane opens, re-sorts, searches and scrolls over a
 * big database, with the real GtkColumnView on a display.
 *
 *   KEFU_BENCH_DATABASE=/tmp/big.db bench-customers     (a database made by kefuctl generate)
 *   bench-customers                                      (makes its own: KEFU_BENCH_CUSTOMERS,
 *                                                         default 200,000, in a temporary folder)
 *
 * "Open" is measured from the model's reload (giving the shown pane its database) to the top rows
 * filled in, and to the first frame drawn after that; it must fill the rows within
 * KEFU_BENCH_OPEN_BUDGET_MS (default 300, the figure), as a median of five. Scrolling is measured as the longest pause between
 * frames while the list is dragged through quickly, and the time until the rows of a jump
 * anywhere in the list are filled.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-bench-customers"

#include "config.h"

#include "customers/kefu-customers-pane.h"

#include "kefu-ui-test.h"

#define RUNS 5

typedef struct
{
  GtkWindow         *window;
  KefuCustomersPane *pane;
  KefuStore         *store;
  gint64             last_frame;
  gint64             longest_gap;
  guint              frames;
  gint64            *gaps;
} Bench;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static void
frame_cb (GdkFrameClock *clock,
          gboolean      *drawn)
{
  *drawn = TRUE;
}

/* Waits until the list's first row is filled in (`filled` receives when, in ms after `started`)
 * and a frame has been drawn since (returned). From an empty list (`from_empty`) the first rows
 * shown are the new list's, which shows its head before every id is read; otherwise the rows
 * shown until the ids are read may be the previous list's. */
static double
wait_first_rows (Bench    *bench,
                 gint64    started,
                 gboolean  from_empty,
                 double   *filled)
{
  KefuCustomerListModel *model = kefu_customers_pane_get_model (bench->pane);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
  g_autoptr(KefuCustomer) first = NULL;
  gboolean drawn = FALSE;
  gulong handler;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while ((!from_empty && kefu_customer_list_model_get_loading (model)) ||
         g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }

  /* The view asked for its rows while handling items-changed; this is the same object. */
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  while (kefu_record_get_version (KEFU_RECORD (first)) == 0)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }

  if (filled != NULL)
    *filled = (g_get_monotonic_time () - started) / 1000.0;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_cb), &drawn);
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  while (!drawn)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);

  return (g_get_monotonic_time () - started) / 1000.0;
}

/* The figure for opening the list, unless KEFU_BENCH_OPEN_BUDGET_MS says otherwise. */
static double
open_budget (void)
{
  const char *budget = g_getenv ("KEFU_BENCH_OPEN_BUDGET_MS");

  return budget != NULL ? g_ascii_strtod (budget, NULL) : 300;
}

static void
bench_open (Bench *bench)
{
  double filled[RUNS];
  double drawn[RUNS];
  double budget = open_budget ();

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 started;

      kefu_customers_pane_set_store (bench->pane, NULL);
      kefu_test_flush ();

      started = g_get_monotonic_time ();
      kefu_customers_pane_set_store (bench->pane, bench->store);
      drawn[run] = wait_first_rows (bench, started, TRUE, &filled[run]);
      g_test_message ("open %u: first rows filled after %.1f ms, drawn after %.1f ms",
                      run + 1, filled[run], drawn[run]);
      /* Let the filters' staff list and the rest settle before the next run. */
      kefu_test_wait_until (!kefu_customers_pane_get_busy (bench->pane));
    }

  g_test_message ("OPEN (%u customers): first rows filled after a median %.1f ms, drawn after "
                  "%.1f ms (budget %.0f ms for the rows filled)",
                  g_list_model_get_n_items (G_LIST_MODEL (kefu_customers_pane_get_model (bench->pane))),
                  median (filled, RUNS), median (drawn, RUNS), budget);
  g_assert_cmpfloat (median (filled, RUNS), <, budget);
}

static void
bench_sort_and_search (Bench *bench)
{
  KefuCustomerListModel *model = kefu_customers_pane_get_model (bench->pane);
  static const struct { KefuCustomerSort sort; gboolean descending; const char *name; } sorts[] = {
    { KEFU_CUSTOMER_SORT_DISTRICT, FALSE, "district" },
    { KEFU_CUSTOMER_SORT_LAST_CONTACT, TRUE, "last contact, newest first" },
    { KEFU_CUSTOMER_SORT_NAME, TRUE, "name, descending" },
    { KEFU_CUSTOMER_SORT_NAME, FALSE, "name" },
  };
  static const char * const queries[] = { "5678", "王伟", "李", "" };

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      gint64 started = g_get_monotonic_time ();

      double filled, drawn;

      kefu_customer_list_model_set_sort (model, sorts[i].sort, sorts[i].descending);
      drawn = wait_first_rows (bench, started, FALSE, &filled);
      g_test_message ("SORT by %s: first rows filled after %.1f ms, drawn after %.1f ms",
                      sorts[i].name, filled, drawn);
      kefu_test_wait_until (!kefu_customers_pane_get_busy (bench->pane));
    }

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      gint64 started = g_get_monotonic_time ();
      double filled, drawn;

      kefu_customer_list_model_set_query (model, queries[i]);
      drawn = wait_first_rows (bench, started, FALSE, &filled);
      g_test_message ("SEARCH \"%s\" (%u customers): first rows filled after %.1f ms, drawn after "
                      "%.1f ms", queries[i], g_list_model_get_n_items (G_LIST_MODEL (model)),
                      filled, drawn);
      kefu_test_wait_until (!kefu_customers_pane_get_busy (bench->pane));
    }
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *bench = user_data;
  gint64 now = g_get_monotonic_time ();

  if (bench->last_frame != 0)
    {
      gint64 gap = now - bench->last_frame;

      bench->longest_gap = MAX (bench->longest_gap, gap);
      bench->gaps[bench->frames++] = gap;
    }
  bench->last_frame = now;

  return G_SOURCE_CONTINUE;
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
bench_scroll (Bench *bench)
{
  KefuCustomerListModel *model = kefu_customers_pane_get_model (bench->pane);
  GtkWidget *scrolled = gtk_widget_get_ancestor (kefu_test_find_mapped (GTK_WIDGET (bench->pane),
                                                                        GTK_TYPE_COLUMN_VIEW),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  double jumps[30];
  guint tick;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  GRand *rand = g_rand_new_with_seed (7);
  guint n_steps = 600;
  gint64 started;

  bench->gaps = g_new0 (gint64, n_steps * 4);
  bench->frames = 0;
  bench->last_frame = 0;
  bench->longest_gap = 0;

  /* A quick drag: three screens a step, one step per main-loop turn, 600 steps. */
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (bench->window), tick_cb, bench, NULL);
  started = g_get_monotonic_time ();
  for (guint step = 0; step < n_steps; step++)
    {
      double value = gtk_adjustment_get_value (adjustment) + 3 * gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, MIN (value, gtk_adjustment_get_upper (adjustment)));
      /* One frame per step, as a drag gives. */
      {
        guint before = bench->frames;
        gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

        while (bench->frames == before && g_get_monotonic_time () < deadline)
          g_main_context_iteration (NULL, TRUE);
      }
    }
  gtk_widget_remove_tick_callback (GTK_WIDGET (bench->window), tick);

  qsort (bench->gaps, bench->frames, sizeof (gint64), compare_gaps);
  g_test_message ("SCROLL: %u frames in %.0f ms over %.0f%% of %u rows; frame gap median %.1f ms, "
                  "95th percentile %.1f ms, longest %.1f ms; %u pages cached",
                  bench->frames, (g_get_monotonic_time () - started) / 1000.0,
                  100.0 * gtk_adjustment_get_value (adjustment) / gtk_adjustment_get_upper (adjustment),
                  n,
                  bench->gaps[bench->frames / 2] / 1000.0,
                  bench->gaps[bench->frames * 95 / 100] / 1000.0,
                  bench->longest_gap / 1000.0,
                  kefu_customer_list_model_get_n_cached_pages (model));
  g_assert_cmpuint (kefu_customer_list_model_get_n_cached_pages (model), <=,
                    KEFU_CUSTOMER_LIST_MAX_PAGES);

  /* Jumps anywhere (a click in the scrollbar's trough): until the rows there are filled. */
  for (guint i = 0; i < G_N_ELEMENTS (jumps); i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      started = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, g_rand_double (rand) * upper);
      kefu_test_flush ();
      while (kefu_customer_list_model_get_filling (model))
        g_main_context_iteration (NULL, TRUE);
      jumps[i] = (g_get_monotonic_time () - started) / 1000.0 - 50;  /* kefu_test_flush() sleeps 50 ms */
    }
  {
    double middle = median (jumps, G_N_ELEMENTS (jumps));

    g_test_message ("JUMP: rows filled a median %.1f ms after a jump (longest %.1f ms, 30 jumps)",
                    middle, jumps[G_N_ELEMENTS (jumps) - 1]);
  }

  g_rand_free (rand);
  g_clear_pointer (&bench->gaps, g_free);
}

/* Writing a big list to CSV, a chunk at a time, while the pane stays usable. */
static void
bench_export (Bench *bench)
{
  KefuCustomerListModel *model = kefu_customers_pane_get_model (bench->pane);
  g_autofree char *dir = kefu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  guint n;
  gint64 started;
  double seconds;

  kefu_customer_list_model_set_query (model, "李");
  kefu_test_wait_until (!kefu_customers_pane_get_busy (bench->pane));
  n = g_list_model_get_n_items (G_LIST_MODEL (model));

  started = g_get_monotonic_time ();
  kefu_customers_pane_export_to_file (bench->pane, file);
  bench->longest_gap = 0;
  bench->last_frame = 0;
  bench->frames = 0;
  bench->gaps = g_new0 (gint64, 100000);
  {
    guint tick = gtk_widget_add_tick_callback (GTK_WIDGET (bench->window), tick_cb, bench, NULL);

    while (kefu_customers_pane_get_busy (bench->pane))
      {
        /* Something moves on screen, as the progress bar does. */
        gtk_widget_queue_draw (GTK_WIDGET (bench->window));
        g_main_context_iteration (NULL, TRUE);
      }
    gtk_widget_remove_tick_callback (GTK_WIDGET (bench->window), tick);
  }
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  g_assert_nonnull (info);
  g_test_message ("EXPORT: %u customers in %.1f s (%.0f a second, %.1f MB); longest pause between "
                  "frames meanwhile %.1f ms", n, seconds, n / seconds,
                  g_file_info_get_size (info) / 1e6, bench->longest_gap / 1000.0);
  g_clear_pointer (&bench->gaps, g_free);
  kefu_test_remove_dir (dir);
  kefu_customer_list_model_set_query (model, "");
  kefu_test_wait_until (!kefu_customers_pane_get_busy (bench->pane));
}

static KefuStore *
make_store (const char *dir,
            guint       n_customers)
{
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(GError) error = NULL;
  static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
  static const char * const given[] = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
                                        "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "慧" };
  static const char * const districts[] = { "朝阳区", "海淀区", "东城区", "西城区", "丰台区", "通州区",
                                            "昌平区", "大兴区" };
  GRand *rand = g_rand_new_with_seed (1);

  kefu_store_set_system_actor (store);
  for (guint done = 0; done < n_customers;)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < 20000 && done < n_customers; i++, done++)
        {
          g_autoptr(KefuCustomer) customer = kefu_customer_new ();
          g_autofree char *name = g_strconcat (surnames[g_rand_int_range (rand, 0, 10)],
                                               given[g_rand_int_range (rand, 0, 20)],
                                               given[g_rand_int_range (rand, 0, 20)], NULL);
          g_autofree char *phone = g_strdup_printf ("13%09u", done);
          const char *phones[] = { phone, NULL };

          kefu_customer_set_name (customer, name);
          kefu_customer_set_phones (customer, phones);
          kefu_customer_set_district (customer, districts[g_rand_int_range (rand, 0, 8)]);
          g_ptr_array_add (batch, g_steal_pointer (&customer));
        }
      g_assert_true (kefu_store_insert_customers_bulk (store, batch, NULL, &error));
      g_assert_no_error (error);
    }
  g_rand_free (rand);

  return g_steal_pointer (&store);
}

static void
bench_customers (void)
{
  const char *path = g_getenv ("KEFU_BENCH_DATABASE");
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };

  if (path != NULL)
    {
      bench.store = kefu_store_open (path, NULL, &error);
      g_assert_no_error (error);
    }
  else
    {
      const char *count = g_getenv ("KEFU_BENCH_CUSTOMERS");

      dir = kefu_test_make_dir ();
      bench.store = make_store (dir, count ? (guint) g_ascii_strtoull (count, NULL, 10) : 200000);
    }

  bench.window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (bench.window, 1200, 800);
  bench.pane = KEFU_CUSTOMERS_PANE (kefu_customers_pane_new ());
  adw_window_set_content (ADW_WINDOW (bench.window), GTK_WIDGET (bench.pane));
  gtk_window_present (bench.window);
  kefu_test_flush ();

  bench_open (&bench);
  bench_sort_and_search (&bench);
  bench_export (&bench);
  bench_scroll (&bench);

  gtk_window_destroy (bench.window);
  kefu_test_flush ();
  kefu_test_wait_until (G_OBJECT (bench.store)->ref_count == 1);
  g_clear_object (&bench.store);
  if (dir != NULL)
    kefu_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int result;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/kefu/bench/customers", bench_customers);

  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
