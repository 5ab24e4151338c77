/* kefu-window-private.h: what the window's files share (the window, its pages and the store in
 * kefu-window.c, the sidebar's rows and counts in kefu-window-sidebar.c, who is working in
 * kefu-window-staff.c, the change feed in kefu-window-live.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aftersales/kefu-aftersales-pane.h"
#include "callbacks/kefu-callbacks-pane.h"
#include "dashboard/kefu-dashboard-pane.h"
#include "complaints/kefu-complaints-pane.h"
#include "customers/kefu-customers-pane.h"
#include "intake/kefu-intake-pane.h"

#include "kefu-complaint-watcher.h"
#include "kefu-database-page.h"
#include "kefu-staff-chooser.h"
#include "kefu-window.h"
#include "widgets/kefu-live.h"

G_BEGIN_DECLS

struct _KefuWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  KefuStore            *store;
  KefuStaff            *staff;
  GCancellable         *cancellable;
  KefuStaffChooser     *chooser;
  /* Follows the "busy" property of the visible pane's content, when it has one. */
  GSignalGroup         *pane_signals;
  /* The escalation check and the notifications, for the store and staff shown. */
  KefuComplaintWatcher *watcher;
  /* What other workstations save, for the panes (NULL while no database is open). */
  KefuLive             *live;
  guint                 loading : 1;
  guint                 staff_loading : 1;
  guint                 unattended : 1;
  guint                 counts_pending;
  /* Something changed while counts were being read: read them once more afterwards. */
  guint                 counts_again : 1;
  /* A complaint asked for (by a notification) before the database and who works were known. */
  gint64                pending_complaint;
  /* The same for an After-Sales action (win.open-shipment …): its name and parameter. */
  char                 *pending_aftersales;
  GVariant             *pending_aftersales_param;
  /* Bumped whenever the store changes, so late answers about the old one are ignored. */
  guint                 generation;
  gboolean              busy;
  /* The clerk chose to quit with recorded calls waiting (kefu-window-outage.c). */
  gboolean              quit_confirmed;

  GtkStack             *main_stack;
  AdwStatusPage        *loading_page;
  KefuDatabasePage     *database_page;
  AdwNavigationSplitView *split_view;
  GtkListBox           *sidebar_list;
  AdwNavigationPage    *content_page;
  GtkStack             *pane_stack;
  GtkButton            *staff_button;
  AdwAvatar            *staff_avatar;
  GtkLabel             *staff_name_label;
  GtkLabel             *staff_role_label;
  KefuAftersalesPane   *aftersales_pane;
  KefuCallbacksPane    *callbacks_pane;
  KefuComplaintsPane   *complaints_pane;
  KefuCustomersPane    *customers_pane;
  KefuDashboardPane    *dashboard_pane;
  KefuIntakePane       *intake_pane;
  GtkWidget            *outage_banner;
};

/* Works out "busy" again and notifies it when it changed. */
void  _kefu_window_update_busy         (KefuWindow     *self);
/* Sets who is working (NULL: nobody), as the store's actor and on the staff button. */
void  _kefu_window_set_staff           (KefuWindow     *self,
                                        KefuStaff      *staff);

/* Runs the After-Sales action asked for before the database and who works were known. */
void  _kefu_window_run_pending_aftersales (KefuWindow   *self);

/* kefu-window-outage.c: the outage banner's store, "win.backup" and "win.backup-to (s)". */
void      _kefu_window_outage_init          (KefuWindow     *self);
/* TRUE when it asked before closing (calls wait on this workstation): do not close now. */
gboolean  _kefu_window_outage_close_request (KefuWindow     *self);

/* kefu-window-sidebar.c */
/* The sidebar's template callbacks and the "pane.show" action with its Alt+1 … Alt+6. */
void  _kefu_window_class_init_sidebar  (GtkWidgetClass *widget_class);
void  _kefu_window_class_init_staff    (GtkWidgetClass *widget_class);
void  _kefu_window_update_pin_action   (KefuWindow     *self);
/* Reads the counts beside the panes again (once more after those being read). */
void  _kefu_window_refresh_counts      (KefuWindow     *self);
/* The unread hand-over notes beside the Dashboard row (0: none shown). */
void  _kefu_window_show_unread_notes   (KefuWindow     *self,
                                        guint           n_unread);
/* Shows no count, urgent or overdue marker beside any pane. */
void  _kefu_window_clear_counts        (KefuWindow     *self);

/* kefu-window-live.c */
/* Starts the change feed of the store shown (after it was set), or stops it. */
void  _kefu_window_start_live          (KefuWindow     *self);
void  _kefu_window_stop_live           (KefuWindow     *self);
/* kefu-window.c: says that the "live" property changed. */
void  _kefu_window_notify_live         (KefuWindow     *self);
/* kefu-window-audit.c */
/* Adds "win.who-changed-what" (managers only). */
void  _kefu_window_init_audit          (KefuWindow     *self);
/* Enables it for the person working now. */
void  _kefu_window_update_audit        (KefuWindow     *self);
/* "Reports…" (kefu-window-reports.c): the action, enabled for those who read reports. */
void  _kefu_window_init_reports        (KefuWindow     *self);
void  _kefu_window_update_reports      (KefuWindow     *self);

/* kefu-window-records.c */
/* Adds "win.open-complaint", "win.open-customer", "win.open-callback" and "win.open-call" (x). */
void  _kefu_window_init_records        (KefuWindow     *self);
/* Opens a record of the store's entity name ("complaint", "customers", "shipment",
 * "service-job", "callback", or "call": the customer the call was from) in its pane; FALSE for
 * records without a page (staff, settings). */
gboolean _kefu_window_open_record      (KefuWindow     *self,
                                        const char     *entity,
                                        gint64          entity_id);
/* Opens what the dashboard's records lists ask for. */
void  _kefu_window_init_dashboard      (KefuWindow     *self);
/* kefu-window-shift-notes.c */
/* Shows the unread hand-over notes of the person who just started work, if there are any. */
void  _kefu_window_greet_shift         (KefuWindow     *self);

/* kefu-window-staff.c */
/* Lists the staff of the store shown and sets the one remembered here, or asks who works. */
void  _kefu_window_load_staff          (KefuWindow     *self);

G_END_DECLS
