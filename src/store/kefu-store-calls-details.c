/* kefu-store-calls-details.c: the detail record of a call being saved (an order with its lines,
 * hand-over date, out-of-area flag and converted lead; a complaint with its routes, its first
 * stage time and deadline, its "routed" event and the batch check; an inquiry with its lead),
 * inside the transaction of kefu_store_save_call() (kefu-store-calls.c), after the call's row is
 * written.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-settings-keys.h"
#include "kefu-store-calls-private.h"
#include "kefu-store-complaint-changes-private.h"

static void
set_invalid (GError    **error,
             const char *message)
{
  g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID, message);
}

/* A setting's value, or its default when it was never set. */
static char *
read_setting (KefuStore     *self,
              const char    *key,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self, "SELECT value FROM settings WHERE key = $1",
                            g_variant_new ("(s)", key), cancellable, error);
  if (rows == NULL)
    return NULL;
  if (kefu_rows_get_n_rows (rows) == 0 || kefu_rows_is_null (rows, 0, 0))
    return g_strdup (kefu_setting_get_default (key));
  return g_strdup (kefu_rows_get_text (rows, 0, 0));
}

/* The product names of the lines, as the products are named now (a snapshot: renaming a
 * product later does not change old orders). */
gboolean
_kefu_store_call_fill_product_names (KefuStore     *self,
                                     KefuOrder     *order,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  GListModel *lines = G_LIST_MODEL (kefu_order_get_lines (order));

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(KefuOrderLine) line = g_list_model_get_item (lines, i);
      gint64 product_id = kefu_order_line_get_product_id (line);
      g_autoptr(KefuRows) rows = NULL;

      if (product_id == 0)
        continue;
      rows = _kefu_store_query (self, "SELECT name FROM products WHERE id = $1",
                                g_variant_new ("(x)", product_id), cancellable, error);
      if (rows == NULL)
        return FALSE;
      if (kefu_rows_get_n_rows (rows) == 0)
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                       _("The product of line %u no longer exists. Pick the product again."),
                       i + 1);
          return FALSE;
        }
      if (kefu_order_line_get_product_name (line)[0] == '\0')
        kefu_order_line_set_product_name (line, kefu_rows_get_text (rows, 0, 0));
    }
  return TRUE;
}

/* Marks the order's lead converted by this call; it must still be open. */
static gboolean
convert_lead (KefuStore     *self,
              gint64         lead_id,
              gint64         call_id,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self,
                            "UPDATE leads SET state = '" KEFU_LEAD_CONVERTED "', "
                            "order_call_id = $1, closed_at = now(), closed_by = $2, "
                            "version = version + 1, updated_at = now() "
                            "WHERE id = $3 AND state = '" KEFU_LEAD_OPEN "' RETURNING id",
                            g_variant_new ("(xxx)", call_id, _kefu_store_get_txn_actor (self),
                                           lead_id),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_autoptr(KefuRows) lead = NULL;

      lead = _kefu_store_query (self, "SELECT state FROM leads WHERE id = $1",
                                g_variant_new ("(x)", lead_id), cancellable, error);
      if (lead == NULL)
        return FALSE;
      if (kefu_rows_get_n_rows (lead) == 0)
        set_invalid (error, _("The lead this order comes from no longer exists. Remove the link "
                              "to the lead and save again."));
      else if (g_str_equal (kefu_rows_get_text (lead, 0, 0), KEFU_LEAD_CONVERTED))
        set_invalid (error, _("The lead this order comes from was already turned into an order. "
                              "Check the caller's history before taking the order twice."));
      else
        set_invalid (error, _("The lead this order comes from was dropped. Remove the link to "
                              "the lead and save again."));
      return FALSE;
    }
  return _kefu_store_add_event (self, "leads", lead_id, "update",
                                "{\"changed\":[\"state\",\"order_call_id\",\"closed_at\","
                                "\"closed_by\"]}",
                                cancellable, error);
}

gboolean
_kefu_store_call_save_order (KefuStore     *self,
                             KefuCall      *call,
                             GCancellable  *cancellable,
                             GError       **error)
{
  KefuOrder *order = kefu_call_get_order (call);
  gint64 call_id = kefu_record_get_id (KEFU_RECORD (call));
  GListModel *lines = G_LIST_MODEL (kefu_order_get_lines (order));
  g_autoptr(GDateTime) local = g_date_time_to_local (kefu_call_get_received_at (call));
  g_autofree char *cutoff_text = NULL;
  g_autofree char *areas_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *details = NULL;
  g_auto(GStrv) areas = NULL;
  g_autoptr(KefuRows) rows = NULL;
  KefuWriteResult r = { .record = order };
  gint64 lead_id = kefu_order_get_lead_id (order);
  guint cutoff = 10 * 60;
  GDate handover_date;
  gboolean out_of_area;

  /* The delivery address defaults to the caller's; the district comes from the form, or is
   * guessed from the delivery address, for the service-area check. */
  if (kefu_order_get_delivery_address (order)[0] == '\0')
    kefu_order_set_delivery_address (order, kefu_call_get_address (call));
  if (kefu_order_get_district (order)[0] == '\0')
    {
      g_autofree char *district = kefu_address_guess_district (kefu_order_get_delivery_address (order));

      kefu_order_set_district (order, district);
    }

  cutoff_text = read_setting (self, KEFU_SETTING_HANDOVER_CUTOFF, cancellable, error);
  if (cutoff_text == NULL)
    return FALSE;
  areas_text = read_setting (self, KEFU_SETTING_SERVICE_AREAS, cancellable, error);
  if (areas_text == NULL)
    return FALSE;
  /* Settings are checked when they are written; a value damaged by another tool must not stop
   * the hotline, so the default holds then. */
  if (!kefu_setting_parse_time_of_day (cutoff_text, &cutoff, NULL))
    {
      g_message ("The setting %s holds “%s”, which is not a time; using %s",
                 KEFU_SETTING_HANDOVER_CUTOFF, cutoff_text,
                 kefu_setting_get_default (KEFU_SETTING_HANDOVER_CUTOFF));
      kefu_setting_parse_time_of_day (kefu_setting_get_default (KEFU_SETTING_HANDOVER_CUTOFF),
                                      &cutoff, NULL);
    }
  areas = kefu_setting_parse_service_areas (areas_text, NULL);
  if (areas == NULL)
    g_message ("The setting %s cannot be read; every district counts as served",
               KEFU_SETTING_SERVICE_AREAS);

  kefu_handover_date_for_order (local, cutoff, &handover_date);
  date_text = _kefu_store_date_to_text (&handover_date);
  out_of_area = !kefu_service_areas_contain ((const char * const *) areas,
                                             kefu_order_get_district (order));

  if (lead_id != 0 && !convert_lead (self, lead_id, call_id, cancellable, error))
    return FALSE;

  rows = _kefu_store_query (self,
                            "INSERT INTO orders (call_id, channel, delivery_address, district, "
                            "total_fen, handover_date, handover_state, out_of_area, lead_id, "
                            "version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, "
                            "'" KEFU_HANDOVER_WAITING "', $7, $8, 1, now(), now()) "
                            "RETURNING id, version, created_at, updated_at",
                            g_variant_new ("(xssmsxsbmx)", call_id,
                                           _kefu_store_enum_to_nick (KEFU_TYPE_CHANNEL,
                                                                     kefu_order_get_channel (order)),
                                           kefu_order_get_delivery_address (order),
                                           _kefu_store_nullable (kefu_order_get_district (order)),
                                           kefu_order_get_total (order),
                                           date_text,
                                           out_of_area,
                                           lead_id != 0, lead_id),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  _kefu_write_result_take_row (&r, rows);
  _kefu_write_result_apply (&r);
  _kefu_write_result_clear (&r);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(KefuOrderLine) line = g_list_model_get_item (lines, i);
      gint64 product_id = kefu_order_line_get_product_id (line);
      g_autoptr(KefuRows) line_rows = NULL;

      line_rows = _kefu_store_query (self,
                                     "INSERT INTO order_lines (order_id, position, product_id, "
                                     "product_name, spec, quantity, unit_price_fen) "
                                     "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                                     g_variant_new ("(xxmxsmsxx)",
                                                    kefu_record_get_id (KEFU_RECORD (order)),
                                                    (gint64) i, product_id != 0, product_id,
                                                    kefu_order_line_get_product_name (line),
                                                    _kefu_store_nullable (kefu_order_line_get_spec (line)),
                                                    (gint64) kefu_order_line_get_quantity (line),
                                                    kefu_order_line_get_unit_price (line)),
                                     cancellable, error);
      if (line_rows == NULL)
        return FALSE;
      kefu_order_line_set_id (line, kefu_rows_get_int (line_rows, 0, 0));
    }

  kefu_order_set_call_id (order, call_id);
  kefu_order_set_handover_date (order, &handover_date);
  kefu_order_set_handover_state (order, KEFU_HANDOVER_STATE_WAITING);
  kefu_order_set_out_of_area (order, out_of_area);

  /* The lines are part of the order (like a customer's numbers): its event counts them. */
  details = g_strdup_printf ("{\"lines\":%u,\"handover_date\":\"%s\",\"out_of_area\":%s}",
                             g_list_model_get_n_items (lines), date_text,
                             out_of_area ? "true" : "false");
  return _kefu_store_add_event (self, "orders", kefu_record_get_id (KEFU_RECORD (order)),
                                "create", details, cancellable, error);
}

/* Where a complaint goes: the site's routing rules for its category when it has any (those for
 * harmed customers only when the customer was harmed), else the departments of the active
 * staff holding each role the role defaults name; each department once, in order. A route from
 * a rule has no role (`*from_rules`), as no role named it. Used at intake and when an edit of
 * the intake details makes the customer harmed or changes the category
 * (kefu-store-complaint-edit.c), so that both route alike. */
gboolean
_kefu_store_call_route_complaint (KefuStore      *self,
                                  KefuComplaint  *complaint,
                                  gboolean       *from_rules,
                                  GCancellable   *cancellable,
                                  GError        **error)
{
  KefuComplaintCategory category = kefu_complaint_get_category (complaint);
  gboolean harmed = kefu_complaint_get_harmed (complaint);
  KefuRole roles[4];
  guint n_roles;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  kefu_complaint_clear_routes (complaint);
  *from_rules = FALSE;
  if (!kefu_complaint_get_well_founded (complaint))
    return TRUE;

  if (category != KEFU_COMPLAINT_CATEGORY_UNSPECIFIED)
    {
      g_autoptr(GPtrArray) rules = _kefu_store_stored_routing_rules (self, category,
                                                                     cancellable, error);

      if (rules == NULL)
        return FALSE;
      if (rules->len > 0)
        {
          *from_rules = TRUE;
          for (guint i = 0; i < rules->len; i++)
            {
              KefuRoutingRule *rule = g_ptr_array_index (rules, i);

              if ((rule->harmed_only && !harmed) ||
                  !g_hash_table_add (seen, g_memdup2 (&rule->department_id,
                                                      sizeof rule->department_id)))
                continue;
              /* A rule names a department, not a role: stored without one (NULL), as it
               * reads back (kefu-store-calls-read.c). */
              kefu_complaint_add_route (complaint,
                                        kefu_complaint_route_new (rule->department_id,
                                                                  rule->department_name,
                                                                  KEFU_COMPLAINT_ROUTE_NO_ROLE));
            }
          return TRUE;
        }
    }

  n_roles = kefu_complaint_route_roles (category, kefu_complaint_get_well_founded (complaint),
                                        harmed, roles);
  for (guint i = 0; i < n_roles; i++)
    {
      g_autoptr(KefuRows) rows = NULL;

      rows = _kefu_store_query (self,
                                "SELECT DISTINCT departments.id, departments.name FROM staff "
                                "JOIN departments ON departments.id = staff.department_id "
                                "WHERE staff.role = $1 AND staff.active = TRUE "
                                "ORDER BY departments.id",
                                g_variant_new ("(s)", _kefu_store_enum_to_nick (KEFU_TYPE_ROLE,
                                                                                roles[i])),
                                cancellable, error);
      if (rows == NULL)
        return FALSE;
      for (guint j = 0; j < kefu_rows_get_n_rows (rows); j++)
        {
          gint64 department_id = kefu_rows_get_int (rows, j, 0);

          if (!g_hash_table_add (seen, g_memdup2 (&department_id, sizeof department_id)))
            continue;
          kefu_complaint_add_route (complaint,
                                    kefu_complaint_route_new (department_id,
                                                              kefu_rows_get_text (rows, j, 1),
                                                              roles[i]));
        }
    }
  return TRUE;
}

/* The "routed" event of a complaint routed at intake, as a change on the board writes it, so
 * that the departments' notices and the timeline find it (with "urgent" for a harmed
 * customer). */
static gboolean
add_routed_event (KefuStore      *self,
                  KefuComplaint  *complaint,
                  GCancellable   *cancellable,
                  GError        **error)
{
  GPtrArray *routes = kefu_complaint_get_routes (complaint);
  g_autoptr(GString) details = g_string_new ("{\"departments\":[");

  for (guint i = 0; i < routes->len; i++)
    {
      KefuComplaintRoute *route = g_ptr_array_index (routes, i);

      g_string_append_printf (details, "%s{\"id\":%" G_GINT64_FORMAT ",\"name\":",
                              i > 0 ? "," : "", route->department_id);
      _kefu_json_append_string (details, route->department_name);
      g_string_append_c (details, '}');
    }
  g_string_append (details, "],\"from\":\"new\",\"to\":\"routed\"");
  if (kefu_complaint_get_harmed (complaint))
    g_string_append (details, ",\"urgent\":true");
  g_string_append_c (details, '}');
  return _kefu_store_add_event (self, "complaint", kefu_record_get_id (KEFU_RECORD (complaint)),
                                "routed", details->str, cancellable, error);
}

gboolean
_kefu_store_call_save_complaint (KefuStore     *self,
                                 KefuCall      *call,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  KefuComplaint *complaint = kefu_call_get_complaint (call);
  gint64 product_id;
  g_autofree char *production_date = NULL;
  g_autoptr(GString) details = g_string_new ("{\"routes\":[");
  g_autoptr(KefuRows) rows = NULL;
  KefuWriteResult r = { .record = complaint };
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *batch_key = NULL;
  KefuComplaintDeadline due_kind = KEFU_COMPLAINT_DEADLINE_NONE;
  KefuComplaintStage stage;
  gboolean from_rules;
  GPtrArray *routes;

  /* Only the fields of the complaint's category are kept: the form holds both sets while the
   * clerk decides, the call rules check only the category's own, and a complaint that is not
   * well founded has no category at all. */
  _kefu_store_complaint_keep_category_fields (complaint);
  /* Whoever takes the call owns the complaint to the end (谁先接待谁负责到底). */
  kefu_complaint_set_owner_id (complaint, kefu_call_get_clerk_id (call));
  kefu_complaint_set_urgent (complaint, kefu_complaint_get_harmed (complaint));
  if (!_kefu_store_call_route_complaint (self, complaint, &from_rules, cancellable, error))
    return FALSE;
  routes = kefu_complaint_get_routes (complaint);
  stage = kefu_complaint_intake_stage (kefu_complaint_get_well_founded (complaint), routes->len);
  kefu_complaint_set_stage (complaint, stage);

  /* The complaint enters its stage when it is saved: its first deadline (route or acknowledge)
   * counts from then, as that is when the departments are notified. */
  now = _kefu_store_now (self);
  now_text = kefu_time_to_db (now);
  if (!_kefu_store_complaint_deadline (self, stage, kefu_complaint_get_category (complaint),
                                       kefu_complaint_get_harmed (complaint), now, &due_kind,
                                       &due, cancellable, error))
    return FALSE;
  if (due != NULL)
    due_text = kefu_time_to_db (due);
  if (kefu_complaint_get_batch_number (complaint)[0] != '\0')
    batch_key = kefu_batch_number_key (kefu_complaint_get_batch_number (complaint));

  product_id = kefu_complaint_get_product_id (complaint);
  production_date = _kefu_store_date_to_text (kefu_complaint_get_production_date (complaint));
#define NICK_OR_NULL(type, value, unspecified) \
  ((value) == (unspecified) ? NULL : _kefu_store_enum_to_nick (type, value))
  rows = _kefu_store_query (self,
                            "INSERT INTO complaints (call_id, owner_id, subject, reason, "
                            "well_founded, explanation, category, symptom, purchase_method, "
                            "purchase_place, batch_number, production_date, product_id, "
                            "service_issue, staff_identity, work_place, work_manner, harmed, "
                            "urgent, stage, stage_since, due_kind, due_at, routed_at, closed_at, "
                            "batch_key, version, created_at, updated_at) VALUES ($1, $2, $3, "
                            "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
                            "$19, $20, $21, $22, $23, $24, $25, $26, 1, $21, $21) "
                            "RETURNING id, version, created_at, updated_at",
                            g_variant_new ("(xxssbmsmsmsmsmsmsmsmxmsmsmsmsbbssmsmsmsmsms)",
                                           kefu_record_get_id (KEFU_RECORD (call)),
                                           kefu_complaint_get_owner_id (complaint),
                                           kefu_complaint_get_subject (complaint),
                                           kefu_complaint_get_reason (complaint),
                                           kefu_complaint_get_well_founded (complaint),
                                           _kefu_store_nullable (kefu_complaint_get_explanation (complaint)),
                                           NICK_OR_NULL (KEFU_TYPE_COMPLAINT_CATEGORY,
                                                         kefu_complaint_get_category (complaint),
                                                         KEFU_COMPLAINT_CATEGORY_UNSPECIFIED),
                                           NICK_OR_NULL (KEFU_TYPE_PRODUCT_SYMPTOM,
                                                         kefu_complaint_get_symptom (complaint),
                                                         KEFU_PRODUCT_SYMPTOM_UNSPECIFIED),
                                           _kefu_store_nullable (kefu_complaint_get_purchase_method (complaint)),
                                           _kefu_store_nullable (kefu_complaint_get_purchase_place (complaint)),
                                           _kefu_store_nullable (kefu_complaint_get_batch_number (complaint)),
                                           production_date,
                                           product_id != 0, product_id,
                                           NICK_OR_NULL (KEFU_TYPE_SERVICE_ISSUE,
                                                         kefu_complaint_get_service_issue (complaint),
                                                         KEFU_SERVICE_ISSUE_UNSPECIFIED),
                                           _kefu_store_nullable (kefu_complaint_get_staff_identity (complaint)),
                                           _kefu_store_nullable (kefu_complaint_get_work_place (complaint)),
                                           _kefu_store_nullable (kefu_complaint_get_work_manner (complaint)),
                                           kefu_complaint_get_harmed (complaint),
                                           kefu_complaint_get_urgent (complaint),
                                           _kefu_store_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE,
                                                                     stage),
                                           now_text,
                                           NICK_OR_NULL (KEFU_TYPE_COMPLAINT_DEADLINE, due_kind,
                                                         KEFU_COMPLAINT_DEADLINE_NONE),
                                           due_text,
                                           stage == KEFU_COMPLAINT_STAGE_ROUTED ? now_text : NULL,
                                           stage == KEFU_COMPLAINT_STAGE_EXPLAINED ? now_text : NULL,
                                           batch_key),
                            cancellable, error);
#undef NICK_OR_NULL
  if (rows == NULL)
    return FALSE;
  _kefu_write_result_take_row (&r, rows);
  _kefu_write_result_apply (&r);
  _kefu_write_result_clear (&r);
  /* The list view sorts and searches by the call's columns on the complaint itself. */
  if (!_kefu_store_complaint_copy_call (self, kefu_record_get_id (KEFU_RECORD (complaint)),
                                        cancellable, error))
    return FALSE;

  for (guint i = 0; i < routes->len; i++)
    {
      KefuComplaintRoute *route = g_ptr_array_index (routes, i);

      if (_kefu_store_execute (self,
                               "INSERT INTO complaint_routes (complaint_id, department_id, role, "
                               "created_at, added_by) VALUES ($1, $2, $3, $4, $5)",
                               g_variant_new ("(xxmssx)", kefu_record_get_id (KEFU_RECORD (complaint)),
                                              route->department_id,
                                              from_rules ? NULL :
                                              _kefu_store_enum_to_nick (KEFU_TYPE_ROLE, route->role),
                                              now_text, _kefu_store_get_txn_actor (self)),
                               cancellable, error) < 0)
        return FALSE;
      g_string_append_printf (details, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              route->department_id);
    }

  kefu_complaint_set_call_id (complaint, kefu_record_get_id (KEFU_RECORD (call)));
  kefu_complaint_set_reference (complaint, kefu_call_get_reference (call));

  /* The routes are part of the complaint: its event names the departments. */
  g_string_append_printf (details, "],\"urgent\":%s,\"stage\":",
                          kefu_complaint_get_urgent (complaint) ? "true" : "false");
  _kefu_json_append_string (details, _kefu_store_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE,
                                                               kefu_complaint_get_stage (complaint)));
  g_string_append_c (details, '}');
  if (!_kefu_store_add_event (self, "complaints", kefu_record_get_id (KEFU_RECORD (complaint)),
                              "create", details->str, cancellable, error))
    return FALSE;
  if (stage == KEFU_COMPLAINT_STAGE_ROUTED &&
      !add_routed_event (self, complaint, cancellable, error))
    return FALSE;
  /* A third complaint about one batch within the window flags it to the QC manager. */
  return batch_key == NULL ||
         _kefu_store_complaint_check_batch (self, kefu_record_get_id (KEFU_RECORD (complaint)),
                                            cancellable, error);
}

gboolean
_kefu_store_call_save_inquiry (KefuStore     *self,
                               KefuCall      *call,
                               GCancellable  *cancellable,
                               GError       **error)
{
  KefuInquiry *inquiry = kefu_call_get_inquiry (call);
  g_autofree char *topics = _kefu_store_topics_to_text (kefu_inquiry_get_topics (inquiry));
  KefuWriteResult r = { .record = inquiry };
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuRows) lead = NULL;

  rows = _kefu_store_query (self,
                            "INSERT INTO inquiries (call_id, topics, answer, potential_order, "
                            "version, created_at, updated_at) VALUES ($1, $2, $3, $4, 1, now(), "
                            "now()) RETURNING id, version, created_at, updated_at",
                            g_variant_new ("(xssb)", kefu_record_get_id (KEFU_RECORD (call)), topics,
                                           kefu_inquiry_get_answer (inquiry),
                                           kefu_inquiry_get_potential_order (inquiry)),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  _kefu_write_result_take_row (&r, rows);
  _kefu_write_result_apply (&r);
  _kefu_write_result_clear (&r);
  kefu_inquiry_set_call_id (inquiry, kefu_record_get_id (KEFU_RECORD (call)));
  if (!_kefu_store_add_event (self, "inquiries", kefu_record_get_id (KEFU_RECORD (inquiry)),
                              "create", "{}", cancellable, error))
    return FALSE;

  if (!kefu_inquiry_get_potential_order (inquiry))
    {
      kefu_inquiry_set_lead_id (inquiry, 0);
      return TRUE;
    }
  /* A potential order waits in the team lead's "Leads" list (潜在订单). */
  lead = _kefu_store_query (self,
                            "INSERT INTO leads (inquiry_id, state, version, created_at, updated_at) "
                            "VALUES ($1, '" KEFU_LEAD_OPEN "', 1, now(), now()) RETURNING id",
                            g_variant_new ("(x)", kefu_record_get_id (KEFU_RECORD (inquiry))),
                            cancellable, error);
  if (lead == NULL)
    return FALSE;
  kefu_inquiry_set_lead_id (inquiry, kefu_rows_get_int (lead, 0, 0));
  return _kefu_store_add_event (self, "leads", kefu_inquiry_get_lead_id (inquiry), "create", "{}",
                                cancellable, error);
}
