/* kefu-bench-ui.c: timing a list view over a big database, shared by the list benchmarks.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-bench-ui"

#include "config.h"

#include "widgets/kefu-lazy-list-model.h"

#include "kefu-bench-ui.h"
#include "kefu-ui-test.h"

/* A new list starts: the head of the ids arrived (or all of them, without a head read). */
static void
items_changed_cb (GListModel  *model,
                  guint        position,
                  guint        removed,
                  guint        added,
                  KefuBenchUi *bench)
{
  if (position == 0 && added > 0 && !bench->new_rows)
    {
      bench->new_rows = TRUE;
      bench->new_rows_at = g_get_monotonic_time ();
    }
}

KefuStore *
kefu_bench_ui_open_store (const char *how_to_make)
{
  const char *location = g_getenv ("KEFU_BENCH_DATABASE");
  g_autoptr(GError) error = NULL;
  KefuStore *store;

  if (location == NULL)
    {
      g_autofree char *message = g_strdup_printf ("Set KEFU_BENCH_DATABASE to a database from %s",
                                                  how_to_make);

      g_test_skip (message);
      return NULL;
    }

  store = kefu_store_open (location, NULL, &error);
  g_assert_no_error (error);
  return store;
}

void
kefu_bench_ui_start (KefuBenchUi *bench,
                     KefuStore   *store,
                     GtkWidget   *view,
                     GListModel  *model)
{
  bench->store = store;
  bench->view = view;
  bench->model = model;
  bench->new_rows = FALSE;
  bench->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (bench->window, 1300, 800);
  gtk_window_set_child (bench->window, view);
  gtk_window_present (bench->window);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), bench);
  kefu_test_flush ();
}

void
kefu_bench_ui_finish (KefuBenchUi *bench)
{
  g_signal_handlers_disconnect_by_data (bench->model, bench);
  gtk_window_destroy (bench->window);
  kefu_test_flush ();
  bench->window = NULL;
  bench->view = NULL;
  bench->model = NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
kefu_bench_ui_median (double *values,
                      guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

gboolean
kefu_bench_ui_is_busy (KefuBenchUi *bench)
{
  gboolean busy;

  g_object_get (bench->view, "busy", &busy, NULL);
  return busy;
}

static void
frame_cb (GdkFrameClock *clock,
          gboolean      *drawn)
{
  *drawn = TRUE;
}

/* The rest of the ids may still be read behind the first rows (the model reads the head of a new
 * list first). A list that starts with the same rows as before (no change at its top) is
 * measured to its whole read. */
static double
wait_first_rows (KefuBenchUi *bench,
                 gint64       started,
                 double      *filled,
                 double      *whole)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
  g_autoptr(KefuLazyItem) first = NULL;
  gboolean drawn = FALSE;
  gulong handler;
  double shown;
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!bench->new_rows && kefu_bench_ui_is_busy (bench))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  if (g_list_model_get_n_items (bench->model) > 0)
    {
      first = g_list_model_get_item (bench->model, 0);
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

  while (kefu_bench_ui_is_busy (bench))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  *whole = (g_get_monotonic_time () - started) / 1000.0;
  return shown;
}

double
kefu_bench_ui_measure (KefuBenchUi       *bench,
                       KefuBenchUiChange  change,
                       gpointer           data,
                       double            *filled,
                       double            *whole)
{
  gint64 started;
  double drawn;

  bench->new_rows = FALSE;
  bench->new_rows_at = 0;
  started = g_get_monotonic_time ();
  change (bench, data);
  drawn = wait_first_rows (bench, started, filled, whole);
  bench->head = bench->new_rows_at != 0 ? (bench->new_rows_at - started) / 1000.0 : *filled;
  return drawn;
}

static void
give_store (KefuBenchUi *bench,
            gpointer     data)
{
  g_object_set (bench->view, "store", bench->store, NULL);
}

double
kefu_bench_ui_open (KefuBenchUi *bench,
                    const char  *what)
{
  double head[KEFU_BENCH_UI_RUNS], filled[KEFU_BENCH_UI_RUNS], drawn[KEFU_BENCH_UI_RUNS];
  double whole[KEFU_BENCH_UI_RUNS];
  double middle;

  for (guint run = 0; run < KEFU_BENCH_UI_RUNS; run++)
    {
      g_object_set (bench->view, "store", NULL, NULL);
      kefu_test_flush ();
      drawn[run] = kefu_bench_ui_measure (bench, give_store, NULL, &filled[run], &whole[run]);
      head[run] = bench->head;
      g_test_message ("open %u: head of the ids after %.1f ms, first rows filled after %.1f ms, "
                      "drawn after %.1f ms, every id read after %.1f ms",
                      run + 1, head[run], filled[run], drawn[run], whole[run]);
    }
  middle = kefu_bench_ui_median (drawn, KEFU_BENCH_UI_RUNS);
  g_test_message ("OPEN (%u %s): head of the ids after a median %.1f ms, first rows filled "
                  "after %.1f ms, drawn after %.1f ms, every id read after %.1f ms",
                  g_list_model_get_n_items (bench->model), what,
                  kefu_bench_ui_median (head, KEFU_BENCH_UI_RUNS),
                  kefu_bench_ui_median (filled, KEFU_BENCH_UI_RUNS), middle,
                  kefu_bench_ui_median (whole, KEFU_BENCH_UI_RUNS));
  return middle;
}

GtkColumnView *
kefu_bench_ui_column_view (KefuBenchUi *bench)
{
  return GTK_COLUMN_VIEW (kefu_test_find_mapped (bench->view, GTK_TYPE_COLUMN_VIEW));
}

GtkColumnViewColumn *
kefu_bench_ui_find_column (GtkColumnView *column_view,
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

static GtkAdjustment *
get_vadjustment (KefuBenchUi *bench)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (kefu_bench_ui_column_view (bench)),
                                                 GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

/* The gaps between frames, and where a frame's time goes: from its update (after the tick
 * callbacks) to the end of its layout (where the list binds and measures its rows), and from
 * there to the end of its paint (snapshot and rendering). The rest of a gap is the main loop's
 * other work: the pages arriving, the cells filled. */
typedef struct
{
  gint64  last_frame;
  guint   frames;
  gint64 *gaps;
  gint64  update_at;
  gint64  layout_at;
  guint   n_phases;
  gint64 *layouts;
  gint64 *paints;
} Frames;

static void
update_cb (GdkFrameClock *clock,
           Frames        *frames)
{
  frames->update_at = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock *clock,
           Frames        *frames)
{
  frames->layout_at = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  if (frames->update_at != 0 && frames->layout_at >= frames->update_at)
    {
      frames->layouts[frames->n_phases] = frames->layout_at - frames->update_at;
      frames->paints[frames->n_phases++] = g_get_monotonic_time () - frames->layout_at;
    }
  frames->update_at = frames->layout_at = 0;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Frames *frames = user_data;
  gint64 now = g_get_monotonic_time ();

  if (frames->last_frame != 0)
    frames->gaps[frames->frames++] = now - frames->last_frame;
  frames->last_frame = now;
  return G_SOURCE_CONTINUE;
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

void
kefu_bench_ui_drag (KefuBenchUi *bench,
                    double       screens,
                    guint        n_steps,
                    guint        n_rows,
                    double      *median_gap,
                    double      *longest_gap)
{
  KefuLazyListModel *model = KEFU_LAZY_LIST_MODEL (bench->model);
  GtkAdjustment *adjustment = get_vadjustment (bench);
  g_autofree gint64 *gaps = g_new0 (gint64, n_steps * 4 + 1);
  g_autofree gint64 *layouts = g_new0 (gint64, n_steps * 4 + 1);
  g_autofree gint64 *paints = g_new0 (gint64, n_steps * 4 + 1);
  Frames frames = { 0, 0, gaps, 0, 0, 0, layouts, paints };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
  double row_height;
  guint tick;
  gint64 started;

  /* From the top, once the list laid out since its last reload has its real length. */
  gtk_adjustment_set_value (adjustment, 0);
  kefu_test_flush ();
  row_height = gtk_adjustment_get_upper (adjustment) / MAX (1, g_list_model_get_n_items (bench->model));

  tick = gtk_widget_add_tick_callback (GTK_WIDGET (bench->window), tick_cb, &frames, NULL);
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), &frames);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);
  started = g_get_monotonic_time ();
  for (guint step = 0; step < n_steps; step++)
    {
      double value = gtk_adjustment_get_value (adjustment) + screens * gtk_adjustment_get_page_size (adjustment);
      double last = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      guint before = frames.frames;
      gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

      /* At the end nothing moves any more, and frames that draw nothing would flatter the
       * figures. */
      if (gtk_adjustment_get_value (adjustment) >= last ||
          (n_rows > 0 && gtk_adjustment_get_value (adjustment) >= n_rows * row_height))
        break;
      gtk_adjustment_set_value (adjustment, MIN (value, last));
      while (frames.frames == before && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
    }
  gtk_widget_remove_tick_callback (GTK_WIDGET (bench->window), tick);
  g_signal_handlers_disconnect_by_data (clock, &frames);
  g_assert_cmpuint (frames.frames, >, 0);
  g_assert_cmpuint (frames.n_phases, >, 0);
  qsort (layouts, frames.n_phases, sizeof (gint64), compare_gaps);
  qsort (paints, frames.n_phases, sizeof (gint64), compare_gaps);
  g_test_message ("SCROLL frames: layout (binding the rows) median %.1f ms, longest %.1f ms; "
                  "paint median %.1f ms, longest %.1f ms",
                  layouts[frames.n_phases / 2] / 1000.0, layouts[frames.n_phases - 1] / 1000.0,
                  paints[frames.n_phases / 2] / 1000.0, paints[frames.n_phases - 1] / 1000.0);
  qsort (gaps, frames.frames, sizeof (gint64), compare_gaps);
  *median_gap = gaps[frames.frames / 2] / 1000.0;
  *longest_gap = gaps[frames.frames - 1] / 1000.0;
  g_test_message ("SCROLL: %u frames in %.0f ms over %.0f rows (%.0f%% of the list); frame gap "
                  "median %.1f ms, 95th percentile %.1f ms, longest %.1f ms; %u pages cached",
                  frames.frames, (g_get_monotonic_time () - started) / 1000.0,
                  gtk_adjustment_get_value (adjustment) / row_height,
                  100.0 * gtk_adjustment_get_value (adjustment) / gtk_adjustment_get_upper (adjustment),
                  *median_gap, gaps[frames.frames * 95 / 100] / 1000.0, *longest_gap,
                  kefu_lazy_list_model_get_n_cached_pages (model));
  g_assert_cmpuint (kefu_lazy_list_model_get_n_cached_pages (model), <=, KEFU_LAZY_LIST_MAX_PAGES);
}

double
kefu_bench_ui_jump (KefuBenchUi *bench,
                    double       fraction)
{
  GtkAdjustment *adjustment = get_vadjustment (bench);
  double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  guint n_items = g_list_model_get_n_items (bench->model);
  /* Which rows are on screen follows from the adjustment, the rows being of one height. */
  double row_height = gtk_adjustment_get_upper (adjustment) / MAX (1, n_items);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  double value = fraction * upper;
  guint first = (guint) (value / row_height);
  guint last = MIN (n_items, (guint) ((value + gtk_adjustment_get_page_size (adjustment)) / row_height));
  gboolean filled = FALSE;
  gint64 started = g_get_monotonic_time ();

  gtk_adjustment_set_value (adjustment, value);
  while (!filled)
    {
      g_main_context_iteration (NULL, TRUE);
      /* Asked for only once the view has laid the rows out, as it does. */
      if (shown->len == 0)
        {
          for (guint j = first; j < last; j++)
            g_ptr_array_add (shown, g_list_model_get_item (bench->model, j));
        }
      filled = TRUE;
      for (guint j = 0; j < shown->len && filled; j++)
        filled = kefu_lazy_item_get_value (shown->pdata[j]) != NULL;
    }
  return (g_get_monotonic_time () - started) / 1000.0;
}
