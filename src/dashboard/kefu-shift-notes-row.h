/* kefu-shift-notes-row.h: one shift hand-over note in a list: who wrote it and when, the urgent
 * and unread marks, its text, and a button per linked record that activates the window action
 * opening that record (kefu_shift_note_entity_get_action (): "win.open-complaint" with the id).
 * The Dashboard's log (KefuShiftNotesView) and the start-of-shift dialog show the same rows.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-shift-note.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SHIFT_NOTES_ROW (kefu_shift_notes_row_get_type ())
G_DECLARE_FINAL_TYPE (KefuShiftNotesRow, kefu_shift_notes_row, KEFU, SHIFT_NOTES_ROW,
                      GtkListBoxRow)

/* Signal "link-clicked" (KefuShiftNoteLink *link): a link's button was clicked (its action is
 * activated too), so that a dialog can close to show the record. */
GtkWidget     *kefu_shift_notes_row_new        (KefuShiftNote     *note,
                                                gboolean           unread);
KefuShiftNote *kefu_shift_notes_row_get_note   (KefuShiftNotesRow *self);
gboolean       kefu_shift_notes_row_get_unread (KefuShiftNotesRow *self);
void           kefu_shift_notes_row_set_unread (KefuShiftNotesRow *self,
                                                gboolean           unread);
/* The link buttons, in the note's order (for tests). */
GtkWidget     *kefu_shift_notes_row_get_link_button (KefuShiftNotesRow *self,
                                                     guint              position);

/* "27 Nov 18:05", "Today 18:05", "Yesterday 23:50" in local time, as the rows say it. */
char          *kefu_shift_notes_format_time    (GDateTime         *time,
                                                GDateTime         *now);
/* The symbolic icon of a kind of linked record. */
const char    *kefu_shift_notes_entity_icon    (KefuShiftNoteEntity entity);

G_END_DECLS
