/* kefu-job-print.c: the service feedback form (《售后服务信息反馈单》) of a service job as the rows
 * of a printed form (widgets/kefu-print-document.h lays them out, draws them and runs the print
 * dialog): the customer and the product, the warranty and fee, the technician's trip or the
 * factory round trip, what was done and what the customer said, the boxes the technician and the
 * customer sign, the progress reports and the timeline.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-job-print"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-aftersales-timeline.h"
#include "core/kefu-enums.h"
#include "core/kefu-money.h"
#include "core/kefu-phone.h"
#include "store/kefu-store-jobs.h"

#include "kefu-aftersales-print-private.h"

static void
add_report (KefuPrintDocument *document,
            KefuServiceJob    *job)
{
  g_autofree char *phone = job->customer_phone != NULL ? kefu_phone_format (job->customer_phone)
                                                       : NULL;
  g_autofree char *reported = kefu_print_who_when (job->reported_at, job->reported_by_name);

  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Reference"), job->reference,
                                 /* Translators: the kind of service job on the printed form:
                                  * installation, on-site repair, factory repair… */
                                 C_("printed record", "Service"),
                                 kefu_job_kind_get_display_name (job->kind));
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Customer"), job->customer_name,
                                 C_("printed record", "Phone"), phone);
  kefu_print_document_add_pairs (document, C_("printed record", "Address"), job->address,
                                 NULL, NULL);
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Product"), job->product_name,
                                 C_("printed record", "Product number"), job->serial);
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Reported"), reported,
                                 C_("printed record", "Reported through"),
                                 kefu_job_source_get_display_name (job->source));
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Account manager"),
                                 job->account_manager_name,
                                 C_("printed record", "Step"),
                                 kefu_job_step_get_display_name (job->step));
  /* Translators: 故障现象 (for a repair) or what is asked for, on the printed feedback form. */
  kefu_print_document_add_pairs (document, C_("printed record", "Fault or request"),
                                 job->symptoms, NULL, NULL);
  if (job->diagnosis != NULL)
    kefu_print_document_add_pairs (document, C_("printed record", "Diagnosis"), job->diagnosis,
                                   NULL, NULL);
}

static void
add_warranty (KefuPrintDocument *document,
              KefuServiceJob    *job)
{
  g_autofree char *start = kefu_print_format_day (&job->warranty_start);
  g_autofree char *fee = job->fee_fen > 0 ? kefu_money_format (job->fee_fen) : g_strdup ("");

  kefu_print_document_add_heading (document, C_("printed record", "Warranty and Fee"));
  /* Translators: the day the warranty runs from (the installation or ship day). */
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Warranty"),
                                 kefu_warranty_state_get_display_name (job->warranty),
                                 C_("printed record", "Warranty from"), start);
  if (job->warranty_reason != NULL)
    kefu_print_document_add_pairs (document, C_("printed record", "Warranty decided"),
                                   job->warranty_reason, NULL, NULL);
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Fee"), fee,
                                 /* Translators: whether the customer agreed to the fee. */
                                 C_("printed record", "Fee agreed"),
                                 job->fee_fen > 0 ? kefu_print_yes_no (job->fee_agreed) : "");
  if (job->fee_note != NULL)
    kefu_print_document_add_pairs (document, C_("printed record", "Fee note"), job->fee_note,
                                   NULL, NULL);
}

static void
add_trip (KefuPrintDocument *document,
          KefuServiceJob    *job)
{
  g_autofree char *agreed = kefu_print_format_day (&job->agreed_date);
  g_autofree char *days = job->travel_days > 0
                          /* Translators: the estimated travel days (预计出差所需时间). */
                          ? g_strdup_printf (ngettext ("%u day", "%u days", job->travel_days),
                                             job->travel_days)
                          : g_strdup ("");
  g_autofree char *approved = kefu_print_who_when (job->approved_at, job->approved_by_name);
  g_autofree char *departed = kefu_print_who_when (job->departed_at, NULL);
  g_autofree char *returned = kefu_print_who_when (job->returned_at, NULL);

  /* Translators: the technician's trip on the printed feedback form. */
  kefu_print_document_add_heading (document, C_("printed record", "Visit"));
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Technician"), job->technician_name,
                                 /* Translators: the date agreed with the customer. */
                                 C_("printed record", "Agreed date"), agreed);
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Travel days"), days,
                                 /* Translators: who approved the market-support request, when. */
                                 C_("printed record", "Approved"), approved);
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Departure"), departed,
                                 C_("printed record", "Return"), returned);
}

static char *
carrier_waybill (GDateTime  *at,
                 const char *carrier,
                 const char *waybill)
{
  g_autofree char *when = kefu_print_who_when (at, NULL);
  g_autofree char *how = kefu_print_join_two (carrier, waybill);

  return kefu_print_join_two (when, how);
}

static void
add_factory (KefuPrintDocument *document,
             KefuServiceJob    *job)
{
  g_autofree char *sent = carrier_waybill (job->sent_to_factory_at, job->out_carrier_name,
                                           job->out_waybill);
  g_autofree char *arrived = kefu_print_who_when (job->received_at_factory_at, NULL);
  g_autofree char *repaired = kefu_print_who_when (job->repaired_at, NULL);
  g_autofree char *back = carrier_waybill (job->sent_back_at, job->back_carrier_name,
                                           job->back_waybill);
  g_autofree char *received = kefu_print_who_when (job->customer_received_at, NULL);

  /* Translators: the factory round trip on the printed feedback form (返厂). */
  kefu_print_document_add_heading (document, C_("printed record", "Factory"));
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Sent to factory"), sent,
                                 C_("printed record", "At factory"), arrived);
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Repaired"), repaired,
                                 C_("printed record", "Replaced"),
                                 job->repaired_at != NULL ? kefu_print_yes_no (job->replaced) : "");
  if (job->repair_note != NULL)
    kefu_print_document_add_pairs (document, C_("printed record", "Factory's note"),
                                   job->repair_note, NULL, NULL);
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Sent back"), back,
                                 C_("printed record", "Customer received"), received);
}

static void
add_feedback (KefuPrintDocument *document,
              KefuServiceJob    *job)
{
  const char *result = "";
  g_autofree char *completed = kefu_print_who_when (job->completed_at, job->completed_by_name);

  /* The technician's answer once the form is filed; a factory repair or a replacement is solved
   * once the customer has the product back. */
  if (job->work_done != NULL || (job->completed_at != NULL && kefu_job_kind_has_visit (job->kind)))
    /* Translators: the result on the printed feedback form: 已解决 / 未解决. */
    result = job->fixed ? C_("printed record", "Solved") : C_("printed record", "Not solved");
  else if (job->customer_received_at != NULL)
    result = C_("printed record", "Solved");

  /* Translators: 服务信息反馈 on the printed feedback form. */
  kefu_print_document_add_heading (document, C_("printed record", "Feedback"));
  kefu_print_document_add_pairs (document, C_("printed record", "Work done"), job->work_done,
                                 NULL, NULL);
  kefu_print_document_add_pairs (document, C_("printed record", "Parts used"), job->parts_used,
                                 NULL, NULL);
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Result"), result,
                                 C_("printed record", "Completed"), completed);
  if (job->result_note != NULL)
    kefu_print_document_add_pairs (document, C_("printed record", "Result note"),
                                   job->result_note, NULL, NULL);
  kefu_print_document_add_pairs (document, C_("printed record", "Customer's comment"),
                                 job->customer_comment, NULL, NULL);
  if (job->cancelled_at != NULL)
    kefu_print_document_add_pairs (document, C_("printed record", "Cancelled"),
                                   job->cancel_reason, NULL, NULL);
}

static void
add_signatures (KefuPrintDocument *document)
{
  const char *labels[] = {
    /* Translators: the signature boxes of the printed feedback form: 技术员签字, 客户签字. */
    C_("printed record", "Technician's signature"),
    C_("printed record", "Customer's signature"),
  };

  kefu_print_document_add_heading (document, C_("printed record", "Signatures"));
  kefu_print_document_add_signatures (document, G_N_ELEMENTS (labels), labels);
}

static void
add_progress (KefuPrintDocument *document,
              KefuServiceJob    *job)
{
  const char *titles[] = {
    C_("printed record", "When"),
    C_("printed record", "By"),
    C_("printed record", "Report"),
  };
  const double widths[] = { 0.17, 0.12, 0.71 };
  int table;

  if (job->progress == NULL || job->progress->len == 0)
    return;

  kefu_print_document_add_heading (document, C_("printed record", "Progress Reports"));
  table = kefu_print_document_add_table_head (document, 3, titles, widths);
  for (guint i = 0; i < job->progress->len; i++)
    {
      KefuJobProgress *progress = job->progress->pdata[i];
      g_autofree char *when = kefu_print_who_when (progress->reported_at, NULL);
      const char *cells[] = { when, progress->reported_by_name, progress->text };

      kefu_print_document_add_table_row (document, table, cells);
    }
}

KefuPrintDocument *
_kefu_job_print_read (KefuStore     *store,
                      gint64         job_id,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(KefuPrintDocument) document = NULL;
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(GListModel) timeline = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);

  job = kefu_store_get_job (store, job_id, cancellable, error);
  if (job == NULL)
    return NULL;
  timeline = kefu_store_list_job_timeline (store, job_id, cancellable, error);
  if (timeline == NULL)
    return NULL;

  /* Translators: the title of the printed service feedback form, 售后服务信息反馈单. */
  document = kefu_print_document_new (_("Service Feedback Form"), job->reference);
  kefu_print_document_add_header (document);
  add_report (document, job);
  add_warranty (document, job);
  /* The form shows the trip a job's kind makes: a field visit, or the factory and back (a
   * replacement only the way back); a repair not yet diagnosed whichever it has begun. */
  if (kefu_job_kind_has_visit (job->kind) || job->technician_id != 0)
    add_trip (document, job);
  if (kefu_job_kind_has_factory (job->kind) || job->kind == KEFU_JOB_KIND_REPLACEMENT ||
      job->sent_to_factory_at != NULL)
    add_factory (document, job);
  add_feedback (document, job);
  add_signatures (document);
  add_progress (document, job);
  kefu_print_document_add_timeline (document, timeline, kefu_aftersales_event_title,
                                    kefu_aftersales_event_text, kefu_aftersales_event_changes);

  return g_steal_pointer (&document);
}

gboolean
kefu_job_print_to_pdf (KefuStore   *store,
                       gint64       job_id,
                       const char  *path,
                       GError     **error)
{
  /* kefu_print_document_save_pdf () checks the arguments. */
  return kefu_print_document_save_pdf (store, job_id, _kefu_job_print_read, path, error);
}

void
kefu_job_print (GtkWindow *parent,
                KefuStore *store,
                gint64     job_id)
{
  kefu_print_document_run (parent, store, job_id, _kefu_job_print_read,
                           _("The service feedback form could not be printed."));
}
