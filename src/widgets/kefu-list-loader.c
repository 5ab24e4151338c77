/* kefu-list-loader.c: what every list read off the main thread does with the answer.
 *
 * The dialogs and views that read a list through kefu_store_run_async() all fill their
 * GListStore the same way, show the same error page and read their rows out the same way;
 * these helpers keep them saying the same thing.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-list-loader"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-list-loader.h"

/**
 * kefu_list_store_replace_all:
 * @store: the list a view shows
 * @items: what was read
 *
 * Replaces every item of @store with the items of @items in one splice, so that a list view
 * redraws once rather than once an item.
 */
void
kefu_list_store_replace_all (GListStore *store,
                             GListModel *items)
{
  g_autoptr(GPtrArray) array = NULL;
  guint n;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (G_IS_LIST_MODEL (items));

  n = g_list_model_get_n_items (items);
  array = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       array->pdata, array->len);
}

/**
 * kefu_list_loader_show_error:
 * @stack: the stack with an "error" page
 * @error_page: the status page of that page
 * @reason: why the list could not be read (a GError's message)
 *
 * Shows the error page with @reason and what the clerk can do about it.
 */
void
kefu_list_loader_show_error (GtkStack      *stack,
                             AdwStatusPage *error_page,
                             const char    *reason)
{
  g_autofree char *description = NULL;

  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (ADW_IS_STATUS_PAGE (error_page));
  g_return_if_fail (reason != NULL);

  /* Translators: shown when a list (today's calls, the leads, a customer's history …) could
   * not be read; %s is the reason. */
  description = g_strdup_printf (_("%s Check the connection to the database, then try again."),
                                 reason);
  adw_status_page_set_description (error_page, description);
  gtk_stack_set_visible_child_name (stack, "error");
}

/**
 * kefu_list_loader_show_empty:
 * @stack: the stack with an "empty" page
 * @empty_page: the status page of that page
 * @icon_name: the page's icon
 * @title: what the list lacks ("No Matching Customers")
 * @description: what the clerk can do about it
 * @button: (nullable): the page's button, shown only when @show_button
 * @show_button: whether @button helps here (clearing filters helps only a filtered list)
 *
 * Shows the empty page saying why the list is empty: the one page serves both a list that has
 * nothing yet and a list whose filters match nothing.
 */
void
kefu_list_loader_show_empty (GtkStack      *stack,
                             AdwStatusPage *empty_page,
                             const char    *icon_name,
                             const char    *title,
                             const char    *description,
                             GtkWidget     *button,
                             gboolean       show_button)
{
  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (ADW_IS_STATUS_PAGE (empty_page));

  adw_status_page_set_icon_name (empty_page, icon_name);
  adw_status_page_set_title (empty_page, title);
  adw_status_page_set_description (empty_page, description);
  if (button != NULL)
    gtk_widget_set_visible (button, show_button);
  gtk_stack_set_visible_child_name (stack, "empty");
}

/**
 * kefu_accessible_label_append:
 * @label: a row's label for screen readers, being built
 * @part: the next part the row shows, or %NULL or "" when the row shows none
 *
 * Appends @part after a separator; an empty part is left out, so a screen reader never reads
 * a bare comma.
 */
void
kefu_accessible_label_append (GString    *label,
                              const char *part)
{
  g_return_if_fail (label != NULL);

  if (part == NULL || *part == '\0')
    return;

  /* Translators: the separator between the parts of a row read by a screen reader. */
  g_string_append_printf (label, _(", %s"), part);
}

/**
 * kefu_toast_overlay_add_error:
 * @overlay: the dialog's toast overlay
 * @text: what failed and why
 *
 * Shows a toast that a write failed. An error stays until it is read: it never times out.
 */
void
kefu_toast_overlay_add_error (AdwToastOverlay *overlay,
                              const char      *text)
{
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (text != NULL);

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}
