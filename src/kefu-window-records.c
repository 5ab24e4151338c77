/* kefu-window-records.c: opening a record in its pane from elsewhere (the audit's list, the
 * dashboard's records behind a figure): complaints, shipments, service jobs, callbacks and
 * customers have pages of their own; a call opens the page of the customer it came from, whose
 * history lists it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "store/kefu-store-calls.h"

#include "kefu-window-private.h"

static void
open_customer (KefuWindow *self,
               gint64      customer_id)
{
  kefu_window_select_pane (self, "customers");
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  /* An import is recorded once for all its records (id 0): only the pane then. */
  if (customer_id > 0)
    kefu_customers_pane_open_customer (self->customers_pane, customer_id);
}

static gpointer
read_call_func (KefuStore     *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return kefu_store_get_call (store, *(gint64 *) data,
                              cancellable, error);
}

static void
read_call_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KefuWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCall) call = kefu_store_run_finish (KEFU_STORE (source), result, &error);

  if (call == NULL)
    {
      g_warning ("The call to open could not be read: %s", error->message);
      return;
    }
  open_customer (self, kefu_call_get_customer_id (call));
}

gboolean
_kefu_window_open_record (KefuWindow *self,
                          const char *entity,
                          gint64      entity_id)
{
  g_return_val_if_fail (KEFU_IS_WINDOW (self), FALSE);

  if (g_strcmp0 (entity, "complaint") == 0 || g_strcmp0 (entity, "complaints") == 0)
    kefu_window_open_complaint (self, entity_id);
  else if (g_strcmp0 (entity, "shipment") == 0 || g_strcmp0 (entity, "service-job") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self),
                                g_str_equal (entity, "shipment") ? "win.open-shipment"
                                                                 : "win.open-job",
                                "x", entity_id);
  else if (g_strcmp0 (entity, "customers") == 0)
    open_customer (self, entity_id);
  else if (g_strcmp0 (entity, "callback") == 0)
    {
      kefu_window_select_pane (self, "callbacks");
      adw_navigation_split_view_set_show_content (self->split_view, TRUE);
      if (entity_id > 0)
        kefu_callbacks_pane_open (self->callbacks_pane, entity_id);
    }
  else if (g_strcmp0 (entity, "call") == 0 && self->store != NULL && entity_id > 0)
    {
      gint64 *id = g_new (gint64, 1);

      *id = entity_id;
      kefu_store_run_async (self->store, read_call_func, id, g_free, NULL, read_call_cb,
                            g_object_ref (self));
    }
  else
    return FALSE;
  return TRUE;
}

static void
dashboard_open_record_cb (KefuWindow *self,
                          int         kind,
                          gint64      id)
{
  static const char * const entities[] = {
    [KEFU_DASHBOARD_RECORD_CALL] = "call",
    [KEFU_DASHBOARD_RECORD_COMPLAINT] = "complaint",
    [KEFU_DASHBOARD_RECORD_CALLBACK] = "callback",
    [KEFU_DASHBOARD_RECORD_CUSTOMER] = "customers",
    [KEFU_DASHBOARD_RECORD_SHIPMENT] = "shipment",
    [KEFU_DASHBOARD_RECORD_JOB] = "service-job",
  };

  if (kind < 0 || kind >= (int) G_N_ELEMENTS (entities))
    return;
  _kefu_window_open_record (self, entities[kind], id);
}

void
_kefu_window_init_dashboard (KefuWindow *self)
{
  g_signal_connect_object (self->dashboard_pane, "open-record",
                           G_CALLBACK (dashboard_open_record_cb), self, G_CONNECT_SWAPPED);
}
