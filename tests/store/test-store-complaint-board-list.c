/* test-store-complaint-board-list.c: the list view's reads on both backends: every filter, every
 * sort both ways, and the head of every list (kefu_store_list_complaint_ids () and
 * kefu_store_list_complaint_ids_head ()), over the cases of test-store-complaint-board.c.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "test-store-complaint-board.h"

/* "a,b,c" of the ids, in the order given. */
static char *
ids_text (GArray *ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The ids matching `filter`, in id order, as text. */
static char *
matching (KefuStore                 *store,
          const KefuComplaintFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = kefu_store_list_complaint_ids (store, filter,
                                                         KEFU_COMPLAINT_SORT_REFERENCE, FALSE,
                                                         NULL, &error);

  g_assert_no_error (error);
  g_array_sort (ids, compare_ids);
  return ids_text (ids);
}

static char *
expect (gint64 first,
        ...)
{
  GString *text = g_string_new (NULL);
  va_list args;

  /* -1 alone: nothing matches. */
  if (first == -1)
    return g_string_free (text, FALSE);
  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, text->len > 0 ? "," : "", id);
  va_end (args);
  return g_string_free (text, FALSE);
}

#define ASSERT_MATCH(store, filter, ...) \
  G_STMT_START { \
    g_autofree char *got_ = matching (store, filter); \
    g_autofree char *want_ = expect (__VA_ARGS__, (gint64) 0); \
    g_assert_cmpstr (got_, ==, want_); \
  } G_STMT_END

/* Filters */

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
  g_autoptr(KefuComplaintFilter) copy = NULL;
  g_autoptr(GDateTime) now = test_local_time (2026, 3, 20, 9, 0);
  g_autoptr(GDateTime) past = test_local_time (2026, 3, 19, 9, 0);
  g_autoptr(GDateTime) future = test_local_time (2026, 3, 21, 9, 0);
  Cases k;
  Site *s = &k.site;

  board_cases_setup (store, &k);

  ASSERT_MATCH (store, filter, k.a, k.b, k.c, k.d, k.e, k.f);
  ASSERT_MATCH (store, NULL, k.a, k.b, k.c, k.d, k.e, k.f);

  /* Mine: the owner. */
  filter->scope = KEFU_COMPLAINT_SCOPE_MINE;
  filter->staff_id = s->clerk;
  ASSERT_MATCH (store, filter, k.a, k.c, k.e);
  filter->staff_id = s->clerk2;
  ASSERT_MATCH (store, filter, k.b, k.d, k.f);

  /* My department: routed to the staff member's department. Product complaints go to 品控部,
   * and a harmed customer's complaint to 总经办 as well; 销售部 has nothing. */
  filter->scope = KEFU_COMPLAINT_SCOPE_MY_DEPARTMENT;
  filter->staff_id = s->qc_manager;
  ASSERT_MATCH (store, filter, k.a, k.d, k.e);
  filter->staff_id = s->gm_office;
  ASSERT_MATCH (store, filter, k.a, k.b, k.d, k.e);
  filter->staff_id = s->sales_admin;
  ASSERT_MATCH (store, filter, (gint64) -1);
  filter->scope = KEFU_COMPLAINT_SCOPE_ALL;

  filter->category = KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY;
  ASSERT_MATCH (store, filter, k.b, k.c);
  filter->category = KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY;
  ASSERT_MATCH (store, filter, k.a, k.d, k.e);
  filter->category = KEFU_COMPLAINT_CATEGORY_UNSPECIFIED;

  filter->department_id = s->qc_department;
  ASSERT_MATCH (store, filter, k.a, k.d, k.e);
  filter->department_id = s->gm_department;
  ASSERT_MATCH (store, filter, k.a, k.b, k.d, k.e);
  filter->department_id = 0;

  /* Overdue: a deadline before `now`; C's is after, D has none. */
  board_set_due (store, k.a, "acknowledge", past, past);
  board_set_due (store, k.b, "acknowledge", past, past);
  board_set_due (store, k.c, "acknowledge", past, future);
  board_set_due (store, k.d, NULL, past, NULL);
  filter->overdue_only = TRUE;
  filter->now = g_date_time_ref (now);
  ASSERT_MATCH (store, filter, k.a, k.b);
  filter->overdue_only = FALSE;

  filter->urgent_only = TRUE;
  ASSERT_MATCH (store, filter, k.b);
  filter->urgent_only = FALSE;

  /* Received in [11th 00:00, 13th 00:00) local. */
  filter->received_from = test_local_time (2026, 3, 11, 0, 0);
  filter->received_to = test_local_time (2026, 3, 13, 0, 0);
  ASSERT_MATCH (store, filter, k.b, k.c);
  g_clear_pointer (&filter->received_from, g_date_time_unref);
  ASSERT_MATCH (store, filter, k.a, k.b, k.c, k.e, k.f);
  g_clear_pointer (&filter->received_to, g_date_time_unref);

  /* Text: the caller's name, the phone, the batch (any case), the reason, the reference. */
  filter->text = g_strdup ("李四");
  ASSERT_MATCH (store, filter, k.b);
  g_free (filter->text);
  filter->text = g_strdup (" 00000003 ");
  ASSERT_MATCH (store, filter, k.c);
  g_free (filter->text);
  filter->text = g_strdup ("ab-1");
  ASSERT_MATCH (store, filter, k.a, k.e);
  g_free (filter->text);
  filter->text = g_strdup ("态度");
  ASSERT_MATCH (store, filter, k.c);
  g_free (filter->text);
  filter->text = g_strdup ("ts-");
  ASSERT_MATCH (store, filter, k.a, k.b, k.c, k.d, k.e, k.f);
  /* The pattern characters mean themselves: "%" is only in B's reason, "_" only in D's
   * reason ("d_2" would find D's batch "CD-2" if "_" stood for any character), "\" nowhere. */
  g_free (filter->text);
  filter->text = g_strdup ("50%");
  ASSERT_MATCH (store, filter, k.b);
  g_free (filter->text);
  filter->text = g_strdup ("%");
  ASSERT_MATCH (store, filter, k.b);
  g_free (filter->text);
  filter->text = g_strdup ("d_2");
  ASSERT_MATCH (store, filter, (gint64) -1);
  g_free (filter->text);
  filter->text = g_strdup ("袋_2");
  ASSERT_MATCH (store, filter, k.d);
  g_free (filter->text);
  filter->text = g_strdup ("_");
  ASSERT_MATCH (store, filter, k.d);
  g_free (filter->text);
  filter->text = g_strdup ("\\");
  ASSERT_MATCH (store, filter, (gint64) -1);
  g_free (filter->text);
  filter->text = g_strdup ("   ");
  ASSERT_MATCH (store, filter, k.a, k.b, k.c, k.d, k.e, k.f);
  g_clear_pointer (&filter->text, g_free);

  /* The linked complaints of a batch: the product and the batch key. */
  filter->product_id = s->milk;
  filter->batch_key = g_strdup ("AB-1");
  ASSERT_MATCH (store, filter, k.a, k.e);
  filter->product_id = s->yogurt;
  ASSERT_MATCH (store, filter, (gint64) -1);
  g_clear_pointer (&filter->batch_key, g_free);
  ASSERT_MATCH (store, filter, k.d);
  filter->product_id = 0;

  /* Filters combine, and a copy filters the same. */
  filter->scope = KEFU_COMPLAINT_SCOPE_MINE;
  filter->staff_id = s->clerk;
  filter->category = KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY;
  filter->text = g_strdup ("异味");
  ASSERT_MATCH (store, filter, k.a);
  copy = kefu_complaint_filter_copy (filter);
  g_clear_pointer (&filter->text, g_free);
  g_clear_pointer (&filter->now, g_date_time_unref);
  ASSERT_MATCH (store, copy, k.a);
  ASSERT_MATCH (store, filter, k.a, k.e);
}

/* Sorts */

static int
stage_rank (KefuComplaintStage stage)
{
  static const KefuComplaintStage order[] = {
    KEFU_COMPLAINT_STAGE_NEW, KEFU_COMPLAINT_STAGE_ROUTED, KEFU_COMPLAINT_STAGE_IN_PROGRESS,
    KEFU_COMPLAINT_STAGE_REOPENED, KEFU_COMPLAINT_STAGE_RESOLVED,
    KEFU_COMPLAINT_STAGE_CALLED_BACK, KEFU_COMPLAINT_STAGE_CLOSED, KEFU_COMPLAINT_STAGE_EXPLAINED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (order[i] == stage)
      return (int) i;
  g_assert_not_reached ();
}

static int
compare_times (GDateTime *a,
               GDateTime *b)
{
  return g_date_time_compare (a, b);
}

/* The sort key of `sort` between two cards, ascending, without the id tiebreak. */
static int
compare_cards (KefuComplaintCard *x,
               KefuComplaintCard *y,
               KefuComplaintSort  sort)
{
  switch (sort)
    {
    case KEFU_COMPLAINT_SORT_RECEIVED:
      return compare_times (kefu_complaint_card_get_received_at (x),
                            kefu_complaint_card_get_received_at (y));
    case KEFU_COMPLAINT_SORT_DUE:
      g_assert_not_reached ();
    case KEFU_COMPLAINT_SORT_REFERENCE:
      return strcmp (kefu_complaint_card_get_reference (x), kefu_complaint_card_get_reference (y));
    case KEFU_COMPLAINT_SORT_CUSTOMER:
      return strcmp (kefu_complaint_card_get_customer_name (x),
                     kefu_complaint_card_get_customer_name (y));
    case KEFU_COMPLAINT_SORT_STAGE:
      return stage_rank (kefu_complaint_card_get_stage (x)) -
             stage_rank (kefu_complaint_card_get_stage (y));
    case KEFU_COMPLAINT_SORT_OWNER:
      return strcmp (kefu_complaint_card_get_owner_name (x), kefu_complaint_card_get_owner_name (y));
    default:
      g_assert_not_reached ();
    }
}

static GPtrArray *
sorted_cards (KefuStore         *store,
              KefuComplaintSort  sort,
              gboolean           descending,
              guint              n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = kefu_store_list_complaint_ids (store, NULL, sort, descending, NULL,
                                                         &error);
  GPtrArray *cards;

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, n_expected);
  cards = kefu_store_get_complaint_cards (store, (gint64 *) ids->data, ids->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, n_expected);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, i)), ==,
                     g_array_index (ids, gint64, i));
  return cards;
}

static void
test_sorts (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) since = test_local_time (2026, 3, 14, 9, 0);
  g_autoptr(GDateTime) due1 = test_local_time (2026, 3, 15, 9, 0);
  g_autoptr(GDateTime) due2 = test_local_time (2026, 3, 16, 9, 0);
  const KefuComplaintSort sorts[] = {
    KEFU_COMPLAINT_SORT_RECEIVED, KEFU_COMPLAINT_SORT_REFERENCE, KEFU_COMPLAINT_SORT_CUSTOMER,
    KEFU_COMPLAINT_SORT_STAGE, KEFU_COMPLAINT_SORT_OWNER,
  };
  Cases k;
  gint64 g;

  board_cases_setup (store, &k);
  /* A twin of C received at the same minute by the same clerk, so that ties need the id. */
  g = board_make_complaint (store, &(Spec) { k.site.clerk, "王五", "13800000003",
                                       KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, 0, NULL,
                                       "又晚了", 12 });
  board_set_stage (store, k.c, "in-progress");
  board_set_stage (store, k.d, "reopened");
  board_set_stage (store, k.a, "resolved");

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(GPtrArray) cards = sorted_cards (store, sorts[s], descending, 7);

        for (guint i = 1; i < cards->len; i++)
          {
            KefuComplaintCard *x = g_ptr_array_index (cards, i - 1);
            KefuComplaintCard *y = g_ptr_array_index (cards, i);
            int cmp = compare_cards (x, y, sorts[s]);

            if (descending)
              cmp = -cmp;
            g_assert_cmpint (cmp, <=, 0);
            /* Ties go by id, the same way. */
            if (cmp == 0)
              g_assert_true (descending ? kefu_complaint_card_get_id (x) > kefu_complaint_card_get_id (y)
                                        : kefu_complaint_card_get_id (x) < kefu_complaint_card_get_id (y));
          }
      }

  /* Ties do happen in these data: the same customer, owner and stage. */
  {
    g_autoptr(GPtrArray) cards = sorted_cards (store, KEFU_COMPLAINT_SORT_RECEIVED, TRUE, 7);

    g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 0)), ==, k.d);
    g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 1)), ==, g);
    g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 2)), ==, k.c);
    g_assert_cmpint (kefu_complaint_card_get_id (g_ptr_array_index (cards, 6)), ==, k.e);
  }
  {
    g_autoptr(GPtrArray) cards = sorted_cards (store, KEFU_COMPLAINT_SORT_STAGE, FALSE, 7);
    const KefuComplaintStage want[] = {
      KEFU_COMPLAINT_STAGE_ROUTED, KEFU_COMPLAINT_STAGE_ROUTED, KEFU_COMPLAINT_STAGE_IN_PROGRESS,
      KEFU_COMPLAINT_STAGE_REOPENED, KEFU_COMPLAINT_STAGE_RESOLVED, KEFU_COMPLAINT_STAGE_CLOSED,
      KEFU_COMPLAINT_STAGE_EXPLAINED,
    };

    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      g_assert_cmpint (kefu_complaint_card_get_stage (g_ptr_array_index (cards, i)), ==, want[i]);
  }

  /* With a filter, each way of sorting keeps to it: 甲's complaints from 王五, C and G. */
  {
    g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
    const struct { KefuComplaintSort sort; gboolean descending; gint64 first; } cases[] = {
      { KEFU_COMPLAINT_SORT_STAGE, FALSE, g }, { KEFU_COMPLAINT_SORT_STAGE, TRUE, k.c },
      { KEFU_COMPLAINT_SORT_OWNER, FALSE, k.c }, { KEFU_COMPLAINT_SORT_OWNER, TRUE, g },
      { KEFU_COMPLAINT_SORT_RECEIVED, FALSE, k.c }, { KEFU_COMPLAINT_SORT_RECEIVED, TRUE, g },
      { KEFU_COMPLAINT_SORT_CUSTOMER, FALSE, k.c }, { KEFU_COMPLAINT_SORT_CUSTOMER, TRUE, g },
    };

    filter->scope = KEFU_COMPLAINT_SCOPE_MINE;
    filter->staff_id = k.site.clerk;
    filter->text = g_strdup ("王五");
    for (guint n = 0; n < G_N_ELEMENTS (cases); n++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) ids = kefu_store_list_complaint_ids (store, filter, cases[n].sort,
                                                               cases[n].descending, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (ids->len, ==, 2);
        g_assert_cmpint (g_array_index (ids, gint64, 0), ==, cases[n].first);
        g_assert_cmpint (g_array_index (ids, gint64, 1), ==, cases[n].first == g ? k.c : g);
      }
  }

  /* By deadline: none last, whichever the direction; ties by id. */
  board_set_due (store, k.a, "callback", since, due2);
  board_set_due (store, k.b, "acknowledge", since, due1);
  board_set_due (store, k.c, "resolve", since, due2);
  board_set_due (store, k.d, "acknowledge", since, due1);
  board_set_due (store, g, NULL, since, NULL);
  for (int descending = 0; descending <= 1; descending++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = kefu_store_list_complaint_ids (store, NULL, KEFU_COMPLAINT_SORT_DUE,
                                                             descending, NULL, &error);
      g_autofree char *got = NULL;
      g_autofree char *want = NULL;

      g_assert_no_error (error);
      got = ids_text (ids);
      if (descending)
        want = expect (k.c, k.a, k.d, k.b, g, k.f, k.e, (gint64) 0);
      else
        want = expect (k.b, k.d, k.a, k.c, k.e, k.f, g, (gint64) 0);
      g_assert_cmpstr (got, ==, want);
    }
  /* The same with a filter on the call: C (due) before G (none), both ways. */
  {
    g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();

    filter->text = g_strdup ("王五");
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) ids = kefu_store_list_complaint_ids (store, filter,
                                                               KEFU_COMPLAINT_SORT_DUE,
                                                               descending, NULL, &error);
        g_autofree char *got = NULL;
        g_autofree char *want = expect (k.c, g, (gint64) 0);

        g_assert_no_error (error);
        got = ids_text (ids);
        g_assert_cmpstr (got, ==, want);
      }
  }
}

/* The head of every list is the list's beginning: for every sort, both ways, with and without a
 * filter, and for every length up to past the end, with the whole list's length as the total. */
static void
test_heads (Fixture       *fixture,
            gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GDateTime) since = test_local_time (2026, 3, 14, 9, 0);
  g_autoptr(GDateTime) due1 = test_local_time (2026, 3, 15, 9, 0);
  g_autoptr(GDateTime) due2 = test_local_time (2026, 3, 16, 9, 0);
  g_autoptr(KefuComplaintFilter) mine = kefu_complaint_filter_new ();
  g_autoptr(KefuComplaintFilter) text = kefu_complaint_filter_new ();
  const KefuComplaintFilter *filters[3];
  const KefuComplaintSort sorts[] = {
    KEFU_COMPLAINT_SORT_RECEIVED, KEFU_COMPLAINT_SORT_REFERENCE, KEFU_COMPLAINT_SORT_CUSTOMER,
    KEFU_COMPLAINT_SORT_STAGE, KEFU_COMPLAINT_SORT_OWNER, KEFU_COMPLAINT_SORT_DUE,
  };
  const char *const stages[] = { "in-progress", "reopened", "resolved", "routed" };
  gint64 extra[8];
  Cases k;

  board_cases_setup (store, &k);
  /* More complaints, with ties on every column (the same customer, day, clerk and deadline),
   * spread over the stages, some with a deadline. */
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    {
      extra[i] = board_make_complaint (store, &(Spec) { i % 2 ? k.site.clerk : k.site.clerk2,
                                                        i % 3 ? "王五" : "赵六", "13800000003",
                                                        KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY,
                                                        FALSE, 0, NULL, "又晚了", 12 + i % 2 });
      board_set_stage (store, extra[i], stages[i % G_N_ELEMENTS (stages)]);
      if (i % 3 != 2)
        board_set_due (store, extra[i], "resolve", since, i % 2 ? due1 : due2);
    }
  board_set_due (store, k.b, "acknowledge", since, due1);

  mine->scope = KEFU_COMPLAINT_SCOPE_MINE;
  mine->staff_id = k.site.clerk;
  text->text = g_strdup ("王五");
  filters[0] = NULL;
  filters[1] = mine;
  filters[2] = text;

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
      for (int descending = 0; descending <= 1; descending++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GArray) ids = kefu_store_list_complaint_ids (store, filters[f], sorts[s],
                                                                 descending, NULL, &error);

          g_assert_no_error (error);
          /* Both the filter's lists are long enough for heads shorter than them. */
          g_assert_cmpuint (ids->len, >=, f == 0 ? 14 : 6);
          for (guint n = 1; n <= ids->len + 1; n++)
            {
              gint64 n_total = -2;
              g_autoptr(GArray) head = kefu_store_list_complaint_ids_head (store, filters[f],
                                                                           sorts[s], descending,
                                                                           n, &n_total, NULL,
                                                                           &error);

              g_assert_no_error (error);
              g_assert_cmpint (n_total, ==, ids->len);
              /* The owner's sort and a text search give the whole list (nothing left to read);
               * the others the first n. */
              if (sorts[s] == KEFU_COMPLAINT_SORT_OWNER || filters[f] == text)
                g_assert_cmpuint (head->len, ==, ids->len);
              else
                g_assert_cmpuint (head->len, ==, MIN (n, ids->len));
              for (guint i = 0; i < head->len; i++)
                g_assert_cmpint (g_array_index (head, gint64, i), ==,
                                 g_array_index (ids, gint64, i));
            }
        }
}


void
test_store_add_complaint_board_list_tests (void)
{
  TEST_ADD ("complaint-board/filters", test_filters);
  TEST_ADD ("complaint-board/sorts", test_sorts);
  TEST_ADD ("complaint-board/heads", test_heads);
}
