/* test-store-shipments-list.c: the shipment list on both backends, over a small fixed set of
 * shipments in every kind of state: the attention order (overdue first, then open, then final)
 * and the sidebar's counts, every sort in both directions, every filter, the text search, the
 * head with the whole count, and the rows read by id.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "test-store-shipments.h"

/* The set, by request time (local):
 *   A 华康 11-10 09:00  received          (shipped 11-10, expected 11-11)
 *   B 仁和 11-12 09:00  shipped           expected 11-14: overdue from 11-15 00:00
 *   C 华康 11-14 09:00  delivered 11-14   no receipt: overdue from 11-16 09:00
 *   D 仁和 11-16 09:00  requested         serial SN-D4
 *   E 华康 11-18 09:00  shipped by 中通   expected 11-23: due 11-24 00:00
 *   F 仁和 11-19 09:00  cancelled         no account manager
 *   G 华康 11-19 12:00  exception 11-19 15:00 (shipped, expected 11-22)
 * and the list is read at 11-20 12:00. */
typedef struct
{
  ShipCo sc;
  gint64 a, b, c, d, e, f, g;
  char  *b_waybill;
  char  *c_reference;
} ListSet;

static void
list_set_clear (ListSet *set)
{
  g_free (set->b_waybill);
  g_free (set->c_reference);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ListSet, list_set_clear)

static gint64
make (KefuStore     *store,
      ListSet       *set,
      int            day,
      int            hour,
      gint64         customer,
      const char    *serial,
      KefuShipmentStep step,
      guint          transit_days)
{
  g_autoptr(KefuShipment) s = NULL;

  ts_clock (store, 2026, 11, day, hour, 0);
  s = ts_request (store, &set->sc, customer, set->sc.analyser, serial, 1);
  if (step != KEFU_SHIPMENT_STEP_REQUESTED)
    ts_walk_to (store, &set->sc, &s, step, transit_days);
  return s->id;
}

static void
list_set_up (KefuStore *store,
             ListSet   *set)
{
  ShipCo *sc = &set->sc;
  g_autoptr(KefuShipment) s = NULL;
  g_autoptr(KefuShipmentChange) change = NULL;
  g_autoptr(GError) error = NULL;
  KefuShipment *updated;

  ts_setup (store, sc);
  set->a = make (store, set, 10, 9, sc->customer, NULL, KEFU_SHIPMENT_STEP_RECEIVED, 1);
  set->b = make (store, set, 12, 9, sc->customer2, NULL, KEFU_SHIPMENT_STEP_SHIPPED, 2);
  set->c = make (store, set, 14, 9, sc->customer, NULL, KEFU_SHIPMENT_STEP_DELIVERED, 2);
  set->d = make (store, set, 16, 9, sc->customer2, "SN-D4", KEFU_SHIPMENT_STEP_REQUESTED, 0);

  /* E goes by 中通. */
  set->e = make (store, set, 18, 9, sc->customer, NULL, KEFU_SHIPMENT_STEP_HANDED_OVER, 0);
  s = kefu_store_get_shipment (store, set->e, NULL, &error);
  g_assert_no_error (error);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_SHIP);
  change->carrier_id = sc->zto;
  change->waybill = g_strdup ("7312345678901");
  g_date_set_dmy (&change->ship_date, 18, 11, 2026);
  g_date_set_dmy (&change->expected_arrival, 23, 11, 2026);
  ts_apply (store, sc->logistics, &s, change);
  g_clear_object (&s);
  g_clear_pointer (&change, kefu_shipment_change_free);

  /* F: filed for nobody, then cancelled. */
  set->f = make (store, set, 19, 9, sc->customer2, NULL, KEFU_SHIPMENT_STEP_REQUESTED, 0);
  s = kefu_store_get_shipment (store, set->f, NULL, &error);
  g_assert_no_error (error);
  s->account_manager_id = 0;
  kefu_store_set_actor (store, sc->co.clerk);
  updated = kefu_store_update_shipment (store, s, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&s);
  s = updated;
  change = ts_change (s, KEFU_SHIPMENT_ACTION_CANCEL);
  change->text = g_strdup ("客户改订其他型号");
  ts_apply (store, sc->co.team_lead, &s, change);
  g_clear_object (&s);
  g_clear_pointer (&change, kefu_shipment_change_free);

  set->g = make (store, set, 19, 12, sc->customer, NULL, KEFU_SHIPMENT_STEP_SHIPPED, 3);
  s = kefu_store_get_shipment (store, set->g, NULL, &error);
  g_assert_no_error (error);
  ts_clock (store, 2026, 11, 19, 15, 0);
  change = ts_change (s, KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION);
  change->exception = KEFU_SHIPMENT_EXCEPTION_DAMAGED;
  change->text = g_strdup ("外包装破损");
  ts_apply (store, sc->co.clerk, &s, change);
  g_clear_object (&s);

  s = kefu_store_get_shipment (store, set->b, NULL, &error);
  g_assert_no_error (error);
  set->b_waybill = g_ascii_strdown (s->waybill, -1);
  g_clear_object (&s);
  s = kefu_store_get_shipment (store, set->c, NULL, &error);
  g_assert_no_error (error);
  set->c_reference = g_strdup (s->reference);

  ts_clock (store, 2026, 11, 20, 12, 0);
}

/* The ids of `filter` in `sort` are exactly the `n` given. */
static void
assert_ids (KefuStore                *store,
            const KefuShipmentFilter *filter,
            KefuShipmentSort          sort,
            gboolean                  descending,
            const gint64             *expected,
            guint                     n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = kefu_store_list_shipment_ids (store, filter, sort, descending, NULL,
                                                        &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  for (guint i = 0; i < MIN (ids->len, n); i++)
    if (g_array_index (ids, gint64, i) != expected[i])
      g_error ("sort %d%s: position %u holds %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
               sort, descending ? " descending" : "", i, g_array_index (ids, gint64, i),
               expected[i]);
  g_assert_cmpuint (ids->len, ==, n);
}

/* The same in both directions: descending is the exact reverse. */
static void
assert_both (KefuStore                *store,
             const KefuShipmentFilter *filter,
             KefuShipmentSort          sort,
             const gint64             *expected,
             guint                     n)
{
  g_autofree gint64 *reversed = g_new0 (gint64, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    reversed[i] = expected[n - 1 - i];
  assert_ids (store, filter, sort, FALSE, expected, n);
  assert_ids (store, filter, sort, TRUE, reversed, n);
}

static void
test_attention (Fixture       *fixture,
                gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_auto(ListSet) set = { 0 };
  g_autoptr(KefuShipmentFilter) filter = kefu_shipment_filter_new ();
  g_autoptr(GArray) head = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_open = -1, n_overdue = -1, n_total = -1;

  list_set_up (store, &set);
  {
    const gint64 order[] = { set.b, set.c, set.g, set.e, set.d, set.f, set.a };

    assert_both (store, filter, KEFU_SHIPMENT_SORT_ATTENTION, order, G_N_ELEMENTS (order));
  }

  g_assert_true (kefu_store_count_shipments (store, NULL, &n_open, &n_overdue, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_open, ==, 5);
  g_assert_cmpint (n_overdue, ==, 3);

  /* Open only: the same order without the final ones (which come last), both ways. */
  filter->open_only = TRUE;
  {
    const gint64 order[] = { set.b, set.c, set.g, set.e, set.d };

    assert_both (store, filter, KEFU_SHIPMENT_SORT_ATTENTION, order, G_N_ELEMENTS (order));
  }
  filter->open_only = FALSE;

  filter->overdue_only = TRUE;
  {
    const gint64 order[] = { set.b, set.c, set.g };

    assert_both (store, filter, KEFU_SHIPMENT_SORT_ATTENTION, order, G_N_ELEMENTS (order));
  }

  /* Judged at an earlier time, only B is late: C is due from 11-16 09:00, G from 11-19. */
  filter->now = test_local_time (2026, 11, 15, 12, 0);
  {
    const gint64 order[] = { set.b };

    assert_ids (store, filter, KEFU_SHIPMENT_SORT_ATTENTION, FALSE, order, 1);
  }
  g_assert_true (kefu_store_count_shipments (store, filter->now, &n_open, &n_overdue, NULL,
                                             &error));
  g_assert_cmpint (n_overdue, ==, 1);
  /* At that time the attention order puts B first, then the open ones newest first. */
  filter->overdue_only = FALSE;
  filter->open_only = TRUE;
  {
    const gint64 order[] = { set.b, set.g, set.e, set.d, set.c };

    assert_ids (store, filter, KEFU_SHIPMENT_SORT_ATTENTION, FALSE, order, G_N_ELEMENTS (order));
  }
  g_clear_pointer (&filter->now, g_date_time_unref);

  /* The head: the first rows and the whole count. */
  head = kefu_store_list_shipment_ids_head (store, filter, KEFU_SHIPMENT_SORT_ATTENTION, FALSE,
                                            2, &n_total, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (head->len, ==, 2);
  g_assert_cmpint (g_array_index (head, gint64, 0), ==, set.b);
  g_assert_cmpint (g_array_index (head, gint64, 1), ==, set.c);
  g_assert_cmpint (n_total, ==, 5);
  g_clear_pointer (&head, g_array_unref);
  filter->open_only = FALSE;
  head = kefu_store_list_shipment_ids_head (store, filter, KEFU_SHIPMENT_SORT_ATTENTION, TRUE,
                                            4, &n_total, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (head->len, ==, 4);
  g_assert_cmpint (g_array_index (head, gint64, 0), ==, set.a);
  g_assert_cmpint (g_array_index (head, gint64, 3), ==, set.e);
  g_assert_cmpint (n_total, ==, 7);
  g_clear_pointer (&head, g_array_unref);
  head = kefu_store_list_shipment_ids_head (store, filter, KEFU_SHIPMENT_SORT_ATTENTION, FALSE,
                                            100, &n_total, NULL, &error);
  g_assert_cmpuint (head->len, ==, 7);
  g_assert_cmpint (n_total, ==, 7);
}

static void
test_sorts (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_auto(ListSet) set = { 0 };
  g_autoptr(KefuShipmentFilter) filter = kefu_shipment_filter_new ();
  g_autoptr(KefuRows) first = NULL;
  g_autoptr(GError) error = NULL;

  list_set_up (store, &set);
  {
    const gint64 order[] = { set.a, set.b, set.c, set.d, set.e, set.f, set.g };

    assert_both (store, filter, KEFU_SHIPMENT_SORT_REQUESTED, order, G_N_ELEMENTS (order));
    assert_both (store, filter, KEFU_SHIPMENT_SORT_REFERENCE, order, G_N_ELEMENTS (order));
  }
  {
    /* In step order: requested, shipped (by id), delivered, received, exception, cancelled. */
    const gint64 order[] = { set.d, set.b, set.e, set.c, set.a, set.g, set.f };

    assert_both (store, filter, KEFU_SHIPMENT_SORT_STEP, order, G_N_ELEMENTS (order));
  }
  {
    /* By expected arrival, those without one last either way. */
    const gint64 order[] = { set.a, set.b, set.c, set.g, set.e, set.d, set.f };
    const gint64 descending[] = { set.e, set.g, set.c, set.b, set.a, set.f, set.d };

    assert_ids (store, filter, KEFU_SHIPMENT_SORT_EXPECTED, FALSE, order, G_N_ELEMENTS (order));
    assert_ids (store, filter, KEFU_SHIPMENT_SORT_EXPECTED, TRUE, descending,
                G_N_ELEMENTS (descending));
  }

  /* A text search reads its matches in one statement, in the same orders: "fh-2026" matches
   * every reference. */
  for (KefuShipmentSort sort = KEFU_SHIPMENT_SORT_ATTENTION; sort <= KEFU_SHIPMENT_SORT_EXPECTED;
       sort++)
    for (guint descending = 0; descending < 2; descending++)
      {
        g_autoptr(KefuShipmentFilter) search = kefu_shipment_filter_new ();
        g_autoptr(GArray) all = kefu_store_list_shipment_ids (store, filter, sort, descending,
                                                              NULL, &error);

        g_assert_no_error (error);
        search->text = g_strdup ("FH-2026");
        assert_ids (store, search, sort, descending, (const gint64 *) all->data, all->len);
        g_assert_cmpuint (all->len, ==, 7);
      }

  /* By customer name in the database's order of names, each customer's by id. */
  first = _kefu_store_query (store, "SELECT id FROM customers WHERE id IN ($1, $2) "
                                    "ORDER BY name LIMIT 1",
                             g_variant_new ("(xx)", set.sc.customer, set.sc.customer2), NULL,
                             &error);
  g_assert_no_error (error);
  if (kefu_rows_get_int (first, 0, 0) == set.sc.customer)
    {
      const gint64 order[] = { set.a, set.c, set.e, set.g, set.b, set.d, set.f };

      assert_both (store, filter, KEFU_SHIPMENT_SORT_CUSTOMER, order, G_N_ELEMENTS (order));
    }
  else
    {
      const gint64 order[] = { set.b, set.d, set.f, set.a, set.c, set.e, set.g };

      assert_both (store, filter, KEFU_SHIPMENT_SORT_CUSTOMER, order, G_N_ELEMENTS (order));
    }
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_auto(ListSet) set = { 0 };
  g_autoptr(KefuShipmentFilter) filter = kefu_shipment_filter_new ();
  g_autoptr(KefuShipmentFilter) copy = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) customer_rows = NULL;
  g_autoptr(GArray) head = NULL;
  g_autoptr(GError) error = NULL;
  const KefuShipmentSort by_time = KEFU_SHIPMENT_SORT_REQUESTED;
  gint64 n_total = -1;

  list_set_up (store, &set);

  filter->open_only = TRUE;
  {
    const gint64 order[] = { set.b, set.c, set.d, set.e, set.g };

    assert_both (store, filter, by_time, order, G_N_ELEMENTS (order));
  }
  filter->open_only = FALSE;

  filter->step = KEFU_SHIPMENT_STEP_SHIPPED;
  {
    const gint64 order[] = { set.b, set.e };

    assert_both (store, filter, by_time, order, G_N_ELEMENTS (order));
  }
  filter->step = -1;

  filter->customer_id = set.sc.customer2;
  {
    const gint64 order[] = { set.b, set.d, set.f };

    assert_both (store, filter, by_time, order, G_N_ELEMENTS (order));
  }
  filter->customer_id = 0;

  filter->carrier_id = set.sc.sf;
  {
    const gint64 order[] = { set.a, set.b, set.c, set.g };

    assert_both (store, filter, by_time, order, G_N_ELEMENTS (order));
  }
  filter->carrier_id = set.sc.zto;
  {
    const gint64 order[] = { set.e };

    assert_both (store, filter, by_time, order, G_N_ELEMENTS (order));
  }
  filter->carrier_id = 0;

  filter->account_manager_id = set.sc.sales_rep;
  {
    const gint64 order[] = { set.a, set.b, set.c, set.d, set.e, set.g };

    assert_both (store, filter, by_time, order, G_N_ELEMENTS (order));
  }
  filter->account_manager_id = 0;

  /* [from, to): D, requested exactly at the end, is out. */
  filter->requested_from = test_local_time (2026, 11, 12, 0, 0);
  filter->requested_to = test_local_time (2026, 11, 16, 9, 0);
  {
    const gint64 order[] = { set.b, set.c };

    assert_both (store, filter, by_time, order, G_N_ELEMENTS (order));
  }
  /* A copy filters the same. */
  copy = kefu_shipment_filter_copy (filter);
  {
    const gint64 order[] = { set.b, set.c };

    assert_ids (store, copy, KEFU_SHIPMENT_SORT_ATTENTION, FALSE, order, G_N_ELEMENTS (order));
  }
  g_clear_pointer (&filter->requested_from, g_date_time_unref);
  g_clear_pointer (&filter->requested_to, g_date_time_unref);

  /* Text: a reference in any case, part of a customer's name or phone, a waybill as typed, a
   * dispatch note number, a serial; the pattern characters are taken as they are. */
  {
    g_autofree char *reference = g_ascii_strdown (set.c_reference, -1);
    g_autofree char *waybill = g_ascii_strup (set.b_waybill, -1);
    g_autofree char *dispatch = g_strdup_printf ("fd-%04" G_GINT64_FORMAT, set.c);
    const struct
    {
      const char *text;
      gint64      ids[4];
      guint       n;
    } searches[] = {
      { reference, { set.c }, 1 },
      { "仁和", { set.b, set.d, set.f }, 3 },
      { "0013800", { set.a, set.c, set.e, set.g }, 4 },
      { waybill, { set.b }, 1 },
      { "7312345678901", { set.e }, 1 },
      { dispatch, { set.c }, 1 },
      { "sn-d4", { set.d }, 1 },
      { "%", { 0 }, 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        g_free (filter->text);
        filter->text = g_strdup (searches[i].text);
        assert_both (store, filter, by_time, searches[i].ids, searches[i].n);
      }
  }
  /* The head of a text search is the whole list. */
  g_free (filter->text);
  filter->text = g_strdup ("仁和");
  head = kefu_store_list_shipment_ids_head (store, filter, by_time, FALSE, 1, &n_total, NULL,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (head->len, ==, 3);
  g_assert_cmpint (n_total, ==, 3);
  g_clear_pointer (&filter->text, g_free);

  /* Rows by id, in the order asked, without the ids no longer there. */
  {
    const gint64 ids[] = { set.g, 999999, set.a, set.d };

    rows = kefu_store_get_shipments (store, ids, G_N_ELEMENTS (ids), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 3);
    g_assert_cmpint (((KefuShipment *) g_ptr_array_index (rows, 0))->id, ==, set.g);
    g_assert_cmpint (((KefuShipment *) g_ptr_array_index (rows, 0))->exception, ==,
                     KEFU_SHIPMENT_EXCEPTION_DAMAGED);
    g_assert_null (((KefuShipment *) g_ptr_array_index (rows, 0))->lines);
    g_assert_cmpint (((KefuShipment *) g_ptr_array_index (rows, 1))->id, ==, set.a);
    g_assert_cmpint (((KefuShipment *) g_ptr_array_index (rows, 1))->step, ==,
                     KEFU_SHIPMENT_STEP_RECEIVED);
    g_assert_cmpint (((KefuShipment *) g_ptr_array_index (rows, 2))->id, ==, set.d);
    g_assert_cmpuint (((KefuShipment *) g_ptr_array_index (rows, 2))->n_lines, ==, 1);
  }

  customer_rows = kefu_store_list_customer_shipments (store, set.sc.customer2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (customer_rows->len, ==, 3);
  g_assert_cmpint (((KefuShipment *) g_ptr_array_index (customer_rows, 0))->id, ==, set.f);
  g_assert_cmpint (((KefuShipment *) g_ptr_array_index (customer_rows, 2))->id, ==, set.b);
}

void
test_store_add_shipment_list_tests (void)
{
  TEST_ADD ("shipments/attention", test_attention);
  TEST_ADD ("shipments/sorts", test_sorts);
  TEST_ADD ("shipments/filters", test_filters);
}
