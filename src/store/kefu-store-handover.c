/* kefu-store-handover.c: what happens to order calls after they are saved: the daily hand-over
 * of the order forms to the sales admins (交接), and the orders from outside the service area,
 * whose customers the sales admin notifies and apologises to.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-roles.h"
#include "core/kefu-text.h"
#include "kefu-store-calls-private.h"

#define CALLS_WITH_ORDERS \
  "SELECT " KEFU_CALL_COLUMNS ", " KEFU_ORDER_COLUMNS " FROM " KEFU_CALL_FROM " " \
  "JOIN orders ON orders.call_id = calls.id " KEFU_ORDER_JOIN_HANDED " "

/* The batch of a day: waiting orders of that day and of earlier days that were missed. Walks
 * orders_handover (handover_state, handover_date). */
#define BATCH_WHERE \
  "orders.handover_state = '" KEFU_HANDOVER_WAITING "' AND orders.handover_date <= $1"

/* Open out-of-area orders, through the partial index orders_out_of_area, whose condition the
 * query must repeat as each dialect wrote it: SQLite matches "out_of_area = 1" (not "= TRUE"),
 * and PostgreSQL refuses to compare a boolean with 1. */
static const char *
out_of_area_where (KefuStore *self)
{
  return kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES ?
         "orders.out_of_area AND orders.area_notified_at IS NULL" :
         "orders.out_of_area = 1 AND orders.area_notified_at IS NULL";
}

/**
 * kefu_store_list_handover_orders:
 * @day: the local day of the hand-over
 *
 * Returns: (transfer full): a #GListModel of #KefuCall, each with its order and lines, by
 *   channel then received time
 */
GListModel *
kefu_store_list_handover_orders (KefuStore     *self,
                                 const GDate   *day,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autofree char *day_text = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  day_text = _kefu_store_date_to_text (day);
  /* The channel nicks sort in the order of KefuChannel. */
  return _kefu_store_list_calls_with_orders (self,
                                             CALLS_WITH_ORDERS "WHERE " BATCH_WHERE
                                             " ORDER BY orders.channel, calls.received_at, calls.id",
                                             "SELECT " KEFU_ORDER_LINE_COLUMNS " FROM order_lines "
                                             "WHERE order_lines.order_id IN (SELECT orders.id "
                                             "FROM orders WHERE " BATCH_WHERE ") "
                                             "ORDER BY order_lines.order_id, order_lines.position",
                                             g_variant_new ("(s)", day_text),
                                             cancellable, error);
}

typedef struct
{
  GDate   day;
  gint64  recipients[4];
  guint   n_handed;
} HandOver;

/* Checks that the actor may hand over and that each recipient receives their channel's forms. */
static gboolean
check_hand_over (KefuStore     *self,
                 HandOver      *h,
                 GCancellable  *cancellable,
                 GError       **error)
{
  KefuRole role;

  if (!_kefu_store_staff_role (self, _kefu_store_get_txn_actor (self), &role, NULL,
                               cancellable, error))
    return FALSE;
  if (!kefu_role_can_hand_over_orders (role))
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                   _("Only a team lead or the customer-service manager hands over the order "
                     "forms, and you are working as %s. Ask one of them to do it."),
                   kefu_role_get_display_name (role));
      return FALSE;
    }

  if (h->recipients[KEFU_CHANNEL_UNSPECIFIED] != 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           _("Orders without a channel have no one to receive them. Give each "
                             "order its channel instead."));
      return FALSE;
    }

  for (KefuChannel channel = KEFU_CHANNEL_HOME_DELIVERY; channel <= KEFU_CHANNEL_SUPERMARKET;
       channel++)
    {
      g_autofree char *name = NULL;
      KefuRole receiver;
      KefuRole recipient_role;

      if (h->recipients[channel] == 0)
        continue;
      if (!kefu_channel_get_order_receiver (channel, &receiver))
        g_return_val_if_reached (FALSE);
      if (!_kefu_store_staff_role (self, h->recipients[channel], &recipient_role, &name,
                                   cancellable, error))
        return FALSE;
      if (recipient_role != receiver)
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                       /* TRANSLATORS: the person, their role, a sales channel, then the role
                        * that receives that channel's orders (twice), e.g. "Li Na is a Sales
                        * admin, but Home delivery orders go to a Depot admin. Choose a Depot
                        * admin for them." */
                       _("%s is a %s, but %s orders go to a %s. Choose a %s for them."),
                       name, kefu_role_get_display_name (recipient_role),
                       kefu_channel_get_display_name (channel),
                       kefu_role_get_display_name (receiver),
                       kefu_role_get_display_name (receiver));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
hand_over_txn (KefuStore     *self,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  HandOver *h = data;
  g_autofree char *day_text = _kefu_store_date_to_text (&h->day);
  gint64 actor = _kefu_store_get_txn_actor (self);

  h->n_handed = 0;
  if (!check_hand_over (self, h, cancellable, error))
    return FALSE;

  for (KefuChannel channel = KEFU_CHANNEL_HOME_DELIVERY; channel <= KEFU_CHANNEL_SUPERMARKET;
       channel++)
    {
      g_autoptr(KefuRows) rows = NULL;

      if (h->recipients[channel] == 0)
        continue;
      rows = _kefu_store_query (self,
                                "UPDATE orders SET handover_state = '" KEFU_HANDOVER_HANDED_OVER "', "
                                "handed_to_id = $2, handed_over_at = now(), handed_over_by = $3, "
                                "version = version + 1, updated_at = now() "
                                "WHERE " BATCH_WHERE " AND orders.channel = $4 RETURNING id",
                                g_variant_new ("(sxxs)", day_text, h->recipients[channel], actor,
                                               _kefu_store_enum_to_nick (KEFU_TYPE_CHANNEL, channel)),
                                cancellable, error);
      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
        if (!_kefu_store_add_event (self, "orders", kefu_rows_get_int (rows, i, 0), "update",
                                    "{\"changed\":[\"handover_state\",\"handed_to_id\","
                                    "\"handed_over_at\",\"handed_over_by\"]}",
                                    cancellable, error))
          return FALSE;
      h->n_handed += kefu_rows_get_n_rows (rows);
    }
  return TRUE;
}

/**
 * kefu_store_hand_over_orders:
 * @day: the local day of the hand-over
 * @recipients: the staff member receiving each channel's orders, indexed by #KefuChannel (0
 *   leaves that channel's orders waiting; the UNSPECIFIED entry must be 0)
 * @n_handed: (out) (optional): the number of orders handed over
 *
 * Returns: %TRUE on success; %KEFU_STORE_ERROR_PERMISSION when the actor may not hand over,
 *   %KEFU_STORE_ERROR_INVALID when a recipient does not receive that channel's forms
 */
gboolean
kefu_store_hand_over_orders (KefuStore     *self,
                             const GDate   *day,
                             const gint64   recipients[4],
                             guint         *n_handed,
                             GCancellable  *cancellable,
                             GError       **error)
{
  HandOver h = { 0 };

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);
  g_return_val_if_fail (recipients != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  h.day = *day;
  memcpy (h.recipients, recipients, sizeof h.recipients);
  if (n_handed != NULL)
    *n_handed = 0;
  if (!_kefu_store_write (self, hand_over_txn, &h, cancellable, error))
    return FALSE;
  if (n_handed != NULL)
    *n_handed = h.n_handed;
  return TRUE;
}

/**
 * kefu_store_list_out_of_area_orders:
 *
 * Returns: (transfer full): a #GListModel of #KefuCall with their orders and lines, the orders
 *   flagged out of the service area whose customer was not yet notified, oldest first
 */
GListModel *
kefu_store_list_out_of_area_orders (KefuStore     *self,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *lines_sql = NULL;
  const char *where;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  where = out_of_area_where (self);
  sql = g_strconcat (CALLS_WITH_ORDERS "WHERE ", where, " ORDER BY orders.id", NULL);
  lines_sql = g_strconcat ("SELECT " KEFU_ORDER_LINE_COLUMNS " FROM order_lines "
                           "WHERE order_lines.order_id IN (SELECT orders.id FROM orders WHERE ",
                           where, ") ORDER BY order_lines.order_id, order_lines.position", NULL);
  return _kefu_store_list_calls_with_orders (self, sql, lines_sql, NULL, cancellable, error);
}

typedef struct
{
  KefuOrder       *order;
  char            *note;
  /* Set after the commit. */
  gint64           version;
  GDateTime       *updated_at;
  GDateTime       *notified_at;
  gint64           notified_by;
} Notice;

static gboolean
notice_txn (KefuStore     *self,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Notice *n = data;
  gint64 id = kefu_record_get_id (KEFU_RECORD (n->order));
  g_autoptr(KefuRows) current = NULL;
  g_autoptr(KefuRows) rows = NULL;

  current = _kefu_store_query (self,
                               "SELECT id, version, out_of_area, area_notified_at FROM orders "
                               "WHERE id = $1",
                               g_variant_new ("(x)", id), cancellable, error);
  if (current == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (current) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("This order no longer exists. Reload the list."));
      return FALSE;
    }
  if (kefu_rows_get_int (current, 0, 1) != kefu_record_get_version (KEFU_RECORD (n->order)))
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION,
                           _("This order was changed by someone else since you opened it. Reload "
                             "the list and record the notice again."));
      return FALSE;
    }
  if (!kefu_rows_get_bool (current, 0, 2))
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           _("This order is within the service area, so there is no one to "
                             "notify. Reload the list."));
      return FALSE;
    }
  if (!kefu_rows_is_null (current, 0, 3))
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           _("The customer of this order was already notified. Reload the list."));
      return FALSE;
    }

  rows = _kefu_store_query (self,
                            "UPDATE orders SET area_notified_at = now(), area_notified_by = $1, "
                            "area_note = $2, version = version + 1, updated_at = now() "
                            "WHERE id = $3 AND version = $4 "
                            "RETURNING version, updated_at, area_notified_at, area_notified_by",
                            g_variant_new ("(xsxx)", _kefu_store_get_txn_actor (self), n->note, id,
                                           kefu_record_get_version (KEFU_RECORD (n->order))),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION,
                           _("This order was changed by someone else since you opened it. Reload "
                             "the list and record the notice again."));
      return FALSE;
    }
  n->version = kefu_rows_get_int (rows, 0, 0);
  g_clear_pointer (&n->updated_at, g_date_time_unref);
  g_clear_pointer (&n->notified_at, g_date_time_unref);
  n->updated_at = kefu_rows_get_time (rows, 0, 1);
  n->notified_at = kefu_rows_get_time (rows, 0, 2);
  n->notified_by = kefu_rows_get_int (rows, 0, 3);

  return _kefu_store_add_event (self, "orders", id, "update",
                                "{\"changed\":[\"area_notified_at\",\"area_notified_by\","
                                "\"area_note\"]}",
                                cancellable, error);
}

/**
 * kefu_store_record_out_of_area_notice:
 * @order: a stored out-of-area order, with the version it was read at
 * @note: how the customer was told and apologised to (required)
 *
 * Closes the order's out-of-area flag. On success @order gets its new version, the notice time,
 * who recorded it and the stored note.
 *
 * Returns: %TRUE on success
 */
gboolean
kefu_store_record_out_of_area_notice (KefuStore     *self,
                                      KefuOrder     *order,
                                      const char    *note,
                                      GCancellable  *cancellable,
                                      GError       **error)
{
  Notice n = { .order = order };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_ORDER (order), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n.note = _kefu_store_normalize_text (note != NULL ? note : "");
  if (!_kefu_store_validate_text (_("How the customer was told"), n.note, KEFU_TEXT_MAX_NOTES, TRUE,
                                  TRUE, error))
    {
      g_free (n.note);
      return FALSE;
    }

  ok = _kefu_store_write (self, notice_txn, &n, cancellable, error);
  if (ok)
    {
      g_object_freeze_notify (G_OBJECT (order));
      kefu_order_set_area_note (order, n.note);
      kefu_order_set_area_notified_at (order, n.notified_at);
      kefu_order_set_area_notified_by_id (order, n.notified_by);
      kefu_record_set_updated_at (KEFU_RECORD (order), n.updated_at);
      kefu_record_set_version (KEFU_RECORD (order), n.version);
      g_object_thaw_notify (G_OBJECT (order));
    }
  g_free (n.note);
  g_clear_pointer (&n.updated_at, g_date_time_unref);
  g_clear_pointer (&n.notified_at, g_date_time_unref);
  return ok;
}
