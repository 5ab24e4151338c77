/* kefu-store-complaints-async.c: the board's asynchronous forms. The worker thread works on
 * copies of the filter and the change taken when the call is made, so that the pane may change
 * or free its own while the job waits in the queue.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-complaints-private.h"

/* kefu_store_list_board_complaints_async */

typedef struct
{
  KefuComplaintFilter *filter;
  guint                closed_days;
} ListBoard;

static void
list_board_free (ListBoard *list)
{
  g_clear_pointer (&list->filter, kefu_complaint_filter_free);
  g_free (list);
}

static gpointer
list_board_func (KefuStore     *self,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  ListBoard *list = data;

  return kefu_store_list_board_complaints (self, list->filter, list->closed_days,
                                           cancellable, error);
}

/**
 * kefu_store_list_board_complaints_async:
 * @filter: (nullable): copied now
 *
 * kefu_store_list_board_complaints() on the store's worker thread.
 */
void
kefu_store_list_board_complaints_async (KefuStore                 *self,
                                        const KefuComplaintFilter *filter,
                                        guint                      closed_days,
                                        GCancellable              *cancellable,
                                        GAsyncReadyCallback        callback,
                                        gpointer                   user_data)
{
  ListBoard *list;

  g_return_if_fail (KEFU_IS_STORE (self));

  list = g_new0 (ListBoard, 1);
  list->filter = filter != NULL ? kefu_complaint_filter_copy (filter) : kefu_complaint_filter_new ();
  list->closed_days = closed_days;
  kefu_store_run_async (self, list_board_func, list, (GDestroyNotify) list_board_free,
                        cancellable, callback, user_data);
}

/**
 * kefu_store_list_board_complaints_finish:
 *
 * Returns: (transfer full): a #GListModel of #KefuComplaintCard, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
GListModel *
kefu_store_list_board_complaints_finish (KefuStore     *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  return kefu_store_run_finish (self, result, error);
}

/* kefu_store_change_complaint_async */

static void
change_complaint_thread_cb (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  KefuComplaintChange *change = task_data;
  GError *error = NULL;
  KefuComplaintCard *card;

  card = kefu_store_change_complaint (source_object, change, cancellable, &error);
  if (card != NULL)
    g_task_return_pointer (task, card, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * kefu_store_change_complaint_async:
 * @change: copied now
 *
 * kefu_store_change_complaint() on the store's worker thread, recorded against the actor of the
 * moment it was asked for.
 */
void
kefu_store_change_complaint_async (KefuStore                 *self,
                                   const KefuComplaintChange *change,
                                   GCancellable              *cancellable,
                                   GAsyncReadyCallback        callback,
                                   gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (change != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_store_change_complaint_async);
  /* A change that committed must say so even when it was cancelled meanwhile: the pane then
   * shows the new card instead of offering the same action again. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, kefu_complaint_change_copy (change),
                        (GDestroyNotify) kefu_complaint_change_free);
  _kefu_store_run_in_worker (self, task, change_complaint_thread_cb);
}

/**
 * kefu_store_change_complaint_finish:
 *
 * Returns: (transfer full): the complaint's new card, or %NULL with @error set
 */
KefuComplaintCard *
kefu_store_change_complaint_finish (KefuStore     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, kefu_store_change_complaint_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
