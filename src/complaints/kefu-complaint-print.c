/* kefu-complaint-print.c: the complaint record (《客户投诉电话记录单》) printed or saved as a PDF:
 * its rows made from the store's records (the intake, the routing, the outcome with the visits,
 * and the timeline) in the current locale's words; widgets/kefu-print-document.c lays them out,
 * draws them and runs the print dialog.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-print"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-complaint-timeline.h"
#include "core/kefu-enums.h"
#include "core/kefu-phone.h"
#include "store/kefu-store-calls.h"
#include "store/kefu-store-complaints.h"

#include "kefu-complaint-print-private.h"
#include "kefu-detail-format.h"

static void
add_intake (KefuPrintDocument *document,
            KefuCall          *call,
            KefuComplaint     *complaint,
            KefuComplaintCard *card)
{
  g_autofree char *received = kefu_detail_format_local_time (kefu_call_get_received_at (call));
  g_autofree char *phone = kefu_phone_format (kefu_call_get_phone (call));
  KefuComplaintCategory category = kefu_complaint_get_category (complaint);

  const char *category_name = category != KEFU_COMPLAINT_CATEGORY_UNSPECIFIED
                              ? kefu_complaint_category_get_display_name (category) : "";

  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Received"), received,
                                 C_("printed record", "Clerk"), kefu_call_get_clerk_name (call));
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Customer"), kefu_call_get_caller_name (call),
                                 C_("printed record", "Phone"),
                                 phone != NULL && *phone != '\0'
                                 ? phone : kefu_call_get_phone (call));
  kefu_print_document_add_pairs (document, C_("printed record", "Address"),
                                 kefu_call_get_address (call), NULL, NULL);
  /* Translators: 投诉对象 on the printed complaint record: what the complaint is about. */
  kefu_print_document_add_pairs (document, C_("printed record", "Complaint about"),
                                 kefu_complaint_get_subject (complaint), NULL, NULL);
  /* Translators: 投诉事由 on the printed complaint record. */
  kefu_print_document_add_pairs (document, C_("printed record", "Reason"),
                                 kefu_complaint_get_reason (complaint), NULL, NULL);
  /* Translators: 理由是否充分 on the printed complaint record. */
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Well founded"),
                                 kefu_print_yes_no (kefu_complaint_get_well_founded (complaint)),
                                 C_("printed record", "Category"), category_name);
  if (!kefu_complaint_get_well_founded (complaint))
    kefu_print_document_add_pairs (document, C_("printed record", "Explanation"),
                                   kefu_complaint_get_explanation (complaint), NULL, NULL);

  if (category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
    {
      g_autofree char *produced = kefu_print_format_day (
        kefu_complaint_get_production_date (complaint));
      g_autofree char *purchase = kefu_print_join_two (
        kefu_complaint_get_purchase_method (complaint),
        kefu_complaint_get_purchase_place (complaint));
      KefuProductSymptom symptom = kefu_complaint_get_symptom (complaint);

      kefu_print_document_add_pairs (document,
                                     C_("printed record", "Symptom"),
                                     symptom != KEFU_PRODUCT_SYMPTOM_UNSPECIFIED
                                     ? kefu_product_symptom_get_display_name (symptom) : "",
                                     C_("printed record", "Batch number"),
                                     kefu_complaint_get_batch_number (complaint));
      /* Translators: 出厂日期 and 购买方式和地点 on the printed complaint record. */
      kefu_print_document_add_pairs (document,
                                     C_("printed record", "Production date"), produced,
                                     C_("printed record", "Bought how and where"), purchase);
    }
  else if (category == KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY)
    {
      g_autofree char *work = kefu_print_join_two (kefu_complaint_get_work_place (complaint),
                                                   kefu_complaint_get_work_manner (complaint));
      KefuServiceIssue issue = kefu_complaint_get_service_issue (complaint);

      kefu_print_document_add_pairs (document,
                                     C_("printed record", "Service issue"),
                                     issue != KEFU_SERVICE_ISSUE_UNSPECIFIED
                                     ? kefu_service_issue_get_display_name (issue) : "",
                                     /* Translators: 员工姓名或工号 on the printed complaint record. */
                                     C_("printed record", "Staff name or number"),
                                     kefu_complaint_get_staff_identity (complaint));
      /* Translators: 工作地点和方式 on the printed complaint record. */
      kefu_print_document_add_pairs (document, C_("printed record", "Place and manner of work"),
                                     work, NULL, NULL);
    }

  /* Translators: 身体损害、生病住院 on the printed complaint record. */
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Customer harmed"),
                                 kefu_print_yes_no (kefu_complaint_get_harmed (complaint)),
                                 C_("printed record", "Stage"),
                                 kefu_complaint_stage_get_display_name (
                                   kefu_complaint_card_get_stage (card)));
}

static void
add_routing (KefuPrintDocument *document,
             KefuComplaintCard *card,
             GListModel        *timeline)
{
  g_autoptr(GString) acknowledged = g_string_new (NULL);
  g_autofree char *due = NULL;
  KefuComplaintDeadline kind = kefu_complaint_card_get_due_kind (card);
  KefuEscalationLevel level = kefu_complaint_card_get_escalation (card);

  /* Who acknowledged and when, from the timeline: one line each. */
  for (guint i = 0; timeline != NULL && i < g_list_model_get_n_items (timeline); i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (timeline, i);
      g_autofree char *title = NULL;
      g_autofree char *when = NULL;

      if (g_strcmp0 (kefu_event_get_action (event), "acknowledged") != 0)
        continue;
      title = kefu_complaint_event_title (event);
      when = kefu_detail_format_local_time (kefu_event_get_created_at (event));
      if (acknowledged->len > 0)
        g_string_append_c (acknowledged, '\n');
      g_string_append_printf (acknowledged, "%s  %s", when, title);
    }

  if (kind != KEFU_COMPLAINT_DEADLINE_NONE && kefu_complaint_card_get_due_at (card) != NULL)
    {
      g_autofree char *at = kefu_detail_format_local_time (kefu_complaint_card_get_due_at (card));

      /* Translators: the next deadline on the printed record: by when, and what, e.g.
       * "2026-11-28 17:30 (resolution)". */
      due = g_strdup_printf (C_("printed record", "%s (%s)"), at,
                             kefu_complaint_deadline_get_display_name (kind));
    }

  kefu_print_document_add_heading (document, C_("printed record", "Routing"));
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Departments"),
                                 kefu_complaint_card_get_departments (card),
                                 C_("printed record", "Owner"),
                                 kefu_complaint_card_get_owner_name (card));
  kefu_print_document_add_pairs (document, C_("printed record", "Acknowledged"), acknowledged->str,
                                 NULL, NULL);
  kefu_print_document_add_pairs (document,
                                 C_("printed record", "Next deadline"), due != NULL ? due : "",
                                 C_("printed record", "Escalated to"),
                                 level != KEFU_ESCALATION_NONE
                                 ? kefu_escalation_level_get_display_name (level) : "");
}

static void
add_outcome (KefuPrintDocument *document,
             KefuComplaintCard *card,
             GPtrArray         *visits)
{
  KefuSatisfaction satisfaction = kefu_complaint_card_get_satisfaction (card);
  const char *words = kefu_complaint_card_get_customer_words (card);
  g_autofree char *callback = NULL;

  if (satisfaction == KEFU_SATISFACTION_UNSPECIFIED)
    callback = g_strdup ("");
  else if (words != NULL && *words != '\0')
    /* Translators: the callback result on the printed record: the answer, then the customer's
     * words, e.g. "So-so: 希望送货更准时". */
    callback = g_strdup_printf (C_("printed record", "%s: %s"),
                                kefu_satisfaction_get_display_name (satisfaction), words);
  else
    callback = g_strdup (kefu_satisfaction_get_display_name (satisfaction));

  kefu_print_document_add_heading (document, C_("printed record", "Outcome"));
  kefu_print_document_add_pairs (document, C_("printed record", "Resolution"),
                                 kefu_complaint_card_get_resolution (card), NULL, NULL);
  /* Translators: 回访结果 on the printed complaint record. */
  kefu_print_document_add_pairs (document, C_("printed record", "Callback result"), callback,
                                 NULL, NULL);

  if (visits != NULL && visits->len > 0)
    {
      const char *titles[] = {
        C_("printed record", "Visited"),
        C_("printed record", "Who went"),
        C_("printed record", "Visit outcome"),
        C_("printed record", "Recorded by"),
      };
      const double widths[] = { 0.2, 0.2, 0.45, 0.15 };
      int table;

      kefu_print_document_add_heading (document, C_("printed record", "Visits"));
      table = kefu_print_document_add_table_head (document, 4, titles, widths);
      for (guint i = 0; i < visits->len; i++)
        {
          KefuComplaintVisit *visit = visits->pdata[i];
          g_autofree char *when = kefu_detail_format_local_time (visit->visited_at);
          const char *cells[] = { when, visit->visitors, visit->outcome, visit->recorded_by_name };

          kefu_print_document_add_table_row (document, table, cells);
        }
    }
}

KefuPrintDocument *
_kefu_complaint_print_read (KefuStore     *store,
                            gint64         complaint_id,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(KefuPrintDocument) document = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GListModel) timeline = NULL;
  KefuComplaint *complaint;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);

  card = kefu_store_get_complaint_card (store, complaint_id, cancellable, error);
  if (card == NULL)
    return NULL;
  call = kefu_store_get_call (store, kefu_complaint_card_get_call_id (card), cancellable, error);
  if (call == NULL)
    return NULL;
  complaint = kefu_call_get_complaint (call);
  if (complaint == NULL)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                   _("Call %s holds no complaint; it cannot be printed as a complaint record."),
                   kefu_call_get_reference (call));
      return NULL;
    }
  visits = kefu_store_list_complaint_visits (store, complaint_id, cancellable, error);
  if (visits == NULL)
    return NULL;
  timeline = kefu_store_list_complaint_timeline (store, complaint_id, cancellable, error);
  if (timeline == NULL)
    return NULL;

  /* Translators: the title of the printed complaint record, 客户投诉电话记录单. */
  document = kefu_print_document_new (_("Complaint Call Record"),
                                      kefu_complaint_card_get_reference (card));
  kefu_print_document_add_header (document);
  add_intake (document, call, complaint, card);
  add_routing (document, card, timeline);
  add_outcome (document, card, visits);
  kefu_print_document_add_timeline (document, timeline, kefu_complaint_event_title,
                                    kefu_complaint_event_text, kefu_complaint_event_changes);

  return g_steal_pointer (&document);
}

gboolean
kefu_complaint_print_to_pdf (KefuStore   *store,
                             gint64       complaint_id,
                             const char  *path,
                             GError     **error)
{
  /* kefu_print_document_save_pdf () checks the arguments. */
  return kefu_print_document_save_pdf (store, complaint_id, _kefu_complaint_print_read, path,
                                       error);
}

void
kefu_complaint_print (GtkWindow *parent,
                      KefuStore *store,
                      gint64     complaint_id)
{
  kefu_print_document_run (parent, store, complaint_id, _kefu_complaint_print_read,
                           _("The complaint record could not be printed."));
}
