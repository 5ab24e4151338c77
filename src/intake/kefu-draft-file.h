/* kefu-draft-file.h: the call form in progress, kept on this workstation while the clerk types,
 * so that a crash, a closed window or a lost server connection never loses a call record.
 *
 * One draft per database: the file is g_get_user_state_dir()/kefu/drafts/<SHA-256 of the
 * database description>.draft (the description names the database without a password, and the
 * hash keeps it out of the file name). Writes replace the file atomically, so a crash leaves
 * the previous draft or the new one, never half of one. The caller decides when to write
 * (the intake pane waits for a pause in typing). GLib/GIO only.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/kefu-call.h"

G_BEGIN_DECLS

#define KEFU_TYPE_DRAFT_FILE (kefu_draft_file_get_type ())
G_DECLARE_FINAL_TYPE (KefuDraftFile, kefu_draft_file, KEFU, DRAFT_FILE, GObject)

KefuDraftFile *kefu_draft_file_new      (const char     *database_description);
/* The description it was made for, and the file it writes. */
const char    *kefu_draft_file_get_description (KefuDraftFile *self);
const char    *kefu_draft_file_get_path (KefuDraftFile  *self);
/* Writes `call` (a form call, kefu_call_new_for_form()) over the previous draft; readable by
 * the user only. */
gboolean       kefu_draft_file_save     (KefuDraftFile  *self,
                                         KefuCall       *call,
                                         GError        **error);
/* The draft as a new form call; NULL without an error when there is none, NULL with an error
 * when the file cannot be read or is not a draft this build understands (it is then left on
 * disk for the clerk or an administrator). */
KefuCall      *kefu_draft_file_load     (KefuDraftFile  *self,
                                         GError        **error);
/* Removes the draft; TRUE when there is none afterwards (also when there was none). */
gboolean       kefu_draft_file_delete   (KefuDraftFile  *self,
                                         GError        **error);
gboolean       kefu_draft_file_exists   (KefuDraftFile  *self);

G_END_DECLS
