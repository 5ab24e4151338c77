/* kefu-complaint-actions.h: taking one action on a complaint from any place (a card's menu, a
 * drop on the board, the detail page's buttons): actions that need something from the person
 * (the resolution, the callback result, the visit, a reason, departments) present a dialog over
 * `parent`; the others apply at once. The store checks the rule again and its refusal comes back
 * as the error, with the reason to show.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-store.h"
#include "kefu-complaint-card.h"

G_BEGIN_DECLS

/* TRUE when `action` presents a dialog before it is applied. */
gboolean           kefu_complaint_action_needs_input (KefuComplaintAction action);
/* `satisfaction`: for RECORD_CALLBACK from a drop on Reopened, KEFU_SATISFACTION_NOT_SATISFIED
 * preselected; otherwise UNSPECIFIED. The callback gets G_IO_ERROR_CANCELLED when the person
 * closes the dialog without applying. */
void               kefu_complaint_action_run         (GtkWidget            *parent,
                                                      KefuStore            *store,
                                                      KefuComplaintCard    *card,
                                                      KefuComplaintAction   action,
                                                      KefuSatisfaction      satisfaction,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
/* The complaint's new card. */
KefuComplaintCard *kefu_complaint_action_run_finish  (GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
