/* kefu-shipment-dialog-load.c: what the shipping request reads when it opens.
 *
 * The products, the sales reps and the customer given are read in one go; a request edited is
 * shown as it was read.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-customer.h"
#include "core/kefu-phone.h"
#include "core/kefu-product.h"
#include "widgets/kefu-date-row.h"

#include "kefu-shipment-dialog-private.h"

/* The request edited, as it was read: the customer stays, the rest can change. */
void
_kefu_shipment_dialog_show_request (KefuShipmentDialog *self)
{
  KefuShipment *request = self->editing;
  g_autofree char *phone = kefu_phone_format (request->customer_phone);

  self->customer_id = request->customer_id;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->customer_row),
                                 request->customer_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->customer_row), phone != NULL ? phone : "");
  gtk_widget_set_visible (GTK_WIDGET (self->lookup), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->change_button), FALSE);
  kefu_shipment_dialog_set_manager (self, request->account_manager_id);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row),
                         request->address != NULL ? request->address : "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                         request->notes != NULL ? request->notes : "");

  for (guint i = 0; request->lines != NULL && i < request->lines->len; i++)
    {
      KefuShipmentLine *stored = request->lines->pdata[i];
      Line *line;

      if (i >= self->lines->len)
        kefu_shipment_dialog_add_line (self);
      line = self->lines->pdata[i];
      line->id = stored->id;
      kefu_shipment_dialog_set_product (self, i + 1, stored->product_id);
      gtk_editable_set_text (GTK_EDITABLE (line->serial),
                             stored->serial != NULL ? stored->serial : "");
      kefu_date_row_set_day (KEFU_DATE_ROW (line->produced), &stored->production_date);
      adw_spin_row_set_value (line->quantity, stored->quantity);
    }
  /* A merged request may hold fewer lines than the form shows. */
  while (request->lines != NULL && request->lines->len > 0
         && self->lines->len > request->lines->len)
    {
      Line *extra = self->lines->pdata[self->lines->len - 1];

      gtk_box_remove (self->lines_box, GTK_WIDGET (extra->group));
      g_ptr_array_remove_index (self->lines, self->lines->len - 1);
    }
  _kefu_shipment_dialog_renumber_lines (self);
}

/* Loading */

gpointer
_kefu_shipment_dialog_load_func (KefuStore     *store,
                                 gpointer       data,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  LoadData *load = data;
  g_autoptr(GObject) result = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GListModel) staff = NULL;

  products = kefu_store_list_products (store, TRUE, cancellable, error);
  if (products == NULL)
    return NULL;
  staff = kefu_store_list_staff (store, TRUE, cancellable, error);
  if (staff == NULL)
    return NULL;
  if (load->customer_id > 0)
    {
      KefuCustomer *customer = kefu_store_get_customer (store, load->customer_id, cancellable,
                                                        error);

      if (customer == NULL)
        return NULL;
      g_object_set_data_full (result, "customer", customer, g_object_unref);
    }
  g_object_set_data_full (result, "products", g_steal_pointer (&products), g_object_unref);
  g_object_set_data_full (result, "staff", g_steal_pointer (&staff), g_object_unref);
  return g_steal_pointer (&result);
}

void
_kefu_shipment_dialog_load_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(KefuShipmentDialog) self = user_data;
  g_autoptr(GObject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) managers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = NULL;
  GListModel *products;
  GListModel *staff;
  KefuCustomer *customer;
  guint chosen = 0;

  loaded = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  _kefu_shipment_dialog_update_busy (self);
  if (loaded == NULL)
    {
      _kefu_shipment_dialog_set_refusal (self, error->message);
      return;
    }

  products = g_object_get_data (loaded, "products");
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    g_ptr_array_add (self->products, g_list_model_get_item (products, i));
  names = _kefu_shipment_dialog_product_names (self);
  for (guint i = 0; i < self->lines->len; i++)
    adw_combo_row_set_model (((Line *) self->lines->pdata[i])->product, G_LIST_MODEL (names));

  /* The sales reps file requests; "none" when after-sales files it for them. */
  /* Translators: the account manager choice when nobody is named. */
  gtk_string_list_append (managers, _("None"));
  staff = g_object_get_data (loaded, "staff");
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (staff, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (member));

      if (kefu_staff_get_role (member) != KEFU_ROLE_SALES_REP)
        continue;
      gtk_string_list_append (managers, kefu_staff_get_name (member));
      g_array_append_val (self->manager_ids, id);
      if (self->staff != NULL && id == kefu_record_get_id (KEFU_RECORD (self->staff)))
        chosen = self->manager_ids->len;
    }
  adw_combo_row_set_model (self->manager_row, G_LIST_MODEL (managers));
  adw_combo_row_set_selected (self->manager_row, chosen);

  customer = g_object_get_data (loaded, "customer");
  if (customer != NULL)
    {
      _kefu_shipment_dialog_show_customer (self, customer);
      /* The customer was given: no other can be chosen here. */
      gtk_widget_set_visible (GTK_WIDGET (self->change_button), FALSE);
    }
  if (self->editing != NULL)
    _kefu_shipment_dialog_show_request (self);
}
