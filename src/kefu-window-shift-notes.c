/* kefu-window-shift-notes.c: the window's side of the shift hand-over notes: the actions that
 * open a linked record from anywhere in the window ("win.open-complaint", "win.open-customer",
 * "win.open-callback", "win.open-call", each with the record's id; "win.open-shipment" and
 * "win.open-job" are the After-Sales pane's, in kefu-window.c), and the start-of-shift dialog of
 * unread notes when someone starts work at the window.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-window"

#include "config.h"

#include "dashboard/kefu-shift-notes-dialog.h"
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
_kefu_window_init_shift_notes (KefuWindow *self)
{
  static const GActionEntry actions[] = {
    { "open-complaint", open_complaint_activated, "x" },
    { "open-customer", open_customer_activated, "x" },
    { "open-callback", open_callback_activated, "x" },
    { "open-call", open_call_activated, "x" },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}

void
_kefu_window_greet_shift (KefuWindow *self)
{
  /* A screenshot run shows the panes, not a dialog over them. */
  if (self->store == NULL || self->staff == NULL || self->unattended)
    return;
  kefu_shift_notes_dialog_present_unread (GTK_WIDGET (self), self->store,
                                          kefu_record_get_id (KEFU_RECORD (self->staff)),
                                          self->cancellable);
}
