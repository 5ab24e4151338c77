/* kefu-text-prompt.h: an alert that asks for one line of text before an action (the reason for
 * dropping a lead, how an out-of-area customer was told), with the action's button enabled only
 * once something is typed.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The response ids: "cancel" (also on Escape) and "accept". */
#define KEFU_TEXT_PROMPT_ACCEPT "accept"
#define KEFU_TEXT_PROMPT_CANCEL "cancel"

/* `destructive`: the accept button in the destructive style rather than the suggested one. */
AdwAlertDialog *kefu_text_prompt_new      (const char     *heading,
                                           const char     *body,
                                           const char     *entry_title,
                                           const char     *accept_label,
                                           gboolean        destructive);
/* The text typed, trimmed. */
char           *kefu_text_prompt_dup_text (AdwAlertDialog *prompt);
/* The entry, for tests and focus. */
AdwEntryRow    *kefu_text_prompt_get_entry (AdwAlertDialog *prompt);

G_END_DECLS
