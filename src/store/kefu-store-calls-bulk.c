/* kefu-store-calls-bulk.c: loading calls by the hundred thousand (kefuctl generate, a hotline's
 * history), and customers' last contacts after such a load.
 *
 * One transaction per call of kefu_store_insert_calls_bulk(): the calls first, then every
 * detail table in the order of their foreign keys (inquiries, leads, orders, order lines,
 * complaints, routes), each through the backend's bulk path, bound straight from the records
 * (kefu-store-calls-bulk-rows.c). Ids are chosen here under the write lock (PostgreSQL: a table
 * lock), so that the detail rows can name their call and each other without a round trip per
 * row. Everything that does not depend on the database (validation, summaries, local days,
 * hand-over dates) is worked out before the transaction (kefu-store-calls-bulk-prepare.c); the
 * reference numbers and routes, which do, inside it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-reference.h"
#include "core/kefu-settings-keys.h"
#include "kefu-store-calls-bulk-private.h"

/* Inside the transaction */

gboolean
_kefu_bulk_next_id (KefuStore     *self,
                    const char    *sql,
                    gint64        *next,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(KefuRows) rows = _kefu_store_query (self, sql, NULL, cancellable, error);

  if (rows == NULL)
    return FALSE;
  *next = kefu_rows_get_int (rows, 0, 0) + 1;
  return TRUE;
}

/* The highest sequence number stored for references starting with `day_prefix`
 * ("DH-20261127-"), as kefu_store_save_call() reads it: a range of the index on
 * calls.reference, compared byte by byte (PostgreSQL: the text_pattern_ops operators, as a
 * collation such as zh_CN may ignore the dashes), longest first once past four digits. */
static gboolean
highest_sequence (KefuStore     *self,
                  const char    *day_prefix,
                  guint64       *highest,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gboolean postgres = kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES;
  g_autofree char *end = g_strdup (day_prefix);
  g_autoptr(KefuRows) rows = NULL;
  guint64 sequence = 0;

  end[strlen (end) - 1] = '-' + 1;
  rows = _kefu_store_query (self,
                            postgres ?
                            "SELECT reference FROM calls WHERE reference ~>=~ $1 AND "
                            "reference ~<~ $2 ORDER BY length(reference) DESC, reference "
                            "USING ~>~ LIMIT 1" :
                            "SELECT reference FROM calls WHERE reference >= $1 AND "
                            "reference < $2 ORDER BY length(reference) DESC, reference DESC "
                            "LIMIT 1",
                            g_variant_new ("(ss)", day_prefix, end), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) > 0)
    g_ascii_string_to_unsigned (kefu_rows_get_text (rows, 0, 0) + strlen (day_prefix), 10, 0,
                                KEFU_REFERENCE_SEQUENCE_MAX, &sequence, NULL);
  *highest = sequence;
  return TRUE;
}

typedef struct
{
  char    prefix[24];   /* "DH-20261127-" */
  guint64 next;
} DaySequence;

/* Gives every call its reference: per kind and local day, in the order of the load, after the
 * numbers the day already has. */
static gboolean
assign_references (KefuStore     *self,
                   KefuBulkLoad  *load,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < load->n_calls; i++)
    {
      KefuBulkCall *c = &load->calls[i];
      gint64 key = (gint64) c->kind * 100000000 + c->day;
      DaySequence *sequence = g_hash_table_lookup (days, &key);

      if (sequence == NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (kefu_call_get_received_at (c->call),
                                                                 load->tz);
          g_autofree char *first = kefu_reference_format (kefu_call_kind_reference_prefix (c->kind),
                                                          local, 1);
          guint64 highest = 0;

          sequence = g_new0 (DaySequence, 1);
          g_strlcpy (sequence->prefix, first,
                     MIN (sizeof sequence->prefix, strlen (first) - KEFU_BULK_REFERENCE_SHORT_DIGITS + 1));
          g_hash_table_insert (days, g_memdup2 (&key, sizeof key), sequence);
          if (!highest_sequence (self, sequence->prefix, &highest, cancellable, error))
            return FALSE;
          sequence->next = highest + 1;
        }
      if (sequence->next > KEFU_REFERENCE_SEQUENCE_MAX)
        {
          _kefu_bulk_set_invalid (error, _("No reference number is left for a kind of call on one "
                                           "of the days of the load. Nothing was loaded."));
          return FALSE;
        }
      g_snprintf (c->reference, sizeof c->reference, "%s%0*" G_GUINT64_FORMAT, sequence->prefix,
                  KEFU_BULK_REFERENCE_SHORT_DIGITS, sequence->next);
      sequence->next++;
    }
  return TRUE;
}

/* Routes every complaint as kefu_store_save_call() does: to the departments of the active staff
 * holding each role the routing rules name, each department once, with the first role that
 * named it; and decides the intake stage of those that come in NEW. */
static gboolean
route_complaints (KefuStore     *self,
                  KefuBulkLoad  *load,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GPtrArray) by_role = NULL;  /* per KefuRole: GArray of gint64 department ids */
  g_autoptr(GEnumClass) roles = g_type_class_ref (KEFU_TYPE_ROLE);

  g_array_set_size (load->routes, 0);
  g_array_set_size (load->route_ends, 0);
  g_hash_table_remove_all (load->department_names);
  if (load->complaints->len == 0)
    return TRUE;

  /* With each department one of its members holding the role, who acknowledges the complaints
   * that the load says were acknowledged. */
  rows = _kefu_store_query (self,
                            "SELECT staff.role, departments.id, departments.name, MIN(staff.id) "
                            "FROM staff JOIN departments ON departments.id = staff.department_id "
                            "WHERE staff.active = TRUE "
                            "GROUP BY staff.role, departments.id, departments.name "
                            "ORDER BY staff.role, departments.id",
                            NULL, cancellable, error);
  if (rows == NULL)
    return FALSE;
  by_role = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint r = 0; r < (guint) roles->n_values; r++)
    g_ptr_array_add (by_role, g_array_new (FALSE, FALSE, sizeof (KefuBulkRoute)));
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      int role = _kefu_store_enum_from_nick (KEFU_TYPE_ROLE, kefu_rows_get_text (rows, i, 0), -1);
      gint64 department = kefu_rows_get_int (rows, i, 1);
      KefuBulkRoute route = { department, role, kefu_rows_get_int (rows, i, 3) };

      if (role < 0 || (guint) role >= by_role->len)
        continue;
      g_array_append_val (g_ptr_array_index (by_role, role), route);
      g_hash_table_insert (load->department_names, g_memdup2 (&department, sizeof department),
                           g_strdup (kefu_rows_get_text (rows, i, 2)));
    }

  for (guint k = 0; k < load->complaints->len; k++)
    {
      KefuBulkCall *c = &load->calls[g_array_index (load->complaints, guint, k)];
      KefuComplaint *complaint = kefu_call_get_complaint (c->call);
      gboolean well_founded = kefu_complaint_get_well_founded (complaint);
      KefuRole route_roles[4];
      guint n_roles, start = load->routes->len, end;

      /* A complaint the load says is still New was routed to nobody yet. */
      if (c->progress > 0 &&
          g_array_index (load->progress, KefuBulkProgress, c->progress - 1).stage ==
          KEFU_COMPLAINT_STAGE_NEW)
        n_roles = 0;
      else
        n_roles = kefu_complaint_route_roles (kefu_complaint_get_category (complaint),
                                              well_founded, kefu_complaint_get_harmed (complaint),
                                              route_roles);
      for (guint r = 0; r < n_roles; r++)
        {
          GArray *departments = g_ptr_array_index (by_role, route_roles[r]);

          for (guint d = 0; d < departments->len; d++)
            {
              KefuBulkRoute route = g_array_index (departments, KefuBulkRoute, d);
              gboolean seen = FALSE;

              for (guint j = start; j < load->routes->len && !seen; j++)
                seen = g_array_index (load->routes, KefuBulkRoute, j).department_id ==
                       route.department_id;
              if (!seen)
                g_array_append_val (load->routes, route);
            }
        }
      end = load->routes->len;
      g_array_append_val (load->route_ends, end);

      if (c->progress > 0)
        c->stage = g_array_index (load->progress, KefuBulkProgress, c->progress - 1).stage;
      else
        {
          c->stage = kefu_complaint_get_stage (complaint);
          if (c->stage == KEFU_COMPLAINT_STAGE_NEW)
            c->stage = kefu_complaint_intake_stage (well_founded, end - start);
        }
    }
  return TRUE;
}

/* What the shared rules decide for each order, read in the transaction as a save reads them:
 * the hand-over date of an order that has none (the cut-off) and the out-of-area flag (the
 * service areas). */
static gboolean
decide_orders (KefuStore     *self,
               KefuBulkLoad  *load,
               GCancellable  *cancellable,
               GError       **error)
{
  if (load->orders->len == 0)
    return TRUE;
  if (!_kefu_bulk_read_rules (self, &load->rules, cancellable, error))
    return FALSE;

  for (guint k = 0; k < load->orders->len; k++)
    {
      KefuBulkCall *c = &load->calls[g_array_index (load->orders, guint, k)];

      c->out_of_area = !kefu_service_areas_contain ((const char * const *) load->rules.areas,
                                                    c->district);
      if (c->handover_decided)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (kefu_call_get_received_at (c->call),
                                                                load->tz);
          GDate date;

          kefu_handover_date_for_order (local, load->rules.cutoff, &date);
          _kefu_bulk_date_to_text (&date, c->handover_date);
        }
    }
  return TRUE;
}

/* Marks the leads stored before that orders of the load convert; each must still be open. */
static gboolean
convert_stored_leads (KefuStore     *self,
                      KefuBulkLoad  *load,
                      guint         *n_converted,
                      GCancellable  *cancellable,
                      GError       **error)
{
  *n_converted = 0;
  for (guint k = 0; k < load->orders->len; k++)
    {
      guint index = g_array_index (load->orders, guint, k);
      KefuBulkCall *c = &load->calls[index];
      gint64 lead_id = kefu_order_get_lead_id (kefu_call_get_order (c->call));
      g_autoptr(KefuRows) rows = NULL;

      if (c->converts >= 0 || lead_id == 0)
        continue;
      rows = _kefu_store_query (self,
                                "UPDATE leads SET state = '" KEFU_LEAD_CONVERTED "', "
                                "order_call_id = $1, closed_at = $2, closed_by = $3, "
                                "version = version + 1, updated_at = now() "
                                "WHERE id = $4 AND state = '" KEFU_LEAD_OPEN "' RETURNING id",
                                g_variant_new ("(xsxx)", load->first_call + index, c->received,
                                               kefu_call_get_clerk_id (c->call), lead_id),
                                cancellable, error);
      if (rows == NULL)
        return FALSE;
      if (kefu_rows_get_n_rows (rows) == 0)
        {
          _kefu_bulk_set_call_invalid (error, index, load->n_calls,
                                       _("The lead that the order converts is not open."));
          return FALSE;
        }
      (*n_converted)++;
    }
  return TRUE;
}

static gboolean
bulk_txn (KefuStore     *self,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  KefuBulkLoad *load = data;
  const char *lock = _kefu_schema_calls_bulk_lock (load->backend);
  g_autofree char *details = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_converted = 0;
  struct
  {
    const char *sql;
    gint64     *first;
  } firsts[] = {
    { "SELECT COALESCE(MAX(id), 0) FROM calls", &load->first_call },
    { "SELECT COALESCE(MAX(id), 0) FROM orders", &load->first_order },
    { "SELECT COALESCE(MAX(id), 0) FROM order_lines", &load->first_line },
    { "SELECT COALESCE(MAX(id), 0) FROM complaints", &load->first_complaint },
    { "SELECT COALESCE(MAX(id), 0) FROM complaint_routes", &load->first_route },
    { "SELECT COALESCE(MAX(id), 0) FROM inquiries", &load->first_inquiry },
    { "SELECT COALESCE(MAX(id), 0) FROM leads", &load->first_lead },
    { "SELECT COALESCE(MAX(id), 0) FROM complaint_visits", &load->first_visit },
    { "SELECT COALESCE(MAX(id), 0) FROM batch_alerts", &load->first_alert },
  };

  if (lock != NULL && _kefu_store_execute (self, lock, NULL, cancellable, error) < 0)
    return FALSE;
  /* The tables of schema step 3 too, which kefu-schema.c's lock does not name. */
  if (lock != NULL &&
      _kefu_store_execute (self, "LOCK TABLE complaint_visits, batch_alerts "
                           "IN SHARE ROW EXCLUSIVE MODE", NULL, cancellable, error) < 0)
    return FALSE;

  /* The ids are chosen here so that the detail rows can name their call, and the lock keeps
   * other writers from taking the same ids (or reference numbers) meanwhile. */
  for (guint i = 0; i < G_N_ELEMENTS (firsts); i++)
    if (!_kefu_bulk_next_id (self, firsts[i].sql, firsts[i].first, cancellable, error))
      return FALSE;

  if (!assign_references (self, load, cancellable, error) ||
      !route_complaints (self, load, cancellable, error) ||
      !decide_orders (self, load, cancellable, error))
    return FALSE;

  if (!_kefu_bulk_insert_tables (self, load, cancellable, error))
    {
      _kefu_store_rename_duplicate (error, _("Some of these calls already have their reference "
                                             "numbers. Nothing was loaded."));
      return FALSE;
    }
  if (!convert_stored_leads (self, load, &n_converted, cancellable, error))
    return FALSE;
  g_debug ("Bulk load of %u calls: %.1f s inserting", load->n_calls,
           (g_get_monotonic_time () - start) / 1e6);

  if (!_kefu_bulk_after_explicit_ids (self, load, cancellable, error))
    return FALSE;

  for (guint i = 0; i < load->leads->len; i++)
    if (g_array_index (load->leads, KefuBulkLead, i).state == KEFU_LEAD_STATE_CONVERTED)
      n_converted++;
  details = g_strdup_printf ("{\"count\":%u,\"first_id\":%" G_GINT64_FORMAT
                             ",\"last_id\":%" G_GINT64_FORMAT ",\"orders\":%u,\"complaints\":%u,"
                             "\"inquiries\":%u,\"leads\":%u,\"leads_converted\":%u,"
                             "\"visits\":%u,\"batch_alerts\":%u}",
                             load->n_calls, load->first_call,
                             load->first_call + load->n_calls - 1, load->orders->len,
                             load->complaints->len, load->inquiries->len, load->leads->len,
                             n_converted, load->n_visits, load->alerts->len);
  return _kefu_store_add_event (self, "calls", 0, "bulk-insert", details, cancellable, error);
}

/* After the commit: what the load decided, onto the records. */
static void
apply_to_records (KefuBulkLoad *load)
{
  g_autoptr(GDateTime) stored = kefu_time_from_db (load->now);
  guint line_index = 0;

  for (guint i = 0; i < load->n_calls; i++)
    {
      KefuBulkCall *c = &load->calls[i];
      KefuRecord *record = KEFU_RECORD (c->call);
      gint64 call_id = load->first_call + i;

      kefu_record_set_id (record, call_id);
      kefu_record_set_version (record, 1);
      kefu_record_set_created_at (record, stored);
      kefu_record_set_updated_at (record, stored);
      kefu_call_set_reference (c->call, c->reference);
      kefu_call_set_summary (c->call, c->summary);
      kefu_call_set_phone (c->call, c->phone);

      switch (c->kind)
        {
        case KEFU_CALL_KIND_ORDER:
          {
            KefuOrder *order = kefu_call_get_order (c->call);
            GListModel *lines = G_LIST_MODEL (kefu_order_get_lines (order));
            GDate date;

            kefu_record_set_id (KEFU_RECORD (order), load->first_order + c->detail);
            kefu_record_set_version (KEFU_RECORD (order), 1);
            kefu_record_set_created_at (KEFU_RECORD (order), stored);
            kefu_record_set_updated_at (KEFU_RECORD (order), stored);
            kefu_order_set_call_id (order, call_id);
            kefu_order_set_delivery_address (order, c->delivery_address);
            kefu_order_set_district (order, c->district);
            if (c->handover_decided && _kefu_store_date_from_text (c->handover_date, &date))
              kefu_order_set_handover_date (order, &date);
            kefu_order_set_out_of_area (order, c->out_of_area);
            kefu_order_set_lead_id (order, _kefu_bulk_order_lead_id (load, c));
            for (guint j = 0; j < g_list_model_get_n_items (lines); j++)
              {
                g_autoptr(KefuOrderLine) line = g_list_model_get_item (lines, j);

                kefu_order_line_set_id (line, load->first_line + line_index++);
              }
            break;
          }
        case KEFU_CALL_KIND_COMPLAINT:
          {
            KefuComplaint *complaint = kefu_call_get_complaint (c->call);
            guint end = g_array_index (load->route_ends, guint, c->detail);
            guint start = c->detail > 0 ? g_array_index (load->route_ends, guint, c->detail - 1)
                                        : 0;

            kefu_record_set_id (KEFU_RECORD (complaint), load->first_complaint + c->detail);
            kefu_record_set_version (KEFU_RECORD (complaint), 1);
            kefu_record_set_created_at (KEFU_RECORD (complaint), stored);
            kefu_record_set_updated_at (KEFU_RECORD (complaint), stored);
            kefu_complaint_set_call_id (complaint, call_id);
            kefu_complaint_set_reference (complaint, c->reference);
            kefu_complaint_set_owner_id (complaint, kefu_call_get_clerk_id (c->call));
            kefu_complaint_set_urgent (complaint, kefu_complaint_get_harmed (complaint) ||
                                                  kefu_complaint_get_urgent (complaint));
            kefu_complaint_set_stage (complaint, c->stage);
            if (c->batch_number != kefu_complaint_get_batch_number (complaint))
              kefu_complaint_set_batch_number (complaint, c->batch_number);
            kefu_complaint_clear_routes (complaint);
            for (guint r = start; r < end; r++)
              {
                KefuBulkRoute *route = &g_array_index (load->routes, KefuBulkRoute, r);
                const char *name = g_hash_table_lookup (load->department_names,
                                                        &route->department_id);

                kefu_complaint_add_route (complaint,
                                          kefu_complaint_route_new (route->department_id, name,
                                                                    route->role));
              }
            break;
          }
        case KEFU_CALL_KIND_INQUIRY:
          {
            KefuInquiry *inquiry = kefu_call_get_inquiry (c->call);

            kefu_record_set_id (KEFU_RECORD (inquiry), load->first_inquiry + c->detail);
            kefu_record_set_version (KEFU_RECORD (inquiry), 1);
            kefu_record_set_created_at (KEFU_RECORD (inquiry), stored);
            kefu_record_set_updated_at (KEFU_RECORD (inquiry), stored);
            kefu_inquiry_set_call_id (inquiry, call_id);
            kefu_inquiry_set_lead_id (inquiry, c->lead >= 0 ? load->first_lead + c->lead : 0);
            break;
          }
        default:
          g_assert_not_reached ();
        }
    }
}

/**
 * kefu_store_insert_calls_prepared:
 * @bulk: a load from kefu_calls_bulk_prepare(), not inserted yet
 *
 * See kefu-store-calls-bulk.h.
 *
 * Returns: %TRUE on success; on an error nothing was stored and the records are unchanged
 */
gboolean
kefu_store_insert_calls_prepared (KefuStore      *self,
                                  KefuCallsBulk  *bulk,
                                  GCancellable   *cancellable,
                                  GError        **error)
{
  gint64 start;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (bulk != NULL, FALSE);
  g_return_val_if_fail (!bulk->inserted, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (bulk->n_calls == 0)
    return TRUE;

  bulk->backend = kefu_store_get_backend (self);
  start = g_get_monotonic_time ();
  if (!_kefu_store_write (self, bulk_txn, bulk, cancellable, error))
    return FALSE;
  g_debug ("Bulk load transaction: %.1f s", (g_get_monotonic_time () - start) / 1e6);
  bulk->inserted = TRUE;

  start = g_get_monotonic_time ();
  apply_to_records (bulk);
  /* A call whose text was normalised was stored from a copy: the caller's gets the changes. */
  for (guint i = 0; i < bulk->n_calls; i++)
    if (bulk->calls[i].original != NULL)
      _kefu_store_call_apply_changes (bulk->calls[i].original, bulk->calls[i].before,
                                      bulk->calls[i].call);
  g_debug ("Records updated in %.1f s", (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

/**
 * kefu_store_insert_calls_bulk:
 * @calls: (element-type KefuCall): new calls with their detail records, oldest first
 * @leads: (array length=n_leads) (nullable): what became of the leads of inquiries in @calls
 *
 * See kefu-store-calls-bulk.h.
 *
 * Returns: %TRUE on success; on an error nothing was stored and the records are unchanged
 */
gboolean
kefu_store_insert_calls_bulk (KefuStore               *self,
                              GPtrArray               *calls,
                              const KefuCallBulkLead  *leads,
                              guint                    n_leads,
                              GCancellable            *cancellable,
                              GError                 **error)
{
  g_autoptr(KefuCallsBulk) bulk = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (calls != NULL, FALSE);
  g_return_val_if_fail (leads != NULL || n_leads == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bulk = kefu_calls_bulk_prepare (calls, leads, n_leads, error);
  return bulk != NULL && kefu_store_insert_calls_prepared (self, bulk, cancellable, error);
}

/* Last contacts */

/**
 * kefu_store_update_last_contacts:
 * @first_call_id: the first call of the load; 0 for every customer with calls
 *
 * See kefu-store-calls-bulk.h.
 *
 * Returns: the number of customers updated, or -1 with @error set
 */
gint64
kefu_store_update_last_contacts (KefuStore     *self,
                                 gint64         first_call_id,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  /* As kefu_store_save_call(): these columns follow the calls, so they are not the customer's
   * own edits and do not change its version. Each subquery reads the customer's calls through
   * calls_customer_id (customer_id, received_at); the clerk is tested inside the aggregate, as a
   * condition on calls.clerk_id would let SQLite walk every call of that clerk instead. The
   * first contact is the assigned clerk's first call since the assignment. */
  return _kefu_store_execute (self,
                              "UPDATE customers SET "
                              "last_call_id = (SELECT calls.id FROM calls "
                              "WHERE calls.customer_id = customers.id "
                              "ORDER BY calls.received_at DESC, calls.id DESC LIMIT 1), "
                              "last_contact_at = (SELECT MAX(calls.received_at) FROM calls "
                              "WHERE calls.customer_id = customers.id), "
                              "first_contact_at = COALESCE(first_contact_at, "
                              "(SELECT MIN(CASE WHEN calls.clerk_id = customers.assigned_clerk_id "
                              "AND (customers.assigned_at IS NULL OR "
                              "calls.received_at >= customers.assigned_at) "
                              "THEN calls.received_at END) FROM calls "
                              "WHERE calls.customer_id = customers.id)) "
                              "WHERE id IN (SELECT customer_id FROM calls WHERE id >= $1)",
                              g_variant_new ("(x)", first_call_id), cancellable, error);
}
