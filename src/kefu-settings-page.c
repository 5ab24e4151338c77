/* kefu-settings-page.c: the shared part of the settings pages of Preferences (see
 * kefu-settings-page.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-settings-page"

#include "config.h"

#include "core/kefu-roles.h"

#include "kefu-settings-page.h"

typedef struct
{
  KefuStore    *store;
  KefuStaff    *staff;
  GCancellable *cancellable;
  guint         loading : 1;
  guint         saving : 1;
  guint         loaded_once : 1;
} KefuSettingsPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (KefuSettingsPage, kefu_settings_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_busy (KefuSettingsPage *self,
          gboolean          loading,
          gboolean          saving)
{
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);
  gboolean was_busy = priv->loading || priv->saving;

  priv->loading = !!loading;
  priv->saving = !!saving;
  if (was_busy != (priv->loading || priv->saving))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update (KefuSettingsPage *self)
{
  KefuSettingsPageClass *klass = KEFU_SETTINGS_PAGE_GET_CLASS (self);

  if (klass->update != NULL)
    klass->update (self);
}

typedef struct
{
  KefuSettingsPage     *page;
  KefuSettingsPageDone  done;
  gboolean              save;
} Job;

/* The job holds a reference on the page; a cancelled job (the page went away, or read again)
 * changes nothing. */
static void
job_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(KefuSettingsPage) self = job->page;
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  gpointer value;
  gboolean save = job->save;
  KefuSettingsPageDone done = job->done;

  g_free (job);
  value = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  /* Setting another store cancels what ran on the previous one, so a result that is not
   * cancelled is always the current store's. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (save)
    set_busy (self, priv->loading, FALSE);
  else
    {
      set_busy (self, FALSE, priv->saving);
      if (error == NULL)
        priv->loaded_once = TRUE;
    }
  done (self, value, error);
  update (self);
}

static void
run (KefuSettingsPage     *self,
     gboolean              save,
     KefuStoreFunc         func,
     gpointer              data,
     GDestroyNotify        data_free,
     KefuSettingsPageDone  done)
{
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);
  Job *job = g_new0 (Job, 1);

  job->page = g_object_ref (self);
  job->done = done;
  job->save = save;
  if (priv->cancellable == NULL)
    priv->cancellable = g_cancellable_new ();
  kefu_store_run_async (priv->store, func, data, data_free, priv->cancellable, job_done, job);
}

void
kefu_settings_page_run_load (KefuSettingsPage     *self,
                             KefuStoreFunc         func,
                             gpointer              data,
                             GDestroyNotify        data_free,
                             KefuSettingsPageDone  done)
{
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);

  g_return_if_fail (KEFU_IS_SETTINGS_PAGE (self));
  g_return_if_fail (priv->store != NULL);

  set_busy (self, TRUE, priv->saving);
  run (self, FALSE, func, data, data_free, done);
}

void
kefu_settings_page_run_save (KefuSettingsPage     *self,
                             KefuStoreFunc         func,
                             gpointer              data,
                             GDestroyNotify        data_free,
                             KefuSettingsPageDone  done)
{
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);

  g_return_if_fail (KEFU_IS_SETTINGS_PAGE (self));
  g_return_if_fail (priv->store != NULL);

  set_busy (self, priv->loading, TRUE);
  update (self);
  run (self, TRUE, func, data, data_free, done);
}

void
kefu_settings_page_reload (KefuSettingsPage *self)
{
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);
  KefuSettingsPageClass *klass = KEFU_SETTINGS_PAGE_GET_CLASS (self);

  g_return_if_fail (KEFU_IS_SETTINGS_PAGE (self));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  if (priv->store == NULL || klass->reload == NULL)
    {
      set_busy (self, FALSE, FALSE);
      update (self);
      return;
    }
  klass->reload (self);
}

void
kefu_settings_page_toast (KefuSettingsPage *self,
                          const char       *text)
{
  GtkWidget *dialog;

  g_return_if_fail (KEFU_IS_SETTINGS_PAGE (self));

  dialog = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_DIALOG);
  if (dialog != NULL)
    adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (dialog), adw_toast_new (text));
  else
    g_message ("%s", text);
}

KefuStore *
kefu_settings_page_get_store (KefuSettingsPage *self)
{
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);

  g_return_val_if_fail (KEFU_IS_SETTINGS_PAGE (self), NULL);
  return priv->store;
}

KefuStaff *
kefu_settings_page_get_staff (KefuSettingsPage *self)
{
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);

  g_return_val_if_fail (KEFU_IS_SETTINGS_PAGE (self), NULL);
  return priv->staff;
}

gboolean
kefu_settings_page_get_busy (KefuSettingsPage *self)
{
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);

  g_return_val_if_fail (KEFU_IS_SETTINGS_PAGE (self), FALSE);
  return priv->loading || priv->saving;
}

gboolean
kefu_settings_page_is_loading (KefuSettingsPage *self)
{
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);

  g_return_val_if_fail (KEFU_IS_SETTINGS_PAGE (self), FALSE);
  return priv->loading;
}

gboolean
kefu_settings_page_is_saving (KefuSettingsPage *self)
{
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);

  g_return_val_if_fail (KEFU_IS_SETTINGS_PAGE (self), FALSE);
  return priv->saving;
}

gboolean
kefu_settings_page_has_loaded (KefuSettingsPage *self)
{
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);

  g_return_val_if_fail (KEFU_IS_SETTINGS_PAGE (self), FALSE);
  return priv->loaded_once;
}

gboolean
kefu_settings_page_can_edit (KefuSettingsPage *self)
{
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);

  g_return_val_if_fail (KEFU_IS_SETTINGS_PAGE (self), FALSE);
  return priv->staff != NULL && kefu_role_can_edit_settings (kefu_staff_get_role (priv->staff));
}

static void
kefu_settings_page_dispose (GObject *object)
{
  KefuSettingsPage *self = KEFU_SETTINGS_PAGE (object);
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->store);
  g_clear_object (&priv->staff);

  G_OBJECT_CLASS (kefu_settings_page_parent_class)->dispose (object);
}

static void
kefu_settings_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuSettingsPage *self = KEFU_SETTINGS_PAGE (object);
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    case PROP_STAFF:
      g_value_set_object (value, priv->staff);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, priv->loading || priv->saving);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_settings_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KefuSettingsPage *self = KEFU_SETTINGS_PAGE (object);
  KefuSettingsPagePrivate *priv = kefu_settings_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&priv->store, g_value_get_object (value)))
        {
          priv->loaded_once = FALSE;
          kefu_settings_page_reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_STAFF:
      if (g_set_object (&priv->staff, g_value_get_object (value)))
        {
          update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_settings_page_class_init (KefuSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_settings_page_dispose;
  object_class->get_property = kefu_settings_page_get_property;
  object_class->set_property = kefu_settings_page_set_property;

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
}

static void
kefu_settings_page_init (KefuSettingsPage *self)
{
}
