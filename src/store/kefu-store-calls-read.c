/* kefu-store-calls-read.c: reading hotline calls back: one call with its detail record, the
 * recent calls, and a customer's history; plus the row mappers and copies the other call files
 * share (kefu-store-calls-private.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "kefu-store-calls-private.h"

#define COMPLAINT_COLUMNS \
  "complaints.id, complaints.version, complaints.created_at, complaints.updated_at, " \
  "complaints.call_id, calls.reference, complaints.owner_id, complaints.subject, " \
  "complaints.reason, complaints.well_founded, complaints.explanation, complaints.category, " \
  "complaints.symptom, complaints.purchase_method, complaints.purchase_place, " \
  "complaints.batch_number, CAST(complaints.production_date AS TEXT), complaints.product_id, " \
  "complaints.service_issue, complaints.staff_identity, complaints.work_place, " \
  "complaints.work_manner, complaints.harmed, complaints.urgent, complaints.stage"

#define INQUIRY_COLUMNS \
  "inquiries.id, inquiries.version, inquiries.created_at, inquiries.updated_at, " \
  "inquiries.call_id, inquiries.topics, inquiries.answer, inquiries.potential_order, leads.id"

/* Dates */

char *
_kefu_store_date_to_text (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
_kefu_store_date_from_text (const char *text,
                            GDate      *date)
{
  unsigned year, month, day;
  int consumed = 0;

  if (text == NULL ||
      sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &consumed) != 3 ||
      text[consumed] != '\0' ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* Inquiry topics */

char *
_kefu_store_topics_to_text (KefuInquiryTopics topics)
{
  g_autoptr(GFlagsClass) flags_class = g_type_class_ref (KEFU_TYPE_INQUIRY_TOPICS);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < flags_class->n_values; i++)
    {
      const GFlagsValue *value = &flags_class->values[i];

      if (value->value == 0 || (topics & value->value) != value->value)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ',');
      g_string_append (text, value->value_nick);
    }
  return g_string_free (text, FALSE);
}

KefuInquiryTopics
_kefu_store_topics_from_text (const char *text)
{
  g_autoptr(GFlagsClass) flags_class = g_type_class_ref (KEFU_TYPE_INQUIRY_TOPICS);
  g_auto(GStrv) nicks = NULL;
  guint topics = 0;

  if (text == NULL)
    return KEFU_INQUIRY_TOPIC_NONE;
  nicks = g_strsplit (text, ",", -1);
  for (guint i = 0; nicks[i] != NULL; i++)
    {
      const GFlagsValue *value = g_flags_get_value_by_nick (flags_class, nicks[i]);

      /* A topic a newer Kefu added is skipped rather than read as something else. */
      if (value != NULL)
        topics |= value->value;
      else if (nicks[i][0] != '\0')
        g_debug ("Unknown inquiry topic “%s” in the database", nicks[i]);
    }
  return topics;
}

/* Row mappers */

#define ENUM_AT(type, column, fallback) \
  _kefu_store_enum_from_nick (type, kefu_rows_get_text (rows, row, (column)), fallback)

KefuCall *
_kefu_store_call_from_row (KefuRows *rows,
                           guint     row,
                           guint     first)
{
  KefuCall *call = kefu_call_new ();
  g_autoptr(GDateTime) received_at = kefu_rows_get_time (rows, row, first + 12);

  _kefu_store_fill_record (call, rows, row, first);
  kefu_call_set_reference (call, kefu_rows_get_text (rows, row, first + 4));
  kefu_call_set_kind (call, ENUM_AT (KEFU_TYPE_CALL_KIND, first + 5, KEFU_CALL_KIND_ORDER));
  kefu_call_set_customer_id (call, kefu_rows_get_int (rows, row, first + 6));
  kefu_call_set_caller_name (call, kefu_rows_get_text (rows, row, first + 7));
  kefu_call_set_address (call, kefu_rows_get_text (rows, row, first + 8));
  kefu_call_set_phone (call, kefu_rows_get_text (rows, row, first + 9));
  kefu_call_set_clerk_id (call, kefu_rows_get_int (rows, row, first + 10));
  kefu_call_set_clerk_name (call, kefu_rows_get_text (rows, row, first + 11));
  kefu_call_set_received_at (call, received_at);
  kefu_call_set_notes (call, kefu_rows_get_text (rows, row, first + 13));
  kefu_call_set_summary (call, kefu_rows_get_text (rows, row, first + 14));
  return call;
}

KefuOrder *
_kefu_store_order_from_row (KefuRows *rows,
                            guint     row,
                            guint     first)
{
  KefuOrder *order = kefu_order_new ();
  g_autoptr(GDateTime) handed_over_at = kefu_rows_get_time (rows, row, first + 12);
  g_autoptr(GDateTime) notified_at = kefu_rows_get_time (rows, row, first + 14);
  GDate date;

  _kefu_store_fill_record (order, rows, row, first);
  kefu_order_set_call_id (order, kefu_rows_get_int (rows, row, first + 4));
  kefu_order_set_channel (order, ENUM_AT (KEFU_TYPE_CHANNEL, first + 5, KEFU_CHANNEL_UNSPECIFIED));
  kefu_order_set_delivery_address (order, kefu_rows_get_text (rows, row, first + 6));
  kefu_order_set_district (order, kefu_rows_get_text (rows, row, first + 7));
  if (_kefu_store_date_from_text (kefu_rows_get_text (rows, row, first + 8), &date))
    kefu_order_set_handover_date (order, &date);
  kefu_order_set_handover_state (order, ENUM_AT (KEFU_TYPE_HANDOVER_STATE, first + 9,
                                                 KEFU_HANDOVER_STATE_WAITING));
  kefu_order_set_handed_to_id (order, kefu_rows_get_int (rows, row, first + 10));
  kefu_order_set_handed_to_name (order, kefu_rows_get_text (rows, row, first + 11));
  kefu_order_set_handed_over_at (order, handed_over_at);
  kefu_order_set_out_of_area (order, kefu_rows_get_bool (rows, row, first + 13));
  kefu_order_set_area_notified_at (order, notified_at);
  kefu_order_set_area_notified_by_id (order, kefu_rows_get_int (rows, row, first + 15));
  kefu_order_set_area_note (order, kefu_rows_get_text (rows, row, first + 16));
  kefu_order_set_lead_id (order, kefu_rows_get_int (rows, row, first + 17));
  return order;
}

void
_kefu_store_order_add_line_from_row (KefuOrder *order,
                                     KefuRows  *rows,
                                     guint      row)
{
  KefuOrderLine *line = kefu_order_add_line (order);

  kefu_order_line_set_id (line, kefu_rows_get_int (rows, row, 0));
  kefu_order_line_set_product_id (line, kefu_rows_get_int (rows, row, 2));
  kefu_order_line_set_product_name (line, kefu_rows_get_text (rows, row, 3));
  kefu_order_line_set_spec (line, kefu_rows_get_text (rows, row, 4));
  kefu_order_line_set_quantity (line, (guint) kefu_rows_get_int (rows, row, 5));
  kefu_order_line_set_unit_price (line, kefu_rows_get_int (rows, row, 6));
}

static KefuComplaint *
complaint_from_row (KefuRows *rows,
                    guint     row)
{
  KefuComplaint *complaint = kefu_complaint_new ();
  GDate date;

  _kefu_store_fill_record (complaint, rows, row, 0);
  kefu_complaint_set_call_id (complaint, kefu_rows_get_int (rows, row, 4));
  kefu_complaint_set_reference (complaint, kefu_rows_get_text (rows, row, 5));
  kefu_complaint_set_owner_id (complaint, kefu_rows_get_int (rows, row, 6));
  kefu_complaint_set_subject (complaint, kefu_rows_get_text (rows, row, 7));
  kefu_complaint_set_reason (complaint, kefu_rows_get_text (rows, row, 8));
  kefu_complaint_set_well_founded (complaint, kefu_rows_get_bool (rows, row, 9));
  kefu_complaint_set_explanation (complaint, kefu_rows_get_text (rows, row, 10));
  kefu_complaint_set_category (complaint, ENUM_AT (KEFU_TYPE_COMPLAINT_CATEGORY, 11,
                                                   KEFU_COMPLAINT_CATEGORY_UNSPECIFIED));
  kefu_complaint_set_symptom (complaint, ENUM_AT (KEFU_TYPE_PRODUCT_SYMPTOM, 12,
                                                  KEFU_PRODUCT_SYMPTOM_UNSPECIFIED));
  kefu_complaint_set_purchase_method (complaint, kefu_rows_get_text (rows, row, 13));
  kefu_complaint_set_purchase_place (complaint, kefu_rows_get_text (rows, row, 14));
  kefu_complaint_set_batch_number (complaint, kefu_rows_get_text (rows, row, 15));
  if (_kefu_store_date_from_text (kefu_rows_get_text (rows, row, 16), &date))
    kefu_complaint_set_production_date (complaint, &date);
  kefu_complaint_set_product_id (complaint, kefu_rows_get_int (rows, row, 17));
  kefu_complaint_set_service_issue (complaint, ENUM_AT (KEFU_TYPE_SERVICE_ISSUE, 18,
                                                        KEFU_SERVICE_ISSUE_UNSPECIFIED));
  kefu_complaint_set_staff_identity (complaint, kefu_rows_get_text (rows, row, 19));
  kefu_complaint_set_work_place (complaint, kefu_rows_get_text (rows, row, 20));
  kefu_complaint_set_work_manner (complaint, kefu_rows_get_text (rows, row, 21));
  kefu_complaint_set_harmed (complaint, kefu_rows_get_bool (rows, row, 22));
  kefu_complaint_set_urgent (complaint, kefu_rows_get_bool (rows, row, 23));
  kefu_complaint_set_stage (complaint, ENUM_AT (KEFU_TYPE_COMPLAINT_STAGE, 24,
                                                KEFU_COMPLAINT_STAGE_NEW));
  return complaint;
}

static KefuInquiry *
inquiry_from_row (KefuRows *rows,
                  guint     row)
{
  KefuInquiry *inquiry = kefu_inquiry_new ();

  _kefu_store_fill_record (inquiry, rows, row, 0);
  kefu_inquiry_set_call_id (inquiry, kefu_rows_get_int (rows, row, 4));
  kefu_inquiry_set_topics (inquiry, _kefu_store_topics_from_text (kefu_rows_get_text (rows, row, 5)));
  kefu_inquiry_set_answer (inquiry, kefu_rows_get_text (rows, row, 6));
  kefu_inquiry_set_potential_order (inquiry, kefu_rows_get_bool (rows, row, 7));
  kefu_inquiry_set_lead_id (inquiry, kefu_rows_get_int (rows, row, 8));
  return inquiry;
}

#undef ENUM_AT

/* Staff */

gboolean
_kefu_store_staff_role (KefuStore     *self,
                        gint64         staff_id,
                        KefuRole      *role,
                        char         **name,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self, "SELECT role, active, name FROM staff WHERE id = $1",
                            g_variant_new ("(x)", staff_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                   _("There is no staff member with number %lld. Reload the staff list and "
                     "choose again."), (long long) staff_id);
      return FALSE;
    }
  if (!kefu_rows_get_bool (rows, 0, 1))
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                   _("%s no longer works here (the staff member is inactive). Choose someone "
                     "else."), kefu_rows_get_text (rows, 0, 2));
      return FALSE;
    }
  *role = _kefu_store_enum_from_nick (KEFU_TYPE_ROLE, kefu_rows_get_text (rows, 0, 0),
                                      KEFU_ROLE_CLERK);
  if (name != NULL)
    *name = g_strdup (kefu_rows_get_text (rows, 0, 2));
  return TRUE;
}

/* Reading calls */

static gboolean
load_order (KefuStore     *self,
            KefuCall      *call,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuRows) lines = NULL;
  g_autoptr(KefuOrder) order = NULL;

  rows = _kefu_store_query (self,
                            "SELECT " KEFU_ORDER_COLUMNS " FROM orders " KEFU_ORDER_JOIN_HANDED
                            " WHERE orders.call_id = $1",
                            g_variant_new ("(x)", kefu_record_get_id (KEFU_RECORD (call))),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    return TRUE;
  order = _kefu_store_order_from_row (rows, 0, 0);

  lines = _kefu_store_query (self,
                             "SELECT " KEFU_ORDER_LINE_COLUMNS " FROM order_lines "
                             "WHERE order_id = $1 ORDER BY position",
                             g_variant_new ("(x)", kefu_record_get_id (KEFU_RECORD (order))),
                             cancellable, error);
  if (lines == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (lines); i++)
    _kefu_store_order_add_line_from_row (order, lines, i);
  kefu_call_set_order (call, order);
  return TRUE;
}

static gboolean
load_complaint (KefuStore     *self,
                KefuCall      *call,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuRows) routes = NULL;
  g_autoptr(KefuComplaint) complaint = NULL;

  rows = _kefu_store_query (self,
                            "SELECT " COMPLAINT_COLUMNS " FROM complaints "
                            "JOIN calls ON calls.id = complaints.call_id "
                            "WHERE complaints.call_id = $1",
                            g_variant_new ("(x)", kefu_record_get_id (KEFU_RECORD (call))),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    return TRUE;
  complaint = complaint_from_row (rows, 0);

  routes = _kefu_store_query (self,
                              "SELECT complaint_routes.department_id, departments.name, "
                              "complaint_routes.role FROM complaint_routes "
                              "JOIN departments ON departments.id = complaint_routes.department_id "
                              "WHERE complaint_routes.complaint_id = $1 "
                              "ORDER BY complaint_routes.id",
                              g_variant_new ("(x)", kefu_record_get_id (KEFU_RECORD (complaint))),
                              cancellable, error);
  if (routes == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (routes); i++)
    kefu_complaint_add_route (complaint,
                              kefu_complaint_route_new (kefu_rows_get_int (routes, i, 0),
                                                        kefu_rows_get_text (routes, i, 1),
                                                        _kefu_store_enum_from_nick (
                                                          KEFU_TYPE_ROLE,
                                                          kefu_rows_get_text (routes, i, 2),
                                                          KEFU_COMPLAINT_ROUTE_NO_ROLE)));
  kefu_call_set_complaint (call, complaint);
  return TRUE;
}

static gboolean
load_inquiry (KefuStore     *self,
              KefuCall      *call,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuInquiry) inquiry = NULL;

  rows = _kefu_store_query (self,
                            "SELECT " INQUIRY_COLUMNS " FROM inquiries "
                            "LEFT JOIN leads ON leads.inquiry_id = inquiries.id "
                            "WHERE inquiries.call_id = $1",
                            g_variant_new ("(x)", kefu_record_get_id (KEFU_RECORD (call))),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    return TRUE;
  inquiry = inquiry_from_row (rows, 0);
  kefu_call_set_inquiry (call, inquiry);
  return TRUE;
}

/**
 * kefu_store_get_call:
 * @id: the call's id
 *
 * Returns: (transfer full): the call with its detail record (an order with its lines, a
 *   complaint with its routes, or an inquiry), or %NULL with @error set
 */
KefuCall *
kefu_store_get_call (KefuStore     *self,
                     gint64         id,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuCall) call = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = _kefu_store_query (self,
                            "SELECT " KEFU_CALL_COLUMNS " FROM " KEFU_CALL_FROM
                            " WHERE calls.id = $1",
                            g_variant_new ("(x)", id), cancellable, error);
  if (rows == NULL)
    return NULL;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                   _("There is no call with number %lld. Reload the list."), (long long) id);
      return NULL;
    }
  call = _kefu_store_call_from_row (rows, 0, 0);

  switch (kefu_call_get_kind (call))
    {
    case KEFU_CALL_KIND_ORDER:
      ok = load_order (self, call, cancellable, error);
      break;
    case KEFU_CALL_KIND_COMPLAINT:
      ok = load_complaint (self, call, cancellable, error);
      break;
    case KEFU_CALL_KIND_INQUIRY:
      ok = load_inquiry (self, call, cancellable, error);
      break;
    default:
      g_assert_not_reached ();
    }
  return ok ? g_steal_pointer (&call) : NULL;
}

/**
 * kefu_store_list_recent_calls:
 * @clerk_id: the clerk whose calls to list, or 0 for everyone's
 * @since: (nullable): the earliest received time, or %NULL for no bound
 * @limit: the most calls to return; 0 for 100
 *
 * Returns: (transfer full): a #GListModel of #KefuCall, newest first, without detail records
 */
GListModel *
kefu_store_list_recent_calls (KefuStore     *self,
                              gint64         clerk_id,
                              GDateTime     *since,
                              guint          limit,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *since_text = NULL;
  g_autoptr(KefuRows) rows = NULL;
  GVariant *params;
  const char *sql;
  GListStore *list;
  gint64 n = limit > 0 ? limit : 100;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

#define RECENT(where) \
  "SELECT " KEFU_CALL_COLUMNS " FROM " KEFU_CALL_FROM " " where \
  " ORDER BY calls.received_at DESC, calls.id DESC LIMIT $1"
  /* One statement per combination, so that each walks its own index (calls_clerk_id or
   * calls_received_at) backwards instead of testing "$n = 0 OR …" on every row. */
  if (since != NULL)
    since_text = kefu_time_to_db (since);
  if (clerk_id > 0 && since != NULL)
    {
      sql = RECENT ("WHERE calls.clerk_id = $2 AND calls.received_at >= $3");
      params = g_variant_new ("(xxs)", n, clerk_id, since_text);
    }
  else if (clerk_id > 0)
    {
      sql = RECENT ("WHERE calls.clerk_id = $2");
      params = g_variant_new ("(xx)", n, clerk_id);
    }
  else if (since != NULL)
    {
      sql = RECENT ("WHERE calls.received_at >= $2");
      params = g_variant_new ("(xs)", n, since_text);
    }
  else
    {
      sql = RECENT ("");
      params = g_variant_new ("(x)", n);
    }
#undef RECENT

  rows = _kefu_store_query (self, sql, params, cancellable, error);
  if (rows == NULL)
    return NULL;
  list = g_list_store_new (KEFU_TYPE_CALL);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autoptr(KefuCall) call = _kefu_store_call_from_row (rows, i, 0);

      g_list_store_append (list, call);
    }
  return G_LIST_MODEL (list);
}

GListModel *
_kefu_store_list_calls_with_orders (KefuStore     *self,
                                    const char    *sql,
                                    const char    *lines_sql,
                                    GVariant      *params,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autoptr(GVariant) owned = params != NULL ? g_variant_ref_sink (params) : NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuRows) lines = NULL;
  g_autoptr(GHashTable) orders = NULL;
  GListStore *list;

  rows = _kefu_store_query (self, sql, owned, cancellable, error);
  if (rows == NULL)
    return NULL;
  lines = _kefu_store_query (self, lines_sql, owned, cancellable, error);
  if (lines == NULL)
    return NULL;

  /* Order id → order, borrowed: the calls in `list` keep the orders alive. */
  orders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  list = g_list_store_new (KEFU_TYPE_CALL);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autoptr(KefuCall) call = _kefu_store_call_from_row (rows, i, 0);
      g_autoptr(KefuOrder) order = _kefu_store_order_from_row (rows, i, KEFU_CALL_N_COLUMNS);
      gint64 order_id = kefu_record_get_id (KEFU_RECORD (order));

      kefu_call_set_order (call, order);
      g_hash_table_insert (orders, g_memdup2 (&order_id, sizeof order_id), order);
      g_list_store_append (list, call);
    }
  for (guint i = 0; i < kefu_rows_get_n_rows (lines); i++)
    {
      gint64 order_id = kefu_rows_get_int (lines, i, 1);
      KefuOrder *order = g_hash_table_lookup (orders, &order_id);

      /* An order that arrived between the two statements has no call in the list. */
      if (order != NULL)
        _kefu_store_order_add_line_from_row (order, lines, i);
    }
  return G_LIST_MODEL (list);
}
