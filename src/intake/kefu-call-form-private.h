/* kefu-call-form-private.h: what the call form's files share.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-call-form.h"
#include "kefu-complaint-form.h"
#include "kefu-inquiry-form.h"
#include "kefu-order-form.h"
#include "kefu-text-row.h"

G_BEGIN_DECLS

struct _KefuCallForm
{
  AdwBin             parent_instance;

  KefuStore         *store;
  KefuStaff         *staff;
  KefuCall          *call;
  /* The store's active products, for the order lines and the complaint's product. The list
   * object stays the same; a reload replaces its items. */
  GListStore        *products;
  GCancellable      *cancellable;
  gboolean           busy;
  gboolean           blank;
  /* The kind shown while there is no call. */
  KefuCallKind       kind;
  /* Set while the form changes the call itself (a new call's received time, the clerk): those
   * are not the clerk's edits and emit no "changed". */
  gboolean           loading;
  /* Set while the form writes the call's received time into its entry. */
  gboolean           syncing_received;
  /* The clerk typed a received time: it no longer follows the start of the call. */
  gboolean           received_edited;
  guint              validate_source;
  /* The order whose lines the form watches for changes. */
  KefuOrder         *watched_order;

  GBindingGroup     *call_bindings;
  GSignalGroup      *call_signals;
  GSignalGroup      *order_signals;
  GSignalGroup      *complaint_signals;
  GSignalGroup      *inquiry_signals;

  AdwBanner         *products_banner;
  AdwToggleGroup    *kind_toggles;
  AdwEntryRow       *name_row;
  GtkImage          *known_icon;
  AdwEntryRow       *phone_row;
  AdwEntryRow       *address_row;
  GtkStack          *kind_stack;
  KefuOrderForm     *order_form;
  KefuComplaintForm *complaint_form;
  KefuInquiryForm   *inquiry_form;
  KefuTextRow       *notes_row;
  AdwEntryRow       *received_row;
  AdwActionRow      *clerk_row;
};

/* Brings the messages under the fields up to date once the current change is complete. */
void _kefu_call_form_schedule_validation (KefuCallForm *self);
/* The widget action KEFU_FORM_FIELD_VALIDATE_ACTION. */
void _kefu_call_form_validate_action     (GtkWidget    *widget,
                                          const char   *action_name,
                                          GVariant     *parameter);

/* In kefu-call-form.c: bring what the form shows about the call up to date. */
void _kefu_call_form_update_blank        (KefuCallForm *self);
void _kefu_call_form_update_clerk        (KefuCallForm *self);
void _kefu_call_form_update_known        (KefuCallForm *self);
void _kefu_call_form_update_kind         (KefuCallForm *self);
/* Emits "changed": the clerk changed the call. */
void _kefu_call_form_emit_changed        (KefuCallForm *self);

/* In kefu-call-form-bind.c: the form follows its call. */
/* Writes the call's received time into its entry, unless the text means the same minute. */
void _kefu_call_form_sync_received       (KefuCallForm *self);
/* Watches the lines of `order` for changes (none when NULL). */
void _kefu_call_form_set_watched_order   (KefuCallForm *self,
                                          KefuOrder    *order);
/* Shows the call's detail records in the order, complaint and inquiry forms. */
void _kefu_call_form_bind_details        (KefuCallForm *self);
/* "notify" of the call and of its detail records. */
void _kefu_call_form_call_notify_cb      (KefuCallForm *self,
                                          GParamSpec   *pspec,
                                          KefuCall     *call);
void _kefu_call_form_detail_notify_cb    (KefuCallForm *self);
/* The template callback "received_changed_cb": the clerk typed a received time. */
void _kefu_call_form_received_changed_cb (KefuCallForm *self);

G_END_DECLS
