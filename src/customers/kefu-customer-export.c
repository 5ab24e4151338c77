/* kefu-customer-export.c: the customers list as a CSV file, a chunk at a time.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-csv.h"
#include "core/kefu-enums.h"
#include "core/kefu-phone.h"

#include "kefu-customer-export.h"

void
kefu_customer_export_append_header (GString *out)
{
  /* The names are those the import recognises in English and Chinese, so an exported file
   * imports again without changing the mapping. */
  const char *fields[] = {
    /* Translators: CSV column headers of the customer export. Use the words the import
     * recognises: 姓名, 电话, 地址, 区县, 会员, 会员号, 渠道, 备注. */
    C_("csv header", "Name"),
    C_("csv header", "Phone"),
    C_("csv header", "Address"),
    C_("csv header", "District"),
    C_("csv header", "Member"),
    C_("csv header", "Member number"),
    C_("csv header", "Channel"),
    C_("csv header", "Assigned clerk"),
    C_("csv header", "Last contact"),
    C_("csv header", "Notes"),
    NULL
  };

  g_return_if_fail (out != NULL);

  kefu_csv_append_row (out, fields);
}

static char *
format_phone_for_sheet (const char *normalized)
{
  const char *dash = strchr (normalized, '-');
  g_autofree char *main_number = dash ? g_strndup (normalized, dash - normalized)
                                      : g_strdup (normalized);
  g_autofree char *grouped = kefu_phone_format (main_number);

  g_strdelimit (grouped, " ", '-');
  if (dash != NULL)
    return g_strconcat (grouped, "x", dash + 1, NULL);

  return g_steal_pointer (&grouped);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

void
kefu_customer_export_append_row (GString      *out,
                                 KefuCustomer *customer)
{
  const char * const *phones;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) formatted = NULL;
  g_autofree char *phone_cell = NULL;
  g_autofree char *last_contact = NULL;
  KefuChannel channel;
  const char *fields[11];

  g_return_if_fail (out != NULL);
  g_return_if_fail (KEFU_IS_CUSTOMER (customer));

  phones = kefu_customer_get_phones (customer);
  for (guint i = 0; phones != NULL && phones[i] != NULL; i++)
    g_strv_builder_take (builder, format_phone_for_sheet (phones[i]));
  formatted = g_strv_builder_end (builder);
  phone_cell = g_strjoinv ("/", formatted);
  last_contact = format_time (kefu_customer_get_last_contact_at (customer));
  channel = kefu_customer_get_channel (customer);

  fields[0] = kefu_customer_get_name (customer);
  fields[1] = phone_cell;
  fields[2] = kefu_customer_get_address (customer);
  fields[3] = kefu_customer_get_district (customer);
  /* Translators: the member column of the customer export; the import reads 是/否. */
  fields[4] = kefu_customer_get_is_member (customer) ? C_("csv member", "Yes")
                                                     : C_("csv member", "No");
  fields[5] = kefu_customer_get_member_number (customer);
  fields[6] = channel != KEFU_CHANNEL_UNSPECIFIED ? kefu_channel_get_display_name (channel) : "";
  fields[7] = kefu_customer_get_assigned_clerk_name (customer);
  fields[8] = last_contact;
  fields[9] = kefu_customer_get_notes (customer);
  fields[10] = NULL;

  kefu_csv_append_row (out, fields);
}

typedef struct
{
  KefuStore                  *store;
  GArray                     *ids;
  GFile                      *file;
  GOutputStream              *stream;
  GString                    *buffer;
  KefuCustomerExportProgress  progress;
  gpointer                    progress_data;
  guint                       position;   /* ids read so far */
  guint                       written;    /* rows written */
  gboolean                    existed;    /* the file was there before (replace keeps it on failure) */
  /* The chunk being read on the store's worker. */
  gint64                     *chunk_ids;
  guint                       chunk_len;
  GPtrArray                  *chunk;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->store);
  g_clear_pointer (&export->ids, g_array_unref);
  g_clear_object (&export->file);
  g_clear_object (&export->stream);
  if (export->buffer != NULL)
    g_string_free (export->buffer, TRUE);
  g_free (export->chunk_ids);
  g_clear_pointer (&export->chunk, g_ptr_array_unref);
  g_free (export);
}

/* Ends the task with `error`, leaving no half-written file behind. */
static void
export_fail (GTask  *task,
             GError *error)
{
  Export *export = g_task_get_task_data (task);

  if (export->stream != NULL)
    {
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      /* A cancelled close does not put a replacement in place. */
      g_cancellable_cancel (abort);
      g_output_stream_close (export->stream, abort, NULL);
      if (!export->existed)
        g_file_delete (export->file, NULL, NULL);
    }

  g_task_return_error (task, error);
  g_object_unref (task);
}

static void read_next_chunk (GTask *task);

static void
close_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  Export *export = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_output_stream_close_finish (G_OUTPUT_STREAM (object), result, &error))
    {
      if (!export->existed)
        g_file_delete (export->file, NULL, NULL);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  g_task_return_int (task, export->written);
  g_object_unref (task);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  Export *export = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, &error))
    {
      export_fail (task, error);
      return;
    }

  g_string_truncate (export->buffer, 0);
  if (export->progress != NULL)
    export->progress (export->position, export->ids->len, export->progress_data);

  if (export->position < export->ids->len)
    read_next_chunk (task);
  else
    g_output_stream_close_async (export->stream, G_PRIORITY_DEFAULT,
                                 g_task_get_cancellable (task), close_cb, task);
}

static void
write_buffer (GTask *task)
{
  Export *export = g_task_get_task_data (task);

  g_output_stream_write_all_async (export->stream, export->buffer->str, export->buffer->len,
                                   G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                   write_cb, task);
}

static gpointer
read_chunk_func (KefuStore     *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Export *export = data;

  /* The rows go back through the export's state; kefu_store_run_async() only carries objects.
   * Nothing else touches the state while the chunk is read. */
  export->chunk = kefu_store_get_customers (store, export->chunk_ids, export->chunk_len,
                                            cancellable, error);
  return NULL;
}

static void
read_chunk_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Export *export = g_task_get_task_data (task);
  GError *error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  g_clear_pointer (&export->chunk_ids, g_free);
  if (error != NULL)
    {
      export_fail (task, error);
      return;
    }

  /* A customer removed since the list was read is left out. */
  for (guint i = 0; i < export->chunk->len; i++)
    kefu_customer_export_append_row (export->buffer, export->chunk->pdata[i]);
  export->written += export->chunk->len;
  g_clear_pointer (&export->chunk, g_ptr_array_unref);

  write_buffer (task);
}

static void
read_next_chunk (GTask *task)
{
  Export *export = g_task_get_task_data (task);
  guint n = MIN (KEFU_CUSTOMER_EXPORT_CHUNK, export->ids->len - export->position);

  export->chunk_len = n;
  export->chunk_ids = g_memdup2 (&g_array_index (export->ids, gint64, export->position),
                                 n * sizeof (gint64));
  export->position += n;
  kefu_store_run_async (export->store, read_chunk_func, export, NULL,
                        g_task_get_cancellable (task), read_chunk_cb, task);
}

static void
replace_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Export *export = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) start = NULL;
  gconstpointer data;
  gsize size;

  export->stream = G_OUTPUT_STREAM (g_file_replace_finish (G_FILE (object), result, &error));
  if (export->stream == NULL)
    {
      export_fail (task, error);
      return;
    }

  /* The file's first record, after the BOM (UTF-8 with it: Excel and WPS then read Chinese);
   * the rows after it are UTF-8 as they are. */
  kefu_customer_export_append_header (export->buffer);
  start = kefu_csv_encode_records (export->buffer->str, export->buffer->len,
                                   KEFU_CSV_ENCODING_UTF8_BOM, &error);
  if (start == NULL)
    {
      export_fail (task, error);
      return;
    }
  data = g_bytes_get_data (start, &size);
  g_string_truncate (export->buffer, 0);
  g_string_append_len (export->buffer, data, size);
  write_buffer (task);
}

void
kefu_customer_export_async (KefuStore                  *store,
                            GArray                     *ids,
                            GFile                      *file,
                            KefuCustomerExportProgress  progress,
                            gpointer                    progress_data,
                            GCancellable               *cancellable,
                            GAsyncReadyCallback         callback,
                            gpointer                    user_data)
{
  GTask *task;
  Export *export;

  g_return_if_fail (KEFU_IS_STORE (store));
  g_return_if_fail (ids != NULL);
  g_return_if_fail (G_IS_FILE (file));

  export = g_new0 (Export, 1);
  export->store = g_object_ref (store);
  export->ids = g_array_ref (ids);
  export->file = g_object_ref (file);
  export->buffer = g_string_sized_new (256 * KEFU_CUSTOMER_EXPORT_CHUNK);
  export->progress = progress;
  export->progress_data = progress_data;
  export->existed = g_file_query_exists (file, NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_customer_export_async);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);

  g_file_replace_async (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                        G_PRIORITY_DEFAULT, cancellable, replace_cb, task);
}

gboolean
kefu_customer_export_finish (GAsyncResult  *result,
                             guint         *n_written,
                             GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    {
      if (n_written != NULL)
        *n_written = 0;
      return FALSE;
    }

  if (n_written != NULL)
    *n_written = n;
  return TRUE;
}
