/* kefu-text-row.h: a multi-line text field that sits in a boxed list like an AdwEntryRow: its
 * title above a text view that grows as the clerk types (the reason of a complaint, an answer,
 * notes). Tab leaves it, as in every other field; Enter starts a new line.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEFU_TYPE_TEXT_ROW (kefu_text_row_get_type ())
G_DECLARE_FINAL_TYPE (KefuTextRow, kefu_text_row, KEFU, TEXT_ROW, AdwPreferencesRow)

GtkWidget   *kefu_text_row_new           (void);
/* The whole text (property "text"), never NULL. */
char        *kefu_text_row_get_text      (KefuTextRow *self);
void         kefu_text_row_set_text      (KefuTextRow *self,
                                          const char  *text);
GtkTextView *kefu_text_row_get_text_view (KefuTextRow *self);

G_END_DECLS
