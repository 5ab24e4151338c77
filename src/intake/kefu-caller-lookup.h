/* kefu-caller-lookup.h: the phone or name field at the top of the intake pane, with the
 * customers that match what the clerk types (by full number, the last 4 or more digits, or a
 * name fragment), and a "New caller" row for a number nobody has.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CALLER_LOOKUP (kefu_caller_lookup_get_type ())
G_DECLARE_FINAL_TYPE (KefuCallerLookup, kefu_caller_lookup, KEFU, CALLER_LOOKUP, AdwBin)

/* At most this many customers are listed; the clerk types more to narrow them down. */
#define KEFU_CALLER_LOOKUP_LIMIT 20

GtkWidget  *kefu_caller_lookup_new         (void);

KefuStore  *kefu_caller_lookup_get_store   (KefuCallerLookup *self);
void        kefu_caller_lookup_set_store   (KefuCallerLookup *self,
                                            KefuStore        *store);
/* TRUE from a keystroke until its results are shown. */
gboolean    kefu_caller_lookup_get_busy    (KefuCallerLookup *self);

/* Puts `text` in the field and searches at once (the telephony hand-off), without the delay
 * that typing has. */
void        kefu_caller_lookup_search      (KefuCallerLookup *self,
                                            const char       *text);
/* Empties the field and hides the results. */
void        kefu_caller_lookup_clear       (KefuCallerLookup *self);
/* Moves the keyboard focus into the field. */
gboolean    kefu_caller_lookup_focus       (KefuCallerLookup *self);
const char *kefu_caller_lookup_get_text    (KefuCallerLookup *self);

/* The rows shown (KefuCustomer): the matches, best first, then a new caller (id 0, with the
 * typed number as its only phone) when the field holds a whole number nobody has. */
GListModel *kefu_caller_lookup_get_results (KefuCallerLookup *self);
/* Picks the row at `position`, as Enter or a click does: emits "customer-picked" or
 * "new-caller". */
void        kefu_caller_lookup_pick        (KefuCallerLookup *self,
                                            guint             position);

/* "Complaint · 2 days ago · 鲜牛奶: 有异味": the customer's last contact as one line, relative to
 * `now`; "" for a customer who never called. Exposed for the tests. */
char       *kefu_caller_lookup_format_last_contact (KefuCustomer *customer,
                                                    GDateTime    *now);
/* "just now", "5 minutes ago", "3 hours ago", "yesterday", "2 days ago", or the date. */
char       *kefu_format_relative_time      (GDateTime    *time,
                                            GDateTime    *now);

G_END_DECLS
