/* kefu-store-async.c: the store's single worker thread and the _async forms for the UI.
 *
 * One exclusive thread per store runs the jobs in order, so the UI never waits on the
 * connection lock and the connection is used by one thread at a time. Each job is a GTask; a job
 * cancelled before it starts never touches the database, and one cancelled while it runs finishes
 * with G_IO_ERROR_CANCELLED (GTask's check-cancellable, and the backends' progress handlers).
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-internal.h"

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
  /* The actor when the job was queued: a change asked for before a staff switch is recorded
   * against whoever asked for it, even when it runs after the switch. */
  gint64           actor;
} Job;

static GMutex pools_lock;
static GHashTable *pools;   /* KefuStore* → GThreadPool*, see get_pool() */

static void
worker_cb (gpointer data,
           gpointer user_data)
{
  Job *job = data;

  if (!g_task_return_error_if_cancelled (job->task))
    {
      KefuStore *store = g_task_get_source_object (job->task);

      _kefu_store_push_job_actor (store, job->actor);
      job->func (job->task, store, g_task_get_task_data (job->task),
                 g_task_get_cancellable (job->task));
      _kefu_store_pop_job_actor (store);
    }
  g_object_unref (job->task);
  g_free (job);
}

static void
store_finalized_cb (gpointer  data,
                    GObject  *where_the_object_was)
{
  GThreadPool *pool;

  g_mutex_lock (&pools_lock);
  pool = g_hash_table_lookup (pools, where_the_object_was);
  g_hash_table_remove (pools, where_the_object_was);
  g_mutex_unlock (&pools_lock);

  /* Every job holds a reference to the store, so the pool is idle. This can run on the worker
   * thread itself (a job may drop the last reference), hence no waiting. */
  if (pool != NULL)
    g_thread_pool_free (pool, TRUE, FALSE);
}

/* The pool is made on the first asynchronous call, so kefuctl and tests that never use one do
 * not start a thread. */
static GThreadPool *
get_pool (KefuStore *self)
{
  GThreadPool *pool;

  g_mutex_lock (&pools_lock);
  if (pools == NULL)
    pools = g_hash_table_new (NULL, NULL);
  pool = g_hash_table_lookup (pools, self);
  if (pool == NULL)
    {
      pool = g_thread_pool_new (worker_cb, NULL, 1, TRUE, NULL);
      g_hash_table_insert (pools, self, pool);
      g_object_weak_ref (G_OBJECT (self), store_finalized_cb, NULL);
    }
  g_mutex_unlock (&pools_lock);
  return pool;
}

void
_kefu_store_run_in_worker (KefuStore       *self,
                           GTask           *task,
                           GTaskThreadFunc  func)
{
  Job *job = g_new0 (Job, 1);

  job->task = g_object_ref (task);
  job->func = func;
  job->actor = kefu_store_get_actor (self);
  g_thread_pool_push (get_pool (self), job, NULL);
}

/* kefu_store_run_async */

typedef struct
{
  KefuStoreFunc   func;
  gpointer        data;
  GDestroyNotify  data_free;
} RunData;

static void
run_data_free (RunData *run)
{
  if (run->data_free != NULL)
    run->data_free (run->data);
  g_free (run);
}

static void
run_thread_cb (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RunData *run = task_data;
  GError *error = NULL;
  gpointer result = run->func (source_object, run->data, cancellable, &error);

  if (error != NULL)
    {
      g_clear_object (&result);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, g_object_unref);
}

/* kefu_store_run_async() with the source tag of the public function that uses it. */
static void
run_tagged_async (KefuStore           *self,
                  KefuStoreFunc        func,
                  gpointer             data,
                  GDestroyNotify       data_free,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *run = g_new0 (RunData, 1);

  run->func = func;
  run->data = data;
  run->data_free = data_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, run, (GDestroyNotify) run_data_free);
  _kefu_store_run_in_worker (self, task, run_thread_cb);
}

/**
 * kefu_store_run_async:
 * @func: runs on the worker thread; returns a #GObject (or %NULL with an error)
 * @data: (nullable): for @func
 * @data_free: (nullable): frees @data when the call is done
 *
 * Runs any store function off the main thread, in order with the store's other asynchronous
 * calls.
 */
void
kefu_store_run_async (KefuStore           *self,
                      KefuStoreFunc        func,
                      gpointer             data,
                      GDestroyNotify       data_free,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (func != NULL);

  run_tagged_async (self, func, data, data_free, kefu_store_run_async,
                    cancellable, callback, user_data);
}

/**
 * kefu_store_run_finish:
 *
 * Returns: (transfer full): what the function returned, or %NULL with @error set
 */
gpointer
kefu_store_run_finish (KefuStore     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* kefu_store_list_staff_async */

static gpointer
list_staff_func (KefuStore     *self,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return kefu_store_list_staff (self, GPOINTER_TO_INT (data), cancellable, error);
}

void
kefu_store_list_staff_async (KefuStore           *self,
                             gboolean             active_only,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (KEFU_IS_STORE (self));

  run_tagged_async (self, list_staff_func, GINT_TO_POINTER (!!active_only), NULL,
                    kefu_store_list_staff_async, cancellable, callback, user_data);
}

/**
 * kefu_store_list_staff_finish:
 *
 * Returns: (transfer full): a #GListModel of #KefuStaff, or %NULL with @error set
 */
GListModel *
kefu_store_list_staff_finish (KefuStore     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* kefu_store_count_customers_async */

static void
count_customers_thread_cb (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  GError *error = NULL;
  gint64 count = kefu_store_count_customers (source_object, cancellable, &error);

  if (count < 0)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_memdup2 (&count, sizeof count), g_free);
}

void
kefu_store_count_customers_async (KefuStore           *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KEFU_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_store_count_customers_async);
  _kefu_store_run_in_worker (self, task, count_customers_thread_cb);
}

/**
 * kefu_store_count_customers_finish:
 *
 * Returns: the number of customers, or -1 with @error set
 */
gint64
kefu_store_count_customers_finish (KefuStore     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_autofree gint64 *count = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  count = g_task_propagate_pointer (G_TASK (result), error);
  return count != NULL ? *count : -1;
}

/* Record writes: kefu_store_create_customer_async() and the others.
 *
 * The synchronous writes set the id, version, times, normalised text and phones on the record
 * they are given, on the thread that runs them. Run on the worker, that would emit the record's
 * notifications there while it is bound to widgets on the main thread. So the _async forms take
 * two snapshots of the record on the calling thread, run the write on the worker against one of
 * them, and _finish (on the calling thread, where the callback runs) sets on the caller's record
 * what the write changed in that snapshot. */

typedef gboolean (*RecordWriteFunc) (KefuStore     *self,
                                     gpointer       record,
                                     GCancellable  *cancellable,
                                     GError       **error);

typedef struct
{
  RecordWriteFunc  func;
  /* The caller's record: only _finish touches it, on the calling thread. */
  GObject         *record;
  /* Snapshots taken when the write was asked for; the worker writes `after` only. */
  GObject         *before;
  GObject         *after;
} RecordWrite;

static void
record_write_free (RecordWrite *write)
{
  g_clear_object (&write->record);
  g_clear_object (&write->before);
  g_clear_object (&write->after);
  g_free (write);
}

static void
record_write_thread_cb (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  RecordWrite *write = task_data;
  GError *error = NULL;

  if (write->func (source_object, write->after, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_record_async (KefuStore           *self,
                    gpointer             record,
                    RecordWriteFunc      func,
                    gpointer             source_tag,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RecordWrite *write;

  write = g_new0 (RecordWrite, 1);
  write->func = func;
  write->record = g_object_ref (record);
  write->before = _kefu_store_record_copy (record);
  write->after = _kefu_store_record_copy (record);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  /* A write that committed must say so even when it was cancelled meanwhile, or the caller's
   * record would keep its old version and its next update would fail as stale. A cancellation
   * before the write starts, or one the backend notices while it runs, still reports
   * G_IO_ERROR_CANCELLED. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, write, (GDestroyNotify) record_write_free);
  _kefu_store_run_in_worker (self, task, record_write_thread_cb);
}

static gboolean
write_record_finish (KefuStore     *self,
                     GAsyncResult  *result,
                     gpointer       source_tag,
                     GError       **error)
{
  RecordWrite *write;
  g_autoptr(GObject) record = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);

  write = g_task_get_task_data (G_TASK (result));
  /* Dropped here, on the calling thread, rather than wherever the task is freed. */
  record = g_steal_pointer (&write->record);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (record != NULL)
    _kefu_store_record_apply_changes (record, write->before, write->after);
  return TRUE;
}

/* The sync writes, with the record as a plain pointer for RecordWriteFunc. */
#define RECORD_WRITE_FUNC(func) ((RecordWriteFunc) (void (*) (void)) (func))

/**
 * kefu_store_create_customer_async:
 *
 * kefu_store_create_customer() on the worker thread; @customer gets its id, version, times and
 * stored text in kefu_store_create_customer_finish(), not before.
 */
void
kefu_store_create_customer_async (KefuStore           *self,
                                  KefuCustomer        *customer,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (KEFU_IS_CUSTOMER (customer));

  write_record_async (self, customer, RECORD_WRITE_FUNC (kefu_store_create_customer),
                      kefu_store_create_customer_async, cancellable, callback, user_data);
}

gboolean
kefu_store_create_customer_finish (KefuStore     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return write_record_finish (self, result, kefu_store_create_customer_async, error);
}

void
kefu_store_update_customer_async (KefuStore           *self,
                                  KefuCustomer        *customer,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (KEFU_IS_CUSTOMER (customer));

  write_record_async (self, customer, RECORD_WRITE_FUNC (kefu_store_update_customer),
                      kefu_store_update_customer_async, cancellable, callback, user_data);
}

gboolean
kefu_store_update_customer_finish (KefuStore     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return write_record_finish (self, result, kefu_store_update_customer_async, error);
}

void
kefu_store_create_staff_async (KefuStore           *self,
                               KefuStaff           *staff,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (KEFU_IS_STAFF (staff));

  write_record_async (self, staff, RECORD_WRITE_FUNC (kefu_store_create_staff),
                      kefu_store_create_staff_async, cancellable, callback, user_data);
}

gboolean
kefu_store_create_staff_finish (KefuStore     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return write_record_finish (self, result, kefu_store_create_staff_async, error);
}

void
kefu_store_update_staff_async (KefuStore           *self,
                               KefuStaff           *staff,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (KEFU_IS_STAFF (staff));

  write_record_async (self, staff, RECORD_WRITE_FUNC (kefu_store_update_staff),
                      kefu_store_update_staff_async, cancellable, callback, user_data);
}

gboolean
kefu_store_update_staff_finish (KefuStore     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return write_record_finish (self, result, kefu_store_update_staff_async, error);
}

void
kefu_store_create_product_async (KefuStore           *self,
                                 KefuProduct         *product,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (KEFU_IS_PRODUCT (product));

  write_record_async (self, product, RECORD_WRITE_FUNC (kefu_store_create_product),
                      kefu_store_create_product_async, cancellable, callback, user_data);
}

gboolean
kefu_store_create_product_finish (KefuStore     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return write_record_finish (self, result, kefu_store_create_product_async, error);
}

void
kefu_store_update_product_async (KefuStore           *self,
                                 KefuProduct         *product,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (KEFU_IS_PRODUCT (product));

  write_record_async (self, product, RECORD_WRITE_FUNC (kefu_store_update_product),
                      kefu_store_update_product_async, cancellable, callback, user_data);
}

gboolean
kefu_store_update_product_finish (KefuStore     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return write_record_finish (self, result, kefu_store_update_product_async, error);
}

void
kefu_store_create_department_async (KefuStore           *self,
                                    KefuDepartment      *department,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (KEFU_IS_DEPARTMENT (department));

  write_record_async (self, department, RECORD_WRITE_FUNC (kefu_store_create_department),
                      kefu_store_create_department_async, cancellable, callback, user_data);
}

gboolean
kefu_store_create_department_finish (KefuStore     *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return write_record_finish (self, result, kefu_store_create_department_async, error);
}
