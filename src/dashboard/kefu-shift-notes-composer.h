/* kefu-shift-notes-composer.h: where the outgoing shift writes a hand-over note: the text, an
 * "Urgent" switch (要赶紧处理), the linked records as removable chips ("Link Record…": a
 * reference number or a phone number, found by the store), and "Hand Over".
 *
 * The draft is never lost: it stays while the note is being saved, when saving fails (the error
 * is shown in words under it, e.g. the database cannot be reached) and while the composer is
 * not shown (a pane switch keeps the widget); it is cleared only once the note is stored.
 *
 * Actions (group "composer"): hand-over, add-link (finds what the link entry holds),
 * remove-link (i: the chip's position).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store-shift-notes.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SHIFT_NOTES_COMPOSER (kefu_shift_notes_composer_get_type ())
G_DECLARE_FINAL_TYPE (KefuShiftNotesComposer, kefu_shift_notes_composer, KEFU,
                      SHIFT_NOTES_COMPOSER, AdwBin)

/* Property "store" (KefuStore); read-only "busy" while saving or finding a link.
 * Signal "handed-over" (KefuShiftNote *note): the note was stored (the draft is then cleared). */
GtkWidget   *kefu_shift_notes_composer_new       (void);
KefuStore   *kefu_shift_notes_composer_get_store (KefuShiftNotesComposer *self);
void         kefu_shift_notes_composer_set_store (KefuShiftNotesComposer *self,
                                                  KefuStore              *store);
gboolean     kefu_shift_notes_composer_get_busy  (KefuShiftNotesComposer *self);

/* The draft's text (transfer full) and links (KefuShiftNoteLink; the composer's own model). */
char        *kefu_shift_notes_composer_get_text  (KefuShiftNotesComposer *self);
void         kefu_shift_notes_composer_set_text  (KefuShiftNotesComposer *self,
                                                  const char             *text);
gboolean     kefu_shift_notes_composer_get_urgent (KefuShiftNotesComposer *self);
void         kefu_shift_notes_composer_set_urgent (KefuShiftNotesComposer *self,
                                                   gboolean                urgent);
GListModel  *kefu_shift_notes_composer_get_links (KefuShiftNotesComposer *self);
/* Finds `text` as the link entry's Add does (`entity`: a KefuShiftNoteEntity or -1 for any) and
 * adds the chip, or shows why not under the entry. */
void         kefu_shift_notes_composer_find_link (KefuShiftNotesComposer *self,
                                                  int                     entity,
                                                  const char             *text);
/* What the composer says went wrong (saving, or finding a link), or NULL. */
const char  *kefu_shift_notes_composer_get_error (KefuShiftNotesComposer *self);

G_END_DECLS
