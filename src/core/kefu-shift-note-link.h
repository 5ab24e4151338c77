/* kefu-shift-note-link.h: one record a shift hand-over note points the next shift to (a complaint,
 * a shipment, a customer …): what kind, its id, and the reference or name as the note shows it
 * ("TS-20261127-0003 王芳"). Immutable once made, so that it may travel between threads.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kefu-types.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SHIFT_NOTE_LINK (kefu_shift_note_link_get_type ())
G_DECLARE_FINAL_TYPE (KefuShiftNoteLink, kefu_shift_note_link, KEFU, SHIFT_NOTE_LINK, GObject)

/* `text` may be NULL (read as ""); `entity_id` is the record's id (> 0). */
KefuShiftNoteLink   *kefu_shift_note_link_new           (KefuShiftNoteEntity  entity,
                                                         gint64               entity_id,
                                                         const char          *text);
KefuShiftNoteEntity  kefu_shift_note_link_get_entity    (KefuShiftNoteLink   *self);
gint64               kefu_shift_note_link_get_entity_id (KefuShiftNoteLink   *self);
const char          *kefu_shift_note_link_get_text      (KefuShiftNoteLink   *self);
/* TRUE when both name the same record. */
gboolean             kefu_shift_note_link_same_record   (KefuShiftNoteLink   *a,
                                                         KefuShiftNoteLink   *b);

/* The nick stored in shift_note_links.entity ("call", "complaint", "shipment", "job",
 * "callback", "customer"), and back (-1 for an unknown nick). */
const char          *kefu_shift_note_entity_to_nick     (KefuShiftNoteEntity  entity);
int                  kefu_shift_note_entity_from_nick   (const char          *nick);
/* The translated kind, as a link chip's tooltip says it ("Complaint"). */
const char          *kefu_shift_note_entity_get_display_name (KefuShiftNoteEntity entity);
/* The window action that opens such a record with its id as the (x) parameter:
 * "win.open-complaint", "win.open-shipment", "win.open-job", "win.open-callback",
 * "win.open-customer", "win.open-call". */
const char          *kefu_shift_note_entity_get_action  (KefuShiftNoteEntity  entity);

G_END_DECLS
