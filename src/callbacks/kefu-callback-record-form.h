/* kefu-callback-record-form.h: the callback record (《回访记录表》) a clerk fills in on the
 * callback page: how the callback was made (phone, e-mail, SMS), what it came to (only the
 * outcomes the method allows), the customer's satisfaction (满意 / 一般 / 不满意, once
 * reached), the customer's words (required when not satisfied), a note, and for "call later"
 * the day and time the customer agreed. It checks itself as it is filled
 * (kefu_callback_check_record ()), says why it cannot be saved yet, and its Save button
 * ("callback.save") stays insensitive until it can; "Close as Unreachable"
 * ("callback.close-unreachable") is shown to a lead once the callback was escalated. The
 * actions are the page's.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-roles.h"
#include "core/kefu-types.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CALLBACK_RECORD_FORM (kefu_callback_record_form_get_type ())
G_DECLARE_FINAL_TYPE (KefuCallbackRecordForm, kefu_callback_record_form, KEFU,
                      CALLBACK_RECORD_FORM, AdwBin)

/* Properties: "valid" (read-only: the record can be saved as filled) and "satisfaction"
 * (read-only int: the KefuSatisfaction picked, UNSPECIFIED when none or not reached). */
GtkWidget          *kefu_callback_record_form_new              (void);

/* What the form offers: `method` is chosen when the clerk has picked none yet; `role` and
 * `escalated` decide whether "Close as Unreachable" is shown. What is typed stays. */
void                kefu_callback_record_form_setup            (KefuCallbackRecordForm *self,
                                                                KefuCallbackMethod      method,
                                                                KefuRole                role,
                                                                gboolean                escalated);
/* The time the check takes as now (an agreed time must lie after it); NULL: the real clock. */
void                kefu_callback_record_form_set_clock        (KefuCallbackRecordForm *self,
                                                                GDateTime              *now);

gboolean            kefu_callback_record_form_get_valid        (KefuCallbackRecordForm *self);
/* Why the record cannot be saved yet (translated), NULL when it can. */
const char         *kefu_callback_record_form_get_reason       (KefuCallbackRecordForm *self);

/* What is filled in. */
KefuCallbackMethod  kefu_callback_record_form_get_method       (KefuCallbackRecordForm *self);
KefuCallbackOutcome kefu_callback_record_form_get_outcome      (KefuCallbackRecordForm *self);
KefuSatisfaction    kefu_callback_record_form_get_satisfaction (KefuCallbackRecordForm *self);
/* Trimmed; NULL when empty. */
char               *kefu_callback_record_form_dup_words        (KefuCallbackRecordForm *self);
char               *kefu_callback_record_form_dup_note         (KefuCallbackRecordForm *self);
/* The agreed time for CALL_LATER (local), NULL when none or not readable. */
GDateTime          *kefu_callback_record_form_dup_agreed_at    (KefuCallbackRecordForm *self);

/* Filling it as a person would (pick a method, an outcome, a satisfaction; type). The outcome
 * must be one the method offers (FALSE otherwise). */
void                kefu_callback_record_form_set_method       (KefuCallbackRecordForm *self,
                                                                KefuCallbackMethod      method);
gboolean            kefu_callback_record_form_set_outcome      (KefuCallbackRecordForm *self,
                                                                KefuCallbackOutcome     outcome);
void                kefu_callback_record_form_set_satisfaction (KefuCallbackRecordForm *self,
                                                                KefuSatisfaction satisfaction);
void                kefu_callback_record_form_set_words        (KefuCallbackRecordForm *self,
                                                                const char             *words);
void                kefu_callback_record_form_set_note         (KefuCallbackRecordForm *self,
                                                                const char             *note);
/* The agreed day and time as typed ("2026-11-30", "10:30"). */
void                kefu_callback_record_form_set_agreed       (KefuCallbackRecordForm *self,
                                                                const char             *day,
                                                                const char             *time);
/* Whether `outcome` is offered now. */
gboolean            kefu_callback_record_form_offers           (KefuCallbackRecordForm *self,
                                                                KefuCallbackOutcome     outcome);

/* The store's refusal of the last save, shown under the form (NULL hides it), with the Reload
 * button ("callback.reload") when `offer_reload`. */
void                kefu_callback_record_form_show_refusal     (KefuCallbackRecordForm *self,
                                                                const char             *message,
                                                                gboolean offer_reload);
const char         *kefu_callback_record_form_get_refusal      (KefuCallbackRecordForm *self);

G_END_DECLS
