/* kefu-store-presence.c: the marks of who has a record open for editing (see
 * kefu-store-presence.h). Each mark is one short write transaction; the live marks of a record
 * are one read through presence_record (schema step 9).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-internal.h"
#include "kefu-store-presence.h"

typedef struct
{
  const char *entity;
  gint64      entity_id;
  const char *workstation;
  gboolean    remove;
} PresenceWrite;

static gboolean
presence_txn (KefuStore     *self,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  PresenceWrite *w = data;
  g_autoptr(GDateTime) now = _kefu_store_now (self);
  g_autoptr(GDateTime) lapsed = g_date_time_add_seconds (now, -KEFU_PRESENCE_SECONDS);
  g_autofree char *now_text = kefu_time_to_db (now);
  g_autofree char *lapsed_text = kefu_time_to_db (lapsed);
  gint64 actor = _kefu_store_get_txn_actor (self);
  gint64 n;

  if (w->remove)
    return _kefu_store_execute (self,
                                "DELETE FROM presence WHERE entity = $1 AND entity_id = $2 "
                                "AND staff_id = $3 AND workstation = $4",
                                g_variant_new ("(sxxs)", w->entity, w->entity_id, actor,
                                               w->workstation),
                                cancellable, error) >= 0;

  /* A mark renewed exactly KEFU_PRESENCE_SECONDS ago has lapsed (kefu_presence_is_live ()):
   * it goes, and a renewal of one's own lapsed mark starts anew. */
  if (_kefu_store_execute (self,
                           "DELETE FROM presence WHERE entity = $1 AND entity_id = $2 "
                           "AND renewed_at <= $3",
                           g_variant_new ("(sxs)", w->entity, w->entity_id, lapsed_text),
                           cancellable, error) < 0)
    return FALSE;
  n = _kefu_store_execute (self,
                           "UPDATE presence SET renewed_at = $5 WHERE entity = $1 "
                           "AND entity_id = $2 AND staff_id = $3 AND workstation = $4",
                           g_variant_new ("(sxxss)", w->entity, w->entity_id, actor,
                                          w->workstation, now_text),
                           cancellable, error);
  if (n < 0)
    return FALSE;
  if (n > 0)
    return TRUE;
  return _kefu_store_execute (self,
                              "INSERT INTO presence (entity, entity_id, staff_id, workstation, "
                              "since, renewed_at) VALUES ($1, $2, $3, $4, $5, $5)",
                              g_variant_new ("(sxxss)", w->entity, w->entity_id, actor,
                                             w->workstation, now_text),
                              cancellable, error) >= 0;
}

static gboolean
run_presence (KefuStore     *self,
              const char    *entity,
              gint64         entity_id,
              const char    *workstation,
              gboolean       remove,
              GCancellable  *cancellable,
              GError       **error)
{
  PresenceWrite w = { entity, entity_id, workstation, remove };

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);
  g_return_val_if_fail (workstation != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _kefu_store_write (self, presence_txn, &w, cancellable, error);
}

gboolean
kefu_store_mark_presence (KefuStore     *self,
                          const char    *entity,
                          gint64         entity_id,
                          const char    *workstation,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return run_presence (self, entity, entity_id, workstation, FALSE, cancellable, error);
}

gboolean
kefu_store_renew_presence (KefuStore     *self,
                           const char    *entity,
                           gint64         entity_id,
                           const char    *workstation,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return run_presence (self, entity, entity_id, workstation, FALSE, cancellable, error);
}

gboolean
kefu_store_unmark_presence (KefuStore     *self,
                            const char    *entity,
                            gint64         entity_id,
                            const char    *workstation,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return run_presence (self, entity, entity_id, workstation, TRUE, cancellable, error);
}

GListModel *
kefu_store_list_presence (KefuStore     *self,
                          const char    *entity,
                          gint64         entity_id,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) lapsed = NULL;
  g_autofree char *lapsed_text = NULL;
  g_autoptr(KefuRows) rows = NULL;
  GListStore *marks;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  now = _kefu_store_now (self);
  lapsed = g_date_time_add_seconds (now, -KEFU_PRESENCE_SECONDS);
  lapsed_text = kefu_time_to_db (lapsed);
  rows = _kefu_store_query (self,
                            "SELECT presence.staff_id, staff.name, presence.workstation, "
                            "presence.since, presence.renewed_at "
                            "FROM presence LEFT JOIN staff ON staff.id = presence.staff_id "
                            "WHERE presence.entity = $1 AND presence.entity_id = $2 "
                            "AND presence.renewed_at > $3 "
                            "ORDER BY presence.since, presence.staff_id, presence.workstation",
                            g_variant_new ("(sxs)", entity, entity_id, lapsed_text),
                            cancellable, error);
  if (rows == NULL)
    return NULL;

  marks = g_list_store_new (KEFU_TYPE_PRESENCE);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autoptr(GDateTime) since = kefu_rows_get_time (rows, i, 3);
      g_autoptr(GDateTime) renewed_at = kefu_rows_get_time (rows, i, 4);
      g_autoptr(KefuPresence) mark = kefu_presence_new (entity, entity_id,
                                                        kefu_rows_get_int (rows, i, 0),
                                                        kefu_rows_get_text (rows, i, 1),
                                                        kefu_rows_get_text (rows, i, 2),
                                                        since, renewed_at);

      g_list_store_append (marks, mark);
    }
  return G_LIST_MODEL (marks);
}
