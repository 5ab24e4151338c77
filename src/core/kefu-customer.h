/* kefu-customer.h: a customer (客户): who calls, with normalised phone numbers. */
#pragma once

#include "kefu-record.h"
#include "kefu-types.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CUSTOMER (kefu_customer_get_type ())
G_DECLARE_FINAL_TYPE (KefuCustomer, kefu_customer, KEFU, CUSTOMER, KefuRecord)

KefuCustomer *kefu_customer_new (void);
const char * kefu_customer_get_name (KefuCustomer *self);
void kefu_customer_set_name (KefuCustomer *self, const char * name);
const char * kefu_customer_get_address (KefuCustomer *self);
void kefu_customer_set_address (KefuCustomer *self, const char * address);
const char * kefu_customer_get_district (KefuCustomer *self);
void kefu_customer_set_district (KefuCustomer *self, const char * district);
gboolean kefu_customer_get_is_member (KefuCustomer *self);
void kefu_customer_set_is_member (KefuCustomer *self, gboolean is_member);
const char * kefu_customer_get_member_number (KefuCustomer *self);
void kefu_customer_set_member_number (KefuCustomer *self, const char * member_number);
KefuChannel kefu_customer_get_channel (KefuCustomer *self);
void kefu_customer_set_channel (KefuCustomer *self, KefuChannel channel);
gint64 kefu_customer_get_assigned_clerk_id (KefuCustomer *self);
void kefu_customer_set_assigned_clerk_id (KefuCustomer *self, gint64 assigned_clerk_id);
const char * kefu_customer_get_notes (KefuCustomer *self);
void kefu_customer_set_notes (KefuCustomer *self, const char * notes);
/* Normalised phone numbers, the primary first (property "phones", a GStrv). */
const char * const *kefu_customer_get_phones (KefuCustomer *self);
void kefu_customer_set_phones (KefuCustomer *self, const char * const *phones);
const char *kefu_customer_get_primary_phone (KefuCustomer *self);

/* Read-only for the UI (set by the store on reads): the customer's last call, for the lookup's
 * one-line summary, and the assignment state (客户资料处理): when the customer was assigned to
 * their clerk, and when that clerk first contacted them (NULL until then). */
GDateTime *kefu_customer_get_last_contact_at (KefuCustomer *self);
void kefu_customer_set_last_contact_at (KefuCustomer *self, GDateTime *time);
KefuCallKind kefu_customer_get_last_call_kind (KefuCustomer *self);
void kefu_customer_set_last_call_kind (KefuCustomer *self, KefuCallKind kind);
const char *kefu_customer_get_last_call_summary (KefuCustomer *self);
void kefu_customer_set_last_call_summary (KefuCustomer *self, const char *summary);
const char *kefu_customer_get_assigned_clerk_name (KefuCustomer *self);
void kefu_customer_set_assigned_clerk_name (KefuCustomer *self, const char *name);
GDateTime *kefu_customer_get_assigned_at (KefuCustomer *self);
void kefu_customer_set_assigned_at (KefuCustomer *self, GDateTime *time);
GDateTime *kefu_customer_get_first_contact_at (KefuCustomer *self);
void kefu_customer_set_first_contact_at (KefuCustomer *self, GDateTime *time);

G_END_DECLS
