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

#include "kefu-bench-ui.h"
#include "kefu-ui-test.h"

#define KEFU_COMPLAINT_VIEW(bench) (KEFU_COMPLAINT_LIST_VIEW ((bench)->view))

typedef struct
{
  const char  *column;
  GtkSortType  order;
} Sort;

static void
sort_by (KefuBenchUi *bench,
         gpointer     data)
{
  const Sort *sort = data;
  GtkColumnView *column_view = kefu_bench_ui_column_view (bench);

  gtk_column_view_sort_by_column (column_view, kefu_bench_ui_find_column (column_view, sort->column),
                                  sort->order);
}

static void
set_filter (KefuBenchUi *bench,
            gpointer     data)
{
  kefu_complaint_list_view_set_filter (KEFU_COMPLAINT_VIEW (bench), data);
}

static void
bench_sort_and_filter (KefuBenchUi *bench)
{
  static const Sort sorts[] = {
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
      double filled, drawn, whole;

      drawn = kefu_bench_ui_measure (bench, sort_by, (gpointer) &sorts[i], &filled, &whole);
      times[i] = filled;
      g_test_message ("SORT by %s: first rows filled after %.1f ms, drawn after %.1f ms, "
                      "every id read after %.1f ms", sorts[i].column, filled, drawn, whole);
    }
  g_test_message ("SORT: median %.1f ms to the first rows filled",
                  kefu_bench_ui_median (times, G_N_ELEMENTS (sorts)));

  {
    g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
    static const char * const texts[] = { "王", "20261101", NULL };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        double filled, drawn, whole;

        g_free (filter->text);
        filter->text = g_strdup (texts[i]);
        filter->urgent_only = texts[i] == NULL;
        drawn = kefu_bench_ui_measure (bench, set_filter, filter, &filled, &whole);
        g_test_message ("FILTER %s (%u complaints): first rows filled after %.1f ms, drawn after "
                        "%.1f ms, every id read after %.1f ms",
                        texts[i] != NULL ? texts[i] : "urgent only",
                        g_list_model_get_n_items (bench->model), filled, drawn, whole);
      }
    kefu_complaint_list_view_set_filter (KEFU_COMPLAINT_VIEW (bench), NULL);
    kefu_test_wait_until (!kefu_bench_ui_is_busy (bench));
  }
}

static void
bench_scroll (KefuBenchUi *bench)
{
  GRand *rand = g_rand_new_with_seed (7);
  double jumps[30];
  double median_gap, longest_gap;

  /* A quick drag: three screens a step, one frame a step. */
  kefu_bench_ui_drag (bench, 3, 600, 0, &median_gap, &longest_gap);

  /* Jumps anywhere: until the rows on screen there have their cards. */
  for (guint i = 0; i < G_N_ELEMENTS (jumps); i++)
    jumps[i] = kefu_bench_ui_jump (bench, g_rand_double (rand));
  {
    /* The median sorts: the longest is last after it. */
    double middle = kefu_bench_ui_median (jumps, G_N_ELEMENTS (jumps));

    g_test_message ("JUMP: rows filled a median %.1f ms after a jump (longest %.1f ms, 30 jumps)",
                    middle, jumps[G_N_ELEMENTS (jumps) - 1]);
  }

  g_rand_free (rand);
}

static void
bench_complaint_list (void)
{
  KefuBenchUi bench = { 0 };
  GtkWidget *view;
  g_autoptr(KefuStore) store = kefu_bench_ui_open_store ("kefuctl generate --complaints");

  if (store == NULL)
    return;

  view = GTK_WIDGET (kefu_complaint_list_view_new ());
  kefu_bench_ui_start (&bench, store, view,
                       _kefu_complaint_list_view_get_model (KEFU_COMPLAINT_LIST_VIEW (view)));

  /* KEFU_BENCH_ONLY=scroll skips the sorts and filters, KEFU_BENCH_ONLY=open all but the
   * opening. */
  kefu_bench_ui_open (&bench, "complaints");
  if (g_strcmp0 (g_getenv ("KEFU_BENCH_ONLY"), "open") == 0)
    {
      kefu_bench_ui_finish (&bench);
      return;
    }
  if (g_strcmp0 (g_getenv ("KEFU_BENCH_ONLY"), "scroll") != 0)
    bench_sort_and_filter (&bench);
  /* KEFU_BENCH_TEXT: the drag over the complaints that text finds, to compare lengths. */
  if (g_getenv ("KEFU_BENCH_TEXT") != NULL)
    {
      g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();

      filter->text = g_strdup (g_getenv ("KEFU_BENCH_TEXT"));
      kefu_complaint_list_view_set_filter (KEFU_COMPLAINT_VIEW (&bench), filter);
      kefu_test_wait_until (!kefu_bench_ui_is_busy (&bench));
    }
  bench_scroll (&bench);

  kefu_bench_ui_finish (&bench);
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
