/* kefu-store-calls-async.c: kefu_store_save_call_async() for the intake pane.
 *
 * As for the record writes in kefu-store-async.c: the call (with its detail record, an order's
 * lines and a complaint's routes) is copied twice on the calling thread, the worker saves one
 * copy, and _finish sets on the caller's call, on the calling thread, what the save changed in
 * it. The worker never touches the caller's call, which is bound to the form's widgets.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-calls-private.h"

typedef struct
{
  /* The caller's call: only _finish touches it, on the calling thread. */
  KefuCall *call;
  /* Snapshots taken when the save was asked for; the worker saves `after` only. */
  KefuCall *before;
  KefuCall *after;
} SaveCallAsync;

static void
save_call_async_free (SaveCallAsync *save)
{
  g_clear_object (&save->call);
  g_clear_object (&save->before);
  g_clear_object (&save->after);
  g_free (save);
}

static void
save_call_thread_cb (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  SaveCallAsync *save = task_data;
  GError *error = NULL;

  if (kefu_store_save_call (source_object, save->after, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * kefu_store_save_call_async:
 * @call: a new call with the detail record of its kind
 *
 * kefu_store_save_call() on the worker thread, on a copy of @call taken now; @call gets what the
 * save decided in kefu_store_save_call_finish(), not before. Do not change @call meanwhile.
 */
void
kefu_store_save_call_async (KefuStore           *self,
                            KefuCall            *call,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveCallAsync *save;

  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (KEFU_IS_CALL (call));

  save = g_new0 (SaveCallAsync, 1);
  save->call = g_object_ref (call);
  save->before = _kefu_store_call_copy (call, FALSE);
  save->after = _kefu_store_call_copy (call, FALSE);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_store_save_call_async);
  /* A save that committed must say so even when it was cancelled meanwhile: the call exists
   * then, and the form must show its reference rather than let the clerk save it twice. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, save, (GDestroyNotify) save_call_async_free);
  _kefu_store_run_in_worker (self, task, save_call_thread_cb);
}

/**
 * kefu_store_save_call_finish:
 *
 * Sets on the call given to kefu_store_save_call_async() its ids, versions, times, reference,
 * summary, stored text and everything the store decided.
 *
 * Returns: %TRUE when the call was saved; on an error the call is unchanged
 */
gboolean
kefu_store_save_call_finish (KefuStore     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  SaveCallAsync *save;
  g_autoptr(KefuCall) call = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, kefu_store_save_call_async), FALSE);

  save = g_task_get_task_data (G_TASK (result));
  /* Dropped here, on the calling thread, rather than wherever the task is freed. */
  call = g_steal_pointer (&save->call);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (call != NULL)
    _kefu_store_call_apply_changes (call, save->before, save->after);
  return TRUE;
}
