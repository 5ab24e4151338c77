/* kefu-record-loader.c: the reading of a detail page's record, shared by the complaint,
 * shipment and service job pages.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-record-loader"

#include "config.h"

#include "core/kefu-staff.h"

#include "kefu-list-loader.h"
#include "kefu-record-loader.h"

struct _KefuRecordLoader
{
  GObject                      parent_instance;

  GtkWidget                   *owner;
  const KefuRecordLoaderFuncs *funcs;
  GtkStack                    *stack;
  char                        *record_page;
  AdwStatusPage               *error_page;
  AdwToastOverlay             *toast_overlay;
  GParamSpec                  *busy_pspec;

  GCancellable                *cancellable;
  gboolean                     acting;
  gboolean                     busy;
};

G_DEFINE_FINAL_TYPE (KefuRecordLoader, kefu_record_loader, G_TYPE_OBJECT)

static void
update_busy (KefuRecordLoader *self)
{
  gboolean busy = self->cancellable != NULL || self->acting;

  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self->owner), self->busy_pspec);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KefuRecordLoader) self = user_data;
  g_autoptr(GObject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  /* The reference kefu_record_loader_load () took: the page stays while its read is under
   * way. */
  g_autoptr(GtkWidget) owner = self->owner;

  loaded = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  /* Cancelled: a newer read or the page went away. Never an error. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (loaded == NULL)
    {
      if (self->funcs->failed != NULL)
        self->funcs->failed (owner);
      /* A page already showing its record keeps it, and says what went wrong. */
      if (self->funcs->has_record (owner))
        kefu_toast_overlay_add_error (self->toast_overlay, error->message);
      else
        kefu_list_loader_show_error (self->stack, self->error_page, error->message);
      update_busy (self);
      return;
    }

  self->funcs->show (owner, loaded);
  gtk_stack_set_visible_child_name (self->stack, self->record_page);
  update_busy (self);
}

void
kefu_record_loader_load (KefuRecordLoader *self,
                         KefuStore        *store,
                         gint64            id)
{
  gint64 *data;

  g_return_if_fail (KEFU_IS_RECORD_LOADER (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (store == NULL || id <= 0)
    {
      update_busy (self);
      return;
    }

  if (!self->funcs->has_record (self->owner))
    gtk_stack_set_visible_child_name (self->stack, "loading");

  data = g_new (gint64, 1);
  *data = id;
  self->cancellable = g_cancellable_new ();
  update_busy (self);
  g_object_ref (self->owner);
  kefu_store_run_async (store, self->funcs->load, data, g_free, self->cancellable, load_cb,
                        g_object_ref (self));
}

void
kefu_record_loader_release (KefuRecordLoader *self)
{
  g_return_if_fail (KEFU_IS_RECORD_LOADER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_object_unref (self);
}

gboolean
kefu_record_loader_get_busy (KefuRecordLoader *self)
{
  /* The page's "busy" may be read after its dispose released the loader: nothing is read. */
  if (self == NULL)
    return FALSE;
  g_return_val_if_fail (KEFU_IS_RECORD_LOADER (self), FALSE);

  return self->busy;
}

void
kefu_record_loader_set_acting (KefuRecordLoader *self,
                               gboolean          acting)
{
  g_return_if_fail (KEFU_IS_RECORD_LOADER (self));

  self->acting = !!acting;
  update_busy (self);
}

static void
kefu_record_loader_finalize (GObject *object)
{
  KefuRecordLoader *self = KEFU_RECORD_LOADER (object);

  g_clear_object (&self->cancellable);
  g_free (self->record_page);

  G_OBJECT_CLASS (kefu_record_loader_parent_class)->finalize (object);
}

static void
kefu_record_loader_class_init (KefuRecordLoaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_record_loader_finalize;
}

static void
kefu_record_loader_init (KefuRecordLoader *self)
{
}

KefuRecordLoader *
kefu_record_loader_new (GtkWidget                   *owner,
                        const KefuRecordLoaderFuncs *funcs,
                        GtkStack                    *stack,
                        const char                  *record_page,
                        AdwStatusPage               *error_page,
                        AdwToastOverlay             *toast_overlay,
                        GParamSpec                  *busy)
{
  KefuRecordLoader *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (funcs != NULL && funcs->load != NULL, NULL);
  g_return_val_if_fail (funcs->has_record != NULL && funcs->show != NULL, NULL);
  g_return_val_if_fail (GTK_IS_STACK (stack), NULL);
  g_return_val_if_fail (record_page != NULL, NULL);
  g_return_val_if_fail (busy != NULL, NULL);

  self = g_object_new (KEFU_TYPE_RECORD_LOADER, NULL);
  self->owner = owner;
  self->funcs = funcs;
  self->stack = stack;
  self->record_page = g_strdup (record_page);
  self->error_page = error_page;
  self->toast_overlay = toast_overlay;
  self->busy_pspec = busy;
  return self;
}

void
kefu_record_loader_install_properties (GObjectClass *klass,
                                       GParamSpec   *properties[5],
                                       const char   *id_name)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (klass));
  g_return_if_fail (id_name != NULL);

  properties[0] = NULL;
  properties[1] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[2] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[3] =
    g_param_spec_int64 (id_name, NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[4] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (klass, 5, properties);
}
