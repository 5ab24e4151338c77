/* kefu-store-complaints.h: the complaint escalation board's store: the board and list queries
 * (filters and sorting in SQL), the changes that work a complaint through its stages (each
 * checked with kefu-complaint-flow.h, each an event), the deadline and escalation check, batch
 * alerts, routing rules, the timeline and the notices a workstation raises.
 * Included by kefu-store.h's users directly; the conventions of kefu-store.h hold (sync forms
 * for any thread, _async forms for the UI, every write in one transaction with its events).
 *
 * Events written on entity "complaint" (details are JSON objects; names are copied in so the
 * timeline reads without lookups, and stages are nicks):
 *   routed          {"departments":[{"id":3,"name":"品控部"}],"from":"new","to":"routed"}
 *   acknowledged    {"department":{"id":3,"name":"品控部"},"from":"routed","to":"in-progress"}
 *   resolved        {"text":"…","from":"in-progress","to":"resolved"}
 *   called-back     {"satisfaction":"so-so","text":"…","from":"resolved","to":"called-back"}
 *   reopened        {"text":"…","from":"called-back","to":"reopened"}
 *   closed          {"from":"called-back","to":"closed"}
 *   note            {"text":"…"}
 *   visit           {"visitors":"…","visited_at":"2026-11-27T10:00:00Z","text":"outcome"}
 *   escalated       {"level":2,"role":"cs-manager","deadline":"acknowledge","by_hand":false,
 *                    "text":"reason (by hand only)"}
 *   routes-changed  {"added":[{"id":5,"name":"营销部"}],"removed":[…],"text":"reason"}
 *   details-changed {"changes":{"reason":["old","new"],"batch_number":[null,"B2"]}}
 *   batch-flagged   {"alert_id":7,"batch_number":"B2","count":3}
 * The call's own "created" event (entity "call") opens the timeline.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-store.h"
#include "kefu-call.h"
#include "kefu-complaint-card.h"
#include "kefu-complaint-flow.h"

G_BEGIN_DECLS

/* Which complaints a board or list shows. */
typedef enum
{
  KEFU_COMPLAINT_SCOPE_ALL,
  KEFU_COMPLAINT_SCOPE_MINE,           /* owned by staff_id */
  KEFU_COMPLAINT_SCOPE_MY_DEPARTMENT,  /* routed to staff_id's department */
} KefuComplaintScope;

typedef enum
{
  KEFU_COMPLAINT_SORT_RECEIVED,   /* when the call was received (default, newest first) */
  KEFU_COMPLAINT_SORT_DUE,        /* next deadline (none last) */
  KEFU_COMPLAINT_SORT_REFERENCE,
  KEFU_COMPLAINT_SORT_CUSTOMER,
  KEFU_COMPLAINT_SORT_STAGE,      /* in board order: New, Routed, In progress, Reopened, … */
  KEFU_COMPLAINT_SORT_OWNER,
} KefuComplaintSort;

typedef struct
{
  KefuComplaintScope     scope;
  gint64                 staff_id;       /* for MINE and MY_DEPARTMENT */
  KefuComplaintCategory  category;       /* UNSPECIFIED: any */
  gint64                 department_id;  /* 0: any routed department */
  gboolean               overdue_only;   /* due_at before `now` */
  gboolean               urgent_only;
  GDateTime             *received_from;  /* NULL: no bound; [from, to) */
  GDateTime             *received_to;
  char                  *text;           /* reference, customer name or phone, batch, reason */
  GDateTime             *now;            /* for overdue_only; NULL: the current time */
  /* Linked batch complaints: only those with this product and batch (batch_key NULL: any). */
  gint64                 product_id;
  char                  *batch_key;
  gboolean               archived;       /* archived complaints only (else: none of them) */
} KefuComplaintFilter;

KefuComplaintFilter *kefu_complaint_filter_new   (void);
KefuComplaintFilter *kefu_complaint_filter_copy  (const KefuComplaintFilter *filter);
void                 kefu_complaint_filter_free  (KefuComplaintFilter *filter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuComplaintFilter, kefu_complaint_filter_free)

/* The board: every open complaint matching `filter` (any stage but Closed and Explained), plus
 * those closed in the last `closed_days` days (0: none), as KefuComplaintCard; within a stage
 * urgent ones first, then by deadline (none last), then oldest first. */
GListModel        *kefu_store_list_board_complaints   (KefuStore *self,
                                                       const KefuComplaintFilter *filter,
                                                       guint closed_days,
                                                       GCancellable *cancellable, GError **error);
/* The list view: the ids of every complaint (any stage) matching `filter`, sorted in SQL. */
GArray            *kefu_store_list_complaint_ids      (KefuStore *self,
                                                       const KefuComplaintFilter *filter,
                                                       KefuComplaintSort sort, gboolean descending,
                                                       GCancellable *cancellable, GError **error);
/* The first `n_head` ids of that list, in its order, for showing its top rows before the whole
 * list is read; `n_total` (optional) receives the whole list's length (count(*) with the
 * filter; -1 with a text search, which only the whole read can count cheaply). The owner's
 * sort, read in one scan, returns every id (n_total their number). */
GArray            *kefu_store_list_complaint_ids_head (KefuStore *self,
                                                       const KefuComplaintFilter *filter,
                                                       KefuComplaintSort sort, gboolean descending,
                                                       guint n_head, gint64 *n_total,
                                                       GCancellable *cancellable, GError **error);
/* Cards for `ids`, in the same order (ids no longer there are left out). */
GPtrArray         *kefu_store_get_complaint_cards     (KefuStore *self,
                                                       const gint64 *ids, guint n_ids,
                                                       GCancellable *cancellable, GError **error);
KefuComplaintCard *kefu_store_get_complaint_card      (KefuStore *self, gint64 complaint_id,
                                                       GCancellable *cancellable, GError **error);
/* The complaint id of a call, 0 when the call is not a complaint. */
gint64             kefu_store_find_complaint_by_call  (KefuStore *self, gint64 call_id,
                                                       GCancellable *cancellable, GError **error);
/* For the sidebar: open complaints, how many of them urgent and how many past their deadline. */
gboolean           kefu_store_count_open_complaints   (KefuStore *self,
                                                       gint64 *n_open, gint64 *n_urgent,
                                                       gint64 *n_overdue,
                                                       GCancellable *cancellable, GError **error);

/* One change to a complaint. `version` is the complaint version read (STALE_VERSION when it
 * changed since). What each action needs:
 *   ROUTE             add_departments (at least one)
 *   ACKNOWLEDGE       department_id: the routed department acknowledging (0: the actor's own,
 *                     or the first routed one for a manager)
 *   RESOLVE           text: the resolution
 *   RECORD_CALLBACK   satisfaction, and text: the customer's words (required when not satisfied)
 *   REOPEN            text: the reason
 *   CLOSE             —
 *   ADD_NOTE          text
 *   RECORD_VISIT      visitors, visited_at, text: the outcome
 *   ESCALATE          text: the reason (one level up)
 *   EDIT_ROUTES       add_departments and/or remove_departments, text: the reason
 *   EDIT_DETAILS      not here: kefu_store_update_complaint_call (). */
typedef struct
{
  KefuComplaintAction action;
  gint64              complaint_id;
  gint64              version;
  char               *text;
  KefuSatisfaction    satisfaction;
  gint64              department_id;
  GArray             *add_departments;     /* gint64 department ids; NULL: none */
  GArray             *remove_departments;  /* gint64 department ids; NULL: none */
  char               *visitors;
  GDateTime          *visited_at;
} KefuComplaintChange;

KefuComplaintChange *kefu_complaint_change_new  (KefuComplaintAction action,
                                                 gint64              complaint_id,
                                                 gint64              version);
KefuComplaintChange *kefu_complaint_change_copy (const KefuComplaintChange *change);
void                 kefu_complaint_change_free (KefuComplaintChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuComplaintChange, kefu_complaint_change_free)

/* Applies `change` as the store's actor, in one transaction: checks it with
 * kefu_complaint_flow_check () (the actor's role, ownership and routed departments read from the
 * database; KEFU_STORE_ERROR_PERMISSION or _INVALID with the rule's reason), writes the stage,
 * its time and the next deadline (settings and the work calendar), the event, and returns the
 * complaint's new card. */
KefuComplaintCard *kefu_store_change_complaint        (KefuStore *self,
                                                       const KefuComplaintChange *change,
                                                       GCancellable *cancellable, GError **error);
/* Saves changes to what was captured at intake (`call` as read by kefu_store_get_call (), with its
 * complaint's version), validated like a new call; refused once the complaint is resolved. The
 * event lists each changed field, old → new. */
gboolean           kefu_store_update_complaint_call   (KefuStore *self, KefuCall *call,
                                                       GCancellable *cancellable, GError **error);

/* Visits to a harmed customer, oldest first. */
typedef struct
{
  gint64     id;
  char      *visitors;
  GDateTime *visited_at;
  char      *outcome;
  gint64     recorded_by;
  char      *recorded_by_name;
} KefuComplaintVisit;
void               kefu_complaint_visit_free          (KefuComplaintVisit *visit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuComplaintVisit, kefu_complaint_visit_free)
GPtrArray         *kefu_store_list_complaint_visits   (KefuStore *self, gint64 complaint_id,
                                                       GCancellable *cancellable, GError **error);
/* The complaint's timeline, oldest first (KefuEvent): its call's "created" event and every
 * complaint event above. */
GListModel        *kefu_store_list_complaint_timeline (KefuStore *self, gint64 complaint_id,
                                                       GCancellable *cancellable, GError **error);

/* The deadline and escalation check, run on open and periodically by every workstation: computes
 * missing deadlines of open complaints, and raises each complaint past its deadline to the level
 * kefu_complaint_escalation_due () gives at `now` (NULL: the current time), one event per level
 * written by the system actor; a conditional update makes two workstations running it at once
 * escalate each complaint once. `n_escalated` gets the number of levels raised. */
gboolean           kefu_store_check_complaint_deadlines (KefuStore *self, GDateTime *now,
                                                         guint *n_escalated,
                                                         GCancellable *cancellable,
                                                         GError **error);

/* Routing rules (category → departments), used by kefu_store_save_call () for new complaints.
 * A category without rules routes by role as kefu_complaint_route_roles () says. */
typedef struct
{
  KefuComplaintCategory category;
  gint64                department_id;
  char                 *department_name;
  gboolean              harmed_only;     /* only when the customer was harmed */
} KefuRoutingRule;
void               kefu_routing_rule_free             (KefuRoutingRule *rule);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuRoutingRule, kefu_routing_rule_free)
/* The rules of every category in order; a category without stored rules lists the departments the
 * role defaults give, with `*customised` (may be NULL) telling per category whether stored rules
 * exist (indexed by KefuComplaintCategory). */
GPtrArray         *kefu_store_list_routing_rules      (KefuStore *self, gboolean customised[3],
                                                       GCancellable *cancellable, GError **error);
/* Replaces the rules of `category` (element type KefuRoutingRule; empty: back to the role
 * defaults). Managers only (kefu_role_can_edit_settings ()). */
gboolean           kefu_store_set_routing_rules       (KefuStore *self,
                                                       KefuComplaintCategory category,
                                                       GPtrArray *rules,
                                                       GCancellable *cancellable, GError **error);

/* Batch alerts: raised by kefu_store_save_call () when a product-quality complaint makes its
 * product and batch reach the threshold within the window (settings), once per cluster. */
typedef struct
{
  gint64     id;
  gint64     version;
  gint64     product_id;
  char      *product_name;
  char      *batch_key;
  char      *batch_number;
  guint      complaint_count;    /* complaints about the batch now (within the window or later) */
  GDateTime *first_at;
  GDateTime *flagged_at;
  GDateTime *acknowledged_at;    /* NULL while open */
  char      *acknowledged_by_name;
  char      *note;
} KefuBatchAlert;
void               kefu_batch_alert_free              (KefuBatchAlert *alert);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuBatchAlert, kefu_batch_alert_free)
/* Open alerts (open_only) or all, newest first. */
GPtrArray         *kefu_store_list_batch_alerts       (KefuStore *self, gboolean open_only,
                                                       GCancellable *cancellable, GError **error);
/* The QC manager (or a manager) takes note of an alert, with a note; it leaves the banner. */
gboolean           kefu_store_acknowledge_batch_alert (KefuStore *self, gint64 alert_id,
                                                       gint64 version, const char *note,
                                                       GCancellable *cancellable, GError **error);

/* Notices for a workstation's desktop notifications: complaint events after `after_event_id`
 * that concern `staff_id` (routed to their department, escalated to their level or role, turned
 * urgent, a batch flagged to a QC manager), oldest first (KefuEvent). `last_event_id` gets the
 * newest event id seen, to pass next time (the first call, with after_event_id -1, returns no
 * notices and only sets it). */
GListModel        *kefu_store_list_complaint_notices  (KefuStore *self, gint64 staff_id,
                                                       gint64 after_event_id,
                                                       gint64 *last_event_id,
                                                       GCancellable *cancellable, GError **error);

/* Asynchronous forms for the UI. */
void               kefu_store_list_board_complaints_async  (KefuStore *self,
                                                            const KefuComplaintFilter *filter,
                                                            guint closed_days,
                                                            GCancellable *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer user_data);
GListModel        *kefu_store_list_board_complaints_finish (KefuStore *self, GAsyncResult *result,
                                                            GError **error);
void               kefu_store_change_complaint_async       (KefuStore *self,
                                                            const KefuComplaintChange *change,
                                                            GCancellable *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer user_data);
KefuComplaintCard *kefu_store_change_complaint_finish      (KefuStore *self, GAsyncResult *result,
                                                            GError **error);

G_END_DECLS
