/* kefu-service-job.c: the service job record.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-service-job"

#include "config.h"

#include "kefu-service-job.h"

void
kefu_job_progress_free (KefuJobProgress *progress)
{
  if (progress == NULL)
    return;
  g_clear_pointer (&progress->reported_at, g_date_time_unref);
  g_free (progress->reported_by_name);
  g_free (progress->text);
  g_free (progress);
}

G_DEFINE_FINAL_TYPE (KefuServiceJob, kefu_service_job, G_TYPE_OBJECT)

static void
kefu_service_job_finalize (GObject *object)
{
  KefuServiceJob *self = KEFU_SERVICE_JOB (object);

  g_free (self->reference);
  g_free (self->customer_name);
  g_free (self->customer_phone);
  g_free (self->address);
  g_free (self->shipment_reference);
  g_free (self->product_name);
  g_free (self->serial);
  g_free (self->account_manager_name);
  g_clear_pointer (&self->reported_at, g_date_time_unref);
  g_free (self->reported_by_name);
  g_free (self->symptoms);
  g_free (self->phone_answer);
  g_clear_pointer (&self->diagnosed_at, g_date_time_unref);
  g_free (self->diagnosed_by_name);
  g_free (self->diagnosis);
  g_free (self->warranty_reason);
  g_clear_pointer (&self->fee_recorded_at, g_date_time_unref);
  g_free (self->fee_note);
  g_clear_pointer (&self->support_requested_at, g_date_time_unref);
  g_free (self->support_requested_by_name);
  g_free (self->support_purpose);
  g_clear_pointer (&self->approved_at, g_date_time_unref);
  g_free (self->approved_by_name);
  g_free (self->rejection_reason);
  g_free (self->technician_name);
  g_clear_pointer (&self->dispatched_at, g_date_time_unref);
  g_clear_pointer (&self->departed_at, g_date_time_unref);
  g_clear_pointer (&self->returned_at, g_date_time_unref);
  g_clear_pointer (&self->progress, g_ptr_array_unref);
  g_free (self->out_carrier_name);
  g_free (self->out_waybill);
  g_clear_pointer (&self->sent_to_factory_at, g_date_time_unref);
  g_clear_pointer (&self->received_at_factory_at, g_date_time_unref);
  g_clear_pointer (&self->repaired_at, g_date_time_unref);
  g_free (self->repair_note);
  g_free (self->back_carrier_name);
  g_free (self->back_waybill);
  g_clear_pointer (&self->sent_back_at, g_date_time_unref);
  g_clear_pointer (&self->customer_received_at, g_date_time_unref);
  g_free (self->work_done);
  g_free (self->parts_used);
  g_free (self->result_note);
  g_free (self->customer_comment);
  g_clear_pointer (&self->completed_at, g_date_time_unref);
  g_free (self->completed_by_name);
  g_clear_pointer (&self->callback_due_at, g_date_time_unref);
  g_clear_pointer (&self->cancelled_at, g_date_time_unref);
  g_free (self->cancel_reason);
  g_clear_pointer (&self->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (kefu_service_job_parent_class)->finalize (object);
}

static void
kefu_service_job_class_init (KefuServiceJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_service_job_finalize;
}

static void
kefu_service_job_init (KefuServiceJob *self)
{
  g_date_clear (&self->warranty_start, 1);
  g_date_clear (&self->agreed_date, 1);
}

KefuServiceJob *
kefu_service_job_new (void)
{
  return g_object_new (KEFU_TYPE_SERVICE_JOB, NULL);
}

gboolean
kefu_job_kind_has_visit (KefuJobKind kind)
{
  return kind == KEFU_JOB_KIND_INSTALLATION || kind == KEFU_JOB_KIND_ONSITE_REPAIR;
}

gboolean
kefu_job_kind_has_factory (KefuJobKind kind)
{
  return kind == KEFU_JOB_KIND_FACTORY_REPAIR || kind == KEFU_JOB_KIND_RETURN;
}
