/* kefu-out-of-area-dialog.c: the open out-of-area orders, read off the main thread.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-out-of-area-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-phone.h"

#include "kefu-caller-lookup.h"
#include "kefu-out-of-area-dialog.h"
#include "kefu-text-prompt.h"
#include "widgets/kefu-list-loader.h"

struct _KefuOutOfAreaDialog
{
  AdwDialog        parent_instance;

  KefuStore       *store;
  GCancellable    *cancellable;
  GListStore      *orders;
  gboolean         busy;

  AdwStatusPage   *error_page;
  GtkListView     *list_view;
  GtkStack        *stack;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (KefuOutOfAreaDialog, kefu_out_of_area_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load (KefuOutOfAreaDialog *self);

static void
set_busy (KefuOutOfAreaDialog *self,
          gboolean             busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The call whose order has `order_id` (transfer none). */
static KefuCall *
find_call (KefuOutOfAreaDialog *self,
           gint64               order_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->orders));

  for (guint i = 0; i < n; i++)
    {
      KefuCall *call = g_list_model_get_item (G_LIST_MODEL (self->orders), i);
      KefuOrder *order = kefu_call_get_order (call);

      /* The list holds its own reference. */
      g_object_unref (call);
      if (order != NULL && kefu_record_get_id (KEFU_RECORD (order)) == order_id)
        return call;
    }

  return NULL;
}

static gpointer
list_orders_func (KefuStore     *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return kefu_store_list_out_of_area_orders (store, cancellable, error);
}

static void
list_orders_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KefuOutOfAreaDialog) self = user_data;
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(GError) error = NULL;

  orders = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (orders == NULL)
    {
      kefu_list_loader_show_error (self->stack, self->error_page, error->message);
      return;
    }

  kefu_list_store_replace_all (self->orders, orders);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (orders) > 0 ? "list" : "empty");
}

static void
load (KefuOutOfAreaDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->orders)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  kefu_store_run_async (self->store, list_orders_func, NULL, NULL, self->cancellable,
                        list_orders_cb, g_object_ref (self));
}

typedef struct
{
  KefuOrder *order;   /* a copy with the id and version read */
  char      *note;
} Notice;

static void
notice_free (gpointer data)
{
  Notice *notice = data;

  g_clear_object (&notice->order);
  g_free (notice->note);
  g_free (notice);
}

/* On the worker, against a copy of the order: the list's order stays untouched until the list
 * is read again. */
static gpointer
record_notice_func (KefuStore     *store,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Notice *notice = data;

  if (!kefu_store_record_out_of_area_notice (store, notice->order, notice->note,
                                             cancellable, error))
    return NULL;

  return g_object_ref (notice->order);
}

static void
record_notice_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KefuOutOfAreaDialog) self = user_data;
  g_autoptr(KefuOrder) order = NULL;
  g_autoptr(GError) error = NULL;

  order = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (order == NULL)
    {
      /* Translators: the notice could not be recorded; %s is the reason. */
      g_autofree char *text = g_strdup_printf (_("The notice was not recorded: %s"), error->message);

      kefu_toast_overlay_add_error (self->toast_overlay, text);
    }
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("The notice was recorded and the order closed")));

  load (self);
}

static void
notice_prompt_response_cb (AdwAlertDialog *prompt,
                           const char     *response,
                           gpointer        user_data)
{
  g_autoptr(KefuOutOfAreaDialog) self = KEFU_OUT_OF_AREA_DIALOG (g_object_ref (user_data));
  gint64 order_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (prompt), "order-id"));
  KefuCall *call;
  KefuOrder *order;
  Notice *notice;

  if (g_strcmp0 (response, KEFU_TEXT_PROMPT_ACCEPT) != 0 || self->store == NULL)
    return;

  call = find_call (self, order_id);
  if (call == NULL)
    return;

  order = kefu_call_get_order (call);
  notice = g_new0 (Notice, 1);
  notice->order = kefu_order_new ();
  kefu_record_set_id (KEFU_RECORD (notice->order), kefu_record_get_id (KEFU_RECORD (order)));
  kefu_record_set_version (KEFU_RECORD (notice->order),
                           kefu_record_get_version (KEFU_RECORD (order)));
  notice->note = kefu_text_prompt_dup_text (prompt);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  kefu_store_run_async (self->store, record_notice_func, notice, notice_free, self->cancellable,
                        record_notice_cb, g_object_ref (self));
}

static void
notified_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  KefuOutOfAreaDialog *self = KEFU_OUT_OF_AREA_DIALOG (widget);
  gint64 order_id = g_variant_get_int64 (param);
  KefuCall *call = find_call (self, order_id);
  g_autofree char *heading = NULL;
  AdwAlertDialog *prompt;

  if (call == NULL)
    return;

  /* Translators: %s is the caller's name. */
  heading = g_strdup_printf (_("Was %s Told?"), kefu_call_get_caller_name (call));
  prompt = kefu_text_prompt_new (heading,
                                 _("Record how the customer was told that the address is outside the service area, and the apology. The order is then closed."),
                                 _("How the customer was told"), _("_Record and Close"), FALSE);
  g_object_set_data (G_OBJECT (prompt), "order-id", GSIZE_TO_POINTER ((gsize) order_id));
  g_signal_connect_object (prompt, "response", G_CALLBACK (notice_prompt_response_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (prompt), GTK_WIDGET (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  load (KEFU_OUT_OF_AREA_DIALOG (widget));
}

/* The row factory. */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *address = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Customer _Notified…"));

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (address), 0);
  gtk_label_set_wrap (GTK_LABEL (address), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (address), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (meta), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (meta), 2);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), address);
  gtk_box_append (GTK_BOX (text), meta);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "area.notified");

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), button);

  g_object_set_data (G_OBJECT (item), "title", title);
  g_object_set_data (G_OBJECT (item), "address", address);
  g_object_set_data (G_OBJECT (item), "meta", meta);
  g_object_set_data (G_OBJECT (item), "button", button);

  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  KefuCall *call = gtk_list_item_get_item (item);
  KefuOrder *order = kefu_call_get_order (call);
  const char *phone = kefu_call_get_phone (call);
  const char *district = order != NULL ? kefu_order_get_district (order) : "";
  const char *delivery = order != NULL ? kefu_order_get_delivery_address (order) : "";
  g_autofree char *formatted_phone = *phone != '\0' ? kefu_phone_format (phone) : g_strdup ("");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *title = NULL;
  g_autofree char *address = NULL;
  g_autofree char *when = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *button_label = NULL;
  g_autofree char *accessible = NULL;

  if (*delivery == '\0')
    delivery = kefu_call_get_address (call);

  /* Translators: an out-of-area order: the caller's name and phone number. */
  title = g_strdup_printf (_("%s · %s"), kefu_call_get_caller_name (call), formatted_phone);
  if (*district != '\0')
    /* Translators: an out-of-area order's district and delivery address. */
    address = g_strdup_printf (_("%s · %s"), district, delivery);
  else
    address = g_strdup (delivery);

  when = kefu_call_get_received_at (call) != NULL
         ? kefu_format_relative_time (kefu_call_get_received_at (call), now)
         : g_strdup ("");
  /* Translators: an out-of-area order: its reference, the clerk who took it, when, and what
   * was ordered. */
  meta = g_strdup_printf (_("%s · taken by %s · %s · %s"), kefu_call_get_reference (call),
                          kefu_call_get_clerk_name (call), when, kefu_call_get_summary (call));

  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "title"), title);
  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "address"), address);
  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "meta"), meta);
  gtk_actionable_set_action_target (g_object_get_data (G_OBJECT (item), "button"), "x",
                                    order != NULL ? kefu_record_get_id (KEFU_RECORD (order)) : 0);

  /* Translators: the accessible name of an out-of-area order's button; %s is the caller. */
  button_label = g_strdup_printf (_("Record that %s was notified"), kefu_call_get_caller_name (call));
  gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (item), "button")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);

  /* Translators: an out-of-area order read by a screen reader. */
  accessible = g_strdup_printf (_("%s, %s, %s"), title, address, meta);
  gtk_list_item_set_accessible_label (item, accessible);
}

static void
kefu_out_of_area_dialog_dispose (GObject *object)
{
  KefuOutOfAreaDialog *self = KEFU_OUT_OF_AREA_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_OUT_OF_AREA_DIALOG);

  g_clear_object (&self->orders);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_out_of_area_dialog_parent_class)->dispose (object);
}

static void
kefu_out_of_area_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  KefuOutOfAreaDialog *self = KEFU_OUT_OF_AREA_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_out_of_area_dialog_class_init (KefuOutOfAreaDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_out_of_area_dialog_dispose;
  object_class->get_property = kefu_out_of_area_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-out-of-area-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuOutOfAreaDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuOutOfAreaDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, KefuOutOfAreaDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuOutOfAreaDialog, toast_overlay);

  gtk_widget_class_install_action (widget_class, "area.notified", "x", notified_action);
  gtk_widget_class_install_action (widget_class, "area.reload", NULL, reload_action);
}

static void
kefu_out_of_area_dialog_init (KefuOutOfAreaDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->orders = g_list_store_new (KEFU_TYPE_CALL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->orders)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

AdwDialog *
kefu_out_of_area_dialog_new (KefuStore *store)
{
  KefuOutOfAreaDialog *self;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);

  self = g_object_new (KEFU_TYPE_OUT_OF_AREA_DIALOG, NULL);
  self->store = g_object_ref (store);
  load (self);

  return ADW_DIALOG (self);
}

gboolean
kefu_out_of_area_dialog_get_busy (KefuOutOfAreaDialog *self)
{
  g_return_val_if_fail (KEFU_IS_OUT_OF_AREA_DIALOG (self), FALSE);

  return self->busy;
}

GListModel *
kefu_out_of_area_dialog_get_orders (KefuOutOfAreaDialog *self)
{
  g_return_val_if_fail (KEFU_IS_OUT_OF_AREA_DIALOG (self), NULL);

  return G_LIST_MODEL (self->orders);
}
