/* kefu-assign-dialog.h: assigning customers to clerks (客户资料处理): the selected customers or
 * every unassigned one, to the clerks chosen, balanced, with a preview of the counts per clerk
 * before anything changes.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_ASSIGN_DIALOG (kefu_assign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuAssignDialog, kefu_assign_dialog, KEFU, ASSIGN_DIALOG, AdwDialog)

/* `selected` (gint64 customer ids, may be empty): the customers selected in the list; with none
 * the dialog offers only "all unassigned". The dialog emits "assigned" (guint customers,
 * guint clerks) after the store has assigned them, then closes. */
KefuAssignDialog *kefu_assign_dialog_new      (KefuStore        *store,
                                               GArray           *selected);
/* TRUE while the clerks, the preview or the assignment are being read or written. */
gboolean          kefu_assign_dialog_get_busy (KefuAssignDialog *self);
/* The preview shown (KefuAssignmentCount, one per clerk chosen), or NULL before it is read. */
GArray           *kefu_assign_dialog_get_plan (KefuAssignDialog *self);

G_END_DECLS
