/* kefu-recent-calls.h: the calls taken today, newest first, beside the intake form when no
 * caller is chosen: the clerk's own, or everyone's.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_RECENT_CALLS (kefu_recent_calls_get_type ())
G_DECLARE_FINAL_TYPE (KefuRecentCalls, kefu_recent_calls, KEFU, RECENT_CALLS, AdwBin)

/* A busy hotline takes a few hundred calls a day; the list shows the latest of them. */
#define KEFU_RECENT_CALLS_LIMIT 300

GtkWidget  *kefu_recent_calls_new            (void);

KefuStore  *kefu_recent_calls_get_store      (KefuRecentCalls *self);
void        kefu_recent_calls_set_store      (KefuRecentCalls *self,
                                              KefuStore       *store);
/* Whose calls "Mine" lists (0: nobody is working, so everyone's are listed). */
gint64      kefu_recent_calls_get_clerk_id   (KefuRecentCalls *self);
void        kefu_recent_calls_set_clerk_id   (KefuRecentCalls *self,
                                              gint64           clerk_id);
/* FALSE: the clerk's own calls today; TRUE: everyone's. */
gboolean    kefu_recent_calls_get_everyone   (KefuRecentCalls *self);
void        kefu_recent_calls_set_everyone   (KefuRecentCalls *self,
                                              gboolean         everyone);
gboolean    kefu_recent_calls_get_busy       (KefuRecentCalls *self);

/* Reads the list again. */
void        kefu_recent_calls_reload         (KefuRecentCalls *self);
/* Puts a call just saved at the top at once, before the list is read again. */
void        kefu_recent_calls_add_call       (KefuRecentCalls *self,
                                              KefuCall        *call);
/* The calls shown (KefuCall), newest first. */
GListModel *kefu_recent_calls_get_calls      (KefuRecentCalls *self);

G_END_DECLS
