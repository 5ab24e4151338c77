/* kefu-store-jobs-warranty.c: whether a product is still under warranty, from the product's
 * warranty months and the day its warranty started: the day a completed installation job of its
 * serial (or shipment line) was completed, or else the day the shipment that carried it was
 * shipped (kefu-warranty.h has the rule).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "core/kefu-warranty.h"
#include "kefu-store-calls-private.h"
#include "kefu-store-jobs-private.h"

/* Serials are compared as typed, trimmed; an empty serial names nothing. */
static const char *
serial_or_null (const char *serial)
{
  return serial != NULL && serial[0] != '\0' ? serial : NULL;
}

/* The product of the shipment line, or the first line carrying `serial`, when `product_id` is
 * not given; and the product's warranty months (FALSE in `known` when there is no product). */
static gboolean
product_months (KefuStore     *self,
                const char    *serial,
                gint64         shipment_line_id,
                gint64         product_id,
                guint         *months,
                gboolean      *known,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  if (product_id > 0)
    rows = _kefu_store_query (self, "SELECT warranty_months FROM products WHERE id = $1",
                              g_variant_new ("(x)", product_id), cancellable, error);
  else
    rows = _kefu_store_query (self,
                              "SELECT products.warranty_months FROM shipment_lines "
                              "JOIN products ON products.id = shipment_lines.product_id "
                              "WHERE shipment_lines.id = $1 OR (CAST($2 AS TEXT) IS NOT NULL "
                              "AND shipment_lines.serial = $2) "
                              "ORDER BY (shipment_lines.id = $1) DESC, shipment_lines.id LIMIT 1",
                              g_variant_new ("(xms)", shipment_line_id, serial),
                              cancellable, error);
  if (rows == NULL)
    return FALSE;
  *known = kefu_rows_get_n_rows (rows) > 0;
  *months = *known ? (guint) kefu_rows_get_int (rows, 0, 0) : 0;
  return TRUE;
}

/* The local day of the first completed installation of the serial or line, invalid when none. */
static gboolean
installed_day (KefuStore     *self,
               const char    *serial,
               gint64         shipment_line_id,
               GDate         *day,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GDateTime) completed = NULL;

  g_date_clear (day, 1);
  rows = _kefu_store_query (self,
                            "SELECT completed_at FROM service_jobs "
                            "WHERE kind = 'installation' AND step = 'completed' "
                            "AND ((shipment_line_id = $1 AND $1 > 0) OR "
                            "(CAST($2 AS TEXT) IS NOT NULL AND serial = $2)) "
                            "ORDER BY completed_at LIMIT 1",
                            g_variant_new ("(xms)", shipment_line_id, serial),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) > 0 && (completed = kefu_rows_get_time (rows, 0, 0)) != NULL)
    _kefu_store_local_day (completed, day);
  return TRUE;
}

/* The first ship day of a shipment carrying the line or the serial, invalid when none. */
static gboolean
shipped_day (KefuStore     *self,
             const char    *serial,
             gint64         shipment_line_id,
             GDate         *day,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  g_date_clear (day, 1);
  rows = _kefu_store_query (self,
                            "SELECT CAST(shipments.ship_date AS TEXT) FROM shipment_lines "
                            "JOIN shipments ON shipments.id = shipment_lines.shipment_id "
                            "WHERE shipments.ship_date IS NOT NULL "
                            "AND shipments.step <> 'cancelled' "
                            "AND ((shipment_lines.id = $1 AND $1 > 0) OR "
                            "(CAST($2 AS TEXT) IS NOT NULL AND shipment_lines.serial = $2)) "
                            "ORDER BY shipments.ship_date LIMIT 1",
                            g_variant_new ("(xms)", shipment_line_id, serial),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) > 0)
    _kefu_store_date_from_text (kefu_rows_get_text (rows, 0, 0), day);
  return TRUE;
}

gboolean
_kefu_store_serial_warranty_txn (KefuStore          *self,
                                 const char         *serial,
                                 gint64              shipment_line_id,
                                 gint64              product_id,
                                 const GDate        *day,
                                 KefuWarrantyState  *state,
                                 GDate              *start,
                                 guint         *months_out,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  GDate installed, shipped;
  const GDate *from;
  gboolean known = FALSE;
  guint months = 0;

  serial = serial_or_null (serial);
  *state = KEFU_WARRANTY_UNKNOWN;
  if (start != NULL)
    g_date_clear (start, 1);
  if (months_out != NULL)
    *months_out = 0;
  if (!product_months (self, serial, shipment_line_id, product_id, &months, &known,
                       cancellable, error) ||
      !installed_day (self, serial, shipment_line_id, &installed, cancellable, error) ||
      !shipped_day (self, serial, shipment_line_id, &shipped, cancellable, error))
    return KEFU_WARRANTY_UNKNOWN;
  if (months_out != NULL)
    *months_out = months;
  from = kefu_warranty_start (&shipped, &installed);
  /* Without the product its months are not known: nor is the warranty. */
  if (!known || from == NULL)
    return TRUE;
  if (start != NULL)
    *start = *from;
  *state = kefu_warranty_state (from, months, day, NULL);
  return TRUE;
}

/**
 * kefu_store_serial_warranty:
 * @serial: (nullable): the product's serial (产品编号)
 * @shipment_line_id: the shipment line, or 0
 * @product_id: the product, or 0 to take the shipment line's
 * @day: the day asked about
 * @start: (out caller-allocates) (optional): the warranty's start day (invalid when unknown)
 *
 * Returns: the warranty state on @day; %KEFU_WARRANTY_UNKNOWN when neither the start nor the
 *   product is known (and on an error, with @error set)
 */
KefuWarrantyState
kefu_store_serial_warranty (KefuStore     *self,
                            const char    *serial,
                            gint64         shipment_line_id,
                            gint64         product_id,
                            const GDate   *day,
                            GDate         *start,
                            GCancellable  *cancellable,
                            GError       **error)
{
  KefuWarrantyState state;

  g_return_val_if_fail (KEFU_IS_STORE (self), KEFU_WARRANTY_UNKNOWN);
  g_return_val_if_fail (day != NULL && g_date_valid (day), KEFU_WARRANTY_UNKNOWN);
  g_return_val_if_fail (error == NULL || *error == NULL, KEFU_WARRANTY_UNKNOWN);

  if (!_kefu_store_serial_warranty_txn (self, serial, shipment_line_id, product_id, day, &state,
                                        start, NULL, cancellable, error))
    return KEFU_WARRANTY_UNKNOWN;
  return state;
}
