/* kefu-shift-note.h: a shift hand-over note (交接记录): what the outgoing shift tells the next one
 * to follow up ("王女士的投诉今晚要回电", "these prospects need a call"), with the records it is
 * about (KefuShiftNoteLink). Notes are append-only: once handed over a note is never changed;
 * only who has read it grows (kefu-store-shift-notes.h).
 *
 * The text is required, at most KEFU_SHIFT_NOTE_MAX_TEXT characters once trimmed; a note has at
 * most KEFU_SHIFT_NOTE_MAX_LINKS links, each record once.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-record.h"
#include "kefu-shift-note-link.h"

G_BEGIN_DECLS

#define KEFU_SHIFT_NOTE_MAX_TEXT  4000
#define KEFU_SHIFT_NOTE_MAX_LINKS 20

#define KEFU_TYPE_SHIFT_NOTE (kefu_shift_note_get_type ())
G_DECLARE_FINAL_TYPE (KefuShiftNote, kefu_shift_note, KEFU, SHIFT_NOTE, KefuRecord)

KefuShiftNote *kefu_shift_note_new              (void);
/* Who wrote it (the staff id) and their name, read with the note. */
gint64         kefu_shift_note_get_written_by   (KefuShiftNote *self);
void           kefu_shift_note_set_written_by   (KefuShiftNote *self, gint64 staff_id);
const char    *kefu_shift_note_get_author_name  (KefuShiftNote *self);
void           kefu_shift_note_set_author_name  (KefuShiftNote *self, const char *name);
/* When it was handed over (UTC). */
GDateTime     *kefu_shift_note_get_written_at   (KefuShiftNote *self);
void           kefu_shift_note_set_written_at   (KefuShiftNote *self, GDateTime *time);
const char    *kefu_shift_note_get_text         (KefuShiftNote *self);
void           kefu_shift_note_set_text         (KefuShiftNote *self, const char *text);
/* "要赶紧处理": the next shift must deal with it first. */
gboolean       kefu_shift_note_get_urgent       (KefuShiftNote *self);
void           kefu_shift_note_set_urgent       (KefuShiftNote *self, gboolean urgent);
/* The links (KefuShiftNoteLink) in their order; the model belongs to the note. */
GListModel    *kefu_shift_note_get_links        (KefuShiftNote *self);
/* Appends `link` unless the note links that record already (FALSE then). */
gboolean       kefu_shift_note_add_link         (KefuShiftNote *self, KefuShiftNoteLink *link);

/* The shift hand-over notes report as CSV (core/kefu-csv.h: UTF-8 with a BOM, CRLF): a header,
 * then one row per note of `notes` (KefuShiftNote) in their order: written at (local time,
 * "2026-11-27 18:05"), by, urgent ("Urgent" or empty), text, links (their texts joined by
 * "; "). Headers and "Urgent" are translated. */
GBytes        *kefu_shift_notes_to_csv          (GListModel    *notes);

G_END_DECLS
