/* kefu-intake-pane-private.h: what the intake pane's files share (kefu-intake-pane.c: the pane
 * and its caller card; kefu-intake-pane-drafts.c: drafts and kept calls;
 * kefu-intake-pane-actions.c: saving, new calls, discarding and the dialogs).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-call-form.h"
#include "kefu-caller-lookup.h"
#include "kefu-draft-file.h"
#include "kefu-intake-pane.h"
#include "kefu-recent-calls.h"
#include "widgets/kefu-customer-history-view.h"

G_BEGIN_DECLS

struct _KefuIntakePane
{
  AdwBreakpointBin         parent_instance;

  KefuStore               *store;
  KefuStaff               *staff;
  /* Reading a caller's record (a restored draft names only the id). */
  GCancellable            *cancellable;
  /* The form in progress, kept on disk as the clerk types, per database. */
  KefuDraftFile           *draft;
  /* Calls set aside by new ones (an incoming call while recording), oldest first, each in a
   * draft of its own until restored. */
  GPtrArray               *kept_calls;
  /* The call being saved: the form is locked until it is stored or refused. NULL again when
   * the pane moved on before the answer (kefu-intake-pane-actions.c, save_cb). */
  KefuCall                *saving_call;
  char                    *shown_reference;
  /* A call that came in while one was being saved ("" without a number), started after. */
  char                    *pending_number;
  gint64                   shown_customer_id;
  guint                    draft_source;
  gboolean                 busy;
  gboolean                 loading_customer;
  gboolean                 mapped_before;
  /* A failed draft write is said once, not on every keystroke. */
  gboolean                 draft_error_shown;
  /* Where the keyboard focus was when a save started, to go back to if the save fails. */
  GtkWidget               *focus_before_save;

  AdwViewStackPage        *caller_page;
  GtkLabel                *customer_address_label;
  AdwAvatar               *customer_avatar;
  GtkLabel                *customer_clerk_label;
  GtkLabel                *customer_member_label;
  GtkLabel                *customer_name_label;
  GtkLabel                *customer_phones_label;
  AdwBanner               *error_banner;
  KefuCallForm            *form;
  GtkScrolledWindow       *form_scroller;
  KefuCustomerHistoryView *history_view;
  AdwBanner               *kept_banner;
  KefuCallerLookup        *lookup;
  KefuRecentCalls         *recent_calls;
  GtkLabel                *reference_caption;
  GtkLabel                *reference_detail;
  GtkLabel                *reference_label;
  GtkRevealer             *reference_revealer;
  AdwBanner               *restored_banner;
  GtkStack                *save_stack;
  AdwViewStack            *side_stack;
  GtkWidget               *side_switcher;
  AdwToastOverlay         *toast_overlay;
};

/* kefu-intake-pane.c */
gboolean  _kefu_intake_pane_form_is_blank   (KefuIntakePane *self);
/* Gives the form a new empty call, received now, taken by whoever is working. */
void      _kefu_intake_pane_reset_form      (KefuIntakePane *self);
/* Gives the form `call` (a form call, e.g. restored) and shows its caller, if known. */
void      _kefu_intake_pane_set_form_call   (KefuIntakePane *self,
                                             KefuCall       *call);
gboolean  _kefu_intake_pane_focus_in_form   (KefuIntakePane *self);
/* Moves the keyboard focus to the lookup when it is in the form. */
void      _kefu_intake_pane_focus_out_of_form (KefuIntakePane *self);
void      _kefu_intake_pane_show_customer   (KefuIntakePane *self,
                                             KefuCustomer   *customer);
void      _kefu_intake_pane_show_recent     (KefuIntakePane *self);
void      _kefu_intake_pane_hide_reference  (KefuIntakePane *self);
void      _kefu_intake_pane_update_busy     (KefuIntakePane *self);
void      _kefu_intake_pane_toast           (KefuIntakePane *self,
                                             const char     *text,
                                             guint           timeout);
void      _kefu_intake_pane_emit_call_saved (KefuIntakePane *self,
                                             KefuCall       *call);

/* kefu-intake-pane-drafts.c */
/* Reads the drafts of the pane's database (the banner says when a call came back), and writes
 * the form's call before they are closed. */
void      _kefu_intake_pane_open_drafts     (KefuIntakePane *self);
void      _kefu_intake_pane_close_drafts    (KefuIntakePane *self);
/* Writes the form's call to the draft after a pause in typing. */
void      _kefu_intake_pane_schedule_draft  (KefuIntakePane *self);
/* Writes the form's call to the draft now (or removes the draft when the form is blank). */
void      _kefu_intake_pane_save_draft      (KefuIntakePane *self);
void      _kefu_intake_pane_delete_draft    (KefuIntakePane *self);
/* Sets the form's call (or `call`) aside as a kept draft, with the banner that restores it. */
void      _kefu_intake_pane_keep_current    (KefuIntakePane *self);
void      _kefu_intake_pane_keep_call       (KefuIntakePane *self,
                                             KefuCall       *call);
/* The latest kept call, no longer kept (transfer full), or NULL. */
KefuCall *_kefu_intake_pane_take_kept_call  (KefuIntakePane *self);

/* kefu-intake-pane-actions.c */
void      _kefu_intake_pane_install_actions (GtkWidgetClass *widget_class);
void      _kefu_intake_pane_add_shortcuts   (KefuIntakePane *self);
void      _kefu_intake_pane_update_actions  (KefuIntakePane *self);
/* Starts a new order call for the lead's caller, recording which lead it converts. */
void      _kefu_intake_pane_start_lead_order (KefuIntakePane *self,
                                              KefuLead       *lead);

G_END_DECLS
