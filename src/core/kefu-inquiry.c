/* kefu-inquiry.c: the inquiry of an inquiry call (咨询): topics, answer, and whether it is a
 * potential order.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-inquiry"

#include "config.h"

#include "kefu-inquiry.h"
#include "kefu-enum-types.h"
#include "kefu-record-private.h"

struct _KefuInquiry
{
  KefuRecord parent_instance;

  gint64             call_id;
  KefuInquiryTopics  topics;
  char              *answer;
  gboolean           potential_order;
  gint64             lead_id;
};

G_DEFINE_FINAL_TYPE (KefuInquiry, kefu_inquiry, KEFU_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CALL_ID,
  PROP_TOPICS,
  PROP_ANSWER,
  PROP_POTENTIAL_ORDER,
  PROP_LEAD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_inquiry_finalize (GObject *object)
{
  KefuInquiry *self = KEFU_INQUIRY (object);

  g_clear_pointer (&self->answer, g_free);

  G_OBJECT_CLASS (kefu_inquiry_parent_class)->finalize (object);
}

static void
kefu_inquiry_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KefuInquiry *self = KEFU_INQUIRY (object);

  switch (prop_id)
    {
    case PROP_CALL_ID:
      g_value_set_int64 (value, kefu_inquiry_get_call_id (self));
      break;
    case PROP_TOPICS:
      g_value_set_flags (value, kefu_inquiry_get_topics (self));
      break;
    case PROP_ANSWER:
      g_value_set_string (value, kefu_inquiry_get_answer (self));
      break;
    case PROP_POTENTIAL_ORDER:
      g_value_set_boolean (value, kefu_inquiry_get_potential_order (self));
      break;
    case PROP_LEAD_ID:
      g_value_set_int64 (value, kefu_inquiry_get_lead_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_inquiry_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KefuInquiry *self = KEFU_INQUIRY (object);

  switch (prop_id)
    {
    case PROP_CALL_ID:
      kefu_inquiry_set_call_id (self, g_value_get_int64 (value));
      break;
    case PROP_TOPICS:
      kefu_inquiry_set_topics (self, g_value_get_flags (value));
      break;
    case PROP_ANSWER:
      kefu_inquiry_set_answer (self, g_value_get_string (value));
      break;
    case PROP_POTENTIAL_ORDER:
      kefu_inquiry_set_potential_order (self, g_value_get_boolean (value));
      break;
    case PROP_LEAD_ID:
      kefu_inquiry_set_lead_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_inquiry_class_init (KefuInquiryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_inquiry_finalize;
  object_class->get_property = kefu_inquiry_get_property;
  object_class->set_property = kefu_inquiry_set_property;

  properties[PROP_CALL_ID] =
    g_param_spec_int64 ("call-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_TOPICS] =
    g_param_spec_flags ("topics", NULL, NULL,
                        KEFU_TYPE_INQUIRY_TOPICS, KEFU_INQUIRY_TOPIC_NONE,
                        KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_ANSWER] =
    g_param_spec_string ("answer", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_POTENTIAL_ORDER] =
    g_param_spec_boolean ("potential-order", NULL, NULL, FALSE, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_LEAD_ID] =
    g_param_spec_int64 ("lead-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_inquiry_init (KefuInquiry *self)
{
  self->answer = g_strdup ("");
}

KefuInquiry *
kefu_inquiry_new (void)
{
  return g_object_new (KEFU_TYPE_INQUIRY, NULL);
}

gint64
kefu_inquiry_get_call_id (KefuInquiry *self)
{
  g_return_val_if_fail (KEFU_IS_INQUIRY (self), 0);

  return self->call_id;
}

void
kefu_inquiry_set_call_id (KefuInquiry *self,
                          gint64       call_id)
{
  g_return_if_fail (KEFU_IS_INQUIRY (self));
  g_return_if_fail (call_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->call_id, call_id, properties[PROP_CALL_ID]);
}

KefuInquiryTopics
kefu_inquiry_get_topics (KefuInquiry *self)
{
  g_return_val_if_fail (KEFU_IS_INQUIRY (self), KEFU_INQUIRY_TOPIC_NONE);

  return self->topics;
}

void
kefu_inquiry_set_topics (KefuInquiry       *self,
                         KefuInquiryTopics  topics)
{
  g_return_if_fail (KEFU_IS_INQUIRY (self));

  _kefu_record_set_flags (KEFU_RECORD (self), (guint *) &self->topics, topics,
                          properties[PROP_TOPICS]);
}

const char *
kefu_inquiry_get_answer (KefuInquiry *self)
{
  g_return_val_if_fail (KEFU_IS_INQUIRY (self), NULL);

  return self->answer;
}

void
kefu_inquiry_set_answer (KefuInquiry *self,
                         const char  *answer)
{
  g_return_if_fail (KEFU_IS_INQUIRY (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->answer, answer, properties[PROP_ANSWER]);
}

gboolean
kefu_inquiry_get_potential_order (KefuInquiry *self)
{
  g_return_val_if_fail (KEFU_IS_INQUIRY (self), FALSE);

  return self->potential_order;
}

void
kefu_inquiry_set_potential_order (KefuInquiry *self,
                                  gboolean     potential)
{
  g_return_if_fail (KEFU_IS_INQUIRY (self));

  _kefu_record_set_boolean (KEFU_RECORD (self), &self->potential_order, potential,
                            properties[PROP_POTENTIAL_ORDER]);
}

gint64
kefu_inquiry_get_lead_id (KefuInquiry *self)
{
  g_return_val_if_fail (KEFU_IS_INQUIRY (self), 0);

  return self->lead_id;
}

void
kefu_inquiry_set_lead_id (KefuInquiry *self,
                          gint64       lead_id)
{
  g_return_if_fail (KEFU_IS_INQUIRY (self));
  g_return_if_fail (lead_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->lead_id, lead_id, properties[PROP_LEAD_ID]);
}
