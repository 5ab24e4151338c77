/* kefu-store-reports-tables.c: the period of a report, and each report as rows of texts with
 * their column headers in the user's language (kefu-store-reports.h), which the CSV and PDF
 * exports and the reports dialog show.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "kefu-store-reports-private.h"

void
kefu_report_query_init (KefuReportQuery *query,
                        const GDate     *first,
                        const GDate     *last,
                        gint64           department_id,
                        gint64           clerk_id)
{
  g_return_if_fail (query != NULL);
  g_return_if_fail (first != NULL && last != NULL);

  query->first = *first;
  query->last = *last;
  query->department_id = department_id;
  query->clerk_id = clerk_id;
}

gboolean
_kefu_report_query_is_valid (const KefuReportQuery *query)
{
  return query != NULL && g_date_valid (&query->first) && g_date_valid (&query->last) &&
         g_date_compare (&query->first, &query->last) <= 0 &&
         g_date_days_between (&query->first, &query->last) < KEFU_REPORT_MAX_DAYS &&
         query->department_id >= 0 && query->clerk_id >= 0;
}

GVariant *
_kefu_report_query_params (const KefuReportQuery *query,
                           const char            *from,
                           const char            *to)
{
  return g_variant_new ("(ssxx)", from, to, query->department_id, query->clerk_id);
}

void
kefu_report_table_free (KefuReportTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_strfreev (table->headers);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_strfreev (table->totals);
  g_free (table);
}

static KefuReportTable *
table_new (const char        *title,
           const char *const *headers)
{
  KefuReportTable *table = g_new0 (KefuReportTable, 1);

  table->title = g_strdup (title);
  table->headers = g_strdupv ((char **) headers);
  table->n_columns = g_strv_length (table->headers);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

/* A row of `n` texts (taken) as a NULL-terminated array. */
static char **
row_take (guint  n,
          char **texts)
{
  char **row = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    row[i] = texts[i] != NULL ? texts[i] : g_strdup ("");
  return row;
}

static char *
count_text (guint n)
{
  return g_strdup_printf ("%u", n);
}

static char *
day_text (const GDate *day)
{
  char text[16];

  if (day == NULL || !g_date_valid (day))
    return g_strdup ("");
  g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (day),
              g_date_get_month (day), g_date_get_day (day));
  return g_strdup (text);
}

/* "2026-11-27 14:30" in local time; "" for none. */
static char *
time_text (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* The daily call log */

KefuReportTable *
kefu_call_log_to_table (const KefuCallLog *log)
{
  const char *headers[] = {
    /* Translators: column headers of the daily call log (每日来电记录). */
    C_("call log", "Day"), C_("call log", "Clerk"), C_("call log", "Orders"),
    C_("call log", "Complaints"), C_("call log", "Inquiries"), C_("call log", "Total"),
    C_("call log", "Converted to orders"), NULL,
  };
  KefuReportTable *table;
  const KefuCallLogRow *t;

  g_return_val_if_fail (log != NULL, NULL);

  table = table_new (_("Daily Call Log by Clerk"), headers);
  for (guint i = 0; i < log->rows->len; i++)
    {
      const KefuCallLogRow *r = &g_array_index (log->rows, KefuCallLogRow, i);
      char *texts[] = {
        day_text (&r->day), g_strdup (r->clerk_name), count_text (r->orders),
        count_text (r->complaints), count_text (r->inquiries), count_text (r->total),
        count_text (r->converted),
      };

      g_ptr_array_add (table->rows, row_take (G_N_ELEMENTS (texts), texts));
    }
  t = &log->totals;
  {
    char *texts[] = {
      g_strdup (C_("report", "Total")), g_strdup (""), count_text (t->orders),
      count_text (t->complaints), count_text (t->inquiries), count_text (t->total),
      count_text (t->converted),
    };

    table->totals = row_take (G_N_ELEMENTS (texts), texts);
  }
  return table;
}

char **
kefu_call_entry_headers (void)
{
  const char *headers[] = {
    /* Translators: column headers of the list of every call of a period. */
    C_("call list", "Received"), C_("call list", "Reference"), C_("call list", "Kind"),
    C_("call list", "Caller"), C_("call list", "Phone"), C_("call list", "Clerk"),
    C_("call list", "Summary"), NULL,
  };

  return g_strdupv ((char **) headers);
}

char **
kefu_call_entry_to_row (const KefuCallEntry *entry)
{
  char *texts[7];

  g_return_val_if_fail (entry != NULL, NULL);

  texts[0] = time_text (entry->received_at);
  texts[1] = g_strdup (entry->reference);
  texts[2] = g_strdup (kefu_call_kind_get_display_name (entry->kind));
  texts[3] = g_strdup (entry->caller_name);
  texts[4] = g_strdup (entry->phone);
  texts[5] = g_strdup (entry->clerk_name);
  texts[6] = g_strdup (entry->summary);
  return row_take (G_N_ELEMENTS (texts), texts);
}

/* The complaint register */

const char *
kefu_complaint_register_category (const KefuComplaintRegisterRow *row)
{
  g_return_val_if_fail (row != NULL, "");

  if (!row->well_founded)
    return _("Not well founded");
  if (row->category == KEFU_COMPLAINT_CATEGORY_UNSPECIFIED)
    return "";
  return kefu_complaint_category_get_display_name (row->category);
}

const char *
kefu_complaint_register_issue (const KefuComplaintRegisterRow *row)
{
  g_return_val_if_fail (row != NULL, "");

  if (!row->well_founded)
    return "";
  if (row->category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY &&
      row->symptom != KEFU_PRODUCT_SYMPTOM_UNSPECIFIED)
    return kefu_product_symptom_get_display_name (row->symptom);
  if (row->category == KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY &&
      row->service_issue != KEFU_SERVICE_ISSUE_UNSPECIFIED)
    return kefu_service_issue_get_display_name (row->service_issue);
  return "";
}

KefuReportTable *
kefu_complaint_register_to_table (const KefuComplaintRegister *reg)
{
  const char *headers[] = {
    /* Translators: column headers of the complaint register (投诉登记表). */
    C_("register", "Reference"), C_("register", "Received"), C_("register", "Caller"),
    C_("register", "Phone"), C_("register", "Owner"), C_("register", "Category"),
    C_("register", "Symptom or issue"), C_("register", "Subject"),
    C_("register", "Departments"), C_("register", "Stage"), C_("register", "Acknowledged"),
    C_("register", "Resolved"), C_("register", "Closed"), C_("register", "Resolution"),
    C_("register", "Satisfaction"), C_("register", "Harmed"), NULL,
  };
  KefuReportTable *table;

  g_return_val_if_fail (reg != NULL, NULL);

  table = table_new (_("Complaint Register"), headers);
  for (guint i = 0; i < reg->rows->len; i++)
    {
      const KefuComplaintRegisterRow *r = &g_array_index (reg->rows, KefuComplaintRegisterRow,
                                                          i);
      char *texts[] = {
        g_strdup (r->reference), time_text (r->received_at), g_strdup (r->caller_name),
        g_strdup (r->phone), g_strdup (r->owner_name),
        g_strdup (kefu_complaint_register_category (r)),
        g_strdup (kefu_complaint_register_issue (r)), g_strdup (r->subject),
        g_strdup (r->departments), g_strdup (kefu_complaint_stage_get_display_name (r->stage)),
        time_text (r->acknowledged_at), time_text (r->resolved_at), time_text (r->closed_at),
        g_strdup (r->resolution),
        g_strdup (r->satisfaction != KEFU_SATISFACTION_UNSPECIFIED ?
                  kefu_satisfaction_get_display_name (r->satisfaction) : ""),
        g_strdup (r->harmed ? C_("field value", "Yes") : C_("field value", "No")),
      };

      g_ptr_array_add (table->rows, row_take (G_N_ELEMENTS (texts), texts));
    }
  {
    /* Translators: the totals row of the complaint register: the complaints, then how many
     * of them are of each category, harmed and closed. */
    char *texts[] = {
      g_strdup (C_("report", "Total")),
      g_strdup_printf (ngettext ("%u complaint", "%u complaints", reg->rows->len),
                       reg->rows->len),
      g_strdup (""), g_strdup (""), g_strdup (""),
      g_strdup_printf (_("Product %u, service %u, not well founded %u"), reg->product,
                       reg->service, reg->not_founded),
      g_strdup (""), g_strdup (""), g_strdup (""),
      g_strdup_printf (_("%u closed"), reg->closed), g_strdup (""), g_strdup (""),
      g_strdup (""), g_strdup (""), g_strdup (""),
      g_strdup_printf (_("%u harmed"), reg->harmed),
    };

    table->totals = row_take (G_N_ELEMENTS (texts), texts);
  }
  return table;
}

/* The origin analysis */

char *
kefu_origin_shipped_share (const KefuOriginRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  if (row->shipment_requests == 0)
    return g_strdup ("–");
  return g_strdup_printf ("%.0f%%", 100.0 * row->shipped / row->shipment_requests);
}

static char **
origin_texts (const KefuOriginRow *row,
              const char          *name)
{
  char *texts[] = {
    g_strdup (name), count_text (row->order_calls), count_text (row->out_of_area),
    count_text (row->shipment_requests), count_text (row->shipped),
    kefu_origin_shipped_share (row),
  };

  return row_take (G_N_ELEMENTS (texts), texts);
}

KefuReportTable *
kefu_origin_report_to_table (const KefuOriginReport *report)
{
  const char *headers[] = {
    /* Translators: column headers of the logistics origin analysis (发货地分析). */
    C_("origins", "District"), C_("origins", "Order calls"),
    C_("origins", "Outside the service area"), C_("origins", "Shipment requests"),
    C_("origins", "Shipped"), C_("origins", "Share shipped"), NULL,
  };
  KefuReportTable *table;

  g_return_val_if_fail (report != NULL, NULL);

  table = table_new (_("Logistics Origin Analysis"), headers);
  for (guint i = 0; i < report->rows->len; i++)
    {
      const KefuOriginRow *r = &g_array_index (report->rows, KefuOriginRow, i);

      g_ptr_array_add (table->rows,
                       origin_texts (r, r->district != NULL ? r->district
                                                            : _("Unknown district")));
    }
  table->totals = origin_texts (&report->totals, C_("report", "Total"));
  return table;
}
