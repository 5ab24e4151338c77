/* bench-aftersales-lists.c: how fast the shipment and service job lists open, re-sort, filter,
 * search, jump and scroll over a big database, with the real GtkColumnView on a display.
 *
 *   KEFU_BENCH_DATABASE=/tmp/as.db bench-aftersales-lists
 *     (kefuctl demo, then kefuctl generate --customers 20000 --shipments 200000 --jobs 200000;
 *     a postgresql:// location works too)
 *
 * Without KEFU_BENCH_DATABASE it is skipped. Each figure but the drag is the median of five
 * (kefu-bench-ui.h): "open" from giving the view its store to the first rows filled and the next
 * frame drawn, in the default order (attention) over the open records; each column's sort from
 * the default order; the attention filter (overdue shipments, jobs awaiting approval), every
 * record (Open Only off) and a search from the default view; the sorts and the search once more
 * over every record; a jump to near the middle of every record to the rows there filled; and a
 * drag over a few thousand of every record as the gaps between frames. Each figure is logged
 * once more as "FIGURE <list> <what> <ms>" to be read by scripts.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-bench-aftersales-lists"

#include "config.h"

#include "aftersales/kefu-job-list-view.h"
#include "aftersales/kefu-shipment-list-view.h"
#include "widgets/kefu-lazy-list-model.h"

#include "kefu-bench-ui.h"
#include "kefu-ui-test.h"

#define RUNS KEFU_BENCH_UI_RUNS

typedef struct
{
  const char  *column;
  GtkSortType  order;
} Sort;

/* What differs between the two lists. */
typedef struct
{
  const char  *what;
  GtkWidget * (*new_view)  (void);
  GListModel *(*get_model) (GtkWidget *view);
  /* The label of the filter bar's toggle for the records needing attention. */
  const char  *attention_toggle;
  const char  *search;
  /* The default order's column comes last, the other way round (the default is no change). */
  Sort         sorts[8];
} ListKind;

static GListModel *
shipment_model (GtkWidget *view)
{
  return kefu_shipment_list_view_get_model (KEFU_SHIPMENT_LIST_VIEW (view));
}

static GListModel *
job_model (GtkWidget *view)
{
  return _kefu_job_list_view_get_model (KEFU_JOB_LIST_VIEW (view));
}

static const ListKind kinds[] = {
  {
    "shipments", kefu_shipment_list_view_new, shipment_model, "Overdue Only", "王",
    {
      { "reference", GTK_SORT_ASCENDING },
      { "customer", GTK_SORT_ASCENDING },
      { "step", GTK_SORT_ASCENDING },
      { "expected", GTK_SORT_ASCENDING },
      { "attention", GTK_SORT_DESCENDING },
    },
  },
  {
    "service jobs", kefu_job_list_view_new, job_model, "Awaiting Approval", "王",
    {
      { "reference", GTK_SORT_ASCENDING },
      { "reported", GTK_SORT_DESCENDING },
      { "customer", GTK_SORT_ASCENDING },
      { "kind", GTK_SORT_ASCENDING },
      { "step", GTK_SORT_ASCENDING },
      { "technician", GTK_SORT_ASCENDING },
      { "waiting", GTK_SORT_DESCENDING },
    },
  },
};

static void
figure (const ListKind *kind,
        const char     *what,
        double          ms)
{
  g_test_message ("FIGURE %s %s %.1f", kind->what, what, ms);
}

/* Changes of the list, as a person makes them */

static void
sort_by (KefuBenchUi *bench,
         gpointer     data)
{
  const Sort *sort = data;
  GtkColumnView *column_view = kefu_bench_ui_column_view (bench);

  gtk_column_view_sort_by_column (column_view,
                                  sort != NULL ? kefu_bench_ui_find_column (column_view, sort->column) : NULL,
                                  sort != NULL ? sort->order : GTK_SORT_ASCENDING);
}

static GtkToggleButton *
find_toggle (KefuBenchUi *bench,
             const char  *label)
{
  g_autoptr(GPtrArray) toggles = kefu_test_find_all (bench->view, GTK_TYPE_TOGGLE_BUTTON);

  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (toggles->pdata[i]), label) == 0)
      return toggles->pdata[i];
  g_error ("No toggle button “%s” in the list view", label);
}

typedef struct
{
  const char *label;
  gboolean    active;
} Toggle;

static void
set_toggle (KefuBenchUi *bench,
            gpointer     data)
{
  const Toggle *toggle = data;

  gtk_toggle_button_set_active (find_toggle (bench, toggle->label), toggle->active);
}

static void
search (KefuBenchUi *bench,
        gpointer     data)
{
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (kefu_test_find_mapped (bench->view, GTK_TYPE_SEARCH_ENTRY));

  /* Measured from the end of typing: the entry's delay is for the keys still coming. */
  const char *text = data != NULL ? data : "";

  /* An unchanged text reads nothing. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0)
    return;
  gtk_search_entry_set_search_delay (entry, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  while (!kefu_bench_ui_is_busy (bench))
    g_main_context_iteration (NULL, TRUE);
}

/* Measures `change` RUNS times, each after `undo` (not measured); logs the medians and returns
 * the one to the first rows drawn. */
static double
measure_runs (KefuBenchUi       *bench,
              const ListKind    *kind,
              const char        *what,
              KefuBenchUiChange  undo,
              gpointer           undo_data,
              KefuBenchUiChange  change,
              gpointer           data)
{
  double head[RUNS], filled[RUNS], drawn[RUNS], whole[RUNS];
  double ignored, middle;
  guint n_items = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      kefu_bench_ui_measure (bench, undo, undo_data, &ignored, &ignored);
      drawn[run] = kefu_bench_ui_measure (bench, change, data, &filled[run], &whole[run]);
      head[run] = bench->head;
      n_items = g_list_model_get_n_items (bench->model);
    }
  middle = kefu_bench_ui_median (drawn, RUNS);
  g_test_message ("%s (%u %s): head of the ids after a median %.1f ms, first rows filled after "
                  "%.1f ms, drawn after %.1f ms, every id read after %.1f ms", what, n_items,
                  kind->what, kefu_bench_ui_median (head, RUNS), kefu_bench_ui_median (filled, RUNS), middle, kefu_bench_ui_median (whole, RUNS));
  figure (kind, what, middle);
  return middle;
}

static void
bench_sorts (KefuBenchUi    *bench,
             const ListKind *kind,
             const char     *over)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind->sorts) && kind->sorts[i].column != NULL; i++)
    {
      g_autofree char *what = g_strdup_printf ("SORT %s by %s%s", over, kind->sorts[i].column,
                                               kind->sorts[i].order == GTK_SORT_DESCENDING
                                               ? " descending" : "");

      measure_runs (bench, kind, what, sort_by, NULL, sort_by, (gpointer) &kind->sorts[i]);
    }
}

static void
bench_filters (KefuBenchUi    *bench,
               const ListKind *kind)
{
  Toggle attention_on = { kind->attention_toggle, TRUE };
  Toggle attention_off = { kind->attention_toggle, FALSE };
  Toggle open_on = { "Open Only", TRUE };
  Toggle open_off = { "Open Only", FALSE };
  g_autofree char *attention = g_strdup_printf ("FILTER %s", kind->attention_toggle);
  g_autofree char *open_search = g_strdup_printf ("SEARCH open %s", kind->search);
  g_autofree char *all_search = g_strdup_printf ("SEARCH all %s", kind->search);
  double ignored;

  measure_runs (bench, kind, attention, set_toggle, &attention_off, set_toggle, &attention_on);
  kefu_bench_ui_measure (bench, set_toggle, &attention_off, &ignored, &ignored);
  measure_runs (bench, kind, "FILTER all (Open Only off)", set_toggle, &open_on, set_toggle, &open_off);
  kefu_bench_ui_measure (bench, set_toggle, &open_on, &ignored, &ignored);
  measure_runs (bench, kind, open_search, search, NULL, search, (gpointer) kind->search);

  /* Over every record. */
  kefu_bench_ui_measure (bench, set_toggle, &open_off, &ignored, &ignored);
  measure_runs (bench, kind, all_search, search, NULL, search, (gpointer) kind->search);
  kefu_bench_ui_measure (bench, search, NULL, &ignored, &ignored);
  bench_sorts (bench, kind, "all");
  kefu_bench_ui_measure (bench, sort_by, NULL, &ignored, &ignored);
  kefu_bench_ui_measure (bench, set_toggle, &open_on, &ignored, &ignored);
}

/* Over every record: jumps near the middle (each to rows not read before), then the drag. */
static void
bench_scroll (KefuBenchUi    *bench,
              const ListKind *kind)
{
  Toggle open_off = { "Open Only", FALSE };
  double jumps[RUNS];
  double median_gap, longest_gap, ignored;

  kefu_bench_ui_measure (bench, set_toggle, &open_off, &ignored, &ignored);
  kefu_test_flush ();
  for (guint run = 0; run < RUNS; run++)
    {
      kefu_bench_ui_jump (bench, 0);
      jumps[run] = kefu_bench_ui_jump (bench, 0.5 + (run - 2.0) * 0.02);
      g_test_message ("jump %u: rows filled after %.1f ms", run + 1, jumps[run]);
    }
  g_test_message ("JUMP to the middle (%u %s): rows filled after a median %.1f ms",
                  g_list_model_get_n_items (bench->model), kind->what,
                  kefu_bench_ui_median (jumps, RUNS));
  figure (kind, "JUMP middle", kefu_bench_ui_median (jumps, RUNS));

  /* A drag of a screen a frame, over about 5,000 rows. */
  kefu_bench_ui_drag (bench, 1, 2000, 5000, &median_gap, &longest_gap);
  figure (kind, "DRAG median gap", median_gap);
  figure (kind, "DRAG longest gap", longest_gap);
}

static void
bench_list (gconstpointer data)
{
  const ListKind *kind = data;
  const char *only = g_getenv ("KEFU_BENCH_ONLY");
  KefuBenchUi bench = { 0 };
  GtkWidget *view;
  g_autoptr(KefuStore) store = kefu_bench_ui_open_store ("kefuctl generate --shipments --jobs");

  if (store == NULL)
    return;

  view = kind->new_view ();
  kefu_bench_ui_start (&bench, store, view, kind->get_model (view));

  /* KEFU_BENCH_ONLY=open measures only the opening, KEFU_BENCH_ONLY=scroll skips the sorts
   * and filters. */
  figure (kind, "OPEN", kefu_bench_ui_open (&bench, kind->what));
  if (g_strcmp0 (only, "open") != 0)
    {
      if (g_strcmp0 (only, "scroll") != 0)
        {
          bench_sorts (&bench, kind, "open");
          bench_filters (&bench, kind);
        }
      bench_scroll (&bench, kind);
    }

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
  g_test_add_data_func ("/kefu/bench/aftersales-lists/shipments", &kinds[0], bench_list);
  g_test_add_data_func ("/kefu/bench/aftersales-lists/jobs", &kinds[1], bench_list);
  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
