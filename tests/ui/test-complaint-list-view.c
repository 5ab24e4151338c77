/* test-complaint-list-view.c: the complaint list view over a store with a few hundred
 * complaints: the rows are the store's ids, pages of cards arrive, a click on a header sorts in
 * SQL, a filter narrows, and activating a row asks to open its complaint.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-complaint-list-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "complaints/kefu-complaint-list-cells.h"
#include "complaints/kefu-complaint-list-view-private.h"
#include "store/kefu-store-archive.h"
#include "widgets/kefu-lazy-list-model.h"

#include "kefu-ui-test.h"

/* More than two pages, so that a page other than the first is read. */
#define N_COMPLAINTS 450
#define N_URGENT 7

static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄" };

typedef struct
{
  char       *dir;
  KefuStore  *store;
  GtkWindow  *window;
  KefuComplaintListView *view;
  GArray     *opened;   /* gint64: the ids "complaints.open" was activated with */
} Fixture;

static KefuCall *
make_complaint_call (gint64     clerk,
                     guint      i,
                     GDateTime *received_at)
{
  g_autoptr(KefuCall) call = kefu_call_new ();
  g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();
  g_autofree char *name = g_strdup_printf ("%s客户%03u", surnames[(i * 5) % G_N_ELEMENTS (surnames)], i);
  g_autofree char *phone = g_strdup_printf ("139%08u", 10000 + i);

  kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
  kefu_call_set_caller_name (call, name);
  kefu_call_set_address (call, "北京市朝阳区建国路88号");
  kefu_call_set_phone (call, phone);
  kefu_call_set_clerk_id (call, clerk);
  kefu_call_set_received_at (call, received_at);
  kefu_complaint_set_subject (complaint, "送奶员");
  kefu_complaint_set_reason (complaint, "送货不及时");
  kefu_complaint_set_well_founded (complaint, TRUE);
  kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY);
  kefu_complaint_set_service_issue (complaint, KEFU_SERVICE_ISSUE_LATE_DELIVERY);
  kefu_complaint_set_staff_identity (complaint, "工号 1024");
  kefu_complaint_set_harmed (complaint, i % (N_COMPLAINTS / N_URGENT + 1) == 3);
  kefu_call_set_complaint (call, complaint);
  return g_steal_pointer (&call);
}

static void
open_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Fixture *fixture = user_data;
  gint64 id = g_variant_get_int64 (parameter);

  g_array_append_val (fixture->opened, id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open = g_simple_action_new ("open", G_VARIANT_TYPE_INT64);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 11, 2, 1, 0, 0);
  gint64 clerks[3];

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  clerks[0] = kefu_test_add_staff (fixture->store, "周敏", "zhoumin", KEFU_ROLE_CLERK);
  clerks[1] = kefu_test_add_staff (fixture->store, "吴洋", "wuyang", KEFU_ROLE_CLERK);
  clerks[2] = kefu_test_add_staff (fixture->store, "郑强", "zhengqiang", KEFU_ROLE_CLERK);
  kefu_store_set_actor (fixture->store, clerks[0]);

  /* Received in an order that is neither the ids' nor the names': each sort has work to do. */
  for (guint i = 0; i < N_COMPLAINTS; i++)
    {
      g_autoptr(GDateTime) received = g_date_time_add_minutes (start, (gint) ((i * 37) % N_COMPLAINTS) * 7);
      g_autoptr(KefuCall) call = make_complaint_call (clerks[i % 3], i, received);
      g_autoptr(GError) error = NULL;

      g_assert_true (kefu_store_save_call (fixture->store, call, NULL, &error));
      g_assert_no_error (error);
    }

  fixture->opened = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (open, "activate", G_CALLBACK (open_activated_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open));

  fixture->view = kefu_complaint_list_view_new ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "complaints", G_ACTION_GROUP (group));
  g_object_set (fixture->view, "store", fixture->store, NULL);
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  kefu_test_flush ();
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->opened, g_array_unref);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
is_busy (KefuComplaintListView *view)
{
  gboolean busy;

  g_object_get (view, "busy", &busy, NULL);
  return busy;
}

/* The ids the store gives for `filter` in `sort`, which the view must show in that order. */
static GArray *
store_ids (KefuStore                 *store,
           const KefuComplaintFilter *filter,
           KefuComplaintSort          sort,
           gboolean                   descending)
{
  g_autoptr(KefuComplaintFilter) all = kefu_complaint_filter_new ();
  g_autoptr(GError) error = NULL;
  GArray *ids = kefu_store_list_complaint_ids (store, filter != NULL ? filter : all, sort, descending,
                                               NULL, &error);

  g_assert_no_error (error);
  return ids;
}

static void
assert_model_ids (GListModel *model,
                  GArray     *ids)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (kefu_lazy_list_model_get_id (KEFU_LAZY_LIST_MODEL (model), i), ==,
                     g_array_index (ids, gint64, i));
}

static GtkColumnViewColumn *
find_column (GtkColumnView *column_view,
             const char    *id)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_id (column), id) == 0)
        return column;
    }
  g_assert_not_reached ();
}

static void
test_rows_and_pages (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *model = _kefu_complaint_list_view_get_model (fixture->view);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(KefuLazyItem) first = NULL;
  g_autoptr(KefuLazyItem) far = NULL;
  KefuComplaintCard *card;

  kefu_test_wait_until (!is_busy (fixture->view) && g_list_model_get_n_items (model) > 0);

  /* Newest first, every complaint, in the store's order. */
  ids = store_ids (fixture->store, NULL, KEFU_COMPLAINT_SORT_RECEIVED, TRUE);
  g_assert_cmpuint (ids->len, ==, N_COMPLAINTS);
  assert_model_ids (model, ids);

  /* The first rows are shown, so their page arrives; each row gets the card of its id. */
  first = g_list_model_get_item (model, 0);
  kefu_test_wait_until (kefu_lazy_item_get_value (first) != NULL);
  card = kefu_lazy_item_get_value (first);
  g_assert_cmpint (kefu_complaint_card_get_id (card), ==, g_array_index (ids, gint64, 0));
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "complaint-list");
  g_assert_true (g_str_has_prefix (kefu_complaint_card_get_reference (card), "TS-"));

  /* A row far below is a placeholder until asked for, then read with its page. */
  far = g_list_model_get_item (model, N_COMPLAINTS - 1);
  g_assert_cmpint (kefu_lazy_item_get_id (far), ==, g_array_index (ids, gint64, N_COMPLAINTS - 1));
  kefu_test_wait_until (kefu_lazy_item_get_value (far) != NULL);
  card = kefu_lazy_item_get_value (far);
  g_assert_cmpint (kefu_complaint_card_get_id (card), ==, kefu_lazy_item_get_id (far));
  g_assert_cmpuint (kefu_lazy_list_model_get_n_cached_pages (KEFU_LAZY_LIST_MODEL (model)), >=, 2);
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *model = _kefu_complaint_list_view_get_model (fixture->view);
  GtkColumnView *column_view;
  g_autoptr(GPtrArray) views = NULL;
  struct { const char *column; KefuComplaintSort sort; } cases[] = {
    { "reference", KEFU_COMPLAINT_SORT_REFERENCE },
    { "customer", KEFU_COMPLAINT_SORT_CUSTOMER },
    { "owner", KEFU_COMPLAINT_SORT_OWNER },
    { "received", KEFU_COMPLAINT_SORT_RECEIVED },
  };

  kefu_test_wait_until (!is_busy (fixture->view) && g_list_model_get_n_items (model) > 0);
  views = kefu_test_find_all (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW);
  g_assert_cmpuint (views->len, ==, 1);
  column_view = views->pdata[0];

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(GArray) ids = store_ids (fixture->store, NULL, cases[i].sort, descending);
        gint64 before = kefu_lazy_list_model_get_id (KEFU_LAZY_LIST_MODEL (model), 0);

        /* What a click on the header does. */
        gtk_column_view_sort_by_column (column_view, find_column (column_view, cases[i].column),
                                        descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
        g_assert_true (is_busy (fixture->view) ||
                       kefu_lazy_list_model_get_id (KEFU_LAZY_LIST_MODEL (model), 0) == before);
        kefu_test_wait_until (!is_busy (fixture->view));
        assert_model_ids (model, ids);
      }

  /* Two different orders really differ, or the comparison above proves nothing. */
  {
    g_autoptr(GArray) by_reference = store_ids (fixture->store, NULL, KEFU_COMPLAINT_SORT_REFERENCE, FALSE);
    g_autoptr(GArray) by_customer = store_ids (fixture->store, NULL, KEFU_COMPLAINT_SORT_CUSTOMER, FALSE);

    g_assert_false (memcmp (by_reference->data, by_customer->data,
                            by_reference->len * sizeof (gint64)) == 0);
  }
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *model = _kefu_complaint_list_view_get_model (fixture->view);
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  kefu_test_wait_until (!is_busy (fixture->view) && g_list_model_get_n_items (model) == N_COMPLAINTS);

  filter->urgent_only = TRUE;
  kefu_complaint_list_view_set_filter (fixture->view, filter);
  kefu_test_wait_until (!is_busy (fixture->view));
  ids = store_ids (fixture->store, filter, KEFU_COMPLAINT_SORT_RECEIVED, TRUE);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, N_COMPLAINTS);
  assert_model_ids (model, ids);

  /* Every row left is an urgent complaint. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  for (guint i = 0; i < n; i++)
    {
      kefu_test_wait_until (kefu_lazy_item_get_value (items->pdata[i]) != NULL);
      g_assert_true (kefu_complaint_card_get_urgent (kefu_lazy_item_get_value (items->pdata[i])));
    }

  /* Text narrows too: one customer's name. */
  filter->urgent_only = FALSE;
  g_free (filter->text);
  filter->text = g_strdup ("客户123");
  kefu_complaint_list_view_set_filter (fixture->view, filter);
  kefu_test_wait_until (!is_busy (fixture->view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* And nothing at all shows the empty page. */
  g_free (filter->text);
  filter->text = g_strdup ("没有这个客户");
  kefu_complaint_list_view_set_filter (fixture->view, filter);
  kefu_test_wait_until (!is_busy (fixture->view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  {
    g_autoptr(GPtrArray) stacks = kefu_test_find_all (GTK_WIDGET (fixture->view), GTK_TYPE_STACK);

    g_assert_cmpstr (gtk_stack_get_visible_child_name (stacks->pdata[0]), ==, "empty");
  }
}

/* "Show Archived": a complaint archived through the store is listed with the filter on and
 * only then; with none archived, the empty page says so. */
static void
test_archived (Fixture       *fixture,
               gconstpointer  data)
{
  GListModel *model = _kefu_complaint_list_view_get_model (fixture->view);
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
  g_autoptr(KefuComplaintFilter) working = kefu_complaint_filter_new ();
  g_autoptr(GArray) all = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(KefuArchiveState) state = { 0 };
  gint64 id;

  kefu_test_wait_until (!is_busy (fixture->view) && g_list_model_get_n_items (model) == N_COMPLAINTS);

  filter->archived = TRUE;
  kefu_complaint_list_view_set_filter (fixture->view, filter);
  kefu_test_wait_until (!is_busy (fixture->view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  pages = kefu_test_find_all (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE);
  {
    gboolean said = FALSE;

    for (guint i = 0; i < pages->len; i++)
      said |= g_strcmp0 (adw_status_page_get_title (pages->pdata[i]), _("No Archived Complaints")) == 0;
    g_assert_true (said);
  }

  /* Archiving is a team lead's. */
  kefu_store_set_actor (fixture->store,
                        kefu_test_add_staff (fixture->store, "孙丽", "sunli", KEFU_ROLE_TEAM_LEAD));
  all = store_ids (fixture->store, working, KEFU_COMPLAINT_SORT_RECEIVED, TRUE);
  id = g_array_index (all, gint64, 7);
  g_assert_true (kefu_store_get_archive_state (fixture->store, KEFU_ARCHIVE_COMPLAINT, id, &state,
                                               NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kefu_store_archive_record (fixture->store, KEFU_ARCHIVE_COMPLAINT, id, state.version,
                                            NULL, NULL, &error));
  g_assert_no_error (error);

  kefu_complaint_list_view_reload (fixture->view);
  kefu_test_wait_until (!is_busy (fixture->view) && g_list_model_get_n_items (model) == 1);
  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    g_array_append_val (ids, id);
    assert_model_ids (model, ids);
  }

  /* Off again: the working list leaves the archived complaint out. */
  filter->archived = FALSE;
  kefu_complaint_list_view_set_filter (fixture->view, filter);
  kefu_test_wait_until (!is_busy (fixture->view) && g_list_model_get_n_items (model) == N_COMPLAINTS - 1);
  {
    g_autoptr(GArray) ids = store_ids (fixture->store, filter, KEFU_COMPLAINT_SORT_RECEIVED, TRUE);

    for (guint i = 0; i < ids->len; i++)
      g_assert_cmpint (g_array_index (ids, gint64, i), !=, id);
    assert_model_ids (model, ids);
  }
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  GListModel *model = _kefu_complaint_list_view_get_model (fixture->view);
  g_autoptr(GPtrArray) views = NULL;

  kefu_test_wait_until (!is_busy (fixture->view) && g_list_model_get_n_items (model) > 0);
  views = kefu_test_find_all (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW);

  /* What Enter or a double click on a row does. */
  g_signal_emit_by_name (views->pdata[0], "activate", 5);
  g_assert_cmpuint (fixture->opened->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->opened, gint64, 0), ==,
                   kefu_lazy_list_model_get_id (KEFU_LAZY_LIST_MODEL (model), 5));
}

static void
test_cell_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KefuComplaintCard) card = kefu_complaint_card_new ();
  g_autoptr(GDateTime) since = g_date_time_new_utc (2026, 11, 27, 1, 0, 0);
  g_autoptr(GDateTime) due = g_date_time_new_utc (2026, 11, 27, 3, 0, 0);
  g_autoptr(GDateTime) before = g_date_time_new_utc (2026, 11, 27, 0, 50, 0);
  g_autoptr(GDateTime) after = g_date_time_new_utc (2026, 11, 27, 6, 0, 0);
  g_autofree char *left = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *urgent = NULL;
  g_autofree char *not_urgent = NULL;

  kefu_complaint_card_set_reference (card, "TS-20261127-0001");
  kefu_complaint_card_set_stage_since (card, since);
  kefu_complaint_card_set_due (card, KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE, due);

  left = kefu_complaint_cell_text (card, KEFU_COMPLAINT_CELL_DEADLINE, before);
  overdue = kefu_complaint_cell_text (card, KEFU_COMPLAINT_CELL_DEADLINE, after);
  g_assert_cmpstr (left, ==, "2 h 10 min left");
  g_assert_cmpstr (overdue, ==, "Overdue 3 h");

  not_urgent = kefu_complaint_cell_text (card, KEFU_COMPLAINT_CELL_URGENT, NULL);
  kefu_complaint_card_set_urgent (card, TRUE);
  urgent = kefu_complaint_cell_text (card, KEFU_COMPLAINT_CELL_URGENT, NULL);
  g_assert_cmpstr (not_urgent, ==, "");
  g_assert_cmpstr (urgent, ==, "Urgent");
}

/* The lazy model itself, over ids made up in the ids function: each items-changed it emits
 * must leave a list that agrees with the model at that moment, also when a big change is said
 * in steps. */
static GArray *
made_up_ids (KefuStore     *store,
             gconstpointer  query,
             GCancellable  *cancellable,
             GError       **error)
{
  const guint *spec = query;   /* { count, step, offset } */
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), spec[0]);

  for (guint i = 0; i < spec[0]; i++)
    {
      gint64 id = (gint64) ((i * spec[1] + spec[2]) % 100003) + 1;

      g_array_append_val (ids, id);
    }
  return ids;
}

static GPtrArray *
no_values (KefuStore     *store,
           const gint64  *ids,
           guint          n_ids,
           GCancellable  *cancellable,
           GError       **error)
{
  return g_ptr_array_new ();
}

static gint64
no_value_id (gpointer value)
{
  return 0;
}

static gpointer
copy_spec (gpointer spec)
{
  return g_memdup2 (spec, 3 * sizeof (guint));
}

static void
mirror_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GArray     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gint64 id = kefu_lazy_list_model_get_id (KEFU_LAZY_LIST_MODEL (model), position + i);

      g_array_insert_val (mirror, position + i, id);
    }
  /* At every step the model says what it holds. */
  g_assert_cmpuint (mirror->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < mirror->len; i += 97)
    g_assert_cmpint (g_array_index (mirror, gint64, i), ==,
                     kefu_lazy_list_model_get_id (KEFU_LAZY_LIST_MODEL (model), i));
}

static void
test_lazy_steps (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(KefuLazyListModel) model = kefu_lazy_list_model_new (made_up_ids, no_values, no_value_id);
  g_autoptr(GArray) mirror = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Empty to many, a re-sort, a small change at the end, fewer, and none. */
  const guint specs[][3] = {
    { 50000, 1, 0 }, { 50000, 7, 3 }, { 50100, 7, 3 }, { 3000, 7, 3 }, { 20000, 11, 5 }, { 0, 1, 0 },
  };

  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_changed_cb), mirror);
  kefu_lazy_list_model_set_store (model, store);
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(GArray) expected = made_up_ids (NULL, specs[i], NULL, NULL);

      kefu_lazy_list_model_set_query (model, copy_spec ((gpointer) specs[i]), copy_spec, g_free);
      kefu_test_wait_until (!kefu_lazy_list_model_get_loading (model));
      g_assert_cmpuint (mirror->len, ==, expected->len);
      g_assert_true (memcmp (mirror->data, expected->data, expected->len * sizeof (gint64)) == 0);
      /* An item is a placeholder with its id. */
      if (expected->len > 0)
        {
          g_autoptr(KefuLazyItem) item = g_list_model_get_item (G_LIST_MODEL (model), expected->len - 1);

          g_assert_cmpint (kefu_lazy_item_get_id (item), ==,
                           g_array_index (expected, gint64, expected->len - 1));
        }
    }
  g_clear_object (&model);
  g_clear_object (&store);
  kefu_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int result;

  /* The assertions read the English strings (KEFU_TEST_LOCALEDIR: pictures in $LANG). */
  kefu_test_choose_language (FALSE);
  gtk_test_init (&argc, &argv, NULL);
  kefu_test_choose_language (TRUE);
  adw_init ();

  g_test_add ("/kefu/complaint-list-view/rows-and-pages", Fixture, NULL,
              fixture_set_up, test_rows_and_pages, fixture_tear_down);
  g_test_add ("/kefu/complaint-list-view/sort", Fixture, NULL,
              fixture_set_up, test_sort, fixture_tear_down);
  g_test_add ("/kefu/complaint-list-view/filter", Fixture, NULL,
              fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/kefu/complaint-list-view/archived", Fixture, NULL,
              fixture_set_up, test_archived, fixture_tear_down);
  g_test_add ("/kefu/complaint-list-view/activate", Fixture, NULL,
              fixture_set_up, test_activate, fixture_tear_down);
  g_test_add ("/kefu/complaint-list-view/cell-text", Fixture, NULL,
              NULL, test_cell_text, NULL);
  g_test_add_func ("/kefu/lazy-list-model/steps", test_lazy_steps);

  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
