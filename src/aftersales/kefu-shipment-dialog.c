/* kefu-shipment-dialog.c: the shipping request (《发货申请单》).
 *
 * The products, the sales reps and the customer given are read in one go when the dialog opens;
 * the request is written with kefu_store_create_shipment () on the store's worker. A product
 * line is a group of its own (product, serial, production date, quantity) with a button that
 * removes it; there is always at least one (kefu-shipment-dialog-lines.c). The reading is in
 * kefu-shipment-dialog-load.c, the merge of a stale save in kefu-shipment-dialog-merge.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/kefu-customer.h"
#include "core/kefu-phone.h"
#include "intake/kefu-form-field.h"
#include "widgets/kefu-date-row.h"

#include "kefu-shipment-dialog-private.h"
#include "kefu-shipment-merge.h"

G_DEFINE_FINAL_TYPE (KefuShipmentDialog, kefu_shipment_dialog, ADW_TYPE_DIALOG)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_kefu_shipment_dialog_update_busy (KefuShipmentDialog *self)
{
  gboolean busy = self->loading || self->saving;

  if (busy)
    kefu_form_field_release_focus (GTK_WIDGET (self->content_box));
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_box), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  adw_dialog_set_can_close (ADW_DIALOG (self), !self->saving);
}

void
_kefu_shipment_dialog_set_refusal (KefuShipmentDialog *self,
                                   const char         *text)
{
  adw_banner_set_title (self->banner, text != NULL ? text : "");
  adw_banner_set_revealed (self->banner, text != NULL);
}

char *
_kefu_shipment_dialog_dup_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Checking */

/* Checks every field into `shipment` (when not NULL), each problem under its field as `check`
 * says. */
static void
check_fields (KefuShipmentDialog *self,
              KefuShipment       *shipment,
              KefuFormCheck      *check)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autofree char *address = _kefu_shipment_dialog_dup_trimmed (self->address_row);

  kefu_form_check_field (check, self->customer_row,
                         self->customer_id <= 0
                         ? _("Choose the customer: search for them by phone or name.") : NULL);
  kefu_form_check_field (check, self->address_row,
                         *address == '\0' ? _("Enter where the goods go.") : NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = self->lines->pdata[i];
      guint position = adw_combo_row_get_selected (line->product);
      KefuProduct *product = position > 0 && position != GTK_INVALID_LIST_POSITION &&
                             position <= self->products->len
                             ? self->products->pdata[position - 1] : NULL;
      g_autofree char *serial = _kefu_shipment_dialog_dup_trimmed (line->serial);
      g_autoptr(GError) produced_error = NULL;
      GDate produced;

      g_date_clear (&produced, 1);
      kefu_form_check_field (check, line->product,
                             product == NULL ? _("Choose the product.") : NULL);
      if (kefu_date_row_is_empty (KEFU_DATE_ROW (line->produced)))
        kefu_form_check_field (check, line->produced, NULL);
      else if (!kefu_date_row_get_day (KEFU_DATE_ROW (line->produced), &produced,
                                       &produced_error))
        kefu_form_check_field (check, line->produced, produced_error->message);
      else if (g_date_compare (&produced, today) > 0)
        kefu_form_check_field (check, line->produced,
                               _("The production date cannot be in the future."));
      else
        kefu_form_check_field (check, line->produced, NULL);

      /* A product number names one instrument, whose warranty and service history are its
       * own: several units need a line each (the Split button makes them). */
      kefu_form_check_field (check, line->quantity,
                             *serial != '\0' && adw_spin_row_get_value (line->quantity) > 1
                             ? _("A product number names one unit: give each unit its own line.")
                             : NULL);

      if (shipment != NULL && product != NULL)
        {
          KefuShipmentLine *out = kefu_shipment_line_new ();

          out->id = line->id;
          out->product_id = kefu_record_get_id (KEFU_RECORD (product));
          out->product_name = g_strdup (kefu_product_get_name (product));
          out->serial = *serial != '\0' ? g_steal_pointer (&serial) : NULL;
          out->production_date = produced;
          out->quantity = (guint) adw_spin_row_get_value (line->quantity);
          g_ptr_array_add (shipment->lines, out);
        }
    }


  if (shipment != NULL)
    {
      guint manager = adw_combo_row_get_selected (self->manager_row);

      shipment->customer_id = self->customer_id;
      shipment->call_id = self->call_id;
      shipment->account_manager_id = manager > 0 && manager != GTK_INVALID_LIST_POSITION &&
                                     manager <= self->manager_ids->len
                                     ? g_array_index (self->manager_ids, gint64, manager - 1) : 0;
      shipment->address = g_steal_pointer (&address);
      shipment->notes = _kefu_shipment_dialog_dup_trimmed (self->notes_row);
      if (*shipment->notes == '\0')
        g_clear_pointer (&shipment->notes, g_free);
    }
}

void
_kefu_shipment_dialog_field_changed (KefuShipmentDialog *self)
{
  KefuFormCheck check;

  /* The rows notify while the dialog is torn down too. */
  if (!self->tried || self->lines == NULL)
    return;
  kefu_form_check_init (&check, TRUE);
  check_fields (self, NULL, &check);
}

static void
validate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _kefu_shipment_dialog_field_changed (KEFU_SHIPMENT_DIALOG (widget));
}

/* The customer */

void
_kefu_shipment_dialog_show_customer (KefuShipmentDialog *self,
                                     KefuCustomer       *customer)
{
  const char *address = kefu_customer_get_address (customer);
  g_autofree char *typed = _kefu_shipment_dialog_dup_trimmed (self->address_row);
  g_autofree char *phone = kefu_phone_format (kefu_customer_get_primary_phone (customer));

  self->customer_id = kefu_record_get_id (KEFU_RECORD (customer));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->customer_row),
                                 kefu_customer_get_name (customer));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->customer_row), phone != NULL ? phone : "");
  kefu_form_field_release_focus (GTK_WIDGET (self->lookup));
  gtk_widget_set_visible (GTK_WIDGET (self->lookup), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->change_button), TRUE);

  /* The customer's address, unless one was typed for this shipment. */
  if (*typed == '\0' || g_strcmp0 (typed, self->customer_address) == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->address_row), address != NULL ? address : "");
  g_free (self->customer_address);
  self->customer_address = g_strdup (address);
  _kefu_shipment_dialog_field_changed (self);
}

static void
customer_picked_cb (KefuShipmentDialog *self,
                    KefuCustomer       *customer)
{
  _kefu_shipment_dialog_show_customer (self, customer);
}

static void
change_customer_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KefuShipmentDialog *self = KEFU_SHIPMENT_DIALOG (widget);

  self->customer_id = 0;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->customer_row), _("Customer"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->customer_row),
                               _("Search by phone or name above"));
  gtk_widget_set_visible (GTK_WIDGET (self->lookup), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->change_button), FALSE);
  kefu_caller_lookup_clear (self->lookup);
  kefu_caller_lookup_focus (self->lookup);
  _kefu_shipment_dialog_field_changed (self);
}

/* Saving */

static gpointer
update_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return kefu_store_update_shipment (store, data, cancellable, error);
}

static gpointer
save_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return kefu_store_create_shipment (store, data, cancellable, error);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KefuShipmentDialog) self = user_data;
  g_autoptr(KefuShipment) shipment = NULL;
  g_autoptr(GError) error = NULL;

  shipment = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->saving = FALSE;
  if (shipment == NULL && self->editing != NULL && self->pending_mine != NULL
      && g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION))
    {
      /* Someone saved the request meanwhile: merged with theirs, never written over it. */
      _kefu_shipment_dialog_merge_start (self);
      return;
    }
  g_clear_object (&self->pending_mine);
  _kefu_shipment_dialog_update_busy (self);
  if (shipment == NULL)
    {
      /* Everything typed stays: the reason says what to change. */
      _kefu_shipment_dialog_set_refusal (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, shipment->id);
  adw_dialog_close (ADW_DIALOG (self));
}

gboolean
kefu_shipment_dialog_save (KefuShipmentDialog *self)
{
  g_autoptr(KefuShipment) shipment = NULL;
  KefuFormCheck check;

  g_return_val_if_fail (KEFU_IS_SHIPMENT_DIALOG (self), FALSE);

  if (self->loading || self->saving)
    return FALSE;

  self->tried = TRUE;
  shipment = kefu_shipment_new ();
  shipment->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_shipment_line_free);
  kefu_form_check_init (&check, TRUE);
  check_fields (self, shipment, &check);
  if (check.n_problems > 0)
    {
      kefu_form_field_focus (check.first);
      return FALSE;
    }

  if (self->editing != NULL)
    {
      shipment->id = self->editing->id;
      shipment->version = self->editing->version;
      g_set_object (&self->pending_mine, NULL);
      self->pending_mine = kefu_shipment_merge_copy (shipment);
    }
  _kefu_shipment_dialog_set_refusal (self, NULL);
  self->saving = TRUE;
  _kefu_shipment_dialog_update_busy (self);
  kefu_store_run_async (self->store, self->editing != NULL ? update_func : save_func,
                        g_steal_pointer (&shipment), g_object_unref, self->cancellable, save_cb,
                        g_object_ref (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kefu_shipment_dialog_save (KEFU_SHIPMENT_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

/* Overrides */

static void
kefu_shipment_dialog_dispose (GObject *object)
{
  KefuShipmentDialog *self = KEFU_SHIPMENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* First: the rows' signals check nothing once the lines are gone. */
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_SHIPMENT_DIALOG);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->manager_ids, g_array_unref);
  g_clear_pointer (&self->customer_address, g_free);
  if (self->conflict_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->conflict_dialog, self);
      adw_dialog_force_close (self->conflict_dialog);
      g_clear_weak_pointer (&self->conflict_dialog);
    }
  g_clear_object (&self->pending_mine);
  g_clear_object (&self->editing);
  g_clear_object (&self->store);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (kefu_shipment_dialog_parent_class)->dispose (object);
}

static void
kefu_shipment_dialog_class_init (KefuShipmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_shipment_dialog_dispose;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "shipment-request.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "shipment-request.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "shipment-request.add-line", NULL,
                                   _kefu_shipment_dialog_add_line_action);
  gtk_widget_class_install_action (widget_class, "shipment-request.change-customer", NULL,
                                   change_customer_action);
  gtk_widget_class_install_action (widget_class, KEFU_FORM_FIELD_VALIDATE_ACTION, NULL,
                                   validate_action);

  g_type_ensure (KEFU_TYPE_CALLER_LOOKUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-shipment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentDialog, banner);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentDialog, change_button);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentDialog, customer_row);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentDialog, lines_box);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentDialog, lookup);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentDialog, manager_row);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, customer_picked_cb);
}

static void
kefu_shipment_dialog_init (KefuShipmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->lines = g_ptr_array_new_with_free_func (g_free);
  self->products = g_ptr_array_new_with_free_func (g_object_unref);
  self->manager_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  kefu_form_field_setup (GTK_WIDGET (self->customer_row), "customer");
  kefu_form_field_setup (GTK_WIDGET (self->manager_row), "manager");
  kefu_form_field_setup (GTK_WIDGET (self->address_row), "address");
  kefu_form_field_setup (GTK_WIDGET (self->notes_row), "notes");
  g_signal_connect_object (self->address_row, "changed",
                           G_CALLBACK (_kefu_shipment_dialog_field_changed), self,
                           G_CONNECT_SWAPPED);
  kefu_shipment_dialog_add_line (self);
}

AdwDialog *
kefu_shipment_dialog_new (KefuStore *store,
                          KefuStaff *staff,
                          gint64     customer_id,
                          gint64     call_id)
{
  KefuShipmentDialog *self;
  LoadData *load;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (staff == NULL || KEFU_IS_STAFF (staff), NULL);
  g_return_val_if_fail (customer_id >= 0 && call_id >= 0, NULL);

  self = g_object_new (KEFU_TYPE_SHIPMENT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->staff = staff != NULL ? g_object_ref (staff) : NULL;
  self->call_id = call_id;
  kefu_caller_lookup_set_store (self->lookup, store);
  gtk_widget_set_visible (GTK_WIDGET (self->lookup), customer_id == 0);

  load = g_new0 (LoadData, 1);
  load->customer_id = customer_id;
  self->loading = TRUE;
  _kefu_shipment_dialog_update_busy (self);
  kefu_store_run_async (store, _kefu_shipment_dialog_load_func, load, g_free, self->cancellable,
                        _kefu_shipment_dialog_load_cb, g_object_ref (self));
  return ADW_DIALOG (self);
}

AdwDialog *
kefu_shipment_dialog_new_edit (KefuStore    *store,
                               KefuStaff    *staff,
                               KefuShipment *shipment)
{
  KefuShipmentDialog *self;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (KEFU_IS_SHIPMENT (shipment), NULL);
  g_return_val_if_fail (shipment->lines != NULL, NULL);

  self = KEFU_SHIPMENT_DIALOG (kefu_shipment_dialog_new (store, staff, 0, shipment->call_id));
  self->editing = g_object_ref (shipment);
  self->loading = TRUE;
  kefu_store_run_async (store, _kefu_shipment_dialog_timeline_func,
                        g_memdup2 (&shipment->id, sizeof (gint64)), g_free, self->cancellable,
                        _kefu_shipment_dialog_base_events_cb, g_object_ref (self));
  /* Translators: the title of the shipping request dialog when it edits one. */
  adw_dialog_set_title (ADW_DIALOG (self), _("Edit Shipping Request"));
  gtk_button_set_label (self->save_button, _("_Save"));
  gtk_widget_set_visible (GTK_WIDGET (self->lookup), FALSE);
  return ADW_DIALOG (self);
}

gboolean
kefu_shipment_dialog_get_busy (KefuShipmentDialog *self)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_DIALOG (self), FALSE);

  return self->loading || self->saving;
}

void
kefu_shipment_dialog_set_text (KefuShipmentDialog *self,
                               const char         *field,
                               const char         *text)
{
  g_return_if_fail (KEFU_IS_SHIPMENT_DIALOG (self));

  kefu_form_field_set_text_under (GTK_WIDGET (self->content_box), field, text);
}

gboolean
kefu_shipment_dialog_set_manager (KefuShipmentDialog *self,
                                  gint64              staff_id)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_DIALOG (self), FALSE);

  if (staff_id == 0)
    {
      adw_combo_row_set_selected (self->manager_row, 0);
      return TRUE;
    }
  for (guint i = 0; i < self->manager_ids->len; i++)
    if (g_array_index (self->manager_ids, gint64, i) == staff_id)
      {
        adw_combo_row_set_selected (self->manager_row, i + 1);
        return TRUE;
      }
  return FALSE;
}

GtkWidget *
kefu_shipment_dialog_get_lookup (KefuShipmentDialog *self)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_DIALOG (self), NULL);

  return GTK_WIDGET (self->lookup);
}

gint64
kefu_shipment_dialog_get_customer_id (KefuShipmentDialog *self)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_DIALOG (self), 0);

  return self->customer_id;
}

const char *
kefu_shipment_dialog_get_message (KefuShipmentDialog *self,
                                  const char         *field)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_DIALOG (self), NULL);

  return kefu_form_field_get_message_under (GTK_WIDGET (self->content_box), field);
}

const char *
kefu_shipment_dialog_get_refusal (KefuShipmentDialog *self)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_DIALOG (self), NULL);

  return adw_banner_get_revealed (self->banner) ? adw_banner_get_title (self->banner) : NULL;
}
