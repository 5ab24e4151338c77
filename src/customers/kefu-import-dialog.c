/* kefu-import-dialog.c: the CSV import, read and previewed off the main thread.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-csv.h"
#include "core/kefu-customer-import.h"

#include "kefu-import-dialog.h"

/* Rejected rows listed at most; the count says how many there are in all. */
#define MAX_REJECTIONS_SHOWN 2000

struct _KefuImportDialog
{
  AdwDialog         parent_instance;

  KefuStore        *store;
  GFile            *file;
  GPtrArray        *rows;             /* GStrv per row, the header first */
  GArray           *line_numbers;
  KefuCsvEncoding   encoding;
  guint             n_columns;
  KefuImportField  *mapping;          /* n_columns */
  GPtrArray        *column_rows;      /* AdwComboRow per column */
  GPtrArray        *customers;        /* KefuCustomer, the valid rows */
  guint             n_new;
  guint             n_duplicates;
  guint             n_rejected;
  GtkStringList    *rejection_lines;

  GCancellable     *cancellable;      /* the dialog's life */
  GCancellable     *file_cancellable; /* the current file's reading and preview */
  guint             preview_source;
  guint             generation;       /* bumped per file and per mapping change */
  guint             reading : 1;
  guint             previewing : 1;
  guint             importing : 1;
  gboolean          busy;

  AdwBanner        *banner;
  AdwStatusPage    *choose_page;
  AdwPreferencesGroup *columns_group;
  GtkLabel         *duplicates_label;
  AdwPreferencesGroup *duplicates_group;
  AdwActionRow     *file_row;
  GtkCheckButton   *merge_check;
  GtkLabel         *new_label;
  GtkLabel         *rejected_label;
  AdwPreferencesGroup *rejections_group;
  GtkListView      *rejections_view;
  GtkCheckButton   *skip_check;
  GtkStack         *stack;
  AdwStatusPage    *working_page;
};

G_DEFINE_FINAL_TYPE (KefuImportDialog, kefu_import_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_MERGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_preview (KefuImportDialog *self);

static void
update_state (KefuImportDialog *self)
{
  gboolean busy = self->reading || self->previewing || self->importing ||
                  self->preview_source != 0;
  gboolean ready = !busy && self->customers != NULL;
  gboolean merge = gtk_check_button_get_active (self->merge_check);
  guint to_write = self->n_new + (merge ? self->n_duplicates : 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.confirm", ready && to_write > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", !self->importing);
  /* An import in progress finishes first, so the user learns whether it happened. */
  adw_dialog_set_can_close (ADW_DIALOG (self), !self->importing);

  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static char *
format_count (guint count)
{
  return g_strdup_printf ("%'u", count);
}

static void
show_working (KefuImportDialog *self,
              const char       *title)
{
  adw_status_page_set_title (self->working_page, title);
  gtk_stack_set_visible_child_name (self->stack, "working");
}

/* A problem that leaves no usable file: back to the first page, which says why. */
static void
show_file_problem (KefuImportDialog *self,
                   const GError     *error)
{
  g_autofree char *description = NULL;

  /* Translators: why a CSV file could not be read (%s), and what to do. */
  description = g_strdup_printf (_("%s Save the sheet again as CSV and choose it once more."),
                                 error->message);
  adw_status_page_set_title (self->choose_page, _("Could Not Read the File"));
  adw_status_page_set_icon_name (self->choose_page, "dialog-warning-symbolic");
  adw_status_page_set_description (self->choose_page, description);
  gtk_stack_set_visible_child_name (self->stack, "choose");
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
      g_autofree char *more = format_count (preview->rejections->len - MAX_REJECTIONS_SHOWN);

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

  n_new = format_count (self->n_new);
  n_duplicates = format_count (self->n_duplicates);
  n_rejected = format_count (self->n_rejected);
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

  update_state (self);
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
      update_state (self);
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
  update_state (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_preview (KefuImportDialog *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (100, preview_timeout_cb, self);
  update_state (self);
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
      show_file_problem (self, error);
      update_state (self);
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
  rows = format_count (n_rows);
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
  show_working (self, _("Checking the Rows…"));
  schedule_preview (self);
}

static void
load_cb (GObject      *object,
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
      show_file_problem (self, error);
      update_state (self);
      return;
    }

  task = g_task_new (self, self->file_cancellable, parse_cb, GUINT_TO_POINTER (self->generation));
  g_task_set_source_tag (task, load_cb);
  g_task_set_task_data (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, parse_thread);
}

static void
choose_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KefuImportDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      /* Closing the chooser is not an error. */
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        show_file_problem (self, error);
      return;
    }

  kefu_import_dialog_open_file (self, file);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KefuImportDialog *self = KEFU_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, csv);
  g_list_store_append (filters, all);

  gtk_file_dialog_set_title (dialog, _("Choose a CSV File of Customers"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, csv);
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), self->cancellable,
                        choose_cb, g_object_ref (self));
}

/* Importing */

typedef struct
{
  KefuImportDialog     *dialog;
  GPtrArray            *customers;
  KefuImportDuplicates  duplicates;
  KefuImportSummary     summary;   /* set by the worker */
} Import;

static void
import_free (Import *import)
{
  g_clear_object (&import->dialog);
  g_clear_pointer (&import->customers, g_ptr_array_unref);
  g_free (import);
}

static gpointer
import_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Import *import = data;

  /* The customers were made by the reader for this import only: no widget shows them, so the
   * store may set their ids here on its worker. */
  kefu_store_import_customers (store, import->customers, import->duplicates, &import->summary,
                               cancellable, error);
  return NULL;
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Import *import = user_data;
  KefuImportDialog *self = import->dialog;
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  self->importing = FALSE;

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = NULL;

          /* Translators: the import runs in one transaction: on an error (%s) nothing changed. */
          message = g_strdup_printf (_("Nothing was imported: %s"), error->message);
          adw_banner_set_title (self->banner, message);
          adw_banner_set_revealed (self->banner, TRUE);
          gtk_stack_set_visible_child_name (self->stack, "preview");
        }
      update_state (self);
      import_free (import);
      return;
    }

  update_state (self);
  g_signal_emit (self, signals[IMPORTED], 0,
                 import->summary.created, import->summary.merged, import->summary.skipped);
  import_free (import);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KefuImportDialog *self = KEFU_IMPORT_DIALOG (widget);
  Import *import;

  if (self->busy || self->customers == NULL)
    return;

  import = g_new0 (Import, 1);
  import->dialog = g_object_ref (self);
  import->customers = g_ptr_array_ref (self->customers);
  import->duplicates = gtk_check_button_get_active (self->merge_check)
                         ? KEFU_IMPORT_DUPLICATES_MERGE : KEFU_IMPORT_DUPLICATES_SKIP;

  self->importing = TRUE;
  adw_banner_set_revealed (self->banner, FALSE);
  show_working (self, _("Importing…"));
  update_state (self);
  /* Not cancellable: once asked for, the import either happens whole or not at all, and the
   * user is told which. */
  kefu_store_run_async (self->store, import_func, import, NULL, NULL, import_cb, import);
}

static void
merge_toggled_cb (KefuImportDialog *self)
{
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MERGE]);
}

static void
kefu_import_dialog_dispose (GObject *object)
{
  KefuImportDialog *self = KEFU_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->file_cancellable != NULL)
    g_cancellable_cancel (self->file_cancellable);
  g_clear_handle_id (&self->preview_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->file_cancellable);
  g_clear_object (&self->rejection_lines);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->customers, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->line_numbers, g_array_unref);
  g_clear_pointer (&self->mapping, g_free);
  g_clear_object (&self->file);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_import_dialog_parent_class)->dispose (object);
}

static void
kefu_import_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuImportDialog *self = KEFU_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_MERGE:
      g_value_set_boolean (value, kefu_import_dialog_get_merge (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_import_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KefuImportDialog *self = KEFU_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_MERGE:
      kefu_import_dialog_set_merge (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_import_dialog_class_init (KefuImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_import_dialog_dispose;
  object_class->get_property = kefu_import_dialog_get_property;
  object_class->set_property = kefu_import_dialog_set_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_MERGE] =
    g_param_spec_boolean ("merge", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuImportDialog::imported:
   * @created: new customers
   * @merged: stored customers that got the file's details
   * @skipped: stored customers left alone
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuImportDialog, banner);
  gtk_widget_class_bind_template_child (widget_class, KefuImportDialog, choose_page);
  gtk_widget_class_bind_template_child (widget_class, KefuImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, KefuImportDialog, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, KefuImportDialog, duplicates_label);
  gtk_widget_class_bind_template_child (widget_class, KefuImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, KefuImportDialog, merge_check);
  gtk_widget_class_bind_template_child (widget_class, KefuImportDialog, new_label);
  gtk_widget_class_bind_template_child (widget_class, KefuImportDialog, rejected_label);
  gtk_widget_class_bind_template_child (widget_class, KefuImportDialog, rejections_group);
  gtk_widget_class_bind_template_child (widget_class, KefuImportDialog, rejections_view);
  gtk_widget_class_bind_template_child (widget_class, KefuImportDialog, skip_check);
  gtk_widget_class_bind_template_child (widget_class, KefuImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuImportDialog, working_page);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.confirm", NULL, confirm_action);
}

static void
kefu_import_dialog_init (KefuImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->column_rows = g_ptr_array_new ();
  self->rejection_lines = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rejection_lines)));
  gtk_list_view_set_model (self->rejections_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_swapped (self->merge_check, "toggled", G_CALLBACK (merge_toggled_cb), self);

  update_state (self);
}

KefuImportDialog *
kefu_import_dialog_new (KefuStore *store)
{
  KefuImportDialog *self;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);

  self = g_object_new (KEFU_TYPE_IMPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  return self;
}

void
kefu_import_dialog_open_file (KefuImportDialog *self,
                              GFile            *file)
{
  g_return_if_fail (KEFU_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->importing)
    return;

  if (self->file_cancellable != NULL)
    g_cancellable_cancel (self->file_cancellable);
  g_clear_object (&self->file_cancellable);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_pointer (&self->customers, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->line_numbers, g_array_unref);
  self->previewing = FALSE;
  self->generation++;

  g_set_object (&self->file, file);
  self->file_cancellable = g_cancellable_new ();
  self->reading = TRUE;
  adw_banner_set_revealed (self->banner, FALSE);
  show_working (self, _("Reading the File…"));
  update_state (self);

  g_file_load_bytes_async (file, self->file_cancellable, load_cb, g_object_ref (self));
}

gboolean
kefu_import_dialog_get_busy (KefuImportDialog *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_DIALOG (self), FALSE);

  return self->busy;
}

guint
kefu_import_dialog_get_n_new (KefuImportDialog *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_DIALOG (self), 0);

  return self->n_new;
}

guint
kefu_import_dialog_get_n_duplicates (KefuImportDialog *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_DIALOG (self), 0);

  return self->n_duplicates;
}

guint
kefu_import_dialog_get_n_rejected (KefuImportDialog *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_DIALOG (self), 0);

  return self->n_rejected;
}

GListModel *
kefu_import_dialog_get_rejections (KefuImportDialog *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_DIALOG (self), NULL);

  return G_LIST_MODEL (self->rejection_lines);
}

gboolean
kefu_import_dialog_get_merge (KefuImportDialog *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_DIALOG (self), FALSE);

  return gtk_check_button_get_active (self->merge_check);
}

void
kefu_import_dialog_set_merge (KefuImportDialog *self,
                              gboolean          merge)
{
  g_return_if_fail (KEFU_IS_IMPORT_DIALOG (self));

  /* The buttons are a group: activating one deactivates the other, which notifies. */
  gtk_check_button_set_active (merge ? self->merge_check : self->skip_check, TRUE);
}
