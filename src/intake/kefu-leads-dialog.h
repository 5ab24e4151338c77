/* kefu-leads-dialog.h: the team lead's list of open leads (潜在订单) from inquiry calls: who
 * called, which clerk took it, when, what was asked; each can become an order call in the form
 * at once, or be dropped with a reason.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_LEADS_DIALOG (kefu_leads_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuLeadsDialog, kefu_leads_dialog, KEFU, LEADS_DIALOG, AdwDialog)

AdwDialog  *kefu_leads_dialog_new       (KefuStore       *store);

gboolean    kefu_leads_dialog_get_busy  (KefuLeadsDialog *self);
/* The open leads shown (KefuLead), oldest first. */
GListModel *kefu_leads_dialog_get_leads (KefuLeadsDialog *self);

/* Signal "make-order-call" (KefuLead *lead): the team lead chose to take the lead's order now;
 * the dialog closes. Actions: "leads.make-order-call" and "leads.drop" with the lead's id ("x"),
 * "leads.reload". */

G_END_DECLS
