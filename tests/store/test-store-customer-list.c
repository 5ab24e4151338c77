/* test-store-customer-list.c: the customers pane's store side on both backends: the id list in
 * each order and filter, pages of customers in the order asked, and assignment to clerks
 * (balanced plan, set-based apply, permission, the "to contact" list).
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "test-store.h"

typedef struct
{
  const char *name;
  const char *phone;
  const char *district;      /* NULL: none */
  const char *last_contact;  /* NULL: never */
} Row;

/* Ids 1…8 in this order (a fresh database). */
static const Row rows[] = {
  { "王伟", "13800000001", "朝阳区", "2025-03-01 09:00:00.000Z" },
  { "李娜", "13800000002", NULL, NULL },
  { "王伟", "13800000003", "海淀区", "2025-01-15 09:00:00.000Z" },
  { "张敏", "13800000004", "朝阳区", NULL },
  { "陈静", "13800000005", "东城区", "2025-03-01 09:00:00.000Z" },
  { "王芳", "13800000006", NULL, "2024-12-31 23:00:00.000Z" },
  { "刘洋", "13912345678", "海淀区", NULL },
  { "王伟明", "13712345678", "西城区", "2025-02-01 09:00:00.000Z" },
};

static gint64 ids[G_N_ELEMENTS (rows)];

static void
create_rows (KefuStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KefuCustomer) customer = test_new_customer (rows[i].name, rows[i].phone, NULL);
      g_autoptr(GError) error = NULL;

      kefu_customer_set_district (customer, rows[i].district);
      g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
      g_assert_no_error (error);
      ids[i] = kefu_record_get_id (KEFU_RECORD (customer));
      /* The last contact is the calls' to set; written here directly. */
      if (rows[i].last_contact != NULL)
        g_assert_cmpint (_kefu_store_execute (store, "UPDATE customers SET last_contact_at = $1 "
                                              "WHERE id = $2",
                                              g_variant_new ("(sx)", rows[i].last_contact, ids[i]),
                                              NULL, &error), ==, 1);
      g_assert_no_error (error);
    }
}

/* The list as row numbers (1-based, as in `rows`), e.g. "2 6 1 3". */
static char *
list (KefuStore        *store,
      const char       *query,
      gint64            clerk,
      gboolean          to_contact,
      KefuCustomerSort  sort,
      gboolean          descending)
{
  KefuCustomerFilter filter = { query, clerk, to_contact, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = kefu_store_list_customer_ids (store, &filter, sort, descending, NULL,
                                                          &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
      if (ids[r] == g_array_index (found, gint64, i))
        g_string_append_printf (text, "%s%u", i > 0 ? " " : "", r + 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_list(expected, ...) \
  G_STMT_START { \
    g_autofree char *found_ = list (__VA_ARGS__); \
    g_assert_cmpstr (found_, ==, (expected)); \
  } G_STMT_END

static void
test_sorts (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;

  create_rows (store);

  /* Names in code-point order (刘 < 张 < 李 < 王 < 陈), ties by id; descending is the exact
   * reverse. */
  assert_list ("7 4 2 1 3 8 6 5", store, NULL, 0, FALSE, KEFU_CUSTOMER_SORT_NAME, FALSE);
  assert_list ("5 6 8 3 1 2 4 7", store, NULL, 0, FALSE, KEFU_CUSTOMER_SORT_NAME, TRUE);
  /* No district first on both backends, then by district (东 < 朝 < 海 < 西), name, id. */
  assert_list ("2 6 5 4 1 7 3 8", store, NULL, 0, FALSE, KEFU_CUSTOMER_SORT_DISTRICT, FALSE);
  assert_list ("8 3 7 1 4 5 6 2", store, NULL, 0, FALSE, KEFU_CUSTOMER_SORT_DISTRICT, TRUE);
  /* Never contacted first (by id), then by time, ties by id; descending: the most recent. */
  assert_list ("2 4 7 6 3 8 1 5", store, NULL, 0, FALSE, KEFU_CUSTOMER_SORT_LAST_CONTACT, FALSE);
  assert_list ("5 1 8 3 6 7 4 2", store, NULL, 0, FALSE, KEFU_CUSTOMER_SORT_LAST_CONTACT, TRUE);
}

static void
test_queries (Fixture       *fixture,
              gconstpointer  data)
{
  KefuStore *store = fixture->store;

  create_rows (store);

  /* The same customers the lookup finds, in the list's order. */
  assert_list ("1 3 8 6", store, "王", 0, FALSE, KEFU_CUSTOMER_SORT_NAME, FALSE);
  assert_list ("6 8 3 1", store, "王", 0, FALSE, KEFU_CUSTOMER_SORT_NAME, TRUE);
  assert_list ("6 1 3 8", store, "王", 0, FALSE, KEFU_CUSTOMER_SORT_DISTRICT, FALSE);
  assert_list ("1 3 8", store, "王伟", 0, FALSE, KEFU_CUSTOMER_SORT_NAME, FALSE);
  assert_list ("8", store, "王伟明", 0, FALSE, KEFU_CUSTOMER_SORT_NAME, FALSE);
  assert_list ("", store, "伟王", 0, FALSE, KEFU_CUSTOMER_SORT_NAME, FALSE);
  /* Phones by their last digits. */
  assert_list ("7 8", store, "12345678", 0, FALSE, KEFU_CUSTOMER_SORT_NAME, FALSE);
  assert_list ("8 7", store, "5678", 0, FALSE, KEFU_CUSTOMER_SORT_LAST_CONTACT, TRUE);
  assert_list ("3", store, "138 0000 0003", 0, FALSE, KEFU_CUSTOMER_SORT_NAME, FALSE);
  assert_list ("7 4 2 1 3 8 6 5", store, "", 0, FALSE, KEFU_CUSTOMER_SORT_NAME, FALSE);
}

/* The shared fallback through query() gives what the backend's own id reader gives. */
static void
test_fallback_reader (Fixture       *fixture,
                      gconstpointer  data)
{
  KefuStore *store = fixture->store;
  KefuStoreClass *klass = KEFU_STORE_GET_CLASS (store);
  gpointer own = klass->query_int64_column;
  g_autofree char *by_name = NULL;
  g_autofree char *by_contact = NULL;

  create_rows (store);
  g_assert_nonnull (own);
  by_name = list (store, "王", 0, FALSE, KEFU_CUSTOMER_SORT_NAME, FALSE);
  by_contact = list (store, NULL, 0, FALSE, KEFU_CUSTOMER_SORT_LAST_CONTACT, TRUE);

  klass->query_int64_column = NULL;
  assert_list (by_name, store, "王", 0, FALSE, KEFU_CUSTOMER_SORT_NAME, FALSE);
  assert_list (by_contact, store, NULL, 0, FALSE, KEFU_CUSTOMER_SORT_LAST_CONTACT, TRUE);
  klass->query_int64_column = own;
  g_assert_cmpstr (by_name, ==, "1 3 8 6");
}

/* The head of each list is the start of the whole list, whatever part (no district, never
 * contacted) it ends in, and the count is the whole list's length. */
static void
test_head (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const queries[] = { NULL, "王", "王伟", "王伟明", "5678", "伟王" };
  static const gint64 clerks[] = { 0, -1, 424242 };
  KefuStore *store = fixture->store;

  create_rows (store);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (guint c = 0; c < G_N_ELEMENTS (clerks); c++)
      for (KefuCustomerSort sort = KEFU_CUSTOMER_SORT_NAME; sort <= KEFU_CUSTOMER_SORT_LAST_CONTACT;
           sort++)
        for (guint descending = 0; descending < 2; descending++)
          {
            KefuCustomerFilter filter = { queries[q], clerks[c], FALSE, FALSE };
            g_autoptr(GError) error = NULL;
            g_autoptr(GArray) all = kefu_store_list_customer_ids (store, &filter, sort,
                                                                  descending, NULL, &error);

            g_assert_no_error (error);
            for (guint limit = 1; limit <= G_N_ELEMENTS (rows) + 1; limit++)
              {
                g_autoptr(GArray) head = NULL;
                gint64 n_total = -2;

                head = kefu_store_list_customer_ids_head (store, &filter, sort, descending, limit,
                                                          &n_total, NULL, &error);
                g_assert_no_error (error);
                g_assert_cmpuint (head->len, ==, MIN (limit, all->len));
                g_assert_cmpmem (head->data, head->len * sizeof (gint64),
                                 all->data, head->len * sizeof (gint64));
                /* Only a name query checked outside the database leaves the count unknown. */
                if (n_total == -1 && head->len == limit)
                  g_assert_cmpstr (queries[q], ==, "王伟明");
                else
                  g_assert_cmpint (n_total, ==, all->len);

                /* The count is optional. */
                g_clear_pointer (&head, g_array_unref);
                head = kefu_store_list_customer_ids_head (store, &filter, sort, descending, limit,
                                                          NULL, NULL, &error);
                g_assert_no_error (error);
                g_assert_cmpuint (head->len, ==, MIN (limit, all->len));
              }
          }

  /* Not just everyone: the count follows the filter. */
  {
    KefuCustomerFilter filter = { "王", 0, FALSE, FALSE };
    gint64 n_total = 0;
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) head = kefu_store_list_customer_ids_head (store, &filter,
                                                                KEFU_CUSTOMER_SORT_NAME, FALSE, 2,
                                                                &n_total, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (head->len, ==, 2);
    g_assert_cmpint (g_array_index (head, gint64, 0), ==, ids[0]);
    g_assert_cmpint (g_array_index (head, gint64, 1), ==, ids[2]);
    g_assert_cmpint (n_total, ==, 4);
  }
}

static void
test_get_customers (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GArray) many = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 asked[5];

  create_rows (store);
  asked[0] = ids[7];
  asked[1] = ids[0];
  asked[2] = 999999;  /* removed meanwhile, or never there */
  asked[3] = ids[4];
  asked[4] = ids[7];

  page = kefu_store_get_customers (store, asked, G_N_ELEMENTS (asked), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 4);
  g_assert_cmpstr (kefu_customer_get_name (g_ptr_array_index (page, 0)), ==, "王伟明");
  g_assert_cmpstr (kefu_customer_get_name (g_ptr_array_index (page, 1)), ==, "王伟");
  g_assert_cmpstr (kefu_customer_get_name (g_ptr_array_index (page, 2)), ==, "陈静");
  g_assert_cmpstr (kefu_customer_get_name (g_ptr_array_index (page, 3)), ==, "王伟明");
  g_assert_cmpstr (kefu_customer_get_primary_phone (g_ptr_array_index (page, 0)), ==,
                   "13712345678");
  g_assert_cmpstr (kefu_customer_get_district (g_ptr_array_index (page, 0)), ==, "西城区");
  {
    GDateTime *contact = kefu_customer_get_last_contact_at (g_ptr_array_index (page, 2));

    g_assert_nonnull (contact);
    g_assert_cmpint (g_date_time_get_month (contact), ==, 3);
    contact = kefu_customer_get_last_contact_at (g_ptr_array_index (page, 0));
    g_assert_nonnull (contact);
    g_assert_cmpint (g_date_time_get_month (contact), ==, 2);
  }
  g_clear_pointer (&page, g_ptr_array_unref);

  /* Past the 100 ids a statement takes. */
  for (guint i = 0; i < 250; i++)
    {
      gint64 id = ids[(i * 7) % G_N_ELEMENTS (ids)];

      g_array_append_val (many, id);
    }
  page = kefu_store_get_customers (store, (gint64 *) many->data, many->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 250);
  for (guint i = 0; i < 250; i++)
    g_assert_cmpint (kefu_record_get_id (g_ptr_array_index (page, i)), ==,
                     g_array_index (many, gint64, i));
}

/* Assignment */

static gint64
count_assigned (KefuStore *store,
                gint64     clerk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) result = _kefu_store_query (store, "SELECT COUNT(*) FROM customers "
                                                  "WHERE assigned_clerk_id = $1",
                                                  g_variant_new ("(x)", clerk), NULL, &error);

  g_assert_no_error (error);
  return kefu_rows_get_int (result, 0, 0);
}

static void
create_customers (KefuStore *store,
                  guint      n,
                  gint64     clerk)
{
  static guint next = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("客户%u", next);
      g_autofree char *phone = g_strdup_printf ("1370000%04u", next++);
      g_autoptr(KefuCustomer) customer = test_new_customer (name, phone, NULL);
      g_autoptr(GError) error = NULL;

      kefu_customer_set_assigned_clerk_id (customer, clerk);
      g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
      g_assert_no_error (error);
    }
}

static void
assert_plan (GArray       *plan,
             const gint64 *clerks,
             const gint64 *current,
             const gint64 *added,
             guint         n)
{
  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      KefuAssignmentCount *count = &g_array_index (plan, KefuAssignmentCount, i);

      g_assert_cmpint (count->clerk_id, ==, clerks[i]);
      g_assert_cmpint (count->current, ==, current[i]);
      g_assert_cmpint (count->added, ==, added[i]);
    }
}

static void
test_assign_unassigned (Fixture       *fixture,
                        gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GArray) done = NULL;
  gint64 manager = test_create_staff (store, "jingli", KEFU_ROLE_CS_MANAGER);
  gint64 clerks[3];
  gint64 events_before;

  clerks[0] = test_create_staff (store, "xiaowang", KEFU_ROLE_CLERK);
  clerks[1] = test_create_staff (store, "xiaoli", KEFU_ROLE_CLERK);
  clerks[2] = test_create_staff (store, "xiaozhang", KEFU_ROLE_TEAM_LEAD);
  create_customers (store, 3, clerks[0]);
  create_customers (store, 1, clerks[2]);
  create_customers (store, 5, 0);

  /* 3, 0 and 1 customers now; five more raise the second and the third clerk to 3 each, with
   * nothing left over: 3 + 0, 0 + 3, 1 + 2. */
  plan = kefu_store_plan_assignment (store, NULL, 0, clerks, 3, NULL, &error);
  g_assert_no_error (error);
  assert_plan (plan, clerks, (gint64[]) { 3, 0, 1 }, (gint64[]) { 0, 3, 2 }, 3);
  g_assert_cmpint (count_assigned (store, clerks[1]), ==, 0);

  /* Only the customer-service manager assigns. */
  kefu_store_set_actor (store, clerks[0]);
  done = kefu_store_assign_customers (store, NULL, 0, clerks, 3, NULL, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_assert_null (done);
  g_clear_error (&error);
  g_assert_cmpint (count_assigned (store, clerks[1]), ==, 0);

  kefu_store_set_actor (store, manager);
  events_before = test_count (store, "SELECT COUNT(*) FROM events WHERE action = 'assign'");
  done = kefu_store_assign_customers (store, NULL, 0, clerks, 3, NULL, &error);
  g_assert_no_error (error);
  assert_plan (done, clerks, (gint64[]) { 3, 0, 1 }, (gint64[]) { 0, 3, 2 }, 3);
  g_assert_cmpint (count_assigned (store, clerks[0]), ==, 3);
  g_assert_cmpint (count_assigned (store, clerks[1]), ==, 3);
  g_assert_cmpint (count_assigned (store, clerks[2]), ==, 3);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM customers "
                                      "WHERE assigned_clerk_id IS NULL"), ==, 0);
  /* One event per clerk who got customers, with the count. */
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE action = 'assign'") -
                   events_before, ==, 2);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE action = 'assign' "
                                      "AND details LIKE '%\"count\":3%'"), ==, 1);
  /* The customers go out in id order: the first three unassigned to the second clerk. */
  g_assert_cmpint (test_count (store, "SELECT MAX(id) FROM customers WHERE assigned_at IS NOT NULL "
                                      "AND version = 2"), ==,
                   test_count (store, "SELECT MAX(id) FROM customers"));
  {
    g_autoptr(KefuRows) order = _kefu_store_query (store, "SELECT assigned_clerk_id FROM customers "
                                                   "WHERE version = 2 ORDER BY id", NULL, NULL,
                                                   &error);

    g_assert_no_error (error);
    g_assert_cmpuint (kefu_rows_get_n_rows (order), ==, 5);
    g_assert_cmpint (kefu_rows_get_int (order, 0, 0), ==, clerks[1]);
    g_assert_cmpint (kefu_rows_get_int (order, 2, 0), ==, clerks[1]);
    g_assert_cmpint (kefu_rows_get_int (order, 3, 0), ==, clerks[2]);
    g_assert_cmpint (kefu_rows_get_int (order, 4, 0), ==, clerks[2]);
  }

  /* Nobody is left: the plan gives nothing. */
  g_clear_pointer (&plan, g_array_unref);
  plan = kefu_store_plan_assignment (store, NULL, 0, clerks, 3, NULL, &error);
  g_assert_no_error (error);
  assert_plan (plan, clerks, (gint64[]) { 3, 3, 3 }, (gint64[]) { 0, 0, 0 }, 3);
}

static void
test_assign_selected (Fixture       *fixture,
                      gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) done = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GArray) to_contact = NULL;
  g_autoptr(KefuCustomer) moved = NULL;
  gint64 manager = test_create_staff (store, "jingli", KEFU_ROLE_CS_MANAGER);
  gint64 finance = test_create_staff (store, "kuaiji", KEFU_ROLE_FINANCE);
  gint64 clerks[2];
  gint64 selected[5];
  KefuCustomerFilter filter = { NULL, 0, TRUE, FALSE };

  clerks[0] = test_create_staff (store, "xiaowang", KEFU_ROLE_CLERK);
  clerks[1] = test_create_staff (store, "xiaoli", KEFU_ROLE_CLERK);
  create_customers (store, 2, clerks[0]);
  create_customers (store, 4, 0);
  kefu_store_set_actor (store, manager);

  /* The selection: customer 2 (the first clerk's), 3, 4, 5 (unassigned), 4 again, and 999. */
  selected[0] = 2;
  selected[1] = 5;
  selected[2] = 3;
  selected[3] = 999;
  selected[4] = 4;

  /* Without customer 2, who may move, the first clerk has 1: water-filling from 1 and 0 gives
   * the second clerk 1 (level 1), then one each (level 2), then the last one to the first named:
   * 1 + 2, 0 + 2. */
  done = kefu_store_assign_customers (store, selected, G_N_ELEMENTS (selected), clerks, 2, NULL,
                                      &error);
  g_assert_no_error (error);
  assert_plan (done, clerks, (gint64[]) { 1, 0 }, (gint64[]) { 2, 2 }, 2);
  g_assert_cmpint (count_assigned (store, clerks[0]), ==, 3);
  g_assert_cmpint (count_assigned (store, clerks[1]), ==, 2);
  /* In id order: 2 and 3 to the first clerk, 4 and 5 to the second. */
  moved = kefu_store_get_customer (store, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_customer_get_assigned_clerk_id (moved), ==, clerks[0]);
  g_assert_cmpstr (kefu_customer_get_assigned_clerk_name (moved), ==, "xiaowang");
  g_assert_nonnull (kefu_customer_get_assigned_at (moved));
  g_assert_null (kefu_customer_get_first_contact_at (moved));
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (moved)), ==, 2);

  /* The second clerk's "to contact" list, until a first contact is recorded. */
  filter.assigned_clerk_id = clerks[1];
  to_contact = kefu_store_list_customer_ids (store, &filter, KEFU_CUSTOMER_SORT_NAME, FALSE, NULL,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (to_contact->len, ==, 2);
  g_assert_cmpint (_kefu_store_execute (store, "UPDATE customers SET first_contact_at = now() "
                                        "WHERE id = $1",
                                        g_variant_new ("(x)", g_array_index (to_contact, gint64, 0)),
                                        NULL, &error), ==, 1);
  g_clear_pointer (&to_contact, g_array_unref);
  to_contact = kefu_store_list_customer_ids (store, &filter, KEFU_CUSTOMER_SORT_NAME, FALSE, NULL,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (to_contact->len, ==, 1);
  /* Everyone's "to contact": the customer 1 and 2 of the first clerk were assigned at creation
   * and by the assignment, and not contacted yet either. */
  filter.assigned_clerk_id = 0;
  g_clear_pointer (&to_contact, g_array_unref);
  to_contact = kefu_store_list_customer_ids (store, &filter, KEFU_CUSTOMER_SORT_NAME, FALSE, NULL,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (to_contact->len, ==, 4);
  /* The unassigned filter. */
  filter.to_contact = FALSE;
  filter.assigned_clerk_id = -1;
  g_clear_pointer (&to_contact, g_array_unref);
  to_contact = kefu_store_list_customer_ids (store, &filter, KEFU_CUSTOMER_SORT_NAME, FALSE, NULL,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (to_contact->len, ==, 1);
  g_assert_cmpint (g_array_index (to_contact, gint64, 0), ==, 6);

  /* Only hotline staff take customers; each clerk once; at least one. */
  plan = kefu_store_plan_assignment (store, NULL, 0, (gint64[]) { clerks[0], finance }, 2, NULL,
                                     &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_assert_null (plan);
  g_clear_error (&error);
  plan = kefu_store_plan_assignment (store, NULL, 0, (gint64[]) { clerks[0], clerks[0] }, 2, NULL,
                                     &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  plan = kefu_store_plan_assignment (store, NULL, 0, clerks, 0, NULL, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_assignment_by_update (Fixture       *fixture,
                           gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCustomer) customer = test_new_customer ("郭靖", "13600000001", NULL);
  g_autoptr(KefuCustomer) read = NULL;
  gint64 clerk = test_create_staff (store, "xiaoguo", KEFU_ROLE_CLERK);

  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  read = kefu_store_get_customer (store, kefu_record_get_id (KEFU_RECORD (customer)), NULL, &error);
  g_assert_null (kefu_customer_get_assigned_at (read));
  g_clear_object (&read);

  /* The detail page's clerk field: a new clerk starts a new assignment. */
  kefu_customer_set_assigned_clerk_id (customer, clerk);
  g_assert_true (kefu_store_update_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  read = kefu_store_get_customer (store, kefu_record_get_id (KEFU_RECORD (customer)), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kefu_customer_get_assigned_at (read));
  g_assert_cmpstr (kefu_customer_get_assigned_clerk_name (read), ==, "xiaoguo");
  g_clear_object (&read);

  kefu_customer_set_assigned_clerk_id (customer, 0);
  g_assert_true (kefu_store_update_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  read = kefu_store_get_customer (store, kefu_record_get_id (KEFU_RECORD (customer)), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (kefu_customer_get_assigned_at (read));
  /* Core keeps text as "" when there is none. */
  g_assert_cmpstr (kefu_customer_get_assigned_clerk_name (read), ==, "");
}

void
test_store_add_customer_list_tests (void)
{
  TEST_ADD ("customer-list/sorts", test_sorts);
  TEST_ADD ("customer-list/queries", test_queries);
  TEST_ADD ("customer-list/fallback-reader", test_fallback_reader);
  TEST_ADD ("customer-list/head", test_head);
  TEST_ADD ("customer-list/get-customers", test_get_customers);
  TEST_ADD ("customer-list/assign-unassigned", test_assign_unassigned);
  TEST_ADD ("customer-list/assign-selected", test_assign_selected);
  TEST_ADD ("customer-list/assignment-by-update", test_assignment_by_update);
}
