/* kefu-callback.c: the callback record (回访) and its attempts.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback"

#include "config.h"

#include "kefu-callback.h"

void
kefu_callback_attempt_free (KefuCallbackAttempt *attempt)
{
  if (attempt == NULL)
    return;
  g_clear_pointer (&attempt->at, g_date_time_unref);
  g_free (attempt->by_name);
  g_free (attempt->note);
  g_free (attempt);
}

G_DEFINE_FINAL_TYPE (KefuCallback, kefu_callback, G_TYPE_OBJECT)

static void
kefu_callback_finalize (GObject *object)
{
  KefuCallback *self = KEFU_CALLBACK (object);

  g_free (self->customer_name);
  g_free (self->customer_phone);
  g_free (self->source_entity);
  g_free (self->source_reference);
  g_free (self->campaign_name);
  g_free (self->topic);
  g_clear_pointer (&self->due_at, g_date_time_unref);
  g_clear_pointer (&self->deadline_at, g_date_time_unref);
  g_clear_pointer (&self->agreed_at, g_date_time_unref);
  g_free (self->assigned_to_name);
  g_free (self->claimed_by_name);
  g_free (self->claim_workstation);
  g_clear_pointer (&self->claim_renewed_at, g_date_time_unref);
  g_clear_pointer (&self->escalated_at, g_date_time_unref);
  g_clear_pointer (&self->attempts, g_ptr_array_unref);
  g_free (self->customer_words);
  g_clear_pointer (&self->done_at, g_date_time_unref);
  g_free (self->done_by_name);
  g_free (self->cancel_reason);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (kefu_callback_parent_class)->finalize (object);
}

static void
kefu_callback_class_init (KefuCallbackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_callback_finalize;
}

static void
kefu_callback_init (KefuCallback *self)
{
  /* The array is always there, so that readers and the store append without checking. */
  self->attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_callback_attempt_free);
  self->state = KEFU_CALLBACK_STATE_DUE;
  self->method = KEFU_CALLBACK_METHOD_PHONE;
  self->satisfaction = KEFU_SATISFACTION_UNSPECIFIED;
}

KefuCallback *
kefu_callback_new (void)
{
  return g_object_new (KEFU_TYPE_CALLBACK, NULL);
}
