/* kefu-store-complaint-counts.c: the open, urgent and overdue complaint counts for the sidebar,
 * on the store's worker thread.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-internal.h"
#include "kefu-store-complaints.h"
#include "kefu-store-complaint-counts.h"

/* What the worker hands back: open, urgent, overdue. */
typedef struct
{
  gint64 n_open;
  gint64 n_urgent;
  gint64 n_overdue;
} Counts;

static void
count_thread_cb (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  Counts counts = { 0, 0, 0 };

  if (!kefu_store_count_open_complaints (source_object, &counts.n_open, &counts.n_urgent,
                                         &counts.n_overdue, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_memdup2 (&counts, sizeof counts), g_free);
}

void
kefu_store_count_open_complaints_async (KefuStore           *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KEFU_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_store_count_open_complaints_async);
  _kefu_store_run_in_worker (self, task, count_thread_cb);
}

/**
 * kefu_store_count_open_complaints_finish_full:
 * @n_urgent: (out) (optional): how many open complaints are urgent (a customer was harmed)
 * @n_overdue: (out) (optional): how many are past their deadline
 *
 * Returns: the number of open complaints, or -1 with @error set
 */
gint64
kefu_store_count_open_complaints_finish_full (KefuStore     *self,
                                              GAsyncResult  *result,
                                              gint64        *n_urgent,
                                              gint64        *n_overdue,
                                              GError       **error)
{
  g_autofree Counts *counts = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  counts = g_task_propagate_pointer (G_TASK (result), error);
  if (n_urgent != NULL)
    *n_urgent = counts != NULL ? counts->n_urgent : -1;
  if (n_overdue != NULL)
    *n_overdue = counts != NULL ? counts->n_overdue : -1;

  return counts != NULL ? counts->n_open : -1;
}

/**
 * kefu_store_count_open_complaints_finish:
 *
 * Returns: the number of open complaints, or -1 with @error set
 */
gint64
kefu_store_count_open_complaints_finish (KefuStore     *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return kefu_store_count_open_complaints_finish_full (self, result, NULL, NULL, error);
}
