/* kefu-live-page.c: an open record page kept current (see the header).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-live-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-event.h"

#include "kefu-live-page.h"

typedef struct
{
  GtkWidget               *page;      /* not owned: the state lives as long as the page */
  KefuStore               *store;
  KefuLiveKind             kind;
  char                    *entity;
  const KefuLivePageFuncs *funcs;
  GCancellable            *cancellable;
  AdwBanner               *banner;    /* made at the first change that meets typing */
  double                   scroll;    /* the position to go back to after a silent read */
  gboolean                 restoring;
  gboolean                 was_busy;
  guint                    n_reloads;
} LivePage;

static GQuark
live_page_quark (void)
{
  return g_quark_from_static_string ("kefu-live-page");
}

static void
live_page_free (LivePage *state)
{
  g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  g_clear_object (&state->store);
  g_free (state->entity);
  g_free (state);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 gboolean   mapped)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type) && (!mapped || gtk_widget_get_mapped (widget)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, mapped);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkAdjustment *
page_adjustment (LivePage *state)
{
  GtkWidget *scroller = find_descendant (state->page, GTK_TYPE_SCROLLED_WINDOW, TRUE);

  return scroller != NULL ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))
                          : NULL;
}

static gboolean
page_busy (LivePage *state)
{
  gboolean busy = FALSE;

  g_object_get (state->page, "busy", &busy, NULL);
  return busy;
}

static void
hide_banner (LivePage *state)
{
  if (state->banner != NULL)
    adw_banner_set_revealed (state->banner, FALSE);
}

/* Reads the record again, keeping the scroll position once it is shown again. */
static void
reload (LivePage *state,
        gboolean  discard)
{
  GtkAdjustment *adjustment = page_adjustment (state);

  state->scroll = adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
  state->restoring = adjustment != NULL;
  state->n_reloads++;
  state->funcs->reload (state->page, discard);
}

static void
banner_reload_cb (AdwBanner *banner,
                  LivePage  *state)
{
  hide_banner (state);
  reload (state, TRUE);
}

static AdwBanner *
ensure_banner (LivePage *state)
{
  GtkWidget *toolbar_view;

  if (state->banner != NULL)
    return state->banner;

  toolbar_view = find_descendant (state->page, ADW_TYPE_TOOLBAR_VIEW, FALSE);
  g_return_val_if_fail (toolbar_view != NULL, NULL);

  state->banner = ADW_BANNER (adw_banner_new (""));
  adw_banner_set_button_label (state->banner, _("_Reload"));
  g_signal_connect (state->banner, "button-clicked", G_CALLBACK (banner_reload_cb), state);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), GTK_WIDGET (state->banner));
  return state->banner;
}

/* "Changed by 王芳 at 10:42": today's changes by the time alone, older ones with their day. */
static char *
describe_change (KefuEvent *event)
{
  const char *name = event != NULL ? kefu_event_get_staff_name (event) : NULL;
  GDateTime *when = event != NULL ? kefu_event_get_created_at (event) : NULL;
  g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = NULL;

  if (local != NULL)
    time = g_date_time_get_year (local) == g_date_time_get_year (now) &&
           g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now)
           ? g_date_time_format (local, "%H:%M")
           : g_date_time_format (local, "%Y-%m-%d %H:%M");

  if (name != NULL && *name != '\0' && time != NULL)
    /* Translators: a banner over a record someone else saved while it was being edited here:
     * "Changed by 王芳 at 10:42" (a name, then a time or a date and time). */
    return g_strdup_printf (_("Changed by %s at %s"), name, time);
  if (time != NULL)
    /* Translators: the same banner when who saved is not known; %s is a time. */
    return g_strdup_printf (_("Changed by someone else at %s"), time);
  return g_strdup (_("Changed by someone else"));
}

typedef struct
{
  char   *entity;
  gint64  id;
} EventsQuery;

static void
events_query_free (gpointer data)
{
  EventsQuery *query = data;

  g_free (query->entity);
  g_free (query);
}

static gpointer
read_events_func (KefuStore     *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  EventsQuery *query = data;

  return kefu_store_list_events (store, query->entity, query->id, cancellable, error);
}

static void
events_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWidget) page = user_data;
  LivePage *state;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(KefuEvent) newest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwBanner *banner;

  events = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  state = g_object_get_qdata (G_OBJECT (page), live_page_quark ());
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || state == NULL)
    return;
  if (events != NULL && g_list_model_get_n_items (events) > 0)
    newest = g_list_model_get_item (events, 0);

  /* The typing may have been saved or dropped meanwhile: then the page is simply read again. */
  if (!state->funcs->get_modified (state->page))
    {
      hide_banner (state);
      reload (state, FALSE);
      return;
    }

  /* One's own save, told back by the change feed a moment later, is no news. */
  if (newest != NULL && kefu_event_get_staff_id (newest) != 0 &&
      kefu_event_get_staff_id (newest) == kefu_store_get_actor (state->store))
    return;

  banner = ensure_banner (state);
  if (banner == NULL)
    return;
  title = describe_change (newest);
  adw_banner_set_title (banner, title);
  adw_banner_set_revealed (banner, TRUE);
}

static void
live_changed_cb (KefuLive *live,
                 GArray   *ids,
                 gboolean  whole,
                 GtkWidget *page)
{
  LivePage *state = g_object_get_qdata (G_OBJECT (page), live_page_quark ());
  gint64 id = state->funcs->get_id (state->page);
  EventsQuery *query;

  if (id <= 0 || (!whole && !kefu_live_ids_contain (ids, id)))
    return;

  if (!state->funcs->get_modified (state->page))
    {
      reload (state, FALSE);
      return;
    }

  /* Who changed it, and when, from the log; the banner follows. */
  query = g_new0 (EventsQuery, 1);
  query->entity = g_strdup (state->entity);
  query->id = id;
  kefu_store_run_async (state->store, read_events_func, query, events_query_free,
                        state->cancellable, events_read_cb, g_object_ref (page));
}

static gboolean
restore_scroll_cb (gpointer user_data)
{
  GtkAdjustment *adjustment = user_data;
  double value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (adjustment), "kefu-live-scroll"));
  double top = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  gtk_adjustment_set_value (adjustment, MIN (value, MAX (top, 0)));
  return G_SOURCE_REMOVE;
}

static void
busy_cb (GtkWidget  *page,
         GParamSpec *pspec,
         gpointer    user_data)
{
  LivePage *state = user_data;
  gboolean busy = page_busy (state);
  gboolean was_busy = state->was_busy;

  state->was_busy = busy;
  if (busy || !was_busy)
    return;

  /* Read again with nothing unsaved: whatever the banner said is shown now. */
  if (!state->funcs->get_modified (page))
    hide_banner (state);

  if (state->restoring)
    {
      GtkAdjustment *adjustment = page_adjustment (state);

      state->restoring = FALSE;
      if (adjustment != NULL && gtk_adjustment_get_value (adjustment) != state->scroll)
        {
          /* After the next layout, when the refilled page has its height again. */
          g_object_set_data (G_OBJECT (adjustment), "kefu-live-scroll",
                             GINT_TO_POINTER ((int) state->scroll));
          g_idle_add_full (GTK_PRIORITY_RESIZE + 1, restore_scroll_cb, g_object_ref (adjustment),
                           g_object_unref);
        }
    }
}

void
kefu_live_page_attach (GtkWidget               *page,
                       KefuLive                *live,
                       KefuStore               *store,
                       KefuLiveKind             kind,
                       const char              *entity,
                       const KefuLivePageFuncs *funcs)
{
  LivePage *state;
  g_autofree char *signal = NULL;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (live == NULL || KEFU_IS_LIVE (live));
  g_return_if_fail (KEFU_IS_STORE (store));
  g_return_if_fail (entity != NULL);
  g_return_if_fail (funcs != NULL);
  g_return_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "busy") != NULL);

  if (live == NULL)
    return;

  state = g_new0 (LivePage, 1);
  state->page = page;
  state->store = g_object_ref (store);
  state->kind = kind;
  state->entity = g_strdup (entity);
  state->funcs = funcs;
  state->cancellable = g_cancellable_new ();
  state->was_busy = page_busy (state);
  g_object_set_qdata_full (G_OBJECT (page), live_page_quark (), state,
                           (GDestroyNotify) live_page_free);

  signal = g_strconcat ("changed::", kefu_live_kind_to_string (kind), NULL);
  /* Both handlers go with the page (the state is its data). */
  g_signal_connect_object (live, signal, G_CALLBACK (live_changed_cb), page, 0);
  g_signal_connect (page, "notify::busy", G_CALLBACK (busy_cb), state);
  g_signal_connect_swapped (page, "destroy", G_CALLBACK (g_cancellable_cancel), state->cancellable);
}

static LivePage *
get_state (GtkWidget *page)
{
  return g_object_get_qdata (G_OBJECT (page), live_page_quark ());
}

AdwBanner *
kefu_live_page_get_banner (GtkWidget *page)
{
  LivePage *state;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);

  state = get_state (page);
  return state != NULL ? state->banner : NULL;
}

guint
kefu_live_page_get_n_reloads (GtkWidget *page)
{
  LivePage *state;

  g_return_val_if_fail (GTK_IS_WIDGET (page), 0);

  state = get_state (page);
  return state != NULL ? state->n_reloads : 0;
}
