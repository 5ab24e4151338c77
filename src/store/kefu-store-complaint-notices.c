/* kefu-store-complaint-notices.c: which new complaint events a workstation turns into desktop
 * notifications for the person working at it: a complaint routed to their department (at intake,
 * by a lead, or added to its routes), a harmed customer's complaint (routed, or found harmed
 * later) for the CS manager, the GM office and the departments on it, an escalation to their level (the owner's team lead, the CS manager, the GM office) and
 * a flagged batch for the QC manager. The events are read by id, a short range since the last
 * call; who is concerned is decided here from the details the writes put in each event.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include "core/kefu-enums.h"
#include "kefu-store-complaints-private.h"

/* Our own event details are written by _kefu_json_append_string (), which escapes every quote
 * inside a string: a key followed by its colon ("added":) can therefore only be a key, never
 * part of a name, and is found by plain search. */

/* The end of the JSON value at `p` ('[' or '{'), skipping strings; NULL when it is cut short. */
static const char *
json_skip_container (const char *p)
{
  int depth = 0;

  for (; *p != '\0'; p++)
    {
      if (*p == '"')
        {
          for (p++; *p != '\0' && *p != '"'; p++)
            if (*p == '\\' && p[1] != '\0')
              p++;
          if (*p == '\0')
            return NULL;
        }
      else if (*p == '[' || *p == '{')
        depth++;
      else if ((*p == ']' || *p == '}') && --depth == 0)
        return p;
    }
  return NULL;
}

/* The department ids under `key`: an array of numbers ([3,5]) or of objects with an "id"
 * ([{"id":3,"name":"品控部"}]). */
static GArray *
json_department_ids (const char *json,
                     const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\":[", key);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *start;
  const char *end;

  if (json == NULL || (start = strstr (json, needle)) == NULL)
    return ids;
  start += strlen (needle) - 1;
  end = json_skip_container (start);
  if (end == NULL)
    return ids;

  for (const char *p = start + 1; p < end; p++)
    {
      if (*p == '"')
        {
          if (strncmp (p, "\"id\":", 5) == 0)
            {
              gint64 id = g_ascii_strtoll (p + 5, NULL, 10);

              g_array_append_val (ids, id);
              p += 4;
              continue;
            }
          for (p++; p < end && *p != '"'; p++)
            if (*p == '\\')
              p++;
        }
      else if (g_ascii_isdigit (*p) && (p[-1] == '[' || p[-1] == ','))
        {
          char *after = NULL;
          gint64 id = g_ascii_strtoll (p, &after, 10);

          g_array_append_val (ids, id);
          p = after - 1;
        }
    }
  return ids;
}

static gint64
json_int (const char *json,
          const char *key,
          gint64      fallback)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\":", key);
  const char *p = json != NULL ? strstr (json, needle) : NULL;

  return p != NULL ? g_ascii_strtoll (p + strlen (needle), NULL, 10) : fallback;
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

typedef struct
{
  gint64   staff_id;
  KefuRole role;
  gint64   department_id;   /* 0: none */
} Reader;

/* The complaint events are on entity "complaint" (kefu-store-complaints.h); a complaint routed
 * at intake has its "routed" event too. */

/* Columns of NOTICES_SQL from 8 on: the complaint's urgent flag, its owner's department, whether
 * it is routed to the reader's department now. */
static gboolean
concerns (const Reader *reader,
          KefuRows     *rows,
          guint         row)
{
  const char *action = kefu_rows_get_text (rows, row, 6);
  const char *details = kefu_rows_get_text (rows, row, 7);
  gboolean manager = reader->role == KEFU_ROLE_CS_MANAGER || reader->role == KEFU_ROLE_GM_OFFICE;

  /* Nobody is told what they did themselves. */
  if (kefu_rows_get_int (rows, row, 2) == reader->staff_id)
    return FALSE;

  if (g_str_equal (action, "routed") || g_str_equal (action, "routes-changed"))
    {
      gboolean routed = g_str_equal (action, "routed");
      g_autoptr(GArray) ids = json_department_ids (details, routed ? "departments" : "added");
      gboolean urgent = kefu_rows_get_bool (rows, row, 8) || strstr (details, "\"urgent\":true");

      if (reader->department_id > 0 && ids_contain (ids, reader->department_id))
        return TRUE;
      /* A harmed customer is the most urgent case there is: the managers hear of it when it
       * reaches anyone, whoever it was routed to. */
      return manager && urgent && routed;
    }

  if (g_str_equal (action, "escalated"))
    {
      KefuEscalationLevel level = (KefuEscalationLevel) json_int (details, "level", 0);
      gint64 owner_department = kefu_rows_get_int (rows, row, 9);

      switch (level)
        {
        case KEFU_ESCALATION_TEAM_LEAD:
          /* The owner's own team lead, not every lead of the company. */
          return reader->role == KEFU_ROLE_TEAM_LEAD && reader->department_id > 0 &&
                 reader->department_id == owner_department;
        case KEFU_ESCALATION_CS_MANAGER:
          return reader->role == KEFU_ROLE_CS_MANAGER;
        case KEFU_ESCALATION_GM_OFFICE:
          return reader->role == KEFU_ROLE_GM_OFFICE;
        case KEFU_ESCALATION_NONE:
        default:
          return FALSE;
        }
    }

  if (g_str_equal (action, "batch-flagged"))
    return reader->role == KEFU_ROLE_QC_MANAGER;

  /* A customer found to be harmed after the call: the managers and the departments working on
   * it must know at once (the edit marks such a change with "urgent"). */
  if (g_str_equal (action, "details-changed"))
    return strstr (details, "\"urgent\":true") != NULL &&
           (manager || kefu_rows_get_bool (rows, row, 10));

  return FALSE;
}

/* On PostgreSQL the events are read through kefu_entity_events_between () and
 * kefu_last_event_id () (schema step 7): only managers may read the events table itself. */
#define NOTICES_SQL(source) \
  "SELECT events.id, events.created_at, events.staff_id, actor.name, events.entity, " \
  "events.entity_id, events.action, events.details, complaints.urgent, owner.department_id, " \
  "EXISTS (SELECT 1 FROM complaint_routes WHERE complaint_routes.complaint_id = complaints.id " \
  "        AND complaint_routes.department_id = $3) " \
  "FROM " source " LEFT JOIN staff AS actor ON actor.id = events.staff_id " \
  "LEFT JOIN complaints ON complaints.id = events.entity_id " \
  "LEFT JOIN staff AS owner ON owner.id = complaints.owner_id " \
  "WHERE events.id > $1 AND events.id <= $2 AND events.entity = 'complaint' " \
  "AND events.action IN ('routed', 'routes-changed', 'escalated', 'batch-flagged', " \
  "                      'details-changed') " \
  "ORDER BY events.id"

/**
 * kefu_store_list_complaint_notices:
 * @staff_id: who is working at this workstation
 * @after_event_id: the @last_event_id of the previous call; -1 the first time
 * @last_event_id: (out): the newest event id seen, for the next call
 *
 * Returns: (transfer full): a #GListModel of #KefuEvent that concern @staff_id, oldest first
 *   (empty on the first call, which only sets @last_event_id)
 */
GListModel *
kefu_store_list_complaint_notices (KefuStore     *self,
                                   gint64         staff_id,
                                   gint64         after_event_id,
                                   gint64        *last_event_id,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(KefuRows) newest = NULL;
  g_autoptr(KefuRows) staff = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GListStore) list = NULL;
  Reader reader = { .staff_id = staff_id };
  gint64 max_id;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (last_event_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The upper bound is read first, so that events written meanwhile wait for the next call
   * rather than being skipped. */
  newest = _kefu_store_query (self,
                              kefu_store_get_backend (self) == KEFU_STORE_BACKEND_SQLITE
                              ? "SELECT COALESCE(MAX(id), 0) FROM events"
                              : "SELECT kefu_last_event_id ()",
                              NULL, cancellable, error);
  if (newest == NULL)
    return NULL;
  max_id = kefu_rows_get_int (newest, 0, 0);
  list = g_list_store_new (KEFU_TYPE_EVENT);
  if (after_event_id < 0 || max_id <= after_event_id)
    {
      *last_event_id = MAX (max_id, after_event_id);
      return G_LIST_MODEL (g_steal_pointer (&list));
    }

  staff = _kefu_store_query (self, "SELECT role, department_id FROM staff WHERE id = $1",
                             g_variant_new ("(x)", staff_id), cancellable, error);
  if (staff == NULL)
    return NULL;
  if (kefu_rows_get_n_rows (staff) == 0)
    {
      /* Someone who is not (or no longer) on the staff list is told nothing. */
      *last_event_id = max_id;
      return G_LIST_MODEL (g_steal_pointer (&list));
    }
  reader.role = _kefu_store_enum_from_nick (KEFU_TYPE_ROLE, kefu_rows_get_text (staff, 0, 0),
                                            KEFU_ROLE_CLERK);
  reader.department_id = kefu_rows_get_int (staff, 0, 1);

  rows = _kefu_store_query (self,
                            kefu_store_get_backend (self) == KEFU_STORE_BACKEND_SQLITE
                            ? NOTICES_SQL ("events")
                            : NOTICES_SQL ("kefu_entity_events_between ('complaint', $1, $2) "
                                           "AS events"),
                            g_variant_new ("(xxx)", after_event_id, max_id, reader.department_id),
                            cancellable, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autoptr(GDateTime) created_at = NULL;
      g_autoptr(KefuEvent) event = NULL;

      if (!concerns (&reader, rows, i))
        continue;
      created_at = kefu_rows_get_time (rows, i, 1);
      event = kefu_event_new (kefu_rows_get_int (rows, i, 0), created_at,
                              kefu_rows_get_int (rows, i, 2), kefu_rows_get_text (rows, i, 3),
                              kefu_rows_get_text (rows, i, 4), kefu_rows_get_int (rows, i, 5),
                              kefu_rows_get_text (rows, i, 6), kefu_rows_get_text (rows, i, 7));
      g_list_store_append (list, event);
    }
  *last_event_id = max_id;
  return G_LIST_MODEL (g_steal_pointer (&list));
}
