/* kefu-shipment-dialog.c: the shipping request (《发货申请单》).
 *
 * The products, the sales reps and the customer given are read in one go when the dialog opens;
 * the request is written with kefu_store_create_shipment () on the store's worker. A product
 * line is a group of its own (product, serial, production date, quantity) with a button that
 * removes it; there is always at least one.
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
#include "core/kefu-product.h"
#include "intake/kefu-caller-lookup.h"
#include "intake/kefu-form-field.h"
#include "store/kefu-store-shipments.h"
#include "widgets/kefu-conflict-dialog.h"
#include "widgets/kefu-date-row.h"

#include "kefu-shipment-dialog.h"
#include "kefu-shipment-list-cells.h"
#include "kefu-shipment-merge.h"

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

G_DEFINE_FINAL_TYPE (KefuShipmentDialog, kefu_shipment_dialog, ADW_TYPE_DIALOG)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_busy (KefuShipmentDialog *self)
{
  gboolean busy = self->loading || self->saving;

  if (busy)
    kefu_form_field_release_focus (GTK_WIDGET (self->content_box));
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_box), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  adw_dialog_set_can_close (ADW_DIALOG (self), !self->saving);
}

static void
set_refusal (KefuShipmentDialog *self,
             const char         *text)
{
  adw_banner_set_title (self->banner, text != NULL ? text : "");
  adw_banner_set_revealed (self->banner, text != NULL);
}

static char *
dup_trimmed (AdwEntryRow *row)
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
  g_autofree char *address = dup_trimmed (self->address_row);

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
      g_autofree char *serial = dup_trimmed (line->serial);
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
      shipment->notes = dup_trimmed (self->notes_row);
      if (*shipment->notes == '\0')
        g_clear_pointer (&shipment->notes, g_free);
    }
}

static void
field_changed_cb (KefuShipmentDialog *self)
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
  field_changed_cb (KEFU_SHIPMENT_DIALOG (widget));
}

/* Product lines */

static void
renumber_lines (KefuShipmentDialog *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = self->lines->pdata[i];
      g_autofree char *title = NULL;
      g_autofree char *product_id = g_strdup_printf ("line-%u-product", i + 1);
      g_autofree char *serial_id = g_strdup_printf ("line-%u-serial", i + 1);
      g_autofree char *produced_id = g_strdup_printf ("line-%u-produced", i + 1);
      g_autofree char *quantity_id = g_strdup_printf ("line-%u-quantity", i + 1);

      /* Translators: the heading of a product line of the shipping request. */
      title = g_strdup_printf (_("Product Line %u"), i + 1);
      adw_preferences_group_set_title (line->group, title);
      kefu_form_field_setup (GTK_WIDGET (line->product), product_id);
      kefu_form_field_setup (GTK_WIDGET (line->serial), serial_id);
      kefu_form_field_setup (GTK_WIDGET (line->produced), produced_id);
      kefu_form_field_setup (GTK_WIDGET (line->quantity), quantity_id);
      /* There is always one line to fill. */
      gtk_widget_set_sensitive (line->remove, self->lines->len > 1);
    }
}

static void
remove_clicked_cb (GtkButton          *button,
                   KefuShipmentDialog *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = self->lines->pdata[i];

      if (line->remove != GTK_WIDGET (button))
        continue;
      gtk_box_remove (self->lines_box, GTK_WIDGET (line->group));
      g_ptr_array_remove_index (self->lines, i);
      break;
    }
  renumber_lines (self);
  field_changed_cb (self);
}

/* The product number `steps` after `serial` by its trailing number, in the same width
 * (SN-X200-0001, 2: SN-X200-0003); NULL when it does not end in a number. */
static char *
next_serial (const char *serial,
             guint       steps)
{
  gsize length = strlen (serial);
  gsize start = length;
  guint64 number;

  while (start > 0 && g_ascii_isdigit (serial[start - 1]))
    start--;
  if (start == length || length - start > 18)
    return NULL;
  number = g_ascii_strtoull (serial + start, NULL, 10) + steps;
  return g_strdup_printf ("%.*s%0*" G_GUINT64_FORMAT, (int) start, serial,
                          (int) (length - start), number);
}

/* Splitting makes one line a unit; more lines than a request holds are not offered. */
#define MAX_SPLIT_LINES 200

static void
update_split (KefuShipmentDialog *self,
              Line               *line)
{
  guint quantity = (guint) adw_spin_row_get_value (line->quantity);
  g_autofree char *serial = dup_trimmed (line->serial);
  g_autofree char *label = NULL;
  gboolean offered = *serial != '\0' && quantity > 1 &&
                     self->lines->len + quantity - 1 <= MAX_SPLIT_LINES;

  gtk_widget_set_visible (line->split, offered);
  if (!offered)
    return;
  /* Translators: a button that turns a line of N units under one product number into N lines
   * of one unit, each with its own product number. */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Split into %u Line",
                                        "Split into %u Lines", quantity), quantity);
  gtk_button_set_label (GTK_BUTTON (line->split), label);
}

static void
units_changed_cb (KefuShipmentDialog *self)
{
  for (guint i = 0; self->lines != NULL && i < self->lines->len; i++)
    update_split (self, self->lines->pdata[i]);
  field_changed_cb (self);
}

/* Turns line `index` of N units into N lines of one, the next ones after it with the same
 * product and production date and the following product numbers, to be checked. */
static void
split_line (KefuShipmentDialog *self,
            guint               index)
{
  Line *line = self->lines->pdata[index];
  guint quantity = (guint) adw_spin_row_get_value (line->quantity);
  g_autofree char *serial = dup_trimmed (line->serial);
  g_autofree char *produced = g_strdup (gtk_editable_get_text (GTK_EDITABLE (line->produced)));
  guint product = adw_combo_row_get_selected (line->product);
  GtkWidget *previous = GTK_WIDGET (line->group);
  Line *second = NULL;

  adw_spin_row_set_value (line->quantity, 1);
  for (guint j = 1; j < quantity; j++)
    {
      g_autofree char *next = next_serial (serial, j);
      Line *added;

      kefu_shipment_dialog_add_line (self);
      added = g_ptr_array_steal_index (self->lines, self->lines->len - 1);
      g_ptr_array_insert (self->lines, index + j, added);
      gtk_box_reorder_child_after (self->lines_box, GTK_WIDGET (added->group), previous);
      previous = GTK_WIDGET (added->group);
      adw_combo_row_set_selected (added->product, product);
      gtk_editable_set_text (GTK_EDITABLE (added->serial), next != NULL ? next : "");
      gtk_editable_set_text (GTK_EDITABLE (added->produced), produced);
      if (second == NULL)
        second = added;
    }
  renumber_lines (self);
  units_changed_cb (self);
  /* The numbers are a guess from the first: the person checks them against the labels. */
  if (second != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (second->serial));
}

static void
split_clicked_cb (GtkButton          *button,
                  KefuShipmentDialog *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    if (((Line *) self->lines->pdata[i])->split == GTK_WIDGET (button))
      {
        split_line (self, i);
        return;
      }
}

static GtkStringList *
product_names (KefuShipmentDialog *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("Choose…"));
  for (guint i = 0; self->products != NULL && i < self->products->len; i++)
    gtk_string_list_append (names, kefu_product_get_name (self->products->pdata[i]));
  return names;
}

void
kefu_shipment_dialog_add_line (KefuShipmentDialog *self)
{
  g_autoptr(GtkStringList) names = NULL;
  Line *line;

  g_return_if_fail (KEFU_IS_SHIPMENT_DIALOG (self));

  line = g_new0 (Line, 1);
  names = product_names (self);
  line->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  line->product = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line->product), _("Product"));
  adw_combo_row_set_model (line->product, G_LIST_MODEL (names));
  adw_combo_row_set_enable_search (line->product, TRUE);
  line->serial = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* Translators: 产品编号, the serial number of a shipped product. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line->serial), _("Serial Number"));
  line->produced = ADW_ENTRY_ROW (kefu_date_row_new (FALSE));
  /* Translators: 生产日期. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line->produced),
                                 C_("shipment line", "Production Date"));
  line->quantity = ADW_SPIN_ROW (adw_spin_row_new_with_range (1, 9999, 1));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line->quantity), _("Quantity"));
  line->split = gtk_button_new ();
  gtk_widget_set_valign (line->split, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (line->split, FALSE);
  gtk_widget_set_tooltip_text (line->split,
                               _("Give each unit its own line, with the next product numbers"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (line->quantity), line->split);
  line->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (line->remove, "flat");
  gtk_widget_set_tooltip_text (line->remove, _("Remove This Line"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (line->remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove This Line"), -1);
  adw_preferences_group_set_header_suffix (line->group, line->remove);

  adw_preferences_group_add (line->group, GTK_WIDGET (line->product));
  adw_preferences_group_add (line->group, GTK_WIDGET (line->serial));
  adw_preferences_group_add (line->group, GTK_WIDGET (line->produced));
  adw_preferences_group_add (line->group, GTK_WIDGET (line->quantity));
  gtk_box_append (self->lines_box, GTK_WIDGET (line->group));

  g_signal_connect_object (line->remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  g_signal_connect_object (line->product, "notify::selected", G_CALLBACK (field_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (line->produced, "changed", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (line->serial, "changed", G_CALLBACK (units_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (line->quantity, "notify::value", G_CALLBACK (units_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (line->split, "clicked", G_CALLBACK (split_clicked_cb), self, 0);
  g_ptr_array_add (self->lines, line);
  renumber_lines (self);
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KefuShipmentDialog *self = KEFU_SHIPMENT_DIALOG (widget);
  Line *line;

  kefu_shipment_dialog_add_line (self);
  line = g_ptr_array_index (self->lines, self->lines->len - 1);
  gtk_widget_grab_focus (GTK_WIDGET (line->product));
}

/* The customer */

static void
show_customer (KefuShipmentDialog *self,
               KefuCustomer       *customer)
{
  const char *address = kefu_customer_get_address (customer);
  g_autofree char *typed = dup_trimmed (self->address_row);
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
  field_changed_cb (self);
}

static void
customer_picked_cb (KefuShipmentDialog *self,
                    KefuCustomer       *customer)
{
  show_customer (self, customer);
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
  field_changed_cb (self);
}

/* The request edited, as it was read: the customer stays, the rest can change. */
static void
show_request (KefuShipmentDialog *self)
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
  renumber_lines (self);
}

/* Loading */

typedef struct
{
  gint64 customer_id;
} LoadData;

static gpointer
load_func (KefuStore     *store,
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

static void
load_cb (GObject      *object,
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
  update_busy (self);
  if (loaded == NULL)
    {
      set_refusal (self, error->message);
      return;
    }

  products = g_object_get_data (loaded, "products");
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    g_ptr_array_add (self->products, g_list_model_get_item (products, i));
  names = product_names (self);
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
      show_customer (self, customer);
      /* The customer was given: no other can be chosen here. */
      gtk_widget_set_visible (GTK_WIDGET (self->change_button), FALSE);
    }
  if (self->editing != NULL)
    show_request (self);
}

/* The merge of a stale save */

static gpointer
timeline_func (KefuStore     *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return kefu_store_list_shipment_timeline (store, *(gint64 *) data, cancellable, error);
}

static void
base_events_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KefuShipmentDialog) self = user_data;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;

  events = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Without them the merge still works; it cannot say who changed a field. */
  self->base_event_id = events != NULL ? kefu_merge_newest_event_id (events) : G_MAXINT64;
  self->loading = FALSE;
  update_busy (self);
}

static gpointer
theirs_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(KefuShipment) theirs = kefu_store_get_shipment (store, id, cancellable, error);
  GListModel *events;

  if (theirs == NULL)
    return NULL;
  events = kefu_store_list_shipment_timeline (store, id, cancellable, error);
  if (events == NULL)
    return NULL;
  g_object_set_data_full (G_OBJECT (theirs), "kefu-events", events, g_object_unref);
  return g_steal_pointer (&theirs);
}

static char *
format_value (const KefuMergeField *field,
              const GValue         *value,
              gpointer              user_data)
{
  KefuShipmentDialog *self = user_data;

  if (g_str_equal (field->key, "lines"))
    return kefu_shipment_merge_lines_text (value, self->products);
  if (g_str_equal (field->key, "account_manager"))
    {
      gint64 id = g_value_get_int64 (value);
      GListModel *names = adw_combo_row_get_model (self->manager_row);

      if (id == 0)
        return NULL;
      for (guint i = 0; i < self->manager_ids->len; i++)
        if (g_array_index (self->manager_ids, gint64, i) == id && names != NULL)
          return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (names), i + 1));
      return g_strdup_printf ("%" G_GINT64_FORMAT, id);
    }
  return kefu_merge_value_to_text (value);
}

/* The merged request goes into the form; `save` writes it with the version read now. */
static void
show_merged (KefuShipmentDialog *self,
             KefuMerge          *merge,
             gboolean            save)
{
  g_autoptr(KefuShipment) merged = kefu_shipment_merge_copy (self->editing);

  kefu_merge_apply (merge, G_OBJECT (merged), NULL);
  g_set_object (&self->editing, merged);
  show_request (self);
  if (save)
    kefu_shipment_dialog_save (self);
}

static void
conflict_resolved_cb (KefuConflictDialog *dialog,
                      KefuShipmentDialog *self)
{
  set_refusal (self, NULL);
  show_merged (self, kefu_conflict_dialog_get_merge (dialog), TRUE);
}

static void
conflict_closed_cb (KefuConflictDialog *dialog,
                    KefuShipmentDialog *self)
{
  KefuMerge *merge = kefu_conflict_dialog_get_merge (dialog);

  if (self->conflict_dialog == (AdwDialog *) dialog)
    g_clear_weak_pointer (&self->conflict_dialog);
  if (kefu_merge_get_n_undecided (merge) == 0)
    return;
  /* Back to the form undecided: what was typed stays, with the other side's other changes. */
  for (guint i = 0; i < kefu_merge_get_n_fields (merge); i++)
    if (kefu_merge_get_choice (merge, i) == KEFU_MERGE_CHOICE_NONE)
      kefu_merge_set_choice (merge, i, KEFU_MERGE_CHOICE_MINE);
  show_merged (self, merge, FALSE);
  set_refusal (self, _("Someone else changed this request while you were editing. Your changes "
                       "are still in the form, not saved: save to keep them."));
}

static void
theirs_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KefuShipmentDialog) self = user_data;
  g_autoptr(KefuShipment) theirs = NULL;
  g_autoptr(KefuShipment) mine = g_steal_pointer (&self->pending_mine);
  g_autoptr(KefuMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  const KefuMergeField *fields;
  GListModel *events;
  guint n_fields;

  theirs = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->saving = FALSE;
  update_busy (self);
  if (theirs == NULL || mine == NULL)
    {
      set_refusal (self, error != NULL ? error->message : NULL);
      return;
    }

  fields = kefu_shipment_merge_fields (&n_fields);
  merge = kefu_merge_new (fields, n_fields, G_OBJECT (self->editing), G_OBJECT (mine),
                          G_OBJECT (theirs));
  events = g_object_get_data (G_OBJECT (theirs), "kefu-events");
  kefu_merge_set_events (merge, events, self->base_event_id, "details-changed");
  self->base_event_id = kefu_merge_newest_event_id (events);
  /* Theirs is the new base: the next save goes with its version. */
  g_set_object (&self->editing, theirs);

  if (kefu_merge_get_n_undecided (merge) == 0 && self->n_resaves < 3)
    {
      self->n_resaves++;
      show_merged (self, merge, TRUE);
      return;
    }
  if (kefu_merge_get_n_undecided (merge) == 0)
    {
      show_merged (self, merge, FALSE);
      set_refusal (self, _("Others keep changing this request. Your changes are merged with "
                           "theirs in the form, not saved: save again to keep them."));
      return;
    }
  self->conflict_dialog = ADW_DIALOG (kefu_conflict_dialog_new (merge, format_value, self));
  g_object_add_weak_pointer (G_OBJECT (self->conflict_dialog), (gpointer *) &self->conflict_dialog);
  g_signal_connect_object (self->conflict_dialog, "resolved", G_CALLBACK (conflict_resolved_cb),
                           self, 0);
  g_signal_connect_object (self->conflict_dialog, "closed", G_CALLBACK (conflict_closed_cb),
                           self, 0);
  adw_dialog_present (self->conflict_dialog, GTK_WIDGET (self));
}

static void
merge_start (KefuShipmentDialog *self)
{
  self->saving = TRUE;
  update_busy (self);
  kefu_store_run_async (self->store, theirs_func, g_memdup2 (&self->editing->id, sizeof (gint64)),
                        g_free, self->cancellable, theirs_cb, g_object_ref (self));
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
      merge_start (self);
      return;
    }
  g_clear_object (&self->pending_mine);
  update_busy (self);
  if (shipment == NULL)
    {
      /* Everything typed stays: the reason says what to change. */
      set_refusal (self, error->message);
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
  set_refusal (self, NULL);
  self->saving = TRUE;
  update_busy (self);
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
                                   add_line_action);
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
  g_signal_connect_object (self->address_row, "changed", G_CALLBACK (field_changed_cb), self,
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
  update_busy (self);
  kefu_store_run_async (store, load_func, load, g_free, self->cancellable, load_cb,
                        g_object_ref (self));
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
  kefu_store_run_async (store, timeline_func, g_memdup2 (&shipment->id, sizeof (gint64)), g_free,
                        self->cancellable, base_events_cb, g_object_ref (self));
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
kefu_shipment_dialog_set_product (KefuShipmentDialog *self,
                                  guint               n,
                                  gint64              product_id)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_DIALOG (self), FALSE);
  g_return_val_if_fail (n >= 1 && n <= self->lines->len, FALSE);

  for (guint i = 0; i < self->products->len; i++)
    if (kefu_record_get_id (KEFU_RECORD (self->products->pdata[i])) == product_id)
      {
        adw_combo_row_set_selected (((Line *) self->lines->pdata[n - 1])->product, i + 1);
        return TRUE;
      }
  return FALSE;
}

void
kefu_shipment_dialog_set_quantity (KefuShipmentDialog *self,
                                   guint               n,
                                   guint               quantity)
{
  g_return_if_fail (KEFU_IS_SHIPMENT_DIALOG (self));
  g_return_if_fail (n >= 1 && n <= self->lines->len);

  adw_spin_row_set_value (((Line *) self->lines->pdata[n - 1])->quantity, quantity);
}

gboolean
kefu_shipment_dialog_split_line (KefuShipmentDialog *self,
                                 guint               n)
{
  Line *line;

  g_return_val_if_fail (KEFU_IS_SHIPMENT_DIALOG (self), FALSE);
  g_return_val_if_fail (n >= 1 && n <= self->lines->len, FALSE);

  line = self->lines->pdata[n - 1];
  if (!gtk_widget_get_visible (line->split))
    return FALSE;
  g_signal_emit_by_name (line->split, "clicked");
  return TRUE;
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

guint
kefu_shipment_dialog_get_n_lines (KefuShipmentDialog *self)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_DIALOG (self), 0);

  return self->lines->len;
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
