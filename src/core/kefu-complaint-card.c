/* kefu-complaint-card.c: one complaint as the board, the list view and the detail page's head
 * show it. A value object: the store fills it, the UI reads it through getters or properties.
 * This file holds the class, its properties and the card's identity (id, version, call,
 * reference); kefu-complaint-card-intake.c holds who complained about what, and
 * kefu-complaint-card-work.c where the complaint is in its work and its outcome so far.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-card"

#include "config.h"

#include "kefu-complaint-card-private.h"
#include "kefu-enum-types.h"

G_DEFINE_FINAL_TYPE (KefuComplaintCard, kefu_complaint_card, G_TYPE_OBJECT)

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

void
_kefu_complaint_card_notify (KefuComplaintCard *self,
                             guint              prop_id)
{
  g_assert (prop_id > PROP_0 && prop_id < N_PROPS);

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
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
