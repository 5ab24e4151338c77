/* kefu-call-form.h: the call form of the hotline intake pane. The clerk chooses the kind of
 * call (order, complaint, inquiry: Ctrl+1/2/3) and types the caller, the kind's own fields and
 * notes while talking; the kind can change mid-call without losing anything.
 *
 * The form edits a form call (kefu_call_new_for_form()) in place, field by field. It validates
 * as the clerk types: a field's problems show once the clerk has left it, text that cannot be
 * read (a quantity, a price, a date) at once; kefu_call_form_check() shows every problem.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CALL_FORM (kefu_call_form_get_type ())
G_DECLARE_FINAL_TYPE (KefuCallForm, kefu_call_form, KEFU, CALL_FORM, AdwBin)

/* Properties: "store" (KefuStore: products for the order lines), "staff" (KefuStaff: shown as
 * the clerk), "call" (KefuCall, the form call being edited), "blank" (read-only: nothing typed),
 * "kind-name" ("order", "complaint" or "inquiry": the state of the widget action
 * "call-form.kind"), "busy" (read-only: the products are loading).
 * Signal "changed" (no arguments): the clerk changed the call (for drafts). */
KefuCallForm *kefu_call_form_new               (void);
KefuStore    *kefu_call_form_get_store         (KefuCallForm *self);
void          kefu_call_form_set_store         (KefuCallForm *self,
                                                KefuStore    *store);
KefuStaff    *kefu_call_form_get_staff         (KefuCallForm *self);
void          kefu_call_form_set_staff         (KefuCallForm *self,
                                                KefuStaff    *staff);
/* Shows `call` and binds every field to it; a call without a received time gets the current
 * one. */
void          kefu_call_form_set_call          (KefuCallForm *self,
                                                KefuCall     *call);
KefuCall     *kefu_call_form_get_call          (KefuCallForm *self);
gboolean      kefu_call_form_get_blank         (KefuCallForm *self);
gboolean      kefu_call_form_get_busy          (KefuCallForm *self);
const char   *kefu_call_form_get_kind_name     (KefuCallForm *self);
void          kefu_call_form_set_kind_name     (KefuCallForm *self,
                                                const char   *kind_name);

/* Locks the kind of the call (a stored complaint edited on its detail page): the kind toggles
 * are hidden and Ctrl+1/2/3 do nothing. */
void          kefu_call_form_set_kind_locked   (KefuCallForm *self,
                                                gboolean      locked);

/* A picked customer: name, address (and an empty delivery address and district), phone,
 * customer id. */
void          kefu_call_form_set_caller        (KefuCallForm *self,
                                                KefuCustomer *customer);
/* An unknown number typed in the lookup: customer id 0, phone = `phone`, name and address
 * kept. */
void          kefu_call_form_set_new_caller    (KefuCallForm *self,
                                                const char   *phone);
/* Validates everything (kefu_call_validate() plus the fields whose text does not parse:
 * quantity, price, dates), shows every problem under its field at once and focuses the first;
 * TRUE when there is none. An empty delivery address takes the caller's address first, as the
 * form shows. Never clears anything. */
gboolean      kefu_call_form_check             (KefuCallForm *self,
                                                GDateTime    *now);
/* Keyboard focus to the caller-name field when it is empty (after a pick of a new caller), or
 * to the first field of the kind's form. */
void          kefu_call_form_focus_details     (KefuCallForm *self);

/* The message shown under the field `field_id` (kefu_call_validate()'s ids), or NULL; and the
 * field's widget, for the tests and the pane. */
const char   *kefu_call_form_get_field_message (KefuCallForm *self,
                                                const char   *field_id);
GtkWidget    *kefu_call_form_get_field         (KefuCallForm *self,
                                                const char   *field_id);

/* Reads a received time as typed ("2026-11-27 09:41", also with seconds, 2026/11/27, 年月日 and
 * full-width digits) as local time; returns it in UTC. Exposed for the tests. */
GDateTime    *kefu_call_form_parse_received_at (const char   *text,
                                                GError      **error);

G_END_DECLS
