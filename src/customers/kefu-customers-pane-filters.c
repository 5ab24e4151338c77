/* kefu-customers-pane-filters.c: which customers the pane lists: the "which customers"
 * drop-down (all, unassigned, a clerk's own, each clerk's) with the clerks it is built from, the
 * search and the column the store sorts by.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customers-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-roles.h"

#include "kefu-customers-pane-private.h"

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
  filter.archived = g_array_index (self->filters, FilterChoice, selected).archived;
  kefu_customer_list_model_set_filter (self->model, &filter);
}

static void
add_filter (KefuCustomersPane *self,
            const char        *name,
            gint64             clerk_id,
            gboolean           to_contact,
            gboolean           archived)
{
  FilterChoice choice = { clerk_id, to_contact, archived };

  g_array_append_val (self->filters, choice);
  gtk_string_list_append (self->filter_names, name);
}

void
_kefu_customers_pane_rebuild_filters (KefuCustomersPane *self)
{
  KefuCustomerFilter current;
  guint keep = 0;

  kefu_customer_list_model_get_filter (self->model, &current);

  self->rebuilding_filters = TRUE;
  g_array_set_size (self->filters, 0);
  gtk_string_list_splice (self->filter_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->filter_names)), NULL);

  add_filter (self, _("All Customers"), 0, FALSE, FALSE);
  add_filter (self, _("Unassigned"), -1, FALSE, FALSE);
  /* A clerk's own list (客户资料处理): customers given to them and not contacted yet. */
  if (self->staff != NULL && kefu_staff_get_role (self->staff) == KEFU_ROLE_CLERK)
    add_filter (self, _("Mine to Contact This Week"),
                kefu_record_get_id (KEFU_RECORD (self->staff)), TRUE, FALSE);
  for (guint i = 0; self->clerks != NULL && i < self->clerks->len; i++)
    {
      KefuStaff *clerk = self->clerks->pdata[i];
      g_autofree char *name = NULL;

      /* Translators: an entry of the customers list's filter; %s is a clerk's name. */
      name = g_strdup_printf (_("Assigned to %s"), kefu_staff_get_name (clerk));
      add_filter (self, name, kefu_record_get_id (KEFU_RECORD (clerk)), FALSE, FALSE);
    }
  /* Show Archived: nothing is deleted, archived customers are found here. */
  add_filter (self, _("Archived Customers"), 0, FALSE, TRUE);

  for (guint i = 0; i < self->filters->len; i++)
    {
      FilterChoice *choice = &g_array_index (self->filters, FilterChoice, i);

      if (choice->assigned_clerk_id == current.assigned_clerk_id &&
          choice->to_contact == current.to_contact &&
          choice->archived == current.archived)
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
      _kefu_customers_pane_toast (self, error->message);
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

  _kefu_customers_pane_rebuild_filters (self);
  _kefu_customers_pane_update_busy (self);
}

void
_kefu_customers_pane_load_clerks (KefuCustomersPane *self)
{
  self->loading_clerks = TRUE;
  kefu_store_list_staff_async (self->store, TRUE, self->cancellable, list_clerks_cb,
                               g_object_ref (self));
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
void
_kefu_customers_pane_sorter_changed_cb (KefuCustomersPane *self,
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

void
_kefu_customers_pane_class_init_filters (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}
