/* kefu-call-draft.h: a call form in progress as bytes, so the intake pane can keep it on disk
 * while the clerk types and bring it back after a crash, a closed window or a lost connection.
 *
 * The draft holds the whole form: the common fields and all three detail records (the kind can
 * change while typing), with order lines, and the customer id when a known caller was picked.
 * It is a GVariant in its serialised form, with a format version so that a draft written by
 * another build is refused cleanly rather than misread.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kefu-call.h"

G_BEGIN_DECLS

#define KEFU_CALL_DRAFT_ERROR (kefu_call_draft_error_quark ())

typedef enum
{
  KEFU_CALL_DRAFT_ERROR_CORRUPT,
  KEFU_CALL_DRAFT_ERROR_VERSION,
} KefuCallDraftError;

GQuark    kefu_call_draft_error_quark (void);

/* Serialises a form call (see kefu_call_new_for_form()); missing detail records are written as
 * empty ones. */
GBytes   *kefu_call_draft_save        (KefuCall     *call);
/* A new form call with every field of the draft. */
KefuCall *kefu_call_draft_load        (GBytes       *bytes,
                                       GError      **error);

G_END_DECLS
