/* kefu-lead.c: a potential order from an inquiry call (潜在订单), followed up by the team lead.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-lead"

#include "config.h"

#include "kefu-lead.h"
#include "kefu-enum-types.h"
#include "kefu-record-private.h"

struct _KefuLead
{
  KefuRecord parent_instance;

  gint64         inquiry_id;
  gint64         call_id;
  char          *call_reference;
  gint64         customer_id;
  char          *caller_name;
  char          *phone;
  char          *address;
  gint64         clerk_id;
  char          *clerk_name;
  GDateTime     *received_at;
  char          *summary;
  KefuLeadState  state;
  gint64         order_call_id;
  GDateTime     *closed_at;
  char          *note;
};

G_DEFINE_FINAL_TYPE (KefuLead, kefu_lead, KEFU_TYPE_RECORD)

enum {
  PROP_0,
  PROP_INQUIRY_ID,
  PROP_CALL_ID,
  PROP_CALL_REFERENCE,
  PROP_CUSTOMER_ID,
  PROP_CALLER_NAME,
  PROP_PHONE,
  PROP_ADDRESS,
  PROP_CLERK_ID,
  PROP_CLERK_NAME,
  PROP_RECEIVED_AT,
  PROP_SUMMARY,
  PROP_STATE,
  PROP_ORDER_CALL_ID,
  PROP_CLOSED_AT,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_lead_finalize (GObject *object)
{
  KefuLead *self = KEFU_LEAD (object);

  g_clear_pointer (&self->call_reference, g_free);
  g_clear_pointer (&self->caller_name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->clerk_name, g_free);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->closed_at, g_date_time_unref);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (kefu_lead_parent_class)->finalize (object);
}

static void
kefu_lead_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KefuLead *self = KEFU_LEAD (object);

  switch (prop_id)
    {
    case PROP_INQUIRY_ID:
      g_value_set_int64 (value, kefu_lead_get_inquiry_id (self));
      break;
    case PROP_CALL_ID:
      g_value_set_int64 (value, kefu_lead_get_call_id (self));
      break;
    case PROP_CALL_REFERENCE:
      g_value_set_string (value, kefu_lead_get_call_reference (self));
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, kefu_lead_get_customer_id (self));
      break;
    case PROP_CALLER_NAME:
      g_value_set_string (value, kefu_lead_get_caller_name (self));
      break;
    case PROP_PHONE:
      g_value_set_string (value, kefu_lead_get_phone (self));
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, kefu_lead_get_address (self));
      break;
    case PROP_CLERK_ID:
      g_value_set_int64 (value, kefu_lead_get_clerk_id (self));
      break;
    case PROP_CLERK_NAME:
      g_value_set_string (value, kefu_lead_get_clerk_name (self));
      break;
    case PROP_RECEIVED_AT:
      g_value_set_boxed (value, kefu_lead_get_received_at (self));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, kefu_lead_get_summary (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, kefu_lead_get_state (self));
      break;
    case PROP_ORDER_CALL_ID:
      g_value_set_int64 (value, kefu_lead_get_order_call_id (self));
      break;
    case PROP_CLOSED_AT:
      g_value_set_boxed (value, kefu_lead_get_closed_at (self));
      break;
    case PROP_NOTE:
      g_value_set_string (value, kefu_lead_get_note (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_lead_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KefuLead *self = KEFU_LEAD (object);

  switch (prop_id)
    {
    case PROP_INQUIRY_ID:
      kefu_lead_set_inquiry_id (self, g_value_get_int64 (value));
      break;
    case PROP_CALL_ID:
      kefu_lead_set_call_id (self, g_value_get_int64 (value));
      break;
    case PROP_CALL_REFERENCE:
      kefu_lead_set_call_reference (self, g_value_get_string (value));
      break;
    case PROP_CUSTOMER_ID:
      kefu_lead_set_customer_id (self, g_value_get_int64 (value));
      break;
    case PROP_CALLER_NAME:
      kefu_lead_set_caller_name (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      kefu_lead_set_phone (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      kefu_lead_set_address (self, g_value_get_string (value));
      break;
    case PROP_CLERK_ID:
      kefu_lead_set_clerk_id (self, g_value_get_int64 (value));
      break;
    case PROP_CLERK_NAME:
      kefu_lead_set_clerk_name (self, g_value_get_string (value));
      break;
    case PROP_RECEIVED_AT:
      kefu_lead_set_received_at (self, g_value_get_boxed (value));
      break;
    case PROP_SUMMARY:
      kefu_lead_set_summary (self, g_value_get_string (value));
      break;
    case PROP_STATE:
      kefu_lead_set_state (self, g_value_get_enum (value));
      break;
    case PROP_ORDER_CALL_ID:
      kefu_lead_set_order_call_id (self, g_value_get_int64 (value));
      break;
    case PROP_CLOSED_AT:
      kefu_lead_set_closed_at (self, g_value_get_boxed (value));
      break;
    case PROP_NOTE:
      kefu_lead_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_lead_class_init (KefuLeadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_lead_finalize;
  object_class->get_property = kefu_lead_get_property;
  object_class->set_property = kefu_lead_set_property;

  properties[PROP_INQUIRY_ID] =
    g_param_spec_int64 ("inquiry-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CALL_ID] =
    g_param_spec_int64 ("call-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CALL_REFERENCE] =
    g_param_spec_string ("call-reference", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CALLER_NAME] =
    g_param_spec_string ("caller-name", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CLERK_ID] =
    g_param_spec_int64 ("clerk-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CLERK_NAME] =
    g_param_spec_string ("clerk-name", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_RECEIVED_AT] =
    g_param_spec_boxed ("received-at", NULL, NULL, G_TYPE_DATE_TIME, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       KEFU_TYPE_LEAD_STATE, KEFU_LEAD_STATE_OPEN,
                       KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_ORDER_CALL_ID] =
    g_param_spec_int64 ("order-call-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CLOSED_AT] =
    g_param_spec_boxed ("closed-at", NULL, NULL, G_TYPE_DATE_TIME, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_lead_init (KefuLead *self)
{
  self->call_reference = g_strdup ("");
  self->caller_name = g_strdup ("");
  self->phone = g_strdup ("");
  self->address = g_strdup ("");
  self->clerk_name = g_strdup ("");
  self->summary = g_strdup ("");
  self->state = KEFU_LEAD_STATE_OPEN;
  self->note = g_strdup ("");
}

KefuLead *
kefu_lead_new (void)
{
  return g_object_new (KEFU_TYPE_LEAD, NULL);
}

gint64
kefu_lead_get_inquiry_id (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), 0);

  return self->inquiry_id;
}

void
kefu_lead_set_inquiry_id (KefuLead *self,
                          gint64    inquiry_id)
{
  g_return_if_fail (KEFU_IS_LEAD (self));
  g_return_if_fail (inquiry_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->inquiry_id, inquiry_id,
                          properties[PROP_INQUIRY_ID]);
}

gint64
kefu_lead_get_call_id (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), 0);

  return self->call_id;
}

void
kefu_lead_set_call_id (KefuLead *self,
                       gint64    call_id)
{
  g_return_if_fail (KEFU_IS_LEAD (self));
  g_return_if_fail (call_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->call_id, call_id, properties[PROP_CALL_ID]);
}

const char *
kefu_lead_get_call_reference (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), NULL);

  return self->call_reference;
}

void
kefu_lead_set_call_reference (KefuLead   *self,
                              const char *reference)
{
  g_return_if_fail (KEFU_IS_LEAD (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->call_reference, reference,
                           properties[PROP_CALL_REFERENCE]);
}

gint64
kefu_lead_get_customer_id (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), 0);

  return self->customer_id;
}

void
kefu_lead_set_customer_id (KefuLead *self,
                           gint64    customer_id)
{
  g_return_if_fail (KEFU_IS_LEAD (self));
  g_return_if_fail (customer_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->customer_id, customer_id,
                          properties[PROP_CUSTOMER_ID]);
}

const char *
kefu_lead_get_caller_name (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), NULL);

  return self->caller_name;
}

void
kefu_lead_set_caller_name (KefuLead   *self,
                           const char *name)
{
  g_return_if_fail (KEFU_IS_LEAD (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->caller_name, name,
                           properties[PROP_CALLER_NAME]);
}

const char *
kefu_lead_get_phone (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), NULL);

  return self->phone;
}

void
kefu_lead_set_phone (KefuLead   *self,
                     const char *phone)
{
  g_return_if_fail (KEFU_IS_LEAD (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->phone, phone, properties[PROP_PHONE]);
}

const char *
kefu_lead_get_address (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), NULL);

  return self->address;
}

void
kefu_lead_set_address (KefuLead   *self,
                       const char *address)
{
  g_return_if_fail (KEFU_IS_LEAD (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->address, address, properties[PROP_ADDRESS]);
}

gint64
kefu_lead_get_clerk_id (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), 0);

  return self->clerk_id;
}

void
kefu_lead_set_clerk_id (KefuLead *self,
                        gint64    clerk_id)
{
  g_return_if_fail (KEFU_IS_LEAD (self));
  g_return_if_fail (clerk_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->clerk_id, clerk_id, properties[PROP_CLERK_ID]);
}

const char *
kefu_lead_get_clerk_name (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), NULL);

  return self->clerk_name;
}

void
kefu_lead_set_clerk_name (KefuLead   *self,
                          const char *name)
{
  g_return_if_fail (KEFU_IS_LEAD (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->clerk_name, name,
                           properties[PROP_CLERK_NAME]);
}

/**
 * kefu_lead_get_received_at:
 *
 * Returns: (transfer none) (nullable): the time, in UTC, or NULL when not set
 */
GDateTime *
kefu_lead_get_received_at (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), NULL);

  return self->received_at;
}

void
kefu_lead_set_received_at (KefuLead  *self,
                           GDateTime *time)
{
  g_return_if_fail (KEFU_IS_LEAD (self));

  _kefu_record_set_date_time (KEFU_RECORD (self), &self->received_at, time,
                              properties[PROP_RECEIVED_AT]);
}

const char *
kefu_lead_get_summary (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), NULL);

  return self->summary;
}

void
kefu_lead_set_summary (KefuLead   *self,
                       const char *summary)
{
  g_return_if_fail (KEFU_IS_LEAD (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->summary, summary, properties[PROP_SUMMARY]);
}

KefuLeadState
kefu_lead_get_state (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), KEFU_LEAD_STATE_OPEN);

  return self->state;
}

void
kefu_lead_set_state (KefuLead      *self,
                     KefuLeadState  state)
{
  g_return_if_fail (KEFU_IS_LEAD (self));

  _kefu_record_set_enum (KEFU_RECORD (self), (int *) &self->state, state, properties[PROP_STATE]);
}

gint64
kefu_lead_get_order_call_id (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), 0);

  return self->order_call_id;
}

void
kefu_lead_set_order_call_id (KefuLead *self,
                             gint64    call_id)
{
  g_return_if_fail (KEFU_IS_LEAD (self));
  g_return_if_fail (call_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->order_call_id, call_id,
                          properties[PROP_ORDER_CALL_ID]);
}

/**
 * kefu_lead_get_closed_at:
 *
 * Returns: (transfer none) (nullable): the time, in UTC, or NULL when not set
 */
GDateTime *
kefu_lead_get_closed_at (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), NULL);

  return self->closed_at;
}

void
kefu_lead_set_closed_at (KefuLead  *self,
                         GDateTime *time)
{
  g_return_if_fail (KEFU_IS_LEAD (self));

  _kefu_record_set_date_time (KEFU_RECORD (self), &self->closed_at, time,
                              properties[PROP_CLOSED_AT]);
}

const char *
kefu_lead_get_note (KefuLead *self)
{
  g_return_val_if_fail (KEFU_IS_LEAD (self), NULL);

  return self->note;
}

void
kefu_lead_set_note (KefuLead   *self,
                    const char *note)
{
  g_return_if_fail (KEFU_IS_LEAD (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->note, note, properties[PROP_NOTE]);
}
