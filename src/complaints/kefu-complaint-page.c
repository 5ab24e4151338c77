/* kefu-complaint-page.c: the detail page of one complaint: reading it, and the page's own
 * actions and properties. The complaint's actions are in kefu-complaint-page-actions.c, the
 * sections are filled in kefu-complaint-page-sections.c and the intake edit lives in
 * kefu-complaint-page-edit.c.
 *
 * Everything the page shows is read in one go on the store's worker (card, call, timeline,
 * visits, the complaints about the same batch, the products), so the sections never disagree
 * with each other; every action and every save reads it all again.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-page"

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/kefu-live-page.h"
#include "widgets/kefu-audit-dialog.h"
#include "widgets/kefu-record-loader.h"

#include "kefu-complaint-page-private.h"
#include "kefu-complaint-timeline-view.h"

G_DEFINE_FINAL_TYPE (KefuComplaintPage, kefu_complaint_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_COMPLAINT_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Loading */

static gpointer
load_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(GObject) result = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) linked = NULL;
  g_autoptr(GListModel) products = NULL;
  const char *batch;

  card = kefu_store_get_complaint_card (store, id, cancellable, error);
  if (card == NULL)
    return NULL;
  call = kefu_store_get_call (store, kefu_complaint_card_get_call_id (card), cancellable, error);
  if (call == NULL)
    return NULL;
  timeline = kefu_store_list_complaint_timeline (store, id, cancellable, error);
  if (timeline == NULL)
    return NULL;
  visits = kefu_store_list_complaint_visits (store, id, cancellable, error);
  if (visits == NULL)
    return NULL;
  products = kefu_store_list_products (store, FALSE, cancellable, error);
  if (products == NULL)
    return NULL;

  batch = kefu_complaint_card_get_batch_number (card);
  if (batch != NULL && *batch != '\0')
    {
      g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (gint64));

      filter->product_id = kefu_complaint_card_get_product_id (card);
      filter->batch_key = kefu_batch_number_key (batch);
      ids = kefu_store_list_complaint_ids (store, filter, KEFU_COMPLAINT_SORT_RECEIVED, FALSE,
                                           cancellable, error);
      if (ids == NULL)
        return NULL;
      for (guint i = 0; i < ids->len; i++)
        if (g_array_index (ids, gint64, i) != id)
          g_array_append_val (others, g_array_index (ids, gint64, i));
      linked = kefu_store_get_complaint_cards (store, (const gint64 *) (gpointer) others->data,
                                               others->len, cancellable, error);
      if (linked == NULL)
        return NULL;
    }
  else
    linked = g_ptr_array_new_with_free_func (g_object_unref);

  g_object_set_data_full (result, "card", g_steal_pointer (&card), g_object_unref);
  g_object_set_data_full (result, "call", g_steal_pointer (&call), g_object_unref);
  g_object_set_data_full (result, "timeline", g_steal_pointer (&timeline), g_object_unref);
  g_object_set_data_full (result, "visits", g_steal_pointer (&visits),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (result, "linked", g_steal_pointer (&linked),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (result, "products", g_steal_pointer (&products), g_object_unref);
  return g_steal_pointer (&result);
}

static gboolean
has_record (GtkWidget *owner)
{
  return KEFU_COMPLAINT_PAGE (owner)->card != NULL;
}

/* A save waiting for this read to merge goes only when the person saves again. */
static void
failed (GtkWidget *owner)
{
  KEFU_COMPLAINT_PAGE (owner)->resave = FALSE;
}

static void
show (GtkWidget *owner,
      GObject   *loaded)
{
  KefuComplaintPage *self = KEFU_COMPLAINT_PAGE (owner);

  g_set_object (&self->card, g_object_get_data (loaded, "card"));
  g_set_object (&self->call, g_object_get_data (loaded, "call"));
  g_set_object (&self->timeline, g_object_get_data (loaded, "timeline"));
  g_set_object (&self->products, g_object_get_data (loaded, "products"));
  g_clear_pointer (&self->visits, g_ptr_array_unref);
  self->visits = g_ptr_array_ref (g_object_get_data (loaded, "visits"));
  g_clear_pointer (&self->linked, g_ptr_array_unref);
  self->linked = g_ptr_array_ref (g_object_get_data (loaded, "linked"));

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self),
                                 kefu_complaint_card_get_reference (self->card));
  _kefu_complaint_page_follow_read (self);
  _kefu_complaint_page_show_head (self);
  _kefu_complaint_page_show_sections (self);
  _kefu_complaint_page_update_actions (self);
  kefu_archive_banner_set_record (self->archive_banner, self->store, KEFU_ARCHIVE_COMPLAINT,
                                  self->complaint_id);
}

static const KefuRecordLoaderFuncs loader_funcs = { load_func, has_record, show, failed };

void
_kefu_complaint_page_reload (KefuComplaintPage *self)
{
  kefu_record_loader_load (self->loader, self->store, self->complaint_id);
  kefu_presence_tracker_set_record (self->presence, self->store, self->complaint_id);
}

/* Actions and callbacks */

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kefu_archive_banner_archive (KEFU_COMPLAINT_PAGE (widget)->archive_banner);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KefuComplaintPage *self = KEFU_COMPLAINT_PAGE (widget);

  adw_banner_set_revealed (self->banner, FALSE);
  _kefu_complaint_page_reload (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KefuComplaintPage *self = KEFU_COMPLAINT_PAGE (widget);

  gtk_widget_activate_action (widget, "complaints.print", "x", self->complaint_id);
}

/* Who changed what on this complaint (managers only: the store refuses others too). */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KefuComplaintPage *self = KEFU_COMPLAINT_PAGE (widget);

  if (self->store == NULL || self->complaint_id == 0)
    return;
  adw_dialog_present (ADW_DIALOG (kefu_audit_dialog_new (self->store, "complaint",
                                                         self->complaint_id)),
                      widget);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _kefu_complaint_page_edit (KEFU_COMPLAINT_PAGE (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _kefu_complaint_page_save (KEFU_COMPLAINT_PAGE (widget));
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _kefu_complaint_page_discard (KEFU_COMPLAINT_PAGE (widget));
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _kefu_complaint_page_leave (KEFU_COMPLAINT_PAGE (widget));
}

static void
banner_dismiss_cb (KefuComplaintPage *self)
{
  adw_banner_set_revealed (self->banner, FALSE);
}

static void
batch_row_activated_cb (KefuComplaintPage *self,
                        GtkListBoxRow     *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "kefu-complaint-id"));

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "complaints.open", "x", id);
}

static void
call_form_changed_cb (KefuComplaintPage *self)
{
  if (self->editing)
    _kefu_complaint_page_set_modified (self, TRUE);
}

static gboolean
tick_cb (gpointer user_data)
{
  KefuComplaintPage *self = user_data;

  /* "15 min left" turns into "14 min left", and green into amber, without a read. */
  if (self->card != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    _kefu_complaint_page_show_head (self);
  return G_SOURCE_CONTINUE;
}

/* Overrides */

static void
kefu_complaint_page_constructed (GObject *object)
{
  KefuComplaintPage *self = KEFU_COMPLAINT_PAGE (object);

  G_OBJECT_CLASS (kefu_complaint_page_parent_class)->constructed (object);

  _kefu_complaint_page_update_actions (self);
  _kefu_complaint_page_reload (self);
}

static void
kefu_complaint_page_dispose (GObject *object)
{
  KefuComplaintPage *self = KEFU_COMPLAINT_PAGE (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  if (self->presence != NULL)
    kefu_presence_tracker_stop (self->presence);
  g_clear_object (&self->presence);
  g_clear_pointer (&self->loader, kefu_record_loader_release);
  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->action_cancellable);
  /* The merge's notes sit in the form's lists: they go before the form does. */
  _kefu_complaint_page_merge_clear (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_COMPLAINT_PAGE);

  g_clear_object (&self->card);
  g_clear_object (&self->call);
  g_clear_object (&self->edit_call);
  g_clear_object (&self->timeline);
  g_clear_object (&self->products);
  g_clear_pointer (&self->visits, g_ptr_array_unref);
  g_clear_pointer (&self->linked, g_ptr_array_unref);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_complaint_page_parent_class)->dispose (object);
}

static void
kefu_complaint_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KefuComplaintPage *self = KEFU_COMPLAINT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    case PROP_COMPLAINT_ID:
      g_value_set_int64 (value, self->complaint_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, kefu_record_loader_get_busy (self->loader));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KefuComplaintPage *self = KEFU_COMPLAINT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          kefu_call_form_set_store (self->call_form, self->store);
          kefu_customer_history_view_set_store (self->history_view, self->store);
          /* Constructed already: a new database shows its own copy of the complaint. */
          if (self->complaint_id > 0)
            {
              g_clear_object (&self->card);
              _kefu_complaint_page_reload (self);
            }
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_STAFF:
      if (g_set_object (&self->staff, g_value_get_object (value)))
        {
          /* What this person may do differs, and so does what the page says about it. */
          if (self->card != NULL && self->call != NULL)
            {
              _kefu_complaint_page_follow_read (self);
              _kefu_complaint_page_show_sections (self);
            }
          _kefu_complaint_page_update_actions (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_COMPLAINT_ID:
      self->complaint_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_page_class_init (KefuComplaintPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kefu_complaint_page_constructed;
  object_class->dispose = kefu_complaint_page_dispose;
  object_class->get_property = kefu_complaint_page_get_property;
  object_class->set_property = kefu_complaint_page_set_property;

  kefu_record_loader_install_properties (object_class, properties, "complaint-id");

  gtk_widget_class_install_action (widget_class, "complaint.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "complaint.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "complaint.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "complaint.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "complaint.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "complaint.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "complaint.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "complaint.leave", NULL, leave_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "complaint.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "complaint.print", NULL);

  g_type_ensure (KEFU_TYPE_ARCHIVE_BANNER);
  g_type_ensure (KEFU_TYPE_CALL_FORM);
  g_type_ensure (KEFU_TYPE_COMPLAINT_TIMELINE_VIEW);
  g_type_ensure (KEFU_TYPE_CUSTOMER_HISTORY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-complaint-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, archive_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, banner);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, history_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, presence_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, batch_group);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, batch_list);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, call_form);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, deadline_box);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, deadline_icon);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, deadlines_list);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, discard_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, escalation_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, history_view);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, intake_group);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, intake_list);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, intake_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, leave_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, merge_list);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, note_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, outcome_list);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, owner_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, routes_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, routes_list);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, stage_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, urgent_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, visit_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, visits_group);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintPage, visits_list);
  gtk_widget_class_bind_template_callback (widget_class, banner_dismiss_cb);
  gtk_widget_class_bind_template_callback (widget_class, batch_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, call_form_changed_cb);
}

static void
kefu_complaint_page_init (KefuComplaintPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Archived or restored: the complaint has a new version. */
  /* The banner may outlive the page by a pending read: the handler goes with the page. */
  g_signal_connect_object (self->archive_banner, "changed",
                           G_CALLBACK (_kefu_complaint_page_reload), self, G_CONNECT_SWAPPED);
  self->loader = kefu_record_loader_new (GTK_WIDGET (self), &loader_funcs, self->stack,
                                         "complaint", self->error_page, self->toast_overlay,
                                         properties[PROP_BUSY]);

  kefu_call_form_set_kind_locked (self->call_form, TRUE);
  self->presence = kefu_presence_tracker_new ("complaint");
  kefu_presence_tracker_show_in_banner (self->presence, self->presence_banner);
  self->tick_source = g_timeout_add_seconds (60, tick_cb, self);
  _kefu_complaint_page_init_actions (self);
}

KefuComplaintPage *
kefu_complaint_page_new (KefuStore *store,
                         KefuStaff *staff,
                         gint64     complaint_id)
{
  g_return_val_if_fail (store == NULL || KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (staff == NULL || KEFU_IS_STAFF (staff), NULL);
  g_return_val_if_fail (complaint_id > 0, NULL);

  return g_object_new (KEFU_TYPE_COMPLAINT_PAGE,
                       "store", store,
                       "staff", staff,
                       "complaint-id", complaint_id,
                       NULL);
}

gint64
kefu_complaint_page_get_complaint_id (KefuComplaintPage *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_PAGE (self), 0);

  return self->complaint_id;
}

static gint64
live_get_id (GtkWidget *page)
{
  return KEFU_COMPLAINT_PAGE (page)->complaint_id;
}

/* What was typed in the intake edit is unsaved until its save has gone through. */
static gboolean
live_get_modified (GtkWidget *page)
{
  KefuComplaintPage *self = KEFU_COMPLAINT_PAGE (page);

  return self->editing && (self->modified || self->saving);
}

/* The page's own read keeps what was typed in the intake edit, merged with what others saved
 * (kefu-complaint-page-merge.c), even when the person asked for it. */
static void
live_reload (GtkWidget *page,
             gboolean   discard)
{
  _kefu_complaint_page_reload (KEFU_COMPLAINT_PAGE (page));
}

static const KefuLivePageFuncs live_funcs = { live_get_id, live_get_modified, live_reload };

void
kefu_complaint_page_set_live (KefuComplaintPage *self,
                              KefuLive          *live)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_PAGE (self));

  if (self->store != NULL)
    kefu_live_page_attach (GTK_WIDGET (self), live, self->store, KEFU_LIVE_COMPLAINTS,
                           "complaint", &live_funcs);
}
