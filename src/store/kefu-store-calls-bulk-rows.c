/* kefu-store-calls-bulk-rows.c: the rows of a bulk load of calls, given to the backend's bulk
 * path one at a time straight from the records (no GVariant or copy per row), table by table in
 * the order of their foreign keys.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kefu-store-calls-bulk-private.h"
#include "kefu-store-complaints-private.h"

static const char *
nick_or_null (GType type,
              int   value)
{
  /* Every hotline enum stores its first value ("unspecified") as NULL. */
  return value == 0 ? NULL : _kefu_store_enum_to_nick (type, value);
}

static const char *const call_columns[] = {
  "id", "reference", "kind", "customer_id", "caller_name", "address", "phone", "clerk_id",
  "received_at", "notes", "summary", "version", "created_at", "updated_at", NULL
};
static const char *const inquiry_columns[] = {
  "id", "call_id", "topics", "answer", "potential_order", "version", "created_at", "updated_at",
  NULL
};
static const char *const lead_columns[] = {
  "id", "inquiry_id", "state", "order_call_id", "closed_at", "closed_by", "note", "version",
  "created_at", "updated_at", NULL
};
static const char *const order_columns[] = {
  "id", "call_id", "channel", "delivery_address", "district", "total_fen", "handover_date",
  "handover_state", "handed_to_id", "handed_over_at", "handed_over_by", "out_of_area",
  "area_notified_at", "area_notified_by", "area_note", "lead_id", "version", "created_at",
  "updated_at", NULL
};
static const char *const line_columns[] = {
  "id", "order_id", "position", "product_id", "product_name", "spec", "quantity",
  "unit_price_fen", NULL
};
static const char *const complaint_columns[] = {
  "id", "call_id", "owner_id", "subject", "reason", "well_founded", "explanation", "category",
  "symptom", "purchase_method", "purchase_place", "batch_number", "production_date",
  "product_id", "service_issue", "staff_identity", "work_place", "work_manner", "harmed",
  "urgent", "stage", "version", "created_at", "updated_at",
  /* Schema step 3. */
  "stage_since", "due_kind", "due_at", "escalation_level", "escalated_at", "routed_at",
  "acknowledged_at", "resolved_at", "called_back_at", "closed_at", "resolution", "satisfaction",
  "customer_words", "batch_key",
  /* The call's columns the list view sorts and searches by, on the complaint. */
  "received_at", "reference", "caller_name", "phone", "customer_id",
  /* Schema step 13. */
  "resolve_due_at", NULL
};
static const char *const search_columns[] = { "complaint_id", "search_text", NULL };
static const char *const route_columns[] = {
  "id", "complaint_id", "department_id", "role", "created_at", "acknowledged_at",
  "acknowledged_by", NULL
};
static const char *const visit_columns[] = {
  "id", "complaint_id", "visitors", "visited_at", "outcome", "recorded_by", "created_at", NULL
};
static const char *const alert_columns[] = {
  "id", "product_id", "batch_key", "batch_number", "complaint_count", "first_at", "flagged_at",
  "flagged_complaint_id", "acknowledged_at", "acknowledged_by", "note", "version", "created_at",
  NULL
};

/* Where the row functions are in the load. Text a row function makes must stay valid until it
 * is called again: it lives in `scratch`. */
typedef struct
{
  KefuBulkLoad  *load;
  guint          next;      /* the next call, order, complaint … */
  guint          line;      /* the next line of the current order */
  guint          n_rows;    /* rows given so far (the line ids) */
  gint64         actor;
  char           times[2][32];
  char           date[16];
  char          *scratch;
} KefuBulkCursor;

void
_kefu_bulk_set_id (KefuStoreValue *value,
                   gint64          id)
{
  if (id > 0)
    kefu_store_value_set_int64 (value, id);
  else
    kefu_store_value_set_null (value);
}

void
_kefu_bulk_set_time (KefuStoreValue *value,
                     GDateTime      *time,
                     char            buffer[32])
{
  if (time == NULL)
    {
      kefu_store_value_set_null (value);
      return;
    }
  _kefu_bulk_time_to_text (time, buffer);
  kefu_store_value_set_text (value, buffer);
}

static gboolean
next_call_row (gpointer        user_data,
               KefuStoreValue *values)
{
  KefuBulkCursor *cursor = user_data;
  KefuBulkLoad *load = cursor->load;
  KefuBulkCall *c;

  if (cursor->next >= load->n_calls)
    return FALSE;
  c = &load->calls[cursor->next];

  kefu_store_value_set_int64 (&values[0], load->first_call + cursor->next);
  kefu_store_value_set_text (&values[1], c->reference);
  kefu_store_value_set_text (&values[2], _kefu_store_enum_to_nick (KEFU_TYPE_CALL_KIND, c->kind));
  kefu_store_value_set_int64 (&values[3], kefu_call_get_customer_id (c->call));
  kefu_store_value_set_text (&values[4], kefu_call_get_caller_name (c->call));
  kefu_store_value_set_text (&values[5], _kefu_store_nullable (kefu_call_get_address (c->call)));
  kefu_store_value_set_text (&values[6], c->phone);
  kefu_store_value_set_int64 (&values[7], kefu_call_get_clerk_id (c->call));
  kefu_store_value_set_text (&values[8], c->received);
  kefu_store_value_set_text (&values[9], _kefu_store_nullable (kefu_call_get_notes (c->call)));
  kefu_store_value_set_text (&values[10], c->summary);
  kefu_store_value_set_int64 (&values[11], 1);
  kefu_store_value_set_text (&values[12], load->now);
  kefu_store_value_set_text (&values[13], load->now);

  cursor->next++;
  return TRUE;
}

static gboolean
next_inquiry_row (gpointer        user_data,
                  KefuStoreValue *values)
{
  KefuBulkCursor *cursor = user_data;
  KefuBulkLoad *load = cursor->load;
  guint index;
  KefuInquiry *inquiry;

  if (cursor->next >= load->inquiries->len)
    return FALSE;
  index = g_array_index (load->inquiries, guint, cursor->next);
  inquiry = kefu_call_get_inquiry (load->calls[index].call);

  g_free (cursor->scratch);
  cursor->scratch = _kefu_store_topics_to_text (kefu_inquiry_get_topics (inquiry));

  kefu_store_value_set_int64 (&values[0], load->first_inquiry + cursor->next);
  kefu_store_value_set_int64 (&values[1], load->first_call + index);
  kefu_store_value_set_text (&values[2], cursor->scratch);
  kefu_store_value_set_text (&values[3], kefu_inquiry_get_answer (inquiry));
  kefu_store_value_set_boolean (&values[4], kefu_inquiry_get_potential_order (inquiry));
  kefu_store_value_set_int64 (&values[5], 1);
  kefu_store_value_set_text (&values[6], load->now);
  kefu_store_value_set_text (&values[7], load->now);

  cursor->next++;
  return TRUE;
}

static const char *
lead_state_nick (KefuLeadState state)
{
  switch (state)
    {
    case KEFU_LEAD_STATE_CONVERTED:
      return KEFU_LEAD_CONVERTED;
    case KEFU_LEAD_STATE_DROPPED:
      return KEFU_LEAD_DROPPED;
    case KEFU_LEAD_STATE_OPEN:
    default:
      return KEFU_LEAD_OPEN;
    }
}

static gboolean
next_lead_row (gpointer        user_data,
               KefuStoreValue *values)
{
  KefuBulkCursor *cursor = user_data;
  KefuBulkLoad *load = cursor->load;
  KefuBulkLead *lead;

  if (cursor->next >= load->leads->len)
    return FALSE;
  lead = &g_array_index (load->leads, KefuBulkLead, cursor->next);

  kefu_store_value_set_int64 (&values[0], load->first_lead + cursor->next);
  kefu_store_value_set_int64 (&values[1], load->first_inquiry + load->calls[lead->call].detail);
  kefu_store_value_set_text (&values[2], lead_state_nick (lead->state));
  _kefu_bulk_set_id (&values[3], lead->order >= 0 ? load->first_call + lead->order : 0);
  kefu_store_value_set_text (&values[4], lead->closed_at[0] != '\0' ? lead->closed_at : NULL);
  _kefu_bulk_set_id (&values[5], lead->closed_by);
  kefu_store_value_set_text (&values[6], lead->note);
  kefu_store_value_set_int64 (&values[7], 1);
  kefu_store_value_set_text (&values[8], load->now);
  kefu_store_value_set_text (&values[9], load->now);

  cursor->next++;
  return TRUE;
}

/* The lead an order converts: one of this load, or one stored before (the order's lead id). */
gint64
_kefu_bulk_order_lead_id (KefuBulkLoad *load,
                          KefuBulkCall *c)
{
  if (c->converts >= 0)
    return load->first_lead + c->converts;
  return kefu_order_get_lead_id (kefu_call_get_order (c->call));
}

static gboolean
next_order_row (gpointer        user_data,
                KefuStoreValue *values)
{
  KefuBulkCursor *cursor = user_data;
  KefuBulkLoad *load = cursor->load;
  guint index;
  KefuBulkCall *c;
  KefuOrder *order;
  gboolean handed_over;

  if (cursor->next >= load->orders->len)
    return FALSE;
  index = g_array_index (load->orders, guint, cursor->next);
  c = &load->calls[index];
  order = kefu_call_get_order (c->call);
  handed_over = kefu_order_get_handover_state (order) == KEFU_HANDOVER_STATE_HANDED_OVER;

  kefu_store_value_set_int64 (&values[0], load->first_order + cursor->next);
  kefu_store_value_set_int64 (&values[1], load->first_call + index);
  kefu_store_value_set_text (&values[2], _kefu_store_enum_to_nick (KEFU_TYPE_CHANNEL,
                                                                   kefu_order_get_channel (order)));
  kefu_store_value_set_text (&values[3], c->delivery_address);
  kefu_store_value_set_text (&values[4], _kefu_store_nullable (c->district));
  kefu_store_value_set_int64 (&values[5], kefu_order_get_total (order));
  kefu_store_value_set_text (&values[6], c->handover_date);
  kefu_store_value_set_text (&values[7], handed_over ? KEFU_HANDOVER_HANDED_OVER
                                                     : KEFU_HANDOVER_WAITING);
  _kefu_bulk_set_id (&values[8], handed_over ? kefu_order_get_handed_to_id (order) : 0);
  if (handed_over)
    _kefu_bulk_set_time (&values[9], kefu_order_get_handed_over_at (order), cursor->times[0]);
  else
    kefu_store_value_set_null (&values[9]);
  /* The record has no "handed over by": the load's actor recorded the hand-over. */
  _kefu_bulk_set_id (&values[10], handed_over ? cursor->actor : 0);
  kefu_store_value_set_boolean (&values[11], c->out_of_area);
  _kefu_bulk_set_time (&values[12], kefu_order_get_area_notified_at (order), cursor->times[1]);
  _kefu_bulk_set_id (&values[13], kefu_order_get_area_notified_at (order) != NULL ?
                                kefu_order_get_area_notified_by_id (order) : 0);
  kefu_store_value_set_text (&values[14], kefu_order_get_area_notified_at (order) != NULL ?
                                          _kefu_store_nullable (kefu_order_get_area_note (order)) :
                                          NULL);
  _kefu_bulk_set_id (&values[15], _kefu_bulk_order_lead_id (load, c));
  kefu_store_value_set_int64 (&values[16], 1);
  kefu_store_value_set_text (&values[17], load->now);
  kefu_store_value_set_text (&values[18], load->now);

  cursor->next++;
  return TRUE;
}

static gboolean
next_line_row (gpointer        user_data,
               KefuStoreValue *values)
{
  KefuBulkCursor *cursor = user_data;
  KefuBulkLoad *load = cursor->load;
  g_autoptr(KefuOrderLine) line = NULL;
  GListModel *lines = NULL;

  /* The next order that has a line left. */
  while (cursor->next < load->orders->len)
    {
      guint index = g_array_index (load->orders, guint, cursor->next);

      lines = G_LIST_MODEL (kefu_order_get_lines (kefu_call_get_order (load->calls[index].call)));
      if (cursor->line < g_list_model_get_n_items (lines))
        break;
      cursor->next++;
      cursor->line = 0;
    }
  if (cursor->next >= load->orders->len)
    return FALSE;

  /* The order holds the line, so its text stays valid after this reference is dropped. */
  line = g_list_model_get_item (lines, cursor->line);

  kefu_store_value_set_int64 (&values[0], load->first_line + cursor->n_rows);
  kefu_store_value_set_int64 (&values[1], load->first_order + cursor->next);
  kefu_store_value_set_int64 (&values[2], cursor->line);
  _kefu_bulk_set_id (&values[3], kefu_order_line_get_product_id (line));
  kefu_store_value_set_text (&values[4], kefu_order_line_get_product_name (line));
  kefu_store_value_set_text (&values[5], _kefu_store_nullable (kefu_order_line_get_spec (line)));
  kefu_store_value_set_int64 (&values[6], kefu_order_line_get_quantity (line));
  kefu_store_value_set_int64 (&values[7], kefu_order_line_get_unit_price (line));

  cursor->line++;
  cursor->n_rows++;
  return TRUE;
}

static void
set_optional_text (KefuStoreValue *value,
                   const char     *text)
{
  kefu_store_value_set_text (value, text != NULL && text[0] != '\0' ? text : NULL);
}

static KefuBulkProgress *
call_progress (KefuBulkLoad *load,
               KefuBulkCall *c)
{
  return c->progress > 0 ? &g_array_index (load->progress, KefuBulkProgress, c->progress - 1)
                         : NULL;
}

/* The step-3 columns of a complaint: from what happened to it when the load says, else as the
 * migration to step 3 fills complaints stored before it (no deadline yet: the first deadline
 * check computes it). */
static void
set_progress_values (KefuBulkLoad   *load,
                     KefuBulkCall   *c,
                     KefuStoreValue *values)
{
  KefuBulkProgress *p = call_progress (load, c);
  gboolean routed = c->stage != KEFU_COMPLAINT_STAGE_NEW &&
                    c->stage != KEFU_COMPLAINT_STAGE_EXPLAINED;
  gboolean closed = c->stage == KEFU_COMPLAINT_STAGE_CLOSED ||
                    c->stage == KEFU_COMPLAINT_STAGE_EXPLAINED;

  if (p == NULL)
    {
      kefu_store_value_set_text (&values[0], c->received);
      kefu_store_value_set_null (&values[1]);
      kefu_store_value_set_null (&values[2]);
      kefu_store_value_set_int64 (&values[3], 0);
      kefu_store_value_set_null (&values[4]);
      kefu_store_value_set_text (&values[5], routed ? c->received : NULL);
      for (guint i = 6; i < 9; i++)
        kefu_store_value_set_null (&values[i]);
      kefu_store_value_set_text (&values[9], closed ? c->received : NULL);
      for (guint i = 10; i < 13; i++)
        kefu_store_value_set_null (&values[i]);
    }
  else
    {
      kefu_store_value_set_text (&values[0], p->stage_since);
      kefu_store_value_set_text (&values[1], nick_or_null (KEFU_TYPE_COMPLAINT_DEADLINE,
                                                           p->due_kind));
      set_optional_text (&values[2], p->due_at);
      kefu_store_value_set_int64 (&values[3], p->escalation_level);
      set_optional_text (&values[4], p->escalated_at);
      set_optional_text (&values[5], p->routed_at);
      set_optional_text (&values[6], p->acknowledged_at);
      set_optional_text (&values[7], p->resolved_at);
      set_optional_text (&values[8], p->called_back_at);
      set_optional_text (&values[9], p->closed_at);
      set_optional_text (&values[10], p->resolution);
      kefu_store_value_set_text (&values[11], nick_or_null (KEFU_TYPE_SATISFACTION,
                                                            p->satisfaction));
      set_optional_text (&values[12], p->customer_words);
    }
  kefu_store_value_set_text (&values[13], c->batch_key);
}

static gboolean
next_complaint_row (gpointer        user_data,
                    KefuStoreValue *values)
{
  KefuBulkCursor *cursor = user_data;
  KefuBulkLoad *load = cursor->load;
  guint index;
  KefuBulkCall *c;
  KefuComplaint *complaint;
  gboolean well_founded, product, service;
  KefuComplaintCategory category;
  const GDate *production_date;

  if (cursor->next >= load->complaints->len)
    return FALSE;
  index = g_array_index (load->complaints, guint, cursor->next);
  c = &load->calls[index];
  complaint = kefu_call_get_complaint (c->call);

  /* As a save: only the fields of the complaint's category are kept, and a complaint that is
   * not well founded has no category, only the explanation given to the customer. */
  well_founded = kefu_complaint_get_well_founded (complaint);
  category = well_founded ? kefu_complaint_get_category (complaint)
                          : KEFU_COMPLAINT_CATEGORY_UNSPECIFIED;
  product = category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY;
  service = category == KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY;
  production_date = product ? kefu_complaint_get_production_date (complaint) : NULL;

  kefu_store_value_set_int64 (&values[0], load->first_complaint + cursor->next);
  kefu_store_value_set_int64 (&values[1], load->first_call + index);
  /* Whoever takes the call owns the complaint to the end (谁先接待谁负责到底). */
  kefu_store_value_set_int64 (&values[2], kefu_call_get_clerk_id (c->call));
  kefu_store_value_set_text (&values[3], kefu_complaint_get_subject (complaint));
  kefu_store_value_set_text (&values[4], kefu_complaint_get_reason (complaint));
  kefu_store_value_set_boolean (&values[5], well_founded);
  kefu_store_value_set_text (&values[6], well_founded ? NULL :
                             _kefu_store_nullable (kefu_complaint_get_explanation (complaint)));
  kefu_store_value_set_text (&values[7], nick_or_null (KEFU_TYPE_COMPLAINT_CATEGORY, category));
  kefu_store_value_set_text (&values[8], product ?
                             nick_or_null (KEFU_TYPE_PRODUCT_SYMPTOM,
                                           kefu_complaint_get_symptom (complaint)) : NULL);
  kefu_store_value_set_text (&values[9], product ?
                             _kefu_store_nullable (kefu_complaint_get_purchase_method (complaint)) :
                             NULL);
  kefu_store_value_set_text (&values[10], product ?
                             _kefu_store_nullable (kefu_complaint_get_purchase_place (complaint)) :
                             NULL);
  kefu_store_value_set_text (&values[11], product ? _kefu_store_nullable (c->batch_number) : NULL);
  if (production_date != NULL && g_date_valid (production_date))
    {
      _kefu_bulk_date_to_text (production_date, cursor->date);
      kefu_store_value_set_text (&values[12], cursor->date);
    }
  else
    kefu_store_value_set_null (&values[12]);
  _kefu_bulk_set_id (&values[13], product ? kefu_complaint_get_product_id (complaint) : 0);
  kefu_store_value_set_text (&values[14], service ?
                             nick_or_null (KEFU_TYPE_SERVICE_ISSUE,
                                           kefu_complaint_get_service_issue (complaint)) : NULL);
  kefu_store_value_set_text (&values[15], service ?
                             _kefu_store_nullable (kefu_complaint_get_staff_identity (complaint)) :
                             NULL);
  kefu_store_value_set_text (&values[16], service ?
                             _kefu_store_nullable (kefu_complaint_get_work_place (complaint)) :
                             NULL);
  kefu_store_value_set_text (&values[17], service ?
                             _kefu_store_nullable (kefu_complaint_get_work_manner (complaint)) :
                             NULL);
  kefu_store_value_set_boolean (&values[18], kefu_complaint_get_harmed (complaint));
  /* Harmed or hospitalised is the most urgent case of all. */
  kefu_store_value_set_boolean (&values[19], kefu_complaint_get_harmed (complaint) ||
                                             kefu_complaint_get_urgent (complaint));
  kefu_store_value_set_text (&values[20], _kefu_store_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE,
                                                                    c->stage));
  kefu_store_value_set_int64 (&values[21], 1);
  kefu_store_value_set_text (&values[22], load->now);
  kefu_store_value_set_text (&values[23], load->now);
  set_progress_values (load, c, &values[24]);
  kefu_store_value_set_text (&values[38], c->received);
  kefu_store_value_set_text (&values[39], c->reference);
  kefu_store_value_set_text (&values[40], kefu_call_get_caller_name (c->call));
  kefu_store_value_set_text (&values[41], c->phone);
  kefu_store_value_set_int64 (&values[42], kefu_call_get_customer_id (c->call));
  {
    KefuBulkProgress *p = call_progress (load, c);

    set_optional_text (&values[43], p != NULL ? p->resolve_due_at : "");
  }

  cursor->next++;
  return TRUE;
}

/* What the text filter looks in, one row per complaint (complaint_search). */
static gboolean
next_search_row (gpointer        user_data,
                 KefuStoreValue *values)
{
  KefuBulkCursor *cursor = user_data;
  KefuBulkLoad *load = cursor->load;
  KefuBulkCall *c;
  KefuComplaint *complaint;

  if (cursor->next >= load->complaints->len)
    return FALSE;
  c = &load->calls[g_array_index (load->complaints, guint, cursor->next)];
  complaint = kefu_call_get_complaint (c->call);

  g_free (cursor->scratch);
  cursor->scratch = _kefu_store_complaint_search_text (c->reference,
                                                       kefu_call_get_caller_name (c->call),
                                                       c->phone, c->batch_key,
                                                       kefu_complaint_get_reason (complaint));
  kefu_store_value_set_int64 (&values[0], load->first_complaint + cursor->next);
  kefu_store_value_set_text (&values[1], cursor->scratch);

  cursor->next++;
  return TRUE;
}

static gboolean
next_route_row (gpointer        user_data,
                KefuStoreValue *values)
{
  KefuBulkCursor *cursor = user_data;
  KefuBulkLoad *load = cursor->load;
  KefuBulkRoute *route;

  if (cursor->n_rows >= load->routes->len)
    return FALSE;
  route = &g_array_index (load->routes, KefuBulkRoute, cursor->n_rows);

  /* The complaint whose routes this row is among. */
  while (g_array_index (load->route_ends, guint, cursor->next) <= cursor->n_rows)
    cursor->next++;

  kefu_store_value_set_int64 (&values[0], load->first_route + cursor->n_rows);
  kefu_store_value_set_int64 (&values[1], load->first_complaint + cursor->next);
  kefu_store_value_set_int64 (&values[2], route->department_id);
  kefu_store_value_set_text (&values[3], _kefu_store_enum_to_nick (KEFU_TYPE_ROLE, route->role));
  kefu_store_value_set_text (&values[4], load->now);

  /* The first department acknowledged the complaint when it went in progress. */
  {
    KefuBulkCall *c = &load->calls[g_array_index (load->complaints, guint, cursor->next)];
    KefuBulkProgress *p = call_progress (load, c);
    guint first = cursor->next > 0 ? g_array_index (load->route_ends, guint, cursor->next - 1)
                                   : 0;

    if (p != NULL && p->acknowledged_at[0] != '\0' && cursor->n_rows == first)
      {
        kefu_store_value_set_text (&values[5], p->acknowledged_at);
        _kefu_bulk_set_id (&values[6], p->acknowledged_by > 0 ? p->acknowledged_by
                                                             : route->member_id);
      }
    else
      {
        kefu_store_value_set_null (&values[5]);
        kefu_store_value_set_null (&values[6]);
      }
  }

  cursor->n_rows++;
  return TRUE;
}

static gboolean
next_visit_row (gpointer        user_data,
                KefuStoreValue *values)
{
  KefuBulkCursor *cursor = user_data;
  KefuBulkLoad *load = cursor->load;
  KefuBulkProgress *p = NULL;

  /* The next complaint with a visit. */
  for (; cursor->next < load->complaints->len; cursor->next++)
    {
      p = call_progress (load, &load->calls[g_array_index (load->complaints, guint,
                                                           cursor->next)]);
      if (p != NULL && p->visitors != NULL)
        break;
    }
  if (cursor->next >= load->complaints->len)
    return FALSE;

  kefu_store_value_set_int64 (&values[0], load->first_visit + cursor->n_rows);
  kefu_store_value_set_int64 (&values[1], load->first_complaint + cursor->next);
  kefu_store_value_set_text (&values[2], p->visitors);
  kefu_store_value_set_text (&values[3], p->visited_at);
  kefu_store_value_set_text (&values[4], p->visit_outcome);
  kefu_store_value_set_int64 (&values[5], p->visit_recorded_by);
  kefu_store_value_set_text (&values[6], p->visited_at);

  cursor->next++;
  cursor->n_rows++;
  return TRUE;
}

static gboolean
next_alert_row (gpointer        user_data,
                KefuStoreValue *values)
{
  KefuBulkCursor *cursor = user_data;
  KefuBulkLoad *load = cursor->load;
  KefuBulkAlert *alert;
  KefuBulkCall *c;

  if (cursor->next >= load->alerts->len)
    return FALSE;
  alert = &g_array_index (load->alerts, KefuBulkAlert, cursor->next);
  c = &load->calls[alert->call];

  kefu_store_value_set_int64 (&values[0], load->first_alert + cursor->next);
  _kefu_bulk_set_id (&values[1], kefu_complaint_get_product_id (kefu_call_get_complaint (c->call)));
  kefu_store_value_set_text (&values[2], c->batch_key);
  kefu_store_value_set_text (&values[3], c->batch_number);
  kefu_store_value_set_int64 (&values[4], alert->count);
  kefu_store_value_set_text (&values[5], alert->first_at);
  kefu_store_value_set_text (&values[6], c->received);
  kefu_store_value_set_int64 (&values[7], load->first_complaint + c->detail);
  set_optional_text (&values[8], alert->acknowledged_at);
  _kefu_bulk_set_id (&values[9], alert->acknowledged_by);
  set_optional_text (&values[10], alert->note);
  kefu_store_value_set_int64 (&values[11], 1);
  kefu_store_value_set_text (&values[12], c->received);

  cursor->next++;
  return TRUE;
}

typedef struct
{
  const char        *table;
  const char *const *columns;
  KefuStoreRowFunc   next_row;
} KefuBulkTable;

/* In the order of their foreign keys: a lead names its inquiry, an order its lead. */
static const KefuBulkTable bulk_tables[] = {
  { "calls", call_columns, next_call_row },
  { "inquiries", inquiry_columns, next_inquiry_row },
  { "leads", lead_columns, next_lead_row },
  { "orders", order_columns, next_order_row },
  { "order_lines", line_columns, next_line_row },
  { "complaints", complaint_columns, next_complaint_row },
  { "complaint_search", search_columns, next_search_row },
  { "complaint_routes", route_columns, next_route_row },
  { "complaint_visits", visit_columns, next_visit_row },
  { "batch_alerts", alert_columns, next_alert_row },
};

gboolean
_kefu_bulk_insert_tables (KefuStore     *self,
                          KefuBulkLoad  *load,
                          GCancellable  *cancellable,
                          GError       **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (bulk_tables); t++)
    {
      KefuBulkCursor cursor = { .load = load, .actor = _kefu_store_get_txn_actor (self) };
      gint64 start = g_get_monotonic_time ();
      gboolean ok;

      ok = _kefu_store_bulk_insert_rows (self, bulk_tables[t].table, bulk_tables[t].columns,
                                         bulk_tables[t].next_row, &cursor, cancellable, error);
      g_free (cursor.scratch);
      g_debug ("  %s: %.2f s", bulk_tables[t].table, (g_get_monotonic_time () - start) / 1e6);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
_kefu_bulk_after_explicit_ids (KefuStore     *self,
                               KefuBulkLoad  *load,
                               GCancellable  *cancellable,
                               GError       **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (bulk_tables); t++)
    {
      const char *table = bulk_tables[t].table;
      const char *after;

      /* The tables of schema step 3 are moved here, as kefu-schema.c knows only the earlier
       * ones. */
      if (g_str_equal (table, "complaint_visits"))
        after = load->backend == KEFU_STORE_BACKEND_SQLITE ? NULL :
                "SELECT setval(pg_get_serial_sequence('complaint_visits', 'id'), "
                "(SELECT COALESCE(MAX(id), 1) FROM complaint_visits))";
      else if (g_str_equal (table, "complaint_search"))
        after = NULL;   /* keyed by the complaint's id: no sequence */
      else if (g_str_equal (table, "batch_alerts"))
        after = load->backend == KEFU_STORE_BACKEND_SQLITE ? NULL :
                "SELECT setval(pg_get_serial_sequence('batch_alerts', 'id'), "
                "(SELECT COALESCE(MAX(id), 1) FROM batch_alerts))";
      else
        after = _kefu_schema_after_explicit_ids (load->backend, table);
      if (after != NULL && _kefu_store_execute (self, after, NULL, cancellable, error) < 0)
        return FALSE;
    }
  return TRUE;
}
