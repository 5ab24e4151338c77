/* kefu-store-calls.c: saving a hotline call with everything it creates, in one transaction.
 *
 * A save is the hottest write of the application (every call of every clerk), so every lookup
 * it makes goes through an index: the caller by customer_phones.phone, the reference number by
 * a range of calls.reference, products, leads and customers by id, settings by key; nothing
 * counts or scans a big table. The transaction works on its own copy of the call and sets on
 * the caller's call what it decided only after the commit, so that a transaction retried while
 * another workstation holds the database starts from what the clerk typed.
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
#include "kefu-store-calls-private.h"

/* PostgreSQL advisory lock spaces (the first key of pg_advisory_xact_lock(int, int)): "KEFP"
 * for a phone number whose customer may be created, "KEFR" for a reference prefix and day. Two
 * sessions saving calls at the same moment wait for each other there instead of failing on the
 * unique phone or reference; SQLite's BEGIN IMMEDIATE already serialises every write. */
#define LOCK_SPACE_PHONE     1262831184
#define LOCK_SPACE_REFERENCE 1262831186

/* References reach 5 digits after the 9,999th call of a kind in a day. */
#define REFERENCE_SHORT_DIGITS 4

typedef struct
{
  /* The normalised, validated copy of the caller's call; never changed by the transaction. */
  KefuCall  *input;
  /* The transaction's working copy, with everything the save decided, once it committed. */
  KefuCall  *output;
  /* The intake queue's key of the call (schema step 10), or NULL for a direct save; `found`
   * says the call was already stored with it and has not been written again. */
  const char *client_key;
  gboolean   found;
} SaveCall;

static gboolean
is_postgres (KefuStore *self)
{
  return kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES;
}

static gboolean
advisory_lock (KefuStore     *self,
               gint32         space,
               const char    *key,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  if (!is_postgres (self))
    return TRUE;
  rows = _kefu_store_query (self, "SELECT pg_advisory_xact_lock($1, hashtext($2))",
                            g_variant_new ("(xs)", (gint64) space, key), cancellable, error);
  return rows != NULL;
}

static void
set_invalid (GError    **error,
             const char *message)
{
  g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID, message);
}

/* Before the transaction */

/* Checks the normalised copy with the call rules (every problem, one per line) and gives it the
 * stored form of the phone number and the batch number. */
static gboolean
prepare_call (KefuCall  *call,
              GError   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *phone = NULL;
  KefuComplaint *complaint;

  if (kefu_record_get_id (KEFU_RECORD (call)) != 0)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                   _("This call is already saved as %s. Start a new call to record another."),
                   kefu_call_get_reference (call));
      return FALSE;
    }

  problems = kefu_call_validate (call, now);
  if (problems->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        {
          KefuFieldProblem *problem = g_ptr_array_index (problems, i);

          if (i > 0)
            g_string_append_c (message, '\n');
          g_string_append (message, problem->message);
        }
      set_invalid (error, message->str);
      return FALSE;
    }

  if (kefu_call_get_clerk_id (call) <= 0)
    {
      set_invalid (error, _("The call has no clerk. Choose who is working on this workstation "
                            "and save again."));
      return FALSE;
    }
  if ((kefu_call_get_kind (call) == KEFU_CALL_KIND_ORDER && kefu_call_get_order (call) == NULL) ||
      (kefu_call_get_kind (call) == KEFU_CALL_KIND_COMPLAINT &&
       kefu_call_get_complaint (call) == NULL) ||
      (kefu_call_get_kind (call) == KEFU_CALL_KIND_INQUIRY && kefu_call_get_inquiry (call) == NULL))
    {
      set_invalid (error, _("The call has no form of its kind. Choose the kind of call again and "
                            "fill in its form."));
      return FALSE;
    }

  /* The rules accepted the number, so it normalises. */
  phone = kefu_phone_normalize (kefu_call_get_phone (call), NULL, NULL);
  g_return_val_if_fail (phone != NULL, FALSE);
  kefu_call_set_phone (call, phone);

  complaint = kefu_call_get_complaint (call);
  if (kefu_call_get_kind (call) == KEFU_CALL_KIND_COMPLAINT)
    {
      g_autofree char *batch = NULL;

      if (kefu_batch_number_validate (kefu_complaint_get_batch_number (complaint), &batch, NULL))
        kefu_complaint_set_batch_number (complaint, batch);
    }
  return TRUE;
}

/* Inside the transaction */

static gboolean
create_customer (KefuStore     *self,
                 KefuCall      *call,
                 gint64        *customer_id,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  KefuOrder *order = kefu_call_get_kind (call) == KEFU_CALL_KIND_ORDER ?
                     kefu_call_get_order (call) : NULL;
  const char *phones[] = { kefu_call_get_phone (call), NULL };
  g_autofree char *district = NULL;
  KefuWriteResult r = { 0 };
  gboolean ok;

  /* The order's district is the clerk's (or the form's guess); otherwise it is guessed here
   * from the address, for the district lists and reports. */
  if (order != NULL && kefu_order_get_district (order)[0] != '\0')
    district = g_strdup (kefu_order_get_district (order));
  else
    district = kefu_address_guess_district (kefu_call_get_address (call));

  kefu_customer_set_name (customer, kefu_call_get_caller_name (call));
  kefu_customer_set_address (customer, kefu_call_get_address (call));
  kefu_customer_set_district (customer, district);
  kefu_customer_set_phones (customer, phones);
  if (order != NULL)
    kefu_customer_set_channel (customer, kefu_order_get_channel (order));

  if (!_kefu_store_customer_validate (customer, error))
    return FALSE;
  r.record = customer;
  ok = _kefu_store_customer_insert_txn (self, customer, &r, cancellable, error);
  *customer_id = r.id;
  _kefu_write_result_clear (&r);
  return ok;
}

/* Finds the caller's customer by the normalised number, or creates one, and checks that a given
 * customer exists. */
static gboolean
resolve_customer (KefuStore     *self,
                  KefuCall      *call,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gint64 customer_id = kefu_call_get_customer_id (call);
  g_autoptr(KefuRows) rows = NULL;

  if (customer_id == 0)
    {
      const char *phone = kefu_call_get_phone (call);

      if (!advisory_lock (self, LOCK_SPACE_PHONE, phone, cancellable, error))
        return FALSE;
      rows = _kefu_store_query (self, "SELECT customer_id FROM customer_phones WHERE phone = $1",
                                g_variant_new ("(s)", phone), cancellable, error);
      if (rows == NULL)
        return FALSE;
      if (kefu_rows_get_n_rows (rows) > 0)
        customer_id = kefu_rows_get_int (rows, 0, 0);
      else if (!create_customer (self, call, &customer_id, cancellable, error))
        return FALSE;
      kefu_call_set_customer_id (call, customer_id);
      return TRUE;
    }

  rows = _kefu_store_query (self, "SELECT id FROM customers WHERE id = $1",
                            g_variant_new ("(x)", customer_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      set_invalid (error, _("The customer chosen for this call no longer exists. Look the "
                            "caller up again, or clear the customer to create a new one."));
      return FALSE;
    }
  return TRUE;
}

/* The highest sequence number given so far to references starting with `day_prefix`
 * ("DH-20261127-"), 0 for none. The references of a day are a range of the index on
 * calls.reference; PostgreSQL compares them byte by byte with the pattern operators of
 * calls_reference (text_pattern_ops), as a collation such as zh_CN may ignore the dashes. */
static gboolean
highest_sequence (KefuStore     *self,
                  const char    *day_prefix,
                  guint64       *highest,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *end = g_strdup (day_prefix);
  g_autoptr(KefuRows) rows = NULL;
  const char *sql;
  guint64 sequence = 0;

  /* The first text after every "DH-20261127-…": the same with its last dash as ".". */
  end[strlen (end) - 1] = '-' + 1;

  sql = is_postgres (self) ?
        "SELECT reference FROM calls WHERE reference ~>=~ $1 AND reference ~<~ $2 "
        "ORDER BY reference USING ~>~ LIMIT 1" :
        "SELECT reference FROM calls WHERE reference >= $1 AND reference < $2 "
        "ORDER BY reference DESC LIMIT 1";
  rows = _kefu_store_query (self, sql, g_variant_new ("(ss)", day_prefix, end),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) > 0)
    g_ascii_string_to_unsigned (kefu_rows_get_text (rows, 0, 0) + strlen (day_prefix), 10, 0,
                                KEFU_REFERENCE_SEQUENCE_MAX, &sequence, NULL);

  /* Past 9999 the text order no longer follows the numbers ("…-10000" < "…-9999"): only then
   * are the longer references of the day read, longest first. */
  if (sequence >= 9999)
    {
      g_clear_pointer (&rows, kefu_rows_free);
      sql = is_postgres (self) ?
            "SELECT reference FROM calls WHERE reference ~>=~ $1 AND reference ~<~ $2 "
            "AND length(reference) > $3 ORDER BY length(reference) DESC, reference DESC LIMIT 1" :
            "SELECT reference FROM calls WHERE reference >= $1 AND reference < $2 "
            "AND length(reference) > $3 ORDER BY length(reference) DESC, reference DESC LIMIT 1";
      rows = _kefu_store_query (self, sql,
                                g_variant_new ("(ssx)", day_prefix, end,
                                               (gint64) (strlen (day_prefix) +
                                                         REFERENCE_SHORT_DIGITS)),
                                cancellable, error);
      if (rows == NULL)
        return FALSE;
      if (kefu_rows_get_n_rows (rows) > 0)
        g_ascii_string_to_unsigned (kefu_rows_get_text (rows, 0, 0) + strlen (day_prefix), 10, 0,
                                    KEFU_REFERENCE_SEQUENCE_MAX, &sequence, NULL);
    }
  *highest = sequence;
  return TRUE;
}

/* The next reference number of the call's kind on the local day it was received. */
static char *
next_reference (KefuStore     *self,
                KefuCall      *call,
                GCancellable  *cancellable,
                GError       **error)
{
  const char *prefix = kefu_call_kind_reference_prefix (kefu_call_get_kind (call));
  g_autoptr(GDateTime) local = g_date_time_to_local (kefu_call_get_received_at (call));
  g_autofree char *first = kefu_reference_format (prefix, local, 1);
  g_autofree char *day_prefix = NULL;
  guint64 highest = 0;

  /* "DH-20261127-0001" without its sequence. */
  day_prefix = g_strndup (first, strlen (first) - REFERENCE_SHORT_DIGITS);
  if (!advisory_lock (self, LOCK_SPACE_REFERENCE, day_prefix, cancellable, error) ||
      !highest_sequence (self, day_prefix, &highest, cancellable, error))
    return NULL;
  if (highest >= KEFU_REFERENCE_SEQUENCE_MAX)
    {
      set_invalid (error, _("No reference number is left for this kind of call today. Ask the "
                            "administrator to check the calls of the day."));
      return NULL;
    }
  return kefu_reference_format (prefix, local, (guint) highest + 1);
}

static gboolean
insert_call (KefuStore     *self,
             KefuCall      *call,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *received_at = kefu_time_to_db (kefu_call_get_received_at (call));
  g_autoptr(GString) details = g_string_new ("{\"reference\":");
  KefuWriteResult r = { .record = call };
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self,
                            "INSERT INTO calls (reference, kind, customer_id, caller_name, address, "
                            "phone, clerk_id, received_at, notes, summary, version, created_at, "
                            "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, now(), "
                            "now()) RETURNING id, version, created_at, updated_at",
                            g_variant_new ("(ssxsmssxsmss)",
                                           kefu_call_get_reference (call),
                                           _kefu_store_enum_to_nick (KEFU_TYPE_CALL_KIND,
                                                                     kefu_call_get_kind (call)),
                                           kefu_call_get_customer_id (call),
                                           kefu_call_get_caller_name (call),
                                           _kefu_store_nullable (kefu_call_get_address (call)),
                                           kefu_call_get_phone (call),
                                           kefu_call_get_clerk_id (call),
                                           received_at,
                                           _kefu_store_nullable (kefu_call_get_notes (call)),
                                           kefu_call_get_summary (call)),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  _kefu_write_result_take_row (&r, rows);
  _kefu_write_result_apply (&r);
  _kefu_write_result_clear (&r);

  _kefu_json_append_string (details, kefu_call_get_reference (call));
  g_string_append_c (details, '}');
  if (!_kefu_store_add_event (self, "calls", kefu_record_get_id (KEFU_RECORD (call)), "create",
                              details->str, cancellable, error))
    return FALSE;

  /* The customer's last contact moves forward only (a call typed in late must not hide a newer
   * one), and the first contact is recorded once, by the clerk the customer is assigned to. These
   * columns follow the calls, so they are not the customer's own edits: no version bump, and the
   * call's event records them. */
  return _kefu_store_execute (self,
                              "UPDATE customers SET "
                              "last_call_id = CASE WHEN last_contact_at IS NULL OR "
                              "last_contact_at <= $2 THEN $1 ELSE last_call_id END, "
                              "last_contact_at = CASE WHEN last_contact_at IS NULL OR "
                              "last_contact_at <= $2 THEN $2 ELSE last_contact_at END, "
                              "first_contact_at = CASE WHEN first_contact_at IS NULL AND "
                              "assigned_clerk_id = $3 THEN $2 ELSE first_contact_at END "
                              "WHERE id = $4",
                              g_variant_new ("(xsxx)", kefu_record_get_id (KEFU_RECORD (call)),
                                             received_at, kefu_call_get_clerk_id (call),
                                             kefu_call_get_customer_id (call)),
                              cancellable, error) >= 0;
}

static gboolean
save_call_txn (KefuStore     *self,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  SaveCall *s = data;
  g_autoptr(KefuCall) call = _kefu_store_call_copy (s->input, FALSE);
  g_autofree char *reference = NULL;
  g_autofree char *summary = NULL;
  gboolean ok = FALSE;

  /* A retried transaction starts again from the input. */
  g_clear_object (&s->output);
  s->found = FALSE;

  /* A queued call sent again after its first save's answer was lost is there already. */
  if (s->client_key != NULL)
    {
      g_autoptr(KefuRows) stored = NULL;

      stored = _kefu_store_query (self, "SELECT id FROM calls WHERE client_key = $1",
                                  g_variant_new ("(s)", s->client_key), cancellable, error);
      if (stored == NULL)
        return FALSE;
      if (kefu_rows_get_n_rows (stored) > 0)
        {
          s->output = kefu_store_get_call (self, kefu_rows_get_int (stored, 0, 0), cancellable,
                                           error);
          s->found = s->output != NULL;
          return s->output != NULL;
        }
    }

  if (!resolve_customer (self, call, cancellable, error))
    return FALSE;
  if (kefu_call_get_kind (call) == KEFU_CALL_KIND_ORDER &&
      !_kefu_store_call_fill_product_names (self, kefu_call_get_order (call), cancellable, error))
    return FALSE;

  reference = next_reference (self, call, cancellable, error);
  if (reference == NULL)
    return FALSE;
  kefu_call_set_reference (call, reference);
  summary = kefu_call_build_summary (call);
  kefu_call_set_summary (call, summary);

  if (!insert_call (self, call, cancellable, error))
    return FALSE;
  if (s->client_key != NULL &&
      _kefu_store_execute (self, "UPDATE calls SET client_key = $1 WHERE id = $2",
                           g_variant_new ("(sx)", s->client_key,
                                          kefu_record_get_id (KEFU_RECORD (call))),
                           cancellable, error) < 0)
    return FALSE;

  switch (kefu_call_get_kind (call))
    {
    case KEFU_CALL_KIND_ORDER:
      ok = _kefu_store_call_save_order (self, call, cancellable, error);
      break;
    case KEFU_CALL_KIND_COMPLAINT:
      ok = _kefu_store_call_save_complaint (self, call, cancellable, error);
      break;
    case KEFU_CALL_KIND_INQUIRY:
      ok = _kefu_store_call_save_inquiry (self, call, cancellable, error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (ok)
    s->output = g_steal_pointer (&call);
  return ok;
}

static gboolean
save_call (KefuStore     *self,
           KefuCall      *call,
           const char    *client_key,
           gboolean      *already_saved,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(KefuCall) before = NULL;
  SaveCall s = { 0 };
  gboolean ok;

  before = _kefu_store_call_copy (call, FALSE);
  s.input = _kefu_store_call_copy (call, TRUE);
  s.client_key = client_key;
  ok = prepare_call (s.input, error) &&
       _kefu_store_write (self, save_call_txn, &s, cancellable, error);
  if (ok)
    _kefu_store_call_apply_changes (call, before, s.output);
  if (already_saved != NULL)
    *already_saved = ok && s.found;

  g_clear_object (&s.input);
  g_clear_object (&s.output);
  return ok;
}

/**
 * kefu_store_save_call:
 * @call: a new call (id 0) with the detail record of its kind
 *
 * Saves the call and what it creates in one transaction (see kefu-store-calls.h). On success
 * @call and its detail record get their ids, versions, times, stored text and everything the
 * store decided; on an error they are unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
kefu_store_save_call (KefuStore     *self,
                      KefuCall      *call,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_CALL (call), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save_call (self, call, NULL, NULL, cancellable, error);
}

/**
 * kefu_store_save_call_once:
 * @call: a new call (id 0) with the detail record of its kind
 * @client_key: the intake queue's key of the call
 * @already_saved: (out) (optional): set to %TRUE when a call with that key was stored already
 *
 * kefu_store_save_call () for a call that waited in a workstation's intake queue (see
 * kefu-store-calls.h).
 *
 * Returns: %TRUE when the call is stored (now or before)
 */
gboolean
kefu_store_save_call_once (KefuStore     *self,
                           KefuCall      *call,
                           const char    *client_key,
                           gboolean      *already_saved,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_CALL (call), FALSE);
  g_return_val_if_fail (client_key != NULL && *client_key != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save_call (self, call, client_key, already_saved, cancellable, error);
}
