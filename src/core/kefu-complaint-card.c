/* kefu-complaint-card.c: one complaint as the board, the list view and the detail page's head
 * show it. A value object: the store fills it, the UI reads it through getters or properties.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-card"

#include "config.h"

#include "kefu-complaint-card.h"
#include "kefu-complaint-flow.h"
#include "kefu-enum-types.h"

struct _KefuComplaintCard
{
  GObject parent_instance;

  gint64 id;
  gint64 version;
  gint64 call_id;
  char *reference;
  gint64 customer_id;
  char *customer_name;
  char *phone;
  KefuComplaintCategory category;
  char *subject;
  char *reason;
  gint64 product_id;
  char *batch_number;
  gboolean batch_flagged;
  gboolean harmed;
  gboolean urgent;
  KefuComplaintStage stage;
  gint64 owner_id;
  char *owner_name;
  char *departments;
  GDateTime *received_at;
  GDateTime *stage_since;
  KefuEscalationLevel escalation;
  char *resolution;
  KefuSatisfaction satisfaction;
  char *customer_words;
  guint n_visits;
  GArray *department_ids;          /* gint64 */
  KefuComplaintDeadline due_kind;
  GDateTime *due_at;
};

G_DEFINE_FINAL_TYPE (KefuComplaintCard, kefu_complaint_card, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_CALL_ID,
  PROP_REFERENCE,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  PROP_PHONE,
  PROP_CATEGORY,
  PROP_SUBJECT,
  PROP_REASON,
  PROP_PRODUCT_ID,
  PROP_BATCH_NUMBER,
  PROP_BATCH_FLAGGED,
  PROP_HARMED,
  PROP_URGENT,
  PROP_STAGE,
  PROP_OWNER_ID,
  PROP_OWNER_NAME,
  PROP_DEPARTMENTS,
  PROP_RECEIVED_AT,
  PROP_STAGE_SINCE,
  PROP_ESCALATION,
  PROP_RESOLUTION,
  PROP_SATISFACTION,
  PROP_CUSTOMER_WORDS,
  PROP_N_VISITS,
  PROP_DUE_KIND,
  PROP_DUE_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_complaint_card_finalize (GObject *object)
{
  KefuComplaintCard *self = KEFU_COMPLAINT_CARD (object);

  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->customer_name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->batch_number, g_free);
  g_clear_pointer (&self->owner_name, g_free);
  g_clear_pointer (&self->departments, g_free);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_clear_pointer (&self->stage_since, g_date_time_unref);
  g_clear_pointer (&self->resolution, g_free);
  g_clear_pointer (&self->customer_words, g_free);
  g_clear_pointer (&self->due_at, g_date_time_unref);
  g_clear_pointer (&self->department_ids, g_array_unref);

  G_OBJECT_CLASS (kefu_complaint_card_parent_class)->finalize (object);
}

static void
kefu_complaint_card_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KefuComplaintCard *self = KEFU_COMPLAINT_CARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_CALL_ID:
      g_value_set_int64 (value, self->call_id);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, self->customer_name);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_CATEGORY:
      g_value_set_enum (value, (int) self->category);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;
    case PROP_BATCH_NUMBER:
      g_value_set_string (value, self->batch_number);
      break;
    case PROP_BATCH_FLAGGED:
      g_value_set_boolean (value, self->batch_flagged);
      break;
    case PROP_HARMED:
      g_value_set_boolean (value, self->harmed);
      break;
    case PROP_URGENT:
      g_value_set_boolean (value, self->urgent);
      break;
    case PROP_STAGE:
      g_value_set_enum (value, (int) self->stage);
      break;
    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;
    case PROP_OWNER_NAME:
      g_value_set_string (value, self->owner_name);
      break;
    case PROP_DEPARTMENTS:
      g_value_set_string (value, self->departments);
      break;
    case PROP_RECEIVED_AT:
      g_value_set_boxed (value, self->received_at);
      break;
    case PROP_STAGE_SINCE:
      g_value_set_boxed (value, self->stage_since);
      break;
    case PROP_ESCALATION:
      g_value_set_enum (value, (int) self->escalation);
      break;
    case PROP_RESOLUTION:
      g_value_set_string (value, self->resolution);
      break;
    case PROP_SATISFACTION:
      g_value_set_enum (value, (int) self->satisfaction);
      break;
    case PROP_CUSTOMER_WORDS:
      g_value_set_string (value, self->customer_words);
      break;
    case PROP_N_VISITS:
      g_value_set_uint (value, self->n_visits);
      break;
    case PROP_DUE_KIND:
      g_value_set_enum (value, (int) self->due_kind);
      break;
    case PROP_DUE_AT:
      g_value_set_boxed (value, self->due_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_card_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KefuComplaintCard *self = KEFU_COMPLAINT_CARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      kefu_complaint_card_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_VERSION:
      kefu_complaint_card_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_CALL_ID:
      kefu_complaint_card_set_call_id (self, g_value_get_int64 (value));
      break;
    case PROP_REFERENCE:
      kefu_complaint_card_set_reference (self, g_value_get_string (value));
      break;
    case PROP_CUSTOMER_ID:
      kefu_complaint_card_set_customer_id (self, g_value_get_int64 (value));
      break;
    case PROP_CUSTOMER_NAME:
      kefu_complaint_card_set_customer_name (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      kefu_complaint_card_set_phone (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY:
      kefu_complaint_card_set_category (self, (KefuComplaintCategory) g_value_get_enum (value));
      break;
    case PROP_SUBJECT:
      kefu_complaint_card_set_subject (self, g_value_get_string (value));
      break;
    case PROP_REASON:
      kefu_complaint_card_set_reason (self, g_value_get_string (value));
      break;
    case PROP_PRODUCT_ID:
      kefu_complaint_card_set_product_id (self, g_value_get_int64 (value));
      break;
    case PROP_BATCH_NUMBER:
      kefu_complaint_card_set_batch_number (self, g_value_get_string (value));
      break;
    case PROP_BATCH_FLAGGED:
      kefu_complaint_card_set_batch_flagged (self, g_value_get_boolean (value));
      break;
    case PROP_HARMED:
      kefu_complaint_card_set_harmed (self, g_value_get_boolean (value));
      break;
    case PROP_URGENT:
      kefu_complaint_card_set_urgent (self, g_value_get_boolean (value));
      break;
    case PROP_STAGE:
      kefu_complaint_card_set_stage (self, (KefuComplaintStage) g_value_get_enum (value));
      break;
    case PROP_OWNER_ID:
      kefu_complaint_card_set_owner_id (self, g_value_get_int64 (value));
      break;
    case PROP_OWNER_NAME:
      kefu_complaint_card_set_owner_name (self, g_value_get_string (value));
      break;
    case PROP_DEPARTMENTS:
      kefu_complaint_card_set_departments (self, g_value_get_string (value));
      break;
    case PROP_RECEIVED_AT:
      kefu_complaint_card_set_received_at (self, g_value_get_boxed (value));
      break;
    case PROP_STAGE_SINCE:
      kefu_complaint_card_set_stage_since (self, g_value_get_boxed (value));
      break;
    case PROP_ESCALATION:
      kefu_complaint_card_set_escalation (self, (KefuEscalationLevel) g_value_get_enum (value));
      break;
    case PROP_RESOLUTION:
      kefu_complaint_card_set_resolution (self, g_value_get_string (value));
      break;
    case PROP_SATISFACTION:
      kefu_complaint_card_set_satisfaction (self, (KefuSatisfaction) g_value_get_enum (value));
      break;
    case PROP_CUSTOMER_WORDS:
      kefu_complaint_card_set_customer_words (self, g_value_get_string (value));
      break;
    case PROP_N_VISITS:
      kefu_complaint_card_set_n_visits (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_card_class_init (KefuComplaintCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = kefu_complaint_card_finalize;
  object_class->get_property = kefu_complaint_card_get_property;
  object_class->set_property = kefu_complaint_card_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "The complaint's id", 0, G_MAXINT64, 0, flags);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, "The complaint's version", 0, G_MAXINT64, 0, flags);
  properties[PROP_CALL_ID] =
    g_param_spec_int64 ("call-id", NULL, "The call it came from", 0, G_MAXINT64, 0, flags);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, "The reference number", NULL, flags);
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, "The customer's id", 0, G_MAXINT64, 0, flags);
  properties[PROP_CUSTOMER_NAME] =
    g_param_spec_string ("customer-name", NULL, "The caller's name", NULL, flags);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, "The caller's phone", NULL, flags);
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, "What the complaint is about", KEFU_TYPE_COMPLAINT_CATEGORY, KEFU_COMPLAINT_CATEGORY_UNSPECIFIED, flags);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, "What is complained about", NULL, flags);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, "Why the customer complains", NULL, flags);
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, "The product's id", 0, G_MAXINT64, 0, flags);
  properties[PROP_BATCH_NUMBER] =
    g_param_spec_string ("batch-number", NULL, "The batch number", NULL, flags);
  properties[PROP_BATCH_FLAGGED] =
    g_param_spec_boolean ("batch-flagged", NULL, "Whether the batch is a possible quality incident", FALSE, flags);
  properties[PROP_HARMED] =
    g_param_spec_boolean ("harmed", NULL, "Whether the customer was harmed", FALSE, flags);
  properties[PROP_URGENT] =
    g_param_spec_boolean ("urgent", NULL, "Whether the complaint is urgent", FALSE, flags);
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, "Where the complaint is in its work", KEFU_TYPE_COMPLAINT_STAGE, KEFU_COMPLAINT_STAGE_NEW, flags);
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, "The owner's staff id", 0, G_MAXINT64, 0, flags);
  properties[PROP_OWNER_NAME] =
    g_param_spec_string ("owner-name", NULL, "The owner's name", NULL, flags);
  properties[PROP_DEPARTMENTS] =
    g_param_spec_string ("departments", NULL, "The routed departments' names", NULL, flags);
  properties[PROP_RECEIVED_AT] =
    g_param_spec_boxed ("received-at", NULL, "When the call was received", G_TYPE_DATE_TIME, flags);
  properties[PROP_STAGE_SINCE] =
    g_param_spec_boxed ("stage-since", NULL, "When the complaint entered its stage", G_TYPE_DATE_TIME, flags);
  properties[PROP_ESCALATION] =
    g_param_spec_enum ("escalation", NULL, "The escalation level", KEFU_TYPE_ESCALATION_LEVEL, KEFU_ESCALATION_NONE, flags);
  properties[PROP_RESOLUTION] =
    g_param_spec_string ("resolution", NULL, "The resolution", NULL, flags);
  properties[PROP_SATISFACTION] =
    g_param_spec_enum ("satisfaction", NULL, "The customer's answer at the callback", KEFU_TYPE_SATISFACTION, KEFU_SATISFACTION_UNSPECIFIED, flags);
  properties[PROP_CUSTOMER_WORDS] =
    g_param_spec_string ("customer-words", NULL, "The customer's words at the callback", NULL, flags);
  properties[PROP_N_VISITS] =
    g_param_spec_uint ("n-visits", NULL, "The number of visits recorded", 0, G_MAXUINT, 0, flags);
  /* The deadline changes with its kind through kefu_complaint_card_set_due () only. */
  properties[PROP_DUE_KIND] =
    g_param_spec_enum ("due-kind", NULL, "The deadline the complaint works against",
                       KEFU_TYPE_COMPLAINT_DEADLINE, KEFU_COMPLAINT_DEADLINE_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DUE_AT] =
    g_param_spec_boxed ("due-at", NULL, "When the deadline falls", G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_complaint_card_init (KefuComplaintCard *self)
{
  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * kefu_complaint_card_new:
 *
 * Returns: (transfer full): an empty card
 */
KefuComplaintCard *
kefu_complaint_card_new (void)
{
  return g_object_new (KEFU_TYPE_COMPLAINT_CARD, NULL);
}

gint64
kefu_complaint_card_get_id (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), 0);

  return self->id;
}

void
kefu_complaint_card_set_id (KefuComplaintCard *self,
                            gint64             id)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
kefu_complaint_card_get_version (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), 0);

  return self->version;
}

void
kefu_complaint_card_set_version (KefuComplaintCard *self,
                                 gint64             version)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

gint64
kefu_complaint_card_get_call_id (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), 0);

  return self->call_id;
}

void
kefu_complaint_card_set_call_id (KefuComplaintCard *self,
                                 gint64             call_id)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->call_id == call_id)
    return;

  self->call_id = call_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_ID]);
}

const char *
kefu_complaint_card_get_reference (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->reference;
}

void
kefu_complaint_card_set_reference (KefuComplaintCard *self,
                                   const char        *reference)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (!g_set_str (&self->reference, reference))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
}

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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_NAME]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT_ID]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BATCH_NUMBER]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BATCH_FLAGGED]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HARMED]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URGENT]);
}

KefuComplaintStage
kefu_complaint_card_get_stage (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), KEFU_COMPLAINT_STAGE_NEW);

  return self->stage;
}

void
kefu_complaint_card_set_stage (KefuComplaintCard  *self,
                               KefuComplaintStage  stage)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->stage == stage)
    return;

  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

gint64
kefu_complaint_card_get_owner_id (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), 0);

  return self->owner_id;
}

void
kefu_complaint_card_set_owner_id (KefuComplaintCard *self,
                                  gint64             staff_id)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->owner_id == staff_id)
    return;

  self->owner_id = staff_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

const char *
kefu_complaint_card_get_owner_name (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->owner_name;
}

void
kefu_complaint_card_set_owner_name (KefuComplaintCard *self,
                                    const char        *name)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (!g_set_str (&self->owner_name, name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_NAME]);
}

const char *
kefu_complaint_card_get_departments (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->departments;
}

void
kefu_complaint_card_set_departments (KefuComplaintCard *self,
                                     const char        *names)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (!g_set_str (&self->departments, names))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENTS]);
}

/**
 * kefu_complaint_card_get_department_ids:
 *
 * Returns: (transfer none) (element-type gint64): the routed departments' ids, in routing order
 */
GArray *
kefu_complaint_card_get_department_ids (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->department_ids;
}

void
kefu_complaint_card_add_department_id (KefuComplaintCard *self,
                                       gint64             department_id)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));
  g_return_if_fail (department_id > 0);

  g_array_append_val (self->department_ids, department_id);
}

/**
 * kefu_complaint_card_get_received_at:
 *
 * Returns: (transfer none) (nullable): the time
 */
GDateTime *
kefu_complaint_card_get_received_at (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->received_at;
}

void
kefu_complaint_card_set_received_at (KefuComplaintCard *self,
                                     GDateTime         *time)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->received_at == time ||
      (self->received_at != NULL && time != NULL && g_date_time_equal (self->received_at, time)))
    return;

  g_clear_pointer (&self->received_at, g_date_time_unref);
  self->received_at = time != NULL ? g_date_time_ref (time) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED_AT]);
}

/**
 * kefu_complaint_card_get_stage_since:
 *
 * Returns: (transfer none) (nullable): the time
 */
GDateTime *
kefu_complaint_card_get_stage_since (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->stage_since;
}

void
kefu_complaint_card_set_stage_since (KefuComplaintCard *self,
                                     GDateTime         *time)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->stage_since == time ||
      (self->stage_since != NULL && time != NULL && g_date_time_equal (self->stage_since, time)))
    return;

  g_clear_pointer (&self->stage_since, g_date_time_unref);
  self->stage_since = time != NULL ? g_date_time_ref (time) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE_SINCE]);
}

KefuComplaintDeadline
kefu_complaint_card_get_due_kind (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), KEFU_COMPLAINT_DEADLINE_NONE);

  return self->due_kind;
}

/**
 * kefu_complaint_card_get_due_at:
 *
 * Returns: (transfer none) (nullable): when the deadline falls
 */
GDateTime *
kefu_complaint_card_get_due_at (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->due_at;
}

void
kefu_complaint_card_set_due (KefuComplaintCard     *self,
                             KefuComplaintDeadline  kind,
                             GDateTime             *due_at)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  /* A deadline without a time, or a time without a deadline, would show a wrong colour. */
  if (kind == KEFU_COMPLAINT_DEADLINE_NONE || due_at == NULL)
    {
      kind = KEFU_COMPLAINT_DEADLINE_NONE;
      due_at = NULL;
    }

  if (self->due_kind != kind)
    {
      self->due_kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_KIND]);
    }
  if (self->due_at != due_at &&
      (self->due_at == NULL || due_at == NULL || !g_date_time_equal (self->due_at, due_at)))
    {
      g_clear_pointer (&self->due_at, g_date_time_unref);
      self->due_at = due_at != NULL ? g_date_time_ref (due_at) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_AT]);
    }
}

KefuEscalationLevel
kefu_complaint_card_get_escalation (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), KEFU_ESCALATION_NONE);

  return self->escalation;
}

void
kefu_complaint_card_set_escalation (KefuComplaintCard   *self,
                                    KefuEscalationLevel  level)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->escalation == level)
    return;

  self->escalation = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESCALATION]);
}

KefuDeadlineState
kefu_complaint_card_get_deadline_state (KefuComplaintCard *self,
                                        GDateTime         *now)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), KEFU_DEADLINE_STATE_NONE);
  g_return_val_if_fail (now != NULL, KEFU_DEADLINE_STATE_NONE);

  return kefu_deadline_state (self->stage_since, self->due_at, now);
}

const char *
kefu_complaint_card_get_resolution (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->resolution;
}

void
kefu_complaint_card_set_resolution (KefuComplaintCard *self,
                                    const char        *resolution)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (!g_set_str (&self->resolution, resolution))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLUTION]);
}

KefuSatisfaction
kefu_complaint_card_get_satisfaction (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), KEFU_SATISFACTION_UNSPECIFIED);

  return self->satisfaction;
}

void
kefu_complaint_card_set_satisfaction (KefuComplaintCard *self,
                                      KefuSatisfaction   satisfaction)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->satisfaction == satisfaction)
    return;

  self->satisfaction = satisfaction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFACTION]);
}

const char *
kefu_complaint_card_get_customer_words (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->customer_words;
}

void
kefu_complaint_card_set_customer_words (KefuComplaintCard *self,
                                        const char        *words)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (!g_set_str (&self->customer_words, words))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_WORDS]);
}

guint
kefu_complaint_card_get_n_visits (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), 0);

  return self->n_visits;
}

void
kefu_complaint_card_set_n_visits (KefuComplaintCard *self,
                                  guint              n_visits)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->n_visits == n_visits)
    return;

  self->n_visits = n_visits;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_VISITS]);
}
