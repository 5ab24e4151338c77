/* kefu-window-live.c: the window's live refresh: one change feed (KefuStoreWatcher) per open
 * database, gathered by kind (KefuLive) and given to the panes through the window's "live"
 * property; the sidebar counts and the escalation check follow it here.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-window"

#include "config.h"

#include "kefu-window-private.h"

/* The kinds the sidebar counts count. */
#define COUNTED_KINDS (KEFU_LIVE_COMPLAINTS | KEFU_LIVE_CALLBACKS | KEFU_LIVE_SHIPMENTS | \
                       KEFU_LIVE_JOBS | KEFU_LIVE_CUSTOMERS)

static void
counted_changed_cb (KefuWindow *self,
                    GArray     *ids,
                    gboolean    whole,
                    KefuLive   *live)
{
  /* Several kinds changed in one burst ask once: a count read under way reads once more. */
  _kefu_window_refresh_counts (self);
}

static void
complaints_changed_cb (KefuWindow *self,
                       GArray     *ids,
                       gboolean    whole,
                       KefuLive   *live)
{
  /* Someone else's complaint may be news for the person working here (routed to them, urgent):
   * the notices are read now rather than at the next minute's check. */
  if (self->watcher != NULL)
    kefu_complaint_watcher_check (self->watcher);
}

void
_kefu_window_start_live (KefuWindow *self)
{
  g_autoptr(KefuStoreWatcher) watcher = NULL;
  g_autoptr(GError) error = NULL;

  _kefu_window_stop_live (self);
  if (self->store == NULL)
    return;

  watcher = kefu_store_watcher_new (self->store, &error);
  if (watcher == NULL)
    {
      /* The panes still work, read on demand (F5) as before; what failed is logged. */
      g_warning ("Live refresh is off: %s", error->message);
      return;
    }

  self->live = kefu_live_new (watcher);
  for (guint i = 0; i < KEFU_LIVE_N_KINDS; i++)
    {
      KefuLiveKind kind = 1u << i;
      g_autofree char *signal = NULL;

      if ((kind & COUNTED_KINDS) == 0)
        continue;
      signal = g_strconcat ("changed::", kefu_live_kind_to_string (kind), NULL);
      g_signal_connect_swapped (self->live, signal, G_CALLBACK (counted_changed_cb), self);
    }
  g_signal_connect_swapped (self->live, "changed::complaints",
                            G_CALLBACK (complaints_changed_cb), self);
  _kefu_window_notify_live (self);
}

void
_kefu_window_stop_live (KefuWindow *self)
{
  if (self->live == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->live, self);
  /* The feed stops with the last reference: the panes drop theirs through the binding. */
  g_clear_object (&self->live);
  _kefu_window_notify_live (self);
}

KefuLive *
kefu_window_get_live (KefuWindow *self)
{
  g_return_val_if_fail (KEFU_IS_WINDOW (self), NULL);

  return self->live;
}
