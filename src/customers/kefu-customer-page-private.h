/* kefu-customer-page-private.h: what the customer page's files share (the page, its loading
 * and saving in kefu-customer-page.c, its form in kefu-customer-page-form.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "widgets/kefu-archive-banner.h"
#include "widgets/kefu-customer-history-view.h"

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

G_END_DECLS
