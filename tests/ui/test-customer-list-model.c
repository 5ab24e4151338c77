/* test-customer-list-model.c: the customers pane's lazy list over a store with a few thousand
 * customers, without a display: counts, placeholders filled in place, order, filters, the page
 * cache's bound, and reloads that say only what changed.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-customer-list-model"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "customers/kefu-customer-cells.h"
#include "customers/kefu-customer-list-model.h"

/* More than KEFU_CUSTOMER_LIST_MAX_PAGES pages, so that the bound is reached. */
#define N_CUSTOMERS 12000

/* Runs the main loop until `condition` holds, failing the test after 30 s. */
#define wait_until(condition)                                                        \
  G_STMT_START {                                                                     \
    gint64 _deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;                \
    while (!(condition))                                                             \
      {                                                                              \
        if (g_get_monotonic_time () > _deadline)                                     \
          g_error ("Timed out waiting for %s", #condition);                          \
        if (!g_main_context_iteration (NULL, FALSE))                                 \
          g_usleep (500);                                                            \
      }                                                                              \
  } G_STMT_END

typedef struct
{
  char      *dir;
  KefuStore *store;
  gint64     clerk_id;
  gint64     manager_id;
} Fixture;

static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
static const char * const given[] = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
                                      "勇", "艳", "杰", "娟", "涛", "明" };
static const char * const districts[] = { "朝阳区", "海淀区", "东城区", "西城区", "丰台区", "通州区" };

static gint64
add_staff (KefuStore  *store,
           const char *name,
           const char *login,
           KefuRole    role)
{
  g_autoptr(KefuStaff) staff = kefu_staff_new ();
  g_autoptr(GError) error = NULL;

  kefu_staff_set_name (staff, name);
  kefu_staff_set_login (staff, login);
  kefu_staff_set_role (staff, role);
  kefu_staff_set_active (staff, TRUE);
  g_assert_true (kefu_store_create_staff (store, staff, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (staff));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("kefu-list-model-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "kefu.db", NULL);
  fixture->store = kefu_store_open (path, NULL, &error);
  g_assert_no_error (error);

  kefu_store_set_system_actor (fixture->store);
  fixture->clerk_id = add_staff (fixture->store, "王芳", "wangfang", KEFU_ROLE_CLERK);
  fixture->manager_id = add_staff (fixture->store, "赵敏", "zhaomin", KEFU_ROLE_CS_MANAGER);

  /* Names repeat (so ties are ordered by id), every phone is different and ends in the
   * customer's number, so "the last 4 digits" find a known count. */
  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autoptr(KefuCustomer) customer = kefu_customer_new ();
      g_autofree char *name = g_strconcat (surnames[i % G_N_ELEMENTS (surnames)],
                                           given[(i / 7) % G_N_ELEMENTS (given)], NULL);
      g_autofree char *phone = g_strdup_printf ("139%08u", i);
      const char *phones[] = { phone, NULL };

      kefu_customer_set_name (customer, name);
      kefu_customer_set_phones (customer, phones);
      kefu_customer_set_district (customer, districts[(i / 3) % G_N_ELEMENTS (districts)]);
      g_ptr_array_add (customers, g_steal_pointer (&customer));
    }
  g_assert_true (kefu_store_insert_customers_bulk (fixture->store, customers, NULL, &error));
  g_assert_no_error (error);
  kefu_store_set_actor (fixture->store, fixture->manager_id);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* A read still queued when its model went away holds the store until it has answered. */
  wait_until (g_atomic_int_get ((int *) &G_OBJECT (fixture->store)->ref_count) == 1);
  g_assert_finalize_object (fixture->store);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static KefuCustomerListModel *
loaded_model (Fixture *fixture,
              guint   *changes)
{
  KefuCustomerListModel *model = kefu_customer_list_model_new (fixture->store);

  if (changes != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (count_changes_cb), changes);
  g_assert_true (kefu_customer_list_model_get_loading (model));
  wait_until (!kefu_customer_list_model_get_loading (model));
  return model;
}

/* Holds the items of [start, end) and waits until the store has filled them. */
static GPtrArray *
fill_range (KefuCustomerListModel *model,
            guint                  start,
            guint                  end)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean filled = FALSE;

  for (guint i = start; i < end; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (model), i));

  while (!filled)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (500);
      filled = TRUE;
      for (guint i = 0; i < items->len && filled; i++)
        filled = kefu_record_get_version (items->pdata[i]) > 0;
    }

  return items;
}

static void
test_count (Fixture       *fixture,
            gconstpointer  data)
{
  guint changes = 0;
  g_autoptr(KefuCustomerListModel) model = loaded_model (fixture, &changes);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CUSTOMERS);
  g_assert_cmpuint (g_list_model_get_item_type (G_LIST_MODEL (model)), ==, KEFU_TYPE_CUSTOMER);
  /* One reload, one items-changed. */
  g_assert_cmpuint (changes, ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_CUSTOMERS));
  g_assert_cmpint (kefu_customer_list_model_get_id (model, N_CUSTOMERS), ==, 0);
  /* Only the first page is read before any row is asked for: a new list shows its top. */
  g_assert_cmpuint (kefu_customer_list_model_get_n_cached_pages (model), ==, 1);
}

static void
test_placeholders_filled (Fixture       *fixture,
                          gconstpointer  data)
{
  guint changes = 0;
  g_autoptr(KefuCustomerListModel) model = loaded_model (fixture, &changes);
  g_autoptr(KefuCustomer) first = g_list_model_get_item (G_LIST_MODEL (model), 250);
  g_autoptr(KefuCustomer) again = NULL;
  g_autoptr(KefuCustomer) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint notifications = 0;

  /* A placeholder at once: its id, nothing else. */
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (first)), ==,
                   kefu_customer_list_model_get_id (model, 250));
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (first)), ==, 0);
  g_assert_cmpstr (kefu_customer_get_name (first), ==, "");
  g_signal_connect (first, "notify::name", G_CALLBACK (count_notify_cb), &notifications);
  g_assert_true (kefu_customer_list_model_get_filling (model));

  /* The same object is handed out for the same row while its page is kept. */
  again = g_list_model_get_item (G_LIST_MODEL (model), 250);
  g_assert_true (again == first);

  wait_until (kefu_record_get_version (KEFU_RECORD (first)) > 0);
  wait_until (!kefu_customer_list_model_get_filling (model));

  /* Filled in place with what the store holds, with notifications and no items-changed. */
  stored = kefu_store_get_customer (fixture->store, kefu_record_get_id (KEFU_RECORD (first)),
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_customer_get_name (first), ==, kefu_customer_get_name (stored));
  g_assert_cmpstr (kefu_customer_get_district (first), ==, kefu_customer_get_district (stored));
  g_assert_cmpstrv (kefu_customer_get_phones (first), kefu_customer_get_phones (stored));
  g_assert_cmpuint (notifications, ==, 1);
  g_assert_cmpuint (changes, ==, 1);
}

static void
assert_sorted (KefuCustomerListModel *model,
               KefuCustomerSort       sort,
               gboolean               descending)
{
  g_autoptr(GPtrArray) items = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  /* The first two pages and the last one. */
  items = fill_range (model, 0, 400);
  {
    g_autoptr(GPtrArray) tail = fill_range (model, n - 200, n);

    g_ptr_array_extend_and_steal (items, g_steal_pointer (&tail));
  }

  for (guint i = 1; i < items->len; i++)
    {
      KefuCustomer *a = items->pdata[i - 1];
      KefuCustomer *b = items->pdata[i];
      const char *ka = sort == KEFU_CUSTOMER_SORT_NAME ? kefu_customer_get_name (a)
                                                       : kefu_customer_get_district (a);
      const char *kb = sort == KEFU_CUSTOMER_SORT_NAME ? kefu_customer_get_name (b)
                                                       : kefu_customer_get_district (b);
      int cmp = g_strcmp0 (ka, kb);

      if (i == 400)
        continue;  /* the jump to the last page */
      if (descending)
        cmp = -cmp;
      g_assert_cmpint (cmp, <=, 0);
    }
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  guint changes = 0;
  g_autoptr(KefuCustomerListModel) model = loaded_model (fixture, &changes);
  g_autoptr(GPtrArray) items = NULL;

  g_assert_cmpint (kefu_customer_list_model_get_sort (model), ==, KEFU_CUSTOMER_SORT_NAME);
  assert_sorted (model, KEFU_CUSTOMER_SORT_NAME, FALSE);

  /* Equal names are ordered by id. */
  items = fill_range (model, 0, 200);
  for (guint i = 1; i < items->len; i++)
    if (g_str_equal (kefu_customer_get_name (items->pdata[i - 1]),
                     kefu_customer_get_name (items->pdata[i])))
      g_assert_cmpint (kefu_record_get_id (items->pdata[i - 1]), <,
                       kefu_record_get_id (items->pdata[i]));
  g_clear_pointer (&items, g_ptr_array_unref);

  kefu_customer_list_model_set_sort (model, KEFU_CUSTOMER_SORT_DISTRICT, TRUE);
  g_assert_true (kefu_customer_list_model_get_loading (model));
  wait_until (!kefu_customer_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CUSTOMERS);
  assert_sorted (model, KEFU_CUSTOMER_SORT_DISTRICT, TRUE);

  kefu_customer_list_model_set_sort (model, KEFU_CUSTOMER_SORT_NAME, TRUE);
  wait_until (!kefu_customer_list_model_get_loading (model));
  assert_sorted (model, KEFU_CUSTOMER_SORT_NAME, TRUE);
  /* The first load (into an empty list, at once), then each re-sort in three steps: the old rows
   * after the first screen go, the head of the new order replaces the first screen, then the
   * rest is added (GTK's views handle a change after the rows they show cheaply and one at them
   * slowly, see replace_ids() in kefu-lazy-list-model.c). */
  g_assert_cmpuint (changes, ==, 1 + 2 * 3);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KefuCustomerListModel) model = loaded_model (fixture, NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GError) error = NULL;
  KefuCustomerFilter filter = { 0 };
  gint64 clerk = fixture->clerk_id;
  guint n;

  /* The last 5 digits: only 13900001234 ends in 01234. */
  kefu_customer_list_model_set_query (model, "01234");
  wait_until (!kefu_customer_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  items = fill_range (model, 0, 1);
  g_assert_cmpstr (kefu_customer_get_primary_phone (items->pdata[0]), ==, "13900001234");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A two-character name: every 王伟. */
  kefu_customer_list_model_set_query (model, "王伟");
  wait_until (!kefu_customer_list_model_get_loading (model));
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 0);
  items = fill_range (model, 0, n);
  for (guint i = 0; i < items->len; i++)
    g_assert_nonnull (strstr (kefu_customer_get_name (items->pdata[i]), "王伟"));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Spaces around the query change nothing and cost no reload. */
  kefu_customer_list_model_set_query (model, " 王伟 ");
  g_assert_false (kefu_customer_list_model_get_loading (model));

  /* Assigned to a clerk, and the clerk's list to contact. */
  kefu_customer_list_model_set_query (model, NULL);
  plan = kefu_store_assign_customers (fixture->store, NULL, 0, &clerk, 1, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&plan, g_array_unref);

  filter.assigned_clerk_id = clerk;
  kefu_customer_list_model_set_filter (model, &filter);
  wait_until (!kefu_customer_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CUSTOMERS);

  filter.to_contact = TRUE;
  kefu_customer_list_model_set_filter (model, &filter);
  wait_until (!kefu_customer_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CUSTOMERS);

  filter.assigned_clerk_id = -1;
  filter.to_contact = FALSE;
  kefu_customer_list_model_set_filter (model, &filter);
  wait_until (!kefu_customer_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

static void
test_page_eviction (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KefuCustomerListModel) model = loaded_model (fixture, NULL);
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_pages = N_CUSTOMERS / KEFU_CUSTOMER_LIST_PAGE_SIZE;

  g_assert_cmpuint (n_pages, >, KEFU_CUSTOMER_LIST_MAX_PAGES);

  /* Scrolling through every row (items dropped at once, as rows scroll away) keeps at most the
   * bound, and reads no page whose rows nobody holds any more. */
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < N_CUSTOMERS; i += 50)
      {
        g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

        g_assert_cmpuint (kefu_customer_list_model_get_n_cached_pages (model), <=,
                          KEFU_CUSTOMER_LIST_MAX_PAGES);
      }
  wait_until (!kefu_customer_list_model_get_filling (model));
  g_assert_cmpuint (kefu_customer_list_model_get_n_cached_pages (model), <=,
                    KEFU_CUSTOMER_LIST_MAX_PAGES);

  /* Pages whose rows are held (shown) are never dropped, whatever the bound, and fill. */
  for (guint page = 0; page < n_pages - 5; page++)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (model),
                                                 page * KEFU_CUSTOMER_LIST_PAGE_SIZE + 7));
  g_assert_cmpuint (kefu_customer_list_model_get_n_cached_pages (model), ==, n_pages - 5);
  wait_until (!kefu_customer_list_model_get_filling (model));
  for (guint i = 0; i < held->len; i++)
    g_assert_cmpint (kefu_record_get_version (held->pdata[i]), >, 0);

  /* Let go, and the next page asked for brings the cache back within the bound. */
  g_ptr_array_set_size (held, 0);
  {
    g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), N_CUSTOMERS - 1);

    g_assert_cmpuint (kefu_customer_list_model_get_n_cached_pages (model), <=,
                      KEFU_CUSTOMER_LIST_MAX_PAGES);
  }
}

static void changes_cb (GListModel *model, guint position, guint removed, guint added,
                        GArray *log);

/* A first load shows the head of the list and its full length before every id is read; the rows
 * after the head are placeholders without an id, which get their ids, then their fields, in
 * place once the whole list has arrived. The same happens after a change of order. */
static void
test_head_then_all (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KefuCustomerListModel) model = kefu_customer_list_model_new (fixture->store);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) head_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) later_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) stored_ids = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  guint head_len = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (changes_cb), log);
  stored_ids = kefu_store_list_customer_ids (fixture->store, NULL, KEFU_CUSTOMER_SORT_NAME, FALSE,
                                             NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored_ids->len, ==, N_CUSTOMERS);

  /* The head: every row counted at once, in one items-changed, while the ids are still read. */
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (model)) > 0);
  g_assert_true (kefu_customer_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CUSTOMERS);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 2), ==, N_CUSTOMERS);
  while (kefu_customer_list_model_get_id (model, head_len) != 0)
    {
      g_assert_cmpint (kefu_customer_list_model_get_id (model, head_len), ==,
                       g_array_index (stored_ids, gint64, head_len));
      head_len++;
    }
  g_assert_cmpuint (head_len, >, 0);
  g_assert_cmpuint (head_len, <, N_CUSTOMERS);
  g_assert_cmpuint (head_len % KEFU_CUSTOMER_LIST_PAGE_SIZE, ==, 0);
  ids = kefu_customer_list_model_dup_ids (model);
  g_assert_cmpuint (ids->len, ==, head_len);
  g_clear_pointer (&ids, g_array_unref);

  /* Rows of the head and rows after it, as a view showing them would hold them. */
  for (guint i = 0; i < 20; i++)
    g_ptr_array_add (head_items, g_list_model_get_item (G_LIST_MODEL (model), i));
  for (guint i = 0; i < 20; i++)
    {
      KefuCustomer *item = g_list_model_get_item (G_LIST_MODEL (model), 5000 + i);

      g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (item)), ==, 0);
      g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (item)), ==, 0);
      g_ptr_array_add (later_items, item);
    }

  /* Every id arrived: no further items-changed, the placeholders got their ids and then their
   * fields, and the list is the store's, without a row twice. */
  wait_until (!kefu_customer_list_model_get_loading (model));
  g_assert_null (kefu_customer_list_model_get_error (model));
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CUSTOMERS);
  ids = kefu_customer_list_model_dup_ids (model);
  g_assert_cmpmem (ids->data, ids->len * sizeof (gint64),
                   stored_ids->data, stored_ids->len * sizeof (gint64));
  for (guint i = 0; i < ids->len; i++)
    g_assert_true (g_hash_table_add (seen, &g_array_index (ids, gint64, i)));
  for (guint i = 0; i < later_items->len; i++)
    g_assert_cmpint (kefu_record_get_id (later_items->pdata[i]), ==,
                     g_array_index (stored_ids, gint64, 5000 + i));
  for (guint i = 0; i < later_items->len; i++)
    {
      KefuCustomer *item = later_items->pdata[i];
      g_autoptr(KefuCustomer) stored = NULL;
      g_autoptr(KefuCustomer) again = g_list_model_get_item (G_LIST_MODEL (model), 5000 + i);

      g_assert_true (again == item);
      wait_until (kefu_record_get_version (KEFU_RECORD (item)) > 0);
      stored = kefu_store_get_customer (fixture->store, kefu_record_get_id (KEFU_RECORD (item)),
                                        NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (kefu_customer_get_name (item), ==, kefu_customer_get_name (stored));
      g_assert_cmpstrv (kefu_customer_get_phones (item), kefu_customer_get_phones (stored));
    }
  for (guint i = 0; i < head_items->len; i++)
    wait_until (kefu_record_get_version (KEFU_RECORD (head_items->pdata[i])) > 0);

  /* A re-sort shows the new order's head at once, then fills the rest in place. */
  g_clear_pointer (&stored_ids, g_array_unref);
  stored_ids = kefu_store_list_customer_ids (fixture->store, NULL, KEFU_CUSTOMER_SORT_DISTRICT,
                                             TRUE, NULL, &error);
  g_assert_no_error (error);
  g_array_set_size (log, 0);
  kefu_customer_list_model_set_sort (model, KEFU_CUSTOMER_SORT_DISTRICT, TRUE);
  wait_until (log->len > 0);
  g_assert_true (kefu_customer_list_model_get_loading (model));
  g_assert_cmpint (kefu_customer_list_model_get_id (model, 0), ==,
                   g_array_index (stored_ids, gint64, 0));
  g_assert_cmpint (kefu_customer_list_model_get_id (model, N_CUSTOMERS - 1), ==, 0);
  wait_until (!kefu_customer_list_model_get_loading (model));
  g_clear_pointer (&ids, g_array_unref);
  ids = kefu_customer_list_model_dup_ids (model);
  g_assert_cmpmem (ids->data, ids->len * sizeof (gint64),
                   stored_ids->data, stored_ids->len * sizeof (gint64));
  /* The three steps of a big replacement (see test_order), nothing when the ids arrive. */
  g_assert_cmpuint (log->len, ==, 3 * 3);
}

static void
changes_cb (GListModel *model,
            guint       position,
            guint       removed,
            guint       added,
            GArray     *log)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (log, change, 3);
}

static void
test_reload_minimal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KefuCustomerListModel) model = loaded_model (fixture, NULL);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) shown = fill_range (model, 0, 30);
  g_autoptr(KefuCustomer) stored = NULL;
  g_autoptr(GError) error = NULL;
  KefuCustomer *tenth = shown->pdata[10];
  g_autofree char *old_address = NULL;

  g_signal_connect (model, "items-changed", G_CALLBACK (changes_cb), log);

  /* Nothing changed: no items-changed at all, and the rows shown are read again. */
  kefu_customer_list_model_reload (model);
  wait_until (!kefu_customer_list_model_get_loading (model));
  g_assert_cmpuint (log->len, ==, 0);

  /* Another clerk changes an address: the row keeps its place and its object, and shows the
   * new address once read again. */
  stored = kefu_store_get_customer (fixture->store, kefu_record_get_id (KEFU_RECORD (tenth)),
                                    NULL, &error);
  g_assert_no_error (error);
  old_address = g_strdup (kefu_customer_get_address (tenth));
  kefu_customer_set_address (stored, "北京市朝阳区建国路88号");
  g_assert_true (kefu_store_update_customer (fixture->store, stored, NULL, &error));
  g_assert_no_error (error);
  kefu_customer_list_model_reload (model);
  wait_until (!kefu_customer_list_model_get_loading (model));
  wait_until (!kefu_customer_list_model_get_filling (model));
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_cmpstr (kefu_customer_get_address (tenth), ==, "北京市朝阳区建国路88号");
  g_assert_cmpstr (old_address, !=, kefu_customer_get_address (tenth));

  /* A new customer that sorts first: one items-changed, one row added at the top. */
  {
    g_autoptr(KefuCustomer) customer = kefu_customer_new ();
    const char *phones[] = { "13700000001", NULL };

    kefu_customer_set_name (customer, "Aaron Wang");
    kefu_customer_set_phones (customer, phones);
    g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
    g_assert_no_error (error);
  }
  kefu_customer_list_model_reload (model);
  wait_until (!kefu_customer_list_model_get_loading (model));
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (log, guint, 2) - g_array_index (log, guint, 1), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CUSTOMERS + 1);
}

static void
test_no_store (Fixture       *fixture,
               gconstpointer  data)
{
  guint changes = 0;
  g_autoptr(KefuCustomerListModel) model = loaded_model (fixture, &changes);

  /* Without a database nothing of the previous one stays: the rows after the first screen go,
   * then the first screen (see test_order). */
  kefu_customer_list_model_set_store (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (changes, ==, 1 + 2);
  g_assert_false (kefu_customer_list_model_get_loading (model));
  g_assert_null (kefu_customer_list_model_get_store (model));

  /* A model dropped while it reads goes away cleanly. */
  kefu_customer_list_model_set_store (model, fixture->store);
  kefu_customer_list_model_reload (model);
  g_assert_finalize_object (g_steal_pointer (&model));
  /* Its read, cancelled, still holds the store until it has answered. */
  wait_until (g_atomic_int_get ((int *) &G_OBJECT (fixture->store)->ref_count) == 1);
}

/* What the list's cells say, with no display needed. */
static void
test_cell_text (void)
{
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GDateTime) contact = g_date_time_new_utc (2026, 11, 20, 6, 30, 0);
  g_autoptr(GDateTime) local = g_date_time_to_local (contact);
  g_autofree char *expected_time = g_date_time_format (local, "%Y-%m-%d %H:%M");
  const char *one[] = { "13812345678", NULL };
  const char *two[] = { "13812345678", "01062345678", NULL };
  struct { KefuCustomerCell cell; const char *text; } empty[] = {
    { KEFU_CUSTOMER_CELL_NAME, "" }, { KEFU_CUSTOMER_CELL_PHONES, "" },
    { KEFU_CUSTOMER_CELL_DISTRICT, "" }, { KEFU_CUSTOMER_CELL_MEMBER, "" },
    { KEFU_CUSTOMER_CELL_CLERK, "" }, { KEFU_CUSTOMER_CELL_LAST_CONTACT, "" },
  };

  /* A placeholder shows nothing in every column. */
  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autofree char *text = kefu_customer_cell_text (customer, empty[i].cell);

      g_assert_cmpstr (text, ==, empty[i].text);
    }

  kefu_customer_set_name (customer, "王伟");
  kefu_customer_set_phones (customer, one);
  kefu_customer_set_is_member (customer, TRUE);
  kefu_customer_set_assigned_clerk_name (customer, "王芳");
  kefu_customer_set_last_contact_at (customer, contact);
  {
    g_autofree char *name = kefu_customer_cell_text (customer, KEFU_CUSTOMER_CELL_NAME);
    g_autofree char *phone = kefu_customer_cell_text (customer, KEFU_CUSTOMER_CELL_PHONES);
    g_autofree char *member = kefu_customer_cell_text (customer, KEFU_CUSTOMER_CELL_MEMBER);
    g_autofree char *clerk = kefu_customer_cell_text (customer, KEFU_CUSTOMER_CELL_CLERK);
    g_autofree char *time = kefu_customer_cell_text (customer, KEFU_CUSTOMER_CELL_LAST_CONTACT);

    g_assert_cmpstr (name, ==, "王伟");
    g_assert_cmpstr (phone, ==, "138 1234 5678");
    g_assert_cmpstr (member, ==, "Member");
    g_assert_cmpstr (clerk, ==, "王芳");
    g_assert_cmpstr (time, ==, expected_time);
  }

  /* Several numbers: the first and how many more; a member number instead of the word. */
  kefu_customer_set_phones (customer, two);
  kefu_customer_set_member_number (customer, "88010001");
  {
    g_autofree char *phone = kefu_customer_cell_text (customer, KEFU_CUSTOMER_CELL_PHONES);
    g_autofree char *member = kefu_customer_cell_text (customer, KEFU_CUSTOMER_CELL_MEMBER);

    g_assert_cmpstr (phone, ==, "138 1234 5678 (+1)");
    g_assert_cmpstr (member, ==, "88010001");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/kefu/customer-list-model/count", Fixture, NULL,
              fixture_set_up, test_count, fixture_tear_down);
  g_test_add ("/kefu/customer-list-model/placeholders-filled", Fixture, NULL,
              fixture_set_up, test_placeholders_filled, fixture_tear_down);
  g_test_add ("/kefu/customer-list-model/order", Fixture, NULL,
              fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/kefu/customer-list-model/filters", Fixture, NULL,
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/kefu/customer-list-model/page-eviction", Fixture, NULL,
              fixture_set_up, test_page_eviction, fixture_tear_down);
  g_test_add ("/kefu/customer-list-model/head-then-all", Fixture, NULL,
              fixture_set_up, test_head_then_all, fixture_tear_down);
  g_test_add ("/kefu/customer-list-model/reload-minimal", Fixture, NULL,
              fixture_set_up, test_reload_minimal, fixture_tear_down);
  g_test_add ("/kefu/customer-list-model/no-store", Fixture, NULL,
              fixture_set_up, test_no_store, fixture_tear_down);

  g_test_add_func ("/kefu/customer-list-model/cell-text", test_cell_text);

  return g_test_run ();
}
