/* kefu-outage-banner.c: the window's banner while the database cannot be reached.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-outage-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "store/kefu-intake-queue.h"
#include "store/kefu-store-connection.h"

#include "kefu-outage-banner.h"

struct _KefuOutageBanner
{
  AdwBin               parent_instance;

  KefuStore           *store;
  KefuStoreConnection *connection;
  KefuIntakeQueue     *queue;
  guint                hide_source;
  /* "All … were saved" is showing. */
  gboolean             showing_saved;

  AdwBanner           *banner;
};

G_DEFINE_FINAL_TYPE (KefuOutageBanner, kefu_outage_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stop_hide (KefuOutageBanner *self)
{
  g_clear_handle_id (&self->hide_source, g_source_remove);
  self->showing_saved = FALSE;
}

static void
update (KefuOutageBanner *self)
{
  gboolean online;
  guint n_waiting, n_refused;
  g_autofree char *title = NULL;

  if (self->connection == NULL || self->queue == NULL)
    {
      stop_hide (self);
      adw_banner_set_revealed (self->banner, FALSE);
      return;
    }

  online = kefu_store_connection_get_online (self->connection);
  n_waiting = kefu_intake_queue_get_n_waiting (self->queue);
  n_refused = kefu_intake_queue_get_n_refused (self->queue);

  if (!online)
    {
      stop_hide (self);
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The database cannot be reached — new calls and "
                                            "complaints are kept on this workstation (%u "
                                            "waiting)",
                                            "The database cannot be reached — new calls and "
                                            "complaints are kept on this workstation (%u "
                                            "waiting)",
                                            n_waiting),
                               n_waiting);
      adw_banner_set_button_label (self->banner, _("_Try Now"));
      /* The button stays put while a look runs, so that it does not jump under the pointer. */
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "outage.try-now",
                                     !kefu_store_connection_get_checking (self->connection));
    }
  else if (n_waiting > 0)
    {
      stop_hide (self);
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saving %u waiting record…",
                                            "Saving %u waiting records…", n_waiting),
                               n_waiting);
      adw_banner_set_button_label (self->banner, NULL);
    }
  else if (n_refused > 0)
    {
      stop_hide (self);
      /* Translators: the first %u is a number of calls; the second %s is the database's
       * reason. */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u record recorded while the database could not be "
                                            "reached was refused and is kept on this "
                                            "workstation: %s",
                                            "%u records recorded while the database could not "
                                            "be reached were refused and are kept on this "
                                            "workstation: %s",
                                            n_refused),
                               n_refused,
                               kefu_intake_queue_get_last_error (self->queue) != NULL
                               ? kefu_intake_queue_get_last_error (self->queue) : "");
      adw_banner_set_button_label (self->banner, NULL);
    }
  else
    {
      /* "All … were saved" stays until its time is up. */
      if (!self->showing_saved)
        adw_banner_set_revealed (self->banner, FALSE);
      return;
    }

  adw_banner_set_title (self->banner, title);
  adw_banner_set_revealed (self->banner, TRUE);
}

static gboolean
hide_saved_cb (gpointer data)
{
  KefuOutageBanner *self = data;

  self->hide_source = 0;
  self->showing_saved = FALSE;
  update (self);
  return G_SOURCE_REMOVE;
}

static void
synced_cb (KefuIntakeQueue  *queue,
           guint             n_saved,
           KefuOutageBanner *self)
{
  g_autofree char *title = NULL;

  if (kefu_intake_queue_get_n_refused (queue) > 0)
    {
      update (self);
      return;
    }
  stop_hide (self);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The waiting record was saved",
                                        "All %u waiting records were saved", n_saved),
                           n_saved);
  adw_banner_set_title (self->banner, title);
  adw_banner_set_button_label (self->banner, NULL);
  adw_banner_set_revealed (self->banner, TRUE);
  self->showing_saved = TRUE;
  self->hide_source = g_timeout_add_seconds (KEFU_OUTAGE_BANNER_SAVED_SECONDS, hide_saved_cb,
                                             self);
}

static void
try_now_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KefuOutageBanner *self = KEFU_OUTAGE_BANNER (widget);

  if (self->connection != NULL)
    kefu_store_connection_try_now (self->connection);
}

static void
disconnect_store (KefuOutageBanner *self)
{
  if (self->connection != NULL)
    g_signal_handlers_disconnect_by_data (self->connection, self);
  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  self->connection = NULL;
  self->queue = NULL;
  stop_hide (self);
}

void
kefu_outage_banner_set_store (KefuOutageBanner *self,
                              KefuStore        *store)
{
  g_return_if_fail (KEFU_IS_OUTAGE_BANNER (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (self->store == store)
    return;

  disconnect_store (self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      /* Both live as long as the store, which the banner holds. */
      self->connection = kefu_store_connection_get_for_store (store);
      self->queue = kefu_intake_queue_get_for_store (store);
      g_signal_connect_swapped (self->connection, "notify::online", G_CALLBACK (update), self);
      g_signal_connect_swapped (self->connection, "notify::checking", G_CALLBACK (update),
                                self);
      g_signal_connect_swapped (self->queue, "notify::n-waiting", G_CALLBACK (update), self);
      g_signal_connect_swapped (self->queue, "notify::n-refused", G_CALLBACK (update), self);
      g_signal_connect (self->queue, "synced", G_CALLBACK (synced_cb), self);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

KefuStore *
kefu_outage_banner_get_store (KefuOutageBanner *self)
{
  g_return_val_if_fail (KEFU_IS_OUTAGE_BANNER (self), NULL);

  return self->store;
}

AdwBanner *
kefu_outage_banner_get_banner (KefuOutageBanner *self)
{
  g_return_val_if_fail (KEFU_IS_OUTAGE_BANNER (self), NULL);

  return self->banner;
}

GtkWidget *
kefu_outage_banner_new (void)
{
  return g_object_new (KEFU_TYPE_OUTAGE_BANNER, NULL);
}

static void
kefu_outage_banner_dispose (GObject *object)
{
  KefuOutageBanner *self = KEFU_OUTAGE_BANNER (object);

  disconnect_store (self);
  g_clear_object (&self->store);
  /* The banner is the bin's child and a template child: the bin lets go of it first, so that
   * it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_OUTAGE_BANNER);

  G_OBJECT_CLASS (kefu_outage_banner_parent_class)->dispose (object);
}

static void
kefu_outage_banner_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuOutageBanner *self = KEFU_OUTAGE_BANNER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_outage_banner_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KefuOutageBanner *self = KEFU_OUTAGE_BANNER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kefu_outage_banner_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_outage_banner_class_init (KefuOutageBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_outage_banner_dispose;
  object_class->get_property = kefu_outage_banner_get_property;
  object_class->set_property = kefu_outage_banner_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-outage-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuOutageBanner, banner);
  gtk_widget_class_install_action (widget_class, "outage.try-now", NULL, try_now_action);
}

static void
kefu_outage_banner_init (KefuOutageBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
