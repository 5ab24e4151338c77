/* kefu-complaint-watcher.c: the escalation check on open and every minute, and the desktop
 * notifications of the complaints that concern who is working.
 *
 * One check is one job on the store's worker: the deadline check (which escalates, written by
 * the system actor), the notices since the last event seen, and the card of each notice's
 * complaint (for its reference and customer). The words are made on the main thread.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-watcher"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/kefu-enum-types.h"
#include "core/kefu-enums.h"
#include "core/kefu-settings-keys.h"
#include "store/kefu-store-complaints.h"

#include "kefu-complaint-watcher.h"

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


/* The value of a top-level key in the event details that the store writes (kefu-store-
 * complaints.h lists them): the text right after "key": up to the next , or }. A key inside a
 * text value cannot match, because quotes inside JSON strings are escaped. */
static char *
details_lookup (const char *details,
                const char *key)
{
  g_autofree char *needle = NULL;
  const char *p;

  if (details == NULL)
    return NULL;

  needle = g_strdup_printf ("\"%s\":", key);
  for (p = strstr (details, needle); p != NULL; p = strstr (p + 1, needle))
    {
      const char *value;
      const char *end;

      if (p == details || (p[-1] != '{' && p[-1] != ','))
        continue;

      value = p + strlen (needle);
      if (*value == '"')
        {
          g_autoptr(GString) text = g_string_new (NULL);

          for (end = value + 1; *end != '\0' && *end != '"'; end++)
            {
              if (*end == '\\' && end[1] != '\0')
                end++;
              g_string_append_c (text, *end);
            }
          return g_string_free (g_steal_pointer (&text), FALSE);
        }

      end = value + strcspn (value, ",}");
      return g_strndup (value, end - value);
    }

  return NULL;
}

/* The name of department `department_id` in a routing event's "departments" (or "added") list,
 * which the store writes as {"id":3,"name":"品控部"}. */
static char *
details_department_name (const char *details,
                         gint64      department_id)
{
  g_autofree char *needle = NULL;
  g_autofree char *object = NULL;
  const char *p;

  if (details == NULL || department_id <= 0)
    return NULL;

  needle = g_strdup_printf ("{\"id\":%" G_GINT64_FORMAT ",", department_id);
  p = strstr (details, needle);
  if (p == NULL)
    return NULL;

  /* The object alone, from its { to its }: names cannot hold an unescaped brace's quote. */
  object = g_strndup (p, strcspn (p, "}") + 1);
  return details_lookup (object, "name");
}

static const char *
deadline_words (const char *deadline)
{
  if (g_strcmp0 (deadline, "route") == 0)
    /* Translators: why a complaint was escalated, in a notification: "(routing late)". */
    return _("routing late");
  if (g_strcmp0 (deadline, "acknowledge") == 0)
    return _("acknowledgement late");
  if (g_strcmp0 (deadline, "resolve") == 0)
    return _("resolution late");
  if (g_strcmp0 (deadline, "callback") == 0)
    return _("callback late");
  return NULL;
}

/* "王女士: 牛奶有异味" — the customer and the first line of the reason. */
static char *
describe_complaint (KefuComplaintCard *card)
{
  const char *name;
  const char *reason;
  g_autofree char *line = NULL;

  if (card == NULL)
    return NULL;

  name = kefu_complaint_card_get_customer_name (card);
  reason = kefu_complaint_card_get_reason (card);
  if (reason != NULL)
    line = g_strndup (reason, strcspn (reason, "\r\n"));

  if (name != NULL && name[0] != '\0' && line != NULL && line[0] != '\0')
    /* Translators: the customer and what they complained about, in a notification. */
    return g_strdup_printf (_("%s: %s"), name, line);
  if (line != NULL && line[0] != '\0')
    return g_steal_pointer (&line);
  return g_strdup (name);
}

/* Lines joined with a line break, leaving out empty ones. */
static char *
join_lines (const char *first,
            const char *second)
{
  if (first == NULL || first[0] == '\0')
    return g_strdup (second);
  if (second == NULL || second[0] == '\0')
    return g_strdup (first);
  return g_strconcat (first, "\n", second, NULL);
}

gboolean
kefu_complaint_notice_describe (KefuEvent          *event,
                                KefuComplaintCard  *card,
                                gint64              department_id,
                                guint               batch_window_days,
                                char              **title,
                                char              **body,
                                gboolean           *urgent)
{
  const char *action;
  const char *details;
  const char *reference = NULL;
  g_autofree char *what = NULL;
  g_autofree char *routed_to = NULL;
  g_autofree char *fallback_reference = NULL;
  gboolean is_urgent;

  g_return_val_if_fail (KEFU_IS_EVENT (event), FALSE);
  g_return_val_if_fail (card == NULL || KEFU_IS_COMPLAINT_CARD (card), FALSE);
  g_return_val_if_fail (title != NULL && body != NULL, FALSE);

  *title = NULL;
  *body = NULL;

  action = kefu_event_get_action (event);
  details = kefu_event_get_details (event);
  if (action == NULL || g_strcmp0 (kefu_event_get_entity (event), "complaint") != 0)
    return FALSE;

  if (card != NULL)
    reference = kefu_complaint_card_get_reference (card);
  if (reference == NULL || reference[0] == '\0')
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, kefu_event_get_entity_id (event));

      /* Translators: a complaint whose reference number could not be read: "#42". */
      fallback_reference = g_strdup_printf (_("#%s"), number);
      reference = fallback_reference;
    }

  is_urgent = card != NULL && kefu_complaint_card_get_urgent (card);
  what = describe_complaint (card);
  if (card != NULL && kefu_complaint_card_get_departments (card) != NULL &&
      kefu_complaint_card_get_departments (card)[0] != '\0')
    /* Translators: a line of a notification; %s lists departments ("品控部、客服中心"). */
    routed_to = g_strdup_printf (_("Routed to %s"), kefu_complaint_card_get_departments (card));

  if (g_str_equal (action, "batch-flagged"))
    {
      g_autofree char *batch = details_lookup (details, "batch_number");
      g_autofree char *count_text = details_lookup (details, "count");
      guint count = count_text != NULL ? (guint) g_ascii_strtoull (count_text, NULL, 10) : 0;

      if (batch == NULL && card != NULL)
        batch = g_strdup (kefu_complaint_card_get_batch_number (card));
      if (batch == NULL)
        batch = g_strdup ("?");

      if (count > 0 && batch_window_days > 0)
        /* Translators: a notification title: a product batch number, how many complaints about it
         * and within how many days (the first %u: complaints, the second %u: days). */
        *title = g_strdup_printf (ngettext ("Batch %s flagged: %u complaints in %u days",
                                            "Batch %s flagged: %u complaints in %u days",
                                            batch_window_days),
                                  batch, count, batch_window_days);
      else
        /* Translators: a notification title; %s is a product batch number. */
        *title = g_strdup_printf (_("Batch %s flagged as a possible quality incident"), batch);
      {
        g_autofree char *latest = NULL;

        /* Translators: the body of a flagged-batch notification; %s is a complaint reference. */
        latest = g_strdup_printf (_("Latest complaint: %s"), reference);
        *body = join_lines (latest, what);
      }
      is_urgent = TRUE;
    }
  else if (g_str_equal (action, "escalated"))
    {
      g_autofree char *deadline = details_lookup (details, "deadline");
      g_autofree char *by_hand = details_lookup (details, "by_hand");
      const char *why = g_strcmp0 (by_hand, "true") == 0 ? _("by hand") : deadline_words (deadline);

      if (why != NULL)
        /* Translators: a notification title: a complaint reference and why it rose a level,
         * e.g. "Escalated to you: TS-20261127-0003 (acknowledgement late)". */
        *title = g_strdup_printf (_("Escalated to you: %s (%s)"), reference, why);
      else
        /* Translators: a notification title; %s is a complaint reference. */
        *title = g_strdup_printf (_("Escalated to you: %s"), reference);
      g_autofree char *role_nick = details_lookup (details, "role");
      g_autofree char *now_with = NULL;
      GEnumClass *roles = g_type_class_ref (KEFU_TYPE_ROLE);
      GEnumValue *role = role_nick != NULL ? g_enum_get_value_by_nick (roles, role_nick) : NULL;

      if (role != NULL)
        /* Translators: a line of an escalation notification; %s is a role ("CS manager"). */
        now_with = g_strdup_printf (_("Now with the %s"), kefu_role_get_display_name (role->value));
      g_type_class_unref (roles);
      *body = join_lines (what, now_with);
    }
  else if (is_urgent && (g_str_equal (action, "routed") || g_str_equal (action, "details-changed") ||
                         g_str_equal (action, "routes-changed")))
    {
      /* Translators: a notification title; %s is a complaint reference. The customer was harmed
       * or taken to hospital: the most urgent case. */
      *title = g_strdup_printf (_("Urgent: customer harmed — %s"), reference);
      *body = join_lines (what, routed_to);
    }
  else if (g_str_equal (action, "routed") || g_str_equal (action, "routes-changed"))
    {
      g_autofree char *mine = details_department_name (details, department_id);
      const char *departments = card != NULL ? kefu_complaint_card_get_departments (card) : NULL;

      /* The person's own department when the event names it, else every routed one. */
      if (mine != NULL && mine[0] != '\0')
        departments = mine;
      if (departments != NULL && departments[0] != '\0')
        /* Translators: a notification title: a complaint reference and the departments it went
         * to, e.g. "Complaint TS-20261127-0003 routed to 品控部". */
        *title = g_strdup_printf (_("Complaint %s routed to %s"), reference, departments);
      else
        /* Translators: a notification title; %s is a complaint reference. */
        *title = g_strdup_printf (_("Complaint %s routed to your department"), reference);
      *body = g_strdup (what);
    }
  else if (g_str_equal (action, "details-changed") || g_str_equal (action, "note"))
    return FALSE;
  else
    {
      /* Anything else the store says concerns this person: the stage it reached. */
      const char *stage = card != NULL
        ? kefu_complaint_stage_get_display_name (kefu_complaint_card_get_stage (card)) : NULL;

      if (stage == NULL)
        return FALSE;
      /* Translators: a notification title: a complaint reference and its stage ("Resolved"). */
      *title = g_strdup_printf (_("Complaint %s: %s"), reference, stage);
      *body = g_strdup (what);
    }

  if (urgent != NULL)
    *urgent = is_urgent;

  return TRUE;
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
  g_autofree char *id = NULL;
  gboolean urgent = FALSE;
  gint64 complaint_id = kefu_event_get_entity_id (event);

  gint64 department_id = self->staff != NULL ? kefu_staff_get_department_id (self->staff) : 0;

  if (!kefu_complaint_notice_describe (event, card, department_id, batch_window_days, &title,
                                       &body, &urgent))
    return;

  g_signal_emit (self, signals[SIGNAL_NOTICE], 0, complaint_id, kefu_event_get_id (event),
                 title, body, urgent);

  if (self->application != NULL)
    {
      g_autoptr(GNotification) notification = g_notification_new (title);
      if (body != NULL)
        g_notification_set_body (notification, body);
      /* Otherwise the application's icon, as for any notification of Kefu. */
      if (urgent)
        {
          g_autoptr(GIcon) icon = g_themed_icon_new ("dialog-warning-symbolic");

          g_notification_set_icon (notification, icon);
        }
      g_notification_set_priority (notification, urgent ? G_NOTIFICATION_PRIORITY_URGENT
                                                        : G_NOTIFICATION_PRIORITY_HIGH);
      g_notification_set_default_action_and_target (notification, "app.open-complaint", "x",
                                                    complaint_id);
      /* One notification per complaint: a later notice about it replaces the earlier one. */
      id = g_strdup_printf ("complaint-%" G_GINT64_FORMAT, complaint_id);
      g_application_send_notification (self->application, id, notification);
    }
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
