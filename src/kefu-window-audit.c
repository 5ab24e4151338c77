/* kefu-window-audit.c: "Who Changed What…" in the primary menu, for managers only
 * (kefu_role_can_read_audit ()): the change log by staff member and period; a row of a
 * complaint, shipment, service job, customer or callback opens that record's page in its pane.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-window"

#include "config.h"

#include "core/kefu-roles.h"
#include "widgets/kefu-audit-dialog.h"

#include "kefu-window-private.h"

static void
open_record_cb (KefuAuditDialog *dialog,
                const char      *entity,
                gint64           entity_id,
                KefuWindow      *self)
{
  if (_kefu_window_open_record (self, entity, entity_id))
    adw_dialog_close (ADW_DIALOG (dialog));
}

static void
who_changed_what_activated (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  KefuWindow *self = KEFU_WINDOW (user_data);
  KefuAuditDialog *dialog;

  if (self->store == NULL || self->staff == NULL
      || !kefu_role_can_read_audit (kefu_staff_get_role (self->staff)))
    return;
  dialog = kefu_audit_dialog_new (self->store, NULL, 0);
  g_signal_connect_object (dialog, "open-record", G_CALLBACK (open_record_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

void
_kefu_window_init_audit (KefuWindow *self)
{
  static const GActionEntry actions[] = {
    { "who-changed-what", who_changed_what_activated, NULL },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  _kefu_window_update_audit (self);
}

void
_kefu_window_update_audit (KefuWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "who-changed-what");

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                                 self->staff != NULL
                                 && kefu_role_can_read_audit (kefu_staff_get_role (self->staff)));
}
