/* kefu-store-complaint-board.c: reading complaints for the escalation board and its list view:
 * the filter, the card (one row of the card columns), the board, the sorted ids of the list
 * view, cards by id and the sidebar's counts. Every filter and sort runs in SQL with bound
 * parameters; the statement text is put together only from the constant fragments below.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "kefu-store-complaints-private.h"

/* The stages still being worked, as stored (kefu_complaint_stage_is_open ()). */
#define OPEN_STAGES "'new', 'routed', 'in-progress', 'reopened', 'resolved', 'called-back'"

/* The board's column order, which KEFU_COMPLAINT_SORT_STAGE sorts by too. */
#define STAGE_ORDER \
  "CASE complaints.stage WHEN 'new' THEN 0 WHEN 'routed' THEN 1 WHEN 'in-progress' THEN 2 " \
  "WHEN 'reopened' THEN 3 WHEN 'resolved' THEN 4 WHEN 'called-back' THEN 5 " \
  "WHEN 'closed' THEN 6 ELSE 7 END"

/* The card: 28 columns over KEFU_COMPLAINT_CARD_FROM, the call's among them from the copies on
 * the complaint (schema step 3), so that no card joins its call. The routed departments come in
 * routing order (string_agg with ORDER BY: PostgreSQL, and SQLite since 3.44), as "id<US>name"
 * entries separated by <RS> (the ASCII unit and record separators, which names, as validated
 * one-line text, never hold), so that one row is a whole card and a page of cards is one
 * statement. A batch is flagged while an alert about its product and batch is open. */
#define ROUTE_UNIT   "\x1f"
#define ROUTE_RECORD "\x1e"
#define CARD_COLUMNS \
  "complaints.id, complaints.version, complaints.call_id, complaints.reference, " \
  "complaints.customer_id, complaints.caller_name, complaints.phone, complaints.category, " \
  "complaints.subject, complaints.reason, complaints.product_id, complaints.batch_number, " \
  "complaints.harmed, complaints.urgent, complaints.stage, complaints.owner_id, owner.name, " \
  "complaints.received_at, " \
  "complaints.stage_since, complaints.due_kind, complaints.due_at, " \
  "complaints.escalation_level, complaints.resolution, complaints.satisfaction, " \
  "complaints.customer_words, "
#define CARD_ROUTES_AGG \
  "string_agg(CAST(complaint_routes.department_id AS TEXT) || '" ROUTE_UNIT "' " \
  "|| departments.name, '" ROUTE_RECORD "' ORDER BY complaint_routes.id) "
#define CARD_ROUTES_FROM \
  "FROM complaint_routes JOIN departments ON departments.id = complaint_routes.department_id "
#define CARD_BATCH_FLAGGED \
  "(complaints.batch_key IS NOT NULL AND EXISTS (SELECT 1 FROM batch_alerts " \
  " WHERE batch_alerts.batch_key = complaints.batch_key " \
  " AND batch_alerts.product_id IS NOT DISTINCT FROM complaints.product_id " \
  " AND batch_alerts.acknowledged_at IS NULL)), "

/* A page of cards: the departments and visits from one correlated subquery each, over
 * complaint_routes' (complaint_id, department_id) and complaint_visits' indexes. */
const char _kefu_complaint_card_columns[] =
  CARD_COLUMNS
  "(SELECT " CARD_ROUTES_AGG CARD_ROUTES_FROM
  "WHERE complaint_routes.complaint_id = complaints.id), "
  CARD_BATCH_FLAGGED
  "(SELECT COUNT(*) FROM complaint_visits WHERE complaint_visits.complaint_id = complaints.id)";

/* The board, some thousands of cards: whether a batch is flagged and how many visits there were
 * come from the open alerts (a handful) and the visits (one per harmed customer) grouped once
 * and joined, rather than from a subquery per card; the departments stay a subquery per card
 * (grouping them for the board made PostgreSQL read all of complaint_routes instead, twice as
 * slow), but only their ids, in routing order from complaint_routes_order alone, without a
 * join or a sort per card; their names come from one read of the departments. */
#define BOARD_COLUMNS \
  CARD_COLUMNS \
  "(SELECT string_agg(CAST(complaint_routes.department_id AS TEXT), '" ROUTE_RECORD "' " \
  "ORDER BY complaint_routes.id) FROM complaint_routes " \
  "WHERE complaint_routes.complaint_id = complaints.id), " \
  "(board_flagged.batch_key IS NOT NULL), COALESCE(board_visits.n, 0)"
#define BOARD_JOINS \
  " LEFT JOIN (SELECT DISTINCT batch_alerts.batch_key AS batch_key, " \
  "batch_alerts.product_id AS product_id FROM batch_alerts " \
  "WHERE batch_alerts.acknowledged_at IS NULL) AS board_flagged " \
  "ON board_flagged.batch_key = complaints.batch_key " \
  "AND board_flagged.product_id IS NOT DISTINCT FROM complaints.product_id " \
  "LEFT JOIN (SELECT complaint_visits.complaint_id AS complaint_id, COUNT(*) AS n " \
  "FROM complaint_visits GROUP BY complaint_visits.complaint_id) AS board_visits " \
  "ON board_visits.complaint_id = complaints.id"

#define ENUM_AT(type, column, fallback) \
  _kefu_store_enum_from_nick (type, kefu_rows_get_text (rows, row, (column)), fallback)

/* `department_names` (nullable): the names of the departments by id, for routes given as ids
 * alone (the board's). */
static KefuComplaintCard *
card_from_row (KefuRows   *rows,
               guint       row,
               GHashTable *department_names)
{
  KefuComplaintCard *card = kefu_complaint_card_new ();
  g_autoptr(GDateTime) received_at = kefu_rows_get_time (rows, row, 17);
  g_autoptr(GDateTime) stage_since = kefu_rows_get_time (rows, row, 18);
  g_autoptr(GDateTime) due_at = kefu_rows_get_time (rows, row, 20);
  const char *routes = kefu_rows_get_text (rows, row, 25);
  gint64 level;

  kefu_complaint_card_set_id (card, kefu_rows_get_int (rows, row, 0));
  kefu_complaint_card_set_version (card, kefu_rows_get_int (rows, row, 1));
  kefu_complaint_card_set_call_id (card, kefu_rows_get_int (rows, row, 2));
  kefu_complaint_card_set_reference (card, kefu_rows_get_text (rows, row, 3));
  kefu_complaint_card_set_customer_id (card, kefu_rows_get_int (rows, row, 4));
  kefu_complaint_card_set_customer_name (card, kefu_rows_get_text (rows, row, 5));
  kefu_complaint_card_set_phone (card, kefu_rows_get_text (rows, row, 6));
  kefu_complaint_card_set_category (card, ENUM_AT (KEFU_TYPE_COMPLAINT_CATEGORY, 7,
                                                   KEFU_COMPLAINT_CATEGORY_UNSPECIFIED));
  kefu_complaint_card_set_subject (card, kefu_rows_get_text (rows, row, 8));
  kefu_complaint_card_set_reason (card, kefu_rows_get_text (rows, row, 9));
  kefu_complaint_card_set_product_id (card, kefu_rows_get_int (rows, row, 10));
  kefu_complaint_card_set_batch_number (card, kefu_rows_get_text (rows, row, 11));
  kefu_complaint_card_set_harmed (card, kefu_rows_get_bool (rows, row, 12));
  kefu_complaint_card_set_urgent (card, kefu_rows_get_bool (rows, row, 13));
  kefu_complaint_card_set_stage (card, ENUM_AT (KEFU_TYPE_COMPLAINT_STAGE, 14,
                                                KEFU_COMPLAINT_STAGE_NEW));
  kefu_complaint_card_set_owner_id (card, kefu_rows_get_int (rows, row, 15));
  kefu_complaint_card_set_owner_name (card, kefu_rows_get_text (rows, row, 16));
  kefu_complaint_card_set_received_at (card, received_at);
  kefu_complaint_card_set_stage_since (card, stage_since);
  /* A kind without a time (or a time without a kind) is no deadline at all. */
  if (due_at != NULL && !kefu_rows_is_null (rows, row, 19))
    kefu_complaint_card_set_due (card, ENUM_AT (KEFU_TYPE_COMPLAINT_DEADLINE, 19,
                                                KEFU_COMPLAINT_DEADLINE_NONE),
                                 due_at);
  else
    kefu_complaint_card_set_due (card, KEFU_COMPLAINT_DEADLINE_NONE, NULL);
  level = CLAMP (kefu_rows_get_int (rows, row, 21), KEFU_ESCALATION_NONE, KEFU_ESCALATION_GM_OFFICE);
  kefu_complaint_card_set_escalation (card, (KefuEscalationLevel) level);
  kefu_complaint_card_set_resolution (card, kefu_rows_get_text (rows, row, 22));
  kefu_complaint_card_set_satisfaction (card, ENUM_AT (KEFU_TYPE_SATISFACTION, 23,
                                                       KEFU_SATISFACTION_UNSPECIFIED));
  kefu_complaint_card_set_customer_words (card, kefu_rows_get_text (rows, row, 24));
  if (routes != NULL)
    {
      g_auto(GStrv) entries = g_strsplit (routes, ROUTE_RECORD, -1);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; entries[i] != NULL; i++)
        {
          char *end = NULL;
          gint64 id = g_ascii_strtoll (entries[i], &end, 10);
          const char *name = NULL;

          if (end != NULL && end[0] == ROUTE_UNIT[0])
            name = end + 1;
          else if (end != NULL && end[0] == '\0' && department_names != NULL)
            name = g_hash_table_lookup (department_names, &id);
          if (name == NULL)
            continue;
          kefu_complaint_card_add_department_id (card, id);
          /* The enumeration comma, as the departments are listed on the paper form. */
          if (names->len > 0)
            g_string_append (names, "、");
          g_string_append (names, name);
        }
      kefu_complaint_card_set_departments (card, names->str);
    }
  kefu_complaint_card_set_batch_flagged (card, kefu_rows_get_bool (rows, row, 26));
  kefu_complaint_card_set_n_visits (card, (guint) kefu_rows_get_int (rows, row, 27));
  return card;
}

#undef ENUM_AT

KefuComplaintCard *
_kefu_store_complaint_card_from_row (KefuRows *rows,
                                     guint     row)
{
  return card_from_row (rows, row, NULL);
}

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

typedef struct
{
  GString   *where;
  GPtrArray *params;   /* GVariant, one per $n */
} Query;

static void
query_init (Query *q)
{
  q->where = g_string_new (NULL);
  q->params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
}

static void
query_clear (Query *q)
{
  g_string_free (q->where, TRUE);
  g_ptr_array_unref (q->params);
}

/* Adds `value` as the next parameter and returns its number. */
static guint
query_param (Query    *q,
             GVariant *value)
{
  g_ptr_array_add (q->params, g_variant_ref_sink (value));
  return q->params->len;
}

/* Appends " AND " and `format`, in which every "%u" is the number of the parameter just added. */
G_GNUC_PRINTF (2, 3)
static void
query_and (Query      *q,
           const char *format,
           ...)
{
  va_list args;

  if (q->where->len > 0)
    g_string_append (q->where, " AND ");
  va_start (args, format);
  g_string_append_vprintf (q->where, format, args);
  va_end (args);
}

/* The parameters, and `extra` (nullable) as $n+1: a tuple, or NULL for none (floating). */
static GVariant *
query_params (Query    *q,
              GVariant *extra)
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

/* "%needle%" for LIKE, in ASCII lower case as the search text, with the pattern characters of
 * the text itself escaped so that "50%" means the three characters. */
static char *
like_pattern (const char *text)
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
static void
query_add_filter (Query                     *q,
                  const KefuComplaintFilter *filter,
                  gboolean                   board)
{
  guint n;

  switch (filter->scope)
    {
    case KEFU_COMPLAINT_SCOPE_MINE:
      n = query_param (q, g_variant_new_int64 (filter->staff_id));
      query_and (q, board ? "+complaints.owner_id = $%u" : "complaints.owner_id = $%u", n);
      break;
    case KEFU_COMPLAINT_SCOPE_MY_DEPARTMENT:
      /* A staff member without a department has no department's complaints. */
      n = query_param (q, g_variant_new_int64 (filter->staff_id));
      query_and (q, "EXISTS (SELECT 1 FROM complaint_routes AS mine "
                    "WHERE mine.complaint_id = complaints.id "
                    "AND mine.department_id = (SELECT me.department_id FROM staff AS me "
                    "WHERE me.id = $%u))", n);
      break;
    case KEFU_COMPLAINT_SCOPE_ALL:
    default:
      break;
    }

  if (filter->category != KEFU_COMPLAINT_CATEGORY_UNSPECIFIED)
    {
      n = query_param (q, g_variant_new_string (_kefu_store_enum_to_nick (KEFU_TYPE_COMPLAINT_CATEGORY,
                                                                          filter->category)));
      query_and (q, "complaints.category = $%u", n);
    }

  if (filter->department_id > 0)
    {
      n = query_param (q, g_variant_new_int64 (filter->department_id));
      query_and (q, "EXISTS (SELECT 1 FROM complaint_routes AS routed "
                    "WHERE routed.complaint_id = complaints.id AND routed.department_id = $%u)",
                 n);
    }

  if (filter->overdue_only)
    {
      g_autoptr(GDateTime) now = filter->now != NULL ? g_date_time_ref (filter->now)
                                                     : g_date_time_new_now_utc ();
      g_autofree char *now_text = kefu_time_to_db (now);

      n = query_param (q, g_variant_new_string (now_text));
      query_and (q, "complaints.due_at < $%u", n);
    }

  if (filter->urgent_only)
    query_and (q, "complaints.urgent = TRUE");

  if (filter->received_from != NULL)
    {
      g_autofree char *text = kefu_time_to_db (filter->received_from);

      n = query_param (q, g_variant_new_string (text));
      query_and (q, "complaints.received_at >= $%u", n);
    }
  if (filter->received_to != NULL)
    {
      g_autofree char *text = kefu_time_to_db (filter->received_to);

      n = query_param (q, g_variant_new_string (text));
      query_and (q, "complaints.received_at < $%u", n);
    }

  if (filter->text != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (filter->text));

      if (strchr (trimmed, SEARCH_SEPARATOR) != NULL)
        /* No field holds the separator: nothing matches (rather than across two fields). */
        query_and (q, "complaints.id < 0");
      else if (trimmed[0] != '\0')
        {
          g_autofree char *pattern = like_pattern (trimmed);

          /* Reference, caller, phone, batch key and reason in one lower-cased text in a narrow
           * table of its own, so that nothing is joined or lowered row by row. The list scans
           * it whole (some 50 MB for half a million complaints, against every complaint's
           * row); the board's few thousand open complaints each look theirs up (a scalar
           * subquery: PostgreSQL would turn EXISTS into a join that reads the whole table). */
          n = query_param (q, g_variant_new_string (pattern));
          query_and (q, board ? "(SELECT complaint_search.search_text FROM complaint_search "
                                "WHERE complaint_search.complaint_id = complaints.id) "
                                "LIKE $%u ESCAPE '\\'"
                              : "complaints.id IN (SELECT complaint_search.complaint_id "
                                "FROM complaint_search "
                                "WHERE complaint_search.search_text LIKE $%u ESCAPE '\\')", n);
        }
    }

  /* The linked complaints of a batch: its product (none stays none) and batch. */
  if (filter->batch_key != NULL)
    {
      n = query_param (q, g_variant_new_string (filter->batch_key));
      query_and (q, "complaints.batch_key = $%u", n);
      if (filter->product_id > 0)
        {
          n = query_param (q, g_variant_new_int64 (filter->product_id));
          query_and (q, "complaints.product_id = $%u", n);
        }
      else
        query_and (q, "complaints.product_id IS NULL");
    }
  else if (filter->product_id > 0)
    {
      n = query_param (q, g_variant_new_int64 (filter->product_id));
      query_and (q, "complaints.product_id = $%u", n);
    }
}

static GListModel *
cards_from_rows (KefuRows   *rows,
                 GHashTable *department_names)
{
  GListStore *list = g_list_store_new (KEFU_TYPE_COMPLAINT_CARD);

  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      g_autoptr(KefuComplaintCard) card = card_from_row (rows, i, department_names);

      g_list_store_append (list, card);
    }
  return G_LIST_MODEL (list);
}

/* Public API */

/**
 * kefu_store_list_board_complaints:
 * @filter: (nullable): which complaints; %NULL for all
 * @closed_days: also the complaints closed in this many last days (0: none)
 *
 * Returns: (transfer full): a #GListModel of #KefuComplaintCard in board order: by stage
 *   (New, Routed, In progress, Reopened, Resolved, Called back, Closed), within a stage urgent
 *   ones first, then by deadline (none last), then oldest first
 */
GListModel *
kefu_store_list_board_complaints (KefuStore                 *self,
                                  const KefuComplaintFilter *filter,
                                  guint                      closed_days,
                                  GCancellable              *cancellable,
                                  GError                   **error)
{
  g_autoptr(KefuComplaintFilter) all = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuRows) departments = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GString) sql = NULL;
  Query q;
  GVariant *params;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = all = kefu_complaint_filter_new ();

  query_init (&q);
  if (closed_days > 0)
    {
      g_autoptr(GDateTime) now = filter->now != NULL ? g_date_time_ref (filter->now)
                                                     : g_date_time_new_now_utc ();
      g_autoptr(GDateTime) since = g_date_time_add_days (now, -(gint) closed_days);
      g_autofree char *since_text = kefu_time_to_db (since);
      guint n = query_param (&q, g_variant_new_string (since_text));

      /* Each side of the OR has its index: complaints_stage and complaints_closed_at. */
      query_and (&q, "(complaints.stage IN (" OPEN_STAGES ") OR (complaints.stage = 'closed' "
                     "AND complaints.closed_at >= $%u))", n);
    }
  else
    query_and (&q, "complaints.stage IN (" OPEN_STAGES ")");
  query_add_filter (&q, filter, TRUE);

  sql = g_string_new ("SELECT " BOARD_COLUMNS " FROM " KEFU_COMPLAINT_CARD_FROM BOARD_JOINS
                       " WHERE ");
  g_string_append (sql, q.where->str);
  g_string_append (sql, " ORDER BY " STAGE_ORDER ", "
                        "CASE WHEN complaints.urgent THEN 0 ELSE 1 END, "
                        "CASE WHEN complaints.due_at IS NULL THEN 1 ELSE 0 END, "
                        "complaints.due_at, complaints.received_at, complaints.id");
  params = query_params (&q, NULL);
  query_clear (&q);

  rows = _kefu_store_query (self, sql->str, params, cancellable, error);
  if (rows == NULL)
    return NULL;
  departments = _kefu_store_query (self, "SELECT id, name FROM departments", NULL, cancellable,
                                   error);
  if (departments == NULL)
    return NULL;
  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < kefu_rows_get_n_rows (departments); i++)
    {
      gint64 id = kefu_rows_get_int (departments, i, 0);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                           (gpointer) kefu_rows_get_text (departments, i, 1));
    }
  return cards_from_rows (rows, names);
}

/* The list view's ids come in the order of an index wherever one exists, so that listing half a
 * million complaints reads them in order instead of sorting them (tens of milliseconds rather
 * than a second on SQLite):
 *  - received, reference and customer walk the complaints' indexes on the columns copied from
 *    their calls (complaints_received_at, _reference, _caller_name), ties by the call's id;
 *  - the deadline reads those with one through complaints_due_at, then the rest by id;
 *  - the stage reads each stage in board order through complaints_stage (stage, id);
 *  - the owner reads the owners in the order of their names and cuts their complaints, read
 *    in one scan, into runs (append_ids_by_owner ()).
 * Each part is one statement with the filter's conditions; the parts are joined here. */

/* Runs `sql` (FROM, WHERE, ORDER BY: the filter's where clause and `where_extra` go in) and
 * appends the ids to `ids`.
 *
 * The parts are separate statements, so a complaint that moves meanwhile (to the next stage, or
 * gets its first deadline) could come in two parts. `seen` (nullable) prevents that: ids in it
 * are left out, and with `remember` the part's ids go into it. The open stages and the
 * complaints with a deadline, a few thousand, are remembered; the many closed ones are only
 * checked against them (a closed complaint never moves again). */
static gboolean
append_ids (KefuStore     *self,
            GArray        *ids,
            Query         *q,
            const char    *from,
            const char    *where_extra,
            const char    *order,
            GVariant      *extra_param,
            GHashTable    *seen,
            gboolean       remember,
            guint          limit,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT complaints.id FROM ");
  g_autoptr(GArray) part = NULL;
  gboolean where = FALSE;

  g_string_append (sql, from);
  if (where_extra != NULL)
    {
      g_string_append_printf (sql, " WHERE %s", where_extra);
      where = TRUE;
    }
  if (q->where->len > 0)
    g_string_append_printf (sql, where ? " AND %s" : " WHERE %s", q->where->str);
  g_string_append_printf (sql, " ORDER BY %s", order);
  /* A head's limit is the model's constant, not user text: the statement stays cached. */
  if (limit > 0)
    g_string_append_printf (sql, " LIMIT %u", limit);

  part = _kefu_store_query_int64_column (self, sql->str, query_params (q, extra_param),
                                         cancellable, error);
  if (part == NULL)
    return FALSE;
  if (seen == NULL)
    {
      g_array_append_vals (ids, part->data, part->len);
      return TRUE;
    }
  for (guint i = 0; i < part->len; i++)
    {
      gint64 id = g_array_index (part, gint64, i);

      if (g_hash_table_contains (seen, &id))
        continue;
      if (remember)
        g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_array_append_val (ids, id);
    }
  return TRUE;
}

/* A complaint's id and its owner's id in one int64 (that id above, the complaint's below 2^32),
 * so that one column read gives both. Ids stay far below 2^31 at any hotline. */
#define OWNER_SHIFT 32

static int
compare_packed (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Sorted by the owner's name: the owners in that order (a few dozen), and every matching
 * complaint with its owner's id in one scan (complaints_owner_id on SQLite), sorted here by owner
 * and id and cut into the owners' runs. One statement, so nothing is seen twice; PostgreSQL
 * would otherwise sort every owner's complaints after fetching them from the table. */
static gboolean
append_ids_by_owner (KefuStore     *self,
                     GArray        *ids,
                     Query         *q,
                     const char    *from,
                     gboolean       descending,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT complaints.owner_id * 4294967296 + complaints.id "
                                         "FROM ");
  g_autoptr(GArray) owners = NULL;
  g_autoptr(GArray) matching = NULL;

  owners = _kefu_store_query_int64_column (self,
                                           descending ? "SELECT id FROM staff "
                                                        "ORDER BY name DESC, id DESC"
                                                      : "SELECT id FROM staff ORDER BY name, id",
                                           NULL, cancellable, error);
  if (owners == NULL)
    return FALSE;
  g_string_append (sql, from);
  if (q->where->len > 0)
    g_string_append_printf (sql, " WHERE %s", q->where->str);
  /* In the order of complaints_owner_list (owner_id, id), which PostgreSQL then reads alone
   * instead of every complaint's row; sorting again here costs nothing on sorted ids. */
  g_string_append (sql, " ORDER BY complaints.owner_id, complaints.id");
  matching = _kefu_store_query_int64_column (self, sql->str, query_params (q, NULL),
                                             cancellable, error);
  if (matching == NULL)
    return FALSE;
  g_array_sort (matching, compare_packed);

  for (guint i = 0; i < owners->len; i++)
    {
      gint64 owner = g_array_index (owners, gint64, i);
      guint lo = 0, hi = matching->len, end;

      /* The first complaint of the owner, then the end of their run. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if ((g_array_index (matching, gint64, mid) >> OWNER_SHIFT) < owner)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (end = lo; end < matching->len &&
                     (g_array_index (matching, gint64, end) >> OWNER_SHIFT) == owner; end++)
        ;
      for (guint j = 0; j < end - lo; j++)
        {
          gint64 packed = g_array_index (matching, gint64, descending ? end - 1 - j : lo + j);
          gint64 id = packed & G_GINT64_CONSTANT (0xffffffff);

          g_array_append_val (ids, id);
        }
    }
  return TRUE;
}

/* The ids in order: all of them (limit 0), or the first `limit` of that same list. The sorts
 * read in parts stop once the limit is reached (each part asked only for what is still
 * missing); the owner's sort reads its one scan whole (a head of it would cost as much). */
static GArray *
list_ids (KefuStore                 *self,
          const KefuComplaintFilter *filter,
          KefuComplaintSort          sort,
          gboolean                   descending,
          guint                      limit,
          GCancellable              *cancellable,
          GError                   **error)
{
  static const char *const stages[] = {
    "new", "routed", "in-progress", "reopened", "resolved", "called-back", "closed", "explained",
  };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *where_extra = NULL;
  g_autofree char *order = NULL;
  const char *dir = descending ? " DESC" : "";
  const char *from;
  gboolean ok = TRUE;
  Query q;

  query_init (&q);
  query_add_filter (&q, filter, FALSE);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Every condition and sort column is on the complaint (schema step 3 copies the call's). */
  from = "complaints";

/* What a part may still add: 0 (no limit) for a whole list. */
#define REMAINING() (limit > 0 ? limit - ids->len : 0)
#define FULL() (limit > 0 && ids->len >= limit)

  switch (sort)
    {
    case KEFU_COMPLAINT_SORT_DUE:
      seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      order = g_strdup_printf ("complaints.due_at%s, complaints.id%s", dir, dir);
      ok = append_ids (self, ids, &q, from, "complaints.due_at IS NOT NULL", order, NULL,
                       seen, TRUE, REMAINING (), cancellable, error);
      g_free (order);
      order = g_strdup_printf ("complaints.id%s", dir);
      ok = ok && (FULL () ||
                  append_ids (self, ids, &q, from, "complaints.due_at IS NULL", order, NULL,
                              seen, FALSE, REMAINING (), cancellable, error));
      break;

    case KEFU_COMPLAINT_SORT_STAGE:
      seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      order = g_strdup_printf ("complaints.id%s", dir);
      for (guint i = 0; i < G_N_ELEMENTS (stages) && ok && !FULL (); i++)
        {
          const char *stage = stages[descending ? G_N_ELEMENTS (stages) - 1 - i : i];

          gboolean open = !g_str_equal (stage, "closed") && !g_str_equal (stage, "explained");

          g_free (where_extra);
          where_extra = g_strdup_printf ("complaints.stage = $%u", q.params->len + 1);
          ok = append_ids (self, ids, &q, from, where_extra, order,
                           g_variant_new_string (stage), seen, open, REMAINING (),
                           cancellable, error);
        }
      break;

    case KEFU_COMPLAINT_SORT_OWNER:
      ok = append_ids_by_owner (self, ids, &q, from, descending, cancellable, error);
      break;

    case KEFU_COMPLAINT_SORT_CUSTOMER:
    case KEFU_COMPLAINT_SORT_REFERENCE:
    case KEFU_COMPLAINT_SORT_RECEIVED:
    default:
      order = g_strdup_printf ("%s%s, complaints.call_id%s",
                               sort == KEFU_COMPLAINT_SORT_CUSTOMER ? "complaints.caller_name"
                               : sort == KEFU_COMPLAINT_SORT_REFERENCE ? "complaints.reference"
                               : "complaints.received_at",
                               dir, dir);
      ok = append_ids (self, ids, &q, from, NULL, order, NULL, NULL, FALSE, REMAINING (),
                       cancellable, error);
      break;
    }
#undef REMAINING
#undef FULL
  query_clear (&q);
  return ok ? g_steal_pointer (&ids) : NULL;
}

/**
 * kefu_store_list_complaint_ids:
 * @filter: (nullable): which complaints; %NULL for all
 * @sort: the column to sort by; ties go by id (of the call for the call's columns), in the
 *   same direction
 * @descending: largest first (complaints without a deadline stay last either way)
 *
 * Returns: (transfer full) (element-type gint64): the ids of every complaint matching @filter,
 *   of any stage, sorted
 */
GArray *
kefu_store_list_complaint_ids (KefuStore                 *self,
                               const KefuComplaintFilter *filter,
                               KefuComplaintSort          sort,
                               gboolean                   descending,
                               GCancellable              *cancellable,
                               GError                   **error)
{
  g_autoptr(KefuComplaintFilter) all = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = all = kefu_complaint_filter_new ();
  return list_ids (self, filter, sort, descending, 0, cancellable, error);
}

/* How many complaints match `filter`: one count(*) with the list's conditions. */
static gboolean
count_complaints (KefuStore                 *self,
                  const KefuComplaintFilter *filter,
                  gint64                    *n_total,
                  GCancellable              *cancellable,
                  GError                   **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM complaints");
  g_autoptr(GArray) counts = NULL;
  Query q;

  query_init (&q);
  query_add_filter (&q, filter, FALSE);
  if (q.where->len > 0)
    g_string_append_printf (sql, " WHERE %s", q.where->str);
  counts = _kefu_store_query_int64_column (self, sql->str, query_params (&q, NULL),
                                           cancellable, error);
  query_clear (&q);
  if (counts == NULL)
    return FALSE;
  *n_total = counts->len > 0 ? g_array_index (counts, gint64, 0) : 0;
  return TRUE;
}

/**
 * kefu_store_list_complaint_ids_head:
 * @filter: (nullable): which complaints; %NULL for all
 * @n_head: how many ids at most (more than 0)
 * @n_total: (out) (optional): how many the whole list has, or -1 for a text search whose
 *   count would cost as much as the whole list
 *
 * The beginning of kefu_store_list_complaint_ids()'s list, for showing its top rows before the
 * whole list is read. The owner's sort reads the whole list either way (its one scan cannot stop
 * early), so it returns all of it, with @n_total its length: the caller has nothing left to read.
 *
 * Returns: (transfer full) (element-type gint64): the first @n_head ids (or every id, see above),
 *   in the list's order
 */
GArray *
kefu_store_list_complaint_ids_head (KefuStore                 *self,
                                    const KefuComplaintFilter *filter,
                                    KefuComplaintSort          sort,
                                    gboolean                   descending,
                                    guint                      n_head,
                                    gint64                    *n_total,
                                    GCancellable              *cancellable,
                                    GError                   **error)
{
  g_autoptr(KefuComplaintFilter) all = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 count;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (n_head > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = all = kefu_complaint_filter_new ();
  ids = list_ids (self, filter, sort, descending,
                  sort == KEFU_COMPLAINT_SORT_OWNER ? 0 : n_head, cancellable, error);
  if (ids == NULL)
    return NULL;
  /* A list read whole, or a head shorter than asked for, is its own count. A text search is
   * counted only by matching every complaint's text, as long as reading the whole list: the
   * caller learns the length from that read instead (-1). */
  if (sort == KEFU_COMPLAINT_SORT_OWNER || ids->len < n_head)
    count = ids->len;
  else if (filter->text != NULL && filter->text[0] != '\0')
    count = -1;
  else if (!count_complaints (self, filter, &count, cancellable, error))
    return NULL;
  if (n_total != NULL)
    *n_total = count;
  return g_steal_pointer (&ids);
}

/* Pages are read with IN lists of a few fixed lengths (padded with the first id), so that the
 * backends' statement caches hold five statements rather than one per page length. */
static const guint in_list_sizes[] = { 1, 8, 32, 128, 256 };

static gboolean
read_cards (KefuStore     *self,
            const gint64  *ids,
            guint          n_ids,
            GHashTable    *cards,
            GCancellable  *cancellable,
            GError       **error)
{
  guint size = in_list_sizes[G_N_ELEMENTS (in_list_sizes) - 1];
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(KefuRows) rows = NULL;
  GVariantBuilder params;

  for (guint i = 0; i < G_N_ELEMENTS (in_list_sizes); i++)
    if (in_list_sizes[i] >= n_ids)
      {
        size = in_list_sizes[i];
        break;
      }
  g_assert (n_ids > 0 && n_ids <= size);

  g_string_append (sql, _kefu_complaint_card_columns);
  g_string_append (sql, " FROM " KEFU_COMPLAINT_CARD_FROM " WHERE complaints.id IN (");
  g_variant_builder_init (&params, G_VARIANT_TYPE_TUPLE);
  for (guint i = 0; i < size; i++)
    {
      g_string_append_printf (sql, i > 0 ? ", $%u" : "$%u", i + 1);
      g_variant_builder_add (&params, "x", ids[i < n_ids ? i : 0]);
    }
  g_string_append_c (sql, ')');

  rows = _kefu_store_query (self, sql->str, g_variant_builder_end (&params), cancellable, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      KefuComplaintCard *card = _kefu_store_complaint_card_from_row (rows, i);
      gint64 id = kefu_complaint_card_get_id (card);

      g_hash_table_replace (cards, g_memdup2 (&id, sizeof id), card);
    }
  return TRUE;
}

/**
 * kefu_store_get_complaint_cards:
 * @ids: (array length=n_ids): complaint ids
 *
 * Returns: (transfer full) (element-type KefuComplaintCard): the cards of @ids in the same
 *   order; ids that are no longer there are left out
 */
GPtrArray *
kefu_store_get_complaint_cards (KefuStore     *self,
                                const gint64  *ids,
                                guint          n_ids,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GHashTable) cards = NULL;
  GPtrArray *result;
  const guint page = in_list_sizes[G_N_ELEMENTS (in_list_sizes) - 1];

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint start = 0; start < n_ids; start += page)
    if (!read_cards (self, ids + start, MIN (page, n_ids - start), cards, cancellable, error))
      return NULL;

  result = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      KefuComplaintCard *card = g_hash_table_lookup (cards, &ids[i]);

      if (card != NULL)
        g_ptr_array_add (result, g_object_ref (card));
    }
  return result;
}

/**
 * kefu_store_get_complaint_card:
 *
 * Returns: (transfer full): the complaint's card, or %NULL with %KEFU_STORE_ERROR_NOT_FOUND
 */
KefuComplaintCard *
kefu_store_get_complaint_card (KefuStore     *self,
                               gint64         complaint_id,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GPtrArray) cards = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cards = kefu_store_get_complaint_cards (self, &complaint_id, 1, cancellable, error);
  if (cards == NULL)
    return NULL;
  if (cards->len == 0)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                   _("There is no complaint with number %lld. Reload the board."),
                   (long long) complaint_id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (cards, 0));
}

/**
 * kefu_store_find_complaint_by_call:
 *
 * Returns: the id of the call's complaint, 0 when the call is not a complaint (or on an error,
 *   with @error set)
 */
gint64
kefu_store_find_complaint_by_call (KefuStore     *self,
                                   gint64         call_id,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  rows = _kefu_store_query (self, "SELECT id FROM complaints WHERE call_id = $1",
                            g_variant_new ("(x)", call_id), cancellable, error);
  if (rows == NULL || kefu_rows_get_n_rows (rows) == 0)
    return 0;
  return kefu_rows_get_int (rows, 0, 0);
}

/**
 * kefu_store_count_open_complaints:
 * @n_open: (out) (optional): open complaints
 * @n_urgent: (out) (optional): of them, urgent ones
 * @n_overdue: (out) (optional): of them, past their deadline now
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
kefu_store_count_open_complaints (KefuStore     *self,
                                  gint64        *n_open,
                                  gint64        *n_urgent,
                                  gint64        *n_overdue,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = kefu_time_to_db (now);
  g_autoptr(KefuRows) rows = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rows = _kefu_store_query (self,
                            "SELECT COUNT(*), "
                            "COALESCE(SUM(CASE WHEN urgent THEN 1 ELSE 0 END), 0), "
                            "COALESCE(SUM(CASE WHEN due_at < $1 THEN 1 ELSE 0 END), 0) "
                            "FROM complaints WHERE stage IN (" OPEN_STAGES ")",
                            g_variant_new ("(s)", now_text), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (n_open != NULL)
    *n_open = kefu_rows_get_int (rows, 0, 0);
  if (n_urgent != NULL)
    *n_urgent = kefu_rows_get_int (rows, 0, 1);
  if (n_overdue != NULL)
    *n_overdue = kefu_rows_get_int (rows, 0, 2);
  return TRUE;
}
