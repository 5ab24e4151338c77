/* kefu-reports-export.c: the managers' reports written as CSV or PDF files, atomically
 * (kefu-reports-export.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-print"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-atomic-file.h"
#include "kefu-reports-private.h"

const char *
kefu_report_kind_get_title (KefuReportKind kind)
{
  switch (kind)
    {
    case KEFU_REPORT_CALL_LOG:
      return _("Daily Call Log by Clerk");
    case KEFU_REPORT_CALL_LIST:
      return _("Calls of the Period");
    case KEFU_REPORT_COMPLAINTS:
      return _("Complaint Register");
    case KEFU_REPORT_ORIGINS:
      return _("Logistics Origin Analysis");
    default:
      g_return_val_if_reached ("");
    }
}

char *
kefu_report_file_name (KefuReportKind          kind,
                       const KefuReportQuery  *query,
                       KefuReportFormat        format)
{
  /* File names stay ASCII: they travel by e-mail and USB sticks to every kind of system. */
  static const char *const stems[KEFU_REPORT_N_KINDS] = {
    "call-log", "calls", "complaint-register", "origin-analysis",
  };
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail ((guint) kind < KEFU_REPORT_N_KINDS, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  first = kefu_print_format_day (&query->first);
  last = kefu_print_format_day (&query->last);
  return g_strdup_printf ("%s-%s-%s.%s", stems[kind], first, last,
                          format == KEFU_REPORT_FORMAT_PDF ? "pdf" : "csv");
}

gboolean
kefu_report_table_write_csv (const KefuReportTable  *table,
                             const char             *path,
                             KefuCsvEncoding         encoding,
                             GError                **error)
{
  g_autoptr(KefuCsvWriter) writer = NULL;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer = kefu_csv_writer_new (path, encoding, error);
  if (writer == NULL ||
      !kefu_csv_writer_add_row (writer, (const char * const *) table->headers, error))
    return FALSE;
  for (guint i = 0; i < table->rows->len; i++)
    if (!kefu_csv_writer_add_row (writer, (const char * const *) table->rows->pdata[i], error))
      return FALSE;
  if (table->totals != NULL &&
      !kefu_csv_writer_add_row (writer, (const char * const *) table->totals, error))
    return FALSE;
  return kefu_csv_writer_finish (writer, error);
}

gboolean
kefu_call_log_write_csv (const KefuCallLog  *log,
                         const char         *path,
                         KefuCsvEncoding     encoding,
                         GError            **error)
{
  g_autoptr(KefuReportTable) table = NULL;

  g_return_val_if_fail (log != NULL, FALSE);

  table = kefu_call_log_to_table (log);
  return kefu_report_table_write_csv (table, path, encoding, error);
}

gboolean
kefu_complaint_register_write_csv (const KefuComplaintRegister  *reg,
                                   const char                   *path,
                                   KefuCsvEncoding               encoding,
                                   GError                      **error)
{
  g_autoptr(KefuReportTable) table = NULL;

  g_return_val_if_fail (reg != NULL, FALSE);

  table = kefu_complaint_register_to_table (reg);
  return kefu_report_table_write_csv (table, path, encoding, error);
}

gboolean
kefu_origin_report_write_csv (const KefuOriginReport  *report,
                              const char              *path,
                              KefuCsvEncoding          encoding,
                              GError                 **error)
{
  g_autoptr(KefuReportTable) table = NULL;

  g_return_val_if_fail (report != NULL, FALSE);

  table = kefu_origin_report_to_table (report);
  return kefu_report_table_write_csv (table, path, encoding, error);
}

static gboolean
write_call (const KefuCallEntry  *entry,
            gpointer              user_data,
            GError              **error)
{
  g_auto(GStrv) row = kefu_call_entry_to_row (entry);

  return kefu_csv_writer_add_row (user_data, (const char * const *) row, error);
}

gboolean
kefu_call_list_write_csv (KefuStore              *store,
                          const KefuReportQuery  *query,
                          const char             *path,
                          KefuCsvEncoding         encoding,
                          guint64                *n_calls,
                          GCancellable           *cancellable,
                          GError                **error)
{
  g_autoptr(KefuCsvWriter) writer = NULL;
  g_auto(GStrv) headers = kefu_call_entry_headers ();

  g_return_val_if_fail (KEFU_IS_STORE (store), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer = kefu_csv_writer_new (path, encoding, error);
  if (writer == NULL ||
      !kefu_csv_writer_add_row (writer, (const char * const *) headers, error))
    return FALSE;
  /* Each page of calls is written out before the next is read: the file never waits whole in
   * memory, nor do the rows. */
  if (!kefu_store_report_each_call (store, query, 0, write_call, writer, n_calls, cancellable,
                                    error))
    return FALSE;
  return kefu_csv_writer_finish (writer, error);
}

gboolean
kefu_report_document_save_pdf (KefuPrintDocument  *document,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(KefuAtomicFile) file = NULL;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = kefu_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  /* cairo writes the temporary file by its name; the commit moves it over `path`. */
  if (!kefu_print_document_write_pdf (document, kefu_atomic_file_get_temp_path (file), error))
    return FALSE;
  return kefu_atomic_file_commit (file, error);
}

KefuPrintDocument *
kefu_report_make_document (KefuStore              *store,
                           KefuReportKind          kind,
                           const KefuReportQuery  *query,
                           const char             *subject,
                           GCancellable           *cancellable,
                           GError                **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (kind)
    {
    case KEFU_REPORT_CALL_LOG:
      {
        g_autoptr(KefuCallLog) log = kefu_store_report_call_log (store, query, cancellable,
                                                                 error);

        return log != NULL ? kefu_call_log_document (log, subject) : NULL;
      }
    case KEFU_REPORT_CALL_LIST:
      return _kefu_call_list_document (store, query, subject, cancellable, error);
    case KEFU_REPORT_COMPLAINTS:
      {
        g_autoptr(KefuComplaintRegister) reg = kefu_store_report_complaints (store, query,
                                                                             cancellable,
                                                                             error);

        return reg != NULL ? kefu_complaint_register_document (reg, subject) : NULL;
      }
    case KEFU_REPORT_ORIGINS:
      {
        g_autoptr(KefuOriginReport) report = kefu_store_report_origins (store, query,
                                                                        cancellable, error);

        return report != NULL ? kefu_origin_report_document (report, subject) : NULL;
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
export_csv (KefuStore              *store,
            KefuReportKind          kind,
            const KefuReportQuery  *query,
            KefuCsvEncoding         encoding,
            const char             *path,
            guint64                *n_rows,
            GCancellable           *cancellable,
            GError                **error)
{
  g_autoptr(KefuReportTable) table = NULL;

  switch (kind)
    {
    case KEFU_REPORT_CALL_LIST:
      return kefu_call_list_write_csv (store, query, path, encoding, n_rows, cancellable, error);
    case KEFU_REPORT_CALL_LOG:
      {
        g_autoptr(KefuCallLog) log = kefu_store_report_call_log (store, query, cancellable,
                                                                 error);

        if (log == NULL)
          return FALSE;
        table = kefu_call_log_to_table (log);
        break;
      }
    case KEFU_REPORT_COMPLAINTS:
      {
        g_autoptr(KefuComplaintRegister) reg = kefu_store_report_complaints (store, query,
                                                                             cancellable,
                                                                             error);

        if (reg == NULL)
          return FALSE;
        table = kefu_complaint_register_to_table (reg);
        break;
      }
    case KEFU_REPORT_ORIGINS:
      {
        g_autoptr(KefuOriginReport) report = kefu_store_report_origins (store, query,
                                                                        cancellable, error);

        if (report == NULL)
          return FALSE;
        table = kefu_origin_report_to_table (report);
        break;
      }
    default:
      g_return_val_if_reached (FALSE);
    }
  if (n_rows != NULL)
    *n_rows = table->rows->len;
  return kefu_report_table_write_csv (table, path, encoding, error);
}

gboolean
kefu_report_export (KefuStore              *store,
                    KefuReportKind          kind,
                    const KefuReportQuery  *query,
                    const char             *subject,
                    KefuReportFormat        format,
                    KefuCsvEncoding         encoding,
                    const char             *path,
                    guint64                *n_rows,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autoptr(KefuPrintDocument) document = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) kind < KEFU_REPORT_N_KINDS, FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == KEFU_REPORT_FORMAT_CSV)
    return export_csv (store, kind, query, encoding, path, n_rows, cancellable, error);

  document = kefu_report_make_document (store, kind, query, subject, cancellable, error);
  if (document == NULL)
    return FALSE;
  if (n_rows != NULL)
    *n_rows = 0;
  return kefu_report_document_save_pdf (document, path, error);
}
