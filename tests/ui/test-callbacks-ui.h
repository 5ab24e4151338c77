/* test-callbacks-ui.h: what the callback calendar's UI tests over a filled store share: a
 * customer made through the store, and an attempt recorded by a clerk who claims the callback
 * first, as the callback page does.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store-callbacks.h"

#include "kefu-ui-test.h"

#define TEST_CALLBACKS_WORKSTATION "pc-01:1000"

static inline gint64
test_callbacks_customer (KefuStore  *store,
                         const char *name,
                         const char *phone,
                         gboolean    member)
{
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GError) error = NULL;
  const char *phones[] = { phone, NULL };

  kefu_customer_set_name (customer, name);
  kefu_customer_set_phones (customer, phones);
  kefu_customer_set_is_member (customer, member);
  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (customer));
}

/* `clerk` claims callback `id` and records one phone attempt at the store's clock. */
static inline void
test_callbacks_record (KefuStore           *store,
                       gint64               clerk,
                       gint64               id,
                       KefuCallbackOutcome  outcome,
                       KefuSatisfaction     satisfaction,
                       const char          *words)
{
  KefuCallbackRecordInput input = {
    .method = KEFU_CALLBACK_METHOD_PHONE, .outcome = outcome, .satisfaction = satisfaction,
    .customer_words = words,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCallback) callback = NULL;

  kefu_store_set_actor (store, clerk);
  g_assert_true (kefu_store_claim_callback (store, id, TEST_CALLBACKS_WORKSTATION, NULL,
                                            &error));
  g_assert_no_error (error);
  callback = kefu_store_get_callback (store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kefu_store_record_callback (store, id, callback->version, &input, NULL,
                                             &error));
  g_assert_no_error (error);
}
