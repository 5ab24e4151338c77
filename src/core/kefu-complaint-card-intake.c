/* kefu-complaint-card-intake.c: the complaint card's intake: who complained (the customer,
 * the phone) about what (category, subject, reason, product and batch) and how it was taken
 * (harmed, urgent). Set once by the store from the complaint call.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-card"

#include "config.h"

#include "kefu-complaint-card-private.h"

gint64
kefu_complaint_card_get_customer_id (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), 0);

  return self->customer_id;
}

void
kefu_complaint_card_set_customer_id (KefuComplaintCard *self,
                                     gint64             customer_id)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  _kefu_complaint_card_notify (self, PROP_CUSTOMER_ID);
}

const char *
kefu_complaint_card_get_customer_name (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->customer_name;
}

void
kefu_complaint_card_set_customer_name (KefuComplaintCard *self,
                                       const char        *name)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (!g_set_str (&self->customer_name, name))
    return;
  _kefu_complaint_card_notify (self, PROP_CUSTOMER_NAME);
}

const char *
kefu_complaint_card_get_phone (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->phone;
}

void
kefu_complaint_card_set_phone (KefuComplaintCard *self,
                               const char        *phone)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (!g_set_str (&self->phone, phone))
    return;
  _kefu_complaint_card_notify (self, PROP_PHONE);
}

KefuComplaintCategory
kefu_complaint_card_get_category (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);

  return self->category;
}

void
kefu_complaint_card_set_category (KefuComplaintCard     *self,
                                  KefuComplaintCategory  category)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->category == category)
    return;

  self->category = category;
  _kefu_complaint_card_notify (self, PROP_CATEGORY);
}

const char *
kefu_complaint_card_get_subject (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->subject;
}

void
kefu_complaint_card_set_subject (KefuComplaintCard *self,
                                 const char        *subject)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (!g_set_str (&self->subject, subject))
    return;
  _kefu_complaint_card_notify (self, PROP_SUBJECT);
}

const char *
kefu_complaint_card_get_reason (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->reason;
}

void
kefu_complaint_card_set_reason (KefuComplaintCard *self,
                                const char        *reason)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (!g_set_str (&self->reason, reason))
    return;
  _kefu_complaint_card_notify (self, PROP_REASON);
}

gint64
kefu_complaint_card_get_product_id (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), 0);

  return self->product_id;
}

void
kefu_complaint_card_set_product_id (KefuComplaintCard *self,
                                    gint64             product_id)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->product_id == product_id)
    return;

  self->product_id = product_id;
  _kefu_complaint_card_notify (self, PROP_PRODUCT_ID);
}

const char *
kefu_complaint_card_get_batch_number (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->batch_number;
}

void
kefu_complaint_card_set_batch_number (KefuComplaintCard *self,
                                      const char        *batch)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (!g_set_str (&self->batch_number, batch))
    return;
  _kefu_complaint_card_notify (self, PROP_BATCH_NUMBER);
}

gboolean
kefu_complaint_card_get_batch_flagged (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), FALSE);

  return self->batch_flagged;
}

void
kefu_complaint_card_set_batch_flagged (KefuComplaintCard *self,
                                       gboolean           batch_flagged)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  batch_flagged = !!batch_flagged;
  if (self->batch_flagged == batch_flagged)
    return;

  self->batch_flagged = batch_flagged;
  _kefu_complaint_card_notify (self, PROP_BATCH_FLAGGED);
}

gboolean
kefu_complaint_card_get_harmed (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), FALSE);

  return self->harmed;
}

void
kefu_complaint_card_set_harmed (KefuComplaintCard *self,
                                gboolean           harmed)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  harmed = !!harmed;
  if (self->harmed == harmed)
    return;

  self->harmed = harmed;
  _kefu_complaint_card_notify (self, PROP_HARMED);
}

gboolean
kefu_complaint_card_get_urgent (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), FALSE);

  return self->urgent;
}

void
kefu_complaint_card_set_urgent (KefuComplaintCard *self,
                                gboolean           urgent)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  urgent = !!urgent;
  if (self->urgent == urgent)
    return;

  self->urgent = urgent;
  _kefu_complaint_card_notify (self, PROP_URGENT);
}
