/* kefu-job-action-dialog.h: the dialog of one service-job action, with exactly the fields the
 * action needs: the diagnosis and its decision; the purpose of a market-support request; a
 * rejection or cancel reason; the technician, agreed date and travel days of a dispatch; the
 * departure time; a progress report; the service feedback form; the carrier and waybill (checked
 * as it is typed); the repair note; how the customer confirmed receipt; the fee and the
 * customer's agreement; the warranty decided by hand; a note.
 *
 * Save checks the fields and the job's rules (kefu_job_flow_check ()) first, then writes the
 * change as the store's actor. A refusal by the store is shown in the dialog, which keeps what
 * was typed; when someone else changed the job meanwhile, the job is read again so that saving
 * again applies to what it is now. Once saved, "saved" is emitted and the dialog closes.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-staff.h"
#include "kefu-store-jobs.h"

G_BEGIN_DECLS

#define KEFU_TYPE_JOB_ACTION_DIALOG (kefu_job_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuJobActionDialog, kefu_job_action_dialog, KEFU, JOB_ACTION_DIALOG,
                      AdwDialog)

/* Signal "saved" (KefuServiceJob *job, as read back). Property "busy" (read-only): TRUE while
 * the technicians or carriers are read, and while saving. */
KefuJobActionDialog *kefu_job_action_dialog_new        (KefuStore      *store,
                                                        KefuStaff      *staff,
                                                        KefuServiceJob *job,
                                                        KefuJobAction   action);
KefuJobAction        kefu_job_action_dialog_get_action (KefuJobActionDialog *self);
gboolean             kefu_job_action_dialog_get_busy   (KefuJobActionDialog *self);

/* What a person would type or choose (tests, callers that prefill). Text fields: "text",
 * "agreed-date" (YYYY-MM-DD), "at" (YYYY-MM-DD HH:MM, local), "work-done", "parts-used",
 * "comment", "waybill", "fee" (yuan). Switches: "agreed", "fixed", "replaced". Choices (by
 * position): "decision" (on-site, factory, solved on the phone), "carrier", "receipt" (phone,
 * signed slip, other), "warranty" (in, out). FALSE when the action has no such field. */
gboolean    kefu_job_action_dialog_set_text        (KefuJobActionDialog *self,
                                                    const char          *field,
                                                    const char          *text);
gboolean    kefu_job_action_dialog_set_active      (KefuJobActionDialog *self,
                                                    const char          *field,
                                                    gboolean             active);
gboolean    kefu_job_action_dialog_set_selected    (KefuJobActionDialog *self,
                                                    const char          *field,
                                                    guint                position);
/* Chooses the technician by staff id; FALSE when not offered. */
gboolean    kefu_job_action_dialog_set_technician  (KefuJobActionDialog *self,
                                                    gint64               staff_id);
void        kefu_job_action_dialog_set_travel_days (KefuJobActionDialog *self,
                                                    guint                days);
/* Presses Save: TRUE when everything checked and the write started. */
gboolean    kefu_job_action_dialog_save            (KefuJobActionDialog *self);
/* What the dialog says is wrong (a field, a rule, the store's refusal), or NULL. */
const char *kefu_job_action_dialog_get_message     (KefuJobActionDialog *self);

G_END_DECLS
