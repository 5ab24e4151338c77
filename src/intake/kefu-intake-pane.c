/* kefu-intake-pane.c: the intake pane: its parts, the caller beside the form, and the form's
 * call (the drafts are in kefu-intake-pane-drafts.c, the actions in kefu-intake-pane-actions.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-intake-pane"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-phone.h"

#include "kefu-intake-pane-private.h"

G_DEFINE_FINAL_TYPE (KefuIntakePane, kefu_intake_pane, ADW_TYPE_BREAKPOINT_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_BUSY,
  N_PROPS
};

enum {
  CALL_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_kefu_intake_pane_toast (KefuIntakePane *self,
                         const char     *text,
                         guint           timeout)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_kefu_intake_pane_update_busy (KefuIntakePane *self)
{
  gboolean busy = self->loading_customer ||
                  kefu_recent_calls_get_busy (self->recent_calls) ||
                  kefu_caller_lookup_get_busy (self->lookup) ||
                  (adw_view_stack_page_get_visible (self->caller_page) &&
                   kefu_customer_history_view_get_busy (self->history_view));

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
_kefu_intake_pane_form_is_blank (KefuIntakePane *self)
{
  gboolean blank = TRUE;

  g_object_get (self->form, "blank", &blank, NULL);
  return blank;
}

void
_kefu_intake_pane_hide_reference (KefuIntakePane *self)
{
  gtk_revealer_set_reveal_child (self->reference_revealer, FALSE);
  g_clear_pointer (&self->shown_reference, g_free);
}

static KefuCall *
new_form_call (KefuIntakePane *self)
{
  KefuCall *call = kefu_call_new_for_form ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  kefu_call_set_received_at (call, now);
  if (self->staff != NULL)
    {
      kefu_call_set_clerk_id (call, kefu_record_get_id (KEFU_RECORD (self->staff)));
      kefu_call_set_clerk_name (call, kefu_staff_get_name (self->staff));
    }

  return call;
}

void
_kefu_intake_pane_reset_form (KefuIntakePane *self)
{
  g_autoptr(KefuCall) call = new_form_call (self);

  _kefu_intake_pane_set_form_call (self, call);
  /* A new call starts at the top: the kind, the caller, and a reference just saved. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->form_scroller), 0);
  adw_banner_set_revealed (self->restored_banner, FALSE);
}

/* Customer card */

static void
fill_customer_card (KefuIntakePane *self,
                    KefuCustomer   *customer)
{
  const char * const *phones = kefu_customer_get_phones (customer);
  g_autoptr(GString) phone_text = g_string_new (NULL);
  const char *address = kefu_customer_get_address (customer);
  const char *district = kefu_customer_get_district (customer);
  const char *member_number = kefu_customer_get_member_number (customer);
  const char *clerk = kefu_customer_get_assigned_clerk_name (customer);
  g_autofree char *clerk_text = NULL;

  gtk_label_set_label (self->customer_name_label, kefu_customer_get_name (customer));
  adw_avatar_set_text (self->customer_avatar, kefu_customer_get_name (customer));

  gtk_widget_set_visible (GTK_WIDGET (self->customer_member_label),
                          kefu_customer_get_is_member (customer));
  if (*member_number != '\0')
    {
      /* Translators: the member badge with the member number, e.g. "Member 10086". */
      g_autofree char *badge = g_strdup_printf (_("Member %s"), member_number);

      gtk_label_set_label (self->customer_member_label, badge);
    }
  else
    gtk_label_set_label (self->customer_member_label, _("Member"));

  for (guint i = 0; phones != NULL && phones[i] != NULL; i++)
    {
      g_autofree char *formatted = kefu_phone_format (phones[i]);

      if (i > 0)
        g_string_append_c (phone_text, '\n');
      g_string_append (phone_text, formatted);
    }
  gtk_label_set_label (self->customer_phones_label, phone_text->str);

  if (*address == '\0')
    gtk_label_set_label (self->customer_address_label, _("No address on file"));
  else if (*district != '\0' && strstr (address, district) == NULL)
    {
      /* Translators: a customer's address and, when the address does not say it, the district. */
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), address, district);

      gtk_label_set_label (self->customer_address_label, text);
    }
  else
    gtk_label_set_label (self->customer_address_label, address);

  if (*clerk != '\0')
    /* Translators: the clerk a customer is assigned to (客户资料处理); %s is a name. */
    clerk_text = g_strdup_printf (_("Looked after by %s"), clerk);
  else
    clerk_text = g_strdup (_("Not assigned to a clerk"));
  gtk_label_set_label (self->customer_clerk_label, clerk_text);
}

void
_kefu_intake_pane_show_customer (KefuIntakePane *self,
                                 KefuCustomer   *customer)
{
  self->shown_customer_id = kefu_record_get_id (KEFU_RECORD (customer));
  fill_customer_card (self, customer);
  kefu_customer_history_view_set_customer_id (self->history_view, self->shown_customer_id);
  adw_view_stack_page_set_visible (self->caller_page, TRUE);
  gtk_widget_set_visible (self->side_switcher, TRUE);
  adw_view_stack_set_visible_child_name (self->side_stack, "caller");
  _kefu_intake_pane_update_busy (self);
}

void
_kefu_intake_pane_show_recent (KefuIntakePane *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading_customer = FALSE;

  self->shown_customer_id = 0;
  kefu_customer_history_view_set_customer_id (self->history_view, 0);
  adw_view_stack_set_visible_child_name (self->side_stack, "recent");
  adw_view_stack_page_set_visible (self->caller_page, FALSE);
  /* With one page there is nothing to switch between. */
  gtk_widget_set_visible (self->side_switcher, FALSE);
  _kefu_intake_pane_update_busy (self);
}

static gpointer
get_customer_func (KefuStore     *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return kefu_store_get_customer (store, *(gint64 *) data, cancellable, error);
}

static void
get_customer_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KefuIntakePane) self = user_data;
  g_autoptr(KefuCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  customer = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  self->loading_customer = FALSE;

  /* A caller who cannot be read is no reason to stop the call: the form has their details. */
  if (customer == NULL)
    {
      g_message ("Could not read the caller’s record: %s", error->message);
      _kefu_intake_pane_show_recent (self);
    }
  else
    _kefu_intake_pane_show_customer (self, customer);

  _kefu_intake_pane_update_busy (self);
}

static void
show_customer_id (KefuIntakePane *self,
                  gint64          customer_id)
{
  gint64 *id;

  if (customer_id == 0 || self->store == NULL)
    {
      _kefu_intake_pane_show_recent (self);
      return;
    }
  if (customer_id == self->shown_customer_id)
    return;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  self->cancellable = g_cancellable_new ();
  self->loading_customer = TRUE;
  id = g_new (gint64, 1);
  *id = customer_id;
  kefu_store_run_async (self->store, get_customer_func, id, g_free, self->cancellable,
                        get_customer_cb, g_object_ref (self));
  _kefu_intake_pane_update_busy (self);
}

gboolean
_kefu_intake_pane_focus_in_form (KefuIntakePane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->form));
}

void
_kefu_intake_pane_focus_out_of_form (KefuIntakePane *self)
{
  /* A field that is hidden or locked while it has the focus never hears that it lost it (GTK
   * warns about it); the lookup is where the next thing happens anyway. */
  if (_kefu_intake_pane_focus_in_form (self))
    kefu_caller_lookup_focus (self->lookup);
}

void
_kefu_intake_pane_set_form_call (KefuIntakePane *self,
                                 KefuCall       *call)
{
  /* Another call may be of another kind, whose fields replace the focused one. */
  _kefu_intake_pane_focus_out_of_form (self);
  kefu_call_form_set_call (self->form, call);
  show_customer_id (self, kefu_call_get_customer_id (call));
}

/* Callbacks */

static void
customer_picked_cb (KefuIntakePane   *self,
                    KefuCustomer     *customer,
                    KefuCallerLookup *lookup)
{
  _kefu_intake_pane_hide_reference (self);
  kefu_call_form_set_caller (self->form, customer);
  _kefu_intake_pane_show_customer (self, customer);
  kefu_call_form_focus_details (self->form);
}

static void
new_caller_cb (KefuIntakePane   *self,
               const char       *phone,
               KefuCallerLookup *lookup)
{
  _kefu_intake_pane_hide_reference (self);
  kefu_call_form_set_new_caller (self->form, phone);
  _kefu_intake_pane_show_recent (self);
  kefu_call_form_focus_details (self->form);
}

static void
form_changed_cb (KefuIntakePane *self,
                 KefuCallForm   *form)
{
  gboolean blank = _kefu_intake_pane_form_is_blank (self);

  /* The reference of the call just saved stays until the clerk starts on the next one. */
  if (!blank)
    _kefu_intake_pane_hide_reference (self);

  _kefu_intake_pane_schedule_draft (self);
}

static void
part_busy_cb (KefuIntakePane *self)
{
  _kefu_intake_pane_update_busy (self);
}

static void
kefu_intake_pane_map (GtkWidget *widget)
{
  KefuIntakePane *self = KEFU_INTAKE_PANE (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkWidget *focus;
  GtkRoot *root;

  GTK_WIDGET_CLASS (kefu_intake_pane_parent_class)->map (widget);

  /* Other clerks' calls of the meantime, when it is shown again. */
  if (self->mapped_before)
    kefu_recent_calls_reload (self->recent_calls);
  self->mapped_before = TRUE;

  /* Shown with nothing focused, or after another pane had the focus, the pane is ready for the
   * next call at once. The focus stays in the sidebar (a keyboard user going through the panes)
   * and in a dialog (who is working, say). */
  root = gtk_widget_get_root (widget);
  if (root == NULL || (ADW_IS_APPLICATION_WINDOW (root) &&
                       adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (root)) != NULL))
    return;

  focus = gtk_root_get_focus (root);
  if (focus == NULL ||
      (!gtk_widget_is_ancestor (focus, widget) && parent != NULL &&
       gtk_widget_is_ancestor (focus, parent)))
    kefu_caller_lookup_focus (self->lookup);
}

static void
kefu_intake_pane_dispose (GObject *object)
{
  KefuIntakePane *self = KEFU_INTAKE_PANE (object);

  _kefu_intake_pane_close_drafts (self);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* A save in flight finishes in the store, and removes the draft written above if it stored
   * the call. */
  g_clear_handle_id (&self->draft_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_INTAKE_PANE);

  g_clear_weak_pointer (&self->focus_before_save);
  g_clear_pointer (&self->kept_calls, g_ptr_array_unref);
  g_clear_object (&self->saving_call);
  g_clear_object (&self->store);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (kefu_intake_pane_parent_class)->dispose (object);
}

static void
kefu_intake_pane_finalize (GObject *object)
{
  KefuIntakePane *self = KEFU_INTAKE_PANE (object);

  g_free (self->shown_reference);
  g_free (self->pending_number);

  G_OBJECT_CLASS (kefu_intake_pane_parent_class)->finalize (object);
}

static void
kefu_intake_pane_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KefuIntakePane *self = KEFU_INTAKE_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_intake_pane_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KefuIntakePane *self = KEFU_INTAKE_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kefu_intake_pane_set_store (self, g_value_get_object (value));
      break;

    case PROP_STAFF:
      kefu_intake_pane_set_staff (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_intake_pane_class_init (KefuIntakePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_intake_pane_dispose;
  object_class->finalize = kefu_intake_pane_finalize;
  object_class->get_property = kefu_intake_pane_get_property;
  object_class->set_property = kefu_intake_pane_set_property;

  widget_class->map = kefu_intake_pane_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuIntakePane::call-saved:
   * @call: the call as stored, with its reference
   */
  signals[CALL_SAVED] =
    g_signal_new ("call-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KEFU_TYPE_CALL);

  g_type_ensure (KEFU_TYPE_CALL_FORM);
  g_type_ensure (KEFU_TYPE_CALLER_LOOKUP);
  g_type_ensure (KEFU_TYPE_CUSTOMER_HISTORY_VIEW);
  g_type_ensure (KEFU_TYPE_RECENT_CALLS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-intake-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, caller_page);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, customer_address_label);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, customer_avatar);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, customer_clerk_label);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, customer_member_label);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, customer_name_label);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, customer_phones_label);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, error_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, form);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, form_scroller);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, history_view);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, kept_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, lookup);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, recent_calls);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, reference_caption);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, reference_detail);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, reference_label);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, reference_revealer);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, restored_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, save_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, side_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuIntakePane, side_switcher);
  gtk_widget_class_bind_template_callback (widget_class, customer_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_caller_cb);

  _kefu_intake_pane_install_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "kefu-intake-pane");
}

static void
kefu_intake_pane_init (KefuIntakePane *self)
{
  self->kept_calls = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The bin's own child: not a bound template child, which the template's disposal would
   * unparent before the bin does. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_breakpoint_bin_get_child (ADW_BREAKPOINT_BIN (self)));

  g_signal_connect_object (self->recent_calls, "notify::busy", G_CALLBACK (part_busy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lookup, "notify::busy", G_CALLBACK (part_busy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history_view, "notify::busy", G_CALLBACK (part_busy_cb), self,
                           G_CONNECT_SWAPPED);

  _kefu_intake_pane_add_shortcuts (self);
  _kefu_intake_pane_reset_form (self);
  _kefu_intake_pane_show_recent (self);
  _kefu_intake_pane_update_actions (self);
}

GtkWidget *
kefu_intake_pane_new (void)
{
  return g_object_new (KEFU_TYPE_INTAKE_PANE, NULL);
}

KefuStore *
kefu_intake_pane_get_store (KefuIntakePane *self)
{
  g_return_val_if_fail (KEFU_IS_INTAKE_PANE (self), NULL);

  return self->store;
}

void
kefu_intake_pane_set_store (KefuIntakePane *self,
                            KefuStore      *store)
{
  KefuStore *old_store;

  g_return_if_fail (KEFU_IS_INTAKE_PANE (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (self->store == store)
    return;

  /* The draft belongs to the database it was typed for. */
  _kefu_intake_pane_close_drafts (self);
  adw_banner_set_revealed (self->error_banner, FALSE);
  _kefu_intake_pane_hide_reference (self);

  old_store = g_steal_pointer (&self->store);
  self->store = store != NULL ? g_object_ref (store) : NULL;

  kefu_call_form_set_store (self->form, store);
  kefu_caller_lookup_set_store (self->lookup, store);
  kefu_recent_calls_set_store (self->recent_calls, store);
  kefu_customer_history_view_set_store (self->history_view, store);

  /* A call typed while no database was open (the hand-off at start-up) stays; a call of
   * another database does not, and its draft has just been written. */
  if (old_store != NULL || self->saving_call != NULL || _kefu_intake_pane_form_is_blank (self))
    _kefu_intake_pane_reset_form (self);
  /* A save in flight ends on its own (see save_cb). */
  g_clear_object (&self->saving_call);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), TRUE);
  g_clear_object (&old_store);
  _kefu_intake_pane_show_recent (self);

  _kefu_intake_pane_open_drafts (self);

  _kefu_intake_pane_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

KefuStaff *
kefu_intake_pane_get_staff (KefuIntakePane *self)
{
  g_return_val_if_fail (KEFU_IS_INTAKE_PANE (self), NULL);

  return self->staff;
}

void
kefu_intake_pane_set_staff (KefuIntakePane *self,
                            KefuStaff      *staff)
{
  KefuCall *call;

  g_return_if_fail (KEFU_IS_INTAKE_PANE (self));
  g_return_if_fail (staff == NULL || KEFU_IS_STAFF (staff));

  if (!g_set_object (&self->staff, staff))
    return;

  kefu_call_form_set_staff (self->form, staff);
  kefu_recent_calls_set_clerk_id (self->recent_calls,
                                  staff != NULL ? kefu_record_get_id (KEFU_RECORD (staff)) : 0);

  /* The call in the form is taken by whoever works now, unless it came back from a draft
   * already taken by someone. */
  call = kefu_call_form_get_call (self->form);
  if (call != NULL && staff != NULL &&
      (kefu_call_get_clerk_id (call) == 0 || _kefu_intake_pane_form_is_blank (self)))
    {
      kefu_call_set_clerk_id (call, kefu_record_get_id (KEFU_RECORD (staff)));
      kefu_call_set_clerk_name (call, kefu_staff_get_name (staff));
    }

  _kefu_intake_pane_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
}

gboolean
kefu_intake_pane_get_busy (KefuIntakePane *self)
{
  g_return_val_if_fail (KEFU_IS_INTAKE_PANE (self), FALSE);

  return self->busy;
}

void
kefu_intake_pane_start_call (KefuIntakePane *self,
                             const char     *number)
{
  g_return_if_fail (KEFU_IS_INTAKE_PANE (self));

  /* The call being saved may not change until the store has it: the next one starts then. */
  if (self->saving_call != NULL)
    {
      g_free (self->pending_number);
      self->pending_number = g_strdup (number != NULL ? number : "");
      return;
    }

  _kefu_intake_pane_hide_reference (self);
  adw_banner_set_revealed (self->error_banner, FALSE);

  /* A call in the form is never thrown away by the next one: it waits as a kept draft. */
  if (!_kefu_intake_pane_form_is_blank (self))
    {
      _kefu_intake_pane_keep_current (self);
      _kefu_intake_pane_delete_draft (self);
    }

  _kefu_intake_pane_reset_form (self);
  _kefu_intake_pane_show_recent (self);

  if (number != NULL && *number != '\0')
    {
      /* The number as the customer records keep it, when it is one; as given otherwise, for
       * the clerk to correct. */
      g_autofree char *normalized = kefu_phone_normalize (number, NULL, NULL);
      const char *phone = normalized != NULL ? normalized : number;

      kefu_call_form_set_new_caller (self->form, phone);
      kefu_caller_lookup_search (self->lookup, phone);
    }
  else
    kefu_caller_lookup_clear (self->lookup);

  kefu_caller_lookup_focus (self->lookup);
}

const char *
kefu_intake_pane_get_shown_reference (KefuIntakePane *self)
{
  g_return_val_if_fail (KEFU_IS_INTAKE_PANE (self), NULL);

  return self->shown_reference;
}

GtkWidget *
kefu_intake_pane_get_form (KefuIntakePane *self)
{
  g_return_val_if_fail (KEFU_IS_INTAKE_PANE (self), NULL);

  return GTK_WIDGET (self->form);
}

GtkWidget *
kefu_intake_pane_get_lookup (KefuIntakePane *self)
{
  g_return_val_if_fail (KEFU_IS_INTAKE_PANE (self), NULL);

  return GTK_WIDGET (self->lookup);
}

GtkWidget *
kefu_intake_pane_get_recent_calls (KefuIntakePane *self)
{
  g_return_val_if_fail (KEFU_IS_INTAKE_PANE (self), NULL);

  return GTK_WIDGET (self->recent_calls);
}

void
_kefu_intake_pane_emit_call_saved (KefuIntakePane *self,
                                   KefuCall       *call)
{
  g_signal_emit (self, signals[CALL_SAVED], 0, call);
}
