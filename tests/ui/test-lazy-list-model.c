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

/* The "database" of the live list: the ids in list order, and each id's edit count, which a
 * row shows beside its id ("505.1"). The worker reads both under the lock. */
static GArray *db_ids;
static GHashTable *db_edits;

static GArray *
read_db_ids (KefuStore     *store,
             gconstpointer  query,
             GCancellable  *cancellable,
             GError       **error)
{
  GArray *ids;

  g_mutex_lock (&log_lock);
  ids = g_array_copy (db_ids);
  g_mutex_unlock (&log_lock);
  return ids;
}

static GPtrArray *
read_db_page (KefuStore     *store,
              const gint64  *ids,
              guint          n_ids,
              GCancellable  *cancellable,
              GError       **error)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_object_unref);

  g_mutex_lock (&log_lock);
  for (guint i = 0; i < n_ids; i++)
    {
      GObject *value = g_object_new (G_TYPE_OBJECT, NULL);
      int edits = GPOINTER_TO_INT (g_hash_table_lookup (db_edits, GINT_TO_POINTER ((int) ids[i])));

      g_object_set_data (value, "id", GINT_TO_POINTER ((int) ids[i]));
      g_object_set_data_full (value, "text",
                              g_strdup_printf ("%" G_GINT64_FORMAT ".%d", ids[i], edits), g_free);
      g_ptr_array_add (values, value);
    }
  g_mutex_unlock (&log_lock);
  return values;
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
row_value_cb (KefuLazyItem *lazy,
              GParamSpec   *pspec,
              GtkLabel     *label)
{
  GObject *value = kefu_lazy_item_get_value (lazy);

  gtk_label_set_label (label, value != NULL ? g_object_get_data (value, "text") : "…");
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  KefuLazyItem *lazy = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  g_signal_connect_object (lazy, "notify::value", G_CALLBACK (row_value_cb), label, 0);
  row_value_cb (lazy, NULL, GTK_LABEL (label));
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  g_signal_handlers_disconnect_by_data (gtk_list_item_get_item (item),
                                        gtk_list_item_get_child (item));
}

/* The mapped row labels of `view`, in any order, as one string per label. */
static gboolean
row_shown (GtkWidget  *view,
           const char *text)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (view, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

static void
db_edit (gint64 id)
{
  int edits;

  g_mutex_lock (&log_lock);
  edits = GPOINTER_TO_INT (g_hash_table_lookup (db_edits, GINT_TO_POINTER ((int) id)));
  g_hash_table_insert (db_edits, GINT_TO_POINTER ((int) id), GINT_TO_POINTER (edits + 1));
  g_mutex_unlock (&log_lock);
}

/* What live refresh asks of the list: someone saved elsewhere, the list reads its ids again.
 * A row added above the rows shown and a row shown changed: the view is told of the new row
 * only, so the rows on screen, the selection and the scroll position stay; the changed row
 * shows its new value (the view's row is the model's row, read again); a row removed below goes
 * too. */
static void
test_reload_keeps_shown_rows (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(KefuLazyListModel) model = kefu_lazy_list_model_new (read_db_ids, read_db_page,
                                                                 value_id);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view;
  GtkAdjustment *adjustment;
  g_autoptr(KefuLazyItem) selected = NULL;
  double before;
  guint position;

  db_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  db_edits = g_hash_table_new (NULL, NULL);
  for (gint64 id = 1; id <= 1000; id++)
    g_array_append_val (db_ids, id);

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), NULL);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (model)));
  view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), g_object_ref (factory));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 400);
  gtk_window_present (GTK_WINDOW (window));

  kefu_lazy_list_model_set_store (model, store);
  kefu_test_wait_until (g_list_model_get_n_items (G_LIST_MODEL (model)) == 1000 &&
                        row_shown (view, "1.0"));

  /* Row 500 selected and scrolled to, in the middle of the list. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  kefu_test_wait_until (gtk_adjustment_get_upper (adjustment) > 10000);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 497 / 1000);
  gtk_single_selection_set_selected (selection, 499);
  kefu_test_wait_until (row_shown (view, "500.0") && row_shown (view, "505.0") &&
                        !row_shown (view, "1.0"));
  kefu_test_flush ();
  before = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (before, >, 0);
  selected = gtk_single_selection_get_selected_item (selection);
  g_object_ref (selected);
  g_assert_cmpint (kefu_lazy_item_get_id (selected), ==, 500);

  /* Elsewhere: a new record at the top, row 505 edited, row 990 gone. */
  g_mutex_lock (&log_lock);
  g_array_prepend_val (db_ids, ((gint64) { 2000 }));
  g_array_remove_index (db_ids, 990);
  g_mutex_unlock (&log_lock);
  db_edit (505);
  db_edit (500);
  kefu_lazy_list_model_reload (model);
  kefu_test_wait_until (row_shown (view, "505.1") && row_shown (view, "500.1") &&
                        !kefu_lazy_list_model_get_loading (model) &&
                        !kefu_lazy_list_model_get_filling (model));
  kefu_test_flush ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1000);
  /* The same row is selected, one place lower, and it is the row the view shows. */
  position = gtk_single_selection_get_selected (selection);
  g_assert_cmpuint (position, ==, 500);
  g_assert_cmpint (kefu_lazy_list_model_get_id (model, position), ==, 500);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) selected);
  {
    g_autoptr(KefuLazyItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);

    g_assert_true (item == selected);
  }
  /* The rows shown are still shown: the view scrolled by the new row at most. */
  g_assert_true (row_shown (view, "505.1"));
  g_assert_cmpfloat (ABS (gtk_adjustment_get_value (adjustment) - before), <,
                     gtk_adjustment_get_page_size (adjustment) / 4);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&selected);
  kefu_test_flush ();
  g_clear_object (&model);
  kefu_test_wait_until (g_atomic_int_get ((int *) &G_OBJECT (store)->ref_count) == 1);
  g_clear_object (&store);
  g_clear_pointer (&db_ids, g_array_unref);
  g_clear_pointer (&db_edits, g_hash_table_unref);
  kefu_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = kefu_test_init (&argc, &argv);

  g_test_add_func ("/kefu/lazy-list-model/rows-on-screen-before-every-id",
                   test_rows_on_screen_before_every_id);
  g_test_add_func ("/kefu/lazy-list-model/reload-keeps-shown-rows",
                   test_reload_keeps_shown_rows);
  return kefu_test_run (data_home);
}
