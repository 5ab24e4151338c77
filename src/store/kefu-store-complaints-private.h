/* kefu-store-complaints-private.h: what the complaint files of the store share: the deadline
 * rules and work calendar read from the settings, the deadline of a complaint entering a stage,
 * the events they write, the card columns, and the batch check run when a complaint is saved.
 *
 * Writes (kefu-store-complaint-changes.c, kefu-store-complaint-rules.c, and the complaint part of
 * saving a call) and reads (kefu-store-complaint-board.c, kefu-store-complaint-deadlines.c,
 * kefu-store-complaint-notices.c) both use these.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store-internal.h"
#include "kefu-store-complaints.h"

G_BEGIN_DECLS

/* The deadline rules and the work calendar from the settings table (defaults where unset), read
 * inside the caller's transaction. */
gboolean           _kefu_store_complaint_deadline_rules (KefuStore *self,
                                                         KefuComplaintDeadlineRules *rules,
                                                         KefuWorkCalendar **calendar,
                                                         GCancellable *cancellable,
                                                         GError **error);
/* The deadline a complaint of `category` (harmed or not) works against once it has entered
 * `stage` at `since`, from the settings, inside the caller's transaction; `*due` gets NULL for
 * none. Used where a complaint is created with its deadline (saving a call) rather than moved. */
gboolean           _kefu_store_complaint_deadline       (KefuStore *self,
                                                         KefuComplaintStage stage,
                                                         KefuComplaintCategory category,
                                                         gboolean harmed,
                                                         GDateTime *since,
                                                         KefuComplaintDeadline *kind,
                                                         GDateTime **due,
                                                         GCancellable *cancellable,
                                                         GError **error);
/* The stored routing rules of `category` in their order (element type KefuRoutingRule), empty
 * when the category routes by the role defaults. */
GPtrArray         *_kefu_store_stored_routing_rules     (KefuStore *self,
                                                         KefuComplaintCategory category,
                                                         GCancellable *cancellable,
                                                         GError **error);
/* Sets the complaint's stage, stage_since = `since`, the deadline kind and time it then works
 * against, and bumps its version, inside the caller's transaction (the escalation level stays:
 * it is the history of lateness, not of the current deadline). */
gboolean           _kefu_store_complaint_enter_stage    (KefuStore *self, gint64 complaint_id,
                                                         KefuComplaintStage stage,
                                                         GDateTime *since,
                                                         GCancellable *cancellable,
                                                         GError **error);
/* After a product-quality complaint with a batch number was saved: when its product and batch
 * now reach the threshold within the window and no open alert covers them, writes a batch alert
 * and its "batch-flagged" event. */
gboolean           _kefu_store_complaint_check_batch    (KefuStore *self, gint64 complaint_id,
                                                         GCancellable *cancellable,
                                                         GError **error);
/* The staff id of the built-in "system" row, which writes escalations. */
gint64             _kefu_store_system_staff_id          (KefuStore *self,
                                                         GCancellable *cancellable,
                                                         GError **error);

/* The columns a complaint copies from its call for the list view (schema step 3): its search
 * text from the call's and the complaint's fields (transfer full), and the copy itself, made after
 * the complaint or its call was written. */
char              *_kefu_store_complaint_search_text    (const char *reference,
                                                         const char *caller_name,
                                                         const char *phone,
                                                         const char *batch_key,
                                                         const char *reason);
gboolean           _kefu_store_complaint_copy_call      (KefuStore *self, gint64 complaint_id,
                                                         GCancellable *cancellable,
                                                         GError **error);

/* The card columns: FROM KEFU_COMPLAINT_CARD_FROM, and the card from a row of them. */
#define KEFU_COMPLAINT_CARD_FROM \
  "complaints JOIN staff AS owner ON owner.id = complaints.owner_id"
KefuComplaintCard *_kefu_store_complaint_card_from_row  (KefuRows *rows, guint row);
extern const char  _kefu_complaint_card_columns[];

G_END_DECLS
