/* kefu-store-complaint-history.c: what a complaint's detail page and printed record show of its
 * past: the visits to a harmed customer and the timeline of every event, oldest first, with the
 * names of who did what.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-complaints-private.h"

void
kefu_complaint_visit_free (KefuComplaintVisit *visit)
{
  if (visit == NULL)
    return;
  g_free (visit->visitors);
  g_clear_pointer (&visit->visited_at, g_date_time_unref);
  g_free (visit->outcome);
  g_free (visit->recorded_by_name);
  g_free (visit);
}

/**
 * kefu_store_list_complaint_visits:
 *
 * Returns: (transfer full) (element-type KefuComplaintVisit): the visits recorded for the
 *   complaint, in the order they took place
 */
GPtrArray *
kefu_store_list_complaint_visits (KefuStore     *self,
                                  gint64         complaint_id,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = _kefu_store_query (self,
                            "SELECT complaint_visits.id, complaint_visits.visitors, "
                            "complaint_visits.visited_at, complaint_visits.outcome, "
                            "complaint_visits.recorded_by, staff.name FROM complaint_visits "
                            "JOIN staff ON staff.id = complaint_visits.recorded_by "
                            "WHERE complaint_visits.complaint_id = $1 "
                            "ORDER BY complaint_visits.visited_at, complaint_visits.id",
                            g_variant_new ("(x)", complaint_id), cancellable, error);
  if (rows == NULL)
    return NULL;

  visits = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_complaint_visit_free);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      KefuComplaintVisit *visit = g_new0 (KefuComplaintVisit, 1);

      visit->id = kefu_rows_get_int (rows, i, 0);
      visit->visitors = g_strdup (kefu_rows_get_text (rows, i, 1));
      visit->visited_at = kefu_rows_get_time (rows, i, 2);
      visit->outcome = g_strdup (kefu_rows_get_text (rows, i, 3));
      visit->recorded_by = kefu_rows_get_int (rows, i, 4);
      visit->recorded_by_name = g_strdup (kefu_rows_get_text (rows, i, 5));
      g_ptr_array_add (visits, visit);
    }
  return g_steal_pointer (&visits);
}

/**
 * kefu_store_list_complaint_timeline:
 *
 * The complaint's call's "created" event (entity "call", action "created", as the timeline
 * words name it; stored as the "calls" table's "create") and every event on entity "complaint",
 * oldest first.
 *
 * Returns: (transfer full): a #GListModel of #KefuEvent, or %NULL with @error set
 */
GListModel *
kefu_store_list_complaint_timeline (KefuStore     *self,
                                    gint64         complaint_id,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Both parts read through the index on (entity, entity_id, id); event ids grow with time in
   * one database, so they order the timeline even when two events share a time. */
  /* On PostgreSQL through kefu_record_events () (schema step 7): only managers may read the
   * events table itself. */
#define TIMELINE_SQL(call_events, complaint_events) \
  "SELECT events.id, events.created_at, events.staff_id, staff.name, " \
  "'call', events.entity_id, 'created', events.details " \
  "FROM " call_events " LEFT JOIN staff ON staff.id = events.staff_id " \
  "WHERE events.entity = 'calls' AND events.action = 'create' AND " \
  "events.entity_id = (SELECT call_id FROM complaints WHERE id = $1) " \
  "UNION ALL " \
  "SELECT events.id, events.created_at, events.staff_id, staff.name, " \
  "events.entity, events.entity_id, events.action, events.details " \
  "FROM " complaint_events " LEFT JOIN staff ON staff.id = events.staff_id " \
  "WHERE events.entity = 'complaint' AND events.entity_id = $1 " \
  "ORDER BY 1"
  rows = _kefu_store_query (self,
                            kefu_store_get_backend (self) == KEFU_STORE_BACKEND_SQLITE
                            ? TIMELINE_SQL ("events", "events")
                            : TIMELINE_SQL ("kefu_record_events ('calls', (SELECT call_id FROM "
                                            "complaints WHERE id = $1)) AS events",
                                            "kefu_record_events ('complaint', $1) AS events"),
                            g_variant_new ("(x)", complaint_id), cancellable, error);
#undef TIMELINE_SQL
  if (rows == NULL)
    return NULL;

  return _kefu_store_events_from_rows (rows);
}
