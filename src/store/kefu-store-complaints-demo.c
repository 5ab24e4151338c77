/* kefu-store-complaints-demo.c: FOR DEMO AND GENERATED DATA ONLY (see
 * kefu-store-complaints-demo.h): moves the times of a sample complaint's steps back to when they
 * would have happened.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-store-complaints-demo.h"
#include "kefu-store-complaints-private.h"

typedef struct
{
  gint64                       id;
  const KefuComplaintBackdate *times;
} Backdate;

static char *
time_or_null (GDateTime *time)
{
  return time != NULL ? kefu_time_to_db (time) : NULL;
}

static gboolean
backdate_txn (KefuStore     *self,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Backdate *b = data;
  const KefuComplaintBackdate *t = b->times;
  g_autofree char *routed = time_or_null (t->routed_at);
  g_autofree char *acknowledged = time_or_null (t->acknowledged_at);
  g_autofree char *resolved = time_or_null (t->resolved_at);
  g_autofree char *called_back = time_or_null (t->called_back_at);
  g_autofree char *closed = time_or_null (t->closed_at);
  g_autofree char *visited = time_or_null (t->visited_at);
  g_autoptr(KefuRows) rows = NULL;
  KefuComplaintStage stage;
  gint64 changed;

  /* A NULL parameter leaves its column as it is. */
  changed = _kefu_store_execute (self,
                                 "UPDATE complaints SET "
                                 "routed_at = COALESCE($1, routed_at), "
                                 "acknowledged_at = COALESCE($2, acknowledged_at), "
                                 "resolved_at = COALESCE($3, resolved_at), "
                                 "called_back_at = COALESCE($4, called_back_at), "
                                 "closed_at = COALESCE($5, closed_at) WHERE id = $6",
                                 g_variant_new ("(msmsmsmsmsx)", routed, acknowledged, resolved,
                                                called_back, closed, b->id),
                                 cancellable, error);
  if (changed < 0)
    return FALSE;
  if (changed == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("This complaint no longer exists. Reload the board."));
      return FALSE;
    }
  if (acknowledged != NULL &&
      _kefu_store_execute (self,
                           "UPDATE complaint_routes SET acknowledged_at = $1 "
                           "WHERE complaint_id = $2 AND acknowledged_at IS NOT NULL",
                           g_variant_new ("(sx)", acknowledged, b->id), cancellable, error) < 0)
    return FALSE;
  if (visited != NULL &&
      _kefu_store_execute (self,
                           "UPDATE complaint_visits SET visited_at = $1 WHERE complaint_id = $2",
                           g_variant_new ("(sx)", visited, b->id), cancellable, error) < 0)
    return FALSE;
  if (t->stage_since == NULL)
    return TRUE;

  /* The deadline as entering the stage at `stage_since` would have set it. */
  rows = _kefu_store_query (self, "SELECT stage FROM complaints WHERE id = $1",
                            g_variant_new ("(x)", b->id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  stage = _kefu_store_enum_from_nick (KEFU_TYPE_COMPLAINT_STAGE, kefu_rows_get_text (rows, 0, 0),
                                      KEFU_COMPLAINT_STAGE_NEW);
  return _kefu_store_complaint_enter_stage (self, b->id, stage, t->stage_since, cancellable,
                                            error);
}

/**
 * kefu_store_backdate_complaint:
 * @times: the times to set; %NULL members leave their column as it is
 *
 * For demo and generated data only; see kefu-store-complaints-demo.h.
 *
 * Returns: %TRUE on success
 */
gboolean
kefu_store_backdate_complaint (KefuStore                    *self,
                               gint64                        complaint_id,
                               const KefuComplaintBackdate  *times,
                               GCancellable                 *cancellable,
                               GError                      **error)
{
  Backdate b = { complaint_id, times };

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (complaint_id > 0, FALSE);
  g_return_val_if_fail (times != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _kefu_store_write (self, backdate_txn, &b, cancellable, error);
}
