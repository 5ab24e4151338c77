/* kefu-dashboard-pane-private.h: the dashboard pane's parts, shared by its files: the pane
 * (kefu-dashboard-pane.c: properties, reading, live refresh, the records), the period and whose
 * figures (kefu-dashboard-pane-filters.c), the sections of figures
 * (kefu-dashboard-pane-sections.c) and the exports (kefu-dashboard-pane-export.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-staff.h"
#include "widgets/kefu-live.h"
#include "widgets/kefu-team-choice.h"

#include "kefu-dashboard-pane.h"
#include "kefu-dashboard-clerks-view.h"
#include "kefu-shift-notes-view.h"

G_BEGIN_DECLS

struct _KefuDashboardPane
{
  AdwBin          parent_instance;

  KefuStore      *store;
  KefuStaff      *staff;
  KefuLive       *live;
  gboolean        busy;

  KefuPeriod      period;
  gint64          department_id;   /* 0: every team */
  gint64          clerk_id;        /* 0: every clerk */
  KefuDashboard  *dashboard;
  GCancellable   *cancellable;     /* the count being read */
  gboolean        stale;           /* a change came while the pane was not shown */
  guint           refresh_id;      /* a live change's read, a moment later */
  gint64          last_read;       /* monotonic µs of the last read's start */

  /* Teams and clerks of the filter bar */
  GCancellable   *people_cancellable;
  KefuTeamChoice *team_choice;     /* team_dropdown and clerk_dropdown */
  gboolean        filling;         /* the period toggles are being set, not chosen */

  AdwDialog      *records_dialog;  /* weak */

  AdwToastOverlay     *toast_overlay;
  AdwToggleGroup      *period_toggles;
  AdwWindowTitle      *window_title;
  GtkMenuButton       *range_button;
  GtkPopover          *range_popover;
  GtkWidget           *first_row;
  GtkWidget           *last_row;
  GtkLabel            *range_error_label;
  GtkLabel            *period_label;
  GtkDropDown         *team_dropdown;
  GtkDropDown         *clerk_dropdown;
  GtkLabel            *updated_label;
  GtkToggleButton     *notes_button;
  GtkStack            *stack;
  GtkBox              *sections_box;
  AdwStatusPage       *error_page;
  KefuShiftNotesView  *notes_view;

  /* The sections on screen (kefu-dashboard-pane-sections.c), updated in place while their
   * shape stays the same; the widgets are the sections box's. */
  GPtrArray               *shown_tiles;    /* KefuFigureTile */
  GPtrArray               *shown_charts;   /* KefuChart */
  KefuDashboardClerksView *shown_clerks;
  char                    *shown_shape;
};

/* The figures again, for the period and filter now. */
void     _kefu_dashboard_pane_read                (KefuDashboardPane *self);
/* The period and whose figures in words: "This Month · Nov 1, 2026 – Nov 27, 2026 · 客服一组". */
char    *_kefu_dashboard_pane_describe            (KefuDashboardPane *self);

/* kefu-dashboard-pane-filters.c */
void     _kefu_dashboard_pane_init_filters        (KefuDashboardPane *self);
void     _kefu_dashboard_pane_update_period       (KefuDashboardPane *self);
void     _kefu_dashboard_pane_read_people         (KefuDashboardPane *self);
/* The staff member's reach: a manager chooses any team and clerk; others see their own. */
void     _kefu_dashboard_pane_apply_role          (KefuDashboardPane *self);
const char *_kefu_dashboard_pane_team_name        (KefuDashboardPane *self);
void     _kefu_dashboard_pane_filters_class_init  (GtkWidgetClass    *widget_class);

/* kefu-dashboard-pane-export.c: the CSV, PDF and print actions. */
/* Forgets the sections on screen (they are being removed). */
void     _kefu_dashboard_pane_forget_sections     (KefuDashboardPane *self);

void     _kefu_dashboard_pane_export_init         (KefuDashboardPane *self);
void     _kefu_dashboard_pane_export_class_init   (GtkWidgetClass    *widget_class);
/* Enables them once there are figures to write. */
void     _kefu_dashboard_pane_update_export       (KefuDashboardPane *self);

/* kefu-dashboard-pane-sections.c: shows `dashboard` (replacing what was shown). */
void     _kefu_dashboard_pane_show_sections       (KefuDashboardPane *self,
                                                   const KefuDashboard *dashboard);

G_END_DECLS
