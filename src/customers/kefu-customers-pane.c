/* kefu-customers-pane.c: the list of customers and what can be done with it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customers-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-phone.h"
#include "core/kefu-roles.h"

#include "kefu-assign-dialog.h"
#include "kefu-customer-export.h"
#include "kefu-customer-page.h"
#include "kefu-customers-pane.h"
#include "kefu-import-dialog.h"

/* One entry of the "which customers" drop-down. */
typedef struct
{
  gint64   assigned_clerk_id;   /* as KefuCustomerFilter */
  gboolean to_contact;
} FilterChoice;

struct _KefuCustomersPane
{
  AdwBin                  parent_instance;

  KefuStore              *store;
  KefuStaff              *staff;
  KefuCustomerListModel  *model;
  GtkMultiSelection      *selection;
  GArray                 *filters;          /* FilterChoice, as the drop-down lists them */
  GtkStringList          *filter_names;
  GPtrArray              *clerks;           /* KefuStaff */
  GCancellable           *cancellable;      /* the store's calls; renewed per store */
  GCancellable           *export_cancellable;
  GFile                  *export_file;
  KefuCustomerPage       *page;             /* the customer page shown, if any */
  guint                   store_pending : 1;  /* given a store while hidden */
  guint                   preload_source;
  guint                   refresh_source;
  guint                   loading_clerks : 1;
  guint                   rebuilding_filters : 1;
  gboolean                busy;

  GtkWidget              *assign_button;
  GtkColumnViewColumn    *clerk_column;
  GtkColumnViewColumn    *district_column;
  GtkDropDown            *filter_dropdown;
  AdwStatusPage          *empty_page;
  GtkWidget              *empty_import_button;
  AdwStatusPage          *error_page;
  GtkWidget              *export_box;
  GtkProgressBar         *export_progress;
  GtkColumnViewColumn    *last_contact_column;
  GtkColumnViewColumn    *member_column;
  GtkStack               *list_stack;
  GtkColumnView          *column_view;
  GtkColumnViewColumn    *name_column;
  GtkColumnViewColumn    *phone_column;
  AdwNavigationView      *navigation_view;
  GtkSearchEntry         *search_entry;
  GtkLabel               *status_label;
};

G_DEFINE_FINAL_TYPE (KefuCustomersPane, kefu_customers_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (KefuCustomersPane *self,
       const char        *message)
{
  GtkWidget *overlay = adw_bin_get_child (ADW_BIN (self));
  AdwToast *toast;

  /* Nobody is told anything by a pane that is going away. */
  if (overlay == NULL)
    return;

  toast = adw_toast_new (message);
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static char *
format_count (guint count)
{
  return g_strdup_printf ("%'u", count);
}

static gboolean
can_assign (KefuCustomersPane *self)
{
  return self->staff != NULL && kefu_role_can_assign_customers (kefu_staff_get_role (self->staff));
}

static void
update_busy (KefuCustomersPane *self)
{
  gboolean busy = kefu_customer_list_model_get_loading (self->model) ||
                  kefu_customer_list_model_get_filling (self->model) ||
                  self->loading_clerks ||
                  self->export_cancellable != NULL ||
                  (self->page != NULL && kefu_customer_page_get_busy (self->page));

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static guint
n_selected (KefuCustomersPane *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return (guint) MIN (gtk_bitset_get_size (selected), G_MAXUINT);
}

static void
update_actions (KefuCustomersPane *self)
{
  gboolean ready = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.assign", ready && can_assign (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.import", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.export",
                                 ready && self->export_cancellable == NULL &&
                                 g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.cancel-export",
                                 self->export_cancellable != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.reload", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.open-selected",
                                 ready && n_selected (self) == 1);
}

static void
update_status (KefuCustomersPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint selected = n_selected (self);
  g_autofree char *count = format_count (n);
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the status line of the customers list;
                                        * %s is a number. */
                                       "%s customer", "%s customers", n),
                          count);
  if (selected > 0)
    {
      g_autofree char *number = format_count (selected);
      g_autofree char *with_selection = NULL;

      with_selection = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     /* Translators: the status line with a
                                                      * selection: "1,204 customers · 3 selected". */
                                                     "%s · %s selected",
                                                     "%s · %s selected",
                                                     selected),
                                        text, number);
      g_free (text);
      text = g_steal_pointer (&with_selection);
    }

  gtk_label_set_label (self->status_label, text);
}

static gboolean
filter_is_set (KefuCustomersPane *self)
{
  KefuCustomerFilter filter;

  kefu_customer_list_model_get_filter (self->model, &filter);
  return (filter.query != NULL && *filter.query != '\0') ||
         filter.assigned_clerk_id != 0 || filter.to_contact;
}

static void
update_view (KefuCustomersPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const GError *error = kefu_customer_list_model_get_error (self->model);

  if (error != NULL && n == 0)
    {
      g_autofree char *description = NULL;

      /* Translators: %s says why the customers could not be listed. */
      description = g_strdup_printf (_("%s Check the connection to the database, then try again."),
                                     error->message);
      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else if (n == 0 && (kefu_customer_list_model_get_loading (self->model) || self->store_pending))
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  else if (n == 0 && filter_is_set (self))
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Customers"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try another name, or the last 4 or more digits of a phone number."));
      gtk_widget_set_visible (self->empty_import_button, FALSE);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else if (n == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Customers Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("A customer is added when they first call, or import your customer list from a spreadsheet."));
      gtk_widget_set_visible (self->empty_import_button, TRUE);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static void
model_changed_cb (KefuCustomersPane *self)
{
  update_view (self);
  update_status (self);
  update_actions (self);
  update_busy (self);
}

static void
model_loading_cb (KefuCustomersPane *self)
{
  const GError *error = kefu_customer_list_model_get_error (self->model);

  model_changed_cb (self);

  /* A failed refresh keeps the previous rows; a toast says they may be out of date. */
  if (!kefu_customer_list_model_get_loading (self->model) && error != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    toast (self, error->message);
}

/* The "which customers" drop-down */

static void
apply_filter (KefuCustomersPane *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);
  KefuCustomerFilter filter;

  if (self->rebuilding_filters || selected >= self->filters->len)
    return;

  kefu_customer_list_model_get_filter (self->model, &filter);
  filter.assigned_clerk_id = g_array_index (self->filters, FilterChoice, selected).assigned_clerk_id;
  filter.to_contact = g_array_index (self->filters, FilterChoice, selected).to_contact;
  kefu_customer_list_model_set_filter (self->model, &filter);
}

static void
add_filter (KefuCustomersPane *self,
            const char        *name,
            gint64             clerk_id,
            gboolean           to_contact)
{
  FilterChoice choice = { clerk_id, to_contact };

  g_array_append_val (self->filters, choice);
  gtk_string_list_append (self->filter_names, name);
}

static void
rebuild_filters (KefuCustomersPane *self)
{
  KefuCustomerFilter current;
  guint keep = 0;

  kefu_customer_list_model_get_filter (self->model, &current);

  self->rebuilding_filters = TRUE;
  g_array_set_size (self->filters, 0);
  gtk_string_list_splice (self->filter_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->filter_names)), NULL);

  add_filter (self, _("All Customers"), 0, FALSE);
  add_filter (self, _("Unassigned"), -1, FALSE);
  /* A clerk's own list (客户资料处理): customers given to them and not contacted yet. */
  if (self->staff != NULL && kefu_staff_get_role (self->staff) == KEFU_ROLE_CLERK)
    add_filter (self, _("Mine to Contact This Week"),
                kefu_record_get_id (KEFU_RECORD (self->staff)), TRUE);
  for (guint i = 0; self->clerks != NULL && i < self->clerks->len; i++)
    {
      KefuStaff *clerk = self->clerks->pdata[i];
      g_autofree char *name = NULL;

      /* Translators: an entry of the customers list's filter; %s is a clerk's name. */
      name = g_strdup_printf (_("Assigned to %s"), kefu_staff_get_name (clerk));
      add_filter (self, name, kefu_record_get_id (KEFU_RECORD (clerk)), FALSE);
    }

  for (guint i = 0; i < self->filters->len; i++)
    {
      FilterChoice *choice = &g_array_index (self->filters, FilterChoice, i);

      if (choice->assigned_clerk_id == current.assigned_clerk_id &&
          choice->to_contact == current.to_contact)
        keep = i;
    }

  gtk_drop_down_set_selected (self->filter_dropdown, keep);
  self->rebuilding_filters = FALSE;
  apply_filter (self);
}

static void
filter_selected_cb (KefuCustomersPane *self)
{
  apply_filter (self);
}

static void
list_clerks_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KefuCustomersPane) self = user_data;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GError) error = NULL;

  staff = kefu_store_list_staff_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      KEFU_STORE (object) != self->store)
    return;

  self->loading_clerks = FALSE;
  g_clear_pointer (&self->clerks, g_ptr_array_unref);
  if (staff == NULL)
    {
      /* The list works without the per-clerk filters; say why they are missing. */
      toast (self, error->message);
    }
  else
    {
      self->clerks = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
        {
          g_autoptr(KefuStaff) member = g_list_model_get_item (staff, i);

          if (kefu_staff_get_active (member) && kefu_staff_get_role (member) == KEFU_ROLE_CLERK)
            g_ptr_array_add (self->clerks, g_steal_pointer (&member));
        }
    }

  rebuild_filters (self);
  update_busy (self);
}

/* Search and sort */

static void
search_changed_cb (KefuCustomersPane *self)
{
  kefu_customer_list_model_set_query (self->model,
                                      gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (KefuCustomersPane *self)
{
  /* Enter on a search that found one customer opens them, as a clerk expects after typing a
   * full number; otherwise the list takes the keyboard. */
  if (!kefu_customer_list_model_get_loading (self->model) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 1)
    kefu_customers_pane_open_customer (self, kefu_customer_list_model_get_id (self->model, 0));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* The list is sorted by the store: the column view's sorter only says which column and which
 * way, and is never attached to a sort model (which would read every row). */
static void
sorter_changed_cb (KefuCustomersPane *self,
                   GtkSorterChange    change,
                   GtkSorter         *sorter)
{
  GtkColumnViewSorter *column_sorter = GTK_COLUMN_VIEW_SORTER (sorter);
  GtkColumnViewColumn *column = gtk_column_view_sorter_get_primary_sort_column (column_sorter);
  GtkSortType order = gtk_column_view_sorter_get_primary_sort_order (column_sorter);
  KefuCustomerSort sort = KEFU_CUSTOMER_SORT_NAME;

  if (column == self->district_column)
    sort = KEFU_CUSTOMER_SORT_DISTRICT;
  else if (column == self->last_contact_column)
    sort = KEFU_CUSTOMER_SORT_LAST_CONTACT;

  kefu_customer_list_model_set_sort (self->model, sort,
                                     column != NULL && order == GTK_SORT_DESCENDING);
}

/* Cells.
 *
 * Made in C rather than with GtkBuilderListItemFactory templates: the column view makes some 200
 * rows of six cells whenever the list is replaced, and parsing a template for each of them cost
 * about 200 ms at every search or sort. A cell shows one text made from its customer and is
 * refreshed when the customer's version changes, which is when the model fills a placeholder or
 * reads a changed customer again (fill_customer() sets the version last). */

typedef char * (*CellText) (KefuCustomer *customer);

static char *
cell_name (KefuCustomer *customer)
{
  return g_strdup (kefu_customer_get_name (customer));
}

static char *
cell_phones (KefuCustomer *customer)
{
  const char * const *phones = kefu_customer_get_phones (customer);
  g_autofree char *first = NULL;
  guint n;

  if (phones == NULL || phones[0] == NULL)
    return g_strdup ("");

  first = kefu_phone_format (phones[0]);
  n = g_strv_length ((char **) phones);
  if (n == 1)
    return g_steal_pointer (&first);

  /* Translators: the phone column when a customer has several numbers: the first, and how
   * many more, e.g. "138 1234 5678 (+1)". */
  return g_strdup_printf (_("%s (+%u)"), first, n - 1);
}

static char *
cell_district (KefuCustomer *customer)
{
  return g_strdup (kefu_customer_get_district (customer));
}

static char *
cell_member (KefuCustomer *customer)
{
  const char *number = kefu_customer_get_member_number (customer);

  if (!kefu_customer_get_is_member (customer))
    return g_strdup ("");
  if (*number == '\0')
    /* Translators: the member column of the customers list, for a member without a number. */
    return g_strdup (C_("member column", "Member"));

  return g_strdup (number);
}

static char *
cell_clerk (KefuCustomer *customer)
{
  return g_strdup (kefu_customer_get_assigned_clerk_name (customer));
}

static char *
cell_last_contact (KefuCustomer *customer)
{
  GDateTime *time = kefu_customer_get_last_contact_at (customer);
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
cell_refresh (GtkColumnViewCell *cell)
{
  GtkWidget *label = gtk_column_view_cell_get_child (cell);
  KefuCustomer *customer = gtk_column_view_cell_get_item (cell);
  CellText text = g_object_get_data (G_OBJECT (label), "kefu-cell-text");
  g_autofree char *value = customer != NULL ? text (customer) : NULL;

  gtk_label_set_label (GTK_LABEL (label), value != NULL ? value : "");
}

static void
cell_version_cb (KefuCustomer      *customer,
                 GParamSpec        *pspec,
                 GtkColumnViewCell *cell)
{
  cell_refresh (cell);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkColumnViewCell        *cell,
               CellText                  text)
{
  /* A GtkLabel, not a GtkInscription: an inscription centres each cell's own text, so Chinese
   * names sat lower than the digits beside them; labels share the row's baseline. */
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (text == cell_phones || text == cell_last_contact)
    gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "kefu-cell-text", text);
  gtk_column_view_cell_set_child (cell, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkColumnViewCell        *cell,
              CellText                  text)
{
  KefuCustomer *customer = gtk_column_view_cell_get_item (cell);

  g_signal_connect (customer, "notify::version", G_CALLBACK (cell_version_cb), cell);
  cell_refresh (cell);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkColumnViewCell        *cell,
                CellText                  text)
{
  KefuCustomer *customer = gtk_column_view_cell_get_item (cell);

  if (customer != NULL)
    g_signal_handlers_disconnect_by_func (customer, cell_version_cb, cell);
}

static void
set_cell_factory (GtkColumnViewColumn *column,
                  CellText             text)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), text);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), text);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), text);
  gtk_column_view_column_set_factory (column, factory);
}

/* The customer page */

static void
page_saved_cb (KefuCustomersPane *self,
               KefuCustomer      *customer,
               KefuCustomerPage  *page)
{
  g_autofree char *message = NULL;

  /* Translators: a toast after saving a customer; %s is their name. */
  message = g_strdup_printf (_("Saved %s"), kefu_customer_get_name (customer));
  toast (self, message);
  /* The changed row (and its place, if its name or district moved it) shows at once. */
  kefu_customer_list_model_reload (self->model);
}

static void
page_popped_cb (KefuCustomersPane *self,
                AdwNavigationPage *page,
                AdwNavigationView *view)
{
  if ((AdwNavigationPage *) self->page == page)
    {
      g_signal_handlers_disconnect_by_data (self->page, self);
      self->page = NULL;
      update_busy (self);
    }
}

static void
column_view_activate_cb (KefuCustomersPane *self,
                         guint              position)
{
  gint64 id = kefu_customer_list_model_get_id (self->model, position);

  if (id != 0)
    kefu_customers_pane_open_customer (self, id);
}

static void
selection_changed_cb (KefuCustomersPane *self)
{
  update_status (self);
  update_actions (self);
}

/* Actions */

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
  g_autofree char *number = format_count (customers);
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
  toast (self, message);
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

  if (self->store == NULL || !can_assign (self))
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
  g_autofree char *n_created = format_count (created);
  g_autofree char *n_merged = format_count (merged);
  g_autofree char *n_skipped = format_count (skipped);
  g_autofree char *message = NULL;

  /* Translators: a toast after an import; each %s is a number. */
  message = g_strdup_printf (_("Imported: %s new, %s merged, %s skipped"),
                             n_created, n_merged, n_skipped);
  toast (self, message);
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
  g_autofree char *n_done = format_count (done);
  g_autofree char *n_total = format_count (total);
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
    toast (self, _("Export stopped; no file was written"));
  else if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why the export failed. */
      message = g_strdup_printf (_("Could not export the customers: %s"), error->message);
      toast (self, message);
    }
  else
    {
      g_autofree char *number = format_count (written);
      g_autofree char *name = file ? g_file_get_basename (file) : g_strdup ("");
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: a toast after an export; the first
                                               * %s is a number, the second a file name. */
                                              "Exported %s customer to %s",
                                              "Exported %s customers to %s",
                                              written),
                                 number, name);
      toast (self, message);
    }

  update_actions (self);
  update_busy (self);
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
        toast (self, error->message);
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

  adw_navigation_view_pop_to_tag (self->navigation_view, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Showing the pane */

static void
load_store (KefuCustomersPane *self)
{
  self->store_pending = FALSE;

  if (self->store != NULL)
    {
      self->loading_clerks = TRUE;
      kefu_store_list_staff_async (self->store, TRUE, self->cancellable, list_clerks_cb,
                                   g_object_ref (self));
    }

  if (kefu_customer_list_model_get_store (self->model) == self->store)
    kefu_customer_list_model_reload (self->model);
  else
    kefu_customer_list_model_set_store (self->model, self->store);

  model_changed_cb (self);
}

/* The list of a database is read a few seconds after it opens, in the background, so that the
 * pane shows it at once when it is chosen; not at once, because reading a million ids takes the
 * store's one worker for a few hundred milliseconds, and the intake pane's first lookups must
 * not wait behind it. Shown (again), the list is read again, to show what others changed: the
 * rows on screen stay meanwhile, and only what changed moves. */
#define PRELOAD_DELAY_SECONDS 3

static gboolean
preload_cb (gpointer user_data)
{
  KefuCustomersPane *self = user_data;

  self->preload_source = 0;
  if (self->store_pending)
    load_store (self);

  return G_SOURCE_REMOVE;
}

static gboolean
refresh_cb (gpointer user_data)
{
  KefuCustomersPane *self = user_data;

  self->refresh_source = 0;
  kefu_customer_list_model_reload (self->model);

  return G_SOURCE_REMOVE;
}

static void
kefu_customers_pane_map (GtkWidget *widget)
{
  KefuCustomersPane *self = KEFU_CUSTOMERS_PANE (widget);

  GTK_WIDGET_CLASS (kefu_customers_pane_parent_class)->map (widget);

  g_clear_handle_id (&self->preload_source, g_source_remove);
  if (self->store_pending)
    load_store (self);
  else if (self->store != NULL && self->refresh_source == 0)
    /* After the frame that asks for the shown rows: their page goes to the store's worker
     * before the (longer) reading of every id. */
    self->refresh_source = g_idle_add_full (G_PRIORITY_LOW, refresh_cb, self, NULL);
}

static void
kefu_customers_pane_dispose (GObject *object)
{
  KefuCustomersPane *self = KEFU_CUSTOMERS_PANE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_handle_id (&self->preload_source, g_source_remove);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
  self->page = NULL;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  /* The widgets go with the toast overlay, after this dispose (AdwBin's): nothing they say
   * on the way out may reach this pane. */
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      g_signal_handlers_disconnect_by_data (self->column_view, self);
      g_signal_handlers_disconnect_by_data (self->filter_dropdown, self);
      g_signal_handlers_disconnect_by_data (self->search_entry, self);
      g_signal_handlers_disconnect_by_data (self->navigation_view, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CUSTOMERS_PANE);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->export_file);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->filter_names);
  g_clear_pointer (&self->filters, g_array_unref);
  g_clear_pointer (&self->clerks, g_ptr_array_unref);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_customers_pane_parent_class)->dispose (object);
}

static void
kefu_customers_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KefuCustomersPane *self = KEFU_CUSTOMERS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_customers_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KefuCustomersPane *self = KEFU_CUSTOMERS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kefu_customers_pane_set_store (self, g_value_get_object (value));
      break;

    case PROP_STAFF:
      kefu_customers_pane_set_staff (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_customers_pane_class_init (KefuCustomersPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_customers_pane_dispose;
  object_class->get_property = kefu_customers_pane_get_property;
  object_class->set_property = kefu_customers_pane_set_property;

  widget_class->map = kefu_customers_pane_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEFU_TYPE_CUSTOMER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-customers-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, assign_button);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, clerk_column);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, column_view);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, district_column);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, empty_import_button);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, export_box);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, export_progress);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, last_contact_column);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, member_column);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, name_column);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, phone_column);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomersPane, status_label);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "customers.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "customers.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "customers.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "customers.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "customers.open-selected", NULL, open_selected_action);
  gtk_widget_class_install_action (widget_class, "customers.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "customers.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "customers.search", NULL);
}

static void
kefu_customers_pane_init (KefuCustomersPane *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->filters = g_array_new (FALSE, FALSE, sizeof (FilterChoice));
  self->filter_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (self->filter_names));

  set_cell_factory (self->name_column, cell_name);
  set_cell_factory (self->phone_column, cell_phones);
  set_cell_factory (self->district_column, cell_district);
  set_cell_factory (self->member_column, cell_member);
  set_cell_factory (self->clerk_column, cell_clerk);
  set_cell_factory (self->last_contact_column, cell_last_contact);

  self->model = kefu_customer_list_model_new (NULL);
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (model_changed_cb), self);
  g_signal_connect_swapped (self->model, "notify::loading", G_CALLBACK (model_loading_cb), self);
  g_signal_connect_swapped (self->model, "notify::filling", G_CALLBACK (update_busy), self);

  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_swapped (sorter, "changed", G_CALLBACK (sorter_changed_cb), self);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  g_signal_connect_swapped (self->navigation_view, "popped", G_CALLBACK (page_popped_cb), self);

  /* Typing anywhere in the list searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  gtk_widget_set_visible (self->assign_button, FALSE);
  rebuild_filters (self);
  model_changed_cb (self);
}

GtkWidget *
kefu_customers_pane_new (void)
{
  return g_object_new (KEFU_TYPE_CUSTOMERS_PANE, NULL);
}

KefuStore *
kefu_customers_pane_get_store (KefuCustomersPane *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMERS_PANE (self), NULL);

  return self->store;
}

void
kefu_customers_pane_set_store (KefuCustomersPane *self,
                               KefuStore         *store)
{
  g_return_if_fail (KEFU_IS_CUSTOMERS_PANE (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* Nothing of the previous database may be shown or answered. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  self->loading_clerks = FALSE;
  g_clear_pointer (&self->clerks, g_ptr_array_unref);
  adw_navigation_view_pop_to_tag (self->navigation_view, "list");
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rebuild_filters (self);

  g_clear_handle_id (&self->preload_source, g_source_remove);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (store == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_store (self);
  else
    {
      /* Nothing of another database is kept until the list is read. */
      kefu_customer_list_model_set_store (self->model, NULL);
      self->store_pending = TRUE;
      self->preload_source = g_timeout_add_seconds (PRELOAD_DELAY_SECONDS, preload_cb, self);
    }

  model_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

KefuStaff *
kefu_customers_pane_get_staff (KefuCustomersPane *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMERS_PANE (self), NULL);

  return self->staff;
}

void
kefu_customers_pane_set_staff (KefuCustomersPane *self,
                               KefuStaff         *staff)
{
  g_return_if_fail (KEFU_IS_CUSTOMERS_PANE (self));
  g_return_if_fail (staff == NULL || KEFU_IS_STAFF (staff));

  if (!g_set_object (&self->staff, staff))
    return;

  gtk_widget_set_visible (self->assign_button, can_assign (self));
  rebuild_filters (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
}

gboolean
kefu_customers_pane_get_busy (KefuCustomersPane *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMERS_PANE (self), FALSE);

  return self->busy;
}

KefuCustomerListModel *
kefu_customers_pane_get_model (KefuCustomersPane *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMERS_PANE (self), NULL);

  return self->model;
}

void
kefu_customers_pane_open_customer (KefuCustomersPane *self,
                                   gint64             customer_id)
{
  KefuCustomerPage *page;

  g_return_if_fail (KEFU_IS_CUSTOMERS_PANE (self));
  g_return_if_fail (customer_id > 0);

  if (self->store == NULL)
    return;

  adw_navigation_view_pop_to_tag (self->navigation_view, "list");

  page = kefu_customer_page_new (self->store, customer_id);
  g_signal_connect_swapped (page, "saved", G_CALLBACK (page_saved_cb), self);
  g_signal_connect_swapped (page, "notify::busy", G_CALLBACK (update_busy), self);
  self->page = page;
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
  update_busy (self);
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
  update_actions (self);
  update_busy (self);

  kefu_customer_export_async (self->store, ids, file, export_progress_cb, self,
                              self->export_cancellable, export_cb, g_object_ref (self));
}
