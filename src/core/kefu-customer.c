/* kefu-customer.c: a customer (客户), as the store reads and writes it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer"

#include "config.h"

#include "kefu-customer.h"
#include "kefu-enum-types.h"
#include "kefu-record-private.h"

struct _KefuCustomer
{
  KefuRecord parent_instance;

  char         *name;
  char         *address;
  char         *district;
  gboolean      is_member;
  char         *member_number;
  KefuChannel   channel;
  gint64        assigned_clerk_id;
  char         *notes;
  GStrv         phones;

  /* Read-only for the UI, filled by the store on reads. */
  GDateTime    *last_contact_at;
  KefuCallKind  last_call_kind;
  char         *last_call_summary;
  char         *assigned_clerk_name;
  GDateTime    *assigned_at;
  GDateTime    *first_contact_at;
};

G_DEFINE_FINAL_TYPE (KefuCustomer, kefu_customer, KEFU_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ADDRESS,
  PROP_DISTRICT,
  PROP_IS_MEMBER,
  PROP_MEMBER_NUMBER,
  PROP_CHANNEL,
  PROP_ASSIGNED_CLERK_ID,
  PROP_NOTES,
  PROP_PHONES,
  PROP_LAST_CONTACT_AT,
  PROP_LAST_CALL_KIND,
  PROP_LAST_CALL_SUMMARY,
  PROP_ASSIGNED_CLERK_NAME,
  PROP_ASSIGNED_AT,
  PROP_FIRST_CONTACT_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_customer_finalize (GObject *object)
{
  KefuCustomer *self = KEFU_CUSTOMER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->member_number, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->phones, g_strfreev);
  g_clear_pointer (&self->last_contact_at, g_date_time_unref);
  g_clear_pointer (&self->last_call_summary, g_free);
  g_clear_pointer (&self->assigned_clerk_name, g_free);
  g_clear_pointer (&self->assigned_at, g_date_time_unref);
  g_clear_pointer (&self->first_contact_at, g_date_time_unref);

  G_OBJECT_CLASS (kefu_customer_parent_class)->finalize (object);
}

static void
kefu_customer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KefuCustomer *self = KEFU_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, kefu_customer_get_name (self));
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, kefu_customer_get_address (self));
      break;
    case PROP_DISTRICT:
      g_value_set_string (value, kefu_customer_get_district (self));
      break;
    case PROP_IS_MEMBER:
      g_value_set_boolean (value, kefu_customer_get_is_member (self));
      break;
    case PROP_MEMBER_NUMBER:
      g_value_set_string (value, kefu_customer_get_member_number (self));
      break;
    case PROP_CHANNEL:
      g_value_set_enum (value, kefu_customer_get_channel (self));
      break;
    case PROP_ASSIGNED_CLERK_ID:
      g_value_set_int64 (value, kefu_customer_get_assigned_clerk_id (self));
      break;
    case PROP_NOTES:
      g_value_set_string (value, kefu_customer_get_notes (self));
      break;
    case PROP_PHONES:
      g_value_set_boxed (value, kefu_customer_get_phones (self));
      break;
    case PROP_LAST_CONTACT_AT:
      g_value_set_boxed (value, kefu_customer_get_last_contact_at (self));
      break;
    case PROP_LAST_CALL_KIND:
      g_value_set_enum (value, kefu_customer_get_last_call_kind (self));
      break;
    case PROP_LAST_CALL_SUMMARY:
      g_value_set_string (value, kefu_customer_get_last_call_summary (self));
      break;
    case PROP_ASSIGNED_CLERK_NAME:
      g_value_set_string (value, kefu_customer_get_assigned_clerk_name (self));
      break;
    case PROP_ASSIGNED_AT:
      g_value_set_boxed (value, kefu_customer_get_assigned_at (self));
      break;
    case PROP_FIRST_CONTACT_AT:
      g_value_set_boxed (value, kefu_customer_get_first_contact_at (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_customer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KefuCustomer *self = KEFU_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      kefu_customer_set_name (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      kefu_customer_set_address (self, g_value_get_string (value));
      break;
    case PROP_DISTRICT:
      kefu_customer_set_district (self, g_value_get_string (value));
      break;
    case PROP_IS_MEMBER:
      kefu_customer_set_is_member (self, g_value_get_boolean (value));
      break;
    case PROP_MEMBER_NUMBER:
      kefu_customer_set_member_number (self, g_value_get_string (value));
      break;
    case PROP_CHANNEL:
      kefu_customer_set_channel (self, g_value_get_enum (value));
      break;
    case PROP_ASSIGNED_CLERK_ID:
      kefu_customer_set_assigned_clerk_id (self, g_value_get_int64 (value));
      break;
    case PROP_NOTES:
      kefu_customer_set_notes (self, g_value_get_string (value));
      break;
    case PROP_PHONES:
      kefu_customer_set_phones (self, g_value_get_boxed (value));
      break;
    case PROP_LAST_CONTACT_AT:
      kefu_customer_set_last_contact_at (self, g_value_get_boxed (value));
      break;
    case PROP_LAST_CALL_KIND:
      kefu_customer_set_last_call_kind (self, g_value_get_enum (value));
      break;
    case PROP_LAST_CALL_SUMMARY:
      kefu_customer_set_last_call_summary (self, g_value_get_string (value));
      break;
    case PROP_ASSIGNED_CLERK_NAME:
      kefu_customer_set_assigned_clerk_name (self, g_value_get_string (value));
      break;
    case PROP_ASSIGNED_AT:
      kefu_customer_set_assigned_at (self, g_value_get_boxed (value));
      break;
    case PROP_FIRST_CONTACT_AT:
      kefu_customer_set_first_contact_at (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_customer_class_init (KefuCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_customer_finalize;
  object_class->get_property = kefu_customer_get_property;
  object_class->set_property = kefu_customer_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_DISTRICT] =
    g_param_spec_string ("district", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_IS_MEMBER] =
    g_param_spec_boolean ("is-member", NULL, NULL, FALSE, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_MEMBER_NUMBER] =
    g_param_spec_string ("member-number", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       KEFU_TYPE_CHANNEL, KEFU_CHANNEL_UNSPECIFIED,
                       KEFU_RECORD_PARAM_FLAGS);
  /* 0 means "none": ids of stored rows start at 1. */
  properties[PROP_ASSIGNED_CLERK_ID] =
    g_param_spec_int64 ("assigned-clerk-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_PHONES] =
    g_param_spec_boxed ("phones", NULL, NULL, G_TYPE_STRV, KEFU_RECORD_PARAM_FLAGS);
  /* The last call's time, kind and summary; the kind means nothing while the time is NULL. */
  properties[PROP_LAST_CONTACT_AT] =
    g_param_spec_boxed ("last-contact-at", NULL, NULL, G_TYPE_DATE_TIME, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_LAST_CALL_KIND] =
    g_param_spec_enum ("last-call-kind", NULL, NULL,
                       KEFU_TYPE_CALL_KIND, KEFU_CALL_KIND_ORDER,
                       KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_LAST_CALL_SUMMARY] =
    g_param_spec_string ("last-call-summary", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_ASSIGNED_CLERK_NAME] =
    g_param_spec_string ("assigned-clerk-name", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_ASSIGNED_AT] =
    g_param_spec_boxed ("assigned-at", NULL, NULL, G_TYPE_DATE_TIME, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_FIRST_CONTACT_AT] =
    g_param_spec_boxed ("first-contact-at", NULL, NULL, G_TYPE_DATE_TIME, KEFU_RECORD_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_customer_init (KefuCustomer *self)
{
  self->name = g_strdup ("");
  self->address = g_strdup ("");
  self->district = g_strdup ("");
  self->member_number = g_strdup ("");
  self->notes = g_strdup ("");
  self->phones = g_new0 (char *, 1);
  self->last_call_summary = g_strdup ("");
  self->assigned_clerk_name = g_strdup ("");
}

KefuCustomer *
kefu_customer_new (void)
{
  return g_object_new (KEFU_TYPE_CUSTOMER, NULL);
}

const char *
kefu_customer_get_name (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), NULL);

  return self->name;
}

void
kefu_customer_set_name (KefuCustomer *self,
                        const char   *name)
{
  g_return_if_fail (KEFU_IS_CUSTOMER (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->name, name, properties[PROP_NAME]);
}

const char *
kefu_customer_get_address (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), NULL);

  return self->address;
}

void
kefu_customer_set_address (KefuCustomer *self,
                           const char   *address)
{
  g_return_if_fail (KEFU_IS_CUSTOMER (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->address, address, properties[PROP_ADDRESS]);
}

const char *
kefu_customer_get_district (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), NULL);

  return self->district;
}

void
kefu_customer_set_district (KefuCustomer *self,
                            const char   *district)
{
  g_return_if_fail (KEFU_IS_CUSTOMER (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->district, district,
                           properties[PROP_DISTRICT]);
}

gboolean
kefu_customer_get_is_member (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), FALSE);

  return self->is_member;
}

void
kefu_customer_set_is_member (KefuCustomer *self,
                             gboolean      is_member)
{
  g_return_if_fail (KEFU_IS_CUSTOMER (self));

  _kefu_record_set_boolean (KEFU_RECORD (self), &self->is_member, is_member,
                            properties[PROP_IS_MEMBER]);
}

const char *
kefu_customer_get_member_number (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), NULL);

  return self->member_number;
}

void
kefu_customer_set_member_number (KefuCustomer *self,
                                 const char   *member_number)
{
  g_return_if_fail (KEFU_IS_CUSTOMER (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->member_number, member_number,
                           properties[PROP_MEMBER_NUMBER]);
}

KefuChannel
kefu_customer_get_channel (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), KEFU_CHANNEL_UNSPECIFIED);

  return self->channel;
}

void
kefu_customer_set_channel (KefuCustomer *self,
                           KefuChannel   channel)
{
  g_return_if_fail (KEFU_IS_CUSTOMER (self));

  _kefu_record_set_enum (KEFU_RECORD (self), (int *) &self->channel, channel,
                         properties[PROP_CHANNEL]);
}

gint64
kefu_customer_get_assigned_clerk_id (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), 0);

  return self->assigned_clerk_id;
}

void
kefu_customer_set_assigned_clerk_id (KefuCustomer *self,
                                     gint64        assigned_clerk_id)
{
  g_return_if_fail (KEFU_IS_CUSTOMER (self));
  g_return_if_fail (assigned_clerk_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->assigned_clerk_id, assigned_clerk_id,
                          properties[PROP_ASSIGNED_CLERK_ID]);
}

const char *
kefu_customer_get_notes (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), NULL);

  return self->notes;
}

void
kefu_customer_set_notes (KefuCustomer *self,
                         const char   *notes)
{
  g_return_if_fail (KEFU_IS_CUSTOMER (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->notes, notes, properties[PROP_NOTES]);
}

/**
 * kefu_customer_get_phones:
 *
 * Returns: (transfer none) (array zero-terminated=1): the normalised phone numbers, primary
 *   first; an empty array (never NULL) when there are none
 */
const char * const *
kefu_customer_get_phones (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), NULL);

  return (const char * const *) self->phones;
}

/* Keeps a copy of `phones` as given: callers normalise with kefu_phone_normalize() first, and the
 * record does not second-guess them. NULL and an empty array are the same. */
void
kefu_customer_set_phones (KefuCustomer       *self,
                          const char * const *phones)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (KEFU_IS_CUSTOMER (self));

  if (phones == NULL)
    phones = none;

  if (g_strv_equal ((const char * const *) self->phones, phones))
    return;

  g_strfreev (self->phones);
  self->phones = g_strdupv ((char **) phones);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONES]);
}

/**
 * kefu_customer_get_primary_phone:
 *
 * Returns: (transfer none) (nullable): the first phone number, or NULL when there is none
 */
const char *
kefu_customer_get_primary_phone (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), NULL);

  return self->phones[0];
}

/**
 * kefu_customer_get_last_contact_at:
 *
 * Returns: (transfer none) (nullable): when the customer last called, in UTC, or NULL when never
 */
GDateTime *
kefu_customer_get_last_contact_at (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), NULL);

  return self->last_contact_at;
}

void
kefu_customer_set_last_contact_at (KefuCustomer *self,
                                   GDateTime    *time)
{
  g_return_if_fail (KEFU_IS_CUSTOMER (self));

  _kefu_record_set_date_time (KEFU_RECORD (self), &self->last_contact_at, time,
                              properties[PROP_LAST_CONTACT_AT]);
}

KefuCallKind
kefu_customer_get_last_call_kind (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), KEFU_CALL_KIND_ORDER);

  return self->last_call_kind;
}

void
kefu_customer_set_last_call_kind (KefuCustomer *self,
                                  KefuCallKind  kind)
{
  g_return_if_fail (KEFU_IS_CUSTOMER (self));

  _kefu_record_set_enum (KEFU_RECORD (self), (int *) &self->last_call_kind, kind,
                         properties[PROP_LAST_CALL_KIND]);
}

const char *
kefu_customer_get_last_call_summary (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), NULL);

  return self->last_call_summary;
}

void
kefu_customer_set_last_call_summary (KefuCustomer *self,
                                     const char   *summary)
{
  g_return_if_fail (KEFU_IS_CUSTOMER (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->last_call_summary, summary,
                           properties[PROP_LAST_CALL_SUMMARY]);
}

const char *
kefu_customer_get_assigned_clerk_name (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), NULL);

  return self->assigned_clerk_name;
}

void
kefu_customer_set_assigned_clerk_name (KefuCustomer *self,
                                       const char   *name)
{
  g_return_if_fail (KEFU_IS_CUSTOMER (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->assigned_clerk_name, name,
                           properties[PROP_ASSIGNED_CLERK_NAME]);
}

/**
 * kefu_customer_get_assigned_at:
 *
 * Returns: (transfer none) (nullable): when the customer was assigned to their clerk, in UTC
 */
GDateTime *
kefu_customer_get_assigned_at (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), NULL);

  return self->assigned_at;
}

void
kefu_customer_set_assigned_at (KefuCustomer *self,
                               GDateTime    *time)
{
  g_return_if_fail (KEFU_IS_CUSTOMER (self));

  _kefu_record_set_date_time (KEFU_RECORD (self), &self->assigned_at, time,
                              properties[PROP_ASSIGNED_AT]);
}

/**
 * kefu_customer_get_first_contact_at:
 *
 * Returns: (transfer none) (nullable): when the assigned clerk first contacted the customer, in
 *   UTC, or NULL until then
 */
GDateTime *
kefu_customer_get_first_contact_at (KefuCustomer *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER (self), NULL);

  return self->first_contact_at;
}

void
kefu_customer_set_first_contact_at (KefuCustomer *self,
                                    GDateTime    *time)
{
  g_return_if_fail (KEFU_IS_CUSTOMER (self));

  _kefu_record_set_date_time (KEFU_RECORD (self), &self->first_contact_at, time,
                              properties[PROP_FIRST_CONTACT_AT]);
}
