/* kefu-shift-notes-view.h: the shift hand-over notes in the Dashboard (交接记录本): the log of the
 * last KEFU_SHIFT_NOTES_VIEW_DAYS local days, newest first (author, time, urgent mark, text, a
 * button per linked record), the notes the staff member working has not read marked "New", and
 * the composer where the outgoing shift writes the next note (KefuShiftNotesComposer).
 *
 * Properties, like the other panes' widgets: "store" (KefuStore), "live" (KefuLive: the log is
 * read again when shift notes change anywhere), "staff" (KefuStaff, who is working: whose
 * unread notes). Read-only: "n-unread" (guint, the notes the staff member has not read: for the
 * sidebar's Dashboard row) and "busy" (loading or saving).
 *
 * Actions (group "shift-notes"): reload, mark-all-read. A link's button activates the window's
 * action for that record ("win.open-complaint" … with the id, kefu-shift-note-link.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store-shift-notes.h"
#include "widgets/kefu-live.h"

G_BEGIN_DECLS

#define KEFU_SHIFT_NOTES_VIEW_DAYS 7

#define KEFU_TYPE_SHIFT_NOTES_VIEW (kefu_shift_notes_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuShiftNotesView, kefu_shift_notes_view, KEFU, SHIFT_NOTES_VIEW, AdwBin)

GtkWidget  *kefu_shift_notes_view_new          (void);
KefuStore  *kefu_shift_notes_view_get_store    (KefuShiftNotesView *self);
void        kefu_shift_notes_view_set_store    (KefuShiftNotesView *self,
                                                KefuStore          *store);
KefuLive   *kefu_shift_notes_view_get_live     (KefuShiftNotesView *self);
void        kefu_shift_notes_view_set_live     (KefuShiftNotesView *self,
                                                KefuLive           *live);
KefuStaff  *kefu_shift_notes_view_get_staff    (KefuShiftNotesView *self);
void        kefu_shift_notes_view_set_staff    (KefuShiftNotesView *self,
                                                KefuStaff          *staff);
guint       kefu_shift_notes_view_get_n_unread (KefuShiftNotesView *self);
gboolean    kefu_shift_notes_view_get_busy     (KefuShiftNotesView *self);
/* Reads the log and the unread notes again. */
void        kefu_shift_notes_view_reload       (KefuShiftNotesView *self);

/* The parts, for tests and the screenshots. */
GtkWidget  *kefu_shift_notes_view_get_composer (KefuShiftNotesView *self);
GtkListBox *kefu_shift_notes_view_get_list     (KefuShiftNotesView *self);

G_END_DECLS
