/* kefu-complaint-print-rows.c: the rows of the printed complaint record (《客户投诉电话记录单》),
 * made from the store's records: the intake, the routing, the outcome with the visits, and the
 * timeline, in the current locale's words. kefu-complaint-print-layout.c lays them out.
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

#include "kefu-complaint-print-layout-private.h"
#include "kefu-detail-format.h"

static Row *
add_row (KefuPrintDocument *document,
         RowKind            kind)
{
  Row *row = g_new0 (Row, 1);

  row->kind = kind;
  row->table = -1;
  g_ptr_array_add (document->rows, row);
  return row;
}

static void
add_text_row (KefuPrintDocument *document,
              RowKind            kind,
              const char        *text,
              const char        *second)
{
  Row *row = add_row (document, kind);

  row->n_cells = second != NULL ? 2 : 1;
  row->text[0] = g_strdup (text);
  row->widths[0] = second != NULL ? 0.5 : 1.0;
  if (second != NULL)
    {
      row->text[1] = g_strdup (second);
      row->widths[1] = 0.5;
    }
}

static const double LABEL_WIDTH = 0.19;

/* A row of one or two label / value pairs; a NULL second label makes the first value span the
 * row. Empty values stay empty boxes, as on paper. */
static void
add_pairs (KefuPrintDocument *document,
           const char        *label1,
           const char        *value1,
           const char        *label2,
           const char        *value2)
{
  Row *row = add_row (document, ROW_CELLS);

  row->text[0] = g_strdup (label1);
  row->label[0] = TRUE;
  row->widths[0] = LABEL_WIDTH;
  row->text[1] = g_strdup (value1 != NULL ? value1 : "");
  if (label2 == NULL)
    {
      row->n_cells = 2;
      row->widths[1] = 1.0 - LABEL_WIDTH;
      return;
    }

  row->n_cells = 4;
  row->widths[1] = 0.5 - LABEL_WIDTH;
  row->text[2] = g_strdup (label2);
  row->label[2] = TRUE;
  row->widths[2] = LABEL_WIDTH;
  row->text[3] = g_strdup (value2 != NULL ? value2 : "");
  row->widths[3] = 0.5 - LABEL_WIDTH;
}

/* Starts a table: its header row, repeated on every page it continues on. */
static int
add_table_head (KefuPrintDocument *document,
                guint              n_cells,
                const char *const *titles,
                const double      *widths)
{
  Row *row = add_row (document, ROW_CELLS);
  guint index = document->rows->len - 1;

  row->n_cells = n_cells;
  for (guint i = 0; i < n_cells; i++)
    {
      row->text[i] = g_strdup (titles[i]);
      row->widths[i] = widths[i];
      row->label[i] = TRUE;
    }
  g_array_append_val (document->heads, index);
  return document->heads->len - 1;
}

static void
add_table_row (KefuPrintDocument *document,
               int                table,
               const char *const *cells)
{
  Row *head = document->rows->pdata[g_array_index (document->heads, guint, table)];
  Row *row = add_row (document, ROW_CELLS);

  row->n_cells = head->n_cells;
  row->table = table;
  for (guint i = 0; i < head->n_cells; i++)
    {
      row->text[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
      row->widths[i] = head->widths[i];
    }
}

static const char *
yes_no (gboolean value)
{
  /* Translators: an answer on the printed complaint record (是 / 否). */
  return value ? C_("printed record", "Yes") : C_("printed record", "No");
}

static char *
format_date (const GDate *date)
{
  char buffer[32];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  return g_strdup (buffer);
}

/* Two texts joined for one cell ("超市购买, 华联超市"), leaving out the empty ones. */
static char *
join_two (const char *a,
          const char *b)
{
  gboolean has_a = a != NULL && *a != '\0';
  gboolean has_b = b != NULL && *b != '\0';

  if (has_a && has_b)
    /* Translators: two parts of one answer on the printed record, e.g. a purchase method and
     * place: "超市购买, 华联超市". */
    return g_strdup_printf (C_("printed record", "%s, %s"), a, b);
  return g_strdup (has_a ? a : has_b ? b : "");
}

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

  add_pairs (document,
             C_("printed record", "Received"), received,
             C_("printed record", "Clerk"), kefu_call_get_clerk_name (call));
  add_pairs (document,
             C_("printed record", "Customer"), kefu_call_get_caller_name (call),
             C_("printed record", "Phone"),
             phone != NULL && *phone != '\0' ? phone : kefu_call_get_phone (call));
  add_pairs (document, C_("printed record", "Address"), kefu_call_get_address (call), NULL, NULL);
  /* Translators: 投诉对象 on the printed complaint record: what the complaint is about. */
  add_pairs (document, C_("printed record", "Complaint about"),
             kefu_complaint_get_subject (complaint), NULL, NULL);
  /* Translators: 投诉事由 on the printed complaint record. */
  add_pairs (document, C_("printed record", "Reason"),
             kefu_complaint_get_reason (complaint), NULL, NULL);
  /* Translators: 理由是否充分 on the printed complaint record. */
  add_pairs (document,
             C_("printed record", "Well founded"), yes_no (kefu_complaint_get_well_founded (complaint)),
             C_("printed record", "Category"), category_name);
  if (!kefu_complaint_get_well_founded (complaint))
    add_pairs (document, C_("printed record", "Explanation"),
               kefu_complaint_get_explanation (complaint), NULL, NULL);

  if (category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
    {
      g_autofree char *produced = format_date (kefu_complaint_get_production_date (complaint));
      g_autofree char *purchase = join_two (kefu_complaint_get_purchase_method (complaint),
                                            kefu_complaint_get_purchase_place (complaint));
      KefuProductSymptom symptom = kefu_complaint_get_symptom (complaint);

      add_pairs (document,
                 C_("printed record", "Symptom"),
                 symptom != KEFU_PRODUCT_SYMPTOM_UNSPECIFIED
                 ? kefu_product_symptom_get_display_name (symptom) : "",
                 C_("printed record", "Batch number"), kefu_complaint_get_batch_number (complaint));
      /* Translators: 出厂日期 and 购买方式和地点 on the printed complaint record. */
      add_pairs (document,
                 C_("printed record", "Production date"), produced,
                 C_("printed record", "Bought how and where"), purchase);
    }
  else if (category == KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY)
    {
      g_autofree char *work = join_two (kefu_complaint_get_work_place (complaint),
                                        kefu_complaint_get_work_manner (complaint));
      KefuServiceIssue issue = kefu_complaint_get_service_issue (complaint);

      add_pairs (document,
                 C_("printed record", "Service issue"),
                 issue != KEFU_SERVICE_ISSUE_UNSPECIFIED
                 ? kefu_service_issue_get_display_name (issue) : "",
                 /* Translators: 员工姓名或工号 on the printed complaint record. */
                 C_("printed record", "Staff name or number"),
                 kefu_complaint_get_staff_identity (complaint));
      /* Translators: 工作地点和方式 on the printed complaint record. */
      add_pairs (document, C_("printed record", "Place and manner of work"), work, NULL, NULL);
    }

  /* Translators: 身体损害、生病住院 on the printed complaint record. */
  add_pairs (document,
             C_("printed record", "Customer harmed"), yes_no (kefu_complaint_get_harmed (complaint)),
             C_("printed record", "Stage"),
             kefu_complaint_stage_get_display_name (kefu_complaint_card_get_stage (card)));
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

  add_text_row (document, ROW_HEADING, C_("printed record", "Routing"), NULL);
  add_pairs (document, C_("printed record", "Departments"), kefu_complaint_card_get_departments (card),
             C_("printed record", "Owner"), kefu_complaint_card_get_owner_name (card));
  add_pairs (document, C_("printed record", "Acknowledged"), acknowledged->str, NULL, NULL);
  add_pairs (document, C_("printed record", "Next deadline"), due != NULL ? due : "",
             C_("printed record", "Escalated to"),
             level != KEFU_ESCALATION_NONE ? kefu_escalation_level_get_display_name (level) : "");
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

  add_text_row (document, ROW_HEADING, C_("printed record", "Outcome"), NULL);
  add_pairs (document, C_("printed record", "Resolution"),
             kefu_complaint_card_get_resolution (card), NULL, NULL);
  /* Translators: 回访结果 on the printed complaint record. */
  add_pairs (document, C_("printed record", "Callback result"), callback, NULL, NULL);

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

      add_text_row (document, ROW_HEADING, C_("printed record", "Visits"), NULL);
      table = add_table_head (document, 4, titles, widths);
      for (guint i = 0; i < visits->len; i++)
        {
          KefuComplaintVisit *visit = visits->pdata[i];
          g_autofree char *when = kefu_detail_format_local_time (visit->visited_at);
          const char *cells[] = { when, visit->visitors, visit->outcome, visit->recorded_by_name };

          add_table_row (document, table, cells);
        }
    }
}

static void
add_timeline (KefuPrintDocument *document,
              GListModel        *timeline)
{
  const char *titles[] = {
    C_("printed record", "Time"),
    C_("printed record", "By"),
    C_("printed record", "Event"),
    C_("printed record", "Details"),
  };
  const double widths[] = { 0.17, 0.12, 0.28, 0.43 };
  guint n = timeline != NULL ? g_list_model_get_n_items (timeline) : 0;
  int table;

  add_text_row (document, ROW_HEADING, C_("printed record", "Timeline"), NULL);
  table = add_table_head (document, 4, titles, widths);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (timeline, i);
      g_autofree char *when = kefu_detail_format_local_time (kefu_event_get_created_at (event));
      g_autofree char *title = kefu_complaint_event_title (event);
      g_autofree char *text = kefu_complaint_event_text (event);
      g_autoptr(GPtrArray) changes = kefu_complaint_event_changes (event);
      g_autoptr(GString) details = g_string_new (text);
      const char *cells[4];

      for (guint j = 0; changes != NULL && j < changes->len; j++)
        {
          KefuFieldChange *change = changes->pdata[j];

          if (details->len > 0)
            g_string_append_c (details, '\n');
          /* Translators: a field changed, on the printed record's timeline: "Reason: old → new". */
          g_string_append_printf (details, C_("printed record", "%s: %s → %s"), change->label,
                                  change->old_value != NULL ? change->old_value : "—",
                                  change->new_value != NULL ? change->new_value : "—");
        }

      cells[0] = when;
      cells[1] = kefu_event_get_staff_name (event);
      cells[2] = title;
      cells[3] = details->str;
      add_table_row (document, table, cells);
    }
}

KefuPrintDocument *
_kefu_print_document_read (KefuStore     *store,
                           gint64         complaint_id,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(KefuPrintDocument) document = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *printed = NULL;
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

  document = _kefu_print_document_new ();
  document->reference = g_strdup (kefu_complaint_card_get_reference (card));
  printed = kefu_detail_format_local_time (now);
  /* Translators: under the title of the printed complaint record. */
  document->printed_at = g_strdup_printf (_("Printed %s"), printed);

  /* Translators: the title of the printed complaint record, 客户投诉电话记录单. */
  add_text_row (document, ROW_TITLE, _("Complaint Call Record"), NULL);
  {
    /* Translators: the reference number at the top of the printed record, "No. TS-20261127-0001". */
    g_autofree char *number = g_strdup_printf (_("No. %s"), document->reference);

    add_text_row (document, ROW_META, document->printed_at, number);
  }
  add_intake (document, call, complaint, card);
  add_routing (document, card, timeline);
  add_outcome (document, card, visits);
  add_timeline (document, timeline);

  return g_steal_pointer (&document);
}
