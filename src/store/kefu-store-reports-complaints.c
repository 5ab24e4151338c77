/* kefu-store-reports-complaints.c: the complaint register (投诉登记表, kefu-store-reports.h):
 * every complaint received in the period that is not archived, with the departments it was
 * routed to.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "core/kefu-enums.h"
#include "kefu-store-reports-private.h"

/* The complaints of the period ($1, $2), of the owner's team ($3) or the owner ($4), not
 * archived. complaints.received_at is the call's, copied (schema step 3). */
#define COMPLAINTS_OF_PERIOD \
  " FROM complaints LEFT JOIN staff AS owner ON owner.id = complaints.owner_id" \
  " WHERE complaints.received_at >= $1 AND complaints.received_at < $2" \
  " AND complaints.archived_at IS NULL" \
  " AND (CAST($3 AS BIGINT) = 0 OR owner.department_id = CAST($3 AS BIGINT))" \
  " AND (CAST($4 AS BIGINT) = 0 OR complaints.owner_id = CAST($4 AS BIGINT))"

#define REGISTER_SQL \
  "SELECT complaints.id, complaints.reference, complaints.received_at, " \
  "complaints.caller_name, complaints.phone, complaints.owner_id, owner.name, " \
  "complaints.well_founded, complaints.category, complaints.symptom, " \
  "complaints.service_issue, complaints.subject, complaints.stage, " \
  "complaints.acknowledged_at, complaints.resolved_at, complaints.closed_at, " \
  "complaints.resolution, complaints.satisfaction, complaints.harmed" \
  COMPLAINTS_OF_PERIOD \
  " ORDER BY complaints.received_at, complaints.id"

/* The routed departments of the same complaints, in the order the departments were created
 * within each complaint (the same on both backends, whatever the server's collation). */
#define ROUTES_SQL \
  "SELECT complaint_routes.complaint_id, departments.name" \
  " FROM complaint_routes JOIN departments ON departments.id = complaint_routes.department_id" \
  " JOIN complaints ON complaints.id = complaint_routes.complaint_id" \
  " LEFT JOIN staff AS owner ON owner.id = complaints.owner_id" \
  " WHERE complaints.received_at >= $1 AND complaints.received_at < $2" \
  " AND complaints.archived_at IS NULL" \
  " AND (CAST($3 AS BIGINT) = 0 OR owner.department_id = CAST($3 AS BIGINT))" \
  " AND (CAST($4 AS BIGINT) = 0 OR complaints.owner_id = CAST($4 AS BIGINT))" \
  " ORDER BY complaint_routes.complaint_id, departments.id"

static void
register_row_clear (gpointer data)
{
  KefuComplaintRegisterRow *row = data;

  g_clear_pointer (&row->reference, g_free);
  g_clear_pointer (&row->received_at, g_date_time_unref);
  g_clear_pointer (&row->caller_name, g_free);
  g_clear_pointer (&row->phone, g_free);
  g_clear_pointer (&row->owner_name, g_free);
  g_clear_pointer (&row->subject, g_free);
  g_clear_pointer (&row->departments, g_free);
  g_clear_pointer (&row->acknowledged_at, g_date_time_unref);
  g_clear_pointer (&row->resolved_at, g_date_time_unref);
  g_clear_pointer (&row->closed_at, g_date_time_unref);
  g_clear_pointer (&row->resolution, g_free);
}

void
kefu_complaint_register_free (KefuComplaintRegister *reg)
{
  if (reg == NULL)
    return;
  g_clear_pointer (&reg->rows, g_array_unref);
  g_free (reg);
}

static gboolean
read_departments (KefuStore              *self,
                  KefuComplaintRegister  *reg,
                  GVariant               *params,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autoptr(KefuRows) rows = _kefu_store_query (self, ROUTES_SQL, params, cancellable, error);
  g_autoptr(GHashTable) by_id = NULL;  /* complaint id → GString of names */

  if (rows == NULL)
    return FALSE;
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                 g_free);
  /* The names joined in SQL's order, one complaint's rows after the other. */
  {
    gint64 current = 0;
    g_autoptr(GString) names = g_string_new (NULL);

    for (guint r = 0; r <= kefu_rows_get_n_rows (rows); r++)
      {
        gboolean at_end = r == kefu_rows_get_n_rows (rows);
        gint64 id = at_end ? 0 : kefu_rows_get_int (rows, r, 0);

        if ((at_end || id != current) && current != 0)
          {
            gint64 *key = g_new (gint64, 1);

            *key = current;
            g_hash_table_insert (by_id, key, g_strdup (names->str));
            g_string_truncate (names, 0);
          }
        if (at_end)
          break;
        current = id;
        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append (names, kefu_rows_get_text (rows, r, 1));
      }
  }
  for (guint i = 0; i < reg->rows->len; i++)
    {
      KefuComplaintRegisterRow *row = &g_array_index (reg->rows, KefuComplaintRegisterRow, i);
      const char *names = g_hash_table_lookup (by_id, &row->complaint_id);

      row->departments = g_strdup (names != NULL ? names : "");
    }
  return TRUE;
}

/**
 * kefu_store_report_complaints:
 *
 * Returns: (transfer full): the complaint register of the period, NULL with @error set
 */
KefuComplaintRegister *
kefu_store_report_complaints (KefuStore              *self,
                              const KefuReportQuery  *query,
                              GCancellable           *cancellable,
                              GError                **error)
{
  g_autoptr(KefuComplaintRegister) reg = NULL;
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GVariant) params = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (_kefu_report_query_is_valid (query), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _kefu_store_local_days_bounds (&query->first, &query->last, &from, &to);
  params = g_variant_ref_sink (_kefu_report_query_params (query, from, to));
  rows = _kefu_store_query (self, REGISTER_SQL, params, cancellable, error);
  if (rows == NULL)
    return NULL;

  reg = g_new0 (KefuComplaintRegister, 1);
  reg->query = *query;
  reg->rows = g_array_sized_new (FALSE, TRUE, sizeof (KefuComplaintRegisterRow),
                                 kefu_rows_get_n_rows (rows));
  g_array_set_clear_func (reg->rows, register_row_clear);
  for (guint r = 0; r < kefu_rows_get_n_rows (rows); r++)
    {
      KefuComplaintRegisterRow row = { 0 };

      row.complaint_id = kefu_rows_get_int (rows, r, 0);
      row.reference = g_strdup (kefu_rows_get_text (rows, r, 1));
      row.received_at = kefu_rows_get_time (rows, r, 2);
      row.caller_name = g_strdup (kefu_rows_get_text (rows, r, 3));
      row.phone = g_strdup (kefu_rows_get_text (rows, r, 4));
      row.owner_id = kefu_rows_get_int (rows, r, 5);
      row.owner_name = g_strdup (kefu_rows_get_text (rows, r, 6));
      row.well_founded = kefu_rows_get_bool (rows, r, 7);
      row.category = _kefu_store_enum_from_nick (KEFU_TYPE_COMPLAINT_CATEGORY,
                                                 kefu_rows_get_text (rows, r, 8),
                                                 KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);
      row.symptom = _kefu_store_enum_from_nick (KEFU_TYPE_PRODUCT_SYMPTOM,
                                                kefu_rows_get_text (rows, r, 9),
                                                KEFU_PRODUCT_SYMPTOM_UNSPECIFIED);
      row.service_issue = _kefu_store_enum_from_nick (KEFU_TYPE_SERVICE_ISSUE,
                                                      kefu_rows_get_text (rows, r, 10),
                                                      KEFU_SERVICE_ISSUE_UNSPECIFIED);
      row.subject = g_strdup (kefu_rows_get_text (rows, r, 11));
      row.stage = _kefu_store_enum_from_nick (KEFU_TYPE_COMPLAINT_STAGE,
                                              kefu_rows_get_text (rows, r, 12),
                                              KEFU_COMPLAINT_STAGE_NEW);
      row.acknowledged_at = kefu_rows_get_time (rows, r, 13);
      row.resolved_at = kefu_rows_get_time (rows, r, 14);
      row.closed_at = kefu_rows_get_time (rows, r, 15);
      row.resolution = g_strdup (kefu_rows_get_text (rows, r, 16));
      row.satisfaction = _kefu_store_enum_from_nick (KEFU_TYPE_SATISFACTION,
                                                     kefu_rows_get_text (rows, r, 17),
                                                     KEFU_SATISFACTION_UNSPECIFIED);
      row.harmed = kefu_rows_get_bool (rows, r, 18);

      if (!row.well_founded)
        reg->not_founded++;
      else if (row.category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
        reg->product++;
      else if (row.category == KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY)
        reg->service++;
      if (row.harmed)
        reg->harmed++;
      if (row.stage == KEFU_COMPLAINT_STAGE_CLOSED || row.stage == KEFU_COMPLAINT_STAGE_EXPLAINED)
        reg->closed++;
      g_array_append_val (reg->rows, row);
    }

  if (!read_departments (self, reg, params, cancellable, error))
    return NULL;
  return g_steal_pointer (&reg);
}
