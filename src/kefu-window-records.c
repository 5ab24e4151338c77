/* kefu-window-records.c: opening a record in its pane from anywhere in the window (a shift
 * note's links, the audit's list, the dashboard's records behind a figure): "win.open-complaint",
 * "win.open-customer", "win.open-callback" and "win.open-call", each with the record's id
 * ("win.open-shipment" and "win.open-job" are the After-Sales pane's, in kefu-window.c), and the
 * store's entity names mapped to them. A call has no page of its own: a complaint call opens its
 * complaint, others the caller's customer page, whose history lists the call.
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
show_pane (KefuWindow *self,
           const char *pane)
{
  kefu_window_select_pane (self, pane);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
open_complaint_activated (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  gint64 id = g_variant_get_int64 (param);

  if (id > 0)
    kefu_window_open_complaint (KEFU_WINDOW (user_data), id);
}

static void
open_customer_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  KefuWindow *self = KEFU_WINDOW (user_data);
  gint64 id = g_variant_get_int64 (param);

  show_pane (self, "customers");
  if (id > 0)
    kefu_customers_pane_open_customer (self->customers_pane, id);
}

static void
open_callback_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  KefuWindow *self = KEFU_WINDOW (user_data);
  gint64 id = g_variant_get_int64 (param);

  show_pane (self, "callbacks");
  if (id > 0)
    kefu_callbacks_pane_open (self->callbacks_pane, id);
}

static gpointer
get_call_func (KefuStore     *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return kefu_store_get_call (store, *(gint64 *) data, cancellable, error);
}

static void
call_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KefuWindow) self = user_data;
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(GError) error = NULL;
  KefuComplaint *complaint;

  call = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (call == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not open the call: %s", error->message);
      return;
    }
  if (KEFU_STORE (object) != self->store)
    return;
  /* A call has no page of its own: a complaint call opens its complaint, others the caller's
   * customer page, whose history lists the call. */
  complaint = kefu_call_get_complaint (call);
  if (complaint != NULL && kefu_record_get_id (KEFU_RECORD (complaint)) > 0)
    kefu_window_open_complaint (self, kefu_record_get_id (KEFU_RECORD (complaint)));
  else if (kefu_call_get_customer_id (call) > 0)
    {
      show_pane (self, "customers");
      kefu_customers_pane_open_customer (self->customers_pane, kefu_call_get_customer_id (call));
    }
}

static void
open_call_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  KefuWindow *self = KEFU_WINDOW (user_data);
  gint64 id = g_variant_get_int64 (param);

  if (id <= 0 || self->store == NULL)
    return;
  kefu_store_run_async (self->store, get_call_func, g_memdup2 (&id, sizeof id), g_free,
                        self->cancellable, call_read_cb, g_object_ref (self));
}

void
_kefu_window_init_records (KefuWindow *self)
{
  static const GActionEntry actions[] = {
    { "open-complaint", open_complaint_activated, "x" },
    { "open-customer", open_customer_activated, "x" },
    { "open-callback", open_callback_activated, "x" },
    { "open-call", open_call_activated, "x" },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}

gboolean
_kefu_window_open_record (KefuWindow *self,
                          const char *entity,
                          gint64      entity_id)
{
  const char *action = NULL;

  g_return_val_if_fail (KEFU_IS_WINDOW (self), FALSE);

  if (g_strcmp0 (entity, "complaint") == 0 || g_strcmp0 (entity, "complaints") == 0)
    action = "win.open-complaint";
  else if (g_strcmp0 (entity, "shipment") == 0)
    action = "win.open-shipment";
  else if (g_strcmp0 (entity, "service-job") == 0)
    action = "win.open-job";
  else if (g_strcmp0 (entity, "customers") == 0)
    action = "win.open-customer";
  else if (g_strcmp0 (entity, "callback") == 0)
    action = "win.open-callback";
  else if (g_strcmp0 (entity, "call") == 0)
    action = "win.open-call";
  if (action == NULL)
    return FALSE;
  /* An import is recorded once for all its customers (id 0): the pane, no page. */
  if (entity_id <= 0 && !g_str_equal (action, "win.open-customer"))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), action, "x", entity_id);
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

static void
dashboard_unread_cb (KefuWindow *self)
{
  _kefu_window_show_unread_notes (self, kefu_dashboard_pane_get_n_unread (self->dashboard_pane));
}

void
_kefu_window_init_dashboard (KefuWindow *self)
{
  g_signal_connect_object (self->dashboard_pane, "notify::n-unread",
                           G_CALLBACK (dashboard_unread_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dashboard_pane, "open-record",
                           G_CALLBACK (dashboard_open_record_cb), self, G_CONNECT_SWAPPED);
}
