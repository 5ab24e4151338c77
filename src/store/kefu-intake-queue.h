/* kefu-intake-queue.h: calls recorded on this workstation while the database could not be
 * reached, waiting to be written.
 *
 * The intake form keeps working when the database is out of reach: its Save puts the call at
 * the end of this queue, one file per database in the user data folder
 * (g_get_user_data_dir()/kefu/queue/<SHA-256 of the database description>.queue), rewritten
 * atomically and flushed to disk (fsync) before kefu_intake_queue_add () returns, so that
 * nothing typed is lost to a crash or a power cut. Each waiting call has a key made here (a
 * random UUID).
 *
 * When the database is back (KefuStoreConnection "online"), and when the queue is made with
 * calls waiting from an earlier session, the calls are written in the order they were queued,
 * one at a time on the store's worker, with kefu_store_save_call_once (): a call whose first
 * save went in but whose answer was lost (or Kefu stopped before taking it off the queue) is
 * found by its key and not written again. A call is taken off the file only after its save
 * committed.
 *
 * Reference numbers are given when a call is written, by the store's usual rule (the kind, the
 * local day the call came in, the next number of that day): no number is reserved ahead, so
 * two workstations can never give the same one; the form says "number given when saved" until
 * then, and "saved" (with the call as stored) tells the number.
 *
 * A call the database refuses for good (not an outage: say, a rule changed meanwhile) stays in
 * the file, marked with the reason, and the calls after it are written; "n-refused" counts
 * such calls and "last-error" says why.
 *
 * GLib/GIO only; signals and notifications come on the thread-default main context of the
 * thread that made the queue.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-call.h"
#include "kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_INTAKE_QUEUE (kefu_intake_queue_get_type ())
G_DECLARE_FINAL_TYPE (KefuIntakeQueue, kefu_intake_queue, KEFU, INTAKE_QUEUE, GObject)

/* The queue of the store's database on this workstation (transfer none: it lives as long as the
 * store). Reads the file; calls waiting from an earlier session are written when the database
 * can be reached. */
KefuIntakeQueue *kefu_intake_queue_get_for_store (KefuStore        *store);
/* A queue kept in `path` (tests; the application uses kefu_intake_queue_get_for_store ()). */
KefuIntakeQueue *kefu_intake_queue_new           (KefuStore        *store,
                                                  const char       *path);
/* The file for a database description (see above). */
char            *kefu_intake_queue_path_for      (const char       *description);
const char      *kefu_intake_queue_get_path      (KefuIntakeQueue  *self);

/* Puts `call` (a form call, with its clerk and received time) at the end of the queue, written
 * to disk before it returns. Returns its key, or NULL with an error when the file could not be
 * written (the caller keeps the call: say, as a draft). The store's actor is recorded with it,
 * so that the write is recorded against who took the call. */
char            *kefu_intake_queue_add           (KefuIntakeQueue  *self,
                                                  KefuCall         *call,
                                                  GError          **error);
/* TRUE when a new call must go to the queue rather than to the database: the database cannot be
 * reached, or calls are still waiting (a call never overtakes one recorded before it). */
gboolean         kefu_intake_queue_should_queue  (KefuIntakeQueue  *self);
/* Starts writing the waiting calls now (nothing happens while it already runs). */
void             kefu_intake_queue_sync          (KefuIntakeQueue  *self);

/* Property "n-waiting": calls waiting to be written (the refused ones not counted). */
guint            kefu_intake_queue_get_n_waiting (KefuIntakeQueue  *self);
/* Property "n-refused": calls the database refused for good, kept in the file. */
guint            kefu_intake_queue_get_n_refused (KefuIntakeQueue  *self);
/* Property "syncing": TRUE while the calls are being written. */
gboolean         kefu_intake_queue_get_syncing   (KefuIntakeQueue  *self);
/* Property "last-error": why the last call was not written (NULL when it was). */
const char      *kefu_intake_queue_get_last_error (KefuIntakeQueue *self);

/* Signals:
 * "saved" (KefuCall *call, gboolean already_saved): a waiting call is in the database (`call`
 *   as stored, with its reference number); `already_saved` when an earlier attempt had written
 *   it.
 * "synced" (guint n_saved): every waiting call is written (n_saved of them in this round). */

G_END_DECLS
