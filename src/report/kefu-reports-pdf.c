/* kefu-reports-pdf.c: the managers' reports as printed documents (kefu-reports-export.h): the
 * title, the period and the team under it, the table with its header repeated on every page,
 * and the totals.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-print"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "kefu-reports-private.h"

/* A new document titled `title` with the period and the team under it. */
KefuPrintDocument *
_kefu_report_document_new (const char            *title,
                           const KefuReportQuery *query,
                           const char            *subject)
{
  g_autofree char *first = kefu_print_format_day (&query->first);
  g_autofree char *last = kefu_print_format_day (&query->last);
  g_autofree char *period = NULL;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  KefuPrintDocument *document;

  /* Translators: a report's period, its first and last days, "2026-11-01 – 2026-11-30". */
  period = g_strdup_printf (_("%s – %s"), first, last);
  document = kefu_print_document_new (title, period);
  /* Translators: under the report's title, "Period: 2026-11-01 – 2026-11-30". */
  left = g_strdup_printf (_("Period: %s"), period);
  /* Translators: under the report's title, the team or clerk it is about, "Team: 客服一组". */
  right = g_strdup_printf (_("Team: %s"), subject != NULL && *subject != '\0' ?
                           subject : _("All teams"));
  kefu_print_document_add_header_full (document, left, right);
  return document;
}

/* The table of `table` with `widths`, its rows and totals; `empty` when it has no rows. */
static void
add_table (KefuPrintDocument     *document,
           const KefuReportTable *table,
           const double          *widths,
           const char            *empty)
{
  int index = kefu_print_document_add_table_head (document, table->n_columns,
                                                  (const char * const *) table->headers,
                                                  widths);

  if (table->rows->len == 0)
    {
      const char *cells[KEFU_PRINT_MAX_CELLS] = { empty };

      kefu_print_document_add_table_row (document, index, cells);
    }
  for (guint i = 0; i < table->rows->len; i++)
    kefu_print_document_add_table_row (document, index,
                                       (const char * const *) table->rows->pdata[i]);
  if (table->totals != NULL)
    kefu_print_document_add_table_totals (document, index,
                                          (const char * const *) table->totals);
}

KefuPrintDocument *
kefu_call_log_document (const KefuCallLog *log,
                        const char        *subject)
{
  static const double widths[] = { 0.15, 0.17, 0.11, 0.14, 0.12, 0.11, 0.20 };
  g_autoptr(KefuReportTable) table = NULL;
  KefuPrintDocument *document;

  g_return_val_if_fail (log != NULL, NULL);

  table = kefu_call_log_to_table (log);
  document = _kefu_report_document_new (table->title, &log->query, subject);
  add_table (document, table, widths, _("No calls in this period."));
  return document;
}

/* "11-04 17:27": a time of the register's period on the page, the year being the period's. */
static char *
short_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%m-%d %H:%M");
}

/* The register's compact form for the page: seven columns, several facts a cell. */
KefuPrintDocument *
kefu_complaint_register_document (const KefuComplaintRegister *reg,
                                  const char                  *subject)
{
  static const double widths[] = { 0.18, 0.14, 0.12, 0.14, 0.10, 0.16, 0.16 };
  const char *titles[] = {
    /* Translators: columns of the printed complaint register. */
    C_("register", "Complaint"), C_("register", "Caller"), C_("register", "Category"),
    C_("register", "Departments"), C_("register", "Stage, callback"), C_("register", "Times"),
    C_("register", "Resolution"),
  };
  g_autofree char *count = NULL;
  g_autofree char *split = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *harmed = NULL;
  KefuPrintDocument *document;
  int table;

  g_return_val_if_fail (reg != NULL, NULL);

  document = _kefu_report_document_new (_("Complaint Register"), &reg->query, subject);
  count = g_strdup_printf ("%u", reg->rows->len);
  closed = g_strdup_printf ("%u", reg->closed);
  harmed = g_strdup_printf ("%u", reg->harmed);
  /* Translators: the complaints of a period by category, on the printed register. */
  split = g_strdup_printf (_("Product %u, service %u, not well founded %u"), reg->product,
                           reg->service, reg->not_founded);
  kefu_print_document_add_pairs (document, _("Complaints"), count, _("By category"), split);
  kefu_print_document_add_pairs (document, _("Closed"), closed, _("Customer harmed"), harmed);

  table = kefu_print_document_add_table_head (document, G_N_ELEMENTS (titles), titles, widths);
  if (reg->rows->len == 0)
    {
      const char *cells[KEFU_PRINT_MAX_CELLS] = { _("No complaints in this period.") };

      kefu_print_document_add_table_row (document, table, cells);
    }
  for (guint i = 0; i < reg->rows->len; i++)
    {
      const KefuComplaintRegisterRow *r = &g_array_index (reg->rows, KefuComplaintRegisterRow,
                                                          i);
      g_autofree char *received = kefu_print_format_time (r->received_at);
      g_autofree char *acknowledged = short_time (r->acknowledged_at);
      g_autofree char *resolved = short_time (r->resolved_at);
      g_autofree char *closed_at = short_time (r->closed_at);
      g_autofree char *complaint = g_strdup_printf ("%s\n%s", r->reference, received);
      g_autofree char *caller = g_strdup_printf ("%s\n%s", r->caller_name != NULL ?
                                                 r->caller_name : "",
                                                 r->phone != NULL ? r->phone : "");
      const char *issue = kefu_complaint_register_issue (r);
      g_autofree char *category = *issue != '\0' ?
        g_strdup_printf ("%s\n%s", kefu_complaint_register_category (r), issue) :
        g_strdup (kefu_complaint_register_category (r));
      g_autoptr(GString) times = g_string_new (NULL);
      g_autoptr(GString) stage = g_string_new (kefu_complaint_stage_get_display_name (r->stage));
      const char *cells[7];

      /* Translators: the times of a complaint on the printed register, each over its time
       * ("11-04 17:27"). */
      if (*acknowledged != '\0')
        g_string_append_printf (times, _("Acknowledged\n%s\n"), acknowledged);
      if (*resolved != '\0')
        g_string_append_printf (times, _("Resolved\n%s\n"), resolved);
      if (*closed_at != '\0')
        g_string_append_printf (times, _("Closed\n%s\n"), closed_at);
      if (times->len > 0)
        g_string_truncate (times, times->len - 1);
      if (r->satisfaction != KEFU_SATISFACTION_UNSPECIFIED)
        g_string_append_printf (stage, "\n%s",
                                kefu_satisfaction_get_display_name (r->satisfaction));
      if (r->harmed)
        g_string_append_printf (stage, "\n%s", _("Customer harmed"));

      cells[0] = complaint;
      cells[1] = caller;
      cells[2] = category;
      cells[3] = r->departments;
      cells[4] = stage->str;
      cells[5] = times->str;
      cells[6] = r->resolution;
      kefu_print_document_add_table_row (document, table, cells);
    }
  return document;
}

KefuPrintDocument *
kefu_origin_report_document (const KefuOriginReport *report,
                             const char             *subject)
{
  static const double widths[] = { 0.24, 0.14, 0.17, 0.17, 0.14, 0.14 };
  g_autoptr(KefuReportTable) table = NULL;
  KefuPrintDocument *document;

  g_return_val_if_fail (report != NULL, NULL);

  table = kefu_origin_report_to_table (report);
  document = _kefu_report_document_new (table->title, &report->query, subject);
  add_table (document, table, widths, _("No order calls or shipment requests in this period."));
  return document;
}

typedef struct
{
  KefuPrintDocument *document;
  int                table;
  guint              n;
} CallListJob;

static gboolean
add_call (const KefuCallEntry  *entry,
          gpointer              user_data,
          GError              **error)
{
  CallListJob *job = user_data;
  g_auto(GStrv) row = NULL;

  if (++job->n > KEFU_REPORT_MAX_PDF_CALLS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   /* Translators: %u is the most calls a printed list holds. */
                   _("The period has more than %u calls, too many to print. Save the list as "
                     "CSV, or choose a shorter period."),
                   (guint) KEFU_REPORT_MAX_PDF_CALLS);
      return FALSE;
    }
  row = kefu_call_entry_to_row (entry);
  kefu_print_document_add_table_row (job->document, job->table, (const char * const *) row);
  return TRUE;
}

KefuPrintDocument *
_kefu_call_list_document (KefuStore              *store,
                          const KefuReportQuery  *query,
                          const char             *subject,
                          GCancellable           *cancellable,
                          GError                **error)
{
  static const double widths[] = { 0.13, 0.18, 0.11, 0.10, 0.14, 0.08, 0.26 };
  g_autoptr(KefuPrintDocument) document = NULL;
  g_auto(GStrv) headers = kefu_call_entry_headers ();
  CallListJob job = { 0 };
  g_autofree char *count = NULL;

  document = _kefu_report_document_new (_("Calls of the Period"), query, subject);
  job.document = document;
  job.table = kefu_print_document_add_table_head (document, g_strv_length (headers),
                                                  (const char * const *) headers, widths);
  if (!kefu_store_report_each_call (store, query, 0, add_call, &job, NULL, cancellable, error))
    return NULL;
  if (job.n == 0)
    {
      const char *cells[KEFU_PRINT_MAX_CELLS] = { _("No calls in this period.") };

      kefu_print_document_add_table_row (document, job.table, cells);
    }
  count = g_strdup_printf ("%u", job.n);
  kefu_print_document_add_pairs (document, _("Calls"), count, NULL, NULL);
  return g_steal_pointer (&document);
}
