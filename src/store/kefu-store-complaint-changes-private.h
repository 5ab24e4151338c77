/* kefu-store-complaint-changes-private.h: what the complaint writes share beyond
 * kefu-store-complaints-private.h: locking a complaint for a change, who is acting, and the
 * flow's refusal as a store error (kefu-store-complaint-changes.c, kefu-store-complaint-edit.c,
 * and saving a complaint call in kefu-store-calls-details.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store-complaints-private.h"

G_BEGIN_DECLS

/* Inside a write transaction: reads the complaint `complaint_id` and locks its row (PostgreSQL
 * FOR UPDATE), checking it is still at `version` (NOT_FOUND, STALE_VERSION otherwise). `out`
 * gets the row: id, version, stage, category, harmed, owner_id, escalation_level, due_kind,
 * call_id. */
gboolean _kefu_store_complaint_lock       (KefuStore           *self,
                                           gint64               complaint_id,
                                           gint64               version,
                                           KefuRows           **out,
                                           GCancellable        *cancellable,
                                           GError             **error);
/* Inside a write transaction: the acting staff member as the flow rules see them (role, owner
 * of the complaint, member of a routed department), and their role and department. Refuses
 * nobody signed in (NO_ACTOR) and staff who have left (PERMISSION). */
gboolean _kefu_store_complaint_actor      (KefuStore           *self,
                                           gint64               complaint_id,
                                           gint64               owner_id,
                                           KefuComplaintActor  *actor,
                                           KefuRole            *role,
                                           gint64              *department_id,
                                           GCancellable        *cancellable,
                                           GError             **error);
/* A refusal of kefu_complaint_flow_check () as KEFU_STORE_ERROR_PERMISSION (who) or _INVALID
 * (what or when), with the rule's message. */
void     _kefu_store_complaint_flow_error (GError              *flow_error,
                                           GError             **error);
/* Keeps only the fields of the complaint's category (none when it is not well founded), as the
 * form holds both sets while the clerk decides (kefu-store-complaint-edit.c; saving a call uses
 * it too). */
void     _kefu_store_complaint_keep_category_fields (KefuComplaint *complaint);

G_END_DECLS
