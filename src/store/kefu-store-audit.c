/* kefu-store-audit.c: "who changed what" for managers (see kefu-store-audit.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-roles.h"
#include "kefu-store-audit.h"
#include "kefu-store-internal.h"

/* The events with who made them; the conditions of the filter follow, each with its bound
 * parameter. */
#define AUDIT_SELECT \
  "SELECT events.id, events.created_at, events.staff_id, staff.name, events.entity, " \
  "events.entity_id, events.action, events.details " \
  "FROM events LEFT JOIN staff ON staff.id = events.staff_id "

static gboolean
check_actor (KefuStore     *self,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(KefuStaff) actor = NULL;
  gint64 id = kefu_store_get_actor (self);

  if (id == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NO_ACTOR,
                           _("Nobody is signed in. Sign in as a manager to see who changed what."));
      return FALSE;
    }
  actor = kefu_store_get_staff (self, id, cancellable, error);
  if (actor == NULL)
    return FALSE;
  if (!kefu_role_can_read_audit (kefu_staff_get_role (actor)))
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                           _("Only managers can see who changed what. Ask your manager."));
      return FALSE;
    }
  return TRUE;
}

GListModel *
kefu_store_list_audit (KefuStore              *self,
                       const KefuAuditFilter  *filter,
                       GCancellable           *cancellable,
                       GError                **error)
{
  g_autoptr(GString) sql = g_string_new (AUDIT_SELECT "WHERE TRUE");
  g_autoptr(KefuRows) rows = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  GVariantBuilder params;
  guint n = 0;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_actor (self, cancellable, error))
    return NULL;

  /* Only the conditions given are written (each with its bound parameter), so that each filter
   * is one plain indexed query. */
  g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
  if (filter->entity != NULL)
    {
      /* A complaint's creation is recorded with its call's save under "complaints", its later
       * changes under "complaint": its history is both. */
      const char *alias = g_str_equal (filter->entity, "complaint") ? "complaints"
                          : g_str_equal (filter->entity, "complaints") ? "complaint"
                          : filter->entity;

      g_string_append_printf (sql, " AND events.entity IN ($%u, $%u) AND events.entity_id = $%u",
                              n + 1, n + 2, n + 3);
      g_variant_builder_add (&params, "s", filter->entity);
      g_variant_builder_add (&params, "s", alias);
      g_variant_builder_add (&params, "x", filter->entity_id);
      n += 3;
    }
  if (filter->staff_id != 0)
    {
      g_string_append_printf (sql, " AND events.staff_id = $%u", ++n);
      g_variant_builder_add (&params, "x", filter->staff_id);
    }
  if (filter->from != NULL)
    {
      from = kefu_time_to_db (filter->from);
      g_string_append_printf (sql, " AND events.created_at >= $%u", ++n);
      g_variant_builder_add (&params, "s", from);
    }
  if (filter->until != NULL)
    {
      until = kefu_time_to_db (filter->until);
      g_string_append_printf (sql, " AND events.created_at < $%u", ++n);
      g_variant_builder_add (&params, "s", until);
    }
  if (filter->before_id > 0)
    {
      g_string_append_printf (sql, " AND events.id < $%u", ++n);
      g_variant_builder_add (&params, "x", filter->before_id);
    }
  /* Staff member and period: newest first by time through events_staff; otherwise by id. Ids
   * and times grow together in one database. */
  if (filter->staff_id != 0 && filter->entity == NULL)
    g_string_append (sql, " ORDER BY events.created_at DESC, events.id DESC");
  else
    g_string_append (sql, " ORDER BY events.id DESC");
  g_string_append_printf (sql, " LIMIT %u", filter->limit > 0 ? filter->limit : KEFU_AUDIT_PAGE);

  rows = _kefu_store_query (self, sql->str, n > 0 ? g_variant_builder_end (&params) : NULL,
                            cancellable, error);
  if (n == 0)
    g_variant_builder_clear (&params);
  if (rows == NULL)
    return NULL;

  return _kefu_store_events_from_rows (rows);
}
