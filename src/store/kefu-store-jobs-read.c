/* kefu-store-jobs-read.c: reading service jobs: the list rows for ids (in their order), one job
 * with its progress reports for the detail page, a customer's jobs, the timeline, and the
 * sidebar's counts. The names of the staff, the carriers and the shipment are joined in
 * (KEFU_JOB_FROM); everything else is a column of service_jobs (schema step 4).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-store-calls-private.h"
#include "kefu-store-jobs-private.h"

/* The positions of _kefu_job_columns, so that the row reader and the list stay in step. */
enum
{
  COL_ID, COL_VERSION, COL_REFERENCE, COL_KIND, COL_STEP, COL_CUSTOMER_ID, COL_CUSTOMER_NAME,
  COL_CUSTOMER_PHONE, COL_ADDRESS, COL_CALL_ID, COL_SHIPMENT_ID, COL_SHIPMENT_REFERENCE,
  COL_SHIPMENT_LINE_ID, COL_PRODUCT_ID, COL_PRODUCT_NAME, COL_SERIAL, COL_WARRANTY_MONTHS,
  COL_SOURCE, COL_ACCOUNT_MANAGER_ID, COL_ACCOUNT_MANAGER_NAME, COL_REPORTED_AT,
  COL_REPORTED_BY, COL_REPORTED_BY_NAME, COL_SYMPTOMS, COL_PHONE_ANSWER, COL_DIAGNOSED_AT,
  COL_DIAGNOSED_BY, COL_DIAGNOSED_BY_NAME, COL_DIAGNOSIS, COL_WARRANTY, COL_WARRANTY_START,
  COL_WARRANTY_REASON, COL_FEE_FEN, COL_FEE_AGREED, COL_FEE_RECORDED_AT, COL_FEE_NOTE,
  COL_SUPPORT_REQUESTED_AT, COL_SUPPORT_REQUESTED_BY, COL_SUPPORT_REQUESTED_BY_NAME,
  COL_SUPPORT_PURPOSE, COL_APPROVED_AT, COL_APPROVED_BY, COL_APPROVED_BY_NAME,
  COL_REJECTION_REASON, COL_TECHNICIAN_ID, COL_TECHNICIAN_NAME, COL_AGREED_DATE,
  COL_TRAVEL_DAYS, COL_DISPATCHED_AT, COL_DEPARTED_AT, COL_RETURNED_AT, COL_N_PROGRESS,
  COL_OUT_CARRIER_ID, COL_OUT_CARRIER_NAME, COL_OUT_WAYBILL, COL_SENT_TO_FACTORY_AT,
  COL_RECEIVED_AT_FACTORY_AT, COL_REPAIRED_AT, COL_REPLACED, COL_REPAIR_NOTE,
  COL_BACK_CARRIER_ID, COL_BACK_CARRIER_NAME, COL_BACK_WAYBILL, COL_SENT_BACK_AT,
  COL_CUSTOMER_RECEIVED_AT, COL_WORK_DONE, COL_PARTS_USED, COL_FIXED, COL_RESULT_NOTE,
  COL_CUSTOMER_COMMENT, COL_COMPLETED_AT, COL_COMPLETED_BY, COL_COMPLETED_BY_NAME,
  COL_CALLBACK_ID, COL_CALLBACK_DUE_AT, COL_CANCELLED_AT, COL_CANCEL_REASON, COL_UPDATED_AT,
};

const char _kefu_job_columns[] =
  "service_jobs.id, service_jobs.version, service_jobs.reference, service_jobs.kind, "
  "service_jobs.step, service_jobs.customer_id, service_jobs.customer_name, "
  "service_jobs.customer_phone, service_jobs.address, service_jobs.call_id, "
  "service_jobs.shipment_id, shipments.reference, service_jobs.shipment_line_id, "
  "service_jobs.product_id, service_jobs.product_name, service_jobs.serial, "
  "service_jobs.warranty_months, service_jobs.source, service_jobs.account_manager_id, "
  "account_manager.name, service_jobs.reported_at, service_jobs.reported_by, reporter.name, "
  "service_jobs.symptoms, service_jobs.phone_answer, service_jobs.diagnosed_at, "
  "service_jobs.diagnosed_by, diagnoser.name, service_jobs.diagnosis, service_jobs.warranty, "
  "CAST(service_jobs.warranty_start AS TEXT), service_jobs.warranty_reason, "
  "service_jobs.fee_fen, service_jobs.fee_agreed, service_jobs.fee_recorded_at, "
  "service_jobs.fee_note, service_jobs.support_requested_at, "
  "service_jobs.support_requested_by, requester.name, service_jobs.support_purpose, "
  "service_jobs.approved_at, service_jobs.approved_by, approver.name, "
  "service_jobs.rejection_reason, service_jobs.technician_id, technician.name, "
  "CAST(service_jobs.agreed_date AS TEXT), service_jobs.travel_days, "
  "service_jobs.dispatched_at, service_jobs.departed_at, service_jobs.returned_at, "
  "service_jobs.n_progress, "
  "service_jobs.out_carrier_id, out_carrier.name, service_jobs.out_waybill, "
  "service_jobs.sent_to_factory_at, service_jobs.received_at_factory_at, "
  "service_jobs.repaired_at, service_jobs.replaced, service_jobs.repair_note, "
  "service_jobs.back_carrier_id, back_carrier.name, service_jobs.back_waybill, "
  "service_jobs.sent_back_at, service_jobs.customer_received_at, service_jobs.work_done, "
  "service_jobs.parts_used, service_jobs.fixed, service_jobs.result_note, "
  "service_jobs.customer_comment, service_jobs.completed_at, service_jobs.completed_by, "
  "completer.name, service_jobs.callback_id, "
  "service_jobs.callback_due_at, "
  "service_jobs.cancelled_at, service_jobs.cancel_reason, service_jobs.updated_at";

static char *
text_at (KefuRows *rows,
         guint     row,
         guint     column)
{
  return g_strdup (kefu_rows_get_text (rows, row, column));
}

static void
date_at (KefuRows *rows,
         guint     row,
         guint     column,
         GDate    *date)
{
  const char *text = kefu_rows_get_text (rows, row, column);

  /* PostgreSQL's date as text is the same "YYYY-MM-DD" as SQLite's. */
  if (!_kefu_store_date_from_text (text, date))
    g_date_clear (date, 1);
}

#define ENUM_AT(type, column, fallback) \
  _kefu_store_enum_from_nick (type, kefu_rows_get_text (rows, row, (column)), fallback)

KefuServiceJob *
_kefu_store_job_from_row (KefuRows *rows,
                          guint     row)
{
  KefuServiceJob *job = kefu_service_job_new ();

  job->id = kefu_rows_get_int (rows, row, COL_ID);
  job->version = kefu_rows_get_int (rows, row, COL_VERSION);
  job->reference = text_at (rows, row, COL_REFERENCE);
  job->kind = ENUM_AT (KEFU_TYPE_JOB_KIND, COL_KIND, KEFU_JOB_KIND_REPAIR);
  job->step = ENUM_AT (KEFU_TYPE_JOB_STEP, COL_STEP, KEFU_JOB_STEP_REPORTED);
  job->customer_id = kefu_rows_get_int (rows, row, COL_CUSTOMER_ID);
  job->customer_name = text_at (rows, row, COL_CUSTOMER_NAME);
  job->customer_phone = text_at (rows, row, COL_CUSTOMER_PHONE);
  job->address = text_at (rows, row, COL_ADDRESS);
  job->call_id = kefu_rows_get_int (rows, row, COL_CALL_ID);
  job->shipment_id = kefu_rows_get_int (rows, row, COL_SHIPMENT_ID);
  job->shipment_reference = text_at (rows, row, COL_SHIPMENT_REFERENCE);
  job->shipment_line_id = kefu_rows_get_int (rows, row, COL_SHIPMENT_LINE_ID);
  job->product_id = kefu_rows_get_int (rows, row, COL_PRODUCT_ID);
  job->product_name = text_at (rows, row, COL_PRODUCT_NAME);
  job->serial = text_at (rows, row, COL_SERIAL);
  job->warranty_months = (guint) kefu_rows_get_int (rows, row, COL_WARRANTY_MONTHS);

  job->source = ENUM_AT (KEFU_TYPE_JOB_SOURCE, COL_SOURCE, KEFU_JOB_SOURCE_CUSTOMER_CALL);
  job->account_manager_id = kefu_rows_get_int (rows, row, COL_ACCOUNT_MANAGER_ID);
  job->account_manager_name = text_at (rows, row, COL_ACCOUNT_MANAGER_NAME);
  job->reported_at = kefu_rows_get_time (rows, row, COL_REPORTED_AT);
  job->reported_by = kefu_rows_get_int (rows, row, COL_REPORTED_BY);
  job->reported_by_name = text_at (rows, row, COL_REPORTED_BY_NAME);
  job->symptoms = text_at (rows, row, COL_SYMPTOMS);
  job->phone_answer = text_at (rows, row, COL_PHONE_ANSWER);

  job->diagnosed_at = kefu_rows_get_time (rows, row, COL_DIAGNOSED_AT);
  job->diagnosed_by = kefu_rows_get_int (rows, row, COL_DIAGNOSED_BY);
  job->diagnosed_by_name = text_at (rows, row, COL_DIAGNOSED_BY_NAME);
  job->diagnosis = text_at (rows, row, COL_DIAGNOSIS);

  job->warranty = ENUM_AT (KEFU_TYPE_WARRANTY_STATE, COL_WARRANTY, KEFU_WARRANTY_UNKNOWN);
  date_at (rows, row, COL_WARRANTY_START, &job->warranty_start);
  job->warranty_reason = text_at (rows, row, COL_WARRANTY_REASON);
  job->fee_fen = kefu_rows_get_int (rows, row, COL_FEE_FEN);
  job->fee_agreed = kefu_rows_get_bool (rows, row, COL_FEE_AGREED);
  job->fee_recorded_at = kefu_rows_get_time (rows, row, COL_FEE_RECORDED_AT);
  job->fee_note = text_at (rows, row, COL_FEE_NOTE);

  job->support_requested_at = kefu_rows_get_time (rows, row, COL_SUPPORT_REQUESTED_AT);
  job->support_requested_by = kefu_rows_get_int (rows, row, COL_SUPPORT_REQUESTED_BY);
  job->support_requested_by_name = text_at (rows, row, COL_SUPPORT_REQUESTED_BY_NAME);
  job->support_purpose = text_at (rows, row, COL_SUPPORT_PURPOSE);
  job->approved_at = kefu_rows_get_time (rows, row, COL_APPROVED_AT);
  job->approved_by = kefu_rows_get_int (rows, row, COL_APPROVED_BY);
  job->approved_by_name = text_at (rows, row, COL_APPROVED_BY_NAME);
  job->rejection_reason = text_at (rows, row, COL_REJECTION_REASON);

  job->technician_id = kefu_rows_get_int (rows, row, COL_TECHNICIAN_ID);
  job->technician_name = text_at (rows, row, COL_TECHNICIAN_NAME);
  date_at (rows, row, COL_AGREED_DATE, &job->agreed_date);
  job->travel_days = (guint) kefu_rows_get_int (rows, row, COL_TRAVEL_DAYS);
  job->dispatched_at = kefu_rows_get_time (rows, row, COL_DISPATCHED_AT);
  job->departed_at = kefu_rows_get_time (rows, row, COL_DEPARTED_AT);
  job->returned_at = kefu_rows_get_time (rows, row, COL_RETURNED_AT);
  job->n_progress = (guint) kefu_rows_get_int (rows, row, COL_N_PROGRESS);

  job->out_carrier_id = kefu_rows_get_int (rows, row, COL_OUT_CARRIER_ID);
  job->out_carrier_name = text_at (rows, row, COL_OUT_CARRIER_NAME);
  job->out_waybill = text_at (rows, row, COL_OUT_WAYBILL);
  job->sent_to_factory_at = kefu_rows_get_time (rows, row, COL_SENT_TO_FACTORY_AT);
  job->received_at_factory_at = kefu_rows_get_time (rows, row, COL_RECEIVED_AT_FACTORY_AT);
  job->repaired_at = kefu_rows_get_time (rows, row, COL_REPAIRED_AT);
  job->replaced = kefu_rows_get_bool (rows, row, COL_REPLACED);
  job->repair_note = text_at (rows, row, COL_REPAIR_NOTE);
  job->back_carrier_id = kefu_rows_get_int (rows, row, COL_BACK_CARRIER_ID);
  job->back_carrier_name = text_at (rows, row, COL_BACK_CARRIER_NAME);
  job->back_waybill = text_at (rows, row, COL_BACK_WAYBILL);
  job->sent_back_at = kefu_rows_get_time (rows, row, COL_SENT_BACK_AT);
  job->customer_received_at = kefu_rows_get_time (rows, row, COL_CUSTOMER_RECEIVED_AT);

  job->work_done = text_at (rows, row, COL_WORK_DONE);
  job->parts_used = text_at (rows, row, COL_PARTS_USED);
  job->fixed = kefu_rows_get_bool (rows, row, COL_FIXED);
  job->result_note = text_at (rows, row, COL_RESULT_NOTE);
  job->customer_comment = text_at (rows, row, COL_CUSTOMER_COMMENT);
  job->completed_at = kefu_rows_get_time (rows, row, COL_COMPLETED_AT);
  job->completed_by = kefu_rows_get_int (rows, row, COL_COMPLETED_BY);
  job->completed_by_name = text_at (rows, row, COL_COMPLETED_BY_NAME);
  job->callback_id = kefu_rows_get_int (rows, row, COL_CALLBACK_ID);
  job->callback_due_at = kefu_rows_get_time (rows, row, COL_CALLBACK_DUE_AT);
  job->cancelled_at = kefu_rows_get_time (rows, row, COL_CANCELLED_AT);
  job->cancel_reason = text_at (rows, row, COL_CANCEL_REASON);
  job->updated_at = kefu_rows_get_time (rows, row, COL_UPDATED_AT);
  return job;
}

#undef ENUM_AT

GPtrArray *
_kefu_store_read_jobs (KefuStore     *self,
                       const char    *sql,
                       GVariant      *params,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  GPtrArray *jobs;

  rows = _kefu_store_query (self, sql, params, cancellable, error);
  if (rows == NULL)
    return NULL;
  jobs = g_ptr_array_new_full (kefu_rows_get_n_rows (rows), g_object_unref);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    g_ptr_array_add (jobs, _kefu_store_job_from_row (rows, i));
  return jobs;
}

void
_kefu_store_local_day (GDateTime *time,
                       GDate     *day)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  g_date_clear (day, 1);
  g_date_set_dmy (day, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
}

/* The ids travel as one text parameter ("3,1,2"), read back as a table on both dialects, so that
 * a page of rows is one cached statement whatever its length. */
#define JOBS_BY_IDS_SQLITE \
  "SELECT %s FROM " KEFU_JOB_FROM " WHERE service_jobs.id IN " \
  "(SELECT value FROM json_each('[' || $1 || ']'))"
#define JOBS_BY_IDS_POSTGRES \
  "SELECT %s FROM " KEFU_JOB_FROM " WHERE service_jobs.id = " \
  "ANY (CAST(string_to_array($1, ',') AS BIGINT[]))"

/**
 * kefu_store_get_jobs:
 * @ids: (array length=n_ids): the jobs to read
 *
 * Returns: (transfer full) (element-type KefuServiceJob): the list rows of the jobs of @ids that
 *   exist, in the order of @ids
 */
GPtrArray *
kefu_store_get_jobs (KefuStore     *self,
                     const gint64  *ids,
                     guint          n_ids,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *sql = NULL;
  GPtrArray *jobs;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  jobs = g_ptr_array_new_full (n_ids, g_object_unref);
  if (n_ids == 0)
    return jobs;
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, i > 0 ? ",%" G_GINT64_FORMAT : "%" G_GINT64_FORMAT, ids[i]);
  sql = g_strdup_printf (kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES ?
                         JOBS_BY_IDS_POSTGRES : JOBS_BY_IDS_SQLITE, _kefu_job_columns);
  found = _kefu_store_read_jobs (self, sql, g_variant_new ("(s)", list->str), cancellable, error);
  if (found == NULL)
    {
      g_ptr_array_unref (jobs);
      return NULL;
    }
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < found->len; i++)
    {
      KefuServiceJob *job = g_ptr_array_index (found, i);

      g_hash_table_insert (by_id, &job->id, job);
    }
  for (guint i = 0; i < n_ids; i++)
    {
      KefuServiceJob *job = g_hash_table_lookup (by_id, &ids[i]);

      if (job != NULL)
        g_ptr_array_add (jobs, g_object_ref (job));
    }
  return jobs;
}

static GPtrArray *
read_progress (KefuStore     *self,
               gint64         job_id,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  GPtrArray *progress;

  rows = _kefu_store_query (self,
                            "SELECT job_progress.id, job_progress.reported_at, "
                            "job_progress.reported_by, staff.name, job_progress.text "
                            "FROM job_progress "
                            "LEFT JOIN staff ON staff.id = job_progress.reported_by "
                            "WHERE job_progress.job_id = $1 "
                            "ORDER BY job_progress.reported_at, job_progress.id",
                            g_variant_new ("(x)", job_id), cancellable, error);
  if (rows == NULL)
    return NULL;
  progress = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_job_progress_free);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      KefuJobProgress *p = g_new0 (KefuJobProgress, 1);

      p->id = kefu_rows_get_int (rows, i, 0);
      p->reported_at = kefu_rows_get_time (rows, i, 1);
      p->reported_by = kefu_rows_get_int (rows, i, 2);
      p->reported_by_name = text_at (rows, i, 3);
      p->text = text_at (rows, i, 4);
      g_ptr_array_add (progress, p);
    }
  return progress;
}

/**
 * kefu_store_get_job:
 *
 * Returns: (transfer full): the job with its progress reports, or %NULL with @error set
 *   (%KEFU_STORE_ERROR_NOT_FOUND when there is none)
 */
KefuServiceJob *
kefu_store_get_job (KefuStore     *self,
                    gint64         job_id,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  KefuServiceJob *job;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM " KEFU_JOB_FROM " WHERE service_jobs.id = $1",
                         _kefu_job_columns);
  jobs = _kefu_store_read_jobs (self, sql, g_variant_new ("(x)", job_id), cancellable, error);
  if (jobs == NULL)
    return NULL;
  if (jobs->len == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("This service job no longer exists. Reload the list."));
      return NULL;
    }
  job = g_object_ref (g_ptr_array_index (jobs, 0));
  job->progress = read_progress (self, job_id, cancellable, error);
  if (job->progress == NULL)
    {
      g_object_unref (job);
      return NULL;
    }
  job->n_progress = job->progress->len;
  return job;
}

/**
 * kefu_store_list_customer_jobs:
 *
 * Returns: (transfer full) (element-type KefuServiceJob): the customer's jobs, newest report
 *   first (list rows)
 */
GPtrArray *
kefu_store_list_customer_jobs (KefuStore     *self,
                               gint64         customer_id,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM " KEFU_JOB_FROM " WHERE service_jobs.customer_id = $1 "
                         "ORDER BY service_jobs.reported_at DESC, service_jobs.id DESC",
                         _kefu_job_columns);
  return _kefu_store_read_jobs (self, sql, g_variant_new ("(x)", customer_id), cancellable, error);
}

/**
 * kefu_store_count_jobs:
 * @n_open: (out) (optional): the jobs not completed or cancelled
 * @n_awaiting_approval: (out) (optional): those waiting for the GM's approval
 */
gboolean
kefu_store_count_jobs (KefuStore     *self,
                       gint64        *n_open,
                       gint64        *n_awaiting_approval,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rows = _kefu_store_query (self,
                            "SELECT COUNT(*), "
                            "COALESCE(SUM(CASE WHEN step = 'support-requested' "
                            "THEN 1 ELSE 0 END), 0) "
                            "FROM service_jobs WHERE step IN (" KEFU_JOB_OPEN_STEPS ") "
                            "AND service_jobs.archived_at IS NULL",
                            NULL, cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (n_open != NULL)
    *n_open = kefu_rows_get_int (rows, 0, 0);
  if (n_awaiting_approval != NULL)
    *n_awaiting_approval = kefu_rows_get_int (rows, 0, 1);
  return TRUE;
}

/**
 * kefu_store_list_job_timeline:
 *
 * Returns: (transfer full): a #GListModel of #KefuEvent on entity "service-job", oldest first
 */
GListModel *
kefu_store_list_job_timeline (KefuStore     *self,
                              gint64         job_id,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _kefu_store_list_entity_events (self, "service-job", job_id, TRUE, cancellable, error);
}
