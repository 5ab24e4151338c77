/* kefu-store-calls-bulk.c: loading calls by the hundred thousand (kefuctl generate), and the
 * compact customer contact list that making them needs.
 *
 * One transaction per call of kefu_store_insert_calls_bulk(): the calls first, then every
 * detail table in the order of their foreign keys (inquiries, leads, orders, order lines,
 * complaints, routes), each through the backend's bulk path, bound straight from the records.
 * Ids are chosen here under the write lock (PostgreSQL: a table lock), so that the detail rows
 * can name their call and each other without a round trip per row. Everything that does not
 * depend on the database (validation, summaries, local days, hand-over dates) is worked out
 * before the transaction; the reference numbers and routes, which do, inside it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-phone.h"
#include "core/kefu-reference.h"
#include "core/kefu-settings-keys.h"
#include "core/kefu-text.h"
#include "kefu-store-calls-bulk.h"
#include "kefu-store-calls-private.h"

/* References have at least this many digits ("DH-20261127-0001"). */
#define REFERENCE_SHORT_DIGITS 4

/* A call of the load as it will be stored. */
typedef struct
{
  /* What is bound: the caller's call, or where its text needed normalising, a normalised copy
   * of it (then `before` is a plain copy of the caller's, to give the changes back). */
  KefuCall     *call;
  KefuCall     *before;
  KefuCallKind  kind;
  guint         detail;       /* position among the load's calls of its kind */
  guint32       day;          /* local day received, YYYYMMDD */
  char          received[32];
  char          reference[40];
  const char   *summary;      /* the call's, or built here */
  const char   *phone;        /* normalised */
  /* Orders */
  const char   *delivery_address;
  const char   *district;
  char          handover_date[16];
  gboolean      handover_decided;  /* the date was decided here, not given */
  gboolean      out_of_area;
  gint          converts;     /* the lead row (in this load) that this order converts, or -1 */
  /* Complaints */
  const char   *batch_number;
  KefuComplaintStage stage;   /* decided in the transaction */
  /* Inquiries */
  gint          lead;         /* its lead row, or -1 */
} BulkCall;

/* A lead the load creates, for an inquiry with a potential order. */
typedef struct
{
  guint          call;        /* the inquiry call */
  KefuLeadState  state;
  gint           order;       /* CONVERTED: the order call; else -1 */
  char           closed_at[32];
  gint64         closed_by;
  const char    *note;
} BulkLead;

typedef struct
{
  gint64         department_id;
  KefuRole       role;
} BulkRoute;

typedef struct
{
  KefuStoreBackend backend;
  BulkCall     *calls;
  guint         n_calls;
  GArray       *orders;       /* guint: call indexes of each kind, in order */
  GArray       *complaints;
  GArray       *inquiries;
  GArray       *leads;        /* BulkLead */
  GStringChunk *strings;      /* text made here: summaries, normalised values */
  /* The local time zone, looked up once: g_date_time_to_local() looks it up on every call,
   * which cost more than the rest of preparing a call. */
  GTimeZone    *tz;
  char         *now;
  guint         n_lines;

  /* Decided in the transaction (and reset when it is retried). */
  gint64        first_call, first_order, first_line, first_complaint, first_route,
                first_inquiry, first_lead;
  GArray       *routes;       /* BulkRoute, complaint by complaint */
  GArray       *route_ends;   /* guint per complaint: the end of its routes in `routes` */
  GHashTable   *department_names;  /* gint64 id → name */
} BulkLoad;

static void
bulk_load_clear (BulkLoad *load)
{
  for (guint i = 0; i < load->n_calls; i++)
    {
      g_clear_object (&load->calls[i].call);
      g_clear_object (&load->calls[i].before);
    }
  g_clear_pointer (&load->calls, g_free);
  g_clear_pointer (&load->orders, g_array_unref);
  g_clear_pointer (&load->complaints, g_array_unref);
  g_clear_pointer (&load->inquiries, g_array_unref);
  g_clear_pointer (&load->leads, g_array_unref);
  g_clear_pointer (&load->strings, g_string_chunk_free);
  g_clear_pointer (&load->now, g_free);
  g_clear_pointer (&load->tz, g_time_zone_unref);
  g_clear_pointer (&load->routes, g_array_unref);
  g_clear_pointer (&load->route_ends, g_array_unref);
  g_clear_pointer (&load->department_names, g_hash_table_unref);
}

static void
set_invalid (GError    **error,
             const char *message)
{
  g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID, message);
}

/* One sentence for translators, with the position and the reason together. */
static void
set_call_invalid (GError    **error,
                  guint       index,
                  guint       n_calls,
                  const char *reason)
{
  g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
               _("Call %u of %u was not loaded: %s"), index + 1, n_calls, reason);
}

static const char *
nick_or_null (GType type,
              int   value)
{
  /* Every hotline enum stores its first value ("unspecified") as NULL. */
  return value == 0 ? NULL : _kefu_store_enum_to_nick (type, value);
}

/* Text in its stored form: as given when it already is (nearly always), else normalised into
 * the load's strings. */
static const char *
stored_text (BulkLoad   *load,
             const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL || kefu_text_is_normalized (text))
    return text;
  normalized = kefu_text_normalize (text);
  if (g_strcmp0 (normalized, text) == 0)
    return text;
  return normalized != NULL ? g_string_chunk_insert (load->strings, normalized) : NULL;
}

/* kefu_text_is_normalized() answers for ASCII and common Chinese characters only; text with
 * other characters (the "×" of "250ml×12盒", "。") is compared with its normalised form. */
static gboolean
text_is_stored_form (const char *text)
{
  g_autofree char *normalized = NULL;

  if (kefu_text_is_normalized (text))
    return TRUE;
  normalized = kefu_text_normalize (text);
  return g_strcmp0 (normalized, text) == 0;
}

/* TRUE when every text of the call and its detail record of its kind is in its stored form, so
 * that the call can be bound as it is (see _kefu_store_call_copy()). */
static gboolean
call_text_is_stored_form (KefuCall *call)
{
  if (!text_is_stored_form (kefu_call_get_caller_name (call)) ||
      !text_is_stored_form (kefu_call_get_address (call)) ||
      !text_is_stored_form (kefu_call_get_notes (call)) ||
      !text_is_stored_form (kefu_call_get_summary (call)))
    return FALSE;

  switch (kefu_call_get_kind (call))
    {
    case KEFU_CALL_KIND_ORDER:
      {
        KefuOrder *order = kefu_call_get_order (call);
        GListModel *lines;

        if (order == NULL)
          return TRUE;
        if (!text_is_stored_form (kefu_order_get_delivery_address (order)) ||
            !text_is_stored_form (kefu_order_get_district (order)) ||
            !text_is_stored_form (kefu_order_get_area_note (order)))
          return FALSE;
        lines = G_LIST_MODEL (kefu_order_get_lines (order));
        for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
          {
            g_autoptr(KefuOrderLine) line = g_list_model_get_item (lines, i);

            if (!text_is_stored_form (kefu_order_line_get_product_name (line)) ||
                !text_is_stored_form (kefu_order_line_get_spec (line)))
              return FALSE;
          }
        return TRUE;
      }
    case KEFU_CALL_KIND_COMPLAINT:
      {
        KefuComplaint *c = kefu_call_get_complaint (call);

        return c == NULL ||
               (text_is_stored_form (kefu_complaint_get_subject (c)) &&
                text_is_stored_form (kefu_complaint_get_reason (c)) &&
                text_is_stored_form (kefu_complaint_get_explanation (c)) &&
                text_is_stored_form (kefu_complaint_get_purchase_method (c)) &&
                text_is_stored_form (kefu_complaint_get_purchase_place (c)) &&
                text_is_stored_form (kefu_complaint_get_batch_number (c)) &&
                text_is_stored_form (kefu_complaint_get_staff_identity (c)) &&
                text_is_stored_form (kefu_complaint_get_work_place (c)) &&
                text_is_stored_form (kefu_complaint_get_work_manner (c)));
      }
    case KEFU_CALL_KIND_INQUIRY:
      {
        KefuInquiry *inquiry = kefu_call_get_inquiry (call);

        return inquiry == NULL || text_is_stored_form (kefu_inquiry_get_answer (inquiry));
      }
    default:
      return FALSE;
    }
}

/* "YYYY-MM-DD HH:MM:SS.SSSZ" into `out`, as kefu_time_to_db() writes it, without allocating. */
static void
time_to_text (GDateTime *time,
              char       out[32])
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  g_snprintf (out, 32, "%04d-%02d-%02d %02d:%02d:%02d.%03dZ",
              g_date_time_get_year (utc), g_date_time_get_month (utc),
              g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
              g_date_time_get_minute (utc), g_date_time_get_second (utc),
              g_date_time_get_microsecond (utc) / 1000);
}

static void
date_to_text (const GDate *date,
              char         out[16])
{
  g_snprintf (out, 16, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

/* Before the transaction */

typedef struct
{
  guint   cutoff;   /* minutes after local midnight */
  GStrv   areas;    /* service areas; empty: everywhere */
} BulkRules;

static gboolean
read_rules (KefuStore     *self,
            BulkRules     *rules,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *cutoff = NULL;
  g_autofree char *areas = NULL;
  g_autoptr(GError) local_error = NULL;

  cutoff = kefu_store_get_setting (self, KEFU_SETTING_HANDOVER_CUTOFF, cancellable, &local_error);
  if (local_error == NULL)
    areas = kefu_store_get_setting (self, KEFU_SETTING_SERVICE_AREAS, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* As kefu_store_save_call(): a value damaged by another tool falls back to the default. */
  if (cutoff == NULL || !kefu_setting_parse_time_of_day (cutoff, &rules->cutoff, NULL))
    kefu_setting_parse_time_of_day (kefu_setting_get_default (KEFU_SETTING_HANDOVER_CUTOFF),
                                    &rules->cutoff, NULL);
  rules->areas = kefu_setting_parse_service_areas (areas != NULL ? areas : "", NULL);
  if (rules->areas == NULL)
    rules->areas = g_new0 (char *, 1);
  return TRUE;
}

/* The rules of kefu_call_validate(), every problem of the call in one message. */
static gboolean
validate_call (KefuCall   *call,
               GDateTime  *now,
               GError    **error)
{
  g_autoptr(GPtrArray) problems = kefu_call_validate (call, now);
  g_autoptr(GString) message = NULL;

  if (problems->len == 0)
    return TRUE;

  message = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      KefuFieldProblem *problem = g_ptr_array_index (problems, i);

      if (i > 0)
        g_string_append_c (message, ' ');
      g_string_append (message, problem->message);
    }
  set_invalid (error, message->str);
  return FALSE;
}

/* What only a bulk load asks of a call, beyond the call rules. */
static gboolean
check_bulk_call (KefuCall   *call,
                 GError    **error)
{
  KefuCallKind kind = kefu_call_get_kind (call);

  if (kefu_record_get_id (KEFU_RECORD (call)) != 0)
    {
      set_invalid (error, _("The call is already stored."));
      return FALSE;
    }
  if (kefu_call_get_customer_id (call) <= 0)
    {
      set_invalid (error, _("The call names no customer; a bulk load takes calls of "
                            "existing customers only."));
      return FALSE;
    }
  if (kefu_call_get_clerk_id (call) <= 0)
    {
      set_invalid (error, _("The call names no clerk."));
      return FALSE;
    }
  if ((kind == KEFU_CALL_KIND_ORDER && kefu_call_get_order (call) == NULL) ||
      (kind == KEFU_CALL_KIND_COMPLAINT && kefu_call_get_complaint (call) == NULL) ||
      (kind == KEFU_CALL_KIND_INQUIRY && kefu_call_get_inquiry (call) == NULL))
    {
      set_invalid (error, _("The call has no form of its kind."));
      return FALSE;
    }
  if (kind == KEFU_CALL_KIND_ORDER)
    {
      KefuOrder *order = kefu_call_get_order (call);

      if (kefu_order_get_handover_state (order) == KEFU_HANDOVER_STATE_HANDED_OVER &&
          (kefu_order_get_handed_to_id (order) <= 0 ||
           kefu_order_get_handed_over_at (order) == NULL))
        {
          set_invalid (error, _("The order is marked handed over but does not say to whom or "
                                "when."));
          return FALSE;
        }
      if (kefu_order_get_area_notified_at (order) != NULL &&
          (kefu_order_get_area_notified_by_id (order) <= 0 ||
           kefu_order_get_area_note (order)[0] == '\0'))
        {
          set_invalid (error, _("The out-of-area notice does not say who gave it or what "
                                "was said."));
          return FALSE;
        }
    }
  if (kind == KEFU_CALL_KIND_COMPLAINT)
    {
      KefuComplaint *complaint = kefu_call_get_complaint (call);
      gboolean explained = kefu_complaint_get_stage (complaint) == KEFU_COMPLAINT_STAGE_EXPLAINED;

      if (kefu_complaint_get_stage (complaint) != KEFU_COMPLAINT_STAGE_NEW &&
          explained == kefu_complaint_get_well_founded (complaint))
        {
          set_invalid (error, _("Only a complaint that is not well founded closes as "
                                "explained, and such a complaint closes no other way."));
          return FALSE;
        }
    }
  return TRUE;
}

/* Checks the call, and works out what does not depend on the database. */
static gboolean
prepare_call (BulkLoad   *load,
              BulkRules  *rules,
              guint       index,
              KefuCall   *call,
              GDateTime  *now,
              GError    **error)
{
  BulkCall *c = &load->calls[index];
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GError) local_error = NULL;
  GDateTime *received;

  if (!KEFU_IS_CALL (call))
    {
      set_call_invalid (error, index, load->n_calls, _("This is not a call."));
      return FALSE;
    }

  /* As every write, validate and store the normalised text; a call whose text already is in
   * that form, as generated data is, is its own copy. */
  if (call_text_is_stored_form (call))
    c->call = g_object_ref (call);
  else
    {
      c->before = _kefu_store_call_copy (call, FALSE);
      c->call = _kefu_store_call_copy (call, TRUE);
      call = c->call;
    }

  if (!check_bulk_call (call, &local_error) || !validate_call (call, now, &local_error))
    {
      set_call_invalid (error, index, load->n_calls, local_error->message);
      return FALSE;
    }

  c->kind = kefu_call_get_kind (call);
  c->lead = -1;
  c->converts = -1;
  received = kefu_call_get_received_at (call);
  local = g_date_time_to_timezone (received, load->tz);
  c->day = (guint32) (g_date_time_get_year (local) * 10000 + g_date_time_get_month (local) * 100 +
                      g_date_time_get_day_of_month (local));
  time_to_text (received, c->received);

  /* The rules accepted the number, so it normalises. */
  c->phone = kefu_call_get_phone (call);
  if (!kefu_phone_is_normalized (c->phone))
    {
      g_autofree char *phone = kefu_phone_normalize (c->phone, NULL, NULL);

      g_return_val_if_fail (phone != NULL, FALSE);
      c->phone = g_string_chunk_insert (load->strings, phone);
    }

  c->summary = kefu_call_get_summary (call);
  if (c->summary[0] == '\0')
    {
      g_autofree char *summary = kefu_call_build_summary (call);

      c->summary = g_string_chunk_insert (load->strings, summary);
    }

  switch (c->kind)
    {
    case KEFU_CALL_KIND_ORDER:
      {
        KefuOrder *order = kefu_call_get_order (call);
        const GDate *given = kefu_order_get_handover_date (order);

        c->detail = load->orders->len;
        g_array_append_val (load->orders, index);
        load->n_lines += g_list_model_get_n_items (G_LIST_MODEL (kefu_order_get_lines (order)));

        /* As a save: the delivery address defaults to the caller's, the district is guessed
         * from it when not given, and decides whether the order is out of the area. */
        c->delivery_address = kefu_order_get_delivery_address (order);
        if (c->delivery_address[0] == '\0')
          c->delivery_address = kefu_call_get_address (call);
        c->district = kefu_order_get_district (order);
        if (c->district[0] == '\0')
          {
            g_autofree char *district = kefu_address_guess_district (c->delivery_address);

            c->district = district != NULL ? g_string_chunk_insert_const (load->strings, district)
                                           : NULL;
          }
        c->out_of_area = !kefu_service_areas_contain ((const char * const *) rules->areas,
                                                      c->district);

        if (given != NULL && g_date_valid (given))
          date_to_text (given, c->handover_date);
        else
          {
            GDate date;

            kefu_handover_date_for_order (local, rules->cutoff, &date);
            date_to_text (&date, c->handover_date);
            c->handover_decided = TRUE;
          }
        break;
      }
    case KEFU_CALL_KIND_COMPLAINT:
      {
        KefuComplaint *complaint = kefu_call_get_complaint (call);
        g_autofree char *batch = NULL;

        c->detail = load->complaints->len;
        g_array_append_val (load->complaints, index);
        c->batch_number = kefu_complaint_get_batch_number (complaint);
        if (c->batch_number != NULL && c->batch_number[0] != '\0' &&
            kefu_batch_number_validate (c->batch_number, &batch, NULL) &&
            g_strcmp0 (batch, c->batch_number) != 0)
          c->batch_number = g_string_chunk_insert (load->strings, batch);
        break;
      }
    case KEFU_CALL_KIND_INQUIRY:
      c->detail = load->inquiries->len;
      g_array_append_val (load->inquiries, index);
      if (kefu_inquiry_get_potential_order (kefu_call_get_inquiry (call)))
        {
          BulkLead lead = { .call = index, .state = KEFU_LEAD_STATE_OPEN, .order = -1 };

          c->lead = (gint) load->leads->len;
          g_array_append_val (load->leads, lead);
        }
      break;
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* Applies `leads` (what became of the leads of this load) to the lead rows. */
static gboolean
prepare_leads (BulkLoad                *load,
               const KefuCallBulkLead  *leads,
               guint                    n_leads,
               GError                 **error)
{
  for (guint i = 0; i < n_leads; i++)
    {
      const KefuCallBulkLead *outcome = &leads[i];
      BulkCall *inquiry = outcome->inquiry < load->n_calls ? &load->calls[outcome->inquiry] : NULL;
      BulkLead *lead;

      if (inquiry == NULL || inquiry->kind != KEFU_CALL_KIND_INQUIRY || inquiry->lead < 0)
        {
          set_invalid (error, _("A lead of the load does not belong to an inquiry call with a "
                                "potential order. Nothing was loaded."));
          return FALSE;
        }
      lead = &g_array_index (load->leads, BulkLead, inquiry->lead);
      if (lead->state != KEFU_LEAD_STATE_OPEN)
        {
          set_invalid (error, _("A lead of the load is closed twice. Nothing was loaded."));
          return FALSE;
        }

      if (outcome->state == KEFU_LEAD_STATE_CONVERTED)
        {
          BulkCall *order = outcome->order < load->n_calls ? &load->calls[outcome->order] : NULL;

          if (order == NULL || order->kind != KEFU_CALL_KIND_ORDER || order->converts >= 0 ||
              kefu_order_get_lead_id (kefu_call_get_order (order->call)) != 0 ||
              strcmp (order->received, inquiry->received) < 0)
            {
              set_invalid (error, _("A lead of the load is converted by a call that is not a "
                                    "later order, or by an order that converts another lead. "
                                    "Nothing was loaded."));
              return FALSE;
            }
          order->converts = inquiry->lead;
          lead->state = KEFU_LEAD_STATE_CONVERTED;
          lead->order = (gint) outcome->order;
          memcpy (lead->closed_at, order->received, sizeof lead->closed_at);
          lead->closed_by = kefu_call_get_clerk_id (order->call);
        }
      else if (outcome->state == KEFU_LEAD_STATE_DROPPED)
        {
          if (outcome->closed_at == NULL || outcome->closed_by <= 0 || outcome->note == NULL ||
              stored_text (load, outcome->note) == NULL ||
              stored_text (load, outcome->note)[0] == '\0')
            {
              set_invalid (error, _("A lead of the load is dropped without saying when, by whom "
                                    "or why. Nothing was loaded."));
              return FALSE;
            }
          lead->state = KEFU_LEAD_STATE_DROPPED;
          time_to_text (outcome->closed_at, lead->closed_at);
          lead->closed_by = outcome->closed_by;
          lead->note = stored_text (load, outcome->note);
        }
      else
        {
          set_invalid (error, _("A lead of the load is neither converted nor dropped. Nothing "
                                "was loaded."));
          return FALSE;
        }
    }
  return TRUE;
}

/* Inside the transaction */

static gboolean
max_id (KefuStore     *self,
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
                   BulkLoad      *load,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < load->n_calls; i++)
    {
      BulkCall *c = &load->calls[i];
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
                     MIN (sizeof sequence->prefix, strlen (first) - REFERENCE_SHORT_DIGITS + 1));
          g_hash_table_insert (days, g_memdup2 (&key, sizeof key), sequence);
          if (!highest_sequence (self, sequence->prefix, &highest, cancellable, error))
            return FALSE;
          sequence->next = highest + 1;
        }
      if (sequence->next > KEFU_REFERENCE_SEQUENCE_MAX)
        {
          set_invalid (error, _("No reference number is left for a kind of call on one of the "
                                "days of the load. Nothing was loaded."));
          return FALSE;
        }
      g_snprintf (c->reference, sizeof c->reference, "%s%0*" G_GUINT64_FORMAT, sequence->prefix,
                  REFERENCE_SHORT_DIGITS, sequence->next);
      sequence->next++;
    }
  return TRUE;
}

/* Routes every complaint as kefu_store_save_call() does: to the departments of the active staff
 * holding each role the routing rules name, each department once, with the first role that
 * named it; and decides the intake stage of those that come in NEW. */
static gboolean
route_complaints (KefuStore     *self,
                  BulkLoad      *load,
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

  rows = _kefu_store_query (self,
                            "SELECT DISTINCT staff.role, departments.id, departments.name "
                            "FROM staff JOIN departments ON departments.id = staff.department_id "
                            "WHERE staff.active = TRUE ORDER BY staff.role, departments.id",
                            NULL, cancellable, error);
  if (rows == NULL)
    return FALSE;
  by_role = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint r = 0; r < (guint) roles->n_values; r++)
    g_ptr_array_add (by_role, g_array_new (FALSE, FALSE, sizeof (gint64)));
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      int role = _kefu_store_enum_from_nick (KEFU_TYPE_ROLE, kefu_rows_get_text (rows, i, 0), -1);
      gint64 department = kefu_rows_get_int (rows, i, 1);

      if (role < 0 || (guint) role >= by_role->len)
        continue;
      g_array_append_val (g_ptr_array_index (by_role, role), department);
      g_hash_table_insert (load->department_names, g_memdup2 (&department, sizeof department),
                           g_strdup (kefu_rows_get_text (rows, i, 2)));
    }

  for (guint k = 0; k < load->complaints->len; k++)
    {
      BulkCall *c = &load->calls[g_array_index (load->complaints, guint, k)];
      KefuComplaint *complaint = kefu_call_get_complaint (c->call);
      gboolean well_founded = kefu_complaint_get_well_founded (complaint);
      KefuRole route_roles[4];
      guint n_roles, start = load->routes->len, end;

      n_roles = kefu_complaint_route_roles (kefu_complaint_get_category (complaint), well_founded,
                                            kefu_complaint_get_harmed (complaint), route_roles);
      for (guint r = 0; r < n_roles; r++)
        {
          GArray *departments = g_ptr_array_index (by_role, route_roles[r]);

          for (guint d = 0; d < departments->len; d++)
            {
              BulkRoute route = { g_array_index (departments, gint64, d), route_roles[r] };
              gboolean seen = FALSE;

              for (guint j = start; j < load->routes->len && !seen; j++)
                seen = g_array_index (load->routes, BulkRoute, j).department_id ==
                       route.department_id;
              if (!seen)
                g_array_append_val (load->routes, route);
            }
        }
      end = load->routes->len;
      g_array_append_val (load->route_ends, end);

      c->stage = kefu_complaint_get_stage (complaint);
      if (c->stage == KEFU_COMPLAINT_STAGE_NEW)
        c->stage = kefu_complaint_intake_stage (well_founded, end - start);
    }
  return TRUE;
}

/* The rows */

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
  "urgent", "stage", "version", "created_at", "updated_at", NULL
};
static const char *const route_columns[] = {
  "id", "complaint_id", "department_id", "role", "created_at", NULL
};

/* Where the row functions are in the load. Text a row function makes must stay valid until it
 * is called again: it lives in `scratch`. */
typedef struct
{
  BulkLoad  *load;
  guint      next;      /* the next call, order, complaint … */
  guint      line;      /* the next line of the current order */
  guint      n_rows;    /* rows given so far (the line ids) */
  gint64     actor;
  char       times[2][32];
  char       date[16];
  char      *scratch;
} BulkCursor;

static void
set_optional_id (KefuStoreValue *value,
                 gint64          id)
{
  if (id > 0)
    kefu_store_value_set_int64 (value, id);
  else
    kefu_store_value_set_null (value);
}

static void
set_optional_time (KefuStoreValue *value,
                   GDateTime      *time,
                   char            buffer[32])
{
  if (time == NULL)
    {
      kefu_store_value_set_null (value);
      return;
    }
  time_to_text (time, buffer);
  kefu_store_value_set_text (value, buffer);
}

static gboolean
next_call_row (gpointer        user_data,
               KefuStoreValue *values)
{
  BulkCursor *cursor = user_data;
  BulkLoad *load = cursor->load;
  BulkCall *c;

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
  BulkCursor *cursor = user_data;
  BulkLoad *load = cursor->load;
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
  BulkCursor *cursor = user_data;
  BulkLoad *load = cursor->load;
  BulkLead *lead;

  if (cursor->next >= load->leads->len)
    return FALSE;
  lead = &g_array_index (load->leads, BulkLead, cursor->next);

  kefu_store_value_set_int64 (&values[0], load->first_lead + cursor->next);
  kefu_store_value_set_int64 (&values[1], load->first_inquiry + load->calls[lead->call].detail);
  kefu_store_value_set_text (&values[2], lead_state_nick (lead->state));
  set_optional_id (&values[3], lead->order >= 0 ? load->first_call + lead->order : 0);
  kefu_store_value_set_text (&values[4], lead->closed_at[0] != '\0' ? lead->closed_at : NULL);
  set_optional_id (&values[5], lead->closed_by);
  kefu_store_value_set_text (&values[6], lead->note);
  kefu_store_value_set_int64 (&values[7], 1);
  kefu_store_value_set_text (&values[8], load->now);
  kefu_store_value_set_text (&values[9], load->now);

  cursor->next++;
  return TRUE;
}

/* The lead an order converts: one of this load, or one stored before (the order's lead id). */
static gint64
order_lead_id (BulkLoad *load,
               BulkCall *c)
{
  if (c->converts >= 0)
    return load->first_lead + c->converts;
  return kefu_order_get_lead_id (kefu_call_get_order (c->call));
}

static gboolean
next_order_row (gpointer        user_data,
                KefuStoreValue *values)
{
  BulkCursor *cursor = user_data;
  BulkLoad *load = cursor->load;
  guint index;
  BulkCall *c;
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
  set_optional_id (&values[8], handed_over ? kefu_order_get_handed_to_id (order) : 0);
  if (handed_over)
    set_optional_time (&values[9], kefu_order_get_handed_over_at (order), cursor->times[0]);
  else
    kefu_store_value_set_null (&values[9]);
  /* The record has no "handed over by": the load's actor recorded the hand-over. */
  set_optional_id (&values[10], handed_over ? cursor->actor : 0);
  kefu_store_value_set_boolean (&values[11], c->out_of_area);
  set_optional_time (&values[12], kefu_order_get_area_notified_at (order), cursor->times[1]);
  set_optional_id (&values[13], kefu_order_get_area_notified_at (order) != NULL ?
                                kefu_order_get_area_notified_by_id (order) : 0);
  kefu_store_value_set_text (&values[14], kefu_order_get_area_notified_at (order) != NULL ?
                                          _kefu_store_nullable (kefu_order_get_area_note (order)) :
                                          NULL);
  set_optional_id (&values[15], order_lead_id (load, c));
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
  BulkCursor *cursor = user_data;
  BulkLoad *load = cursor->load;
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
  set_optional_id (&values[3], kefu_order_line_get_product_id (line));
  kefu_store_value_set_text (&values[4], kefu_order_line_get_product_name (line));
  kefu_store_value_set_text (&values[5], _kefu_store_nullable (kefu_order_line_get_spec (line)));
  kefu_store_value_set_int64 (&values[6], kefu_order_line_get_quantity (line));
  kefu_store_value_set_int64 (&values[7], kefu_order_line_get_unit_price (line));

  cursor->line++;
  cursor->n_rows++;
  return TRUE;
}

static gboolean
next_complaint_row (gpointer        user_data,
                    KefuStoreValue *values)
{
  BulkCursor *cursor = user_data;
  BulkLoad *load = cursor->load;
  guint index;
  BulkCall *c;
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
      date_to_text (production_date, cursor->date);
      kefu_store_value_set_text (&values[12], cursor->date);
    }
  else
    kefu_store_value_set_null (&values[12]);
  set_optional_id (&values[13], product ? kefu_complaint_get_product_id (complaint) : 0);
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

  cursor->next++;
  return TRUE;
}

static gboolean
next_route_row (gpointer        user_data,
                KefuStoreValue *values)
{
  BulkCursor *cursor = user_data;
  BulkLoad *load = cursor->load;
  BulkRoute *route;

  if (cursor->n_rows >= load->routes->len)
    return FALSE;
  route = &g_array_index (load->routes, BulkRoute, cursor->n_rows);

  /* The complaint whose routes this row is among. */
  while (g_array_index (load->route_ends, guint, cursor->next) <= cursor->n_rows)
    cursor->next++;

  kefu_store_value_set_int64 (&values[0], load->first_route + cursor->n_rows);
  kefu_store_value_set_int64 (&values[1], load->first_complaint + cursor->next);
  kefu_store_value_set_int64 (&values[2], route->department_id);
  kefu_store_value_set_text (&values[3], _kefu_store_enum_to_nick (KEFU_TYPE_ROLE, route->role));
  kefu_store_value_set_text (&values[4], load->now);

  cursor->n_rows++;
  return TRUE;
}

typedef struct
{
  const char        *table;
  const char *const *columns;
  KefuStoreRowFunc   next_row;
} BulkTable;

/* In the order of their foreign keys: a lead names its inquiry, an order its lead. */
static const BulkTable bulk_tables[] = {
  { "calls", call_columns, next_call_row },
  { "inquiries", inquiry_columns, next_inquiry_row },
  { "leads", lead_columns, next_lead_row },
  { "orders", order_columns, next_order_row },
  { "order_lines", line_columns, next_line_row },
  { "complaints", complaint_columns, next_complaint_row },
  { "complaint_routes", route_columns, next_route_row },
};

/* Marks the leads stored before that orders of the load convert; each must still be open. */
static gboolean
convert_stored_leads (KefuStore     *self,
                      BulkLoad      *load,
                      guint         *n_converted,
                      GCancellable  *cancellable,
                      GError       **error)
{
  *n_converted = 0;
  for (guint k = 0; k < load->orders->len; k++)
    {
      guint index = g_array_index (load->orders, guint, k);
      BulkCall *c = &load->calls[index];
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
          set_call_invalid (error, index, load->n_calls,
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
  BulkLoad *load = data;
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
  };

  if (lock != NULL && _kefu_store_execute (self, lock, NULL, cancellable, error) < 0)
    return FALSE;

  /* The ids are chosen here so that the detail rows can name their call, and the lock keeps
   * other writers from taking the same ids (or reference numbers) meanwhile. */
  for (guint i = 0; i < G_N_ELEMENTS (firsts); i++)
    if (!max_id (self, firsts[i].sql, firsts[i].first, cancellable, error))
      return FALSE;

  if (!assign_references (self, load, cancellable, error) ||
      !route_complaints (self, load, cancellable, error))
    return FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (bulk_tables); t++)
    {
      BulkCursor cursor = { .load = load, .actor = _kefu_store_get_txn_actor (self) };
      gint64 table_start = g_get_monotonic_time ();
      gboolean ok;

      ok = _kefu_store_bulk_insert_rows (self, bulk_tables[t].table, bulk_tables[t].columns,
                                         bulk_tables[t].next_row, &cursor, cancellable, error);
      g_free (cursor.scratch);
      g_debug ("  %s: %.2f s", bulk_tables[t].table, (g_get_monotonic_time () - table_start) / 1e6);
      if (!ok)
        {
          _kefu_store_rename_duplicate (error, _("Some of these calls already have their "
                                                 "reference numbers. Nothing was loaded."));
          return FALSE;
        }
    }
  if (!convert_stored_leads (self, load, &n_converted, cancellable, error))
    return FALSE;
  g_debug ("Bulk load of %u calls: %.1f s inserting", load->n_calls,
           (g_get_monotonic_time () - start) / 1e6);

  for (guint t = 0; t < G_N_ELEMENTS (bulk_tables); t++)
    {
      const char *after = _kefu_schema_after_explicit_ids (load->backend, bulk_tables[t].table);

      if (after != NULL && _kefu_store_execute (self, after, NULL, cancellable, error) < 0)
        return FALSE;
    }

  for (guint i = 0; i < load->leads->len; i++)
    if (g_array_index (load->leads, BulkLead, i).state == KEFU_LEAD_STATE_CONVERTED)
      n_converted++;
  details = g_strdup_printf ("{\"count\":%u,\"first_id\":%" G_GINT64_FORMAT
                             ",\"last_id\":%" G_GINT64_FORMAT ",\"orders\":%u,\"complaints\":%u,"
                             "\"inquiries\":%u,\"leads\":%u,\"leads_converted\":%u}",
                             load->n_calls, load->first_call,
                             load->first_call + load->n_calls - 1, load->orders->len,
                             load->complaints->len, load->inquiries->len, load->leads->len,
                             n_converted);
  return _kefu_store_add_event (self, "calls", 0, "bulk-insert", details, cancellable, error);
}

/* After the commit: what the load decided, onto the records. */
static void
apply_to_records (BulkLoad *load)
{
  g_autoptr(GDateTime) stored = kefu_time_from_db (load->now);
  guint line_index = 0;

  for (guint i = 0; i < load->n_calls; i++)
    {
      BulkCall *c = &load->calls[i];
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
            kefu_order_set_lead_id (order, order_lead_id (load, c));
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
                BulkRoute *route = &g_array_index (load->routes, BulkRoute, r);
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
  BulkLoad load = { 0 };
  BulkRules rules = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 start;
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (calls != NULL, FALSE);
  g_return_val_if_fail (leads != NULL || n_leads == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (calls->len == 0)
    return TRUE;
  if (!read_rules (self, &rules, cancellable, error))
    return FALSE;

  start = g_get_monotonic_time ();
  load.backend = kefu_store_get_backend (self);
  load.n_calls = calls->len;
  load.calls = g_new0 (BulkCall, calls->len);
  load.orders = g_array_new (FALSE, FALSE, sizeof (guint));
  load.complaints = g_array_new (FALSE, FALSE, sizeof (guint));
  load.inquiries = g_array_new (FALSE, FALSE, sizeof (guint));
  load.leads = g_array_new (FALSE, FALSE, sizeof (BulkLead));
  load.strings = g_string_chunk_new (64 * 1024);
  load.routes = g_array_new (FALSE, FALSE, sizeof (BulkRoute));
  load.route_ends = g_array_new (FALSE, FALSE, sizeof (guint));
  load.department_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  load.now = kefu_time_to_db (now);
  load.tz = g_time_zone_new_local ();

  ok = TRUE;
  for (guint i = 0; i < calls->len && ok; i++)
    ok = prepare_call (&load, &rules, i, g_ptr_array_index (calls, i), now, error);
  ok = ok && prepare_leads (&load, leads, n_leads, error);
  g_strfreev (rules.areas);
  g_debug ("Prepared %u calls in %.1f s", calls->len, (g_get_monotonic_time () - start) / 1e6);

  if (ok)
    {
      start = g_get_monotonic_time ();
      ok = _kefu_store_write (self, bulk_txn, &load, cancellable, error);
      g_debug ("Bulk load transaction: %.1f s", (g_get_monotonic_time () - start) / 1e6);
    }
  if (ok)
    {
      apply_to_records (&load);
      /* A call whose text was normalised was stored from a copy: the caller's gets the changes. */
      for (guint i = 0; i < load.n_calls; i++)
        if (load.calls[i].before != NULL)
          _kefu_store_call_apply_changes (g_ptr_array_index (calls, i), load.calls[i].before,
                                          load.calls[i].call);
    }

  bulk_load_clear (&load);
  return ok;
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

/* Customer contacts */

struct _KefuCustomerContacts
{
  GArray       *contacts;   /* KefuCustomerContact */
  GStringChunk *strings;
};

KefuCustomerContacts *
kefu_customer_contacts_new (void)
{
  KefuCustomerContacts *contacts = g_new0 (KefuCustomerContacts, 1);

  contacts->contacts = g_array_new (FALSE, FALSE, sizeof (KefuCustomerContact));
  contacts->strings = g_string_chunk_new (1024 * 1024);
  return contacts;
}

void
kefu_customer_contacts_free (KefuCustomerContacts *contacts)
{
  if (contacts == NULL)
    return;
  g_array_unref (contacts->contacts);
  g_string_chunk_free (contacts->strings);
  g_free (contacts);
}

guint
kefu_customer_contacts_get_len (KefuCustomerContacts *contacts)
{
  g_return_val_if_fail (contacts != NULL, 0);

  return contacts->contacts->len;
}

const KefuCustomerContact *
kefu_customer_contacts_get (KefuCustomerContacts *contacts,
                            guint                 index)
{
  g_return_val_if_fail (contacts != NULL, NULL);
  g_return_val_if_fail (index < contacts->contacts->len, NULL);

  return &g_array_index (contacts->contacts, KefuCustomerContact, index);
}

static const char *
chunk_text (GStringChunk *strings,
            KefuRows     *rows,
            guint         row,
            guint         column,
            gboolean      shared)
{
  const char *text = kefu_rows_get_text (rows, row, column);

  if (text == NULL)
    return NULL;
  /* Names and districts repeat (王伟, 朝阳区): those are kept once. */
  return shared ? g_string_chunk_insert_const (strings, text)
                : g_string_chunk_insert (strings, text);
}

/**
 * kefu_store_read_customer_contacts:
 *
 * See kefu-store-calls-bulk.h.
 */
gboolean
kefu_store_read_customer_contacts (KefuStore             *self,
                                   KefuCustomerContacts  *contacts,
                                   gint64                 after_id,
                                   guint                  limit,
                                   guint                 *n_read,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  g_autoptr(KefuRows) rows = NULL;
  guint n;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (contacts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rows = _kefu_store_query (self,
                            "SELECT id, name, address, district, phone, assigned_clerk_id, channel "
                            "FROM customers WHERE id > $1 ORDER BY id LIMIT $2",
                            g_variant_new ("(xx)", after_id, (gint64) limit), cancellable, error);
  if (rows == NULL)
    return FALSE;

  n = kefu_rows_get_n_rows (rows);
  for (guint i = 0; i < n; i++)
    {
      KefuCustomerContact contact = {
        .id = kefu_rows_get_int (rows, i, 0),
        .name = chunk_text (contacts->strings, rows, i, 1, TRUE),
        .address = chunk_text (contacts->strings, rows, i, 2, FALSE),
        .district = chunk_text (contacts->strings, rows, i, 3, TRUE),
        .phone = chunk_text (contacts->strings, rows, i, 4, FALSE),
        .assigned_clerk_id = kefu_rows_is_null (rows, i, 5) ? 0 : kefu_rows_get_int (rows, i, 5),
        .channel = _kefu_store_enum_from_nick (KEFU_TYPE_CHANNEL, kefu_rows_get_text (rows, i, 6),
                                               KEFU_CHANNEL_UNSPECIFIED),
      };

      g_array_append_val (contacts->contacts, contact);
    }
  if (n_read != NULL)
    *n_read = n;
  return TRUE;
}
