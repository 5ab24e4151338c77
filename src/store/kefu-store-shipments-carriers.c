/* kefu-store-shipments-carriers.c: the site's carriers (the default eight are written by schema
 * step 4), and a product's life by its serial (产品编号): the shipments and service jobs that
 * name it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-history-entry.h"
#include "core/kefu-roles.h"
#include "core/kefu-text.h"
#include "kefu-store-shipments-private.h"

#define CARRIER_COLUMNS "id, version, name, kind, tracking_template, active, position"

static KefuCarrier *
carrier_from_row (KefuRows *rows,
                  guint     i)
{
  KefuCarrier *carrier = kefu_carrier_new ();

  carrier->id = kefu_rows_get_int (rows, i, 0);
  carrier->version = kefu_rows_get_int (rows, i, 1);
  carrier->name = g_strdup (kefu_rows_get_text (rows, i, 2));
  carrier->kind = _kefu_store_enum_from_nick (KEFU_TYPE_CARRIER_KIND,
                                              kefu_rows_get_text (rows, i, 3), KEFU_CARRIER_OTHER);
  carrier->tracking_template = g_strdup (kefu_rows_get_text (rows, i, 4));
  carrier->active = kefu_rows_get_bool (rows, i, 5);
  carrier->position = (guint) kefu_rows_get_int (rows, i, 6);
  return carrier;
}

/**
 * kefu_store_list_carriers:
 * @include_inactive: also the carriers no longer used
 *
 * Returns: (transfer full) (element-type KefuCarrier): the carriers in their list order
 */
GPtrArray *
kefu_store_list_carriers (KefuStore     *self,
                          gboolean       include_inactive,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  GPtrArray *carriers;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = _kefu_store_query (self,
                            include_inactive ?
                            "SELECT " CARRIER_COLUMNS " FROM carriers ORDER BY position, id" :
                            "SELECT " CARRIER_COLUMNS " FROM carriers WHERE active "
                            "ORDER BY position, id",
                            NULL, cancellable, error);
  if (rows == NULL)
    return NULL;
  carriers = g_ptr_array_new_full (kefu_rows_get_n_rows (rows), g_object_unref);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    g_ptr_array_add (carriers, carrier_from_row (rows, i));
  return carriers;
}

typedef struct
{
  KefuCarrier *carrier;
  char        *name;
  char        *template;
  gint64       id;        /* out */
} SaveCarrier;

static gboolean
fail (GError         **error,
      KefuStoreError   code,
      const char      *message)
{
  g_set_error_literal (error, KEFU_STORE_ERROR, code, message);
  return FALSE;
}

static gboolean
check_template (const char  *template,
                GError     **error)
{
  if (template == NULL)
    return TRUE;
  if (!g_str_has_prefix (template, "https://") && !g_str_has_prefix (template, "http://"))
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("The tracking address must start with https:// or http://."));
  if (strstr (template, "{waybill}") == NULL)
    return fail (error, KEFU_STORE_ERROR_INVALID,
                 _("The tracking address must hold {waybill} where the waybill number goes, "
                   "e.g. https://example.com/track?no={waybill}."));
  return TRUE;
}

static gboolean
save_carrier_txn (KefuStore     *self,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  SaveCarrier *d = data;
  KefuCarrier *c = d->carrier;
  const char *kind = _kefu_store_enum_to_nick (KEFU_TYPE_CARRIER_KIND, c->kind);
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now_text = _kefu_store_now_text (self);
  KefuRole role;

  if (!_kefu_store_aftersales_actor_role (self, KEFU_HISTORY_KIND_SHIPMENT,
                                          &role, cancellable, error))
    return FALSE;
  if (!kefu_role_can_edit_settings (role))
    return fail (error, KEFU_STORE_ERROR_PERMISSION,
                 _("Only the staff who edit the settings can change the carriers."));
  if (kind == NULL)
    return fail (error, KEFU_STORE_ERROR_INVALID, _("Choose the carrier's waybill form."));

  if (c->id == 0)
    rows = _kefu_store_query (self,
                              "INSERT INTO carriers (name, kind, tracking_template, active, "
                              "position) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                              g_variant_new ("(ssmsbx)", d->name, kind, d->template, c->active,
                                             (gint64) c->position),
                              cancellable, &local_error);
  else
    rows = _kefu_store_query (self,
                              "UPDATE carriers SET name = $3, kind = $4, tracking_template = $5, "
                              "active = $6, position = $7, version = version + 1, "
                              "updated_at = $8 WHERE id = $1 AND version = $2 RETURNING id",
                              g_variant_new ("(xxssmsbxs)", c->id, c->version, d->name, kind,
                                             d->template, c->active, (gint64) c->position,
                                             now_text),
                              cancellable, &local_error);
  if (rows == NULL)
    {
      if (g_error_matches (local_error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE))
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE,
                       _("A carrier named “%s” is already in the list. Choose another name, or "
                         "edit that carrier."), d->name);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (kefu_rows_get_n_rows (rows) == 0)
    return fail (error, KEFU_STORE_ERROR_STALE_VERSION,
                 _("This carrier was changed by someone else since you opened it. Reload the "
                   "list and make your change again."));
  d->id = kefu_rows_get_int (rows, 0, 0);
  return _kefu_store_add_event (self, "carriers", d->id, c->id == 0 ? "create" : "update", "{}",
                                cancellable, error);
}

/**
 * kefu_store_save_carrier:
 * @carrier: a new carrier (id 0) or one as read, with its edits
 *
 * Returns: (transfer full): the carrier as read back; %NULL with %KEFU_STORE_ERROR_PERMISSION,
 *   %KEFU_STORE_ERROR_INVALID, %KEFU_STORE_ERROR_DUPLICATE (the name is taken) or
 *   %KEFU_STORE_ERROR_STALE_VERSION
 */
KefuCarrier *
kefu_store_save_carrier (KefuStore     *self,
                         KefuCarrier   *carrier,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  SaveCarrier d = { .carrier = carrier };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (KEFU_IS_CARRIER (carrier), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  d.name = carrier->name != NULL ? kefu_text_normalize (carrier->name) : NULL;
  d.template = carrier->tracking_template != NULL ?
               kefu_text_normalize (carrier->tracking_template) : NULL;
  if (d.template != NULL && d.template[0] == '\0')
    g_clear_pointer (&d.template, g_free);
  ok = _kefu_store_validate_text (_("Name"), d.name, KEFU_TEXT_MAX_NAME, TRUE, FALSE, error) &&
       _kefu_store_validate_text (_("Tracking address"), d.template, KEFU_TEXT_MAX_ADDRESS,
                                  FALSE, FALSE, error) &&
       check_template (d.template, error) &&
       _kefu_store_write (self, save_carrier_txn, &d, cancellable, error);
  g_free (d.name);
  g_free (d.template);
  if (!ok)
    return NULL;

  rows = _kefu_store_query (self, "SELECT " CARRIER_COLUMNS " FROM carriers WHERE id = $1",
                            g_variant_new ("(x)", d.id), cancellable, error);
  if (rows == NULL)
    return NULL;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      fail (error, KEFU_STORE_ERROR_NOT_FOUND,
            _("This carrier no longer exists. Reload the list."));
      return NULL;
    }
  return carrier_from_row (rows, 0);
}

/* Serial history */

/* What a line of a serial's history says, in words as a customer's history says it
 * (kefu-store-history.c): a shipment's product and the line's quantity, a job's kind and its
 * fault. */
static char *
serial_summary (KefuRows        *rows,
                guint            i,
                KefuHistoryKind  kind)
{
  const char *text = kefu_rows_get_text (rows, i, 4);
  const char *kind_name = "";
  int value;

  if (kind == KEFU_HISTORY_KIND_SHIPMENT)
    return g_strdup_printf ("%s ×%" G_GINT64_FORMAT, text != NULL ? text : "",
                            kefu_rows_get_int (rows, i, 8));
  if (kefu_enum_from_nick (KEFU_TYPE_JOB_KIND, kefu_rows_get_text (rows, i, 7), &value))
    kind_name = kefu_job_kind_get_display_name (value);
  /* Translators: a service job in a customer's history: its kind, then the fault. */
  return text != NULL ? g_strdup_printf (C_("history", "%s: %s"), kind_name, text)
                      : g_strdup (kind_name);
}

/**
 * kefu_store_list_serial_history:
 * @serial: a product number (产品编号), compared as stored (trimmed)
 *
 * The shipment lines and the service jobs naming @serial, oldest first, as a customer's history
 * lists them (kefu_store_list_customer_history ()): entity "shipment" at its request time or
 * "service-job" at its report time, the status the nick of its step, the summary in words.
 *
 * Returns: (transfer full): a #GListModel of #KefuHistoryEntry, or %NULL with @error set
 */
GListModel *
kefu_store_list_serial_history (KefuStore     *self,
                                const char    *serial,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autofree char *key = NULL;
  g_autoptr(KefuRows) rows = NULL;
  GListStore *store;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (serial != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = g_list_store_new (KEFU_TYPE_HISTORY_ENTRY);
  key = kefu_text_normalize (serial);
  if (key == NULL || key[0] == '\0')
    return G_LIST_MODEL (store);

  /* Both parts through their serial indexes (shipment_lines_serial, service_jobs_serial). */
  rows = _kefu_store_query (self,
                            "SELECT 0, shipments.id, shipments.reference, shipments.requested_at, "
                            "shipment_lines.product_name, shipments.step, requester.name, "
                            "CAST(NULL AS TEXT), shipment_lines.quantity "
                            "FROM shipment_lines JOIN shipments "
                            "ON shipments.id = shipment_lines.shipment_id "
                            "LEFT JOIN staff AS requester ON requester.id = shipments.requested_by "
                            "WHERE shipment_lines.serial = $1 "
                            "UNION ALL "
                            "SELECT 1, service_jobs.id, service_jobs.reference, "
                            "service_jobs.reported_at, service_jobs.symptoms, service_jobs.step, "
                            "reporter.name, service_jobs.kind, NULL "
                            "FROM service_jobs "
                            "LEFT JOIN staff AS reporter ON reporter.id = service_jobs.reported_by "
                            "WHERE service_jobs.serial = $1 "
                            "ORDER BY 4, 1, 2",
                            g_variant_new ("(s)", key), cancellable, error);
  if (rows == NULL)
    {
      g_object_unref (store);
      return NULL;
    }
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      KefuHistoryKind kind = kefu_rows_get_int (rows, i, 0) == 1 ? KEFU_HISTORY_KIND_SERVICE_JOB
                                                                  : KEFU_HISTORY_KIND_SHIPMENT;
      g_autoptr(GDateTime) at = kefu_rows_get_time (rows, i, 3);
      g_autoptr(KefuHistoryEntry) entry = NULL;
      g_autofree char *summary = serial_summary (rows, i, kind);

      entry = kefu_history_entry_new (kind,
                                      kind == KEFU_HISTORY_KIND_SERVICE_JOB ? "service-job"
                                                                            : "shipment",
                                      kefu_rows_get_int (rows, i, 1),
                                      kefu_rows_get_text (rows, i, 2), at, summary,
                                      kefu_rows_get_text (rows, i, 5),
                                      kefu_rows_get_text (rows, i, 6));
      g_list_store_append (store, entry);
    }
  return G_LIST_MODEL (store);
}
