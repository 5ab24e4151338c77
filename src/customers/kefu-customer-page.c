/* kefu-customer-page.c: reading and saving one customer (its form, with the checks, is in
 * kefu-customer-page-form.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-roles.h"

#include "kefu-customer-callback-times.h"
#include "kefu-customer-page-private.h"
#include "widgets/kefu-audit-dialog.h"
#include "widgets/kefu-live-page.h"

G_DEFINE_FINAL_TYPE (KefuCustomerPage, kefu_customer_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  PROP_BUSY,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The channels in the order the combo row lists them (the enum's order). */
#define N_CHANNELS (KEFU_CHANNEL_SUPERMARKET + 1)


static void
update_busy (KefuCustomerPage *self)
{
  gboolean busy = self->loading || self->saving ||
                  kefu_customer_history_view_get_busy (self->history_view);

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_actions (KefuCustomerPage *self)
{
  gboolean ready = self->customer != NULL && !self->loading && !self->saving;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.save", ready && self->modified);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.add-phone", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.discard", ready && self->modified);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.archive",
                                 ready && !kefu_archive_banner_get_archived (self->archive_banner));
  /* Who changed what is for managers (the store refuses others too). */
  gtk_widget_set_visible (GTK_WIDGET (self->history_button),
                          self->customer != NULL && self->may_read_audit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.history",
                                 self->customer != NULL && self->may_read_audit);
}

void
_kefu_customer_page_set_modified (KefuCustomerPage *self,
                                  gboolean          modified)
{
  modified = !!modified;
  if (self->modified == modified)
    return;

  self->modified = modified;
  /* Back (button, Escape, swipe) would drop what was typed: it comes back once it is saved or
   * discarded. */
  adw_navigation_page_set_can_pop (ADW_NAVIGATION_PAGE (self), !modified);
  if (self->presence != NULL)
    kefu_presence_tracker_set_editing (self->presence, modified);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Every readable and writable property, so a copy carries everything the store read. */
KefuCustomer *
_kefu_customer_page_copy_customer (KefuCustomer *customer)
{
  KefuCustomer *copy = kefu_customer_new ();
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (customer), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (customer), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), pspecs[i]->name, &value);
    }

  return copy;
}

/* Loading */

static gpointer
get_customer_func (KefuStore     *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(KefuCustomer) customer = NULL;
  g_autoptr(GListModel) events = NULL;

  customer = kefu_store_get_customer (store, id, cancellable, error);
  if (customer == NULL)
    return NULL;
  /* The events say who changed what when a save is refused as stale, and which of them are
   * newer than what the form shows. */
  events = kefu_store_list_events (store, "customers", id, cancellable, error);
  if (events == NULL)
    return NULL;
  g_object_set_data_full (G_OBJECT (customer), "kefu-events", g_steal_pointer (&events),
                          g_object_unref);
  /* Who works now decides whether History… is offered; not knowing offers it not. */
  {
    g_autoptr(KefuStaff) staff = NULL;
    gint64 actor = kefu_store_get_actor (store);

    if (actor > 0)
      staff = kefu_store_get_staff (store, actor, cancellable, NULL);
    g_object_set_data (G_OBJECT (customer), "kefu-may-read-audit",
                       GINT_TO_POINTER (staff != NULL
                                        && kefu_role_can_read_audit (kefu_staff_get_role (staff))));
  }
  return g_steal_pointer (&customer);
}

typedef enum
{
  READ_SHOW,       /* fill the form */
  READ_MERGE,      /* after a stale save: merge what was typed with the stored version */
  READ_QUIET,      /* after a save: the newest event is ours */
  READ_LIVE,       /* saved elsewhere: fill the form again in place unless typing began */
} ReadPurpose;

typedef struct
{
  KefuCustomerPage *page;
  ReadPurpose       purpose;
} ReadRequest;

static void
get_customer_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ReadRequest *request = user_data;
  g_autoptr(KefuCustomerPage) self = request->page;
  ReadPurpose purpose = request->purpose;
  g_autoptr(KefuCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  g_free (request);

  customer = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;

  if (customer == NULL && purpose == READ_SHOW)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else if (customer == NULL)
    {
      /* The next save will say what is wrong; the form keeps what was typed. */
      g_debug ("Could not read the stored customer again: %s", error->message);
      if (purpose == READ_MERGE)
        {
          adw_banner_set_title (self->banner, error->message);
          adw_banner_set_revealed (self->banner, TRUE);
        }
    }
  else if (purpose == READ_LIVE && (self->modified || self->saving))
    {
      /* Typing began while it was read: the form and the version it started from stay, so
       * that the save meets the version check rather than overwriting. */
    }
  else
    {
      GListModel *events = g_object_get_data (G_OBJECT (customer), "kefu-events");

      self->may_read_audit = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (customer),
                                                                 "kefu-may-read-audit"));
      if (purpose == READ_SHOW || purpose == READ_LIVE)
        {
          g_set_object (&self->customer, customer);
          self->base_event_id = kefu_merge_newest_event_id (events);
          _kefu_customer_page_fill_form (self, customer);
          gtk_stack_set_visible_child_name (self->stack, "form");
          kefu_archive_banner_set_record (self->archive_banner, self->store,
                                          KEFU_ARCHIVE_CUSTOMER, self->customer_id);
        }
      else if (purpose == READ_QUIET)
        {
          /* Only when nobody saved since: otherwise their save is newer than the form. */
          if (self->customer != NULL && !self->modified
              && kefu_record_get_version (KEFU_RECORD (customer))
                 == kefu_record_get_version (KEFU_RECORD (self->customer)))
            self->base_event_id = kefu_merge_newest_event_id (events);
        }
      else if (self->pending_mine != NULL && self->customer != NULL)
        {
          g_autoptr(KefuCustomer) mine = g_steal_pointer (&self->pending_mine);

          self->loading = FALSE;
          _kefu_customer_page_merge (self, mine, customer, events);
          _kefu_customer_page_show_assignment (self, self->customer);
          kefu_archive_banner_reload (self->archive_banner);
        }
    }

  update_actions (self);
  update_busy (self);
}

static void
read_customer (KefuCustomerPage *self,
               ReadPurpose       purpose)
{
  ReadRequest *request;
  gint64 *id;

  if (self->store == NULL || self->customer_id == 0)
    return;

  request = g_new0 (ReadRequest, 1);
  request->page = g_object_ref (self);
  request->purpose = purpose;
  id = g_new (gint64, 1);
  *id = self->customer_id;

  /* A quiet read (after our own save, or another workstation's) shows no spinner. */
  self->loading = purpose != READ_QUIET && purpose != READ_LIVE;
  if (purpose == READ_SHOW)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  update_actions (self);
  update_busy (self);
  kefu_store_run_async (self->store, get_customer_func, id, g_free, self->cancellable,
                        get_customer_cb, request);
}

/* Saving */

typedef struct
{
  KefuCustomerPage *page;
  KefuCustomer     *edited;
} SaveRequest;

static void
update_customer_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(KefuCustomerPage) self = request->page;
  g_autoptr(KefuCustomer) edited = request->edited;
  g_autoptr(GError) error = NULL;

  g_free (request);

  if (!kefu_store_update_customer_finish (KEFU_STORE (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->saving = FALSE;

  if (error == NULL)
    {
      adw_banner_set_revealed (self->banner, FALSE);
      g_set_object (&self->customer, edited);
      self->n_resaves = 0;
      /* The form shows what the store keeps (trimmed text, normalised phones). */
      _kefu_customer_page_fill_form (self, edited);
      /* The save took a new version, which archiving checks against. */
      kefu_archive_banner_reload (self->archive_banner);
      g_signal_emit (self, signals[SAVED], 0, edited);
      read_customer (self, READ_QUIET);
    }
  else if (g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION))
    {
      /* Nothing typed is lost: merged with what the other clerk saved (never over it). */
      g_set_object (&self->pending_mine, edited);
      read_customer (self, READ_MERGE);
    }
  else if (g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE))
    {
      _kefu_customer_page_show_problem (GTK_WIDGET (self->phones_list), self->phones_error,
                                        error->message);
    }
  else
    {
      adw_banner_set_title (self->banner, error->message);
      adw_banner_set_revealed (self->banner, TRUE);
    }

  update_actions (self);
  update_busy (self);
}

/* Who changed what on this customer, under the entity its events are recorded with. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KefuCustomerPage *self = KEFU_CUSTOMER_PAGE (widget);

  if (self->store == NULL || self->customer_id == 0)
    return;
  adw_dialog_present (ADW_DIALOG (kefu_audit_dialog_new (self->store,
                                                         kefu_archive_kind_get_entity (KEFU_ARCHIVE_CUSTOMER),
                                                         self->customer_id)),
                      widget);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  kefu_archive_banner_archive (KEFU_CUSTOMER_PAGE (widget)->archive_banner);
}

/* Archived or restored: the customer has a new version. Read it as another workstation's
 * change: the form fills again unless typing began, whose save then merges by itself (the
 * archive touches none of the form's fields). */
static void
archive_changed_cb (KefuCustomerPage *self,
                    gint64            version)
{
  read_customer (self, READ_LIVE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KefuCustomerPage *self = KEFU_CUSTOMER_PAGE (widget);
  g_autoptr(KefuCustomer) edited = NULL;
  SaveRequest *request;
  g_auto(GStrv) phones = NULL;
  g_autofree char *notes = NULL;
  GtkWidget *first_text;
  GtkWidget *first_phone;
  gboolean member;

  if (self->customer == NULL || self->saving || self->loading)
    return;

  /* Every problem at once, and nothing typed is lost. */
  first_text = _kefu_customer_page_check_text_fields (self);
  first_phone = _kefu_customer_page_check_phones (self, &phones);
  if (first_text != NULL || first_phone != NULL)
    {
      GtkWidget *first = first_text;

      if (first == NULL || (first != GTK_WIDGET (self->name_row) && first_phone != NULL))
        first = first_phone;
      gtk_widget_grab_focus (first);
      return;
    }

  member = adw_switch_row_get_active (self->member_row);
  notes = _kefu_customer_page_notes_text (self);

  edited = _kefu_customer_page_copy_customer (self->customer);
  kefu_customer_set_name (edited, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  kefu_customer_set_phones (edited, (const char * const *) phones);
  kefu_customer_set_address (edited, gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
  kefu_customer_set_district (edited, gtk_editable_get_text (GTK_EDITABLE (self->district_row)));
  kefu_customer_set_is_member (edited, member);
  kefu_customer_set_member_number (edited,
                                   member ? gtk_editable_get_text (GTK_EDITABLE (self->member_number_row))
                                          : "");
  kefu_customer_set_channel (edited, adw_combo_row_get_selected (self->channel_row));
  kefu_customer_set_notes (edited, notes);

  self->saving = TRUE;
  update_actions (self);
  update_busy (self);
  request = g_new0 (SaveRequest, 1);
  request->page = g_object_ref (self);
  request->edited = g_object_ref (edited);
  kefu_store_update_customer_async (self->store, edited, self->cancellable,
                                    update_customer_cb, request);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KefuCustomerPage *self = KEFU_CUSTOMER_PAGE (widget);

  if (self->customer == NULL || self->saving)
    return;

  adw_banner_set_revealed (self->banner, FALSE);
  _kefu_customer_page_fill_form (self, self->customer);
}

static void
add_phone_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KefuCustomerPage *self = KEFU_CUSTOMER_PAGE (widget);
  AdwEntryRow *row = _kefu_customer_page_add_phone_row (self, "");

  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  read_customer (KEFU_CUSTOMER_PAGE (widget), READ_SHOW);
}

static void
phones_focus_cb (KefuCustomerPage        *self,
                 GtkEventControllerFocus *controller)
{
  _kefu_customer_page_phone_focus_left (self);
}

static void
kefu_customer_page_constructed (GObject *object)
{
  KefuCustomerPage *self = KEFU_CUSTOMER_PAGE (object);

  G_OBJECT_CLASS (kefu_customer_page_parent_class)->constructed (object);

  read_customer (self, READ_SHOW);
  kefu_presence_tracker_set_record (self->presence, self->store, self->customer_id);
}

static void
kefu_customer_page_dispose (GObject *object)
{
  KefuCustomerPage *self = KEFU_CUSTOMER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->presence != NULL)
    kefu_presence_tracker_stop (self->presence);
  g_clear_object (&self->presence);
  /* The dialog's handlers are disconnected with the page (connected as its objects). */
  if (self->conflict_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->conflict_dialog, self);
      adw_dialog_force_close (self->conflict_dialog);
      g_clear_weak_pointer (&self->conflict_dialog);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CUSTOMER_PAGE);

  g_clear_pointer (&self->phone_rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pending_mine);
  g_clear_object (&self->customer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_customer_page_parent_class)->dispose (object);
}

static void
kefu_customer_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuCustomerPage *self = KEFU_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_customer_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KefuCustomerPage *self = KEFU_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_CUSTOMER_ID:
      self->customer_id = g_value_get_int64 (value);
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* customer.new-shipment and customer.report-fault: the After-Sales pane's dialogs for this
 * customer, through the window's actions (the pane is another pane's widget). */
static void
new_shipment_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KefuCustomerPage *self = KEFU_CUSTOMER_PAGE (widget);

  gtk_widget_activate_action (widget, "win.new-shipment", "(xx)", self->customer_id, (gint64) 0);
}

static void
report_fault_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KefuCustomerPage *self = KEFU_CUSTOMER_PAGE (widget);

  gtk_widget_activate_action (widget, "win.new-job", "(sx)", "repair", self->customer_id);
}

static void
kefu_customer_page_class_init (KefuCustomerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kefu_customer_page_constructed;
  object_class->dispose = kefu_customer_page_dispose;
  object_class->get_property = kefu_customer_page_get_property;
  object_class->set_property = kefu_customer_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuCustomerPage::saved:
   * @customer: the customer as stored now
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KEFU_TYPE_CUSTOMER);

  g_type_ensure (KEFU_TYPE_CUSTOMER_HISTORY_VIEW);
  g_type_ensure (KEFU_TYPE_CUSTOMER_CALLBACK_TIMES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-customer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, add_phone_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, address_error);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, assigned_at_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, banner);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, presence_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, archive_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, clerk_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, district_error);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, district_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, first_contact_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, history_button);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, history_view);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, member_number_error);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, member_number_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, member_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, name_error);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, notes_error);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, phones_error);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, phones_list);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerPage, stack);
  gtk_widget_class_bind_template_callback_full (widget_class, "field_changed_cb",
                                                G_CALLBACK (_kefu_customer_page_field_changed_cb));

  gtk_widget_class_install_action (widget_class, "customer.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "customer.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "customer.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "customer.add-phone", NULL, add_phone_action);
  gtk_widget_class_install_action (widget_class, "customer.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "customer.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "customer.new-shipment", NULL, new_shipment_action);
  gtk_widget_class_install_action (widget_class, "customer.report-fault", NULL, report_fault_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "customer.save", NULL);
}

static void
kefu_customer_page_init (KefuCustomerPage *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  GtkEventController *focus;

  self->phone_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  g_type_ensure (KEFU_TYPE_ARCHIVE_BANNER);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->presence = kefu_presence_tracker_new ("customers");
  kefu_presence_tracker_show_in_banner (self->presence, self->presence_banner);
  /* The banner may outlive the page by a pending read: the handlers go with the page. */
  g_signal_connect_object (self->archive_banner, "changed", G_CALLBACK (archive_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->archive_banner, "notify::archived", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);

  for (KefuChannel channel = 0; channel < N_CHANNELS; channel++)
    gtk_string_list_append (channels, kefu_channel_get_display_name (channel));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));

  /* A phone number is checked when the clerk leaves it: a half-typed one is not a mistake. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (phones_focus_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->phones_list), focus);

  g_signal_connect_swapped (self->history_view, "notify::busy", G_CALLBACK (update_busy), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (_kefu_customer_page_field_changed_cb), self);

  update_actions (self);
}

KefuCustomerPage *
kefu_customer_page_new (KefuStore *store,
                        gint64     customer_id)
{
  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);

  return g_object_new (KEFU_TYPE_CUSTOMER_PAGE,
                       "store", store,
                       "customer-id", customer_id,
                       NULL);
}

KefuStore *
kefu_customer_page_get_store (KefuCustomerPage *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_PAGE (self), NULL);

  return self->store;
}

gint64
kefu_customer_page_get_customer_id (KefuCustomerPage *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_PAGE (self), 0);

  return self->customer_id;
}

KefuCustomer *
kefu_customer_page_get_customer (KefuCustomerPage *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_PAGE (self), NULL);

  return self->customer;
}

gboolean
kefu_customer_page_get_busy (KefuCustomerPage *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_PAGE (self), FALSE);

  return self->busy;
}

gboolean
kefu_customer_page_get_modified (KefuCustomerPage *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_PAGE (self), FALSE);

  return self->modified;
}

static gint64
live_get_id (GtkWidget *page)
{
  return KEFU_CUSTOMER_PAGE (page)->customer_id;
}

static gboolean
live_get_modified (GtkWidget *page)
{
  return KEFU_CUSTOMER_PAGE (page)->modified || KEFU_CUSTOMER_PAGE (page)->saving;
}

static void
live_reload (GtkWidget *page,
             gboolean   discard)
{
  KefuCustomerPage *self = KEFU_CUSTOMER_PAGE (page);

  /* Asked for over typing: the stored customer replaces it. */
  if (discard && !self->saving)
    _kefu_customer_page_set_modified (self, FALSE);
  read_customer (self, READ_LIVE);
}

static const KefuLivePageFuncs live_funcs = { live_get_id, live_get_modified, live_reload };

void
kefu_customer_page_set_live (KefuCustomerPage *self,
                             KefuLive         *live)
{
  g_return_if_fail (KEFU_IS_CUSTOMER_PAGE (self));

  if (self->store != NULL)
    kefu_live_page_attach (GTK_WIDGET (self), live, self->store, KEFU_LIVE_CUSTOMERS,
                           "customers", &live_funcs);
}
