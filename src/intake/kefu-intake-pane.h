/* kefu-intake-pane.h: the Hotline Intake pane (热线电话处理), where a clerk spends the day: the
 * caller lookup, the call form, and beside it the chosen caller's card and history or today's
 * calls; saving, drafts that survive anything, and the team lead's hand-over, leads and
 * out-of-area lists.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_INTAKE_PANE (kefu_intake_pane_get_type ())
G_DECLARE_FINAL_TYPE (KefuIntakePane, kefu_intake_pane, KEFU, INTAKE_PANE, AdwBreakpointBin)

GtkWidget  *kefu_intake_pane_new                (void);

KefuStore  *kefu_intake_pane_get_store          (KefuIntakePane *self);
void        kefu_intake_pane_set_store          (KefuIntakePane *self,
                                                 KefuStore      *store);
/* Who is working: the clerk of every new call, and what the menu allows. */
KefuStaff  *kefu_intake_pane_get_staff          (KefuIntakePane *self);
void        kefu_intake_pane_set_staff          (KefuIntakePane *self,
                                                 KefuStaff      *staff);
/* TRUE while the pane loads what it shows (today's calls, a caller's history, a draft). */
gboolean    kefu_intake_pane_get_busy           (KefuIntakePane *self);

/* Starts a new call: a call being recorded is kept as a draft (with a banner to restore it),
 * the form is emptied for a call received now, and the lookup takes the keyboard focus. With a
 * `number` (the telephony hand-off), the form gets it and the lookup searches for it. */
void        kefu_intake_pane_start_call         (KefuIntakePane *self,
                                                 const char     *number);

/* The reference number shown large after a complaint was saved, until the next call starts;
 * NULL when none is shown. */
const char *kefu_intake_pane_get_shown_reference (KefuIntakePane *self);

/* The parts, for the window and the tests. */
GtkWidget  *kefu_intake_pane_get_form           (KefuIntakePane *self);
GtkWidget  *kefu_intake_pane_get_lookup         (KefuIntakePane *self);
GtkWidget  *kefu_intake_pane_get_recent_calls   (KefuIntakePane *self);

/* Signal "call-saved" (KefuCall *call): a call was stored, with its reference. */

G_END_DECLS
