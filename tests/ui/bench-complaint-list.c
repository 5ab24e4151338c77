/* bench-complaint-list.c: how fast the complaint list view opens, re-sorts, filters and scrolls
 * over a big database, with the real GtkColumnView on a display.
 *
 *   KEFU_BENCH_DATABASE=/tmp/big.db bench-complaint-list   (kefuctl generate --complaints 500000;
 *                                                          a postgresql:// location works too)
 *
 * Without KEFU_BENCH_DATABASE it is skipped. "Open" is measured from giving the view its store
 * to the first row filled in and the next frame drawn, as a median of five; "jump" from setting
 * the scroll position anywhere to the rows there filled; the drag as the pauses between frames.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-bench-complaint-list"

#include "config.h"

#include "complaints/kefu-complaint-list-view-private.h"
#include "widgets/kefu-lazy-list-model.h"

#include "kefu-ui-test.h"

#define RUNS 5

typedef struct
{
  GtkWindow             *window;
  KefuComplaintListView *view;
  KefuStore             *store;
  gint64                 last_frame;
  gint64                 longest_gap;
  guint                  frames;
  gint64                *gaps;
  gboolean               new_rows;
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

static gboolean
is_busy (KefuComplaintListView *view)
{
  gboolean busy;

  g_object_get (view, "busy", &busy, NULL);
  return busy;
}

static void
frame_cb (GdkFrameClock *clock,
          gboolean      *drawn)
{
  *drawn = TRUE;
}

/* A new list starts: the head of the ids arrived (or all of them, without a head read). */
static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Bench      *bench)
{
  if (position == 0 && added > 0)
    bench->new_rows = TRUE;
}

/* Waits for what a user waits for: the first rows of the new list (bench->new_rows, cleared by
 * the caller before it changed the list) with the first row's card, then a frame drawn; returns
 * ms since `started`, with `filled` the ms until the card. The rest of the ids may still be read
 * behind them (the model reads the head of a new list first); `whole` gets the ms until every id
 * was read, and the function returns only then, so that the next measure starts from a quiet
 * worker. A list that starts with the same rows as before (no change at its top) is measured to
 * its whole read. */
static double
wait_first_rows (Bench  *bench,
                 gint64  started,
                 double *filled,
                 double *whole)
{
  GListModel *model = _kefu_complaint_list_view_get_model (bench->view);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
  g_autoptr(KefuLazyItem) first = NULL;
  gboolean drawn = FALSE;
  gulong handler;
  double shown;
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!bench->new_rows && is_busy (bench->view))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  if (g_list_model_get_n_items (model) > 0)
    {
      first = g_list_model_get_item (model, 0);
      while (kefu_lazy_item_get_value (first) == NULL)
        {
          g_main_context_iteration (NULL, TRUE);
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        }
    }
  *filled = (g_get_monotonic_time () - started) / 1000.0;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_cb), &drawn);
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  while (!drawn)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  shown = (g_get_monotonic_time () - started) / 1000.0;

  while (is_busy (bench->view))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  *whole = (g_get_monotonic_time () - started) / 1000.0;
  return shown;
}

static void
bench_open (Bench *bench)
{
  double filled[RUNS], drawn[RUNS], whole[RUNS];

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 started;

      g_object_set (bench->view, "store", NULL, NULL);
      kefu_test_flush ();
      bench->new_rows = FALSE;
      started = g_get_monotonic_time ();
      g_object_set (bench->view, "store", bench->store, NULL);
      drawn[run] = wait_first_rows (bench, started, &filled[run], &whole[run]);
      g_test_message ("open %u: first rows filled after %.1f ms, drawn after %.1f ms, "
                      "every id read after %.1f ms", run + 1, filled[run], drawn[run], whole[run]);
    }
  g_test_message ("OPEN (%u complaints): first rows filled after a median %.1f ms, drawn after "
                  "%.1f ms, every id read after %.1f ms",
                  g_list_model_get_n_items (_kefu_complaint_list_view_get_model (bench->view)),
                  median (filled, RUNS), median (drawn, RUNS), median (whole, RUNS));
}

static GtkColumnViewColumn *
find_column (GtkColumnView *column_view,
             const char    *id)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_id (column), id) == 0)
        return column;
    }
  g_assert_not_reached ();
}

static void
bench_sort_and_filter (Bench *bench)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (kefu_test_find_mapped (GTK_WIDGET (bench->view),
                                                                       GTK_TYPE_COLUMN_VIEW));
  static const struct { const char *column; GtkSortType order; } sorts[] = {
    { "reference", GTK_SORT_ASCENDING },
    { "customer", GTK_SORT_ASCENDING },
    { "deadline", GTK_SORT_ASCENDING },
    { "stage", GTK_SORT_ASCENDING },
    { "owner", GTK_SORT_DESCENDING },
    { "received", GTK_SORT_DESCENDING },
  };
  double times[G_N_ELEMENTS (sorts)];

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      gint64 started;
      double filled, drawn, whole;

      bench->new_rows = FALSE;
      started = g_get_monotonic_time ();
      gtk_column_view_sort_by_column (column_view, find_column (column_view, sorts[i].column),
                                      sorts[i].order);
      drawn = wait_first_rows (bench, started, &filled, &whole);
      times[i] = filled;
      g_test_message ("SORT by %s: first rows filled after %.1f ms, drawn after %.1f ms, "
                      "every id read after %.1f ms", sorts[i].column, filled, drawn, whole);
    }
  g_test_message ("SORT: median %.1f ms to the first rows filled", median (times, G_N_ELEMENTS (sorts)));

  {
    g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
    static const char * const texts[] = { "王", "20261101", NULL };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        gint64 started;
        double filled, drawn, whole;

        g_free (filter->text);
        filter->text = g_strdup (texts[i]);
        filter->urgent_only = texts[i] == NULL;
        bench->new_rows = FALSE;
        started = g_get_monotonic_time ();
        kefu_complaint_list_view_set_filter (bench->view, filter);
        drawn = wait_first_rows (bench, started, &filled, &whole);
        g_test_message ("FILTER %s (%u complaints): first rows filled after %.1f ms, drawn after "
                        "%.1f ms, every id read after %.1f ms",
                        texts[i] != NULL ? texts[i] : "urgent only",
                        g_list_model_get_n_items (_kefu_complaint_list_view_get_model (bench->view)),
                        filled, drawn, whole);
      }
    kefu_complaint_list_view_set_filter (bench->view, NULL);
    kefu_test_wait_until (!is_busy (bench->view));
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
  KefuLazyListModel *model = KEFU_LAZY_LIST_MODEL (_kefu_complaint_list_view_get_model (bench->view));
  GtkWidget *scrolled = gtk_widget_get_ancestor (kefu_test_find_mapped (GTK_WIDGET (bench->view),
                                                                        GTK_TYPE_COLUMN_VIEW),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GRand *rand = g_rand_new_with_seed (7);
  double jumps[30];
  guint n_steps = 600;
  guint tick;
  gint64 started;

  /* From the top, once the list laid out since its last reload has its real length. */
  gtk_adjustment_set_value (adjustment, 0);
  kefu_test_flush ();

  bench->gaps = g_new0 (gint64, n_steps * 4);
  bench->frames = 0;
  bench->last_frame = 0;
  bench->longest_gap = 0;

  /* A quick drag: three screens a step, one frame a step. */
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (bench->window), tick_cb, bench, NULL);
  started = g_get_monotonic_time ();
  for (guint step = 0; step < n_steps; step++)
    {
      double value = gtk_adjustment_get_value (adjustment) + 3 * gtk_adjustment_get_page_size (adjustment);
      double last = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      guint before = bench->frames;
      gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

      /* At the end nothing moves any more, and frames that draw nothing would flatter the figures. */
      if (gtk_adjustment_get_value (adjustment) >= last)
        break;
      gtk_adjustment_set_value (adjustment, MIN (value, last));
      while (bench->frames == before && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
    }
  gtk_widget_remove_tick_callback (GTK_WIDGET (bench->window), tick);
  qsort (bench->gaps, bench->frames, sizeof (gint64), compare_gaps);
  g_test_message ("SCROLL: %u frames in %.0f ms over %.0f%% of the list; frame gap median %.1f ms, "
                  "95th percentile %.1f ms, longest %.1f ms; %u pages cached",
                  bench->frames, (g_get_monotonic_time () - started) / 1000.0,
                  100.0 * gtk_adjustment_get_value (adjustment) / gtk_adjustment_get_upper (adjustment),
                  bench->gaps[bench->frames / 2] / 1000.0,
                  bench->gaps[bench->frames * 95 / 100] / 1000.0,
                  bench->longest_gap / 1000.0, kefu_lazy_list_model_get_n_cached_pages (model));
  g_assert_cmpuint (kefu_lazy_list_model_get_n_cached_pages (model), <=, KEFU_LAZY_LIST_MAX_PAGES);

  /* Jumps anywhere: until the rows on screen there have their cards. Which rows are on screen
   * follows from the adjustment, the rows being of one height. */
  for (guint i = 0; i < G_N_ELEMENTS (jumps); i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
      double row_height = gtk_adjustment_get_upper (adjustment) / n_items;
      g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
      double value = g_rand_double (rand) * upper;
      guint first = (guint) (value / row_height);
      guint last = MIN (n_items, (guint) ((value + gtk_adjustment_get_page_size (adjustment)) / row_height));
      gboolean filled = FALSE;

      started = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, value);
      while (!filled)
        {
          g_main_context_iteration (NULL, TRUE);
          /* Asked for only once the view has laid the rows out, as it does. */
          if (shown->len == 0)
            {
              for (guint j = first; j < last; j++)
                g_ptr_array_add (shown, g_list_model_get_item (G_LIST_MODEL (model), j));
            }
          filled = TRUE;
          for (guint j = 0; j < shown->len && filled; j++)
            filled = kefu_lazy_item_get_value (shown->pdata[j]) != NULL;
        }
      jumps[i] = (g_get_monotonic_time () - started) / 1000.0;
    }
  {
    /* median () sorts: the longest is last after it. */
    double middle = median (jumps, G_N_ELEMENTS (jumps));

    g_test_message ("JUMP: rows filled a median %.1f ms after a jump (longest %.1f ms, 30 jumps)",
                    middle, jumps[G_N_ELEMENTS (jumps) - 1]);
  }

  g_rand_free (rand);
  g_clear_pointer (&bench->gaps, g_free);
}

static void
bench_complaint_list (void)
{
  const char *location = g_getenv ("KEFU_BENCH_DATABASE");
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };

  if (location == NULL)
    {
      g_test_skip ("Set KEFU_BENCH_DATABASE to a database from kefuctl generate --complaints");
      return;
    }

  bench.store = kefu_store_open (location, NULL, &error);
  g_assert_no_error (error);
  bench.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (bench.window, 1300, 800);
  bench.view = kefu_complaint_list_view_new ();
  gtk_window_set_child (bench.window, GTK_WIDGET (bench.view));
  gtk_window_present (bench.window);
  g_signal_connect (_kefu_complaint_list_view_get_model (bench.view), "items-changed",
                    G_CALLBACK (items_changed_cb), &bench);
  kefu_test_flush ();

  /* KEFU_BENCH_ONLY=scroll skips the sorts and filters, KEFU_BENCH_ONLY=open all but the
   * opening. */
  bench_open (&bench);
  if (g_strcmp0 (g_getenv ("KEFU_BENCH_ONLY"), "open") == 0)
    {
      gtk_window_destroy (bench.window);
      kefu_test_flush ();
      g_clear_object (&bench.store);
      return;
    }
  if (g_strcmp0 (g_getenv ("KEFU_BENCH_ONLY"), "scroll") != 0)
    bench_sort_and_filter (&bench);
  /* KEFU_BENCH_TEXT: the drag over the complaints that text finds, to compare lengths. */
  if (g_getenv ("KEFU_BENCH_TEXT") != NULL)
    {
      g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();

      filter->text = g_strdup (g_getenv ("KEFU_BENCH_TEXT"));
      kefu_complaint_list_view_set_filter (bench.view, filter);
      kefu_test_wait_until (!is_busy (bench.view));
    }
  bench_scroll (&bench);

  gtk_window_destroy (bench.window);
  kefu_test_flush ();
  g_clear_object (&bench.store);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int result;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/kefu/bench/complaint-list", bench_complaint_list);
  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
