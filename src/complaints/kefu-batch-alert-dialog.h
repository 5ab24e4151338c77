/* kefu-batch-alert-dialog.h: every batch flagged as a possible quality incident, each with its
 * linked complaints, and for the QC manager or a manager "Take Note…" with a note. Opened by the
 * batch alert banner.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-staff.h"
#include "kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_BATCH_ALERT_DIALOG (kefu_batch_alert_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuBatchAlertDialog, kefu_batch_alert_dialog, KEFU, BATCH_ALERT_DIALOG, AdwDialog)

/* Signals: "open-complaint" (gint64 id) when a complaint's row is activated (the dialog closes);
 * "alerts-changed" when an alert was taken note of. Property "busy" while reading. */
KefuBatchAlertDialog *kefu_batch_alert_dialog_new    (KefuStore            *store,
                                                      KefuStaff            *staff);
void                  kefu_batch_alert_dialog_reload (KefuBatchAlertDialog *self);
/* TRUE when `staff` may take note of alerts (QC manager, CS manager, GM office, administrator). */
gboolean              kefu_batch_alert_can_take_note (KefuStaff            *staff);

G_END_DECLS
