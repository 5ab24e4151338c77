/* kefu-recent-calls.c: today's calls, read off the main thread.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-recent-calls"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"

#include "kefu-recent-calls.h"
#include "widgets/kefu-list-loader.h"

/* A list that answers this fast never shows the spinner. */
#define SPINNER_DELAY_MS 250

struct _KefuRecentCalls
{
  AdwBin          parent_instance;

  KefuStore      *store;
  gint64          clerk_id;
  gboolean        everyone;
  gboolean        busy;
  GCancellable   *cancellable;
  GListStore     *calls;
  guint           spinner_source;

  AdwStatusPage  *empty_page;
  AdwStatusPage  *error_page;
  GtkListView    *list_view;
  GtkStack       *stack;
  AdwToggleGroup *whose_group;
};

G_DEFINE_FINAL_TYPE (KefuRecentCalls, kefu_recent_calls, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLERK_ID,
  PROP_EVERYONE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gint64     clerk_id;
  GDateTime *since;
} ListRequest;

static void
list_request_free (gpointer data)
{
  ListRequest *request = data;

  g_clear_pointer (&request->since, g_date_time_unref);
  g_free (request);
}

static void
set_busy (KefuRecentCalls *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gint64
listed_clerk (KefuRecentCalls *self)
{
  return self->everyone ? 0 : self->clerk_id;
}

static void
show_list_or_empty (KefuRecentCalls *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->calls)) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (listed_clerk (self) != 0)
    adw_status_page_set_description (self->empty_page,
                                     _("The calls you take today show here, newest first."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("The calls taken today at every workstation show here, newest first."));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static gboolean
spinner_timeout_cb (gpointer user_data)
{
  KefuRecentCalls *self = user_data;

  self->spinner_source = 0;
  if (self->busy && g_list_model_get_n_items (G_LIST_MODEL (self->calls)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  return G_SOURCE_REMOVE;
}

static gpointer
list_calls_func (KefuStore     *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  ListRequest *request = data;

  return kefu_store_list_recent_calls (store, request->clerk_id, request->since,
                                       KEFU_RECENT_CALLS_LIMIT, cancellable, error);
}

static void
list_calls_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KefuRecentCalls) self = user_data;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  calls = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->spinner_source, g_source_remove);

  if (calls == NULL)
    {
      g_list_store_remove_all (self->calls);
      kefu_list_loader_show_error (self->stack, self->error_page, error->message);
      set_busy (self, FALSE);
      return;
    }

  n = g_list_model_get_n_items (calls);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      KefuCall *call = g_list_model_get_item (calls, i);

      /* The clerk's own list does not repeat their name on every row. These calls are this
       * list's own copies. */
      if (listed_clerk (self) != 0)
        kefu_call_set_clerk_name (call, "");
      g_ptr_array_add (items, call);
    }
  g_list_store_splice (self->calls, 0, g_list_model_get_n_items (G_LIST_MODEL (self->calls)),
                       items->pdata, items->len);

  show_list_or_empty (self);
  set_busy (self, FALSE);
}

static void
load (KefuRecentCalls *self)
{
  g_autoptr(GDateTime) now = NULL;
  ListRequest *request;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->spinner_source, g_source_remove);

  if (self->store == NULL)
    {
      g_list_store_remove_all (self->calls);
      show_list_or_empty (self);
      set_busy (self, FALSE);
      return;
    }

  /* "Today" is the clerk's local day, from midnight. */
  now = g_date_time_new_now_local ();
  request = g_new0 (ListRequest, 1);
  request->clerk_id = listed_clerk (self);
  request->since = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                          g_date_time_get_day_of_month (now), 0, 0, 0);

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  self->spinner_source = g_timeout_add (SPINNER_DELAY_MS, spinner_timeout_cb, self);
  kefu_store_run_async (self->store, list_calls_func, request, list_request_free,
                        self->cancellable, list_calls_cb, g_object_ref (self));
}

static void
whose_changed_cb (KefuRecentCalls *self,
                  GParamSpec      *pspec,
                  AdwToggleGroup  *group)
{
  kefu_recent_calls_set_everyone (self,
                                  g_strcmp0 (adw_toggle_group_get_active_name (group), "everyone") == 0);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  load (KEFU_RECENT_CALLS (widget));
}

/* Closures of the row template. */

static char *
call_icon_name (gpointer  unused,
                KefuCall *call)
{
  if (call == NULL)
    return NULL;

  switch (kefu_call_get_kind (call))
    {
    /* The icons of the form's kind toggles. */
    case KEFU_CALL_KIND_ORDER:
      return g_strdup ("package-x-generic-symbolic");
    case KEFU_CALL_KIND_COMPLAINT:
      return g_strdup ("mail-mark-important-symbolic");
    case KEFU_CALL_KIND_INQUIRY:
      return g_strdup ("help-faq-symbolic");
    default:
      return g_strdup ("call-start-symbolic");
    }
}

static char *
call_time (gpointer  unused,
           KefuCall *call)
{
  g_autoptr(GDateTime) local = NULL;

  if (call == NULL || kefu_call_get_received_at (call) == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (kefu_call_get_received_at (call));
  return g_date_time_format (local, "%H:%M");
}

static char *
call_title (gpointer  unused,
            KefuCall *call)
{
  const char *name;

  if (call == NULL)
    return NULL;

  name = kefu_call_get_caller_name (call);
  if (*name == '\0')
    name = kefu_call_get_phone (call);

  return g_strdup (name);
}

static char *
call_subtitle (gpointer  unused,
               KefuCall *call)
{
  const char *kind;
  const char *reference;

  if (call == NULL)
    return NULL;

  kind = kefu_call_kind_get_display_name (kefu_call_get_kind (call));
  reference = kefu_call_get_reference (call);
  if (*reference == '\0')
    return g_strdup (kind);

  /* Translators: the kind of a call and its reference number, e.g. "Complaint · TS-20261127-0003". */
  return g_strdup_printf (_("%s · %s"), kind, reference);
}

static char *
call_summary (gpointer  unused,
              KefuCall *call)
{
  if (call == NULL)
    return NULL;

  return g_strdup (kefu_call_get_summary (call));
}

static gboolean
call_has_summary (gpointer  unused,
                  KefuCall *call)
{
  return call != NULL && *kefu_call_get_summary (call) != '\0';
}

static char *
call_clerk (gpointer  unused,
            KefuCall *call)
{
  if (call == NULL || *kefu_call_get_clerk_name (call) == '\0')
    return g_strdup ("");

  /* Translators: who took a call in the list of today's calls; %s is a clerk's name. */
  return g_strdup_printf (_("by %s"), kefu_call_get_clerk_name (call));
}

static gboolean
call_has_clerk (gpointer  unused,
                KefuCall *call)
{
  return call != NULL && *kefu_call_get_clerk_name (call) != '\0';
}

static char *
call_accessible_label (gpointer  unused,
                       KefuCall *call)
{
  g_autofree char *time = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *clerk = NULL;
  g_autoptr(GString) label = NULL;

  if (call == NULL)
    return NULL;

  time = call_time (NULL, call);
  title = call_title (NULL, call);
  subtitle = call_subtitle (NULL, call);
  clerk = call_clerk (NULL, call);

  label = g_string_new (time);
  /* Translators: the separator between the parts of a call read by a screen reader. */
  g_string_append_printf (label, _(", %s"), title);
  g_string_append_printf (label, _(", %s"), subtitle);
  kefu_accessible_label_append (label, kefu_call_get_summary (call));
  kefu_accessible_label_append (label, clerk);

  return g_string_free_and_steal (g_steal_pointer (&label));
}

static void
kefu_recent_calls_dispose (GObject *object)
{
  KefuRecentCalls *self = KEFU_RECENT_CALLS (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->spinner_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_RECENT_CALLS);

  g_clear_object (&self->calls);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_recent_calls_parent_class)->dispose (object);
}

static void
kefu_recent_calls_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KefuRecentCalls *self = KEFU_RECENT_CALLS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CLERK_ID:
      g_value_set_int64 (value, self->clerk_id);
      break;

    case PROP_EVERYONE:
      g_value_set_boolean (value, self->everyone);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_recent_calls_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KefuRecentCalls *self = KEFU_RECENT_CALLS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kefu_recent_calls_set_store (self, g_value_get_object (value));
      break;

    case PROP_CLERK_ID:
      kefu_recent_calls_set_clerk_id (self, g_value_get_int64 (value));
      break;

    case PROP_EVERYONE:
      kefu_recent_calls_set_everyone (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_recent_calls_class_init (KefuRecentCallsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_recent_calls_dispose;
  object_class->get_property = kefu_recent_calls_get_property;
  object_class->set_property = kefu_recent_calls_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_CLERK_ID] =
    g_param_spec_int64 ("clerk-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_EVERYONE] =
    g_param_spec_boolean ("everyone", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-recent-calls.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuRecentCalls, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KefuRecentCalls, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuRecentCalls, list_view);
  gtk_widget_class_bind_template_child (widget_class, KefuRecentCalls, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuRecentCalls, whose_group);
  gtk_widget_class_bind_template_callback (widget_class, call_accessible_label);
  gtk_widget_class_bind_template_callback (widget_class, call_clerk);
  gtk_widget_class_bind_template_callback (widget_class, call_has_clerk);
  gtk_widget_class_bind_template_callback (widget_class, call_has_summary);
  gtk_widget_class_bind_template_callback (widget_class, call_icon_name);
  gtk_widget_class_bind_template_callback (widget_class, call_subtitle);
  gtk_widget_class_bind_template_callback (widget_class, call_summary);
  gtk_widget_class_bind_template_callback (widget_class, call_time);
  gtk_widget_class_bind_template_callback (widget_class, call_title);
  gtk_widget_class_bind_template_callback (widget_class, whose_changed_cb);

  gtk_widget_class_install_action (widget_class, "recent.reload", NULL, reload_action);

  gtk_widget_class_set_css_name (widget_class, "kefu-recent-calls");
}

static void
kefu_recent_calls_init (KefuRecentCalls *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->calls = g_list_store_new (KEFU_TYPE_CALL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->calls)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  show_list_or_empty (self);
}

GtkWidget *
kefu_recent_calls_new (void)
{
  return g_object_new (KEFU_TYPE_RECENT_CALLS, NULL);
}

KefuStore *
kefu_recent_calls_get_store (KefuRecentCalls *self)
{
  g_return_val_if_fail (KEFU_IS_RECENT_CALLS (self), NULL);

  return self->store;
}

void
kefu_recent_calls_set_store (KefuRecentCalls *self,
                             KefuStore       *store)
{
  g_return_if_fail (KEFU_IS_RECENT_CALLS (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* Calls of another database must never show, not even while the new list loads. */
  g_list_store_remove_all (self->calls);
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
kefu_recent_calls_get_clerk_id (KefuRecentCalls *self)
{
  g_return_val_if_fail (KEFU_IS_RECENT_CALLS (self), 0);

  return self->clerk_id;
}

void
kefu_recent_calls_set_clerk_id (KefuRecentCalls *self,
                                gint64           clerk_id)
{
  g_return_if_fail (KEFU_IS_RECENT_CALLS (self));
  g_return_if_fail (clerk_id >= 0);

  if (self->clerk_id == clerk_id)
    return;

  self->clerk_id = clerk_id;
  if (!self->everyone)
    {
      g_list_store_remove_all (self->calls);
      load (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLERK_ID]);
}

gboolean
kefu_recent_calls_get_everyone (KefuRecentCalls *self)
{
  g_return_val_if_fail (KEFU_IS_RECENT_CALLS (self), FALSE);

  return self->everyone;
}

void
kefu_recent_calls_set_everyone (KefuRecentCalls *self,
                                gboolean         everyone)
{
  g_return_if_fail (KEFU_IS_RECENT_CALLS (self));

  everyone = !!everyone;
  if (self->everyone == everyone)
    return;

  self->everyone = everyone;
  adw_toggle_group_set_active_name (self->whose_group, everyone ? "everyone" : "mine");
  g_list_store_remove_all (self->calls);
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVERYONE]);
}

gboolean
kefu_recent_calls_get_busy (KefuRecentCalls *self)
{
  g_return_val_if_fail (KEFU_IS_RECENT_CALLS (self), FALSE);

  return self->busy;
}

void
kefu_recent_calls_reload (KefuRecentCalls *self)
{
  g_return_if_fail (KEFU_IS_RECENT_CALLS (self));

  load (self);
}

void
kefu_recent_calls_add_call (KefuRecentCalls *self,
                            KefuCall        *call)
{
  g_return_if_fail (KEFU_IS_RECENT_CALLS (self));
  g_return_if_fail (KEFU_IS_CALL (call));

  /* Only a call this list would show; the reading that follows confirms it. */
  if (listed_clerk (self) == 0 || kefu_call_get_clerk_id (call) == listed_clerk (self))
    {
      g_list_store_insert (self->calls, 0, call);
      show_list_or_empty (self);
      gtk_list_view_scroll_to (self->list_view, 0, GTK_LIST_SCROLL_NONE, NULL);
    }

  load (self);
}

GListModel *
kefu_recent_calls_get_calls (KefuRecentCalls *self)
{
  g_return_val_if_fail (KEFU_IS_RECENT_CALLS (self), NULL);

  return G_LIST_MODEL (self->calls);
}
