/* kefu-shipment-action-dialog.h: one step of a shipment (confirm the payment, issue the
 * dispatch note, ship, confirm receipt, report or resolve an exception, cancel, add a note) in a
 * small dialog that shows exactly the fields the action needs: the amount in yuan, the dispatch
 * note's number, the carrier with the waybill checked as it is typed against the carrier's
 * form, the ship date and the expected arrival, how the customer confirmed, what went wrong,
 * how it ended, the reason or the note.
 *
 * It checks the fields (each message under its field) and the step's rule
 * (kefu_shipment_flow_check ()) before saving, saves with kefu_store_change_shipment () on the
 * store's worker, and shows the store's refusal in place; on a refusal or a conflict with what
 * someone else saved meanwhile (offering to read the shipment again) everything typed stays.
 * Once saved it emits "done" (KefuShipment as read back) and closes.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-staff.h"
#include "store/kefu-store-shipments.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SHIPMENT_ACTION_DIALOG (kefu_shipment_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuShipmentActionDialog, kefu_shipment_action_dialog,
                      KEFU, SHIPMENT_ACTION_DIALOG, AdwDialog)

/* `carriers` (KefuCarrier): those to choose from when shipping; may be NULL for the other
 * actions. The dialog keeps its own reference to each argument. */
KefuShipmentActionDialog *kefu_shipment_action_dialog_new        (KefuStore          *store,
                                                                  KefuStaff          *staff,
                                                                  KefuShipment       *shipment,
                                                                  KefuShipmentAction  action,
                                                                  GPtrArray          *carriers);
KefuShipmentAction        kefu_shipment_action_dialog_get_action (KefuShipmentActionDialog *self);
/* TRUE while the change is saved. */
gboolean                  kefu_shipment_action_dialog_get_busy   (KefuShipmentActionDialog *self);

/* What a person would type or choose, for the tests. Text fields: "amount", "dispatch",
 * "waybill", "ship-date", "expected", "text". Choices (0 is "Choose…"): "carrier", "outcome",
 * "receipt", "exception". */
void        kefu_shipment_action_dialog_set_text     (KefuShipmentActionDialog *self,
                                                      const char               *field,
                                                      const char               *text);
void        kefu_shipment_action_dialog_set_choice   (KefuShipmentActionDialog *self,
                                                      const char               *field,
                                                      guint                     position);
/* The text of a text field as it stands (names as above). */
const char *kefu_shipment_action_dialog_get_text     (KefuShipmentActionDialog *self,
                                                      const char               *field);
/* Chooses the carrier by its name; FALSE when it is not listed. */
gboolean    kefu_shipment_action_dialog_set_carrier  (KefuShipmentActionDialog *self,
                                                      const char               *name);
/* Presses the apply button: checks everything, shows every problem, and starts the save when
 * there is none. TRUE when the save started. */
gboolean    kefu_shipment_action_dialog_apply        (KefuShipmentActionDialog *self);
/* The message under a field (names as above), or NULL. */
const char *kefu_shipment_action_dialog_get_message  (KefuShipmentActionDialog *self,
                                                      const char               *field);
/* The refusal or conflict shown above the fields, or NULL. */
const char *kefu_shipment_action_dialog_get_refusal  (KefuShipmentActionDialog *self);

G_END_DECLS
