/* kefu-job-page-private.h: what the job page's files share: its struct, and the filling of its
 * sections (kefu-job-page-sections.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "widgets/kefu-presence-tracker.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-shipments.h"
#include "widgets/kefu-customer-history-view.h"
#include "widgets/kefu-archive-banner.h"
#include "widgets/kefu-record-loader.h"

#include "kefu-aftersales-timeline-view.h"
#include "kefu-job-page.h"

G_BEGIN_DECLS

struct _KefuJobPage
{
  AdwNavigationPage           parent_instance;

  /* "Being edited by …" (widgets/kefu-presence-tracker.h): others' marks in presence_banner. */
  KefuPresenceTracker        *presence;
  AdwBanner                  *presence_banner;

  KefuStore                  *store;
  KefuStaff                  *staff;
  gint64                      job_id;
  KefuArchiveBanner          *archive_banner;
  GtkButton                  *history_button;
  KefuRecordLoader           *loader;
  GCancellable               *action_cancellable;

  /* What the last read gave. */
  KefuServiceJob             *job;
  GListModel                 *timeline;
  GListModel                 *serial_history;   /* KefuHistoryEntry; NULL without a serial */
  GPtrArray                  *callbacks;        /* KefuCallbackInfo */
  GPtrArray                  *carriers;         /* KefuCarrier, for the tracking pages */
  AdwDialog                  *action_dialog;    /* weak */

  AdwWrapBox                 *actions_box;
  GtkListBox                 *callback_list;
  AdwPreferencesGroup        *callback_group;
  GtkListBox                 *diagnosis_list;
  AdwPreferencesGroup        *diagnosis_group;
  AdwStatusPage              *error_page;
  GtkListBox                 *factory_list;
  AdwPreferencesGroup        *factory_group;
  GtkListBox                 *feedback_list;
  AdwPreferencesGroup        *feedback_group;
  GtkListBox                 *head_list;
  AdwPreferencesGroup        *head_group;
  GtkLabel                   *heading_label;
  KefuCustomerHistoryView    *history_view;
  GtkListBox                 *report_list;
  AdwPreferencesGroup        *report_group;
  GtkListBox                 *serial_list;
  AdwPreferencesGroup        *serial_group;
  GtkStack                   *stack;
  GtkLevelBar                *step_bar;
  GtkLabel                   *step_label;
  GtkListBox                 *support_list;
  AdwPreferencesGroup        *support_group;
  KefuAftersalesTimelineView *timeline_view;
  AdwToastOverlay            *toast_overlay;
  GtkListBox                 *trip_list;
  AdwPreferencesGroup        *trip_group;
  GtkLabel                   *warranty_label;
};

/* In kefu-job-page-sections.c: the head and every section from the last read. */
void _kefu_job_page_show_sections (KefuJobPage *self);

G_END_DECLS
