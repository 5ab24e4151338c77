/* kefu-customer-callback-times.h: a customer's own callback times on the customer's page: more
 * rest time than the site's ("never before 10:00") and preferred times ("prefers evenings"),
 * each a list of time ranges, checked as typed and saved on their own.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CUSTOMER_CALLBACK_TIMES (kefu_customer_callback_times_get_type ())
G_DECLARE_FINAL_TYPE (KefuCustomerCallbackTimes, kefu_customer_callback_times, KEFU,
                      CUSTOMER_CALLBACK_TIMES, AdwPreferencesGroup)

/* Properties: "store", "customer-id" (0: none; the times are read when both are set), "busy"
 * (read-only: loading or saving).
 *
 * Actions (group "callback-times"): "save" writes both lists once they are valid and changed;
 * "never-before-ten" adds 00:00-10:00 to the rest time, "prefers-evenings" 18:00-20:30 to the
 * preferred times. */

GtkWidget *kefu_customer_callback_times_new      (void);
gboolean   kefu_customer_callback_times_get_busy (KefuCustomerCallbackTimes *self);

G_END_DECLS
