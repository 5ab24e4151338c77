/* kefu-callbacks-count.c: the Callbacks row's count in the sidebar.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callbacks-count"

#include "config.h"

#include <glib/gi18n.h>

#include "store/kefu-store-callbacks.h"

#include "kefu-callbacks-count.h"

typedef struct
{
  gint64 n_today;     /* due today, not yet late */
  gint64 n_overdue;   /* late, any day */
  gint64 n_escalated; /* waiting for the team lead */
} CallbackCounts;

static gpointer
count_func (KefuStore     *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  CallbackCounts *counts = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GArray) today = NULL;
  guint n_overdue = 0, n_escalated = 0;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  today = kefu_store_count_callbacks_by_day (store, &day, &day, 0, now, cancellable, error);
  if (today == NULL)
    return NULL;
  if (!kefu_store_count_late_callbacks (store, now, 0, &n_overdue, &n_escalated, cancellable,
                                        error))
    return NULL;

  if (today->len > 0)
    counts->n_today = g_array_index (today, KefuCallbackDayCount, 0).due;
  counts->n_overdue = n_overdue;
  counts->n_escalated = n_escalated;
  /* kefu_store_run_async () hands back an object; the counts are in `data`. */
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static void
counted_cb (GObject      *object,
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
    g_task_return_pointer (task, g_memdup2 (g_task_get_task_data (task), sizeof (CallbackCounts)),
                           g_free);
}

void
kefu_callbacks_count_async (KefuStore           *store,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  CallbackCounts *counts = g_new0 (CallbackCounts, 1);

  g_return_if_fail (KEFU_IS_STORE (store));

  /* The task keeps the counts until the worker's answer has been copied out of them. */
  g_task_set_task_data (task, counts, g_free);
  kefu_store_run_async (store, count_func, counts, NULL, cancellable, counted_cb, task);
}

gint64
kefu_callbacks_count_finish_details (KefuStore     *store,
                                     GAsyncResult  *result,
                                     gint64        *n_urgent,
                                     gint64        *n_overdue,
                                     char         **details,
                                     GError       **error)
{
  g_autofree CallbackCounts *counts = g_task_propagate_pointer (G_TASK (result), error);
  g_autofree char *today = NULL;
  g_autofree char *late = NULL;
  g_autofree char *escalated = NULL;
  int n;

  /* Late callbacks are the red marker: the three days are a promise. */
  *n_urgent = counts != NULL ? counts->n_overdue : -1;
  *n_overdue = -1;
  *details = NULL;
  if (counts == NULL)
    return -1;

  n = (int) CLAMP (counts->n_today, 0, G_MAXINT);
  /* Translators: the first part of the Callbacks row's tooltip in the sidebar. */
  today = g_strdup_printf (ngettext ("%d due today", "%d due today", n), n);
  n = (int) CLAMP (counts->n_overdue, 0, G_MAXINT);
  /* Translators: the second part of the Callbacks row's tooltip in the sidebar. */
  late = g_strdup_printf (ngettext ("%d overdue", "%d overdue", n), n);
  n = (int) CLAMP (counts->n_escalated, 0, G_MAXINT);
  /* Translators: the last part of the Callbacks row's tooltip: callbacks whose attempts ran
   * out, waiting for the team lead. */
  escalated = g_strdup_printf (ngettext ("%d waiting for the team lead",
                                         "%d waiting for the team lead", n), n);
  /* Translators: the Callbacks row's tooltip in the sidebar, e.g. "12 due today, 3 overdue,
   * 1 waiting for the team lead". */
  *details = g_strdup_printf (_("%s, %s, %s"), today, late, escalated);

  return counts->n_today + counts->n_overdue;
}

gint64
kefu_callbacks_count_finish (KefuStore     *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_autofree char *details = NULL;
  gint64 n_urgent, n_overdue;

  return kefu_callbacks_count_finish_details (store, result, &n_urgent, &n_overdue, &details,
                                              error);
}
