/* kefuctl-export.c: `kefuctl export customers FILE.csv [--query TEXT]`.
 *
 * Writes the customers as the customers pane lists them (by name), in the CSV that Excel and WPS
 * open directly on Chinese Windows: UTF-8 with a byte-order mark, CRLF line ends, and every cell
 * that a spreadsheet would run as a formula (= + - @) guarded (core/kefu-csv). The header names
 * are the import's, so that an exported file imports again. The file is written beside its final
 * name and moved over it at the end, so an interrupted export never leaves half a file.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "core/kefu-csv.h"
#include "core/kefu-customer-import.h"
#include "core/kefu-enums.h"
#include "kefuctl-private.h"

/* Customers read per page, as the list model of the pane reads them. */
#define PAGE_SIZE 1000

static char *opt_query;
static char *export_file;

static const GOptionEntry export_entries[] = {
  { "query", 'q', 0, G_OPTION_ARG_STRING, &opt_query,
    N_("Only the customers the customer search finds for TEXT (digits of a phone number, or "
       "part of a name)"), N_("TEXT") },
  { NULL }
};

static gboolean
export_take_arguments (int      argc,
                       char   **argv,
                       GError **error)
{
  if (argc < 2 || !g_str_equal (argv[0], "customers"))
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("Say what to export and to which file, e.g. "
                             "“kefuctl export customers customers.csv”."));
      return FALSE;
    }
  if (argc > 2)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   _("Unexpected argument “%s” after the file name."), argv[2]);
      return FALSE;
    }
  g_set_str (&export_file, argv[1]);
  return TRUE;
}

static void
append_header (GString *out)
{
  const char *fields[] = {
    kefu_import_field_get_display_name (KEFU_IMPORT_FIELD_NAME),
    kefu_import_field_get_display_name (KEFU_IMPORT_FIELD_PHONE),
    kefu_import_field_get_display_name (KEFU_IMPORT_FIELD_ADDRESS),
    kefu_import_field_get_display_name (KEFU_IMPORT_FIELD_DISTRICT),
    kefu_import_field_get_display_name (KEFU_IMPORT_FIELD_MEMBER),
    kefu_import_field_get_display_name (KEFU_IMPORT_FIELD_MEMBER_NUMBER),
    kefu_import_field_get_display_name (KEFU_IMPORT_FIELD_CHANNEL),
    kefu_import_field_get_display_name (KEFU_IMPORT_FIELD_NOTES),
    /* Translators: CSV column headers of an export; the import leaves these columns out. */
    C_("export column", "Assigned clerk"),
    C_("export column", "Last contact"),
    NULL,
  };

  kefu_csv_append_row (out, fields);
}

static void
append_customer (GString      *out,
                 KefuCustomer *customer)
{
  const char *const *phones = kefu_customer_get_phones (customer);
  g_autofree char *joined = phones != NULL ? g_strjoinv ("/", (char **) phones) : g_strdup ("");
  g_autofree char *last_contact = NULL;
  GDateTime *contact = kefu_customer_get_last_contact_at (customer);
  KefuChannel channel = kefu_customer_get_channel (customer);
  const char *fields[11];

  if (contact != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (contact);

      last_contact = g_date_time_format (local, "%Y-%m-%d %H:%M");
    }

  fields[0] = kefu_customer_get_name (customer);
  fields[1] = joined;
  fields[2] = kefu_customer_get_address (customer);
  fields[3] = kefu_customer_get_district (customer);
  /* Translators: the member column of a customer export; the import reads 是/否 and yes/no. */
  fields[4] = kefu_customer_get_is_member (customer) ? C_("member", "yes") : C_("member", "no");
  fields[5] = kefu_customer_get_member_number (customer);
  fields[6] = channel != KEFU_CHANNEL_UNSPECIFIED ? kefu_channel_get_display_name (channel) : "";
  fields[7] = kefu_customer_get_notes (customer);
  fields[8] = kefu_customer_get_assigned_clerk_name (customer);
  fields[9] = last_contact != NULL ? last_contact : "";
  fields[10] = NULL;
  for (guint i = 0; i < 10; i++)
    if (fields[i] == NULL)
      fields[i] = "";
  kefu_csv_append_row (out, fields);
}

/* Closes `stream` without replacing the file: an export that failed leaves the old file, or
 * none, never half of one. */
static void
abandon (GFileOutputStream *stream)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  g_cancellable_cancel (cancelled);
  g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
}

static gboolean
export_run (KefuStore  *store,
            GError    **error)
{
  KefuCustomerFilter filter = { .query = opt_query };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (export_file);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) start = NULL;
  g_autoptr(GError) local_error = NULL;
  KefuctlProgress progress;

  ids = kefu_store_list_customer_ids (store, &filter, KEFU_CUSTOMER_SORT_NAME, FALSE, NULL,
                                      error);
  if (ids == NULL)
    return FALSE;

  /* g_file_replace() writes a temporary file and renames it over the old one on close. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED, _("Could not write %s: %s"),
                   export_file, local_error->message);
      return FALSE;
    }

  kefuctl_progress_start (&progress);
  /* The header starts the file, after the BOM; the rows after it are UTF-8 as they are. */
  append_header (out);
  start = kefu_csv_encode_records (out->str, out->len, KEFU_CSV_ENCODING_UTF8_BOM, error);
  if (start == NULL)
    {
      abandon (stream);
      return FALSE;
    }
  g_string_truncate (out, 0);
  g_string_append_len (out, g_bytes_get_data (start, NULL), g_bytes_get_size (start));
  for (guint start = 0; start < ids->len; start += PAGE_SIZE)
    {
      guint n = MIN (PAGE_SIZE, ids->len - start);
      g_autoptr(GPtrArray) page = NULL;

      page = kefu_store_get_customers (store, &g_array_index (ids, gint64, start), n, NULL,
                                       error);
      if (page == NULL)
        {
          abandon (stream);
          return FALSE;
        }
      for (guint i = 0; i < page->len; i++)
        append_customer (out, g_ptr_array_index (page, i));
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), out->str, out->len, NULL, NULL,
                                      &local_error))
        break;
      g_string_truncate (out, 0);
      kefuctl_progress_update (&progress, _("Customers"), start + n, ids->len);
    }
  if (local_error == NULL && out->len > 0)
    g_output_stream_write_all (G_OUTPUT_STREAM (stream), out->str, out->len, NULL, NULL,
                               &local_error);
  if (local_error == NULL)
    g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error);
  if (local_error != NULL)
    {
      if (!g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
        abandon (stream);
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED, _("Could not write %s: %s"),
                   export_file, local_error->message);
      return FALSE;
    }

  g_print (ngettext ("Exported %u customer to %s.\n", "Exported %u customers to %s.\n",
                     ids->len),
           ids->len, export_file);
  return TRUE;
}

const KefuctlCommand kefuctl_export_command = {
  .name = "export",
  .summary = N_("Export customers to a CSV file"),
  .description = N_("Writes the customers, by name, to a CSV file that Excel and WPS open "
                    "directly: UTF-8 with a byte-order mark, Windows line ends, and cells that a "
                    "spreadsheet would run as formulas guarded. The columns are those the import "
                    "reads, so the file can be imported again."),
  .entries = export_entries,
  .must_exist = TRUE,
  .parameters = N_("customers FILE.csv"),
  .take_arguments = export_take_arguments,
  .run = export_run,
};
