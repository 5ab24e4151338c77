/* kefu-store-archive.c: archiving and restoring records (kefu-store-archive.h), and the
 * condition that keeps archived records out of the working lists.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-roles.h"
#include "kefu-store-archive.h"
#include "kefu-store-internal.h"

typedef struct
{
  const char *table;
  const char *entity;
  /* Working lists: every record but the archived ones. The archived ids come from the small
   * partial index <table>_archived (schema step 8), so a list read from a covering index
   * (customers_name_id: name, id) never has to visit the table for archived_at. */
  const char *not_archived;
  const char *archived;
} ArchiveKindInfo;

#define KIND(table, entity) \
  { table, entity, \
    table ".id NOT IN (SELECT archived.id FROM " table " AS archived " \
    "WHERE archived.archived_at IS NOT NULL)", \
    table ".archived_at IS NOT NULL" }

static const ArchiveKindInfo kinds[] = {
  [KEFU_ARCHIVE_CUSTOMER]    = KIND ("customers", "customers"),
  [KEFU_ARCHIVE_COMPLAINT]   = KIND ("complaints", "complaint"),
  [KEFU_ARCHIVE_SHIPMENT]    = KIND ("shipments", "shipment"),
  [KEFU_ARCHIVE_SERVICE_JOB] = KIND ("service_jobs", "service-job"),
  [KEFU_ARCHIVE_CALLBACK]    = KIND ("callbacks", "callback"),
};

static const ArchiveKindInfo *
kind_info (KefuArchiveKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), &kinds[0]);
  return &kinds[kind];
}

const char *
kefu_archive_kind_get_table (KefuArchiveKind kind)
{
  return kind_info (kind)->table;
}

const char *
kefu_archive_kind_get_entity (KefuArchiveKind kind)
{
  return kind_info (kind)->entity;
}

const char *
_kefu_store_archive_condition (KefuArchiveKind kind,
                               gboolean        archived)
{
  return archived ? kind_info (kind)->archived : kind_info (kind)->not_archived;
}

void
kefu_archive_state_clear (KefuArchiveState *state)
{
  g_clear_pointer (&state->archived_at, g_date_time_unref);
  g_clear_pointer (&state->archived_by_name, g_free);
  state->archived = FALSE;
  state->archived_by = 0;
  state->version = 0;
}

typedef struct
{
  KefuArchiveKind kind;
  gint64          id;
  gint64          version;
  gboolean        restore;
  gint64          new_version;
} ArchiveChange;

static gboolean
actor_may_archive (KefuStore     *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  KefuRole role;

  rows = _kefu_store_query (self, "SELECT role, name FROM staff WHERE id = $1",
                            g_variant_new ("(x)", _kefu_store_get_txn_actor (self)),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NO_ACTOR,
                           _("Nobody is signed in on this workstation. Choose who is working "
                             "and try again."));
      return FALSE;
    }
  role = _kefu_store_enum_from_nick (KEFU_TYPE_ROLE, kefu_rows_get_text (rows, 0, 0),
                                     KEFU_ROLE_CLERK);
  if (!kefu_role_can_archive_records (role))
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                   _("%s may not archive or restore records. Ask a team lead or the CS "
                     "manager."), kefu_rows_get_text (rows, 0, 1));
      return FALSE;
    }
  return TRUE;
}

static gboolean
archive_txn (KefuStore     *self,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ArchiveChange *c = data;
  const ArchiveKindInfo *info = kind_info (c->kind);
  g_autoptr(KefuRows) current = NULL;
  g_autoptr(KefuRows) updated = NULL;
  g_autofree char *select = NULL;
  g_autofree char *update = NULL;
  g_autofree char *now = NULL;

  if (!actor_may_archive (self, cancellable, error))
    return FALSE;

  select = g_strdup_printf ("SELECT id, version, archived_at FROM %s WHERE id = $1",
                            info->table);
  current = _kefu_store_query (self, select, g_variant_new ("(x)", c->id), cancellable, error);
  if (current == NULL ||
      !_kefu_store_check_version (self, current, c->version, info->table, error))
    return FALSE;
  if (kefu_rows_is_null (current, 0, 2) == c->restore)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           c->restore ? _("This record is not archived, so there is nothing to "
                                          "restore.")
                                      : _("This record is already archived."));
      return FALSE;
    }

  now = _kefu_store_now_text (self);
  if (c->restore)
    {
      update = g_strdup_printf ("UPDATE %s SET archived_at = NULL, archived_by = NULL, "
                                "version = version + 1, updated_at = $3 "
                                "WHERE id = $1 AND version = $2 RETURNING version",
                                info->table);
      updated = _kefu_store_query (self, update, g_variant_new ("(xxs)", c->id, c->version, now),
                                   cancellable, error);
    }
  else
    {
      update = g_strdup_printf ("UPDATE %s SET archived_at = $3, archived_by = $4, "
                                "version = version + 1, updated_at = $3 "
                                "WHERE id = $1 AND version = $2 RETURNING version",
                                info->table);
      updated = _kefu_store_query (self, update,
                                   g_variant_new ("(xxsx)", c->id, c->version, now,
                                                  _kefu_store_get_txn_actor (self)),
                                   cancellable, error);
    }
  if (updated == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (updated) == 0)
    {
      _kefu_store_set_stale_error (error, info->table);
      return FALSE;
    }
  c->new_version = kefu_rows_get_int (updated, 0, 0);
  return _kefu_store_add_event (self, info->entity, c->id,
                                c->restore ? "restored" : "archived", "{}",
                                cancellable, error);
}

static gboolean
change (KefuStore        *self,
        KefuArchiveKind   kind,
        gint64            id,
        gint64            version,
        gboolean          restore,
        gint64           *new_version,
        GCancellable     *cancellable,
        GError          **error)
{
  ArchiveChange c = { kind, id, version, restore, 0 };

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kefu_store_write (self, archive_txn, &c, cancellable, error))
    return FALSE;
  if (new_version != NULL)
    *new_version = c.new_version;
  return TRUE;
}

/**
 * kefu_store_archive_record:
 *
 * Takes a record out of the working lists (see kefu-store-archive.h).
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
kefu_store_archive_record (KefuStore        *self,
                           KefuArchiveKind   kind,
                           gint64            id,
                           gint64            version,
                           gint64           *new_version,
                           GCancellable     *cancellable,
                           GError          **error)
{
  return change (self, kind, id, version, FALSE, new_version, cancellable, error);
}

/**
 * kefu_store_restore_record:
 *
 * Puts an archived record back in the working lists.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
kefu_store_restore_record (KefuStore        *self,
                           KefuArchiveKind   kind,
                           gint64            id,
                           gint64            version,
                           gint64           *new_version,
                           GCancellable     *cancellable,
                           GError          **error)
{
  return change (self, kind, id, version, TRUE, new_version, cancellable, error);
}

gboolean
kefu_store_get_archive_state (KefuStore         *self,
                              KefuArchiveKind    kind,
                              gint64             id,
                              KefuArchiveState  *state,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  sql = g_strdup_printf ("SELECT r.archived_at, r.archived_by, staff.name, r.version "
                         "FROM %s AS r LEFT JOIN staff ON staff.id = r.archived_by "
                         "WHERE r.id = $1", kind_info (kind)->table);
  rows = _kefu_store_query (self, sql, g_variant_new ("(x)", id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("This record no longer exists. Reload the list."));
      return FALSE;
    }
  kefu_archive_state_clear (state);
  state->archived = !kefu_rows_is_null (rows, 0, 0);
  state->archived_at = state->archived ? kefu_rows_get_time (rows, 0, 0) : NULL;
  state->archived_by = state->archived ? kefu_rows_get_int (rows, 0, 1) : 0;
  state->archived_by_name = state->archived ? g_strdup (kefu_rows_get_text (rows, 0, 2)) : NULL;
  state->version = kefu_rows_get_int (rows, 0, 3);
  return TRUE;
}

GArray *
kefu_store_list_archived_ids (KefuStore        *self,
                              KefuArchiveKind   kind,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);

  /* Read from the partial index <table>_archived, newest first. */
  sql = g_strdup_printf ("SELECT id FROM %s WHERE archived_at IS NOT NULL "
                         "ORDER BY archived_at DESC, id DESC", kind_info (kind)->table);
  return _kefu_store_query_int64_column (self, sql, NULL, cancellable, error);
}

static void
archive_thread_cb (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ArchiveChange *c = task_data;
  GError *error = NULL;
  gint64 new_version = 0;

  if (change (source_object, c->kind, c->id, c->version, c->restore, &new_version, cancellable,
              &error))
    g_task_return_int (task, new_version);
  else
    g_task_return_error (task, error);
}

void
kefu_store_archive_record_async (KefuStore            *self,
                                 KefuArchiveKind       kind,
                                 gint64                id,
                                 gint64                version,
                                 gboolean              restore,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ArchiveChange *c;

  g_return_if_fail (KEFU_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_store_archive_record_async);
  /* A change that committed says so even when cancelled meanwhile: the page then shows it. */
  g_task_set_check_cancellable (task, FALSE);
  c = g_new0 (ArchiveChange, 1);
  *c = (ArchiveChange) { kind, id, version, restore, 0 };
  g_task_set_task_data (task, c, g_free);
  _kefu_store_run_in_worker (self, task, archive_thread_cb);
}

gint64
kefu_store_archive_record_finish (KefuStore     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return g_task_propagate_int (G_TASK (result), error);
}
