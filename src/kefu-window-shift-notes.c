/* kefu-window-shift-notes.c: the window's side of the shift hand-over notes: the start-of-shift
 * dialog of unread notes when someone starts work at the window. The links of a note open their
 * records through the window's open actions (kefu-window-records.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-window"

#include "config.h"

#include "dashboard/kefu-shift-notes-dialog.h"

#include "kefu-window-private.h"

void
_kefu_window_greet_shift (KefuWindow *self)
{
  /* A screenshot run shows the panes, not a dialog over them. */
  if (self->store == NULL || self->staff == NULL || self->unattended)
    return;
  kefu_shift_notes_dialog_present_unread (GTK_WIDGET (self), self->store,
                                          kefu_record_get_id (KEFU_RECORD (self->staff)),
                                          self->cancellable);
}
