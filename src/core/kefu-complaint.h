/* kefu-complaint.h: the complaint of a complaint call (《客户投诉电话记录单》), with its category,
 * details, urgency, stage and the departments it was routed to.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-record.h"
#include "kefu-types.h"

G_BEGIN_DECLS

/* One department a complaint was routed to, and the role whose default routing
 * (kefu_complaint_route_roles ()) sent it there; KEFU_COMPLAINT_ROUTE_NO_ROLE when no role did:
 * a route from a site's routing rule, or one a lead or manager added by hand. */
typedef struct
{
  gint64    department_id;
  char     *department_name;
  KefuRole  role;
} KefuComplaintRoute;

/* The role of a route that no role default made (stored as NULL). It is none of KefuRole's
 * values, which are staff members' roles: nobody holds it. */
#define KEFU_COMPLAINT_ROUTE_NO_ROLE ((KefuRole) -1)

KefuComplaintRoute *kefu_complaint_route_new  (gint64 department_id, const char *department_name,
                                               KefuRole role);
void                kefu_complaint_route_free (KefuComplaintRoute *route);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuComplaintRoute, kefu_complaint_route_free)

#define KEFU_TYPE_COMPLAINT (kefu_complaint_get_type ())
G_DECLARE_FINAL_TYPE (KefuComplaint, kefu_complaint, KEFU, COMPLAINT, KefuRecord)

KefuComplaint        *kefu_complaint_new                 (void);

gint64                kefu_complaint_get_call_id         (KefuComplaint *self);
void                  kefu_complaint_set_call_id         (KefuComplaint *self, gint64 call_id);
/* The call's reference number (TS-…), read out to the caller. */
const char           *kefu_complaint_get_reference       (KefuComplaint *self);
void                  kefu_complaint_set_reference       (KefuComplaint *self, const char *reference);
/* The clerk who took the call owns the complaint to the end (谁先接待谁负责到底). */
gint64                kefu_complaint_get_owner_id        (KefuComplaint *self);
void                  kefu_complaint_set_owner_id        (KefuComplaint *self, gint64 staff_id);
/* 投诉对象 and 投诉事由. */
const char           *kefu_complaint_get_subject         (KefuComplaint *self);
void                  kefu_complaint_set_subject         (KefuComplaint *self, const char *subject);
const char           *kefu_complaint_get_reason          (KefuComplaint *self);
void                  kefu_complaint_set_reason          (KefuComplaint *self, const char *reason);
/* The clerk's judgement (理由是否充分); TRUE by default. When FALSE the explanation given to the
 * customer is required and the complaint closes as EXPLAINED without a category. */
gboolean              kefu_complaint_get_well_founded    (KefuComplaint *self);
void                  kefu_complaint_set_well_founded    (KefuComplaint *self, gboolean well_founded);
const char           *kefu_complaint_get_explanation     (KefuComplaint *self);
void                  kefu_complaint_set_explanation     (KefuComplaint *self, const char *explanation);
KefuComplaintCategory kefu_complaint_get_category        (KefuComplaint *self);
void                  kefu_complaint_set_category        (KefuComplaint *self, KefuComplaintCategory category);

/* Product quality. */
KefuProductSymptom    kefu_complaint_get_symptom         (KefuComplaint *self);
void                  kefu_complaint_set_symptom         (KefuComplaint *self, KefuProductSymptom symptom);
/* 购买方式 (e.g. 超市购买, 送奶到户) and 购买地点. */
const char           *kefu_complaint_get_purchase_method (KefuComplaint *self);
void                  kefu_complaint_set_purchase_method (KefuComplaint *self, const char *method);
const char           *kefu_complaint_get_purchase_place  (KefuComplaint *self);
void                  kefu_complaint_set_purchase_place  (KefuComplaint *self, const char *place);
/* 生产批号, checked by kefu_batch_number_validate(). */
const char           *kefu_complaint_get_batch_number    (KefuComplaint *self);
void                  kefu_complaint_set_batch_number    (KefuComplaint *self, const char *batch);
/* 出厂日期; NULL when not known. */
const GDate          *kefu_complaint_get_production_date (KefuComplaint *self);
void                  kefu_complaint_set_production_date (KefuComplaint *self, const GDate *date);
gint64                kefu_complaint_get_product_id      (KefuComplaint *self);
void                  kefu_complaint_set_product_id      (KefuComplaint *self, gint64 product_id);

/* Service quality. */
KefuServiceIssue      kefu_complaint_get_service_issue   (KefuComplaint *self);
void                  kefu_complaint_set_service_issue   (KefuComplaint *self, KefuServiceIssue issue);
/* 员工姓名或工号, 工作地点 and 工作方式. */
const char           *kefu_complaint_get_staff_identity  (KefuComplaint *self);
void                  kefu_complaint_set_staff_identity  (KefuComplaint *self, const char *identity);
const char           *kefu_complaint_get_work_place      (KefuComplaint *self);
void                  kefu_complaint_set_work_place      (KefuComplaint *self, const char *place);
const char           *kefu_complaint_get_work_manner     (KefuComplaint *self);
void                  kefu_complaint_set_work_manner     (KefuComplaint *self, const char *manner);

/* 身体损害、生病住院: the most urgent case; the store marks such a complaint urgent. */
gboolean              kefu_complaint_get_harmed          (KefuComplaint *self);
void                  kefu_complaint_set_harmed          (KefuComplaint *self, gboolean harmed);
gboolean              kefu_complaint_get_urgent          (KefuComplaint *self);
void                  kefu_complaint_set_urgent          (KefuComplaint *self, gboolean urgent);
KefuComplaintStage    kefu_complaint_get_stage           (KefuComplaint *self);
void                  kefu_complaint_set_stage           (KefuComplaint *self, KefuComplaintStage stage);

/* The departments it was routed to (element type KefuComplaintRoute, transfer none), set by the
 * store from kefu_complaint_route_roles() on save and on reads. */
GPtrArray            *kefu_complaint_get_routes          (KefuComplaint *self);
/* Takes ownership of `route`. */
void                  kefu_complaint_add_route           (KefuComplaint *self, KefuComplaintRoute *route);
void                  kefu_complaint_clear_routes        (KefuComplaint *self);

G_END_DECLS
