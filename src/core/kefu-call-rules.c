/* kefu-call-rules.c: what a complete call record needs, field by field; where a complaint goes;
 * the stage it starts in; the one-line summary of a call.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-call-rules"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-call-rules.h"
#include "kefu-enums.h"
#include "kefu-money.h"
#include "kefu-phone.h"
#include "kefu-text.h"

G_DEFINE_QUARK (kefu-call-rules-error-quark, kefu_call_rules_error)

/* A unit price above this is a typing mistake (an extra zero or two), not a product: ¥1,000,000. */
#define UNIT_PRICE_MAX_FEN G_GINT64_CONSTANT (100000000)

/* How far ahead of the current time a received time may lie: workstation clocks drift. */
#define RECEIVED_AT_MAX_AHEAD (5 * G_TIME_SPAN_MINUTE)

/* The summary's length in characters, "…" included. */
#define SUMMARY_MAX_CHARS 120

void
kefu_field_problem_free (KefuFieldProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray  *problems,
             const char *field,
             char       *message)
{
  KefuFieldProblem *problem = g_new0 (KefuFieldProblem, 1);

  problem->field = g_strdup (field);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/* Checks one text field with kefu-text.h. An empty required field gets `required_message`
 * ("Enter the caller's name.") rather than the generic one, since the clerk is mid-call and
 * needs to know what to ask for; the other reasons (too long, control characters) name the
 * field by `label`. */
static void
check_text (GPtrArray  *problems,
            const char *field,
            const char *text,
            guint       max_chars,
            gboolean    single_line,
            const char *label,
            const char *required_message)
{
  g_autoptr(GError) error = NULL;
  gboolean required = required_message != NULL;
  gboolean ok;

  if (single_line)
    ok = kefu_text_validate_line (text, max_chars, required, label, &error);
  else
    ok = kefu_text_validate (text, max_chars, required, label, &error);

  if (ok)
    return;
  if (g_error_matches (error, KEFU_TEXT_ERROR, KEFU_TEXT_ERROR_REQUIRED))
    add_problem (problems, field, g_strdup (required_message));
  else
    add_problem (problems, field, g_strdup (error->message));
}

static void
validate_common (KefuCall  *call,
                 GDateTime *now,
                 GPtrArray *problems)
{
  const char *phone = kefu_call_get_phone (call);
  GDateTime *received_at = kefu_call_get_received_at (call);
  gboolean is_order = kefu_call_get_kind (call) == KEFU_CALL_KIND_ORDER;

  check_text (problems, "caller-name", kefu_call_get_caller_name (call), KEFU_TEXT_MAX_NAME,
              TRUE, _("Name"), _("Enter the caller’s name."));

  if (!kefu_text_validate_line (phone, KEFU_TEXT_MAX_NAME, TRUE, NULL, NULL))
    {
      /* Empty, or not even text: the normaliser's reason for "" would be about digits. */
      check_text (problems, "phone", phone, KEFU_TEXT_MAX_NAME, TRUE, _("Phone"),
                  _("Enter the caller’s phone number."));
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = kefu_phone_normalize (phone, NULL, &error);

      if (normalized == NULL)
        add_problem (problems, "phone", g_strdup (error->message));
    }

  /* An order needs somewhere to deliver to; the delivery address defaults to this one.
   * Addresses may take several lines, as in the customer records they are copied from. */
  check_text (problems, "address", kefu_call_get_address (call), KEFU_TEXT_MAX_ADDRESS, FALSE,
              _("Address"), is_order ? _("Enter the caller’s address, where the order is delivered.")
                                     : NULL);

  if (received_at == NULL)
    add_problem (problems, "received-at", g_strdup (_("Enter when the call came in.")));
  else if (g_date_time_difference (received_at, now) > RECEIVED_AT_MAX_AHEAD)
    add_problem (problems, "received-at",
                 g_strdup (_("The call cannot have come in later than now; check the date and time.")));

  check_text (problems, "notes", kefu_call_get_notes (call), KEFU_TEXT_MAX_NOTES, FALSE,
              _("Notes"), NULL);
}

static void
validate_line (KefuOrderLine *line,
               guint          number,
               GPtrArray     *problems)
{
  g_autofree char *product_field = g_strdup_printf ("line-%u-product", number);
  g_autofree char *spec_field = g_strdup_printf ("line-%u-spec", number);
  g_autofree char *quantity_field = g_strdup_printf ("line-%u-quantity", number);
  g_autofree char *price_field = g_strdup_printf ("line-%u-unit-price", number);
  guint quantity = kefu_order_line_get_quantity (line);
  gint64 unit_price = kefu_order_line_get_unit_price (line);

  if (kefu_order_line_get_product_id (line) == 0)
    add_problem (problems, product_field,
                 g_strdup (_("Choose a product from the list, or remove this line.")));

  check_text (problems, spec_field, kefu_order_line_get_spec (line), KEFU_TEXT_MAX_SPEC, TRUE,
              _("Spec"), NULL);

  if (quantity == 0)
    add_problem (problems, quantity_field, g_strdup (_("Enter a quantity of at least 1.")));
  else if (quantity > KEFU_ORDER_QUANTITY_MAX)
    add_problem (problems, quantity_field,
                 g_strdup_printf (_("Enter a quantity of at most %u; split a larger order into several lines or calls."),
                                  (guint) KEFU_ORDER_QUANTITY_MAX));

  if (unit_price > UNIT_PRICE_MAX_FEN)
    {
      g_autofree char *max = kefu_money_format (UNIT_PRICE_MAX_FEN);

      add_problem (problems, price_field,
                   /* TRANSLATORS: %s is an amount of money, e.g. "¥1,000,000.00". */
                   g_strdup_printf (_("A unit price above %s is not possible; check the amount."),
                                    max));
    }
}

static void
validate_order (KefuOrder *order,
                GPtrArray *problems)
{
  GListModel *lines;
  guint n_lines;

  if (kefu_order_get_channel (order) == KEFU_CHANNEL_UNSPECIFIED)
    add_problem (problems, "channel",
                 g_strdup (_("Choose the sales channel: home delivery, retail or supermarket.")));

  check_text (problems, "delivery-address", kefu_order_get_delivery_address (order),
              KEFU_TEXT_MAX_ADDRESS, FALSE, _("Delivery address"), NULL);
  check_text (problems, "district", kefu_order_get_district (order), KEFU_TEXT_MAX_DISTRICT,
              TRUE, _("District"), NULL);

  lines = G_LIST_MODEL (kefu_order_get_lines (order));
  n_lines = g_list_model_get_n_items (lines);
  if (n_lines == 0)
    add_problem (problems, "lines", g_strdup (_("Add at least one product to the order.")));

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(KefuOrderLine) line = g_list_model_get_item (lines, i);

      validate_line (line, i + 1, problems);
    }
}

static void
validate_complaint (KefuComplaint *complaint,
                    GDateTime     *now,
                    GPtrArray     *problems)
{
  gboolean well_founded = kefu_complaint_get_well_founded (complaint);
  KefuComplaintCategory category = kefu_complaint_get_category (complaint);

  check_text (problems, "subject", kefu_complaint_get_subject (complaint),
              KEFU_TEXT_MAX_SUBJECT, TRUE, _("Complaint about"),
              _("Enter what the complaint is about, e.g. the product or the service."));
  check_text (problems, "reason", kefu_complaint_get_reason (complaint), KEFU_TEXT_MAX_REASON,
              FALSE, _("Reason"), _("Enter the reason for the complaint, in the caller’s words."));
  check_text (problems, "explanation", kefu_complaint_get_explanation (complaint),
              KEFU_TEXT_MAX_REASON, FALSE, _("Explanation"),
              well_founded ? NULL
                           : _("Enter how the complaint was explained to the customer: it is not well founded."));

  /* A harmed customer's complaint is always acted on (the most urgent case); it cannot close at
   * intake as explained. */
  if (!well_founded && kefu_complaint_get_harmed (complaint))
    add_problem (problems, "harmed",
                 g_strdup (_("A customer who was harmed or hospitalised must be followed up: mark the complaint as well founded.")));

  /* A complaint that is not well founded closes as explained, without a category; what was
   * typed into the category's fields is kept but not checked. */
  if (!well_founded)
    return;

  if (category == KEFU_COMPLAINT_CATEGORY_UNSPECIFIED)
    {
      add_problem (problems, "category",
                   g_strdup (_("Choose whether the complaint is about product quality or service quality.")));
      return;
    }

  if (category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
    {
      const char *batch = kefu_complaint_get_batch_number (complaint);
      const GDate *production_date = kefu_complaint_get_production_date (complaint);
      g_autoptr(GError) error = NULL;

      if (kefu_complaint_get_symptom (complaint) == KEFU_PRODUCT_SYMPTOM_UNSPECIFIED)
        add_problem (problems, "symptom",
                     g_strdup (_("Choose what is wrong with the product: odd smell, spoiled, out of spec or other.")));
      check_text (problems, "purchase-method", kefu_complaint_get_purchase_method (complaint),
                  KEFU_TEXT_MAX_SHORT, TRUE, _("Purchase method"), NULL);
      check_text (problems, "purchase-place", kefu_complaint_get_purchase_place (complaint),
                  KEFU_TEXT_MAX_SHORT, TRUE, _("Purchase place"), NULL);
      if (!kefu_batch_number_validate (batch, NULL, &error))
        add_problem (problems, "batch-number", g_strdup (error->message));
      g_clear_error (&error);

      if (production_date != NULL)
        {
          g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
          GDate today;

          g_date_clear (&today, 1);
          g_date_set_dmy (&today, g_date_time_get_day_of_month (local_now),
                          g_date_time_get_month (local_now), g_date_time_get_year (local_now));
          if (!kefu_production_date_validate (production_date, &today, &error))
            add_problem (problems, "production-date", g_strdup (error->message));
        }
    }
  else
    {
      if (kefu_complaint_get_service_issue (complaint) == KEFU_SERVICE_ISSUE_UNSPECIFIED)
        add_problem (problems, "service-issue",
                     g_strdup (_("Choose what went wrong with the service.")));
      check_text (problems, "staff-identity", kefu_complaint_get_staff_identity (complaint),
                  KEFU_TEXT_MAX_SHORT, TRUE, _("Staff name or number"), NULL);
      check_text (problems, "work-place", kefu_complaint_get_work_place (complaint),
                  KEFU_TEXT_MAX_SHORT, TRUE, _("Place of work"), NULL);
      check_text (problems, "work-manner", kefu_complaint_get_work_manner (complaint),
                  KEFU_TEXT_MAX_SHORT, TRUE, _("Manner of work"), NULL);
    }
}

static void
validate_inquiry (KefuInquiry *inquiry,
                  GPtrArray   *problems)
{
  if (kefu_inquiry_get_topics (inquiry) == KEFU_INQUIRY_TOPIC_NONE)
    add_problem (problems, "topics",
                 g_strdup (_("Choose at least one topic the caller asked about.")));
  check_text (problems, "answer", kefu_inquiry_get_answer (inquiry), KEFU_TEXT_MAX_REASON,
              FALSE, _("Answer"), _("Enter what you answered the caller."));
}

/**
 * kefu_call_validate:
 * @now: the current time
 *
 * Returns: (transfer container) (element-type KefuFieldProblem): the problems, in form order;
 *   empty when the call can be saved
 */
GPtrArray *
kefu_call_validate (KefuCall  *call,
                    GDateTime *now)
{
  GPtrArray *problems;

  g_return_val_if_fail (KEFU_IS_CALL (call), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_field_problem_free);
  validate_common (call, now, problems);

  /* A missing detail record is reported on the field the form shows first for that kind, so
   * the clerk is taken to the right part of the form. */
  switch (kefu_call_get_kind (call))
    {
    case KEFU_CALL_KIND_ORDER:
      if (kefu_call_get_order (call) != NULL)
        validate_order (kefu_call_get_order (call), problems);
      else
        add_problem (problems, "lines", g_strdup (_("Add at least one product to the order.")));
      break;
    case KEFU_CALL_KIND_COMPLAINT:
      if (kefu_call_get_complaint (call) != NULL)
        validate_complaint (kefu_call_get_complaint (call), now, problems);
      else
        add_problem (problems, "subject",
                     g_strdup (_("Enter what the complaint is about, e.g. the product or the service.")));
      break;
    case KEFU_CALL_KIND_INQUIRY:
      if (kefu_call_get_inquiry (call) != NULL)
        validate_inquiry (kefu_call_get_inquiry (call), problems);
      else
        add_problem (problems, "topics",
                     g_strdup (_("Choose at least one topic the caller asked about.")));
      break;
    default:
      g_assert_not_reached ();
    }

  return problems;
}

static guint
add_role (KefuRole roles[4],
          guint    n_roles,
          KefuRole role)
{
  for (guint i = 0; i < n_roles; i++)
    if (roles[i] == role)
      return n_roles;
  g_assert (n_roles < 4);
  roles[n_roles] = role;
  return n_roles + 1;
}

guint
kefu_complaint_route_roles (KefuComplaintCategory  category,
                            gboolean               well_founded,
                            gboolean               harmed,
                            KefuRole               roles[4])
{
  guint n_roles = 0;

  g_return_val_if_fail (roles != NULL, 0);

  if (!well_founded)
    return 0;

  switch (category)
    {
    case KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY:
      n_roles = add_role (roles, n_roles, KEFU_ROLE_QC_MANAGER);
      n_roles = add_role (roles, n_roles, KEFU_ROLE_CS_MANAGER);
      n_roles = add_role (roles, n_roles, KEFU_ROLE_GM_OFFICE);
      break;
    case KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY:
      n_roles = add_role (roles, n_roles, KEFU_ROLE_CS_MANAGER);
      break;
    case KEFU_COMPLAINT_CATEGORY_UNSPECIFIED:
      break;
    default:
      g_return_val_if_reached (0);
    }

  /* The CS centre and the GM office both send someone at once (domain.md §1), even before the
   * complaint is classified. */
  if (harmed)
    {
      n_roles = add_role (roles, n_roles, KEFU_ROLE_CS_MANAGER);
      n_roles = add_role (roles, n_roles, KEFU_ROLE_GM_OFFICE);
    }

  return n_roles;
}

KefuComplaintStage
kefu_complaint_intake_stage (gboolean well_founded,
                             guint    n_routes)
{
  if (!well_founded)
    return KEFU_COMPLAINT_STAGE_EXPLAINED;
  return n_routes > 0 ? KEFU_COMPLAINT_STAGE_ROUTED : KEFU_COMPLAINT_STAGE_NEW;
}

/* Appends `text` on one line: every run of white space inside it (line breaks included) as one
 * space, and none at its ends. */
static void
append_one_line (GString    *out,
                 const char *text)
{
  gboolean space = FALSE;
  gboolean started = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = started;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      started = TRUE;
      g_string_append_unichar (out, c);
    }
}

static void
summarize_order (KefuOrder *order,
                 GString   *out)
{
  GListModel *lines = G_LIST_MODEL (kefu_order_get_lines (order));
  guint n_lines = g_list_model_get_n_items (lines);

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(KefuOrderLine) line = g_list_model_get_item (lines, i);
      g_autoptr(GString) item = g_string_new (NULL);

      append_one_line (item, kefu_order_line_get_product_name (line));
      if (*kefu_order_line_get_spec (line) != '\0')
        {
          if (item->len > 0)
            g_string_append_c (item, ' ');
          append_one_line (item, kefu_order_line_get_spec (line));
        }
      if (item->len == 0)
        continue;
      if (kefu_order_line_get_quantity (line) > 0)
        g_string_append_printf (item, " ×%u", kefu_order_line_get_quantity (line));

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append_len (out, item->str, item->len);
    }
}

static void
summarize_complaint (KefuComplaint *complaint,
                     GString       *out)
{
  append_one_line (out, kefu_complaint_get_subject (complaint));
  if (*kefu_complaint_get_reason (complaint) != '\0')
    {
      if (out->len > 0)
        g_string_append (out, ": ");
      append_one_line (out, kefu_complaint_get_reason (complaint));
    }
}

/**
 * kefu_call_build_summary:
 *
 * Returns: (transfer full): the summary, at most 120 characters; "" when nothing was typed
 */
char *
kefu_call_build_summary (KefuCall *call)
{
  g_autoptr(GString) out = NULL;
  KefuOrder *order;
  KefuComplaint *complaint;
  KefuInquiry *inquiry;

  g_return_val_if_fail (KEFU_IS_CALL (call), NULL);

  out = g_string_new (NULL);
  order = kefu_call_get_order (call);
  complaint = kefu_call_get_complaint (call);
  inquiry = kefu_call_get_inquiry (call);

  switch (kefu_call_get_kind (call))
    {
    case KEFU_CALL_KIND_ORDER:
      if (order != NULL)
        summarize_order (order, out);
      break;
    case KEFU_CALL_KIND_COMPLAINT:
      if (complaint != NULL)
        summarize_complaint (complaint, out);
      break;
    case KEFU_CALL_KIND_INQUIRY:
      if (inquiry != NULL)
        append_one_line (out, kefu_inquiry_get_answer (inquiry));
      /* No answer typed: the topics say at least what it was about. */
      if (out->len == 0 && inquiry != NULL)
        {
          g_autofree char *topics = kefu_inquiry_topics_format (kefu_inquiry_get_topics (inquiry));

          g_string_append (out, topics);
        }
      break;
    default:
      g_assert_not_reached ();
    }

  /* Without a detail to show, the notes are the next best thing. */
  if (out->len == 0)
    append_one_line (out, kefu_call_get_notes (call));

  if (g_utf8_strlen (out->str, -1) > SUMMARY_MAX_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (out->str, SUMMARY_MAX_CHARS - 1);

      g_string_truncate (out, cut - out->str);
      /* No space before the ellipsis. */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append (out, "…");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * kefu_call_kind_reference_prefix:
 *
 * Returns: (transfer none): "DH", "TS" or "ZX"
 */
const char *
kefu_call_kind_reference_prefix (KefuCallKind kind)
{
  /* Pinyin initials of 订货, 投诉 and 咨询: what clerks read out, never translated. */
  switch (kind)
    {
    case KEFU_CALL_KIND_ORDER:
      return "DH";
    case KEFU_CALL_KIND_COMPLAINT:
      return "TS";
    case KEFU_CALL_KIND_INQUIRY:
      return "ZX";
    default:
      g_return_val_if_reached ("");
    }
}
