/* kefu-store-complaint-board-filters.c: the complaint filter (kefu_complaint_filter_new () and
 * the WHERE clause it stands for, shared by the board and the list view's ids through
 * kefu-store-complaint-board-private.h), and the search text a complaint copies from its call,
 * which the filter's text search looks in. The statement text is put together only from the
 * constant fragments below, with numbered parameters for every value.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <string.h>

#include "core/kefu-enums.h"
#include "kefu-store-complaint-board-private.h"

/* The search text */

/* The fields the text filter looks in, in ASCII lower case (as SQLite's LOWER, so that the
 * complaints that schema step 3 filled in SQL read the same), joined by the unit separator,
 * which one-line text never holds, so that no search matches across two fields. */
#define SEARCH_SEPARATOR '\x1f'

char *
_kefu_store_complaint_search_text (const char *reference,
                                   const char *caller_name,
                                   const char *phone,
                                   const char *batch_key,
                                   const char *reason)
{
  const char *fields[] = { reference, caller_name, phone, batch_key, reason };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (i > 0)
        g_string_append_c (text, SEARCH_SEPARATOR);
      for (const char *p = fields[i] != NULL ? fields[i] : ""; *p != '\0'; p++)
        g_string_append_c (text, g_ascii_tolower (*p));
    }
  return g_string_free (text, FALSE);
}

gboolean
_kefu_store_complaint_copy_call (KefuStore     *self,
                                 gint64         complaint_id,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autofree char *search_text = NULL;

  rows = _kefu_store_query (self,
                            "SELECT calls.reference, calls.caller_name, calls.phone, "
                            "complaints.batch_key, complaints.reason FROM complaints "
                            "JOIN calls ON calls.id = complaints.call_id WHERE complaints.id = $1",
                            g_variant_new ("(x)", complaint_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    return TRUE;
  search_text = _kefu_store_complaint_search_text (kefu_rows_get_text (rows, 0, 0),
                                                   kefu_rows_get_text (rows, 0, 1),
                                                   kefu_rows_get_text (rows, 0, 2),
                                                   kefu_rows_get_text (rows, 0, 3),
                                                   kefu_rows_get_text (rows, 0, 4));
  return _kefu_store_execute (self,
                              "UPDATE complaints SET customer_id = calls.customer_id, "
                              "received_at = calls.received_at, reference = calls.reference, "
                              "caller_name = calls.caller_name, phone = calls.phone FROM calls "
                              "WHERE calls.id = complaints.call_id AND complaints.id = $1",
                              g_variant_new ("(x)", complaint_id), cancellable, error) >= 0 &&
         _kefu_store_execute (self,
                              "INSERT INTO complaint_search (complaint_id, search_text) "
                              "VALUES ($1, $2) ON CONFLICT (complaint_id) "
                              "DO UPDATE SET search_text = excluded.search_text",
                              g_variant_new ("(xs)", complaint_id, search_text),
                              cancellable, error) >= 0;
}

/* The filter */

/**
 * kefu_complaint_filter_new:
 *
 * Returns: (transfer full): a filter that lets every complaint through
 */
KefuComplaintFilter *
kefu_complaint_filter_new (void)
{
  return g_new0 (KefuComplaintFilter, 1);
}

/**
 * kefu_complaint_filter_copy:
 *
 * Returns: (transfer full): a deep copy of @filter
 */
KefuComplaintFilter *
kefu_complaint_filter_copy (const KefuComplaintFilter *filter)
{
  KefuComplaintFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->received_from = filter->received_from != NULL ? g_date_time_ref (filter->received_from) : NULL;
  copy->received_to = filter->received_to != NULL ? g_date_time_ref (filter->received_to) : NULL;
  copy->now = filter->now != NULL ? g_date_time_ref (filter->now) : NULL;
  copy->text = g_strdup (filter->text);
  copy->batch_key = g_strdup (filter->batch_key);
  return copy;
}

void
kefu_complaint_filter_free (KefuComplaintFilter *filter)
{
  if (filter == NULL)
    return;
  g_clear_pointer (&filter->received_from, g_date_time_unref);
  g_clear_pointer (&filter->received_to, g_date_time_unref);
  g_clear_pointer (&filter->now, g_date_time_unref);
  g_free (filter->text);
  g_free (filter->batch_key);
  g_free (filter);
}

/* Building the statement: constant fragments with numbered parameters. */

void
_kefu_complaint_query_init (KefuComplaintQuery *q)
{
  q->where = g_string_new (NULL);
  q->params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
}

void
_kefu_complaint_query_clear (KefuComplaintQuery *q)
{
  g_string_free (q->where, TRUE);
  g_ptr_array_unref (q->params);
}

guint
_kefu_complaint_query_param (KefuComplaintQuery *q,
                             GVariant           *value)
{
  g_ptr_array_add (q->params, g_variant_ref_sink (value));
  return q->params->len;
}

void
_kefu_complaint_query_and (KefuComplaintQuery *q,
                           const char         *format,
                           ...)
{
  va_list args;

  if (q->where->len > 0)
    g_string_append (q->where, " AND ");
  va_start (args, format);
  g_string_append_vprintf (q->where, format, args);
  va_end (args);
}

GVariant *
_kefu_complaint_query_params (KefuComplaintQuery *q,
                              GVariant           *extra)
{
  GVariantBuilder builder;

  if (q->params->len == 0 && extra == NULL)
    return NULL;
  g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
  for (guint i = 0; i < q->params->len; i++)
    g_variant_builder_add_value (&builder, g_ptr_array_index (q->params, i));
  if (extra != NULL)
    g_variant_builder_add_value (&builder, extra);
  return g_variant_builder_end (&builder);
}

gboolean
_kefu_complaint_query_count (KefuComplaintQuery *q,
                             KefuStore          *store,
                             const char         *table,
                             gint64             *n_rows,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) counts = NULL;

  g_string_printf (sql, "SELECT count(*) FROM %s", table);
  if (q->where->len > 0)
    g_string_append_printf (sql, " WHERE %s", q->where->str);
  counts = _kefu_store_query_int64_column (store, sql->str, _kefu_complaint_query_params (q, NULL),
                                           cancellable, error);
  _kefu_complaint_query_clear (q);
  if (counts == NULL)
    return FALSE;
  *n_rows = counts->len > 0 ? g_array_index (counts, gint64, 0) : 0;
  return TRUE;
}

/* "%needle%" for LIKE, in ASCII lower case as the search text, with the pattern characters of
 * the text itself escaped so that "50%" means the three characters (the service-job list's
 * search uses it too). */
char *
_kefu_complaint_like_pattern (const char *text)
{
  g_autofree char *folded = g_ascii_strdown (text, -1);
  GString *pattern = g_string_new ("%");

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* The conditions of `filter`. The department tests probe complaint_routes' (complaint_id,
 * department_id) index row by row, which costs the same for every department and half what
 * collecting a large department's complaints first does. On the `board`, whose few thousand open
 * complaints come through complaints_stage, the owner test must not lead SQLite to the owner's
 * index (every complaint they ever took) instead: the unary plus, valid in both dialects, keeps
 * it a plain test. */
void
_kefu_complaint_query_add_filter (KefuComplaintQuery        *q,
                                  const KefuComplaintFilter *filter,
                                  gboolean                   board)
{
  guint n;

  /* Archived complaints are out of the board and the list; "Show Archived" lists only them. */
  _kefu_complaint_query_and (q, "%s", _kefu_store_archive_condition (KEFU_ARCHIVE_COMPLAINT,
                                                                     filter->archived));
  switch (filter->scope)
    {
    case KEFU_COMPLAINT_SCOPE_MINE:
      n = _kefu_complaint_query_param (q, g_variant_new_int64 (filter->staff_id));
      _kefu_complaint_query_and (q, board ? "+complaints.owner_id = $%u"
                                          : "complaints.owner_id = $%u", n);
      break;
    case KEFU_COMPLAINT_SCOPE_MY_DEPARTMENT:
      /* A staff member without a department has no department's complaints. */
      n = _kefu_complaint_query_param (q, g_variant_new_int64 (filter->staff_id));
      _kefu_complaint_query_and (q, "EXISTS (SELECT 1 FROM complaint_routes AS mine "
                                    "WHERE mine.complaint_id = complaints.id "
                                    "AND mine.department_id = (SELECT me.department_id "
                                    "FROM staff AS me WHERE me.id = $%u))", n);
      break;
    case KEFU_COMPLAINT_SCOPE_ALL:
    default:
      break;
    }

  if (filter->category != KEFU_COMPLAINT_CATEGORY_UNSPECIFIED)
    {
      const char *category = _kefu_store_enum_to_nick (KEFU_TYPE_COMPLAINT_CATEGORY,
                                                        filter->category);

      n = _kefu_complaint_query_param (q, g_variant_new_string (category));
      _kefu_complaint_query_and (q, "complaints.category = $%u", n);
    }

  if (filter->department_id > 0)
    {
      n = _kefu_complaint_query_param (q, g_variant_new_int64 (filter->department_id));
      _kefu_complaint_query_and (q, "EXISTS (SELECT 1 FROM complaint_routes AS routed "
                                    "WHERE routed.complaint_id = complaints.id "
                                    "AND routed.department_id = $%u)", n);
    }

  if (filter->overdue_only)
    {
      g_autoptr(GDateTime) now = filter->now != NULL ? g_date_time_ref (filter->now)
                                                     : g_date_time_new_now_utc ();
      g_autofree char *now_text = kefu_time_to_db (now);

      n = _kefu_complaint_query_param (q, g_variant_new_string (now_text));
      _kefu_complaint_query_and (q, "complaints.due_at < $%u", n);
    }

  if (filter->urgent_only)
    _kefu_complaint_query_and (q, "complaints.urgent = TRUE");

  if (filter->received_from != NULL)
    {
      g_autofree char *text = kefu_time_to_db (filter->received_from);

      n = _kefu_complaint_query_param (q, g_variant_new_string (text));
      _kefu_complaint_query_and (q, "complaints.received_at >= $%u", n);
    }
  if (filter->received_to != NULL)
    {
      g_autofree char *text = kefu_time_to_db (filter->received_to);

      n = _kefu_complaint_query_param (q, g_variant_new_string (text));
      _kefu_complaint_query_and (q, "complaints.received_at < $%u", n);
    }

  if (filter->text != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (filter->text));

      if (strchr (trimmed, SEARCH_SEPARATOR) != NULL)
        /* No field holds the separator: nothing matches (rather than across two fields). */
        _kefu_complaint_query_and (q, "complaints.id < 0");
      else if (trimmed[0] != '\0')
        {
          g_autofree char *pattern = _kefu_complaint_like_pattern (trimmed);

          /* Reference, caller, phone, batch key and reason in one lower-cased text in a narrow
           * table of its own, so that nothing is joined or lowered row by row. The list scans
           * it whole (some 50 MB for half a million complaints, against every complaint's
           * row); the board's few thousand open complaints each look theirs up (a scalar
           * subquery: PostgreSQL would turn EXISTS into a join that reads the whole table). */
          n = _kefu_complaint_query_param (q, g_variant_new_string (pattern));
          _kefu_complaint_query_and (q, board ? "(SELECT complaint_search.search_text "
                                                "FROM complaint_search "
                                                "WHERE complaint_search.complaint_id "
                                                "= complaints.id) LIKE $%u ESCAPE '\\'"
                                              : "complaints.id IN (SELECT "
                                                "complaint_search.complaint_id "
                                                "FROM complaint_search "
                                                "WHERE complaint_search.search_text "
                                                "LIKE $%u ESCAPE '\\')", n);
        }
    }

  /* The linked complaints of a batch: its product (none stays none) and batch. */
  if (filter->batch_key != NULL)
    {
      n = _kefu_complaint_query_param (q, g_variant_new_string (filter->batch_key));
      _kefu_complaint_query_and (q, "complaints.batch_key = $%u", n);
      if (filter->product_id > 0)
        {
          n = _kefu_complaint_query_param (q, g_variant_new_int64 (filter->product_id));
          _kefu_complaint_query_and (q, "complaints.product_id = $%u", n);
        }
      else
        _kefu_complaint_query_and (q, "complaints.product_id IS NULL");
    }
  else if (filter->product_id > 0)
    {
      n = _kefu_complaint_query_param (q, g_variant_new_int64 (filter->product_id));
      _kefu_complaint_query_and (q, "complaints.product_id = $%u", n);
    }
}
