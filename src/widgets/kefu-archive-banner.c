/* kefu-archive-banner.c: the "Archived" banner and the archive confirmation
 * (kefu-archive-banner.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-archive-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-roles.h"

#include "kefu-archive-banner.h"

struct _KefuArchiveBanner
{
  AdwBin            parent_instance;

  AdwBanner        *banner;
  KefuStore        *store;
  KefuArchiveKind   kind;
  gint64            id;
  KefuArchiveState  state;
  GCancellable     *cancellable;
  gboolean          busy;
  /* Whether the staff member working may archive and restore (kefu_role_can_archive_records ()),
   * as read with the state. */
  gboolean          may_archive;
};

G_DEFINE_FINAL_TYPE (KefuArchiveBanner, kefu_archive_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ARCHIVED,
  PROP_CAN_ARCHIVE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_state (KefuArchiveBanner *self)
{
  g_autofree char *title = NULL;

  if (self->state.archived && self->state.archived_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->state.archived_at);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");

      /* Translators: the banner of an archived record; the first %s is a date and time, the
       * second the staff member who archived it. */
      title = g_strdup_printf (_("Archived on %s by %s. It is not in the working lists."), when,
                               self->state.archived_by_name != NULL
                                 ? self->state.archived_by_name : "");
    }
  adw_banner_set_title (self->banner, title != NULL ? title : "");
  /* Restore is offered only to those who may; the others read the banner. */
  adw_banner_set_button_label (self->banner, self->may_archive ? _("_Restore") : NULL);
  adw_banner_set_revealed (self->banner, self->state.archived);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ARCHIVE]);
}

typedef struct
{
  KefuArchiveKind kind;
  gint64          id;
} StateRequest;

static gpointer
read_state_func (KefuStore     *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  StateRequest *request = data;
  KefuArchiveState *state = g_new0 (KefuArchiveState, 1);
  GObject *answer;

  if (!kefu_store_get_archive_state (store, request->kind, request->id, state, cancellable,
                                     error))
    {
      g_free (state);
      return NULL;
    }
  answer = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data_full (answer, "kefu-archive-state", state, (GDestroyNotify) g_free);
  /* Who works now decides whether Archive… and Restore are offered. Not knowing (no one chosen
   * yet) offers neither; the store checks again when one is used. */
  {
    g_autoptr(KefuStaff) staff = NULL;
    gint64 actor = kefu_store_get_actor (store);

    if (actor > 0)
      staff = kefu_store_get_staff (store, actor, cancellable, NULL);
    g_object_set_data (answer, "kefu-may-archive",
                       GINT_TO_POINTER (staff != NULL &&
                                        kefu_role_can_archive_records (kefu_staff_get_role (staff))));
  }
  return answer;
}

static void
state_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KefuArchiveBanner) self = user_data;
  g_autoptr(GObject) answer = NULL;
  g_autoptr(GError) error = NULL;
  KefuArchiveState *state;

  answer = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  /* A read that finished after the banner was disposed (its page went away) says nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    return;
  if (answer == NULL)
    {
      g_debug ("Could not read whether the record is archived: %s", error->message);
      return;
    }
  state = g_object_get_data (answer, "kefu-archive-state");
  self->may_archive = GPOINTER_TO_INT (g_object_get_data (answer, "kefu-may-archive"));
  kefu_archive_state_clear (&self->state);
  self->state = *state;
  /* The banner took the state's time and name. */
  *state = (KefuArchiveState) { 0 };
  show_state (self);
}

void
kefu_archive_banner_reload (KefuArchiveBanner *self)
{
  StateRequest *request;

  g_return_if_fail (KEFU_IS_ARCHIVE_BANNER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL || self->id <= 0)
    return;
  self->cancellable = g_cancellable_new ();
  request = g_new0 (StateRequest, 1);
  *request = (StateRequest) { self->kind, self->id };
  kefu_store_run_async (self->store, read_state_func, request, g_free, self->cancellable,
                        state_read_cb, g_object_ref (self));
}

void
kefu_archive_banner_set_record (KefuArchiveBanner *self,
                                KefuStore         *store,
                                KefuArchiveKind    kind,
                                gint64             id)
{
  g_return_if_fail (KEFU_IS_ARCHIVE_BANNER (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  g_set_object (&self->store, store);
  self->kind = kind;
  self->id = id;
  kefu_archive_state_clear (&self->state);
  show_state (self);
  kefu_archive_banner_reload (self);
}

gint64
kefu_archive_banner_get_version (KefuArchiveBanner *self)
{
  g_return_val_if_fail (KEFU_IS_ARCHIVE_BANNER (self), 0);

  return self->state.version;
}

gboolean
kefu_archive_banner_get_can_archive (KefuArchiveBanner *self)
{
  g_return_val_if_fail (KEFU_IS_ARCHIVE_BANNER (self), FALSE);

  return self->may_archive && self->id > 0 && !self->state.archived;
}

gboolean
kefu_archive_banner_get_archived (KefuArchiveBanner *self)
{
  g_return_val_if_fail (KEFU_IS_ARCHIVE_BANNER (self), FALSE);

  return self->state.archived;
}

static void
changed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KefuArchiveBanner) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 version;

  self->busy = FALSE;
  version = kefu_store_archive_record_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    return;
  if (version == 0)
    {
      AdwDialog *alert = adw_alert_dialog_new (_("Not Changed"), error->message);

      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
      if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
        adw_dialog_present (alert, GTK_WIDGET (self));
      else
        g_object_ref_sink (alert), g_object_unref (alert);
    }
  else
    g_signal_emit (self, signals[CHANGED], 0, version);
  kefu_archive_banner_reload (self);
}

static void
change (KefuArchiveBanner *self,
        gboolean           restore)
{
  if (self->store == NULL || self->id <= 0 || self->busy)
    return;
  self->busy = TRUE;
  kefu_store_archive_record_async (self->store, self->kind, self->id, self->state.version,
                                   restore, NULL, changed_cb, g_object_ref (self));
}

static void
restore_clicked_cb (KefuArchiveBanner *self)
{
  change (self, TRUE);
}

static void
confirm_response_cb (AdwAlertDialog    *dialog,
                     const char        *response,
                     KefuArchiveBanner *self)
{
  if (g_strcmp0 (response, "archive") == 0)
    change (self, FALSE);
}

static const char *
confirm_title (KefuArchiveKind kind)
{
  switch (kind)
    {
    case KEFU_ARCHIVE_CUSTOMER:
      return _("Archive This Customer?");
    case KEFU_ARCHIVE_COMPLAINT:
      return _("Archive This Complaint?");
    case KEFU_ARCHIVE_SHIPMENT:
      return _("Archive This Shipment?");
    case KEFU_ARCHIVE_SERVICE_JOB:
      return _("Archive This Service Job?");
    case KEFU_ARCHIVE_CALLBACK:
    default:
      return _("Archive This Callback?");
    }
}

void
kefu_archive_banner_archive (KefuArchiveBanner *self)
{
  AdwDialog *dialog;

  g_return_if_fail (KEFU_IS_ARCHIVE_BANNER (self));

  if (self->store == NULL || self->id <= 0 || self->state.archived)
    return;
  dialog = adw_alert_dialog_new (confirm_title (self->kind),
                                 _("It leaves the working lists and their counts. Nothing is "
                                   "deleted: it stays in the history, the reports and the "
                                   "customer’s history, and a team lead or the CS manager can "
                                   "restore it from its page."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "archive", _("_Archive"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "archive",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
kefu_archive_banner_dispose (GObject *object)
{
  KefuArchiveBanner *self = KEFU_ARCHIVE_BANNER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  kefu_archive_state_clear (&self->state);

  G_OBJECT_CLASS (kefu_archive_banner_parent_class)->dispose (object);
}

static void
kefu_archive_banner_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KefuArchiveBanner *self = KEFU_ARCHIVE_BANNER (object);

  switch (prop_id)
    {
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->state.archived);
      break;

    case PROP_CAN_ARCHIVE:
      g_value_set_boolean (value, kefu_archive_banner_get_can_archive (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_archive_banner_class_init (KefuArchiveBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_archive_banner_dispose;
  object_class->get_property = kefu_archive_banner_get_property;

  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_ARCHIVE] =
    g_param_spec_boolean ("can-archive", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuArchiveBanner::changed:
   * @version: the record's version after the change
   *
   * The record was archived or restored.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
kefu_archive_banner_init (KefuArchiveBanner *self)
{
  self->banner = ADW_BANNER (adw_banner_new (""));
  adw_banner_set_revealed (self->banner, FALSE);
  g_signal_connect_object (self->banner, "button-clicked", G_CALLBACK (restore_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->banner));
}

GtkWidget *
kefu_archive_banner_new (void)
{
  return g_object_new (KEFU_TYPE_ARCHIVE_BANNER, NULL);
}
