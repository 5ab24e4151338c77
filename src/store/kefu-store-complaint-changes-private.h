/* kefu-store-complaint-changes-private.h: what the complaint writes share beyond
 * kefu-store-complaints-private.h: locking a complaint for a change, who is acting, and the
 * flow's refusal as a store error, and the writes of each action (kefu-store-complaint-changes.c,
 * kefu-store-complaint-actions.c, kefu-store-complaint-edit.c, and saving a complaint call in
 * kefu-store-calls-details.c).
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

/* A change being applied (kefu-store-complaint-changes.c), with its text in stored form
 * (kefu_text_normalize (); NULL when empty). */
typedef struct
{
  const KefuComplaintChange *change;
  char                      *text;
  char                      *visitors;
} KefuChangeInput;

/* What the change's transaction read about the complaint and the actor. */
typedef struct
{
  gint64                 id;
  KefuComplaintStage     stage;
  KefuComplaintCategory  category;
  gboolean               harmed;
  gint64                 owner_id;
  KefuEscalationLevel    escalation;
  KefuComplaintDeadline  due_kind;
  guint                  n_visits;
  /* Routed departments: id → name (keys gint64 *), and their order. */
  GHashTable            *routes;
  GArray                *route_order;
  gint64                 actor;
  KefuRole               actor_role;
  gint64                 actor_department;
  /* One time for every column the change sets, so that they agree. */
  GDateTime             *now;
  char                  *now_text;
} KefuChangeTarget;

/* The transaction of kefu_store_change_complaint () with `data` a KefuChangeInput (its text in
 * stored form): also run inside the callback calendar's record of a complaint callback, so that
 * the complaint moves in the same transaction. */
gboolean _kefu_store_complaint_change_txn        (KefuStore *self, gpointer data,
                                                  GCancellable *cancellable, GError **error);

/* What each action writes once the flow allowed it (kefu-store-complaint-actions.c), inside the
 * change's transaction. `added` and `removed` are department ids not yet routed and routed. */
gboolean _kefu_store_complaint_do_route          (KefuStore *self, KefuChangeTarget *c,
                                                  GArray *added,
                                                  GCancellable *cancellable, GError **error);
gboolean _kefu_store_complaint_do_acknowledge    (KefuStore *self, KefuChangeInput *d,
                                                  KefuChangeTarget *c,
                                                  GCancellable *cancellable, GError **error);
gboolean _kefu_store_complaint_do_resolve        (KefuStore *self, KefuChangeInput *d,
                                                  KefuChangeTarget *c,
                                                  GCancellable *cancellable, GError **error);
gboolean _kefu_store_complaint_do_record_callback (KefuStore *self, KefuChangeInput *d,
                                                   KefuChangeTarget *c,
                                                   GCancellable *cancellable, GError **error);
/* Reopen and close: the move with the reason, if any, and `time_column_sql` (an UPDATE of the
 * complaint's time column with $1 the time and $2 the id; NULL for none). */
gboolean _kefu_store_complaint_do_move           (KefuStore *self, KefuChangeInput *d,
                                                  KefuChangeTarget *c, KefuComplaintStage to,
                                                  const char *action, const char *time_column_sql,
                                                  GCancellable *cancellable, GError **error);
gboolean _kefu_store_complaint_do_note           (KefuStore *self, KefuChangeInput *d,
                                                  KefuChangeTarget *c,
                                                  GCancellable *cancellable, GError **error);
gboolean _kefu_store_complaint_do_visit          (KefuStore *self, KefuChangeInput *d,
                                                  KefuChangeTarget *c,
                                                  GCancellable *cancellable, GError **error);
gboolean _kefu_store_complaint_do_escalate       (KefuStore *self, KefuChangeInput *d,
                                                  KefuChangeTarget *c,
                                                  GCancellable *cancellable, GError **error);
gboolean _kefu_store_complaint_do_edit_routes    (KefuStore *self, KefuChangeInput *d,
                                                  KefuChangeTarget *c, GArray *added,
                                                  GArray *removed,
                                                  GCancellable *cancellable, GError **error);

G_END_DECLS
