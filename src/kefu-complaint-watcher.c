/* kefu-complaint-watcher.c: the escalation check on open and every minute, and the desktop
 * notifications of the complaints that concern who is working.
 *
 * One check is one job on the store's worker: the deadline check (which escalates, written by
 * the system actor), the notices since the last event seen, and the card of each notice's
 * complaint (for its reference and customer). The words are made on the main thread
 * (kefu-complaint-watcher-notify.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-watcher"

#include "config.h"

#include "core/kefu-settings-keys.h"
#include "store/kefu-store-complaints.h"

#include "kefu-complaint-watcher-private.h"

#define DEFAULT_INTERVAL_SECONDS 60

struct _KefuComplaintWatcher
{
  GObject        parent_instance;

  KefuStore     *store;
  KefuStaff     *staff;
  GApplication  *application;
  guint          interval;

  GCancellable  *cancellable;
  guint          timeout_id;
  /* Bumped when the store or staff changes: a check started before is not this one's. */
  guint          generation;
  /* A check is running; `again` asks for one more once it is done. */
  guint          running : 1;
  guint          again : 1;
  /* kefu_store_get_description () → the last event id seen there (gint64 in a pointer-sized
   * box), for as long as the program runs. */
  GHashTable    *last_event_ids;
};

G_DEFINE_FINAL_TYPE (KefuComplaintWatcher, kefu_complaint_watcher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_APPLICATION,
  PROP_INTERVAL,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_NOTICE,
  SIGNAL_CHECKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One check, shared by the worker (which fills the results) and the callback (which reads them
 * once the task has returned). */
typedef struct
{
  gint64     staff_id;
  gint64     after_event_id;
  /* Results. */
  guint      n_escalated;
  gint64     last_event_id;
  guint      batch_window_days;
  GPtrArray *cards;           /* KefuComplaintCard or NULL, one per notice */
} CheckJob;

static void
check_job_clear (CheckJob *job)
{
  g_clear_pointer (&job->cards, g_ptr_array_unref);
}

static void
check_job_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify) check_job_clear);
}

typedef struct
{
  GWeakRef   watcher;
  CheckJob  *job;
  char      *database;
  guint      generation;
} CheckRequest;

static void
check_request_free (CheckRequest *request)
{
  g_weak_ref_clear (&request->watcher);
  check_job_release (request->job);
  g_free (request->database);
  g_free (request);
}

static gpointer
check_func (KefuStore     *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  CheckJob *job = data;
  g_autoptr(GListModel) notices = NULL;
  g_autofree char *window_text = NULL;
  guint n;

  if (!kefu_store_check_complaint_deadlines (store, NULL, &job->n_escalated, cancellable, error))
    return NULL;

  notices = kefu_store_list_complaint_notices (store, job->staff_id, job->after_event_id,
                                               &job->last_event_id, cancellable, error);
  if (notices == NULL)
    return NULL;

  /* The batch window for the words of a flagged batch; the default when it cannot be read. */
  window_text = kefu_store_get_setting (store, KEFU_SETTING_BATCH_WINDOW_DAYS, cancellable, NULL);
  if (window_text == NULL ||
      !kefu_setting_parse_count (window_text, 1, 366, &job->batch_window_days, NULL))
    kefu_setting_parse_count (kefu_setting_get_default (KEFU_SETTING_BATCH_WINDOW_DAYS), 1, 366,
                              &job->batch_window_days, NULL);

  n = g_list_model_get_n_items (notices);
  job->cards = g_ptr_array_new_full (n, (GDestroyNotify) g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (notices, i);
      g_autoptr(GError) card_error = NULL;
      KefuComplaintCard *card;

      card = kefu_store_get_complaint_card (store, kefu_event_get_entity_id (event), cancellable,
                                            &card_error);
      if (g_error_matches (card_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&card_error));
          return NULL;
        }
      /* A card that cannot be read still gets its notice, by number. */
      if (card == NULL)
        g_debug ("Could not read complaint %" G_GINT64_FORMAT ": %s",
                 kefu_event_get_entity_id (event), card_error ? card_error->message : "");
      g_ptr_array_add (job->cards, card);
    }

  return g_steal_pointer (&notices);
}

static void
send_notice (KefuComplaintWatcher *self,
             KefuEvent            *event,
             KefuComplaintCard    *card,
             guint                 batch_window_days)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  gboolean urgent = FALSE;
  gint64 complaint_id = kefu_event_get_entity_id (event);

  gint64 department_id = self->staff != NULL ? kefu_staff_get_department_id (self->staff) : 0;

  if (!kefu_complaint_notice_describe (event, card, department_id, batch_window_days, &title,
                                       &body, &urgent))
    return;

  g_signal_emit (self, signals[SIGNAL_NOTICE], 0, complaint_id, kefu_event_get_id (event),
                 title, body, urgent);

  if (self->application != NULL)
    _kefu_complaint_notice_send (self->application, complaint_id, title, body, urgent);
}

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CheckRequest *request = user_data;
  g_autoptr(KefuComplaintWatcher) self = g_weak_ref_get (&request->watcher);
  g_autoptr(GListModel) notices = NULL;
  g_autoptr(GError) error = NULL;
  CheckJob *job = request->job;
  gboolean changed;
  guint n_escalated;
  gint64 staff_id;

  notices = kefu_store_run_finish (KEFU_STORE (object), result, &error);

  /* A check of a store the watcher no longer watches is dropped, as is a cancelled one (the
   * watcher has started another, or is gone). */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      request->generation != self->generation)
    {
      check_request_free (request);
      return;
    }

  staff_id = self->staff != NULL ? kefu_record_get_id (KEFU_RECORD (self->staff)) : 0;

  if (error != NULL)
    {
      /* A check that failed (a read-only database, a lost connection) is tried again at the
       * next tick; the board itself shows why the database cannot be read. */
      g_message ("Could not check the complaint deadlines: %s", error->message);
      changed = FALSE;
    }
  else
    {
      gboolean first = job->after_event_id < 0;

      changed = job->n_escalated > 0 ||
                (!first && notices != NULL && job->last_event_id > job->after_event_id);

      if (notices != NULL)
        g_hash_table_insert (self->last_event_ids, g_strdup (request->database),
                             g_memdup2 (&job->last_event_id, sizeof job->last_event_id));

      /* Notices for someone who is no longer working here are not theirs to see. */
      if (notices != NULL && job->staff_id == staff_id)
        {
          guint n = g_list_model_get_n_items (notices);

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(KefuEvent) event = g_list_model_get_item (notices, i);

              /* Nobody is told what they did themselves. */
              if (kefu_event_get_staff_id (event) == staff_id)
                continue;
              send_notice (self, event, i < job->cards->len ? job->cards->pdata[i] : NULL,
                           job->batch_window_days);
            }
        }
    }

  n_escalated = error == NULL ? job->n_escalated : 0;
  check_request_free (request);

  self->running = FALSE;
  g_signal_emit (self, signals[SIGNAL_CHECKED], 0, n_escalated, changed);

  if (self->again && self->store != NULL && self->staff != NULL)
    {
      self->again = FALSE;
      kefu_complaint_watcher_check (self);
    }
  else
    {
      self->again = FALSE;
      /* "busy" goes down last, so that whoever waits on it sees the check's results. */
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static gboolean
tick_cb (gpointer user_data)
{
  KefuComplaintWatcher *self = user_data;

  kefu_complaint_watcher_check (self);

  return G_SOURCE_CONTINUE;
}

/* The periodic check runs while there is a store to check. */
static void
schedule (KefuComplaintWatcher *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->store != NULL && self->interval > 0)
    self->timeout_id = g_timeout_add_seconds (self->interval, tick_cb, self);
}

/* A new store or someone else working: whatever runs is for the old one. */
static void
restart (KefuComplaintWatcher *self)
{
  gboolean was_busy = kefu_complaint_watcher_get_busy (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  self->running = FALSE;
  self->again = FALSE;

  schedule (self);
  if (self->store != NULL && self->staff != NULL)
    kefu_complaint_watcher_check (self);
  else if (was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
kefu_complaint_watcher_dispose (GObject *object)
{
  KefuComplaintWatcher *self = KEFU_COMPLAINT_WATCHER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->staff);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (kefu_complaint_watcher_parent_class)->dispose (object);
}

static void
kefu_complaint_watcher_finalize (GObject *object)
{
  KefuComplaintWatcher *self = KEFU_COMPLAINT_WATCHER (object);

  g_hash_table_unref (self->last_event_ids);

  G_OBJECT_CLASS (kefu_complaint_watcher_parent_class)->finalize (object);
}

static void
kefu_complaint_watcher_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  KefuComplaintWatcher *self = KEFU_COMPLAINT_WATCHER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;

    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;

    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, kefu_complaint_watcher_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_watcher_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  KefuComplaintWatcher *self = KEFU_COMPLAINT_WATCHER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          restart (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_STAFF:
      if (g_set_object (&self->staff, g_value_get_object (value)))
        {
          /* Someone else's notices: read from where the log stands, at once. */
          restart (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_APPLICATION:
      if (g_set_object (&self->application, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_INTERVAL:
      if (self->interval != g_value_get_uint (value))
        {
          self->interval = g_value_get_uint (value);
          schedule (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_watcher_class_init (KefuComplaintWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_complaint_watcher_dispose;
  object_class->finalize = kefu_complaint_watcher_finalize;
  object_class->get_property = kefu_complaint_watcher_get_property;
  object_class->set_property = kefu_complaint_watcher_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, G_TYPE_APPLICATION,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 0, G_MAXUINT, DEFAULT_INTERVAL_SECONDS,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_NOTICE] =
    g_signal_new ("notice", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 5, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING,
                  G_TYPE_BOOLEAN);
  signals[SIGNAL_CHECKED] =
    g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);
}

static void
kefu_complaint_watcher_init (KefuComplaintWatcher *self)
{
  self->interval = DEFAULT_INTERVAL_SECONDS;
  self->last_event_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

KefuComplaintWatcher *
kefu_complaint_watcher_new (void)
{
  return g_object_new (KEFU_TYPE_COMPLAINT_WATCHER, NULL);
}

gboolean
kefu_complaint_watcher_get_busy (KefuComplaintWatcher *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_WATCHER (self), FALSE);

  return self->running;
}

void
kefu_complaint_watcher_check (KefuComplaintWatcher *self)
{
  CheckRequest *request;
  CheckJob *job;
  gint64 *last;

  g_return_if_fail (KEFU_IS_COMPLAINT_WATCHER (self));

  /* The check writes escalations, which need someone working (the store's actor). */
  if (self->store == NULL || self->staff == NULL)
    return;

  /* Never two at once: the running one is followed by one more. */
  if (self->running)
    {
      self->again = TRUE;
      return;
    }

  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  job = g_atomic_rc_box_new0 (CheckJob);
  job->staff_id = self->staff != NULL ? kefu_record_get_id (KEFU_RECORD (self->staff)) : 0;
  last = g_hash_table_lookup (self->last_event_ids, kefu_store_get_description (self->store));
  job->after_event_id = last != NULL ? *last : -1;
  job->last_event_id = job->after_event_id;

  request = g_new0 (CheckRequest, 1);
  g_weak_ref_init (&request->watcher, self);
  request->job = g_atomic_rc_box_acquire (job);
  request->database = g_strdup (kefu_store_get_description (self->store));
  request->generation = self->generation;

  self->running = TRUE;
  kefu_store_run_async (self->store, check_func, job, check_job_release, self->cancellable,
                        check_cb, request);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}
