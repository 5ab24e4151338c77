/* kefu-window-reports.c: "Reports…" in the primary menu (win.reports), for those who read the
 * reports (kefu_role_can_view_reports (): team leads and managers): the daily call log, the
 * complaint register and the logistics origin analysis, saved as CSV or PDF, or printed.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-window"

#include "config.h"

#include "core/kefu-roles.h"
#include "dashboard/kefu-reports-dialog.h"

#include "kefu-window-private.h"

static gboolean
may_read_reports (KefuWindow *self)
{
  return self->store != NULL && self->staff != NULL &&
         kefu_role_can_view_reports (kefu_staff_get_role (self->staff));
}

static void
reports_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  KefuWindow *self = KEFU_WINDOW (user_data);

  if (!may_read_reports (self))
    return;
  adw_dialog_present (kefu_reports_dialog_new (self->store, self->staff), GTK_WIDGET (self));
}

void
_kefu_window_init_reports (KefuWindow *self)
{
  static const GActionEntry actions[] = {
    { "reports", reports_activated, NULL },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  _kefu_window_update_reports (self);
}

void
_kefu_window_update_reports (KefuWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "reports");

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), may_read_reports (self));
}
