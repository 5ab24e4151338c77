/* kefu-store-shipments-create.c: the shipping request (《发货申请单》) and its edits until the
 * shipment leaves: the request checked line by line, its reference assigned, the customer's name
 * and phone copied in, the lines' summary and the search text kept on the shipment, each in one
 * transaction with its event; and what the shipment writes share (the actor's role, the
 * receipt-days setting, the lines' summary and search text).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-reference.h"
#include "core/kefu-settings-keys.h"
#include "core/kefu-text.h"
#include "kefu-store-shipments-private.h"

#define REFERENCE_PREFIX   "FH"
#define MAX_QUANTITY       9999
#define MAX_LINES          200

static gboolean
is_postgres (KefuStore *self)
{
  return kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES;
}

static gboolean
fail (GError         **error,
      KefuStoreError   code,
      const char      *message)
{
  g_set_error_literal (error, KEFU_STORE_ERROR, code, message);
  return FALSE;
}

/* Shared by the shipment files, and with the service jobs' the acting staff member's role
 * (kefu-store-internal.h) */

gboolean
_kefu_store_aftersales_actor_role (KefuStore        *self,
                                   KefuHistoryKind   kind,
                                   KefuRole         *role,
                                   GCancellable     *cancellable,
                                   GError          **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self, "SELECT role, active, login, name FROM staff WHERE id = $1",
                            g_variant_new ("(x)", _kefu_store_get_txn_actor (self)),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    return fail (error, KEFU_STORE_ERROR_NO_ACTOR,
                 _("Nobody is signed in on this workstation. Choose who is working and try "
                   "again."));
  /* The built-in system row is inactive by design (kefuctl and the demo act as it); anyone
   * else inactive has left. */
  if (!kefu_rows_get_bool (rows, 0, 1) &&
      g_strcmp0 (kefu_rows_get_text (rows, 0, 2), "system") != 0)
    {
      const char *name = kefu_rows_get_text (rows, 0, 3);

      if (kind == KEFU_HISTORY_KIND_SERVICE_JOB)
        g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                     _("%s no longer works here (the staff member is inactive) and cannot work "
                       "on service jobs. Sign in as someone else."), name);
      else
        g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                     _("%s no longer works here (the staff member is inactive) and cannot work "
                       "on shipments. Sign in as someone else."), name);
      return FALSE;
    }
  *role = _kefu_store_enum_from_nick (KEFU_TYPE_ROLE, kefu_rows_get_text (rows, 0, 0),
                                      KEFU_ROLE_CLERK);
  return TRUE;
}

guint
_kefu_store_shipment_receipt_days (KefuStore     *self,
                                   GCancellable  *cancellable)
{
  const char *key = KEFU_SETTING_SHIPMENT_RECEIPT_DAYS;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = kefu_store_get_setting (self, key, cancellable, &local_error);
  guint days = 0;

  /* Checked when it is written. A value damaged by another tool must not stop the shipments,
   * and a read that failed fails the transaction's next statement too, which reports it: both
   * fall back to the default. */
  if (text != NULL && kefu_setting_validate (key, text, NULL) &&
      kefu_setting_parse_count (text, 0, G_MAXINT, &days, NULL))
    return days;
  if (text != NULL)
    g_message ("The setting %s holds “%s”, which is not valid; using the default %s",
               key, text, kefu_setting_get_default (key));
  kefu_setting_parse_count (kefu_setting_get_default (key), 0, G_MAXINT, &days, NULL);
  return days;
}

/* The unit separator, which one-line text never holds, so that no search matches across two
 * fields; ASCII lower case as the search patterns (_kefu_complaint_like_pattern ()). */
static void
append_search_field (GString    *text,
                     const char *field)
{
  if (text->len > 0)
    g_string_append_c (text, '\x1f');
  for (const char *p = field != NULL ? field : ""; *p != '\0'; p++)
    g_string_append_c (text, g_ascii_tolower (*p));
}

gboolean
_kefu_store_shipment_refresh (KefuStore     *self,
                              gint64         shipment_id,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(KefuRows) head = NULL;
  g_autoptr(KefuRows) lines = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 total = 0;

  head = _kefu_store_query (self,
                            "SELECT reference, customer_name, customer_phone, waybill, "
                            "dispatch_note_number FROM shipments WHERE id = $1",
                            g_variant_new ("(x)", shipment_id), cancellable, error);
  lines = head == NULL ? NULL :
          _kefu_store_query (self,
                             "SELECT product_name, serial, quantity FROM shipment_lines "
                             "WHERE shipment_id = $1 ORDER BY position, id",
                             g_variant_new ("(x)", shipment_id), cancellable, error);
  if (lines == NULL)
    return FALSE;
  for (guint column = 0; column < 5 && kefu_rows_get_n_rows (head) > 0; column++)
    append_search_field (text, kefu_rows_get_text (head, 0, column));
  for (guint i = 0; i < kefu_rows_get_n_rows (lines); i++)
    {
      if (!kefu_rows_is_null (lines, i, 1))
        append_search_field (text, kefu_rows_get_text (lines, i, 1));
      total += kefu_rows_get_int (lines, i, 2);
    }

  return _kefu_store_execute (self,
                              "UPDATE shipments SET n_lines = $2, total_quantity = $3, "
                              "first_product_name = $4 WHERE id = $1",
                              g_variant_new ("(xxxms)", shipment_id,
                                             (gint64) kefu_rows_get_n_rows (lines), total,
                                             kefu_rows_get_n_rows (lines) > 0 ?
                                             kefu_rows_get_text (lines, 0, 0) : NULL),
                              cancellable, error) >= 0 &&
         _kefu_store_execute (self,
                              "INSERT INTO shipment_search (shipment_id, search_text) "
                              "VALUES ($1, $2) ON CONFLICT (shipment_id) "
                              "DO UPDATE SET search_text = excluded.search_text",
                              g_variant_new ("(xs)", shipment_id, text->str),
                              cancellable, error) >= 0;
}

/* The request */

void
_kefu_shipment_request_clear (KefuShipmentRequest *r)
{
  g_clear_pointer (&r->address, g_free);
  g_clear_pointer (&r->notes, g_free);
  g_clear_pointer (&r->lines, g_ptr_array_unref);
}

char *
_kefu_store_shipment_stored_text (const char *text)
{
  g_autofree char *normal = text != NULL ? kefu_text_normalize (text) : NULL;

  return normal != NULL && normal[0] != '\0' ? g_steal_pointer (&normal) : NULL;
}

gboolean
_kefu_shipment_request_prepare (KefuShipment         *shipment,
                                GDateTime            *now,
                                KefuShipmentRequest  *r,
                                GError              **error)
{
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local_now),
                  g_date_time_get_month (local_now), g_date_time_get_year (local_now));

  r->address = _kefu_store_shipment_stored_text (shipment->address);
  r->notes = _kefu_store_shipment_stored_text (shipment->notes);
  if (!_kefu_store_validate_text (_("Address"), r->address, KEFU_TEXT_MAX_ADDRESS, FALSE, FALSE,
                                  error) ||
      !_kefu_store_validate_text (_("Notes"), r->notes, KEFU_TEXT_MAX_NOTES, FALSE, TRUE, error))
    return FALSE;
  if (shipment->customer_id <= 0)
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("Choose the customer the shipment goes to."));
  if (shipment->lines == NULL || shipment->lines->len == 0)
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("Add at least one product line to the shipping request."));
  if (shipment->lines->len > MAX_LINES)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                   _("A shipping request holds at most %u lines. Split it into two requests."),
                   MAX_LINES);
      return FALSE;
    }

  r->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_shipment_line_free);
  for (guint i = 0; i < shipment->lines->len; i++)
    {
      KefuShipmentLine *line = kefu_shipment_line_copy (g_ptr_array_index (shipment->lines, i));
      g_autofree char *serial = _kefu_store_shipment_stored_text (line->serial);
      g_autoptr(GError) text_error = NULL;

      g_ptr_array_add (r->lines, line);
      g_free (line->serial);
      line->serial = g_steal_pointer (&serial);
      if (line->product_id <= 0)
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                       _("Line %u: choose the product."), i + 1);
          return FALSE;
        }
      if (line->quantity < 1 || line->quantity > MAX_QUANTITY)
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                       _("Line %u: the quantity must be between 1 and %u."), i + 1, MAX_QUANTITY);
          return FALSE;
        }
      if (g_date_valid (&line->production_date) &&
          g_date_compare (&line->production_date, &today) > 0)
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                       _("Line %u: the production date is in the future."), i + 1);
          return FALSE;
        }
      if (!_kefu_store_validate_text (_("Product number"), line->serial, KEFU_TEXT_MAX_CODE * 2,
                                      FALSE, FALSE, &text_error))
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                       _("Line %u: %s"), i + 1, text_error->message);
          return FALSE;
        }
      /* A product number names one instrument: its warranty and its service history are the
       * history of that one unit, which a line of several units would make ambiguous. */
      if (line->serial != NULL && line->quantity != 1)
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                       _("Line %u: a product number names one unit: give each unit its own line."),
                       i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_kefu_store_shipment_check_manager (KefuStore     *self,
                                    gint64         staff_id,
                                    char         **name,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  *name = NULL;
  if (staff_id == 0)
    return TRUE;
  rows = _kefu_store_query (self, "SELECT role, name FROM staff WHERE id = $1",
                            g_variant_new ("(x)", staff_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0 ||
      g_strcmp0 (kefu_rows_get_text (rows, 0, 0),
                 _kefu_store_enum_to_nick (KEFU_TYPE_ROLE, KEFU_ROLE_SALES_REP)) != 0)
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("The account manager must be a sales representative. Choose one from the "
                   "list, or leave it empty."));
  *name = g_strdup (kefu_rows_get_text (rows, 0, 1));
  return TRUE;
}

gboolean
_kefu_store_shipment_insert_lines (KefuStore     *self,
                                   gint64         shipment_id,
                                   GPtrArray     *lines,
                                   guint          first_position,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  for (guint i = 0; i < lines->len; i++)
    {
      KefuShipmentLine *line = g_ptr_array_index (lines, i);
      g_autofree char *day = _kefu_store_shipment_day_text (&line->production_date);
      g_autoptr(KefuRows) product = NULL;

      product = _kefu_store_query (self, "SELECT name FROM products WHERE id = $1",
                                   g_variant_new ("(x)", line->product_id), cancellable, error);
      if (product == NULL)
        return FALSE;
      if (kefu_rows_get_n_rows (product) == 0)
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                       _("Line %u: the product no longer exists. Choose another one."),
                       first_position + i + 1);
          return FALSE;
        }
      if (_kefu_store_execute (self,
                               "INSERT INTO shipment_lines (shipment_id, position, product_id, "
                               "product_name, serial, production_date, quantity) "
                               "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                               g_variant_new ("(xxxsmsmsx)", shipment_id,
                                              (gint64) (first_position + i), line->product_id,
                                              kefu_rows_get_text (product, 0, 0), line->serial,
                                              day, (gint64) line->quantity),
                               cancellable, error) < 0)
        return FALSE;
    }
  return TRUE;
}

/* The next "FH-YYYYMMDD-NNNN" of the local day of `now`. PostgreSQL workstations take an
 * advisory lock on the day first, so that two requests saved at once do not take the same
 * number; SQLite's write transaction already excludes every other writer. */
static char *
next_reference (KefuStore     *self,
                GDateTime     *now,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autofree char *first = kefu_reference_format (REFERENCE_PREFIX, local, 1);
  g_autofree char *day_prefix = g_strndup (first, strlen (first) - 4);
  g_autofree char *end = g_strdup (day_prefix);
  g_autoptr(KefuRows) rows = NULL;
  guint64 highest = 0;

  /* The first text after every "FH-20261127-…": the same with its last dash as ".". */
  end[strlen (end) - 1] = '-' + 1;
  if (is_postgres (self) &&
      _kefu_store_execute (self, "SELECT pg_advisory_xact_lock(hashtext($1))",
                           g_variant_new ("(s)", day_prefix), cancellable, error) < 0)
    return NULL;
  /* The longest reference first: past 9999 the text order no longer follows the numbers. */
  rows = _kefu_store_query (self,
                            is_postgres (self) ?
                            "SELECT reference FROM shipments WHERE reference ~>=~ $1 AND "
                            "reference ~<~ $2 ORDER BY length(reference) DESC, reference "
                            "USING ~>~ LIMIT 1" :
                            "SELECT reference FROM shipments WHERE reference >= $1 AND "
                            "reference < $2 ORDER BY length(reference) DESC, reference DESC "
                            "LIMIT 1",
                            g_variant_new ("(ss)", day_prefix, end), cancellable, error);
  if (rows == NULL)
    return NULL;
  if (kefu_rows_get_n_rows (rows) > 0)
    g_ascii_string_to_unsigned (kefu_rows_get_text (rows, 0, 0) + strlen (day_prefix), 10, 0,
                                KEFU_REFERENCE_SEQUENCE_MAX, &highest, NULL);
  if (highest >= KEFU_REFERENCE_SEQUENCE_MAX)
    {
      fail (error, KEFU_STORE_ERROR_INVALID,
            _("No shipment reference number is left for today. Ask the administrator to check "
              "the shipments of the day."));
      return NULL;
    }
  return kefu_reference_format (REFERENCE_PREFIX, local, (guint) highest + 1);
}

typedef struct
{
  KefuShipment *shipment;
  gint64        id;          /* out */
} CreateData;

static gboolean
create_txn (KefuStore     *self,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  CreateData *d = data;
  g_auto(KefuShipmentRequest) r = { 0 };
  g_autoptr(GDateTime) now = _kefu_store_now (self);
  g_autofree char *now_text = kefu_time_to_db (now);
  g_autofree char *reference = NULL;
  g_autofree char *manager_name = NULL;
  g_autoptr(KefuRows) customer = NULL;
  g_autoptr(KefuRows) inserted = NULL;
  g_autoptr(GError) flow_error = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  KefuRole role;

  if (!_kefu_shipment_request_prepare (d->shipment, now, &r, error) ||
      !_kefu_store_aftersales_actor_role (self, KEFU_HISTORY_KIND_SHIPMENT,
                                          &role, cancellable, error))
    return FALSE;
  /* The people who may edit a request are those who may file one. */
  if (!kefu_shipment_flow_check (KEFU_SHIPMENT_ACTION_EDIT_DETAILS, KEFU_SHIPMENT_STEP_REQUESTED,
                                 role, NULL, &flow_error))
    return fail (error, KEFU_STORE_ERROR_PERMISSION, flow_error->message);
  if (!_kefu_store_shipment_check_manager (self, d->shipment->account_manager_id, &manager_name,
                                           cancellable, error))
    return FALSE;

  customer = _kefu_store_query (self,
                                "SELECT customers.name, customers.address, (SELECT phone FROM "
                                "customer_phones WHERE customer_phones.customer_id = customers.id "
                                "ORDER BY position, id LIMIT 1) FROM customers WHERE id = $1",
                                g_variant_new ("(x)", d->shipment->customer_id),
                                cancellable, error);
  if (customer == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (customer) == 0)
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("The customer of this shipment no longer exists. Choose the customer again."));

  if (d->shipment->call_id != 0)
    {
      g_autoptr(KefuRows) call = _kefu_store_query (self, "SELECT id FROM calls WHERE id = $1",
                                                    g_variant_new ("(x)", d->shipment->call_id),
                                                    cancellable, error);

      if (call == NULL)
        return FALSE;
      if (kefu_rows_get_n_rows (call) == 0)
        return fail (error, KEFU_STORE_ERROR_INVALID,
                     _("The order call this shipment was started from no longer exists. Start "
                       "the request again from the customer."));
    }

  reference = next_reference (self, now, cancellable, error);
  if (reference == NULL)
    return FALSE;
  inserted = _kefu_store_query (self,
                                "INSERT INTO shipments (reference, step, customer_id, "
                                "customer_name, customer_phone, address, call_id, "
                                "account_manager_id, notes, requested_at, requested_by, "
                                "created_at, updated_at) VALUES ($1, 'requested', $2, $3, $4, $5, "
                                "$6, $7, $8, $9, $10, $9, $9) RETURNING id",
                                g_variant_new ("(sxsmsmsmxmxmssx)", reference,
                                               d->shipment->customer_id,
                                               kefu_rows_get_text (customer, 0, 0),
                                               kefu_rows_get_text (customer, 0, 2),
                                               r.address != NULL ? r.address :
                                               kefu_rows_get_text (customer, 0, 1),
                                               d->shipment->call_id != 0, d->shipment->call_id,
                                               d->shipment->account_manager_id != 0,
                                               d->shipment->account_manager_id,
                                               r.notes, now_text,
                                               _kefu_store_get_txn_actor (self)),
                                cancellable, error);
  if (inserted == NULL)
    return FALSE;
  d->id = kefu_rows_get_int (inserted, 0, 0);
  if (!_kefu_store_shipment_insert_lines (self, d->id, r.lines, 0, cancellable, error) ||
      !_kefu_store_shipment_refresh (self, d->id, cancellable, error))
    return FALSE;

  g_string_append_printf (details, "{\"lines\":%u,\"account_manager\":", r.lines->len);
  if (manager_name != NULL)
    _kefu_json_append_string (details, manager_name);
  else
    g_string_append (details, "null");
  g_string_append_c (details, '}');
  return _kefu_store_add_event (self, KEFU_SHIPMENT_ENTITY, d->id, "requested", details->str,
                                cancellable, error);
}

/**
 * kefu_store_create_shipment:
 * @shipment: the request: customer_id, account_manager_id, call_id, address, notes and lines
 *
 * Returns: (transfer full): the new shipment as read back, with its lines; %NULL with
 *   %KEFU_STORE_ERROR_INVALID (the reason names the field or line) or
 *   %KEFU_STORE_ERROR_PERMISSION
 */
KefuShipment *
kefu_store_create_shipment (KefuStore     *self,
                            KefuShipment  *shipment,
                            GCancellable  *cancellable,
                            GError       **error)
{
  CreateData d = { .shipment = shipment };

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (KEFU_IS_SHIPMENT (shipment), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kefu_store_write (self, create_txn, &d, cancellable, error))
    return NULL;
  return _kefu_store_read_shipment (self, d.id, cancellable, error);
}
