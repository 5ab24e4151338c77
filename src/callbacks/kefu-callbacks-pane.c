/* kefu-callbacks-pane.c: the Callbacks pane.
 *
 * One read on the store's worker takes what the root page shows: the counts of every day of
 * the six weeks in the month view (counted in SQL) or the callbacks of the week in the week view
 * (with the site's rules, whose quiet hours it shades), the chosen day's callbacks, and the
 * overdue and escalated numbers for the banner. A newer read cancels an older one.
 *
 * The reading is in kefu-callbacks-pane-load.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callbacks-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-staff.h"
#include "store/kefu-store-callbacks.h"

#include "kefu-callback-lead-page.h"
#include "kefu-callback-page.h"
#include "kefu-callback-report-dialog.h"
#include "kefu-callbacks-pane-private.h"

G_DEFINE_FINAL_TYPE (KefuCallbacksPane, kefu_callbacks_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_LIVE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The template's child: not bound, since AdwBin unparents its own child on dispose. */
static AdwToastOverlay *
toasts (KefuCallbacksPane *self)
{
  return ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));
}

void
_kefu_callbacks_pane_update_busy (KefuCallbacksPane *self)
{
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (self->navigation_view);
  gboolean page_busy = FALSE;
  gboolean busy;

  if (page != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (page), "busy") != NULL)
    g_object_get (page, "busy", &page_busy, NULL);
  busy = self->loading || page_busy;
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Whose callbacks are shown: the staff member's (with the team's unassigned ones), or 0 for
 * everyone's. */
gint64
_kefu_callbacks_pane_shown_assignee (KefuCallbacksPane *self)
{
  if (self->staff == NULL ||
      g_strcmp0 (adw_toggle_group_get_active_name (self->whose_toggles), "team") == 0)
    return 0;
  return kefu_record_get_id (KEFU_RECORD (self->staff));
}

gboolean
_kefu_callbacks_pane_shows_week (KefuCallbacksPane *self)
{
  return g_strcmp0 (adw_toggle_group_get_active_name (self->view_toggles), "week") == 0;
}

/* Pages */

static void
page_busy_cb (KefuCallbacksPane *self)
{
  _kefu_callbacks_pane_update_busy (self);
}

void
kefu_callbacks_pane_open (KefuCallbacksPane *self,
                          gint64             callback_id)
{
  AdwNavigationPage *page;

  g_return_if_fail (KEFU_IS_CALLBACKS_PANE (self));
  g_return_if_fail (callback_id > 0);

  if (self->store == NULL || self->staff == NULL)
    return;
  /* One callback at a time: another one open is given up first (its claim released). */
  adw_navigation_view_pop_to_tag (self->navigation_view, "root");
  page = kefu_callback_page_new (self->store, self->staff, callback_id);
  kefu_callback_page_set_live (KEFU_CALLBACK_PAGE (page), self->live);
  g_signal_connect_object (page, "notify::busy", G_CALLBACK (page_busy_cb), self,
                           G_CONNECT_SWAPPED);
  adw_navigation_view_push (self->navigation_view, page);
  _kefu_callbacks_pane_update_busy (self);
}

static void
page_popped_cb (KefuCallbacksPane *self,
                AdwNavigationPage *page)
{
  _kefu_callbacks_pane_update_busy (self);
  _kefu_callbacks_pane_load (self);
}

/* Call Next */

typedef struct
{
  gint64  assigned_to;
  gint64  id;  /* set by the worker */
} NextJob;

static gpointer
claim_next_func (KefuStore     *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  NextJob *job = data;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now),
                                                         0, 0, 0);
  /* Any callback due by the end of today, the oldest first. */
  g_autoptr(GDateTime) until = g_date_time_add_days (midnight, 1);

  job->id = kefu_store_claim_next_callback (store, job->assigned_to, until,
                                            kefu_store_get_workstation_id (), cancellable,
                                            &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_object_ref (store);
}

static void
call_next_done (KefuCallbacksPane *self,
                NextJob           *job,
                GError            *error)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "callbacks.call-next", TRUE);
  g_clear_object (&self->next_cancellable);
  if (error != NULL)
    {
      adw_toast_overlay_add_toast (toasts (self), adw_toast_new (error->message));
      return;
    }
  if (job->id == 0)
    {
      /* Translators: Call Next found nothing to do. */
      adw_toast_overlay_add_toast (toasts (self),
                                   adw_toast_new (_("No callback is due now that nobody else is making")));
      _kefu_callbacks_pane_load (self);
      return;
    }
  kefu_callbacks_pane_open (self, job->id);
}

typedef struct
{
  GWeakRef  pane;
  NextJob   job;
} NextRequest;

static void
next_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  NextRequest *request = user_data;
  g_autoptr(KefuCallbacksPane) self = g_weak_ref_get (&request->pane);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) done = kefu_store_run_finish (KEFU_STORE (object), result, &error);

  if (self != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    call_next_done (self, &request->job, done == NULL ? error : NULL);
  g_weak_ref_clear (&request->pane);
  g_free (request);
}

static void
call_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KefuCallbacksPane *self = KEFU_CALLBACKS_PANE (widget);
  NextRequest *request;

  if (self->store == NULL || self->staff == NULL || self->next_cancellable != NULL)
    return;
  request = g_new0 (NextRequest, 1);
  g_weak_ref_init (&request->pane, self);
  request->job.assigned_to = kefu_record_get_id (KEFU_RECORD (self->staff));
  /* The team view takes anyone's next callback the staff member may do. */
  if (_kefu_callbacks_pane_shown_assignee (self) == 0)
    request->job.assigned_to = 0;
  self->next_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (widget, "callbacks.call-next", FALSE);
  kefu_store_run_async (self->store, claim_next_func, &request->job, NULL,
                        self->next_cancellable, next_done_cb, request);
}

/* Actions */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);

  if (id > 0)
    kefu_callbacks_pane_open (KEFU_CALLBACKS_PANE (widget), id);
}

static void
recorded_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KefuCallbacksPane *self = KEFU_CALLBACKS_PANE (widget);

  /* Popping reads the views again (page_popped_cb ()). */
  adw_navigation_view_pop_to_tag (self->navigation_view, "root");
  /* Translators: a toast once a callback was recorded. */
  adw_toast_overlay_add_toast (toasts (self), adw_toast_new (_("Callback recorded")));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _kefu_callbacks_pane_load (KEFU_CALLBACKS_PANE (widget));
}

static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KefuCallbacksPane *self = KEFU_CALLBACKS_PANE (widget);
  const char *whose = g_variant_get_string (parameter, NULL);

  if (g_strcmp0 (whose, "mine") == 0 || g_strcmp0 (whose, "team") == 0)
    adw_toggle_group_set_active_name (self->whose_toggles, whose);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KefuCallbacksPane *self = KEFU_CALLBACKS_PANE (widget);
  const char *view = g_variant_get_string (parameter, NULL);

  if (g_strcmp0 (view, "month") == 0 || g_strcmp0 (view, "week") == 0)
    adw_toggle_group_set_active_name (self->view_toggles, view);
}

static void
whose_toggled_cb (KefuCallbacksPane *self)
{
  _kefu_callbacks_pane_load (self);
}

/* The two views show the same day: the month view's selection is the pane's. */
static void
day_selected_cb (KefuCallbacksPane *self)
{
  GDate day;

  kefu_callback_month_view_get_selected (self->month_view, &day);
  kefu_callback_week_view_select_day (self->week_view, &day);
  _kefu_callbacks_pane_load_day (self);
}

static void
week_day_selected_cb (KefuCallbacksPane *self)
{
  GDate day;

  kefu_callback_week_view_get_selected (self->week_view, &day);
  /* Emits day-selected when it is another day, which reads again. */
  kefu_callback_month_view_select_day (self->month_view, &day);
}

static void
view_toggled_cb (KefuCallbacksPane *self)
{
  gtk_stack_set_visible_child_name (self->calendar_stack,
                                    _kefu_callbacks_pane_shows_week (self) ? "week" : "month");
  _kefu_callbacks_pane_load (self);
}

static void
lead_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KefuCallbacksPane *self = KEFU_CALLBACKS_PANE (widget);
  AdwNavigationPage *page;

  if (self->store == NULL || self->staff == NULL)
    return;
  adw_navigation_view_pop_to_tag (self->navigation_view, "root");
  page = kefu_callback_lead_page_new (self->store, self->staff);
  g_signal_connect_object (page, "notify::busy", G_CALLBACK (page_busy_cb), self,
                           G_CONNECT_SWAPPED);
  adw_navigation_view_push (self->navigation_view, page);
  _kefu_callbacks_pane_update_busy (self);
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KefuCallbacksPane *self = KEFU_CALLBACKS_PANE (widget);

  if (self->store == NULL || self->staff == NULL)
    return;
  adw_dialog_present (kefu_callback_report_dialog_new (self->store, self->staff), widget);
}

static void
range_changed_cb (KefuCallbacksPane *self)
{
  /* The day chosen in the new month is read with it (day-selected follows). */
}

/* Properties */

static void
kefu_callbacks_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KefuCallbacksPane *self = KEFU_CALLBACKS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LIVE:
      g_value_set_object (value, self->live);
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

/* Someone did, moved or took a callback: the calendar, the agenda and the banner's counts are
 * read again (the agenda changes only the rows that did); the page shown follows by itself. */
static void
callbacks_changed_cb (KefuCallbacksPane *self,
                      GArray            *ids,
                      gboolean           whole,
                      KefuLive          *live)
{
  if (self->store != NULL)
    _kefu_callbacks_pane_load (self);
}

static void
set_live (KefuCallbacksPane *self,
          KefuLive *live)
{
  if (self->live == live)
    return;

  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  g_set_object (&self->live, live);
  if (live != NULL)
    {
      g_signal_connect_object (live, "changed::callbacks", G_CALLBACK (callbacks_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

static void
kefu_callbacks_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KefuCallbacksPane *self = KEFU_CALLBACKS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          /* Nothing of another database stays on screen. */
          adw_navigation_view_pop_to_tag (self->navigation_view, "root");
          kefu_callback_month_view_set_counts (self->month_view, NULL);
          _kefu_callbacks_pane_load (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_LIVE:
      set_live (self, g_value_get_object (value));
      break;

    case PROP_STAFF:
      if (g_set_object (&self->staff, g_value_get_object (value)))
        {
          /* The lead's page is for those who lead the callbacks. */
          gtk_widget_set_visible (self->lead_button,
                                  self->staff != NULL &&
                                  kefu_role_leads_callbacks (kefu_staff_get_role (self->staff)));
          adw_navigation_view_pop_to_tag (self->navigation_view, "root");
          _kefu_callbacks_pane_load (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_callbacks_pane_dispose (GObject *object)
{
  KefuCallbacksPane *self = KEFU_CALLBACKS_PANE (object);

  g_clear_handle_id (&self->load_source, g_source_remove);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->next_cancellable);
  g_clear_object (&self->next_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CALLBACKS_PANE);
  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  g_clear_object (&self->live);
  g_clear_object (&self->store);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (kefu_callbacks_pane_parent_class)->dispose (object);
}

static void
kefu_callbacks_pane_class_init (KefuCallbacksPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kefu_callbacks_pane_get_property;
  object_class->set_property = kefu_callbacks_pane_set_property;
  object_class->dispose = kefu_callbacks_pane_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LIVE] =
    g_param_spec_object ("live", NULL, NULL, KEFU_TYPE_LIVE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEFU_TYPE_CALLBACK_MONTH_VIEW);
  g_type_ensure (KEFU_TYPE_CALLBACK_AGENDA);
  g_type_ensure (KEFU_TYPE_CALLBACK_WEEK_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-callbacks-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCallbacksPane, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbacksPane, whose_toggles);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbacksPane, overdue_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbacksPane, lead_button);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbacksPane, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbacksPane, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbacksPane, view_toggles);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbacksPane, calendar_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbacksPane, month_view);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbacksPane, week_view);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbacksPane, agenda);
  gtk_widget_class_bind_template_callback (widget_class, page_popped_cb);
  gtk_widget_class_bind_template_callback (widget_class, whose_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, week_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);

  gtk_widget_class_install_action (widget_class, "callbacks.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "callbacks.recorded", "x", recorded_action);
  gtk_widget_class_install_action (widget_class, "callbacks.call-next", NULL, call_next_action);
  gtk_widget_class_install_action (widget_class, "callbacks.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "callbacks.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "callbacks.lead", NULL, lead_action);
  gtk_widget_class_install_action (widget_class, "callbacks.show", "s", show_action);
  gtk_widget_class_install_action (widget_class, "callbacks.view", "s", view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "callbacks.call-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "callbacks.reload", NULL);
}

static void
kefu_callbacks_pane_init (KefuCallbacksPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
