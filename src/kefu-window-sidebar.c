/* kefu-window-sidebar.c: the window's sidebar: the rows of the panes, switching between them, and
 * the live counts beside them.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "callbacks/kefu-callbacks-count.h"
#include "store/kefu-store-complaint-counts.h"
#include "store/kefu-store-jobs.h"
#include "store/kefu-store-shipments.h"

#include "kefu-window-private.h"
#include "widgets/kefu-sidebar-row.h"

static const char * const pane_names[] = {
  "intake", "complaints", "aftersales", "callbacks", "customers", "dashboard", NULL
};

/* The live counts beside the panes. A pane that wants one adds a line here with a store call of
 * the same shape as kefu_store_count_customers_async/_finish (e.g. open complaints, callbacks due
 * today). Counts refresh when a database opens and whenever the window becomes active. */
typedef struct
{
  const char *pane;
  void      (*count_async)  (KefuStore           *store,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  gint64    (*count_finish) (KefuStore           *store,
                             GAsyncResult        *result,
                             GError             **error);
  /* Optional, used instead of count_finish: also how many are urgent and overdue, for the
   * row's marker. */
  gint64    (*count_finish_full) (KefuStore      *store,
                                  GAsyncResult   *result,
                                  gint64         *n_urgent,
                                  gint64         *n_overdue,
                                  GError        **error);
  /* Optional, used instead of both: also a sentence breaking the count down, for the row's
   * tooltip. */
  gint64    (*count_finish_details) (KefuStore      *store,
                                     GAsyncResult   *result,
                                     gint64         *n_urgent,
                                     gint64         *n_overdue,
                                     char          **details,
                                     GError        **error);
} KefuPaneCounter;

/* After-Sales: the open shipments and service jobs (the pane opens on the shipments, so the
 * count is of both), and the open shipments that need attention (overdue or in exception) as
 * the row's red "overdue" marker. The counts are read in one call on the worker. */
typedef struct
{
  gint64 n_jobs;
  gint64 n_jobs_awaiting;
  gint64 n_shipments;
  gint64 n_shipments_attention;
} AftersalesCounts;

static gpointer
count_aftersales_func (KefuStore     *store,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  AftersalesCounts *counts = data;

  if (!kefu_store_count_jobs (store, &counts->n_jobs, &counts->n_jobs_awaiting, cancellable,
                              error) ||
      !kefu_store_count_shipments (store, NULL, &counts->n_shipments,
                                   &counts->n_shipments_attention, cancellable, error))
    return NULL;

  /* kefu_store_run_async () hands back an object; the counts are in `data`. */
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static void
aftersales_counted_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GObject) done = NULL;
  GError *error = NULL;

  done = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (done == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_memdup2 (g_task_get_task_data (task), sizeof (AftersalesCounts)),
                           g_free);
}

static void
count_aftersales_async (KefuStore           *store,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  AftersalesCounts *counts = g_new0 (AftersalesCounts, 1);

  /* The task keeps the counts until the worker's answer has been copied out of them. */
  g_task_set_task_data (task, counts, g_free);
  kefu_store_run_async (store, count_aftersales_func, counts, NULL, cancellable,
                        aftersales_counted_cb, task);
}

static gint64
count_aftersales_finish_details (KefuStore     *store,
                                 GAsyncResult  *result,
                                 gint64        *n_urgent,
                                 gint64        *n_overdue,
                                 char         **details,
                                 GError       **error)
{
  g_autofree AftersalesCounts *counts = g_task_propagate_pointer (G_TASK (result), error);
  g_autofree char *shipments = NULL;
  g_autofree char *jobs = NULL;
  g_autofree char *awaiting = NULL;
  int n;

  /* Overdue and exception shipments are the row's red marker: they need someone now. */
  *n_urgent = counts != NULL ? counts->n_shipments_attention : -1;
  *n_overdue = -1;
  *details = NULL;
  if (counts == NULL)
    return -1;

  n = (int) CLAMP (counts->n_shipments, 0, G_MAXINT);
  /* Translators: the first part of the After-Sales row's tooltip in the sidebar. */
  shipments = g_strdup_printf (ngettext ("%d open shipment", "%d open shipments", n), n);
  n = (int) CLAMP (counts->n_jobs, 0, G_MAXINT);
  /* Translators: the second part of the After-Sales row's tooltip in the sidebar. */
  jobs = g_strdup_printf (ngettext ("%d open service job", "%d open service jobs", n), n);
  n = (int) CLAMP (counts->n_jobs_awaiting, 0, G_MAXINT);
  /* Translators: the last part of the After-Sales row's tooltip in the sidebar: service jobs
   * waiting for the general manager's approval. */
  awaiting = g_strdup_printf (ngettext ("%d awaiting approval", "%d awaiting approval", n), n);
  /* Translators: the After-Sales row's tooltip in the sidebar, e.g. "12 open shipments, 15 open
   * service jobs, 2 awaiting approval". */
  *details = g_strdup_printf (_("%s, %s, %s"), shipments, jobs, awaiting);

  return counts->n_shipments + counts->n_jobs;
}

static gint64
count_aftersales_finish (KefuStore     *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_autofree char *details = NULL;
  gint64 n_urgent, n_overdue;

  return count_aftersales_finish_details (store, result, &n_urgent, &n_overdue, &details, error);
}

static const KefuPaneCounter pane_counters[] = {
  { "complaints", kefu_store_count_open_complaints_async, kefu_store_count_open_complaints_finish,
    kefu_store_count_open_complaints_finish_full },
  { "aftersales", count_aftersales_async, count_aftersales_finish, NULL,
    count_aftersales_finish_details },
  { "callbacks", kefu_callbacks_count_async, kefu_callbacks_count_finish, NULL,
    kefu_callbacks_count_finish_details },
  { "customers", kefu_store_count_customers_async, kefu_store_count_customers_finish, NULL },
};

static KefuSidebarRow *
find_row (KefuWindow *self,
          const char *pane)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (KEFU_IS_SIDEBAR_ROW (child) &&
          g_strcmp0 (kefu_sidebar_row_get_pane_name (KEFU_SIDEBAR_ROW (child)), pane) == 0)
        return KEFU_SIDEBAR_ROW (child);
    }

  return NULL;
}

void
_kefu_window_show_unread_notes (KefuWindow *self,
                                guint       n_unread)
{
  KefuSidebarRow *row = find_row (self, "dashboard");
  g_autofree char *details = NULL;

  if (row == NULL)
    return;
  /* The Dashboard row counts the hand-over notes the person working has not read. */
  if (n_unread > 0)
    details = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unread hand-over note",
                                            "%u unread hand-over notes", n_unread), n_unread);
  kefu_sidebar_row_set_count (row, n_unread > 0 ? (gint64) n_unread : -1);
  kefu_sidebar_row_set_details (row, details);
}

typedef struct
{
  GWeakRef  window;
  guint     index;
  guint     generation;
} CountRequest;

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CountRequest *request = user_data;
  g_autoptr(KefuWindow) self = g_weak_ref_get (&request->window);
  const KefuPaneCounter *counter = &pane_counters[request->index];
  g_autoptr(GError) error = NULL;
  guint generation = request->generation;
  gint64 n_urgent = -1;
  gint64 n_overdue = -1;
  g_autofree char *details = NULL;
  gint64 count;
  KefuSidebarRow *row;

  g_weak_ref_clear (&request->window);
  g_free (request);

  if (counter->count_finish_details != NULL)
    count = counter->count_finish_details (KEFU_STORE (object), result, &n_urgent, &n_overdue,
                                           &details, &error);
  else if (counter->count_finish_full != NULL)
    count = counter->count_finish_full (KEFU_STORE (object), result, &n_urgent, &n_overdue, &error);
  else
    count = counter->count_finish (KEFU_STORE (object), result, &error);
  /* A count of a database the window no longer shows is dropped. */
  if (self == NULL || generation != self->generation ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_assert (self->counts_pending > 0);
  self->counts_pending--;
  row = find_row (self, counter->pane);

  if (error != NULL)
    {
      /* A count is a convenience: the pane itself reports the problem when it is opened. */
      g_debug ("Could not count %s: %s", counter->pane, error->message);
      kefu_sidebar_row_set_count (row, -1);
    }
  else
    kefu_sidebar_row_set_count (row, count);
  kefu_sidebar_row_set_urgent (row, n_urgent);
  kefu_sidebar_row_set_overdue (row, n_overdue);
  kefu_sidebar_row_set_details (row, error == NULL ? details : NULL);

  if (self->counts_pending == 0 && self->counts_again)
    _kefu_window_refresh_counts (self);

  _kefu_window_update_busy (self);
}

static void
sidebar_row_selected_cb (KefuWindow     *self,
                         GtkListBoxRow  *row,
                         GtkListBox     *list)
{
  KefuSidebarRow *sidebar_row;
  GtkWidget *page;
  GtkWidget *content = NULL;

  if (!KEFU_IS_SIDEBAR_ROW (row))
    return;

  sidebar_row = KEFU_SIDEBAR_ROW (row);
  gtk_stack_set_visible_child_name (self->pane_stack, kefu_sidebar_row_get_pane_name (sidebar_row));
  adw_navigation_page_set_title (self->content_page, kefu_sidebar_row_get_title (sidebar_row));

  page = gtk_stack_get_visible_child (self->pane_stack);
  if (ADW_IS_TOOLBAR_VIEW (page))
    content = adw_toolbar_view_get_content (ADW_TOOLBAR_VIEW (page));
  else
    content = page;  /* a pane with its own toolbar view says itself whether it is busy */

  /* Panes whose content loads data say so with a boolean "busy" property. */
  if (content != NULL &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (content), "busy") != NULL)
    g_signal_group_set_target (self->pane_signals, content);
  else
    g_signal_group_set_target (self->pane_signals, NULL);

  _kefu_window_update_busy (self);
}

static void
sidebar_row_activated_cb (KefuWindow    *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
show_pane_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KefuWindow *self = KEFU_WINDOW (widget);

  if (kefu_window_select_pane (self, g_variant_get_string (param, NULL)))
    adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

void
_kefu_window_class_init_sidebar (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);

  /* Alt+1 … Alt+6 go to the panes in sidebar order, as tabs do in other applications. */
  gtk_widget_class_install_action (widget_class, "pane.show", "s", show_pane_action);
  for (guint i = 0; pane_names[i] != NULL; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "pane.show", "s", pane_names[i]);
}

void
_kefu_window_refresh_counts (KefuWindow *self)
{
  if (self->store == NULL)
    return;

  /* The counts being read may have been read before the change that asks for these. */
  if (self->counts_pending > 0)
    {
      self->counts_again = TRUE;
      return;
    }

  self->counts_again = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (pane_counters); i++)
    {
      CountRequest *request = g_new0 (CountRequest, 1);

      g_weak_ref_init (&request->window, self);
      request->index = i;
      request->generation = self->generation;
      self->counts_pending++;
      pane_counters[i].count_async (self->store, self->cancellable, count_cb, request);
    }

  _kefu_window_update_busy (self);
}

void
_kefu_window_clear_counts (KefuWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pane_counters); i++)
    {
      KefuSidebarRow *row = find_row (self, pane_counters[i].pane);

      kefu_sidebar_row_set_count (row, -1);
      kefu_sidebar_row_set_urgent (row, -1);
      kefu_sidebar_row_set_overdue (row, -1);
      kefu_sidebar_row_set_details (row, NULL);
    }
}

const char * const *
kefu_window_get_pane_names (void)
{
  return pane_names;
}

gboolean
kefu_window_select_pane (KefuWindow *self,
                         const char *name)
{
  KefuSidebarRow *row;

  g_return_val_if_fail (KEFU_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  row = find_row (self, name);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
  return TRUE;
}

const char *
kefu_window_get_visible_pane (KefuWindow *self)
{
  g_return_val_if_fail (KEFU_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->pane_stack);
}
