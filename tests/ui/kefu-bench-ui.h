/* kefu-bench-ui.h: timing a list view over a big database, shared by the list benchmarks
 * (bench-complaint-list, bench-aftersales-lists): a change measured to its first rows filled and
 * drawn, a drag measured as the gaps between frames, and jumps measured to the rows on screen
 * filled. The view is any list view over a KefuLazyListModel of KefuLazyItem with a "store" and
 * a read-only "busy" property.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* Each figure but the drag is the median of this many runs. */
#define KEFU_BENCH_UI_RUNS 5

typedef struct
{
  GtkWindow  *window;
  GtkWidget  *view;
  GListModel *model;
  KefuStore  *store;
  /* Set when a new list starts (rows added at its top); cleared before each measured change. */
  gboolean    new_rows;
  gint64      new_rows_at;
  /* After kefu_bench_ui_measure (): the ms from the change to the head of the new ids (the
   * first rows known, their records not read yet). */
  double      head;
} KefuBenchUi;

/* A change of the list (a sort, a filter) made by the measured code. */
typedef void (*KefuBenchUiChange) (KefuBenchUi *bench,
                                   gpointer     data);

/* The store at KEFU_BENCH_DATABASE; without it NULL, the test skipped with a word on the database
 * to make (`how_to_make`: "kefuctl generate --complaints"). */
KefuStore           *kefu_bench_ui_open_store   (const char        *how_to_make);
/* Shows `view` (its `model`, transfer none) alone in a presented window and gives it `store`
 * only when measured (kefu_bench_ui_open ()). */
void                 kefu_bench_ui_start        (KefuBenchUi       *bench,
                                                 KefuStore         *store,
                                                 GtkWidget         *view,
                                                 GListModel        *model);
void                 kefu_bench_ui_finish       (KefuBenchUi       *bench);

/* Sorts `values` and returns their median. */
double               kefu_bench_ui_median       (double            *values,
                                                 guint              n);
gboolean             kefu_bench_ui_is_busy      (KefuBenchUi       *bench);
/* Makes `change` and waits for what a user waits for: the first rows of the new list filled and
 * a frame drawn. Returns the ms until drawn; `filled` gets the ms until the first row was filled
 * and `whole` those until every id was read (it returns only then, so that the next measure
 * starts from a quiet worker). */
double               kefu_bench_ui_measure      (KefuBenchUi       *bench,
                                                 KefuBenchUiChange  change,
                                                 gpointer           data,
                                                 double            *filled,
                                                 double            *whole);
/* KEFU_BENCH_UI_RUNS times: the view without a store, then given it, measured. Logs the runs
 * and the medians as "OPEN (<n> <what>)"; returns the median ms to the first rows drawn. */
double               kefu_bench_ui_open         (KefuBenchUi       *bench,
                                                 const char        *what);

/* The view's (mapped) column view, and its column `id`. */
GtkColumnView       *kefu_bench_ui_column_view  (KefuBenchUi       *bench);
GtkColumnViewColumn *kefu_bench_ui_find_column  (GtkColumnView     *column_view,
                                                 const char        *id);

/* A quick drag from the top: `screens` screens a step, one frame a step, at most `n_steps`
 * steps and about `n_rows` rows (0: no limit), to the end at most. Logs it as "SCROLL";
 * `median_gap` and `longest_gap` get the frame gaps in ms. Fails when the model caches more
 * pages than it may. */
void                 kefu_bench_ui_drag         (KefuBenchUi       *bench,
                                                 double             screens,
                                                 guint              n_steps,
                                                 guint              n_rows,
                                                 double            *median_gap,
                                                 double            *longest_gap);
/* Sets the scroll position at `fraction` of the list and returns the ms until the rows on screen
 * there were filled. */
double               kefu_bench_ui_jump         (KefuBenchUi       *bench,
                                                 double             fraction);

G_END_DECLS
