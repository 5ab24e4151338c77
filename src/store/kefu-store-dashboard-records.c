/* kefu-store-dashboard-records.c: the lines of the records behind a dashboard figure
 * (kefu_store_dashboard_read_records ()), a page of ids at a time, in the order of the ids.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "core/kefu-enums.h"
#include "kefu-store-callback-report-private.h"
#include "kefu-store-dashboard-private.h"

/* Each kind's columns: id, reference, at, customer, staff, state (a nick, put in words here).
 * The statement ends with "WHERE <table>.id IN (" and the ids' parameters follow. */
static const char *const select_sql[] = {
  [KEFU_DASHBOARD_RECORD_CALL] =
    "SELECT calls.id, calls.reference, calls.received_at, calls.caller_name, staff.name, "
    "calls.kind FROM calls LEFT JOIN staff ON staff.id = calls.clerk_id WHERE calls.id IN (",
  [KEFU_DASHBOARD_RECORD_COMPLAINT] =
    "SELECT complaints.id, complaints.reference, complaints.received_at, "
    "complaints.caller_name, staff.name, complaints.stage FROM complaints LEFT JOIN staff ON "
    "staff.id = complaints.owner_id WHERE complaints.id IN (",
  [KEFU_DASHBOARD_RECORD_CALLBACK] =
    "SELECT callbacks.id, callbacks.customer_name, callbacks.deadline_at, "
    "callbacks.customer_name, staff.name, callbacks.state FROM callbacks LEFT JOIN staff ON "
    "staff.id = " KEFU_CALLBACK_CLERK_ID " WHERE callbacks.id IN (",
  [KEFU_DASHBOARD_RECORD_CUSTOMER] =
    "SELECT customers.id, customers.phone, customers.last_contact_at, customers.name, "
    "staff.name, customers.member_number FROM customers LEFT JOIN staff ON "
    "staff.id = customers.assigned_clerk_id WHERE customers.id IN (",
  [KEFU_DASHBOARD_RECORD_SHIPMENT] =
    "SELECT shipments.id, shipments.reference, COALESCE(shipments.received_at, "
    "shipments.attention_at, shipments.requested_at), shipments.customer_name, staff.name, "
    "shipments.step FROM shipments LEFT JOIN staff ON staff.id = shipments.requested_by "
    "WHERE shipments.id IN (",
  [KEFU_DASHBOARD_RECORD_JOB] =
    "SELECT service_jobs.id, service_jobs.reference, COALESCE(service_jobs.completed_at, "
    "service_jobs.attention_at, service_jobs.reported_at), service_jobs.customer_name, "
    "staff.name, service_jobs.step FROM service_jobs LEFT JOIN staff ON staff.id = "
    "COALESCE(service_jobs.technician_id, service_jobs.reported_by) "
    "WHERE service_jobs.id IN (",
};

static char *
state_words (KefuDashboardRecordKind  kind,
             const char              *nick)
{
  switch (kind)
    {
    case KEFU_DASHBOARD_RECORD_CALL:
      return g_strdup (kefu_call_kind_get_display_name (
        _kefu_store_enum_from_nick (KEFU_TYPE_CALL_KIND, nick, KEFU_CALL_KIND_ORDER)));
    case KEFU_DASHBOARD_RECORD_COMPLAINT:
      return g_strdup (kefu_complaint_stage_get_display_name (
        _kefu_store_enum_from_nick (KEFU_TYPE_COMPLAINT_STAGE, nick, KEFU_COMPLAINT_STAGE_NEW)));
    case KEFU_DASHBOARD_RECORD_CALLBACK:
      return g_strdup (kefu_callback_state_get_display_name (
        _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_STATE, nick, KEFU_CALLBACK_STATE_DUE)));
    case KEFU_DASHBOARD_RECORD_SHIPMENT:
      return g_strdup (kefu_shipment_step_get_display_name (
        _kefu_store_enum_from_nick (KEFU_TYPE_SHIPMENT_STEP, nick,
                                    KEFU_SHIPMENT_STEP_REQUESTED)));
    case KEFU_DASHBOARD_RECORD_JOB:
      return g_strdup (kefu_job_step_get_display_name (
        _kefu_store_enum_from_nick (KEFU_TYPE_JOB_STEP, nick, KEFU_JOB_STEP_REPORTED)));
    case KEFU_DASHBOARD_RECORD_CUSTOMER:
    default:
      /* A customer's line shows its member number (empty when it has none). */
      return g_strdup (nick != NULL ? nick : "");
    }
}

void
kefu_dashboard_record_free (KefuDashboardRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->reference);
  g_clear_pointer (&record->at, g_date_time_unref);
  g_free (record->customer);
  g_free (record->staff);
  g_free (record->state);
  g_free (record);
}

/**
 * kefu_store_dashboard_read_records:
 * @ids: (array length=n_ids): records of @kind (a page of a figure's ids)
 *
 * Returns: (transfer full) (element-type KefuDashboardRecord): the lines of the records that
 *   still exist, in the order of @ids; NULL with @error set
 */
GPtrArray *
kefu_store_dashboard_read_records (KefuStore                *self,
                                   KefuDashboardRecordKind   kind,
                                   const gint64             *ids,
                                   guint                     n_ids,
                                   GCancellable             *cancellable,
                                   GError                  **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GVariantBuilder builder;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (kind <= KEFU_DASHBOARD_RECORD_JOB, NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_dashboard_record_free);
  if (n_ids == 0)
    return g_steal_pointer (&records);

  sql = g_string_new (select_sql[kind]);
  g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
  for (guint i = 0; i < n_ids; i++)
    {
      g_string_append_printf (sql, i == 0 ? "CAST($%u AS BIGINT)" : ", CAST($%u AS BIGINT)",
                              i + 1);
      g_variant_builder_add (&builder, "x", ids[i]);
    }
  g_string_append_c (sql, ')');
  rows = _kefu_store_query (self, sql->str, g_variant_builder_end (&builder), cancellable,
                            error);
  if (rows == NULL)
    return NULL;

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                 (GDestroyNotify) kefu_dashboard_record_free);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      KefuDashboardRecord *r = g_new0 (KefuDashboardRecord, 1);

      r->kind = kind;
      r->id = kefu_rows_get_int (rows, i, 0);
      r->reference = g_strdup (kefu_rows_get_text (rows, i, 1));
      r->at = kefu_rows_get_time (rows, i, 2);
      r->customer = g_strdup (kefu_rows_get_text (rows, i, 3));
      r->staff = g_strdup (kefu_rows_get_text (rows, i, 4));
      r->state = state_words (kind, kefu_rows_get_text (rows, i, 5));
      g_hash_table_replace (by_id, &r->id, r);
    }
  for (guint i = 0; i < n_ids; i++)
    {
      gpointer key, value;

      if (g_hash_table_steal_extended (by_id, &ids[i], &key, &value))
        g_ptr_array_add (records, value);
    }
  return g_steal_pointer (&records);
}
