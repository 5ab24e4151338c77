/* kefu-store-aftersales-bulk.c: loading shipments and service jobs by the hundred thousand
 * (kefuctl generate), as kefu-store-calls-bulk.c loads calls: one transaction per load, the
 * ids chosen under the write lock (PostgreSQL: a table lock) so that the lines, progress
 * reports, search rows and callbacks can name their record without a round trip per row, every
 * table through the backend's bulk path (SQLite: one prepared statement; PostgreSQL: COPY)
 * bound straight from the records, and one event for the whole load.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-enum-types.h"
#include "core/kefu-job-flow.h"
#include "core/kefu-reference.h"
#include "kefu-store-aftersales-bulk.h"
#include "kefu-store-calls-bulk-private.h"
#include "kefu-store-complaints-private.h"

/* As the complaints' search text (kefu-store-complaint-board-filters.c). */
#define SEARCH_SEPARATOR '\x1f'

/* The tables of a load, in the order of their foreign keys. */
static const char *const shipment_columns[] = {
  "id", "reference", "step", "customer_id", "customer_name", "customer_phone", "address",
  "call_id", "account_manager_id", "notes", "requested_at", "requested_by",
  "payment_confirmed_at", "payment_confirmed_by", "payment_amount_fen", "dispatch_issued_at",
  "dispatch_issued_by", "dispatch_note_number", "handed_over_at", "handed_over_by",
  "shipped_at", "shipped_by", "carrier_id", "waybill", "ship_date", "expected_arrival",
  "delivered_at", "delivered_by", "received_at", "received_by", "receipt_method", "exception",
  "exception_reason", "exception_at", "exception_by", "exception_from", "exception_resolution",
  "cancelled_at", "cancel_reason", "attention_at", "n_lines", "total_quantity",
  "first_product_name", "version", "created_at", "updated_at", NULL
};
static const char *const line_columns[] = {
  "id", "shipment_id", "position", "product_id", "product_name", "serial", "production_date",
  "quantity", "created_at", NULL
};
static const char *const shipment_search_columns[] = { "shipment_id", "search_text", NULL };
static const char *const callback_columns[] = {
  "id", "customer_id", "customer_name", "reason", "source_entity", "source_id", "due_at",
  "state", "version", "created_by", "created_at", "updated_at", "deadline_at", "method",
  "outcome", "satisfaction", "done_at", "done_by", NULL
};
static const char *const job_columns[] = {
  "id", "reference", "kind", "step", "customer_id", "customer_name", "customer_phone", "address",
  "call_id", "shipment_id", "shipment_line_id", "product_id", "product_name", "serial",
  "warranty_months", "source", "account_manager_id", "reported_at", "reported_by", "symptoms",
  "phone_answer", "diagnosed_at", "diagnosed_by", "diagnosis", "warranty", "warranty_start",
  "warranty_reason", "fee_fen", "fee_agreed", "fee_recorded_at", "fee_note",
  "support_requested_at", "support_requested_by", "support_purpose", "approved_at",
  "approved_by", "rejection_reason", "technician_id", "agreed_date", "travel_days",
  "dispatched_at", "departed_at", "returned_at", "n_progress", "out_carrier_id", "out_waybill",
  "sent_to_factory_at", "received_at_factory_at", "repaired_at", "replaced", "repair_note",
  "back_carrier_id", "back_waybill", "sent_back_at", "customer_received_at", "work_done",
  "parts_used", "fixed", "result_note", "customer_comment", "completed_at", "completed_by",
  "callback_id", "callback_due_at", "cancelled_at", "cancel_reason", "attention_at", "version",
  "created_at", "updated_at", NULL
};
static const char *const progress_columns[] = {
  "id", "job_id", "reported_at", "reported_by", "text", "created_at", NULL
};
static const char *const job_search_columns[] = { "job_id", "search_text", NULL };

typedef struct
{
  GPtrArray        *records;
  GPtrArray        *callbacks_due;  /* shipments: GDateTime or NULL each (may be NULL) */
  gboolean          jobs;
  KefuStoreBackend  backend;
  GTimeZone        *tz;
  char              now[32];
  gint64            actor;
  gint64            first_id, first_child, first_callback;
  char            (*references)[24];
  guint             n_children;
  guint             n_callbacks;
} Load;

/* Where a row function is: the record, and the child of that record. */
typedef struct
{
  Load  *load;
  guint  next;
  guint  child;
  guint  n_rows;
  char   times[20][32];
  char   dates[3][16];
  char  *scratch;
} Cursor;

static void
set_date (KefuStoreValue *value,
          const GDate    *date,
          char            buffer[16])
{
  if (!g_date_valid (date))
    {
      kefu_store_value_set_null (value);
      return;
    }
  _kefu_bulk_date_to_text (date, buffer);
  kefu_store_value_set_text (value, buffer);
}

/* Enums whose first value (NONE, UNSPECIFIED) is stored as NULL. */
static const char *
nick_or_null (GType type,
              int   value)
{
  return value == 0 ? NULL : _kefu_store_enum_to_nick (type, value);
}

/* What the shipment list's text filter looks in, as the shipment writes keep it
 * (_kefu_store_shipment_refresh ()): in ASCII lower case, joined by the separator, the
 * `n_fields` `fields` (NULL as empty), then the NULL-terminated `more` (the serials). */
static char *
search_text (const char *const *fields,
             guint              n_fields,
             const char *const *more)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_fields || (more != NULL && more[i - n_fields] != NULL); i++)
    {
      const char *field = i < n_fields ? fields[i] : more[i - n_fields];

      if (i > 0)
        g_string_append_c (text, SEARCH_SEPARATOR);
      for (const char *p = field != NULL ? field : ""; *p != '\0'; p++)
        g_string_append_c (text, g_ascii_tolower (*p));
    }
  return g_string_free (text, FALSE);
}

/* Shipments */

static gboolean
next_shipment_row (gpointer        user_data,
                   KefuStoreValue *v)
{
  Cursor *cursor = user_data;
  Load *load = cursor->load;
  KefuShipment *s;
  guint t = 0;

  if (cursor->next >= load->records->len)
    return FALSE;
  s = g_ptr_array_index (load->records, cursor->next);

  kefu_store_value_set_int64 (&v[0], load->first_id + cursor->next);
  kefu_store_value_set_text (&v[1], load->references[cursor->next]);
  kefu_store_value_set_text (&v[2], _kefu_store_enum_to_nick (KEFU_TYPE_SHIPMENT_STEP, s->step));
  kefu_store_value_set_int64 (&v[3], s->customer_id);
  kefu_store_value_set_text (&v[4], s->customer_name);
  kefu_store_value_set_text (&v[5], s->customer_phone);
  kefu_store_value_set_text (&v[6], s->address);
  _kefu_bulk_set_id (&v[7], s->call_id);
  _kefu_bulk_set_id (&v[8], s->account_manager_id);
  kefu_store_value_set_text (&v[9], s->notes);
  _kefu_bulk_set_time (&v[10], s->requested_at, cursor->times[t++]);
  kefu_store_value_set_int64 (&v[11], s->requested_by);
  _kefu_bulk_set_time (&v[12], s->payment_confirmed_at, cursor->times[t++]);
  _kefu_bulk_set_id (&v[13], s->payment_confirmed_by);
  kefu_store_value_set_int64 (&v[14], s->payment_amount_fen);
  _kefu_bulk_set_time (&v[15], s->dispatch_issued_at, cursor->times[t++]);
  _kefu_bulk_set_id (&v[16], s->dispatch_issued_by);
  kefu_store_value_set_text (&v[17], s->dispatch_note_number);
  _kefu_bulk_set_time (&v[18], s->handed_over_at, cursor->times[t++]);
  _kefu_bulk_set_id (&v[19], s->handed_over_by);
  _kefu_bulk_set_time (&v[20], s->shipped_at, cursor->times[t++]);
  _kefu_bulk_set_id (&v[21], s->shipped_by);
  _kefu_bulk_set_id (&v[22], s->carrier_id);
  kefu_store_value_set_text (&v[23], s->waybill);
  set_date (&v[24], &s->ship_date, cursor->dates[0]);
  set_date (&v[25], &s->expected_arrival, cursor->dates[1]);
  _kefu_bulk_set_time (&v[26], s->delivered_at, cursor->times[t++]);
  _kefu_bulk_set_id (&v[27], s->delivered_by);
  _kefu_bulk_set_time (&v[28], s->received_at, cursor->times[t++]);
  _kefu_bulk_set_id (&v[29], s->received_by);
  kefu_store_value_set_text (&v[30], nick_or_null (KEFU_TYPE_RECEIPT_METHOD, s->receipt_method));
  kefu_store_value_set_text (&v[31], nick_or_null (KEFU_TYPE_SHIPMENT_EXCEPTION, s->exception));
  kefu_store_value_set_text (&v[32], s->exception_reason);
  _kefu_bulk_set_time (&v[33], s->exception_at, cursor->times[t++]);
  _kefu_bulk_set_id (&v[34], s->exception_by);
  kefu_store_value_set_text (&v[35], s->exception == KEFU_SHIPMENT_EXCEPTION_NONE ? NULL :
                             _kefu_store_enum_to_nick (KEFU_TYPE_SHIPMENT_STEP,
                                                       s->exception_from));
  kefu_store_value_set_text (&v[36], s->exception_resolution);
  _kefu_bulk_set_time (&v[37], s->cancelled_at, cursor->times[t++]);
  kefu_store_value_set_text (&v[38], s->cancel_reason);
  _kefu_bulk_set_time (&v[39], s->attention_at, cursor->times[t++]);
  kefu_store_value_set_int64 (&v[40], s->lines->len);
  kefu_store_value_set_int64 (&v[41], s->total_quantity);
  kefu_store_value_set_text (&v[42], s->first_product_name);
  kefu_store_value_set_int64 (&v[43], 1);
  kefu_store_value_set_text (&v[44], load->now);
  kefu_store_value_set_text (&v[45], load->now);

  cursor->next++;
  return TRUE;
}

static gboolean
next_line_row (gpointer        user_data,
               KefuStoreValue *v)
{
  Cursor *cursor = user_data;
  Load *load = cursor->load;
  KefuShipment *s = NULL;
  KefuShipmentLine *line;

  /* The next shipment that has a line left. */
  for (; cursor->next < load->records->len; cursor->next++, cursor->child = 0)
    {
      s = g_ptr_array_index (load->records, cursor->next);
      if (cursor->child < s->lines->len)
        break;
    }
  if (cursor->next >= load->records->len)
    return FALSE;
  line = g_ptr_array_index (s->lines, cursor->child);

  kefu_store_value_set_int64 (&v[0], load->first_child + cursor->n_rows);
  kefu_store_value_set_int64 (&v[1], load->first_id + cursor->next);
  kefu_store_value_set_int64 (&v[2], cursor->child);
  kefu_store_value_set_int64 (&v[3], line->product_id);
  kefu_store_value_set_text (&v[4], line->product_name);
  kefu_store_value_set_text (&v[5], line->serial);
  set_date (&v[6], &line->production_date, cursor->dates[0]);
  kefu_store_value_set_int64 (&v[7], line->quantity);
  kefu_store_value_set_text (&v[8], load->now);

  cursor->child++;
  cursor->n_rows++;
  return TRUE;
}

static gboolean
next_shipment_search_row (gpointer        user_data,
                          KefuStoreValue *v)
{
  Cursor *cursor = user_data;
  Load *load = cursor->load;
  KefuShipment *s;
  g_autoptr(GPtrArray) serials = g_ptr_array_new ();

  if (cursor->next >= load->records->len)
    return FALSE;
  s = g_ptr_array_index (load->records, cursor->next);
  for (guint i = 0; i < s->lines->len; i++)
    {
      KefuShipmentLine *line = g_ptr_array_index (s->lines, i);

      if (line->serial != NULL)
        g_ptr_array_add (serials, line->serial);
    }
  g_ptr_array_add (serials, NULL);

  g_free (cursor->scratch);
  {
    const char *fields[] = { load->references[cursor->next], s->customer_name, s->customer_phone,
                             s->waybill, s->dispatch_note_number };

    cursor->scratch = search_text (fields, G_N_ELEMENTS (fields),
                                   (const char *const *) serials->pdata);
  }
  kefu_store_value_set_int64 (&v[0], load->first_id + cursor->next);
  kefu_store_value_set_text (&v[1], cursor->scratch);

  cursor->next++;
  return TRUE;
}

/* Jobs */

/* The moment a generated job entered its step, from which an open step without a visit needs
 * someone (kefu_job_attention_at () decides the rest); NULL for a final step. */
static GDateTime *
job_step_entered_at (KefuServiceJob *j)
{
  switch (j->step)
    {
    case KEFU_JOB_STEP_REPORTED:
      return j->diagnosed_at != NULL ? j->diagnosed_at : j->reported_at;
    case KEFU_JOB_STEP_SUPPORT_REQUESTED:
      return j->support_requested_at;
    case KEFU_JOB_STEP_APPROVED:
      return j->approved_at;
    case KEFU_JOB_STEP_DISPATCHED:
      return j->dispatched_at;
    case KEFU_JOB_STEP_ON_TRIP:
      return j->departed_at;
    case KEFU_JOB_STEP_SENT_TO_FACTORY:
      return j->sent_to_factory_at;
    case KEFU_JOB_STEP_AT_FACTORY:
      return j->received_at_factory_at;
    case KEFU_JOB_STEP_REPAIRED:
      return j->repaired_at;
    case KEFU_JOB_STEP_SENT_BACK:
      return j->sent_back_at;
    case KEFU_JOB_STEP_COMPLETED:
    case KEFU_JOB_STEP_CANCELLED:
    default:
      return NULL;
    }
}

/* A completed job whose kind calls back, with its due time: its callback row. */
static gboolean
job_has_callback (KefuServiceJob *job)
{
  return job->step == KEFU_JOB_STEP_COMPLETED && job->callback_due_at != NULL &&
         kefu_job_kind_schedules_callback (job->kind);
}

/* The callback record `i` of the load schedules, with when it falls due and the event it
 * follows; FALSE when it schedules none. */
static gboolean
record_callback (Load       *load,
                 guint       i,
                 GDateTime **due,
                 GDateTime **after)
{
  if (load->jobs)
    {
      KefuServiceJob *job = g_ptr_array_index (load->records, i);

      *due = job->callback_due_at;
      *after = job->completed_at;
      return job_has_callback (job);
    }
  else
    {
      KefuShipment *shipment = g_ptr_array_index (load->records, i);

      *due = load->callbacks_due != NULL ? g_ptr_array_index (load->callbacks_due, i) : NULL;
      *after = shipment->received_at;
      return shipment->step == KEFU_SHIPMENT_STEP_RECEIVED && *due != NULL && *after != NULL;
    }
}

/* A job's after-service callback, or a received shipment's after-delivery callback. */
static gboolean
next_callback_row (gpointer        user_data,
                   KefuStoreValue *v)
{
  Cursor *cursor = user_data;
  Load *load = cursor->load;
  GDateTime *due = NULL, *after = NULL;
  gint64 customer_id = 0;
  const char *customer_name = NULL;
  gboolean done;

  for (; cursor->next < load->records->len; cursor->next++)
    if (record_callback (load, cursor->next, &due, &after))
      break;
  if (cursor->next >= load->records->len)
    return FALSE;
  if (load->jobs)
    {
      KefuServiceJob *job = g_ptr_array_index (load->records, cursor->next);

      customer_id = job->customer_id;
      customer_name = job->customer_name;
      job->callback_id = load->first_callback + cursor->n_rows;
    }
  else
    {
      KefuShipment *shipment = g_ptr_array_index (load->records, cursor->next);

      customer_id = shipment->customer_id;
      customer_name = shipment->customer_name;
    }

  kefu_store_value_set_int64 (&v[0], load->first_callback + cursor->n_rows);
  kefu_store_value_set_int64 (&v[1], customer_id);
  kefu_store_value_set_text (&v[2], customer_name);
  kefu_store_value_set_text (&v[3], _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_REASON,
                                                              load->jobs ?
                                                              KEFU_CALLBACK_REASON_AFTER_SERVICE :
                                                              KEFU_CALLBACK_REASON_AFTER_DELIVERY));
  kefu_store_value_set_text (&v[4], load->jobs ? "service-job" : "shipment");
  kefu_store_value_set_int64 (&v[5], load->first_id + cursor->next);
  _kefu_bulk_set_time (&v[6], due, cursor->times[0]);
  /* The history's callbacks were made when they fell due, reaching a satisfied customer (the
   * record schema step 5 keeps); those due later wait. Their deadline is their due time. */
  done = strcmp (cursor->times[0], load->now) < 0;
  kefu_store_value_set_text (&v[7], done ? "done" : "due");
  kefu_store_value_set_int64 (&v[8], 1);
  kefu_store_value_set_int64 (&v[9], load->actor);
  _kefu_bulk_set_time (&v[10], after, cursor->times[1]);
  kefu_store_value_set_text (&v[11], load->now);
  kefu_store_value_set_text (&v[12], cursor->times[0]);
  kefu_store_value_set_text (&v[13], "phone");
  if (done)
    {
      kefu_store_value_set_text (&v[14], "reached");
      kefu_store_value_set_text (&v[15], "satisfied");
      kefu_store_value_set_text (&v[16], cursor->times[0]);
      kefu_store_value_set_int64 (&v[17], load->actor);
    }
  else
    for (guint i = 14; i <= 17; i++)
      kefu_store_value_set_null (&v[i]);

  cursor->next++;
  cursor->n_rows++;
  return TRUE;
}

static gboolean
next_job_row (gpointer        user_data,
              KefuStoreValue *v)
{
  Cursor *cursor = user_data;
  Load *load = cursor->load;
  KefuServiceJob *j;
  g_autoptr(GDateTime) attention = NULL;
  guint t = 0;

  if (cursor->next >= load->records->len)
    return FALSE;
  j = g_ptr_array_index (load->records, cursor->next);
  /* The rule the job writes keep (kefu_job_attention_at ()). */
  attention = kefu_job_attention_at (j->step, &j->agreed_date, j->departed_at, j->travel_days,
                                     job_step_entered_at (j), load->tz);

  kefu_store_value_set_int64 (&v[0], load->first_id + cursor->next);
  kefu_store_value_set_text (&v[1], load->references[cursor->next]);
  kefu_store_value_set_text (&v[2], _kefu_store_enum_to_nick (KEFU_TYPE_JOB_KIND, j->kind));
  kefu_store_value_set_text (&v[3], _kefu_store_enum_to_nick (KEFU_TYPE_JOB_STEP, j->step));
  kefu_store_value_set_int64 (&v[4], j->customer_id);
  kefu_store_value_set_text (&v[5], j->customer_name);
  kefu_store_value_set_text (&v[6], j->customer_phone);
  kefu_store_value_set_text (&v[7], j->address);
  _kefu_bulk_set_id (&v[8], j->call_id);
  _kefu_bulk_set_id (&v[9], j->shipment_id);
  _kefu_bulk_set_id (&v[10], j->shipment_line_id);
  _kefu_bulk_set_id (&v[11], j->product_id);
  kefu_store_value_set_text (&v[12], j->product_name);
  kefu_store_value_set_text (&v[13], j->serial);
  kefu_store_value_set_int64 (&v[14], j->warranty_months);
  kefu_store_value_set_text (&v[15], _kefu_store_enum_to_nick (KEFU_TYPE_JOB_SOURCE, j->source));
  _kefu_bulk_set_id (&v[16], j->account_manager_id);
  _kefu_bulk_set_time (&v[17], j->reported_at, cursor->times[t++]);
  kefu_store_value_set_int64 (&v[18], j->reported_by);
  kefu_store_value_set_text (&v[19], j->symptoms);
  kefu_store_value_set_text (&v[20], j->phone_answer);
  _kefu_bulk_set_time (&v[21], j->diagnosed_at, cursor->times[t++]);
  _kefu_bulk_set_id (&v[22], j->diagnosed_by);
  kefu_store_value_set_text (&v[23], j->diagnosis);
  kefu_store_value_set_text (&v[24], _kefu_store_enum_to_nick (KEFU_TYPE_WARRANTY_STATE,
                                                               j->warranty));
  set_date (&v[25], &j->warranty_start, cursor->dates[0]);
  kefu_store_value_set_text (&v[26], j->warranty_reason);
  kefu_store_value_set_int64 (&v[27], j->fee_fen);
  kefu_store_value_set_boolean (&v[28], j->fee_agreed);
  _kefu_bulk_set_time (&v[29], j->fee_recorded_at, cursor->times[t++]);
  kefu_store_value_set_text (&v[30], j->fee_note);
  _kefu_bulk_set_time (&v[31], j->support_requested_at, cursor->times[t++]);
  _kefu_bulk_set_id (&v[32], j->support_requested_by);
  kefu_store_value_set_text (&v[33], j->support_purpose);
  _kefu_bulk_set_time (&v[34], j->approved_at, cursor->times[t++]);
  _kefu_bulk_set_id (&v[35], j->approved_by);
  kefu_store_value_set_text (&v[36], j->rejection_reason);
  _kefu_bulk_set_id (&v[37], j->technician_id);
  set_date (&v[38], &j->agreed_date, cursor->dates[1]);
  kefu_store_value_set_int64 (&v[39], j->travel_days);
  _kefu_bulk_set_time (&v[40], j->dispatched_at, cursor->times[t++]);
  _kefu_bulk_set_time (&v[41], j->departed_at, cursor->times[t++]);
  _kefu_bulk_set_time (&v[42], j->returned_at, cursor->times[t++]);
  kefu_store_value_set_int64 (&v[43], j->progress != NULL ? j->progress->len : 0);
  _kefu_bulk_set_id (&v[44], j->out_carrier_id);
  kefu_store_value_set_text (&v[45], j->out_waybill);
  _kefu_bulk_set_time (&v[46], j->sent_to_factory_at, cursor->times[t++]);
  _kefu_bulk_set_time (&v[47], j->received_at_factory_at, cursor->times[t++]);
  _kefu_bulk_set_time (&v[48], j->repaired_at, cursor->times[t++]);
  kefu_store_value_set_boolean (&v[49], j->replaced);
  kefu_store_value_set_text (&v[50], j->repair_note);
  _kefu_bulk_set_id (&v[51], j->back_carrier_id);
  kefu_store_value_set_text (&v[52], j->back_waybill);
  _kefu_bulk_set_time (&v[53], j->sent_back_at, cursor->times[t++]);
  _kefu_bulk_set_time (&v[54], j->customer_received_at, cursor->times[t++]);
  kefu_store_value_set_text (&v[55], j->work_done);
  kefu_store_value_set_text (&v[56], j->parts_used);
  kefu_store_value_set_boolean (&v[57], j->fixed);
  kefu_store_value_set_text (&v[58], j->result_note);
  kefu_store_value_set_text (&v[59], j->customer_comment);
  _kefu_bulk_set_time (&v[60], j->completed_at, cursor->times[t++]);
  _kefu_bulk_set_id (&v[61], j->completed_by);
  _kefu_bulk_set_id (&v[62], job_has_callback (j) ? j->callback_id : 0);
  _kefu_bulk_set_time (&v[63], job_has_callback (j) ? j->callback_due_at : NULL,
                       cursor->times[t++]);
  _kefu_bulk_set_time (&v[64], j->cancelled_at, cursor->times[t++]);
  kefu_store_value_set_text (&v[65], j->cancel_reason);
  _kefu_bulk_set_time (&v[66], attention, cursor->times[t++]);
  kefu_store_value_set_int64 (&v[67], 1);
  kefu_store_value_set_text (&v[68], load->now);
  kefu_store_value_set_text (&v[69], load->now);

  cursor->next++;
  return TRUE;
}

static gboolean
next_progress_row (gpointer        user_data,
                   KefuStoreValue *v)
{
  Cursor *cursor = user_data;
  Load *load = cursor->load;
  KefuServiceJob *j = NULL;
  KefuJobProgress *progress;

  for (; cursor->next < load->records->len; cursor->next++, cursor->child = 0)
    {
      j = g_ptr_array_index (load->records, cursor->next);
      if (j->progress != NULL && cursor->child < j->progress->len)
        break;
    }
  if (cursor->next >= load->records->len)
    return FALSE;
  progress = g_ptr_array_index (j->progress, cursor->child);

  kefu_store_value_set_int64 (&v[0], load->first_child + cursor->n_rows);
  kefu_store_value_set_int64 (&v[1], load->first_id + cursor->next);
  _kefu_bulk_set_time (&v[2], progress->reported_at, cursor->times[0]);
  kefu_store_value_set_int64 (&v[3], progress->reported_by);
  kefu_store_value_set_text (&v[4], progress->text);
  kefu_store_value_set_text (&v[5], cursor->times[0]);

  cursor->child++;
  cursor->n_rows++;
  return TRUE;
}

static gboolean
next_job_search_row (gpointer        user_data,
                     KefuStoreValue *v)
{
  Cursor *cursor = user_data;
  Load *load = cursor->load;
  KefuServiceJob *j;

  if (cursor->next >= load->records->len)
    return FALSE;
  j = g_ptr_array_index (load->records, cursor->next);
  g_free (cursor->scratch);
  /* As a job's write makes it (kefu-store-jobs-create.c). */
  cursor->scratch = _kefu_store_complaint_search_text (load->references[cursor->next],
                                                       j->customer_name, j->customer_phone,
                                                       j->serial, j->symptoms);
  kefu_store_value_set_int64 (&v[0], load->first_id + cursor->next);
  kefu_store_value_set_text (&v[1], cursor->scratch);

  cursor->next++;
  return TRUE;
}

/* The load */

typedef struct
{
  const char        *table;
  const char *const *columns;
  KefuStoreRowFunc   next_row;
  gboolean           sequence;  /* an identity column whose sequence follows (PostgreSQL) */
} Table;

static const Table shipment_tables[] = {
  { "shipments", shipment_columns, next_shipment_row, TRUE },
  { "shipment_lines", line_columns, next_line_row, TRUE },
  { "shipment_search", shipment_search_columns, next_shipment_search_row, FALSE },
  { "callbacks", callback_columns, next_callback_row, TRUE },
};
/* Callbacks first: a job names its callback. */
static const Table job_tables[] = {
  { "callbacks", callback_columns, next_callback_row, TRUE },
  { "service_jobs", job_columns, next_job_row, TRUE },
  { "job_progress", progress_columns, next_progress_row, TRUE },
  { "service_job_search", job_search_columns, next_job_search_row, FALSE },
};

/* The id after the highest of `table` (one of the names above, never user text). */
static gboolean
max_id (KefuStore     *self,
        const char    *table,
        gint64        *next,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COALESCE(MAX(id), 0) FROM %s", table);

  return _kefu_bulk_next_id (self, sql, next, cancellable, error);
}

/* The highest sequence number stored for references starting with `prefix` ("FH-20261127-"),
 * as the single writes read it: a range of the reference index compared byte by byte
 * (PostgreSQL: the pattern operators of *_reference_pattern), longest first. */
static gboolean
highest_sequence (KefuStore     *self,
                  Load          *load,
                  const char    *prefix,
                  guint64       *highest,
                  GCancellable  *cancellable,
                  GError       **error)
{
  const char *table = load->jobs ? "service_jobs" : "shipments";
  g_autofree char *end = g_strdup (prefix);
  g_autofree char *sql = NULL;
  g_autoptr(KefuRows) rows = NULL;
  guint64 sequence = 0;

  end[strlen (end) - 1] = '-' + 1;
  sql = load->backend == KEFU_STORE_BACKEND_POSTGRES ?
        g_strdup_printf ("SELECT reference FROM %s WHERE reference ~>=~ $1 AND reference ~<~ $2 "
                         "ORDER BY length(reference) DESC, reference USING ~>~ LIMIT 1", table) :
        g_strdup_printf ("SELECT reference FROM %s WHERE reference >= $1 AND reference < $2 "
                         "ORDER BY length(reference) DESC, reference DESC LIMIT 1", table);
  rows = _kefu_store_query (self, sql, g_variant_new ("(ss)", prefix, end), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) > 0)
    g_ascii_string_to_unsigned (kefu_rows_get_text (rows, 0, 0) + strlen (prefix), 10, 0,
                                KEFU_REFERENCE_SEQUENCE_MAX, &sequence, NULL);
  *highest = sequence;
  return TRUE;
}

static GDateTime *
record_time (Load  *load,
             guint  i)
{
  gpointer record = g_ptr_array_index (load->records, i);

  return load->jobs ? ((KefuServiceJob *) record)->reported_at
                    : ((KefuShipment *) record)->requested_at;
}

/* Every record's reference: per local day, in the order of the load, after the day's stored
 * numbers. */
static gboolean
assign_references (KefuStore     *self,
                   Load          *load,
                   GCancellable  *cancellable,
                   GError       **error)
{
  const char *kind = load->jobs ? "SH" : "FH";
  char prefix[24] = "";
  guint64 next = 0;

  for (guint i = 0; i < load->records->len; i++)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (record_time (load, i), load->tz);
      char day_prefix[24];

      g_snprintf (day_prefix, sizeof day_prefix, "%s-%04d%02d%02d-", kind,
                  g_date_time_get_year (local), g_date_time_get_month (local),
                  g_date_time_get_day_of_month (local));
      /* The load comes in time order: a new day starts a new count. */
      if (strcmp (day_prefix, prefix) != 0)
        {
          guint64 highest = 0;

          memcpy (prefix, day_prefix, sizeof prefix);
          if (!highest_sequence (self, load, prefix, &highest, cancellable, error))
            return FALSE;
          next = highest + 1;
        }
      if (next > KEFU_REFERENCE_SEQUENCE_MAX)
        {
          _kefu_bulk_set_invalid (error, _("No reference number is left on one of the days of "
                                           "the load. Nothing was loaded."));
          return FALSE;
        }
      g_snprintf (load->references[i], sizeof load->references[i], "%s%04" G_GUINT64_FORMAT,
                  prefix, next++);
    }
  return TRUE;
}

/* What the store checks of each record: what the schema would refuse less helpfully. */
static gboolean
check_records (Load    *load,
               GError **error)
{
  GDateTime *last = NULL;

  for (guint i = 0; i < load->records->len; i++)
    {
      gpointer record = g_ptr_array_index (load->records, i);
      GDateTime *at = record_time (load, i);
      const char *customer = load->jobs ? ((KefuServiceJob *) record)->customer_name
                                        : ((KefuShipment *) record)->customer_name;
      const char *problem = NULL;

      if (at == NULL || customer == NULL)
        problem = _("A record has no request time or no customer.");
      else if (last != NULL && g_date_time_compare (at, last) < 0)
        problem = _("The records are not in the order of their request times.");
      else if (!load->jobs && (((KefuShipment *) record)->lines == NULL ||
                               ((KefuShipment *) record)->lines->len == 0))
        problem = _("A shipment has no lines.");
      if (problem != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Record %u of %u: %s Nothing was "
                                                        "loaded."), i + 1, load->records->len,
                                                      problem);

          _kefu_bulk_set_invalid (error, message);
          return FALSE;
        }
      last = at;
    }
  return TRUE;
}

static gboolean
bulk_txn (KefuStore     *self,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Load *load = data;
  const Table *tables = load->jobs ? job_tables : shipment_tables;
  guint n_tables = load->jobs ? G_N_ELEMENTS (job_tables) : G_N_ELEMENTS (shipment_tables);
  g_autofree char *details = NULL;
  g_autofree char *now = _kefu_store_now_text (self);

  g_strlcpy (load->now, now, sizeof load->now);
  load->actor = _kefu_store_get_txn_actor (self);
  /* Single writes wait (their inserts need ROW EXCLUSIVE), so that no id or reference is taken
   * twice; readers go on. */
  if (load->backend == KEFU_STORE_BACKEND_POSTGRES &&
      _kefu_store_execute (self, load->jobs ?
                           "LOCK TABLE callbacks, service_jobs, job_progress, service_job_search "
                           "IN SHARE ROW EXCLUSIVE MODE" :
                           "LOCK TABLE shipments, shipment_lines, shipment_search, callbacks "
                           "IN SHARE ROW EXCLUSIVE MODE", NULL, cancellable, error) < 0)
    return FALSE;

  if (!max_id (self, load->jobs ? "service_jobs" : "shipments", &load->first_id, cancellable,
               error) ||
      !max_id (self, load->jobs ? "job_progress" : "shipment_lines", &load->first_child,
               cancellable, error) ||
      !max_id (self, "callbacks", &load->first_callback, cancellable, error) ||
      !assign_references (self, load, cancellable, error))
    return FALSE;

  for (guint t = 0; t < n_tables; t++)
    {
      Cursor cursor = { .load = load };
      gboolean ok = _kefu_store_bulk_insert_rows (self, tables[t].table, tables[t].columns,
                                                  tables[t].next_row, &cursor, cancellable, error);

      g_free (cursor.scratch);
      if (!ok)
        {
          _kefu_store_rename_duplicate (error, _("Some of these records already have their "
                                                 "reference numbers. Nothing was loaded."));
          return FALSE;
        }
      if (g_str_equal (tables[t].table, "callbacks"))
        load->n_callbacks = cursor.n_rows;
      else if (tables[t].next_row == next_line_row || tables[t].next_row == next_progress_row)
        load->n_children = cursor.n_rows;
      if (load->backend == KEFU_STORE_BACKEND_POSTGRES && tables[t].sequence)
        {
          g_autofree char *after = g_strdup_printf ("SELECT setval(pg_get_serial_sequence('%s', "
                                                    "'id'), (SELECT COALESCE(MAX(id), 1) FROM "
                                                    "%s))", tables[t].table, tables[t].table);

          if (_kefu_store_execute (self, after, NULL, cancellable, error) < 0)
            return FALSE;
        }
    }

  details = g_strdup_printf ("{\"count\":%u,\"first_id\":%" G_GINT64_FORMAT ",\"last_id\":%"
                             G_GINT64_FORMAT ",\"%s\":%u,\"callbacks\":%u}", load->records->len,
                             load->first_id, load->first_id + load->records->len - 1,
                             load->jobs ? "progress" : "lines", load->n_children,
                             load->n_callbacks);
  return _kefu_store_add_event (self, load->jobs ? "service-jobs" : "shipments", 0,
                                "bulk-insert", details, cancellable, error);
}

/* After the commit: the ids and references onto the records. */
static void
apply_to_records (Load *load)
{
  g_autoptr(GDateTime) stored = kefu_time_from_db (load->now);
  gint64 child = load->first_child;

  for (guint i = 0; i < load->records->len; i++)
    {
      if (load->jobs)
        {
          KefuServiceJob *j = g_ptr_array_index (load->records, i);

          j->id = load->first_id + i;
          j->version = 1;
          g_free (j->reference);
          j->reference = g_strdup (load->references[i]);
          g_clear_pointer (&j->updated_at, g_date_time_unref);
          j->updated_at = g_date_time_ref (stored);
          for (guint p = 0; j->progress != NULL && p < j->progress->len; p++)
            ((KefuJobProgress *) g_ptr_array_index (j->progress, p))->id = child++;
          if (!job_has_callback (j))
            j->callback_id = 0;
        }
      else
        {
          KefuShipment *s = g_ptr_array_index (load->records, i);

          s->id = load->first_id + i;
          s->version = 1;
          g_free (s->reference);
          s->reference = g_strdup (load->references[i]);
          s->n_lines = s->lines->len;
          g_clear_pointer (&s->updated_at, g_date_time_unref);
          s->updated_at = g_date_time_ref (stored);
          for (guint l = 0; l < s->lines->len; l++)
            ((KefuShipmentLine *) g_ptr_array_index (s->lines, l))->id = child++;
        }
    }
}

static gboolean
insert_bulk (KefuStore     *self,
             GPtrArray     *records,
             GPtrArray     *callbacks_due,
             gboolean       jobs,
             GCancellable  *cancellable,
             GError       **error)
{
  Load load = { .records = records, .callbacks_due = callbacks_due, .jobs = jobs };
  gboolean ok;

  if (records->len == 0)
    return TRUE;
  load.backend = kefu_store_get_backend (self);
  if (!check_records (&load, error))
    return FALSE;
  load.tz = g_time_zone_new_local ();
  load.references = g_malloc0_n (records->len, sizeof *load.references);
  ok = _kefu_store_write (self, bulk_txn, &load, cancellable, error);
  if (ok)
    apply_to_records (&load);
  g_free (load.references);
  g_time_zone_unref (load.tz);
  return ok;
}

/**
 * kefu_store_insert_shipments_bulk:
 * @shipments: (element-type KefuShipment): new shipments with their lines, oldest first
 * @callbacks_due: (element-type GDateTime) (nullable): when each received shipment's
 *   after-delivery callback falls due (NULL entries: none)
 *
 * See kefu-store-aftersales-bulk.h.
 *
 * Returns: %TRUE on success; on an error nothing was stored and the records are unchanged
 */
gboolean
kefu_store_insert_shipments_bulk (KefuStore     *self,
                                  GPtrArray     *shipments,
                                  GPtrArray     *callbacks_due,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (shipments != NULL, FALSE);
  g_return_val_if_fail (callbacks_due == NULL || callbacks_due->len == shipments->len, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return insert_bulk (self, shipments, callbacks_due, FALSE, cancellable, error);
}

/**
 * kefu_store_insert_jobs_bulk:
 * @jobs: (element-type KefuServiceJob): new service jobs with their progress, oldest first
 *
 * See kefu-store-aftersales-bulk.h.
 *
 * Returns: %TRUE on success; on an error nothing was stored and the records are unchanged
 */
gboolean
kefu_store_insert_jobs_bulk (KefuStore     *self,
                             GPtrArray     *jobs,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (jobs != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return insert_bulk (self, jobs, NULL, TRUE, cancellable, error);
}
