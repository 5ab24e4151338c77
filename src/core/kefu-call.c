/* kefu-call.c: one hotline call (来电) and the detail records of its kind.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-call"

#include "config.h"

#include "kefu-call.h"
#include "kefu-enum-types.h"
#include "kefu-record-private.h"

struct _KefuCall
{
  KefuRecord parent_instance;

  char          *reference;
  KefuCallKind   kind;
  gint64         customer_id;
  char          *caller_name;
  char          *address;
  char          *phone;
  gint64         clerk_id;
  char          *clerk_name;
  GDateTime     *received_at;
  char          *notes;
  char          *summary;

  KefuOrder     *order;
  KefuComplaint *complaint;
  KefuInquiry   *inquiry;
};

G_DEFINE_FINAL_TYPE (KefuCall, kefu_call, KEFU_TYPE_RECORD)

enum {
  PROP_0,
  PROP_REFERENCE,
  PROP_KIND,
  PROP_CUSTOMER_ID,
  PROP_CALLER_NAME,
  PROP_ADDRESS,
  PROP_PHONE,
  PROP_CLERK_ID,
  PROP_CLERK_NAME,
  PROP_RECEIVED_AT,
  PROP_NOTES,
  PROP_SUMMARY,
  PROP_ORDER,
  PROP_COMPLAINT,
  PROP_INQUIRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
order_is_blank (KefuOrder *order)
{
  GListModel *lines = G_LIST_MODEL (kefu_order_get_lines (order));
  guint n_lines = g_list_model_get_n_items (lines);

  if (kefu_order_get_channel (order) != KEFU_CHANNEL_UNSPECIFIED
      || *kefu_order_get_delivery_address (order) != '\0'
      || *kefu_order_get_district (order) != '\0'
      || kefu_order_get_lead_id (order) != 0)
    return FALSE;

  /* An empty line the form added is not something typed; a line with anything in it is. */
  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(KefuOrderLine) line = g_list_model_get_item (lines, i);

      if (kefu_order_line_get_product_id (line) != 0
          || *kefu_order_line_get_product_name (line) != '\0'
          || *kefu_order_line_get_spec (line) != '\0'
          || kefu_order_line_get_quantity (line) != 0
          || kefu_order_line_get_unit_price (line) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
complaint_is_blank (KefuComplaint *complaint)
{
  /* Well founded is the default (TRUE): only unticking it is a change. */
  return *kefu_complaint_get_subject (complaint) == '\0'
    && *kefu_complaint_get_reason (complaint) == '\0'
    && kefu_complaint_get_well_founded (complaint)
    && *kefu_complaint_get_explanation (complaint) == '\0'
    && kefu_complaint_get_category (complaint) == KEFU_COMPLAINT_CATEGORY_UNSPECIFIED
    && kefu_complaint_get_symptom (complaint) == KEFU_PRODUCT_SYMPTOM_UNSPECIFIED
    && *kefu_complaint_get_purchase_method (complaint) == '\0'
    && *kefu_complaint_get_purchase_place (complaint) == '\0'
    && *kefu_complaint_get_batch_number (complaint) == '\0'
    && kefu_complaint_get_production_date (complaint) == NULL
    && kefu_complaint_get_product_id (complaint) == 0
    && kefu_complaint_get_service_issue (complaint) == KEFU_SERVICE_ISSUE_UNSPECIFIED
    && *kefu_complaint_get_staff_identity (complaint) == '\0'
    && *kefu_complaint_get_work_place (complaint) == '\0'
    && *kefu_complaint_get_work_manner (complaint) == '\0'
    && !kefu_complaint_get_harmed (complaint);
}

static gboolean
inquiry_is_blank (KefuInquiry *inquiry)
{
  return kefu_inquiry_get_topics (inquiry) == KEFU_INQUIRY_TOPIC_NONE
    && *kefu_inquiry_get_answer (inquiry) == '\0'
    && !kefu_inquiry_get_potential_order (inquiry);
}

static void
kefu_call_dispose (GObject *object)
{
  KefuCall *self = KEFU_CALL (object);

  g_clear_object (&self->order);
  g_clear_object (&self->complaint);
  g_clear_object (&self->inquiry);

  G_OBJECT_CLASS (kefu_call_parent_class)->dispose (object);
}
static void
kefu_call_finalize (GObject *object)
{
  KefuCall *self = KEFU_CALL (object);

  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->caller_name, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->clerk_name, g_free);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (kefu_call_parent_class)->finalize (object);
}

static void
kefu_call_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KefuCall *self = KEFU_CALL (object);

  switch (prop_id)
    {
    case PROP_REFERENCE:
      g_value_set_string (value, kefu_call_get_reference (self));
      break;
    case PROP_KIND:
      g_value_set_enum (value, kefu_call_get_kind (self));
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, kefu_call_get_customer_id (self));
      break;
    case PROP_CALLER_NAME:
      g_value_set_string (value, kefu_call_get_caller_name (self));
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, kefu_call_get_address (self));
      break;
    case PROP_PHONE:
      g_value_set_string (value, kefu_call_get_phone (self));
      break;
    case PROP_CLERK_ID:
      g_value_set_int64 (value, kefu_call_get_clerk_id (self));
      break;
    case PROP_CLERK_NAME:
      g_value_set_string (value, kefu_call_get_clerk_name (self));
      break;
    case PROP_RECEIVED_AT:
      g_value_set_boxed (value, kefu_call_get_received_at (self));
      break;
    case PROP_NOTES:
      g_value_set_string (value, kefu_call_get_notes (self));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, kefu_call_get_summary (self));
      break;
    case PROP_ORDER:
      g_value_set_object (value, kefu_call_get_order (self));
      break;
    case PROP_COMPLAINT:
      g_value_set_object (value, kefu_call_get_complaint (self));
      break;
    case PROP_INQUIRY:
      g_value_set_object (value, kefu_call_get_inquiry (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_call_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KefuCall *self = KEFU_CALL (object);

  switch (prop_id)
    {
    case PROP_REFERENCE:
      kefu_call_set_reference (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      kefu_call_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_CUSTOMER_ID:
      kefu_call_set_customer_id (self, g_value_get_int64 (value));
      break;
    case PROP_CALLER_NAME:
      kefu_call_set_caller_name (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      kefu_call_set_address (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      kefu_call_set_phone (self, g_value_get_string (value));
      break;
    case PROP_CLERK_ID:
      kefu_call_set_clerk_id (self, g_value_get_int64 (value));
      break;
    case PROP_CLERK_NAME:
      kefu_call_set_clerk_name (self, g_value_get_string (value));
      break;
    case PROP_RECEIVED_AT:
      kefu_call_set_received_at (self, g_value_get_boxed (value));
      break;
    case PROP_NOTES:
      kefu_call_set_notes (self, g_value_get_string (value));
      break;
    case PROP_SUMMARY:
      kefu_call_set_summary (self, g_value_get_string (value));
      break;
    case PROP_ORDER:
      kefu_call_set_order (self, g_value_get_object (value));
      break;
    case PROP_COMPLAINT:
      kefu_call_set_complaint (self, g_value_get_object (value));
      break;
    case PROP_INQUIRY:
      kefu_call_set_inquiry (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_call_class_init (KefuCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_call_dispose;
  object_class->finalize = kefu_call_finalize;
  object_class->get_property = kefu_call_get_property;
  object_class->set_property = kefu_call_set_property;

  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       KEFU_TYPE_CALL_KIND, KEFU_CALL_KIND_ORDER,
                       KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CALLER_NAME] =
    g_param_spec_string ("caller-name", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CLERK_ID] =
    g_param_spec_int64 ("clerk-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CLERK_NAME] =
    g_param_spec_string ("clerk-name", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_RECEIVED_AT] =
    g_param_spec_boxed ("received-at", NULL, NULL, G_TYPE_DATE_TIME, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_ORDER] =
    g_param_spec_object ("order", NULL, NULL, KEFU_TYPE_ORDER, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_COMPLAINT] =
    g_param_spec_object ("complaint", NULL, NULL, KEFU_TYPE_COMPLAINT, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_INQUIRY] =
    g_param_spec_object ("inquiry", NULL, NULL, KEFU_TYPE_INQUIRY, KEFU_RECORD_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_call_init (KefuCall *self)
{
  self->reference = g_strdup ("");
  self->kind = KEFU_CALL_KIND_ORDER;
  self->caller_name = g_strdup ("");
  self->address = g_strdup ("");
  self->phone = g_strdup ("");
  self->clerk_name = g_strdup ("");
  self->notes = g_strdup ("");
  self->summary = g_strdup ("");
}

KefuCall *
kefu_call_new (void)
{
  return g_object_new (KEFU_TYPE_CALL, NULL);
}

const char *
kefu_call_get_reference (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), NULL);

  return self->reference;
}

void
kefu_call_set_reference (KefuCall   *self,
                         const char *reference)
{
  g_return_if_fail (KEFU_IS_CALL (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->reference, reference,
                           properties[PROP_REFERENCE]);
}

KefuCallKind
kefu_call_get_kind (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), KEFU_CALL_KIND_ORDER);

  return self->kind;
}

void
kefu_call_set_kind (KefuCall     *self,
                    KefuCallKind  kind)
{
  g_return_if_fail (KEFU_IS_CALL (self));

  _kefu_record_set_enum (KEFU_RECORD (self), (int *) &self->kind, kind, properties[PROP_KIND]);
}

gint64
kefu_call_get_customer_id (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), 0);

  return self->customer_id;
}

void
kefu_call_set_customer_id (KefuCall *self,
                           gint64    customer_id)
{
  g_return_if_fail (KEFU_IS_CALL (self));
  g_return_if_fail (customer_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->customer_id, customer_id,
                          properties[PROP_CUSTOMER_ID]);
}

const char *
kefu_call_get_caller_name (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), NULL);

  return self->caller_name;
}

void
kefu_call_set_caller_name (KefuCall   *self,
                           const char *caller_name)
{
  g_return_if_fail (KEFU_IS_CALL (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->caller_name, caller_name,
                           properties[PROP_CALLER_NAME]);
}

const char *
kefu_call_get_address (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), NULL);

  return self->address;
}

void
kefu_call_set_address (KefuCall   *self,
                       const char *address)
{
  g_return_if_fail (KEFU_IS_CALL (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->address, address, properties[PROP_ADDRESS]);
}

const char *
kefu_call_get_phone (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), NULL);

  return self->phone;
}

void
kefu_call_set_phone (KefuCall   *self,
                     const char *phone)
{
  g_return_if_fail (KEFU_IS_CALL (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->phone, phone, properties[PROP_PHONE]);
}

gint64
kefu_call_get_clerk_id (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), 0);

  return self->clerk_id;
}

void
kefu_call_set_clerk_id (KefuCall *self,
                        gint64    clerk_id)
{
  g_return_if_fail (KEFU_IS_CALL (self));
  g_return_if_fail (clerk_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->clerk_id, clerk_id, properties[PROP_CLERK_ID]);
}

const char *
kefu_call_get_clerk_name (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), NULL);

  return self->clerk_name;
}

void
kefu_call_set_clerk_name (KefuCall   *self,
                          const char *clerk_name)
{
  g_return_if_fail (KEFU_IS_CALL (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->clerk_name, clerk_name,
                           properties[PROP_CLERK_NAME]);
}

/**
 * kefu_call_get_received_at:
 *
 * Returns: (transfer none) (nullable): when the call came in, in UTC, or NULL when not set
 */
GDateTime *
kefu_call_get_received_at (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), NULL);

  return self->received_at;
}

void
kefu_call_set_received_at (KefuCall  *self,
                           GDateTime *received_at)
{
  g_return_if_fail (KEFU_IS_CALL (self));

  _kefu_record_set_date_time (KEFU_RECORD (self), &self->received_at, received_at,
                              properties[PROP_RECEIVED_AT]);
}

const char *
kefu_call_get_notes (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), NULL);

  return self->notes;
}

void
kefu_call_set_notes (KefuCall   *self,
                     const char *notes)
{
  g_return_if_fail (KEFU_IS_CALL (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->notes, notes, properties[PROP_NOTES]);
}

const char *
kefu_call_get_summary (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), NULL);

  return self->summary;
}

void
kefu_call_set_summary (KefuCall   *self,
                       const char *summary)
{
  g_return_if_fail (KEFU_IS_CALL (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->summary, summary, properties[PROP_SUMMARY]);
}

/**
 * kefu_call_new_for_form:
 *
 * Returns: (transfer full): an empty call of kind ORDER holding an empty order (with one empty
 *   line), an empty complaint (well founded) and an empty inquiry
 */
KefuCall *
kefu_call_new_for_form (void)
{
  g_autoptr(KefuOrder) order = kefu_order_new ();
  g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();
  g_autoptr(KefuInquiry) inquiry = kefu_inquiry_new ();

  kefu_order_add_line (order);

  return g_object_new (KEFU_TYPE_CALL,
                       "order", order,
                       "complaint", complaint,
                       "inquiry", inquiry,
                       NULL);
}

/**
 * kefu_call_get_order:
 *
 * Returns: (transfer none) (nullable): the order, or NULL when the call has none
 */
KefuOrder *
kefu_call_get_order (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), NULL);

  return self->order;
}

void
kefu_call_set_order (KefuCall  *self,
                     KefuOrder *order)
{
  g_return_if_fail (KEFU_IS_CALL (self));
  g_return_if_fail (order == NULL || KEFU_IS_ORDER (order));

  if (g_set_object (&self->order, order))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}

/**
 * kefu_call_get_complaint:
 *
 * Returns: (transfer none) (nullable): the complaint, or NULL when the call has none
 */
KefuComplaint *
kefu_call_get_complaint (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), NULL);

  return self->complaint;
}

void
kefu_call_set_complaint (KefuCall      *self,
                         KefuComplaint *complaint)
{
  g_return_if_fail (KEFU_IS_CALL (self));
  g_return_if_fail (complaint == NULL || KEFU_IS_COMPLAINT (complaint));

  if (g_set_object (&self->complaint, complaint))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT]);
}

/**
 * kefu_call_get_inquiry:
 *
 * Returns: (transfer none) (nullable): the inquiry, or NULL when the call has none
 */
KefuInquiry *
kefu_call_get_inquiry (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), NULL);

  return self->inquiry;
}

void
kefu_call_set_inquiry (KefuCall    *self,
                       KefuInquiry *inquiry)
{
  g_return_if_fail (KEFU_IS_CALL (self));
  g_return_if_fail (inquiry == NULL || KEFU_IS_INQUIRY (inquiry));

  if (g_set_object (&self->inquiry, inquiry))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INQUIRY]);
}

/* The kind alone does not count: switching the form between kinds types nothing, and the other
 * kinds' records keep what was typed into them anyway. The customer id does count, because
 * picking a customer from the lookup fills the caller's details. */
gboolean
kefu_call_is_blank (KefuCall *self)
{
  g_return_val_if_fail (KEFU_IS_CALL (self), FALSE);

  return self->customer_id == 0
    && *self->caller_name == '\0'
    && *self->address == '\0'
    && *self->phone == '\0'
    && *self->notes == '\0'
    && (self->order == NULL || order_is_blank (self->order))
    && (self->complaint == NULL || complaint_is_blank (self->complaint))
    && (self->inquiry == NULL || inquiry_is_blank (self->inquiry));
}
