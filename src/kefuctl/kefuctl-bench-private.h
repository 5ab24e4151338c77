/* kefuctl-bench-private.h: what `kefuctl bench intake`, `complaints` and `aftersales` share:
 * one measured operation, and the table of medians and 90th percentiles against the targets.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"

G_BEGIN_DECLS

typedef gboolean (*KefuctlBenchFunc) (gpointer   data,
                                      GError   **error);

typedef struct
{
  const char       *what;       /* N_() */
  double            target_ms;  /* 0: none */
  KefuctlBenchFunc  run;
  guint             rounds;     /* 0: --rounds; else at most this many */
} KefuctlBenchOperation;

/* Runs each operation once untimed (to fill the caches), then `rounds` times, and prints the
 * table with the first run, median, 90th percentile and target of each, and how many are over
 * their targets. */
gboolean kefuctl_bench_measure (const KefuctlBenchOperation *operations,
                                guint                        n_operations,
                                gpointer                     data,
                                guint                        rounds,
                                GError                     **error);

/* kefuctl-bench-complaints.c: `kefuctl bench complaints`. */
gboolean kefuctl_bench_complaints (KefuStore  *store,
                                   guint       rounds,
                                   gboolean    late_check,
                                   GError    **error);

/* kefuctl-bench-aftersales.c: `kefuctl bench aftersales`. */
gboolean kefuctl_bench_aftersales (KefuStore  *store,
                                   guint       rounds,
                                   GError    **error);

/* kefuctl-bench-callbacks.c: `kefuctl bench callbacks`. */
gboolean kefuctl_bench_callbacks (KefuStore  *store,
                                  guint       rounds,
                                  GError    **error);

/* kefuctl-bench-dashboard.c: `kefuctl bench dashboard`; `from` and `to` (both or neither) the
 * period, else the last full month of the data. */
gboolean kefuctl_bench_dashboard (KefuStore    *store,
                                  guint         rounds,
                                  const GDate  *from,
                                  const GDate  *to,
                                  GError      **error);

G_END_DECLS
