/* kefu-batch-alert-banner.c: the banner over the board for batches flagged as possible quality
 * incidents.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-batch-alert-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "store/kefu-store-complaints.h"

#include "kefu-batch-alert-banner-private.h"
#include "kefu-batch-alert-dialog.h"

struct _KefuBatchAlertBanner
{
  AdwBin        parent_instance;

  AdwBanner    *banner;   /* the bin's child, not a bound template child */

  KefuStore    *store;
  KefuStaff    *staff;
  GCancellable *cancellable;
  guint         n_alerts;
};

G_DEFINE_FINAL_TYPE (KefuBatchAlertBanner, kefu_batch_alert_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The banner's words for the open alerts: the one batch in full, or how many batches. */
static char *
banner_title (GPtrArray *alerts)
{
  KefuBatchAlert *alert;
  g_autofree char *days = NULL;
  guint n_days;

  if (alerts->len != 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u batch flagged as a possible quality incident",
                                         "%u batches flagged as possible quality incidents",
                                         alerts->len),
                            alerts->len);

  alert = alerts->pdata[0];
  /* The calendar days the complaints came in over, both ends counted: three complaints on the
   * 2nd, 3rd and 4th came "in 3 days", three on one day "in 1 day". */
  if (alert->first_at != NULL && alert->flagged_at != NULL)
    {
      g_autoptr(GDateTime) first = g_date_time_to_local (alert->first_at);
      g_autoptr(GDateTime) flagged = g_date_time_to_local (alert->flagged_at);
      GDate a, b;

      g_date_clear (&a, 1);
      g_date_clear (&b, 1);
      g_date_set_dmy (&a, g_date_time_get_day_of_month (first), g_date_time_get_month (first),
                      g_date_time_get_year (first));
      g_date_set_dmy (&b, g_date_time_get_day_of_month (flagged), g_date_time_get_month (flagged),
                      g_date_time_get_year (flagged));
      n_days = (guint) MAX (1, g_date_days_between (&a, &b) + 1);
    }
  else
    n_days = 1;
  days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", n_days), n_days);

  /* Translators: the batch alert banner: the number of complaints, the product, the batch
   * number and the days, e.g. "3 complaints about 鲜牛奶 batch 20261101A in 7 days: possible
   * quality incident". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u complaint about %s batch %s in %s: possible quality incident",
                                       "%u complaints about %s batch %s in %s: possible quality incident",
                                       alert->complaint_count),
                          alert->complaint_count,
                          alert->product_name != NULL ? alert->product_name : "",
                          alert->batch_number != NULL ? alert->batch_number : "", days);
}

static void
show_alerts (KefuBatchAlertBanner *self,
             GPtrArray            *alerts)
{
  g_autofree char *title = alerts->len > 0 ? banner_title (alerts) : NULL;

  self->n_alerts = alerts->len;
  adw_banner_set_title (self->banner, title != NULL ? title : "");
  adw_banner_set_revealed (self->banner, alerts->len > 0);
  /* A hidden banner takes no room, and no keyboard focus. */
  gtk_widget_set_visible (GTK_WIDGET (self), alerts->len > 0);
}

typedef struct
{
  GWeakRef   banner;
  GPtrArray *alerts;   /* set by the worker */
} AlertsRead;

static void
alerts_read_free (AlertsRead *read)
{
  g_weak_ref_clear (&read->banner);
  g_clear_pointer (&read->alerts, g_ptr_array_unref);
  g_free (read);
}

static gpointer
read_alerts_func (KefuStore     *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  AlertsRead *read = data;

  read->alerts = kefu_store_list_batch_alerts (store, TRUE, cancellable, error);
  return NULL;
}

static void
read_alerts_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AlertsRead *read = user_data;
  g_autoptr(KefuBatchAlertBanner) self = g_weak_ref_get (&read->banner);
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      alerts_read_free (read);
      return;
    }

  /* The board beside it says what failed to read (the same database refuses both); a banner
   * that cannot be read keeps what it showed. A warning here would say it twice. */
  if (error != NULL)
    g_debug ("Could not read the batch alerts: %s", error->message);
  else if (read->alerts != NULL)
    show_alerts (self, read->alerts);

  alerts_read_free (read);
}

static void
dialog_open_complaint_cb (KefuBatchAlertBanner *self,
                          gint64                complaint_id)
{
  /* The banner is inside the pane, whose "complaints" actions the dialog cannot reach. */
  gtk_widget_activate_action (GTK_WIDGET (self), "complaints.open", "x", complaint_id);
}

static void
banner_button_clicked_cb (KefuBatchAlertBanner *self)
{
  KefuBatchAlertDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = kefu_batch_alert_dialog_new (self->store, self->staff);
  g_signal_connect_object (dialog, "open-complaint", G_CALLBACK (dialog_open_complaint_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "alerts-changed", G_CALLBACK (kefu_batch_alert_banner_reload),
                           self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
kefu_batch_alert_banner_dispose (GObject *object)
{
  KefuBatchAlertBanner *self = KEFU_BATCH_ALERT_BANNER (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_BATCH_ALERT_BANNER);
  g_clear_object (&self->store);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (kefu_batch_alert_banner_parent_class)->dispose (object);
}

static void
kefu_batch_alert_banner_finalize (GObject *object)
{
  KefuBatchAlertBanner *self = KEFU_BATCH_ALERT_BANNER (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (kefu_batch_alert_banner_parent_class)->finalize (object);
}

static void
kefu_batch_alert_banner_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  KefuBatchAlertBanner *self = KEFU_BATCH_ALERT_BANNER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_batch_alert_banner_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  KefuBatchAlertBanner *self = KEFU_BATCH_ALERT_BANNER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (!g_set_object (&self->store, g_value_get_object (value)))
        break;
      kefu_batch_alert_banner_reload (self);
      g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_STAFF:
      if (g_set_object (&self->staff, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_batch_alert_banner_class_init (KefuBatchAlertBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_batch_alert_banner_dispose;
  object_class->finalize = kefu_batch_alert_banner_finalize;
  object_class->get_property = kefu_batch_alert_banner_get_property;
  object_class->set_property = kefu_batch_alert_banner_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-batch-alert-banner.ui");
  gtk_widget_class_bind_template_callback (widget_class, banner_button_clicked_cb);

  g_type_ensure (KEFU_TYPE_BATCH_ALERT_DIALOG);
}

static void
kefu_batch_alert_banner_init (KefuBatchAlertBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->banner = ADW_BANNER (adw_bin_get_child (ADW_BIN (self)));
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

KefuBatchAlertBanner *
kefu_batch_alert_banner_new (void)
{
  return g_object_new (KEFU_TYPE_BATCH_ALERT_BANNER, NULL);
}

void
kefu_batch_alert_banner_reload (KefuBatchAlertBanner *self)
{
  AlertsRead *read;

  g_return_if_fail (KEFU_IS_BATCH_ALERT_BANNER (self));

  if (self->store == NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      show_alerts (self, none);
      return;
    }

  read = g_new0 (AlertsRead, 1);
  g_weak_ref_init (&read->banner, self);
  kefu_store_run_async (self->store, read_alerts_func, read, NULL, self->cancellable,
                        read_alerts_cb, read);
}

/* For the tests: the open alerts shown, and the banner's words. */
guint
_kefu_batch_alert_banner_get_n_alerts (KefuBatchAlertBanner *self)
{
  return self->n_alerts;
}

const char *
_kefu_batch_alert_banner_get_title (KefuBatchAlertBanner *self)
{
  return adw_banner_get_title (self->banner);
}
