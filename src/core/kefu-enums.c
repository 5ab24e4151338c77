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
