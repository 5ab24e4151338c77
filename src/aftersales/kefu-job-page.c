/* kefu-job-page.c: the detail page of one service job: reading it, and the page's actions and
 * properties. The sections are filled in kefu-job-page-sections.c.
 *
 * Everything the page shows is read in one go on the store's worker (the job with its progress
 * reports, the timeline, the callbacks it scheduled, the serial's history, the carriers), so the
 * sections never disagree with each other; every action saved reads it all again.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-job-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-roles.h"
#include "widgets/kefu-audit-dialog.h"
#include "widgets/kefu-live-page.h"
#include "widgets/kefu-record-loader.h"

#include "kefu-job-action-dialog.h"
#include "kefu-job-page-private.h"

G_DEFINE_FINAL_TYPE (KefuJobPage, kefu_job_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_JOB_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Loading */

static gpointer
load_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(GObject) result = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(GListModel) serial_history = NULL;
  g_autoptr(GPtrArray) callbacks = NULL;
  g_autoptr(GPtrArray) carriers = NULL;

  job = kefu_store_get_job (store, id, cancellable, error);
  if (job == NULL)
    return NULL;
  timeline = kefu_store_list_job_timeline (store, id, cancellable, error);
  if (timeline == NULL)
    return NULL;
  callbacks = kefu_store_list_callbacks_for (store, "service-job", id, cancellable, error);
  if (callbacks == NULL)
    return NULL;
  /* Inactive carriers too: an old job may have gone with one. */
  carriers = kefu_store_list_carriers (store, TRUE, cancellable, error);
  if (carriers == NULL)
    return NULL;
  if (job->serial != NULL && *job->serial != '\0')
    {
      serial_history = kefu_store_list_serial_history (store, job->serial, cancellable, error);
      if (serial_history == NULL)
        return NULL;
      g_object_set_data_full (result, "serial-history", g_steal_pointer (&serial_history),
                              g_object_unref);
    }

  g_object_set_data_full (result, "job", g_steal_pointer (&job), g_object_unref);
  g_object_set_data_full (result, "timeline", g_steal_pointer (&timeline), g_object_unref);
  g_object_set_data_full (result, "callbacks", g_steal_pointer (&callbacks),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (result, "carriers", g_steal_pointer (&carriers),
                          (GDestroyNotify) g_ptr_array_unref);
  return g_steal_pointer (&result);
}

static gboolean
has_record (GtkWidget *owner)
{
  return KEFU_JOB_PAGE (owner)->job != NULL;
}

/* Who changed what is for managers (the store refuses others too). */
static void
update_history (KefuJobPage *self)
{
  gboolean audit = self->job != NULL && self->staff != NULL
                   && kefu_role_can_read_audit (kefu_staff_get_role (self->staff));

  gtk_widget_set_visible (GTK_WIDGET (self->history_button), audit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job.history", audit);
}

static void
show (GtkWidget *owner,
      GObject   *loaded)
{
  KefuJobPage *self = KEFU_JOB_PAGE (owner);

  g_set_object (&self->job, g_object_get_data (loaded, "job"));
  g_set_object (&self->timeline, g_object_get_data (loaded, "timeline"));
  g_set_object (&self->serial_history, g_object_get_data (loaded, "serial-history"));
  g_clear_pointer (&self->callbacks, g_ptr_array_unref);
  self->callbacks = g_ptr_array_ref (g_object_get_data (loaded, "callbacks"));
  g_clear_pointer (&self->carriers, g_ptr_array_unref);
  self->carriers = g_ptr_array_ref (g_object_get_data (loaded, "carriers"));

  _kefu_job_page_show_sections (self);
  update_history (self);
  kefu_archive_banner_set_record (self->archive_banner, self->store, KEFU_ARCHIVE_SERVICE_JOB,
                                  self->job_id);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kefu_archive_banner_archive (KEFU_JOB_PAGE (widget)->archive_banner);
}

static const KefuRecordLoaderFuncs loader_funcs = { load_func, has_record, show, NULL };

void
kefu_job_page_reload (KefuJobPage *self)
{
  g_return_if_fail (KEFU_IS_JOB_PAGE (self));

  kefu_record_loader_load (self->loader, self->store, self->job_id);
  kefu_presence_tracker_set_record (self->presence, self->store, self->job_id);
}

/* Actions and callbacks */

static void
action_saved_cb (KefuJobPage    *self,
                 KefuServiceJob *job)
{
  /* The job moved on: everything it shows is read again (the timeline, the callback). */
  kefu_job_page_reload (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "aftersales.reload", NULL);
}

static void
act_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KefuJobPage *self = KEFU_JOB_PAGE (widget);
  KefuJobAction action = g_variant_get_int32 (parameter);
  AdwDialog *dialog;

  if (self->job == NULL || self->store == NULL)
    return;

  dialog = ADW_DIALOG (kefu_job_action_dialog_new (self->store, self->staff, self->job, action));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (action_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->action_dialog, dialog);
  kefu_presence_tracker_follow_dialog (self->presence, dialog);
  adw_dialog_present (dialog, widget);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  kefu_job_page_reload (KEFU_JOB_PAGE (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KefuJobPage *self = KEFU_JOB_PAGE (widget);

  gtk_widget_activate_action (widget, "aftersales.print-job", "x", self->job_id);
}

/* Who changed what on this job, under the entity its events are recorded with. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KefuJobPage *self = KEFU_JOB_PAGE (widget);

  if (self->store == NULL || self->job_id == 0)
    return;
  adw_dialog_present (ADW_DIALOG (kefu_audit_dialog_new (self->store,
                                                         kefu_archive_kind_get_entity (KEFU_ARCHIVE_SERVICE_JOB),
                                                         self->job_id)),
                      widget);
}

/* Overrides */

static void
kefu_job_page_constructed (GObject *object)
{
  KefuJobPage *self = KEFU_JOB_PAGE (object);

  G_OBJECT_CLASS (kefu_job_page_parent_class)->constructed (object);

  kefu_job_page_reload (self);
}

static void
kefu_job_page_dispose (GObject *object)
{
  KefuJobPage *self = KEFU_JOB_PAGE (object);

  g_clear_pointer (&self->loader, kefu_record_loader_release);
  g_clear_weak_pointer (&self->action_dialog);
  if (self->presence != NULL)
    kefu_presence_tracker_stop (self->presence);
  g_clear_object (&self->presence);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_JOB_PAGE);

  g_clear_object (&self->job);
  g_clear_object (&self->timeline);
  g_clear_object (&self->serial_history);
  g_clear_pointer (&self->callbacks, g_ptr_array_unref);
  g_clear_pointer (&self->carriers, g_ptr_array_unref);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_job_page_parent_class)->dispose (object);
}

static void
kefu_job_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KefuJobPage *self = KEFU_JOB_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    case PROP_JOB_ID:
      g_value_set_int64 (value, self->job_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, kefu_record_loader_get_busy (self->loader));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_job_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KefuJobPage *self = KEFU_JOB_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          kefu_customer_history_view_set_store (self->history_view, self->store);
          /* Constructed already: a new database shows its own copy of the job. */
          if (self->job_id > 0)
            {
              g_clear_object (&self->job);
              kefu_job_page_reload (self);
            }
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_STAFF:
      if (g_set_object (&self->staff, g_value_get_object (value)))
        {
          /* What this person may do differs. */
          if (self->job != NULL)
            _kefu_job_page_show_sections (self);
          update_history (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_JOB_ID:
      self->job_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_job_page_class_init (KefuJobPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kefu_job_page_constructed;
  object_class->dispose = kefu_job_page_dispose;
  object_class->get_property = kefu_job_page_get_property;
  object_class->set_property = kefu_job_page_set_property;

  kefu_record_loader_install_properties (object_class, properties, "job-id");

  gtk_widget_class_install_action (widget_class, "job.act", "i", act_action);
  gtk_widget_class_install_action (widget_class, "job.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "job.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "job.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "job.history", NULL, history_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "job.print", NULL);

  g_type_ensure (KEFU_TYPE_ARCHIVE_BANNER);
  g_type_ensure (KEFU_TYPE_AFTERSALES_TIMELINE_VIEW);
  g_type_ensure (KEFU_TYPE_CUSTOMER_HISTORY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-job-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, archive_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, callback_group);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, callback_list);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, diagnosis_group);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, diagnosis_list);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, factory_group);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, factory_list);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, feedback_group);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, feedback_list);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, head_group);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, head_list);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, history_button);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, history_view);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, report_group);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, report_list);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, serial_group);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, serial_list);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, step_bar);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, step_label);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, support_group);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, support_list);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, presence_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, trip_group);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, trip_list);
  gtk_widget_class_bind_template_child (widget_class, KefuJobPage, warranty_label);
}

static void
kefu_job_page_init (KefuJobPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_history (self);
  self->presence = kefu_presence_tracker_new ("service-job");
  kefu_presence_tracker_show_in_banner (self->presence, self->presence_banner);

  /* The bar's colours would say good or bad; a step is neither. */
  gtk_level_bar_remove_offset_value (self->step_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->step_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->step_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  self->loader = kefu_record_loader_new (GTK_WIDGET (self), &loader_funcs, self->stack, "job",
                                         self->error_page, self->toast_overlay,
                                         properties[PROP_BUSY]);
  /* Archived or restored: the job has a new version. */
  /* The banner may outlive the page by a pending read: the handler goes with the page. */
  g_signal_connect_object (self->archive_banner, "changed", G_CALLBACK (kefu_job_page_reload),
                           self, G_CONNECT_SWAPPED);
}

AdwNavigationPage *
kefu_job_page_new (KefuStore *store,
                   KefuStaff *staff,
                   gint64     job_id)
{
  g_return_val_if_fail (store == NULL || KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (staff == NULL || KEFU_IS_STAFF (staff), NULL);
  g_return_val_if_fail (job_id > 0, NULL);

  return g_object_new (KEFU_TYPE_JOB_PAGE,
                       "store", store,
                       "staff", staff,
                       "job-id", job_id,
                       NULL);
}

gint64
kefu_job_page_get_job_id (KefuJobPage *self)
{
  g_return_val_if_fail (KEFU_IS_JOB_PAGE (self), 0);

  return self->job_id;
}

KefuServiceJob *
_kefu_job_page_get_job (KefuJobPage *self)
{
  g_return_val_if_fail (KEFU_IS_JOB_PAGE (self), NULL);

  return self->job;
}

AdwDialog *
_kefu_job_page_get_action_dialog (KefuJobPage *self)
{
  g_return_val_if_fail (KEFU_IS_JOB_PAGE (self), NULL);

  return self->action_dialog;
}

gboolean
_kefu_job_page_offers (KefuJobPage   *self,
                       KefuJobAction  action)
{
  g_return_val_if_fail (KEFU_IS_JOB_PAGE (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "kefu-job-action")) == (int) action + 1)
      return TRUE;
  return FALSE;
}

static gint64
live_get_id (GtkWidget *page)
{
  return KEFU_JOB_PAGE (page)->job_id;
}

/* An action dialog open over the page holds what is being entered. */
static gboolean
live_get_modified (GtkWidget *page)
{
  return KEFU_JOB_PAGE (page)->action_dialog != NULL;
}

static void
live_reload (GtkWidget *page,
             gboolean   discard)
{
  kefu_job_page_reload (KEFU_JOB_PAGE (page));
}

static const KefuLivePageFuncs live_funcs = { live_get_id, live_get_modified, live_reload };

void
kefu_job_page_set_live (KefuJobPage *self,
                        KefuLive    *live)
{
  g_return_if_fail (KEFU_IS_JOB_PAGE (self));

  if (self->store != NULL)
    kefu_live_page_attach (GTK_WIDGET (self), live, self->store, KEFU_LIVE_JOBS, "service-job",
                           &live_funcs);
}
