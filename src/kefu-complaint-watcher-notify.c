/* kefu-complaint-watcher-notify.c: the words of a complaint notice (from the event the store
 * logged and the complaint's card) and the desktop notification that carries them.
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

#include "kefu-complaint-watcher-private.h"

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

void
_kefu_complaint_notice_send (GApplication *application,
                             gint64        complaint_id,
                             const char   *title,
                             const char   *body,
                             gboolean      urgent)
{
  g_autoptr(GNotification) notification = g_notification_new (title);
  g_autofree char *id = NULL;

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
  g_application_send_notification (application, id, notification);
}
