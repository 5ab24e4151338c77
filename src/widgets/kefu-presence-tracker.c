/* kefu-presence-tracker.c: a record page's presence marks, its own and the others' (see
 * kefu-presence-tracker.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-presence"

#include "config.h"

#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-presence.h"

#include "kefu-presence-tracker.h"

struct _KefuPresenceTracker
{
  GObject       parent_instance;

  char         *entity;
  KefuStore    *store;
  gint64        entity_id;
  gboolean      editing;
  gboolean      marked;       /* a mark was written and not removed yet */
  char         *text;

  GCancellable *cancellable;
  guint         poll_source;
  guint         renew_source;
};

G_DEFINE_FINAL_TYPE (KefuPresenceTracker, kefu_presence_tracker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EDITING,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The worker's side */

typedef enum
{
  OP_MARK,
  OP_UNMARK,
  OP_LIST,
} Op;

typedef struct
{
  Op      op;
  char   *entity;
  gint64  entity_id;
} Job;

static void
job_free (Job *job)
{
  g_free (job->entity);
  g_free (job);
}

static Job *
job_new (KefuPresenceTracker *self,
         Op                   op)
{
  Job *job = g_new0 (Job, 1);

  job->op = op;
  job->entity = g_strdup (self->entity);
  job->entity_id = self->entity_id;
  return job;
}

static gpointer
job_func (KefuStore     *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Job *job = data;
  const char *workstation = kefu_store_get_workstation_id ();

  switch (job->op)
    {
    case OP_MARK:
      if (!kefu_store_mark_presence (store, job->entity, job->entity_id, workstation,
                                     cancellable, error))
        return NULL;
      return g_object_new (G_TYPE_OBJECT, NULL);
    case OP_UNMARK:
      if (!kefu_store_unmark_presence (store, job->entity, job->entity_id, workstation,
                                       cancellable, error))
        return NULL;
      return g_object_new (G_TYPE_OBJECT, NULL);
    case OP_LIST:
    default:
      return kefu_store_list_presence (store, job->entity, job->entity_id, cancellable, error);
    }
}

/* The page's side */

static void
set_text (KefuPresenceTracker *self,
          const char          *text)
{
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KefuPresenceTracker) self = user_data;
  g_autoptr(GListModel) marks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  marks = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (marks == NULL)
    {
      /* Presence is a courtesy: a failed read leaves the last word; the next poll tries again. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read who is editing: %s", error->message);
      return;
    }
  if (self->store != KEFU_STORE (object))
    return;
  now = g_date_time_new_now_utc ();
  text = kefu_presence_describe (marks, kefu_store_get_actor (self->store),
                                 kefu_store_get_workstation_id (), now);
  set_text (self, text);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GObject) done = NULL;
  g_autoptr(GError) error = NULL;

  done = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (done == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not write the presence mark: %s", error->message);
}

static void
run (KefuPresenceTracker *self,
     Op                   op)
{
  if (self->store == NULL || self->entity_id == 0)
    return;
  if (op == OP_LIST)
    kefu_store_run_async (self->store, job_func, job_new (self, op), (GDestroyNotify) job_free,
                          self->cancellable, list_cb, g_object_ref (self));
  else
    /* Never cancelled: a mark removed must be removed even as the page goes. */
    kefu_store_run_async (self->store, job_func, job_new (self, op), (GDestroyNotify) job_free,
                          NULL, write_cb, NULL);
}

static gboolean
poll_cb (gpointer user_data)
{
  run (KEFU_PRESENCE_TRACKER (user_data), OP_LIST);
  return G_SOURCE_CONTINUE;
}

static gboolean
renew_cb (gpointer user_data)
{
  KefuPresenceTracker *self = user_data;

  if (self->marked)
    run (self, OP_MARK);
  return G_SOURCE_CONTINUE;
}

static void
unmark (KefuPresenceTracker *self)
{
  g_clear_handle_id (&self->renew_source, g_source_remove);
  if (self->marked)
    run (self, OP_UNMARK);
  self->marked = FALSE;
}

static void
mark (KefuPresenceTracker *self)
{
  if (self->store == NULL || self->entity_id == 0)
    return;
  run (self, OP_MARK);
  self->marked = TRUE;
  if (self->renew_source == 0)
    self->renew_source = g_timeout_add_seconds (KEFU_PRESENCE_RENEW_SECONDS, renew_cb, self);
}

void
kefu_presence_tracker_set_record (KefuPresenceTracker *self,
                                  KefuStore           *store,
                                  gint64               entity_id)
{
  g_return_if_fail (KEFU_IS_PRESENCE_TRACKER (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (self->store == store && self->entity_id == entity_id)
    return;

  unmark (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_set_object (&self->store, store);
  self->entity_id = entity_id;
  set_text (self, NULL);
  if (store == NULL || entity_id == 0)
    return;

  self->cancellable = g_cancellable_new ();
  run (self, OP_LIST);
  self->poll_source = g_timeout_add_seconds (KEFU_PRESENCE_POLL_SECONDS, poll_cb, self);
  if (self->editing)
    mark (self);
}

void
kefu_presence_tracker_set_editing (KefuPresenceTracker *self,
                                   gboolean             editing)
{
  g_return_if_fail (KEFU_IS_PRESENCE_TRACKER (self));

  editing = !!editing;
  if (self->editing == editing)
    return;
  self->editing = editing;
  if (editing)
    mark (self);
  else
    unmark (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

gboolean
kefu_presence_tracker_get_editing (KefuPresenceTracker *self)
{
  g_return_val_if_fail (KEFU_IS_PRESENCE_TRACKER (self), FALSE);

  return self->editing;
}

const char *
kefu_presence_tracker_get_text (KefuPresenceTracker *self)
{
  g_return_val_if_fail (KEFU_IS_PRESENCE_TRACKER (self), NULL);

  return self->text;
}

void
kefu_presence_tracker_refresh (KefuPresenceTracker *self)
{
  g_return_if_fail (KEFU_IS_PRESENCE_TRACKER (self));

  run (self, OP_LIST);
}

static void
text_changed_cb (KefuPresenceTracker *self,
                 GParamSpec          *pspec,
                 AdwBanner           *banner)
{
  if (self->text != NULL)
    adw_banner_set_title (banner, self->text);
  adw_banner_set_revealed (banner, self->text != NULL);
}

void
kefu_presence_tracker_show_in_banner (KefuPresenceTracker *self,
                                      AdwBanner           *banner)
{
  g_return_if_fail (KEFU_IS_PRESENCE_TRACKER (self));
  g_return_if_fail (ADW_IS_BANNER (banner));

  g_signal_connect_object (self, "notify::text", G_CALLBACK (text_changed_cb), banner, 0);
  text_changed_cb (self, NULL, banner);
}

static void
dialog_closed_cb (KefuPresenceTracker *self,
                  AdwDialog           *dialog)
{
  kefu_presence_tracker_set_editing (self, FALSE);
}

void
kefu_presence_tracker_follow_dialog (KefuPresenceTracker *self,
                                     AdwDialog           *dialog)
{
  g_return_if_fail (KEFU_IS_PRESENCE_TRACKER (self));
  g_return_if_fail (ADW_IS_DIALOG (dialog));

  kefu_presence_tracker_set_editing (self, TRUE);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (dialog_closed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
kefu_presence_tracker_stop (KefuPresenceTracker *self)
{
  g_return_if_fail (KEFU_IS_PRESENCE_TRACKER (self));

  kefu_presence_tracker_set_record (self, NULL, 0);
}

static void
kefu_presence_tracker_dispose (GObject *object)
{
  KefuPresenceTracker *self = KEFU_PRESENCE_TRACKER (object);

  kefu_presence_tracker_set_record (self, NULL, 0);

  G_OBJECT_CLASS (kefu_presence_tracker_parent_class)->dispose (object);
}

static void
kefu_presence_tracker_finalize (GObject *object)
{
  KefuPresenceTracker *self = KEFU_PRESENCE_TRACKER (object);

  g_free (self->entity);
  g_free (self->text);

  G_OBJECT_CLASS (kefu_presence_tracker_parent_class)->finalize (object);
}

static void
kefu_presence_tracker_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KefuPresenceTracker *self = KEFU_PRESENCE_TRACKER (object);

  switch (prop_id)
    {
    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_presence_tracker_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KefuPresenceTracker *self = KEFU_PRESENCE_TRACKER (object);

  switch (prop_id)
    {
    case PROP_EDITING:
      kefu_presence_tracker_set_editing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_presence_tracker_class_init (KefuPresenceTrackerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_presence_tracker_dispose;
  object_class->finalize = kefu_presence_tracker_finalize;
  object_class->get_property = kefu_presence_tracker_get_property;
  object_class->set_property = kefu_presence_tracker_set_property;

  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_presence_tracker_init (KefuPresenceTracker *self)
{
}

KefuPresenceTracker *
kefu_presence_tracker_new (const char *entity)
{
  KefuPresenceTracker *self;

  g_return_val_if_fail (entity != NULL, NULL);

  self = g_object_new (KEFU_TYPE_PRESENCE_TRACKER, NULL);
  self->entity = g_strdup (entity);
  return self;
}
