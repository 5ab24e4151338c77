/* test-lazy-list-model.c: the order in which a lazy list asks its store for ids and rows.
 *
 * The store runs its calls one after the other on one worker, so what the list asks first is
 * what the user sees first. The read functions here make numbered rows and log each call.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-lazy-list-model"

#include "config.h"

#include "widgets/kefu-lazy-list-model.h"

#include "kefu-ui-test.h"

#define N_HEAD 400

/* What the worker was asked, in order: "head 1000", "ids 1000", "page 1" (its first id). */
static GMutex log_lock;
static GPtrArray *calls;

static void
log_call (char *call)
{
  g_mutex_lock (&log_lock);
  g_ptr_array_add (calls, call);
  g_mutex_unlock (&log_lock);
}

/* The calls logged since the last look, as one string. */
static char *
take_calls (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_mutex_lock (&log_lock);
  for (guint i = 0; i < calls->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", (char *) calls->pdata[i]);
  g_ptr_array_set_size (calls, 0);
  g_mutex_unlock (&log_lock);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The query is the list's length: ids 1 to that. */
static guint
query_length (gconstpointer query)
{
  return *(const guint *) query;
}

static gpointer
copy_query (gpointer query)
{
  return g_memdup2 (query, sizeof (guint));
}

static GArray *
read_ids (KefuStore     *store,
          gconstpointer  query,
          GCancellable  *cancellable,
          GError       **error)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  log_call (g_strdup_printf ("ids %u", query_length (query)));
  for (gint64 id = 1; id <= query_length (query); id++)
    g_array_append_val (ids, id);
  return ids;
}

static GArray *
read_head (KefuStore     *store,
           gconstpointer  query,
           guint          n_head,
           gint64        *n_total,
           GCancellable  *cancellable,
           GError       **error)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  log_call (g_strdup_printf ("head %u", query_length (query)));
  for (gint64 id = 1; id <= MIN (n_head, query_length (query)); id++)
    g_array_append_val (ids, id);
  *n_total = query_length (query);
  return ids;
}

static GPtrArray *
read_page (KefuStore     *store,
           const gint64  *ids,
           guint          n_ids,
           GCancellable  *cancellable,
           GError       **error)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_object_unref);

  log_call (g_strdup_printf ("page %" G_GINT64_FORMAT, ids[0]));
  for (guint i = 0; i < n_ids; i++)
    {
      GObject *value = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data (value, "id", GINT_TO_POINTER ((int) ids[i]));
      g_ptr_array_add (values, value);
    }
  return values;
}

static gint64
value_id (gpointer value)
{
  return GPOINTER_TO_INT (g_object_get_data (value, "id"));
}

static void
set_length (KefuLazyListModel *model,
            guint              length)
{
  /* The model owns the query it is given. */
  kefu_lazy_list_model_set_query (model, copy_query (&length), copy_query, g_free);
}

/* A list that grows behind the rows on screen (Open Only turned off: the open records first,
 * as before, then every other): the rows kept on screen are read again before every id of the
 * new list, which may take a few hundred milliseconds over 200,000 records. */
static void
test_rows_on_screen_before_every_id (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(KefuLazyListModel) model = kefu_lazy_list_model_new (read_ids, read_page, value_id);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  calls = g_ptr_array_new_with_free_func (g_free);
  kefu_lazy_list_model_set_head_func (model, read_head, N_HEAD);
  set_length (model, 1000);
  kefu_lazy_list_model_set_store (model, store);

  /* A new list: its head and its first rows, then every id. */
  kefu_test_wait_until (!kefu_lazy_list_model_get_loading (model) &&
                        !kefu_lazy_list_model_get_filling (model) &&
                        g_list_model_get_n_items (G_LIST_MODEL (model)) == 1000);
  /* The rows on screen, held as a list view holds them. */
  for (guint i = 0; i < 20; i++)
    g_ptr_array_add (shown, g_list_model_get_item (G_LIST_MODEL (model), i));
  for (guint i = 0; i < shown->len; i++)
    kefu_test_wait_until (kefu_lazy_item_get_value (shown->pdata[i]) != NULL);
  first = take_calls ();
  g_assert_cmpstr (first, ==, "head 1000, page 1, ids 1000");

  /* The same rows first, more after them: the rows shown are read again before every id. */
  set_length (model, 5000);
  kefu_test_wait_until (!kefu_lazy_list_model_get_loading (model) &&
                        !kefu_lazy_list_model_get_filling (model) &&
                        g_list_model_get_n_items (G_LIST_MODEL (model)) == 5000);
  second = take_calls ();
  g_assert_cmpstr (second, ==, "head 5000, page 1, ids 5000");
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpint (value_id (kefu_lazy_item_get_value (shown->pdata[i])), ==, i + 1);

  g_clear_pointer (&shown, g_ptr_array_unref);
  g_clear_object (&model);
  /* A read still queued when its model went away holds the store until it has answered. */
  kefu_test_wait_until (g_atomic_int_get ((int *) &G_OBJECT (store)->ref_count) == 1);
  g_clear_object (&store);
  g_clear_pointer (&calls, g_ptr_array_unref);
  kefu_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = kefu_test_init (&argc, &argv);

  g_test_add_func ("/kefu/lazy-list-model/rows-on-screen-before-every-id",
                   test_rows_on_screen_before_every_id);
  return kefu_test_run (data_home);
}
