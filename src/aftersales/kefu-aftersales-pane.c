/* kefu-aftersales-pane.c: the After-Sales pane: the shipments, the service jobs and the
 * technicians' calendar under one view switcher, the detail pages pushed on top, and the
 * "aftersales" actions the lists, pages, dialogs and other panes activate.
 *
 * The three views and the pages are other widgets' (made with their constructors); the pane
 * hands them the store and who is working, follows their "busy", and answers their actions.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-aftersales-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enum-types.h"
#include "core/kefu-enums.h"
#include "store/kefu-store.h"

#include "kefu-aftersales-pane.h"
#include "kefu-job-dialog.h"
#include "kefu-job-list-view.h"
#include "kefu-job-page.h"
#include "kefu-job-print.h"
#include "kefu-shipment-dialog.h"
#include "kefu-shipment-list-view.h"
#include "kefu-shipment-page.h"
#include "kefu-shipment-print.h"
#include "kefu-technician-calendar.h"

/* What a pushed page shows. */
typedef enum
{
  PAGE_NONE,
  PAGE_SHIPMENT,
  PAGE_JOB,
} PageKind;

struct _KefuAftersalesPane
{
  AdwBin                  parent_instance;

  KefuStore              *store;
  KefuStaff              *staff;
  KefuLive               *live;        /* what others save; NULL: nothing live */
  AdwNavigationPage      *page;        /* the detail page shown, if any */
  PageKind                page_kind;
  gint64                  page_id;
  gboolean                busy;
  /* Changed elsewhere while not shown: read again when shown. */
  guint                   shipments_stale : 1;
  guint                   jobs_stale : 1;

  KefuTechnicianCalendar *calendar;
  GtkWidget              *job_list;
  GtkWidget              *new_job_button;
  GtkWidget              *new_shipment_button;
  AdwNavigationView      *navigation_view;
  GtkWidget              *shipment_list;
  GtkStack               *view_stack;
  AdwToggleGroup         *view_toggles;
};

G_DEFINE_FINAL_TYPE (KefuAftersalesPane, kefu_aftersales_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_LIVE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const view_names[] = { "shipments", "jobs", "technicians", NULL };

static gboolean
widget_busy (gpointer widget)
{
  gboolean busy = FALSE;

  if (widget != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "busy") != NULL)
    g_object_get (widget, "busy", &busy, NULL);

  return busy;
}

static void
update_busy (KefuAftersalesPane *self)
{
  GtkWidget *shown = gtk_stack_get_visible_child (self->view_stack);
  gboolean busy;

  /* Only the view shown counts: the others read when they are shown. */
  busy = widget_busy (shown) || widget_busy (self->page);
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_actions (KefuAftersalesPane *self)
{
  static const char * const store_actions[] = {
    "aftersales.open-shipment", "aftersales.open-job", "aftersales.new-shipment",
    "aftersales.new-job", "aftersales.print-shipment", "aftersales.print-job",
    "aftersales.reload",
  };
  gboolean ready = self->store != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (store_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), store_actions[i], ready);
}

static void
forget_page (KefuAftersalesPane *self)
{
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
  self->page = NULL;
  self->page_kind = PAGE_NONE;
  self->page_id = 0;
}

static void
push_page (KefuAftersalesPane *self,
           AdwNavigationPage  *page,
           PageKind            kind,
           gint64              id)
{
  /* A dialog that opens what it saved, and the pane answering its "saved" too, ask twice. */
  if (self->page != NULL && self->page_kind == kind && self->page_id == id &&
      adw_navigation_view_get_visible_page (self->navigation_view) == self->page)
    {
      g_object_ref_sink (page);
      g_object_unref (page);
      return;
    }

  adw_navigation_view_pop_to_tag (self->navigation_view, "root");
  forget_page (self);

  self->page = page;
  self->page_kind = kind;
  self->page_id = id;
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "busy") != NULL)
    g_signal_connect_swapped (page, "notify::busy", G_CALLBACK (update_busy), self);
  adw_navigation_view_push (self->navigation_view, page);
  update_busy (self);
}

/* A list not shown reads nothing (200,000 ids are not read for nothing at every change made
 * elsewhere): it is read when it is shown. */
static void
reload_stale (KefuAftersalesPane *self)
{
  if (self->store == NULL)
    return;

  if (self->shipments_stale && gtk_widget_get_mapped (self->shipment_list))
    {
      self->shipments_stale = FALSE;
      kefu_shipment_list_view_reload ((gpointer) self->shipment_list);
    }
  if (self->jobs_stale && (gtk_widget_get_mapped (self->job_list) ||
                           gtk_widget_get_mapped (GTK_WIDGET (self->calendar))))
    {
      self->jobs_stale = FALSE;
      kefu_job_list_view_reload ((gpointer) self->job_list);
      kefu_technician_calendar_reload (self->calendar);
    }
}

static void
reload_views (KefuAftersalesPane *self)
{
  if (self->store == NULL)
    return;

  self->shipments_stale = FALSE;
  self->jobs_stale = FALSE;

  kefu_shipment_list_view_reload ((gpointer) self->shipment_list);
  kefu_job_list_view_reload ((gpointer) self->job_list);
  kefu_technician_calendar_reload (self->calendar);
}

/* Callbacks */

static void
view_toggled_cb (KefuAftersalesPane *self)
{
  const char *view = adw_toggle_group_get_active_name (self->view_toggles);

  gboolean shipments = g_strcmp0 (view, "shipments") == 0;

  if (view != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, view);
  /* The suggested button is what the view shown is about: a shipping request over the
   * shipments, a fault report over the jobs and the technicians' trips. */
  if (shipments)
    {
      gtk_widget_add_css_class (self->new_shipment_button, "suggested-action");
      gtk_widget_remove_css_class (self->new_job_button, "suggested-action");
    }
  else
    {
      gtk_widget_remove_css_class (self->new_shipment_button, "suggested-action");
      gtk_widget_add_css_class (self->new_job_button, "suggested-action");
    }
  reload_stale (self);
  update_busy (self);
}

static void
page_popped_cb (KefuAftersalesPane *self,
                AdwNavigationPage  *page,
                AdwNavigationView  *view)
{
  if (self->page == page)
    {
      forget_page (self);
      /* What the page changed shows in the lists and the calendar. */
      reload_views (self);
      update_busy (self);
    }
}

static void
shipment_saved_cb (KefuAftersalesPane *self,
                   gint64              shipment_id)
{
  reload_views (self);
  if (shipment_id > 0)
    kefu_aftersales_pane_open_shipment (self, shipment_id);
}

static void
job_saved_cb (KefuAftersalesPane *self,
              gint64              job_id)
{
  reload_views (self);
  if (job_id > 0)
    kefu_aftersales_pane_open_job (self, job_id);
}

static void
present_dialog (KefuAftersalesPane *self,
                AdwDialog          *dialog,
                GCallback           saved_cb)
{
  if (g_signal_lookup ("saved", G_OBJECT_TYPE (dialog)) != 0)
    g_signal_connect_object (dialog, "saved", saved_cb, self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* Actions */

static void
open_shipment_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  kefu_aftersales_pane_open_shipment (KEFU_AFTERSALES_PANE (widget), g_variant_get_int64 (param));
}

static void
open_job_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  kefu_aftersales_pane_open_job (KEFU_AFTERSALES_PANE (widget), g_variant_get_int64 (param));
}

static void
new_shipment_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KefuAftersalesPane *self = KEFU_AFTERSALES_PANE (widget);
  gint64 customer_id;
  gint64 call_id;

  if (self->store == NULL)
    return;

  g_variant_get (param, "(xx)", &customer_id, &call_id);
  present_dialog (self,
                  kefu_shipment_dialog_new (self->store, self->staff, MAX (customer_id, 0),
                                            MAX (call_id, 0)),
                  G_CALLBACK (shipment_saved_cb));
}

static void
new_job_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KefuAftersalesPane *self = KEFU_AFTERSALES_PANE (widget);
  const char *nick;
  gint64 customer_id;
  int kind = KEFU_JOB_KIND_REPAIR;

  if (self->store == NULL)
    return;

  g_variant_get (param, "(&sx)", &nick, &customer_id);
  /* An unknown kind is a fault report: what a caller with a problem needs. */
  if (!kefu_enum_from_nick (KEFU_TYPE_JOB_KIND, nick, &kind))
    kind = KEFU_JOB_KIND_REPAIR;

  present_dialog (self,
                  kefu_job_dialog_new (self->store, self->staff, kind, MAX (customer_id, 0)),
                  G_CALLBACK (job_saved_cb));
}

static void
print_shipment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  KefuAftersalesPane *self = KEFU_AFTERSALES_PANE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store != NULL)
    kefu_shipment_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                         g_variant_get_int64 (param));
}

static void
print_job_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KefuAftersalesPane *self = KEFU_AFTERSALES_PANE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store != NULL)
    kefu_job_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                    g_variant_get_int64 (param));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  reload_views (KEFU_AFTERSALES_PANE (widget));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KefuAftersalesPane *self = KEFU_AFTERSALES_PANE (widget);
  const char *view = g_variant_get_string (param, NULL);

  if (!g_strv_contains (view_names, view))
    return;

  /* A view asked for from elsewhere is shown over any page. */
  adw_navigation_view_pop_to_tag (self->navigation_view, "root");
  adw_toggle_group_set_active_name (self->view_toggles, view);
}

/* Overrides */

static void
kefu_aftersales_pane_dispose (GObject *object)
{
  KefuAftersalesPane *self = KEFU_AFTERSALES_PANE (object);

  forget_page (self);
  /* The views go with the toast overlay, after this dispose (AdwBin's): nothing they say on
   * the way out may reach this pane. */
  if (self->navigation_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->navigation_view, self);
      g_signal_handlers_disconnect_by_data (self->view_toggles, self);
      g_signal_handlers_disconnect_by_data (self->shipment_list, self);
      g_signal_handlers_disconnect_by_data (self->job_list, self);
      g_signal_handlers_disconnect_by_data (self->calendar, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_AFTERSALES_PANE);
  self->shipment_list = NULL;
  self->job_list = NULL;

  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  g_clear_object (&self->live);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_aftersales_pane_parent_class)->dispose (object);
}

static void
kefu_aftersales_pane_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (kefu_aftersales_pane_parent_class)->map (widget);

  reload_stale (KEFU_AFTERSALES_PANE (widget));
}

static void
kefu_aftersales_pane_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KefuAftersalesPane *self = KEFU_AFTERSALES_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LIVE:
      g_value_set_object (value, self->live);
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
set_store (KefuAftersalesPane *self,
           KefuStore          *store)
{
  if (!g_set_object (&self->store, store))
    return;

  /* The pages were of the database shown before. */
  adw_navigation_view_pop_to_tag (self->navigation_view, "root");
  forget_page (self);

  g_object_set (self->shipment_list, "store", store, NULL);
  g_object_set (self->job_list, "store", store, NULL);
  g_object_set (self->calendar, "store", store, NULL);

  update_actions (self);
  update_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
set_staff (KefuAftersalesPane *self,
           KefuStaff          *staff)
{
  if (!g_set_object (&self->staff, staff))
    return;

  g_object_set (self->shipment_list, "staff", staff, NULL);
  g_object_set (self->job_list, "staff", staff, NULL);
  g_object_set (self->calendar, "staff", staff, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
}

/* Someone saved shipments or service jobs: the lists (and the technicians' trips) read their
 * ids again and change only where the store did; the page shown follows by itself. */
static void
shipments_changed_cb (KefuAftersalesPane *self,
                      GArray             *ids,
                      gboolean            whole,
                      KefuLive           *live)
{
  self->shipments_stale = TRUE;
  reload_stale (self);
}

static void
jobs_changed_cb (KefuAftersalesPane *self,
                 GArray             *ids,
                 gboolean            whole,
                 KefuLive           *live)
{
  self->jobs_stale = TRUE;
  reload_stale (self);
}

static void
set_live (KefuAftersalesPane *self,
          KefuLive *live)
{
  if (self->live == live)
    return;

  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  g_set_object (&self->live, live);
  if (live != NULL)
    {
      g_signal_connect_object (live, "changed::shipments", G_CALLBACK (shipments_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (live, "changed::jobs", G_CALLBACK (jobs_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

static void
kefu_aftersales_pane_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KefuAftersalesPane *self = KEFU_AFTERSALES_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;

    case PROP_LIVE:
      set_live (self, g_value_get_object (value));
      break;

    case PROP_STAFF:
      set_staff (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_aftersales_pane_class_init (KefuAftersalesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_aftersales_pane_dispose;
  object_class->get_property = kefu_aftersales_pane_get_property;
  object_class->set_property = kefu_aftersales_pane_set_property;
  widget_class->map = kefu_aftersales_pane_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_LIVE] =
    g_param_spec_object ("live", NULL, NULL, KEFU_TYPE_LIVE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEFU_TYPE_TECHNICIAN_CALENDAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-aftersales-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuAftersalesPane, calendar);
  gtk_widget_class_bind_template_child (widget_class, KefuAftersalesPane, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, KefuAftersalesPane, new_job_button);
  gtk_widget_class_bind_template_child (widget_class, KefuAftersalesPane, new_shipment_button);
  gtk_widget_class_bind_template_child (widget_class, KefuAftersalesPane, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuAftersalesPane, view_toggles);
  gtk_widget_class_bind_template_callback (widget_class, page_popped_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);

  gtk_widget_class_install_action (widget_class, "aftersales.open-shipment", "x", open_shipment_action);
  gtk_widget_class_install_action (widget_class, "aftersales.open-job", "x", open_job_action);
  gtk_widget_class_install_action (widget_class, "aftersales.new-shipment", "(xx)", new_shipment_action);
  gtk_widget_class_install_action (widget_class, "aftersales.new-job", "(sx)", new_job_action);
  gtk_widget_class_install_action (widget_class, "aftersales.print-shipment", "x", print_shipment_action);
  gtk_widget_class_install_action (widget_class, "aftersales.print-job", "x", print_job_action);
  gtk_widget_class_install_action (widget_class, "aftersales.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "aftersales.view", "s", view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "aftersales.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "aftersales.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "aftersales.new-shipment", "(xx)", (gint64) 0, (gint64) 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "aftersales.new-job", "(sx)", "repair", (gint64) 0);
}

static void
kefu_aftersales_pane_init (KefuAftersalesPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The lists are other widgets' constructors; their pages are named like the switcher's. */
  self->shipment_list = kefu_shipment_list_view_new ();
  self->job_list = kefu_job_list_view_new ();
  gtk_stack_add_named (self->view_stack, self->shipment_list, "shipments");
  gtk_stack_add_named (self->view_stack, self->job_list, "jobs");
  gtk_stack_set_visible_child_name (self->view_stack, "shipments");

  g_signal_connect_swapped (self->shipment_list, "notify::busy", G_CALLBACK (update_busy), self);
  g_signal_connect_swapped (self->job_list, "notify::busy", G_CALLBACK (update_busy), self);
  g_signal_connect_swapped (self->calendar, "notify::busy", G_CALLBACK (update_busy), self);

  update_actions (self);
}

/* Public API */

void
kefu_aftersales_pane_open_shipment (KefuAftersalesPane *self,
                                    gint64              shipment_id)
{
  g_return_if_fail (KEFU_IS_AFTERSALES_PANE (self));
  g_return_if_fail (shipment_id > 0);

  if (self->store == NULL)
    return;

  AdwNavigationPage *page;

  page = kefu_shipment_page_new (self->store, self->staff, shipment_id);
  kefu_shipment_page_set_live (KEFU_SHIPMENT_PAGE (page), self->live);
  push_page (self, page, PAGE_SHIPMENT, shipment_id);
}

void
kefu_aftersales_pane_open_job (KefuAftersalesPane *self,
                               gint64              job_id)
{
  g_return_if_fail (KEFU_IS_AFTERSALES_PANE (self));
  g_return_if_fail (job_id > 0);

  if (self->store == NULL)
    return;

  AdwNavigationPage *page;

  page = kefu_job_page_new (self->store, self->staff, job_id);
  kefu_job_page_set_live (KEFU_JOB_PAGE (page), self->live);
  push_page (self, page, PAGE_JOB, job_id);
}

const char *
kefu_aftersales_pane_get_view (KefuAftersalesPane *self)
{
  g_return_val_if_fail (KEFU_IS_AFTERSALES_PANE (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}
