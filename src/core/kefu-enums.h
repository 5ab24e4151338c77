/* kefu-enums.h: the enumerations of kefu-types.h as database text and as words for people.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kefu-types.h"
#include "kefu-enum-types.h"

G_BEGIN_DECLS

/* The readable text stored in the database for `value` of `enum_type` (its GEnumValue nick,
 * e.g. "team-lead", "home-delivery"), or NULL when `value` is not one of its values. */
const char *kefu_enum_to_nick              (GType        enum_type,
                                            int          value);
/* Reads a nick back; FALSE (and `value` untouched) when `nick` names no value. */
gboolean    kefu_enum_from_nick            (GType        enum_type,
                                            const char  *nick,
                                            int         *value);

/* Translated names for people ("Team lead" → 接线员组长). */
const char *kefu_role_get_display_name     (KefuRole     role);
/* Translated channel names (入户 / 零售 / 卖场); "Not specified" for KEFU_CHANNEL_UNSPECIFIED. */
const char *kefu_channel_get_display_name  (KefuChannel  channel);

/* Translated names of the hotline enums, for forms, lists and history. */
const char *kefu_call_kind_get_display_name          (KefuCallKind          kind);
const char *kefu_handover_state_get_display_name     (KefuHandoverState     state);
const char *kefu_complaint_category_get_display_name (KefuComplaintCategory category);
const char *kefu_product_symptom_get_display_name    (KefuProductSymptom    symptom);
const char *kefu_service_issue_get_display_name      (KefuServiceIssue      issue);
const char *kefu_complaint_stage_get_display_name    (KefuComplaintStage    stage);
const char *kefu_lead_state_get_display_name         (KefuLeadState         state);
/* The customer's answer at a callback (满意 / 一般 / 不满意); "Not asked" when unspecified. */
const char *kefu_satisfaction_get_display_name       (KefuSatisfaction      satisfaction);
/* A complaint action as a button or menu label ("Route…", "Acknowledge", "Record Resolution…"). */
const char *kefu_complaint_action_get_display_name   (KefuComplaintAction   action);
/* The deadline a complaint works against, as a noun ("acknowledgement", "resolution"); "" for
 * none. */
const char *kefu_complaint_deadline_get_display_name (KefuComplaintDeadline deadline);
/* Who a complaint is escalated to ("Team lead", "CS manager", "GM office"); "" for none. */
const char *kefu_escalation_level_get_display_name   (KefuEscalationLevel   level);
/* One topic flag's name; "Products", "Prices" … */
const char *kefu_inquiry_topic_get_display_name      (KefuInquiryTopics     topic);
/* The names of every topic set, joined with the locale's list separator ("、" in Chinese). */
char       *kefu_inquiry_topics_format               (KefuInquiryTopics     topics);

/* Translated names of the after-sales enums (issue 5), for forms, lists, pages and history. */
/* 保修期内 / 已过保修期(收费) / 保修未知. */
const char *kefu_warranty_state_get_display_name     (KefuWarrantyState     state);
/* The carrier's name as the waybill messages give it ("SF Express (顺丰)"); "Other carrier". */
const char *kefu_carrier_kind_get_display_name       (KefuCarrierKind       kind);
const char *kefu_shipment_step_get_display_name      (KefuShipmentStep      step);
/* A shipment action as a button or menu label ("Confirm Payment…", "Hand Over"). */
const char *kefu_shipment_action_get_display_name    (KefuShipmentAction    action);
/* What went wrong in transit; "None" for KEFU_SHIPMENT_EXCEPTION_NONE. */
const char *kefu_shipment_exception_get_display_name (KefuShipmentException exception);
const char *kefu_exception_outcome_get_display_name  (KefuExceptionOutcome  outcome);
/* How the customer confirmed receipt; "Not specified" when unspecified. */
const char *kefu_receipt_method_get_display_name     (KefuReceiptMethod     method);
const char *kefu_job_kind_get_display_name           (KefuJobKind           kind);
const char *kefu_job_step_get_display_name           (KefuJobStep           step);
/* A service-job action as a button or menu label ("Diagnose…", "Approve Support"). */
const char *kefu_job_action_get_display_name         (KefuJobAction         action);
const char *kefu_job_source_get_display_name         (KefuJobSource         source);
const char *kefu_callback_reason_get_display_name    (KefuCallbackReason    reason);
const char *kefu_callback_state_get_display_name     (KefuCallbackState     state);
/* The callback calendar's enums (issue 6): how a callback is made, what an attempt came to, how
 * often members are surveyed ("Every quarter"), and whom a campaign calls. */
const char *kefu_callback_method_get_display_name    (KefuCallbackMethod    method);
const char *kefu_callback_outcome_get_display_name   (KefuCallbackOutcome   outcome);
const char *kefu_survey_period_get_display_name      (KefuSurveyPeriod      period);
const char *kefu_campaign_target_get_display_name    (KefuCampaignTarget    target);

G_END_DECLS
