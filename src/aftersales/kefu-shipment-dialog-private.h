/* kefu-shipment-dialog-private.h: what the shipping request's files share: the dialog's struct,
 * its checking, customer and saving (kefu-shipment-dialog.c), its product lines
 * (kefu-shipment-dialog-lines.c), its loading (kefu-shipment-dialog-load.c) and the merge of a
 * stale save (kefu-shipment-dialog-merge.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "intake/kefu-caller-lookup.h"
#include "store/kefu-store-shipments.h"

#include "kefu-shipment-dialog.h"

G_BEGIN_DECLS

/* The widgets of one product line. */
typedef struct
{
  AdwPreferencesGroup *group;
  AdwComboRow         *product;
  AdwEntryRow         *serial;
  AdwEntryRow         *produced;
  AdwSpinRow          *quantity;
  GtkWidget           *split;     /* shown on a line of several units under one serial */
  GtkWidget           *remove;
  gint64               id;        /* the stored line's, when editing; 0: a new line */
} Line;

struct _KefuShipmentDialog
{
  AdwDialog            parent_instance;

  KefuStore           *store;
  KefuStaff           *staff;
  gint64               customer_id;
  gint64               call_id;
  char                *customer_address;  /* the chosen customer's, as prefilled */
  KefuShipment        *editing;           /* the request edited, as read; NULL: a new one */
  /* The merge of a save refused as stale (kefu-shipment-merge.h): the newest event of the
   * request when `editing` was read, what the refused save tried to write, the saves made again
   * in a row after a merge without conflicts, and the conflict dialog shown. */
  gint64               base_event_id;
  KefuShipment        *pending_mine;
  guint                n_resaves;
  AdwDialog           *conflict_dialog;

  GPtrArray           *products;          /* KefuProduct, after "Choose…" in each line */
  GArray              *manager_ids;       /* gint64, after "None" in manager_row */
  GPtrArray           *lines;             /* Line */
  GCancellable        *cancellable;
  gboolean             loading;
  gboolean             saving;
  /* After the first press of Save every field shows its problem as it changes. */
  gboolean             tried;

  AdwEntryRow         *address_row;
  AdwBanner           *banner;
  GtkButton           *change_button;
  GtkBox              *content_box;
  AdwActionRow        *customer_row;
  GtkBox              *lines_box;
  KefuCallerLookup    *lookup;
  AdwComboRow         *manager_row;
  AdwEntryRow         *notes_row;
  GtkButton           *save_button;
  AdwSpinner          *spinner;
};

typedef struct
{
  gint64 customer_id;
} LoadData;


/* In kefu-shipment-dialog.c. */
void       _kefu_shipment_dialog_update_busy     (KefuShipmentDialog *self);
void       _kefu_shipment_dialog_set_refusal     (KefuShipmentDialog *self,
                                                  const char         *text);
char      *_kefu_shipment_dialog_dup_trimmed     (AdwEntryRow        *row);
/* Shows every field's problem again once Save was pressed. */
void       _kefu_shipment_dialog_field_changed   (KefuShipmentDialog *self);
void       _kefu_shipment_dialog_show_customer   (KefuShipmentDialog *self,
                                                  KefuCustomer       *customer);

/* In kefu-shipment-dialog-lines.c. */
void       _kefu_shipment_dialog_renumber_lines  (KefuShipmentDialog *self);
/* "Choose…" then the products read. */
GtkStringList *_kefu_shipment_dialog_product_names (KefuShipmentDialog *self);
void       _kefu_shipment_dialog_add_line_action (GtkWidget          *widget,
                                                  const char         *action_name,
                                                  GVariant           *parameter);

/* In kefu-shipment-dialog-load.c: the store call that reads what the dialog offers (data: a
 * LoadData) and its callback (user_data: a reference to the dialog). */
void       _kefu_shipment_dialog_show_request    (KefuShipmentDialog *self);
gpointer   _kefu_shipment_dialog_load_func       (KefuStore          *store,
                                                  gpointer            data,
                                                  GCancellable       *cancellable,
                                                  GError            **error);
void       _kefu_shipment_dialog_load_cb         (GObject            *object,
                                                  GAsyncResult       *result,
                                                  gpointer            user_data);

/* In kefu-shipment-dialog-merge.c: reading the request's events as edited (data: a gint64 id),
 * and the merge started by a save refused as stale. */
gpointer   _kefu_shipment_dialog_timeline_func   (KefuStore          *store,
                                                  gpointer            data,
                                                  GCancellable       *cancellable,
                                                  GError            **error);
void       _kefu_shipment_dialog_base_events_cb  (GObject            *object,
                                                  GAsyncResult       *result,
                                                  gpointer            user_data);
void       _kefu_shipment_dialog_merge_start     (KefuShipmentDialog *self);

G_END_DECLS
