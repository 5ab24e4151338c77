/* kefu-complaint-action-dialog.h: the dialog of a complaint action that needs something from the
 * person (kefu_complaint_action_needs_input ()): the resolution, the callback result (satisfied /
 * so-so / not satisfied and the customer's words), a reason to reopen or escalate, a note, a
 * visit (who went, when, the outcome), the departments to route to or to add and remove.
 *
 * It validates inline, field by field, with the reason under each field; "apply" is emitted only
 * once everything needed is there, with the change to make. The dialog does not write: its
 * caller (kefu_complaint_action_run ()) does, then closes it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"
#include "store/kefu-store-complaints.h"

G_BEGIN_DECLS

#define KEFU_TYPE_COMPLAINT_ACTION_DIALOG (kefu_complaint_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuComplaintActionDialog, kefu_complaint_action_dialog,
                      KEFU, COMPLAINT_ACTION_DIALOG, AdwDialog)

/* Signal "apply" (KefuComplaintChange *change, transfer none): everything needed is there.
 * `departments`: every department (KefuDepartment), for ROUTE and EDIT_ROUTES; NULL otherwise. */
KefuComplaintActionDialog *kefu_complaint_action_dialog_new        (KefuComplaintCard   *card,
                                                                    KefuComplaintAction  action,
                                                                    KefuSatisfaction     satisfaction,
                                                                    GListModel          *departments);
KefuComplaintAction        kefu_complaint_action_dialog_get_action (KefuComplaintActionDialog *self);
/* Shows the dialog as working (the apply button spins, nothing can be changed) or not. */
void                       kefu_complaint_action_dialog_set_busy   (KefuComplaintActionDialog *self,
                                                                    gboolean                   busy);

/* What a person would type or choose, for the tests and for callers that prefill. */
void        kefu_complaint_action_dialog_set_text         (KefuComplaintActionDialog *self,
                                                           const char                *text);
void        kefu_complaint_action_dialog_set_satisfaction (KefuComplaintActionDialog *self,
                                                           KefuSatisfaction           satisfaction);
void        kefu_complaint_action_dialog_set_visitors     (KefuComplaintActionDialog *self,
                                                           const char                *visitors);
/* The visit time as typed, in local time ("2026-11-27 09:41"). */
void        kefu_complaint_action_dialog_set_visited_text (KefuComplaintActionDialog *self,
                                                           const char                *text);
/* Ticks or clears a department's box (ROUTE, EDIT_ROUTES). FALSE when it is not listed. */
gboolean    kefu_complaint_action_dialog_set_department   (KefuComplaintActionDialog *self,
                                                           gint64                     department_id,
                                                           gboolean                   chosen);
/* Whether a department's box is ticked (FALSE when it is not listed). */
gboolean    kefu_complaint_action_dialog_get_department   (KefuComplaintActionDialog *self,
                                                           gint64                     department_id);
/* Presses the apply button: validates everything, shows every problem, and emits "apply" when
 * there is none. Returns TRUE when it did. */
gboolean    kefu_complaint_action_dialog_apply            (KefuComplaintActionDialog *self);
/* The message under a field ("text", "satisfaction", "visitors", "visited-at", "departments"),
 * or NULL. */
const char *kefu_complaint_action_dialog_get_message      (KefuComplaintActionDialog *self,
                                                           const char                *field);

G_END_DECLS
