/* kefu-store-shift-notes.h: shift hand-over notes (交接记录, core/kefu-shift-note.h): "白班晚班交接
 * 时，登记好移交客户的情况，哪些事情是要赶紧处理的，哪些潜在客户是需要去联系的."
 *
 * The outgoing shift writes a note with links to the records the next must follow up; the
 * incoming shift sees the notes it has not read when it starts. Not to be confused with
 * kefu-store-handover.c, the daily hand-over of order forms to the sales admins.
 *
 * Writing appends the event ("shift-note", id, "create") in the same transaction, so that the
 * change feed (KefuLive's KEFU_LIVE_SHIFT_NOTES) tells every workstation. Notes are never
 * changed afterwards; read marks are not history (no event).
 *
 * Unread rule: the unread notes of a staff member are the notes written in the
 * KEFU_SHIFT_NOTES_UNREAD_DAYS × 24 hours before the store's time (kefu-store-clock.h) by
 * someone else, which that staff member has not marked read. Older notes are not "unread" any
 * more: a clerk back from leave is not greeted by a week of hand-overs (the log shows them).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-shift-note.h"
#include "kefu-store.h"

G_BEGIN_DECLS

#define KEFU_SHIFT_NOTES_UNREAD_DAYS 3
/* The most notes one listing returns (the newest): a shift log holds a few notes a day, and a
 * listing of a long period for a report stops here rather than reading without end. */
#define KEFU_SHIFT_NOTES_LIST_MAX    1000

/* Hands over a note as the store's actor, at the store's time: `text` (required, trimmed, at
 * most KEFU_SHIFT_NOTE_MAX_TEXT characters), `urgent`, and `links` (KefuShiftNoteLink, may be
 * NULL; at most KEFU_SHIFT_NOTE_MAX_LINKS, each record once). Returns the stored note (id,
 * author, time, text as stored, links), or NULL with KEFU_STORE_ERROR_INVALID (the reason in
 * words), NO_ACTOR, OFFLINE … */
KefuShiftNote *kefu_store_write_shift_note       (KefuStore     *self,
                                                  const char    *text,
                                                  gboolean       urgent,
                                                  GListModel    *links,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
/* The notes written on local days `first` to `last` (included), newest first, each with its
 * author's name and its links; at most KEFU_SHIFT_NOTES_LIST_MAX (the newest). This is the
 * "shift hand-over notes" report's data (kefu_shift_notes_to_csv ()). */
GListModel    *kefu_store_list_shift_notes       (KefuStore     *self,
                                                  const GDate   *first,
                                                  const GDate   *last,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
/* The unread notes of `staff_id` (see the rule above), newest first, with authors and links. */
GListModel    *kefu_store_list_unread_shift_notes (KefuStore    *self,
                                                   gint64        staff_id,
                                                   GCancellable *cancellable,
                                                   GError      **error);
/* Marks note `note_id` read by the store's actor, or (`note_id` 0) every note unread by the
 * actor now. Marking a note read twice is no error; a note that does not exist is NOT_FOUND. */
gboolean       kefu_store_mark_shift_notes_read  (KefuStore     *self,
                                                  gint64         note_id,
                                                  GCancellable  *cancellable,
                                                  GError       **error);

/* Finds the record a typed reference or phone number names, for a note's link: `entity` says
 * what to look for, or -1 for "whatever it names": a call's reference (DH-…, ZX-…: the call;
 * TS-…: the complaint), a shipment's (FH-…), a service job's (SH-…), or a customer's phone
 * number. A callback is found by the reference of the record it follows (FH-, SH-, TS-) or by
 * its customer's phone, the earliest due one first, else the latest. References are read as
 * callers give them (any case, with or without dashes, full-width). Returns a link whose text is
 * the reference and the name ("TS-20261127-0003 王芳"), or NULL with NOT_FOUND ("No complaint has
 * the reference …") or INVALID (neither a reference nor a phone number; several customers share
 * those digits). */
KefuShiftNoteLink *kefu_store_resolve_shift_note_link (KefuStore    *self,
                                                       int           entity,
                                                       const char   *text,
                                                       GCancellable *cancellable,
                                                       GError      **error);

/* The asynchronous forms for the UI, on the store's worker thread, recorded against the actor
 * of the moment they were called. `links` is copied when called. */
void           kefu_store_write_shift_note_async (KefuStore           *self,
                                                  const char          *text,
                                                  gboolean             urgent,
                                                  GListModel          *links,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
KefuShiftNote *kefu_store_write_shift_note_finish (KefuStore    *self,
                                                   GAsyncResult *result,
                                                   GError      **error);
void           kefu_store_list_shift_notes_async (KefuStore           *self,
                                                  const GDate         *first,
                                                  const GDate         *last,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GListModel    *kefu_store_list_shift_notes_finish (KefuStore    *self,
                                                   GAsyncResult *result,
                                                   GError      **error);
void           kefu_store_list_unread_shift_notes_async (KefuStore           *self,
                                                         gint64               staff_id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GListModel    *kefu_store_list_unread_shift_notes_finish (KefuStore    *self,
                                                          GAsyncResult *result,
                                                          GError      **error);
void           kefu_store_mark_shift_notes_read_async (KefuStore           *self,
                                                       gint64               note_id,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean       kefu_store_mark_shift_notes_read_finish (KefuStore    *self,
                                                        GAsyncResult *result,
                                                        GError      **error);
void           kefu_store_resolve_shift_note_link_async (KefuStore           *self,
                                                         int                  entity,
                                                         const char          *text,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
KefuShiftNoteLink *kefu_store_resolve_shift_note_link_finish (KefuStore    *self,
                                                              GAsyncResult *result,
                                                              GError      **error);

G_END_DECLS
