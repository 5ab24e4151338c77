/* kefu-store-complaint-board.c: reading complaints for the escalation board: the card (one row
 * of the card columns), the board, cards by id and the sidebar's counts. The filter is in
 * kefu-store-complaint-board-filters.c, the list view's sorted ids in
 * kefu-store-complaint-board-ids.c. Every filter and sort runs in SQL with bound parameters; the
 * statement text is put together only from the constant fragments below.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "kefu-store-complaint-board-private.h"


/* The stages still being worked, as stored (kefu_complaint_stage_is_open ()). */
#define OPEN_STAGES "'new', 'routed', 'in-progress', 'reopened', 'resolved', 'called-back'"

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

/* The board's column order. */
static int
board_rank (KefuComplaintStage stage)
{
  switch (stage)
    {
    case KEFU_COMPLAINT_STAGE_NEW:         return 0;
    case KEFU_COMPLAINT_STAGE_ROUTED:      return 1;
    case KEFU_COMPLAINT_STAGE_IN_PROGRESS: return 2;
    case KEFU_COMPLAINT_STAGE_REOPENED:    return 3;
    case KEFU_COMPLAINT_STAGE_RESOLVED:    return 4;
    case KEFU_COMPLAINT_STAGE_CALLED_BACK: return 5;
    case KEFU_COMPLAINT_STAGE_CLOSED:      return 6;
    case KEFU_COMPLAINT_STAGE_EXPLAINED:
    default:                               return 7;
    }
}

static int
compare_times (GDateTime *a,
               GDateTime *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return g_date_time_compare (a, b);
}

/* Board order: by stage, urgent first, then by deadline (none last), then oldest first. */
static int
compare_board_cards (gconstpointer a,
                     gconstpointer b)
{
  KefuComplaintCard *x = *(KefuComplaintCard * const *) a;
  KefuComplaintCard *y = *(KefuComplaintCard * const *) b;
  gint64 x_id = kefu_complaint_card_get_id (x), y_id = kefu_complaint_card_get_id (y);
  int order = board_rank (kefu_complaint_card_get_stage (x)) -
              board_rank (kefu_complaint_card_get_stage (y));

  if (order == 0)
    order = (int) !kefu_complaint_card_get_urgent (x) - (int) !kefu_complaint_card_get_urgent (y);
  if (order == 0)
    order = compare_times (kefu_complaint_card_get_due_at (x), kefu_complaint_card_get_due_at (y));
  if (order == 0)
    order = compare_times (kefu_complaint_card_get_received_at (x),
                           kefu_complaint_card_get_received_at (y));
  if (order == 0)
    order = (x_id > y_id) - (x_id < y_id);
  return order;
}

/* The board's cards in board order. They are sorted here rather than by the database: over
 * 500,000 complaints PostgreSQL took 30-90 ms to sort the board's 6,000 wide rows by its keys
 * (the whole query 86-152 ms, 35-58 ms without them), a sort of the cards takes a few. */
static GListModel *
board_cards_from_rows (KefuRows   *rows,
                       GHashTable *department_names)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_full (kefu_rows_get_n_rows (rows), g_object_unref);
  GListStore *list = g_list_store_new (KEFU_TYPE_COMPLAINT_CARD);

  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    g_ptr_array_add (cards, card_from_row (rows, i, department_names));
  g_ptr_array_sort (cards, compare_board_cards);
  g_list_store_splice (list, 0, 0, cards->pdata, cards->len);
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
  KefuComplaintQuery q;
  GVariant *params;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = all = kefu_complaint_filter_new ();

  _kefu_complaint_query_init (&q);
  if (closed_days > 0)
    {
      g_autoptr(GDateTime) now = filter->now != NULL ? g_date_time_ref (filter->now)
                                                     : g_date_time_new_now_utc ();
      g_autoptr(GDateTime) since = g_date_time_add_days (now, -(gint) closed_days);
      g_autofree char *since_text = kefu_time_to_db (since);
      guint n = _kefu_complaint_query_param (&q, g_variant_new_string (since_text));

      /* Each side of the OR has its index: complaints_stage and complaints_closed_at. */
      _kefu_complaint_query_and (&q, "(complaints.stage IN (" OPEN_STAGES ") "
                                     "OR (complaints.stage = 'closed' "
                                     "AND complaints.closed_at >= $%u))", n);
    }
  else
    _kefu_complaint_query_and (&q, "complaints.stage IN (" OPEN_STAGES ")");
  _kefu_complaint_query_add_filter (&q, filter, TRUE);

  sql = g_string_new ("SELECT " BOARD_COLUMNS " FROM " KEFU_COMPLAINT_CARD_FROM BOARD_JOINS
                       " WHERE ");
  /* In board order once read (board_cards_from_rows ()). */
  g_string_append (sql, q.where->str);
  params = _kefu_complaint_query_params (&q, NULL);
  _kefu_complaint_query_clear (&q);

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
  return board_cards_from_rows (rows, names);
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
                            "FROM complaints WHERE stage IN (" OPEN_STAGES ") "
                            "AND complaints.archived_at IS NULL",
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
