/* kefu-audit-dialog.h: "who changed what", for managers: the change log of one record (its page's
 * "History…"), or of one staff member, or everyone, over a period ("Who Changed What…" in the
 * primary menu), newest first, a page at a time (kefu_store_list_audit ()). Activating a row of
 * the staff view emits "open-record" with the record's entity and id; the window opens it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_AUDIT_DIALOG (kefu_audit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuAuditDialog, kefu_audit_dialog, KEFU, AUDIT_DIALOG, AdwDialog)

/* `entity` NULL: everyone's changes, filtered by staff member and period; otherwise the history
 * of that record. */
KefuAuditDialog *kefu_audit_dialog_new       (KefuStore       *store,
                                              const char      *entity,
                                              gint64           entity_id);
gboolean         kefu_audit_dialog_get_busy  (KefuAuditDialog *self);
/* The events shown (KefuEvent), newest first. */
GListModel      *kefu_audit_dialog_get_events (KefuAuditDialog *self);
/* Filters by a staff member (0: everyone) over the last `days` days (0: all time), as the
 * rows do. */
void             kefu_audit_dialog_set_filter (KefuAuditDialog *self,
                                               gint64           staff_id,
                                               guint            days);
/* A record as the audit names it: "Complaint 12", "Customer 42". */
char            *kefu_audit_describe_record  (const char      *entity,
                                              gint64           entity_id);

G_END_DECLS
