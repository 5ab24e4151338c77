/* test-store-dashboard.h: what the dashboard tests share: a small fixed data set, written
 * through the store's own writes (calls, complaints worked step by step under the store's
 * clock, archiving) and, for callbacks, shipments and service jobs, straight into their tables
 * with exactly the times the figures count from; and the checks that a figure's records are as
 * many as the figure.
 *
 * The times are local (Asia/Shanghai). The period is 2026-11-09 and 11-10, the previous period
 * 11-07 and 11-08; "now" is 2026-11-10 18:00. The records and what each counts for are listed
 * in test-store-dashboard.c.
 */
#pragma once

#include "store/kefu-store-dashboard.h"
#include "test-store-complaint-changes.h"

G_BEGIN_DECLS

typedef struct
{
  Company co;
  gint64  a;        /* co.clerk, CS department */
  gint64  b;        /* co.clerk2, CS department */
  gint64  c;        /* a clerk of team2 */
  gint64  team2;
  gint64  customer;
  gint64  member;
  gint64  k[8];     /* complaints k1…k7 (k[0] unused) */
  gint64  s[8];     /* shipments s1…s7 */
  gint64  j[11];    /* jobs j1…j10 */
  gint64  cb[8];    /* callbacks cb1…cb7 */
} DashData;

void           dash_setup         (KefuStore *store, DashData *d);
/* The dashboard of local days 2026-m1-d1 to m2-d2, at now (the data's now). */
KefuDashboard *dash_make          (KefuStore *store, int m1, int d1, int m2, int d2,
                                   gint64 team, gint64 clerk);
/* Asserts that the records of (figure, key) in the dashboard's query are `expected`, in
 * number; returns them (transfer full). */
GArray        *dash_assert_records (KefuStore *store, const KefuDashboard *dash,
                                    KefuDashboardFigure figure, gint64 key, guint expected);
void           dash_assert_count   (const KefuDashboardCount *count, guint value,
                                    guint previous);

void           test_store_add_dashboard_figure_tests (void);

G_END_DECLS
