/* kefu-complaint-watcher.h: the escalation check and the complaint notifications of one
 * workstation.
 *
 * For the open database and who is working (the store's actor, which the check's writes need) it
 * runs kefu_store_check_complaint_deadlines () when both are set and then every `interval` seconds (on the store's worker, never two at once, cancelled when the
 * store changes), then reads the notices for who is working since the last event it saw
 * (remembered per database while the program runs; the first check of a database only records
 * where the log stands, so nobody gets the backlog of yesterday). Each notice is emitted as
 * "notice" and, when an application is set, raised as a desktop notification whose default
 * action is "app.open-complaint" with the complaint id. A person is never told about what they
 * did themselves.
 *
 * GIO only: the window owns one and binds its store and staff to it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/kefu-complaint-card.h"
#include "core/kefu-event.h"
#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_COMPLAINT_WATCHER (kefu_complaint_watcher_get_type ())
G_DECLARE_FINAL_TYPE (KefuComplaintWatcher, kefu_complaint_watcher, KEFU, COMPLAINT_WATCHER, GObject)

/* Properties: "store" (KefuStore, NULL: nothing to watch), "staff" (KefuStaff, who is working;
 * NULL: no check), "application" (GApplication that sends the
 * notifications; NULL: only the "notice" signal), "interval" (seconds between checks, 0: only
 * when asked; 60 by default), "busy" (read-only: a check is running or waiting to run).
 *
 * Signals:
 *   "notice" (gint64 complaint_id, gint64 event_id, const char *title, const char *body,
 *             gboolean urgent): emitted for each notice, before it is sent.
 *   "checked" (guint n_escalated, gboolean changed): after each check that finished; `changed`
 *             is TRUE when it escalated something or the log has new events since the last check
 *             (the board and the sidebar counts should be read again). */

KefuComplaintWatcher *kefu_complaint_watcher_new   (void);

/* Checks now (again after the running check, if one is running). */
void                  kefu_complaint_watcher_check (KefuComplaintWatcher *self);
gboolean              kefu_complaint_watcher_get_busy (KefuComplaintWatcher *self);

/* The words of one notice: `event` (from kefu_store_list_complaint_notices ()) about the
 * complaint `card` (NULL when it could not be read), for someone in department `department_id`
 * (0: none; a routing names theirs), with the batch window in days for a flagged batch. FALSE when the event is nothing to notify about. Titles read like
 * "Complaint TS-20261127-0003 routed to 品控部", "Escalated to you: TS-… (acknowledgement late)",
 * "Urgent: customer harmed — TS-…", "Batch 20261120A flagged: 3 complaints in 7 days". */
gboolean              kefu_complaint_notice_describe (KefuEvent          *event,
                                                      KefuComplaintCard  *card,
                                                      gint64              department_id,
                                                      guint               batch_window_days,
                                                      char              **title,
                                                      char              **body,
                                                      gboolean           *urgent);

G_END_DECLS
