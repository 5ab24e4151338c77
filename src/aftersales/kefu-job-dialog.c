/* kefu-job-dialog.c: a new service job (fault report or request).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-job-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "intake/kefu-caller-lookup.h"
#include "intake/kefu-text-row.h"
#include "store/kefu-store-shipments.h"

#include "kefu-job-dialog.h"
#include "kefu-job-text.h"

/* A serial shipped to the customer, as the serial row offers it. */
typedef struct
{
  gint64  shipment_id;
  gint64  line_id;
  gint64  product_id;
  char   *serial;
} Shipped;

static void
shipped_free (gpointer data)
{
  Shipped *shipped = data;

  g_free (shipped->serial);
  g_free (shipped);
}

struct _KefuJobDialog
{
  AdwDialog            parent_instance;

  KefuStore           *store;
  KefuStaff           *staff;
  GtkWidget           *parent_widget;   /* weak */
  gint64               customer_id;
  GListModel          *products;        /* KefuProduct, as product_row lists them after "unknown" */
  GPtrArray           *managers;        /* KefuStaff, as manager_row lists them after "none" */
  GPtrArray           *shipped;         /* Shipped, as serial_row lists them after "typed" */
  GCancellable        *cancellable;
  GCancellable        *warranty_cancellable;
  guint                n_reading;
  gboolean             saving;
  gboolean             checked;
  char                *message;
  char                *warranty_text;

  KefuTextRow         *answer_row;
  GtkButton           *change_button;
  AdwActionRow        *customer_row;
  KefuCallerLookup    *lookup;
  AdwComboRow         *kind_row;
  AdwComboRow         *manager_row;
  GtkLabel            *message_label;
  AdwComboRow         *product_row;
  GtkButton           *save_button;
  AdwEntryRow         *serial_entry;
  AdwComboRow         *serial_row;
  AdwComboRow         *source_row;
  KefuTextRow         *symptoms_row;
  AdwActionRow        *warranty_row;
};

G_DEFINE_FINAL_TYPE (KefuJobDialog, kefu_job_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_PARENT_WIDGET,
  PROP_BUSY,
  N_PROPS
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The kinds a new job starts as: a repair is diagnosed into on-site or factory later. */
static const KefuJobKind new_kinds[] = {
  KEFU_JOB_KIND_REPAIR, KEFU_JOB_KIND_INSTALLATION, KEFU_JOB_KIND_REPLACEMENT,
  KEFU_JOB_KIND_RETURN,
};

static void reading_started (KefuJobDialog *self);
static void reading_done    (KefuJobDialog *self);

static KefuJobKind
chosen_kind (KefuJobDialog *self)
{
  guint position = adw_combo_row_get_selected (self->kind_row);

  return position < G_N_ELEMENTS (new_kinds) ? new_kinds[position] : KEFU_JOB_KIND_REPAIR;
}

static void
show_message (KefuJobDialog *self,
              const char    *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_saving (KefuJobDialog *self,
            gboolean       saving)
{
  gboolean was = kefu_job_dialog_get_busy (self);

  self->saving = saving;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !saving);
  if (was != kefu_job_dialog_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
reading_started (KefuJobDialog *self)
{
  if (self->n_reading++ == 0 && !self->saving)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
reading_done (KefuJobDialog *self)
{
  g_assert (self->n_reading > 0);
  if (--self->n_reading == 0 && !self->saving)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The product chosen: a shipped serial, or a product picked and a serial typed. */
static void
chosen_product (KefuJobDialog  *self,
                const Shipped **shipped,
                gint64         *product_id,
                char          **serial)
{
  guint position = adw_combo_row_get_selected (self->serial_row);

  *shipped = NULL;
  *product_id = 0;
  *serial = NULL;
  if (self->shipped != NULL && position > 0 && position <= self->shipped->len)
    {
      *shipped = g_ptr_array_index (self->shipped, position - 1);
      *product_id = (*shipped)->product_id;
      *serial = g_strdup ((*shipped)->serial);
      return;
    }

  position = adw_combo_row_get_selected (self->product_row);
  if (self->products != NULL && position > 0 && position <= g_list_model_get_n_items (self->products))
    {
      g_autoptr(KefuRecord) product = g_list_model_get_item (self->products, position - 1);

      *product_id = kefu_record_get_id (product);
    }
  *serial = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->serial_entry))));
  if (**serial == '\0')
    g_clear_pointer (serial, g_free);
}

/* Checks the fields; the first problem, or NULL. */
static char *
check_fields (KefuJobDialog *self)
{
  g_autofree char *symptoms = g_strstrip (kefu_text_row_get_text (self->symptoms_row));
  char *problem = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->symptoms_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->manager_row), "error");

  /* No customer: the message says so (the whole lookup in red, its results too, would shout). */
  if (self->customer_id <= 0)
    {
      problem = g_strdup (_("Choose the customer: search by name or phone number."));
    }
  if (adw_combo_row_get_selected (self->source_row) == 1
      && adw_combo_row_get_selected (self->manager_row) == 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->manager_row), "error");
      if (problem == NULL)
        problem = g_strdup (_("Choose the account manager who reported it."));
    }
  if (chosen_kind (self) == KEFU_JOB_KIND_REPAIR && *symptoms == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->symptoms_row), "error");
      if (problem == NULL)
        problem = g_strdup (_("Describe the symptoms: the technical department diagnoses from them."));
    }
  return problem;
}

static void
field_changed_cb (KefuJobDialog *self)
{
  KefuJobKind kind = chosen_kind (self);
  g_autofree char *problem = NULL;

  /* The title says what is being filed, as the button that opened the dialog did. */
  adw_dialog_set_title (ADW_DIALOG (self),
                        kind == KEFU_JOB_KIND_INSTALLATION ? _("Request Installation")
                        : kind == KEFU_JOB_KIND_REPLACEMENT ? _("Request Replacement")
                        : kind == KEFU_JOB_KIND_RETURN ? _("Request Return")
                        /* Translators: the title of the dialog reporting a fault for repair. */
                        : _("Report Fault"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->symptoms_row),
                                 kind == KEFU_JOB_KIND_INSTALLATION ? _("What to Install")
                                 : kind == KEFU_JOB_KIND_REPAIR ? _("Symptoms")
                                 : _("Why the Customer Asks for It"));
  gtk_widget_set_visible (GTK_WIDGET (self->manager_row),
                          adw_combo_row_get_selected (self->source_row) == 1);
  if (self->checked)
    {
      problem = check_fields (self);
      show_message (self, problem);
    }
}

/* The warranty, computed as the store will when it saves */

typedef struct
{
  char   *serial;
  gint64  line_id;
  gint64  product_id;
} WarrantyQuery;

static void
warranty_query_free (gpointer data)
{
  WarrantyQuery *query = data;

  g_free (query->serial);
  g_free (query);
}

/* The answer is a GObject (kefu_store_run_async () frees an unclaimed one as such) carrying the
 * state and, when known, the start day. */
static gpointer
warranty_func (KefuStore     *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  WarrantyQuery *query = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GObject) answer = g_object_new (G_TYPE_OBJECT, NULL);
  GDate today;
  GDate *start = g_date_new ();
  KefuWarrantyState state;
  g_autoptr(GError) local_error = NULL;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  state = kefu_store_serial_warranty (store, query->serial, query->line_id, query->product_id,
                                      &today, start, cancellable, &local_error);
  g_object_set_data_full (answer, "start", start, (GDestroyNotify) g_date_free);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_object_set_data (answer, "state", GINT_TO_POINTER (state));
  return g_steal_pointer (&answer);
}

static void
show_warranty (KefuJobDialog *self,
               const char    *text)
{
  g_free (self->warranty_text);
  self->warranty_text = g_strdup (text);
  adw_action_row_set_subtitle (self->warranty_row, text);
}

static void
warranty_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KefuJobDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) answer = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  KefuWarrantyState state;
  const GDate *start;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->warranty_cancellable);
  reading_done (self);
  if (answer == NULL)
    {
      show_warranty (self, error->message);
      return;
    }
  state = GPOINTER_TO_INT (g_object_get_data (answer, "state"));
  start = g_object_get_data (answer, "start");
  if (g_date_valid (start))
    {
      g_autofree char *day = kefu_job_text_day (start);
      /* Translators: a product's warranty state and the day it started. */
      g_autofree char *text = g_strdup_printf (_("%s · from %s"),
                                               kefu_warranty_state_get_display_name (state), day);

      show_warranty (self, text);
    }
  else
    show_warranty (self, kefu_warranty_state_get_display_name (state));
}

static void
serial_changed_cb (KefuJobDialog *self)
{
  const Shipped *shipped;
  gint64 product_id;
  g_autofree char *serial = NULL;
  WarrantyQuery *query;
  gboolean typed;

  if (self->products == NULL)
    return;

  typed = adw_combo_row_get_selected (self->serial_row) == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->product_row), typed);
  gtk_widget_set_visible (GTK_WIDGET (self->serial_entry), typed);

  g_cancellable_cancel (self->warranty_cancellable);
  if (self->warranty_cancellable != NULL)
    {
      g_clear_object (&self->warranty_cancellable);
      reading_done (self);
    }

  chosen_product (self, &shipped, &product_id, &serial);
  if (serial == NULL && product_id == 0)
    {
      show_warranty (self, _("Choose or type the product to see its warranty"));
      return;
    }

  query = g_new0 (WarrantyQuery, 1);
  query->serial = g_steal_pointer (&serial);
  query->line_id = shipped != NULL ? shipped->line_id : 0;
  query->product_id = product_id;
  self->warranty_cancellable = g_cancellable_new ();
  reading_started (self);
  kefu_store_run_async (self->store, warranty_func, query, warranty_query_free,
                        self->warranty_cancellable, warranty_cb, g_object_ref (self));
}

/* The customer, and the serials shipped to them */

static gpointer
customer_func (KefuStore     *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(GObject) result = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(KefuCustomer) customer = kefu_store_get_customer (store, id, cancellable, error);
  g_autoptr(GPtrArray) shipments = NULL;
  g_autoptr(GPtrArray) shipped = g_ptr_array_new_with_free_func (shipped_free);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (customer == NULL)
    return NULL;
  shipments = kefu_store_list_customer_shipments (store, id, cancellable, error);
  if (shipments == NULL)
    return NULL;

  /* Translators: the first choice of the serials shipped to a customer. */
  gtk_string_list_append (names, _("Another product (type it below)"));
  for (guint i = 0; i < shipments->len; i++)
    {
      KefuShipment *row = g_ptr_array_index (shipments, i);
      g_autoptr(KefuShipment) shipment = kefu_store_get_shipment (store, row->id, cancellable,
                                                                  error);

      if (shipment == NULL)
        return NULL;
      for (guint j = 0; shipment->lines != NULL && j < shipment->lines->len; j++)
        {
          KefuShipmentLine *line = g_ptr_array_index (shipment->lines, j);
          Shipped *item;
          g_autofree char *name = NULL;

          if (line->serial == NULL || *line->serial == '\0')
            continue;
          item = g_new0 (Shipped, 1);
          item->shipment_id = shipment->id;
          item->line_id = line->id;
          item->product_id = line->product_id;
          item->serial = g_strdup (line->serial);
          g_ptr_array_add (shipped, item);
          /* Translators: a serial shipped to the customer: product, serial and shipment. */
          name = g_strdup_printf (_("%s · %s · %s"), line->product_name, line->serial,
                                  shipment->reference);
          gtk_string_list_append (names, name);
        }
    }

  g_object_set_data_full (result, "customer", g_steal_pointer (&customer), g_object_unref);
  g_object_set_data_full (result, "shipped", g_steal_pointer (&shipped),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (result, "names", g_steal_pointer (&names), g_object_unref);
  return g_steal_pointer (&result);
}

static void
customer_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KefuJobDialog) self = user_data;
  g_autoptr(GObject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  KefuCustomer *customer;
  g_autofree char *subtitle = NULL;

  loaded = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  reading_done (self);
  if (loaded == NULL)
    {
      show_message (self, error->message);
      return;
    }

  customer = g_object_get_data (loaded, "customer");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->customer_row),
                                 kefu_customer_get_name (customer));
  /* Translators: a customer's phone number and address, under their name. */
  subtitle = g_strdup_printf (_("%s · %s"),
                              kefu_customer_get_primary_phone (customer) != NULL
                              ? kefu_customer_get_primary_phone (customer) : "",
                              kefu_customer_get_address (customer) != NULL
                              ? kefu_customer_get_address (customer) : "");
  adw_action_row_set_subtitle (self->customer_row, subtitle);

  g_clear_pointer (&self->shipped, g_ptr_array_unref);
  self->shipped = g_ptr_array_ref (g_object_get_data (loaded, "shipped"));
  adw_combo_row_set_model (self->serial_row, g_object_get_data (loaded, "names"));
  /* The product the customer most likely calls about: the one shipped last. */
  adw_combo_row_set_selected (self->serial_row, self->shipped->len > 0 ? 1 : 0);
  serial_changed_cb (self);
  field_changed_cb (self);
}

static void
read_customer (KefuJobDialog *self)
{
  gint64 *id = g_new (gint64, 1);

  *id = self->customer_id;
  reading_started (self);
  kefu_store_run_async (self->store, customer_func, id, g_free, self->cancellable, customer_cb,
                        g_object_ref (self));
}

/* The customer found with the caller lookup, as the intake pane finds callers. */
static void
customer_picked_cb (KefuJobDialog *self,
                    KefuCustomer  *customer)
{
  kefu_job_dialog_set_customer (self, kefu_record_get_id (KEFU_RECORD (customer)));
}

/* Another customer: the lookup again, and no serial of the one chosen before. */
static void
change_clicked_cb (KefuJobDialog *self)
{
  g_autoptr(GtkStringList) typed = gtk_string_list_new (NULL);

  self->customer_id = 0;
  g_clear_pointer (&self->shipped, g_ptr_array_unref);
  gtk_string_list_append (typed, _("Another product (type it below)"));
  adw_combo_row_set_model (self->serial_row, G_LIST_MODEL (typed));
  /* The lookup alone says what to do until a customer is picked. */
  gtk_widget_set_visible (GTK_WIDGET (self->customer_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->change_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->lookup), TRUE);
  kefu_caller_lookup_clear (self->lookup);
  kefu_caller_lookup_focus (self->lookup);
  serial_changed_cb (self);
  field_changed_cb (self);
}

/* The products and account managers */

static gpointer
lists_func (KefuStore     *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GObject) result = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GListModel) products = kefu_store_list_products (store, TRUE, cancellable, error);
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GPtrArray) managers = g_ptr_array_new_with_free_func (g_object_unref);

  if (products == NULL)
    return NULL;
  staff = kefu_store_list_staff (store, TRUE, cancellable, error);
  if (staff == NULL)
    return NULL;
  /* Account managers (业务经理) are the sales reps. */
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (staff, i);

      if (kefu_staff_get_role (member) == KEFU_ROLE_SALES_REP)
        g_ptr_array_add (managers, g_steal_pointer (&member));
    }
  g_object_set_data_full (result, "products", g_steal_pointer (&products), g_object_unref);
  g_object_set_data_full (result, "managers", g_steal_pointer (&managers),
                          (GDestroyNotify) g_ptr_array_unref);
  return g_steal_pointer (&result);
}

static void
lists_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KefuJobDialog) self = user_data;
  g_autoptr(GObject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) products = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) managers = gtk_string_list_new (NULL);

  loaded = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  reading_done (self);
  if (loaded == NULL)
    {
      show_message (self, error->message);
      return;
    }

  g_set_object (&self->products, g_object_get_data (loaded, "products"));
  self->managers = g_ptr_array_ref (g_object_get_data (loaded, "managers"));
  gtk_string_list_append (products, _("Unknown product"));
  for (guint i = 0; i < g_list_model_get_n_items (self->products); i++)
    {
      g_autoptr(KefuProduct) product = g_list_model_get_item (self->products, i);

      gtk_string_list_append (products, kefu_product_get_name (product));
    }
  adw_combo_row_set_model (self->product_row, G_LIST_MODEL (products));
  gtk_string_list_append (managers, _("None"));
  for (guint i = 0; i < self->managers->len; i++)
    gtk_string_list_append (managers, kefu_staff_get_name (g_ptr_array_index (self->managers, i)));
  adw_combo_row_set_model (self->manager_row, G_LIST_MODEL (managers));
  serial_changed_cb (self);
}

/* Saving */

static gpointer
save_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  /* The job was made for this write and is not touched by the UI after it. */
  return kefu_store_create_job (store, data, cancellable, error);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KefuJobDialog) self = user_data;
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(GError) error = NULL;

  job = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_saving (self, FALSE);
  if (job == NULL)
    {
      /* What was typed stays. */
      show_message (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, job->id);
  if (self->parent_widget != NULL)
    gtk_widget_activate_action (self->parent_widget, "aftersales.open-job", "x", job->id);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
save_clicked_cb (KefuJobDialog *self)
{
  kefu_job_dialog_save (self);
}

static void
cancel_clicked_cb (KefuJobDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

/* Overrides */

static void
kefu_job_dialog_dispose (GObject *object)
{
  KefuJobDialog *self = KEFU_JOB_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->warranty_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_JOB_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->warranty_cancellable);
  g_clear_weak_pointer (&self->parent_widget);
  g_clear_object (&self->products);
  g_clear_pointer (&self->managers, g_ptr_array_unref);
  g_clear_pointer (&self->shipped, g_ptr_array_unref);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_job_dialog_parent_class)->dispose (object);
}

static void
kefu_job_dialog_finalize (GObject *object)
{
  KefuJobDialog *self = KEFU_JOB_DIALOG (object);

  g_free (self->message);
  g_free (self->warranty_text);

  G_OBJECT_CLASS (kefu_job_dialog_parent_class)->finalize (object);
}

static void
kefu_job_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KefuJobDialog *self = KEFU_JOB_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PARENT_WIDGET:
      g_value_set_object (value, self->parent_widget);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, kefu_job_dialog_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_job_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KefuJobDialog *self = KEFU_JOB_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PARENT_WIDGET:
      kefu_job_dialog_set_parent_widget (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_job_dialog_class_init (KefuJobDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_job_dialog_dispose;
  object_class->finalize = kefu_job_dialog_finalize;
  object_class->get_property = kefu_job_dialog_get_property;
  object_class->set_property = kefu_job_dialog_set_property;

  properties[PROP_PARENT_WIDGET] =
    g_param_spec_object ("parent-widget", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (KEFU_TYPE_CALLER_LOOKUP);
  g_type_ensure (KEFU_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-job-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuJobDialog, answer_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobDialog, change_button);
  gtk_widget_class_bind_template_child (widget_class, KefuJobDialog, customer_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobDialog, lookup);
  gtk_widget_class_bind_template_child (widget_class, KefuJobDialog, manager_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, KefuJobDialog, product_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, KefuJobDialog, serial_entry);
  gtk_widget_class_bind_template_child (widget_class, KefuJobDialog, serial_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobDialog, symptoms_row);
  gtk_widget_class_bind_template_child (widget_class, KefuJobDialog, warranty_row);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, serial_changed_cb);
}

static void
kefu_job_dialog_init (KefuJobDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) typed = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < G_N_ELEMENTS (new_kinds); i++)
    gtk_string_list_append (kinds, kefu_job_kind_get_display_name (new_kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  gtk_string_list_append (sources, kefu_job_source_get_display_name (KEFU_JOB_SOURCE_CUSTOMER_CALL));
  gtk_string_list_append (sources, kefu_job_source_get_display_name (KEFU_JOB_SOURCE_ACCOUNT_MANAGER));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (sources));
  gtk_string_list_append (typed, _("Another product (type it below)"));
  adw_combo_row_set_model (self->serial_row, G_LIST_MODEL (typed));
}

/* Public API */

AdwDialog *
kefu_job_dialog_new (KefuStore   *store,
                     KefuStaff   *staff,
                     KefuJobKind  kind,
                     gint64       customer_id)
{
  KefuJobDialog *self;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (staff == NULL || KEFU_IS_STAFF (staff), NULL);

  self = g_object_new (KEFU_TYPE_JOB_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->staff = staff != NULL ? g_object_ref (staff) : NULL;
  kefu_caller_lookup_set_store (self->lookup, store);
  gtk_widget_set_visible (GTK_WIDGET (self->lookup), customer_id <= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_row), customer_id > 0);
  for (guint i = 0; i < G_N_ELEMENTS (new_kinds); i++)
    if (new_kinds[i] == kind)
      adw_combo_row_set_selected (self->kind_row, i);
  field_changed_cb (self);

  reading_started (self);
  kefu_store_run_async (self->store, lists_func, NULL, NULL, self->cancellable, lists_cb,
                        g_object_ref (self));
  if (customer_id > 0)
    kefu_job_dialog_set_customer (self, customer_id);
  return ADW_DIALOG (self);
}

gboolean
kefu_job_dialog_get_busy (KefuJobDialog *self)
{
  g_return_val_if_fail (KEFU_IS_JOB_DIALOG (self), FALSE);

  return self->n_reading > 0 || self->saving;
}

void
kefu_job_dialog_set_parent_widget (KefuJobDialog *self,
                                   GtkWidget     *widget)
{
  g_return_if_fail (KEFU_IS_JOB_DIALOG (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  if (g_set_weak_pointer (&self->parent_widget, widget))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_WIDGET]);
}

void
kefu_job_dialog_set_customer (KefuJobDialog *self,
                              gint64         customer_id)
{
  g_return_if_fail (KEFU_IS_JOB_DIALOG (self));
  g_return_if_fail (customer_id > 0);

  self->customer_id = customer_id;
  gtk_widget_set_visible (GTK_WIDGET (self->lookup), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->change_button), TRUE);
  read_customer (self);
}

gboolean
kefu_job_dialog_choose_serial (KefuJobDialog *self,
                               const char    *serial)
{
  g_return_val_if_fail (KEFU_IS_JOB_DIALOG (self), FALSE);

  for (guint i = 0; self->shipped != NULL && i < self->shipped->len; i++)
    if (g_strcmp0 (((Shipped *) g_ptr_array_index (self->shipped, i))->serial, serial) == 0)
      {
        adw_combo_row_set_selected (self->serial_row, i + 1);
        return TRUE;
      }
  return FALSE;
}

/* A serial to choose once the customer's shipped serials are listed. */
typedef struct
{
  KefuJobDialog *self;
  char          *serial;
} WantedSerial;

static void
wanted_serial_free (gpointer data)
{
  WantedSerial *wanted = data;

  g_object_unref (wanted->self);
  g_free (wanted->serial);
  g_free (wanted);
}

/* Chooses the serial among those shipped to the customer, or types it when it is not one. */
static void
choose_or_type_serial (KefuJobDialog *self,
                       const char    *serial)
{
  if (kefu_job_dialog_choose_serial (self, serial))
    return;
  adw_combo_row_set_selected (self->serial_row, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->serial_entry), serial);
}

static gboolean
choose_wanted_serial_cb (gpointer data)
{
  WantedSerial *wanted = data;

  choose_or_type_serial (wanted->self, wanted->serial);
  return G_SOURCE_REMOVE;
}

/* The serials are listed: chosen once the reading has chosen its default (the last shipped),
 * which it does right after listing them. */
static void
serials_listed_cb (AdwComboRow   *row,
                   GParamSpec    *pspec,
                   KefuJobDialog *self)
{
  WantedSerial *wanted = g_new0 (WantedSerial, 1);

  wanted->self = g_object_ref (self);
  wanted->serial = g_strdup (g_object_get_data (G_OBJECT (self), "kefu-wanted-serial"));
  g_signal_handlers_disconnect_by_func (row, serials_listed_cb, self);
  g_idle_add_full (G_PRIORITY_DEFAULT, choose_wanted_serial_cb, wanted, wanted_serial_free);
}

/**
 * kefu_job_dialog_set_serial:
 *
 * Fills in the product by its serial: chosen among the customer's shipped serials once they are
 * read (the customer set first), typed when it is not one of them.
 */
void
kefu_job_dialog_set_serial (KefuJobDialog *self,
                            const char    *serial)
{
  g_return_if_fail (KEFU_IS_JOB_DIALOG (self));
  g_return_if_fail (serial != NULL);

  if (self->customer_id > 0 && self->shipped == NULL)
    {
      g_object_set_data_full (G_OBJECT (self), "kefu-wanted-serial", g_strdup (serial), g_free);
      g_signal_handlers_disconnect_by_func (self->serial_row, serials_listed_cb, self);
      g_signal_connect_object (self->serial_row, "notify::model",
                               G_CALLBACK (serials_listed_cb), self, 0);
      return;
    }
  choose_or_type_serial (self, serial);
}

void
kefu_job_dialog_set_symptoms (KefuJobDialog *self,
                              const char    *text)
{
  g_return_if_fail (KEFU_IS_JOB_DIALOG (self));

  kefu_text_row_set_text (self->symptoms_row, text);
  field_changed_cb (self);
}

void
kefu_job_dialog_set_phone_answer (KefuJobDialog *self,
                                  const char    *text)
{
  g_return_if_fail (KEFU_IS_JOB_DIALOG (self));

  kefu_text_row_set_text (self->answer_row, text);
}

const char *
kefu_job_dialog_get_warranty_text (KefuJobDialog *self)
{
  g_return_val_if_fail (KEFU_IS_JOB_DIALOG (self), NULL);

  return self->warranty_text;
}

gboolean
kefu_job_dialog_save (KefuJobDialog *self)
{
  g_autofree char *problem = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *symptoms = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(KefuServiceJob) job = NULL;
  const Shipped *shipped;
  gint64 product_id;
  guint manager;

  g_return_val_if_fail (KEFU_IS_JOB_DIALOG (self), FALSE);

  if (self->saving)
    return FALSE;
  self->checked = TRUE;
  problem = check_fields (self);
  show_message (self, problem);
  if (problem != NULL)
    return FALSE;

  job = kefu_service_job_new ();
  job->kind = chosen_kind (self);
  job->customer_id = self->customer_id;
  job->source = adw_combo_row_get_selected (self->source_row) == 1
                ? KEFU_JOB_SOURCE_ACCOUNT_MANAGER : KEFU_JOB_SOURCE_CUSTOMER_CALL;
  manager = adw_combo_row_get_selected (self->manager_row);
  if (job->source == KEFU_JOB_SOURCE_ACCOUNT_MANAGER && self->managers != NULL
      && manager > 0 && manager <= self->managers->len)
    job->account_manager_id = kefu_record_get_id (KEFU_RECORD (g_ptr_array_index (self->managers,
                                                                                  manager - 1)));
  chosen_product (self, &shipped, &product_id, &serial);
  job->product_id = product_id;
  job->serial = g_steal_pointer (&serial);
  if (shipped != NULL)
    {
      job->shipment_id = shipped->shipment_id;
      job->shipment_line_id = shipped->line_id;
    }
  symptoms = g_strstrip (kefu_text_row_get_text (self->symptoms_row));
  answer = g_strstrip (kefu_text_row_get_text (self->answer_row));
  job->symptoms = *symptoms != '\0' ? g_steal_pointer (&symptoms) : NULL;
  job->phone_answer = *answer != '\0' ? g_steal_pointer (&answer) : NULL;

  set_saving (self, TRUE);
  kefu_store_run_async (self->store, save_func, g_steal_pointer (&job), g_object_unref,
                        self->cancellable, save_cb, g_object_ref (self));
  return TRUE;
}

const char *
kefu_job_dialog_get_message (KefuJobDialog *self)
{
  g_return_val_if_fail (KEFU_IS_JOB_DIALOG (self), NULL);

  return self->message;
}
