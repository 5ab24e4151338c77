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

G_END_DECLS
