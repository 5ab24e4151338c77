/* kefu-store-shift-notes.c: shift hand-over notes: writing one with its links, the log of a
 * period, the unread notes of a staff member and their read marks (see the header). Finding the
 * record a typed reference names is in kefu-store-shift-notes-links.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-store-internal.h"
#include "kefu-store-shift-notes.h"

/* The notes' columns; `where` is a condition on shift_notes n. Newest first, by the index
 * shift_notes_written_at. */
#define NOTE_COLUMNS \
  "SELECT n.id, n.version, n.created_at, n.updated_at, n.written_by, s.name, n.written_at, " \
  "n.text, n.urgent FROM shift_notes n LEFT JOIN staff s ON s.id = n.written_by WHERE "
#define NOTE_ORDER " ORDER BY n.written_at DESC, n.id DESC LIMIT 1000"
#define LINK_COLUMNS \
  "SELECT l.note_id, l.entity, l.entity_id, l.text FROM shift_note_links l " \
  "JOIN shift_notes n ON n.id = l.note_id WHERE "
#define LINK_ORDER " ORDER BY l.note_id, l.position"

G_STATIC_ASSERT (KEFU_SHIFT_NOTES_LIST_MAX == 1000);

/* Reads the notes that `where` (a condition on n with `params`) selects, with their links. */
static GListModel *
read_notes (KefuStore     *self,
            const char    *where,
            GVariant      *params,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (params);
  g_autofree char *notes_sql = g_strconcat (NOTE_COLUMNS, where, NOTE_ORDER, NULL);
  g_autofree char *links_sql = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuRows) links = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GListStore *notes;
  guint n_rows;

  rows = _kefu_store_query (self, notes_sql, owned, cancellable, error);
  if (rows == NULL)
    return NULL;
  notes = g_list_store_new (KEFU_TYPE_SHIFT_NOTE);
  n_rows = kefu_rows_get_n_rows (rows);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(KefuShiftNote) note = kefu_shift_note_new ();
      g_autoptr(GDateTime) written_at = kefu_rows_get_time (rows, i, 6);

      _kefu_store_fill_record (note, rows, i, 0);
      kefu_shift_note_set_written_by (note, kefu_rows_get_int (rows, i, 4));
      kefu_shift_note_set_author_name (note, kefu_rows_get_text (rows, i, 5));
      kefu_shift_note_set_written_at (note, written_at);
      kefu_shift_note_set_text (note, kefu_rows_get_text (rows, i, 7));
      kefu_shift_note_set_urgent (note, kefu_rows_get_bool (rows, i, 8));
      g_list_store_append (notes, note);
    }
  if (n_rows == 0)
    return G_LIST_MODEL (notes);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(KefuShiftNote) note = g_list_model_get_item (G_LIST_MODEL (notes), i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (note));

      /* The list store keeps the note alive as long as the table. */
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), note);
    }

  links_sql = g_strconcat (LINK_COLUMNS, where, LINK_ORDER, NULL);
  links = _kefu_store_query (self, links_sql, owned, cancellable, error);
  if (links == NULL)
    {
      g_object_unref (notes);
      return NULL;
    }
  for (guint i = 0; i < kefu_rows_get_n_rows (links); i++)
    {
      gint64 note_id = kefu_rows_get_int (links, i, 0);
      KefuShiftNote *note = g_hash_table_lookup (by_id, &note_id);
      int entity = kefu_shift_note_entity_from_nick (kefu_rows_get_text (links, i, 1));
      g_autoptr(KefuShiftNoteLink) link = NULL;

      /* Links of notes beyond the listing's limit, or of a kind this build does not know. */
      if (note == NULL || entity < 0 || kefu_rows_get_int (links, i, 2) <= 0)
        continue;
      link = kefu_shift_note_link_new (entity, kefu_rows_get_int (links, i, 2),
                                       kefu_rows_get_text (links, i, 3));
      kefu_shift_note_add_link (note, link);
    }
  return G_LIST_MODEL (notes);
}

static void
local_days_bounds (const GDate  *first,
                   const GDate  *last,
                   char        **from_text,
                   char        **to_text)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  GDate after = *last;

  g_date_add_days (&after, 1);
  from = g_date_time_new (local, g_date_get_year (first), g_date_get_month (first),
                          g_date_get_day (first), 0, 0, 0);
  to = g_date_time_new (local, g_date_get_year (&after), g_date_get_month (&after),
                        g_date_get_day (&after), 0, 0, 0);
  *from_text = kefu_time_to_db (from);
  *to_text = kefu_time_to_db (to);
}

/**
 * kefu_store_list_shift_notes:
 * @first: the first local day
 * @last: the last local day (included), not before @first
 *
 * Returns: (transfer full): a #GListModel of #KefuShiftNote, newest first
 */
GListModel *
kefu_store_list_shift_notes (KefuStore     *self,
                             const GDate   *first,
                             const GDate   *last,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  local_days_bounds (first, last, &from_text, &to_text);
  return read_notes (self, "n.written_at >= $1 AND n.written_at < $2",
                     g_variant_new ("(ss)", from_text, to_text), cancellable, error);
}

/* The unread notes of $2 at the cutoff $1 (see the header's rule). */
#define UNREAD_WHERE \
  "n.written_at >= $1 AND n.written_by <> $2 AND NOT EXISTS (SELECT 1 FROM shift_note_reads r " \
  "WHERE r.note_id = n.id AND r.staff_id = $2)"

static char *
unread_cutoff_text (KefuStore *self)
{
  g_autoptr(GDateTime) now = _kefu_store_now (self);
  g_autoptr(GDateTime) cutoff = g_date_time_add_days (now, -KEFU_SHIFT_NOTES_UNREAD_DAYS);

  return kefu_time_to_db (cutoff);
}

/**
 * kefu_store_list_unread_shift_notes:
 * @staff_id: whose unread notes
 *
 * Returns: (transfer full): a #GListModel of #KefuShiftNote, newest first
 */
GListModel *
kefu_store_list_unread_shift_notes (KefuStore     *self,
                                    gint64         staff_id,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autofree char *cutoff = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (staff_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cutoff = unread_cutoff_text (self);
  return read_notes (self, UNREAD_WHERE, g_variant_new ("(sx)", cutoff, staff_id),
                     cancellable, error);
}

/* Writing a note. */

typedef struct
{
  char          *text;
  gboolean       urgent;
  GListModel    *links;
  /* The stored note, after the commit. */
  KefuShiftNote *note;
} Write;

static gboolean
write_txn (KefuStore     *self,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Write *w = data;
  gint64 actor = _kefu_store_get_txn_actor (self);
  g_autoptr(GDateTime) now = _kefu_store_now (self);
  g_autofree char *now_text = kefu_time_to_db (now);
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuShiftNote) note = kefu_shift_note_new ();
  g_autoptr(GDateTime) written_at = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  guint n_links = w->links != NULL ? g_list_model_get_n_items (w->links) : 0;
  gint64 id;

  rows = _kefu_store_query (self,
                            "INSERT INTO shift_notes (written_by, written_at, text, urgent, "
                            "created_at, updated_at) VALUES ($1, $2, $3, $4, $2, $2) "
                            "RETURNING id, version, created_at, updated_at, written_at, "
                            "(SELECT name FROM staff WHERE id = $1)",
                            g_variant_new ("(xssb)", actor, now_text, w->text, w->urgent),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  id = kefu_rows_get_int (rows, 0, 0);
  _kefu_store_fill_record (note, rows, 0, 0);
  written_at = kefu_rows_get_time (rows, 0, 4);
  kefu_shift_note_set_written_by (note, actor);
  kefu_shift_note_set_author_name (note, kefu_rows_get_text (rows, 0, 5));
  kefu_shift_note_set_written_at (note, written_at);
  kefu_shift_note_set_text (note, w->text);
  kefu_shift_note_set_urgent (note, w->urgent);

  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(KefuShiftNoteLink) link = g_list_model_get_item (w->links, i);
      KefuShiftNoteEntity entity = kefu_shift_note_link_get_entity (link);

      if (_kefu_store_execute (self,
                               "INSERT INTO shift_note_links (note_id, position, entity, "
                               "entity_id, text) VALUES ($1, $2, $3, $4, $5)",
                               g_variant_new ("(xxsxs)", id, (gint64) i,
                                              kefu_shift_note_entity_to_nick (entity),
                                              kefu_shift_note_link_get_entity_id (link),
                                              kefu_shift_note_link_get_text (link)),
                               cancellable, error) < 0)
        return FALSE;
      kefu_shift_note_add_link (note, link);
    }

  g_string_append_printf (details, "{\"urgent\":%s,\"links\":[", w->urgent ? "true" : "false");
  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(KefuShiftNoteLink) link = g_list_model_get_item (w->links, i);

      g_string_append_printf (details, "%s{\"entity\":", i > 0 ? "," : "");
      _kefu_json_append_string (details,
                                kefu_shift_note_entity_to_nick (kefu_shift_note_link_get_entity (link)));
      g_string_append_printf (details, ",\"id\":%" G_GINT64_FORMAT "}",
                              kefu_shift_note_link_get_entity_id (link));
    }
  g_string_append (details, "]}");
  if (!_kefu_store_add_event (self, "shift-note", id, "create", details->str, cancellable, error))
    return FALSE;

  /* A transaction retried after "busy" starts again from the caller's values. */
  g_set_object (&w->note, note);
  return TRUE;
}

static gboolean
validate_links (GListModel  *links,
                GError     **error)
{
  guint n = links != NULL ? g_list_model_get_n_items (links) : 0;

  if (n > KEFU_SHIFT_NOTE_MAX_LINKS)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                   ngettext ("A hand-over note can link at most %d record. Remove some links.",
                             "A hand-over note can link at most %d records. Remove some links.",
                             KEFU_SHIFT_NOTE_MAX_LINKS),
                   KEFU_SHIFT_NOTE_MAX_LINKS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (links, i);

      g_return_val_if_fail (KEFU_IS_SHIFT_NOTE_LINK (item), FALSE);
      for (guint j = 0; j < i; j++)
        {
          g_autoptr(GObject) other = g_list_model_get_item (links, j);

          if (kefu_shift_note_link_same_record (KEFU_SHIFT_NOTE_LINK (item),
                                                KEFU_SHIFT_NOTE_LINK (other)))
            {
              g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           _("The note links “%s” twice. Remove one of the two links."),
                           kefu_shift_note_link_get_text (KEFU_SHIFT_NOTE_LINK (item)));
              return FALSE;
            }
        }
    }
  return TRUE;
}

/**
 * kefu_store_write_shift_note:
 * @text: the note
 * @urgent: whether the next shift must deal with it first
 * @links: (nullable): a #GListModel of #KefuShiftNoteLink
 *
 * Returns: (transfer full): the stored note, or %NULL with @error set
 */
KefuShiftNote *
kefu_store_write_shift_note (KefuStore     *self,
                             const char    *text,
                             gboolean       urgent,
                             GListModel    *links,
                             GCancellable  *cancellable,
                             GError       **error)
{
  Write w = { 0 };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (links == NULL || G_IS_LIST_MODEL (links), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w.text = _kefu_store_normalize_text (text != NULL ? text : "");
  if (!_kefu_store_validate_text (_("Hand-over note"), w.text, KEFU_SHIFT_NOTE_MAX_TEXT, TRUE,
                                  TRUE, error) ||
      !validate_links (links, error))
    {
      g_free (w.text);
      return NULL;
    }
  w.urgent = !!urgent;
  w.links = links;
  ok = _kefu_store_write (self, write_txn, &w, cancellable, error);
  g_free (w.text);
  if (!ok)
    {
      g_clear_object (&w.note);
      return NULL;
    }
  return w.note;
}

/* Read marks. */

typedef struct
{
  gint64 note_id;
} Mark;

static gboolean
mark_txn (KefuStore     *self,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Mark *m = data;
  gint64 actor = _kefu_store_get_txn_actor (self);
  g_autofree char *now_text = _kefu_store_now_text (self);
  g_autofree char *cutoff = NULL;
  g_autoptr(KefuRows) rows = NULL;

  if (m->note_id > 0)
    {
      rows = _kefu_store_query (self, "SELECT id FROM shift_notes WHERE id = $1",
                                g_variant_new ("(x)", m->note_id), cancellable, error);
      if (rows == NULL)
        return FALSE;
      if (kefu_rows_get_n_rows (rows) == 0)
        {
          g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                               _("This hand-over note no longer exists. Reload the notes."));
          return FALSE;
        }
      return _kefu_store_execute (self,
                                  "INSERT INTO shift_note_reads (note_id, staff_id, read_at) "
                                  "VALUES ($1, $2, $3) ON CONFLICT (note_id, staff_id) DO NOTHING",
                                  g_variant_new ("(xxs)", m->note_id, actor, now_text),
                                  cancellable, error) >= 0;
    }

  cutoff = unread_cutoff_text (self);
  return _kefu_store_execute (self,
                              "INSERT INTO shift_note_reads (note_id, staff_id, read_at) "
                              "SELECT n.id, $2, $3 FROM shift_notes n WHERE " UNREAD_WHERE " "
                              "ON CONFLICT (note_id, staff_id) DO NOTHING",
                              g_variant_new ("(sxs)", cutoff, actor, now_text),
                              cancellable, error) >= 0;
}

/**
 * kefu_store_mark_shift_notes_read:
 * @note_id: the note, or 0 for every note unread by the actor
 *
 * Returns: %TRUE on success
 */
gboolean
kefu_store_mark_shift_notes_read (KefuStore     *self,
                                  gint64         note_id,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  Mark m = { note_id };

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (note_id >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _kefu_store_write (self, mark_txn, &m, cancellable, error);
}

/* The asynchronous forms. */

typedef struct
{
  char       *text;
  gboolean    urgent;
  GListStore *links;
  GDate       first;
  GDate       last;
  gint64      id;
} Job;

static void
job_free (Job *job)
{
  g_free (job->text);
  g_clear_object (&job->links);
  g_free (job);
}

static gpointer
write_func (KefuStore     *self,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Job *job = data;

  return kefu_store_write_shift_note (self, job->text, job->urgent, G_LIST_MODEL (job->links),
                                      cancellable, error);
}

void
kefu_store_write_shift_note_async (KefuStore           *self,
                                   const char          *text,
                                   gboolean             urgent,
                                   GListModel          *links,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Job *job;

  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (links == NULL || G_IS_LIST_MODEL (links));

  job = g_new0 (Job, 1);
  job->text = g_strdup (text);
  job->urgent = urgent;
  job->links = g_list_store_new (KEFU_TYPE_SHIFT_NOTE_LINK);
  /* The links are immutable: the worker may share them; the list is the job's own. */
  for (guint i = 0; links != NULL && i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GObject) link = g_list_model_get_item (links, i);

      g_list_store_append (job->links, link);
    }
  kefu_store_run_async (self, write_func, job, (GDestroyNotify) job_free, cancellable,
                        callback, user_data);
}

/**
 * kefu_store_write_shift_note_finish:
 *
 * Returns: (transfer full): the stored note, or %NULL with @error set
 */
KefuShiftNote *
kefu_store_write_shift_note_finish (KefuStore     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return kefu_store_run_finish (self, result, error);
}

static gpointer
list_func (KefuStore     *self,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Job *job = data;

  return kefu_store_list_shift_notes (self, &job->first, &job->last, cancellable, error);
}

void
kefu_store_list_shift_notes_async (KefuStore           *self,
                                   const GDate         *first,
                                   const GDate         *last,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Job *job;

  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (first != NULL && last != NULL);

  job = g_new0 (Job, 1);
  job->first = *first;
  job->last = *last;
  kefu_store_run_async (self, list_func, job, (GDestroyNotify) job_free, cancellable,
                        callback, user_data);
}

/**
 * kefu_store_list_shift_notes_finish:
 *
 * Returns: (transfer full): a #GListModel of #KefuShiftNote, or %NULL with @error set
 */
GListModel *
kefu_store_list_shift_notes_finish (KefuStore     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return kefu_store_run_finish (self, result, error);
}

static gpointer
unread_func (KefuStore     *self,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = data;

  return kefu_store_list_unread_shift_notes (self, job->id, cancellable, error);
}

void
kefu_store_list_unread_shift_notes_async (KefuStore           *self,
                                          gint64               staff_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  Job *job;

  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (staff_id > 0);

  job = g_new0 (Job, 1);
  job->id = staff_id;
  kefu_store_run_async (self, unread_func, job, (GDestroyNotify) job_free, cancellable,
                        callback, user_data);
}

/**
 * kefu_store_list_unread_shift_notes_finish:
 *
 * Returns: (transfer full): a #GListModel of #KefuShiftNote, or %NULL with @error set
 */
GListModel *
kefu_store_list_unread_shift_notes_finish (KefuStore     *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return kefu_store_run_finish (self, result, error);
}

static gpointer
mark_func (KefuStore     *self,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Job *job = data;

  if (!kefu_store_mark_shift_notes_read (self, job->id, cancellable, error))
    return NULL;
  /* kefu_store_run_async () carries an object: any will do for "done". */
  return g_object_ref (self);
}

void
kefu_store_mark_shift_notes_read_async (KefuStore           *self,
                                        gint64               note_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Job *job;

  g_return_if_fail (KEFU_IS_STORE (self));
  g_return_if_fail (note_id >= 0);

  job = g_new0 (Job, 1);
  job->id = note_id;
  kefu_store_run_async (self, mark_func, job, (GDestroyNotify) job_free, cancellable,
                        callback, user_data);
}

gboolean
kefu_store_mark_shift_notes_read_finish (KefuStore     *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_autoptr(GObject) done = kefu_store_run_finish (self, result, error);

  return done != NULL;
}
