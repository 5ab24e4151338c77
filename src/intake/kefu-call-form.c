/* kefu-call-form.c: the call form of the hotline intake pane.
 *
 * The form never keeps its own copy of what is typed: every field writes into the form call as
 * the clerk types (bindings and change handlers), and follows the call when it changes from
 * outside (a picked caller, a restored draft). So the call is always what the clerk sees, the
 * pane can write it to a draft at any moment, and changing the kind loses nothing: the three
 * detail records stay on the call.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-call-form"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-enums.h"
#include "core/kefu-text.h"

#include "kefu-call-form-private.h"
#include "kefu-complaint-form.h"
#include "kefu-form-field.h"
#include "kefu-inquiry-form.h"
#include "kefu-order-form.h"
#include "kefu-text-row.h"
#include "widgets/kefu-list-loader.h"


G_DEFINE_FINAL_TYPE (KefuCallForm, kefu_call_form, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_CALL,
  PROP_BLANK,
  PROP_BUSY,
  PROP_KIND_NAME,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static KefuCallKind
current_kind (KefuCallForm *self)
{
  return self->call != NULL ? kefu_call_get_kind (self->call) : self->kind;
}

static void
set_busy (KefuCallForm *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_kefu_call_form_update_blank (KefuCallForm *self)
{
  gboolean blank = self->call == NULL || kefu_call_is_blank (self->call);

  if (self->blank == blank)
    return;

  self->blank = blank;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANK]);
}

void
_kefu_call_form_update_clerk (KefuCallForm *self)
{
  const char *name = NULL;

  if (self->staff != NULL)
    name = kefu_staff_get_name (self->staff);
  else if (self->call != NULL)
    name = kefu_call_get_clerk_name (self->call);

  adw_action_row_set_subtitle (self->clerk_row,
                               name != NULL && *name != '\0' ? name : _("No one is signed in"));
}

/* The call is taken by whoever works at this workstation now (a draft restored by the next
 * shift belongs to the clerk who finishes it). */
static void
apply_staff_to_call (KefuCallForm *self)
{
  if (self->call == NULL || self->staff == NULL
      || kefu_record_get_id (KEFU_RECORD (self->call)) != 0)
    return;

  self->loading = TRUE;
  kefu_call_set_clerk_id (self->call, kefu_record_get_id (KEFU_RECORD (self->staff)));
  kefu_call_set_clerk_name (self->call, kefu_staff_get_name (self->staff));
  self->loading = FALSE;
}

void
_kefu_call_form_update_kind (KefuCallForm *self)
{
  const char *name = kefu_enum_to_nick (KEFU_TYPE_CALL_KIND, current_kind (self));

  gtk_stack_set_visible_child_name (self->kind_stack, name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_NAME]);
  _kefu_call_form_schedule_validation (self);
}

void
_kefu_call_form_update_known (KefuCallForm *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->known_icon),
                          self->call != NULL && kefu_call_get_customer_id (self->call) != 0);
}

void
_kefu_call_form_emit_changed (KefuCallForm *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static gpointer
list_products_func (KefuStore     *store,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return kefu_store_list_products (store, TRUE, cancellable, error);
}

static void
list_products_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KefuCallForm) self = user_data;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GError) error = NULL;

  products = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  /* Cancelled: the store changed or the form went away. Never an error. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (products == NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is the reason, e.g. "The connection to the server was lost." */
      title = g_strdup_printf (_("The products could not be loaded: %s"), error->message);
      adw_banner_set_title (self->products_banner, title);
      gtk_widget_set_visible (GTK_WIDGET (self->products_banner), TRUE);
      adw_banner_set_revealed (self->products_banner, TRUE);
      return;
    }

  adw_banner_set_revealed (self->products_banner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->products_banner), FALSE);

  kefu_list_store_replace_all (self->products, products);
}

static void
load_products (KefuCallForm *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL)
    {
      g_list_store_remove_all (self->products);
      set_busy (self, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  kefu_store_run_async (self->store, list_products_func, NULL, NULL, self->cancellable,
                        list_products_cb, g_object_ref (self));
}

static void
products_retry_cb (KefuCallForm *self)
{
  adw_banner_set_revealed (self->products_banner, FALSE);
  load_products (self);
}

static void
kefu_call_form_dispose (GObject *object)
{
  KefuCallForm *self = KEFU_CALL_FORM (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->validate_source, g_source_remove);

  if (self->call_bindings != NULL)
    g_binding_group_set_source (self->call_bindings, NULL);
  if (self->call_signals != NULL)
    {
      g_signal_group_set_target (self->call_signals, NULL);
      g_signal_group_set_target (self->order_signals, NULL);
      g_signal_group_set_target (self->complaint_signals, NULL);
      g_signal_group_set_target (self->inquiry_signals, NULL);
    }
  _kefu_call_form_set_watched_order (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CALL_FORM);
  g_clear_object (&self->call_bindings);
  g_clear_object (&self->call_signals);
  g_clear_object (&self->order_signals);
  g_clear_object (&self->complaint_signals);
  g_clear_object (&self->inquiry_signals);
  g_clear_object (&self->call);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);
  g_clear_object (&self->products);

  G_OBJECT_CLASS (kefu_call_form_parent_class)->dispose (object);
}

static void
kefu_call_form_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KefuCallForm *self = KEFU_CALL_FORM (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    case PROP_CALL:
      g_value_set_object (value, self->call);
      break;
    case PROP_BLANK:
      g_value_set_boolean (value, self->blank);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_KIND_NAME:
      g_value_set_string (value, kefu_call_form_get_kind_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_call_form_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KefuCallForm *self = KEFU_CALL_FORM (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kefu_call_form_set_store (self, g_value_get_object (value));
      break;
    case PROP_STAFF:
      kefu_call_form_set_staff (self, g_value_get_object (value));
      break;
    case PROP_CALL:
      kefu_call_form_set_call (self, g_value_get_object (value));
      break;
    case PROP_KIND_NAME:
      kefu_call_form_set_kind_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_call_form_class_init (KefuCallFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_call_form_dispose;
  object_class->get_property = kefu_call_form_get_property;
  object_class->set_property = kefu_call_form_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CALL] =
    g_param_spec_object ("call", NULL, NULL, KEFU_TYPE_CALL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BLANK] =
    g_param_spec_boolean ("blank", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* A string rather than the enum, so that it can back the stateful action "call-form.kind". */
  properties[PROP_KIND_NAME] =
    g_param_spec_string ("kind-name", NULL, NULL, "order",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_property_action (widget_class, "call-form.kind", "kind-name");
  gtk_widget_class_install_action (widget_class, KEFU_FORM_FIELD_VALIDATE_ACTION, NULL,
                                   _kefu_call_form_validate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "call-form.kind", "s", "order");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "call-form.kind", "s", "complaint");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK,
                                       "call-form.kind", "s", "inquiry");

  g_type_ensure (ADW_TYPE_TOGGLE_GROUP);
  g_type_ensure (KEFU_TYPE_COMPLAINT_FORM);
  g_type_ensure (KEFU_TYPE_INQUIRY_FORM);
  g_type_ensure (KEFU_TYPE_ORDER_FORM);
  g_type_ensure (KEFU_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-call-form.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCallForm, address_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallForm, clerk_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallForm, complaint_form);
  gtk_widget_class_bind_template_child (widget_class, KefuCallForm, inquiry_form);
  gtk_widget_class_bind_template_child (widget_class, KefuCallForm, kind_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuCallForm, kind_toggles);
  gtk_widget_class_bind_template_child (widget_class, KefuCallForm, known_icon);
  gtk_widget_class_bind_template_child (widget_class, KefuCallForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallForm, notes_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallForm, order_form);
  gtk_widget_class_bind_template_child (widget_class, KefuCallForm, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallForm, products_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuCallForm, received_row);
  gtk_widget_class_bind_template_callback (widget_class, products_retry_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "received_changed_cb",
                                                G_CALLBACK (_kefu_call_form_received_changed_cb));
}

static void
kefu_call_form_init (KefuCallForm *self)
{
  self->blank = TRUE;
  self->kind = KEFU_CALL_KIND_ORDER;
  self->products = g_list_store_new (KEFU_TYPE_PRODUCT);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->products_banner), FALSE);

  kefu_order_form_set_products (self->order_form, G_LIST_MODEL (self->products));
  kefu_complaint_form_set_products (self->complaint_form, G_LIST_MODEL (self->products));

  g_object_bind_property (self, "kind-name", self->kind_toggles, "active-name",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  self->call_bindings = g_binding_group_new ();
  g_binding_group_bind (self->call_bindings, "caller-name", self->name_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->call_bindings, "phone", self->phone_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->call_bindings, "address", self->address_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->call_bindings, "notes", self->notes_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  self->call_signals = g_signal_group_new (KEFU_TYPE_CALL);
  g_signal_group_connect_swapped (self->call_signals, "notify",
                                  G_CALLBACK (_kefu_call_form_call_notify_cb), self);
  self->order_signals = g_signal_group_new (KEFU_TYPE_ORDER);
  g_signal_group_connect_swapped (self->order_signals, "notify",
                                  G_CALLBACK (_kefu_call_form_detail_notify_cb), self);
  self->complaint_signals = g_signal_group_new (KEFU_TYPE_COMPLAINT);
  g_signal_group_connect_swapped (self->complaint_signals, "notify",
                                  G_CALLBACK (_kefu_call_form_detail_notify_cb), self);
  self->inquiry_signals = g_signal_group_new (KEFU_TYPE_INQUIRY);
  g_signal_group_connect_swapped (self->inquiry_signals, "notify",
                                  G_CALLBACK (_kefu_call_form_detail_notify_cb), self);

  kefu_form_field_setup (GTK_WIDGET (self->name_row), "caller-name");
  kefu_form_field_setup (GTK_WIDGET (self->phone_row), "phone");
  kefu_form_field_setup (GTK_WIDGET (self->address_row), "address");
  kefu_form_field_setup (GTK_WIDGET (self->notes_row), "notes");
  kefu_form_field_setup (GTK_WIDGET (self->received_row), "received-at");

  _kefu_call_form_update_clerk (self);
  _kefu_call_form_update_kind (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

KefuCallForm *
kefu_call_form_new (void)
{
  return g_object_new (KEFU_TYPE_CALL_FORM, NULL);
}

KefuStore *
kefu_call_form_get_store (KefuCallForm *self)
{
  g_return_val_if_fail (KEFU_IS_CALL_FORM (self), NULL);

  return self->store;
}

void
kefu_call_form_set_store (KefuCallForm *self,
                          KefuStore    *store)
{
  g_return_if_fail (KEFU_IS_CALL_FORM (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  load_products (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

KefuStaff *
kefu_call_form_get_staff (KefuCallForm *self)
{
  g_return_val_if_fail (KEFU_IS_CALL_FORM (self), NULL);

  return self->staff;
}

void
kefu_call_form_set_staff (KefuCallForm *self,
                          KefuStaff    *staff)
{
  g_return_if_fail (KEFU_IS_CALL_FORM (self));
  g_return_if_fail (staff == NULL || KEFU_IS_STAFF (staff));

  if (!g_set_object (&self->staff, staff))
    return;

  apply_staff_to_call (self);
  _kefu_call_form_update_clerk (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
}

KefuCall *
kefu_call_form_get_call (KefuCallForm *self)
{
  g_return_val_if_fail (KEFU_IS_CALL_FORM (self), NULL);

  return self->call;
}

void
kefu_call_form_set_call (KefuCallForm *self,
                         KefuCall     *call)
{
  g_autoptr(GPtrArray) fields = NULL;

  g_return_if_fail (KEFU_IS_CALL_FORM (self));
  g_return_if_fail (call == NULL || KEFU_IS_CALL (call));

  if (self->call == call)
    return;

  self->loading = TRUE;

  g_set_object (&self->call, call);
  if (call != NULL && kefu_call_get_received_at (call) == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      kefu_call_set_received_at (call, now);
    }
  self->received_edited = FALSE;

  g_binding_group_set_source (self->call_bindings, call);
  g_signal_group_set_target (self->call_signals, call);
  _kefu_call_form_bind_details (self);
  apply_staff_to_call (self);
  _kefu_call_form_sync_received (self);

  /* Another call starts afresh: no field has been left yet, and nothing is wrong until the
   * clerk had a chance to type. */
  g_clear_handle_id (&self->validate_source, g_source_remove);
  fields = kefu_form_field_list_all (GTK_WIDGET (self));
  for (guint i = 0; i < fields->len; i++)
    {
      kefu_form_field_set_touched (fields->pdata[i], FALSE);
      kefu_form_field_show_message (fields->pdata[i], NULL);
    }

  self->loading = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self), call != NULL);
  _kefu_call_form_update_blank (self);
  _kefu_call_form_update_clerk (self);
  _kefu_call_form_update_known (self);
  _kefu_call_form_update_kind (self);
  g_clear_handle_id (&self->validate_source, g_source_remove);
  /* A restored draft may hold text that does not parse: say so at once. */
  if (call != NULL)
    _kefu_call_form_schedule_validation (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL]);
}

gboolean
kefu_call_form_get_blank (KefuCallForm *self)
{
  g_return_val_if_fail (KEFU_IS_CALL_FORM (self), TRUE);

  return self->blank;
}

gboolean
kefu_call_form_get_busy (KefuCallForm *self)
{
  g_return_val_if_fail (KEFU_IS_CALL_FORM (self), FALSE);

  return self->busy;
}

const char *
kefu_call_form_get_kind_name (KefuCallForm *self)
{
  g_return_val_if_fail (KEFU_IS_CALL_FORM (self), NULL);

  return kefu_enum_to_nick (KEFU_TYPE_CALL_KIND, current_kind (self));
}

void
kefu_call_form_set_kind_name (KefuCallForm *self,
                              const char   *kind_name)
{
  int kind;

  g_return_if_fail (KEFU_IS_CALL_FORM (self));

  /* The toggle group has no active toggle for a moment while it changes. */
  if (kind_name == NULL)
    return;
  if (!kefu_enum_from_nick (KEFU_TYPE_CALL_KIND, kind_name, &kind))
    {
      g_critical ("“%s” is not a kind of call", kind_name);
      return;
    }
  if ((KefuCallKind) kind == current_kind (self))
    return;

  self->kind = kind;
  if (self->call != NULL)
    kefu_call_set_kind (self->call, kind);   /* Notifies "kind", which shows it. */
  else
    _kefu_call_form_update_kind (self);
}

void
kefu_call_form_set_kind_locked (KefuCallForm *self,
                                gboolean      locked)
{
  g_return_if_fail (KEFU_IS_CALL_FORM (self));

  gtk_widget_set_visible (GTK_WIDGET (self->kind_toggles), !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "call-form.kind", !locked);
}

void
kefu_call_form_set_caller (KefuCallForm *self,
                           KefuCustomer *customer)
{
  KefuOrder *order;
  const char *phone;

  g_return_if_fail (KEFU_IS_CALL_FORM (self));
  g_return_if_fail (KEFU_IS_CUSTOMER (customer));

  if (self->call == NULL)
    return;

  /* The order goes to the picked customer's address, in its district (guessed again when the
   * address is set below), unless the clerk types another. */
  order = kefu_call_get_order (self->call);
  if (order != NULL)
    {
      kefu_order_set_delivery_address (order, NULL);
      kefu_order_set_district (order, NULL);
    }

  phone = kefu_customer_get_primary_phone (customer);
  kefu_call_set_customer_id (self->call, kefu_record_get_id (KEFU_RECORD (customer)));
  kefu_call_set_caller_name (self->call, kefu_customer_get_name (customer));
  kefu_call_set_address (self->call, kefu_customer_get_address (customer));
  kefu_call_set_phone (self->call, phone != NULL ? phone : "");
}

void
kefu_call_form_set_new_caller (KefuCallForm *self,
                               const char   *phone)
{
  g_return_if_fail (KEFU_IS_CALL_FORM (self));
  g_return_if_fail (phone != NULL);

  if (self->call == NULL)
    return;

  kefu_call_set_customer_id (self->call, 0);
  kefu_call_set_phone (self->call, phone);
}

void
kefu_call_form_focus_details (KefuCallForm *self)
{
  g_return_if_fail (KEFU_IS_CALL_FORM (self));

  if (self->call == NULL)
    return;

  if (*kefu_call_get_caller_name (self->call) == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  switch (kefu_call_get_kind (self->call))
    {
    case KEFU_CALL_KIND_ORDER:
      kefu_order_form_focus_first (self->order_form);
      break;
    case KEFU_CALL_KIND_COMPLAINT:
      kefu_complaint_form_focus_first (self->complaint_form);
      break;
    case KEFU_CALL_KIND_INQUIRY:
      kefu_inquiry_form_focus_first (self->inquiry_form);
      break;
    default:
      g_assert_not_reached ();
    }
}
