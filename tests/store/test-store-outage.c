/* test-store-outage.c: the database going out of reach and coming back, on both backends: the
 * offline error, the connection state with its back-off, the intake queue (order, each call
 * once, a crash between the write and the queue's update), and a session that lives through
 * the outage (PostgreSQL: the server stopped and started; SQLite: the database's folder taken
 * away and brought back, as when a file share drops) with its queued calls arriving once, in
 * order, and live refresh resuming.
 *
 * SQLite runs as on a network share (KEFU_TEST_PRETEND_NETWORK_FS=1): rollback journal, which
 * is made beside the file for each write, as on a shared folder.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-store-outage"

#include "config.h"

#include <glib/gstdio.h>

#include "core/kefu-call-draft.h"
#include "kefu-test-pg.h"
#include "store/kefu-intake-queue.h"
#include "store/kefu-store-calls.h"
#include "store/kefu-store-connection.h"
#include "store/kefu-store-watcher.h"
#include "test-store.h"

/* The longest a step may take: the connection looks after 1, 2, 4, 8 … s. */
#define WAIT_MS 20000

typedef gboolean (*Condition) (gpointer data);

static gboolean
deadline_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until `condition` holds or `ms` passed; returns whether it holds. */
static gboolean
wait_until (Condition condition,
            gpointer  data,
            guint     ms)
{
  gboolean passed = FALSE;
  guint source = g_timeout_add (ms, deadline_cb, &passed);

  while (!condition (data) && !passed)
    g_main_context_iteration (NULL, TRUE);
  if (!passed)
    g_source_remove (source);
  return condition (data);
}

static gboolean
is_offline (gpointer data)
{
  return !kefu_store_connection_get_online (data);
}

static gboolean
is_online (gpointer data)
{
  return kefu_store_connection_get_online (data);
}

static gboolean
queue_done (gpointer data)
{
  return kefu_intake_queue_get_n_waiting (data) == 0 && !kefu_intake_queue_get_syncing (data);
}

static gboolean
retry_delay_reached_4 (gpointer data)
{
  return kefu_store_connection_get_retry_delay (data) >= 4;
}

static char *
queue_path (Fixture *fixture)
{
  g_autofree char *name = g_strdup_printf ("kefu-queue-%d-%u.queue", getpid (),
                                           g_random_int ());

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

/* An inquiry call, the simplest kind: numbered by `n` in its answer, so the order shows. */
static KefuCall *
inquiry_call (gint64 clerk,
              guint  n)
{
  g_autoptr(KefuCall) call = kefu_call_new_for_form ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *answer = g_strdup_printf ("第%u个问题的回答", n);
  g_autofree char *phone = g_strdup_printf ("1380013%04u", n);

  kefu_call_set_kind (call, KEFU_CALL_KIND_INQUIRY);
  kefu_call_set_caller_name (call, "张三");
  kefu_call_set_phone (call, phone);
  kefu_call_set_clerk_id (call, clerk);
  kefu_call_set_received_at (call, now);
  kefu_inquiry_set_topics (kefu_call_get_inquiry (call), KEFU_INQUIRY_TOPIC_PRODUCTS);
  kefu_inquiry_set_answer (kefu_call_get_inquiry (call), answer);
  return g_steal_pointer (&call);
}

static gint64
setup_clerk (KefuStore *store)
{
  gint64 clerk = test_create_staff (store, "clerk", KEFU_ROLE_CLERK);

  kefu_store_set_actor (store, clerk);
  return clerk;
}

/* The answers of the stored inquiries in the order they were written (by id). */
static GPtrArray *
stored_answers (KefuStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = NULL;
  GPtrArray *answers = g_ptr_array_new_with_free_func (g_free);

  rows = _kefu_store_query (store,
                            "SELECT inquiries.answer FROM calls JOIN inquiries "
                            "ON inquiries.call_id = calls.id ORDER BY calls.id",
                            NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    g_ptr_array_add (answers, g_strdup (kefu_rows_get_text (rows, i, 0)));
  return answers;
}

typedef struct
{
  GPtrArray *references;
  guint      n_already;
  guint      n_synced;
} Saved;

static void
saved_cb (KefuIntakeQueue *queue,
          KefuCall        *call,
          gboolean         already,
          Saved           *saved)
{
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (call)), >, 0);
  g_ptr_array_add (saved->references, g_strdup (kefu_call_get_reference (call)));
  saved->n_already += already;
}

static void
synced_cb (KefuIntakeQueue *queue,
           guint            n_saved,
           Saved           *saved)
{
  saved->n_synced += n_saved;
}

static void
watch_queue (KefuIntakeQueue *queue,
             Saved           *saved)
{
  saved->references = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (queue, "saved", G_CALLBACK (saved_cb), saved);
  g_signal_connect (queue, "synced", G_CALLBACK (synced_cb), saved);
}

/* Calls queued while online are written in order, each once, and the file goes. */
static void
test_queue_order (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 clerk = setup_clerk (fixture->store);
  g_autofree char *path = queue_path (fixture);
  g_autoptr(KefuIntakeQueue) queue = kefu_intake_queue_new (fixture->store, path);
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  Saved saved = { 0 };

  watch_queue (queue, &saved);
  g_assert_false (kefu_intake_queue_should_queue (queue));
  for (guint i = 1; i <= 5; i++)
    {
      g_autoptr(KefuCall) call = inquiry_call (clerk, i);
      g_autofree char *key = kefu_intake_queue_add (queue, call, &error);

      g_assert_no_error (error);
      g_assert_nonnull (key);
    }
  g_assert_cmpuint (kefu_intake_queue_get_n_waiting (queue), ==, 5);
  g_assert_true (kefu_intake_queue_should_queue (queue));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  kefu_intake_queue_sync (queue);
  g_assert_true (wait_until (queue_done, queue, WAIT_MS));
  g_assert_cmpuint (saved.references->len, ==, 5);
  g_assert_cmpuint (saved.n_already, ==, 0);
  g_assert_cmpuint (saved.n_synced, ==, 5);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  answers = stored_answers (fixture->store);
  g_assert_cmpuint (answers->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *expected = g_strdup_printf ("第%u个问题的回答", i + 1);

      g_assert_cmpstr (g_ptr_array_index (answers, i), ==, expected);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (saved.references, i), "ZX-"));
      g_assert_true (g_hash_table_add (distinct, g_ptr_array_index (saved.references, i)));
    }
  g_assert_cmpint (test_count (fixture->store,
                               "SELECT count(DISTINCT client_key) FROM calls"), ==, 5);
  g_ptr_array_unref (saved.references);
}

/* A call sent twice is written once: directly, and when Kefu stopped between the write and
 * taking the call off its queue (the next start sends it again). */
static void
test_queue_once (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 clerk = setup_clerk (fixture->store);
  g_autofree char *path = queue_path (fixture);
  g_autoptr(KefuIntakeQueue) queue = kefu_intake_queue_new (fixture->store, path);
  g_autoptr(KefuIntakeQueue) after_crash = NULL;
  g_autoptr(KefuCall) first = inquiry_call (clerk, 1);
  g_autoptr(KefuCall) again = NULL;
  g_autoptr(KefuCall) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *second_key = NULL;
  gboolean already = TRUE;
  Saved saved = { 0 };

  /* The same key twice through the store. */
  written = inquiry_call (clerk, 7);
  g_assert_true (kefu_store_save_call_once (fixture->store, written, "key-7", &already, NULL,
                                            &error));
  g_assert_no_error (error);
  g_assert_false (already);
  again = inquiry_call (clerk, 7);
  g_assert_true (kefu_store_save_call_once (fixture->store, again, "key-7", &already, NULL,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (already);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (again)), ==,
                   kefu_record_get_id (KEFU_RECORD (written)));
  g_assert_cmpstr (kefu_call_get_reference (again), ==, kefu_call_get_reference (written));
  g_assert_cmpint (test_count (fixture->store, "SELECT count(*) FROM calls"), ==, 1);

  /* A call queued, written, and the process gone before the queue's file was updated. */
  key = kefu_intake_queue_add (queue, first, &error);
  g_assert_no_error (error);
  {
    g_autoptr(KefuCall) copy = inquiry_call (clerk, 1);

    g_assert_true (kefu_store_save_call_once (fixture->store, copy, key, &already, NULL,
                                              &error));
    g_assert_no_error (error);
    g_assert_false (already);
  }
  {
    g_autoptr(KefuCall) second = inquiry_call (clerk, 2);

    second_key = kefu_intake_queue_add (queue, second, &error);
    g_assert_no_error (error);
  }
  g_clear_object (&queue);

  /* The next start reads both back and sends them: the first is found by its key. */
  after_crash = kefu_intake_queue_new (fixture->store, path);
  watch_queue (after_crash, &saved);
  g_assert_cmpuint (kefu_intake_queue_get_n_waiting (after_crash), ==, 2);
  g_assert_true (wait_until (queue_done, after_crash, WAIT_MS));
  g_assert_cmpuint (saved.references->len, ==, 2);
  g_assert_cmpuint (saved.n_already, ==, 1);
  g_assert_cmpint (test_count (fixture->store, "SELECT count(*) FROM calls"), ==, 3);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM calls WHERE client_key = '%s'",
                                            key);

    g_assert_cmpint (test_count (fixture->store, sql), ==, 1);
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_ptr_array_unref (saved.references);
}

/* A call the database refuses for good is kept in the file, marked, and does not hold up the
 * calls after it. */
static void
test_queue_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 clerk = setup_clerk (fixture->store);
  g_autofree char *path = queue_path (fixture);
  g_autoptr(KefuIntakeQueue) queue = kefu_intake_queue_new (fixture->store, path);
  g_autoptr(KefuIntakeQueue) reread = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  Saved saved = { 0 };

  watch_queue (queue, &saved);
  for (guint i = 1; i <= 3; i++)
    {
      g_autoptr(KefuCall) call = inquiry_call (clerk, i);
      g_autofree char *key = NULL;

      /* The second has lost its caller's name, which the store requires. */
      if (i == 2)
        kefu_call_set_caller_name (call, "");
      key = kefu_intake_queue_add (queue, call, &error);
      g_assert_no_error (error);
    }
  kefu_intake_queue_sync (queue);
  g_assert_true (wait_until (queue_done, queue, WAIT_MS));
  g_assert_cmpuint (kefu_intake_queue_get_n_waiting (queue), ==, 0);
  g_assert_cmpuint (kefu_intake_queue_get_n_refused (queue), ==, 1);
  g_assert_nonnull (kefu_intake_queue_get_last_error (queue));
  g_test_message ("%s", kefu_intake_queue_get_last_error (queue));
  g_assert_cmpuint (saved.references->len, ==, 2);
  answers = stored_answers (fixture->store);
  g_assert_cmpuint (answers->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (answers, 0), ==, "第1个问题的回答");
  g_assert_cmpstr (g_ptr_array_index (answers, 1), ==, "第3个问题的回答");

  /* It stays on the workstation across a restart, still marked. */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_object (&queue);
  reread = kefu_intake_queue_new (fixture->store, path);
  g_assert_cmpuint (kefu_intake_queue_get_n_waiting (reread), ==, 0);
  g_assert_cmpuint (kefu_intake_queue_get_n_refused (reread), ==, 1);
  g_assert_nonnull (kefu_intake_queue_get_last_error (reread));
  g_assert_false (kefu_intake_queue_should_queue (reread));
  g_clear_object (&reread);
  g_unlink (path);
  g_ptr_array_unref (saved.references);
}

/* The outage: PostgreSQL's server stopped, or SQLite's folder moved away as when the share
 * drops. */
static char *
take_database_away (Fixture *fixture)
{
  if (test_backend () == KEFU_STORE_BACKEND_POSTGRES)
    {
      kefu_test_pg_stop ();
      return NULL;
    }
  else
    {
      char *away = g_strconcat (fixture->dir, ".away", NULL);

      g_assert_cmpint (g_rename (fixture->dir, away), ==, 0);
      return away;
    }
}

static void
bring_database_back (Fixture    *fixture,
                     const char *away)
{
  if (test_backend () == KEFU_STORE_BACKEND_POSTGRES)
    kefu_test_pg_start ();
  else
    g_assert_cmpint (g_rename (away, fixture->dir), ==, 0);
}

typedef struct
{
  GArray  *ids;
} Feed;

static void
changed_cb (KefuStoreWatcher *watcher,
            const char       *entity,
            GArray           *ids,
            gint64            last_event_id,
            Feed             *feed)
{
  if (g_str_equal (entity, "calls"))
    g_array_append_vals (feed->ids, ids->data, ids->len);
}

static gboolean
feed_has_calls (gpointer data)
{
  return ((Feed *) data)->ids->len >= 3;
}

static gboolean
watcher_online (gpointer data)
{
  return kefu_store_watcher_get_online (data);
}

/* The test: the database goes away in the middle of a session and comes back. Writes
 * fail with OFFLINE, the connection says so and backs off, the intake queue keeps the calls,
 * and once the database is back they arrive once, in order, and live refresh resumes. */
static void
test_outage (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 clerk = setup_clerk (fixture->store);
  g_autofree char *path = queue_path (fixture);
  KefuStoreConnection *connection = kefu_store_connection_get_for_store (fixture->store);
  g_autoptr(KefuIntakeQueue) queue = kefu_intake_queue_new (fixture->store, path);
  g_autoptr(KefuStoreWatcher) watcher = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *away = NULL;
  Saved saved = { 0 };
  Feed feed = { g_array_new (FALSE, FALSE, sizeof (gint64)) };

  /* One call before the outage, written directly. */
  {
    g_autoptr(KefuCall) call = inquiry_call (clerk, 1);

    g_assert_true (kefu_store_save_call (fixture->store, call, NULL, &error));
    g_assert_no_error (error);
  }
  watcher = kefu_store_watcher_new (fixture->store, &error);
  g_assert_no_error (error);
  g_signal_connect (watcher, "changed", G_CALLBACK (changed_cb), &feed);
  watch_queue (queue, &saved);
  g_assert_true (kefu_store_connection_get_online (connection));

  away = take_database_away (fixture);

  /* A write fails with the outage's own error, and nothing of it is written. */
  {
    g_autoptr(KefuCall) call = inquiry_call (clerk, 2);

    g_assert_false (kefu_store_save_call (fixture->store, call, NULL, &error));
    g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_OFFLINE);
    g_test_message ("%s", error->message);
    g_clear_error (&error);
    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (call)), ==, 0);
  }
  g_assert_true (wait_until (is_offline, connection, WAIT_MS));
  g_assert_nonnull (kefu_store_connection_get_last_error (connection));
  g_assert_true (kefu_intake_queue_should_queue (queue));

  /* The intake keeps going: calls 2, 3, 4 wait on the workstation. */
  for (guint i = 2; i <= 4; i++)
    {
      g_autoptr(KefuCall) call = inquiry_call (clerk, i);
      g_autofree char *key = kefu_intake_queue_add (queue, call, &error);

      g_assert_no_error (error);
      g_assert_nonnull (key);
    }
  g_assert_cmpuint (kefu_intake_queue_get_n_waiting (queue), ==, 3);

  /* The looks back off: 1 s, then 2, then 4, all failing; Try Now fails too. */
  g_assert_true (wait_until (retry_delay_reached_4, connection, WAIT_MS));
  g_assert_false (kefu_store_connection_get_online (connection));
  /* A server that is down cannot be read either; a SQLite file whose folder is gone still
   * answers reads from the open file, so the watcher goes on reading it. */
  if (test_backend () == KEFU_STORE_BACKEND_POSTGRES)
    g_assert_false (kefu_store_watcher_get_online (watcher));
  g_assert_cmpuint (kefu_intake_queue_get_n_waiting (queue), ==, 3);

  bring_database_back (fixture, away);
  kefu_store_connection_try_now (connection);
  g_assert_true (wait_until (is_online, connection, WAIT_MS));

  /* Everything queued arrives once, in order, after the call written before the outage. */
  g_assert_true (wait_until (queue_done, queue, WAIT_MS));
  g_assert_cmpuint (saved.n_synced, ==, 3);
  g_assert_cmpuint (saved.n_already, ==, 0);
  answers = stored_answers (fixture->store);
  g_assert_cmpuint (answers->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *expected = g_strdup_printf ("第%u个问题的回答", i + 1);

      g_assert_cmpstr (g_ptr_array_index (answers, i), ==, expected);
    }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Live refresh resumes: the watcher reads again and reports the calls written since. */
  g_assert_true (wait_until (watcher_online, watcher, WAIT_MS));
  g_assert_true (wait_until (feed_has_calls, &feed, WAIT_MS));
  g_assert_cmpuint (feed.ids->len, ==, 3);

  /* And direct writes work again. */
  {
    g_autoptr(KefuCall) call = inquiry_call (clerk, 5);

    g_assert_true (kefu_store_save_call (fixture->store, call, NULL, &error));
    g_assert_no_error (error);
  }
  g_array_unref (feed.ids);
  g_ptr_array_unref (saved.references);
}

int
main (int   argc,
      char *argv[])
{
  /* SQLite as on a file share: the journal is made beside the file for every write. */
  g_setenv ("KEFU_TEST_PRETEND_NETWORK_FS", "1", TRUE);
  test_store_init (&argc, &argv);
  TEST_ADD ("outage/queue-order", test_queue_order);
  TEST_ADD ("outage/queue-once", test_queue_once);
  TEST_ADD ("outage/queue-refused", test_queue_refused);
  TEST_ADD ("outage/stop-and-start", test_outage);
  return g_test_run ();
}
