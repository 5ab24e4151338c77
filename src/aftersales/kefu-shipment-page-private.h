/* kefu-shipment-page-private.h: what the shipment page's files share: the page's struct, its
 * reading and actions (kefu-shipment-page.c) and its sections (kefu-shipment-page-steps.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "widgets/kefu-presence-tracker.h"
#include "store/kefu-store-shipments.h"
#include "widgets/kefu-customer-history-view.h"
#include "widgets/kefu-archive-banner.h"
#include "widgets/kefu-record-loader.h"

#include "kefu-aftersales-timeline-view.h"
#include "kefu-shipment-page.h"

G_BEGIN_DECLS

struct _KefuShipmentPage
{
  AdwNavigationPage           parent_instance;

  /* "Being edited by …" (widgets/kefu-presence-tracker.h): others' marks in presence_banner. */
  KefuPresenceTracker        *presence;
  AdwBanner                  *presence_banner;

  KefuStore                  *store;
  KefuStaff                  *staff;
  gint64                      shipment_id;
  KefuArchiveBanner          *archive_banner;
  GtkButton                  *history_button;

  /* What was read, all at once. */
  KefuShipment               *shipment;
  GListModel                 *timeline;
  GPtrArray                  *carriers;   /* KefuCarrier, the active ones */

  KefuRecordLoader           *loader;
  GCancellable               *action_cancellable;
  gboolean                    acting;
  /* The action dialog open now (a weak pointer). */
  AdwDialog                  *dialog;

  AdwWrapBox                 *actions_box;
  GtkBox                     *attention_box;
  GtkImage                   *attention_icon;
  GtkLabel                   *attention_label;
  AdwStatusPage              *error_page;
  GtkLabel                   *heading_label;
  KefuCustomerHistoryView    *history_view;
  GtkListBox                 *lines_list;
  GtkStack                   *stack;
  GtkLevelBar                *step_bar;
  GtkLabel                   *step_label;
  GtkListBox                 *steps_list;
  GtkLabel                   *summary_label;
  KefuAftersalesTimelineView *timeline_view;
  AdwToastOverlay            *toast_overlay;
};

/* In kefu-shipment-page-steps.c: the head, the steps and the product lines from what was
 * read. */
void       _kefu_shipment_page_show_head  (KefuShipmentPage *self);
void       _kefu_shipment_page_show_steps (KefuShipmentPage *self);
void       _kefu_shipment_page_show_lines (KefuShipmentPage *self);
/* The row of `step` in the steps list, or NULL. */
GtkWidget *_kefu_shipment_page_find_step  (KefuShipmentPage *self,
                                           KefuShipmentStep  step);

G_END_DECLS
