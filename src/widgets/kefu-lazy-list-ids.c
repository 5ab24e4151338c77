/* kefu-lazy-list-ids.c: a lazy list's ids: read whole or head first on the store's
 * worker, and one list replaced by another in as few and cheap changes as GTK allows.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-lazy-list-model"

#include "config.h"

#include <string.h>

#include "kefu-lazy-list-model-private.h"

/* A change of more rows than this is said in steps, around a first screen of about
 * REPLACE_HEAD rows; see replace_ids(). */
#define REPLACE_IN_STEPS 1000
#define REPLACE_HEAD 400

/* The ids */

/* Replaces the ids with `ids`, of which the first `n_known` are known (the others 0), and says
 * what changed: the rows before the first difference and after the last one stay (a refresh
 * after a change keeps the scroll position and selection). Pages are kept only where their rows
 * keep their positions, and read again. */
void
_kefu_lazy_list_replace_ids (KefuLazyListModel *self,
                             GArray            *ids,
                             guint              n_known)
{
  guint old_n = self->ids->len;
  guint first_n = old_n;
  guint new_n = ids->len;
  guint prefix = 0;
  guint suffix = 0;
  guint removed, added, head;
  const gint64 *a = (const gint64 *) (gpointer) self->ids->data;
  const gint64 *b = (const gint64 *) (gpointer) ids->data;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GHashTable) reuse = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_autoptr(GHashTable) moving = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_object_unref);
  GHashTableIter iter;
  Page *page;

  /* Ids not known yet (0) are never the same row. */
  while (prefix < old_n && prefix < new_n && a[prefix] == b[prefix] && a[prefix] != 0)
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         a[old_n - 1 - suffix] == b[new_n - 1 - suffix] && b[new_n - 1 - suffix] != 0)
    suffix++;

  /* What GTK's list views do with a change is cheap after the rows on screen and costly at
   * them: they look for each added item among the rows they showed, and a change of 500,000
   * rows at the top cost 120 to 600 ms, the same change after the first screen 0.1 ms. A big
   * change is therefore said in steps: the old rows after the first screen go, the rest of the
   * old rows are replaced by the new list's head (a screen, ending on a page boundary), and the
   * rest of the new rows are added after it. Every row after the first difference counts as
   * changed then, so that no page moves in between. A list that showed nothing has no rows to
   * look through: it is filled in one change. */
  removed = old_n - prefix - suffix;
  added = new_n - prefix - suffix;
  if (old_n > 0 && (removed > REPLACE_IN_STEPS || added > REPLACE_IN_STEPS))
    {
      guint keep;

      suffix = 0;
      keep = MIN (old_n - prefix, REPLACE_HEAD);
      if (old_n - prefix > keep)
        {
          GArray *shorter = g_array_sized_new (FALSE, FALSE, sizeof (gint64), prefix + keep);

          g_array_append_vals (shorter, self->ids->data, prefix + keep);
          g_array_unref (self->ids);
          self->ids = shorter;
          self->n_known = MIN (self->n_known, prefix + keep);
          g_list_model_items_changed (G_LIST_MODEL (self), prefix + keep, old_n - prefix - keep, 0);
          old_n = prefix + keep;
        }
      a = (const gint64 *) (gpointer) self->ids->data;
      removed = old_n - prefix;
      added = new_n - prefix;
      head = (prefix + REPLACE_HEAD + KEFU_LAZY_LIST_PAGE_SIZE - 1) /
             KEFU_LAZY_LIST_PAGE_SIZE * KEFU_LAZY_LIST_PAGE_SIZE - prefix;
      head = MIN (head, added);
    }
  else
    head = added;

  _kefu_lazy_list_cancel_read (self);
  g_queue_clear (&self->wanted);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      guint start = page->index * KEFU_LAZY_LIST_PAGE_SIZE;
      guint end = start + page->items->len;
      gboolean whole = start < new_n &&
                       page->items->len == MIN (KEFU_LAZY_LIST_PAGE_SIZE, new_n - start);
      gboolean unchanged = whole &&
                           (end <= prefix ||
                            (suffix > 0 && old_n == new_n && start >= old_n - suffix));

      page->wanted = FALSE;
      if (unchanged && _kefu_lazy_list_page_in_use (page))
        {
          page->filled = FALSE;
          page->serial = ++self->next_serial;
          g_ptr_array_add (kept, page);
          g_hash_table_iter_steal (&iter);
        }
      else
        {
          /* The rows a view shows outside the change stay in it (it is told of the change
           * only): they stay the model's rows too, at their new positions, and are read again
           * there, so that a row shown keeps showing the store's values. */
          for (guint i = 0; i < page->items->len; i++)
            {
              GObject *item = page->items->pdata[i];
              guint p = start + i;
              guint q;

              if (g_atomic_int_get ((int *) &item->ref_count) <= 1)
                continue;
              if (p < prefix)
                q = p;
              else if (suffix > 0 && p >= old_n - suffix && p < old_n)
                q = p - old_n + new_n;
              else
                {
                  /* Inside the change: found among the new rows below, by id. */
                  if (p < old_n && a[p] != 0)
                    g_hash_table_insert (moving, g_memdup2 (&a[p], sizeof (gint64)),
                                         g_object_ref (item));
                  continue;
                }
              g_hash_table_insert (reuse, GUINT_TO_POINTER (q), g_object_ref (item));
            }
          g_hash_table_iter_remove (&iter);
        }
    }

  /* A row shown inside the change that is still in the list is the same row there: the view
   * finds it among the rows it is told were added and keeps its widget, its selection and
   * the scroll position anchored on it. */
  for (guint j = prefix; g_hash_table_size (moving) > 0 && j < prefix + added; j++)
    {
      gpointer key, item;

      if (b[j] != 0 && g_hash_table_steal_extended (moving, &b[j], &key, &item))
        {
          g_free (key);
          g_hash_table_insert (reuse, GUINT_TO_POINTER (j), item);
        }
    }

  g_array_unref (self->ids);
  self->n_known = n_known;
  if (head < added)
    {
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

  /* The pages of the rows shown that moved (or whose page changed elsewhere) are made now,
   * with those rows, and read like the kept ones. */
  while (g_hash_table_size (reuse) > 0)
    {
      gpointer key;

      g_hash_table_iter_init (&iter, reuse);
      if (!g_hash_table_iter_next (&iter, &key, NULL))
        break;
      if (GPOINTER_TO_UINT (key) >= self->ids->len ||
          g_hash_table_contains (self->pages,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (key) / KEFU_LAZY_LIST_PAGE_SIZE)))
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      page = _kefu_lazy_list_make_page_reusing (self,
                                                GPOINTER_TO_UINT (key) / KEFU_LAZY_LIST_PAGE_SIZE,
                                                reuse);
      page->last_used = ++self->use_counter;
      page->wanted = TRUE;
      g_queue_push_tail (&self->wanted, page);
    }

  /* A list that changed from its first row shows its first rows: their read starts before the
   * view makes its rows, on the store's thread while this one builds widgets. */
  if (prefix == 0 && new_n > 0 && MIN (new_n, KEFU_LAZY_LIST_PAGE_SIZE) <= n_known &&
      self->store != NULL)
    {
      page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (0));
      if (page == NULL)
        {
          page = _kefu_lazy_list_make_page (self, 0);
          page->last_used = ++self->use_counter;
        }
      if (!page->filled)
        {
          if (page->wanted)
            {
              g_queue_remove (&self->wanted, page);
              page->wanted = FALSE;
            }
          _kefu_lazy_list_start_read (self, page);
        }
    }

  {
    gint64 announced = g_get_monotonic_time ();

    if (removed > 0 || head > 0)
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, head);
    if (head < added)
      {
        g_array_unref (self->ids);
        self->ids = g_array_ref (ids);
        g_list_model_items_changed (G_LIST_MODEL (self), prefix + head, 0, added - head);
      }
    g_debug ("Replaced rows %u to %u by %u in %.1f ms", prefix, prefix + removed, added,
             (g_get_monotonic_time () - announced) / 1000.0);
  }
  if (first_n != new_n)
    _kefu_lazy_list_model_notify_n_items (self);

  _kefu_lazy_list_schedule_fetch (self);
}

typedef struct
{
  GWeakRef              model;
  KefuLazyListIdsFunc   read_ids;
  KefuLazyListHeadFunc  read_head;
  guint                 n_head;
  gboolean              head;     /* the first n_head ids and the count, not every id */
  gpointer              query;
  GDestroyNotify        query_free;
  gint64                started;
  gint64                n_total;  /* set by the worker for a head: the count, or -1 */
  GArray               *ids;      /* set by the worker */
} IdsRead;

static void
ids_read_free (IdsRead *read)
{
  g_weak_ref_clear (&read->model);
  if (read->query != NULL && read->query_free != NULL)
    read->query_free (read->query);
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

  read->n_total = -1;
  if (read->head)
    read->ids = read->read_head (store, read->query, read->n_head, &read->n_total,
                                 cancellable, error);
  else
    read->ids = read->read_ids (store, read->query, cancellable, error);
  return NULL;
}

static void read_ids_cb (GObject *object, GAsyncResult *result, gpointer user_data);

/* Reads the ids of `query` (the worker's own copy, owned by the read) with ids_cancellable. */
void
_kefu_lazy_list_start_ids_read (KefuLazyListModel *self,
                                gpointer           query,
                                gboolean           head)
{
  IdsRead *read = g_new0 (IdsRead, 1);

  g_weak_ref_init (&read->model, self);
  read->read_ids = self->read_ids;
  read->read_head = self->read_head;
  read->n_head = self->n_head;
  read->head = head;
  read->query = query;
  read->query_free = self->query_free;
  read->started = g_get_monotonic_time ();
  kefu_store_run_async (self->store, read_ids_func, read, NULL, self->ids_cancellable,
                        read_ids_cb, read);
}

/* Every id has arrived behind the head shown: when the list starts with that head and has the
 * length announced, the placeholders get their ids in place (no items-changed: the rows stay
 * where they are) and those on screen are read; otherwise the list changed in between and is
 * replaced like any reload. */
static void
ids_arrived (KefuLazyListModel *self,
             GArray            *ids)
{
  GHashTableIter iter;
  Page *page;

  if (ids->len != self->ids->len || self->n_known > ids->len ||
      memcmp (ids->data, self->ids->data, self->n_known * sizeof (gint64)) != 0)
    {
      g_debug ("The list changed behind its head; replacing it");
      _kefu_lazy_list_replace_ids (self, ids, ids->len);
      return;
    }

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      guint start = page->index * KEFU_LAZY_LIST_PAGE_SIZE;

      if (_kefu_lazy_list_page_known (self, page))
        continue;
      for (guint i = self->n_known > start ? self->n_known - start : 0; i < page->items->len; i++)
        self->set_item_id (page->items->pdata[i], g_array_index (ids, gint64, start + i));
      if (!page->filled && !page->wanted && _kefu_lazy_list_page_in_use (page))
        {
          page->wanted = TRUE;
          g_queue_push_tail (&self->wanted, page);
        }
    }
  self->n_known = ids->len;
  _kefu_lazy_list_schedule_fetch (self);
}

/* The head shown and the whole list still to come: the ids not known yet are 0. A list whose
 * length only the whole read can tell (n_total -1) shows its head alone until then. */
static void
head_arrived (KefuLazyListModel *self,
              GArray            *head,
              gint64             n_total)
{
  g_autoptr(GArray) ids = NULL;
  guint n = n_total > head->len ? (guint) MIN (n_total, (gint64) G_MAXUINT) : head->len;

  ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n);
  g_array_append_vals (ids, head->data, head->len);
  g_array_set_size (ids, n);
  _kefu_lazy_list_replace_ids (self, ids, head->len);
}

static void
read_ids_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  IdsRead *read = user_data;
  g_autoptr(KefuLazyListModel) self = g_weak_ref_get (&read->model);
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      ids_read_free (read);
      return;
    }

  g_clear_error (&self->error);

  if (error == NULL && read->ids == NULL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "No ids");

  if (error == NULL && read->head && read->ids->len >= read->n_head &&
      (read->n_total < 0 || read->n_total > read->ids->len))
    {
      /* More to come: the head now, every id next, of the same query. The store runs its
       * calls in order, so the read of the rows on screen starts first: the first page of a
       * list changed from its top (replace_ids ()), or the rows kept on screen and read again
       * (a list that starts as before), which would otherwise wait for an idle and then
       * behind every id (290 ms behind the ids of 200,000 service jobs). */
      g_debug ("Read the first %u of %" G_GINT64_FORMAT " ids in %.1f ms", read->ids->len,
               read->n_total, (g_get_monotonic_time () - read->started) / 1000.0);
      self->timing_first_page = TRUE;
      head_arrived (self, read->ids, read->n_total);
      _kefu_lazy_list_fetch_now (self);
      _kefu_lazy_list_start_ids_read (self, g_steal_pointer (&read->query), FALSE);
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
          _kefu_lazy_list_replace_ids (self, known, known->len);
        }
    }
  else if (!read->head && self->n_known < self->ids->len)
    {
      g_debug ("Read all %u ids in %.1f ms", read->ids->len,
               (g_get_monotonic_time () - read->started) / 1000.0);
      ids_arrived (self, read->ids);
    }
  else
    {
      g_debug ("Read %u ids in %.1f ms", read->ids->len,
               (g_get_monotonic_time () - read->started) / 1000.0);
      self->timing_first_page = read->ids->len > 0;
      _kefu_lazy_list_replace_ids (self, read->ids, read->ids->len);
    }

  ids_read_free (read);
  _kefu_lazy_list_model_set_loading (self, FALSE);
  _kefu_lazy_list_update_filling (self);
}
