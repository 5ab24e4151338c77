/* kefu-complaint-card-work.c: where the card's complaint is in its work (stage, owner,
 * departments, the times it was received and entered its stage, its deadline and escalation)
 * and its outcome so far (resolution, callback, visits).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-card"

#include "config.h"

#include "kefu-complaint-card-private.h"
#include "kefu-complaint-flow.h"

/* Makes `*field` hold `time` (a reference of it, or NULL); FALSE when it already held the same
 * moment, so that the setters notify only real changes. */
static gboolean
replace_time (GDateTime **field,
              GDateTime  *time)
{
  if (*field == time || (*field != NULL && time != NULL && g_date_time_equal (*field, time)))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  *field = time != NULL ? g_date_time_ref (time) : NULL;
  return TRUE;
}

KefuComplaintStage
kefu_complaint_card_get_stage (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), KEFU_COMPLAINT_STAGE_NEW);

  return self->stage;
}

void
kefu_complaint_card_set_stage (KefuComplaintCard  *self,
                               KefuComplaintStage  stage)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->stage == stage)
    return;

  self->stage = stage;
  _kefu_complaint_card_notify (self, PROP_STAGE);
}

gint64
kefu_complaint_card_get_owner_id (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), 0);

  return self->owner_id;
}

void
kefu_complaint_card_set_owner_id (KefuComplaintCard *self,
                                  gint64             staff_id)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->owner_id == staff_id)
    return;

  self->owner_id = staff_id;
  _kefu_complaint_card_notify (self, PROP_OWNER_ID);
}

const char *
kefu_complaint_card_get_owner_name (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->owner_name;
}

void
kefu_complaint_card_set_owner_name (KefuComplaintCard *self,
                                    const char        *name)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (!g_set_str (&self->owner_name, name))
    return;
  _kefu_complaint_card_notify (self, PROP_OWNER_NAME);
}

const char *
kefu_complaint_card_get_departments (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->departments;
}

void
kefu_complaint_card_set_departments (KefuComplaintCard *self,
                                     const char        *names)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (!g_set_str (&self->departments, names))
    return;
  _kefu_complaint_card_notify (self, PROP_DEPARTMENTS);
}

/**
 * kefu_complaint_card_get_department_ids:
 *
 * Returns: (transfer none) (element-type gint64): the routed departments' ids, in routing order
 */
GArray *
kefu_complaint_card_get_department_ids (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->department_ids;
}

void
kefu_complaint_card_add_department_id (KefuComplaintCard *self,
                                       gint64             department_id)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));
  g_return_if_fail (department_id > 0);

  g_array_append_val (self->department_ids, department_id);
}

/**
 * kefu_complaint_card_get_received_at:
 *
 * Returns: (transfer none) (nullable): the time
 */
GDateTime *
kefu_complaint_card_get_received_at (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->received_at;
}

void
kefu_complaint_card_set_received_at (KefuComplaintCard *self,
                                     GDateTime         *time)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (replace_time (&self->received_at, time))
    _kefu_complaint_card_notify (self, PROP_RECEIVED_AT);
}

/**
 * kefu_complaint_card_get_stage_since:
 *
 * Returns: (transfer none) (nullable): the time
 */
GDateTime *
kefu_complaint_card_get_stage_since (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->stage_since;
}

void
kefu_complaint_card_set_stage_since (KefuComplaintCard *self,
                                     GDateTime         *time)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (replace_time (&self->stage_since, time))
    _kefu_complaint_card_notify (self, PROP_STAGE_SINCE);
}

KefuComplaintDeadline
kefu_complaint_card_get_due_kind (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), KEFU_COMPLAINT_DEADLINE_NONE);

  return self->due_kind;
}

/**
 * kefu_complaint_card_get_due_at:
 *
 * Returns: (transfer none) (nullable): when the deadline falls
 */
GDateTime *
kefu_complaint_card_get_due_at (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->due_at;
}

void
kefu_complaint_card_set_due (KefuComplaintCard     *self,
                             KefuComplaintDeadline  kind,
                             GDateTime             *due_at)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  /* A deadline without a time, or a time without a deadline, would show a wrong colour. */
  if (kind == KEFU_COMPLAINT_DEADLINE_NONE || due_at == NULL)
    {
      kind = KEFU_COMPLAINT_DEADLINE_NONE;
      due_at = NULL;
    }

  if (self->due_kind != kind)
    {
      self->due_kind = kind;
      _kefu_complaint_card_notify (self, PROP_DUE_KIND);
    }
  if (replace_time (&self->due_at, due_at))
    _kefu_complaint_card_notify (self, PROP_DUE_AT);
}

KefuEscalationLevel
kefu_complaint_card_get_escalation (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), KEFU_ESCALATION_NONE);

  return self->escalation;
}

void
kefu_complaint_card_set_escalation (KefuComplaintCard   *self,
                                    KefuEscalationLevel  level)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->escalation == level)
    return;

  self->escalation = level;
  _kefu_complaint_card_notify (self, PROP_ESCALATION);
}

KefuDeadlineState
kefu_complaint_card_get_deadline_state (KefuComplaintCard *self,
                                        GDateTime         *now)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), KEFU_DEADLINE_STATE_NONE);
  g_return_val_if_fail (now != NULL, KEFU_DEADLINE_STATE_NONE);

  return kefu_deadline_state (self->stage_since, self->due_at, now);
}

const char *
kefu_complaint_card_get_resolution (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->resolution;
}

void
kefu_complaint_card_set_resolution (KefuComplaintCard *self,
                                    const char        *resolution)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (!g_set_str (&self->resolution, resolution))
    return;
  _kefu_complaint_card_notify (self, PROP_RESOLUTION);
}

KefuSatisfaction
kefu_complaint_card_get_satisfaction (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), KEFU_SATISFACTION_UNSPECIFIED);

  return self->satisfaction;
}

void
kefu_complaint_card_set_satisfaction (KefuComplaintCard *self,
                                      KefuSatisfaction   satisfaction)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->satisfaction == satisfaction)
    return;

  self->satisfaction = satisfaction;
  _kefu_complaint_card_notify (self, PROP_SATISFACTION);
}

const char *
kefu_complaint_card_get_customer_words (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), NULL);

  return self->customer_words;
}

void
kefu_complaint_card_set_customer_words (KefuComplaintCard *self,
                                        const char        *words)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (!g_set_str (&self->customer_words, words))
    return;
  _kefu_complaint_card_notify (self, PROP_CUSTOMER_WORDS);
}

guint
kefu_complaint_card_get_n_visits (KefuComplaintCard *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (self), 0);

  return self->n_visits;
}

void
kefu_complaint_card_set_n_visits (KefuComplaintCard *self,
                                  guint              n_visits)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (self));

  if (self->n_visits == n_visits)
    return;

  self->n_visits = n_visits;
  _kefu_complaint_card_notify (self, PROP_N_VISITS);
}
