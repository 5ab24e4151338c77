/* kefu-dashboard-pane.c: the managers' dashboard (see kefu-dashboard-pane.h): its properties,
 * reading the figures, live refresh and the records behind a figure.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/kefu-date-row.h"

#include "kefu-dashboard-pane-private.h"
#include "kefu-dashboard-records-dialog.h"

/* A change elsewhere is counted again at most this often: the figures of a busy room would
 * otherwise be counted without pause, and a manager reads a figure, not its every step. */
#define REFRESH_SECONDS 5

G_DEFINE_FINAL_TYPE (KefuDashboardPane, kefu_dashboard_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_LIVE,
  PROP_BUSY,
  PROP_N_UNREAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (KefuDashboardPane *self,
          gboolean           busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

char *
_kefu_dashboard_pane_describe (KefuDashboardPane *self)
{
  GDate today;
  g_autofree char *name = NULL;
  g_autofree char *range = kefu_period_format_range (&self->period);
  const char *team = _kefu_dashboard_pane_team_name (self);
  g_autofree char *text = NULL;

  kefu_period_today (&today);
  name = kefu_period_describe (&self->period, &today);
  /* A named period says its dates too; a range of dates is its name. */
  if (g_strcmp0 (name, range) == 0)
    text = g_strdup (range);
  else
    /* Translators: the dashboard's period: its name and its days, "This Month · Nov 1, 2026 –
     * Nov 27, 2026". */
    text = g_strdup_printf (C_("dashboard period", "%s · %s"), name, range);
  if (team == NULL)
    return g_steal_pointer (&text);
  /* Translators: the dashboard's period and whose figures: "This Month · … · 王芳". */
  return g_strdup_printf (C_("dashboard period", "%s · %s"), text, team);
}

/* Reading */

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KefuDashboardPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuDashboard) dashboard = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *updated = NULL;

  dashboard = kefu_store_dashboard_finish (KEFU_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (dashboard == NULL)
    {
      g_autofree char *message = NULL;

      /* Figures already shown stay, with a word of why they are not new; else the reason. */
      if (self->dashboard != NULL)
        {
          message = g_strdup_printf (_("The figures could not be counted again: %s"),
                                     error->message);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
          gtk_stack_set_visible_child_name (self->stack, "figures");
          return;
        }
      message = g_strdup_printf (_("%s Check the connection to the database, then try again."),
                                 error->message);
      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_clear_pointer (&self->dashboard, kefu_dashboard_free);
  self->dashboard = g_steal_pointer (&dashboard);
  _kefu_dashboard_pane_show_sections (self, self->dashboard);
  _kefu_dashboard_pane_update_export (self);
  gtk_stack_set_visible_child_name (self->stack, "figures");

  now = g_date_time_new_now_local ();
  /* Translators: when the dashboard's figures were counted, "Updated 14:05". */
  updated = g_date_time_format (now, _("Updated %H:%M"));
  gtk_label_set_label (self->updated_label, updated);
}

void
_kefu_dashboard_pane_read (KefuDashboardPane *self)
{
  KefuDashboardQuery query = { 0 };

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->stale = FALSE;
  if (self->store == NULL || self->staff == NULL)
    {
      set_busy (self, FALSE);
      return;
    }

  query.first = self->period.first;
  query.last = self->period.last;
  query.department_id = self->department_id;
  query.clerk_id = self->clerk_id;
  self->cancellable = g_cancellable_new ();
  self->last_read = g_get_monotonic_time ();
  set_busy (self, TRUE);
  /* The figures shown stay while the new ones are counted; a first read shows the spinner. */
  if (self->dashboard == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  kefu_store_dashboard_async (self->store, &query, self->cancellable, read_cb,
                              g_object_ref (self));
}

/* Live refresh */

static gboolean
refresh_cb (gpointer user_data)
{
  KefuDashboardPane *self = user_data;

  self->refresh_id = 0;
  _kefu_dashboard_pane_read (self);
  return G_SOURCE_REMOVE;
}

static void
live_changed_cb (KefuDashboardPane *self)
{
  gint64 since;
  guint delay;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id != 0)
    return;
  /* The first change after a quiet while is counted at once (a moment for its burst); later
   * ones wait out the rest of REFRESH_SECONDS since the last read. */
  since = (g_get_monotonic_time () - self->last_read) / G_USEC_PER_SEC;
  delay = since >= REFRESH_SECONDS ? 0 : (guint) (REFRESH_SECONDS - since);
  self->refresh_id = g_timeout_add_seconds (delay, refresh_cb, self);
}

/* Hand-over notes not read yet open the notes beside the figures: the incoming shift reads them
 * first. */
static void
unread_cb (KefuDashboardPane *self)
{
  if (kefu_shift_notes_view_get_n_unread (self->notes_view) > 0)
    gtk_toggle_button_set_active (self->notes_button, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNREAD]);
}

static void
map_cb (KefuDashboardPane *self)
{
  if (self->stale)
    _kefu_dashboard_pane_read (self);
}

static void
set_live (KefuDashboardPane *self,
          KefuLive          *live)
{
  if (self->live == live)
    return;
  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  g_set_object (&self->live, live);
  kefu_shift_notes_view_set_live (self->notes_view, live);
  if (live != NULL)
    g_signal_connect_object (live, "changed", G_CALLBACK (live_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

/* The records behind a figure */

static void
records_open_cb (KefuDashboardPane *self,
                 int                kind,
                 gint64             id)
{
  g_signal_emit (self, signals[OPEN_RECORD], 0, kind, id);
}

static void
open_records_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KefuDashboardPane *self = KEFU_DASHBOARD_PANE (widget);
  KefuDashboardQuery query = { 0 };
  KefuDashboardRecordsDialog *dialog;
  g_autofree char *subtitle = NULL;
  const char *title;
  gint32 figure;
  gint64 key;

  if (self->store == NULL || self->dashboard == NULL)
    return;
  g_variant_get (param, "(ix&s)", &figure, &key, &title);
  if (figure < KEFU_DASHBOARD_FIGURE_CALLS || figure > KEFU_DASHBOARD_FIGURE_CLERK_CALLBACKS)
    return;

  /* The records of the figures shown, not of a period chosen meanwhile. */
  query = self->dashboard->query;
  subtitle = _kefu_dashboard_pane_describe (self);
  dialog = kefu_dashboard_records_dialog_new (self->store, &query, (KefuDashboardFigure) figure,
                                              key, title, subtitle);
  g_signal_connect_object (dialog, "open-record", G_CALLBACK (records_open_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->records_dialog, ADW_DIALOG (dialog));
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _kefu_dashboard_pane_read (KEFU_DASHBOARD_PANE (widget));
}

/* Properties */

static void
set_store (KefuDashboardPane *self,
           KefuStore         *store)
{
  if (!g_set_object (&self->store, store))
    return;
  kefu_shift_notes_view_set_store (self->notes_view, store);
  g_clear_pointer (&self->dashboard, kefu_dashboard_free);
  _kefu_dashboard_pane_update_export (self);
  _kefu_dashboard_pane_read_people (self);
  _kefu_dashboard_pane_read (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
set_staff (KefuDashboardPane *self,
           KefuStaff         *staff)
{
  if (!g_set_object (&self->staff, staff))
    return;
  kefu_shift_notes_view_set_staff (self->notes_view, staff);
  _kefu_dashboard_pane_apply_role (self);
  _kefu_dashboard_pane_read (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
}

static void
kefu_dashboard_pane_dispose (GObject *object)
{
  KefuDashboardPane *self = KEFU_DASHBOARD_PANE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->people_cancellable);
  g_clear_object (&self->people_cancellable);
  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  g_clear_object (&self->live);
  g_clear_weak_pointer (&self->records_dialog);
  g_clear_object (&self->team_choice);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_DASHBOARD_PANE);
  g_clear_object (&self->store);
  g_clear_object (&self->staff);
  g_clear_pointer (&self->dashboard, kefu_dashboard_free);
  g_clear_pointer (&self->shown_tiles, g_ptr_array_unref);
  g_clear_pointer (&self->shown_charts, g_ptr_array_unref);
  self->shown_clerks = NULL;
  g_clear_pointer (&self->shown_shape, g_free);

  G_OBJECT_CLASS (kefu_dashboard_pane_parent_class)->dispose (object);
}

static void
kefu_dashboard_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KefuDashboardPane *self = KEFU_DASHBOARD_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    case PROP_LIVE:
      g_value_set_object (value, self->live);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_N_UNREAD:
      g_value_set_uint (value, kefu_dashboard_pane_get_n_unread (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_dashboard_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KefuDashboardPane *self = KEFU_DASHBOARD_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    case PROP_STAFF:
      set_staff (self, g_value_get_object (value));
      break;
    case PROP_LIVE:
      set_live (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_dashboard_pane_class_init (KefuDashboardPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_dashboard_pane_dispose;
  object_class->get_property = kefu_dashboard_pane_get_property;
  object_class->set_property = kefu_dashboard_pane_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_LIVE] =
    g_param_spec_object ("live", NULL, NULL, KEFU_TYPE_LIVE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_N_UNREAD] =
    g_param_spec_uint ("n-unread", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "dashboard.open-records", "(ixs)",
                                   open_records_action);
  gtk_widget_class_install_action (widget_class, "dashboard.reload", NULL, reload_action);

  g_type_ensure (KEFU_TYPE_DATE_ROW);
  g_type_ensure (KEFU_TYPE_SHIFT_NOTES_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-dashboard-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, period_toggles);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, window_title);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, range_button);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, range_popover);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, first_row);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, last_row);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, range_error_label);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, period_label);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, clerk_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, updated_label);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, notes_button);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, sections_box);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardPane, notes_view);
  _kefu_dashboard_pane_filters_class_init (widget_class);
  _kefu_dashboard_pane_export_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "kefu-dashboard-pane");
}

static void
kefu_dashboard_pane_init (KefuDashboardPane *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound in the template: AdwBin unparents its own child on dispose. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  kefu_period_today (&today);
  kefu_period_init (&self->period, KEFU_PERIOD_MONTH, &today, &today);
  _kefu_dashboard_pane_init_filters (self);
  _kefu_dashboard_pane_export_init (self);
  _kefu_dashboard_pane_update_export (self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect_object (self->notes_view, "notify::n-unread", G_CALLBACK (unread_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
kefu_dashboard_pane_new (void)
{
  return g_object_new (KEFU_TYPE_DASHBOARD_PANE, NULL);
}

const KefuDashboard *
kefu_dashboard_pane_get_dashboard (KefuDashboardPane *self)
{
  g_return_val_if_fail (KEFU_IS_DASHBOARD_PANE (self), NULL);
  return self->dashboard;
}

void
kefu_dashboard_pane_get_period (KefuDashboardPane *self,
                                KefuPeriod        *period)
{
  g_return_if_fail (KEFU_IS_DASHBOARD_PANE (self));
  g_return_if_fail (period != NULL);
  *period = self->period;
}

void
kefu_dashboard_pane_set_period (KefuDashboardPane *self,
                                const KefuPeriod  *period)
{
  g_return_if_fail (KEFU_IS_DASHBOARD_PANE (self));
  g_return_if_fail (period != NULL);

  self->period = *period;
  _kefu_dashboard_pane_update_period (self);
  _kefu_dashboard_pane_read (self);
}

guint
kefu_dashboard_pane_get_n_unread (KefuDashboardPane *self)
{
  g_return_val_if_fail (KEFU_IS_DASHBOARD_PANE (self), 0);
  return kefu_shift_notes_view_get_n_unread (self->notes_view);
}

AdwDialog *
kefu_dashboard_pane_get_records_dialog (KefuDashboardPane *self)
{
  g_return_val_if_fail (KEFU_IS_DASHBOARD_PANE (self), NULL);
  return self->records_dialog;
}
