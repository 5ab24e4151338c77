/* kefu-store-jobs-create.c: the fault report or request that opens a service job: validated,
 * the customer's name, phone and address copied in (so that the list sorts and searches without
 * a join), the product and serial taken from the shipment line when one is named, the warranty
 * computed on the day of the report, the reference "SH-YYYYMMDD-NNNN" assigned, and the
 * "reported" event written, in one transaction.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-reference.h"
#include "core/kefu-text.h"
#include "kefu-store-calls-private.h"
#include "kefu-store-jobs-private.h"

/* The PostgreSQL advisory lock space of reference numbers ("KEFR", as the calls use): two
 * sessions opening jobs on the same day wait for each other instead of failing on the unique
 * reference; SQLite's BEGIN IMMEDIATE already serialises every write. */
#define LOCK_SPACE_REFERENCE 1262831186
#define REFERENCE_PREFIX     "SH"
#define REFERENCE_DIGITS     4

typedef struct
{
  KefuServiceJob *input;      /* normalised text, validated; never changed by the transaction */
  gint64          id;
} CreateJob;

static void
set_invalid (GError    **error,
             const char *message)
{
  g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID, message);
}

static gboolean
is_repair (KefuJobKind kind)
{
  return kind == KEFU_JOB_KIND_REPAIR || kind == KEFU_JOB_KIND_ONSITE_REPAIR ||
         kind == KEFU_JOB_KIND_FACTORY_REPAIR;
}

static gboolean
validate_job (KefuServiceJob  *job,
              GError         **error)
{
  if (job->customer_id <= 0)
    {
      set_invalid (error, _("Choose the customer the service job is for."));
      return FALSE;
    }
  if (is_repair (job->kind) && job->symptoms == NULL)
    {
      set_invalid (error, _("Describe the fault the customer reports (the symptoms)."));
      return FALSE;
    }
  return _kefu_store_validate_text (C_("service job field", "Symptoms"), job->symptoms,
                                    KEFU_TEXT_MAX_DESCRIPTION, FALSE, TRUE, error) &&
         _kefu_store_validate_text (C_("service job field", "Answer given"), job->phone_answer,
                                    KEFU_TEXT_MAX_DESCRIPTION, FALSE, TRUE, error) &&
         _kefu_store_validate_text (C_("service job field", "Address"), job->address,
                                    KEFU_TEXT_MAX_ADDRESS, FALSE, FALSE, error) &&
         _kefu_store_validate_text (C_("service job field", "Serial number"), job->serial,
                                    KEFU_TEXT_MAX_CODE * 2, FALSE, FALSE, error);
}

/* The next reference on the local day of `now`. */
static char *
next_reference (KefuStore     *self,
                GDateTime     *now,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autofree char *first = kefu_reference_format (REFERENCE_PREFIX, local, 1);
  g_autofree char *day_prefix = g_strndup (first, strlen (first) - REFERENCE_DIGITS);
  g_autofree char *pattern = g_strconcat (day_prefix, "%", NULL);
  g_autoptr(KefuRows) rows = NULL;
  guint64 highest = 0;

  if (kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES)
    {
      g_autoptr(KefuRows) locked = NULL;

      locked = _kefu_store_query (self, "SELECT pg_advisory_xact_lock($1, hashtext($2))",
                                  g_variant_new ("(xs)", (gint64) LOCK_SPACE_REFERENCE,
                                                 day_prefix),
                                  cancellable, error);
      if (locked == NULL)
        return NULL;
    }
  /* The longest, then highest, reference of the day: past 9999 the text order alone no longer
   * follows the numbers. A day's jobs are few: no index is needed to find them. */
  rows = _kefu_store_query (self,
                            "SELECT reference FROM service_jobs WHERE reference LIKE $1 "
                            "ORDER BY length(reference) DESC, reference DESC LIMIT 1",
                            g_variant_new ("(s)", pattern), cancellable, error);
  if (rows == NULL)
    return NULL;
  if (kefu_rows_get_n_rows (rows) > 0)
    g_ascii_string_to_unsigned (kefu_rows_get_text (rows, 0, 0) + strlen (day_prefix), 10, 0,
                                KEFU_REFERENCE_SEQUENCE_MAX, &highest, NULL);
  if (highest >= KEFU_REFERENCE_SEQUENCE_MAX)
    {
      set_invalid (error, _("No reference number is left for service jobs today. Ask the "
                            "administrator to check the jobs of the day."));
      return NULL;
    }
  return kefu_reference_format (REFERENCE_PREFIX, local, (guint) highest + 1);
}

/* What the job copies: the customer's name, first phone and address. */
static KefuRows *
read_customer (KefuStore     *self,
               gint64         customer_id,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self,
                            "SELECT customers.name, COALESCE(customers.phone, "
                            "(SELECT customer_phones.phone FROM customer_phones "
                            "WHERE customer_phones.customer_id = customers.id "
                            "ORDER BY customer_phones.position, customer_phones.id LIMIT 1)), "
                            "customers.address FROM customers WHERE customers.id = $1",
                            g_variant_new ("(x)", customer_id), cancellable, error);
  if (rows == NULL)
    return NULL;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("The customer of this service job no longer exists. Choose the "
                             "customer again."));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* The shipment, product and serial of the shipment line, where the job does not give them. */
static gboolean
read_line (KefuStore     *self,
           gint64         line_id,
           gint64        *shipment_id,
           gint64        *product_id,
           char         **serial,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self,
                            "SELECT shipment_id, product_id, serial FROM shipment_lines "
                            "WHERE id = $1",
                            g_variant_new ("(x)", line_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("The shipment line this job names no longer exists. Choose the "
                             "product again."));
      return FALSE;
    }
  if (*shipment_id <= 0)
    *shipment_id = kefu_rows_get_int (rows, 0, 0);
  if (*product_id <= 0)
    *product_id = kefu_rows_get_int (rows, 0, 1);
  if (*serial == NULL)
    *serial = g_strdup (kefu_rows_get_text (rows, 0, 2));
  return TRUE;
}

/* The shipment line that carried `serial` (its newest), 0 when none: a job that names only a
 * serial is linked to the shipment it came in. */
static gboolean
find_line (KefuStore     *self,
           const char    *serial,
           gint64        *line_id,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self,
                            "SELECT id FROM shipment_lines WHERE serial = $1 "
                            "ORDER BY shipment_id DESC, id DESC LIMIT 1",
                            g_variant_new ("(s)", serial), cancellable, error);
  if (rows == NULL)
    return FALSE;
  *line_id = kefu_rows_get_n_rows (rows) > 0 ? kefu_rows_get_int (rows, 0, 0) : 0;
  return TRUE;
}

static char *
product_name (KefuStore     *self,
              gint64         product_id,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self, "SELECT name FROM products WHERE id = $1",
                            g_variant_new ("(x)", product_id), cancellable, error);
  if (rows == NULL)
    return NULL;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("The product of this service job no longer exists. Choose the "
                             "product again."));
      return NULL;
    }
  return g_strdup (kefu_rows_get_text (rows, 0, 0));
}

#define MAYBE_ID(id) ((id) > 0), (gint64) (id)

static gboolean
create_job_txn (KefuStore     *self,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  CreateJob *d = data;
  KefuServiceJob *job = d->input;
  g_autoptr(GDateTime) now = _kefu_store_now (self);
  g_autofree char *now_text = kefu_time_to_db (now);
  g_autoptr(KefuRows) customer = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *serial = g_strdup (job->serial);
  g_autofree char *name = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *search_text = NULL;
  g_autoptr(GString) details = g_string_new ("{\"kind\":");
  gint64 shipment_id = job->shipment_id;
  gint64 product_id = job->product_id;
  gint64 line_id = job->shipment_line_id;
  KefuWarrantyState warranty;
  KefuRole role;
  GDate today, start;
  guint months = 0;

  if (!_kefu_store_aftersales_actor_role (self, KEFU_HISTORY_KIND_SERVICE_JOB,
                                          &role, cancellable, error))
    return FALSE;
  customer = read_customer (self, job->customer_id, cancellable, error);
  if (customer == NULL)
    return FALSE;
  if (line_id <= 0 && serial != NULL && shipment_id <= 0 &&
      !find_line (self, serial, &line_id, cancellable, error))
    return FALSE;
  if (line_id > 0 &&
      !read_line (self, line_id, &shipment_id, &product_id, &serial, cancellable, error))
    return FALSE;
  if (product_id > 0 && (name = product_name (self, product_id, cancellable, error)) == NULL)
    return FALSE;

  _kefu_store_local_day (now, &today);
  if (!_kefu_store_serial_warranty_txn (self, serial, line_id, product_id, &today,
                                        &warranty, &start, &months, cancellable, error))
    return FALSE;
  start_text = _kefu_store_date_to_text (&start);
  reference = next_reference (self, now, cancellable, error);
  if (reference == NULL)
    return FALSE;

  rows = _kefu_store_query (self,
                            "INSERT INTO service_jobs (reference, kind, step, customer_id, "
                            "customer_name, customer_phone, address, call_id, shipment_id, "
                            "shipment_line_id, product_id, product_name, serial, "
                            "warranty_months, source, account_manager_id, reported_at, "
                            "reported_by, symptoms, phone_answer, warranty, warranty_start, "
                            "fee_fen, fee_agreed, attention_at, version, created_at, updated_at) "
                            "VALUES ($1, $2, 'reported', $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                            "$12, $13, $14, $15, $16, $17, $18, $19, $20, $21, 0, FALSE, $16, 1, "
                            "$16, $16) RETURNING id",
                            g_variant_new ("(ssxsmsmsmxmxmxmxmsmsxsmxsxmsmssms)",
                                           reference,
                                           _kefu_store_enum_to_nick (KEFU_TYPE_JOB_KIND, job->kind),
                                           job->customer_id,
                                           kefu_rows_get_text (customer, 0, 0),
                                           kefu_rows_get_text (customer, 0, 1),
                                           job->address != NULL ?
                                           job->address : kefu_rows_get_text (customer, 0, 2),
                                           MAYBE_ID (job->call_id),
                                           MAYBE_ID (shipment_id),
                                           MAYBE_ID (line_id),
                                           MAYBE_ID (product_id),
                                           name,
                                           serial,
                                           (gint64) months,
                                           _kefu_store_enum_to_nick (KEFU_TYPE_JOB_SOURCE,
                                                                     job->source),
                                           MAYBE_ID (job->account_manager_id),
                                           now_text,
                                           _kefu_store_get_txn_actor (self),
                                           job->symptoms,
                                           job->phone_answer,
                                           _kefu_store_enum_to_nick (KEFU_TYPE_WARRANTY_STATE,
                                                                     warranty),
                                           start_text),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  d->id = kefu_rows_get_int (rows, 0, 0);

  /* What the list's text filter looks in, as the complaints' search text is made (lower case,
   * fields joined by the unit separator). */
  search_text = _kefu_store_complaint_search_text (reference, kefu_rows_get_text (customer, 0, 0),
                                                   kefu_rows_get_text (customer, 0, 1), serial,
                                                   job->symptoms);
  if (_kefu_store_execute (self,
                           "INSERT INTO service_job_search (job_id, search_text) VALUES ($1, $2)",
                           g_variant_new ("(xs)", d->id, search_text), cancellable, error) < 0)
    return FALSE;

  _kefu_json_append_string (details, _kefu_store_enum_to_nick (KEFU_TYPE_JOB_KIND, job->kind));
  g_string_append (details, ",\"source\":");
  _kefu_json_append_string (details, _kefu_store_enum_to_nick (KEFU_TYPE_JOB_SOURCE, job->source));
  g_string_append_c (details, '}');
  return _kefu_store_add_event (self, "service-job", d->id, "reported", details->str,
                                cancellable, error);
}

#undef MAYBE_ID

/**
 * kefu_store_create_job:
 * @job: the report or request (see kefu-store-jobs.h); not changed
 *
 * Returns: (transfer full): the new job as read back, or %NULL with @error set
 */
KefuServiceJob *
kefu_store_create_job (KefuStore       *self,
                       KefuServiceJob  *job,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(KefuServiceJob) input = NULL;
  CreateJob d = { 0 };

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (KEFU_IS_SERVICE_JOB (job), NULL);
  g_return_val_if_fail (job->kind >= KEFU_JOB_KIND_INSTALLATION &&
                        job->kind <= KEFU_JOB_KIND_RETURN, NULL);
  g_return_val_if_fail (job->source == KEFU_JOB_SOURCE_CUSTOMER_CALL ||
                        job->source == KEFU_JOB_SOURCE_ACCOUNT_MANAGER, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* What is checked is what is stored: the text in its stored form, empty as none. */
  input = kefu_service_job_new ();
  input->kind = job->kind;
  input->customer_id = job->customer_id;
  input->source = job->source;
  input->account_manager_id = job->account_manager_id;
  input->call_id = job->call_id;
  input->shipment_id = job->shipment_id;
  input->shipment_line_id = job->shipment_line_id;
  input->product_id = job->product_id;
  input->serial = _kefu_store_job_text (job->serial);
  input->address = _kefu_store_job_text (job->address);
  input->symptoms = _kefu_store_job_text (job->symptoms);
  input->phone_answer = _kefu_store_job_text (job->phone_answer);
  d.input = input;

  if (!validate_job (input, error) ||
      !_kefu_store_write (self, create_job_txn, &d, cancellable, error))
    return NULL;
  return kefu_store_get_job (self, d.id, cancellable, error);
}
