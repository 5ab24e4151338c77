/* kefu-import-dialog-preview.c: the import dialog's reading of the file, its column mapping
 * and its preview of what an import would do, all off the main thread.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-import-dialog-private.h"

/* Rejected rows listed at most; the count says how many there are in all. */
#define MAX_REJECTIONS_SHOWN 2000

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
      return _("GBK / GB18030, as Excel saves on Chinese Windows");
    default:
      return "";
    }
}

/* The preview */

typedef struct
{
  GWeakRef          dialog;
  guint             generation;
  GPtrArray        *rows;
  GArray           *line_numbers;
  KefuImportField  *mapping;
  guint             n_columns;
  GPtrArray        *customers;
  GPtrArray        *rejections;
  char            **phones;       /* every phone of `customers`, for the store */
  GHashTable       *stored;       /* set by the store's worker */
} Preview;

static void
preview_free (Preview *preview)
{
  g_weak_ref_clear (&preview->dialog);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_clear_pointer (&preview->line_numbers, g_array_unref);
  g_free (preview->mapping);
  g_clear_pointer (&preview->customers, g_ptr_array_unref);
  g_clear_pointer (&preview->rejections, g_ptr_array_unref);
  g_strfreev (preview->phones);
  g_clear_pointer (&preview->stored, g_hash_table_unref);
  g_free (preview);
}

static void
read_rows_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Preview *preview = task_data;
  g_autoptr(GStrvBuilder) phones = g_strv_builder_new ();

  preview->rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_import_rejection_free);
  preview->customers = kefu_customer_import_read (preview->rows, preview->line_numbers,
                                                  preview->mapping, preview->n_columns,
                                                  preview->rejections);
  for (guint i = 0; i < preview->customers->len; i++)
    {
      const char * const *numbers = kefu_customer_get_phones (preview->customers->pdata[i]);

      for (guint j = 0; numbers != NULL && numbers[j] != NULL; j++)
        g_strv_builder_add (phones, numbers[j]);
    }
  preview->phones = g_strv_builder_end (phones);

  g_task_return_boolean (task, TRUE);
}

static gpointer
find_stored_func (KefuStore     *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  Preview *preview = data;

  /* The set goes back through `preview`; kefu_store_run_async() only carries objects. */
  preview->stored = kefu_store_find_stored_phones (store, (const char * const *) preview->phones,
                                                   cancellable, error);
  return NULL;
}

static void
show_preview (KefuImportDialog *self,
              Preview          *preview)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *n_new = NULL;
  g_autofree char *n_duplicates = NULL;
  g_autofree char *n_rejected = NULL;

  g_clear_pointer (&self->customers, g_ptr_array_unref);
  self->customers = g_steal_pointer (&preview->customers);
  self->n_rejected = preview->rejections->len;
  self->n_new = 0;
  self->n_duplicates = 0;

  for (guint i = 0; i < self->customers->len; i++)
    {
      const char * const *numbers = kefu_customer_get_phones (self->customers->pdata[i]);
      gboolean stored = FALSE;

      for (guint j = 0; numbers != NULL && numbers[j] != NULL && !stored; j++)
        stored = g_hash_table_contains (preview->stored, numbers[j]);

      if (stored)
        self->n_duplicates++;
      else
        self->n_new++;
    }

  for (guint i = 0; i < preview->rejections->len && i < MAX_REJECTIONS_SHOWN; i++)
    {
      KefuImportRejection *rejection = preview->rejections->pdata[i];

      /* Translators: a row of the CSV file that will not be imported: its line in the file and
       * why, e.g. "Line 4: Enter a phone number". */
      g_ptr_array_add (lines, g_strdup_printf (_("Line %u: %s"), rejection->line,
                                               rejection->reason));
    }
  if (preview->rejections->len > MAX_REJECTIONS_SHOWN)
    {
      guint n_more = preview->rejections->len - MAX_REJECTIONS_SHOWN;
      g_autofree char *more = _kefu_import_dialog_format_count (n_more);

      g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            /* Translators: %s is a number. */
                                                            "… and %s more row",
                                                            "… and %s more rows",
                                                            preview->rejections->len - MAX_REJECTIONS_SHOWN),
                                               more));
    }
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->rejection_lines, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->rejection_lines)),
                          (const char * const *) lines->pdata);

  n_new = _kefu_import_dialog_format_count (self->n_new);
  n_duplicates = _kefu_import_dialog_format_count (self->n_duplicates);
  n_rejected = _kefu_import_dialog_format_count (self->n_rejected);
  gtk_label_set_label (self->new_label, n_new);
  gtk_label_set_label (self->duplicates_label, n_duplicates);
  gtk_label_set_label (self->rejected_label, n_rejected);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_group), self->n_duplicates > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->rejections_group), self->n_rejected > 0);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
find_stored_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Preview *preview = user_data;
  g_autoptr(KefuImportDialog) self = g_weak_ref_get (&preview->dialog);
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      preview->generation != self->generation)
    {
      preview_free (preview);
      return;
    }

  self->previewing = FALSE;
  if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why the stored phone numbers could not be looked up. */
      message = g_strdup_printf (_("Could not compare the file with the stored customers: %s"),
                                 error->message);
      adw_banner_set_title (self->banner, message);
      adw_banner_set_revealed (self->banner, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "preview");
    }
  else
    show_preview (self, preview);

  _kefu_import_dialog_update_state (self);
  preview_free (preview);
}

static void
read_rows_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  KefuImportDialog *self = KEFU_IMPORT_DIALOG (object);
  Preview *preview = g_task_get_task_data (G_TASK (result));

  /* A mapping or file changed meanwhile (its own preview follows), or the dialog went away. */
  if (preview->generation != self->generation ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      preview_free (preview);
      return;
    }

  kefu_store_run_async (self->store, find_stored_func, preview, NULL, self->file_cancellable,
                        find_stored_cb, preview);
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  KefuImportDialog *self = user_data;
  g_autoptr(GTask) task = NULL;
  Preview *preview;

  self->preview_source = 0;
  if (self->rows == NULL)
    {
      _kefu_import_dialog_update_state (self);
      return G_SOURCE_REMOVE;
    }

  preview = g_new0 (Preview, 1);
  g_weak_ref_init (&preview->dialog, self);
  preview->generation = ++self->generation;
  preview->rows = g_ptr_array_ref (self->rows);
  preview->line_numbers = self->line_numbers ? g_array_ref (self->line_numbers) : NULL;
  preview->mapping = g_memdup2 (self->mapping, self->n_columns * sizeof (KefuImportField));
  preview->n_columns = self->n_columns;

  self->previewing = TRUE;
  adw_banner_set_revealed (self->banner, FALSE);
  task = g_task_new (self, self->file_cancellable, read_rows_cb, NULL);
  g_task_set_source_tag (task, preview_timeout_cb);
  /* read_rows_cb() passes the preview on to the store, or frees it. */
  g_task_set_task_data (task, preview, NULL);
  g_task_run_in_thread (task, read_rows_thread);
  _kefu_import_dialog_update_state (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_preview (KefuImportDialog *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (100, preview_timeout_cb, self);
  _kefu_import_dialog_update_state (self);
}

/* The columns */

static void
column_selected_cb (AdwComboRow      *row,
                    GParamSpec       *pspec,
                    KefuImportDialog *self)
{
  guint column;

  if (!g_ptr_array_find (self->column_rows, row, &column))
    return;

  self->mapping[column] = adw_combo_row_get_selected (row);
  schedule_preview (self);
}

static void
build_columns (KefuImportDialog *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  const char * const *header = self->rows->pdata[0];
  const char * const *example = self->rows->len > 1 ? self->rows->pdata[1] : NULL;
  guint n_example = example ? g_strv_length ((char **) example) : 0;

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, self->column_rows->pdata[i]);
  g_ptr_array_set_size (self->column_rows, 0);

  for (KefuImportField field = 0; field < KEFU_IMPORT_N_FIELDS; field++)
    gtk_string_list_append (fields, kefu_import_field_get_display_name (field));

  self->n_columns = g_strv_length ((char **) header);
  g_free (self->mapping);
  self->mapping = g_new0 (KefuImportField, MAX (self->n_columns, 1));

  for (guint i = 0; i < self->n_columns; i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autofree char *stripped = g_strstrip (g_strdup (header[i]));
      g_autofree char *title = NULL;

      self->mapping[i] = kefu_import_field_for_header (header[i]);

      if (*stripped == '\0')
        /* Translators: a column of a CSV file without a header; %u is its number. */
        title = g_strdup_printf (_("Column %u"), i + 1);
      else
        title = g_strdup (header[i]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (i < n_example && *example[i] != '\0')
        {
          g_autofree char *subtitle = NULL;

          /* Translators: the value of a column in the file's first row, as an example. */
          subtitle = g_strdup_printf (_("For example: %s"), example[i]);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
        }
      adw_combo_row_set_model (row, G_LIST_MODEL (fields));
      adw_combo_row_set_selected (row, self->mapping[i]);
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_selected_cb), self);

      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
}

/* Reading the file */

typedef struct
{
  GPtrArray       *rows;
  GArray          *line_numbers;
  KefuCsvEncoding  encoding;
} Parsed;

static void
parsed_free (Parsed *parsed)
{
  g_clear_pointer (&parsed->rows, g_ptr_array_unref);
  g_clear_pointer (&parsed->line_numbers, g_array_unref);
  g_free (parsed);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  Parsed *parsed = g_new0 (Parsed, 1);
  GError *error = NULL;

  parsed->rows = kefu_csv_parse (bytes, &parsed->encoding, &parsed->line_numbers, &error);
  if (parsed->rows == NULL)
    {
      parsed_free (parsed);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, parsed, (GDestroyNotify) parsed_free);
}

static void
parse_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  KefuImportDialog *self = KEFU_IMPORT_DIALOG (object);
  guint generation = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  Parsed *parsed;
  g_autofree char *basename = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *subtitle = NULL;
  guint n_rows;

  parsed = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || generation != self->generation)
    {
      g_clear_pointer (&parsed, parsed_free);
      return;
    }

  self->reading = FALSE;
  if (parsed == NULL)
    {
      _kefu_import_dialog_show_file_problem (self, error);
      _kefu_import_dialog_update_state (self);
      return;
    }

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->line_numbers, g_array_unref);
  self->rows = g_steal_pointer (&parsed->rows);
  self->line_numbers = g_steal_pointer (&parsed->line_numbers);
  self->encoding = parsed->encoding;
  parsed_free (parsed);

  n_rows = self->rows->len - 1;
  basename = g_file_get_basename (self->file);
  rows = _kefu_import_dialog_format_count (n_rows);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: the file's encoding, then its number
                                            * of data rows, e.g. "UTF-8 · 1,204 rows". */
                                           "%s · %s row",
                                           "%s · %s rows",
                                           n_rows),
                              encoding_name (self->encoding), rows);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), basename);
  adw_action_row_set_subtitle (self->file_row, subtitle);

  build_columns (self);
  _kefu_import_dialog_show_working (self, _("Checking the Rows…"));
  schedule_preview (self);
}

void
_kefu_import_dialog_load_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(KefuImportDialog) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      !g_file_equal (G_FILE (object), self->file))
    return;

  if (bytes == NULL)
    {
      self->reading = FALSE;
      _kefu_import_dialog_show_file_problem (self, error);
      _kefu_import_dialog_update_state (self);
      return;
    }

  task = g_task_new (self, self->file_cancellable, parse_cb, GUINT_TO_POINTER (self->generation));
  g_task_set_source_tag (task, _kefu_import_dialog_load_cb);
  g_task_set_task_data (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, parse_thread);
}
