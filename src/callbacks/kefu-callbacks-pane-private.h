/* kefu-callbacks-pane-private.h: what the Callbacks pane's files share: the pane's struct, its
 * pages and actions (kefu-callbacks-pane.c) and its reading (kefu-callbacks-pane-load.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-staff.h"
#include "widgets/kefu-live.h"

#include "kefu-callback-agenda.h"
#include "kefu-callback-month-view.h"
#include "kefu-callback-week-view.h"
#include "kefu-callbacks-pane.h"

G_BEGIN_DECLS

struct _KefuCallbacksPane
{
  AdwBin                 parent_instance;

  KefuStore             *store;
  KefuStaff             *staff;
  KefuLive               *live;        /* what others save; NULL: nothing live */
  GCancellable          *load_cancellable;
  GCancellable          *next_cancellable;
  guint                  load_source;
  gboolean               load_day_only;  /* only the chosen day changed since the last read */
  /* What the last read covered: a new day in the same range reads that day alone. */
  gboolean               read_week;
  GDate                  read_first;
  gint64                 read_assigned_to;
  gboolean               loading;
  gboolean               busy;

  AdwNavigationView     *navigation_view;
  AdwToggleGroup        *whose_toggles;
  AdwBanner             *overdue_banner;
  GtkWidget             *lead_button;
  GtkStack              *stack;
  AdwStatusPage         *error_page;
  AdwToggleGroup        *view_toggles;
  GtkStack              *calendar_stack;
  KefuCallbackMonthView *month_view;
  KefuCallbackWeekView  *week_view;
  KefuCallbackAgenda    *agenda;
};

/* In kefu-callbacks-pane.c. */
void     _kefu_callbacks_pane_update_busy    (KefuCallbacksPane *self);
/* Whose callbacks are shown: the staff member's (with the team's unassigned ones), or 0 for
 * everyone's. */
gint64   _kefu_callbacks_pane_shown_assignee (KefuCallbacksPane *self);
gboolean _kefu_callbacks_pane_shows_week     (KefuCallbacksPane *self);

/* In kefu-callbacks-pane-load.c: reads what the views show, once for every change made in one
 * main-loop iteration; or the chosen day's callbacks, the rest too when the range shown
 * changed. */
void     _kefu_callbacks_pane_load           (KefuCallbacksPane *self);
void     _kefu_callbacks_pane_load_day       (KefuCallbacksPane *self);

G_END_DECLS
