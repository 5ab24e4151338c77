/* kefu-customer-history-view.h: a customer's history (客户历史), newest first: every earlier
 * call, order and complaint (later panes add shipments, service jobs and callbacks), with its
 * time, reference, summary, status and clerk. Shared by the intake pane (beside the form) and the
 * customer page of the customers pane.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CUSTOMER_HISTORY_VIEW (kefu_customer_history_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuCustomerHistoryView, kefu_customer_history_view,
                      KEFU, CUSTOMER_HISTORY_VIEW, AdwBin)

/* At most this many entries are read; more are rare (a customer calling every day for years). */
#define KEFU_CUSTOMER_HISTORY_LIMIT 1000

GtkWidget  *kefu_customer_history_view_new             (void);

KefuStore  *kefu_customer_history_view_get_store       (KefuCustomerHistoryView *self);
void        kefu_customer_history_view_set_store       (KefuCustomerHistoryView *self,
                                                        KefuStore               *store);
/* 0 shows no history (a new caller). Changing it cancels a load in progress. */
gint64      kefu_customer_history_view_get_customer_id (KefuCustomerHistoryView *self);
void        kefu_customer_history_view_set_customer_id (KefuCustomerHistoryView *self,
                                                        gint64                   customer_id);
/* TRUE while the history loads. */
gboolean    kefu_customer_history_view_get_busy        (KefuCustomerHistoryView *self);
/* Reads the history again (after a call of this customer was saved). */
void        kefu_customer_history_view_reload          (KefuCustomerHistoryView *self);
/* FALSE (the default): the view scrolls its own list and fills the space it is given (a pane's
 * side). TRUE: inside a page that scrolls, the newest entries as rows in a card, as tall as
 * they are, shipments and service jobs opening on a click. */
gboolean    kefu_customer_history_view_get_inline      (KefuCustomerHistoryView *self);
void        kefu_customer_history_view_set_inline      (KefuCustomerHistoryView *self,
                                                        gboolean                 inline_rows);
/* The entries shown (KefuHistoryEntry), newest first. */
GListModel *kefu_customer_history_view_get_entries     (KefuCustomerHistoryView *self);

/* The translated status of an entry ("Routed" / "已分派"), from the nick the store gives and the
 * kind of entry; NULL when the entry has none. Exposed for the tests. */
char       *kefu_customer_history_format_status        (KefuHistoryKind          kind,
                                                        const char              *status);

G_END_DECLS
