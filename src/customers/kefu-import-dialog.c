/* kefu-import-dialog.c: the CSV import: choosing the file and importing it (reading, mapping
 * and previewing it off the main thread is in kefu-import-dialog-preview.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-import-dialog-private.h"

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

void
_kefu_import_dialog_update_state (KefuImportDialog *self)
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

char *
_kefu_import_dialog_format_count (guint count)
{
  return g_strdup_printf ("%'u", count);
}

void
_kefu_import_dialog_show_working (KefuImportDialog *self,
                                  const char       *title)
{
  adw_status_page_set_title (self->working_page, title);
  gtk_stack_set_visible_child_name (self->stack, "working");
}

/* A problem that leaves no usable file: back to the first page, which says why. */
void
_kefu_import_dialog_show_file_problem (KefuImportDialog *self,
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
        _kefu_import_dialog_show_file_problem (self, error);
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
      _kefu_import_dialog_update_state (self);
      import_free (import);
      return;
    }

  _kefu_import_dialog_update_state (self);
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
  _kefu_import_dialog_show_working (self, _("Importing…"));
  _kefu_import_dialog_update_state (self);
  /* Not cancellable: once asked for, the import either happens whole or not at all, and the
   * user is told which. */
  kefu_store_run_async (self->store, import_func, import, NULL, NULL, import_cb, import);
}

static void
merge_toggled_cb (KefuImportDialog *self)
{
  _kefu_import_dialog_update_state (self);
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

  _kefu_import_dialog_update_state (self);
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
  _kefu_import_dialog_show_working (self, _("Reading the File…"));
  _kefu_import_dialog_update_state (self);

  g_file_load_bytes_async (file, self->file_cancellable, _kefu_import_dialog_load_cb,
                           g_object_ref (self));
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
