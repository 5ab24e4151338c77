/* kefu-customers-pane-private.h: what the customers pane's files share (the pane itself in
 * kefu-customers-pane.c, its actions in kefu-customers-pane-actions.c, which customers it lists
 * in kefu-customers-pane-filters.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-customer-page.h"
#include "kefu-customers-pane.h"

G_BEGIN_DECLS

/* One entry of the "which customers" drop-down. */
typedef struct
{
  gint64   assigned_clerk_id;   /* as KefuCustomerFilter */
  gboolean to_contact;
  gboolean archived;
} FilterChoice;

struct _KefuCustomersPane
{
  AdwBin                  parent_instance;

  KefuStore              *store;
  KefuStaff              *staff;
  KefuLive               *live;             /* what others save; NULL: nothing live */
  KefuCustomerListModel  *model;
  GtkMultiSelection      *selection;
  GArray                 *filters;          /* FilterChoice, as the drop-down lists them */
  GtkStringList          *filter_names;
  GPtrArray              *clerks;           /* KefuStaff */
  GCancellable           *cancellable;      /* the store's calls; renewed per store */
  GCancellable           *export_cancellable;
  GFile                  *export_file;
  KefuCustomerPage       *page;             /* the customer page shown, if any */
  guint                   store_pending : 1;  /* given a store while hidden */
  guint                   refresh_source;
  guint                   loading_clerks : 1;
  guint                   rebuilding_filters : 1;
  gboolean                busy;

  GtkWidget              *assign_button;
  GtkColumnViewColumn    *clerk_column;
  GtkColumnViewColumn    *district_column;
  GtkDropDown            *filter_dropdown;
  AdwStatusPage          *empty_page;
  GtkWidget              *empty_import_button;
  AdwStatusPage          *error_page;
  GtkWidget              *export_box;
  GtkProgressBar         *export_progress;
  GtkColumnViewColumn    *last_contact_column;
  GtkColumnViewColumn    *member_column;
  GtkStack               *list_stack;
  GtkColumnView          *column_view;
  GtkColumnViewColumn    *name_column;
  GtkColumnViewColumn    *phone_column;
  AdwNavigationView      *navigation_view;
  GtkSearchEntry         *search_entry;
  GtkLabel               *status_label;
};


void      _kefu_customers_pane_toast           (KefuCustomersPane *self,
                                                const char        *message);
/* A count with the locale's digit grouping ("12,345"). */
char     *_kefu_customers_pane_format_count    (guint              count);
gboolean  _kefu_customers_pane_can_assign      (KefuCustomersPane *self);
void      _kefu_customers_pane_update_actions  (KefuCustomersPane *self);
void      _kefu_customers_pane_update_busy     (KefuCustomersPane *self);
/* Installs the pane's actions (customers.import, .export, .assign …) on its class. */
void      _kefu_customers_pane_install_actions (GtkWidgetClass    *widget_class);

/* The "which customers" drop-down, rebuilt from the staff member and the clerks read; the
 * filter chosen is kept when it is still offered. */
void      _kefu_customers_pane_rebuild_filters (KefuCustomersPane *self);
/* Reads the store's clerks for the drop-down (then rebuilds it). */
void      _kefu_customers_pane_load_clerks     (KefuCustomersPane *self);
/* The column view's sorter changed: the store sorts the list that way. */
void      _kefu_customers_pane_sorter_changed_cb (KefuCustomersPane *self,
                                                  GtkSorterChange    change,
                                                  GtkSorter         *sorter);
/* Binds the template callbacks of the search entry and the drop-down. */
void      _kefu_customers_pane_class_init_filters (GtkWidgetClass *widget_class);

G_END_DECLS
