/* kefu-customers-pane-actions.c: what the customers pane does with its list: assign, import,
 * export, open, reload, search.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customers-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-assign-dialog.h"
#include "kefu-customer-export.h"
#include "kefu-customers-pane-private.h"
#include "kefu-import-dialog.h"


static GArray *
selected_ids (KefuCustomersPane *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = kefu_customer_list_model_get_id (self->model, position);

      if (id != 0)
        g_array_append_val (ids, id);
    }

  return ids;
}

static void
assigned_cb (KefuCustomersPane *self,
             guint              customers,
             guint              clerks,
             KefuAssignDialog  *dialog)
{
  g_autofree char *number = _kefu_customers_pane_format_count (customers);
  g_autofree char *counted = NULL;
  g_autofree char *message = NULL;

  counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: %s is a number. */
                                          "%s customer", "%s customers", customers),
                             number);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: a toast after assigning customers; %s
                                           * is "N customers", %u the number of clerks. */
                                          "Assigned %s to %u clerk",
                                          "Assigned %s to %u clerks",
                                          clerks),
                             counted, clerks);
  _kefu_customers_pane_toast (self, message);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  kefu_customer_list_model_reload (self->model);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KefuCustomersPane *self = KEFU_CUSTOMERS_PANE (widget);
  g_autoptr(GArray) ids = NULL;
  KefuAssignDialog *dialog;

  if (self->store == NULL || !_kefu_customers_pane_can_assign (self))
    return;

  ids = selected_ids (self);
  dialog = kefu_assign_dialog_new (self->store, ids);
  g_signal_connect_object (dialog, "assigned", G_CALLBACK (assigned_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

static void
imported_cb (KefuCustomersPane *self,
             guint              created,
             guint              merged,
             guint              skipped,
             KefuImportDialog  *dialog)
{
  g_autofree char *n_created = _kefu_customers_pane_format_count (created);
  g_autofree char *n_merged = _kefu_customers_pane_format_count (merged);
  g_autofree char *n_skipped = _kefu_customers_pane_format_count (skipped);
  g_autofree char *message = NULL;

  /* Translators: a toast after an import; each %s is a number. */
  message = g_strdup_printf (_("Imported: %s new, %s merged, %s skipped"),
                             n_created, n_merged, n_skipped);
  _kefu_customers_pane_toast (self, message);
  kefu_customer_list_model_reload (self->model);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KefuCustomersPane *self = KEFU_CUSTOMERS_PANE (widget);
  KefuImportDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = kefu_import_dialog_new (self->store);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

static void
export_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  KefuCustomersPane *self = user_data;
  g_autofree char *n_done = _kefu_customers_pane_format_count (done);
  g_autofree char *n_total = _kefu_customers_pane_format_count (total);
  g_autofree char *text = NULL;

  /* Translators: export progress, e.g. "2,000 of 10,000". */
  text = g_strdup_printf (_("%s of %s"), n_done, n_total);
  gtk_progress_bar_set_fraction (self->export_progress, total > 0 ? (double) done / total : 1.0);
  gtk_progress_bar_set_text (self->export_progress, text);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KefuCustomersPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_steal_pointer (&self->export_file);
  guint written = 0;

  kefu_customer_export_finish (result, &written, &error);
  g_clear_object (&self->export_cancellable);

  /* The pane went away meanwhile (its dispose cancelled the export). */
  if (self->cancellable == NULL)
    return;

  gtk_widget_set_visible (self->export_box, FALSE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _kefu_customers_pane_toast (self, _("Export stopped; no file was written"));
  else if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why the export failed. */
      message = g_strdup_printf (_("Could not export the customers: %s"), error->message);
      _kefu_customers_pane_toast (self, message);
    }
  else
    {
      g_autofree char *number = _kefu_customers_pane_format_count (written);
      g_autofree char *name = file ? g_file_get_basename (file) : g_strdup ("");
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: a toast after an export; the first
                                               * %s is a number, the second a file name. */
                                              "Exported %s customer to %s",
                                              "Exported %s customers to %s",
                                              written),
                                 number, name);
      _kefu_customers_pane_toast (self, message);
    }

  _kefu_customers_pane_update_actions (self);
  _kefu_customers_pane_update_busy (self);
}

static void
save_dialog_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KefuCustomersPane) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      if (self->cancellable != NULL &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        _kefu_customers_pane_toast (self, error->message);
      return;
    }

  kefu_customers_pane_export_to_file (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KefuCustomersPane *self = KEFU_CUSTOMERS_PANE (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y%m%d");
  g_autofree char *name = NULL;

  /* Translators: the suggested file name of a customer export; %s is the date (20261127).
   * Chinese users may prefer 客户-%s.csv. */
  name = g_strdup_printf (_("customers-%s.csv"), day);
  gtk_file_dialog_set_title (dialog, _("Export Customers"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), self->cancellable,
                        save_dialog_cb, g_object_ref (self));
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KefuCustomersPane *self = KEFU_CUSTOMERS_PANE (widget);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  kefu_customer_list_model_reload (KEFU_CUSTOMERS_PANE (widget)->model);
}

static void
open_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KefuCustomersPane *self = KEFU_CUSTOMERS_PANE (widget);
  g_autoptr(GArray) ids = selected_ids (self);

  if (ids->len > 0)
    kefu_customers_pane_open_customer (self, g_array_index (ids, gint64, 0));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KefuCustomersPane *self = KEFU_CUSTOMERS_PANE (widget);

  /* A customer's unsaved changes are not dropped for a search. */
  if (self->page != NULL && kefu_customer_page_get_modified (self->page))
    return;

  adw_navigation_view_pop_to_tag (self->navigation_view, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_kefu_customers_pane_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "customers.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "customers.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "customers.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "customers.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "customers.open-selected", NULL, open_selected_action);
  gtk_widget_class_install_action (widget_class, "customers.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "customers.search", NULL, search_action);
}

void
kefu_customers_pane_export_to_file (KefuCustomersPane *self,
                                    GFile             *file)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GCancellable) cancellable = NULL;

  g_return_if_fail (KEFU_IS_CUSTOMERS_PANE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL || self->export_cancellable != NULL)
    return;

  /* The list as shown now; changes made while the file is written do not move its rows. */
  ids = kefu_customer_list_model_dup_ids (self->model);
  self->export_cancellable = g_cancellable_new ();
  g_set_object (&self->export_file, file);
  gtk_progress_bar_set_fraction (self->export_progress, 0.0);
  gtk_progress_bar_set_text (self->export_progress, NULL);
  gtk_widget_set_visible (self->export_box, TRUE);
  _kefu_customers_pane_update_actions (self);
  _kefu_customers_pane_update_busy (self);

  kefu_customer_export_async (self->store, ids, file, export_progress_cb, self,
                              self->export_cancellable, export_cb, g_object_ref (self));
}
