/* kefu-screenshots.c: a picture of every pane, of the Complaints pane's list view and one
 * complaint's detail page, of the After-Sales pane's three views, one shipment and one job, and
 * of the Callbacks pane's week and one callback's page with its script.
 *
 * The pattern is libadwaita's doc/tools/screenshot.c: the widget's paintable is snapshotted into
 * a render node, which the window's own renderer turns into a texture saved as PNG. A pane is
 * pictured only once the window says it is no longer busy (database open, who is working known,
 * counts and the pane's own data loaded) and two frames have been drawn since.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-screenshots"

#include "config.h"

#include <glib/gi18n.h>

#include "aftersales/kefu-aftersales-pane.h"
#include "callbacks/kefu-callbacks-pane.h"
#include "complaints/kefu-complaints-pane.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-complaints.h"
#include "store/kefu-store-jobs.h"
#include "store/kefu-store-shipments.h"

#include "kefu-screenshots.h"

/* How long one pane may take to load before the run fails. */
#define PANE_TIMEOUT_SECONDS 60

/* One picture: the file it is saved as (without .png) and how the window is brought to it. A
 * step without `prepare` shows the pane of the same name; one with it calls wait_step () when
 * the window shows what it should (or skip_step () when there is nothing to show). */
typedef struct
{
  const char  *name;
  void       (*prepare) (GTask *task);
} Step;

typedef struct
{
  KefuWindow *window;
  GFile      *dir;
  GArray     *steps;
  guint       index;
  gulong      busy_handler;
  guint       tick_id;
  guint       frames;
  guint       settle_id;
  guint       timeout_id;
  guint       redraws;     /* frames waited for again because the window drew nothing */
} Run;

static void take_next (GTask *task);
static void wait_step (GTask *task);

static void
run_stop_waiting (Run *run)
{
  g_clear_signal_handler (&run->busy_handler, run->window);
  if (run->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (run->window), run->tick_id);
      run->tick_id = 0;
    }
  g_clear_handle_id (&run->settle_id, g_source_remove);
  g_clear_handle_id (&run->timeout_id, g_source_remove);
}

static void
run_free (Run *run)
{
  run_stop_waiting (run);
  g_clear_object (&run->window);
  g_clear_object (&run->dir);
  g_clear_pointer (&run->steps, g_array_unref);
  g_free (run);
}

gboolean
kefu_screenshots_save_widget (GtkWidget  *widget,
                              GFile      *file,
                              GError    **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  if (width <= 0 || height <= 0 || renderer == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The window is not shown, so there is nothing to take a picture of."));
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      /* BUSY: a window rebuilding its rows between two frames may draw nothing for one; drawn
       * again, it has its picture. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The window drew nothing."));
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_file_get_path (file);
  if (path == NULL || !gdk_texture_save_to_png (texture, path))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s."), name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
settled_cb (gpointer user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);
  const char *name = g_array_index (run->steps, Step, run->index).name;
  g_autofree char *basename = g_strdup_printf ("%s.png", name);
  g_autoptr(GFile) file = g_file_get_child (run->dir, basename);
  g_autoptr(GError) error = NULL;

  run->settle_id = 0;

  /* Something may have started loading again in the meantime; wait for it too. */
  if (kefu_window_get_busy (run->window))
    {
      wait_step (task);
      return G_SOURCE_REMOVE;
    }

  run_stop_waiting (run);

  if (!kefu_screenshots_save_widget (GTK_WIDGET (run->window), file, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY) && run->redraws++ < 5)
        {
          g_debug ("%s drew nothing; waiting for it to be drawn again", name);
          wait_step (task);
          return G_SOURCE_REMOVE;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return G_SOURCE_REMOVE;
    }

  g_debug ("Saved %s", g_file_peek_path (file));
  run->redraws = 0;
  run->index++;
  take_next (task);

  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);

  /* Two frames after the data arrived the layout has settled; a short pause more lets a
   * late allocation (e.g. a label that wrapped) be drawn too. */
  if (++run->frames < 2)
    return G_SOURCE_CONTINUE;

  run->tick_id = 0;
  run->settle_id = g_timeout_add (100, settled_cb, task);

  return G_SOURCE_REMOVE;
}

static void
wait_for_frames (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  g_clear_signal_handler (&run->busy_handler, run->window);
  if (run->tick_id != 0 || run->settle_id != 0)
    return;

  run->frames = 0;
  gtk_widget_queue_draw (GTK_WIDGET (run->window));
  run->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (run->window), tick_cb, task, NULL);
}

static void
busy_changed_cb (KefuWindow *window,
                 GParamSpec *pspec,
                 GTask      *task)
{
  if (!kefu_window_get_busy (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
    wait_for_frames (task);
}

static gboolean
timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);
  const char *name = g_array_index (run->steps, Step, run->index).name;

  run->timeout_id = 0;
  run_stop_waiting (run);

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                           _("The “%s” pane was still loading after %d seconds."),
                           name, PANE_TIMEOUT_SECONDS);
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

/* Waits until the window is no longer busy, then for the frames, then saves the picture. */
static void
wait_step (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  if (run->timeout_id == 0)
    run->timeout_id = g_timeout_add_seconds (PANE_TIMEOUT_SECONDS, timeout_cb, task);

  if (run->busy_handler == 0)
    run->busy_handler = g_signal_connect (run->window, "notify::busy",
                                          G_CALLBACK (busy_changed_cb), task);
  if (!kefu_window_get_busy (run->window) && gtk_widget_get_mapped (GTK_WIDGET (run->window)))
    wait_for_frames (task);
}

/* Nothing to picture in this step (say, no complaint to open): on to the next. */
static void
skip_step (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  run_stop_waiting (run);
  run->index++;
  take_next (task);
}

/* The first widget of `type` in the window (a pane, to activate its own actions). */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
show_complaints_view (Run        *run,
                      const char *view)
{
  GtkWidget *pane = find_widget (GTK_WIDGET (run->window), KEFU_TYPE_COMPLAINTS_PANE);

  kefu_window_select_pane (run->window, "complaints");
  if (pane != NULL)
    gtk_widget_activate_action (GTK_WIDGET (pane), "complaints.view", "s", view);
}

static void
prepare_complaints_list (GTask *task)
{
  show_complaints_view (g_task_get_task_data (task), "list");
  wait_step (task);
}

static void
detail_cards_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuComplaintCard) chosen = NULL;
  guint n;

  cards = kefu_store_list_board_complaints_finish (KEFU_STORE (object), result, &error);
  if (cards == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  /* The urgent one, which the board shows first in its column; else the first card. */
  n = g_list_model_get_n_items (cards);
  for (guint i = 0; i < n && chosen == NULL; i++)
    {
      g_autoptr(KefuComplaintCard) card = g_list_model_get_item (cards, i);

      if (kefu_complaint_card_get_urgent (card))
        chosen = g_steal_pointer (&card);
    }
  if (chosen == NULL && n > 0)
    chosen = g_list_model_get_item (cards, 0);

  if (chosen == NULL)
    {
      skip_step (task);
      return;
    }

  kefu_window_open_complaint (run->window, kefu_complaint_card_get_id (chosen));
  wait_step (task);
}

static void
prepare_complaint_detail (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  KefuStore *store = kefu_window_get_store (run->window);
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();

  show_complaints_view (run, "board");
  if (store == NULL)
    {
      skip_step (task);
      return;
    }

  kefu_store_list_board_complaints_async (store, filter, 0, g_task_get_cancellable (task),
                                          detail_cards_cb, task);
}

/* The After-Sales pane's views: its root page with `view` shown. */
static void
show_aftersales_view (Run        *run,
                      const char *view)
{
  GtkWidget *pane = find_widget (GTK_WIDGET (run->window), KEFU_TYPE_AFTERSALES_PANE);

  kefu_window_select_pane (run->window, "aftersales");
  if (pane != NULL)
    gtk_widget_activate_action (pane, "aftersales.view", "s", view);
}

static void
prepare_aftersales_jobs (GTask *task)
{
  show_aftersales_view (g_task_get_task_data (task), "jobs");
  wait_step (task);
}

static void
prepare_aftersales_technicians (GTask *task)
{
  show_aftersales_view (g_task_get_task_data (task), "technicians");
  wait_step (task);
}

/* The Callbacks pane: its week, and the page of a callback due today (the first of the team's
 * still due, with its script). */
static void
prepare_callbacks_week (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  GtkWidget *pane = find_widget (GTK_WIDGET (run->window), KEFU_TYPE_CALLBACKS_PANE);

  kefu_window_select_pane (run->window, "callbacks");
  if (pane != NULL)
    gtk_widget_activate_action (pane, "callbacks.view", "s", "week");
  wait_step (task);
}

static gpointer
first_callback_func (KefuStore     *store,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = g_date_time_new_local (g_date_time_get_year (now),
                                                     g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_add_days (from, 1);
  g_autoptr(GPtrArray) today = kefu_store_list_callbacks_due (store, from, to, 0, FALSE,
                                                              cancellable, error);

  if (today == NULL || today->len == 0)
    return NULL;
  return g_object_ref (today->pdata[0]);
}

static void
callback_found_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GObject) callback = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *pane;

  callback = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  pane = find_widget (GTK_WIDGET (run->window), KEFU_TYPE_CALLBACKS_PANE);
  if (callback == NULL || pane == NULL)
    {
      skip_step (task);
      return;
    }
  gtk_widget_activate_action (pane, "callbacks.view", "s", "month");
  kefu_callbacks_pane_open (KEFU_CALLBACKS_PANE (pane), KEFU_CALLBACK (callback)->id);
  wait_step (task);
}

static void
prepare_callback_page (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  KefuStore *store = kefu_window_get_store (run->window);

  kefu_window_select_pane (run->window, "callbacks");
  if (store == NULL)
    {
      skip_step (task);
      return;
    }
  kefu_store_run_async (store, first_callback_func, NULL, NULL, g_task_get_cancellable (task),
                        callback_found_cb, task);
}

/* The record to picture: the first open shipment (or job) in the lists' default order, the one
 * that needs someone first; NULL without error when there is none. */
static gpointer
first_shipment_func (KefuStore     *store,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(KefuShipmentFilter) filter = kefu_shipment_filter_new ();
  g_autoptr(GArray) ids = NULL;

  filter->open_only = TRUE;
  ids = kefu_store_list_shipment_ids_head (store, filter, KEFU_SHIPMENT_SORT_ATTENTION, FALSE, 1,
                                           NULL, cancellable, error);
  if (ids == NULL || ids->len == 0)
    return NULL;

  return kefu_store_get_shipment (store, g_array_index (ids, gint64, 0), cancellable, error);
}

static gpointer
first_job_func (KefuStore     *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(KefuJobFilter) filter = kefu_job_filter_new ();
  g_autoptr(GArray) ids = NULL;

  filter->open_only = TRUE;
  ids = kefu_store_list_job_ids_head (store, filter, KEFU_JOB_SORT_ATTENTION, FALSE, 1, NULL,
                                      cancellable, error);
  if (ids == NULL || ids->len == 0)
    return NULL;

  return kefu_store_get_job (store, g_array_index (ids, gint64, 0), cancellable, error);
}

static void
aftersales_record_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) error = NULL;

  record = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  if (record == NULL)
    skip_step (task);
  else
    {
      if (KEFU_IS_SHIPMENT (record))
        g_action_group_activate_action (G_ACTION_GROUP (run->window), "open-shipment",
                                        g_variant_new_int64 (KEFU_SHIPMENT (record)->id));
      else
        g_action_group_activate_action (G_ACTION_GROUP (run->window), "open-job",
                                        g_variant_new_int64 (KEFU_SERVICE_JOB (record)->id));
      wait_step (task);
    }
}

static void
prepare_aftersales_record (GTask        *task,
                           KefuStoreFunc func)
{
  Run *run = g_task_get_task_data (task);
  KefuStore *store = kefu_window_get_store (run->window);

  show_aftersales_view (run, "shipments");
  if (store == NULL)
    {
      skip_step (task);
      return;
    }

  kefu_store_run_async (store, func, NULL, NULL, g_task_get_cancellable (task),
                        aftersales_record_cb, task);
}

static void
prepare_aftersales_shipment (GTask *task)
{
  prepare_aftersales_record (task, first_shipment_func);
}

static void
prepare_aftersales_job (GTask *task)
{
  prepare_aftersales_record (task, first_job_func);
}

static void
take_next (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  const Step *step;

  if (g_task_return_error_if_cancelled (task))
    {
      run_stop_waiting (run);
      g_object_unref (task);
      return;
    }

  if (run->index >= run->steps->len)
    {
      run_stop_waiting (run);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  step = &g_array_index (run->steps, Step, run->index);
  if (step->prepare != NULL)
    step->prepare (task);
  else
    {
      kefu_window_select_pane (run->window, step->name);
      wait_step (task);
    }
}

static void
window_mapped_cb (GtkWidget *widget,
                  GTask     *task)
{
  g_signal_handlers_disconnect_by_func (widget, window_mapped_cb, task);
  take_next (task);
}

void
kefu_screenshots_take_async (KefuWindow          *window,
                             GFile               *dir,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  Run *run;

  g_return_if_fail (KEFU_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (dir));

  task = g_task_new (window, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_screenshots_take_async);

  run = g_new0 (Run, 1);
  run->window = g_object_ref (window);
  run->dir = g_object_ref (dir);
  run->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  for (const char * const *pane = kefu_window_get_pane_names (); *pane != NULL; pane++)
    g_array_append_val (run->steps, ((Step) { *pane, NULL }));
  /* The same complaints as a table, and one complaint's page: the urgent one if there is one. */
  g_array_append_val (run->steps, ((Step) { "complaints-list", prepare_complaints_list }));
  g_array_append_val (run->steps, ((Step) { "complaints-detail", prepare_complaint_detail }));
  /* The After-Sales pane shows its shipments first; then its jobs, the technicians' calendar,
   * and the page of the shipment and of the job that need someone first. */
  g_array_append_val (run->steps, ((Step) { "aftersales-jobs", prepare_aftersales_jobs }));
  g_array_append_val (run->steps, ((Step) { "aftersales-technicians", prepare_aftersales_technicians }));
  g_array_append_val (run->steps, ((Step) { "aftersales-shipment", prepare_aftersales_shipment }));
  g_array_append_val (run->steps, ((Step) { "aftersales-job", prepare_aftersales_job }));
  /* The Callbacks pane shows its month first; then its week and a callback's page. */
  g_array_append_val (run->steps, ((Step) { "callbacks-week", prepare_callbacks_week }));
  g_array_append_val (run->steps, ((Step) { "callbacks-callback", prepare_callback_page }));
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  /* Transitions would be caught half-way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    take_next (task);
  else
    g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), task);
}

gboolean
kefu_screenshots_take_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
