/* kefu-store-shift-notes-links.c: the record a typed reference or phone number names, for a
 * shift hand-over note's link (kefu_store_resolve_shift_note_link ()). Every look-up is one
 * indexed read: references are unique, phones go through customer_phones.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-phone.h"
#include "core/kefu-reference.h"
#include "kefu-store-internal.h"
#include "kefu-store-shift-notes.h"

/* The canonical form of a typed reference ("ts 2026 1127 3" → "TS-20261127-0003"), with its
 * prefix; NULL when `text` is not a reference. */
static char *
canonical_reference (const char  *text,
                     char       **prefix)
{
  g_autofree char *parsed_prefix = NULL;
  g_autoptr(GDateTime) day_time = NULL;
  GDate day;
  guint sequence;

  g_date_clear (&day, 1);
  if (!kefu_reference_parse (text, &parsed_prefix, &day, &sequence, NULL))
    return NULL;
  day_time = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                    g_date_get_day (&day), 12, 0, 0);
  *prefix = g_steal_pointer (&parsed_prefix);
  return kefu_reference_format (*prefix, day_time, sequence);
}

/* A record by its reference: `sql` selects id, reference, name with $1 the reference. */
static KefuShiftNoteLink *
find_by_reference (KefuStore            *self,
                   KefuShiftNoteEntity   entity,
                   const char           *sql,
                   const char           *reference,
                   GCancellable         *cancellable,
                   GError              **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autofree char *text = NULL;

  rows = _kefu_store_query (self, sql, g_variant_new ("(s)", reference), cancellable, error);
  if (rows == NULL)
    return NULL;
  if (kefu_rows_get_n_rows (rows) == 0)
    return NULL;
  text = g_strdup_printf ("%s %s", kefu_rows_get_text (rows, 0, 1),
                          kefu_rows_get_text (rows, 0, 2));
  g_strstrip (text);
  return kefu_shift_note_link_new (entity, kefu_rows_get_int (rows, 0, 0), text);
}

#define COMPLAINT_SQL "SELECT id, reference, caller_name FROM complaints WHERE reference = $1"
#define CALL_SQL      "SELECT id, reference, caller_name FROM calls WHERE reference = $1"
#define SHIPMENT_SQL  "SELECT id, reference, customer_name FROM shipments WHERE reference = $1"
#define JOB_SQL       "SELECT id, reference, customer_name FROM service_jobs WHERE reference = $1"

/* The callback of `where` ($1, $2 its parameters): a due one, the earliest first, else the
 * latest of the others. */
static KefuShiftNoteLink *
find_callback (KefuStore     *self,
               const char    *where,
               GVariant      *params,
               const char    *about,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *sql = g_strconcat ("SELECT id, customer_name FROM callbacks WHERE ", where,
                                      " ORDER BY CASE WHEN state = 'due' THEN 0 ELSE 1 END, "
                                      "CASE WHEN state = 'due' THEN due_at END, due_at DESC, "
                                      "id DESC LIMIT 1", NULL);
  g_autoptr(KefuRows) rows = NULL;
  g_autofree char *text = NULL;

  rows = _kefu_store_query (self, sql, params, cancellable, error);
  if (rows == NULL || kefu_rows_get_n_rows (rows) == 0)
    return NULL;
  /* TRANSLATORS: a hand-over note's link to a callback: the customer's name, then the reference
   * or phone number it was found by. */
  text = g_strdup_printf (C_("shift note link", "%s (callback, %s)"),
                          kefu_rows_get_text (rows, 0, 1), about);
  return kefu_shift_note_link_new (KEFU_SHIFT_NOTE_ENTITY_CALLBACK,
                                   kefu_rows_get_int (rows, 0, 0), text);
}

/* The one customer whose number is (or ends with) `digits`; NULL with an error set, or NULL
 * without one when nobody has it. */
static KefuCustomer *
find_customer (KefuStore     *self,
               const char    *digits,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GListModel) found = NULL;

  found = kefu_store_find_customers_by_phone (self, digits, 2, cancellable, error);
  if (found == NULL || g_list_model_get_n_items (found) == 0)
    return NULL;
  if (g_list_model_get_n_items (found) > 1)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                   _("Several customers have a number ending in %s. Type the whole number."),
                   digits);
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

static void
set_not_found (GError     **error,
               int          entity,
               const char  *text)
{
  const char *message;

  switch (entity)
    {
    case KEFU_SHIFT_NOTE_ENTITY_CALL:
      message = _("No call has the reference “%s”. Check the number.");
      break;
    case KEFU_SHIFT_NOTE_ENTITY_COMPLAINT:
      message = _("No complaint has the reference “%s”. Check the number.");
      break;
    case KEFU_SHIFT_NOTE_ENTITY_SHIPMENT:
      message = _("No shipment has the reference “%s”. Check the number.");
      break;
    case KEFU_SHIFT_NOTE_ENTITY_JOB:
      message = _("No service job has the reference “%s”. Check the number.");
      break;
    case KEFU_SHIFT_NOTE_ENTITY_CALLBACK:
      message = _("No callback follows “%s”. Check the reference or phone number.");
      break;
    case KEFU_SHIFT_NOTE_ENTITY_CUSTOMER:
      message = _("No customer has the phone number “%s”. Check the number.");
      break;
    default:
      message = _("No record has the reference or phone number “%s”. Check the number.");
      break;
    }
  g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND, message, text);
}

/* The phone digits to look customers up by: a whole number, normalised, or its last 4 or more
 * digits; NULL when `text` is not a phone number. */
static char *
phone_digits (const char *text)
{
  g_autofree char *normalized = kefu_phone_normalize (text, NULL, NULL);
  char *digits = NULL;

  if (normalized != NULL)
    return g_steal_pointer (&normalized);
  if (kefu_phone_is_search_digits (text, &digits))
    return digits;
  g_free (digits);
  return NULL;
}

static KefuShiftNoteLink *
resolve_phone (KefuStore     *self,
               int            entity,
               const char    *digits,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(KefuCustomer) customer = NULL;
  g_autofree char *shown = NULL;
  gint64 customer_id;

  customer = find_customer (self, digits, cancellable, error);
  if (customer == NULL)
    return NULL;
  customer_id = kefu_record_get_id (KEFU_RECORD (customer));
  shown = kefu_phone_format (kefu_customer_get_primary_phone (customer));
  if (shown == NULL || shown[0] == '\0')
    {
      g_free (shown);
      shown = g_strdup (digits);
    }
  if (entity == KEFU_SHIFT_NOTE_ENTITY_CALLBACK)
    return find_callback (self, "customer_id = $1", g_variant_new ("(x)", customer_id), shown,
                          cancellable, error);
  {
    g_autofree char *text = g_strdup_printf ("%s %s", kefu_customer_get_name (customer), shown);

    return kefu_shift_note_link_new (KEFU_SHIFT_NOTE_ENTITY_CUSTOMER, customer_id, text);
  }
}

static KefuShiftNoteLink *
resolve_reference (KefuStore     *self,
                   int            entity,
                   const char    *prefix,
                   const char    *reference,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gboolean complaint_call = g_str_equal (prefix, "TS");
  gboolean call = complaint_call || g_str_equal (prefix, "DH") || g_str_equal (prefix, "ZX");
  KefuShiftNoteLink *link = NULL;

  switch (entity)
    {
    case KEFU_SHIFT_NOTE_ENTITY_CALL:
      return call ? find_by_reference (self, entity, CALL_SQL, reference, cancellable, error)
                  : NULL;
    case KEFU_SHIFT_NOTE_ENTITY_COMPLAINT:
      return complaint_call ? find_by_reference (self, entity, COMPLAINT_SQL, reference,
                                                 cancellable, error)
                            : NULL;
    case KEFU_SHIFT_NOTE_ENTITY_SHIPMENT:
      return g_str_equal (prefix, "FH") ? find_by_reference (self, entity, SHIPMENT_SQL,
                                                             reference, cancellable, error)
                                        : NULL;
    case KEFU_SHIFT_NOTE_ENTITY_JOB:
      return g_str_equal (prefix, "SH") ? find_by_reference (self, entity, JOB_SQL, reference,
                                                             cancellable, error)
                                        : NULL;
    case KEFU_SHIFT_NOTE_ENTITY_CALLBACK:
      {
        const char *source = complaint_call ? "complaint"
                             : g_str_equal (prefix, "FH") ? "shipment"
                             : g_str_equal (prefix, "SH") ? "service-job" : NULL;
        const char *sql = complaint_call ? COMPLAINT_SQL
                          : g_str_equal (prefix, "FH") ? SHIPMENT_SQL : JOB_SQL;
        g_autoptr(KefuShiftNoteLink) followed = NULL;

        if (source == NULL)
          return NULL;
        followed = find_by_reference (self, KEFU_SHIFT_NOTE_ENTITY_COMPLAINT, sql, reference,
                                      cancellable, error);
        if (followed == NULL)
          return NULL;
        return find_callback (self, "source_entity = $1 AND source_id = $2",
                              g_variant_new ("(sx)", source,
                                             kefu_shift_note_link_get_entity_id (followed)),
                              reference, cancellable, error);
      }
    case KEFU_SHIFT_NOTE_ENTITY_CUSTOMER:
      return NULL;
    default:
      break;
    }

  /* Whatever the reference names: a complaint rather than its call. */
  if (complaint_call)
    link = find_by_reference (self, KEFU_SHIFT_NOTE_ENTITY_COMPLAINT, COMPLAINT_SQL, reference,
                              cancellable, error);
  if (link == NULL && call && (error == NULL || *error == NULL))
    link = find_by_reference (self, KEFU_SHIFT_NOTE_ENTITY_CALL, CALL_SQL, reference,
                              cancellable, error);
  if (link == NULL && g_str_equal (prefix, "FH"))
    link = find_by_reference (self, KEFU_SHIFT_NOTE_ENTITY_SHIPMENT, SHIPMENT_SQL, reference,
                              cancellable, error);
  if (link == NULL && g_str_equal (prefix, "SH"))
    link = find_by_reference (self, KEFU_SHIFT_NOTE_ENTITY_JOB, JOB_SQL, reference,
                              cancellable, error);
  return link;
}

/**
 * kefu_store_resolve_shift_note_link:
 * @entity: a #KefuShiftNoteEntity, or -1 for whatever @text names
 * @text: a reference or a phone number as typed
 *
 * Returns: (transfer full): the link, or %NULL with @error set
 */
KefuShiftNoteLink *
kefu_store_resolve_shift_note_link (KefuStore     *self,
                                    int            entity,
                                    const char    *text,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *digits = NULL;
  GError *local_error = NULL;
  KefuShiftNoteLink *link = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (entity >= -1 && entity <= KEFU_SHIFT_NOTE_ENTITY_CUSTOMER, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = _kefu_store_normalize_text (text != NULL ? text : "");
  if (trimmed == NULL || trimmed[0] == '\0')
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           _("Type a reference number (such as TS-20261127-0003) or a phone "
                             "number."));
      return NULL;
    }

  reference = canonical_reference (trimmed, &prefix);
  if (reference != NULL && entity == KEFU_SHIFT_NOTE_ENTITY_CUSTOMER)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           _("A customer is found by their phone number. Type the number, or "
                             "choose another kind of record for a reference."));
      return NULL;
    }
  if (reference != NULL)
    link = resolve_reference (self, entity, prefix, reference, cancellable, &local_error);
  else if ((digits = phone_digits (trimmed)) != NULL &&
           (entity == -1 || entity == KEFU_SHIFT_NOTE_ENTITY_CUSTOMER ||
            entity == KEFU_SHIFT_NOTE_ENTITY_CALLBACK))
    link = resolve_phone (self, entity, digits, cancellable, &local_error);
  else if (digits == NULL)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                   _("“%s” is neither a reference number (such as TS-20261127-0003) nor a phone "
                     "number."), trimmed);
      return NULL;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (link == NULL)
    set_not_found (error, entity, reference != NULL ? reference : trimmed);
  return link;
}

typedef struct
{
  int   entity;
  char *text;
} Resolve;

static void
resolve_free (Resolve *resolve)
{
  g_free (resolve->text);
  g_free (resolve);
}

static gpointer
resolve_func (KefuStore     *self,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Resolve *resolve = data;

  return kefu_store_resolve_shift_note_link (self, resolve->entity, resolve->text, cancellable,
                                             error);
}

void
kefu_store_resolve_shift_note_link_async (KefuStore           *self,
                                          int                  entity,
                                          const char          *text,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  Resolve *resolve;

  g_return_if_fail (KEFU_IS_STORE (self));

  resolve = g_new0 (Resolve, 1);
  resolve->entity = entity;
  resolve->text = g_strdup (text);
  kefu_store_run_async (self, resolve_func, resolve, (GDestroyNotify) resolve_free, cancellable,
                        callback, user_data);
}

/**
 * kefu_store_resolve_shift_note_link_finish:
 *
 * Returns: (transfer full): the link, or %NULL with @error set
 */
KefuShiftNoteLink *
kefu_store_resolve_shift_note_link_finish (KefuStore     *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return kefu_store_run_finish (self, result, error);
}
