/* kefu-customer-history-view.c: a customer's history, loaded off the main thread.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer-history-view"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"

#include "kefu-customer-history-view.h"
#include "kefu-list-loader.h"

/* A load that answers this fast never shows the spinner, so picking a caller does not flicker. */
#define SPINNER_DELAY_MS 250

/* Inside a page the history is part of the page's own scrolling: the newest this many, so that
 * a customer with years of calls does not build thousands of rows the page must lay out. */
#define INLINE_LIMIT 50

struct _KefuCustomerHistoryView
{
  AdwBin          parent_instance;

  KefuStore      *store;
  gint64          customer_id;
  GCancellable   *cancellable;
  GListStore     *entries;
  guint           spinner_source;
  gboolean        busy;
  gboolean        inline_rows;

  GtkStack       *stack;
  GtkListBox     *rows_list;
  GtkLabel       *rows_more_label;
  AdwStatusPage  *empty_page;
  AdwStatusPage  *error_page;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (KefuCustomerHistoryView, kefu_customer_history_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  PROP_BUSY,
  PROP_INLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_busy (KefuCustomerHistoryView *self,
          gboolean                 busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_empty (KefuCustomerHistoryView *self)
{
  if (self->customer_id == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Customer Chosen"));
      adw_status_page_set_description (self->empty_page,
                                       _("The calls, orders and complaints of the chosen customer show here."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No History Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("This customer has not called before."));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The page of the stack that shows the entries: its own scrolled list, or rows in a card. */
static void
show_entries (KefuCustomerHistoryView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  if (!self->inline_rows)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      gtk_list_view_scroll_to (self->list_view, 0, GTK_LIST_SCROLL_NONE, NULL);
      return;
    }

  if (n > INLINE_LIMIT)
    {
      /* Translators: under a customer's history inside a page that shows only the newest
       * entries; the customer's own page shows them all. */
      g_autofree char *more = g_strdup_printf (_("The newest %u of %u entries: the customer’s page shows them all."),
                                               INLINE_LIMIT, n);

      gtk_label_set_label (self->rows_more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rows_more_label), n > INLINE_LIMIT);
  gtk_stack_set_visible_child_name (self->stack, "rows");
}

static gboolean
spinner_timeout_cb (gpointer user_data)
{
  KefuCustomerHistoryView *self = user_data;

  self->spinner_source = 0;
  if (self->busy)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  return G_SOURCE_REMOVE;
}

static gpointer
list_history_func (KefuStore     *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gint64 customer_id = *(gint64 *) data;

  return kefu_store_list_customer_history (store, customer_id, KEFU_CUSTOMER_HISTORY_LIMIT,
                                           cancellable, error);
}

static void
list_history_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KefuCustomerHistoryView) self = user_data;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  /* A cancelled load was replaced by another (or the view went away): never an error. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->spinner_source, g_source_remove);

  if (entries == NULL)
    {
      g_list_store_remove_all (self->entries);
      kefu_list_loader_show_error (self->stack, self->error_page, error->message);
      set_busy (self, FALSE);
      return;
    }

  kefu_list_store_replace_all (self->entries, entries);
  if (g_list_model_get_n_items (entries) == 0)
    show_empty (self);
  else
    show_entries (self);

  set_busy (self, FALSE);
}

static void
load (KefuCustomerHistoryView *self)
{
  gint64 *customer_id;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->spinner_source, g_source_remove);

  if (self->store == NULL || self->customer_id == 0)
    {
      g_list_store_remove_all (self->entries);
      show_empty (self);
      set_busy (self, FALSE);
      return;
    }

  /* The previous customer's entries go at once: a clerk must never read someone else's history
   * beside the caller they are talking to. */
  g_list_store_remove_all (self->entries);
  gtk_stack_set_visible_child_name (self->stack, "blank");

  self->cancellable = g_cancellable_new ();
  customer_id = g_new (gint64, 1);
  *customer_id = self->customer_id;
  set_busy (self, TRUE);
  self->spinner_source = g_timeout_add (SPINNER_DELAY_MS, spinner_timeout_cb, self);
  kefu_store_run_async (self->store, list_history_func, customer_id, g_free,
                        self->cancellable, list_history_cb, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  load (KEFU_CUSTOMER_HISTORY_VIEW (widget));
}

/* Closures of the row template. */

static const char *
kind_icon_name (KefuHistoryKind kind)
{
  switch (kind)
    {
    case KEFU_HISTORY_KIND_ORDER_CALL:
      return "package-x-generic-symbolic";
    case KEFU_HISTORY_KIND_COMPLAINT_CALL:
      return "dialog-warning-symbolic";
    case KEFU_HISTORY_KIND_INQUIRY_CALL:
      return "help-faq-symbolic";
    case KEFU_HISTORY_KIND_SHIPMENT:
      return "mail-send-symbolic";
    case KEFU_HISTORY_KIND_SERVICE_JOB:
      return "applications-engineering-symbolic";
    default:
      return "text-x-generic-symbolic";
    }
}

static const char *
kind_name (KefuHistoryKind kind)
{
  switch (kind)
    {
    case KEFU_HISTORY_KIND_ORDER_CALL:
      return kefu_call_kind_get_display_name (KEFU_CALL_KIND_ORDER);
    case KEFU_HISTORY_KIND_COMPLAINT_CALL:
      return kefu_call_kind_get_display_name (KEFU_CALL_KIND_COMPLAINT);
    case KEFU_HISTORY_KIND_INQUIRY_CALL:
      return kefu_call_kind_get_display_name (KEFU_CALL_KIND_INQUIRY);
    case KEFU_HISTORY_KIND_SHIPMENT:
      /* Translators: a shipment (发货) in a customer's history. */
      return C_("history", "Shipment");
    case KEFU_HISTORY_KIND_SERVICE_JOB:
      /* Translators: an installation, repair, replacement or return (售后服务) in a customer's
       * history. */
      return C_("history", "Service job");
    default:
      return "";
    }
}

static char *
entry_icon_name (gpointer          unused,
                 KefuHistoryEntry *entry)
{
  if (entry == NULL)
    return NULL;

  return g_strdup (kind_icon_name (kefu_history_entry_get_kind (entry)));
}

static char *
entry_title (gpointer          unused,
             KefuHistoryEntry *entry)
{
  const char *reference;
  const char *kind;

  if (entry == NULL)
    return NULL;

  kind = kind_name (kefu_history_entry_get_kind (entry));
  reference = kefu_history_entry_get_reference (entry);
  if (reference == NULL || *reference == '\0')
    return g_strdup (kind);

  /* Translators: a line of a customer's history: the kind of entry and its reference number,
   * e.g. "Complaint · TS-20261120-0003". */
  return g_strdup_printf (_("%s · %s"), kind, reference);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
entry_time (gpointer          unused,
            KefuHistoryEntry *entry)
{
  if (entry == NULL)
    return NULL;

  return format_time (kefu_history_entry_get_occurred_at (entry));
}

static char *
entry_summary (gpointer          unused,
               KefuHistoryEntry *entry)
{
  if (entry == NULL)
    return NULL;

  return g_strdup (kefu_history_entry_get_summary (entry));
}

static char *
entry_status (gpointer          unused,
              KefuHistoryEntry *entry)
{
  if (entry == NULL)
    return NULL;

  return kefu_customer_history_format_status (kefu_history_entry_get_kind (entry),
                                              kefu_history_entry_get_status (entry));
}

static gboolean
entry_has_status (gpointer          unused,
                  KefuHistoryEntry *entry)
{
  const char *status;

  if (entry == NULL)
    return FALSE;

  status = kefu_history_entry_get_status (entry);
  return status != NULL && *status != '\0';
}

static char *
entry_staff (gpointer          unused,
             KefuHistoryEntry *entry)
{
  const char *name;

  if (entry == NULL)
    return NULL;

  name = kefu_history_entry_get_staff_name (entry);
  if (name == NULL || *name == '\0')
    return g_strdup ("");

  /* Translators: who took a call in a customer's history; %s is a clerk's name. */
  return g_strdup_printf (_("by %s"), name);
}

/* What a screen reader says for one entry: everything the row shows, in reading order. */
static char *
entry_accessible_label (gpointer          unused,
                        KefuHistoryEntry *entry)
{
  g_autofree char *title = NULL;
  g_autofree char *time = NULL;
  g_autofree char *status = NULL;
  g_autofree char *staff = NULL;
  g_autoptr(GString) label = NULL;

  if (entry == NULL)
    return NULL;

  title = entry_title (NULL, entry);
  time = entry_time (NULL, entry);
  status = entry_status (NULL, entry);
  staff = entry_staff (NULL, entry);

  label = g_string_new (title);
  /* Translators: the separator between the parts of a history entry read by a screen reader. */
  g_string_append_printf (label, _(", %s"), time);
  kefu_accessible_label_append (label, kefu_history_entry_get_summary (entry));
  kefu_accessible_label_append (label, status);
  kefu_accessible_label_append (label, staff);

  return g_string_free_and_steal (g_steal_pointer (&label));
}

/* A shipment or a service job opens in the After-Sales pane, through the window's actions:
 * this view is shown in several panes. */
static gboolean
entry_opens (KefuHistoryEntry *entry)
{
  KefuHistoryKind kind = kefu_history_entry_get_kind (entry);

  return kefu_history_entry_get_entity_id (entry) > 0
         && (kind == KEFU_HISTORY_KIND_SHIPMENT || kind == KEFU_HISTORY_KIND_SERVICE_JOB);
}

static void
open_entry (KefuCustomerHistoryView *self,
            KefuHistoryEntry        *entry)
{
  if (entry == NULL || !entry_opens (entry))
    return;

  switch (kefu_history_entry_get_kind (entry))
    {
    case KEFU_HISTORY_KIND_SHIPMENT:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-shipment", "x",
                                  kefu_history_entry_get_entity_id (entry));
      break;

    case KEFU_HISTORY_KIND_SERVICE_JOB:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-job", "x",
                                  kefu_history_entry_get_entity_id (entry));
      break;

    default:
      break;
    }
}

static void
entry_activated_cb (KefuCustomerHistoryView *self,
                    guint                    position,
                    GtkListView             *list_view)
{
  g_autoptr(KefuHistoryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  open_entry (self, entry);
}

static void
row_activated_cb (KefuCustomerHistoryView *self,
                  GtkListBoxRow           *row,
                  GtkListBox              *list)
{
  open_entry (self, g_object_get_data (G_OBJECT (row), "kefu-entry"));
}

/* One entry as a row of a card, for the inline form: what the list's row shows, the status and
 * who on the subtitle's second line, and an arrow where it opens. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KefuHistoryEntry *entry = item;
  g_autofree char *title = entry_title (NULL, entry);
  g_autofree char *time = entry_time (NULL, entry);
  g_autofree char *status = entry_status (NULL, entry);
  g_autofree char *staff = entry_staff (NULL, entry);
  g_autofree char *label = entry_accessible_label (NULL, entry);
  const char *summary = kefu_history_entry_get_summary (entry);
  g_autoptr(GString) subtitle = g_string_new (summary);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon_name (kefu_history_entry_get_kind (entry)));
  GtkWidget *time_label = gtk_label_new (time);

  if ((status != NULL && *status != '\0') || *staff != '\0')
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, status != NULL ? status : "");
      if (status != NULL && *status != '\0' && *staff != '\0')
        /* Translators: between an entry's status and who took it in a customer's history. */
        g_string_append (subtitle, _(" · "));
      g_string_append (subtitle, staff);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (time_label, "caption");
  gtk_widget_add_css_class (time_label, "dim-label");
  gtk_widget_add_css_class (time_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), time_label);
  if (entry_opens (entry))
    {
      GtkWidget *next = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_accessible_update_state (GTK_ACCESSIBLE (next), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), next);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (row), "kefu-entry", g_object_ref (entry), g_object_unref);
  return row;
}

static void
kefu_customer_history_view_dispose (GObject *object)
{
  KefuCustomerHistoryView *self = KEFU_CUSTOMER_HISTORY_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->spinner_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CUSTOMER_HISTORY_VIEW);
  self->stack = NULL;

  g_clear_object (&self->entries);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_customer_history_view_parent_class)->dispose (object);
}

static void
kefu_customer_history_view_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  KefuCustomerHistoryView *self = KEFU_CUSTOMER_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_INLINE:
      g_value_set_boolean (value, self->inline_rows);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_customer_history_view_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  KefuCustomerHistoryView *self = KEFU_CUSTOMER_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kefu_customer_history_view_set_store (self, g_value_get_object (value));
      break;

    case PROP_CUSTOMER_ID:
      kefu_customer_history_view_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_INLINE:
      kefu_customer_history_view_set_inline (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_customer_history_view_class_init (KefuCustomerHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_customer_history_view_dispose;
  object_class->get_property = kefu_customer_history_view_get_property;
  object_class->set_property = kefu_customer_history_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_INLINE] =
    g_param_spec_boolean ("inline", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-customer-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerHistoryView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerHistoryView, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerHistoryView, list_view);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerHistoryView, rows_list);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerHistoryView, rows_more_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_accessible_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_has_status);
  gtk_widget_class_bind_template_callback (widget_class, entry_icon_name);
  gtk_widget_class_bind_template_callback (widget_class, entry_staff);
  gtk_widget_class_bind_template_callback (widget_class, entry_status);
  gtk_widget_class_bind_template_callback (widget_class, entry_summary);
  gtk_widget_class_bind_template_callback (widget_class, entry_time);
  gtk_widget_class_bind_template_callback (widget_class, entry_title);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "history.reload", NULL, reload_action);

  gtk_widget_class_set_css_name (widget_class, "kefu-customer-history-view");
}

static void
kefu_customer_history_view_init (KefuCustomerHistoryView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's top widget is AdwBin's child, not a bound template child, so that AdwBin
   * alone unparents it. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  self->entries = g_list_store_new (KEFU_TYPE_HISTORY_ENTRY);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_list_box_bind_model (self->rows_list,
                           G_LIST_MODEL (gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->entries)),
                                                                   0, INLINE_LIMIT)),
                           create_row, NULL, NULL);

  show_empty (self);
}

GtkWidget *
kefu_customer_history_view_new (void)
{
  return g_object_new (KEFU_TYPE_CUSTOMER_HISTORY_VIEW, NULL);
}

KefuStore *
kefu_customer_history_view_get_store (KefuCustomerHistoryView *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_HISTORY_VIEW (self), NULL);

  return self->store;
}

void
kefu_customer_history_view_set_store (KefuCustomerHistoryView *self,
                                      KefuStore               *store)
{
  g_return_if_fail (KEFU_IS_CUSTOMER_HISTORY_VIEW (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
kefu_customer_history_view_get_customer_id (KefuCustomerHistoryView *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_HISTORY_VIEW (self), 0);

  return self->customer_id;
}

void
kefu_customer_history_view_set_customer_id (KefuCustomerHistoryView *self,
                                            gint64                   customer_id)
{
  g_return_if_fail (KEFU_IS_CUSTOMER_HISTORY_VIEW (self));
  g_return_if_fail (customer_id >= 0);

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

gboolean
kefu_customer_history_view_get_busy (KefuCustomerHistoryView *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_HISTORY_VIEW (self), FALSE);

  return self->busy;
}

void
kefu_customer_history_view_reload (KefuCustomerHistoryView *self)
{
  g_return_if_fail (KEFU_IS_CUSTOMER_HISTORY_VIEW (self));

  load (self);
}

gboolean
kefu_customer_history_view_get_inline (KefuCustomerHistoryView *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_HISTORY_VIEW (self), FALSE);

  return self->inline_rows;
}

void
kefu_customer_history_view_set_inline (KefuCustomerHistoryView *self,
                                       gboolean                 inline_rows)
{
  g_return_if_fail (KEFU_IS_CUSTOMER_HISTORY_VIEW (self));

  inline_rows = !!inline_rows;
  if (self->inline_rows == inline_rows)
    return;

  self->inline_rows = inline_rows;
  /* Inside a page the stack is as tall as what it shows, not as its tallest page. */
  gtk_stack_set_vhomogeneous (self->stack, !inline_rows);
  gtk_stack_set_interpolate_size (self->stack, inline_rows);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "rows") == 0)
    show_entries (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INLINE]);
}

GListModel *
kefu_customer_history_view_get_entries (KefuCustomerHistoryView *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_HISTORY_VIEW (self), NULL);

  return G_LIST_MODEL (self->entries);
}

char *
kefu_customer_history_format_status (KefuHistoryKind  kind,
                                     const char      *status)
{
  int value;

  if (status == NULL || *status == '\0')
    return NULL;

  switch (kind)
    {
    case KEFU_HISTORY_KIND_ORDER_CALL:
      if (kefu_enum_from_nick (KEFU_TYPE_HANDOVER_STATE, status, &value))
        return g_strdup (kefu_handover_state_get_display_name (value));
      break;

    case KEFU_HISTORY_KIND_COMPLAINT_CALL:
      if (kefu_enum_from_nick (KEFU_TYPE_COMPLAINT_STAGE, status, &value))
        return g_strdup (kefu_complaint_stage_get_display_name (value));
      break;

    case KEFU_HISTORY_KIND_INQUIRY_CALL:
      if (kefu_enum_from_nick (KEFU_TYPE_LEAD_STATE, status, &value))
        return g_strdup (kefu_lead_state_get_display_name (value));
      break;

    case KEFU_HISTORY_KIND_SHIPMENT:
      if (kefu_enum_from_nick (KEFU_TYPE_SHIPMENT_STEP, status, &value))
        return g_strdup (kefu_shipment_step_get_display_name (value));
      break;

    case KEFU_HISTORY_KIND_SERVICE_JOB:
      if (kefu_enum_from_nick (KEFU_TYPE_JOB_STEP, status, &value))
        return g_strdup (kefu_job_step_get_display_name (value));
      break;

    default:
      break;
    }

  /* A state this build has no words for (a newer pane's) is still better shown than hidden. */
  return g_strdup (status);
}
