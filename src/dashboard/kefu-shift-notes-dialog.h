/* kefu-shift-notes-dialog.h: "Hand-Over from the Previous Shift": the notes the staff member
 * starting has not read (kefu_store_list_unread_shift_notes ()), as the Dashboard's rows, with
 * "Mark All as Read"; a linked record's button opens it (the window's action) and closes the
 * dialog, leaving the notes unread until marked.
 *
 * kefu_shift_notes_dialog_present_unread () is what the window calls once someone starts work
 * (chosen or signed in): it reads their unread notes and presents the dialog only when there are
 * some.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store-shift-notes.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SHIFT_NOTES_DIALOG (kefu_shift_notes_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuShiftNotesDialog, kefu_shift_notes_dialog, KEFU, SHIFT_NOTES_DIALOG,
                      AdwDialog)

/* Signal "marked-read": every note shown was marked read (the dialog then closes). */
KefuShiftNotesDialog *kefu_shift_notes_dialog_new        (KefuStore            *store,
                                                          GListModel           *notes);
GtkListBox           *kefu_shift_notes_dialog_get_list   (KefuShiftNotesDialog *self);
/* What went wrong marking them read, or NULL. */
const char           *kefu_shift_notes_dialog_get_error  (KefuShiftNotesDialog *self);

/* Reads the unread notes of `staff_id` and, when there are any, presents the dialog over
 * `parent`. A failed read is only logged: the Dashboard shows the notes too. */
void                  kefu_shift_notes_dialog_present_unread (GtkWidget    *parent,
                                                              KefuStore    *store,
                                                              gint64        staff_id,
                                                              GCancellable *cancellable);

G_END_DECLS
