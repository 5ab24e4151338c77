/* kefu-store-callbacks-claims.c: claims, so that two clerks never call the same customer at
 * once. A claim is the actor's and a workstation's, renewed while the callback's page is open,
 * and lapses KEFU_CALLBACK_CLAIM_SECONDS after its last renewal by the store's clock (the
 * workstation went away). Each claim is one short write transaction: on PostgreSQL the callback's
 * row is read FOR UPDATE (the next one FOR UPDATE SKIP LOCKED, so that two workstations asking
 * at once get two different callbacks); on SQLite the write transaction (BEGIN IMMEDIATE)
 * excludes every other writer already.
 *
 * Claims do not change a callback's version: the page that holds one records against the
 * version it read, however often it renewed.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include "kefu-store-callbacks-private.h"

/**
 * kefu_store_get_workstation_id:
 *
 * Returns: (transfer none): this process's workstation id, "host:pid"
 */
const char *
kefu_store_get_workstation_id (void)
{
  static char *id;

  if (g_once_init_enter_pointer (&id))
    g_once_init_leave_pointer (&id, g_strdup_printf ("%s:%d", g_get_host_name (),
                                                     (int) getpid ()));
  return id;
}

typedef enum
{
  CLAIM_TAKE,
  CLAIM_RENEW,
  CLAIM_RELEASE,
} ClaimAction;

typedef struct
{
  gint64       id;
  const char  *workstation;
  ClaimAction  action;
} ClaimWrite;

/* Sets the claim to the actor and workstation at the store's time; "claimed" event when the
 * claim was not the actor's already (a renewal writes none: it happens every half minute). */
static gboolean
take (KefuStore     *self,
      gint64         id,
      gboolean       was_mine,
      const char    *workstation,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autofree char *now_text = _kefu_store_now_text (self);
  g_autoptr(GString) details = NULL;

  if (_kefu_store_execute (self,
                           "UPDATE callbacks SET claimed_by = $2, claim_workstation = $3, "
                           "claim_renewed_at = $4 WHERE id = $1",
                           g_variant_new ("(xxss)", id, _kefu_store_get_txn_actor (self),
                                          workstation, now_text),
                           cancellable, error) < 0)
    return FALSE;
  if (was_mine)
    return TRUE;
  details = g_string_new ("{\"workstation\":");
  _kefu_json_append_string (details, workstation);
  g_string_append_c (details, '}');
  return _kefu_store_callback_event (self, id, "claimed", details, cancellable, error);
}

static gboolean
claim_txn (KefuStore     *self,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  ClaimWrite *w = data;
  g_auto(KefuCallbackRow) row = { 0 };
  g_autoptr(GDateTime) now = _kefu_store_now (self);
  gint64 actor = _kefu_store_get_txn_actor (self);
  gboolean mine;
  KefuRole role;

  if (!_kefu_store_callback_lock (self, w->id, 0, &row, cancellable, error))
    return FALSE;
  mine = row.claimed_by == actor && g_strcmp0 (row.claim_workstation, w->workstation) == 0;
  if (w->action == CLAIM_RELEASE)
    {
      g_autoptr(GString) details = NULL;

      /* Someone else's claim (or none) is not the actor's to give up. */
      if (!mine)
        return TRUE;
      if (_kefu_store_execute (self,
                               "UPDATE callbacks SET claimed_by = NULL, "
                               "claim_workstation = NULL, claim_renewed_at = NULL WHERE id = $1",
                               g_variant_new ("(x)", row.id), cancellable, error) < 0)
        return FALSE;
      details = g_string_new ("{\"workstation\":");
      _kefu_json_append_string (details, w->workstation);
      g_string_append_c (details, '}');
      return _kefu_store_callback_event (self, row.id, "released", details, cancellable, error);
    }

  if (!_kefu_store_callback_check_due (&row, error) ||
      !_kefu_store_callback_actor_role (self, &role, cancellable, error))
    return FALSE;
  if (!kefu_callback_may_do (role, actor, row.assigned_to))
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                           _("This callback is given to another clerk. Only they or a team lead "
                             "can take it."));
      return FALSE;
    }
  /* The same person at another workstation is someone else here: one call at a time. */
  if (row.claimed_by == actor && !mine && row.claim_renewed_at != NULL &&
      kefu_callback_claim_is_live (row.claim_renewed_at, now))
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CLAIMED,
                   _("You are calling this customer at workstation %s. Finish the call there "
                     "first."), row.claim_workstation);
      return FALSE;
    }
  if (_kefu_store_callback_held_by_other (&row, actor, now, error))
    return FALSE;
  return take (self, row.id, mine, w->workstation, cancellable, error);
}

static gboolean
run_claim (KefuStore     *self,
           gint64         callback_id,
           const char    *workstation,
           ClaimAction    action,
           GCancellable  *cancellable,
           GError       **error)
{
  ClaimWrite w = { callback_id, workstation, action };

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (workstation != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _kefu_store_write (self, claim_txn, &w, cancellable, error);
}

gboolean
kefu_store_claim_callback (KefuStore     *self,
                           gint64         callback_id,
                           const char    *workstation,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return run_claim (self, callback_id, workstation, CLAIM_TAKE, cancellable, error);
}

gboolean
kefu_store_renew_callback_claim (KefuStore     *self,
                                 gint64         callback_id,
                                 const char    *workstation,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return run_claim (self, callback_id, workstation, CLAIM_RENEW, cancellable, error);
}

gboolean
kefu_store_release_callback (KefuStore     *self,
                             gint64         callback_id,
                             const char    *workstation,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return run_claim (self, callback_id, workstation, CLAIM_RELEASE, cancellable, error);
}

/* The next one */

typedef struct
{
  gint64       assigned_to;
  GDateTime   *until;
  const char  *workstation;
  gint64       id;
} NextWrite;

/* The first due callback nobody holds live (the one a workstation holds already is not a
 * next one), not escalated, through callbacks_claimable; $3 restricts it to one clerk's and the
 * unassigned (NULL: everyone's). */
#define NEXT_SQL \
  "SELECT id FROM callbacks WHERE state = 'due' AND escalated_at IS NULL AND due_at <= $1 " \
  "AND (claimed_by IS NULL OR claim_renewed_at < $2) " \
  "AND (CAST($3 AS BIGINT) IS NULL OR assigned_to IS NULL OR assigned_to = $3) " \
  "ORDER BY due_at, id LIMIT 1"

static gboolean
next_txn (KefuStore     *self,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  NextWrite *w = data;
  g_autoptr(GDateTime) now = _kefu_store_now (self);
  g_autoptr(GDateTime) lapsed = g_date_time_add_seconds (now, -KEFU_CALLBACK_CLAIM_SECONDS);
  g_autofree char *until_text = kefu_time_to_db (w->until);
  g_autofree char *lapsed_text = kefu_time_to_db (lapsed);
  g_autoptr(KefuRows) rows = NULL;
  gint64 actor = _kefu_store_get_txn_actor (self);
  gint64 only = w->assigned_to;
  gboolean postgres = kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES;
  gboolean mine;
  KefuRole role;

  if (!_kefu_store_callback_actor_role (self, &role, cancellable, error))
    return FALSE;
  /* A clerk may do their own and the team's unassigned callbacks only. */
  if (!kefu_role_leads_callbacks (role))
    only = actor;
  rows = _kefu_store_query (self,
                            postgres ? NEXT_SQL " FOR UPDATE SKIP LOCKED" : NEXT_SQL,
                            g_variant_new ("(ssmx)", until_text, lapsed_text, only != 0,
                                           only),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      w->id = 0;
      return TRUE;
    }
  w->id = kefu_rows_get_int (rows, 0, 0);
  g_clear_pointer (&rows, kefu_rows_free);
  {
    g_auto(KefuCallbackRow) row = { 0 };

    /* Read again for the claim columns (the row is locked already on PostgreSQL). */
    if (!_kefu_store_callback_lock (self, w->id, 0, &row, cancellable, error))
      return FALSE;
    mine = row.claimed_by == actor && g_strcmp0 (row.claim_workstation, w->workstation) == 0;
  }
  return take (self, w->id, mine, w->workstation, cancellable, error);
}

gint64
kefu_store_claim_next_callback (KefuStore     *self,
                                gint64         assigned_to,
                                GDateTime     *until,
                                const char    *workstation,
                                GCancellable  *cancellable,
                                GError       **error)
{
  NextWrite w = { assigned_to, until, workstation, 0 };

  g_return_val_if_fail (KEFU_IS_STORE (self), 0);
  g_return_val_if_fail (until != NULL, 0);
  g_return_val_if_fail (workstation != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_kefu_store_write (self, next_txn, &w, cancellable, error))
    return 0;
  return w.id;
}
