/* kefu-customer-list-model-reload.c: the customer list model reads its ids: the head first (the
 * first ids and the count) and every id behind it, and replaces the ids it shows saying only what
 * changed.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer-list-model"

#include "config.h"

#include <string.h>

#include "kefu-customer-list-model-private.h"

/* A replacement adding more rows than this is announced in two steps, the first with about
 * REPLACE_HEAD new rows; see _kefu_customer_list_model_replace_ids(). */
#define REPLACE_IN_TWO_STEPS 1000
#define REPLACE_HEAD 400

/* A reload first reads this many ids (whole pages) and the list's length, shows them with
 * placeholders for the rest, and reads every id behind them: the first screen does not wait for
 * a million ids. */
#define HEAD_IDS (2 * KEFU_CUSTOMER_LIST_PAGE_SIZE)

typedef struct
{
  GWeakRef          model;
  KefuCustomerFilter filter;
  char             *query;
  KefuCustomerSort  sort;
  gboolean          descending;
  gint64            started;
  gboolean          head;    /* the first HEAD_IDS ids and the count, not every id */
  gint64            n_total; /* set by the worker for a head: the count, or -1 */
  GArray           *ids;     /* set by the worker */
} IdsRead;

static void
ids_read_free (IdsRead *read)
{
  g_weak_ref_clear (&read->model);
  g_free (read->query);
  g_clear_pointer (&read->ids, g_array_unref);
  g_free (read);
}

static gpointer
read_ids_func (KefuStore     *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  IdsRead *read = data;

  read->filter.query = read->query;
  if (read->head)
    read->ids = kefu_store_list_customer_ids_head (store, &read->filter, read->sort,
                                                   read->descending, HEAD_IDS, &read->n_total,
                                                   cancellable, error);
  else
    read->ids = kefu_store_list_customer_ids (store, &read->filter, read->sort,
                                              read->descending, cancellable, error);
  return NULL;
}

/* Replaces the ids with `ids` and says what changed in one items-changed: the rows before the
 * first difference and after the last one stay (a refresh after an edit or a new customer keeps
 * the scroll position and selection). Pages are kept only where their rows keep their
 * positions: before the change, or after it when the length is the same; the view keeps the
 * items of the other rows it shows, already filled. */
void
_kefu_customer_list_model_replace_ids (KefuCustomerListModel *self,
                                       GArray                *ids,
                                       guint                  n_known)
{
  guint old_n = self->ids->len;
  guint new_n = ids->len;
  guint prefix = 0;
  guint suffix = 0;
  guint removed, added, head;
  gboolean split;
  const gint64 *a = (const gint64 *) (gpointer) self->ids->data;
  const gint64 *b = (const gint64 *) (gpointer) ids->data;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GHashTableIter iter;
  Page *page;

  /* Ids not known yet (0) are never the same row. */
  while (prefix < old_n && prefix < new_n && a[prefix] == b[prefix] && a[prefix] != 0)
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         a[old_n - 1 - suffix] == b[new_n - 1 - suffix] && b[new_n - 1 - suffix] != 0)
    suffix++;

  /* GTK's list views look for each added item among the rows they showed before, asking for
   * every one: a re-sort announced as one change of a million rows cost a million get_item()
   * calls, two seconds. A big replacement is therefore said in two steps: first the changed
   * rows replaced by the head of the new ones (enough for a screen, ending on a page boundary,
   * so that the view reuses its rows for them), then the rest added after it. The rows after
   * the change are counted as changed then, so that no page moves in between. */
  removed = old_n - prefix - suffix;
  added = new_n - prefix - suffix;
  split = removed > 0 && added > REPLACE_IN_TWO_STEPS;
  if (split)
    {
      suffix = 0;
      removed = old_n - prefix;
      added = new_n - prefix;
      head = (prefix + REPLACE_HEAD + KEFU_CUSTOMER_LIST_PAGE_SIZE - 1) /
             KEFU_CUSTOMER_LIST_PAGE_SIZE * KEFU_CUSTOMER_LIST_PAGE_SIZE - prefix;
      head = MIN (head, added);
    }
  else
    head = added;

  _kefu_customer_list_model_cancel_read (self);
  g_queue_clear (&self->wanted);

  /* Pages whose rows keep their ids and positions keep their items, which the list view may be
   * showing; those are read again (the reload may follow an edit of them), the others go. */
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      guint start = page->index * KEFU_CUSTOMER_LIST_PAGE_SIZE;
      guint end = start + page->items->len;
      /* The last page of a list that grew would be short of rows. */
      gboolean whole = start < new_n &&
                       page->items->len == MIN (KEFU_CUSTOMER_LIST_PAGE_SIZE, new_n - start);
      gboolean unchanged = whole &&
                           (end <= prefix ||
                            (suffix > 0 && old_n == new_n && start >= old_n - suffix));

      page->wanted = FALSE;
      if (unchanged && _kefu_customer_list_page_in_use (page))
        {
          page->filled = FALSE;
          page->serial = ++self->next_serial;
          g_ptr_array_add (kept, page);
          g_hash_table_iter_steal (&iter);
        }
      else
        g_hash_table_iter_remove (&iter);
    }

  g_array_unref (self->ids);
  self->n_known = n_known;
  if (head < added)
    {
      /* The new list's first rows only, for the first step. */
      self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), prefix + head);
      g_array_append_vals (self->ids, ids->data, prefix + head);
    }
  else
    self->ids = g_array_ref (ids);

  for (guint i = 0; i < kept->len; i++)
    {
      page = kept->pdata[i];
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page->index), page);
      page->wanted = TRUE;
      g_queue_push_tail (&self->wanted, page);
    }

  /* A list that changed from its first row will show its first rows: their read starts before
   * the view makes its rows for them, on the store's thread while this one builds widgets. */
  if (prefix == 0 && new_n > 0 && n_known > 0 && self->store != NULL)
    {
      page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (0));
      if (page == NULL)
        {
          page = _kefu_customer_list_model_make_page (self, 0);
          page->last_used = ++self->use_counter;
        }
      if (!page->filled)
        {
          if (page->wanted)
            {
              g_queue_remove (&self->wanted, page);
              page->wanted = FALSE;
            }
          _kefu_customer_list_model_start_read (self, page);
        }
    }

  if (removed > 0 || head > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, head);
  if (head < added)
    {
      g_array_unref (self->ids);
      self->ids = g_array_ref (ids);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix + head, 0, added - head);
    }
  if (old_n != new_n)
    _kefu_customer_list_model_notify_n_items (self);

  _kefu_customer_list_model_schedule_fetch (self);
}

static void read_ids_cb (GObject *object, GAsyncResult *result, gpointer user_data);

void
_kefu_customer_list_model_start_ids_read (KefuCustomerListModel *self,
                                          gboolean               head)
{
  IdsRead *read = g_new0 (IdsRead, 1);

  g_weak_ref_init (&read->model, self);
  read->query = g_strdup (self->query);
  read->filter.assigned_clerk_id = self->assigned_clerk_id;
  read->filter.to_contact = self->to_contact;
  read->sort = self->sort;
  read->descending = self->descending;
  read->head = head;
  read->started = g_get_monotonic_time ();

  kefu_store_run_async (self->store, read_ids_func, read, NULL, self->ids_cancellable,
                        read_ids_cb, read);
}

/* Every id has arrived behind the head shown: when the list starts with that head and has the
 * length announced, the placeholders get their ids in place (no items-changed: the rows stay
 * where they are) and those on screen are read; otherwise the list changed in between and is
 * replaced like any reload. */
static void
ids_arrived (KefuCustomerListModel *self,
             GArray                *ids)
{
  GHashTableIter iter;
  Page *page;

  if (ids->len != self->ids->len || self->n_known > ids->len ||
      memcmp (ids->data, self->ids->data, self->n_known * sizeof (gint64)) != 0)
    {
      g_debug ("The list changed behind its head; replacing it");
      _kefu_customer_list_model_replace_ids (self, ids, ids->len);
      return;
    }

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      guint start = page->index * KEFU_CUSTOMER_LIST_PAGE_SIZE;

      if (start < self->n_known)
        continue;
      for (guint i = 0; i < page->items->len; i++)
        kefu_record_set_id (KEFU_RECORD (page->items->pdata[i]),
                            g_array_index (ids, gint64, start + i));
      if (!page->filled && !page->wanted && _kefu_customer_list_page_in_use (page))
        {
          page->wanted = TRUE;
          g_queue_push_tail (&self->wanted, page);
        }
    }
  self->n_known = ids->len;
  _kefu_customer_list_model_schedule_fetch (self);
}

/* The head shown and the whole list still to come: the ids not known yet are 0. A list whose
 * length only the whole read can tell (n_total -1) shows its head alone until then. */
static void
head_arrived (KefuCustomerListModel *self,
              GArray                *head,
              gint64                 n_total)
{
  g_autoptr(GArray) ids = NULL;
  guint n = n_total > head->len ? (guint) MIN (n_total, (gint64) G_MAXUINT) : head->len;

  ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n);
  g_array_append_vals (ids, head->data, head->len);
  g_array_set_size (ids, n);
  _kefu_customer_list_model_replace_ids (self, ids, head->len);
}

static void
read_ids_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  IdsRead *read = user_data;
  g_autoptr(KefuCustomerListModel) self = g_weak_ref_get (&read->model);
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      ids_read_free (read);
      return;
    }

  g_clear_error (&self->error);

  if (error == NULL && read->head && read->ids->len == HEAD_IDS &&
      (read->n_total < 0 || read->n_total > read->ids->len))
    {
      /* More to come: the head now, every id next (the store runs its calls in order, so the
       * first page's read, asked for while the head is shown, goes before it). */
      g_debug ("Read the first %u of %" G_GINT64_FORMAT " customer ids in %.1f ms",
               read->ids->len, read->n_total,
               (g_get_monotonic_time () - read->started) / 1000.0);
      self->timing_first_page = TRUE;
      head_arrived (self, read->ids, read->n_total);
      _kefu_customer_list_model_start_ids_read (self, FALSE);
      ids_read_free (read);
      return;
    }

  g_clear_object (&self->ids_cancellable);

  if (error != NULL)
    {
      self->error = g_steal_pointer (&error);
      /* The rows whose ids never came go: only known rows may stay. */
      if (self->n_known < self->ids->len)
        {
          g_autoptr(GArray) known = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                       self->n_known);

          g_array_append_vals (known, self->ids->data, self->n_known);
          _kefu_customer_list_model_replace_ids (self, known, known->len);
        }
    }
  else if (!read->head && self->n_known < self->ids->len)
    {
      g_debug ("Read all %u customer ids in %.1f ms", read->ids->len,
               (g_get_monotonic_time () - read->started) / 1000.0);
      ids_arrived (self, read->ids);
    }
  else
    {
      g_debug ("Read %u customer ids in %.1f ms", read->ids->len,
               (g_get_monotonic_time () - read->started) / 1000.0);
      self->timing_first_page = read->ids->len > 0;
      _kefu_customer_list_model_replace_ids (self, read->ids, read->ids->len);
    }

  ids_read_free (read);
  _kefu_customer_list_model_set_loading (self, FALSE);
  _kefu_customer_list_model_update_filling (self);
}
