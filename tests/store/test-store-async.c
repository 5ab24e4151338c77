/* test-store-async.c: the asynchronous forms the UI uses: results on the main loop,
 * cancellation, opening off the main thread, and the actor captured when a job is queued.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kefu-test-pg.h"
#include "test-store.h"

/* Asynchronous forms */

typedef struct
{
  GMainLoop  *loop;
  GThread    *main_thread;
  GListModel *staff;
  gint64      count;
  GObject    *object;
  GError     *error;
  guint       done;
  /* Record writes: the _finish to call, what it returned, the record's notifications so far. */
  gboolean  (*write_finish) (KefuStore *, GAsyncResult *, GError **);
  gboolean    written;
  guint       notifies;
  guint       notifies_before_finish;
} AsyncState;

static void
list_staff_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  state->staff = kefu_store_list_staff_finish (KEFU_STORE (source), result, &state->error);
  state->done++;
  g_main_loop_quit (state->loop);
}

static void
count_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  state->count = kefu_store_count_customers_finish (KEFU_STORE (source), result, &state->error);
  state->done++;
  g_main_loop_quit (state->loop);
}

static gpointer
get_customer_func (KefuStore     *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  /* Runs on the worker thread, never on the main one. */
  g_assert_false (g_main_context_is_owner (g_main_context_default ()));
  return kefu_store_get_customer (store, *(gint64 *) data, cancellable, error);
}

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  AsyncState *state = user_data;

  state->object = kefu_store_run_finish (KEFU_STORE (source), result, &state->error);
  state->done++;
  g_main_loop_quit (state->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  AsyncState state = { .loop = g_main_loop_new (NULL, FALSE), .main_thread = g_thread_self () };
  g_autoptr(KefuCustomer) customer = test_new_customer ("李娜", "13912345678", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 *id = g_new (gint64, 1);

  g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  test_create_staff (fixture->store, "clerk.async", KEFU_ROLE_CLERK);

  kefu_store_list_staff_async (fixture->store, TRUE, NULL, list_staff_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_cmpuint (g_list_model_get_n_items (state.staff), ==, 1);
  g_clear_object (&state.staff);

  kefu_store_count_customers_async (fixture->store, NULL, count_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_cmpint (state.count, ==, 1);

  *id = kefu_record_get_id (KEFU_RECORD (customer));
  kefu_store_run_async (fixture->store, get_customer_func, id, g_free, NULL, run_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_true (KEFU_IS_CUSTOMER (state.object));
  g_assert_cmpstr (kefu_customer_get_name (KEFU_CUSTOMER (state.object)), ==, "李娜");
  g_clear_object (&state.object);

  /* A cancelled call reports G_IO_ERROR_CANCELLED, which the UI never shows. */
  g_cancellable_cancel (cancellable);
  kefu_store_count_customers_async (fixture->store, cancellable, count_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (state.count, ==, -1);
  g_clear_error (&state.error);

  kefu_store_list_staff_async (fixture->store, FALSE, cancellable, list_staff_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (state.staff);
  g_clear_error (&state.error);

  g_assert_cmpuint (state.done, ==, 5);
  g_main_loop_unref (state.loop);
}

/* A change queued before a staff switch is recorded against whoever asked for it. */
typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean go;
  guint    done;
} Gate;

static gpointer
wait_at_gate_func (KefuStore     *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Gate *gate = data;

  g_mutex_lock (&gate->lock);
  while (!gate->go)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
  return NULL;
}

static gpointer
set_setting_func (KefuStore     *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  kefu_store_set_setting (store, "queued.before.switch", "1", cancellable, error);
  return NULL;
}

static void
gate_job_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Gate *gate = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = kefu_store_run_finish (KEFU_STORE (source), result, &error);

  g_assert_no_error (error);
  gate->done++;
}

static void
test_async_actor_when_queued (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 first = test_create_staff (fixture->store, "first.clerk", KEFU_ROLE_CLERK);
  gint64 second = test_create_staff (fixture->store, "second.clerk", KEFU_ROLE_CLERK);
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;
  Gate gate = { 0 };
  gboolean found = FALSE;

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);

  kefu_store_set_actor (fixture->store, first);
  /* The worker is kept busy, so the write is still queued when the staff member changes. */
  kefu_store_run_async (fixture->store, wait_at_gate_func, &gate, NULL, NULL, gate_job_done_cb,
                        &gate);
  kefu_store_run_async (fixture->store, set_setting_func, NULL, NULL, NULL, gate_job_done_cb,
                        &gate);
  kefu_store_set_actor (fixture->store, second);

  g_mutex_lock (&gate.lock);
  gate.go = TRUE;
  g_cond_signal (&gate.cond);
  g_mutex_unlock (&gate.lock);
  while (gate.done < 2)
    g_main_context_iteration (NULL, TRUE);

  events = kefu_store_list_events (fixture->store, "settings", 0, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (events, i);

      if (strstr (kefu_event_get_details (event), "queued.before.switch") != NULL)
        {
          g_assert_cmpint (kefu_event_get_staff_id (event), ==, first);
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* A synchronous write on this thread uses the current actor. */
  g_assert_true (kefu_store_set_setting (fixture->store, "after.switch", "1", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->store,
                               "SELECT COUNT(*) FROM events WHERE entity = 'settings' AND "
                               "details LIKE '%after.switch%' AND staff_id = "
                               "(SELECT id FROM staff WHERE login = 'second.clerk')"), ==, 1);
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

static gpointer
cancel_later_thread (gpointer data)
{
  g_usleep (G_USEC_PER_SEC / 5);
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_cancel_running_query (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(KefuRows) rows = NULL;
  GThread *thread;
  gint64 start;

  /* A statement that would run for minutes (a slow search over a big table) stops soon after
   * it is cancelled, and says so. */
  thread = g_thread_new ("canceller", cancel_later_thread, cancellable);
  start = g_get_monotonic_time ();
  rows = _kefu_store_query (fixture->store,
                            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                            "WHERE x < 2000000000) SELECT COUNT(*) FROM c",
                            NULL, cancellable, &error);
  g_thread_join (thread);
  g_assert_null (rows);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  /* The connection is still good afterwards. */
  g_assert_cmpint (test_count (fixture->store, "SELECT COUNT(*) FROM staff"), ==, 1);
}

static void
open_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncState *state = user_data;

  state->object = G_OBJECT (kefu_store_open_finish (result, &state->error));
  g_main_loop_quit (state->loop);
}

static void
test_open_async (Fixture       *fixture,
                 gconstpointer  data)
{
  AsyncState state = { .loop = g_main_loop_new (NULL, FALSE) };

  fixture_close (fixture);
  kefu_store_open_async (fixture->location, NULL, open_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_true (KEFU_IS_STORE (state.object));
  g_assert_cmpuint (kefu_store_get_schema_version_found (KEFU_STORE (state.object)), ==,
                    KEFU_SCHEMA_VERSION);
  fixture->store = KEFU_STORE (g_steal_pointer (&state.object));

  /* A location that cannot be opened reports why, on the main loop, without a store. */
  if (test_backend () == KEFU_STORE_BACKEND_SQLITE)
    {
      g_autofree char *folder = g_build_filename (fixture->dir, "a-folder", NULL);

      g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
      kefu_store_open_async (folder, NULL, open_cb, &state);
      g_main_loop_run (state.loop);
      g_assert_null (state.object);
      g_assert_error (state.error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_A_DATABASE);
      g_clear_error (&state.error);
    }
  g_main_loop_unref (state.loop);
}

/* Record writes: the caller's record changes only in _finish, on the main thread. */

static void
record_notify_cb (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  AsyncState *state = user_data;

  /* A notification on the worker would reach widgets bound to the record off the main thread. */
  g_assert_true (g_thread_self () == state->main_thread);
  state->notifies++;
}

static void
write_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  state->notifies_before_finish = state->notifies;
  state->written = state->write_finish (KEFU_STORE (source), result, &state->error);
  state->done++;
  g_main_loop_quit (state->loop);
}

/* Runs the queued write to its callback; returns whether _finish reported success. */
static gboolean
wait_for_write (AsyncState *state)
{
  state->notifies = 0;
  state->notifies_before_finish = 0;
  g_main_loop_run (state->loop);
  g_assert_cmpuint (state->notifies_before_finish, ==, 0);
  return state->written;
}

static void
test_async_write_customer (Fixture       *fixture,
                           gconstpointer  data)
{
  AsyncState state = { .loop = g_main_loop_new (NULL, FALSE), .main_thread = g_thread_self () };
  g_autoptr(KefuCustomer) customer = test_new_customer ("\u3000王芳 ", "+86 139-1234-5678", NULL);
  g_autoptr(KefuCustomer) other = NULL;
  g_autoptr(KefuCustomer) stored = NULL;
  g_autoptr(KefuStaff) staff = kefu_staff_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_signal_connect (customer, "notify", G_CALLBACK (record_notify_cb), &state);

  /* Create: the record gets its id, version, times, stored text and numbers in _finish. */
  state.write_finish = kefu_store_create_customer_finish;
  kefu_store_create_customer_async (fixture->store, customer, NULL, write_cb, &state);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (customer)), ==, 0);
  g_assert_true (wait_for_write (&state));
  g_assert_no_error (state.error);
  g_assert_cmpuint (state.notifies, >, 0);
  id = kefu_record_get_id (KEFU_RECORD (customer));
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (customer)), ==, 1);
  g_assert_nonnull (kefu_record_get_created_at (KEFU_RECORD (customer)));
  g_assert_nonnull (kefu_record_get_updated_at (KEFU_RECORD (customer)));
  g_assert_cmpstr (kefu_customer_get_name (customer), ==, "王芳");
  g_assert_cmpstrv (kefu_customer_get_phones (customer),
                    ((const char *[]) { "13912345678", NULL }));

  stored = kefu_store_get_customer (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_name (stored), ==, "王芳");
  g_assert_true (g_date_time_equal (kefu_record_get_created_at (KEFU_RECORD (stored)),
                                    kefu_record_get_created_at (KEFU_RECORD (customer))));
  g_clear_object (&stored);

  /* Update: the new version and the stored text, again only in _finish. */
  kefu_customer_set_name (customer, " 王芳芳 ");
  kefu_customer_set_phones (customer, (const char *[]) { "139 1234 5678", "010-8765-4321", NULL });
  state.write_finish = kefu_store_update_customer_finish;
  kefu_store_update_customer_async (fixture->store, customer, NULL, write_cb, &state);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (customer)), ==, 1);
  g_assert_true (wait_for_write (&state));
  g_assert_no_error (state.error);
  g_assert_cmpuint (state.notifies, >, 0);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (customer)), ==, id);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (customer)), ==, 2);
  g_assert_cmpstr (kefu_customer_get_name (customer), ==, "王芳芳");
  g_assert_cmpstrv (kefu_customer_get_phones (customer),
                    ((const char *[]) { "13912345678", "01087654321", NULL }));

  /* Stale: someone else changed the customer; the write fails and the record is left as it
   * was, not even its text normalised. */
  other = kefu_store_get_customer (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  kefu_customer_set_notes (other, "来电要求回访");
  g_assert_true (kefu_store_update_customer (fixture->store, other, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (other)), ==, 3);

  kefu_customer_set_address (customer, " 北京市朝阳区 ");
  kefu_store_update_customer_async (fixture->store, customer, NULL, write_cb, &state);
  g_assert_false (wait_for_write (&state));
  g_assert_error (state.error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_clear_error (&state.error);
  g_assert_cmpuint (state.notifies, ==, 0);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (customer)), ==, 2);
  g_assert_cmpstr (kefu_customer_get_address (customer), ==, " 北京市朝阳区 ");

  /* Cancelled before it ran: G_IO_ERROR_CANCELLED, the record and the row unchanged. */
  g_signal_connect (other, "notify", G_CALLBACK (record_notify_cb), &state);
  kefu_customer_set_name (other, " 王小芳 ");
  g_cancellable_cancel (cancellable);
  kefu_store_update_customer_async (fixture->store, other, cancellable, write_cb, &state);
  g_assert_false (wait_for_write (&state));
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);
  g_assert_cmpuint (state.notifies, ==, 0);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (other)), ==, 3);
  g_assert_cmpstr (kefu_customer_get_name (other), ==, " 王小芳 ");
  stored = kefu_store_get_customer (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (stored)), ==, 3);
  g_assert_cmpstr (kefu_customer_get_name (stored), ==, "王芳芳");

  /* The other records share the same path: a staff member gets its id in _finish. */
  kefu_staff_set_name (staff, " 张伟 ");
  kefu_staff_set_login (staff, "zhang.wei");
  kefu_staff_set_role (staff, KEFU_ROLE_CLERK);
  g_signal_connect (staff, "notify", G_CALLBACK (record_notify_cb), &state);
  state.write_finish = kefu_store_create_staff_finish;
  kefu_store_create_staff_async (fixture->store, staff, NULL, write_cb, &state);
  g_assert_true (wait_for_write (&state));
  g_assert_no_error (state.error);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (staff)), >, 0);
  g_assert_cmpstr (kefu_staff_get_name (staff), ==, "张伟");

  g_assert_cmpuint (state.done, ==, 5);
  g_main_loop_unref (state.loop);
}

void
test_store_add_async_tests (void)
{
  TEST_ADD ("async/calls", test_async);
  TEST_ADD ("async/cancel-running-query", test_cancel_running_query);
  TEST_ADD ("async/open", test_open_async);
  TEST_ADD ("async/actor-when-queued", test_async_actor_when_queued);
  TEST_ADD ("async/write-customer", test_async_write_customer);
}
