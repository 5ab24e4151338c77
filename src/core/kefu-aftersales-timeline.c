/* kefu-aftersales-timeline.c: the events of a shipment, a service job or a callback in words.
 * The details are the JSON objects kefu-store-shipments.h and kefu-store-jobs.h list; names are
 * copied into them, so nothing is looked up here. Damaged or missing details never hide an
 * event: its title is then told without them. The details are read with the helpers the
 * complaint timeline uses (kefu-timeline-private.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-aftersales-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-aftersales-timeline.h"
#include "kefu-enums.h"
#include "kefu-money.h"
#include "kefu-timeline-private.h"

/* The value of an enum member given by its nick, or -1 when it is missing or unknown. */
static int
member_enum (JsonObject *details,
             const char *name,
             GType       enum_type)
{
  const char *nick = _kefu_timeline_member_text (details, name);
  int value;

  if (nick == NULL || !kefu_enum_from_nick (enum_type, nick, &value))
    return -1;
  return value;
}

/* The name of a person given as {"id":7,"name":"梁工"} (or as plain text). */
static const char *
member_person (JsonObject *details,
               const char *name)
{
  JsonNode *node;

  if (details == NULL || !json_object_has_member (details, name))
    return NULL;
  node = json_object_get_member (details, name);
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _kefu_timeline_member_text (json_node_get_object (node), "name");
  return _kefu_timeline_member_text (details, name);
}

/* "with 顺丰速运, waybill SF…" titles: `both` with carrier and waybill, `carrier_only`,
 * `waybill_only`, or `plain` with neither. */
static char *
carried_title (JsonObject *details,
               const char *both,
               const char *carrier_only,
               const char *waybill_only,
               const char *plain)
{
  const char *carrier = _kefu_timeline_member_text (details, "carrier");
  const char *waybill = _kefu_timeline_member_text (details, "waybill");

  if (carrier != NULL && waybill != NULL)
    return g_strdup_printf (both, carrier, waybill);
  if (carrier != NULL)
    return g_strdup_printf (carrier_only, carrier);
  if (waybill != NULL)
    return g_strdup_printf (waybill_only, waybill);
  return g_strdup (plain);
}

static char *
shipped_title (JsonObject *details)
{
  return carried_title (details,
                        /* TRANSLATORS: the carrier's name and the waybill number. */
                        _("Shipped with %s, waybill %s"),
                        _("Shipped with %s"),
                        _("Shipped, waybill %s"),
                        C_("aftersales timeline", "Shipped"));
}

static char *
receipt_title (JsonObject *details)
{
  int method = member_enum (details, "method", KEFU_TYPE_RECEIPT_METHOD);

  if (method > KEFU_RECEIPT_METHOD_UNSPECIFIED)
    /* TRANSLATORS: %s is how the customer confirmed ("Phone call", "Signed slip"). */
    return g_strdup_printf (_("Receipt confirmed: %s"), kefu_receipt_method_get_display_name (method));
  return g_strdup (C_("aftersales timeline", "Receipt confirmed"));
}

static char *
callback_title (JsonObject *details)
{
  g_autofree char *due = _kefu_timeline_local_time_text (_kefu_timeline_member_text (details, "due_at"));
  int reason = member_enum (details, "reason", KEFU_TYPE_CALLBACK_REASON);

  if (due != NULL && reason >= 0)
    /* TRANSLATORS: the callback's reason ("After service") and its due time. */
    return g_strdup_printf (_("Callback scheduled (%s), due %s"),
                            kefu_callback_reason_get_display_name (reason), due);
  if (due != NULL)
    /* TRANSLATORS: %s is when the callback (回访) is due. */
    return g_strdup_printf (_("Callback scheduled, due %s"), due);
  return g_strdup (_("Callback scheduled"));
}

static char *
shipment_title (const char *action,
                JsonObject *details)
{
  if (g_str_equal (action, "requested"))
    {
      const char *manager = _kefu_timeline_member_text (details, "account_manager");

      if (manager != NULL)
        /* TRANSLATORS: the shipping request (发货申请单); %s is the account manager's name. */
        return g_strdup_printf (_("Shipping requested for account manager %s"), manager);
      return g_strdup (_("Shipping requested"));
    }
  if (g_str_equal (action, "payment-confirmed"))
    {
      gint64 amount = _kefu_timeline_member_int (details, "amount_fen", 0);

      if (amount > 0)
        {
          g_autofree char *money = kefu_money_format (amount);

          /* TRANSLATORS: %s is the amount received ("¥12,500.00"). */
          return g_strdup_printf (_("Payment of %s confirmed"), money);
        }
      return g_strdup (_("Payment confirmed"));
    }
  if (g_str_equal (action, "dispatch-issued"))
    {
      const char *number = _kefu_timeline_member_text (details, "number");

      if (number != NULL)
        /* TRANSLATORS: %s is the number of the dispatch note (发货单). */
        return g_strdup_printf (_("Dispatch note %s issued"), number);
      return g_strdup (_("Dispatch note issued"));
    }
  if (g_str_equal (action, "handed-over"))
    return g_strdup (_("Handed to logistics and the warehouse"));
  if (g_str_equal (action, "shipped"))
    return shipped_title (details);
  if (g_str_equal (action, "delivered"))
    return g_strdup (C_("aftersales timeline", "Delivered"));
  if (g_str_equal (action, "exception"))
    {
      int kind = member_enum (details, "kind", KEFU_TYPE_SHIPMENT_EXCEPTION);

      if (kind > KEFU_SHIPMENT_EXCEPTION_NONE)
        /* TRANSLATORS: %s is what went wrong in transit ("Lost", "Damaged", "Refused"). */
        return g_strdup_printf (_("Exception reported: %s"),
                                kefu_shipment_exception_get_display_name (kind));
      return g_strdup (_("Exception reported"));
    }
  if (g_str_equal (action, "exception-resolved"))
    {
      int outcome = member_enum (details, "outcome", KEFU_TYPE_EXCEPTION_OUTCOME);

      if (outcome == KEFU_EXCEPTION_OUTCOME_RESHIPPED)
        return carried_title (details,
                              /* TRANSLATORS: the carrier's name and the new waybill number. */
                              _("Exception resolved: reshipped with %s, waybill %s"),
                              _("Exception resolved: reshipped with %s"),
                              _("Exception resolved: reshipped, waybill %s"),
                              _("Exception resolved: reshipped"));
      if (outcome >= 0)
        /* TRANSLATORS: %s is how it ended ("Found and delivered", "Returned or written off"). */
        return g_strdup_printf (_("Exception resolved: %s"),
                                kefu_exception_outcome_get_display_name (outcome));
      return g_strdup (_("Exception resolved"));
    }
  if (g_str_equal (action, "cancelled"))
    return g_strdup (_("Shipment cancelled"));

  return NULL;
}

static char *
reported_title (JsonObject *details)
{
  int kind = member_enum (details, "kind", KEFU_TYPE_JOB_KIND);
  int source = member_enum (details, "source", KEFU_TYPE_JOB_SOURCE);

  if (kind < 0 || kind == KEFU_JOB_KIND_REPAIR || kind == KEFU_JOB_KIND_ONSITE_REPAIR ||
      kind == KEFU_JOB_KIND_FACTORY_REPAIR)
    switch (source)
      {
      case KEFU_JOB_SOURCE_CUSTOMER_CALL:
        return g_strdup (_("Fault reported by the customer"));
      case KEFU_JOB_SOURCE_ACCOUNT_MANAGER:
        return g_strdup (_("Fault reported by the account manager"));
      default:
        return g_strdup (_("Fault reported"));
      }

  /* TRANSLATORS: %s is the kind of job asked for ("Installation", "Replacement", "Return"). */
  return g_strdup_printf (_("%s requested"), kefu_job_kind_get_display_name (kind));
}

static char *
diagnosed_title (JsonObject *details)
{
  int kind = member_enum (details, "kind", KEFU_TYPE_JOB_KIND);

  if (_kefu_timeline_member_bool (details, "solved"))
    return g_strdup (_("Diagnosed: solved on the phone"));
  if (kind == KEFU_JOB_KIND_ONSITE_REPAIR || kind == KEFU_JOB_KIND_FACTORY_REPAIR)
    /* TRANSLATORS: %s is the repair decided ("On-site repair", "Factory repair"). */
    return g_strdup_printf (_("Diagnosed: %s"), kefu_job_kind_get_display_name (kind));
  return g_strdup (C_("aftersales timeline", "Diagnosed"));
}

static char *
dispatched_title (JsonObject *details)
{
  const char *technician = member_person (details, "technician");
  const char *day = _kefu_timeline_member_text (details, "agreed_date");
  gint64 days = _kefu_timeline_member_int (details, "travel_days", 0);

  if (technician != NULL && day != NULL && days > 0)
    /* TRANSLATORS: the technician's name, the day agreed with the customer and the estimated
     * travel days (预计出差天数). */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s dispatched for %s (%d travel day)",
                                         "%s dispatched for %s (%d travel days)",
                                         (gulong) days),
                            technician, day, (int) days);
  if (technician != NULL && day != NULL)
    return g_strdup_printf (_("%s dispatched for %s"), technician, day);
  if (technician != NULL)
    /* TRANSLATORS: %s is the technician's name. */
    return g_strdup_printf (_("%s dispatched"), technician);
  return g_strdup (_("Technician dispatched"));
}

static char *
fee_title (JsonObject *details)
{
  gint64 fee = _kefu_timeline_member_int (details, "fee_fen", 0);
  gboolean known = _kefu_timeline_has_bool (details, "agreed");
  gboolean agreed = _kefu_timeline_member_bool (details, "agreed");
  g_autofree char *money = fee > 0 ? kefu_money_format (fee) : NULL;

  if (money != NULL && known)
    /* TRANSLATORS: %s is the fee quoted for a paid repair ("¥300.00"). */
    return g_strdup_printf (agreed ? _("Fee of %s quoted, agreed by the customer")
                                   : _("Fee of %s quoted, refused by the customer"),
                            money);
  if (money != NULL)
    return g_strdup_printf (_("Fee of %s quoted"), money);
  return g_strdup (_("Fee recorded"));
}

static char *
warranty_title (JsonObject *details)
{
  int warranty = member_enum (details, "warranty", KEFU_TYPE_WARRANTY_STATE);

  if (warranty == KEFU_WARRANTY_IN || warranty == KEFU_WARRANTY_OUT)
    /* TRANSLATORS: %s is "In warranty" or "Out of warranty (paid)". */
    return g_strdup_printf (_("Warranty set: %s"), kefu_warranty_state_get_display_name (warranty));
  return g_strdup (_("Warranty set"));
}

static char *
job_title (const char *action,
           JsonObject *details)
{
  if (g_str_equal (action, "reported"))
    return reported_title (details);
  if (g_str_equal (action, "diagnosed"))
    return diagnosed_title (details);
  if (g_str_equal (action, "support-requested"))
    return g_strdup (_("Market-support request filed"));
  if (g_str_equal (action, "support-approved"))
    return g_strdup (_("Market-support request approved"));
  if (g_str_equal (action, "support-rejected"))
    return g_strdup (_("Market-support request rejected"));
  if (g_str_equal (action, "dispatched"))
    return dispatched_title (details);
  if (g_str_equal (action, "departed"))
    return g_strdup (_("Technician departed"));
  if (g_str_equal (action, "progress"))
    return g_strdup (_("Progress report"));
  if (g_str_equal (action, "feedback-filed"))
    {
      if (!_kefu_timeline_has_bool (details, "fixed"))
        return g_strdup (_("Service feedback form filed"));
      return g_strdup (_kefu_timeline_member_bool (details, "fixed")
                         ? _("Service feedback form filed: fixed")
                         : _("Service feedback form filed: not fixed"));
    }
  if (g_str_equal (action, "sent-to-factory"))
    return carried_title (details,
                          /* TRANSLATORS: the carrier's name and the waybill number. */
                          _("Sent to the factory with %s, waybill %s"),
                          _("Sent to the factory with %s"),
                          _("Sent to the factory, waybill %s"),
                          _("Sent to the factory"));
  if (g_str_equal (action, "received-at-factory"))
    return g_strdup (_("Received at the factory"));
  if (g_str_equal (action, "repaired"))
    return g_strdup (_kefu_timeline_member_bool (details, "replaced")
                       ? _("Replaced at the factory") : _("Repaired at the factory"));
  if (g_str_equal (action, "sent-back"))
    return carried_title (details,
                          /* TRANSLATORS: the carrier's name and the waybill number. */
                          _("Sent to the customer with %s, waybill %s"),
                          _("Sent to the customer with %s"),
                          _("Sent to the customer, waybill %s"),
                          _("Sent to the customer"));
  if (g_str_equal (action, "fee-recorded"))
    return fee_title (details);
  if (g_str_equal (action, "warranty-set"))
    return warranty_title (details);
  if (g_str_equal (action, "cancelled"))
    return g_strdup (_("Job cancelled"));

  return NULL;
}

/**
 * kefu_aftersales_event_title:
 *
 * Returns: (transfer full): the event's title
 */
char *
kefu_aftersales_event_title (KefuEvent *event)
{
  g_autoptr(JsonObject) details = NULL;
  const char *entity;
  const char *action;
  char *title = NULL;

  g_return_val_if_fail (KEFU_IS_EVENT (event), g_strdup (""));

  action = kefu_event_get_action (event);
  if (action == NULL)
    return g_strdup ("");
  entity = kefu_event_get_entity (event);
  details = _kefu_timeline_parse_details (event);

  /* What both a shipment and a job write, told the same. */
  if (g_str_equal (action, "note"))
    return g_strdup (C_("aftersales timeline", "Note"));
  if (g_str_equal (action, "details-changed"))
    return g_strdup (C_("aftersales timeline", "Details changed"));
  if (g_str_equal (action, "receipt-confirmed"))
    return receipt_title (details);
  if (g_str_equal (action, "callback-scheduled") || g_str_equal (action, "scheduled"))
    return callback_title (details);

  if (g_strcmp0 (entity, "service-job") == 0)
    title = job_title (action, details);
  else if (g_strcmp0 (entity, "shipment") == 0)
    title = shipment_title (action, details);

  /* An event a later version writes: its name is still better than nothing. */
  return title != NULL ? title : g_strdup (action);
}

/* Appends "Label: value" on a line of its own when there is a value. */
static void
append_line (GString    *text,
             const char *format,
             const char *value)
{
  if (value == NULL)
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append_printf (text, format, value);
}

/**
 * kefu_aftersales_event_text:
 *
 * Returns: (transfer full) (nullable): the text that came with the event
 */
char *
kefu_aftersales_event_text (KefuEvent *event)
{
  g_autoptr(JsonObject) details = NULL;
  g_autoptr(GString) text = NULL;
  const char *action;

  g_return_val_if_fail (KEFU_IS_EVENT (event), NULL);

  action = kefu_event_get_action (event);
  details = _kefu_timeline_parse_details (event);
  text = g_string_new (NULL);

  if (g_strcmp0 (action, "feedback-filed") == 0)
    {
      /* The form's fields (售后服务信息反馈单), each on a line of its own. */
      /* TRANSLATORS: a line of the service feedback form on the timeline. */
      append_line (text, _("Work done: %s"), _kefu_timeline_member_text (details, "work_done"));
      /* TRANSLATORS: a line of the service feedback form on the timeline. */
      append_line (text, _("Parts used: %s"), _kefu_timeline_member_text (details, "parts_used"));
      /* TRANSLATORS: a line of the service feedback form on the timeline. */
      append_line (text, _("Result: %s"), _kefu_timeline_member_text (details, "text"));
      /* TRANSLATORS: a line of the service feedback form on the timeline. */
      append_line (text, _("Customer's comment: %s"),
                   _kefu_timeline_member_text (details, "customer_comment"));
    }
  else if (g_strcmp0 (action, "shipped") == 0 ||
           (g_strcmp0 (action, "exception-resolved") == 0 &&
            _kefu_timeline_member_text (details, "ship_date") != NULL))
    {
      /* The dates of goods that left; a reshipment's text comes first. */
      append_line (text, "%s", _kefu_timeline_member_text (details, "text"));
      /* TRANSLATORS: a day, "2026-11-20". */
      append_line (text, _("Ship date: %s"), _kefu_timeline_member_text (details, "ship_date"));
      /* TRANSLATORS: a day, "2026-11-23". */
      append_line (text, _("Expected arrival: %s"),
                   _kefu_timeline_member_text (details, "expected_arrival"));
    }
  else
    append_line (text, "%s", _kefu_timeline_member_text (details, "text"));

  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The translated label of a shipment or job field as the details-changed event names it. */
static char *
field_label (const char *field)
{
  static const KefuTimelineName labels[] = {
    { "address", NC_("aftersales field", "Address") },
    { "lines", NC_("aftersales field", "Products") },
    { "account_manager", NC_("aftersales field", "Account manager") },
    { "notes", NC_("aftersales field", "Notes") },
    { "customer_phone", NC_("aftersales field", "Phone") },
    { "serial", NC_("aftersales field", "Product number") },
    { "symptoms", NC_("aftersales field", "Symptoms") },
    { "phone_answer", NC_("aftersales field", "Answered on the phone") },
  };

  const char *label = _kefu_timeline_lookup (labels, G_N_ELEMENTS (labels), field);

  return g_strdup (label != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, "aftersales field", label) : field);
}

static char *
field_value (const char *field,
             JsonNode   *node)
{
  const char *name;

  /* A person may come as {"id":…,"name":…}. */
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      name = _kefu_timeline_member_text (json_node_get_object (node), "name");
      return g_strdup (name);
    }
  return _kefu_timeline_value_text (node);
}

/**
 * kefu_aftersales_event_changes:
 *
 * Returns: (transfer full) (element-type KefuFieldChange): the field changes
 */
GPtrArray *
kefu_aftersales_event_changes (KefuEvent *event)
{
  g_return_val_if_fail (KEFU_IS_EVENT (event),
                        g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_field_change_free));

  return _kefu_timeline_changes (event, field_label, field_value);
}

const char *
kefu_aftersales_event_icon_name (KefuEvent *event)
{
  static const KefuTimelineName icons[] = {
    /* Shipments. */
    { "requested", "document-new-symbolic" },
    { "payment-confirmed", "object-select-symbolic" },
    { "dispatch-issued", "document-print-symbolic" },
    { "handed-over", "mail-forward-symbolic" },
    { "shipped", "mail-send-symbolic" },
    { "delivered", "go-home-symbolic" },
    { "exception", "dialog-warning-symbolic" },
    { "exception-resolved", "view-refresh-symbolic" },
    /* Service jobs. */
    { "reported", "call-incoming-symbolic" },
    { "diagnosed", "edit-find-symbolic" },
    { "support-requested", "mail-send-symbolic" },
    { "support-approved", "object-select-symbolic" },
    { "support-rejected", "process-stop-symbolic" },
    { "dispatched", "avatar-default-symbolic" },
    { "departed", "find-location-symbolic" },
    { "progress", "document-edit-symbolic" },
    { "feedback-filed", "checkbox-checked-symbolic" },
    { "sent-to-factory", "mail-send-symbolic" },
    { "received-at-factory", "mail-read-symbolic" },
    { "repaired", "emblem-system-symbolic" },
    { "sent-back", "mail-send-symbolic" },
    { "fee-recorded", "dialog-information-symbolic" },
    { "warranty-set", "emblem-default-symbolic" },
    /* Both, and the callback. */
    { "receipt-confirmed", "checkbox-checked-symbolic" },
    { "cancelled", "process-stop-symbolic" },
    { "note", "document-edit-symbolic" },
    { "details-changed", "document-properties-symbolic" },
    { "callback-scheduled", "call-outgoing-symbolic" },
    { "scheduled", "call-outgoing-symbolic" },
  };
  const char *icon;

  g_return_val_if_fail (KEFU_IS_EVENT (event), "dialog-information-symbolic");

  icon = _kefu_timeline_lookup (icons, G_N_ELEMENTS (icons), kefu_event_get_action (event));
  return icon != NULL ? icon : "dialog-information-symbolic";
}
