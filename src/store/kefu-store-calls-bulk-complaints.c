/* kefu-store-calls-bulk-complaints.c: what happened to the complaints of a bulk load after the
 * call (schema step 3: stage times, deadline, escalation, resolution, callback, visits) and the
 * batch alerts they raised, checked and turned into their stored form before the transaction.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-complaint-flow.h"
#include "kefu-store-calls-bulk-private.h"

static void
time_text (GDateTime *time,
           char       out[32])
{
  if (time == NULL)
    out[0] = '\0';
  else
    _kefu_bulk_time_to_text (time, out);
}

static const char *
copy_text (KefuBulkLoad *load,
           const char   *text)
{
  if (text == NULL || text[0] == '\0')
    return NULL;
  return g_string_chunk_insert (load->strings, text);
}

/* TRUE when `later` is empty or not before `earlier` (the stored text compares as the time). */
static gboolean
in_order (const char *earlier,
          const char *later)
{
  return later[0] == '\0' || earlier[0] == '\0' || strcmp (earlier, later) <= 0;
}

/* The steps a complaint in `stage` has been through. */
static void
stage_steps (KefuComplaintStage  stage,
             gboolean           *routed,
             gboolean           *acknowledged,
             gboolean           *resolved,
             gboolean           *called_back,
             gboolean           *closed)
{
  *routed = stage != KEFU_COMPLAINT_STAGE_NEW;
  *acknowledged = stage == KEFU_COMPLAINT_STAGE_IN_PROGRESS ||
                  stage == KEFU_COMPLAINT_STAGE_RESOLVED ||
                  stage == KEFU_COMPLAINT_STAGE_CALLED_BACK ||
                  stage == KEFU_COMPLAINT_STAGE_CLOSED ||
                  stage == KEFU_COMPLAINT_STAGE_REOPENED;
  *resolved = stage == KEFU_COMPLAINT_STAGE_RESOLVED ||
              stage == KEFU_COMPLAINT_STAGE_CALLED_BACK ||
              stage == KEFU_COMPLAINT_STAGE_CLOSED;
  *called_back = stage == KEFU_COMPLAINT_STAGE_CALLED_BACK ||
                 stage == KEFU_COMPLAINT_STAGE_CLOSED;
  *closed = stage == KEFU_COMPLAINT_STAGE_CLOSED;
}

/* Why the record does not fit its stage, or NULL when it does. */
static const char *
check_progress (KefuBulkCall      *c,
                KefuBulkProgress  *p,
                const char        *now)
{
  KefuComplaint *complaint = kefu_call_get_complaint (c->call);
  gboolean routed, acknowledged, resolved, called_back, closed;
  const char *times[] = {
    c->received, p->routed_at, p->acknowledged_at, p->resolved_at, p->called_back_at,
    p->closed_at,
  };

  if (!kefu_complaint_get_well_founded (complaint) || p->stage == KEFU_COMPLAINT_STAGE_EXPLAINED)
    return _("A complaint that is not well founded closes as explained at the call; it has no "
             "later stages.");

  stage_steps (p->stage, &routed, &acknowledged, &resolved, &called_back, &closed);
  if (routed != (p->routed_at[0] != '\0') ||
      acknowledged != (p->acknowledged_at[0] != '\0') ||
      (resolved && p->resolved_at[0] == '\0') ||
      (called_back && p->called_back_at[0] == '\0') ||
      closed != (p->closed_at[0] != '\0'))
    return _("The times of the complaint’s steps do not fit its stage.");
  for (guint i = 1; i < G_N_ELEMENTS (times); i++)
    {
      if (!in_order (c->received, times[i]) || strcmp (times[i], now) > 0)
        return _("A step of the complaint is dated before its call or in the future.");
      for (guint j = 1; j < i; j++)
        if (!in_order (times[j], times[i]))
          return _("The steps of the complaint are not in the order of its stages.");
    }
  if (p->resolve_due_at[0] != '\0' && p->resolved_at[0] == '\0')
    return _("Only a resolved complaint has the resolve deadline it was resolved against.");
  if (p->resolved_at[0] != '\0' && p->resolution == NULL)
    return _("A resolved complaint needs its resolution.");
  if (called_back && p->satisfaction == KEFU_SATISFACTION_UNSPECIFIED)
    return _("A complaint that was called back needs the customer’s satisfaction.");
  if (p->satisfaction == KEFU_SATISFACTION_NOT_SATISFIED && p->customer_words == NULL)
    return _("A customer who was not satisfied needs their words recorded.");
  if ((p->due_kind == KEFU_COMPLAINT_DEADLINE_NONE) != (p->due_at[0] == '\0') ||
      (closed && p->due_kind != KEFU_COMPLAINT_DEADLINE_NONE))
    return _("The complaint’s deadline does not fit its stage.");
  if ((p->escalation_level == KEFU_ESCALATION_NONE) != (p->escalated_at[0] == '\0') ||
      p->escalation_level > KEFU_ESCALATION_GM_OFFICE)
    return _("The complaint’s escalation level and time do not go together.");
  if (p->visitors != NULL &&
      (!kefu_complaint_get_harmed (complaint) || p->visited_at[0] == '\0' ||
       p->visit_outcome == NULL || p->visit_recorded_by <= 0))
    return _("Only a harmed customer is visited, and a visit needs its time, outcome and who "
             "recorded it.");
  return NULL;
}

/**
 * kefu_calls_bulk_set_complaints:
 * @bulk: a load from kefu_calls_bulk_prepare(), not inserted yet
 * @complaints: (array length=n_complaints) (nullable): what happened to complaints of the load
 * @alerts: (array length=n_alerts) (nullable): the batch alerts they raised
 *
 * See kefu-store-calls-bulk.h.
 *
 * Returns: %TRUE on success; on an error the load is unchanged
 */
gboolean
kefu_calls_bulk_set_complaints (KefuCallsBulk                *bulk,
                                const KefuCallBulkComplaint  *complaints,
                                guint                         n_complaints,
                                const KefuCallBulkBatchAlert *alerts,
                                guint                         n_alerts,
                                GError                      **error)
{
  guint progress_len, alerts_len;

  g_return_val_if_fail (bulk != NULL, FALSE);
  g_return_val_if_fail (!bulk->inserted, FALSE);
  g_return_val_if_fail (complaints != NULL || n_complaints == 0, FALSE);
  g_return_val_if_fail (alerts != NULL || n_alerts == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  progress_len = bulk->progress->len;
  alerts_len = bulk->alerts->len;

  for (guint i = 0; i < n_complaints; i++)
    {
      const KefuCallBulkComplaint *given = &complaints[i];
      KefuBulkCall *c = given->complaint < bulk->n_calls ? &bulk->calls[given->complaint] : NULL;
      KefuBulkProgress p = { 0 };
      const char *problem;

      if (c == NULL || c->kind != KEFU_CALL_KIND_COMPLAINT || c->progress != 0)
        {
          problem = _("A complaint record of the load does not belong to a complaint call, or "
                      "belongs to one that already has one.");
          goto failed;
        }

      p.stage = given->stage;
      time_text (given->stage_since, p.stage_since);
      time_text (given->routed_at, p.routed_at);
      time_text (given->acknowledged_at, p.acknowledged_at);
      p.acknowledged_by = given->acknowledged_by;
      time_text (given->resolved_at, p.resolved_at);
      time_text (given->resolve_due_at, p.resolve_due_at);
      time_text (given->called_back_at, p.called_back_at);
      time_text (given->closed_at, p.closed_at);
      p.due_kind = given->due_kind;
      time_text (given->due_at, p.due_at);
      p.escalation_level = given->escalation_level;
      time_text (given->escalated_at, p.escalated_at);
      p.resolution = copy_text (bulk, given->resolution);
      p.satisfaction = given->satisfaction;
      p.customer_words = copy_text (bulk, given->customer_words);
      p.visitors = copy_text (bulk, given->visitors);
      time_text (given->visited_at, p.visited_at);
      p.visit_outcome = copy_text (bulk, given->visit_outcome);
      p.visit_recorded_by = given->visit_recorded_by;
      /* A stage entered at an unknown time entered it at the call. */
      if (p.stage_since[0] == '\0')
        memcpy (p.stage_since, c->received, sizeof p.stage_since);

      problem = check_progress (c, &p, bulk->now);
      if (problem != NULL)
        goto failed;

      g_array_append_val (bulk->progress, p);
      c->progress = bulk->progress->len;
      if (p.visitors != NULL)
        bulk->n_visits++;
      continue;

    failed:
      /* Leave the load as it was. */
      for (guint j = progress_len; j < bulk->progress->len; j++)
        for (guint k = 0; k < bulk->complaints->len; k++)
          {
            KefuBulkCall *other = &bulk->calls[g_array_index (bulk->complaints, guint, k)];

            if (other->progress == j + 1)
              {
                if (g_array_index (bulk->progress, KefuBulkProgress, j).visitors != NULL)
                  bulk->n_visits--;
                other->progress = 0;
              }
          }
      g_array_set_size (bulk->progress, progress_len);
      _kefu_bulk_set_call_invalid (error, given->complaint, bulk->n_calls, problem);
      return FALSE;
    }

  for (guint i = 0; i < n_alerts; i++)
    {
      const KefuCallBulkBatchAlert *given = &alerts[i];
      KefuBulkCall *c = given->complaint < bulk->n_calls ? &bulk->calls[given->complaint] : NULL;
      KefuBulkAlert alert = { 0 };

      if (c == NULL || c->kind != KEFU_CALL_KIND_COMPLAINT || c->batch_key == NULL ||
          given->count == 0 || given->first_at == NULL ||
          (given->acknowledged_at != NULL && given->acknowledged_by <= 0))
        {
          g_array_set_size (bulk->alerts, alerts_len);
          _kefu_bulk_set_invalid (error, _("A batch alert of the load does not belong to a "
                                           "product-quality complaint with a batch number, or "
                                           "lacks its count, first time or who acknowledged it. "
                                           "Nothing was loaded."));
          return FALSE;
        }
      alert.call = given->complaint;
      alert.count = given->count;
      time_text (given->first_at, alert.first_at);
      time_text (given->acknowledged_at, alert.acknowledged_at);
      alert.acknowledged_by = given->acknowledged_at != NULL ? given->acknowledged_by : 0;
      alert.note = copy_text (bulk, given->note);
      g_array_append_val (bulk->alerts, alert);
    }
  return TRUE;
}
