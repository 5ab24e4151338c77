/* kefu-conflict-dialog.h: what a clerk sees when their save of a record is refused because
 * someone else saved it meanwhile: per changed field, their value and the other person's side
 * by side, with who changed it when; fields changed on one side only are listed as merged; for
 * each field both changed the clerk picks a value, then saves again.
 *
 * The dialog only records the choices in the KefuMerge (src/core/kefu-merge.h) it shows: the
 * page that opened it writes the merged record on "resolved". "closed" without "resolved" means
 * the clerk went back to the form to go on editing.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-merge.h"

G_BEGIN_DECLS

/* A value as the clerk reads it (a product by its name, an enum by its display name); NULL when
 * empty. Pages whose fields kefu_merge_value_to_text () reads well need none. */
typedef char *(*KefuConflictFormatFunc) (const KefuMergeField *field,
                                         const GValue         *value,
                                         gpointer              user_data);

#define KEFU_TYPE_CONFLICT_DIALOG (kefu_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuConflictDialog, kefu_conflict_dialog, KEFU, CONFLICT_DIALOG, AdwDialog)

KefuConflictDialog *kefu_conflict_dialog_new          (KefuMerge              *merge,
                                                       KefuConflictFormatFunc  format,
                                                       gpointer                user_data);
KefuMerge          *kefu_conflict_dialog_get_merge    (KefuConflictDialog     *self);
/* The check button that picks `choice` for the conflict on field `key` (for tests and for the
 * focus), or NULL when that field is not a conflict. */
GtkWidget          *kefu_conflict_dialog_get_choice_button (KefuConflictDialog *self,
                                                            const char         *key,
                                                            KefuMergeChoice     choice);

/* "Who at when" as the dialog and the pages say it: "王芳 at 10:42" today, with the date on
 * another day; "Someone else" when no event says. */
char               *kefu_conflict_describe_change     (const char *name,
                                                       GDateTime  *time);

G_END_DECLS
