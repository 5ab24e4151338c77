/* kefuctl-import.c: `kefuctl import customers FILE.csv [--merge | --skip] [--dry-run]`.
 *
 * The file is read as the import dialog reads it (core/kefu-csv, core/kefu-customer-import:
 * UTF-8 with or without a byte-order mark, or GBK/GB18030 as Excel writes it on Chinese
 * Windows; columns mapped by their headers in English or Chinese), every row that cannot be
 * imported is listed with its reasons, and the others go into the database in one transaction:
 * all of them or, when the database refuses one, none.
 *
 * Exit status: 0 when the rows that could be read were imported (rejected rows are reported, not
 * fatal), 1 when the file cannot be read or the database refused the import, 2 for a wrong
 * command line.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <stdio.h>

#include "core/kefu-csv.h"
#include "core/kefu-customer-import.h"
#include "kefuctl-private.h"

static gboolean opt_merge;
static gboolean opt_skip;
static gboolean opt_dry_run;
static char *import_file;

static const GOptionEntry import_entries[] = {
  { "merge", 0, 0, G_OPTION_ARG_NONE, &opt_merge,
    N_("A customer whose phone number is stored already gets the file's non-empty fields and "
       "its other numbers"), NULL },
  { "skip", 0, 0, G_OPTION_ARG_NONE, &opt_skip,
    N_("A customer whose phone number is stored already is left as it is (the default)"), NULL },
  { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opt_dry_run,
    N_("Only show what the import would do; change nothing"), NULL },
  { NULL }
};

static gboolean
import_take_arguments (int      argc,
                       char   **argv,
                       GError **error)
{
  if (argc < 1 || !g_str_equal (argv[0], "customers"))
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   _("Say what to import and from which file, e.g. "
                     "“kefuctl import customers customers.csv”."));
      return FALSE;
    }
  if (argc < 2)
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("Give the CSV file to import, e.g. "
                             "“kefuctl import customers customers.csv”."));
      return FALSE;
    }
  if (argc > 2)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   _("Unexpected argument “%s” after the file name."), argv[2]);
      return FALSE;
    }
  g_set_str (&import_file, argv[1]);
  return TRUE;
}

static gboolean
import_validate (GError **error)
{
  if (opt_merge && opt_skip)
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("Give either --merge or --skip, not both."));
      return FALSE;
    }
  return TRUE;
}

static const char *
encoding_name (KefuCsvEncoding encoding)
{
  switch (encoding)
    {
    case KEFU_CSV_ENCODING_UTF8:
      return _("UTF-8");
    case KEFU_CSV_ENCODING_UTF8_BOM:
      return _("UTF-8 with byte-order mark");
    case KEFU_CSV_ENCODING_GB18030:
      return _("GBK/GB18030");
    default:
      g_return_val_if_reached ("");
    }
}

/* Maps the header row's columns; reports the ignored ones. FALSE when a required column is
 * missing. */
static gboolean
map_columns (GStrv              header,
             KefuImportField  **mapping,
             guint             *n_columns,
             GError           **error)
{
  gboolean has_name = FALSE, has_phone = FALSE;

  *n_columns = g_strv_length (header);
  *mapping = g_new0 (KefuImportField, MAX (*n_columns, 1));
  for (guint c = 0; c < *n_columns; c++)
    {
      KefuImportField field = kefu_import_field_for_header (header[c]);

      (*mapping)[c] = field;
      has_name |= field == KEFU_IMPORT_FIELD_NAME;
      has_phone |= field == KEFU_IMPORT_FIELD_PHONE;
      if (field == KEFU_IMPORT_FIELD_IGNORE && header[c][0] != '\0')
        g_print (_("Column %u “%s” is not a customer field and is left out.\n"), c + 1,
                 header[c]);
    }

  if (!has_name || !has_phone)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("The file has no %s column. The first row must name the columns, e.g. "
                     "姓名 (name) and 电话 (phone)."),
                   !has_name ? kefu_import_field_get_display_name (KEFU_IMPORT_FIELD_NAME)
                             : kefu_import_field_get_display_name (KEFU_IMPORT_FIELD_PHONE));
      return FALSE;
    }
  return TRUE;
}

/* --dry-run: which of the customers would be new, and which are stored already. */
static gboolean
preview (KefuStore  *store,
         GPtrArray  *customers,
         guint       n_rejected,
         GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) phones = NULL;
  g_autoptr(GHashTable) stored = NULL;
  guint n_stored = 0;

  for (guint i = 0; i < customers->len; i++)
    {
      const char *const *numbers = kefu_customer_get_phones (g_ptr_array_index (customers, i));

      for (guint p = 0; numbers != NULL && numbers[p] != NULL; p++)
        g_strv_builder_add (builder, numbers[p]);
    }
  phones = g_strv_builder_end (builder);
  stored = kefu_store_find_stored_phones (store, (const char *const *) phones, NULL, error);
  if (stored == NULL)
    return FALSE;

  for (guint i = 0; i < customers->len; i++)
    {
      const char *const *numbers = kefu_customer_get_phones (g_ptr_array_index (customers, i));
      gboolean known = FALSE;

      for (guint p = 0; numbers != NULL && numbers[p] != NULL && !known; p++)
        known = g_hash_table_contains (stored, numbers[p]);
      n_stored += known;
    }

  /* Counts as "label: number", which reads right for 1 and for many in every language. */
  g_print (opt_merge ? _("Dry run, nothing was changed. New customers: %u; stored customers to "
                         "merge: %u; rows rejected: %u.\n")
                     : _("Dry run, nothing was changed. New customers: %u; stored customers to "
                         "skip: %u; rows rejected: %u.\n"),
           customers->len - n_stored, n_stored, n_rejected);
  return TRUE;
}

static gboolean
import_run (KefuStore  *store,
            GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autofree KefuImportField *mapping = NULL;
  KefuImportSummary summary = { 0 };
  KefuCsvEncoding encoding;
  guint n_columns;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (import_file, &contents, &length, &local_error))
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("Could not read the file: %s"), local_error->message);
      return FALSE;
    }
  bytes = g_bytes_new_take (contents, length);

  rows = kefu_csv_parse (bytes, &encoding, &lines, &local_error);
  if (rows == NULL)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("Could not read %s as a CSV file: %s"), import_file, local_error->message);
      return FALSE;
    }
  g_print (ngettext ("Read %u row from %s (%s).\n", "Read %u rows from %s (%s).\n",
                     rows->len - 1),
           rows->len - 1, import_file, encoding_name (encoding));

  if (!map_columns (g_ptr_array_index (rows, 0), &mapping, &n_columns, error))
    return FALSE;

  rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_import_rejection_free);
  customers = kefu_customer_import_read (rows, lines, mapping, n_columns, rejections);
  for (guint i = 0; i < rejections->len; i++)
    {
      KefuImportRejection *rejection = g_ptr_array_index (rejections, i);

      /* Translators: a CSV row that is not imported: its row number, its line in the file, and
       * why. */
      g_print (_("Row %u (line %u) rejected: %s\n"), rejection->row, rejection->line,
               rejection->reason);
    }

  if (opt_dry_run)
    return preview (store, customers, rejections->len, error);

  if (customers->len > 0 &&
      !kefu_store_import_customers (store, customers,
                                    opt_merge ? KEFU_IMPORT_DUPLICATES_MERGE
                                              : KEFU_IMPORT_DUPLICATES_SKIP,
                                    &summary, NULL, &local_error))
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("Nothing was imported: %s"), local_error->message);
      return FALSE;
    }

  g_print (_("Imported. New customers: %u; merged: %u; skipped: %u; rows rejected: %u.\n"),
           summary.created, summary.merged, summary.skipped, rejections->len);
  return TRUE;
}

const KefuctlCommand kefuctl_import_command = {
  .name = "import",
  .summary = N_("Import customers from a CSV file"),
  .description = N_("Reads a CSV file as Excel or WPS save it (UTF-8, with or without a "
                    "byte-order mark, or GBK/GB18030). The first row names the columns, in "
                    "English or Chinese: 姓名/name and 电话/phone are required, 地址/address, "
                    "区县/district, 会员/member, 会员号/member number, 渠道/channel and 备注/notes "
                    "are read when present. Rows that cannot be imported are listed with the "
                    "reason; the others are imported together, or none of them when the "
                    "database refuses one. A customer whose phone number is stored already is "
                    "skipped, or merged with --merge."),
  .entries = import_entries,
  .must_exist = TRUE,
  .validate = import_validate,
  .parameters = N_("customers FILE.csv"),
  .take_arguments = import_take_arguments,
  .run = import_run,
};
