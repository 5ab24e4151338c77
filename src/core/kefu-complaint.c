/* kefu-complaint.c: the complaint of a complaint call (投诉): category, details, urgency, stage
 * and the departments it was routed to.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint"

#include "config.h"

#include "kefu-complaint.h"
#include "kefu-enum-types.h"
#include "kefu-record-private.h"

struct _KefuComplaint
{
  KefuRecord parent_instance;

  gint64                 call_id;
  char                  *reference;
  gint64                 owner_id;
  char                  *subject;
  char                  *reason;
  gboolean               well_founded;
  char                  *explanation;
  KefuComplaintCategory  category;
  KefuProductSymptom     symptom;
  char                  *purchase_method;
  char                  *purchase_place;
  char                  *batch_number;
  GDate                 *production_date;
  gint64                 product_id;
  KefuServiceIssue       service_issue;
  char                  *staff_identity;
  char                  *work_place;
  char                  *work_manner;
  gboolean               harmed;
  gboolean               urgent;
  KefuComplaintStage     stage;
  GPtrArray             *routes;
};

G_DEFINE_FINAL_TYPE (KefuComplaint, kefu_complaint, KEFU_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CALL_ID,
  PROP_REFERENCE,
  PROP_OWNER_ID,
  PROP_SUBJECT,
  PROP_REASON,
  PROP_WELL_FOUNDED,
  PROP_EXPLANATION,
  PROP_CATEGORY,
  PROP_SYMPTOM,
  PROP_PURCHASE_METHOD,
  PROP_PURCHASE_PLACE,
  PROP_BATCH_NUMBER,
  PROP_PRODUCTION_DATE,
  PROP_PRODUCT_ID,
  PROP_SERVICE_ISSUE,
  PROP_STAFF_IDENTITY,
  PROP_WORK_PLACE,
  PROP_WORK_MANNER,
  PROP_HARMED,
  PROP_URGENT,
  PROP_STAGE,
  PROP_ROUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_complaint_finalize (GObject *object)
{
  KefuComplaint *self = KEFU_COMPLAINT (object);

  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_pointer (&self->purchase_method, g_free);
  g_clear_pointer (&self->purchase_place, g_free);
  g_clear_pointer (&self->batch_number, g_free);
  g_clear_pointer (&self->production_date, g_date_free);
  g_clear_pointer (&self->staff_identity, g_free);
  g_clear_pointer (&self->work_place, g_free);
  g_clear_pointer (&self->work_manner, g_free);
  g_clear_pointer (&self->routes, g_ptr_array_unref);

  G_OBJECT_CLASS (kefu_complaint_parent_class)->finalize (object);
}

static void
kefu_complaint_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KefuComplaint *self = KEFU_COMPLAINT (object);

  switch (prop_id)
    {
    case PROP_CALL_ID:
      g_value_set_int64 (value, kefu_complaint_get_call_id (self));
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, kefu_complaint_get_reference (self));
      break;
    case PROP_OWNER_ID:
      g_value_set_int64 (value, kefu_complaint_get_owner_id (self));
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, kefu_complaint_get_subject (self));
      break;
    case PROP_REASON:
      g_value_set_string (value, kefu_complaint_get_reason (self));
      break;
    case PROP_WELL_FOUNDED:
      g_value_set_boolean (value, kefu_complaint_get_well_founded (self));
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, kefu_complaint_get_explanation (self));
      break;
    case PROP_CATEGORY:
      g_value_set_enum (value, kefu_complaint_get_category (self));
      break;
    case PROP_SYMPTOM:
      g_value_set_enum (value, kefu_complaint_get_symptom (self));
      break;
    case PROP_PURCHASE_METHOD:
      g_value_set_string (value, kefu_complaint_get_purchase_method (self));
      break;
    case PROP_PURCHASE_PLACE:
      g_value_set_string (value, kefu_complaint_get_purchase_place (self));
      break;
    case PROP_BATCH_NUMBER:
      g_value_set_string (value, kefu_complaint_get_batch_number (self));
      break;
    case PROP_PRODUCTION_DATE:
      g_value_set_boxed (value, kefu_complaint_get_production_date (self));
      break;
    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, kefu_complaint_get_product_id (self));
      break;
    case PROP_SERVICE_ISSUE:
      g_value_set_enum (value, kefu_complaint_get_service_issue (self));
      break;
    case PROP_STAFF_IDENTITY:
      g_value_set_string (value, kefu_complaint_get_staff_identity (self));
      break;
    case PROP_WORK_PLACE:
      g_value_set_string (value, kefu_complaint_get_work_place (self));
      break;
    case PROP_WORK_MANNER:
      g_value_set_string (value, kefu_complaint_get_work_manner (self));
      break;
    case PROP_HARMED:
      g_value_set_boolean (value, kefu_complaint_get_harmed (self));
      break;
    case PROP_URGENT:
      g_value_set_boolean (value, kefu_complaint_get_urgent (self));
      break;
    case PROP_STAGE:
      g_value_set_enum (value, kefu_complaint_get_stage (self));
      break;
    case PROP_ROUTES:
      g_value_set_boxed (value, kefu_complaint_get_routes (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KefuComplaint *self = KEFU_COMPLAINT (object);

  switch (prop_id)
    {
    case PROP_CALL_ID:
      kefu_complaint_set_call_id (self, g_value_get_int64 (value));
      break;
    case PROP_REFERENCE:
      kefu_complaint_set_reference (self, g_value_get_string (value));
      break;
    case PROP_OWNER_ID:
      kefu_complaint_set_owner_id (self, g_value_get_int64 (value));
      break;
    case PROP_SUBJECT:
      kefu_complaint_set_subject (self, g_value_get_string (value));
      break;
    case PROP_REASON:
      kefu_complaint_set_reason (self, g_value_get_string (value));
      break;
    case PROP_WELL_FOUNDED:
      kefu_complaint_set_well_founded (self, g_value_get_boolean (value));
      break;
    case PROP_EXPLANATION:
      kefu_complaint_set_explanation (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY:
      kefu_complaint_set_category (self, g_value_get_enum (value));
      break;
    case PROP_SYMPTOM:
      kefu_complaint_set_symptom (self, g_value_get_enum (value));
      break;
    case PROP_PURCHASE_METHOD:
      kefu_complaint_set_purchase_method (self, g_value_get_string (value));
      break;
    case PROP_PURCHASE_PLACE:
      kefu_complaint_set_purchase_place (self, g_value_get_string (value));
      break;
    case PROP_BATCH_NUMBER:
      kefu_complaint_set_batch_number (self, g_value_get_string (value));
      break;
    case PROP_PRODUCTION_DATE:
      kefu_complaint_set_production_date (self, g_value_get_boxed (value));
      break;
    case PROP_PRODUCT_ID:
      kefu_complaint_set_product_id (self, g_value_get_int64 (value));
      break;
    case PROP_SERVICE_ISSUE:
      kefu_complaint_set_service_issue (self, g_value_get_enum (value));
      break;
    case PROP_STAFF_IDENTITY:
      kefu_complaint_set_staff_identity (self, g_value_get_string (value));
      break;
    case PROP_WORK_PLACE:
      kefu_complaint_set_work_place (self, g_value_get_string (value));
      break;
    case PROP_WORK_MANNER:
      kefu_complaint_set_work_manner (self, g_value_get_string (value));
      break;
    case PROP_HARMED:
      kefu_complaint_set_harmed (self, g_value_get_boolean (value));
      break;
    case PROP_URGENT:
      kefu_complaint_set_urgent (self, g_value_get_boolean (value));
      break;
    case PROP_STAGE:
      kefu_complaint_set_stage (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_class_init (KefuComplaintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_complaint_finalize;
  object_class->get_property = kefu_complaint_get_property;
  object_class->set_property = kefu_complaint_set_property;

  properties[PROP_CALL_ID] =
    g_param_spec_int64 ("call-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_WELL_FOUNDED] =
    g_param_spec_boolean ("well-founded", NULL, NULL, TRUE, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL,
                       KEFU_TYPE_COMPLAINT_CATEGORY, KEFU_COMPLAINT_CATEGORY_UNSPECIFIED,
                       KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_SYMPTOM] =
    g_param_spec_enum ("symptom", NULL, NULL,
                       KEFU_TYPE_PRODUCT_SYMPTOM, KEFU_PRODUCT_SYMPTOM_UNSPECIFIED,
                       KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_PURCHASE_METHOD] =
    g_param_spec_string ("purchase-method", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_PURCHASE_PLACE] =
    g_param_spec_string ("purchase-place", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_BATCH_NUMBER] =
    g_param_spec_string ("batch-number", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_PRODUCTION_DATE] =
    g_param_spec_boxed ("production-date", NULL, NULL, G_TYPE_DATE, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_SERVICE_ISSUE] =
    g_param_spec_enum ("service-issue", NULL, NULL,
                       KEFU_TYPE_SERVICE_ISSUE, KEFU_SERVICE_ISSUE_UNSPECIFIED,
                       KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_STAFF_IDENTITY] =
    g_param_spec_string ("staff-identity", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_WORK_PLACE] =
    g_param_spec_string ("work-place", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_WORK_MANNER] =
    g_param_spec_string ("work-manner", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_HARMED] =
    g_param_spec_boolean ("harmed", NULL, NULL, FALSE, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_URGENT] =
    g_param_spec_boolean ("urgent", NULL, NULL, FALSE, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL,
                       KEFU_TYPE_COMPLAINT_STAGE, KEFU_COMPLAINT_STAGE_NEW,
                       KEFU_RECORD_PARAM_FLAGS);
  /* A GPtrArray of KefuComplaintRoute, notified when routes are added or cleared. */
  properties[PROP_ROUTES] =
    g_param_spec_boxed ("routes", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_complaint_init (KefuComplaint *self)
{
  self->reference = g_strdup ("");
  self->subject = g_strdup ("");
  self->reason = g_strdup ("");
  self->well_founded = TRUE;
  self->explanation = g_strdup ("");
  self->purchase_method = g_strdup ("");
  self->purchase_place = g_strdup ("");
  self->batch_number = g_strdup ("");
  self->staff_identity = g_strdup ("");
  self->work_place = g_strdup ("");
  self->work_manner = g_strdup ("");
  self->stage = KEFU_COMPLAINT_STAGE_NEW;
  self->routes = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_complaint_route_free);
}

KefuComplaint *
kefu_complaint_new (void)
{
  return g_object_new (KEFU_TYPE_COMPLAINT, NULL);
}

gint64
kefu_complaint_get_call_id (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), 0);

  return self->call_id;
}

void
kefu_complaint_set_call_id (KefuComplaint *self,
                            gint64         call_id)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));
  g_return_if_fail (call_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->call_id, call_id, properties[PROP_CALL_ID]);
}

const char *
kefu_complaint_get_reference (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), NULL);

  return self->reference;
}

void
kefu_complaint_set_reference (KefuComplaint *self,
                              const char    *reference)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->reference, reference,
                           properties[PROP_REFERENCE]);
}

gint64
kefu_complaint_get_owner_id (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), 0);

  return self->owner_id;
}

void
kefu_complaint_set_owner_id (KefuComplaint *self,
                             gint64         staff_id)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));
  g_return_if_fail (staff_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->owner_id, staff_id, properties[PROP_OWNER_ID]);
}

const char *
kefu_complaint_get_subject (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), NULL);

  return self->subject;
}

void
kefu_complaint_set_subject (KefuComplaint *self,
                            const char    *subject)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->subject, subject, properties[PROP_SUBJECT]);
}

const char *
kefu_complaint_get_reason (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), NULL);

  return self->reason;
}

void
kefu_complaint_set_reason (KefuComplaint *self,
                           const char    *reason)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->reason, reason, properties[PROP_REASON]);
}

gboolean
kefu_complaint_get_well_founded (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), FALSE);

  return self->well_founded;
}

void
kefu_complaint_set_well_founded (KefuComplaint *self,
                                 gboolean       well_founded)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_boolean (KEFU_RECORD (self), &self->well_founded, well_founded,
                            properties[PROP_WELL_FOUNDED]);
}

const char *
kefu_complaint_get_explanation (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), NULL);

  return self->explanation;
}

void
kefu_complaint_set_explanation (KefuComplaint *self,
                                const char    *explanation)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->explanation, explanation,
                           properties[PROP_EXPLANATION]);
}

KefuComplaintCategory
kefu_complaint_get_category (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);

  return self->category;
}

void
kefu_complaint_set_category (KefuComplaint         *self,
                             KefuComplaintCategory  category)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_enum (KEFU_RECORD (self), (int *) &self->category, category,
                         properties[PROP_CATEGORY]);
}

KefuProductSymptom
kefu_complaint_get_symptom (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), KEFU_PRODUCT_SYMPTOM_UNSPECIFIED);

  return self->symptom;
}

void
kefu_complaint_set_symptom (KefuComplaint      *self,
                            KefuProductSymptom  symptom)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_enum (KEFU_RECORD (self), (int *) &self->symptom, symptom,
                         properties[PROP_SYMPTOM]);
}

const char *
kefu_complaint_get_purchase_method (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), NULL);

  return self->purchase_method;
}

void
kefu_complaint_set_purchase_method (KefuComplaint *self,
                                    const char    *method)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->purchase_method, method,
                           properties[PROP_PURCHASE_METHOD]);
}

const char *
kefu_complaint_get_purchase_place (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), NULL);

  return self->purchase_place;
}

void
kefu_complaint_set_purchase_place (KefuComplaint *self,
                                   const char    *place)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->purchase_place, place,
                           properties[PROP_PURCHASE_PLACE]);
}

const char *
kefu_complaint_get_batch_number (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), NULL);

  return self->batch_number;
}

void
kefu_complaint_set_batch_number (KefuComplaint *self,
                                 const char    *batch)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->batch_number, batch,
                           properties[PROP_BATCH_NUMBER]);
}

/**
 * kefu_complaint_get_production_date:
 *
 * Returns: (transfer none) (nullable): the production date (出厂日期), or NULL when not known
 */
const GDate *
kefu_complaint_get_production_date (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), NULL);

  return self->production_date;
}

void
kefu_complaint_set_production_date (KefuComplaint *self,
                                    const GDate   *date)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  _kefu_record_set_date (KEFU_RECORD (self), &self->production_date, date,
                         properties[PROP_PRODUCTION_DATE]);
}

gint64
kefu_complaint_get_product_id (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), 0);

  return self->product_id;
}

void
kefu_complaint_set_product_id (KefuComplaint *self,
                               gint64         product_id)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));
  g_return_if_fail (product_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->product_id, product_id,
                          properties[PROP_PRODUCT_ID]);
}

KefuServiceIssue
kefu_complaint_get_service_issue (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), KEFU_SERVICE_ISSUE_UNSPECIFIED);

  return self->service_issue;
}

void
kefu_complaint_set_service_issue (KefuComplaint    *self,
                                  KefuServiceIssue  issue)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_enum (KEFU_RECORD (self), (int *) &self->service_issue, issue,
                         properties[PROP_SERVICE_ISSUE]);
}

const char *
kefu_complaint_get_staff_identity (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), NULL);

  return self->staff_identity;
}

void
kefu_complaint_set_staff_identity (KefuComplaint *self,
                                   const char    *identity)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->staff_identity, identity,
                           properties[PROP_STAFF_IDENTITY]);
}

const char *
kefu_complaint_get_work_place (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), NULL);

  return self->work_place;
}

void
kefu_complaint_set_work_place (KefuComplaint *self,
                               const char    *place)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->work_place, place,
                           properties[PROP_WORK_PLACE]);
}

const char *
kefu_complaint_get_work_manner (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), NULL);

  return self->work_manner;
}

void
kefu_complaint_set_work_manner (KefuComplaint *self,
                                const char    *manner)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->work_manner, manner,
                           properties[PROP_WORK_MANNER]);
}

gboolean
kefu_complaint_get_harmed (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), FALSE);

  return self->harmed;
}

void
kefu_complaint_set_harmed (KefuComplaint *self,
                           gboolean       harmed)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_boolean (KEFU_RECORD (self), &self->harmed, harmed, properties[PROP_HARMED]);
}

gboolean
kefu_complaint_get_urgent (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), FALSE);

  return self->urgent;
}

void
kefu_complaint_set_urgent (KefuComplaint *self,
                           gboolean       urgent)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_boolean (KEFU_RECORD (self), &self->urgent, urgent, properties[PROP_URGENT]);
}

KefuComplaintStage
kefu_complaint_get_stage (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), KEFU_COMPLAINT_STAGE_NEW);

  return self->stage;
}

void
kefu_complaint_set_stage (KefuComplaint      *self,
                          KefuComplaintStage  stage)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  _kefu_record_set_enum (KEFU_RECORD (self), (int *) &self->stage, stage, properties[PROP_STAGE]);
}

/**
 * kefu_complaint_get_routes:
 *
 * Returns: (transfer none) (element-type KefuComplaintRoute): the departments the complaint was
 *   routed to, in routing order; empty, never NULL
 */
GPtrArray *
kefu_complaint_get_routes (KefuComplaint *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT (self), NULL);

  return self->routes;
}

/**
 * kefu_complaint_add_route:
 * @route: (transfer full): the route
 */
void
kefu_complaint_add_route (KefuComplaint      *self,
                          KefuComplaintRoute *route)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));
  g_return_if_fail (route != NULL);

  g_ptr_array_add (self->routes, route);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTES]);
}

void
kefu_complaint_clear_routes (KefuComplaint *self)
{
  g_return_if_fail (KEFU_IS_COMPLAINT (self));

  if (self->routes->len == 0)
    return;

  g_ptr_array_set_size (self->routes, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTES]);
}
