/* kefu-customer-page-private.h: what the customer page's files share (the page, its loading
 * and saving in kefu-customer-page.c, its form in kefu-customer-page-form.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-merge.h"
#include "widgets/kefu-archive-banner.h"
#include "widgets/kefu-customer-history-view.h"
#include "widgets/kefu-presence-tracker.h"

#include "kefu-customer-page.h"

G_BEGIN_DECLS

struct _KefuCustomerPage
{
  AdwNavigationPage        parent_instance;

  KefuStore               *store;
  gint64                   customer_id;
  KefuCustomer            *customer;
  GCancellable            *cancellable;
  GPtrArray               *phone_rows;    /* AdwEntryRow, in order */
  guint                    filling : 1;   /* the form is being set from a record */
  guint                    loading : 1;
  guint                    saving : 1;
  guint                    modified : 1;
  gboolean                 busy;

  /* The merge of a save refused as stale (kefu-customer-page-merge.c): the newest event of the
   * customer when `customer` was read, the record the refused save tried to write, the saves
   * made again in a row after a merge without conflicts, and the conflict dialog shown. */
  gint64                   base_event_id;
  KefuCustomer            *pending_mine;
  guint                    n_resaves;
  AdwDialog               *conflict_dialog;
  /* "Being edited by …": marked while the form holds changes; others' marks in presence_banner. */
  KefuPresenceTracker     *presence;
  AdwBanner               *presence_banner;
  /* Whether the staff member working may see who changed what (read with the customer). */
  gboolean                 may_read_audit;
  GtkButton               *history_button;

  GtkWidget               *add_phone_row;
  GtkLabel                *address_error;
  AdwEntryRow             *address_row;
  AdwActionRow            *assigned_at_row;
  AdwBanner               *banner;
  KefuArchiveBanner       *archive_banner;
  AdwComboRow             *channel_row;
  AdwActionRow            *clerk_row;
  AdwEntryRow             *district_row;
  GtkLabel                *district_error;
  AdwStatusPage           *error_page;
  AdwActionRow            *first_contact_row;
  KefuCustomerHistoryView *history_view;
  GtkLabel                *member_number_error;
  AdwEntryRow             *member_number_row;
  AdwSwitchRow            *member_row;
  GtkLabel                *name_error;
  AdwEntryRow             *name_row;
  GtkLabel                *notes_error;
  GtkTextView             *notes_view;
  GtkLabel                *phones_error;
  GtkListBox              *phones_list;
  GtkStack                *stack;
};

void         _kefu_customer_page_set_modified      (KefuCustomerPage  *self,
                                                    gboolean           modified);

/* Shows `message` under `field` (and marks it invalid), or clears it when NULL. */
void         _kefu_customer_page_show_problem      (GtkWidget         *field,
                                                    GtkLabel          *label,
                                                    const char        *message);
char        *_kefu_customer_page_notes_text        (KefuCustomerPage  *self);
/* Each returns the first field in error, or NULL. */
GtkWidget   *_kefu_customer_page_check_text_fields (KefuCustomerPage  *self);
GtkWidget   *_kefu_customer_page_check_phones      (KefuCustomerPage  *self,
                                                    GStrv             *normalized);
AdwEntryRow *_kefu_customer_page_add_phone_row     (KefuCustomerPage  *self,
                                                    const char        *text);
void         _kefu_customer_page_show_assignment   (KefuCustomerPage  *self,
                                                    KefuCustomer      *customer);
void         _kefu_customer_page_fill_form         (KefuCustomerPage  *self,
                                                    KefuCustomer      *customer);
/* The template's "field_changed_cb" callback, and every phone row's "changed". */
void         _kefu_customer_page_field_changed_cb  (KefuCustomerPage  *self);
void         _kefu_customer_page_phone_focus_left  (KefuCustomerPage  *self);
/* A copy with every readable and writable property. */
KefuCustomer *_kefu_customer_page_copy_customer    (KefuCustomer      *customer);

/* In kefu-customer-page-merge.c. */
const KefuMergeField *_kefu_customer_page_merge_fields (guint *n_fields);
/* `mine` could not be saved because `theirs` was stored meanwhile (`events`: the customer's
 * events now): merges, and saves again or asks about the conflicts. */
void         _kefu_customer_page_merge             (KefuCustomerPage  *self,
                                                    KefuCustomer      *mine,
                                                    KefuCustomer      *theirs,
                                                    GListModel        *events);

G_END_DECLS
