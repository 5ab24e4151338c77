/* kefu-enums.c: enum values as database text (nicks) and as translated names.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-enums.h"

/**
 * kefu_enum_to_nick:
 *
 * Returns: (transfer none) (nullable): the nick, valid for the life of the process
 */
const char *
kefu_enum_to_nick (GType enum_type,
                   int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  /* Enum classes are static: the nick outlives the reference we drop here. */
  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
kefu_enum_from_nick (GType       enum_type,
                     const char *nick,
                     int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

/**
 * kefu_role_get_display_name:
 *
 * Returns: (transfer none): the role's translated name
 */
const char *
kefu_role_get_display_name (KefuRole role)
{
  /* The zh_CN words are those the seed documents use for each post (岗位). */
  switch (role)
    {
    case KEFU_ROLE_CLERK:
      return C_("role", "Clerk");
    case KEFU_ROLE_TEAM_LEAD:
      return C_("role", "Team lead");
    case KEFU_ROLE_CS_MANAGER:
      return C_("role", "CS manager");
    case KEFU_ROLE_QC_MANAGER:
      return C_("role", "QC manager");
    case KEFU_ROLE_GM_OFFICE:
      return C_("role", "GM office director");
    case KEFU_ROLE_MARKETING_DIRECTOR:
      return C_("role", "Marketing director");
    case KEFU_ROLE_SALES_ADMIN:
      return C_("role", "Sales admin");
    case KEFU_ROLE_DEPOT_ADMIN:
      return C_("role", "Depot admin");
    case KEFU_ROLE_SALES_REP:
      return C_("role", "Sales rep");
    case KEFU_ROLE_TECHNICIAN:
      return C_("role", "Technician");
    case KEFU_ROLE_FINANCE:
      return C_("role", "Finance");
    case KEFU_ROLE_LOGISTICS:
      return C_("role", "Logistics");
    case KEFU_ROLE_WAREHOUSE:
      return C_("role", "Warehouse");
    case KEFU_ROLE_ADMINISTRATOR:
      return C_("role", "Administrator");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_channel_get_display_name:
 *
 * Returns: (transfer none): the channel's translated name
 */
const char *
kefu_channel_get_display_name (KefuChannel channel)
{
  switch (channel)
    {
    case KEFU_CHANNEL_UNSPECIFIED:
      /* TRANSLATORS: a sales channel that was not given for an order call. */
      return C_("sales channel", "Not specified");
    case KEFU_CHANNEL_HOME_DELIVERY:
      /* TRANSLATORS: the sales channel that delivers to the customer's home (入户). */
      return C_("sales channel", "Home delivery");
    case KEFU_CHANNEL_RETAIL:
      return C_("sales channel", "Retail");
    case KEFU_CHANNEL_SUPERMARKET:
      return C_("sales channel", "Supermarket");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_call_kind_get_display_name:
 *
 * Returns: (transfer none): the call kind's translated name
 */
const char *
kefu_call_kind_get_display_name (KefuCallKind kind)
{
  switch (kind)
    {
    case KEFU_CALL_KIND_ORDER:
      /* TRANSLATORS: the kind of hotline call that orders products (定奶电话). */
      return C_("call kind", "Order");
    case KEFU_CALL_KIND_COMPLAINT:
      return C_("call kind", "Complaint");
    case KEFU_CALL_KIND_INQUIRY:
      return C_("call kind", "Inquiry");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_handover_state_get_display_name:
 *
 * Returns: (transfer none): the hand-over state's translated name
 */
const char *
kefu_handover_state_get_display_name (KefuHandoverState state)
{
  switch (state)
    {
    case KEFU_HANDOVER_STATE_WAITING:
      /* TRANSLATORS: an order form waiting for the day's hand-over to the sales admins. */
      return C_("handover state", "Waiting for hand-over");
    case KEFU_HANDOVER_STATE_HANDED_OVER:
      return C_("handover state", "Handed over");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_complaint_category_get_display_name:
 *
 * Returns: (transfer none): the category's translated name
 */
const char *
kefu_complaint_category_get_display_name (KefuComplaintCategory category)
{
  switch (category)
    {
    case KEFU_COMPLAINT_CATEGORY_UNSPECIFIED:
      return C_("complaint category", "Not classified");
    case KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY:
      return C_("complaint category", "Product quality");
    case KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY:
      return C_("complaint category", "Service quality");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_product_symptom_get_display_name:
 *
 * Returns: (transfer none): the symptom's translated name
 */
const char *
kefu_product_symptom_get_display_name (KefuProductSymptom symptom)
{
  switch (symptom)
    {
    case KEFU_PRODUCT_SYMPTOM_UNSPECIFIED:
      return C_("product symptom", "Not specified");
    case KEFU_PRODUCT_SYMPTOM_ODD_SMELL:
      return C_("product symptom", "Odd smell");
    case KEFU_PRODUCT_SYMPTOM_SPOILED:
      return C_("product symptom", "Spoiled");
    case KEFU_PRODUCT_SYMPTOM_OUT_OF_SPEC:
      /* TRANSLATORS: the product does not meet its technical specification. */
      return C_("product symptom", "Out of spec");
    case KEFU_PRODUCT_SYMPTOM_OTHER:
      return C_("product symptom", "Other");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_service_issue_get_display_name:
 *
 * Returns: (transfer none): the service issue's translated name
 */
const char *
kefu_service_issue_get_display_name (KefuServiceIssue issue)
{
  switch (issue)
    {
    case KEFU_SERVICE_ISSUE_UNSPECIFIED:
      return C_("service issue", "Not specified");
    case KEFU_SERVICE_ISSUE_LATE_DELIVERY:
      return C_("service issue", "Late delivery");
    case KEFU_SERVICE_ISSUE_SHORT_DELIVERY:
      /* TRANSLATORS: fewer products were delivered than ordered. */
      return C_("service issue", "Short delivery");
    case KEFU_SERVICE_ISSUE_STAFF_CONDUCT:
      return C_("service issue", "Staff skill or attitude");
    case KEFU_SERVICE_ISSUE_BILLING_ERROR:
      return C_("service issue", "Billing error");
    case KEFU_SERVICE_ISSUE_OTHER:
      return C_("service issue", "Other");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_complaint_stage_get_display_name:
 *
 * Returns: (transfer none): the stage's translated name
 */
const char *
kefu_complaint_stage_get_display_name (KefuComplaintStage stage)
{
  switch (stage)
    {
    case KEFU_COMPLAINT_STAGE_NEW:
      return C_("complaint stage", "New");
    case KEFU_COMPLAINT_STAGE_ROUTED:
      /* TRANSLATORS: the departments responsible were notified of the complaint. */
      return C_("complaint stage", "Routed");
    case KEFU_COMPLAINT_STAGE_IN_PROGRESS:
      return C_("complaint stage", "In progress");
    case KEFU_COMPLAINT_STAGE_RESOLVED:
      return C_("complaint stage", "Resolved");
    case KEFU_COMPLAINT_STAGE_CALLED_BACK:
      return C_("complaint stage", "Called back");
    case KEFU_COMPLAINT_STAGE_CLOSED:
      return C_("complaint stage", "Closed");
    case KEFU_COMPLAINT_STAGE_EXPLAINED:
      /* TRANSLATORS: a complaint found not well founded, explained to the customer and closed. */
      return C_("complaint stage", "Explained");
    case KEFU_COMPLAINT_STAGE_REOPENED:
      return C_("complaint stage", "Reopened");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_lead_state_get_display_name:
 *
 * Returns: (transfer none): the lead state's translated name
 */
const char *
kefu_lead_state_get_display_name (KefuLeadState state)
{
  switch (state)
    {
    case KEFU_LEAD_STATE_OPEN:
      /* TRANSLATORS: a potential order waiting for the team lead to follow it up. */
      return C_("lead state", "To follow up");
    case KEFU_LEAD_STATE_CONVERTED:
      return C_("lead state", "Turned into an order");
    case KEFU_LEAD_STATE_DROPPED:
      return C_("lead state", "Dropped");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_satisfaction_get_display_name:
 *
 * Returns: (transfer none): the answer's translated name
 */
const char *
kefu_satisfaction_get_display_name (KefuSatisfaction satisfaction)
{
  switch (satisfaction)
    {
    case KEFU_SATISFACTION_UNSPECIFIED:
      /* TRANSLATORS: the customer has not been asked at a callback yet. */
      return C_("satisfaction", "Not asked");
    case KEFU_SATISFACTION_SATISFIED:
      return C_("satisfaction", "Satisfied");
    case KEFU_SATISFACTION_SO_SO:
      /* TRANSLATORS: the customer is neither satisfied nor unsatisfied (一般). */
      return C_("satisfaction", "So-so");
    case KEFU_SATISFACTION_NOT_SATISFIED:
      return C_("satisfaction", "Not satisfied");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_complaint_action_get_display_name:
 *
 * Returns: (transfer none): the action's translated label; an ellipsis says it asks for more
 */
const char *
kefu_complaint_action_get_display_name (KefuComplaintAction action)
{
  switch (action)
    {
    case KEFU_COMPLAINT_ACTION_ROUTE:
      /* TRANSLATORS: a button that sends a complaint to the departments responsible (分派). */
      return C_("complaint action", "Route…");
    case KEFU_COMPLAINT_ACTION_ACKNOWLEDGE:
      /* TRANSLATORS: a button by which a department accepts a complaint to work on (受理). */
      return C_("complaint action", "Acknowledge");
    case KEFU_COMPLAINT_ACTION_RESOLVE:
      return C_("complaint action", "Record Resolution…");
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
      return C_("complaint action", "Record Callback…");
    case KEFU_COMPLAINT_ACTION_REOPEN:
      return C_("complaint action", "Reopen…");
    case KEFU_COMPLAINT_ACTION_CLOSE:
      /* TRANSLATORS: a button that closes a handled complaint (结案). */
      return C_("complaint action", "Close");
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
      return C_("complaint action", "Add Note…");
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
      /* TRANSLATORS: records a visit to a harmed customer: who went, when, the outcome. */
      return C_("complaint action", "Record Visit…");
    case KEFU_COMPLAINT_ACTION_ESCALATE:
      return C_("complaint action", "Escalate…");
    case KEFU_COMPLAINT_ACTION_EDIT_ROUTES:
      return C_("complaint action", "Change Departments…");
    case KEFU_COMPLAINT_ACTION_EDIT_DETAILS:
      return C_("complaint action", "Edit Details");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_complaint_deadline_get_display_name:
 *
 * Returns: (transfer none): the deadline's translated name, "" for none
 */
const char *
kefu_complaint_deadline_get_display_name (KefuComplaintDeadline deadline)
{
  switch (deadline)
    {
    case KEFU_COMPLAINT_DEADLINE_NONE:
      return "";
    case KEFU_COMPLAINT_DEADLINE_ROUTE:
      /* TRANSLATORS: the deadline by which a new complaint must be sent to departments, as in
       * "Escalated to the CS manager (routing late)". */
      return C_("complaint deadline", "routing");
    case KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE:
      /* TRANSLATORS: the deadline by which a department must accept the complaint (受理). */
      return C_("complaint deadline", "acknowledgement");
    case KEFU_COMPLAINT_DEADLINE_RESOLVE:
      return C_("complaint deadline", "resolution");
    case KEFU_COMPLAINT_DEADLINE_CALLBACK:
      /* TRANSLATORS: the deadline by which the customer must be called back (回访). */
      return C_("complaint deadline", "callback");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_escalation_level_get_display_name:
 *
 * Returns: (transfer none): the level's translated name, "" for none
 */
const char *
kefu_escalation_level_get_display_name (KefuEscalationLevel level)
{
  switch (level)
    {
    case KEFU_ESCALATION_NONE:
      return "";
    case KEFU_ESCALATION_TEAM_LEAD:
      return C_("escalation level", "Team lead");
    case KEFU_ESCALATION_CS_MANAGER:
      return C_("escalation level", "CS manager");
    case KEFU_ESCALATION_GM_OFFICE:
      /* TRANSLATORS: the general manager's office (总经办). */
      return C_("escalation level", "GM office");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_inquiry_topic_get_display_name:
 * @topic: exactly one topic flag
 *
 * Returns: (transfer none): the topic's translated name
 */
const char *
kefu_inquiry_topic_get_display_name (KefuInquiryTopics topic)
{
  switch (topic)
    {
    case KEFU_INQUIRY_TOPIC_PRODUCTS:
      return C_("inquiry topic", "Products");
    case KEFU_INQUIRY_TOPIC_PRICES:
      return C_("inquiry topic", "Prices");
    case KEFU_INQUIRY_TOPIC_DELIVERY:
      return C_("inquiry topic", "Delivery");
    case KEFU_INQUIRY_TOPIC_PAYMENT:
      return C_("inquiry topic", "Payment methods");
    case KEFU_INQUIRY_TOPIC_PROMOTIONS:
      return C_("inquiry topic", "Promotions");
    case KEFU_INQUIRY_TOPIC_ADVANTAGES:
      return C_("inquiry topic", "Product advantages");
    case KEFU_INQUIRY_TOPIC_NONE:
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_inquiry_topics_format:
 *
 * Returns: (transfer full): the names of the topics set in `topics`, in the enum's order, joined
 *   with the locale's list separator; "" when none is set
 */
char *
kefu_inquiry_topics_format (KefuInquiryTopics topics)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (KEFU_TYPE_INQUIRY_TOPICS);
  g_autoptr(GString) text = NULL;
  /* TRANSLATORS: what separates the items of a list of names ("Products, Prices"); Chinese
   * uses the enumeration comma "、". */
  const char *separator = C_("list separator", ", ");

  g_return_val_if_fail ((topics & ~klass->mask) == 0, g_strdup (""));

  text = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      guint flag = klass->values[i].value;

      if (flag == 0 || (topics & flag) != flag)
        continue;
      if (text->len > 0)
        g_string_append (text, separator);
      g_string_append (text, kefu_inquiry_topic_get_display_name (flag));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * kefu_warranty_state_get_display_name:
 *
 * Returns: (transfer none): the warranty state's translated name
 */
const char *
kefu_warranty_state_get_display_name (KefuWarrantyState state)
{
  switch (state)
    {
    case KEFU_WARRANTY_UNKNOWN:
      /* TRANSLATORS: no start day of the warranty is known, so whether the job is paid is not decided yet. */
      return C_("warranty state", "Warranty unknown");
    case KEFU_WARRANTY_IN:
      return C_("warranty state", "In warranty");
    case KEFU_WARRANTY_OUT:
      /* TRANSLATORS: the warranty has ended: the customer pays for the work (收费维修). */
      return C_("warranty state", "Out of warranty (paid)");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_carrier_kind_get_display_name:
 *
 * Returns: (transfer none): the carrier's translated name, the same words as the waybill
 *   messages of kefu-waybill.c use (so one translation serves both)
 */
const char *
kefu_carrier_kind_get_display_name (KefuCarrierKind kind)
{
  switch (kind)
    {
    case KEFU_CARRIER_OTHER:
      /* TRANSLATORS: a carrier a site added whose waybill form is not known. */
      return C_("carrier kind", "Other carrier");
    case KEFU_CARRIER_SF:
      return _("SF Express (顺丰)");
    case KEFU_CARRIER_ZTO:
      return _("ZTO Express (中通)");
    case KEFU_CARRIER_YTO:
      return _("YTO Express (圆通)");
    case KEFU_CARRIER_YUNDA:
      return _("Yunda Express (韵达)");
    case KEFU_CARRIER_STO:
      return _("STO Express (申通)");
    case KEFU_CARRIER_EMS:
      return _("EMS");
    case KEFU_CARRIER_JD:
      return _("JD Logistics (京东物流)");
    case KEFU_CARRIER_DEPPON:
      return _("Deppon Express (德邦)");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_shipment_step_get_display_name:
 *
 * Returns: (transfer none): the step's translated name
 */
const char *
kefu_shipment_step_get_display_name (KefuShipmentStep step)
{
  switch (step)
    {
    case KEFU_SHIPMENT_STEP_REQUESTED:
      /* TRANSLATORS: the account manager filed the shipping request (发货申请单). */
      return C_("shipment step", "Requested");
    case KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED:
      return C_("shipment step", "Payment confirmed");
    case KEFU_SHIPMENT_STEP_DISPATCH_ISSUED:
      /* TRANSLATORS: finance issued the dispatch note (发货单). */
      return C_("shipment step", "Dispatch note issued");
    case KEFU_SHIPMENT_STEP_HANDED_OVER:
      /* TRANSLATORS: copies of the dispatch note went to logistics and the warehouse. */
      return C_("shipment step", "Handed to logistics");
    case KEFU_SHIPMENT_STEP_SHIPPED:
      return C_("shipment step", "Shipped");
    case KEFU_SHIPMENT_STEP_DELIVERED:
      return C_("shipment step", "Delivered");
    case KEFU_SHIPMENT_STEP_RECEIVED:
      /* TRANSLATORS: the customer confirmed having received the goods. */
      return C_("shipment step", "Receipt confirmed");
    case KEFU_SHIPMENT_STEP_EXCEPTION:
      /* TRANSLATORS: the goods were lost, damaged or refused in transit. */
      return C_("shipment step", "Exception");
    case KEFU_SHIPMENT_STEP_CANCELLED:
      return C_("shipment step", "Cancelled");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_shipment_action_get_display_name:
 *
 * Returns: (transfer none): the action's translated label; an ellipsis says it asks for more
 */
const char *
kefu_shipment_action_get_display_name (KefuShipmentAction action)
{
  switch (action)
    {
    case KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT:
      /* TRANSLATORS: a button by which finance confirms the payment arrived (货款到账). */
      return C_("shipment action", "Confirm Payment…");
    case KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH:
      return C_("shipment action", "Issue Dispatch Note…");
    case KEFU_SHIPMENT_ACTION_HAND_OVER:
      /* TRANSLATORS: gives the copies of the dispatch note to logistics and the warehouse. */
      return C_("shipment action", "Hand Over to Logistics");
    case KEFU_SHIPMENT_ACTION_SHIP:
      /* TRANSLATORS: records the carrier, the waybill and the dates of a shipment that left. */
      return C_("shipment action", "Record Shipping…");
    case KEFU_SHIPMENT_ACTION_DELIVER:
      return C_("shipment action", "Mark Delivered");
    case KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT:
      return C_("shipment action", "Confirm Receipt…");
    case KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION:
      return C_("shipment action", "Report Exception…");
    case KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION:
      return C_("shipment action", "Resolve Exception…");
    case KEFU_SHIPMENT_ACTION_CANCEL:
      return C_("shipment action", "Cancel Shipment…");
    case KEFU_SHIPMENT_ACTION_ADD_NOTE:
      return C_("shipment action", "Add Note…");
    case KEFU_SHIPMENT_ACTION_EDIT_DETAILS:
      return C_("shipment action", "Edit Details…");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_shipment_exception_get_display_name:
 *
 * Returns: (transfer none): the exception's translated name
 */
const char *
kefu_shipment_exception_get_display_name (KefuShipmentException exception)
{
  switch (exception)
    {
    case KEFU_SHIPMENT_EXCEPTION_NONE:
      return C_("shipment exception", "None");
    case KEFU_SHIPMENT_EXCEPTION_LOST:
      return C_("shipment exception", "Lost");
    case KEFU_SHIPMENT_EXCEPTION_DAMAGED:
      return C_("shipment exception", "Damaged");
    case KEFU_SHIPMENT_EXCEPTION_REFUSED:
      /* TRANSLATORS: the customer refused to accept the goods. */
      return C_("shipment exception", "Refused");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_exception_outcome_get_display_name:
 *
 * Returns: (transfer none): the outcome's translated name
 */
const char *
kefu_exception_outcome_get_display_name (KefuExceptionOutcome outcome)
{
  switch (outcome)
    {
    case KEFU_EXCEPTION_OUTCOME_RESHIPPED:
      return C_("exception outcome", "Reshipped");
    case KEFU_EXCEPTION_OUTCOME_DELIVERED:
      return C_("exception outcome", "Found and delivered");
    case KEFU_EXCEPTION_OUTCOME_CLOSED:
      /* TRANSLATORS: the shipment is closed: the goods came back or were written off. */
      return C_("exception outcome", "Returned or written off");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_receipt_method_get_display_name:
 *
 * Returns: (transfer none): the method's translated name
 */
const char *
kefu_receipt_method_get_display_name (KefuReceiptMethod method)
{
  switch (method)
    {
    case KEFU_RECEIPT_METHOD_UNSPECIFIED:
      return C_("receipt method", "Not specified");
    case KEFU_RECEIPT_METHOD_PHONE:
      return C_("receipt method", "Phone call");
    case KEFU_RECEIPT_METHOD_SIGNED_SLIP:
      /* TRANSLATORS: the customer's signed delivery slip (签收单). */
      return C_("receipt method", "Signed slip");
    case KEFU_RECEIPT_METHOD_OTHER:
      return C_("receipt method", "Other");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_job_kind_get_display_name:
 *
 * Returns: (transfer none): the kind's translated name
 */
const char *
kefu_job_kind_get_display_name (KefuJobKind kind)
{
  switch (kind)
    {
    case KEFU_JOB_KIND_INSTALLATION:
      return C_("job kind", "Installation");
    case KEFU_JOB_KIND_REPAIR:
      /* TRANSLATORS: a fault report the technical department has not diagnosed yet. */
      return C_("job kind", "Repair (to diagnose)");
    case KEFU_JOB_KIND_ONSITE_REPAIR:
      return C_("job kind", "On-site repair");
    case KEFU_JOB_KIND_FACTORY_REPAIR:
      /* TRANSLATORS: a product sent back to the factory to be repaired. */
      return C_("job kind", "Factory repair");
    case KEFU_JOB_KIND_REPLACEMENT:
      return C_("job kind", "Replacement");
    case KEFU_JOB_KIND_RETURN:
      /* TRANSLATORS: a product the customer sends back (产品返回). */
      return C_("job kind", "Return");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_job_step_get_display_name:
 *
 * Returns: (transfer none): the step's translated name
 */
const char *
kefu_job_step_get_display_name (KefuJobStep step)
{
  switch (step)
    {
    case KEFU_JOB_STEP_REPORTED:
      /* TRANSLATORS: a fault was reported, or an installation, replacement or return requested. */
      return C_("job step", "Reported");
    case KEFU_JOB_STEP_SUPPORT_REQUESTED:
      /* TRANSLATORS: the market-support request (市场支持申请单) waits for the general manager. */
      return C_("job step", "Awaiting approval");
    case KEFU_JOB_STEP_APPROVED:
      return C_("job step", "Approved");
    case KEFU_JOB_STEP_DISPATCHED:
      /* TRANSLATORS: a technician was assigned and the date agreed with the customer. */
      return C_("job step", "Dispatched");
    case KEFU_JOB_STEP_ON_TRIP:
      return C_("job step", "On trip");
    case KEFU_JOB_STEP_SENT_TO_FACTORY:
      return C_("job step", "Sent to factory");
    case KEFU_JOB_STEP_AT_FACTORY:
      return C_("job step", "At factory");
    case KEFU_JOB_STEP_REPAIRED:
      return C_("job step", "Repaired");
    case KEFU_JOB_STEP_SENT_BACK:
      /* TRANSLATORS: the repaired product or its replacement was sent to the customer. */
      return C_("job step", "Sent back");
    case KEFU_JOB_STEP_COMPLETED:
      return C_("job step", "Completed");
    case KEFU_JOB_STEP_CANCELLED:
      return C_("job step", "Cancelled");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_job_action_get_display_name:
 *
 * Returns: (transfer none): the action's translated label; an ellipsis says it asks for more
 */
const char *
kefu_job_action_get_display_name (KefuJobAction action)
{
  switch (action)
    {
    case KEFU_JOB_ACTION_DIAGNOSE:
      /* TRANSLATORS: the technical department's phone diagnosis: on-site, factory, or solved. */
      return C_("job action", "Record Diagnosis…");
    case KEFU_JOB_ACTION_REQUEST_SUPPORT:
      /* TRANSLATORS: files the market-support request (市场支持申请单) for the general manager. */
      return C_("job action", "Request Market Support…");
    case KEFU_JOB_ACTION_APPROVE_SUPPORT:
      return C_("job action", "Approve Support…");
    case KEFU_JOB_ACTION_REJECT_SUPPORT:
      return C_("job action", "Reject Support…");
    case KEFU_JOB_ACTION_DISPATCH:
      return C_("job action", "Dispatch Technician…");
    case KEFU_JOB_ACTION_DEPART:
      return C_("job action", "Record Departure…");
    case KEFU_JOB_ACTION_REPORT_PROGRESS:
      return C_("job action", "Report Progress…");
    case KEFU_JOB_ACTION_FILE_FEEDBACK:
      /* TRANSLATORS: the service feedback form (售后服务信息反馈单) the technician brings back. */
      return C_("job action", "File Feedback Form…");
    case KEFU_JOB_ACTION_SEND_TO_FACTORY:
      return C_("job action", "Send to Factory…");
    case KEFU_JOB_ACTION_RECEIVE_AT_FACTORY:
      return C_("job action", "Received at Factory…");
    case KEFU_JOB_ACTION_RECORD_REPAIR:
      return C_("job action", "Record Repair…");
    case KEFU_JOB_ACTION_SEND_BACK:
      return C_("job action", "Send to Customer…");
    case KEFU_JOB_ACTION_CONFIRM_RECEIPT:
      return C_("job action", "Confirm Receipt…");
    case KEFU_JOB_ACTION_RECORD_FEE:
      /* TRANSLATORS: the fee quoted to the customer for a paid repair and the customer's answer. */
      return C_("job action", "Record Fee…");
    case KEFU_JOB_ACTION_SET_WARRANTY:
      return C_("job action", "Set Warranty…");
    case KEFU_JOB_ACTION_CANCEL:
      return C_("job action", "Cancel Job…");
    case KEFU_JOB_ACTION_ADD_NOTE:
      return C_("job action", "Add Note…");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_job_source_get_display_name:
 *
 * Returns: (transfer none): the source's translated name
 */
const char *
kefu_job_source_get_display_name (KefuJobSource source)
{
  switch (source)
    {
    case KEFU_JOB_SOURCE_CUSTOMER_CALL:
      return C_("job source", "Customer call");
    case KEFU_JOB_SOURCE_ACCOUNT_MANAGER:
      /* TRANSLATORS: the account manager (业务经理) reported the fault or asked for the job. */
      return C_("job source", "Account manager");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_callback_reason_get_display_name:
 *
 * Returns: (transfer none): the reason's translated name
 */
const char *
kefu_callback_reason_get_display_name (KefuCallbackReason reason)
{
  switch (reason)
    {
    case KEFU_CALLBACK_REASON_AFTER_SERVICE:
      return C_("callback reason", "After service");
    case KEFU_CALLBACK_REASON_AFTER_COMPLAINT:
      return C_("callback reason", "After complaint");
    case KEFU_CALLBACK_REASON_AFTER_DELIVERY:
      return C_("callback reason", "After delivery");
    case KEFU_CALLBACK_REASON_SURVEY:
      return C_("callback reason", "Satisfaction survey");
    case KEFU_CALLBACK_REASON_OCCASION:
      /* TRANSLATORS: holidays, store anniversaries, promotions. */
      return C_("callback reason", "Special occasion");
    case KEFU_CALLBACK_REASON_RENEWAL:
      return C_("callback reason", "Renewal reminder");
    case KEFU_CALLBACK_REASON_MAINTENANCE:
      return C_("callback reason", "Maintenance reminder");
    case KEFU_CALLBACK_REASON_LEAD:
      /* TRANSLATORS: following up a potential order (潜在订单). */
      return C_("callback reason", "Lead follow-up");
    case KEFU_CALLBACK_REASON_OTHER:
      return C_("callback reason", "Other");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_callback_state_get_display_name:
 *
 * Returns: (transfer none): the state's translated name
 */
const char *
kefu_callback_state_get_display_name (KefuCallbackState state)
{
  switch (state)
    {
    case KEFU_CALLBACK_STATE_DUE:
      /* TRANSLATORS: a callback (回访) still to be made. */
      return C_("callback state", "Due");
    case KEFU_CALLBACK_STATE_DONE:
      return C_("callback state", "Done");
    case KEFU_CALLBACK_STATE_CANCELLED:
      return C_("callback state", "Cancelled");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_callback_method_get_display_name:
 *
 * Returns: (transfer none): the method's translated name
 */
const char *
kefu_callback_method_get_display_name (KefuCallbackMethod method)
{
  switch (method)
    {
    case KEFU_CALLBACK_METHOD_PHONE:
      return C_("callback method", "Phone");
    case KEFU_CALLBACK_METHOD_EMAIL:
      return C_("callback method", "E-mail");
    case KEFU_CALLBACK_METHOD_SMS:
      return C_("callback method", "SMS");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_callback_outcome_get_display_name:
 *
 * Returns: (transfer none): the outcome's translated name
 */
const char *
kefu_callback_outcome_get_display_name (KefuCallbackOutcome outcome)
{
  switch (outcome)
    {
    case KEFU_CALLBACK_OUTCOME_REACHED:
      /* TRANSLATORS: the customer answered the callback. */
      return C_("callback outcome", "Reached");
    case KEFU_CALLBACK_OUTCOME_NO_ANSWER:
      return C_("callback outcome", "No answer");
    case KEFU_CALLBACK_OUTCOME_BUSY:
      return C_("callback outcome", "Busy");
    case KEFU_CALLBACK_OUTCOME_CALL_LATER:
      /* TRANSLATORS: the customer asked to be called at another time. */
      return C_("callback outcome", "Call later");
    case KEFU_CALLBACK_OUTCOME_WRONG_NUMBER:
      return C_("callback outcome", "Wrong number");
    case KEFU_CALLBACK_OUTCOME_REFUSED:
      /* TRANSLATORS: the customer declined the callback. */
      return C_("callback outcome", "Refused");
    case KEFU_CALLBACK_OUTCOME_SENT:
      /* TRANSLATORS: an e-mail or SMS callback was sent. */
      return C_("callback outcome", "Sent");
    case KEFU_CALLBACK_OUTCOME_UNREACHABLE:
      /* TRANSLATORS: the lead closed a callback whose attempts ran out. */
      return C_("callback outcome", "Unreachable");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_survey_period_get_display_name:
 *
 * Returns: (transfer none): the period's translated name
 */
const char *
kefu_survey_period_get_display_name (KefuSurveyPeriod period)
{
  switch (period)
    {
    case KEFU_SURVEY_PERIOD_MONTH:
      return C_("survey period", "Every month");
    case KEFU_SURVEY_PERIOD_QUARTER:
      return C_("survey period", "Every quarter");
    case KEFU_SURVEY_PERIOD_HALF:
      return C_("survey period", "Every half year");
    case KEFU_SURVEY_PERIOD_YEAR:
      return C_("survey period", "Every year");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_campaign_target_get_display_name:
 *
 * Returns: (transfer none): the target's translated name
 */
const char *
kefu_campaign_target_get_display_name (KefuCampaignTarget target)
{
  switch (target)
    {
    case KEFU_CAMPAIGN_TARGET_MEMBERS:
      return C_("campaign target", "All members");
    case KEFU_CAMPAIGN_TARGET_DISTRICT:
      return C_("campaign target", "Customers of a district");
    case KEFU_CAMPAIGN_TARGET_PRODUCT:
      return C_("campaign target", "Customers of a product");
    default:
      g_return_val_if_reached ("");
    }
}
