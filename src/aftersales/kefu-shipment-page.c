/* kefu-shipment-page.c: the detail page of one shipment: reading it, its actions and its
 * properties. The sections are filled in kefu-shipment-page-steps.c.
 *
 * Everything the page shows is read in one go on the store's worker (the shipment with its
 * lines, its timeline, the carriers), so the sections never disagree; every action reads it all
 * again.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-roles.h"
#include "widgets/kefu-audit-dialog.h"
#include "widgets/kefu-list-loader.h"
#include "widgets/kefu-live-page.h"
#include "widgets/kefu-record-loader.h"

#include "kefu-job-dialog.h"
#include "kefu-shipment-action-dialog.h"
#include "kefu-shipment-dialog.h"
#include "kefu-shipment-page-private.h"

G_DEFINE_FINAL_TYPE (KefuShipmentPage, kefu_shipment_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_SHIPMENT_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The page is busy while a step is saved too. */
static void
update_busy (KefuShipmentPage *self)
{
  kefu_record_loader_set_acting (self->loader, self->acting);
}

/* Loading */

static gpointer
load_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(GObject) result = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(KefuShipment) shipment = NULL;
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(GPtrArray) carriers = NULL;

  shipment = kefu_store_get_shipment (store, id, cancellable, error);
  if (shipment == NULL)
    return NULL;
  timeline = kefu_store_list_shipment_timeline (store, id, cancellable, error);
  if (timeline == NULL)
    return NULL;
  carriers = kefu_store_list_carriers (store, FALSE, cancellable, error);
  if (carriers == NULL)
    return NULL;

  g_object_set_data_full (result, "shipment", g_steal_pointer (&shipment), g_object_unref);
  g_object_set_data_full (result, "timeline", g_steal_pointer (&timeline), g_object_unref);
  g_object_set_data_full (result, "carriers", g_steal_pointer (&carriers),
                          (GDestroyNotify) g_ptr_array_unref);
  return g_steal_pointer (&result);
}

static void update_actions (KefuShipmentPage *self);

static gboolean
has_record (GtkWidget *owner)
{
  return KEFU_SHIPMENT_PAGE (owner)->shipment != NULL;
}

static void
show (GtkWidget *owner,
      GObject   *loaded)
{
  KefuShipmentPage *self = KEFU_SHIPMENT_PAGE (owner);

  g_set_object (&self->shipment, g_object_get_data (loaded, "shipment"));
  g_set_object (&self->timeline, g_object_get_data (loaded, "timeline"));
  g_clear_pointer (&self->carriers, g_ptr_array_unref);
  self->carriers = g_ptr_array_ref (g_object_get_data (loaded, "carriers"));

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), self->shipment->reference);
  _kefu_shipment_page_show_head (self);
  _kefu_shipment_page_show_steps (self);
  _kefu_shipment_page_show_lines (self);
  kefu_aftersales_timeline_view_set_events (self->timeline_view, self->timeline);
  kefu_customer_history_view_set_customer_id (self->history_view, self->shipment->customer_id);
  update_actions (self);
  kefu_archive_banner_set_record (self->archive_banner, self->store, KEFU_ARCHIVE_SHIPMENT,
                                  self->shipment_id);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kefu_archive_banner_archive (KEFU_SHIPMENT_PAGE (widget)->archive_banner);
}

static const KefuRecordLoaderFuncs loader_funcs = { load_func, has_record, show, NULL };

void
kefu_shipment_page_reload (KefuShipmentPage *self)
{
  g_return_if_fail (KEFU_IS_SHIPMENT_PAGE (self));

  kefu_record_loader_load (self->loader, self->store, self->shipment_id);
  kefu_presence_tracker_set_record (self->presence, self->store, self->shipment_id);
}

/* Actions */

/* A step went through: the page and the lists show it. */
static void
action_done (KefuShipmentPage *self,
             KefuShipment     *shipment)
{
  g_set_object (&self->shipment, shipment);
  kefu_shipment_page_reload (self);
  kefu_customer_history_view_reload (self->history_view);
  gtk_widget_activate_action (GTK_WIDGET (self), "aftersales.reload", NULL);
}

static void
dialog_done_cb (KefuShipmentPage *self,
                KefuShipment     *shipment)
{
  action_done (self, shipment);
}

static void
request_saved_cb (KefuShipmentPage *self,
                  gint64            shipment_id)
{
  kefu_shipment_page_reload (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "aftersales.reload", NULL);
}

static void
dialog_closed_cb (KefuShipmentPage *self,
                  AdwDialog        *dialog)
{
  if (self->dialog == dialog)
    g_clear_weak_pointer (&self->dialog);
}

static gpointer
change_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return kefu_store_change_shipment (store, data, cancellable, error);
}

static void
change_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KefuShipmentPage) self = user_data;
  g_autoptr(KefuShipment) shipment = NULL;
  g_autoptr(GError) error = NULL;

  shipment = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->acting = FALSE;
  update_actions (self);
  if (shipment == NULL)
    {
      kefu_toast_overlay_add_error (self->toast_overlay, error->message);
      /* Someone else moved it meanwhile: the page shows where it is now. */
      if (g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION))
        kefu_shipment_page_reload (self);
      update_busy (self);
      return;
    }
  action_done (self, shipment);
  update_busy (self);
}

/* An action that carries nothing (hand over, deliver) is taken at once; the others open their
 * dialog. */
static void
run_action (KefuShipmentPage   *self,
            KefuShipmentAction  action)
{
  KefuShipmentActionDialog *dialog;

  if (self->shipment == NULL || self->staff == NULL || self->acting)
    return;

  if (action == KEFU_SHIPMENT_ACTION_HAND_OVER || action == KEFU_SHIPMENT_ACTION_DELIVER)
    {
      g_autoptr(GError) error = NULL;

      if (!kefu_shipment_flow_check (action, self->shipment->step,
                                     kefu_staff_get_role (self->staff), NULL, &error))
        {
          kefu_toast_overlay_add_error (self->toast_overlay, error->message);
          return;
        }
      self->acting = TRUE;
      update_actions (self);
      update_busy (self);
      kefu_store_run_async (self->store, change_func,
                            kefu_shipment_change_new (action, self->shipment->id,
                                                      self->shipment->version),
                            (GDestroyNotify) kefu_shipment_change_free,
                            self->action_cancellable, change_cb, g_object_ref (self));
      return;
    }

  if (action == KEFU_SHIPMENT_ACTION_EDIT_DETAILS)
    {
      /* The request's own form, filled with what was read. */
      AdwDialog *edit = kefu_shipment_dialog_new_edit (self->store, self->staff, self->shipment);

      g_signal_connect_object (edit, "saved", G_CALLBACK (request_saved_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (edit, "closed", G_CALLBACK (dialog_closed_cb), self,
                               G_CONNECT_SWAPPED);
      g_set_weak_pointer (&self->dialog, edit);
      kefu_presence_tracker_follow_dialog (self->presence, edit);
      adw_dialog_present (edit, GTK_WIDGET (self));
      return;
    }

  dialog = kefu_shipment_action_dialog_new (self->store, self->staff, self->shipment, action,
                                            self->carriers);
  g_signal_connect_object (dialog, "done", G_CALLBACK (dialog_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (dialog_closed_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, ADW_DIALOG (dialog));
  kefu_presence_tracker_follow_dialog (self->presence, ADW_DIALOG (dialog));
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
action_clicked_cb (GtkButton        *button,
                   KefuShipmentPage *self)
{
  /* Stored one up: the first action is 0. */
  run_action (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kefu-action")) - 1);
}

/* Once the customer has confirmed receipt, after-sales agrees the installation day with them
 * (确定客户已收到货物后…确定装机时间): the installation request, for this customer and the
 * shipment's first product number, opened where it is saved. */
static void
schedule_clicked_cb (KefuShipmentPage *self)
{
  AdwDialog *dialog;

  if (self->shipment == NULL || self->staff == NULL)
    return;
  dialog = kefu_job_dialog_new (self->store, self->staff, KEFU_JOB_KIND_INSTALLATION,
                                self->shipment->customer_id);
  kefu_job_dialog_set_parent_widget (KEFU_JOB_DIALOG (dialog), GTK_WIDGET (self));
  for (guint i = 0; self->shipment->lines != NULL && i < self->shipment->lines->len; i++)
    {
      KefuShipmentLine *line = g_ptr_array_index (self->shipment->lines, i);

      if (line->serial != NULL)
        {
          kefu_job_dialog_set_serial (KEFU_JOB_DIALOG (dialog), line->serial);
          break;
        }
    }
  g_signal_connect_object (dialog, "closed", G_CALLBACK (dialog_closed_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, dialog);
  kefu_presence_tracker_follow_dialog (self->presence, dialog);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
print_clicked_cb (KefuShipmentPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "aftersales.print-shipment", "x",
                              self->shipment_id);
}

/* The buttons of what this person may do in this step, the one moving the shipment on first
 * and suggested. */
static void
update_actions (KefuShipmentPage *self)
{
  g_autoptr(GArray) allowed = NULL;
  gboolean suggested = FALSE;
  GtkWidget *child;
  GtkWidget *print;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box))) != NULL)
    adw_wrap_box_remove (self->actions_box, child);

  /* Who changed what is for managers (the store refuses others too). */
  {
    gboolean audit = self->shipment != NULL && self->staff != NULL
                     && kefu_role_can_read_audit (kefu_staff_get_role (self->staff));

    gtk_widget_set_visible (GTK_WIDGET (self->history_button), audit);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "shipment.history", audit);
  }

  if (self->shipment == NULL)
    return;

  if (self->staff != NULL)
    allowed = kefu_shipment_flow_allowed (self->shipment->step, kefu_staff_get_role (self->staff));
  for (guint i = 0; allowed != NULL && i < allowed->len; i++)
    {
      KefuShipmentAction action = g_array_index (allowed, KefuShipmentAction, i);
      GtkWidget *button;

      button = gtk_button_new_with_label (kefu_shipment_action_get_display_name (action));
      if (!suggested && kefu_shipment_action_moves (action) &&
          action != KEFU_SHIPMENT_ACTION_CANCEL && action != KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION)
        {
          gtk_widget_add_css_class (button, "suggested-action");
          suggested = TRUE;
        }
      else if (action == KEFU_SHIPMENT_ACTION_CANCEL)
        gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_set_sensitive (button, !self->acting);
      g_object_set_data (G_OBJECT (button), "kefu-action", GINT_TO_POINTER (action + 1));
      g_signal_connect_object (button, "clicked", G_CALLBACK (action_clicked_cb), self, 0);
      adw_wrap_box_append (self->actions_box, button);
    }

  if (self->shipment->step == KEFU_SHIPMENT_STEP_RECEIVED)
    {
      GtkWidget *schedule = gtk_button_new_with_mnemonic (_("Schedule _Installation…"));

      gtk_widget_set_tooltip_text (schedule,
                                   _("Request the installation agreed with the customer, for "
                                     "this shipment’s product"));
      /* Nothing moves a received shipment on: the installation is what comes next. */
      if (!suggested)
        gtk_widget_add_css_class (schedule, "suggested-action");
      gtk_widget_set_sensitive (schedule, !self->acting);
      g_object_set_data (G_OBJECT (schedule), "kefu-schedule", GINT_TO_POINTER (TRUE));
      g_signal_connect_object (schedule, "clicked", G_CALLBACK (schedule_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_wrap_box_append (self->actions_box, schedule);
    }

  print = gtk_button_new_with_mnemonic (_("_Print Dispatch Note"));
  g_signal_connect_object (print, "clicked", G_CALLBACK (print_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_wrap_box_append (self->actions_box, print);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  kefu_shipment_page_reload (KEFU_SHIPMENT_PAGE (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  print_clicked_cb (KEFU_SHIPMENT_PAGE (widget));
}

/* Who changed what on this shipment, under the entity its events are recorded with. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KefuShipmentPage *self = KEFU_SHIPMENT_PAGE (widget);

  if (self->store == NULL || self->shipment_id == 0)
    return;
  adw_dialog_present (ADW_DIALOG (kefu_audit_dialog_new (self->store,
                                                         kefu_archive_kind_get_entity (KEFU_ARCHIVE_SHIPMENT),
                                                         self->shipment_id)),
                      widget);
}

/* Overrides */

static void
kefu_shipment_page_constructed (GObject *object)
{
  KefuShipmentPage *self = KEFU_SHIPMENT_PAGE (object);

  G_OBJECT_CLASS (kefu_shipment_page_parent_class)->constructed (object);

  kefu_shipment_page_reload (self);
}

static void
kefu_shipment_page_dispose (GObject *object)
{
  KefuShipmentPage *self = KEFU_SHIPMENT_PAGE (object);

  g_clear_pointer (&self->loader, kefu_record_loader_release);
  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->action_cancellable);
  g_clear_weak_pointer (&self->dialog);
  if (self->presence != NULL)
    kefu_presence_tracker_stop (self->presence);
  g_clear_object (&self->presence);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_SHIPMENT_PAGE);

  g_clear_object (&self->shipment);
  g_clear_object (&self->timeline);
  g_clear_pointer (&self->carriers, g_ptr_array_unref);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_shipment_page_parent_class)->dispose (object);
}

static void
kefu_shipment_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuShipmentPage *self = KEFU_SHIPMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    case PROP_SHIPMENT_ID:
      g_value_set_int64 (value, self->shipment_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, kefu_record_loader_get_busy (self->loader));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_shipment_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KefuShipmentPage *self = KEFU_SHIPMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          kefu_customer_history_view_set_store (self->history_view, self->store);
          /* Constructed already: a new database shows its own copy of the shipment. */
          if (self->shipment_id > 0)
            {
              g_clear_object (&self->shipment);
              kefu_shipment_page_reload (self);
            }
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_STAFF:
      if (g_set_object (&self->staff, g_value_get_object (value)))
        {
          /* What this person may do differs. */
          update_actions (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHIPMENT_ID:
      self->shipment_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_shipment_page_class_init (KefuShipmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kefu_shipment_page_constructed;
  object_class->dispose = kefu_shipment_page_dispose;
  object_class->get_property = kefu_shipment_page_get_property;
  object_class->set_property = kefu_shipment_page_set_property;

  kefu_record_loader_install_properties (object_class, properties, "shipment-id");

  gtk_widget_class_install_action (widget_class, "shipment.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "shipment.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "shipment.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "shipment.history", NULL, history_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "shipment.print", NULL);

  g_type_ensure (KEFU_TYPE_ARCHIVE_BANNER);
  g_type_ensure (KEFU_TYPE_AFTERSALES_TIMELINE_VIEW);
  g_type_ensure (KEFU_TYPE_CUSTOMER_HISTORY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-shipment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, archive_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, attention_box);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, attention_icon);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, attention_label);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, history_button);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, history_view);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, lines_list);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, step_bar);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, step_label);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, steps_list);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentPage, presence_banner);
}

static void
kefu_shipment_page_init (KefuShipmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shipment.history", FALSE);
  self->presence = kefu_presence_tracker_new ("shipment");
  kefu_presence_tracker_show_in_banner (self->presence, self->presence_banner);
  self->action_cancellable = g_cancellable_new ();
  /* One colour for the steps taken, as in the list. */
  gtk_level_bar_remove_offset_value (self->step_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->step_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->step_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  self->loader = kefu_record_loader_new (GTK_WIDGET (self), &loader_funcs, self->stack,
                                         "shipment", self->error_page, self->toast_overlay,
                                         properties[PROP_BUSY]);
  /* Archived or restored: the shipment has a new version. */
  /* The banner may outlive the page by a pending read: the handler goes with the page. */
  g_signal_connect_object (self->archive_banner, "changed",
                           G_CALLBACK (kefu_shipment_page_reload), self, G_CONNECT_SWAPPED);
}

AdwNavigationPage *
kefu_shipment_page_new (KefuStore *store,
                        KefuStaff *staff,
                        gint64     shipment_id)
{
  g_return_val_if_fail (store == NULL || KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (staff == NULL || KEFU_IS_STAFF (staff), NULL);
  g_return_val_if_fail (shipment_id > 0, NULL);

  return g_object_new (KEFU_TYPE_SHIPMENT_PAGE,
                       "store", store,
                       "staff", staff,
                       "shipment-id", shipment_id,
                       NULL);
}

gint64
kefu_shipment_page_get_shipment_id (KefuShipmentPage *self)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_PAGE (self), 0);

  return self->shipment_id;
}

KefuShipment *
kefu_shipment_page_get_shipment (KefuShipmentPage *self)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_PAGE (self), NULL);

  return self->shipment;
}

GtkWidget *
kefu_shipment_page_get_action_button (KefuShipmentPage   *self,
                                      KefuShipmentAction  action)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "kefu-action")) == (int) action + 1)
      return child;
  return NULL;
}

char *
kefu_shipment_page_dup_step_text (KefuShipmentPage *self,
                                  KefuShipmentStep  step)
{
  GtkWidget *row;

  g_return_val_if_fail (KEFU_IS_SHIPMENT_PAGE (self), NULL);

  row = _kefu_shipment_page_find_step (self, step);
  if (row == NULL)
    return NULL;
  return g_strdup_printf ("%s\n%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
}

GtkWidget *
kefu_shipment_page_get_schedule_button (KefuShipmentPage *self)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "kefu-schedule") != NULL)
      return child;
  return NULL;
}

AdwDialog *
kefu_shipment_page_get_action_dialog (KefuShipmentPage *self)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_PAGE (self), NULL);

  return self->dialog;
}

static gint64
live_get_id (GtkWidget *page)
{
  return KEFU_SHIPMENT_PAGE (page)->shipment_id;
}

/* An action dialog open over the page holds what is being entered. */
static gboolean
live_get_modified (GtkWidget *page)
{
  KefuShipmentPage *self = KEFU_SHIPMENT_PAGE (page);

  return self->dialog != NULL || self->acting;
}

static void
live_reload (GtkWidget *page,
             gboolean   discard)
{
  kefu_shipment_page_reload (KEFU_SHIPMENT_PAGE (page));
}

static const KefuLivePageFuncs live_funcs = { live_get_id, live_get_modified, live_reload };

void
kefu_shipment_page_set_live (KefuShipmentPage *self,
                             KefuLive         *live)
{
  g_return_if_fail (KEFU_IS_SHIPMENT_PAGE (self));

  if (self->store != NULL)
    kefu_live_page_attach (GTK_WIDGET (self), live, self->store, KEFU_LIVE_SHIPMENTS,
                           "shipment", &live_funcs);
}
