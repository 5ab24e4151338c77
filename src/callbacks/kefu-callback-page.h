/* kefu-callback-page.h: the page where a clerk does one callback (回访): the customer (name,
 * phone with a copy button, member badge), the reason and topic, the due time and the "within
 * three days" deadline, the clerk it is assigned to, the record it follows (a complaint's
 * resolution, a service job's feedback form, a shipment's receipt) with a button that opens
 * it, the earlier attempts, the script of domain.md §4 filled with the customer's name, the
 * company, the clerk, the service and its day (the branch of the satisfaction picked), a
 * warning when it is the customer's rest time, and the record form (《回访记录表》).
 *
 * Opening the page claims the callback for this workstation (two clerks never call the same
 * customer at once) and renews the claim while the page is shown; a callback someone else is
 * calling is shown read-only with who it is. Hidden or closed without a record, the page gives
 * the claim up. Once a record is saved the page activates "callbacks.recorded" (x: the
 * callback's id) on itself, for the pane to read its lists again and pop the page.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-callback.h"
#include "core/kefu-staff.h"
#include "store/kefu-store.h"
#include "widgets/kefu-live.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CALLBACK_PAGE (kefu_callback_page_get_type ())
G_DECLARE_FINAL_TYPE (KefuCallbackPage, kefu_callback_page, KEFU, CALLBACK_PAGE, AdwNavigationPage)

/* Properties "store", "staff", "callback-id" (construct-only) and "busy" (read-only, TRUE while
 * the callback is read, claimed or its record saved). */
AdwNavigationPage *kefu_callback_page_new             (KefuStore        *store,
                                                       KefuStaff        *staff,
                                                       gint64            callback_id);
gint64             kefu_callback_page_get_callback_id (KefuCallbackPage *self);
/* Reads the callback again (and claims it again when the page may do it); what is typed in
 * the record form stays. */
void               kefu_callback_page_reload          (KefuCallbackPage *self);
/* Keeps the page current with what others save (kefu-live-page.h); NULL: does nothing. */
void               kefu_callback_page_set_live        (KefuCallbackPage *self,
                                                       KefuLive         *live);

/* For the tests: what a person sees and presses. */
/* The callback as last read (transfer none), NULL before. */
KefuCallback      *_kefu_callback_page_get_callback   (KefuCallbackPage *self);
/* TRUE while this page holds the callback's claim. */
gboolean           _kefu_callback_page_holds_claim    (KefuCallbackPage *self);
/* The record form (a KefuCallbackRecordForm), transfer none. */
GtkWidget         *_kefu_callback_page_get_form       (KefuCallbackPage *self);
/* The script's texts shown now, joined by newlines. */
char              *_kefu_callback_page_dup_script     (KefuCallbackPage *self);
/* The quiet-hour warning's text while it is shown, else NULL; the text of the banner that says
 * who is calling the customer (or why the page is read-only) while it is shown, else NULL. */
const char        *_kefu_callback_page_get_quiet_warning (KefuCallbackPage *self);
const char        *_kefu_callback_page_get_read_only_reason (KefuCallbackPage *self);
/* The refusal shown under the form after a save, else NULL. */
const char        *_kefu_callback_page_get_save_error (KefuCallbackPage *self);
/* Renews the claim now, as the page does every KEFU_CALLBACK_CLAIM_RENEW_SECONDS. */
void               _kefu_callback_page_renew_claim    (KefuCallbackPage *self);
/* The time the page takes as now (the quiet hours, the deadline, the record's check); NULL:
 * the real clock. */
void               _kefu_callback_page_set_clock      (KefuCallbackPage *self,
                                                       GDateTime        *now);

G_END_DECLS
