/* kefu-store-shipments-edit.c: edits of a shipping request until the shipment leaves (address,
 * account manager, notes, lines), with a version check, in one transaction with its
 * "details-changed" event.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "kefu-store-shipments-private.h"

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

static void
note_text_change (GString    *changes,
                  const char *field,
                  const char *before,
                  const char *after)
{
  if (g_strcmp0 (before, after) == 0)
    return;
  if (changes->len > 0)
    g_string_append_c (changes, ',');
  _kefu_json_append_string (changes, field);
  g_string_append (changes, ":[");
  if (before != NULL)
    _kefu_json_append_string (changes, before);
  else
    g_string_append (changes, "null");
  g_string_append_c (changes, ',');
  if (after != NULL)
    _kefu_json_append_string (changes, after);
  else
    g_string_append (changes, "null");
  g_string_append_c (changes, ']');
}

/* TRUE when the stored lines (id, product, serial, day, quantity in order) are `lines`. */
static gboolean
lines_equal (KefuRows  *stored,
             GPtrArray *lines)
{
  if (kefu_rows_get_n_rows (stored) != lines->len)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      KefuShipmentLine *line = g_ptr_array_index (lines, i);
      g_autofree char *day = _kefu_store_shipment_day_text (&line->production_date);

      if (kefu_rows_get_int (stored, i, 1) != line->product_id ||
          g_strcmp0 (kefu_rows_get_text (stored, i, 2), line->serial) != 0 ||
          g_strcmp0 (kefu_rows_get_text (stored, i, 3), day) != 0 ||
          kefu_rows_get_int (stored, i, 4) != line->quantity)
        return FALSE;
    }
  return TRUE;
}

/* Replaces the lines: a line that keeps its id is updated in place (a service job may point at
 * it), the others are added, and the stored ones no longer given are removed. */
static gboolean
replace_lines (KefuStore     *self,
               gint64         shipment_id,
               KefuRows      *stored,
               GPtrArray     *lines,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  for (guint i = 0; i < kefu_rows_get_n_rows (stored); i++)
    {
      gint64 id = kefu_rows_get_int (stored, i, 0);
      gboolean kept = FALSE;

      for (guint j = 0; j < lines->len && !kept; j++)
        kept = ((KefuShipmentLine *) g_ptr_array_index (lines, j))->id == id;
      if (!kept && _kefu_store_execute (self, "DELETE FROM shipment_lines WHERE id = $1",
                                        g_variant_new ("(x)", id), cancellable, error) < 0)
        return FALSE;
    }
  for (guint j = 0; j < lines->len; j++)
    {
      KefuShipmentLine *line = g_ptr_array_index (lines, j);
      g_autofree char *day = _kefu_store_shipment_day_text (&line->production_date);
      gint64 changed;

      if (line->id == 0)
        {
          g_autoptr(GPtrArray) one = g_ptr_array_new ();

          g_ptr_array_add (one, line);
          if (!_kefu_store_shipment_insert_lines (self, shipment_id, one, j, cancellable, error))
            return FALSE;
          continue;
        }
      changed = _kefu_store_execute (self,
                                     "UPDATE shipment_lines SET position = $3, product_id = $4, "
                                     "product_name = (SELECT name FROM products WHERE id = $4), "
                                     "serial = $5, production_date = $6, quantity = $7 "
                                     "WHERE id = $1 AND shipment_id = $2",
                                     g_variant_new ("(xxxxmsmsx)", line->id, shipment_id,
                                                    (gint64) j, line->product_id, line->serial,
                                                    day, (gint64) line->quantity),
                                     cancellable, error);
      if (changed < 0)
        return FALSE;
      if (changed == 0)
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                       _("Line %u is not a line of this shipment. Reload the shipment and edit "
                         "it again."), j + 1);
          return FALSE;
        }
    }
  return TRUE;
}

typedef struct
{
  KefuShipment *shipment;
} UpdateData;

#define CURRENT_SQL \
  "SELECT shipments.version, step, address, notes, account_manager_id, account_manager.name " \
  "FROM shipments LEFT JOIN staff AS account_manager " \
  "ON account_manager.id = shipments.account_manager_id WHERE shipments.id = $1"

static gboolean
update_txn (KefuStore     *self,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  UpdateData *d = data;
  KefuShipment *s = d->shipment;
  g_auto(KefuShipmentRequest) r = { 0 };
  g_autoptr(GDateTime) now = _kefu_store_now (self);
  g_autofree char *now_text = kefu_time_to_db (now);
  g_autofree char *manager_name = NULL;
  g_autoptr(KefuRows) current = NULL;
  g_autoptr(KefuRows) stored = NULL;
  g_autoptr(GError) flow_error = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GString) details = NULL;
  KefuShipmentStep step;
  KefuRole role;

  if (!_kefu_shipment_request_prepare (s, now, &r, error) ||
      !_kefu_store_aftersales_actor_role (self, KEFU_HISTORY_KIND_SHIPMENT,
                                          &role, cancellable, error))
    return FALSE;
  /* PostgreSQL locks the row for the version check; SQLite's write transaction excludes every
   * other writer already. */
  current = _kefu_store_query (self,
                               is_postgres (self) ? CURRENT_SQL " FOR UPDATE OF shipments"
                                                  : CURRENT_SQL,
                               g_variant_new ("(x)", s->id), cancellable, error);
  if (current == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (current) == 0)
    return fail (error, KEFU_STORE_ERROR_NOT_FOUND,
                 _("This shipment no longer exists. Reload the list."));
  if (kefu_rows_get_int (current, 0, 0) != s->version)
    return fail (error, KEFU_STORE_ERROR_STALE_VERSION,
                 _("This shipment was changed by someone else since you opened it. Reload it "
                   "and make your change again."));
  step = _kefu_store_enum_from_nick (KEFU_TYPE_SHIPMENT_STEP, kefu_rows_get_text (current, 0, 1),
                                     KEFU_SHIPMENT_STEP_REQUESTED);
  if (!kefu_shipment_flow_check (KEFU_SHIPMENT_ACTION_EDIT_DETAILS, step, role, NULL, &flow_error))
    return fail (error,
                 g_error_matches (flow_error, KEFU_AFTERSALES_FLOW_ERROR,
                                  KEFU_AFTERSALES_FLOW_ERROR_PERMISSION) ?
                 KEFU_STORE_ERROR_PERMISSION : KEFU_STORE_ERROR_INVALID,
                 flow_error->message);
  if (!_kefu_store_shipment_check_manager (self, s->account_manager_id, &manager_name,
                                           cancellable, error))
    return FALSE;

  stored = _kefu_store_query (self,
                              "SELECT id, product_id, serial, production_date, quantity "
                              "FROM shipment_lines WHERE shipment_id = $1 ORDER BY position, id",
                              g_variant_new ("(x)", s->id), cancellable, error);
  if (stored == NULL)
    return FALSE;

  note_text_change (changes, "address", kefu_rows_get_text (current, 0, 2), r.address);
  note_text_change (changes, "notes", kefu_rows_get_text (current, 0, 3), r.notes);
  note_text_change (changes, "account_manager", kefu_rows_get_text (current, 0, 5), manager_name);
  if (!lines_equal (stored, r.lines))
    {
      if (changes->len > 0)
        g_string_append_c (changes, ',');
      g_string_append_printf (changes, "\"lines\":[%u,%u]", kefu_rows_get_n_rows (stored),
                              r.lines->len);
      if (!replace_lines (self, s->id, stored, r.lines, cancellable, error) ||
          !_kefu_store_shipment_refresh (self, s->id, cancellable, error))
        return FALSE;
    }
  if (changes->len == 0)
    return TRUE;

  if (_kefu_store_execute (self,
                           "UPDATE shipments SET address = $2, notes = $3, "
                           "account_manager_id = $4, version = version + 1, updated_at = $5 "
                           "WHERE id = $1",
                           g_variant_new ("(xmsmsmxs)", s->id, r.address, r.notes,
                                          s->account_manager_id != 0, s->account_manager_id,
                                          now_text),
                           cancellable, error) < 0)
    return FALSE;
  details = g_string_new ("{\"changes\":{");
  g_string_append_len (details, changes->str, changes->len);
  g_string_append (details, "}}");
  return _kefu_store_add_event (self, KEFU_SHIPMENT_ENTITY, s->id, "details-changed",
                                details->str, cancellable, error);
}

/**
 * kefu_store_update_shipment:
 * @shipment: the shipment as read (id, version) with the edited address, account manager,
 *   notes and lines (a line keeps its id, a new line has id 0)
 *
 * Returns: (transfer full): the shipment as read back; %NULL with
 *   %KEFU_STORE_ERROR_STALE_VERSION when it changed since @shipment was read
 */
KefuShipment *
kefu_store_update_shipment (KefuStore     *self,
                            KefuShipment  *shipment,
                            GCancellable  *cancellable,
                            GError       **error)
{
  UpdateData d = { .shipment = shipment };

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (KEFU_IS_SHIPMENT (shipment), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kefu_store_write (self, update_txn, &d, cancellable, error))
    return NULL;
  return _kefu_store_read_shipment (self, shipment->id, cancellable, error);
}
